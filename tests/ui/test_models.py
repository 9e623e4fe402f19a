"""Qt's model tester on every item model of the window, empty and filled."""

from __future__ import annotations

from decimal import Decimal

from ita_desktop.domain.models import Indicator, Measure, Period, ProgressEntry
from ui.models.issues_model import IssuesModel
from ui.models.measures_model import MeasuresModel
from ui.models.progress_model import ProgressModel
from ui.models.units_model import UnitsModel

MEASURES = [Measure("ก", [1, 2], ["หนึ่ง", "สอง"], ["กองคลัง"], Period(), id=1),
            Measure("ข", [], [], [], Period(False, 10, 2564, 3, 2565), id=2),
            Measure("ค", [9], ["x"], ["สำนักปลัด", "กองช่าง"], Period(text="ตามแผน"), id=3)]


def test_measures_model(qtmodeltester):
    edits = []
    model = MeasuresModel(lambda old, new: edits.append(new.title))
    qtmodeltester.check(model)
    model.fiscal_year = 2565
    model.set_measures(MEASURES)
    qtmodeltester.check(model)
    assert model.setData(model.index(1, 0), "ข ใหม่")
    assert edits == ["ข ใหม่"]
    assert not model.setData(model.index(1, 3), "the period is picked in the form")
    model.set_measures(MEASURES[:1])
    qtmodeltester.check(model)


def test_progress_model(qtmodeltester):
    model = ProgressModel()
    qtmodeltester.check(model)
    model.set_rows([(MEASURES[0], ProgressEntry(1, 6, "ดำเนินการแล้วเสร็จ", "o", "c")),
                    (MEASURES[1], None)])
    qtmodeltester.check(model)
    assert model.data(model.index(1, 1)) == "ยังไม่ดำเนินการ"


def test_issues_model(qtmodeltester):
    edits = []
    model = IssuesModel(lambda number, text: edits.append((number, text)))
    qtmodeltester.check(model)
    rows = [(Indicator(1, "การปฏิบัติหน้าที่", "IIT"), Decimal("90.5"), ""),
            (Indicator(2, "การใช้งบประมาณ", "IIT"), None, "เดิม")]
    model.set_rows(rows)
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "90.50"
    assert model.setData(model.index(1, 2), "ใหม่\u200b")
    assert edits == [(2, "ใหม่")]


def test_units_model(qtmodeltester):
    changes = []
    model = UnitsModel(changes.append)
    qtmodeltester.check(model)
    model.set_units(["สำนักปลัด", "กองคลัง"])
    qtmodeltester.check(model)
    assert not model.setData(model.index(1), "สำนักปลัด")  # no duplicates
    assert model.setData(model.index(1), "กองคลัง ") is False  # same after normalising
    assert model.setData(model.index(1), "กองช่าง")
    assert changes == [["สำนักปลัด", "กองช่าง"]]
