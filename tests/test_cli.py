"""The command line as a user runs it: the JSON contracts, bad input, re-runs and kills."""

from __future__ import annotations

import itertools
import json
import os
import re
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.serve.cli import app

sys.path.insert(0, str(Path(__file__).parent))
import badcorpus
from conftest import EXAMPLES, match_articles
from example_items import storm_records

from storydiff import embeddings

runner = CliRunner()
EURO = str(EXAMPLES / "euromaidanpress-kallas-ft.txt")
UNN = str(EXAMPLES / "unn-kallas-ft.txt")


def run(*args: str, **kw):
    return runner.invoke(app, list(args), catch_exceptions=False, **kw)


def jsonl(text: str) -> list[dict]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


@pytest.fixture(scope="module")
def seed_compare() -> dict:
    result = run("compare", EURO, UNN, "--json")
    assert result.exit_code == 0
    return json.loads(result.stdout)


def test_extract_json_contract_on_the_seed_pair():
    result = run("extract", EURO, UNN, "--json")
    assert result.exit_code == 0
    rows = jsonl(result.stdout)
    assert len(rows) == 2
    for row in rows:
        assert set(row) >= {"id", "source", "url", "outlet", "title", "published", "authors", "dateline", "language", "text", "cited_origins"}
    euro, unn = rows
    assert euro["outlet"] == "Euromaidan Press" and unn["outlet"] == "UNN"
    assert euro["title"].startswith("Estonian PM: NATO training Ukraine")
    assert unn["title"].startswith("Estonian Prime Minister: NATO's training of soldiers")
    assert unn["dateline"] == "Kyiv"
    assert euro["language"] == unn["language"] == "en"
    assert "Financial Times" in euro["cited_origins"] and "Financial Times" in unn["cited_origins"]


def test_extract_json_carries_every_rows_warning_past_those_stderr_names(tmp_path):
    # QA pass 26b: stderr stops naming rows after MAX_DROP_WARNINGS; the JSON rows must not
    from storydiff.extract.record_text import MAX_DROP_WARNINGS

    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({
        "id": f"r{i}", "outlet": "Daily Lantern", "title": f"Flood in town {i}", "published": "2026-11-15T10:00:00+00:00",
        "text": f"The river rose three metres in town number {i} on Saturday, the mayor said.\n"
                "Rescuers moved 40 families to the school, officials said.\n"
                "Please donate to support our journalism today."}) + "\n" for i in range(MAX_DROP_WARNINGS + 5)),
        encoding="utf-8")
    result = run("extract", str(rows), "--json")
    assert result.exit_code == 0
    out = jsonl(result.stdout)
    assert len(out) == MAX_DROP_WARNINGS + 5
    assert all(any("Please donate" in w for w in row["warnings"]) for row in out)
    assert all("Please donate" not in row["text"] for row in out)

def test_compare_seed_pair_is_one_story_with_one_independent_source(seed_compare):
    assert len(seed_compare["articles"]) == 2
    (story,) = seed_compare["stories"]
    assert len(story["article_ids"]) == 2
    assert story["origins"][0] == "Financial Times"
    assert story["independent_sources"] == 1


def test_compare_seed_pair_aligns_the_four_shared_kallas_quotes(seed_compare):
    (story,) = seed_compare["stories"]
    shared = [q for q in story["quotes"] if len({v["article_id"] for v in q["versions"]}) == 2]
    assert len(shared) == 4
    assert all(q["speaker"] == "Kaja Kallas" for q in shared)
    fidelities = {v["fidelity"] for q in shared for v in q["versions"][1:]}
    assert fidelities <= {"verbatim", "edited", "reworded"}
    singles = [q for q in story["quotes"] if len(q["versions"]) == 1]
    assert all(q["versions"][0]["fidelity"] == "only_here" for q in singles)
    texts = " ".join(q["versions"][0]["text"] for q in singles)
    assert "open public discussion" in texts and "goal of victory" in texts


def test_compare_seed_pair_lists_facts_unique_to_each_outlet(seed_compare):
    (story,) = seed_compare["stories"]
    euro_id, unn_id = (a["id"] for a in seed_compare["articles"])
    only = {euro_id: [], unn_id: []}
    for f in story["facts"]:
        if len(f["article_ids"]) == 1:
            only[f["article_ids"][0]].append(f["text"])
    euro_only, unn_only = " ".join(only[euro_id]), " ".join(only[unn_id])
    assert "Sikorski" in euro_only and "Lithuania" in euro_only
    assert "parliamentary approval" in unn_only
    assert "Sikorski" not in unn_only and "parliamentary approval" not in euro_only
    shared = [f for f in story["facts"] if len(f["article_ids"]) == 2]
    assert len(shared) >= 4


def test_euromaidan_boilerplate_is_gone_and_body_kept(seed_compare):
    euro = seed_compare["articles"][0]["text"]
    for junk in ("Copyright", "Read also", "Become a Patron", "ad blocker", "suggest a correction",
                 "Ctrl + Enter", "Privacy and Cookie", "Kompreno", "International Renaissance Foundation"):
        assert junk not in euro
    for body in ("there are countries who are training soldiers on the ground already",
                 "Polish FM Sikorski revealed", "Madis Roll", "It’s not automatic",
                 "advocating for a goal of complete Ukrainian victory and territorial liberation."):
        assert body in euro


def test_compare_html_report_escapes_article_text(tmp_path):
    page = tmp_path / "evil.html"
    page.write_text(badcorpus.SCRIPT_BODY_HTML.replace("Council votes on budget", "<img src=x onerror=alert(1)> Council votes"))
    out = tmp_path / "report.html"
    result = run("compare", str(page), EURO, "--html", str(out))
    assert result.exit_code == 0
    html = out.read_text()
    assert "<img src=x" not in html
    # the article's text literally contains "<script>alert('xss')</script>": shown, escaped, inert
    assert "&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;" in html
    assert "<script>alert" not in html and "INJECTED BY SCRIPT" not in html
    assert "Content-Security-Policy" in html


