"""Derived adjectives (`~` aliases) for cities.tsv and regions.tsv.

NEREL tags adjectives derived from place names as CITY / STATE_OR_PROVINCE mentions («московского»,
«нью-йоркском», «башкирской»). This module gives such adjectives to city and region rows:

* Candidates are derived from the name and the plain aliases of every city and region by Russian
  derivation rules (derive()): -ск/-цк + ий (Минск → минский), -ь (Казань → казанский, Ставрополь →
  ставропольский), -а/-я dropped with г→ж (Рига → рижский), -ца → -цкий (Винница), -ия → -ский/-ийский
  (Башкирия, Калифорния), final vowels of indeclinable names (Токио → токийский, Баку → бакинский,
  Канны → каннский), hyphenated names (Нью-Йорк → нью-йоркский), «Нижний Тагил» → нижнетагильский,
  «X-ская область / край / округ» → x-ский, «штат / провинция / префектура X» → derived from X.
* A candidate is kept only when pymorphy3's OpenCorpora dictionary has it as an adjective lemma
  (DictionaryAnalyzer, not a guess; ADJF; normal form = the candidate). Several rules may fire for one
  name; the dictionary decides which forms exist.
* hand/place_adjectives.tsv adds irregular adjectives (московский, уфимский, тверской …), pins an
  adjective to one entry, or excludes it ('-'). Hand adjectives must be dictionary adjectives too.
* An adjective goes to ONE entry (the reader cannot choose between two entities for one adjective):
  a hand pin decides; otherwise adjectives that a country already has and adjectives of places named
  like a country (Сингапур, Люксембург, Монако …) are dropped; a city beats a region («московский» →
  Москва, not Московская область); among several cities the national capital, else the only
  NEREL-linked one, else one with >= 3x the population of every other; otherwise it is dropped
  (reported as ambiguous).
"""
import os
import re

from common import HAND, morph, norm, read_hand

TYPE_WORDS = {"штат", "провинция", "префектура", "область", "край", "округ", "район", "велаят",
              "воеводство", "губерния", "территория", "территории", "республика", "автономная",
              "автономный", "автономное", "сообщество", "острова", "город", "регион", "земля", "федеральная"}
ADJ_END = re.compile(r"(ий|ый|ой|ая|яя|ое|ее|ые|ие)$")


def _prefix(word):
    """«Нижний» → «нижне», «Старый» → «старо», «Северная» → «северо» (first part of a compound)."""
    ps = [p for p in morph().parse(word.lower()) if "ADJF" in p.tag and p.is_known]
    if not ps:
        return None
    nf = ps[0].normal_form
    if nf.endswith("ний"):
        return nf[:-2] + "е"
    if nf.endswith(("ый", "ой", "ий")):
        return nf[:-2] + "о"
    return None


def _one(w):
    """Candidate adjectives (masc. nom.) of one word, lower case; unchecked."""
    out = set()
    if len(w) < 3:
        return out
    last = w[-1]
    if w.endswith("ия"):
        b = w[:-2]
        out |= {b + "ский", b + "ийский", b + "ианский", b + "ический"}
    elif w.endswith(("ья", "ье")):
        b = w[:-2]
        out |= {b + "ский", b + "ьский"}
    elif w.endswith("ея"):
        out |= {w[:-2] + "ейский"}
    elif last in "ая":
        b = w[:-1]
        out |= {b + "ский", b + "инский", b + "анский", b + "ьский"}
        if b.endswith("г"):
            out.add(b[:-1] + "жский")      # Рига → рижский, Прага → пражский, Калуга → калужский
        if b.endswith("ц"):
            out.add(b + "кий")             # Винница → винницкий
        if b.endswith("сс"):
            out.add(b + "кий")             # Одесса → одесский
    elif last in "оеиуыэю":
        b = w[:-1]
        out |= {b + "ский", b + "инский", b + "ийский", w + "нский", w + "йский", w + "ский"}
    elif last == "ь":
        b = w[:-1]
        out |= {b + "ский", w + "ский"}
    elif w.endswith(("ск", "цк")):
        out |= {w + "ий", w[:-1] + "ский"}  # Минск → минский, Донецк → донецкий, Дамаск → дамасский
    elif last == "л":
        out |= {w + "ьский", w + "ский"}   # Стамбул → стамбульский
    elif last == "ц":
        out |= {w + "кий"}
    elif last == "с":
        out |= {w + "ский", w[:-1] + "ский"}   # Техас → техасский, Массачусетс → массачусетский
    elif last == "й":
        out |= {w + "ский"}                # Шанхай → шанхайский
    elif last not in "ъ":
        out |= {w + "ский"}                # Лондон, Нью-Йорк, Петербург, Волгоград …
    return {re.sub("с{3,}", "сс", x) for x in out}


def derive(name):
    """Candidate adjectives for a place name (all rules; the dictionary filters them)."""
    words = name.replace("ё", "е").split()
    if not words:
        return set()
    low = [w.lower() for w in words]
    # «штат Нью-Йорк», «провинция Квебек», «Республика Дагестан»: drop the type word in front
    while len(low) > 1 and low[0] in TYPE_WORDS:
        low, words = low[1:], words[1:]
    # «Московская область», «Краснодарский край», «Ханты-Мансийский автономный округ»
    if len(low) > 1 and all(w in TYPE_WORDS for w in low[1:]):
        ps = [p for p in morph().parse(low[0]) if "ADJF" in p.tag and p.is_known]
        if ps and re.search(r"(ский|цкий|ской)$", ps[0].normal_form):
            return {ps[0].normal_form}
        return set()
    if len(low) == 1:
        w = low[0]
        if ADJ_END.search(w) and not w.endswith(("ия", "ея")) and any(
                "ADJF" in p.tag for p in morph().parse(w) if p.is_known):
            return set()        # the name is an adjective itself («Грозный», «Мирный», «Октябрьский»)
        parts = w.split("-")
        head = "-".join(parts[:-1]) + "-" if len(parts) > 1 else ""
        return {head + x for x in _one(parts[-1])}
    if len(low) == 2:
        pre = _prefix(low[0])
        if pre and ADJ_END.search(low[0]) and "-" not in low[1]:
            return {pre + x for x in _one(low[1])}      # «Нижний Тагил» → нижнетагильский
    return set()


