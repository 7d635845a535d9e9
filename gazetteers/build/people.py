"""people.tsv and offices.tsv.

people.tsv
  (a) every person holding a head_of_state, head_of_government or foreign_minister term (and Russia's
      deputy heads of government) touching 2000 or later in shared/data/office-holders/holders.csv;
      Russian names and name parts from hand/people_holders.tsv (hand-checked), QIDs from holders.csv;
  (b) hand/people_new.tsv: holders after mid-2022, Germany, gaps; QID only when a source gives it
      (explicit QID found in NEREL train/holders.csv, or the holders.csv English label in column en),
      else ng:person:<slug>;
  (c) every PERSON NEREL train links to a QID, named by the N line's canonical name («Фамилия, Имя
      Отчество» is turned round), or, without one, by its most frequent nominative full-name mention.
      Dropped: lower-case or non-name canonicals («литр», «мать Тереза»), canonicals sharing no word
      with the linked mentions, single first names («Уильям», «Франциск»), and a second QID with the
      same name as a person already listed (the QID with more mentions keeps it: «Дмитрий Песков»).
  Name parts: two words = given surname; three with a patronymic (-вич/-вна/-ична, оглы/кызы) in the
  middle = given patronymic surname; hand rows give them explicitly otherwise. For (c) the surname is
  only given when NEREL shows the person named by the surname alone and no other person in the file
  has that surname, and it is not also a place name (so that «Попов» alone does not fire); without
  name parts, a «Имя Фамилия» alias is listed for three-part Russian names.
offices.tsv
  holders.csv terms of the people in (a) for the four roles (end < start swapped: 4 rows; the
  Wikidata duplicate Q9318440 dropped), then hand/offices.tsv ("open" closes a term left open in
  the snapshot; other rows add terms). In presidential systems (offices.csv lists a head of state
  and no separate head-of-government office) each head-of-state term is also a head-of-government
  term.
"""
import collections
import csv
import os
import re

from common import Entity, HAND, morph, norm, read_hand, slug

KEY_ROLES = ("head_of_state", "head_of_government", "foreign_minister")
ROLE_ORDER = {r: i for i, r in enumerate(["head_of_state", "head_of_government", "foreign_minister",
                                          "deputy_head_of_government", "defence_minister", "minister",
                                          "other"])}
DROP_PERSONS = {"Q9318440"}          # Wikidata duplicate of Dendeviin Terbishdagva (Q23061846)
HOME_COUNTRY = {"Q9682": "GB", "Q43274": "GB"}
PATRONYMIC = re.compile(r"(вич|вна|ична|инична)$")
PARTICLES = {"де", "ди", "да", "дель", "делла", "ван", "фон", "цу", "ибн", "бин", "бен", "ла", "ле",
             "дос", "душ", "ду", "аль", "эль", "оглы", "кызы", "д’", "эд", "ас", "ат"}


