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
