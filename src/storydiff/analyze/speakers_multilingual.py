"""Who said a quote, in the languages the English parser does not read: uk, ru, de, pl, fr, es (it).

News in these languages attributes a quote in a few fixed shapes, which rules read without a
parser (and without its ~0.1 s per article):

- after the closing mark, a speech verb and the speaker: "», — сказав мер Андрій Коваленко",
  "“, sagte Bürgermeisterin Anna Roth", "” – powiedział Nowak", "», a déclaré le maire Julien
  Morel", "", dijo el alcalde Javier Ortega", "“, so Berger";
- the verb with a pronoun or alone: "— додала вона", "fügte er hinzu", "a-t-il ajouté", "dodał",
  "añadió": the previous quote's speaker;
- before the opening mark, in the same sentence: the speaker and the verb ("Губернатор Павел
  Зимин заявил: «", "Der Sprecher des Ministeriums, Lukas Brandt, sagte: „") or a "according to"
  phrase ("За словами Бондаренка, «", "По словам Смирновой, «", "Selon Lefèvre, «", "Según
  Navarro, "", "Jak zaznaczył Zieliński, „").

The speaker is the run of capitalised words nearest the verb (a title before it, lowercase in
these languages, is skipped; German capitalises it too, so a name is at most its last two words),
preferring a run of two words (a first name and a surname) to a single capitalised word such as
"Telegram" or "Montag"; a surname in the genitive after "за словами" / "по словам" / "zdaniem"
is put back in the nominative, by a fuller mention in the article when there is one. Measured
on the speaker items of ``bench/data/multilingual_analysis.jsonl`` (``python bench/multilingual.py``).
"""

from __future__ import annotations

import functools
import re

from storydiff.analyze.speech_verbs import ENGLISH_SPEAKER_VERBS, SPEECH_VERBS, alternation, verb_forms

# "according to" before a name
_ACCORDING = {
    "uk": "за словами", "ru": "по словам", "de": "laut|so", "pl": "zdaniem|według",
    "fr": "selon|d['’]après", "es": "según", "it": "secondo", "en": "according\\s+to", "lt": "[Pp]asak|[Aa]not",
    # Romanian "potrivit lui Volkov", "conform spuselor lui", "în opinia lui"
    "ro": "potrivit\\s+spuselor\\s+lui|potrivit\\s+lui|conform\\s+spuselor\\s+lui|conform\\s+lui|în\\s+opinia\\s+lui"
          "|după\\s+spusele\\s+lui",
}
# a conjunction right after a quote opens the next clause: "«...», а губернатор X ответил: «...»"
_CONJUNCTIONS = {
    "uk": ("а", "і", "й", "та", "але", "проте", "тоді як"), "ru": ("а", "и", "но", "однако", "тогда как"),
    "de": ("und", "aber", "während", "doch"), "pl": ("a", "i", "ale", "zaś", "natomiast"),
    "fr": ("et", "mais", "tandis que", "alors que"), "es": ("y", "pero", "mientras que"), "it": ("e", "ma", "mentre"),
    "en": ("and", "but", "while", "whereas"), "lt": ("ir", "o", "bet", "tačiau"),
    "ro": ("și", "şi", "iar", "dar", "însă", "în timp ce"),
}
# an attribution to no one: "„...“, hieß es aus Regierungskreisen", "Jak słyszymy nieoficjalnie, „...”":
# the quote has no speaker, and the person quoted before does not take it (QA pass 16)
_ANONYMOUS = {
    "de": r"hieß\s+es|heißt\s+es|hieß\s+es\s+aus|verlautete|verlautet|war\s+zu\s+hören|wie\s+es\s+hieß",
    "pl": r"nieoficjalnie|jak\s+słyszymy|słyszymy|jak\s+się\s+dowiadujemy|dowiadujemy\s+się|mówi\s+się|"
          r"jak\s+(?:dowiedział|dowiedziała|dowiedzieli)\s+się",
    "uk": r"неофіційно|за\s+неофіційною\s+інформацією|як\s+стало\s+відомо|кажуть\s+у|кажуть\s+в",
    "ru": r"неофициально|по\s+неофициальной\s+информации|как\s+стало\s+известно|говорят\s+в",
    "fr": r"selon\s+nos\s+informations|de\s+source\s+proche",
    "es": r"según\s+fuentes|según\s+ha\s+podido\s+saber",
    "it": r"secondo\s+fonti|si\s+apprende",
    "en": r"sources\s+said|it\s+was\s+said|officials\s+said",
    "lt": r"neoficialiai|kaip\s+teigiama|kaip\s+pranešama|kaip\s+skelbiama",
    "ro": r"potrivit\s+unor\s+surse|din\s+surse|surse\s+neoficiale|neoficial|se\s+spune|după\s+cum\s+se\s+știe",
}
_ANONYMOUS_RE = {lang: re.compile(rf"(?<!\w)(?:{p})(?!\w)", re.IGNORECASE) for lang, p in _ANONYMOUS.items()}
_PRONOUNS = {"uk": "він вона", "ru": "он она", "de": "er sie", "pl": "on ona", "fr": "il elle",
             "es": "él ella", "it": "lui lei", "en": "he she", "lt": "jis ji", "ro": "el ea"}
# capitalised words that open a sentence or name no one ("Ale", "Der", "El")
_NOT_NAMES = frozenset(
    ["der", "die", "das", "den", "dem", "des", "ein", "eine", "er", "sie", "es", "wir", "ich", "le", "la", "les", "un", "une", "il", "elle", "nous", "on", "el", "los", "las", "ella", "ello", "él", "nosotros", "pan", "pani", "jak", "ale", "i", "w", "na", "it", "lo", "gli", "la"]
    # pronouns and conjunctions that open a Russian, Ukrainian or Polish sentence: "Я сказал: «»"
    # named "Я" as the speaker (fundus-tests, Kommersant)
    + ["я", "ты", "он", "она", "оно", "мы", "вы", "они", "но", "и", "ти", "він", "вона", "воно", "ми", "ви",
       "вони", "але", "і", "ja", "ty", "ona", "ono", "my", "wy", "oni", "one"]
    # German prepositions opening a sentence: "Nach Einschätzung von Experten", "Vor Ort" are no one
    + ["nach", "mit", "bei", "für", "über", "auf", "aus", "vor", "im", "am", "zum", "zur", "vom", "seit", "trotz"]
    # abbreviated titles before a name: "M. Peskov" is Peskov, "Dr. Ott" Ott
    + ["m", "mme", "mlle", "dr", "mr", "ms", "hr", "fr", "prof"]
    # English words that open a sentence, and titles before a name ("Rep. Jim Clyburn"), for the
    # English rules (``quotes_without_parse``)
    + ["the", "a", "an", "but", "and", "he", "she", "we", "they", "you", "this", "that", "these", "those", "there",
       "his", "her", "their", "its", "our", "mrs", "rep", "sen", "gov", "gen", "col", "lt", "sgt", "maj", "capt"]
    # Polish roles that open a sentence ("Minister przypomniał, że ..."): a role, never the name
    # of the person the next "dodał szef MON" stands for (review 22b, R8)
    + ["minister", "ministra", "rzecznik", "rzeczniczka", "prezydent", "premier", "wojewoda", "burmistrz",
       "prezes", "szef", "szefowa", "komendant", "marszałek", "starosta", "wójt", "prokurator", "dowódca",
       "wiceminister", "wicepremier", "wojewodzie", "prezydenta", "premiera"]
)
# Words that open a Russian or Ukrainian attribution: "Как заявил Дмитрий Песков, «»" named "Как",
# "Об этом сообщил источник: «»" named "Об" (QA pass). No name starts with one; inside a name
# ("Ван По") they are part of it (review).
_OPENERS = frozenset(["как", "як", "об", "про", "по", "за", "так", "также", "тоже", "також", "это", "этом", "це",
                      "цьому", "при", "после", "після", "когда", "коли", "в", "во", "у", "с", "з", "о", "от", "від",
                      "до"])
LANGUAGES = frozenset(SPEECH_VERBS)
# English is read by the parse (``speakers``); its rules here serve where no parse is made
# (``quotes_without_parse``). It is not among LANGUAGES: no English article is routed here by
# default, and an English verb after another language's quote names no language for it.
RULE_LANGUAGES = LANGUAGES | {"en"}


def _speaker_verbs(lang: str) -> list[str]:
    return ENGLISH_SPEAKER_VERBS.split() if lang == "en" else verb_forms(lang)

_WORD = re.compile(r"[^\W\d_][\w'’ʼ.-]*")
# a full stop ends the clause, except after an initial or an abbreviated title ("a affirmé M. Peskov",
# "sagte Dr. Ott", "— заявил В. Путин"): the name follows it
_CLAUSE_END = re.compile(r"(?<!\b\w)(?<!\bMme)(?<!\bMlle)(?<!\bDr)(?<!\bMr)(?<!\bMs)(?<!\bHr)(?<!\bFr)(?<!\bProf)"
                         r"(?<!\bMrs)(?<!\bRep)(?<!\bSen)(?<!\bGov)(?<!\bGen)(?<!\bCol)(?<!\bLt)(?<!\bSgt)\.|[!?;:\n]")
# a capitalised word after "de", "du", "von", "del"... names an office's domain or a place ("le
# ministre de la Défense a affirmé", "el alcalde de Madrid dijo"), not who spoke
_OF = re.compile(r"(?:\b(?:de|du|des|de\s+la|de\s+l['’]|d['’]|del|della|di|da|do|dos|von|vom|zur|zum)\s*)$", re.IGNORECASE)


_VERB_RE = {lang: re.compile(rf"(?<!\w)(?:{alternation(_speaker_verbs(lang))})(?!\w)", re.IGNORECASE)
            for lang in RULE_LANGUAGES}
_ACCORDING_RE = {lang: re.compile(rf"(?<!\w)(?:{p})\s+", re.IGNORECASE) for lang, p in _ACCORDING.items()}
_CONJUNCTION_RE = {lang: re.compile(rf"(?:{alternation(words)})(?!\w)", re.IGNORECASE)
                   for lang, words in _CONJUNCTIONS.items()}
