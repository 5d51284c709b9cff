"""Issue 22, case 10: deeply nested JSON bodies, ``offset`` >= 2^63 and a surrogate in an ``id``
answered 500; an immutable database file or a database path under a file gave tracebacks;
``&#x1;``, ``&#x8;``, ``&#x1B;`` in a page dropped the whole article; ``serve`` without its extra
was a traceback; near-identical texts from one outlet in one batch all failed as boilerplate."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import attack_inputs as inputs
import pytest
from attack_cli import cli, no_traceback

from storydiff.extract import extract_items
from storydiff.records import Article, RawItem

AUTH = {"Authorization": "Bearer t", "Content-Type": "application/json"}


@pytest.fixture
def client(tmp_path):
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    return TestClient(create_app(str(tmp_path / "api.db"), token="t"), raise_server_exceptions=False)


def test_a_deeply_nested_body_is_a_400(client):
    r = client.post("/api/articles", content="[" * 200_000 + "]" * 200_000, headers=AUTH)
    assert r.status_code == 400 and "nested" in r.json()["detail"]
    r = client.post("/api/articles", content='{"id": ' + "9" * 5000 + ', "text": "x"}', headers=AUTH)
    assert r.status_code == 400


@pytest.mark.parametrize("path", ["/api/stories?offset=9223372036854775808", "/?offset=9223372036854775808",
                                  "/api/stories?offset=99999999999999999999999"])
def test_an_offset_no_database_can_hold_is_a_4xx(client, path):
    assert 400 <= client.get(path).status_code < 500


def test_an_id_with_half_a_surrogate_pair_fails_that_item_not_the_request(client):
    rows = [dict(inputs.good_row(1), id="row\ud83d"), inputs.good_row(2)]
    r = client.post("/api/articles", content=json.dumps(rows), headers=AUTH)
    assert r.status_code == 200
    first, second = r.json()["items"]
    assert first["status"] == "failed" and "surrogate" in first["error"]
    assert second["status"] == "stored"
    assert client.get("/api/articles/row%ED%A0%BD").status_code == 404  # the bytes of a surrogate in a path
    assert client.get("/api/stories").status_code == 200


def test_a_database_path_under_a_file_is_an_error_line(tmp_path):
    (tmp_path / "afile").write_text("not a folder")
    good = inputs.write_jsonl(tmp_path / "good.jsonl", [inputs.good_row(1)])
    result = cli("ingest", good, "--db", tmp_path / "afile" / "news.db")
    assert result.exit_code == 2 and no_traceback(result)
    assert "error: cannot create the folder of database" in result.stderr


@pytest.mark.skipif(shutil.which("chattr") is None, reason="needs chattr")
def test_an_immutable_database_file_is_an_error_line_and_reads_still_work(tmp_path):
    db = tmp_path / "news.db"
    one = inputs.write_jsonl(tmp_path / "one.jsonl", [inputs.good_row(1)])
    two = inputs.write_jsonl(tmp_path / "two.jsonl", [inputs.good_row(2, "Harbor Wire")])
    assert cli("ingest", one, "--db", db, "--workers", "0").exit_code == 0
    if subprocess.run(["chattr", "+i", str(db)], capture_output=True).returncode != 0:
        pytest.skip("chattr +i is not permitted here (needs root and a file system that has it)")
    try:
        result = cli("ingest", two, "--db", db, "--workers", "0")
        assert result.exit_code == 2 and no_traceback(result), result.output
        assert f"error: database {db}:" in result.stderr and "readonly" in result.stderr
        story = json.loads(cli("stories", "--db", db, "--json").stdout.splitlines()[0])["id"]
        shown = cli("show", story, "--db", db)
        assert shown.exit_code == 0 and no_traceback(shown)  # shown, just not cached
    finally:
        subprocess.run(["chattr", "-i", str(db)], check=True)


def test_serve_without_its_extra_says_what_to_install(monkeypatch):
    monkeypatch.setitem(sys.modules, "uvicorn", None)  # import uvicorn -> ImportError
    result = cli("serve")
    assert result.exit_code == 2 and no_traceback(result)
    assert "storydiff[serve]" in result.stderr


def test_control_character_references_in_a_page_leave_its_article_whole(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(inputs.page(1, extra="<p>Alarm &#x1;bells &#x8;rang &#x1B;at the quay, and &#1; stopped.</p>"),
                    encoding="utf-8")
    result = cli("extract", path, "--json")
    assert result.exit_code == 0, result.output
    (article,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert "Alarm bells rang at the quay" in article["text"]
    assert "harbour authority of Port Velm" in article["text"]


@pytest.mark.parametrize("last_line", ["No injuries were reported by the local police",
                                       "No injuries were reported by the police of district {n}"])
def test_near_identical_texts_of_one_outlet_in_one_batch_are_all_read(last_line):
    versions = [RawItem(f"update{n}.txt", "text",
                        f"Lorn quake update {n}\nMagnitude 5.1 quake hits Lorn\n" + last_line.format(n=n),
                        meta={"outlet": "Velm Gazette"}) for n in range(3)]
    results = list(extract_items(versions))
    assert all(isinstance(r, Article) for r in results), results
    assert all("No injuries were reported" in r.text for r in results)
