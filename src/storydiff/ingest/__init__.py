"""ingest: files, folders, globs and stdin in; RawItem (or Failure) out, one per article.

Formats: HTML (.html/.htm), page text (.txt), exports (.jsonl/.csv/.tsv, and a .txt whose first
line is an export's header: Excel's "Unicode Text"), web archives
(.warc/.warc.gz) and RSS/Atom feeds; any of them gzipped. The format is taken from the
name and confirmed by sniffing the first bytes, so a mislabelled file is still read right.
"""

from __future__ import annotations

import errno
import gzip
import io
import os
import re
import stat
import sys
import zlib
from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import BinaryIO

from storydiff.ingest.csv_rows import export_header_delimiter
from storydiff.ingest.date_order import DateOrder, reopened_date_order, with_date_order
from storydiff.ingest.decode import DecodeError, decode_bytes
from storydiff.ingest.formats import (
    EXPORT_HTML_FIELDS,
    EXPORT_TEXT_FIELDS,
    FIELD_ALIASES,
    STRING_FIELDS,
    TIME_FIELDS,
    Result,
    read_csv,
    read_feed,
    read_jsonl,
    read_warc,
    starts_like_page,
)
from storydiff.ingest.limits import GZIP_MAGIC, LimitExceeded, decompressed, open_input
from storydiff.ingest.paths import STDIN, FoundSpecial, expand_inputs
from storydiff.ingest.sanitize import clean_item
from storydiff.ingest.warc_gzip import one_stream_gzip
from storydiff.records import Failure, RawItem
from storydiff.settings import IngestSettings

__all__ = ["read_inputs", "read_path", "read_bytes", "expand_inputs", "Result"]


def _strip_gz(name: str) -> str:
    return name[:-3] if name.lower().endswith(".gz") else name


def sniff_format(name: str, head: bytes) -> str:
    """'html' | 'text' | 'jsonl' | 'csv' | 'warc' | 'feed' from the name, checked against the bytes."""
    base = _strip_gz(name).lower()
    ext = os.path.splitext(base)[1]
    start = head.lstrip()[:512].lower()
    if head.startswith(b"WARC/"):
        return "warc"
    if ext in (".warc", ".arc"):
        return "warc"
    if ext in (".jsonl", ".ndjson", ".json"):
        return "jsonl"
    if ext in (".csv", ".tsv"):
        return "csv"
    if ext in (".rss", ".atom") or (
        start.startswith(b"<?xml") and (b"<rss" in head[:2048].lower() or b"<feed" in head[:2048].lower())
    ):
        return "feed"
    if start.startswith(b"<rss") or start.startswith(b"<feed"):
        return "feed"
    if ext in (".html", ".htm", ".xhtml") or starts_like_page(head):
        return "html"
    if ext == ".xml":
        return "feed"
    if start.startswith(b"{") or re.match(rb"\[\s*\{", start):  # JSON Lines, or a JSON array of records
        return "jsonl"
    if export_header_delimiter(head, _TEXT_COLUMNS, _EXPORT_COLUMNS):
        # a table whose header names an article's text: Excel's "Unicode Text" (.txt, UTF-16,
        # tab-separated) of an export, stored whole as one article before (QA pass 21b, 06)
        return "csv"
    return "text"


_TEXT_COLUMNS = tuple(f.lower() for f in (*EXPORT_TEXT_FIELDS, *EXPORT_HTML_FIELDS))
# the other fields an export's header names (a headline's words are rarely two of these)
_EXPORT_COLUMNS = tuple(f.lower() for f in (
    "id", "url", "link", *STRING_FIELDS, *TIME_FIELDS, *(a for aliases in FIELD_ALIASES.values() for a in aliases)))


_ARCHIVES = (
    (b"PK\x03\x04", "a zip archive"), (b"PK\x05\x06", "an empty zip archive"), (b"7z\xbc\xaf\x27\x1c", "a 7z archive"),
    (b"Rar!\x1a\x07", "a RAR archive"), (b"BZh", "a bzip2 file"), (b"\xfd7zXZ\x00", "an xz file"),
    (b"\x28\xb5\x2f\xfd", "a zstd file"), (GZIP_MAGIC, "a gzip file inside a gzip file"), (b"%PDF-", "a PDF"),
)


