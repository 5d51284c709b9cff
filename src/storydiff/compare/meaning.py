"""Did a version of a quote change what was said? Negation, figures and opposites, read as meaning.

``meaning_changes(a, b, lang_a=None, lang_b=None)`` -> a list drawn from "negation", "numbers",
"antonym": the ways ``b`` says something other than ``a``. Words are not meaning, so:

- **Negation is counted, not diffed.** "It is not how it works" and "It doesn't happen like that"
  each deny once: no change. A clause counts once however many cue words it holds, so French
  "ne ... pas" and Spanish or Slavic negative concord ("no dijo nada", "нічого не сказав") are one
  negation, as in English. Cues for en, de, fr, es, pl, ru, uk.
- **Opposites cancel negations.** "not safe" / "unsafe" or "not likely" / "unlikely" flip the
  polarity twice: no change. Opposite words alone ("rose" / "fell", "won" / "lost", "possible" /
  "impossible") are an "antonym" change; same-direction words ("rise" / "increase") are none.
- **Figures are values.** "five" / "5", "1.2 million" / "1,200,000", "48 hours" / "two days",
  "50%" / "50 percent" are the same figure; a figure in ``b`` that no figure of ``a`` allows
  ("about 200" allows 10% either way) is a "numbers" change. Dropping a figure is a trim.
- **Some states are a "not" without the word.** "out of service", "unavailable", "außer Betrieb",
  «вийшов з ладу»: against a version that says it with a negation word («не працює»), no change.
- **A trim is no change.** Words cut from either end of the quote ("We did not start this war,
  but we will end it" / "We will end it") are left out of the count, and so is a cut clause.

Two texts in different languages are compared as wholes (no word alignment; opposites by a
table of concepts in en, uk, ru, pl and de, ``_CROSS_OPPOSITES``; figures are read in each
language by compare.claims). A fourth change,
"names": the version names a person, place, country or organisation the original does not
(lexicon.names). Measured on tests/data/quote_meaning.jsonl by bench/quote_meaning.py.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from rapidfuzz.distance import Levenshtein

from storydiff.compare.quote_names import new_names

CHANGES = ("negation", "numbers", "antonym", "names")


def _list(words: str) -> list[str]:
    return words.split()


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_QUOTE_MARKS = str.maketrans({c: "'" for c in "‘’‚‛′`´"} | {c: '"' for c in "“”„‟″«»"})
# a token: a number as written ("1,200", "4.5", "12%", with its minus: "-15", "−15", "–15"), a
# currency sign or percent, a word (with an inner apostrophe) or a clause's punctuation
_TOKEN = re.compile(r"(?:(?<![\w.,])[-\u2212\u2013](?=\d))?(?:\d[\d,.\u00a0\u202f']*\d%?|\d%?)|[$€£¥₴₽₹%]"
                    r"|[^\W\d_]+(?:['-][^\W\d_]+)*|[.,;:!?()\u2014\u2013]")
_CLAUSE_PUNCT = frozenset(".,;:!?()\u2014\u2013")
_EN_CONTRACTIONS = [
    (re.compile(r"\bcan'?not\b"), "can not"), (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"), (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
]

NEGATION_CUES: dict[str, frozenset[str]] = {
    # "almost not" is a "not" as a translation says it: „kaum noch Raketen“ is «майже не залишилося
    # ракет», "hardly any" «почти не» (QA pass 21a), as French "guère" below
    "en": _set("not no never nobody nothing none neither nor nowhere without hardly barely scarcely"),
    "de": _set("nicht kein keine keinen keinem keiner keines nie niemals niemand nichts nirgends "
                    "weder ohne kaum"),
    "fr": _set("ne n pas jamais rien aucun aucune sans ni nullement guère"),
    "es": _set("no nunca jamás nadie nada ningún ninguno ninguna ningunos ningunas sin tampoco "
                    "ni"),
    "pl": _set("nie nigdy nikt nic niczego niczym nikogo nigdzie żaden żadna żadne żadnego żadnych "
                    "bez ani brak"),
    "ru": _set("не нет ни никто ничто ничего никого никогда нигде никакой никакая никакое никаких "
                    "никакого без нельзя"),
    "uk": _set("не ні ніхто ніщо нічого нікого ніколи ніде жоден жодна жодне жодного жодних без "
                    "немає нема"),
    # Lithuanian also says "not" as the verb's prefix ne-/nė- ("nėra", "neturime", "nebus"): see
    # _NEGATIVE_PREFIXES_BY_LANGUAGE (QA pass 24b: "Grėsmės gyventojams nėra" read as no "not")
    "lt": _set("ne nė niekas nieko niekam niekuo niekada niekuomet niekur joks jokia jokie jokios jokio "
                    "jokių jokį jokios be nebe"),
    # Romanian (QA pass 26a): "nu", "n-a"/"nu-i" (split by _tokens), and negative concord ("nu avem
    # niciun răspuns" is one negation, as "нічого не сказав")
    "ro": _set("nu nici niciun nicio niciunul niciuna niciunei niciunui nimeni nimic niciodată nicăieri fără"),
}
# A language that negates a verb with a prefix: (prefixes, words that begin so and deny nothing, by
# their start). Lithuanian "nėra" (is not), "neturime" (we have no), "nebebus" (will be no more);
# "nes" (because), "net" (even), "negu" (than), "nelaimė" (accident), "neseniai" (recently),
# "nemažai" (quite a lot), "nepriklausomybė" (independence) are no "not" in any translation.
_NEGATIVE_PREFIXES_BY_LANGUAGE: dict[str, tuple[tuple[str, ...], frozenset[str], tuple[str, ...]]] = {
    # (prefixes, whole words, starts of words)
    "lt": (("nebe", "ne", "nė"),
           _set("nes net netgi negu nebent neris neto neša nešė nešame nešate nešėme nešėte nešti"),
           ("nelaim", "nesenia", "nemaž", "nemokam", "nepriklausom", "nekilnojam", "nedarb", "neįgal",
            "nepilnamet", "neeilin", "nerim", "nemun", "neutral", "nerv", "neapykant", "nelegal", "nedaug",
            "neformal", "nekaltum", "nemenčin", "nerij", "netoli", "netrukus", "nepaisant", "neretai",
            # nešti (carry) and neigti (deny) are verbs of their own; places, brands, nėščia (pregnant)
            # (review 24c, M4)
            "nešioj", "nešiot", "nešdam", "neštų", "neig", "nering", "netflix", "nepal", "neonac", "nėšč")),
}
# a prefixed word is a word: what follows the prefix, at least this long ("nėra": "ra")
_NEGATIVE_PREFIX_STEM_MIN = 2


def _prefix_negates(word: str, lang: str) -> bool:
    """Whether ``word`` denies by a negative prefix of ``lang`` ("neturime", "nėra")."""
    rule = _NEGATIVE_PREFIXES_BY_LANGUAGE.get(lang)
    if rule is None or word in rule[1] or word.startswith(rule[2]):
        return False
    return any(word.startswith(p) and len(word) - len(p) >= _NEGATIVE_PREFIX_STEM_MIN for p in rule[0])
# Words and idioms that state a "not" without a negation word: a translation may say the same
# with one ("The plant is out of service" / «Станція не працює»; "brak ofiar" / "no casualties";
# QA pass 18b, 13). A side that states one, against a side that negates, changes nothing; both
# stating one, or a negated one ("is not out of service"), are counted as before.
_IMPLIED_NEGATIONS: dict[str, tuple[tuple[str, ...], ...]] = {
    lang: tuple(tuple(p.split()) for p in phrases.split("|"))
    for lang, phrases in {
        "en": "out of service|out of order|out of action|out of operation|unavailable|offline|inoperable|"
              "inoperative|unable|failed to|fail to|fails to|refused to|refuse to|refuses to|absent|missing|"
              "lacks|lacked|lacking|impossible",
        "de": "außer betrieb|ausgefallen|fällt aus|fielen aus|fiel aus|fehlt|fehlen|fehlte|fehlten|"
              "unmöglich|weigerte sich|weigerten sich|unfähig",
        "fr": "hors service|hors d'usage|indisponible|impossible|incapable|manque|refusé de|refuse de",
        "es": "fuera de servicio|averiado|averiada|imposible|incapaz|se negó a|falta|faltan",
        "pl": "nieczynny|nieczynna|nieczynne|niedostępny|niedostępna|niedostępne|niemożliwe|"
              "odmówił|odmówiła|odmówili|wyłączony z eksploatacji|poza eksploatacją",
        "ru": "вышел из строя|вышла из строя|вышло из строя|вышли из строя|отсутствует|отсутствуют|"
              "отсутствовал|невозможно|неисправен|неисправна|отказался|отказалась|отказались|недоступен|"
              "недоступна|недоступны",
        "uk": "вийшов з ладу|вийшла з ладу|вийшло з ладу|вийшли з ладу|відсутній|відсутня|відсутнє|відсутні|"
              "неможливо|несправний|несправна|відмовився|відмовилася|відмовилися|недоступний|недоступна|"
              "недоступні",
    }.items()
}


def _states_implied_negation(words: list[str], lang: str) -> bool:
    """Whether the words hold one of ``lang``'s implied negations (a phrase as consecutive words)."""
    phrases = _IMPLIED_NEGATIONS.get(lang, ())
    for i, w in enumerate(words):
        for phrase in phrases:
            if phrase[0] == w and tuple(words[i:i + len(phrase)]) == phrase:
                return True
    return False


