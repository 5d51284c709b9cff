"""The whole pipeline at firehose speed (issue 20), every speed a ratio to an anchor run in the
same script: trafilatura's own ``extract`` on the same pages, one page after another in one
process, run before and after each measured command (the machine is shared: the ratio divides by
the mean of the two anchor runs around it).

    python bench/pipeline.py                          # everything (~15 min on an idle 2-core machine)
    python bench/pipeline.py --sets aeb --scale 10000 # quicker
    python bench/pipeline.py --src /tmp/old/src       # also time another checkout ("before"), interleaved
    python bench/pipeline.py --only html --python /venv312/bin/python   # HTML rows: this checkout under
                                                      # another interpreter too ("this, Python 3.12")
    python bench/pipeline.py --only profile           # the per-stage profile table alone

1. HTML pages: ``storydiff ingest`` (fresh SQLite database; ``--pg URL`` adds PostgreSQL),
   ``storydiff compare`` and ``storydiff extract --json``, each run as a user runs it (a
   subprocess, start-up included), on AEB's 181 pages and on the wcxb-dev + fundus-tests mix.
2. Scaling: ``storydiff ingest`` of 10k and 100k JSON Lines articles (bench/streams.py: ECB+ text,
   stories of several articles, reprint families): seconds per 1,000 articles and the peak RSS of
   the whole process tree (the workers included).
3. The web app: the first view of stored stories on a running ``storydiff serve`` (nothing cached
   for them): while its background comparer is busy with its start-up work ("busy"), and once it is
   done; and ``storydiff demo`` warm (``--web-db DB``: serve copies of a database already ingested
   instead of ingesting the stream with each code); ``--only ondemand``: AEB's stories of 2+
   articles each compared once in the measured code's process, as a view of a story nobody viewed
   computes it.
4. Where the time goes, per stage: ingest, compare and the web app's first views of AEB in one
   process (``--workers 0``) under pyinstrument, every sample charged to the stage package of the
   innermost storydiff frame on its stack (trafilatura to extract, spaCy to analyze, SQLAlchemy to
   store, Jinja to serve).
5. ``--only rerun``: ``storydiff ingest`` of the same pages into the database it has just filled
   (a resumed or repeated ingest: every item stored already), wall and CPU of that second run,
   each code's runs interleaved with the others' (``--reruns N`` each), beside its first run.
6. ``--only second --web-db DB``: the second (and later) views of the largest stories of a copy of
   ``DB`` on a running web app (uvicorn on loopback, without ``serve``'s background comparer, so only
   the views use the CPU): each story's first view stores its comparison, then ``--reruns N`` rounds
   of views, the codes interleaved round by round; wall seconds and the server's CPU per view, and
   whether each code's pages are the same bytes.
"""

from __future__ import annotations

import argparse
import atexit
import gzip
import json
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scratch_pg import database_url, drop_database, recreate_database

PG_DATABASE = f"storydiff_bench_pipeline_{os.getpid()}"  # two runs on one server keep apart

HERE = Path(__file__).resolve().parent
DATA = HERE.parents[1] / "shared" / "data"
EXTRACTION = DATA / "extraction"
STAGES = ("ingest", "extract", "analyze", "match", "compare", "store", "serve")


def aeb_pages() -> list[Path]:
    return sorted((EXTRACTION / "aeb" / "html").glob("*.html.gz"))


def mix_pages() -> list[Path]:
    """Every page of wcxb-dev (1,356) and fundus-tests (235): the two sets hold 1,591."""
    return sorted((EXTRACTION / "wcxb-dev" / "html").glob("*.html.gz")) + sorted(
        (EXTRACTION / "fundus-tests").glob("*/*.html.gz")
    )


# -- the anchor ---------------------------------------------------------------------------------


def anchor_seconds(pages: list[Path]) -> tuple[float, float]:
    """(wall, CPU) seconds of trafilatura.extract on every page, read from disk as the commands
    read it, in this process, one page after another."""
    import trafilatura

    t0, c0 = time.perf_counter(), time.process_time()
    for p in pages:
        trafilatura.extract(gzip.decompress(p.read_bytes()))
    return time.perf_counter() - t0, time.process_time() - c0


# -- running a command as a user runs it ----------------------------------------------------------


THIS_SRC = str(HERE.parent / "src")  # this checkout's code, first on the path of another interpreter


