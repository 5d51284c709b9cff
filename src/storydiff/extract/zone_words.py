"""A local time named in words after a clock, as Russian and Ukrainian outlets print it.

RIA Novosti, TASS and Interfax write "14:30 МСК", "14:30 (мск)" or "по московскому времени";
Ukrainian outlets "за київським часом". dateparser knows the Latin "MSK" only, so these times
were stored as UTC, three hours late (QA pass 19b); ``zone_in_words`` names the zone instead.
"""

from __future__ import annotations

import re

# A local time named in words, as Russian, Ukrainian (and other) outlets print it after the clock:
# "14:30 МСК", "14:30 (мск)", "по московскому времени", "за київським часом" (QA 19b: RIA, TASS and
# Interfax's "МСК" was stored as UTC, three hours late; dateparser knows only the Latin "MSK").
ZONE_WORDS = (
    r"(?:\(\s*+)?(?:(?<![^\W\d_])(?:мск|msk)(?![^\W\d_])"
    r"|(?:по|за)\s+(?:московскому|київському|киевскому)\s+времени|за\s+(?:московським|київським)\s+часом"
    r"|(?:московского|киевского)\s+времени|(?:московського|київського)\s+часу"
    r"|(?:moscow|kyiv|kiev)\s+time|czasu\s+(?:moskiewskiego|kijowskiego)|(?:moskauer|kiewer)\s+zeit)(?:\s*\))?"
)
# Searched without the blanks and comma before it (the caller trims those): a leading "\s*[,(]?\s*"
# made the search cubic over a run of blanks (review 19: 800 spaces took 56 s).
_ZONE_WORDS = re.compile(ZONE_WORDS, re.I)
_MOSCOW = ("мск", "msk", "моск", "moscow", "moskiew", "moskauer")


def zone_in_words(text: str) -> tuple[str, str | None]:
    """``text`` without a local time named in words, and that zone's IANA name (None: none named)."""
    m = _ZONE_WORDS.search(text)
    if m is None:
        return text, None
    said = m.group().lower()
    zone = "Europe/Moscow" if any(w in said for w in _MOSCOW) else "Europe/Kyiv"
    return (text[:m.start()].rstrip().rstrip(",").rstrip() + text[m.end():]).strip(), zone
