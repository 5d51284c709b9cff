"""Versions of one article read out of order (QA pass 18): an export re-sent after its corrections,
an archive's capture of a page's earlier text. The newest version stays current; an older one
read later is an earlier revision (or already known), never the current text nor a second article."""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.records import Article
from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url, store = test_store.db_url, test_store.store  # the store fixtures: SQLite, and PostgreSQL when set

runner = CliRunner()

ORIGINAL = {
    "id": "k7", "url": "https://quaytimes.test/ferry-fire", "outlet": "Quay Times",
    "title": "Ferry fire in Dorvik harbour", "published": "2025-06-01T19:00:00Z",
    "text": "A fire broke out on a ferry in Dorvik harbour on Sunday evening, injuring two people, the coast guard said.\n"
            "Harbour master Ilse Brand said the ferry had been inspected in April.",
}
NOON = {**ORIGINAL, "updated": "2025-06-02T12:00:00Z",
        "text": ORIGINAL["text"].replace("injuring two people", "injuring five people")}
EVENING = {**NOON, "updated": "2025-06-02T18:00:00Z",
           "text": NOON["text"] + "\nOne crew member is missing, rescuers said."}


def _write(path: Path, rows: list[dict]) -> str:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return str(path)


def _ingest(db: str, path: str) -> str:
    out = runner.invoke(app, ["ingest", path, "--db", db, "--workers", "0"])
    assert out.exit_code == 0, out.stderr
    return " ".join(out.stderr.split())


@pytest.mark.parametrize("one_file", [False, True])
def test_an_original_row_re_sent_after_its_corrections_never_becomes_the_current_text(db_url, tmp_path, one_file):
    """The 18:00 correction, then the 12:00 one, then the original row (no ``updated``): the
    original became revision 3, the current text (QA 18 #17), in three runs and in one file."""
    rows = [EVENING, NOON, ORIGINAL]
    if one_file:
        _ingest(db_url, _write(tmp_path / "reverse.jsonl", rows))
    else:
        for n, r in enumerate(rows):
            _ingest(db_url, _write(tmp_path / f"export-{n}.jsonl", [r]))
    with open_store(db_url) as s:
        current = s.get_article("k7")
        assert current.text == EVENING["text"]
        assert [r.article.text for r in s.revisions("k7")] == [ORIGINAL["text"], NOON["text"], EVENING["text"]]
        assert [r.number for r in s.revisions("k7")] == [1, 2, 3]
        assert len(s.articles()) == 1
    # the original read once more: already known, nothing changes
    said = _ingest(db_url, _write(tmp_path / "again.jsonl", [ORIGINAL]))
    assert "stored 0 new article(s); 1 already stored" in said
    with open_store(db_url) as s:
        assert s.get_article("k7").text == EVENING["text"] and s.revision_numbers(["k7"]) == {"k7": 3}


def test_a_row_without_updated_is_no_newer_than_its_published_time(store):
    """Store level: a version with no modified time is dated by its publication time against a
    version that gives one; a version published after the other's edit is still the newer."""
    base = Article(id="k7", source="x.jsonl#L1", url=ORIGINAL["url"], outlet=ORIGINAL["outlet"],
                   title=ORIGINAL["title"], published=ORIGINAL["published"], text=ORIGINAL["text"])
    evening = replace(base, source="x.jsonl#L3", text=EVENING["text"], modified=EVENING["updated"])
    assert store.add_article(evening, "s1")
    assert store.revise_article("k7", base) == 1  # older: below the current text
    assert store.get_article("k7").text == EVENING["text"]
    # a re-publication dated after the 18:00 edit (no modified time of its own) is the newest
    later = replace(base, source="y.jsonl#L1", text=EVENING["text"] + "\nThe ferry was towed away.",
                    published="2025-06-03T08:00:00Z")
    assert store.revise_article("k7", later) == 3
    assert store.get_article("k7").text == later.text


