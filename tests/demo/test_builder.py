"""The demo database: built fast from the seeds, its figures computed, never overwritten."""

from __future__ import annotations

import time
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.demo.builder import build_demo
from ita_desktop.errors import ValidationError
from ita_desktop.services.analysis import analyze_assessment
from ita_desktop.services.measures import list_measures
from ita_desktop.services.organizations import find_organization
from ita_desktop.services.report_settings import get_settings
from ita_desktop.storage.repository import Repository


def test_demo_builds_quickly_with_four_organisations(tmp_path: Path) -> None:
    start = time.perf_counter()
    repo = build_demo(tmp_path / "demo.sqlite")
    elapsed = time.perf_counter() - start
    assert elapsed < 2.0
    names = [o.name for o in repo.organizations()]
    assert names == [
        "เทศบาลนครตรัง",
        "องค์การบริหารส่วนจังหวัดนครพนม",
        "เทศบาลเมืองนครปฐม",
        "เทศบาลตำบลนาบอน",
    ]


def test_demo_trang_reproduces_its_published_figures(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    trang = find_organization(repo, "เทศบาลนครตรัง")
    assert trang.id is not None
    a = repo.assessment(trang.id, 2564)
    assert a.id is not None
    result = analyze_assessment(repo, a)
    assert result.overall == Decimal("95.36") == a.official.overall
    assert result.level == "AA" and result.mismatches == []
    assert len(result.strengths) == 8 and len(result.weaknesses) == 2
    assert len(list_measures(repo, a.id)) == 13
    repo.close()


def test_demo_flags_the_nakhon_phanom_difference(demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    org = find_organization(repo, "องค์การบริหารส่วนจังหวัดนครพนม")
    assert org.id is not None
    a = repo.assessment(org.id, 2566)
    assert a.id is not None
    result = analyze_assessment(repo, a)
    assert [m.figure for m in result.mismatches] == ["overall"]
    assert get_settings(repo, a.id).thai_digits is False
    repo.close()


def test_demo_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / "mine.sqlite"
    path.write_text("precious")
    with pytest.raises(ValidationError):
        build_demo(path)
    assert path.read_text() == "precious"
    build_demo(path, force=True).close()
    assert path.read_bytes().startswith(b"SQLite format 3")
