"""The export stack is warmed up in the background after start."""

from __future__ import annotations


def test_export_warm_up_runs_in_the_background(qtbot, monkeypatch) -> None:
    from ita_desktop.services import export
    from ita_desktop_ui import app, tasks

    calls = []
    monkeypatch.setattr(export, "warm_up", lambda: calls.append("warm"))
    app._warm_up_exports()
    qtbot.waitUntil(lambda: calls == ["warm"] and not tasks._running, timeout=60000)
