#!/usr/bin/env python3
"""Structural check of the gold meeting-event sets (standard library only).

Usage: python3 validate_gold.py [events_dev.jsonl events_holdout.jsonl]
Optional: --qid-sources to also check every QID against holders.csv, regions.csv and NEREL train.
Exit code 1 on any error.
"""
import csv, datetime, glob, json, re, sys
from pathlib import Path

TYPES = {"MEETING", "TALKS", "VISIT", "PHONE_CALL", "INVITATION"}
STATUSES = {"happened", "planned", "cancelled", "hypothetical"}
DATE_RE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
QID_RE = re.compile(r"^Q[1-9]\d*$")

def check_date(s):
    if not isinstance(s, str) or not DATE_RE.match(s):
        return False
    parts = [int(x) for x in s.split("-")] + [1, 1]
    try:
        datetime.date(parts[0], parts[1], parts[2])
    except ValueError:
        return False
    return True

def check_p(p, where, errs, names):
    if not isinstance(p, dict) or set(p) - {"name", "wikidata"} or not isinstance(p.get("name"), str) or not p["name"].strip():
        errs.append(f"{where}: bad entity {p!r}"); return
    q = p.get("wikidata")
    if q is not None and (not isinstance(q, str) or not QID_RE.match(q)):
        errs.append(f"{where}: bad QID {q!r}")
    prev = names.setdefault(p["name"], q)
    if prev != q:
        errs.append(f"{where}: {p['name']!r} has QID {q} here but {prev} elsewhere")

def allowed_qids():
    root = Path("/work/shared/data")
    out = set()
    with open(root / "office-holders/holders.csv", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            out.update({r["person_qid"], r["country_qid"]})
    with open(root / "regions/regions.csv", encoding="utf-8") as f:
        out.update(r["wikidata"] for r in csv.DictReader(f))
    for fn in glob.glob(str(root / "nerel/train/*.ann")):
        for line in open(fn, encoding="utf-8"):
            m = re.match(r"^N\d+\t\S+ \S+ Wikidata:(Q\d+)", line)
            if m:
                out.add(m.group(1))
    return out

def main(argv):
    qid_check = "--qid-sources" in argv
    files = [a for a in argv if not a.startswith("--")] or [
        str(Path(__file__).with_name("events_dev.jsonl")), str(Path(__file__).with_name("events_holdout.jsonl"))]
    errs, ids, names, used_qids = [], set(), {}, set()
    for fn in files:
        for n, line in enumerate(open(fn, encoding="utf-8"), 1):
            w = f"{Path(fn).name}:{n}"
            try:
                r = json.loads(line)
            except json.JSONDecodeError as e:
                errs.append(f"{w}: invalid JSON ({e})"); continue
            if set(r) != {"id", "date", "text", "events", "covers"}:
                errs.append(f"{w}: keys {sorted(r)}")
            if not isinstance(r.get("id"), str) or r["id"] in ids:
                errs.append(f"{w}: missing or duplicate id {r.get('id')!r}")
            ids.add(r.get("id"))
            w = f"{w} ({r.get('id')})"
            if not (isinstance(r.get("date"), str) and len(r["date"]) == 10 and check_date(r["date"])):
                errs.append(f"{w}: publication date must be YYYY-MM-DD")
            if not isinstance(r.get("text"), str) or not r["text"].strip():
                errs.append(f"{w}: empty text")
            if not isinstance(r.get("covers"), list) or not all(isinstance(c, str) for c in r["covers"]):
                errs.append(f"{w}: covers must be a list of strings")
            if not isinstance(r.get("events"), list):
                errs.append(f"{w}: events must be a list"); continue
            for k, e in enumerate(r["events"]):
                we = f"{w} event {k}"
                if not isinstance(e, dict) or set(e) != {"type", "participants", "place", "date", "status"}:
                    errs.append(f"{we}: keys"); continue
                if e["type"] not in TYPES: errs.append(f"{we}: type {e['type']!r}")
                if e["status"] not in STATUSES: errs.append(f"{we}: status {e['status']!r}")
                if e["date"] is not None and not check_date(e["date"]): errs.append(f"{we}: date {e['date']!r}")
                ps = e["participants"]
                if not isinstance(ps, list) or not ps:
                    errs.append(f"{we}: participants must be a non-empty list"); continue
                want = {"VISIT": (1, 1), "INVITATION": (2, 2)}.get(e["type"], (2, 99))
                if not want[0] <= len(ps) <= want[1]:
                    errs.append(f"{we}: {e['type']} with {len(ps)} participants")
                for p in ps + ([e["place"]] if e["place"] is not None else []):
                    check_p(p, we, errs, names)
                    if isinstance(p, dict) and p.get("wikidata"): used_qids.add(p["wikidata"])
                if len({p.get("name") for p in ps if isinstance(p, dict)}) != len(ps):
                    errs.append(f"{we}: repeated participant")
                # tense sanity against the publication date (day precision only)
                if e["date"] and len(e["date"]) == 10 and isinstance(r.get("date"), str):
                    if e["status"] == "happened" and e["date"] > r["date"]:
                        errs.append(f"{we}: happened after publication date")
                    if e["status"] == "planned" and e["date"] < r["date"]:
                        errs.append(f"{we}: planned before publication date")
    if qid_check:
        missing = used_qids - allowed_qids()
        if missing: errs.append(f"QIDs not found in the allowed sources: {sorted(missing)}")
    for e in errs: print("ERROR", e)
    print(f"{len(ids)} passages checked, {len(errs)} errors")
    return 1 if errs else 0

if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
