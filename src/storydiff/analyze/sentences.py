"""Sentence spans by rule: fast (no model), with character offsets into the article text.

Paragraph breaks always end a sentence. Inside a paragraph a sentence ends at . ! ? or …
(optionally followed by closing quotes/brackets) when whitespace and a capital (any upper-case
letter: Ł, Č, Ґ, Ω), digit or opening quote follow, unless the period belongs to a title or prefix
abbreviation ("Dr.", "Nr.", "ul.", "вул."), an initial, an ordinal day after a word that comes
before a date ("am 12. November"), a German ordinal after an article ("der 71. Austausch"), or a scale or unit word ("Mio.", "proc.", "тис.", "грн.", "ok.")
followed by a figure or a currency/unit ("4 Mrd. Złoty"): before any other capital those end the
sentence ("wyniosła 5 proc. Bank centralny …").
Every sentence rule of the project is here: claims (``compare.claims.claim_spans``) and
revisions read their sentences from ``sentence_spans``.
"""

from __future__ import annotations

import re
from functools import cache

# (a) abbreviations that come before a name, a number or a title ("Dr. Weber", "Nr. 7", "ul.
# Mostowej", "вул. Хрещатик", "ім. Шевченка"): their period never ends the sentence
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st", "jr", "sr",
    "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "u.s", "u.k", "u.n", "e.g", "i.e", "fig", "est", "approx",
    # a mountain's name ("Aoraki/Mt. Cook National Park", "Mt. Everest": ECB+ 23 cut its fall there)
    "mt", "mts",
    # German ("z.B.", "u.a." are caught as initials below)
    "nr", "bzw", "usw", "vgl", "ggf", "evtl", "inkl", "zzgl", "rd", "sog", "str", "jh", "okt", "dez",
    # Polish: "tzw. ", "np. ", "woj. ", ranks before a name ("płk.", "ks.")
    "tzw", "np", "pkt", "woj", "pow", "płk", "mjr", "kpt", "ks", "św",
    # Ukrainian and Russian: "вул. Хрещатик", "проф.", "ім. Шевченка" (Russian "им" is also the
    # pronoun "them": "помогают им. Они …" ends a sentence, so it is not here)
    "вул", "ул", "пл", "просп", "обл", "див", "проф", "ім", "тел",
    # Lithuanian: "pvz. " (for example), ranks before a name ("plk.", "gen." above), "šv." (saint)
    "pvz", "plk", "šv",
}
# abbreviations only as written in lower case: Polish "ul." and German "ca."
_ABBREV_LOWER = {"ul", "ca"}
# (b) scale, unit and measure words, and "ok." (Polish około): a sentence often ENDS with them
# ("wyniosła 5 proc. Bank …", "1700 грн. Поліція …", "4 Mio. Die Polizei …", "be ok. She …"), so
# their period goes on the sentence only before a lower-case word, a figure or a currency or unit
# ("4 Mrd. Złoty", "тис. грн.", "3 proc. PKB", "2 млн. Рублей")
_SCALE = {
    "proc", "tys", "mln", "mld", "godz",
    "млн", "млрд", "тис", "тыс", "грн", "руб", "коп", "ст", "см",
    # Lithuanian (QA pass 24b: "gautas 6 val. 52 min." was cut at "val."): "tūkst.", "mlrd." ("mln.",
    # "proc." above), "val." (hours), "min.", "mėn." (month), "kt." (etc.)
    "tūkst", "mlrd", "val", "min", "mėn", "kt",
}
_SCALE_LOWER = {"ok"}
# German writes every noun with a capital ("3 Mio. Menschen", "2 Mrd. Kubikmeter"): after its scale
# words a sentence ends only before a word that starts German sentences (article, pronoun, adverb)
_SCALE_DE = {"mio", "mrd", "tsd"}
_DE_STARTS_WORDS = (
    "der die das den dem des ein eine einer eines einem einen er sie es wir ich ihr man dies diese dieser"
    " dieses diesem diesen im in am an auf aus bei nach mit von vom zum zur für seit laut trotz wegen doch"
    " aber auch und oder damit dabei dazu dafür davon dann so wie was wer wo wenn als ob da zudem außerdem"
    " allerdings insgesamt nun jetzt heute gestern morgen bisher zuletzt zuvor trotzdem jedoch deshalb"
    " daher somit immerhin mehr weitere weniger rund fast knapp etwa nur noch schon alle viele kein keine"
    " zwar hier dort mittlerweile inzwischen unter über vor hinter neben ende anfang mitte")
