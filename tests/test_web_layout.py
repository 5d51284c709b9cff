"""The web pages laid out in a real browser (headless Chromium, offline) at a desktop width and a
phone's: no page scrolls sideways, every visible table header stands over its own column, the API
docs render their operations from this server alone, and nothing the page loads is refused by its
content security policy. Screenshots of every page at both widths are kept in
$STORYDIFF_ARTIFACTS (default tests/artifacts/) for a person to look at."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from cdp import CHROMIUM, Browser, serving

if not CHROMIUM.exists():
    pytest.skip("needs Debian's chromium at /usr/bin/chromium", allow_module_level=True)
pytest.importorskip("uvicorn")
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.serve.api import create_app
from storydiff.serve.cli import app as cli_app

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storydiff" / "examples"
TOKEN = "layout-test"
WIDTHS = (1300, 390)
# a hostile or broken feed's strings: one unbroken run of characters can push a column wide
LONG_TOKEN = "Supercalifragilistic" * 8
LONG_ITEM = {
    "title": f"Harbour board votes {LONG_TOKEN} on the channel",
    "outlet": "The Very Long Name of a Regional Evening Newspaper",
    "url": f"https://news.example.com/{LONG_TOKEN}/harbour",
    "text": f"The harbour board voted on Tuesday to dredge the channel next spring. {LONG_TOKEN} "
            "Work will take six weeks, the board's chair, Mara Ilven, said.",
}

# Every table with a header: the header cells shown must be as many as each row's cells shown, and
# stand over them (left and right edges within a pixel).
MISALIGNED = """(() => {
  const shown = el => getComputedStyle(el).display !== 'none' && el.getClientRects().length > 0;
  const problems = [];
  for (const table of document.querySelectorAll('table')) {
    if (!table.tHead || !shown(table)) continue;
    const heads = [...table.tHead.rows[0].cells].filter(shown);
    for (const row of table.tBodies[0].rows) {
      const cells = [...row.cells].filter(shown);
      if (cells.length !== heads.length) {
        problems.push(`${table.className}: ${heads.length} headers over ${cells.length} cells`);
        continue;
      }
      cells.forEach((cell, i) => {
        const h = heads[i].getBoundingClientRect(), c = cell.getBoundingClientRect();
        if (Math.abs(h.left - c.left) > 1 || Math.abs(h.right - c.right) > 1)
          problems.push(`${table.className} column ${i + 1}: header ${h.left}-${h.right}, cell ${c.left}-${c.right}`);
      });
    }
  }
  return problems;
})()"""
# What sticks out past the window: the page's scroll width, and any element's right edge. The
# window is the layout viewport's width (clientWidth), not innerWidth: a phone's browser widens
# innerWidth to whatever the page overflows to (597 for a 390 window), so that would hide it.
OVERFLOW = """(() => {
  const innerWidth = document.documentElement.clientWidth;
  const out = [...document.querySelectorAll('body *')]
    .filter(el => el.getBoundingClientRect().right > innerWidth + 1)
    .map(el => el.tagName + '.' + el.className);
  return {scrollWidth: document.documentElement.scrollWidth, innerWidth, sticking_out: out.slice(0, 5)};
})()"""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """The bundled examples ingested (the Kallas pair, the two quakes), plus an item with an
    unbreakable 160-character word; served, with a browser to look at it."""
    db = str(tmp_path_factory.mktemp("layout") / "news.db")
    assert CliRunner().invoke(cli_app, ["ingest", str(EXAMPLES), "--db", db]).exit_code == 0
    app = create_app(db, token=TOKEN)
    with TestClient(app) as client:
        posted = client.post("/api/articles", json=[LONG_ITEM, {"title": "no body"}],
                             headers={"Authorization": f"Bearer {TOKEN}"}).json()
        stories = client.get("/api/stories").json()
    assert posted["stored"] == 1, posted
    kallas = next(s for s in stories if "UNN" in s["outlets"])["id"]
    quake = next(s for s in stories if "Daily Lantern" in s["outlets"])["id"]
    pages = {
        "index": "/",
        "story-kallas": f"/stories/{kallas}",
        "story-quake": f"/stories/{quake}",
        "article-long": f"/articles/{posted['items'][0]['article_id']}",
        "story-long": f"/stories/{posted['items'][0]['story_id']}",
        "errors": "/errors",
        "sources": "/sources",
        "search": "/search?q=earthquake",
        "search-quotes": "/search?q=rubble&speaker=Varnik",
    }
    with serving(app) as base:
        browser = Browser(tmp_path_factory.mktemp("chromium"))
        try:
            yield base, pages, browser
        finally:
            browser.close()


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("page", ["index", "story-kallas", "story-quake", "article-long", "story-long", "errors",
                                  "sources", "search", "search-quotes"])
def test_page_fits_the_window_and_headers_stand_over_their_columns(site, page, width):
    base, pages, browser = site
    browser.open(base + pages[page], width)
    shot = browser.screenshot(f"{page}-{width}")
    assert shot.stat().st_size > 5_000
    layout = browser.evaluate(OVERFLOW)
    assert layout["scrollWidth"] <= layout["innerWidth"], layout  # no sideways scroll
    assert layout["sticking_out"] == [], layout
    assert browser.evaluate(MISALIGNED) == []
    assert browser.console_errors() == []  # nothing refused by the CSP, nothing failed to load
    assert all(url.startswith(base) for url in browser.requested_urls())
    if page.startswith("story") and width < 700:  # narrow: the hidden columns' content moved
        assert browser.evaluate("getComputedStyle(document.querySelector('.articles .narrow')).display") == "block"
        assert browser.evaluate("getComputedStyle(document.querySelector('.articles th.wide')).display") == "none"


def test_the_story_page_shows_dates_counts_and_the_disagreement_summary(site):
    base, pages, browser = site
    browser.open(base + pages["story-quake"], 1300)
    text = browser.evaluate("document.body.innerText")
    assert "2024-03-11 08:40 UTC" in text and "3 articles" in text  # the Ukrainian report joined
    assert "FACTS FIRST HERE" in text  # the column's header (upper-cased by the stylesheet)...
    assert "facts first here: facts of this story that this article reported before any other" in text
    # the reprint ran later with a higher toll: the summary says so first
    assert "Where the reports disagree" in text and "numbers differ" in text
    browser.open(base + pages["story-kallas"], 1300)
    text = browser.evaluate("document.body.innerText")
    # "It is not how it works" / "It doesn't happen like that" keeps its negation: no false alarm
    assert "“not” changed" not in text and "UNN" in text
    assert "missing" not in text


@pytest.mark.parametrize("width", WIDTHS)
def test_api_docs_render_their_operations_offline(site, width):
    base, _, browser = site
    browser.open(base + "/docs", width)
    browser.wait_for("document.querySelectorAll('.opblock').length >= 6")
    paths = browser.evaluate("[...document.querySelectorAll('.opblock-summary-path')].map(e => e.dataset.path)")
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}", "/api/articles",
            "/api/errors", "/healthz"} <= set(paths)
    # each operation named by what it returns, not by its function ("Api Stories"), under one tag
    named = browser.evaluate("[...document.querySelectorAll('.opblock-summary-description')].map(e => e.textContent)")
    assert "Stories, most recently published first" in named and not any(n.startswith("Api ") for n in named), named
    assert browser.evaluate("[...document.querySelectorAll('.opblock-tag')].map(e => e.textContent.trim())") == ["storydiff"]
    browser.screenshot(f"docs-{width}")
    # everything came from this server (the browser's proxy for other hosts is a closed port)
    assert all(url.startswith(base) for url in browser.requested_urls())
    assert browser.console_errors() == []

