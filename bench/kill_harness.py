"""Kill harness (not a test): SIGKILL writers at random moments, many of them inside a commit,
then check that the file is intact and that every acknowledged write is in it.

Run: python bench/kill_harness.py [--kills 300] [--inside 100] [--seed 1]
                                  [--writers cli,services,gui] [--dir DIR] [--keep]

Writers (each a separate process on the same database file, one at a time):
  cli       `python -m ita_desktop scores set --db F --indicator N --score V`; one write per
            process, acknowledged by the line the CLI prints.
  services  one process looping over the services as the CLI and the window call them
            (set_score, set_threshold, add_measure, update_measure), printing each write
            acknowledged as soon as the service call returns.
  gui       the real window (`ita_desktop_ui.app.create_window`, QT_QPA_PLATFORM=offscreen):
            types into the scores page's fields (indicator scores, official figures), presses
            Return, and undoes/redoes through the window's undo stack; a write is acknowledged
            when the field's edit (or the undo/redo) has returned.

How a kill is placed "inside a commit": every writer runs with a probe (`install_probes`) that
wraps SQLAlchemy's SQLite `do_commit` (the call that runs SQLite's COMMIT) and, for a
transaction that changed rows (sqlite3 `total_changes` grew since its BEGIN; read-only
transactions are ignored), writes "@C" to its stdout just before the COMMIT and "@D <ns>" just
after it. Each marker is one unbuffered write(2) on a pipe, so after the kill the pipe holds
exactly what the writer said before it died. Half of the runs are killed at a uniformly random
time over the writer's whole life (start-up, opening, reading, writing, exiting); the other
half wait for the writer's k-th "@C" and kill after a random delay up to the measured length
of a COMMIT. Where a kill landed is read afterwards from the pipe, never assumed: a kill whose
last marker is "@C" or "@D" without the acknowledgement after it is counted "inside a commit"
(of which "in COMMIT" when before "@D"). After each kill the harness opens the file (half of
the time first through the app, `services.files.open_database`, so its own recovery runs
first), runs `PRAGMA integrity_check`, and compares every field with the last acknowledged
value; the one write in flight at the kill may be present or absent, anything else is counted:
a field that lost its acknowledged value is a lost write, a change no writer announced (or an
in-flight write present although its COMMIT had not started) is unexpected.
"""

from __future__ import annotations

import argparse
import itertools
import os
import random
import select
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HARNESS = Path(__file__).resolve()
WRITERS = ("cli", "services", "gui")
NONE = "-"  # how a cleared value travels on the pipe
MAX_WRITES = 100_000  # a looping writer stops (exit 0) after this many writes
HUNG_AFTER_S = 60.0  # a writer silent this long is killed and counted as an error
MAX_MEASURES = 40
ORG_NAME = "เทศบาลตำบลทดสอบไฟดับ"
YEAR = 2566
FIRST_GUESS = {  # seconds, until measured: (start-up to the first write, one write, one COMMIT)
    "cli": (0.8, 0.0, 0.002),
    "services": (0.8, 0.01, 0.002),
    "gui": (2.5, 0.02, 0.002),
}


# ====================================================================== inside the writers
def say(*parts: object) -> None:
    """One line on stdout with a single unbuffered write(2): it is in the pipe or it is not."""
    os.write(1, (" ".join(str(p) for p in parts) + "\n").encode("utf-8"))


def text_of(value: object) -> str:
    return NONE if value is None else str(value)


