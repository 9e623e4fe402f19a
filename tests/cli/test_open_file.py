"""`ita-desktop FILE.itadb` (Windows opening an associated file) opens it in the window."""

from __future__ import annotations

import pytest

from ita_desktop.cli import gui
from ita_desktop.cli.main import main


@pytest.mark.parametrize(
    ("args", "routed"),
    [
        (["C:\\งาน\\ita 2568.itadb"], ["gui", "--db", "C:\\งาน\\ita 2568.itadb"]),
        (["backup.SQLITE"], ["gui", "--db", "backup.SQLITE"]),
        (["demo"], ["demo"]),  # a command stays a command
        (["demo", "--db", "x.itadb"], ["demo", "--db", "x.itadb"]),
        (["--db", "x.itadb"], ["--db", "x.itadb"]),
        (["notes.txt"], ["notes.txt"]),
    ],
)
def test_one_database_argument_means_gui(args: list[str], routed: list[str]) -> None:
    assert gui.file_arguments(args) == routed


def test_main_opens_the_file_in_the_window(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    seen: dict[str, object] = {}

    def launcher(**kw: object) -> int:
        seen.update(kw)
        return 0

    monkeypatch.setattr(gui, "window_launcher", lambda: launcher)
    target = tmp_path / "ข้อมูล ITA.itadb"
    assert main([str(target)]) == 0
    assert seen == {"db": target, "screenshots": None}
