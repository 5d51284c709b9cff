"""Line cleanup of an extracted article body: what trafilatura keeps but a reader skips.

Captions, photo credits, "Read more" links, newsletter and share prompts, and the headline
repeated as the first line. Each rule is one pattern over a whole line, so a body sentence
that merely mentions a newsletter survives.
"""

from __future__ import annotations

import re

_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:read|see|watch|listen)\s+(?:more|also|next)\b.{0,120}"
    r"|related(?:\s+(?:articles?|stories|coverage|content))?\s*:?.{0,120}"
    r"|(?:photo|image|picture|video|graphic)s?\s*(?:credit)?\s*:.{0,160}"
    r"|(?:sign up|subscribe)\b.{0,160}"
    r"|advertisement|sponsored(?: content)?|share (?:this|on).{0,60}"
    r"|(?:copyright|©|\(c\)).{0,160}"
    r"|click here\b.{0,160}"
    r")\s*$",
    re.I,
)


def clean_body(text: str, title: str | None = None) -> str:
    """Drop boilerplate lines and a leading repeat of the headline; paragraphs joined by "\\n"."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    norm_title = _norm(title or "")
    kept = []
    for index, line in enumerate(lines):
        if index < 3 and norm_title and _norm(line) == norm_title:
            continue
        if _BOILERPLATE_LINE.match(line):
            continue
        kept.append(line)
    return "\n".join(kept)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
