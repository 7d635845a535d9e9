"""regions.tsv: first-level subdivisions from shared/data/regions/regions.csv (QIDs and Russian names)
for Russia, the other CIS/CSTO/SCO neighbours, the US, Canada, Germany, China (with Hong Kong and
Macao), India, Japan, Brazil, Italy, Australia; Spain's autonomous communities and Bali (hand-selected keys; the
UK nations are COUNTRY rows, see countries.py); plus the STATE_OR_PROVINCE entities NEREL train links
to QIDs that regions.csv does not have.

* Russian name: hand/regions.tsv, else regions.csv name_ru; rows without one are skipped.
* A region whose name is also a city or country name is renamed «штат X» (US, Brazil, Australia),
  «провинция X» (Canada: «провинция Квебек») or «префектура X» (Japan), or skipped elsewhere (Italian and Spanish provinces named like their
  capitals). A one-word name that is also a common word (common.word_ambiguity) gets a '?' alias
  (the name needs evidence); where the type word is not one newsgraph takes as evidence
  (READER_TYPE_WORDS: «провинция», «префектура» are not) it is renamed instead («провинция
  Альберта»). «штат Вирджиния» would make the type word part of the mention, which NEREL leaves out
  («штат [Вирджиния]»): «Вирджиния» with '?Вирджиния' is found after «штат», «штата», «штате».
* Rows marked '=city' in the hand list (Москва, Киев, Минск, Ереван, Берлин, Пекин, Токио …) are
  cities: their QID is handed to the city of that name and no region row is written.
"""
import csv
import os
import re

from common import Entity, HAND, norm, read_hand, word_ambiguity

INCLUDE_ALL = {"RU", "UA", "BY", "KZ", "KG", "TJ", "UZ", "TM", "AM", "GE", "US", "CA", "DE", "CN", "IN",
               "JP", "BR", "IT", "AU"}
INCLUDE_HAND_ONLY = {"GB", "ES", "ID"}
TYPE_WORD = {"US": "штат", "BR": "штат", "AU": "штат", "JP": "префектура", "CA": "провинция", "CN": "провинция"}
# type words that newsgraph accepts as evidence before a '?' name (src/stages/entities.rs TYPE_WORDS)
READER_TYPE_WORDS = {"штат", "область", "республика"}


def load_rows(shared):
    with open(os.path.join(shared, "data", "regions", "regions.csv"), encoding="utf-8") as f:
        return list(csv.DictReader(f))


def planned_names(shared):
    """norm() of the short forms in the hand list («Алтай», «Кубань», «Якутия» …): a non-capital city
    of the same name is dropped in cities.py. regions.csv names are not used here: Japanese, Brazilian,
    Italian … regions are named like their capitals, and the city wins there."""
    out = set()
    for k, h in {r["key"]: r for r in read_hand(os.path.join(HAND, "regions.tsv"))}.items():
        if h["name"] in ("-", "=city"):
            continue
        for a in (h.get("aliases") or "").split("|"):
            if a:
                out.add(norm(re.sub(r"^[?=~]+", "", a)))
    return out


def planned_qids(shared):
    """QIDs of the regions.csv rows that regions.tsv will use (cities.py leaves them alone)."""
    hand = {r["key"]: r for r in read_hand(os.path.join(HAND, "regions.tsv"))}
    out = set()
    for r in load_rows(shared):
        h = hand.get(r["key"])
        if r["country_code"] not in INCLUDE_ALL and not (r["country_code"] in INCLUDE_HAND_ONLY and h):
            continue
        if h and h["name"] in ("-", "=city"):
            continue
        out.add(r["wikidata"])
    return out


