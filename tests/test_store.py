"""Store contract tests: every case runs on a real SQLite file, and again on PostgreSQL when
STORYDIFF_TEST_PG_URL is set (``bash .ci/postgres.sh`` starts one and prints the line)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
import threading

import pytest
from sqlalchemy import create_engine, inspect, text

from storydiff.records import (
    AlignedQuote,
    Article,
    Entity,
    Fact,
    Failure,
    Origin,
    Quote,
    QuoteVersion,
    SourceGroup,
    Story,
)
from storydiff.store import Store, open_store
from storydiff.store.codec import canonical_url, key_hash
from storydiff.store.engine import make_engine, normalize_url
from storydiff.store.migrations import LATEST, migrate
from storydiff.store.schema import metadata

PG_URL = os.environ.get("STORYDIFF_TEST_PG_URL")

HOSTILE = (
    "<script>alert('x')</script> Robert'); DROP TABLE articles;-- \"quoted\" \\n \\\\ %s %(x)s ?\n"
    "Ünïcödé — «ёлка» 中文 العربية עברית 🇺🇦👩‍👩‍👧 e\u0301 \u200b\u200f\ufeff\r\n\ttab \x00nul \x1b[31m"
)


def _reset_pg(url: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP SCHEMA IF EXISTS public CASCADE")
        conn.exec_driver_sql("CREATE SCHEMA public")
    engine.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    if not PG_URL:
        pytest.skip("STORYDIFF_TEST_PG_URL not set (bash .ci/postgres.sh starts a server)")
    _reset_pg(PG_URL)
    return PG_URL


@pytest.fixture
def store(db_url):
    s = open_store(db_url)
    yield s
    s.close()


def art(n: int, **kw) -> Article:
    fields = {
        "id": f"id{n}",
        "source": f"feed.xml#{n}",
        "text": f"Article number {n} says something different from the others.",
        "url": f"https://news.example/{n}",
        "outlet": "Example News",
        "title": f"Title {n}",
        "published": f"2024-05-{n + 1:02d}",
    }
    fields.update(kw)
    return Article(**fields)


def full_article() -> Article:
    return Article(
        id="full",
        source="dump.warc.gz#<urn:uuid:1>",
        text=HOSTILE,
        url="https://ex.example/a?id=7",
        outlet="Outlet «X»",
        title="<b>Title</b> \u2014 \ud83d\ude00",
        published="2024-05-01T10:00:00+02:00",
        authors=["Ann O'Neil", "李雷"],
        dateline="KYIV",
        language="uk",
        sentences=[(0, 10), (11, 40)],
        quotes=[Quote(text="we will", start=3, end=10, speaker="Zelensky", cue="told the FT")],
        origins=[Origin(name="Financial Times", kind="told", evidence="told the FT", start=12)],
        entities=[Entity(text="Kyiv", label="GPE"), Entity(text="FT", label="ORG")],
    )


# -- articles -----------------------------------------------------------------------------------
def test_full_article_round_trips_exactly(store: Store):
    a = full_article()
    assert store.add_article(a)
    got = store.get_article("full")
    assert got == a
    assert got.text.encode("utf-8") == HOSTILE.encode("utf-8")
    assert got.sentences == [(0, 10), (11, 40)] and isinstance(got.sentences[0], tuple)
    assert store.get_article("missing") is None


def test_lone_surrogate_text_round_trips(store: Store):
    a = art(1, text="broken \udcff bytes \ud800 here", title="t \udcff")
    assert store.add_article(a)
    assert store.get_article(a.id) == a


def test_readding_is_a_no_op(store: Store):
    a = art(1)
    assert store.add_article(a, story_id="s1") is True
    assert store.add_article(a) is False
    assert store.add_article(a, story_id="s2") is False  # nothing changes, story included
    assert [x.id for x in store.articles()] == ["id1"]
    assert store.story_of("id1") == "s1"


@pytest.mark.parametrize(
    "dupe",
    [
        {"id": "other", "source": "elsewhere", "text": "new text entirely"},  # same url
        {"id": "other", "url": "https://news.example/99", "text": "new text entirely"},  # same source
        {
            "id": "other",
            "source": "elsewhere",
            "url": None,
            "text": "  ARTICLE number 1 says\nsomething different from the others.  ",
        },  # same content modulo whitespace and case
        {"source": "elsewhere", "url": None, "text": "new text entirely"},  # same id
        {
            "id": "other",
            "source": "elsewhere",
            "text": "new",
            "url": "http://NEWS.example/1?utm_source=rss#top",
        },
    ],
)
def test_duplicates_by_any_identity_are_refused(store: Store, dupe):
    assert store.add_article(art(1))
    assert store.add_article(art(1, **dupe)) is False
    assert len(store.articles()) == 1


def test_articles_without_url_are_not_duplicates_of_each_other(store: Store):
    assert store.add_article(art(1, url=None))
    assert store.add_article(art(2, url=None))
    assert len(store.articles()) == 2


def test_has_source(store: Store):
    store.add_article(art(1, source="x" * 5000))  # long keys fit: they are indexed by hash
    assert store.has_item("x" * 5000)
    assert not store.has_item("x" * 4999)
    assert not store.has_item("")


def test_articles_filters_and_order(store: Store):
    store.add_article(art(3), story_id="s")
    store.add_article(art(1), story_id="s")
    store.add_article(art(2, published=None), story_id="t")
    store.add_article(art(4))
    assert [a.id for a in store.articles()] == ["id1", "id3", "id4", "id2"]  # dated first, then undated
    assert [a.id for a in store.articles(story_id="s")] == ["id1", "id3"]
    assert [a.id for a in store.articles(since="2024-05-04")] == ["id3", "id4"]
    assert [a.id for a in store.articles(limit=2)] == ["id1", "id3"]
    assert store.articles(limit=0) == [] and store.articles(story_id="nope") == []


def test_crash_mid_run_keeps_earlier_articles_once(store: Store):
    items = [art(i) for i in range(5)]

    def run(crash_at: int | None) -> None:
        for i, a in enumerate(items):
            if i == crash_at:
                raise RuntimeError("killed")
            store.add_article(a, story_id="s")

    with pytest.raises(RuntimeError):
        run(crash_at=3)
    assert [a.id for a in store.articles()] == ["id0", "id1", "id2"]
    run(crash_at=None)  # the re-run
    assert [a.id for a in store.articles()] == [f"id{i}" for i in range(5)]
    assert store.story_article_ids("s") == [f"id{i}" for i in range(5)]


def test_batch_is_atomic(store: Store):
    with store.batch():
        store.add_article(art(0))
    with pytest.raises(RuntimeError), store.batch():
        store.add_article(art(1))
        store.add_article(art(2))
        assert len(store.articles()) == 3  # the batch sees its own writes
        raise RuntimeError("crash inside the batch")
    assert [a.id for a in store.articles()] == ["id0"]
    with store.batch():
        for i in range(3):
            store.add_article(art(i))
    assert [a.id for a in store.articles()] == ["id0", "id1", "id2"]


def test_killed_process_leaves_committed_articles_once(db_url):
    """A real kill -9 inside an open batch: earlier commits survive once, the batch is gone."""
    script = textwrap.dedent(
        f"""
        import os, signal
        from storydiff.records import Article
        from storydiff.store import open_store
        s = open_store({db_url!r})
        mk = lambda n: Article(id=f"k{{n}}", source=f"k{{n}}", text=f"text {{n}}", url=None)
        for n in range(3):
            s.add_article(mk(n))
        with s.batch():
            s.add_article(mk(3))
            os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], check=False, capture_output=True, timeout=60)
    assert proc.returncode == -9, proc.stderr.decode()
    with open_store(db_url) as s:
        assert [a.id for a in s.articles()] == ["k0", "k1", "k2"]


