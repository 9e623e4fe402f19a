"""Shared pieces of the CLI: a parser whose errors are Thai, output helpers, the database."""

from __future__ import annotations

import argparse
import json
import sys
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from ita_desktop.errors import ValidationError
from ita_desktop.paths import default_db_path
from ita_desktop.thai.numbers import parse_score

if TYPE_CHECKING:  # the storage stack loads only for commands that open a database
    from ita_desktop.domain.models import Assessment, Organization
    from ita_desktop.storage.repository import Repository


class ThaiArgumentParser(argparse.ArgumentParser):
    """argparse, but a usage error is a ValidationError (Thai message, exit code 2)."""

    def error(self, message: str) -> NoReturn:
        raise ValidationError("คำสั่งหรืออาร์กิวเมนต์ไม่ถูกต้อง ดูวิธีใช้ด้วย --help", message)


def add_db_argument(parser: argparse.ArgumentParser, required: bool = False) -> None:
    parser.add_argument(
        "--db",
        type=Path,
        required=required,
        help="ไฟล์ฐานข้อมูล SQLite (ค่าเริ่มต้น: ไฟล์ในโฟลเดอร์ข้อมูลของผู้ใช้)",
    )


def add_selection_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--org", help="รหัสหรือชื่อหน่วยงาน (ค่าเริ่มต้น: หน่วยงานแรก)")
    parser.add_argument("--year", type=int, help="ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: ปีล่าสุด)")


def open_repository(path: Path | None, must_exist: bool = True) -> Repository:
    """The database named by --db (default: the user's own), which must exist unless asked."""
    from ita_desktop.storage.repository import Repository

    db = Path(path or default_db_path())
    if must_exist and not db.exists():
        raise ValidationError(f"ไม่พบไฟล์ฐานข้อมูล {db}", "database file not found")
    return Repository.open(db)


def select_assessment(db: Repository, args: argparse.Namespace) -> tuple[Organization, Assessment]:
    """The organisation (--org: id, name or unambiguous part of it) and year (--year) asked."""
    from ita_desktop.services.assessments import get_assessment
    from ita_desktop.services.organizations import find_organization

    org = find_organization(db, args.org)
    assert org.id is not None
    return org, get_assessment(db, org.id, args.year)


def score_argument(text: str) -> Decimal:
    """A score typed on the command line (Thai or Arabic digits)."""
    return parse_score(text)


def decimal_json(value: Any) -> Any:
    if isinstance(value, Decimal):
        return float(f"{value:.2f}")
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def print_json(data: Any) -> None:
    sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=decimal_json) + "\n")