def python_version(exe: str) -> str:
    """``exe``'s version, "3.12.1"."""
    return subprocess.run([exe, "-c", "import platform; print(platform.python_version())"], capture_output=True,
                          text=True, check=True).stdout.strip()


class TreeRss:
    """Peak resident memory of a process and all its descendants, summed, sampled every 0.2 s."""

    def __init__(self, pid: int) -> None:
        self.pid, self.peak, self._stop = pid, 0, threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _tree(self) -> list[int]:
        children: dict[int, list[int]] = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                try:
                    stat = Path(f"/proc/{entry}/stat").read_text()
                except OSError:
                    continue
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
        out, todo = [], [self.pid]
        while todo:
            p = todo.pop()
            out.append(p)
            todo.extend(children.get(p, []))
        return out

    def _run(self) -> None:
        while not self._stop.wait(0.2):
            total = 0
            for p in self._tree():
                try:
                    for line in Path(f"/proc/{p}/status").read_text().splitlines():
                        if line.startswith("VmRSS:"):
                            total += int(line.split()[1]) * 1024
                except OSError:
                    pass
            self.peak = max(self.peak, total)

    def stop(self) -> int:
        self._stop.set()
        self._thread.join()
        return self.peak


_CACHES = Path(tempfile.mkdtemp(prefix="storydiff-bench-caches-"))  # every command's own cache, under one folder
atexit.register(shutil.rmtree, _CACHES, True)


def cli_env(src: str | None, cache: str | None = None) -> dict[str, str]:
    """The environment of a measured command: ``src`` first on the path; storydiff's on-disk cache
    (sentence vectors, the unpacked language model) in ``cache``, else in a folder of its own, empty:
    each command runs as a user's first run does, unless a warm cache is what is measured."""
    cache = cache or tempfile.mkdtemp(dir=_CACHES)
    # XDG_CACHE_HOME too: an older checkout keeps its unpacked language model there
    env = dict(os.environ, NO_COLOR="1", COLUMNS="120", STORYDIFF_CACHE_DIR=cache, XDG_CACHE_HOME=cache)
    if src:
        env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def run_cli(args: list[str], src: str | None = None, stdout=subprocess.DEVNULL,
            cache: str | None = None, python: str | None = None) -> tuple[float, int, float]:
    """Wall seconds, peak tree RSS and CPU seconds (its workers too) of ``storydiff ARGS``
    (``cache``: see cli_env; ``python``: the interpreter, else this one)."""
    env = cli_env(src, cache)
    t0, before = time.perf_counter(), os.times()
    proc = subprocess.Popen([python or sys.executable, "-m", "storydiff", *args], stdout=stdout,
                            stderr=subprocess.PIPE, env=env)
    rss = TreeRss(proc.pid)
    _, err = proc.communicate()
    wall, after = time.perf_counter() - t0, os.times()
    peak = rss.stop()
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"storydiff {' '.join(args[:2])} ... exited {proc.returncode}: {err.decode()[-500:]}")
    return wall, peak, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def has_option(command: str, option: str, src: str | None, python: str | None = None) -> bool:
    out = subprocess.run([python or sys.executable, "-m", "storydiff", command, "--help"], capture_output=True, text=True,
                         env=cli_env(src))
    return option in out.stdout


# -- 1. HTML pages --------------------------------------------------------------------------------