def test_demo_keeps_two_earthquakes_apart():
    result = run("demo", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout[result.stdout.index("{"):])
    by_id = {a["id"]: a for a in data["articles"]}
    stories = [[by_id[i] for i in s["article_ids"]] for s in data["stories"]]
    titles = [" ".join(a["title"] or "" for a in s) for s in stories]
    berovac = [s for s, t in zip(stories, titles) if "Berovac" in t]
    marisol = [s for s, t in zip(stories, titles) if "Marisol" in t]
    # the wire report, its reprint and the Ukrainian report citing the wire (joined across languages)
    assert len(berovac) == 1 and sorted(a["language"] for a in berovac[0]) == ["en", "en", "uk"]
    assert len(marisol) == 1 and len(marisol[0]) == 2
    wire = next(s for s in data["stories"] if set(s["article_ids"]) == {a["id"] for a in berovac[0]})
    assert wire["independent_sources"] == 1
    translated = [v for q in wire["quotes"] for v in q["versions"] if v["fidelity"] == "translated"]
    assert len(translated) == 3 and {v["article_id"] for v in translated} == {a["id"] for a in berovac[0]
                                                                             if a["language"] == "uk"}
    marisol_story = next(s for s in data["stories"] if set(s["article_ids"]) == {a["id"] for a in marisol[0]})
    assert marisol_story["independent_sources"] == 2


def test_cluster_command_reads_rows_and_reports_bad_lines(tmp_path):
    rows = tmp_path / "rows.jsonl"
    text_a = "A magnitude 6.4 earthquake struck the mountain town of Berovac on Monday, killing 12 people, officials said."
    text_b = "The Berovac earthquake of magnitude 6.4 killed 12 people on Monday, regional officials in Berovac said."
    text_c = "The city council of Amberly approved its budget on Thursday by nine votes to four after a long debate."
    rows.write_text(
        json.dumps({"id": "a", "text": text_a}) + "\n{broken\n" + json.dumps({"id": "b", "text": text_b}) + "\n"
        + json.dumps({"id": "c", "text": text_c}) + "\n"
    )
    result = run("cluster", str(rows))
    assert result.exit_code == 0
    got = {r["id"]: r["story_id"] for r in jsonl(result.stdout)}
    assert set(got) == {"a", "b", "c"}
    assert got["a"] == got["b"] != got["c"]
    assert "rows.jsonl#L2" in result.stderr
    assert run("cluster", str(rows), "--strict").exit_code == 1
    # Features computed in this process or in workers: the same stories, the same bad line.
    inline = run("cluster", str(rows), "--workers", "0")
    assert {r["id"]: r["story_id"] for r in jsonl(inline.stdout)} == got
    assert "rows.jsonl#L2" in inline.stderr


def test_cluster_writes_each_id_back_as_the_row_gave_it(tmp_path):
    # an integer id came back as a string ("5"): a script joining on it found nothing
    text = "Mayor Ivan Varnik said on Monday that 14 people died in the flood in Berovac. Rescue teams worked all night."
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": i, "text": text}) + "\n" for i in (5, "six")))
    for workers in ("0", "2"):
        out = jsonl(run("cluster", str(rows), "--workers", workers).stdout)
        assert [r["id"] for r in out] == [5, "six"]


def _dying_rows(rows, date_order=None):
    os._exit(9)  # as a worker killed for memory vanishes


def test_cluster_reports_a_dead_worker_in_one_line(tmp_path, monkeypatch):
    import storydiff.pipeline as pipeline

    monkeypatch.setattr(pipeline, "prepare_rows", _dying_rows)
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "a", "text": "The council met on Tuesday."}) + "\n")
    result = run("cluster", str(rows), "--workers", "1")
    assert result.exit_code == 1
    assert "a worker process died" in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


@pytest.fixture(scope="module")
def bad_corpus(tmp_path_factory):
    root = tmp_path_factory.mktemp("corpus")
    badcorpus.build(root)
    return root


def _has_articles(db: Path) -> bool:
    """Whether a running ingest has stored any article yet (False while its tables are made)."""
    if not db.exists():
        return False
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=0.5)
        try:
            return con.execute("select 1 from articles limit 1").fetchone() is not None
        finally:
            con.close()
    except sqlite3.Error:
        return False


def _count(db: Path) -> tuple[int, int]:
    con = sqlite3.connect(db)
    try:
        total = con.execute("select count(*) from articles").fetchone()[0]
        distinct = con.execute("select count(distinct source_key) from articles").fetchone()[0]
        return total, distinct
    finally:
        con.close()


def test_ingest_bad_corpus_reports_each_item_and_reruns_store_nothing_twice(bad_corpus, tmp_path):
    db = tmp_path / "news.db"
    first = run("ingest", str(bad_corpus), "--db", str(db))
    assert first.exit_code == 0
    for name in ("empty.txt", "photo.html", "cut.html.gz", "cut.warc.gz", "export.jsonl#L2", "export.jsonl#L3", "huge.txt"):
        lines = [ln for ln in first.stderr.splitlines() if ln.startswith("error:") and name in ln]
        assert len(lines) == 1, (name, first.stderr)
    stored, distinct = _count(db)
    assert stored == distinct >= 6
    errors = run("errors", "--db", str(db), "--json")
    reasons = {r["source"].rsplit("/", 1)[-1]: r["reason"] for r in jsonl(errors.stdout)}
    assert reasons["empty.txt"] == "empty file"
    # again: nothing new, nothing lost, failures not duplicated
    second = run("ingest", str(bad_corpus), "--db", str(db), "--strict")
    assert second.exit_code == 1  # --strict: bad items make the run fail, after it has done the rest
    assert _count(db) == (stored, distinct)
    assert len(jsonl(run("errors", "--db", str(db), "--json").stdout)) == len(reasons)
    stories = jsonl(run("stories", "--db", str(db), "--json").stdout)
    assert sum(s["n_articles"] for s in stories) == stored
    # Extraction in worker processes (the default) or in this one: the same database.
    inline_db = tmp_path / "inline.db"
    inline = run("ingest", str(bad_corpus), "--db", str(inline_db), "--workers", "0")
    assert inline.exit_code == 0
    assert _count(inline_db) == (stored, distinct)
    assert jsonl(run("stories", "--db", str(inline_db), "--json").stdout) == stories
    assert jsonl(run("errors", "--db", str(inline_db), "--json").stdout) == jsonl(
        run("errors", "--db", str(db), "--json").stdout
    )


def test_ingest_killed_midway_then_rerun_stores_every_item_once(tmp_path):
    src = tmp_path / "pages"
    src.mkdir()
    n = 150
    for i in range(n):
        (src / f"p{i:03d}.html").write_text(badcorpus.good_html(i, title=f"Harbour report number {i} on item {i * 7919}"))
    db = tmp_path / "kill.db"
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    cmd = [sys.executable, "-m", "storydiff", "ingest", str(src), "--db", str(db)]
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    killed = False
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                stored, _ = _count(db)
            except sqlite3.Error:
                stored = 0
            if stored >= 10:
                proc.send_signal(signal.SIGKILL)
                killed = True
                break
        time.sleep(0.05)
    proc.wait()
    assert killed, "ingest finished before it could be killed; make the corpus larger"
    mid, _ = _count(db)
    assert 10 <= mid < n
    rerun = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _count(db) == (n, n)


