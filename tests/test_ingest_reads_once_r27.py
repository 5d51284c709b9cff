"""What ingest read once is not read again (round 27): the article stored at a new item's URL is
looked up once per item, and a lone surname's full name is found in its own article's names, the
article's runs of capitals read once and kept for the next quote."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storydiff.analyze.speakers_multilingual import _full_name
from storydiff.serve.cli import app
from storydiff.store.sql_revisions import RevisionsMixin

ROWS = [
    {"id": f"r{i}", "outlet": "Tidewater Post", "url": f"https://tidewater.example/news/{i}",
     "title": f"Harbour report number {i}", "published": f"2026-12-0{i}T09:00:00+00:00",
     "text": f"The harbour board met on day {i} to discuss the new ferry schedule for the winter.\n"
             f"Board member Ada Lindqvist said {i} new crossings would be added before January.\n"
             "The first of them starts from the north pier."}
    for i in (1, 2, 3)
]


def test_a_new_items_url_is_looked_up_once(tmp_path: Path, monkeypatch):
    asked: list[str] = []
    original = RevisionsMixin.article_by_url

    def counted(self, url):
        asked.append(url)
        return original(self, url)

    monkeypatch.setattr(RevisionsMixin, "article_by_url", counted)
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in ROWS))
    result = CliRunner().invoke(app, ["ingest", str(rows), "--db", str(tmp_path / "s.db"), "--workers", "0"])
    assert result.exit_code == 0, result.output
    assert "stored 3 new" in result.output
    # one look-up per item: revision_target is told what the caller found there (nothing)
    assert sorted(asked) == sorted(r["url"] for r in ROWS)


def test_a_surname_is_named_in_full_from_its_own_article():
    olena = "Minister Olena Kovalenko visited the plant on Monday. Kovalenko said the work goes on."
    petro = "Mayor Petro Kovalenko opened the bridge. Kovalenko said it was late."
    assert _full_name(olena, "Kovalenko", "en") == "Olena Kovalenko"
    assert _full_name(petro, "Kovalenko", "en") == "Petro Kovalenko"  # another article, its own runs
    assert _full_name(olena, "Kovalenko", "en") == "Olena Kovalenko"  # the first article's, read again
    assert _full_name(olena, "Smith", "en") == "Smith"  # a surname the article never names in full
    # the first run of two or more words ending in the surname, as the whole text's runs list them
    both = "Olena Kovalenko and later Petro Kovalenko spoke. Kovalenko said no."
    assert _full_name(both, "Kovalenko", "en") == "Olena Kovalenko"
