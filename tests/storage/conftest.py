"""Storage fixtures: a fresh database file for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ita_desktop.storage.repository import Repository


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    r = Repository.open(tmp_path / "t.sqlite")
    yield r
    r.close()
