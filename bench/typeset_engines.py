"""The same paragraphs set by three engines, each as a whole process, for typeset_bench.py.

Every engine gets A4, margins 3 / 2 / 2.5 / 2 cm (left, right, top, bottom), Sarabun 16 pt from
resources/fonts, justified, a line pitch of 24 pt: what our body text uses.
- ours: ita_desktop's write_pdf on a Document of Paragraphs;
- LibreOffice: a DOCX written with python-docx, converted by `soffice --headless`;
- Typst: the `typst` Python package, justified with tracking (up to 0.1 em between letters).
LibreOffice and Typst count only when installed; `available()` says which are.
"""

from __future__ import annotations

import json
import resource
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FONTS = ROOT / "resources" / "fonts"
MARGINS_CM = (3.0, 2.0, 2.5, 2.0)  # left, right, top, bottom
SIZE_PT = 16
PITCH_PT = 24

OURS = """
import json, sys
from ita_desktop.documents.blocks import Document, Paragraph
from ita_desktop.exporters.pdf.writer import write_pdf
paragraphs = json.loads(open(sys.argv[1], encoding="utf-8").read())
write_pdf(Document("bench", [Paragraph(p) for p in paragraphs]), sys.argv[2])
"""

TYPST = """
#set page(paper: "a4", margin: (left: {left}cm, right: {right}cm, top: {top}cm, bottom: {bottom}cm))
#set text(font: "Sarabun", size: {size}pt, lang: "th", top-edge: 1em, bottom-edge: 0em)
#set par(justify: true, leading: {leading}pt, spacing: {leading}pt,
  justification-limits: (tracking: (min: -0.01em, max: 0.1em)))
#for p in json("paragraphs.json") [#p #parbreak()]
"""

TYPST_RUN = """
import sys, typst
typst.compile(sys.argv[1], output=sys.argv[2], font_paths=[sys.argv[3]])
"""

FONTCONFIG = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <cachedir>{cache}</cachedir>
</fontconfig>
"""


def available() -> dict[str, bool]:
    """Which engines this machine has."""
    try:
        import docx  # noqa: F401

        has_docx = True
    except ImportError:
        has_docx = False
    try:
        import typst  # noqa: F401

        has_typst = True
    except ImportError:
        has_typst = False
    return {
        "ITA Desktop": True,
        "LibreOffice": has_docx and shutil.which("soffice") is not None,
        "Typst": has_typst,
    }


@dataclass(frozen=True)
class Timing:
    """One whole process: wall-clock seconds, and CPU seconds (user + system, its children
    included), which a machine shared with other work inflates less than the wall clock."""

    wall: float
    cpu: float


def timed(argv: list[str], env: dict[str, str] | None = None, cwd: Path = ROOT) -> Timing:
    """Time one whole process; raises with its stderr when it fails."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        raise RuntimeError(f"{argv[0]} failed ({done.returncode}): {done.stderr[-2000:]}")
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    return Timing(wall, cpu)


def medians(samples: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in samples), statistics.median(t.cpu for t in samples)
    )


class Engine:
    """One engine ready to set `paragraphs` in `folder`: run() times it; pdf: its output."""

    def __init__(self, name: str, folder: Path, paragraphs: list[str], env: dict[str, str]):
        self.name = name
        self.folder = folder / name.replace(" ", "_")
        self.folder.mkdir(parents=True, exist_ok=True)
        self.env = env
        self.pdf = self.folder / "out.pdf"
        (self.folder / "paragraphs.json").write_text(
            json.dumps(paragraphs, ensure_ascii=False), encoding="utf-8"
        )
        self.run: Callable[[], Timing] = {
            "ITA Desktop": self._ours,
            "LibreOffice": self._libreoffice,
            "Typst": self._typst,
        }[name]
        if name == "LibreOffice":
            _write_docx(paragraphs, self.folder / "out.docx")
            self.env = {**env, "FONTCONFIG_FILE": str(self._fontconfig())}
        if name == "Typst":
            left, right, top, bottom = MARGINS_CM
            (self.folder / "main.typ").write_text(
                TYPST.format(
                    left=left,
                    right=right,
                    top=top,
                    bottom=bottom,
                    size=SIZE_PT,
                    leading=PITCH_PT - SIZE_PT,  # lines 1 em high: the rest is leading
                ),
                encoding="utf-8",
            )

    def _ours(self) -> Timing:
        json_path = str(self.folder / "paragraphs.json")
        return timed([sys.executable, "-c", OURS, json_path, str(self.pdf)], self.env)

    def _libreoffice(self) -> Timing:
        profile = (self.folder / "profile").as_uri()
        return timed(
            [
                "soffice",
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(self.folder),
                str(self.folder / "out.docx"),
            ],
            self.env,
        )

    def _typst(self) -> Timing:
        argv = [sys.executable, "-c", TYPST_RUN, "main.typ", str(self.pdf), str(FONTS)]
        return timed(argv, self.env, cwd=self.folder)

    def _fontconfig(self) -> Path:
        """A private fontconfig that adds our Sarabun to the system's fonts, so LibreOffice
        sets the same face without installing anything."""
        path = self.folder / "fonts.conf"
        cache = self.folder / "fontcache"
        path.write_text(FONTCONFIG.format(fonts=FONTS, cache=cache), encoding="utf-8")
        return path


def _write_docx(paragraphs: list[str], path: Path) -> None:
    """The paragraphs as Word would hold them: Sarabun 16 pt for Thai (complex script) and
    Latin alike, language Thai, justified, exactly 24 pt per line, A4 with our margins."""
    from docx import Document
    from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
    from docx.oxml.ns import qn
    from docx.shared import Cm, Pt

    doc = Document()
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    left, right, top, bottom = MARGINS_CM
    section.left_margin, section.right_margin = Cm(left), Cm(right)
    section.top_margin, section.bottom_margin = Cm(top), Cm(bottom)
    normal = doc.styles["Normal"]
    normal.font.name = "Sarabun"
    normal.font.size = Pt(SIZE_PT)
    r_pr = normal.element.get_or_add_rPr()
    fonts = r_pr.get_or_add_rFonts()
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), "Sarabun")
    r_pr.append(r_pr.makeelement(qn("w:szCs"), {qn("w:val"): str(SIZE_PT * 2)}))
    # Thai as the text's language: LibreOffice then breaks lines with its Thai dictionary
    thai = {qn("w:val"): "th-TH", qn("w:eastAsia"): "th-TH", qn("w:bidi"): "th-TH"}
    r_pr.append(r_pr.makeelement(qn("w:lang"), thai))
    fmt = normal.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.JUSTIFY
    fmt.line_spacing_rule = WD_LINE_SPACING.EXACTLY
    fmt.line_spacing = Pt(PITCH_PT)
    fmt.space_before = fmt.space_after = Pt(0)
    for text in paragraphs:
        doc.add_paragraph(text)
    doc.save(str(path))
