"""QA pass 23b (a night editor in Odesa watching stealth edits): zone-less modified times, softened
quotes, backdated publication times, figure summaries, counters that are no edit, and pages the
outlet took down. Small invented pages, ingested as watch ingests them."""

from __future__ import annotations

import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.compare.revisions import diff_revisions, edit_history
from storydiff.dates import ASSUME_TZ_ENV, parse_iso_utc
from storydiff.records import Article
from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when STORYDIFF_TEST_PG_URL is set

URL = "https://usi.test/news/udar-po-portu/"


def page(*, published: str, modified: str | None = None, body: str, title: str = "Удар по Одеському порту") -> str:
    meta = f'<meta property="article:published_time" content="{published}">'
    if modified:
        meta += f'<meta property="article:modified_time" content="{modified}">'
    paras = "".join(f"<p>{p}</p>" for p in body.split("\n"))
    return (f'<html lang="uk"><head><title>{title}</title><link rel="canonical" href="{URL}">'
            f'<meta property="og:site_name" content="Усі новини Одеси">{meta}</head>'
            f"<body><article><h1>{title}</h1>{paras}</article></body></html>")


BODY = ("Унаслідок нічного удару по Одеському порту загинули двоє людей, семеро дістали поранення, повідомили в ОВА.\n"
        "Рятувальники ліквідували пожежу на складі площею тисяча двісті квадратних метрів до ранку.\n"
        "Пошкоджено два цивільні судна, які стояли біля причалу під час атаки безпілотників.")


def ingest(tmp_path, name: str, html: str, db: str, *extra: str):
    f = tmp_path / name
    f.write_text(html, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(f), "--db", db, *extra])
    assert result.exit_code == 0, result.output
    return result


def test_zone_less_modified_time_is_read_in_the_assumed_zone(tmp_path, monkeypatch):
    # 04: published "01:40+02:00" was right; the CMS's modified "2026-12-07 03:40" (Kyiv wall time)
    # was stored naive and shown 03:40 UTC, two hours late
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    db = str(tmp_path / "a.db")
    ingest(tmp_path, "v1.html", page(published="2026-12-07 01:40", modified="2026-12-07 03:40", body=BODY), db,
           "--assume-tz", "Europe/Kyiv")
    with open_store(db) as s:
        (a,) = s.articles()
    assert parse_iso_utc(a.published) == datetime(2026, 12, 6, 23, 40, tzinfo=UTC)
    assert parse_iso_utc(a.modified) == datetime(2026, 12, 7, 1, 40, tzinfo=UTC)
    assert a.modified.endswith("+02:00")


def _kyiv_post(quote: str) -> Article:
    return Article(id="kp-1", source="kp.html", outlet="Kyiv Post", language="en", title="Port of Odesa struck overnight",
                   text=("Russian drones struck the port of Odesa overnight, killing two people and injuring seven.\n"
                         f"“{quote},” Kiper said in a statement on Telegram.\n"
                         "Rescuers put out a fire at a warehouse by morning, the regional administration said."))


@pytest.mark.parametrize("before, after", [
    ("We will respond decisively to this terror", "We will respond to this attack"),
    ("This is deliberate terror against the grain corridor, and we will respond decisively",
     "We are assessing the damage and will respond"),
])
def test_a_quote_softened_in_its_paragraph_is_one_quote_altered(before, after):
    # 05: "1 quote removed; 1 quote added" read as a new statement; the same paragraph edited in
    # place, attribution kept, makes them one quote altered
    d = diff_revisions(_kyiv_post(before), _kyiv_post(after))
    assert d.quotes_removed == [] and d.quotes_added == []
    assert [(q["before"], q["after"]) for q in d.quotes_altered] == [(before, after)]
    assert "1 quote altered" in d.summary()


def test_a_quote_dropped_from_one_paragraph_and_another_added_elsewhere_stays_two_events():
    a = _kyiv_post("We will respond decisively to this terror")
    b = Article(**{**a.__dict__, "text": a.text.replace("“We will respond decisively to this terror,” Kiper said in a statement "
                                                        "on Telegram.\n", "")
                   + "\n“Ships keep sailing from the port under guard,” the navy spokesman Dmytro Pletenchuk told reporters."})
    d = diff_revisions(a, b)
    assert d.quotes_altered == []
    assert d.quotes_removed and d.quotes_added


DUMSKA = ("Уночі ворог атакував склади в районі порту, загинули двоє людей, семеро поранені, повідомив Олег Кіпер.\n"
          "{counter}\n"
          "Рятувальники ліквідували пожежу на складі площею тисяча двісті квадратних метрів до ранку.")


@pytest.mark.parametrize("first, then", [
    ("Переглядів: 322 · Оновлено 47 хвилин тому", "Переглядів: 6428 · Оновлено 15 хвилин тому"),
    ("Просмотров: 1 234 · обновлено 5 минут назад", "Просмотров: 2 001 · обновлено 1 час назад"),
    ("1,234 views | 12 comments", "5,312 views | 40 comments"),
])
def test_a_version_differing_only_in_counters_and_relative_times_is_no_revision(tmp_path, first, then):
    # 02: every poll of a page with a view counter in its article was a revision "figure 322 → 6428"
    db = str(tmp_path / "c.db")
    ingest(tmp_path, "v1.html", page(published="2026-12-07T02:05:00+02:00", body=DUMSKA.format(counter=first)), db)
    again = ingest(tmp_path, "v2.html", page(published="2026-12-07T02:05:00+02:00", body=DUMSKA.format(counter=then)), db)
    assert "1 already stored" in again.output
    edited = DUMSKA.format(counter=then).replace("двоє людей", "троє людей")
    assert "1 new revision" in ingest(tmp_path, "v3.html", page(published="2026-12-07T02:05:00+02:00", body=edited), db).output
    with open_store(db) as s:
        (a,) = s.articles()
        (d,) = edit_history(s.revisions(a.id))
    # the real edit's diff names the toll, not the counter
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("двоє", "троє")]


