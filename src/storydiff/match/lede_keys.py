"""What a report leads with, for the clusterer's same-language vetoes of related events.

Agencies tell every event of one kind with one template: the same opening formula, the same
official quoted, the same genre words ("ухвалили бюджет на 2027 рік", "завдали ракетного удару
по ... району Харкова"). To the lexical score two such reports look like one story, and a story
then absorbs every city's budget session of the week (QA pass 21b, 05: six cities in one story; a
generated export's 153 events in one 1,465-article story) or the evening strike joins the
morning's (07). What tells them apart is what each report leads with:

- ``lede_names``: the names in its headline and first sentence (a dateline sentence before it
  read with it): where and who. Reports of one event name the place or person the other leads
  with somewhere in their text; a Kharkiv budget report names no Vinnytsia, and the reverse.
  A capitalised word that opens a sentence counts only when the text also writes it, in some
  form, capitalised inside a sentence ("Уранці ..." opens a sentence and names nothing; "Харків,
  5 грудня." is confirmed by "у Харкові"); an agency credited in the lede ("повідомляє УНН",
  "(Reuters)") is who reported it, not what happened (analyze.origins' known outlets).
- ``day_parts``: the parts of the day its first sentence names (night, morning, afternoon,
  evening, in uk/ru/en/de/pl, and clock times after a time preposition): two strikes on one
  city, one "уранці" at 06:40 and one "увечері" at 19:25, are two events.

The clusterer (``OnlineClusterer._lede_apart``) vetoes a join when both sides lead with names
and each side's are missing from all of the other's names (``names_apart``), or when they are of
one day, name opposite parts of it and each leads with a name the other lacks (``parts_apart``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

LEDE_CHARS = 600  # of the text: the first sentence (and a dateline sentence before it) lies within
_MIN_SENTENCE_WORDS = 6  # a shorter first sentence ("Харків, 5 грудня.") is read with the next
_BYLINE_CHARS = 200  # a byline is a line, not a paragraph (extract.metadata._byline reads no longer one)
_CONFIRM_CHARS = 6000  # of the text, for the names written capitalised inside a sentence
_WORD = re.compile(r"\w+(?:['’ʼ]\w+)*")
_HYPHENATED = re.compile(r"\w+(?:[-‑]\w+)+")
_CAPITALISED_RUN = re.compile(r"[^\W\d_][\w'’ʼ]*(?:[ \t]+[^\W\d_][\w'’ʼ]*){0,3}")
# what a word opening a sentence follows (a capital there names nothing by itself)
_OPENERS = frozenset(".!?…«\"“„:\n")

NIGHT, MORNING, AFTERNOON, EVENING = 1, 2, 4, 8
_PART_WORDS = (
    (NIGHT, r"вночі|уночі|ночі|нічн\w*|ніч|ночью|ночн\w*|ночь|overnight|night|nights|nighttime|nachts|nacht|nächtlich\w*"
            r"|w\s+nocy|nocą|nocn\w*"),
    (MORNING, r"вранці|уранці|зранку|зрання|ранку|ранков\w*|утром|утренн\w*|утра|morning|morgens|frühmorgens"
              r"|vormittag\w*|rano|rankiem|poranek|porann\w*"),
    (AFTERNOON, r"вдень|удень|опівдні|пополудні|по\s+обіді|після\s+обіду|днем|днём|после\s+обеда|в\s+полдень"
                r"|afternoon|midday|noon|nachmittag\w*|mittags|po\s+południu|w\s+południe|popołudni\w*"),
    (EVENING, r"ввечері|увечері|вечора|вечір|вечірн\w*|вечером|вечерн\w*|evening|abends|abend\w*|wieczorem"
              r"|wieczor\w*|wieczór"),
)
_PARTS = re.compile("|".join(f"(?P<p{bit}>\\b(?:{words})\\b)" for bit, words in _PART_WORDS), re.IGNORECASE)
_GERMAN_MORNING = re.compile(r"\b(?:am|jeden|diesen|heute|gestern)\s+Morgen\b")  # "morgen": tomorrow
# a clock time after a time preposition ("о 06:40", "at 19:25", "um 7.30 Uhr", "o godz. 19.25")
_CLOCK = re.compile(r"\b(?:о|об|в|у|к|до|близько|около|at|around|about|by|um|gegen|o|ok\.|około|godz\.|godzinie)"
                    r"\s+(?:godz\.\s+)?([01]?\d|2[0-3])[:.]([0-5]\d)\b", re.IGNORECASE)
_AM_PM = re.compile(r"\b(1[0-2]|0?[1-9])(?::[0-5]\d)?\s*([ap])\.?m\b\.?", re.IGNORECASE)


def lede_text(text: str, title: str | None) -> str:
    """The headline and the text's first sentence of at least _MIN_SENTENCE_WORDS words, with the
    shorter sentences before it (a dateline: "Харків, 5 грудня.")."""
    from storydiff.analyze.sentences import sentence_spans

    head = _without_byline((text or "")[:LEDE_CHARS + _BYLINE_CHARS])[:LEDE_CHARS]
    end = 0
    for _, b in sentence_spans(head[: _first_lines_end(head)]):
        end = b
        if len(_WORD.findall(head[:b])) >= _MIN_SENTENCE_WORDS:
            break
    lede = head[:end] if end else head
    return f"{title}\n{lede}" if isinstance(title, str) and title.strip() else lede


def _without_byline(head: str) -> str:
    """``head`` without a byline on its first line ("Par Claire Dumont, avec AFP"): the reporter
    is no name the report leads with, and a French report of the EU summit kept apart from
    another's by "Claire Dumont" alone (QA pass 27a, 03)."""
    from storydiff.extract.metadata import is_byline

    first, nl, rest = head.lstrip().partition("\n")
    # a byline ends on no full stop: "By Tuesday evening, rescuers had pulled 14 people out." is
    # the lede, which is_byline's "By <Name>" takes too
    sentence = first.rstrip().endswith((".", "!", "?", "…"))
    return rest if nl and len(first) <= _BYLINE_CHARS and not sentence and is_byline(first) else head


