"""What the search index holds for an article, and how a query typed by a user becomes a
full-text query on each backend.

One ``search_articles`` row per article (its title and text) and one ``search_quotes`` row per
direct quote in it (the quote's words, its speaker when analysis has named one, and the paragraph
around it). SQLite indexes them with FTS5 (``search_articles_fts``, ``search_quotes_fts``, kept in
step by triggers), PostgreSQL with generated ``tsvector`` columns under GIN indexes; both read
words the same way: no stemming, no stop words, any script.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from sqlalchemy import Connection

from storydiff.dates import sortable_time
from storydiff.records import Article, Quote
from storydiff.settings import SearchSettings
from storydiff.store import codec

# Text indexed per article: PostgreSQL refuses a tsvector over 1 MB, and the words of a story are
# in its first pages anyway (a 20 MB "article" is an extraction accident).
MAX_INDEXED_CHARS = 200_000
MAX_CONTEXT_CHARS = 600  # the paragraph kept beside a quote (a speaker named before the quote)
_BACKFILL_CHUNK = 500


def article_quotes(article: Article) -> list[Quote]:
    """The article's quotes as analysis found them, else as the attribution rules find them with
    no parse (ingest parses nothing: a few ms an article). Their speakers are the rules' (in
    English, PolNeAR dev end-to-end F1 0.78 against the parse's 0.89): an archive's quote table
    had no speaker at all until someone opened each story (QA pass 23a, 05); a deep comparison
    later puts the parse's speakers in their place (``SqlSearch._index_speakers``)."""
    if article.quotes:
        return article.quotes
    from storydiff.analyze.quotes import find_quotes

    try:
        return find_quotes(article.text[:MAX_INDEXED_CHARS], language=article.language, parse=False)
    except (ValueError, RecursionError):
        return []