# words that join two clauses: a negation in one clause does not reach the other
_CONJUNCTIONS = _set(
    "and but or while whereas because although und aber oder sondern weil et mais ou car parce y e pero o "
    "sino porque i ale lub oraz bo и а но или потому і й та але або бо și şi dar sau iar însă ci deoarece")

# Opposites: each form -> (concept, side). Two words of one concept on different sides are an
# antonym swap; on the same side ("rise" / "increase") they are synonyms.
_OPPOSITES = [
    ("up", "increase increased increases increasing rise rises rose risen rising grow grew grown grows "
           "growing climb climbed climbs gain gained gains expand expanded expands raise raised raises "
           "boost boosted", "decrease decreased decreases decreasing fall falls fell fallen falling drop "
           "dropped drops shrink shrank shrunk decline declined declines cut cuts lower lowered reduce reduced "
           "reduces contract contracted"),
    ("win", "win wins won winning victory", "lose loses lost losing defeat"),
    ("accept", "accept accepted accepts approve approved approves agree agreed agrees",
               "reject rejected rejects refuse refused refuses decline declined"),
    ("support", "support supports supported for", "oppose opposes opposed against"),
    ("guilty", "guilty convicted", "innocent acquitted"),
    ("high", "higher highest", "lower lowest"),
    ("good", "good better best", "bad worse worst"),
    ("confirm", "confirm confirmed confirms", "deny denied denies"),
    ("allow", "allow allowed allows permit permitted lift lifted lifts", "ban banned bans forbid forbade "
              "forbidden forbids prohibit prohibited prohibits impose imposed imposes"),
    ("uphold", "uphold upheld upholds", "overturn overturned overturns quash quashed"),
    ("success", "success successful succeed succeeded", "failure failed fail fails unsuccessful"),
    ("buy", "buy buys bought buying", "sell sells sold selling"),
    ("more", "more", "fewer less"),
    ("before", "before", "after"),
    ("open", "open opened opens", "close closed closes shut"),
    ("true", "true", "false"),
    ("strong", "strong stronger strengthen strengthened strengthens", "weak weaker weaken weakened weakens"),
    ("friend", "friend friends ally allies", "enemy enemies"),
    ("include", "include included includes", "exclude excluded excludes"),
    ("start", "start started starts begin began begun", "end ended ends stop stopped stops finish finished"),
    ("advance", "advance advanced advances", "retreat retreated retreats withdraw withdrew withdrawn"),
    ("arrive", "arrive arrived arrives enter entered", "depart departed exit exited"),
    ("hire", "hire hired hires", "sack sacked dismissed"),
    ("release", "release released releases free freed", "arrest arrested arrests detain detained detains"),
    ("alive", "alive survived survive", "dead died die"),
    ("add", "add added adds", "remove removed removes"),
    ("safe", "safe", "dangerous"),
    ("peace", "peace", "war"),
    ("profit", "profit profits", "loss losses"),
    ("rich", "rich richer", "poor poorer"),
]
_SIDE: dict[str, tuple[str, int]] = {}
for _concept, _plus, _minus in _OPPOSITES:
    _SIDE.update({w: (_concept, 1) for w in _plus.split()})
    _SIDE.update({w: (_concept, -1) for w in _minus.split()})
