"""The stages chained: ingest → extract → analyze → match → compare.

This module is the Python API the CLI, the web app and the Spark job share. It knows
nothing about terminals, HTTP or databases: it takes inputs and returns records.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timezone
from typing import TypeVar

from storydiff.analyze import analyze_articles
from storydiff.dates import naive_zone, parse_iso_utc
from storydiff.extract import extract_items
from storydiff.ingest import read_inputs
from storydiff.records import FEED_SUMMARY, Article, Failure, Story
from storydiff.settings import ExtractSettings, FactSettings, RevisionSettings

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
    cleans them (ingest.sanitize); ``doc_id`` defaults to the row's own ``id``. ValueError saying
    what is wrong."""
    from storydiff.extract import normalize_date
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
        text=row["text"],
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


def dedupe_ids(tagged: Iterable[tuple[T, Article]],
               versions: dict[str, list[Article]] | None = None) -> list[tuple[T, Article]]:
    """Two inputs with the same id are one article when they are the same page (its text or its
    URL); a different article that reuses an id (row "r1" of two exports) gets a scoped one.
    Input order decides which keeps the id; the tags (input positions) ride along.
    ``versions``: filled with id → every text read of an article that came with two or more
    (one page saved before and after an edit), in input order; the first is the one kept."""
    seen: dict[str, Article] = {}
    scoped: dict[str, list[Article]] = {}  # given id -> the articles stored under it scoped
    out = []
    for tag, a in tagged:
        earlier = seen.get(a.id)
        if earlier is not None:
            if _same_article(earlier, a):
                if versions is not None and not earlier.same_version(a):
                    versions.setdefault(a.id, [earlier]).append(a)
                continue
            # the outlet's row edited, as ``ingest`` stores it (``revision_target``): under the id,
            # or under the id scoped when another outlet's row had it first (QA pass 19a, 7: UNN's
            # "101" after Ukrinform's "101", corrected 5 -> 8 injured, was "UNN" vs "UNN #2")
            edited = next((e for e in (earlier, *scoped.get(a.id, ())) if _is_id_edit(e, a)), None)
            if edited is not None:
                if versions is not None:  # under the edited one's id, as ingest revises it
                    versions.setdefault(edited.id, [edited]).append(replace(a, id=edited.id))
                continue
            given, a = a.id, _scoped(a)
            scoped.setdefault(given, []).append(a)
        seen[a.id] = a
        out.append((tag, a))
    return out


def _is_id_edit(stored: Article, article: Article) -> bool:
    """Whether ``article``, under ``stored``'s id (or the id ``stored`` had before it was scoped),
    is that article edited: no two URLs say otherwise, and ``is_edit_of`` (the same outlet, most of
    the text), as ``revision_target`` asks of a stored article under the id; without one URL on
    each side, its time and headline must not say it is another article (``is_same_row``)."""
    from storydiff.store.codec import canonical_url

    if stored.url and article.url:
        if canonical_url(stored.url) != canonical_url(article.url):
            return False
        return is_edit_of(stored, article)
    if not is_edit_of(stored, article):
        return False
    # no URL says they are one page: the rest must not say otherwise (review 21a, R3)
    from storydiff.compare.revisions import is_same_row

    return is_same_row(stored, article)


def version_time(article: Article) -> datetime | None:
    """When a version of a page was current by its own account: the time the page says it was
    modified, else when an archive captured it, else its publication time."""
    return parse_iso_utc(article.modified) or parse_iso_utc(article.captured) or parse_iso_utc(article.published)


