"""countries.tsv: the 249 ISO 3166-1 countries (pycountry) + a few hand-listed states not in ISO.

Names: hand override (hand/countries.tsv) > CLDR ru territory name (babel) unless it is abbreviated
(«о-в», «Конго - Киншаса», «(САР)») > iso-codes ru translation (pycountry). The other of the two and
the iso-codes official name are added as aliases.
QIDs: office-holders/offices.csv (country_qid, English country name matched to pycountry), then NEREL
train COUNTRY links whose canonical name equals one of the country's Russian names.
A hand name '-' drops an ISO row (Hong Kong and Macao are regions of China, see regions.py).
Hand adjectives must be OpenCorpora dictionary adjectives (adjectives.dictionary_adjective), like the
adjectives of cities and regions; NOT_IN_DICTIONARY lists the checked exceptions.
"""
import csv
import gettext
import os
import re

from common import Entity, HAND, norm, read_hand
from adjectives import dictionary_adjective

# State adjectives that are right but missing from the OpenCorpora dictionary (checked by hand).
NOT_IN_DICTIONARY = {"эмиратский"}

# offices.csv English names that pycountry does not resolve by itself (None = not an ISO country row)
OFFICE_NAME_TO_ISO = {
    "Czech Republic": "CZ", "East Timor": "TL", "Ivory Coast": "CI", "The Bahamas": "BS",
    "The Gambia": "GM", "Republic of Ireland": "IE", "Republic of the Congo": "CG",
    "Democratic Republic of the Congo": "CD", "Federated States of Micronesia": "FM",
    "Cape Verde": "CV", "São Tomé and Príncipe": "ST", "Vatican City": "VA",
    "State of Palestine": "PS", "Turkey": "TR", "United States of America": "US", "Russia": "RU",
    "Brunei": "BN", "Laos": "LA", "Syria": "SY", "Iran": "IR", "North Korea": "KP",
    "South Korea": "KR", "Moldova": "MD", "Tanzania": "TZ", "Vietnam": "VN", "Bolivia": "BO",
    "Venezuela": "VE", "Taiwan": "TW", "Eswatini": "SZ", "North Macedonia": "MK",
    "Kingdom of the Netherlands": None, "Kingdom of Denmark": None,
    "Islamic Emirate of Afghanistan": None, "Islamic Republic of Afghanistan": None,
}


def _clean_cldr(name):
    """CLDR short forms: expand «о-в»/«о-ва», reject «Конго - Киншаса» and «Гонконг (САР)» styles."""
    if not name or " - " in name or "(" in name:
        return None
    name = re.sub(r"\bо-ва\b", "острова", name)
    name = re.sub(r"\bо-в\b", "остров", name)
    return name[0].upper() + name[1:]


def _no_parens(name):
    return name if name and "(" not in name else None


def office_country_qids(shared):
    import pycountry
    by_name = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                by_name.setdefault(v, c.alpha_2)
    out = {}
    path = os.path.join(shared, "data", "office-holders", "offices.csv")
    with open(path, encoding="utf-8") as f:
        for r in csv.DictReader(f):
            name, qid = r["country"], r["country_qid"]
            if name in OFFICE_NAME_TO_ISO:
                a2 = OFFICE_NAME_TO_ISO[name]
            else:
                a2 = by_name.get(name)
            if a2:
                prev = out.get(a2)
                if prev and prev != qid:
                    raise SystemExit(f"offices.csv: two QIDs for {a2}: {prev} {qid}")
                out[a2] = qid
    return out


def regions_csv_qids(shared):
    path = os.path.join(shared, "data", "regions", "regions.csv")
    with open(path, encoding="utf-8") as f:
        return {r["wikidata"] for r in csv.DictReader(f)}


def _adjectives(h):
    adjs = [a for a in (h.get("adjectives") or "").split("|") if a]
    for a in adjs:
        if a not in NOT_IN_DICTIONARY and not dictionary_adjective(a):
            raise SystemExit(f"hand/countries.tsv:{h['_line']}: {a!r} is not an OpenCorpora adjective")
    return adjs


def all_office_qids(shared):
    path = os.path.join(shared, "data", "office-holders", "offices.csv")
    with open(path, encoding="utf-8") as f:
        return {r["country_qid"] for r in csv.DictReader(f)}


# English country names that are mostly something else in a Latin quote: given names, US states,
# English words.
ENGLISH_STOP = {"Chad", "Jordan", "Georgia", "Guinea", "Turkey", "Niger", "Jersey", "Dominica",
                "Israel"}


