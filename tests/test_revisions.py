"""An article its outlet edits after publication: stored as a new revision of the same article
(not a new article, not a skip), compared at its latest, and what changed shown everywhere."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.compare.revisions import diff_revisions, edit_history, is_edit_of
from storydiff.records import Article
from storydiff.serve.api import create_app
from storydiff.serve.cli import app

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # the store fixtures: SQLite, and PostgreSQL when set

runner = CliRunner()

BEFORE = Article(
    id="q1",
    source="harbor.jsonl#L1",
    url="https://harbor.example/quake",
    outlet="Harbor Wire",
    title="Quake kills 14 in Berovac",
    published="2024-03-11T10:00:00Z",
    text=(
        "BEROVAC (Harbor Wire) — An earthquake killed 14 people in Berovac on Monday, the governor said.\n"
        "\"We are searching every house,\" governor Anton Brel said.\n"
        "Rescue teams arrived from the capital in the evening.\n"
        "\"The school held,\" Brel said, adding that no children were hurt."
    ),
)
AFTER = replace(
    BEFORE,
    source="harbor-2.jsonl#L1",
    title="Quake kills 17 in Berovac",
    text=(
        "BEROVAC (Harbor Wire) — An earthquake killed 17 people in Berovac on Monday, the governor said.\n"
        "\"We are searching every single house,\" governor Anton Brel said.\n"
        "Rescue teams arrived from the capital in the evening.\n"
        "Aid convoys are expected on Tuesday, the agency said.\n"
        "\"Nobody will be left behind,\" Brel added."
    ),
)


def test_a_figure_edited_with_a_decimal_comma_reads_as_its_language_writes_it():
    # QA pass 15: "3 млрд" -> "3,5 млрд" read as "figure 3 → 35", "2,8 → 2,6" as "28 → 26"
    before = Article(id="u", source="u", language="uk", text=(
        "Лідери підписали угоду на 3 млрд євро, повідомив Макрон.\n\n"
        "Видатки на оборону в 2027 році сягнуть 2,8 трлн грн."))
    after = replace(before, text=before.text.replace("3 млрд", "3,5 млрд").replace("2,8 трлн", "2,6 трлн"))
    d = diff_revisions(before, after)
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("3 млрд", "3,5 млрд"), ("2,8 трлн", "2,6 трлн")]
    assert d.figures_changed[1]["sentence"] == "Видатки на оборону в 2027 році сягнуть 2,6 трлн грн."
    # without a language the script tells it; an English thousands separator stays one
    assert [f["after"] for f in diff_revisions(replace(before, language=None), replace(after, language=None)).figures_changed] == ["3,5 млрд", "2,6 трлн"]
    en = Article(id="e", source="e", text="The fund holds 1,200 homes.")
    assert diff_revisions(en, replace(en, text="The fund holds 1,500 homes.")).summary()[0] == "figure 1,200 → 1,500"


def test_a_figure_whose_scale_word_or_grouped_digits_changed_is_a_changed_figure():
    # the word diff saw "million" -> "billion" (no digit) and "200" -> "500" (half a figure)
    en = Article(id="e", source="e", language="en", text="The fund lost 1.2 million dollars, 14 people said.")
    d = diff_revisions(en, replace(en, text="The fund lost 1.2 billion dollars, 14 people said."))
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("1.2 million", "1.2 billion")]
    uk = Article(id="u", source="u", language="uk", text="Евакуювали 1 200 людей з 3 сіл, повідомив голова ОВА.")
    d = diff_revisions(uk, replace(uk, text="Евакуювали 1 500 людей з 3 сіл, повідомив голова ОВА."))
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("1 200", "1 500")]
    assert d.figures_changed[0]["sentence"].startswith("Евакуювали 1 500 людей")
    # a toll that climbs takes a value another figure had (a review: value alignment saw no change)
    toll = Article(id="t", source="t", language="en", text="The strike killed 10 people and injured 20, police said.")
    d = diff_revisions(toll, replace(toll, text="The strike killed 20 people and injured 35, police said."))
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("10", "20"), ("20", "35")]
    pl = Article(id="p", source="p", language="pl", text="Liczba ofiar wzrosła z 3 do 5, podała policja.")
    d = diff_revisions(pl, replace(pl, text="Liczba ofiar wzrosła z 5 do 7, podała policja."))
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("3", "5"), ("5", "7")]
    # a figure added beside the old ones changes none of them
    d = diff_revisions(en, replace(en, text="The fund lost 1.2 million dollars, 14 people said, in 2 days."))
    assert d.figures_changed == []


def test_the_diff_names_each_kind_of_change():
    d = diff_revisions(BEFORE, AFTER)
    assert d.headline == ("Quake kills 14 in Berovac", "Quake kills 17 in Berovac")
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("14", "17"), ("14", "17")]
    assert d.quotes_removed == ["The school held"]
    assert d.quotes_added == ["Nobody will be left behind"]
    (altered,) = d.quotes_altered
    assert altered["before"] == "We are searching every house" and ("+", "single") in altered["diff"]
    assert d.paragraphs_added == ["Aid convoys are expected on Tuesday, the agency said.",
                                  "\"Nobody will be left behind,\" Brel added."]
    assert d.paragraphs_removed == ["\"The school held,\" Brel said, adding that no children were hurt."]
    assert len(d.paragraphs_edited) == 2
    assert d.summary() == ["headline changed", "figure 14 → 17 (killed)", "1 quote added", "1 quote removed", "1 quote altered",
                           "2 paragraphs added", "1 paragraph removed", "2 paragraphs edited"]
    assert d.is_edit
    assert diff_revisions(BEFORE, BEFORE).summary() == []
    # the page replacing a feed summary stored in its place is no edit by the outlet
    assert not diff_revisions(replace(BEFORE, text_from="feed summary"), AFTER).is_edit


def test_an_outlet_id_is_the_same_article_only_when_most_of_the_text_stays():
    no_url = replace(BEFORE, url=None)
    assert is_edit_of(no_url, replace(AFTER, url=None))
    assert not is_edit_of(no_url, replace(AFTER, url=None, outlet="Veyra Post"))  # another outlet's row 1
    other = replace(AFTER, url=None, text="A ferry ran aground off Cape Lorn on Sunday; all 212 passengers were safe.")
    assert not is_edit_of(no_url, other)  # a vendor's row id reused for another article


def test_the_store_keeps_every_revision_and_indexes_the_latest(store):
    assert store.add_article(BEFORE, "s1")
    assert store.revise_article("q1", replace(AFTER, id="elsewhere")) == 2
    assert store.revise_article("q1", AFTER) is None  # the same text again: nothing changes
    assert store.revise_article("nope", AFTER) is None
    revs = store.revisions("q1")
    assert [(r.number, r.article.title) for r in revs] == [(1, BEFORE.title), (2, AFTER.title)]
    assert all(r.seen_at for r in revs)
    assert store.get_article("q1").text == AFTER.text and store.story_of("q1") == "s1"
    assert store.revision_numbers(["q1", "other"]) == {"q1": 2}
    assert store.has_item(BEFORE.source, BEFORE.raw_digest)  # the old item read again is no news
    assert store.has_text("q1", BEFORE) and store.has_text("q1", AFTER)
    assert store.article_by_url("http://HARBOR.example/quake?utm_source=x").id == "q1"
    assert [h.article_id for h in store.search("seventeen OR 17")] == []  # every word must match
    assert [h.article_id for h in store.search("17")] == ["q1"] and store.search("14") == []
    assert [h.text for h in store.search("behind", kind="quote")] == ["Nobody will be left behind"]
    assert edit_history(revs)[0].headline == (BEFORE.title, AFTER.title)


def test_an_older_capture_read_later_goes_among_the_earlier_revisions(store):
    noon = replace(AFTER, captured="2024-03-11T12:00:00+00:00")
    assert store.add_article(noon, "s1")
    seven = replace(BEFORE, captured="2024-03-11T07:00:00+00:00")
    nine = replace(BEFORE, source="harbor-9.jsonl#L1", text=BEFORE.text.replace("14 people", "15 people"),
                   captured="2024-03-11T09:00:00+00:00")
    assert store.revise_article("q1", seven) == 1
    assert store.revise_article("q1", nine) == 2
    revs = store.revisions("q1")
    assert [r.seen_at[11:16] for r in revs] == ["07:00", "09:00", "12:00"] and [r.number for r in revs] == [1, 2, 3]
    assert store.get_article("q1").text == AFTER.text and store.revision_numbers(["q1"]) == {"q1": 3}
    assert store.revise_article("q1", seven) is None  # read again: nothing changes
    # the oldest capture read last moves two earlier revisions up at once: "revision + 1" broke
    # UNIQUE (article_id, revision) row by row and aborted the ingest (a review's finding)
    six = replace(BEFORE, source="harbor-6.jsonl#L1", text=BEFORE.text.replace("14 people", "13 people"),
                  captured="2024-03-11T06:00:00+00:00")
    assert store.revise_article("q1", six) == 1
    revs = store.revisions("q1")
    assert [r.seen_at[11:16] for r in revs] == ["06:00", "07:00", "09:00", "12:00"] and [r.number for r in revs] == [1, 2, 3, 4]
    assert store.get_article("q1").text == AFTER.text


def test_an_archive_capture_older_than_the_page_stored_today_goes_below_it(store):
    # a page stored from a live fetch (no capture time), then a month-old WARC capture of it: the
    # capture became the current text and "seen" ran backwards (a review's finding)
    assert store.add_article(AFTER, "s1")
    old = replace(BEFORE, source="crawl.warc.gz#1", captured="2001-03-11T07:00:00+00:00")
    assert store.revise_article("q1", old) == 1
    assert store.get_article("q1").text == AFTER.text
    assert [r.article.text for r in store.revisions("q1")] == [BEFORE.text, AFTER.text]


def _export(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return str(path)


def row(a: Article) -> dict:
    return {"id": a.id, "url": a.url, "outlet": a.outlet, "title": a.title, "published": a.published, "text": a.text}


def test_an_export_read_again_with_an_edited_row_stores_a_revision(tmp_path):
    db = str(tmp_path / "r.db")
    old = _export(tmp_path / "monday.jsonl", [row(BEFORE)])
    new = _export(tmp_path / "tuesday.jsonl", [row(AFTER)])
    assert "stored 1 new" in runner.invoke(app, ["ingest", old, "--db", db]).stderr
    msg = " ".join(runner.invoke(app, ["ingest", new, "--db", db]).stderr.split())
    assert "stored 0 new article(s); 1 new revision(s) of stored articles; 0 already stored" in msg
    for path in (old, new):  # re-runs of either file change nothing
        assert "stored 0 new article(s); 1 already stored" in " ".join(runner.invoke(app, ["ingest", path, "--db", db]).stderr.split())
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db, "--json"]).stdout.splitlines()]
    assert story["n_articles"] == 1 and story["title"] == AFTER.title
    shown = json.loads(runner.invoke(app, ["show", story["id"], "--db", db, "--json"]).stdout)
    assert [a["title"] for a in shown["articles"]] == [AFTER.title]  # the story compares the latest
    (diffs,) = shown["edits"].values()
    assert diffs[0]["summary"][:2] == ["headline changed", "figure 14 → 17 (killed)"]
    text = runner.invoke(app, ["show", story["id"], "--db", db]).stdout
    assert "Edited after publication" in text and "[-14-] {+17+}" in text and "quote removed" in text
    # when it was stored, as every time reads ("2024-03-11 08:40 UTC"), not raw ISO (second QA pass)
    assert re.search(r"\(seen \d{4}-\d\d-\d\d \d\d:\d\d UTC\)", " ".join(text.split()))


def test_the_web_app_and_api_show_the_revisions(tmp_path):
    db = str(tmp_path / "r.db")
    hostile = replace(AFTER, title="Quake kills 17 <script>alert(1)</script>")
    runner.invoke(app, ["ingest", _export(tmp_path / "a.jsonl", [row(BEFORE)]), "--db", db])
    runner.invoke(app, ["ingest", _export(tmp_path / "b.jsonl", [row(hostile)]), "--db", db])
    client = TestClient(create_app(db))
    r = client.get("/api/articles/q1/revisions")
    assert r.status_code == 200
    body = r.json()
    assert body["current"] == 2 and [x["number"] for x in body["revisions"]] == [1, 2]
    assert body["revisions"][0]["changes"] is None and body["revisions"][1]["changes"]["headline"]["before"] == BEFORE.title
    assert client.get("/api/articles/nope/revisions").status_code == 404
    assert client.get("/api/articles/q1").json()["title"] == hostile.title  # the article route is unchanged
    page = client.get("/articles/q1").text
    assert "Edited after publication" in page and "<script>alert" not in page and "&lt;script&gt;" in page
    sid = client.get("/api/stories").json()[0]["id"]
    story = client.get(f"/stories/{sid}").text
    assert "edited after publication" in story and "figure" in story and "<script>alert" not in story


def test_the_same_outlet_id_without_a_url_is_revised_and_a_reused_row_id_is_not(tmp_path):
    db = str(tmp_path / "r.db")
    a = {**row(BEFORE), "url": None}
    b = {**row(AFTER), "url": None}
    c = {**row(AFTER), "url": None, "outlet": "Veyra Post", "text": "A ferry ran aground off Cape Lorn on Sunday; "
         "all 212 passengers were brought ashore, the coastguard said."}
    runner.invoke(app, ["ingest", _export(tmp_path / "a.jsonl", [a]), "--db", db])
    assert "1 new revision" in runner.invoke(app, ["ingest", _export(tmp_path / "b.jsonl", [b]), "--db", db]).stderr
    assert "stored 1 new" in runner.invoke(app, ["ingest", _export(tmp_path / "c.jsonl", [c]), "--db", db]).stderr


def test_two_articles_at_one_url_are_both_stored_and_an_edit_at_it_is_still_a_revision(tmp_path):
    # a live blog's posts (one URL once the fragment is dropped) and a feed that gives every entry
    # its landing page: the second article was stored as a "revision" of the first, which vanished
    # from search and stories (found by a QA pass)
    ferry = replace(BEFORE, id="p2", source="blog.jsonl#L2", title="Ferry aground off Cape Lorn", text=(
        "A ferry ran aground off Cape Lorn on Sunday; all 212 passengers were brought ashore, the coastguard "
        "said.\nDivers will inspect the hull on Monday, the operator said."))
    for urls in (("https://harbor.example/live#post-1", "https://harbor.example/live#post-2"),
                 ("https://harbor.example/news", "https://harbor.example/news")):
        db = str(tmp_path / f"{len(urls[0])}.db")
        rows = [{**row(BEFORE), "url": urls[0]}, {**row(ferry), "url": urls[1]}]
        path = _export(tmp_path / f"blog{len(urls[0])}.jsonl", rows)
        assert "stored 2 new article(s)" in runner.invoke(app, ["ingest", path, "--db", db]).stderr
        assert "2 already stored" in runner.invoke(app, ["ingest", path, "--db", db]).stderr  # a re-run adds nothing
        for word in ("Berovac", "ferry"):
            assert json.loads(runner.invoke(app, ["search", word, "--db", db, "--json"]).stdout.splitlines()[0])
        # the first post edited at its URL is still a revision of it, and so is the second (it holds
        # no claim on the URL: it is found by its id; a review found its edit reported "already stored")
        edited = _export(tmp_path / f"edit{len(urls[0])}.jsonl", [{**row(AFTER), "url": urls[0]}])
        assert "1 new revision" in runner.invoke(app, ["ingest", edited, "--db", db]).stderr
        towed = {**row(ferry), "url": urls[1], "text": ferry.text + "\nTugs towed the ferry to Port Veyra overnight."}
        edited = _export(tmp_path / f"edit2{len(urls[0])}.jsonl", [towed])
        assert "1 new revision" in runner.invoke(app, ["ingest", edited, "--db", db]).stderr
        assert json.loads(runner.invoke(app, ["search", "towed", "--db", db, "--json"]).stdout.splitlines()[0])


def test_an_api_upload_of_an_edited_article_is_a_revision(tmp_path):
    client = TestClient(create_app(str(tmp_path / "r.db"), token="t"))
    auth = {"Authorization": "Bearer t"}
    first = client.post("/api/articles", json=row(BEFORE), headers=auth).json()
    again = client.post("/api/articles", json=row(AFTER), headers=auth).json()
    assert first["stored"] == 1 and again["items"][0]["article_id"] == "q1"
    assert [x["number"] for x in client.get("/api/articles/q1/revisions").json()["revisions"]] == [1, 2]


def test_a_page_flapping_between_two_texts_adds_a_bounded_number_of_revisions(store):
    # review of the undone-edit fix: every swap between two texts was a new "edit", each round, and
    # two listed addresses of one page serving two texts made edits of a page that never changed
    from storydiff.pipeline import ingest_stream
    from storydiff.records import RawItem

    url = "https://harbor.example/news/quake"

    def page(n: int) -> str:
        return (f"<html><head><title>Quake kills {n}</title></head><body><article><h1>Quake kills {n}</h1>"
                f"<p>An earthquake killed {n} people in Berovac on Monday, the governor of the province said.</p>"
                "<p>Rescue teams arrived from the capital in the evening and searched the old town.</p>"
                "</article></body></html>")

    for n in (14, 19, 14, 19, 14, 19, 14):  # one URL, a CDN's stale and fresh copies
        ingest_stream(store, [RawItem(url, "html", page(n), url=url)], current_sources=True)
    article = store.article_by_url(url)
    assert len(store.revisions(article.id)) == 4  # 14, 19, 14 undone, 19 again: then no more
    # two addresses of one page with two texts: no edit after the first round
    other = "https://harbor.example/news/ferry"
    for _ in range(3):
        stats = ingest_stream(store, [RawItem(other, "html", page(21), url=other),
                                      RawItem(other + "?amp=1", "html", page(22), url=other)], current_sources=True)
    assert stats["revised"] == 0 and len(store.revisions(store.article_by_url(other).id)) == 2


def _live_feed(entries: list[tuple[str, str, str]]) -> bytes:
    items = "".join(
        f"<item><title>{title}</title><link>https://harbor.example/live</link>"
        f'<guid isPermaLink="false">{guid}</guid><description>&lt;p&gt;{body}&lt;/p&gt;</description></item>'
        for guid, title, body in entries)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Times</title>'
            f"<link>https://harbor.example/</link>{items}</channel></rss>").encode()


QUAKE = ("live-1", "Quake kills 14 in Berovac", "An earthquake killed 14 people in Berovac on Monday, the governor "
         "of the province said. Rescue teams arrived from the capital in the evening and searched the old town.")
FERRY = ("live-2", "Ferry aground off Cape Lorn", "A ferry ran aground off Cape Lorn on Sunday; all 212 passengers "
         "were brought ashore, the coastguard said. Divers will inspect the hull on Monday, the operator said.")


def test_feed_entries_with_their_own_guids_at_one_landing_page_are_all_kept(tmp_path):
    # a live blog's feed (every entry links to the live page): the URL alone keyed each entry, so
    # the ferry entry was stored as a "revision" of the quake entry, which vanished from search
    db = str(tmp_path / "live.db")
    feed = tmp_path / "live.rss"
    feed.write_bytes(_live_feed([QUAKE, FERRY]))
    assert "stored 2 new article(s)" in runner.invoke(app, ["ingest", str(feed), "--db", db]).stderr
    assert "2 already stored" in runner.invoke(app, ["ingest", str(feed), "--db", db]).stderr  # a re-run adds nothing
    for word in ("earthquake", "ferry"):
        assert json.loads(runner.invoke(app, ["search", word, "--db", db, "--json"]).stdout.splitlines()[0])
    # the quake entry updated under its guid is a revision of it, and of nothing else
    feed.write_bytes(_live_feed([(QUAKE[0], QUAKE[1], QUAKE[2].replace("14 people", "19 people")), FERRY]))
    assert "1 new revision" in runner.invoke(app, ["ingest", str(feed), "--db", db]).stderr
    hits = [json.loads(x) for x in runner.invoke(app, ["search", "ferry", "--db", db, "--json"]).stdout.splitlines()]
    assert hits and all("19 people" not in json.dumps(h) for h in hits)


def _linkless_feed(items: list[tuple[str, str, str]]) -> bytes:
    """A feed whose items have neither <link> nor <guid> (QA round 14): (title, pubDate, text)."""
    body = "".join(f"<item><title>{t}</title><pubDate>{d}</pubDate><description>{x}</description></item>"
                   for t, d, x in items)
    return (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Pryvoz Daily</title>'
            f"<link>https://pryvoz.example/</link><description>news</description>{body}</channel></rss>").encode()


METRO = ("Kharkiv metro extends hours", "Tue, 03 Nov 2026 10:05:00 +0200",
         "Kharkiv's metro will run an extra hour during the curfew changes, the city administration said on "
         "Tuesday, citing safety reasons for 300,000 daily passengers. Trains will run every eight minutes.")
TROLLEYS = ("Dnipro gets trolleybuses", "Tue, 03 Nov 2026 12:05:00 +0200",
            "Dnipro received 20 new trolleybuses from the European Investment Bank on Tuesday, the mayor's office "
            "said, under a 30 million euro loan.")


def test_a_linkless_feed_item_corrected_later_is_a_revision_not_a_second_article(tmp_path):
    db = str(tmp_path / "f.db")
    (tmp_path / "round1.rss").write_bytes(_linkless_feed([METRO]))
    corrected = (METRO[0], METRO[1], METRO[2].replace("300,000", "320,000"))
    (tmp_path / "round2.rss").write_bytes(_linkless_feed([TROLLEYS, corrected]))
    assert "stored 1 new article(s)" in runner.invoke(app, ["ingest", str(tmp_path / "round1.rss"), "--db", db]).stderr
    out = " ".join(runner.invoke(app, ["ingest", str(tmp_path / "round2.rss"), "--db", db]).stderr.split())
    assert "stored 1 new article(s); 1 new revision(s)" in out
    stories = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db, "--json"]).stdout.splitlines()]
    (metro,) = [s for s in stories if "metro" in (s["title"] or "")]
    shown = json.loads(runner.invoke(app, ["show", metro["id"], "--db", db, "--json"]).stdout)
    assert len(shown["articles"]) == 1 and "320,000" in shown["articles"][0]["text"]
    # another item that shares the outlet, title and time but not the text stays an article of its own
    other = (METRO[0], METRO[1], "The Kharkiv city council approved a budget for new school shelters on Tuesday, "
             "the mayor said, with works due to start in December in six districts.")
    (tmp_path / "round3.rss").write_bytes(_linkless_feed([other]))
    out = " ".join(runner.invoke(app, ["ingest", str(tmp_path / "round3.rss"), "--db", db]).stderr.split())
    assert "stored 1 new article(s);" in out and "revision" not in out


def _warc(path: Path, captures: list[tuple[bytes, str]]) -> None:
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        for body, date in captures:
            h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            w.write_record(w.create_warc_record("https://harborwire.example/odesa", "response", payload=BytesIO(body),
                                                http_headers=h, warc_headers_dict={"WARC-Date": date}))


ODESA = (b"<html><head><title>Drone strike on Odesa port kills three</title><meta property='article:published_time' "
         b"content='2026-11-03T06:10:00Z'></head><body><article><h1>Drone strike on Odesa port kills three</h1>"
         b"<p>A Russian drone strike on the port of Odesa killed three people and injured 12 overnight, regional "
         b"governor Oleh Kiper said on Tuesday.</p><p>\"The enemy deliberately targeted civilian infrastructure,\" "
         b"Kiper said.</p><p>Ukraine's air force said it shot down 28 of the 35 drones launched overnight.</p>"
         b"</article></body></html>")


@pytest.mark.parametrize("files", ["one", "two"])
def test_captures_of_a_page_in_a_warc_are_revisions_in_capture_order_dated_by_it(tmp_path, files):
    db = str(tmp_path / "w.db")
    later = (ODESA.replace(b"28 of the 35", b"29 of the 35"), "2026-11-03T12:00:00Z")
    earlier = (ODESA, "2026-11-03T07:00:00Z")
    if files == "one":  # the later capture first in the file (two crawls concatenated)
        _warc(tmp_path / "crawl.warc.gz", [later, earlier])
        paths = [str(tmp_path / "crawl.warc.gz")]
    else:  # or two crawl files read later one first
        _warc(tmp_path / "a.warc.gz", [later])
        _warc(tmp_path / "b.warc.gz", [earlier])
        paths = [str(tmp_path / "a.warc.gz"), str(tmp_path / "b.warc.gz")]
    out = " ".join(runner.invoke(app, ["ingest", *paths, "--db", db, "--workers", "0"]).stderr.split())
    assert "stored 1 new article(s); 1 new revision(s)" in out
    from storydiff.store import open_store

    with open_store(db) as store:
        (row,) = store.articles()
        revs = store.revisions(row.id)
    assert [r.number for r in revs] == [1, 2]
    assert ["28 of the 35" in r.article.text for r in revs] == [True, False]  # 07:00 first, 12:00 now
    assert [r.seen_at for r in revs] == ["2026-11-03T07:00:00+00:00", "2026-11-03T12:00:00+00:00"]
    assert "29 of the 35" in revs[-1].article.text
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db, "--json"]).stdout.splitlines()]
    text = " ".join(runner.invoke(app, ["show", story["id"], "--db", db]).stdout.split())
    assert "figure 28 → 29" in text and "seen 2026-11-03 12:00 UTC" in text


# -- versions of one page told apart by the page's own modified time (QA round 15) -----------

def odesa_page(injured: int, downed: int, modified: str | None, *, slug: str = "odesa",
               published: str = "2026-11-03T06:10:00Z", extra: str = "", outlet: str = "Harbor Wire") -> bytes:
    url = f"https://harborwire.example/news/{slug}"
    tags = f"<meta property='article:modified_time' content='{modified}'>" if modified else ""
    return (f"<html><head><title>Drone strike on Odesa port injures {injured}</title>"
            f"<meta property='og:site_name' content='{outlet}'><link rel='canonical' href='{url}'>"
            f"<meta property='article:published_time' content='{published}'>{tags}</head><body><article>"
            f"<h1>Drone strike on Odesa port injures {injured}</h1>"
            f"<p>A Russian drone strike on the port of Odesa killed three people and injured {injured} overnight, "
            f"regional governor Oleh Kiper said on Tuesday.</p><p>\"The enemy deliberately targeted civilian "
            f"infrastructure,\" Kiper said.</p><p>Ukraine's air force said it shot down {downed} of the 35 drones "
            f"launched overnight.</p>{extra}</article></body></html>").encode()


CORRECTED = odesa_page(15, 29, "2026-11-03T10:05:00+02:00")  # 08:05 UTC
STALE = odesa_page(12, 28, "2026-11-03T06:50:00+02:00")  # 04:50 UTC: saved before the correction


def test_the_page_modified_time_is_read_from_its_tags_and_json_ld():
    from storydiff.extract import extract_item
    from storydiff.records import RawItem

    a = extract_item(RawItem(source="a.html", kind="html", content=CORRECTED.decode()))
    assert a.modified == "2026-11-03T10:05:00+02:00"
    ld = CORRECTED.decode().replace("<meta property='article:modified_time' content='2026-11-03T10:05:00+02:00'>",
                                    '<script type="application/ld+json">{"@type": "NewsArticle", '
                                    '"dateModified": "2026-11-03T08:05:00Z"}</script>')
    assert extract_item(RawItem(source="b.html", kind="html", content=ld)).modified == "2026-11-03T08:05:00+00:00"
    assert extract_item(RawItem(source="c.html", kind="html", content=odesa_page(12, 28, None).decode())).modified is None


def test_an_older_modified_time_read_later_goes_among_the_earlier_revisions(store):
    current = replace(AFTER, modified="2024-03-11T12:05:00+02:00")  # 10:05 UTC
    assert store.add_article(current, "s1")
    stale = replace(BEFORE, modified="2024-03-11T08:50:00+02:00")  # 06:50 UTC
    assert store.revise_article("q1", stale) == 1
    assert store.get_article("q1").text == AFTER.text
    # dated by its page's modified time, not when it was read (after the current text)
    assert store.revisions("q1")[0].seen_at == "2024-03-11T08:50:00+02:00"
    # 07:00 UTC sorts before "08:50+02:00" as a string and after it as a time: ordered as times
    seven = replace(BEFORE, source="harbor-7.jsonl#L1", text=BEFORE.text.replace("14 people", "15 people"),
                    modified="2024-03-11T07:00:00+00:00")
    assert store.revise_article("q1", seven) == 2
    assert [r.article.text for r in store.revisions("q1")] == [BEFORE.text, seven.text, AFTER.text]
    # a page modified after the current text is the newest revision
    newest = replace(AFTER, source="harbor-11.jsonl#L1", text=AFTER.text.replace("17 people", "18 people"),
                     modified="2024-03-11T11:00:00Z")
    assert store.revise_article("q1", newest) == 4
    assert store.get_article("q1").text == newest.text and store.revision_numbers(["q1"]) == {"q1": 4}


@pytest.mark.parametrize("runs", [["new", "old"], ["new old"]])
def test_a_stale_saved_copy_read_after_the_correction_does_not_replace_it(db_url, tmp_path, runs):
    for folder, body in (("new", CORRECTED), ("old", STALE)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "odesa.html").write_bytes(body)
    for run in runs:
        out = runner.invoke(app, ["ingest", *(str(tmp_path / f) for f in run.split()), "--db", db_url, "--workers", "0"])
        assert out.exit_code == 0, out.stderr
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db_url, "--json"]).stdout.splitlines()]
    shown = json.loads(runner.invoke(app, ["show", story["id"], "--db", db_url, "--json"]).stdout)
    (article,) = shown["articles"]
    assert "injured 15" in article["text"] and "29 of the 35" in article["text"]
    text = " ".join(runner.invoke(app, ["show", story["id"], "--db", db_url]).stdout.split())
    assert "figure 12 → 15" in text and "figure 15 → 12" not in text



def test_export_rows_read_out_of_order_are_ordered_by_their_modified_field(tmp_path):
    db = str(tmp_path / "x.db")
    new = _export(tmp_path / "new.jsonl", [{**row(AFTER), "modified": "2024-03-11T12:05:00+02:00"}])
    old = _export(tmp_path / "old.jsonl", [{**row(BEFORE), "updated": "2024-03-11T08:50:00+02:00"}])
    for path in (new, old):
        assert runner.invoke(app, ["ingest", path, "--db", db, "--workers", "0"]).exit_code == 0
    from storydiff.store import open_store

    with open_store(db) as s:
        assert s.get_article("q1").text == AFTER.text
        assert [r.article.text for r in s.revisions("q1")] == [BEFORE.text, AFTER.text]
    # a bare day is no time to order by: read later, the older row is the latest, as before
    db2 = str(tmp_path / "y.db")
    day_new = _export(tmp_path / "day-new.jsonl", [{**row(AFTER), "modified": "2024-03-12"}])
    day_old = _export(tmp_path / "day-old.jsonl", [{**row(BEFORE), "modified": "2024-03-11"}])
    for path in (day_new, day_old):
        assert runner.invoke(app, ["ingest", path, "--db", db2, "--workers", "0"]).exit_code == 0
    with open_store(db2) as s:
        assert s.get_article("q1").text == BEFORE.text

# -- compare: two saved versions of one page (QA round 15) ------------------------------------

@pytest.mark.parametrize("names", [("a-corrected.html", "b-stale.html"), ("b-corrected.html", "a-stale.html")])
def test_compare_of_two_saved_versions_of_one_page_compares_the_newer_and_shows_the_edit(tmp_path, names):
    (tmp_path / names[0]).write_bytes(CORRECTED)
    (tmp_path / names[1]).write_bytes(STALE)
    result = runner.invoke(app, ["compare", str(tmp_path), "--workers", "0", "--json"])
    d = json.loads(result.stdout)
    (article,) = d["articles"]
    assert article["source"].endswith(names[0]) and "injured 15" in article["text"]
    (diffs,) = d["edits"].values()
    assert [(f["before"], f["after"]) for f in diffs[0]["figures_changed"]][:1] == [("12", "15")]
    said = " ".join(result.stderr.split())
    assert names[0] in said and names[1] in said and "versions of one article" in said
    text = " ".join(runner.invoke(app, ["compare", str(tmp_path), "--workers", "0"]).stdout.split())
    assert "Edited after publication" in text and "figure 12 → 15" in text


def test_compare_of_two_versions_without_a_modified_time_takes_the_later_file_as_the_newer(tmp_path):
    first, second = tmp_path / "x1.html", tmp_path / "x2.html"
    first.write_bytes(odesa_page(15, 29, None))
    second.write_bytes(odesa_page(12, 28, None))
    d = json.loads(runner.invoke(app, ["compare", str(first), str(second), "--workers", "0", "--json"]).stdout)
    (article,) = d["articles"]
    assert "injured 12" in article["text"]
    (diffs,) = d["edits"].values()
    assert ("15", "12") in [(f["before"], f["after"]) for f in diffs[0]["figures_changed"]]


# -- a changed URL slug (QA round 15) ------------------------------------------------------------

UPDATED_NOTE = "<p>This story has been updated with a higher casualty toll.</p>"


def test_a_changed_slug_with_the_same_outlet_time_and_text_is_a_revision(db_url, tmp_path):
    (tmp_path / "one.html").write_bytes(odesa_page(12, 28, None, slug="drone-strike-injures-12"))
    (tmp_path / "two.html").write_bytes(odesa_page(15, 28, None, slug="drone-strike-injures-15", extra=UPDATED_NOTE))
    for name in ("one.html", "two.html"):
        assert runner.invoke(app, ["ingest", str(tmp_path / name), "--db", db_url, "--workers", "0"]).exit_code == 0
    from storydiff.store import open_store

    with open_store(db_url) as s:
        (row,) = s.articles()
        revs = s.revisions(row.id)
        assert [("injured 15" in r.article.text) for r in revs] == [False, True]
        assert s.article_by_url("https://harborwire.example/news/drone-strike-injures-15").id == row.id
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db_url, "--json"]).stdout.splitlines()]
    text = " ".join(runner.invoke(app, ["show", story["id"], "--db", db_url]).stdout.split())
    assert "figure 12 → 15" in text and "#2" not in text


def test_compare_of_a_page_before_and_after_its_slug_changed_shows_one_article_edited(tmp_path):
    (tmp_path / "one.html").write_bytes(odesa_page(12, 28, None, slug="drone-strike-injures-12"))
    (tmp_path / "two.html").write_bytes(odesa_page(15, 28, None, slug="drone-strike-injures-15", extra=UPDATED_NOTE))
    (tmp_path / "other.html").write_bytes(odesa_page(15, 28, None, slug="drone-strike-15", outlet="Veyra Post"))
    d = json.loads(runner.invoke(app, ["compare", str(tmp_path), "--workers", "0", "--json"]).stdout)
    mine = [a for a in d["articles"] if a["outlet"] == "Harbor Wire"]
    assert len(d["articles"]) == 2 and len(mine) == 1 and "injured 15" in mine[0]["text"]
    assert list(d["edits"]) == [mine[0]["id"]] and len(d["versions"][mine[0]["id"]]) == 2


def test_two_articles_of_one_outlet_at_one_time_under_two_slugs_stay_two(db_url, tmp_path):
    ferry = (b"<html><head><title>Ferry runs aground off Cape Lorn</title><meta property='og:site_name' "
             b"content='Harbor Wire'><link rel='canonical' href='https://harborwire.example/news/ferry-aground'>"
             b"<meta property='article:published_time' content='2026-11-03T06:10:00Z'></head><body><article>"
             b"<h1>Ferry runs aground off Cape Lorn</h1><p>A ferry carrying 212 passengers ran aground off Cape Lorn "
             b"on Tuesday night; all were brought ashore by lifeboats, the coastguard said.</p><p>\"The captain did "
             b"everything right,\" coastguard commander Ilse Marek said at a briefing.</p></article></body></html>")
    (tmp_path / "odesa.html").write_bytes(odesa_page(12, 28, None, slug="drone-strike"))
    (tmp_path / "ferry.html").write_bytes(ferry)
    # and the same text under another outlet's name, or at another time, is no revision either
    (tmp_path / "reprint.html").write_bytes(odesa_page(15, 28, None, slug="drone-strike-15", outlet="Veyra Post"))
    (tmp_path / "later.html").write_bytes(odesa_page(15, 28, None, slug="drone-strike-later",
                                                     published="2026-11-03T09:40:00Z"))
    out = runner.invoke(app, ["ingest", str(tmp_path), "--db", db_url, "--workers", "0"])
    assert "stored 4 new article(s)" in " ".join(out.stderr.split()) and "revision" not in out.stderr


def result_page(slug, home, away, score, scorer):
    # an outlet's automated results: one template, published in one batch at 18:00
    url = f"https://harborwire.example/sport/{slug}"
    body = (f"<p>{home} beat {away} {score} in the Ukrainian Premier League on Saturday. The match was played "
            "in front of a crowd at the home stadium and was broadcast live on national television. The win moves "
            "the home side up in the league table ahead of the winter break, the league said in a statement after "
            f"the final whistle.</p><p>{scorer} scored the decisive goal in the second half. The league said the "
            "next round of fixtures would be played next weekend, with kick-off times to be confirmed by the "
            "broadcaster later this week.</p>")
    return (f"<html><head><title>{home} beat {away} {score}</title><meta property='og:site_name' content='Harbor Wire'>"
            f"<link rel='canonical' href='{url}'><meta property='article:published_time' content='2026-11-07T18:00:00Z'>"
            f"</head><body><article><h1>{home} beat {away} {score}</h1>{body}</article></body></html>").encode()


def test_two_templated_results_published_in_one_batch_stay_two_articles(db_url, tmp_path):
    # review of round 15: they share 0.9 of their word 3-grams, as an update does; their headlines do not
    (tmp_path / "a.html").write_bytes(result_page("dynamo-zorya", "Dynamo Kyiv", "Zorya", "2-1", "Vitaliy Buyalskyi"))
    (tmp_path / "b.html").write_bytes(result_page("shakhtar-kolos", "Shakhtar", "Kolos", "3-0", "Heorhiy Sudakov"))
    for name in ("a.html", "b.html"):
        assert runner.invoke(app, ["ingest", str(tmp_path / name), "--db", db_url, "--workers", "0"]).exit_code == 0
    from storydiff.store import open_store

    with open_store(db_url) as s:
        assert len(s.articles()) == 2, [len(s.revisions(a.id)) for a in s.articles()]


def test_compare_keeps_two_templated_results(tmp_path):
    (tmp_path / "a.html").write_bytes(result_page("dynamo-zorya", "Dynamo Kyiv", "Zorya", "2-1", "Vitaliy Buyalskyi"))
    (tmp_path / "b.html").write_bytes(result_page("shakhtar-kolos", "Shakhtar", "Kolos", "3-0", "Heorhiy Sudakov"))
    d = json.loads(runner.invoke(app, ["compare", str(tmp_path), "--workers", "0", "--json"]).stdout)
    assert len(d["articles"]) == 2, d["versions"]


def test_two_numbered_articles_of_one_outlet_and_time_stay_two():
    # the full suite's hostile-feed test: /news/1 and /news/2, one title but its number, one text
    # but a line, one time: two ids are two articles, never one moved (the review's rule)
    from storydiff.compare.revisions import is_moved

    text = "Report {}: " + "the harbour authority said the new breakwater was finished on Tuesday. " * 6
    a, b = (Article(id=f"n{n}", source=f"s{n}", url=f"http://gazette.test/news/{n}", outlet="Gazette",
                    title=f"Breakwater report {n}", published="2024-03-11T10:00:00Z", text=text.replace("{}", str(n)))
            for n in (1, 2))
    assert not is_moved(a, b)
    moved = replace(b, url="http://gazette.test/news/breakwater-report-2", id="n1")
    assert is_moved(replace(a, url="http://gazette.test/news/breakwater-report-1"), moved)


# -- one article at two addresses of its outlet (QA pass 18) -------------------------------------

def amp_page(injured: str, *, amp: bool, published: bool = True, note: str = "") -> str:
    """A regional outlet's page about a crash, at its address or its AMP copy's; corrected later."""
    url = f"https://kresy.example/{'amp/' if amp else ''}region/crash.html"
    when = "<meta property='article:published_time' content='2026-12-03T07:50:00+01:00'>" if published else ""
    return (f"<html lang='pl'><head><title>Dron spadł pod Zamościem</title><meta property='og:site_name' "
            f"content='Kurier Kresowy'>{when}<link rel='canonical' href='{url}'></head><body><article>"
            "<h1>Dron spadł pod Zamościem</h1><p>Rosyjski dron spadł w nocy we wsi Wólka w gminie Zamość. "
            f"Według straży pożarnej {injured}, a zniszczeniu uległy dwa budynki gospodarcze.</p><p>Mieszkańcy "
            "mówią, że około godziny 2:30 usłyszeli głośny wybuch i że szyby wyleciały z okien.</p><p>Na miejscu "
            f"pracuje 30 strażaków oraz saperzy z Chełma.</p>{note}</article></body></html>")


TWO_HURT, ONE_HURT = "dwie osoby zostały ranne", "jedna osoba została lekko ranna"
FIX_NOTE = "<p>Korekta: we wcześniejszej wersji podaliśmy, że ranne zostały dwie osoby.</p>"


@pytest.mark.parametrize("published", [True, False], ids=["dated", "undated"])
def test_a_correction_read_at_the_articles_second_address_is_not_lost(db_url, tmp_path, published):
    # the original and the corrected page, each read at /region/... and its AMP copy /amp/region/...:
    # the AMP copy of the original was stored as a second article, the correction read there was
    # "already stored" (the first copy's text), and the story showed the outlet disagreeing with
    # itself, "jedna osoba (Kurier Kresowy) vs dwie osoby (Kurier Kresowy #2)"
    runs = {}
    for name, hurt, amp, note in (("v1a", TWO_HURT, False, ""), ("v2a", ONE_HURT, False, FIX_NOTE),
                                  ("v1b", TWO_HURT, True, ""), ("v2b", ONE_HURT, True, FIX_NOTE)):
        page = amp_page(hurt, amp=amp, published=published, note=note)
        path = _export(tmp_path / f"{name}.jsonl", [{"html": page, "url": re.search(r"href='([^']+)'", page)[1]}])
        runs[name] = path
    said = {}
    for name, path in [*runs.items(), *runs.items()]:  # and each again: re-running adds nothing
        out = runner.invoke(app, ["ingest", path, "--db", db_url, "--workers", "0"])
        assert out.exit_code == 0, out.stderr
        said.setdefault(name, []).append(" ".join(out.stderr.split()))
    assert "1 new revision" in said["v2a"][0]
    assert all("stored 0 new" in s for name in ("v1b", "v2b") for s in said[name]), said
    from storydiff.store import open_store

    with open_store(db_url) as s:
        (article,) = s.articles()
        assert ONE_HURT in article.text and [TWO_HURT in r.article.text for r in s.revisions(article.id)] == [True, False]
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db_url, "--json"]).stdout.splitlines()]
    text = " ".join(runner.invoke(app, ["show", story["id"], "--db", db_url]).stdout.split())
    assert "numbers differ" not in text and "#2" not in text


def test_a_correction_uploaded_for_the_articles_second_address_is_not_lost(tmp_path):
    client = TestClient(create_app(str(tmp_path / "r.db"), token="t"))
    auth = {"Authorization": "Bearer t"}
    got = []
    for hurt, amp, note in ((TWO_HURT, False, ""), (ONE_HURT, False, FIX_NOTE), (TWO_HURT, True, ""),
                            (ONE_HURT, True, FIX_NOTE)):
        page = amp_page(hurt, amp=amp, note=note)
        url = re.search(r"href='([^']+)'", page)[1]
        got.append(client.post("/api/articles", json={"html": page, "url": url}, headers=auth).json()["items"][0])
    assert [g["status"] for g in got] == ["stored", "stored", "skipped", "skipped"], got
    assert got[1]["article_id"] == got[0]["article_id"]  # the correction: a revision of the first
    revisions = client.get(f"/api/articles/{got[0]['article_id']}/revisions").json()["revisions"]
    assert [r["number"] for r in revisions] == [1, 2]
    (story,) = client.get("/api/stories").json()
    assert story["n_articles"] == 1, story


# -- an outlet's feed read after its saved page (QA pass 18) --------------------------------------

def _atom(title: str, entries: list[tuple[str, str, str]]) -> str:
    body = "".join(f"<entry><title>{t}</title><link href='{u}'/><id>urn:x:{i}</id>"
                   f"<updated>2026-11-03T09:15:00+01:00</updated><summary>{s}</summary></entry>"
                   for i, (t, u, s) in enumerate(entries))
    return (f"<?xml version='1.0' encoding='utf-8'?><feed xmlns='http://www.w3.org/2005/Atom'><title>{title}</title>"
            f"<id>urn:x</id><updated>2026-11-03T09:15:00+01:00</updated>{body}</feed>")


def test_a_feed_summary_never_replaces_the_stored_page_of_its_url(db_url, tmp_path):
    # the feed's entry for the page saved before carries a three-word teaser: it became revision 2,
    # "Drone strike injures", with the feed's title "Harbor Wire - Ausland" as the outlet
    (tmp_path / "page.html").write_bytes(CORRECTED)
    url = "https://harborwire.example/news/odesa"
    (tmp_path / "atom.xml").write_text(_atom("Harbor Wire - Ausland", [("Drone strike on Odesa port", url,
                                                                          "Drone strike injures")]))
    for name in ("page.html", "atom.xml", "atom.xml"):
        out = runner.invoke(app, ["ingest", str(tmp_path / name), "--db", db_url, "--workers", "0"])
        assert out.exit_code == 0 and "revision" not in out.stderr, out.stderr
    said = " ".join(out.stderr.split())
    assert "kept the stored text" in said and url in said
    from storydiff.store import open_store

    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "injured 15" in article.text and article.outlet == "Harbor Wire" and len(s.revisions(article.id)) == 1


def test_a_feed_summary_is_stored_as_one_and_its_page_read_later_replaces_it(db_url, tmp_path):
    url = "https://harborwire.example/news/odesa"
    (tmp_path / "atom.xml").write_text(_atom("Harbor Wire", [("Drone strike on Odesa port injures 15", url,
                                                                "A drone strike on Odesa port injured 15.")]))
    (tmp_path / "page.html").write_bytes(CORRECTED)
    for name in ("atom.xml", "page.html"):
        assert runner.invoke(app, ["ingest", str(tmp_path / name), "--db", db_url, "--workers", "0"]).exit_code == 0
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db_url, "--json"]).stdout.splitlines()]
    text = " ".join(runner.invoke(app, ["show", story["id"], "--db", db_url]).stdout.split())
    assert "the page replaced the feed summary" in text and "(feed summary only)" not in text
    # no edit by the outlet: not listed under "Edited after publication" (QA pass 26a, 14)
    assert "Revisions (no edit by the outlet)" in text and "Edited after publication" not in text
    html = tmp_path / "report.html"
    assert runner.invoke(app, ["show", story["id"], "--db", db_url, "--html", str(html)]).exit_code == 0
    page = html.read_text(encoding="utf-8")
    assert "Revisions (no edit by the outlet)" in page and "Edited after publication" not in page


def test_a_feeds_full_text_description_may_revise_the_page_but_keeps_its_outlet(db_url, tmp_path):
    # a feed that carries the whole corrected text in its description is an edit, not a teaser;
    # the outlet stays the page's own name, not the feed's title
    (tmp_path / "page.html").write_bytes(STALE)
    url = "https://harborwire.example/news/odesa"
    corrected = re.sub(r"<[^>]+>", " ", CORRECTED.decode().split("<article>")[1].split("</article>")[0])
    (tmp_path / "atom.xml").write_text(_atom("HW Syndication Desk", [("Drone strike on Odesa port", url, corrected)]))
    for name in ("page.html", "atom.xml"):
        out = runner.invoke(app, ["ingest", str(tmp_path / name), "--db", db_url, "--workers", "0"])
        assert out.exit_code == 0, out.stderr
    assert "1 new revision" in " ".join(out.stderr.split())
    from storydiff.store import open_store

    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "injured 15" in article.text and article.outlet == "Harbor Wire"


_SHORT_PAGE = ("<!doctype html><html lang='pl'><head><meta charset='utf-8'><title>Drony nad Lubelszczyzną</title>"
               "<meta property='og:site_name' content='PAP'><meta property='og:url' content='https://pap.example/kraj/drony'>"
               "<meta property='article:published_time' content='2026-12-03T07:50:00+01:00'></head><body><article>"
               "<h1>Drony nad Lubelszczyzną</h1>"
               "<p>Siedem rosyjskich dronów naruszyło w nocy polską przestrzeń powietrzną nad Lubelszczyzną, "
               "poinformowało Dowództwo Operacyjne.</p>"
               "<p>Jeden z nich spadł w Moniatyczach koło Hrubieszowa; ranna została jedna osoba, a na miejscu "
               "pracowało 40 strażaków.</p></article></body></html>")


def _short_page_then_feed(db_url, tmp_path, summary: str, page: str = _SHORT_PAGE):
    (tmp_path / "page.html").write_text(page)
    (tmp_path / "atom.xml").write_text(_atom("PAP - Kraj", [("Drony nad Lubelszczyzną", "https://pap.example/kraj/drony",
                                                             summary)]))
    outs = [runner.invoke(app, ["ingest", str(tmp_path / name), "--db", db_url, "--workers", "0"])
            for name in ("page.html", "atom.xml")]
    assert all(o.exit_code == 0 for o in outs), [o.stderr for o in outs]
    from storydiff.store import open_store

    with open_store(db_url) as s:
        (article,) = s.articles()
        return " ".join(outs[1].stderr.split()), article, s.revisions(article.id)


@pytest.mark.parametrize("summary", [
    # the page's first paragraph: 52% of a two-paragraph page, over the old length share (review 18 #5)
    "Siedem rosyjskich dronów naruszyło w nocy polską przestrzeń powietrzną nad Lubelszczyzną, "
    "poinformowało Dowództwo Operacyjne.",
    # the same lead with other spacing and punctuation, cut short by the feed with an ellipsis
    "Siedem rosyjskich dronów naruszyło w nocy polską przestrzeń powietrzną nad Lubelszczyzną - "
    "poinformowało  Dowództwo Operacyjne. Jeden z nich spadł w Moniatyczach koło Hrub…",
])
def test_a_feed_summary_made_of_the_pages_own_sentences_is_a_teaser(db_url, tmp_path, summary):
    # 40% and (cut short) 63% of the page's word 3-grams: a lead, not the article
    said, article, revisions = _short_page_then_feed(db_url, tmp_path, summary)
    assert "revision" not in said and "kept the stored text" in said and "teaser" in said, said
    assert "40 strażaków" in article.text and article.outlet == "PAP" and len(revisions) == 1


_PARAGRAPHS = ["Siedem rosyjskich dronów naruszyło w nocy polską przestrzeń powietrzną nad Lubelszczyzną, "
               "poinformowało Dowództwo Operacyjne.",
               "Jeden z nich spadł w Moniatyczach koło Hrubieszowa, a na miejscu pracowało 40 strażaków.",
               "Wojewoda lubelski zwołał w południe posiedzenie sztabu kryzysowego w Lublinie.",
               "Mieszkańcy gminy zostali poproszeni o zgłaszanie znalezionych szczątków policji.",
               "Szkoły w powiecie hrubieszowskim pracowały w poniedziałek normalnie, podało kuratorium.",
               "Prokuratura wszczęła śledztwo w sprawie naruszenia przestrzeni powietrznej."]
_RETRACTED = "Według nieoficjalnych informacji ranny został strażak ochotnik z Moniatycz."


def test_a_feeds_full_text_of_a_correction_that_removes_a_paragraph_revises_the_page(db_url, tmp_path):
    # review 18b: the feed's description is the corrected article, the page's text less its one
    # retracted paragraph (~90% of it): every sentence is the page's, yet it is no teaser
    page = _SHORT_PAGE.split("<h1>")[0] + "<h1>Drony nad Lubelszczyzną</h1>" + "".join(
        f"<p>{p}</p>" for p in _PARAGRAPHS[:2] + [_RETRACTED] + _PARAGRAPHS[2:]) + "</article></body></html>"
    said, article, revisions = _short_page_then_feed(db_url, tmp_path, " ".join(_PARAGRAPHS), page=page)
    assert "1 new revision" in said and "teaser" not in said, said
    assert "strażak ochotnik" not in article.text and "40 strażaków" in article.text and article.outlet == "PAP"
    assert len(revisions) == 2 and "strażak ochotnik" in revisions[0].article.text


def test_a_feed_summary_with_a_sentence_the_page_lacks_keeps_the_page_and_says_so(db_url, tmp_path):
    # the lead plus a sentence the page does not have (an update, or the feed's own blurb): most of
    # the page is not in it, so it is no full text of an edit; the page stays and the warning says why
    said, article, revisions = _short_page_then_feed(
        db_url, tmp_path, "Siedem rosyjskich dronów naruszyło w nocy polską przestrzeń powietrzną nad Lubelszczyzną, "
                          "poinformowało Dowództwo Operacyjne. Wojsko poderwało myśliwce.")
    assert "revision" not in said and "kept the stored text" in said and "1 sentence" in said, said
    assert "40 strażaków" in article.text and "myśliwce" not in article.text and len(revisions) == 1


def test_a_revision_without_a_time_says_so_in_words_not_a_question_mark():
    from storydiff.records import Story
    from storydiff.serve.terminal import render_edits
    from storydiff.serve.view import StoryView

    d = diff_revisions(BEFORE, AFTER, number=2)  # no modified or capture time known for either
    view = StoryView(story=Story(id="s1", article_ids=[AFTER.id]), articles=[AFTER],
                     label={AFTER.id: "Outlet"}, edits={AFTER.id: [d]})
    text = " ".join(render_edits(view).plain.split())
    assert "revision 2 (no time recorded): headline changed" in text and "seen ?" not in text
    timed = replace(d, seen_at="2024-03-11T08:40:00+00:00")
    view.edits = {AFTER.id: [timed]}
    assert "revision 2 (seen 2024-03-11 08:40 UTC)" in " ".join(render_edits(view).plain.split())
