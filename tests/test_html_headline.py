"""The headline and date an HTML page reports, on the default and the fast path."""

from __future__ import annotations

from pathlib import Path

import pytest

from storydiff.extract.html import extract_html
from storydiff.extract.metadata import headline

ARTICLE = (Path(__file__).parent / "fixtures" / "extract" / "article.html").read_text(encoding="utf-8")


def test_the_segments_the_h1_repeats():
    assert headline("Using the Fetch API - Web APIs | MDN", ["Using the Fetch API"]) == "Using the Fetch API"
    assert headline("News | Digital cameras: a 2024 status symbol?", ["Digital Cameras: a 2024 Status Symbol?"]) \
        == "Digital cameras: a 2024 status symbol?"


def test_a_segment_naming_the_site_is_dropped():
    assert headline("Best Cloud Stocks of 2025 | The Motley Fool", [], "The Motley Fool") == "Best Cloud Stocks of 2025"
    assert headline("Auth | Supabase Docs", [""], "Supabase") == "Auth"  # the site's name begins the segment
    assert headline("Render | The cloud for builders", [], None, "https://render.com/") == "The cloud for builders"
    # an h1 that is the site's logo is not the headline
    assert headline("Harbour bridge reopens - Coastal Gazette", ["Coastal Gazette"], "Coastal Gazette") \
        == "Harbour bridge reopens"


def test_a_title_without_site_or_h1_is_kept_whole():
    assert headline("Ukraine: talks resume in Geneva", ["Something else"], "Daily Planet") \
        == "Ukraine: talks resume in Geneva"
    assert headline("Harbour bridge reopens - and the ferries stop", [], "Coastal Gazette") \
        == "Harbour bridge reopens - and the ferries stop"
    assert headline(None) is None


SITE_IN_TITLE = (ARTICLE.replace("<title>Harbour bridge reopens after repairs - Coastal Gazette</title>",
                                 "<title>Harbour bridge reopens after repairs | Coastal Gazette | Local news</title>")
                 .replace('<meta property="og:site_name" content="Coastal Gazette">',
                          '<meta property="og:site_name" content="Coastal Gazette">\n'
                          '<meta property="og:title" content="Harbour bridge reopens after repairs | Coastal Gazette">'))


@pytest.mark.parametrize("fast", [False, True])
def test_the_page_reports_its_headline_without_the_site(fast):
    assert extract_html(SITE_IN_TITLE, "https://gazette.example/news/bridge", fast=fast).title \
        == "Harbour bridge reopens after repairs"


def test_fast_path_dates_a_page_without_a_date_tag():
    # no article:published_time: the fast path read tags only and gave no date
    page = (ARTICLE.replace('<meta property="article:published_time" content="2023-05-04T09:30:00Z">\n', "")
            .replace('<p class="byline">By Maria Jensen</p>', '<p class="byline">By Maria Jensen, May 4, 2023</p>'))
    assert extract_html(page, fast=True).published == extract_html(page).published == "2023-05-04"


def test_fast_path_reads_site_and_url_as_the_default_path_does():
    page = ARTICLE.replace('<meta property="og:site_name" content="Coastal Gazette">',
                           '<meta property="og:url" content="https://gazette.example/news/bridge">')
    fast, default = extract_html(page, fast=True), extract_html(page)
    assert fast.url == default.url == "https://gazette.example/news/bridge"  # the fast path read <link> only
    assert fast.site_name == default.site_name


def test_a_page_read_in_one_pass_for_its_size_reads_its_tags_only(monkeypatch):
    # over one_pass_markup_bytes the JSON-LD reader and htmldate's search can take seconds: not run
    import dataclasses

    from storydiff.extract import html

    def must_not_run(*args, **kwargs):
        raise AssertionError("page_info / find_published on a page read in one pass")

    monkeypatch.setattr(html, "SETTINGS", dataclasses.replace(html.SETTINGS, one_pass_markup_bytes=100))
    monkeypatch.setattr(html, "page_info", must_not_run)
    monkeypatch.setattr(html, "find_published", must_not_run)
    page = SITE_IN_TITLE.replace('<meta name="author" content="Maria Jensen">',
                                 '<meta name="author" content="Maria Jensen, Ole Berg">')
    result = extract_html(page, "https://gazette.example/news/bridge")
    assert result.title == "Harbour bridge reopens after repairs"
    assert result.authors == ["Maria Jensen", "Ole Berg"]
    assert result.published == "2023-05-04T09:30:00+00:00"


def _live_blog(json_ld: dict, tags: str = "") -> str:
    import json

    body = "".join(f"<p>The storm reached the coast early on day {n}, and officials said several towns lost power "
                   "for hours.</p>" for n in range(8))
    return (f'<html><head><title>Storm hits the coast: live | Daily</title>{tags}<script type="application/ld+json">'
            f"{json.dumps(json_ld)}</script></head><body><h1>Storm hits the coast: live</h1><article>{body}</article>"
            "</body></html>")


@pytest.mark.parametrize("fast", [False, True])
def test_a_live_blog_is_titled_by_its_own_headline_not_its_first_update(fast):
    updates = [{"@type": "BlogPosting", "headline": "Update 0", "articleBody": "Winds rose."},
               {"@type": "BlogPosting", "headline": "Update 1", "articleBody": "Power cut."}]
    posting = {"@type": "LiveBlogPosting", "headline": "Storm hits the coast: live", "liveBlogUpdate": updates}
    assert extract_html(_live_blog({"@context": "https://schema.org", **posting}), fast=fast).title \
        == "Storm hits the coast: live"
    graph = {"@context": "https://schema.org", "@graph": [{"@type": "WebPage", "name": "Daily"}, posting]}
    assert extract_html(_live_blog(graph), fast=fast).title == "Storm hits the coast: live"
    # a title the page's tags give stays: the posting's headline is often the blog's evergreen name
    og_title = '<meta property="og:title" content="Storm: towns without power">'
    assert extract_html(_live_blog({"@context": "https://schema.org", **posting}, og_title), fast=fast).title \
        == "Storm: towns without power"


def test_a_closing_guillemet_ends_the_title_and_separates_nothing():
    # QA pass 18: "«Либідська»" lost its "»", read as a separator without spaces around it
    for given in ("У Києві закрили станцію метро «Либідська»", "Зеленський: «Ми не віддамо Донбас»"):
        page = (f'<html><head><meta charset="utf-8"><title>{given} | Kyiv Daily</title></head><body><article>'
                f"<h1>{given}</h1><p>Компанія повідомила про зміни у вівторок, сказав речник компанії Олег Гончар "
                "журналістам у Києві.</p><p>Ціни зростуть на 12 відсотків з 1 грудня, додав він.</p></article></body></html>")
        assert extract_html(page).title == given
    assert headline("Metro station closed » Kyiv News", [], "Kyiv News") == "Metro station closed"
