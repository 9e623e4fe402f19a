"""Thai paragraphs of the analysis sections, written from computed figures by data templates.

Text comes out with Arabic digits; documents localise digits when they print.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ita_desktop.analysis.result import Analysis
from ita_desktop.domain.models import Rules
from ita_desktop.thai.numbers import format_score

TEMPLATES = Path(__file__).with_name("templates") / "narrative.json"
SECTIONS = (
    "results",
    "strengths",
    "weaknesses",
    "issues_IIT",
    "issues_EIT",
    "issues_OIT",
    "guidance",
)
GUIDANCE_ITEMS = 3


@lru_cache(maxsize=1)
def templates() -> dict[str, str]:
    return json.loads(TEMPLATES.read_text(encoding="utf-8"))


def _t(key: str, **values: object) -> str:
    return templates()[key].format(**values)


def _score(value: object) -> str:
    return format_score(value, thai_digits=False)  # type: ignore[arg-type]


def _limit(value: Decimal) -> str:
    """A threshold or target as people write it: "91", "87.5" (no padded zeros)."""
    return f"{value.normalize():f}"


def _join_thai(items: list[str]) -> str:
    """ "ก ข และ ค": Thai lists join with spaces and "และ" before the last item."""
    if len(items) <= 1:
        return "".join(items)
    return " ".join(items[:-1]) + " และ" + items[-1]


def results_text(a: Analysis, rules: Rules, org_name: str) -> str:
    if a.overall is None:
        return _t("results_missing", org=org_name, year=a.year)
    parts = [
        _t("tool_part", tool_name=rules.tool(code).name, code=code, score=_score(a.tools[code]))
        for code in a.tools
    ]
    sentences = [
        _t(
            "results",
            org=org_name,
            year=a.year,
            overall=_score(a.overall),
            level=a.level or "–",
            tools_sentence=_join_thai(parts),
        )
    ]
    if a.gap_to_target is not None and a.gap_to_target > 0:
        sentences.append(_t("target_missed", target=_limit(a.target), gap=_score(a.gap_to_target)))
    else:
        sentences.append(_t("target_reached", target=_limit(a.target)))
    if a.next_level and a.gap_to_next_level is not None:
        sentences.append(_t("next_level", next_level=a.next_level, gap=_score(a.gap_to_next_level)))
    delta = a.change.get("overall")
    if delta is not None and a.previous_year:
        key = "change_up" if delta > 0 else "change_down" if delta < 0 else "change_same"
        sentences.append(_t(key, delta=_score(abs(delta)), previous_year=a.previous_year))
    if a.ranking:
        high, low = a.ranking[0], a.ranking[-1]
        sentences.append(
            _t(
                "ranking_intro",
                highest=_join_thai([r.name for r in a.highest]),
                high_score=_score(high.score),
                lowest=_join_thai([r.name for r in a.lowest]),
                low_score=_score(low.score),
            )
        )
    return " ".join(sentences)


def indicator_paragraph(a: Analysis, rules: Rules, number: int, strong: bool) -> str:
    """What one indicator scored and what it measures, for the strengths/weaknesses lists."""
    ind = rules.indicator(number)
    tail = templates()["indicator_strength_tail" if strong else "indicator_weakness_tail"]
    return (
        _t(
            "indicator_paragraph",
            number=number,
            name=ind.name,
            score=_score(a.score_of(number)),
            description=ind.description,
        )
        + " "
        + tail
    )


def strengths_text(a: Analysis, rules: Rules) -> str:
    if not a.ranking:
        return templates()["no_scores"]
    if not a.strengths:
        return _t("strengths_none", threshold=_limit(a.threshold))
    names = _join_thai([rules.indicator(n).name for n in a.strengths])
    intro = _t(
        "strengths_intro", threshold=_limit(a.threshold), count=len(a.strengths), names=names
    )
    return "\n\n".join([intro] + [indicator_paragraph(a, rules, n, True) for n in a.strengths])


def weaknesses_text(a: Analysis, rules: Rules) -> str:
    if not a.ranking:
        return templates()["no_scores"]
    if not a.weaknesses:
        return _t("weaknesses_none", threshold=_limit(a.threshold))
    names = _join_thai([rules.indicator(n).name for n in a.weaknesses])
    intro = _t(
        "weaknesses_intro", threshold=_limit(a.threshold), count=len(a.weaknesses), names=names
    )
    return "\n\n".join([intro] + [indicator_paragraph(a, rules, n, False) for n in a.weaknesses])


def tool_issue_text(a: Analysis, rules: Rules, code: str) -> str:
    tool = rules.tool(code)
    if a.tools.get(code) is None:
        return _t("tool_issue_missing", tool_name=tool.name, code=code)
    first = _t("tool_issue", tool_name=tool.name, code=code, score=_score(a.tools.get(code)))
    weak = [n for n in a.weaknesses if rules.indicator(n).tool == code]
    if weak:
        names = _join_thai(
            [f"{rules.indicator(n).name} ({_score(a.score_of(n))} คะแนน)" for n in weak]
        )
        return f"{first} {_t('tool_issue_weak', names=names)}"
    return f"{first} {_t('tool_issue_strong', threshold=_limit(a.threshold))}"


def guidance_text(a: Analysis) -> str:
    if not a.ranking:
        return templates()["no_scores"]
    items = [row for row in a.leverage if row.potential_gain > 0][:GUIDANCE_ITEMS]
    if not items:
        return templates()["guidance_full"]
    listed = [_t("guidance_item", name=row.name, gain=_score(row.potential_gain)) for row in items]
    return _t("guidance", items=_join_thai(listed))


def generate(a: Analysis, rules: Rules, org_name: str) -> dict[str, str]:
    """Every analysis section's generated text, keyed as in SECTIONS."""
    texts = {
        "results": results_text(a, rules, org_name),
        "strengths": strengths_text(a, rules),
        "weaknesses": weaknesses_text(a, rules),
        "guidance": guidance_text(a),
    }
    for tool in rules.tools:
        texts[f"issues_{tool.code}"] = tool_issue_text(a, rules, tool.code)
    return texts


def section_text(key: str, generated: dict[str, str], edited: dict[str, str]) -> str:
    """The user's edited text of a section when there is one, else the generated text."""
    text = edited.get(key, "").strip()
    return text or generated.get(key, "")
