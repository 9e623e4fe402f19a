"""Reading a database file for an export with the standard library's sqlite3 alone.

Loading SQLAlchemy costs a fresh process about half a second, more than a whole PDF export
may take, so an export opens the file with `open_snapshot` when that is safe: a writable
regular file, stamped as ours at the head schema revision, in the rollback-journal mode, with
no `-wal` and no hot `-journal` beside it, whose identity and `PRAGMA quick_check` hold when
read. Anything else (None) is opened by `Repository.open`, which inspects, recovers side
files, migrates, opens read-only media read-only and says in Thai what is wrong. Every write,
migration and recovery stays there.

`Snapshot.read()` is one read transaction (`BEGIN`, the reads, `ROLLBACK`): a writer in
another process cannot commit in the middle of it. Rows are decoded by the column kinds of
`COLUMNS` (the same as `storage.tables`, checked by a test) and handed to the same
`storage.convert` functions as `storage.store.Store` uses, so both give the same objects.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from ita_desktop.domain.models import (
    Assessment,
    Measure,
    Organization,
    ProgressEntry,
    ReportSettings,
)
from ita_desktop.errors import StorageError
from ita_desktop.storage import backups, convert, open_files
from ita_desktop.storage.file_format import (
    APPLICATION_ID,
    BUSY_TIMEOUT_MS,
    head_revision,
    schema_generation,
    translated_errors,
)
from ita_desktop.storage.inspection import JOURNAL_MAGIC, read_header, ro_uri
from ita_desktop.storage.reads import missing_assessment, missing_organization

JSON, DECIMAL, PLAIN = "json", "decimal", "plain"  # how a stored value is decoded
COLUMNS: dict[str, dict[str, str]] = {  # table -> column -> kind, in `storage.tables` order
    "organizations": {
        "id": PLAIN,
        "name": PLAIN,
        "kind": PLAIN,
        "district": PLAIN,
        "province": PLAIN,
        "logo": PLAIN,
        "units": JSON,
    },
    "assessments": {
        "id": PLAIN,
        "organization_id": PLAIN,
        "year": PLAIN,
        "rules": JSON,
        "threshold": DECIMAL,
        "target": DECIMAL,
        "official_iit": DECIMAL,
        "official_eit": DECIMAL,
        "official_oit": DECIMAL,
        "official_overall": DECIMAL,
        "official_level": PLAIN,
        "issues_by_indicator": JSON,
        "issues_by_tool": JSON,
        "narratives": JSON,
        "narrative_basis": JSON,
        "issue_priorities": JSON,
        "settings": JSON,
    },
    "scores": {"assessment_id": PLAIN, "indicator": PLAIN, "value": DECIMAL},
    "measures": {
        "id": PLAIN,
        "assessment_id": PLAIN,
        "position": PLAIN,
        "title": PLAIN,
        "indicators": JSON,
        "steps": JSON,
        "responsible": JSON,
        "period": JSON,
        "monitoring": PLAIN,
        "kpi": PLAIN,
        "activities": JSON,
        "budget": PLAIN,
    },
    "progress": {
        "id": PLAIN,
        "measure_id": PLAIN,
        "round": PLAIN,
        "status": PLAIN,
        "output": PLAIN,
        "outcome": PLAIN,
        "problems": PLAIN,
        "suggestions": PLAIN,
        "evidence": PLAIN,
    },
}


def _decoded(kind: str, value: Any) -> Any:
    """A stored value as the SQLAlchemy column type gives it (JSON, DecimalText, the rest)."""
    if value is None or kind == PLAIN:
        return value
    return json.loads(value) if kind == JSON else Decimal(value)


def _selected(table: str) -> str:
    return ", ".join(f"{table}.{name}" for name in COLUMNS[table])


class SnapshotStore:
    """The reads of `storage.reads.StoreReads` inside one open read transaction."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def _rows(self, table: str, rest: str, params: tuple[Any, ...]) -> list[Any]:
        """Rows of `table` (attribute objects, values decoded) for the SQL after FROM."""
        kinds = COLUMNS[table]
        cursor = self._conn.execute(f"SELECT {_selected(table)} FROM {rest}", params)
        return [
            SimpleNamespace(
                **{n: _decoded(k, v) for (n, k), v in zip(kinds.items(), row, strict=True)}
            )
            for row in cursor
        ]

    def _one(self, table: str, key: int | None) -> Any | None:
        rows = self._rows(table, f"{table} WHERE {table}.id = ?", (key,)) if key else []
        return rows[0] if rows else None

    def _values(self, sql: str, params: tuple[Any, ...]) -> list[Any]:
        return [row[0] for row in self._conn.execute(sql, params)]

    # organisations -----------------------------------------------------------------------
    def organizations(self) -> list[Organization]:
        rows = self._rows("organizations", "organizations ORDER BY organizations.id", ())
        return [convert.organization_from_row(r) for r in rows]

    def organization(self, org_id: int) -> Organization:
        row = self._one("organizations", org_id)
        if row is None:
            raise missing_organization(org_id)
        return convert.organization_from_row(row)

    # assessments -------------------------------------------------------------------------
    def years(self, org_id: int) -> list[int]:
        sql = "SELECT year FROM assessments WHERE organization_id = ? ORDER BY year"
        return self._values(sql, (org_id,))

    def assessment_id(self, org_id: int, year: int) -> int | None:
        sql = "SELECT id FROM assessments WHERE organization_id = ? AND year = ?"
        found = self._values(sql, (org_id, year))
        return found[0] if found else None

    def latest_year(self, org_id: int) -> int | None:
        years = self.years(org_id)
        return years[-1] if years else None

    def assessment(self, assessment_id: int) -> Assessment:
        row = self._assessment_row(assessment_id)
        where = "scores WHERE scores.assessment_id = ? ORDER BY scores.indicator"
        row.scores = self._rows("scores", where, (assessment_id,))
        return convert.assessment_from_row(row)

    def settings(self, assessment_id: int) -> ReportSettings:
        return convert.settings_from_dict(self._assessment_row(assessment_id).settings or {})

    def _assessment_row(self, assessment_id: int) -> Any:
        row = self._one("assessments", assessment_id)
        if row is None:
            raise missing_assessment(assessment_id)
        return row

    # measures and progress ---------------------------------------------------------------
    def measures(self, assessment_id: int) -> list[Measure]:
        where = "measures WHERE measures.assessment_id = ? ORDER BY measures.position, measures.id"
        return [
            convert.measure_from_row(r) for r in self._rows("measures", where, (assessment_id,))
        ]

    def progress(self, assessment_id: int, round_months: int) -> dict[int, ProgressEntry]:
        """Progress of every measure of the plan in one round, keyed by measure id."""
        join = (
            "progress JOIN measures ON measures.id = progress.measure_id"
            " WHERE measures.assessment_id = ? AND progress.round = ?"
        )
        rows = self._rows("progress", join, (assessment_id, round_months))
        return {r.measure_id: convert.progress_from_row(r) for r in rows}


