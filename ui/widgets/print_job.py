"""One print: Qt's print dialog (pages, copies, printer), then the pages with a progress box that
can stop the job. The printer chosen is kept for the next print of the session."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QProgressDialog, QWidget

from ita_desktop.errors import ExportError

from ..errors import show_error
from .pdf_pages import PdfPages
from .pdf_printing import PrintFailed, chosen_pages, print_pages

PRINTING = "กำลังพิมพ์หน้า {n} จาก {total}…"
PRINTED = "ส่งเอกสาร {pages} หน้าไปที่เครื่องพิมพ์ {printer} แล้ว"
PRINTED_FILE = "พิมพ์ลงไฟล์ {file} แล้ว ({pages} หน้า)"
PRINT_STOPPED = "หยุดพิมพ์แล้ว (ส่งไปแล้ว {n} จาก {total} หน้า)"
PRINT_FAILED = "พิมพ์ไม่สำเร็จ: เริ่มงานพิมพ์ที่เครื่องพิมพ์ {printer} ไม่ได้ กรุณาตรวจเครื่องพิมพ์แล้วลองใหม่"

_printer: QPrinter | None = None  # the session's printer and its settings


def session_printer() -> QPrinter:
    global _printer
    if _printer is None:
        _printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    return _printer


def print_preview(parent: QWidget, pages: PdfPages, current: int, title: str) -> str | None:
    """Ask how to print (Qt's dialog), then print; a Thai line saying what happened, or None
    when the dialog was cancelled. A printer that fails is shown in a Thai message box."""
    printer = session_printer()
    printer.setDocName(title)
    printer.setFromTo(1, len(pages))
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle("พิมพ์เอกสาร")
    dialog.setOptions(
        QAbstractPrintDialog.PrintDialogOption.PrintPageRange
        | QAbstractPrintDialog.PrintDialogOption.PrintCurrentPage
        | QAbstractPrintDialog.PrintDialogOption.PrintToFile
        | QAbstractPrintDialog.PrintDialogOption.PrintShowPageSize
        | QAbstractPrintDialog.PrintDialogOption.PrintCollateCopies
    )
    dialog.setMinMax(1, len(pages))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return print_now(parent, pages, printer, chosen_pages(printer, len(pages), current))


def print_now(parent: QWidget, pages: PdfPages, printer: QPrinter, indexes: list[int]) -> str:
    """Print `indexes` with a progress box (ยกเลิก stops the job)."""
    total = len(indexes)
    box = QProgressDialog(PRINTING.format(n=1, total=total), "หยุดพิมพ์", 0, total, parent)
    box.setWindowTitle("พิมพ์เอกสาร")
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setMinimumDuration(300)
    box.setValue(0)
    sent = 0

    def progress(n: int) -> bool:
        nonlocal sent
        sent = n
        box.setValue(n)
        box.setLabelText(PRINTING.format(n=min(n + 1, total), total=total))
        QCoreApplication.processEvents()
        return not box.wasCanceled()

    name = printer.printerName() or printer.outputFileName()
    try:
        print_pages(pages, printer, indexes, progress)
    except PrintFailed:
        if box.wasCanceled():
            return PRINT_STOPPED.format(n=sent, total=total)
        show_error(parent, ExportError(PRINT_FAILED.format(printer=name), "print failed"))
        return PRINT_FAILED.format(printer=name)
    finally:
        box.reset()
        box.deleteLater()
    if printer.outputFormat() == QPrinter.OutputFormat.PdfFormat:
        return PRINTED_FILE.format(file=printer.outputFileName(), pages=total)
    return PRINTED.format(pages=total, printer=name)
