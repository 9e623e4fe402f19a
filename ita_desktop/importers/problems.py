"""The one message an import gives when it is refused: every problem found, each on a line."""

from __future__ import annotations

from collections.abc import Sequence

from ita_desktop.errors import shown

MAX_SHOWN = 50  # problems listed in the message; the count says how many more there are


def refused_message(name: str, lines: Sequence[str]) -> str:
    """ "ไฟล์ X นำเข้าไม่ได้ พบปัญหา N รายการ …" followed by up to MAX_SHOWN of the lines."""
    listed = [f"- {line}" for line in lines[:MAX_SHOWN]]
    if len(lines) > MAX_SHOWN:
        listed.append(f"… และอีก {len(lines) - MAX_SHOWN} รายการ")
    head = f"ไฟล์ {shown(name)} นำเข้าไม่ได้ พบปัญหา {len(lines)} รายการ (ยังไม่ได้บันทึกข้อมูลใด ๆ):"
    return "\n".join([head, *listed])