def archive_kind(head: bytes) -> str | None:
    """What kind of container ``head`` starts (a zip, a tar...), which is named rather than read
    as text, or None."""
    for magic, kind in _ARCHIVES:
        if head.startswith(magic) and (magic != b"BZh" or head[3:4].isdigit()):
            return kind
    if head[257:262] == b"ustar":
        return "a tar archive"
    return None


def _single_item(source: str, fmt: str, data: bytes) -> Result:
    if not data.strip():
        return Failure(source, "empty file")
    try:
        text = decode_bytes(data, source=source)
    except DecodeError as e:
        return Failure(source, str(e))
    if not text.strip():
        return Failure(source, "empty file")
    return RawItem(source=source, kind="html" if fmt == "html" else "text", content=text)


def read_bytes(source: str, data: bytes, settings: IngestSettings | None = None) -> Iterator[Result]:
    """Read one input given as bytes (stdin, an upload, a Spark partition)."""
    settings = settings or IngestSettings()
    yield from _sanitized(_guard(source, _read_stream(source, io.BytesIO(data), settings, None,
                                                      reopen=lambda: io.BytesIO(data)), settings))


def _read_stream(source: str, raw: BinaryIO, settings: IngestSettings, size: int | None,
                 reopen: Callable[[], BinaryIO] | None = None) -> Iterator[Result]:
    """One input from a binary stream, in whichever format it is; ``size`` on disk if known.
    ``reopen`` gives the input again from its start (a file, bytes; not a pipe): an export's rows
    are then read with its file's slash-date order (ingest.date_order)."""
    stream = open_input(raw, settings)
    head = stream.peek(4096)[:4096]
    container = archive_kind(head)
    if container:
        yield Failure(source, f"{container}, which storydiff does not open: unpack it and pass the files or their folder")
        return
    fmt = sniff_format(source, head)
    if fmt in ("jsonl", "csv"):
        rows = (read_jsonl if fmt == "jsonl" else read_csv)(source, stream, settings)
        order = reopened_date_order(reopen, settings, fmt, source) if reopen is not None else None
        yield from rows if order is None else _dated(rows, order)
    elif fmt == "warc":
        yield from read_warc(source, stream, settings)
    elif fmt == "feed":
        yield from read_feed(source, stream, settings)
    else:
        data = stream.read(settings.max_item_bytes + 1)
        if len(data) > settings.max_item_bytes:
            limit = f"the {settings.max_item_bytes / 1e6:.0f} MB limit"
            if size is None or decompressed(stream):  # a pipe, or compressed: no size to give
                yield Failure(source, f"decompresses to over {limit}" if decompressed(stream) else f"over {limit}")
            else:
                yield Failure(source, f"{size / 1e6:.1f} MB, over {limit}")
            return
        yield _single_item(source, fmt, data)


def _dated(results: Iterable[Result], order: DateOrder) -> Iterator[Result]:
    """Each export row's slash-date times written in its file's order (ingest.date_order)."""
    for r in results:
        if isinstance(r, RawItem):
            for key in ("published", "modified"):
                if key in r.meta:
                    r.meta[key] = with_date_order(r.meta[key], order)
        yield r


def read_path(path: str, settings: IngestSettings | None = None) -> Iterator[Result]:
    """Read one file, streaming the multi-record formats so a 10 GB export never sits in memory.
    A file that yields nothing at all (an empty export, a feed without entries) is reported."""
    found = False
    for result in _sanitized(_read_path(path, settings or IngestSettings())):
        found = True
        yield result
    if not found:
        yield Failure(path, "no articles in this file (empty, or no records of a kind storydiff reads)")


def _sanitized(results: Iterable[Result]) -> Iterator[Result]:
    """Every item through the one sanitising boundary (ingest.sanitize) on its way in."""
    for r in results:
        yield clean_item(r) if isinstance(r, RawItem) else r


