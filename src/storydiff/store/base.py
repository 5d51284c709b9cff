"""The one storage interface the CLI, the web app and the pipeline talk to.

Stages never import the store: they take and return records; whoever drives them stores them.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Self

from storydiff.records import Article, Failure, Story


@dataclass
class StorySummary:
    """One line of a story listing."""

    id: str
    title: str | None  # the first article's title (earliest published, then first stored)
    n_articles: int
    outlets: list[str] = field(default_factory=list)  # distinct, in order of first appearance
    first_published: str | None = None  # as stored for ordering: UTC ISO 8601 (codec.sortable_time)
    last_published: str | None = None


MIN_ID_PREFIX = 4  # shorter starts of an id match too many stories to be meant as one


class Store(ABC):
    """Articles, their story assignment, story aliases, cached comparisons and quarantined failures.

    Ordering: article lists are chronological (``published`` ascending, undated last, then in the
    order stored); ``stories()`` lists the most recently published story first.
    Story ids passed in are resolved through aliases first, so callers may keep using an old id.
    A cached ``Story`` is dropped whenever its membership changes (``set_story``, ``add_article``
    with a story, ``add_alias``): ``get_story`` never returns a comparison of a stale article set.
    """

    # -- articles ---------------------------------------------------------------------------
    @abstractmethod
    def add_article(self, article: Article, story_id: str | None = None) -> bool:
        """Store ``article``; False (and nothing changes) if one with the same id, source (and raw
        content), url, or text from the same outlet is already stored. Commits on its own unless
        inside ``batch()``."""

    @abstractmethod
    def has_item(self, source: str, raw_digest: str | None = None) -> bool:
        """Whether the item read from ``source`` with this content (``records.raw_digest``) is stored."""

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
        return [
            (a, self.story_of(a.id))
            for a in self.articles(since=since)
            if until is None or (a.published is not None and a.published < until)
        ]

    @abstractmethod
    def articles_stored_after(self, seq: int) -> tuple[list[tuple[Article, str | None]], int]:
        """The articles stored after position ``seq`` in storing order (by any process), with
        their stories, and the position of the last of them (``seq`` itself when none).
        ``stored_position()`` is where a reader starts."""

    @abstractmethod
    def stored_position(self) -> int:
        """The storing-order position of the newest article (0 when none)."""

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
    def save_story(self, story: Story) -> None:
        """Cache a comparison result, replacing any earlier one for the same id."""

    @abstractmethod
    def get_story(self, story_id: str) -> Story | None: ...

    # -- failures (quarantine) ----------------------------------------------------------------
    @abstractmethod
    def add_failure(self, failure: Failure) -> None:
        """Quarantine a source; the same source and reason again only bumps its count and time."""

    @abstractmethod
    def failures(self) -> list[Failure]: ...

    @abstractmethod
    def clear_failure(self, source: str) -> None:
        """Forget every failure of ``source`` (a later run succeeded)."""

    # -- lifecycle --------------------------------------------------------------------------
    @contextmanager
    def batch(self) -> Iterator[None]:
        """Group writes into one transaction: all of them are stored, or (on an exception) none.

        The default is no grouping (every write commits on its own); stores override it."""
        yield

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
