"""A scored year and the workbook our Excel export wrote of it, to import back."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ita_desktop.domain.models import Organization
from ita_desktop.services.assessments import create_year, set_scores
from ita_desktop.services.export import export_document
from ita_desktop.services.organizations import add_organization
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import created


def exported_workbook(folder: Path) -> tuple[Repository, int, Path]:
    """(open database, assessment id, workbook): a 2565 year whose ten scores are all 80.50."""
    repo = Repository.open(folder / "i.sqlite")
    org_id = created(add_organization(repo, Organization("เทศบาลทดสอบ")))
    aid = created(create_year(repo, org_id, 2565))
    set_scores(repo, aid, {i: Decimal("80.50") for i in range(1, 11)})
    book = export_document(repo, org_id=org_id, year=2565, fmt="xlsx", out=folder / "s.xlsx")
    return repo, aid, book
