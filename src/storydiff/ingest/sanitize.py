"""The one boundary text crosses on its way in: every reader's items and every REST upload pass
through ``clean_item`` (or ``clean_value``) before anything else sees them.

What it removes can break everything downstream, far from its cause:
- an unpaired surrogate (half an emoji, "\\ud83d", from a JSON escape or a lossy decode) cannot
  be encoded as UTF-8: a story page, an API answer or a terminal print of it fails;
- C0/C1 control characters (ESC, BEL, backspace...) are invisible, drive terminals, and make
  lxml refuse a whole page ("All strings must be XML compatible");
- numeric character references to any of those, or to no character at all (``&#xD800;``,
  ``&#x110000;``, a 20-digit number), which parsers turn into them, or crash on.

Text is composed (NFC), so one text written two ways is one text to every key and word split.

Replacements follow the HTML standard's reading of references where it has one (a reference to a
surrogate, to NUL or past U+10FFFF is U+FFFD; ``&#x80;``-``&#x9F;`` are the windows-1252
characters), so text reads as a browser shows it. Tabs and newlines stay; a vertical tab, form
feed or NEL ends a line, as ``str.splitlines`` already reads them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Any, TypeVar

from storydiff.records import RawItem

__all__ = ["clean_text", "clean_references", "clean_markup", "clean_value", "clean_item", "lone_surrogate"]

REPLACEMENT = "\ufffd"

# C0 controls but tab, LF, CR; DEL; C1 controls; lone surrogates; the two noncharacters.
_BAD_CHARS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_LINE_ENDS = {"\x0b": "\n", "\x0c": "\n", "\x85": "\n"}
_SURROGATE = re.compile("[\ud800-\udfff]")


def _replace_char(m: re.Match) -> str:
    ch = m.group()
    if ch in _LINE_ENDS:
        return _LINE_ENDS[ch]
    if "\ud800" <= ch <= "\udfff" or ch == "\x00":
        return REPLACEMENT  # something was there: say so, as a browser does
    return ""


# A whole terminal escape sequence (CSI "ESC [ ... m", OSC "ESC ] ... BEL", a two-character
# one), so that no "[31m" or "]52;c;..." is left behind in the text once its ESC is gone.
_ESCAPE_SEQUENCE = re.compile(
    "\x1b\\[[0-?]*[ -/]*[@-~]|\x9b[0-?]*[ -/]*[@-~]"
    "|(?:\x1b\\]|\x9d)[^\x07\x1b\x9c]{0,4096}(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b[ -/]*[0-~]"
)


def clean_text(value: str) -> str:
    """``value`` without lone surrogates (U+FFFD instead), control characters or noncharacters,
    and without terminal escape sequences, in Unicode's composed form (NFC). Text that needs
    nothing comes back as the same object (one regex scan, and NFC's quick check where it is not
    ASCII).

    NFC: "й" written as "и" + U+0306 (decomposed, as some CMSs and macOS exports write it) is the
    same text to a reader, and was another text to every key: the same page read again was a
    revision that changed no visible character, its paste a second article, as a word pattern split
    words at the combining mark (review 21a, R10)."""
    if not value.isascii() and not unicodedata.is_normalized("NFC", value):
        value = unicodedata.normalize("NFC", value)  # a lone surrogate stays as it is, replaced below
    if not _BAD_CHARS.search(value):
        return value
    if "\x1b" in value or "\x9b" in value or "\x9d" in value:
        value = _ESCAPE_SEQUENCE.sub("", value)
    return _BAD_CHARS.sub(_replace_char, value)


def lone_surrogate(value: str) -> str | None:
    """The first unpaired surrogate in ``value``, or None (for refusing a key outright)."""
    m = _SURROGATE.search(value)
    return m.group() if m else None


# A numeric reference as HTML and XML parsers read it: the terminating ";" is optional in HTML.
_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
_REFERENCE_BYTES = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")
# windows-1252 for references to 0x80-0x9F (the HTML standard's table; five are unassigned)
_C1_AS_1252 = {i: bytes([i]).decode("cp1252", "replace") for i in range(0x80, 0xA0)}


def _reference_value(hex_digits: str | None, dec_digits: str | None) -> int:
    digits = hex_digits if hex_digits is not None else dec_digits
    assert digits is not None
    if len(digits.lstrip("0")) > 8:  # a 20-digit reference: no code point, and costly to convert
        return -1
    return int(digits, 16 if hex_digits is not None else 10)


def _safe_reference(code: int) -> str | None:
    """What a reference to ``code`` should become, or None when it can stay as written."""
    if code < 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF or code == 0:
        return "&#xFFFD;"
    if code in (0x9, 0xA, 0xD) or 0x20 <= code < 0x7F or code > 0x9F and code not in (0xFFFE, 0xFFFF):
        return None
    if 0x80 <= code <= 0x9F:
        return f"&#x{ord(_C1_AS_1252[code]):X};" if _C1_AS_1252[code] != REPLACEMENT else ""
    if code in (0xB, 0xC):
        return "&#xA;"
    return ""  # other C0 controls, DEL, noncharacters: nothing a reader can see


def _fix_reference(m: re.Match) -> str:
    fixed = _safe_reference(_reference_value(m.group(1), m.group(2)))
    return m.group() if fixed is None else fixed


def _fix_reference_bytes(m: re.Match) -> bytes:
    hex_digits, dec_digits = m.group(1), m.group(2)
    fixed = _safe_reference(
        _reference_value(hex_digits.decode() if hex_digits else None, dec_digits.decode() if dec_digits else None)
    )
    return m.group() if fixed is None else fixed.encode("ascii")


T = TypeVar("T", str, bytes)


def clean_references(markup: T) -> T:
    """``markup`` (HTML or XML, as text or as bytes in any ASCII-compatible encoding) with every
    numeric character reference that names a control character, a surrogate or no character
    rewritten as above; other references stay as written."""
    if isinstance(markup, bytes):
        if b"&#" not in markup:
            return markup
        return _REFERENCE_BYTES.sub(_fix_reference_bytes, markup)
    if "&#" not in markup:
        return markup
    return _REFERENCE.sub(_fix_reference, markup)


def clean_markup(markup: str) -> str:
    """HTML or XML text cleaned of bad characters and of references to them."""
    return clean_text(clean_references(markup))


def clean_value(value: Any) -> Any:
    """Strings anywhere in a JSON-like value cleaned (dict keys included); other values as they are."""
    if isinstance(value, str):
        return clean_text(value)
    if isinstance(value, list):
        return [clean_value(v) for v in value]
    if isinstance(value, dict):
        return {clean_value(k): clean_value(v) for k, v in value.items()}
    return value


def clean_item(item: RawItem) -> RawItem:
    """A RawItem whose content, URL and metadata are clean; the same object when nothing changes."""
    content = clean_markup(item.content) if item.kind == "html" else clean_text(item.content)
    url = clean_text(item.url) if item.url is not None else None
    meta = clean_value(item.meta)
    if content is item.content and url == item.url and meta == item.meta:
        return item
    return replace(item, content=content, url=url, meta=meta)
