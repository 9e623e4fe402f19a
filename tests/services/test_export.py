"""The export use case: temporary file then rename, Thai errors, PDF and Excel dispatch."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from ita_desktop.errors import ExportError, StorageError, ValidationError
from ita_desktop.services import export as export_service
from ita_desktop.services.export import export_document, export_from_file
from tests.documents.fixtures import trang


@pytest.fixture
def trang_repo(tmp_path: Path):
    repo, org_id = trang(tmp_path / "t.sqlite", measures=2)
    yield repo, org_id
    repo.close()


def _leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if p.name.endswith(".part")]


def test_writes_pdf_and_replaces_the_old_file(trang_repo, tmp_path: Path) -> None:
    repo, org_id = trang_repo
    out = tmp_path / "รายงาน ITA.pdf"
    out.write_bytes(b"old")
    assert export_document(repo, org_id=org_id, year=2564, out=out) == out
    assert out.read_bytes().startswith(b"%PDF-") and not _leftovers(tmp_path)


def test_a_failure_keeps_the_old_file(
    trang_repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo, org_id = trang_repo
    out = tmp_path / "report.pdf"
    out.write_bytes(b"old")

    def broken(*args: object, **kw: object) -> None:
        raise RuntimeError("layout exploded")

    monkeypatch.setattr(export_service, "_write_pdf", broken)
    with pytest.raises(ExportError) as info:
        export_document(repo, org_id=org_id, year=2564, out=out)
    assert "สร้างเอกสารไม่สำเร็จ" in info.value.thai
    assert out.read_bytes() == b"old" and not _leftovers(tmp_path)


@pytest.mark.parametrize(
    "code, words",
    [
        (errno.ENOSPC, "พื้นที่ในดิสก์ไม่พอ"),
        (errno.EACCES, "เปิดอยู่ในโปรแกรมอื่น"),
        (errno.EROFS, "อ่านได้อย่างเดียว"),
        (errno.EIO, "ไม่สำเร็จ"),
    ],
)
def test_file_system_errors_are_thai(
    trang_repo, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, words: str
) -> None:
    repo, org_id = trang_repo
    out = tmp_path / "report.pdf"

    def failing_replace(src: object, dst: object) -> None:
        raise (PermissionError if code == errno.EACCES else OSError)(code, os.strerror(code))

    monkeypatch.setattr(export_service.os, "replace", failing_replace)
    with pytest.raises(ExportError) as info:
        export_document(repo, org_id=org_id, year=2564, out=out)
    assert words in info.value.thai and not out.exists() and not _leftovers(tmp_path)


def test_missing_folder_and_directory_target(trang_repo, tmp_path: Path) -> None:
    repo, org_id = trang_repo
    with pytest.raises(ExportError, match="ไม่พบโฟลเดอร์"):
        export_document(repo, org_id=org_id, year=2564, out=tmp_path / "no" / "r.pdf")
    with pytest.raises(ExportError, match="เป็นโฟลเดอร์"):
        export_document(repo, org_id=org_id, year=2564, out=tmp_path)


def test_bad_arguments_are_validation_errors(trang_repo, tmp_path: Path) -> None:
    repo, org_id = trang_repo
    out = tmp_path / "r.pdf"
    for kw in ({"fmt": "docx"}, {"document": "minutes"}, {"round_months": 9}, {"year": 2570}):
        with pytest.raises(ValidationError):
            export_document(repo, **{"org_id": org_id, "year": 2564, "out": out, **kw})
    assert not out.exists() and not _leftovers(tmp_path)


def test_never_over_the_open_database(trang_repo, tmp_path: Path) -> None:
    repo, org_id = trang_repo
    for target in (repo.path, Path(f"{repo.path}-wal")):
        with pytest.raises(ValidationError) as info:
            export_document(repo, org_id=org_id, year=2564, fmt="xlsx", out=target)
        assert "เปิดใช้งานอยู่" in info.value.thai
    assert repo.organization(org_id).name == "เทศบาลนครตรัง" and not _leftovers(tmp_path)


def test_export_from_file_opens_its_own_connection(trang_repo, tmp_path: Path) -> None:
    repo, org_id = trang_repo
    out = export_from_file(repo.path, org_id=org_id, year=2564, fmt="xlsx", out=tmp_path / "f.xlsx")
    assert out.read_bytes().startswith(b"PK")
    with pytest.raises(StorageError):
        export_from_file(tmp_path / "missing.sqlite", org_id=org_id, year=2564, out=out)


def test_excel_goes_to_the_xlsx_exporter(trang_repo, tmp_path: Path) -> None:
    repo, org_id = trang_repo
    out = export_document(repo, org_id=org_id, year=2564, fmt="xlsx", out=tmp_path / "s.xlsx")
    assert out.read_bytes().startswith(b"PK")


def test_warm_up_loads_without_error() -> None:
    export_service.warm_up()


def test_new_file_is_not_private(tmp_path, demo_db) -> None:
    import stat as _stat

    from ita_desktop.services.export import export_document
    from ita_desktop.storage.repository import Repository

    repo = Repository.open(demo_db)
    org_id = repo.organizations()[0].id
    assert org_id is not None
    out = export_document(repo, org_id=org_id, year=2564, fmt="xlsx", out=tmp_path / "r.xlsx")
    assert _stat.S_IMODE(out.stat().st_mode) == 0o644
    out.chmod(0o600)
    export_document(repo, org_id=org_id, year=2564, fmt="xlsx", out=out)
    assert _stat.S_IMODE(out.stat().st_mode) == 0o600
