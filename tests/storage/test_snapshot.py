"""The export's snapshot reader (plain sqlite3): the same objects as the Repository, one read
transaction, and the full open (inspection, recovery, migration) whenever the file is not a
sound file of ours as it stands."""

from __future__ import annotations

import argparse
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import JSON, create_engine

from ita_desktop.cli.common import select_assessment
from ita_desktop.cli.main import main as cli_main
from ita_desktop.errors import ItaError, StorageError, ValidationError
from ita_desktop.services import files
from ita_desktop.services.assessments import get_assessment
from ita_desktop.services.export import export_document
from ita_desktop.services.organizations import find_organization
from ita_desktop.services.reports import load_context
from ita_desktop.storage import open_files
from ita_desktop.storage import snapshot as snapshot_module
from ita_desktop.storage.database import _alembic_config
from ita_desktop.storage.file_format import APPLICATION_ID, schema_generation
from ita_desktop.storage.inspection import JOURNAL_MAGIC
from ita_desktop.storage.reads import Reader
from ita_desktop.storage.repository import Repository
from ita_desktop.storage.snapshot import COLUMNS, DECIMAL, PLAIN, Snapshot, open_snapshot
from ita_desktop.storage.tables import Base, DecimalText
from tests.storage.crashes import crash_after_wal_commit, crash_mid_transaction
from tests.storage.old_files import folder_state, foreign_file, stamp
from tests.storage.test_open_with_care import read_only

ROUNDS = (6, 12)


def _pairs(repo: Repository) -> list[tuple[int, int]]:
    return [(o.id, y) for o in repo.organizations() if o.id is not None for y in repo.years(o.id)]


@pytest.fixture
def both(demo_db: Path) -> Iterator[tuple[Repository, Snapshot]]:
    snapshot = open_snapshot(demo_db)
    assert snapshot is not None  # the demo is a sound file of ours: the fast path
    repo = Repository.open(demo_db)
    yield repo, snapshot
    snapshot.close()
    repo.close()


def _pdf_body(path: Path) -> bytes:
    """The PDF without what changes per run (creation and change dates, the file id)."""
    return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)|/ID\s*\[[^\]]*\]", b"", path.read_bytes())


def _export(db: Reader, out: Path, org_id: int, year: int, **options: object) -> bytes:
    export_document(db, org_id=org_id, year=year, out=out, **options)  # type: ignore[arg-type]
    return _pdf_body(out)


# the same objects as the Repository ---------------------------------------------------------
def test_every_demo_year_and_round_reads_the_same_context(
    both: tuple[Repository, Snapshot],
) -> None:
    repo, snapshot = both
    pairs = _pairs(repo)
    assert len(pairs) >= 5
    read = []
    for org_id, year in pairs:
        for round_months in (None, *ROUNDS):
            full = load_context(repo, org_id, year, round_months=round_months)
            fast = load_context(snapshot, org_id, year, round_months=round_months)
            assert fast == full, (org_id, year, round_months)
            read.append(fast)
    # a real comparison, not of empties: measures, progress, earlier years, texts
    assert all(any(getattr(c, name) for c in read) for name in ("measures", "progress"))
    assert any(c.previous for c in read) and any(c.assessment.narratives for c in read)


def test_every_read_gives_what_the_store_gives(both: tuple[Repository, Snapshot]) -> None:
    repo, snapshot = both
    with repo.read() as full, snapshot.read() as fast:
        assert fast.organizations() == full.organizations()
        for org in full.organizations():
            assert org.id is not None
            assert fast.organization(org.id) == full.organization(org.id)
            assert fast.years(org.id) == full.years(org.id)
            assert fast.latest_year(org.id) == full.latest_year(org.id)
            for year in [*full.years(org.id), 2500]:
                a_id = full.assessment_id(org.id, year)
                assert fast.assessment_id(org.id, year) == a_id
                if a_id is None:
                    continue
                assert fast.assessment(a_id) == full.assessment(a_id)
                assert fast.settings(a_id) == full.settings(a_id)
                assert fast.measures(a_id) == full.measures(a_id)
                for r in ROUNDS:
                    assert list(fast.progress(a_id, r).items()) == list(
                        full.progress(a_id, r).items()
                    )
        for missing in (0, 999):
            for read in ("organization", "assessment", "settings"):
                with pytest.raises(StorageError) as want:
                    getattr(full, read)(missing)
                with pytest.raises(StorageError) as got:
                    getattr(fast, read)(missing)
                assert (got.value.thai, got.value.detail) == (want.value.thai, want.value.detail)


