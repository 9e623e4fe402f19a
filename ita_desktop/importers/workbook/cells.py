"""Reading one cell as the value it must hold; every problem is kept with its sheet and cell,
never "fixed" (no rounding, no clamping, no skipping)."""

from __future__ import annotations

import datetime
import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from ita_desktop.analysis.scoring import MAX_SCORE, MIN_SCORE, TWO_PLACES
from ita_desktop.errors import ImportError_, shown
from ita_desktop.importers.problems import refused_message
from ita_desktop.thai.digits import to_arabic_digits

NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")


@dataclass(frozen=True)
class Problem:
    sheet: str
    cell: str
    message: str

    def line(self) -> str:
        where = f"แผ่นงาน “{shown(self.sheet, 40)}”"
        return (
            f"{where} เซลล์ {self.cell}: {self.message}" if self.cell else f"{where}: {self.message}"
        )


class WorkbookError(ImportError_):
    """The workbook cannot be imported; `problems` lists every reason found (exit code 2)."""

    def __init__(self, name: str, problems: list[Problem]) -> None:
        message = refused_message(name, [p.line() for p in problems])
        super().__init__(message, f"{len(problems)} problems")
        self.problems = list(problems)


class Sheet:
    """One sheet's cells (as typed and as calculated) and the problems found in it."""

    def __init__(
        self, book: Any, name: str, problems: list[Problem], notes: list[Problem] | None = None
    ) -> None:
        self.name = name
        self.typed = book.formulas[name]
        self.calculated = book.values[name]
        self.problems = problems
        self.notes = [] if notes is None else notes  # accepted, but said in the preview
        self.merged = [r for r in self.typed.merged_cells.ranges]

    @property
    def max_row(self) -> int:
        return int(self.typed.max_row)

    def problem(self, ref: str, message: str) -> None:
        self.problems.append(Problem(self.name, ref, message))

    def note(self, ref: str, message: str) -> None:
        self.notes.append(Problem(self.name, ref, message))

    def _read_from_text(self, ref: str, value: object, read: object, what: str) -> None:
        """A number typed as text (Thai digits, or formatted as text) is read, and said: the
        workbook's own formulas skip text, so Excel showed no rank, tool score or level."""
        self.note(
            ref,
            f"{what.strip()} “{shown(value, 30)}” เป็นข้อความ ไม่ใช่ตัวเลข นำเข้าเป็น {read}"
            " (สูตรในไฟล์ไม่นับข้อความ จึงไม่ได้คำนวณจากค่านี้)",
        )

    def raw(self, ref: str) -> Any:
        """The cell's value: a formula's last calculated value; None when it has none (with a
        problem), or when the cell is part of a merged range (with a problem)."""
        typed = self.typed[ref]
        if any(ref in r for r in self.merged):
            self.problem(ref, "เป็นเซลล์ที่ผสานไว้ (merge) กรุณายกเลิกการผสานเซลล์แล้วกรอกในเซลล์นี้")
            return None
        if typed.data_type == "f":
            value = self.calculated[ref].value
            if value is None:
                self.problem(
                    ref,
                    "เป็นสูตรที่ไม่มีค่าที่คำนวณไว้ กรุณาเปิดและบันทึกไฟล์ใน Excel ก่อน หรือพิมพ์ค่าแทนสูตร",
                )
            return value
        if typed.data_type == "e":
            self.problem(ref, f"มีค่าผิดพลาด {shown(typed.value, 20)}")
            return None
        return typed.value

    def outside(self, columns: int, rows: range = range(0)) -> None:
        """Values right of the table's `columns` or in `rows` that must stay empty would not
        be imported: each is a problem, never dropped without a word."""
        for row in self.typed.iter_rows():
            for c in row:
                if c.value in (None, "") or not (c.column > columns or c.row in rows):
                    continue
                self.problem(
                    c.coordinate,
                    "มีข้อมูลนอกตาราง ซึ่งจะไม่ถูกนำเข้า กรุณาลบ หรือย้ายไปไว้ในช่องของตาราง",
                )

    def is_formula(self, ref: str) -> bool:
        return bool(self.typed[ref].data_type == "f")

    def empty(self, row: int, columns: int) -> bool:
        return all(self.typed.cell(row, c).value in (None, "") for c in range(1, columns + 1))

    def text(self, ref: str) -> str:
        value = self.raw(ref)
        if value is None:
            return ""
        if isinstance(value, bool):
            self.problem(ref, f"เป็นค่าจริง/เท็จ ({'TRUE' if value else 'FALSE'}) ต้องเป็นข้อความ")
            return ""
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            self.problem(ref, "เป็นวันที่หรือเวลา ต้องเป็นข้อความ กรุณาจัดรูปแบบเซลล์เป็นข้อความ")
            return ""
        if isinstance(value, float):
            return repr(value).removesuffix(".0")
        return str(value).strip()

    def number(self, ref: str, what: str) -> Decimal | None:
        """A score-like number 0–100 with at most 2 decimals; None for an empty cell."""
        value = self.raw(ref)
        if value is None or (isinstance(value, str) and not value.strip()):
            return None
        if isinstance(value, bool):
            self.problem(ref, f"{what}เป็นค่าจริง/เท็จ ({'TRUE' if value else 'FALSE'}) ไม่ใช่ตัวเลข")
            return None
        if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
            self.problem(ref, f"{what}เป็นวันที่หรือเวลา ไม่ใช่ตัวเลข")
            return None
        if "%" in str(self.typed[ref].number_format) or (
            isinstance(value, str) and value.strip().endswith("%")
        ):
            self.problem(
                ref, f"{what}เป็นค่าร้อยละ (%) กรุณากรอกเป็นตัวเลข 0 ถึง 100 เช่น 92.50 ไม่ใช่ 92.5%"
            )
            return None
        number = _decimal(value)
        if number is None:
            self.problem(ref, f"{what.strip()} “{shown(value, 30)}” ไม่ใช่ตัวเลข")
            return None
        if not MIN_SCORE <= number <= MAX_SCORE:
            self.problem(ref, f"{what}ต้องอยู่ระหว่าง 0 ถึง 100 (ได้ {shown(value, 30)})")
            return None
        if number != number.quantize(TWO_PLACES):
            self.problem(
                ref, f"{what}มีทศนิยมเกิน 2 ตำแหน่ง (ได้ {shown(value, 30)}) โปรแกรมไม่ปัดให้ กรุณาแก้"
            )
            return None
        if isinstance(value, str):
            self._read_from_text(ref, value, f"{number:f}", what)
        return number

    def integer(self, ref: str, what: str) -> int | None:
        value = self.raw(ref)
        if isinstance(value, bool) or value is None:
            if value is not None:
                self.problem(ref, f"{what}เป็นค่าจริง/เท็จ ไม่ใช่ตัวเลข")
            return None
        text = to_arabic_digits(str(value)).strip()
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, int):
            return value
        if text.isdigit():
            self._read_from_text(ref, value, int(text), what)
            return int(text)
        self.problem(ref, f"{what} “{shown(value, 30)}” ไม่ใช่จำนวนเต็ม")
        return None

    def expect(self, ref: str, wanted: object, what: str) -> None:
        """A cell the import does not read must still say what the export wrote."""
        value = self.raw(ref)
        if isinstance(wanted, (int, float, Decimal)) and not isinstance(value, bool):
            try:
                same = value is not None and Decimal(str(value)) == Decimal(str(wanted))
            except InvalidOperation:
                same = False
        else:
            same = (value if value is not None else "") == wanted
        if not same:
            self.problem(
                ref,
                f"{what}ต้องเป็น “{shown(wanted, 40)}” (ได้ “{shown(value if value is not None else '', 40)}”)"
                " แก้ในไฟล์นี้ไม่ได้ กรุณาแก้ในโปรแกรม หรือใช้ไฟล์ที่ส่งออกใหม่",
            )

    def formula_kept(self, ref: str) -> None:
        """A computed cell must still hold its formula (a typed value would be lost)."""
        if not self.is_formula(ref) and self.typed[ref].value not in (None, ""):
            self.problem(ref, "เป็นช่องที่คำนวณจากคะแนน แก้ไม่ได้ กรุณาลบค่าที่พิมพ์ทับแล้วใช้ไฟล์ที่ส่งออกใหม่")


def _decimal(value: Any) -> Decimal | None:
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value)) if math.isfinite(value) else None
    text = to_arabic_digits(str(value)).strip()
    if not NUMBER.fullmatch(text):
        return None
    try:
        return Decimal(text)
    except InvalidOperation:
        return None
