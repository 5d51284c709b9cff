"""The stages chained: ingest → extract → analyze → match → compare.

This module is the Python API the CLI, the web app and the Spark job share. It knows
nothing about terminals, HTTP or databases: it takes inputs and returns records.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TypeVar

from storydiff.analyze import analyze_articles
from storydiff.dates import naive_zone, parse_iso_utc
from storydiff.extract import extract_items
from storydiff.ingest import read_inputs
from storydiff.records import FEED_SUMMARY, Article, Failure, Story
from storydiff.settings import ExtractSettings, FactSettings
from storydiff.versions.batch import (
    dedupe_ids,
    moved_versions,
    newest_versions,
    resaved_versions,
    url_versions,
    without_copies,
)
from storydiff.versions.rules import (
    captured_before,
    is_cut_short,
    only_widgets_changed_since,
    other_language_at_url,
    reads_as_error_page,
    reprint_at_url,
    republished,
    same_page_relabelled,
    summary_kept_out,
    url_reused,
    url_taken_by_another,
    with_scoped_id,
    without_future_modified,
)
from storydiff.versions.stored import (
    backdated_version,
    copied_from,
    redated_version,
    revision_target,
    say_if_dated_below,
    with_free_id,
)

__all__ = [
    "CompareResult",
    "extract_paths",
    "to_match_doc",
    "group_articles",
    "compare_articles",
    "compare_paths",
]


def extract_paths(inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], settings: ExtractSettings | None = None) -> Iterator[Article | Failure]:
    """Every article (or failure) found in files, folders, globs or ``-`` (one path alone will do)."""
    return extract_items(read_inputs(inputs), settings)


def parse_published(value: str | None) -> datetime | None:
    return parse_iso_utc(value)


def to_match_doc(article: Article):
    from storydiff.match import MatchDoc

    return MatchDoc(
        id=article.id,
        text=article.text,
        title=article.title,
        published=parse_published(article.published),
        outlet=article.outlet,
        url=article.url,
        language=article.language,
    )


def prepare_rows(rows: list[tuple[str, str | None]], date_order: str | None = None) -> list[tuple[str, object, object]]:
    """Clustering features of JSON Lines rows ``{id, text, title?, published?, outlet?, url?}``:
    for each (where, line), (where, Prepared without its text (a dated row keeps it: the clusterer's
    pair judgement of next-day reports reads it), the row's id as it gave it) or
    (where, why the row failed, None). ``date_order``: the file's slash-date order
    (ingest.date_order), as ingest reads the same file.
    Order-free and picklable, so ``storydiff cluster`` runs it in worker processes
    (streaming.map_in_order) while one thread places the articles in order."""
    import json

    from storydiff.ingest.sanitize import lone_surrogate
    from storydiff.match import prepare

    out: list[tuple[str, object, object]] = []
    for where, line in rows:
        try:
            if line is None:  # split.jsonl_text_lines: over the record limit, not read
                raise ValueError("line over the limit for one record, not read")
            row = json.loads(line.lstrip("\ufeff"))  # a BOM opens many exported files
            if not isinstance(row, dict) or row.get("id") is None:
                raise ValueError("row needs 'id' and a string 'text'")
            if isinstance(row["id"], str) and lone_surrogate(row["id"]):  # an id is a key: never rewritten
                raise ValueError("'id' holds an unpaired surrogate, not text")
            # the id as the row gave it, to write it back so: 5 stays 5, not "5"
            out.append((where, prepare(match_doc_from_row(row, date_order=date_order)).without_text(), row["id"]))
        except RecursionError:
            out.append((where, "bad row: nested too deeply", None))
        except ValueError as e:  # json.JSONDecodeError is one, and a 5,000-digit number
            out.append((where, f"bad row: {str(e)[:80]}", None))
    return out


def match_doc_from_row(row: object, doc_id: str | None = None, date_order: str | None = None):
    """The MatchDoc of an article object as ``cluster`` and ``same-story`` read it
    (``{text, title?, published?, outlet?, url?, language?}``), its strings cleaned as ingest
    cleans them (ingest.sanitize) and its text without the clutter lines extraction drops from a
    text field (extract.field_text: "Read more: ...", share counters; a clean text as given);
    ``doc_id`` defaults to the row's own ``id``. ValueError saying what is wrong."""
    from storydiff.extract import field_text, normalize_date
    from storydiff.ingest.date_order import with_date_order
    from storydiff.ingest.formats import EXPORT_TEXT_FIELDS, export_record, field_type_error
    from storydiff.ingest.sanitize import clean_value
    from storydiff.match import MatchDoc

    if isinstance(row, dict):
        # the fields ingest reads, under the names it reads them (a vendor's `body`, `headline`)
        row = export_record(row)
        if not isinstance(row.get("text"), str):
            row["text"] = next((row[f] for f in EXPORT_TEXT_FIELDS if isinstance(row.get(f), str)), None)
    if not isinstance(row, dict) or not isinstance(row.get("text"), str):
        # a pair's side ("a", "b") is an article object: its id is the pair's
        raise ValueError("row needs 'id' and a string 'text'" if doc_id is None else "needs a string 'text'")
    row = clean_value(row)  # the sanitising boundary ingest applies
    if not row["text"].strip():  # as ingest and compare refuse it: nothing to group by
        raise ValueError("row has an empty 'text'")
    wrong = field_type_error(row)
    if wrong:
        raise ValueError(wrong)
    return MatchDoc(
        id=str(row["id"]) if doc_id is None else doc_id,
        text=field_text(row["text"]),
        title=row.get("title"),
        published=parse_published(normalize_date(with_date_order(row.get("published"), date_order))),
        outlet=row.get("outlet"),
        url=row.get("url"),
        # a row may say its language; a value that is no string is detected instead
        language=row["language"] if isinstance(row.get("language"), str) else None,
    )


INGEST_BATCH = 32  # articles stored per transaction, as soon as they are extracted
# Articles are placed oldest first within this many: an export or folder not sorted by date
# would otherwise move the window past its own older reports and split their stories (a user's
# 79-row export: 39 stories placed 32 at a time, 26 as `compare` sorting them all). They are
# stored before that, a chunk at a time, so a killed run loses at most the chunk in hand; the
# next run places what it stored and never placed.
REORDER_WINDOW = 2_000
# Articles placed per hold of the store's placement lock: short enough that a concurrent ingest or
# web upload waits a fraction of a second, long enough that catching up costs nothing measurable.
PLACE_CHUNK = 64


T = TypeVar("T")
log = logging.getLogger("storydiff.pipeline")


def chunks(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Consecutive lists of ``size`` items (the last may be shorter)."""
    chunk: list[T] = []
    for it in items:
        chunk.append(it)
        if len(chunk) >= size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def publication_key(position: int, article: Article) -> tuple:
    """Replay order for a batch: dated articles by time, undated after them in arrival order.
    A folder read in name order may put a September report before a March one; fed to the
    clusterer as is, September would move its window past March and split the March story."""
    when = parse_published(article.published)
    return (when is None, when or datetime.min.replace(tzinfo=timezone.utc), position)


def in_publication_order(articles: Iterable[Article], chunk: int) -> Iterator[Article]:
    """Re-order a stream chunk by chunk (memory stays bounded by ``chunk``)."""
    buf: list[Article] = []
    for a in articles:
        buf.append(a)
        if len(buf) >= chunk:
            yield from (a for _, a in sorted(enumerate(buf), key=lambda ia: publication_key(*ia)))
            buf.clear()
    yield from (a for _, a in sorted(enumerate(buf), key=lambda ia: publication_key(*ia)))


def group_articles(articles: Sequence[Article]) -> dict[str, list[Article]]:
    """Story id → its articles, in input order."""
    from storydiff.match import cluster

    by_id = {a.id: a for a in articles}
    position = {a.id: i for i, a in enumerate(articles)}
    docs = [to_match_doc(a) for a in in_publication_order(articles, max(1, len(articles)))]
    members: dict[str, list[str]] = {}
    for doc_id, story_id in cluster(docs):
        members.setdefault(story_id, []).append(doc_id)
    return {sid: sorted((by_id[i] for i in ids), key=lambda a: position[a.id]) for sid, ids in members.items()}


@dataclass
class CompareResult:
    articles: list[Article] = field(default_factory=list)
    stories: list[Story] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    # article id → how each revision differs from the one before (compare.revisions.RevisionDiff),
    # for the stored articles their outlets edited after publication
    edits: dict[str, list] = field(default_factory=dict)
    # article id → the inputs read as versions of it (oldest first; the last is the one compared)
    versions: dict[str, list[str]] = field(default_factory=dict)

    def to_dict(self) -> dict:
        return {
            "articles": [
                {
                    **a.metadata(),
                    "text": a.text,
                    "entities": [e.text for e in a.entities],
                    "quotes": [q.__dict__ for q in a.quotes],
                }
                for a in self.articles
            ],
            "stories": [s.to_dict() for s in self.stories],
            "errors": [{"source": f.source, "stage": f.stage, "reason": f.reason} for f in self.failures],
            "edits": {aid: [d.to_dict() for d in diffs] for aid, diffs in self.edits.items()},
            "versions": self.versions,
        }


def compare_articles(
    articles: Sequence[Article],
    *,
    progress: Callable[[int], None] | None = None,
    fact_settings: FactSettings | None = None,
    parse_singles: bool = True,
    entities: bool = True,
    workers: int = 0,
    analyzed: bool = False,
    parser: BackgroundParser | None = None,
) -> list[Story]:
    """Analyze, group and compare. Stories with most articles first, then in input order.

    The parse (quote speakers; entities with ``entities``) is the costly part: with
    ``parse_singles`` False only the articles of stories of several articles get it, and a
    story of one article lists its quotes without speakers (in English: the rules of other
    languages need no parse). ``analyzed``: the articles already
    had the lexical analysis (``analyze_articles(deep=False)``). ``workers`` > 0 parses in that
    many processes (forked once the model is loaded) when there is enough to parse."""
    from storydiff.analyze import quotes_without_parse

    if not analyzed:
        for _ in analyze_articles(articles, deep=False):  # in place
            if progress:
                progress(1)
    groups = group_articles(articles)
    parsed = {a.id for members in groups.values() if parse_singles or len(members) > 1 for a in members}
    to_parse = [a for a in articles if a.id in parsed]
    # parses of earlier runs (the user's cache) are read back; only new texts are parsed
    from storydiff.disk_cache import AnalysisCache

    kept = analyze_stored(AnalysisCache(), to_parse, entities=entities, workers=workers, parser=parser,
                          lexical_done=True)
    deep = {a.id: a for a in kept}
    for a in articles:  # filled in place, as analyze_articles fills them
        if a.id in deep:
            d = deep[a.id]
            a.quotes, a.entities, a.sentences, a.origins = d.quotes, d.entities, d.sentences, d.origins
        else:
            a.quotes, a.entities = quotes_without_parse(a), []
    stories = compare_stories(list(groups.items()), fact_settings, workers)
    position = {a.id: i for i, a in enumerate(articles)}
    stories.sort(key=lambda s: (-len(s.article_ids), min(position[i] for i in s.article_ids)))
    return stories


def compare_story(story_id: str, articles: Sequence[Article], fact_settings: FactSettings | None = None) -> Story:
    """``compare.compare_story``, imported when first used: ``ingest``, ``extract`` and ``watch``
    compare nothing, and importing the compare package took ~0.1 s of each run's start-up."""
    from storydiff.compare import compare_story as compare

    return compare(story_id, articles, fact_settings)


# articles per worker task of ``compare_stories``: a story's cost grows with its articles, so a
# task holds a few large stories or many of one article
COMPARE_TASK_ARTICLES = 8


def compare_batch(batch: list[tuple[str, list[Article]]], fact_settings: FactSettings | None = None) -> list[Story]:
    """``compare_story`` of each (story id, articles) of a batch, as a list (for worker processes)."""
    return [compare_story(sid, members, fact_settings) for sid, members in batch]


def _story_tasks(groups: list[tuple[str, list[Article]]]) -> Iterator[list[tuple[str, list[Article]]]]:
    task: list[tuple[str, list[Article]]] = []
    size = 0
    for sid, members in groups:
        task.append((sid, members))
        size += len(members)
        if size >= COMPARE_TASK_ARTICLES:
            yield task
            task, size = [], 0
    if task:
        yield task


def compare_stories(groups: list[tuple[str, list[Article]]], fact_settings: FactSettings | None = None,
                    workers: int = 0) -> list[Story]:
    """``compare_story`` of each (story id, analysed articles), in order; in ``workers`` processes
    forked from this one when there are enough articles to pay for them (AEB's 181 pages: 139
    stories, 2-3 s of CPU that ran on one core while the others waited) and the claim matcher is
    the lexical one (a sentence model would load in every worker). Once this process has run the
    multilingual model, a forked worker that runs it hangs (its OpenMP runtime does not survive a
    fork): the stories in two languages, the only ones that run it, are then compared here."""
    from functools import partial

    from storydiff.compare import fact_tier, warm_up
    from storydiff.embeddings import multilingual_loaded
    from storydiff.streaming import map_in_order

    if workers <= 0 or sum(len(m) for _, m in groups) < 4 * COMPARE_TASK_ARTICLES or fact_tier(fact_settings) != "lexical":
        return compare_batch(groups, fact_settings)
    here = {i for i, (_, members) in enumerate(groups) if not _in_one_language(members)} if multilingual_loaded() else set()
    away = [g for i, g in enumerate(groups) if i not in here]
    warm_up([a for _, members in away if len(members) > 1 for a in members])
    compared = map_in_order(partial(compare_batch, fact_settings=fact_settings), _story_tasks(away), workers, niceness=0)
    # the stories kept here are compared while the workers compare the others
    out = [compare_story(sid, members, fact_settings) if i in here else next(compared)
           for i, (sid, members) in enumerate(groups)]
    compared.close()  # the pool ends now, not when the generator is collected
    return out


def _in_one_language(articles: Sequence[Article]) -> bool:
    """Whether a story's articles all name one language (one article always does)."""
    from storydiff.compare.facts import article_language
    from storydiff.compare.translation import language_key

    return len(articles) < 2 or (all(a.language for a in articles) and len({language_key(a.language) for a in articles}) == 1
                                 and len({article_language(a) for a in articles}) == 1)


def compared_articles(articles: Sequence[Article]) -> list[Article]:
    """``compare.compared_articles``, imported when first used (see compare_story)."""
    from storydiff.compare import compared_articles as compared

    return compared(articles)


PARSE_BATCH = 16  # articles per worker task, at most: fewer when there are only a few per worker


def deep_batch(batch: list[Article], entities: bool = True, lexical: bool = True) -> list[Article]:
    """``analyze_articles(deep=True)`` of one batch, as a list (picklable for worker processes)."""
    return list(analyze_articles(batch, deep=True, entities=entities, lexical=lexical))


def deep_analyze(
    articles: list[Article], *, entities: bool = True, workers: int = 0, parser: BackgroundParser | None = None,
    lexical: bool = True,
) -> list[Article]:
    """``analyze_articles(deep=True)`` over ``articles``, in order; in ``workers`` processes forked
    after the model is loaded here (so that they share it) when there is more than a little, or
    in ``parser``'s process when there is a little. ``lexical``: see analyze_articles."""
    from functools import partial

    from storydiff.streaming import map_in_order

    if not articles:
        return []
    if parser is not None and len(articles) <= 2 * PARSE_BATCH:
        return parser.analyze(articles, entities, lexical)
    if workers <= 0 or len(articles) <= 2 * PARSE_BATCH:
        return deep_batch(articles, entities, lexical)
    from storydiff.analyze.nlp import get_nlp

    get_nlp()
    # at least four tasks a worker: a text's parse costs from nothing (no quote) to a second, and
    # 65 articles in tasks of 16 left one of two workers a whole task behind the other
    size = max(1, min(PARSE_BATCH, -(-len(articles) // (4 * workers))))
    return list(map_in_order(partial(deep_batch, entities=entities, lexical=lexical), chunks(articles, size), workers,
                             niceness=0))


def _start_parser(parent: int) -> None:
    from storydiff.analyze.nlp import get_nlp
    from storydiff.streaming import _init_worker

    _init_worker(0, parent)
    get_nlp()


class BackgroundParser:
    """One worker process that loads spaCy as soon as it starts, while this process extracts: a
    small comparison (the demo) then waits for the two one after the other no more. Used as a
    context manager; None where processes cannot fork."""

    def __new__(cls):
        import multiprocessing as mp

        return super().__new__(cls) if "fork" in mp.get_all_start_methods() else None

    def __init__(self) -> None:
        import multiprocessing as mp
        from concurrent.futures import ProcessPoolExecutor

        self.pool = ProcessPoolExecutor(1, mp_context=mp.get_context("fork"), initializer=_start_parser,
                                        initargs=(os.getpid(),))
        self.pool.submit(int)  # the process starts now, not at the first parse
        self.used = False

    def analyze(self, articles: list[Article], entities: bool, lexical: bool = True) -> list[Article]:
        self.used = True
        return self.pool.submit(deep_batch, articles, entities, lexical).result()

    def close(self) -> None:
        if self.used:
            self.pool.shutdown(cancel_futures=True)
            return
        # nothing to parse (every parse was kept from an earlier run): the process may still be
        # loading spaCy, which nobody needs; it is stopped rather than waited for
        processes = list((getattr(self.pool, "_processes", None) or {}).values())
        self.pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.terminate()
        for process in processes:
            process.join(5)


# extract_items takes its input this many items at a time: page text of one outlet within such a
# window learns its template from the others (extract.outlet_key)
EXTRACT_WINDOW = 500
EXTRACT_TASK = 8  # raw items per worker task otherwise


def _extraction_tasks(items: Iterable) -> Iterator[list[tuple[int, object]]]:
    """Worker tasks of (position, raw item or failure) that extract as ``extract_items`` would
    over windows of EXTRACT_WINDOW: the page text of one outlet in a window goes to one task
    whole (it is its own template's evidence); everything else in small tasks."""
    from storydiff.extract import outlet_key
    from storydiff.records import RawItem

    for window in chunks(enumerate(items), EXTRACT_WINDOW):
        by_outlet: dict[str, list[tuple[int, object]]] = {}
        rest: list[tuple[int, object]] = []
        for pos, it in window:
            key = outlet_key(it) if isinstance(it, RawItem) and it.kind == "text" else None
            (by_outlet.setdefault(key, []) if key else rest).append((pos, it))
        yield from by_outlet.values()
        yield from chunks(rest, EXTRACT_TASK)


def extract_positioned(
    task: list[tuple[int, object]],
    analyze: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    settings: ExtractSettings | None = None,
) -> list[tuple[int, Article | Failure]]:
    """``extract_batch`` over one task of ``_extraction_tasks``, each result with its position."""
    return list(zip((pos for pos, _ in task), extract_batch([it for _, it in task], analyze, settings)))


def extract_in_workers(items: Iterable, workers: int, settings: ExtractSettings | None = None) -> list[Article | Failure]:
    """Every raw item extracted and lexically analysed, in input order; in ``workers`` processes
    unless there are only a few items (a pool's start-up would cost more than it saves)."""
    from functools import partial
    from itertools import chain, islice

    from storydiff.streaming import map_in_order

    naive_zone()  # a mistyped STORYDIFF_ASSUME_TZ: one ValueError here, not one from a worker
    items = iter(items)
    head = list(islice(items, 4 * EXTRACT_TASK))
    if workers <= 0 or len(head) < 4 * EXTRACT_TASK:
        return list(analyze_lexically(extract_items(chain(head, items), settings)))
    warm_up_extraction(head, settings)
    out = list(map_in_order(partial(extract_positioned, analyze=partial(analyze_articles, deep=False), settings=settings),
                            _extraction_tasks(chain(head, items)), workers, niceness=0))
    out.sort(key=lambda pr: pr[0])
    return [r for _, r in out]


def warm_up_extraction(items: Sequence, settings: ExtractSettings | None = None, *, lexical: bool = True) -> None:
    """Load here, once, what extracting ``items`` (a first batch: their kinds) will need, before
    worker processes fork and share it: each would otherwise load its own (the HTML extractors'
    imports and date parser, the language identifier's model, the page-text line models: a second
    or more). ``lexical``: the workers analyze what they extract (sentences, origins) too."""
    from storydiff.extract import warm_up
    from storydiff.records import RawItem

    kinds = {it.kind for it in items if isinstance(it, RawItem)}
    warm_up(kinds, settings)
    if kinds and lexical:
        from storydiff.analyze import warm_up as warm_up_analysis

        warm_up_analysis()


def extraction_niceness(items: Sequence) -> int:
    """How much nicer than this process ``ingest``'s extraction workers run, from a first batch.
    HTML pages: not at all. Their extraction is the run's slow stage, and niced workers lose the
    cores to every other job on a busy machine (AEB's 181 pages under a load of ~9: 95-116 s
    with workers at niceness 10, 41-54 s at 0; the same CPU). Export rows and page text:
    streaming.WORKER_NICENESS, where the one clustering thread is the slow stage."""
    from storydiff.records import RawItem
    from storydiff.streaming import WORKER_NICENESS

    return 0 if any(isinstance(it, RawItem) and it.kind == "html" for it in items) else WORKER_NICENESS


def analyze_lexically(items: Iterable[Article | Failure]) -> Iterator[Article | Failure]:
    """Sentences and cited origins of each article of a stream (failures pass through)."""
    for it in items:
        yield it if isinstance(it, Failure) else next(analyze_articles([it], deep=False))


def compare_paths(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str],
    *,
    progress: Callable[[int], None] | None = None,
    fact_settings: FactSettings | None = None,
    parse_singles: bool = True,
    entities: bool = True,
    workers: int = 0,
    extract_settings: ExtractSettings | None = None,
) -> CompareResult:
    """Extract, analyze, group and compare the articles in ``inputs`` (see ``compare_articles``
    for ``parse_singles`` and ``entities``); ``workers`` > 0 extracts and parses in that many
    processes."""
    from itertools import chain, islice

    naive_zone()  # a mistyped STORYDIFF_ASSUME_TZ: one ValueError before any item, not a failure of each
    result = CompareResult()
    items = iter(read_inputs(inputs))
    head = list(islice(items, 4 * EXTRACT_TASK))
    # a few items: spaCy loads in a worker while this process extracts them (with many, the
    # extraction workers keep every core busy, and it loads here once for the parse workers)
    small = len(head) < 4 * EXTRACT_TASK and (len(head) > 1 or parse_singles)
    # ... unless an earlier run over the same inputs noted parses that are all kept (a warm rerun,
    # as the demo's): that process would load spaCy (~1 s of CPU) for nothing
    plan = _inputs_digest(head, parse_singles, entities, extract_settings) if workers > 0 and small else None
    parser = BackgroundParser() if plan is not None and not _parses_kept(plan, entities) else None
    try:
        for item in extract_in_workers(chain(head, items), workers, extract_settings):
            if isinstance(item, Failure):
                result.failures.append(item)
            else:
                result.articles.append(item)
                if progress:
                    progress(1)
        versions: dict[str, list[Article]] = {}
        result.articles = [a for _, a in dedupe_ids(enumerate(result.articles), versions)]
        result.articles = url_versions(result.articles, versions)
        result.articles = moved_versions(result.articles, versions)
        result.articles = resaved_versions(result.articles, versions)
        result.articles = without_copies(result.articles, versions)
        result.articles, result.edits = newest_versions(result.articles, versions)
        result.versions = {aid: [v.source for v in vs] for aid, vs in versions.items()}
        result.stories = compare_articles(result.articles, fact_settings=fact_settings, parse_singles=parse_singles,
                                          entities=entities, workers=workers, analyzed=True, parser=parser)
        if plan is not None:
            _note_parses(plan, result, parse_singles)
    finally:
        if parser is not None:
            parser.close()
    return result


def _inputs_digest(items: list, parse_singles: bool, entities: bool, extract_settings: ExtractSettings | None) -> str | None:
    """A digest of what a small comparison reads and how (its parse plan's name in the user's
    cache); None for anything it cannot digest (the parser then starts as always)."""
    import hashlib
    import json

    from storydiff.records import RawItem

    h = hashlib.sha256(repr((parse_singles, entities, extract_settings)).encode("utf-8"))
    try:
        for it in items:
            if isinstance(it, RawItem):
                meta = json.dumps(it.meta, sort_keys=True, default=str)
                h.update("\0".join(("raw", it.source, it.kind, it.url or "", meta, it.content)).encode("utf-8", "surrogatepass"))
            else:
                h.update(f"\0failure\0{it}".encode("utf-8", "surrogatepass"))
    except (TypeError, ValueError, UnicodeError):
        return None
    return h.hexdigest()


def _parses_kept(plan: str, entities: bool) -> bool:
    """Whether the parses the last comparison under ``plan`` made are all in the user's cache."""
    from storydiff.disk_cache import AnalysisCache

    cache = AnalysisCache()
    keys = cache.parse_plan(plan)
    if keys is None:
        return False
    kept = cache.get_analyses(keys)
    return not any(_parse_needed(kept, k, entities) for k in keys)


def _note_parses(plan: str, result: CompareResult, parse_singles: bool) -> None:
    """Notes under ``plan`` the analysis keys of the articles ``compare_articles`` parsed (those
    of stories of several articles, or all with ``parse_singles``)."""
    from storydiff.analyze import analyzer_id
    from storydiff.disk_cache import AnalysisCache
    from storydiff.store.codec import analysis_key

    analyzer = analyzer_id()
    by_id = {a.id: a for a in result.articles}
    parsed = [i for s in result.stories if parse_singles or len(s.article_ids) > 1 for i in s.article_ids]
    AnalysisCache().note_parse_plan(plan, [analysis_key(by_id[i].text, analyzer) for i in parsed if i in by_id])


def _parse_needed(kept: dict[str, dict], key: str, entities: bool) -> bool:
    """Whether the text under ``key`` must be parsed: never parsed, or, for ``entities``, without them."""
    return key not in kept or (entities and kept[key].get("entities") is None)


# -- database-backed flows (the store is passed in; this module never opens one) ------------


class _StoredStories:
    """Keeps the online clusterer supplied with the stored stories an article may join.

    Before the run changes a stored text or places an article: the articles within one window of
    the newest stored publication date (``load``; never, when the run places nothing: every item
    stored already, by its source or as the article it is). Then,
    for each article dated before what the clusterer holds (tomorrow's run backfilling last
    month; an unsorted export whose older half comes after the window has moved on), the stored
    articles within one window of it, so that a late reprint still finds its story, stored by an
    earlier run or by this one before the clusterer let it go."""

    def __init__(self, store, clusterer, window_days: float, keep_loaded: int) -> None:
        from datetime import timedelta

        self.store, self.clusterer, self.window = store, clusterer, timedelta(days=window_days)
        # Taken before the first load: what other processes store from here on is caught up.
        self.position = store.stored_position()
        self.mine: set[str] = set()  # stored by this run since the last catch_up
        self.waiting: set[str] = set()  # stored by other runs, not placed yet: seeded once they are
        # (start, end, arrival) of recent loads: the stories they seed stay for keep_loaded arrivals
        self.recent: list[tuple[datetime, datetime, int]] = []
        self.keep_loaded, self.arrivals = keep_loaded, 0
        self.loaded = False
        self.loaded_from: datetime | None = None  # None: nothing older stored

    def load(self) -> None:
        """Seed the stories of the newest window, once, when the run first revises a stored
        article or places one (they are seeded as the run found them: a new article is stored
        unplaced, and an unplaced article is never seeded). A re-run that finds every item stored,
        by its source before extraction or as an article after it (another file's copy of an
        export: QA pass 21b, 10), reads none of them: seeding is most of such a run's work, each
        stored article's match features computed again."""
        if self.loaded:
            return
        self.loaded = True
        newest = self.store.stories(limit=1)
        last = parse_published(newest[0].last_published) if newest and newest[0].last_published else None
        self.loaded_from = last - self.window if last is not None else None
        self._seed(self.loaded_from, None)

    def reach(self, when: datetime | None) -> None:
        """Seed the stored articles within one window of an article published ``when`` that the
        clusterer lacks."""
        self.load()
        self.arrivals += 1
        if when is None:
            return
        held_from = [t for t in (self.loaded_from, self._horizon()) if t is not None]
        covered_from = max(held_from) if held_from else None
        start, end = when - self.window, when + self.window
        if covered_from is None or start >= covered_from:
            return
        end = min(end, covered_from)
        self.recent = [r for r in self.recent if self.arrivals - r[2] < self.keep_loaded]
        for a, b, _ in sorted(self.recent):  # trim what recent loads hold from either end
            if a <= start < b:
                start = b
        for a, b, _ in sorted(self.recent, reverse=True):
            if a < end <= b:
                end = a
        if start >= end:
            return
        self._seed(start, end)
        self.recent.append((start, end, self.arrivals))

    def catch_up(self) -> None:
        """Seed the articles other processes placed since the last look (under the store's
        placement lock, so that none is still being written), then look no further back.

        Articles are stored before they are placed (a run stores each chunk as it is extracted
        and places later, in publication order): one another run stored without a story yet is
        remembered, and seeded once that run has placed it."""
        self.load()
        rows, self.position = self.store.articles_stored_after(self.position)
        for a, sid in rows:
            if a.id in self.mine:
                self.mine.discard(a.id)  # this run's own: it places them itself
            elif sid:
                self.clusterer.seed(to_match_doc(a), sid)
            else:
                self.waiting.add(a.id)
        if self.waiting:
            for a, sid in self.store.placed_among(sorted(self.waiting)):
                self.waiting.discard(a.id)
                self.clusterer.seed(to_match_doc(a), sid)

    def placed_own(self) -> None:
        """This process placed its articles up to now (still under the lock): skip them later."""
        self.position = self.store.stored_position()

    def _horizon(self) -> datetime | None:
        h = self.clusterer.horizon()
        return datetime.fromtimestamp(h, tz=timezone.utc) if h is not None else None

    def _seed(self, since: datetime | None, until: datetime | None) -> None:
        rows = self.store.articles_with_stories(
            since=since.isoformat() if since else None, until=until.isoformat() if until else None
        )
        for a, sid in rows:
            if sid:
                self.clusterer.seed(to_match_doc(a), sid)  # the store keeps story ids current through merges


def extract_batch(
    batch: list,
    analyze: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    settings: ExtractSettings | None = None,
) -> list[Article | Failure]:
    """One batch of raw items (or failures) extracted, then analyzed, in order, failures in
    place. Page text of one outlet in the batch teaches the others its template. Module-level
    so that ``ingest_stream`` can run it in worker processes (with a picklable ``analyze``)."""
    out = list(extract_items(batch, settings, batch_size=max(1, len(batch))))
    if len(out) == len(batch):  # a row that failed extraction is quarantined under its URL too
        from storydiff.ingest.formats import failed_row_source
        from storydiff.records import RawItem

        out = [replace(r, source=failed_row_source(r.source, it.url))
               if isinstance(r, Failure) and isinstance(it, RawItem) and r.source == it.source else r
               for it, r in zip(batch, out)]
    if analyze is None:
        return out
    analyzed = iter(analyze([it for it in out if not isinstance(it, Failure)]))
    return [it if isinstance(it, Failure) else next(analyzed) for it in out]


def ingest_stream(
    store,
    items: Iterable,
    *,
    analyze: Callable[[Iterable[Article]], Iterable[Article]] | None = None,
    on_failure: Callable[[Failure], object] | None = None,
    progress: Callable[[int], None] | None = None,
    workers: int = 0,
    scope_reused_ids: bool = True,
    stop: Callable[[], bool] | None = None,
    on_placed: Callable[[Article, str], object] | None = None,
    extract_settings: ExtractSettings | None = None,
    current_sources: bool = False,
    quarantines: Callable[[Failure], bool] | None = None,
) -> dict[str, int]:
    """Extract, analyze, assign to a story and store each item. Items already stored (the same
    source with the same content) are skipped before extraction, so a re-run after a kill only
    does the rest; new content at a stored path (an overwritten file, stdin) is a new item.
    An article at a stored URL (or under a stored outlet's id) with a text it never had is a new
    revision of that article (``revision_target``): stats ``revised``.

    With ``scope_reused_ids``, an article whose given id is already stored for a different
    article (other content, other URL) is stored under that id plus its content hash: export
    row ids are local to their file. The REST API turns it off: there a client's id is its key,
    and sending it again is a repeat.

    With ``workers`` > 0, extraction and analysis run in that many worker processes
    (streaming.map_in_order; ``analyze`` must then be picklable, e.g. a functools.partial of a
    module-level function) while this process clusters and stores in input order.

    Each chunk of ``INGEST_BATCH`` extracted articles is stored at once, without a story; the
    stored articles are placed in publication order ``REORDER_WINDOW`` at a time and at the end.
    A killed run so loses at most the chunk in hand, and the next run that starts alone places
    what it stored and never placed.

    ``stop`` is asked before each extracted article is taken: once it says yes, no more is read,
    the articles already extracted and held for ordering are assigned and stored, and the stats
    say ``interrupted`` (what was not read is done by a re-run).

    ``current_sources``: each item is what its source says now (``watch``): content one of an
    article's earlier revisions had is a revision again (an edit undone), not an old read skipped.

    ``on_placed`` is told each article as it is stored and what became of it: "stored",
    "revised" or "skipped" (a repeat); a stored article has its story once ``ingest_stream``
    returns.

    ``quarantines`` says of each failure whether it is quarantined (and counted, and told to
    ``on_failure``); by default every one is."""
    from concurrent.futures.process import BrokenProcessPool
    from contextlib import closing
    from functools import partial
    from itertools import chain

    from storydiff.match import OnlineClusterer
    from storydiff.settings import MatchSettings
    from storydiff.streaming import WORKER_NICENESS, map_in_order, streaming_gc

    naive_zone()  # a mistyped STORYDIFF_ASSUME_TZ: one ValueError before any item, not a failure of each
    stats = {"stored": 0, "revised": 0, "skipped": 0, "failed": 0, "interrupted": 0}
    with store.ingest_session() as alone:
        clusterer = OnlineClusterer()
        settings = MatchSettings()
        stored_stories = _StoredStories(store, clusterer, settings.window_days, settings.late_grace_docs)
        known_aliases = dict(clusterer.aliases)
        # Stored by this run and not placed yet; when this run started alone, also what killed
        # runs stored and never placed (a run still alive places its own).
        unplaced: list[Article] = store.unplaced_articles()
        if not alone:
            stored_stories.waiting = {a.id for a in unplaced}
            unplaced = []
        orphans = {a.id for a in unplaced}  # another run may take them up too: checked before placing

        def fresh(stream: Iterable) -> Iterator:
            # one query per batch of items read, not one per item
            for batch in chunks(stream, INGEST_BATCH):
                keys = [(it.source, it.digest) for it in batch if not isinstance(it, Failure)]
                stored = store.stored_items(keys, current_only=current_sources) if keys else set()
                for it in batch:
                    if not isinstance(it, Failure) and (it.source, it.digest) in stored:
                        stats["skipped"] += 1
                        if progress:
                            progress(1)
                        continue
                    yield it

        def articles_only(stream: Iterable) -> Iterator[Article]:
            for it in stream:
                if stop is not None and stop():
                    stats["interrupted"] = 1
                    return
                if isinstance(it, Failure):
                    quarantine(it)
                    continue
                yield it

        def quarantine(it: Failure) -> None:
            if quarantines is not None and not quarantines(it):
                if progress:
                    progress(1)
                return
            stats["failed"] += 1
            store.add_failure(it)
            if on_failure:
                on_failure(it)
            if progress:
                progress(1)

        def outcome(a: Article, what: str) -> None:
            stats[what] += 1
            if what != "skipped":
                # only under its own name: a line quarantined before its id could be read stays
                # listed under its location (QA 19a, 12), as clearing by location also cleared a
                # failure of another export piped or written at that place, never stored (review 19b #3);
                # a row named by its place and URL only by an article of that URL (review 21a, R9)
                from storydiff.ingest.formats import clear_names

                for name in clear_names(a.source, a.url):
                    store.clear_failure(name)
                store.clear_record_failures(a.source)  # its file and id at another place (review 22a, R4)
            if on_placed:
                on_placed(a, what)
            if progress:
                progress(1)

        def store_one(a: Article) -> None:
            a = without_future_modified(a)
            at_url = store.article_by_url(a.url) if a.url else None
            relabelled = same_page_relabelled(at_url, a)
            if relabelled is not a:
                a = relabelled
                log.warning("%s: %s", a.source, a.warnings[-1])
            if reprint_at_url(at_url, a):
                a = with_scoped_id(a)  # another outlet's copy under the original's id: an article of its own
                if store.add_article(a, None, claim_url=False):
                    unplaced.append(a)
                    stored_stories.mine.add(a.id)
                    outcome(a, "stored")
                else:
                    outcome(a, "skipped")
                return
            prior = revision_target(store, a, at_url, reverts=current_sources, url_read=True)
            redated = redated_version(store, a, at_url) if prior is None else None
            if prior is None and redated is None:
                # the same text under an earlier publication time than the page gave when read: the
                # outlet backdated it, a revision of its own (QA pass 23b, 09: "already stored")
                prior = backdated_version(store, a, at_url)
            if redated is not None:
                # the same version with its publication time corrected: the reading replaced,
                # no revision (review 22a, R3, R9)
                store.revise_article(redated.id, replace(a, id=redated.id), reread=True)
                said = (f"publication time of the stored article {redated.url or redated.id} corrected: "
                        f"{redated.published or 'none'} -> {a.published}; no new revision")
                a.warnings.append(said)
                log.warning("%s: %s", a.source, said)
                outcome(a, "skipped")
                return
            copy = copied_from(store, a) if prior is None else None
            if copy is not None and a.url and at_url is None:
                # the page of a stored paste: the page's reading (its URL, its own metadata)
                # replaces the paste's, no revision (the outlet changed nothing), so the page's
                # later edits are found at its URL
                stored_stories.load()  # before a stored text changes: the stories as the run found them
                taken = store.revise_article(copy.id, replace(a, id=copy.id, published=a.published or copy.published),
                                             reread=True) is not None
                said = (f"the page of the stored article {copy.id} (its text pasted without the URL): already stored"
                        + ("; it takes this URL" if taken else ""))
                a.warnings.append(said)
                log.warning("%s: %s", a.source, said)
                outcome(a, "skipped")
                return
            if copy is not None:
                said = f"a copy of the stored article {copy.url or copy.id} (its text read another way): already stored"
                a.warnings.append(said)  # said: the API's item result, ingest's stderr
                log.warning("%s: %s", a.source, said)
                outcome(a, "skipped")
                return
            kept_out = summary_kept_out(prior, a) if prior is not None else None
            if prior is None and at_url is not None and is_cut_short(a.text):
                # a preview too short to be found an edit of the article at its URL (most of both
                # texts) is still no article of its own (QA pass 20b, 4)
                kept_out = summary_kept_out(at_url, a, teaser_only=True)
            if kept_out is not None:
                a.warnings.append(kept_out)  # said: the API's item result, ingest's stderr
                log.warning("%s: %s", a.source, kept_out)
                outcome(a, "skipped")
                return
            if prior is not None and only_widgets_changed_since(prior, a):
                # a view counter or an "updated 5 minutes ago" moved, nothing the outlet wrote: no
                # revision, already stored (QA pass 23b, 02)
                outcome(a, "skipped")
                return
            if prior is not None:  # the outlet edited a stored article: same id, same story, new text
                # a feed's name for the outlet (its title, "DER SPIEGEL - Ausland") is a guess; the
                # page's own name stays
                outlet = prior.outlet if a.text_from == FEED_SUMMARY and prior.outlet else a.outlet
                # it keeps its first publication time; a later time the page prints is its edit's
                # (``dates.revision_times``; QA pass 21a, 08)
                from storydiff.dates import backdated, revision_times

                published, modified = revision_times(prior.published, a.published, a.modified)
                given = None
                # (a time first read from the feed's summary is the feed's, not the page's claim: the
                # page's own time is no backdating; review 23c, F5)
                if (backdated(prior.published, a.published) and not captured_before(a, prior)
                        and prior.text_from != FEED_SUMMARY):
                    # moved back after it was read: the time first read stands, the claim is recorded
                    published, given = prior.published, a.published
                # a paste of the updated page names no URL: the page's address stays the article's
                edited = replace(a, id=prior.id, published=published, modified=modified, outlet=outlet,
                                 published_as_given=given, url=a.url or prior.url)
                stored_stories.load()  # before a stored text changes: the stories as the run found them
                revised = store.revise_article(prior.id, edited, revert=current_sources)
                if revised is not None and not (current_sources and _is_current_text(store, prior.id, edited)):
                    # (a live page serving a text again makes it current whatever its date)
                    say_if_dated_below(prior, edited)
                outcome(edited, "revised" if revised is not None else "skipped")
                return
            # the outlet's version in another language at the address: an article of its own
            # beside the one there, with no claim on the URL (review 21a, R5)
            other_language = other_language_at_url(at_url, a)
            take_url = url_reused(at_url, a) and not other_language
            if (take_url or other_language) and store.get_article(a.id) is not None:
                a = with_scoped_id(a)  # the id is the address's, held by the article it carried before
            elif scope_reused_ids:
                a = with_free_id(store, a)
            if (take_url or other_language) and reads_as_error_page(a):
                # a soft 404 (HTTP 200 "Page not found") at a stored article's address is no next
                # article there: it took the URL for good (review 22a, R7)
                quarantine(Failure(a.source, f"an error page ({a.title!r}) at the address of the stored article "
                                             f"{at_url.id}: not stored", stage="store"))
                return
            claim_url = take_url or not url_taken_by_another(at_url, a)
            stored = store.add_article(a, None, claim_url=claim_url, take_url=take_url)
            holder = None if stored or (at_url is not None and at_url.same_version(a)) else store.article_with_text(a)
            if holder is not None and holder.id != a.id:
                if republished(holder, a):  # the outlet's text again, another day, another address
                    from storydiff.store.codec import dated_content_hash

                    stored = store.add_article(a, None, claim_url=claim_url, take_url=take_url,
                                               content_key=dated_content_hash(a))
                if not stored:  # said, not dropped in silence (review 21a, R6)
                    said = (f"the same text as the stored article {holder.id} ({holder.url or holder.source}"
                            f"{', ' + holder.published if holder.published else ''}) of {holder.outlet or 'no named outlet'}: "
                            "already stored")
                    a.warnings.append(said)
                    log.warning("%s: %s", a.source, said)
            if stored:
                unplaced.append(a)
                stored_stories.mine.add(a.id)
                outcome(a, "stored")
            else:
                outcome(a, "skipped")

        def store_chunk(chunk: list[Article]) -> None:
            # the stored stories are read before the write lock, never under it (review 22b, R2:
            # seeding a large window inside SQLite's write transaction locked every other writer
            # and reader out for its length); not at all for a chunk the store holds as it is
            if not stored_stories.loaded and not all(held_as_is(a) for a in chunk):
                stored_stories.load()
            # under the placement lock, so that rows become visible in storing order (catch_up)
            with store.placement_lock(), store.batch():
                for a in chunk:
                    store_safely(a)

        def held_as_is(a: Article) -> bool:
            """Whether the store holds this article as it is (its id, its text): one that would be
            skipped as already stored, neither placed nor revised."""
            held = store.get_article(a.id)
            return held is not None and held.same_version(a)

        def store_safely(a: Article) -> None:
            """``store_one``, its writes undone alone when it fails (``Store.item``: a savepoint),
            the item quarantined under its name with the reason and the chunk going on: bad input
            is normal input (review 22a, R8: one export row's malformed URL raised ValueError, the
            chunk was rolled back and every re-run stopped at the same row). A database that
            cannot be written (locked, full, gone) still ends the run: every item would fail."""
            from sqlalchemy.exc import InterfaceError, OperationalError

            counts, waiting = dict(stats), len(unplaced)
            try:
                with store.item():
                    store_one(a)
            except (OperationalError, InterfaceError, MemoryError):
                raise
            except Exception as e:  # any other error is this item's
                log.debug("storing %s failed", a.source, exc_info=True)
                stats.update(counts)  # what store_one counted before it failed is undone with its writes
                for undone in unplaced[waiting:]:  # stored, then undone with the savepoint
                    stored_stories.mine.discard(undone.id)
                del unplaced[waiting:]
                quarantine(Failure(a.source, f"not stored: {type(e).__name__}: {e}", stage="store"))

        def place(a: Article) -> None:
            doc = to_match_doc(a)
            stored_stories.reach(doc.published)
            if a.id in orphans:
                orphans.discard(a.id)
                current = store.story_of(a.id)
                if current is not None:  # placed meanwhile by a run that started alone at the same time
                    clusterer.seed(doc, current)
                    return
            if not store.place_article(a.id, clusterer.add(doc)):
                return
            for old, new in clusterer.aliases.items():
                if known_aliases.get(old) != new:
                    store.add_alias(old, clusterer.resolve(new))
                    known_aliases[old] = new

        def place_unplaced() -> None:
            """Assign what is stored and not placed, oldest first, a chunk per hold of the lock."""
            ordered = [a for _, a in sorted(enumerate(unplaced), key=lambda ia: publication_key(*ia))]
            unplaced.clear()
            if ordered:
                stored_stories.load()  # before the lock (review 22b, R2)
            for chunk in chunks(ordered, PLACE_CHUNK):
                # one transaction a chunk, not one an article (its write lock held as long as the
                # placement lock already is): a killed run leaves the chunk unplaced, as before
                with store.placement_lock(), store.batch():
                    stored_stories.catch_up()
                    for a in chunk:
                        place(a)
                    stored_stories.placed_own()

        # small batches: articles reach the store while the rest is still being extracted, so a
        # killed run leaves most of its work stored (page-text templates still learn within a batch)
        batches = chunks(fresh(items), INGEST_BATCH)
        niceness = WORKER_NICENESS
        if workers > 0:  # what every worker needs, loaded once here before they fork
            first = next(batches, None)
            warm_up_extraction(first or [], extract_settings, lexical=analyze is not None)
            niceness = extraction_niceness(first or [])
            batches = chain([first] if first else [], batches)
        extracted = map_in_order(partial(extract_batch, analyze=analyze, settings=extract_settings), batches, workers,
                                 niceness=niceness)
        with streaming_gc(), closing(extracted):  # closing: a stop cancels the batches not yet begun
            try:
                for chunk in chunks(articles_only(extracted), INGEST_BATCH):
                    store_chunk(chunk)
                    if len(unplaced) >= REORDER_WINDOW:
                        place_unplaced()
            except BrokenProcessPool:
                place_unplaced()  # what is stored is placed before the run ends either way
                if stop is None or not stop():
                    raise
                stats["interrupted"] = 1  # SIGTERM to the process group: the workers went first
            place_unplaced()
    return stats


def parse_stored(
    store, articles: Sequence[Article], *, entities: bool = True, workers: int = 0, parser: BackgroundParser | None = None,
) -> tuple[list[str], dict[str, dict]]:
    """Each article's analysis key, and the parses the store keeps under them: the texts never
    parsed (or, for ``entities``, parsed without them) are parsed now (``deep_analyze``) and stored."""
    from storydiff.analyze import analyzer_id
    from storydiff.store.codec import analysis_key

    analyzer = analyzer_id()
    keys = [analysis_key(a.text, analyzer) for a in articles]
    kept = store.get_analyses(keys)
    # one parse a text: a wire story several outlets carry word for word is one key, and its parse
    # is every copy's (the last copy's, as when each was parsed and the last one stored won)
    todo = list({k: a for a, k in zip(articles, keys) if _parse_needed(kept, k, entities)}.values())
    fresh = {}
    # only the parse is kept from these: the sentences and origins are the caller's
    for a in deep_analyze(todo, entities=entities, workers=workers, parser=parser, lexical=False):
        fresh[analysis_key(a.text, analyzer)] = {
            "quotes": [dict(vars(q)) for q in a.quotes],
            "entities": [dict(vars(e)) for e in a.entities] if entities else None,
        }
    store.save_analyses(fresh)
    kept.update(fresh)
    return keys, kept


def _is_current_text(store, article_id: str, article: Article) -> bool:
    """Whether the stored article's current text is ``article``'s (a revision just stored became
    current rather than going below it)."""
    now = store.get_article(article_id)
    return now is not None and now.text == article.text


def _is_current(story: Story | None, fact_settings: FactSettings | None) -> bool:
    """Whether a stored comparison was made by the claim matcher ``fact_settings`` choose."""
    from storydiff.compare import fact_tier

    # "lexical+e5": the same matcher, which also read sentences in other languages
    return story is not None and story.fact_tier.split("+")[0] == fact_tier(fact_settings)


def stored_story_to_parse(store, story_id: str, fact_settings: FactSettings | None = None) -> list[Article] | None:
    """The articles ``compare_stored_story(..., with_analysis=False)`` would parse for this story
    (its compared articles whose texts have no kept parse); None when its stored comparison is
    current (nothing to do) or it has no articles. What the web app's background comparer parses a
    few at a time before the comparison itself."""
    from storydiff.analyze import analyzer_id
    from storydiff.store.codec import analysis_key

    sid = store.resolve_story(story_id)
    articles = store.articles(story_id=sid)
    if not articles or _is_current(store.get_story(sid), fact_settings):
        return None
    compared = compared_articles(articles)
    analyzer = analyzer_id()
    keys = [analysis_key(a.text, analyzer) for a in compared]
    kept = store.get_analyses(keys)
    return [a for a, k in zip(compared, keys) if _parse_needed(kept, k, False)]


def compare_stored_story(
    store,
    story_id: str,
    fact_settings: FactSettings | None = None,
    *,
    with_analysis: bool = True,
    entities: bool = True,
) -> tuple[Story | None, list[Article]]:
    """One stored story's comparison and its articles. The comparison is computed once per
    membership and stored (``Store.save_story``); a view of an unchanged story reads it back.
    Computing it parses only the texts not parsed before (``analyze_stored``). With
    ``with_analysis`` the articles come back analysed (quotes with speakers; ``entities`` too),
    else as stored."""
    from storydiff.store.codec import article_members_key

    sid = store.resolve_story(story_id)
    articles = store.articles(story_id=sid)
    if not articles:
        return None, []
    story = store.get_story(sid)
    current = _is_current(story, fact_settings)
    compared = compared_articles(articles)  # before the deep analysis, which costs the most
    if current and not with_analysis:
        return story, compared
    analyzed = analyze_stored(store, compared, entities=entities and with_analysis)
    if not current:
        story = replace(compare_story(sid, analyzed, fact_settings), not_compared=len(articles) - len(compared))
        store.save_story(story, members=article_members_key(articles))
    return story, analyzed


def stored_story_result(store, story_id: str, fact_settings: FactSettings | None = None, *,
                        with_analysis: bool = True) -> CompareResult | None:
    """One stored story as ``show`` and ``export`` give it: its comparison (``compare_stored_story``;
    with ``with_analysis`` its articles analysed, entities too) and its articles' edits; None when
    it has no articles."""
    story, articles = compare_stored_story(store, story_id, fact_settings, with_analysis=with_analysis,
                                           entities=with_analysis)
    if story is None:
        return None
    return CompareResult(articles=articles, stories=[story], edits=stored_edits(store, story.article_ids))


def stored_edits(store, article_ids: Iterable[str]) -> dict[str, list]:
    """For each of ``article_ids`` its outlet edited after it was stored, how each revision
    differs from the one before it (``compare.revisions.RevisionDiff``, oldest first); one its
    outlet took down ends with that (``compare.revisions.taken_down_entry``)."""
    from storydiff.compare.revisions import edit_history, taken_down_entry

    ids = list(article_ids)
    edited = store.revision_numbers(ids)
    out = {aid: edit_history(store.revisions(aid)) for aid in edited}
    for aid, gone in store.taken_down(ids).items():
        out.setdefault(aid, []).append(taken_down_entry(edited.get(aid, 1), gone.status, gone.at))
    return out


def analyze_stored(
    store, articles: list[Article], *, entities: bool = True, workers: int = 0, parser: BackgroundParser | None = None,
    lexical_done: bool = False,
) -> list[Article]:
    """``analyze_articles(deep=True)`` for stored articles, reusing the parses the store keeps by
    text (``Store.get_analyses``; or ``disk_cache.AnalysisCache``, which keeps them the same
    way): only texts never parsed (or, for ``entities``, parsed without them) are parsed, as
    ``deep_analyze`` parses (``workers``, ``parser``), and their parses are stored.
    ``lexical_done``: the articles already have their sentences and origins
    (``analyze_articles(deep=False)``), which are then not computed again."""
    from storydiff.records import Entity, Quote

    keys, kept = parse_stored(store, articles, entities=entities, workers=workers, parser=parser)
    out = []
    for a, k in zip(articles if lexical_done else analyze_articles(articles, deep=False), keys):
        a.quotes = [Quote(**q) for q in kept[k]["quotes"]]
        a.entities = [Entity(**e) for e in kept[k].get("entities") or []]
        out.append(a)
    return out