def test_quotes_raw_offsets_point_into_the_file_as_given():
    result = run("quotes", UNN, "--raw", "--json")
    assert result.exit_code == 0
    (row,) = jsonl(result.stdout)
    content = Path(UNN).read_text(encoding="utf-8")
    assert len(row["quotes"]) >= 6
    for q in row["quotes"]:
        assert content[q["start"]:q["end"]] == q["text"]
    kallas = [q for q in row["quotes"] if q["speaker"] == "Kaja Kallas"]
    assert len(kallas) >= 6


def test_quotes_raw_refuses_html_by_name_and_reads_the_text_beside_it():
    html = str(EXAMPLES / "quake-berovac-wire.html")
    result = run("quotes", html, UNN, "--raw", "--json")
    assert result.exit_code == 0
    assert [row["source"] for row in jsonl(result.stdout)] == [UNN]
    assert f"error: {html}: --raw reads text as given, and this is an HTML page" in result.stderr
    assert run("quotes", html, "--raw", "--strict").exit_code == 1
    assert jsonl(run("quotes", html, "--json").stdout)[0]["quotes"]  # without --raw: the article's quotes


def test_quotes_after_cleaning_point_into_the_extracted_text():
    quotes_out = jsonl(run("quotes", EURO, "--json").stdout)[0]["quotes"]
    text = jsonl(run("extract", EURO, "--json").stdout)[0]["text"]
    assert quotes_out and all(text[q["start"]:q["end"]] == q["text"] for q in quotes_out)


def test_ingest_of_the_examples_groups_them_as_compare_does_and_show_works(tmp_path):
    db = tmp_path / "ex.db"
    assert run("ingest", str(EXAMPLES), "--db", str(db)).exit_code == 0
    stories = jsonl(run("stories", "--db", str(db), "--json").stdout)
    # the Ukrainian report of the Berovac quake joins its English story (match/multilingual.py)
    assert sorted(s["n_articles"] for s in stories) == [2, 2, 3]
    kallas = next(s for s in stories if "UNN" in s["outlets"])
    shown = run("show", kallas["id"], "--db", str(db), "--json")
    assert shown.exit_code == 0
    (story,) = json.loads(shown.stdout)["stories"]
    assert story["independent_sources"] == 1 and story["origins"][0] == "Financial Times"
    assert run("show", "s-no-such-story", "--db", str(db)).exit_code == 1


def test_an_old_archive_ingested_after_newer_news_still_groups(tmp_path):
    # The database already holds this month's news; last year's archive comes in afterwards, so
    # every one of its articles is dated long before the newest stored one (a late arrival).
    fx = match_articles()
    new, old = tmp_path / "new.jsonl", tmp_path / "old.jsonl"
    new.write_text(json.dumps({"id": "news", "title": "Quake", "text": fx.QUAKE_CHILE[0][1],
                               "published": "2025-03-01T10:00:00Z"}) + "\n")
    old.write_text("".join(json.dumps(row) + "\n" for row in [
        {"id": "old-1", "title": "Budget", "text": fx.WIRE, "published": "2024-03-01T10:00:00Z"},
        {"id": "old-2", "title": "Italy budget", "text": fx.WIRE_REPRINT, "published": "2024-03-02T08:00:00Z"},
    ]))
    db = tmp_path / "late.db"
    assert run("ingest", str(new), "--db", str(db)).exit_code == 0
    assert run("ingest", str(old), "--db", str(db), "--workers", "0").exit_code == 0
    stories = jsonl(run("stories", "--db", str(db), "--json").stdout)
    assert sorted(s["n_articles"] for s in stories) == [1, 2]


def _storm_file(tmp_path: Path) -> Path:
    path = tmp_path / "storm.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in storm_records()))
    return path


def _outlets_of(story: dict, needle: str) -> list[str]:
    (fact,) = [f for f in story["facts"] if any(needle in v for v in f["variants"].values())]
    return fact["article_ids"]


@pytest.mark.skipif(not embeddings.embeddings_available(), reason="MiniLM tier not installed (optional extra)")
def test_semantic_flag_aligns_facts_with_minilm_in_compare_and_show(tmp_path):
    storm = _storm_file(tmp_path)
    plain = json.loads(run("compare", str(storm), "--json").stdout)["stories"]
    semantic = json.loads(run("compare", str(storm), "--json", "--semantic").stdout)["stories"]
    assert [s["fact_tier"] for s in plain] == ["lexical"] and [s["fact_tier"] for s in semantic] == ["minilm"]
    assert _outlets_of(plain[0], "cut electricity") == ["courier-storm"]
    assert _outlets_of(semantic[0], "cut electricity") == ["courier-storm", "star-storm"]
    report = run("compare", str(storm), "--semantic")
    assert "matched by words + MiniLM" in report.stdout
    db = tmp_path / "storm.db"
    assert run("ingest", str(storm), "--db", str(db), "--workers", "0").exit_code == 0
    (sid,) = [s["id"] for s in jsonl(run("stories", "--db", str(db), "--json").stdout)]
    shown = json.loads(run("show", sid, "--db", str(db), "--json", "--semantic").stdout)["stories"][0]
    assert shown["fact_tier"] == "minilm"
    assert _outlets_of(shown, "cut electricity") == ["courier-storm", "star-storm"]


def test_semantic_flag_without_the_minilm_tier_is_a_clear_error(tmp_path, monkeypatch):
    monkeypatch.setattr(embeddings, "_model", lambda: None)
    result = runner.invoke(app, ["compare", str(_storm_file(tmp_path)), "--semantic"])
    assert result.exit_code == 2
    assert "pip install 'storydiff[embeddings]'" in result.stderr
    assert result.stdout == ""  # no report made by the tier the user did not ask for


# -- what a first daily user ran into (QA pass, round 8) -------------------------------------

BRIEFS = [  # two one-sentence briefs per town: each pair is one story, the towns' pairs are not
    {"id": "f1", "title": "Fog in Lorn", "published": "2024-10-01T07:00:00Z",
     "text": "LORN — Fog delayed 14 ships at the port of Lorn on Tuesday, the harbour authority said."},
    {"id": "m1", "title": "Marathon record", "published": "2024-10-01T09:00:00Z",
     "text": "The Lorn marathon drew 4,000 runners on Sunday, organisers said, a record for the race."},
    {"id": "m2", "title": "Lorn marathon record", "published": "2024-10-01T10:00:00Z",
     "text": "A record 4,000 runners took part in the Lorn marathon on Sunday, its organisers said."},
    {"id": "x1", "title": "Fire at Rudd warehouse", "published": "2024-10-01T10:00:00Z",
     "text": "RUDD — A fire destroyed a warehouse in Rudd on Friday, the fire brigade said. Nobody was hurt."},
    {"id": "x2", "title": "Rudd library closes", "published": "2024-10-01T11:00:00Z",
     "text": "The council of Rudd voted 7 to 2 to close the town library on Monday, councillors said."},
]


