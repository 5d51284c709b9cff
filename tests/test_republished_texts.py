"""The same outlet's text published again on another day at another address (a city's recurring
alert, its wording unchanged) is stored, and a refusal of the same text as a stored article says
which one (review 21a, R6: "1 already stored" with no reason, the second alert's URL and time in no
table). The same text at a second address the same day (a mirror, an AMP copy) stays that
article's repeat. On SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import ingest_said, write_jsonl

from storydiff.store import open_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

BODY = ("Alarm lotniczy w Warszawie i województwie mazowieckim.\n"
        "Mieszkańcy proszeni są o zejście do schronów i pozostanie w nich do odwołania alarmu.\n"
        "Alarm ogłoszono z powodu zagrożenia atakiem rakietowym.")


def alert(slug: str, published: str) -> dict:
    return {"outlet": "Warszawa Info", "title": "Alarm lotniczy w Warszawie", "published": published,
            "url": f"https://warszawa.example/alarmy/{slug}", "text": BODY}


def test_the_same_alert_text_on_another_day_at_its_own_url_is_stored(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "a.jsonl", alert("2026-12-05-2210", "2026-12-05T22:10:00Z")))
    said = ingest_said(db_url, write_jsonl(tmp_path, "b.jsonl", alert("2026-12-06-2340", "2026-12-06T23:40:00Z")))
    assert "1 new article" in said, said
    with open_store(db_url) as s:
        assert sorted(a.published[:10] for a in s.articles()) == ["2026-12-05", "2026-12-06"]
        assert s.article_by_url("https://warszawa.example/alarmy/2026-12-06-2340").published.startswith("2026-12-06")
    # read again: a repeat, said as nothing more
    said = ingest_said(db_url, write_jsonl(tmp_path, "b2.jsonl", alert("2026-12-06-2340", "2026-12-06T23:40:00Z")))
    assert "1 already stored" in said and "same text" not in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 2


def test_the_same_text_at_a_second_address_the_same_day_is_refused_by_name(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "a.jsonl", alert("2026-12-05-2210", "2026-12-05T22:10:00Z")))
    mirror = {**alert("amp/2026-12-05-2210", "2026-12-05T22:10:00Z")}
    said = ingest_said(db_url, write_jsonl(tmp_path, "m.jsonl", mirror))
    assert "1 already stored" in said, said
    assert "the same text as the stored article" in said and "warszawa.example/alarmy/2026-12-05-2210" in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 1