def paragraph_around(text: str, start: int, end: int) -> str:
    """The paragraph (newline to newline) holding text[start:end], cut to MAX_CONTEXT_CHARS
    around it."""
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", end)
    b = len(text) if b < 0 else b
    if b - a > MAX_CONTEXT_CHARS:
        spare = max(0, (MAX_CONTEXT_CHARS - (end - start)) // 2)
        a, b = max(a, start - spare), min(b, end + spare)
    return text[a:b]


def entries_for(article: Article) -> tuple[dict, list[dict]]:
    """The search rows of one article: its own (title and text) and one per quote, without
    ``article_seq`` (its row in ``articles``, which the store adds when it knows it)."""
    common = {"outlet": codec.column_text(article.outlet), "published": sortable_time(article.published)}
    text = article.text[:MAX_INDEXED_CHARS]
    title = article.title or ""
    own = {**common, "body": codec.column_text(f"{title}\n{text}" if title else text)}
    quotes = [
        {
            **common,
            "position": i,
            "speaker": codec.column_text(q.speaker),
            "context": codec.column_text(paragraph_around(article.text, q.start, q.end)),
            "body": codec.column_text(q.text[: MAX_CONTEXT_CHARS * 4]),
        }
        for i, q in enumerate(article_quotes(article))
    ]
    return own, quotes


INSERT_ARTICLE_SQL = (
    "INSERT INTO search_articles (article_seq, outlet, published, body) "
    "VALUES (:article_seq, :outlet, :published, :body)"
)
INSERT_QUOTE_SQL = (
    "INSERT INTO search_quotes (article_seq, position, speaker, context, outlet, published, body) "
    "VALUES (:article_seq, :position, :speaker, :context, :outlet, :published, :body)"
)


def insert_rows(conn: Connection, rows: list[tuple[int, tuple[dict, list[dict]]]]) -> None:
    """Write the search rows of articles: (article_seq, entries_for(article)) each."""
    from sqlalchemy import text as sql

    own = [{**a, "article_seq": seq} for seq, (a, _) in rows]
    quotes = [{**q, "article_seq": seq} for seq, (_, qs) in rows for q in qs]
    if own:
        conn.execute(sql(INSERT_ARTICLE_SQL), own)
    if quotes:
        conn.execute(sql(INSERT_QUOTE_SQL), quotes)


def backfill(conn: Connection) -> None:
    """Index every stored article (the migration that adds the index, on an older database)."""
    from sqlalchemy import text as sql

    last = 0
    while True:
        rows = conn.execute(
            sql("SELECT seq, data FROM articles WHERE seq > :s ORDER BY seq LIMIT :n"),
            {"s": last, "n": _BACKFILL_CHUNK},
        ).all()
        if not rows:
            return
        insert_rows(conn, [(seq, entries_for(codec.article_from_json(data))) for seq, data in rows])
        last = rows[-1][0]


# -- queries ----------------------------------------------------------------------------------

# a phrase in "straight", «guillemet» or „low-high“ / “curly” quotes (a Russian or Ukrainian keyboard
# types «»: «объектам военным» was two words in any order; QA pass 25b, 10), else a word
_TERM = re.compile(r'"([^"]*)"?|«([^»]*)»?|„([^“”]*)[“”]?|“([^”]*)”?|(\S+)')
_WORD = re.compile(r"\w", re.UNICODE)


# The Ukrainian apostrophe is typed as ' or ’ (which the tokenizers, FTS5's unicode61 and
# PostgreSQL's parser, read as a break: "дев", "ятеро") or as U+02BC ʼ (macOS and Android
# layouts; a letter to both: "девʼятеро", one word), so each spelling found only itself. A term
# holding one is searched in both readings; the stored text is left as the outlet wrote it.
_APOSTROPHES = "'’ʼʹʻ`"
_AS_BREAK = str.maketrans({c: "’" for c in _APOSTROPHES})
_AS_LETTER = str.maketrans({c: "ʼ" for c in _APOSTROPHES})
_FOLDED = str.maketrans({c: "'" for c in _APOSTROPHES})  # one char for one: offsets kept


def _fold_table() -> tuple[str, str]:
    """(letters, their bases): every Latin letter with a diacritic whose Unicode decomposition is
    an ASCII letter and marks ("ę" → "e", "Ź" → "z"), and those with none (ł, đ, ø, ħ, ı), and
    Cyrillic ё; one character for one."""
    src, dst = ["ŁłĐđØøĦħıЁё"], ["llddoohhiее"]
    for cp in range(0xC0, 0x250):
        c = chr(cp)
        d = unicodedata.normalize("NFKD", c)
        if len(d) > 1 and d[0].isascii() and d[0].isalpha() and all(unicodedata.combining(x) for x in d[1:]):
            src.append(c)
            dst.append(d[0].lower())
    return "".join(src), "".join(dst)


# Outlet and speaker filters match as search words do (FTS5 reads "Kępno" as "kepno"): a user
# without a Polish keyboard types "Zielinski" for "Zieliński" (QA pass 16). No migration: the
# column is matched against ``filter_regex`` of the filter (PostgreSQL ``~*``; SQLite's
# ``py_folded_has``, which reads a row in ASCII by ``starts_a_word_in``). PostgreSQL's translate() over this
# table took 100x lower()'s time on a quote's paragraph, the regex less than lower() + LIKE
# (bench/search_filters.py).
FOLD_FROM, FOLD_TO = _fold_table()
_FOLD_LETTERS = str.maketrans(FOLD_FROM, FOLD_TO)
_VARIANTS: dict[str, str] = {}
for _letter, _base in zip(FOLD_FROM, FOLD_TO):
    _VARIANTS[_base] = _VARIANTS.get(_base, _base + _base.upper()) + _letter


def fold(text: str) -> str:
    """``text`` without its diacritics, lower-cased: what a filter compares."""
    return text.lower() if text.isascii() else text.translate(_FOLD_LETTERS).lower()


def fold_regex(text: str) -> str:
    """A PostgreSQL regular expression (for ``~*``) that finds ``text`` as ``fold`` reads it:
    each letter as any of the letters it is the base of ("n" → "[nNñÑńŃ...]"), any other letter
    in either case (whatever the database's locale makes of ``~*``: "к" → "[кК]"), every other
    character taken literally."""
    return "".join(_letter_class(c) for c in fold(text))


# A filter matches from the start of a word of the column, as a user names an outlet or a speaker:
# "Kurier" finds "Kurier Wschodni", not "Ostkurier"; "Kallas" finds "Kaja Kallas", "Ann" not
# "Joanna" (QA pass 20a). Both dialects read a lookbehind; PostgreSQL's [[:alnum:]] follows the
# database's locale (C.UTF-8 knows Cyrillic letters; plain C matches inside such words, as before).
WORD_START = {"postgresql": "(?<![[:alnum:]])", "python": r"(?<![^\W_])"}


def filter_regex(text: str, dialect: str = "postgresql") -> str:
    """``fold_regex`` of ``text`` anchored at a word start (when ``text`` starts with a letter or
    digit), for PostgreSQL's ``~*`` or, with ``dialect="python"``, Python's ``re``."""
    pattern = fold_regex(text)
    return WORD_START[dialect] + pattern if fold(text)[:1].isalnum() else pattern


def starts_a_word_in(folded: str, text: str) -> bool:
    """Whether ``folded`` occurs in ``text`` (both lower-case) at the start of a word."""
    if not folded[:1].isalnum():
        return folded in text
    at = text.find(folded)
    while at >= 0:
        if at == 0 or not text[at - 1].isalnum():
            return True
        at = text.find(folded, at + 1)
    return False


def _letter_class(c: str) -> str:
    if c in _VARIANTS:
        return f"[{_VARIANTS[c]}]"
    if not c.isalnum():
        return "\\" + c
    upper = c.upper()
    return f"[{c}{upper}]" if upper != c and len(upper) == 1 else c


# Search words fold diacritics as SQLite's FTS5 tokenizer does (unicode61 remove_diacritics 2):
# a Latin letter whose canonical decomposition is an ASCII letter and these marks reads as that
# letter ("Kępnie" as "kepnie", also when the outlet wrote it decomposed); ł ø đ ħ ı, й ё ї and
# Greek stay as they are (FTS5 leaves them). PostgreSQL's generated tsvector columns apply
# ``pg_search_fold`` (migration 7) and its queries ``search_fold``: the same steps, one in SQL,
# one in Python. Not translate() over a table of letters: it took ~10x to_tsvector's time per
# text, this ~1.5-2x (QA pass 16; BENCHMARKS "Following the news"). Changing these changes
# what migration 7 stored: a new fold needs a new migration step.
_FTS5_DIACRITICS = "".join(f"\\u{c:04x}" for c in (
    0x300, 0x301, 0x302, 0x303, 0x304, 0x306, 0x307, 0x308, 0x309, 0x30A, 0x30B, 0x30C, 0x30F,
    0x311, 0x31B, 0x323, 0x324, 0x325, 0x326, 0x327, 0x328, 0x32D, 0x32E, 0x330, 0x331,
))  # the combining marks unicode61 drops (it splits a word at the others), as regex escapes
# one pattern for Python's re and PostgreSQL's regular expressions (both read \uXXXX)
_MARKS_AFTER_LATIN = "([A-Za-z])[" + _FTS5_DIACRITICS + "]+"
_MARKS_AFTER_LATIN_RE = re.compile(_MARKS_AFTER_LATIN)


def search_fold(text: str) -> str:
    """A query word as PostgreSQL's index holds it: Latin letters without their diacritics."""
    if text.isascii():
        return text
    return unicodedata.normalize("NFC", _MARKS_AFTER_LATIN_RE.sub(r"\1", unicodedata.normalize("NFD", text)))


def pg_search_fold(column: str) -> str:
    """``search_fold`` of a column as an IMMUTABLE SQL expression (a generated column's)."""
    return f"normalize(regexp_replace(normalize({column}, NFD), '{_MARKS_AFTER_LATIN}', '\\1', 'g'), NFC)"


# Polish ł has no decomposition, so both indexes keep it (FTS5's unicode61 as PostgreSQL's fold):
# "Lodz", as every keyboard without Polish letters, every URL and every English outlet writes
# Łódź, found nothing, and "Łódź" found no English "Lodz" (QA pass 20a, 11; review 20, 6). A term's
# l's and ł's are read both ways instead, at query time (no index changes): up to three in a term
# (2**3 spellings), in the query's first L_READING_TERMS terms (a query of a thousand "lll" words
# cost 9x on PostgreSQL); past that a term is searched as typed.
_L_READINGS_MAX = 3
L_READING_TERMS = 8
_OTHER_L = {"l": "ł", "L": "Ł", "ł": "l", "Ł": "L"}


def _l_readings(text: str) -> list[str]:
    """``text`` with each of its l's and ł's read both ways (case kept): "Lodz" → Lodz, Łodz."""
    at = [i for i, c in enumerate(text) if c in _OTHER_L]
    if not at or len(at) > _L_READINGS_MAX:
        return [text]
    out = []
    for mask in range(1 << len(at)):
        chars = list(text)
        for k, i in enumerate(at):
            if mask >> k & 1:
                chars[i] = _OTHER_L[chars[i]]
        out.append("".join(chars))
    return out


def spellings(text: str, l_readings: bool = True) -> list[str]:
    """A term's text as the index may hold it: itself, both readings of its apostrophes, and
    (``l_readings``) its l's and ł's read both ways."""
    readings = [text]
    if any(c in text for c in _APOSTROPHES):
        readings = list(dict.fromkeys([text.translate(_AS_BREAK), text.translate(_AS_LETTER)]))
    if not l_readings:
        return readings
    return [r for reading in readings for r in _l_readings(reading)]


# Ukrainian and Russian name a place or a person mostly in oblique cases ("у Харкові", "мер
# Харкова", "з Києва", "в Москве"): a word typed as the dictionary gives it found only that form
# (QA pass 21b, 03). A Cyrillic word of a query is also searched, at query time (no index change:
# the index holds the words as written, on SQLite and PostgreSQL alike), in its other case forms:
# its stem with each of the case endings of nouns and adjectives (Одеси, Одесі, Одесою;
# Зеленського; Криму, not "кримінальне": a stem is no prefix, review 21b, 3). The stem is the word
# less the longest case ending that leaves CYRILLIC_STEM_MIN letters ("ударами" → удар-,
# "Одеса" → Одес-, "Зеленський" → Зеленськ-; a final consonant kept: Путін-, Крим-): only a final
# vowel, й, ь or an adjective's ending was cut, so "ударов", "ударом", "ударами" found no "удар"
# (QA pass 25b, 4). A capitalised -ов/-ев/-ин is a surname (Песков → Пескова, not Иванов → Ивана)
# and a capitalised place's -ів/-їв is read with the о/є its other cases take (Харків → Харкова,
# Київ → Києва; "років" keeps its і). A stem of fewer than CYRILLIC_STEM_MIN letters is searched
# as typed (Рада, Суд). Measured on a word list (bench/cyrillic_stems.py).
CYRILLIC_STEM_MIN = 4
_CYRILLIC_WORD = re.compile(r"[\u0400-\u04ff'’ʼ]+")
CASE_ENDINGS = (  # uk and ru nouns' and adjectives' case endings, "" for the stem itself
    "", "а", "я", "у", "ю", "е", "є", "и", "і", "ї", "ы", "о", "ом", "ем", "єм", "ём", "ою", "ею", "єю", "ой", "ей",
    "ью", "ові", "еві", "єві", "ам", "ям", "ами", "ями", "ах", "ях", "ів", "їв", "ов", "ев",
    "ий", "ій", "ый", "ого", "его", "ього", "ому", "ему", "ьому", "им", "ім", "ым", "ая", "яя", "ую", "юю",
    "ое", "ее", "ої", "ые", "ие", "их", "ых", "ими", "ыми",
    "ь", "ия", "ии", "ию", "ией", "ием", "иям", "иями", "иях",  # новост-ь; санкц-ия, заявлен-ие
)
# a noun's only (no adjective's): what a stem cut at a plural's -ов/-ев/-ів takes, as the same
# letters end many a nominative ("остров" is no "острый")
NOUN_CASE_ENDINGS = (
    "", "а", "я", "у", "ю", "е", "є", "и", "і", "ы", "ом", "ем", "єм", "ём", "ою", "ею", "єю", "ей", "ові", "еві",
    "ам", "ям", "ами", "ями", "ах", "ях", "ів", "їв", "ов", "ев",
)
# an adjective's (and a participle's) only: what a stem cut at an ending no noun has takes ("острый"
# is no "остров")
ADJECTIVE_CASE_ENDINGS = (
    "ий", "ій", "ый", "ой", "ого", "его", "ього", "ому", "ему", "ьому", "им", "ім", "ым", "ом", "ем", "ая", "яя",
    "ую", "юю", "ей", "ої", "ое", "ее", "ые", "ие", "і", "их", "ых", "ими", "ыми",
)
_ADJECTIVE_ONLY = frozenset({"ий", "ый", "ая", "яя", "ое", "ее", "ого", "его", "ього", "ому", "ему", "ьому", "ым",
                             "ых", "ые", "ими", "ыми", "ую", "юю", "ої"})
# what is cut to find the stem: the case endings, longest first, and a final й
_STEM_CUTS = sorted({*CASE_ENDINGS, "й"} - {""}, key=len, reverse=True)
_SURNAME_ENDINGS = ("ов", "ев", "ёв", "ин", "ын")
_PLURAL_GENITIVES = ("ов", "ев", "ёв", "ів", "їв")
# an instrumental's ending that also ends many a nominative: "Газпром", "Росатом", "Энергоатом",
# "аэродром" (QA pass 26a, 09: "Газпром" was cut to Газпр- and found no "Газпрома")
_NOMINATIVE_TOO = ("ом", "ем", "ём", "єм")
_VOWELS = "аяоеєиіїуюьйыэ"
_PUNCTUATION = "«»„“”\"'’.,;:!?()[]…"


def cyrillic_stems(word: str) -> list[str]:
    """The stems whose case forms (``CASE_ENDINGS``) ``word``'s search also asks for ([] for a word
    not Cyrillic, or too short to cut); punctuation around it is no part of it ("«Харків»,")."""
    word = word.strip(_PUNCTUATION)
    if not word or not _CYRILLIC_WORD.fullmatch(word):
        return []
    low = word.lower()

    def letters(stem: str) -> int:
        return sum(c.isalpha() for c in stem)

    if word[0].isupper() and low.endswith(("ів", "їв")) and letters(word) - 2 >= CYRILLIC_STEM_MIN - 2:
        # the і of a city's -ів alternates with о or е in its other cases: Харкова, Львова, but
        # Кишинева, у Кишиневі (QA pass 26a, 09: "Кишинів" found none of them); -їв with є (Києва)
        if low.endswith("їв"):
            return [word[:-2] + "єв", word]
        return [word[:-2] + "ов", word[:-2] + "ев", word]
    if word[0].isupper() and low.endswith(_SURNAME_ENDINGS):
        return [word] if letters(word) >= CYRILLIC_STEM_MIN else []  # Песков → Пескова, Песковым
    cut = next((len(e) for e in _STEM_CUTS if low.endswith(e) and letters(word[: -len(e)]) >= CYRILLIC_STEM_MIN), 0)
    if cut == 0 and low[-1] in _VOWELS:
        return []  # a vowel ending too short to cut: Рада is no Радар's stem
    stem = word[: len(word) - cut]
    if cut == 2 and low.endswith(_PLURAL_GENITIVES):
        return [stem, word]  # "ударов" → удар-; "остров" → остров- (острова) as well
    if cut == 3 and low.endswith(("ові", "еві", "єві")):
        return [stem, word[:-1]]  # "харкові" → харк- and Харков- (Харкова)
    if cut == 2 and low.endswith(_NOMINATIVE_TOO) and letters(stem) >= CYRILLIC_STEM_MIN:
        return [stem, word]  # "ударом" → удар-; "Газпром" → Газпром- (Газпрома, Газпрому) as well
    return [stem] if letters(stem) >= CYRILLIC_STEM_MIN else []


def cyrillic_case_forms(word: str) -> list[str]:
    """``word``'s other case forms as searched: each stem's (``cyrillic_stems``) with the case
    endings; a stem cut at a plural's -ов/-ев/-ів with a noun's only, one cut at an ending only
    adjectives have with an adjective's only."""
    word = word.strip(_PUNCTUATION)
    stems = cyrillic_stems(word)
    if not stems:
        return []
    ending = word[len(stems[0]):].lower()
    if len(stems) == 2 and stems[1] == word and ending in _PLURAL_GENITIVES:
        return [stems[0] + e for e in NOUN_CASE_ENDINGS] + [word + e for e in CASE_ENDINGS]
    endings = ADJECTIVE_CASE_ENDINGS if ending in _ADJECTIVE_ONLY else CASE_ENDINGS
    return [stem + e for stem in stems for e in endings]


# Polish names a place or a person in its cases too ("w Dorohusku", "z Chełma", "do Kowla",
# "wojewody Wieczorka"): Dorohusk found 2 of the 7 articles that wrote it (QA pass 22b, 10). A
# capitalised Latin word of a query (a name, whatever the query's language: Polish writes "Trumpa"
# and "Bidenem" too), or any word with a Polish letter, is also searched in the case forms of its
# stem: a final vowel dropped (Mircze → Mircz-u, Warszawa → Warszaw-ie, Wrocławiu → Wrocławi-a), the fleeting e of -ek/-el/
# -ec taken out (Wieczorek → Wieczork-a, Kowel → Kowl-a) and -ów read -ow- (Kraków → Krakowa).
# the endings a stem takes, by how the name ends: a masculine consonant (Dorohusk-u, Kowl-a, Trump-em),
# a feminine -a (Warszaw-ie, Łomż-y), a neuter -e/-o (Mircz-u, Mircz-em). By ending, not all at once:
# "Franco" found "France", "Maria" "Mario", "Niger" "Nigeria" (review 22b, R6)
POLISH_CASE_ENDINGS = {
    "consonant": ("", "a", "u", "e", "ie", "iu", "em", "iem", "owi", "y", "i", "ów", "owie", "ach", "ami", "om"),
    "a": ("y", "i", "ie", "ę", "ą", "ach", "ami", "om"),
    "neuter": ("a", "u", "em", "ach", "ami", "om"),
}
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ɏ]+")
_POLISH_LETTERS = frozenset("ąćęłńóśźż")
_FLEETING_E = re.compile(r"(?<=[^aeiouyąęó])e(?=[klcń]$)")


