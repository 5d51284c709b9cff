"""What a new item is to the stored articles: a revision, a repeat, a re-dated version, a copy.

The questions ``ingest_stream`` asks the store (behind ``store.base.Store``) before it adds an
article; the pairwise rules are ``versions.rules``.
"""

from __future__ import annotations

import logging

from storydiff.dates import parse_iso_utc
from storydiff.records import FEED_SUMMARY, Article
from storydiff.versions.rules import (
    captured_before,
    is_edit_of,
    is_id_edit,
    modified_after,
    other_language_at_url,
    same_article,
    url_reused,
    url_taken_by_another,
    with_scoped_id,
)

log = logging.getLogger("storydiff.versions")


def with_free_id(store, article: Article) -> Article:
    """``article``, renamed ``<id>~<content hash>`` when its id is taken by a different article.
    Vendors number export rows 1, 2, 3...: "r1" of one file is not "r1" of another."""
    stored = store.get_article(article.id)
    if stored is None or same_article(stored, article):
        return article  # new, or a repeat (the store skips it)
    return with_scoped_id(article)


def revision_target(store, article: Article, at_url: Article | None = None, *, reverts: bool = False,
                    url_read: bool = False) -> Article | None:
    """The stored article that ``article`` is a new revision of, or None: the same URL, or (no
    URL saying otherwise) the same outlet's article id with most of its text, seen with a text
    neither it nor any of its earlier revisions had (an old export re-read is no revision).
    At the same URL an article under another id is a revision only when most of its text is the
    stored one's: a live blog's posts (``#post-1``, ``#post-2``: one URL once the fragment is
    dropped) and an export that gives its rows (with their ids) one landing page are different
    articles; such an article is then found by its own id.
    ``at_url``: the article stored at ``article``'s URL, when the caller has read it already;
    ``url_read``: the caller read it, and None is what the store holds there (ingest asked once per
    article, and this asked again for every new URL).
    ``reverts``: the item is what its source says now (``watch``), so a text one of the stored
    article's earlier revisions had is a revision again (the edit was undone), not an old read."""

    by_url = at_url if at_url is not None or url_read else (
        store.article_by_url(article.url) if article.url else None)
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
        if stored is None or not is_id_edit(stored, article):
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
            reverts and _undone_edit(store, stored, article) or modified_after(stored, article)):
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
    from storydiff.records import names_own_id

    reread = (stored.id == article.id and names_own_id(article.source)
              and without_record_place(stored.source) == without_record_place(article.source)
              # a later time than one an edit's revision kept on purpose (``dates.revision_times``:
              # a CMS that stamps updates as published) is no correction (review 22c, r4)
              and not (mine is not None and theirs > mine and len(store.revisions(stored.id)) > 1))
    fixed_earlier = mine is not None and theirs < mine and modified_after(stored, article)
    return stored if reread or fixed_earlier else None


def backdated_version(store, article: Article, at_url: Article | None = None) -> Article | None:
    """The stored article that ``article`` is the same version of (text, outlet, headline) but for
    a publication time moved back from the one its page gave (``dates.backdated``), or None."""
    from storydiff.dates import backdated

    stored = at_url if at_url is not None else store.get_article(article.id)
    if (stored is None or not stored.same_version(article) or captured_before(article, stored)
            or stored.text_from == FEED_SUMMARY):
        return None
    return stored if backdated(stored.published_as_given or stored.published, article.published) else None


def say_if_dated_below(current: Article, revision: Article) -> None:
    """A warning on ``revision`` (the API's item result, ingest's stderr) when, read after the
    ``current`` text, it went below it only because it gives no modified time and is dated by its
    publication time (``store.sql_revisions.dated_below``): it may be a correction."""
    from storydiff.store.sql_revisions import article_times, dated_below

    why = dated_below(article_times(revision), article_times(current))
    if why is not None:
        said = f"{current.url or current.id}: {why}"
        revision.warnings.append(said)
        log.warning("%s: %s", revision.source, said)


def scoped_from(store, article: Article) -> Article | None:
    """The stored article that ``article`` is an edit of under its given id scoped
    (``with_free_id``: "101~feb24162", another outlet's export row "101" stored first), when
    exactly one is (``is_id_edit``: the same outlet, most of the text; QA pass 19a, 7: UNN's
    correction of its row "101", 5 -> 8 injured, was a third article "101~3e80d779")."""
    if not article.outlet:
        return None  # is_edit_of asks the same named outlet
    peers = [a for a in store.articles_scoped_from(article.id) if a.id != article.id]
    found = [a for a in peers if is_id_edit(a, article)]
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
    """The stored article that ``article``, a page's text without a URL (or its page), is that
    page saved again after the outlet edited it (``compare.revisions.is_resaved``), when exactly one is: one read
    from the same file (saved over it, QA pass 19b: TASS's 41 → 45 drones update saved over
    tass_ru.txt was a second TASS article), else, as ``compare`` finds them, one of the same outlet
    and publication time read from another file. A page read with its URL is asked the same of a
    stored paste without one, and a paste of a stored page with one (QA pass 26c, 4)."""
    peers = [] if article.url else [a for a in store.articles_read_from(article.source) if a.id != article.id]
    same_source = True
    if not peers and article.outlet and article.published:
        peers = [a for a in store.articles_published_at(article.outlet, article.published)
                 if a.id != article.id and not (a.url and article.url)]
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


def _undone_edit(store, stored: Article, article: Article) -> bool:
    """Whether ``article``, a text the stored article had before, is its page's edit undone: read
    again from the same source (two listed addresses of one page serving two texts are no edits),
    and a text it went back to at most once (a page flapping between two versions, a CDN's stale and
    fresh copies, would otherwise add a revision every round; a review's finding)."""
    return stored.source == article.source and store.earlier_revisions_with_text(stored.id, article) == 1
