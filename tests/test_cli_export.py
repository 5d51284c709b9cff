"""``storydiff export``: every stored story's comparison as JSON Lines in one process (QA pass
26b, 08: ``show ID --json`` a story at a time was ~11 s a story for a 2,000-story archive)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storydiff.serve.cli import app

runner = CliRunner()

QUAKE = ("An earthquake of magnitude 6.1 struck the Berovac valley early on Monday, killing {n} people and "
         "damaging {m} houses, the regional governor Ilse Marten said.\n"
         "\"We are still searching the old town,\" Marten told reporters in Berovac.\n"
         "Rescue teams from the capital arrived in the evening and set up tents for families.")
FERRY = ("A ferry carrying 212 passengers ran aground off Dorvik on Saturday night, the coast guard said.\n"
         "All passengers were taken ashore by lifeboats and two were treated for light injuries.\n"
         "The operator said the ship had been inspected in April and would be towed to port.")


def _rows() -> list[dict]:
    return [
        {"id": "q1", "outlet": "Valley Herald", "title": "Quake kills 12 in Berovac", "published": "2026-11-30T08:00:00Z",
         "text": QUAKE.format(n=12, m=40)},
        {"id": "q2", "outlet": "Coast Wire", "title": "Berovac earthquake kills 14", "published": "2026-11-30T09:00:00Z",
         "text": QUAKE.format(n=14, m=40)},
        {"id": "f1", "outlet": "Dorvik Post", "title": "Ferry runs aground off Dorvik", "published": "2026-11-29T22:00:00Z",
         "text": FERRY},
    ]


def _db(tmp_path) -> str:
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in _rows()), encoding="utf-8")
    db = str(tmp_path / "archive.db")
    done = runner.invoke(app, ["ingest", str(src), "--db", db, "--workers", "0"])
    assert done.exit_code == 0, done.stderr
    return db


def _lines(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return [json.loads(line) for line in result.stdout.splitlines()]


def test_export_writes_one_line_a_story_as_show_json_writes_it(tmp_path):
    db = _db(tmp_path)
    listed = _lines(runner.invoke(app, ["stories", "--db", db, "--json"]))
    exported = _lines(runner.invoke(app, ["export", "--db", db]))
    assert [d["stories"][0]["id"] for d in exported] == [s["id"] for s in listed]  # every story, newest first
    quake = next(d for d in exported if len(d["articles"]) == 2)
    assert sorted(a["id"] for a in quake["articles"]) == ["q1", "q2"]
    shown = json.loads(runner.invoke(app, ["show", quake["stories"][0]["id"], "--db", db, "--json"]).stdout)
    assert quake == shown  # the same document, field for field


def test_export_filters_and_pages(tmp_path):
    db = _db(tmp_path)
    several = _lines(runner.invoke(app, ["export", "--db", db, "--min-articles", "2"]))
    assert len(several) == 1 and len(several[0]["articles"]) == 2
    everything = _lines(runner.invoke(app, ["export", "--db", db]))
    first = _lines(runner.invoke(app, ["export", "--db", db, "--limit", "1"]))
    rest = _lines(runner.invoke(app, ["export", "--db", db, "--skip", "1"]))
    assert first + rest == everything  # an interrupted export resumed with --skip loses nothing


def test_export_of_a_missing_database_is_one_clear_error(tmp_path):
    result = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert result.exit_code != 0 and "Traceback" not in (result.stderr or "")


def test_export_resumed_with_a_filter_skips_only_what_it_exported(tmp_path):
    """--skip counts the stories the export wrote: with --min-articles, a newer one-article story
    it left out was counted too, and the resumed run wrote the quake's story again."""
    storm = {"id": "s1", "outlet": "Dorvik Post", "title": "Storm closes Harlen bridge", "published": "2026-12-02T10:00:00Z",
             "text": "A winter storm closed the Harlen bridge on Wednesday, the road authority said.\n"
                     "Gusts of 120 km/h were measured on the span before it was shut to all traffic.\n"
                     "Drivers were sent over the old ferry road, adding an hour to the trip."}
    src = tmp_path / "rows.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in [*_rows(), storm]), encoding="utf-8")
    db = str(tmp_path / "archive.db")
    assert runner.invoke(app, ["ingest", str(src), "--db", db, "--workers", "0"]).exit_code == 0
    several = _lines(runner.invoke(app, ["export", "--db", db, "--min-articles", "2"]))
    first = _lines(runner.invoke(app, ["export", "--db", db, "--min-articles", "2", "--limit", "1"]))
    rest = _lines(runner.invoke(app, ["export", "--db", db, "--min-articles", "2", "--skip", "1"]))
    assert len(several) == 1 and first + rest == several


