"""Qt's own texts in Thai: standard buttons, "Show Details…", context menus, file and print
dialogs; every translated string is one Qt really asks for."""

from __future__ import annotations

import struct
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QLibraryInfo
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
)

from ita_desktop_ui.translations import THAI, ThaiTranslator, install_thai_translations


@pytest.fixture
def thai(qapp: QApplication) -> Iterator[ThaiTranslator]:
    translator = install_thai_translations(qapp)
    yield translator
    qapp.removeTranslator(translator)
    translator.setParent(None)


def _menu_texts(widget: Any) -> list[str]:
    menu = widget.createStandardContextMenu()
    try:
        return [a.text() for a in menu.actions() if not a.isSeparator()]
    finally:
        menu.deleteLater()


def test_message_box_yes_no_and_details_speak_thai(thai: ThaiTranslator, qtbot: Any) -> None:
    box = QMessageBox(QMessageBox.Icon.Question, "ถาม", "ต้องการแทนที่หรือไม่?")
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDetailedText("รายละเอียด")
    assert box.button(QMessageBox.StandardButton.Yes).text() == "ใช่ (&Y)"
    assert box.button(QMessageBox.StandardButton.No).text() == "ไม่ใช่ (&N)"
    (details,) = [
        b
        for b in box.findChildren(QPushButton)
        if box.buttonRole(b) == QMessageBox.ButtonRole.ActionRole
    ]
    assert details.text() == "แสดงรายละเอียด…"
    box.show()
    details.click()
    assert details.text() == "ซ่อนรายละเอียด…"


def test_button_box_ok_cancel_and_the_rest(thai: ThaiTranslator, qtbot: Any) -> None:
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok
        | QDialogButtonBox.StandardButton.Cancel
        | QDialogButtonBox.StandardButton.Save
        | QDialogButtonBox.StandardButton.Discard
        | QDialogButtonBox.StandardButton.RestoreDefaults
    )
    qtbot.addWidget(buttons)
    texts = {b.text() for b in buttons.buttons()}
    assert texts == {"ตกลง", "ยกเลิก", "บันทึก", "ไม่บันทึก", "คืนค่าเริ่มต้น"}


@pytest.mark.parametrize("kind", [QLineEdit, QTextEdit, QPlainTextEdit])
def test_context_menus_are_thai_with_their_shortcuts(
    thai: ThaiTranslator, qtbot: Any, kind: type
) -> None:
    widget = kind()
    qtbot.addWidget(widget)
    texts = _menu_texts(widget)
    assert texts[:2] == ["เลิกทำ (&U)\tCtrl+Z", "ทำซ้ำ (&R)\tCtrl+Y"]  # "Ctrl" untouched
    assert {"ตัด (&T)\tCtrl+X", "คัดลอก (&C)\tCtrl+C", "วาง (&P)\tCtrl+V", "ลบ"} <= set(texts)
    assert "เลือกทั้งหมด\tCtrl+A" in texts
    assert not any(t[:1].isascii() and t[:1].isalpha() for t in texts), texts


def test_widget_file_dialog_is_thai(thai: ThaiTranslator, qtbot: Any) -> None:
    dialog = QFileDialog(None, "เลือกไฟล์")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the one Linux shows without a theme
    qtbot.addWidget(dialog)
    labels = {w.text() for w in dialog.findChildren(QLabel) if w.text()}
    assert labels == {"ค้นหาใน (&L):", "ชื่อไฟล์ (&N):", "ชนิดไฟล์ (&T):"}
    buttons = {b.text() for b in dialog.findChildren(QAbstractButton) if b.text()}
    assert buttons == {"เปิด (&O)", "ยกเลิก"}
    tips = {b.toolTip() for b in dialog.findChildren(QAbstractButton) if b.toolTip()}
    assert {"ย้อนกลับ", "โฟลเดอร์แม่", "สร้างโฟลเดอร์ใหม่"} <= tips


def test_print_dialog_is_thai(thai: ThaiTranslator, qtbot: Any) -> None:
    printer = QPrinter()
    dialog = QPrintDialog(printer)
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "พิมพ์"
    buttons = {b.text() for b in dialog.findChildren(QAbstractButton) if b.text()}
    assert {"พิมพ์ (&P)", "ยกเลิก", "ตัวเลือก (&O) >>", "พิมพ์ทั้งหมด", "คุณสมบัติ (&R)"} <= buttons
    english = {t for t in buttons if t.isascii() and t != "..."}
    assert not english, english


def test_install_is_idempotent(thai: ThaiTranslator, qapp: QApplication) -> None:
    assert install_thai_translations(qapp) is thai
    assert thai.translate("SomethingElse", "OK") is None  # falls through to Qt's own text


# every (context, source) we answer is one Qt asks for -------------------------------------
def _qm_messages(path: Path) -> Iterator[tuple[str, str]]:
    """(context, source) of each message in a Qt .qm catalogue (the format's tagged records)."""
    data = path.read_bytes()
    pos, block = 16, b""
    while pos < len(data):
        tag, size = data[pos], struct.unpack(">I", data[pos + 1 : pos + 5])[0]
        if tag == 0x69:  # the messages block
            block = data[pos + 5 : pos + 5 + size]
        pos += 5 + size
    fields: dict[int, bytes] = {}
    p = 0
    while p < len(block):
        tag = block[p]
        p += 1
        if tag == 1:  # end of a message
            if 6 in fields and 7 in fields:
                yield fields[7].decode(), fields[6].decode()
            fields = {}
        elif tag in (2, 3, 4, 6, 7, 8):
            size = struct.unpack(">I", block[p : p + 4])[0]
            p += 4
            if size != 0xFFFFFFFF:
                fields[tag] = block[p : p + size]
                p += size


def test_every_translated_string_is_one_of_qts() -> None:
    folder = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    catalogues = sorted(folder.glob("qtbase_*.qm"))
    assert len(catalogues) > 10, folder
    known = {m for path in catalogues for m in _qm_messages(path)}
    ours = {(context, source) for context, table in THAI.items() for source in table}
    assert ours - known == set()


def test_progress_cancel_and_scroll_bar_menu(thai: ThaiTranslator, qtbot: Any) -> None:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QProgressDialog

    progress = QProgressDialog()
    qtbot.addWidget(progress)
    assert {b.text() for b in progress.findChildren(QPushButton)} == {"ยกเลิก"}
    # the scroll bar's right-click menu asks for these (context QScrollBar)
    for source in ("Scroll here", "Top", "Bottom", "Page up", "Page down", "Scroll up"):
        assert not QCoreApplication.translate("QScrollBar", source).isascii()
