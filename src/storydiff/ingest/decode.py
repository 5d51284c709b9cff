"""Bytes to text: detect encodings (cp1251 pages are common in our field) and refuse binaries.

UTF-8 with a few invalid bytes (a file spliced from two sources, a truncated multi-byte character)
stays UTF-8, the bad bytes becoming U+FFFD, as browsers read it; the count is reported as a
warning naming the item (logger ``storydiff.ingest``). Only text that is not UTF-8 at all goes to
the detector.
"""

from __future__ import annotations

import codecs
import logging
import re
import threading

from charset_normalizer import from_bytes

log = logging.getLogger("storydiff.ingest")

_HTML_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)


class DecodeError(ValueError):
    pass


def looks_binary(data: bytes) -> bool:
    """Many NUL or control bytes in the first 8 KB mean it isn't text in any encoding we read.
    A stray NUL in a text (a corrupt export row) does not: the sanitiser replaces it."""
    head = data[:8192]
    if not head:
        return False
    nul = head.count(b"\x00")
    if nul > max(2, len(head) // 1000):  # UTF-16 without its mark is half NULs; images are full of them
        return True
    control = len(head.translate(None, _NOT_CONTROL))  # counted in C: a Python loop cost ~2.5 ms a page
    return control / len(head) > 0.05


_NOT_CONTROL = bytes(b for b in range(256) if not (b < 9 or 13 < b < 32))


# Browsers read these labels as windows-1252 (the WHATWG Encoding Standard): pages that declare
# iso-8859-1 are mostly written in 1252, whose curly quotes and dashes latin-1 maps to controls.
_AS_WINDOWS_1252 = frozenset(
    {"iso-8859-1", "iso8859-1", "iso_8859-1", "latin1", "latin-1", "l1", "cp819", "ascii", "us-ascii"}
)


def _labels(declared: str, *, in_page: bool = False) -> list[str]:
    label = declared.strip().lower()
    if in_page and label.replace("_", "-").startswith(("utf-16", "utf16")):
        # a page that says so in its own bytes is not UTF-16 (those bytes would be): browsers read
        # UTF-8 there (the HTML standard), where UTF-16 would decode it into CJK noise
        return ["utf-8"]
    return ["cp1252", label] if label in _AS_WINDOWS_1252 else [label]


UTF16_MARKS = (b"\xff\xfe", b"\xfe\xff")
UTF32_MARKS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")  # checked first: the first begins like UTF-16's


# -- counting replacements -------------------------------------------------------------------
_replaced = threading.local()


def _count_and_replace(error: UnicodeError) -> tuple[str, int]:
    _replaced.n = getattr(_replaced, "n", 0) + 1
    assert isinstance(error, UnicodeDecodeError)
    return "\ufffd", error.end


REPLACE_COUNTING = "storydiff-replace"  # an error handler: U+FFFD per invalid sequence, counted
codecs.register_error(REPLACE_COUNTING, _count_and_replace)


def decode_counting(data: bytes, encoding: str) -> tuple[str, int]:
    """``data`` decoded with U+FFFD for each invalid sequence, and how many there were."""
    _replaced.n = 0
    text = data.decode(encoding, REPLACE_COUNTING)
    return text, _replaced.n


def replacements_since_reset() -> int:
    """Invalid sequences replaced in this thread since ``reset_replacements`` (streamed decoding)."""
    return getattr(_replaced, "n", 0)


def reset_replacements() -> None:
    _replaced.n = 0


def mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """``data`` as UTF-8 with its invalid bytes replaced, and their count, when it is UTF-8 with a
    few bad bytes: more valid non-ASCII characters than invalid sequences. None when it is not
    UTF-8 (a cp1251 page has almost no valid multi-byte sequence), for the detector to read."""
    text, bad = decode_counting(data, "utf-8")
    if bad == 0:
        return text, 0
    good = sum(1 for ch in text if ord(ch) > 127 and ch != "\ufffd") if len(text) < 4_000_000 else None
    if good is None:  # a big file: count on its first 4 MB of characters
        good = sum(1 for ch in text[:4_000_000] if ord(ch) > 127 and ch != "\ufffd")
        bad_head = text[:4_000_000].count("\ufffd")
        return (text, bad) if good > bad_head else None
    return (text, bad) if good > bad else None


# Legacy encodings a line of a UTF-8 export may come in (one row re-saved by a spreadsheet on a
# Windows machine), with the letters each writes: Cyrillic for Windows-1251, Polish and Czech for
# Windows-1250, Western European for Windows-1252. A line is read in the one whose letters make up
# nearly all its non-ASCII characters, the largest share winning (a French line read as cp1250 has
# "č" for "è" but "ŕ" for "à"), with two such letters at least (one stray byte stays U+FFFD), and
# Cyrillic only in words of their own ("cafй" is a cp1252 line read as cp1251: review 23b, F3).
_LEGACY_LETTERS = (
    ("cp1251", re.compile(r"[А-яЁёІіЇїЄєҐґЎў]")),
    ("cp1250", re.compile(r"[ąćęłńóśźżĄĆĘŁŃÓŚŹŻčďěňřšťůžČĎĚŇŘŠŤŮŽáéíýÁÉÍÝ]")),
    ("cp1252", re.compile(r"[àâäçéèêëîïôöùûüÿñáíóúßÀÂÄÇÉÈÊËÎÏÔÖÙÛÜÑÁÍÓÚ]")),
)
LEGACY_SHARE = 0.9
_MIXED_SCRIPT_WORD = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[А-яЁёІіЇїЄєҐґЎў])\w+")


