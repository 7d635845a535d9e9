"""Read NEREL v1.1 *train* Wikidata links (BRAT `N` lines).

Only the train split is read: dev is newsgraph's evaluation set and must never feed the gazetteers.
"""
import collections
import os
import re

ENT_RE = re.compile(r"^(T\d+)\t([A-Z_]+) ([0-9; ]+)\t(.*)$")
# Some N lines in train are run together (missing newline); match links anywhere in the text.
LINK_RE = re.compile(r"Reference (T\d+) Wikidata:(Q\d+)\t([^\t\n]*)")


class Link:
    __slots__ = ("doc", "tid", "etype", "surface", "qid", "canon")

    def __init__(self, doc, tid, etype, surface, qid, canon):
        self.doc, self.tid, self.etype, self.surface = doc, tid, etype, surface
        self.qid, self.canon = qid, canon


def load_links(shared):
    """Return a list of Link for every N line of train that names a QID (sorted by doc, tid)."""
    train = os.path.join(shared, "data", "nerel", "train")
    if not train.rstrip("/").endswith("train"):
        raise SystemExit("NEREL: train only")
    out = []
    for fn in sorted(os.listdir(train)):
        if not fn.endswith(".ann"):
            continue
        doc = fn[:-4]
        with open(os.path.join(train, fn), encoding="utf-8") as f:
            text = f.read()
        ents = {}
        for line in text.split("\n"):
            m = ENT_RE.match(line)
            if m:
                ents[m.group(1)] = (m.group(2), m.group(4).strip())
        for m in LINK_RE.finditer(text):
            tid, qid, canon = m.group(1), m.group(2), m.group(3).strip()
            canon = re.sub(r"\d+$", "", canon).strip()  # one run-together line ends in the next N id
            if tid not in ents:
                continue
            etype, surface = ents[tid]
            out.append(Link(doc, tid, etype, surface, qid, canon))
    return out


def by_qid(links, types):
    """qid -> dict(types=Counter, canon=Counter, surface=Counter, docs=set) for links of `types`."""
    agg = {}
    for l in links:
        if l.etype not in types:
            continue
        a = agg.setdefault(l.qid, {"types": collections.Counter(), "canon": collections.Counter(),
                                   "surface": collections.Counter(), "docs": set()})
        a["types"][l.etype] += 1
        if l.canon and l.canon != "нет данных":
            a["canon"][l.canon] += 1
        a["surface"][l.surface] += 1
        a["docs"].add(l.doc)
    return agg


def best(counter):
    """Most common key; ties broken alphabetically so that output is deterministic."""
    if not counter:
        return None
    return sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]


REL_RE = re.compile(r"^R\d+\t([A-Z_]+) Arg1:(T\d+) Arg2:(T\d+)")
# Professions that make a person a public political figure (heads of state and government,
# ministers, monarchs, parliament speakers, envoys, party leaders).
POLITICAL_RE = re.compile(
    r"президент|премьер|министр|канцлер|госсекретар|государственн\w* секретар|король|королев|"
    r"принц|шейх|эмир|султан|монарх|спикер|председател|глав[аыуе]|лидер|посол|посл[аоу]|"
    r"вице-президент|генсек|генеральн\w* секретар|губернатор|политик",
    re.IGNORECASE)
# «лидер группы «Алиса»», «глава клуба», «председатель правления банка»: not a political office.
NOT_POLITICAL_RE = re.compile(
    r"групп|клуб|команд|банд|оркестр|театр|банк|компани|корпорац|директор|правлени|фонд|холдинг",
    re.IGNORECASE)


def political_countries(shared):
    """qid -> Counter of country QIDs, for NEREL train persons named in WORKS_AS a political
    profession: the countries of their WORKPLACE and ORIGINS_FROM relations, and of a COUNTRY
    named inside the profession span («премьер-министр Израиля»)."""
    train = os.path.join(shared, "data", "nerel", "train")
    if not train.rstrip("/").endswith("train"):
        raise SystemExit("NEREL: train only")
    out = {}
    for fn in sorted(os.listdir(train)):
        if not fn.endswith(".ann"):
            continue
        with open(os.path.join(train, fn), encoding="utf-8") as f:
            text = f.read()
        ents, spans, rels = {}, {}, []
        for line in text.split("\n"):
            m = ENT_RE.match(line)
            if m:
                ents[m.group(1)] = (m.group(2), m.group(4).strip())
                nums = [int(x) for x in re.split(r"[ ;]", m.group(3)) if x]
                spans[m.group(1)] = (min(nums), max(nums))
                continue
            m = REL_RE.match(line)
            if m:
                rels.append(m.groups())
        qid = {m.group(1): m.group(2) for m in LINK_RE.finditer(text)}
        political = set()
        for rtype, a, b in rels:
            if rtype == "WORKS_AS" and ents.get(b, ("", ""))[0] == "PROFESSION" \
                    and POLITICAL_RE.search(ents[b][1]) and not NOT_POLITICAL_RE.search(ents[b][1]) \
                    and a in qid and ents.get(a, ("",))[0] == "PERSON":
                political.add(a)
                # a country inside the profession span
                s, e = spans[b]
                for t, (etype, _) in ents.items():
                    if etype == "COUNTRY" and t in qid and spans[t][0] >= s and spans[t][1] <= e:
                        out.setdefault(qid[a], collections.Counter())[qid[t]] += 1
        for rtype, a, b in rels:
            if a in political and rtype in ("WORKPLACE", "ORIGINS_FROM") \
                    and ents.get(b, ("",))[0] == "COUNTRY" and b in qid:
                out.setdefault(qid[a], collections.Counter())[qid[b]] += 1
        for a in political:
            out.setdefault(qid[a], collections.Counter())
    return out