class Snapshot:
    """A database file open read-only for an export (see `open_snapshot`)."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self._conn = conn
        self.path = path
        open_files.register(self)  # nothing may be written over it while it is open

    @contextmanager
    def read(self) -> Iterator[SnapshotStore]:
        """One read transaction: every read inside sees the same committed state."""
        with translated_errors():
            self._conn.execute("BEGIN")
            try:
                yield SnapshotStore(self._conn)
            finally:
                if self._conn.in_transaction:  # SQLite may have rolled back on an I/O error
                    self._conn.execute("ROLLBACK")

    def backup(self, reason: str, keep: int | None = None) -> Path:
        """A backup in the file's backups folder (as `Repository.backup`); returns its path."""
        with translated_errors():
            return backups.backup(self._conn, self.path, reason, keep)

    def close(self) -> None:
        open_files.forget(self)
        self._conn.close()


def open_snapshot(path: Path, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Snapshot | None:
    """`path` opened read-only with sqlite3 when it is a sound file of ours as it stands (see
    the module's docstring); None when it must be opened by `Repository.open` instead."""
    file = Path(path)
    if not _plain_file_of_ours(file):
        return None
    try:
        conn = sqlite3.connect(
            ro_uri(file), uri=True, timeout=busy_timeout_ms / 1000, isolation_level=None
        )
    except sqlite3.Error:
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        conn.execute("PRAGMA query_only = ON")
        sound = _sound(conn)
    except sqlite3.Error:
        sound = False  # the full open says what is wrong, in its own words
    if not sound:
        conn.close()
        return None
    return Snapshot(conn, file)


def _plain_file_of_ours(file: Path) -> bool:
    """What can be told without opening the file: a writable regular file with no `-wal` and
    no journal SQLite could play, whose header says ours, at the head schema, not in WAL mode."""
    if not file.is_file() or Path(f"{file}-wal").exists() or _hot_journal(file):
        return False
    if not (os.access(file, os.W_OK) and os.access(file.parent, os.W_OK)):
        return False
    try:
        header = read_header(file)
    except (StorageError, OSError):
        return False
    return (
        not header.wal
        and header.application_id == APPLICATION_ID
        and header.user_version == schema_generation()
    )


def _hot_journal(file: Path) -> bool:
    """A `-journal` that may be played onto the file (a crash's, or a writer's at work). An
    empty one or one whose header was zeroed (as SQLite leaves it after some rollbacks) never
    is; if one turns hot after this look, SQLite refuses the read-only read instead."""
    try:
        with Path(f"{file}-journal").open("rb") as f:
            return f.read(len(JOURNAL_MAGIC)) == JOURNAL_MAGIC
    except FileNotFoundError:
        return False
    except OSError:
        return True


def _sound(conn: sqlite3.Connection) -> bool:
    """Inside one read transaction: still ours at the head revision, and not damaged."""
    conn.execute("BEGIN")
    with closing(conn.cursor()) as cursor:
        try:
            app_id = cursor.execute("PRAGMA application_id").fetchone()[0] & 0xFFFFFFFF
            user_version = cursor.execute("PRAGMA user_version").fetchone()[0]
            stamped = cursor.execute(
                "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'"
            ).fetchone()
            revision = (
                cursor.execute("SELECT version_num FROM alembic_version").fetchall()
                if stamped
                else []
            )
            healthy = cursor.execute("PRAGMA quick_check(5)").fetchall() == [("ok",)]
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
    return (
        app_id == APPLICATION_ID
        and user_version == schema_generation()
        and revision == [(head_revision(),)]
        and healthy
    )