_PRONOUN_RE = {lang: re.compile(rf"(?<!\w)(?:{'|'.join(p.split())})(?!\w)", re.IGNORECASE) for lang, p in _PRONOUNS.items()}
# between a closing mark and the verb: a comma, a dash ("», — сказав", "“, sagte", "” – dodał"); a
# full stop or a line break ends the sentence the quote was in
_AFTER_MARK = re.compile(r"[ \t\u00a0]*,?[ \t\u00a0]*[—―–-]?[ \t\u00a0]*")


# Who a pronoun or a verb's ending can stand for: "sie", "ona", "вона" and a feminine past tense
# ("dodała", "сказала") want a woman; "er", "on", "він" and "dodał", "сказав" a man. A person's
# gender is read from the article's words: a first name in -a (Anna, Katarzyna, Олена; a few men's
# names aside), a Polish or Slavic surname's ending (-ska, -ська, -ова), a feminine title before the
# name ("Oppositionsführerin", "Frau", "posłanka"); a man's in pl/uk/ru is read as below (_slavic_man).
_FEMININE_PRONOUNS = frozenset(["sie", "ona", "вона", "она", "elle", "ella", "lei", "ji", "ea"])
_MASCULINE_PRONOUNS = frozenset(["er", "on", "він", "он", "il", "él", "lui", "jis", "el"])
_MEN_IN_A = frozenset(["kuba", "barnaba", "bonawentura", "andrea", "luca", "nikita", "никита", "микита", "ілля",
                       "илья", "микола", "кузьма", "фома", "лука", "sasha", "sascha", "joshua", "jonah", "elia"])
_SLAVIC = frozenset(["pl", "uk", "ru"])


def _wanted_gender(lang: str, cue: str | None, pronoun: str | None = None) -> str | None:
    """"f" or "m": whom a pronoun ("sie", "він") or a past-tense verb ("dodała", "сказав") wants."""
    word = (pronoun or "").lower()
    if lang == "de" and cue and cue.lower().endswith("en"):
        return None  # "sagten sie" is "they"
    if word in _FEMININE_PRONOUNS:
        return "f"
    if word in _MASCULINE_PRONOUNS:
        return "m"
    verb = (cue or "").lower().split()[-1:] or [""]
    if lang in _SLAVIC:
        if verb[0].endswith(("ła", "ла")):
            return "f"
        if verb[0].endswith(("ł", "в", "л")):
            return "m"
    return None


# A first name in a consonant is a man's only where it is a Slavic name: "Janet", "Margaret",
# "Ingrid", "Elisabeth", "Liz" are women's, and "– powiedziała Janet Yellen. ... – dodała" gave the
# second quote to another woman when Yellen was read as a man (review, session 16). A man's name is
# read from a Slavic man's ending or name, from its declension (a woman's name in a consonant is not
# declined: "z Markiem", "з Олегом", "Олегові"), or from a speech verb's ending next to it
# ("powiedziała Janet Yellen", "Janet Yellen dodała"); any other name's gender is unknown.
_SLAVIC_MEN_ENDINGS = ("sław", "ław", "mir", "mierz", "ł", "usz", "asz", "osz", "rzej", "ciech", "ek", "yk",
                       "слав", "мир", "ій", "ий", "ей", "ил")
_SLAVIC_MEN_NAMES = (
    "piotr jan adam robert marcin kamil damian szymon artur daniel dawid patryk sebastian hubert karol edward "
    "zygmunt waldemar bogdan roman krzysztof jakub donald kazimierz zbigniew ryszard józef grzegorz wojciech "
    "stanisław jerzy filip michał maciej tomasz rafał adrian oskar igor borys witold lech bartłomiej przemysław "
    "олександр александр іван иван денис максим роман антон борис віктор виктор михаил павел глеб кирил кирилл "
    "артем артём тарас богдан руслан степан остап назар вадим євген евгений леонід леонид ігор игорь олег "
    "дмитрий юрий сергей андрей алексей володимир владимир рустем ахмед геннадий віталій сергій андрій юрій "
    "олексій валерій анатолій арсеній костянтин константин федір фёдор федор яків яков лев марат рамзан"
)
_SLAVIC_MEN = frozenset(_SLAVIC_MEN_NAMES.split())
_DECLINED_AS_MAN = {"pl": ("em", "owi"), "uk": ("ом", "ові", "ем", "еві", "єм", "єві"), "ru": ("ом", "ем", "ым")}
_VERB_WORDS = {lang: frozenset(verb_forms(lang)) for lang in _SLAVIC}
_NEXT_WORD = re.compile(r"[ \t\u00a0]+([^\W\d_]+)")
_WORD_BEFORE = re.compile(r"([^\W\d_]+)[ \t\u00a0]+$")


def _slavic_man(text: str, first: str, lang: str) -> bool:
    low = first.lower()
    if low in _SLAVIC_MEN or low.endswith(_SLAVIC_MEN_ENDINGS):
        return True
    stem = first[:-1] if low.endswith(("й", "ь")) else first
    return any(re.search(rf"(?<!\w){re.escape(stem)}{e}(?!\w)", text) for e in _DECLINED_AS_MAN[lang])


def _verb_agreement(text: str, name: str, lang: str) -> str | None:
    """"f" or "m" when a speech verb right before or after a mention of ``name`` has that ending."""
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        after = _NEXT_WORD.match(text, m.end())
        before = _WORD_BEFORE.search(text[max(0, m.start() - 40):m.start()])
        for word in (before and before.group(1), after and after.group(1)):
            if word and word.lower() == word and word in _VERB_WORDS[lang]:
                gender = _wanted_gender(lang, word)
                if gender is not None:
                    return gender
    return None


@functools.lru_cache(maxsize=64)
def _gender(text: str, name: str, lang: str) -> str | None:
    """"f", "m" or None: the gender the article gives the person ``name``. Cached: it reads every
    mention of the name, and each quote's pronoun asks it again ("a-t-il", "dodała"), which made
    an article's quotes quadratic in its length (800 quotes of 70,000 characters took 3 s). A few
    dozen texts held at most."""
    words = name.split()
    first, last = (words[0].lower() if len(words) >= 2 else ""), words[-1].lower()
    if first.endswith(("a", "а", "я")) and first not in _MEN_IN_A:
        return "f"
    if last.endswith(("ska", "cka", "dzka", "ська", "цька", "ская", "цкая", "ова", "єва", "ева", "іна", "ина")):
        return "f"
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text):
        title = [w.lower() for w in _WORD.findall(text[max(0, m.start() - 40):m.start()])][-2:]
        for word in title:
            if word in ("frau", "pani", "пані", "госпожа") or (lang == "de" and len(word) >= 6 and word.endswith("in")
                                                             and word not in ("berlin", "stalin", "lenin")):
                return "f"
            if lang == "pl" and len(word) >= 6 and word.endswith(("ka", "czka", "rka")):
                return "f"
            if word in ("herr", "pan", "пан", "господин"):
                return "m"
    if lang in _SLAVIC and first:
        agreed = _verb_agreement(text, name, lang)
        if agreed is not None:
            return agreed
        if _slavic_man(text, words[0], lang):
            return "m"
    if last.endswith(("ski", "cki", "dzki", "ський", "цький", "ский", "цкий")):
        return "m"
    return None


def _agreeing(text: str, lang: str, candidate: str | None, want: str | None, open_mark: int, since: int) -> str | None:
    """``candidate`` (the previous speaker, or the person named last) when a pronoun or verb of
    gender ``want`` can stand for them; else the last person of that gender the article named
    before the quote: "„...“ – powiedział Marek Zieliński. Wojewoda Anna Kowalczyk, która ...,
    zapowiedziała kontrolę. „...” – dodała" is Anna Kowalczyk's (QA pass 16). A candidate of
    unknown gender gives way only to a person of that gender named since the previous quote
    (``since``); one of the other gender to one named in the quote's paragraph or the
    ``ROLE_PARAGRAPHS`` before it."""
    if want is None or candidate is None:
        return candidate
    has = _gender(text, _full_name(text, candidate, lang) or candidate, lang)
    if has == want or (has is None and want == "m"):
        # a man's gender is read from a first name's consonant, which a foreign or a lone
        # surname lacks ("— сказав Макрон ... — додав він"): only a woman's marks are evidence
        return candidate
    start = since if has is None else _role_reach(text, open_mark)
    head = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[start:open_mark])
    found = None
    for _, run in _runs(head):
        if len(run) >= 2 and _gender(text, _name(run), lang) == want:
            found = _name(run)
    return found or candidate


def _is_cap(word: str) -> bool:
    bare = word.strip(".,;:!?»«“”„\"'()")
    return bool(bare) and bare[0].isupper() and not (len(bare) > 1 and bare.isupper()) and bare.lower() not in _NOT_NAMES


# The small words inside a family name ("Ursula von der Leyen", "Урсула фон дер Ляєн", "Lula da
# Silva", "Marine Le Pen"): a run of capitals went on over none of them, so the speaker was "Ursula"
# in French, "Kommissionschefin Ursula" in German and "Єврокомісії Урсула" in Ukrainian, and another
# outlet's "Ursula von der Leyen" read as someone else (QA pass 27a, 2). The particles as names
# put them; not German "zu", "vom", "von den", "das", nor French "du", lowercase "le"/"la" or
# Ukrainian "де" (where), which stand between a name and the next noun as often ("sagte Merz zu
# Journalisten", "Hofreiter von den Grünen", "nannte Merz das Gesetz").
_PARTICLE_SEQUENCE = re.compile(
    r"von(?: der)?|van(?: de| der| den)?|de(?: la| los| las)?|da|di|del|della|dos|ter|ten|bin|ibn|le|la"
    r"|фон(?: дер)?|ван(?: дер| ден| де)?|да|ді|ди|дю")
_PARTICLE_WORDS_TEXT = "von van de da di del della dos ter ten bin ibn le la der den las los фон ван да ді ди дю де дер ден"
_PARTICLE_WORDS = frozenset(_PARTICLE_WORDS_TEXT.split())


