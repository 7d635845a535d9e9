"""organizations.tsv, events.tsv, titles.tsv.

organizations.tsv
  * hand/organizations.tsv (international and state bodies; QIDs only from NEREL train);
  * every ORGANIZATION NEREL train links to a QID, named by the N line's canonical name. Dropped:
    canonicals starting with a lower-case letter (generic class labels: «правительство»,
    «прокуратура», «министерство внутренних дел»), a short list of capitalised generic class items
    (GENERIC below), canonicals of one or two letters, person names («Юлий Теодорович Дунский»),
    canonicals that equal a country, city, region or person name («Барселона» the club vs the city),
    and a canonical already used by a hand row or by a QID with more mentions («Белый дом», «ЦСКА»).
  * extra aliases from the NEREL mentions: abbreviations written in capitals (2–6 letters), seen at
    least twice for that QID and for no other QID, and not equal to any other entity's name or alias
    (ФСБ, КПРФ, …); written with '=' (exact). So are names in Latin letters («Reuters» of
    «Рейтер»), seen at least twice for that QID and for no other, and an organisation in at least
    four in five linked mentions with that text.
events.tsv: hand/events.tsv; place ids resolved to cities.tsv ids.
titles.tsv: hand/titles.tsv; country codes resolved to countries.tsv ids.
"""
import collections
import os
import re

from common import Entity, HAND, norm, read_hand

GENERIC = {
    "Q20901295",   # «Министерство иностранных дел» (any country's ministry)
    "Q495430",     # «Генеральный штаб» (generic)
    "Q3687335",    # «Государственный совет» (no canonical; ambiguous)
    "Q1031255",    # Gas Exporting Countries Forum, linked by NEREL also to «Россия»
    "Q34006",      # Hollywood: a district of Los Angeles (NEREL train mostly DISTRICT), not an organization
    "Q25271",      # International Space Station: a facility (NEREL train: FACILITY 12 times as «МКС», ORG once)
    # Any state's body by its common name: as a row, «Министерство обороны Украины» and «…
    # Франции» were one node; without it `stages::bodies` gives each state's its own id.
    "Q2982160",    # «Министерство обороны»
    "Q1774229",    # «Министерство финансов»
    "Q32766",      # «Конституционный суд»
}
ABBR = re.compile(r"^[А-ЯЁA-Z]{2,6}$")
# A name in Latin letters: words of letters and digits, with «&», «.», «'», «-» inside.
LATIN = re.compile(r"^[A-Za-z][A-Za-z0-9&.'\- ]*[A-Za-z0-9.]$")


def _person_like(name):
    """«Юлий Теодорович Дунский»: NEREL links a few person names to ORGANIZATION items."""
    from common import morph
    t = name.split(" ")
    if not 2 <= len(t) <= 3 or not all(w[:1].isupper() and w.isalpha() for w in t):
        return False
    first = morph().parse(t[0].lower())[0]
    if "Name" not in first.tag or first.score < 0.5:
        return False
    return len(t) == 2 or bool(re.search(r"(вич|вна|ична)$", t[1]))


