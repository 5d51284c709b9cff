"""``storydiff watch`` and ``storydiff sources``: follow feeds, news sitemaps and pages over
HTTP, round after round, into the database (registered on the CLI by ``cli.py``)."""

from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict, replace
from typing import Annotated

import typer
from rich.table import Table
from rich.text import Text

from storydiff.serve.cli import (
    DbOpt,
    JsonOpt,
    _store,
    err,
    out,
    progress_bar,
    report_failure,
    stop_requests,
)
from storydiff.serve.cli_zone import AssumeTzOpt
from storydiff.serve.tty import safe
from storydiff.settings import FetchSettings, WatchSettings


def _sources(given: list[str]) -> list[str]:
    """Each SOURCE as URLs: a URL itself, a file's URLs (one a line, or an OPML export's feeds)."""
    from storydiff.fetch.sources import read_source_file, web_url

    urls: list[str] = []
    for s in given:
        if s.startswith(("http://", "https://")):
            u = web_url(s)
            if u is None:
                raise ValueError(f"not a web address: {s}")
            urls.append(u)
        elif os.path.isfile(s):
            bad: list[str] = []
            found = read_source_file(s, bad)
            for reason in bad:  # one typo in a list of a hundred feeds stops none of the others
                err.print(f"error: {reason}", style="red", soft_wrap=True, markup=False)
            if not found:
                raise ValueError(f"{s}: lists no feed, sitemap or page URL")
            urls.extend(found)
        else:
            raise ValueError(f"{s}: neither an http(s) URL nor a file listing them")
    return list(dict.fromkeys(urls))


def _resolve(pairs: list[str]) -> dict[str, str]:
    out_: dict[str, str] = {}
    for p in pairs:
        host, sep, rest = p.partition(":")
        port, sep2, addr = rest.partition(":")
        if not (sep and sep2 and host and port.isdigit() and addr):
            raise ValueError(f"--resolve {p!r}: give HOST:PORT:ADDRESS[:PORT]")
        out_[f"{host}:{port}"] = addr if addr.rpartition(":")[2].isdigit() and ":" in addr else f"{addr}:{port}"
    return out_


def watch(
    sources: Annotated[list[str], typer.Argument(help="feed, news sitemap or page URLs; or files listing them (one a line, or an OPML export)")],
    every: Annotated[float, typer.Option("--every", min=1, help="seconds between rounds")] = WatchSettings.every,
    once: Annotated[bool, typer.Option("--once", help="one round, then exit (for cron)")] = False,
    delay: Annotated[float, typer.Option("--delay", min=0, help="least seconds between two requests to one host (robots.txt's Crawl-delay wins when longer)")] = FetchSettings.delay,
    per_host: Annotated[int, typer.Option("--per-host", min=1, help="requests to one host at once")] = FetchSettings.per_host,
    timeout: Annotated[float, typer.Option("--timeout", min=0.01, help="seconds to wait for a server's next bytes (a whole request: 3x this)")] = FetchSettings.read_timeout,
    recheck_after: Annotated[float, typer.Option("--recheck-after", min=0, help="seconds before a page seen in the last 48 h is checked again for edits")] = WatchSettings.recheck_after,
    resolve: Annotated[list[str], typer.Option("--resolve", help="HOST:PORT:ADDRESS: connect there for HOST (a staging server; curl's --resolve)")] = [],  # noqa: B006 - Typer reads the default
    db: DbOpt = None,
    assume_tz: AssumeTzOpt = None,
) -> None:
    """Follow feeds, news sitemaps and pages: each round fetches what changed (robots.txt obeyed, conditional requests, one request at a time per host), stores new articles and new revisions of edited ones, and quarantines what could not be fetched (storydiff errors)."""
    from storydiff.watcher import watch_round

    try:
        urls = _sources(sources)
        mapping = _resolve(resolve)
    except (ValueError, OSError) as e:
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(2) from None
    fetch_settings = replace(FetchSettings(), delay=delay, per_host=per_host, read_timeout=timeout,
                             connect_timeout=min(FetchSettings.connect_timeout, timeout), total_timeout=3 * timeout)
    watch_settings = replace(WatchSettings(), every=every, recheck_after=recheck_after)
    store = _store(db)
    robots_cache: dict = {}
    rounds, any_read = 0, False
    err.print(f"watching {len(urls)} source(s){'' if once else f', every {every:g} s'} (Ctrl-C stops)")
    try:
        with stop_requests("storing the articles already fetched") as stop:
            while True:
                rounds += 1
                started = time.monotonic()
                with progress_bar(f"round {rounds}") as tick:
                    result = watch_round(store, urls, settings=fetch_settings, watch=watch_settings, resolve=mapping,
                                         robots_cache=robots_cache, stop=stop, on_failure=_report_failure, progress=tick)
                st = result.stats
                any_read = any_read or result.fetched > 0
                err.print(f"round {rounds}: fetched {result.fetched}; stored {st['stored']} new article(s), "
                          f"{st['revised']} new revision(s); {st['skipped']} already stored; {st['failed']} failed")
                if once or stop():
                    break
                while not stop() and time.monotonic() - started < every:
                    time.sleep(0.2)
                if stop():
                    break
    finally:
        store.close()
    if stop():
        err.print("stopped: what was fetched is stored; the next run picks up from there", style="yellow")
        raise typer.Exit(130)
    if once and not any_read:
        raise typer.Exit(1)  # nothing at all could be fetched: a script must not read it as done