def polish_stems(word: str, *, typed: str | None = None) -> list[str]:
    """The stems whose Polish case forms (``POLISH_CASE_ENDINGS``) ``word``'s search also asks for
    ([] for a word not Latin, neither capitalised nor Polish, or too short to cut). ``typed``: what
    the user typed, when ``word`` is one of its spellings (an l read as ł makes no word Polish:
    "zginelo" is no name, and its ł-reading is not searched in its cases)."""
    word = word.strip(_PUNCTUATION)
    if not word or not _LATIN_WORD.fullmatch(word):
        return []
    low = word.lower()
    said = (typed or word).strip(_PUNCTUATION)
    if not said or not (said[0].isupper() or _POLISH_LETTERS & set(said.lower())) or (len(said) > 1 and said.isupper()):
        return []  # an acronym (NATO, PAP) is written as it is
    stems = [word[:-1] if low[-1] in "aeiouyąę" else word]
    if _FLEETING_E.search(low):
        stems.append(_FLEETING_E.sub("", word))
    if low.endswith("ów"):
        stems.append(word[:-2] + "ow")
    return [s for s in dict.fromkeys(stems) if len(s) >= CYRILLIC_STEM_MIN]


def polish_case_forms(word: str, *, typed: str | None = None) -> list[str]:
    """``word``'s Polish case forms (``polish_stems`` with the endings its last letter takes;
    never the bare stem of a word that ended in a vowel: "Paula" is no "Paul")."""
    low = word.strip(_PUNCTUATION).lower()
    if not low:
        return []
    kind = "a" if low[-1] in "aą" else "neuter" if low[-1] in "eoę" else "consonant" if low[-1] not in "iuy" else "a"
    if low[-1] in "iuy":  # an oblique form typed (Wrocławiu, Łomży): a masculine or a feminine stem
        kind = "consonant" if low[-1] == "u" else "a"
    endings = POLISH_CASE_ENDINGS[kind]
    return [stem + e for stem in polish_stems(word, typed=typed) for e in endings
            if not (e == "" and low[-1] in "aeiouyąę")]


