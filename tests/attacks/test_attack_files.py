"""Issue 22, cases 6, 7 and 9: a truncated plain .warc stored its cut last record as complete; a
few invalid bytes in a UTF-8 page made it decode as a legacy code page, silently; a CSV field
over 20 MB dropped every later row of its file."""

from __future__ import annotations

import logging

import attack_inputs as inputs
import pytest
from attack_cli import cli

from storydiff.ingest import read_inputs
from storydiff.records import Failure, RawItem

# -- 6. a plain WARC cut short ------------------------------------------------------------------


@pytest.mark.parametrize("cut", [5, 200, 500])  # the 4 last bytes separate records
def test_a_plain_warc_cut_in_its_last_record_never_passes_it_off_as_whole(tmp_path, cut):
    data = inputs.warc_bytes([("https://velm.example/a", inputs.page(1)), ("https://velm.example/b", inputs.page(2))])
    path = tmp_path / "crawl.warc"
    path.write_bytes(data[:-cut])  # within the last record's body
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == ["RawItem", "Failure"]
    assert results[0].source.endswith("#https://velm.example/a")
    assert results[1].source.endswith("#https://velm.example/b") and "truncated" in results[1].reason


def test_a_whole_plain_warc_is_read_whole(tmp_path):
    path = tmp_path / "crawl.warc"
    path.write_bytes(inputs.warc_bytes([("https://velm.example/a", inputs.page(1)),
                                        ("https://velm.example/b", inputs.page(2))]))
    assert [type(r).__name__ for r in read_inputs([str(path)])] == ["RawItem", "RawItem"]


# -- 7. UTF-8 with a few invalid bytes ------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".txt", ".html"])
def test_utf8_with_a_few_bad_bytes_stays_utf8_and_says_so(tmp_path, caplog, suffix):
    text = "TARVIK — A new ferry link for Tidewater — “on time”, the port said. " * 20
    body = text if suffix == ".txt" else f"<html><body><article><p>{text}</p></article></body></html>"
    data = body.encode("utf-8")
    data = data[:200] + b"\xff\xfe\x80" + data[200:-100] + b"\xc3" + data[-100:]  # 2 invalid runs
    path = tmp_path / f"page{suffix}"
    path.write_bytes(data)
    with caplog.at_level(logging.WARNING, logger="storydiff"):
        (item,) = list(read_inputs([str(path)]))
    assert isinstance(item, RawItem)
    assert "TARVIK — A new" in item.content and "тАФ" not in item.content
    assert item.content.count("\ufffd") >= 2
    assert any(str(path) in r.getMessage() and "invalid UTF-8" in r.getMessage() for r in caplog.records)
    result = cli("extract", path)
    assert result.exit_code == 0 and f"warning: {path}:" in result.stderr


def test_a_real_legacy_page_still_decodes_as_its_code_page(tmp_path):
    path = tmp_path / "cyrillic.txt"
    path.write_bytes(("Уряд схвалив новий план відбудови енергетичної системи до зими. " * 20).encode("cp1251"))
    (item,) = list(read_inputs([str(path)]))
    assert "Уряд схвалив" in item.content


# -- 9. a CSV field over the limit ----------------------------------------------------------------


@pytest.mark.parametrize("huge", ["word " * 5_000_000, "word " * 11_000_000, "a line of words\n" * 3_000_000],
                         ids=["25 MB field", "55 MB field", "48 MB field of lines"])
def test_a_csv_field_over_the_limit_fails_its_row_and_the_rows_after_it_are_read(tmp_path, huge):
    rows = [inputs.good_row(n) for n in range(1, 5)]
    path = tmp_path / "export.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,title,text\r\n")
        for n, r in enumerate(rows, start=1):
            text = huge if n == 2 else r["text"]
            f.write(f'{r["id"]},{r["title"]},"{text}"\r\n')
    results = list(read_inputs([str(path)]))
    assert [type(r).__name__ for r in results] == ["RawItem", "Failure", "RawItem", "RawItem"]
    assert "#row3" in results[1].source and "over the" in results[1].reason  # row 1 is the header
    assert [r.meta["id"] for r in results if isinstance(r, RawItem)] == ["row1", "row3", "row4"]
    assert not any(isinstance(r, Failure) and "row4" in r.source for r in results)
