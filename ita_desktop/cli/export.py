"""`export pdf|xlsx`: write an organisation's documents of one year to a file."""

from __future__ import annotations

import argparse
from pathlib import Path

from ita_desktop.cli import exchange
from ita_desktop.cli.common import (
    add_db_argument,
    add_selection_arguments,
    check_output_path,
    check_output_suffix,
    open_reader,
    say,
    select_assessment,
)
from ita_desktop.errors import ValidationError, shown

DOCUMENTS = ("analysis", "measures", "results", "all")


def round_argument(text: str) -> int:
    """6 or 12; anything else is a Thai usage error (exit code 2)."""
    if text.strip() not in ("6", "12", "๖", "๑๒"):
        raise ValidationError(
            f"รอบการรายงานต้องเป็น 6 หรือ 12 เดือน (--round ได้ “{shown(text)}”)", "bad --round"
        )
    return 6 if text.strip() in ("6", "๖") else 12


def document_argument(text: str) -> str:
    """all, one document, or a comma list of them (analysis,measures), in the bundle's order."""
    parts = [p.strip().lower() for p in text.split(",") if p.strip()]
    if parts == ["all"]:
        return "all"
    if not parts or any(p not in DOCUMENTS[:-1] for p in parts):
        raise ValidationError(
            f"ไม่รู้จักเอกสาร “{shown(text)}” (--document ใช้ analysis, measures, results, all "
            "หรือหลายฉบับคั่นด้วยจุลภาค เช่น analysis,measures)",
            "bad --document",
        )
    return ",".join(d for d in DOCUMENTS[:-1] if d in parts)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export", help="ส่งออกเอกสารเป็น PDF หรือ Excel หรือไฟล์แลกเปลี่ยนข้อมูล JSON")
    kinds = p.add_subparsers(dest="format", required=True, parser_class=type(p))
    pdf = kinds.add_parser("pdf", help="รายงานการวิเคราะห์ มาตรการ และรายงานผล เป็น PDF")
    _common(pdf, ".pdf")
    pdf.add_argument(
        "--document",
        type=document_argument,
        default="all",
        help="analysis | measures | results | all หรือหลายฉบับ เช่น analysis,measures "
        "(ค่าเริ่มต้น: all รวมเล่มตามที่ตั้งไว้ของปีนั้น)",
    )
    pdf.add_argument(
        "--round",
        type=round_argument,
        default=None,
        dest="round_months",
        help="รอบรายงานผล 6 หรือ 12 เดือน (ค่าเริ่มต้น: รอบล่าสุดที่มีข้อมูล)",
    )
    pdf.set_defaults(run=run, fmt="pdf")
    xlsx = kinds.add_parser("xlsx", help="คะแนน มาตรการ และผลการดำเนินการ เป็น Excel")
    _common(xlsx, ".xlsx")
    xlsx.set_defaults(run=run, fmt="xlsx", document="all", round_months=12)
    exchange.register_export(kinds)


def _common(p: argparse.ArgumentParser, suffix: str) -> None:
    add_db_argument(p)
    p.add_argument("--out", type=Path, required=True, help=f"ไฟล์ที่จะบันทึก ชื่อลงท้ายด้วย {suffix}")
    add_selection_arguments(p)
    p.add_argument(
        "--arabic-digits",
        action="store_true",
        help="ใช้เลขอารบิก (ค่าเริ่มต้น: ตามที่ตั้งไว้ของปีนั้น โดยปกติเป็นเลขไทย)",
    )


def run(args: argparse.Namespace) -> int:
    from ita_desktop.services.export import export_document
    from ita_desktop.services.files import refuse_open_file

    check_output_path(args.out)
    refuse_open_file(args.out, args.db)  # the database itself named: the graver mistake first
    check_output_suffix(args.out, f".{args.fmt}")
    db = open_reader(args.db)
    try:
        org, a = select_assessment(db, args)
        assert org.id is not None
        path = export_document(
            db,
            org_id=org.id,
            year=a.year,
            fmt=args.fmt,
            document=args.document,
            round_months=args.round_months,
            thai_digits=False if args.arabic_digits else None,
            out=args.out,
        )
    finally:
        db.close()
    say(f"บันทึกแล้ว: {path} ({org.name} ปีงบประมาณ {a.year})")
    return 0
