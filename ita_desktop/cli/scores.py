"""`scores set|show|import`: read and write one assessment's indicator scores."""

from __future__ import annotations

import argparse
from decimal import Decimal
from pathlib import Path

from ita_desktop.cli import workbook_import
from ita_desktop.cli.common import (
    add_db_argument,
    add_selection_arguments,
    indicator_argument,
    open_repository,
    print_json,
    say,
    score_argument,
    select_assessment,
)
from ita_desktop.errors import ValidationError, shown


def _score(text: str) -> Decimal:
    return score_argument(text, "คะแนน (--score)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("scores", help="ดูหรือแก้คะแนนตัวชี้วัด")
    actions = p.add_subparsers(dest="action", required=True, parser_class=type(p))
    set_p = actions.add_parser("set", help="บันทึกคะแนนตัวชี้วัดหนึ่งตัว")
    add_db_argument(set_p)
    add_selection_arguments(set_p)
    set_p.add_argument(
        "--indicator", type=indicator_argument, required=True, help="หมายเลขตัวชี้วัด 1–10"
    )
    set_p.add_argument("--score", type=_score, required=True, help="คะแนน 0–100")
    set_p.set_defaults(run=run_set)
    show_p = actions.add_parser("show", help="แสดงคะแนนและผลการคำนวณ")
    add_db_argument(show_p)
    add_selection_arguments(show_p)
    show_p.add_argument("--json", action="store_true", help="พิมพ์ผลเป็น JSON")
    show_p.set_defaults(run=run_show)
    import_p = actions.add_parser(
        "import",
        help="นำเข้าไฟล์ Excel ที่ส่งออกจากโปรแกรม เข้าหน่วยงานและปีที่ไฟล์ระบุ (เหมือน import xlsx)",
    )
    add_db_argument(import_p)
    workbook_import.add_expected_arguments(import_p)
    import_p.add_argument("--file", type=Path, required=True, help="ไฟล์ .xlsx")
    import_p.set_defaults(run=run_import)


def run_set(args: argparse.Namespace) -> int:
    from ita_desktop.services.assessments import set_score

    db = open_repository(args.db)
    try:
        org, a = select_assessment(db, args)
        assert a.id is not None
        set_score(db, a.id, args.indicator, args.score)
    finally:
        db.close()
    say(f"บันทึกคะแนนตัวชี้วัดที่ {args.indicator} = {args.score} ({org.name} ปี {a.year}) แล้ว")
    return 0


def run_show(args: argparse.Namespace) -> int:
    from ita_desktop.services.analysis import analyze_assessment

    db = open_repository(args.db)
    try:
        org, a = select_assessment(db, args)
        result = analyze_assessment(db, a)
    finally:
        db.close()
    data = {
        "organization": {"id": org.id, "name": org.name},
        "year": a.year,
        "scores": {str(i.number): a.scores.get(i.number) for i in a.rules.indicators},
        "tools": result.tools,
        "overall": result.overall,
        "level": result.level,
        "warnings": result.warnings,
    }
    if args.json:
        print_json(data)
    else:
        say(f"{org.name} ปีงบประมาณ {a.year}")
        for ind in a.rules.indicators:
            value = a.scores.get(ind.number)
            say(f"  {ind.number:>2}. {ind.name}: {value if value is not None else '–'}")
        say(f"คะแนนรวม: {result.overall or '–'}  ระดับ: {result.level or '–'}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    """The workbook into the organisation and year it names; --org and --year, when given,
    must be the workbook's (as `import xlsx`, but into a database that exists)."""
    from ita_desktop.services.imports import apply_workbook, preview_workbook

    file = Path(args.file)
    if file.is_dir():
        raise ValidationError(f"“{shown(file)}” เป็นโฟลเดอร์ กรุณาระบุไฟล์ .xlsx", "--file is a folder")
    if not file.is_file():
        raise ValidationError(f"ไม่พบไฟล์ “{shown(file)}”", "--file not found")
    db = open_repository(args.db)
    try:
        preview = preview_workbook(db, file, org=args.org, year=args.year)
        workbook_import.print_preview(preview)
        apply_workbook(db, preview)
    finally:
        db.close()
    say(f"นำเข้าไฟล์ {file.name} ให้ {preview.organization} ปีงบประมาณ {preview.year} แล้ว")
    return 0