# Opposites across languages (review 24a, F7: "prices will rise" / «ціни знизяться», "Ukraine
# will win" / «Україна програє» were "translated" with no warning). A concept's words in each
# language, (raising, lowering): "*" ends a word's start (the inflections), "+" joins the next word
# ("виступив+проти"). Only words that say the concept and nothing else: no "for" / "against",
# "more" / "less", no German "fall*" (falls is "if"), no Russian "поражени*" (also a hit on a
# target), no English "defeat" (to defeat is to win) and no "-ing" forms ("combat rising crime" is
# «снизить преступность»: on the 2,024 sentence pairs of WMT21/22 en-ru/en-uk, professional
# translations, these were the false flags). Review 24c: no English "raise*" (one raises an issue:
# "raised the issue of troop cuts" / «поднял вопрос о сокращении»), no Ukrainian "програ*" (it starts
# «програма», a programme: the verb's stems only), and "won" after a figure is the currency
_CROSS_OPPOSITES = {
    "up": {
        "en": ("increase increased increases rise rises rose risen grow grew grown grows climb climbed climbs",
               "decrease decreased decreases fall falls fell fallen drop dropped drops decline declined declines "
               "reduce reduced reduces lowered lowers shrink shrank shrunk"),
        "uk": ("зрост* зросте зросла зросли зросло зріс зростуть підвищ* збільш* подорожч*",
               "знизи* зниж* знизя* впад* впаде впала впали впало падін* зменш* скорот* подешев*"),
        "ru": ("вырас* вырос* растут растет растёт рост роста ростом повыс* повыш* увелич* подорож*",
               "снизи* сниж* снизя* упад* упал* упадут паден* уменьш* сократ* сокращ* подешев*"),
        "pl": ("wzros* wzrośn* wzrost* rosn* rośn* podwyż* zwiększ* zdroż* podroż*",
               "spad* spadn* obniż* zmniejsz* potani* zreduk* redukc*"),
        "de": ("steig* stieg* gestiegen anstieg* erhöh* wachs* wächst wuchs* gewachsen zunehm* zugenommen "
               "verteuer*",
               "sink* sank* gesunken fällt fallen fiel fielen gefallen senk* gesenkt reduzier* verringer* "
               "abnehm* abgenommen verbillig*"),
    },
    "win": {
        "en": ("win wins won victory", "lose loses lost"),
        "uk": ("вигра* переможе переможемо переможуть переміг перемогли перемогла перемогти перемога перемоги "
               "перемогу перемогою", "програв* програл* програє* програю* програш* програт* програно поразк*"),
        "ru": ("выигра* побед*", "проигра*"),
        "pl": ("wygra* zwycięż* zwycięstw*", "przegra* porażk*"),
        "de": ("gewinn* gewann* gewonnen sieg*", "verlier* verlor* verloren niederlage*"),
    },
    "accept": {
        "en": ("accept accepted accepts approve approved approves", "reject rejected rejects"),
        "uk": ("ухвал* схвал*", "відхил*"),
        "ru": ("одобр*", "отклон*"),
        "pl": ("zaakcept* zatwierdz* zatwierdzi*", "odrzuc* odrzuci* odrzuć*"),
        "de": ("akzeptier* angenommen zugestimmt genehmig*", "abgelehnt ablehn* lehnte lehnt verworfen"),
    },
    "support": {
        "en": ("support supports supported supporting", "oppose opposes opposed opposing"),
        "uk": ("підтрим*", "виступ*+проти виступа*+проти"),
        "ru": ("поддерж*", "выступ*+против выступа*+против"),
        "pl": ("popier* poprze* poparł* poparcie", "sprzeciw*"),
        "de": ("unterstütz*", "widersetz*"),
    },
    "confirm": {
        "en": ("confirm confirmed confirms", "deny denied denies"),
        "uk": ("підтверд*", "запереч*"),
        "ru": ("подтверд* подтвержд*", "опроверг* отрицает отрицал отрицала отрицают"),
        "pl": ("potwierdz* potwierdzi*", "zaprzecz* zdementow*"),
        "de": ("bestätig*", "dementier* bestritt* bestreit* bestritten"),
    },
}
# by language, then by a form's first two letters (every form has more): a word is tried only
# against the forms it can start
_CROSS_FORMS: dict[str, dict[str, list[tuple[str, int, tuple[str, ...]]]]] = {}
for _concept, _by_lang in _CROSS_OPPOSITES.items():
    for _lang, (_plus, _minus) in _by_lang.items():
        for _side, _forms in ((1, _plus), (-1, _minus)):
            for _form in _forms.split():
                _CROSS_FORMS.setdefault(_lang, {}).setdefault(_form[:2], []).append(
                    (_concept, _side, tuple(_form.split("+"))))


