"""The article as the matcher sees it: text plus what time and place it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from storydiff.dates import parse_iso_utc


@dataclass
class MatchDoc:
    id: str
    text: str
    title: str | None = None
    published: datetime | None = None  # timezone-aware, or naive meaning UTC
    outlet: str | None = None
    url: str | None = None
    language: str | None = None  # ISO 639-1; detected from the text when absent (storydiff.language)


def timestamp(published: datetime | str | None) -> float | None:
    """Seconds since the epoch (naive = UTC), or None when absent or unreadable."""
    dt = parse_iso_utc(published)
    if dt is None:
        return None
    try:
        return dt.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
