"""Re-running ``ingest`` on what is stored: nothing is extracted again, the store is asked once per
batch of items (not once per item), the stored stories are not even loaded, and the database
and the counts reported are what a full re-ingest would leave. On SQLite and, when
STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
import math
import os
import shutil
from importlib import resources
from pathlib import Path

import pytest
from badcorpus import good_html, make_warc
from sqlalchemy import event, text

import storydiff.streaming as streaming
from storydiff.ingest import read_inputs
from storydiff.pipeline import INGEST_BATCH, _StoredStories, ingest_stream
from storydiff.store import open_store
from storydiff.store.engine import make_engine

PG_URL = os.environ.get("STORYDIFF_TEST_PG_URL")
EXAMPLES = resources.files("storydiff") / "examples"


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


def _row(i: int, extra: str = "") -> dict:
    return {"id": f"r{i}", "url": f"https://lantern.example/news/{i}", "title": f"Ferry line {i} reopens",
            "outlet": "Lantern Herald", "published": f"2024-03-{1 + i % 27:02d}T08:00:00Z",
            "text": f"The ferry line number {i} between Osk and Vell reopened on Monday after repairs. " * 6 + extra}


@pytest.fixture
def corpus(tmp_path) -> Path:
    """Items of every container: single pages, a web archive and an export of many items each,
    a feed: more items than one batch."""
    root = tmp_path / "in"
    (root / "pages").mkdir(parents=True)
    for i in range(20):
        (root / "pages" / f"p{i:02d}.html").write_text(good_html(i, title=f"Harbour report number {i} on item {i * 7919}"))
    make_warc(root / "crawl.warc.gz", [(f"https://velm.example/a/{i}", good_html(100 + i, title=f"Breakwater note {i} of {i * 104729}"))
                                       for i in range(12)])
    (root / "export.jsonl").write_text("\n".join(json.dumps(_row(i)) for i in range(15)) + "\n")
    shutil.copy(str(EXAMPLES / "tidewater-post-feed.rss"), root / "feed.rss")
    return root


@pytest.fixture
def sent_to_extraction(monkeypatch) -> list[str]:
    """The source of every item handed to extraction (in this process or to workers)."""
    sent: list[str] = []
    real = streaming.map_in_order

    def recording(func, batches, workers, ahead=4, niceness=streaming.WORKER_NICENESS):
        def counted():
            for batch in batches:
                sent.extend(getattr(it, "source", "?") for it in batch)
                yield batch
        return real(func, counted(), workers, ahead, niceness)

    monkeypatch.setattr(streaming, "map_in_order", recording)
    return sent


@pytest.fixture
def stories_loaded(monkeypatch) -> list[int]:
    loads: list[int] = []
    real = _StoredStories._seed

    def recording(self, since, until):
        loads.append(1)
        return real(self, since, until)

    monkeypatch.setattr(_StoredStories, "_seed", recording)
    return loads


def _ingest(url: str, root: Path, workers: int = 0, on_sql=None) -> dict[str, int]:
    store = open_store(url)
    if on_sql is not None:
        event.listen(store.engine, "before_cursor_execute", lambda conn, cur, sql, *a: on_sql(sql))
    try:
        return ingest_stream(store, read_inputs([str(root)]), workers=workers)
    finally:
        store.close()


def _snapshot(url: str) -> dict:
    """What the database holds: every article with its story, revision and source key; counts."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            arts = sorted(tuple(r) for r in conn.execute(text(
                "SELECT id, story_id, revision, source_key, content_hash FROM articles")))
            counts = {t: conn.execute(text(f"SELECT COUNT(*) FROM {t}")).scalar_one()
                      for t in ("articles", "article_revisions", "stories", "story_aliases", "failures")}
    finally:
        engine.dispose()
    return {"rows": arts, **counts}


