"""Which way an export writes its slash dates: "05/12/2026" is the 5th of December in most of the
world and May 12th in the United States, and one file writes every row the same way.

A row alone cannot tell ("05/12/2026" read month first stored a Warsaw vendor's December rows in
May; QA pass 18b, 2), but its file usually can: one row with "25/11/2026" proves day first, one
with "11/25/2026" month first. ``file_date_order`` reads a file's time fields (``TIME_KEYS``: a JSON
key's value, a CSV column its header names) and votes; ``with_date_order`` writes an ambiguous value of that file
as ISO 8601, which every reader after it takes as written. A file whose rows prove both orders, or
neither, keeps each value as it is (read as before: month first in English, ``DATE_ORDER`` of
extract.normalize_date).

A file whose slash dates never pass 12 (a week of 1-12 December: "07/12/2026") proves neither order.
Its rows still tell (``tie_break``, QA pass 21b, 08: a Ukrainian export's week was stored across
July to December, silently): their datelines ("Харків, 7 грудня.") name the month, and failing that
their language says how its writers write a date (day first everywhere but in US English). The file
is then read in that order, with one warning naming the file, the order and why; a file in English
keeps month first, with the warning.
"""

from __future__ import annotations

import logging
import re
import zlib
from collections.abc import Callable, Iterable
from typing import BinaryIO, Literal

from storydiff.ingest.csv_rows import header_delimiter
from storydiff.ingest.formats import FIELD_ALIASES, TIME_FIELDS
from storydiff.ingest.limits import LimitExceeded, open_input
from storydiff.settings import IngestSettings

# the fields an export's times are read from, under storydiff's names and the vendors'
TIME_KEYS = tuple(dict.fromkeys((*TIME_FIELDS, *FIELD_ALIASES["published"], *FIELD_ALIASES["modified"])))

DateOrder = Literal["DMY", "MDY"]

log = logging.getLogger("storydiff.ingest")

# A slash date that is the value of a time field (``TIME_KEYS``): a date inside an article's text
# or title is the article's, not the file's (review 19 #4: a US export whose one row's text opened
# "25/11/2026 is the date the court set..." was read day first). In JSON: found from its "/MM/YYYY"
# (a search that opens with a literal runs ~20x faster than one opening with a digit), then its day
# and its key read backwards over a few bytes. Blanks are spaces and tabs only (a "\s*" ran on over
# every blank line after a line's start and back: a gzip of blank lines took minutes). In CSV: the
# header names the time columns, and the csv module reads their values.
_DATE_TAIL = re.compile(rb'/(\d{1,2})/(?:\d{4}|\d{2})(?=[\sT"]|$)', re.M)
_KEYED_DAY = re.compile(rb'"(?:' + b"|".join(re.escape(k.encode()) for k in TIME_KEYS) + rb')"[ \t]*:[ \t]*"[ \t]*(\d{1,2})\Z')
_CSV_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(?:\d{4}|\d{2})(?:[\sT]|$)")
_VALUE_DATE = re.compile(r"\s*(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?=[\sT]|$)(.*)", re.S)

_CHUNK = 2**20  # read a megabyte at a time


def vote(firsts_over_12: int, seconds_over_12: int) -> DateOrder | None:
    """The order that the evidence proves: day first when some first part is over 12 and no second
    part is, month first the other way round; None when neither or both."""
    if firsts_over_12 and not seconds_over_12:
        return "DMY"
    if seconds_over_12 and not firsts_over_12:
        return "MDY"
    return None


def file_date_order(stream: BinaryIO, fmt: str = "jsonl", settings: IngestSettings | None = None) -> DateOrder | None:
    """The order of the slash dates in a JSON Lines or JSON (``fmt`` "jsonl") or CSV ("csv") export's
    time fields (``vote``), read from ``stream`` (its content, decompressed) up to the settings'
    ``date_order_scan_bytes`` and ``date_order_scan_dates``; None when it does not tell."""
    return vote(*file_date_votes(stream, fmt, settings)[:2])


def file_date_votes(stream: BinaryIO, fmt: str = "jsonl",
                    settings: IngestSettings | None = None) -> tuple[int, int, int]:
    """(slash dates whose first part is over 12, those whose second part is, those that read
    either way: "07/12/2026") in the time fields of an export (``file_date_order``)."""
    s = settings or IngestSettings()
    if fmt == "csv":
        return _csv_date_votes(stream, s.date_order_scan_dates)
    firsts = seconds = either = read = 0
    tail = b""
    budget = [s.date_order_scan_dates]
    while read < s.date_order_scan_bytes and budget[0] > 0:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        read += len(chunk)
        # a date cut at the chunk's end is read whole with the next one
        cut = chunk.rfind(b"\n")
        block, tail = (tail + chunk[: cut + 1], chunk[cut + 1:]) if cut >= 0 else (b"", tail + chunk)
        if len(tail) > _CHUNK:  # one enormous line: read it as it comes
            block, tail = tail, b""
        f, s_, e = _tally(block, budget)
        firsts, seconds, either = firsts + f, seconds + s_, either + e
        if (firsts or seconds) and vote(firsts, seconds) is not None and read >= 4 * _CHUNK:
            break  # settled, and read far enough that a mixed file would have shown it
    f, s_, e = _tally(tail, budget)
    return firsts + f, seconds + s_, either + e