def test_the_exported_pdfs_are_the_same(both: tuple[Repository, Snapshot], tmp_path: Path) -> None:
    repo, snapshot = both
    (org_id, year), *_, (last_org, last_year) = _pairs(repo)
    for org, y, options in (
        (org_id, year, {"document": "all"}),
        (last_org, last_year, {"document": "results", "round_months": 6}),
    ):
        full = _export(repo, tmp_path / "full.pdf", org, y, **options)
        fast = _export(snapshot, tmp_path / "fast.pdf", org, y, **options)
        assert len(fast) > 10_000 and fast == full, (org, y, options)


def test_the_column_kinds_are_those_of_the_tables(demo_db: Path) -> None:
    def kind(column_type: object) -> str:
        if isinstance(column_type, DecimalText):
            return DECIMAL
        return "json" if isinstance(column_type, JSON) else PLAIN

    tables = {
        t.name: {c.name: kind(c.type) for c in t.columns} for t in Base.metadata.sorted_tables
    }
    assert COLUMNS == tables
    assert {t: list(c) for t, c in COLUMNS.items()} == {t: list(c) for t, c in tables.items()}
    with sqlite3.connect(demo_db) as conn:  # and a file at the head revision has them all
        for table, columns in COLUMNS.items():
            stored = {r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')}
            assert stored == set(columns), table


@pytest.mark.parametrize(
    ("org", "year"),
    [
        (None, None),
        ("๓", None),
        (" เทศบาลนครตรัง ", 2564),
        ("นครปฐม", 2567),
        ("นคร", None),
        ("เชียงใหม่", None),
        ("999", None),
        ("1", 2599),
        ("", None),
    ],
)
def test_the_command_line_selects_as_the_services_do(
    both: tuple[Repository, Snapshot], org: str | None, year: int | None
) -> None:
    repo, snapshot = both
    args = argparse.Namespace(org=org, year=year)
    try:
        found = find_organization(repo, org)
        assert found.id is not None
        want: object = (found, get_assessment(repo, found.id, year))
    except ValidationError as exc:
        want = exc.thai
    for db in (snapshot, repo):
        try:
            got: object = select_assessment(db, args)
        except ValidationError as exc:
            got = exc.thai
        assert got == want


# the fast path, and what it leaves alone -------------------------------------------------------
def test_a_cli_export_of_a_sound_file_takes_the_snapshot_and_changes_nothing(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "open_database", lambda *_a, **_k: pytest.fail("full open"))
    argv = ["export", "pdf", "--db", str(demo_db), "--out", str(tmp_path / "r.pdf")]
    before = folder_state(demo_db.parent)
    assert cli_main(argv) == 0
    after = folder_state(demo_db.parent)
    assert after.pop("r.pdf")
    (daily,) = set(after) - set(before)  # the first open of the day backs the file up, as ever
    assert daily.startswith("backups/demo.backup-") and daily.endswith("-daily.sqlite")
    assert after.pop(daily) and after == before  # nothing else: no journal, no side file
    with sqlite3.connect(demo_db) as a, sqlite3.connect(demo_db.parent / daily) as b:
        assert list(a.iterdump()) == list(b.iterdump())
    a.close()
    b.close()
    assert cli_main(argv) == 0  # the second export of the day: no second backup
    assert set(folder_state(demo_db.parent)) == {*after, "r.pdf", daily}
    assert open_files.open_paths() == []


def test_a_name_with_uri_characters_opens_through_the_snapshot(demo_db: Path) -> None:
    odd = demo_db.with_name("ปี 2564 ?a=1#b%20c&mode=rw.sqlite")
    shutil.copyfile(demo_db, odd)
    snapshot = open_snapshot(odd)
    assert snapshot is not None
    try:
        with snapshot.read() as s:
            assert s.organizations()[0].name == "เทศบาลนครตรัง"
        with pytest.raises(sqlite3.OperationalError):  # opened read-only, whatever the name
            snapshot._conn.execute("CREATE TABLE x (y)")
    finally:
        snapshot.close()


def test_an_open_snapshot_is_never_written_over(demo_db: Path) -> None:
    snapshot = open_snapshot(demo_db)
    assert snapshot is not None
    try:
        assert open_files.open_paths() == [demo_db]
        for target in (demo_db, Path(f"{demo_db}-journal")):
            with pytest.raises(ValidationError):
                files.refuse_open_file(target)
        with pytest.raises(ValidationError):
            export_document(snapshot, org_id=1, year=2564, out=demo_db)
    finally:
        snapshot.close()
    assert open_files.open_paths() == []


# the full path: whenever the file is not sound as it stands ----------------------------------
def _downgraded(path: Path) -> Path:
    """The file as the previous schema revision left it (not stamped: an older version's)."""
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.downgrade(config, "-1")
        conn.exec_driver_sql("PRAGMA application_id = 0")
        conn.exec_driver_sql("PRAGMA user_version = 0")
    engine.dispose()
    return path


def _fallback(path: Path, out: Path, monkeypatch: pytest.MonkeyPatch) -> Repository:
    """Export `path` as the CLI does, checking it took the full open; the Repository it used."""
    used: list[Repository] = []
    full_open = files.open_database

    def recorded(*args: object, **kwargs: object) -> Repository:
        db = full_open(*args, **kwargs)  # type: ignore[arg-type]
        used.append(db)
        return db

    monkeypatch.setattr(files, "open_database", recorded)
    assert open_snapshot(path) is None
    assert cli_main(["export", "pdf", "--db", str(path), "--out", str(out)]) == 0
    assert len(used) == 1
    return used[0]


def test_an_older_revision_is_migrated_then_exported(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _downgraded(demo_db)
    _fallback(demo_db, tmp_path / "r.pdf", monkeypatch)
    assert (tmp_path / "r.pdf").stat().st_size > 10_000
    assert any("migration" in p.name for p in (demo_db.parent / "backups").iterdir())
    snapshot = open_snapshot(demo_db)  # migrated and stamped: the next export is fast
    assert snapshot is not None
    snapshot.close()


def _grown(path: Path) -> None:
    """Enough rows that a crashed transaction spills pages into the file (its journal hot)."""
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO organizations (name, kind, district, province, units)"
            " VALUES (?, '', '', '', '[]')",
            [(f"อื่น {i} " + "ก" * 280,) for i in range(60)],
        )
    conn.close()


def test_a_hot_journal_is_rolled_back_then_exported(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _grown(demo_db)
    pristine = tmp_path / "pristine.sqlite"
    shutil.copyfile(demo_db, pristine)
    crash_mid_transaction(demo_db, "grow")
    assert "แก้ครึ่งทาง".encode() in demo_db.read_bytes()  # the file itself is half-changed
    with monkeypatch.context() as m:  # a journal turning hot after the look: SQLite refuses
        m.setattr(snapshot_module, "_hot_journal", lambda _file: False)
        assert open_snapshot(demo_db) is None
    _fallback(demo_db, tmp_path / "r.pdf", monkeypatch)
    again = open_snapshot(demo_db)  # rolled back: the journal left (if any) is not hot
    assert again is not None
    again.close()
    expected = open_snapshot(pristine)
    assert expected is not None
    try:
        want = _export(expected, tmp_path / "want.pdf", 1, 2564)
    finally:
        expected.close()
    assert _pdf_body(tmp_path / "r.pdf") == want  # the half-done change is gone


def test_a_journal_that_is_not_hot_does_not_stop_the_snapshot(demo_db: Path) -> None:
    pristine = open_snapshot(demo_db)
    assert pristine is not None
    with pristine.read() as s:
        want = [s.organizations(), s.measures(1)]
    pristine.close()
    crash_mid_transaction(demo_db, "grow")  # nothing spilled: a journal SQLite never plays
    journal = Path(f"{demo_db}-journal")
    assert not journal.read_bytes().startswith(JOURNAL_MAGIC)
    for header in (journal.read_bytes(), b""):
        journal.write_bytes(header)
        snapshot = open_snapshot(demo_db)
        assert snapshot is not None
        with snapshot.read() as s:
            assert [s.organizations(), s.measures(1)] == want
        snapshot.close()


def test_a_wal_with_committed_changes_is_exported_with_them(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    crash_after_wal_commit(
        demo_db, "UPDATE organizations SET name = 'เทศบาลนครตรังใหม่' WHERE id = 1"
    )
    _fallback(demo_db, tmp_path / "r.pdf", monkeypatch)
    assert not Path(f"{demo_db}-wal").exists()
    done = subprocess.run(
        ["pdftotext", str(tmp_path / "r.pdf"), "-"], capture_output=True, text=True, check=True
    )
    assert "เทศบาลนครตรังใหม่" in done.stdout


@pytest.mark.parametrize("where", ["file", "folder"])
def test_a_read_only_file_or_folder_is_exported_by_the_full_open(
    demo_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, where: str
) -> None:
    folder = demo_db.parent / "cd"
    folder.mkdir()
    path = folder / demo_db.name
    shutil.move(demo_db, path)
    out = tmp_path / "out"
    out.mkdir()
    before = folder_state(folder)
    with read_only([path] if where == "file" else [path, folder], monkeypatch) as how:
        if how == "patched":
            pytest.skip("cannot make a file unwritable here (neither chmod nor chattr works)")
        repo = _fallback(path, out / "r.pdf", monkeypatch)
        assert repo.read_only
        assert folder_state(folder) == before
    assert (out / "r.pdf").stat().st_size > 10_000


def _damaged(path: Path) -> None:
    """Garbage over the pages after the first (the header still says ours)."""
    with path.open("r+b") as f:
        f.seek(4096 * 2)
        f.write(b"\xa5" * 4096 * 4)


def _pdf_named_sqlite(path: Path) -> None:
    path.write_bytes(b"%PDF-1.4\n" + b"x" * 5000)


def _newer(path: Path) -> None:
    stamp(path, revision="9999", user_version=schema_generation() + 1)


@pytest.mark.parametrize(
    "spoil",
    [
        _damaged,
        _pdf_named_sqlite,
        _newer,
        lambda p: (p.unlink(), foreign_file(p)),
        lambda p: (p.unlink(), foreign_file(p, APPLICATION_ID + 1)),
        lambda p: p.write_bytes(b""),
    ],
    ids=["damaged", "pdf", "newer", "foreign", "foreign-id", "empty"],
)
def test_a_file_that_cannot_be_opened_says_what_the_full_open_says(
    demo_db: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], spoil: object
) -> None:
    spoil(demo_db)  # type: ignore[operator]
    before = folder_state(demo_db.parent)
    assert open_snapshot(demo_db) is None
    with pytest.raises(ItaError) as want:
        files.open_database(demo_db)
    capsys.readouterr()
    code = cli_main(["export", "pdf", "--db", str(demo_db), "--out", str(tmp_path / "r.pdf")])
    assert code == (2 if isinstance(want.value, ValidationError) else 1)
    assert want.value.thai in capsys.readouterr().err
    assert folder_state(demo_db.parent) == before and not (tmp_path / "r.pdf").exists()


# one read transaction -----------------------------------------------------------------------
WRITER = textwrap.dedent(
    """
    import sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], timeout=float(sys.argv[2]), isolation_level=None)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("UPDATE organizations SET name = 'เปลี่ยนแล้ว' WHERE id = 1")
    conn.execute("UPDATE scores SET value = '1.00' WHERE indicator = 1")
    try:
        conn.execute("COMMIT")
    except sqlite3.OperationalError as exc:
        print(exc)
        sys.exit(3)
    """
)


def _commit_in_another_process(path: Path, timeout: float) -> int:
    done = subprocess.run(
        [sys.executable, "-c", WRITER, str(path), str(timeout)], check=False, timeout=60
    )
    return done.returncode


def test_a_commit_in_another_process_cannot_land_in_the_middle_of_a_read(
    demo_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = Repository.open(demo_db)
    want = load_context(repo, 1, 2564)
    repo.close()
    snapshot = open_snapshot(demo_db)
    assert snapshot is not None
    from ita_desktop.storage.snapshot import SnapshotStore

    measures = SnapshotStore.measures
    tried: list[int] = []

    def measures_then_a_writer(self: SnapshotStore, assessment_id: int) -> object:
        found = measures(self, assessment_id)
        if not tried:  # halfway through the reads: another process tries to commit
            tried.append(_commit_in_another_process(demo_db, 0.3))
        return found

    monkeypatch.setattr(SnapshotStore, "measures", measures_then_a_writer)
    try:
        got = load_context(snapshot, 1, 2564)
        assert tried == [3]  # it had to wait for the read to end
        assert got == want  # one state, not two
        assert _commit_in_another_process(demo_db, 5) == 0  # once the read is over, it can
        after = load_context(snapshot, 1, 2564)
        assert after.org.name == "เปลี่ยนแล้ว" and after != want
    finally:
        snapshot.close()
