"""What the documents decide for the page rules: the no-break joins a line never ends inside,
and landscape pages only for the wide tables."""

from __future__ import annotations

import pytest

from ita_desktop.documents.blocks import Heading, Orientation, Paragraph, Signatures, Table
from ita_desktop.documents.orientation import landscape_for_tables
from ita_desktop.documents.text import NBSP, no_break


@pytest.mark.parametrize(
    ("text", "glued"),
    [
        ("ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ของเทศบาล", "พ.ศ.⍽๒๕๖๖"),
        ("ไตรมาสที่ ๒ ของปี", "ไตรมาสที่⍽๒"),
        ("ตัวชี้วัดที่ 4 การใช้ทรัพย์สินของราชการ", "ตัวชี้วัดที่⍽4"),
        ("รอบ ๑๒ เดือน (ต.ค. ๒๕๖๗ – ก.ย. ๒๕๖๘)", "ก.ย.⍽๒๕๖๘"),
        ("ระยะเวลา มกราคม 2565 – เมษายน 2565", "มกราคม⍽2565"),
        ("ปี 2566 ได้ 91.25 คะแนน และ", "ได้⍽91.25⍽คะแนน"),
        ("คะแนนร้อยละ 92.24 ทุกตัวชี้วัด", "ร้อยละ⍽92.24"),
        ("ประกาศ ณ วันที่ 15 ตุลาคม พ.ศ. 2564", "15⍽ตุลาคม"),
        ("จำนวน ๑๐ มาตรการ ดังนี้", "จำนวน⍽๑๐⍽มาตรการ"),
        ("มกราคม ๒๕๖๕ – เมษายน ๒๕๖๕", "มกราคม⍽๒๕๖๕⍽– เมษายน⍽๒๕๖๕"),
    ],
)
def test_no_break_joins(text: str, glued: str) -> None:
    out = no_break(text)
    assert glued.replace("⍽", NBSP) in out
    assert out.replace(NBSP, " ") == text  # only spaces change, nothing else


def test_no_break_leaves_other_spaces_and_words_alone() -> None:
    for text in ("ข้อมูล 3 ข้อมูล", "2 ปีงบประมาณ", "85 ถึง 90 คะแนนรวม", "บรรทัด\n๒๕๖๖", ""):
        assert no_break(text) == text


def _orientations(blocks: list[object]) -> list[bool]:
    return [b.landscape for b in blocks if isinstance(b, Orientation)]


def test_landscape_ends_with_the_last_table() -> None:
    table = Table([1.0], [], [])
    blocks = [
        Orientation(True),
        Heading("๓. มาตรการ"),
        Paragraph("intro"),
        table,
        Paragraph("หมายเหตุ"),  # a note under the table stays with it
        Heading("๔. สรุปผล"),
        Paragraph("summary"),
        Heading("๕. ปัญหา"),
        Signatures([("", "")]),
    ]
    out = landscape_for_tables(blocks)
    assert _orientations(out) == [True, False]
    assert out.index(Orientation(False)) == blocks.index(Heading("๔. สรุปผล"))
    assert [b for b in out if not isinstance(b, Orientation)] == blocks[1:]


def test_a_landscape_turn_without_a_table_stays_portrait() -> None:
    blocks = [Paragraph("a"), Orientation(True), Heading("๒. มาตรการ"), Paragraph("none yet")]
    assert _orientations(landscape_for_tables(blocks)) == [False]
    blocks = [Orientation(True), Table([1.0], [], []), Orientation(False), Paragraph("x")]
    assert landscape_for_tables(blocks) == blocks  # already right
