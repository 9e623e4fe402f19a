"""Where resources and user data live: the source tree in development, the bundle when frozen."""

from __future__ import annotations

import os
from importlib.resources import files
from pathlib import Path

APP_NAME = "ITA Desktop"
APP_AUTHOR = "ITA Desktop"


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
