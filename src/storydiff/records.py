"""The records that flow through the pipeline.

ingest yields ``RawItem`` (or ``Failure``); extract turns a RawItem into an ``Article``;
analyze fills the Article's sentences, quotes, origins and entities; match groups Articles
into stories; compare turns a group into a ``Story``. Every stage takes and returns these
plain dataclasses, so the CLI, the web app, the database and the Spark job share one shape.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import asdict, dataclass, field
from functools import cached_property
from typing import Any, Literal

RawKind = Literal["html", "text"]


# how a record's source names the id the record gives itself ("export.jsonl#L8 (id r7)")
ID_OPEN = " (id "


def names_own_id(source: str) -> bool:
    """Whether ``source`` is a record that gives its own id (an export's row: ``ingest.formats
    .record_to_item``; an API upload: ``serve.api.item_source``'s "api:id:"): that id, not where it
    was read or how much of its text another shares, says which article it is."""
    return source.startswith("api:id:") or (source.endswith(")") and ID_OPEN in source)


@dataclass
class RawItem:
    """One item as it came in, before extraction.

    ``source`` names where it came from so errors and results can point back to it:
    a path, or ``path#N`` / ``path#<record id>`` for one record of a multi-record file.
    ``meta`` carries what the container already knew (an export's title, a feed's date).
    """

    source: str
    kind: RawKind
    content: str
    url: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def digest(self) -> str:
        """``raw_digest`` of the content, with what its container says beside it (``_DIGEST_META``:
        an export row's headline and times) when it says any, computed once: ingest asks it to
        skip what is stored, extraction to stamp the article (a whole page's normalising and
        hashing, ~3 ms)."""
        said = [self.meta.get(k) for k in _DIGEST_META]
        if not any(m not in (None, "") for m in said):
            return raw_digest(self.content)
        return raw_digest("\x00".join([self.content, *("" if m is None else str(m) for m in said)]))


# what an item's container says beside its content (an export row's headline and times): part of
# the item's identity, as the content is (review 21a, R1: a headline-only correction re-sent to the
# API, or re-exported at the same path, was skipped unread as the stored item)
_DIGEST_META = ("title", "published", "modified")


@dataclass
class Failure:
    """An item that could not be read or extracted, with the reason, one line."""

    source: str
    reason: str
    stage: str = "ingest"

    def __str__(self) -> str:
        return f"{self.source}: {self.reason}"


@dataclass
class FetchedUrl:
    """What the last successful fetch of a URL left for the next one (the fetch stage writes it, the
    store keeps it): its validators for a conditional request, and when it was first seen and last
    checked."""

    url: str
    source_url: str | None = None  # the watched source that listed it
    etag: str | None = None
    last_modified: str | None = None
    first_seen: str | None = None
    last_checked: str | None = None
    meta: dict = field(default_factory=dict)  # what the listing said of it (date, outlet)


@dataclass
class Quote:
    """A direct quote. ``start``/``end`` are character offsets into ``Article.text``
    (or into the raw input when extraction was skipped)."""

    text: str
    start: int
    end: int
    speaker: str | None = None
    cue: str | None = None  # the attribution verb or phrase ("said", "told the FT")


@dataclass
class Origin:
    """A source an article cites as where its information came from."""

    name: str  # canonical name: "Financial Times", "Associated Press"
    # "source": the article's source line ("Źródło: PAP", "Quelle: dpa"); start is the text's end
    # when extraction dropped that line from the text (``Article.credit_lines``)
    kind: str  # "citing" | "told" | "interview" | "according_to" | "reported" | "wire" | "credit" | "source"
    # | "official": a named official body whose statement is relayed ("сообщает Минобороны РФ")
    evidence: str  # the words in the text that show it
    start: int = -1


@dataclass
class Entity:
    text: str
    label: str  # spaCy label: PERSON, ORG, GPE, ...


# ``Article.text_from`` of a feed entry's summary (RSS description, Atom summary): the page read
# later replaces it, and that is no edit; it never replaces a page's text much longer than it.
FEED_SUMMARY = "feed summary"


@dataclass
class Article:
    id: str
    source: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601 date or datetime
    authors: list[str] = field(default_factory=list)
    dateline: str | None = None
    language: str | None = None
    # identity of the item as it was read (``raw_digest``): with ``source``, what tells a re-run
    # of the same file from a new file at the same path (an overwritten latest.html, stdin)
    raw_digest: str | None = None
    # where the text came from when not from the article itself: FEED_SUMMARY when a feed entry's
    # summary stands in for the page behind it (not fetched, or a feed file read alone)
    text_from: str | None = None
    # when the page was captured (a web archive record's WARC-Date, UTC ISO 8601): its revisions
    # are ordered and dated by it, not by the order the captures were read in
    captured: str | None = None
    # when the page says it was last changed (article:modified_time, JSON-LD dateModified; ISO 8601
    # with its time of day): two versions of one page read in any order are ordered by it
    modified: str | None = None
    # the publication time this version's page gave where the article keeps the earlier-seen one:
    # an outlet moving its time back after storydiff read the page (backdating: "published" stays
    # what the page said when first read, the time its first report is ordered by; QA pass 23b, 09)
    published_as_given: str | None = None
    # the page's source lines extraction dropped from the text as clutter ("Źródło: PAP", "Quelle:
    # dpa"; ``extract.line_rules.SOURCE_LINE``): not the article's words, but they name its origin
    credit_lines: list[str] = field(default_factory=list)
    # what extraction had to say about this item ("'published' 'вчера, 22:10' is no date ...",
    # "1 sentence of its text dropped as boilerplate (...)"): told to whoever sent it (ingest's
    # stderr, the API's per-item result), never stored, never part of what the article is
    warnings: list[str] = field(default_factory=list, compare=False, repr=False)
    # filled by analyze
    sentences: list[tuple[int, int]] = field(default_factory=list)  # char spans into text
    quotes: list[Quote] = field(default_factory=list)
    origins: list[Origin] = field(default_factory=list)
    entities: list[Entity] = field(default_factory=list)

    @property
    def cited_origins(self) -> list[str]:
        seen: list[str] = []
        for o in self.origins:
            if o.name not in seen:
                seen.append(o.name)
        return seen

    @property
    def content_hash(self) -> str:
        return content_hash(self.text)

    @property
    def report_hash(self) -> str:
        """The text's hash scoped by outlet: what makes two articles one report. The same text
        from the same outlet (a page read twice, by two paths) is a repeat; from another outlet
        it is a reprint, which a story lists (ten copies of one wire story: ten articles, one
        source)."""
        return scoped_hash(self.content_hash, self.outlet)

    def same_version(self, other: Article) -> bool:
        """Whether ``other`` is this report as it was read, not a revision of it: the same text from
        the same outlet (``report_hash``) under the same headline (``same_headline``). A correction
        of the headline alone ("kills five" -> "kills three") is a revision (review 21a, R1)."""
        return self.report_hash == other.report_hash and same_headline(self, other)

    def sentence_texts(self) -> list[str]:
        return [self.text[a:b] for a, b in self.sentences]

    def metadata(self) -> dict[str, Any]:
        """What the extract contract publishes about an article, without its text."""
        return {
            "id": self.id,
            "source": self.source,
            "url": self.url,
            "outlet": self.outlet,
            "title": self.title,
            "published": self.published,
            "authors": self.authors,
            "dateline": self.dateline,
            "language": self.language,
            "cited_origins": self.cited_origins,
        }

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        del d["warnings"]  # about how this run read the item, not about the article
        d["cited_origins"] = self.cited_origins
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Article:
        d = dict(d)
        d.pop("cited_origins", None)
        d.pop("warnings", None)
        d["sentences"] = [tuple(s) for s in d.get("sentences", [])]
        d["quotes"] = [Quote(**q) for q in d.get("quotes", [])]
        d["origins"] = [Origin(**o) for o in d.get("origins", [])]
        d["entities"] = [Entity(**e) for e in d.get("entities", [])]
        known = cls.__dataclass_fields__
        return cls(**{k: v for k, v in d.items() if k in known})


# "translated": the same statement in another language (articles in different languages)
Fidelity = Literal["verbatim", "edited", "reworded", "translated", "only_here"]


@dataclass
class QuoteVersion:
    article_id: str
    text: str
    fidelity: Fidelity
    diff: list[tuple[str, str]] = field(default_factory=list)  # (op, words): op in "=", "-", "+"
    speaker: str | None = None  # whom this outlet gives the words to (another outlet may differ)
    # what an edit changed in the meaning, beyond its label: "negation" (a "not" added or dropped),
    # "numbers" (a figure changed), "antonym" (an opposite word), "names" (a person, place, country
    # or organisation the reference does not name); a trim changes none
    changes: list[str] = field(default_factory=list)


@dataclass
class AlignedQuote:
    speaker: str | None
    versions: list[QuoteVersion]
    # "speaker differs: A (outlet) vs B (outlet)" where outlets give these words to different people
    # (compare.quotes.speaker_conflict), for every reader of the story's data, not its pages alone
    speaker_conflict: str | None = None


@dataclass
class Fact:
    text: str
    article_ids: list[str]  # the outlets that report it ("possibly" facts: the one that surely does)
    variants: dict[str, str] = field(default_factory=dict)  # article_id -> that article's sentence
    conflicts: list[str] = field(default_factory=list)  # e.g. "numbers differ: 5 vs 7"
    first_article_id: str | None = None
    # the evidence: each outlet's own sentence and how sure the match is, {"article_id", "text",
    # "score"} (score: the same-fact probability against the fact's other outlets; 1.0 alone)
    versions: list[dict[str, Any]] = field(default_factory=list)
    # "same": reported by several outlets; "possibly": one outlet's, with a sentence of another
    # outlet in versions that may say the same (for the reader to judge); "only": one outlet's alone
    match: str = ""

    def __post_init__(self) -> None:
        if not self.match:  # a comparison stored before matches had tiers
            self.match = "same" if len(self.article_ids) > 1 else "only"


@dataclass
class SourceGroup:
    """Articles that count as one independent source, and why."""

    article_ids: list[str]
    origin: str | None
    reason: str


@dataclass
class Story:
    id: str
    article_ids: list[str]
    origins: list[str] = field(default_factory=list)
    independent_sources: int = 0
    source_groups: list[SourceGroup] = field(default_factory=list)
    quotes: list[AlignedQuote] = field(default_factory=list)
    facts: list[Fact] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    # which claim matcher aligned the facts: "cross-encoder" (the same-fact judge, "+e5" when the
    # multilingual judge compared sentences in other languages), "lexical", or "minilm"
    fact_tier: str = "lexical"
    # articles of the story left out of the comparison (CompareSettings.max_story_articles)
    not_compared: int = 0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def content_hash(text: str) -> str:
    """Hash of the whitespace-normalised text: the identity of an item's content."""
    norm = " ".join(composed(text).split()).lower()
    # surrogatepass: text decoded with errors="surrogateescape" upstream must still hash
    return hashlib.sha256(norm.encode("utf-8", "surrogatepass")).hexdigest()


def composed(text: str) -> str:
    """``text`` in NFC: ingest composes what it reads (since 04e3dea), but a database written
    before keeps decomposed ("й" as и + U+0306) texts, titles and outlets; hashed and compared
    composed, such a stored article re-read is the same version, not a revision that changes
    nothing visible (review 22a, R1). The quick check keeps composed text as it is."""
    try:
        return text if unicodedata.is_normalized("NFC", text) else unicodedata.normalize("NFC", text)
    except (TypeError, ValueError):
        return text


def scoped_hash(text_hash: str, outlet: str | None) -> str:
    """``text_hash`` scoped by ``outlet`` (itself when there is no outlet)."""
    if not outlet or not outlet.strip():
        return text_hash
    key = f"{text_hash}\x00{composed(outlet).strip().lower()}"
    return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()


# A record's place in its export, as its source names it ("export.jsonl#L8", "#item3", "#row5").
RECORD_PLACE = re.compile(r"#(?:L|item|row|after-line)\d+")
# ... before the id the record gives itself ("export.jsonl#L8 (id r7)")
_PLACE_BEFORE_ID = re.compile(RECORD_PLACE.pattern + r"(?= \(id )")


def without_record_place(source: str) -> str:
    """``source`` without the place in its file of a record that gives its own id: "export.jsonl
    (id r7)" for "export.jsonl#L8 (id r7)" (its id and content say which item it is, wherever a
    re-export with new rows on top puts it). A row without an id keeps its place: its content
    digest holds no URL or outlet, and three outlets' rows of one wire text are three items."""
    return _PLACE_BEFORE_ID.sub("", source, count=1)


def raw_digest(content: str) -> str:
    """Short identity of an item's content as read (before extraction)."""
    return content_hash(content)[:32]


def headline_words(title: str | None, outlet: str | None = None) -> tuple[str, ...]:
    """``title``'s words, casefolded, without the outlet's name where a page's <title> adds it
    ("... - Wire", "Wire | ..."): what two readings of one headline share."""
    words = re.findall(r"\w+", composed(title or "").casefold())
    name = re.findall(r"\w+", composed(outlet or "").casefold())
    if name and len(words) > len(name):
        if words[-len(name):] == name:
            words = words[: -len(name)]
        elif words[: len(name)] == name:
            words = words[len(name):]
    return tuple(words)


def same_headline(a: Article, b: Article) -> bool:
    """Whether two readings of a report give it one headline (``headline_words``); a reading
    without one (a paste, a file of text) says nothing against it."""
    if not (a.title and a.title.strip() and b.title and b.title.strip()):
        return True
    return headline_words(a.title, a.outlet) == headline_words(b.title, b.outlet or a.outlet)


def article_id_for(source: str, url: str | None, text: str) -> str:
    """Stable id: from the URL when there is one, else from the content."""
    key = url or ("sha:" + content_hash(text))
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def feed_entry_id(url: str | None, guid: str) -> str:
    """Stable id of a feed entry that names itself (an RSS guid, an Atom id) apart from its page:
    entries of a live blog or a wire's updates often all link to one landing page, and an id from
    that URL alone made each one a "revision" of the one before (the earlier entry vanished).
    The entry's page is part of the key, since a guid ("1001") is only unique within its feed."""
    key = f"feed-entry:{url or ''}\x00{guid}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]