def test_briefs_from_one_town_about_different_events_stay_apart(tmp_path):
    rows = tmp_path / "briefs.jsonl"
    # a byte-order mark, as spreadsheet exports write, and a row with a list for its outlet
    rows.write_text("\ufeff" + "".join(json.dumps(r) + "\n" for r in BRIEFS)
                    + json.dumps({"id": "bad", "text": "Some text.", "outlet": ["a", "b"]}) + "\n", encoding="utf-8")
    result = run("cluster", str(rows), "--workers", "0")
    got = {r["id"]: r["story_id"] for r in jsonl(result.stdout)}
    assert set(got) == {"f1", "m1", "m2", "x1", "x2"}
    assert got["m1"] == got["m2"]  # the same marathon, told twice
    assert len({got["f1"], got["m1"], got["x1"], got["x2"]}) == 4  # a town's name alone joins nothing
    assert "field 'outlet' must be a string" in result.stderr


def test_new_content_at_a_stored_path_or_on_stdin_is_ingested_and_repeats_are_not(tmp_path):
    db = str(tmp_path / "daily.db")
    latest = tmp_path / "latest.txt"
    day1, day2 = BRIEFS[0]["text"] * 3, BRIEFS[3]["text"] * 3
    latest.write_text(day1)
    assert "stored 1 new" in run("ingest", str(latest), "--db", db).stderr
    latest.write_text(day2)  # the same file name, overwritten with the next day's article
    assert "stored 1 new" in run("ingest", str(latest), "--db", db).stderr
    assert "stored 0 new article(s); 1 already stored" in run("ingest", str(latest), "--db", db).stderr
    assert "stored 1 new" in run("ingest", "-", "--db", db, input=BRIEFS[4]["text"] * 3).stderr
    assert "stored 1 new" in run("ingest", "-", "--db", db, input=BRIEFS[1]["text"] * 3).stderr
    assert "1 already stored" in run("ingest", "-", "--db", db, input=BRIEFS[1]["text"] * 3).stderr
    assert _count(Path(db)) == (4, 4)


def test_exports_that_reuse_row_ids_keep_both_articles(tmp_path):
    db = str(tmp_path / "ids.db")
    a, b = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    a.write_text(json.dumps({"id": "r1", "outlet": "Paper A", "text": BRIEFS[3]["text"]}) + "\n")
    b.write_text(json.dumps({"id": "r1", "outlet": "Paper B", "text": BRIEFS[4]["text"]}) + "\n")
    run("ingest", str(a), "--db", db)
    assert "stored 1 new" in run("ingest", str(b), "--db", db).stderr
    assert "1 already stored" in run("ingest", str(b), "--db", db).stderr
    con = sqlite3.connect(db)
    ids = sorted(r[0] for r in con.execute("select id from articles"))
    con.close()
    assert ids[0] == "r1" and ids[1].startswith("r1~") and len(ids) == 2
    # without a database too: compare keeps both, and the same file twice is one article
    compared = json.loads(run("compare", str(a), str(b), str(b), "--json").stdout)
    assert sorted(x["id"] for x in compared["articles"]) == ids


def test_read_only_commands_refuse_a_database_that_does_not_exist(tmp_path):
    missing = tmp_path / "no" / "such.db"
    for args in (["stories"], ["errors"], ["show", "s123"]):
        result = run(*args, "--db", str(missing))
        assert result.exit_code == 2 and "no database at" in result.stderr
    assert not (tmp_path / "no").exists()  # and nothing was created


def test_show_takes_a_unique_prefix_and_html_paths_are_checked_first(tmp_path):
    db = str(tmp_path / "s.db")
    run("ingest", EURO, UNN, "--db", db)
    (story,) = jsonl(run("stories", "--db", db, "--json").stdout)
    shown = run("show", story["id"][:7], "--db", db)
    assert shown.exit_code == 0 and story["id"] in shown.stdout
    # no colour (a pipe, a file): the quote diff is marked in the text, git word-diff style
    assert "[-" in shown.stdout and "{+" in shown.stdout
    short = run("show", "s", "--db", db)  # too short a start to mean one story
    assert short.exit_code == 1 and "give at least 4 characters" in short.stderr
    assert [s["id"] for s in jsonl(run("stories", "--db", db, "--json", "--offset", "1").stdout)] == []
    bad = run("show", story["id"], "--db", db, "--html", str(tmp_path / "missing" / "r.html"))
    assert bad.exit_code == 2 and "cannot write the HTML report" in bad.stderr


def test_identical_reprints_from_other_outlets_are_stored_and_listed_in_one_story(tmp_path):
    db = str(tmp_path / "wire.db")
    text = ("BEROVAC, Ostrania (OPA) — A magnitude 6.4 earthquake struck the mountain town of Berovac on "
            "Monday, killing 12 people and injuring dozens, the regional governor said. ") * 2
    rows = tmp_path / "wire.jsonl"
    rows.write_text("".join(json.dumps({"outlet": o, "url": f"https://{o.lower()}.example/quake", "text": text,
                                        "published": "2024-03-11T10:00:00Z"}) + "\n" for o in ("Alpha", "Beta", "Gamma"))
                    + json.dumps({"outlet": "Alpha", "url": "https://alpha.example/quake-copy", "text": text}) + "\n")
    result = run("ingest", str(rows), "--db", db)
    # three outlets' copies are three articles; Alpha's second copy of its own text is a repeat
    assert "stored 3 new article(s); 1 already stored" in result.stderr
    (story,) = jsonl(run("stories", "--db", db, "--json").stdout)
    assert story["n_articles"] == 3 and sorted(story["outlets"]) == ["Alpha", "Beta", "Gamma"]
    shown = json.loads(run("show", story["id"], "--db", db, "--json").stdout)
    assert shown["stories"][0]["independent_sources"] == 1


