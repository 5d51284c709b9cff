"""Issue 22, case 1: CSV, RSS and UTF-16 JSONL exports over 160 MB were read only up to 160 MB,
the rest missing with exit 0 and the row across the mark stored cut mid-word. Now every record is
read, to the last, whole."""

from __future__ import annotations

import attack_inputs as inputs
from attack_cli import slow_only

from storydiff.ingest import read_inputs
from storydiff.records import Failure, RawItem
from storydiff.settings import IngestSettings

# The reader used to cut at 8 items' worth; with 1 MB items that is 8 MB, so a 10 MB file shows it
SMALL_ITEMS = IngestSettings(max_item_bytes=1_000_000)


def _read_all(path, settings=None) -> list:
    return list(read_inputs([str(path)], settings))


def _assert_whole(results: list, expected: int, marker: str) -> None:
    failures = [r for r in results if isinstance(r, Failure)]
    items = [r for r in results if isinstance(r, RawItem)]
    assert failures == []
    assert len(items) == expected
    assert items[-1].content.rstrip().rstrip("</p>").endswith(f"{expected - 1} END")  # the last one, whole
    assert all(it.content.rstrip().rstrip("</p>").endswith("END") for it in items)  # none cut
    assert marker  # the format under test, for the report


def test_a_csv_past_the_old_cap_is_read_to_its_last_row(tmp_path):
    path, rows = inputs.big_csv(tmp_path / "export.csv", size=10 * inputs.MB)
    _assert_whole(_read_all(path, SMALL_ITEMS), rows, "csv")


def test_a_feed_past_the_old_cap_is_read_to_its_last_entry(tmp_path):
    path, entries = inputs.big_rss(tmp_path / "feed.rss", size=10 * inputs.MB)
    _assert_whole(_read_all(path, SMALL_ITEMS), entries, "rss")


def test_a_utf16_export_past_the_old_cap_is_read_to_its_last_line(tmp_path):
    path, lines = inputs.big_utf16_jsonl(tmp_path / "export.jsonl", size=10 * inputs.MB)
    _assert_whole(_read_all(path, SMALL_ITEMS), lines, "utf-16 jsonl")


def test_a_170_mb_csv_is_read_to_its_last_row(tmp_path):
    path, rows = inputs.big_csv(tmp_path / "export.csv")
    _assert_whole(_read_all(path), rows, "csv")


def test_a_170_mb_utf16_jsonl_is_read_to_its_last_line(tmp_path):
    path, lines = inputs.big_utf16_jsonl(tmp_path / "export.jsonl")
    _assert_whole(_read_all(path), lines, "utf-16 jsonl")


@slow_only
def test_a_170_mb_feed_is_read_to_its_last_entry(tmp_path):
    path, entries = inputs.big_rss(tmp_path / "feed.rss")
    _assert_whole(_read_all(path), entries, "rss")


def test_a_feed_in_pieces_keeps_its_channel_and_every_entrys_fields(tmp_path):
    path, entries = inputs.big_rss(tmp_path / "feed.rss", size=3 * inputs.MB, entry_bytes=50_000)
    items = [r for r in _read_all(path, IngestSettings(feed_piece_bytes=500_000)) if isinstance(r, RawItem)]
    assert len(items) == entries
    assert [it.url for it in items] == [f"https://velm.example/{n}" for n in range(entries)]
    assert all(it.meta.get("site_name") == "Velm Gazette" and it.meta.get("title") for it in items)