def install_probes() -> None:
    """Say "@C" just before SQLite's COMMIT of a transaction that changed rows, and "@D <ns>"
    just after it returned (SQLAlchemy's SQLite dialect runs every COMMIT in `do_commit`)."""
    from sqlalchemy import event
    from sqlalchemy.dialects.sqlite.pysqlite import SQLiteDialect_pysqlite
    from sqlalchemy.engine import Connection, Engine

    changes_at_begin: dict[int, int] = {}

    def raw(connection: Any) -> Any:
        return getattr(connection, "dbapi_connection", connection)

    def on_begin(conn: Connection) -> None:
        dbapi = raw(conn.connection)
        changes_at_begin[id(dbapi)] = dbapi.total_changes

    event.listen(Engine, "begin", on_begin)
    original = SQLiteDialect_pysqlite.do_commit

    def do_commit(self: Any, dbapi_connection: Any) -> None:
        dbapi = raw(dbapi_connection)
        wrote = dbapi.total_changes != changes_at_begin.get(id(dbapi), -1)
        if wrote:
            say("@C")
        start = time.perf_counter_ns()
        original(self, dbapi_connection)
        if wrote:
            say("@D", time.perf_counter_ns() - start)

    SQLiteDialect_pysqlite.do_commit = do_commit  # type: ignore[method-assign]


def say_modes(engine: Any) -> None:
    """The journal mode and synchronous level the app's own connection runs with."""
    with engine.connect() as conn:
        mode = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        sync = conn.exec_driver_sql("PRAGMA synchronous").scalar()
    say("@M", f"journal_mode={mode}", f"synchronous={sync}")


def random_score(rng: random.Random) -> Decimal:
    return Decimal(rng.randint(0, 10_000)).scaleb(-2)  # 0.00 .. 100.00


def fresh_score(rng: random.Random, current: object) -> Decimal:
    """A score other than the current one (an equal value would write nothing)."""
    while True:
        value = random_score(rng)
        if current is None or value != Decimal(str(current)):
            return value


def cli_writer(args: Sequence[str]) -> None:
    """`python -m ita_desktop ARGS` exactly as the console runs it, with the probes."""
    import runpy

    install_probes()
    sys.argv = ["ita_desktop", *args]
    runpy.run_module("ita_desktop", run_name="__main__", alter_sys=True)


def services_writer(db: Path, seed: int) -> None:
    """Random writes through the services on one open database until killed."""
    install_probes()
    from ita_desktop.domain.models import Measure
    from ita_desktop.services import assessments, measures
    from ita_desktop.services.files import open_database

    rng = random.Random(seed)
    repo = open_database(db)
    say_modes(repo.engine)
    org_id = repo.organizations()[0].id
    assert org_id is not None
    a = assessments.get_assessment(repo, org_id, YEAR)
    aid = a.id
    assert aid is not None
    scores = dict(a.scores)
    threshold = a.threshold
    plan = {m.id: m.kpi for m in measures.list_measures(repo, aid) if m.id is not None}
    numbers = [i.number for i in a.rules.indicators]
    say("@R")
    for i in range(MAX_WRITES):
        op = rng.random()
        if op < 0.5:
            n = rng.choice(numbers)
            value = fresh_score(rng, scores.get(n))
            say("@W", f"score:{n}", value)
            assessments.set_score(repo, aid, n, value)
            scores[n] = value
            say("@A", f"score:{n}", value)
        elif op < 0.65:
            value = fresh_score(rng, threshold)
            say("@W", "threshold", value)
            assessments.set_threshold(repo, aid, value)
            threshold = value
            say("@A", "threshold", value)
        elif (op < 0.75 and len(plan) < MAX_MEASURES) or not plan:
            title = f"มาตรการทดสอบ {seed}-{i}"
            say("@W", "measure:new", title)
            m = Measure(title, [rng.choice(numbers)], ["ขั้นที่ ๑"], ["สำนักปลัด"], kpi="")
            new_id = measures.add_measure(repo, aid, m).created_id
            assert new_id is not None
            plan[new_id] = ""
            say("@A", f"measure:{new_id}", title)
        else:
            measure_id = rng.choice(sorted(plan))
            kpi = f"ร้อยละ {rng.randint(1, 100)} ({seed}-{i})"
            say("@W", f"kpi:{measure_id}", kpi)
            measures.update_measure(repo, measure_id, kpi=kpi)
            plan[measure_id] = kpi
            say("@A", f"kpi:{measure_id}", kpi)
    repo.close()


@dataclass
class _Step:
    """One command on the window's undo stack, as the writer mirrors it."""

    field: str
    old: Decimal | None
    new: Decimal | None


