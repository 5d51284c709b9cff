"""Checks on a delimited export's rows and header, where the csv module takes anything.

A vendor's CSV row cut right after an opening quote (``77099;"У Дніпрі відкрили...`` and a line
break) makes the csv module run that field on into the next row, to the next quote it meets: the
next row was lost with no error naming it, its lines became rows whose "ids" were sentences, and
in a comma file a garbage article was stored whose outlet was a sentence (QA pass 21b, 01). A
reader cannot know where a broken quoted field was meant to end, but it can see that one holds a
line that starts like a row of the file (``csv_row_start``) and that a row has more or fewer
fields than the header (``field_count_problem``): such a row fails by its line with the reason,
and the row it swallowed is read again from its own start.

A tab-separated export (``.tsv``; Excel's "Unicode Text", UTF-16 ``.txt``) is known by its header
(``export_header_delimiter``): read as page text it became one article titled
"id title text outlet url published" (QA pass 21b, 06).
"""

from __future__ import annotations

import re
from functools import lru_cache

from storydiff.ingest.decode import UTF16_MARKS

DELIMITERS = (",", ";", "\t")


def header_delimiter(header_line: str) -> str:
    """The delimiter of a header line: the one it holds most of ("," when none)."""
    return max(DELIMITERS, key=header_line.count) if header_line else ","


# A header's column names: short names of fields, not a sentence (no ":", which a headline has).
_COLUMN_NAME = re.compile(r"[\w][\w ./-]{0,39}", re.UNICODE)


def export_header_delimiter(head: bytes, text_fields: tuple[str, ...], known_fields: tuple[str, ...] = ()) -> str | None:
    """The delimiter when ``head`` (a file's first bytes) opens with an export's header row: three
    or more short column names split by one delimiter, one of them a field holding the article's
    text (``text_fields``, lower case) and another a known export field (``known_fields``: id,
    title, url, published...); else None (page text, whose first line is a headline: "Content,
    context, consequences: ..." or "Body, mind, spirit: ..." were read as tables, review 21c #3)."""
    if head.startswith(UTF16_MARKS):
        line = head[2:].decode("utf-16-le" if head.startswith(b"\xff\xfe") else "utf-16-be", "ignore")
    else:
        line = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", "ignore")
    line = line.split("\n", 1)[0].strip("\r\ufeff ")
    delimiter = header_delimiter(line)
    names = [name.strip().strip('"').strip() for name in line.split(delimiter)]
    if len(names) < 3 or not all(_COLUMN_NAME.fullmatch(n) for n in names if n):
        return None
    lower = [n.lower() for n in names]
    if not any(n in text_fields for n in lower):
        return None
    return delimiter if any(n in known_fields and n not in text_fields for n in lower) else None


def field_count_problem(row: list[str], header: list[str], kinds: dict[str, tuple[str, ...]] | None = None) -> str | None:
    """Why a row cannot be read by the header's names (a field or a delimiter missing, one too
    many), or None. Empty fields past the header's last named column are no problem (a trailing
    delimiter), nor are absent ones whose columns have no name.

    A row short only at its end is read with the missing fields empty, as ``csv.DictReader``'s
    ``restval`` does: Excel leaves out the trailing delimiters of a row whose last cells are empty
    (review 21c #2). ``kinds`` (lower-case column names: "text" the article's text or HTML, "url",
    "time") tells that from a value or delimiter missing in the middle: the row must reach a text
    column, and its values must fit the url and time columns they land in; else it fails."""
    named = len(header)
    while named and not header[named - 1].strip():
        named -= 1
    extra = row[len(header):]
    if len(row) < named and not (kinds and short_row_fits(row, header, kinds)):
        return (f"has {len(row)} field(s) where the header has {len(header)}: a value or a delimiter is missing, "
                "so its values cannot be told apart by column")
    if any(v.strip() for v in extra):
        return (f"has {len(row)} fields where the header has {len(header)}: a delimiter inside an unquoted value, "
                "so its values cannot be told apart by column")
    return None


