"""Hostile input, run as the CLI runs it: each case of issue 22 (and of the second pass) as a
subprocess, with its wall time, its peak memory (``/usr/bin/time``: the largest resident set of
the process and its workers) and what it printed, against the bound README states.

    python bench/torture.py                      # every case (~5 min on the 2-core dev box)
    python bench/torture.py --only bomb          # cases whose name contains "bomb"
    python bench/torture.py --baseline-src DIR   # also run each case on another checkout's src/
                                                 # (e.g. `git archive main src | tar -x -C DIR`),
                                                 # interleaved, for a before/after table

Inputs are built in a temporary folder by tests/attacks/attack_inputs.py (the attack suite's builders)
and deleted afterwards. Every child runs with its address space capped at --cap-gb (default 4):
a reader with no bound ends in MemoryError there instead of taking the machine's memory.
Cases over 160 MB are read through ``read_inputs`` alone ("read" rows: the stage the cap was
in; extracting 70,000 articles would only measure extraction).
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "attacks"))
import attack_inputs as inputs  # noqa: E402  (tests/attacks/attack_inputs.py)

STORYDIFF = [sys.executable, "-m", "storydiff"]
READ = [sys.executable, "-c", (
    "import sys, collections\n"
    "from storydiff.ingest import read_inputs\n"
    "n = collections.Counter(type(r).__name__ for r in read_inputs(sys.argv[1:]))\n"
    "print(f\"{n['RawItem']} items, {n['Failure']} failures\")\n"
)]


@dataclass
class Outcome:
    wall: float
    peak_mb: float
    code: int
    summary: str


def run(cmd: list[str], env: dict, cap_gb: float, stdin: bytes | None = None, timeout: float = 900) -> Outcome:
    """``cmd`` under /usr/bin/time with its address space capped; wall s, peak RSS, exit, a summary."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as tf:
        cap_kb = int(cap_gb * 1024 * 1024)
        wrapped = ["/usr/bin/time", "-f", "%e %M", "-o", tf.name, "bash", "-c", f'ulimit -v {cap_kb}; exec "$@"', "-",
                   *cmd]
        try:
            done = subprocess.run(wrapped, input=stdin, capture_output=True, env=env, timeout=timeout)
        except subprocess.TimeoutExpired:
            return Outcome(timeout, float("nan"), -1, f"over {timeout:.0f} s, stopped")
        wall, peak_kb = tf.read().split()[-2:]
    err = done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8", "replace")
    return Outcome(float(wall), int(peak_kb) / 1024, done.returncode, summarize(out, err, done.returncode))


def summarize(out: str, err: str, code: int) -> str:
    if "MemoryError" in err:
        return "MemoryError at the cap"
    if "Traceback" in err:
        last = [line for line in err.splitlines() if line.strip()][-1]
        return f"traceback: {last[:70]}"
    errors = [line for line in err.splitlines() if line.startswith("error: ")]
    warnings = [line for line in err.splitlines() if line.startswith("warning: ")]
    stored = next((line for line in err.splitlines() if line.startswith("stored ")), "")
    text = out.strip().splitlines()[-1] if out.strip() and not stored else ""
    parts = [stored.split(";")[0] if stored else text[:60] if text[:1].isalnum() else "",
             f"{len(errors)} error line(s)" if errors else "", f"{len(warnings)} warning line(s)" if warnings else "",
             "ESC printed raw" if "\x1b" in out + err else ""]
    return "; ".join(p for p in parts if p)


# -- the cases ------------------------------------------------------------------------------------


@dataclass
class Case:
    name: str
    bound: str
    build: Callable[[Path], list[str]]  # builds inputs under the folder, returns the command
    stdin: Callable[[Path], bytes] | None = None


def _goods(d: Path) -> tuple[Path, Path]:
    return (inputs.write_jsonl(d / "good1.jsonl", [inputs.good_row(1)]),
            inputs.write_jsonl(d / "good2.jsonl", [inputs.good_row(2, "Harbor Wire")]))


def ingest(d: Path, *paths: Path) -> list[str]:
    return [*STORYDIFF, "ingest", *map(str, paths), "--db", str(d / "t.db"), "--workers", "0"]


def good_bad_good(make: Callable[[Path], Path]) -> Callable[[Path], list[str]]:
    def build(d: Path) -> list[str]:
        g1, g2 = _goods(d)
        return ingest(d, g1, make(d), g2)
    return build


def csv_field(d: Path) -> list[str]:
    path = d / "field.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write("id,title,text\r\n")
        for n in range(1, 5):
            r = inputs.good_row(n)
            f.write(f'{r["id"]},{r["title"]},"{"word " * 5_000_000 if n == 2 else r["text"]}"\r\n')
    return ingest(d, path)


def warc_cut(d: Path) -> list[str]:
    data = inputs.warc_bytes([("https://velm.example/a", inputs.page(1)), ("https://velm.example/b", inputs.page(2))])
    (d / "cut.warc").write_bytes(data[:-300])
    return ingest(d, d / "cut.warc")


