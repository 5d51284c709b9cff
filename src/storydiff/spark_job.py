"""storydiff on Apache Spark, for archives too big for one machine.

A thin shell over the stage functions the CLI uses (ingest → extract → analyze → match →
compare); this module only decides what runs where. Three stages:

1. **Extract, embarrassingly parallel.** Input files are split into contiguous slices (files in
   input order, so one outlet's page-text files mostly share a slice and still teach each other
   their template, as in ``extract_items``). Each task streams its files through ``read_path``
   (local paths) or ``read_bytes`` (anything Hadoop reads, through ``binaryFiles``), then
   ``extract_items`` and ``analyze_articles(deep=False)``. Failures become a separate output with
   source, stage and reason; an exception no reader caught becomes a failure of that file, never
   of the job. Articles read in several versions (one id, or one URL) are kept once, as their
   newest version at the first one's place in input order, as ``pipeline.compare_paths`` does.
   One file is one task: split huge exports before a run.

2. **Group, by time range with an overlap.** ``OnlineClusterer`` is sequential by design, so it
   runs inside partitions, each over a contiguous range of publication days, in publication
   order (``repartitionAndSortWithinPartitions``: an external sort, so memory stays bounded by the
   clusterer's own window). Ranges are planned on the driver from per-day counts and are at least
   ``MatchSettings().window_days`` wide. Why not plain buckets: a story spanning a bucket boundary
   would be split. Why not a global sort-by-time pass: that is one sequential clusterer again.
   Overlap instead: each range first replays the last ``window_days`` of the previous range
   ("warm-up" articles), which is exactly what a sequential clusterer would still hold live at the
   range start. A warm-up article that lands in a story with this range's own articles links the
   two partitions' stories; so does each merge the clusterer makes inside a range (articles are
   emitted as they are placed, so a partition keeps only its warm-up articles in memory). Links
   are joined with a union-find on the driver (only linked stories travel there). Undated
   articles form one extra partition, clustered in input order (the clusterer bounds it by
   ``window_docs``). Then, optionally, MinHash bands (LSH, 16 bands × 4 rows) find near-duplicates
   (estimated word-3-shingle Jaccard ≥ ``MatchSettings().reprint_jaccard``) anywhere in the
   archive and merge their stories: reprints published more than a window apart, or an undated
   copy of a dated wire story. A story's id is ``story_id_for`` its earliest article, which is the
   id the sequential clusterer gives it too.
   Difference from the CLI: the CLI clusters in input order, this job in publication order; the two
   agree when the input is chronological (and on small inputs generally).

3. **Compare, per story.** Articles are grouped by story id; stories with ≥ 2 articles are
   analyzed deeply (spaCy: entities, quotes with speakers) and compared with ``compare_story``;
   a one-article story is compared from its shallow analysis (nothing to align, no parse spent).

Outputs under ``--out`` (JSON Lines part files, or Parquet with ``--format parquet``):
``articles/`` (``Article.to_dict()`` plus ``story_id``), ``failures/`` (source, stage, reason) and
``stories/`` (``Story.to_dict()``).

    python -m storydiff.spark_job INPUT... --out DIR [--master local[2]] [--format parquet] [--assume-tz ZONE]

On a cluster, storydiff and its dependencies must be installed on every executor, and local
paths must be readable there (shared filesystem; relative ones are made absolute on the driver),
or pass ``--binary-files`` / hdfs:// paths. The driver's assumed zone for zone-less times
(``--assume-tz`` or ``STORYDIFF_ASSUME_TZ``) travels with the tasks.
"""

from __future__ import annotations

import argparse
import bisect
import gc
import json
import math
import os
import re
import sys
import time
import zlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from storydiff.records import Article, Failure
from storydiff.unionfind import UnionFind

__all__ = ["plan_ranges", "warm_ranges", "union_find_roots", "input_refs", "run_job", "main"]

DAY_S = 86400.0
OWN, WARM = 0, 1
# LSH over MinHash signatures: 16 bands of 4 rows finds a pair at Jaccard 0.5 with p = 0.64 and
# at 0.7 with p = 0.98 (the same banding as storydiff.match's in-memory index).
LSH_BANDS, LSH_ROWS = 16, 4
# A band bucket larger than this is boilerplate every page shares, not a reprint: skipped, as the
# clusterer skips over-long posting lists (MatchSettings.max_postings plays that role in memory).
MAX_BUCKET = 200
_WORD = re.compile(r"\w+")
_settled: set[str] = set()


