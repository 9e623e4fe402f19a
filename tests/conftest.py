"""Test isolation: offscreen Qt, a private data folder per test, a shared demo database copy."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "userdata"
    data.mkdir()
    monkeypatch.setenv("ITA_DESKTOP_DATA_DIR", str(data))
    return data


@pytest.fixture(scope="session")
def _demo_master(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from ita_desktop.demo.builder import build_demo

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    build_demo(path).close()
    return path


@pytest.fixture
def demo_db(_demo_master: Path, tmp_path: Path) -> Path:
    """A private copy of the demo database (built once per session)."""
    target = tmp_path / "demo.sqlite"
    shutil.copy(_demo_master, target)
    return target
