"""`storydiff watch` keeping what it could not store in view (review 22a, R6, R7) and a wire's update
at a new slug (QA pass 22a, 01), against a real HTTP server on loopback (tests/outlets.py). On
SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from outlets import Outlets, Page, article_html, rss

runner = CliRunner()
db_url = test_store.db_url  # SQLite, and PostgreSQL when set
H = "harbor-wire.test"
QUAKE = ["An earthquake of magnitude 6.1 killed 14 people in the mountain town of Berovac on Monday, "
         "the regional governor said.",
         "\"We are searching every house, and we will not stop tonight,\" governor Anton Brel told reporters.",
         "Rescue teams from the capital arrived in the evening with sniffer dogs and heavy lifting equipment.",
         "\"The school held, and no children were hurt,\" Brel said of the primary school on Market Street."]


def listing(*items: tuple[str, str]) -> Page:
    return Page(rss("Harbor Wire", f"http://{H}/", [
        {"title": t, "link": f"http://{H}{path}", "published": "Mon, 11 Mar 2024 10:00:00 GMT"} for t, path in items]),
        content_type="application/rss+xml; charset=utf-8")


def watch(o: Outlets, db: str):
    result = runner.invoke(app, ["watch", "--once", "--db", db, "--delay", "0.1", "--timeout", "2",
                                 "--recheck-after", "0", f"http://{H}/feed.xml", *o.resolve_args()])
    assert result.exit_code == 0, result.output
    return result


def failures(db: str) -> dict[str, str]:
    with open_store(db) as s:
        return {f.source: f.reason for f in s.failures()}


@pytest.fixture
def web():
    o = Outlets()
    yield o
    o.close()


def test_a_page_that_could_not_be_extracted_stays_quarantined_after_a_304(db_url, web):
    """review 22a, R6: the page's ETag was saved although nothing was stored, and the next round's
    304 cleared its entry: the page was never read again and `errors` forgot it."""
    gallery = f"http://{H}/news/gallery"
    web.set(H, "/feed.xml", listing(("Quake kills 14", "/news/quake"), ("Gallery", "/news/gallery")))
    web.set(H, "/news/quake", Page(article_html("Quake kills 14", QUAKE, outlet="Harbor Wire",
                                                published="2024-03-11T10:00:00Z"), etag='"q1"'))
    web.set(H, "/news/gallery", Page(b"<html><head><title>Gallery</title></head><body><div id=app></div>"
                                     b"<script>load()</script></body></html>", etag='"g1"'))
    web.start()
    watch(web, db_url)
    assert gallery in failures(db_url)
    watch(web, db_url)
    assert gallery in failures(db_url)  # still listed
    # fetched whole again (no validators saved for it), while the stored page is asked conditionally
    assert [h.status for h in web.hits(H, "/news/gallery")] == [200, 200]
    assert [h.status for h in web.hits(H, "/news/quake")] == [200, 304]
    # once the page can be read, it is stored and its entry leaves
    web.set(H, "/news/gallery", Page(article_html("Gallery: the quake", QUAKE[:3], outlet="Harbor Wire",
                                                  published="2024-03-11T11:00:00Z"), etag='"g2"'))
    watch(web, db_url)
    assert gallery not in failures(db_url)


def wire_page(title: str, paragraphs: list[str], *, published: str, modified: str, byline: str) -> Page:
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return Page((
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{title} | Harbor Wire</title><meta property='og:site_name' content='Harbor Wire'>"
        f"<meta property='og:title' content='{title}'><meta name='author' content='{byline}'>"
        f"<meta property='article:published_time' content='{published}'>"
        f"<meta property='article:modified_time' content='{modified}'></head><body>"
        f"<article><h1>{title}</h1>{body}</article></body></html>").encode())


FIRST = ["BEROVAC, March 11 (Harbor Wire) - An earthquake killed two people in the mountain town of Berovac "
         "overnight, the regional governor said on Monday.",
         "Governor Anton Brel said a five-storey school building on Market Street was partly destroyed.",
         "\"Rescuers are working at the scene,\" Brel told reporters.",
         "(Reporting by Ilse Marek; Editing by Oren Pasco)"]
UPDATE = ["BEROVAC, March 11 (Harbor Wire) - A magnitude 6.1 earthquake and its aftershocks killed at least four "
          "people in Berovac overnight and injured more than 20, officials said on Monday, the worst quake in decades.",
          "The seismology institute said the main shock struck at a depth of 10 km and was followed by 14 aftershocks.",
          "Governor Anton Brel said a five-storey school building on Market Street was partly destroyed and fires "
          "broke out in two other districts.",
          "\"Rescuers are still pulling people from the rubble. The number of victims may rise,\" Brel told reporters.",
          "About 30,000 households were left without power, the energy ministry said.",
          "(Reporting by Ilse Marek and Anton Lorn; Editing by Oren Pasco)"]


def test_a_wire_update_at_a_new_slug_is_a_revision_dated_by_its_page(db_url, web):
    """QA pass 22a, 01: the feed keeps the entry's guid and dates it by the update (07:42); the
    update's page moves to a new slug with its headline and keeps article:published_time 05:10 and
    the byline. It was a second article of the outlet, dated 07:42, the stale toll live beside it."""
    first_url, update_url = "/world/quake-kills-two-berovac", "/world/quake-aftershocks-kills-least-four-berovac"
    byline = "Ilse Marek"

    def feed(title: str, path: str, when: str) -> Page:
        return Page(rss("Harbor Wire World", f"http://{H}/", [
            {"title": title, "link": f"http://{H}{path}", "published": when, "guid": "hw-berovac-quake-20240311"}]),
            content_type="application/rss+xml; charset=utf-8")

    t1, t2 = "Quake kills two in Berovac", "UPDATE 2-Quake kills at least four in Berovac, injures more than 20"
    web.set(H, "/feed.xml", feed(t1, first_url, "Mon, 11 Mar 2024 05:10:00 +0000"))
    web.set(H, first_url, wire_page(t1, FIRST, published="2024-03-11T05:10:00Z", modified="2024-03-11T05:10:00Z",
                                    byline=byline))
    web.start()
    watch(web, db_url)
    web.set(H, "/feed.xml", feed(t2, update_url, "Mon, 11 Mar 2024 07:42:00 +0000"))
    web.set(H, update_url, wire_page(t2, UPDATE, published="2024-03-11T05:10:00Z", modified="2024-03-11T07:42:00Z",
                                     byline=byline))
    watch(web, db_url)
    with open_store(db_url) as s:
        (a,) = s.articles()
        # the wire's "UPDATE 2-" slug is no part of the headline (QA pass 22a, 09)
        assert a.title == t2.removeprefix("UPDATE 2-") and a.published.startswith("2024-03-11T05:10"), (a.title, a.published)
        assert len(s.revisions(a.id)) == 2
        assert s.article_by_url(f"http://{H}{update_url}").id == a.id


def test_two_articles_of_one_byline_and_time_with_other_headlines_stay_two(db_url, web):
    """What the update rule must not join: the same desk's two reports published at one time."""
    byline = "Ilse Marek"
    web.set(H, "/feed.xml", listing(("Quake kills two in Berovac", "/world/quake"), ("Ferry runs aground", "/world/ferry")))
    web.set(H, "/world/quake", wire_page("Quake kills two in Berovac", FIRST, published="2024-03-11T05:10:00Z",
                                         modified="2024-03-11T05:10:00Z", byline=byline))
    ferry = ["PORT VEYRA, March 11 (Harbor Wire) - A ferry carrying 212 passengers ran aground off Cape Lorn "
             "overnight; all were brought ashore, the coastguard said on Monday.",
             "(Reporting by Ilse Marek; Editing by Oren Pasco)"]
    web.set(H, "/world/ferry", wire_page("Ferry runs aground off Cape Lorn", ferry, published="2024-03-11T05:10:00Z",
                                         modified="2024-03-11T05:10:00Z", byline=byline))
    web.start()
    watch(web, db_url)
    with open_store(db_url) as s:
        assert len(s.articles()) == 2