def _settle_heap(what: str = "stages") -> None:
    """Import the stage modules once per worker process, then ``gc.freeze()`` what they built.

    PySpark's daemon runs ``gc.collect()`` after every task; with trafilatura, scikit-learn and
    spaCy loaded that full collection costs ~0.3 s, more than a small task itself (measured:
    8 trivial tasks 3.0 s → 0.33 s). Frozen objects are the modules' own, alive for the process."""
    if what in _settled:
        return
    if what == "stages":
        import storydiff.pipeline  # noqa: F401 (ingest, extract, analyze, match, compare)
    else:
        from storydiff.analyze import analyze_articles

        list(analyze_articles([], deep=True))  # loads the spaCy pipeline
    gc.freeze()
    _settled.add(what)


# -- planning (pure Python, runs on the driver) --------------------------------------------------


def plan_ranges(day_counts: dict[int, int], n_ranges: int, min_days: int) -> list[int]:
    """Start day of each time range: contiguous days, about equal article counts, each range at
    least ``min_days`` wide so a warm-up window only ever reaches back into the range before."""
    if not day_counts:
        return []
    days = sorted(day_counts)
    total = sum(day_counts.values())
    target = max(1, math.ceil(total / max(1, n_ranges)))
    starts = [days[0]]
    acc = 0
    for d in days:
        if acc >= target and d - starts[-1] >= min_days:
            starts.append(d)
            acc = 0
        acc += day_counts[d]
    return starts


def range_of(starts: Sequence[int], t: float) -> int:
    return max(0, bisect.bisect_right(starts, math.floor(t / DAY_S)) - 1)


def warm_ranges(starts: Sequence[int], t: float, window_s: float) -> list[int]:
    """Later ranges whose warm-up window (the ``window_s`` before their start) holds time ``t``."""
    out = []
    for j in range(range_of(starts, t) + 1, len(starts)):
        if starts[j] * DAY_S - window_s > t:
            break
        out.append(j)
    return out


def union_find_roots(edges: Iterable[tuple[Any, Any]]) -> dict[Any, Any]:
    """Node → representative of its connected component, for every node named in an edge."""
    uf = UnionFind()
    for a, b in edges:
        uf.union(a, b)
    return {x: uf.find(x) for x in list(uf.parent)}


def bounded_roots(
    edges: Iterable[tuple[Any, Any]], spans: dict[Any, tuple[int, int, tuple]], most: int
) -> dict[Any, Any]:
    """``union_find_roots`` with the clusterer's story span bound (MatchSettings.event_story_span_days)
    on every link: ``spans`` gives a node's (first, last publication day, the event days its ledes
    name: ``event_dates.event_days``' ranges, empty for none); two components are joined only
    where, if either names an event day, their publication days together span at most ``most``
    days (-1: no bound), or where both name the one same day (a later report of that event, as
    ``clusterer._span_exceeds`` lets it join: review 23c, F3). Links are taken in sorted order,
    so the result is the same whatever order Spark collects them in. Without it the partial
    stories of a month of templated daily reports, and the reprint pairs the template makes
    between different days' reports, linked into one story (QA pass 23a, 03)."""
    from storydiff.match.event_dates import days_apart

    uf = UnionFind()
    span: dict[Any, tuple[int, int, tuple] | None] = {}
    for a, b in sorted(edges):
        ra, rb = uf.find(a), uf.find(b)
        if ra == rb:
            continue
        sa, sb = span.get(ra, spans.get(a)), span.get(rb, spans.get(b))
        merged = sa if sb is None else sb if sa is None else (
            min(sa[0], sb[0]), max(sa[1], sb[1]), tuple(sorted(set(sa[2]) | set(sb[2]))))
        if (most >= 0 and merged is not None and merged[2] and merged[1] - merged[0] > most
                and not (sa is not None and sb is not None and days_apart(sa[2], sb[2]) == 0)):
            continue
        span[uf.union(a, b)] = merged
    return {x: uf.find(x) for x in list(uf.parent)}


def _is_hadoop_path(path: str) -> bool:
    return "://" in path and not path.startswith("file://")


def input_refs(inputs: Sequence[str], binary_files: bool = False) -> tuple[list[tuple[int, str]], list[str]]:
    """(local files to read in tasks as (input order, path), paths for ``binaryFiles``)."""
    from storydiff.ingest import expand_inputs

    if "-" in inputs:
        raise ValueError("the Spark job reads files, not stdin: save the input to a file first")
    hadoop = [p for p in inputs if binary_files or _is_hadoop_path(p)]
    # absolute: a task on a cluster runs in its worker's folder, where "rows.jsonl" was "no such
    # file" (QA pass 18); local mode names them the same way, so both write the same output
    local = [os.path.abspath(p[len("file://") :] if p.startswith("file://") else p) for p in inputs if p not in hadoop]
    return list(enumerate(expand_inputs(local))), hadoop


