"""`export json` and `import json`: the exchange file of organisations and their years."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.cli import workbook_import
from ita_desktop.cli.common import (
    check_database_path,
    check_output_path,
    open_repository,
    say,
    year_argument,
)
from ita_desktop.errors import ValidationError, shown

if TYPE_CHECKING:
    from ita_desktop.services.exchange import ImportPlan, OrganizationPlan

    Subcommands = argparse._SubParsersAction[argparse.ArgumentParser]

DETAIL_LABELS = {
    "kind": "ประเภท",
    "district": "อำเภอ",
    "province": "จังหวัด",
    "units": "หน่วยงานภายใน",
    "logo": "ตราสัญลักษณ์",
}


def register_export(kinds: Subcommands) -> None:
    """`export json`, one of the export command's formats."""
    out = kinds.add_parser("json", help="ไฟล์แลกเปลี่ยนข้อมูล (JSON) ของหน่วยงานและปีงบประมาณทั้งหมด")
    out.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูล SQLite")
    out.add_argument("--out", type=Path, required=True, help="ไฟล์ .json ที่จะบันทึก")
    out.add_argument("--org", help="รหัสหรือชื่อหน่วยงาน (ค่าเริ่มต้น: ทุกหน่วยงาน)")
    out.add_argument("--year", type=year_argument, help="ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ทุกปี)")
    out.add_argument(
        "--no-timestamp",
        action="store_true",
        help="ไม่ใส่เวลาที่ส่งออกในไฟล์ (ข้อมูลเดิมได้ไฟล์เดิมทุกไบต์)",
    )
    out.set_defaults(run=run_export)


def register(sub: Subcommands) -> None:
    """`import json`, and `import xlsx` beside it."""
    p = sub.add_parser("import", help="นำเข้าข้อมูลจากไฟล์แลกเปลี่ยนข้อมูล (JSON) หรือไฟล์ Excel")
    kinds = p.add_subparsers(dest="format", required=True, parser_class=type(p))
    imp = kinds.add_parser("json", help="นำเข้าหน่วยงานและปีงบประมาณจากไฟล์ JSON")
    imp.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูล SQLite (ถ้ายังไม่มีจะสร้างใหม่)")
    imp.add_argument("file", type=Path, help="ไฟล์ .json ที่ส่งออกด้วย export json")
    imp.add_argument("--dry-run", action="store_true", help="แสดงว่าจะเกิดอะไรขึ้น โดยไม่บันทึกสิ่งใด")
    imp.set_defaults(run=run_import)
    workbook_import.register(kinds)


def run_export(args: argparse.Namespace) -> int:
    from ita_desktop.services.exchange import export_exchange

    check_output_path(args.out)
    db = open_repository(args.db)
    try:
        when = None if args.no_timestamp else datetime.now().astimezone().replace(microsecond=0)
        done = export_exchange(db, args.out, org=args.org, year=args.year, exported_at=when)
    finally:
        db.close()
    say(
        f"บันทึกแล้ว: {done.path} ({done.organizations} หน่วยงาน, "
        f"{done.years} ปีงบประมาณ, {done.size:,} ไบต์)"
    )
    return 0


def run_import(args: argparse.Namespace) -> int:
    from ita_desktop.services.exchange import import_exchange, plan_import, read_exchange_file

    path = Path(args.db)
    check_database_path(path, must_exist=False)
    if Path(args.file).is_dir():
        raise ValidationError(
            f"“{shown(args.file)}” เป็นโฟลเดอร์ กรุณาระบุไฟล์ .json", "file is a folder"
        )
    exchange = read_exchange_file(args.file)  # checked whole before the database is touched
    is_new = not path.exists()
    made = exchange.app_version or "ไม่ทราบรุ่น"
    when = f" ส่งออกเมื่อ {exchange.exported_at}" if exchange.exported_at else ""
    say(f"ไฟล์ {args.file.name}: รูปแบบรุ่น {exchange.format_version} จาก ITA Desktop {made}{when}")
    if args.dry_run:
        db = None if is_new else open_repository(path)
        try:
            plan = plan_import(db, exchange)
        finally:
            if db is not None:
                db.close()
        _print_plan(plan)
        new_note = " (ไฟล์ฐานข้อมูลยังไม่มี จะสร้างใหม่เมื่อนำเข้าจริง)" if is_new else ""
        say(f"ทดลองเท่านั้น (--dry-run): ยังไม่ได้บันทึกสิ่งใดลง {path}{new_note}")
        return 0
    db = open_repository(path, must_exist=False)
    try:
        changes = import_exchange(db, exchange)
    except BaseException:
        db.close()
        if is_new:  # a database created for this import holds nothing: leave no file behind
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
        raise
    db.close()
    _print_plan(changes.details["plan"])
    say(f"นำเข้าเรียบร้อยแล้ว: {path}{' (สร้างไฟล์ฐานข้อมูลใหม่)' if is_new else ''}")
    return 0


def _print_plan(plan: ImportPlan) -> None:
    for org in plan.organizations:
        say(f"{org.name}: {_organization_action(org)}")
        for y in org.years:
            action = "สร้างใหม่" if y.action == "create" else "แทนที่ข้อมูลเดิมทั้งปี"
            say(f"  ปีงบประมาณ {y.year}: {action} (มาตรการ {y.measures} รายการ)")
    existing = len(plan.organizations) - plan.organizations_created
    say(
        f"สรุป: หน่วยงานสร้างใหม่ {plan.organizations_created} แห่ง มีอยู่แล้ว {existing} แห่ง"
        f" (แก้ไขข้อมูล {plan.organizations_updated} แห่ง); ปีงบประมาณสร้างใหม่"
        f" {plan.years_with('create')} ปี แทนที่ {plan.years_with('replace')} ปี"
    )


def _organization_action(org: OrganizationPlan) -> str:
    if org.org_id is None:
        return "สร้างหน่วยงานใหม่"
    if org.changed:
        fields = ", ".join(DETAIL_LABELS[f] for f in org.changed)
        return f"มีอยู่แล้ว (รหัส {org.org_id}) แก้ไขข้อมูล: {fields}"
    return f"มีอยู่แล้ว (รหัส {org.org_id})"
