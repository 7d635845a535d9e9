#!/usr/bin/env python3
"""Validate every gazetteers/*.tsv file against the format in gazetteers/README.md (version 1).

    python3 gazetteers/build/check.py [DIR]        (default: the gazetteers/ folder)

Prints `path:line: message` for each problem and exits 1 if there is any.
Checks: UTF-8, LF line ends, header of the file's kind, column count, id syntax, ids unique across all
files, entity types, alias prefixes, attribute keys and values, attribute ids that must exist (country,
capital, place), offices' person/country ids, roles and dates, titles' roles and countries.
"""
import os
import re
import sys

ENTITY_HEADER = ["id", "type", "name", "aliases", "attrs"]
OFFICES_HEADER = ["person", "country", "role", "start", "end", "office"]
TITLES_HEADER = ["title", "role", "country"]
TYPES = {"PERSON", "COUNTRY", "CITY", "REGION", "ORGANIZATION", "EVENT"}
ROLES = {"head_of_state", "head_of_government", "foreign_minister", "deputy_head_of_government", "defence_minister",
         "minister", "other"}
ATTR_KEYS = {"given", "patronymic", "surname", "gender", "country", "capital", "place", "date", "src"}
ID_RE = re.compile(r"^(wikidata:Q[1-9][0-9]*|ng:[a-z]+:[a-z0-9-]+)$")
DATE_RE = re.compile(r"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$")
ALIAS_RE = re.compile(r"^(\?=|\?~|\?|=|~)?([^?=~|\t;].*)$")
ATTR_ID_TYPES = {"country": {"COUNTRY"}, "capital": {"CITY"}, "place": {"CITY", "REGION", "COUNTRY"}}

problems = []


def problem(path, line, msg):
    problems.append(f"{path}:{line}: {msg}")


def read_lines(path):
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        problem(path, 1, f"not UTF-8: {e}")
        return []
    if "\r" in text:
        problem(path, text[:text.index("\r")].count("\n") + 1, "CR found: line ends must be LF")
    if text and not text.endswith("\n"):
        problem(path, text.count("\n") + 1, "last line does not end with LF")
    out = []
    for i, line in enumerate(text.split("\n")[:-1] if text.endswith("\n") else text.split("\n"), 1):
        if not line.strip() or line.startswith("#"):
            continue
        out.append((i, line))
    return out