def html_rows(name: str, pages: list[Path], srcs: list[tuple[str, str | None]], pg: str | None,
              tmp: Path, wanted: set[str] | None = None, pythons: dict[str, str] | None = None) -> list[dict]:
    """The HTML rows of each code (label, src); ``pythons``: a label's interpreter, when not this one."""
    pythons = pythons or {}
    files = [str(p) for p in pages]
    commands: list[tuple[str, list[str]]] = [
        ("ingest (SQLite)", ["ingest", *files, "--db", "{db}"]),
        ("ingest --fast", ["ingest", "--fast", *files, "--db", "{db}"]),
        ("compare", ["compare", *files]),
        ("compare --fast", ["compare", "--fast", *files]),
        ("extract --json", ["extract", "--json", *files]),
    ]
    if pg:
        # a database of the bench's own on that server, emptied before each row, dropped after
        commands.insert(1, ("ingest (PostgreSQL)", ["ingest", *files, "--db", database_url(pg, PG_DATABASE)]))
    unknown = (wanted or set()) - {what for what, _ in commands}
    if unknown:
        raise SystemExit(f"--commands: no such HTML row {sorted(unknown)}; rows: {[w for w, _ in commands]}")
    rows = []
    anchor_before = anchor_seconds(pages)
    for label, src in srcs:
        for what, args in commands:
            if wanted and what not in wanted:
                continue
            if "--fast" in args and not has_option(args[0], "--fast", src, pythons.get(label)):
                continue  # an older checkout whose command has no --fast
            if "PostgreSQL" in what:
                recreate_database(pg, PG_DATABASE)
            db = tmp / f"{name}-{label}-{len(rows)}.db"
            wall, peak, cpu = run_cli([a.replace("{db}", str(db)) for a in args], src, python=pythons.get(label))
            anchor_after = anchor_seconds(pages)
            anchor, anchor_cpu = ((a + b) / 2 for a, b in zip(anchor_before, anchor_after))
            anchor_before = anchor_after
            rows.append({
                "set": name, "pages": len(pages), "code": label, "command": what, "seconds": wall,
                "pages_s": len(pages) / wall, "anchor_pages_s": len(pages) / anchor,
                "ratio": anchor / wall, "cpu_s": cpu, "cpu_ratio": anchor_cpu / cpu, "peak_rss_mb": peak / 2**20,
            })
            print_row(rows[-1])
    if pg:
        drop_database(pg, PG_DATABASE)
    return rows


def print_row(r: dict) -> None:
    print(f"  {r['set']:5s} {r['code']:7s} {r['command']:22s} {r['seconds']:7.1f} s  {r['pages_s']:6.1f} pages/s"
          f"  anchor {r['anchor_pages_s']:5.1f} pages/s  ratio {r['ratio']:.2f}x  (CPU {r['cpu_s']:.1f} s: "
          f"{r['cpu_ratio']:.2f}x the anchor's per page)  peak RSS {r['peak_rss_mb']:.0f} MB", flush=True)


# -- 2. scaling ----------------------------------------------------------------------------------


def stream_file(size: int, tmp: Path) -> Path:
    """bench/streams.py's stream of ``size`` articles (ECB+ text), written under ``tmp``."""
    sys.path.insert(0, str(HERE))
    import streams

    path = tmp / f"stream-{size}.jsonl"
    if not path.exists():
        streams.write(size, path)
    return path


def scale_rows(sizes: list[int], srcs: list[tuple[str, str | None]], tmp: Path) -> list[dict]:
    rows = []
    for label, src in srcs:
        for size in sizes:
            db = tmp / f"scale-{label}-{size}.db"
            wall, peak, cpu = run_cli(["ingest", str(stream_file(size, tmp)), "--db", str(db)], src)
            rows.append({"code": label, "articles": size, "seconds": wall, "ms_per_article": 1000 * wall / size,
                         "cpu_ms_per_article": 1000 * cpu / size, "peak_rss_mb": peak / 2**20, "db": str(db)})
            base = next(r for r in rows if r["code"] == label)
            print(f"  {label:7s} ingest {size:>7,} articles  {wall:7.1f} s  {rows[-1]['ms_per_article']:.2f} ms/article"
                  f"  ({rows[-1]['ms_per_article'] / base['ms_per_article']:.2f}x the {base['articles']:,}-run;"
                  f" CPU {rows[-1]['cpu_ms_per_article']:.2f} ms/article,"
                  f" {rows[-1]['cpu_ms_per_article'] / base['cpu_ms_per_article']:.2f}x)"
                  f"  peak RSS {rows[-1]['peak_rss_mb']:.0f} MB", flush=True)
    return rows


# -- 3. the web app and the demo --------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str, timeout: float = 600) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:
            return r.status, r.read()
    except urllib.error.HTTPError as e:
        return e.code, e.read()


def server_cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def ondemand_views(db: str, out: str) -> None:
    """(In the measured code's own process.) Each stored story of 2+ articles compared once, as the
    web app does for a story nobody viewed (``pipeline.compare_stored_story``: the parse of its
    articles, its facts and quotes, stored), spaCy loaded first as a running server has it."""
    from storydiff.analyze.nlp import get_nlp
    from storydiff.pipeline import compare_stored_story
    from storydiff.settings import FactSettings
    from storydiff.store import open_store

    get_nlp()
    store = open_store(db)
    rows = []
    for s in [s for s in store.stories(limit=10_000) if s.n_articles > 1]:
        t, c = time.perf_counter(), time.process_time()
        compare_stored_story(store, s.id, FactSettings(), with_analysis=False)
        rows.append({"articles": s.n_articles, "wall": time.perf_counter() - t, "cpu": time.process_time() - c})
    Path(out).write_text(json.dumps(rows))