# -- stage 1: read, extract, analyze (runs in tasks) --------------------------------------------


def _read_refs(refs: Iterable[tuple[int, str, bytes | None]], orders: deque) -> Iterator:
    """Every RawItem/Failure of the files, recording each one's input order in ``orders``."""
    from storydiff.ingest import read_bytes, read_path

    for file_idx, path, data in refs:
        stream = read_path(path) if data is None else read_bytes(path, data)
        n = 0
        try:
            for item in stream:
                orders.append((file_idx, path, n))
                n += 1
                yield item
        except Exception as e:  # a reader bug on one file must not fail the task's other files
            orders.append((file_idx, path, n))
            yield Failure(path, f"read failed: {type(e).__name__}: {str(e)[:100]}")


def extract_partition(
    refs: Iterable[tuple[int, str, bytes | None]], zone: str | None = None
) -> Iterator[tuple[str, tuple, Any]]:
    """("a", order, Article) or ("f", order, Failure) for every item of the files, in order.
    ``zone``: the driver's ``STORYDIFF_ASSUME_TZ`` ("" for none), put in this worker's environment
    for the task: an executor on a cluster does not inherit the driver's (QA pass 18: zone-less
    times came out 2 hours off there, and a worker process serves the tasks of later jobs too)."""
    from storydiff.analyze import analyze_articles
    from storydiff.dates import ASSUME_TZ_ENV
    from storydiff.extract import extract_items

    if zone:
        os.environ[ASSUME_TZ_ENV] = zone
    elif zone is not None:
        os.environ.pop(ASSUME_TZ_ENV, None)
    _settle_heap()
    orders: deque = deque()
    for item in extract_items(_read_refs(refs, orders)):  # one output per input, in order
        order = orders.popleft()
        if isinstance(item, Failure):
            yield "f", order, item
            continue
        try:
            yield "a", order, next(analyze_articles([item], deep=False))
        except Exception as e:  # pathological text: report it, keep the partition going
            yield (
                "f",
                order,
                Failure(item.source, f"analysis failed: {type(e).__name__}: {str(e)[:100]}", "analyze"),
            )


def newest_of_id(tagged: Iterable[tuple[tuple, Article]]) -> list[tuple[tuple, Article]]:
    """The (input order, Article) pairs read under one id, as ``compare`` and ``ingest`` keep them:
    the same page once, as its newest version (``versions.batch.newest_versions``: by the versions'
    modified, capture or publication times, else the one read last) at the place of the first;
    a different article reusing the id (row "r1" of two exports) under a scoped id, the first in
    input order keeping the plain one. (QA pass 18: an article updated twice came out with its
    original text, "three people", while the database and compare held the 18:00 correction.)"""
    from storydiff.versions.batch import dedupe_ids, newest_versions

    versions: dict[str, list[Article]] = {}
    kept = dedupe_ids(sorted(tagged, key=lambda oa: oa[0]), versions)
    newest, _ = newest_versions([a for _, a in kept], versions)
    return [(order, a) for (order, _), a in zip(kept, newest, strict=True)]


def _url_key(article: Article) -> str:
    from storydiff.store.codec import canonical_url

    url = canonical_url(article.url)
    return f"url:{url}" if url else f"id:{article.id}"


def newest_at_url(tagged: Iterable[tuple[tuple, Article]]) -> list[tuple[tuple, Article]]:
    """The (input order, Article) pairs at one URL (each id's already ``newest_of_id``), one per
    article as ``compare`` keeps them (``versions.batch.url_versions``): an export row and a crawl's
    capture of its page once, as the newest version; a live blog's posts apart."""
    from storydiff.versions.batch import newest_versions, url_versions

    tagged = sorted(tagged, key=lambda oa: oa[0])
    if len(tagged) < 2:
        return tagged
    order = {id(a): o for o, a in tagged}
    versions: dict[str, list[Article]] = {}
    kept = url_versions([a for _, a in tagged], versions)
    newest, _ = newest_versions(kept, versions)
    return [(order[id(k)], n) for k, n in zip(kept, newest, strict=True)]


