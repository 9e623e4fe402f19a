"""`backup`, `backups` and `restore`: the database's backups (a `backups` folder beside it)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from ita_desktop.cli.common import (
    check_database_path,
    check_output_path,
    open_repository,
    print_json,
    say,
)
from ita_desktop.errors import shown
from ita_desktop.thai.dates import be_year, month_name

if TYPE_CHECKING:
    from datetime import datetime


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("backup", help="สำรองฐานข้อมูลเดี๋ยวนี้ (ไว้ในโฟลเดอร์ backups ข้างไฟล์)")
    p.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูล SQLite")
    p.add_argument("--out", type=Path, help="บันทึกไฟล์สำรองที่นี่แทน (ไฟล์ .sqlite)")
    p.set_defaults(run=run_backup)

    p = sub.add_parser("backups", help="รายการไฟล์สำรองของฐานข้อมูล พร้อมวันเวลา ขนาด และเหตุผล")
    p.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูล SQLite")
    p.add_argument("--json", action="store_true", help="พิมพ์ผลเป็น JSON")
    p.set_defaults(run=run_list)

    p = sub.add_parser("restore", help="กู้คืนฐานข้อมูลจากไฟล์สำรอง (ไฟล์เดิมถูกสำรองไว้ก่อน)")
    p.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูลที่จะกู้คืน")
    p.add_argument("file", type=Path, help="ไฟล์สำรอง: ชื่อในรายการของคำสั่ง backups หรือที่อยู่ไฟล์")
    p.set_defaults(run=run_restore)


def _size(n: int) -> str:
    return f"{n / 1024 / 1024:.1f} MB" if n >= 1024 * 1024 else f"{max(n // 1024, 1)} KB"


def _when(d: datetime) -> str:
    return f"{d.day} {month_name(d.month, abbreviated=True)} {be_year(d.year)} {d:%H:%M:%S}"


def run_backup(args: argparse.Namespace) -> int:
    from ita_desktop.services.backups import backup_now

    check_database_path(args.db)
    if args.out is not None:
        check_output_path(args.out)
    db = open_repository(args.db, daily_backup=False)  # the backup asked for is enough
    try:
        made = backup_now(db, args.out)
    finally:
        db.close()
    say(f"สำรองข้อมูลแล้ว: {shown(made)} ({_size(made.stat().st_size)})")
    return 0


def run_list(args: argparse.Namespace) -> int:
    from ita_desktop.services.backups import backup_folder, list_backups

    check_database_path(args.db, must_exist=False)
    found = list_backups(args.db)
    if args.json:
        print_json(
            [
                {
                    "file": b.path.name,
                    "path": str(b.path),
                    "created": b.created.isoformat(),
                    "size": b.size,
                    "reason": b.reason,
                    "label": b.label,
                }
                for b in found
            ]
        )
        return 0
    if not found:
        say(f"ยังไม่มีไฟล์สำรองของ {shown(args.db.name)} (ในโฟลเดอร์ {shown(backup_folder(args.db))})")
        return 0
    say(f"ไฟล์สำรองของ {shown(args.db.name)} ในโฟลเดอร์ {shown(backup_folder(args.db))} (ใหม่สุดก่อน):")
    for n, b in enumerate(found, 1):
        say(f"{n}. {_when(b.created)}  {_size(b.size):>8}  {b.label}  {b.path.name}")
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from ita_desktop.services.backups import find_backup, restore

    check_database_path(args.db, must_exist=False)
    done = restore(args.db, find_backup(args.db, args.file))
    say(f"กู้คืน {shown(done.database)} จากไฟล์สำรอง {shown(done.source.name)} แล้ว")
    if done.kept is not None:
        say(f"ข้อมูลเดิมก่อนกู้คืนเก็บไว้ที่ {shown(done.kept)}")
    return 0