def _holders(shared):
    with open(os.path.join(shared, "data", "office-holders", "holders.csv"), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def key_rows(rows):
    out = []
    for r in rows:
        if r["person_qid"] in DROP_PERSONS:
            continue
        if not (r["role"] in KEY_ROLES or (r["role"] == "deputy_head_of_government" and r["country_qid"] == "Q159")):
            continue
        if r["end"] and r["end"] < "2000":
            continue
        out.append(r)
    return out


def split_name(name):
    """Default name parts: (given, patronymic, surname) or None."""
    t = name.split(" ")
    if len(t) == 2:
        return t[0], "", t[1]
    if len(t) == 3 and PATRONYMIC.search(t[1]):
        return t[0], t[1], t[2]
    if len(t) == 4 and t[2] in ("оглы", "кызы"):
        return t[0], f"{t[1]} {t[2]}", t[3]
    return None


def gender_of(given, patronymic, surname):
    if patronymic:
        if re.search(r"(вна|чна|кызы)$", patronymic):
            return "f"
        if re.search(r"(вич|оглы)$", patronymic):
            return "m"
    if given:
        g = set()
        for p in morph().parse(given.split(" ")[0].lower()):
            if p.is_known and "Name" in p.tag and "nomn" in p.tag and p.score >= 0.1:
                g.add("f" if "femn" in p.tag else "m" if "masc" in p.tag else "")
        g.discard("")
        if len(g) == 1:
            return g.pop()
    if surname and re.search(r"(ова|ева|ёва|ина|ая|ская)$", surname):
        return "f"
    return ""


def flip_comma(canon):
    """«Руснок, Иржи» -> «Иржи Руснок»; «Шварценберг, Карл Филипп цу» -> «Карл Филипп цу Шварценберг».
    A lower-case part after the comma is a title («Уильям, герцог Кембриджский»): keep the first part."""
    if "," not in canon:
        return canon
    a, b = [x.strip() for x in canon.split(",", 1)]
    if not b or b[0].islower():
        return a
    words = b.split(" ")
    tail = []
    while words and words[-1] in PARTICLES:
        tail.insert(0, words.pop())
    return " ".join(words + tail + [a])


NAME_RE = re.compile(r"^[А-ЯЁ][А-ЯЁа-яё’'\-]*(?: (?:[А-ЯЁ][А-ЯЁа-яё’'\-]*|[IVXL]+|" +
                     "|".join(sorted(PARTICLES, key=len, reverse=True)) + r"|аль-[А-ЯЁа-яё\-]+))*$")


def _stem(w):
    return norm(w)[:4]


def compatible(canon, surfaces):
    """Share at least one word (first 4 letters) of 3+ letters with some linked mention."""
    cs = {_stem(w) for w in re.split(r"[ \-]", canon) if len(w) >= 3}
    for s in surfaces:
        for w in re.split(r"[ .\-]", s):
            if len(w) >= 3 and _stem(w) in cs:
                return True
    return False


def choose_canon(info):
    """Among the N-line canonical names of a QID, the one most compatible with its mentions."""
    cands = sorted(info["canon"].items(), key=lambda kv: (-kv[1], kv[0]))
    surfaces = list(info["surface"])
    best, best_score = None, -1
    for c, n in cands:
        c2 = flip_comma(c)
        toks = [_stem(w) for w in c2.split(" ") if len(w) >= 3]
        score = 0
        for s, k in info["surface"].items():
            sw = [w for w in re.split(r"[ .]", s) if len(w) >= 3]
            if sw and all(any(_stem(w) == t for t in toks) for w in sw):
                score += k
        if score > best_score:
            best, best_score = c2, score
    if best is None or not compatible(best, surfaces):
        return None
    return best


def surface_name(info):
    """A full name from the mentions when the N lines give none: most frequent multi-word mention in
    which the first word is a nominative first name and every word is capitalised Cyrillic."""
    m = morph()
    ok = []
    for s, n in info["surface"].items():
        t = s.split(" ")
        if len(t) < 2 or not NAME_RE.match(s) or "." in s:
            continue
        first = [p for p in m.parse(t[0].lower()) if p.is_known and "Name" in p.tag]
        if first and "nomn" in first[0].tag:
            last = m.parse(t[-1].lower())
            if "nomn" in last[0].tag and not re.search(r"(ом|ем|ым|им|ой|ою|ей|у|ю)$", t[-1]):
                ok.append((len(s), -n, s))   # instrumental/dative look-alikes («Че Геварой») left out
    # the nominative is the shortest of the forms («Джимми Хендрикс», not «Джимми Хендрикса»)
    return sorted(ok)[0][2] if ok else None


def build(shared, links, nerel_mod, iso2id, taken_ids, place_names, report):
    rows = _holders(shared)
    krows = key_rows(rows)
    id2iso = {v: k for k, v in iso2id.items()}
    hand_h = {r["id"]: r for r in read_hand(os.path.join(HAND, "people_holders.tsv"))}
    hand_n = read_hand(os.path.join(HAND, "people_new.tsv"))
    nper = nerel_mod.by_qid(links, {"PERSON"})
    all_holder_qids = {r["person_qid"] for r in rows}
    by_label = collections.defaultdict(set)
    for r in rows:
        by_label[r["person_label_en"]].add(r["person_qid"])

    people = {}     # id -> Entity
    hand_id = {}    # hand id -> final id

    def attrs_from(h, name):
        sur = h.get("surname", "")
        if sur == "-":
            return {"gender": h.get("gender") or "m"}
        if h.get("given") or sur or h.get("patronymic"):
            given, patr, sur = h.get("given", ""), h.get("patronymic", ""), sur
        else:
            parts = split_name(name)
            if not parts:
                raise SystemExit(f"hand row {h.get('id')}: give the name parts of «{name}»")
            given, patr, sur = parts
        return {"given": given, "patronymic": patr, "surname": sur, "gender": h.get("gender") or "m"}

    # (a) office holders
    countries_of = collections.defaultdict(collections.Counter)
    for r in krows:
        countries_of[r["person_qid"]][r["country_qid"]] += 1
    for qid in sorted(countries_of):
        h = hand_h.get(qid)
        if not h:
            raise SystemExit(f"hand/people_holders.tsv: no Russian name for {qid}")
        name = h["name"]
        attrs = attrs_from(h, name)
        cq = countries_of[qid]
        iso = HOME_COUNTRY.get(qid) or id2iso.get(f"wikidata:{sorted(cq.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]}")
        attrs["country"] = iso2id.get(iso, "")
        attrs["src"] = "holders+hand"
        aliases = [a for a in h.get("aliases", "").split("|") if a]
        if qid in nper:
            canon = choose_canon(nper[qid])
            if canon and norm(canon) != norm(name) and canon.split(" ")[0] == name.split(" ")[0] \
                    and NAME_RE.match(canon):
                aliases.append(canon)
            attrs["src"] = "holders+nerel+hand"
        people[f"wikidata:{qid}"] = Entity(f"wikidata:{qid}", "PERSON", name, aliases, attrs)
        hand_id[qid] = f"wikidata:{qid}"
    unused = set(hand_h) - set(countries_of)
    if unused:
        raise SystemExit(f"hand/people_holders.tsv: rows for people without a key office: {sorted(unused)}")

    # (b) hand additions
    for h in hand_n:
        hid, name = h["id"], h["name"]
        qid = None
        if hid.startswith("Q"):
            if hid not in nper and hid not in all_holder_qids:
                raise SystemExit(f"hand/people_new.tsv:{h['_line']}: {hid} is in neither NEREL train nor holders.csv")
            qid = hid
        elif h.get("en"):
            q = by_label.get(h["en"], set())
            if len(q) != 1:
                raise SystemExit(f"hand/people_new.tsv:{h['_line']}: label {h['en']!r} gives {sorted(q)}")
            qid = q.pop()
        eid = f"wikidata:{qid}" if qid else hid
        if not re.match(r"^ng:person:[a-z0-9-]+$", eid) and not eid.startswith("wikidata:"):
            raise SystemExit(f"hand/people_new.tsv:{h['_line']}: bad id {hid}")
        attrs = attrs_from(h, name)
        attrs["country"] = iso2id[h["country"]]
        attrs["src"] = "hand"
        aliases = [a for a in h.get("aliases", "").split("|") if a]
        if eid in people:
            raise SystemExit(f"hand/people_new.tsv:{h['_line']}: {eid} already listed")
        people[eid] = Entity(eid, "PERSON", name, aliases, attrs)
        hand_id[hid] = eid

    # (c) NEREL train persons
    dropped = collections.Counter()
    known_names = set()
    for e in people.values():
        known_names.add(norm(e.name))
        known_names |= {norm(a) for a in e.aliases}
    nerel_people = []
    for qid in sorted(nper, key=lambda q: (-sum(nper[q]["types"].values()), q)):
        eid = f"wikidata:{qid}"
        if eid in people:
            continue
        if eid in taken_ids:
            dropped["qid_used_elsewhere"] += 1
            continue
        info = nper[qid]
        name = choose_canon(info) if info["canon"] else None
        src = "nerel"
        if name is None and not info["canon"]:
            name = surface_name(info)
            src = "nerel-mention"
        if not name:
            dropped["no_usable_name"] += 1
            continue
        name = name.replace("'", "’")
        if not NAME_RE.match(name):
            dropped["not_a_name"] += 1
            continue
        toks = name.split(" ")
        if len(toks) == 1:
            ps = [p for p in morph().parse(name.lower()) if p.is_known]
            if any("Name" in p.tag for p in ps) or any(not {"Surn", "Name", "Patr", "Geox"} & set(p.tag.grammemes) for p in ps):
                dropped["single_first_name_or_word"] += 1
                continue
        if norm(name) in known_names:
            dropped["same_name_as_listed_person"] += 1
            continue
        known_names.add(norm(name))
        nerel_people.append((qid, name, src, info))

    # NEREL train persons in a political profession: their country (WORKPLACE, ORIGINS_FROM or
    # a country inside the profession), so that the event extractor knows them as public figures.
    political = nerel_mod.political_countries(shared)
    country_ids = set(iso2id.values())
    report["people_nerel_political"] = 0

    surname_count = collections.Counter()
    for e in people.values():
        if e.attrs.get("surname"):
            surname_count[norm(e.attrs["surname"])] += 1
    parsed = []
    for qid, name, src, info in nerel_people:
        parts = split_name(name)
        given = patr = sur = ""
        toks = name.split(" ")
        if parts:
            given, patr, sur = parts
        elif len(toks) >= 3 and not re.search(r"[IVXL]$", name):
            given = toks[0]
            sur = toks[-1]
        if sur:
            surname_count[norm(sur)] += 1
        parsed.append((qid, name, src, info, given, patr, sur))
    for qid, name, src, info, given, patr, sur in parsed:
        alone = {norm(s) for s in info["surface"] if " " not in s.strip()}
        keep_sur = bool(sur) and surname_count[norm(sur)] == 1 and norm(sur) not in place_names and \
            any(a.startswith(norm(sur)[:max(3, len(sur) - 2)]) for a in alone)
        attrs = {"given": given if keep_sur or patr else "", "patronymic": patr if keep_sur else "",
                 "surname": sur if keep_sur else "", "gender": gender_of(given, patr, sur) if given else "",
                 "src": src}
        countries = collections.Counter({c: n for c, n in political.get(qid, {}).items()
                                         if f"wikidata:{c}" in country_ids})
        if countries:
            attrs = {k: v for k, v in attrs.items() if k != "src"}
            attrs["country"] = f"wikidata:{nerel_mod.best(countries)}"
            attrs["src"] = src
            report["people_nerel_political"] += 1
        aliases = []
        if not keep_sur:
            attrs["given"] = attrs["patronymic"] = ""
            if given and sur and patr:
                aliases.append(f"{given} {sur}")   # not derived without name parts
        e = Entity(f"wikidata:{qid}", "PERSON", name, aliases, attrs)
        e.mentions = sum(info["types"].values())
        people[e.id] = e
    # a «Имя Фамилия» alias may equal another NEREL person's name: the one with more mentions keeps it
    owner = {}
    for e in people.values():
        for form in [e.name] + e.aliases:
            k = norm(form)
            if k not in owner or getattr(e, "mentions", 10**9) > getattr(owner[k], "mentions", 10**9):
                owner[k] = e
    for e in list(people.values()):
        if not hasattr(e, "mentions"):
            continue
        e.aliases = [a for a in e.aliases if owner[norm(a)] is e]
        if owner[norm(e.name)] is not e:
            del people[e.id]
            dropped["name_is_alias_of_more_frequent_person"] += 1
    report["people_nerel_dropped"] = dict(dropped)
    report["people_nerel_added"] = len(parsed)
    return list(people.values()), hand_id


def build_offices(shared, iso2id, hand_id, people_ids, report):
    rows = key_rows(_holders(shared))
    terms = []
    seen = set()
    swapped = 0
    for r in rows:
        pid = f"wikidata:{r['person_qid']}"
        cid = f"wikidata:{r['country_qid']}"
        start, end = r["start"], r["end"]
        if end and end < start:
            start, end = end, start
            swapped += 1
        key = (pid, cid, r["role"], start, end, r["office_qid"])
        if key in seen:
            continue
        seen.add(key)
        terms.append({"person": pid, "country": cid, "role": r["role"], "start": start, "end": end,
                      "office": f"wikidata:{r['office_qid']}", "src": "holders"})
    hand = read_hand(os.path.join(HAND, "offices.tsv"))
    added = closed = 0
    for h in hand:
        pid = hand_id.get(h["person"])
        if not pid:
            raise SystemExit(f"hand/offices.tsv:{h['_line']}: unknown person {h['person']}")
        # a country (ISO alpha-2) or an organisation's id (the UN's Secretary-General)
        cid = h["country"] if ":" in h["country"] else iso2id[h["country"]]
        if h["start"] == "open":
            open_terms = [t for t in terms if t["person"] == pid and t["country"] == cid
                          and t["role"] == h["role"] and not t["end"]]
            if len(open_terms) != 1:
                raise SystemExit(f"hand/offices.tsv:{h['_line']}: {len(open_terms)} open terms for {pid} {h['role']}")
            open_terms[0]["end"] = h["end"]
            closed += 1
        else:
            terms.append({"person": pid, "country": cid, "role": h["role"], "start": h["start"],
                          "end": h["end"], "office": "", "src": "hand"})
            added += 1
    # Presidential systems: where offices.csv lists no head-of-government office apart from the
    # head of state's, the head of state heads the government («глава правительства США»).
    roles_of = collections.defaultdict(set)
    with open(os.path.join(shared, "data", "office-holders", "offices.csv"), encoding="utf-8") as f:
        for r in csv.DictReader(f):
            roles_of[f"wikidata:{r['country_qid']}"].add(r["role"])
    presidential = {c for c, rs in roles_of.items()
                    if "head_of_state" in rs and "head_of_government" not in rs}
    joint = [dict(t, role="head_of_government") for t in terms
             if t["role"] == "head_of_state" and t["country"] in presidential]
    terms.extend(joint)
    for t in terms:
        if t["person"] not in people_ids:
            raise SystemExit(f"offices: person {t['person']} not in people.tsv")
    terms.sort(key=lambda t: (t["country"], ROLE_ORDER[t["role"]], t["start"], t["person"], t["end"], t["office"]))
    report.update(offices_holders=len(terms) - added - len(joint), offices_hand_added=added,
                  offices_hand_closed=closed, offices_swapped_dates=swapped,
                  offices_presidential_joint=len(joint))
    return terms
