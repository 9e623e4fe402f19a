"""Entry point: parse the command, run it, and turn every failure into a Thai one-liner."""

from __future__ import annotations

import logging
import sys
import traceback
from collections.abc import Sequence

from ita_desktop.cli import analyze, demo, exchange, export, gui, orgs, scores
from ita_desktop.cli.common import ThaiArgumentParser
from ita_desktop.errors import ItaError, ValidationError
from ita_desktop.paths import data_dir

COMMANDS = [analyze, demo, orgs, scores, export, exchange, gui]
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


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    try:
        if not args_list or args_list[0].startswith("--db") or args_list[0] == "--screenshots":
            args_list = ["gui", *args_list]
        args = build_parser().parse_args(args_list)
        return int(args.run(args) or 0)
    except ValidationError as exc:
        print(exc.user_message(), file=sys.stderr)
        return EXIT_USAGE
    except ItaError as exc:
        print(exc.user_message(), file=sys.stderr)
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print("ยกเลิกแล้ว (interrupted)", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_FAILURE
    except Exception as exc:  # noqa: BLE001 - last resort: log it, one line, no traceback
        where = _log_crash()
        note = f" รายละเอียดอยู่ในไฟล์ {where}" if where else ""
        print(f"เกิดข้อผิดพลาดที่ไม่คาดคิด{note} ({type(exc).__name__}: {exc})", file=sys.stderr)
        return EXIT_FAILURE
