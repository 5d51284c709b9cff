"""What changed after publication, as a fact-checker quotes it (QA pass 20a, 10): an edited
paragraph keeps the text's dashes ("LVIV — Russia", "dzieci – poinformował"), and each revision
shows the outlet's own modified time beside when storydiff saw it (terminal, web app, API)."""

from __future__ import annotations

import json
import re

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.compare.revisions import diff_revisions, text_diff
from storydiff.records import Article
from storydiff.serve.api import create_app
from storydiff.serve.cli import app

runner = CliRunner()


def _article(title: str, text: str, modified: str | None = None, language: str = "en") -> Article:
    return Article(id="a", source="s", outlet="Kyiv Ledger", title=title, text=text, language=language, modified=modified)


def test_an_edited_paragraph_keeps_its_dashes_as_written():
    before = "LVIV — Russia launched 61 drones, killing two people – and injuring eight, the governor said."
    after = "LVIV — Russia launched 61 drones, killing three people – and injuring eight, the governor said."
    d = diff_revisions(_article("t", "Intro line stays.\n" + before), _article("t", "Intro line stays.\n" + after))
    (edited,) = d.paragraphs_edited
    shown = " ".join(words for _, words in edited["diff"])
    assert shown == "LVIV — Russia launched 61 drones, killing two three people – and injuring eight, the governor said."
    assert ("-", "two") in edited["diff"] and ("+", "three") in edited["diff"]
    # Polish and a mark opening the paragraph
    pl = text_diff("– Zginęły dwie osoby, w tym dwoje dzieci – poinformował szef.",
                   "– Zginęły trzy osoby, w tym dwoje dzieci – poinformował szef.")
    assert pl == [("=", "– Zginęły"), ("-", "dwie"), ("+", "trzy"), ("=", "osoby, w tym dwoje dzieci – poinformował szef.")]
    # a dash alone changed is no word changed
    assert [op for op, _ in text_diff("Kyiv — Monday", "Kyiv – Monday")] == ["="]


def _page(url: str, dead: str, modified: str | None) -> bytes:
    tag = f"<meta property='article:modified_time' content='{modified}'>" if modified else ""
    return (f"<html><head><title>Russian attack on Lviv kills {dead}</title><link rel='canonical' href='{url}'>"
            f"<meta property='og:site_name' content='Kyiv Ledger'>"
            f"<meta property='article:published_time' content='2026-12-06T08:00:00Z'>{tag}</head><body><article>"
            f"<h1>Russian attack on Lviv kills {dead}</h1><p>LVIV — Russia launched 61 drones and five missiles at Lviv "
            f"overnight, killing {dead} people and injuring eight, regional governor Maksym Kozytskyi said.</p>"
            "<p>Firefighters put out a blaze in a warehouse in the city's Zaliznychnyi district.</p>"
            "</article></body></html>").encode()


def test_a_revision_shows_the_outlets_modified_time_beside_when_it_was_seen(tmp_path):
    db, url = str(tmp_path / "r.db"), "https://ledger.example/news/lviv-attack"
    (tmp_path / "v1.html").write_bytes(_page(url, "two", None))
    (tmp_path / "v2.html").write_bytes(_page(url, "three", "2026-12-06T17:10:00+01:00"))
    runner.invoke(app, ["ingest", str(tmp_path / "v1.html"), "--db", db, "--workers", "0"])
    said = runner.invoke(app, ["ingest", str(tmp_path / "v2.html"), "--db", db, "--workers", "0"]).stderr
    assert "1 new revision" in said, said
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db, "--json"]).stdout.splitlines()]
    text = " ".join(runner.invoke(app, ["show", story["id"], "--db", db]).stdout.split())
    assert re.search(r"revision 2 \(modified by the outlet 2026-12-06 16:10 UTC; seen \d{4}-\d\d-\d\d \d\d:\d\d UTC\)", text), text
    assert "paragraph edited: LVIV — Russia launched" in text
    (aid,) = [a["id"] for a in json.loads(runner.invoke(app, ["show", story["id"], "--db", db, "--json"]).stdout)["articles"]]
    client = TestClient(create_app(db))
    revs = client.get(f"/api/articles/{aid}/revisions").json()["revisions"]
    assert [r["modified"] for r in revs] == [None, "2026-12-06T17:10:00+01:00"]
    assert revs[1]["changes"]["modified"] == "2026-12-06T17:10:00+01:00"
    page = " ".join(client.get(f"/stories/{story['id']}").text.split())
    assert "modified by the outlet 2026-12-06 16:10 UTC" in page and "LVIV — Russia" in page


def test_a_page_keeping_the_old_modified_stamp_says_nothing_of_when_it_was_edited():
    d = diff_revisions(_article("kills 2", "killed 2 people", "2026-12-06T10:00:00Z"),
                       _article("kills 3", "killed 3 people", "2026-12-06T10:00:00Z"))
    assert d.modified is None
    d = diff_revisions(_article("kills 2", "killed 2 people", "2026-12-06T10:00:00Z"),
                       _article("kills 3", "killed 3 people", "2026-12-06T12:00:00Z"))
    assert d.modified == "2026-12-06T12:00:00Z"