def _form_at(words: list[str], i: int, form: tuple[str, ...]) -> bool:
    if i + len(form) > len(words):
        return False
    return all(words[i + k].startswith(part[:-1]) if part.endswith("*") else words[i + k] == part
               for k, part in enumerate(form))


def _currency_won(words: list[str], i: int, lang: str) -> bool:
    """Whether English "won" is Korea's currency: after a figure or its scale ("5 billion won")."""
    if lang != "en" or words[i] != "won" or i == 0:
        return False
    before = words[i - 1]
    return before in _SCALES or _digits(before) is not None


def _concept_sides(words: list[str], lang: str) -> dict[str, set[int]]:
    """The sides each concept of ``_CROSS_OPPOSITES`` takes in ``words`` (in ``lang``)."""
    sides: dict[str, set[int]] = {}
    forms = _CROSS_FORMS.get(lang, {})
    for i, word in enumerate(words):
        if _currency_won(words, i, lang):
            continue
        for concept, side, form in forms.get(word[:2], ()):
            if _form_at(words, i, form):
                sides.setdefault(concept, set()).add(side)
    return sides


def _opposites_across(words_a: list[str], lang_a: str, words_b: list[str], lang_b: str) -> int:
    """How many concepts a translation turns to their opposite: the concept on one side only in
    each text, and the sides differ. A text that says both ("prices fell, wages rose") turns none."""
    sides_a, sides_b = _concept_sides(words_a, lang_a), _concept_sides(words_b, lang_b)
    return sum(len(sides_a[c]) == len(sides_b.get(c, ())) == 1 and sides_a[c] != sides_b[c] for c in sides_a)


# "possible" / "impossible", "likely" / "unlikely", "agreed" / "disagreed"
_NEGATIVE_PREFIXES = ("un", "in", "im", "il", "ir", "dis", "non")

# figures written as words (English); other languages' text still compares its digits
_UNITS = {w: k for k, w in enumerate(_list("zero one two three four five six seven eight nine ten eleven twelve "
                                           "thirteen fourteen fifteen sixteen seventeen eighteen nineteen"))}
_TENS = {w: 10 * k for k, w in enumerate(_list("_ _ twenty thirty forty fifty sixty seventy eighty ninety"))
         if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
           "bn": 1e9, "m": 1e6, "mln": 1e6, "k": 1e3, "dozen": 12}