def gui_writer(db: Path, seed: int) -> None:
    """The real window on `db`: type scores and official figures, undo and redo, until killed."""
    install_probes()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ita_desktop_ui.app import create_window

    def refuse(box: QMessageBox) -> int:  # a message would block: report it and stop
        say("@E", "message box:", box.text().replace("\n", " "), box.detailedText()[-300:])
        os._exit(3)

    QMessageBox.exec = refuse  # type: ignore[method-assign, assignment]
    rng = random.Random(seed)
    window = create_window(db)
    window.show()
    window.show_page("scores")
    QApplication.processEvents()
    say_modes(window.workspace.db.engine)
    page = window.pages["scores"]
    history = window.history
    steps: list[_Step] = []  # mirrors history: steps[i] is command i
    say("@R")

    def stored(field: str) -> Decimal | None:
        a = page._assessment
        assert a is not None
        kind, key = field.split(":")
        return a.scores.get(int(key)) if kind == "score" else getattr(a.official, key)

    def type_into(field: str, value: Decimal | None) -> None:
        kind, key = field.split(":")
        if kind == "score":
            edit = page.edits[int(key)]
        else:
            edit = page.official_edits["overall" if key == "overall" else key.upper()]
        before = history.index()
        old = stored(field)
        edit.selectAll()
        edit.insert("" if value is None else f"{value:.2f}")
        QTest.keyClick(edit, Qt.Key.Key_Return)  # editingFinished: the field commits
        if history.index() == before + 1 and history.count() == before + 1:
            del steps[before:]
            steps.append(_Step(field, old, value))
        elif history.index() == before and history.count() == before and before > 0:
            steps[before - 1].new = value  # merged into the field's previous command
        else:
            say("@E", f"no command for {field} (index {before} -> {history.index()})")
            os._exit(3)

    score_fields = [f"score:{n}" for n in sorted(page.edits)]
    fields = score_fields + [f"official:{k}" for k in ("iit", "eit", "oit", "overall")]
    for _ in range(MAX_WRITES):
        op = rng.random()
        if op < 0.2 and history.canUndo():
            step = steps[history.index() - 1]
            say("@W", step.field, text_of(step.old))
            history.undo()
            say("@A", step.field, text_of(step.old))
        elif op < 0.3 and history.canRedo():
            step = steps[history.index()]
            say("@W", step.field, text_of(step.new))
            history.redo()
            say("@A", step.field, text_of(step.new))
        else:
            name = rng.choice(fields if rng.random() < 0.3 else score_fields)
            new = None if rng.random() < 0.05 else fresh_score(rng, stored(name))
            if new is None and stored(name) is None:
                new = random_score(rng)
            say("@W", name, text_of(new))
            type_into(name, new)
            say("@A", name, text_of(new))
        QApplication.processEvents()
    window.close()


# ====================================================================== the harness
@dataclass
class Tally:
    """Counts of one writer kind (or of all of them)."""

    runs: int = 0
    kills: int = 0
    finished: int = 0  # runs that ended on their own before any kill
    startup: int = 0  # killed before its first write began (CLI: before its COMMIT)
    in_transaction: int = 0  # after a write was announced, before its COMMIT
    in_commit_call: int = 0  # between "@C" and "@D": inside SQLite's COMMIT
    after_commit: int = 0  # between "@D" and the acknowledgement
    after_ack: int = 0  # between writes, or after the acknowledgement
    acknowledged: int = 0
    flight_kept: int = 0  # killed inside a commit: the write in flight is in the file
    flight_dropped: int = 0  # ... or it is not (both correct; a mix shows where kills fell)
    corrupt: int = 0
    lost: int = 0
    unexpected: int = 0
    errors: int = 0
    seconds: float = 0.0
    problems: list[str] = field(default_factory=list)
    modes: set[str] = field(default_factory=set)

    @property
    def inside_commit(self) -> int:
        """Kills between "@C" and the acknowledgement of that write."""
        return self.in_commit_call + self.after_commit

    @property
    def bad(self) -> int:
        return self.corrupt + self.lost + self.unexpected + self.errors

    def add(self, other: Tally) -> None:
        for name, value in vars(other).items():
            if isinstance(value, (int, float)):
                setattr(self, name, getattr(self, name) + value)
        self.problems += other.problems
        self.modes |= other.modes


