"""Crashes for the durability tests: a process that stops dead in the middle of its work
(os._exit: no commit, no rollback, no close), leaving its journal or WAL behind."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

# Stops inside a write transaction whose changed pages were already written into the file
# (a tiny cache spills them): the file is half-changed and its -journal is hot.
_MID_TRANSACTION = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA cache_size = 2")
    conn.execute("BEGIN IMMEDIATE")
    if sys.argv[2] == "in-place":  # same sizes: no page is added, page 1 stays untouched
        conn.execute("UPDATE organizations SET kind = replace(kind, 'ก', 'ข')")
    else:
        if sys.argv[2] == "page1":
            conn.execute("CREATE TABLE half_done (x)")  # the schema lives on page 1
        conn.execute(
            "UPDATE organizations SET name = name || ' (แก้ครึ่งทาง)', kind = hex(randomblob(600))"
        )
    os._exit(0)
    """
)

# Commits in WAL mode and stops without checkpointing: the -wal holds committed frames.
_WAL_COMMITTED = textwrap.dedent(
    """
    import os, sqlite3, sys
    conn = sqlite3.connect(sys.argv[1], isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute(sys.argv[2])
    os._exit(0)
    """
)


def _run(script: str, *args: str) -> None:
    subprocess.run([sys.executable, "-c", script, *args], check=True, timeout=120)


def crash_mid_transaction(path: Path, how: str = "grow") -> Path:
    """Leave `path` half-changed with its hot `-journal`; returns the journal. `how`: "grow"
    (rows get longer: pages are added, so page 1 is journalled), "page1" (a schema change
    too) or "in-place" (same sizes: the journal holds no page 1)."""
    _run(_MID_TRANSACTION, str(path), how)
    journal = Path(f"{path}-journal")
    assert journal.stat().st_size > 0
    return journal


def crash_after_wal_commit(path: Path, sql: str) -> Path:
    """Commit `sql` to `path` in WAL mode and stop dead; returns the -wal holding it."""
    _run(_WAL_COMMITTED, str(path), sql)
    wal = Path(f"{path}-wal")
    assert wal.stat().st_size > 0
    return wal
