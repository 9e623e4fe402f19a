"""Fixtures of the Excel import tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ita_desktop.storage.repository import Repository
from tests.importers.fixtures import exported_workbook


@pytest.fixture
def setup(tmp_path: Path) -> Iterator[tuple[Repository, int, Path]]:
    """A database with one year, and the workbook exported from it."""
    repo, aid, book = exported_workbook(tmp_path)
    yield repo, aid, book
    repo.close()
