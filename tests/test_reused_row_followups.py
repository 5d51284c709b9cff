"""Vendors number each night's export rows from 1: the next day's follow-up under row 1 (another
headline, another publication time, its background paragraphs repeating the brief) is another
article, not the brief's revision (review 21a, R3: the brief was current nowhere). A correction of
the row (the same time and headline, a figure changed) stays its revision. Ingest on SQLite and,
when STORYDIFF_TEST_PG_URL is set, PostgreSQL; ``compare``'s ``dedupe_ids`` without a database."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

from storydiff.records import Article
from storydiff.store import open_store
from storydiff.versions.batch import dedupe_ids

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

BRIEF = ["Вночі Росія атакувала Львів дронами та ракетами, повідомив голова ОВА Максим Козицький.",
         "Загинули троє людей, ще семеро поранені, серед них двоє дітей, написав він у Telegram."]
FOLLOW = ["У понеділок у Гарнізонному храмі Львова попрощалися з трьома загиблими внаслідок недільної атаки.",
          "Міський голова Андрій Садовий оголосив день жалоби і пообіцяв відбудувати пошкоджену школу до весни.",
          "Нагадаємо: " + BRIEF[0], BRIEF[1]]
DAY1 = {"id": 1, "outlet": "Львівські вісті", "title": "Атака на Львів: троє загиблих",
        "published": "2026-12-06T07:00:00Z", "text": "\n".join(BRIEF)}
DAY2 = {"id": 1, "outlet": "Львівські вісті", "title": "Львів попрощався з жертвами недільного удару",
        "published": "2026-12-07T05:00:00Z", "text": "\n".join(FOLLOW)}


def test_the_next_nights_row_1_is_another_article_and_a_correction_stays_a_revision(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "export-06.jsonl", DAY1))
    said = ingest_said(db_url, write_jsonl(tmp_path, "export-07.jsonl", DAY2))
    assert "1 new article" in said and "revision" not in said, said
    with open_store(db_url) as s:
        arts = s.articles()
        assert sorted(a.title for a in arts) == sorted([DAY1["title"], DAY2["title"]])
        assert all(len(s.revisions(a.id)) == 1 for a in arts)
    # the brief corrected in a later export (its time and headline kept): its revision
    corrected = {**DAY1, "text": DAY1["text"].replace("Загинули троє", "Загинули четверо")}
    said = ingest_said(db_url, write_jsonl(tmp_path, "export-06b.jsonl", corrected))
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        assert "четверо" in s.get_article("1").text


def _art(row: dict, source: str) -> Article:
    return Article(id=str(row["id"]), source=source, text=row["text"], outlet=row["outlet"], title=row["title"],
                   published=row["published"])


def test_compare_keeps_both_nights_rows():
    versions: dict = {}
    kept = dedupe_ids([(0, _art(DAY1, "export-06.jsonl#L1 (id 1)")), (1, _art(DAY2, "export-07.jsonl#L1 (id 1)"))],
                      versions)
    assert len(kept) == 2 and not versions