def _csv_date_votes(stream: BinaryIO, max_rows: int) -> tuple[int, int, int]:
    """``vote`` over the values of a CSV export's time columns (those its header names)."""
    import csv
    import io

    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
    header_line = text.readline(_CHUNK).lstrip("\ufeff")
    delimiter = header_delimiter(header_line)
    try:
        header = next(csv.reader([header_line], delimiter=delimiter), [])
    except csv.Error:
        return 0, 0, 0
    columns = [i for i, name in enumerate(header) if name.strip() in TIME_KEYS]
    if not columns:
        return 0, 0, 0
    firsts = seconds = either = 0
    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(_CHUNK)
        for n, row in enumerate(csv.reader(text, delimiter=delimiter)):
            if n >= max_rows:  # rows, not bytes: the stream may be a gzip's, which tells no position
                break
            for i in columns:
                m = _CSV_DATE.match(row[i]) if i < len(row) else None
                if m:
                    first, second = int(m.group(1)), int(m.group(2))
                    firsts += first > 12 >= second
                    seconds += second > 12 >= first
                    either += _either_way(first, second)
    except (csv.Error, OSError, ValueError):
        pass  # what was read votes; the rows' own reading names the damage
    finally:
        csv.field_size_limit(limit)
    return firsts, seconds, either


def _either_way(first: int, second: int) -> bool:
    """Whether a slash date's two parts read as day and month either way ("07/12")."""
    return first != second and 1 <= first <= 12 and 1 <= second <= 12


def _tally(block: bytes, budget: list[int]) -> tuple[int, int, int]:
    """(dates whose first part is over 12, dates whose second part is, dates that read either way)
    among the time fields' slash dates of ``block``; ``budget[0]``: how many more "/MM/YYYY" may be
    looked at (counted down)."""
    firsts = seconds = either = 0
    if b"/" not in block:
        return 0, 0, 0
    for m in _DATE_TAIL.finditer(block):
        budget[0] -= 1
        if budget[0] < 0:
            break
        at = m.start()
        head = _KEYED_DAY.search(block, max(0, at - 48), at)
        if head is None:
            continue
        first, second = int(head.group(1)), int(m.group(1))
        firsts += first > 12 >= second
        seconds += second > 12 >= first
        either += _either_way(first, second)
    return firsts, seconds, either


def reopened_date_order(reopen: Callable[[], BinaryIO], settings: IngestSettings,
                        fmt: str = "jsonl", source: str = "the export") -> DateOrder | None:
    """``file_date_order`` of an input opened again from its start by ``reopen`` (a file, bytes),
    decompressed as its rows are; None when it cannot be read (its rows' reading says why). A file
    whose slash dates prove neither order gets its rows' (``tie_break``), with a warning naming
    ``source``."""
    try:
        with reopen() as again:
            firsts, seconds, either = file_date_votes(open_input(again, settings), fmt, settings)
        if firsts or seconds or not either:
            return vote(firsts, seconds)  # proven, or proven both ways (each value as written), or no slash date
        with reopen() as again:
            return tie_break(_rows_of(open_input(again, settings), fmt, settings, source), source)
    except (LimitExceeded, OSError, EOFError, zlib.error):
        return None


def _rows_of(stream: BinaryIO, fmt: str, settings: IngestSettings, source: str) -> Iterable[tuple[str, str]]:
    """(published, title and text) of an export's rows, as its reader reads them, without logging
    the warnings its reading logs anyway (review 21c #7: each was logged twice, once naming no file)."""
    from storydiff.ingest.formats import read_csv, read_jsonl
    from storydiff.records import RawItem

    for item in (read_csv if fmt == "csv" else read_jsonl)(source, stream, settings, warn=False):
        if isinstance(item, RawItem) and isinstance(item.meta.get("published"), str):
            yield item.meta["published"], f"{item.meta.get('title') or ''}\n{item.content}"