# the scale words of the other languages, by the start of the word ("млрд", "мільярдів", "Milliarden",
# "miliardów"): "5 млрд €" and "5 млрд $" are figures of one size, told apart by their currency
_SCALE_STARTS = (("тис", 1e3), ("тыс", 1e3), ("tys", 1e3), ("tausend", 1e3), ("млн", 1e6), ("мільйон", 1e6),
                 ("миллион", 1e6), ("milion", 1e6), ("million", 1e6), ("mio", 1e6), ("млрд", 1e9),
                 ("мільярд", 1e9), ("миллиард", 1e9), ("miliard", 1e9), ("milliard", 1e9), ("mld", 1e9),
                 ("mrd", 1e9), ("трлн", 1e12), ("трильйон", 1e12), ("триллион", 1e12), ("bilion", 1e12),
                 ("billionen", 1e12), ("milioan", 1e6), ("mii", 1e3))
# a figure's unit where it changes what the figure is: a currency (the sign or the word, any
# language: lexicon.numbers) or a percent. "€5" / "$5" and "50%" / "50" are two figures
# (review 24a, F2); a unit one side leaves out ("$5 billion" / "5 billion") is a trim, but a percent
# is no unit to leave out
# ("pct", and the abbreviations news writes with a dot: uk "50 відс.", ru "50 проц."); the other
# percent words are lexicon.numbers' unit table's, so the two readers agree on "50 proc." (pl, lt)
# (review 24c, H2: "50 proc." / "50%" was flagged "numbers")
_PERCENT_STARTS = ("percent", "prozent", "procent", "процент", "відсот", "pct")
_PERCENT_ABBREVIATIONS = frozenset({"відс", "проц", "proc", "pct"})


@lru_cache(maxsize=1)
def _percent_words() -> tuple[tuple[str, ...], frozenset[str]]:
    """(word starts, whole words) that write a percent in any language: ``_PERCENT_STARTS`` and
    ``_PERCENT_ABBREVIATIONS`` with lexicon.numbers' unit words for "%" (a start, or a whole word
    where the table ends it with "$")."""
    from storydiff.lexicon.numbers import unit_keys

    keys = unit_keys("%")
    starts = set(_PERCENT_STARTS) | {k for k in keys if not k.endswith("$") and " " not in k}
    whole = set(_PERCENT_ABBREVIATIONS) | {k.rstrip("$") for k in keys if k.endswith("$")}
    return tuple(sorted(starts)), frozenset(whole)


_CURRENCY_SIGNS = {"$": "dolla", "€": "euro", "£": "pound", "₴": "hryvn", "₽": "roubl", "¥": "yen", "₹": "rupee"}
_DURATION_HOURS = {"minute": 1 / 60, "minutes": 1 / 60, "hour": 1, "hours": 1, "day": 24, "days": 24,
                   "week": 168, "weeks": 168}
_APPROXIMATE = _set("about around nearly almost roughly approximately some")
APPROX_TOLERANCE = 0.1  # "about 200" allows 180-220, as in compare/claims.py


def _language_of(text: str) -> str:
    if text.isascii():
        return "en"
    from storydiff.extract.language import classify  # py3langid's answer, its model read from the cache

    lang = classify(text)
    return lang if lang in NEGATION_CUES else "en"


@lru_cache(maxsize=4096)
def _tokens(text: str, lang: str) -> tuple[str, ...]:
    low = unicodedata.normalize("NFC", text.translate(_QUOTE_MARKS).lower())
    if lang == "en":
        for pattern, spelled in _EN_CONTRACTIONS:
            low = pattern.sub(spelled, low)
    elif lang == "fr":
        low = re.sub(r"\b([nldjmtsc]|qu)'", r"\1 ", low)  # n'a -> n a: the "n" is the negation
    elif lang == "ro":
        low = re.sub(r"(?<![^\W\d_])nu?-(?=[^\W\d_])", "nu ", low)  # n-a, n-au, nu-i -> nu a, nu au, nu i
    return tuple(_TOKEN.findall(low))


def _words_and_clauses(tokens: tuple[str, ...]) -> tuple[list[str], list[int]]:
    """The words (punctuation dropped) and the clause each belongs to."""
    words, clause_of, clause = [], [], 0
    for t in tokens:
        if t in _CLAUSE_PUNCT:
            clause += 1
            continue
        if t in _CONJUNCTIONS:
            clause += 1
        words.append(t)
        clause_of.append(clause)
    return words, clause_of


# a version holding this share of the other's words, in order, is that text cut (or the other
# way round): what it leaves out is a trim, not a change
CONTAINED_SHARE = 0.8