@dataclass
class Write:
    field: str
    value: str  # NONE for a cleared value


class Pipe:
    """Non-blocking line reader of a writer's stdout."""

    def __init__(self, fd: int) -> None:
        self.fd = fd
        os.set_blocking(fd, False)
        self.buffer = b""
        self.eof = False

    def read(self, timeout: float) -> list[str]:
        if self.eof:
            return []
        ready, _, _ = select.select([self.fd], [], [], max(timeout, 0.0))
        if not ready:
            return []
        while True:
            try:
                chunk = os.read(self.fd, 65536)
            except BlockingIOError:
                break
            if not chunk:
                self.eof = True
                break
            self.buffer += chunk
        *complete, self.buffer = self.buffer.split(b"\n")
        return [line.decode("utf-8", "replace") for line in complete]

    def drain(self, limit_s: float = 30.0) -> list[str]:
        """Everything left once the writer is dead (a last line without its newline too)."""
        lines: list[str] = []
        until = time.perf_counter() + limit_s
        while not self.eof and time.perf_counter() < until:
            lines += self.read(0.5)
        if self.buffer:
            lines.append(self.buffer.decode("utf-8", "replace"))
            self.buffer = b""
        return lines


@dataclass
class Run:
    """What one writer said before it died or ended, with when the harness read each line."""

    lines: list[str]
    times: list[float]
    returncode: int
    seconds: float
    hung: bool
    stderr: str

    @property
    def killed(self) -> bool:
        return self.returncode == -signal.SIGKILL and not self.hung


