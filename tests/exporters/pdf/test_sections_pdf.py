"""The chosen bundles, sections and columns read back from the PDF: the seeds' layouts print,
Thai reads clean, numbered lists hang, the announcement is one dated page, and a signature
never stands alone on a page."""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path
from typing import Any

import pdfplumber
import pytest

from ita_desktop.documents.blocks import Cell, Document, Paragraph, Row, Signatures, Table
from ita_desktop.exporters.pdf.writer import write_pdf
from ita_desktop.services.export import export_document
from ita_desktop.services.organizations import find_organization
from ita_desktop.services.report_settings import set_setting
from ita_desktop.storage.repository import Repository
from tests.pdf_checks import assert_clean, pdftotext, read_back

LONG = (
    "บุคลากรของเทศบาลได้รับการสื่อสารและรับทราบมาตรการด้านคุณธรรมและความโปร่งใส"
    "อย่างทั่วถึงผ่านการประชุมประจำเดือนและช่องทางออนไลน์ของหน่วยงาน "
) * 3


def _flat(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _export(repo: Repository, name: str, year: int, document: str, out: Path) -> Path:
    org = find_organization(repo, name)
    assert org.id is not None
    return export_document(repo, org_id=org.id, year=year, document=document, out=out)


@pytest.fixture(scope="module")
def demo_pdfs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    from ita_desktop.demo.builder import build_demo

    folder = tmp_path_factory.mktemp("sections")
    repo = build_demo(folder / "demo.sqlite")
    try:
        return {
            "trang": _export(repo, "เทศบาลนครตรัง", 2564, "all", folder / "trang.pdf"),
            "phanom": _export(repo, "นครพนม", 2566, "all", folder / "phanom.pdf"),
            "pathom": _export(repo, "นครปฐม", 2567, "results", folder / "pathom.pdf"),
            "nabon": _export(repo, "นาบอน", 2564, "results", folder / "nabon.pdf"),
        }
    finally:
        repo.close()


PHRASES = {  # what each seed's layout prints
    "trang": [
        "ส่วนที่ ๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
        "ประกาศเทศบาลนครตรัง",
        "มาตรการ/แนวทาง",
        "ระยะเวลา/การติดตามผล",
        "หน่วยงานผู้รับผิดชอบ: กองยุทธศาสตร์และงบประมาณ",
        "ประเด็นที่ต้องแก้ไขโดยเร่งด่วน",
        "ความเป็นมา",
    ],
    "phanom": [
        "ประเด็น/มาตรการ",
        "กิจกรรม/โครงการ",
        "ข้อจำกัดของหน่วยงานในการดำเนินการประเมินคุณธรรมและความโปร่งใส",
        "ฝ่ายบริหารงานทั่วไป",
        "จัดทำโดย",
        "นายกองค์การบริหารส่วนจังหวัดนครพนม",
    ],
    "pathom": [
        "๑. ความเป็นมา",
        "๒. วัตถุประสงค์",
        "๓. เป้าหมายการดำเนินงาน",
        "เชิงปริมาณ",
        "ผลลัพธ์/ผลสัมฤทธิ์ (Outcome/Result)",
        "๔. ผลการดำเนินการตามมาตรการ",
    ],
    "nabon": [
        "รอบ ๖ เดือน (ต.ค. ๒๕๖๔ – มี.ค. ๒๕๖๕)",  # the latest round with data
        "ประเด็นที่ต้องแก้ไขหรือพัฒนา",
        "ผลการดำเนินงาน",
        "คุณภาพการดำเนินงาน",
    ],
}


@pytest.mark.parametrize("name", list(PHRASES))
def test_each_seed_layout_reads_back_clean(demo_pdfs: dict[str, Path], name: str) -> None:
    report = read_back(demo_pdfs[name], PHRASES[name])
    assert_clean(report)


def test_analysis_and_measures_bundle_has_no_part_three(demo_pdfs: dict[str, Path]) -> None:
    text = _flat(pdftotext(demo_pdfs["trang"]))
    assert "ส่วนที่๒" in text and "ส่วนที่๓" not in text
    assert "ยังไม่ได้รายงานผล" not in text and "ไม่พบปัญหาและอุปสรรค" not in text
    assert "ตลอดปีงบประมาณ" not in text  # Trang's plan gives months for every measure


def test_the_results_table_has_the_seeds_columns(demo_pdfs: dict[str, Path]) -> None:
    pathom = _flat(pdftotext(demo_pdfs["pathom"]))
    assert "สถานะ" not in pathom  # seed 000 has no status column
    nabon = pdftotext(demo_pdfs["nabon"])
    assert "๑. คุณภาพการดำเนินงาน" in nabon  # rows per indicator, in the plan's order


def test_a_signature_block_never_stands_alone_on_a_page(demo_pdfs: dict[str, Path]) -> None:
    checked = 0
    for name, path in demo_pdfs.items():
        for number, page in enumerate(pdftotext(path).split("\f"), start=1):
            lines = [line for line in page.splitlines() if line.strip()]
            signs = [i for i, line in enumerate(lines) if "(ลงชื่อ)" in line]
            if not signs:
                continue
            checked += 1
            text_before = [line for line in lines[1 : signs[0]] if _flat(line)]  # no page number
            assert text_before, (name, number, lines)  # the end of the text goes with it
    assert checked >= 4


def test_the_announcement_is_one_dated_page(tmp_path: Path, demo_db: Path) -> None:
    repo = Repository.open(demo_db)
    org = find_organization(repo, "เทศบาลนครตรัง")
    assert org.id is not None
    a = repo.assessment(org.id, 2564)
    assert a.id is not None
    set_setting(repo, a.id, "announcement_date", "2564-10-15")
    set_setting(repo, a.id, "executive", ("นายทดสอบ ผู้บริหาร", ""))
    path = export_document(
        repo, org_id=org.id, year=2564, document="measures", out=tmp_path / "m.pdf"
    )
    repo.close()
    pages = [_flat(p) for p in pdftotext(path).split("\f")]
    assert pages[1].startswith(_flat("– ๒ – คำนำ"))  # the user's preface, then the announcement
    page = pages[2]
    assert page.startswith(_flat("– ๓ – ประกาศเทศบาลนครตรัง เรื่อง มาตรการส่งเสริม"))
    for phrase in (
        "ประจำปีงบประมาณ พ.ศ. ๒๕๖๕",
        "จำนวน ๑๓ มาตรการ",
        "จึงประกาศมาเพื่อทราบโดยทั่วกัน",
        "ประกาศ ณ วันที่ ๑๕ ตุลาคม พ.ศ. ๒๕๖๔",
        "(นายทดสอบ ผู้บริหาร)",
        "นายกเทศมนตรีนครตรัง",
    ):
        assert _flat(phrase) in page, phrase
    assert "ตารางที่" not in page  # the plan starts on the next page
    assert_clean(read_back(path))


def _lines(path: Path, page_no: int = 0) -> list[list[dict[str, Any]]]:
    """The characters of a page grouped into lines (by their top), top to bottom."""
    with pdfplumber.open(path) as pdf:
        chars = pdf.pages[page_no].chars
    rows: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for c in chars:
        rows[round(c["top"] / 4)].append(c)
    return [sorted(rows[k], key=lambda c: c["x0"]) for k in sorted(rows)]


def test_numbered_items_hang_after_their_marker(tmp_path: Path) -> None:
    items = [f"{n}. {LONG}" for n in ("๑", "๒")]
    doc = Document(
        "ทดสอบ",
        [
            Paragraph(items[0]),
            Paragraph(items[1]),
            Paragraph("ย่อหน้าธรรมดาที่ไม่ใช่รายการ " + LONG),
            Table([0.5, 0.5], [], [Row([Cell.of(items), Cell.of("1. " + LONG)])]),
            Signatures([("", "ปลัดเทศบาล")]),
        ],
    )
    path = tmp_path / "lists.pdf"
    write_pdf(doc, path)
    lines = [line for line in _lines(path) if line and line[0]["text"] != "–"]

    def start(line: list[dict[str, Any]]) -> float:
        return float(line[0]["x0"])

    def after_marker(line: list[dict[str, Any]]) -> float:
        i = next(k for k, c in enumerate(line) if c["text"] in ".")
        return float(next(c for c in line[i + 1 :] if c["text"].strip())["x0"])

    first, second = lines[0], lines[1]
    assert first[0]["text"] == "๑"
    # the marker starts at the paragraph indent, the next lines at the text after it
    assert abs(start(second) - after_marker(first)) < 1.0
    assert start(first) > start(second) - 40  # the marker is left of the text
    plain = next(line for line in lines if line[0]["text"] == "ย")
    after = lines[lines.index(plain) + 1]
    assert start(after) < start(plain) - 50  # an ordinary paragraph: first-line indent only
    text = pdftotext(path)
    assert "ปลัดเทศบาล" in text and "(........................................)" in text