def test_concurrent_writers_store_each_article_once(db_url):
    stores = [open_store(db_url) for _ in range(3)]
    items = [art(i) for i in range(20)]
    results: list[bool] = []
    lock = threading.Lock()

    def worker(s: Store) -> None:
        for a in items:
            ok = s.add_article(a)
            with lock:
                results.append(ok)

    threads = [threading.Thread(target=worker, args=(s,)) for s in stores]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count(True) == 20
    assert len(stores[0].articles()) == 20
    for s in stores:
        s.close()


# -- stories ------------------------------------------------------------------------------------
def test_set_story_and_summaries(store: Store):
    store.add_article(art(1, outlet="A", title=None))
    store.add_article(art(2, outlet="B"))
    store.add_article(art(3, outlet="A"))
    store.add_article(art(9, outlet="C", published="2024-06-30"), story_id="late")
    for n in (3, 2, 1):
        store.set_story(f"id{n}", "s")
    assert store.story_of("id1") == "s" and store.story_of("missing") is None
    listing = store.stories()
    assert [s.id for s in listing] == ["late", "s"]  # most recent story first
    s = listing[1]
    assert (s.n_articles, s.outlets, s.title) == (3, ["A", "B"], "Title 2")  # first titled article
    assert (s.first_published, s.last_published) == ("2024-05-02", "2024-05-04")
    assert [x.id for x in store.stories(limit=1)] == ["late"]
    assert store.story_article_ids("s") == ["id1", "id2", "id3"]
    store.set_story("id1", "late")
    assert store.story_article_ids("s") == ["id2", "id3"]
    with pytest.raises(ValueError):
        store.set_story("missing", "s")


