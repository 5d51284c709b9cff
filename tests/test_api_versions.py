"""The REST API stores what file ingest stores (QA pass 19a, a data desk integrating the API): a
correction whose slug moved under the same id, two versions of one article in one request, the
same wire copy from several outlets, the fields of a vendor's export (``modified``, ``headline``,
epoch numbers); a quarantined item sent again fixed leaves /api/errors; an id ending in
"/revisions" is reachable. On SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

import test_store
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.serve.api import create_app
from storydiff.serve.cli import app as cli_app
from storydiff.store import open_store

TOKEN = "t0ken-19"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


db_url = test_store.db_url  # SQLite, and PostgreSQL when set


@pytest.fixture
def client(db_url):
    with TestClient(create_app(db_url, token=TOKEN)) as c:
        yield c


def post(client, items) -> dict:
    r = client.post("/api/articles", json=items, headers=AUTH)
    assert r.status_code == 200, r.text
    return r.json()


def strike(dead: int, injured: int, slug_word: str) -> dict:
    """A Zhytomyr outlet's report; its correction changes the toll, the headline and the slug."""
    return {
        "id": "zt-412", "outlet": "Zhytomyr Today", "published": "2026-11-20T21:00:00+02:00", "authors": ["Олена Мельник"],
        "url": f"https://zt.example/news/412-udar-po-zhytomyru-{slug_word}",
        "title": f"Удар по Житомиру: загинули {slug_word} людей",
        "text": (f"Увечері 20 листопада російські війська атакували Житомир ракетами, загинули {dead} людей, "
                 f"ще {injured} поранені. Про це повідомив начальник обласної військової адміністрації.\n"
                 "\"Ракета влучила в територію складу, виникла пожежа\", - написав він у Telegram.\n"
                 "На місці працюють рятувальники ДСНС, триває розбирання завалів і ліквідація пожежі.\n"
                 "У місті оголошено день жалоби, у школах скасовано заняття."),
    }


def revisions(client, article_id: str) -> dict:
    r = client.get(f"/api/articles/{article_id}/revisions")
    assert r.status_code == 200, r.text
    return r.json()


def test_a_correction_at_a_new_slug_under_the_same_id_is_revision_2(client):
    # QA 19a, 1: the API answered "skipped: already stored" and the old toll stayed current
    assert post(client, strike(3, 12, "troie"))["stored"] == 1
    (item,) = post(client, strike(5, 14, "piatero"))["items"]
    assert item["status"] == "stored" and item["article_id"] == "zt-412", item
    revs = revisions(client, "zt-412")
    assert revs["current"] == 2 and "загинули 5 людей" in revs["revisions"][-1]["text"]


def test_ingest_makes_the_moved_correction_under_the_same_id_a_revision(db_url, tmp_path):
    # the CLI stored a second article "zt-412~hash" of the same outlet instead
    for n, rec in enumerate((strike(3, 12, "troie"), strike(5, 14, "piatero"))):
        path = tmp_path / f"v{n}.jsonl"
        path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
        done = CliRunner().invoke(cli_app, ["ingest", str(path), "--db", db_url, "--workers", "0"])
        assert done.exit_code == 0, done.output
    store = open_store(db_url)
    try:
        assert [a.id for a in store.articles()] == ["zt-412"]
        assert "загинули 5 людей" in store.get_article("zt-412").text
    finally:
        store.close()


def test_two_versions_of_one_article_in_one_request_are_two_revisions(client):
    # QA 19a, 2: the correction was "skipped: same item earlier in this request"
    first, second = strike(3, 12, "troie"), strike(5, 14, "troie")
    out = post(client, [first, second])
    assert [it["status"] for it in out["items"]] == ["stored", "stored"], out
    revs = revisions(client, "zt-412")
    assert revs["current"] == 2 and "загинули 5 людей" in revs["revisions"][-1]["text"]
    # the very same item twice is still one item
    again = post(client, [second, second])
    assert [it["status"] for it in again["items"]] == ["skipped", "skipped"]
    assert again["items"][1]["error"] == "same item earlier in this request"


def test_the_same_wire_copy_from_other_outlets_is_stored_for_each(client):
    # QA 19a, 3: without url or id the text alone keyed an item, so other outlets' copies were
    # "same item earlier in this request" / "already stored"; a file of the same rows stores all
    text = ("Уночі 21 листопада сили ППО збили над Черкащиною 9 ударних дронів, повідомили у Повітряних силах.\n"
            "\"Робота ППО триває, не ігноруйте тривогу\", - заявив речник Повітряних сил.\n"
            "Падіння уламків зафіксовано у двох районах області.")
    copies = [{"outlet": o, "title": "Над Черкащиною збили 9 дронів", "published": f"2026-11-21T06:{m}:00+02:00",
               "text": text} for o, m in (("Ukrinform", "00"), ("Interfax-Ukraine", "20"), ("Espreso", "40"))]
    out = post(client, copies[:2])
    assert [it["status"] for it in out["items"]] == ["stored", "stored"], out
    assert [it["status"] for it in post(client, copies[2:])["items"]] == ["stored"]
    ids = {it["article_id"] for it in out["items"]}
    assert len(ids) == 2
    stories = client.get("/api/stories").json()
    assert len(stories) == 1
    outlets = {a["outlet"] for a in client.get(f"/api/stories/{stories[0]['id']}").json()["articles"]}
    assert outlets == {"Ukrinform", "Interfax-Ukraine", "Espreso"}
    # each copy sent again is a repeat
    assert post(client, copies)["skipped"] == 3