def build_orgs(shared, links, nerel_mod, iso2id, taken_ids, taken_names, report):
    norg = nerel_mod.by_qid(links, {"ORGANIZATION"})
    hand = read_hand(os.path.join(HAND, "organizations.tsv"))
    ents = {}
    for h in hand:
        hid = h["id"]
        if hid.startswith("Q"):
            if hid not in norg:
                raise SystemExit(f"hand/organizations.tsv:{h['_line']}: {hid} is not a NEREL train ORGANIZATION QID")
            eid = f"wikidata:{hid}"
            name = h["name"] or nerel_mod.best(norg[hid]["canon"])
        else:
            eid, name = hid, h["name"]
        aliases = [a for a in h["aliases"].split("|") if a]
        if hid.startswith("Q"):
            canon = nerel_mod.best(norg[hid]["canon"])
            if canon and canon[0].isupper():
                aliases.append(canon)
        country = iso2id[h["country"]] if h.get("country") else ""
        attrs = {"country": country, "src": "hand"}
        if h.get("seat"):
            attrs["place"] = h["seat"]
        ents[eid] = Entity(eid, "ORGANIZATION", name, aliases, attrs)

    dropped = collections.Counter()
    org_names = set()
    for e in ents.values():
        org_names.add(norm(e.name))
        org_names |= {norm(re.sub(r"^[?=~]+", "", a)) for a in e.aliases}
    for qid in sorted(norg, key=lambda q: (-sum(norg[q]["types"].values()), q)):
        eid = f"wikidata:{qid}"
        if eid in ents:
            continue
        canon = nerel_mod.best(norg[qid]["canon"])
        if not canon:
            dropped["no_canonical"] += 1
            continue
        canon = canon.replace("'", "’")
        if qid in GENERIC:
            dropped["generic"] += 1
        elif not canon[0].isupper() and not canon[0].isdigit():
            dropped["lower_case_generic"] += 1
        elif _person_like(canon):
            dropped["person_name"] += 1
        elif len(canon) <= 2 or eid in taken_ids or norm(canon) in taken_names or "|" in canon or ";" in canon \
                or not canon[-1].isalnum() and canon[-1] not in "»)!":
            dropped["short_or_collision"] += 1
        elif norm(canon) in org_names:
            dropped["same_name_as_listed_org"] += 1   # the hand list or a more frequent QID has it
        else:
            ents[eid] = Entity(eid, "ORGANIZATION", canon, [], {"src": "nerel"})
            org_names.add(norm(canon))
            continue

    # abbreviation aliases from the mentions
    used = set(taken_names)
    for e in ents.values():
        used.add(norm(e.name))
        for a in e.aliases:
            used.add(norm(re.sub(r"^[?=~]+", "", a)))
    added = _surface_aliases(norg, ents, used, ABBR.match)
    # Latin-script names as the mentions write them («Reuters» of «Рейтер», «Associated Press»):
    # seen at least twice for that QID and for no other, and an organisation in at least four in
    # five of all linked mentions with that text (NEREL reads «Facebook» as a PRODUCT as often).
    surface_types = collections.defaultdict(collections.Counter)
    for l in links:
        surface_types[l.surface][l.etype] += 1
    latin = _surface_aliases(
        norg, ents, used, LATIN.match,
        lambda s: surface_types[s]["ORGANIZATION"] >= 0.8 * sum(surface_types[s].values()))
    report.update(orgs_nerel_dropped=dict(dropped), orgs_abbreviation_aliases=added,
                  orgs_latin_aliases=latin)
    return list(ents.values())


def _surface_aliases(norg, ents, used, pattern, accept=lambda s: True):
    """Adds, as exact ('=') aliases, the mention surfaces matching `pattern` that are seen at
    least twice for one QID and for no other, belong to a listed entity, name nothing else
    (`used`, updated) and pass `accept`. Returns how many were added."""
    qids = collections.defaultdict(collections.Counter)
    for qid, info in norg.items():
        for s, n in info["surface"].items():
            if pattern(s):
                qids[s][qid] += n
    added = 0
    for s in sorted(qids):
        q = qids[s]
        if len(q) != 1:
            continue
        qid, n = next(iter(q.items()))
        eid = f"wikidata:{qid}"
        if n < 2 or eid not in ents or norm(s) in used or not accept(s):
            continue
        ents[eid].add_alias("=" + s)
        used.add(norm(s))
        added += 1
    return added


def build_events(city_key_to_id, report):
    out = []
    for h in read_hand(os.path.join(HAND, "events.tsv")):
        place = ""
        if h["place"]:
            place = city_key_to_id.get(h["place"])
            if not place:
                raise SystemExit(f"hand/events.tsv:{h['_line']}: unknown city {h['place']}")
        if h["date"] and not re.match(r"^\d{4}(-\d{2}(-\d{2})?)?$", h["date"]):
            raise SystemExit(f"hand/events.tsv:{h['_line']}: bad date {h['date']}")
        aliases = [a for a in h["aliases"].split("|") if a]
        out.append(Entity(h["id"], "EVENT", h["name"], aliases, {"place": place, "date": h["date"], "src": "hand"}))
    report["events"] = len(out)
    return out


def build_titles(iso2id):
    rows = []
    for h in read_hand(os.path.join(HAND, "titles.tsv")):
        # a country (ISO alpha-2) or an organisation's id («генсек» of the UN)
        c = iso2id[h["country"]] if h["country"] and ":" not in h["country"] else h["country"]
        rows.append((h["title"], h["role"], c))
    rows = sorted(set(rows), key=lambda r: (norm(r[0]), r[0], r[1], r[2]))
    return ["\t".join(r) for r in rows]
