"""Thai file names for exports: the document, its round, the organisation and the fiscal year,
in characters every file system accepts (Windows' forbidden ones removed, length bounded)."""

from __future__ import annotations

import re
import unicodedata

from ita_desktop.documents.bundle import parse_kind

DOCUMENT_NAMES: dict[str, str] = {
    "analysis": "รายงานการวิเคราะห์ผลการประเมิน",  # as its cover and the export choices say
    "measures": "มาตรการส่งเสริมคุณธรรมและความโปร่งใส",
    "results": "รายงานผลการดำเนินการตามมาตรการ",
    "all": "เอกสารการประเมินคุณธรรมและความโปร่งใส",
}
WORKBOOK_NAME = "ตารางข้อมูลการประเมินคุณธรรมและความโปร่งใส"  # Excel: every table in one file
ROUND_NAME = "รอบ_{months}_เดือน"

MAX_CHARS = 120  # the whole name: leaves room for the folder within Windows' 260-character paths
MAX_BYTES = 240  # UTF-8 bytes of the name (Thai takes 3 each): most disks allow 255 per name,
# and the export's temporary file ".<name>.xxxxxxxx.part" adds 15

_FORBIDDEN = re.compile(r'[\\/:*?"<>|]+')  # Windows refuses these in a name (and controls)
_SPACES = re.compile(r"[\s_]+")


def safe_part(text: str) -> str:
    """One part of a file name: NFC, no invisible format characters (zero-width space); forbidden characters, spaces and underscores become one
    "_", none at either end. (The whole name ends with the year and extension, so never with
    the dot or space Windows refuses, and starts with a Thai title, never a device name.)"""
    text = "".join(
        "_" if unicodedata.category(c) == "Cc" else c
        for c in unicodedata.normalize("NFC", text)
        if unicodedata.category(c) != "Cf"
    )
    return _SPACES.sub("_", _FORBIDDEN.sub("_", text)).strip("_")


def _fits(name: str) -> bool:
    return len(name) <= MAX_CHARS and len(name.encode("utf-8")) <= MAX_BYTES


_FOLLOWS = "ะาำๅ"  # vowels written after their consonant: kept with it, like the marks
_LEADS = "เแโใไ"  # vowels written before their consonant: never left at the end


def _cut(text: str, keep: int) -> str:
    """The first `keep` characters or fewer, never splitting a syllable's marks or vowels
    from its letter (ที่ is never cut to ท, เท never to เ)."""
    while 0 < keep < len(text) and (
        unicodedata.category(text[keep]) == "Mn" or text[keep] in _FOLLOWS
    ):
        keep -= 1
    return text[:keep].rstrip(_LEADS).rstrip("_. ")


def export_file_name(
    *,
    document: str,
    organization: str,
    year: int,
    fmt: str = "pdf",
    round_months: int | None = None,
) -> str:
    """E.g. "รายงานการวิเคราะห์ผลการประเมิน_เทศบาลตำบลบ้านใหม่_2568.pdf"; the round follows the document
    ("รายงานผลการดำเนินการตามมาตรการ_รอบ_6_เดือน_…") when given. A long organisation name is
    shortened (at a letter, never inside one) so the whole name fits MAX_CHARS and MAX_BYTES."""
    if fmt == "xlsx":
        title = WORKBOOK_NAME
    else:
        kinds = parse_kind(document)
        title = "_".join(DOCUMENT_NAMES[k] for k in kinds) if kinds else DOCUMENT_NAMES["all"]
    rounds = [ROUND_NAME.format(months=round_months)] if round_months and fmt != "xlsx" else []
    head = [title, *rounds]  # the workbook holds both rounds
    tail = f"_{year}.{fmt}"
    org = safe_part(organization)
    name = "_".join([*head, org]) if org else "_".join(head)
    full, keep = org, len(org)
    while not _fits(name + tail) and keep > 0:
        keep -= 1
        org = _cut(full, keep)
        name = "_".join([*head, org]) if org else "_".join(head)
    return name + tail
