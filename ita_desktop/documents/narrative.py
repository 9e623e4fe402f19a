"""Thai paragraphs of the analysis sections, written from computed figures by data templates.

Text comes out with Arabic digits; documents localise digits when they print.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import lru_cache
from pathlib import Path

from ita_desktop.analysis.figures import Figures, figures_of
from ita_desktop.analysis.result import Analysis
from ita_desktop.domain.models import OfficialFigures, Rules
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
    last = items[-1]
    joiner = " และ" if "\u0e00" <= last[:1] <= "\u0e7f" else " และ "  # "และOIT" reads badly
    return " ".join(items[:-1]) + joiner + last


def _figures(a: Analysis, rules: Rules, figures: Figures | None) -> Figures:
    """The leading figures (the estimate alone when the caller gave none)."""
    return figures if figures is not None else figures_of(rules, a, OfficialFigures())


def figure_name(name: str) -> str:
    """Thai name of a leading figure ("overall", "level", a tool code)."""
    return templates()["figure_" + name] if name in ("overall", "level") else f"คะแนน {name}"


def _names(names: list[str], tool_count: int) -> str:
    tools = [n for n in names if n not in ("overall", "level")]
    others = [figure_name(n) for n in names if n in ("overall", "level")]
    if tools and len(tools) == tool_count:
        listed = [templates()["figure_tools"].format(codes=_join_thai(tools))]
    else:
        listed = [figure_name(t) for t in tools]
    return _join_thai(others + listed)


def source_text(f: Figures, rules: Rules) -> str:
    """Which leading figure is the NACC's and which is computed ("" when none is official)."""
    official, estimated = f.official_led, f.estimated
    if not official:
        return ""
    if not estimated:
        return templates()["source_official"]
    return _t(
        "source_mixed",
        official=_names(official, len(rules.tools)),
        estimated=_names(estimated, len(rules.tools)),
        year=f.year,
    )


def cross_check_text(f: Figures) -> str:
    """The estimate, once, as a check of the official figures ("" when none are entered)."""
    if not f.has_official:
        return ""
    e = f.estimate
    if e.overall is None and not any(v is not None for v in e.tools.values()):
        return templates()["cross_check_incomplete"]
    if not f.differences:
        return _t("cross_check_same", year=f.year)
    items = [
        _t(
            "cross_check_item",
            figure=figure_name(m.figure),
            computed=m.computed,
            official=m.official,
        )
        for m in f.differences
    ]
    return _t("cross_check_diff", year=f.year, items=_join_thai(items))


def next_level_text(f: Figures) -> str:
    """What the level above needs: the overall gap and, for 2566+ levels, every tool too."""
    step = f.next_level
    if step is None:
        return ""
    if step.min_each_tool is None:
        return _t("next_level", next_level=step.label, gap=_score(step.overall_gap))
    minimum = _limit(step.min_each_tool)
    if not step.tools_short:
        return _t(
            "next_level_tools_met",
            next_level=step.label,
            gap=_score(step.overall_gap),
            minimum=minimum,
        )
    tools = _join_thai(
        [_t("next_level_tool", code=code, score=_score(value)) for code, value in step.tools_short]
    )
    key = "next_level_tools" if step.overall_gap > 0 else "next_level_tools_only"
    return _t(
        key, next_level=step.label, gap=_score(step.overall_gap), minimum=minimum, tools=tools
    )


def results_text(
    a: Analysis,
    rules: Rules,
    org_name: str,
    figures: Figures | None = None,
    previous: tuple[int, Figures] | None = None,
) -> str:
    f = _figures(a, rules, figures)
    if f.overall.value is None:
        return _t("results_missing", org=org_name, year=a.year)
    parts = [
        _t("tool_part", tool_name=rules.tool(code).name, code=code, score=_score(f.tool(code)))
        for code in f.tools
    ]
    sentences = [
        _t(
            "results",
            org=org_name,
            year=a.year,
            overall=_score(f.overall.value),
            level=f.level or "–",
            tools_sentence=_join_thai(parts),
        )
    ]
    gap = f.gap_to_target
    if gap is not None and gap > 0:
        sentences.append(_t("target_missed", target=_limit(f.target), gap=_score(gap)))
    else:
        sentences.append(_t("target_reached", target=_limit(f.target)))
    source = source_text(f, rules)
    if source:
        sentences.append(source)
    step = next_level_text(f)
    if step:
        sentences.append(step)
    if previous is not None and previous[1].overall.value is not None:
        delta = f.overall.value - previous[1].overall.value
        key = "change_up" if delta > 0 else "change_down" if delta < 0 else "change_same"
        sentences.append(_t(key, delta=_score(abs(delta)), previous_year=previous[0]))
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