def readings(term: Term, l_readings: bool = True, forms: bool = True) -> list[tuple[str, bool]]:
    """What the index is asked for a term: (text, as a prefix) for each of its ``spellings``, then
    (``forms``) each Cyrillic word's case forms (``cyrillic_stems``) and each name's Polish ones
    (``polish_stems``); a phrase and a typed prefix as typed."""
    texts = spellings(term.text, l_readings)
    out = [(t, term.prefix) for t in texts]
    if forms and not term.prefix and " " not in term.text:
        out += [(form, False) for t in texts for form in cyrillic_case_forms(t)]
        out += [(form, False) for t in texts for form in polish_case_forms(t, typed=term.text)]
    return list(dict.fromkeys(out))


@dataclass(frozen=True)
class Term:
    """One part of a query: a word, or words in quotes (a phrase); ``prefix`` for ``word*``."""

    text: str
    prefix: bool = False


def parse_query(query: str) -> list[Term]:
    """``Kallas "Article 5" nato*`` → [Kallas, "Article 5", nato*]: every term must match.
    Terms without a letter or digit are dropped (they match nothing on either backend), and so
    are repeats. Raises ValueError for a query past ``SearchSettings``' bounds (more terms or
    prefix terms than it allows, a prefix of one letter)."""
    terms = list(dict.fromkeys(_terms(query)))
    limits = SearchSettings()
    prefixes = [t for t in terms if t.prefix]
    if len(terms) > limits.max_terms:
        raise ValueError(f"a query of at most {limits.max_terms} different words and phrases, not {len(terms)}")
    if len(prefixes) > limits.max_prefix_terms:
        raise ValueError(f"at most {limits.max_prefix_terms} words ending in *, not {len(prefixes)}")
    short = next((t for t in prefixes if len(t.text) < limits.min_prefix_chars), None)
    if short is not None:
        raise ValueError(f"{short.text}*: a word before * needs at least {limits.min_prefix_chars} letters")
    return terms


