"""What the benchmark reads back from a PDF: pages, size, and the shared quality tools' figures
(../shared/tools/pdf_evenness.py and pdf_thai_check.py, each run as its own process)."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

TOOLS = Path(__file__).resolve().parents[2] / "shared" / "tools"


def page_count(path: Path) -> int:
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", path.read_bytes()))


def tool_figures(tool: str, path: Path, tools: Path = TOOLS) -> dict[str, Any]:
    """The JSON line a shared tool prints for `path`; {} when the tool is not there."""
    script = tools / tool
    if not script.is_file():
        return {}
    done = subprocess.run(
        [sys.executable, str(script), str(path)], capture_output=True, text=True, check=True
    )
    figures: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return figures


def quality(path: Path, tools: Path = TOOLS) -> dict[str, Any]:
    """Evenness (p95 widest extra gap, p95 gap spread in em, share of lines stretched over
    10 %) and the Thai checks (cluster and word cuts at line ends, garbled characters)."""
    even = tool_figures("pdf_evenness.py", path, tools)
    thai = tool_figures("pdf_thai_check.py", path, tools)
    return {
        "gap p95 (em)": even.get("max_gap_em_p95"),
        "spread p95 (em)": even.get("sd_em_p95"),
        "stretched >10%": even.get("stretched_10pct"),
        "cluster cuts": thai.get("cluster_breaks"),
        "word cuts": thai.get("word_breaks"),
        "line joins": thai.get("line_joins"),
        "garbled": thai.get("garbled_chars"),
        "fonts not embedded": thai.get("fonts_not_embedded"),
    }
