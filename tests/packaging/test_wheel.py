"""The built wheel carries everything: installed into a fresh venv and run from another folder,
it builds the demo, exports a PDF with Sarabun embedded and draws every window page."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
OUR_PACKAGES = {"ita_desktop", "ita_desktop_ui", "ita_desktop_resources"}
SHIPPED = (
    "ita_desktop_resources/fonts/Sarabun-Regular.ttf",
    "ita_desktop_resources/fonts/Sarabun-Bold.ttf",
    "ita_desktop_resources/fonts/OFL.txt",
    "ita_desktop_resources/icons/add.svg",
    "ita_desktop_resources/icons/ita-desktop.svg",
    "ita_desktop/rules/presets/2568.json",
    "ita_desktop/documents/templates/narrative.json",
    "ita_desktop/demo/seeds.json",
    "ita_desktop/storage/migrations/env.py",
    "ita_desktop/storage/migrations/script.py.mako",
    "ita_desktop/storage/migrations/versions/0001_initial.py",
)
PRINT_LOCATIONS = (
    "import ita_desktop, ita_desktop_ui, ita_desktop_resources as r\n"
    "from ita_desktop.paths import font_path\n"
    "print(ita_desktop.__file__, ita_desktop_ui.__file__, r.__file__, font_path())"
)
QT_NOISE = "This plugin does not support propagateSizeHints()"

pytestmark = pytest.mark.slow


def _run(args: list[str], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        args, check=False, cwd=cwd, env=env, capture_output=True, text=True, timeout=600
    )


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dist = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(dist)],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    (built,) = dist.glob("ita_desktop-*.whl")
    return built


def test_wheel_holds_our_packages_and_resources_only(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    top_level = {n.split("/")[0] for n in names if ".dist-info/" not in n}
    assert top_level == OUR_PACKAGES  # never a generic `ui` or `resources`
    missing = [name for name in SHIPPED if name not in names]
    assert missing == []


@pytest.fixture(scope="module")
def venv(wheel: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel; its dependencies come from this interpreter's site-packages
    (same pinned versions, no download). Where the project is also installed in editable mode,
    the venv's own copy must still be the one imported: checked below."""
    target = tmp_path_factory.mktemp("venv") / "venv"
    subprocess.run(
        [sys.executable, "-m", "venv", "--system-site-packages", str(target)], check=True
    )
    python = target / "bin" / "python"
    proc = subprocess.run(
        [str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    return target


def _clean_env(tmp: Path) -> dict[str, str]:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp),
        "LANG": "C.UTF-8",
        "QT_QPA_PLATFORM": "offscreen",
        "ITA_DESKTOP_DATA_DIR": str(tmp / "data"),
    }


def test_installed_wheel_runs_from_another_folder(venv: Path, tmp_path: Path) -> None:
    python, elsewhere, env = (
        str(venv / "bin" / "python"),
        tmp_path / "elsewhere",
        _clean_env(tmp_path),
    )
    elsewhere.mkdir()
    where = _run(
        [
            python,
            "-c",
            PRINT_LOCATIONS,
        ],
        elsewhere,
        env,
    )
    assert where.returncode == 0, where.stderr
    assert all(path.startswith(str(venv)) for path in where.stdout.split()), where.stdout

    cli = str(venv / "bin" / "ita-desktop")
    demo = _run([cli, "demo", "--db", "demo.sqlite"], elsewhere, env)
    assert demo.returncode == 0 and demo.stderr == "", demo.stderr
    pdf = _run([cli, "export", "pdf", "--db", "demo.sqlite", "--out", "report.pdf"], elsewhere, env)
    assert pdf.returncode == 0 and pdf.stderr == "", pdf.stderr
    fonts = _run(["pdffonts", "report.pdf"], elsewhere, env).stdout.splitlines()[2:]
    assert fonts and all("Sarabun" in line and " yes yes " in line for line in fonts), fonts

    shots = elsewhere / "shots"
    gui = _run([cli, "gui", "--db", "demo.sqlite", "--screenshots", str(shots)], elsewhere, env)
    assert gui.returncode == 0, gui.stderr
    warnings = [line for line in gui.stderr.splitlines() if line.strip() and QT_NOISE not in line]
    assert warnings == []
    assert len(list(shots.glob("*.png"))) == 7
