"""The Spark job groups like the CLI and reports failures, in local[2] mode (one session, one run)."""

from __future__ import annotations

import glob
import gzip
import importlib.util
import json
import os
import shutil
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from example_items import GALLERY

from storydiff.spark_job import plan_ranges, union_find_roots, warm_ranges

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storydiff" / "examples"
DAY = 86400.0

# -- pure planning helpers (no Spark needed) -----------------------------------------------------


def test_plan_ranges_cuts_by_count_and_keeps_ranges_a_window_wide():
    counts = {0: 5, 1: 5, 2: 5, 10: 5, 11: 5, 30: 5}
    starts = plan_ranges(counts, n_ranges=3, min_days=7)
    assert starts[0] == 0
    assert all(b - a >= 7 for a, b in zip(starts, starts[1:], strict=False))
    assert len(starts) == 3
    assert plan_ranges({}, 4, 7) == []
    assert plan_ranges({5: 1}, 4, 7) == [5]


def test_warm_ranges_only_reach_the_window_before_a_range_start():
    starts = [0, 10, 20]
    assert warm_ranges(starts, 9.5 * DAY, 7 * DAY) == [1]  # half a day before range 1
    assert warm_ranges(starts, 2.0 * DAY, 7 * DAY) == []  # 8 days before: out of the window
    assert warm_ranges(starts, 21.0 * DAY, 7 * DAY) == []  # last range: nothing after


def test_union_find_joins_chains_and_keeps_others_apart():
    roots = union_find_roots([((0, "a"), (1, "b")), ((1, "b"), (2, "c")), ((5, "x"), (6, "y"))])
    assert roots[(0, "a")] == roots[(1, "b")] == roots[(2, "c")]
    assert roots[(5, "x")] == roots[(6, "y")] != roots[(0, "a")]


# -- the job in local mode ------------------------------------------------------------------------

# Three invented stories whose days cross a time-range boundary (the bridge story runs 16 days).
_STORIES = {
    "bridge": (
        [0, 4, 8, 12, 16],
        "Quillon harbour bridge",
        "The Quillon harbour bridge over the Vessa river {verb} on day {n}, said engineer Tomas Reyk of "
        "Quillon Harbour Authority. Mayor Irena Dolst said the Vessa crossing carried 40,000 cars a day. "
        "Reyk said cracks in the north pylon of the Quillon bridge were found by divers.",
    ),
    "election": (
        [2, 3],
        "Vetrano mayoral vote",
        "Voters in Vetrano {verb} a new mayor on day {n}. Candidate Lia Marsk of the Green Coast party "
        "led Oren Pasco by 312 votes, the Vetrano election board said.",
    ),
    "flood": (
        [20, 22],
        "Ostrel valley flood",
        "The Ostrel river {verb} its banks on day {n}, flooding 60 homes in Kavren, the Ostrel valley "
        "fire brigade said. Chief Mara Ilvik said pumps from Dunmere arrived overnight.",
    ),
}
_VERBS = ["closed", "stayed shut", "was inspected", "reopened partly", "reopened"]


def _generated_jsonl(path: Path) -> None:
    base = datetime(2024, 5, 1, 9, tzinfo=timezone.utc)
    rows = []
    for key, (days, title, text) in _STORIES.items():
        for n, day in enumerate(days):
            rows.append(
                {
                    "id": f"{key}-{n}",
                    "url": f"https://gazette{n}.example.org/{key}/{n}",
                    "outlet": f"Gazette {n}",
                    "title": f"{title}: update {n}",
                    "published": (base + timedelta(days=day)).isoformat(),
                    "text": text.format(verb=_VERBS[n % len(_VERBS)], n=day),
                }
            )
    # Two briefs filled into one template, 15 days apart (two windows): half their shingles are
    # the same, none of their names; the cross-range reprint merge must not join them.
    for n, (who, town, day) in enumerate([("Hello Lopalsul", "Stamarnik", 1), ("Sulquin Danzordan", "Torzorlo", 16)]):
        rows.append(
            {
                "id": f"gallery-{n}",
                "outlet": f"Town Crier {n}",
                "title": f"New venue in {town}",
                "published": (base + timedelta(days=day)).isoformat(),
                "text": GALLERY.format(who=who, town=town, n=20 - 15 * n),
            }
        )
    rows.sort(key=lambda r: r["published"])  # chronological: the CLI's input order = publication order
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")


