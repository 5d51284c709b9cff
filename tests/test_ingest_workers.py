"""How ingest's extraction workers share the machine: at the command's own priority for HTML
pages (their extraction is the slow stage: niced, they lost the cores to every other job on a
busy machine), niced for export rows, where the one clustering thread is the slow stage."""

from __future__ import annotations

import json
from importlib import resources

import pytest

import storydiff.streaming as streaming
from storydiff.ingest import read_inputs
from storydiff.pipeline import ingest_stream
from storydiff.store import open_store

EXAMPLES = resources.files("storydiff") / "examples"


@pytest.fixture
def niceness_asked(monkeypatch):
    asked = []
    real = streaming.map_in_order

    def recording(func, batches, workers, ahead=4, niceness=streaming.WORKER_NICENESS):
        asked.append(niceness)
        return real(func, batches, workers, ahead, niceness)

    monkeypatch.setattr(streaming, "map_in_order", recording)
    return asked


def test_html_pages_are_extracted_at_the_commands_priority(tmp_path, niceness_asked):
    pages = [str(EXAMPLES / "quake-berovac-wire.html"), str(EXAMPLES / "quake-berovac-obrii-uk.html")]
    store = open_store(str(tmp_path / "s.db"))
    try:
        stats = ingest_stream(store, read_inputs(pages), workers=2)
    finally:
        store.close()
    assert stats["stored"] == 2
    assert niceness_asked == [0]


def test_export_rows_are_extracted_niced(tmp_path, niceness_asked):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("\n".join(json.dumps({"id": f"r{i}", "url": f"https://example.org/{i}", "title": f"Harbour report {i}",
                                          "text": f"The harbour reopened on day {i}. " * 20}) for i in range(3)))
    store = open_store(str(tmp_path / "s.db"))
    try:
        stats = ingest_stream(store, read_inputs([str(rows)]), workers=2)
    finally:
        store.close()
    assert stats["stored"] == 3
    assert niceness_asked == [streaming.WORKER_NICENESS] and streaming.WORKER_NICENESS > 0


WARMED = """
import sys
from storydiff.pipeline import warm_up_extraction
from storydiff.records import RawItem
kind, lexical = sys.argv[1], sys.argv[2] == "1"
warm_up_extraction([RawItem("a", kind, "<html><body><p>Text</p></body></html>")], lexical=lexical)
from storydiff.extract import date_parser
built = date_parser._htmldate_parser.cache_info().currsize if "htmldate" in sys.modules else 0
print(built, "storydiff.analyze.origins" in sys.modules)
"""


@pytest.mark.parametrize("kind, lexical, expected", [
    ("html", True, "1 True"),  # the date parser and the origin rules, built before the workers fork
    ("html", False, "1 False"),  # workers that only extract need no origin rules
    ("text", True, "0 True"),  # page text: no HTML date search
])
def test_workers_share_what_their_first_page_would_build(kind, lexical, expected):
    """What each worker would otherwise build at its first page without a date tag (dateparser's
    patterns) and its first article (the origin rules), built once in the process that forks them;
    in a fresh interpreter, so that nothing else loaded them first."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", WARMED, kind, "1" if lexical else "0"], capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.split("\n")[-2] == expected