def _edit_key(article: Article) -> str:
    """The group in which ``compare`` looks for the article this one continues: an outlet's
    article at one publication time (a slug moved with the headline, ``versions.batch.moved_versions``),
    or an outlet's page texts without a URL (saved again after an edit, ``resaved_versions``);
    any other article is a group of its own."""
    from storydiff.dates import is_bare_date, sortable_time

    outlet = (article.outlet or "").strip().lower()
    if article.url and outlet and article.published and not is_bare_date(article.published):
        return f"moved:{outlet}\x00{sortable_time(article.published) or ''}"
    if not article.url and outlet:
        return f"resaved:{outlet}"
    return f"id:{article.id}"


def newest_after_edits(tagged: Iterable[tuple[tuple, Article]]) -> list[tuple[tuple, Article]]:
    """The (input order, Article) pairs of one ``_edit_key`` group (each already ``newest_at_url``),
    one per article as ``compare`` and ``ingest`` keep them: a correction whose slug moved with its
    headline, or a page's text saved again after the outlet's edit, is the earlier article's newer
    version, not a second article of the outlet contradicting the first (review 19: the job kept
    both where the CLI kept one)."""
    from storydiff.versions.batch import moved_versions, newest_versions, resaved_versions

    tagged = sorted(tagged, key=lambda oa: oa[0])
    if len(tagged) < 2:
        return tagged
    order = {id(a): o for o, a in tagged}
    versions: dict[str, list[Article]] = {}
    kept = resaved_versions(moved_versions([a for _, a in tagged], versions), versions)
    newest, _ = newest_versions(kept, versions)
    return [(order[id(k)], n) for k, n in zip(kept, newest, strict=True)]


def _text_key(article: Article) -> str:
    """The group in which ``ingest`` finds an article's text already stored: one outlet's text
    (``store.codec.article_content_hash``); an article without text is a group of its own."""
    from storydiff.store.codec import article_content_hash

    return f"text:{article_content_hash(article)}" if (article.text or "").strip() else f"id:{article.id}"


def same_text_once(tagged: Iterable[tuple[tuple, Article]]) -> list[tuple[tuple, Article]]:
    """The (input order, Article) pairs of one ``_text_key`` group (each already
    ``newest_after_edits``), kept as ``ingest`` stores them: the outlet's same text at a second
    address is the first one's repeat ("the same text as the stored article ...: already
    stored"), unless published again on another day (``versions.rules.republished``: a recurring
    alert's wording). The job kept both, so one export gave 1,635 articles in Spark and 1,620 in
    SQLite and PostgreSQL (QA pass 23a, 04)."""
    from storydiff.versions.rules import republished

    tagged = sorted(tagged, key=lambda oa: oa[0])
    if len(tagged) < 2:
        return tagged
    kept: list[tuple[tuple, Article]] = []
    for order, a in tagged:
        if all(republished(k, a) for _, k in kept):
            kept.append((order, a))
    return kept


# -- stage 2: group (runs in tasks) ------------------------------------------------------------


def _timestamp(article: Article) -> float | None:
    from storydiff.match.doc import timestamp

    _settle_heap()
    return timestamp(article.published)


def time_key(article: Article, order: tuple) -> tuple:
    """Sort key "earliest first": dated by time, then undated in input order."""
    t = _timestamp(article)
    return (0, t, order) if t is not None else (1, 0.0, order)


def cluster_partition(
    index: int, rows: Iterable[tuple[tuple, Article]], bands: bool = False
) -> Iterator[tuple]:
    """Run the online clusterer over one range in time order, streaming. Yields

    - ("own", id, node, key) for each of the range's articles as it is placed, node being
      (range, story id at that moment), and for a dated one ("span", node, (day, day, the days its
      lede names)): what the driver's story span bound reads (``bounded_roots``);
    - with ``bands``, ("band", band key, (id, node, signature)) for each LSH band of an own
      article (emitted here, where text and node are both at hand: no join needed);
    - at the end, ("alias", old node, new node) for every merge the clusterer made, and
      ("warm", id, node) for warm-up articles whose final story holds an own article.

    Only the warm-up articles are remembered to the end, so memory stays bounded by the
    clusterer's window however long the range is."""
    from storydiff.match import OnlineClusterer
    from storydiff.match.clusterer import prepare
    from storydiff.pipeline import to_match_doc
    from storydiff.streaming import streaming_gc

    _settle_heap()
    clusterer = OnlineClusterer()
    warm: list[tuple[str, str]] = []
    own_sids: set[str] = set()
    # A range is a long stream: collect as `storydiff cluster` does (streaming.py says why).
    with streaming_gc():
        for (_, key, role), article in rows:
            prepared = prepare(to_match_doc(article))
            sid = clusterer.add_prepared(prepared)
            if role != OWN:
                warm.append((article.id, sid))
                continue
            own_sids.add(sid)
            node = (index, sid)
            yield "own", article.id, node, key
            if prepared.pub_day is not None:  # what the story span bound reads (bounded_roots)
                yield "span", node, (prepared.pub_day, prepared.pub_day, tuple(prepared.event_days))
            sig = _shingle_minhash(article.text) if bands else None
            if sig is not None:
                raw, names = sig.tobytes(), prepared.names.tobytes()
                width = LSH_ROWS * sig.itemsize
                for b in range(LSH_BANDS):
                    yield "band", (b, raw[b * width : (b + 1) * width]), (article.id, node, raw, names, prepared.t)
        for old, new in clusterer.aliases.items():
            yield "alias", (index, old), (index, new)
        with_own = {clusterer.resolve(sid) for sid in own_sids}
        for aid, sid in warm:
            final = clusterer.resolve(sid)
            if final in with_own:
                yield "warm", aid, (index, final)


