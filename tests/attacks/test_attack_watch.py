"""Issue 22 through `storydiff watch`: the same hostile feed and page, fetched over HTTP from a
loopback server (tests/outlets.py), pass the same boundaries as files do: a reference to no
character does not crash feedparser, control characters and surrogates are cleaned on the way in."""

from __future__ import annotations

import json
import sqlite3
import sys
from pathlib import Path

import attack_inputs as inputs
import pytest
from attack_cli import cli, no_traceback

sys.path.insert(0, str(Path(__file__).parents[1]))
from outlets import Outlets, Page, article_html, rss  # tests/outlets.py

HOST = "hostile-gazette.test"


@pytest.fixture
def outlet():
    o = Outlets()
    o.set(HOST, "/robots.txt", Page(b"User-agent: *\n", content_type="text/plain"))
    entries = [{"title": f"Harbour &#xD800; news {n} &#x110000; &#12345678901234567890;",
                "link": f"http://{HOST}/news/{n}", "published": "Mon, 11 Mar 2024 10:00:00 GMT"} for n in (1, 2)]
    o.set(HOST, "/feed.xml", Page(rss("Hostile Gazette", f"http://{HOST}/", entries),
                                  content_type="application/rss+xml; charset=utf-8"))
    for n in (1, 2):
        paragraphs = [inputs.good_row(n)["text"], "Alarm &#x1;bells &#x1B;rang at the quay, the engineer said.",
                      "The title holds \x1b]52;c;cm0gLXJmIH4K\x07 a clipboard write, which is dropped."]
        o.set(HOST, f"/news/{n}", Page(article_html(f"Breakwater report {n}", paragraphs, outlet="Hostile Gazette",
                                                    published="2024-03-11T10:00:00Z")))
    o.start()
    yield o
    o.close()


def test_watch_reads_a_hostile_feed_and_its_pages_like_files(outlet, tmp_path):
    db = str(tmp_path / "watch.db")
    result = cli("watch", "--once", "--db", db, "--delay", "0.1", "--timeout", "2", f"http://{HOST}/feed.xml",
                 *outlet.resolve_args())
    assert no_traceback(result) and result.exit_code == 0, result.output
    with sqlite3.connect(db) as conn:
        stored = [json.loads(d) for (d,) in conn.execute("SELECT data FROM articles")]
    assert len(stored) == 2
    for a in stored:
        text = a["text"] + (a["title"] or "")
        text.encode("utf-8")  # no lone surrogate
        assert "\x1b" not in text and "\x07" not in text and "\x01" not in text
        assert "Alarm bells rang at the quay" in a["text"]