def url_versions(articles: list[Article], versions: dict[str, list[Article]]) -> list[Article]:
    """``articles`` with one article per URL, as ``ingest`` stores them: an article read again at
    the URL of an earlier one under another id (an export row and a crawl's capture of its page)
    is that article, dropped when its text is the same as any version of it, else added to
    ``versions`` under the earlier one's id when its text and one of that article's versions
    (``dedupe_ids``'s, so a capture of the rewritten page meets the rewrite, not the original)
    share most of *both* texts (``compare.revisions.EditIndex``). Articles at one URL
    with texts of their own stay apart: a live blog's posts and its page holding them all (each
    post is contained in the page, but the page is not in the post; review 18b), an export's rows
    sharing a landing page (QA pass 18: compare of a row and the capture of its page showed
    "Harbor Wire #2 copies Harbor Wire's text", each figure twice). Each text's shingles are
    built once and only peers sharing a shingle are counted (review 18b: 1,000 articles at one
    URL took 72 s). A copy naming the outlet otherwise is the first one's (``same_page_relabelled``),
    and one cut short that is made of its sentences (a vendor's preview) is dropped, as ``ingest``
    stores them (QA pass 20b, 3 and 4)."""
    from storydiff.compare.revisions import EditIndex
    from storydiff.store.codec import canonical_url

    by_url: dict[str, EditIndex] = {}
    first_at: dict[str, Article] = {}  # the first article kept at each URL: its outlet name stays
    out = []
    for a in articles:
        url = canonical_url(a.url)
        index = by_url.setdefault(url, EditIndex()) if url else None
        if url and url in first_at and is_cut_short(a.text) and a.id not in versions:
            teaser = summary_kept_out(first_at[url], a, teaser_only=True)  # as ingest keeps it out
            if teaser is not None:
                log.warning("%s: %s", a.source, teaser)
                continue
        if url and url in first_at:
            relabelled = same_page_relabelled(first_at[url], a)  # a vendor's name for the outlet
            if relabelled is not a:
                log.warning("%s: %s", a.source, relabelled.warnings[-1])
                if a.id in versions:
                    versions[a.id] = [replace(v, outlet=relabelled.outlet) for v in versions[a.id]]
                a = relabelled
        elif url:
            first_at[url] = a
        if index is not None and index:
            own = versions.get(a.id, [a])  # a's versions (dedupe_ids), a first
            if index.has_report(own):
                continue
            edited = index.edit_of(own)
            if edited is not None and edited.id != a.id:
                # a and its own versions join the earlier article's
                versions.setdefault(edited.id, [edited]).extend(versions.pop(a.id, [a]))
                index.add_versions(edited, own)
                continue
        if index is not None:
            index.add_versions(a, versions.get(a.id, [a]))
        out.append(a)
    return out


def moved_versions(articles: list[Article], versions: dict[str, list[Article]]) -> list[Article]:
    """``articles`` without those that are an earlier one under a new address (its slug changed
    with its headline: ``compare.revisions.is_moved``, as ``ingest`` stores them, one article),
    added to ``versions`` under the earlier one's id."""
    from storydiff.compare.revisions import is_moved, names_a_day_only
    from storydiff.dates import sortable_time
    from storydiff.store.codec import canonical_url

    by_time: dict[tuple[str, str], list[Article]] = {}
    out = []
    for a in articles:
        if not (a.outlet and a.published and a.url) or names_a_day_only(a.published):
            out.append(a)
            continue
        peers = by_time.setdefault((a.outlet.strip().lower(), sortable_time(a.published) or ""), [])
        # one address: dedupe_ids decided (a live blog's posts are articles of their own)
        found = [p for p in peers if canonical_url(p.url) != canonical_url(a.url) and is_moved(p, a)]
        if len(found) == 1:
            versions.setdefault(found[0].id, [found[0]]).append(a)
            continue
        peers.append(a)
        out.append(a)
    return out


def resaved_versions(articles: list[Article], versions: dict[str, list[Article]]) -> list[Article]:
    """``articles`` without those that are an earlier one's page saved again without its URL after
    an edit (``compare.revisions.is_resaved``: the same outlet and publication time, headlines
    naming the same thing, most of both texts), as ``ingest`` stores them, one article; added to
    ``versions`` under the earlier one's id (QA pass 19b: ``compare tass_ru.v1.txt
    tass_ru.v2.txt`` showed TASS "contradicting" itself, 41 vs 45 drones). Only articles of one
    named outlet are compared, each with the earlier ones of its outlet."""
    from storydiff.compare.revisions import is_resaved

    by_outlet: dict[str, list[Article]] = {}
    out = []
    for a in articles:
        if a.url or not (a.outlet and a.outlet.strip()):
            out.append(a)
            continue
        peers = by_outlet.setdefault(a.outlet.strip().lower(), [])
        found = [p for p in peers if is_resaved(p, a, same_source=p.source == a.source)]
        if len(found) == 1:
            versions.setdefault(found[0].id, [found[0]]).extend(versions.pop(a.id, [a]))
            continue
        peers.append(a)
        out.append(a)
    return out


def without_copies(articles: list[Article], versions: dict[str, list[Article]]) -> list[Article]:
    """``articles`` with a page's text read twice, once without its URL (a browser paste beside
    the page's HTML: ``compare.revisions.is_copy_of``, the same outlet and headline), compared
    once, as ``ingest`` stores it (``copied_from``): the reading with the URL stays, else the
    first. ``compare page.html pasted.txt`` showed the outlet and "#2" sharing every fact."""
    from storydiff.store.codec import headline_key

    by_headline: dict[str, list[Article]] = {}
    dropped: set[int] = set()
    for a in articles:
        key = headline_key(a.outlet, a.title)
        if key is None or a.id in versions:
            continue
        peers = by_headline.setdefault(key, [])
        if peers:
            from storydiff.compare.revisions import is_copy_of

            copy = next((p for p in peers if not (p.url and a.url) and is_copy_of(p, a)), None)
            if copy is not None:
                gone, kept = (copy, a) if a.url and not copy.url else (a, copy)
                log.warning("%s: the same text as %s read another way: compared once", gone.source, kept.source)
                dropped.add(id(gone))
                if gone is copy:
                    peers[peers.index(copy)] = a
                continue
        peers.append(a)
    return [a for a in articles if id(a) not in dropped]