def _first_lines_end(head: str) -> int:
    """Where the lines holding the first _MIN_SENTENCE_WORDS words end (the sentence split reads
    no further)."""
    at = 0
    while True:
        nl = head.find("\n", at)
        if nl < 0 or len(_WORD.findall(head[:nl])) >= _MIN_SENTENCE_WORDS:
            return len(head) if nl < 0 else nl
        at = nl + 1


def _written_inside_a_sentence(word: str, texts: tuple[str, ...]) -> bool:
    """Whether one of ``texts`` writes a form of ``word`` (same_stem) capitalised inside a sentence
    (not opening one): only the few words of a lede are asked, so the text is searched for them."""
    heads = {word[:3].capitalize(), word[:3].upper()}
    for text in texts:
        text = text[:_CONFIRM_CHARS]
        for head in heads:
            at = text.find(head)
            while at >= 0:
                if at == 0 or not text[at - 1].isalnum():
                    m = _WORD.match(text, at)
                    i = at - 1
                    while i >= 0 and text[i] in " \t\u00a0":
                        i -= 1
                    if m and i >= 0 and text[i] not in _OPENERS and same_stem(word, m.group().lower()):
                        return True
                at = text.find(head, at + 1)
    return False


def _credited(lede: str) -> set[str]:
    """The lowercased words of the outlets and agencies named in ``lede`` ("УНН", "Інтерфакс-Україна",
    "Українські Національні Новини"): who reported, not what happened."""
    from storydiff.lexicon.outlets import known_outlet

    out: set[str] = set()
    for m in _HYPHENATED.finditer(lede):
        if known_outlet(m.group()):
            out.update(w.lower() for w in re.split(r"[-‑]", m.group()))
    for m in _CAPITALISED_RUN.finditer(lede):
        words = m.group().split()
        for i in range(len(words)):
            for j in range(len(words), i, -1):
                if words[i][0].isupper() and known_outlet(" ".join(words[i:j])):
                    out.update(w.lower() for w in words[i:j])
                    break
    return out


