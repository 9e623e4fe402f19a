"""Use cases on one fiscal year's assessment: create and delete years, scores, official
figures, threshold, rules, issues and narrative texts. Each write is one transaction."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Mapping
from decimal import Decimal

from ita_desktop.analysis.basis import basis_for
from ita_desktop.analysis.figures import figures_of_assessment
from ita_desktop.analysis.scoring import MAX_SCORE, MIN_SCORE, TWO_PLACES, check_score
from ita_desktop.domain.models import PRIORITIES, TOOLS, Assessment, ReportSettings, Rules
from ita_desktop.errors import ValidationError, shown
from ita_desktop.rules.presets import check_rules, preset_for
from ita_desktop.services.backups import before_change
from ita_desktop.services.changes import ASSESSMENT, SCORES, YEARS, Changes
from ita_desktop.storage.repository import Repository, find_assessment
from ita_desktop.storage.store import Store
from ita_desktop.thai.numbers import ScoreFormatError, parse_score

OFFICIAL_FIGURES = {
    "iit": "official_iit",
    "eit": "official_eit",
    "oit": "official_oit",
    "overall": "official_overall",
}
TEXT_COLUMNS = {
    "indicator": "issues_by_indicator",
    "tool": "issues_by_tool",
    "narrative": "narratives",
}


def get_assessment(db: Repository, org_id: int, year: int | None = None) -> Assessment:
    """The organisation's assessment of `year` (None: its latest)."""
    with db.read() as s:
        return find_assessment(s, org_id, year)


def get_assessment_by_id(db: Repository, assessment_id: int) -> Assessment:
    with db.read() as s:
        return s.assessment(assessment_id)


def years(db: Repository, org_id: int) -> list[int]:
    with db.read() as s:
        return s.years(org_id)


MIN_YEAR, MAX_YEAR = 2500, 2700  # Buddhist-era fiscal years a database may hold


def check_year(year: int) -> None:
    """A Buddhist-era fiscal year; a common-era year gets a hint."""
    if not MIN_YEAR <= year <= MAX_YEAR:
        hint = f" (พ.ศ. = ค.ศ. + 543: {year + 543})" if 1957 <= year <= 2157 else ""
        raise ValidationError(
            f"ปีงบประมาณต้องเป็นปี พ.ศ. {MIN_YEAR}–{MAX_YEAR} (ได้ {year}){hint}",
            f"fiscal year {year} out of range",
        )


def create_year(db: Repository, org_id: int, year: int) -> Changes:
    """A new fiscal year for the organisation, with a copy of that year's preset rules."""
    check_year(year)
    rules = preset_for(year)
    a = Assessment(org_id, year, rules, threshold=rules.target, target=rules.target)
    return add_assessment(db, a)


def add_assessment(
    db: Repository, a: Assessment, settings: ReportSettings | None = None
) -> Changes:
    """Insert a whole year (scores, figures, texts, rules copy), checked first."""
    check_year(a.year)
    check_rules(a.rules)
    _check_scores(a.rules, a.scores)
    _check_range("เกณฑ์จุดแข็ง", a.threshold)
    a = _plain_numbers(a)
    with db.write() as s:
        if a.organization_id is None:
            raise ValidationError("ไม่ได้ระบุหน่วยงาน", "assessment without organisation")
        s.organization(a.organization_id)
        if s.assessment_id(a.organization_id, a.year) is not None:
            raise ValidationError(f"มีการประเมินปีงบประมาณ {a.year} อยู่แล้ว", "year exists")
        new_id = s.add_assessment(a, settings)
    return Changes.of(YEARS, ASSESSMENT, SCORES, created_id=new_id)


def delete_year(db: Repository, assessment_id: int) -> Changes:
    """Delete one fiscal year with its measures and progress (the file is backed up first)."""
    before_change(db, "delete-year")
    with db.write() as s:
        s.delete_assessment(assessment_id)
    return Changes.of(YEARS, ASSESSMENT, SCORES)