def test_a_later_run_backfilling_older_news_joins_the_stories_stored_before(tmp_path):
    db = str(tmp_path / "runs.db")
    wire = ("VOBRINIK (Reuters) — A bus carrying 51 passengers crashed near Vobrinik on Thursday, killing 6 "
            "people, the Torpal Authority said. Kalin Bersulbri said the road would stay closed. ") * 2
    first = tmp_path / "monday.jsonl"
    first.write_text(
        json.dumps({"id": "w1", "outlet": "Reuters", "url": "https://r.example/bus", "published": "2024-02-23T19:00:00Z",
                    "text": wire}) + "\n"
        + json.dumps({"id": "x1", "outlet": "Helsta Wire", "url": "https://h.example/fire",
                      "published": "2024-04-27T12:00:00Z",
                      "text": "A fire destroyed 340 homes in Oltevnik on Saturday, firefighters said. " * 3}) + "\n")
    backfill = tmp_path / "backfill.jsonl"
    backfill.write_text(json.dumps({"id": "w2", "outlet": "Tevka Gazette", "url": "https://t.example/bus",
                                    "published": "2024-02-24T21:00:00Z", "text": wire}) + "\n")
    run("ingest", str(first), "--db", db)
    run("ingest", str(backfill), "--db", db)  # February's reprint, after April is stored
    sizes = sorted(s["n_articles"] for s in jsonl(run("stories", "--db", db, "--json").stdout))
    assert sizes == [1, 2]  # the reprint joined February's story


def _pages(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        (folder / f"p{i:03d}.html").write_text(badcorpus.good_html(i, title=f"Harbour report number {i} on item {i * 7919}"))


@pytest.mark.parametrize("workers", [0, 2])
def test_a_stopped_ingest_stores_every_article_it_read_and_a_rerun_stores_the_rest(tmp_path, workers):
    from storydiff.ingest import read_inputs
    from storydiff.pipeline import ingest_stream
    from storydiff.store import open_store

    _pages(tmp_path / "pages", 60)
    asked = 0

    def stop_after_25() -> bool:
        nonlocal asked
        asked += 1
        return asked > 25

    with open_store(str(tmp_path / "stop.db")) as store:
        stats = ingest_stream(store, read_inputs([str(tmp_path / "pages")]), workers=workers, stop=stop_after_25)
    # the 25 taken were still held for ordering when the stop came: they are stored, not lost
    assert stats["interrupted"] and stats["stored"] == 25
    assert _count(tmp_path / "stop.db") == (25, 25)
    with open_store(str(tmp_path / "stop.db")) as store:
        rerun = ingest_stream(store, read_inputs([str(tmp_path / "pages")]), workers=workers)
    assert not rerun["interrupted"] and (rerun["stored"], rerun["skipped"]) == (35, 25)
    assert _count(tmp_path / "stop.db") == (60, 60)


def test_the_first_interrupt_asks_to_stop_and_the_second_stops_at_once():
    from storydiff.serve.cli import stop_requests

    before = signal.getsignal(signal.SIGINT)
    with stop_requests() as stop:
        assert not stop()
        os.kill(os.getpid(), signal.SIGTERM)
        assert stop()  # asked, not raised: the run decides where to stop
        with pytest.raises(KeyboardInterrupt):
            os.kill(os.getpid(), signal.SIGINT)
    assert signal.getsignal(signal.SIGINT) is before


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def test_ctrl_c_stops_an_ingest_with_workers_and_keeps_what_it_read(tmp_path):
    # Ctrl-C in a terminal signals the whole process group, the extraction workers included
    n = 400
    _pages(tmp_path / "pages", n)
    db = tmp_path / "int.db"
    cmd = [sys.executable, "-m", "storydiff", "ingest", str(tmp_path / "pages"), "--db", str(db), "--workers", "2"]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, start_new_session=True)
    # interrupt once its first chunk is stored: the rest is still being read (a fixed wait after
    # the database appeared raced the whole run on an idle machine once ingest got faster)
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and not _has_articles(db):
        time.sleep(0.02)
    assert proc.poll() is None, "ingest finished before it could be interrupted; make the corpus larger"
    os.killpg(proc.pid, signal.SIGINT)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    assert "run the same command again" in stderr and "Traceback" not in stderr
    stored = int(stderr.split("stored ")[1].split()[0])
    assert _count(db) == (stored, stored)
    rerun = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert rerun.returncode == 0, rerun.stderr
    assert _count(db) == (n, n)


# Three events, each told by two outlets in their own words (invented).
TWO_OUTLETS = [
    ("Harbour crane collapses in Velmar",
     "A container crane collapsed at the port of Velmar on Monday, injuring four dockworkers, harbour master "
     "Ilsa Brandt said. The Korvane Shipping crane folded onto a berth during unloading.",
     "Four dockworkers were hurt when a Korvane Shipping crane came down at Velmar port on Monday. Harbour "
     "master Ilsa Brandt said the crane buckled while a ship was being unloaded at the berth."),
    ("Zarlum school roof replaced",
     "Pupils at Zarlum Primary returned to classrooms under a new roof, headteacher Oren Pasco said, after "
     "storm damage in the spring closed the Zarlum building for 41 days.",
     "Zarlum Primary reopened on Tuesday with its roof rebuilt, headteacher Oren Pasco told parents; the "
     "Zarlum school had been shut for 41 days after a spring storm tore the roof off."),
    ("Ostrel valley farmers protest milk prices",
     "Hundreds of farmers drove tractors into Kavren to protest low milk prices, the Ostrel Farmers Union "
     "said. Union leader Mara Ilvik demanded a floor price of 42 cents a litre.",
     "Tractors blocked central Kavren as Ostrel valley dairy farmers protested milk prices. Mara Ilvik of "
     "the Ostrel Farmers Union called for a guaranteed 42 cents a litre."),
]


def test_two_ingests_at_once_group_as_one_would(tmp_path):
    from storydiff.ingest import read_inputs
    from storydiff.pipeline import ingest_stream
    from storydiff.store import open_store

    halves = []
    for half in (0, 1):
        path = tmp_path / f"half{half}.jsonl"
        path.write_text("".join(
            json.dumps({"id": f"e{k}-{half}", "outlet": f"Outlet {half}", "title": title, "text": texts[half],
                        "published": f"2024-05-0{k + 1}T0{half + 8}:00:00Z"}) + "\n"
            for k, (title, *texts) in enumerate(TWO_OUTLETS)), encoding="utf-8")
        halves.append(str(path))
    db = str(tmp_path / "both.db")

    def first_half_then_the_other_process_stores_the_second():
        # Both runs have started (loaded the stored stories: none) before either stored anything.
        yield from read_inputs([halves[0]])
        with open_store(db) as other:
            assert ingest_stream(other, read_inputs([halves[1]]))["stored"] == 3

    with open_store(db) as store:
        assert ingest_stream(store, first_half_then_the_other_process_stores_the_second())["stored"] == 3
    con = sqlite3.connect(db)
    together = dict(con.execute("select id, story_id from articles").fetchall())
    con.close()
    assert len(together) == 6
    assert len(set(together.values())) == 3
    assert all(together[f"e{k}-0"] == together[f"e{k}-1"] for k in range(3))



