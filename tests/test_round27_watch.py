"""QA pass 27b (a Dnipro desk's `watch` on a team database): a slug change is a move, not a take
down (27b-5); one quarantine entry per item (27b-10); links no web page named (27b-11); one
outlet per host (27b-12). Real loopback HTTP servers, real SQLite files and PostgreSQL
(STORYDIFF_TEST_PG_URL)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from outlets import Outlets, Page, rss

db_url = test_store.db_url
runner = CliRunner()
SITE = "gorod-dp.test"
PARAS = ["Уночі 4 грудня ворог атакував Дніпро дронами, повідомив голова ОВА Сергій Лисак.",
         "Пошкоджено дев'ятиповерховий будинок у Шевченківському районі, вибито вікна у сусідніх будинках.",
         "На місці працюють рятувальники, медики та комунальні служби, мешканцям надають допомогу.",
         "Міський голова Борис Філатов повідомив, що у місті розгорнуто пункт незламності."]


def _page(path: str, title: str, modified: str, paras: list[str], *, site_name: str | None = "Gorod.dp.ua") -> Page:
    body = "".join(f"<p>{p}</p>" for p in paras)
    site = f"<meta property='og:site_name' content='{site_name}'>" if site_name else ""
    return Page(("<!doctype html><html lang='uk'><head><meta charset='utf-8'>"
                 f"<title>{title}</title><link rel='canonical' href='http://{SITE}{path}'>"
                 f"<meta property='og:title' content='{title}'>{site}"
                 "<meta property='article:published_time' content='2026-12-04T06:30:00+02:00'>"
                 f"<meta property='article:modified_time' content='{modified}'></head><body>"
                 f"<nav><a href='/'>Головна</a> <a href='/news'>Новини</a></nav><article><h1>{title}</h1>{body}"
                 "</article><footer>© 2026 Gorod.dp.ua. Усі права захищено.</footer></body></html>").encode())


def _feed(items: list[tuple[str, str]]) -> Page:
    rows = [{"title": t, "link": f"http://{SITE}{p}", "published": "Fri, 04 Dec 2026 04:30:00 GMT"} for p, t in items]
    return Page(rss("Gorod.dp.ua", f"http://{SITE}/", rows), content_type="application/rss+xml; charset=utf-8")


def _watch(o: Outlets, db: str, feed: str = "/rss2.xml"):
    return runner.invoke(app, ["watch", "--once", "--db", db, "--delay", "0", "--timeout", "2", "--recheck-after", "0",
                               f"http://{SITE}{feed}", *o.resolve_args()], catch_exceptions=False)


def _errors(db: str) -> list[dict]:
    return [json.loads(x) for x in runner.invoke(app, ["errors", "--db", db, "--json"]).stdout.splitlines()]


def test_a_slug_change_moves_the_article_and_is_no_take_down(db_url):
    old, new = "/news/troje-poranenyh.html", "/news/zahynula-zhinka.html"
    o = Outlets()
    o.set(SITE, "/rss2.xml", _feed([(old, "Атака на Дніпро: троє поранених")]))
    o.set(SITE, old, _page(old, "Атака на Дніпро: троє поранених", "2026-12-04T06:30:00+02:00",
                           PARAS[:1] + ["Троє людей дістали поранення."] + PARAS[1:]))
    o.start()
    try:
        _watch(o, db_url)
        # the outlet renames the page: the old address answers 404, the feed lists the new one
        o.set(SITE, "/rss2.xml", _feed([(new, "Атака на Дніпро: загинула жінка, дев'ятеро поранених")]))
        o.set(SITE, old, Page(status=404))
        o.set(SITE, new, _page(new, "Атака на Дніпро: загинула жінка, дев'ятеро поранених", "2026-12-04T15:40:00+02:00",
                               PARAS[:1] + ["Одна людина загинула, ще дев'ятеро дістали поранення."] + PARAS[1:]))
        _watch(o, db_url)
        with open_store(db_url) as s:
            (art,) = s.articles()
            assert art.url == f"http://{SITE}{new}" and [r.number for r in s.revisions(art.id)] == [1, 2]
            assert s.taken_down([art.id]) == {}  # moved, not taken down
        (src,) = map(json.loads, runner.invoke(app, ["sources", "--db", db_url, "--json"]).stdout.splitlines())
        assert src["taken_down"] == 0
        asked = len(o.hits(SITE, old))
        _watch(o, db_url)
        _watch(o, db_url)
        assert len(o.hits(SITE, old)) == asked  # the old address is not read again as if current
        said = [e["reason"] for e in _errors(db_url) if e["source"] == f"http://{SITE}{old}"]
        assert len(said) <= 1 and not any("taken down" in r for r in said)
        with open_store(db_url) as s:
            assert s.taken_down([art.id]) == {}
    finally:
        o.close()


def test_one_quarantine_entry_per_item_its_latest_reason(db_url):
    o = Outlets()
    hops = {"n": 0}

    def looping() -> Page:  # a loop through another hop each time it is asked (its chain differs a round)
        hops["n"] += 1
        return Page(status=302, headers={"Location": f"http://{SITE}/loop{hops['n'] % 2}"})

    o.set(SITE, "/loop.xml", looping)
    o.set(SITE, "/loop0", Page(status=302, headers={"Location": f"http://{SITE}/loop.xml"}))
    o.set(SITE, "/loop1", Page(status=302, headers={"Location": f"http://{SITE}/loop.xml"}))
    o.set(SITE, "/rss2.xml", Page(rss("Gorod.dp.ua", f"http://{SITE}/", [
        {"title": "Великий", "link": f"http://{SITE}/big.html", "summary": "Великий матеріал",
         "published": "Fri, 04 Dec 2026 15:00:00 GMT"}]), content_type="application/rss+xml; charset=utf-8"))
    o.set(SITE, "/big.html", Page(status=500))
    o.start()
    try:
        for _ in range(2):
            _watch(o, db_url, "/loop.xml")
        loop = [e["reason"] for e in _errors(db_url) if e["source"] == f"http://{SITE}/loop.xml"]
        assert len(loop) == 1 and "redirect loop" in loop[0], loop
        # a page that cannot be read: its fetch failure only, not its 2-word summary's too
        _watch(o, db_url)
        errs = _errors(db_url)
        assert [e["source"] for e in errs if "big.html" in e["source"]] == [f"http://{SITE}/big.html"], errs
    finally:
        o.close()


def test_links_to_no_web_page_are_skipped_and_named(db_url):
    o = Outlets()
    good = "/news/ataka.html"
    o.set(SITE, "/rss2.xml", Page(rss("Gorod.dp.ua", f"http://{SITE}/", [
        {"title": "Атака", "link": f"http://{SITE}{good}", "published": "Fri, 04 Dec 2026 04:30:00 GMT"},
        {"title": "passwd", "link": "file:///etc/passwd"},
        {"title": "js", "link": "javascript:alert(document.cookie)"},
        {"title": "ftp", "link": f"ftp://{SITE}/archive/ataka.txt"},
    ]), content_type="application/rss+xml; charset=utf-8"))
    o.set(SITE, good, _page(good, "Атака на Дніпро: троє поранених", "2026-12-04T06:30:00+02:00", PARAS))
    o.start()
    try:
        result = _watch(o, db_url)
        with open_store(db_url) as s:
            assert [a.url for a in s.articles()] == [f"http://{SITE}{good}"]
        said = [e["reason"] for e in _errors(db_url) if e["source"] == f"http://{SITE}/rss2.xml"]
        for scheme, link in (("file", "file://"), ("javascript", "javascript:alert"), ("ftp", f"ftp://{SITE}/archive")):
            assert any(f"({scheme}:)" in r and link in r and "not followed" in r for r in said), said
        assert "javascript:alert" in result.stderr  # said as the round runs too
    finally:
        o.close()


def test_a_page_naming_no_site_is_of_its_hosts_outlet(db_url):
    o = Outlets()
    named, bare, later = "/news/ataka.html", "/news/old-1251.php", "/news/old-1252.php"
    o.set(SITE, "/rss2.xml", _feed([(named, "Атака")]))
    o.set(SITE, named, _page(named, "Атака на Дніпро: троє поранених", "2026-12-04T06:30:00+02:00", PARAS))
    o.set(SITE, bare, _page(bare, "Рятувальники завершили роботи", "2026-12-04T08:30:00+02:00", [
        "Рятувальники ДСНС завершили розбір завалів у дев'ятиповерховому будинку в Шевченківському районі, "
        "повідомив Сергій Лисак.", "Загинула одна жінка, ще дев'ятеро людей поранені, четверо залишаються в лікарні."],
        site_name=None))
    o.set(SITE, later, _page(later, "Пункт незламності працює цілодобово", "2026-12-04T09:30:00+02:00", [
        "Пункт незламності біля зруйнованого будинку на Шевченківському районі працює цілодобово, "
        "повідомив міський голова Борис Філатов.", "Мешканцям видають воду, їжу та плівку для вікон."],
        site_name=None))
    o.start()
    try:
        # a page whose <head> names no site, watched beside its host's feed: read before the feed's page
        runner.invoke(app, ["watch", "--once", "--db", db_url, "--delay", "0", "--timeout", "2", f"http://{SITE}{bare}",
                            f"http://{SITE}/rss2.xml", *o.resolve_args()], catch_exceptions=False)
        # another, alone in a later round
        runner.invoke(app, ["watch", "--once", "--db", db_url, "--delay", "0", "--timeout", "2", f"http://{SITE}{later}",
                            *o.resolve_args()], catch_exceptions=False)
        with open_store(db_url) as s:
            assert {a.url.rsplit("/", 1)[-1]: a.outlet for a in s.articles()} == {
                "ataka.html": "Gorod.dp.ua", "old-1251.php": "Gorod.dp.ua", "old-1252.php": "Gorod.dp.ua"}
    finally:
        o.close()


def test_an_article_seen_gone_then_read_at_its_new_address_is_back(db_url):
    """The old address answers 404 a round before the feed lists the new one: taken down then,
    back (and uncounted) once its page is read at the new address."""
    old, new = "/news/troje-poranenyh.html", "/news/zahynula-zhinka.html"
    o = Outlets()
    o.set(SITE, "/rss2.xml", _feed([(old, "Атака на Дніпро: троє поранених")]))
    o.set(SITE, old, _page(old, "Атака на Дніпро: троє поранених", "2026-12-04T06:30:00+02:00",
                           PARAS[:1] + ["Троє людей дістали поранення."] + PARAS[1:]))
    o.start()
    try:
        _watch(o, db_url)
        o.set(SITE, old, Page(status=404))
        _watch(o, db_url)
        with open_store(db_url) as s:
            (art,) = s.articles()
            assert set(s.taken_down([art.id])) == {art.id}
        o.set(SITE, "/rss2.xml", _feed([(new, "Атака на Дніпро: загинула жінка, дев'ятеро поранених")]))
        o.set(SITE, new, _page(new, "Атака на Дніпро: загинула жінка, дев'ятеро поранених", "2026-12-04T15:40:00+02:00",
                               PARAS[:1] + ["Одна людина загинула, ще дев'ятеро дістали поранення."] + PARAS[1:]))
        _watch(o, db_url)
        with open_store(db_url) as s:
            (moved,) = s.articles()
            assert moved.id == art.id and moved.url == f"http://{SITE}{new}"
            assert s.taken_down([art.id]) == {}
        (src,) = map(json.loads, runner.invoke(app, ["sources", "--db", db_url, "--json"]).stdout.splitlines())
        assert src["taken_down"] == 0
    finally:
        o.close()
