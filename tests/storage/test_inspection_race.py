"""Opening a file while another process commits: a side file that goes away between being
seen and being copied means the file moved, so the inspection looks again (it used to fail
with a generic storage error, seen once in the two-process race test)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.services import organizations
from ita_desktop.storage import inspection
from ita_desktop.storage.repository import Repository
from tests.storage.crashes import crash_mid_transaction


def _with_hot_journal(path: Path) -> Path:
    db = Repository.open(path)
    try:
        organizations.add_organization(db, Organization("เทศบาลตำบลนาบอน"))
    finally:
        db.close()
    return crash_mid_transaction(path, "page1")


def test_a_journal_gone_while_it_is_copied_means_look_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared.sqlite"
    journal = _with_hot_journal(path)
    copies: list[str] = []
    real_copy = shutil.copyfile

    def copy_losing_the_journal_once(src: str, dst: str) -> str:
        copies.append(str(src))
        if str(src) == str(journal) and copies.count(str(journal)) == 1:
            raise FileNotFoundError(2, "No such file or directory", str(src))
        return real_copy(src, dst)

    monkeypatch.setattr(inspection.shutil, "copyfile", copy_losing_the_journal_once)
    found = inspection.inspect_file(path)
    assert copies.count(str(journal)) == 2  # looked again, and the second look succeeded
    assert found.pending == (journal,)


def test_the_file_itself_gone_is_still_an_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "shared.sqlite"
    _with_hot_journal(path)

    def copy_after_the_file_went(src: str, dst: str) -> str:
        path.unlink()
        raise FileNotFoundError(2, "No such file or directory", str(src))

    monkeypatch.setattr(inspection.shutil, "copyfile", copy_after_the_file_went)
    with pytest.raises(FileNotFoundError):
        inspection.inspect_file(path)
