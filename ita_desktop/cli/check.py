"""`check`: what a document would print that contradicts the data (exit 2 when anything is
found, 0 when the document is clean)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ita_desktop.cli.common import (
    add_db_argument,
    add_selection_arguments,
    open_repository,
    print_json,
    select_assessment,
)

if TYPE_CHECKING:
    from ita_desktop.services.checks import CheckResult

EXIT_FOUND = 2


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser(
        "check",
        help="ตรวจเอกสารก่อนพิมพ์: ข้อความที่เขียนไว้ก่อนคะแนนเปลี่ยน และข้อความที่ขัดกับข้อมูล",
    )
    add_db_argument(p)
    add_selection_arguments(p)
    p.add_argument(
        "--document",
        help="เอกสารที่จะตรวจ: analysis, measures, results, all หรือหลายฉบับคั่นด้วยจุลภาค "
        "(ค่าเริ่มต้น: ทุกฉบับ)",
    )
    p.add_argument(
        "--round",
        type=int,
        dest="round_months",
        help="รอบรายงานผล 6 หรือ 12 เดือน (ค่าเริ่มต้น: รอบล่าสุดที่มีข้อมูล)",
    )
    p.add_argument("--json", action="store_true", help="พิมพ์ผลเป็น JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ita_desktop.services.checks import check

    db = open_repository(args.db)
    try:
        org, a = select_assessment(db, args)
        assert org.id is not None
        result = check(db, org.id, a.year, document=args.document, round_months=args.round_months)
    finally:
        db.close()
    if args.json:
        print_json(
            {
                "organization": result.org_name,
                "year": result.year,
                "document": result.document,
                "round": result.round_months,
                "clean": result.clean,
                "findings": [
                    {
                        "kind": f.kind,
                        "title": f.title,
                        "where": f.where,
                        "message": f.message,
                        "excerpt": f.excerpt,
                    }
                    for f in result.findings
                ],
            }
        )
    else:
        _print(result)
    return EXIT_FOUND if result.findings else 0


def _print(result: CheckResult) -> None:
    head = f"{result.org_name} ปีงบประมาณ {result.year}"
    if result.clean:
        sys.stdout.write(f"{head}: ไม่พบข้อความที่ขัดกับข้อมูล\n")
        return
    lines = [f"{head}: พบ {len(result.findings)} จุดที่ต้องแก้"]
    for i, f in enumerate(result.findings, start=1):
        lines.append(f"{i}. [{f.title}] {f.where}")
        lines.append(f"   {f.message}")
        if f.excerpt:
            lines.append(f"   ข้อความ: {f.excerpt}")
    sys.stdout.write("\n".join(lines) + "\n")
