"""Online same-story clustering: one pass, bounded by a time window.

Each arriving article is scored against the live stories that share a rare term with it
(inverted index) or a MinHash band (reprints); the score is average-link over the story's
members (similarity.py). It joins the best story scoring at least ``threshold +
small_story_margin / n`` (n = the story's size: one article's match is a single noisy pairwise
score, and a wrong join into a one-article story fuses two same-kind events for good), or opens
a new one whose id derives from the article's id. If it also reaches ``merge_threshold`` against another
story it bridges them: the older story's id survives, the other becomes an alias (across languages,
an article placed in its own language also bridges the story in another language it would join
there: MatchSettings.cross_bridge; and one placed across languages bridges every other story it
would join there, not only the best). Stories whose
newest article falls out of the window are evicted with their articles, which bounds memory.
IDF counts live in the window, so an article is weighed against its own news cycle. An article
dated more than a window before the newest one seen (late: an archive fed out of order, or loaded
after newer news) is compared only with stories within one window of its own date, so the window
bounds comparisons whatever the arrival order; the story it opens is kept for late_grace_docs
further arrivals instead of being evicted at once, so the archive's other reports of that story
can still join it. Callers that hold a whole batch sort it by date first
(pipeline.in_publication_order).

Memory: an article's vectors are summed into its story and then dropped; what stays per live
article is its MinHash signature, LSH band keys, document-frequency slots (one uint32 a slot)
and its share of the story sums (~18 KB at 100k, bench/clustering.py --sizes).
"""

from __future__ import annotations

import hashlib
import heapq
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date
from operator import itemgetter

import numpy as np

from storydiff.match import multilingual as ml
from storydiff.match.doc import MatchDoc, timestamp
from storydiff.match.event_dates import (
    days_apart,
    event_days,
    event_start,
    latest_publication,
    merged_days,
    nights,
    nights_apart,
    other_days,
    out_before,
    publication_day,
    publication_offset,
)
from storydiff.match.features import STOPWORDS, DocTerms, extract_terms, identity_terms, named, tokenize
from storydiff.match.fingerprint import (
    LSHIndex,
    SignatureTable,
    band_keys,
    containment,
    kept_share,
    signature_and_size,
    term_hashes,
    term_set,
)
from storydiff.match.later_event import (
    anchored_stems,
    dates_against,
    event_stems,
    later_event,
    leads_with_newcomer,
)
from storydiff.match.lede_keys import (
    day_parts,
    lede_names,
    lede_places,
    lede_text,
    names_apart,
    names_missing,
    parts_apart,
    place_adjectives,
    start_hour,
    tells_an_update,
    weekday_parts,
)
from storydiff.match.scorer import INDICATOR_OF, LinearScorer
from storydiff.match.scorer import load as load_scorer
from storydiff.match.similarity import CHANNELS, DocVectors, channel_weights, combine, dot
from storydiff.settings import MatchSettings

_LSH_MIN_REBUILD = 10_000  # evicted articles tolerated in the LSH tables before a rebuild
# Document frequencies live in a fixed array indexed by a stable hash of the term, not in a
# dict keyed by it: an article's ~130 distinct terms are counted in, looked up and later
# counted out in three numpy calls instead of ~400 dict operations, and the cost stays flat as
# the window's vocabulary grows (a dict of 140k terms misses the CPU cache on most lookups).
# With 2^23 slots and ~140k live terms (100k/1M streams) about 1.7% of terms share a slot;
# a shared slot only raises both terms' df a little (lower IDF), it never mixes their vectors.
_DF_BITS = 23
_DF_MASK = np.uint64((1 << _DF_BITS) - 1)
_TOP_WORDS = 8  # content words per article put in the candidate index (besides its entities)
_WORDS = CHANNELS.index("words")  # the words channel's place in Prepared.bounds
_NO_NAMES = np.empty(0, dtype=np.uint64)


def _missing_share(
    weighted: Iterable[tuple[str, float]], present: dict[str, float], empty: float = 0.0
) -> float:
    """Share of the weight of ``weighted`` (term, weight) pairs whose term is absent from
    ``present``; ``empty`` when there is no weight to share."""
    total = missing = 0.0
    for t, w in weighted:
        total += w
        if t not in present:
            missing += w
    return missing / total if total else empty


_UNDEFINED = math.nan  # a learned feature with no value for this pair (scorer.MAY_BE_UNDEFINED)


def _tells_the_same(mine: Callable[[str], Iterable[str]], theirs: Callable[[str], Iterable[str]]) -> bool:
    """Whether two sides (their term bags by channel) share a figure (a numbers-channel term
    that starts with a digit: a weekday or a month is none) or a headline word that names nothing
    (a title term neither side has among its names): what an update of an event restates ("Tarn
    mourns nine killed in Saint Ola sinking" after "Nine killed as Saint Ola ferry goes down"),
    where the next event of the same people brings its own ("Falk's campaign challenges Ember's
    nomination signatures" after "Mila Ember launches bid for Lorn mayor")."""
    figures = {t for t in theirs("numbers") if t[:1].isdigit()}
    if any(t in figures for t in mine("numbers") if t[:1].isdigit()):
        return True
    names = set(mine("entities")) | set(theirs("entities"))
    heads = set(theirs("title")) - names
    return any(t in heads for t in mine("title") if t not in names)


