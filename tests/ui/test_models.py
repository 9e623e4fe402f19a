"""Qt's model tester on every item model of the window, empty and filled."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt

from ita_desktop.domain.models import GradeBand, Indicator, Measure, Period, ProgressEntry
from ita_desktop_ui.models.grades_model import GradesModel
from ita_desktop_ui.models.indicators_model import DESCRIPTION, NAME, IndicatorsModel
from ita_desktop_ui.models.issues_model import IssuesModel
from ita_desktop_ui.models.measures_model import MeasuresModel
from ita_desktop_ui.models.progress_model import ProgressModel
from ita_desktop_ui.models.signatories_model import SignatoriesModel
from ita_desktop_ui.models.units_model import UnitsModel

MEASURES = [
    Measure("ก", [1, 2], ["หนึ่ง", "สอง"], ["กองคลัง"], Period(), id=1),
    Measure("ข", [], [], [], Period(False, 10, 2564, 3, 2565), id=2),
    Measure("ค", [9], ["x"], ["สำนักปลัด", "กองช่าง"], Period(text="ตามแผน"), id=3),
]


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
    model.set_rows(
        [(MEASURES[0], ProgressEntry(1, 6, "ดำเนินการแล้วเสร็จ", "o", "c")), (MEASURES[1], None)],
        2565,
        6,
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, 1)) == "ดำเนินการแล้วเสร็จ"
    assert model.data(model.index(1, 1)) == "ยังไม่ดำเนินการ"


def test_issues_model(qtmodeltester):
    edits = []
    model = IssuesModel(lambda number, text: edits.append((number, text)))
    qtmodeltester.check(model)
    rows = [
        (Indicator(1, "การปฏิบัติหน้าที่", "IIT"), Decimal("90.5"), ""),
        (Indicator(2, "การใช้งบประมาณ", "IIT"), None, "เดิม"),
    ]
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


def test_indicators_model(qtmodeltester):
    edits = []
    model = IndicatorsModel(lambda number, field, text: edits.append((number, field, text)))
    qtmodeltester.check(model)
    model.set_indicators(
        [
            Indicator(1, "การปฏิบัติหน้าที่", "IIT", "วัดการรับรู้\nของบุคลากร"),
            Indicator(9, "การเปิดเผยข้อมูล", "OIT"),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(0, DESCRIPTION)) == "วัดการรับรู้ ของบุคลากร"  # one line
    assert (
        model.data(model.index(0, DESCRIPTION), Qt.ItemDataRole.EditRole) == "วัดการรับรู้\nของบุคลากร"
    )
    assert not model.setData(model.index(1, NAME), " ")  # a name is required
    assert not model.setData(model.index(1, 0), "10")  # the number is the rules' own
    assert model.setData(model.index(1, NAME), "การเปิดเผยข้อมูลสาธารณะ\u200b")
    assert model.setData(model.index(1, DESCRIPTION), "ใหม่")
    assert edits == [(9, "name", "การเปิดเผยข้อมูลสาธารณะ"), (9, "description", "ใหม่")]
    model.set_indicators([])
    qtmodeltester.check(model)


def test_grades_model(qtmodeltester):
    edits, errors = [], []
    model = GradesModel(edits.append, errors.append)
    qtmodeltester.check(model)
    model.set_bands(
        [
            GradeBand("ผ่านดีเยี่ยม", Decimal(95), Decimal(95)),
            GradeBand("ผ่าน", Decimal(85)),
            GradeBand("ต้องปรับปรุง", Decimal(0)),
        ]
    )
    qtmodeltester.check(model)
    assert model.data(model.index(1, 2)) == "–"
    assert model.data(model.index(1, 2), Qt.ItemDataRole.EditRole) == ""
    assert not model.setData(model.index(1, 1), "101")
    assert not model.setData(model.index(1, 1), "")
    assert not model.setData(model.index(1, 0), "ผ่านดีเยี่ยม")
    assert len(errors) == 3 and not edits
    assert model.setData(model.index(1, 1), "๘๗.๕")  # Thai digits are fine
    assert model.setData(model.index(0, 2), "")  # no condition on the tools any more
    assert edits[-1][0].min_each_tool is None and edits[-1][1].minimum == Decimal("87.5")


def test_signatories_model(qtmodeltester):
    changes = []
    model = SignatoriesModel(changes.append)
    qtmodeltester.check(model)
    model.set_rows([("นายก", "นายกเทศมนตรี"), ("ปลัด", "")])
    qtmodeltester.check(model)
    assert model.setData(model.index(1, 1), " ปลัดเทศบาล ")
    assert not model.setData(model.index(1, 1), "ปลัดเทศบาล")
    assert changes == [[("นายก", "นายกเทศมนตรี"), ("ปลัด", "ปลัดเทศบาล")]]
    model.set_rows([])
    qtmodeltester.check(model)
