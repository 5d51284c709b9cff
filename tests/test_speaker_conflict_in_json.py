""""speaker differs" is in the story's data, so `compare --json` and GET /api/stories/<id> carry it:
the terminal and HTML reports flagged it, the JSON had no field (QA pass 26b, 4)."""

from __future__ import annotations

import json

import pytest

from storydiff.compare import compare_story
from storydiff.records import Article, Quote
from storydiff.store.codec import story_from_dict

WORDS = "We will restore power to every home within two days"


def _article(aid: str, outlet: str, speaker: str) -> Article:
    text = (f"Russian drones struck a power substation in Kovel early on Thursday, officials said.\n"
            f"\"{WORDS},\" {speaker} told reporters at the site.")
    start = text.index(WORDS)
    return Article(id=aid, source=aid, outlet=outlet, language="en", title="Drones hit Kovel substation",
                   text=text, quotes=[Quote(WORDS, start, start + len(WORDS), speaker, "told")])


def test_the_story_data_says_the_speaker_differs():
    story = compare_story("s", [_article("wire", "Baltic Wire", "Ivan Rudnytskyi"),
                                _article("post", "Harbor Post", "Ihor Chaika")])
    (quote,) = [q for q in story.to_dict()["quotes"] if len(q["versions"]) == 2]
    assert quote["speaker_conflict"] == "speaker differs: Ivan Rudnytskyi (Baltic Wire) vs Ihor Chaika (Harbor Post)"
    again = story_from_dict(json.loads(json.dumps(story.to_dict())))  # as the store keeps it
    assert again.quotes[0].speaker_conflict == quote["speaker_conflict"]


def test_one_speaker_is_no_conflict():
    story = compare_story("s", [_article("wire", "Baltic Wire", "Ivan Rudnytskyi"),
                                _article("post", "Harbor Post", "Ivan Rudnytskyi")])
    assert [q["speaker_conflict"] for q in story.to_dict()["quotes"]] == [None]


def test_the_api_carries_it_for_a_story_stored_before(tmp_path):
    pytest.importorskip("fastapi")
    pytest.importorskip("httpx")
    from example_items import quake_items
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app
    from storydiff.store import open_store

    db = str(tmp_path / "c.db")
    auth = {"Authorization": "Bearer t0ken"}
    with TestClient(create_app(db, token="t0ken")) as client:
        client.post("/api/articles", json=quake_items()[:2], headers=auth)
        (sid,) = [s["id"] for s in client.get("/api/stories").json() if "Berovac" in (s["title"] or "")]
        client.get(f"/api/stories/{sid}")  # computes and stores the comparison
        with open_store(db) as other:  # a stored story whose quote's outlets name two speakers
            story = other.get_story(sid)
            shared = next(q for q in story.quotes if len(q.versions) == 2)
            shared.versions[0].speaker, shared.versions[1].speaker = "Ilka Severin", "Karin Velt"
            shared.speaker_conflict = None
            other.save_story(story)
        got = client.get(f"/api/stories/{sid}").json()
    conflicts = [q["speaker_conflict"] for q in got["quotes"] if q["speaker_conflict"]]
    assert len(conflicts) == 1 and conflicts[0].startswith("speaker differs: Ilka Severin (")
