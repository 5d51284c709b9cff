"""The one storage interface the CLI, the web app and the pipeline talk to.

Stages never import the store: they take and return records; whoever drives them stores them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Self

from storydiff.records import Article, Failure, FetchedUrl, Story


@dataclass
class StorySummary:
    """One line of a story listing."""

    id: str
    title: str | None  # the first article's title (earliest published, then first stored)
    n_articles: int
    outlets: list[str] = field(default_factory=list)  # distinct, in order of first appearance
    first_published: str | None = None  # as stored for ordering: UTC ISO 8601 (dates.sortable_time)
    last_published: str | None = None


@dataclass
class Revision:
    """One version of a stored article: number 1 is the text first stored, the highest is the
    article as it is now (the one stories compare). ``seen_at``: when that text was seen: the
    page's capture time when a web archive gave one (``Article.captured``), else when it was stored."""

    number: int
    seen_at: str | None
    article: Article


@dataclass
class SearchHit:
    """An article or a quote whose words match a search."""

    kind: str  # "article" | "quote"
    article_id: str
    story_id: str | None
    title: str | None
    outlet: str | None
    published: str | None
    text: str  # the quote, or the article's words around the first match
    speaker: str | None = None  # a quote's speaker, when analysis named one
    score: float = 0.0  # higher is better, comparable within one search only


@dataclass
class SourceState:
    """A source ``storydiff watch`` follows (a feed, a sitemap, a page), as its rounds left it."""

    url: str
    kind: str | None = None  # "feed" | "sitemap" | "page" | None until first read
    added_at: str | None = None
    last_fetched: str | None = None
    last_status: str | None = None  # "ok", "not modified", or the failure's reason
    last_new_item: str | None = None  # when an article or revision from it was last stored
    items_listed: int = 0  # entries or pages it listed in its last successful read
    articles_stored: int = 0  # all rounds together
    revisions_stored: int = 0
    failures: int = 0  # failed rounds in a row (0 once one succeeds)
    last_error: str | None = None
    taken_down: int = 0  # stored articles of its pages taken down by the outlet now (404/410; back when it answers)


@dataclass
class TakenDown:
    """A stored article whose page its outlet took down: the page answered ``status`` (404, 410)
    from ``at`` on (UTC ISO 8601). Its revisions are all kept; the last is what it said."""

    status: int
    at: str

    def to_dict(self) -> dict:
        return {"status": self.status, "at": self.at}


MIN_ID_PREFIX = 4  # shorter starts of an id match too many stories to be meant as one


