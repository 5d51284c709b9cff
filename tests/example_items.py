"""Invented articles shared by several test files: API upload bodies made from the bundled quake
examples, and a storm story whose outlets paraphrase one fact in different words."""

from __future__ import annotations

import html
import json
from pathlib import Path

EXAMPLES = Path(__file__).resolve().parents[1] / "src" / "storydiff" / "examples"


def as_html(text: str) -> str:
    """An export record's plain text as a page (one <p> per line): the HTML path of ingestion."""
    paras = "".join(f"<p>{html.escape(line)}</p>" for line in text.splitlines() if line.strip())
    return f"<html><body><article>{paras}</article></body></html>"


def quake_items() -> list[dict]:
    """A wire story, its reprint, and a different quake, as POST /api/articles items."""
    items = [
        {
            "html": (EXAMPLES / "quake-berovac-wire.html").read_text(encoding="utf-8"),
            "url": "https://wire.example.com/berovac",
        }
    ]
    for line in (EXAMPLES / "exports-lantern-herald.jsonl").read_text(encoding="utf-8").splitlines():
        rec = json.loads(line)
        rec["html"] = as_html(rec.pop("text"))
        items.append(rec)
    return items


# One fact in different words ("cut electricity to thousands of homes" / "households left without
# power"): only the MiniLM tier of fact alignment joins them. The other lines align either way.
STORM_A = (
    "The storm cut electricity to thousands of homes across the valley.",
    "Schools in the district will stay closed until the roads are cleared.",
    "Sheriff Dana Holt said two drivers died on Route 9 near Keswick on Sunday.",
    "The governor declared a state of emergency for four counties.",
)
STORM_B = (
    "Many households in the valley were left without power after the gale.",
    "Pupils will not return to class until crews have cleared the streets.",
    "Two motorists were killed on Route 9 near Keswick on Sunday, Sheriff Dana Holt said.",
    "A farmer said he lost forty sheep in the drifts.",
)


def storm_records() -> list[dict]:
    """The storm story as two export records (JSON Lines rows)."""
    return [
        {
            "id": "courier-storm",
            "outlet": "Valley Courier",
            "title": "Blizzard buries Marrow Valley; two die near Keswick",
            "published": "2025-01-12T10:00:00Z",
            "text": "\n".join(STORM_A),
        },
        {
            "id": "star-storm",
            "outlet": "Keswick Star",
            "title": "Two killed near Keswick as blizzard hits Marrow Valley",
            "published": "2025-01-12T12:00:00Z",
            "text": "\n".join(STORM_B),
        },
    ]


# A brief template filled in for different towns (invented): the shingles of two instances
# overlap by half, their names and figures not at all.
GALLERY = (
    "{who} opened a new gallery in {town} on Saturday, the town council said. The owner said {n} people "
    "were hired to run the rooms, and that the opening exhibition would run until the end of the month. "
    "Visitors praised the prices and the long opening hours."
)