def _suspilne(title: str, lead: str) -> Article:
    return Article(id="s-1", source="s.html", outlet="Суспільне Одеса", language="uk", title=title,
                   text=f"{lead}\nРятувальники ліквідували пожежу на складі до ранку, повідомили в ДСНС.")


def test_a_figure_change_is_summed_up_once_by_what_it_counts():
    # 08: "figure двоє → троє; figure семеро → восьмеро; figure Двоє → Троє": the headline's and the
    # lead's toll listed twice for a capital letter
    before = _suspilne("Удар по порту Одеси: двоє загиблих, семеро поранених",
                       "Двоє людей загинули, ще семеро поранені, повідомив начальник ОВА Олег Кіпер.")
    after = _suspilne("Удар по порту Одеси: троє загиблих, восьмеро поранених",
                      "Троє людей загинули, ще восьмеро поранені, повідомив начальник ОВА Олег Кіпер.")
    figures = [x for x in diff_revisions(before, after).summary() if x.startswith("figure")]
    assert figures == ["figure двоє → троє (killed)", "figure семеро → восьмеро (injured)"]


def test_figures_counting_different_things_are_no_change_of_one():
    # 08: the headline lost "погибли два человека" and gained a "1" of other text: "figure два → 1"
    before = Article(id="v-1", source="v.html", language="ru", title="Удар по порту: погибли два человека",
                     text="Ночью в Одессе был удар по порту, сообщили в областной администрации сегодня утром.")
    after = replace(before, title="Удар по военному объекту в Одессе, версия 1")
    assert not any(x.startswith("figure") for x in diff_revisions(before, after).summary())


def test_a_publication_time_moved_back_is_a_revision_and_the_first_read_time_stays(tmp_path, db_url):
    # 09: v2 moved published 01:50 -> 00:30 (Kyiv) and was "already stored"; v3 also edited a figure
    # and the story's first report moved to 22:30 UTC with no trace of the 23:50 first read
    ingest(tmp_path, "v1.html", page(published="2026-12-07T01:50:00+02:00", body=BODY), db_url)
    out = ingest(tmp_path, "v2.html", page(published="2026-12-07T00:30:00+02:00", body=BODY), db_url).output
    assert "1 new revision" in out
    edited = BODY.replace("семеро", "восьмеро")
    ingest(tmp_path, "v3.html", page(published="2026-12-07T00:30:00+02:00", body=edited), db_url)
    with open_store(db_url) as s:
        (a,) = s.articles()
        first_report = s.stories()[0].first_published
        d2, d3 = edit_history(s.revisions(a.id))
    assert parse_iso_utc(a.published) == datetime(2026, 12, 6, 23, 50, tzinfo=UTC)  # the time first read
    assert parse_iso_utc(a.published_as_given) == datetime(2026, 12, 6, 22, 30, tzinfo=UTC)  # the page's claim
    assert first_report.startswith("2026-12-06T23:50")
    assert d2.summary() == ["published time changed from 2026-12-06 23:50 UTC to 2026-12-06 22:30 UTC"]
    assert d3.published is None and any("семеро → восьмеро" in x for x in d3.summary())
    # the same backdated page read again: nothing new
    assert "1 already stored" in ingest(tmp_path, "v3b.html", page(published="2026-12-07T00:30:00+02:00", body=edited),
                                        db_url).output


def test_a_later_time_given_by_an_edit_is_no_backdating(tmp_path):
    # a page printing its last change as its time (QA 21a, 08) still keeps the earlier one, unsaid
    db = str(tmp_path / "l.db")
    ingest(tmp_path, "v1.html", page(published="2026-12-07T01:50:00+02:00", body=BODY), db)
    ingest(tmp_path, "v2.html", page(published="2026-12-07T03:10:00+02:00", body=BODY.replace("семеро", "восьмеро")), db)
    with open_store(db) as s:
        (a,) = s.articles()
        (d,) = edit_history(s.revisions(a.id))
    assert a.published_as_given is None and d.published is None
    assert parse_iso_utc(a.published) == datetime(2026, 12, 6, 23, 50, tzinfo=UTC)


def test_a_page_time_earlier_than_its_feeds_is_no_backdating_and_a_rounding_is_none():
    # review 23c, F5: an article first stored from its feed's summary (the feed's 10:05) and then
    # read from its page (10:00) kept 10:05 and said "published time changed", and one second
    # earlier counted as a backdating
    from storydiff.dates import backdated

    assert not backdated("2026-12-07T10:00:37+00:00", "2026-12-07T10:00:00+00:00")
    assert backdated("2026-12-07T10:00:00+00:00", "2026-12-07T08:40:00+00:00")


def test_a_password_holding_an_at_sign_is_masked_whole():
    # review 23c, F6: "user:pa@ss@host" showed "ss@host" after the mask
    from storydiff.fetch.sources import without_passwords

    assert without_passwords("http://reader:pa@ss@harbor.example/rss.xml") == "http://reader:***@harbor.example/rss.xml"
    assert without_passwords("see http://a:b@x.example/f and http://c:d@y.example/g") == \
        "see http://a:***@x.example/f and http://c:***@y.example/g"