def set_score(db: Repository, assessment_id: int, indicator: int, value: Decimal | None) -> Changes:
    """Set (or clear, with None) one indicator's score; `before` is the score replaced."""
    with db.write() as s:
        _check_indicator(s, assessment_id, indicator, value)
        before = s.score(assessment_id, indicator)
        s.set_score(assessment_id, indicator, _plain(value))
    return Changes.of(SCORES, before=before)


def set_scores(db: Repository, assessment_id: int, scores: Mapping[int, Decimal | None]) -> Changes:
    """Several scores at once (a pasted row, an imported sheet): all or none are written."""
    with db.write() as s:
        for indicator, value in scores.items():
            _check_indicator(s, assessment_id, indicator, value)
        before = {n: s.score(assessment_id, n) for n in scores}
        for indicator, value in scores.items():
            s.set_score(assessment_id, indicator, _plain(value))
    return Changes.of(SCORES, before=before)


MAX_PASTED = 10  # a row or column of one year's indicator scores


def parse_pasted_scores(rules: Rules, first: int, text: str) -> dict[int, Decimal]:
    """A row or column of scores copied from a spreadsheet (cells separated by tabs or line
    breaks), for the indicators from `first` on in the rules' order.

    All or nothing: a ValidationError with a Thai message naming the value (its place and the
    indicator it was meant for) when any cell is empty, not a number, out of 0–100, has more
    than two decimals, or when there are more values than indicators from `first` on."""
    numbers = [ind.number for ind in rules.indicators]
    if first not in numbers:
        raise ValidationError(f"ไม่มีตัวชี้วัดที่ {first} ในเกณฑ์ปีนี้", f"no indicator {first}")
    lines = text.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n").split("\n")
    rows = [line.split("\t") for line in lines]
    if len(rows) > 1 and any(len(row) > 1 for row in rows):
        raise ValidationError(
            f"วางคะแนนได้ทีละหนึ่งแถวหรือหนึ่งคอลัมน์ (ที่คัดลอกมามี {len(rows)} แถว "
            f"{max(len(row) for row in rows)} คอลัมน์)",
            "pasted a block, not a row or a column",
        )
    cells = [cell for row in rows for cell in row]
    if len(cells) > MAX_PASTED:
        raise ValidationError(
            f"วางคะแนนได้ไม่เกิน {MAX_PASTED} ค่า (ที่คัดลอกมามี {len(cells)} ค่า) ยังไม่ได้วางค่าใด",
            f"{len(cells)} values pasted",
        )
    targets = numbers[numbers.index(first) :]
    if len(cells) > len(targets):
        raise ValidationError(
            f"จากตัวชี้วัดที่ {first} ถึงตัวชี้วัดที่ {targets[-1]} มีที่ให้วาง {len(targets)} ค่า "
            f"แต่ที่คัดลอกมามี {len(cells)} ค่า ยังไม่ได้วางค่าใด",
            f"{len(cells)} values for {len(targets)} indicators",
        )
    scores: dict[int, Decimal] = {}
    for place, (number, cell) in enumerate(zip(targets, cells, strict=False), start=1):
        try:
            value = parse_score(cell)
        except ScoreFormatError as exc:
            reason, detail = ("ว่าง", "empty") if not cell.strip() else (exc.thai, exc.detail)
        else:
            if not MIN_SCORE <= value <= MAX_SCORE:
                reason, detail = f"{shown(cell.strip())} ไม่อยู่ระหว่าง 0 ถึง 100", "out of 0-100"
            elif value != value.quantize(TWO_PLACES):
                reason, detail = f"{shown(cell.strip())} มีทศนิยมเกิน 2 ตำแหน่ง", "over 2 decimals"
            else:
                scores[number] = value
                continue
        raise ValidationError(
            f"ค่าที่ {place} ที่วาง (ตัวชี้วัดที่ {number}): {reason} ยังไม่ได้วางค่าใด",
            f"pasted value {place} for indicator {number}: {detail}",
        )
    return scores


