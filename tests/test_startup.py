"""What a PDF export loads in a fresh process: only what it uses (start-up time, issue 9)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.documents.fixtures import trang

EXPORT = """
import json, sys
from ita_desktop.cli.main import main
code = main(["export", "pdf", "--db", sys.argv[1], "--out", sys.argv[2]])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""
NOT_FOR_A_PDF = ("alembic", "PySide6", "openpyxl", "jsonschema", "ita_desktop_ui")


def test_a_pdf_export_loads_no_migration_gui_or_workbook_code(tmp_path: Path) -> None:
    repo, _ = trang(tmp_path / "t.sqlite", measures=1)
    repo.close()
    done = subprocess.run(
        [sys.executable, "-c", EXPORT, str(tmp_path / "t.sqlite"), str(tmp_path / "t.pdf")],
        capture_output=True,
        text=True,
        check=False,
        cwd=Path(__file__).resolve().parents[1],
    )
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["code"] == 0
    loaded = {name.split(".")[0] for name in result["modules"]}
    assert not loaded & set(NOT_FOR_A_PDF)