def test_aliases_resolve_and_move_articles(store: Store):
    store.add_article(art(1), story_id="a")
    store.add_article(art(2), story_id="b")
    store.add_article(art(3), story_id="c")
    assert store.resolve_story("a") == "a"
    store.add_alias("a", "b")
    store.add_alias("b", "c")
    assert store.resolve_story("a") == "c" and store.resolve_story("b") == "c"
    assert store.story_article_ids("a") == ["id1", "id2", "id3"]
    assert [s.id for s in store.stories()] == ["c"]
    store.add_article(art(4), story_id="a")  # an old id keeps working for writes too
    assert store.story_of("id4") == "c"
    store.add_alias("c", "c")  # no-op
    with pytest.raises(ValueError):
        store.add_alias("c", "a")  # a -> c already: c -> a would loop
    assert store.resolve_story("unknown") == "unknown"


def test_story_cache_round_trip_replace_and_invalidate(store: Store):
    store.add_article(art(1), story_id="s")
    story = Story(
        id="s",
        article_ids=["id1"],
        origins=["Financial Times"],
        independent_sources=1,
        source_groups=[SourceGroup(article_ids=["id1"], origin="Financial Times", reason="cites FT")],
        quotes=[
            AlignedQuote(
                speaker="Zelensky",
                versions=[QuoteVersion("id1", "we will <win>", "edited", [("=", "we will"), ("-", "win")])],
            )
        ],
        facts=[Fact("5 killed", ["id1"], {"id1": "5 killed"}, ["numbers differ: 5 vs 7"], "id1")],
        timeline=[{"article_id": "id1", "published": "2024-05-02", "n": 1.5}],
    )
    assert store.get_story("s") is None
    store.save_story(story)
    got = store.get_story("s")
    assert got == story and got.quotes[0].versions[0].diff[0] == ("=", "we will")
    story.independent_sources = 2
    store.save_story(story)
    assert store.get_story("s").independent_sources == 2
    store.add_alias("old", "s")
    assert store.get_story("old") == story  # found through the alias
    store.add_article(art(2), story_id="s")  # membership changed: the cached comparison is stale
    assert store.get_story("s") is None