def story_id_for(doc_id: str) -> str:
    """Deterministic story id: from the id of the story's first article."""
    return "s" + hashlib.sha1(doc_id.encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass(frozen=True)
class Prepared:
    """The order-free part of an article's features (safe to compute in worker processes).

    The term bags arrive flattened for the clusterer's one thread: every channel's terms in one
    tuple (``CHANNELS`` order, ``bounds`` marking where each channel starts), their sublinear
    tf ``1 + ln(count)`` in one array and, for each, its position in ``df_slots``. Weighing an
    article against the window is then a few numpy operations over all its terms, not a
    Python loop per term and channel."""

    doc: MatchDoc
    sig: np.ndarray
    bands: np.ndarray  # fingerprint.band_keys(sig): the LSH keys, computed once, here
    t: float | None
    terms: tuple[str, ...]
    tf: np.ndarray  # float64, aligned with terms
    df_index: np.ndarray  # int32, aligned with terms: the term's entry in df_slots
    bounds: tuple[int, ...]  # len(CHANNELS) + 1 offsets into terms
    # Document-frequency slots of the article's distinct terms (all channels; years are also
    # numbers), each slot once, hashed here so worker processes, not the clustering thread, pay
    # for it; df_counts says how many of its terms share each slot (None: one each, the usual
    # case). Unique slots let the window count an article in and out with plain fancy-index
    # arithmetic: np.add.at, which tolerates repeats, was the largest single cost in a profile
    # of the 1M stream's steady state.
    df_slots: np.ndarray
    df_counts: np.ndarray | None
    salient_names: tuple[str, ...]  # names the article repeats (count >= 2): what it is about
    salient_numbers: tuple[str, ...]  # figures it repeats
    max_year: int  # latest year it names: news reports its own year last
    n_shingles: int = 0  # distinct word 3-shingles behind sig (0: unknown), for containment
    names: np.ndarray = field(default_factory=lambda: _NO_NAMES)  # term_set(identity_terms): a copy keeps them
    # What crosses languages (match/multilingual.py): the detected or given language, the keys
    # that survive translation, and the headline and opening words for the multilingual model.
    language: str | None = None
    xkeys: tuple[str, ...] = ()
    lede: str = ""
    # Distinct content words that name nothing (the content gate's length floor), counted here
    # so worker processes, not the clustering thread, pay for it.
    content_words: int = 0
    # The days its lede says its event happened on (match/event_dates.py): the date veto.
    event_days: tuple[tuple[int, int], ...] = ()
    # The names it repeats most (main_names): whom or where it is about (the content gate).
    main_names: tuple[str, ...] = ()
    # The calendar day it was published on (event_dates.publication_day): the content gate judges
    # short texts too a day or more from a story's reports (content_gate_days_apart).
    pub_day: int | None = None
    # The names its headline and first sentence give, and the parts of the day that sentence
    # names (match/lede_keys.py): the vetoes of same-kind events told with one template.
    lede_names: tuple[str, ...] = ()
    lede_places: tuple[str, ...] = ()  # those of its lede's words after a preposition of place
    day_parts: int = 0
    # When the event its lede names began (event_dates.event_start; None: no day, or only days to
    # come) and the hour of that day it began at (lede_keys.start_hour: 0, or 12 / 17 where the
    # lede names the afternoon / evening), the latest its publication may stand for
    # (latest_publication), and whether its lede names only days after its publication day (a
    # preview): the out-before veto (out_before_event). None where the lede tells an update of an
    # event under way (lede_keys.tells_an_update: the part of the day it names is the update's).
    event_start: float | None = None
    event_hour: int = 0
    pub_latest: float | None = None
    previews: bool = False
    # The UTC offset of its publication's calendar, in seconds (event_dates.publication_offset):
    # whose "afternoon" event_start read; the veto reads the part of the day on every offset of
    # the two sides.
    pub_offset: int | None = None
    # Whether its lede tells an update of an event under way (lede_keys.tells_an_update), the
    # event words of its lede and of the earlier event it dates its own against ("a day after
    # ... presented a budget": later_event.event_stems, anchored_stems): the later-event veto
    # (later_event_veto).
    updates: bool = False
    lede_stems: frozenset[str] = frozenset()
    anchored: frozenset[str] = frozenset()

    def without_text(self) -> Prepared:
        """The same features around a MatchDoc of id and date only: the clusterer reads nothing
        else, and worker processes then send it a tenth of the bytes. A dated article keeps its
        text: the pair judgement of a report a day apart reads it (pair_judge_next_day)."""
        if self.pub_day is not None:
            return self
        return replace(self, doc=MatchDoc(self.doc.id, "", None, self.doc.published, language=self.language))


def _drop_own_year(terms: DocTerms, when: float) -> None:
    """Take the year an article was published in out of its figures: every report of that year
    may write it ("in 2024", "the 2024 lineup"), so it says nothing of which event a report tells.
    The scorer was fitted on ECB+, undated reports of same-kind events years apart, where a shared
    year is strong evidence; in a dated stream two unrelated reports of the same day shared it
    (a phone launch and a patent ruling, both "Samsung" and "2024": joined at 0.47, over the
    0.30 a one-article story asks). Other years (the event a report looks back to) still count."""
    from datetime import datetime, timezone

    try:
        own = str(datetime.fromtimestamp(when, tz=timezone.utc).year)
    except (OverflowError, OSError, ValueError):
        return
    terms.years.pop(own, None)
    terms.numbers.pop(own, None)


# Host labels that name no site: "www.ifixit.com" is "ifixit", "bbc.co.uk" is "bbc".
_NOT_SITE = frozenset({"www", "m", "amp", "mobile", "com", "org", "net", "co", "gov", "edu", "news"})


def _own_names(outlet: str | None, url: str | None) -> frozenset[str]:
    """The names a site calls itself: its outlet name as one name and its host's labels ("Musikhaus
    Thomann", "www.thomann.de" -> musikhaus_thomann, thomann). Not the outlet name's single
    words: "The New York Times" would take "New York" out of every report it files from there."""
    own: set[str] = set()
    if isinstance(outlet, str):
        words = [part for tok in tokenize(outlet[:200]) for part in tok.lower().split(".")
                 if len(part) >= 2 and part not in STOPWORDS and part not in _NOT_SITE and part not in ("de", "uk", "fr")]
        if words:
            own.add("_".join(words))  # as the entity channel writes a run of capitalised words
    if isinstance(url, str) and "//" in url:
        from urllib.parse import urlsplit

        try:
            labels = (urlsplit(url[:2000]).hostname or "").split(".")
        except ValueError:
            labels = []
        own.update(label for label in labels[:-1] if len(label) >= 2 and label not in _NOT_SITE)
    return frozenset(own)


def _drop_own_name(terms: DocTerms, outlet: str | None, url: str | None) -> None:
    """Take the site's own name out of an article's names and headline words: a site names
    itself on every page (brand, copyright line, "| iFixit" in the title), so it says which site,
    not which story. Two product pages of one shop shared little else and were one story
    (found reading bench/false_merges.py --why; ECB+'s and WMT's reports carry no outlet)."""
    own = _own_names(outlet, url)
    if not own:
        return
    for t in [t for t in terms.entities if t in own]:
        del terms.entities[t]
    for t in [t for t in terms.title if t in own]:
        del terms.title[t]


def _flatten(terms: DocTerms):
    """Prepared's flat term layout: (terms, tf, df_index, bounds, df_slots, df_counts)."""
    position: dict[str, int] = {}
    flat: list[str] = []
    tf: list[float] = []
    index: list[int] = []
    bounds = [0]
    log = math.log
    for ch in CHANNELS:
        for t, c in getattr(terms, ch).items():
            flat.append(t)
            tf.append(1.0 + log(c))
            index.append(position.setdefault(t, len(position)))
        bounds.append(len(flat))
    slots, inverse, counts = np.unique(
        (term_hashes(list(position)) & _DF_MASK).astype(np.uint32), return_inverse=True, return_counts=True
    )
    df_index = inverse[np.array(index, dtype=np.intp)].astype(np.int32)
    shared = counts.astype(np.int32) if len(counts) and counts.max() > 1 else None
    return tuple(flat), np.array(tf), df_index, tuple(bounds), slots, shared


def prepare(doc: MatchDoc) -> Prepared:
    if not isinstance(doc, MatchDoc):
        raise ValueError(f"expected MatchDoc, got {type(doc).__name__}")
    text = doc.text if isinstance(doc.text, str) else ""
    title = doc.title if isinstance(doc.title, str) else None
    terms = extract_terms(text, title)
    max_year = max(map(int, terms.years), default=0)
    when = timestamp(doc.published)
    if when is not None:
        _drop_own_year(terms, when)
    if doc.outlet or doc.url:
        _drop_own_name(terms, doc.outlet, doc.url)
    lede_words = lede_text(text, title)
    lede = lede_names(text, title, terms.entities, lede_words)
    language = doc.language if isinstance(doc.language, str) and doc.language else None
    if language is None:
        from storydiff.language import detect

        language = detect(f"{title}. {text[:400]}" if title else text[:400])
    sig, n_shingles = signature_and_size(terms.tokens)
    flat, tf, index, bounds, slots, shared = _flatten(terms)
    days = event_days(text, language, doc.published if when is not None else None)  # its own calendar date
    pub_day = publication_day(doc.published) if when is not None else None
    parts = day_parts(lede_words)
    hour = _start_hour(days, parts, lede_words)
    updates = tells_an_update(lede_words)
    anchored = anchored_stems(lede_words, terms.entities)
    return Prepared(
        doc,
        sig,
        band_keys(sig),
        when,
        flat,
        tf,
        index,
        bounds,
        slots,
        shared,
        tuple(t for t, c in terms.entities.items() if c >= 2),
        tuple(t for t, c in terms.numbers.items() if c >= 2),
        max_year,
        n_shingles,
        term_set(identity_terms(terms)),
        language,
        ml.cross_keys(text, title, named(terms).items(), language),
        ml.lede(text, title),
        sum(1 for t in terms.words if t not in terms.entities),
        days,
        main_names(terms.entities),
        pub_day,
        lede,
        lede_places(lede_words, lede),
        parts,
        event_start(days, doc.published, hour) if days and not updates else None,
        hour,
        latest_publication(doc.published) if when is not None else None,
        bool(days) and pub_day is not None and min(lo for lo, _ in days) > pub_day,
        publication_offset(doc.published) if when is not None else None,
        updates,
        event_stems(lede_words, terms.entities) if pub_day is not None else frozenset(),  # the veto reads dated sides
        anchored,
    )


def _start_hour(days: tuple[tuple[int, int], ...], parts: int, lede_words: str) -> int:
    """The hour the earliest of ``days`` (a single day) began for the lede's event
    (event_dates.event_start): that of the earliest part of the day the lede names (``parts``),
    where it names that day alone or names a part beside its weekday ("ordered on Thursday
    evening" beside "will close from Friday"); 0 otherwise. The earliest part, not the one beside
    the weekday: "swept up glass on Monday evening after the earthquake rattled the city in the
    afternoon" began in the afternoon (the demo's Tidewater Post report, which the Coastal
    Herald's report of the quake, out at 16:05, told)."""
    if not days:
        return 0
    first, last = min(days)
    if first != last:
        return 0
    if len(days) == 1 or weekday_parts(lede_words).get(date.fromordinal(first).isoweekday(), 0):
        return start_hour(parts)
    return 0


MAIN_NAME_MIN = 3  # a name written this often is what a report is about, not one it mentions


def main_names(entities: dict[str, int]) -> tuple[str, ...]:
    """The names an article repeats most (all of them on a tie), when written at least
    MAIN_NAME_MIN times: the senator one interview is with, the city one protest is in."""
    top = max(entities.values(), default=0)
    if top < MAIN_NAME_MIN:
        return ()
    return tuple(sorted(t for t, c in entities.items() if c == top))


def _same_name(a: str, b: str) -> bool:
    """Whether two names are forms of one: they share all but at most the last two letters of the
    shorter (at least three): case endings ("Испании", "Испанию"; "Щетинина", "Щетининой"; "лигу",
    "лиги") and suffixes after an apostrophe ("İngiltere", "İngiltere'de")."""
    need = max(3, min(len(a), len(b)) - 2)
    return a[:need] == b[:need]


def _names_any(mine: Iterable[str], names: Iterable[str]) -> bool:
    """Whether any of ``mine`` is, in some form, among ``names``."""
    mine = tuple(mine)
    heads = {t[:3] for t in mine}
    return any(n[:3] in heads and any(_same_name(t, n) for t in mine) for n in names)


def main_names_apart(mine: Iterable[str], my_names: Iterable[str], theirs: Iterable[str], their_names: Iterable[str]) -> bool:
    """Whether each side's main names are all missing from the other side's names, in any form
    (_same_name): two interviews, one with a senator and one with an economic adviser, about
    the same relief bill; protests in two cities the same weekend. A report of the same story
    names the other's main person or place at least once. Either side without main names: False."""
    mine, theirs = tuple(mine), tuple(theirs)
    if not mine or not theirs:
        return False
    return not _names_any(mine, their_names) and not _names_any(theirs, my_names)


def ledes_apart(a_lede: Iterable[str], a_places: Iterable[str], a_names: Iterable[str], a_parts: int,
                a_days: tuple[tuple[int, int], ...], b_lede: Iterable[str], b_places: Iterable[str],
                b_names: Iterable[str], b_parts: int, b_days: tuple[tuple[int, int], ...],
                a_words: Iterable[str] = (), b_words: Iterable[str] = ()) -> bool:
    """Whether two sides (an article, a story) lead with different events (match/lede_keys.py):
    each side's lede names missing from all of the other's names (another city's budget session),
    or the places its lede names (``a_places``, ``b_places``: "у Одесі") missing from them while
    the ledes share no name (another town's fire told by an official of the same name); or, on one day (``a_days``, ``b_days``: the days their ledes name, else
    their publication days), opposite parts of the day named (the morning's strike and the
    evening's) with each side leading with a name the other never gives (the district).

    A side's names include the adjectives of places among its words (``a_words``, ``b_words``:
    lede_keys.place_adjectives), read only where the names alone would keep the two apart: TASS's
    "Россия вернула ... 150 военнослужащих. В обмен украинской стороне переданы ..." names Ukraine,
    which Meduza's report of the same exchange leads with ("Россия и Украина ... сообщил президент
    Украины"), and the veto kept the two apart on TASS's dateline and "подконтрольной Киеву" (QA pass
    25b, 08)."""
    a_names, b_names = tuple(a_names), tuple(b_names)
    extended: list[tuple[tuple[str, ...], tuple[str, ...]]] = []

    def with_adjectives() -> tuple[tuple[str, ...], tuple[str, ...]]:
        if not extended:
            extended.append((a_names + place_adjectives(a_words), b_names + place_adjectives(b_words)))
        return extended[0]

    def apart(a_keys: tuple[str, ...], b_keys: tuple[str, ...], places: bool = False) -> bool:
        if not names_apart(a_keys, a_names, b_keys, b_names, places=places):
            return False
        a_all, b_all = with_adjectives()
        return names_apart(a_keys, a_all, b_keys, b_all, places=places)

    a_lede, b_lede = tuple(a_lede), tuple(b_lede)
    if apart(a_lede, b_lede):
        return True
    # places apart, where the ledes share no name either: "in Malibu" and "in California" with
    # the same actress named are one event (ECB+), "у Чернігові" and "у Одесі" with none shared two
    if apart(tuple(a_places), tuple(b_places), places=True) and names_apart(a_lede, a_lede, b_lede, b_lede, places=True):
        return True
    if not parts_apart(a_parts, b_parts) or days_apart(a_days, b_days) != 0:
        return False
    if not (names_missing(a_lede, b_names) and names_missing(b_lede, a_names)):
        return False
    a_all, b_all = with_adjectives()
    return names_missing(a_lede, b_all) and names_missing(b_lede, a_all)


@dataclass(slots=True)
class _Foreign:
    """A small story's members in one language other than its own (joined across languages):
    what the content gate reads when the next report in that language is placed across languages."""

    words: dict[str, float]  # their words vectors, summed
    names: set[str]
    main_names: frozenset[str]
    n: int
    min_content_words: int


@dataclass(slots=True)
class _Doc:
    key: int
    id: str
    t: float | None
    vecs: DocVectors
    sig_row: int  # its MinHash signature's row in the clusterer's SignatureTable
    bands: np.ndarray  # Prepared.bands: its LSH keys
    df_slots: np.ndarray  # Prepared.df_slots and df_counts: counted out of the window's df when evicted
    df_counts: np.ndarray | None
    index_terms: tuple[str, ...]
    story: int = -1
    n_shingles: int = 0  # Prepared.n_shingles
    names: np.ndarray | None = None  # Prepared.names
    # Its text, while it is dated and its story small: what the pair judgement of a report a day
    # apart reads (pair_judge_next_day).
    pair_doc: MatchDoc | None = None


@dataclass(slots=True)
class _Placing:
    """What the learned scorer reads about the article being placed (one at a time, so it is
    not kept on every live _Doc: at a million live articles these tuples would add up)."""

    key: int
    salient_names: tuple[str, ...]  # these three as in Prepared
    salient_numbers: tuple[str, ...]
    max_year: int
    # Its heaviest index terms with their weights, heaviest first: the candidate lookup keys
    # (max_index_terms of them, and as many again where those find no story).
    lookup: tuple[tuple[str, float], ...] = ()
    top_names: tuple[tuple[str, float], ...] | None = None  # cache of its conflict_top_k names
    language: str | None = None  # these three as in Prepared
    xkeys: tuple[str, ...] = ()
    lede: str = ""
    xvec: np.ndarray | None = None  # its lede's multilingual vector, once computed
    content: tuple[tuple[str, float], ...] | None = None  # its words that name nothing, unit length (gate)
    content_words: int = 0  # Prepared.content_words
    event_days: tuple[tuple[int, int], ...] = ()  # Prepared.event_days
    main_names: tuple[str, ...] = ()  # Prepared.main_names
    pub_day: int | None = None  # Prepared.pub_day
    doc: MatchDoc | None = None  # with its text, where it has one (Prepared.doc)
    lede_names: tuple[str, ...] = ()  # Prepared.lede_names, lede_places and day_parts
    lede_places: tuple[str, ...] = ()
    day_parts: int = 0
    event_start: float | None = None  # Prepared.event_start, event_hour, pub_latest, previews, pub_offset
    event_hour: int = 0
    pub_latest: float | None = None
    previews: bool = False
    pub_offset: int | None = None
    updates: bool = False  # Prepared.updates, lede_stems and anchored
    lede_stems: frozenset[str] = frozenset()
    anchored: frozenset[str] = frozenset()


@dataclass(slots=True)
class _Story:
    key: int
    sid: str
    first: tuple[float, int]  # (publication time or +inf, arrival seq): "older" survives a merge
    last_t: float | None = None
    last_seq: int = 0
    members: list[int] = field(default_factory=list)
    sums: dict[str, dict[str, float]] = field(default_factory=lambda: {ch: {} for ch in CHANNELS})
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(CHANNELS, 0))
    index_terms: set[str] = field(default_factory=set)
    salient: tuple[tuple[str, float], ...] | None = None  # cache of _salient(); None: recompute
    # Names whose weight grew since ``salient`` was computed: only they can displace it.
    salient_grown: set[str] = field(default_factory=set)
    # Opened by a late article: evicted by arrival count (late_grace_docs), not by time, and
    # compared only with articles within one window of its dates.
    late: bool = False
    # The story's language: its term sums, index terms and ``n_lex`` are of its members in this
    # language (or of undetected language); members in other languages joined across languages
    # and count only in ``cross`` (keys, lede vectors), so that a translation's figures and Latin
    # names neither inflate nor dilute the lexical score of the next report in the story's language.
    lang: str | None = None
    n_lex: int = 0
    # The fewest content words (names left out) of its members in its language, while the content
    # gate may apply to it (MatchSettings.content_gate_min_words).
    min_content_words: int = 1 << 30
    main_names: frozenset[str] = frozenset()  # its members' in its language, while the gate may apply
    # Its members in other languages, by language, while few (content_gate_max_size): None once more.
    foreign: dict[str, _Foreign | None] = field(default_factory=dict)
    # The days its members' ledes say it happened on (event_dates.merged_days), in any language.
    event_days: tuple[tuple[int, int], ...] = ()
    # The nights its members' ledes name (event_dates.nights), kept apart from event_days, which
    # joins touching days into one span.
    nights: frozenset[int] = frozenset()
    # Its members' days that are no night (event_dates.other_days), for nights_apart.
    other_days: tuple[tuple[int, int], ...] = ()
    # The first and last calendar days its dated members were published on (Prepared.pub_day).
    pub_days: tuple[int, int] | None = None
    # What its members in its language lead with (match/lede_keys.py): their lede names and the
    # parts of the day their first sentences name.
    lede_names: frozenset[str] = frozenset()
    lede_places: frozenset[str] = frozenset()
    # the adjectives of places its members in its language write (lede_keys.place_adjectives): the
    # lede vetoes read them as names (ledes_apart); the words sums are not kept for every story
    adjectives: frozenset[str] = frozenset()
    day_parts: int = 0
    updates: bool = False  # whether one of those ledes tells an update (Prepared.updates)
    # ... their event words, and those of the earlier events they date theirs against
    # (Prepared.lede_stems, anchored), while the story is small (later_event_max_size)
    lede_stems: frozenset[str] = frozenset()
    anchored: frozenset[str] = frozenset()
    # The out-before veto (out_before_event): the latest its members were published (inf once
    # one is undated), the earliest their ledes say their events began (-inf once one names no
    # day) and that member's event_hour, and whether one's lede names only days after its
    # publication (a preview).
    # The earliest start is kept as the clock of its member's own offset read it (event_start
    # plus that offset: "Monday 12:00" wherever it was written; -inf once one names no day), with
    # the earliest its members were published and the eastmost and westmost UTC offsets they
    # were published on (_OutSide).
    out_by: float = -math.inf
    began_clock: float = math.inf
    began_hour: int = 0
    began_night: bool = False  # whether that earliest start is a night's (_OutSide.night)
    previews: bool = False
    first_out: float = math.inf
    east: int = -(1 << 30)
    west: int = 1 << 30
    cross: ml.CrossStory = field(default_factory=ml.CrossStory)


