"""--db: the help says what the parser does. Every command on a database but `gui` must be
told which file (the window opens the file used last, which the command line cannot know),
so no help text promises a default there."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

import pytest

from ita_desktop.cli.main import build_parser, main


def commands(
    parser: argparse.ArgumentParser, prefix: tuple[str, ...] = ()
) -> Iterator[tuple[str, argparse.ArgumentParser]]:
    """("scores set", its parser), for every command and sub-command."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield " ".join((*prefix, name)), sub
                yield from commands(sub, (*prefix, name))


def db_options() -> dict[str, argparse.Action]:
    return {
        name: action
        for name, parser in commands(build_parser())
        for action in parser._actions
        if "--db" in action.option_strings
    }


def test_a_required_db_promises_no_default() -> None:
    found = db_options()
    on_a_database = {"orgs", "check", "scores show", "scores set", "scores import"}
    assert on_a_database | {"export pdf", "export xlsx", "import xlsx", "gui"} <= set(found)
    for name, action in found.items():
        if name != "gui":
            assert action.required, name
            assert "ค่าเริ่มต้น" not in (action.help or ""), f"{name}: {action.help}"


def test_the_window_names_the_file_it_opens_without_db() -> None:
    gui = db_options()["gui"]
    assert not gui.required and "ไฟล์ที่เปิดล่าสุด" in (gui.help or "")


@pytest.mark.parametrize(
    "argv",
    [
        ["orgs"],
        ["check"],
        ["scores", "show"],
        ["scores", "set", "--indicator", "1", "--score", "90"],
        ["export", "pdf", "--out", "r.pdf"],
        ["export", "xlsx", "--out", "r.xlsx"],
    ],
    ids=" ".join,
)
def test_without_db_the_command_is_refused_naming_it(
    argv: list[str], capsys: pytest.CaptureFixture[str], _private_data_dir: Path
) -> None:
    (_private_data_dir / "ita.sqlite").write_bytes(b"")  # no default is taken, even one there
    code = main(argv)
    err = capsys.readouterr().err
    assert code == 2 and "ขาดอาร์กิวเมนต์ที่จำเป็น: --db" in err and err.count("\n") == 1
    assert (_private_data_dir / "ita.sqlite").read_bytes() == b""
