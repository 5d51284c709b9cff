"""ISO 8601 times as every stage reads them: aware, in UTC when no zone is given.

``Article.published`` is an ISO string (extract.normalize_date makes it one); ordering,
windows, storage and display all need the same reading of it, so it lives here once.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

# The zone a time written without one is in, as an IANA name ("Europe/Kyiv"): the environment
# variable, read wherever a date is read (the Python API, worker processes, watch's fetch thread).
# ``--assume-tz`` sets it for its command only and puts back what was there after (serve/cli_zone;
# review 17 #7: it stayed set, and later commands and library calls in the process read Kyiv
# times). Unset: UTC, as the pipeline has always read such times. A Kyiv vendor's
# "05.12.2026 09:10" and a pasted page's "5 грудня 2026, 09:20" are local times (QA pass 17: read
# as UTC they were two hours late and changed which outlet reported first).
ASSUME_TZ_ENV = "STORYDIFF_ASSUME_TZ"

# Dates before this are CMS placeholders ("0001-01-01T00:00:00" in an empty <meta>), not
# publication dates; digitised archives reach back to the 1800s, so the line is drawn there.
EARLIEST_YEAR = 1800


def naive_zone() -> tzinfo | None:
    """The zone of times read without one (``ASSUME_TZ_ENV``); None for UTC. ValueError names the
    variable and a zone that does not exist."""
    value = os.environ.get(ASSUME_TZ_ENV, "")
    try:
        return zone_named(value)
    except ValueError as e:
        raise ValueError(f"the environment variable {ASSUME_TZ_ENV}: {e}") from None


@lru_cache(maxsize=8)
def zone_named(name: str) -> tzinfo | None:
    """``ZoneInfo(name)``; None for "" and UTC (the default reading); ValueError when no such zone."""
    name = name.strip()
    if name.upper() in ("", "UTC", "Z", "ETC/UTC"):
        return None
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"no time zone {name!r}: give an IANA name such as Europe/Kyiv") from None


def in_assumed_zone(value: str | None) -> str | None:
    """A stored ISO time with no zone given the assumed zone (``naive_zone``), its wall time kept;
    a zoned time, a bare date, None or a string that is no ISO time as it was. Extraction reads a
    page's publication time in the assumed zone; its modified time (article:modified_time
    "2026-12-07 03:40") came through as written and was read as UTC: a Kyiv outlet's edits shown
    two hours late (QA pass 23b, 04)."""
    if not value or is_bare_date(value):
        return value
    try:
        dt = datetime.fromisoformat(value.strip())
    except ValueError:
        return value
    zone = naive_zone()
    if dt.tzinfo is not None or zone is None:
        return value
    return dt.replace(tzinfo=zone, fold=0).isoformat()


def parse_iso_utc(value: str | datetime | None) -> datetime | None:
    """An aware datetime (naive values taken as UTC), or None when absent or unreadable."""
    if value is None or value == "":
        return None
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            return None
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def is_bare_date(value: str) -> bool:
    """'2024-03-11' (a day, not its midnight)."""
    return len(value.strip()) <= 10


def sortable_time(value: str | None) -> str | None:
    """``published`` as stored for ordering and ``since`` filters: datetimes in UTC (naive ones
    taken as UTC, as the pipeline does), so text order is time order across time zones; a bare
    date stays a date (it sorts before that day's datetimes); anything unparsable is None
    (sorted with the undated: text like "May 1" would otherwise sort after every real date)."""
    dt = parse_iso_utc(value)
    if dt is None:
        return None
    if is_bare_date(value):  # YYYY-MM-DD / YYYYMMDD: a date, not midnight
        return dt.date().isoformat()
    try:
        dt = dt.astimezone(UTC)
    except (OverflowError, ValueError):  # year 1 or 9999 shifted out of range
        return None
    return dt.isoformat(timespec="seconds")


# an earlier publication time by more than a page's rounding is a backdating ("10:00" then
# "10:00:37" is none: review 23c, F5)
BACKDATING_TOLERANCE_S = 300


def backdated(first: str | None, published: str | None) -> bool:
    """Whether a new version's page giving ``published`` moves the article's publication time
    ``first`` (each with its time of day) back: an earlier time claimed after storydiff read the
    page saying ``first``. What the page said when first read bounds when it was published: the
    outlet's later claim is recorded as its edit, not taken for the first report's time (QA pass
    23b, 09: a 1 h 20 min backdating moved the story's first report with no trace)."""
    if not first or not published or is_bare_date(first) or is_bare_date(published):
        return False
    a, b = parse_iso_utc(first), parse_iso_utc(published)
    return a is not None and b is not None and (a - b).total_seconds() > BACKDATING_TOLERANCE_S


def revision_times(first: str | None, published: str | None, modified: str | None) -> tuple[str | None, str | None]:
    """(published, modified) of a new version of a stored article first published at ``first``,
    the new version's page reading ``published`` and ``modified``.

    The article keeps its first publication time, the earlier of the two (a page printing only its
    last change, tagesschau's "Stand: 06.12.2026 17:20 Uhr", moved its publication with each
    correction, and the outlet fell behind the outlets that copied it; QA pass 21a, 08), but a time
    of day on the day the first version named only beats that day. The new version's modified time
    is its own, or, where its page gives none, the time its page now prints where that is later."""
    a, b = sortable_time(first), sortable_time(published)
    if a is None or b is None:
        kept = published if a is None else first
    elif is_bare_date(a) != is_bare_date(b) and a[:10] == b[:10]:
        kept = first if is_bare_date(b) else published  # the day, and now its time
    else:
        kept = first if a <= b else published
    if modified is None and kept != published and b is not None and not is_bare_date(b) and b > (sortable_time(kept) or ""):
        modified = published
    return kept, modified