# an adjective of a place, as Slavic languages write a city's council or region: "Одеська",
# "Полтавська", "Київському", "Московской", "Warszawska", "Krakowskiego"
_PLACE_ADJECTIVE = re.compile(r"(?:ськ|цьк|зьк|ск|цк|sk|ck)(?:а|ий|ій|ого|ому|ої|ою|им|их|ая|ой|ую|ом|ие|a|i|ie|iego|iej|im|ich)$")


# A street's name says nothing of which city: every Ukrainian city has its Shevchenka, Nezalezhnosti
# and Hrushevskoho streets (two towns' warehouse fires "на вулиці Науки" are two events).
_STREET_BEFORE = re.compile(r"\b(?:вул|вулиц[яіею]|просп|проспект[іу]?|бульвар[іу]?|провулк[уі]|площ[аіею]|ул|улиц[аеуы]"
                            r"|проспект[еу]?|переулк[еу]|площад[ьи]|ulic[ayę]|ul|alei|al|placu|plac)\.?\s+"
                            r"((?:[^\W\d_][\w'’ʼ-]*\s+){0,2}[^\W\d_][\w'’ʼ-]*)", re.IGNORECASE)
_STREET_AFTER = re.compile(r"((?:[A-Z][\w'-]*\s+){1,2})(?:Street|St\.|Avenue|Ave\.|Road|Boulevard|Square|Lane)\b")


# a page's stamp in the lede ("Mon Jan 5, 2009 10:42am GMT"): no name of what happened
_CALENDAR = frozenset([
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "updated",
    "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "msk", "am", "pm",
])


def _streets(lede: str) -> set[str]:
    """The lowercased capitalised words of the street names in ``lede``."""
    out: set[str] = set()
    for rx in (_STREET_BEFORE, _STREET_AFTER):
        for m in rx.finditer(lede):
            for w in m.group(1).split():
                if not w[:1].isupper():
                    break
                out.add(w.lower())
    return out


def lede_names(text: str, title: str | None, entities: Iterable[str], lede: str | None = None) -> tuple[str, ...]:
    """The names (lowercased, as ``features.extract_terms`` gives them: ``entities``) that the
    headline and first sentence give (``lede``: lede_text's, when known), sorted; see the module's
    docstring for what counts."""
    names = entities if isinstance(entities, (set, frozenset, dict)) else set(entities)
    if not names or not text:
        return ()
    lede = lede_text(text, title) if lede is None else lede
    candidates = {w for w in (m.group().lower().replace("’", "'").replace("ʼ", "'") for m in _WORD.finditer(lede))
                  if w in names}
    if not candidates:
        return ()
    candidates -= _credited(lede) | _streets(lede) | _CALENDAR
    texts = (text, title) if isinstance(title, str) else (text,)
    confirmed, openers = set(), set()
    for w in candidates:
        (confirmed if _written_inside_a_sentence(w, texts) else openers).add(w)
    # a lede that confirms no name ("Одеська міська рада ухвалила ..., повідомляє «Інтерфакс-Україна»"):
    # its openers that are adjectives of a place stand in ("Sacked", "Attempted" are no names)
    return tuple(sorted(confirmed or {w for w in openers if _PLACE_ADJECTIVE.search(w)}))