def _particles_end(words: list[re.Match], i: int, text: str, run: list[str]) -> int | None:
    """When ``words[i]`` opens a name's particles between two capitalised words of one name, the
    index of the capitalised word after them; else None. Lowercase as written ("von der", "da"), or
    capitalised where the name writes them so and nothing else takes them ("Le Pen", "La Fontaine");
    the word before and the word after them name no place ("Bruxelles de Zelensky" is two). ``run``,
    the capitals before them, is one given name after titles or places at most: a person named in
    full is followed by where they work ("Carsten Brzeski von der Direktbank ING", "Johanna Baehr
    von der Universität Hamburg" on fundus-tests pages), "Kommissionschefin Ursula" by her name."""
    if words[i].group(0).lower() not in _PARTICLE_WORDS:
        return None  # (first: a run is followed by some word at each turn, a particle rarely)
    if not all(_no_given_name(w) for w in run[:-1]):
        return None
    j = i
    while j < len(words) and j - i < 2 and words[j].group(0).lower() in _PARTICLE_WORDS and (
            j == i or not text[words[j - 1].end():words[j].start()].strip()):
        j += 1
    particles = " ".join(w.group(0) for w in words[i:j])
    lowercase = (particles.islower() and particles[:3] not in ("le", "la", "le ", "la ")) or particles in ("Le", "La")
    if (j == i or j >= len(words) or not lowercase or not _PARTICLE_SEQUENCE.fullmatch(particles.lower())
            or text[words[j - 1].end():words[j].start()].strip() or not _is_cap(words[j].group(0))):
        return None
    if _no_given_name(words[i - 1].group(0), titles=False) or _no_given_name(words[j].group(0).rstrip("."), titles=False):
        return None
    return j


@functools.lru_cache(maxsize=4096)
def _no_given_name(word: str, titles: bool = True) -> bool:
    """Whether a capitalised word names a place or a body (or, with ``titles``, is a title or a
    role): no part of a person's name. Cached: French puts "de" after a capital at every turn."""
    from storydiff.analyze.speakers import is_title_word
    from storydiff.lexicon.names import names_no_person

    return (titles and is_title_word(word)) or names_no_person(word, None)


def _runs(text: str) -> list[tuple[int, list[str]]]:
    """Runs of capitalised words (acronyms such as "ОВА" left out), with their start offsets; a
    name's particles between two of its words are in its run ("Ursula von der Leyen")."""
    runs: list[tuple[int, list[str]]] = []
    current: list[str] = []
    start = 0
    prev_end = -1
    words = list(_WORD.finditer(text))
    i = -1
    while i + 1 < len(words):
        i += 1
        m = words[i]
        word = m.group(0).rstrip(".")
        # a comma or a dash between words ends a run (the gap is read only inside one)
        joined = bool(current) and text[prev_end:m.start()].strip() == ""
        if (joined and word.lower() in _PARTICLE_WORDS and not m.group(0).endswith(".")
                and (after := _particles_end(words, i, text, current)) is not None):
            current.extend(w.group(0) for w in words[i:after])
            prev_end = words[after - 1].end()
            i = after - 1
            continue
        # (a word opens on a letter, which _is_cap's strip leaves: a lower-case one is no capital,
        # asked first as most words are; a call for each was most of a page's runs)
        if word[0].isupper() and _is_cap(word) and (joined or word.lower() not in _OPENERS):
            if current and joined:
                current.append(word)
            else:
                if current:
                    runs.append((start, current))
                current, start = [word], m.start()
        elif current:
            runs.append((start, current))
            current = []
        prev_end = m.end()
        if current and m.group(0).endswith(".") and len(word) > 2:
            # "... Олег Кіпер. Поранено 18 ...": a sentence's end ends the run (an initial, "О.", does not)
            runs.append((start, current))
            current = []
    if current:
        runs.append((start, current))
    return runs


# Where or through what a quote was said is no speaker: "napisał premier na platformie X", "schrieb
# Tusk auf der Plattform X", "sagte er in Berlin", "przekazał w Polsat News wojewoda Krzysztof
# Komorski" named X, "Plattform X", "Berlin" and "Polsat News" (QA pass 18). A run of capitals right
# after one of these prepositions (a determiner, and one word naming a medium: "platformie",
# "antenie", "эфире", between) is a place, a platform or a broadcaster; a time ("am Montag Kanzler
# Merz") is none, and a name after any other word is still the speaker ("z uśmiechem Jan Nowak").
_PLACE_PREPOSITIONS = {
    "pl": "na w we u z ze przy dla do od po pod nad przed",
    "de": "auf in im bei beim an am aus vor nach gegenüber über von vom mit zu zum zur",
    "uk": "на у в з із зі при для від до біля",
    "ru": "на в во у с со при для от до возле",
    "fr": "à au aux en sur dans chez depuis",
    "es": "en a desde sobre",
    "it": "a in su da al alla nel nella sul sulla",
    "en": "in on at from to with via during after before",
    "lt": "į iš per su prie nuo ant pas",
    "ro": "în la pe din de cu pentru prin",
}
_DETERMINERS_TEXT = (
    "der die das dem den des einem einer eines seinem seiner seinen ihrem ihrer ihren unser unserer unserem unseren "
    "unseres le la les l un une son sa ses el los las "
    "lo il gli su sus swoim swojej swoim swoją своєму своїй своем своём своей")
_DETERMINERS = frozenset(_DETERMINERS_TEXT.split())
# the medium a quote was said on or in, the word between the preposition and its name
_MEDIUM_WORD = re.compile(
    r"(?:platform|portal|serwis|kana[łl]|anten|profil|wpis|program|audycj|stacj|radi|telewizj|gazet|dziennik|"
    r"tygodnik|medi|sieci|платформ|мереж|соцмереж|сет|канал|телеканал|ефір|эфир|програм|радіо|радио|газет|"
    r"сторін|страниц|акаунт|аккаунт|профіл|профил|блог|plateforme|réseau|antenne|plataforma|red|piattaforma)",
    re.IGNORECASE)
_TIME_WORDS_TEXT = (
    "montag dienstag mittwoch donnerstag freitag samstag sonntag sonnabend wochenende morgen abend "
    "januar februar märz april mai juni juli august september oktober november dezember")
_TIME_WORDS = frozenset(_TIME_WORDS_TEXT.split())
_PREPOSITION_WORDS = {lang: frozenset(words.split()) for lang, words in _PLACE_PREPOSITIONS.items()}
_CLAUSE_MARK = re.compile(r"[,;:!?—–()\n]|\.\s")


def _after_preposition(text: str, at: int, lang: str) -> bool:
    """Whether the run of capitals at ``at`` stands in a prepositional phrase: a preposition, then
    determiners and at most one word naming a medium, then the run."""
    first = _WORD.match(text, at)
    if first is None or first.group(0).rstrip(".").lower() in _TIME_WORDS:
        return False
    before = text[max(0, at - 60):at]
    marks = list(_CLAUSE_MARK.finditer(before))
    words = _WORD.findall(before[marks[-1].end():] if marks else before)
    while len(words) > 1 and words[-1].lower() in _DETERMINERS:
        words.pop()
    prepositions = _PREPOSITION_WORDS[lang]
    if words and words[-1].lower() in prepositions:
        return True
    return (len(words) >= 2 and words[-1].islower() and _MEDIUM_WORD.match(words[-1]) is not None
            and (words[-2].lower() in prepositions
                 or (len(words) >= 3 and words[-2].lower() in _DETERMINERS and words[-3].lower() in prepositions)))


def _speaker_runs(text: str, lang: str) -> list[tuple[int, list[str]]]:
    """``_runs`` of ``text`` (words after a speech verb) without those that name a place, a platform
    or a broadcaster the quote was said in or on. A place of one word runs into the name after it
    ("powiedział w Warszawie Jan Nowak"): a run of three words or more after a preposition is read
    without its first."""
    out = []
    for at, run in _runs(text):
        if not _after_preposition(text, at, lang):
            out.append((at, run))
        elif len(run) >= 3:
            out.append((text.index(run[1], at + len(run[0])), run[1:]))
    return out


# a dative after the speaker is whom it was said to: "— сказав Макрон Зеленському" (no nominative
# surname ends so)
_TO_WHOM = re.compile(r"(?:ові|еві|єві|ому|ьому)$")


def _name(run: list[str]) -> str:
    # a German title is capitalised too ("Bürgermeisterin Anna Roth"), a place may precede a name
    # ("мер Заріччя Андрій Коваленко"): a name is at most its last two words, a family name's
    # particles not counted ("Kommissionschefin Ursula von der Leyen" is Ursula von der Leyen)
    if len(run) >= 2 and _TO_WHOM.search(run[-1]) and not _TO_WHOM.search(run[-2]):
        run = run[:-1]
    family = len(run) - 1
    while family > 0 and run[family - 1].lower() in _PARTICLE_WORDS:
        family -= 1
    return " ".join(run[max(0, family - 1):])


def _pick(runs: list[tuple[int, list[str]]], nearest_last: bool) -> str | None:
    """The speaker among capitalised runs: a two-word run (a first name and a surname) before a
    single word ("у Telegram очільник ОВА Віктор Ткачук"), nearest the verb."""
    if not runs:
        return None
    ordered = list(reversed(runs)) if nearest_last else runs
    multi = [r for _, r in ordered if len(r) >= 2]
    return _name(multi[0] if multi else ordered[0][1])


# the genitive of a surname after "за словами" / "по словам" / "zdaniem", to its nominative
_GENITIVE = {
    # -ук/-юк/-чук surnames (Братчука is Братчук, not "Братчуко"); -а surnames take -и/-ы (Кулеби is Кулеба)
    "uk": (("енка", "енко"), ("ового", "овий"), ("ського", "ський"), ("цького", "цький"), ("ової", "ова"),
           ("евої", "ева"), ("ої", "а"), ("ука", "ук"), ("юка", "юк"), ("ка", "ко"), ("я", "ь"), ("и", "а"),
           ("а", "")),
    "ru": (("ской", "ская"), ("ского", "ский"), ("ого", "ий"), ("ой", "а"), ("ова", "ов"), ("ева", "ев"),
           ("ина", "ин"), ("ко", "ко"), ("я", "ь"), ("ы", "а"), ("а", "")),
    "pl": (("skiego", "ski"), ("ckiego", "cki"), ("skiej", "ska"), ("ckiej", "cka"), ("ego", "y"), ("a", "")),
    # "pasak/anot" take the genitive: Brazauskienės is Brazauskienė, Benkunsko Benkunskas (review 24c M3)
    "lt": (("ienės", "ienė"), ("aitės", "aitė"), ("ytės", "ytė"), ("ės", "ė"), ("aus", "us"), ("os", "a"),
           ("o", "as")),
}


