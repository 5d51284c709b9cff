"""Times written without a zone are in the zone the user says (--assume-tz, STORYDIFF_ASSUME_TZ),
UTC when unsaid (QA pass 17 #13: a Kyiv vendor's "05.12.2026 09:10" was taken as 09:10 UTC, two
hours late, and made another outlet the first report)."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from typer.testing import CliRunner

from storydiff.dates import ASSUME_TZ_ENV, parse_iso_utc
from storydiff.extract import normalize_date
from storydiff.serve.cli import app

KYIV_0710Z = datetime(2026, 12, 5, 7, 10, tzinfo=UTC)
ROW = {"id": "uk-1", "outlet": "Укрінформ", "published": "05.12.2026 09:10",
       "text": "Росія атакувала Харків дронами в ніч на суботу, загинули четверо людей, повідомив Синєгубов."}


@pytest.fixture
def kyiv(monkeypatch):
    monkeypatch.setenv(ASSUME_TZ_ENV, "Europe/Kyiv")


@pytest.mark.parametrize("value", ["05.12.2026 09:10", "2026-12-05T09:10:00", "5 грудня 2026, 09:10",
                                   "Sat, 05 Dec 2026 09:10:00"])
def test_a_naive_time_is_read_in_the_assumed_zone(kyiv, value):
    assert parse_iso_utc(normalize_date(value)) == KYIV_0710Z


@pytest.mark.parametrize("value, utc", [
    ("2026-12-05T09:10:00+03:00", datetime(2026, 12, 5, 6, 10, tzinfo=UTC)),
    ("2026-12-05T09:10:00Z", datetime(2026, 12, 5, 9, 10, tzinfo=UTC)),
    ("1764925800", datetime.fromtimestamp(1764925800, UTC)),  # epoch seconds are no local time
])
def test_a_time_with_its_zone_keeps_it(kyiv, value, utc):
    assert parse_iso_utc(normalize_date(value)) == utc


def test_a_bare_day_stays_that_day(kyiv):
    assert normalize_date("05.12.2026") == "2026-12-05"


def test_unsaid_the_zone_is_utc_as_before(monkeypatch):
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    assert parse_iso_utc(normalize_date("05.12.2026 09:10")) == datetime(2026, 12, 5, 9, 10, tzinfo=UTC)
    assert normalize_date("2026-12-05T09:10:00") == "2026-12-05T09:10:00"


def _published(result) -> str:
    return json.loads(result.stdout.splitlines()[0])["published"]


def test_extract_takes_assume_tz(tmp_path, monkeypatch):
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    rows = tmp_path / "export.jsonl"
    rows.write_text(json.dumps(ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    runner = CliRunner()
    plain = runner.invoke(app, ["extract", str(rows), "--json"])
    kyiv = runner.invoke(app, ["extract", str(rows), "--json", "--assume-tz", "Europe/Kyiv"])
    assert plain.exit_code == kyiv.exit_code == 0, (plain.output, kyiv.output)
    assert parse_iso_utc(_published(plain)) == datetime(2026, 12, 5, 9, 10, tzinfo=UTC)
    assert parse_iso_utc(_published(kyiv)) == KYIV_0710Z


def test_a_zone_that_does_not_exist_is_a_usage_error(tmp_path, monkeypatch):
    monkeypatch.setenv(ASSUME_TZ_ENV, "")
    rows = tmp_path / "export.jsonl"
    rows.write_text(json.dumps(ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(rows), "--db", str(tmp_path / "n.db"), "--assume-tz", "Europe/Kyyiv"])
    assert result.exit_code == 2 and "Europe/Kyyiv" in result.output
    assert not (tmp_path / "n.db").exists()


def test_assume_tz_holds_for_its_command_only(tmp_path, monkeypatch):
    # review 17 #7: the option set the environment for good, so a later command in the same process
    # (and library calls) read zone-less times as Kyiv times
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    rows = tmp_path / "export.jsonl"
    rows.write_text(json.dumps(ROW, ensure_ascii=False) + "\n", encoding="utf-8")
    runner = CliRunner()
    kyiv = runner.invoke(app, ["extract", str(rows), "--json", "--assume-tz", "Europe/Kyiv"])
    after = runner.invoke(app, ["extract", str(rows), "--json"])
    assert kyiv.exit_code == after.exit_code == 0, (kyiv.output, after.output)
    assert parse_iso_utc(_published(kyiv)) == KYIV_0710Z
    assert parse_iso_utc(_published(after)) == datetime(2026, 12, 5, 9, 10, tzinfo=UTC)
    assert normalize_date("2026-12-05 09:10") == "2026-12-05T09:10:00"
    # a zone set before the command is put back as it was
    monkeypatch.setenv(ASSUME_TZ_ENV, "Europe/Warsaw")
    assert runner.invoke(app, ["extract", str(rows), "--json", "--assume-tz", "Europe/Kyiv"]).exit_code == 0
    assert normalize_date("2026-12-05 09:10") == "2026-12-05T09:10:00+01:00"


def test_a_mistyped_zone_in_the_environment_is_one_error_naming_it(monkeypatch):
    # review 17 #7: through the Python API, each dated item failed "extraction failed: ValueError"
    from storydiff.extract import extract_items
    from storydiff.records import RawItem

    monkeypatch.setenv(ASSUME_TZ_ENV, "Europe/Kyyiv")
    items = [RawItem(source=f"r{i}", kind="text", content=ROW["text"], meta={"published": ROW["published"]})
             for i in range(3)]
    with pytest.raises(ValueError, match=f"{ASSUME_TZ_ENV}.*Europe/Kyyiv"):
        extract_items(items)  # raised when called, before any item is taken


@pytest.mark.parametrize("value", ["2026-10-25 03:30", "2026-10-25T03:30:00", "25.10.2026 03:30",
                                   "25 жовтня 2026, 03:30", "Sun, 25 Oct 2026 03:30:00"])
def test_a_time_the_october_change_gives_twice_is_its_first_however_written(kyiv, value):
    # review 17 #8: the ISO path took 03:30 at +03:00, the dateparser path at +02:00, an hour apart
    assert parse_iso_utc(normalize_date(value)) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


@pytest.mark.parametrize("value, utc", [("25.10.2026 03:30 EET", datetime(2026, 10, 25, 1, 30, tzinfo=UTC)),
                                        ("25.10.2026 03:30 +0300", datetime(2026, 10, 25, 0, 30, tzinfo=UTC))])
def test_at_the_october_change_a_time_with_its_zone_keeps_it(kyiv, value, utc):
    assert parse_iso_utc(normalize_date(value)) == utc
