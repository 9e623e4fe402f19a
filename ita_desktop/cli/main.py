"""Entry point: parse the command, run it, and turn every failure into a Thai one-liner."""

from __future__ import annotations

import errno
import logging
import sys
import traceback
from collections.abc import Sequence

from ita_desktop.cli import (
    analyze,
    backups,
    check,
    demo,
    exchange,
    export,
    gui,
    orgs,
    scores,
)
from ita_desktop.cli.common import ThaiArgumentParser, configure_streams
from ita_desktop.errors import ItaError, ValidationError, one_line, shown
from ita_desktop.paths import data_dir

COMMANDS = [analyze, demo, orgs, scores, export, exchange, backups, check, gui]
EXIT_USAGE = 2
EXIT_FAILURE = 1

log = logging.getLogger("ita_desktop")


def build_parser() -> ThaiArgumentParser:
    parser = ThaiArgumentParser(prog="ita-desktop", description="ITA Desktop: รายงานการประเมิน ITA")
    sub = parser.add_subparsers(dest="command", parser_class=ThaiArgumentParser)
    for module in COMMANDS:
        module.register(sub)
    return parser


def _log_crash() -> str:
    """Write the traceback to a log file (never to the user's terminal); return its path."""
    try:
        path = data_dir() / "crash.log"
        with path.open("a", encoding="utf-8") as f:
            f.write(traceback.format_exc() + "\n")
        return str(path)
    except OSError:
        return ""


def _log_detail(thai: str, detail: str) -> None:
    """The English detail of a refusal goes to the program's log (as the window's errors do:
    its log file when logging is set up), never to the terminal. A plain command sets up no
    log file: a refusal leaves every file, the data folder's too, as it was."""
    if detail:
        log.info("shown to the user: %s (%s)", one_line(thai), one_line(detail))


def _say(text: str) -> None:
    """The one line the user sees on stderr: escaped, joined, cut (never a traceback)."""
    print(one_line(text), file=sys.stderr)


def _os_error(exc: OSError) -> tuple[str, int]:
    """A file-system failure no command translated itself: a Thai sentence and exit code."""
    code = exc.errno
    name = f" “{shown(exc.filename)}”" if exc.filename else ""
    if code in (errno.ENOSPC, errno.EDQUOT) or getattr(exc, "winerror", None) == 112:
        return f"พื้นที่ดิสก์เต็ม บันทึกไฟล์{name} ไม่ได้ กรุณาเพิ่มพื้นที่ว่างแล้วลองใหม่", EXIT_FAILURE
    if code == errno.EROFS:
        return f"ที่บันทึกไฟล์{name} อ่านได้อย่างเดียว กรุณาเลือกที่บันทึกอื่น", EXIT_FAILURE
    if isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return f"ไม่มีสิทธิ์เขียนหรืออ่านไฟล์{name}", EXIT_FAILURE
    if isinstance(exc, FileNotFoundError):
        return f"ไม่พบไฟล์หรือโฟลเดอร์{name}", EXIT_USAGE
    if isinstance(exc, (IsADirectoryError, NotADirectoryError)):
        return f"ชื่อไฟล์หรือโฟลเดอร์{name} ไม่ถูกต้อง", EXIT_USAGE
    return f"อ่านหรือเขียนไฟล์{name} ไม่สำเร็จ", EXIT_FAILURE


def main(argv: Sequence[str] | None = None) -> int:
    configure_streams()
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list or args_list[0].startswith("--db") or args_list[0] == "--screenshots":
            args_list = ["gui", *args_list]
        args_list = gui.file_arguments(args_list)  # `ita-desktop FILE.itadb` opens the file
        args = build_parser().parse_args(args_list)
        return int(args.run(args) or 0)
    except ItaError as exc:
        _say(exc.user_message())
        _log_detail(exc.thai, exc.detail)
        return EXIT_USAGE if isinstance(exc, ValidationError) else EXIT_FAILURE
    except KeyboardInterrupt:
        _say("ยกเลิกแล้ว")
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE
    except OSError as exc:
        thai, code = _os_error(exc)
        _say(thai)
        _log_detail(thai, f"{type(exc).__name__}: {shown(exc.strerror or exc)}")
        return code
    except Exception:  # noqa: BLE001 - last resort: log it, one line, no traceback
        where = _log_crash()
        note = f" รายละเอียดอยู่ในไฟล์ {where}" if where else ""
        _say(f"เกิดข้อผิดพลาดที่ไม่คาดคิด{note}")
        return EXIT_FAILURE