def _capture(path: Path, text: str, date: str) -> str:
    """A WARC holding one capture of the article's page with ``text``, taken at ``date``."""
    from io import BytesIO

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    paras = "".join(f"<p>{line}</p>" for line in text.split("\n"))
    page = (f"<html><head><title>{ORIGINAL['title']} | Quay Times</title>"
            f"<meta property='og:site_name' content='Quay Times'>"
            f"<meta property='article:published_time' content='{ORIGINAL['published']}'></head><body>"
            f"<nav>Home | Region</nav><article><h1>{ORIGINAL['title']}</h1>{paras}</article></body></html>")
    with open(path, "wb") as fh:
        w = WARCWriter(fh, gzip=True)
        h = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        w.write_record(w.create_warc_record(ORIGINAL["url"], "response", payload=BytesIO(page.encode()),
                                            http_headers=h, warc_headers_dict={"WARC-Date": date}))
    return str(path)


def test_a_capture_of_an_earlier_text_of_a_stored_url_is_that_article_not_a_second_one(db_url, tmp_path):
    """The original row, its 12:00 correction, then a crawl's capture of the URL holding the
    original text: stored as a second article of the outlet (url_key NULL) in the same story,
    "numbers differ: two people (Quay Times) vs five people (Quay Times #2)" (QA 18 #06)."""
    for n, r in enumerate([ORIGINAL, NOON]):
        _ingest(db_url, _write(tmp_path / f"export-{n}.jsonl", [r]))
    said = _ingest(db_url, _capture(tmp_path / "crawl.warc.gz", ORIGINAL["text"], "2025-06-01T20:00:00Z"))
    assert "stored 0 new article(s); 1 already stored" in said
    # a capture of a text never stored, taken before the correction: an earlier revision
    earlier = ORIGINAL["text"].replace("injuring two people", "injuring one person")
    said = _ingest(db_url, _capture(tmp_path / "early.warc.gz", earlier, "2025-06-01T19:30:00Z"))
    assert "stored 0 new article(s); 1 new revision(s)" in said
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert article.id == "k7" and article.text == NOON["text"]
        assert [r.article.text for r in s.revisions("k7")][-1] == NOON["text"]
        assert earlier in [r.article.text for r in s.revisions("k7")]
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db_url, "--json"]).stdout.splitlines()]
    shown = " ".join(runner.invoke(app, ["show", story["id"], "--db", db_url]).stdout.split())
    assert "numbers differ" not in shown and "Quay Times #2" not in shown


def test_compare_counts_a_url_read_from_an_export_and_a_crawl_once(tmp_path):
    """compare of an export row and a crawl's capture of its page (another id, one URL) showed
    "Quay Times #2 copies Quay Times's text", each figure twice (QA 18 #10); ingest stores one."""
    other = {"id": "m1", "url": "https://harbourpost.test/dorvik", "outlet": "Harbour Post",
             "title": "Two hurt in Dorvik ferry fire", "published": "2025-06-01T20:10:00Z",
             "text": "Two people were injured when a ferry caught fire in Dorvik harbour on Sunday evening, "
                     "the coast guard said.\nThe ferry had been inspected in April, the harbour master said."}
    rows = _write(tmp_path / "rows.jsonl", [ORIGINAL, other])
    same = _capture(tmp_path / "same.warc.gz", ORIGINAL["text"], "2025-06-01T19:30:00Z")
    d = json.loads(runner.invoke(app, ["compare", rows, same, "--workers", "0", "--json"]).stdout)
    assert sorted(a["id"] for a in d["articles"]) == ["k7", "m1"]
    (story,) = d["stories"]
    assert sorted(story["article_ids"]) == ["k7", "m1"]
    # the capture taken after a correction: one article, its newest version compared, the edit shown
    edited = _capture(tmp_path / "edited.warc.gz", NOON["text"], "2025-06-02T13:00:00Z")
    result = runner.invoke(app, ["compare", rows, edited, "--workers", "0", "--json"])
    d = json.loads(result.stdout)
    texts = {a["outlet"]: a["text"] for a in d["articles"]}
    assert len(d["articles"]) == 2 and texts["Quay Times"] == NOON["text"]
    (versions,) = d["versions"].values()
    assert versions[0] == f"{rows}#L1 (id k7)" and versions[1].startswith(edited)
    assert "versions of one article" in " ".join(result.stderr.split())
    # two rows of their own at one landing page stay two articles (a live blog's posts)
    post = {**other, "id": "m2", "title": "Ferry towed out of Dorvik",
            "text": "Tugs towed the burnt ferry out of Dorvik harbour on Monday morning, the port authority said."}
    blog = _write(tmp_path / "blog.jsonl", [other, post])
    d = json.loads(runner.invoke(app, ["compare", blog, "--workers", "0", "--json"]).stdout)
    assert sorted(a["id"] for a in d["articles"]) == ["m1", "m2"]