# the genitive of a first name before that surname ("По словам Сергея Лаврова" is Sergey Lavrov,
# not "Сергея Лавров"); the longest ending first, and only endings whose nominative is certain
# ("Любови", "Pawła" stay as written: a review found "Любовя", "Pawł")
_FIRST_GENITIVE = {
    "uk": (("ія", "ій"), ("ії", "ія"), ("и", "а"), ("а", "")),
    "ru": (("ая", "ай"), ("ея", "ей"), ("ия", "ий"), ("ии", "ия"), ("ы", "а"), ("а", "")),
    "lt": (("ės", "ė"), ("os", "a"), ("o", "as")),  # Kristinos is Kristina, Eglės Eglė, Valdo Valdas
}
# Ukrainian men's names in -о take -а in the genitive as those in a consonant do: Дмитра is Дмитро
_UK_O_NAMES = frozenset(["дмитр", "петр", "михайл", "павл", "данил", "кирил", "гаврил", "левк", "марк"])


def _first_name(word: str, lang: str) -> str:
    """A first name given in the genitive, in the nominative by rule alone (searching the text for
    its stem found the surname: "Ивана Иванова" gave "Иванова")."""
    if lang == "uk" and word.endswith("а") and word[:-1].lower() in _UK_O_NAMES:
        return word[:-1] + "о"
    for genitive, nominative in _FIRST_GENITIVE.get(lang, ()):
        if word.endswith(genitive) and len(word) > len(genitive) + 1:
            return word[: len(word) - len(genitive)] + nominative
    return word


def _from_oblique_case(name: str, lang: str, text: str) -> str:
    """A Ukrainian or Russian man's name the text gives in the genitive or accusative ("со ссылкой на
    главу ОВА Олега Синегубова", then "— написал он"), in the nominative: the person a pronoun
    stands for is the speaker, and "Олега Синегубова" beside another outlet's "Oleh Syniehubov" read
    as a speaker who differs (QA pass 25a, 05). Only when the first word is a known man's given name
    once its case ending is taken off and is none as written: "Анна Захарова", "Олександра Матвійчук"
    (a woman's name, or either case) stay as written."""
    from storydiff.lexicon.given_names import is_given_name

    words = name.split()
    if lang not in ("uk", "ru") or len(words) != 2:
        return name
    first = _first_name(words[0], lang)
    if first == words[0] or not is_given_name(first) or is_given_name(words[0]):
        return name
    return f"{first} {_nominative(words[1], lang, text, (words[0],))}"


def _nominative(surname: str, lang: str, text: str, others: tuple[str, ...] = ()) -> str:
    """A surname the text gives in the genitive, as it names the person elsewhere, or by rule.
    ``others``: the name's other words, never the surname ("Ивана Иванова" is no "Ивана")."""
    for end in range(len(surname) - 1, max(2, len(surname) - 4), -1):
        stem = surname[:end]
        # the first word of the text on this stem that is not the surname as given (it once
        # searched again in a slice from an offset into the previous slice: with the surname
        # written twice that went back and forth for ever, and `compare` hung on a German page)
        for other in re.finditer(rf"(?<!\w){re.escape(stem)}\w{{0,3}}(?!\w)", text):
            if other.group(0) != surname and other.group(0) not in others:
                return other.group(0)
    for genitive, nominative in _GENITIVE.get(lang, ()):
        if surname.endswith(genitive) and len(surname) > len(genitive) + 2:
            return surname[: len(surname) - len(genitive)] + nominative
    return surname


def speaker_after(
    text: str, close_mark: int, lang: str, previous: str | None, last_named: str | None = None,
    open_mark: int | None = None, since: int = 0,
) -> tuple[str | None, str | None]:
    """(the attribution verb after the quote, or None; its speaker) from the words after the mark.
    A pronoun ("— зазначив він") is ``previous``, the last quote's speaker, or else ``last_named``,
    the person the text named last before the quote, when the pronoun's or the verb's gender
    allows (else the last person of that gender named: ``_agreeing``; ``open_mark`` the quote's,
    ``since`` the previous quote's end)."""
    open_mark = close_mark if open_mark is None else open_mark
    clause = _clause_after(text, close_mark)
    conjunction = _CONJUNCTION_RE[lang].match(clause)
    if conjunction and not _VERB_RE[lang].match(clause[conjunction.end():].lstrip()):
        # "X зауважив, що «...», а голова ОВА Олег Кіпер відповів: «...»": a new clause, whose
        # speaker is the next quote's, not this one's (QA round 14 gave both quotes to Kiper)
        return None, None
    verb = _VERB_RE[lang].match(clause)
    if verb is None:
        # "“, sagte Kessler” is the common order; "», — Кличко сказав" puts the name first
        later = _VERB_RE[lang].search(clause, 0, 40)
        runs = _speaker_runs(clause[: later.start()], lang) if later else []
        if later is not None and not runs and clause[: later.start()].islower():
            # "“, – po balsavimo sakė ministrė X", "”, – po głosowaniu powiedziała minister X": when
            # it was said, in lower case, then the verb and its speaker (QA pass 24b, 07)
            verb = later
        elif later is None or not runs:
            return None, None
        else:
            return later.group(0), _pick(runs, nearest_last=True)
    return _speaker_after_verb(text, close_mark, lang, verb.group(0), clause[verb.end():], previous, last_named,
                               open_mark, since)


def _speaker_after_verb(
    text: str, close_mark: int, lang: str, cue: str, rest: str, previous: str | None, last_named: str | None,
    open_mark: int, since: int,
) -> tuple[str | None, str | None]:
    """(``cue``, its speaker) from ``rest``, the words after the speech verb: a name, a pronoun, a
    role ("— добавил представитель Кремля", "sagte der Premier"). ``close_mark``: where a role
    looks back from for the person given it."""
    if lang == "fr" and cue.lower().startswith("a-t-"):
        # « ... », a-t-il ajouté: the person the text named since the previous quote's sentence
        # ("Viktor Orbán a de nouveau menacé ... « ... », a-t-il lancé"), else the previous speaker,
        # of the pronoun's gender: the previous speaker alone gave Orbán's words to the Commission
        # and von der Leyen's "a-t-elle" to Bart De Wever (QA pass 27a, 1)
        want = "f" if cue.lower().endswith("elle") else "m"
        candidate = _named_since(text, since, open_mark, lang) or previous or last_named
        return cue, _agreeing(text, lang, candidate, want, open_mark, since)
    pronoun = _PRONOUN_RE[lang].match(rest.lstrip())
    runs_near = _speaker_runs(rest[:40], lang)
    if lang == "de":  # "sagte er der Deutschen Presse-Agentur": whom he said it to
        runs_near = _german_subject_runs(rest, runs_near)
    if pronoun and not runs_near:  # "— додала вона", "fügte er hinzu", "sagte er in Berlin"
        want = _wanted_gender(lang, cue, pronoun.group(0))
        return cue, _agreeing(text, lang, previous or last_named, want, open_mark, since)
    runs = _speaker_runs(rest, lang)
    if lang == "de":
        runs = _german_subject_runs(rest, runs)
    named_after = any(len(r) >= 2 for _, r in runs[1:])
    if runs and len(runs[0][1]) == 1 and not named_after and _role_of_an_institution(rest, runs[0], lang):
        # "», - добавил представитель Кремля": a role and whom it serves, no person named "Кремля"
        # (QA pass 19b): the person the article gave that role, else the role itself (the person
        # quoted just before is no safe guess: a Kremlin spokesman may follow the foreign minister)
        return cue, _by_role(text, close_mark, cue, rest, ROLE_PARAGRAPHS, lang) or _role_phrase(rest, runs[0])
    role = _GERMAN_ROLE.match(rest) if lang == "de" else None
    if role and not any(len(r) >= 2 for _, r in runs):
        # "sagte der Premier": the person the article gave that role (QA pass 16), else the role
        named = _by_role(text, close_mark, cue, role.group("role"), ROLE_PARAGRAPHS, lang)
        if named:
            return cue, named
        if _GERMAN_EPITHET.search(role.group("role")):
            # "sagte der CDU-Politiker", "sagte die 62-Jährige": the person the text is about, never
            # a name after it ("der Deutschen Presse-Agentur" is whom it was said to: QA pass 21a)
            want = "f" if role.group(0).split()[0].lower() == "die" else "m"
            # a person named in full: a one-word previous speaker is often a role of its own ("Zuschauerin")
            full = previous if previous and " " in previous else None
            person = _agreeing(text, lang, full or _focus_person(text, open_mark) or last_named, want, open_mark, since)
            if person:
                return cue, person
    ranked = [r for at, r in runs if len(r) >= 2 and _RANK_BEFORE.search(rest, 0, at)]  # a first name and a surname
    if ranked:  # "rzecznik Dowództwa Operacyjnego ppłk Jacek Gołębiowski": the name after the rank
        return cue, _name(ranked[0])
    if runs:
        return cue, _pick(runs, nearest_last=False)
    return cue, (_by_role(text, close_mark, cue, rest, ROLE_PARAGRAPHS, lang)
                 or _agreeing(text, lang, previous, _wanted_gender(lang, cue), open_mark, since))


# an indefinite article before a lowercase noun after the verb: someone the text does not name
_INDEFINITE = {lang: re.compile(rf"(?<!\w)(?:{words})\s+[^\W\d_A-ZÀ-Ý]")
               for lang, words in {"fr": "un|une", "es": "un|una", "it": "un|una|uno", "de": "ein|eine|einer"}.items()}
_SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")


def _named_since(text: str, since: int, open_mark: int, lang: str) -> str | None:
    """The person named last in full before the quote, after the sentence of the previous quote
    (whose attribution names that quote's speaker, or someone beside them) and within the quote's
    paragraph and the ``ROLE_PARAGRAPHS`` before it, outside quotation marks; None."""
    lo = _role_reach(text, open_mark)
    if since > 0:
        end = _SENTENCE_END.search(text, since, open_mark)
        if end is None:
            return None
        lo = max(lo, end.end())
    head = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[lo:open_mark])
    names = [run for _, run in _speaker_runs(head, lang) if len(run) >= 2]
    return _name(names[-1]) if names else None


