"""The core never loads Qt or the GUI: exporters and CLI run headless."""

from __future__ import annotations

import subprocess
import sys


def test_importing_the_core_loads_no_qt() -> None:
    code = (
        "import importlib, pkgutil, sys\n"
        "import ita_desktop\n"
        "for m in pkgutil.walk_packages(ita_desktop.__path__, 'ita_desktop.'):\n"
        "    if '.migrations' in m.name: continue\n"
        "    importlib.import_module(m.name)\n"
        "bad = [n for n in sys.modules if n.startswith(('PySide6', 'shiboken6', 'ita_desktop_ui'))]\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], check=False, capture_output=True, text=True, timeout=120
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
