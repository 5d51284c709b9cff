"""``storydiff watch`` as a flow: fetch → ingest → extract → analyze → match → store, round
after round. The fetch stage (``storydiff.fetch``) runs on its own thread and event loop; what it
fetches goes through ``pipeline.ingest_stream``, the very path ``storydiff ingest`` takes, while
it goes on fetching. This module is the only one that joins the two to a store.

What a kill costs: a round writes the validators (ETag / Last-Modified) and the sources' state only
once all it fetched is stored; killed before that, the next round fetches everything again without
validators, and the store's "already stored" checks (same item, same URL and text) keep it from
storing anything twice.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from functools import partial

from storydiff.ingest.sanitize import clean_item
from storydiff.records import Article, Failure, FetchedUrl, RawItem
from storydiff.settings import FetchSettings, WatchSettings
from storydiff.store.base import SourceState

__all__ = ["RoundResult", "watch_round"]

QUEUE_ITEMS = 64  # fetched pages waiting for extraction (back-pressure on the fetcher) ...
QUEUE_BYTES = 256 * 1024 * 1024  # ... and the memory they may hold (review 23a, F4: 3.8 GB)


@dataclass
class RoundResult:
    stats: dict[str, int]  # ingest_stream's: stored, revised, skipped, failed, interrupted
    sources: list[SourceState] = field(default_factory=list)  # as this round left them
    fetched: int = 0  # pages and listings fetched (200 or 304)


def watch_round(
    store,
    sources: list[str],
    *,
    settings: FetchSettings | None = None,
    watch: WatchSettings | None = None,
    resolve: Mapping[str, str] | None = None,
    robots_cache: dict | None = None,
    stop: Callable[[], bool] | None = None,
    on_failure: Callable[[Failure], object] | None = None,
    progress: Callable[[int], None] | None = None,
) -> RoundResult:
    """One round over ``sources`` (feed, sitemap, OPML or page URLs) into ``store``."""
    from storydiff.analyze import analyze_articles
    from storydiff.fetch.round import (
        DONE,
        FINAL_URL,
        PAGE_SITE,
        SUMMARY_SUFFIX,
        EventQueue,
        Gone,
        Round,
        SourceReport,
        run_in_thread,
    )
    from storydiff.pipeline import ingest_stream

    stop = stop or (lambda: False)
    now = datetime.now(UTC)
    rnd = Round(sources, lookup=store.fetched_urls, listed_since=store.pages_listed_since,
                recorded_site_of_host=partial(store.page_meta_of_host, key=PAGE_SITE), now=now, settings=settings,
                watch=watch, resolve=resolve, robots_cache=robots_cache)
    events = EventQueue(QUEUE_ITEMS, QUEUE_BYTES)
    consumer_gone = threading.Event()
    fetcher = threading.Thread(target=run_in_thread, args=(rnd, events, lambda: stop() or consumer_gone.is_set()),
                               name="storydiff-fetch", daemon=True)
    records: list[FetchedUrl] = []
    reports: dict[str, SourceReport] = {}
    error: list[BaseException] = []
    source_of: dict[str, str] = {}  # page URL → the watched source that listed it
    credited: dict[str, dict[str, int]] = {}  # source URL → articles stored / revised from it

    def items():
        while True:
            ev = events.get()
            if isinstance(ev, tuple) and ev and ev[0] is DONE:
                if ev[1] is not None:
                    error.append(ev[1])
                return
            if isinstance(ev, FetchedUrl):
                records.append(ev)
                # fetched fine: an earlier fetch failure is history; why it could not be extracted
                # or stored is not (a 304 cleared that, review 22a, R6), until an article from it is stored
                store.clear_failure(ev.url, stages=("fetch",))
                back = [store.clear_taken_down(url) for url in {ev.url, ev.meta.get(FINAL_URL) or ev.url}]
                src = source_of.get(ev.url)
                if any(back) and src is not None:
                    # a page taken down that answers again is back: its source counts it no more
                    # (a source's taken_down counts its pages taken down now, as its articles show)
                    counts = credited.setdefault(src, {"stored": 0, "revised": 0})
                    counts["taken_down"] = counts.get("taken_down", 0) - 1
            elif isinstance(ev, Gone):
                # judged once all this round read is stored: a page renamed (a new slug) answers 404
                # at its old address while its new one, read in the same round, moves its article
                # there (QA pass 27b, 5: marked taken down, its old address re-read every round)
                gone.append(ev)
            elif isinstance(ev, SourceReport):  # comes before the pages it lists
                reports[ev.url] = ev
                for page in ev.pages:
                    source_of.setdefault(page, ev.url)
                if ev.ok:
                    store.clear_failure(ev.url, stages=("fetch",))
            elif isinstance(ev, RawItem):
                yield clean_item(ev)  # the sanitising boundary files and uploads go through
            elif isinstance(ev, Failure):
                latest_only(ev)
                yield ev

    failed_now: set[str] = set()  # URLs that failed to fetch this round

    def latest_only(f: Failure) -> None:
        """A URL that fails to fetch is quarantined once, for its latest reason: what it failed
        with in earlier rounds goes (QA pass 27b, 10: a redirect loop listed twice, each round's
        chain its own entry). A listing's several notes of one round all stay."""
        if f.stage == "fetch" and f.source not in failed_now:
            failed_now.add(f.source)
            store.clear_failure(f.source)

    not_stored: set[str] = set()  # pages whose item failed this round
    gone: list[Gone] = []  # pages read before that answer 404/410 this round
    moved: list[str] = []  # of those, the addresses no stored article is at: not checked again

    def taken_down(gone: Gone) -> Failure:
        """A page read before answering 404/410: its stored article marked taken down (kept, every
        revision), credited to its source, and quarantined saying so (QA pass 23b, 03: only
        "[fetch] HTTP 404", while show, the web app and the API showed the article as current)."""
        at = now.isoformat(timespec="seconds")
        # stored under the address it redirected to when read (review 23c, F2), else the listed one
        marked = (gone.final_url and store.mark_taken_down(gone.final_url, gone.status, at)) or store.mark_taken_down(
            gone.url, gone.status, at)
        if marked is None:
            if not gone.dropped:
                return Failure(gone.url, gone.reason, stage="fetch")
            # gone from its listing, and no stored article is at this address now: its article moved
            # to another (its new address read and stored), or none was stored from it; either way
            # nothing is left to re-check there
            moved.append(gone.url)
            return Failure(gone.url, f"{gone.reason}: no stored article is at this address now (moved to "
                                     "another, or none was stored from it): not checked again", stage="fetch")
        article_id, first_time = marked
        src = source_of.get(gone.url)
        if src is not None and first_time:
            counts = credited.setdefault(src, {"stored": 0, "revised": 0})
            counts["taken_down"] = counts.get("taken_down", 0) + 1
        return Failure(gone.url, f"{gone.reason}: taken down by the outlet; the stored article {article_id} is "
                                 "kept, shown as taken down", stage="fetch")

    def failed(f: Failure) -> None:
        if f.stage != "fetch":
            not_stored.add(f.source.removesuffix(SUMMARY_SUFFIX))
        if on_failure is not None:
            on_failure(f)

    def on_placed(article: Article, outcome: str) -> None:
        src = source_of.get(article.source.removesuffix(SUMMARY_SUFFIX))
        # read from a live page: not taken down, wherever its page was before (a page renamed
        # after its old address was seen gone in an earlier round; QA pass 27b, 5)
        live = outcome != "skipped" and not article.source.endswith(SUMMARY_SUFFIX) and article.url
        if live and store.clear_taken_down(article.url) is not None and src is not None:
            counts = credited.setdefault(src, {"stored": 0, "revised": 0})
            counts["taken_down"] = counts.get("taken_down", 0) - 1
        if src is not None and outcome != "skipped":
            counts = credited.setdefault(src, {"stored": 0, "revised": 0})
            counts[outcome] += 1

    fetcher.start()
    try:
        stats = ingest_stream(
            store,
            items(),
            analyze=partial(analyze_articles, deep=False),
            on_failure=failed,
            progress=progress,
            workers=0,  # pages arrive at network speed; extraction keeps up in this process
            current_sources=True,  # a page is what it says now: an undone edit is a revision again
            stop=stop,
            on_placed=on_placed,
            # a feed summary stands in for a page that failed, and that failure is quarantined: the
            # stand-in's own ("no article text left" of a 2-word summary) is not a second one (QA
            # pass 27b, 10)
            quarantines=lambda f: not f.source.endswith(SUMMARY_SUFFIX),
        )
    finally:
        consumer_gone.set()
        fetcher.join(timeout=30)
    if error:
        raise error[0]
    result = RoundResult(stats=stats, fetched=len(records))
    if stats.get("interrupted") or stop():
        return result  # nothing recorded: the next round fetches it all again, and stores no repeat
    for ev in gone:
        failure = taken_down(ev)
        stats["failed"] = stats.get("failed", 0) + 1
        latest_only(failure)
        store.add_failure(failure)
        failed(failure)
    store.forget_fetched_urls(moved)
    # no validators for a page whose item was not stored: the next round reads it whole (an
    # upgrade may extract it; a 304 would keep it unread while its ETag holds, review 22a, R6)
    store.save_fetched_urls([r for r in records if r.url not in not_stored])
    result.sources = _update_sources(store, reports, credited, now)
    return result


def _update_sources(store, reports, credited, now: datetime) -> list[SourceState]:
    when = now.isoformat(timespec="seconds")
    states = {s.url: s for s in store.watch_sources()}
    changed = []
    for url, rep in reports.items():
        s = states.get(url) or SourceState(url=url, added_at=when)
        s.last_fetched = when
        s.kind = rep.kind or s.kind
        if rep.ok:
            s.last_status, s.failures, s.last_error = rep.status, 0, None
            if rep.items_listed is not None:
                s.items_listed = rep.items_listed
        else:
            s.last_status, s.failures, s.last_error = "failed", s.failures + 1, rep.status
        counts = credited.get(url, {})
        s.articles_stored += counts.get("stored", 0)
        s.revisions_stored += counts.get("revised", 0)
        # an article counted the round it is first seen gone, uncounted the round its page answers
        # again (not below 0: another source may have been the one that counted it)
        s.taken_down = max(0, s.taken_down + counts.get("taken_down", 0))
        if counts.get("stored") or counts.get("revised"):
            s.last_new_item = when
        changed.append(s)
    store.save_source_states(changed)
    return changed