def test_vendor_field_names_epoch_numbers_and_modified_are_read_as_file_ingest_reads_them(client):
    # QA 19a, 9: refused as unknown fields or "must be a string"
    items = [
        {"id": "v-1", "headline": "Вибухи у Житомирі", "body": "Уночі 22 листопада у Житомирі пролунали вибухи, "
         "повідомив голова ОВА у Telegram.", "publishedAt": "2026-11-22T01:10:00Z", "source": {"name": "Zhytomyr Today"}},
        {"id": "v-2", "title": "Вибухи у Бердичеві", "text": "Уночі 22 листопада у Бердичеві пролунали вибухи, "
         "повідомив голова ОВА у Telegram.", "published": 1795309800, "outlet": "Berdychiv News"},
        {"id": "v-3", "title": "Вибухи в Коростені", "text": "Уночі 22 листопада в Коростені пролунали вибухи, "
         "повідомив голова ОВА у Telegram.", "published": "2026-11-22T01:30:00+02:00",
         "updated": "2026-11-22T03:00:00+02:00", "outlet": "Korosten News"},
    ]
    out = post(client, items)
    assert [it["status"] for it in out["items"]] == ["stored"] * 3, out
    a = client.get("/api/articles/v-1").json()
    assert (a["title"], a["outlet"]) == ("Вибухи у Житомирі", "Zhytomyr Today") and a["published"].startswith("2026-11-22")
    assert client.get("/api/articles/v-2").json()["published"].startswith("2026-11-22")
    assert client.get("/api/articles/v-3").json()["modified"] is not None


def test_an_older_text_sent_after_the_newer_one_stays_an_earlier_revision(client):
    # QA 19a, 9's consequence: without "modified" the older text sent later became current
    newer = {**strike(5, 14, "troie"), "modified": "2026-11-20T23:40:00+02:00"}
    older = {**strike(3, 12, "troie"), "modified": "2026-11-20T21:05:00+02:00"}
    post(client, newer)
    post(client, older)
    revs = revisions(client, "zt-412")
    current = next(r for r in revs["revisions"] if r["number"] == revs["current"])
    assert "загинули 5 людей" in current["text"]


def test_the_no_text_error_names_only_fields_the_api_takes(client):
    (item,) = post(client, {"id": "no-body", "title": "Без тексту"})["items"]
    assert item["status"] == "failed"
    named = [f.strip(" '") for f in item["error"].split("(")[-1].rstrip(")").split(",")]
    assert named and "text" in named
    for field in named:  # each field the error suggests is one the API takes
        (sent,) = post(client, {"id": f"with-{field}", field: "<p>Текст статті про події дня.</p>"})["items"]
        assert "unknown field" not in sent.get("error", ""), (field, sent)


def test_a_quarantined_item_sent_again_fixed_leaves_the_errors(client):
    # QA 19a, 12: {"id": "broken-2", "text": 5} stayed in /api/errors after it was stored
    (bad,) = post(client, {"id": "broken-2", "text": 5})["items"]
    assert bad["status"] == "failed"
    assert any(e["source"] == bad["source"] for e in client.get("/api/errors").json())
    fixed = {"id": "broken-2", "outlet": "Zhytomyr Today", "text": "Уночі 22 листопада у Житомирі пролунали вибухи."}
    (item,) = post(client, fixed)["items"]
    assert item["status"] == "stored", item
    assert client.get("/api/errors").json() == []


def test_an_id_ending_in_revisions_is_reachable(client):
    # QA 19a, 14: GET /api/articles/x%2Frevisions answered the revisions of "x" (404)
    text = "Уночі 22 листопада у Житомирі пролунали вибухи, пошкоджено кілька будинків."
    post(client, [{"id": "x/revisions", "text": text}, {"id": "x", "text": text + " Загинула одна людина."}])
    assert client.get("/api/articles/x%2Frevisions").json()["id"] == "x/revisions"
    assert client.get("/api/articles/x%2Frevisions/revisions").json()["article_id"] == "x/revisions"
    assert client.get("/api/articles/x/revisions").json()["article_id"] == "x"


def test_openapi_describes_the_upload_body_and_its_bearer_token(tmp_path):
    with TestClient(create_app(str(tmp_path / "o.db"), token=TOKEN)) as c:
        schema = c.get("/openapi.json").json()
    op = schema["paths"]["/api/articles"]["post"]
    body = op["requestBody"]["content"]["application/json"]["schema"]
    item = body["oneOf"][0]
    assert {"text", "html", "modified", "id"} <= set(item["properties"])
    (scheme,) = schema["components"]["securitySchemes"].values()
    assert (scheme["type"], scheme["scheme"].lower()) == ("http", "bearer")
    assert op.get("security"), op


@pytest.mark.parametrize("host, url", [
    ("::", "http://[::]:8000/"), ("::1", "http://[::1]:8000/"), ("[::1]", "http://[::1]:8000/"),
    ("127.0.0.1", "http://127.0.0.1:8000/"), ("localhost", "http://localhost:8000/"),
])
def test_the_printed_address_brackets_an_ipv6_host(host, url):
    from storydiff.serve.cli_serve import server_url

    assert server_url(host, 8000) == url


def test_compare_paths_takes_path_objects(tmp_path):
    from storydiff.pipeline import compare_paths

    rec = strike(3, 12, "troie")
    path = tmp_path / "one.jsonl"
    path.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    for given in ([Path(path)], Path(path), [str(path)], Path(tmp_path)):
        result = compare_paths(given)
        assert [a.id for a in result.articles] == ["zt-412"], given
