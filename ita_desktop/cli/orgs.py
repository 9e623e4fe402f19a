"""`orgs`: the organisations of a database with their ids and fiscal years."""

from __future__ import annotations

import argparse

from ita_desktop.cli.common import add_db_argument, open_repository, print_json, say


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    p = sub.add_parser("orgs", help="รายชื่อหน่วยงานในฐานข้อมูล พร้อมรหัสและปีงบประมาณ")
    add_db_argument(p)
    p.add_argument("--json", action="store_true", help="พิมพ์ผลเป็น JSON")
    p.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from ita_desktop.services.organizations import list_organizations

    db = open_repository(args.db)
    try:
        listed = list_organizations(db)
    finally:
        db.close()
    if args.json:
        print_json(
            [
                {
                    "id": org.id,
                    "name": org.name,
                    "kind": org.kind,
                    "district": org.district,
                    "province": org.province,
                    "years": years,
                }
                for org, years in listed
            ]
        )
        return 0
    if not listed:
        say("ยังไม่มีหน่วยงานในฐานข้อมูลนี้")
    for org, years in listed:
        where = f" จังหวัด{org.province}" if org.province else ""
        kind = f" ({org.kind}{where})" if org.kind or where else ""
        years_text = ", ".join(str(y) for y in years) or "ยังไม่มี"
        say(f"{org.id}. {org.name}{kind} — ปีงบประมาณ: {years_text}")
    return 0