def dictionary_adjective(word):
    """True when OpenCorpora has `word` as an adjective lemma (a dictionary word, not a prediction)."""
    for p in morph().parse(word):
        if not p.is_known or "ADJF" not in p.tag:
            continue
        if type(p.methods_stack[0][0]).__name__ != "DictionaryAnalyzer":
            continue
        if norm(p.normal_form) == norm(word):
            return True
    return False


def _sources(e):
    """Names to derive from: the name and plain / '?' aliases (not '=' abbreviations, not '~')."""
    out = [e.name]
    for a in e.aliases:
        if "=" in a or "~" in a:
            continue
        out.append(a.lstrip("?"))
    return out


def assign(countries, cities, regions, report):
    """Add '~' adjectives to city and region entities (in place). Returns {file kind: count}."""
    hand_rows = read_hand(os.path.join(HAND, "place_adjectives.tsv"))
    by_id = {e.id: e for e in cities + regions}
    hand = {}
    for h in hand_rows:
        adj, target = h["adjective"], h["target"]
        if adj != adj.lower() or norm(adj) in hand:
            raise SystemExit(f"hand/place_adjectives.tsv:{h['_line']}: {adj!r}: lower case, once")
        if not dictionary_adjective(adj):
            raise SystemExit(f"hand/place_adjectives.tsv:{h['_line']}: {adj!r} is not an OpenCorpora adjective")
        if target != "-" and target not in by_id:
            raise SystemExit(f"hand/place_adjectives.tsv:{h['_line']}: {target} is not a city or region id")
        hand[norm(adj)] = (adj, target)

    country_adjs = {norm(a.lstrip("?~")) for c in countries for a in c.aliases if "~" in a}
    country_names = {norm(n) for c in countries for n in [c.name] + [a.lstrip("?=") for a in c.aliases if "~" not in a]}

    claims = {}     # norm(adj) -> (adj, [entities])
    named_like_country = []
    for e in cities + regions:
        if norm(e.name) in country_names:
            named_like_country.append(e.name)
            continue
        found = set()
        for src in _sources(e):
            if norm(src) in country_names:
                continue
            for cand in derive(src):
                if dictionary_adjective(cand):
                    found.add(cand)
        for a in sorted(found):
            claims.setdefault(norm(a), (a, []))[1].append(e)

    given = {}      # norm(adj) -> (adj, entity)
    dropped = {"country_adjective": [], "excluded_by_hand": [], "ambiguous": [], "region_lost_to_city": []}
    for k in sorted(claims):
        adj, ents = claims[k]
        if k in hand:
            continue
        if k in country_adjs:
            dropped["country_adjective"].append(adj)
            continue
        cs = [e for e in ents if e.type == "CITY"]
        rs = [e for e in ents if e.type == "REGION"]
        pool = cs or rs
        if cs and rs:
            dropped["region_lost_to_city"].append(f"{adj} ({'/'.join(sorted(r.name for r in rs))})")
        win = _pick(pool)
        if win is None:
            dropped["ambiguous"].append(f"{adj} ({len(pool)}: {', '.join(sorted(e.name for e in pool))})")
            continue
        given[k] = (adj, win)
    for k, (adj, target) in sorted(hand.items()):
        if target == "-":
            if k in claims:
                dropped["excluded_by_hand"].append(adj)
            continue
        if k in country_adjs:
            raise SystemExit(f"hand/place_adjectives.tsv: {adj!r} is already a country adjective")
        given[k] = (adj, by_id[target])

    counts = {"CITY": 0, "REGION": 0}
    for k in sorted(given, key=lambda k: (given[k][1].id, k)):
        adj, e = given[k]
        e.add_alias("~" + adj)
        counts[e.type] += 1
    report["adjectives_cities"] = counts["CITY"]
    report["adjectives_regions"] = counts["REGION"]
    report["adjectives_hand"] = sum(1 for _, t in hand.values() if t != "-")
    report["adjectives_excluded_by_hand"] = dropped["excluded_by_hand"]
    report["adjectives_dropped_country_adjective"] = dropped["country_adjective"]
    report["adjectives_dropped_ambiguous"] = dropped["ambiguous"]
    report["adjectives_region_lost_to_city"] = dropped["region_lost_to_city"]
    report["adjectives_places_named_like_a_country"] = len(named_like_country)
    return counts


def _pick(pool):
    if len(pool) == 1:
        return pool[0]
    caps = [e for e in pool if getattr(e, "capital_of", None)]
    if len(caps) == 1:
        return caps[0]
    linked = [e for e in pool if "nerel" in e.attrs.get("src", "")]
    if len(linked) == 1:
        return linked[0]
    pops = sorted(((getattr(e, "pop", None) or 0, e) for e in pool), key=lambda x: -x[0])
    if pops[0][0] and pops[0][0] >= 3 * pops[1][0]:
        return pops[0][1]
    return None