def view_rows(base: str, pid: int, picked: list[dict]) -> list[dict]:
    """First and second view of each story: wall seconds, the server's CPU seconds of the first."""
    rows = []
    for s in picked:
        c0, t = server_cpu(pid), time.perf_counter()
        status, _ = get(f"{base}/stories/{s['id']}")
        first, cpu = time.perf_counter() - t, server_cpu(pid) - c0
        t = time.perf_counter()
        get(f"{base}/stories/{s['id']}")
        rows.append({"articles": s["n_articles"], "first": first, "first_cpu": cpu,
                     "second": time.perf_counter() - t, "status": status})
    return rows


def first_views(db: str, src: str | None, n_stories: int = 6, min_articles: int = 3, settle_s: float = 300,
                busy_after_s: float = 15) -> dict:
    """Start ``storydiff serve`` on ``db``. ``busy_after_s`` after it first answers (spaCy loaded,
    the background comparing the newest stories), the first views of the oldest stories of
    ``min_articles`` or more among the first 1,000 listed, which the background reaches last ("busy":
    computed on demand while it works). Then, once its CPU has settled (done with its start-up
    work), the first and second views of the newest such stories, and the first views of older
    ones. Wall seconds and the server's CPU seconds per view."""
    port = free_port()
    server = subprocess.Popen([sys.executable, "-m", "storydiff", "serve", "--db", db, "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env(src))
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(600):
            try:
                if get(base + "/healthz", timeout=5)[0] == 200:
                    break
            except OSError:
                time.sleep(0.2)
        t0, last = time.perf_counter(), -1.0
        stories = json.loads(get(base + "/api/stories?limit=1000")[1])
        big = [s for s in stories if s["n_articles"] >= min_articles]
        out: dict = {}
        if busy_after_s:
            time.sleep(busy_after_s)
            out["busy"] = view_rows(base, server.pid, big[-n_stories:])
        while time.perf_counter() - t0 < settle_s:  # "a running server": done with its start-up work
            time.sleep(2)
            now = server_cpu(server.pid)
            if now - last < 0.05:
                break
            last = now
        out["settled_s"] = time.perf_counter() - t0
        out["newest"] = view_rows(base, server.pid, big[:n_stories])
        out["older"] = view_rows(base, server.pid, big[200:200 + n_stories])
    finally:
        server.terminate()
        server.wait(30)
    return out


def demo_seconds(src: str | None, runs: int = 4, cold: bool = False) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of ``storydiff demo`` runs after a first one (warm: files and modules
    in the page cache, and storydiff's own cache of sentence vectors filled by that first run;
    ``cold``: each run with an empty storydiff cache). CPU counts the worker processes too: on a
    loaded machine it is the better guide to what an idle one would take."""
    cache = None if cold else tempfile.mkdtemp(dir=_CACHES)
    run_cli(["demo"], src, cache=cache)
    out = []
    for _ in range(runs):
        wall, _, cpu = run_cli(["demo"], src, cache=cache)
        out.append((wall, cpu))
    return out


# -- 4. per-stage profile --------------------------------------------------------------------------


THIRD_PARTY_STAGE = {
    "trafilatura": "extract", "htmldate": "extract", "justext": "extract", "lxml": "extract",
    "py3langid": "extract", "charset_normalizer": "ingest", "gzip": "ingest", "warcio": "ingest",
    "spacy": "analyze", "thinc": "analyze", "sklearn": "compare", "scipy": "compare",
    "rapidfuzz": "compare", "sqlalchemy": "store", "sqlite3": "store", "psycopg": "store",
    "jinja2": "serve", "fastapi": "serve", "starlette": "serve", "rich": "serve",
}


def stage_of(path: str) -> str | None:
    p = path.replace("\\", "/")
    if "/storydiff/" in p:
        rest = p.rsplit("/storydiff/", 1)[1]
        head = rest.split("/", 1)[0].removesuffix(".py")
        return {"match": "match", "analyze": "analyze", "extract": "extract", "ingest": "ingest",
                "compare": "compare", "store": "store", "serve": "serve", "embeddings": "compare",
                "records": None, "pipeline": None, "streaming": None, "settings": None}.get(head)
    return None


def charge(frame, stage: str | None, totals: dict[str, float]) -> None:
    """Each frame's own time goes to the innermost storydiff stage on its stack; time in a
    library called before any stage frame goes to the library's stage."""
    path = frame.file_path or ""
    own = stage_of(path) if "/storydiff/" in path else None
    if own:
        stage = own
    elif stage is None and "site-packages/" in path:
        top = path.split("site-packages/", 1)[1].split("/", 1)[0]
        stage = THIRD_PARTY_STAGE.get(top, stage)
    if "site-packages/" not in path and "/storydiff/" not in path and path.endswith(("gzip.py", "sqlite3/__init__.py")):
        stage = stage or ("ingest" if "gzip" in path else "store")
    totals[stage or "other"] = totals.get(stage or "other", 0.0) + frame.total_self_time
    for child in frame.children:
        if not child.is_synthetic:  # a synthetic child's time is in total_self_time already
            charge(child, stage, totals)


def profile_stages(out: Path) -> None:
    """Run in a subprocess (under the checkout being measured): AEB ingested, compared and its
    multi-article stories viewed once, all in one process; seconds per stage to ``out`` (JSON)."""
    from pyinstrument import Profiler
    from typer.testing import CliRunner

    from storydiff.serve.cli import app

    pages = [str(p) for p in aeb_pages()]
    tmp = Path(tempfile.mkdtemp(prefix="storydiff-profile-"))
    runner = CliRunner()
    result: dict[str, dict[str, float]] = {}

    def profiled(name: str, fn) -> None:
        prof = Profiler(interval=0.002)
        prof.start()
        fn()
        session = prof.stop()
        totals: dict[str, float] = {}
        charge(session.root_frame(), None, totals)
        result[name] = totals

    db = str(tmp / "aeb.db")
    profiled("ingest", lambda: runner.invoke(app, ["ingest", *pages, "--db", db, "--workers", "0"], catch_exceptions=False))
    # in this process too (an older compare has no --workers and works in one process anyway)
    one = ["--workers", "0"] if "--workers" in runner.invoke(app, ["compare", "--help"]).stdout else []
    profiled("compare", lambda: runner.invoke(app, ["compare", *pages, *one], catch_exceptions=False))

    def views() -> None:
        from fastapi.testclient import TestClient

        from storydiff.serve.api import create_app
        from storydiff.store import open_store

        with open_store(db) as store:
            ids = [s.id for s in store.stories() if s.n_articles >= 2]
        with TestClient(create_app(db), base_url="http://localhost") as client:
            for sid in ids:
                assert client.get(f"/stories/{sid}").status_code == 200
        result["_views"] = {"stories": float(len(ids))}

    profiled("web first views", views)
    result["_pages"] = {"n": float(len(pages))}
    out.write_text(json.dumps(result))
    shutil.rmtree(tmp, ignore_errors=True)


def profile_table(srcs: list[tuple[str, str | None]], tmp: Path) -> dict[str, dict]:
    tables = {}
    for label, src in srcs:
        out = tmp / f"profile-{label}.json"
        subprocess.run([sys.executable, __file__, "--stage-profile-json", str(out)], env=cli_env(src), check=True)
        tables[label] = json.loads(out.read_text())
    flows = ("ingest", "compare", "web first views")
    print("\n| stage | " + " | ".join(f"{f} ({label}), s" for f in flows for label, _ in srcs) + " |")
    print("|---|" + "---:|" * (len(flows) * len(srcs)))
    for stage in (*STAGES, "other"):
        cells = [tables[label][f].get(stage, 0.0) for f in flows for label, _ in srcs]
        print(f"| {stage} | " + " | ".join(f"{c:.1f}" for c in cells) + " |")
    cells = [sum(tables[label][f].values()) for f in flows for label, _ in srcs]
    print("| **total** | " + " | ".join(f"**{c:.1f}**" for c in cells) + " |")
    views = {label: int(tables[label]["_views"]["stories"]) for label, _ in srcs}
    print(f"\n{int(next(iter(tables.values()))['_pages']['n'])} AEB pages; web first views of the "
          f"stories with 2+ articles: {views}")
    return tables


# -- main -------------------------------------------------------------------------------------------


def rerun_rows(name: str, pages: list[Path], srcs: list[tuple[str, str | None]], tmp: Path, reruns: int) -> list[dict]:
    """Each code ingests ``pages`` into a fresh SQLite database, then runs the same command again
    ``reruns`` times, the codes' second runs interleaved (the machine is shared)."""
    files = [str(p) for p in pages]
    firsts, dbs = {}, {}
    for label, src in srcs:
        dbs[label] = str(tmp / f"rerun-{name}-{label}.db")
        firsts[label] = run_cli(["ingest", *files, "--db", dbs[label]], src)
    seconds: dict[str, list[tuple[float, float]]] = {label: [] for label, _ in srcs}
    for _ in range(reruns):
        for label, src in srcs:
            wall, _peak, cpu = run_cli(["ingest", *files, "--db", dbs[label]], src)
            seconds[label].append((wall, cpu))
    rows = []
    for label, _ in srcs:
        wall = statistics.median(w for w, _ in seconds[label])
        cpu = statistics.median(c for _, c in seconds[label])
        rows.append({"set": name, "code": label, "pages": len(pages), "first_wall": firsts[label][0],
                     "first_cpu": firsts[label][2], "rerun_wall": wall, "rerun_cpu": cpu,
                     "rerun_runs": seconds[label]})
        print(f"  {name:4s} {label:7s} first run {firsts[label][0]:6.1f} s wall, {firsts[label][2]:6.1f} s CPU;"
              f" the same command again (median of {reruns}): {wall:5.2f} s wall, {cpu:5.2f} s CPU"
              f" (runs: {', '.join(f'{w:.2f}/{c:.2f}' for w, c in seconds[label])})", flush=True)
    if len(rows) > 1:
        base = rows[0]
        for r in rows[1:]:
            print(f"  {name:4s} {r['code']} / {base['code']}: re-run wall {r['rerun_wall'] / base['rerun_wall']:.2f}x,"
                  f" CPU {r['rerun_cpu'] / base['rerun_cpu']:.2f}x")
    return rows


SERVE_APP = ("import sys, uvicorn; from storydiff.serve.api import create_app; "
             "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), log_level='warning')")


def second_views(db: str, srcs: list[tuple[str, str | None]], tmp: Path, n_stories: int = 8,
                 rounds: int = 3) -> dict:
    """Each code's web app on its own copy of ``db``; the ``n_stories`` largest stories viewed once
    (a first view: their comparisons computed and stored, or read if stored), then ``rounds`` more
    views each, the codes taking turns round by round. Per code and story: the median wall and server
    CPU seconds of those views, and the page's bytes (to compare the codes')."""
    servers, bases = {}, {}
    try:
        for label, src in srcs:
            copy = str(tmp / f"second-{label}.db")
            shutil.copyfile(db, copy)
            port = free_port()
            servers[label] = subprocess.Popen([sys.executable, "-c", SERVE_APP, copy, str(port)],
                                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=cli_env(src))
            bases[label] = f"http://127.0.0.1:{port}"
            for _ in range(600):
                try:
                    if get(bases[label] + "/healthz", timeout=5)[0] == 200:
                        break
                except OSError:
                    time.sleep(0.2)
        stories = json.loads(get(bases[srcs[-1][0]] + "/api/stories?limit=10000")[1])
        picked = sorted(stories, key=lambda s: (-s["n_articles"], s["id"]))[:n_stories]
        pages: dict[str, dict[str, bytes]] = {label: {} for label, _ in srcs}
        for label, _ in srcs:
            for s in picked:
                pages[label][s["id"]] = get(f"{bases[label]}/stories/{s['id']}")[1]
        times: dict[str, dict[str, list[tuple[float, float]]]] = {label: {s["id"]: [] for s in picked} for label, _ in srcs}
        for _ in range(rounds):
            for label, _ in srcs:
                pid = servers[label].pid
                for s in picked:
                    c0, t = server_cpu(pid), time.perf_counter()
                    status, body = get(f"{bases[label]}/stories/{s['id']}")
                    times[label][s["id"]].append((time.perf_counter() - t, server_cpu(pid) - c0))
                    if status != 200 or body != pages[label][s["id"]]:
                        raise RuntimeError(f"{label}: story {s['id']}'s view changed between views ({status})")
    finally:
        for server in servers.values():
            server.terminate()
            server.wait(timeout=30)
    rows = {label: [{"id": s["id"], "articles": s["n_articles"],
                     "wall": statistics.median(w for w, _ in times[label][s["id"]]),
                     "cpu": statistics.median(c for _, c in times[label][s["id"]])} for s in picked]
            for label, _ in srcs}
    same = all(pages[label] == pages[srcs[0][0]] for label, _ in srcs)
    return {"rows": rows, "pages_identical": same}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=["aeb", "mix"], choices=["aeb", "mix"])
    ap.add_argument("--scale", nargs="*", type=int, default=[10_000, 100_000])
    ap.add_argument("--limit", type=int, help="the first N pages of each set only (a quick check)")
    ap.add_argument("--sample", type=int, help="N pages of each set drawn at random, seed 1 (300 of the mix: the "
                                               "pages of round 14's table of where ingest's CPU goes)")
    ap.add_argument("--only", choices=["html", "scale", "web", "ondemand", "profile", "rerun", "second"], nargs="*")
    ap.add_argument("--reruns", type=int, default=3, help="rerun rows: timed second runs per code; second rows: "
                                                          "rounds of views per code")
    ap.add_argument("--stories", type=int, default=8, help="second rows: the N largest stories")
    ap.add_argument("--src", help="another checkout's src/ to time beside this one (labelled 'before')")
    ap.add_argument("--python", nargs="*", default=[], help="HTML rows: this checkout run by these interpreters too "
                    "(each a venv's python with storydiff's dependencies installed), labelled by their version")
    ap.add_argument("--commands", nargs="*", help="HTML rows: only these commands (e.g. 'ingest (SQLite)' compare)")
    ap.add_argument("--pg", help="a PostgreSQL server to ingest into as well (in a database storydiff_bench_pipeline_PID "
                    "the bench creates there and drops; the database the URL names is not touched)")
    ap.add_argument("--json", type=Path, help="write every row here too")
    ap.add_argument("--web-db", help="web rows: serve a copy of this ingested database (e.g. one kept from an earlier "
                                     "run of the same stream) for every code instead of ingesting the stream with each")
    ap.add_argument("--demo-runs", type=int, default=4, help="timed warm runs of storydiff demo per code")
    ap.add_argument("--stage-profile-json", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--ondemand-json", nargs=2, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.stage_profile_json:
        profile_stages(args.stage_profile_json)
        return
    if args.ondemand_json:
        ondemand_views(*args.ondemand_json)
        return
    if not aeb_pages():
        print(f"no evaluation data under {EXTRACTION}; nothing to do")
        return
    only = set(args.only or ["html", "scale", "web", "profile"])
    srcs: list[tuple[str, str | None]] = ([("before", args.src)] if args.src else []) + [("this", None)]
    pythons = {f"this, Python {python_version(exe)}": exe for exe in args.python}
    tmp = Path(tempfile.mkdtemp(prefix="storydiff-bench-pipeline-"))
    load = os.getloadavg()
    print(f"load average at start: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} on {os.cpu_count()} cores; "
          f"the codes run by Python {python_version(sys.executable)}{' unless labelled' if pythons else ''}")
    report: dict = {"load_start": load}
    try:
        if "html" in only:
            print("\n1. HTML pages (ratio: the command's pages/s over trafilatura.extract's, one process)")
            rows = []
            for name in args.sets:
                pages = (aeb_pages() if name == "aeb" else mix_pages())[: args.limit]
                if args.sample and args.sample < len(pages):
                    pages = random.Random(1).sample(pages, args.sample)
                rows += html_rows(name, pages, srcs + [(label, THIS_SRC) for label in pythons], args.pg, tmp,
                                  set(args.commands or []) or None, pythons)
            report["html"] = rows
        if "scale" in only:
            print("\n2. Scaling: storydiff ingest of JSON Lines articles (bench/streams.py)")
            report["scale"] = scale_rows(args.scale, srcs, tmp)
        if "web" in only:
            print("\n3. Web app first view of stored stories; storydiff demo warm")
            db_rows = [r for r in report.get("scale", []) if r["articles"] == min(args.scale)]
            report["web"] = {}
            for label, src in srcs:
                db = next((r["db"] for r in db_rows if r["code"] == label), None)
                if args.web_db:  # one database for every code's server, each on a fresh copy
                    db = str(tmp / f"web-{label}.db")
                    shutil.copyfile(args.web_db, db)
                elif db is None:
                    db = str(tmp / f"web-{label}.db")
                    run_cli(["ingest", str(stream_file(min(args.scale), tmp)), "--db", db], src)
                views = first_views(db, src)
                demo = demo_seconds(src, runs=args.demo_runs)
                cold = demo_seconds(src, runs=2, cold=True)
                report["web"][label] = {**views, "demo": demo, "demo_cold_cache": cold}
                print(f"  {label:7s} server start-up work done after {views['settled_s']:.0f} s")
                for name, rows in (("busy", views.get("busy")), ("newest", views["newest"]), ("older", views["older"])):
                    if rows:
                        print(f"  {label:7s} story page, {name} stories ({', '.join(str(r['articles']) for r in rows)} "
                              f"articles): first view median {statistics.median(r['first'] for r in rows):.2f} s, max "
                              f"{max(r['first'] for r in rows):.2f} s, server CPU median "
                              f"{statistics.median(r['first_cpu'] for r in rows):.2f} s; second view median "
                              f"{statistics.median(r['second'] for r in rows):.3f} s")
                print(f"  {label:7s} storydiff demo warm: median {statistics.median(d[0] for d in demo):.2f} s wall, "
                      f"{statistics.median(d[1] for d in demo):.2f} s CPU (runs: "
                      f"{', '.join(f'{w:.2f}' for w, _ in demo)}); with an empty storydiff cache: median "
                      f"{statistics.median(d[0] for d in cold):.2f} s wall, {statistics.median(d[1] for d in cold):.2f} s CPU",
                      flush=True)
        if "ondemand" in only:
            print("\n3b. A story nobody has viewed, compared on demand (AEB's stories of 2+ articles, spaCy loaded)")
            for label, src in srcs:
                db = str(tmp / f"ondemand-{label}.db")
                run_cli(["ingest", *map(str, aeb_pages()), "--db", db], src)
                out = tmp / f"ondemand-{label}.json"
                subprocess.run([sys.executable, __file__, "--ondemand-json", db, str(out)], check=True,
                               env=cli_env(src))
                rows = json.loads(out.read_text())
                walls = [r["wall"] for r in rows]
                print(f"  {label:7s} {len(rows)} stories: first view median {statistics.median(walls):.2f} s, max "
                      f"{max(walls):.2f} s, CPU {sum(r['cpu'] for r in rows):.1f} s in all", flush=True)
                report.setdefault("ondemand", {})[label] = rows
        if "rerun" in only:
            print("\n5. storydiff ingest run again on what it stored (SQLite; default workers)")
            report["rerun"] = [r for name in args.sets
                               for r in rerun_rows(name, (aeb_pages() if name == "aeb" else mix_pages())[: args.limit],
                                                   srcs, tmp, args.reruns)]
        if "second" in only:
            if not args.web_db:
                raise SystemExit("--only second needs --web-db DB (an ingested database)")
            print(f"\n6. A stored story's second view: the {args.stories} largest stories of {args.web_db}, "
                  f"{args.reruns} rounds of views after the first")
            second = second_views(args.web_db, srcs, tmp, args.stories, args.reruns)
            report["second"] = second
            for label, _ in srcs:
                rows = second["rows"][label]
                print(f"  {label:7s} stories of {', '.join(str(r['articles']) for r in rows)} articles: second view "
                      f"median {statistics.median(r['wall'] for r in rows):.3f} s wall, server CPU median "
                      f"{statistics.median(r['cpu'] for r in rows):.3f} s (per story, wall: "
                      f"{', '.join(format(r['wall'], '.3f') for r in rows)})", flush=True)
            if len(srcs) > 1:
                med = {(label, k): statistics.median(r[k] for r in second["rows"][label])
                       for label, _ in srcs for k in ("wall", "cpu")}
                print(f"  this / before: {med['this', 'wall'] / med['before', 'wall']:.2f}x wall, "
                      f"{med['this', 'cpu'] / med['before', 'cpu']:.2f}x server CPU; pages byte-identical across "
                      f"codes: {second['pages_identical']}")
        if "profile" in only:
            print("\n4. Where the time goes: AEB in one process (--workers 0), pyinstrument, seconds per stage")
            report["profile"] = profile_table(srcs, tmp)
    finally:
        load = os.getloadavg()
        report["load_end"] = load
        print(f"\nload average at end: {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
        if args.json:
            args.json.write_text(json.dumps(report, indent=1))
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
