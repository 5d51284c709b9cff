"""Issue 22, case 3: an unpaired surrogate (half an emoji, "\\ud83d") in an article was stored,
and from then on its story page, article page and API routes answered 500 and ``show`` crashed;
``compare``, ``quotes`` and ``extract --json`` crashed on it. Now the sanitising boundary on the
way in (ingest.sanitize) replaces it, files and uploads alike."""

from __future__ import annotations

import json
import sqlite3

import attack_inputs as inputs
import pytest
from attack_cli import cli, no_traceback

HALF_EMOJI = "\ud83d"


def _rows():
    rows = []
    for n, outlet in ((1, "Velm Gazette"), (2, "Harbor Wire")):
        row = inputs.good_row(n, outlet)
        row["text"] = row["text"].replace("chief engineer", f"chief engineer {HALF_EMOJI}")
        row["title"] += f" {HALF_EMOJI}"
        row["outlet"] = outlet + HALF_EMOJI
        rows.append(row)
    return rows


@pytest.fixture
def surrogate_export(tmp_path):
    path = tmp_path / "half-emoji.jsonl"
    # json.dumps writes the half as the escape "\ud83d": valid JSON, invalid text
    path.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    return path


def test_stored_text_is_valid_and_every_view_of_it_answers(tmp_path, surrogate_export):
    db = str(tmp_path / "attack.db")
    result = cli("ingest", surrogate_export, "--db", db, "--workers", "0")
    assert result.exit_code == 0 and no_traceback(result), result.output
    for (data,) in sqlite3.connect(db).execute("SELECT data FROM articles"):
        assert not data.startswith("~")  # the store's marker for text holding lone surrogates
        json.loads(data)["text"].encode("utf-8")
    story = json.loads(cli("stories", "--db", db, "--json").stdout.splitlines()[0])["id"]
    shown = cli("show", story, "--db", db)
    assert shown.exit_code == 0 and no_traceback(shown), shown.output
    assert "\ufffd" in shown.stdout  # the half is shown as what it is: a character lost

    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    client = TestClient(create_app(db), raise_server_exceptions=False)
    for path in (f"/stories/{story}", f"/api/stories/{story}", "/api/articles/row1", "/articles/row1",
                 "/api/stories", "/"):
        assert client.get(path).status_code == 200, path


def test_uploads_go_through_the_same_boundary(tmp_path):
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    client = TestClient(create_app(str(tmp_path / "api.db"), token="t"), raise_server_exceptions=False)
    auth = {"Authorization": "Bearer t", "Content-Type": "application/json"}
    r = client.post("/api/articles", content=json.dumps(_rows()), headers=auth)
    assert r.status_code == 200, r.text
    assert r.json()["stored"] == 2
    story = r.json()["items"][0]["story_id"]
    assert client.get(f"/api/stories/{story}").status_code == 200
    assert client.get(f"/stories/{story}").status_code == 200
    assert client.get("/api/articles/row1").status_code == 200


@pytest.mark.parametrize("command", [("compare", "--json"), ("compare",), ("quotes",), ("quotes", "--json"),
                                     ("extract", "--json"), ("extract",)])
def test_commands_that_read_files_print_it(surrogate_export, command):
    result = cli(command[0], surrogate_export, *command[1:])
    assert result.exit_code == 0 and no_traceback(result), result.output
    result.stdout.encode("utf-8")