def test_a_stored_comparison_is_served_only_for_the_articles_it_compared(store: Store, db_url):
    from storydiff.store.codec import article_members_key

    store.add_article(art(1), story_id="s")
    store.add_article(art(2), story_id="s")
    story = Story(id="s", article_ids=["id1", "id2"], independent_sources=2)
    store.save_story(story, members=article_members_key([art(1)]))  # compared before id2 joined
    assert store.get_story("s") is None
    store.save_story(story, members=article_members_key([art(2), art(1)]))  # any order
    assert store.get_story("s") == story
    store.mark_story_stale("s")  # a change the store cannot see itself
    assert store.get_story("s") is None
    store.save_story(story)  # without members: the story's articles as stored now
    assert store.get_story("s") == story
    engine = make_engine(db_url)
    with engine.begin() as conn:  # an article's text replaced in place (a revision)
        conn.execute(text("UPDATE articles SET content_hash = 'revised' WHERE id = 'id2'"))
    engine.dispose()
    assert store.get_story("s") is None
    store.save_story(story)
    store.add_alias("s", "t")  # merged away: its comparison is of a story that no longer exists
    assert store.get_story("s") is None and store.get_story("t") is None


def test_text_analyses_round_trip_and_replace(store: Store):
    first = {"quotes": [{"text": "we will", "start": 1, "end": 8, "speaker": "Kallas", "cue": "said"}],
             "entities": None}
    store.save_analyses({"k1": first, "k2": {"quotes": [], "entities": [{"text": HOSTILE, "label": "ORG"}]}})
    assert store.get_analyses(["k1", "k2", "k3"]) == {
        "k1": first, "k2": {"quotes": [], "entities": [{"text": HOSTILE, "label": "ORG"}]}}
    store.save_analyses({"k1": {**first, "entities": []}})
    assert store.get_analyses(["k1"]) == {"k1": {**first, "entities": []}}
    many = {f"key{i}": {"quotes": [], "entities": []} for i in range(1200)}  # past one IN (...) list
    store.save_analyses(many)
    assert len(store.get_analyses(list(many))) == 1200


# -- failures -----------------------------------------------------------------------------------
def test_failures_quarantine(store: Store):
    store.add_failure(Failure("a.html", "no body", stage="extract"))
    store.add_failure(Failure("b.html", "binary"))
    store.add_failure(Failure("a.html", "no body", stage="extract"))  # same source + reason
    store.add_failure(Failure("a.html", "timeout", stage="ingest"))
    assert store.failures() == [
        Failure("a.html", "no body", "extract"),
        Failure("b.html", "binary", "ingest"),
        Failure("a.html", "timeout", "ingest"),
    ]
    store.clear_failure("a.html")
    assert store.failures() == [Failure("b.html", "binary", "ingest")]
    store.clear_failure("never-failed")
    long_reason = "é" * 10_000  # a long reason must not overflow an index
    store.add_failure(Failure("c", long_reason))
    store.add_failure(Failure("c", long_reason))
    assert [f.reason for f in store.failures()].count(long_reason) == 1