def _csv(result) -> list[dict]:
    import csv
    import io

    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_export_as_csv_tables_holds_what_the_json_holds(tmp_path):
    # QA pass 27c, 9: a researcher's coding spreadsheet had to flatten the nested JSON by hand
    db = _db(tmp_path)
    documents = _lines(runner.invoke(app, ["export", "--db", db]))
    stories = [s for d in documents for s in d["stories"]]
    outlet = {a["id"]: a["outlet"] for d in documents for a in d["articles"]}

    rows = _csv(runner.invoke(app, ["export", "--db", db, "--csv", "stories"]))
    assert [r["story"] for r in rows] == [s["id"] for s in stories]
    quake = next(r for r in rows if r["articles"] == "2")
    assert set(quake["outlets"].split("; ")) == {"Valley Herald", "Coast Wire"}
    assert int(quake["conflicts"]) >= 1  # 12 vs 14 killed

    facts = _csv(runner.invoke(app, ["export", "--db", db, "--csv", "facts"]))
    assert len(facts) == sum(len(f["versions"]) for s in stories for f in s["facts"])
    assert all(r["outlet"] == outlet[r["article"]] for r in facts)
    assert any("12" in r["conflicts"] and "14" in r["conflicts"] for r in facts)

    quotes = _csv(runner.invoke(app, ["export", "--db", db, "--csv", "quotes"]))
    assert len(quotes) == sum(len(q["versions"]) for s in stories for q in s["quotes"])
    assert {r["speaker"] for r in quotes} == {q["speaker"] for s in stories for q in s["quotes"]} != set()


def test_export_as_csv_refuses_an_unknown_table(tmp_path):
    refused = runner.invoke(app, ["export", "--db", _db(tmp_path), "--csv", "people"])
    assert refused.exit_code == 2 and "stories, facts, quotes" in refused.stderr


def test_a_csv_cell_a_spreadsheet_would_run_is_written_as_text():
    import csv
    import io

    from storydiff.serve.export_rows import CsvTable

    document = {"articles": [{"id": "a", "outlet": "=cmd|' /C calc'!A0", "language": "en"}],
                "stories": [{"id": "s1", "article_ids": ["a"], "facts": [
                    {"match": "only", "article_ids": ["a"], "conflicts": [],
                     "versions": [{"article_id": "a", "text": '=HYPERLINK("http://x.example","click")', "score": 1.0}]}],
                    "quotes": [], "origins": ["@SUM(1+1)"], "timeline": [{"published": None, "title": "-2+3"}]}]}
    out = io.StringIO()
    CsvTable(out, "facts").write(document)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["sentence"] == '\'=HYPERLINK("http://x.example","click")' and row["outlet"].startswith("'=")
    out = io.StringIO()
    CsvTable(out, "stories").write(document)
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["origins"] == "'@SUM(1+1)" and row["first_title"] == "'-2+3" and row["outlets"].startswith("'=")


def test_a_formula_after_a_semicolon_inside_a_cell_runs_in_no_spreadsheet():
    # a spreadsheet set to another list separator (";" in most of Europe, or tab) splits a cell
    # there: "Prices rose;=HYPERLINK(...)" opened as two cells, the second a formula
    import csv
    import io

    from storydiff.serve.export_rows import CsvTable

    hostile = 'Prices rose;=HYPERLINK("http://x.example","click") and\t+cmd|calc'
    document = {"articles": [{"id": "a", "outlet": "Wire", "language": "en"}],
                "stories": [{"id": "s1", "article_ids": ["a"], "facts": [
                    {"match": "only", "article_ids": ["a"], "conflicts": [],
                     "versions": [{"article_id": "a", "text": hostile, "score": 1.0}]}]}]}
    out = io.StringIO()
    CsvTable(out, "facts").write(document)
    for delimiter in (";", "\t"):
        cells = [c for row in csv.reader(io.StringIO(out.getvalue()), delimiter=delimiter) for c in row]
        assert not [c for c in cells if c.lstrip('"')[:1] in ("=", "+", "-", "@")], delimiter
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["sentence"].startswith("Prices rose;") and "HYPERLINK" in row["sentence"]


def test_a_resumed_csv_export_appends_rows_without_a_second_header(tmp_path):
    db = _db(tmp_path)
    whole = runner.invoke(app, ["export", "--db", db, "--csv", "stories"]).stdout.splitlines()
    first = runner.invoke(app, ["export", "--db", db, "--csv", "stories", "--limit", "1"]).stdout.splitlines()
    rest = runner.invoke(app, ["export", "--db", db, "--csv", "stories", "--skip", "1"]).stdout.splitlines()
    assert first + rest == whole and whole[0].startswith("story,")
