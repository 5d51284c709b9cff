"""Which code made a stored result, so a store never serves one an upgrade would make differently.

A stored comparison is current while its story holds the same articles (``store.codec.members_key``)
*and* was compared by the same comparison code: after an upgrade that changes how facts, quotes,
speakers or conflicts are read, a story nobody touched since would otherwise keep showing what
the old code said. A hand-kept version number is forgotten (``SPEAKER_RULES`` was, in round 16);
the code's own text is not.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
# What a comparison's output depends on besides the articles: how texts are read (analyze), how
# they are compared (compare, its tables and calibrations), the language tables both read (lexicon:
# outlets, names, figures; round 27: a new outlet in the table left stored comparisons as they were)
# and the thresholds (settings). The
# same-fact model's weights are left out (20 MB to read at every start); a new model comes with
# new code that reads it.
_COMPARISON_SOURCES = ("analyze", "compare", "lexicon", "settings.py", "dates.py", "language.py")
_SUFFIXES = (".py", ".json", ".txt")


def comparison_code() -> str:
    """A digest of the comparison code's files (their paths and bytes), computed once a process."""
    return code_digest(_COMPARISON_SOURCES)


@cache
def code_digest(sources: tuple[str, ...]) -> str:
    """A digest of these parts of the package (folders, read whole, or files): their paths and
    bytes, so an edit counts and a touch does not. ~1 ms for a stage's folder."""
    h = hashlib.sha256()
    for name in sources:
        root = _PACKAGE / name
        try:
            files = sorted(p for p in root.rglob("*") if p.suffix in _SUFFIXES) if root.is_dir() else [root]
            for path in files:
                h.update(path.relative_to(_PACKAGE).as_posix().encode())
                h.update(b"\x00")
                h.update(path.read_bytes())
                h.update(b"\x01")
        except OSError:  # an unreadable install: a key of its own, never another code's
            h.update(f"?{name}".encode())
    return h.hexdigest()[:16]