def _shingle_minhash(text: str):
    """MinHash (uint32[LSH_BANDS * LSH_ROWS]) of the word 3-shingles; None for a text without words."""
    import numpy as np
    from datasketch import MinHash

    _settle_heap()
    words = [w.lower() for w in _WORD.findall(text or "")]
    grams = [" ".join(words[i : i + 3]) for i in range(len(words) - 2)] or words
    if not grams:
        return None
    # crc32 instead of datasketch's default SHA-1: same estimate, several times faster in Python
    m = MinHash(num_perm=LSH_BANDS * LSH_ROWS, hashfunc=zlib.crc32, seed=1)
    m.update_batch([g.encode("utf-8", "surrogatepass") for g in set(grams)])
    return m.hashvalues.astype(np.uint32)  # values are < 2^32: half the bytes in the shuffle


def signature_jaccard(a: bytes, b: bytes) -> float:
    """Estimated Jaccard of two signatures (as bytes): the share of equal MinHash values."""
    import numpy as np

    x, y = np.frombuffer(a, dtype=np.uint32), np.frombuffer(b, dtype=np.uint32)
    return float(np.count_nonzero(x == y)) / len(x) if len(x) == len(y) and len(x) else 0.0


def bucket_pairs(
    members: Iterable[tuple[str, Any, bytes, bytes, float | None]], threshold: float, names_kept: float,
    window_s: float = math.inf,
) -> Iterator[tuple]:
    """((id a, id b), (node a, node b)) for members of one band bucket that are near-duplicates:
    shingle Jaccard at least ``threshold``, and the names and figures kept as the clusterer's
    reprint check asks (MatchSettings.reprint_names_kept: a template is no copy). Not two dated
    members published within ``window_s`` of each other: one range's clusterer (or the next
    range's, which replays the last window of the one before) has judged that pair already, with
    the lede vetoes and the story span bound this check lacks; the merge is for what no clusterer
    saw (copies more than a window apart, an undated copy). One outlet's template filled in for
    each day's strike made 16,375 such pairs of 1,635 articles and linked them all (QA pass 23a, 03)."""
    import numpy as np

    from storydiff.match.fingerprint import kept_share

    members = sorted(set(members), key=lambda m: m[0])
    if len(members) > MAX_BUCKET:
        return
    for i, (a, node_a, sig_a, names_a, t_a) in enumerate(members):
        for b, node_b, sig_b, names_b, t_b in members[i + 1 :]:
            if t_a is not None and t_b is not None and abs(t_a - t_b) <= window_s:
                continue
            if signature_jaccard(sig_a, sig_b) >= threshold and kept_share(
                np.frombuffer(names_a, dtype=np.uint64), np.frombuffer(names_b, dtype=np.uint64)
            ) >= names_kept:
                yield (a, b), (node_a, node_b)


# -- stage 3: compare (runs in tasks) -----------------------------------------------------------


def compare_group(sid: str, members: Iterable[tuple[tuple, Article]]) -> tuple[str, Any]:
    """("s", Story dict) or ("f", Failure) for one story's (order, Article) members."""
    from storydiff.analyze import analyze_articles
    from storydiff.compare import compare_story

    _settle_heap()
    articles = [a for _, a in sorted(members, key=lambda m: m[0])]  # input order, as the CLI
    try:
        if len(articles) >= 2:
            _settle_heap("spacy")
            articles = list(analyze_articles(articles, deep=True))
        return "s", compare_story(sid, articles).to_dict()
    except Exception as e:  # one story's bad article must not lose the other stories
        return "f", Failure(sid, f"compare failed: {type(e).__name__}: {str(e)[:100]}", "compare")