def _english(c, cldr_en, h):
    """The English names of an ISO country (CLDR short name, ISO name, ISO common name), for
    countries named in Latin script inside Russian text («France», «Russia»). Parenthesised and
    comma forms («Korea, Republic of») are left out."""
    out = set()
    for n in [cldr_en, c.name, getattr(c, "common_name", None)]:
        if n and re.fullmatch(r"[A-Z][A-Za-z .'-]+", n) and n not in ENGLISH_STOP and len(n) >= 4:
            out.add(n)
    if h.get("name") == "-":
        return []
    return sorted(out)


def build(shared, links, nerel_mod):
    import pycountry
    from babel import Locale

    ru = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"])
    cldr = Locale("ru").territories
    en = Locale("en").territories
    hand = {r["key"]: r for r in read_hand(os.path.join(HAND, "countries.tsv"))}
    off = office_country_qids(shared)
    off_all = all_office_qids(shared)
    reg_all = regions_csv_qids(shared)
    nerel_c = nerel_mod.by_qid(links, {"COUNTRY"})

    ents, iso2id = [], {}
    names_of = {}
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_2):
        a2 = c.alpha_2
        iso_name = re.sub(r"\s+", " ", ru.gettext(c.name)).replace("\u0301", "")
        official = getattr(c, "official_name", None)
        iso_off = ru.gettext(official).replace("\u0301", "") if official else None
        if iso_off == official:       # untranslated
            iso_off = None
        cl = _clean_cldr(cldr.get(a2))
        h = hand.get(a2, {})
        if h.get("name") == "-":
            continue
        name = h.get("name") or cl or _no_parens(iso_name) or _no_parens(iso_off) or iso_name
        aliases = [a for a in (h.get("aliases") or "").split("|") if a]
        for a in [cl, iso_name, iso_off]:
            if a and "(" not in a:
                aliases.append(a)
        aliases += ["=" + n for n in _english(c, en.get(a2), h)]
        adjs = _adjectives(h)
        names_of[a2] = [name] + [re.sub(r"^[?=~]+", "", a) for a in aliases]
        src = "pycountry+cldr" + ("+hand" if h else "")
        ents.append([a2, name, aliases, adjs, src])

    # QIDs: offices.csv first, then NEREL train canonical names
    qid_of = dict(off)
    used = set(qid_of.values())
    keys = {norm(n): a2 for a2, ns in names_of.items() for n in ns}
    for qid in sorted(nerel_c):
        canon = nerel_mod.best(nerel_c[qid]["canon"])
        if not canon:
            continue
        a2 = keys.get(norm(canon))
        if a2 and a2 not in qid_of and qid not in used:
            qid_of[a2] = qid
            used.add(qid)
    # NEREL canonical names of matched QIDs become aliases (e.g. «Китайская Народная Республика»)
    out = []
    for a2, name, aliases, adjs, src in ents:
        qid = qid_of.get(a2)
        if qid and qid in nerel_c:
            canon = nerel_mod.best(nerel_c[qid]["canon"])
            if canon and norm(canon) in {norm(x) for x in names_of[a2]}:
                aliases.append(canon)
        eid = f"wikidata:{qid}" if qid else f"ng:country:{a2.lower()}"
        e = Entity(eid, "COUNTRY", name, aliases + ["~" + a for a in adjs], {"src": src})
        iso2id[a2] = eid
        out.append(e)

    # states not in ISO 3166-1 (hand list; their QIDs must come from NEREL train or offices.csv)
    for key, h in sorted(hand.items()):
        if not key.startswith("x-"):
            continue
        qid, qsrc = h["qid"], h["qid_source"]
        if qsrc == "nerel":
            ok = qid in nerel_c
        elif qsrc == "offices":
            ok = qid in off_all
        elif qsrc == "regions":
            ok = qid in reg_all
        else:
            ok = False
        if not ok:
            raise SystemExit(f"hand/countries.tsv:{h['_line']}: {qid} not found in {qsrc}")
        adjs = _adjectives(h)
        aliases = [a for a in h["aliases"].split("|") if a] + ["~" + a for a in adjs]
        e = Entity(f"wikidata:{qid}", "COUNTRY", h["name"], aliases, {"src": "hand+" + qsrc})
        iso2id[key] = e.id
        out.append(e)
    # the hand list must not name an unknown ISO code
    for key in hand:
        if not key.startswith("x-") and key not in iso2id and hand[key].get("name") != "-":
            raise SystemExit(f"hand/countries.tsv: unknown ISO code {key}")
    return out, iso2id
