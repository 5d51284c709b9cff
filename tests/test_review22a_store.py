"""Data safety of ingest and the REST API's write endpoint (review 22a): one bad item is quarantined
by name and the batch goes on. On SQLite and, when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store
from storydiff.store.sql import SqlStore

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_reused_ids import write_jsonl

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

runner = CliRunner()

LVIV = ["Russia launched a massive drone and missile attack on Lviv overnight, the regional governor said on Sunday.",
        "Three people were killed and seven wounded, including two children, he said in a statement.",
        "More than 40,000 customers in the region were left without power after strikes on energy infrastructure.",
        "Two residential buildings and a school were damaged in the city's Sykhiv district, the mayor said.",
        "It was one of the largest attacks on Lviv since the start of the full-scale invasion, he told reporters."]
AT_TEN = "2026-12-06T10:00:00+02:00"  # scheduled publishing: several articles of one outlet at 10:00


def row(n: int, url: str, text: str, *, title: str, published: str = AT_TEN) -> dict:
    return {"id": str(n), "outlet": "Kyiv City", "title": title, "url": url, "published": published, "text": text}


METRO = row(101, "https://kyivcity.example/news/101", "\n".join(LVIV[2:5]), title="Metro runs to a new timetable")
TEMPLATE_HOST = row(102, "https://[domain]/news/102", "\n".join(LVIV), title="Massive attack on Lviv")
SCHOOLS = row(103, "https://kyivcity.example/news/103",
              "\n".join(LVIV[3:] + ["Schools in the capital reopen on Monday, the city council said."]),
              title="Schools reopen on Monday", published="2026-12-06T11:00:00+02:00")


def ingest(db: str, path: Path):
    return runner.invoke(app, ["ingest", str(path), "--db", db, "--workers", "0"])


def stored_ids(db: str) -> list[str]:
    with open_store(db) as s:
        return sorted(a.id for a in s.articles())


def test_a_url_with_an_unfilled_template_host_stops_nothing(db_url, tmp_path):
    """review 22a, R8: "https://[domain]/..." beside a stored article of the outlet at the same
    time raised ValueError in the moved-slug check, rolled the chunk back and ended the run."""
    assert ingest(db_url, write_jsonl(tmp_path, "day1.jsonl", METRO)).exit_code == 0
    for _ in range(2):  # and a re-run too
        result = ingest(db_url, write_jsonl(tmp_path, "day2.jsonl", TEMPLATE_HOST, SCHOOLS))
        assert result.exit_code == 0, (result.exception, result.output)
        assert "103" in stored_ids(db_url)
    broken = row(104, "http://host]/x", "\n".join(LVIV[:3]), title="Massive attack on Lviv")
    result = ingest(db_url, write_jsonl(tmp_path, "day3.jsonl", broken))
    assert result.exit_code == 0, (result.exception, result.output)


def test_the_api_stores_the_rest_of_a_batch_with_a_template_host(db_url):
    from storydiff.serve.api import create_app

    with TestClient(create_app(db_url, token="t"), raise_server_exceptions=False) as client:
        h = {"Authorization": "Bearer t"}
        assert client.post("/api/articles", json=METRO, headers=h).status_code == 200
        resp = client.post("/api/articles", json=[TEMPLATE_HOST, SCHOOLS], headers=h)
        assert resp.status_code == 200, resp.text
    assert "103" in stored_ids(db_url)


@pytest.fixture
def failing_102(monkeypatch):
    """Storing article 102 writes its row and then raises (whatever goes wrong mid-item); the
    real ``add_article``, to put back."""
    add = SqlStore.add_article

    def add_then_fail(self, article, *args, **kw):
        added = add(self, article, *args, **kw)
        if article.id == "102":
            raise RuntimeError("disk gremlin")
        return added

    monkeypatch.setattr(SqlStore, "add_article", add_then_fail)
    return add


def test_an_unexpected_error_storing_one_item_quarantines_it_by_name(db_url, tmp_path, monkeypatch, failing_102):
    """Defence in depth: whatever goes wrong storing one item (here after its row was written)
    is undone for that item alone, quarantined under its source with the reason, and the rest of
    the chunk is stored."""
    fine = row(102, "https://kyivcity.example/news/102", "\n".join(LVIV), title="Massive attack on Lviv")
    path = write_jsonl(tmp_path, "day.jsonl", METRO, fine, SCHOOLS)
    result = ingest(db_url, path)
    assert result.exit_code == 0, (result.exception, result.output)
    assert stored_ids(db_url) == ["101", "103"]  # 102's row rolled back to its savepoint
    with open_store(db_url) as s:
        failed = [(f.source, f.reason, f.stage) for f in s.failures()]
        assert not s.unplaced_articles()
        assert all(s.story_of(a.id) for a in s.articles())
    assert len(failed) == 1 and "#L2" in failed[0][0] and "disk gremlin" in failed[0][1], failed
    assert failed[0][2] == "store"
    assert "disk gremlin" in " ".join(result.stderr.split())
    monkeypatch.setattr(SqlStore, "add_article", failing_102)
    result = ingest(db_url, path)  # fixed: stored, and the entry leaves
    assert stored_ids(db_url) == ["101", "102", "103"]
    with open_store(db_url) as s:
        assert not s.failures()


def test_the_api_answers_an_item_that_failed_to_store_as_failed(db_url, failing_102):
    from storydiff.serve.api import create_app

    fine = row(102, "https://kyivcity.example/news/102", "\n".join(LVIV), title="Massive attack on Lviv")
    with TestClient(create_app(db_url, token="t"), raise_server_exceptions=False) as client:
        resp = client.post("/api/articles", json=[METRO, fine, SCHOOLS], headers={"Authorization": "Bearer t"})
    assert resp.status_code == 200, resp.text
    items = resp.json()["items"]
    assert [i["status"] for i in items] == ["stored", "failed", "stored"], items
    assert "disk gremlin" in items[1]["error"]
    assert stored_ids(db_url) == ["101", "103"]


WIRE = "https://wire.example/world/lviv-attack"
THREE = {"outlet": "Wire", "title": "Massive attack on Lviv kills three", "url": WIRE,
         "published": "2026-12-06T07:00:00Z", "modified": "2026-12-06T07:00:00Z", "text": "\n".join(LVIV)}
FOUR = dict(THREE, modified="2026-12-06T09:00:00Z",
            text="\n".join(LVIV[:1] + ["Four people were killed and seven wounded, including two children, he said."] + LVIV[2:]))
THREE_AGAIN = dict(THREE, modified="2026-12-06T11:00:00Z")  # the 09:00 figure withdrawn


def test_an_edit_the_outlet_undid_with_a_later_modified_time_is_current(db_url, tmp_path):
    """review 22a, R2: v1 -> v2 -> v1's text again (modified later) was "already stored" for file
    ingest and the API, and the withdrawn figure stayed current."""
    for i, v in enumerate((THREE, FOUR, THREE_AGAIN)):
        assert ingest(db_url, write_jsonl(tmp_path, f"v{i}.jsonl", v)).exit_code == 0
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert "Three people" in a.text
        assert [r.article.modified[11:16] for r in s.revisions(a.id)] == ["07:00", "09:00", "11:00"]
    # the old exports read again change nothing: each item is stored
    for i in range(3):
        assert "1 already stored" in " ".join(ingest(db_url, tmp_path / f"v{i}.jsonl").stderr.split())
    # the earlier versions sent again by another export with their own (earlier) modified times
    # are old reads, not reverts
    for v in (THREE, FOUR):
        said = " ".join(ingest(db_url, write_jsonl(tmp_path, "other.jsonl", v)).stderr.split())
        assert "1 already stored" in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert "Three people" in a.text and len(s.revisions(a.id)) == 3


def test_the_api_takes_an_undone_edit_with_a_later_modified_time(db_url):
    from storydiff.serve.api import create_app

    with TestClient(create_app(db_url, token="t"), raise_server_exceptions=False) as client:
        h = {"Authorization": "Bearer t"}
        statuses = [client.post("/api/articles", json=v, headers=h).json()["items"][0]["status"]
                    for v in (THREE, FOUR, THREE_AGAIN)]
    assert statuses == ["stored", "stored", "stored"], statuses
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert "Three people" in a.text and len(s.revisions(a.id)) == 3


def test_a_modified_time_in_the_future_pins_no_version(db_url, tmp_path):
    """review 22a, R5: a CMS's year typo (next year) in one version's modified time kept it
    current for good; every later correction went below it without a word."""
    from datetime import UTC, datetime, timedelta

    now = datetime.now(UTC)

    def at(hours: float) -> str:
        return (now + timedelta(hours=hours)).strftime("%Y-%m-%dT%H:%M:%SZ")

    def version(n: str, modified: str | None) -> dict:
        text = "\n".join(LVIV[:1] + [f"{n} people were killed and seven wounded, he said."] + LVIV[2:])
        return {"outlet": "Wire", "title": "Massive attack on Lviv", "url": WIRE, "published": at(-6),
                "text": text, **({"modified": modified} if modified else {})}

    said = []
    for i, v in enumerate((version("Three", None), version("Four", at(-5 + 365 * 24)),
                           version("Five", at(-3)), version("Six", at(-1)))):
        said.append(" ".join(ingest(db_url, write_jsonl(tmp_path, f"v{i}.jsonl", v)).stderr.split()))
    assert "is in the future: ignored" in said[1], said[1]
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.text.split("\n")[1].startswith("Six"), a.text
        assert [r.article.text.split("\n")[1].split()[0] for r in s.revisions(a.id)] == ["Three", "Four", "Five", "Six"]
    # an older version read after the current one is put below it, and said
    late = " ".join(ingest(db_url, write_jsonl(tmp_path, "late.jsonl", version("Seven", at(-2)))).stderr.split())
    assert "modified earlier" in late and "kept as an earlier revision" in late, late


def test_a_correction_of_the_publication_time_alone_to_an_earlier_time_is_taken(db_url, tmp_path):
    """review 22a, R3: the CMS stamped the re-save time as published; the outlet's fix (same URL,
    text and headline, a later modified time) was "already stored" and the wrong time stayed."""
    first = dict(THREE, published="2026-12-07T09:00:00Z")
    first.pop("modified")
    ingest(db_url, write_jsonl(tmp_path, "v1.jsonl", first))
    fixed = dict(first, published="2026-12-06T05:00:00Z", modified="2026-12-07T10:00:00Z")
    said = " ".join(ingest(db_url, write_jsonl(tmp_path, "v2.jsonl", fixed)).stderr.split())
    assert "publication time" in said and "corrected" in said, said
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.published.startswith("2026-12-06T05:00") and len(s.revisions(a.id)) == 1
    # a later publication time from another export is no correction (the page's edit time)
    later = dict(first, published="2026-12-08T09:00:00Z", modified="2026-12-08T10:00:00Z")
    ingest(db_url, write_jsonl(tmp_path, "v3.jsonl", later))
    with open_store(db_url) as s:
        (a,) = s.articles()
        assert a.published.startswith("2026-12-06T05:00")


def test_rows_read_month_first_are_redated_when_the_export_proves_day_first(db_url, tmp_path):
    """review 22a, R9: a nightly export written over at one path; night 1 (days 5-7) is read month
    first, night 2 proves day first ("13/11/2026"): the night-1 rows stayed in May-July."""
    def report(day: int, i: int) -> dict:
        return {"id": f"kd-{day}-{i}", "outlet": "Kyiv Daily", "title": f"Report {day}.{i}",
                "url": f"https://kyivdaily.example/{day}/{i}", "published": f"{day:02d}/11/2026 09:{i:02d}",
                "text": "\n".join(LVIV[i:] + LVIV[:i]) + f"\nFiled on day {day} of the month, item {i}."}

    night1 = [report(d, i) for d in (5, 6, 7) for i in range(2)]
    ingest(db_url, write_jsonl(tmp_path, "export.jsonl", *night1))
    with open_store(db_url) as s:
        assert {a.published[:7] for a in s.articles()} != {"2026-11"}  # month first, as designed
    ingest(db_url, write_jsonl(tmp_path, "export.jsonl", *night1, *(report(d, i) for d in (13, 14) for i in range(2))))
    with open_store(db_url) as s:
        arts = s.articles()
        assert len(arts) == 10 and {a.published[:7] for a in arts} == {"2026-11"}, [a.published for a in arts]
        assert all(len(s.revisions(a.id)) == 1 for a in arts)


def test_a_fixed_row_stored_at_another_line_of_its_export_clears_its_entry(db_url, tmp_path):
    """review 22a, R4 (a): row 2 (id b2) failed (no text); tonight's export puts it first, fixed:
    stored, but `errors` kept "export.jsonl#L2 (id b2)" for good."""
    power = {"id": "a1", "outlet": "Wire", "title": "Power restored in Lviv", "url": WIRE + "-power",
             "published": "2026-12-06T07:00:00Z", "text": "\n".join(LVIV[2:])}
    bad = {"id": "b2", "outlet": "Wire", "title": "Massive attack on Lviv kills three", "url": WIRE,
           "published": "2026-12-06T08:00:00Z", "text": ""}
    other = dict(bad, id="c3", url=WIRE + "-c3")  # another row's entry of the same file stays
    ingest(db_url, write_jsonl(tmp_path, "export_1.jsonl", power, bad, other))
    with open_store(db_url) as s:
        assert len(s.failures()) == 2
    ingest(db_url, write_jsonl(tmp_path, "export_1.jsonl", dict(bad, text="\n".join(LVIV)), power))
    with open_store(db_url) as s:
        assert "b2" in [a.id for a in s.articles()]
        assert [f.source.rsplit("(", 1)[-1] for f in s.failures()] == ["id c3)"], s.failures()


def test_a_decomposed_article_stored_before_ingest_composed_text_is_the_same_version(db_url, tmp_path):
    """review 22a, R1: a database written before 04e3dea keeps NFD text ("й" as и + U+0306) and
    its hashes; the same export re-read (now composed) gave every such article a revision that
    changed nothing visible, and dropped its story's comparison."""
    import hashlib
    import unicodedata

    from sqlalchemy import text as sql

    from storydiff.records import Article

    body = ("Київ зазнав масованої атаки дронів уночі, повідомив голова міської військової адміністрації.\n"
            "Уламки впали у Шевченківському районі, пошкоджено житловий будинок і дитячий садок.\n"
            "Інформація про постраждалих уточнюється, на місці працюють рятувальники.")
    row = {"id": "s1", "outlet": "Київська правда", "title": "Нічна атака на Київ: пошкоджено будинок й садок",
           "url": "https://kyivpravda.example/news/s1", "published": "2026-12-06T07:00:00+02:00", "text": body}

    def nfd(value: str) -> str:
        return unicodedata.normalize("NFD", value)

    old = Article(id="s1", source=str(tmp_path / "export.jsonl") + "#L1 (id s1)", text=nfd(body), url=row["url"],
                  outlet=nfd(row["outlet"]), title=nfd(row["title"]), published=row["published"])
    assert old.text != body
    # as the old storydiff hashed it: the decomposed text and outlet as they were
    text_hash = hashlib.sha256(" ".join(old.text.split()).lower().encode()).hexdigest()
    old_hash = hashlib.sha256(f"{text_hash}\x00{old.outlet.lower()}".encode()).hexdigest()
    with open_store(db_url) as s:
        assert s.add_article(old, "s-old")
        with s.engine.begin() as conn:
            conn.execute(sql("UPDATE articles SET content_hash = :h WHERE id = 's1'"), {"h": old_hash})
    said = " ".join(ingest(db_url, write_jsonl(tmp_path, "export.jsonl", row)).stderr.split())
    assert "0 new revision" in said or "new revision" not in said, said
    with open_store(db_url) as s:
        assert [a.id for a in s.articles()] == ["s1"]
        assert len(s.revisions("s1")) == 1
