"""A failure inside the export on a file the program ships (a font, the Thai dictionary, a
template) is reported as the program's own, never as a missing or unwritable output folder."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ita_desktop.errors import ExportError
from ita_desktop.services import export as export_service
from ita_desktop.services.export import export_document
from tests.documents.fixtures import trang

SHIPPED = "/opt/ita-desktop/_internal/ita_desktop_resources/fonts/Sarabun-Regular.ttf"


@pytest.fixture
def trang_repo(tmp_path: Path):
    repo, org_id = trang(tmp_path / "t.sqlite", measures=0)
    yield repo, org_id
    repo.close()


@pytest.mark.parametrize(
    ("error", "words"),
    [
        (FileNotFoundError(errno.ENOENT, "No such file or directory", SHIPPED), "ไม่พบไฟล์"),
        (PermissionError(errno.EACCES, "Permission denied", SHIPPED), "เปิดไฟล์"),
        (FileNotFoundError(errno.ENOENT, "No such file or directory"), "ไม่พบไฟล์"),
    ],
)
def test_a_missing_program_file_does_not_blame_the_folder(
    trang_repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: OSError, words: str
) -> None:
    repo, org_id = trang_repo

    def broken(*_args: object, **_kw: object) -> None:
        raise error

    monkeypatch.setattr(export_service, "_write_pdf", broken)
    with pytest.raises(ExportError) as info:
        export_document(repo, org_id=org_id, year=2564, out=tmp_path / "r.pdf")
    thai = info.value.thai
    assert words in thai and "ส่วนหนึ่งของโปรแกรม" in thai and "ติดตั้งโปรแกรมใหม่" in thai
    assert "โฟลเดอร์ " + str(tmp_path) not in thai and "ไม่พบโฟลเดอร์" not in thai
    if error.filename:
        assert "Sarabun-Regular.ttf" in thai


def test_the_output_folder_is_still_named_when_it_is_the_problem(
    trang_repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, org_id = trang_repo
    out = tmp_path / "r.pdf"

    def replace(src: object, dst: object) -> None:  # the folder vanished during the export
        raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(src), str(dst))

    monkeypatch.setattr(export_service.os, "replace", replace)
    with pytest.raises(ExportError, match="ไม่พบโฟลเดอร์"):
        export_document(repo, org_id=org_id, year=2564, out=out)
    with pytest.raises(ExportError, match="ไม่พบโฟลเดอร์"):
        export_document(repo, org_id=org_id, year=2564, out=tmp_path / "gone" / "r.pdf")
