"""`storydiff watch` of sitemap indexes as large sites publish them (QA round 14): an index that
answers 304 while a sitemap it names changed, indexes of indexes, gzipped sitemaps. A real HTTP
server on loopback (tests/outlets.py) plays the site; its request log says what was asked."""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from outlets import Page, sitemap
from test_watch import articles, errors, two_page_site, watch

SITE = "odesa-port.test"


def index(urls: list[str]) -> bytes:
    locs = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return (f"<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"{locs}</sitemapindex>").encode()


def url(path: str) -> str:
    return f"http://{SITE}{path}"


@pytest.fixture
def site():
    o = two_page_site(SITE, "Port News")
    yield o
    o.close()


def test_an_index_that_answers_304_still_has_its_sitemaps_checked_by_their_own_validators(site, tmp_path):
    db = str(tmp_path / "w.db")
    site.set(SITE, "/index.xml", Page(index([url("/news.xml")]), content_type="application/xml",
                                      last_modified=1_700_000_000))
    site.set(SITE, "/news.xml", Page(sitemap([url("/a/quake")]), content_type="application/xml", etag='"n1"'))
    assert watch(site, db, sources=[url("/index.xml")]).exit_code == 0
    assert set(articles(db)) == {url("/a/quake")}
    # the index is unchanged; its news sitemap gains a page
    site.set(SITE, "/news.xml", Page(sitemap([url("/a/quake"), url("/a/ferry")]), content_type="application/xml",
                                     etag='"n2"'))
    mark = len(site.log)
    result = watch(site, db, sources=[url("/index.xml")])
    assert result.exit_code == 0, result.stderr
    asked = {h.path: h for h in site.log[mark:]}
    assert asked["/index.xml"].status == 304
    assert asked["/news.xml"].headers.get("if-none-match") == '"n1"' and asked["/news.xml"].status == 200
    assert set(articles(db)) == {url("/a/quake"), url("/a/ferry")}
    # a third round: both answer 304, nothing is lost or stored twice
    mark = len(site.log)
    assert watch(site, db, sources=[url("/index.xml")]).exit_code == 0
    asked = {h.path: h.status for h in site.log[mark:]}
    assert asked["/index.xml"] == asked["/news.xml"] == 304
    assert len(articles(db)) == 2


def test_an_index_of_indexes_is_followed_and_one_nested_past_the_limit_is_named(site, tmp_path):
    db = str(tmp_path / "w.db")
    site.set(SITE, "/root.xml", Page(index([url("/sub.xml")]), content_type="application/xml"))
    site.set(SITE, "/sub.xml", Page(index([url("/news.xml")]), content_type="application/xml"))
    site.set(SITE, "/news.xml", Page(sitemap([url("/a/quake")]), content_type="application/xml"))
    result = watch(site, db, sources=[url("/root.xml")])
    assert result.exit_code == 0, result.stderr
    assert set(articles(db)) == {url("/a/quake")} and errors(db) == {}
    # one level deeper than the limit (2): the sitemap not followed is named, with what listed it
    db = str(tmp_path / "deep.db")
    site.set(SITE, "/top.xml", Page(index([url("/root.xml")]), content_type="application/xml"))
    result = watch(site, db, sources=[url("/top.xml")])
    assert result.exit_code == 0, result.stderr
    assert articles(db) == {}
    assert errors(db) == {url("/news.xml"): f"listed by {url('/sub.xml')}, 3 levels below the watched source "
                                            "(the limit is 2): not followed"}


@pytest.mark.parametrize("content_type", ["application/gzip", "application/x-gzip", "application/octet-stream"])
def test_a_gzipped_sitemap_is_read_given_directly_and_through_an_index(site, tmp_path, content_type):
    db = str(tmp_path / "w.db")
    site.set(SITE, "/news.xml.gz", Page(gzip.compress(sitemap([url("/a/quake")])), content_type=content_type))
    site.set(SITE, "/index.xml", Page(index([url("/news2.xml.gz")]), content_type="application/xml"))
    site.set(SITE, "/news2.xml.gz", Page(gzip.compress(sitemap([url("/a/ferry")])), content_type=content_type))
    result = watch(site, db, sources=[url("/news.xml.gz"), url("/index.xml")])
    assert result.exit_code == 0, result.stderr
    assert set(articles(db)) == {url("/a/quake"), url("/a/ferry")} and errors(db) == {}


def test_a_gzipped_sitemap_that_inflates_past_the_body_limit_is_a_named_failure(site, tmp_path):
    from outlets import gzip_bomb

    db = str(tmp_path / "w.db")
    site.set(SITE, "/bomb.xml.gz", Page(gzip_bomb(), content_type="application/gzip"))
    site.set(SITE, "/index.xml", Page(index([url("/bomb.xml.gz"), url("/news.xml")]), content_type="application/xml"))
    site.set(SITE, "/news.xml", Page(sitemap([url("/a/quake")]), content_type="application/xml"))
    result = watch(site, db, sources=[url("/index.xml")])
    assert result.exit_code == 0, result.stderr
    assert set(articles(db)) == {url("/a/quake")}  # the rest of the index goes on
    assert errors(db)[url("/bomb.xml.gz")].startswith("decompresses to over 10 MB")


def test_listings_past_a_listings_or_a_rounds_limit_are_named_not_dropped(site, tmp_path, monkeypatch):
    # a review of round 14: children past max_child_listings went without a word, and nested indexes
    # could ask for 50 x 50 sitemaps a source a round
    from storydiff.serve import cli_watch
    from storydiff.settings import WatchSettings

    monkeypatch.setattr(cli_watch, "WatchSettings", lambda: WatchSettings(max_child_listings=2, max_listings_per_round=3))
    site.set(SITE, "/index.xml", Page(index([url(f"/news{i}.xml") for i in range(4)]), content_type="application/xml"))
    for i in range(4):
        site.set(SITE, f"/news{i}.xml", Page(sitemap([url("/a/quake")]), content_type="application/xml"))
    db = str(tmp_path / "w.db")
    assert watch(site, db, sources=[url("/index.xml")]).exit_code == 0
    found = errors(db)
    assert "the first 2 are read" in found[url("/index.xml")] and "2 not" in found[url("/index.xml")]
    assert set(articles(db)) == {url("/a/quake")}
    # two sources of two sitemaps each: the round's fourth listing is over its limit of three
    site.set(SITE, "/index2.xml", Page(index([url("/news2.xml"), url("/news3.xml")]), content_type="application/xml"))
    site.set(SITE, "/index1.xml", Page(index([url("/news0.xml"), url("/news1.xml")]), content_type="application/xml"))
    db = str(tmp_path / "w2.db")
    assert watch(site, db, sources=[url("/index1.xml"), url("/index2.xml")]).exit_code == 0
    over = [u for u, why in errors(db).items() if "listings one round reads" in why]
    assert len(over) >= 1