# prepositions of place before a name ("у Харкові", "по Чернігову", "в Одессе", "in Kharkiv",
# "near Bakhmut", "im Kreis Kleve", "w Warszawie"): what follows is where the event happened
_PLACE_BEFORE = frozenset([
    "у", "в", "на", "по", "під", "біля", "поблизу", "неподалік", "над",  # uk
    "во", "под", "около", "возле", "близ",  # ru (в, на, по, у, над: above)
    "in", "near", "outside", "im", "bei", "nahe",  # en, de
    "w", "we", "pod", "koło", "obok", "przy", "nad",  # pl
])


def lede_places(lede_words: str, lede: tuple[str, ...]) -> tuple[str, ...]:
    """The words after a preposition of place in ``lede_words`` (lede_text: the headline and first
    sentence) that are forms of ``lede`` names (lede_names; "по Харкову" in a headline, "Харкова" in the text), sorted: where
    the event happened, not who spoke of it."""
    if not lede:
        return ()
    words = [m.group() for m in _WORD.finditer(lede_words)]
    out = {w.lower() for before, w in zip(words, words[1:])
           if before.lower() in _PLACE_BEFORE and w[:1].isupper() and _any_form((w.lower(),), lede)}
    return tuple(sorted(out))


def same_stem(a: str, b: str) -> bool:
    """Whether two names may be forms of one: they share a start of all but the last three letters
    of the shorter, and at least three ("Харкова", "Харківської"; "Львів", "Львова"; "Odesa",
    "Odesa's"). Looser than the clusterer's ``_same_name``: here a match keeps two reports
    together, so a doubt must match."""
    need = max(3, min(len(a), len(b)) - 3)
    return a[:need] == b[:need]


def _any_form(mine: Iterable[str], names: Iterable[str]) -> bool:
    """Whether any of ``mine`` is, in some form, among ``names``."""
    by_head: dict[str, list[str]] = {}
    for t in mine:
        by_head.setdefault(t[:3], []).append(t)
    if not by_head:
        return False
    for n in names:
        for part in n.split("_"):  # a run of names ("олег_синєгубов") holds each
            for t in by_head.get(part[:3], ()):
                if same_stem(t, part):
                    return True
    return False


def names_apart(mine: Iterable[str], my_names: Iterable[str], theirs: Iterable[str], their_names: Iterable[str],
                places: bool = False) -> bool:
    """Whether both sides lead with names (_says_enough) and each side's are all missing, in any
    form, from the other side's names: two cities' budget sessions, two towns' fires. ``places``:
    the two sides are lede places (lede_places), one each is enough."""
    mine, theirs = tuple(mine), tuple(theirs)
    if not (mine and theirs) if places else not (_says_enough(mine) and _says_enough(theirs)):
        return False
    return not _any_form(mine, their_names) and not _any_form(theirs, my_names)


def place_adjectives(words: Iterable[str]) -> tuple[str, ...]:
    """Those of ``words`` (lowercased) that are adjectives of a place (_PLACE_ADJECTIVE): how Slavic
    languages name a country or city in lower case ("украинской стороне", "харківські рятувальники",
    "warszawski"), no name to the entity channel. A report that writes them names the place."""
    return tuple(w for w in words if _PLACE_ADJECTIVE.search(w))


def _says_enough(lede: tuple[str, ...]) -> bool:
    """Two names or more, or one adjective of place ("Одеська міська рада"): one other name alone
    is too often a stray word or a misspelling to keep two reports apart (on the English 10k
    stream, "Updated", an OCR-garbled name)."""
    return len(lede) >= 2 or (len(lede) == 1 and bool(_PLACE_ADJECTIVE.search(lede[0])))


def names_missing(mine: Iterable[str], their_names: Iterable[str]) -> bool:
    """Whether one of ``mine`` is, in no form, among ``their_names`` (the district one report leads
    with and the other never names)."""
    names = tuple(their_names)
    return any(not _any_form((t,), names) for t in mine)