def legacy_line(line: bytes) -> tuple[str, str] | None:
    """(text, encoding) of a line that is not UTF-8 when a legacy encoding reads it as letters of
    its script (``_LEGACY_LETTERS``), else None (it stays UTF-8 with U+FFFD)."""
    best: tuple[float, str, str] | None = None
    for encoding, letters in _LEGACY_LETTERS:
        try:
            text = line.decode(encoding)
        except UnicodeDecodeError:
            continue
        high = [c for c in text if ord(c) > 127 and c.isalpha()]
        others = sum(1 for c in text if ord(c) > 127 and not c.isalpha() and c not in "«»„“”’–—…№")
        if len(high) < 2 or (encoding == "cp1251" and _MIXED_SCRIPT_WORD.search(text)):
            continue
        share = sum(1 for c in high if letters.match(c)) / (len(high) + others)
        if share >= LEGACY_SHARE and (best is None or share > best[0]):
            best = (share, text, encoding)
    return (best[1], best[2]) if best else None


def warn_replaced(source: str, count: int, encoding: str = "UTF-8") -> None:
    if count:
        log.warning("%s: %d invalid %s byte sequence(s) replaced with U+FFFD", source, count, encoding.upper())


def warn_legacy_lines(source: str, lines: list[tuple[int, str]], shown: int = 10) -> None:
    """A warning naming the lines of a UTF-8 file that were read in a legacy encoding."""
    if lines:
        named = ", ".join(f"{n} ({enc})" for n, enc in lines[:shown]) + (f" and {len(lines) - shown} more" if len(lines) > shown else "")
        log.warning("%s: %d line(s) not in UTF-8 read in a Windows encoding: line %s", source, len(lines), named)


def decode_bytes(data: bytes, *, declared: str | None = None, source: str | None = None) -> str:
    """Decode ``data``: a declared or ``<meta charset>`` encoding when it decodes cleanly,
    else UTF-8 (with a few invalid bytes replaced and, given ``source``, reported), else the
    detector's best guess. Raises DecodeError for binary data."""
    text, bad, encoding = _decode(data, declared)
    if source is not None:
        warn_replaced(source, bad, encoding)
    return text


def detect_encoding(head: bytes, *, declared: str | None = None) -> str:
    """The encoding to stream a file in, judged from its first bytes (which may end inside a
    character). Raises DecodeError for binary data."""
    return _decode(_without_cut_character(head), declared)[2]


def _without_cut_character(head: bytes) -> bytes:
    """``head`` without a UTF-8 sequence cut short by its end (a cut is not an invalid byte)."""
    i, n = len(head) - 1, 0
    while i >= 0 and n < 3 and 0x80 <= head[i] < 0xC0:
        i, n = i - 1, n + 1
    if i >= 0 and head[i] >= 0xC0:
        need = 2 if head[i] < 0xE0 else 3 if head[i] < 0xF0 else 4
        if len(head) - i < need:
            return head[:i]
    return head


def _decode(data: bytes, declared: str | None) -> tuple[str, int, str]:
    """(text, invalid sequences replaced, the encoding used)."""
    if data.startswith(UTF32_MARKS) or data.startswith(UTF16_MARKS):  # with its mark (Excel, PowerShell)
        encoding = "utf-32" if data.startswith(UTF32_MARKS) else "utf-16"
        text, bad = decode_counting(data, encoding)
        if bad > len(text) // 100:
            raise DecodeError(f"invalid {encoding.upper()}: {bad} undecodable sequences") from None
        return text, bad, encoding
    if looks_binary(data):
        raise DecodeError("binary content, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    candidates: list[str] = []
    if declared:
        candidates += _labels(declared)
    m = _HTML_CHARSET.search(data[:4096])
    if m:
        candidates += _labels(m.group(1).decode("ascii", "ignore"), in_page=True)
    candidates.append("utf-8")
    for enc in candidates:
        try:
            return data.decode(enc), 0, enc
        except (UnicodeError, LookupError):  # punycode, undefined: a UnicodeError that says no position
            continue
    lossy = mostly_utf8(data)
    if lossy is not None:
        return lossy[0], lossy[1], "utf-8"
    head = data[:200_000]
    best = from_bytes(head).best()
    if best is None or best.encoding is None:
        raise DecodeError("undecodable bytes: no text encoding fits")
    encoding = _latin_letters_encoding(head, best.encoding)
    text, bad = decode_counting(data, encoding)
    return text, bad, encoding


# The Windows code pages for Latin letters the detector confuses: French text in cp1252 was taken for
# cp1250 ("ŕ 19h02", "étrangčres"; QA pass 27a, 08), whose letters sit at the same bytes.
_LATIN_CODE_PAGES = frozenset({"cp1250", "cp1252"})


def _latin_letters_encoding(head: bytes, guess: str) -> str:
    """``guess``, or the Windows code page for Latin letters whose reading of ``head`` is nearly all
    its script's letters (``legacy_line``: "à", "è", "ç" are cp1252's, "ŕ", "č" cp1250's) where the
    detector guessed another. A Cyrillic guess stays: KOI8-R read as cp1251 is Cyrillic letters too."""
    legacy = legacy_line(head)
    if legacy is None or legacy[1] not in _LATIN_CODE_PAGES or codecs.lookup(guess).name in _CYRILLIC_CODECS:
        return guess
    # (the guess kept where both read the same: "é" alone is the same byte in either code page)
    return guess if head.decode(guess, "replace") == legacy[0] else legacy[1]


_CYRILLIC_CODECS = frozenset({"cp1251", "koi8-r", "koi8-u", "iso8859-5", "cp866", "mac-cyrillic", "cp855"})
