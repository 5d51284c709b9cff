"""Issue 22, cases 4 and 11: after ``kill -9`` of ``ingest --workers 2`` both workers lived on
(ignoring SIGTERM: they inherited the CLI's handler); nothing was stored until up to 2,000
articles were read, so a kill stored nothing; a 1,000-item POST held the write lock for a minute.
Now workers die with their parent, each chunk of extracted articles is stored at once (a kill
loses at most a chunk, and the next run places what was stored and never placed), and an upload
holds no lock while it extracts."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import attack_inputs as inputs
import pytest
from attack_cli import cli

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc; signals are POSIX")

TOPICS = [
    ("Port Velm breakwater", "The harbour authority of Port Velm finished the breakwater {n} weeks early."),
    ("Lorn marathon", "Runners crossed the Lorn marathon finish line {n} minutes faster than last year."),
    ("Amberly budget", "The Amberly city council approved a budget raising road spending by {n} percent."),
    ("Cobalt mine strike", "Workers at the Cobalt Ridge mine struck for the {n}th day over pay."),
    ("Tidewater ferry", "The Tidewater ferry service cancelled {n} crossings after the storm."),
]


def _rows(count: int) -> list[dict]:
    rows = []
    for n in range(count):
        title, sentence = TOPICS[n % len(TOPICS)]
        text = " ".join([sentence.format(n=n), inputs.PARAGRAPH.replace("Tuesday", f"day {n}"),
                         f"Officials of {title} gave figure {n * 7} on the record."])
        rows.append({"id": f"a{n}", "title": f"{title} report {n}", "text": text, "outlet": f"Outlet {n % 7}"})
    return rows


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                stat = Path(f"/proc/{entry}/stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _count(db: str, where: str = "") -> int:
    try:
        with sqlite3.connect(db) as conn:
            return conn.execute(f"SELECT COUNT(*) FROM articles {where}").fetchone()[0]
    except sqlite3.Error:
        return 0


def _wait(condition, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()


def _ingest_from_stdin(db: str, rows: list[dict], workers: int, **popen) -> subprocess.Popen:
    """``storydiff ingest -`` fed ``rows`` and left waiting for more (stdin stays open)."""
    proc = subprocess.Popen([sys.executable, "-m", "storydiff", "ingest", "-", "--db", db, "--workers", str(workers)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, **popen)
    assert proc.stdin is not None
    proc.stdin.write("".join(json.dumps(r) + "\n" for r in rows).encode())
    proc.stdin.flush()
    return proc


def _partition(db: str) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    with sqlite3.connect(db) as conn:
        for aid, sid in conn.execute("SELECT id, story_id FROM articles"):
            groups.setdefault(sid, set()).add(aid)
    return {frozenset(g) for g in groups.values()}


def test_workers_die_with_their_parent(tmp_path):
    proc = _ingest_from_stdin(str(tmp_path / "workers.db"), _rows(100), workers=2)
    workers: list[int] = []
    try:
        assert _wait(lambda: len(_children(proc.pid)) == 2, 180), "the run never started its workers"
        workers = _children(proc.pid)
        proc.kill()  # SIGKILL (or the OOM killer): no handler runs, the pool is never shut down
        proc.wait(30)
        assert _wait(lambda: not any(_alive(w) for w in workers), 15), "workers outlived their parent"
    finally:
        proc.kill()
        for w in workers:  # the failure case must not leave them running
            try:
                os.kill(w, signal.SIGKILL)
            except ProcessLookupError:
                pass


def test_kill_9_mid_ingest_keeps_what_was_stored_and_a_rerun_completes_it(tmp_path):
    # 200 articles, killed after the first chunks (bench/torture.py runs the 500)
    rows = _rows(200)
    export = inputs.write_jsonl(tmp_path / "rows.jsonl", rows)
    db = str(tmp_path / "killed.db")
    proc = _ingest_from_stdin(db, rows[:150], workers=0)
    try:
        # stored a chunk at a time while the input is still coming: no waiting for 2,000 articles
        assert _wait(lambda: _count(db) > 0, 180), "nothing stored while the run was going"
        proc.kill()
        proc.wait(30)
    finally:
        proc.kill()
    kept = _count(db)
    assert 0 < kept <= 150
    assert _count(db, "WHERE story_id IS NULL") == kept  # stored, never placed: the next run does it

    rerun = cli("ingest", export, "--db", db, "--workers", "0")
    assert rerun.exit_code == 0, rerun.output
    assert _count(db) == len(rows) and _count(db, "WHERE story_id IS NULL") == 0
    assert _partition(db) == _one_run_partition(db)  # grouped as one uninterrupted run groups them


def _one_run_partition(db: str) -> set[frozenset[str]]:
    """The stories one uninterrupted run makes of the stored articles (in the order stored)."""
    from storydiff.pipeline import group_articles
    from storydiff.store import open_store

    with open_store(db) as store:
        stored = store.articles()
    return {frozenset(a.id for a in members) for members in group_articles(stored).values()}


def test_sigterm_to_the_process_group_stops_cleanly_with_workers(tmp_path):
    db = str(tmp_path / "term.db")
    proc = _ingest_from_stdin(db, _rows(120), workers=0, start_new_session=True)
    try:
        assert _wait(lambda: _count(db) > 0, 180)
        os.killpg(proc.pid, signal.SIGTERM)  # what a service manager sends: the parent and its workers
        _, stderr = proc.communicate(timeout=120)
    finally:
        proc.kill()
    assert proc.returncode == 130, stderr.decode()
    assert b"Traceback" not in stderr
    assert _count(db) > 0 and _count(db, "WHERE story_id IS NULL") == 0  # what was stored is placed


def test_a_small_upload_finishes_while_a_big_one_is_still_extracting(tmp_path, monkeypatch):
    from fastapi.testclient import TestClient

    import storydiff.analyze as analyze_module
    from storydiff.serve.api import create_app

    big_started, release = threading.Event(), threading.Event()
    real = analyze_module.analyze_articles

    def gated(articles, **kw):
        for a in real(articles, **kw):
            if a.title and a.title.startswith("BIG"):
                big_started.set()
                release.wait(120)
            yield a

    monkeypatch.setattr(analyze_module, "analyze_articles", gated)
    client = TestClient(create_app(str(tmp_path / "api.db"), token="t"))
    auth = {"Authorization": "Bearer t"}
    big_rows = [dict(r, title="BIG " + r["title"]) for r in _rows(40)]
    answers: dict[str, object] = {}

    def post(name, body):
        answers[name] = client.post("/api/articles", json=body, headers=auth)

    big = threading.Thread(target=post, args=("big", big_rows))
    big.start()
    try:
        assert big_started.wait(120)
        small = threading.Thread(target=post, args=("small", _rows(41)[40]))
        small.start()
        small.join(90)
        finished_first = not small.is_alive() and big.is_alive()
    finally:
        release.set()
        big.join(120)
    assert finished_first, "the 1-item POST waited for the 40-item one"
    assert answers["small"].json()["stored"] == 1
    assert answers["big"].json()["stored"] == 40
