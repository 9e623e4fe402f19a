"""Sarabun font registration for ReportLab, with ToUnicode entries that survive shaping.

Public API:
    register_fonts() -> str
        Idempotent. Registers Sarabun Regular/Bold/Italic/BoldItalic as the ReportLab font
        family "Sarabun" (subset-embedded TrueType) and returns the family name.
    font_name(bold=False, italic=False) -> str
        The registered face name of one style ("Sarabun", "Sarabun-Bold", ...).
    get_thai_font(name) -> ThaiTTFont
        The registered font object (registers the family first if needed).

HarfBuzz turns Thai text into glyphs that often have no cmap entry (lowered tone marks,
narrow upper vowels, ligatures). ThaiTTFont gives each (glyph, text) pair its own code, in
Unicode plane-15 private use, and writes a ToUnicode CMap that maps that code back to the
real Thai text, so pdftotext and copy-paste return the original characters.
"""

from __future__ import annotations

import re
import threading

import uharfbuzz
from reportlab.pdfbase import pdfdoc, pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from ita_desktop.paths import font_path

FAMILY = "Sarabun"
_STYLES = {
    (False, False): ("Sarabun", "Regular"),
    (True, False): ("Sarabun-Bold", "Bold"),
    (False, True): ("Sarabun-Italic", "Italic"),
    (True, True): ("Sarabun-BoldItalic", "BoldItalic"),
}
_PUA_START = 0xF0000  # plane-15 private use: never clashes with a real cmap entry
_UNI_NAME = re.compile(r"^uni((?:[0-9A-F]{4})+)(?:[._].*)?$")
_U_NAME = re.compile(r"^u([0-9A-F]{4,6})(?:[._].*)?$")
_lock = threading.Lock()
_seen: dict[str, ThaiTTFont] = {}  # fonts get_thai_font found registered (asked per text run)


class ThaiTTFont(TTFont):
    """A TTFont that can encode shaped glyphs and map them back to text in ToUnicode."""

    def __init__(self, name: str, filename: str) -> None:
        super().__init__(name, filename)
        face = self.face
        self.cmap: dict[int, int] = dict(face.charToGlyph)  # the font's own cmap, untouched
        reverse: dict[int, int] = {}
        for cp, gid in self.cmap.items():
            if gid not in reverse or _better(cp, reverse[gid]):
                reverse[gid] = cp
        self._reverse = reverse
        self._natural: dict[int, str] = {}
        self.hb_font = uharfbuzz.Font(uharfbuzz.Face(uharfbuzz.Blob(face._ttf_data)))
        self.upem = self.hb_font.face.upem
        self.scale = 1000.0 / self.upem  # font units -> PDF glyph-space units
        self._codes: dict[tuple[int, str], str] = {}
        self._code_text: dict[int, str] = {}
        self._next = _PUA_START
        self.space_width = face.charWidths.get(32, 250)  # 1/1000 em

    def natural_text(self, gid: int) -> str:
        """The text a glyph stands for on its own: its cmap character, else its name's."""
        text = self._natural.get(gid)
        if text is None:
            text = self._natural[gid] = self._natural_text(gid)
        return text

    def _natural_text(self, gid: int) -> str:
        cp = self._reverse.get(gid)
        if cp is not None:
            return chr(cp)
        name = self.hb_font.glyph_to_string(gid)
        m = _UNI_NAME.match(name)
        if m:
            hexes = m.group(1)
            return "".join(chr(int(hexes[i : i + 4], 16)) for i in range(0, len(hexes), 4))
        m = _U_NAME.match(name)
        if m:
            return chr(int(m.group(1), 16))
        return ""

    def glyph_char(self, gid: int, text: str) -> str:
        """One character that draws glyph `gid` and extracts as `text`."""
        if len(text) == 1 and self.cmap.get(ord(text)) == gid:
            return text
        key = (gid, text)
        code = self._codes.get(key)
        if code is None:
            with _lock:
                code = self._codes.get(key)
                if code is None:
                    cp = self._next
                    self._next += 1
                    self.face.charToGlyph[cp] = gid
                    advance = self.hb_font.get_glyph_h_advance(gid) * self.scale
                    self.face.charWidths[cp] = advance
                    self._code_text[cp] = text
                    code = self._codes[key] = chr(cp)
        return code

    def glyph_width(self, ch: str) -> float:
        """Width (1/1000 em) the PDF viewer will advance after drawing character `ch`."""
        return self.face.charWidths.get(ord(ch), self.face.defaultWidth)

    def text_of_code(self, cp: int) -> str:
        """What a character code used in a subset should extract as."""
        text = self._code_text.get(cp)
        if text is not None:
            return text
        if cp in self.cmap or not (0xE000 <= cp <= 0xF8FF):
            return chr(cp)
        gid = self.face.charToGlyph.get(cp)  # a code ReportLab's own shaper invented
        return self.natural_text(gid) if gid is not None else ""

    def addObjects(self, doc: pdfdoc.PDFDocument) -> None:
        """ReportLab's TTFont.addObjects, with a ToUnicode CMap that knows shaped glyphs."""
        try:
            state = self.state[doc]
        except KeyError:
            state = self.state[doc] = TTFont.State(self._asciiReadable)
        state.frozen = 1
        for n, subset in enumerate(state.subsets):
            internal_name = self.getSubsetInternalName(n, doc)[1:]
            base_font_name = (
                b"".join((SUBSETN(n), b"+", self.face.name, self.face.subfontNameX))
            ).decode("pdfdoc")
            pdf_font = pdfdoc.PDFTrueTypeFont()
            pdf_font.__Comment__ = f"Font {self.fontName} subset {n}"
            pdf_font.Name = internal_name
            pdf_font.BaseFont = base_font_name
            pdf_font.FirstChar = 0
            pdf_font.LastChar = len(subset) - 1
            pdf_font.Widths = pdfdoc.PDFArray(list(map(self.face.getCharWidth, subset)))
            cmap_stream = pdfdoc.PDFStream()
            cmap_stream.content = _to_unicode_cmap(
                base_font_name, [self.text_of_code(c) for c in subset]
            )
            if doc.compression:
                cmap_stream.filters = [pdfdoc.PDFZCompress]
            pdf_font.ToUnicode = doc.Reference(cmap_stream, "toUnicodeCMap:" + base_font_name)
            pdf_font.FontDescriptor = self.face.addSubsetObjects(doc, base_font_name, subset)
            doc.Reference(pdf_font, internal_name)
            doc.idToObject["BasicFonts"].dict[internal_name] = pdf_font
        del self.state[doc]