_DE_STARTS = frozenset(_DE_STARTS_WORDS.split())
# a year's "r." (pl roku), "р." (uk року), "г." (ru года) after its figure: "w 2020 r. Policja …"
_YEAR_ABBREV = {"r", "р", "г"}
# words after a scale word that go on its sentence although written with a capital
_UNIT_AFTER = {"pkb", "vat", "brutto", "netto", "us-dollar", "ввп"}
# "5 p.m. Police said …" ends there, "5 p.m. Monday", "5 p.m. ET" go on
_CLOCK = {"a.m", "p.m"}
_CLOCK_AFTER = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "et", "est", "edt", "ct",
    "cst", "cdt", "mt", "mst", "mdt", "pt", "pst", "pdt", "gmt", "utc", "bst", "cet", "cest", "eastern",
    "central", "mountain", "pacific", "local",
    # a date after the time, as agency copy writes it: "arrested around 1:30 a.m. Feb. 1 on state Route 94"
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
}
_CLOCK_MONTHS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "january", "february",
    "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"})
# Polish "im." is "imienia" before a name ("Szpitala im. Jana Pawła II") and the pronoun "them"
# ("Pomagamy im. Oni …"): the abbreviation after the name of an institution (a word starting as
# one, or a capitalised word inside the sentence: "Szpitala im. Jana Pawła II")
_IM = "im"
_IM_AFTER = re.compile(
    r"(?:szpital|szkoł|szkol|przedszkol|uniwersytet|politechni|akademi|liceum|gimnazjum|instytut|teatr|"
    r"muzeum|fundacj|centrum|stadion|park|plac|ośrod|bibliotek|filharmoni|zesp[oó]ł|hal)", re.IGNORECASE)
# "am 12. November", "den 18. Dezember", "12. listopada", "im 19. Jahrhundert": the day's (or
# century's) number is an ordinal, written with a period, and the month goes on the sentence
@cache
def _ordinal_noun() -> re.Pattern:
    """A month's name (German or Polish, as ``lexicon.numbers`` lists them; or "Jahrhundert", or
    a short month with its period) after an ordinal day's period. Built at first use from the one
    month table: extraction loads no comparison code."""
    from storydiff.lexicon.numbers import MONTHS_AFTER_DAY

    names = "|".join(MONTHS_AFTER_DAY["de"].split() + MONTHS_AFTER_DAY["pl"].split() + ["jahrhunderts?"])
    return re.compile(rf"\s+(?:(?:{names})(?!\w)|(?:jan|feb|mär|apr|jun|jul|aug|sept?|okt|nov|dez)\.)", re.IGNORECASE)