def utf8_bad_bytes(d: Path) -> list[str]:
    text = ("TARVIK — A new ferry link for Tidewater — “on time”, the port said. " * 20).encode()
    (d / "page.txt").write_bytes(text[:200] + b"\xff\xfe" + text[200:])
    return [*STORYDIFF, "extract", str(d / "page.txt")]


def terminal(d: Path) -> list[str]:
    bad = d / "evil\x1b]52;c;cm0gLXJmIH4K\x07.html"
    bad.write_bytes(b"\x00binary")
    return ingest(d, bad)


def surrogate(d: Path) -> list[str]:
    row = inputs.good_row(1)
    row["text"] = row["text"].replace("chief engineer", "chief engineer \ud83d")
    (d / "half.jsonl").write_text(json.dumps(row) + "\n")
    return [*STORYDIFF, "compare", str(d / "half.jsonl")]


def near_identical(d: Path) -> list[str]:
    rows = [{"id": f"u{n}", "outlet": "Velm Gazette",
             "text": f"Lorn quake update {n}\nMagnitude 5.1 quake hits Lorn\nNo injuries were reported by the police of district {n}"}
            for n in range(3)]
    return ingest(d, inputs.write_jsonl(d / "updates.jsonl", rows))


def read_big(make: Callable[[Path], tuple[Path, int]]) -> Callable[[Path], list[str]]:
    def build(d: Path) -> list[str]:
        path, n = make(d)
        print(f"  built {path.name}: {path.stat().st_size / 1e6:.0f} MB, {n} records", file=sys.stderr)
        return [*READ, str(path)]
    return build


CASES = [
    Case("1 csv-170mb (read)", "every row, none cut", read_big(lambda d: inputs.big_csv(d / "big.csv"))),
    Case("1 utf16-jsonl-170mb (read)", "every line", read_big(lambda d: inputs.big_utf16_jsonl(d / "big16.jsonl"))),
    Case("1 rss-170mb (read)", "every entry", read_big(lambda d: inputs.big_rss(d / "big.rss"))),
    Case("2 rss &#xD800;", "good1+good2 stored", good_bad_good(lambda d: inputs.feed_with_references(d / "a.rss", "&#xD800;"))),
    Case("2 rss &#x110000;", "good1+good2 stored", good_bad_good(lambda d: inputs.feed_with_references(d / "b.rss", "&#x110000;"))),
    Case("2 rss 20-digit ref", "good1+good2 stored",
         good_bad_good(lambda d: inputs.feed_with_references(d / "c.rss", "&#12345678901234567890;"))),
    Case("2 jsonl nested 200k", "one failed row", good_bad_good(lambda d: inputs.deep_jsonl(d / "deep.jsonl"))),
    Case("2 jsonl 5,000-digit int", "one failed row", good_bad_good(lambda d: inputs.long_int_jsonl(d / "int.jsonl"))),
    Case("3 unpaired surrogate (compare)", "exit 0", surrogate),
    Case("5 bomb: .jsonl.gz one 2 GB line", "fails by name", good_bad_good(lambda d: inputs.bomb_jsonl_one_line(d / "b.jsonl.gz"))),
    Case("5 bomb: .jsonl.gz blank lines", "fails by name", good_bad_good(lambda d: inputs.bomb_jsonl_blank_lines(d / "n.jsonl.gz"))),
    Case("5 bomb: .rss.gz", "fails by name", good_bad_good(lambda d: inputs.bomb_rss(d / "b.rss.gz"))),
    Case("5 bomb: .csv.gz", "fails by name", good_bad_good(lambda d: inputs.bomb_csv(d / "b.csv.gz"))),
    Case("6 plain .warc cut", "cut record fails", warc_cut),
    Case("7 UTF-8 + 2 bad bytes", "UTF-8, a warning", utf8_bad_bytes),
    Case("8 ESC in a file name", "shown escaped", terminal),
    Case("9 CSV 25 MB field", "rows after it read", csv_field),
    Case("10 near-identical texts", "3 stored", near_identical),
]