def day_parts(lede: str) -> int:
    """The parts of the day ``lede`` names, as bits (NIGHT, MORNING, AFTERNOON, EVENING)."""
    bits = 0
    for m in _PARTS.finditer(lede):
        bits |= int(m.lastgroup[1:])
    if _GERMAN_MORNING.search(lede):
        bits |= MORNING
    for m in _CLOCK.finditer(lede):
        bits |= _part_of_hour(int(m.group(1)))
    for m in _AM_PM.finditer(lede):
        hour = int(m.group(1)) % 12 + (12 if m.group(2).lower() == "p" else 0)
        bits |= _part_of_hour(hour)
    return bits


_DE_PART_HOURS = (("nachmittag", AFTERNOON), ("vormittag", MORNING), ("mittag", AFTERNOON), ("abend", EVENING),
                  ("morgen", MORNING), ("früh", MORNING), ("nacht", NIGHT))
_TWO_WORDS_AFTER = re.compile(r"[ \t]+(\w+)(?:[ \t]+(\w+))?")
# the word before a weekday, or before its preposition ("вечером в четверг", "wieczorem w czwartek")
_WORD_BEFORE = re.compile(r"(\w+)[ \t]+(?:(?i:в|во|у|w|we|on|am)[ \t]+)?$")


def weekday_parts(lede: str) -> dict[int, int]:
    """The parts of the day (``day_parts`` bits) the lede names next to a weekday, by weekday (1 =
    Monday): "ordered on Thursday evening", "у четвер увечері", "вечером в четверг", "w czwartek
    po południu", "am Donnerstagabend" (two words after it, or the word before it or before its
    preposition, within the clause: "until Tuesday evening after Monday's quake" names Tuesday's
    evening, not Monday's). A lede naming several days ("will close from Friday, ... ordered on
    Thursday evening") says whose part it is."""
    from storydiff.compare.claims import _WEEKDAY  # the fact comparison's weekday reader

    out: dict[int, int] = {}
    for m in _WEEKDAY.finditer(lede):
        day = next(int(k[1:]) for k, v in m.groupdict().items() if v)
        word = m.group(0).lower()
        bits = next((bit for suffix, bit in _DE_PART_HOURS  # "Donnerstagabend", "Mittwochnachmittag"
                     if word.endswith(suffix) and word[: -len(suffix)].endswith(("tag", "woch", "sonnabend"))), 0)
        after = _TWO_WORDS_AFTER.match(lede, m.end())
        before = _WORD_BEFORE.search(lede[max(0, m.start() - 40):m.start()])
        near = " ".join(w for g in (after, before) if g for w in g.groups() if w)
        bits |= day_parts(near) if near else 0
        if bits:
            out[day] = out.get(day, 0) | bits
    return out


def start_hour(parts: int) -> int:
    """The hour the parts of the day a lede names (``day_parts``) begin at, where they are the
    afternoon or the evening only (12, 17): no report published before it can tell what
    happened then (event_dates.event_start). 0 where the lede names none, the night or the
    morning (the night into a day began the day before)."""
    if not parts or parts & (NIGHT | MORNING):
        return 0
    return 12 if parts & AFTERNOON else 17


def _part_of_hour(hour: int) -> int:
    if hour < 5 or hour >= 22:
        return NIGHT
    if hour < 12:
        return MORNING
    if hour < 17:
        return AFTERNOON
    return EVENING


_OPPOSITE = {NIGHT: AFTERNOON, MORNING: EVENING, AFTERNOON: NIGHT, EVENING: MORNING}


def parts_apart(a: int, b: int) -> bool:
    """Whether each side names one part of the day and the other its opposite (morning and
    evening, night and afternoon): neighbours (a night strike reported "this morning", an
    afternoon statement on a morning's event) and a side naming two parts never are."""
    return a in _OPPOSITE and _OPPOSITE[a] == b


