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

A sentence of a text field need not end in a full stop (QA pass 17: live-blog entries "09:40 У
Харкові знову пролунали вибухи, повідомив мер", Telegram-style news lines, a list's lead-in "Що
відомо на цю хвилину:", a death toll ending in its figure; all but the first of four such lines
were dropped without a word). A line is prose when it has words in lower case between its
first and its last (clutter is a label or a name: "Share this", "Photo: Reuters", "Updated:
10:40", "Home | World"). The clutter that does read as prose ("Read more: ...", "Читайте також:
...", "Джерело: ...", "Більше новин читайте в нашому Telegram-каналі", "Всі права захищені ...")
is what ``line_rules`` names by a label kind (``LABEL_KINDS``): such a line goes without a word.
The clutter knowledge is ``line_rules``' alone, which page text and HTML bodies read too (review
17: a second list kept here missed what it named, and it missed this list). A line of several
words that is neither (a headline in capitals, a breadcrumb) is left to the line model, and said
when it drops it.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence

from storydiff.extract.line_rules import LABEL_KINDS, boilerplate_kind
from storydiff.extract.metadata import is_date_line
from storydiff.extract.page_chrome import chrome_kind
from storydiff.settings import ExtractSettings

SETTINGS = ExtractSettings()

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


# A live blog's entry starts with its time ("09:40", "9.40 am –"), a list's item with its bullet:
# neither is the line's first word.
_LEAD = re.compile(r"^\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\b\s*[-–—|:]?\s*)?(?P<bullet>[•·▪►■*+–—-]\s*)?", re.I)
_WORD = re.compile(r"\w[\w'’ʼ-]*")


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


def prose_line(line: str, settings: ExtractSettings = SETTINGS) -> bool:
    """Whether ``line`` reads as prose without a final stop: a live-blog entry, a news line, a
    headline written as a sentence, a list item ("– поранено 19 людей, серед них двоє дітей");
    ``settings.text_prose_min_words`` words, ``settings.text_prose_min_lower_words`` of them after
    the first in lower case."""
    lead = _LEAD.match(line)
    s = line[lead.end():].strip()
    # a line cut out of a sentence starts in lower case; a list item may, after its bullet
    if not s or (s[:1].islower() and not lead.group("bullet")):
        return False
    words = _WORD.findall(s)
    lower = sum(1 for w in words[1:] if w[0].islower())
    return (len(words) >= settings.text_prose_min_words and lower >= settings.text_prose_min_lower_words
            and not is_date_line(s))


def clutter_line(line: str, kind: str | None = "") -> bool:
    """Whether a line is clutter by rule: ``line_rules`` names it by a label kind (a link to
    another article, a field of the page, a call to follow the outlet, a rights notice), read
    after a live blog's time or a bullet too."""
    if kind == "":  # not read yet by the caller
        kind = boilerplate_kind(line)
    return kind in LABEL_KINDS or _label_kind(_LEAD.sub("", line, count=1))


def _label_kind(line: str) -> bool:
    return boilerplate_kind(line) in LABEL_KINDS


def keep_sentences(lines: Sequence[str], kept: Sequence[bool], title: str | None,
                   source: str, notes: list[str] | None = None, settings: ExtractSettings = SETTINGS) -> list[bool]:
    """``kept`` with every prose line of a text field set (``sentence_line``, ``prose_line``), but
    those ``line_rules`` (or, without a final stop, ``page_chrome``) names boilerplate, clutter
    by rule without a final stop (``clutter_line``), and the line that is the headline. A line dropped
    that is more than clutter (boilerplate written as a sentence; a line of several words the line
    model dropped) is said in a warning naming ``source`` and added to ``notes`` (what the caller
    tells about this item)."""
    norm_title = " ".join(title.split()) if title else None
    out = list(kept)
    dropped: list[tuple[str, str]] = []
    for i, (line, k) in enumerate(zip(lines, kept)):
        if k or not line.strip() or " ".join(line.split()) == norm_title:
            continue
        kind = boilerplate_kind(line)  # read once: each branch below asks it
        if sentence_line(line):
            pass
        elif prose_line(line, settings):
            if clutter_line(line, kind):
                continue
            kind = kind or chrome_kind(line)
        else:
            short = _two_word_sentence(line) and not _said_clutter(line, kind)
            if short and line.rstrip().endswith("."):
                out[i] = True  # "Пожежу ліквідовано.", "Інформація уточнюється.": the outlet's own words
            elif short or (len(_WORD.findall(line)) >= settings.text_prose_min_words and not _said_clutter(line, kind)):
                dropped.append(("template", line.strip()))  # "Subscribe now!": said, not dropped silently
            continue
        if kind is None:
            out[i] = True
        else:
            dropped.append((kind, line.strip()))
    if not any(out):
        # a brief whose text is its headline ("The parliament election is over in Turkmenistan.",
        # title and text alike): the headline's line is all the article there is, not a repeat of
        # it (QA pass 18: such rows were refused as "no article text left")
        out = [k or (" ".join(line.split()) == norm_title and (sentence_line(line) or prose_line(line, settings)))
               for line, k in zip(lines, out)]
    if dropped:
        note = _dropped_note(dropped)
        if notes is not None:
            notes.append(note)
        _warn_dropped(source, note)
    return out


def _two_word_sentence(line: str) -> bool:
    """A sentence of two words in a text field ("Пожежу ліквідовано.", "Details follow."): under
    ``sentence_line``'s three, and dropped without a word (r27-ext's note on QA pass 27b's posts):
    kept when it ends on a full stop, said in the item's warning otherwise ("Subscribe now!"); a
    button's two words ("Read more", "Share this") and a label ("Фото: ДСНС.") are clutter."""
    s = line.strip()
    words = s.split()
    return (len(words) == 2 and s[-1:] in ".!?…" and s[:1].isupper() and s[:1].isalpha() and ":" not in s
            and any(c.islower() for c in s) and not is_date_line(s))


def _said_clutter(line: str, kind: str | None) -> bool:
    """Clutter of several words that goes without a word: a line ``line_rules`` names (``kind``;
    a label's after a live blog's time too), a date line, a menu, page chrome."""
    return (kind is not None or clutter_line(line, kind) or is_date_line(line)
            or line.count("|") >= 2 or chrome_kind(line) is not None)


def _dropped_note(dropped: list[tuple[str, str]]) -> str:
    said = "; ".join(f"{kind}: {line[:80]!r}" for kind, line in dropped[:3])
    more = f" and {len(dropped) - 3} more" if len(dropped) > 3 else ""
    noun = "sentence" if all(sentence_line(line) for _, line in dropped) else "line"
    return f"{len(dropped)} {noun}{'' if len(dropped) == 1 else 's'} of its text dropped as boilerplate ({said}{more})"


def _warn_dropped(source: str, note: str) -> None:
    where = source.split("#", 1)[0].split(" (id ", 1)[0]
    if where not in _drop_warnings and len(_drop_warnings) >= MAX_FILES_COUNTED:
        _drop_warnings.clear()  # a server's API items are each a source of their own: stay bounded
    _drop_warnings[where] = seen = _drop_warnings.get(where, 0) + 1
    if seen <= MAX_DROP_WARNINGS:
        log.warning("%s: %s", source, note)
    if seen == MAX_DROP_WARNINGS:
        log.warning("%s: further rows whose text loses a sentence as boilerplate are not named", where)
