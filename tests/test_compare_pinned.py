"""What `compare` says must not depend on how fast it says it (issue 20): the bundled examples'
comparison is pinned (tests/data/demo_compare_pinned.json, made by the code before the speed
work), and every shortcut is checked against the plain way of doing the same work."""

from __future__ import annotations

import json
from pathlib import Path

from compare_digest import differences, digest
from conftest import EXAMPLES
from example_items import storm_records
from typer.testing import CliRunner

from storydiff.pipeline import compare_paths
from storydiff.serve.cli import app

PINNED = Path(__file__).parent / "data" / "demo_compare_pinned.json"
OTHER_LANGUAGES = ("uk", "ru", "de", "pl", "fr", "es", "it")  # analyze.speakers_multilingual
FIXTURES = Path(__file__).parent / "fixtures"


def test_demo_json_says_what_it_said_before_the_speed_work():
    result = CliRunner().invoke(app, ["demo", "--json"], catch_exceptions=False)
    assert result.exit_code == 0
    assert differences(digest(json.loads(result.stdout)), json.loads(PINNED.read_text(encoding="utf-8"))) == []


def test_the_report_without_json_compares_the_same_stories(tmp_path):
    """Without --json no entities are computed and one-article stories are not parsed; the
    examples' one-article story is the Ukrainian report, whose speakers need no parse, so every
    quote, speaker and fact is the same."""
    pinned = json.loads(PINNED.read_text(encoding="utf-8"))
    fast = compare_paths([str(EXAMPLES)], parse_singles=False, entities=False, workers=2)
    got = digest(fast.to_dict())
    assert differences(got["stories"], pinned["stories"]) == []
    assert [a[:6] for a in got["articles"]] == [a[:6] for a in pinned["articles"]]  # entities left out


def _inputs(tmp_path) -> list[str]:
    """Enough items for worker processes: the examples, page text of one outlet (its template is
    learnt from the others in its window), HTML and export rows of several stories."""
    records = storm_records() + [json.loads(line) for line in
                                 (EXAMPLES / "exports-lantern-herald.jsonl").read_text(encoding="utf-8").splitlines()]
    rows = tmp_path / "rows.jsonl"
    with rows.open("w", encoding="utf-8") as f:
        for k in range(6):  # more rows than the in-process threshold, several stories
            for rec in records:
                text = rec["text"] + f"\nUpdate {k}: officials said on Monday that {k + 3} more people were hurt."
                # no address: copies at one URL (or moved to another at the same time) are versions
                # of one article, compared once (QA pass 18), as ingest stores them
                f.write(json.dumps({**rec, "id": f"{rec['id']}-{k}", "text": text, "url": None}) + "\n")
    for n in range(8):
        page = FIXTURES / "extract" / ("page_a.txt" if n % 2 else "page_b.txt")
        (tmp_path / f"page_{n}.txt").write_text(page.read_text(encoding="utf-8") + f"\nSeen {n}.\n", encoding="utf-8")
    return [str(EXAMPLES), str(rows), *(str(p) for p in sorted(tmp_path.glob("page_*.txt"))),
            str(FIXTURES / "extract" / "article.html")]


def test_worker_processes_change_nothing(tmp_path):
    paths = _inputs(tmp_path)
    one = compare_paths(paths, workers=0).to_dict()
    two = compare_paths(paths, workers=2).to_dict()
    assert len(one["articles"]) > 32  # past the threshold where workers start
    assert two == one


def test_one_article_stories_skip_only_the_parse(tmp_path):
    paths = _inputs(tmp_path)
    full = compare_paths(paths, workers=0)
    lean = compare_paths(paths, workers=0, parse_singles=False, entities=False)
    singles = {s.article_ids[0] for s in full.stories if len(s.article_ids) == 1}
    assert singles and len(singles) < len(full.stories)
    by_id = {a.id: a for a in lean.articles}
    for a in full.articles:
        lean_a = by_id[a.id]
        assert [q.text for q in lean_a.quotes] == [q.text for q in a.quotes]  # the quotes are all there
        if a.id in singles and a.language not in OTHER_LANGUAGES:
            assert all(q.speaker is None for q in lean_a.quotes) and lean_a.entities == []
        elif a.id in singles:  # rules find these speakers without a parse
            assert [q.speaker for q in lean_a.quotes] == [q.speaker for q in a.quotes]
        else:
            assert lean_a.quotes == a.quotes  # speakers and cues too
    assert [s.to_dict() for s in lean.stories if len(s.article_ids) > 1] == [
        s.to_dict() for s in full.stories if len(s.article_ids) > 1]


def test_fast_extraction_reaches_ingest_and_compare(tmp_path):
    """--fast on ingest and compare extracts as extract --fast does (one trafilatura pass)."""
    from storydiff.extract.html import extract_html
    from storydiff.store import open_store

    page = FIXTURES / "extract" / "article.html"
    html = page.read_text(encoding="utf-8")
    fast, default = extract_html(html, fast=True).text, extract_html(html).text
    assert fast != default  # the fixture tells the two apart
    db = str(tmp_path / "fast.db")
    assert CliRunner().invoke(app, ["ingest", "--fast", str(page), "--db", db]).exit_code == 0
    with open_store(db) as store:
        assert [a.text for a in store.articles()] == [fast]
    result = CliRunner().invoke(app, ["compare", "--fast", "--json", str(page)], catch_exceptions=False)
    assert [a["text"] for a in json.loads(result.stdout)["articles"]] == [fast]
