"""Shared pieces of the CLI: a parser whose errors are Thai, argument types that check their
values (exit code 2 with the Thai reason), safe output, the database and output paths."""

from __future__ import annotations

import argparse
import io
import json
import re
import sys
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ita_desktop.errors import ValidationError, escaped, shown
from ita_desktop.thai.digits import to_arabic_digits
from ita_desktop.thai.numbers import parse_score

if TYPE_CHECKING:  # the storage stack loads only for commands that open a database
    from ita_desktop.domain.models import Assessment, Organization
    from ita_desktop.storage.reads import Reader
    from ita_desktop.storage.repository import Repository
    from ita_desktop.storage.snapshot import Snapshot

_UNSAFE_IN_JSON = re.compile(
    "[\\x7f-\\x9f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ud800-\\udfff]"
)
MIN_YEAR, MAX_YEAR = 2500, 2700  # fiscal years (Buddhist era) the CLI accepts
USAGE_HINT = "ดูวิธีใช้ด้วย --help"
_SUBCOMMAND = re.compile(r"\b(?:action|format|command)\b")  # dests of our subparsers

# argparse's own messages (Python 3.11-3.13), in Thai; the values typed are shown escaped and cut
_ARGPARSE_MESSAGES: list[tuple[re.Pattern[str], Callable[[re.Match[str]], str]]] = [
    (
        re.compile(r"the following arguments are required: (?P<names>.*)", re.DOTALL),
        lambda m: f"ขาดอาร์กิวเมนต์ที่จำเป็น: {shown(_SUBCOMMAND.sub('คำสั่งย่อย', m['names']))}",
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.*)", re.DOTALL),
        lambda m: f"ไม่รู้จักอาร์กิวเมนต์ “{shown(m['args'])}”",
    ),
    (
        re.compile(
            r"argument (?P<arg>.*?): invalid choice: (?P<value>.*?) \(choose from (?P<ok>.*)\)",
            re.DOTALL,
        ),
        lambda m: f"ไม่รู้จัก {shown(m['value'])} (ใช้ได้: {shown(m['ok'])})",
    ),
    (
        re.compile(r"argument (?P<arg>.*?): expected (?P<what>.*)argument", re.DOTALL),
        lambda m: f"{shown(m['arg'])} ต้องตามด้วยค่า",
    ),
    (
        re.compile(r"argument (?P<arg>.*?): ignored explicit argument (?P<value>.*)", re.DOTALL),
        lambda m: f"{shown(m['arg'])} ไม่รับค่า (ได้ {shown(m['value'])})",
    ),
    (
        re.compile(r"ambiguous option: (?P<opt>.*?) could match (?P<matches>.*)", re.DOTALL),
        lambda m: f"ตัวเลือก “{shown(m['opt'])}” กำกวม อาจหมายถึง {shown(m['matches'])}",
    ),
    (
        re.compile(r"argument (?P<arg>.*?): invalid (?P<type>.*?) value: (?P<value>.*)", re.DOTALL),
        lambda m: f"ค่าของ {shown(m['arg'])} ไม่ถูกต้อง (ได้ {shown(m['value'])})",
    ),
]


class ThaiArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is a ValidationError (Thai message, exit code 2)."""

    def error(self, message: str) -> NoReturn:
        for pattern, thai in _ARGPARSE_MESSAGES:
            found = pattern.fullmatch(message)
            if found:
                reason = thai(found)
                break
        else:
            reason = shown(message)
        raise ValidationError(f"คำสั่งหรืออาร์กิวเมนต์ไม่ถูกต้อง: {reason} {USAGE_HINT}", shown(message))


# argument types: each raises a ValidationError (not a ValueError, which argparse would
# replace with its own English message) naming the option, the rule and the value typed ---------
def year_argument(text: str) -> int:
    """A fiscal year in the Buddhist era, MIN_YEAR-MAX_YEAR, Thai or Arabic digits."""
    cleaned = to_arabic_digits(text).strip()
    if not re.fullmatch(r"[0-9]{1,6}", cleaned):
        raise ValidationError(
            f"ปีงบประมาณ (--year) ต้องเป็นตัวเลขปี พ.ศ. เช่น 2564 (ได้ “{shown(text)}”)",
            "--year is not a number",
        )
    year = int(cleaned)
    if not MIN_YEAR <= year <= MAX_YEAR:
        hint = f" ปี ค.ศ. ให้บวก 543 เป็น {year + 543}" if 1900 <= year <= 2200 else ""
        raise ValidationError(
            f"ปีงบประมาณ (--year) ต้องเป็นปี พ.ศ. ระหว่าง {MIN_YEAR} ถึง {MAX_YEAR} (ได้ {year}){hint}",
            f"--year {year} out of range",
        )
    return year


def indicator_argument(text: str) -> int:
    """An indicator number (the year's rules say which exist; the service checks that)."""
    cleaned = to_arabic_digits(text).strip()
    if not re.fullmatch(r"[0-9]{1,3}", cleaned) or int(cleaned) == 0:
        raise ValidationError(
            f"หมายเลขตัวชี้วัด (--indicator) ต้องเป็นตัวเลข 1 ถึง 10 (ได้ “{shown(text)}”)",
            "--indicator is not a number",
        )
    return int(cleaned)


def score_argument(text: str, option: str = "") -> Decimal:
    """A score typed on the command line (Thai or Arabic digits); "-0" is 0."""
    try:
        return parse_score(text)
    except ValidationError as exc:  # a ScoreFormatError is a ValueError: argparse would hide it
        label = f"{option}: " if option else ""
        raise ValidationError(f"{label}{exc.thai}", exc.detail) from None


def percent_argument(label: str, option: str) -> Callable[[str], Decimal]:
    """An argument type: a figure in 0–100 with at most 2 decimals, e.g. --threshold."""

    def parse(text: str) -> Decimal:
        value = score_argument(text, f"{label} ({option})")
        if not Decimal(0) <= value <= Decimal(100):
            raise ValidationError(
                f"{label} ({option}) ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ “{shown(text)}”)",
                f"{option} out of range 0-100",
            )
        if value != value.quantize(Decimal("0.01")):
            raise ValidationError(
                f"{label} ({option}) มีทศนิยมได้ไม่เกิน 2 ตำแหน่ง (ได้ “{shown(text)}”)",
                f"{option} has more than 2 decimals",
            )
        return value

    parse.__name__ = option.lstrip("-")
    return parse


def add_db_argument(parser: argparse.ArgumentParser) -> None:
    """--db, always named: the window opens the file used last (kept in its Qt settings,
    which the command line cannot read), so no default here could be sure to be that file."""
    parser.add_argument("--db", type=Path, required=True, help="ไฟล์ฐานข้อมูล SQLite (ต้องระบุ)")


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--org", help="รหัสหรือชื่อหน่วยงาน (ค่าเริ่มต้น: หน่วยงานแรก)")
    parser.add_argument("--year", type=year_argument, help="ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุด)")


# paths ------------------------------------------------------------------------------------
def check_database_path(db: Path, must_exist: bool = True) -> None:
    """A database path the user can correct is refused before anything is opened (exit 2):
    a folder, a missing file (when it must exist), a missing folder to create it in."""
    if db.is_dir():
        raise ValidationError(
            f"“{shown(db)}” เป็นโฟลเดอร์ ไม่ใช่ไฟล์ฐานข้อมูล กรุณาระบุชื่อไฟล์", "--db is a directory"
        )
    if must_exist and not db.exists():
        raise ValidationError(f"ไม่พบไฟล์ฐานข้อมูล “{shown(db)}”", "database file not found")
    if not db.parent.is_dir():
        raise ValidationError(
            f"ไม่พบโฟลเดอร์ “{shown(db.parent)}” กรุณาเลือกโฟลเดอร์ที่มีอยู่",
            "folder of --db not found",
        )


def check_output_path(out: Path) -> None:
    """A file to write: not a folder, in a folder that exists (exit 2 otherwise)."""
    if out.is_dir():
        raise ValidationError(f"“{shown(out)}” เป็นโฟลเดอร์ กรุณาระบุชื่อไฟล์", "--out is a directory")
    if not out.parent.is_dir():
        raise ValidationError(
            f"ไม่พบโฟลเดอร์ “{shown(out.parent)}” กรุณาเลือกโฟลเดอร์ที่มีอยู่",
            "folder of --out not found",
        )


def check_output_suffix(out: Path, suffix: str) -> None:
    """A document is named for its format (".pdf", any case), as the window names it, so it
    opens in the program its name promises and `import xlsx` takes it back (exit 2)."""
    if out.suffix.lower() != suffix:
        wanted = out.with_suffix(suffix).name if out.suffix else f"{out.name}{suffix}"
        raise ValidationError(
            f"ชื่อไฟล์ที่จะบันทึก (--out) ต้องลงท้ายด้วย {suffix} เช่น “{shown(wanted)}”"
            f" (ได้ “{shown(out.name)}”)",
            f"--out suffix is not {suffix}",
        )


def database_path(path: Path, must_exist: bool = True) -> Path:
    """The database named by --db, checked by `check_database_path`."""
    db = Path(path)
    check_database_path(db, must_exist)
    return db


def open_repository(path: Path, must_exist: bool = True, daily_backup: bool = True) -> Repository:
    """The database named by --db, which must exist unless asked. An existing file opens as
    the window opens it (the first open of a day backs it up)."""
    from ita_desktop.services.files import open_database
    from ita_desktop.storage.repository import Repository

    db = database_path(path, must_exist)
    return open_database(db, daily_backup) if db.exists() else Repository.open(db)


def open_reader(path: Path) -> Snapshot | Repository:
    """The existing database named by --db opened only to read it (exports): a snapshot on
    plain sqlite3 when the file allows it, else as `open_repository` opens it."""
    from ita_desktop.services.files import open_for_reading

    return open_for_reading(database_path(path))


def select_assessment(db: Reader, args: argparse.Namespace) -> tuple[Organization, Assessment]:
    """The organisation (--org: id, name or unambiguous part of it) and year (--year) asked,
    read in one transaction."""
    from ita_desktop.storage.repository import find_assessment, find_organization_in

    with db.read() as s:
        org = find_organization_in(s, args.org)
        assert org.id is not None
        return org, find_assessment(s, org.id, args.year)


# output -----------------------------------------------------------------------------------
def _is_utf8(stream: Any) -> bool:
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "").replace("_", "")
    return encoding in ("utf8", "utf8sig")


