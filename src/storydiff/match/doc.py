"""The article as the matcher sees it: text plus what time and place it came from."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass
class MatchDoc:
    id: str
    text: str
    title: str | None = None
    published: datetime | None = None  # timezone-aware, or naive meaning UTC
    outlet: str | None = None
    url: str | None = None


def timestamp(published: datetime | str | None) -> float | None:
    """Seconds since the epoch (naive = UTC), or None when absent or unreadable."""
    if published is None:
        return None
    if isinstance(published, str):
        try:
            published = datetime.fromisoformat(published.strip())
        except ValueError:
            return None
    if not isinstance(published, datetime):
        return None
    if published.tzinfo is None:
        published = published.replace(tzinfo=UTC)
    try:
        return published.timestamp()
    except (OverflowError, OSError, ValueError):
        return None