def test_nothing_read_at_all_exits_1_and_a_partly_bad_batch_exits_0(tmp_path):
    missing = str(tmp_path / "no-such.jsonl")
    db = str(tmp_path / "x.db")
    for args in (("extract", missing), ("quotes", missing), ("compare", missing), ("ingest", missing, "--db", db),
                 ("cluster", missing)):
        result = run(*args)
        assert result.exit_code == 1, args
        assert f"error: {missing}: no such file" in result.stderr and "Traceback" not in result.stderr
    bad_rows = tmp_path / "bad.jsonl"
    bad_rows.write_text('{"id": "x1", "text": ""}\n{"id": "x2", "text": "   "}\n', encoding="utf-8")
    result = run("cluster", str(bad_rows), "--workers", "0")
    assert result.exit_code == 1 and result.stdout == ""  # an empty text is refused, as ingest refuses it
    assert "row has an empty 'text'" in result.stderr
    assert run("ingest", str(bad_rows), "--db", db).exit_code == 1
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = run("cluster", str(empty))
    assert result.exit_code == 1 and "no rows to group" in result.stderr
    # a binary file is one error for the file, as ingest says it (QA pass 18: 18 "bad row" lines)
    binary = tmp_path / "photo.html"
    binary.write_bytes(bytes(range(256)) * 40)
    result = run("cluster", str(binary), "--workers", "0")
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr.strip().splitlines()[0] == f"error: {binary}: binary content, not text", result.stderr
    assert "bad row" not in result.stderr
    broken = tmp_path / "rows.jsonl.gz"  # and a gzip broken at its start: one line, no traceback
    broken.write_bytes(b"\x1f\x8bnot a gzip stream at all")
    result = run("cluster", str(broken), "--workers", "0")
    assert result.exit_code == 1 and "truncated or corrupt gzip" in result.stderr and "Traceback" not in result.stderr
    # one readable input is enough for success without --strict
    assert run("extract", UNN, missing).exit_code == 0
    assert run("extract", UNN, missing, "--strict").exit_code == 1
    assert run("ingest", UNN, "--db", db).exit_code == 0
    assert run("ingest", UNN, "--db", db).exit_code == 0  # all already stored is no failure


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups are POSIX")
def _catches(pid: int, sig: int, timeout: float) -> bool:
    """Whether process ``pid`` has a handler for ``sig`` (Linux: SigCgt in /proc), waiting up to
    ``timeout`` s: a signal sent before then would find the default action, however slow the machine."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        try:
            status = Path(f"/proc/{pid}/status").read_text()
        except OSError:
            return False
        caught = next((int(line.split()[1], 16) for line in status.splitlines() if line.startswith("SigCgt:")), 0)
        if caught & (1 << (sig - 1)):
            return True
        time.sleep(0.05)
    return False


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="reads signal masks from /proc (Linux)")
def test_ctrl_c_on_cluster_writes_the_rows_placed_so_far(tmp_path):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", "text": f"Report {i} on the Velmar harbour works, item {i * 7919}."})
                            + "\n" for i in range(60_000)), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "storydiff", "cluster", str(rows)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    # Ctrl-C before the command catches it would be Python's own KeyboardInterrupt: wait for its handler
    assert _catches(proc.pid, signal.SIGTERM, timeout=120), "cluster never installed its stop handler"
    time.sleep(0.5)
    assert proc.poll() is None, "cluster finished before it could be interrupted; make the input larger"
    os.killpg(proc.pid, signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=120)
    assert proc.returncode == 130, stderr
    written = jsonl(stdout)
    assert f"interrupted: wrote the {len(written)} row(s) placed so far" in stderr
    assert [r["id"] for r in written] == [f"r{i}" for i in range(len(written))]


# -- a newcomer's first commands: help, pipes, a log file ----------------------------------------


def test_help_shows_no_type_for_flags():
    for command in ("compare", "extract", "demo", "stories"):
        shown = run(command, "--help", env={"COLUMNS": "120"}).stdout
        assert "<bool>" not in shown, command
        assert "--json" in shown and "--help" in shown
    assert "INTEGER" in run("stories", "--help", env={"COLUMNS": "120"}).stdout  # an option with a value keeps its type


def test_help_says_what_the_commands_and_options_do():
    """The command list keeps each description's words in running lines (a docstring's line breaks
    once cut watch's in mid-list); --semantic names the default as it is, words alone (the judge
    is not the default: FactSettings.scorer); spark's usage names the command a user typed."""
    from storydiff.settings import FactSettings

    listed = run("--help", env={"COLUMNS": "400"}).stdout
    assert "robots.txt obeyed, conditional requests, one request at a time per host), stores" in listed
    shown = " ".join(run("compare", "--help", env={"COLUMNS": "400"}).stdout.split())
    assert FactSettings().scorer == "learned" and "not by words alone as by default" in shown
    assert "judge aligns better" not in shown
    spark = run("spark", "--help")
    assert "usage: storydiff spark" in spark.stdout, spark.stdout


@pytest.mark.parametrize("command", ["extract", "compare", "ingest", "show", "search", "watch", "cluster", "same-fact"])
def test_help_names_arguments_and_types_in_plain_words(command):
    """Not Python's spelling of a type (<list[str]>, <int range>, <str>) nor {paths}..."""
    shown = run(command, "--help", env={"COLUMNS": "100"}).stdout
    assert not re.search(r"<(list\[|int|float|str|path)", shown), shown
    assert "{" not in shown.split("\n", 3)[1]  # the usage line: PATHS..., STORY_ID, QUERY
    usage = next(line for line in shown.splitlines() if "Usage:" in line)
    assert re.search(r"\[OPTIONS\] [A-Z_]+(\.\.\.)?\s*$", usage), usage


@pytest.mark.parametrize("args", [["extract", "--json", UNN], ["extract", UNN], ["demo"]])
def test_a_closed_pipe_ends_the_command_quietly_with_status_0(args):
    # `storydiff demo | head`: the reader has gone before the report is written
    proc = subprocess.Popen([sys.executable, "-m", "storydiff", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**os.environ, "COLUMNS": "80"})
    proc.stdout.close()
    err = proc.stderr.read().decode()
    assert proc.wait(timeout=300) == 0, err
    assert "Traceback" not in err and "Exception ignored" not in err and "Broken pipe" not in err


