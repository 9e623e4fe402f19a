"""An acknowledged write is on the disk before it is acknowledged (issue 10, point 2).

The system calls of a write are traced with strace. Before the acknowledgement (the CLI's line
on stdout, or the moment the service call returned in a program that keeps the database open,
as the window does) every file of the database that was written — the `.sqlite`, its rollback
`-journal`, its `-wal` — must have been fsynced or fdatasynced after its last write or
truncation. A rollback journal that is deleted to commit (journal_mode=DELETE) is the commit
itself: unless its folder is synced after the unlink, a power cut can bring the journal back
and the next open rolls the acknowledged write back (SQLite's synchronous=EXTRA does that sync;
TRUNCATE and PERSIST journals are synced in place under FULL). A deleted `-wal` needs no such
sync: it comes back only after its frames were copied into the synced `.sqlite`, and replaying
them writes the same pages again.

The checker itself is tested against SQLite alone in the journal modes and synchronous levels
that do and do not make a commit durable, so it is neither lenient nor stricter than SQLite.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

import pytest

from ita_desktop.domain.models import Organization
from ita_desktop.services import assessments, organizations
from ita_desktop.services.files import new_database

SYSCALLS = (
    "openat,close,write,pwrite64,pwritev,pwritev2,writev,ftruncate,fsync,fdatasync,"
    "unlink,unlinkat,rename,renameat,renameat2,exit_group"
)
WRITES = {"write", "pwrite64", "pwritev", "pwritev2", "writev", "ftruncate"}
SYNCS = {"fsync", "fdatasync"}
UNLINKS = {"unlink", "unlinkat"}
LINE = re.compile(r"^(?P<pid>\d+) +(?P<call>\w+)\((?P<args>.*)\) += (?P<ret>-?\d+|\?)")
FD_PATH = re.compile(r"^(?P<fd>\d+)<(?P<path>.*?)(?: \(deleted\))?>")
STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def strace() -> str:
    path = shutil.which("strace")
    if path is None:
        pytest.fail(
            "`strace` is not installed: the sync trace reads the system calls of a write "
            "(apt-get install strace; packaging/test.sh installs it)",
            pytrace=False,
        )
    return path


@dataclass(frozen=True)
class Call:
    index: int
    name: str
    target: str  # the file the call acts on ("" when none of interest), "stdout" for fd 1


def traced(command: list[str], tmp_path: Path) -> tuple[list[Call], subprocess.CompletedProcess]:
    """Run `command` under strace; its system calls in order (completed calls only)."""
    log = tmp_path / "strace.log"
    done = subprocess.run(
        [strace(), "-f", "-y", "-qq", "-o", str(log), "-e", f"trace={SYSCALLS}", *command],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        check=False,
    )
    if not log.exists() or ("ptrace" in done.stderr and "not permitted" in done.stderr):
        pytest.fail(f"strace could not trace the write: {done.stderr.strip()}", pytrace=False)
    calls: list[Call] = []
    pending: dict[str, str] = {}  # pid -> the start of an unfinished call
    for raw in log.read_text("utf-8", "replace").splitlines():
        pid = raw.split(" ", 1)[0]
        if raw.endswith("<unfinished ...>"):
            pending[pid] = raw.removesuffix("<unfinished ...>")
            continue
        resumed = re.match(r"^(\d+) +<\.\.\. \w+ resumed>(.*)$", raw)
        if resumed:
            raw = pending.pop(pid, "") + resumed.group(2)
        match = LINE.match(raw)
        if not match or match["ret"] == "-1":
            continue
        name, args = match["call"], match["args"]
        target = ""
        fd = FD_PATH.match(args)
        if fd:
            target = "stdout" if fd["fd"] == "1" and name in WRITES else fd["path"]
        elif name in UNLINKS | {"rename", "renameat", "renameat2"}:
            strings = STRING.findall(args)
            target = strings[0] if strings else ""
        calls.append(Call(len(calls), name, target))
    return calls, done


def durability_problems(calls: list[Call], db: Path) -> list[str]:
    """What was not durable when the write was acknowledged ([] when everything was)."""
    db = db.resolve()
    files = {str(db): ".sqlite", f"{db}-journal": "-journal", f"{db}-wal": "-wal"}
    folder = str(db.parent)
    ack = next((c.index for c in calls if c.target == "stdout"), None)
    if ack is None:
        return ["the write was never acknowledged on stdout"]
    before = calls[:ack]
    problems = []
    written = [c for c in before if c.name in WRITES and c.target in files]
    if not written:
        problems.append("nothing was written to the database files before the acknowledgement")
    for path, label in files.items():
        changes = [c.index for c in written if c.target == path]
        if not changes:
            continue
        synced = [c.index for c in before if c.name in SYNCS and c.target == path]
        if not any(s > changes[-1] for s in synced):
            problems.append(
                f"{label} was written (call #{changes[-1]}) and not synced before the "
                f"acknowledgement (call #{ack})"
            )
    unlinked = [c.index for c in before if c.name in UNLINKS and c.target == f"{db}-journal"]
    if unlinked:
        dir_synced = [c.index for c in before if c.name in SYNCS and c.target == folder]
        if not any(s > unlinked[-1] for s in dir_synced):
            problems.append(
                "the rollback journal was deleted to commit (call "
                f"#{unlinked[-1]}) but its folder was not synced before the acknowledgement: "
                "after a power cut the journal can come back and roll the acknowledged write "
                "back (synchronous=EXTRA syncs the folder; TRUNCATE or PERSIST journals are "
                "synced in place under synchronous=FULL)"
            )
    return problems


def make_database(path: Path) -> None:
    """A database as the app makes it: one organisation with one year of scores."""
    repo = new_database(path)
    try:
        org_id = organizations.add_organization(repo, Organization("เทศบาลตำบลทดสอบ")).created_id
        assert org_id is not None
        aid = assessments.create_year(repo, org_id, 2566).created_id
        assert aid is not None
        assessments.set_scores(repo, aid, {n: Decimal("90.00") for n in range(1, 11)})
    finally:
        repo.close()


def stored_score(path: Path, indicator: int) -> str:
    con = sqlite3.connect(path)
    try:
        row = con.execute("SELECT value FROM scores WHERE indicator = ?", (indicator,)).fetchone()
    finally:
        con.close()
    return str(row[0])


def child_env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "ITA_DESKTOP_DATA_DIR": str(tmp_path), "PYTHONIOENCODING": "utf-8"}


def test_scores_set_is_on_the_disk_before_it_says_saved(tmp_path: Path) -> None:
    db = tmp_path / "ita.sqlite"
    make_database(db)
    command = [sys.executable, "-m", "ita_desktop", "scores", "set", "--db", str(db)]
    calls, done = traced([*command, "--indicator", "4", "--score", "92.50"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert stored_score(db, 4) == "92.50"
    assert durability_problems(calls, db) == []
    assert calls[-1].name == "exit_group"


OPEN_DATABASE_WRITER = textwrap.dedent(
    """
    import os, sys
    from decimal import Decimal
    from ita_desktop.services import assessments
    from ita_desktop.services.files import open_database

    repo = open_database(sys.argv[1])
    org_id = repo.organizations()[0].id
    a = assessments.get_assessment(repo, org_id, 2566)
    assessments.set_score(repo, a.id, 4, Decimal("92.50"))
    os.write(1, b"saved\\n")  # the window says "saved" here, with the file still open
    assessments.get_assessment(repo, org_id, 2566)
    repo.close()
    """
)


def test_an_edit_in_an_open_database_is_on_the_disk_before_the_service_returns(
    tmp_path: Path,
) -> None:
    """The window keeps the database open: each edit must be durable when set_score returns,
    not only once the file is closed."""
    db = tmp_path / "ita.sqlite"
    make_database(db)
    calls, done = traced([sys.executable, "-c", OPEN_DATABASE_WRITER, str(db)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert stored_score(db, 4) == "92.50"
    assert durability_problems(calls, db) == []


SQLITE_WRITER = textwrap.dedent(
    """
    import os, sqlite3, sys
    con = sqlite3.connect(sys.argv[1], isolation_level=None)
    con.execute(f"PRAGMA journal_mode = {sys.argv[2]}")
    con.execute(f"PRAGMA synchronous = {sys.argv[3]}")
    con.execute("BEGIN IMMEDIATE")
    con.execute("UPDATE scores SET value = '92.50' WHERE indicator = 4")
    con.execute("COMMIT")
    os.write(1, b"saved\\n")
    con.close()
    """
)


@pytest.mark.parametrize(
    ("journal_mode", "synchronous", "durable"),
    [
        ("DELETE", "EXTRA", True),
        ("TRUNCATE", "FULL", True),
        ("PERSIST", "FULL", True),
        ("WAL", "FULL", True),
        ("DELETE", "FULL", False),  # the journal's unlink is not synced
        ("TRUNCATE", "NORMAL", False),
        ("WAL", "NORMAL", False),  # the WAL is synced at checkpoints only
        ("DELETE", "OFF", False),
    ],
)
def test_the_checker_agrees_with_sqlite(
    tmp_path: Path, journal_mode: str, synchronous: str, durable: bool
) -> None:
    db = tmp_path / "plain.sqlite"
    make_database(db)
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA journal_mode = {'WAL' if journal_mode == 'WAL' else 'DELETE'}")
    con.close()
    command = [sys.executable, "-c", SQLITE_WRITER, str(db), journal_mode, synchronous]
    calls, done = traced(command, tmp_path)
    assert done.returncode == 0, done.stderr
    assert stored_score(db, 4) == "92.50"
    problems = durability_problems(calls, db)
    assert (problems == []) is durable, problems
