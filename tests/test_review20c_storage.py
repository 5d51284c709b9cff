"""Corrections, pastes of updated pages, one headline on two days and a stub grown into its report:
none refused as a copy or a preview, none split (review 20c of round 20's storage rules). On SQLite
and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url = test_store.db_url
runner = CliRunner()

P = ["Lviv (Wire) - Russia launched a massive drone and missile attack on Lviv overnight, regional governor Maksym Kozytskyi said.",
     "Three people were killed and seven wounded, including two children, he said in a statement on Telegram.",
     "More than 40,000 customers in the region were left without power after strikes on energy infrastructure.",
     "Two residential buildings and a school were damaged in the city's Sykhiv district, mayor Andriy Sadovyi said.",
     "It was one of the largest attacks on Lviv since the start of the full-scale invasion, Sadovyi told reporters.",
     "Air defence units shot down 24 of 30 drones and 5 of 8 missiles over the region, the air force said.",
     "Rescue workers were still searching the rubble of one building on Sunday afternoon, emergency services said.",
     "Poland scrambled fighter jets as a precaution during the attack, the Polish operational command said.",
     "The attack came a day after talks in Istanbul ended without agreement on a ceasefire, officials said.",
     "Ukrainian President Volodymyr Zelensky called on allies to send more air defence systems to protect cities..."]
URL, TITLE = "https://wire.example/world/lviv-attack", "Massive attack on Lviv kills three"
RETRACTED = [p for i, p in enumerate(P) if i != 7]  # the Poland paragraph withdrawn


def _ingest(db: str, path: Path, *rows: dict) -> str:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    return " ".join(runner.invoke(app, ["ingest", str(path), "--db", db, "--workers", "0"]).stderr.split())


def _row(text: list[str], **kw) -> dict:
    return {"outlet": "Wire", "title": TITLE, "published": "2026-12-06T07:00:00Z", "text": "\n".join(text), **kw}


def test_a_correction_whose_last_sentence_ends_in_an_ellipsis_is_a_revision(db_url, tmp_path):
    _ingest(db_url, tmp_path / "a1.jsonl", _row(P, url=URL))
    said = _ingest(db_url, tmp_path / "a2.jsonl", _row(RETRACTED, url=URL, modified="2026-12-06T10:00:00Z"))
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "Poland" not in article.text


def test_a_pasted_corrected_page_is_kept_not_taken_for_a_copy(db_url, tmp_path):
    _ingest(db_url, tmp_path / "c1.jsonl", _row(P, url=URL))
    said = _ingest(db_url, tmp_path / "c2.jsonl", _row(RETRACTED))
    # kept: since round 26 (QA pass 26c, 4) a paste of the page's corrected text (same outlet,
    # headline and publication time, most of both texts) is the page's new revision, not a second
    # article of the outlet; never dropped as a copy of what is stored
    assert "a copy of the stored article" not in said and "1 new revision" in said, said
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "Poland" not in article.text and article.url == URL


def test_one_headline_on_two_days_is_two_articles(db_url, tmp_path):
    day1 = ["An air raid alert has been declared in Kyiv and the Kyiv region.",
            "Residents are urged to go to shelters and stay there until the all-clear.",
            "Metro stations are open as shelters."]
    row = {"outlet": "KyivCity", "title": "Air raid alert in Kyiv"}
    _ingest(db_url, tmp_path / "d1.jsonl", {**row, "published": "2026-12-05T22:10:00Z", "text": "\n".join(day1)})
    said = _ingest(db_url, tmp_path / "d2.jsonl", {**row, "published": "2026-12-06T23:40:00Z",
                                                   "text": "\n".join([*day1, "Explosions were heard on the left bank."])})
    assert "1 new article" in said, said


def test_a_breaking_stub_grown_into_its_report_is_one_article(db_url, tmp_path):
    url = "https://wire.example/world/breaking-lviv"
    stub = "BREAKING: Explosions heard in Lviv as air defence works against a Russian attack, witnesses say. More to follow."
    _ingest(db_url, tmp_path / "f1.jsonl", {"outlet": "Wire", "title": "Explosions in Lviv", "url": url, "text": stub})
    said = _ingest(db_url, tmp_path / "f2.jsonl", _row(P, url=url))
    assert "1 new revision" in said, said
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "Zelensky" in article.text
