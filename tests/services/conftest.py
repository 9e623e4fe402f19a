"""Services fixtures: a fresh database file, an organisation in it and one fiscal year."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from ita_desktop.services.assessments import create_year
from ita_desktop.services.organizations import add_organization
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created
from tests.storage.fixtures import nabon


@pytest.fixture
def repo(tmp_path: Path) -> Iterator[Repository]:
    r = Repository.open(tmp_path / "t.sqlite")
    yield r
    r.close()


@pytest.fixture
def org_id(repo: Repository) -> int:
    """เทศบาลตำบลนาบอน, with no year yet."""
    return created(add_organization(repo, nabon()))


@pytest.fixture
def aid(repo: Repository, org_id: int) -> int:
    """Its fiscal year 2566, created with the preset rules (indicators 1–10)."""
    return created(create_year(repo, org_id, 2566))
