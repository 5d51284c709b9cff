"""Bounded reading: every input is opened through ``open_input``, which decompresses gzip with a
guard against decompression bombs and turns UTF-16 into UTF-8 as it streams, so that no reader
ever holds more than one record, and no input is cut at a size limit without a word.

A limit that is reached raises ``LimitExceeded``; the reader turns it into one Failure naming the
file, and what was read before it stays read.
"""

from __future__ import annotations

import gzip
import io
import zlib
from typing import BinaryIO

from storydiff.ingest.decode import REPLACE_COUNTING, UTF16_MARKS, UTF32_MARKS
from storydiff.settings import IngestSettings

__all__ = ["GZIP_MAGIC", "LimitExceeded", "decompressed", "mb", "open_input"]

GZIP_MAGIC = b"\x1f\x8b"
BUFFER_BYTES = 1 << 20  # what a reader can peek at: enough to sniff a format and an encoding


class LimitExceeded(Exception):
    """An input past one of IngestSettings' limits; the message says which (the caller names
    the input). Not an OSError: readers that turn OSError into "truncated" must let it through."""


def mb(n: int) -> str:
    return f"{n / 1_000_000:.1f} MB" if n < 10_000_000 else f"{n / 1_000_000:.0f} MB"


class _Counting(io.RawIOBase):
    """Counts the bytes read from a stream (a compressed file, a pipe: tell() won't do)."""

    def __init__(self, f: BinaryIO):
        self.f, self.count = f, 0

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        # one read below per read here: a buffered read() of several lost the bytes of the first
        # when a later one met a cut gzip (what came before the cut is what a reader keeps)
        data = (getattr(self.f, "read1", None) or self.f.read)(len(b))
        n = len(data)
        b[:n] = data
        self.count += n
        return n


class _Inflating(io.RawIOBase):
    """gzip decompression that stops a bomb: past ``floor`` bytes, the output may be at most
    ``ratio`` times the compressed bytes read so far."""

    def __init__(self, f: BinaryIO, settings: IngestSettings):
        self.compressed = _Counting(f)
        self.gz = gzip.GzipFile(fileobj=self.compressed, mode="rb")
        self.out = 0
        self.ratio, self.floor = settings.max_gzip_ratio, settings.gzip_ratio_floor
        self.error: BaseException | None = None  # raised on the read after the data before it

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        if self.error is not None:
            raise self.error
        view, n = memoryview(b), 0
        try:
            while n < len(view):  # small steps: a stream cut short still gives what came before
                # read1: read() lost the bytes it had inflated when the step's next raw read met the
                # cut (a one-stream .warc.gz cut short gave no record at all; QA pass 25b, 3)
                data = self.gz.read1(min(len(view) - n, 1 << 16))
                if not data:
                    break
                view[n : n + len(data)] = data
                n += len(data)
        except (EOFError, OSError, zlib.error) as e:
            if n == 0:
                raise
            self.error = e
        self.out += n
        if self.out > self.floor and self.out > self.ratio * max(1, self.compressed.count):
            raise LimitExceeded(
                f"decompresses to over {self.ratio} times its compressed size (a decompression bomb?): "
                f"stopped after {mb(self.out)} from {mb(self.compressed.count)}"
            )
        return n


class _Utf16AsUtf8(io.RawIOBase):
    """A UTF-16 (or UTF-32) stream with its byte-order mark read as UTF-8 bytes, a piece at a
    time: the readers split records on newline bytes, which UTF-16 does not have."""

    def __init__(self, f: io.BufferedReader, encoding: str = "utf-16"):
        self.source = f
        self.text = io.TextIOWrapper(f, encoding=encoding, errors=REPLACE_COUNTING, newline="")
        self.pending = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        while not self.pending:
            chars = self.text.read(BUFFER_BYTES // 4)
            if not chars:
                return 0
            self.pending = chars.encode("utf-8", "surrogatepass")  # lone halves: the sanitizer's
        n = min(len(b), len(self.pending))
        b[:n] = self.pending[:n]
        self.pending = self.pending[n:]
        return n


def open_input(f: BinaryIO, settings: IngestSettings, buffer_size: int = BUFFER_BYTES) -> io.BufferedReader:
    """``f`` (a file, stdin, bytes in a BytesIO) as a buffered stream of its content: gunzipped
    (bomb-guarded) when it starts with gzip's magic, UTF-16 turned into UTF-8. ``peek`` shows up to
    ``buffer_size`` (a look at the first bytes alone asks for a few: the first peek decompresses a
    whole buffer); errors of a damaged gzip stream surface as the readers read."""
    stream: io.BufferedReader = io.BufferedReader(_Raw(f), buffer_size=buffer_size)
    if stream.peek(2)[:2] == GZIP_MAGIC:
        stream = io.BufferedReader(_Inflating(stream, settings), buffer_size=buffer_size)
    mark = stream.peek(4)[:4]
    if mark in UTF32_MARKS:
        stream = io.BufferedReader(_Utf16AsUtf8(stream, "utf-32"), buffer_size=buffer_size)
    elif mark[:2] in UTF16_MARKS:
        stream = io.BufferedReader(_Utf16AsUtf8(stream, "utf-16"), buffer_size=buffer_size)
    return stream


def decompressed(stream: io.BufferedReader) -> bool:
    """Whether ``open_input`` gunzipped this stream (its size on disk then says nothing)."""
    raw = stream.raw
    while isinstance(raw, _Utf16AsUtf8):
        raw = raw.source.raw
    return isinstance(raw, _Inflating)


SNIFF_BYTES = 4096  # what sniffing a format needs to see at the start


class _Raw(io.RawIOBase):
    """Any binary file object as a raw stream for a BufferedReader of our buffer size. A read
    returns what one read gives (a pipe hands out what its writer has written: records are read
    as they come), but at least SNIFF_BYTES unless the stream ends, so the first peek sees a head
    to sniff."""

    def __init__(self, f: BinaryIO):
        self.f = f

    def readable(self) -> bool:
        return True

    def readinto(self, b) -> int:
        view, n = memoryview(b), 0
        read1 = getattr(self.f, "read1", None) or self.f.read
        while n < min(len(view), SNIFF_BYTES):
            data = read1(len(view) - n)
            if not data:
                break
            view[n : n + len(data)] = data
            n += len(data)
        return n
