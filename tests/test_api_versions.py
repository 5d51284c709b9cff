"""The REST API stores what file ingest stores (QA pass 19a, a data desk integrating the API): a
correction whose slug moved under the same id, two versions of one article in one request, the
same wire copy from several outlets, the fields of a vendor's export (``modified``, ``headline``,
epoch numbers); a quarantined item sent again fixed leaves /api/errors; an id ending in
"/revisions" is reachable. On SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.serve.api import create_app
from storydiff.serve.cli import app as cli_app
from storydiff.store import open_store
from storydiff.store.engine import make_engine

PG_URL = os.environ.get("STORYDIFF_TEST_PG_URL")
TOKEN = "t0ken-19"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "news.db")
    if not PG_URL:
        pytest.skip("STORYDIFF_TEST_PG_URL not set (bash .ci/postgres.sh starts a server)")
    engine = make_engine(PG_URL)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()
    return PG_URL


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
