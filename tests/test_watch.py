"""`storydiff watch` as a user runs it, against a real HTTP server on loopback playing several
outlets (tests/outlets.py): what gets stored, what gets quarantined and why, and what the client
did to each site (the server's request log)."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.serve.cli import app

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from outlets import Outlets, Page, article_html, gzip_bomb, rss, sitemap

runner = CliRunner()
db_url, store = test_store.db_url, test_store.store  # the store fixtures: SQLite, and PostgreSQL when set
HARBOR, VEYRA, SLOW, LANTERN = "harbor-wire.test", "veyra-post.test", "slow-times.test", "lantern-herald.test"
DELAY = 0.3
FAST = ["--delay", str(DELAY), "--timeout", "0.5", "--recheck-after", "0"]

QUAKE = [
    "BEROVAC, Ostrania (Harbor Wire) — An earthquake of magnitude 6.1 killed 14 people in the mountain town "
    "of Berovac on Monday, the regional governor said.",
    "\"We are searching every house, and we will not stop tonight,\" governor Anton Brel told reporters "
    "outside the town hall.",
    "Rescue teams from the capital arrived in the evening with sniffer dogs and heavy lifting equipment, "
    "the civil protection agency said.",
    "\"The school held, and no children were hurt,\" Brel said of the primary school on Market Street.",
]
QUAKE_EDITED = [
    QUAKE[0].replace("killed 14 people", "killed 17 people"),
    QUAKE[1],
    QUAKE[2],
    "Aid convoys are expected on Tuesday, the agency added, as aftershocks continued overnight.",
]
FERRY = [
    "PORT VEYRA (Veyra Post) — A ferry carrying 212 passengers ran aground off Cape Lorn on Sunday night; "
    "all were brought ashore by lifeboats, the coastguard said.",
    "\"The captain did everything right,\" coastguard commander Ilse Marek said at a briefing on Monday.",
    "The operator, Northline Ferries, said the vessel would be towed to the Veyra shipyard for inspection.",
]
FLAKY = [
    "KAVREN (Harbor Wire) — Hundreds of dairy farmers drove tractors into Kavren on Tuesday to protest low milk "
    "prices, the Ostrel Farmers Union said.",
    "Union leader Mara Ilvik demanded a floor price of 42 cents a litre and said the protest would go on.",
]
SUMMARY_PAGE = [
    "VELMAR (Harbor Wire) — A container crane collapsed at the port of Velmar on Monday, injuring four "
    "dockworkers, harbour master Ilsa Brandt said.",
    "The Korvane Shipping crane folded onto a berth during unloading; the port stayed open, she said.",
]
LANTERN_PAGE = [
    "ZARLUM (Lantern Herald) — Pupils at Zarlum Primary returned to classrooms under a new roof on Tuesday, "
    "headteacher Oren Pasco said, after spring storms closed the building for 41 days.",
    "The council paid for the repairs from its emergency fund, a spokesman said.",
]


def page(title: str, paras: list[str], outlet: str, **kw) -> Page:
    return Page(article_html(title, paras, outlet=outlet, published="2024-03-11T10:00:00Z"), **kw)


def two_page_site(host: str, outlet: str) -> Outlets:
    """A started site at ``host`` allowing robots, with the quake and the ferry pages of ``outlet``
    (the sitemap and listing tests' site)."""
    o = Outlets()
    o.set(host, "/robots.txt", Page(b"User-agent: *\nAllow: /\n", content_type="text/plain"))
    o.set(host, "/a/quake", page("Quake kills 14 in Berovac", QUAKE, outlet))
    o.set(host, "/a/ferry", page("Ferry runs aground off Cape Lorn", FERRY, outlet))
    o.start()
    return o


def feed(items: list[tuple[str, str, str | None]], **kw) -> Page:
    return Page(rss("Harbor Wire - News", f"http://{HARBOR}/", [
        {"title": t, "link": f"http://{HARBOR}{path}", "summary": s, "published": "Mon, 11 Mar 2024 10:00:00 GMT"}
        for t, path, s in items
    ]), content_type="application/rss+xml; charset=utf-8", **kw)


HARBOR_ITEMS = [
    ("Quake kills 14 in Berovac", "/news/quake", "An earthquake killed 14 people in Berovac."),
    ("Port memo", "/private/memo", "The port authority memo says the Velmar harbour closes for two weeks of repairs "
                                   "from Monday, the authority said."),
    ("Gone", "/news/gone", None),
    ("Farmers protest", "/news/farmers", None),
    ("Crane collapses", "/news/crane", "Short teaser about a crane that differs from the page."),
]


@pytest.fixture
def web():
    o = Outlets()
    o.set(HARBOR, "/robots.txt", Page(b"User-agent: *\nDisallow: /private/\n", content_type="text/plain"))
    o.set(HARBOR, "/feed.xml", feed(HARBOR_ITEMS, etag='"feed-1"'))
    o.set(HARBOR, "/news/quake", page("Quake kills 14 in Berovac", QUAKE, "Harbor Wire", etag='"quake-1"'))
    o.set(HARBOR, "/news/farmers", page("Farmers protest milk prices", FLAKY, "Harbor Wire", fail_first=[500]))
    o.set(HARBOR, "/news/crane", page("Crane collapses in Velmar", SUMMARY_PAGE, "Harbor Wire"))
    o.set(HARBOR, "/private/memo", page("Memo", ["secret"], "Harbor Wire"))
    o.set(VEYRA, "/sitemap.xml", Page(sitemap([f"http://{VEYRA}/a/{p}" for p in ("ferry", "huge", "doc", "loop", "bomb")]),
                                      content_type="application/xml", last_modified=1_700_000_000))
    o.set(VEYRA, "/a/ferry", page("Ferry runs aground off Cape Lorn", FERRY, "Veyra Post", last_modified=1_700_000_000))
    o.set(VEYRA, "/a/huge", Page(chunked_bytes=30_000_000))
    o.set(VEYRA, "/a/doc", Page(b"%PDF-1.4 not a page", content_type="application/pdf"))
    o.set(VEYRA, "/a/loop", Page(status=302, headers={"Location": "/a/loop-2"}))
    o.set(VEYRA, "/a/loop-2", Page(status=301, headers={"Location": f"http://{VEYRA}/a/loop"}))
    o.set(VEYRA, "/a/bomb", Page(gzip_bomb(), headers={"Content-Encoding": "gzip"}))
    o.set(SLOW, "/feed.xml", Page(rss("Slow Times", f"http://{SLOW}/", [{"title": "Hangs", "link": f"http://{SLOW}/s/1"}]),
                                  content_type="application/rss+xml"))
    o.set(SLOW, "/s/1", Page(hang=True))
    o.set(LANTERN, "/story/roof", page("Zarlum school roof replaced", LANTERN_PAGE, "Lantern Herald"))
    o.start()
    yield o
    o.close()


SOURCES = [f"http://{HARBOR}/feed.xml", f"http://{VEYRA}/sitemap.xml", f"http://{SLOW}/feed.xml",
           f"http://{LANTERN}/story/roof"]


def watch(o: Outlets, db: str, *args: str, sources=SOURCES):
    return runner.invoke(app, ["watch", "--once", "--db", db, *FAST, *args, *sources, *o.resolve_args()],
                         catch_exceptions=False)


def rows(db: str, sql: str) -> list[tuple]:
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def articles(db: str) -> dict[str, dict]:
    return {json.loads(d)["url"]: json.loads(d) for (d,) in rows(db, "select data from articles")}


def errors(db: str) -> dict[str, str]:
    out = runner.invoke(app, ["errors", "--db", db, "--json"]).stdout
    return {e["source"]: e["reason"] for e in map(json.loads, out.splitlines())}


def test_a_round_stores_each_article_and_quarantines_each_failure_with_its_reason(web, tmp_path):
    db = str(tmp_path / "w.db")
    result = watch(web, db)
    assert result.exit_code == 0, result.stderr
    stored = articles(db)
    q, f, c = (f"http://{HARBOR}/news/{p}" for p in ("quake", "farmers", "crane"))
    ferry, roof, memo = f"http://{VEYRA}/a/ferry", f"http://{LANTERN}/story/roof", f"http://{HARBOR}/private/memo"
    assert set(stored) == {q, f, c, ferry, roof, memo}
    # the page behind each entry is what is stored, not the entry's summary
    assert "Korvane Shipping crane" in stored[c]["text"] and "teaser" not in stored[c]["text"]
    assert stored[c]["text_from"] is None and stored[q]["outlet"] == "Harbor Wire"
    # a page robots.txt forbids is never requested; its entry's summary stands in, marked as such
    assert web.hits(HARBOR, "/private/memo") == []
    assert stored[memo]["text_from"] == "feed summary" and "closes for two weeks" in stored[memo]["text"]
    # the 500 was retried once and the page stored
    assert [h.status for h in web.hits(HARBOR, "/news/farmers")] == [500, 200]
    why = errors(db)
    assert why[memo] == "disallowed by robots.txt"
    assert why[f"http://{HARBOR}/news/gone"] == "HTTP 404 Not Found"
    assert why[f"http://{VEYRA}/a/huge"] == "body over the 10 MB limit"
    assert why[f"http://{VEYRA}/a/doc"] == "not an HTML page (Content-Type: application/pdf)"
    assert why[f"http://{VEYRA}/a/loop"].startswith("redirect loop: ") and "/a/loop-2" in why[f"http://{VEYRA}/a/loop"]
    assert why[f"http://{VEYRA}/a/bomb"].startswith("decompresses to over 10 MB")
    assert why[f"http://{SLOW}/s/1"].startswith("timed out")
    assert f"http://{HARBOR}/news/farmers" not in why
    # the 30 MB page was cut off: the client hung up long before the server had sent it all
    (huge,) = web.hits(VEYRA, "/a/huge")
    assert not huge.complete and huge.sent < 30_000_000
    # every request says who is asking; robots.txt comes first on every host, read once
    assert all(h.headers["user-agent"].startswith("storydiff/") and "(+http" in h.headers["user-agent"] for h in web.log)
    for host in (HARBOR, VEYRA, SLOW, LANTERN):
        hits = sorted(web.hits(host), key=lambda h: h.start)
        assert hits[0].path == "/robots.txt" and sum(h.path == "/robots.txt" for h in hits) == 1
    # the hanging host held nobody else up: other hosts were served while it was waited for
    first_hang = min(web.hits(SLOW, "/s/1"), key=lambda h: h.start)
    assert any(first_hang.start < h.start < first_hang.start + 0.5 for h in web.log if h.host != SLOW)
    # the sources' state
    srcs = {s["url"]: s for s in map(json.loads, runner.invoke(app, ["sources", "--db", db, "--json"]).stdout.splitlines())}
    assert srcs[SOURCES[0]]["kind"] == "feed" and srcs[SOURCES[0]]["items_listed"] == 5
    assert srcs[SOURCES[0]]["articles_stored"] == 4 and srcs[SOURCES[0]]["last_new_item"]
    assert srcs[SOURCES[1]]["kind"] == "sitemap" and srcs[SOURCES[1]]["articles_stored"] == 1
    assert srcs[SOURCES[3]]["kind"] == "page" and srcs[SOURCES[3]]["failures"] == 0
    assert all(s["last_fetched"] for s in srcs.values())
    # and in the web app
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    client = TestClient(create_app(db))
    assert {s["url"]: s["articles_stored"] for s in client.get("/api/sources").json()} == {
        u: s["articles_stored"] for u, s in srcs.items()}
    page = client.get("/sources").text
    assert all(u in page for u in SOURCES) and "Watched sources" in page
    assert "disallowed by robots.txt" in client.get("/errors").text


def test_later_rounds_store_new_entries_once_and_an_edit_as_a_revision_with_its_diff(web, tmp_path):
    db = str(tmp_path / "w.db")
    assert watch(web, db).exit_code == 0
    first = articles(db)
    # the outlet adds an entry and quietly edits the quake report
    web.set(HARBOR, "/feed.xml", feed([*HARBOR_ITEMS, ("Aftershock", "/news/aftershock", None)], etag='"feed-2"'))
    web.set(HARBOR, "/news/aftershock", page("Aftershock rattles Berovac", [
        "BEROVAC (Harbor Wire) — A strong aftershock shook Berovac on Tuesday morning, cracking walls of houses "
        "already damaged by Monday's earthquake, the civil protection agency said.",
        "No new injuries were reported, the agency said."], "Harbor Wire"))
    web.set(HARBOR, "/news/quake", page("Quake kills 17 in Berovac", QUAKE_EDITED, "Harbor Wire", etag='"quake-2"'))
    mark = len(web.log)
    result = watch(web, db)
    assert result.exit_code == 0, result.stderr
    assert "stored 1 new article(s), 1 new revision(s)" in " ".join(result.stderr.split())
    second = articles(db)
    assert set(second) == set(first) | {f"http://{HARBOR}/news/aftershock"}
    assert len(rows(db, "select id from articles")) == len(second)  # one row per page
    quake = second[f"http://{HARBOR}/news/quake"]
    assert quake["id"] == first[f"http://{HARBOR}/news/quake"]["id"] and "killed 17 people" in quake["text"]
    # conditional requests: the validators of the first round went back, unchanged pages answered 304
    new = web.log[mark:]
    asked = {h.path: h for h in new if h.host == HARBOR}
    assert asked["/feed.xml"].headers["if-none-match"] == '"feed-1"' and asked["/feed.xml"].status == 200
    assert asked["/news/quake"].headers["if-none-match"] == '"quake-1"' and asked["/news/quake"].status == 200
    (ferry,) = [h for h in new if h.path == "/a/ferry"]
    assert "if-modified-since" in ferry.headers and ferry.status == 304
    assert [h.status for h in new if h.path == "/sitemap.xml"] == [304]
    # the revision and what changed, on the command line, in JSON and over the API
    (story,) = [s for s in map(json.loads, runner.invoke(app, ["stories", "--db", db, "--json"]).stdout.splitlines())
                if "Quake" in (s["title"] or "")]
    shown = json.loads(runner.invoke(app, ["show", story["id"], "--db", db, "--json"]).stdout)
    (diffs,) = shown["edits"].values()
    (d,) = diffs
    assert d["number"] == 2 and d["headline"] == {"before": "Quake kills 14 in Berovac", "after": "Quake kills 17 in Berovac"}
    assert {"before": "14", "after": "17"}.items() <= d["figures_changed"][0].items()
    assert any("school held" in q for q in d["quotes_removed"])
    assert any("Aid convoys" in p for p in d["paragraphs_added"])
    text = runner.invoke(app, ["show", story["id"], "--db", db]).stdout
    assert "Edited after publication" in text and "figure 14 → 17" in text
    srcs = {s["url"]: s for s in map(json.loads, runner.invoke(app, ["sources", "--db", db, "--json"]).stdout.splitlines())}
    assert srcs[SOURCES[0]]["revisions_stored"] == 1 and srcs[SOURCES[0]]["articles_stored"] == 5
    # a third round with nothing changed stores nothing and fetches no page body again
    mark = len(web.log)
    result = watch(web, db)
    assert "stored 0 new article(s), 0 new revision(s)" in " ".join(result.stderr.split())
    assert len(rows(db, "select id from articles")) == len(second)
    third = {(h.host, h.path): h.status for h in web.log[mark:]}
    assert third[(HARBOR, "/feed.xml")] == third[(HARBOR, "/news/quake")] == third[(VEYRA, "/a/ferry")] == 304
    assert third[(VEYRA, "/sitemap.xml")] == 304  # the 304 before repeated no validator: the old ones held
    # the outlet undoes its edit: the page is the first version again, and so is the stored article
    # (second QA pass: "1 already stored", the database kept showing the edit)
    web.set(HARBOR, "/news/quake", page("Quake kills 14 in Berovac", QUAKE, "Harbor Wire", etag='"quake-3"'))
    result = watch(web, db)
    assert "stored 0 new article(s), 1 new revision(s)" in " ".join(result.stderr.split())
    quake = articles(db)[f"http://{HARBOR}/news/quake"]
    assert "killed 17 people" not in quake["text"] and quake["title"] == "Quake kills 14 in Berovac"
    # (an export read again stays no revision outside watch: test_revisions' re-runs of either file)


def test_each_host_gets_one_request_at_a_time_with_the_delay_between(web, tmp_path):
    # Veyra's ferry page answers only once Harbor Wire has been asked something: one client doing
    # hosts one after another would wait it out (and time out); one going on in parallel does not
    web.set(VEYRA, "/a/ferry", page("Ferry runs aground off Cape Lorn", FERRY, "Veyra Post", wait_for_host=LANTERN))
    db = str(tmp_path / "w.db")
    assert watch(web, db).exit_code == 0
    assert f"http://{VEYRA}/a/ferry" in articles(db)
    for host in (HARBOR, VEYRA, SLOW, LANTERN):
        hits = sorted(web.hits(host), key=lambda h: h.start)
        for a, b in zip(hits, hits[1:]):
            if a.end is None:  # the hanging host never answers: the next try comes after the timeout
                assert host == SLOW and b.start >= a.start + 0.5 + DELAY * 0.9
                continue
            assert b.start >= a.end + DELAY * 0.9, (host, a.path, b.path)
    assert max(len({h.host for h in web.log if h.start <= t.start <= (h.end or t.start)}) for t in web.log) >= 2


def test_a_failure_that_outlasts_the_retries_is_quarantined_and_cleared_when_the_page_recovers(web, tmp_path):
    web.set(HARBOR, "/news/farmers", page("Farmers protest milk prices", FLAKY, "Harbor Wire", fail_first=[503] * 3))
    db = str(tmp_path / "w.db")
    sources = [f"http://{HARBOR}/feed.xml"]
    watch(web, db, sources=sources)
    assert errors(db)[f"http://{HARBOR}/news/farmers"] == "HTTP 503 (tried 3 times)"
    assert f"http://{HARBOR}/news/farmers" not in articles(db)
    watch(web, db, sources=sources)
    assert f"http://{HARBOR}/news/farmers" not in errors(db)
    assert f"http://{HARBOR}/news/farmers" in articles(db)


def test_a_source_that_fails_is_quarantined_and_its_state_counts_the_failures(web, tmp_path):
    web.set(VEYRA, "/sitemap.xml", Page(status=500))
    db = str(tmp_path / "w.db")
    for _ in range(2):
        result = watch(web, db, sources=[f"http://{VEYRA}/sitemap.xml"])
    assert result.exit_code == 1  # nothing at all could be read
    assert errors(db)[f"http://{VEYRA}/sitemap.xml"] == "HTTP 500 (tried 3 times)"
    (src,) = map(json.loads, runner.invoke(app, ["sources", "--db", db, "--json"]).stdout.splitlines())
    assert src["failures"] == 2 and src["last_status"] == "failed" and src["last_error"] == "HTTP 500 (tried 3 times)"


def test_sources_from_a_url_list_and_an_opml_export(web, tmp_path):
    listing = tmp_path / "follow.txt"
    # a comment after an address (README: "# comments") is no part of it (it fetched "...roof%20%20")
    listing.write_text(f"# my outlets\nhttp://{LANTERN}/story/roof  # the roof story\n\nhttp://{VEYRA}/sitemap.xml\n")
    opml = tmp_path / "feeds.opml"
    opml.write_text(f"<?xml version='1.0'?><opml version='2.0'><head><title>x</title></head><body>"
                    f"<outline text='news'><outline type='rss' text='Harbor' xmlUrl='http://{HARBOR}/feed.xml'/></outline>"
                    f"</body></opml>")
    db = str(tmp_path / "w.db")
    result = watch(web, db, sources=[str(listing), str(opml)])
    assert result.exit_code == 0, result.stderr
    stored = articles(db)
    assert {f"http://{LANTERN}/story/roof", f"http://{VEYRA}/a/ferry", f"http://{HARBOR}/news/quake"} <= set(stored)
    # a bad line is named and the list's other sources are still followed (second QA pass: one typo
    # stopped every feed); a list with nothing to follow stops with the reason
    bad = tmp_path / "bad.txt"
    bad.write_text(f"not a url\nftp://x.example/feed\nhttp://{LANTERN}/story/roof\n")
    result = watch(web, db, sources=[str(bad)])
    assert result.exit_code == 0, result.stderr
    assert "bad.txt:1: not an http(s) address" in result.stderr and "bad.txt:2:" in result.stderr
    nothing = tmp_path / "nothing.txt"
    nothing.write_text("not a url\n")
    result = runner.invoke(app, ["watch", "--once", "--db", db, str(nothing)])
    assert result.exit_code == 2 and "nothing.txt:1: not an http(s) address" in result.stderr


def _count(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(str(db))
    try:
        n, urls = con.execute("select count(*), count(distinct url_key) from articles").fetchone()
        return n, urls
    finally:
        con.close()


def _many_pages(o: Outlets, n: int) -> list[str]:
    feeds = []
    for k in range(4):
        host = f"outlet{k}.test"
        items = []
        for i in range(n // 4):
            path = f"/n/{i}"
            text = [f"TOWN{k}{i} (Outlet {k}) — The harbour of Town {k}-{i} reopened on day {i} after {i + 3} weeks of "
                    f"repairs costing {100 + i * 7} thousand crowns, mayor Elin Rask{k} said.",
                    f"Fishing boats {k}-{i} returned to the quay the same morning, harbour master Tove Brandt{i} said."]
            o.set(host, path, Page(article_html(f"Harbour {k}-{i} reopens", text, outlet=f"Outlet {k}",
                                                published="2024-03-11T10:00:00Z"), slow=0.05))
            items.append({"title": f"Harbour {k}-{i} reopens", "link": f"http://{host}{path}"})
        o.set(host, "/feed.xml", Page(rss(f"Outlet {k}", f"http://{host}/", items), content_type="application/rss+xml"))
        feeds.append(f"http://{host}/feed.xml")
    return feeds


def test_kill_9_mid_round_then_a_restart_loses_and_duplicates_nothing(tmp_path):
    o = Outlets()
    n = 48
    feeds = _many_pages(o, n)
    o.start()
    try:
        db = tmp_path / "kill.db"
        cmd = [sys.executable, "-m", "storydiff", "watch", "--once", "--db", str(db), "--delay", "0.05",
               "--timeout", "5", *feeds, *o.resolve_args()]
        env = {**os.environ, "PYTHONUNBUFFERED": "1"}
        proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline, killed = time.time() + 120, False
        while time.time() < deadline and proc.poll() is None:
            try:
                stored = _count(db)[0] if db.exists() else 0
            except sqlite3.Error:
                stored = 0
            if stored >= 1:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
            time.sleep(0.02)
        proc.wait()
        assert killed, "watch finished before it could be killed; give it more pages"
        mid = _count(db)[0]
        assert 1 <= mid < n
        rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert rerun.returncode == 0, rerun.stderr
        assert _count(db) == (n, n)  # every page once
        again = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
        assert "stored 0 new article(s), 0 new revision(s)" in " ".join(again.stderr.split())
        assert _count(db) == (n, n)
    finally:
        o.close()


def test_sigterm_stops_watch_cleanly(tmp_path):
    o = Outlets()
    feeds = _many_pages(o, 8)
    o.start()
    try:
        db = tmp_path / "term.db"
        cmd = [sys.executable, "-m", "storydiff", "watch", "--every", "1", "--db", str(db), "--delay", "0",
               *feeds, *o.resolve_args()]
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        deadline = time.time() + 120
        while time.time() < deadline and len(o.hits("outlet0.test", "/n/1")) < 2:  # into its second round
            time.sleep(0.05)
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=60)
        assert proc.returncode == 130, stderr
        assert "Traceback" not in stderr and "stopped" in stderr
        assert _count(db) == (8, 8)
    finally:
        o.close()


def test_watch_state_is_kept_on_both_backends(store):
    from storydiff.records import FetchedUrl
    from storydiff.store.base import SourceState

    store.save_source_states([SourceState(url="http://a.test/feed", kind="feed", items_listed=3, failures=1,
                                          last_error="HTTP 500")])
    store.save_source_states([SourceState(url="http://a.test/feed", kind="feed", items_listed=4, articles_stored=2)])
    (s,) = store.watch_sources()
    assert (s.items_listed, s.failures, s.last_error, s.articles_stored) == (4, 0, None, 2) and s.added_at
    store.save_fetched_urls([FetchedUrl("http://a.test/1", source_url="http://a.test/feed", etag='"x"',
                                        first_seen="2024-01-01T00:00:00+00:00", meta={"updated": "1"})])
    store.save_fetched_urls([FetchedUrl("http://a.test/1", etag='"y"', first_seen="2024-06-01T00:00:00+00:00")])
    got = store.fetched_urls(["http://a.test/1", "http://a.test/2"])
    assert list(got) == ["http://a.test/1"]
    assert (got["http://a.test/1"].etag, got["http://a.test/1"].first_seen) == ('"y"', "2024-01-01T00:00:00+00:00")



def _feed_with_a_gone_page(site: str, feed_title: str, outlet: str) -> Outlets:
    """A site's feed of two entries: a page its outlet names, and one whose page is gone (404), so
    that its summary is stored in its place."""
    o = Outlets()
    o.set(site, "/rss.xml", Page(rss(feed_title, f"http://{site}/", [
        {"title": "Quake kills 14 in Berovac", "link": f"http://{site}/quake", "published": "Mon, 11 Mar 2024 10:00:00 GMT"},
        {"title": "Gone", "link": f"http://{site}/gone", "published": "Mon, 11 Mar 2024 11:00:00 GMT",
         "summary": "An earthquake killed 14 people in the mountain town of Berovac on Monday, the regional "
                    "governor said, as rescue teams searched every house."},
    ]), content_type="application/rss+xml; charset=utf-8"))
    o.set(site, "/quake", page("Quake kills 14 in Berovac", QUAKE, outlet))
    return o


def test_a_feed_entry_stored_from_its_summary_is_under_the_outlet_its_pages_name(tmp_path):
    # QA round 15: the feed "Укрінформ — Новини", one page 404: its summary was stored under the feed's
    # title, beside the pages' "Укрінформ", and one outlet counted as two independent sources
    site = "ukrinform.test"
    o = _feed_with_a_gone_page(site, "Укрінформ — Новини", "Укрінформ")
    o.start()
    try:
        db = str(tmp_path / "u.db")
        result = watch(o, db, sources=[f"http://{site}/rss.xml"])
        assert result.exit_code == 0, result.stderr
        stored = articles(db)
    finally:
        o.close()
    assert stored[f"http://{site}/gone"]["text_from"] == "feed summary"
    assert {a["outlet"] for a in stored.values()} == {"Укрінформ"}


def test_a_feed_cut_off_mid_download_is_a_failed_source_with_its_reason(tmp_path):
    # QA pass 18: the feed's first 700 bytes (cut in its second item): `watch` said "ok", no error,
    # and the entries after the cut were missing unsaid; `ingest` of the file said it was cut off
    site = "pap.test"
    whole = rss("PAP", f"http://{site}/", [
        {"title": "Quake kills 14 in Berovac", "link": f"http://{site}/quake", "published": "Mon, 11 Mar 2024 10:00:00 GMT"},
        {"title": "Ferry aground", "link": f"http://{site}/ferry", "published": "Mon, 11 Mar 2024 11:00:00 GMT"},
        {"title": "Farmers protest", "link": f"http://{site}/farmers", "published": "Mon, 11 Mar 2024 12:00:00 GMT"},
    ])
    cut = whole[: whole.index(b"Ferry aground") + 20]
    o = Outlets()
    o.set(site, "/rss.xml", Page(cut, content_type="application/rss+xml; charset=utf-8", etag='"cut-1"'))
    # a feed whole but not well-formed XML (an HTML entity) is read and no failure
    o.set(site, "/loose.xml", Page(whole.replace(b"Quake kills", b"Quake&nbsp;kills").replace(b"/quake", b"/quake2"),
                                   content_type="application/rss+xml; charset=utf-8"))
    for path, title, paras in (("/quake", "Quake kills 14 in Berovac", QUAKE), ("/quake2", "Quake kills 17", QUAKE_EDITED),
                               ("/ferry", "Ferry aground", FERRY), ("/farmers", "Farmers protest", FLAKY)):
        o.set(site, path, page(title, paras, "PAP"))
    o.start()
    try:
        db = str(tmp_path / "p.db")
        sources = [f"http://{site}/rss.xml", f"http://{site}/loose.xml"]
        results = [watch(o, db, sources=sources) for _ in range(2)]  # a cut-off file is fetched whole again
        rss_hits = [h.status for h in o.hits(site, "/rss.xml")]
    finally:
        o.close()
    assert all(r.exit_code == 0 for r in results), results[0].stderr
    said = " ".join(results[0].stderr.split())
    assert "1 failed" in said and "cut off" in said, said
    why = errors(db)[sources[0]]
    assert "cut off" in why and "unclosed token" in why, why  # where the XML parser stopped
    srcs = {s["url"]: s for s in map(json.loads, runner.invoke(app, ["sources", "--db", db, "--json"]).stdout.splitlines())}
    assert srcs[sources[0]]["last_status"] == "failed" and "cut off" in srcs[sources[0]]["last_error"]
    assert srcs[sources[0]]["failures"] == 2 and rss_hits == [200, 200]
    assert srcs[sources[1]]["last_status"] == "ok" and sources[1] not in errors(db)
    # what came before the cut is still read: the quake page, kept as the first revision of its
    # article once /quake2 (its edit, the same outlet and time, a new slug) was read from the other feed
    read = {json.loads(d)["url"] for table in ("articles", "article_revisions") for (d,) in rows(db, f"select data from {table}")}
    assert f"http://{site}/quake" in read


def test_a_feed_entry_stored_from_its_summary_is_under_the_name_its_sites_pages_give(tmp_path):
    # QA pass 18: the feed "PAP - Kraj", one page 404: its summary was stored under the feed's title
    # beside the pages' "Polska Agencja Prasowa", and counted as a second independent source
    site = "pap.test"
    o = _feed_with_a_gone_page(site, "PAP - Kraj", "Polska Agencja Prasowa")
    # another feed whose every page is gone: its title, without the desk's name, names the outlet
    o.set("kurier.test", "/rss.xml", Page(rss("Kurier Kresowy - Region", "http://kurier.test/", [
        {"title": "Gone", "link": "http://kurier.test/gone", "published": "Mon, 11 Mar 2024 11:00:00 GMT",
         "summary": "A ferry ran aground off Cape Lorn on Sunday night; all 212 passengers were brought ashore."},
    ]), content_type="application/rss+xml; charset=utf-8"))
    o.start()
    try:
        db = str(tmp_path / "p.db")
        result = watch(o, db, sources=[f"http://{site}/rss.xml", "http://kurier.test/rss.xml"])
        assert result.exit_code == 0, result.stderr
        stored = articles(db)
    finally:
        o.close()
    assert stored[f"http://{site}/gone"]["text_from"] == "feed summary"
    assert stored[f"http://{site}/gone"]["outlet"] == stored[f"http://{site}/quake"]["outlet"] == "Polska Agencja Prasowa"
    assert stored["http://kurier.test/gone"]["outlet"] == "Kurier Kresowy"