def _better(cp: int, old: int) -> bool:
    """Prefer ordinary characters over private-use/no-break ones as a glyph's text."""

    def rank(c: int) -> tuple[int, int]:
        odd = 0xE000 <= c <= 0xF8FF or c in (0xA0, 0x2007, 0x202F) or c >= 0xFB00
        return (1 if odd else 0, c)

    return rank(cp) < rank(old)


def _utf16_hex(text: str) -> str:
    return text.encode("utf-16-be").hex().upper()


def _to_unicode_cmap(fontname: str, texts: list[str]) -> str:
    """A ToUnicode CMap for one 8-bit subset; code i extracts as texts[i]."""
    entries = [f"<{i:02X}> <{_utf16_hex(t)}>" for i, t in enumerate(texts) if t]
    lines = [
        "/CIDInit /ProcSet findresource begin",
        "12 dict begin",
        "begincmap",
        "/CIDSystemInfo",
        f"<< /Registry ({fontname})",
        f"/Ordering ({fontname})",
        "/Supplement 0",
        ">> def",
        f"/CMapName /{fontname} def",
        "/CMapType 2 def",
        "1 begincodespacerange",
        f"<00> <{len(texts) - 1:02X}>",
        "endcodespacerange",
    ]
    for start in range(0, len(entries), 100):  # at most 100 entries per block (PDF spec)
        chunk = entries[start : start + 100]
        lines.append(f"{len(chunk)} beginbfchar")
        lines.extend(chunk)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines)


def font_name(bold: bool = False, italic: bool = False) -> str:
    """The registered face name of one Sarabun style."""
    return _STYLES[(bool(bold), bool(italic))][0]


def register_fonts() -> str:
    """Register the Sarabun family with ReportLab once; returns the family name."""
    with _lock:
        for name, style in _STYLES.values():
            if not isinstance(_registered(name), ThaiTTFont):
                pdfmetrics.registerFont(ThaiTTFont(name, str(font_path(style))))
        pdfmetrics.registerFontFamily(
            FAMILY,
            normal=font_name(),
            bold=font_name(True),
            italic=font_name(False, True),
            boldItalic=font_name(True, True),
        )
    return FAMILY


def get_thai_font(name: str) -> ThaiTTFont:
    """The registered ThaiTTFont called `name` (registering Sarabun first if needed)."""
    seen = _seen.get(name)
    if seen is not None and pdfmetrics.getFont(name) is seen:  # registered: a dict look-up
        return seen
    font = _registered(name)
    if not isinstance(font, ThaiTTFont):
        register_fonts()
        font = _registered(name)
    if not isinstance(font, ThaiTTFont):
        raise KeyError(f"{name!r} is not a Thai-capable font registered by register_fonts()")
    _seen[name] = font
    return font


def _registered(name: str) -> object | None:
    """The font registered as `name`, or None. Asked for a name it does not know,
    pdfmetrics.getFont searches and parses every AFM file on ReportLab's path first (a
    third of a second), so only registered names are looked up."""
    if name not in pdfmetrics.getRegisteredFontNames():
        return None
    return pdfmetrics.getFont(name)
