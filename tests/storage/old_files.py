"""Files as other programs and other versions of ours leave them, for the open-with-care tests."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from sqlalchemy import create_engine

from ita_desktop.storage.database import _alembic_config
from ita_desktop.storage.file_format import APPLICATION_ID


def old_file(path: Path, revision: str = "0001", *, wal: bool = False, name: str = "เก่า") -> Path:
    """A database as an older version wrote it: its schema at `revision`, not stamped, one
    organisation `name`, in WAL mode when `wal` (as every version before the rollback journal)."""
    from alembic import command

    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        config = _alembic_config()
        config.attributes["connection"] = conn
        command.upgrade(config, revision)
        conn.exec_driver_sql(
            "INSERT INTO organizations (name, kind, district, province, units) "
            "VALUES (?, '', '', '', '[]')",
            (name,),
        )
    engine.dispose()
    if wal:
        conn2 = sqlite3.connect(path)
        conn2.execute("PRAGMA journal_mode = WAL")
        conn2.close()
    return path


def foreign_file(path: Path, application_id: int = 0) -> Path:
    """Another program's SQLite database: its own tables and data."""
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
    conn.executemany("INSERT INTO contacts (name) VALUES (?)", [(f"คน {i}",) for i in range(50)])
    if application_id:
        conn.execute(f"PRAGMA application_id = {application_id}")
    conn.commit()
    conn.close()
    return path


def stamp(path: Path, *, revision: str | None = None, user_version: int | None = None) -> None:
    """Change a file of ours as a newer version would have left it."""
    conn = sqlite3.connect(path)
    if revision is not None:
        conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    if user_version is not None:
        conn.execute(f"PRAGMA user_version = {user_version}")
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.commit()
    conn.close()


def digest(path: Path) -> str:
    """The file's SHA-256 (a refused file must be byte-identical afterwards)."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def folder_state(folder: Path) -> dict[str, str]:
    """Every file under `folder` with its digest (nothing may appear, vanish or change)."""
    return {str(p.relative_to(folder)): digest(p) for p in sorted(folder.rglob("*")) if p.is_file()}
