"""The application icon: drawn once as SVG, rendered by packaging/make_icons.py to the ICO the
Windows executables, shortcuts and .itadb files use, and to PNG sizes."""

from __future__ import annotations

from pathlib import Path

from PIL import Image

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"


def test_ico_holds_every_size_windows_asks_for() -> None:
    with Image.open(ICONS / "ita-desktop.ico") as ico:
        sizes = set(ico.info["sizes"])
    assert {(16, 16), (24, 24), (32, 32), (48, 48), (256, 256)} <= sizes


def test_png_sizes_match_their_names() -> None:
    for size in (16, 32, 48, 128, 256):
        path = ICONS / f"ita-desktop-{size}.png"
        with Image.open(path) as png:
            assert png.size == (size, size) and png.mode == "RGBA"
            assert png.getpixel((0, 0))[3] == 0  # transparent corner: the tile is rounded
