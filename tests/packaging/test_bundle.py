"""The one-folder bundle (packaging/build.py): built, then run with an empty environment
(`env -i` plus HOME, the Qt platform and, for the PDF comparison, ReportLab's invariant mode).

It builds the demo, exports a PDF (Sarabun embedded, identical to the installed program's, so
the trimmed Thai dictionary breaks lines the same way) and an Excel workbook, draws every page
of the window, keeps its data inside its own folder (no ~/pythainlp-data), stays within the size
budget, and reports a missing bundled file as the program's, not as the user's folder.

Building takes about 1.5 minutes on two cores; the time, the size and the largest parts are
printed as a warning at the end of the test run.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
import time
import warnings
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SIZE_BUDGET = 157_000_000  # bytes, unpacked, Linux (PDFium for the print preview: 7.1 MB)
PAGES = 7
QT_NOISE = "This plugin does not support propagateSizeHints()"
PYTHAINLP_CORPUS = {"words_th.txt", "stopwords_th.txt", "corpus_license.md"}

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(sys.platform != "linux", reason="the smoke test runs the Linux bundle"),
]

# packaging/build.py, loaded by path: the sizes as the build reports them (and never the
# unrelated `build` package from PyPI).
_spec = importlib.util.spec_from_file_location(
    "ita_packaging_build", ROOT / "packaging" / "build.py"
)
assert _spec is not None and _spec.loader is not None
build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(build)


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if importlib.util.find_spec("PyInstaller") is None:
        if os.environ.get("CI"):
            pytest.fail('PyInstaller is missing: pip install -e ".[bundle]"')
        pytest.skip('needs PyInstaller (pip install -e ".[bundle]")')
    dist = tmp_path_factory.mktemp("dist")
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "build.py"), "--dist", str(dist)],
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    took = time.monotonic() - start
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-5000:]
    folder = dist / build.BUNDLE_NAME
    parts = ", ".join(f"{name} {size / 1e6:.1f} MB" for size, name in build.largest_parts(folder))
    warnings.warn(
        f"bundle built in {took:.0f} s: {build.tree_size(folder) / 1e6:.1f} MB; largest: {parts}",
        stacklevel=1,
    )
    return folder


def _clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What `env -i HOME=... QT_QPA_PLATFORM=offscreen` leaves: no PATH, no locale."""
    return {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", **extra}


def _run(
    exe: Path, args: list[str], cwd: Path, env: dict[str, str]
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(exe), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=600,
        check=False,
    )


def test_only_what_is_used_within_the_budget(bundle: Path) -> None:
    size = build.tree_size(bundle)
    assert size <= SIZE_BUDGET, f"{size / 1e6:.1f} MB > {SIZE_BUDGET / 1e6:.0f} MB"
    assert os.access(bundle / "ita-desktop", os.X_OK)
    assert os.access(bundle / "ita-desktop-cli", os.X_OK)
    internal = bundle / "_internal"
    corpus = {p.name for p in (internal / "pythainlp" / "corpus").iterdir() if p.is_file()}
    assert corpus - {n for n in corpus if n.endswith((".py", ".pyc"))} == PYTHAINLP_CORPUS
    shipped = internal / "ita_desktop_resources"
    for name in ("fonts/Sarabun-Regular.ttf", "fonts/OFL.txt", "icons/ita-desktop.svg"):
        assert (shipped / name).is_file(), name
    assert (shipped / "guide" / "คู่มือ.pdf").stat().st_size > 100_000
    # Every data file of the core ships, found generically (presets, templates, provinces,
    # the exchange schema, demo seeds, ...), and the migrations' sources.
    source = ROOT / "ita_desktop"
    data = [
        p.relative_to(ROOT)
        for p in source.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix not in (".py", ".pyc")
    ]
    data += [p.relative_to(ROOT) for p in (source / "storage" / "migrations").rglob("*.py")]
    assert len(data) >= 12
    missing = [str(name) for name in data if not (internal / name).is_file()]
    assert missing == []
    platforms = {p.name for p in (internal / "PySide6" / "Qt" / "plugins" / "platforms").iterdir()}
    assert {"libqoffscreen.so", "libqxcb.so"} <= platforms
    assert not (internal / "PySide6" / "Qt" / "translations").exists()
    # PDFium (the print preview) is loaded by ctypes: kept although nothing links it.
    assert list((internal / "pypdfium2_raw").glob("libpdfium*")), "libpdfium missing"


def test_runs_in_a_clean_environment(bundle: Path, tmp_path: Path) -> None:
    home, work = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    work.mkdir()
    cli = bundle / "ita-desktop-cli"
    env = _clean_env(home, RL_invariant="1")

    demo = _run(cli, ["demo", "--db", "demo.itadb"], work, env)
    assert demo.returncode == 0 and demo.stderr == "", demo.stderr
    assert "demo.itadb" in demo.stdout  # Thai and UTF-8 printed without a locale

    pdf = _run(cli, ["export", "pdf", "--db", "demo.itadb", "--out", "report.pdf"], work, env)
    assert pdf.returncode == 0 and pdf.stderr == "", pdf.stderr
    fonts = subprocess.run(
        ["pdffonts", str(work / "report.pdf")], capture_output=True, text=True, check=True
    ).stdout.splitlines()[2:]
    assert fonts and all("Sarabun" in line and " yes yes " in line for line in fonts), fonts

    # The installed program, same database and invariant mode: the same bytes.
    installed = subprocess.run(
        [sys.executable, "-m", "ita_desktop", "export", "pdf", "--db", "demo.itadb"]
        + ["--out", "installed.pdf"],
        cwd=work,
        env={**os.environ, "RL_invariant": "1", "ITA_DESKTOP_DATA_DIR": str(tmp_path / "d")},
        capture_output=True,
        text=True,
        check=False,
    )
    assert installed.returncode == 0, installed.stderr
    assert (work / "report.pdf").read_bytes() == (work / "installed.pdf").read_bytes()

    xlsx = _run(cli, ["export", "xlsx", "--db", "demo.itadb", "--out", "report.xlsx"], work, env)
    assert xlsx.returncode == 0 and xlsx.stderr == "", xlsx.stderr
    assert "xl/workbook.xml" in zipfile.ZipFile(work / "report.xlsx").namelist()

    shots = work / "shots"
    gui = _run(
        bundle / "ita-desktop",
        ["gui", "--db", "demo.itadb", "--screenshots", str(shots)],
        work,
        env,
    )
    assert gui.returncode == 0, gui.stderr
    noise = [line for line in gui.stderr.splitlines() if line.strip() and QT_NOISE not in line]
    assert noise == []
    assert len(list(shots.glob("*.png"))) == PAGES

    # Only the program's own folders in the home: its data, its settings (no pythainlp-data).
    found = sorted(str(p.relative_to(home)) for p in home.rglob("*") if p.is_dir())
    assert not (home / "pythainlp-data").exists(), found
    assert all(
        "ITA Desktop" in p or p.split("/")[0] in (".local", ".config", ".cache") for p in found
    )


def test_a_missing_bundled_file_is_not_the_users_folder(bundle: Path, tmp_path: Path) -> None:
    """The issue's case: a file missing inside the program was reported as "ไม่พบโฟลเดอร์ ."."""
    work = tmp_path / "work"
    work.mkdir()
    cli, env = bundle / "ita-desktop-cli", _clean_env(tmp_path)
    assert _run(cli, ["demo", "--db", "demo.itadb"], work, env).returncode == 0
    words = bundle / "_internal" / "pythainlp" / "corpus" / "words_th.txt"
    hidden = words.with_name("words_th.txt.hidden")
    shutil.move(words, hidden)
    try:
        pdf = _run(cli, ["export", "pdf", "--db", "demo.itadb", "--out", "r.pdf"], work, env)
    finally:
        shutil.move(hidden, words)
    assert pdf.returncode != 0
    assert "ส่วนหนึ่งของโปรแกรม" in pdf.stderr and "ไม่พบโฟลเดอร์" not in pdf.stderr, pdf.stderr
    assert not (work / "r.pdf").exists()