# the day's number is an ordinal only after a word that comes before a date ("am 12. November",
# "vom 12. bis 14. Mai", "Montag, 12. Mai") or before a month and its year ("12. Mai 2025"): "mit
# Platz 12. Mai war …", "rose to 12. August was …" end the sentence
_ORDINAL_BEFORE = re.compile(
    r"(?:(?<!\w)(?:am|an|den|dem|der|des|vom|zum|bis|ab|seit|im|ins|für|und|zwischen|montag|dienstag"
    r"|mittwoch|donnerstag|freitag|samstag|sonntag)|,)\s+$",
    re.IGNORECASE,
)
_YEAR_AFTER = re.compile(r"\s+\d{4}(?!\d)")
# German writes an ordinal as its figure and a period, and every noun with a capital: after an
# article, a possessive or a preposition fused with one, "der 71. Austausch", "das 22.
# Sanktionspaket", "zum 4. Mal", "dem 2. Westlichen Militärbezirksgericht" go on (QA pass 24a, 08);
# "waren es 71. Die Behörden …" and "belegte den 3. Das war …" (a word that opens German sentences)
# end there
_ORDINAL_NOUN_BEFORE = re.compile(
    r"(?<!\w)(?:der|die|das|dem|den|des|zum|zur|am|im|beim|vom|ins|ans|aufs|fürs|"
    r"(?:mein|dein|sein|ihr|unser|euer|jed)(?:e|er|es|em|en)?)\s+$",
    re.IGNORECASE,
)
# a period (or ! ? …, with closing quotes) before whitespace and a capital, a figure or an opening
# quote; the capital is any upper-case letter (Latin with Ł Ś Ż Č Ř, Cyrillic, Greek), tested by
# ``str.isupper`` in ``sentence_spans``: a class of ranges missed Polish "Śledztwo", "Łódź"
_END = re.compile(r"[.!?…]+[\"'”’»)\]]*(?=\s+[\"'“‘«„(\[]?(\w))")


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every sentence in ``text``, stripped of surrounding whitespace."""
    spans: list[tuple[int, int]] = []
    pos = 0
    for para in re.finditer(r"[^\n]+", text):
        p_start, p_text = para.start(), para.group()
        cut = 0
        for m in _END.finditer(p_text):
            first = m.group(1)
            if not (first.isupper() or first.istitle() or first.isdigit()):
                continue
            before = p_text[cut:m.start()]
            word = re.search(r"([\w.]+)$", before)
            if m.group().startswith(".") and word and _no_end_after(word.group(1), p_text, m.end(), cut + word.start(1)):
                continue
            spans.append((p_start + cut, p_start + m.end()))
            cut = m.end()
        spans.append((p_start + cut, p_start + len(p_text)))
        pos = para.end()
    del pos
    out = []
    for a, b in spans:
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        if b - trail > a + lead:
            out.append((a + lead, b - trail))
    return out


_CLOCK_BEFORE = re.compile(r"\b[ap]\.?\s?m\.?\s*$", re.IGNORECASE)


def _tail_from(text: str, start: int, longest: int = 32) -> int:
    """Where a search for a word and the blanks that end at ``start`` (``_ORDINAL_BEFORE``,
    ``_CLOCK_BEFORE``: none longer than ``longest`` without its blanks) may begin. Searched from
    the text's start, each period read all the text before it: 2,500 sentences ending in a figure
    took 6 s, 100,000 would take hours (review 26)."""
    j = start
    while j > 0 and text[j - 1].isspace():
        j -= 1
    return max(0, j - longest)


def _no_end_after(word: str, text: str, after: int, start: int) -> bool:
    """Whether the period after ``word`` belongs to it (an abbreviation, an initial, an ordinal
    day before its month) rather than ending the sentence; ``after``: where the text goes on (a
    capital or a figure follows: lower case never ends a sentence), ``start``: where ``word`` starts."""
    w = word.lower()
    if w in _SCALE_DE:
        nxt = _next_word(text, after)
        return nxt not in _DE_STARTS or _goes_on_after_scale(text, after)
    if w in _SCALE or word in _SCALE_LOWER or (w in _YEAR_ABBREV and _after_figure(text, start)):
        return _goes_on_after_scale(text, after)
    if w in _CLOCK:
        nxt = _next_word(text, after)
        if nxt in _CLOCK_MONTHS:
            # "at 1:30 a.m. Feb. 1": a month goes on only with its day after it; "at 8 p.m. December
            # turnout was ..." ends there (review 22d, r3)
            return re.match(r"\s+[\w-]+\.?\s+\d{1,2}\b", text[after:]) is not None
        return nxt in _CLOCK_AFTER
    if w in ("mt", "mts") and _CLOCK_BEFORE.search(text, _tail_from(text, start), start):
        return False  # "at 7 p.m. MT." is Mountain Time ending its sentence, not "Mt. Everest" (review 22d, r3)
    if w in _ABBREV or word in _ABBREV_LOWER or (len(w) == 1 and w.isalpha()) or re.fullmatch(r"(?:\w\.)+\w", w):
        return True
    if word == _IM:
        prev = re.search(r"(\S*\s+)?(\w+)\s+$", text[:start])
        if prev is None:
            return False
        inside = prev.group(1) is not None and not re.search(r"[.!?…][\"'”’»)\]]*\s+$", prev.group(1))
        return _IM_AFTER.match(prev.group(2)) is not None or (inside and prev.group(2)[0].isupper())
    if len(w) <= 2 and w.isdigit() and (month := _ordinal_noun().match(text, after)) is not None:
        return (_ORDINAL_BEFORE.search(text, _tail_from(text, start), start) is not None
                or _YEAR_AFTER.match(text, month.end()) is not None)
    if len(w) <= 3 and w.isdigit() and _ORDINAL_NOUN_BEFORE.search(text, _tail_from(text, start), start) is not None:
        return _next_word(text, after) not in _DE_STARTS
    return False


def _after_figure(text: str, start: int) -> bool:
    """Whether a figure comes right before ``start`` ("2020 r.", "1974 р.")."""
    return re.search(r"\d\s*$", text[:start]) is not None


def _goes_on_after_scale(text: str, after: int) -> bool:
    """Whether the text after a scale or unit word's period goes on its sentence: a figure, or a
    currency or unit written with a capital ("Mrd. Złoty", "mln. Złotych", "proc. PKB")."""
    # the one currency table, imported here: extraction loads no comparison code
    from storydiff.lexicon.numbers import currency_key

    w = _next_word(text, after)
    # a Polish genitive plural with its capital: "300 tys. Ukraińców", "2 mln. Polaków"
    # and a Lithuanian one: "3 tūkst. Lietuvių", "2 mln. Eurų"
    return (w[:1].isdigit() or w in _UNIT_AFTER or currency_key(w) is not None or w.endswith("ów")
            or (len(w) >= 4 and w.endswith("ų")))


def _next_word(text: str, after: int) -> str:
    """The word after ``after`` (past whitespace and an opening quote), lower-cased; "" if none."""
    nxt = re.compile(r"\s+[\"'“‘«„(\[]?([\w-]+)").match(text, after)
    return nxt.group(1).lower() if nxt else ""


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in sentence_spans(text)]
