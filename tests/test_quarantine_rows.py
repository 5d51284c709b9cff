"""A quarantined export row that gives a URL but no id is named by its place and its URL, and only
an article of that URL read at that place clears it (review 21a, R9: a nightly export written over
the same path put another article at "export.jsonl#L1", which cleared yesterday's never-stored
row 1). The row fixed and sent again still clears it, and a row that failed before its URL could
be read is still cleared by whatever is stored at its place. On SQLite and, when
STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import write_jsonl
from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

TEXT = ("Über Nacht hat Russland Lwiw mit Drohnen und Raketen angegriffen, teilte der Gouverneur mit.\n"
        "Drei Menschen wurden getötet und sieben verletzt, darunter zwei Kinder.\n"
        "Mehr als 40.000 Haushalte waren nach den Angriffen auf die Energieversorgung ohne Strom.")


def row(slug: str, text: str) -> dict:
    return {"outlet": "Ostbote", "title": f"Angriff auf Lwiw ({slug})", "url": f"https://ostbote.example/{slug}",
            "published": "2026-12-06T07:00:00Z", "text": text}


def ingest_said(db: str, path: Path) -> str:
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--workers", "0"])
    assert result.exit_code in (0, 1), result.output  # 1: some item failed
    return " ".join(result.stderr.split())


def failed_sources(db: str) -> list[str]:
    with open_store(db) as s:
        return [f.source for f in s.failures()]


def test_another_url_at_the_failed_rows_place_leaves_it_quarantined(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "export.jsonl", row("a", "   ")))  # no text: refused
    (failed,) = failed_sources(db_url)
    assert failed.endswith("export.jsonl#L1 (url https://ostbote.example/a)"), failed
    ingest_said(db_url, write_jsonl(tmp_path, "export.jsonl", row("b", TEXT)))  # tonight's row 1
    assert failed_sources(db_url) == [failed]
    # the row fixed and sent again at its place: stored, no longer an error
    ingest_said(db_url, write_jsonl(tmp_path, "export.jsonl", row("a", TEXT.replace("Drei", "Vier"))))
    assert failed_sources(db_url) == []


def test_a_row_that_failed_extraction_is_named_by_its_url_too(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "export.jsonl", row("a", "Kurz.")))  # too short to be an article
    (failed,) = failed_sources(db_url)
    assert failed.endswith("#L1 (url https://ostbote.example/a)"), failed
    ingest_said(db_url, write_jsonl(tmp_path, "export.jsonl", row("b", TEXT)))
    assert failed_sources(db_url) == [failed]


def test_a_row_failed_without_a_url_is_cleared_by_what_is_stored_at_its_place(db_url, tmp_path):
    ingest_said(db_url, write_jsonl(tmp_path, "export.jsonl", {**row("a", "   "), "url": None}))
    (failed,) = failed_sources(db_url)
    assert failed.endswith("export.jsonl#L1"), failed
    ingest_said(db_url, write_jsonl(tmp_path, "export.jsonl", row("b", TEXT)))
    assert failed_sources(db_url) == []
