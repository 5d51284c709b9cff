"""A page its outlet takes down (QA pass 23b, 03): answering 410 after it left its feed, or 404
while still in it, the stored article keeps every revision and is shown taken down in show, the
web app, the API, `sources` and `errors`; a page that answers again is back. On SQLite and
PostgreSQL (STORYDIFF_TEST_PG_URL)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from outlets import Outlets, Page, article_html, rss

db_url = test_store.db_url
runner = CliRunner()
SITE = "odesa-port.test"
PORT = ["Уночі 7 грудня у порту внаслідок удару загинули двоє портовиків, ще семеро поранені, повідомив Олег Кіпер.",
        "Пожежу на складі площею тисяча двісті квадратних метрів рятувальники ліквідували до ранку, повідомили в ДСНС.",
        "Удар пошкодив два цивільні судна біля причалу, в порту працюють слідчі та вибухотехніки поліції."]
GRAIN = ["Зерновий коридор працює у звичному режимі попри нічну атаку на порт, повідомили в адміністрації порту.",
         "За добу з порту вийшли чотири судна з агропродукцією, ще шість очікують на завантаження на рейді.",
         "Капітани суден отримали нові інструкції щодо безпеки під час повітряної тривоги, сказав речник порту."]


def _feed(paths: list[str]) -> Page:
    items = [{"title": p, "link": f"http://{SITE}{p}", "published": "Mon, 07 Dec 2026 00:30:00 GMT"} for p in paths]
    return Page(rss("Odesa Port News", f"http://{SITE}/", items), content_type="application/rss+xml; charset=utf-8")


def _page(title: str, paras: list[str]) -> Page:
    return Page(article_html(title, paras, outlet="Odesa Port News", published="2026-12-07T00:30:00Z"))


def _watch(o: Outlets, db: str):
    result = runner.invoke(app, ["watch", "--once", "--db", db, "--delay", "0", "--timeout", "2", "--recheck-after", "0",
                                 f"http://{SITE}/rss.xml", *o.resolve_args()], catch_exceptions=False)
    return result


def test_a_page_taken_down_is_shown_taken_down_everywhere_and_back_when_it_answers(db_url):
    o = Outlets()
    o.set(SITE, "/rss.xml", _feed(["/news/port", "/news/grain"]))
    o.set(SITE, "/news/port", _page("Удар по порту: загинули двоє портовиків", PORT))
    o.set(SITE, "/news/grain", _page("Зерновий коридор працює", GRAIN))
    o.start()
    try:
        _watch(o, db_url)
        with open_store(db_url) as s:
            ids = {a.url.rsplit("/", 1)[-1]: a.id for a in s.articles()}
        # the outlet deletes one page (410) and drops it from its feed; the other answers 404 in its feed
        o.set(SITE, "/rss.xml", _feed(["/news/grain"]))
        o.set(SITE, "/news/port", Page(status=410))
        o.set(SITE, "/news/grain", Page(status=404))
        _watch(o, db_url)
        # the page no feed lists now was asked for again (it was only while listed)
        assert len(o.hits(SITE, "/news/port")) == 2

        with open_store(db_url) as s:
            gone = s.taken_down(list(ids.values()))
            assert {aid: g.status for aid, g in gone.items()} == {ids["port"]: 410, ids["grain"]: 404}
            assert len(s.articles()) == 2 and [r.number for r in s.revisions(ids["port"])] == [1]  # all kept
        errs = {e["source"]: e["reason"] for e in map(json.loads, runner.invoke(app, ["errors", "--db", db_url, "--json"])
                                                      .stdout.splitlines())}
        assert "taken down by the outlet" in errs[f"http://{SITE}/news/port"] and "HTTP 410" in errs[f"http://{SITE}/news/port"]
        (src,) = map(json.loads, runner.invoke(app, ["sources", "--db", db_url, "--json"]).stdout.splitlines())
        assert src["taken_down"] == 2

        from storydiff.serve.api import create_app

        with open_store(db_url) as s:
            story = s.story_of(ids["port"])
        with TestClient(create_app(db_url)) as client:
            assert client.get(f"/api/articles/{ids['port']}").json()["taken_down"]["status"] == 410
            assert client.get(f"/api/articles/{ids['port']}/revisions").json()["taken_down"]["status"] == 410
            page = client.get(f"/articles/{ids['port']}").text
            assert "taken down by the outlet: its page answers HTTP 410" in page
            assert "taken down by the outlet (HTTP 410" in client.get(f"/stories/{story}").text
        shown = runner.invoke(app, ["show", story, "--db", db_url], env={"COLUMNS": "200"}).stdout
        assert "taken down by the outlet (HTTP 410" in shown

        # a third round sees both gone again: counted once, the first time kept
        _watch(o, db_url)
        (src,) = map(json.loads, runner.invoke(app, ["sources", "--db", db_url, "--json"]).stdout.splitlines())
        assert src["taken_down"] == 2
        # the page answers again: back, not taken down
        o.set(SITE, "/news/grain", _page("Зерновий коридор працює", GRAIN))
        _watch(o, db_url)
        with open_store(db_url) as s:
            assert set(s.taken_down(list(ids.values()))) == {ids["port"]}
        # and its source counts it no more: taken_down is the pages taken down now (QA pass 26b:
        # TASS's "2 +2 -1" after its page came back)
        (src,) = map(json.loads, runner.invoke(app, ["sources", "--db", db_url, "--json"]).stdout.splitlines())
        assert src["taken_down"] == 1
    finally:
        o.close()


def test_taken_down_state_on_both_backends_and_an_old_store_upgraded(db_url):
    from sqlalchemy import text

    from storydiff.records import Article
    from storydiff.store.migrations import LATEST, migrate

    with open_store(db_url) as s:
        engine = s.engine
        a = Article(id="a1", source="http://x.test/p", url="http://x.test/p", outlet="X",
                    text="Уночі у порту внаслідок удару загинули двоє портовиків, повідомив Олег Кіпер.")
        assert s.add_article(a)
        assert s.mark_taken_down("http://x.test/p", 410, "2026-12-07T11:20:00+00:00") == ("a1", True)
        assert s.mark_taken_down("http://x.test/p", 404, "2026-12-07T11:40:00+00:00") == ("a1", False)
        assert s.mark_taken_down("http://x.test/other", 404, "2026-12-07T11:40:00+00:00") is None
        (g,) = s.taken_down(["a1", "nope"]).values()
        assert (g.status, g.at) == (410, "2026-12-07T11:20:00+00:00")
        assert s.clear_taken_down("http://x.test/p") == "a1" and s.taken_down(["a1"]) == {}
        s.mark_taken_down("http://x.test/p", 410, "2026-12-07T11:20:00+00:00")
    # a store of the version before: upgraded on open, its articles not taken down
    with engine.begin() as conn:
        for sql in ("ALTER TABLE articles DROP COLUMN taken_down_at", "ALTER TABLE articles DROP COLUMN taken_down_status",
                    "ALTER TABLE watch_sources DROP COLUMN taken_down"):
            conn.execute(text(sql))
        conn.execute(text("UPDATE schema_version SET version = 13"))
    assert migrate(engine) == LATEST
    with open_store(db_url) as s:
        assert s.taken_down(["a1"]) == {} and s.get_article("a1") is not None


def test_a_page_behind_a_redirect_is_marked_taken_down_and_back_under_its_final_url(db_url):
    """Review 23c, F2: a listed short link redirecting to the article's address stores the article
    under the final URL; when the listed address answers 410 (the outlet deleted it), that article
    is marked taken down, not only a fetch failure; when the page answers again it is back."""
    o = Outlets()
    o.set(SITE, "/rss.xml", _feed(["/news/port"]))
    o.set(SITE, "/news/port", Page(status=301, headers={"Location": f"http://{SITE}/2026/12/07/port"}))
    o.set(SITE, "/2026/12/07/port", _page("Удар по порту: загинули двоє портовиків", PORT))
    o.start()
    try:
        _watch(o, db_url)
        with open_store(db_url) as s:
            (art,) = s.articles()
            assert art.url == f"http://{SITE}/2026/12/07/port"
        o.set(SITE, "/news/port", Page(status=410))
        _watch(o, db_url)
        with open_store(db_url) as s:
            assert {aid: g.status for aid, g in s.taken_down([art.id]).items()} == {art.id: 410}
        o.set(SITE, "/news/port", Page(status=301, headers={"Location": f"http://{SITE}/2026/12/07/port"}))
        _watch(o, db_url)
        with open_store(db_url) as s:
            assert s.taken_down([art.id]) == {}
            assert len(s.articles()) == 1
    finally:
        o.close()
