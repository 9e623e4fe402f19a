"""`gui`: open the main window (the default when no command is given).

The window lives in another package (`ita_desktop_ui`), found through the `ita_desktop.gui`
entry point, so the core never imports it and runs without Qt when the GUI is not installed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from ita_desktop.errors import ItaError

ENTRY_POINT_GROUP = "ita_desktop.gui"


DATABASE_SUFFIXES = (".itadb", ".sqlite", ".db")
SCREENSHOT_SIZE = (1366, 704)
MIN_SIZE, MAX_SIZE = (640, 480), (7680, 4320)


def screenshot_size(text: str) -> tuple[int, int]:
    """ "1366x704" as (1366, 704); argparse shows the Thai message of a bad one."""
    parts = text.lower().replace("×", "x").split("x")
    try:
        width, height = (int(p) for p in parts)
    except ValueError:
        raise argparse.ArgumentTypeError(f"ขนาดต้องเป็น กว้างxสูง เช่น 1366x704 (ได้ {text})") from None
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise argparse.ArgumentTypeError(
            f"ขนาดต้องกว้าง {MIN_SIZE[0]}–{MAX_SIZE[0]} และสูง {MIN_SIZE[1]}–{MAX_SIZE[1]} จุด"
            f" (ได้ {text})"
        )
    return width, height


def file_arguments(args: list[str]) -> list[str]:
    """`ita-desktop FILE.itadb` (how Windows opens an associated file, or a file dropped on the
    program) means `gui --db FILE.itadb`: one argument ending in a database suffix."""
    if len(args) == 1 and Path(args[0]).suffix.lower() in DATABASE_SUFFIXES:
        return ["gui", "--db", args[0]]
    return args


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="เปิดหน้าต่างโปรแกรม")
    p.add_argument(
        "--db",
        type=Path,
        help="ไฟล์ฐานข้อมูล (ค่าเริ่มต้น: ไฟล์ที่เปิดล่าสุด"
        " ถ้าไม่มีใช้ ita.sqlite ในโฟลเดอร์ข้อมูลของผู้ใช้ หรือฐานข้อมูลตัวอย่าง)",
    )
    p.add_argument("--screenshots", type=Path, help="บันทึกภาพหน้าจอทุกหน้าลงโฟลเดอร์นี้แล้วปิด")
    p.add_argument(
        "--size",
        type=screenshot_size,
        default=SCREENSHOT_SIZE,
        metavar="WxH",
        help="ขนาดหน้าต่างในภาพหน้าจอ (ค่าเริ่มต้น 1366x704: จอแล็ปท็อป 1366×768 ลบแถบงาน)",
    )
    p.set_defaults(run=run)


def window_launcher() -> Callable[..., int]:
    """The installed GUI's `run_app(db=, screenshots=, size=)`; ItaError when no GUI is
    installed."""
    from importlib.metadata import entry_points  # only here: it costs every command 20 ms

    found = list(entry_points(group=ENTRY_POINT_GROUP))
    if not found:
        raise ItaError(
            "ยังเปิดหน้าต่างโปรแกรมไม่ได้ (ไม่ได้ติดตั้งส่วนติดต่อผู้ใช้)", "no ita_desktop.gui entry point"
        )
    try:
        launcher: Callable[..., int] = found[0].load()
    except ImportError as exc:
        raise ItaError("ยังเปิดหน้าต่างโปรแกรมไม่ได้ (โหลดส่วนติดต่อผู้ใช้ไม่สำเร็จ)", str(exc)) from exc
    return launcher


def run(args: argparse.Namespace) -> int:
    launch = window_launcher()
    if args.screenshots is None:  # --size is the size of the screenshots only
        return launch(db=args.db, screenshots=None)
    return launch(db=args.db, screenshots=args.screenshots, size=args.size)