def newest_versions(articles: list[Article], versions: dict[str, list[Article]]) -> tuple[list[Article], dict[str, list]]:
    """Each article read in several versions (``dedupe_ids``'s ``versions``, ``moved_versions``)
    as its newest one, and how each version differs from the one before
    (``compare.revisions.edit_history``, under the newest one's id), as ``ingest`` then ``show``
    would report the outlet's edit. Versions are ordered by ``version_time`` when every one has a
    time, else in input order (QA round 15: ``compare`` of a page saved at 06:50 and after its
    10:05 update kept the file read first and dropped the other without a word). ``versions`` is
    left keyed by the newest one's id, oldest first."""
    from storydiff.compare.revisions import edit_history
    from storydiff.store.base import Revision

    edits: dict[str, list] = {}
    newest: dict[str, Article] = {}
    for aid, vs in list(versions.items()):
        vs = _without_cut_copies(vs)
        if len(vs) == 1:  # the others were previews of it: no versions, no edit
            del versions[aid]
            newest[aid] = vs[0]
            continue
        times = [version_time(v) for v in vs]
        if all(times):
            vs = [v for _, _, v in sorted(zip(times, range(len(vs)), vs), key=lambda t: t[:2])]
        revisions = [Revision(n, v.modified or v.captured, v) for n, v in enumerate(vs, 1)]
        newest[aid] = vs[-1]
        edits[vs[-1].id] = edit_history(revisions)
        del versions[aid]
        versions[vs[-1].id] = vs
    return [newest.get(a.id, a) for a in articles], edits


def _without_cut_copies(vs: list[Article]) -> list[Article]:
    """The versions of one article without those that ``ingest`` keeps out as a fuller one's
    preview or feed summary (``summary_kept_out``): ``compare`` of a crawl and a vendor's
    300-character re-export of its page compared the preview (QA pass 20b, 4)."""
    kept = []
    for v in vs:
        why = next((r for k in vs if k is not v and (r := summary_kept_out(k, v)) is not None), None)
        if why is None:
            kept.append(v)
        else:
            log.warning("%s: %s", v.source, why)
    return kept or vs


def _same_article(stored: Article, article: Article) -> bool:
    """Whether two articles with one id are the same report: the same page, or the same text
    from the same outlet (the same text from another outlet is a reprint, kept)."""
    if article.url is not None and stored.url == article.url:
        if reprint_at_url(stored, article):
            return False  # another outlet's copy pointing its rel=canonical at the page (review 21a, R2)
        # unless the page now carries another article (``url_reused``'s rule, as ingest stores it)
        from storydiff.compare.revisions import is_other_at_url

        return stored.report_hash == article.report_hash or not is_other_at_url(stored, article)
    return stored.report_hash == article.report_hash


def _scoped(article: Article) -> Article:
    """``article`` under its id plus a hash of its text and outlet (row "r1" of another export)."""
    return replace(article, id=f"{article.id}~{article.report_hash[:8]}")


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


def with_free_id(store, article: Article) -> Article:
    """``article``, renamed ``<id>~<content hash>`` when its id is taken by a different article.
    Vendors number export rows 1, 2, 3...: "r1" of one file is not "r1" of another."""
    stored = store.get_article(article.id)
    if stored is None or _same_article(stored, article):
        return article  # new, or a repeat (the store skips it)
    return _scoped(article)


def revision_target(store, article: Article, at_url: Article | None = None, *, reverts: bool = False) -> Article | None:
    """The stored article that ``article`` is a new revision of, or None: the same URL, or (no
    URL saying otherwise) the same outlet's article id with most of its text, seen with a text
    neither it nor any of its earlier revisions had (an old export re-read is no revision).
    At the same URL an article under another id is a revision only when most of its text is the
    stored one's: a live blog's posts (``#post-1``, ``#post-2``: one URL once the fragment is
    dropped) and an export that gives its rows (with their ids) one landing page are different
    articles; such an article is then found by its own id.
    ``at_url``: the article stored at ``article``'s URL, when the caller has read it already.
    ``reverts``: the item is what its source says now (``watch``), so a text one of the stored
    article's earlier revisions had is a revision again (the edit was undone), not an old read."""

    by_url = at_url if at_url is not None else (store.article_by_url(article.url) if article.url else None)
    stored = by_url
    other_language = other_language_at_url(stored, article)
    if url_reused(stored, article) or other_language:
        # the outlet's address now carries another article (a rolling live page's next event), or
        # the outlet's version in another language: no revision of the one stored there, though
        # it may still be an edit of one under its id
        stored = None
    elif url_taken_by_another(stored, article) and not is_edit_of(stored, article, of_both=True):
        # another article holds the URL (most of both texts, as ``compare``'s ``url_versions``
        # asks: a live blog's post is contained in its page, and was stored as a "revision" of it,
        # or the page as one of the post): this one may still be stored under its id
        stored = None
    if stored is None:
        stored = store.get_article(article.id)
        # an article of another URL is another article, whatever its id says
        if stored is None or not _is_id_edit(stored, article):
            # at a URL no stored article holds: the outlet's row stored under its id scoped
            # (another outlet's row had the id first); a stored one whose slug changed with its
            # headline; without a URL, a page saved again after its edit
            stored = (scoped_from(store, article) or moved_from(store, article)
                      or resaved_from(store, article)) if by_url is None else (
                          # the version in another language, stored beside the one at the URL
                          scoped_from(store, article) if other_language else None)
            if stored is None:
                return None
    if stored.same_version(article):
        return None
    if store.has_text(stored.id, article) and not (
            reverts and _undone_edit(store, stored, article) or _modified_after(stored, article)):
        return None
    return stored


