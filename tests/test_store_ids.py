"""Long article ids on both databases (QA pass 18): PostgreSQL's btree index holds at most 2,704
bytes an entry, so one row with a 3,000-letter Cyrillic id (6,000 bytes) aborted a whole ingest
there (0 of 10 rows stored, the row not named) while SQLite stored every row."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.records import Article
from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # the store fixtures: SQLite, and PostgreSQL when set

runner = CliRunner()


def cyrillic(n: int, seed: int) -> str:
    """``n`` Cyrillic letters (2 bytes each in UTF-8) in no repeating pattern: a btree entry
    PostgreSQL cannot compress under its limit."""
    rng = random.Random(seed)
    return "".join(chr(rng.randrange(0x430, 0x450)) for _ in range(n))


def _row(rid: str, n: int) -> dict:
    return {"id": rid, "url": f"https://ledger.test/{n}", "outlet": "Ledger", "title": f"Council vote {n}",
            "published": f"2025-03-{n + 1:02d}T09:00:00Z",
            "text": f"The council of Varna-{n} voted {n + 3} to {n} on Tuesday to close the old market hall, the mayor said."}


def test_a_row_with_an_id_too_long_to_index_fails_by_name_and_the_others_are_stored(db_url, tmp_path):
    long_id = cyrillic(2_500, 1)  # 5,000 bytes
    edge_id = cyrillic(1_000, 2)  # 2,000 bytes: the most an export id may have
    rows = [_row(f"r{n}", n) for n in range(5)]
    rows[2] = _row(long_id, 2)
    rows[3] = _row(edge_id, 3)
    rows.append({**_row(edge_id, 6)})  # the same id, another article: stored under id~hash (2,009 bytes)
    path = tmp_path / "export.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    out = runner.invoke(app, ["ingest", str(path), "--db", db_url, "--workers", "0"])
    assert out.exit_code == 0, out.stderr
    said = " ".join(out.stderr.split())
    assert "stored 5 new article(s)" in said and "1 failed" in said
    assert f"{path}#L3: field 'id' is 5,000 bytes long in UTF-8; at most 2,000" in said
    assert long_id[:50] not in said  # named by its line, not by 5,000 bytes of id
    with open_store(db_url) as s:
        ids = {a.id for a in s.articles()}
        assert ids >= {"r0", "r1", "r4", edge_id} and len(ids) == 5
        assert any(i.startswith(edge_id + "~") for i in ids)
        assert [f.source for f in s.failures()] == [f"{path}#L3"]
    errors = runner.invoke(app, ["errors", "--db", db_url])
    assert f"{path}#L3" in errors.stdout and "bytes long" in errors.stdout


def test_the_store_refuses_an_id_it_cannot_index_on_either_database(store):
    from storydiff.store.codec import MAX_ID_BYTES

    too_long = Article(id=cyrillic(MAX_ID_BYTES, 3), source="api:x", text="A long enough text about a vote.",
                       outlet="Ledger")
    with pytest.raises(ValueError, match=r"api:x: article id is 5,200 bytes long in UTF-8"):
        store.add_article(too_long)
    # nothing was written, and the store goes on
    assert store.articles() == [] and store.add_article(Article(id="ok", source="api:y", text="Another text here."))