LIVE_URL = "https://quaytimes.test/live/dorvik-storm"
LIVE_POSTS = [
    "Storm warnings were raised for Dorvik harbour at 06:10, the coast guard said. Ferries stay in port until noon.",
    "Two fishing boats broke loose from their moorings in the north basin, harbour master Ilse Brand said.",
    "The Dorvik bridge was closed to lorries after gusts of 110 km/h were measured on its span, police said.",
]


def _url_versions_then_newest(articles: list[Article]) -> list[Article]:
    from storydiff.versions.batch import dedupe_ids, newest_versions, url_versions

    versions: dict[str, list[Article]] = {}
    kept = [a for _, a in dedupe_ids(enumerate(articles), versions)]
    kept = url_versions(kept, versions)
    return newest_versions(kept, versions)[0]


def test_a_live_blogs_page_and_its_posts_at_one_url_stay_apart():
    """Each post of a live blog is most of its own text found in the page, but the page holds much
    more than any post: no post is an edit of the page (review 18b: 3 of 4 articles dropped)."""
    page = Article(id="page", source="crawl.warc", url=LIVE_URL, outlet="Quay Times", title="Live: Dorvik storm",
                   text="\n".join(LIVE_POSTS), captured="2025-06-01T12:00:00Z")
    posts = [Article(id=f"post{i}", source="export.jsonl", url=LIVE_URL, outlet="Quay Times", title=f"post {i}",
                     text=t, published=f"2025-06-01T0{6 + i}:30:00Z") for i, t in enumerate(LIVE_POSTS)]
    kept = _url_versions_then_newest([page, *posts])
    assert sorted(a.id for a in kept) == ["page", "post0", "post1", "post2"]
    assert {a.id: a.text for a in kept}["page"] == page.text


@pytest.mark.parametrize("page_first", [True, False])
def test_ingest_keeps_a_live_blogs_page_and_its_posts_at_one_url_apart(db_url, tmp_path, page_first):
    """Each post is most of its own text found in the page, but the page holds much more than any
    post: ingest made the first post a "revision" of the page (its text replaced the page's), or
    the page one of the first post, where ``compare`` keeps four articles (review 18b's rule)."""
    page = {"id": "page", "url": LIVE_URL, "outlet": "Quay Times", "title": "Live: Dorvik storm",
            "published": "2025-06-01T06:00:00Z", "text": "\n".join(LIVE_POSTS)}
    posts = [{"id": f"post{i}", "url": LIVE_URL, "outlet": "Quay Times", "title": f"Dorvik storm update {i}",
              "published": f"2025-06-01T0{6 + i}:30:00Z", "text": t} for i, t in enumerate(LIVE_POSTS)]
    rows = [page, *posts] if page_first else [*posts, page]
    export = tmp_path / "blog.jsonl"
    export.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    said = _ingest(db_url, str(export))
    assert "stored 4 new article(s)" in said and "revision" not in said, said
    with open_store(db_url) as s:
        assert {a.id: a.text for a in s.articles()} == {r["id"]: r["text"] for r in rows}