def _java_available() -> bool:
    import os

    return bool(shutil.which("java") or os.environ.get("JAVA_HOME"))


@pytest.fixture(scope="module")
def spark():
    if importlib.util.find_spec("pyspark") is None:
        pytest.skip("pyspark is not installed")
    if not _java_available():
        pytest.skip("java is not available for Spark")
    from pyspark.sql import SparkSession

    session = (
        SparkSession.builder.master("local[2]")
        .appName("storydiff-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.default.parallelism", "2")
        .config("spark.ui.showConsoleProgress", "false")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


@pytest.fixture(scope="module")
def run(spark, tmp_path_factory):
    from storydiff.spark_job import run_job

    tmp = tmp_path_factory.mktemp("spark")
    _generated_jsonl(tmp / "generated.jsonl")
    (tmp / "broken.jsonl").write_text('{"id": "x", "text": \n{"id": "y"}\n', encoding="utf-8")
    (tmp / "truncated.html.gz").write_bytes(gzip.compress(b"<html><body><p>cut" * 50)[:40])
    inputs = sorted(
        str(p) for ext in ("txt", "html", "jsonl", "rss") for p in glob.glob(str(EXAMPLES / f"*.{ext}"))
    )
    # another vendor's export numbering its rows as the first one does: a different article under "flood-0"
    (tmp / "vendor2.jsonl").write_text(json.dumps({
        "id": "flood-0", "outlet": "Town Crier", "title": "New venue in Stamarnik", "published": "2024-05-03T10:00:00+00:00",
        "text": GALLERY.format(who="Hello Lopalsul", town="Stamarnik", n=20)}) + "\n", encoding="utf-8")
    inputs += [str(tmp / "generated.jsonl"), str(tmp / "broken.jsonl"), str(tmp / "truncated.html.gz"),
               str(tmp / "vendor2.jsonl")]
    out = tmp / "out"
    counts = run_job(spark, inputs, str(out), time_partitions=3)
    return inputs, out, counts


def _read_jsonl(folder: Path) -> list[dict]:
    return [
        json.loads(line) for f in sorted(folder.glob("part-*")) for line in f.read_text("utf-8").splitlines()
    ]


def _spark_groups(out: Path) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for a in _read_jsonl(out / "articles"):
        groups.setdefault(a["story_id"], set()).add(a["id"])
    return {frozenset(g) for g in groups.values()}


def test_grouping_equals_the_cli_grouping_in_publication_order(run):
    """The job clusters in publication order; so does the CLI when given the articles that way
    (in the bundled examples' file order the September Marisol story arrives before the March
    Berovac wire, and the CLI's clusterer has already evicted March by then)."""
    from storydiff.pipeline import extract_paths, group_articles
    from storydiff.records import Article
    from storydiff.spark_job import time_key
    from storydiff.versions.batch import dedupe_ids

    inputs, out, counts = run
    read = [(n, item) for n, item in enumerate(extract_paths(inputs)) if isinstance(item, Article)]
    articles = [(time_key(a, (n,)), a) for n, a in dedupe_ids(read)]
    reused = [a.id for _, a in articles if a.id.startswith("flood-0")]
    assert len(reused) == 2 and "flood-0" in reused  # the second vendor's row is kept, under a scoped id
    chronological = [a for _, a in sorted(articles, key=lambda ka: ka[0])]
    # compared by source: an id from page text without a URL hashes the cleaned text, which may
    # differ with the other pages a batch held (the template learnt from them)
    cli = {frozenset(a.source for a in members) for members in group_articles(chronological).values()}
    spark_groups: dict[str, set[str]] = {}
    for a in _read_jsonl(out / "articles"):
        spark_groups.setdefault(a["story_id"], set()).add(a["source"])
    assert {frozenset(g) for g in spark_groups.values()} == cli
    assert counts["articles"] == len(articles)
    assert counts["time_ranges"] == 3
    assert counts["linked_stories"] >= 2  # the bridge story crossed a range boundary and was stitched


def test_the_example_stories(run):
    _, out, _ = run
    groups = _spark_groups(out)
    by_name = {}
    for a in _read_jsonl(out / "articles"):
        file_name = Path(a["source"].split("#")[0]).name
        by_name[file_name + ("#" + a["id"] if "#" in a["source"] else "")] = a["id"]
    kallas = {by_name["euromaidanpress-kallas-ft.txt"], by_name["unn-kallas-ft.txt"]}
    # the wire report, its reprint and the Ukrainian report, joined across languages
    berovac = {by_name["quake-berovac-wire.html"], "lantern-berovac", by_name["quake-berovac-obrii-uk.html"]}
    marisol = {
        next(v for k, v in by_name.items() if k.startswith("tidewater-post-feed.rss")),
        "herald-marisol",
    }
    assert kallas in groups
    assert berovac in groups
    assert marisol in groups  # together, and (being an exact group) apart from Berovac
    assert {f"bridge-{n}" for n in range(5)} in groups
    assert {"election-0", "election-1"} in groups and {"flood-0", "flood-1"} in groups


def test_stories_are_compared_with_deep_analysis(run):
    _, out, counts = run
    stories = _read_jsonl(out / "stories")
    assert len(stories) == counts["stories"] == len(_spark_groups(out))
    berovac = next(s for s in stories if "lantern-berovac" in s["article_ids"])
    assert len(berovac["article_ids"]) == 3  # the wire, its reprint and the Ukrainian report
    assert berovac["quotes"], "quotes need the spaCy parse: deep analysis ran for the multi-article story"
    assert berovac["independent_sources"] == 1  # the reprint is not a second source


def test_failures_name_source_and_reason(run):
    _, out, counts = run
    failures = _read_jsonl(out / "failures")
    assert len(failures) == counts["failures"]
    by_source = {f["source"]: f for f in failures}
    bad_line = next(f for s, f in by_source.items() if s.endswith("broken.jsonl#L1"))
    assert "invalid JSON" in bad_line["reason"]
    assert any(
        s.endswith("broken.jsonl#L2 (id y)") and "no non-empty" in f["reason"] for s, f in by_source.items()
    )
    truncated = next(f for s, f in by_source.items() if s.endswith("truncated.html.gz"))
    assert truncated["reason"] and truncated["stage"]


def test_parquet_output_and_stitching_without_reprint_merge(spark, run, tmp_path):
    """Without the MinHash merge, only the warm-up overlap can keep the 16-day bridge story whole."""
    from storydiff.spark_job import run_job

    inputs, _, _ = run
    jsonl = [p for p in inputs if p.endswith(("generated.jsonl", "broken.jsonl"))]
    out = tmp_path / "pq"
    counts = run_job(spark, jsonl, str(out), fmt="parquet", time_partitions=2, reprint_merge=False)
    assert counts["time_ranges"] == 2 and counts["reprint_pairs"] == 0
    rows = spark.read.parquet(str(out / "articles")).select("id", "story_id").collect()
    assert len(rows) == counts["articles"] == 11
    bridge = {r["story_id"] for r in rows if r["id"].startswith("bridge-")}
    assert len(bridge) == 1
    assert spark.read.parquet(str(out / "failures")).count() == counts["failures"] == 2


def test_the_job_exits_1_when_nothing_could_be_read(tmp_path):
    import subprocess
    import sys

    if importlib.util.find_spec("pyspark") is None or not _java_available():
        pytest.skip("pyspark and java are needed")
    missing = str(tmp_path / "no-such.jsonl")
    proc = subprocess.run([sys.executable, "-m", "storydiff.spark_job", missing, "--out", str(tmp_path / "out"),
                           "--master", "local[1]"], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1, proc.stderr
    assert json.loads(proc.stdout.splitlines()[-1])["articles"] == 0
    assert "1 item(s) failed: see" in proc.stderr
    failed = _read_jsonl(tmp_path / "out" / "failures")
    assert failed and failed[0]["source"] == missing


# -- versions, zones and paths (QA pass 18) -------------------------------------------------------

_DAM = {"id": "b7", "url": "https://kestrel.example.org/dam", "outlet": "Kestrel News", "title": "Dam breach in Orlen",
        "published": "2024-06-01T19:00:00+00:00",
        "text": "The Orlen dam breached on Saturday evening, flooding 30 homes, officials said.\n"
                "Engineer Pavo Tisk said the dam had been inspected in May."}
_DAM_NOON = {**_DAM, "updated": "2024-06-02T12:00:00+00:00", "text": _DAM["text"].replace("30 homes", "45 homes")}
_DAM_EVENING = {**_DAM_NOON, "updated": "2024-06-02T18:00:00+00:00",
                "text": _DAM_NOON["text"] + "\nTwo villages were evacuated, the police said."}


def test_an_article_read_in_several_versions_is_written_as_its_newest(spark, tmp_path):
    """An article updated twice came out with its original text ("30 homes") while ingest and
    compare kept the 18:00 correction (QA 18 #08); read under two ids at one URL (two vendors'
    rows), it came out twice."""
    from storydiff.spark_job import run_job

    ferry = {"id": "v1", "url": "https://kestrel.example.org/ferry", "outlet": "Kestrel News",
             "title": "Ferry aground off Marn", "published": "2024-06-03T08:00:00+00:00",
             "text": "A ferry ran aground off Marn island on Monday morning with 120 passengers aboard, the coast guard said.\n"
                     "Tugs were sent from the mainland, captain Ilse Varo said."}
    ferry_later = {**ferry, "id": "vendor2-17", "updated": "2024-06-03T10:00:00+00:00",
                   "text": ferry["text"] + "\nAll passengers were taken ashore by noon."}
    rows = [_DAM, _DAM_NOON, _DAM_EVENING, ferry_later, ferry]
    (tmp_path / "month.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    counts = run_job(spark, [str(tmp_path / "month.jsonl")], str(out), time_partitions=1)
    texts = {a["id"]: a["text"] for a in _read_jsonl(out / "articles")}
    assert texts == {"b7": _DAM_EVENING["text"], "vendor2-17": ferry_later["text"]}
    assert counts["articles"] == 2 and counts["failures"] == 0


def test_a_moved_slug_and_a_page_text_saved_again_are_one_article_as_in_compare(spark, tmp_path):
    """A correction whose slug moved with its headline, and a page's text saved again after the
    outlet's edit, are the earlier article's newer version in ``compare`` and ``ingest``; the job
    kept both as two articles of one outlet (review 19's note), each "contradicting" the other."""
    import sys

    from typer.testing import CliRunner

    from storydiff.serve.cli import app
    from storydiff.spark_job import run_job

    sys.path.insert(0, str(Path(__file__).parent))
    from test_resaved_pages import page_text
    from test_revisions import UPDATED_NOTE, odesa_page

    pages = tmp_path / "pages"
    pages.mkdir()
    (pages / "one.html").write_bytes(odesa_page(12, 28, None, slug="drone-strike-injures-12"))
    (pages / "two.html").write_bytes(odesa_page(15, 28, None, slug="drone-strike-injures-15", extra=UPDATED_NOTE))
    (pages / "other.html").write_bytes(odesa_page(15, 28, None, slug="drone-strike-15", outlet="Veyra Post"))
    (pages / "ukrinform.v1.txt").write_text(page_text(41), encoding="utf-8")
    (pages / "ukrinform.v2.txt").write_text(page_text(45), encoding="utf-8")
    out = tmp_path / "out"
    counts = run_job(spark, [str(pages)], str(out), time_partitions=1)
    written = {(a["outlet"], a["text"]) for a in _read_jsonl(out / "articles")}
    cli = json.loads(CliRunner().invoke(app, ["compare", str(pages), "--workers", "0", "--json"]).stdout)
    assert written == {(a["outlet"], a["text"]) for a in cli["articles"]}
    assert counts["articles"] == 3 and counts["failures"] == 0
    assert [t for o, t in written if o == "Harbor Wire"][0].count("injured 15") == 1
    assert any("збили 45" in t for _, t in written) and not any("збили 41" in t for _, t in written)


def test_the_drivers_zone_reaches_the_extraction_tasks(tmp_path, monkeypatch):
    """On a cluster an executor does not inherit the driver's STORYDIFF_ASSUME_TZ: zone-less times
    came out 2 hours off there (QA 18 #13); the job hands the zone to each task."""
    from storydiff.dates import ASSUME_TZ_ENV
    from storydiff.spark_job import extract_partition

    path = tmp_path / "z.jsonl"
    path.write_text(json.dumps({"id": "z1", "title": "Metro station closed", "outlet": "Kyiv Daily",
                                "published": "05.12.2026 10:00",
                                "text": "The Lybidska metro station in Kyiv was closed for repairs on Saturday."}) + "\n")
    monkeypatch.setenv(ASSUME_TZ_ENV, "")  # a worker process started without the driver's variable
    ((kind, _, article),) = list(extract_partition([(0, str(path), None)], "Europe/Kyiv"))
    assert kind == "a" and article.published == "2026-12-05T10:00:00+02:00"
    # the same worker serving a later job without a zone reads UTC again
    ((_, _, article),) = list(extract_partition([(0, str(path), None)], ""))
    assert article.published.startswith("2026-12-05T10:00:00") and not article.published.endswith("+02:00")


def test_assume_tz_is_an_option_of_the_job_checked_before_spark_starts(capsys):
    from storydiff.dates import ASSUME_TZ_ENV
    from storydiff.spark_job import main

    before = os.environ.get(ASSUME_TZ_ENV)
    with pytest.raises(SystemExit) as exit_:
        main(["rows.jsonl", "--out", "out", "--assume-tz", "Europe/Kyif"])
    assert exit_.value.code == 2 and "no time zone 'Europe/Kyif'" in capsys.readouterr().err
    assert os.environ.get(ASSUME_TZ_ENV) == before


def test_relative_input_paths_are_made_absolute_on_the_driver(tmp_path, monkeypatch):
    """A cluster's tasks run in their worker's folder: "rows.jsonl" was "no such file" there (QA 18 #14)."""
    from storydiff.spark_job import input_refs

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "rows.jsonl").write_text("{}\n")
    monkeypatch.chdir(tmp_path)
    for given in ("in/rows.jsonl", "in", "file://in/rows.jsonl"):
        local, hadoop = input_refs([given])
        assert [p for _, p in local] == [str(tmp_path / "in" / "rows.jsonl")] and hadoop == [], given


# -- QA pass 23a: a month of one template's daily reports; the summary's counts ---------------------


def test_bounded_roots_keep_an_event_kind_story_within_the_span_bound():
    from storydiff.spark_job import bounded_roots

    a, b, c, d = (0, "a"), (0, "b"), (1, "c"), (1, "d")
    spans = {a: (10, 11, ((10, 10),)), b: (12, 13, ((12, 12),)), c: (14, 15, ((14, 14),)), d: (40, 50, ())}
    roots = bounded_roots([(a, b), (b, c)], spans, 3)
    assert roots[a] == roots[b] != roots[c]  # 10..13 within 3 days; 10..15 is not, whichever link comes first
    assert bounded_roots([(b, c), (a, b)], spans, 3) == roots
    assert len(set(bounded_roots([(a, b), (b, c)], spans, -1).values())) == 1  # -1: no bound
    # a story whose ledes name no day is not bounded (a bridge built over weeks is one story)
    assert bounded_roots([(d, (2, "e"))], {d: (40, 50, ()), (2, "e"): (60, 61, ())}, 3)[d] == (1, "d")
    # a later report whose lede names the story's own event day joins past the bound, as the
    # clusterer's (review 23c, F3): the earthquake of day 10 told again on day 15
    later = (2, "f")
    spans[later] = (15, 15, ((10, 10),))
    roots = bounded_roots([(a, later)], spans, 3)
    assert roots[a] == roots[later]
    spans[later] = (15, 15, ((14, 14),))  # the next day's event chaining on stays apart
    assert bounded_roots([(a, later)], spans, 3)[later] != bounded_roots([(a, later)], spans, 3)[a]


def test_bucket_pairs_leave_pairs_a_clusterer_saw_to_it():
    import numpy as np

    from storydiff.spark_job import bucket_pairs

    sig = np.arange(64, dtype=np.uint32).tobytes()
    names = np.array([1, 2, 3], dtype=np.uint64).tobytes()
    day = 86400.0
    within = [("a", (0, "sa"), sig, names, 0.0), ("b", (1, "sb"), sig, names, 2 * day)]
    apart = [("a", (0, "sa"), sig, names, 0.0), ("c", (1, "sc"), sig, names, 20 * day)]
    undated = [("a", (0, "sa"), sig, names, 0.0), ("u", (2, "su"), sig, names, None)]
    assert list(bucket_pairs(within, 0.5, 0.5, 7 * day)) == []
    assert [p for p, _ in bucket_pairs(apart, 0.5, 0.5, 7 * day)] == [("a", "c")]
    assert [p for p, _ in bucket_pairs(undated, 0.5, 0.5, 7 * day)] == [("a", "u")]


def _daily_reports(days: int) -> list[dict]:
    """An agency's morning report of the night's drone attack on Ravel, every day, its figures
    and date its own, and a second outlet's word-for-word copy under another headline."""
    from datetime import date

    rows = []
    for i in range(days):
        day = date(2026, 11, 1) + timedelta(days=i)
        killed, injured, drones = 2 + i % 5, 7 + (i * 3) % 11, 30 + i
        text = (f"Russian drones attacked Ravel overnight on {day.day} November, killing {killed} people and injuring "
                f"{injured} others, governor Milo Ashk said on Telegram. Air defence shot down {drones - 3} of {drones} "
                "drones over the region, the air force said. A residential building and an infrastructure facility "
                "were damaged and rescuers are working at the scene, the governor wrote.")
        title = f"{killed} killed, {injured} injured in overnight drone attack on Ravel"
        rows.append({"id": f"agency-{i}", "url": f"https://agency.example.org/news/{i}", "outlet": "Ravel Agency",
                     "title": title, "published": f"{day.isoformat()}T07:00:00+00:00", "text": text})
        rows.append({"id": f"copy-{i}", "url": f"https://daily.example.org/{i}", "outlet": "Ravel Daily",
                     "title": f"Ravel: {title}", "published": f"{day.isoformat()}T09:30:00+00:00", "text": text})
    return rows


def test_a_month_of_daily_reports_is_not_one_story_and_the_summary_counts_what_was_written(spark, tmp_path):
    """QA pass 23a: a month of templated daily reports came out as ONE story (03), the outlet's
    same text at a second address was kept where ingest stores it once (04), and the summary's
    "articles" counted the articles compared, not those written (08)."""
    from storydiff.match.event_dates import publication_day
    from storydiff.settings import MatchSettings
    from storydiff.spark_job import run_job

    rows = _daily_reports(16)
    second_address = {**rows[0], "id": "agency-0-reprint", "url": "https://agency.example.org/reprint/0",
                      "published": "2026-11-01T07:40:00+00:00"}
    rows.append(second_address)
    (tmp_path / "month.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = tmp_path / "out"
    counts = run_job(spark, [str(tmp_path / "month.jsonl")], str(out), time_partitions=2)
    written = _read_jsonl(out / "articles")
    ids = {a["id"] for a in written}
    assert "agency-0-reprint" not in ids and "agency-0" in ids  # the same text at a second address: once
    assert len(written) == len(rows) - 1
    days: dict[str, list[int]] = {}
    for a in written:
        days.setdefault(a["story_id"], []).append(publication_day(a["published"]))
    assert max(max(v) - min(v) for v in days.values()) <= MatchSettings().event_story_span_days
    assert len(days) >= 4
    assert counts["articles"] == len(written)
    assert counts["compared_articles"] + counts["not_compared"] == len(written)


def _out_before_rows() -> list[dict]:
    """The Tessel walkout reported on Monday morning, the port's lawsuit filed "on Monday
    afternoon" and a later report of it naming no part of the day (tests/test_out_before.py), a
    week after four reports of the Quillon bridge: two time ranges, the second replaying the
    first's last week."""
    from test_out_before import LAWSUIT, LAWSUIT_2, WALKOUT_1, WALKOUT_2

    days, title, text = _STORIES["bridge"]
    base = datetime(2026, 6, 1, 9, tzinfo=timezone.utc)
    rows = [{"id": f"bridge-{n}", "outlet": f"Gazette {n}", "title": f"{title}: update {n}",
             "published": (base + timedelta(days=n)).isoformat(), "text": text.format(verb=_VERBS[n], n=n)}
            for n in range(4)]
    for i, ((head, body), when) in enumerate([(WALKOUT_1, "08:10"), (WALKOUT_2, "10:40"), (LAWSUIT, "17:30"),
                                              (LAWSUIT_2, "19:05")]):
        rows.append({"id": f"tessel-{i}", "outlet": f"Tessel Post {i}", "title": head, "text": body,
                     "published": f"2026-06-08T{when}:00+02:00"})
    return rows


def test_the_out_before_veto_keeps_the_same_stories_as_local_cluster(spark, tmp_path):
    """Round 25: the job's clusterer is the local one (OnlineClusterer, MatchSettings' defaults),
    in each time range and in the warm-up replay of the range before, so the out-before veto
    (MatchSettings.out_before_event) keeps the walkout and the lawsuit apart as `storydiff cluster`
    does; stitching links only what a range's clusterer joined."""
    from typer.testing import CliRunner

    from storydiff.match import MatchDoc, OnlineClusterer
    from storydiff.serve.cli import app
    from storydiff.settings import MatchSettings
    from storydiff.spark_job import run_job

    rows = _out_before_rows()
    path = tmp_path / "tessel.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    result = CliRunner().invoke(app, ["cluster", str(path), "--workers", "0"])
    assert result.exit_code == 0, result.output
    local: dict[str, set[str]] = {}
    for line in result.stdout.splitlines():
        if line.startswith("{"):
            placed = json.loads(line)
            local.setdefault(placed["story_id"], set()).add(placed["id"])
    tessel = {frozenset(g) for g in local.values() if any(i.startswith("tessel") for i in g)}
    assert tessel == {frozenset({"tessel-0", "tessel-1"}), frozenset({"tessel-2", "tessel-3"})}
    # the veto has work to do: without it the lawsuit's later report bridges the two stories
    off = OnlineClusterer(MatchSettings(out_before_event=False))
    sids = [off.add(MatchDoc(r["id"], r["text"], r["title"], r["published"])) for r in rows if r["id"].startswith("tessel")]
    assert len({off.resolve(s) for s in sids}) == 1

    counts = run_job(spark, [str(path)], str(tmp_path / "out"), time_partitions=2)
    assert counts["time_ranges"] == 2
    assert _spark_groups(tmp_path / "out") == {frozenset(g) for g in local.values()}