# -- schema and engine --------------------------------------------------------------------------
def test_old_database_is_upgraded_on_open(db_url):
    engine = make_engine(db_url)
    assert migrate(engine, target=1) == 1
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO articles (id, source_key, content_hash, story_id, added_at, data) "
                "VALUES ('v1', 'sk', 'ch', 's', 'now', :d)"
            ),
            {"d": '{"id": "v1", "source": "old", "text": "from v1"}'},
        )
        conn.execute(text("""INSERT INTO stories (id, data) VALUES ('s', '{"id": "s", "article_ids": ["v1"]}')"""))
        sk = key_hash("bad.html")
        conn.execute(
            text(
                "INSERT INTO failures (key, source_key, source, stage, reason, time) "
                "VALUES (:k, :sk, 'bad.html', 'ingest', 'broken', 't0')"
            ),
            {"k": sk + key_hash("broken"), "sk": sk},
        )
    engine.dispose()
    with open_store(db_url) as s:
        assert s.schema_version == LATEST == 14
        assert s.get_article("v1").text == "from v1"
        assert s.get_story("s") is None  # a comparison cached by v1 names no members: made again
        assert s.story_article_ids("s") == ["v1"]
        # the articles stored before search and revisions existed are searchable and revisable
        assert [h.article_id for h in s.search("from v1")] == ["v1"]
        assert [r.number for r in s.revisions("v1")] == [1]
        # ... and found by the file they were read from (a page saved again over it: QA pass 19b)
        assert [a.id for a in s.articles_read_from("old")] == ["v1"] and s.articles_read_from("new") == []
        s.add_failure(Failure("bad.html", "broken"))
        assert s.failures() == [Failure("bad.html", "broken")]
    engine = make_engine(db_url)
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count, last_seen FROM failures")).one() is not None
        assert conn.execute(text("SELECT count FROM failures")).scalar_one() == 2
        assert conn.execute(text("SELECT version FROM schema_version")).scalar_one() == LATEST
    engine.dispose()
    with open_store(db_url) as s:  # opening again changes nothing
        assert s.schema_version == LATEST


def test_newer_database_is_refused(db_url):
    engine = make_engine(db_url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(text("UPDATE schema_version SET version = 99"))
    engine.dispose()
    with pytest.raises(RuntimeError, match="newer"):
        open_store(db_url)


def test_schema_module_matches_migrated_database(store):
    insp = inspect(store.engine)
    # PostgreSQL's search rows carry a generated tsvector that SQLite's (indexed by FTS5) lack
    only_here = ({"search_articles": {"tsv", "tsv_lead"}, "search_quotes": {"tsv"}}
                 if store.engine.dialect.name == "postgresql" else {})
    for table in metadata.sorted_tables:
        columns = {c["name"] for c in insp.get_columns(table.name)} - only_here.get(table.name, set())
        assert columns == set(table.c.keys()), table.name


def test_sqlite_pragmas(tmp_path):
    with open_store(str(tmp_path / "p.db")) as s, s.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000


def test_open_store_urls(tmp_path, monkeypatch):
    path = tmp_path / "new" / "dir" / "s.db"
    with open_store(str(path)) as s:
        s.add_article(art(1))
    assert path.exists()
    with open_store(f"sqlite:///{path}") as s:
        assert s.has_item("feed.xml#1")
    monkeypatch.setenv("STORYDIFF_DB", str(tmp_path / "env.db"))
    with open_store() as s:
        s.add_article(art(1))
    assert (tmp_path / "env.db").exists()
    with open_store("sqlite://") as s:  # in-memory works across calls
        s.add_article(art(1))
        assert len(s.articles()) == 1
    assert normalize_url("postgres://u@h/db") == "postgresql+psycopg://u@h/db"
    with pytest.raises(ValueError):
        open_store("mysql://u@h/db")
    with pytest.raises(ValueError):
        open_store("  ")
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"\x00\xffnot a database" * 100)
    with pytest.raises(ValueError, match="cannot open database"):
        open_store(str(garbage))
    with pytest.raises(ValueError, match="cannot open database"):
        open_store("postgresql://nobody:secret@127.0.0.1:1/none?connect_timeout=2")


def test_canonical_url():
    assert canonical_url("HTTP://News.Example:80/a/B?utm_medium=x&id=3&fbclid=z#frag") == (
        "https://news.example/a/B?id=3"
    )
    # a trailing "/" and "www." are one address (QA pass 19a, 8: a correction at ".../x/" was a
    # second article); the path's case is not (servers may tell /x from /X)
    assert canonical_url("https://a.example/x/") == canonical_url("https://www.a.example/x")
    assert canonical_url("https://a.example/x") != canonical_url("https://a.example/X")
    assert canonical_url("  ") is None and canonical_url(None) is None
    assert canonical_url("not a url") == "not a url"
    assert canonical_url("http://[bad/") == "http://[bad/"