def set_official(db: Repository, assessment_id: int, figure: str, value: Decimal | None) -> Changes:
    """One figure as the NACC published it: iit, eit, oit or overall (None clears it)."""
    if figure not in OFFICIAL_FIGURES:
        raise ValueError(f"unknown official figure {figure!r}")
    if value is not None:
        _check_range(f"คะแนน {figure.upper()} ของ ป.ป.ช.", value)
    with db.write() as s:
        before = s.update_assessment(assessment_id, {OFFICIAL_FIGURES[figure]: _plain(value)})
    return Changes.of(ASSESSMENT, before=before[OFFICIAL_FIGURES[figure]])


def set_official_level(db: Repository, assessment_id: int, level: str) -> Changes:
    with db.write() as s:
        before = s.update_assessment(assessment_id, {"official_level": level.strip()})
    return Changes.of(ASSESSMENT, before=before["official_level"])


def set_threshold(db: Repository, assessment_id: int, value: Decimal) -> Changes:
    """The score above which an indicator is a strength."""
    _check_range("เกณฑ์จุดแข็ง", value)
    with db.write() as s:
        before = s.update_assessment(assessment_id, {"threshold": _plain(value)})
    return Changes.of(ASSESSMENT, before=before["threshold"])


def set_rules(db: Repository, assessment_id: int, rules: Rules) -> Changes:
    """Replace the year's copy of its rules (the target with them); refused if they cannot
    compute, so a stored copy always loads again. Scores of indicators the new rules lack
    are refused too, rather than dropped silently."""
    check_rules(rules)
    with db.write() as s:
        current = s.assessment(assessment_id)
        numbers = {ind.number for ind in rules.indicators}
        orphans = sorted(n for n, v in current.scores.items() if v is not None and n not in numbers)
        if orphans:
            listed = ", ".join(str(n) for n in orphans)
            raise ValidationError(
                f"ลบตัวชี้วัดที่ {listed} ไม่ได้ เพราะยังมีคะแนนอยู่ กรุณาลบคะแนนก่อน",
                f"scores exist for indicators {orphans}",
            )
        before = s.set_rules(assessment_id, copy.deepcopy(rules))
    return Changes.of(ASSESSMENT, SCORES, before=before)


def set_issue(db: Repository, assessment_id: int, indicator: int, text: str) -> Changes:
    """The issue to fix of one indicator (empty text removes it)."""
    return _set_text(db, assessment_id, "indicator", str(indicator), text)


def set_tool_issue(db: Repository, assessment_id: int, tool: str, text: str) -> Changes:
    """The issues to fix of one tool (IIT, EIT, OIT)."""
    if tool not in TOOLS:
        raise ValueError(f"unknown tool {tool!r}")
    return _set_text(db, assessment_id, "tool", tool, text)


def set_issue_priority(
    db: Repository, assessment_id: int, indicator: int, priority: str | None
) -> Changes:
    """Mark an indicator's issue as urgent or to develop (None: unmarked); `before` is the old."""
    if priority is not None and priority not in PRIORITIES:
        raise ValueError(f"unknown priority {priority!r}")
    with db.write() as s:
        _check_indicator(s, assessment_id, indicator, None)
        before = s.set_map_entry(assessment_id, "issue_priorities", str(indicator), priority)
    return Changes.of(ASSESSMENT, before=before)