@dataclass(frozen=True, slots=True)
class _OutSide:
    """One side of the out-before veto (event_dates.out_before): a report being placed or a story.
    ``began_clock``: when its lede's event began as its writer's clock read it (event_start plus
    the publication's UTC offset), None where no lede names a day; ``east`` / ``west``: the
    eastmost and westmost offsets its reports were published on. ``night``: the day its event
    began on is a night's (event_dates.nights: "Уночі", "overnight", "в ніч на 6 грудня")."""

    out_by: float | None
    first_out: float | None
    previews: bool
    began_clock: float | None
    hour: int
    east: int
    west: int
    night: bool = False

    @staticmethod
    def of_report(t: float | None, p: _Placing) -> _OutSide:
        off = p.pub_offset or 0
        clock = None if p.event_start is None else p.event_start + off
        night = clock is not None and bool(p.event_days) and bool(nights((min(p.event_days),)))
        return _OutSide(p.pub_latest, t, p.previews, clock, p.event_hour, off, off, night)

    @staticmethod
    def of_story(s: _Story) -> _OutSide:
        def finite(x: float) -> float | None:
            return x if math.isfinite(x) else None

        return _OutSide(finite(s.out_by), finite(s.first_out), s.previews, finite(s.began_clock), s.began_hour,
                        s.east if s.east > -(1 << 30) else 0, s.west if s.west < 1 << 30 else 0, s.began_night)

    def out_before(self, other: _OutSide, days: bool, east: int = 0) -> bool:
        """Whether this side's reports were all out before ``other``'s lede event began. The lede's
        "on Monday afternoon" is the afternoon of the event's place, which no stamp need give: it
        is read on the eastmost of the two sides' offsets and ``east``
        (MatchSettings.out_before_east_offset), the earliest that afternoon began there, and its
        Monday on the westmost of theirs (the latest that day began): an outlet stamping UTC or US
        Eastern time does not make the afternoon of a strike in Kharkiv, told at 13:20 Kyiv time,
        begin after it (review 23b, F4), even where every report of it is stamped so (review 24b,
        H1).

        A night's event is read as the days form reads any (``days``, out_before_days, off): a
        lede naming a night ("Уночі російські війська знову атакували Дніпро", published on 6
        December: the night into the 6th) says when its event happened, not when an update came
        (an update's lede names no start: lede_keys.tells_an_update), so reports all out before
        that night's first day began told another event: the strike of the night into 4 December,
        a day from it by the date veto's slack, joined it and chained the next dated report of the
        6th on (QA pass 27b, 01). The day of slack is kept for a next day's update naming only
        its own day, which names no night."""
        if other.began_clock is None:
            return False
        began = other.began_clock - max(self.east, other.east, east)
        day_start = other.began_clock - other.hour * 3600 - min(self.west, other.west)
        return out_before(self.out_by, self.previews, began, other.hour, days or other.night, self.first_out, day_start)


