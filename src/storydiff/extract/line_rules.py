"""Line patterns that are boilerplate on any news site, whatever the classifier says.

Reprint and copyright notices, donation and subscription appeals, ad-blocker notices,
correction prompts, photo credits and captions. Each pattern names the kind of line it removes;
they are checked against aeb-lines by ``bench/extraction.py`` (they must not cost body recall).
"""

from __future__ import annotations

import re

_PATTERNS = {
    "legal": r"copyright|all rights reserved|©|\bprivacy (and|&) cookie|cookie polic|terms of (use|service)"
    r"|reprint|written permission|active hyperlink|materials?,? please",
    "appeal": r"become a (patron|member|subscriber)|support (us|our (journalism|work|reporting))|donat(e|ion)"
    r"|cup of coffee|join our community|you could close this page|\bpatreon\b",
    "adblock": r"ad ?blocker|disabl\w+ (your )?ad|whitelist (us|our site)",
    "correction": r"suggest a correction|ctrl ?\+ ?enter|highlight the text and press|report an? (error|typo)",
    "credit": r"^\s*(photo|image|picture|video|screenshot|illustration|graphic)s?\s*(credit|by|:|from)"
    r"|\bscreenshot from\b|\bphoto(graph)?(\s+credit)?\s*(by|:)|\(photo\b|\bcourtesy of\b|getty images"
    r"|shutterstock|\bap photo\b|/ reuters\b|\bfile photo\b",
    "promo": r"^\s*(read (also|more|next)|see also|related( articles?| stories)?|most (read|popular)"
    r"|sign up for|subscribe to|follow us|share (this|on))\b.{0,80}$|special discount",
    "supported_by": r"is supported by the\b.{0,80}foundation",
    # a section label alone on its line ("Details", "Context" between a news agency's lead and
    # its body): it names a part of the page and says nothing of the story. A closed list of
    # labels, not every short line: a real subheading ("The aftermath") is the article's own
    "section_label": r"^\W*(details|more details|context|background|in brief|briefly|key points)\W*$",
}
BOILERPLATE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS.items()), re.I)
# Words one of which every match of the patterns above holds (lower case; each alternative's
# literal run): a line holding none of them is no boilerplate, without the search, which tries
# every alternative at every position (75 us a line, most of line cleanup's time). Checked
# against the patterns by tests/test_line_cleanup.py; extend it with them.
_CUES = (
    "copyright", "all rights reserved", "©", "privacy", "cookie polic", "terms of ", "reprint", "written permission",
    "active hyperlink", "material",
    "become a ", "support ", "donat", "cup of coffee", "join our community", "you could close this page", "patreon",
    "blocker", "disabl", "whitelist",
    "suggest a correction", "ctrl", "highlight the text and press", "report a",
    "photo", "image", "picture", "video", "screenshot", "illustration", "graphic", "courtesy of", "getty images",
    "shutterstock", "reuters",
    "read ", "see also", "related", "most ", "sign up for", "subscribe to", "follow us", "share ", "special discount",
    "is supported by the",
    "details", "context", "background", "in brief", "briefly", "key points",
)
# Case-insensitive matching takes these for ASCII letters that str.lower() does not make them
# (and 'İ'.lower() is two characters): folded first, so that a cue is found wherever re.I finds it.
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s"})


def _has_cue(line: str) -> bool:
    folded = line.translate(_FOLD).lower()
    return any(cue in folded for cue in _CUES)
# A long paragraph that merely mentions a photo or a donation stays body; the rules target the
# short lines that are nothing but the notice.
MAX_RULE_WORDS = 80


# A run this long without a space is a data blob (base64 image, minified script, a URL list run
# together), never prose: the longest word of any of aeb-lines' 31,149 lines is under 300.
_BLOB = re.compile(r"\S{300}")


def boilerplate_kind(line: str) -> str | None:
    """The kind of boilerplate ``line`` is, or None."""
    if _BLOB.search(line):
        return "blob"
    if len(line.split()) > MAX_RULE_WORDS * 3 or not _has_cue(line):
        return None
    match = BOILERPLATE.search(line)
    if not match:
        return None
    kind = match.lastgroup
    if kind == "credit" and len(line.split()) > 30:
        return None  # a paragraph quoting "AP Photo" is still a paragraph
    return kind