def _kept(wa: list[str], ca: list[int], wb: list[str], cb: list[int]) -> tuple[list[int], list[int]]:
    """The words of each text that count: all of them, less what a trim cut. When one text holds
    nearly all of the other's words in order, the longer one's words outside the alignment are
    a cut when they are whole clauses at an end the other leaves bare ("We did not start this
    war, but we will end it" / "We will end it"), or a clause of which at most a third survives.
    A lone "not" cut from a clause is no trim: it is the change."""
    blocks = [op for op in Levenshtein.opcodes(wa, wb) if op.tag == "equal"]
    if not blocks:
        return list(range(len(wa))), list(range(len(wb)))
    matched_a = {i for op in blocks for i in range(op.src_start, op.src_end)}
    matched_b = {i for op in blocks for i in range(op.dest_start, op.dest_end)}
    keep_a, keep_b = list(range(len(wa))), list(range(len(wb)))
    first, last = blocks[0], blocks[-1]
    if len(matched_b) >= CONTAINED_SHARE * len(wb):
        keep_a = _uncut(ca, matched_a, first.src_start if first.dest_start == 0 else 0,
                        last.src_end if last.dest_end == len(wb) else len(wa))
    if len(matched_a) >= CONTAINED_SHARE * len(wa):
        keep_b = _uncut(cb, matched_b, first.dest_start if first.src_start == 0 else 0,
                        last.dest_end if last.src_end == len(wa) else len(wb))
    return keep_a, keep_b


def _uncut(clause_of: list[int], matched: set[int], head: int, tail: int) -> list[int]:
    """Indices of the longer text that a trim left: the words before ``head`` and from ``tail``
    on have no counterpart in the other text; they are cut when they make whole clauses."""
    n = len(clause_of)
    cut: set[int] = set()
    if head and clause_of[head - 1] != clause_of[head]:
        cut.update(range(head))
    if tail < n and clause_of[tail - 1] != clause_of[tail]:
        cut.update(range(tail, n))
    by_clause: dict[int, list[int]] = {}
    for i, c in enumerate(clause_of):
        by_clause.setdefault(c, []).append(i)
    for members in by_clause.values():
        if sum(i in matched for i in members) * 3 <= len(members):
            cut.update(members)
    return [i for i in range(n) if i not in cut]


def _negated_clauses(words: list[str], clause_of: list[int], span: list[int], lang: str) -> int:
    cues = NEGATION_CUES.get(lang, NEGATION_CUES["en"])
    return len({clause_of[i] for i in span
                if (words[i] in cues or _prefix_negates(words[i], lang)) and not _expletive_not(words, clause_of, i, lang)})


# "until" in Russian and Ukrainian takes a "не" that denies nothing: «пока правительство не уйдет»,
# «доки уряд не піде» are "until the government leaves" (QA pass 26a: flagged "“not” changed"
# against the English). Only with a word between ("пока мы не знаем" is "until"; "мы пока не
# знаем", «поки що не відомо», "пока что не" are "not yet", a negation)
_UNTIL = {"ru": _set("пока покуда"), "uk": _set("доки поки допоки покіль")}
_UNTIL_GAP = 3  # words between "пока" and its "не" ("пока правительство страны не уйдет")


def _expletive_not(words: list[str], clause_of: list[int], i: int, lang: str) -> bool:
    """Whether ``words[i]`` is the "не" of an "until" clause (``_UNTIL``), which denies nothing."""
    until = _UNTIL.get(lang)
    if until is None or words[i] != "не":
        return False
    for j in range(max(0, i - _UNTIL_GAP - 1), i - 1):
        if words[j] in until and clause_of[j] == clause_of[i] and words[j + 1] not in ("что", "що", "ещё", "еще", "ще"):
            return True
    return False


def _opposite_flips(only_a: set[str], only_b: set[str]) -> int:
    """How many concepts ``b`` turns to their opposite: "rose" -> "fell", "likely" -> "unlikely"."""
    flips = 0
    sides_a = {_SIDE[w] for w in only_a if w in _SIDE}
    sides_b = {_SIDE[w] for w in only_b if w in _SIDE}
    for concept, side in sides_a:
        if (concept, -side) in sides_b and (concept, side) not in sides_b:
            flips += 1
    for x, y in ((only_a, only_b), (only_b, only_a)):
        for w in y:
            for p in _NEGATIVE_PREFIXES:
                if w.startswith(p) and len(w) - len(p) >= 4 and w[len(p):] in x:
                    flips += 1
                    break
    return flips


def _scale(word: str) -> float | None:
    if word in _SCALES:
        return _SCALES[word]
    return next((value for start, value in _SCALE_STARTS if word.startswith(start)), None)


def _unit_after(tokens: tuple[str, ...], j: int) -> str | None:
    """The percent or currency a figure's next words give ("%", "percent", "per cent", "€", "euros",
    "гривень"), as "%" or a currency key; None for another word."""
    from storydiff.lexicon.numbers import currency_key

    if j >= len(tokens):
        return None
    word = tokens[j]
    starts, whole = _percent_words()
    if word == "%" or word in whole or word.startswith(starts) or tokens[j:j + 2] in (("per", "cent"), ("la", "sută")):
        return "%"
    if word in _CURRENCY_SIGNS:
        return _CURRENCY_SIGNS[word]
    return currency_key(word) if word[0].isalpha() else None