def run_writer(
    command: list[str],
    env: dict[str, str],
    stderr_path: Path,
    nth_commit: int,
    delay_after: float,
    deadline: float,
) -> Run:
    """Start a writer; SIGKILL it `delay_after` s after its `nth_commit`-th "@C" (0: never),
    or `deadline` s after its start (inf: never), whichever comes first."""
    started = time.perf_counter()
    with stderr_path.open("wb") as err:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=err)
    assert proc.stdout is not None
    pipe = Pipe(proc.stdout.fileno())
    lines: list[str] = []
    times: list[float] = []
    commits = 0
    heard = started
    fire_at: float | None = None
    while fire_at is None and not pipe.eof:
        now = time.perf_counter()
        if now - started >= deadline:
            fire_at = now
            break
        if now - heard > HUNG_AFTER_S:
            break
        for line in pipe.read(min(deadline - (now - started), 0.05)):
            heard = time.perf_counter()
            lines.append(line)
            times.append(heard - started)
            if line == "@C":
                commits += 1
                if commits == nth_commit:
                    fire_at = heard + delay_after
    hung = fire_at is None and not pipe.eof
    if fire_at is not None or hung:
        while fire_at is not None and time.perf_counter() < fire_at:
            pass  # busy-wait: sleep() is too coarse for a delay inside a COMMIT
        try:
            os.kill(proc.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    rest = pipe.drain()
    seconds = time.perf_counter() - started
    lines += rest
    times += [seconds] * len(rest)
    returncode = proc.wait()
    proc.stdout.close()
    stderr = ""
    if returncode not in (0, -signal.SIGKILL) or hung:
        stderr = stderr_path.read_text("utf-8", "replace")[-800:]
    return Run(lines, times, returncode, seconds, hung, stderr)


@dataclass
class Estimates:
    """Running medians of one writer kind: start-up (CLI: whole run), one write, one COMMIT."""

    kind: str
    ready: list[float] = field(default_factory=list)
    write: list[float] = field(default_factory=list)
    commit: list[float] = field(default_factory=list)

    def get(self) -> tuple[float, float, float]:
        guess = FIRST_GUESS[self.kind]
        return (
            statistics.median(self.ready[-50:]) if self.ready else guess[0],
            statistics.median(self.write[-200:]) if self.write else guess[1],
            statistics.median(self.commit[-200:]) if self.commit else guess[2],
        )


@dataclass
class Database:
    """The file under test and what the harness knows it must hold."""

    path: Path
    assessment_id: int
    indicators: list[int]
    model: dict[str, str | None]  # field -> last acknowledged value (None: cleared)


ASSESSMENT_COLUMNS = {"threshold": "threshold"} | {
    f"official:{k}": f"official_{k}" for k in ("iit", "eit", "oit", "overall")
}


def create_database(path: Path) -> Database:
    """A new file made through the services: one organisation, one year, its scores."""
    from ita_desktop.domain.models import Organization
    from ita_desktop.services import assessments, organizations
    from ita_desktop.services.files import new_database

    repo = new_database(path)
    try:
        org = Organization(ORG_NAME, "เทศบาลตำบล")
        org_id = organizations.add_organization(repo, org).created_id
        assert org_id is not None
        aid = assessments.create_year(repo, org_id, YEAR).created_id
        assert aid is not None
        numbers = [i.number for i in assessments.get_assessment_by_id(repo, aid).rules.indicators]
        assessments.set_scores(repo, aid, {n: Decimal("90.00") for n in numbers})
    finally:
        repo.close()
    db = Database(path, aid, numbers, {})
    problem, state = read_state(db)
    if problem:
        raise RuntimeError(f"the new database does not read back: {problem}")
    db.model = state
    return db


def read_state(db: Database) -> tuple[str, dict[str, str | None]]:
    """("", every field) read with plain sqlite3 (which rolls back a hot journal or replays a
    WAL first), or (what is wrong, {}) when the file fails `PRAGMA integrity_check`."""
    state: dict[str, str | None] = {}
    try:
        con = sqlite3.connect(db.path, timeout=10)
        try:
            check = [str(row[0]) for row in con.execute("PRAGMA integrity_check")]
            if check != ["ok"]:
                return "integrity_check: " + "; ".join(check[:5]), {}
            scores = dict(
                con.execute(
                    "SELECT indicator, value FROM scores WHERE assessment_id = ?",
                    (db.assessment_id,),
                ).fetchall()
            )
            for n in db.indicators:
                state[f"score:{n}"] = scores.get(n)
            row = con.execute(
                f"SELECT {', '.join(ASSESSMENT_COLUMNS.values())} FROM assessments WHERE id = ?",
                (db.assessment_id,),
            ).fetchone()
            if row is None:
                return "the assessment row is gone", {}
            state.update(zip(ASSESSMENT_COLUMNS, row, strict=True))
            for measure_id, title, kpi in con.execute(
                "SELECT id, title, kpi FROM measures WHERE assessment_id = ?",
                (db.assessment_id,),
            ):
                state[f"measure:{measure_id}"] = title
                state[f"kpi:{measure_id}"] = kpi
        finally:
            con.close()
    except sqlite3.Error as exc:
        return f"{type(exc).__name__}: {exc}", {}
    return "", state


def open_with_app(path: Path) -> str:
    """Open and close the file as the app does: "" when it opened, else why not."""
    from ita_desktop.errors import ItaError
    from ita_desktop.services.files import open_database

    try:
        open_database(path).close()
    except ItaError as exc:
        return f"the app does not open it: {exc.thai} ({exc.detail})"
    return ""


def same(a: str | None, b: str | None) -> bool:
    if a is None or b is None:
        return a is b
    try:
        return Decimal(a) == Decimal(b)
    except ArithmeticError:
        return a == b


@dataclass
class Reading:
    """A run's output read back: where it was killed, what it acknowledged, what was in flight."""

    phase: str = "startup"
    acked: list[Write] = field(default_factory=list)
    in_flight: Write | None = None
    committing: bool = False  # the write in flight had said "@C"
    modes: set[str] = field(default_factory=set)
    errors: list[str] = field(default_factory=list)
    commit_seconds: list[float] = field(default_factory=list)
    ready_at: float | None = None
    ack_times: list[float] = field(default_factory=list)


def read_run(run: Run, cli_write: Write | None) -> Reading:
    r = Reading(in_flight=cli_write)
    for line, at in zip(run.lines, run.times, strict=True):
        tag, _, rest = line.partition(" ") if line.startswith("@") else ("TEXT", "", line)
        if tag == "@R":
            r.phase, r.ready_at = "after_ack", at
        elif tag == "@M":
            r.modes.add(rest)
        elif tag == "@E":
            r.errors.append(rest)
        elif tag == "@W":
            name, _, value = rest.partition(" ")
            r.in_flight, r.committing, r.phase = Write(name, value), False, "in_transaction"
        elif tag == "@C":
            r.committing, r.phase = True, "in_commit_call"
        elif tag == "@D":
            r.phase = "after_commit"
            r.commit_seconds.append(int(rest) / 1e9)
        elif tag == "@A" or (tag == "TEXT" and cli_write is not None and rest.strip()):
            if tag == "@A":
                name, _, value = rest.partition(" ")
                r.acked.append(Write(name, value))
                if r.in_flight is not None and r.in_flight.field == "measure:new":
                    r.acked.append(Write(f"kpi:{name.split(':')[1]}", ""))  # added with kpi ""
            elif cli_write is not None and cli_write not in r.acked:
                r.acked.append(cli_write)  # the CLI's own line: the user read "saved"
            r.in_flight, r.committing, r.phase = None, False, "after_ack"
            r.ack_times.append(at)
    return r


def check_file(db: Database, reading: Reading, tally: Tally) -> bool:
    """Compare the file with every acknowledged write; the write in flight may be there or
    not (only once its COMMIT had begun). Adopts the file's content as the new model.
    False when the file is corrupt."""
    for w in reading.acked:
        db.model[w.field] = None if w.value == NONE else w.value
    problem, state = read_state(db)
    if problem:
        tally.corrupt += 1
        tally.problems.append(f"corrupt: {problem}")
        return False
    flight = reading.in_flight if reading.committing else None
    new_measures = sorted(k for k in state if k.startswith("measure:") and k not in db.model)
    allowed_new = None
    if flight is not None and flight.field == "measure:new" and len(new_measures) == 1:
        key = new_measures[0]
        if state[key] == flight.value and state.get("kpi:" + key.split(":")[1]) == "":
            allowed_new = key
    for key in new_measures:
        if key != allowed_new:
            tally.unexpected += 1
            tally.problems.append(f"unexpected: a measure nobody announced, {key} {state[key]!r}")
    flight_value = None if flight is None or flight.value == NONE else flight.value
    if flight is not None and flight.field == "measure:new":
        landed: bool | None = allowed_new is not None
    elif flight is not None and not same(db.model.get(flight.field), flight_value):
        landed = same(state.get(flight.field), flight_value)
    else:
        landed = None  # no write in its COMMIT, or one that changes nothing
    if landed is not None:
        tally.flight_kept += landed
        tally.flight_dropped += not landed
    for key, expected in db.model.items():
        actual = state.get(key)
        if same(expected, actual):
            continue
        if flight is not None and flight.field == key and same(flight_value, actual):
            continue  # the write in flight made it
        tally.lost += 1
        tally.problems.append(f"lost: {key} acknowledged as {expected!r}, the file has {actual!r}")
    db.model = state
    return True


def writer_command(kind: str, db: Database, rng: random.Random) -> tuple[list[str], Write | None]:
    """The writer's command line and, for the CLI, the one write it will do."""
    if kind == "cli":
        n = rng.choice(db.indicators)
        value = fresh_score(rng, db.model.get(f"score:{n}"))
        cli = ["scores", "set", "--db", str(db.path), "--indicator", str(n), "--score", str(value)]
        return [sys.executable, str(HARNESS), "writer", "cli", *cli], Write(
            f"score:{n}", str(value)
        )
    seed = str(rng.randrange(1 << 30))
    return [sys.executable, str(HARNESS), "writer", kind, str(db.path), seed], None


def run_once(
    kind: str,
    db: Database,
    rng: random.Random,
    estimates: Estimates,
    env: dict[str, str],
    scratch: Path,
    plan: str,
) -> tuple[Tally, bool]:
    """One writer run: start it, kill it as `plan` says (commit, spread, none), check the file.
    Returns the tally and whether the file is still intact."""
    ready_s, write_s, commit_s = estimates.get()
    nth, delay_after, deadline = 0, 0.0, float("inf")
    if plan == "commit":  # the k-th COMMIT of the run, then up to one COMMIT's length
        nth = 1 if kind == "cli" else rng.randint(1, 40)
        delay_after = rng.uniform(0.0, commit_s)
    elif plan == "spread":  # any moment of the writer's life: start-up, writes, exit
        deadline = rng.uniform(0.0, ready_s * 1.1 if kind == "cli" else ready_s + 60 * write_s)
    command, cli_write = writer_command(kind, db, rng)
    run = run_writer(command, env, scratch / "writer.stderr", nth, delay_after, deadline)
    reading = read_run(run, cli_write)
    tally = Tally(runs=1, seconds=run.seconds, modes=reading.modes)
    tally.acknowledged = len(reading.ack_times)
    if run.killed:
        tally.kills = 1
        setattr(tally, reading.phase, 1)
    else:
        tally.finished = 1
        if run.hung or run.returncode != 0:
            what = "hung, killed" if run.hung else f"exit {run.returncode}"
            tally.problems.append(f"{kind}: {what}: {run.lines[-3:]} {run.stderr}")
        elif kind == "cli":
            estimates.ready.append(run.seconds)
    tally.problems += [f"{kind}: {e}" for e in reading.errors]
    tally.errors = int(bool(tally.problems))  # at most one per run
    estimates.commit += reading.commit_seconds
    if kind != "cli" and reading.ready_at is not None:
        estimates.ready.append(reading.ready_at)
        acks = reading.ack_times
        estimates.write += [b - a for a, b in itertools.pairwise(acks)]
    if run.killed and rng.random() < 0.5:
        refused = open_with_app(db.path)  # the app's own recovery first, then the check
        if refused:
            tally.corrupt += 1
            tally.problems.append(refused)
            return tally, False
    return tally, check_file(db, reading, tally)


def set_aside(path: Path, number: int) -> Path:
    """Move a corrupt file (and its side files) out of the way, for a post-mortem."""
    kept = path.with_name(f"{path.stem}.corrupt-{number}{path.suffix}")
    for suffix in ("", "-journal", "-wal", "-shm"):
        side = Path(f"{path}{suffix}")
        if side.exists():
            os.replace(side, Path(f"{kept}{suffix}"))
    return kept


def run_harness(
    kills: int,
    inside: int,
    seed: int,
    writers: Sequence[str],
    folder: Path,
    progress: Callable[[str], None] | None = None,
) -> tuple[dict[str, Tally], float]:
    """Kill writers (taking turns) until there were `kills` kills with `inside` of them inside
    a commit, or 6 runs per kill asked; returns the tallies per writer kind and the seconds."""
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    data = folder / "userdata"
    data.mkdir(exist_ok=True)
    env = dict(os.environ)
    env.update(
        ITA_DESKTOP_DATA_DIR=str(data),  # the window's settings and logs stay in the folder
        PYTHONUNBUFFERED="1",  # the CLI's line leaves the process when it is printed
        PYTHONIOENCODING="utf-8",
        QT_QPA_PLATFORM="offscreen",
    )
    started = time.perf_counter()
    db = create_database(folder / "kills.sqlite")
    tallies = {kind: Tally() for kind in writers}
    estimates = {kind: Estimates(kind) for kind in writers}
    total = Tally()
    runs = corrupt_files = 0

    def record(kind: str, tally: Tally, intact: bool) -> None:
        nonlocal db, corrupt_files
        tallies[kind].add(tally)
        total.add(tally)
        if progress is not None and tally.problems:
            progress("\n".join(tally.problems))
        if not intact:
            corrupt_files += 1
            kept = set_aside(db.path, corrupt_files)
            if progress is not None:
                progress(f"corrupt file kept as {kept}; going on with a new one")
            db = create_database(folder / "kills.sqlite")

    if "cli" in writers:  # measure how long a whole `scores set` takes, without killing it
        for _ in range(2):
            record("cli", *run_once("cli", db, rng, estimates["cli"], env, folder, "none"))
    while (total.kills < kills or total.inside_commit < inside) and runs < 6 * max(kills, 1):
        kind = writers[runs % len(writers)]
        plan = "commit" if rng.random() < 0.5 else "spread"
        runs += 1
        record(kind, *run_once(kind, db, rng, estimates[kind], env, folder, plan))
        if progress is not None and runs % 50 == 0:
            progress(f"{runs} runs: {total.kills} kills, {total.inside_commit} inside a commit")
    return tallies, time.perf_counter() - started


SUMMARY_ROWS: list[tuple[str, Callable[[Tally], int]]] = [
    ("kills", lambda t: t.kills),
    ("  inside a commit (@C .. ack)", lambda t: t.inside_commit),
    ("    in SQLite's COMMIT (@C .. @D)", lambda t: t.in_commit_call),
    ("    after the COMMIT, before the ack", lambda t: t.after_commit),
    ("  in a write, before its COMMIT", lambda t: t.in_transaction),
    ("  start-up (CLI: before its COMMIT)", lambda t: t.startup),
    ("  between writes, or after the ack", lambda t: t.after_ack),
    ("runs that ended on their own", lambda t: t.finished),
    ("acknowledged writes", lambda t: t.acknowledged),
    ("inside a commit: the write is in the file", lambda t: t.flight_kept),
    ("                 the write is not", lambda t: t.flight_dropped),
    ("corrupt files", lambda t: t.corrupt),
    ("lost acknowledged writes", lambda t: t.lost),
    ("unexpected changes", lambda t: t.unexpected),
    ("writer errors", lambda t: t.errors),
    ("seconds", lambda t: round(t.seconds)),
]


def summary(tallies: dict[str, Tally], seconds: float) -> str:
    total = Tally()
    for t in tallies.values():
        total.add(t)
    columns = {**tallies, "total": total}
    lines = [f"{'':46}" + "".join(f"{k:>10}" for k in columns)]
    for label, get in SUMMARY_ROWS:
        lines.append(f"{label:46}" + "".join(f"{get(t):>10}" for t in columns.values()))
    lines.append(f"storage as the writers ran it: {'; '.join(sorted(total.modes)) or '?'}")
    lines.append(f"wall time {seconds:.0f} s")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] == ["writer"]:  # a writer process started by the harness
        kind, rest = args[1], args[2:]
        if kind == "cli":
            cli_writer(rest)
        elif kind == "services":
            services_writer(Path(rest[0]), int(rest[1]))
        else:
            gui_writer(Path(rest[0]), int(rest[1]))
        return 0
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--kills", type=int, default=300)
    parser.add_argument("--inside", type=int, help="kills inside a commit (default: a third)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--writers", default=",".join(WRITERS), help="cli,services,gui")
    parser.add_argument("--dir", type=Path, help="folder of the database (default: temporary)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder")
    options = parser.parse_args(args)
    writers = [w for w in options.writers.split(",") if w]
    if not writers or set(writers) - set(WRITERS):
        parser.error(f"--writers: choose from {', '.join(WRITERS)}")
    inside = options.kills // 3 if options.inside is None else options.inside
    folder = options.dir or Path(tempfile.mkdtemp(prefix="ita-kills-"))
    tallies, seconds = run_harness(
        options.kills,
        inside,
        options.seed,
        writers,
        folder,
        lambda text: print(text, file=sys.stderr, flush=True),
    )
    print(summary(tallies, seconds))
    bad = sum(t.bad for t in tallies.values())
    if options.dir is None and not options.keep and not bad:
        shutil.rmtree(folder, ignore_errors=True)
    else:
        print(f"files kept in {folder}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