class Store(ABC):
    """Articles, their story assignment, story aliases, cached comparisons and quarantined failures.

    Ordering: article lists are chronological (``published`` ascending, undated last, then in the
    order stored); ``stories()`` lists the most recently published story first.
    Story ids passed in are resolved through aliases first, so callers may keep using an old id.
    A stored comparison (``save_story``) records the articles it compared (ids and content
    hashes): ``get_story`` returns it only while the story holds exactly those, so a story that
    gained, lost or changed an article is compared again, never shown stale. What the store cannot
    see (an article revised outside it) calls ``mark_story_stale``.
    """

    # -- articles ---------------------------------------------------------------------------
    @abstractmethod
    def add_article(self, article: Article, story_id: str | None = None, *, claim_url: bool = True,
                    take_url: bool = False, content_key: str | None = None) -> bool:
        """Store ``article``; False (and nothing changes) if one with the same id, source (and raw
        content), url, or text from the same outlet (now or before an edit) is already stored.
        ``content_key``: the content identity to store it under instead of its text's
        (``codec.article_content_hash``): ``codec.dated_content_hash``, the same outlet's text
        published again on another day at another address (``versions.rules.republished``).
        ``claim_url=False``: the article keeps its URL but is not found by it (another article
        holds that URL: a live blog's posts, a feed's landing page). ``take_url``: once stored, it
        is the one found by its URL, and the article that held the URL keeps it unclaimed (an
        outlet's live page now carrying another event: the next text there is this one's edit).
        Commits on its own unless inside ``batch()``.
        ValueError naming it for an id over ``codec.MAX_ID_BYTES`` (ingest fails such a row first)."""

    @abstractmethod
    def article_with_text(self, article: Article) -> Article | None:
        """The stored article that has ``article``'s text from its outlet
        (``codec.article_content_hash``) as its current text, else as an earlier revision's; None
        when none has: what refused ``article`` as "already stored"."""

    @abstractmethod
    def has_item(self, source: str, raw_digest: str | None = None, *, current_only: bool = False) -> bool:
        """Whether the item read from ``source`` with this content (``records.raw_digest``) is stored
        (with ``current_only``, as an article's latest text, not as one of its earlier revisions)."""

    def stored_items(
        self, items: Iterable[tuple[str, str | None]], *, current_only: bool = False
    ) -> set[tuple[str, str | None]]:
        """Which of ``items`` ((source, raw digest) pairs) ``has_item`` would say are stored: what
        ingest skips before extracting. Stores answer a batch in one query; this fallback asks
        ``has_item`` for each."""
        return {it for it in set(items) if self.has_item(*it, current_only=current_only)}

    @abstractmethod
    def get_article(self, article_id: str) -> Article | None: ...

    @abstractmethod
    def articles(
        self, *, story_id: str | None = None, since: str | None = None, limit: int | None = None
    ) -> list[Article]:
        """Articles, optionally of one story and/or published at or after ``since`` (ISO 8601)."""

    def articles_with_stories(
        self, *, since: str | None = None, until: str | None = None
    ) -> list[tuple[Article, str | None]]:
        """``articles(since=...)``, published before ``until`` when given, with each article's
        story, for resuming the clusterer. Stores override this with one query; this default
        asks once per article."""
        from storydiff.dates import sortable_time

        end = sortable_time(until)  # by the instant, as the stores order and filter
        return [
            (a, self.story_of(a.id))
            for a in self.articles(since=since)
            if end is None or (sortable_time(a.published) or "~") < end
        ]

    @abstractmethod
    def articles_stored_after(self, seq: int) -> tuple[list[tuple[Article, str | None]], int]:
        """The articles stored after position ``seq`` in storing order (by any process), with
        their stories, and the position of the last of them (``seq`` itself when none).
        ``stored_position()`` is where a reader starts."""

    @abstractmethod
    def stored_position(self) -> int:
        """The storing-order position of the newest article (0 when none)."""

    @abstractmethod
    def place_article(self, article_id: str, story_id: str) -> bool:
        """Assign a stored article that has no story yet to ``story_id``; False (nothing changes)
        when it already has one. Articles are stored first and placed after (``ingest_stream``
        stores each chunk as soon as it is extracted, and places in publication order later)."""

    @abstractmethod
    def unplaced_articles(self) -> list[Article]:
        """Stored articles with no story yet, in storing order: those of runs still placing, or
        of runs killed before they could (``ingest_session`` tells which)."""

    @abstractmethod
    def placed_among(self, article_ids: list[str]) -> list[tuple[Article, str]]:
        """Those of ``article_ids`` that have a story now, with it."""

    @contextmanager
    def ingest_session(self) -> Iterator[bool]:
        """Held for the whole of an ingest run, by every run at once. Yields whether this run
        started alone: only then are the unplaced articles in the database a killed run's, for
        this run to place (a live run places its own). The default: always alone."""
        yield True

    @contextmanager
    def placement_lock(self) -> Iterator[None]:
        """Held by whoever is assigning articles to stories, across processes sharing this
        database (two ingests, an ingest and the web app): one assigner at a time, each seeing
        the others' articles before it places its own. Without it two processes open two
        stories for one event and nothing ever merges them. The default is no lock."""
        yield

    # -- stories ----------------------------------------------------------------------------
    @abstractmethod
    def set_story(self, article_id: str, story_id: str) -> None:
        """Assign an article to a story; ValueError if the article is not stored."""

    @abstractmethod
    def story_of(self, article_id: str) -> str | None:
        """The story an article is assigned to, if any."""

    @abstractmethod
    def add_alias(self, old_story_id: str, new_story_id: str) -> None:
        """Record that ``old_story_id`` was merged into ``new_story_id``; its articles move there.
        ValueError if that would make a cycle."""

    @abstractmethod
    def resolve_story(self, story_id: str) -> str:
        """Follow aliases to the current id (the id itself when it has none)."""

    @abstractmethod
    def stories(self, limit: int | None = None, offset: int = 0) -> list[StorySummary]:
        """Story summaries, most recently published first; ``offset`` skips that many (pages)."""

    def several_article_story_ids(self) -> list[str]:
        """Ids of the stories of two or more articles, in ``stories()`` order (newest first)."""
        return [s.id for s in self.stories() if s.n_articles > 1]

    @abstractmethod
    def story_ids_starting(self, prefix: str, limit: int = 6) -> list[str]:
        """Up to ``limit`` current story ids that start with ``prefix``, in id order."""

    def find_story(self, ident: str) -> tuple[str | None, list[str]]:
        """A story id, a merged-away id (resolved), or a unique start of one, as git takes a
        commit: (the id, []) when found, (None, the ids it starts) when ambiguous or unknown."""
        sid = self.resolve_story(ident)
        if sid != ident or self.story_article_ids(sid):
            return sid, []
        matches = self.story_ids_starting(ident) if len(ident) >= MIN_ID_PREFIX else []
        return (matches[0], []) if len(matches) == 1 else (None, matches)

    @abstractmethod
    def story_article_ids(self, story_id: str) -> list[str]: ...

    @abstractmethod
    def save_story(self, story: Story, members: str | None = None) -> None:
        """Store a comparison, replacing any earlier one for the same id. ``members``:
        ``codec.article_members_key`` of the articles compared (default: the story's articles as
        stored now; a caller that read them earlier passes the key of what it read, so that an
        article that joined meanwhile makes the comparison stale rather than current)."""

    @abstractmethod
    def get_story(self, story_id: str) -> Story | None:
        """The stored comparison, when it compared exactly the story's current articles."""

    @abstractmethod
    def mark_story_stale(self, story_id: str) -> None:
        """Forget the stored comparison of a story (the next view computes it again): for a change
        the store does not see itself, such as an article's text revised by a later fetch."""

    # -- parses of texts, kept for the comparisons that need them again -----------------------
    @abstractmethod
    def get_analyses(self, keys: Iterable[str]) -> dict[str, dict]:
        """Stored parses by ``codec.analysis_key`` (missing keys are left out)."""

    @abstractmethod
    def save_analyses(self, analyses: dict[str, dict]) -> None:
        """Store parses by key (``{"quotes": [...], "entities": [...] or None}``), replacing any."""

    # -- failures (quarantine) ----------------------------------------------------------------
    @abstractmethod
    def add_failure(self, failure: Failure) -> None:
        """Quarantine a source; the same source and reason again only bumps its count and time."""

    @abstractmethod
    def failures(self, *, limit: int | None = None, offset: int = 0) -> list[Failure]:
        """Quarantined items, first quarantined first; ``limit``/``offset`` a page of them."""

    @abstractmethod
    def count_failures(self) -> int:
        """How many items are quarantined (the front page counts them: reading all 100,000 rows
        of a hostile listing's failures made each view 21x slower, review 23a, F8)."""

    @abstractmethod
    def clear_failure(self, source: str, *, stages: tuple[str, ...] | None = None) -> None:
        """Forget every failure of ``source`` (a later run succeeded); with ``stages``, only its
        failures at those stages (a page fetched fine again: its fetch failures, not why it
        could not be extracted)."""

    def clear_record_failures(self, source: str) -> None:
        """Forget the failures of the record ``source`` names by its file and id at any place in
        that file (``records.without_record_place``): tonight's export puts the fixed row elsewhere
        (review 22a, R4). A source that is no record with its own id clears nothing here."""
        return None

    # -- revisions --------------------------------------------------------------------------
    def article_by_url(self, url: str) -> Article | None:
        """The stored article at this URL (compared as ``codec.canonical_url`` does), if any."""
        raise NotImplementedError

    def has_text(self, article_id: str, article: Article) -> bool:
        """Whether the stored article ``article_id``, now or in an earlier revision, had the text
        of ``article`` (from the same outlet: ``Article.report_hash``)."""
        raise NotImplementedError

    def earlier_revisions_with_text(self, article_id: str, article: Article) -> int:
        """How many earlier revisions (not the current text) of the stored article ``article_id``
        had the text of ``article``."""
        raise NotImplementedError

    def articles_read_from(self, source: str) -> list[Article]:
        """The stored articles whose current text was read from ``source`` (a file's path, stdin,
        a record's place in its file), newest first, at most 20: where a page saved again over
        the same file is looked for."""
        return [a for a in reversed(self.articles()) if a.source == source][:20]

    def articles_scoped_from(self, article_id: str) -> list[Article]:
        """The stored articles whose id is ``article_id`` scoped by a content hash
        (``"<article_id>~<8 hex>"``: another export's row had that id first), in storing order, at
        most 20: where an outlet's edit of its row stored that way is looked for."""
        return [a for a in self.articles() if is_scoped_id(a.id, article_id)][:20]

    def articles_published_at(self, outlet: str, published: str) -> list[Article]:
        """The stored articles of ``outlet`` published at ``published`` (the same instant), in
        storing order: where an article whose address changed is looked for."""
        from storydiff.dates import sortable_time

        when = sortable_time(published)
        return [a for a in self.articles(since=published)
                if a.outlet == outlet and when is not None and sortable_time(a.published) == when]

    def articles_titled(self, outlet: str, title: str) -> list[Article]:
        """The stored articles of ``outlet`` under the headline ``title`` (exactly), in storing
        order, at most 20: where a copy of a stored page, read again without its URL (a
        colleague's browser paste of a watched page), is looked for."""
        return [a for a in self.articles() if a.outlet == outlet and a.title == title][:20]

    def revise_article(self, article_id: str, article: Article, *, revert: bool = False,
                       reread: bool = False) -> int | None:
        """Make ``article`` the latest revision of the stored article ``article_id`` (its id, story
        and place in storing order stay; the text it replaces is kept as an earlier revision).
        The new revision's number, or None (nothing changes) when the article is not stored or
        its new text or item is already stored elsewhere. ``revert``: a text or item one of the
        article's earlier revisions had is a revision too (a page whose edit was undone).
        ``reread``: ``article`` is the current version read another way (the page's HTML of a
        stored browser paste of it): it replaces the current reading, takes its URL when free,
        and adds no revision (the outlet changed nothing)."""
        raise NotImplementedError

    def revisions(self, article_id: str) -> list[Revision]:
        """Every revision of an article, first stored first, the current one last ([] if unknown)."""
        raise NotImplementedError

    def revision_numbers(self, article_ids: list[str]) -> dict[str, int]:
        """The current revision number of those of ``article_ids`` edited since first stored."""
        raise NotImplementedError

    # -- search -----------------------------------------------------------------------------
    def search(
        self,
        query: str,
        *,
        kind: str = "article",
        speaker: str | None = None,
        outlet: str | None = None,
        since: str | None = None,
        limit: int = 20,
    ) -> list[SearchHit]:
        """Articles (``kind="article"``: title and text) or quotes (``kind="quote"``) containing
        every word and "quoted phrase" of ``query`` (``word*`` for a prefix), best first; a
        speaker filter (part of the name, in any case or script: ``store.speaker_filter``) applies
        to quotes, matching the speaker analysis named or, where it named none yet, the quote's
        paragraph. A query with no words but a filter
        (``speaker`` for quotes, ``outlet``, ``since``) gives the newest rows that pass it."""
        raise NotImplementedError

    # -- watched sources ------------------------------------------------------------------------
    def mark_taken_down(self, url: str, status: int, at: str) -> tuple[str, bool] | None:
        """Record that the page at ``url`` answers ``status`` (404, 410) since ``at``, on the stored
        article at that address (the first time seen stays): its id and whether it was marked now
        (False: marked before), or None when no article is there."""
        raise NotImplementedError

    def clear_taken_down(self, url: str) -> str | None:
        """The page at ``url`` answers again: its article is no longer taken down (its id, if it was)."""
        raise NotImplementedError

    def taken_down(self, article_ids: list[str]) -> dict[str, TakenDown]:
        """Of ``article_ids``, those whose page its outlet took down, with when and how."""
        raise NotImplementedError

    def pages_listed_since(self, source_url: str, since: str) -> list[FetchedUrl]:
        """The pages ``source_url`` listed that were first seen at ``since`` or later."""
        raise NotImplementedError

    def watch_sources(self) -> list[SourceState]:
        """Every source ``watch`` follows or has followed, in the order first added."""
        raise NotImplementedError

    def save_source_states(self, states: list[SourceState]) -> None:
        """Insert or replace the state of each source (by URL)."""
        raise NotImplementedError

    def fetched_urls(self, urls: list[str]) -> dict[str, FetchedUrl]:
        """What is known of each URL fetched before (URL → its record)."""
        raise NotImplementedError

    def save_fetched_urls(self, records: list[FetchedUrl]) -> None:
        """Insert or replace each URL's record (by URL); ``first_seen`` of a known URL is kept."""
        raise NotImplementedError

    def page_meta_of_host(self, host: str, key: str) -> str | None:
        """The latest value the records of pages fetched from ``host`` (a URL's netloc) keep under
        ``key`` in their meta, or None."""
        raise NotImplementedError

    def forget_fetched_urls(self, urls: list[str]) -> None:
        """Drop the records of ``urls`` (addresses no stored article is at that answer 404/410):
        no longer re-checked as pages their listing dropped."""
        raise NotImplementedError

    # -- lifecycle --------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one transaction: all of them are stored, or (on an exception) none.

        The default is no grouping (every write commits on its own); stores override it."""
        yield

    @contextmanager
    def item(self) -> Iterator[None]:
        """Inside ``batch``: the writes of one item, undone alone when it raises (the rest of the
        batch stays), so that one bad item is quarantined and the batch goes on.

        The default undoes nothing (a store without batches commits every write on its own)."""
        yield

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def is_scoped_id(scoped_id: str, article_id: str) -> bool:
    """Whether ``scoped_id`` is ``article_id`` scoped by a content hash (``versions.rules.with_scoped_id``)."""
    head, mark, tail = scoped_id.rpartition("~")
    return bool(mark) and head == article_id and len(tail) == 8