def _read_path(path: str, settings: IngestSettings) -> Iterator[Result]:
    if path == STDIN:
        yield from _guard("<stdin>", _read_stream("<stdin>", sys.stdin.buffer, settings, None), settings)
        return
    try:
        st = os.stat(path)
    except FileNotFoundError:
        yield Failure(path, "broken symbolic link" if os.path.islink(path) else "no such file")
        return
    except OSError as e:
        if e.errno == errno.ELOOP:
            yield Failure(path, "symbolic link loop")
        else:
            yield Failure(path, f"unreadable: {e.strerror or e}")
        return
    # <(cmd), /dev/stdin: read as stdin is, when named (a pipe found in a folder may have no writer)
    streamed = (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode)) and not isinstance(path, FoundSpecial)
    if not stat.S_ISREG(st.st_mode) and not streamed:
        yield Failure(path, "a folder" if stat.S_ISDIR(st.st_mode) else "not a regular file")
        return
    try:
        with open(path, "rb") as raw:
            if not streamed and _is_warc(path, raw):
                yield from _guard(path, _read_warc_file(path, raw, settings), settings)
            else:
                yield from _guard(path, _read_stream(path, raw, settings, None if streamed else st.st_size,
                                                     reopen=None if streamed else partial(open, path, "rb")), settings)
    except PermissionError:
        yield Failure(path, "permission denied")
    except OSError as e:
        yield Failure(path, f"unreadable: {e.strerror or e}")


def _is_warc(path: str, raw: BinaryIO) -> bool:
    """Whether a file is a web archive (by name, or by its first bytes once gunzipped)."""
    base = _strip_gz(path).lower()
    if base.endswith((".warc", ".arc")):
        return True
    try:
        head = open_input(raw, IngestSettings(), buffer_size=64).peek(8)[:8]  # not a whole page gunzipped
    except (EOFError, OSError, zlib.error, LimitExceeded):
        head = b""
    raw.seek(0)
    return head.startswith(b"WARC/")


def _read_warc_file(path: str, raw: BinaryIO, settings: IngestSettings) -> Iterator[Result]:
    # warcio ends silently at a gzip member cut short, handing out the partial record as if
    # whole; a streaming integrity pass first tells us to distrust the last one (and stops a bomb)
    if one_stream_gzip(raw):  # "gzip crawl.warc": read gunzipped, bomb-guarded, as the plain WARC it is
        yield from read_warc(path, open_input(raw, settings), settings)
        return
    problem = _gzip_problem(raw, settings)
    raw.seek(0)
    records = read_warc(path, raw, settings)  # warcio decompresses gzip members itself
    yield from _drop_last_record(path, records, problem) if problem else records


def _gzip_problem(raw: BinaryIO, settings: IngestSettings) -> str | None:
    """Why a gzip file is damaged (cut short, corrupt), or None when intact or not gzip.
    LimitExceeded for a decompression bomb."""
    if raw.read(2) != GZIP_MAGIC:
        return None
    raw.seek(0)
    try:
        stream = open_input(raw, settings)
        while stream.read(1 << 20):
            pass
    except (EOFError, OSError, zlib.error) as e:
        return str(e)
    return None


def _drop_last_record(path: str, records: Iterator[Result], problem: str) -> Iterator[Result]:
    """Yield all but the last record of a damaged archive; the last becomes a Failure."""
    held: RawItem | None = None
    reported = False
    for r in records:
        if isinstance(r, Failure):
            reported = True
            yield r
            continue
        if held is not None:
            yield held
        held = r
    if held is not None and held.meta.get("digest_ok") is True:
        yield held  # its payload digest matched: whole, the cut came after it
        held = None
        if reported:
            return  # the reader already named the damaged record
    where = held.source if held is not None else f"{path}#end"
    yield Failure(where, f"truncated WARC record (archive cut short: {problem})")


def _guard(path: str, it: Iterator[Result], settings: IngestSettings) -> Iterator[Result]:
    """Pass records through; a stream that breaks mid-way (a truncated gzip, a decompression
    bomb) ends with a Failure naming the file, after the records read before it."""
    n = 0
    try:
        for r in it:
            n += 1
            yield r
    except LimitExceeded as e:
        yield Failure(path, str(e))
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Failure(f"{path}#after-record{n}" if n else path, f"truncated or corrupt gzip: {e}")


def read_inputs(
    inputs: Iterable[str | os.PathLike[str]] | str | os.PathLike[str], settings: IngestSettings | None = None
) -> Iterator[Result]:
    """Every article (or failure) in every input, in input order (a single path is one input,
    not a sequence of one-character paths). A path may be a ``pathlib.Path`` (QA pass 19a: the
    Python API's ``compare_paths([Path(...)])`` was a TypeError)."""
    given = [inputs] if isinstance(inputs, str | os.PathLike) else inputs
    for path in expand_inputs(os.fspath(p) for p in given):
        yield from read_path(path, settings)