def test_a_stored_article_edited_at_its_url_by_another_id_is_still_a_revision(db_url, tmp_path):
    """What the live blog's rule keeps: a crawl's capture of an exported row's page (another id,
    one URL) with most of both texts is that article edited."""
    row = {"id": "k7", "url": "https://quaytimes.test/ferry", "outlet": "Quay Times", "title": "Ferry aground",
           "published": "2025-06-01T06:00:00Z",
           "text": "A ferry ran aground off Dorvik on Sunday; all 212 passengers were brought ashore, the coast guard "
                   "said. Divers will inspect the hull on Monday, the operator said."}
    edited = {**row, "id": "crawl-1", "text": row["text"].replace("212", "214") + " Tugs are on the way."}
    (tmp_path / "a.jsonl").write_text(json.dumps(row) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps(edited) + "\n")
    _ingest(db_url, str(tmp_path / "a.jsonl"))
    assert "1 new revision" in _ingest(db_url, str(tmp_path / "b.jsonl"))


def test_a_capture_of_the_rewritten_page_meets_the_rewrite_not_the_first_version():
    """An export's id read twice (its first text, then a rewrite sharing nothing with it) and a
    crawl's capture of the rewritten page: the capture is that article, not a second one carrying
    the same text (review 18b)."""
    url = "https://quaytimes.test/ferry-strike"
    first = Article(id="k9", source="export.jsonl", url=url, outlet="Quay Times", published="2025-06-05T09:00:00Z",
                    text="Ferry crews in Dorvik walked out on Friday over pay, the union said. Ships queued outside the harbour.")
    rewrite = replace(first, modified="2025-06-06T08:00:00Z",
                      text="Dorvik's ferry strike ended late on Saturday after the operator agreed a 7% raise, union leader "
                           "Mara Quist told reporters. Crossings resumed overnight and the queue should clear by Tuesday.")
    capture = replace(rewrite, id="crawl-1", source="crawl.warc", modified=None, captured="2025-06-06T09:00:00Z",
                      text=rewrite.text + " Ticket refunds are handled at the terminal.")
    (kept,) = _url_versions_then_newest([first, rewrite, capture])
    assert kept.text == capture.text


def test_a_row_put_below_a_stored_modified_time_by_its_published_time_is_said(db_url, tmp_path):
    """Review 18b: a page stamped ``updated`` 09:01, then a correction with only ``published``
    09:00 read later: the order rule (QA pass 18) keeps it below the current text, but ingest
    names the item and why; a row dated by its own ``updated`` (older or newer) says nothing."""
    base = {**ORIGINAL, "published": "2026-12-06T09:00:00Z"}
    first = {**base, "updated": "2026-12-06T09:01:00Z"}
    _ingest(db_url, _write(tmp_path / "first.jsonl", [first]))
    corrected = {**base, "text": ORIGINAL["text"].replace("two people", "five people")}
    said = _ingest(db_url, _write(tmp_path / "second.jsonl", [corrected]))
    assert "second.jsonl#L1" in said and ORIGINAL["url"] in said, said
    assert ("read later but dated earlier (published 2026-12-06T09:00:00+00:00 < modified 2026-12-06T09:01:00+00:00): "
            "kept as an earlier revision") in said, said
    with open_store(db_url) as s:
        assert s.get_article("k7").text == ORIGINAL["text"]  # the rule stands: said, not reordered
        assert [r.article.text for r in s.revisions("k7")] == [corrected["text"], ORIGINAL["text"]]
    older = {**base, "updated": "2026-12-06T09:00:30Z", "text": ORIGINAL["text"] + "\nDeveloping."}
    newer = {**base, "updated": "2026-12-06T10:00:00Z", "text": corrected["text"] + "\nOne crew member is missing."}
    said = _ingest(db_url, _write(tmp_path / "third.jsonl", [older, newer]))
    assert "2 new revision(s)" in said and "dated earlier" not in said, said
    with open_store(db_url) as s:
        assert s.get_article("k7").text == newer["text"]


