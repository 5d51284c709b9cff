"""The web app's background comparisons, and the lock that puts a reader's view before them.

`storydiff serve` compares stories in a background thread so that a view reads a stored
comparison (``Store.save_story``) instead of computing one: first the newest stories of several
articles (the index's first page) and every story an upload adds to, then, newest first, every
other story of several articles not compared yet. A view never waits behind that work for longer
than one step: the background takes the app's comparison lock only while no view is waiting
for it and no request is being answered (``ViewsFirst``), and gives it back after each step: the
spaCy parse of a story's articles (the costly part) BACKGROUND_PARSE_STEP articles at a time,
then the comparison, which reads those parses back. A plain lock let the background thread
take it back story after story while a view waited: one view of an older story took 48 s
(BENCHMARKS §11); holding it over a whole story kept a view waiting for the parse of all its
articles (a story of 30 articles: seconds).
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import SQLAlchemyError

from storydiff.settings import FactSettings

# stories compared first when the server starts: the index page's first page
PRECOMPUTE_NEWEST = 200
# requests hold the background back at most this long: a steady stream of them (a poller, a
# crawler, a long upload) must not stop it for good; a waiting view always goes first
MAX_REQUEST_WAIT_S = 5.0
# articles the background parses under one hold of the lock: a view waits for this many at most
# (~0.1 s of CPU each), and each step reads the story's kept parses back once
BACKGROUND_PARSE_STEP = 4
_STOPPED_OR_FAILED = object()


class ViewsFirst:
    """One comparison at a time, a request's before the background's: ``view()`` waits only for
    the comparison under way; ``background()`` waits until no view waits and no request is in
    flight (``request()``), so the background thread neither jumps the queue nor competes with
    a page being rendered."""

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self._held = False
        self._views_waiting = 0
        self._requests = 0

    @contextmanager
    def request(self) -> Iterator[None]:
        with self._cond:
            self._requests += 1
        try:
            yield
        finally:
            with self._cond:
                self._requests -= 1
                self._cond.notify_all()

    @contextmanager
    def view(self) -> Iterator[None]:
        with self._cond:
            self._views_waiting += 1
            try:
                while self._held:
                    self._cond.wait()
            finally:
                self._views_waiting -= 1
            self._held = True
        try:
            yield
        finally:
            self._release()

    @contextmanager
    def background(self, stopping: threading.Event | None = None) -> Iterator[bool]:
        """Yields True once the lock is held, False when ``stopping`` was set while waiting."""
        import time

        acquired = False
        patience = time.monotonic() + MAX_REQUEST_WAIT_S
        with self._cond:
            while self._held or self._views_waiting or (self._requests and time.monotonic() < patience):
                if stopping is not None and stopping.is_set():
                    break
                self._cond.wait(timeout=0.5)
            else:
                self._held = acquired = True
        if not acquired:
            yield False
            return
        try:
            yield True
        finally:
            self._release()

    def _release(self) -> None:
        with self._cond:
            self._held = False
            self._cond.notify_all()


class StoryComparer:
    """Compares stories in the background (module docstring): one daemon thread; what an upload
    adds goes before the walk over older stories."""

    def __init__(self, store, lock: ViewsFirst, fact_settings: FactSettings | None) -> None:
        self.store, self.lock, self.fact_settings = store, lock, fact_settings
        self.queue: queue.Queue[str | None] = queue.Queue()
        self.stopping = threading.Event()
        self.thread = threading.Thread(target=self._run, name="storydiff-compare", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def add(self, story_id: str) -> None:
        self.queue.put(story_id)

    def close(self) -> None:
        self.stopping.set()  # what is still queued is left to the views
        self.queue.put(None)
        self.thread.join(timeout=10)

    def _run(self) -> None:
        load_models(self.fact_settings)
        if self.stopping.is_set():
            return
        backlog = self._older_stories()
        for sid in self._several_article_stories(limit=PRECOMPUTE_NEWEST):
            self.queue.put(sid)
        while not self.stopping.is_set():
            try:
                sid = self.queue.get_nowait()
            except queue.Empty:
                sid = next(backlog, "")
                if sid == "":  # the walk is over: wait for uploads
                    sid = self.queue.get()
            if sid is None:
                return
            self._compare(sid)

    def _compare(self, sid: str) -> None:
        """One story's comparison in steps, the lock given back between them (module docstring):
        what is left to parse, its parse a few articles at a time (each kept in the store), then
        the comparison. A view of the story in between finds the parses made so far."""
        from storydiff.pipeline import chunks, compare_stored_story, parse_stored, stored_story_to_parse

        todo = self._step(lambda: stored_story_to_parse(self.store, sid, self.fact_settings))
        if todo is None or todo is _STOPPED_OR_FAILED:  # None: compared already
            return
        for part in chunks(todo, BACKGROUND_PARSE_STEP):
            if self._step(lambda part=part: parse_stored(self.store, part, entities=False)) is _STOPPED_OR_FAILED:
                return
        self._step(lambda: compare_stored_story(self.store, sid, self.fact_settings, with_analysis=False))

    def _step(self, work):
        """``work()`` under the lock, once no view waits; _STOPPED_OR_FAILED if stopping or it
        failed (a view of the story then computes it again and reports the failure)."""
        with self.lock.background(self.stopping) as held:
            if not held:
                return _STOPPED_OR_FAILED
            try:
                return work()
            except Exception:
                return _STOPPED_OR_FAILED

    def _several_article_stories(self, limit: int, offset: int = 0) -> list[str]:
        try:
            return [s.id for s in self.store.stories(limit=limit, offset=offset) if s.n_articles > 1]
        except SQLAlchemyError:
            return []

    def _older_stories(self) -> Iterator[str]:
        """Stories of several articles past the newest PRECOMPUTE_NEWEST, newest first, read once
        when the walk reaches them (a stored comparison makes each a lookup)."""
        with self.lock.background(self.stopping) as held:
            if not held:
                return
            try:
                ids = self.store.several_article_story_ids()
            except SQLAlchemyError:
                return
        yield from ids[PRECOMPUTE_NEWEST:]


def load_models(fact_settings: FactSettings | None) -> None:
    """What comparing a story loads on first use: spaCy (quote speakers) and, for --semantic,
    MiniLM. A failure here is reported by the comparison that needs the model."""
    from storydiff.analyze.nlp import get_nlp

    try:
        get_nlp()
        if fact_settings is not None and fact_settings.use_embeddings:
            from storydiff.embeddings import embed

            embed(["warm up"])
    except Exception:  # the view that needs the model reports the failure
        pass
