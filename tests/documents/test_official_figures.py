"""Nakhon Phanom 2566: the NACC's 90.16 is the report's result everywhere; the estimate 90.12
appears once, in the cross-check note; the table says where each figure comes from."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from ita_desktop.documents.blocks import BarChart, Paragraph, Table
from ita_desktop.documents.bundle import build_document
from ita_desktop.services.reports import load_context
from ita_desktop.storage.repository import Repository


def test_nakhon_phanom_states_the_official_result(demo_db: Path) -> None:
    db = Repository.open(demo_db)
    try:
        org = next(o for o in db.organizations() if o.name == "องค์การบริหารส่วนจังหวัดนครพนม")
        assert org.id is not None
        ctx = load_context(db, org.id, thai_digits=False)
    finally:
        db.close()
    doc = build_document(ctx, "analysis")
    texts = doc.texts()
    assert sum(t.count("90.12") for t in texts) == 1
    (note,) = [t for t in texts if "90.12" in t]
    assert note.startswith("การตรวจทาน:") and "(ประกาศ 90.16)" in note
    assert any("โดยภาพรวมได้คะแนนร้อยละ 90.16 อยู่ในระดับ ผ่านดี" in t for t in texts)
    assert any("ต้องเพิ่มคะแนนภาพรวมอีก 4.84 คะแนน" in t for t in texts)  # 95 - 90.16
    notes = [b for b in doc.blocks if isinstance(b, Paragraph) and b.style == "note"]
    assert [n.text for n in notes if "การตรวจทาน" in n.text] == [note]
    summary = next(b for b in doc.blocks if isinstance(b, Table) and "รายเครื่องมือ" in b.caption)
    header = [c.paragraphs[0] for c in summary.header[0].cells]
    assert header[-1] == "ที่มา"
    rows = {r.cells[0].paragraphs[0]: [c.paragraphs[0] for c in r.cells] for r in summary.rows}
    assert rows["คะแนนรวม"][2:] == ["90.16", "ผลประกาศ ป.ป.ช."]
    assert rows["ระดับผลการประเมิน"][1:] == ["ผ่านดี", "ผลประกาศ ป.ป.ช."]
    iit = next(v for k, v in rows.items() if "(IIT)" in k)
    assert iit[2:] == ["88.16", "คำนวณตามเกณฑ์"]
    tools_chart = [b for b in doc.blocks if isinstance(b, BarChart)][1]
    assert tools_chart.items[-1].value == Decimal("90.16")
