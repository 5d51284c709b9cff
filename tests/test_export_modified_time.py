"""An export's modified time is read as its published time is (QA pass 25b, 2: a vendor's
"05.12.2026 19:05" was dropped without a word, so a corrected text and the text it corrected
were ordered by nothing and the correction shown reversed)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from storydiff.dates import ASSUME_TZ_ENV, parse_iso_utc
from storydiff.extract import extract_items
from storydiff.ingest import read_bytes
from storydiff.serve.cli import app

URL = "https://rigaexile.example/articles/2026/12/05/port-strike"
HEADER = "id;date;source_name;headline;url;html;modified\n"


def _row(n: int, killed: str, modified: str) -> str:
    return (f"nge-{n};05.12.2026 12:40;Rīgas Vēstnesis Exile;Strike on the port: {killed} killed;{URL};"
            f"<p>{killed.capitalize()} people were killed and 23 injured in a missile strike on the port on "
            f"Saturday morning, the emergency service said.</p><p>Rescuers are still clearing the rubble.</p>;{modified}\n")


def _article(csv: str):
    (article,) = list(extract_items(read_bytes("export.csv", csv.encode())))
    return article


@pytest.mark.parametrize("written", ["05.12.2026 19:05", "2026-12-05T19:05:00", "5 декабря 2026, 19:05"])
def test_a_modified_time_without_a_zone_is_read_in_the_assumed_zone_whatever_its_format(monkeypatch, written):
    monkeypatch.setenv(ASSUME_TZ_ENV, "Europe/Riga")  # UTC+2 in December
    article = _article(HEADER + _row(1, "ten", written))
    assert parse_iso_utc(article.modified) == datetime(2026, 12, 5, 17, 5, tzinfo=UTC)
    assert parse_iso_utc(article.published) == datetime(2026, 12, 5, 10, 40, tzinfo=UTC)


def test_a_modified_time_that_cannot_be_read_is_said_for_its_row(monkeypatch):
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    article = _article(HEADER + _row(1, "ten", "31.02.2026 25:61"))
    assert article.modified is None
    assert any("'modified' '31.02.2026 25:61' is no date" in w for w in article.warnings)
    day_only = _article(HEADER + _row(2, "ten", "05.12.2026"))  # a day orders no two versions of it: no time, no word
    assert day_only.modified is None and not any("modified" in w for w in day_only.warnings)


def test_a_correction_read_before_the_text_it_corrected_stays_the_current_text(tmp_path, monkeypatch):
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    corrected, first = tmp_path / "corrected.csv", tmp_path / "first.csv"
    corrected.write_text(HEADER + _row(1, "ten", "05.12.2026 19:05"), encoding="utf-8")
    first.write_text(HEADER.replace(";modified", "") + _row(1, "eight", "").rstrip(";\n") + "\n", encoding="utf-8")
    db = str(tmp_path / "t.db")
    runner = CliRunner()
    for path in (corrected, first):
        result = runner.invoke(app, ["ingest", str(path), "--db", db, "--workers", "0", "--assume-tz", "Europe/Riga"])
        assert result.exit_code == 0, result.output
    from storydiff.store import open_store

    with open_store(db) as store:
        (row,) = store.articles()
        revisions = store.revisions(row.id)
    assert ["Ten people" in r.article.text for r in revisions] == [False, True]  # eight first, ten now


def test_a_rows_unreadable_date_says_which_date_is_stored_and_where_it_comes_from(monkeypatch):
    # QA pass 25b, 14: "the page's own date is used" while the date stored was read off the URL
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    row = _row(1, "ten", "").replace("05.12.2026 12:40", "31.02.2026 25:61").replace(URL, URL.replace("/05/", "/07/"))
    article = _article(HEADER + row)
    assert article.published == "2026-12-07"
    assert any("'31.02.2026 25:61' is no date" in w and "the date in its URL is used (2026-12-07)" in w
               for w in article.warnings)