def redated_version(store, article: Article, at_url: Article | None = None) -> Article | None:
    """The stored article that ``article`` is the same version of (text, outlet, headline) with
    another publication time that corrects its own, or None: re-read from the same place (an
    export written over, the same id: storydiff read its slash dates month first until a later row
    proved them day first, review 22a, R9), or sent with a modified time after the stored one's
    and an earlier publication time (the outlet fixed a re-save time stamped as published,
    review 22a, R3; a later time the page prints stays its edit's, ``dates.revision_times``).
    Either was "already stored" without a word, the wrong time kept for good."""
    from storydiff.records import without_record_place

    if not article.published:
        return None
    stored = at_url if at_url is not None and at_url.id == article.id else store.get_article(article.id)
    if stored is None and at_url is not None:
        stored = at_url
    if stored is None or not stored.same_version(article):
        return None
    from storydiff.dates import is_bare_date

    if is_bare_date(article.published) and stored.published and not is_bare_date(stored.published):
        return None  # a day is no correction of a time on it
    theirs, mine = parse_iso_utc(article.published), parse_iso_utc(stored.published) if stored.published else None
    if theirs is None or theirs == mine:
        return None
    from storydiff.ingest.formats import names_own_id

    reread = (stored.id == article.id and names_own_id(article.source)
              and without_record_place(stored.source) == without_record_place(article.source)
              # a later time than one an edit's revision kept on purpose (``dates.revision_times``:
              # a CMS that stamps updates as published) is no correction (review 22c, r4)
              and not (mine is not None and theirs > mine and len(store.revisions(stored.id)) > 1))
    fixed_earlier = mine is not None and theirs < mine and _modified_after(stored, article)
    return stored if reread or fixed_earlier else None


def _only_widgets_changed(prior: Article, article: Article) -> bool:
    """``compare.revisions.only_widgets_changed``, imported when a stored article is there to
    compare with: a new page's ingest imports no comparison code (tests/test_startup.py)."""
    from storydiff.compare.revisions import only_widgets_changed

    return only_widgets_changed(prior, article)


def backdated_version(store, article: Article, at_url: Article | None = None) -> Article | None:
    """The stored article that ``article`` is the same version of (text, outlet, headline) but for
    a publication time moved back from the one its page gave (``dates.backdated``), or None."""
    from storydiff.dates import backdated

    stored = at_url if at_url is not None else store.get_article(article.id)
    if (stored is None or not stored.same_version(article) or _captured_before(article, stored)
            or stored.text_from == FEED_SUMMARY):
        return None
    return stored if backdated(stored.published_as_given or stored.published, article.published) else None


def _captured_before(article: Article, stored: Article) -> bool:
    """Whether ``article`` is a web archive's capture older than ``stored``'s: an older version
    read later, whose time is no claim made after ``stored`` was read."""
    return bool(article.captured and stored.captured and article.captured < stored.captured)


def _modified_after(stored: Article, article: Article) -> bool:
    """Whether ``article`` says it was modified after the current text of ``stored`` was (its
    modified time, else its publication time): a text an earlier revision had, sent again with a
    later modified time, is the outlet's edit undone (review 22a, R2: v1 -> v2 -> v1's text at
    11:00 was "already stored" by file ingest and the API, the withdrawn figure left current). An
    earlier version re-sent with its own time stays an old read."""
    from storydiff.dates import is_bare_date, parse_iso_utc

    def instant(value: str | None):  # a bare day is no time to order by
        return parse_iso_utc(value) if value and not is_bare_date(value) else None

    from storydiff.store.sql_revisions import future_modified

    theirs = instant(article.modified)
    mine = (None if future_modified(stored.modified, stored.captured) else instant(stored.modified)) or instant(
        stored.published)
    return theirs is not None and mine is not None and theirs > mine


