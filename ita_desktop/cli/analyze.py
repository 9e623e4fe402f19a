"""`analyze`: the analysis of ten scores typed on the command line, as JSON or Thai text."""

from __future__ import annotations

import argparse
from decimal import Decimal
from typing import Any

from ita_desktop.analysis.engine import analyze
from ita_desktop.analysis.result import Analysis
from ita_desktop.analysis.scoring import check_score
from ita_desktop.cli.common import percent_argument, print_json, score_argument, year_argument
from ita_desktop.domain.models import OfficialFigures
from ita_desktop.errors import ValidationError
from ita_desktop.rules.presets import load_preset


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("analyze", help="วิเคราะห์คะแนน ๑๐ ตัวชี้วัด")
    p.add_argument("--year", type=year_argument, required=True, help="ปีงบประมาณ พ.ศ. เช่น 2564")
    p.add_argument("--scores", required=True, help="คะแนน ๑๐ ตัวชี้วัด คั่นด้วยจุลภาค")
    p.add_argument(
        "--threshold",
        type=percent_argument("เกณฑ์จุดแข็ง", "--threshold"),
        help="เกณฑ์จุดแข็ง 0–100 (ค่าเริ่มต้น 85)",
    )
    p.add_argument(
        "--official-overall",
        type=percent_argument("คะแนนรวมที่ประกาศ", "--official-overall"),
        help="คะแนนรวมที่ประกาศ 0–100",
    )
    p.add_argument("--json", action="store_true", help="พิมพ์ผลเป็น JSON")
    p.set_defaults(run=run)


def parse_scores(text: str, count: int) -> dict[int, Decimal]:
    parts = [p for p in text.split(",")]
    if len(parts) != count:
        raise ValidationError(
            f"ต้องระบุคะแนน {count} ค่า คั่นด้วยจุลภาค (ได้ {len(parts)} ค่า)", f"expected {count} scores"
        )
    return {i: check_score(i, score_argument(p)) for i, p in enumerate(parts, start=1)}


def analysis_json(a: Analysis) -> dict[str, Any]:
    return {
        "year": a.year,
        "tools": a.tools,
        "overall": a.overall,
        "level": a.level,
        "ranking": [
            {"indicator": r.indicator, "name": r.name, "score": r.score, "rank": r.rank}
            for r in a.ranking
        ],
        "strengths": a.strengths,
        "weaknesses": a.weaknesses,
        "threshold": a.threshold,
        "gap_to_target": a.gap_to_target,
        "next_level": a.next_level,
        "gap_to_next_level": a.gap_to_next_level,
        "leverage": [
            {
                "indicator": x.indicator,
                "points_per_point": x.points_per_point,
                "potential_gain": x.potential_gain,
            }
            for x in a.leverage
        ],
        "mismatches": [
            {"figure": m.figure, "computed": m.computed, "official": m.official}
            for m in a.mismatches
        ],
        "warnings": a.warnings,
    }


def print_text(a: Analysis) -> None:
    print(f"ปีงบประมาณ {a.year}")
    for code, value in a.tools.items():
        print(f"  {code}: {value if value is not None else '–'}")
    print(f"คะแนนรวม: {a.overall if a.overall is not None else '–'}  ระดับ: {a.level or '–'}")
    for r in a.ranking:
        print(f"  {r.rank:>2}. ตัวชี้วัดที่ {r.indicator} {r.name}: {r.score}")
    print(f"จุดแข็ง: {', '.join(map(str, a.strengths)) or '–'}")
    print(f"จุดที่ต้องพัฒนา: {', '.join(map(str, a.weaknesses)) or '–'}")
    for w in a.warnings:
        print(f"คำเตือน: {w}")


def run(args: argparse.Namespace) -> int:
    rules = load_preset(args.year)
    scores = parse_scores(args.scores, len(rules.indicators))
    result = analyze(
        rules,
        scores,
        threshold=args.threshold,
        official=OfficialFigures(overall=args.official_overall),
    )
    if args.json:
        print_json(analysis_json(result))
    else:
        print_text(result)
    return 0
