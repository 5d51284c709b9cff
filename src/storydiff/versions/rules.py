"""Whether one article is a version of another: the pairwise rules.

An edit of the same page, a copy read another way, a preview cut from it, the page's URL reused
for another article, the outlet's version in another language, a text published again. Both
the batch (``versions.batch``: what ``compare`` reads) and the store (``versions.stored``: what
``ingest`` and ``watch`` store) decide with these, so a batch and a store agree on what is one
article.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from datetime import datetime

from storydiff.dates import parse_iso_utc
from storydiff.records import FEED_SUMMARY, Article
from storydiff.settings import RevisionSettings

log = logging.getLogger("storydiff.versions")


def is_id_edit(stored: Article, article: Article) -> bool:
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


def numbered_saves(versions: list[Article]) -> list[tuple[int, ...]] | None:
    """Each version's numbers in its file's name, when every version was read from a file of one
    name but for its numbers ("page-v2.html", "page-v10.html"; "odesa-0910.html", "odesa-1500.txt"):
    the order its user saved them in, where no time orders them (QA pass 26c, 2: given as a shell
    glob sorts them, page-v10 came before page-v2, and the update was shown undone). Else None:
    other names say no order, and a record of an export ("rows.jsonl#L3") is no file of its own."""
    from pathlib import PurePath

    stems = [PurePath(v.source).stem if v.source and not v.source.startswith("<") and "#" not in v.source else None
             for v in versions]
    if None in stems or len({re.sub(r"\d+", "#", s) for s in stems}) != 1 or not re.search(r"\d", stems[0]):
        return None
    numbers = [tuple(int(n) for n in re.findall(r"\d+", s)) for s in stems]
    return numbers if len(set(numbers)) == len(numbers) else None


def same_article(stored: Article, article: Article) -> bool:
    """Whether two articles with one id are the same report: the same page, or the same text
    from the same outlet (the same text from another outlet is a reprint, kept)."""
    if article.url is not None and stored.url == article.url:
        if reprint_at_url(stored, article):
            return False  # another outlet's copy pointing its rel=canonical at the page (review 21a, R2)
        # unless the page now carries another article (``url_reused``'s rule, as ingest stores it)
        from storydiff.compare.revisions import is_other_at_url

        return stored.report_hash == article.report_hash or not is_other_at_url(stored, article)
    return stored.report_hash == article.report_hash


def with_scoped_id(article: Article) -> Article:
    """``article`` under its id plus a hash of its text and outlet (row "r1" of another export)."""
    return replace(article, id=f"{article.id}~{article.report_hash[:8]}")


def only_widgets_changed_since(prior: Article, article: Article) -> bool:
    """``compare.revisions.only_widgets_changed``, imported when a stored article is there to
    compare with: a new page's ingest imports no comparison code (tests/test_startup.py)."""
    from storydiff.compare.revisions import only_widgets_changed

    return only_widgets_changed(prior, article)


def captured_before(article: Article, stored: Article) -> bool:
    """Whether ``article`` is a web archive's capture older than ``stored``'s: an older version
    read later, whose time is no claim made after ``stored`` was read."""
    return bool(article.captured and stored.captured and article.captured < stored.captured)


def modified_after(stored: Article, article: Article) -> bool:
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

    said = [w for w in map(words_of, sentences(article.text)) if w]
    # cut short: it ends in an ellipsis that is not the stored text's own (a full sentence of it
    # ending "..."), and it is no later version (review 20c, 1: a correction of an article whose
    # last sentence ends "..." was kept out as a "preview")
    cut_short = (bool(said) and is_cut_short(article.text) and len(article.text) < len(stored.text)
                 and not modified_later(stored, article)
                 and said[-1] not in [w for w in map(words_of, sentences(stored.text)) if w])
    summary = article.text_from == FEED_SUMMARY
    if not (summary or cut_short):
        return None
    # any other copy cut short ("…", "[…]") is held to the same rule (QA pass 20b, 4: a vendor's
    # re-export of a stored article as its first 300 characters became its current text, a false
    # "quote altered; paragraph removed", its later paragraphs gone from the story and search)
    from storydiff.compare.revisions import word_shingles

    page = f" {' '.join(words_of(stored.text))} "
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


def modified_later(stored: Article, article: Article) -> bool:
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
    if has_id_of(at_url, article) and (at_url.source == article.source or reprint_at_url(at_url, article)):
        return article
    if at_url.content_hash != article.content_hash:
        from storydiff.compare.revisions import shares_most_of_both

        if not shares_most_of_both(at_url, article):
            return article  # another article at the address (a landing page, a live blog's post)
    said = (f"{at_url.url or at_url.id} is stored as article {at_url.id} of {at_url.outlet!r}: "
            f"this copy's outlet name {article.outlet!r} is not kept")
    return replace(article, outlet=at_url.outlet, warnings=[*article.warnings, said])


def has_id_of(stored: Article, article: Article) -> bool:
    """Whether ``article`` has ``stored``'s id, or that id scoped (``with_scoped_id``)."""
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
    if (at_url is None or not has_id_of(at_url, article) or at_url.source == article.source
            or not (at_url.outlet and article.outlet) or at_url.content_hash == article.content_hash
            or FEED_SUMMARY in (at_url.text_from, article.text_from)):
        return False  # a feed names the outlet by its own title, a guess (its entry stands for the page)
    return not names_one_outlet(at_url.outlet, article.outlet)


def names_one_outlet(x: str, y: str) -> bool:
    """Whether two outlet names name one outlet: one begins with the other's words ("Суспільне",
    "Суспільне Харків"; "Lenta.ru (RU)") or ``compare.independence.same_outlet_name`` says so
    ("УНН" and "UNN")."""
    wx, wy = words_of(x), words_of(y)
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


def words_of(text: str) -> list[str]:
    """``text``'s words, casefolded: what two copies of a sentence share whatever their spacing and punctuation."""
    return re.findall(r"\w+", text.casefold())


def is_edit_of(stored: Article, article: Article, *, of_both: bool = False) -> bool:
    """``compare.revisions.is_edit_of``, imported only when a stored article is found to compare
    with (a new article's ingest needs none of the compare package)."""
    from storydiff.compare.revisions import is_edit_of as edit_of

    return edit_of(stored, article, of_both=of_both)


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
    if at_url is None or not has_id_of(at_url, article) or not (at_url.language and article.language):
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
