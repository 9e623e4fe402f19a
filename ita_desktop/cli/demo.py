"""`demo`: build the demo database from the seed documents."""

from __future__ import annotations

import argparse
from pathlib import Path

from ita_desktop.cli.common import say


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("demo", help="สร้างฐานข้อมูลตัวอย่างจากเอกสารจริง")
    p.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูลที่จะสร้าง")
    p.add_argument("--force", action="store_true", help="เขียนทับไฟล์เดิม")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ita_desktop.demo.builder import build_demo

    repo = build_demo(args.db, force=args.force)  # checks the path itself (exit code 2)
    count = len(repo.organizations())
    repo.close()
    say(f"สร้างฐานข้อมูลตัวอย่างแล้ว: {args.db} ({count} หน่วยงาน)")
    return 0
