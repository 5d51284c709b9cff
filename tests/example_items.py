"""API upload bodies made from the bundled invented quake examples, shared by the API and browser tests."""

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