def tool_issue_text(a: Analysis, rules: Rules, code: str, figures: Figures | None = None) -> str:
    tool = rules.tool(code)
    value = _figures(a, rules, figures).tool(code)
    if value is None or a.tools.get(code) is None:
        return _t("tool_issue_missing", tool_name=tool.name, code=code)
    first = _t("tool_issue", tool_name=tool.name, code=code, score=_score(value))
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


def generate(
    a: Analysis,
    rules: Rules,
    org_name: str,
    figures: Figures | None = None,
    previous: tuple[int, Figures] | None = None,
) -> dict[str, str]:
    """Every analysis section's generated text, keyed as in SECTIONS, stating the leading
    `figures` (default: the estimate) and the change from the `previous` (year, figures)."""
    texts = {
        "results": results_text(a, rules, org_name, figures, previous),
        "strengths": strengths_text(a, rules),
        "weaknesses": weaknesses_text(a, rules),
        "guidance": guidance_text(a),
    }
    for tool in rules.tools:
        texts[f"issues_{tool.code}"] = tool_issue_text(a, rules, tool.code, figures)
    return texts


def section_text(key: str, generated: dict[str, str], edited: dict[str, str]) -> str:
    """The user's edited text of a section when there is one, else the generated text."""
    text = edited.get(key, "").strip()
    return text or generated.get(key, "")


SECTION_TITLES = {
    "results": "ผลการประเมินภาพรวม",
    "strengths": "จุดแข็ง",
    "weaknesses": "จุดที่ต้องพัฒนา",
    "issues_IIT": "ประเด็นที่ต้องแก้ไข IIT",
    "issues_EIT": "ประเด็นที่ต้องแก้ไข EIT",
    "issues_OIT": "ประเด็นที่ต้องแก้ไข OIT",
    "guidance": "แนวทางการยกระดับ",
    "principles": "หลักการและเหตุผล",
    "background": "ความเป็นมา",
    "introduction": "บทนำ",
    "results_intro": "บทนำผลการประเมิน",
    "analysis": "การวิเคราะห์ผลการประเมิน",
    "limitations": "ข้อจำกัด",
    "objectives": "วัตถุประสงค์",
    "targets": "เป้าหมาย",
    "achievement": "ผลสัมฤทธิ์",
    "preface": "คำนำ",
}


def section_title(key: str) -> str:
    """The Thai name of a narrative section (its key when it has none)."""
    return SECTION_TITLES.get(key, key)


def score_citation(
    ref: str,
    year: int,
    base: Decimal | None,
    next_year: int,
    after: Decimal | None,
    no_base_apart: bool = False,
) -> str | None:
    """An indicator's scores as the outcome of a measure of `next_year`: that year's result
    first, the analysed year's as its baseline; never a missing score printed as "–" and never
    the baseline presented as the outcome. None when neither year has a score.
    `no_base_apart`: a result without a baseline leaves "no score of `year` to compare" out
    (no_base_note says it once for several)."""
    if after is not None and base is not None:
        delta = after - base
        key = "cite_up" if delta > 0 else "cite_down" if delta < 0 else "cite_same"
        change = _t(key, delta=_score(abs(delta)), year=year, score=_score(base))
        return _t(
            "cite_both", ref=ref, next_year=next_year, next_score=_score(after), change=change
        )
    if after is not None:
        key = "cite_after" if no_base_apart else "cite_after_only"
        return _t(key, ref=ref, year=year, next_year=next_year, next_score=_score(after))
    if base is not None:
        return _t("cite_base_only", ref=ref, year=year, score=_score(base), next_year=next_year)
    return None


def no_base_note(year: int) -> str:
    """ "(no score of `year` to compare)", once under several results without a baseline."""
    return _t("cite_no_base", year=year)