def short_row_fits(row: list[str], header: list[str], kinds: dict[str, tuple[str, ...]]) -> bool:
    """Whether a row with fewer fields than the header reads as one whose trailing cells were left
    out: it holds a non-empty text column, a URL (or nothing) in each url column and a value with a
    digit (or nothing) in each time column."""
    names = [name.strip().lower() for name in header[: len(row)]]
    if not any(n in kinds["text"] and v.strip() for n, v in zip(names, row)):
        return False
    for n, v in zip(names, row):
        v = v.strip()
        if not v:
            continue
        if n in kinds["url"] and not _URL_VALUE.match(v):
            return False
        if n in kinds["time"] and not any(c.isdigit() for c in v):
            return False
    return True


_URL_VALUE = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)


def id_shape(value: str) -> str | None:
    """The shape of a row's first value ("77001" → "9", "c12" → "9", "ab-3" → "a-9", a URL →
    "url"), or None when it is no identifier (blank, spaced, long): a line of article text that
    starts like a row is told from one by it."""
    v = value.strip()
    if not v or len(v) > 200 or _BLANK.search(v):
        return None
    if _URL_START.match(v):
        return "url"
    return _LETTERS.sub("a", _HEX_WITH_DIGIT.sub("9", v))


_BLANK = re.compile(r"\s")
_URL_START = re.compile(r"https?://", re.IGNORECASE)
_HEX_WITH_DIGIT = re.compile(r"[0-9A-Fa-f]*\d[0-9A-Fa-f]*")
_LETTERS = re.compile(r"[^\W\d_]+")


_OPEN, _BROKEN = -1, -2


def _fields_to_line_end(text: str, delimiter: str) -> int:
    """How many fields ``text`` holds up to its first line end outside quotes, as a record; _OPEN
    when it ends inside a quoted field, _BROKEN when a quote stands where no quote can (inside a
    bare value, or a closing quote followed by anything but a delimiter or the line's end)."""
    special = _special(delimiter)
    pos, fields, n = 0, 0, len(text)
    while True:
        fields += 1
        if text.startswith('"', pos):
            pos += 1
            while True:
                j = text.find('"', pos)
                if j < 0:
                    return _OPEN
                if text.startswith('"', j + 1):
                    pos = j + 2
                    continue
                pos = j + 1
                break
            if pos >= n or text[pos] in "\r\n":
                return fields
            if text[pos] != delimiter:
                return _BROKEN
            pos += 1
            continue
        m = special.search(text, pos)
        if m is None:
            return fields
        if m.group() == '"':
            return _BROKEN
        if m.group() in "\r\n":
            return fields
        pos = m.end()


def ends_inside_quotes(record: str, delimiter: str) -> bool:
    """Whether a record ends inside a quoted field (the file's last one, cut short: any other
    ends at a line end outside quotes)."""
    return not record.endswith(("\n", "\r")) and _fields_to_line_end(record, delimiter) == _OPEN


def swallowed_row_at(record: str, delimiter: str, n_fields: int, shapes: set[str], own: str | None = None) -> int | None:
    """Where, inside ``record`` (one record's text as the csv module reads it), a line starts that
    is a row of its own, swallowed by a quoted field cut short above it; None when none is.

    Such a line opens with a value of the shape of the file's first column (``shapes``: ``id_shape``
    of the rows read, or ``own``: this row's) and a delimiter, and read from there it is a row: no quote out of place,
    and either the header's number of fields to its end or a quoted field still open where the
    record ends (the field the cut one closed on was that row's own opening quote). A line of an
    article's text that opens "2024, ..." has too few fields, or the text's closing quote inside a
    bare value."""
    if not shapes and own is None:
        return None
    last = len(record.rstrip("\r\n"))
    for m in _line_start_value(delimiter).finditer(record, 0, last):
        shape = id_shape(m.group(1))
        if (shape == own or shape in shapes) and shape is not None and _fields_to_line_end(record[m.start(1):], delimiter) in (_OPEN, n_fields):
            return m.start(1)
    return None


@lru_cache(maxsize=8)
def _special(delimiter: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(delimiter) + '"\r\n]')


@lru_cache(maxsize=8)
def _line_start_value(delimiter: str) -> re.Pattern[str]:
    """A line start inside a record with a value like an id (no blank, no quote) and a delimiter
    after it (found by the regex engine: a Python loop over every line of a 170 MB export
    doubled its reading time)."""
    d = re.escape(delimiter)
    return re.compile(rf'\n([^\s"{d}]{{1,200}}){d}')
