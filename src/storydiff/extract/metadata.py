"""Metadata that page text carries without markup: outlet, dateline, language.

Newsrooms sign their copy in a handful of fixed shapes: "Kyiv • UNN" under the headline,
"WASHINGTON (AP) —" before the first paragraph, "Copyright © 2024 Euromaidanpress.com" in the
footer. These functions read those shapes; none of them needs a model.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

# "Kyiv • UNN", "Kyiv | UNN", "LONDON — Reuters" on a line of its own near the top
_PLACE_OUTLET_LINE = re.compile(r"^\s*([A-Z][\w'’.\- ]{1,40}?)\s*[•|·]\s*([A-Z][\w&.\- ]{1,40}?)\s*$")
# "WASHINGTON (AP) —", "KYIV, Ukraine (Reuters) -", "LONDON, March 3 (Reuters) -", "PARIS —"
_WIRE_DATELINE = re.compile(
    r"^\s*([A-Z][A-Z .'’\-]{1,40}?(?:,\s*[A-Z][\w.'’ ]{1,30}?)?(?:,\s*\w{3,9}\.? \d{1,2})?)\s*"
    r"(?:\(([A-Za-z .\-]{2,30})\)\s*)?[—–-]{1,2}\s+\S"
)
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*([A-Za-z][\w.\- ]{1,60})", re.I)
_DOMAIN = re.compile(r"\b((?:[a-z0-9\-]+\.)+(?:com|org|net|info|ua|uk|eu|de|fr|ru|news|media|co|io|us))\b", re.I)
_SKIP_WORDS = {"all", "rights", "reserved", "by", "the"}


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without ``www.``: the most reliable outlet name when a URL exists."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def _spaced_name(domain: str, text: str) -> str | None:
    """'euromaidanpress.com' → 'Euromaidan Press' if the text spells the name with spaces."""
    stem = domain.lower().split(".")[0]
    if len(stem) < 3:
        return None
    # runs of capitalised words whose letters equal the domain stem; the spaced spelling
    # ("Euromaidan Press") beats the domain's own ("Euromaidanpress")
    best: str | None = None
    for m in re.finditer(r"\b([A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})", text):
        words = m.group(1).split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                cand = " ".join(words[i:j])
                if re.sub(r"[^a-z0-9]", "", cand.lower()) == stem and (
                    best is None or cand.count(" ") > best.count(" ")
                ):
                    best = cand
    return best


def outlet_from_text(text: str) -> str | None:
    """Outlet signed in the page text: a 'Place • Outlet' line near the top, else a copyright
    line's domain (spelled as the text spells the name when it does), else None."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for ln in lines[:6]:
        m = _PLACE_OUTLET_LINE.match(ln)
        if m:
            return m.group(2).strip()
    for ln in lines[:15] + lines[-25:]:
        m = _COPYRIGHT.search(ln)
        if not m:
            continue
        dm = _DOMAIN.search(m.group(1))
        if dm:
            return _spaced_name(dm.group(1), text) or dm.group(1).lower()
        head = re.split(r"\.(?:\s|$)|[|,;]|\ball rights\b", m.group(1), flags=re.I)[0]
        name = " ".join(w for w in head.split() if w.lower() not in _SKIP_WORDS)
        name = name.strip(" .,")
        if 2 <= len(name) <= 40:
            return name
    return None


def dateline(text: str) -> str | None:
    """The place the story was filed from: 'Kyiv' in 'Kyiv • UNN', 'WASHINGTON' in 'WASHINGTON (AP) —'."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for ln in lines[:6]:
        m = _PLACE_OUTLET_LINE.match(ln)
        if m:
            return m.group(1).strip()
    for ln in lines[:4]:
        m = _WIRE_DATELINE.match(ln)
        if m and (m.group(2) or m.group(1).split(",")[0].isupper()):
            place = m.group(1).split(",")[0].strip()
            if len(place) >= 3:
                return place
    return None


def language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (py3langid; ~microseconds per article)."""
    sample = text[:5000].strip()
    if len(sample) < 20:
        return None
    import py3langid

    lang, _ = py3langid.classify(sample)
    return lang
