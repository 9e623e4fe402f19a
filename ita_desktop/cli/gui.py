"""`gui`: open the main window (the default when no command is given)."""

from __future__ import annotations

import argparse
from pathlib import Path

from ita_desktop.errors import ItaError


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="เปิดหน้าต่างโปรแกรม")
    p.add_argument("--db", type=Path, help="ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: ฐานข้อมูลตัวอย่าง)")
    p.add_argument("--screenshots", type=Path, help="บันทึกภาพหน้าจอทุกหน้าลงโฟลเดอร์นี้แล้วปิด")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    try:
        from ui.app import run_app  # the GUI is optional for the core; imported only here
    except ImportError as exc:
        raise ItaError("ยังเปิดหน้าต่างโปรแกรมไม่ได้ (ไม่พบส่วนติดต่อผู้ใช้)", str(exc)) from exc
    return run_app(db=args.db, screenshots=args.screenshots)