# A day and its month in words, as datelines write it: "Харків, 7 грудня.", "МОСКВА, 6 декабря",
# "Warszawa, 7 grudnia", "Berlin, 7. Dezember", "LONDON, Dec 7", "7 December": whole month forms of
# uk, ru, pl, de, en, fr, es, it (stems with any ending read "6 травмованих" as "6 травня", "Sep
# 3 separate" as September: review 21c #6), at a line's start or after the place and its comma.
_MONTH_FORMS = (
    ("січня|января|stycznia|januar|jänner|january|jan|janvier|enero|gennaio", 1),
    ("лютого|февраля|lutego|februar|february|feb|février|febrero|febbraio", 2),
    ("березня|марта|marca|märz|march|mar|mars|marzo", 3),
    ("квітня|апреля|kwietnia|april|apr|avril|abril|aprile", 4),
    ("травня|мая|maja|mai|may|mayo|maggio", 5),
    ("червня|июня|czerwca|juni|june|jun|juin|junio|giugno", 6),
    ("липня|июля|lipca|juli|july|jul|juillet|julio|luglio", 7),
    ("серпня|августа|sierpnia|august|aug|août|agosto", 8),
    ("вересня|сентября|września|september|sep|sept|septembre|septiembre|settembre", 9),
    ("жовтня|октября|października|oktober|october|oct|octobre|octubre|ottobre", 10),
    ("листопада|ноября|listopada|november|nov|novembre|noviembre", 11),
    ("грудня|декабря|grudnia|dezember|december|dec|décembre|diciembre|dicembre", 12),
)
_MONTH_NUMBER = {form: n for forms, n in _MONTH_FORMS for form in forms.split("|")}
_MONTH_WORD = "(?:" + "|".join(sorted(_MONTH_NUMBER, key=len, reverse=True)) + ")"
_WORDED_DATE = re.compile(
    rf"^[ \t]*(?:[^\W\d_][^\W\d_ '’.-]*(?:[ '’.-]+[^\W\d_]+){{0,3}}[ \t]*,[ \t]*)?"
    rf"(?:(?P<day>\d{{1,2}})\.?[ \t]+(?P<month>{_MONTH_WORD})|(?P<month2>{_MONTH_WORD})\.?[ \t]+(?P<day2>\d{{1,2}}))\b",
    re.IGNORECASE | re.MULTILINE)
_DATELINE_VOTES = 2  # rows whose datelines agree before they outvote the rows' language
_DATELINE_CHARS = 400  # where a dateline stands: the title and the text's first lines
_TIE_BREAK_ROWS = 500  # rows with an ambiguous slash date looked at
_TIE_BREAK_SCAN = 20_000  # rows read to find them (the vote saw one at least)
_DAY_FIRST_NOT = frozenset({"en"})  # the languages whose writers may put the month first


def _month_number(word: str) -> int | None:
    return _MONTH_NUMBER.get(word.lower())


def tie_break(rows: Iterable[tuple[str, str]], source: str = "the export") -> DateOrder | None:
    """The order of a file's slash dates that never pass 12, from its rows ((published, title and
    text)): the datelines' worded dates ("7 грудня" beside "07/12/2026" is day first) when they
    agree, else the rows' language (day first but in English); one warning says which and why.
    None when no row has a slash date that could be read both ways."""
    dmy = mdy = ambiguous = 0
    example = ""
    sample: list[str] = []
    for n, (published, text) in enumerate(rows):
        if n >= _TIE_BREAK_SCAN:
            break
        m = _VALUE_DATE.fullmatch(published)
        if not m:
            continue
        a, b = int(m.group(1)), int(m.group(2))
        if not _either_way(a, b):
            continue
        ambiguous += 1
        example = example or published.strip()
        if len(sample) < 20:
            sample.append(text[:_DATELINE_CHARS * 2])
        w = _WORDED_DATE.search(text[:_DATELINE_CHARS])
        if w:
            day = int(w.group("day") or w.group("day2"))
            month = _month_number(w.group("month") or w.group("month2"))
            dmy += month == b and abs(day - a) <= 1
            mdy += month == a and abs(day - b) <= 1
        if ambiguous >= _TIE_BREAK_ROWS:
            break
    if not ambiguous:
        return None
    order: DateOrder | None
    # one row's dateline is no proof: a title's "6 травмованих" or a misread line would flip a file
    if max(dmy, mdy) >= _DATELINE_VOTES and (dmy > 2 * mdy or mdy > 2 * dmy):
        order = "DMY" if dmy > mdy else "MDY"
        why = f"as the datelines of {max(dmy, mdy)} of its {ambiguous} such rows say"
    else:
        from storydiff.extract.language import classify

        language = classify(" ".join(_TAG.sub(" ", t) for t in sample))
        # English is read month first, as before (US); its writers elsewhere put the day first
        order = None if language in _DAY_FIRST_NOT else "DMY"
        why = (f"as its rows are in '{language}' (" + ("US English writes the month first; a British export reads wrong so)"
                                                  if order is None else "whose writers put the day first)"))
    log.warning("%s: its slash dates (%s...) never pass 12, so they read either way; read %s, %s",
                source, example, "month first" if order in (None, "MDY") else "day first", why)
    return order


_TAG = re.compile(r"<[^>]*>")


def with_date_order(value: object, order: DateOrder | None) -> object:
    """``value`` ("05/12/2026 09:10") written as ISO 8601 in ``order`` ("2026-12-05 09:10"); any
    other value, or no order, as it is."""
    if order is None or not isinstance(value, str):
        return value
    m = _VALUE_DATE.fullmatch(value)
    if not m:
        return value
    a, b, year, rest = int(m.group(1)), int(m.group(2)), m.group(3), m.group(4)
    day, month = (a, b) if order == "DMY" else (b, a)
    if not (1 <= day <= 31 and 1 <= month <= 12):
        return value
    if len(year) == 2:
        year = f"20{year}"
    return f"{year}-{month:02d}-{day:02d}{rest}"
