"""Sarabun is registered without ReportLab's AFM search, and still embeds and copies back."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.documents.fixtures import trang
from tests.pdf_checks import garbled_chars, pdffonts, pdftotext

# A fresh interpreter, where the fonts are not registered yet: any AFM search fails loudly.
NO_AFM_SEARCH = """
import sys
from reportlab.pdfbase import pdfmetrics

def searched(*args, **kwargs):
    raise AssertionError(f"ReportLab searched its AFM files for {args!r}")

pdfmetrics.findFontAndRegister = searched
pdfmetrics.parseAFMFile = searched

from ita_desktop.exporters.pdf.fonts import _STYLES, get_thai_font, register_fonts
assert register_fonts() == "Sarabun"
for name, _ in _STYLES.values():
    assert get_thai_font(name).fontName == name
from ita_desktop.cli.main import main
sys.exit(main(["export", "pdf", "--db", sys.argv[1], "--out", sys.argv[2]]))
"""


def test_fonts_register_without_the_afm_search_and_embed_sarabun(tmp_path: Path) -> None:
    repo, _ = trang(tmp_path / "t.sqlite", measures=2)
    repo.close()
    out = tmp_path / "ita.pdf"
    done = subprocess.run(
        [sys.executable, "-c", NO_AFM_SEARCH, str(tmp_path / "t.sqlite"), str(out)],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[3],
    )
    assert done.returncode == 0, done.stderr
    fonts = pdffonts(out)
    assert fonts and all(re.fullmatch(r"[A-Z]{6}\+Sarabun(-\w+)?", f.name) for f in fonts)
    assert all(f.embedded and f.subset and f.unicode for f in fonts)
    text = pdftotext(out)
    flat = re.sub(r"\s+", "", text)
    for phrase in ("เทศบาลนครตรัง", "คุณธรรมและความโปร่งใส", "ประจำปีงบประมาณ"):
        assert phrase in flat
    assert garbled_chars(text) == 0
