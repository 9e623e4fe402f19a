"""Where resources and user data live: the source tree in development, the bundle when frozen."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "ITA Desktop"
APP_AUTHOR = "ITA Desktop"


def project_root() -> Path:
    """Folder holding `resources/`: the PyInstaller bundle when frozen, else the source tree."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    """Path of a shipped resource, e.g. resource("fonts", "Sarabun-Regular.ttf")."""
    return project_root().joinpath("resources", *parts)


def font_path(style: str = "Regular") -> Path:
    """The Sarabun TTF of one style (Regular, Bold, Italic, BoldItalic)."""
    return resource("fonts", f"Sarabun-{style}.ttf")


def data_dir() -> Path:
    """The user's data folder; ITA_DESKTOP_DATA_DIR overrides it (tests, portable installs)."""
    override = os.environ.get("ITA_DESKTOP_DATA_DIR")
    if override:
        path = Path(override)
    else:
        from platformdirs import user_data_dir

        path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    """The database opened when no --db is given."""
    return data_dir() / "ita.sqlite"


def demo_db_path() -> Path:
    """The demo database, built from the seed documents on first start."""
    return data_dir() / "demo.sqlite"