def set_narrative(
    db: Repository,
    assessment_id: int,
    section: str,
    text: str,
    basis: Mapping[str, str] | None = None,
) -> Changes:
    """The user's own text of an analysis section; empty text goes back to the generated one.

    The text is recorded as written for the section's current figures (its basis), unless
    `basis` is given (an undo puts back the basis the old text had); clearing the text clears
    its basis. `before` is the text replaced, `details["basis"]` the basis replaced."""
    with db.write() as s:
        before = s.set_text(assessment_id, TEXT_COLUMNS["narrative"], section, text)
        stored = s.assessment(assessment_id)
        new_text = stored.narratives.get(section, "")
        if basis is None:
            basis = _basis_now(stored, section, new_text)
        old_basis = s.set_map_entry(
            assessment_id, "narrative_basis", section, dict(basis) if new_text else None
        )
    return Changes(frozenset({ASSESSMENT}), before, None, {"basis": old_basis})


def confirm_narrative(
    db: Repository, assessment_id: int, section: str, basis: Mapping[str, str] | None = None
) -> Changes:
    """ "ยืนยันว่าข้อความถูกต้อง": the user's text of `section` is right for the current figures,
    which become its basis again (or `basis`, for an undo). `before` is the basis replaced."""
    with db.write() as s:
        stored = s.assessment(assessment_id)
        text = stored.narratives.get(section, "")
        if not text.strip():
            raise ValidationError(
                "หัวข้อนี้ยังไม่มีข้อความที่แก้ไขเอง จึงไม่มีอะไรต้องยืนยัน", f"no text for {section}"
            )
        if basis is None:
            basis = _basis_now(stored, section, text)
        before = s.set_map_entry(assessment_id, "narrative_basis", section, dict(basis))
    return Changes.of(ASSESSMENT, before=before)


def _basis_now(a: Assessment, section: str, text: str) -> dict[str, str]:
    """The current figures the section's text depends on (as they are shown)."""
    return basis_for(section, text, figures_of_assessment(a), a.rules)


def _set_text(db: Repository, assessment_id: int, kind: str, key: str, text: str) -> Changes:
    with db.write() as s:
        before = s.set_text(assessment_id, TEXT_COLUMNS[kind], key, text)
    return Changes.of(ASSESSMENT, before=before)


def _check_indicator(s: Store, assessment_id: int, indicator: int, value: Decimal | None) -> None:
    rules = s.assessment(assessment_id).rules
    if indicator not in {ind.number for ind in rules.indicators}:
        raise ValidationError(f"ไม่มีตัวชี้วัดที่ {indicator} ในเกณฑ์ปีนี้", f"no indicator {indicator}")
    if value is not None:
        check_score(indicator, value)


def _check_scores(rules: Rules, scores: Mapping[int, Decimal | None]) -> None:
    numbers = {ind.number for ind in rules.indicators}
    for number, value in scores.items():
        if number not in numbers:
            raise ValidationError(f"ไม่มีตัวชี้วัดที่ {number} ในเกณฑ์ปีนี้", f"no indicator {number}")
        if value is not None:
            check_score(number, value)


def _check_range(what: str, value: Decimal) -> None:
    if not value.is_finite() or not MIN_SCORE <= value <= MAX_SCORE:
        raise ValidationError(f"{what} ต้องอยู่ระหว่าง 0 ถึง 100", f"{what}: {value} not in 0-100")
    if value != value.quantize(TWO_PLACES):
        raise ValidationError(f"{what} มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง", f"{what}: {value}")


def _plain(value: Decimal | None) -> Decimal | None:
    """-0 is stored as 0 (the same number; "-0" would print)."""
    return None if value is None else value + 0 if value.is_zero() else value


def _plain_numbers(a: Assessment) -> Assessment:
    """A copy of a whole year with its scores, threshold and official figures `_plain`."""
    o = a.official
    official = dataclasses.replace(
        o, iit=_plain(o.iit), eit=_plain(o.eit), oit=_plain(o.oit), overall=_plain(o.overall)
    )
    scores = {n: _plain(v) for n, v in a.scores.items()}
    threshold = a.threshold + 0 if a.threshold.is_zero() else a.threshold
    return dataclasses.replace(a, scores=scores, threshold=threshold, official=official)