def configure_streams() -> None:
    """Printing never crashes on a terminal that is not UTF-8 (LANG=C, PYTHONIOENCODING=ascii,
    a cp874/cp1252 console) or on text that cannot be encoded (undecodable file names):
    stdout and stderr keep their encoding but write what it lacks as backslash escapes."""
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper) and stream.errors != "backslashreplace":
            try:
                stream.reconfigure(errors="backslashreplace")
            except (ValueError, OSError, io.UnsupportedOperation):
                pass


def say(text: str) -> None:
    """Print one line of text output; data from the database or a file (names, paths) cannot
    smuggle control or bidi characters to the terminal."""
    print(escaped(text))


def decimal_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(f"{value:.2f}")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _json_escape(found: re.Match[str]) -> str:
    return "".join(f"\\u{unit:04x}" for unit in _utf16_units(found.group()))


def _utf16_units(ch: str) -> list[int]:
    code = ord(ch)
    if code < 0x10000:
        return [code]
    code -= 0x10000
    return [0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF)]


def print_json(data: Any) -> None:
    """JSON on stdout: UTF-8 text (or \\u escapes when stdout cannot take UTF-8), with C1,
    separator and bidi characters as \\u escapes too, so it is still the same JSON."""
    text = json.dumps(data, ensure_ascii=not _is_utf8(sys.stdout), indent=2, default=decimal_json)
    sys.stdout.write(_UNSAFE_IN_JSON.sub(_json_escape, text) + "\n")