def build(shared, links, nerel_mod, iso2id, taken_ids, taken_names, report):
    """taken_ids: ids already used; taken_names: norm(name) of countries and cities.

    Returns (entities, city_qids) where city_qids maps (iso2, norm(city name)) -> QID."""
    rows = load_rows(shared)
    hand = {r["key"]: r for r in read_hand(os.path.join(HAND, "regions.tsv"))}
    nreg = nerel_mod.by_qid(links, {"STATE_OR_PROVINCE"})
    ents, city_qids = [], {}
    used = set(taken_ids)
    names_used = set()
    skipped = {"no_name": 0, "qid_taken": [], "name_collision": []}
    for r in sorted(rows, key=lambda r: r["key"]):
        cc, key, qid = r["country_code"], r["key"], r["wikidata"]
        h = hand.get(key)
        if cc not in INCLUDE_ALL and not (cc in INCLUDE_HAND_ONLY and h):
            continue
        h = h or {}
        hname = h.get("name", "")
        if hname == "-":
            continue
        if hname == "=city":
            city_qids[(cc, norm(h.get("note") or r["name_ru"]))] = qid
            continue
        name = hname or r["name_ru"]
        if not name:
            skipped["no_name"] += 1
            continue
        eid = f"wikidata:{qid}"
        if eid in used:
            skipped["qid_taken"].append(f"{key} {name}")
            continue
        aliases = [a for a in (h.get("aliases") or "").split("|") if a]
        amb = word_ambiguity(name) if " " not in name and not hname else ""
        collides = norm(name) in taken_names or norm(name) in names_used
        if collides or amb:
            if amb == "?" and not collides and TYPE_WORD.get(cc, "штат") in READER_TYPE_WORDS:
                aliases.insert(0, "?" + name)
            elif cc in TYPE_WORD:
                name = f"{TYPE_WORD[cc]} {name}"
            else:
                skipped["name_collision"].append(f"{key} {name}")
                continue
        if qid in nreg:
            canon = nerel_mod.best(nreg[qid]["canon"])
            if canon and canon[0].isupper() and norm(canon) not in taken_names and "," not in canon:
                aliases.append(canon)
        country = iso2id.get(cc, "")
        if h.get("country") == "-":
            country = ""
        e = Entity(eid, "REGION", name, aliases,
                   {"country": country, "src": "regions.csv" + ("+hand" if hname or h.get("aliases") else "")})
        ents.append(e)
        used.add(eid)
        names_used.add(norm(name))

    # NEREL train STATE_OR_PROVINCE QIDs that regions.csv lacks
    nerel_added = 0
    for qid in sorted(nreg, key=lambda q: (-sum(nreg[q]["types"].values()), q)):
        eid = f"wikidata:{qid}"
        h = hand.get(qid, {})
        canon = h.get("name") or nerel_mod.best(nreg[qid]["canon"])
        if eid in used or not canon or canon == "-":
            continue
        if not h and not re.match(r"^[А-ЯЁ][А-ЯЁа-яё’ -]*$", canon):
            continue
        if not h and (re.search(r"(ский|ской|ская|ское)$", canon) or norm(canon) in taken_names
                      or norm(canon) in names_used or (" " not in canon and word_ambiguity(canon))):
            continue
        aliases = [a for a in (h.get("aliases") or "").split("|") if a]
        country = ""
        if h.get("country") and h["country"] != "-":
            country = iso2id[h["country"]]
        ents.append(Entity(eid, "REGION", canon, aliases, {"country": country, "src": "nerel" + ("+hand" if h else "")}))
        used.add(eid)
        names_used.add(norm(canon))
        nerel_added += 1
    for k, h in hand.items():
        if k.startswith("Q") and f"wikidata:{k}" not in used:
            raise SystemExit(f"hand/regions.tsv:{h['_line']}: {k} is not a NEREL train STATE_OR_PROVINCE QID")
    keys = {r["key"] for r in rows}
    for k, h in hand.items():
        if not k.startswith("Q") and k not in keys:
            raise SystemExit(f"hand/regions.tsv:{h['_line']}: {k} is not a regions.csv key")
    report.update(regions_nerel_added=nerel_added, regions_skipped_no_name=skipped["no_name"],
                  regions_skipped_qid_taken=skipped["qid_taken"], regions_skipped_collision=skipped["name_collision"])
    return ents, city_qids