class OnlineClusterer:
    def __init__(
        self,
        settings: MatchSettings | None = None,
        scorer: LinearScorer | None = None,
        cross_scorer: LinearScorer | None = None,
    ):
        self.settings = settings or MatchSettings()
        # The learned scorer (scorer.py) replaces the weighted channel mean. Its thresholds do not
        # suit the linear score, so a missing weights file is an install error, not a fallback.
        if scorer is None and self.settings.scorer == "learned":
            scorer = load_scorer()
            if scorer is None:
                raise RuntimeError(
                    "storydiff/match/story_scorer.json is missing or unreadable: reinstall "
                    "storydiff, or use MatchSettings(scorer='linear') with its own thresholds"
                )
        self._scorer = scorer
        # Shares with nothing to share that the weights read as undefined (their indicator is a
        # feature), not as 0 (scorer.INDICATOR_OF).
        self._nan_shares = frozenset(f for f, ind in INDICATOR_OF.items() if scorer is not None and ind in scorer.features)
        self._placing: _Placing | None = None
        used = set(scorer.features) if scorer is not None else set()
        # Channels to sum per story: those the score weighs, plus those the learned scorer's
        # name, figure and year features read from the story sums.
        self._weights = {
            ch: w
            for ch, w in channel_weights(self.settings).items()
            if w > 0
            or f"cos_{ch}" in used
            or (used and ch in ("entities", "numbers", "years"))
            or (ch == "words" and self.settings.min_content_cosine > 0)
        }
        # Channels whose shared terms count for short texts (_shares_enough): words only where
        # scored (the content gate sums them too).
        self._shared_channels = {ch for ch in self._weights if ch != "words" or self._weights[ch] > 0 or "cos_words" in used}
        self._window_s = self.settings.window_days * 86400.0
        self._docs: dict[int, _Doc] = {}
        self._doc_by_id: dict[str, int] = {}
        self._stories: dict[int, _Story] = {}
        self._story_by_sid: dict[str, int] = {}
        self._aliases: dict[str, str] = {}
        # survivor id -> the ids aliased to it, so a merge re-points only its own aliases
        # instead of scanning every alias the archive ever made.
        self._aliased_to: dict[str, list[str]] = {}
        self._df = np.zeros(1 << _DF_BITS, dtype=np.int32)  # see _DF_BITS
        # term -> story keys, a dict used as an ordered set: least recently joined first, so the
        # list can be capped at the newest max_postings stories (per-article work stays bounded
        # however many stories the window holds).
        self._postings: dict[str, dict[int, None]] = {}
        self._lsh = LSHIndex(bucket_cap=self.settings.lsh_bucket_cap)
        self._sigs = SignatureTable()
        # Evicted articles stay in the LSH tables (queries skip keys no longer in _docs) until
        # they outnumber the live ones; then the tables are rebuilt from the live articles. One
        # rebuild per window's worth of evictions costs less than 42 bucket edits per eviction,
        # and the tables still hold at most about twice the window.
        self._lsh_dead = 0
        self._seq = 0
        self._next_story = 0
        self._watermark: float | None = None
        self._heap_t: list[tuple[float, int]] = []
        self._heap_seq: list[tuple[int, int]] = []
        self._heap_late: list[tuple[int, int]] = []  # (last arrival, story) of late stories
        # Why the last add() decided as it did (benchmarks measure reprint detection with it).
        self.last_reprint_of: str | None = None
        # Same story across languages (match/multilingual.py): every story's language-independent
        # keys are indexed, so the first article in a new language finds the stories it may join;
        # the multilingual model runs only while the window holds stories in other languages.
        self._xindex = ml.CrossIndex(self.settings.cross_max_postings)
        self._xscorer = (cross_scorer or ml.load_scorer()) if self.settings.cross_language else None
        self._story_languages: dict[str, int] = {}  # language -> live stories with an article in it
        self.last_cross: bool = False  # whether the last add() joined a story across languages
        self.embedded = 0  # ledes the multilingual model has read (cost accounting for bench/)
        self.pair_judged = 0  # pair judgements of reports a day apart (pair_judge_next_day; bench/)
        self._pair_vectors: dict[str, np.ndarray] = {}  # e5 vectors of passages and ledes judged lately

    # -- public API ----------------------------------------------------------------------
    @property
    def aliases(self) -> dict[str, str]:
        return dict(self._aliases)

    def resolve(self, story_id: str) -> str:
        return self._aliases.get(story_id, story_id)  # kept flat on every merge

    def add(self, doc: MatchDoc) -> str:
        return self.add_prepared(prepare(doc))

    def add_many(self, docs: Iterable[MatchDoc]) -> list[str]:
        # One at a time on purpose: the result must not depend on how a stream is batched.
        return [self.add(d) for d in docs]

    def seed(self, doc: MatchDoc, story_id: str) -> None:
        if not story_id:
            raise ValueError("seed needs a story id")
        if doc.id in self._doc_by_id:  # held already: skip before the costly features
            return
        p = prepare(doc)
        d = self._new_doc(p)
        sid = self.resolve(story_id)
        key = self._story_by_sid.get(sid)
        story = self._stories[key] if key is not None else self._open_story(d, sid)
        self._attach(d, story)
        d.vecs = None  # type: ignore[assignment]  # summed into the story
        self._evict()

    def add_prepared(self, p: Prepared) -> str:
        known = self._doc_by_id.get(p.doc.id)
        if known is not None:  # the same article twice: same answer, no double counting
            return self._stories[self._docs[known].story].sid
        d = self._new_doc(p)
        self._evict()  # a newer watermark may have pushed stories out before we compare
        story, self.last_reprint_of = self._reprint_story(d)
        bridged: list[_Story] = []
        if story is None:
            scored = self._score_candidates(d)
            margin = self.settings.small_story_margin
            best = scored[0] if scored else None
            scored = [(sc, s) for sc, s in scored if sc >= self.settings.threshold + margin / (s.n_lex or 1)]
            if scored:
                story = scored[0][1]
                bridged = [s for sc, s in scored[1:] if sc >= self.settings.merge_threshold and self._may_bridge(d, story, s)]
            elif best is not None and self._pair_second_opinion(d, *best):
                story = best[1]
        self.last_cross = False
        if self._other_languages_live(d):
            st = self.settings
            if story is None:
                found = self._cross_stories(d, second_opinion=True)
                if found:
                    story = found[0][1]
                    self.last_cross = True
            if story is not None and (st.cross_bridge or self.last_cross):
                # Placed in its own language, it may still be the report whose translation a story
                # in another language holds: in a shuffled stream an English pair and its Russian
                # pair otherwise make two stories that never meet (only unplaced articles were
                # scored across languages). Placed across languages, it bridges every other story
                # it would also join, not only the best: a Russian report scoring 0.999 against
                # its Ukrainian translation's story and 0.963 against its English original's
                # joined the first alone, and the two stayed apart for good (wmt-dev, round 21);
                # had it come first, both would have joined it.
                # A bridge merges two stories: as in one language (merge_threshold), it asks more
                # of the score than a join does, and its keys must cover both sides.
                for _, other in self._cross_stories(d, both_sides=st.cross_bridge_both_sides,
                                                    threshold=max(st.cross_threshold, st.merge_threshold),
                                                    only=lambda s: s is not story and self._bridgeable_across(d, s)):
                    if (other is not story and all(other is not b for b in bridged)
                            and self._may_bridge(d, story, other)
                            and (self._words_of_another_language(d, other) or self._pair_judge_accepts(d, other))):
                        bridged.append(other)
        if story is None:
            story = self._open_story(d, story_id_for(p.doc.id))
        self._attach(d, story)
        d.vecs = None  # type: ignore[assignment]  # now summed into the story: frees ~half the memory
        for other in bridged:
            story = self._merge(story, other)
        self._evict()
        return story.sid

    def __len__(self) -> int:
        return len(self._docs)

    @property
    def live_stories(self) -> int:
        return len(self._stories)

    # -- features ------------------------------------------------------------------------
    @staticmethod
    def _vectors(p: Prepared, idf: np.ndarray) -> tuple[DocVectors, np.ndarray]:
        """similarity.weigh() of every channel with the window's IDF (``idf`` per entry of
        p.df_slots), all channels in one array; also the words channel's weights before
        normalising (same order), for ranking."""
        w = p.tf * idf[p.df_index]
        terms, bounds, sqrt = p.terms, p.bounds, math.sqrt
        out = []
        for a, b in zip(bounds, bounds[1:]):
            seg = w[a:b]
            norm = sqrt(float(seg @ seg)) if b > a else 0.0
            out.append(dict(zip(terms[a:b], (seg / norm).tolist())) if norm else {})
        return DocVectors(*out), w[bounds[_WORDS] : bounds[_WORDS + 1]]

    def _new_doc(self, p: Prepared) -> _Doc:
        self._seq += 1
        if p.t is not None and (self._watermark is None or p.t > self._watermark):
            self._watermark = p.t
        slots = p.df_slots
        # DF includes this article, as a batch TF-IDF over the window would: ln((N+1)/(df+1)) + 1.
        self._df[slots] += 1 if p.df_counts is None else p.df_counts
        key = self._seq
        self._docs[key] = None  # type: ignore[assignment]  # counted in N for its own idf
        idf = (math.log(len(self._docs) + 1) + 1.0) - np.log(self._df[slots] + 1.0)
        vecs, word_weights = self._vectors(p, idf)
        # Index terms: its names and heaviest content words, weighed by TF-IDF (the rarest in the
        # window first). All are posted; the heaviest max_index_terms look candidates up.
        # (Posting only the heaviest 12-24 saves ~25 us an article but costs 0.015-0.02 B3-F1 on
        # the 100k stream: a story's members name it in different words.) A stable sort: of
        # equal weights the first in the text wins, whatever the platform.
        words, first = vecs.words, p.bounds[_WORDS]
        top = np.argsort(-word_weights, kind="stable")[:_TOP_WORDS].tolist()
        weight = {p.terms[first + i]: words[p.terms[first + i]] for i in top}
        for t, w in vecs.entities.items():
            weight[t] = words.get(t, 0.0) + w  # a name is also a word: both weights count
        index = sorted(weight.items(), key=itemgetter(1), reverse=True)
        index_terms = tuple(t for t, _ in index)
        d = _Doc(
            key,
            p.doc.id,
            p.t,
            vecs,
            self._sigs.add(p.sig),
            p.bands,
            slots,
            p.df_counts,
            index_terms,
            n_shingles=p.n_shingles,
            names=p.names,
        )
        self._placing = _Placing(
            key,
            p.salient_names,
            p.salient_numbers,
            p.max_year,
            index[: 2 * self.settings.max_index_terms],
            language=p.language,
            xkeys=p.xkeys,
            lede=p.lede,
            content_words=p.content_words,
            event_days=p.event_days,
            main_names=p.main_names,
            pub_day=p.pub_day,
            doc=p.doc if isinstance(p.doc.text, str) and p.doc.text else None,
            lede_names=p.lede_names,
            lede_places=p.lede_places,
            day_parts=p.day_parts,
            event_start=p.event_start,
            event_hour=p.event_hour,
            pub_latest=p.pub_latest,
            previews=p.previews,
            pub_offset=p.pub_offset,
            updates=p.updates,
            lede_stems=p.lede_stems,
            anchored=p.anchored,
        )
        self._docs[key] = d
        self._doc_by_id[d.id] = key
        return d

    # -- candidates and scores -----------------------------------------------------------
    def _reprint_story(self, d: _Doc) -> tuple[_Story | None, str | None]:
        others = [o for o in map(self._docs.get, self._lsh.query(bands=d.bands)) if o is not None]
        if others and self._window_filter_applies(d):
            others = [o for o in others if self._within_window(d, self._stories[o.story])]
        if not others:
            return None, None
        # Estimated Jaccard against all band-sharing articles at once (numpy); the rest runs on
        # the few that clear the Jaccard floor. A copy shares most shingles with its original,
        # or is contained in it or the reverse (trimmed, or padded with boilerplate and notes);
        # the floor keeps a short text that merely appears inside a long one out. The most
        # contained wins, then the most similar, then the earliest.
        jac = self._sigs.jaccard([o.sig_row for o in others], self._sigs[d.sig_row])
        st = self.settings
        floor = min(st.reprint_jaccard, st.reprint_min_jaccard)
        best: tuple[float, float, int] | None = None
        best_doc = None
        apart: dict[int, bool] = {}  # story key -> the lede vetoes' verdict
        for o, j in zip(others, jac.tolist()):
            if j < floor:
                continue
            c = containment(j, o.n_shingles, d.n_shingles)
            if (j >= st.reprint_jaccard or c >= st.reprint_containment) and kept_share(
                d.names, o.names
            ) >= st.reprint_names_kept:
                # one agency's template filled in for another town shares most shingles: the
                # lede vetoes keep its next town's report out (QA pass 21b, 05)
                if o.story not in apart:
                    story = self._stories[o.story]
                    # a reprint joins the story as a whole: the same date veto and span bound as any
                    # article (an agency's template filled in for another day shares most shingles)
                    apart[o.story] = self._lede_apart(d, story) or self._span_exceeds(d, story)
                if apart[o.story]:
                    continue
                rank = (c, j, -o.key)
                if best is None or rank > best:
                    best, best_doc = rank, o
        if best_doc is None:
            return None, None
        return self._stories[best_doc.story], best_doc.id

    def _score_candidates(self, d: _Doc) -> list[tuple[float, _Story]]:
        # Only the article's heaviest index terms look stories up (TF-IDF weight: the rarest in
        # the window), each over at most max_postings stories: at most
        # max_index_terms * max_postings additions per article whatever the window holds.
        # Where those find no story, the next max_index_terms do: in a small window the rarest
        # terms are each article's own (a byline's name, the words no other report uses), and a
        # French report of the EU summit whose twelve heaviest were such found nothing, while
        # Euroclear, Bart De Wever and von der Leyen, which the other report wrote, came after
        # them (QA pass 27a, 03: same-story 0.92, two stories whatever the gates).
        lookup = self._placing_of(d).lookup
        most = self.settings.max_index_terms
        acc = self._looked_up(lookup[:most]) or self._looked_up(lookup[most:])
        if not acc:
            return []
        lang = self._placing_of(d).language
        if lang is not None and self._xscorer is not None and self._story_languages.keys() - {lang}:
            # A story in another language is no lexical candidate while the cross-language path
            # (e5 ledes and keys, fitted across languages) judges such pairs: the lexical scorer
            # was fitted on one language's reports (ECB+), where shared names and figures come
            # with shared words; across languages only a figure and an acronym were left, and a
            # Russian report of explosions in Odesa joined a Ukrainian story of Kharkiv's on "5"
            # (the day) and "ОВА" at 0.54 (QA pass 17), where the content gate, which needs one
            # language, could not see it.
            stories_of = self._stories
            acc = {sk: w for sk, w in acc.items() if stories_of[sk].lang is None or stories_of[sk].lang == lang}
            if not acc:
                return []
        cands = heapq.nlargest(self.settings.max_candidates, acc.items(), key=lambda kv: (kv[1], -kv[0]))
        stories = [self._stories[sk] for sk, _ in cands]
        if self._window_filter_applies(d):
            stories = [st for st in stories if self._within_window(d, st)]
        scored = [(self._story_score(d, st), st) for st in stories]
        scored.sort(key=lambda x: (-x[0], x[1].first))
        return scored

    def _looked_up(self, lookup: tuple[tuple[str, float], ...]) -> dict[int, float]:
        """The stories posted under the terms of ``lookup``, each with the summed weight of its terms."""
        acc: dict[int, float] = {}
        get = acc.get
        postings = self._postings
        for term, w in lookup:
            post = postings.get(term)
            if post:
                for sk in post:
                    acc[sk] = get(sk, 0.0) + w
        return acc

    def horizon(self) -> float | None:
        """Publication time (epoch seconds) before which stories have been evicted, unless a late
        article opened them: one window before the newest article seen; None before any."""
        return None if self._watermark is None else self._watermark - self._window_s

    def _is_late(self, d: _Doc) -> bool:
        """Whether ``d`` is dated more than one window before the newest article seen (a late
        arrival: an archive fed out of order, or loaded after newer news)."""
        return d.t is not None and self._watermark is not None and self._watermark - d.t > self._window_s

    def _window_filter_applies(self, d: _Doc) -> bool:
        """Whether some live story may lie outside ``d``'s window: only when ``d`` is late or a late
        story lives. Otherwise eviction has already left only stories within it (the in-order
        case, which then skips the per-candidate check)."""
        return bool(self._heap_late) or self._is_late(d)

    def _within_window(self, d: _Doc, s: _Story) -> bool:
        """Whether ``d`` lies within one window of story ``s``'s dated span: the window bounds
        comparisons, whichever order articles arrive in."""
        if s.last_t is None or d.t is None:
            return True  # undated articles and stories are bounded by arrival order (window_docs)
        earliest = s.first[0] if s.first[0] != math.inf else s.last_t
        return earliest - self._window_s <= d.t <= s.last_t + self._window_s

    def _placing_of(self, d: _Doc) -> _Placing:
        if self._placing is None or self._placing.key != d.key:  # not the article being placed
            return _Placing(d.key, (), (), 0)
        return self._placing

    def _story_features(self, d: _Doc, s: _Story) -> list[float]:
        """Article-vs-story features, in the order the scorer names them (scorer.FEATURES says
        what each is); cosines are average link over the story's members."""
        n = s.n_lex or 1
        vecs, sums = d.vecs, s.sums
        f: dict[str, float] = {"inv_size": 1.0 / n}
        for ch in self._weights:
            v = vecs.channel(ch)
            f["cos_" + ch] = dot(v, sums[ch]) / n if v else 0.0
        f["years_both"] = (s.counts["years"] / n) if vecs.years else 0.0
        placing = self._placing_of(d)
        story_year = max(map(int, sums["years"]), default=0)
        if placing.max_year and story_year:
            f["year_gap"] = min(abs(placing.max_year - story_year), 5) / 5.0
            f["same_year"] = float(placing.max_year == story_year)
        else:
            f["year_gap"] = f["same_year"] = 0.0
        ents, nums = vecs.entities, vecs.numbers
        nan = self._nan_shares
        f["miss_doc_names"], f["miss_story_names"] = self._name_misses(
            d, s, _UNDEFINED if "miss_doc_names" in nan else None
        )
        f["names_absent"] = float(not ents or not sums["entities"])
        f["no_salient_names"] = float(not placing.salient_names)
        f["no_salient_numbers"] = float(not placing.salient_numbers)
        f["miss_doc_salient_names"] = _missing_share(
            ((t, ents.get(t, 0.0)) for t in placing.salient_names),
            sums["entities"],
            _UNDEFINED if "miss_doc_salient_names" in nan else 0.0,
        )
        f["miss_doc_salient_numbers"] = _missing_share(
            ((t, nums.get(t, 0.0)) for t in placing.salient_numbers),
            sums["numbers"],
            _UNDEFINED if "miss_doc_salient_numbers" in nan else 0.0,
        )
        return [f[name] for name in self._scorer.features]

    def _content_cosine(self, d: _Doc, words: dict[str, float], n: int) -> float:
        """Average-link cosine of the article's words that name nothing (its names left out)
        with the words of ``n`` reports summed in ``words``: reports of one story tell the same
        happening; the next event of the same people shares the names and differs here."""
        get = words.get
        return sum([w * get(t, 0.0) for t, w in self._content(d)]) / (n or 1)

    def _gate_rejects(self, d: _Doc, words: dict[str, float], n: int, names, story_main: Iterable[str]) -> bool:
        """The content gate's verdict on ``d`` against ``n`` reports in its language (their summed
        ``words``, their ``names`` and main names): their words barely shared once the names are
        set aside (min_content_cosine), or each side's main names missing from the other
        (main_name_gate)."""
        st = self.settings
        if st.min_content_cosine > 0 and self._content_cosine(d, words, n) < st.min_content_cosine:
            return True
        return st.main_name_gate and main_names_apart(self._placing_of(d).main_names, d.vecs.entities, story_main, names)

    def _content(self, d: _Doc) -> tuple[tuple[str, float], ...]:
        """The article's words that name nothing, at unit length (kept for the article being placed)."""
        placing = self._placing_of(d)
        content = placing.content if placing.key == d.key else None
        if content is None:
            ents = d.vecs.entities
            kept = [(t, w) for t, w in d.vecs.words.items() if t not in ents]
            norm = math.sqrt(sum([w * w for _, w in kept]))
            content = tuple((t, w / norm) for t, w in kept) if norm else ()
            if placing.key == d.key:
                placing.content = content
        return content

    def _content_gate_applies(self, d: _Doc, s: _Story) -> bool:
        """Whether the content gate may keep ``d`` out of ``s``: a story small enough, in the
        article's language (words of two languages share none, whatever they tell: the lexical
        path joins a Russian report to its Ukrainian translation on figures and names), and texts
        long enough for their content words to say which happening they tell."""
        st = self.settings
        if s.n_lex > st.content_gate_max_size or s.lang is None or s.lang != self._placing_of(d).language:
            return False
        return self._long_enough(d, s.min_content_words) or self._days_from_story(d, s)

    def _days_from_story(self, d: _Doc, s: _Story) -> bool:
        """Whether ``d`` was published content_gate_days_apart or more calendar days before or
        after all of ``s``'s reports, whose words the story holds (every member's): the next day's
        report that shares the names and not the words tells the next event of the same people,
        whatever the texts' length (MatchSettings.content_gate_days_apart)."""
        st = self.settings
        most, day, span = st.content_gate_days_apart, self._placing_of(d).pub_day, s.pub_days
        if most < 0 or day is None or span is None or (st.min_content_cosine <= 0 and not st.main_name_gate):
            return False
        if s.counts["words"] != s.n_lex or not s.sums["words"]:  # words not kept for every member
            return False
        return max(day - span[1], span[0] - day) >= most

    def _long_enough(self, d: _Doc, story_min_words: int) -> bool:
        """Whether the article and reports with at least ``story_min_words`` content words each
        are long enough for the content gate (content_gate_min_words)."""
        st = self.settings
        if st.min_content_cosine <= 0 and not st.main_name_gate:
            return False
        need = st.content_gate_min_words
        return not need or (story_min_words >= need and self._placing_of(d).content_words >= need)

    def _foreign_gate_rejects(self, d: _Doc, s: _Story) -> bool:
        """The content gate across languages: ``s`` (in another language) already holds reports
        in ``d``'s language, joined across languages; they judge ``d`` as the story's own would.
        Without this a report the gate keeps out of an English story joined its Russian
        translation's story, which holds that English story's report (wmt-dev 2021: a Seattle
        protest into an Oakland one; a senator's interview into an economic adviser's)."""
        foreign = s.foreign.get(self._placing_of(d).language or "")
        if foreign is None or foreign.n > self.settings.content_gate_max_size or not self._long_enough(d, foreign.min_content_words):
            return False
        return self._gate_rejects(d, foreign.words, foreign.n, foreign.names, foreign.main_names)

    def _may_bridge(self, d: _Doc, s: _Story, other: _Story) -> bool:
        """Whether ``d``, placed in ``s``, may merge ``other`` into it (it scores merge_threshold
        against both): not when it is an undated brief (fewer than short_text_words distinct words)
        and the two stories hold dated reports. Such a brief ("explosions in the night of 6 December
        in Kremenchuk, the mayor said on Telegram") shares its few words with every report of that
        night, and on so little text the scorer reads them as one story: an undated Kropyvnytskyi
        brief scored 0.94-0.98 against an Odesa port strike and a Bila Tserkva drone attack and
        merged the two (QA pass 19a). A dated article's joins pass the date veto and the pair
        judgement of next-day reports; an undated one's, nothing but its few shared words. It
        still joins its best story. Undated stories are left to the score: on ECB+ (no dates) a
        brief's bridges are more often right than wrong (B3-F1 0.926 -> 0.924 without them).

        Nor when both stories' ledes name their days and share none (bridge_shared_days): the
        article names two days ("visited Sable on Monday, where Sunday's drone strike killed
        four") and joins each event's story; the score kept those stories apart and only this
        article says they are one. A day of slack lets a next-day report join a story (it may be
        an update); a bridge of two stories of different days would make it the rule for every
        report of either (the written related-events set: a president's visit the day after a
        strike merged into the strike's story, round 22). Only between stories of at most
        content_gate_max_size reports each, as the pair judgement: a larger story's days are
        many reports' (on the English stream, ECB+ reports of one event given invented dates days
        apart, the rule on larger stories turned away 5 bridges, all right: B3-F1 0.8768 -> 0.8738)."""
        st = self.settings
        if self._span_exceeds(d, s, other):
            return False
        if (st.bridge_shared_days and s.event_days and other.event_days
                and len(s.members) <= st.content_gate_max_size and len(other.members) <= st.content_gate_max_size
                and days_apart(s.event_days, other.event_days) > 0):
            return False
        if self._stories_out_before(s, other) or self._stories_later_event(s, other):
            return False
        if self._placing_of(d).pub_day is not None or len(d.vecs.channel("words")) >= self.settings.short_text_words:
            return True
        return s.pub_days is None and other.pub_days is None

    def _shares_enough(self, d: _Doc, s: _Story) -> bool:
        """Whether a short article and the story share ``min_shared_terms`` distinct names,
        figures and headline words (content words too where the story sums them; a term in
        several channels counts once; a weekday is no figure); longer articles always do."""
        need = self.settings.min_shared_terms
        if len(d.vecs.channel("words")) >= self.settings.short_text_words:
            return True
        shared: set[str] = set()
        for ch in ("entities", "numbers", "title", "words"):
            if ch not in self._shared_channels:  # not summed per story (the learned scorer drops words)
                continue
            theirs = s.sums[ch]
            digits_only = ch == "numbers"
            shared.update(t for t in d.vecs.channel(ch) if t in theirs and (not digits_only or t[:1].isdigit()))
            if len(shared) >= need:
                return True
        return len(shared) >= need

    def _story_score(self, d: _Doc, s: _Story) -> float:
        if not self._shares_enough(d, s):
            return 0.0
        if self._scorer is not None:
            score = self._scorer.probability(self._story_features(d, s))
        else:
            cos: dict[str, float | None] = {}
            for ch in self._weights:
                v = d.vecs.channel(ch)
                n = s.counts[ch]
                cos[ch] = dot(v, s.sums[ch]) / n if v and n else None
            score = combine(cos, self._weights)
            if self.settings.conflict_penalty > 0 and score > 0:
                score *= 1.0 - self.settings.conflict_penalty * self._conflict(d, s)
        score *= self._decay(d, s)
        # The content gate and the date veto, only where the score could join (below threshold
        # nothing joins): most candidates are never asked for their content cosine.
        if score < self.settings.threshold:
            return score
        if self._content_gate_applies(d, s) and self._gate_rejects(d, s.sums["words"], s.n_lex, s.sums["entities"], s.main_names):
            return 0.0
        if (self._days_apart(d, s) or self._span_exceeds(d, s) or self._lede_apart(d, s) or self._later_event(d, s)
                or self._pair_judge_rejects(d, s)):
            return 0.0
        return score

    def _lede_apart(self, d: _Doc, s: _Story) -> bool:
        """The lede vetoes (match/lede_keys.py) of ``d`` against ``s``'s members in its language."""
        p = self._placing_of(d)
        if not self.settings.lede_veto or (s.lang is not None and p.language is not None and s.lang != p.language):
            return False
        published = ((p.pub_day, p.pub_day),) if p.pub_day is not None else ()
        return ledes_apart(p.lede_names, p.lede_places, d.vecs.entities, p.day_parts, p.event_days or published,
                           s.lede_names, s.lede_places, s.sums["entities"], s.day_parts, self._story_days(s),
                           d.vecs.words, s.adjectives)

    def _later_event(self, d: _Doc, s: _Story) -> bool:
        """The later-event veto (later_event_veto, match/later_event.py): ``d`` and the small
        story ``s``, in one language, were published on different calendar days, and the later
        side's lede dates its event against an earlier one (and tells no update)."""
        st, p = self.settings, self._placing_of(d)
        if (not st.later_event_veto or p.pub_day is None or s.pub_days is None or len(s.members) > st.later_event_max_size
                or s.lang is None or s.lang != p.language):
            return False
        mine = (p.pub_day, p.pub_day)
        newcomer = st.later_event_newcomer
        return (later_event(mine, p.updates, s.pub_days, dates_against(p.anchored, s.lede_stems)
                            or (newcomer and leads_with_newcomer(p.lede_names, s.sums["entities"])))
                or later_event(s.pub_days, s.updates, mine, dates_against(s.anchored, p.lede_stems)
                               or (newcomer and leads_with_newcomer(s.lede_names, d.vecs.entities))))

    def _stories_later_event(self, s: _Story, other: _Story) -> bool:
        """The later-event veto between two small stories of one language that an article would bridge."""
        st = self.settings
        if (not st.later_event_veto or s.pub_days is None or other.pub_days is None or s.lang is None or s.lang != other.lang
                or max(len(s.members), len(other.members)) > st.later_event_max_size):
            return False
        newcomer = st.later_event_newcomer
        return (later_event(s.pub_days, s.updates, other.pub_days, dates_against(s.anchored, other.lede_stems)
                            or (newcomer and leads_with_newcomer(s.lede_names, other.sums["entities"])))
                or later_event(other.pub_days, other.updates, s.pub_days, dates_against(other.anchored, s.lede_stems)
                               or (newcomer and leads_with_newcomer(other.lede_names, s.sums["entities"]))))

    @staticmethod
    def _story_days(s: _Story) -> tuple[tuple[int, int], ...]:
        """The days its ledes name, else the days its members were published on."""
        return s.event_days or ((s.pub_days,) if s.pub_days is not None else ())

    def _days_apart(self, d: _Doc, s: _Story) -> bool:
        """The date veto: the article's lede and the story's say their events happened more than
        event_days_apart days apart (a drone attack four days after a missile strike on one city),
        or both name nights and share none (event_dates.nights_apart: no slack for a night); or
        one side's reports were all out before the event the other's lede names began
        (out_before_event: the day's slack is for updates, and a report cannot update what had
        not happened when it was out)."""
        most = self.settings.event_days_apart
        if most < 0:
            return False
        placing = self._placing_of(d)
        days = placing.event_days
        if days_apart(days, s.event_days) > most or nights_apart(nights(days), s.nights, other_days(days), s.other_days):
            return True
        if not self.settings.out_before_event or len(s.members) > self.settings.out_before_max_size:
            return False
        days_too = self.settings.out_before_days or (self.settings.out_before_days_unshared
                                                     and not _tells_the_same(d.vecs.channel, s.sums.__getitem__))
        mine, story = _OutSide.of_report(d.t, placing), _OutSide.of_story(s)
        east = self.settings.out_before_east_offset
        return mine.out_before(story, days_too, east) or story.out_before(mine, days_too, east)

    def _stories_out_before(self, s: _Story, other: _Story) -> bool:
        """Whether either story's reports were all out before the other's events began
        (event_dates.out_before; out_before_event, for stories of at most out_before_max_size
        reports): two events, whatever an article says of both."""
        st = self.settings
        if not st.out_before_event or st.event_days_apart < 0 or max(len(s.members), len(other.members)) > st.out_before_max_size:
            return False
        a, b = _OutSide.of_story(s), _OutSide.of_story(other)
        east = st.out_before_east_offset
        days = st.out_before_days or (st.out_before_days_unshared and not _tells_the_same(s.sums.__getitem__, other.sums.__getitem__))
        return a.out_before(b, days, east) or b.out_before(a, days, east)

    def _span_exceeds(self, d: _Doc, s: _Story, other: _Story | None = None) -> bool:
        """The story span bound (MatchSettings.event_story_span_days): ``s`` (or ``other``, which
        ``d`` would bridge into it) is an event-kind story (some member's lede names its day, or
        ``d``'s does: the story it would make is one) and,
        with ``d``, its dated reports would have been published more than the bound apart, first
        to last. The date veto reads a story's days as one union, so each next day's report, a day
        from the last one, joined: a month of daily strike reports chained into one story (QA pass
        23a, 01). Publication days, not the days ledes name: a lede's date resolved against the
        wrong year or an old event's weekday lies far from its report's day (on the English
        stream's ECB+ reports a bound on those split true stories)."""
        most = self.settings.event_story_span_days
        placing = self._placing_of(d)
        if most < 0 or not (s.event_days or placing.event_days or (other is not None and other.event_days)):
            return False
        if placing.event_days and all(side is not None and side.event_days and days_apart(placing.event_days, side.event_days) == 0
                                      for side in (s, other) if side is not None):
            # its lede names the day the story's ledes name: a later report of that event ("the
            # earthquake that struck Berovac on 9 November", five days on), not the next day's
            # event chaining on (review 23c, F3)
            return False
        days = [day for day in (s.pub_days, other.pub_days if other is not None else None) if day is not None]
        mine = placing.pub_day
        if mine is not None:
            days.append((mine, mine))
        if not days:
            return False
        return max(hi for _, hi in days) - min(lo for lo, _ in days) > most

    def _pair_judge_rejects(self, d: _Doc, s: _Story) -> bool:
        """Whether the same-story pair judgement turns ``d`` away from ``s`` (pair_judge_next_day):
        where one side was published a day or more from the other's event days (those its ledes
        name, else its publication days; a lede's on one side at least), within the date veto's
        slack, the mean pair score of ``d`` against the story's dated members is below the pair
        model's threshold. A story of more than content_gate_max_size reports is past it (many
        reports judge better than one pair); without the multilingual model or the pair weights
        nothing is judged.

        An article whose lede names no day, published on a day the story's own reports were
        published on, is no day from the story: its publication stands as far from the story's
        events as theirs do (a Ukrainian agency's report of Wednesday's blockade, published on
        Thursday beside the Polish papers' reports of it, was judged as a next day's and kept out
        at a mean pair score of 0.525: QA pass 22b, 01)."""
        st = self.settings
        placing = self._placing_of(d)
        if not st.pair_judge_next_day or placing.doc is None or placing.pub_day is None or s.pub_days is None:
            return False
        if len(s.members) > st.content_gate_max_size or not (placing.event_days or s.event_days):
            return False
        if not placing.event_days and s.pub_days[0] <= placing.pub_day <= s.pub_days[1]:
            return False
        # publication against events both ways: "announced on Friday" reads as a statement's day
        # (that day or the week before), which overlaps the story's event; its publication does not
        published = ((placing.pub_day, placing.pub_day),)
        apart = max(days_apart(published, s.event_days or (s.pub_days,)),
                    days_apart(placing.event_days or published, (s.pub_days,)))
        if apart < 1 or (apart > st.event_days_apart and not (st.pair_judge_days_apart and st.event_days_apart >= 0)):
            return False  # published on the other's day: the score decides (further apart: the veto, or the score)
        score, threshold = self._pair_score(d, s)
        return score is not None and score < threshold

    def _pair_score(self, d: _Doc, s: _Story) -> tuple[float | None, float]:
        """The mean same-story pair score (match/same_story.py) of ``d`` against the story's
        dated members while it is small (their texts kept: _keep_pair_docs), and the pair model's
        threshold; None when nothing can be judged (no member's text, no weights, no model)."""
        placing = self._placing_of(d)
        judged = [self._docs[k].pair_doc for k in s.members if self._docs[k].pair_doc is not None]
        if placing.doc is None or not judged:
            return None, 0.0
        from storydiff.match import same_story

        model = same_story.load()
        if model is None:
            return None, 0.0
        pairs = [(member, placing.doc) for member in judged]
        x = same_story.pair_features(pairs, embed=self._embed_pairs, names=model.linear.features, offsets=model.offsets)
        if x is None:  # the multilingual model is not installed
            return None, model.threshold
        self.pair_judged += 1
        scores = same_story.scores(model, x, pairs)
        return sum(scores) / len(scores), model.threshold

    def _embed_pairs(self, texts: list[str]) -> np.ndarray | None:
        """The multilingual model's vectors of ``texts``, memoised for the pair judgements: a
        story's members are judged against each next-day report, a report against each story."""
        todo = list(dict.fromkeys(t for t in texts if t not in self._pair_vectors))
        if todo:
            vecs = ml.embed_ledes(todo)
            if vecs is None:
                return None
            self.embedded += len(todo)
            if len(self._pair_vectors) > 4096:  # a memo, not a store: bounded
                self._pair_vectors.clear()
            self._pair_vectors.update(zip(todo, vecs))
        return np.array([self._pair_vectors[t] for t in texts])

    def _decay(self, d: _Doc, s: _Story) -> float:
        """Score multiplier: falls linearly to 1 - time_decay at a gap of one window."""
        if d.t is not None and s.last_t is not None and self._window_s > 0:
            return 1.0 - self.settings.time_decay * min(1.0, abs(d.t - s.last_t) / self._window_s)
        return 1.0

    def _salient(self, s: _Story) -> tuple[tuple[str, float], ...]:
        """The story's conflict_top_k heaviest names (ties: the later name in sort order).

        Attaching an article only raises the weights of its own names, so the new top k is
        among the old top k and the names that grew: big stories (which take the most
        articles) re-rank a few dozen names, not their whole vocabulary, at each new member."""
        sums = s.sums["entities"]
        k, by_weight = self.settings.conflict_top_k, itemgetter(1, 0)
        if s.salient is None:
            s.salient = tuple(heapq.nlargest(k, sums.items(), key=by_weight))
        elif s.salient_grown:
            names = s.salient_grown.union(t for t, _ in s.salient)
            s.salient = tuple(heapq.nlargest(k, ((t, sums[t]) for t in names), key=by_weight))
        s.salient_grown.clear()
        return s.salient

    def _conflict(self, d: _Doc, s: _Story) -> float:
        """How much each side's most salient names are missing from the other, in [0, 1].

        Two events of one kind share the topic's names (the champion, the company) but each
        has its own (the challenger, the town): the story's top names absent from the article
        AND the article's top names absent from the story. Both sides must miss: an article
        that simply names less (a brief) is not a conflict.
        """
        return min(self._name_misses(d, s))

    def _name_misses(self, d: _Doc, s: _Story, undefined: float | None = None) -> tuple[float, float]:
        """Share of the article's top-name weight the story lacks, and the reverse. When a side
        names no one: (0, 0), or with ``undefined`` given, that value for the share of the
        nameless side's names (and 1 for the other side's, all of them missing)."""
        mine = d.vecs.entities
        theirs = s.sums.get("entities") or {}
        if not mine or not theirs:
            if undefined is None:
                return 0.0, 0.0
            return (undefined if not mine else 1.0), (undefined if not theirs else 1.0)
        placing = self._placing_of(d)
        top_mine = placing.top_names
        if top_mine is None:  # once per article, not once per candidate story
            top_mine = placing.top_names = tuple(
                heapq.nlargest(self.settings.conflict_top_k, mine.items(), key=lambda kv: kv[1])
            )
        top_theirs = self._salient(s)
        return _missing_share(top_mine, theirs), _missing_share(top_theirs, mine)

    # -- across languages (match/multilingual.py) ---------------------------------------------
    def _other_languages_live(self, d: _Doc) -> bool:
        """Whether the window holds a story with an article in a language other than ``d``'s
        (never in a same-language stream: the multilingual model then never runs)."""
        lang = self._placing_of(d).language
        if self._xscorer is None or not lang:
            return False
        live = self._story_languages
        return len(live) > (1 if lang in live else 0)

    def cross_candidates(
        self, d: _Doc, gate: bool = True, both_sides: bool = False, only: Callable[[_Story], bool] | None = None
    ) -> list[tuple[list[float], _Story]]:
        """(CrossScorer features, story) for the stories in other languages that share at least
        cross_min_shared keys with ``d`` and could reach cross_threshold (``gate``), the
        cross_max_candidates sharing the most key weight; embeds what it needs (``d``'s lede and
        the stories' waiting ledes) in one batch. ``both_sides``: the gate asks the shared keys to
        cover cross_min_cover of the larger side's key weight, not of the smaller's (a bridge
        merges two stories: the keys must say so of both); ``only``: a further test a story must
        pass before anything is embedded for it."""
        placing = self._placing_of(d)
        st = self.settings
        found = self._xindex.candidates(placing.xkeys, besides=placing.language)
        idf = self._xindex.idf_besides  # over the stories besides the candidate (CrossIndex.idf_besides)
        alone = sum(idf(k, False) for k in placing.xkeys)  # the article's keys, the candidate holding none
        mine = set(placing.xkeys)
        if not gate:
            st = replace(st, cross_min_cover=0.0)
        pool = []
        for sk in found:
            s = self._stories.get(sk)
            if s is None or s.lang is None or s.lang == placing.language:  # the lexical path's
                continue
            # The key cover is the share of the smaller side's key weight that the two share
            # (ml.features): of the article's, or of the story's where the story has less. The
            # article's share alone made the answer depend on arrival order: a Ukrainian report,
            # whose keys also hold case stems and sentence-opening words, covered 0.43 of an
            # English wire story's keys but the wire story only 0.28 of its (QA pass 17: one
            # story when the Ukrainian came first, two when the English did).
            # the article's key weight besides this candidate: its shared keys weigh as they do in
            # ``weight``, the rest as no story of the candidate's carried them
            common = mine.intersection(s.cross.keys)
            weight, shared = sum(idf(k, True) for k in common), len(common)
            if shared < st.cross_min_shared:
                continue
            article_weight = alone + weight - sum(idf(k, False) for k in common)
            base = min(article_weight, self._story_key_weight(s, article_weight))
            if weight < st.cross_min_cover * base:
                continue
            if both_sides and weight < st.cross_min_cover * max(article_weight, self._story_key_weight(s, math.inf)):
                continue
            if only is not None and not only(s):
                continue
            pool.append((weight, s, shared, base))
        if pool and self._window_filter_applies(d):
            pool = [c for c in pool if self._within_window(d, c[1])]
        pool = heapq.nlargest(st.cross_max_candidates, pool, key=lambda c: (c[0], -c[1].key))
        if not pool:
            return []
        waiting = [] if placing.xvec is not None else [placing.lede]
        for _, s, _, _ in pool:
            waiting.extend(s.cross.waiting())
        if waiting:
            vecs = ml.embed_ledes(waiting)
            if vecs is None:  # the multilingual model is not installed: no cross-language joins
                return []
            self.embedded += len(waiting)
            at = 0
            if placing.xvec is None:
                placing.xvec, at = vecs[0], 1
            for _, s, _, _ in pool:
                n = len(s.cross.waiting())
                if n:
                    s.cross.fill(vecs[at : at + n])
                    at += n
        out = []
        for weight, s, shared, base in pool:
            v = s.cross.vector()
            if v is None:
                continue
            out.append((ml.features(float(v @ placing.xvec), weight, shared, base), s))
        return out

    def _words_of_another_language(self, d: _Doc, s: _Story) -> bool:
        """Whether story ``s``, named another language than ``d``'s, is written in one: its words
        (kept while the content gate may judge it: at most content_gate_max_size reports, long
        ones) share under min_content_cosine with ``d``'s once ``d``'s names are set aside, as the
        words of two languages do. A story of reports whose language the detector misread (English
        ones with garbled headlines) shares the article's words; bridged, such stories merged
        unrelated English stories on the English 10k stream (B3-F1 0.876 -> 0.874, round 18). A
        story whose words are not kept is not bridged."""
        st = self.settings
        words = s.sums["words"]
        if not words or s.n_lex > st.content_gate_max_size or s.min_content_words < st.content_gate_min_words:
            return False
        return self._content_cosine(d, words, s.n_lex) < max(st.min_content_cosine, 1e-9)

    def _bridgeable_across(self, d: _Doc, s: _Story) -> bool:
        """Whether ``d`` may bridge story ``s`` in another language: ``s`` is written in another
        language (_words_of_another_language), or its words were never kept because its one or
        two reports are short (under content_gate_min_words content words); such a story is
        bridged only where it scores the bridge's threshold and the same-story pair judgement
        calls ``d`` the same story as its dated reports (_pair_judge_accepts, the second opinion
        placing reads; add_prepared asks it). DW's German report of a strike (57 content words)
        was left a story of its own: the English report that scored 0.95 against it across
        languages had joined the Russian and Ukrainian story first and could not bridge it, its
        words not kept to show they were German (QA pass 24a, 01; `same-story`: same, 0.66)."""
        if self._words_of_another_language(d, s):
            return True
        st = self.settings
        return not s.sums["words"] and s.n_lex <= st.content_gate_max_size and s.min_content_words < st.content_gate_min_words

    def _story_key_weight(self, s: _Story, enough: float) -> float:
        """Summed idf of the story's keys, counted only until it passes ``enough`` (the article's
        key weight): a story of many reports holds hundreds of keys, and past the article's
        weight the sum no longer changes which side is the smaller."""
        idf, total = self._xindex.idf_besides, 0.0
        for k in s.cross.keys:
            total += idf(k, True)
            if total > enough:
                break
        return total

    def _cross_stories(
        self, d: _Doc, both_sides: bool = False, threshold: float | None = None, only: Callable[[_Story], bool] | None = None,
        second_opinion: bool = False,
    ) -> list[tuple[float, _Story]]:
        """(score, story) for the stories in other languages ``d`` belongs to, scoring at least
        cross_threshold (or ``threshold``), best first (``both_sides`` and ``only``:
        cross_candidates'); with ``second_opinion``, where none does, the best of those under
        it that the pair judgement calls the same story (_pair_judge_accepts)."""
        found, below = [], []
        need = self.settings.cross_threshold if threshold is None else threshold
        for f, s in self.cross_candidates(d, both_sides=both_sides, only=only):
            score = self._xscorer.probability(f) * self._decay(d, s)
            if score < need:
                below.append((score, s))
            elif (not self._days_apart(d, s) and not self._span_exceeds(d, s) and not self._foreign_gate_rejects(d, s)
                  and not self._pair_judge_rejects(d, s)):
                found.append((score, s))
        found.sort(key=lambda x: (-x[0], x[1].first))
        if not found and second_opinion and below:
            score, s = min(below, key=lambda x: (-x[0], x[1].first))
            if (not self._days_apart(d, s) and not self._span_exceeds(d, s) and not self._foreign_gate_rejects(d, s)
                    and self._pair_judge_accepts(d, s)):
                found.append((score, s))
        return found

    def _pair_judge_accepts(self, d: _Doc, s: _Story) -> bool:
        """The second opinion across languages (cross_pair_second_opinion): the same-story pair
        judgement of ``d`` against a small story of dated reports whose cross-language score fell
        under cross_threshold. That score reads the lede alone and the share of names and figures
        the two share, so a report that gives other figures (its border guards' queue count
        against the other country's customs') or tells the story in other words in its first
        line falls under it, where the pair judgement, which reads the opening passages too,
        calls it the same story (QA pass 22b, 01 and 02: pl/uk pairs at 0.28-0.50 across
        languages, 0.66-0.71 judged)."""
        st = self.settings
        placing = self._placing_of(d)
        if (not st.cross_pair_second_opinion or placing.pub_day is None or s.pub_days is None
                or len(s.members) > st.content_gate_max_size):
            return False
        score, threshold = self._pair_score(d, s)
        return score is not None and score >= threshold

    def _pair_second_opinion(self, d: _Doc, score: float, s: _Story) -> bool:
        """The second opinion in one language (pair_second_opinion): ``d``'s best story ``s``
        scored at least threshold, passing every veto (_story_score), but under the small-story
        margin, and is a story of at most content_gate_max_size dated reports (their texts kept);
        the same-story pair judgement of ``d`` against them decides. Two outlets' short reports of
        one exchange, 150 against 157 released, share few words and scored 0.15 against a one-report
        story's 0.30, where `same-story` called them the same story at 0.81 (QA pass 25b, 08)."""
        st = self.settings
        if (not st.pair_second_opinion or score < st.threshold or self._placing_of(d).pub_day is None
                or s.pub_days is None or len(s.members) > st.content_gate_max_size):
            return False
        judged, threshold = self._pair_score(d, s)
        return judged is not None and judged >= threshold

    def _lexical_member(self, d: _Doc, s: _Story) -> bool:
        """Whether ``d`` joins ``s``'s term sums: it is in the story's language, or either is
        unknown (the story takes the first language it sees)."""
        lang = self._placing_of(d).language
        if lang is None or lang == s.lang:
            return True
        if s.lang is not None:
            return False
        s.lang = lang
        self._xindex.relabel(s.key, s.cross.keys, None, lang)
        self._story_languages[lang] = self._story_languages.get(lang, 0) + 1
        return True

    def _attach_cross(self, d: _Doc, s: _Story) -> None:
        placing = self._placing_of(d)
        cross = s.cross
        new = [k for k in placing.xkeys if k not in cross.keys]
        if new:
            self._xindex.add(s.key, new, first=not cross.keys, lang=s.lang)
            cross.keys.update(new)
        if cross.n_vec < self.settings.cross_lede_members and placing.lede:
            cross.add_member(placing.lede, placing.xvec)

    def _forget_languages(self, languages: Iterable[str]) -> None:
        live = self._story_languages
        for lang in languages:
            n = live[lang] - 1
            if n:
                live[lang] = n
            else:
                del live[lang]

    def _merge_cross(self, keep: _Story, gone: _Story, keep_lang: str | None, gone_lang: str | None) -> None:
        """``keep_lang``, ``gone_lang``: the two stories' languages before the merge (their keys'
        postings are kept by language; keep's language may have been gone's)."""
        a, b = keep.cross, gone.cross
        self._xindex.remove(gone.key, b.keys, gone_lang)
        self._xindex.relabel(keep.key, a.keys, keep_lang, keep.lang)
        new = b.keys - a.keys
        if new:
            self._xindex.add(keep.key, new, first=not a.keys, lang=keep.lang)
            a.keys |= new
        a.extend(b)

    # -- story bookkeeping ---------------------------------------------------------------
    def _open_story(self, d: _Doc, sid: str) -> _Story:
        while sid in self._story_by_sid or sid in self._aliases:  # a reused doc id: keep ids unique
            sid = story_id_for(sid + "#")
        self._next_story += 1
        s = _Story(self._next_story, sid, (d.t if d.t is not None else math.inf, d.key), late=self._is_late(d))
        self._stories[s.key] = s
        self._story_by_sid[sid] = s.key
        return s

    def _attach(self, d: _Doc, s: _Story) -> None:
        d.story = s.key
        s.members.append(d.key)
        days = self._placing_of(d).event_days
        if days:
            s.event_days = merged_days(s.event_days, days)
            s.nights = s.nights | nights(days)
            s.other_days = merged_days(s.other_days, other_days(days))
        self._keep_pair_docs(d, s)
        placing = self._placing_of(d)
        day = placing.pub_day
        if day is not None:
            s.pub_days = (day, day) if s.pub_days is None else (min(s.pub_days[0], day), max(s.pub_days[1], day))
        s.out_by = max(s.out_by, math.inf if placing.pub_latest is None else placing.pub_latest)
        s.first_out = min(s.first_out, -math.inf if d.t is None else d.t)
        if placing.pub_offset is not None:
            s.east, s.west = max(s.east, placing.pub_offset), min(s.west, placing.pub_offset)
        clock = -math.inf if placing.event_start is None else placing.event_start + (placing.pub_offset or 0)
        if clock < s.began_clock:
            s.began_clock, s.began_hour = clock, placing.event_hour
            s.began_night = _OutSide.of_report(d.t, placing).night
        s.previews = s.previews or placing.previews
        self._attach_cross(d, s)
        if self._lexical_member(d, s):
            self._attach_terms(d, s)
        else:
            self._attach_foreign(d, s)
        self._lsh.insert(d.key, bands=d.bands)
        if d.t is not None and (s.last_t is None or d.t > s.last_t):
            s.last_t = d.t
            heapq.heappush(self._heap_t, (d.t, s.key))
        s.last_seq = d.key
        heapq.heappush(self._heap_seq, (d.key, s.key))
        if s.late:
            if self._is_late(d):
                heapq.heappush(self._heap_late, (d.key, s.key))
            else:  # an article within the window joined it: a story like any other from now on
                s.late = False

    def _keep_pair_docs(self, d: _Doc, s: _Story) -> None:
        """Keep ``d``'s text for the pair judgement while it is dated and its story small
        (pair_judge_next_day); free the members' once the story is past that size."""
        if not self.settings.pair_judge_next_day:
            return
        if len(s.members) > self.settings.content_gate_max_size:
            if len(s.members) == self.settings.content_gate_max_size + 1:  # once, as it grows past
                self._free_pair_docs(s)
            return
        placing = self._placing_of(d)
        if placing.pub_day is not None and placing.doc is not None:
            d.pair_doc = placing.doc

    def _free_pair_docs(self, s: _Story) -> None:
        for k in s.members:
            member = self._docs.get(k)
            if member is not None:
                member.pair_doc = None

    def _attach_terms(self, d: _Doc, s: _Story) -> None:
        s.n_lex += 1
        placing = self._placing_of(d)
        if placing.lede_names:
            s.lede_names = s.lede_names.union(placing.lede_names)
        if placing.lede_places:
            s.lede_places = s.lede_places.union(placing.lede_places)
        adjectives = place_adjectives(d.vecs.words)
        if adjectives:
            s.adjectives = s.adjectives.union(adjectives)
        s.day_parts |= placing.day_parts
        s.updates = s.updates or placing.updates
        if s.n_lex <= self.settings.later_event_max_size:
            s.lede_stems = s.lede_stems | placing.lede_stems
            s.anchored = s.anchored | placing.anchored
        else:  # past the veto's size: freed
            s.lede_stems = s.anchored = frozenset()
        if self.settings.content_gate_min_words and s.n_lex <= self.settings.content_gate_max_size:
            s.min_content_words = min(s.min_content_words, self._placing_of(d).content_words)
            s.main_names = s.main_names.union(self._placing_of(d).main_names)
        if s.salient is not None:
            s.salient_grown.update(d.vecs.entities)
        for ch in self._weights:  # a channel weighted 0 is never scored: not summed either
            v = d.vecs.channel(ch)
            if not v:
                continue
            if ch == "words" and ch not in self._shared_channels and (
                s.n_lex > self.settings.content_gate_max_size
                or (s.min_content_words < self.settings.content_gate_min_words
                    and (self.settings.content_gate_days_apart < 0 or s.pub_days is None))
            ):
                s.sums[ch] = {}  # summed for the content gate only, which no longer applies (or never will): freed
                continue
            s.counts[ch] += 1
            sums = s.sums[ch]
            if not sums:
                sums.update(v)
                continue
            get = sums.get
            for t, w in v.items():
                sums[t] = get(t, 0.0) + w
        s.index_terms.update(d.index_terms)
        self._post(d.index_terms, s.key)

    def _attach_foreign(self, d: _Doc, s: _Story) -> None:
        """Keep what the content gate reads of a member joined across languages, while the story
        holds few in its language (``_foreign_gate_rejects``)."""
        lang = self._placing_of(d).language
        if not lang:
            return
        st = self.settings
        foreign = s.foreign.get(lang)
        placing = self._placing_of(d)
        if lang not in s.foreign:
            if st.content_gate_max_size < 1 or placing.content_words < st.content_gate_min_words:
                s.foreign[lang] = None
                return
            s.foreign[lang] = _Foreign(dict(d.vecs.words), set(d.vecs.entities), frozenset(placing.main_names), 1,
                                       placing.content_words)
            return
        if foreign is None:
            return
        if foreign.n >= st.content_gate_max_size or placing.content_words < st.content_gate_min_words:
            s.foreign[lang] = None  # past what the gate judges: freed
            return
        get = foreign.words.get
        for t, w in d.vecs.words.items():
            foreign.words[t] = get(t, 0.0) + w
        foreign.names.update(d.vecs.entities)
        foreign.main_names = foreign.main_names | frozenset(placing.main_names)
        foreign.n += 1
        foreign.min_content_words = min(foreign.min_content_words, placing.content_words)

    def _post(self, terms: Iterable[str], sk: int) -> None:
        """Story ``sk`` to the newest end of each term's posting list, the oldest out past the cap."""
        postings, cap = self._postings, self.settings.max_postings
        for term in terms:
            post = postings.get(term)
            if post is None:
                postings[term] = {sk: None}
            elif not post or next(reversed(post)) != sk:  # a story's next article repeats most of its terms
                post.pop(sk, None)
                post[sk] = None
                if len(post) > cap:
                    del post[next(iter(post))]

    def _merge(self, a: _Story, b: _Story) -> _Story:
        if a.key == b.key:
            return a
        keep, gone = (a, b) if a.first <= b.first else (b, a)
        keep_lang, gone_lang = keep.lang, gone.lang
        for k in gone.members:
            self._docs[k].story = keep.key
        keep.members.extend(gone.members)
        if len(keep.members) > self.settings.content_gate_max_size:
            self._free_pair_docs(keep)
        # Stories of two languages merge their keys and vectors; the term sums of the one not in
        # the survivor's language are dropped (its members count as joined across languages).
        same_language = keep.lang is None or gone.lang is None or keep.lang == gone.lang
        handed = []
        for t in gone.index_terms:
            post = self._postings.get(t)
            if post is not None and post.pop(gone.key, 0) is None:  # still listed: hand it over
                handed.append(t)
        if same_language:
            for ch in self._weights:
                sums = keep.sums[ch]
                for t, w in gone.sums[ch].items():
                    sums[t] = sums.get(t, 0.0) + w
                keep.counts[ch] += gone.counts[ch]
            keep.n_lex += gone.n_lex
            keep.min_content_words = min(keep.min_content_words, gone.min_content_words)
            keep.main_names = keep.main_names | gone.main_names
            keep.lede_names = keep.lede_names | gone.lede_names
            keep.lede_places = keep.lede_places | gone.lede_places
            keep.adjectives = keep.adjectives | gone.adjectives
            keep.day_parts |= gone.day_parts
            keep.updates = keep.updates or gone.updates
            keep.lede_stems = keep.lede_stems | gone.lede_stems
            keep.anchored = keep.anchored | gone.anchored
            self._post(handed, keep.key)
            keep.index_terms.update(gone.index_terms)
            if keep.lang is None and gone.lang is not None:
                keep.lang = gone.lang
                gone.lang = None  # its count passes to keep
        self._merge_foreign(keep, gone, same_language)
        if gone.lang is not None:
            self._forget_languages([gone.lang])
        if gone.last_t is not None and (keep.last_t is None or gone.last_t > keep.last_t):
            keep.last_t = gone.last_t
            heapq.heappush(self._heap_t, (gone.last_t, keep.key))
        if gone.last_seq > keep.last_seq:
            keep.last_seq = gone.last_seq
            heapq.heappush(self._heap_seq, (gone.last_seq, keep.key))
        keep.first = min(keep.first, gone.first)
        keep.out_by = max(keep.out_by, gone.out_by)
        keep.first_out = min(keep.first_out, gone.first_out)
        keep.east, keep.west = max(keep.east, gone.east), min(keep.west, gone.west)
        if gone.began_clock < keep.began_clock:
            keep.began_clock, keep.began_hour, keep.began_night = gone.began_clock, gone.began_hour, gone.began_night
        keep.previews = keep.previews or gone.previews
        keep.event_days = merged_days(keep.event_days, gone.event_days)
        keep.nights = keep.nights | gone.nights
        keep.other_days = merged_days(keep.other_days, gone.other_days)
        if gone.pub_days is not None:
            keep.pub_days = gone.pub_days if keep.pub_days is None else (
                min(keep.pub_days[0], gone.pub_days[0]), max(keep.pub_days[1], gone.pub_days[1]))
        keep.late = keep.late and gone.late
        keep.salient = None  # a sum of two stories can rank first a name neither had in its top k
        self._merge_cross(keep, gone, keep_lang, gone_lang)
        keep.salient_grown.clear()
        del self._stories[gone.key]
        del self._story_by_sid[gone.sid]
        # Keep aliases flat (one hop to the survivor), touching only the ids that pointed at gone.
        moved = self._aliased_to.pop(gone.sid, [])
        for old in moved:
            self._aliases[old] = keep.sid
        self._aliases[gone.sid] = keep.sid
        self._aliased_to.setdefault(keep.sid, []).extend([*moved, gone.sid])
        return keep

    def _merge_foreign(self, keep: _Story, gone: _Story, same_language: bool) -> None:
        """The gate's view of the other languages' members after a merge: a language both stories
        hold outside keep's is past what the gate judges (None); gone's own members, when its
        language is not keep's, become foreign ones (their words kept while the gate may apply)."""
        incoming = dict(gone.foreign)
        if not same_language and gone.lang is not None and gone.lang not in incoming:
            st = self.settings
            small = bool(gone.sums["words"]) and 0 < gone.n_lex <= st.content_gate_max_size and (
                gone.min_content_words >= st.content_gate_min_words)
            incoming[gone.lang] = (_Foreign(gone.sums["words"], set(gone.sums["entities"]), gone.main_names, gone.n_lex,
                                            gone.min_content_words) if small else None)
        for lang, f in incoming.items():
            if lang == keep.lang:
                continue
            keep.foreign[lang] = f if lang not in keep.foreign else None

    def _evict(self) -> None:
        if self._watermark is not None:
            horizon = self._watermark - self._window_s
            while self._heap_t and self._heap_t[0][0] < horizon:
                t, sk = heapq.heappop(self._heap_t)
                s = self._stories.get(sk)
                if s is not None and s.last_t == t and not s.late:
                    self._drop(s)
        horizon_late = self._seq - self.settings.late_grace_docs
        while self._heap_late and self._heap_late[0][0] < horizon_late:
            seq, sk = heapq.heappop(self._heap_late)
            s = self._stories.get(sk)
            if s is not None and s.late and s.last_seq == seq:
                self._drop(s)
        horizon_seq = self._seq - self.settings.window_docs
        while self._heap_seq and self._heap_seq[0][0] < horizon_seq:
            seq, sk = heapq.heappop(self._heap_seq)
            s = self._stories.get(sk)
            if s is not None and s.last_seq == seq:
                self._drop(s)

    def _drop(self, s: _Story) -> None:
        for k in s.members:
            d = self._docs.pop(k)
            self._doc_by_id.pop(d.id, None)
            self._sigs.free(d.sig_row)
            self._df[d.df_slots] -= 1 if d.df_counts is None else d.df_counts
        self._lsh_dead += len(s.members)
        for t in s.index_terms:
            post = self._postings.get(t)
            if post is not None:
                post.pop(s.key, None)
                if not post:
                    del self._postings[t]
        self._xindex.remove(s.key, s.cross.keys, s.lang)
        if s.lang is not None:
            self._forget_languages([s.lang])
        del self._stories[s.key]
        del self._story_by_sid[s.sid]
        if self._lsh_dead > max(len(self._docs), _LSH_MIN_REBUILD):
            self._rebuild_lsh()

    def _rebuild_lsh(self) -> None:
        lsh = LSHIndex(bucket_cap=self.settings.lsh_bucket_cap)
        for k in sorted(self._docs):  # oldest first: capped buckets keep the newest, as before
            d = self._docs[k]
            if d is not None and d.story >= 0:  # the article being placed joins at _attach
                lsh.insert(k, bands=d.bands)
        self._lsh, self._lsh_dead = lsh, 0


def cluster(docs: Iterable[MatchDoc], settings: MatchSettings | None = None) -> list[tuple[str, str]]:
    """(doc id, final story id) for every article, in input order, aliases resolved."""
    clusterer = OnlineClusterer(settings)
    assigned = [(d.id, clusterer.add(d)) for d in docs]
    return [(doc_id, clusterer.resolve(sid)) for doc_id, sid in assigned]