def _terms(query: str) -> list[Term]:
    terms: list[Term] = []
    # a NUL separates words: inside a term it ended FTS5's quoted string and PostgreSQL refuses it
    # in a parameter, a 500 for anyone's /search (review 25a)
    for m in _TERM.finditer((query or "").replace("\x00", " ")):
        *quoted, word = m.groups()
        phrase = next((q for q in quoted if q is not None), None)
        if phrase is not None:
            if _WORD.search(phrase):
                terms.append(Term(" ".join(phrase.split())))
            continue
        prefix = word.endswith("*") and len(word) > 1
        word = word.rstrip("*") if prefix else word
        if _WORD.search(word):
            terms.append(Term(word, prefix))
    return terms


def fts5_match(terms: list[Term]) -> str:
    """An FTS5 MATCH expression: each term a quoted string (no operator inside a user's text is
    obeyed), a prefix term followed by ``*``."""
    def one(text: str, prefix: bool) -> str:
        return '"' + text.replace('"', '""') + '"' + ("*" if prefix else "")

    # AND written out: FTS5 reads an implicit AND between phrases only, not before a "(...)" group
    return " AND ".join(
        one(*v[0]) if len(v := readings(t, i < L_READING_TERMS, i < L_READING_TERMS)) == 1
        else "(" + " OR ".join(one(*x) for x in v) + ")"
        for i, t in enumerate(terms)
    )


