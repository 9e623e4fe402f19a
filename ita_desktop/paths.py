"""Where resources and user data live: the source tree in development, the bundle when frozen."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

APP_NAME = "ITA Desktop"
APP_AUTHOR = "ITA Desktop"
GUIDE_PDF = "คู่มือ.pdf"
GUIDE_MARKDOWN = "คู่มือ.md"


def resource(*parts: str) -> Path:
    """Path of a shipped resource, e.g. resource("fonts", "Sarabun-Regular.ttf").

    Resources install as the package `ita_desktop_resources` (the source folder `resources/`),
    so they are found the same way in the source tree, a wheel and a PyInstaller bundle.
    """
    return Path(str(files("ita_desktop_resources").joinpath(*parts)))


def font_path(style: str = "Regular") -> Path:
    """The Sarabun TTF of one style (Regular, Bold, Italic, BoldItalic)."""
    return resource("fonts", f"Sarabun-{style}.ttf")


def data_dir() -> Path:
    """The user's data folder; ITA_DESKTOP_DATA_DIR overrides it (tests, portable installs)."""
    path = data_dir_location()
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Files the program rebuilds when missing (e.g. the Thai dictionary's sorted words)."""
    path = data_dir() / "cache"
    path.mkdir(exist_ok=True)
    return path


def data_dir_location() -> Path:
    """Where data_dir() is, without creating it."""
    override = os.environ.get("ITA_DESKTOP_DATA_DIR")
    if override:
        return Path(override)
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, APP_AUTHOR))


def keep_library_data_in_app_folder() -> None:
    """Point pythainlp's data folder into ours before pythainlp is imported.

    pythainlp creates `~/pythainlp-data` when imported and would download models there; the
    segmenter only reads the word lists shipped inside the package. So its folder becomes
    `data_dir()/pythainlp`, in read-only mode (nothing is created or downloaded). A value the
    user set (PYTHAINLP_DATA, or the deprecated PYTHAINLP_DATA_DIR and PYTHAINLP_READ_MODE) is
    kept: pythainlp refuses both spellings at once.
    """
    if not (os.environ.get("PYTHAINLP_DATA") or os.environ.get("PYTHAINLP_DATA_DIR")):
        os.environ["PYTHAINLP_DATA"] = str(data_dir_location() / "pythainlp")
    if not (os.environ.get("PYTHAINLP_READ_ONLY") or os.environ.get("PYTHAINLP_READ_MODE")):
        os.environ["PYTHAINLP_READ_ONLY"] = "1"


def guide_path() -> Path | None:
    """The user guide to open from Help: the PDF shipped in the bundle, else (a source
    checkout) the PDF built by packaging/build_guide.py or the Markdown; None if none is there."""
    shipped = resource("guide", GUIDE_PDF)
    source = Path(__file__).resolve().parents[1] / "docs" / "guide"
    for path in (shipped, source / GUIDE_PDF, source / GUIDE_MARKDOWN):
        if path.is_file():
            return path
    return None


def default_db_path() -> Path:
    """The database opened when no --db is given."""
    return data_dir() / "ita.sqlite"


def demo_db_path() -> Path:
    """The demo database, built from the seed documents on first start."""
    return data_dir() / "demo.sqlite"
