"""A window on a copy of the demo database, for module-scoped fixtures that look at every page."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from ita_desktop_ui.app import create_window


@contextmanager
def demo_window_in(master: Path, folder: Path) -> Iterator[Any]:
    """A window on a copy of the demo database in `folder`, shown at its normal state; closed
    after."""
    db = folder / "demo.sqlite"
    shutil.copy(master, db)
    window = create_window(db)
    window.showNormal()
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()
