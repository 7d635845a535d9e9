"""Shared helpers for the gazetteer generators: entity rows, TSV writing, slugs, morphology."""
import os
import re
import unicodedata

ATTR_ORDER = ["given", "patronymic", "surname", "gender", "country", "capital", "place", "date", "src"]
ENTITY_HEADER = "id\ttype\tname\taliases\tattrs"

_TR = dict(zip("абвгдеёжзийклмнопрстуфхцчшщъыьэюя",
               ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r",
                "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"]))


def norm(s):
    """Matching key: lower case, ё = е, stress marks and typographic apostrophes unified."""
    s = unicodedata.normalize("NFC", s.replace("\u0301", ""))
    return s.lower().replace("ё", "е").replace("’", "'").strip()


def clean(s):
    """Remove stress marks and surplus whitespace; unify apostrophes to ’ (Russian typography)."""
    s = unicodedata.normalize("NFC", (s or "").replace("\u0301", ""))
    s = s.replace("'", "’")
    return re.sub(r"\s+", " ", s).strip()


def slug(s):
    """ASCII slug [a-z0-9-] from Latin or Cyrillic text."""
    out = []
    for ch in unicodedata.normalize("NFKD", s.lower()):
        if ch in _TR:
            out.append(_TR[ch])
        elif ch.isascii():
            out.append(ch)
        elif unicodedata.category(ch) == "Mn":
            continue
        else:
            out.append("-")
    return re.sub(r"-+", "-", re.sub(r"[^a-z0-9]+", "-", "".join(out))).strip("-")


class Entity:
    __slots__ = ("id", "type", "name", "aliases", "attrs", "__dict__")

    def __init__(self, id, type, name, aliases=None, attrs=None):
        self.id, self.type, self.name = id, type, clean(name)
        self.aliases = []
        self.attrs = {}
        for a in aliases or []:
            self.add_alias(a)
        for k, v in (attrs or {}).items():
            if v:
                self.attrs[k] = v

    def add_alias(self, alias):
        """Add an alias unless one with the same letters (case-insensitive, ё = е) exists already.

        The first one added wins, so callers add hand-checked aliases before generated ones. A plain
        alias equal to the name is dropped; a '?' alias equal to the name is kept: it marks the name
        itself as also being a common word (see gazetteers/README.md, "Sources and licences").
        """
        alias = clean(alias)
        m = re.match(r"^([?=~]*)(.*)$", alias)
        prefix, body = m.group(1), m.group(2).strip()
        if not body:
            return
        if not prefix and norm(body) == norm(self.name):
            return
        for a in self.aliases:
            if norm(re.sub(r"^[?=~]+", "", a)) == norm(body) and ("~" in a) == ("~" in prefix):
                return
        self.aliases.append(prefix + body)

    def row(self):
        attrs = ";".join(f"{k}={self.attrs[k]}" for k in ATTR_ORDER if self.attrs.get(k))
        return "\t".join([self.id, self.type, self.name, "|".join(self.aliases), attrs])


# State-type nouns inside a name: news write «Чешской республики», «Удмуртской республики»,
# «Соединённых штатов» as often as with a capital letter. Not «Федерация»: «Российская федерация
# бокса» is a sports body.
GENERIC_WORDS = {"Республика", "Королевство", "Штаты", "Государство", "Княжество",
                 "Герцогство", "Содружество", "Союз", "Султанат", "Империя"}


def lowercase_generic(entities):
    """Let a state-type noun that is not the first word of a name or alias match in any case.

    A lower-case alias word matches any case (gazetteers/README.md), so «Чешская Республика» becomes
    «Чешская республика» (which still matches «Чешской Республики»); a name keeps its spelling and
    gets the lower-case form as an alias. '=' and '~' aliases are left alone. Returns the count."""
    n = 0
    for e in entities:
        def low(text):
            m = re.match(r"^(\??)(.*)$", text)
            words = m.group(2).split(" ")
            if len(words) < 2 or not any(w in GENERIC_WORDS for w in words[1:]):
                return None
            return m.group(1) + " ".join([words[0]] + [w.lower() if w in GENERIC_WORDS else w for w in words[1:]])
        out = []
        for a in e.aliases:
            v = None if ("=" in a or "~" in a) else low(a)
            out.append(v or a)
            n += bool(v)
        v = low(e.name)
        if v and v not in out:
            out.insert(0, v)
            n += 1
        e.aliases = out
    return n


