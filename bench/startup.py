"""Start-up benchmark (not a test): whole process to the first painted window, demo database.

Run: python bench/startup.py [--runs 9] [--platform offscreen|xcb]
Launches `python -m ita_desktop gui --db DEMO` with ITA_DESKTOP_QUIT_AFTER_PAINT=1, which makes
the window print "first-paint <s since its module loaded>" after its first paint and quit. The
wall time from launching the process to reading that line is what a user waits. With
--platform xcb the window is drawn on a private Xvfb display (a real X server).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
TARGET_S = 0.8


def launch_once(db: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds to the first-paint line, the app's own figure)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [sys.executable, "-m", "ita_desktop", "gui", "--db", str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    wall = time.perf_counter() - start
    _, err = proc.communicate(timeout=60)
    if not line.startswith("first-paint "):
        raise RuntimeError(f"no first-paint line (exit {proc.returncode}): {err[-2000:]}")
    return wall, float(line.split()[1])


def start_xvfb() -> tuple[subprocess.Popen, str]:
    display = f":{90 + os.getpid() % 9}"
    server = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(0.7)
    return server, display


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=9)
    parser.add_argument("--platform", choices=("offscreen", "xcb"), default="offscreen")
    args = parser.parse_args()

    from ita_desktop.demo.builder import build_demo

    with tempfile.TemporaryDirectory() as tmp:
        data = Path(tmp) / "data"
        data.mkdir()
        db = Path(tmp) / "demo.sqlite"
        build_demo(db).close()
        env = dict(
            os.environ,
            ITA_DESKTOP_DATA_DIR=str(data),
            ITA_DESKTOP_QUIT_AFTER_PAINT="1",
            QT_QPA_PLATFORM=args.platform,
        )
        server = None
        if args.platform == "xcb":
            if not shutil.which("Xvfb"):
                sys.exit("Xvfb is not installed")
            server, env["DISPLAY"] = start_xvfb()
        try:
            launch_once(db, env)  # warm the OS file cache; not counted
            samples = [launch_once(db, env) for _ in range(args.runs)]
        finally:
            if server is not None:
                server.terminate()
                server.wait()
    walls = [w for w, _ in samples]
    inside = [i for _, i in samples]
    print(f"platform: {args.platform}, runs: {args.runs}")
    print(
        f"launch to first paint, median: {statistics.median(walls):.3f} s "
        f"(min {min(walls):.3f}, max {max(walls):.3f}); target < {TARGET_S} s"
    )
    print(f"  of which inside the app after its module loaded: {statistics.median(inside):.3f} s")


if __name__ == "__main__":
    main()