def pg_tsquery(terms: list[Term]) -> tuple[str, dict[str, str]]:
    """A PostgreSQL tsquery expression with bound parameters: phrases as phraseto_tsquery, a
    prefix term as its plainto_tsquery with ``:*``, all ANDed; the words folded as the index's."""
    parts, params = [], {}
    for i, t in enumerate(terms):
        ors = []
        for j, (text, prefix) in enumerate(readings(t, i < L_READING_TERMS, i < L_READING_TERMS)):
            params[f"t{i}_{j}"] = search_fold(text)
            if prefix:
                # NULLIF: a word of underscores alone has no lexeme, and "" || ':*' is no tsquery
                # (a syntax error, review 25a); NULL matches nothing, as FTS5's empty prefix
                ors.append(f"(NULLIF(plainto_tsquery('simple', :t{i}_{j})::text, '') || ':*')::tsquery")
            else:
                ors.append(f"phraseto_tsquery('simple', :t{i}_{j})")
        parts.append(ors[0] if len(ors) == 1 else "(" + " || ".join(ors) + ")")
    return " && ".join(parts), params


def snippet(body: str, terms: list[Term], width: int) -> str:
    """About ``width`` characters of ``body`` around the first place a term's first word occurs
    (case and diacritics folded), whole words, with "…" where cut."""
    low = fold(body).translate(_FOLDED)  # "Kepnie" typed finds its place in "…w Kępnie…"
    at = -1
    for t in terms:
        for text, _ in readings(t, l_readings=False):  # "Харків" typed: "…у Харкові…"
            word = fold(text.split()[0]).translate(_FOLDED) if text.split() else ""
            hit = low.find(word) if word else -1
            if hit >= 0 and (at < 0 or hit < at):
                at = hit
    at = max(at, 0)
    start = max(0, at - width // 3)
    end = min(len(body), start + width)
    if start > 0:
        start = body.find(" ", start, at) + 1 if body.find(" ", start, at) >= 0 else start
    cut = body[start:end]
    if end < len(body):
        space = cut.rfind(" ")
        cut = cut[:space] if space > width // 2 else cut
    return ("…" if start > 0 else "") + " ".join(cut.split()) + ("…" if end < len(body) else "")
