"""How a .warc.gz was gzipped. The standard writes each record as a gzip member of its own, which
warcio reads (and tells a member cut short by); ``gzip crawl.warc`` makes the whole archive one
member, which warcio refuses after the first record ("non-chunked gzip file detected"): the rest of
the crawl was lost (QA pass 25b, 3). Such a file is read gunzipped, as the plain WARC it holds."""

from __future__ import annotations

import re
import zlib
from typing import BinaryIO

__all__ = ["one_stream_gzip"]

_HEADER_END = b"\r\n\r\n"
_CONTENT_LENGTH = re.compile(rb"\r\ncontent-length:[ \t]*(\d+)", re.IGNORECASE)
_MAX_HEADER_BYTES = 1 << 16  # a WARC record's own header block: a few hundred bytes in practice
_STEP = 1 << 20  # what one decompress call may give: a bomb is read in bounded steps


def one_stream_gzip(raw: BinaryIO) -> bool:
    """Whether the gzip file ``raw`` (at its start) holds more than its first WARC record in its
    first member, or ends inside that member (one member, cut short: read gunzipped, the cut is
    named at its record). Reads as far as that record's end, no further; ``raw`` is left at its
    start. False for a member per record and for what it cannot tell (not gzip, a header it
    cannot read): warcio then reads it."""
    inflate = zlib.decompressobj(wbits=31)
    head, produced, record_end = b"", 0, None
    try:
        while not inflate.eof:
            data = raw.read(1 << 16)
            if not data:
                return True
            while data and not inflate.eof:
                out = inflate.decompress(data, _STEP)
                data = inflate.unconsumed_tail
                produced += len(out)
                if record_end is None:
                    head += out
                    record_end = _first_record_end(head)
                    if record_end is None and len(head) > _MAX_HEADER_BYTES:
                        return False
                if record_end is not None and produced > record_end:
                    return True
        return False
    except zlib.error:
        return False
    finally:
        raw.seek(0)


def _first_record_end(head: bytes) -> int | None:
    """Where the first record ends (its header, its Content-Length of content, the blank line
    after it) once ``head`` holds its header; None before, or when it names no length."""
    if not head.startswith(b"WARC/"):
        return None
    end = head.find(_HEADER_END)
    if end < 0:
        return None
    length = _CONTENT_LENGTH.search(head[: end + 2])
    return end + len(_HEADER_END) + int(length.group(1)) + len(_HEADER_END) if length else None