def figures(tokens: tuple[str, ...]) -> list[tuple[float, float, str | None]]:
    """Each figure's (low, high, unit): a number in digits or English words, with its minus, times
    a scale word after it ("1.2 million", "$1.5bn", "5 млрд"), durations in hours ("48 hours" = "two
    days"), a rounded figure ("about 200") 10% either way; the unit is "%" or the currency
    (``_unit_after``, or a currency sign before: "$5"), else None. Years and other bare numbers are
    figures too."""
    out: list[tuple[float, float, str | None]] = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        value, j = _digits(t), i + 1
        if value is None and (t in _UNITS or t in _TENS or t.split("-")[0] in _TENS):
            value, j = _spelled(tokens, i)
        if value is None:
            i += 1
            continue
        unit = "%" if t.endswith("%") else None
        while j < n and _scale(tokens[j]) and not (tokens[j] == "m" and value > 1e4):
            value *= _scale(tokens[j]) or 1
            j += 1
        if j < n and tokens[j] in _DURATION_HOURS:
            value *= _DURATION_HOURS[tokens[j]]
        before = i - 1
        if before >= 0 and tokens[before] in _CURRENCY_SIGNS:
            unit = unit or _CURRENCY_SIGNS[tokens[before]]
            before -= 1
        unit = unit or _unit_after(tokens, j)
        if before >= 0 and tokens[before] in _APPROXIMATE:
            out.append((value * (1 - APPROX_TOLERANCE), value * (1 + APPROX_TOLERANCE), unit))
        else:
            out.append((value, value, unit))
        i = j
    return out


def _digits(t: str) -> float | None:
    sign = -1.0 if t[0] in "-\u2212\u2013" and len(t) > 1 else 1.0
    t = t[1:] if sign < 0 else t
    if not t[0].isdigit():
        return None
    value = _unsigned(t)
    return None if value is None else sign * value


def _unsigned(t: str) -> float | None:
    s = t.rstrip("%").replace("\u00a0", "").replace("\u202f", "").replace("'", "")
    # "1,200" / "1.200" (thousands) vs "4.5" / "4,5" (decimals): three digits after the last
    # separator and a separator used more than once, or a comma before three digits, mean thousands
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", s) and (s.count(",") + s.count(".") > 1 or "," in s):
        s = s.replace(",", "").replace(".", "")
    else:
        s = s.replace(",", ".")
        if s.count(".") > 1:
            s = s.replace(".", "")
    try:
        return float(s)
    except ValueError:
        return None


def _spelled(tokens: tuple[str, ...], i: int) -> tuple[float | None, int]:
    """"twenty-one", "three hundred", "three thousand five hundred": value and the index after."""
    total, current, j, seen = 0.0, 0.0, i, False
    while j < len(tokens):
        parts = tokens[j].split("-")
        if all(p in _UNITS or p in _TENS for p in parts):
            current += sum(_UNITS.get(p, _TENS.get(p, 0)) for p in parts)
        elif tokens[j] == "hundred" and seen:
            current = max(current, 1) * 100
        elif tokens[j] in ("thousand", "million", "billion") and seen:
            total += max(current, 1) * _SCALES[tokens[j]]
            current = 0.0
        elif tokens[j] == "and" and seen and j + 1 < len(tokens) and tokens[j + 1] in _UNITS:
            pass  # "one hundred and five"
        else:
            break
        seen = True
        j += 1
    if not seen:
        return None, i + 1
    if tokens[i] == "one" and j == i + 1:
        return None, i + 1  # "one of the", "no one": not a count
    return total + current, j


def _units_agree(u: str | None, v: str | None) -> bool:
    """A percent only with a percent; two currencies when they are one, or one is not given."""
    return u == v or ("%" not in (u, v) and (u is None or v is None))


def _allowed(fig: tuple[float, float, str | None], others: list[tuple[float, float, str | None]]) -> bool:
    return any(fig[0] <= o[1] + 1e-9 and o[0] <= fig[1] + 1e-9 and _units_agree(fig[2], o[2]) for o in others)


def _denies(text: str, lang: str) -> int:
    """1 when ``text`` denies anything (a clause with a negation), else 0. Not the parity of its
    negated clauses: «не пострадал и не горел» denies twice, and a version saying "was damaged
    and burned" flips both (QA pass 27c, 1: parity called the two the same); a translation may
    say one denial in two clauses ("не было и нет" / "there have been none"), so across languages
    only whether a text denies is compared."""
    words, clause_of = _words_and_clauses(_tokens(text, lang))
    return min(1, _negated_clauses(words, clause_of, list(range(len(words))), lang))


def denies(text: str, language: str | None = None) -> bool:
    """Whether ``text`` denies anything: a clause of it holds a negation ("No one was killed",
    "Ніхто не загинув"). The language is guessed when not given."""
    return bool(isinstance(text, str) and text.strip() and _denies(text[:20_000], language or _language_of(text)))