def sort_key(e):
    return (norm(e.name), e.name, e.id)


def write_tsv(path, comment_lines, header, rows):
    """Write a TSV file: comment block, header, rows (strings). LF line ends, UTF-8."""
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for c in comment_lines:
            f.write(("# " + c).rstrip() + "\n")
        f.write(header + "\n")
        for r in rows:
            assert "\n" not in r, r
            f.write(r + "\n")


def write_entities(path, comment_lines, entities):
    ents = sorted(entities, key=sort_key)
    for e in ents:
        for field in [e.name] + e.aliases:
            if any(c in field for c in "\t|;") or not field.strip():
                raise ValueError(f"bad field in {e.id}: {field!r}")
    write_tsv(path, comment_lines, ENTITY_HEADER, [e.row() for e in ents])
    return len(ents)


def read_hand(path):
    """Read a hand-written TSV (header line first, '#' comments, blank lines skipped) -> list of dicts."""
    rows = []
    header = None
    with open(path, encoding="utf-8") as f:
        for ln, line in enumerate(f, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.split("\t")
            while header is not None and len(parts) > len(header) and parts[-1].strip() == "":
                parts.pop()
            if header is None:
                header = parts
                continue
            if len(parts) > len(header):
                raise SystemExit(f"{path}:{ln}: {len(parts)} fields, header has {len(header)}")
            parts += [""] * (len(header) - len(parts))
            d = {h: p.strip() for h, p in zip(header, parts)}
            d["_line"] = ln
            rows.append(d)
    return rows


HERE = os.path.dirname(os.path.abspath(__file__))
HAND = os.path.join(HERE, "hand")
OUT = os.path.dirname(HERE)

_MORPH = None


def morph():
    global _MORPH
    if _MORPH is None:
        import pymorphy3
        _MORPH = pymorphy3.MorphAnalyzer()
    return _MORPH


FUNC_POS = {"CONJ", "PREP", "PRCL", "NPRO", "INTJ", "PRED"}
PERSONAL = {"Name", "Surn", "Patr"}


def word_ambiguity(word, personal_only=False):
    """Classify a one-word proper name by what else its lower-case form is in Russian (OpenCorpora).

    Returns 'drop' when pronoun/conjunction/preposition/particle readings have weight >= 0.3 («Того»,
    «Как»); '?' when the word is itself a common noun/adjective/verb lemma (weight >= 0.2: «Орёл»,
    «Находка», «Мирный», «Бор»), when other common-word readings weigh >= 0.6 («Бани» = бани), or when
    first-name/surname readings weigh >= 0.6 («Владимир», «Виктория»); '' otherwise. Weights are
    pymorphy3's parse scores; readings tagged Geox (toponym) never count against a name.
    """
    w = norm(word)
    parses = [p for p in morph().parse(w) if p.is_known]
    if not parses:
        return ""
    func = sum(p.score for p in parses
               if p.tag.POS in FUNC_POS or "Apro" in p.tag or "Anph" in p.tag)
    if func >= 0.3:
        return "drop"
    personal = sum(p.score for p in parses if "Geox" not in p.tag and PERSONAL & set(p.tag.grammemes))
    common = [p for p in parses if "Geox" not in p.tag and not PERSONAL & set(p.tag.grammemes)
              and not {"Abbr", "Orgn", "Trad", "Init"} & set(p.tag.grammemes)]
    lemma_itself = sum(p.score for p in common if norm(p.normal_form) == w)
    if personal_only:
        return "?" if personal >= 0.6 else ""
    if lemma_itself >= 0.2 or sum(p.score for p in common) >= 0.6 or personal >= 0.6:
        return "?"
    return ""
