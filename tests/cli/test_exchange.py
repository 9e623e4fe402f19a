"""`export json`, `import json` and `orgs` on the command line: exit codes, Thai, files."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from ita_desktop.cli.main import main
from ita_desktop.errors import StorageError
from ita_desktop.storage.store import Store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def _export(capsys: pytest.CaptureFixture[str], db: Path, out: Path, *more: str) -> bytes:
    code, printed, err = run(capsys, "export", "json", "--db", str(db), "--out", str(out), *more)
    assert code == 0, err
    assert printed.startswith(f"บันทึกแล้ว: {out}")
    return out.read_bytes()


def test_round_trip_through_a_new_database_is_byte_identical(
    capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path
) -> None:
    first = _export(capsys, demo_db, tmp_path / "a.json", "--no-timestamp")
    new = tmp_path / "new.sqlite"
    code, out, err = run(capsys, "import", "json", "--db", str(new), str(tmp_path / "a.json"))
    assert code == 0, err
    assert "หน่วยงานสร้างใหม่ 4 แห่ง" in out and "ปีงบประมาณสร้างใหม่ 5 ปี แทนที่ 0 ปี" in out
    assert "(สร้างไฟล์ฐานข้อมูลใหม่)" in out and new.exists()
    assert _export(capsys, new, tmp_path / "b.json", "--no-timestamp") == first


def test_the_export_time_is_written_unless_asked_not_to(
    capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path
) -> None:
    data = json.loads(_export(capsys, demo_db, tmp_path / "a.json"))
    assert list(data)[:4] == ["format", "format_version", "app_version", "exported_at"]
    code, out, _ = run(capsys, "import", "json", "--db", str(demo_db), str(tmp_path / "a.json"))
    assert code == 0 and f"ส่งออกเมื่อ {data['exported_at']}" in out.splitlines()[0]
    assert "แทนที่ 5 ปี" in out


def test_dry_run_writes_nothing(
    capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path
) -> None:
    file = tmp_path / "trang.json"
    _export(capsys, demo_db, file, "--org", "ตรัง")
    before = _state(demo_db)
    code, out, _ = run(capsys, "import", "json", "--db", str(demo_db), str(file), "--dry-run")
    assert code == 0 and "ปีงบประมาณ 2564: แทนที่ข้อมูลเดิมทั้งปี (มาตรการ 13 รายการ)" in out
    assert "ทดลองเท่านั้น (--dry-run)" in out
    assert _state(demo_db) == before
    new = tmp_path / "new.sqlite"
    code, out, _ = run(capsys, "import", "json", "--db", str(new), str(file), "--dry-run")
    assert code == 0 and "เทศบาลนครตรัง: สร้างหน่วยงานใหม่" in out
    assert not new.exists() and not Path(f"{new}-wal").exists()


def _progress(d: dict[str, Any]) -> dict[str, Any]:
    found: dict[str, Any] = d["organizations"][2]["years"][0]["measures"][0]["progress"]
    return found


BAD: list[tuple[str, Callable[[dict[str, Any]], Any] | bytes, str]] = [
    ("bad JSON", b'{"format": "ita-desktop-exchange", "organizations": [}', "บรรทัด 1 ตำแหน่ง 54"),
    (
        "schema",
        lambda d: d["organizations"][1].update({"years": "2566"}),
        "organizations[1].years: ต้องเป็นรายการ [ ] (ได้ข้อความ)",
    ),
    (
        "score 101",
        lambda d: d["organizations"][0]["years"][0]["scores"].update({"4": "101"}),
        "organizations[0].years[0].scores.4: คะแนนตัวชี้วัดที่ 4 ต้องอยู่ระหว่าง 0 ถึง 100",
    ),
    (
        "status",
        lambda d: _progress(d)["12"].update({"status": "done"}),
        "organizations[2].years[0].measures[0].progress.12.status: ต้องเป็นค่าใดค่าหนึ่งต่อไปนี้",
    ),
    ("version", lambda d: d.update({"format_version": 9}), "ใช้รูปแบบรุ่น 9 ซึ่งใหม่กว่า"),
]


@pytest.mark.parametrize(
    "change, expected", [(c, e) for _, c, e in BAD], ids=[n for n, _, _ in BAD]
)
def test_a_bad_file_exits_2_in_thai_and_changes_nothing(
    capsys: pytest.CaptureFixture[str],
    demo_db: Path,
    tmp_path: Path,
    change: Callable[[dict[str, Any]], Any] | bytes,
    expected: str,
) -> None:
    file = tmp_path / "bad.json"
    if isinstance(change, bytes):
        file.write_bytes(change)
    else:
        data = json.loads(_export(capsys, demo_db, file, "--no-timestamp"))
        change(data)
        file.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    before = _state(demo_db)
    new = tmp_path / "new.sqlite"
    for db in (demo_db, new):
        code, out, err = run(capsys, "import", "json", "--db", str(db), str(file))
        assert code == 2 and out == ""
        assert expected in err and "Traceback" not in err
    assert _state(demo_db) == before and not new.exists()


def test_a_failed_import_leaves_no_new_database_behind(
    capsys: pytest.CaptureFixture[str],
    demo_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    file = tmp_path / "all.json"
    _export(capsys, demo_db, file)
    calls: list[int] = []
    original = Store.add_assessment

    def second_fails(self: Store, *args: Any) -> int:
        calls.append(1)
        if len(calls) == 2:
            raise StorageError("พื้นที่ดิสก์เต็ม บันทึกข้อมูลไม่ได้ ข้อมูลเดิมยังอยู่ครบ", "disk full")
        return original(self, *args)

    monkeypatch.setattr(Store, "add_assessment", second_fails)
    new = tmp_path / "new.sqlite"
    code, _, err = run(capsys, "import", "json", "--db", str(new), str(file))
    assert code == 1 and "พื้นที่ดิสก์เต็ม" in err
    assert not new.exists() and not Path(f"{new}-wal").exists()


def test_export_json_refuses_the_open_database(
    capsys: pytest.CaptureFixture[str], demo_db: Path
) -> None:
    before = demo_db.read_bytes()
    code, _, err = run(capsys, "export", "json", "--db", str(demo_db), "--out", str(demo_db))
    assert code == 2 and "ไฟล์นี้เปิดใช้งานอยู่" in err
    assert demo_db.read_bytes() == before


# orgs and --org --------------------------------------------------------------------------
def test_orgs_lists_ids_names_and_years(capsys: pytest.CaptureFixture[str], demo_db: Path) -> None:
    code, out, _ = run(capsys, "orgs", "--db", str(demo_db))
    assert code == 0
    assert out.splitlines()[2] == (
        "3. เทศบาลเมืองนครปฐม (เทศบาลเมือง จังหวัดนครปฐม) — ปีงบประมาณ: 2567, 2568"
    )
    code, out, _ = run(capsys, "orgs", "--db", str(demo_db), "--json")
    listed = json.loads(out)
    assert [o["id"] for o in listed] == [1, 2, 3, 4]
    assert listed[0] == {
        "id": 1,
        "name": "เทศบาลนครตรัง",
        "kind": "เทศบาลนคร",
        "district": "เมืองตรัง",
        "province": "ตรัง",
        "years": [2564],
    }


def test_orgs_of_an_empty_or_missing_database(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, _, err = run(capsys, "orgs", "--db", str(tmp_path / "none.sqlite"))
    assert code == 2 and "ไม่พบไฟล์ฐานข้อมูล" in err
    file = tmp_path / "empty.json"
    file.write_text('{"format": "ita-desktop-exchange", "format_version": 1, "organizations": []}')
    assert run(capsys, "import", "json", "--db", str(tmp_path / "e.sqlite"), str(file))[0] == 0
    code, out, _ = run(capsys, "orgs", "--db", str(tmp_path / "e.sqlite"))
    assert code == 0 and out == "ยังไม่มีหน่วยงานในฐานข้อมูลนี้\n"


def test_a_partial_name_selects_the_organisation(
    capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path
) -> None:
    data = json.loads(_export(capsys, demo_db, tmp_path / "a.json", "--org", "นคร ปฐม"))
    assert [o["name"] for o in data["organizations"]] == ["เทศบาลเมืองนครปฐม"]
    code, out, _ = run(capsys, "scores", "show", "--db", str(demo_db), "--org", "นาบอน")
    assert code == 0 and out.startswith("เทศบาลตำบลนาบอน ปีงบประมาณ 2564")


@pytest.mark.parametrize(
    "ref, expected",
    [
        ("เทศบาล", "ตรงกับหลายหน่วยงาน (1=เทศบาลนครตรัง, 3=เทศบาลเมืองนครปฐม, 4=เทศบาลตำบลนาบอน)"),
        ("เชียงใหม่", "ไม่พบหน่วยงาน “เชียงใหม่” หน่วยงานที่มี: 1=เทศบาลนครตรัง, 2="),
    ],
)
def test_an_ambiguous_or_unknown_name_lists_the_candidates(
    capsys: pytest.CaptureFixture[str], demo_db: Path, tmp_path: Path, ref: str, expected: str
) -> None:
    out = tmp_path / "a.json"
    code, _, err = run(
        capsys, "export", "json", "--db", str(demo_db), "--out", str(out), "--org", ref
    )
    assert code == 2 and expected in err and not out.exists()
