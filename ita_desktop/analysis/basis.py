"""Which figures an edited section was written for, and which of them have changed since.

A section the user edited records its basis: figure key -> the text the figure was shown as
("84.80", "ผ่านดี"). When the current figures differ, the section is "ต้องตรวจ" until the user
regenerates it or confirms it (which records the current figures again). A text without a
basis (written before bases existed, or mentioning no score) is never stale: the consistency
check reads its numbers instead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ita_desktop.analysis.figures import Figures
from ita_desktop.domain.models import Assessment, Rules
from ita_desktop.thai.numbers import format_score

OVERALL = "overall"
LEVEL = "level"
THRESHOLD = "threshold"
TOOL_CODES = ("IIT", "EIT", "OIT")

# Sections whose generated text uses only some figures; any other section uses them all.
_SCOPES: dict[str, tuple[str, ...]] = {
    "results": (OVERALL, LEVEL, "tools", "indicators"),
    "strengths": (THRESHOLD, "indicators"),
    "weaknesses": (THRESHOLD, "indicators"),
    "guidance": ("indicators",),
}
_ARABIC = str.maketrans("๐๑๒๓๔๕๖๗๘๙", "0123456789")
_SCORE = re.compile(r"[0-9๐-๙]+[.][0-9๐-๙]{2}")
# a text that speaks of scores: "คะแนน", a percentage, a score such as 88.40, a tool, a level
_MENTIONS_FIGURES = re.compile(
    r"คะแนน|ร้อยละ\s*[0-9๐-๙]|[0-9๐-๙]+[.][0-9๐-๙]{2}|IIT|EIT|OIT|อยู่ในระดับ"
)


@dataclass(frozen=True)
class FigureChange:
    key: str  # "overall", "level", "threshold", "IIT", "4" (an indicator)
    label: str  # Thai name of the figure
    before: str  # as it was shown when the text was written or confirmed ("" if absent)
    now: str


@dataclass(frozen=True)
class StaleSection:
    key: str
    changes: tuple[FigureChange, ...]


def _shown(value: object) -> str:
    return format_score(value, thai_digits=False)  # type: ignore[arg-type]


def current_figures(figures: Figures) -> dict[str, str]:
    """Every figure a section can state, as shown: overall, level, threshold, tools, indicators."""
    out = {
        OVERALL: _shown(figures.overall.value),
        LEVEL: figures.level or "–",
        THRESHOLD: f"{figures.threshold.normalize():f}",
    }
    for code, f in figures.tools.items():
        out[code] = _shown(f.value)
    for number in sorted(figures.indicators):
        out[str(number)] = _shown(figures.indicators[number])
    return out


def basis_for(key: str, text: str, figures: Figures, rules: Rules) -> dict[str, str]:
    """The figures the section `key` with `text` depends on, as shown now ({} when the text is
    empty or mentions no score at all)."""
    if not text.strip():
        return {}
    every = current_figures(figures)
    numbers = [str(ind.number) for ind in rules.indicators]
    if key.startswith("issues_"):
        code = key.removeprefix("issues_")
        keys = [code, THRESHOLD] + [str(i.number) for i in rules.indicators_of(code)]
    elif key in _SCOPES:
        keys = []
        for part in _SCOPES[key]:
            if part == "tools":
                keys += [t.code for t in rules.tools]
            elif part == "indicators":
                keys += numbers
            else:
                keys.append(part)
    else:
        keys = _mentioned(text, rules)
        if not keys and _SCORE.search(text):
            keys = list(every)  # a score with no subject: it may be any of them
    return {k: every[k] for k in keys if k in every}


def _mentioned(text: str, rules: Rules) -> list[str]:
    """The figures a text of the user's own speaks of: the indicators, tools, overall, level
    and threshold it names."""
    if not _MENTIONS_FIGURES.search(text):
        return []
    plain = text.translate(_ARABIC)
    keys = []
    if re.search(r"ภาพรวม|คะแนนรวม|อยู่ในระดับ|ระดับผลการประเมิน", plain):
        keys += [OVERALL, LEVEL]
    if re.search(r"จุดแข็ง|จุดที่ต้องพัฒนา|จุดอ่อน|เกณฑ์", plain):
        keys.append(THRESHOLD)
    for tool in rules.tools:
        if re.search(rf"(?<![A-Za-z]){tool.code}(?![A-Za-z])", plain) or tool.name in plain:
            keys.append(tool.code)
    for ind in rules.indicators:
        if ind.name in plain or re.search(rf"ตัวชี้วัด\s*ที่\s*{ind.number}(?!\d)", plain):
            keys.append(str(ind.number))
    return keys


def figure_label(key: str, rules: Rules) -> str:
    """The Thai name of a basis key."""
    if key == OVERALL:
        return "คะแนนรวม"
    if key == LEVEL:
        return "ระดับผลการประเมิน"
    if key == THRESHOLD:
        return "เกณฑ์จุดแข็ง"
    if key.isdigit():
        try:
            return f"ตัวชี้วัดที่ {key} {rules.indicator(int(key)).name}"
        except KeyError:
            return f"ตัวชี้วัดที่ {key}"
    return f"คะแนน {key}"


def changes(basis: dict[str, str], now: dict[str, str], rules: Rules) -> list[FigureChange]:
    """The figures of `basis` whose shown text is no longer the current one."""
    return [
        FigureChange(k, figure_label(k, rules), old, now.get(k, "–"))
        for k, old in basis.items()
        if now.get(k, "–") != old
    ]


def stale_sections(a: Assessment, figures: Figures) -> list[StaleSection]:
    """Edited sections whose recorded figures differ from the current ones, in key order."""
    now = current_figures(figures)
    out = []
    for key in sorted(a.narratives):
        basis = a.narrative_basis.get(key)
        if not basis or not a.narratives[key].strip():
            continue
        found = changes(basis, now, a.rules)
        if found:
            out.append(StaleSection(key, tuple(found)))
    return out