def test_pg_url_reaches_a_server():
    """When PostgreSQL tests are asked for, a wrong URL fails loudly instead of skipping."""
    if not PG_URL:
        pytest.skip("STORYDIFF_TEST_PG_URL not set")
    engine = create_engine(normalize_url(PG_URL))
    with engine.connect() as conn:
        assert conn.exec_driver_sql("SELECT 1").scalar() == 1
    engine.dispose()


def test_published_order_is_time_order_across_time_zones(store: Store):
    store.add_article(art(1, published="2024-05-01T10:00:00+02:00"), story_id="s")  # 08:00 UTC
    store.add_article(art(2, published="2024-05-01T09:00:00Z"), story_id="s")
    store.add_article(art(3, published="2024-05-01T07:30:00"), story_id="s")  # naive: UTC
    store.add_article(art(4, published="sometime in May"))
    assert store.story_article_ids("s") == ["id3", "id1", "id2"]
    assert [a.id for a in store.articles(since="2024-05-01T10:30:00+02:00")] == ["id2"]
    assert [a.id for a in store.articles(since="2024-05-01")] == ["id3", "id1", "id2"]
    assert [a.id for a in store.articles()][-1] == "id4"  # unparsable dates sort as undated
    assert store.get_article("id1").published == "2024-05-01T10:00:00+02:00"  # the record is untouched
    (summary,) = [s for s in store.stories() if s.id == "s"]
    assert (summary.first_published, summary.last_published) == (
        "2024-05-01T07:30:00+00:00",
        "2024-05-01T09:00:00+00:00",
    )


def test_fast_article_dict_matches_to_dict():
    import json

    from storydiff.store.codec import article_dict

    for a in (full_article(), art(1), Article(id="e", source="s", text="")):
        assert json.dumps(article_dict(a)) == json.dumps(a.to_dict())


def test_stages_never_import_the_store():
    """Stages take and return records; only the CLI, the API and the pipeline touch storage."""
    import re
    from pathlib import Path

    import storydiff

    root = Path(storydiff.__file__).parent
    pattern = re.compile(r"^\s*(from|import)\s+storydiff\.store\b|^\s*from\s+\.\.store\b", re.MULTILINE)
    offenders = [
        str(p.relative_to(root))
        for stage in ("ingest", "extract", "analyze", "match", "compare")
        for p in (root / stage).rglob("*.py")
        if pattern.search(p.read_text(encoding="utf-8", errors="replace"))
    ]
    assert offenders == []


def test_articles_with_stories_matches_story_of(store: Store):
    store.add_article(art(1), "s-harbour")
    store.add_article(art(2))
    got = {a.id: sid for a, sid in store.articles_with_stories()}
    assert got == {"id1": "s-harbour", "id2": None}
    assert [a.id for a, _ in store.articles_with_stories(since="2024-05-03")] == ["id2"]
    store.add_alias("s-harbour", "s-port")  # merged: the articles follow
    assert dict((a.id, sid) for a, sid in store.articles_with_stories())["id1"] == "s-port"