# -- the job (runs on the driver) ---------------------------------------------------------------


def _failure_dict(f: Failure) -> dict[str, str]:
    return {"source": f.source, "stage": f.stage, "reason": f.reason}


def _write(spark, rdd, path: str, fmt: str) -> None:
    """Replace ``path`` (any Hadoop path) with the dicts of ``rdd`` as JSON Lines or Parquet."""
    lines = rdd.map(lambda d: json.dumps(d, ensure_ascii=False))
    if fmt == "parquet":
        df = spark.read.json(lines) if not lines.isEmpty() else spark.createDataFrame([], "source string")
        df.write.mode("overwrite").parquet(path)
        return
    sc = spark.sparkContext
    jvm_path = sc._jvm.org.apache.hadoop.fs.Path(path)  # the Hadoop FS API: works for hdfs://, s3a://, local
    jvm_path.getFileSystem(sc._jsc.hadoopConfiguration()).delete(jvm_path, True)
    lines.saveAsTextFile(path)  # plain RDD write: no SQL planning for what is already text


def _story_stats(r: tuple[str, Any]) -> tuple[int, int, int, int, int]:
    """(stories, multi-article stories, articles they compared, failed stories, articles they left
    out of the comparison) of one compare result."""
    if r[0] == "f":
        return 0, 0, 0, 1, 0
    n = len(r[1]["article_ids"])
    return 1, int(n >= 2), n, 0, int(r[1].get("not_compared") or 0)


def _add(a: tuple, b: tuple) -> tuple:
    return tuple(x + y for x, y in zip(a, b, strict=True))


