"""The Spark job beside the CLI pipeline on the same archive: same groups? how fast?

    python bench/spark.py                 # 300 ECB+ dev documents, local[2]
    python bench/spark.py --limit 772     # all of ECB+ dev (several minutes on 2 cores)
    python bench/spark.py --quick         # 120 documents, one Spark run
    python bench/spark.py --time-partitions 8   # more range cuts: does stitching still agree?
    python bench/spark.py --standalone 1 2      # also on a standalone cluster of 1, then 2 workers

Data: ECB+ dev (stories/ecbplus-dev.jsonl; label = event_cluster) written as JSON Lines into a
temporary folder (never the repository), 8 files, in publication order. ECB+ has no dates, so
each topic gets a synthetic day (topic k on day 4k; its second event two days later; documents
up to 36 h apart), which puts both events of a topic, the hard negatives, inside one
clustering window, and makes the time ranges of the Spark job cut through running stories.
Anchor: ``pipeline.compare_paths`` (the CLI's ``compare``: extract, deep analysis, group,
compare in one process) on the same files. Reported: wall time (the Spark run with and without
its session start-up), B-cubed against the gold events, and B-cubed F1 of each grouping
against the CLI's (1.000 = the same groups).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
import zlib
from datetime import datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from clustering import bcubed

DATA = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories" / "ecbplus-dev.jsonl"


def load(limit: int) -> list[dict]:
    docs = [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines() if line.strip()]
    docs.sort(key=lambda d: (d["topic"], d["subtopic"], d["doc_id"]))
    base = datetime(2024, 1, 1, tzinfo=timezone.utc)
    rows = []
    for d in docs[:limit]:
        jitter = zlib.crc32(d["doc_id"].encode()) % 36
        day = 4 * d["topic"] + (2 if d["subtopic"].endswith("plus") else 0)
        published = base + timedelta(days=day, hours=jitter)
        rows.append(
            {
                "id": d["doc_id"],
                "title": d.get("title"),
                "text": d["text"],
                "published": published.isoformat(),
                "gold": d["event_cluster"],
            }
        )
    rows.sort(key=lambda r: (r["published"], r["id"]))
    return rows


def write_files(rows: list[dict], folder: Path, n_files: int = 8) -> list[str]:
    paths = [folder / f"part-{i:02d}.jsonl" for i in range(n_files)]
    per = -(-len(rows) // n_files)
    for i, p in enumerate(paths):
        chunk = rows[i * per : (i + 1) * per]
        p.write_text(
            "".join(json.dumps({k: v for k, v in r.items() if k != "gold"}) + "\n" for r in chunk), "utf-8"
        )
    return [str(p) for p in paths]


def labels(assign: dict[str, str], ids: list[str]) -> list[str]:
    return [assign.get(i, "missing:" + i) for i in ids]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=int, default=300, help="ECB+ documents (772 in all)")
    ap.add_argument("--quick", action="store_true", help="120 documents, skip the run without reprint merge")
    ap.add_argument("--master", default="local[2]")
    ap.add_argument("--time-partitions", type=int, default=None, help="time ranges (default: one per core)")
    ap.add_argument(
        "--standalone", type=int, nargs="*", default=[], metavar="WORKERS",
        help="also run on a Spark standalone cluster on loopback with this many workers (1 core each)",
    )
    args = ap.parse_args()
    if not DATA.exists():
        print(f"ECB+ dev not found at {DATA}: nothing to measure")
        return
    limit = 120 if args.quick else args.limit
    rows = load(limit)
    ids = [r["id"] for r in rows]
    gold = [r["gold"] for r in rows]

    from pyspark.sql import SparkSession

    from storydiff.pipeline import compare_paths
    from storydiff.spark_job import run_job

    table = []
    with tempfile.TemporaryDirectory() as tmp:
        files = write_files(rows, Path(tmp))

        t0 = time.perf_counter()
        result = compare_paths(files)
        cli_s = time.perf_counter() - t0
        cli = {aid: s.id for s in result.stories for aid in s.article_ids}
        cli_labels = labels(cli, ids)
        table.append(("CLI compare_paths (anchor)", cli_s, None, cli_labels, len(result.stories)))

        def spark_runs(master: str, runs: list[tuple[str, bool]]) -> None:
            t0 = time.perf_counter()
            spark = (
                SparkSession.builder.master(master)
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
            startup = time.perf_counter() - t0
            for name, merge in runs:
                out = Path(tmp) / f"out-{len(table)}"
                t0 = time.perf_counter()
                counts = run_job(
                    spark, files, str(out), reprint_merge=merge, time_partitions=args.time_partitions
                )
                run_s = time.perf_counter() - t0
                got = {}
                for part in sorted((out / "articles").glob("part-*")):
                    for line in part.read_text("utf-8").splitlines():
                        a = json.loads(line)
                        got[a["id"]] = a["story_id"]
                where = master if master.startswith("local") else "standalone, " + name.split("|")[1]
                table.append(
                    (
                        f"{name.split('|')[0]} ({where}, {counts['time_ranges']} ranges)",
                        run_s,
                        startup,
                        labels(got, ids),
                        counts["stories"],
                    )
                )
            spark.stop()

        spark_runs(
            args.master,
            [("Spark job", True)] + ([] if args.quick else [("Spark job, no reprint merge", False)]),
        )
        for n in args.standalone:
            from storydiff.spark_cluster import standalone_cluster

            # the same job with --master spark://127.0.0.1:PORT: executors in their own JVMs
            with standalone_cluster(workers=n, cores_per_worker=1) as master:
                spark_runs(master, [(f"Spark job|{n} worker{'s' if n > 1 else ''} x 1 core", True)])

    print(
        f"\n{len(rows)} ECB+ dev documents, {len(set(gold))} gold events, {len(set(r['gold'].split('_')[0] for r in rows))} topics\n"
    )
    print(
        "| run | wall s | + session s | speed vs CLI | stories | B3 P | B3 R | B3 F1 (gold) | B3 F1 vs CLI |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for name, secs, startup, lab, n_stories in table:
        p, r, f = bcubed(lab, gold)
        agree = bcubed(lab, cli_labels)[2]
        st = f"{startup:.1f}" if startup is not None else "-"
        print(
            f"| {name} | {secs:.1f} | {st} | {cli_s / secs:.2f}x | {n_stories} | {p:.3f} | {r:.3f} | {f:.3f} | {agree:.3f} |"
        )
    print("\nReference (ECB+ README, test topics, no dates): TF-IDF + average-link B3-F1 0.856.")


if __name__ == "__main__":
    main()