def _role_of_an_institution(rest: str, run: tuple[int, list[str]], lang: str) -> bool:
    """Whether the words after the verb are a lowercase role word and then ``run``, one word the
    names table knows as a place or an institution ("представитель Кремля", "речник МЗС")."""
    from storydiff.lexicon.names import names_no_person

    lead = _WORD.match(rest.lstrip())
    if lead is None or not lead.group(0).islower() or len(lead.group(0)) < 4:
        return False
    between = rest[rest.find(lead.group(0)) + len(lead.group(0)):run[0]]
    return not _WORD.search(between) and names_no_person(run[1][0], lang)


def _role_phrase(rest: str, run: tuple[int, list[str]]) -> str:
    """The role as written, up to the institution it names: "представитель Кремля"."""
    return " ".join(rest[: run[0] + len(run[1][0])].split())


def speaker_before(text: str, open_mark: int, lang: str) -> tuple[str, str] | None:
    """(speaker, cue) named before the opening mark, in the same sentence: "X заявив: «",
    "За словами X, «", "Jak zaznaczył X, „". An earlier quote in the sentence is no one's words
    here: "« C'est un signal clair », a-t-elle lancé, avant d'ajouter : « »" named "C'est" (QA pass 27a, 1)."""
    sentence = _QUOTED.sub(lambda m: " " * len(m.group(0)), _sentence_before(text, open_mark))
    according = next(reversed(list(_ACCORDING_RE[lang].finditer(sentence))), None)  # the last one
    if according is not None:
        runs = _runs(sentence[according.end():])
        if lang == "lt":  # a place's genitive stands before the role: "pasak Vilniaus mero Valdo Benkunsko"
            runs = [r for r in runs if len(r[1]) >= 2]
        if runs and lang == "ro":  # "potrivit lui Volkov": "lui" marks the case, the name is as written
            return _name(runs[0][1]), according.group(0).strip()
        if runs:
            words = _name(runs[0][1]).split()
            words = [_first_name(w, lang) for w in words[:-1]] + [_nominative(words[-1], lang, text, tuple(words[:-1]))]
            return " ".join(words), according.group(0).strip()
    verbs = list(_VERB_RE[lang].finditer(sentence))
    if not verbs:
        return None
    verb = verbs[-1]
    if _PRONOUN_RE[lang].match(sentence[verb.end():].lstrip()):
        return None  # "..., antwortete er in einem Interview: „": the pronoun's, not a word before it
    if (lang == "de" and _german_inverted(sentence[: verb.start()])) or _clause_before_verb(sentence[: verb.start()]):
        # German puts the verb second: after a fronted phrase ("In seinem Schlusswort sagte Woronow",
        # "Auf Telegram schrieb Selenskyj", "Am Montag sagte Kanzler Merz") the subject follows the
        # verb, and the capitalised nouns before it name no one (QA pass 24a, 10); so in every
        # language after a clause ("Die Lage sei ernst, sagte Jendro: „", "Ситуация сложная, заявил
        # Песков: «"). A participle at the end ("Zuvor hatte Kanzler Merz gesagt: „") has its subject
        # before it, read below.
        cue, speaker = _speaker_after_verb(text, open_mark, lang, verb.group(0), sentence[verb.end():], None, None,
                                           open_mark, 0)
        if speaker and cue:
            return speaker, cue
    before = []
    for at, run in _runs(sentence[: verb.start()]):
        if _OF.search(sentence[:at]) or (lang == "en" and len(run) == 1 and run[0].lower().endswith("ing")) or (
                len(run) == 1 and (_function_word(run[0], lang) or run[0].lower() in _TIME_WORDS)):
            # an office's domain ("le ministre de la Défense a dit"); a participle opening the sentence
            # ("Speaking to reporters in Kyiv, the minister said"); an adverb or a day ("Zuvor", "Montag")
            continue
        if _after_preposition(sentence, at, lang):
            # where or on what it was said is no speaker: "Biden, speaking in Delaware, said" (review 23b,
            # F1), "Na konferencji w Warszawie powiedział premier Donald Tusk"; a place of one word runs
            # into the subject right before the verb: "W Brukseli Kallas powiedziała", "У Telegram
            # Зеленський написав" (QA pass 24a, 10)
            end = at + len(" ".join(run))
            if len(run) >= 2 and not sentence[end: verb.start()].strip():
                before.append((sentence.index(run[1], at + len(run[0])), run[1:]))
            continue
        before.append((at, run))
    after = _speaker_runs(sentence[verb.end():], lang)
    if after and not before:  # "Jak zaznaczył Zieliński, „"
        return _name(after[0][1]), verb.group(0)
    name = _pick(before, nearest_last=True)
    return (name, verb.group(0)) if name else None


# what opens a German sentence when its subject follows the verb: a preposition ("In seinem
# Schlusswort", "Vor Gericht", "Gegenüber der Zeitung"), an adverb ("Gestern", "Dazu", "Daraufhin"),
# a day or a month, or a subordinate clause ("Als die Sirenen heulten, sagte ...")
_GERMAN_FRONTED_TEXT = (
    "unter zwischen gegen ohne um durch seit trotz während wegen neben hinter laut angesichts außer innerhalb "
    "außerhalb entgegen gemäß dank ab heute dort hier dann nun zudem damals so "
    "als wenn weil dass ob wie nachdem obwohl sobald solange sofern indem falls bevor ehe seitdem")
_GERMAN_FRONTED = frozenset(_GERMAN_FRONTED_TEXT.split())
_GERMAN_PRONOMINAL_ADVERB = re.compile(
    r"^(?:da|dar|hier|wo|wor)(?:an|auf|aus|bei|durch|für|gegen|hinter|in|mit|nach|neben|über|um|unter|von|vor|zu|"
    r"zwischen)$")
_GERMAN_ADVERB_ENDING = re.compile(r"(?:end|erweise|ermaßen)$")  # "Abschließend", "Überraschenderweise"


def _german_inverted(prefield: str) -> bool:
    """Whether the words before a German speech verb are a fronted phrase, not the subject: the
    sentence opens on a preposition, an adverb, a time or a subordinating conjunction."""
    first = _WORD.match(prefield.lstrip(" \t\u00a0—–-"))
    if first is None:
        return False
    low = first.group(0).rstrip(".").lower()
    return (low in _PREPOSITION_WORDS["de"] or low in _GERMAN_FRONTED or low in _GERMAN_ADVERBS
            or low in _TIME_WORDS or low in _GERMAN_CONJUNCTIONS or _GERMAN_PRONOMINAL_ADVERB.match(low) is not None
            or (len(low) > 6 and _GERMAN_ADVERB_ENDING.search(low) is not None))


def _clause_before_verb(prefield: str) -> bool:
    """Whether the words before a speech verb end on a comma that closes a clause, not a name in
    apposition ("Der Sprecher des Ministeriums, Lukas Brandt, sagte")."""
    head = prefield.rstrip(" \t\u00a0")
    if not head.endswith(","):
        return False
    last = head[:-1]
    last = last[max(last.rfind(","), last.rfind("—"), last.rfind("–")) + 1:]
    words = _WORD.findall(last)
    return bool(words) and not all(_is_cap(w) for w in words)


def _sentence_before(text: str, open_mark: int) -> str:
    """The words of the quote's sentence before its opening mark; for a quote opening its
    paragraph, the sentence ending the paragraph before on a colon ("Lange sagte:\n„...“",
    "Powiedział dziennikarzom:\n– Nie ...")."""
    start = max(text.rfind("\n", 0, open_mark), *(text.rfind(p, 0, open_mark) for p in (". ", "! ", "? ")))
    sentence = text[start + 1 : open_mark]
    head = text[:open_mark].rstrip()
    if not sentence.strip() and head.endswith(":"):
        end = len(head)
        start = max(text.rfind("\n", 0, end), *(text.rfind(p, 0, end) for p in (". ", "! ", "? ")))
        sentence = text[start + 1 : end]
    return sentence


def _pronoun_cue(text: str, open_mark: int, lang: str) -> tuple[str | None, str | None]:
    """(the verb, the pronoun) of "Он добавил: «" / "Вона додала: «" (a third-person pronoun, then
    the verb, nothing else), of a German inversion ending the sentence's words ("Die Technik sei
    niemals Selbstzweck, betont sie: „", "erklärte er gegenüber der Welt: „") or of a Slavic verb
    with its pronoun dropped ("Powiedział dziennikarzom:"), before the opening mark; (None, None)."""
    sentence = _sentence_before(text, open_mark).strip(" \t\u00a0:—–-,")
    pronoun = _PRONOUN_RE[lang].match(sentence)
    if pronoun is None:
        verbs = list(_VERB_RE[lang].finditer(sentence))
        inverted = _PRONOUN_RE[lang].match(sentence[verbs[-1].end():].lstrip()) if verbs else None
        if inverted is not None:
            return verbs[-1].group(0), inverted.group(0)
        # Polish, Ukrainian and Russian drop the pronoun: "Powiedział dziennikarzom:\n– Nie ..."
        verb = _VERB_RE[lang].match(sentence) if lang in _SLAVIC else None
        rest = sentence[verb.end():] if verb else ""
        return (verb.group(0), None) if verb is not None and not _runs(rest) and len(rest.split()) <= 3 else (None, None)
    verb = _VERB_RE[lang].match(sentence, pronoun.end() + 1) if len(sentence) > pronoun.end() else None
    return (verb.group(0), pronoun.group(0)) if verb is not None and not sentence[verb.end():].strip() else (None, None)


# English puts its speaker as the subject of the quote's sentence, whatever the verb: "Sanders
# credited Clinton's victory to “...”", "Former Rep. Jane Harman called it “...”" (PolNeAR train)
_ENGLISH_SUBJECT_VERB = re.compile(r"[ \t\u00a0]+[a-z][a-z’']+(?:ed|s)\b")


_POSSESSIVE = re.compile(r"['’]s?$")


def _english_subject(text: str, open_mark: int) -> str | None:
    """In an English quote's sentence opened by a name (no speaker was found otherwise): the name
    nearest the quote that a verb follows right away and no preposition precedes, or None."""
    sentence = _sentence_before(text, open_mark)
    lead = len(sentence) - len(sentence.lstrip())
    runs = _runs(sentence)
    if not runs or runs[0][0] != lead:
        return None
    # the subject nearest the quote: "Russia launched 40 drones in what Kyiv called “...”" is Kyiv's
    for at, run in reversed(runs):
        end = at + len(" ".join(run))
        if _ENGLISH_SUBJECT_VERB.match(sentence, end) and not _after_preposition(sentence, at, "en"):
            return _name(run)
    return None


