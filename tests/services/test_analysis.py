"""The analysis of a stored year: by its own rules copy, compared with the nearest earlier year."""

from __future__ import annotations

from decimal import Decimal

from ita_desktop.domain.models import Assessment
from ita_desktop.services.analysis import analyze_assessment, history_in, previous_assessment
from ita_desktop.services.assessments import create_year, get_assessment_by_id, set_scores
from ita_desktop.storage.repository import Repository
from tests.documents.fixtures import TRANG_2563, TRANG_2564, created

D = Decimal


def _year(repo: Repository, org_id: int, year: int, scores: list[str]) -> Assessment:
    aid = created(create_year(repo, org_id, year))
    set_scores(repo, aid, {i: D(v) for i, v in enumerate(scores, start=1)})
    return get_assessment_by_id(repo, aid)


def test_compared_with_the_nearest_earlier_year(repo: Repository, org_id: int) -> None:
    oldest = _year(repo, org_id, 2561, ["50"] * 10)
    earlier = _year(repo, org_id, 2563, TRANG_2563)
    a = _year(repo, org_id, 2564, TRANG_2564)
    result = analyze_assessment(repo, a)
    assert result.previous_year == 2563 and result.overall is not None
    assert result.change["1"] == D("94.42") - D("90.10")
    first = analyze_assessment(repo, oldest)
    assert first.previous_year is None and first.change == {}
    with repo.read() as s:
        assert previous_assessment(s, a) == earlier
        assert previous_assessment(s, oldest) is None
        assert previous_assessment(s, Assessment(None, 2564, a.rules)) is None


def test_history_runs_up_to_the_year(repo: Repository, org_id: int) -> None:
    _year(repo, org_id, 2563, TRANG_2563)
    a = _year(repo, org_id, 2564, TRANG_2564)
    _year(repo, org_id, 2565, TRANG_2564)
    with repo.read() as s:
        history = history_in(s, a)
        alone = history_in(s, Assessment(None, 2564, a.rules, a.scores))
    assert [year for year, _ in history] == [2563, 2564]
    assert history[-1][1].overall == D("95.36")
    assert [year for year, _ in alone] == [2564]


def test_each_year_by_its_own_rules(repo: Repository, org_id: int) -> None:
    a = _year(repo, org_id, 2564, TRANG_2564)
    a.rules.tools[0].weight, a.rules.tools[2].weight = D("0.5"), D("0.2")  # not stored
    changed = analyze_assessment(repo, a)
    stored = analyze_assessment(repo, get_assessment_by_id(repo, a.id))  # type: ignore[arg-type]
    assert stored.overall == D("95.36") and changed.overall != stored.overall
