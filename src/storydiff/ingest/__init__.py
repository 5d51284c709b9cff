"""ingest: files, folders, globs and stdin in; RawItem (or Failure) out, one per article.

Formats: HTML (.html/.htm), page text (.txt), exports (.jsonl/.csv), web archives
(.warc/.warc.gz) and RSS/Atom feeds; any of them gzipped. The format is taken from the
name and confirmed by sniffing the first bytes, so a mislabelled file is still read right.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator

from storydiff.ingest.decode import UTF16_MARKS, DecodeError, decode_bytes
from storydiff.ingest.formats import Result, read_csv, read_feed, read_jsonl, read_warc
from storydiff.ingest.paths import STDIN, expand_inputs
from storydiff.records import Failure, RawItem
from storydiff.settings import IngestSettings

__all__ = ["read_inputs", "read_path", "read_bytes", "expand_inputs", "Result"]

GZIP_MAGIC = b"\x1f\x8b"


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
    if ext == ".csv":
        return "csv"
    if ext in (".rss", ".atom") or (
        start.startswith(b"<?xml") and (b"<rss" in head[:2048].lower() or b"<feed" in head[:2048].lower())
    ):
        return "feed"
    if start.startswith(b"<rss") or start.startswith(b"<feed"):
        return "feed"
    if ext in (".html", ".htm", ".xhtml") or start.startswith(b"<!doctype html") or start.startswith(b"<html"):
        return "html"
    if ext == ".xml":
        return "feed"
    if start.startswith(b"{"):
        return "jsonl"
    return "text"


def _single_item(source: str, fmt: str, data: bytes) -> Result:
    if not data.strip():
        return Failure(source, "empty file")
    try:
        text = decode_bytes(data)
    except DecodeError as e:
        return Failure(source, str(e))
    if not text.strip():
        return Failure(source, "empty file")
    return RawItem(source=source, kind="html" if fmt == "html" else "text", content=text)


def read_bytes(source: str, data: bytes, settings: IngestSettings | None = None) -> Iterator[Result]:
    """Read one input given as bytes (stdin, an upload, a Spark partition)."""
    settings = settings or IngestSettings()
    if data.startswith(GZIP_MAGIC):
        try:
            data = gzip.decompress(data)
        except (EOFError, OSError, zlib.error) as e:
            yield Failure(source, f"truncated or corrupt gzip: {e}")
            return
    if data.startswith(UTF16_MARKS):
        # records are split on newline bytes, which UTF-16 does not have: read it as UTF-8
        try:
            data = data.decode("utf-16").encode("utf-8")
        except UnicodeDecodeError as e:
            yield Failure(source, f"invalid UTF-16: {e.reason}")
            return
    fmt = sniff_format(source, data[:4096])
    if fmt == "jsonl":
        yield from read_jsonl(source, iter(data.splitlines()), settings)
    elif fmt == "csv":
        yield from read_csv(source, data, settings)
    elif fmt == "warc":
        yield from read_warc(source, io.BytesIO(data), settings)
    elif fmt == "feed":
        yield from read_feed(source, data, settings)
    elif len(data) > settings.max_item_bytes:
        yield Failure(source, f"{len(data) / 1e6:.1f} MB, over the {settings.max_item_bytes / 1e6:.0f} MB limit")
    else:
        yield _single_item(source, fmt, data)


def _open(path: str):
    raw = open(path, "rb")  # noqa: SIM115 - handed to the caller, which closes it
    if raw.read(2) == GZIP_MAGIC:
        raw.seek(0)
        return gzip.GzipFile(fileobj=raw)
    raw.seek(0)
    return raw


def read_path(path: str, settings: IngestSettings | None = None) -> Iterator[Result]:
    """Read one file, streaming the multi-record formats so a 10 GB export never sits in memory.
    A file that yields nothing at all (an empty export, a feed without entries) is reported."""
    found = False
    for result in _read_path(path, settings):
        found = True
        yield result
    if not found:
        yield Failure(path, "no articles in this file (empty, or no records of a kind storydiff reads)")


def _read_path(path: str, settings: IngestSettings | None = None) -> Iterator[Result]:
    settings = settings or IngestSettings()
    if path == STDIN:
        yield from read_bytes("<stdin>", sys.stdin.buffer.read(), settings)
        return
    if not os.path.exists(path):
        yield Failure(path, "no such file")
        return
    if not os.path.isfile(path):
        yield Failure(path, "not a regular file")
        return
    try:
        with _open(path) as f:
            try:
                head = f.peek(4096)[:4096] if hasattr(f, "peek") else b""
            except (EOFError, OSError, zlib.error) as e:
                yield Failure(path, f"truncated or corrupt gzip: {e}")
                return
            if head.startswith(UTF16_MARKS):  # a whole-file transcode; exports in UTF-16 are small
                yield from read_bytes(path, f.read(settings.max_item_bytes * 8), settings)
                return
            fmt = sniff_format(path, head)
            if fmt == "jsonl":
                yield from _guard(path, read_jsonl(path, iter(f), settings))
            elif fmt == "warc":
                # warcio ends silently at a gzip member cut short, handing out the partial record
                # as if whole; a streaming integrity pass first tells us to distrust the last one
                problem = _gzip_problem(path)
                with open(path, "rb") as raw:  # warcio decompresses gzip members itself
                    records = read_warc(path, raw, settings)
                    yield from _drop_last_record(path, records, problem) if problem else records
            else:
                data = f.read(settings.max_item_bytes * 8 if fmt in ("csv", "feed") else settings.max_item_bytes + 1)
                if fmt in ("html", "text") and len(data) > settings.max_item_bytes:
                    limit = f"the {settings.max_item_bytes / 1e6:.0f} MB limit"
                    if isinstance(f, gzip.GzipFile):  # its size on disk says nothing
                        yield Failure(path, f"decompresses to over {limit}")
                    else:
                        yield Failure(path, f"{os.path.getsize(path) / 1e6:.1f} MB, over {limit}")
                    return
                if fmt == "csv":
                    yield from read_csv(path, data, settings)
                elif fmt == "feed":
                    yield from read_feed(path, data, settings)
                else:
                    yield _single_item(path, fmt, data)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        yield Failure(path, f"truncated or corrupt gzip: {e}")
    except PermissionError:
        yield Failure(path, "permission denied")
    except OSError as e:
        yield Failure(path, f"unreadable: {e}")


def _gzip_problem(path: str) -> str | None:
    """Why a gzip file is damaged (cut short, corrupt), or None when intact or not gzip."""
    with open(path, "rb") as raw:
        if raw.read(2) != GZIP_MAGIC:
            return None
        raw.seek(0)
        try:
            with gzip.GzipFile(fileobj=raw) as gz:
                while gz.read(1 << 20):
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


def _guard(path: str, it: Iterator[Result]) -> Iterator[Result]:
    """Pass records through; a stream that breaks mid-way (truncated gzip) ends with a Failure."""
    n = 0
    try:
        for r in it:
            n += 1
            yield r
    except (EOFError, zlib.error, gzip.BadGzipFile, OSError) as e:
        yield Failure(f"{path}#after-record{n}", f"truncated or corrupt stream: {e}")


def read_inputs(inputs: Iterable[str] | str, settings: IngestSettings | None = None) -> Iterator[Result]:
    """Every article (or failure) in every input, in input order (a single path is one input,
    not a sequence of one-character paths)."""
    for path in expand_inputs([inputs] if isinstance(inputs, str) else inputs):
        yield from read_path(path, settings)