def summary_kept_out(stored: Article, article: Article, *, teaser_only: bool = False) -> str | None:
    """Why ``article``, a feed entry's summary, does not replace the text of ``stored`` (its URL's
    article, read from its page), or None when it may. A summary whose sentences are all in the
    page's text (its lead, a few of its sentences; spacing, punctuation and a closing "…" aside)
    and carries less than ``RevisionSettings.summary_min_share`` of the page's word 3-grams, or
    that the feed cut short ("…": its lead and the start of the next sentence were 63% of a
    two-paragraph page), is a teaser of it, never an edit. Any other summary carrying that share
    is a full text and replaces the page (a feed carrying the corrected article in its
    description), also when it is made of the page's sentences: a correction that only removes a
    paragraph (review 18b: 92% of the page; the retracted claim stayed current while every
    summary made of the page's sentences was a teaser). A summary with sentences the page lacks
    and less than that share is no full text either. Where the page stays (a feed's blurb, an
    updated lead: no article) the warning says so. Any other copy whose text ends cut short
    ("…", ``is_cut_short``: a vendor's preview of the article) is held to the same rule: it never
    replaces the fuller text it is cut from. ``teaser_only``: only a copy made of the stored
    text's sentences is kept out (``stored`` is only the article at its URL, maybe another one)."""
    if stored.text_from == FEED_SUMMARY:
        return None
    from storydiff.analyze.sentences import sentences

    said = [w for w in map(_words, sentences(article.text)) if w]
    # cut short: it ends in an ellipsis that is not the stored text's own (a full sentence of it
    # ending "..."), and it is no later version (review 20c, 1: a correction of an article whose
    # last sentence ends "..." was kept out as a "preview")
    cut_short = (bool(said) and is_cut_short(article.text) and len(article.text) < len(stored.text)
                 and not _later_version(stored, article)
                 and said[-1] not in [w for w in map(_words, sentences(stored.text)) if w])
    summary = article.text_from == FEED_SUMMARY
    if not (summary or cut_short):
        return None
    # any other copy cut short ("…", "[…]") is held to the same rule (QA pass 20b, 4: a vendor's
    # re-export of a stored article as its first 300 characters became its current text, a false
    # "quote altered; paragraph removed", its later paragraphs gone from the story and search)
    from storydiff.compare.revisions import word_shingles

    page = f" {' '.join(_words(stored.text))} "
    if cut_short:  # maybe mid-word
        said[-1] = said[-1][:-1]
    lacked = [w for w in said if w and f" {' '.join(w)} " not in page]
    page_grams = word_shingles(stored.text)
    carried = len(page_grams & word_shingles(article.text)) / len(page_grams) if page_grams else 0.0
    full = carried >= RevisionSettings().summary_min_share
    if full and (lacked or not cut_short) or lacked and teaser_only:
        return None  # a full text, edited (a sentence added, changed or removed): a revision
    copy = "the feed's summary of it" if summary else "this copy of it ending in an ellipsis"
    where = f"kept the stored text of {stored.url or stored.id} ({len(stored.text):,} characters): {copy} ({len(article.text):,})"
    if not lacked:
        return f"{where} is a teaser of it, made of its sentences ({carried:.0%} of its text{', cut short' if cut_short else ''})"
    n = len(lacked)
    return (f"{where} has {n} sentence{'s' if n != 1 else ''} the page lacks but only {carried:.0%} of its text: "
            f"no full text; read the page again to see whether it changed")


def _later_version(stored: Article, article: Article) -> bool:
    """Whether ``article`` says it was modified after ``stored`` was."""
    from storydiff.dates import parse_iso_utc

    mine, theirs = parse_iso_utc(stored.modified), parse_iso_utc(article.modified)
    return mine is not None and theirs is not None and theirs > mine


def is_cut_short(text: str) -> bool:
    """Whether ``text`` ends in an ellipsis ("…", "...", "[…]", "[...]"): a feed's or a vendor's
    preview cut at a length, which the full text continues."""
    return text.rstrip().rstrip("])").rstrip().endswith(("…", "..."))


def same_page_relabelled(at_url: Article | None, article: Article) -> Article:
    """``article`` under the outlet name of ``at_url`` (the article stored at, or kept for, its
    URL) when the two name the outlet differently but are one page: the same text, or most of both
    texts (an edit). A vendor's export names outlets its own way ("Lenta.ru" for the page's
    "Лента.ру", "Суспільне" for "Суспільне Харків"): keyed by outlet, the same text at the same
    URL was a second article without a claim on the URL (QA pass 20b, 3: crawl + export, 6
    articles for 4 pages, "Суспільне copies Суспільне Харків's text"). The name first stored
    stays, so an outlet's articles are not split by who exported them; a warning names both.
    Read again from the same source (the page watched again, the same export's row) the name given
    now stays: the outlet renamed, as its edit is stored. Under the same id from another source
    (an id taken from the URL: a page's rel=canonical) a text of its own under another outlet's
    name is that outlet's copy (``reprint_at_url``), no relabelling (review 21a, R2)."""
    if (at_url is None or not (at_url.outlet and article.outlet)
            or at_url.outlet.strip().lower() == article.outlet.strip().lower()):
        return article
    if _same_id(at_url, article) and (at_url.source == article.source or reprint_at_url(at_url, article)):
        return article
    if at_url.content_hash != article.content_hash:
        from storydiff.compare.revisions import shares_most_of_both

        if not shares_most_of_both(at_url, article):
            return article  # another article at the address (a landing page, a live blog's post)
    said = (f"{at_url.url or at_url.id} is stored as article {at_url.id} of {at_url.outlet!r}: "
            f"this copy's outlet name {article.outlet!r} is not kept")
    return replace(article, outlet=at_url.outlet, warnings=[*article.warnings, said])