def test_a_closed_pipe_holding_stderr_too_ends_the_command_with_status_0():
    # `storydiff demo 2>&1 | head -1`: the reader goes after the first line, a diagnostic, so the
    # warning that follows meets the closed pipe on stderr (Rich's stderr console ended with 1)
    proc = subprocess.Popen([sys.executable, "-m", "storydiff", "demo"], stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, env={**os.environ, "COLUMNS": "80"})
    assert proc.stdout.readline().startswith(b"storydiff demo: ")
    proc.stdout.close()
    assert proc.wait(timeout=300) == 0


@pytest.mark.parametrize("columns", [110, 140])
def test_each_headline_reads_whole_at_a_common_terminal_width(columns):
    # at 110 columns the articles' table left a title 8 columns, one word a line ("Strong",
    # "earthq…", "kills"...): below ARTICLES_TABLE_WIDTH the articles are blocks, above a table
    done = run("demo", env={"COLUMNS": str(columns)})
    assert done.exit_code == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= columns
    # the title as the reader sees it: a block's line, or the table's title cells on at most 2 rows
    cells = [x.split("│")[3].strip() if x.count("│") >= 8 else x for x in lines]
    for title in ("Strong earthquake kills 12 in Berovac, hundreds left homeless",
                  "Berovac quake: 14 dead as town hall collapses"):
        assert any(title in " ".join(cells[i:i + 2]) for i in range(len(cells))), title
    assert ("┃ title" in done.stdout) == (columns >= 120)


def test_demo_into_a_pipe_reads_as_plain_text_at_80_columns():
    done = subprocess.run([sys.executable, "-m", "storydiff", "demo"], capture_output=True, text=True,
                          env={**os.environ, "COLUMNS": "80"}, timeout=300)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 and "\x1b[" not in done.stdout
    # the Ukrainian report of the Berovac quake joins its English story
    assert "7 articles → 3 stories" in lines[0]
    # each headline whole on one or two lines, each date whole in the one format
    for title in ("Strong earthquake kills 12 in Berovac, hundreds left homeless",
                  "Berovac quake: 14 dead as town hall collapses"):
        assert sum(title in " ".join(lines[i:i + 2]) for i in range(len(lines))) >= 1, title
    assert "2024-03-11 08:40 UTC" in done.stdout and "2024-03-11 11:15 UTC" in done.stdout
    assert "2024-03-11T" not in done.stdout and not re.search(r"\d…", done.stdout)  # no date cut to fit
    # a fact's evidence: the other outlet's sentence with its match score named, all its lines
    # indented under its own start (they fell back to the bullet's column, under the fact)
    evidence = [i for i, line in enumerate(lines) if line.startswith("      UNN (match ")]
    assert len(evidence) >= 5
    for i in evidence:
        following = list(itertools.takewhile(lambda x: x.startswith("   ") and not x.startswith(" • "), lines[i + 1:]))
        assert all(x.startswith("      ") for x in following), lines[i:i + 4]
    # the Ukrainian report sits in the Berovac story: its facts are aligned across languages
    assert any(line.startswith("Facts reported by several outlets (10, matched by words; across languages")
               for line in lines)


def test_extract_at_80_columns_keeps_each_source_and_title_whole(monkeypatch):
    """A block of lines per article below 100 columns (a pipe, a log): a table there gave a title
    ten lines and cut every source to "/tmp/newco…", the one thing that says which file it was."""
    monkeypatch.chdir(EXAMPLES.parent)  # sources as short as a user's own: examples/NAME
    result = run("extract", "examples", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80 and "…" not in result.stdout
    assert len(lines) <= 4 * 7  # 7 articles: source, title (two lines at most), details; a table: 62
    for name in ("euromaidanpress-kallas-ft.txt", "quake-berovac-wire.html", "exports-lantern-herald.jsonl#L1"):
        assert name in result.stdout
    assert "Strong earthquake kills 12 in Berovac, hundreds left homeless" in result.stdout
    # what the README lists: outlet, date, authors, dateline, language, cited origins
    wire = lines[lines.index(next(x for x in lines if x.endswith("quake-berovac-wire.html"))) + 2]
    assert "Ostrania Press Agency · 2024-03-11 08:40 UTC · by Mira Tallent · dateline" in wire
    wide = run("extract", str(EXAMPLES), env={"COLUMNS": "140"})
    assert "┃ source" in wide.stdout and "…" not in wide.stdout  # the source folded, not cut


def test_search_reads_well_at_80_and_at_140_columns(tmp_path):
    """Times in the one format, never cut (it printed '2024-09-02T18:30:' over '00+00:00'); below
    100 columns a block per hit, not tables of 15-line cells; an article's words without its title
    printed twice above them; an unnamed speaker said so, not '?'."""
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    db = str(tmp_path / "news.db")
    assert run("ingest", str(EXAMPLES), "--db", db).exit_code == 0
    narrow = run("search", "earthquake", "--db", db, env={"COLUMNS": "80"}).stdout
    lines = narrow.splitlines()
    assert max(len(line) for line in lines) <= 80 and "┃" not in narrow
    assert len(lines) <= 25, narrow  # 2 stories and 4 articles; the tables took 72 lines
    assert "Tidewater Post · 2024-09-02 18:30 UTC · article" in narrow and "T18:30" not in narrow
    # the article's title once; its story under the story's own title, as `stories` lists it (QA pass 26a, 15)
    assert narrow.count("Marisol earthquake: ferries halted, four hurt by falling glass") == 1
    titles = {s["id"]: s["title"] for s in map(json.loads, run("stories", "--db", db, "--json").stdout.splitlines())}
    story_line = next(x for x in lines if x.startswith("s") and "match" in x)
    assert titles[story_line.split()[0]][:20] in narrow
    assert "(s)" not in narrow
    wide = run("search", "earthquake", "--db", db, env={"COLUMNS": "140"}).stdout
    assert "2024-09-02 18:30 UTC" in wide and "T18:30" not in wide and "┃ story" in wide
    quotes = run("search", "rubble", "--speaker", "Varnik", "--db", db, env={"COLUMNS": "80"}).stdout
    assert "speaker not named yet" in quotes or "Ilse Varnik" in quotes
    assert "?" not in quotes
    page = TestClient(create_app(db)).get("/search", params={"q": "earthquake"}).text
    assert page.count("Marisol earthquake: ferries halted, four hurt by falling glass") == 1  # the web page too


def test_quotes_at_80_columns_wrap_under_their_own_text(monkeypatch):
    """Each quote a bullet whose lines wrap under its text: they began at column 0, after lines
    ending in a space, so a quote's end could not be told from the next one's start."""
    monkeypatch.chdir(EXAMPLES)
    result = run("quotes", "unn-kallas-ft.txt", "quake-berovac-wire.html", env={"COLUMNS": "80"})
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)
    sources = [line for line in lines if not line.startswith(" ")]
    assert sources == ["unn-kallas-ft.txt", "quake-berovac-wire.html"]
    bullets = [line for line in lines if line.startswith(" • ")]
    assert len(bullets) == 6 + 4 and all(line.startswith(("   ", " • ")) for line in lines if line not in sources)
    assert " • Petar Holm: “Newer homes mostly stood.” [1011:1036]" in lines