def kind_of(name):
    return {"offices.tsv": "offices", "titles.tsv": "titles"}.get(name, "entities")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    files = sorted(f for f in os.listdir(root) if f.endswith(".tsv"))
    if not files:
        problem(root, 0, "no *.tsv files")
    entities = {}        # id -> (type, path, line)
    pending_refs = []    # (path, line, key, id)
    offices, titles = [], []
    for fname in files:
        path = os.path.join(root, fname)
        lines = read_lines(path)
        kind = kind_of(fname)
        want = {"entities": ENTITY_HEADER, "offices": OFFICES_HEADER, "titles": TITLES_HEADER}[kind]
        if not lines:
            problem(path, 1, "no header")
            continue
        hl, header = lines[0]
        if header.split("\t") != want:
            problem(path, hl, f"header must be {'<TAB>'.join(want)!r}, found {header!r}")
            continue
        for ln, line in lines[1:]:
            cols = line.split("\t")
            if len(cols) != len(want):
                problem(path, ln, f"{len(cols)} columns, expected {len(want)}")
                continue
            if any(c != c.strip() for c in cols):
                problem(path, ln, "leading or trailing whitespace in a field")
            if kind == "entities":
                check_entity(path, ln, cols, entities, pending_refs)
            elif kind == "offices":
                offices.append((path, ln, cols))
            else:
                titles.append((path, ln, cols))
    for path, ln, key, ref in pending_refs:
        if ref not in entities:
            problem(path, ln, f"{key}={ref}: no such id")
        elif entities[ref][0] not in ATTR_ID_TYPES[key]:
            problem(path, ln, f"{key}={ref}: is a {entities[ref][0]}, expected {'/'.join(sorted(ATTR_ID_TYPES[key]))}")
    for path, ln, cols in offices:
        person, country, role, start, end, office = cols
        # An organisation's office (the UN's secretary-general) has the organisation in the
        # country column, with role `other` (gazetteers/README.md, offices.tsv).
        owner = {"COUNTRY", "ORGANIZATION"} if role == "other" else {"COUNTRY"}
        for what, v, types in (("person", person, {"PERSON"}), ("country", country, owner)):
            if not ID_RE.match(v):
                problem(path, ln, f"bad {what} id {v!r}")
            elif v not in entities:
                problem(path, ln, f"{what} {v}: no such id")
            elif entities[v][0] not in types:
                problem(path, ln, f"{what} {v}: is a {entities[v][0]}, expected {'/'.join(sorted(types))}")
        if role not in ROLES:
            problem(path, ln, f"unknown role {role!r}")
        if not DATE_RE.match(start):
            problem(path, ln, f"bad start date {start!r}")
        if end and not DATE_RE.match(end):
            problem(path, ln, f"bad end date {end!r}")
        if end and DATE_RE.match(start) and DATE_RE.match(end) and end < start[:len(end)]:
            problem(path, ln, f"end {end} before start {start}")
        if office and not ID_RE.match(office):
            problem(path, ln, f"bad office id {office!r}")
    for path, ln, cols in titles:
        title, role, country = cols
        if not title:
            problem(path, ln, "empty title")
        if role not in ROLES:
            problem(path, ln, f"unknown role {role!r}")
        if country:
            if country not in entities:
                problem(path, ln, f"country {country}: no such id")
            elif entities[country][0] != "COUNTRY" and not (role == "other" and entities[country][0] == "ORGANIZATION"):
                problem(path, ln, f"country {country}: is a {entities[country][0]}")
    for p in problems:
        print(p)
    if problems:
        print(f"{len(problems)} problem(s)", file=sys.stderr)
        sys.exit(1)
    print(f"ok: {len(files)} files, {len(entities)} entities, {len(offices)} office terms, {len(titles)} titles",
          file=sys.stderr)


def check_entity(path, ln, cols, entities, pending_refs):
    eid, typ, name, aliases, attrs = cols
    if not ID_RE.match(eid):
        problem(path, ln, f"bad id {eid!r} (wikidata:Q<digits> or ng:<kind>:<slug>)")
    elif eid in entities:
        t, p2, l2 = entities[eid]
        problem(path, ln, f"duplicate id {eid} (first at {p2}:{l2})")
    else:
        entities[eid] = (typ, path, ln)
    if typ not in TYPES:
        problem(path, ln, f"unknown type {typ!r}")
    if not name:
        problem(path, ln, "empty name")
    elif name[0] in "?=~" or "|" in name or ";" in name:
        problem(path, ln, f"bad name {name!r}")
    if aliases:
        for a in aliases.split("|"):
            if not a or not ALIAS_RE.match(a):
                problem(path, ln, f"bad alias {a!r}")
    if attrs:
        seen = set()
        for kv in attrs.split(";"):
            if "=" not in kv:
                problem(path, ln, f"attribute without '=': {kv!r}")
                continue
            k, v = kv.split("=", 1)
            if k not in ATTR_KEYS:
                problem(path, ln, f"unknown attribute key {k!r}")
                continue
            if k in seen:
                problem(path, ln, f"attribute {k} given twice")
            seen.add(k)
            if not v:
                problem(path, ln, f"empty value for {k}")
            elif k == "gender" and v not in ("m", "f"):
                problem(path, ln, f"gender must be m or f, not {v!r}")
            elif k == "date" and not DATE_RE.match(v):
                problem(path, ln, f"bad date {v!r}")
            elif k in ATTR_ID_TYPES:
                if not ID_RE.match(v):
                    problem(path, ln, f"{k}: bad id {v!r}")
                else:
                    pending_refs.append((path, ln, k, v))
            elif k in ("given", "patronymic", "surname") and typ != "PERSON":
                problem(path, ln, f"{k} on a {typ}")


if __name__ == "__main__":
    main()
