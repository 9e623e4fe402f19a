"""Adding an organisation creates no year; what "เพิ่มปี…" proposes and which rules it says."""

from __future__ import annotations

import datetime

from ita_desktop.domain.models import Organization
from ita_desktop.rules.presets import available_years, preset_for
from ita_desktop.services.assessments import create_year, get_assessment
from ita_desktop.services.organizations import add_organization, year_choice, year_rules_note
from ita_desktop.storage.repository import Repository

TODAY = datetime.date(2026, 11, 27)  # FY 2570 running


def test_a_new_organisation_has_no_year(repo: Repository) -> None:
    org_id = add_organization(repo, Organization("อบต.ไม่มีปี")).created_id
    assert org_id is not None and repo.years(org_id) == []


def test_the_choice_proposes_the_last_completed_year(repo: Repository) -> None:
    org_id = add_organization(repo, Organization("อบต.ทดสอบ")).created_id
    assert org_id is not None
    choice = year_choice(repo, org_id, TODAY)
    assert (choice.proposed, choice.last_completed, choice.existing) == (2569, 2569, [])
    assert choice.rule_years == available_years() == list(range(2562, 2569))
    create_year(repo, org_id, 2569)
    assert year_choice(repo, org_id, TODAY).proposed == 2570


def test_the_note_names_the_preset_the_year_copies(repo: Repository) -> None:
    assert year_rules_note(2569) == ("ปี 2569 ยังไม่มีเกณฑ์ของ ป.ป.ช. จะใช้เกณฑ์ปี 2568 (แก้ไขได้ที่หน้าเกณฑ์)")
    assert year_rules_note(2566) == "ปี 2566 ใช้เกณฑ์ของ ป.ป.ช. ปี 2566 (แก้ไขได้ที่หน้าเกณฑ์)"
    assert "จะใช้เกณฑ์ปี 2562" in year_rules_note(2560)
    org_id = add_organization(repo, Organization("อบต.ตรวจ")).created_id
    assert org_id is not None
    create_year(repo, org_id, 2569)  # the note tells the truth about what is stored
    stored = get_assessment(repo, org_id, 2569).rules
    expected = preset_for(2568)
    assert stored.tools == expected.tools and stored.grades == expected.grades
    assert stored.source == expected.source
