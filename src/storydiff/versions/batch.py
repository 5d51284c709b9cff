"""One article per page in a batch ``compare`` reads: its versions folded into the newest.

Two inputs with one id, an export row and its page's capture at one URL, a slug moved with the
headline, a page saved again without its URL, a paste beside its page: each is folded as
``ingest`` would store it (``versions.stored``), and how each version differs from the one
before is kept for the report.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import replace
from typing import TypeVar

from storydiff.records import Article
from storydiff.versions.rules import (
    is_cut_short,
    is_id_edit,
    numbered_saves,
    same_article,
    same_page_relabelled,
    summary_kept_out,
    version_time,
    with_scoped_id,
)

log = logging.getLogger("storydiff.versions")
T = TypeVar("T")


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
            if same_article(earlier, a):
                if versions is not None and not earlier.same_version(a):
                    versions.setdefault(a.id, [earlier]).append(a)
                continue
            # the outlet's row edited, as ``ingest`` stores it (``revision_target``): under the id,
            # or under the id scoped when another outlet's row had it first (QA pass 19a, 7: UNN's
            # "101" after Ukrinform's "101", corrected 5 -> 8 injured, was "UNN" vs "UNN #2")
            edited = next((e for e in (earlier, *scoped.get(a.id, ())) if is_id_edit(e, a)), None)
            if edited is not None:
                if versions is not None:  # under the edited one's id, as ingest revises it
                    versions.setdefault(edited.id, [edited]).append(replace(a, id=edited.id))
                continue
            given, a = a.id, with_scoped_id(a)
            scoped.setdefault(given, []).append(a)
        seen[a.id] = a
        out.append((tag, a))
    return out


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
    an edit, or its page read with its URL after a paste without one (``compare.revisions.is_resaved``:
    the same outlet and publication time, headlines naming the same thing, most of both texts), as
    ``ingest`` stores them, one article; added to
    ``versions`` under the earlier one's id (QA pass 19b: ``compare tass_ru.v1.txt
    tass_ru.v2.txt`` showed TASS "contradicting" itself, 41 vs 45 drones). Only articles of one
    named outlet are compared, each with the earlier ones of its outlet."""
    from storydiff.compare.revisions import is_resaved

    by_outlet: dict[str, list[Article]] = {}
    out = []
    for a in articles:
        if not (a.outlet and a.outlet.strip()):
            out.append(a)
            continue
        peers = by_outlet.setdefault(a.outlet.strip().lower(), [])
        # a page with its URL and a paste of it without one are asked as two pastes (two URLs: no)
        found = [p for p in peers if not (p.url and a.url) and is_resaved(p, a, same_source=p.source == a.source)]
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
    10:05 update kept the file read first and dropped the other without a word); where the times
    are the same or missing, by the numbers of files named alike (``numbered_saves``: page-v2
    before page-v10, however a shell's glob sorted them), not by the files' modified times: a copy,
    a download or a checkout resets those, and a report of the same files would change with
    them, unseen. ``versions`` is
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
        given = numbered_saves(vs) or list(range(len(vs)))  # the files' numbers, else input order
        if all(times):
            vs = [v for _, _, v in sorted(zip(times, given, vs), key=lambda t: t[:2])]
        else:
            vs = [v for _, v in sorted(zip(given, vs), key=lambda t: t[0])]
        revisions = [Revision(n, v.modified or v.captured, v) for n, v in enumerate(vs, 1)]
        if vs[-1].url is None and any(v.url for v in vs):
            # a paste of the updated page names no URL; the page's address stays the article's
            vs[-1] = replace(vs[-1], url=next(v.url for v in reversed(vs) if v.url))
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
