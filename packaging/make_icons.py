"""Render the application icon (resources/icons/ita-desktop.svg) to the sizes a desktop needs.

    python packaging/make_icons.py [--check]

Writes, next to the SVG:
    ita-desktop.ico        16, 20, 24, 32, 40, 48, 64, 128 and 256 px in one file (Windows: the
                           .exe, shortcuts, the associated .itadb files, the installer)
    ita-desktop-NNN.png    16, 32, 48, 128 and 256 px (Linux desktop files, the guide)

Each size is rendered by Qt's SVG renderer at that size (not scaled down from a large bitmap),
so small sizes stay sharp. Pillow packs the ICO. The outputs are committed; run this after
changing the SVG (`--check` fails when they are stale, without writing).
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from pathlib import Path

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG = ICONS / "ita-desktop.svg"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)
PNG_SIZES = (16, 32, 48, 128, 256)


def render_png(size: int) -> bytes:
    """The SVG drawn into a transparent size×size image, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def build_ico(pngs: dict[int, bytes]) -> bytes:
    """One ICO holding every size, each from its own rendering."""
    from PIL import Image

    images = [Image.open(io.BytesIO(pngs[s])).convert("RGBA") for s in ICO_SIZES]
    out = io.BytesIO()
    largest = images[-1]
    largest.save(out, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=images[:-1])
    return out.getvalue()


def outputs() -> dict[Path, bytes]:
    pngs = {s: render_png(s) for s in sorted(set(ICO_SIZES) | set(PNG_SIZES))}
    files = {ICONS / f"ita-desktop-{s}.png": pngs[s] for s in PNG_SIZES}
    files[ICONS / "ita-desktop.ico"] = build_ico(pngs)
    return files


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if an output is stale")
    args = parser.parse_args(argv)
    stale = []
    for path, data in outputs().items():
        if path.is_file() and path.read_bytes() == data:
            continue
        stale.append(path.name)
        if not args.check:
            path.write_bytes(data)
    if args.check and stale:
        print("stale icons (run packaging/make_icons.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    print("written: " + ", ".join(stale) if stale else "icons up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
