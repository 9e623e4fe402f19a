"""A consistency check of the final text: reads every block a document will print (generated
and typed text, tables, charts, notes) and lists each contradiction with where it is.

What it finds: an indicator, tool, overall or level stated with a figure other than its own
(the leading figures: official where entered); a list or table said to be ranked that is not
in order; a strength or weakness claim against the threshold; another organisation's,
district's or province's name; a fiscal year after the plan year; a round that does not
belong. Pure: it gets the built `Document` and the `Facts` of the year.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from pathlib import Path

from ita_desktop.documents.blocks import (
    BarChart,
    Cover,
    Document,
    Heading,
    Paragraph,
    Row,
    Signatures,
    Table,
    TrendChart,
)
from ita_desktop.documents.consistency_facts import Facts, Finding
from ita_desktop.domain.models import ROUNDS
from ita_desktop.thai.digits import to_arabic_digits

PROVINCES_FILE = Path(__file__).with_name("templates") / "provinces.json"

ORG_KINDS = (
    "องค์การบริหารส่วนจังหวัด",
    "องค์การบริหารส่วนตำบล",
    "เทศบาลนคร",
    "เทศบาลเมือง",
    "เทศบาลตำบล",
    "อบจ.",
    "อบต.",
    "ทน.",
    "ทม.",
    "ทต.",
)
OVERALL_WORDS = ("คะแนนภาพรวม", "คะแนนรวม", "โดยภาพรวม", "ภาพรวม")
TOOL_CODES = ("IIT", "EIT", "OIT")

_VALUE = r"(?P<value>\d{1,3}(?:\.\d{1,2})?)"
_YEAR_WORDS = r"(?:ปีงบประมาณ|ปี|พ\.ศ\.)\s*(?:พ\.ศ\.)?\s*(25\d\d)"
# what may stand between a figure's name and its value: "ได้คะแนนเท่ากับ ร้อยละ", "(", "ปี 2567 ได้"
_LINK = (
    r"(?:[\s():]|ได้คะแนน|ได้|คะแนน|เท่ากับ|ร้อยละ|อยู่ที่|ที่ได้|เต็ม|ผล|ค่าฐาน|"
    r"(?:ปีงบประมาณ|ปี)\s*(?:พ\.ศ\.)?\s*(25\d\d))*?"
)
_LATIN_BEFORE = r"(?<![A-Za-z0-9])"
_LATIN_AFTER = r"(?![A-Za-z0-9])"
_STRONG_LINK = re.compile(r"ได้คะแนน|เท่ากับ|ร้อยละ|:|อยู่ที่")
_RANK_CLAIM = re.compile(r"เรียง|อันดับ\s*(?:ที่)?\s*ตัวชี้วัด")  # "อันดับ ตัวชี้วัด คะแนน"
_ASCENDING = re.compile(r"น้อยไปมาก|ต่ำไปสูง")
_YEAR = re.compile(_YEAR_WORDS)
_ROUND = re.compile(r"รอบ\s*(\d{1,2})\s*เดือน")
_THRESHOLD_WORDS = re.compile(
    r"(?:ตั้งแต่|มากกว่า|สูงกว่า|ต่ำกว่า|น้อยกว่า|ไม่ถึง)\s*ร้อยละ\s*(\d{1,3}(?:\.\d{1,2})?)"
)
_COUNT = re.compile(r"จำนวน\s*(\d{1,2})\s*ตัวชี้วัด")
_STRENGTH = re.compile(r"จุดแข็ง")
_WEAKNESS = re.compile(r"จุดที่ต้องพัฒนา|ตัวชี้วัดที่ต้องพัฒนา|จุดอ่อน")


@lru_cache(maxsize=1)
def provinces() -> tuple[str, ...]:
    return tuple(json.loads(PROVINCES_FILE.read_text(encoding="utf-8"))["provinces"])


def _alternation(names: list[str]) -> str:
    unique = sorted({n for n in names if n}, key=len, reverse=True)
    return "|".join(re.escape(n) for n in unique) or r"(?!x)x"


def _number(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _plain(text: str) -> str:
    return to_arabic_digits(text).replace("\u200b", "")


def _strip(name: str, prefix: str) -> str:
    return name.strip().removeprefix(prefix).strip()


@dataclass(frozen=True)
class Mention:
    """A figure named in a text with the value stated for it."""

    kind: str  # indicator | tool | overall
    key: str  # indicator number, tool code, "overall"
    value: Decimal
    year: int | None  # a year named between the name and the value
    start: int
    end: int


class Checker:
    """Walks one document's blocks and collects findings."""

    def __init__(self, facts: Facts) -> None:
        self.facts = facts
        rules = facts.rules
        self.names = {ind.name: ind.number for ind in rules.indicators}
        names = _alternation(list(self.names))
        self._indicator = re.compile(
            rf"(?:(?P<name>{names})|ตัวชี้วัด\s*ที่\s*(?P<number>\d{{1,2}}))"
            rf"(?P<link>{_LINK}){_VALUE}(?P<unit>\s*คะแนน)?"
        )
        self._tool = re.compile(
            rf"{_LATIN_BEFORE}(?P<code>IIT|EIT|OIT){_LATIN_AFTER}(?P<link>{_LINK}){_VALUE}"
        )
        overall = _alternation(list(OVERALL_WORDS))
        self._overall = re.compile(rf"(?<!เพิ่ม)(?<!ลด)(?:{overall})(?P<link>{_LINK}){_VALUE}")
        labels = _alternation([g.label for g in rules.grades])
        self._level = re.compile(rf"(?:อยู่ในระดับ|ระดับผลการประเมิน\s*:?)\s*({labels})")
        self._names_only = re.compile(names)
        own_province = _strip(facts.org.province, "จังหวัด")
        own_district = _strip(facts.org.district, "อำเภอ")
        self._provinces = re.compile(rf"(?:จังหวัด|จ\.)\s*({_alternation(list(provinces()))})")
        self.own_province = own_province
        places = list(provinces()) + [_strip(o.district, "อำเภอ") for o in facts.other_orgs]
        self._org_kind = re.compile(
            rf"({_alternation(list(ORG_KINDS))})\s*({_alternation(places)})"
        )
        districts = [
            d
            for d in (_strip(o.district, "อำเภอ") for o in facts.other_orgs)
            if d and d != own_district
        ]
        self._districts = re.compile(rf"(?:อำเภอ|อ\.)\s*({_alternation(districts)})")
        self._other_names = [o.name.strip() for o in facts.other_orgs if o.name.strip()]
        self.findings: list[Finding] = []
        self._where: list[str] = ["", "", ""]  # part, section, subsection
        self._paragraphs = 0

    # walking -------------------------------------------------------------------------------
    def run(self, doc: Document) -> list[Finding]:
        ranking: list[tuple[Decimal, str]] | None = None  # items of a claimed ranking
        ranking_where = ""
        ascending = False
        for block in doc.blocks:
            if isinstance(block, Heading):
                self._finish_ranking(ranking, ranking_where, ascending)
                ranking = None
                level = min(max(block.level, 0), 2)
                self._where[level] = _plain(block.text)
                for deeper in range(level + 1, 3):
                    self._where[deeper] = ""
                self._paragraphs = 0
                self._text(_plain(block.text), self.where("หัวข้อ"), figures=False)
            elif isinstance(block, Paragraph):
                self._paragraphs += 1
                text = _plain(block.text)
                where = self.where(f"ย่อหน้าที่ {self._paragraphs}")
                cross_check = bool(self.facts.cross_check_prefix) and text.startswith(
                    self.facts.cross_check_prefix
                )
                mentions = self._text(text, where, figures=not cross_check)
                claim = _RANK_CLAIM.search(text)
                if claim:
                    self._finish_ranking(ranking, ranking_where, ascending)
                    ranking, ranking_where = [], where
                    ascending = bool(_ASCENDING.search(text))
                if ranking is not None:
                    after = claim.end() if claim else 0
                    ranking += [
                        (m.value, text[m.start : m.end])
                        for m in mentions
                        if m.kind == "indicator" and m.start >= after
                    ]
                self._claims(text, mentions, where)
            elif isinstance(block, Table):
                claimed = ranking is not None and not ranking
                self._finish_ranking(ranking, ranking_where, ascending)
                ranking = None
                self._table(block, claimed)
            elif isinstance(block, BarChart):
                self._bar_chart(block)
            elif isinstance(block, TrendChart):
                self._trend_chart(block)
            elif isinstance(block, Cover):
                for text in [*block.title_lines, block.organization, block.place, block.year_line]:
                    self._text(_plain(text), "ปก", figures=False)
            elif isinstance(block, Signatures):
                for name, position in block.signers:
                    self._text(_plain(f"{name} {position}"), self.where("ผู้ลงนาม"), figures=False)
        self._finish_ranking(ranking, ranking_where, ascending)
        return self.findings

    def where(self, block: str) -> str:
        part, section, subsection = self._where
        parts = [" ".join(part.split()[:2])] if part else []  # "ส่วนที่ 1"
        parts += [_short(p) for p in (section, subsection) if p]
        return " › ".join([*parts, block])

    def add(self, kind: str, where: str, message: str, text: str = "", at: int = 0) -> None:
        excerpt = ""
        if text:
            start = max(0, at - 40)
            excerpt = ("…" if start else "") + text[start : at + 60].strip()
            excerpt += "…" if at + 60 < len(text) else ""
        finding = Finding(kind, where, message, excerpt)
        if finding not in self.findings:
            self.findings.append(finding)

    # figures -------------------------------------------------------------------------------
    def expected(self, kind: str, key: str, year: int | None) -> Decimal | None:
        y = year or self.facts.year
        if kind == "indicator":
            return self.facts.indicators.get(y, {}).get(int(key))
        figures = self.facts.figures.get(y)
        if figures is None:
            return None
        return figures.overall.value if kind == "overall" else figures.tool(key)

    def mentions(self, text: str) -> list[Mention]:
        found: list[Mention] = []
        for m in self._indicator.finditer(text):
            value = _number(m.group("value"))
            if value is None:
                continue
            decimals = "." in m.group("value")
            if not m.group("link").strip() and not decimals and not m.group("unit"):
                continue  # a bare "การเปิดเผยข้อมูล 3" is no score
            number = self.names[m.group("name")] if m.group("name") else int(m.group("number"))
            if not any(ind.number == number for ind in self.facts.rules.indicators):
                continue
            found.append(
                Mention("indicator", str(number), value, _year(m.group("link")), m.start(), m.end())
            )
        for m in self._tool.finditer(text):
            value = _number(m.group("value"))
            if value is not None:
                found.append(
                    Mention(
                        "tool", m.group("code"), value, _year(m.group("link")), m.start(), m.end()
                    )
                )
        for m in self._overall.finditer(text):
            value = _number(m.group("value"))
            if value is not None and _STRONG_LINK.search(m.group("link")):
                found.append(
                    Mention("overall", "overall", value, _year(m.group("link")), m.start(), m.end())
                )
        return sorted(found, key=lambda x: x.start)

    def _text(self, text: str, where: str, figures: bool = True) -> list[Mention]:
        """Every check of one printed string; returns the figures it states."""
        mentions = self.mentions(text) if figures else []
        for m in mentions:
            self._compare(m, where, text)
        if figures:
            self._levels(text, where)
        self._places(text, where)
        self._years(text, where)
        return mentions

    def _compare(self, m: Mention, where: str, text: str) -> None:
        expected = self.expected(m.kind, m.key, m.year)
        if expected is None or expected == m.value:
            return
        year = m.year or self.facts.year
        if m.kind == "indicator":
            name = self.facts.rules.indicator(int(m.key)).name
            subject = f"ตัวชี้วัดที่ {m.key} {name}"
        elif m.kind == "tool":
            subject = f"คะแนน {m.key}"
        else:
            subject = "คะแนนรวม"
        self.add(
            m.kind,
            where,
            f"{subject} ปี {year} ระบุว่า {m.value:.2f} แต่คะแนนจริงคือ {expected:.2f}",
            text,
            m.start,
        )

    def _levels(self, text: str, where: str) -> None:
        figures = self.facts.figures.get(self.facts.year)
        level = figures.level if figures else None
        if not level:
            return
        for m in self._level.finditer(text):
            if m.group(1) != level:
                self.add(
                    "level",
                    where,
                    f"ระบุระดับ {m.group(1)} แต่ระดับผลการประเมินปี {self.facts.year} คือ {level}",
                    text,
                    m.start(),
                )

    def _places(self, text: str, where: str) -> None:
        own = self.facts.org.name.strip()
        own_spans = [(m.start(), m.end()) for m in re.finditer(re.escape(own), text)] if own else []

        def inside(start: int, end: int) -> bool:
            return any(a <= start and end <= b for a, b in own_spans)

        taken: list[tuple[int, int]] = []
        for name in self._other_names:
            for m in re.finditer(re.escape(name), text):
                if not inside(m.start(), m.end()):
                    taken.append((m.start(), m.end()))
                    self.add("name", where, f"มีชื่อหน่วยงานอื่น “{name}”", text, m.start())
        for m in self._org_kind.finditer(text):
            name = m.group(0)
            if inside(m.start(), m.end()) or own.startswith(name) and own == name:
                continue
            if any(a <= m.start() < b for a, b in taken) or name.replace(" ", "") == own.replace(
                " ", ""
            ):
                continue
            taken.append((m.start(), m.end()))
            self.add("name", where, f"มีชื่อหน่วยงานอื่น “{name}”", text, m.start())
        for m in self._provinces.finditer(text):
            if m.group(1) == self.own_province or any(a <= m.start() < b for a, b in taken):
                continue
            self.add("name", where, f"มีชื่อจังหวัดอื่น “{m.group(0)}”", text, m.start())
        for m in self._districts.finditer(text):
            if any(a <= m.start() < b for a, b in taken):
                continue
            self.add("name", where, f"มีชื่ออำเภออื่น “{m.group(0)}”", text, m.start())

    def _years(self, text: str, where: str) -> None:
        for m in _YEAR.finditer(text):
            year = int(m.group(1))
            if year > self.facts.next_year:
                self.add(
                    "year",
                    where,
                    f"ระบุปี {year} ซึ่งเลยปีงบประมาณของเอกสารนี้ "
                    f"({self.facts.year} และแผนปี {self.facts.next_year})",
                    text,
                    m.start(),
                )
        for m in _ROUND.finditer(text):
            months = int(m.group(1))
            if months not in ROUNDS or months > self.facts.round_months:
                self.add(
                    "round",
                    where,
                    f"ระบุรอบ {months} เดือน แต่เอกสารนี้รายงานรอบ {self.facts.round_months} เดือน",
                    text,
                    m.start(),
                )

    # strengths and weaknesses ------------------------------------------------------------------
    def _section_claim(self) -> str:
        heading = self._where[2] or self._where[1]
        if _STRENGTH.search(heading):
            return "strength"
        if _WEAKNESS.search(heading):
            return "weakness"
        return ""

    def _claims(self, text: str, mentions: list[Mention], where: str) -> None:
        """Indicators said to be strengths or weaknesses must be on that side of the threshold."""
        facts = self.facts
        scores = facts.indicators.get(facts.year, {})
        if not any(v is not None for v in scores.values()):
            return
        claims: list[tuple[int, str, int]] = []  # indicator, side, position
        side = self._section_claim()
        if side:
            claims += [(int(m.key), side, m.start) for m in mentions if m.kind == "indicator"]
            for m in _THRESHOLD_WORDS.finditer(text):
                value = _number(m.group(1))
                if value is not None and value != facts.threshold:
                    self.add(
                        "threshold",
                        where,
                        f"ระบุเกณฑ์ร้อยละ {m.group(1)} แต่เกณฑ์จุดแข็งที่ใช้คือ "
                        f"{facts.threshold.normalize():f}",
                        text,
                        m.start(),
                    )
            for m in _COUNT.finditer(text[:200]):
                count = len(facts.strengths if side == "strength" else facts.weaknesses)
                if int(m.group(1)) != count:
                    self.add(
                        "threshold",
                        where,
                        f"ระบุว่ามี {m.group(1)} ตัวชี้วัด แต่ตามเกณฑ์มี {count} ตัวชี้วัด",
                        text,
                        m.start(),
                    )
        for m in re.finditer(r"ได้แก่", text):
            before = text[max(0, m.start() - 120) : m.start()]
            listed_side = (
                "weakness"
                if _WEAKNESS.search(before)
                else "strength"
                if _STRENGTH.search(before)
                else side
            )
            if not listed_side:
                continue
            end = text.find("\n", m.end())
            clause = text[m.end() : end if end >= 0 else len(text)]
            claims += [
                (self.names[n.group(0)], listed_side, m.end() + n.start())
                for n in self._names_only.finditer(clause)
            ]
        for number, claimed, at in claims:
            score = scores.get(number)
            if score is None:
                continue
            name = facts.rules.indicator(number).name
            limit = f"{facts.threshold.normalize():f}"
            if claimed == "strength" and score < facts.threshold:
                self.add(
                    "threshold",
                    where,
                    f"ตัวชี้วัดที่ {number} {name} ({score:.2f}) ถูกระบุเป็นจุดแข็ง แต่ต่ำกว่าเกณฑ์ร้อยละ {limit}",
                    text,
                    at,
                )
            if claimed == "weakness" and score >= facts.threshold:
                self.add(
                    "threshold",
                    where,
                    f"ตัวชี้วัดที่ {number} {name} ({score:.2f}) ถูกระบุเป็นจุดที่ต้องพัฒนา "
                    f"แต่ได้ตั้งแต่เกณฑ์ร้อยละ {limit} ขึ้นไป",
                    text,
                    at,
                )

    # rankings ------------------------------------------------------------------------------
    def _finish_ranking(
        self, items: list[tuple[Decimal, str]] | None, where: str, ascending: bool
    ) -> None:
        if not items or len(items) < 2:
            return
        values = [v for v, _ in items]
        for i in range(1, len(values)):
            wrong = values[i] < values[i - 1] if ascending else values[i] > values[i - 1]
            if wrong:
                order = "น้อยไปมาก" if ascending else "มากไปน้อย"
                self.add(
                    "ranking",
                    where,
                    f"บอกว่าเรียงคะแนนจาก{order} แต่ “{items[i][1]}” มาหลัง “{items[i - 1][1]}”",
                )
                return

    # tables and charts ------------------------------------------------------------------------
    def _table(self, table: Table, claimed: bool) -> None:
        caption = _plain(table.caption)
        header = (
            [_plain(" ".join(c.paragraphs)) for c in table.header[0].cells] if table.header else []
        )
        year = _first_year(caption)
        score_col = next((i for i, h in enumerate(header) if h.strip() == "คะแนน"), None)
        rank_col = next((i for i, h in enumerate(header) if h.strip() == "อันดับ"), None)
        ranked = claimed or bool(_RANK_CLAIM.search(caption)) or rank_col is not None
        ranking: list[tuple[Decimal, str]] = []
        ranks: list[int] = []
        for r, row in enumerate(table.rows, start=1):
            where = self.where(f"{caption or 'ตาราง'} แถวที่ {r}")
            cells = _columns(row)
            for _col, text in cells:
                self._text(text, where)
            if score_col is None or row.kind == "group":
                continue
            subject = " ".join(t for c, t in cells if c != score_col)
            value_text = next((t for c, t in cells if c == score_col), "")
            value = _number(value_text.strip())
            if value is None:
                self._level_row(cells, where)
                continue
            self._table_value(subject, value, year, where)
            if row.kind == "body":
                ranking.append((value, subject.strip()))
                rank_text = next((t for c, t in cells if c == rank_col), "")
                if rank_col is not None and rank_text.strip().isdigit():
                    ranks.append(int(rank_text))
        if ranked:
            where = self.where(caption or "ตาราง")
            self._finish_ranking(ranking, where, False)
            values = [v for v, _ in ranking]
            if ranks and len(ranks) == len(values):
                for i, rank in enumerate(ranks):
                    right = 1 + sum(1 for v in values if v > values[i])
                    if rank != right:
                        self.add(
                            "ranking",
                            where,
                            f"“{ranking[i][1]}” อยู่อันดับ {rank} แต่ตามคะแนนควรเป็นอันดับ {right}",
                        )
                        break

    def _table_value(self, subject: str, value: Decimal, year: int | None, where: str) -> None:
        for tool in self.facts.rules.tools:  # "แบบวัดการเปิดเผยข้อมูลสาธารณะ" names no indicator
            subject = subject.replace(tool.name, " ")
        names = list(self._names_only.finditer(subject))
        if names:
            kind, key = "indicator", str(self.names[names[0].group(0)])
        elif any(_code(code).search(subject) for code in TOOL_CODES):
            kind = "tool"
            key = next(c for c in TOOL_CODES if _code(c).search(subject))
        elif any(w in subject for w in OVERALL_WORDS):
            kind, key = "overall", "overall"
        else:
            return
        self._compare(Mention(kind, key, value, year, 0, 0), where, "")

    def _level_row(self, cells: list[tuple[int, str]], where: str) -> None:
        if not cells or cells[0][1].strip() != "ระดับผลการประเมิน" or len(cells) < 2:
            return
        figures = self.facts.figures.get(self.facts.year)
        stated = cells[1][1].strip()
        if figures and figures.level and stated not in (figures.level, "–"):
            self.add(
                "level",
                where,
                f"ตารางระบุระดับ {stated} แต่ระดับผลการประเมินคือ {figures.level}",
            )

    def _bar_chart(self, chart: BarChart) -> None:
        title = _plain(chart.title)
        where = self.where(title)
        year = _first_year(title)
        for item in chart.items:
            if item.value is not None:
                self._table_value(_plain(item.label), item.value, year, where)

    def _trend_chart(self, chart: TrendChart) -> None:
        where = self.where(_plain(chart.title))
        for i, label in enumerate(chart.years):
            digits = _plain(label).strip()
            if not digits.isdigit():
                continue
            for series in chart.series:
                if i < len(series.values) and series.values[i] is not None:
                    value = series.values[i]
                    assert value is not None
                    self._table_value(_plain(series.label), value, int(digits), where)


def _short(text: str, limit: int = 48) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _code(code: str) -> re.Pattern[str]:
    return re.compile(rf"{_LATIN_BEFORE}{code}{_LATIN_AFTER}")


def _year(link: str) -> int | None:
    found = re.findall(r"(25\d\d)", link or "")
    return int(found[-1]) if found else None


def _first_year(text: str) -> int | None:
    m = _YEAR.search(text)
    return int(m.group(1)) if m else None


def _columns(row: Row) -> list[tuple[int, str]]:
    """(first column index, text) of each cell, spans counted."""
    out, col = [], 0
    for cell in row.cells:
        out.append((col, _plain(" ".join(cell.paragraphs))))
        col += max(cell.span, 1)
    return out


def check_document(doc: Document, facts: Facts) -> list[Finding]:
    """Every contradiction the document would print, in reading order."""
    return Checker(facts).run(doc)
