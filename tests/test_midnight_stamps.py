"""A CMS that stamps each article with its day's midnight ("2026-12-06T00:00:00+02:00") names a
day, not a time: two same-day articles under one headline at their own slugs are two articles,
not one "moved" to the other's address (review 21a, R7: the morning alert was current nowhere).
An article moved to a new slug with a real time of day stays one article. Ingest on SQLite and,
when STORYDIFF_TEST_PG_URL is set, PostgreSQL; ``compare``'s ``moved_versions`` without one."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

from storydiff.records import Article
from storydiff.store import open_store
from storydiff.versions.batch import moved_versions

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

TITLE = "Повітряна тривога в Києві: що відомо"
MORNING = ["У Києві та області о 05:10 оголосили повітряну тривогу через загрозу балістичних ракет.",
           "Мешканців закликають пройти до укриттів і залишатися там до відбою тривоги.",
           "Станції метро відкриті як укриття, повідомила Київська міська військова адміністрація.",
           "Стежте за офіційними каналами і не публікуйте місця роботи ППО чи влучань."]
EVENING = [MORNING[0].replace("05:10", "21:45"), *MORNING[1:], "На лівому березі столиці було чути вибухи."]


def row(slug: str, paras: list[str], published: str) -> dict:
    return {"outlet": "Київ Сьогодні", "title": TITLE, "url": f"https://kyiv.example/news/{slug}",
            "published": published, "text": "\n".join(paras)}


def test_two_alerts_stamped_with_the_days_midnight_are_two_articles(db_url, tmp_path):
    day = "2026-12-06T00:00:00+02:00"
    ingest_said(db_url, write_jsonl(tmp_path, "a.jsonl", row("tryvoga-ranok", MORNING, day)))
    said = ingest_said(db_url, write_jsonl(tmp_path, "b.jsonl", row("tryvoga-vechir", EVENING, day)))
    assert "1 new article" in said and "revision" not in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 2


def test_a_slug_moved_with_its_headline_at_a_real_time_is_still_one_article(db_url, tmp_path):
    when = "2026-12-06T05:17:00+02:00"
    ingest_said(db_url, write_jsonl(tmp_path, "a.jsonl", row("tryvoga-ranok", MORNING, when)))
    edited = [MORNING[0], MORNING[1], MORNING[2].replace("відкриті", "досі відкриті"), MORNING[3]]
    said = ingest_said(db_url, write_jsonl(tmp_path, "b.jsonl", row("tryvoga-ranok-onovleno", edited, when)))
    assert "1 new revision" in said, said


def test_compare_keeps_the_midnight_stamped_alerts_apart():
    day = "2026-12-06T00:00:00Z"
    arts = [Article(id=str(i), source=f"{i}.html", text="\n".join(p), url=f"https://kyiv.example/news/{slug}",
                    outlet="Київ Сьогодні", title=TITLE, published=day)
            for i, (slug, p) in enumerate((("ranok", MORNING), ("vechir", EVENING)))]
    versions: dict = {}
    assert len(moved_versions(arts, versions)) == 2 and not versions


def test_a_midnight_to_the_second_names_a_day():
    from storydiff.compare.revisions import names_a_day_only

    assert names_a_day_only("2026-12-06") and names_a_day_only("2026-12-06T00:00:00+02:00")
    assert names_a_day_only("2026-12-06T00:00:00Z") and names_a_day_only("2026-12-06T00:00")
    assert not names_a_day_only("2026-12-06T00:00:01Z") and not names_a_day_only("2026-12-06T00:00:00.250+02:00")
    assert not names_a_day_only("2026-12-06T07:00:00Z")