@pytest.mark.parametrize("title, lines", [
    ("Page not found", ["Sorry, the page you are looking for could not be found. It may have been moved or removed.",
                        "Go to the Harbor Wire home page, or use the search to find the article."]),
    ("Сторінку не знайдено", ["На жаль, сторінку, яку ви шукаєте, не знайдено або її було видалено.",
                              "Перейдіть на головну сторінку або скористайтеся пошуком."]),
])
def test_a_soft_404_at_a_stored_articles_address_takes_nothing(db_url, web, title, lines):
    """review 22a, R7: an error page served with HTTP 200 at a watched article's URL was stored as
    an article of its own that took the URL for good."""
    web.set(H, "/feed.xml", listing(("Quake kills 14", "/news/quake")))
    real = Page(article_html("Quake kills 14", QUAKE, outlet="Harbor Wire", published="2024-03-11T10:00:00Z"))
    web.set(H, "/news/quake", real)
    web.start()
    watch(web, db_url)
    web.set(H, "/news/quake", Page(article_html(title, lines, outlet="Harbor Wire", published="2024-03-12T08:00:00Z")))
    watch(web, db_url)
    with open_store(db_url) as s:
        assert [a.title for a in s.articles()] == ["Quake kills 14"]
        assert s.article_by_url(f"http://{H}/news/quake").title == "Quake kills 14"
    assert "error page" in failures(db_url)[f"http://{H}/news/quake"]


def test_an_article_redirected_to_the_home_page_is_no_item(db_url, web):
    """review 22a, R7: the home page an article's URL redirects to was stored as an article."""
    web.set(H, "/feed.xml", listing(("Quake kills 14", "/news/quake")))
    web.set(H, "/news/quake", Page(status=301, headers={"Location": f"http://{H}/"}))
    web.set(H, "/", Page(article_html("Harbor Wire: latest news", QUAKE, outlet="Harbor Wire",
                                      published="2024-03-12T08:00:00Z")))
    web.start()
    watch(web, db_url)
    with open_store(db_url) as s:
        assert s.articles() == []
    assert "home page" in failures(db_url)[f"http://{H}/news/quake"]