def _same_id(stored: Article, article: Article) -> bool:
    """Whether ``article`` has ``stored``'s id, or that id scoped (``_scoped``)."""
    from storydiff.store.base import is_scoped_id

    return article.id == stored.id or is_scoped_id(article.id, stored.id)


def reprint_at_url(at_url: Article | None, article: Article) -> bool:
    """Whether ``article``, read from another source under the id of ``at_url`` (the article at its
    URL; an id taken from that URL), is another outlet's copy of it: another outlet's name
    (``names_one_outlet`` says no) and a text of its own. A syndication partner's page points its
    rel=canonical at the original, as search engines ask, and so got the original's URL and id:
    it became the original's revision and renamed it (review 21a, R2: Reuters' article current
    nowhere, "Kyiv Daily" in its place). Such a copy is stored as an article of its own (the id
    scoped, no claim on the URL): the same text from another outlet is a reprint, kept."""
    if (at_url is None or not _same_id(at_url, article) or at_url.source == article.source
            or not (at_url.outlet and article.outlet) or at_url.content_hash == article.content_hash
            or FEED_SUMMARY in (at_url.text_from, article.text_from)):
        return False  # a feed names the outlet by its own title, a guess (its entry stands for the page)
    return not names_one_outlet(at_url.outlet, article.outlet)


def names_one_outlet(x: str, y: str) -> bool:
    """Whether two outlet names name one outlet: one begins with the other's words ("Суспільне",
    "Суспільне Харків"; "Lenta.ru (RU)") or ``compare.independence.same_outlet_name`` says so
    ("УНН" and "UNN")."""
    wx, wy = _words(x), _words(y)
    if wx and wy and (wx[: len(wy)] == wy or wy[: len(wx)] == wx):
        return True
    from storydiff.compare.independence import same_outlet_name

    return same_outlet_name(x, y)


def without_future_modified(article: Article) -> Article:
    """``article`` with a zone-less modified time read in the assumed zone (``dates.in_assumed_zone``),
    and without its modified time when that lies more than a day after its capture (else
    now): a CMS's typo, no time to order its versions by (review 22a, R5: a "2027" modified kept
    that version current for good); said for the item."""
    from storydiff.dates import in_assumed_zone
    from storydiff.store.sql_revisions import future_modified

    zoned = in_assumed_zone(article.modified)
    if zoned != article.modified:  # a zone-less modified time is in the assumed zone, as the published one
        article = replace(article, modified=zoned)
    if not future_modified(article.modified, article.captured):
        return article
    said = f"modified {article.modified} is in the future: ignored"
    log.warning("%s: %s", article.source, said)
    return replace(article, modified=None, warnings=[*article.warnings, said])


def _say_if_dated_below(current: Article, revision: Article) -> None:
    """A warning on ``revision`` (the API's item result, ingest's stderr) when, read after the
    ``current`` text, it went below it only because it gives no modified time and is dated by its
    publication time (``store.sql_revisions.dated_below``): it may be a correction."""
    from storydiff.store.sql_revisions import article_times, dated_below

    why = dated_below(article_times(revision), article_times(current))
    if why is not None:
        said = f"{current.url or current.id}: {why}"
        revision.warnings.append(said)
        log.warning("%s: %s", revision.source, said)


def _words(text: str) -> list[str]:
    """``text``'s words, casefolded: what two copies of a sentence share whatever their spacing and punctuation."""
    return re.findall(r"\w+", text.casefold())


def scoped_from(store, article: Article) -> Article | None:
    """The stored article that ``article`` is an edit of under its given id scoped
    (``with_free_id``: "101~feb24162", another outlet's export row "101" stored first), when
    exactly one is (``_is_id_edit``: the same outlet, most of the text; QA pass 19a, 7: UNN's
    correction of its row "101", 5 -> 8 injured, was a third article "101~3e80d779")."""
    if not article.outlet:
        return None  # is_edit_of asks the same named outlet
    peers = [a for a in store.articles_scoped_from(article.id) if a.id != article.id]
    found = [a for a in peers if _is_id_edit(a, article)]
    return found[0] if len(found) == 1 else None