def _speaking_since(text: str, start: int, open_mark: int, lang: str) -> str | None:
    """The person last named as the subject of a speech verb between ``start`` (the previous
    quote's end) and the opening mark: "«...», — сказав Макрон. Президент Володимир Зеленський
    заявив, що ... «...», — сказав він" is Zelensky's, not Macron's (QA pass 15). A name and
    then the verb, at most one word between ("Мер міста Роман Мрочко додав"); a surname alone
    only right before its verb ("Зеленский сказал, что"), as the article named the person."""
    from storydiff.lexicon.names import names_no_person

    segment = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[start:open_mark])
    found = None
    for at, run in _runs(segment):
        end = at + len(" ".join(run))
        after = segment[end:end + 60]
        verb = _NAME_THEN_VERB[lang].match(after)
        if verb is None or _PRONOUN_RE[lang].match(after[verb.end():].lstrip()):
            continue  # "... beim Neujahrsspringen antwortete er": the pronoun is the verb's subject
        reported = _REPORTED[lang].search(segment, max(0, at - 40), at) if lang in _REPORTED else None
        if reported and reported.group(1) == reported.group(1).lower():
            # "Песков заявил, что Москва считает санкции нелегитимными. «...», — сказал он": the
            # subject of what was reported is not who spoke (QA pass 24a, 07)
            continue
        if len(run) >= 2:
            found = _name(run)
        elif len(run[0]) >= 4 and _VERB_RE[lang].match(after.lstrip()) and (lang != "de" or _lone_surname(run[0], lang)) \
                and not names_no_person(run[0], lang):  # "Москва считает", "Київ заявив": a state, no "он"
            found = _full_name(text, run[0], lang)
    return found


# a reported clause's opening, up to a run of capitals at most two lowercase words later: ", что
# Москва", ", що уряд України", ", że Rosja", ", dass die Regierung", " that Moscow"
_REPORTED = {
    lang: re.compile(rf"(?<!\w){words}((?:[ \t\u00a0]+[^\W\d_]+){{0,2}})[ \t\u00a0]+$", re.IGNORECASE)
    for lang, words in {"ru": "что", "uk": "що", "pl": "(?:że|iż)", "de": "(?:dass|daß)", "en": "that",
                        "fr": "que", "es": "que", "it": "che", "ro": "că"}.items()
}


def _by_role(text: str, open_mark: int, cue: str, rest: str, paragraphs: int, lang: str | None = None) -> str | None:
    """The speaker a role names after the verb ("», — сказав голова ОВА."): the person the article
    named last with that role before a name ("Голова Херсонської ОВА Олександр Прокудін"), in the
    quote's paragraph or the ``paragraphs`` before it; the role word matched by its first five
    letters, across cases ("голови", "главой"). A feminine verb ("сказала") wants a first name a
    woman's would end in (-а, -я): "мешканка" is no "Мешканець Іван Петренко" (a review). A name
    given with its role in the instrumental ("з канцлером Фрідріхом Мерцом") is given in the
    nominative: "Фрідріх Мерц" (QA pass 21a: the case form was taken for another person)."""
    role = _WORD.match(rest.lstrip())
    if role is None or len(role.group(0)) < 4 or not (role.group(0).islower() or role.group(0) == rest.strip()):
        return None  # a lowercase role word, or a German noun given alone ("der Premier")
    word = role.group(0).lower()
    # German capitalises every noun, so a run of capitals is often no name ("Vor Ort", "Universität
    # Frankfurt") and a five-letter stem matches "Feuerwehr nennt" for "Feuerwehrsprecher" (fundus-tests
    # pages): a German role is the whole word or a compound's end, in the run or right before it
    german = not role.group(0).islower()
    stem = word if german else word[:5]
    head_of_government = word.startswith(_HEADS_OF_GOVERNMENT)

    office = _GERMAN_HEAD.fullmatch(word) if german else None

    def gave(w: str) -> bool:  # "голови" is "голова", "Bundeskanzler" a "Kanzler", "Regierungschef" a "Premier"
        return w.startswith(stem) or (len(word) >= 6 and w.endswith(word)) or (
            head_of_government and w.startswith(_HEADS_OF_GOVERNMENT)) or (
            # "Kommissionschefin" is the "Kommissionspräsidentin" (QA pass 27a, 13)
            office is not None and (other := _GERMAN_HEAD.fullmatch(w.split("-")[-1])) is not None
            and other.group("of") == office.group("of") and other.group("in") == office.group("in"))

    start, seen = open_mark, 0
    while start > 0 and seen <= paragraphs:  # back over the quote's paragraph and ``paragraphs`` more
        line_start = text.rfind("\n", 0, start - 1) + 1
        seen += bool(text[line_start:start].strip())
        start = line_start
    head = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[start:open_mark])
    feminine = cue.lower().endswith(("ла", "ła"))
    found = None
    for at, run in _runs(head):
        if len(run) < 2:
            continue
        before = [w.lower() for w in _WORD.findall(head[max(0, at - 60):at])][-1 if german else -4:]
        words = [w.lower() for w in run[:-2]] + before  # "Голова Херсонської ОВА" may open the run
        given = [w for w in words if gave(w)]
        if given and (not feminine or run[-2][-1:].lower() in "аяa"):
            found = _name(run)
            if lang in _INSTRUMENTAL and given[-1].endswith(_INSTRUMENTAL_ROLE):
                found = " ".join(_from_instrumental(w, lang) for w in found.split())
    return found


# A person named with a role in the instrumental ("зустрівся з канцлером Фрідріхом Мерцом",
# "встретился с канцлером Фридрихом Мерцем"), each word to its nominative, by rule: the longest
# ending first (a surname's adjective ending before a man's -ом/-ем)
_INSTRUMENTAL_ROLE = ("ом", "ем", "єм", "ём", "ою", "ею", "єю", "ой", "ей")
_INSTRUMENTAL = {
    "uk": (("ською", "ська"), ("цькою", "цька"), ("овою", "ова"), ("евою", "ева"), ("іною", "іна"),
           ("ським", "ський"), ("цьким", "цький"), ("овим", "ов"), ("евим", "ев"), ("іним", "ін"), ("їним", "їн"),
           ("енком", "енко"), ("ією", "ія"), ("ою", "а"), ("ею", "я"), ("ієм", "ій"), ("їєм", "їй"), ("єм", "й"),
           ("лем", "ль"), ("ом", ""), ("ем", "")),
    "ru": (("ской", "ская"), ("цкой", "цкая"), ("овой", "ова"), ("евой", "ева"), ("иной", "ина"),
           ("ским", "ский"), ("цким", "цкий"), ("овым", "ов"), ("евым", "ев"), ("иным", "ин"),
           ("ией", "ия"), ("ьей", "ья"), ("еем", "ей"), ("аем", "ай"), ("ой", "а"), ("ом", ""), ("ём", ""),
           ("лем", "ль"), ("ем", "")),
}


def _from_instrumental(word: str, lang: str) -> str:
    """One word of a name in the instrumental, in the nominative ("Мерцом" is Мерц, "Ангелою" is
    Ангела, "Зеленським" is Зеленський); a word in no instrumental ending as written."""
    if lang == "uk" and word.endswith("ом") and word[:-2].lower() in _UK_O_NAMES:
        return word[:-2] + "о"  # "Дмитром" is Дмитро
    for ending, nominative in _INSTRUMENTAL[lang]:
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: len(word) - len(ending)] + nominative
    return word


def _last_named(text: str, open_mark: int, lang: str) -> str | None:
    """The person named last before the opening mark, in its paragraph or else the
    ``ROLE_PARAGRAPHS`` before it, as far as a role looks ("Голова ОВА Олег Кіпер повідомив ...
    «...», — зазначив він"): a first name and a surname (a run of two words or more), outside
    quotation marks, in the nominative. A site that sets each sentence on a line of its own puts a
    sentence without a name between the person and the pronoun («...», – наголосив він two lines
    after Іван Рудницький had no speaker; QA pass 26b)."""
    end = open_mark
    for _ in range(ROLE_PARAGRAPHS + 1):
        start = text.rfind("\n", 0, end) + 1
        head = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[start:end])
        names = [run for _, run in _runs(head) if len(run) >= 2]
        if names:
            return _from_oblique_case(_name(names[-1]), lang, text)
        end = len(text[:start].rstrip())
        if end == 0:
            break
    return None


# how far back a role after the verb looks for the person given it: the quote's paragraph and
# three more (blank lines not counted)
ROLE_PARAGRAPHS = 3
# "sagte der Premier", "erklärte die Ministerin": a German role noun alone after the verb
_GERMAN_ROLE = re.compile(r"\s*(?:der|die)\s+(?P<role>(?:[A-ZÄÖÜ][^\W\d_]*-|\d+-)?[A-ZÄÖÜ][^\W\d_]{3,})\b")
# a role that describes the person the text is about rather than an office someone else may hold:
# a party's member ("der CDU-Politiker", "die Grünen-Politikerin", "der SPD-Chef"), an age ("der 62-Jährige")
_GERMAN_EPITHET = re.compile(r"^(?:[A-ZÄÖÜ]{2,5}-|\d+-)|politiker(?:in)?$|jährige[rn]?$", re.IGNORECASE)
# the cases of a German noun phrase after the speech verb that are no subject: a genitive ("der
# Gouverneur des Gebiets Odessa, Oleh Kiper") or a dative ("der Deutschen Presse-Agentur", "den
# Zeitungen der Funke Mediengruppe"): whom or what the subject is of, or whom it was said to
_GERMAN_OBLIQUE = frozenset(["des", "dem", "den", "eines", "einem"])
_GERMAN_OBLIQUE_AFTER_SUBJECT = frozenset(["der", "einer"])  # a feminine genitive or dative once a subject came


