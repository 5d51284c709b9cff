"""One article's address written with a trailing "/" or "www." is one address: the outlet's
correction read there is a revision, not a second article "contradicting" the first (QA pass
19a, 8); a database keyed before is re-keyed on upgrade, and two stored articles whose URLs now
read as one both stay. On SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.records import Article
from storydiff.serve.cli import app
from storydiff.store import open_store
from storydiff.store.codec import canonical_url

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

runner = CliRunner()


def test_urls_with_a_trailing_slash_or_www_are_one_address():
    base = canonical_url("https://suspilne.example/news/300-odesa-port")
    for other in ("https://suspilne.example/news/300-odesa-port/", "https://www.suspilne.example/news/300-odesa-port",
                  "http://www.suspilne.example/news/300-odesa-port/?utm_source=tg#comments"):
        assert canonical_url(other) == base, other
    # another path, another query, another subdomain: other addresses
    assert canonical_url("https://suspilne.example/news/301-odesa-port") != base
    assert canonical_url("https://suspilne.example/news?id=1") != canonical_url("https://suspilne.example/news?id=2")
    assert canonical_url("https://odesa.suspilne.example/news/300-odesa-port") != base
    assert canonical_url("https://x.example/a?b=2&a=1") == canonical_url("https://x.example/a?a=1&b=2")


def _suspilne(url: str, dead: str, injured: str, extra: str = "") -> dict:
    return {"url": url, "outlet": "Suspilne", "published": "2026-12-06T10:00:00+02:00",
            "title": f"Удар по порту Одеси: загинули {dead} людей",
            "text": f"Російська армія вдарила балістичною ракетою по порту Одеси 6 грудня. Загинули {dead} людей, "
                    f"ще {injured} поранені, повідомив голова ОВА Олег Кіпер.\nПошкоджено зерновий термінал і два "
                    "цивільні судна.\n\"Рятувальники працюють на місці удару\", - сказав Кіпер." + extra}


# the outlet's correction: two figures and a line added (under 0.8 of the first text's 3-grams, as
# QA's, so no moved-slug rule folds it: only the address does)
CORRECTED = ("четверо", "восьмеро", "\nОновлено: під завалами знайшли ще двох загиблих.")


def test_a_correction_at_the_url_with_a_slash_or_www_is_a_revision(db_url, tmp_path):
    url = "https://suspilne.example/news/300-odesa-port"
    ingest_said(db_url, write_jsonl(tmp_path, "v1.jsonl", _suspilne(url, "двоє", "п'ятеро")))
    said = ingest_said(db_url, write_jsonl(tmp_path, "v2.jsonl", _suspilne("https://www.suspilne.example/news/300-odesa-port/", *CORRECTED)))
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert "четверо" in a.text and len(s.revisions(a.id)) == 2


def test_the_upgrade_rekeys_stored_urls_and_keeps_two_articles_whose_urls_now_read_as_one(db_url):
    from sqlalchemy import text

    from storydiff.records import Article
    from storydiff.store.engine import make_engine

    with open_store(db_url) as s:
        s.add_article(Article(id="a", source="a.html", url="https://www.x.example/news/a/", title="A",
                              text="Перший текст про одне.", outlet="X"))
        s.add_article(Article(id="b", source="b.html", url="https://x.example/news/a", title="B",
                              text="Другий текст про інше.", outlet="X"), claim_url=False)
    engine = make_engine(db_url)
    with engine.begin() as conn:  # as version 9 keyed them: the URL as written, lower-cased host
        conn.execute(text("UPDATE articles SET url_key = :k WHERE id = 'a'"), {"k": "old-key-a"})
        conn.execute(text("UPDATE articles SET url_key = :k WHERE id = 'b'"), {"k": "old-key-b"})
        conn.execute(text("UPDATE schema_version SET version = 9"))
    engine.dispose()
    with open_store(db_url) as s:
        assert {a.id for a in s.articles()} == {"a", "b"}  # both kept
        assert s.article_by_url("https://x.example/news/a/").id == "a"  # the first stored holds the URL




# -- the query names the article (review 19b, 1): courlan's tracker list holds cid, source, ref... --

def test_query_keys_that_name_an_article_are_kept():
    for key in ("cid", "eid", "uid", "ref", "source", "session", "campaign", "medium", "keyword", "news_cid", "affair"):
        one, two = (canonical_url(f"https://news.example/article.php?{key}={n}") for n in (5001, 5002))
        assert one != two, key
    # what only says how a reader arrived still goes
    assert canonical_url("https://news.example/a.php?cid=1&utm_source=tg&fbclid=x") == \
        canonical_url("https://www.news.example/a.php/?cid=1")


def test_two_alerts_a_query_key_apart_stay_two_articles(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "a.jsonl", _alert("Харківській", "article.php?cid=5001")))
    said = ingest_said(db_url, write_jsonl(tmp_path, "b.jsonl", _alert("Сумській", "article.php?cid=5002&source=rss")))
    assert "stored 1 new article" in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 2
        assert "Сумській" in s.article_by_url("https://suspilne.example/news/article.php?source=rss&cid=5002").text


def test_the_upgrade_from_v10_rekeys_urls_whose_query_courlan_dropped(db_url):
    from sqlalchemy import text

    from storydiff.records import Article
    from storydiff.store.codec import key_hash
    from storydiff.store.engine import make_engine

    with open_store(db_url) as s:
        s.add_article(Article(id="a", source="a.html", url="https://x.example/article.php?cid=1", title="A",
                              text="Перший текст про одне.", outlet="X"))
        s.add_article(Article(id="b", source="b.html", url="https://x.example/article.php?cid=2", title="B",
                              text="Другий текст про інше.", outlet="X"))
    engine = make_engine(db_url)
    with engine.begin() as conn:  # as version 10 keyed them: courlan dropped "cid", so b got no key
        conn.execute(text("UPDATE articles SET url_key = :k WHERE id = 'a'"),
                     {"k": key_hash("https://x.example/article.php")})
        conn.execute(text("UPDATE articles SET url_key = NULL WHERE id = 'b'"))
        conn.execute(text("UPDATE schema_version SET version = 10"))
    engine.dispose()
    with open_store(db_url) as s:
        assert s.article_by_url("https://x.example/article.php?cid=1").id == "a"
        assert s.article_by_url("https://x.example/article.php?cid=2").id == "b"
        assert s.article_by_url("https://x.example/article.php") is None


# -- a slug changed with the headline (QA pass 19a, 8): no id, under 0.8 of the text shared --------

def test_a_correction_under_a_new_slug_is_a_revision_in_ingest_and_compare(db_url, tmp_path):
    v1 = write_jsonl(tmp_path, "v1.jsonl", _suspilne("https://suspilne.example/news/300-odesa-port", "двоє", "п'ятеро"))
    v2 = write_jsonl(tmp_path, "v2.jsonl", _suspilne("https://suspilne.example/news/300-odesa-port-zagynuly-chetvero",
                                                     *CORRECTED))
    ingest_said(db_url, v1)
    assert "1 new revision" in ingest_said(db_url, v2)
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert "четверо" in a.text and len(s.revisions(a.id)) == 2
    d = json.loads(runner.invoke(app, ["compare", str(v1), str(v2), "--workers", "0", "--json"]).stdout)
    assert len(d["articles"]) == 1, d["versions"]


def _alert(region: str, slug: str) -> dict:
    # an outlet's alerts of one template, published at one instant: one region's name apart
    return {"url": f"https://suspilne.example/news/{slug}", "outlet": "Suspilne", "published": "2026-12-06T03:00:00+02:00",
            "title": f"Повітряна тривога у {region} області",
            "text": f"У {region} області оголошено повітряну тривогу через загрозу застосування балістичного "
                    "озброєння. Прямуйте до найближчого укриття та не ігноруйте сигнали тривоги.\n"
                    "Слідкуйте за повідомленнями обласної військової адміністрації."}


def test_two_alerts_of_one_template_at_one_instant_stay_two(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "a.jsonl", _alert("Харківській", "alert-kharkiv")))
    said = ingest_said(db_url, write_jsonl(tmp_path, "b.jsonl", _alert("Сумській", "alert-sumy")))
    assert "stored 1 new article" in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 2


def test_two_reports_of_one_outlet_at_one_instant_sharing_a_headline_stay_two(db_url, tmp_path):
    # one headline's words, a third of the text: two articles, not one moved
    first = _suspilne("https://suspilne.example/news/300-odesa-port", "двоє", "п'ятеро")
    other = dict(first, url="https://suspilne.example/news/301-odesa-port-svidky",
                 text="Очевидці розповіли, що вибух пролунав близько шостої ранку. Російська армія вдарила "
                      "балістичною ракетою по порту Одеси 6 грудня. Мешканці сусідніх вулиць чули сирени, але "
                      "не встигли спуститися до укриття, а вікна в будинках повилітали.")
    ingest_said(db_url, write_jsonl(tmp_path, "a.jsonl", first))
    assert "stored 1 new article" in ingest_said(db_url, write_jsonl(tmp_path, "b.jsonl", other))


# -- the place as the headline's first word, or in a script without capitals (review 19b, 4) ---------

def _template_alert(place: str, slug: str, title: str) -> Article:
    # one outlet's alerts of one template at one instant: they share over 0.8 of the text
    return Article(id=slug, url=f"https://news.example/{slug}", outlet="News Example", source="x.jsonl",
                   published="2026-12-06T08:00:00+02:00", title=title,
                   text=f"{place} region came under a drone attack at night. Air defence shot down most of the "
                        "drones, the regional military administration said on Telegram. Debris fell on a private "
                        "house and a warehouse; firefighters put out the fire. Residents are asked to stay in "
                        "shelters until the all-clear.")


def test_alerts_naming_another_place_first_or_without_capitals_are_not_one_article_moved():
    from storydiff.compare.revisions import is_moved

    for (p, t), (q, u) in [
            (("Kharkiv", "Kharkiv: drone attack overnight, debris fell on houses"),
             ("Sumy", "Sumy: drone attack overnight, debris fell on houses")),
            (("Kharkiv", "Kharkiv drone attack overnight, debris fell on houses"),
             ("Sumy", "Sumy drone attack overnight, debris fell on houses")),
            (("Haifa", "هجوم بطائرات مسيرة على حيفا"), ("Akko", "هجوم بطائرات مسيرة على عكا"))]:
        assert not is_moved(_template_alert(p, "a-1", t), _template_alert(q, "a-2", u)), (t, u)
    # a respelt name, or a figure, in the first word is one article moved under a new slug
    for t, u in [("Zelenskiy: drone attack overnight on Kharkiv", "Zelensky: drone attack overnight on Kharkiv"),
                 ("Three drones hit Kharkiv overnight", "Four drones hit Kharkiv overnight"),
                 ("Kharkiv: drones hit houses overnight", "UPDATED: Kharkiv: drones hit houses overnight")]:
        assert is_moved(_template_alert("Kharkiv", "a-1", t), _template_alert("Kharkiv", "a-2", u)), (t, u)


def test_an_alert_naming_another_place_first_does_not_overwrite_the_stored_one(db_url, tmp_path):
    for i, place in enumerate(["Kharkiv", "Sumy"]):
        a = _template_alert(place, f"{place.lower()}-drones", f"{place}: drone attack overnight, debris fell on houses")
        said = ingest_said(db_url, write_jsonl(tmp_path, f"{i}.jsonl", {k: getattr(a, k) for k in
                                                                        ("url", "outlet", "published", "title", "text")}))
        assert "stored 1 new article" in said, said
    with open_store(db_url) as s:
        assert sorted(a.title.split(":")[0] for a in s.articles()) == ["Kharkiv", "Sumy"]
