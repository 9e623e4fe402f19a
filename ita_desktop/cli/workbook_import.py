"""`import xlsx`: a workbook of our Excel export read back into the organisation and year it
names, checked whole first; `--dry-run` shows what would change."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.cli.common import check_database_path, open_repository, say, year_argument
from ita_desktop.errors import ValidationError, shown

if TYPE_CHECKING:
    from ita_desktop.services.imports import WorkbookPreview


def register(kinds: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """`xlsx` among the formats of the `import` command (which cli.exchange makes)."""
    p = kinds.add_parser("xlsx", help="นำเข้าไฟล์ Excel ที่ส่งออกจากโปรแกรม (แก้ไขใน Excel ได้)")
    p.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูล SQLite (ถ้ายังไม่มีจะสร้างใหม่)")
    p.add_argument("file", type=Path, help="ไฟล์ .xlsx ที่ส่งออกด้วย export xlsx")
    add_expected_arguments(p)
    p.add_argument("--dry-run", action="store_true", help="แสดงสิ่งที่จะเปลี่ยน โดยไม่บันทึกสิ่งใด")
    p.set_defaults(run=run)


def add_expected_arguments(p: argparse.ArgumentParser) -> None:
    """--org and --year of an import: not a selection (the workbook names its own organisation
    and year) but a check that it is the one meant."""
    p.add_argument("--org", help="หน่วยงานที่ตั้งใจนำเข้า: ถ้าไฟล์เป็นของหน่วยงานอื่นจะไม่นำเข้า")
    p.add_argument("--year", type=year_argument, help="ปีงบประมาณที่ตั้งใจนำเข้า: ถ้าไฟล์เป็นปีอื่นจะไม่นำเข้า")


def run(args: argparse.Namespace) -> int:
    from ita_desktop.services.imports import apply_workbook, preview_workbook

    path = Path(args.db)
    check_database_path(path, must_exist=False)
    if Path(args.file).is_dir():
        raise ValidationError(
            f"“{shown(args.file)}” เป็นโฟลเดอร์ กรุณาระบุไฟล์ .xlsx", "file is a folder"
        )
    is_new = not path.exists()
    db = None if is_new else open_repository(path)
    try:
        preview = preview_workbook(db, args.file, org=args.org, year=args.year)
        print_preview(preview)
        if args.dry_run:
            note = " (ไฟล์ฐานข้อมูลยังไม่มี จะสร้างใหม่เมื่อนำเข้าจริง)" if is_new else ""
            say(f"ทดลองเท่านั้น (--dry-run): ยังไม่ได้บันทึกสิ่งใดลง {path}{note}")
            return 0
        if db is None:
            db = open_repository(path, must_exist=False)
        try:
            apply_workbook(db, preview)
        except BaseException:
            if is_new:  # a database created for this import holds nothing: leave no file behind
                db.close()
                db = None
                for suffix in ("", "-wal", "-shm", "-journal"):
                    Path(f"{path}{suffix}").unlink(missing_ok=True)
            raise
    finally:
        if db is not None:
            db.close()
    say(f"นำเข้าเรียบร้อยแล้ว: {path}{' (สร้างไฟล์ฐานข้อมูลใหม่)' if is_new else ''}")
    return 0


def print_preview(preview: WorkbookPreview) -> None:
    """What the import does: the organisation and year, created or replaced, and each change."""
    org = preview.plan.organizations[0]
    action = "สร้างหน่วยงานใหม่" if org.org_id is None else f"มีอยู่แล้ว (รหัส {org.org_id})"
    year = org.years[0]
    year_action = "สร้างใหม่" if year.action == "create" else "แทนที่ข้อมูลที่ไฟล์มี"
    say(f"ไฟล์ {preview.file.name}: {preview.organization} ปีงบประมาณ {preview.year}")
    say(f"{org.name}: {action}; ปีงบประมาณ {year.year}: {year_action}")
    for line in preview.changes:
        say(f"  {line}")
    if preview.not_read:
        say(f"แผ่นงานที่ไม่ได้นำเข้า (คำนวณใหม่จากข้อมูล): {', '.join(preview.not_read)}")