def run_job(
    spark,
    inputs: Sequence[str],
    out: str,
    *,
    fmt: str = "jsonl",
    time_partitions: int | None = None,
    reprint_merge: bool = True,
    binary_files: bool = False,
    log: Callable[[str], object] | None = None,
) -> dict[str, int]:
    """Run the three stages on an existing SparkSession and write articles/, failures/, stories/
    under ``out``. Returns counts. ``time_partitions`` defaults to the default parallelism;
    ``log`` gets one line as each step ends."""
    from pyspark import StorageLevel

    from storydiff.dates import ASSUME_TZ_ENV, naive_zone
    from storydiff.match import story_id_for
    from storydiff.settings import MatchSettings

    if fmt not in ("jsonl", "parquet"):
        raise ValueError(f"unknown output format {fmt!r}: jsonl or parquet")
    naive_zone()  # a mistyped STORYDIFF_ASSUME_TZ: one ValueError before any task
    zone = os.environ.get(ASSUME_TZ_ENV, "")
    sc = spark.sparkContext
    started = time.monotonic()

    def step(what: str) -> None:
        if log:
            log(f"[{time.monotonic() - started:7.1f}s] {what}")

    settings = MatchSettings()
    window_s = settings.window_days * DAY_S
    level = StorageLevel.MEMORY_AND_DISK
    reduce_parts = sc.defaultParallelism

    # stage 1: read, extract, analyze ------------------------------------------------------------
    local, hadoop = input_refs(inputs, binary_files)
    parts = []
    if local:
        refs = [(i, p, None) for i, p in local]
        parts.append(sc.parallelize(refs, max(1, min(len(refs), sc.defaultParallelism * 2))))
    for k, path in enumerate(hadoop, start=len(local)):
        parts.append(sc.binaryFiles(path).map(lambda pd, k=k: (k, pd[0], bytes(pd[1]))))
    if not parts:
        raise ValueError("no inputs")
    items = sc.union(parts).mapPartitions(lambda refs: extract_partition(refs, zone)).persist(level)
    failures = items.filter(lambda r: r[0] == "f").map(lambda r: _failure_dict(r[2]))
    articles = (
        items.filter(lambda r: r[0] == "a")
        .map(lambda r: (r[2].id, (r[1], r[2])))
        .groupByKey(reduce_parts)
        .flatMap(lambda kv: newest_of_id(kv[1]))
        .map(lambda oa: (_url_key(oa[1]), oa))
        .groupByKey(reduce_parts)
        .flatMap(lambda kv: newest_at_url(kv[1]))
        .map(lambda oa: (_edit_key(oa[1]), oa))
        .groupByKey(reduce_parts)
        .flatMap(lambda kv: newest_after_edits(kv[1]))
        .map(lambda oa: (_text_key(oa[1]), oa))
        .groupByKey(reduce_parts)
        .flatMap(lambda kv: same_text_once(kv[1]))
        .map(lambda oa: (oa[1].id, (time_key(oa[1], oa[0]), oa[0], oa[1])))
        .persist(level)
    )  # id → (time key, order, Article)

    # stage 2: plan time ranges from per-day counts, cluster each range, stitch ----------------
    day_counts = (
        articles.filter(lambda kv: kv[1][0][0] == 0)
        .map(lambda kv: (math.floor(kv[1][0][1] / DAY_S), 1))
        .reduceByKey(lambda a, b: a + b)
        .collectAsMap()
    )
    step(f"extracted; {sum(day_counts.values())} dated articles on {len(day_counts)} days")
    starts = plan_ranges(
        day_counts, time_partitions or sc.defaultParallelism, math.ceil(settings.window_days)
    )
    undated = len(starts)

    def route(kv):
        _, (key, _, article) = kv
        if key[0] == 1:
            return [((undated, key, OWN), article)]
        routed = [((range_of(starts, key[1]), key, OWN), article)]
        routed.extend(((j, key, WARM), article) for j in warm_ranges(starts, key[1], window_s))
        return routed

    clustered = (
        articles.flatMap(route)
        .repartitionAndSortWithinPartitions(undated + 1, partitionFunc=lambda k: k[0])
        .mapPartitionsWithIndex(lambda i, rows: cluster_partition(i, rows, bands=reprint_merge))
        .persist(level)
    )
    own = clustered.filter(lambda r: r[0] == "own").map(lambda r: (r[1], (r[2], r[3])))  # id → (node, key)
    edges = (
        clustered.filter(lambda r: r[0] == "warm")
        .map(lambda r: (r[1], r[2]))
        .join(own.mapValues(lambda v: v[0]), reduce_parts)
        .map(lambda kv: (None, kv[1]))
        .union(clustered.filter(lambda r: r[0] == "alias").map(lambda r: (None, (r[1], r[2]))))
    )
    if reprint_merge:
        threshold, names_kept = settings.reprint_jaccard, settings.reprint_names_kept
        reprints = (
            clustered.filter(lambda r: r[0] == "band")
            .map(lambda r: (r[1], r[2]))
            .groupByKey(reduce_parts)
            .flatMap(lambda kv: bucket_pairs(kv[1], threshold, names_kept, window_s))
        )
        edges = edges.union(reprints).distinct(reduce_parts)  # a pair shares up to LSH_BANDS buckets
    collected = edges.collect()
    linked = {node for _, e in collected for node in e}
    linked_b = sc.broadcast(linked)  # only linked nodes' spans travel to the driver
    spans = (
        clustered.filter(lambda r: r[0] == "span" and r[1] in linked_b.value)
        .map(lambda r: (r[1], r[2]))
        .reduceByKey(lambda a, b: (min(a[0], b[0]), max(a[1], b[1]), a[2] or b[2]), reduce_parts)
        .collectAsMap()
    )
    linked_b.unpersist()
    roots = bounded_roots((e for _, e in collected if e[0] != e[1]), spans, settings.event_story_span_days)
    n_reprint_pairs = sum(1 for pair, _ in collected if pair is not None)
    step(
        f"clustered {len(starts)} time ranges; {n_reprint_pairs} reprint pairs; {len(roots)} partial stories linked"
    )
    roots_b = sc.broadcast(roots)
    earliest = (
        own.filter(lambda kv: kv[1][0] in roots_b.value)
        .map(lambda kv: (roots_b.value[kv[1][0]], (kv[1][1], kv[0])))
        .reduceByKey(min, reduce_parts)
        .collectAsMap()
    )
    node_sid = {node: story_id_for(earliest[root][1]) for node, root in roots.items() if root in earliest}
    node_sid_b = sc.broadcast(node_sid)
    story_of = own.mapValues(lambda v: node_sid_b.value.get(v[0], v[0][1]))  # id → story id

    # stage 3: compare each story -------------------------------------------------------------
    placed = (
        articles.join(story_of, reduce_parts)
        .map(lambda kv: (kv[1][1], (kv[1][0][1], kv[1][0][2])))
        .persist(level)
    )  # story id → (order, Article)
    compared = placed.groupByKey(reduce_parts).map(lambda kv: compare_group(kv[0], kv[1])).persist(level)
    _write(spark, placed.map(lambda kv: {**kv[1][1].to_dict(), "story_id": kv[0]}), f"{out}/articles", fmt)
    _write(spark, compared.filter(lambda r: r[0] == "s").map(lambda r: r[1]), f"{out}/stories", fmt)
    story_failures = compared.filter(lambda r: r[0] == "f").map(lambda r: _failure_dict(r[1]))
    _write(spark, failures.union(story_failures), f"{out}/failures", fmt)
    step("compared; articles, stories and failures written")
    n_stories, n_multi, n_compared, n_failed, n_left = compared.map(_story_stats).fold((0, 0, 0, 0, 0), _add)
    counts = {
        # the rows written to articles/ (QA pass 23a, 08: this counted the articles compared)
        "articles": placed.count(),
        # of those, the ones the stories compared (a story compares at most
        # CompareSettings.max_story_articles: the rest are its not_compared)
        "compared_articles": n_compared,
        "not_compared": n_left,
        "failures": failures.count() + n_failed,
        "stories": n_stories,
        "multi_article_stories": n_multi,
        "time_ranges": len(starts),
        "linked_stories": len(roots),
        "reprint_pairs": n_reprint_pairs,
    }
    for rdd in (items, articles, clustered, placed, compared):
        rdd.unpersist()
    roots_b.unpersist()
    node_sid_b.unpersist()
    return counts


