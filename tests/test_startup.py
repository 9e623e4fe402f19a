"""What a PDF export loads in a fresh process: only what it uses (start-up time, issue 9):
no SQLAlchemy (a sound file is read through the sqlite3 snapshot), no migration, GUI or
workbook code, no network or package-metadata modules, and no second copy of the Thai
dictionary."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.documents.fixtures import trang

EXPORT = """
import json, sys
from ita_desktop.cli.main import main
code = main(["export", "pdf", "--db", sys.argv[1], "--out", sys.argv[2], *sys.argv[3:]])
from pythainlp.tokenize import word_dict_trie
built = word_dict_trie.cache_info().currsize
print(json.dumps({"code": code, "modules": sorted(sys.modules), "default_trie": built}))
"""
NOT_FOR_A_PDF = ("sqlalchemy", "alembic", "PySide6", "openpyxl", "jsonschema", "ita_desktop_ui")
# the network and package-metadata stack: 70 ms of a start, for nothing an export does
NOT_LOADED = ("ssl", "http.client", "urllib.request", "email.message", "importlib.metadata")


@pytest.mark.parametrize("options", [[], ["--round", "6"], ["--document", "results"]])
def test_a_pdf_export_loads_only_what_it_uses(tmp_path: Path, options: list[str]) -> None:
    repo, _ = trang(tmp_path / "t.sqlite", measures=1)
    repo.close()
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            EXPORT,
            str(tmp_path / "t.sqlite"),
            str(tmp_path / "t.pdf"),
            *options,
        ],
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
    assert not set(result["modules"]) & set(NOT_LOADED)
    # the shared dictionary trie serves every segmenter: pythainlp's own is never built
    assert result["default_trie"] == 0