def test_sources_with_none_followed_says_how_to_start(tmp_path):
    """Not an empty table under its legend: what to do next, as the web page's /sources says."""
    db = str(tmp_path / "news.db")
    assert run("ingest", str(EXAMPLES / "unn-kallas-ft.txt"), "--db", db).exit_code == 0
    result = run("sources", "--db", db, env={"COLUMNS": "80"})
    assert result.exit_code == 0 and result.stdout == ""  # nothing for a script to read
    assert "no sources followed yet: start with storydiff watch" in result.stderr


def test_ingest_counts_failures_once_and_search_json_is_what_its_help_says(tmp_path):
    db = str(tmp_path / "news.db")
    (tmp_path / "empty.html").write_text("")
    result = run("ingest", str(EXAMPLES / "unn-kallas-ft.txt"), str(tmp_path / "empty.html"), "--db", db)
    assert result.exit_code == 0 and "1 failed" in result.stderr
    assert "item(s) failed" not in result.stderr  # said once, on the summary line
    assert "one JSON document on stdout" in " ".join(run("search", "--help", env={"COLUMNS": "120"}).stdout.split())
    found = json.loads(run("search", "Kallas", "--db", db, "--json").stdout)  # one document, not JSON Lines
    assert set(found) >= {"query", "stories", "articles", "quotes"}


def test_demo_shows_a_number_conflict_and_no_false_quote_warning():
    """The reprint ran hours later with a higher death toll: a newcomer sees "numbers differ";
    no quote of the demo is flagged as changing its meaning (none does)."""
    result = run("demo", "--json")
    assert result.exit_code == 0
    data = json.loads(result.stdout[result.stdout.index("{"):])
    conflicts = [c for s in data["stories"] for f in s["facts"] for c in f["conflicts"]]
    assert any("12" in c and "14" in c and "Daily Lantern" in c for c in conflicts), conflicts
    changes = [v["changes"] for s in data["stories"] for q in s["quotes"] for v in q["versions"] if v["changes"]]
    assert changes == []
    # every shared fact carries each outlet's own sentence
    shared = [f for s in data["stories"] for f in s["facts"] if f["match"] == "same"]
    assert shared and all({v["article_id"] for v in f["versions"]} >= set(f["article_ids"]) for f in shared)


def test_compare_lists_stories_of_one_article_a_line_each_and_deep_prints_them_whole():
    """A batch's one-article stories have nothing to compare: a line each (outlet, title, what
    they hold) after the compared stories; --deep prints every one in full, facts and all."""
    quake = str(EXAMPLES / "quake-berovac-wire.html")
    args = ("compare", EURO, UNN, quake, "--workers", "0")
    short = run(*args, env={"COLUMNS": "200"})
    assert short.exit_code == 0
    out = short.stdout
    assert "3 articles → 2 stories" in out
    assert "Stories of one article (1;" in out
    assert "Strong earthquake kills 12 in Berovac" in out  # the quake's title, in its line
    assert "Facts (11; one report so far)" not in out and "Facts (" not in out.split("Stories of one article")[1]
    assert "2 articles" in out  # the seed pair still compared in full
    whole = run(*args, "--deep", env={"COLUMNS": "100"})
    assert whole.exit_code == 0
    assert "Stories of one article" not in whole.stdout
    assert "one report so far" in whole.stdout


def test_stories_refuses_a_limit_below_one(tmp_path):
    # "--limit 0" and "--limit -5" printed nothing and exited 0, as if the database were empty (QA pass)
    db = str(tmp_path / "s.db")
    assert runner.invoke(app, ["ingest", EURO, UNN, "--db", db]).exit_code == 0
    for bad in ("0", "-5"):
        result = runner.invoke(app, ["stories", "--limit", bad, "--db", db])
        assert result.exit_code == 2 and "--limit" in result.stderr
    assert len(runner.invoke(app, ["stories", "--limit", "1", "--db", db, "--json"]).stdout.splitlines()) == 1


def test_cluster_gives_a_reused_id_with_another_text_an_id_of_its_own(tmp_path):
    # second QA pass: the second "e1" (a central-bank report) took the flood report's story and the
    # two output lines could not be told apart
    flood = "Mayor Ivan Varnik said on Monday that 14 people died in the flood in Berovac. Rescue teams worked all night."
    bank = "The central bank of Ostrania raised its key rate to 7 percent on Tuesday, citing inflation at a decade high."
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps(r) + "\n" for r in [{"id": "e1", "text": flood}, {"id": "e1", "text": bank},
                                                           {"id": "e1", "text": flood}]))
    result = runner.invoke(app, ["cluster", str(rows), "--workers", "0"])
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out][0::2] == ["e1", "e1"] and out[1]["id"].startswith("e1~")
    assert out[0]["story_id"] == out[2]["story_id"] != out[1]["story_id"]  # the repeat is the same row
    assert "rows.jsonl#L2" in result.stderr and out[1]["id"] in result.stderr


def test_a_report_written_into_the_folder_it_compares_is_not_read_back_as_an_article(tmp_path):
    import shutil

    news = tmp_path / "news"
    news.mkdir()
    for name in ("quake-berovac-wire.html", "quake-berovac-obrii-uk.html"):
        shutil.copy(EXAMPLES / name, news / name)
    first = json.loads(run("compare", str(news), "--json", "--html", str(news / "report.html")).stdout)
    again = json.loads(run("compare", str(news), "--json").stdout)
    assert len(again["articles"]) == len(first["articles"]) == 2
    assert [len(s["facts"]) for s in again["stories"]] == [len(s["facts"]) for s in first["stories"]]
    assert 'name="generator" content="storydiff"' in (news / "report.html").read_text()
    # a glob skips it too; a page that only names storydiff in its text is read
    (news / "about.html").write_text("<html><head><title>storydiff</title></head><body><article><p>"
                                     + "A page about the storydiff generator, with enough words to be an article. " * 5
                                     + "</p></article></body></html>")
    from storydiff.ingest.paths import expand_inputs

    assert sorted(os.path.basename(p) for p in expand_inputs([str(news / "*.html")])) == [
        "about.html", "quake-berovac-obrii-uk.html", "quake-berovac-wire.html"]