def test_texts_at_urls_no_other_text_shares_build_no_shingles(monkeypatch):
    """url_versions indexes a URL's texts only when a second text at that URL asks (most URLs
    hold one text: indexing each was work for nothing); a second text still meets the first."""
    from storydiff.compare import revisions

    built = []
    real = revisions.word_shingles
    monkeypatch.setattr(revisions, "word_shingles", lambda text, n=3: built.append(text) or real(text, n))
    alone = [Article(id=f"a{i}", source=f"p{i}.html", url=f"https://quaytimes.test/story-{i}", outlet="Quay Times",
                     text=f"Story {i}: the harbour in Dorvik reopened on day {i}, the port authority said.") for i in range(5)]
    assert [a.id for a in _url_versions_then_newest(alone)] == [a.id for a in alone]
    assert built == []
    again = replace(alone[2], id="crawl-2", source="crawl.warc", captured="2025-06-06T09:00:00Z",
                    text=alone[2].text + " Ferries resumed at noon.")
    kept = _url_versions_then_newest([*alone, again])
    assert len(kept) == 5 and built  # the capture is article a2's text, read against it


def _gas_page(share: str, modified: str) -> str:
    return ("<html><head><title>Gas deliveries to Moldova cut</title>"
            f'<meta property="article:published_time" content="2026-12-01T10:00:00+03:00">'
            f'<meta property="article:modified_time" content="{modified}"></head><body><article>'
            "<h1>Gas deliveries to Moldova cut</h1>"
            f"<p>Gas deliveries to Moldova fell by {share} in November, the energy ministry said on Monday.</p>"
            "<p>The ministry said reserves would last until February if the cold weather held.</p>"
            "</article></body></html>")


def _shares(store, url: str) -> list[str]:
    return [r.article.text.split("fell by ")[1][:3] for r in store.revisions(store.article_by_url(url).id)]


def test_a_live_page_serving_a_text_dated_before_the_current_one(store, caplog):
    """QA pass 26a, 06 and review 26: ``watch`` read 30% (11:00), 27% (18:30), then 25% dated 12:00.
    On first sight a page edited with its modified time set back and a CDN's stale copy of a
    version never read look alike: the 25% goes below the 27% (it is dated so), and ingest says so.
    When the page keeps serving it, the next round makes it the current text (an edit undone is
    a revision again from a live source), so the live page's text wins within a round; a CDN
    alternating stale and fresh copies adds no revision per round (review 26: 30, 25, 27, 25, 27, 25
    when the first sight made the dated-earlier text current)."""
    from storydiff.pipeline import ingest_stream
    from storydiff.records import RawItem

    url = "https://tass.test/ekonomika/gaz-moldova"

    def read(share: str, modified: str) -> None:
        ingest_stream(store, [RawItem(url, "html", _gas_page(share, modified), url=url)], current_sources=True)

    read("30%", "2026-12-01T11:00:00+03:00")
    read("27%", "2026-12-01T18:30:00+03:00")
    read("25%", "2026-12-01T12:00:00+03:00")
    assert _shares(store, url) == ["30%", "25%", "27%"]  # below, as dated
    said = [r.getMessage() for r in caplog.records if "modified earlier" in r.getMessage()]
    assert said and "kept as an earlier revision" in said[-1]
    caplog.clear()
    read("25%", "2026-12-01T12:00:00+03:00")  # the page still serves it: it is what the page says
    assert "fell by 25%" in store.article_by_url(url).text
    assert not [r for r in caplog.records if "kept as an earlier revision" in r.getMessage()]
    for _ in range(3):  # then a CDN alternating the two: no revision per round
        read("27%", "2026-12-01T18:30:00+03:00")
        read("25%", "2026-12-01T12:00:00+03:00")
    assert len(_shares(store, url)) <= 6
