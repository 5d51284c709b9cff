"""Crawl captures that are not the page whole (QA pass 25b): a record the crawler marked
WARC-Truncated, a body cut inside a tag, and a WARC gzipped as one stream."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from typer.testing import CliRunner

from storydiff.ingest import read_inputs
from storydiff.ingest.formats import one_line
from storydiff.records import Failure, RawItem
from storydiff.serve.cli import app

URL = "https://rigawire.example/news/expulsions"
PAGE = (b"<!doctype html><html><head><title>Riga expels three correspondents</title>"
        b"<meta property='article:published_time' content='2026-12-06T10:20:00Z'></head><body><article>"
        b"<h1>Riga expels three correspondents</h1>"
        b"<p>Latvia ordered three correspondents of Russian state media to leave the country, the security service said.</p>"
        b"<p>\"Moscow will certainly respond to this,\" foreign ministry spokeswoman Maria Zakharova told a briefing.</p>"
        b"<p>The service accused the journalists of breaching the sanctions regime.</p>"
        b"</article></body></html>")


def _records(writer, captures):
    from warcio.statusandheaders import StatusAndHeaders

    for url, body, date, extra in captures:
        http = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http,
                                                      warc_headers_dict={"WARC-Date": date, **extra}))


def _warc(path: Path, captures, gzip_records: bool = True) -> Path:
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        _records(WARCWriter(f, gzip=gzip_records), captures)
    return path


def _cut_before_quote() -> bytes:
    return PAGE[: PAGE.index(b"<p>\"Moscow")]


def _ingest(tmp_path, path):
    db = str(tmp_path / "t.db")
    result = CliRunner().invoke(app, ["ingest", str(path), "--db", db, "--workers", "0"])
    from storydiff.store import open_store

    with open_store(db) as store:
        rows = store.articles()
        revisions = [store.revisions(r.id) for r in rows]
    return " ".join(result.stderr.split()), rows, revisions


def test_a_capture_the_crawler_marked_truncated_never_becomes_the_articles_text_nor_a_revision(tmp_path):
    path = _warc(tmp_path / "crawl.warc.gz", [
        (URL, PAGE, "2026-12-06T10:30:00Z", {}),
        # later, cut at the crawler's size cap: the quote is gone and the digest is of the cut bytes
        (URL, _cut_before_quote(), "2026-12-06T11:40:00Z", {"WARC-Truncated": "length"}),
    ])
    err, rows, revisions = _ingest(tmp_path, path)
    assert len(rows) == 1 and len(revisions[0]) == 1  # the whole capture, no "quote removed" edit
    assert "Zakharova" in revisions[0][0].article.text
    assert f"{URL}: capture cut short by the crawler (WARC-Truncated: length)" in err


def test_a_capture_alone_and_cut_by_the_crawler_is_quarantined_by_name(tmp_path):
    for reason in ("time", "disconnect", "unspecified"):
        path = _warc(tmp_path / f"{reason}.warc.gz", [(URL, _cut_before_quote(), "2026-12-06T11:40:00Z",
                                                       {"WARC-Truncated": reason})])
        (failure,) = list(read_inputs([str(path)]))
        assert isinstance(failure, Failure) and failure.source.endswith(f"#{URL}")
        assert f"(WARC-Truncated: {reason})" in failure.reason


def test_a_capture_ending_inside_a_tag_is_not_stored_but_one_ending_between_tags_is_read(tmp_path):
    mid_tag = PAGE[: PAGE.index(b"<p>\"Moscow") + 2]  # "...<p"
    path = _warc(tmp_path / "crawl.warc.gz", [(URL, mid_tag, "2026-12-06T11:40:00Z", {}),
                                              (URL + "-2", PAGE.replace(b"</body></html>", b""), "2026-12-06T11:41:00Z", {})])
    failure, item = list(read_inputs([str(path)]))
    assert isinstance(failure, Failure) and "ends inside an HTML tag" in failure.reason
    assert isinstance(item, RawItem) and item.url == URL + "-2"  # HTML may leave out </body></html>


def _one_stream(tmp_path, n: int) -> bytes:
    plain = _warc(tmp_path / "plain.warc", [(f"{URL}/{i}", PAGE.replace(b"three", f"{i} more".encode()),
                                             f"2026-12-06T1{i}:00:00Z", {}) for i in range(n)], gzip_records=False)
    return gzip.compress(plain.read_bytes())  # "gzip crawl.warc": one gzip member for the whole crawl


def test_a_warc_gzipped_as_one_stream_is_read_whole(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(_one_stream(tmp_path, 5))
    results = list(read_inputs([str(path)]))
    assert [type(r) for r in results] == [RawItem] * 5
    assert [r.url for r in results] == [f"{URL}/{i}" for i in range(5)]


def test_a_one_stream_warc_cut_short_keeps_the_whole_records_and_names_the_cut_one_in_one_line(tmp_path):
    data = _one_stream(tmp_path, 5)
    path = tmp_path / "cut.warc.gz"
    kept = set()
    for cut in range(20, len(data) - 8, 97):
        path.write_bytes(data[:cut])
        results = list(read_inputs([str(path)]))
        items = [r for r in results if isinstance(r, RawItem)]
        failures = [r for r in results if isinstance(r, Failure)]
        assert len(failures) == 1 and "\n" not in failures[0].reason, (cut, results)
        assert all(i.content.rstrip().endswith("</html>") for i in items)
        kept.add(len(items))
    assert kept == {0, 1, 2, 3, 4}  # every record before the cut, none after it


def test_a_librarys_message_becomes_one_line_cut_at_a_word():
    message = ("\n    ERROR: non-chunked gzip file detected, gzip block continues\n    beyond single record.\n\n"
               "    This file is probably not a multi-member gzip but a single gzip file.\n\n" * 3)
    line = one_line(message)
    assert "\n" not in line and len(line) <= 162 and line.startswith("ERROR: non-chunked gzip file detected")
    assert line.endswith(" …") and line[:-2].split()[-1] in message.split()
