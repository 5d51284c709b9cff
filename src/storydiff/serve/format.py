"""How every front end writes a value for a reader: the terminal report, the HTML report and the
web app call these, so a date or a count reads the same wherever it is shown.

Pure functions of plain values (no Rich, no Jinja): the templates get them as filters
(``html.template_env``), the terminal calls them directly.
"""

from __future__ import annotations

from datetime import UTC

from storydiff.dates import is_bare_date, parse_iso_utc

NO_VALUE = "—"  # an absent date, dateline or citation: a visible dash rather than a blank


def revision_times(diff) -> str:
    """When a revision (``compare.revisions.RevisionDiff``) was made by the outlet's own account
    (its page's modified time, when it gave a new one) and when storydiff saw it: an archive read
    the next morning sees an edit hours after the outlet made it (QA pass 20a, 10)."""
    parts = []
    if diff.modified:
        parts.append(f"modified by the outlet {when(diff.modified)}")
    if diff.seen_at and diff.seen_at != diff.modified:
        parts.append(f"seen {when(diff.seen_at)}")
    return "; ".join(parts) or "no time recorded"


def when(value: str | None) -> str:
    """A stored ISO 8601 time for reading: "2024-03-11 08:40 UTC" (20 characters, minute precision,
    always in UTC so two outlets' times compare at a glance); a bare date stays a date; a string
    that is no ISO time is shown as given."""
    if not value:
        return NO_VALUE
    dt = parse_iso_utc(value)
    if dt is None:
        return value
    if is_bare_date(value):
        return dt.date().isoformat()
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M UTC")


def plural(n: int, one: str, many: str | None = None) -> str:
    """ "1 story", "2 stories", "0 articles": a count with its noun agreeing."""
    return f"{n} {one if n == 1 else (many or one + 's')}"


# What each quote fidelity label means, in the words every front end's legend uses. The labels
# themselves are the JSON's (`compare --json`, the API), so a reader of one can read the other.
FIDELITY_MEANING = {
    "verbatim": "the same words",
    "edited": "trimmed or lightly changed",
    "reworded": "the same quote in other words",
    "translated": "the same quote in another language (matched by meaning, no word diff)",
    "only_here": "one outlet alone carries it",
}

# The timeline's per-article count, named for what it counts: facts of the story that this article
# was the first (earliest published) to report.
FIRST_REPORTED = "facts first here"
FIRST_REPORTED_MEANING = "facts of this story that this article reported before any other (earliest published first)"


def snippet(title: str | None, text: str | None) -> str:
    """A search hit's words without the title the listing shows just above them: the indexed text
    begins with the title, so a hit near the start repeated it ("Marisol earthquake: … Marisol
    earthquake: …")."""
    text = (text or "").strip()
    title = (title or "").strip()
    if title and text.startswith(title):
        rest = text[len(title):].lstrip()
        return rest if rest else text
    return text


def clipped(text: str, limit: int = 80) -> str:
    """At most ``limit`` characters of ``text`` (spaces run together), cut after a whole word with
    "…" when it is longer: a quote named in a warning ("⚠ “Polska nie da się zastraszyć …”") never
    ends in a word's first letters ("…lotó”"). One word longer than the limit is cut inside it."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[:limit]
    space = cut.rfind(" ")
    if text[limit] != " " and space > 0:
        cut = cut[:space]
    return cut.rstrip(" ,;:–—-") + "…"


def span(first: str | None, last: str | None) -> str:
    """Two times as one span: "2024-09-02 16:05 – 18:30 UTC" within a day (the date once),
    "2024-03-11 08:40 UTC – 2024-09-02 18:30 UTC" across days, one time when they are one."""
    a, b = when(first), when(last)
    if not last or a == b:
        return a
    if a.endswith(" UTC") and b.endswith(" UTC") and a[:10] == b[:10] and len(a) == len(b) == 20:
        return f"{a[:-4]} – {b[11:]}"
    return f"{a} – {b}"


def edits_heading(edits: dict[str, list]) -> str:
    """The heading over an article's or a story's revisions (``compare.revisions.RevisionDiff``):
    "Edited after publication" when an outlet changed something; a page's text that replaced the
    feed summary stored while the page could not be read is no edit (QA pass 26a, 14)."""
    edited = any(not d.from_summary for diffs in edits.values() for d in diffs)
    return "Edited after publication" if edited else "Revisions (no edit by the outlet)"