def kill_case(env: dict, d: Path) -> str:
    """Case 11: ``ingest`` of 500 articles from a pipe, kill -9 after its first chunks, re-run."""
    sys.path.insert(0, str(ROOT / "tests" / "attacks"))
    from test_attack_kills import _rows

    rows = _rows(500)
    export = inputs.write_jsonl(d / "rows.jsonl", rows)
    db = d / "kill.db"
    proc = subprocess.Popen([*STORYDIFF, "ingest", "-", "--db", str(db), "--workers", "0"], stdin=subprocess.PIPE,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    assert proc.stdin is not None
    proc.stdin.write("".join(json.dumps(r) + "\n" for r in rows[:300]).encode())
    proc.stdin.flush()
    deadline, stored = time.monotonic() + 300, 0
    while time.monotonic() < deadline and stored < 64:
        time.sleep(0.5)
        try:
            stored = sqlite3.connect(db).execute("SELECT COUNT(*) FROM articles").fetchone()[0]
        except sqlite3.Error:
            stored = 0
    proc.kill()
    proc.wait()
    at_kill = stored
    t0 = time.monotonic()
    subprocess.run([*STORYDIFF, "ingest", str(export), "--db", str(db), "--workers", "0"], env=env,
                   capture_output=True)
    rerun = time.monotonic() - t0
    n, unplaced = sqlite3.connect(db).execute(
        "SELECT COUNT(*), SUM(story_id IS NULL) FROM articles").fetchone()
    return f"stored at kill: {at_kill}; after the re-run ({rerun:.0f} s): {n} articles, {unplaced} unplaced"


def workers_case(env: dict, d: Path) -> str:
    """Case 4: kill -9 of ``ingest --workers 2``: are the workers alive 5 s later?"""
    rows = inputs.write_jsonl(d / "rows.jsonl", [inputs.good_row(n) for n in range(2000)])
    proc = subprocess.Popen([*STORYDIFF, "ingest", str(rows), "--db", str(d / "w.db"), "--workers", "2"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)

    def children() -> list[int]:
        out = []
        for e in os.listdir("/proc"):
            if e.isdigit():
                try:
                    if int(Path(f"/proc/{e}/stat").read_text().rsplit(")", 1)[1].split()[1]) == proc.pid:
                        out.append(int(e))
                except OSError:
                    pass
        return out

    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and len(children()) < 2:
        time.sleep(0.2)
    workers = children()
    proc.kill()
    proc.wait()
    time.sleep(5)
    alive = [w for w in workers if Path(f"/proc/{w}").exists()]
    for w in alive:
        os.kill(w, signal.SIGKILL)
    return f"{len(workers)} workers; alive 5 s after kill -9: {len(alive)}"


def api_case(env: dict, d: Path) -> str:
    """Case 11b: a 1-item POST while a 1,000-item POST runs: how long does it wait?"""
    import socket
    import threading
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([*STORYDIFF, "serve", "--db", str(d / "api.db"), "--port", str(port)],
                              env={**env, "STORYDIFF_TOKEN": "t"}, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/api/articles"

        def post(rows) -> float:
            req = urllib.request.Request(url, data=json.dumps(rows).encode(), method="POST",
                                         headers={"Authorization": "Bearer t", "Content-Type": "application/json"})
            t0 = time.monotonic()
            urllib.request.urlopen(req, timeout=900).read()
            return time.monotonic() - t0

        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
                break
            except OSError:
                time.sleep(0.5)
        big_time: list[float] = []
        big = threading.Thread(target=lambda: big_time.append(post([inputs.good_row(n) for n in range(1000)])))
        big.start()
        time.sleep(5)
        small = post([inputs.good_row(5000)])
        big.join()
        return f"1-item POST: {small:.1f} s, while the 1,000-item POST took {big_time[0]:.0f} s"
    finally:
        server.terminate()
        server.wait()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default="", help="run the cases whose name contains this (or any of a,b,c)")
    ap.add_argument("--baseline-src", help="another checkout's src/ folder, run beside ours")
    ap.add_argument("--cap-gb", type=float, default=4.0, help="address-space cap of each child (GB)")
    args = ap.parse_args()
    ours = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    runs = [("ours", ours)]
    if args.baseline_src:
        runs.append(("baseline", {**os.environ, "PYTHONPATH": str(Path(args.baseline_src).resolve())}))
    print(f"| case | bound | {' | '.join(f'{n} wall s | {n} peak MB | {n} result' for n, _ in runs)} |")
    print("|---|---|" + "---|---|---|" * len(runs))
    wanted = args.only.split(",")
    for case in CASES:
        if not any(w in case.name for w in wanted):
            continue
        cells = []
        for _, env in runs:
            with tempfile.TemporaryDirectory(prefix="torture-") as tmp:
                cmd = case.build(Path(tmp))
                o = run(cmd, env, args.cap_gb)
                cells.append(f"{o.wall:.1f} | {o.peak_mb:.0f} | exit {o.code}: {o.summary}")
        print(f"| {case.name} | {case.bound} | {' | '.join(cells)} |", flush=True)
    for name, fn in (("4 workers after kill -9", workers_case), ("11 kill -9 of a 500-article ingest", kill_case),
                     ("11 1-item POST beside a 1,000-item POST", api_case)):
        if not any(w in name for w in wanted):
            continue
        cells = []
        for _, env in runs:
            with tempfile.TemporaryDirectory(prefix="torture-") as tmp:
                try:
                    cells.append(fn(env, Path(tmp)))
                except Exception as e:  # a baseline may not finish a case at all: say so
                    cells.append(f"did not finish: {type(e).__name__}: {str(e)[:60]}")
        print(f"| {name} | | {' | '.join(cells)} |", flush=True)


if __name__ == "__main__":
    main()