def _report_failure(f) -> None:
    """A failure as the watch prints it: a source URL's password masked (review 23a, F9)."""
    from storydiff.fetch.sources import without_passwords

    report_failure(replace(f, source=without_passwords(f.source), reason=without_passwords(f.reason)))


def _minute(when: str | None) -> str:
    """A stored UTC time to the minute: '03-11 10:05'."""
    return when[5:16].replace("T", " ") if when else "—"


def sources(db: DbOpt = None, json_: JsonOpt = False) -> None:
    """The sources `storydiff watch` follows: last fetched, status, last new item, failures."""
    from storydiff.fetch.sources import without_passwords

    store = _store(db, create=False)
    try:
        rows = [replace(s, url=without_passwords(s.url), last_error=without_passwords(s.last_error))
                for s in store.watch_sources()]
    finally:
        store.close()
    if json_:
        for s in rows:
            sys.stdout.write(json.dumps(asdict(s), ensure_ascii=False) + "\n")
        return
    if not rows:  # not an empty table under its legend: what to do, as the web page says
        err.print("no sources followed yet: start with storydiff watch FEED_URL... (feeds, news sitemaps, pages, "
                  "a file listing them, or an OPML export)", soft_wrap=True)
        return
    t = Table(show_edge=False, caption="fetched: last fetched · new: when an article or revision from it was last stored (UTC) · "
                      "stored: articles (+revisions) (-taken down by the outlet now) · fails: failed rounds in a row",
              caption_justify="left")
    t.add_column("source", overflow="fold", min_width=16)
    t.add_column("fetched")
    t.add_column("status", overflow="fold")
    t.add_column("new")
    t.add_column("stored", justify="right", no_wrap=True)
    t.add_column("fails", justify="right")
    for s in rows:
        status = s.last_status or "—"
        if s.failures and s.last_error:
            status = f"{status}: {s.last_error}"
        stored = (f"{s.articles_stored}" + (f" +{s.revisions_stored}" if s.revisions_stored else "")
                  + (f" -{s.taken_down}" if s.taken_down else ""))
        t.add_row(Text(safe(s.url, one_line=True)) + Text(f" ({safe(s.kind, one_line=True)})" if s.kind else "", style="dim"),
                  _minute(s.last_fetched), Text(safe(status, one_line=True), style="red" if s.failures else ""),
                  _minute(s.last_new_item), stored, str(s.failures))
    out.print(t)
    err.print(f"{len(rows)} source(s)")