@pytest.mark.parametrize("workers", [0, 2])
def test_a_rerun_extracts_nothing_and_asks_the_store_once_per_batch(db_url, corpus, workers, sent_to_extraction,
                                                                    stories_loaded):
    first = _ingest(db_url, corpus, workers)
    n = len(sent_to_extraction)
    assert n == 20 + 12 + 15 + 1 and first["stored"] == n and first["failed"] == 0
    before = _snapshot(db_url)
    sent_to_extraction.clear()
    stories_loaded.clear()
    item_lookups: list[str] = []

    again = _ingest(db_url, corpus, workers, on_sql=lambda sql: item_lookups.append(sql) if "source_key" in sql else None)

    assert again == {"stored": 0, "revised": 0, "skipped": n, "failed": 0, "interrupted": 0}
    assert sent_to_extraction == []  # no item extracted again, none sent to a worker
    assert len(item_lookups) == math.ceil(n / INGEST_BATCH)  # not one query per item
    assert stories_loaded == []  # nothing to place: the stored stories are not read either
    assert _snapshot(db_url) == before


def test_changed_content_is_extracted_alone_and_stored_as_today(db_url, corpus, sent_to_extraction):
    _ingest(db_url, corpus)
    before = _snapshot(db_url)
    sent_to_extraction.clear()
    # an overwritten page (new content at a stored path: the page edited, with no URL to say so, is
    # a revision of the article read there since QA pass 19b) and an edited export row (same URL)
    (corpus / "pages" / "p03.html").write_text(good_html(1003, title="Harbour report number 3, corrected headline"))
    rows = [_row(i, " The operator added two evening crossings." if i == 7 else "") for i in range(15)]
    (corpus / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")

    again = _ingest(db_url, corpus)

    assert sorted(Path(s).name for s in sent_to_extraction) == ["export.jsonl#L8 (id r7)", "p03.html"]
    assert (again["stored"], again["revised"], again["skipped"], again["failed"]) == (0, 2, 46, 0)
    after = _snapshot(db_url)
    assert (after["articles"], after["article_revisions"]) == (before["articles"], before["article_revisions"] + 2)
    # the earlier text of the row is stored too: reading the old export again is no news
    (corpus / "export.jsonl").write_text("\n".join(json.dumps(_row(i)) for i in range(15)) + "\n")
    sent_to_extraction.clear()
    old_again = _ingest(db_url, corpus)
    assert sent_to_extraction == [] and old_again["skipped"] == 48 and _snapshot(db_url) == after


def test_a_killed_runs_unplaced_articles_are_placed_by_a_rerun_that_extracts_nothing(db_url, corpus, sent_to_extraction):
    """A re-run whose items are all stored still places what a killed run stored and never placed."""
    _ingest(db_url, corpus)
    engine = make_engine(db_url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE articles SET story_id = NULL WHERE id IN (SELECT id FROM articles ORDER BY seq LIMIT 5)"))
    engine.dispose()
    sent_to_extraction.clear()

    again = _ingest(db_url, corpus)

    assert sent_to_extraction == [] and again["skipped"] == 48
    assert all(story for _, story, *_ in _snapshot(db_url)["rows"])


def test_articles_are_placed_a_chunk_per_transaction(db_url, corpus, monkeypatch):
    """Placing stored articles in their stories writes one transaction a chunk of PLACE_CHUNK, not
    one an article (a connection, BEGIN and COMMIT each: most of what placing cost): every
    placement is made inside the chunk's batch, and every stored article ends in a story."""
    import storydiff.pipeline as pipeline

    monkeypatch.setattr(pipeline, "PLACE_CHUNK", 8)
    items = sorted(str(p) for p in corpus.rglob("*") if p.is_file())
    store = open_store(db_url)
    in_batch = []
    place = type(store).place_article

    def recording(self, article_id, story_id):
        in_batch.append(getattr(self._local, "conn", None) is not None)
        return place(self, article_id, story_id)

    monkeypatch.setattr(type(store), "place_article", recording)
    try:
        stats = ingest_stream(store, read_inputs(items))
        placed = {a.id: store.story_of(a.id) for a in store.articles()}
    finally:
        store.close()
    assert stats["stored"] > 2 * 8 and len(in_batch) == stats["stored"]
    assert all(in_batch)
    assert all(placed.values())  # every stored article has its story


def test_two_outlets_rows_with_one_wire_id_are_two_articles(db_url, tmp_path):
    """Review 22b, R1: an aggregator's export carries the agency's story id on each outlet's copy
    (same id, text, title and time; another outlet and URL). Keyed by id and content alone, the
    second copy was skipped as "already stored" and never stored; a row's place stays in its key."""
    root = tmp_path / "agg"
    root.mkdir()
    wire = {"id": "AP-7f3c", "title": "Ferry line reopens", "published": "2024-03-01T08:00:00Z",
            "text": ("OSK (AP) - The ferry line between Osk and Vell reopened on Monday after three weeks of repairs, "
                     "the regional transport authority said. Officials said 40 crossings a day were planned. ") * 4}
    rows = [dict(wire, outlet="Lantern Herald", url="https://lantern.example/ferry")]
    rows += [_row(i) for i in range(2, 42)]
    rows.append(dict(wire, outlet="Velm Courier", url="https://velm.example/world/ferry"))
    (root / "export.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")

    stats = _ingest(db_url, root)

    assert stats["stored"] == 42 and stats["failed"] == 0
    store = open_store(db_url)
    try:
        assert {a.outlet for a in store.articles() if a.url and a.url.endswith("/ferry")} == {"Lantern Herald", "Velm Courier"}
    finally:
        store.close()


def test_stored_rows_read_from_another_file_do_not_load_the_stored_stories(db_url, tmp_path, stories_loaded):
    """Another file holding stored rows (yesterday's export renamed, a part of it cut out): each
    row is extracted and then found stored as the article it is; the stored stories, whose match
    features are most of such a run's cost, are not loaded when nothing is placed or revised
    (QA pass 21b, 10: 577 such rows took 47.7 s against an 8.7k-article store, 4.5 s against a small one)."""
    root = tmp_path / "cms"
    root.mkdir()
    (root / "export.jsonl").write_text("\n".join(json.dumps(_row(i)) for i in range(8)) + "\n")
    _ingest(db_url, root)
    before = _snapshot(db_url)
    part = tmp_path / "part"
    part.mkdir()
    (part / "export-part.jsonl").write_text("\n".join(json.dumps(_row(i)) for i in range(3, 8)) + "\n")
    stories_loaded.clear()

    again = _ingest(db_url, part)

    assert again == {"stored": 0, "revised": 0, "skipped": 5, "failed": 0, "interrupted": 0}
    assert stories_loaded == [] and _snapshot(db_url) == before
    (part / "export-part.jsonl").write_text(json.dumps(_row(30, extra="A new report.")) + "\n")
    assert _ingest(db_url, part)["stored"] == 1
    assert stories_loaded  # a new article is placed among the stored stories


def test_the_stored_stories_are_read_before_the_write_lock(tmp_path, monkeypatch):
    """Review 22b, R2: the first seed of the stored stories ran inside SQLite's write transaction
    (the placement lock and batch), and every other writer and reader waited for its length. The
    window is loaded before the lock; only a later reach into older dates seeds under it."""
    db = str(tmp_path / "news.db")
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "export.jsonl").write_text("\n".join(json.dumps(_row(i)) for i in range(10)) + "\n")
    _ingest(db, tmp_path / "a")
    loads: list[bool] = []
    real = _StoredStories.load

    def recording(self):
        if not self.loaded:
            loads.append(getattr(self.store._local, "conn", None) is not None)  # a batch's write connection held
        return real(self)

    monkeypatch.setattr(_StoredStories, "load", recording)
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "new.jsonl").write_text(json.dumps(_row(500)) + "\n")
    assert _ingest(db, tmp_path / "b")["stored"] == 1
    assert loads == [False]
