"""trafilatura's three passes per page (precise, balanced, recall), as bench/extraction.py shows them
beside storydiff, which combines the first two. Cached (``CACHE/outputs``): they depend on
trafilatura, not on our code.
"""

from __future__ import annotations

import json

from extraction_corpora import HtmlPage, cached_outputs

from storydiff.extract.html import _trafilatura, parse_html


def readings_key() -> str:
    import trafilatura

    return f"traf{trafilatura.__version__}-htmltext0.7.1"


def _readings(page: HtmlPage) -> str:
    tree = parse_html(page.html())
    r = {"title": None}
    for name, options in (("precision", {"favor_precision": True}), ("balanced", {"with_metadata": False}),
                          ("recall", {"favor_recall": True, "with_metadata": False})):
        doc = _trafilatura(tree, page.url, **options)
        r[name] = (doc.text or "") if doc else ""
        if name == "precision" and doc is not None:
            r["title"] = doc.title
    return json.dumps(r)


def page_readings(corpus: str) -> dict[str, dict]:
    """Per page id: trafilatura's precise (and its title), balanced and recall passes."""
    empty = {"precision": "", "title": None, "balanced": "", "recall": ""}
    return {k: (json.loads(v) if v else empty)
            for k, v in cached_outputs(corpus, "readings", readings_key(), _readings).items()}