# What a lede says of an event already under way (tells_an_update), in en/uk/ru/de/pl: its toll
# counted again, as a toll noun ("death toll", "кількість загиблих", "Zahl der Toten", "liczba
# ofiar") or as more of the dead than before ("eight more bodies", "bringing the number killed to
# 17", "загиблих ... вже 17", "ещё восемь тел", "zginęło już 17 osób", "weitere Leichen"; review 24b,
# H2); survivors pulled out or searched for, and streets swept up or cleared after it. Each in an
# update's own construction, never a bare noun: "survivors of the quake protested", a resignation
# "in the aftermath of" it, a lawsuit over "the clean-up" are happenings of their own (review 24b,
# M1). Not verbs of a new act (a lawsuit filed, schools ordered shut, a rating cut). "ще 11 поранені"
# after a comma is the first report's "and 11 more injured" ("загинули троє людей, ще 11 поранені",
# as English "three were killed and 11 more injured", which no rule reads as an update), not more
# of the wounded than before ("помер ще один поранений"; QA pass 26c, 01: the first report's
# "нічної атаки" read as an update's night). Only the predicate "поранені"/"поранено" ("ранены"/"ранено")
# so: "…, ще один поранений помер", "…, ещё один раненый скончался" after a comma are updates still.
_COUNT = r"(?:\d+|\w+)"
_UPDATE = re.compile(
    r"\b(?:death[ \t]+toll|toll[ \t]+(?:has[ \t]+|had[ \t]+)?(?:rose|rises|risen|climbed|climbs|jumped|reached)"
    r"|number[ \t]+of[ \t]+(?:people[ \t]+)?(?:killed|dead|deaths|injured|wounded|hurt|victims)"
    r"|more[ \t]+(?:bodies|dead|deaths|victims|casualties|people[ \t]+(?:have[ \t]+|had[ \t]+)?(?:died|been[ \t]+killed"
    r"|were[ \t]+(?:killed|found[ \t]+dead)))"
    r"|(?:bringing|raising|taking|pushing)[ \t]+(?:the|its)[ \t]+(?:death[ \t]+)?(?:toll|number|total|tally|count)"
    r"|(?:killed|dead|deaths|victims)[ \t]+(?:has[ \t]+|had[ \t]+)?(?:rose|risen|rises|climbed|climbs)[ \t]+to"
    r"|\d+[ \t]+now[ \t]+dead|(?:dead|death[ \t]+toll)[ \t]+now[ \t]+(?:at|stands|\d)"
    r"|(?:pulled|rescued|found|freed|dug|brought)[ \t]+(?:out[ \t]+)?(?:\w+[ \t]+){0,2}survivors?\b"
    r"|survivors?[ \t]+(?:were|was|have[ \t]+been|had[ \t]+been)[ \t]+(?:pulled|rescued|found|freed|dug)"
    r"|search(?:ing|ed|es)?[ \t]+for[ \t]+survivors|swept[ \t]+up|sweeping[ \t]+up|clean(?:ed|ing)[ \t]+up"
    r"|clean-?up[ \t]+(?:work[ \t]+|operations?[ \t]+|efforts?[ \t]+)?(?:continued|continues|went[ \t]+on|began|begins|is[ \t]+under[ \t]+way)"
    r"|(?:кількість|кількості|число|числа)[ \t]+(?:загиблих|жертв|поранених|постраждалих)"
    r"|ще[ \t]+" + _COUNT + r"[ \t]+(?:тіл|загибл\w*|жертв)|(?<![,–—][ \t])ще[ \t]+" + _COUNT + r"[ \t]+поранен\w*"
    r"|ще[ \t]+" + _COUNT + r"[ \t]+поранен(?![іо](?!\w))\w*"
    r"|(?:загибл\w*|жертв\w*|поранен\w*|постраждал\w*)[^.!?\n]{0,80}?\b(?:вже|уже)[ \t]+\d+"
    r"|\b(?:вже|уже)[ \t]+" + _COUNT + r"[ \t]+(?:людей|осіб|загибл\w*|жертв)"
    r"|(?:врятува\w*|дістали|витягли|шука\w*|пошук\w*|знайшли)[ \t]+(?:\w+[ \t]+){0,2}(?:вцілілих|вижилих)"
    r"|ліквідац\w*[ \t]+наслідк\w*|ліквіду\w*[ \t]+наслідк\w*|розбир\w*[ \t]+завал\w*"
    r"|(?:число|числа|количество|количества)[ \t]+(?:погибших|жертв|раненых|пострадавших)"
    r"|ещ[её][ \t]+" + _COUNT + r"[ \t]+(?:тел|погибш\w*|жертв)|(?<![,–—][ \t])ещ[её][ \t]+" + _COUNT + r"[ \t]+ранен\w*"
    r"|ещ[её][ \t]+" + _COUNT + r"[ \t]+ранен(?![ыо](?!\w))\w*"
    r"|(?:погибш\w*|жертв\w*|ранен\w*|пострадавш\w*)[^.!?\n]{0,80}?\bуже[ \t]+\d+"
    r"|\bуже[ \t]+" + _COUNT + r"[ \t]+(?:человек|погибш\w*|жертв)"
    r"|(?:спас\w*|достали|вытащили|ищут|иска\w*|поиск\w*|нашли)[ \t]+(?:\w+[ \t]+){0,2}(?:выживших|уцелевших)"
    r"|ликвидац\w*[ \t]+последстви\w*|ликвидир\w*[ \t]+последстви\w*|разбир\w*[ \t]+завал\w*"
    r"|Zahl[ \t]+der[ \t]+(?:Toten|Todesopfer|Opfer|Verletzten)|Totenzahl|Opferzahl"
    r"|weitere[nr]?[ \t]+(?:\d+[ \t]+)?(?:Leichen|Tote|Todesopfer)|bereits[ \t]+" + _COUNT + r"[ \t]+(?:Tote|Todesopfer)"
    r"|(?:bargen|retteten|gerettet|geborgen|fanden|gefunden|suchten|suchen|Suche[ \t]+nach)[ \t]+(?:\w+[ \t]+){0,3}Überlebende\w*"
    r"|Überlebende\w*[ \t]+(?:wurden|konnten)?[ \t]*(?:geborgen|gerettet|gefunden)"
    r"|Aufräumarbeiten|aufgeräumt|räumten[ \t]+auf"
    r"|liczba[ \t]+(?:ofiar|zabitych|zmarłych|rannych|poszkodowanych)|bilans[ \t]+ofiar"
    r"|kolejn\w*[ \t]+(?:\d+[ \t]+)?(?:ciał|ofiar|zabitych|zmarłych|osób[ \t]+(?:zginęło|zmarło))"
    r"|(?:zginęł\w*|zmarł\w*)[ \t]+już|już[ \t]+" + _COUNT + r"[ \t]+(?:osób|osoby|ofiar|zabitych)"
    r"|(?:wydobyli|wydobyto|uratowali|uratowano|odnaleźli|odnaleziono|szuka\w*|poszukiwa\w*)[ \t]+(?:\w+[ \t]+){0,2}ocalał\w*"
    r"|sprząta\w*|sprzątal\w*|uprzątn\w*|usuwa\w*[ \t]+(?:skutki|gruz\w*))",
    re.IGNORECASE,
)


def tells_an_update(lede: str) -> bool:
    """Whether a lede (lede_text) tells the state of an event already under way rather than a
    happening of its own: a toll counted again ("The death toll from the Varn earthquake rose to
    17 on Monday evening", "кількість загиблих зросла до 17", "Zahl der Toten"), survivors pulled
    out, streets swept up after it. The part of the day such a lede names is when the update came,
    not when its event began, so the out-before veto does not read it (clusterer.prepare): the
    same day's evening update was split from the story its morning reports made (round 23, the
    lead's check; review 23b, F5)."""
    return bool(_UPDATE.search(lede))
