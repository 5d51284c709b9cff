"""An outlet's rolling live page (one URL, one canonical link every day) that switched to another
event is another article, not a revision of the one it carried before (QA pass 20a, 7: the Kharkiv
bombing became "revision 2" of the Lviv attack and sat in the Lviv story); an edit of either is
still its revision. On SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.compare.revisions import is_other_at_url
from storydiff.records import FEED_SUMMARY, Article
from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

runner = CliRunner()

LIVE = "https://ledger.example/live/ukraine"


def live_page(title: str, paragraphs: list[str], *, published: str | None = None, modified: str | None = None) -> bytes:
    times = "".join(f"<meta property='article:{k}_time' content='{v}'>"
                    for k, v in (("published", published), ("modified", modified)) if v)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><title>{title}</title><meta property='og:site_name' content='Kyiv Ledger'>"
            f"<link rel='canonical' href='{LIVE}'>{times}</head><body><article><h1>{title}</h1>{body}"
            "</article></body></html>").encode()


LVIV = ["LVIV — Russia launched 61 drones and five missiles at Lviv overnight, killing three people and "
        "injuring eight, regional governor Maksym Kozytskyi said on Saturday.",
        "Firefighters put out a blaze in a warehouse in the city's Zaliznychnyi district, the emergency service said.",
        "\"The enemy struck civilian infrastructure again,\" Kozytskyi wrote on Telegram."]
KHARKIV = ["KHARKIV — A Russian guided bomb hit a residential area of Kharkiv on Monday morning, injuring "
           "14 people, including a 9-year-old girl, Governor Oleh Syniehubov said.",
           "The strike damaged a five-storey building and a school in the Saltivskyi district, Mayor Ihor Terekhov said.",
           "Rescuers pulled two people from the rubble, the emergency service reported."]


def pages(tmp_path: Path) -> tuple[Path, Path, Path]:
    lviv, kharkiv, kharkiv_edit = tmp_path / "dec6.html", tmp_path / "dec7.html", tmp_path / "dec7b.html"
    lviv.write_bytes(live_page("Live: Russian attack on Lviv kills 3", LVIV, published="2026-12-06T11:00:00Z"))
    kharkiv.write_bytes(live_page("Live: Guided bomb hits Kharkiv, 14 injured", KHARKIV, modified="2026-12-07T07:10:00Z"))
    edited = [KHARKIV[0].replace("14 people", "16 people"), *KHARKIV[1:]]
    kharkiv_edit.write_bytes(live_page("Live: Guided bomb hits Kharkiv, 16 injured", edited, modified="2026-12-07T09:30:00Z"))
    return lviv, kharkiv, kharkiv_edit


def test_a_live_page_switched_to_another_event_is_another_article_in_its_own_story(db_url, tmp_path):
    lviv, kharkiv, kharkiv_edit = pages(tmp_path)
    ingest_said(db_url, lviv)
    said = ingest_said(db_url, kharkiv)
    assert "1 new article" in said and "revision" not in said.replace("0 new revision", ""), said
    with open_store(db_url) as s:
        by_title = {a.title: a for a in s.articles()}
        old, new = by_title["Live: Russian attack on Lviv kills 3"], by_title["Live: Guided bomb hits Kharkiv, 14 injured"]
        assert "Lviv" in old.text and "Kharkiv" not in old.text and len(s.revisions(old.id)) == 1
        assert s.story_of(old.id) != s.story_of(new.id)
        # the address now finds the article it carries
        assert s.article_by_url(LIVE).id == new.id
    # the outlet's edit of the new event is that article's revision
    said = ingest_said(db_url, kharkiv_edit)
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 2
        now = s.article_by_url(LIVE)
        assert now.id == new.id and "16 people" in now.text and len(s.revisions(new.id)) == 2
        assert len(s.revisions(old.id)) == 1
    # the old event read there again is already stored, and takes nothing
    said = ingest_said(db_url, lviv)
    with open_store(db_url) as s:
        assert len(s.articles()) == 2 and s.article_by_url(LIVE).id == new.id, said


def test_compare_of_the_two_days_of_a_live_page_keeps_two_articles(tmp_path):
    lviv, kharkiv, _ = pages(tmp_path)
    d = json.loads(runner.invoke(app, ["compare", str(lviv), str(kharkiv), "--workers", "0", "--json"]).stdout)
    assert sorted(a["title"] for a in d["articles"]) == ["Live: Guided bomb hits Kharkiv, 14 injured",
                                                          "Live: Russian attack on Lviv kills 3"]
    assert not d.get("edits")


def _article(text: str, **kw) -> Article:
    return Article(id="x", source="s", url=LIVE, outlet="Kyiv Ledger", title="t", text=text, **kw)


def test_an_edit_keeping_little_of_the_text_is_still_one_article_when_its_time_or_kind_says_so():
    lviv, kharkiv = _article("\n".join(LVIV)), _article("\n".join(KHARKIV))
    assert is_other_at_url(lviv, kharkiv)
    # a rewrite keeping one of three paragraphs: an edit
    assert not is_other_at_url(lviv, _article("\n".join([LVIV[0], *KHARKIV[1:]])))
    # the same publication time (offsets aside): the outlet's rewrite of its article, unless the
    # texts share next to nothing (review 21a, R5: then the live page's next event)
    assert not is_other_at_url(_article("\n".join(LVIV), published="2026-12-06T11:00:00Z"),
                               _article("\n".join([LVIV[0][:120], *KHARKIV]), published="2026-12-06T13:00:00+02:00"))
    assert is_other_at_url(_article("\n".join(LVIV), published="2026-12-06T11:00:00Z"),
                           _article("\n".join(KHARKIV), published="2026-12-07T07:10:00Z"))
    # a feed's blurb stands for its page
    assert not is_other_at_url(lviv, _article("\n".join(KHARKIV), text_from=FEED_SUMMARY))


ALERT = "https://kyivcity.example/alerts/current"
MORNING = ("Повітряна тривога в Києві з 05:10 через загрозу балістичних ракет з півночі. "
           "Пройдіть до найближчого укриття і залишайтеся там до відбою.")
NEXT_NIGHT = ("Атака дронів на Київ: уламки впали на склад у Дарницькому районі, виникла пожежа, "
              "постраждав один чоловік, повідомила міська військова адміністрація.")


def test_short_items_of_two_days_at_a_rolling_url_are_two_articles(db_url, tmp_path):
    # review 21a, R8: a stored text under stub_words "grew into" the next day's item (a stub and
    # its report share a day; two days apart it is another item)
    def row(text: str, published: str) -> dict:
        return {"outlet": "Київ Цифровий", "title": "Тривога", "url": ALERT, "published": published, "text": text}

    for name, r in (("a.jsonl", row(MORNING, "2026-12-05T05:10:00+02:00")),
                    ("b.jsonl", row(NEXT_NIGHT, "2026-12-06T23:40:00+02:00"))):
        (tmp_path / name).write_text(json.dumps(r, ensure_ascii=False) + "\n")
        ingest_said(db_url, tmp_path / name)
    with open_store(db_url) as s:
        arts = s.articles()
        assert len(arts) == 2 and all(len(s.revisions(a.id)) == 1 for a in arts)
        assert s.article_by_url(ALERT).published.startswith("2026-12-06")  # the address's current item


def test_a_stub_grows_into_its_report_only_within_its_day():
    stub = _article("Вибухи у Львові, працює ППО. Подробиці згодом.", published="2026-12-06T01:10:00Z")
    report = "\n".join(KHARKIV)
    assert not is_other_at_url(stub, _article(report, published="2026-12-06T04:30:00Z"))
    assert not is_other_at_url(_article(stub.text), _article(report, published="2026-12-08T04:30:00Z"))  # no time: a stub
    assert is_other_at_url(stub, _article(report, published="2026-12-07T23:40:00Z"))


def test_under_one_publication_time_only_a_text_sharing_next_to_nothing_is_another_article():
    # review 21a, R5: a live page whose CMS keeps the page's creation time as datePublished
    when = "2026-03-01T08:00:00Z"
    lviv, kharkiv = _article("\n".join(LVIV), published=when), _article("\n".join(KHARKIV), published=when)
    assert is_other_at_url(lviv, kharkiv)
    # a rewrite keeping one of three paragraphs under its time: still an edit
    assert not is_other_at_url(lviv, _article("\n".join([LVIV[0], *KHARKIV[1:]]), published=when))


UK = ["Росія вночі завдала масованого удару дронами та ракетами по Львову, повідомив голова ОВА Максим Козицький.",
      "Троє людей загинули, семеро поранені, серед них двоє дітей, написав він у Telegram.",
      "Понад 40 тисяч споживачів в області залишилися без світла після ударів по енергетиці."]


def test_the_outlets_version_in_another_language_at_its_url_is_an_article_of_its_own(db_url, tmp_path):
    url, when = "https://suspilne.example/news/lviv-attack-123", "2026-12-06T07:00:00+02:00"
    rows = (("uk.jsonl", {"outlet": "Суспільне", "title": "Масована атака на Львів: троє загиблих", "url": url,
                          "published": when, "text": "\n".join(UK)}),
            ("en.jsonl", {"outlet": "Суспільне", "title": "Massive attack on Lviv kills three", "url": url,
                          "published": when, "text": "\n".join(LVIV)}))
    for name, r in rows:
        (tmp_path / name).write_text(json.dumps(r, ensure_ascii=False) + "\n")
        said = ingest_said(db_url, tmp_path / name)
        assert "1 new article" in said, said
    with open_store(db_url) as s:
        arts = s.articles()
        assert sorted(a.language for a in arts) == ["en", "uk"]
        assert all(len(s.revisions(a.id)) == 1 for a in arts)
        assert s.article_by_url(url).language == "uk"  # no claim on the URL: the first stays there
    # the English version corrected (same URL, same time): its own revision, the Ukrainian untouched
    (tmp_path / "en2.jsonl").write_text(json.dumps({**rows[1][1], "text": "\n".join(LVIV).replace("killing three", "killing four")},
                                                   ensure_ascii=False) + "\n")
    said = ingest_said(db_url, tmp_path / "en2.jsonl")
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        (en,) = [a for a in s.articles() if a.language == "en"]
        assert "killing four" in en.text and len(s.revisions(en.id)) == 2
