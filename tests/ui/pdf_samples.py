"""Small real PDFs for the preview and printing tests (ReportLab, no fonts needed)."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfgen import canvas

PAGE_SIZES = (A4, A4, landscape(A4))  # portrait, portrait, landscape like a report's table


def sample_pdf(label: str = "page") -> bytes:
    """Three pages (the last landscape), each with a big black block and its number."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=PAGE_SIZES[0], invariant=True)
    for n, size in enumerate(PAGE_SIZES, start=1):
        pdf.setPageSize(size)
        pdf.rect(72, size[1] - 172, 200, 100, fill=1)
        pdf.setFont("Helvetica", 24)
        pdf.drawString(72, 72, f"{label} {n}")
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()
