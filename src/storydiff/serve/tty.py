"""The one boundary text crosses on its way out to a terminal: every string that came from an
input (ids, file names, titles, outlets, quotes, failure reasons) is printed through ``safe``.

A terminal obeys what it is sent: ESC sequences write the clipboard (OSC 52), set the window
title, hide text, clear the screen; a carriage return or backspace overprints what came before;
a bidi override mirrors the rest of the line. Each such character is shown as its escape
(``\\x1b``, ``\\u202e``) instead, so an attack is visible rather than obeyed; a newline in a
one-line field (a file name, a failure's reason) is shown as ``\\n`` and cannot forge a line.
Rich markup is never interpreted: callers wrap the result in ``rich.text.Text``.
"""

from __future__ import annotations

import re

__all__ = ["safe"]

# C0 controls (tab and newline aside, decided per call), DEL, C1 controls (0x9B is CSI on its own),
# bidi embeddings/overrides/isolates and marks, line and paragraph separators.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")
_UNSAFE_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069]")


def _visible(m: re.Match) -> str:
    code = ord(m.group())
    if m.group() == "\n":
        return "\\n"
    if m.group() == "\t":
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def safe(value: object, *, one_line: bool = False) -> str:
    """``value`` as text that only prints: control characters as visible escapes. ``one_line``:
    newlines and tabs too (a file name, a reason, an id). None is the empty string."""
    if value is None:
        return ""
    text = value if isinstance(value, str) else str(value)
    return (_UNSAFE_ONE_LINE if one_line else _UNSAFE).sub(_visible, text)
