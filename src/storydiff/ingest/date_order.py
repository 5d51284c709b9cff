"""Which way an export writes its slash dates: "05/12/2026" is the 5th of December in most of the
world and May 12th in the United States, and one file writes every row the same way.

A row alone cannot tell ("05/12/2026" read month first stored a Warsaw vendor's December rows in
May; QA pass 18b, 2), but its file usually can: one row with "25/11/2026" proves day first, one
with "11/25/2026" month first. ``file_date_order`` reads a file's time fields (``TIME_KEYS``: a JSON
key's value, a CSV column its header names) and votes; ``with_date_order`` writes an ambiguous value of that file
as ISO 8601, which every reader after it takes as written. A file whose rows prove both orders, or
neither, keeps each value as it is (read as before: month first in English, ``DATE_ORDER`` of
extract.normalize_date).
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from typing import BinaryIO, Literal

from storydiff.ingest.formats import FIELD_ALIASES, TIME_FIELDS
from storydiff.ingest.limits import LimitExceeded, open_input
from storydiff.settings import IngestSettings

# the fields an export's times are read from, under storydiff's names and the vendors'
TIME_KEYS = tuple(dict.fromkeys((*TIME_FIELDS, *FIELD_ALIASES["published"], *FIELD_ALIASES["modified"])))

DateOrder = Literal["DMY", "MDY"]

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
    s = settings or IngestSettings()
    if fmt == "csv":
        return _csv_date_order(stream, s.date_order_scan_dates)
    firsts = seconds = read = 0
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
        f, s_ = _tally(block, budget)
        firsts, seconds = firsts + f, seconds + s_
        if (firsts or seconds) and vote(firsts, seconds) is not None and read >= 4 * _CHUNK:
            break  # settled, and read far enough that a mixed file would have shown it
    f, s_ = _tally(tail, budget)
    return vote(firsts + f, seconds + s_)


def _csv_date_order(stream: BinaryIO, max_rows: int) -> DateOrder | None:
    """``vote`` over the values of a CSV export's time columns (those its header names)."""
    import csv
    import io

    text = io.TextIOWrapper(stream, encoding="utf-8", errors="replace", newline="")
    header_line = text.readline(_CHUNK).lstrip("\ufeff")
    delimiter = max((",", ";", "\t"), key=header_line.count) if header_line else ","
    try:
        header = next(csv.reader([header_line], delimiter=delimiter), [])
    except csv.Error:
        return None
    columns = [i for i, name in enumerate(header) if name.strip() in TIME_KEYS]
    if not columns:
        return None
    firsts = seconds = 0
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
    except (csv.Error, OSError, ValueError):
        pass  # what was read votes; the rows' own reading names the damage
    finally:
        csv.field_size_limit(limit)
    return vote(firsts, seconds)


def _tally(block: bytes, budget: list[int]) -> tuple[int, int]:
    """(dates whose first part is over 12, dates whose second part is) among the time fields'
    slash dates of ``block``; ``budget[0]``: how many more "/MM/YYYY" may be looked at (counted down)."""
    firsts = seconds = 0
    if b"/" not in block:
        return 0, 0
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
    return firsts, seconds


def reopened_date_order(reopen: Callable[[], BinaryIO], settings: IngestSettings,
                        fmt: str = "jsonl") -> DateOrder | None:
    """``file_date_order`` of an input opened again from its start by ``reopen`` (a file, bytes),
    decompressed as its rows are; None when it cannot be read (its rows' reading says why)."""
    try:
        with reopen() as again:
            return file_date_order(open_input(again, settings), fmt, settings)
    except (LimitExceeded, OSError, EOFError, zlib.error):
        return None


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
