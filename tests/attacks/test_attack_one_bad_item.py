"""Issue 22, case 2: one bad input took the batch down (a traceback, and neither good file
stored): an RSS feed with a reference to no character (inside feedparser), a JSONL line nested
200k deep, a JSONL row with a 5,000-digit integer. Now BAD fails by name and both good files
are stored; ``compare`` likewise."""

from __future__ import annotations

import json
import sqlite3

import attack_inputs as inputs
import pytest
from attack_cli import cli, no_traceback

BAD_INPUTS = {
    "surrogate-reference.rss": lambda p: inputs.feed_with_references(p, "&#xD800;"),
    "past-unicode-reference.rss": lambda p: inputs.feed_with_references(p, "&#x110000;"),
    "twenty-digit-reference.rss": lambda p: inputs.feed_with_references(p, "&#12345678901234567890;"),
    "nested.jsonl": inputs.deep_jsonl,
    "long-integer.jsonl": inputs.long_int_jsonl,
}


def _goods(tmp_path):
    good1 = inputs.write_jsonl(tmp_path / "good1.jsonl", [inputs.good_row(1)])
    good2 = inputs.write_jsonl(tmp_path / "good2.jsonl", [inputs.good_row(2, outlet="Harbor Wire")])
    return good1, good2


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_ingest_good_bad_good_stores_both_good_files_and_names_the_bad_one(tmp_path, name):
    db = str(tmp_path / "attack.db")
    good1, good2 = _goods(tmp_path)
    bad = BAD_INPUTS[name](tmp_path / name)
    result = cli("ingest", good1, bad, good2, "--db", db, "--workers", "0")
    assert no_traceback(result), result.output
    assert result.exit_code == 0, result.output
    stored = sqlite3.connect(db).execute("SELECT id FROM articles ORDER BY id").fetchall()
    assert {"row1", "row2"} <= {r[0] for r in stored}
    if name.endswith(".jsonl"):  # no article in it: one error line names it
        assert f"error: {bad}" in result.stderr
    else:  # the feed's entry is read, its broken reference replaced
        assert len(stored) == 3


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_compare_good_bad_good_compares_both_good_files(tmp_path, name):
    good1, good2 = _goods(tmp_path)
    bad = BAD_INPUTS[name](tmp_path / name)
    result = cli("compare", good1, bad, good2, "--json")
    assert no_traceback(result), result.output
    assert result.exit_code == 0
    report = json.loads(result.stdout)
    assert {"row1", "row2"} <= {a["id"] for a in report["articles"]}
    for a in report["articles"]:  # what the broken references became is text, encodable as UTF-8
        a["text"].encode("utf-8")


@pytest.mark.parametrize("bad_line", [
    "[" * 200_000 + "]" * 200_000,  # nested too deep
    '{"id": ' + "9" * 5000 + ', "text": "x"}',  # a number Python will not convert
    json.dumps({"id": "half\ud83d", "text": inputs.PARAGRAPH}),  # an id no output can encode
])
def test_cluster_fails_the_bad_row_and_groups_the_others(tmp_path, bad_line):
    rows = tmp_path / "rows.jsonl"
    good = [json.dumps({"id": f"g{n}", "text": inputs.good_row(n)["text"]}) for n in (1, 2)]
    rows.write_text("\n".join([good[0], bad_line, good[1]]) + "\n", encoding="utf-8")
    result = cli("cluster", rows, "--workers", "0")
    assert no_traceback(result), result.output
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["g1", "g2"]
    assert f"error: {rows}#L2: bad row" in result.stderr


def test_cluster_bounds_a_decompression_bomb(tmp_path):
    bomb = inputs.bomb_jsonl_one_line(tmp_path / "rows.jsonl.gz")
    result = cli("cluster", bomb, "--workers", "0")
    assert no_traceback(result) and result.exit_code == 1
    assert "decompression bomb" in result.stderr


@pytest.mark.parametrize("bad_line", [
    "[" * 200_000 + "]" * 200_000,  # nested too deep
    '{"id": ' + "9" * 5000 + ', "a": "x", "b": "y"}',  # a number Python will not convert
    json.dumps({"id": "half\ud83d", "a": "x", "b": "y"}),  # an id the output cannot echo as text
])
@pytest.mark.parametrize("command", ["same-fact", "same-story"])
def test_a_judgement_command_fails_the_bad_row_and_judges_the_others(tmp_path, command, bad_line):
    # found when same-fact was given same-story's reader (serve/pair_rows.py): an id holding half
    # an emoji passed the reader and crashed both commands with a traceback when echoed
    def side(n: int):
        text = inputs.good_row(n)["text"]
        return text if command == "same-fact" else {"text": text}

    good = [json.dumps({"id": f"g{n}", "a": side(n), "b": side(n)}) for n in (1, 2)]
    rows = tmp_path / "pairs.jsonl"
    rows.write_text("\n".join([good[0], bad_line, good[1]]) + "\n", encoding="utf-8")
    result = cli(command, rows)
    assert no_traceback(result), result.output
    assert result.exit_code == 0
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == ["g1", "g2"]
    assert f"error: {rows}#L2: bad row" in result.stderr


def test_a_date_that_is_no_date_is_said_and_the_record_kept(tmp_path):
    # QA pass 15: "2026-13-45T99:00:00" or "вчора" as 'published' was stored undated, silently
    good = inputs.good_row(1)
    rows = inputs.write_jsonl(tmp_path / "rows.jsonl", [
        {**good, "id": "bad-month", "published": "2026-13-45T99:00:00"},
        {**inputs.good_row(2), "id": "word", "published": "вчора"},
        {**inputs.good_row(3), "id": "fine", "published": "2026-11-20"},
    ])
    db = tmp_path / "s.db"
    result = cli("ingest", rows, "--db", db, "--workers", "0")
    assert no_traceback(result) and result.exit_code == 0, result.output
    assert "stored 3 new article(s)" in result.output
    assert f"warning: {rows}#L1 (id bad-month): 'published' '2026-13-45T99:00:00' is no date" in result.stderr
    assert f"{rows}#L2 (id word): 'published' 'вчора'" in result.stderr and "#L3" not in result.stderr


@pytest.mark.parametrize("command", ["same-fact", "same-story"])
def test_a_judgement_command_names_a_truncated_or_bombed_gzip(tmp_path, command):
    # review of round 15: the gzip's EOFError was raised outside the row loop: "Aborted." and no file named
    import gzip

    text = inputs.good_row(1)["text"]
    side = text if command == "same-fact" else {"text": text}
    whole = gzip.compress((json.dumps({"id": "g1", "a": side, "b": side}) + "\n").encode() * 40)
    cut = tmp_path / "pairs.jsonl.gz"
    cut.write_bytes(whole[: len(whole) * 2 // 3])
    result = cli(command, cut)
    assert no_traceback(result) and "Aborted" not in result.output, result.output
    assert f"error: {cut}" in result.stderr and "truncated or corrupt gzip" in result.stderr
    bomb = inputs.bomb_jsonl_one_line(tmp_path / "bomb.jsonl.gz")
    result = cli(command, bomb)
    assert no_traceback(result) and result.exit_code == 1 and "decompression bomb" in result.stderr