def test_story_pages_and_id_starts(store: Store):
    for n, sid in enumerate(["s-abc1", "s-abc2", "s-abd", "s_ab%"]):
        store.add_article(art(n, published=f"2024-05-0{n + 1}T10:00:00+00:00"), sid)
    newest_first = [s.id for s in store.stories()]
    assert newest_first == ["s_ab%", "s-abd", "s-abc2", "s-abc1"]
    assert [s.id for s in store.stories(limit=2, offset=1)] == newest_first[1:3]
    assert store.stories(limit=2, offset=4) == []
    assert store.story_ids_starting("s-ab") == ["s-abc1", "s-abc2", "s-abd"]
    assert store.story_ids_starting("s_a") == ["s_ab%"]  # "_" and "%" are literal, not wildcards
    assert store.find_story("s-abd") == ("s-abd", [])
    assert store.find_story("s-abc") == (None, ["s-abc1", "s-abc2"])
    assert store.find_story("s-abc2") == ("s-abc2", [])
    assert store.find_story("s_ab") == ("s_ab%", [])
    assert store.find_story("s-") == (None, [])  # too short a start to mean one story
    store.add_alias("s-abd", "s-abc1")
    assert store.find_story("s-abd") == ("s-abc1", [])  # merged away: the survivor
    assert store.find_story("nothing") == (None, [])


def test_placement_lock_admits_one_assigner_at_a_time_and_others_see_what_it_stored(db_url):
    first, second = open_store(db_url), open_store(db_url)  # as two processes would
    try:
        start = second.stored_position()
        got_in = threading.Event()

        def wait_for_the_lock() -> None:
            with second.placement_lock():
                got_in.set()

        with first.placement_lock():
            waiter = threading.Thread(target=wait_for_the_lock)
            waiter.start()
            assert not got_in.wait(0.5)  # held by the first: the second waits
            first.add_article(art(1), "s-one")
            first.add_article(art(2), "s-two")
        waiter.join(30)
        assert got_in.is_set()
        rows, position = second.articles_stored_after(start)
        assert [(a.id, sid) for a, sid in rows] == [("id1", "s-one"), ("id2", "s-two")]
        assert position == second.stored_position() > start
        assert second.articles_stored_after(position) == ([], position)
    finally:
        first.close()
        second.close()


def test_switching_a_new_file_to_wal_retries_while_another_process_holds_it():
    import sqlite3

    from storydiff.store.engine import _switch_to_wal

    class Busy:  # as a second process opening the same new file at the same instant sees it
        def __init__(self, refusals):
            self.refusals, self.calls = refusals, 0

        def execute(self, sql):
            self.calls += 1
            if self.calls <= self.refusals:
                raise sqlite3.OperationalError("database is locked")

    cur = Busy(3)
    _switch_to_wal(cur)
    assert cur.calls == 4
    with pytest.raises(sqlite3.OperationalError, match="disk I/O"):
        class Broken(Busy):
            def execute(self, sql):
                raise sqlite3.OperationalError("disk I/O error")
        _switch_to_wal(Broken(0))  # any other error is not waited out


def test_a_stored_comparison_made_by_other_comparison_code_is_not_current(tmp_path, monkeypatch):
    # after an upgrade that changes how facts or quotes are read, a story nobody touched since
    # must be compared again, not shown as the old code left it
    from storydiff import code_version
    from storydiff.store import codec
    from storydiff.store.codec import article_members_key

    store = open_store(str(tmp_path / "up.db"))
    a = Article(id="u1", source="u1", text="The bridge collapsed on Tuesday, police said.")
    store.add_article(a, story_id="s1")
    story = Story(id="s1", article_ids=["u1"])
    store.save_story(story, members=article_members_key([a]))
    assert store.get_story("s1") is not None
    monkeypatch.setattr(codec, "comparison_code", lambda: "another-release")
    assert store.get_story("s1") is None
    assert code_version.comparison_code() == code_version.comparison_code()  # stable within a process


def test_the_language_tables_are_part_of_the_comparison_code_and_the_analysis_cache_key():
    # a new outlet in lexicon/outlets.py changes origins and source counts: a stored comparison or a
    # cached analysis made before it must not be served (round 27)
    from storydiff import code_version, disk_cache

    assert "lexicon" in code_version._COMPARISON_SOURCES
    assert disk_cache._analyzer_files() == code_version.code_digest(("analyze", "lexicon"))
    assert code_version.code_digest(("analyze", "lexicon")) != code_version.code_digest(("analyze",))
