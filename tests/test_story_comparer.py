"""The web app's background comparisons (serve/story_comparer.py): a view goes before them, they
wait while a request is answered, and every story of several articles is compared in the end."""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient

from storydiff.serve import story_comparer
from storydiff.serve.api import create_app
from storydiff.serve.story_comparer import StoryComparer, ViewsFirst
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
from example_items import quake_items

TOKEN = "s3cret-token"


def _wait(predicate, what: str, seconds: float = 30) -> None:
    end = time.monotonic() + seconds
    while not predicate():
        if time.monotonic() > end:
            raise AssertionError(f"timed out waiting: {what}")
        time.sleep(0.01)


def test_a_waiting_view_goes_before_the_background():
    lock, order = ViewsFirst(), []
    first = threading.Event()
    release = threading.Event()

    def holder():
        with lock.view():
            first.set()
            release.wait(5)
            order.append("holder")

    def background():
        with lock.background() as held:
            order.append(("background", held))

    def view():
        with lock.view():
            order.append("view")

    threads = [threading.Thread(target=holder)]
    threads[0].start()
    first.wait(5)
    threads.append(threading.Thread(target=background))
    threads[1].start()
    time.sleep(0.05)  # the background waits first...
    threads.append(threading.Thread(target=view))
    threads[2].start()
    _wait(lambda: lock._views_waiting == 1, "the view waits")
    release.set()  # ...and the view, which came later, is served before it
    for t in threads:
        t.join(5)
    assert order == ["holder", "view", ("background", True)]


def test_the_background_waits_while_a_request_is_answered():
    lock, done = ViewsFirst(), threading.Event()

    def background():
        with lock.background():
            done.set()

    with lock.request():
        t = threading.Thread(target=background)
        t.start()
        assert not done.wait(0.3)  # held back for as long as the request runs
    assert done.wait(5)
    t.join(5)


def test_stopping_ends_a_background_wait_without_the_lock():
    lock, stopping, result = ViewsFirst(), threading.Event(), []
    with lock.view():
        t = threading.Thread(target=lambda: result.append(lock.background(stopping).__enter__()))
        t.start()
        stopping.set()
        t.join(5)
    assert result == [False]
    with lock.view():  # and the lock is free for the next view
        pass


def test_every_story_of_several_articles_is_compared_in_the_end(tmp_path, monkeypatch):
    """Past the newest stories the comparer walks the older ones: a view of an old story then
    reads a stored comparison (a view of a story never compared took up to 48 s behind it)."""
    db = str(tmp_path / "walk.db")
    with TestClient(create_app(db, token=TOKEN)) as client:
        items = client.post("/api/articles", json=quake_items(), headers={"Authorization": f"Bearer {TOKEN}"}).json()["items"]
    several = {}
    for it in items:
        several[it["story_id"]] = several.get(it["story_id"], 0) + 1
    several = {sid for sid, n in several.items() if n > 1}
    assert several
    monkeypatch.setattr(story_comparer, "PRECOMPUTE_NEWEST", 0)  # nothing "newest": all from the walk
    with open_store(db) as store:
        assert set(store.several_article_story_ids()) == several
        assert store.several_article_story_ids() == [s.id for s in store.stories() if s.n_articles > 1]
        assert all(store.get_story(sid) is None for sid in several)
        comparer = StoryComparer(store, ViewsFirst(), None)
        comparer.start()
        try:
            _wait(lambda: all(store.get_story(sid) is not None for sid in several), "the older stories compared", 120)
        finally:
            comparer.close()
        assert not comparer.thread.is_alive()


def _quoted_story(store, sid: str, topic: str, n: int) -> None:
    """A story of ``n`` English articles with a quote each (each one needs the speakers' parse)."""
    from storydiff.records import Article

    for i in range(n):
        text = (f'The council met on Monday about the {topic}. "We will finish the {topic} by spring," Mayor '
                f'Ana Petrova said at the town hall, where {300 + i} people had gathered. Work starts in May.')
        store.add_article(Article(id=f"{sid}-{i}", source=f"{sid}-{i}.txt", text=text, outlet=f"outlet{i}.example",
                                  title=f"Mayor promises the {topic}", language="en"), story_id=sid)


def test_a_view_waits_for_one_parse_step_of_the_background_not_its_whole_story(tmp_path, monkeypatch):
    """The background parses a story a few articles at a time and gives the lock back between
    steps: a view asked for while it parses the first articles of a story is answered before it
    goes on (holding the lock over the whole story kept the view waiting for all of it)."""
    from storydiff import pipeline

    monkeypatch.setattr(story_comparer, "PRECOMPUTE_NEWEST", 0)
    monkeypatch.setattr(story_comparer, "BACKGROUND_PARSE_STEP", 1)
    monkeypatch.setattr(story_comparer, "load_models", lambda settings: None)
    events, first_step, go_on, busy = [], threading.Event(), threading.Event(), []
    real = pipeline.deep_analyze

    def recorded(articles, **kw):
        who = "background" if threading.current_thread().name == "storydiff-compare" else "view"
        if who == "background" and not first_step.is_set():
            busy.append(articles[0].id.split("-")[0])
            first_step.set()
            go_on.wait(60)  # the background is busy with a story's first article until the view waits
        events.append((who, sorted(a.id for a in articles)))
        return real(articles, **kw)

    monkeypatch.setattr(pipeline, "deep_analyze", recorded)
    seen: dict = {}
    with open_store(str(tmp_path / "steps.db")) as store:
        _quoted_story(store, "bridge", "bridge", 3)
        _quoted_story(store, "school", "school", 3)
        lock = ViewsFirst()
        comparer = StoryComparer(store, lock, None)
        comparer.start()
        try:
            assert first_step.wait(60)
            other = "school" if busy[0] == "bridge" else "bridge"

            def view():
                with lock.view():
                    story, _ = pipeline.compare_stored_story(store, other, None, with_analysis=False)
                    seen["busy story stored"] = store.get_story(busy[0]) is not None
                    seen["speakers"] = [q.speaker for q in story.quotes]

            t = threading.Thread(target=view)
            t.start()
            _wait(lambda: lock._views_waiting == 1, "the view waits")
            go_on.set()
            t.join(60)
            _wait(lambda: store.get_story(busy[0]) is not None, "the background's story compared", 120)
        finally:
            go_on.set()
            comparer.close()
    assert [who for who, _ in events[:2]] == ["background", "view"]  # the view right after one step
    assert seen["busy story stored"] is False  # ... not after the background's whole story
    parsed_by_background = [ids for who, ids in events if who == "background" and ids]
    # one article a step: the busy story's three; the story the view compared is not parsed again
    assert sorted(parsed_by_background) == [[f"{busy[0]}-{i}"] for i in range(3)]
    assert seen["speakers"] and all(s == "Ana Petrova" for s in seen["speakers"])