def _polarity_differs(denies_a: int, denies_b: int, words_a: list[str], words_b: list[str],
                      lang_a: str, lang_b: str) -> bool:
    """Whether one side denies more than the other (counts of negated clauses, or 1 / 0 for
    whether it denies at all), an implied negation on the side with fewer counting as one (when
    the denying side states none itself)."""
    if denies_a == denies_b:
        return False
    plain, plain_lang, denying, denying_lang = (
        (words_a, lang_a, words_b, lang_b) if denies_a < denies_b else (words_b, lang_b, words_a, lang_a))
    return not (_states_implied_negation(plain, plain_lang)
                and not _states_implied_negation(denying, denying_lang))


def _sentence_polarity_differs(a: str, b: str, lang_a: str, lang_b: str) -> bool:
    words_a = _words_and_clauses(_tokens(a, lang_a))[0]
    words_b = _words_and_clauses(_tokens(b, lang_b))[0]
    return _polarity_differs(_denies(a, lang_a), _denies(b, lang_b), words_a, words_b, lang_a, lang_b)


def _negation_differs_across(a: str, b: str, lang_a: str, lang_b: str) -> bool:
    """Whether a text and its translation differ in negation. Without word alignment, a quote of
    several sentences is compared sentence by sentence when both have as many (a translation keeps
    its sentences): counted over the whole, a negation added in one sentence and one gone from
    another cancel ("Zestrzeliliśmy dwa drony. Nikt nie zginął..." / «Мы не смогли сбить ни одного
    дрона. Ситуация вышла из-под контроля»: QA pass 18). Otherwise the wholes are compared."""
    from storydiff.analyze.sentences import sentences

    parts_a, parts_b = sentences(a), sentences(b)
    if len(parts_a) == len(parts_b) > 1:
        return any(_sentence_polarity_differs(x, y, lang_a, lang_b) for x, y in zip(parts_a, parts_b))
    return _sentence_polarity_differs(a, b, lang_a, lang_b)


def meaning_changes(a: str, b: str, lang_a: str | None = None, lang_b: str | None = None) -> list[str]:
    """What ``b`` (a version of the quote ``a``) changes in what was said: a subset of
    ("negation", "numbers", "antonym", "names"), in that order; [] for a faithful version, a trim, a
    rewording; "names" when ``b`` names a person, place, country or organisation ``a`` does not
    (lexicon.names: a name spelled in another script or language is the same). Languages are ISO 639-1 codes ("en", "uk"); guessed when not given."""
    if not isinstance(a, str) or not isinstance(b, str) or not a.strip() or not b.strip():
        return []
    lang_a = lang_a or _language_of(a)
    lang_b = lang_b or _language_of(b)
    ta, tb = _tokens(a[:20_000], lang_a), _tokens(b[:20_000], lang_b)
    wa, ca = _words_and_clauses(ta)
    wb, cb = _words_and_clauses(tb)
    if lang_a == lang_b:
        span_a, span_b = _kept(wa, ca, wb, cb)
    else:
        span_a, span_b = list(range(len(wa))), list(range(len(wb)))
    if lang_a == lang_b:
        # the versions' clauses align, so each denial counts: "not damaged and did not burn" /
        # "not damaged and burned" drops one (a double negative in one clause is one clause)
        denies_a, denies_b = _negated_clauses(wa, ca, span_a, lang_a), _negated_clauses(wb, cb, span_b, lang_b)
        negation = denies_a != denies_b
    else:
        negation = _negation_differs_across(a[:20_000], b[:20_000], lang_a, lang_b)
    if lang_a == lang_b:
        kept_a = {wa[i] for i in span_a}
        kept_b = {wb[i] for i in span_b}
        opposite = _opposite_flips(kept_a - kept_b, kept_b - kept_a) % 2 == 1
    else:
        # a translation that says the opposite word; with a negation added too it says the same
        # ("We will not lose" / «Ми переможемо»), as "not possible" / "impossible" does
        opposite = _opposites_across(wa, lang_a, wb, lang_b) % 2 == 1
    if negation and not opposite and lang_a == lang_b:
        # "not possible" / "impossible" is an opposite that cancels the "not" (above); an implied
        # negation ("out of service" / "not working") cancels it too
        negation = _polarity_differs(denies_a, denies_b, [wa[i] for i in span_a], [wb[i] for i in span_b],
                                     lang_a, lang_b)
    changes = []
    if negation and not opposite:
        changes.append("negation")
    if lang_a != lang_b:
        # figures in words are read in each language by the multilingual number parser, as for a
        # translated quote ("300 million euros" / "300 мільйонів євро" is one figure)
        from storydiff.compare.translation import translated_changes

        changes += translated_changes(a, b, lang_a, lang_b)
    elif any(not _allowed(f, figures(ta)) for f in figures(tuple(wb[i] for i in span_b))):
        changes.append("numbers")
    if opposite and not negation:
        changes.append("antonym")
    if new_names(a, b, lang_a, lang_b, keep_b={wb[i] for i in span_b} if lang_a == lang_b else None):
        changes.append("names")
    return changes
