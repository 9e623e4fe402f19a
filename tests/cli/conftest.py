"""Fixtures of the command-line tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.importers.fixtures import exported_workbook


@pytest.fixture
def book(tmp_path: Path) -> tuple[Path, Path]:
    """(database, the workbook exported from it), the database closed."""
    repo, _aid, path = exported_workbook(tmp_path)
    repo.close()
    return repo.path, path