def moved_from(store, article: Article) -> Article | None:
    """The stored article that ``article`` is under a new address (``compare.revisions.is_moved``:
    same site, outlet, publication time and byline, most of the text), when exactly one is (QA
    round 15: a slug changed with the headline, kills-three → kills-four, was a second article
    of the outlet, "Kyiv Herald #2 copies Kyiv Herald's text")."""
    from storydiff.dates import is_bare_date

    if not (article.outlet and article.published and article.url) or is_bare_date(article.published):
        return None  # a bare day: no time of day to tell an outlet's articles apart (is_moved: nor its midnight)
    # the stored article under the incoming one's own id counts too: the outlet's CMS kept the id
    # and moved the slug with the headline (QA pass 19a, 1: the correction was "already stored" by
    # the API and a second article "ID~hash" by ingest); revision_target asks only at a new URL
    candidates = store.articles_published_at(article.outlet, article.published)
    if not candidates:  # the common case: a new article's ingest imports none of the compare package
        return None
    from storydiff.compare.revisions import is_moved

    return _the_only(candidates, lambda a: is_moved(a, article))


def resaved_from(store, article: Article) -> Article | None:
    """The stored article that ``article``, a page's text without a URL, is that page saved again
    after the outlet edited it (``compare.revisions.is_resaved``), when exactly one is: one read
    from the same file (saved over it, QA pass 19b: TASS's 41 → 45 drones update saved over
    tass_ru.txt was a second TASS article), else, as ``compare`` finds them, one of the same outlet
    and publication time read from another file."""
    if article.url:
        return None
    peers = [a for a in store.articles_read_from(article.source) if a.id != article.id]
    same_source = True
    if not peers and article.outlet and article.published:
        peers = [a for a in store.articles_published_at(article.outlet, article.published)
                 if a.id != article.id and not a.url]
        same_source = False
    if not peers:  # the common case: a new article's ingest imports none of the compare package
        return None
    from storydiff.compare.revisions import is_resaved

    return _the_only(peers, lambda a: is_resaved(a, article, same_source=same_source))


def copied_from(store, article: Article) -> Article | None:
    """The stored article that ``article`` is the same text of, read another way
    (``compare.revisions.is_copy_of``: the same outlet and headline, its paragraphs but for a line
    one extraction kept), one of them without a URL: a page's text pasted without its URL after
    its page was stored, or the page of a stored paste; None otherwise. QA pass 20a, 13: a
    colleague's browser paste of a page watch had stored was a second article of the outlet
    ("Kurier Wschodni #2"), as the HTML kept PAP's editors' initials "mws/ mk/" that page text
    drops; "the same text from the same outlet" is already stored, whichever path read it first."""
    if not (article.outlet and article.title):
        return None
    peers = [a for a in store.articles_titled(article.outlet, article.title)
             if a.id != article.id and not (a.url and article.url)]  # two addresses: two pages
    if not peers:  # the common case: a new article's ingest imports none of the compare package
        return None
    from storydiff.compare.revisions import is_copy_of

    return next((a for a in peers if is_copy_of(a, article)), None)


def _the_only(stored: list[Article], is_it) -> Article | None:
    """The one stored article ``is_it`` accepts, or None when none or several do: two stored
    articles that the incoming one could continue make it ambiguous, and a guess would overwrite
    one outlet's article with another's text (``moved_from``, ``resaved_from``)."""
    found = [a for a in stored if is_it(a)]
    return found[0] if len(found) == 1 else None


def is_edit_of(stored: Article, article: Article, *, of_both: bool = False) -> bool:
    """``compare.revisions.is_edit_of``, imported only when a stored article is found to compare
    with (a new article's ingest needs none of the compare package)."""
    from storydiff.compare.revisions import is_edit_of as edit_of

    return edit_of(stored, article, of_both=of_both)


def _undone_edit(store, stored: Article, article: Article) -> bool:
    """Whether ``article``, a text the stored article had before, is its page's edit undone: read
    again from the same source (two listed addresses of one page serving two texts are no edits),
    and a text it went back to at most once (a page flapping between two versions, a CDN's stale and
    fresh copies, would otherwise add a revision every round; a review's finding)."""
    return stored.source == article.source and store.earlier_revisions_with_text(stored.id, article) == 1


# a site's error page as its title or first line says it, in the languages storydiff reads
_ERROR_PAGE = re.compile(
    r"\b(?:error 404|error 410|(?:404|410) (?:error|not found)|(?:page|article|story) (?:was |has been )?(?:not found|removed|deleted)|not found"
    r"|no longer (?:available|exists)|seite (?:wurde )?nicht gefunden|nicht gefunden"
    r"|nie znaleziono|strona nie (?:istnieje|została znaleziona)"
    r"|сторінк[уа] не знайден[оа]|не знайдено|страниц[аы] не найден[аы]|не найдено)\b",
    re.IGNORECASE)
