"""An export row's or API item's ``text`` field is the article's text: its sentences are kept.

Such a text goes through ``pagetext.clean_page_text`` like page text, because exports carry
clutter lines ("Share this", "Read more: ...", "Photo: Reuters", "Updated: 10:40") that are no
part of the story. But the line model was taught on whole pages, where a short line is mostly
template: in a text field it took short paragraphs for boilerplate ("Bei dem Einsatz wurden drei
Polizisten verletzt.", "Straty oszacowano wstępnie na 3 mld zł."; QA pass 16) and the facts they
held never reached the comparison, silently. Here the model decides only about lines that are
no sentences: every sentence line it dropped is put back, and a sentence line dropped because
``line_rules`` names it boilerplate anywhere (a donation appeal, a "Read more" link) is said,
by its row, so that no sentence of a text field is lost without a word.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.metadata import is_date_line

log = logging.getLogger("storydiff.extract")

# a file whose rows drop a sentence each is named for this many rows, then once that the rest are not
MAX_DROP_WARNINGS = 20
MAX_FILES_COUNTED = 10_000
_drop_warnings: dict[str, int] = {}

# Ends as a sentence does (closing quotes or brackets after the stop), and starts as one: a
# capital, a digit, an opening quote or a dash (Polish and Ukrainian dialogue).
_SENTENCE_END = re.compile(r"[.!?…][\"'”’»)\]]*$")
_OPENING = "\"'“‘«„([–—- "
# three words make a sentence ("Nikt nie zginął.", "Er wurde festgenommen."); in scripts written
# without spaces, this many characters
MIN_WORDS = 3
MIN_CHARS_UNSPACED = 20


def sentence_line(line: str) -> bool:
    """Whether ``line`` reads as a sentence of prose (not a menu item, a label, a date line)."""
    s = line.strip()
    first = s.lstrip(_OPENING)[:1]
    if not first or not (first.isalnum() and not first.islower()) or not _SENTENCE_END.search(s):
        return False
    words = s.split()
    if len(words) < MIN_WORDS and not (len(words) == 1 and len(s) >= MIN_CHARS_UNSPACED):
        return False
    return any(c.islower() for c in s) and not is_date_line(s)


def keep_sentences(lines: Sequence[str], kept: Sequence[bool], title: str | None,
                   source: str) -> list[bool]:
    """``kept`` with every sentence line of a text field set, but those ``line_rules`` names
    boilerplate (said in a warning naming ``source``) and the line that is the headline."""
    norm_title = " ".join(title.split()) if title else None
    out = list(kept)
    dropped: list[tuple[str, str]] = []
    for i, (line, k) in enumerate(zip(lines, kept)):
        if k or not sentence_line(line) or " ".join(line.split()) == norm_title:
            continue
        kind = boilerplate_kind(line)
        if kind is None:
            out[i] = True
        else:
            dropped.append((kind, line.strip()))
    if dropped:
        _warn_dropped(source, dropped)
    return out


def _warn_dropped(source: str, dropped: list[tuple[str, str]]) -> None:
    where = source.split("#", 1)[0].split(" (id ", 1)[0]
    if where not in _drop_warnings and len(_drop_warnings) >= MAX_FILES_COUNTED:
        _drop_warnings.clear()  # a server's API items are each a source of their own: stay bounded
    _drop_warnings[where] = seen = _drop_warnings.get(where, 0) + 1
    if seen <= MAX_DROP_WARNINGS:
        said = "; ".join(f"{kind}: {line[:80]!r}" for kind, line in dropped[:3])
        more = f" and {len(dropped) - 3} more" if len(dropped) > 3 else ""
        log.warning("%s: %d sentence%s of its text dropped as boilerplate (%s%s)", source, len(dropped),
                    "" if len(dropped) == 1 else "s", said, more)
    if seen == MAX_DROP_WARNINGS:
        log.warning("%s: further rows whose text loses a sentence as boilerplate are not named", where)
