"""``storydiff compare`` and ``extract`` hash no page's markup (``Article.raw_digest``, which only
``ingest`` reads: ~7% of a page's extraction CPU); ``ingest`` still stamps every article."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from storydiff import records
from storydiff.extract import extract_item
from storydiff.records import RawItem, raw_digest
from storydiff.serve.cli import app
from storydiff.settings import ExtractSettings

sys.path.insert(0, str(Path(__file__).parent))
import badcorpus

runner = CliRunner()


def _counting_digests(monkeypatch) -> list[int]:
    """Every raw_digest call, counted (RawItem.digest reads the module's function at each call)."""
    calls: list[int] = []
    real = records.raw_digest
    monkeypatch.setattr(records, "raw_digest", lambda content: calls.append(len(content)) or real(content))
    return calls


def test_an_article_extracted_without_its_stamp_is_the_same_article(monkeypatch):
    page = badcorpus.good_html(3, title="Harbour report number 3 on the night ferry")
    stamped = extract_item(RawItem("p3.html", "html", page))
    assert stamped.raw_digest == raw_digest(page)
    calls = _counting_digests(monkeypatch)
    bare = extract_item(RawItem("p3.html", "html", page), settings=replace(ExtractSettings(), stamp_raw_digest=False))
    assert not calls and bare.raw_digest is None
    assert replace(bare, raw_digest=stamped.raw_digest) == stamped


def test_compare_and_extract_hash_no_page_and_ingest_stamps_each(tmp_path, monkeypatch):
    pages = tmp_path / "pages"
    pages.mkdir()
    for i in range(3):
        (pages / f"p{i}.html").write_text(badcorpus.good_html(i, title=f"Harbour report number {i} on item {i * 7919}"))
    calls = _counting_digests(monkeypatch)
    shown = runner.invoke(app, ["compare", "--json", "--workers", "0", str(pages)], catch_exceptions=False)
    assert shown.exit_code == 0, shown.output
    assert len(json.loads(shown.stdout)["articles"]) == 3
    extracted = runner.invoke(app, ["extract", "--json", str(pages)], catch_exceptions=False)
    assert extracted.exit_code == 0, extracted.output
    assert len(extracted.stdout.splitlines()) == 3
    assert not calls
    db = str(tmp_path / "s.db")
    stored = runner.invoke(app, ["ingest", str(pages), "--db", db, "--workers", "0"], catch_exceptions=False)
    assert stored.exit_code == 0, stored.output
    from storydiff.store import open_store

    with open_store(db) as store:
        assert sorted(a.raw_digest for a in store.articles()) == sorted(
            raw_digest((pages / f"p{i}.html").read_text()) for i in range(3))