def main(argv: Sequence[str] | None = None, prog: str = "python -m storydiff.spark_job") -> int:
    from storydiff.dates import ASSUME_TZ_ENV, zone_named

    parser = argparse.ArgumentParser(
        prog=prog,  # "storydiff spark" when the CLI runs it
        description="storydiff on Spark: extract, group and compare an archive; write articles/, "
        "failures/ and stories/ under --out.",
    )
    parser.add_argument("inputs", nargs="+", help="files, folders, globs, or Hadoop paths (hdfs://, s3a://)")
    parser.add_argument("--out", required=True, help="output folder (local or Hadoop path); overwritten")
    parser.add_argument(
        "--master", default=None, help="Spark master, e.g. local[2] (default: spark-submit's)"
    )
    parser.add_argument("--format", dest="fmt", choices=("jsonl", "parquet"), default="jsonl",
                        help="how articles/, stories/ and failures/ are written (default: JSON Lines)")
    parser.add_argument(
        "--time-partitions", type=int, default=None, help="time ranges to cluster in parallel"
    )
    parser.add_argument("--no-reprint-merge", action="store_true", help="skip the cross-range reprint merge")
    parser.add_argument("--binary-files", action="store_true", help="read every input through binaryFiles")
    parser.add_argument("--strict", action="store_true", help="exit 1 if any item failed (see failures/)")
    parser.add_argument(
        "--assume-tz", metavar="ZONE", default=None,
        help="the zone of times written without one, an IANA name (Europe/Kyiv); default "
        f"${ASSUME_TZ_ENV}, else UTC; shipped to every executor",
    )
    args = parser.parse_args(argv)
    if args.assume_tz is not None:
        try:
            zone_named(args.assume_tz)
        except ValueError as e:
            parser.error(f"--assume-tz: {e}")
    before = os.environ.get(ASSUME_TZ_ENV)
    if args.assume_tz is not None:  # for this run only, as the other commands' --assume-tz
        os.environ[ASSUME_TZ_ENV] = args.assume_tz
    try:
        return _run_main(args)
    finally:
        if before is None:
            os.environ.pop(ASSUME_TZ_ENV, None)
        else:
            os.environ[ASSUME_TZ_ENV] = before


def _run_main(args: argparse.Namespace) -> int:
    from pyspark.sql import SparkSession

    # our own step lines replace Spark's console progress bar, which would interleave with them
    builder = SparkSession.builder.appName("storydiff").config("spark.ui.showConsoleProgress", "false")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()

    def log(line: str) -> None:
        print(line, file=sys.stderr, flush=True)

    try:
        counts = run_job(
            spark,
            args.inputs,
            # a local folder named from the driver's folder, not from each executor's
            args.out if _is_hadoop_path(args.out) else os.path.abspath(args.out.removeprefix("file://")),
            fmt=args.fmt,
            time_partitions=args.time_partitions,
            reprint_merge=not args.no_reprint_merge,
            binary_files=args.binary_files,
            log=log,
        )
    except ValueError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    finally:
        spark.stop()
    print(json.dumps(counts))
    # as the storydiff commands: 1 when nothing could be read at all, or with --strict for any failure
    if counts["failures"] and (args.strict or not counts["articles"]):
        print(f"{counts['failures']} item(s) failed: see {args.out.rstrip('/')}/failures", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
