"""The web app and REST API over a real SQLite file: auth on writes, listing, comparison,
merged-story redirects, limits, and hostile text escaped in pages but verbatim in JSON."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.serve import api
from storydiff.serve.api import create_app
from storydiff.serve.cli import app as cli_app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from example_items import as_html, quake_items, storm_records

from storydiff import embeddings
from storydiff.settings import FactSettings

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storydiff" / "examples"
TOKEN = "s3cret-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
HOSTILE = "<script>alert(1)</script>"


def hostile_item() -> dict:
    body = (
        f"<p>{html.escape(HOSTILE)} The council met on Tuesday to discuss the new bridge over the river.</p>"
    )
    return {"title": HOSTILE, "outlet": f"Evil {HOSTILE} News", "html": f"<html><body>{body}</body></html>"}


@pytest.fixture(scope="module")
def loaded(tmp_path_factory):
    """A client over a database holding the quake stories and a hostile article."""
    db = str(tmp_path_factory.mktemp("api") / "news.db")
    with TestClient(create_app(db, token=TOKEN)) as client:
        r = client.post("/api/articles", json=quake_items() + [hostile_item()], headers=AUTH)
        assert r.status_code == 200, r.text
        yield client, r.json(), db


def story_of(client, title_part: str) -> dict:
    rows = [s for s in client.get("/api/stories").json() if title_part in (s["title"] or "")]
    assert len(rows) == 1, client.get("/api/stories").json()
    return rows[0]


# -- writes ------------------------------------------------------------------------------


def test_writes_refused_when_no_token_is_configured(tmp_path, monkeypatch):
    monkeypatch.delenv("STORYDIFF_TOKEN", raising=False)
    db = str(tmp_path / "a.db")
    with pytest.raises(ValueError, match="no database at"):  # read-only: a mistyped path is an error
        create_app(db)
    assert not (tmp_path / "a.db").exists()
    open_store(db).close()
    with TestClient(create_app(db)) as client:
        r = client.post("/api/articles", json=hostile_item(), headers={"Authorization": "Bearer anything"})
        assert r.status_code == 403
        assert "STORYDIFF_TOKEN" in r.json()["detail"]
        assert client.get("/api/stories").json() == []


def test_missing_or_wrong_token_is_401(tmp_path):
    with TestClient(create_app(str(tmp_path / "a.db"), token=TOKEN)) as client:
        for headers in (
            {},
            {"Authorization": "Bearer wrong"},
            {"Authorization": f"Basic {TOKEN}"},
            {"Authorization": ""},
        ):
            r = client.post("/api/articles", json=hostile_item(), headers=headers)
            assert r.status_code == 401, headers
            assert r.headers["www-authenticate"].startswith("Bearer")
        assert client.get("/api/stories").json() == []


def test_token_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("STORYDIFF_TOKEN", "from-env")
    with TestClient(create_app(str(tmp_path / "a.db"))) as client:
        r = client.post("/api/articles", json=hostile_item(), headers={"Authorization": "Bearer from-env"})
        assert r.status_code == 200 and r.json()["stored"] == 1


def test_ingest_reports_each_item(loaded):
    _, result, _ = loaded
    assert (result["stored"], result["skipped"], result["failed"]) == (4, 0, 0)
    assert [it["status"] for it in result["items"]] == ["stored"] * 4
    assert all(it["article_id"] and it["story_id"] for it in result["items"])
    # the export's own id is kept as the article id
    assert result["items"][1]["article_id"] == "lantern-berovac"


def test_an_items_warnings_are_in_its_result_not_only_in_the_server_log(tmp_path):
    # QA pass 17 #14: an unreadable 'published' was dropped without a word (ingest warns), and a
    # sentence of a text dropped as boilerplate was said only in the server's log
    undated = {"id": "r-1", "outlet": "Vesti", "published": "вчера, 22:10", "text": (
        "A blast hit the Saltivka district of Kharkiv on Tuesday evening, the governor said. One person "
        "died and six were injured.")}
    appeal = {"id": "r-2", "outlet": "Daily Lantern", "published": "2026-12-05T09:10:00Z", "text": (
        "A ferry ran aground off Cape Lorn on Sunday; all 212 passengers were brought ashore.\n"
        "Please donate to the Daily Lantern's fund for the families of the crew.\n"
        "Divers will inspect the hull on Monday, the operator said.")}
    clean = {"id": "r-3", "outlet": "Harbor Wire", "published": "2026-12-05T10:00:00Z", "text": (
        "Parliament passed the Norvland budget by 78 votes to 62 on Tuesday, clearing the way for the farm "
        "subsidy.")}
    with TestClient(create_app(str(tmp_path / "w.db"), token=TOKEN)) as client:
        items = client.post("/api/articles", json=[undated, appeal, clean, {"title": "no text"}],
                            headers=AUTH).json()["items"]
        stored = client.get("/api/articles/r-1").json()
    assert [it["status"] for it in items] == ["stored", "stored", "stored", "failed"]
    (date_warning,) = items[0]["warnings"]
    assert "'вчера, 22:10'" in date_warning and "stored undated" in date_warning
    (drop_warning,) = items[1]["warnings"]
    assert "Please donate" in drop_warning and "boilerplate" in drop_warning
    assert items[2]["warnings"] == [] and items[3]["warnings"] == []
    # the warnings are about this upload, not part of the stored article
    assert stored["published"] is None and "warnings" not in stored


def test_reposting_is_skipped(loaded):
    client, _, _ = loaded
    r = client.post("/api/articles", json=quake_items()[0], headers=AUTH)
    assert r.status_code == 200
    assert (r.json()["stored"], r.json()["skipped"]) == (0, 1)


def test_another_article_under_a_stored_id_fails_by_name_instead_of_vanishing(tmp_path):
    # second QA pass: two outlets' CMSs both number their articles; the second "zz9" was answered
    # "skipped: already stored" and never stored
    first = {"id": "zz9", "outlet": "Harbor Wire", "text": (
        "A ferry ran aground off Cape Lorn on Sunday; all 212 passengers were brought ashore, the coastguard "
        "said. Divers will inspect the hull on Monday, the operator said.")}
    other = {"id": "zz9", "outlet": "Veyra Post", "text": (
        "Parliament passed the Norvland budget by 78 votes to 62 on Tuesday, clearing the way for the farm "
        "subsidy. The opposition said it would challenge the vote in court.")}
    with TestClient(create_app(str(tmp_path / "ids.db"), token=TOKEN)) as client:
        assert client.post("/api/articles", json=first, headers=AUTH).json()["stored"] == 1
        (item,) = client.post("/api/articles", json=other, headers=AUTH).json()["items"]
        assert item["status"] == "failed" and "zz9" in item["error"] and "own id" in item["error"]
        assert any("zz9" in e["reason"] for e in client.get("/api/errors").json())
        # the same article again is still a repeat
        assert client.post("/api/articles", json=first, headers=AUTH).json()["skipped"] == 1


def test_two_different_items_without_text_are_quarantined_apart():
    from storydiff.serve.api import item_source

    assert item_source({"title": "A"}) != item_source({"title": "B"})
    assert item_source({"title": "A"}) == item_source({"title": "A"})  # a re-upload is the same item


def test_a_list_limit_below_one_or_a_negative_offset_is_refused(loaded):
    # second QA pass: /api/stories?limit=-1 answered [] and offset=-5 was taken, as if nothing were stored
    client, _, _ = loaded
    for query in ("limit=0", "limit=-1", "offset=-5", "limit=5000"):  # (QA 18: 5000 was taken, 1,000 answered)
        assert client.get(f"/api/stories?{query}").status_code == 422
        assert client.get(f"/?{query}").status_code == 422
    for query in ("limit=0", "limit=-1", "limit=201"):  # and search (the review; 201 was cut to 200 unsaid)
        assert client.get(f"/api/search?q=quake&{query}").status_code == 422
    assert client.get("/api/search?q=quake&limit=200").status_code == 200
    assert len(client.get("/api/stories?limit=1").json()) == 1
    # a page says what is wrong in a page (it answered raw JSON: QA, round 14); the API stays JSON
    page = client.get("/?offset=-1")
    assert page.headers["content-type"].startswith("text/html") and "offset" in page.text
    assert client.get("/api/stories?offset=-1").headers["content-type"].startswith("application/json")
    assert "at least 4 characters" in client.get("/stories/s").text


def test_malformed_items_fail_one_by_one(loaded):
    client, _, db = loaded
    bad = [
        5,
        {"title": "no body"},
        {"text": "x", "colour": "red"},
        {"text": 42},
        {"html": "<html><body></body></html>", "url": "https://e.example/empty"},
    ]
    r = client.post("/api/articles", json=bad, headers=AUTH)
    assert r.status_code == 200
    items = r.json()["items"]
    assert r.json()["failed"] == 5 and [it["status"] for it in items] == ["failed"] * 5
    assert items[0]["error"] == "item is a JSON number, expected an object"
    assert "'text'" in items[1]["error"] and "'html'" in items[1]["error"]
    assert "'colour'" in items[2]["error"]
    assert "'text' must be a string" in items[3]["error"]
    # every rejected item is quarantined, as ingest quarantines a file's bad rows: the API's list
    # and `storydiff errors` show each with its reason
    errors = client.get("/api/errors").json()
    assert any(e["source"] == "api:https://e.example/empty" for e in errors)
    assert {(item["source"], item["error"]) for item in items} <= {(e["source"], e["reason"]) for e in errors}
    listed = CliRunner().invoke(cli_app, ["errors", "--db", db, "--json"])
    assert listed.exit_code == 0
    listed_sources = {json.loads(line)["source"] for line in listed.stdout.splitlines()}
    assert {item["source"] for item in items} <= listed_sources


@pytest.mark.parametrize("body", [b"{not json", b"\xff\xfe\x00", b"[]", b"null", b'"hello"', b"42"])
def test_bad_bodies_are_400(loaded, body):
    client, _, _ = loaded
    r = client.post("/api/articles", content=body, headers={**AUTH, "Content-Type": "application/json"})
    assert r.status_code == 400
    assert not re.search(r"NoneType|JSON (str|int)\b", r.text)  # JSON's names, not Python's


def test_body_size_limit(loaded, monkeypatch):
    client, _, _ = loaded
    monkeypatch.setattr(api, "MAX_BODY_BYTES", 1000)
    big = json.dumps({"text": "word " * 400}).encode()
    refused = client.post("/api/articles", content=big, headers=AUTH)
    assert refused.status_code == 413 and "0.000954 MiB limit" in refused.text

    def chunks():  # no Content-Length: the server must count what arrives
        for _ in range(10):
            yield b" " * 200

    assert client.post("/api/articles", content=chunks(), headers=AUTH).status_code == 413


def test_default_body_limit_is_20_mb():
    assert api.MAX_BODY_BYTES == 20 * 1024 * 1024


# -- reads -------------------------------------------------------------------------------


def test_story_list_keeps_the_two_quakes_apart(loaded):
    client, _, _ = loaded
    berovac = story_of(client, "Berovac")
    marisol = story_of(client, "Marisol")
    assert berovac["n_articles"] == 2 and set(berovac["outlets"]) == {"Ostrania Press Agency", "Daily Lantern"}
    assert marisol["n_articles"] == 1 and marisol["id"] != berovac["id"]
    page = client.get("/")
    assert page.status_code == 200
    assert f'href="/stories/{berovac["id"]}"' in page.text and "Daily Lantern" in page.text


def test_story_json_and_page(loaded):
    client, _, _ = loaded
    sid = story_of(client, "Berovac")["id"]
    story = client.get(f"/api/stories/{sid}").json()
    assert story["id"] == sid and len(story["article_ids"]) == 2
    assert story["independent_sources"] == 1  # the reprint adds no source of its own
    assert {a["outlet"] for a in story["articles"]} == {"Ostrania Press Agency", "Daily Lantern"}
    assert "text" not in story["articles"][0]  # metadata only
    assert any(len(q["versions"]) == 2 for q in story["quotes"])
    page = client.get(f"/stories/{sid}")
    assert page.status_code == 200
    assert "1 independent source" in page.text
    assert "Quotes carried by several outlets" in page.text and "Ilse Varnik" in page.text
    for aid in story["article_ids"]:
        assert f'href="/articles/{aid}"' in page.text


def test_article_json_and_page(loaded):
    client, _, _ = loaded
    a = client.get("/api/articles/lantern-berovac").json()
    assert a["outlet"] == "Daily Lantern" and "Berovac" in a["text"] and a["story_id"]
    page = client.get("/articles/lantern-berovac")
    assert page.status_code == 200 and "town hall" in page.text
    assert 'href="https://dailylantern.example.com/news/berovac-quake-death-toll"' in page.text


def test_unknown_ids_are_404(loaded):
    client, _, _ = loaded
    assert client.get("/stories/nope").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/api/stories/nope").status_code == 404
    assert client.get("/api/articles/nope").status_code == 404


def test_merged_story_id_redirects(tmp_path):
    db = str(tmp_path / "m.db")
    with TestClient(create_app(db, token=TOKEN)) as client:
        assert client.post("/api/articles", json=quake_items(), headers=AUTH).json()["stored"] == 3
        berovac, marisol = story_of(client, "Berovac")["id"], story_of(client, "Marisol")["id"]
        with open_store(db) as other:  # a second process merging stories, as an ingest run would
            other.add_alias(marisol, berovac)
        r = client.get(f"/stories/{marisol}", follow_redirects=False)
        assert r.status_code == 308 and r.headers["location"] == f"/stories/{berovac}"
        r = client.get(f"/api/stories/{marisol}", follow_redirects=False)
        assert r.status_code == 308 and r.headers["location"] == f"/api/stories/{berovac}"
        merged = client.get(f"/api/stories/{marisol}").json()  # followed
        assert merged["id"] == berovac and len(merged["article_ids"]) == 3


def test_story_id_starts_redirect_and_story_lists_page(loaded):
    client, _, _ = loaded
    everything = [s["id"] for s in client.get("/api/stories").json()]
    assert len(everything) == 3
    assert [s["id"] for s in client.get("/api/stories?limit=2&offset=1").json()] == everything[1:]
    full = everything[0]
    r = client.get(f"/api/stories/{full[:8]}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/api/stories/{full}"
    r = client.get(f"/stories/{full[:8]}", follow_redirects=False)
    assert r.status_code == 308 and r.headers["location"] == f"/stories/{full}"
    r = client.get("/api/stories/s")  # every id starts so: too short to mean one
    assert r.status_code == 404
    first = client.get("/?limit=2").text
    assert 'rel="next"' in first and "offset=2" in first
    last = client.get("/?limit=2&offset=2").text
    assert 'rel="next"' not in last and "stories 3–3" in last and "newer" in last
    beyond = client.get("/?offset=5000").text
    assert "No stories this far back" in beyond and "No stories stored yet" not in beyond
    assert "give at least 4 characters" in client.get("/api/stories/s").json()["detail"]


def test_errors_page_and_json(loaded):
    client, _, _ = loaded
    client.post(
        "/api/articles", json={"html": "<html></html>", "url": f"https://x.example/{HOSTILE}"}, headers=AUTH
    )
    errors = client.get("/api/errors").json()
    assert any(e["source"] == f"api:https://x.example/{HOSTILE}" for e in errors)
    page = client.get("/errors")
    assert page.status_code == 200 and HOSTILE not in page.text
    assert html.escape(HOSTILE, quote=False) in page.text


# -- hostile text and headers --------------------------------------------------------------


def test_hostile_text_escaped_in_pages_verbatim_in_json(loaded):
    client, result, _ = loaded
    item = result["items"][-1]
    aid, sid = item["article_id"], item["story_id"]
    a = client.get(f"/api/articles/{aid}").json()
    assert a["title"] == HOSTILE and HOSTILE in a["text"] and HOSTILE in a["outlet"]
    assert client.get(f"/api/stories/{sid}").json()["articles"][0]["title"] == HOSTILE
    for url in ("/", f"/stories/{sid}", f"/articles/{aid}"):
        page = client.get(url)
        assert page.status_code == 200
        assert "<script" not in page.text.lower(), url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page.text, url


def test_javascript_urls_are_not_links(tmp_path):
    with TestClient(create_app(str(tmp_path / "j.db"), token=TOKEN)) as client:
        item = {**hostile_item(), "url": "javascript:alert(1)"}
        aid = client.post("/api/articles", json=item, headers=AUTH).json()["items"][0]["article_id"]
        page = client.get(f"/articles/{aid}").text
        assert 'href="javascript' not in page.lower()


def test_security_headers_and_static(loaded):
    client, _, _ = loaded
    for url in ("/", "/errors", "/api/stories", "/static/web.css"):
        r = client.get(url)
        assert r.status_code == 200
        csp = r.headers["content-security-policy"]
        assert "default-src 'none'" in csp and "script-src" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
    assert "text/css" in client.get("/static/web.css").headers["content-type"]


def test_healthz_and_docs(loaded):
    client, _, _ = loaded
    assert client.get("/healthz").json() == {"status": "ok"}
    assert "/api/articles" in client.get("/openapi.json").json()["paths"]
    assert client.get("/docs").status_code == 200


def test_bad_database_is_a_clear_error(tmp_path):
    bad = tmp_path / "not-a-db.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ValueError, match="cannot open database"):
        create_app(str(bad))


# -- storydiff serve ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("example.org", False),
    ],
)
def test_is_loopback(host, loopback):
    from storydiff.serve.cli_serve import is_loopback

    assert is_loopback(host) is loopback


@pytest.mark.parametrize(("host", "token", "warned"), [("0.0.0.0", None, True), ("127.0.0.1", None, False)])
def test_serve_warns_on_public_host_without_token(tmp_path, monkeypatch, capsys, host, token, warned):
    import uvicorn

    from storydiff.serve.cli_serve import serve

    monkeypatch.delenv("STORYDIFF_TOKEN", raising=False)
    ran = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(kw, app=app))
    open_store(str(tmp_path / "s.db")).close()
    serve(host=host, port=8123, db=str(tmp_path / "s.db"), token=token)
    assert ran["host"] == host and ran["port"] == 8123  # never refused, only warned
    assert ("warning: listening on" in capsys.readouterr().err) is warned


def test_conflicts_and_edited_quotes_are_shown(tmp_path):
    db = str(tmp_path / "c.db")
    with TestClient(create_app(db, token=TOKEN)) as client:
        client.post("/api/articles", json=quake_items()[:2], headers=AUTH)
        sid = story_of(client, "Berovac")["id"]
        client.get(f"/api/stories/{sid}")  # computes and caches the comparison
        with open_store(db) as other:  # the comparison as a later compare stage might make it
            story = other.get_story(sid)
            shared = next(f for f in story.facts if len(f.article_ids) == 2)
            shared.conflicts = ["numbers differ: 12 vs 14"]
            shared.variants = {i: f"{HOSTILE} variant of {i}" for i in shared.article_ids}
            version = story.quotes[0].versions[1]
            version.fidelity, version.diff = "edited", [("=", "We are"), ("-", "still"), ("+", HOSTILE)]
            # another mouth, named in hostile markup (a speaker conflict is between two names: every
            # word capitalised, round 27)
            story.quotes[0].versions[0].speaker, version.speaker = "Ilka Severin", f"Karin Velt{HOSTILE}"
            other.save_story(story)
        page = client.get(f"/stories/{sid}").text
    assert "Where the reports disagree" in page and "numbers differ: 12 vs 14" in page
    assert "⚠ speaker differs: Ilka Severin (" in page and "vs Karin Velt&lt;script&gt;alert(1)&lt;/script&gt; (" in page
    assert "<del>still</del>" in page and "<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>" in page
    assert "<script" not in page


@pytest.mark.skipif(not embeddings.embeddings_available(), reason="MiniLM tier not installed (optional extra)")
def test_a_server_with_minilm_facts_remakes_a_comparison_cached_by_the_lexical_matcher(tmp_path):
    db = str(tmp_path / "storm.db")
    items = [{**r, "html": as_html(r.pop("text"))} for r in storm_records()]

    def paraphrase_outlets(client, sid) -> tuple[str, list[str]]:
        story = client.get(f"/api/stories/{sid}").json()
        outlet = {a["id"]: a["outlet"] for a in story["articles"]}
        (fact,) = [f for f in story["facts"] if any("cut electricity" in v for v in f["variants"].values())]
        return story["fact_tier"], [outlet[i] for i in fact["article_ids"]]

    lexical = FactSettings()
    with TestClient(create_app(db, token=TOKEN, fact_settings=lexical)) as client:
        assert client.post("/api/articles", json=items, headers=AUTH).json()["stored"] == 2
        (sid,) = {s["id"] for s in client.get("/api/stories").json()}
        assert paraphrase_outlets(client, sid) == ("lexical", ["Valley Courier"])  # computed, cached
    with TestClient(create_app(db, fact_settings=FactSettings(scorer="learned", use_embeddings=True))) as client:
        assert paraphrase_outlets(client, sid) == ("minilm", ["Valley Courier", "Keswick Star"])
        assert "matched by words + MiniLM" in client.get(f"/stories/{sid}").text
    with TestClient(create_app(db, fact_settings=lexical)) as client:  # and back: the cache holds MiniLM's now
        assert paraphrase_outlets(client, sid) == ("lexical", ["Valley Courier"])
    with TestClient(create_app(db, fact_settings=FactSettings(scorer="judge"))) as client:  # the judge finds it too
        assert paraphrase_outlets(client, sid) == ("cross-encoder", ["Valley Courier", "Keswick Star"])
        assert "matched by the same-fact judge" in client.get(f"/stories/{sid}").text


def test_user_ids_with_dot_segments_and_bidi_overrides_cannot_bend_the_pages(tmp_path):
    db = str(tmp_path / "b.db")
    evil = "\u202eevil outlet"  # RIGHT-TO-LEFT OVERRIDE: would mirror what follows it
    item = {"id": "a/../../errors", "outlet": evil, "title": "Council meets\u202e on bridge",
            "text": "The council met on Tuesday to discuss the new bridge over the river Tarn. " * 3}
    with TestClient(create_app(db, token=TOKEN)) as client:
        r = client.post("/api/articles", json=item, headers=AUTH)
        story_id = r.json()["items"][0]["story_id"]
        page = client.get(f"/stories/{story_id}").text
        assert "\u202e" not in page and "evil outlet" in page
        assert '/article?id=a%2F..%2F..%2Ferrors' in page and "/articles/a/../" not in page
        article = client.get("/article", params={"id": "a/../../errors"})
        assert article.status_code == 200 and "The council met on Tuesday" in article.text


# -- what analysis found, docs that work offline, an icon ---------------------------------------


def test_an_article_from_the_api_has_the_quotes_and_entities_compare_finds(tmp_path):
    from storydiff.pipeline import compare_paths

    seeds = [str(EXAMPLES / "euromaidanpress-kallas-ft.txt"), str(EXAMPLES / "unn-kallas-ft.txt")]
    db = str(tmp_path / "seeds.db")
    assert CliRunner().invoke(cli_app, ["ingest", *seeds, "--db", db]).exit_code == 0
    compared = compare_paths(seeds).to_dict()["articles"]
    with TestClient(create_app(db)) as client:
        for expected in compared:
            got = client.get(f"/api/articles/{expected['id']}").json()
            assert got["quotes"] and got["entities"]  # ingest stored neither: the API parses
            assert got["quotes"] == expected["quotes"]
            assert [e["text"] for e in got["entities"]] == expected["entities"]


def test_api_docs_are_served_from_this_server_under_a_policy_without_inline_script(loaded):
    client, _, _ = loaded
    page = client.get("/docs")
    assert page.status_code == 200
    csp = page.headers["content-security-policy"]
    assert "script-src 'self';" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    assert "http" not in csp and "cdn" not in page.text  # nothing from another host
    scripts = re.findall(r'<script src="([^"]+)"', page.text)
    styles = re.findall(r'<link rel="stylesheet" href="([^"]+)"', page.text)
    assert scripts and styles and "<script>" not in page.text  # no inline script to allow
    for asset in scripts + styles:
        r = client.get(asset)
        assert r.status_code == 200 and r.content.strip(), asset
    assert client.get("/redoc").status_code == 404  # FastAPI's CDN-loading page is gone
    assert client.get("/openapi.json").json()["paths"]["/api/stories"]


def test_every_page_has_an_icon(loaded):
    client, _, _ = loaded
    for path in ("/", "/errors", "/docs"):
        assert '<link rel="icon" href="/static/favicon.svg"' in client.get(path).text
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.headers["content-type"].startswith("image/svg+xml")
    assert client.get("/favicon.ico").url.path == "/static/favicon.svg"


def test_the_server_compares_stories_before_they_are_viewed(tmp_path):
    """storydiff serve (warm=True) compares, in the background, the newest stories of several
    articles as it starts and every story an upload adds to: a view then reads the stored
    comparison, which is the one a view would have computed."""
    import time

    from storydiff.pipeline import compare_stored_story

    db = str(tmp_path / "warm.db")
    items = quake_items()

    def stored_soon(sid: str):
        for _ in range(600):
            with open_store(db) as s:
                story = s.get_story(sid)
            if story is not None:
                return story
            time.sleep(0.1)
        raise AssertionError(f"story {sid} was not compared in the background")

    with TestClient(create_app(db, token=TOKEN)) as client:  # not warm: nothing precomputed
        client.post("/api/articles", json=items[:1], headers=AUTH)
    with TestClient(create_app(db, token=TOKEN, warm=True)) as client:
        sid = client.post("/api/articles", json=items[1:2], headers=AUTH).json()["items"][0]["story_id"]
        background = stored_soon(sid)  # the reprint joined the wire story: compared unasked
        assert len(background.article_ids) == 2
        assert client.get(f"/api/stories/{sid}").json()["article_ids"] == background.article_ids
    with open_store(db) as s:
        s.mark_story_stale(sid)
        assert compare_stored_story(s, sid, with_analysis=False)[0] == background  # what a view computes
        s.mark_story_stale(sid)
    with TestClient(create_app(db, warm=True)):  # a restart: the newest stories are compared again
        assert stored_soon(sid) == background


def test_a_loopback_server_answers_only_to_its_own_names(tmp_path, monkeypatch):
    # review 23a, F5: any Host was answered, so a page rebinding its own name to 127.0.0.1 could
    # read the database through the user's browser (reads need no token)
    import uvicorn

    from storydiff.serve.cli_serve import serve

    ran = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: ran.update(kw, app=app))
    open_store(str(tmp_path / "s.db")).close()
    serve(host="127.0.0.1", port=8123, db=str(tmp_path / "s.db"), token=None, allowed_host=["news.lan"])
    with TestClient(ran["app"]) as client:
        for host, status in (("rebind.attacker.example:8123", 400), ("127.0.0.1:8123", 200),
                             ("localhost:8123", 200), ("[::1]:8123", 200), ("news.lan", 200), ("", 400),
                             ("localhost.:8123", 200)):  # a fully qualified name (review 23b, F9)
            assert client.get("/api/stories", headers={"host": host}).status_code == status, host
    # on a public address the user chose to be reached by any name
    serve(host="0.0.0.0", port=8123, db=str(tmp_path / "s.db"), token=None)
    with TestClient(ran["app"]) as client:
        assert client.get("/api/stories", headers={"host": "news.example.org"}).status_code == 200


def test_the_quarantine_is_counted_not_read_and_listed_a_page_at_a_time(tmp_path):
    # review 23a, F8: the front page read every failure to count them, /errors and /api/errors
    # returned them all (100,000 rows: 21 MB, 3.7 s)
    from storydiff.records import Failure

    db = str(tmp_path / "q.db")
    with open_store(db) as store:
        for i in range(5):
            store.add_failure(Failure(source=f"https://x.example/{i}", reason=f"HTTP 404 <b>{i}</b>", stage="fetch"))
        assert store.count_failures() == 5
        assert [f.source for f in store.failures(limit=2, offset=1)] == ["https://x.example/1", "https://x.example/2"]
    with TestClient(create_app(db)) as client:
        assert client.get("/api/errors/count").json() == {"count": 5}
        page = client.get("/api/errors", params={"limit": 2, "offset": 3}).json()
        assert [e["source"] for e in page] == ["https://x.example/3", "https://x.example/4"]
        assert len(client.get("/api/errors").json()) == 5
        assert client.get("/api/errors", params={"limit": 0}).status_code == 422
        assert client.get("/").status_code == 200  # counts with count_failures (no stories: no count shown)
        html_page = client.get("/errors", params={"limit": 2}).text
        assert "5 items could not be ingested (here 1–2)" in html_page and 'rel="next"' in html_page
        assert "HTTP 404 &lt;b&gt;0&lt;/b&gt;" in html_page and "x.example/2" not in html_page


def test_the_quarantine_masks_a_watched_urls_password_everywhere_it_is_shown(tmp_path):
    # the sources views masked a feed's password (review 23a, F9); /errors, /api/errors and
    # `storydiff errors` showed it in the failed source's URL
    from storydiff.records import Failure

    db = str(tmp_path / "p.db")
    with open_store(db) as store:
        store.add_failure(Failure(source="http://desk:s3cret@feeds.example/rss", stage="fetch",
                                  reason="http://desk:s3cret@feeds.example/rss: HTTP 503"))
    with TestClient(create_app(db)) as client:
        assert "s3cret" not in client.get("/errors").text and "desk:***@feeds.example" in client.get("/errors").text
        assert "s3cret" not in client.get("/api/errors").text
    out = CliRunner().invoke(cli_app, ["errors", "--db", db, "--json"]).output
    assert "s3cret" not in out and "desk:***@" in out