def _german_subject_runs(rest: str, runs: list[tuple[int, list[str]]]) -> list[tuple[int, list[str]]]:
    """``runs`` after a German speech verb without those in the genitive or the dative (their
    article says so; "der" once a noun or "er"/"sie" came before it in the clause). A run of three words or more
    keeps its last two: "der Außenminister der Ukraine Andrij Sybiha"."""
    out = []
    for at, run in runs:
        words = _WORD.findall(rest[:at])
        article = None
        for back, word in enumerate(reversed(words[-3:])):
            low = word.lower()
            if low in _DETERMINERS or low in _GERMAN_OBLIQUE:
                article = (low, len(words) - 1 - back)
                break
            if not word.islower():
                break  # another noun: the run is no part of its phrase
        oblique = article is not None and (
            article[0] in _GERMAN_OBLIQUE
            or (article[0] in _GERMAN_OBLIQUE_AFTER_SUBJECT
                and any((not w.islower() and w.lower() not in _TIME_WORDS) or w.lower() in ("er", "sie")
                        for w in words[:article[1]])))
        if not oblique:
            out.append((at, run))
        elif len(run) >= 3:
            out.append((rest.index(run[1], at + len(run[0])), run[1:]))
    return out


def _role_reach(text: str, open_mark: int) -> int:
    """Where the quote's paragraph and the ``ROLE_PARAGRAPHS`` non-empty ones before it begin: how
    far back a role or a pronoun looks for the person it stands for."""
    start, seen = open_mark, 0
    while start > 0 and seen <= ROLE_PARAGRAPHS:
        line_start = text.rfind("\n", 0, start - 1) + 1
        seen += bool(text[line_start:start].strip())
        start = line_start
    return start


def _focus_person(text: str, open_mark: int) -> str | None:
    """The person named last in full before the quote, in its paragraph or the ``ROLE_PARAGRAPHS``
    before it, not in a place or on a platform ("von Außenminister Johann Wadephul ... vom Typ
    Iris-T" is Wadephul)."""
    head = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[_role_reach(text, open_mark):open_mark])
    names = [run for _, run in _speaker_runs(head, "de") if len(run) >= 2]
    return _name(names[-1]) if names else None
# the head of a body, German: "Kommissionschefin" and "Kommissionspräsidentin" are one office
_GERMAN_HEAD = re.compile(r"(?P<of>\w{4,}?)(?:chef|präsident|vorsitzend)(?P<in>in|e|er|)")
# one office, many words: the head of a government is "Premier" in one sentence and
# "Regierungschef" in the next
_HEADS_OF_GOVERNMENT = ("premier", "regierungschef", "ministerpräsident", "kanzler", "bundeskanzler",
                        "прем'єр", "премьер", "prime")
_QUOTED = re.compile(r"«[^«»]*»|„[^„“]*“|“[^“”]*”|\"[^\"]*\"")
# after a name: its speech verb, a word between at most ("у суботу" is two: left to the parse),
# no comma (", повідомили в палаці" is another clause; in English an apposition's closing comma:
# "The defence minister, Denys Shmyhal, said"); a verb a person says in the singular:
# plurals ("повідомили", "говорят") and a medium's "пише" are said by others of a name
_NOT_ONE_SPEAKER = re.compile(r"(?:ли|ють|уть|ять|ют|ят|ą|пише|пишет)$")
_NAME_THEN_VERB = {
    lang: re.compile(rf"{',?' if lang == 'en' else ''}\s+(?:[^\W\d_]+\s+)?(?:{alternation([v for v in _speaker_verbs(lang) if lang == 'en' or not _NOT_ONE_SPEAKER.search(v)])})(?!\w)",
                     re.IGNORECASE)
    for lang in RULE_LANGUAGES}


def _full_name(text: str, speaker: str | None, lang: str) -> str | None:
    """A surname alone ("— сказав Кіпер") as the article named the person in full ("голова ОВА
    Олег Кіпер"): another outlet's speaker can only be told apart from a full name. A place or a
    platform run into the surname is no first name: "W Brukseli Kallas powiedziała", "У Telegram
    Зеленський написав" name Kallas and Зеленський (QA pass 24a, 10)."""
    from storydiff.lexicon.names import names_no_person

    if not speaker or " " in speaker:
        return speaker
    for at, run in _runs_ending_in(text).get(speaker, ()):
        after = _NEXT_WORD.match(text, at + len(" ".join(run)))
        if len(run) == 2 and (names_no_person(run[0], lang) or (
                _after_preposition(text, at, lang) and after and _VERB_RE[lang].fullmatch(after.group(1)))):
            continue
        return _name(run)
    return speaker


def _goes_on(text: str, previous_end: int, open_mark: int) -> bool:
    """Whether the quote carries on the previous one's sentence, naming no one between them and
    closing on a colon: "« ... », a-t-elle lancé, avant d'ajouter : « ... »"."""
    between = _QUOTED.sub(" ", text[previous_end:open_mark]) if previous_end > 0 else ""
    return (between.rstrip().endswith(":") and _SENTENCE_END.search(between.rstrip()[:-1]) is None
            and not _runs(between))


@functools.lru_cache(maxsize=4)
def _runs_ending_in(text: str) -> dict[str, list[tuple[int, list[str]]]]:
    """The text's runs of two or more capitalised words under their last word, in order:
    ``_full_name`` looks a surname up in the whole article once for each quote, and a
    page's ``_runs`` cost ~1 ms (on AEB, 549 look-ups over 125 texts were ~5% of ``ingest``'s
    CPU). The lists are shared: read, never changed."""
    by_last: dict[str, list[tuple[int, list[str]]]] = {}
    for at, run in _runs(text):
        if len(run) >= 2:
            by_last.setdefault(run[-1], []).append((at, run))
    return by_last


def _opens_sentence(text: str, open_mark: int) -> bool:
    """Nothing of the quote's sentence before its opening mark (a quote on its own, not one
    introduced by words that name no one: "У комюніке сказано: «")."""
    head = text[: open_mark].rstrip(" \t\u00a0")
    return not head or head[-1] in ".!?\n»“”\"«„"


def _anonymous(text: str, sp, lang: str) -> str | None:
    """The words of an attribution to no one ("hieß es", "nieoficjalnie") right after the quote's
    closing mark or before its opening mark in its sentence, or None."""
    rx = _ANONYMOUS_RE.get(lang)
    if rx is None:
        return None
    if sp.closed:
        m = _AFTER_MARK.match(text, sp.close_mark)
        pos = m.end() if m else sp.close_mark
        clause_end = _CLAUSE_END.search(text, pos)
        clause = text[pos: clause_end.start() if clause_end else len(text)]
        found = rx.search(clause, 0, 30)
        if found is not None and (found.start() == 0 or not _VERB_RE[lang].match(clause)):
            return found.group(0)  # "– mówi się w kuluarach" opens on its verb
        verb = _VERB_RE[lang].match(clause)
        rest = clause[verb.end():] if verb else ""
        if verb and lang in _INDEFINITE and _INDEFINITE[lang].search(" ".join(rest.split()[:4])) and not _runs(rest):
            # "», a indiqué à l'AFP un diplomate européen": someone unnamed, not the previous speaker
            # (Dmitri Peskov took the diplomat's words once "a-t-il" stopped passing the last name on)
            return verb.group(0)
        if clause.strip():
            return None  # words after the quote that attribute it otherwise
    start = max(text.rfind("\n", 0, sp.open_mark), *(text.rfind(p, 0, sp.open_mark) for p in (". ", "! ", "? ")))
    found = rx.search(text[start + 1: sp.open_mark])
    if found is None or speaker_before(text, sp.open_mark, lang) is not None:
        return None  # "Nieoficjalnie minister Jan Kowalski powiedział: „" names its speaker
    return found.group(0)


def attribute_other_language(text: str, spans, quotes, lang: str, max_inherit_paragraphs: int = 2) -> None:
    """Fill each quote's speaker and cue (parallel to ``spans``) in place, by the rules above. A
    quote standing on its own after another (no verb, nothing before its mark) keeps the
    previous speaker when that quote is at most ``max_inherit_paragraphs`` back."""
    previous: str | None = None
    previous_para, previous_end = -10, 0
    speakers: list[str] = []  # each quote's speaker so far, as the article named them in full
    for sp, q in zip(spans, quotes):
        para = text.count("\n", 0, sp.open_mark)
        inherited = previous if para - previous_para <= max_inherit_paragraphs else None
        if inherited is not None:  # someone else took the word since: "he" is now that person
            inherited = (_speaking_since(text, previous_end, sp.open_mark, lang)
                         or _speaker_as_subject(text, previous_end, sp.open_mark, speakers, lang) or inherited)
        last_named = None if inherited else _last_named(text, sp.open_mark, lang)
        anonymous = _anonymous(text, sp, lang)
        if anonymous is not None:
            q.speaker, q.cue = None, anonymous  # "hieß es aus Regierungskreisen": no one, and not "he"
            previous_end = sp.close_mark + 1 if sp.closed else sp.open_mark + 1
            continue
        cue, speaker = (speaker_after(text, sp.close_mark, lang, inherited, last_named, sp.open_mark, previous_end)
                        if sp.closed else (None, None))
        if lang == "en" and _sentence_before(text, sp.open_mark).rstrip().endswith(":"):
            # "Trump posted on Truth Social: “...!” Democrats said ...": the colon's sentence names
            # the speaker; the words after the quote open another sentence (review 23b, F1)
            before = speaker_before(text, sp.open_mark, lang)
            if before is not None:
                speaker, cue = before
        if cue is None and speaker is None and sp.closed:
            # a quote in another language than the article's, attributed in that language: a Polish
            # roundup's "„...“, sagte Pistorius dem ZDF" (QA pass 18 gave it the Polish quote's speaker)
            other = _attributed_in(text, sp.close_mark, lang)
            if other is not None:
                cue, speaker = speaker_after(text, sp.close_mark, other, inherited, last_named, sp.open_mark,
                                             previous_end)
        if speaker is None:
            before = speaker_before(text, sp.open_mark, lang)
            if before is not None:
                speaker, cue = before
            elif inherited is not None or last_named is not None:
                cue, pronoun = _pronoun_cue(text, sp.open_mark, lang)
                if last_named and pronoun and not _PRONOUN_RE[lang].match(_sentence_before(text, sp.open_mark).lstrip()):
                    # a German inversion ("betont sie: „"): the person named before the verb, and only
                    # one the pronoun's gender is known for (a run of capitals is often a noun there)
                    last_named = _last_named(text, text.rfind(cue, 0, sp.open_mark), lang)
                    if last_named and _gender(text, last_named, lang) != _wanted_gender(lang, cue, pronoun):
                        last_named = None
                # "Он добавил: «...»": the speaker just named, of the pronoun's or verb's gender ("Dodała:")
                speaker = (_agreeing(text, lang, inherited or last_named, _wanted_gender(lang, cue, pronoun),
                                     sp.open_mark, previous_end) if cue else None)
        if cue is None and speaker is None and (_opens_sentence(text, sp.open_mark)
                                                or _goes_on(text, previous_end, sp.open_mark)):
            speaker = inherited  # a run of quotes by one speaker: «...», — сказала X. «...».
        if speaker is None and cue is None and lang == "en":
            speaker = _english_subject(text, sp.open_mark)
        if lang == "en" and speaker and _POSSESSIVE.search(speaker):
            speaker = None  # "Russia’s foreign ministry said": the ministry spoke, not Russia
        q.speaker, q.cue = _full_name(text, speaker, lang), cue
        if speaker:
            previous, previous_para = speaker, para
            speakers.append(q.speaker)
        previous_end = sp.close_mark + 1 if sp.closed else sp.open_mark + 1


