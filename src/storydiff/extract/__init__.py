"""extract: RawItem → Article (body without boilerplate, title, outlet, date, byline, dateline, language).

HTML goes through ``html.extract_html`` (trafilatura-based); page text goes through
``pagetext.clean_page_text``, which learns each outlet's template from the other pages of the
same outlet in the batch, so ``extract_items`` finds each page's siblings in its batch first:
pages its outlet names, and pages that share its template lines (``page_siblings``: page text
pasted without a URL).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterable, Iterator, Sequence
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

from storydiff.dates import EARLIEST_YEAR, is_bare_date, naive_zone, parse_iso_utc, zone_named
from storydiff.extract import metadata
from storydiff.extract.line_cleanup import drop_editor_initials, drop_inline_clutter
from storydiff.extract.page_siblings import sibling_pages
from storydiff.records import Article, Failure, RawItem, article_id_for
from storydiff.settings import ExtractSettings

log = logging.getLogger("storydiff.extract")
# a bad date is said for this many records of one file (in each process), then once that the
# rest are not: an export whose every date is in an unread format would bury the run's messages
MAX_DATE_WARNINGS = 20
_date_warnings: dict[str, int] = {}


def _warn_date(source: str, value: object, outcome: str, notes: list[str], field: str = "published") -> None:
    """Say (a file's first records) and note (every record: ``Article.warnings``) a record's time
    field that storydiff cannot use."""
    why = "unreadable" if field == "modified" else "unreadable, or in the future"
    note = f"'{field}' {value!r:.60} is no date storydiff can use ({why}); {outcome}"
    notes.append(note)
    where = source.split("#", 1)[0]
    _date_warnings[where] = seen = _date_warnings.get(where, 0) + 1
    if seen <= MAX_DATE_WARNINGS:
        log.warning("%s: %s", source, note)
    if seen == MAX_DATE_WARNINGS:
        log.warning("%s: further records whose time fields are no usable date are not named", where)

__all__ = ["extract_item", "extract_items", "field_text", "normalize_date", "outlet_key", "ExtractError"]


class ExtractError(ValueError):
    """No article could be extracted; the message says why."""


_ABSOLUTE_PARSERS = ["timestamp", "custom-formats", "absolute-time"]
_DOTTED_DATE = re.compile(r"(?<![\d.])\d{1,2}\.\d{1,2}\.\d{2,4}(?![\d.])")
# a zone by name after the time; IST, CST and AST name two or three zones each: left as they were
# a twelve-hour clock's mark after a time: "9:10 PM", "9:10pm", "9:10 p.m."
_TWELVE_HOUR = re.compile(r"\d\s*[AaPp]\.?\s?[Mm]\b\.?")
# "GMT+1", "UTC-05:00": the email parser drops such an offset (a Reuters page's "10:02 GMT+1" was
# read as 10:02 UTC; QA pass 18); dateparser applies it
_GMT_OFFSET = re.compile(r"\b(?:GMT|UTC)\s*[+-]\s*\d")
_NAMED_ZONE = re.compile(r"\d\s+(?!(?:UT|GMT|Z|IST|CST|AST)\b)[A-Z]{3,5}\s*$")


def normalize_date(value: object, *, now: datetime | None = None) -> str | None:
    """ISO 8601 from the date shapes exports and feeds use; None for unparseable or future dates.
    A time without a zone is in ``dates.naive_zone()`` (given with its offset), else left without
    one (read as UTC everywhere)."""
    if value in (None, ""):
        return None
    zone = naive_zone()
    s = str(value).strip()
    if len(s) > 64:  # no date is written in more (dateparser took ~70 µs a character on junk: a review's finding)
        return None
    from storydiff.extract.zone_words import zone_in_words

    s, worded = zone_in_words(s)
    if worded is not None:
        # "14:30 МСК", "за київським часом": the time is that zone's, whatever zone is assumed
        zone = zone_named(worded)
    dt: datetime | None = None
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        zoneless: datetime | None = None
        try:
            # the email parser reads "Nov 3, 2026 9:10 PM" and drops the PM (QA pass 18: evening
            # reports stored twelve hours early); RFC 2822 has no AM/PM, so such a string is not its
            dt = None if _TWELVE_HOUR.search(s) else parsedate_to_datetime(s)
            if dt is not None and dt.tzinfo is None and (_NAMED_ZONE.search(s) or _GMT_OFFSET.search(s)):
                # "... 10:00:00 CET": the email parser drops a zone it has no offset for; dateparser
                # knows it (a zone neither knows keeps the time, as before)
                zoneless, dt = dt, None
        except (TypeError, ValueError, IndexError):
            dt = None
        if dt is None:
            try:
                from storydiff.extract import date_parser

                # no relative dates: "yesterday" in an archive read a year later is not its date (it
                # was stored as the time of the run minus a day); epoch seconds and zone-less
                # times are UTC, as everywhere else (second QA pass), unless a zone is assumed
                settings = {"STRICT_PARSING": True, "PARSERS": _ABSOLUTE_PARSERS,
                            "TIMEZONE": zone.key if zone is not None else "UTC",
                            "RETURN_AS_TIMEZONE_AWARE": zone is None or _gives_its_zone(s)}
                if _DOTTED_DATE.search(s):
                    # "11.03.2024" is the 11th of March wherever dates are written with dots (de, uk,
                    # ru, pl...): dateparser read it month first, 3 November
                    settings["DATE_ORDER"] = "DMY"
                dt = date_parser.parse(s, None, settings)
            except Exception:  # dateparser raises many kinds on junk; junk has no date
                dt = None
            dt = dt or zoneless
    if dt is None or dt.year < EARLIEST_YEAR:
        return None
    if dt.tzinfo is None and zone is not None:
        # its wall time kept: a bare day below stays that day. A wall time the October change
        # gives twice is its first (fold=0, summer time) however it is written (review 17 #8:
        # dateparser took "25.10.2026 03:30" for the second, an hour later than "2026-10-25 03:30")
        dt = dt.replace(tzinfo=zone, fold=0)
    now = now or datetime.now(timezone.utc)
    aware = dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)
    if aware > now + timedelta(days=1):
        return None  # a date in the future of the crawl is a template or a typo, not a publication date
    if (len(s) <= 10 or not any(c in s for c in ":T")) and dt.hour == dt.minute == 0:
        return dt.date().isoformat()  # a day without a time of day ("11 березня 2024") is a day
    return dt.isoformat()


def _gives_its_zone(s: str) -> bool:
    """Whether a date string says its own zone (an offset, "UTC", "EET"...) or is epoch seconds; one
    that does not is read without a zone, and the assumed zone is applied as on every other path."""
    from dateparser.timezone_parser import pop_tz_offset_from_string

    return s.isdigit() or pop_tz_offset_from_string(s)[1] is not None


def _fragment_text(fragment: str) -> str:
    """Text of an HTML fragment (a feed entry's content): block elements become lines."""
    import lxml.html

    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception as e:  # lxml raises ParserError/ValueError on junk
        raise ExtractError(f"unparseable HTML fragment: {e}") from e
    for bad in root.xpath("//script|//style|//noscript|//iframe"):
        bad.drop_tree()
    for el in root.iter():
        if el.tag in ("p", "div", "li", "h1", "h2", "h3", "h4", "blockquote", "br", "tr"):
            el.tail = "\n" + (el.tail or "")
    lines = (" ".join(ln.split()) for ln in root.text_content().splitlines())
    return "\n".join(ln for ln in lines if ln)


# what a CMS exports inline in an article's HTML body and is no part of it: a "Czytaj także: ..."
# teaser, an ad slot's label, a consent banner (QA pass 22b, 07: two "only in" facts of a teaser)
_FRAGMENT_CLUTTER = frozenset({"promo", "advert", "consent"})


def _without_page_links(text: str) -> str:
    """A fragment's text without its lines of page clutter (``_FRAGMENT_CLUTTER``); credit lines
    ("Źródło: PAP") stay, for the article's origin."""
    from storydiff.extract.line_rules import boilerplate_kind

    return "\n".join(line for line in text.splitlines() if boilerplate_kind(line) not in _FRAGMENT_CLUTTER)


def _one_paragraph(content: str, settings: ExtractSettings) -> bool:
    """Text of one long line that is prose: an article's body with nothing around it. Several
    sentences (". " twice), or a line no line rule names boilerplate that reads as prose: words in
    lower case (a stop without its space: "Bad Mergentheim.Zwei Fahrzeuge ...") or a script
    without case, whose sentences and stops case cannot show (Arabic rows of one long sentence,
    cut at 1,000 characters, were emptied as 'template': QA pass 26b, 7 of 102 SemEval rows)."""
    from storydiff.extract.line_rules import boilerplate_kind
    from storydiff.extract.record_text import prose_line

    lines = [line for line in content.splitlines() if line.strip()]
    if len(lines) != 1 or len(lines[0].split()) < settings.one_paragraph_min_words:
        return False
    line = lines[0]
    return line.count(". ") >= 2 or ((prose_line(line, settings) or _caseless(line)) and boilerplate_kind(line) is None)


def _caseless(text: str) -> bool:
    """Whether most of ``text``'s letters are of a script without case (Arabic, Hebrew, CJK)."""
    letters = [c for c in text if c.isalpha()]
    return sum(1 for c in letters if c.isupper() or c.islower()) * 2 < len(letters)


def field_text(content: str, settings: ExtractSettings | None = None) -> str:
    """The article text of an export row's or API item's ``text`` field as ``cluster`` and
    ``same-story`` read a row: without its furniture lines, those that end as no sentence does and
    that extraction drops from every text field without a word (``record_text.clutter_line``:
    "Skaitykite daugiau: ...", "Read more: ...", "Поделиться", share and comment counters), and
    without an inline "read also" teaser (``line_cleanup.drop_inline_clutter``), as ``compare`` and
    ``ingest`` drop them. Six Lithuanian fire reports pasted with their pages' teasers of other
    stories before the body were one story in ``compare`` and several in ``cluster`` (QA pass,
    round 25): a teaser was the lede the clusterer's vetoes read. Not the rest of extraction, for
    the firehose's speed: its line model costs ~13 ms a row (six times the clustering features);
    the rules on every line (sentences too: "All rights reserved.") 1.3 ms, a third of them; its
    rule-only reading of the other lines (non-prose lines dropped) lowered the 10k ECB+ stream's B3
    recall 0.863 -> 0.852. Measured in BENCHMARKS §2, round 25. A text without such lines is
    returned as given; one left with less than ``min_body_chars`` whole."""
    settings = settings or ExtractSettings()
    lines = content.split("\n")
    kept = [line for line in lines if not _furniture(line)]
    text = content if len(kept) == len(lines) else "\n".join(kept).strip()
    text = drop_inline_clutter(text)
    return text if len(text.strip()) >= settings.min_body_chars else content


# A line ending so is a sentence, whatever else it is: ``field_text`` leaves it to ``compare``
# (a sentence's rule costs most of the rules' time on prose: BENCHMARKS §2, round 25).
_ENDS_SENTENCE = re.compile(r"[.!?…][\"'”’»)\]]*\s*$")


def _furniture(line: str) -> bool:
    from storydiff.extract.record_text import clutter_line

    # the end alone: the sentence-end pattern searched over a long line costs as much as the rules
    return bool(line.strip()) and not _ENDS_SENTENCE.search(line[-12:]) and clutter_line(line)


def body_tail(text: str) -> tuple[str, list[str]]:
    """What every reading path drops from an extracted body (editors' initials, an inline "read
    also" teaser, the source lines where it signs itself), and those source lines."""
    return _split_signed_source_lines(drop_inline_clutter(drop_editor_initials(text.strip())).strip())


def _version_of(text: str, sibling: str, share: float) -> bool:
    """Whether ``sibling`` holds at least ``share`` of ``text``'s distinct words: another version
    of the same text (an update that changed a figure, a line) rather than another page of the
    outlet's template."""
    words = set(text.lower().split())
    return bool(words) and len(words & set(sibling.lower().split())) >= share * len(words)


def _first(*values):
    return next((v for v in values if v not in (None, "", [])), None)


def extract_item(item: RawItem, siblings: Sequence[str] = (), settings: ExtractSettings | None = None) -> Article:
    """One RawItem → Article. Raises ExtractError with a one-line reason when there is no article."""
    settings = settings or ExtractSettings()
    meta = item.meta
    title = published = site_name = lang = modified = future_published = None
    url = item.url
    authors: list[str] = []
    notes: list[str] = []  # Article.warnings
    # A web archive records when the page was fetched: no date after it is a publication date.
    crawled = parse_iso_utc(meta.get("crawled"))
    if item.kind == "html" and meta.get("fragment"):
        text = _without_page_links(_fragment_text(item.content))
    elif item.kind == "html":
        from storydiff.extract.html import extract_html

        try:
            page = extract_html(item.content, item.url, fast=settings.fast_html)
        except ValueError as e:
            raise ExtractError(str(e) or "no article text found in HTML") from e
        if page.teasers:
            # a section front's teasers are other articles' headlines: stored as an article, it was
            # dated by its oldest teaser and led a story it only links to (QA pass 20b, 09)
            raise ExtractError(f"a listing of {page.teasers} linked headlines (a section front or an index page), "
                               "not an article")
        text, title, published = page.text, page.title, page.published
        authors, site_name, lang = list(page.authors or []), page.site_name, page.language
        future_published = page.future_published
        modified = page.modified
        if page.page_lines:
            published, stamp = _dated_by_its_lines(page.page_lines, text, title, published, crawled, lang)
            modified = modified or stamp
        url = url or page.url  # the page's canonical link when the container gave none
    else:
        from storydiff.extract.pagetext import clean_page_text

        page = clean_page_text(item.content, siblings, settings=settings)
        if len(page.text.strip()) < settings.min_body_chars and siblings:
            # Lines every sibling repeats are template; but when the siblings are other versions
            # of this very text (an updated report, a reprint within the outlet), its body is
            # what they repeat. Read without them before giving up (only a page left empty is).
            others = [s for s in siblings if not _version_of(item.content, s, settings.sibling_version_share)]
            if len(others) < len(siblings):
                page = clean_page_text(item.content, others, settings=settings)
        text, title, kept = page.text, page.title, page.kept
        # (asked before a text field's sentences are: a line kept whole is said as no line dropped)
        one_paragraph = len(text.strip()) < settings.min_body_chars and _one_paragraph(item.content, settings)
        if meta.get("text_field") and not one_paragraph:
            # an export row's or API item's text is the article's: the line model drops no sentence of it
            from storydiff.extract.record_text import keep_sentences

            lines = item.content.splitlines()
            kept = keep_sentences(lines, kept, _first(meta.get("title"), title), item.source, notes, settings)
            text = "\n".join(line.strip() for line, k in zip(lines, kept) if k)
        if one_paragraph:
            # an export row's or an API item's text on one line has no page around it to clean: the
            # line model took "... the old town. Photo: Reuters" for a notice and the article was
            # lost (QA pass); such a text is the article
            text = item.content.strip()
            kept = [bool(line.strip()) for line in item.content.splitlines()]
        published, authors, lang, modified = metadata.page_text_metadata(
            item.content.splitlines(), kept, text, title=title, now=crawled
        )
    # (page text too: its line model keeps a short credit line such as "dpa/AFP/lh" as the body's
    # last line; QA pass 21a, 03)
    text, signed = body_tail(text)
    if not authors and signed:
        authors = metadata.credit_line_authors(signed)
    if len(text) < settings.min_body_chars:
        raise ExtractError("no article text left after removing boilerplate")
    raw_text = item.content if item.kind == "text" else text
    # the source lines page text drops as clutter ("Źródło: PAP"): kept apart, for the article's origin
    credit_lines = _dropped_source_lines(item.content, text) if item.kind == "text" else signed
    outlet = _first(
        meta.get("outlet"),
        site_name,
        meta.get("site_name"),
        metadata.outlet_from_text(raw_text) if item.kind == "text" else None,
        metadata.outlet_from_url(url),
        # the agency signing its own dateline ("МОСКВА, 6 декабря. /ТАСС/."), where nothing else names
        # the page's outlet (QA 19b: TASS's own page was "own reporting" of an unknown outlet)
        metadata.dateline_agency(text) if item.kind == "text" else None,
    )
    given = meta.get("published")
    if given in (None, "") and future_published:
        # said as a record's future date is (JSONL, the API): the page's own tag
        _warn_date(item.source, future_published, _fallback_date(published, url), notes)
    from_record = normalize_date(given, now=crawled) if given not in (None, "") else None
    published = from_record or normalize_date(published, now=crawled)
    if given not in (None, "") and from_record is None:
        # a record's own date that storydiff cannot use ("2026-13-45", "вчора", a time after
        # the page was fetched): said, once a record, and the page's own date used if it has one
        _warn_date(item.source, given, _fallback_date(published, url), notes)
    meta_authors = meta.get("authors")
    if isinstance(meta_authors, str):
        # "By Jane Roe and John Doe" is two people (review 22c, r9); a name the byline reader keeps
        # no one of ("PAP") is kept as written
        meta_authors = (metadata.split_authors(meta_authors)
                        or [a.strip() for a in meta_authors.replace(";", ",").split(",") if a.strip()])
    return Article(
        # from the URL, else the item as it came (not the cleaned text, which depends on the batch)
        id=str(meta["id"]) if meta.get("id") is not None else article_id_for(item.source, url, item.content),
        source=item.source,
        url=url,
        text=text,
        outlet=outlet,
        title=metadata.without_wire_slug(_first(meta.get("title"), title)),
        published=published,
        authors=list(_first(meta_authors, authors) or []),
        # the body's first line (FENNICK —) before the page's header lines (Kyiv • UNN)
        dateline=metadata.dateline(text) or (metadata.dateline(raw_text) if raw_text is not text else None),
        # what the text is written in; a page's declared lang (often its template's) only when the
        # text is too short to tell
        language=_first(metadata.language(text), lang),
        raw_digest=item.digest if settings.stamp_raw_digest else None,
        text_from=meta.get("text_from"),
        captured=crawled.isoformat(timespec="seconds") if crawled else None,
        modified=_modified_time(item.source, meta.get("modified"), notes) or modified,
        credit_lines=credit_lines,
        warnings=notes,
    )


def _dropped_source_lines(content: str, text: str) -> list[str]:
    """The lines of ``content`` that name the article's source (``line_rules.SOURCE_LINE``), stand
    where the article signs it (``line_rules.article_source_lines``: not a teaser's below it) and
    are not in its extracted ``text``."""
    from storydiff.extract.line_rules import MAX_CREDIT_LINES, article_source_lines

    kept = {line.strip() for line in text.splitlines() if line.strip()}
    lines = content.splitlines()
    signed = [lines[i].strip() for i in article_source_lines(lines, [line.strip() in kept for line in lines])]
    return [line for line in dict.fromkeys(signed) if line not in kept][:MAX_CREDIT_LINES]


def _split_signed_source_lines(text: str) -> tuple[str, list[str]]:
    """An HTML body without the source lines where the article signs it that page text drops as a
    field ("Джерело: Укрінформ" as its last paragraph; a line that reads as a sentence stays, as in
    page text), and those lines, kept apart for its origin as page text's are: the same vendor row
    as HTML and as plain text differed by that line, and the second was stored as a revision
    ("paragraph removed: Джерело: Укрінформ"; QA pass 21b, 02)."""
    from storydiff.extract.line_rules import MAX_CREDIT_LINES, SOURCE_LINE, article_source_lines
    from storydiff.extract.record_text import sentence_line

    lines = text.split("\n")
    body = [bool(line.strip()) and not SOURCE_LINE.fullmatch(line.strip()) for line in lines]
    drop = {i for i in article_source_lines(lines, body) if not sentence_line(lines[i])}
    if not drop:
        return text, []
    kept = "\n".join(line for i, line in enumerate(lines) if i not in drop).strip()
    return kept, [lines[i].strip() for i in sorted(drop)][:MAX_CREDIT_LINES]


def _fallback_date(published: str | None, url: str | None) -> str:
    """What a record with an unreadable date is stored with, said with the date and where it comes
    from: "the page's own date" was a date read off the URL's path (QA pass 25b, 14)."""
    if not published:
        return "stored undated"
    day = published[:10]
    if url and re.search(r"(?<!\d)" + r"[/_-]?".join(day.split("-")) + r"(?!\d)", url):
        return f"the date in its URL is used ({day})"
    return f"the page's own date is used ({published})"


_NO_FUTURE_LIMIT = datetime(9000, 1, 1, tzinfo=timezone.utc)


def _modified_time(source: str, value: object, notes: list[str]) -> str | None:
    """An export's modified time as ISO 8601, read as its published time is (``normalize_date``:
    "05.12.2026 19:05", the assumed zone), when it gives a time of day (a bare day orders no two
    versions of one day's text). Only ISO was read: a vendor's dotted time was dropped without a
    word and the older text became current, its correction shown reversed (QA pass 25b, 2);
    one that cannot be read is now said, as an unreadable published date is."""
    if not isinstance(value, str) or not value.strip():
        return None
    # a time in the future is kept: versions.rules.without_future_modified drops it, said as such
    normalized = normalize_date(value, now=_NO_FUTURE_LIMIT)
    if normalized is None:
        _warn_date(source, value, "the page's own modified time is used, if it gives one", notes, field="modified")
        return None
    if is_bare_date(normalized):
        return None
    parsed = parse_iso_utc(normalized)  # a zone-less time is UTC, as it was read before
    return parsed.isoformat() if parsed else None


BODY_LINE_MIN_CHARS = 40  # a page line this long found in the extracted text is a body line


def _dated_by_its_lines(lines: list[str], body: str, title: str | None, published: str | None,
                        crawled: datetime | None, language: str | None) -> tuple[str | None, str | None]:
    """An HTML page's date read from its visible date line as page text's is, where its tags and
    htmldate gave a day without its time or no date (a time of day they gave stands): the line's
    time on that day, or, undated,
    the line's date (relative ones, "Сьогодні, 09:15", against the capture time); and the page's
    modified time: that time where only its last-update stamp gave it ("Stand: ...";
    ``metadata.line_dates``), else the stamp's own time (``metadata.updated_from_lines``), as page
    text's."""
    # a page line is the body's when the extracted text holds it (a pass may join paragraphs); a
    # short line (a date, a byline, a label) is never counted as body
    flat = " ".join(body.split())
    kept = [len(line) >= BODY_LINE_MIN_CHARS and line in flat for line in lines]

    def updated(after: str | None) -> str | None:
        return metadata.updated_from_lines(lines, kept, title=title, now=crawled, language=language, not_before=after)

    if published and "T" in published:
        # the tags' time of day stands; only the update stamp is read, printed in the zone the
        # tags give (Ukrinform's "Оновлено: ..., 14:35" beside a +02:00 tag is 12:35 UTC)
        return published, _in_zone_of(updated(published), published)
    found, stamp_only = metadata.line_dates(lines, kept, title=title, now=crawled, language=language)
    if found is None or "T" not in found and published:
        return published, updated(published)
    if published and found[:10] != published[:10]:
        return published, updated(published)  # the tags' day wins; a line of another day is another date on the page
    return found, found if stamp_only else updated(found)


def _in_zone_of(stamp: str | None, published: str) -> str | None:
    """``stamp`` (ISO), when it gives no zone, in the zone of ``published`` (ISO, with its offset)."""
    if stamp is None:
        return None
    try:
        at, zone = datetime.fromisoformat(stamp), datetime.fromisoformat(published).tzinfo
    except ValueError:
        return stamp
    return at.replace(tzinfo=zone).isoformat() if at.tzinfo is None and zone is not None else stamp


def extract_items(
    items: Iterable[RawItem | Failure], settings: ExtractSettings | None = None, batch_size: int = 500
) -> Iterator[Article | Failure]:
    """Extract a stream in input order, passing failures through. Items are taken in batches
    so that page text of the same outlet teaches each other their template. A mistyped
    STORYDIFF_ASSUME_TZ is a ValueError here, before any item (not a failure of each dated one)."""
    naive_zone()
    return _extract_stream(items, settings, batch_size)


def _extract_stream(items: Iterable[RawItem | Failure], settings: ExtractSettings | None,
                    batch_size: int) -> Iterator[Article | Failure]:
    pending: list[RawItem | Failure] = []

    def flush() -> Iterator[Article | Failure]:
        # Page text learns its outlet's template from the batch's other pages of that outlet:
        # those the same outlet names (URL, export field, a signed line) and those that share
        # its template lines, found from the text alone (pages pasted without a URL).
        texts = [i for i, it in enumerate(pending) if isinstance(it, RawItem) and it.kind == "text"]
        found = sibling_pages([pending[i].content for i in texts], [outlet_key(pending[i]) for i in texts],
                              settings) if len(texts) > 1 else [[] for _ in texts]
        siblings_of = {i: [pending[texts[j]].content for j in sib] for i, sib in zip(texts, found)}
        for i, it in enumerate(pending):
            if isinstance(it, Failure):
                yield it
                continue
            yield _safe(it, siblings_of.get(i, []), settings)
        pending.clear()

    for item in items:
        pending.append(item)
        if len(pending) >= batch_size:
            yield from flush()
    yield from flush()


def warm_up(kinds: set[str], settings: ExtractSettings | None = None) -> None:
    """Import and load what extracting items of these kinds reads (for worker processes to
    share, forked after it): the HTML extractors and their date parser, the page-text line models,
    the language identifier's model."""
    if "html" in kinds:
        from storydiff.extract import date_parser, html  # noqa: F401 (trafilatura, htmldate)

        date_parser.warm_up()  # a third of the pages carry no date tag: each worker would build it
    if "text" in kinds:
        from storydiff.extract.line_model import load_models

        load_models()
    if kinds:
        metadata.language("A sentence long enough for the language identifier to load its model.")


def outlet_key(item: RawItem) -> str | None:
    """Which outlet's template a page-text item shares with the others of a batch."""
    return item.meta.get("outlet") or metadata.outlet_from_url(item.url) or metadata.outlet_from_text(item.content)


def _safe(item: RawItem, siblings: Sequence[str], settings: ExtractSettings | None) -> Article | Failure:
    try:
        return extract_item(item, siblings, settings)
    except ExtractError as e:
        return Failure(item.source, str(e), stage="extract")
    except RecursionError:
        return Failure(item.source, "document nested too deeply to parse", stage="extract")
    except Exception as e:  # one pathological page must not end a batch of thousands; say what it was
        return Failure(item.source, f"extraction failed: {type(e).__name__}: {str(e)[:100]}", stage="extract")