ERROR_PAGE_MAX_CHARS = 1500  # an error template's text; an article about a "not found" is longer


def reads_as_error_page(article: Article) -> bool:
    """Whether ``article`` reads as a site's error page served with HTTP 200 (a soft 404): a short
    text under a title, or a first line, saying the page was not found or removed."""
    if len(article.text) > ERROR_PAGE_MAX_CHARS:
        return False
    first = article.text.strip().split("\n", 1)[0][:200]
    return any(_says_error(x) for x in (article.title or "", first))


def _says_error(line: str) -> bool:
    """Whether a title or a first line is an error message: it opens with one ("Page not found",
    "404 Not Found", "Сторінку не знайдено | Site") and is short; "Missing hiker not found as search
    enters third day" or "Тіло зниклого рибалки досі не знайдено" is news (review 22c, r5)."""
    m = _ERROR_PAGE.search(line)
    return m is not None and len(line[: m.start()].split()) <= 1 and len(line.split()) <= 8


def url_reused(at_url: Article | None, article: Article) -> bool:
    """Whether ``article``, read at the URL that ``at_url`` holds under ``article``'s own id (or
    that id scoped: an earlier reuse), is another article at that address
    (``compare.revisions.is_other_at_url``: an outlet's rolling live page switched to another
    event shares almost no text with it; QA pass 20a, 7: the Kharkiv bombing became "revision 2"
    of the Lviv attack). It is stored as an article of its own that takes the URL
    (``Store.add_article``'s ``take_url``), and the clusterer places it."""
    from storydiff.store.base import is_scoped_id

    if at_url is None or at_url.report_hash == article.report_hash:
        return False
    if at_url.id != article.id and not is_scoped_id(at_url.id, article.id):
        return False  # another id at the URL: url_taken_by_another's rule
    from storydiff.compare.revisions import is_other_at_url

    return is_other_at_url(at_url, article)


def other_language_at_url(at_url: Article | None, article: Article) -> bool:
    """Whether ``article``, read at the URL that ``at_url`` holds under ``article``'s own id (or
    that id scoped), is the outlet's version of it in another language
    (``compare.revisions.in_another_language``)."""
    if at_url is None or not _same_id(at_url, article) or not (at_url.language and article.language):
        return False
    from storydiff.compare.revisions import in_another_language

    return in_another_language(at_url, article)


def republished(stored: Article, article: Article) -> bool:
    """Whether ``article``, with the text of the same outlet's ``stored`` article, is that text
    published again: at another address and on another day (both times given, more than
    ``RevisionSettings.stub_report_max_hours`` apart; a city's recurring
    alert, its wording unchanged: review 21a, R6, the second alert's URL and time were in no
    table). The same text at a second address the same day (an AMP copy, a mirror) or without
    an address or a time to tell stays the stored article's repeat."""
    from storydiff.compare.revisions import published_apart
    from storydiff.store.codec import canonical_url

    if not (stored.url and article.url) or canonical_url(stored.url) == canonical_url(article.url):
        return False
    return published_apart(stored, article, RevisionSettings().stub_report_max_hours)


def url_taken_by_another(at_url: Article | None, article: Article) -> bool:
    """Whether the article stored at ``article``'s URL (``at_url``) is a different one: when it is
    no revision either (``revision_target``), ``article`` is stored without a claim on the URL."""
    return at_url is not None and at_url.id != article.id and at_url.report_hash != article.report_hash


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
    returns."""
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
                a = _scoped(a)  # another outlet's copy under the original's id: an article of its own
                if store.add_article(a, None, claim_url=False):
                    unplaced.append(a)
                    stored_stories.mine.add(a.id)
                    outcome(a, "stored")
                else:
                    outcome(a, "skipped")
                return
            prior = revision_target(store, a, at_url, reverts=current_sources)
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
            if prior is not None and _only_widgets_changed(prior, a):
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
                if (backdated(prior.published, a.published) and not _captured_before(a, prior)
                        and prior.text_from != FEED_SUMMARY):
                    # moved back after it was read: the time first read stands, the claim is recorded
                    published, given = prior.published, a.published
                edited = replace(a, id=prior.id, published=published, modified=modified, outlet=outlet,
                                 published_as_given=given)
                stored_stories.load()  # before a stored text changes: the stories as the run found them
                revised = store.revise_article(prior.id, edited, revert=current_sources)
                if revised is not None:
                    _say_if_dated_below(prior, edited)
                outcome(edited, "revised" if revised is not None else "skipped")
                return
            # the outlet's version in another language at the address: an article of its own
            # beside the one there, with no claim on the URL (review 21a, R5)
            other_language = other_language_at_url(at_url, a)
            take_url = url_reused(at_url, a) and not other_language
            if (take_url or other_language) and store.get_article(a.id) is not None:
                a = _scoped(a)  # the id is the address's, held by the article it carried before
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
