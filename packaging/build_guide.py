"""The Thai user guide as PDF, set with our own typesetting; optionally new screenshots first.

    python packaging/build_guide.py [--out FILE] [--screenshots]

--out          where the PDF goes (default docs/guide/คู่มือ.pdf, not committed)
--screenshots  remake docs/guide/images/*.png with `ita-desktop gui --screenshots` on the demo
               database (1366×704, the window's screenshot size: a 1366×768 laptop's
               screen without the taskbar), reduced to 256 colours so the
               repository and the PDF stay small

The Markdown (docs/guide/คู่มือ.md) becomes our document model (ita_desktop.documents.guide)
and is written by the PDF writer like every report (exporters.guide_pdf adds the pictures).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GUIDE = ROOT / "docs" / "guide" / "คู่มือ.md"
IMAGES = GUIDE.parent / "images"
LOGO = ROOT / "resources" / "icons" / "ita-desktop-256.png"
PAGES = ("organization", "scores", "analysis", "measures", "progress", "rules", "export")


def make_screenshots(images: Path = IMAGES) -> list[Path]:
    """Every page of the window on the demo database, as a clerk's home would show it."""
    from PIL import Image

    with tempfile.TemporaryDirectory(prefix="ita-guide-") as tmp:
        home = Path(tmp) / "clerk"  # the status bar shows the demo file's path
        home.mkdir(parents=True)
        shots = Path(tmp) / "shots"
        env = {
            **os.environ,
            "HOME": str(home),
            "QT_QPA_PLATFORM": "offscreen",
            "ITA_DESKTOP_DATA_DIR": str(home / "ITA Desktop"),
        }
        subprocess.run(
            [sys.executable, "-m", "ita_desktop", "gui", "--screenshots", str(shots)],
            env=env,
            check=True,
            capture_output=True,
        )
        images.mkdir(parents=True, exist_ok=True)
        written = []
        for page in PAGES:
            with Image.open(shots / f"{page}.png") as shot:
                small = shot.convert("RGB").quantize(colors=256, method=Image.Quantize.MEDIANCUT)
                target = images / f"{page}.png"
                small.save(target, optimize=True)
                written.append(target)
    return written


def build_pdf(out: Path, guide: Path = GUIDE) -> int:
    import ita_desktop
    from ita_desktop.documents.guide import figures, guide_document
    from ita_desktop.exporters.guide_pdf import write_guide_pdf

    doc = guide_document(guide, ita_desktop.__version__, LOGO.read_bytes())
    missing = [str(f.path) for f in figures(doc) if not f.path.is_file()]
    if missing:
        raise SystemExit("pictures missing (run with --screenshots): " + ", ".join(missing))
    out.parent.mkdir(parents=True, exist_ok=True)
    return write_guide_pdf(doc, out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--out",
        type=Path,
        default=GUIDE.with_suffix(".pdf"),
        help="where the PDF goes (default docs/guide/คู่มือ.pdf, not committed)",
    )
    parser.add_argument(
        "--screenshots",
        action="store_true",
        help="remake docs/guide/images/*.png (1366×704, the demo database) before the PDF",
    )
    args = parser.parse_args(argv)
    if args.screenshots:
        for path in make_screenshots():
            print(f"{path.relative_to(ROOT)}: {path.stat().st_size // 1024} KB")
    pages = build_pdf(args.out)
    print(f"{args.out}: {pages} pages, {args.out.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
