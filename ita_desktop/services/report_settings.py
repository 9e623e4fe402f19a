"""Use cases on how a year's documents print: digits, preface, signatories, round texts, the
documents of a bundle, the optional sections and table columns, the texts of the sections."""

from __future__ import annotations

import copy
import datetime
import re
from typing import Any

from ita_desktop.domain.models import (
    DOCUMENTS,
    MEASURE_COLUMNS,
    RESULT_COLUMNS,
    RESULTS_LAYOUTS,
    SECTIONS,
    ReportSettings,
    TableColumn,
)
from ita_desktop.errors import ValidationError
from ita_desktop.services.changes import SETTINGS, Changes
from ita_desktop.services.progress import check_round
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.store import SETTINGS_FIELDS
from ita_desktop.thai.dates import ad_year
from ita_desktop.thai.normalize import normalize_text

ROUND_TEXTS = ("summary", "problems", "suggestions")
TEXTS = (
    "preface",
    "background",
    "objectives",
    "targets_quantity",
    "targets_quality",
    "limitations",
    "preparing_unit",
    "announcement_text",
    "announcement_date",
)
_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")


def get_settings(db: Repository, assessment_id: int) -> ReportSettings:
    with db.read() as s:
        return s.settings(assessment_id)


def set_setting(db: Repository, assessment_id: int, name: str, value: Any) -> Changes:
    """One print setting (digits, preface, signatories, bundle, sections, columns, a section's
    text ...); `before` is its old value. A value the documents cannot print is refused."""
    if name not in SETTINGS_FIELDS or name in ROUND_TEXTS:
        raise ValueError(f"not a single print setting: {name!r}")
    value = checked(name, copy.deepcopy(value))
    with db.write() as s:
        before = s.set_setting(assessment_id, name, value)
    return Changes.of(SETTINGS, before=before)


def set_round_text(
    db: Repository, assessment_id: int, name: str, round_months: int, text: str
) -> Changes:
    """The summary, problems or suggestions of one round (only that round's text)."""
    if name not in ROUND_TEXTS:
        raise ValueError(f"not a round text: {name!r}")
    check_round(round_months)
    with db.write() as s:
        texts: dict[int, str] = dict(getattr(s.settings(assessment_id), name))
        before = texts.get(round_months, "")
        texts[round_months] = text
        s.set_setting(assessment_id, name, texts)
    return Changes.of(SETTINGS, before=before)


def checked(name: str, value: Any) -> Any:
    """The value as stored (texts normalised), or ValidationError in Thai."""
    if name in TEXTS:
        text = normalize_text(str(value or ""))
        if name == "announcement_date":
            check_date(text)
        return text
    if name == "bundle":
        chosen = [d for d in DOCUMENTS if d in (value or [])]
        if not chosen or len(chosen) != len(value):
            raise ValidationError(
                "เล่มรวมต้องมีเอกสารอย่างน้อยหนึ่งฉบับ (analysis, measures, results)",
                f"bad bundle {value!r}",
            )
        return chosen
    if name == "hidden_sections":
        unknown = [k for k in value if k not in SECTIONS]
        if unknown:
            raise ValidationError(f"ไม่รู้จักส่วนของเอกสาร “{unknown[0]}”", f"section {unknown[0]}")
        return [k for k in SECTIONS if k in value]
    if name in ("measure_columns", "result_columns"):
        return check_columns(
            value, MEASURE_COLUMNS if name == "measure_columns" else RESULT_COLUMNS
        )
    if name == "results_layout" and value not in RESULTS_LAYOUTS:
        raise ValidationError(
            "การจัดรายงานผลต้องเป็นตามมาตรการหรือตามตัวชี้วัด", f"results_layout {value!r}"
        )
    if name == "executive":
        name_, position = value
        return (normalize_text(name_ or ""), normalize_text(position or ""))
    return value


def check_columns(columns: list[TableColumn], known: tuple[str, ...]) -> list[TableColumn]:
    """Columns to print: at least one, each field once, the first not joined to nothing."""
    keys = [c.key for c in columns]
    if not columns:
        raise ValidationError("ตารางต้องมีอย่างน้อยหนึ่งคอลัมน์", "no column")
    for c in columns:
        if c.key not in known:
            raise ValidationError(f"ไม่รู้จักคอลัมน์ “{c.key}”", f"column {c.key}")
        if keys.count(c.key) > 1:
            raise ValidationError(f"คอลัมน์ “{c.key}” ซ้ำกัน", f"column {c.key} twice")
    return [
        TableColumn(c.key, normalize_text(c.header or ""), c.join and i > 0)
        for i, c in enumerate(columns)
    ]


def check_date(text: str) -> None:
    """ "" or a real day written "YYYY-MM-DD" with the Buddhist-era year."""
    if not text:
        return
    m = _DATE.fullmatch(text)
    try:
        if m is None:
            raise ValueError(text)
        datetime.date(ad_year(int(m[1])), int(m[2]), int(m[3]))
    except ValueError:
        raise ValidationError(
            f"วันที่ประกาศ “{text}” ไม่ถูกต้อง (ใช้ ปปปป-ดด-วว เป็นปีพุทธศักราช)", f"bad date {text!r}"
        ) from None