# Ranks and titles written abbreviated between a role and a name, as Polish police, army and fire
# services are quoted ("rzecznik Dowództwa Operacyjnego ppłk Jacek Gołębiowski", "powiedział mł.
# bryg. Marcin Kozak"), and their Ukrainian and Russian forms: the name after one is the speaker,
# and its full stop ends no clause (QA pass 22b, 06: the role's genitive, "Dowództwa
# Operacyjnego", was the speaker, or the previous paragraph's speaker took the quote).
# Only abbreviations no word is spelled like, lower case as written: "майор.", "полк." (a
# regiment), "red." (Spanish "la red") end sentences (review 22b, R4).
_RANKS = (r"ppłk|płk|mjr|kpt|ppor|por|gen|dyw|bryg|kom|nadkom|podkom|insp|nadinsp|asp|sierż|plut|kpr|szer|"
          r"kmdr|kadm|wadm|ks|bp|abp|mec|dr|hab|prof|mł|"
          r"ген|підполк|подполк|лейт|проф|д-р")
_RANK_AT_END = re.compile(rf"(?<![\w-])(?:{_RANKS})$")
_RANK_BEFORE = re.compile(rf"(?<![\w-])(?:{_RANKS})\.?[ \t\u00a0]+$")


def _clause_after(text: str, close_mark: int) -> str:
    """The words after a quote's closing mark up to the end of their clause. A full stop after a
    one-letter word ("auf X.") reads as an initial, so the next quote's opening mark after it ends
    the clause too: "schrieb sie auf X. „Ich freue mich sehr für Dich“" named "Dich". A full stop
    after a rank ("kom.", "mł. bryg.") ends nothing."""
    m = _AFTER_MARK.match(text, close_mark)
    pos = m.end() if m else close_mark
    clause_end = _CLAUSE_END.search(text, pos)
    while clause_end and text[clause_end.start()] == "." and _RANK_AT_END.search(text, pos, clause_end.start()):
        clause_end = _CLAUSE_END.search(text, clause_end.end())
    clause = text[pos: clause_end.start() if clause_end else len(text)]
    next_quote = _NEXT_QUOTE.search(clause)
    return clause[: next_quote.start()] if next_quote else clause


_NEXT_QUOTE = re.compile(r"\.\s+[«„“\"]")


def _attributed_in(text: str, close_mark: int, lang: str) -> str | None:
    """The other language whose speech verb opens the words after the closing mark, or None."""
    clause = _clause_after(text, close_mark)
    if not clause.strip():
        return None
    return next((other for other in sorted(LANGUAGES) if other != lang and _VERB_RE[other].match(clause)), None)


# a German adjective or function word opening a sentence ("Russische Drohnen sind ...", "Auch
# Alternativen wie Taxi ...", "In Zukunft geht es ..."): the run of capitals it starts is no person
_GERMAN_ADJECTIVE = re.compile(r"(?:isch|sch|lich|ig|al|är|ell|iv)(?:e|en|er|es|em)$")
_GERMAN_OPENERS_TEXT = (
    "auch und in jeder jede jedes dabei doch nun dort hier heute dann zudem denn aber als wenn weil dass ob wie "
    "was wer man alle viele einige diese dieser dieses kein keine mehr noch schon erst so sowohl nicht nur "
    "gleichzeitig damit danach davor deshalb trotzdem während bis unter zwischen gegen ohne um durch seit")
_GERMAN_OPENERS = frozenset(_GERMAN_OPENERS_TEXT.split())


def _speaker_as_subject(text: str, start: int, open_mark: int, speakers: list[str], lang: str) -> str | None:
    """A person named as the subject of a sentence of the quote's paragraph since the previous
    quote, its name opening the sentence: "„...“, schrieb Tusk auf der Plattform X.\n
    Bundesverteidigungsminister Boris Pistorius sicherte Polen die Solidarität Deutschlands zu.
    „...“, sagte er in Berlin" is Pistorius's (QA pass 18), not Tusk's. A person quoted before, in
    any language; in German (where "er"/"sie" are the rule and a role is capitalised into the run),
    also a name first quoted here, unless the run opens on an adjective ("Russische Drohnen sind").
    In Polish, Ukrainian and Russian a run opening a sentence is as often an institution ("Straż
    Graniczna poinformowała"): the verb's gender decides there (``_agreeing``)."""
    lo = max(start, text.rfind("\n", 0, open_mark) + 1)
    segment = _QUOTED.sub(lambda m: " " * len(m.group(0)), text[lo:open_mark])
    surnames = {name.split()[-1]: name for name in speakers if name}
    found = None
    for at, run in _runs(segment):
        head = segment[:at].rstrip(" \t\u00a0")
        if head and head[-1] not in ".!?":
            continue
        if len(run) < 2:
            # a surname alone opening the sentence, as the article named a person in full before:
            # "Selenskyj bedankte sich ... „...“, sagte er", "Зеленський подякував ... – сказав він"
            # is Zelensky's, not the previous quote's Merz (QA pass 21a)
            full = _full_name(text[:open_mark], run[0], lang) or run[0]
            if len(run[0]) >= 4 and _verb_follows(segment, at + len(run[0]), lang) and not _function_word(run[0], lang) and (
                    full != run[0] or run[0] in surnames or _lone_surname(run[0], lang)):
                found = surnames.get(run[0], full)
            continue
        if run[-1] in surnames:
            found = surnames[run[-1]]
        elif lang == "de" and run[0].lower() not in _GERMAN_OPENERS and not _GERMAN_ADJECTIVE.search(run[0].lower()):
            found = _name(run)
    return found


def _verb_follows(segment: str, end: int, lang: str) -> bool:
    """Whether the word after a sentence's first word is a finite verb the name is the subject of:
    a lowercase word, not a preposition or a determiner ("Selenskyj bedankte sich", "Зеленський
    подякував"; not "Selenskyj zufolge" nor "Merz in Berlin")."""
    after = _NEXT_WORD.match(segment, end)
    if after is None:
        return False
    word = after.group(1)
    low = word.lower()
    if word != low or low in _PREPOSITION_WORDS.get(lang, ()) or low in _DETERMINERS or low in _ACCORDING_WORDS:
        return False
    if low in ("und", "і", "и", "та", "oraz", "i"):
        return False
    # one person's verb: no plural ("Experten warnen", "Росіяни атакували")
    return not (low.endswith("en") if lang == "de" else _NOT_ONE_SPEAKER.search(low))


# a sentence opening on one capitalised word is a person's surname only where the word has a
# surname's shape (a noun or an adverb opens as many sentences: "Удар пошкодив", "Generell geht")
_GERMAN_ADVERBS_TEXT = (
    "gestern vorgestern zuvor später zuletzt inzwischen bisher bislang derzeit damals außerdem allerdings "
    "jedoch darauf daraufhin anschließend laut insgesamt jetzt bereits ebenfalls zunächst")
_GERMAN_ADVERBS = frozenset(_GERMAN_ADVERBS_TEXT.split())
_SLAVIC_SURNAME = re.compile(
    r"(?:ський|цький|ська|цька|ский|цкий|ская|цкая|енко|ук|юк|чук|ов|ев|єв|ін|ин|ова|ева|єва|іна|ина|ич|ыч|ski|cki|ska|cka|ak|ek|yk)$")


_GERMAN_SLAVIC_SURNAME = re.compile(r"(?:skyj|skij|ski|zki|enko|tschuk|juk|uk|ow|ew|jew|itsch)$")


def _function_word(word: str, lang: str) -> bool:
    """A word that opens a sentence as no subject: "Dann", "Nachdem", "Von", "Gestern", "Також"."""
    low = word.lower()
    return (low in _OPENERS or low in _PREPOSITION_WORDS.get(lang, ()) or low in _DETERMINERS
            or (lang == "de" and (low in _GERMAN_OPENERS or low in _GERMAN_ADVERBS or low in _TIME_WORDS
                                  or low in _GERMAN_CONJUNCTIONS)))


_GERMAN_CONJUNCTIONS = frozenset(["nachdem", "obwohl", "sobald", "solange", "sofern", "damit", "indem", "falls"])


def _lone_surname(word: str, lang: str) -> bool:
    from storydiff.lexicon.names import names_no_person

    low = word.lower()
    if names_no_person(word, lang):
        return False  # "Russland will", "Київ заявив"
    if lang == "de":
        # a German sentence opens on any adverb ("Generell geht", "Gerade für", "Augenblicklich
        # verstummt": fundus-tests pages): only a Slavic surname as German writes it is read alone
        return _GERMAN_SLAVIC_SURNAME.search(low) is not None
    return _SLAVIC_SURNAME.search(low) is not None


_ACCORDING_WORDS = frozenset(["zufolge", "according", "за", "по", "według"])


def language_rules(language: str | None) -> str | None:
    """The rule set for an article's language ("uk-UA" -> "uk"), None for English or unknown."""
    code = (language or "").strip().lower().replace("_", "-").split("-")[0]
    return code if code in LANGUAGES else None
