"""Splitting a stream into its records with bounded memory: JSONL lines, CSV rows (quoted fields
may hold newlines), feed entries. A record over the limit is skipped unread and reported by its
number, and the split goes on with the next one: one runaway record never hides the rest.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterable, Iterator
from typing import BinaryIO

CHUNK = 1 << 20


def read_some(stream: BinaryIO, n: int = CHUNK) -> bytes:
    """Up to ``n`` bytes, with at most one read underneath (``read1``): a damaged stream then
    hands out all it had before its error is raised, on the next call."""
    read1 = getattr(stream, "read1", None)
    return read1(n) if read1 is not None else stream.read(n)


# -- JSON Lines ---------------------------------------------------------------------------------

_NON_BLANK = re.compile(rb"[^ \t\r\n\f\v]")


def jsonl_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int]]:
    """(line number, line) for every non-blank line; (line number, bytes seen) for a line over
    ``limit`` bytes, which is skipped. Runs of blank lines are skipped at C speed (a file of a
    billion newlines is no billion Python steps)."""
    lineno = 1  # the number of the line that starts at ``pos``
    pending: list[bytes] = []  # the start of a line that continues in the next chunk
    pending_len = 0
    skipping = 0  # > 0: inside a line over the limit, this many bytes of it seen
    while True:
        data = read_some(stream)
        if not data:
            break
        pos = 0
        if skipping:
            nl = data.find(b"\n")
            if nl < 0:
                skipping += len(data)
                continue
            yield lineno, skipping + nl
            skipping, pos, lineno = 0, nl + 1, lineno + 1
        while True:
            if not pending:  # jump over blank lines
                m = _NON_BLANK.search(data, pos)
                if m is None:
                    lineno += data.count(b"\n", pos)
                    break
                last_nl = data.rfind(b"\n", pos, m.start())
                if last_nl >= 0:
                    lineno += data.count(b"\n", pos, last_nl + 1)
                    pos = last_nl + 1
            nl = data.find(b"\n", pos)
            if nl < 0:
                rest = data[pos:]
                if pending_len + len(rest) > limit:
                    skipping, pending, pending_len = pending_len + len(rest), [], 0
                elif rest:
                    pending.append(rest)
                    pending_len += len(rest)
                break
            line = data[pos:nl]
            if pending:
                line, pending, pending_len = b"".join(pending) + line, [], 0
            yield lineno, (line if len(line) <= limit else len(line))
            lineno, pos = lineno + 1, nl + 1
    if skipping:
        yield lineno, skipping
    elif pending:
        line = b"".join(pending)
        if line.strip():
            yield lineno, line


def jsonl_text_lines(stream: BinaryIO, limit: int) -> Iterator[tuple[int, str | None]]:
    """``jsonl_lines`` as text (invalid UTF-8 replaced); None for a line over ``limit``."""
    for n, line in jsonl_lines(stream, limit):
        yield n, None if isinstance(line, int) else line.decode("utf-8", "replace")


# -- a JSON array of records --------------------------------------------------------------------

_JSON_OUTSIDE = re.compile(rb'["\[\]{},]')  # what changes the structure outside a string
_JSON_INSIDE = re.compile(rb'["\\]')  # what ends a string, or escapes the byte after it


def starts_json_array(stream: BinaryIO) -> bool:
    """Whether the stream's first non-blank byte opens a JSON array (a pretty-printed export
    written as one array, not one record a line)."""
    head = stream.peek(CHUNK)[:CHUNK].lstrip(b"\xef\xbb\xbf").lstrip()  # type: ignore[attr-defined]
    return head.startswith(b"[")


MAX_JSON_DEPTH = 200  # an article object is a few levels deep; Python's json gives up near 1,000


def json_array_items(stream: BinaryIO, limit: int) -> Iterator[tuple[int, bytes | int | str]]:
    """(number, bytes) of each element of the JSON array the stream holds, read a chunk at a time:
    an element over ``limit`` bytes is skipped unread and given as (number, bytes seen); a stream
    that is no well-formed array ends with (number, reason). Only the array's structure is read
    here (brackets, commas and strings at its top level); each element is parsed by the caller."""
    depth, in_string, escaped, ended = 0, False, False, False
    parts: list[bytes] = []
    size, skipping, n = 0, False, 0
    first = True

    def take(piece: bytes) -> None:
        nonlocal size, skipping, parts
        size += len(piece)
        if skipping:
            return
        if size > limit:
            skipping, parts = True, []
        else:
            parts.append(piece)

    while True:
        data = read_some(stream)
        if not data:
            break
        if first:
            data, first = data.lstrip(b"\xef\xbb\xbf"), False
        pos, seg = (1 if escaped else 0), (0 if depth >= 1 else None)
        escaped = False
        while pos < len(data):
            if in_string:
                m = _JSON_INSIDE.search(data, pos)
                if m is None:
                    pos = len(data)
                elif m.group() == b"\\":
                    escaped, pos = m.end() >= len(data), m.end() + 1
                else:
                    in_string, pos = False, m.end()
                continue
            if ended:
                if data[pos:].strip():
                    yield n + 1, "data after the array's closing ]"
                    return
                break
            if depth == 0:
                m = _NON_BLANK.search(data, pos)
                if m is None:
                    break
                if data[m.start():m.end()] != b"[":
                    yield n + 1, "not a JSON array"
                    return
                depth, pos, seg = 1, m.end(), m.end()
                continue
            m = _JSON_OUTSIDE.search(data, pos)
            if m is None:
                break
            c, pos = m.group(), m.end()
            if c == b'"':
                in_string = True
            elif c in (b"[", b"{"):
                depth += 1
                if depth > MAX_JSON_DEPTH:  # json.loads would refuse it anyway; a run of "[[[[" is read a byte a turn
                    yield n + 1, f"nested over {MAX_JSON_DEPTH} levels deep: not read further"
                    return
            elif depth > 1 and c in (b"]", b"}"):
                depth -= 1
            elif depth == 1 and c in (b",", b"]"):  # an element ends
                take(data[seg:m.start()])
                if skipping:
                    n += 1
                    yield n, size
                elif any(p.strip() for p in parts):
                    n += 1
                    yield n, b"".join(parts)
                parts, size, skipping, seg = [], 0, False, pos
                if c == b"]":
                    depth, ended = 0, True
            elif depth == 1 and c == b"}":
                yield n + 1, "a '}' that closes nothing"
                return
        if seg is not None and depth >= 1:
            take(data[seg:])
    if not ended and depth > 0:
        yield n + 1, "the array is cut off (no closing ])"


# -- CSV ----------------------------------------------------------------------------------------

_START, _FIELD, _QUOTED, _QUOTE = range(4)  # at a field's start, in a bare field, in quotes, after a quote in quotes


def csv_records(chunks: Iterable[str], delimiter: str, limit: int,
                again: list[str] | None = None) -> Iterator[str | int]:
    """The text of each record of CSV text given in pieces (newlines inside quoted fields kept,
    as the csv module reads them with newline=""), or, for a record over ``limit`` characters,
    its size, the record skipped. Quoting as Python's default dialect: a field that starts with
    a double quote runs to the closing one, "" is a quote inside it.

    ``again``: text the reader hands back after a record (put in the list before asking for the
    next one) is split again, from a record's start, before the rest: the tail of a record that
    a field cut short after its opening quote ran into (the reader's ``csv_rows``)."""
    special = re.compile("[" + re.escape(delimiter) + '"\r\n]')
    handed_back: list[str] = again if again is not None else []
    source = iter(chunks)
    pending: list[str] = []  # handed-back text, read before the next chunk
    state = _START
    parts: list[str] = []
    size = 0
    over = False
    while True:
        chunk = pending.pop() if pending else next(source, None)
        if chunk is None:
            if over:
                yield size
            elif parts:
                yield "".join(parts)
                if handed_back:  # the file's last record ran into a row: read that row
                    pending.append(handed_back.pop())
                    parts, size, over, state = [], 0, False, _START
                    continue
            return
        i, n, begin = 0, len(chunk), 0
        while i < n:
            if state == _QUOTED:
                j = chunk.find('"', i)
                if j < 0:
                    break
                i, state = j + 1, _QUOTE
                continue
            if state == _QUOTE:
                if chunk[i] == '"':
                    i, state = i + 1, _QUOTED
                    continue
                state = _FIELD  # what follows a closing quote is read as field text
            m = special.search(chunk, i)
            if m is None:
                state = _FIELD
                break
            k, c = m.start(), m.group()
            if k > i:
                state = _FIELD
            if c == delimiter:
                i, state = k + 1, _START
            elif c == '"':
                i, state = k + 1, (_QUOTED if state == _START else _FIELD)
            else:  # a newline outside quotes ends the record
                end = k + 2 if c == "\r" and chunk.startswith("\n", k + 1) else k + 1
                size += end - begin
                if over or size > limit:
                    yield size
                else:
                    parts.append(chunk[begin:end])
                    yield "".join(parts)
                parts, size, over = [], 0, False
                i = begin = end
                state = _START
                if handed_back:
                    pending.append(handed_back.pop() + chunk[end:])
                    begin = n  # the rest of this chunk is read after the handed-back text
                    break
        rest = chunk[begin:]
        size += len(rest)
        if over or size > limit:
            over, parts = True, []
        elif rest:
            parts.append(rest)


def decoded_chunks(stream: BinaryIO, encoding: str, replaced: list[int],
                   legacy: list[tuple[int, str]] | None = None) -> Iterator[str]:
    """Text of a byte stream, a chunk at a time; invalid sequences become U+FFFD and are counted
    into ``replaced[0]``. In UTF-8, a line that is not UTF-8 but reads as a legacy encoding's
    letters (``decode.legacy_line``) is read in it, and (its line number, the encoding) noted in
    ``legacy``: one Windows-1251 row of a UTF-8 CSV was stored as U+FFFD, outlet and title and
    text, under one warning for the whole file (QA pass 23a, 06)."""
    from storydiff.ingest.decode import REPLACE_COUNTING, replacements_since_reset

    decoder = codecs.getincrementaldecoder(encoding)(errors=REPLACE_COUNTING)
    if codecs.lookup(encoding).name == "utf-8":
        stream_lines = _utf8_lines(stream, legacy if legacy is not None else [])
    else:
        stream_lines = None
    while True:
        data = read_some(stream) if stream_lines is None else next(stream_lines, b"")
        before = replacements_since_reset()
        text = decoder.decode(data, final=not data)
        replaced[0] += replacements_since_reset() - before
        if text:
            yield text
        if not data:
            return


def _utf8_lines(stream: BinaryIO, legacy: list[tuple[int, str]]) -> Iterator[bytes]:
    """The stream's bytes in chunks of whole lines, each line that is not UTF-8 but reads as a
    legacy encoding (``decode.legacy_line``) re-encoded as UTF-8 (and noted in ``legacy``)."""
    from storydiff.ingest.decode import legacy_line

    carry, line_no = b"", 0
    while True:
        data = read_some(stream)
        if not data:
            if carry:
                yield _fixed_lines(carry, line_no, legacy, legacy_line)
            return
        data = carry + data
        cut = data.rfind(b"\n") + 1
        if not cut:
            carry = data
            if len(carry) > 4 * CHUNK:  # one line without end: pass it on as it is
                yield carry
                carry = b""
            continue
        carry = data[cut:]
        yield _fixed_lines(data[:cut], line_no, legacy, legacy_line)
        line_no += data.count(b"\n", 0, cut)


def _fixed_lines(block: bytes, first_line: int, legacy: list[tuple[int, str]], legacy_line) -> bytes:
    try:
        block.decode("utf-8")
        return block  # the common case: all of it UTF-8
    except UnicodeDecodeError:
        pass
    lines = block.split(b"\n")
    for i, line in enumerate(lines):
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            read = legacy_line(line)
            if read is not None:
                lines[i] = read[0].encode("utf-8")
                legacy.append((first_line + i + 1, read[1]))
    return b"\n".join(lines)


# -- feeds --------------------------------------------------------------------------------------

# Things inside which "<item" is no tag, entry starts and ends (RSS item, Atom/RSS 1.0 entry, prefixed or not).
_FEED_TOKEN = re.compile(rb"<!\[CDATA\[|<!--|<(/?)(?:[A-Za-z_][\w.-]*:)?(?:item|entry)(?=[\s>/])", re.IGNORECASE)
_TOKEN_ENDS = {b"<![CDATA[": b"]]>", b"<!--": b"-->"}
_CARRY = 64  # bytes kept across chunk boundaries while skipping: longer than any token


class FeedPiece:
    """One parseable document of a feed: the feed's own header, some of its entries, closing tags."""

    def __init__(self, document: bytes, first_entry: int, n_entries: int):
        self.document, self.first_entry, self.n_entries = document, first_entry, n_entries


class OversizedEntry:
    def __init__(self, number: int, size: int):
        self.number, self.size = number, size


def feed_pieces(
    stream: BinaryIO, piece_bytes: int, limit: int
) -> Iterator[FeedPiece | OversizedEntry | str]:
    """A feed as documents of at most about ``piece_bytes`` bytes of entries each, every one the
    feed's header (everything before its first entry), some entries, and the tags that close the
    header. A feed up to ``piece_bytes`` is one piece, exactly as given. An entry over ``limit``
    bytes is skipped unread (OversizedEntry); a header over ``limit`` ends the split with a str
    saying so."""
    head = stream.read(piece_bytes + 1)
    if len(head) <= piece_bytes:
        yield FeedPiece(head, 0, -1)  # -1: as many entries as the parser finds
        return
    scanner = _Scanner(stream, head)
    start = scanner.find_entry_start(limit)
    if start is None:
        yield "feed has no entry in its first " + _mb(limit)
        return
    header = scanner.take(start)
    closing = closing_tags(header)
    entries: list[bytes] = []
    size = 0
    number = 0  # entries seen so far
    first = 0
    while True:
        if number:  # the next entry's start (the first one is where the header ended)
            start = scanner.find_entry_start(limit, drop_before=True)
            if start is None:
                break
            scanner.take(start)
        number += 1
        entry = scanner.take_entry(limit)
        if isinstance(entry, int):
            if entries:  # the entries before it first, in order
                yield FeedPiece(header + b"".join(entries) + closing, first, len(entries))
                entries, size = [], 0
            yield OversizedEntry(number, entry)
            first = number
            continue
        entries.append(entry)
        size += len(entry)
        if size >= piece_bytes:
            yield FeedPiece(header + b"".join(entries) + closing, first, len(entries))
            first, entries, size = number, [], 0
    if entries:
        yield FeedPiece(header + b"".join(entries) + closing, first, len(entries))


def _mb(n: int) -> str:
    return f"{n / 1_000_000:.0f} MB"


class _Scanner:
    """A byte stream searched for feed tokens with a buffer that only ever holds the current
    entry (or, while one too large is skipped, a few bytes of it)."""

    def __init__(self, stream: BinaryIO, head: bytes):
        self.stream, self.buf, self.eof = stream, bytearray(head), False

    def _more(self) -> bool:
        data = read_some(self.stream)
        if not data:
            self.eof = True
            return False
        self.buf += data
        return True

    def take(self, n: int) -> bytes:
        out = bytes(self.buf[:n])
        del self.buf[:n]
        return out

    def _skip_quoted(self, m: re.Match, limit: int) -> int | None:
        """The end of the CDATA section or comment opened by ``m``, reading more as needed;
        None at the end of the stream or past ``limit`` bytes."""
        close = _TOKEN_ENDS[m.group()]
        end = self.buf.find(close, m.end())
        while end < 0:
            if len(self.buf) > limit or not self._more():
                return None
            end = self.buf.find(close, max(m.end(), len(self.buf) - CHUNK - len(close)))
        return end + len(close)

    def find_entry_start(self, limit: int, drop_before: bool = False) -> int | None:
        """The offset of the next entry's start tag; None if the stream ends first (or, for the
        header, nothing is found within ``limit`` bytes)."""
        pos = 0
        while True:
            m = _FEED_TOKEN.search(self.buf, pos)
            if m is None:
                if drop_before:  # what lies between entries (blanks, closing tags) is not kept
                    keep = max(0, len(self.buf) - _CARRY)
                    del self.buf[:keep]
                    pos = 0
                elif len(self.buf) > limit:
                    return None
                else:
                    pos = max(0, len(self.buf) - _CARRY)
                if not self._more():
                    return None
                continue
            if m.group(1) is None and m.group().startswith(b"<!"):
                end = self._skip_quoted(m, limit)
                if end is None:
                    return None
                pos = end
                continue
            if m.group(1):  # a stray end tag
                pos = m.end()
                continue
            return m.start()

    def take_entry(self, limit: int) -> bytes | int:
        """The entry starting the buffer, through its end tag; its size when over ``limit``
        (then skipped). At the end of the stream an unclosed entry is given as it is (the
        parser says what is wrong with it)."""
        pos = 1
        while True:
            m = _FEED_TOKEN.search(self.buf, pos)
            if m is None:
                if len(self.buf) > limit:
                    return self._skip_entry(limit)
                pos = max(1, len(self.buf) - _CARRY)
                if not self._more():
                    return self.take(len(self.buf))
                continue
            if m.group().startswith(b"<!"):
                end = self._skip_quoted(m, limit)
                if end is None:
                    return self._skip_entry(limit) if len(self.buf) > limit else self.take(len(self.buf))
                pos = end
                continue
            if m.group(1):  # the end tag: through its ">"
                close = self.buf.find(b">", m.end())
                while close < 0 and self._more():
                    close = self.buf.find(b">", m.end())
                end = len(self.buf) if close < 0 else close + 1
                if end > limit:
                    del self.buf[:end]
                    return end
                return self.take(end)
            pos = m.end()  # a nested start tag (an Atom <source> holds none; a broken feed may)

    def _skip_entry(self, limit: int) -> int:
        """Read past the rest of an entry too large to keep, holding only a few bytes at a time."""
        seen = 0
        in_quoted: bytes | None = None
        pos = 0
        while True:
            if in_quoted is not None:
                end = self.buf.find(in_quoted, pos)
                if end < 0:
                    keep = max(0, len(self.buf) - _CARRY)
                    seen += keep
                    del self.buf[:keep]
                    pos = 0
                    if not self._more():
                        return seen + len(self.buf)
                    continue
                pos, in_quoted = end + len(in_quoted), None
                continue
            m = _FEED_TOKEN.search(self.buf, pos)
            if m is None or (m.group(1) and self.buf.find(b">", m.end()) < 0):
                keep = max(0, len(self.buf) - _CARRY)
                seen += keep
                del self.buf[:keep]
                pos = 0
                if not self._more():
                    seen += len(self.buf)
                    del self.buf[:]
                    return seen
                continue
            if m.group().startswith(b"<!"):
                pos, in_quoted = m.end(), _TOKEN_ENDS[m.group()]
                continue
            if m.group(1):
                end = self.buf.find(b">", m.end()) + 1
                seen += end
                del self.buf[:end]
                return seen
            pos = m.end()


_MARKUP_NOISE = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>|<\?.*?\?>|<!DOCTYPE[^>]*>", re.DOTALL | re.IGNORECASE)
_TAG = re.compile(rb"<(/?)([A-Za-z_][\w.:-]*)(?:\s[^>]*)?>")


def closing_tags(header: bytes) -> bytes:
    """The end tags of the elements ``header`` leaves open (``</channel></rss>``), innermost first."""
    stack: list[bytes] = []
    for m in _TAG.finditer(_MARKUP_NOISE.sub(b"", header)):
        name = m.group(2)
        if m.group(1):
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
        elif not m.group().endswith(b"/>"):
            stack.append(name)
    return b"".join(b"</" + name + b">" for name in reversed(stack))


def as_stream(data: bytes | BinaryIO) -> io.BufferedReader:
    """Bytes, or a stream without ``peek``, as a stream whose first chunk can be peeked at."""
    if isinstance(data, bytes | bytearray):
        return io.BufferedReader(io.BytesIO(data), buffer_size=CHUNK)  # type: ignore[arg-type]
    if hasattr(data, "peek"):
        return data  # type: ignore[return-value]
    return io.BufferedReader(data, buffer_size=CHUNK)  # type: ignore[arg-type]
