"""Nothing is written outside the app's own data folder (which holds the Thai word cache):
pythainlp's folder is pointed into it (and kept read-only), so an empty ~/pythainlp-data is
never created in the user's home."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

SEGMENT = (
    "from ita_desktop.thai.segmentation import split_words\n"
    "from pythainlp.tools import get_pythainlp_data_path\n"
    "print(split_words('ตัดคำภาษาไทย')); print(get_pythainlp_data_path())"
)


def _run(code: str, home: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(home),
        "LANG": "C.UTF-8",
        "ITA_DESKTOP_DATA_DIR": str(home / "app-data"),
        **extra,
    }
    return subprocess.run(
        [sys.executable, "-W", "error::DeprecationWarning:pythainlp", "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_segmentation_creates_no_folder_in_home(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    proc = _run(SEGMENT, home)
    assert proc.returncode == 0, proc.stderr
    words, pythainlp_dir = proc.stdout.splitlines()
    assert words == str(["ตัด", "คำ", "ภาษาไทย"])
    assert Path(pythainlp_dir) == home / "app-data" / "pythainlp"
    # no ~/pythainlp-data: only our own folder, holding only the dictionary's word cache
    assert [p.name for p in home.iterdir()] == ["app-data"]
    assert [p.name for p in (home / "app-data").iterdir()] == ["cache"]
    assert [p.name.startswith("thai-words-") for p in (home / "app-data" / "cache").iterdir()] == [
        True
    ]


def test_a_folder_the_user_chose_is_kept(tmp_path: Path) -> None:
    """pythainlp refuses PYTHAINLP_DATA and the deprecated PYTHAINLP_DATA_DIR together, so a
    user's own setting (either spelling) wins and ours is not added."""
    chosen = tmp_path / "mine"
    proc = _run(
        "import warnings; warnings.simplefilter('ignore')\n" + SEGMENT,
        tmp_path,
        PYTHAINLP_DATA_DIR=str(chosen),
        PYTHAINLP_READ_MODE="1",
    )
    assert proc.returncode == 0, proc.stderr
    assert Path(proc.stdout.splitlines()[1]) == chosen
