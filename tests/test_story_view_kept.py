"""A stored story's page reads the wording checks it already made: a second view checks no
sentence again, and a story whose article was revised is checked and shown afresh."""

from __future__ import annotations

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient

from storydiff.serve import view
from storydiff.serve.api import create_app

TOKEN = "kept-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
LEDE = ("The Izmail thermal power plant was hit by 3 drones on Thursday, governor Oleh Kiper said. "
        "Firefighters put out the blaze by morning and no one was injured, the regional administration said. ")
REST = ("Power was cut to parts of the city for several hours while engineers inspected the damaged "
        "turbine hall, the plant's director told reporters at the scene on Thursday afternoon.")


def item(url: str, outlet: str, text: str) -> dict:
    return {"url": url, "outlet": outlet, "title": "Drones hit Izmail power plant",
            "published": "2026-11-05T08:00:00Z", "text": text}


@pytest.fixture
def checks(monkeypatch):
    """The sentence pairs the page's wording check reads, call by call."""
    seen: list[tuple[str, str]] = []
    real = view.differs_in_substance

    def counted(a: str, b: str) -> bool:
        seen.append((a, b))
        return real(a, b)

    view._same_wording.cache_clear()
    monkeypatch.setattr(view, "differs_in_substance", counted)
    yield seen
    view._same_wording.cache_clear()  # no answer of the counted run outlives this test


def test_a_second_view_checks_no_wording_again_and_a_revised_story_is_checked_afresh(tmp_path, checks):
    reprint = LEDE.replace("hit by", "hit  by") + REST  # a reprint with a typo: the same wording
    with TestClient(create_app(str(tmp_path / "news.db"), token=TOKEN)) as client:
        r = client.post("/api/articles", headers=AUTH, json=[
            item("https://odesa.example/izmail", "Odesa Wire", LEDE + REST),
            item("https://danube.example/izmail", "Danube News", reprint)])
        assert r.status_code == 200, r.text
        (story,) = [s for s in client.get("/api/stories").json() if s["n_articles"] == 2]
        first = client.get(f"/stories/{story['id']}")
        assert first.status_code == 200 and checks, "the first view checks each outlet's wording"
        n_first = len(checks)
        second = client.get(f"/stories/{story['id']}")
        assert len(checks) == n_first, "a second view of the stored comparison checks nothing again"
        assert second.content == first.content
        assert "in other words: Danube News" not in first.text  # the reprint printed the sentence
        api_json = client.get(f"/api/stories/{story['id']}").content

        # Danube News revises its article: "not hit" is its own sentence, no longer the same wording
        revised = LEDE.replace("was hit by", "was not hit by") + REST
        r = client.post("/api/articles", headers=AUTH,
                        json=[item("https://danube.example/izmail", "Danube News", revised)])
        assert r.status_code == 200, r.text
        (story,) = [s for s in client.get("/api/stories").json() if s["n_articles"] == 2]
        page = client.get(f"/stories/{story['id']}").text
        assert any("not hit" in a for a, _ in checks[n_first:]), "the revised sentence is checked"
        assert "in other words: Danube News" in page and "was not hit by 3 drones" in page
        assert client.get(f"/api/stories/{story['id']}").content != api_json
