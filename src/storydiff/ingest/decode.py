"""Bytes to text: detect encodings (cp1251 pages are common in our field) and refuse binaries."""

from __future__ import annotations

import re

from charset_normalizer import from_bytes

_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    """NUL bytes or many control bytes in the first 8 KB mean it isn't text in any encoding we read."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    control = sum(1 for b in head if b < 9 or 13 < b < 32)
    return control / len(head) > 0.05


# Browsers read these labels as windows-1252 (the WHATWG Encoding Standard): pages that declare
# iso-8859-1 are mostly written in 1252, whose curly quotes and dashes latin-1 maps to controls.
_AS_WINDOWS_1252 = frozenset(
    {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ascii", "us-ascii"}
)


def _labels(declared: str) -> list[str]:
    label = declared.strip().lower()
    return ["cp1252", label] if label in _AS_WINDOWS_1252 else [label]


UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")


def decode_bytes(data: bytes, *, declared: str | None = None) -> str:
    """Decode ``data``: a declared or ``<meta charset>`` encoding when it decodes cleanly,
    else UTF-8, else the detector's best guess. Raises DecodeError for binary data."""
    if data.startswith(UTF16_MARKS):  # UTF-16 with its mark (Excel, PowerShell)
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as e:
            raise DecodeError(f"invalid UTF-16: {e.reason}") from None
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    candidates: list[str] = []
    if declared:
        candidates += _labels(declared)
    m = _HTML_CHARSET.search(data[:4096])
    if m:
        candidates += _labels(m.group(1).decode("ascii", "ignore"))
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable bytes: no text encoding fits")
    return data.decode(best.encoding, errors="replace")
