"""An article body split into several containers of one kind, of which the pass kept one.

Some templates cut an article into chunks, each in its own container of the same tag and class,
with an ad rail or a newsletter box between them (Wired's ``article__body`` chunks, one per few
paragraphs). trafilatura's passes settle on one such container and read it alone, so the rest of
the article goes missing without a word (AEB's two lost Wired pages keep a third of their body).
``split_body_text`` finds the container that holds what the pass kept and reads the containers of
the same tag and class that stand next to it in the page (their nearest common ancestor at most
``max_levels`` above the kept one's: the chunks of one article, not the next article an endless
scroll loads further down), when they hold prose the kept text does not. Nothing in it depends on
the page's language or on a site's class names.

Off by default (``ExtractSettings.split_body_max_levels = 0``): designed on aeb's two Wired pages
(lost 2 -> 0), it changes no fundus page and two wcxb pages, both for the worse (a teaser list and
an editor's note in a container of the body's kind): BENCHMARKS §1, round 24.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

from storydiff.extract.line_cleanup import clean_body
from storydiff.extract.page_region import _runs, page_blocks, region_weights

_WORD = re.compile(r"\w+")


def _ancestors(element: HtmlElement) -> list[HtmlElement]:
    chain = []
    node = element.getparent()
    while node is not None:
        chain.append(node)
        node = node.getparent()
    return chain


def _same_kind(a: HtmlElement, b: HtmlElement) -> bool:
    return a.tag == b.tag and " ".join((a.get("class") or "").split()) == " ".join((b.get("class") or "").split())


def sibling_chunks(tree: HtmlElement, kept: str, *, cover: float = 0.9, max_levels: int = 2,
                   min_words: int = 50, min_share: float = 0.1,
                   max_kept_share: float = 0.2) -> tuple[list[str], list[list[str]], list[bool]]:
    """The kept container's sibling chunks' texts (one list of block lines per chunk, in page
    order) and whether each follows the kept container; with the kept text's lines found in the
    kept container."""
    root, blocks = page_blocks(tree, 1.0)
    hits_under, _words, total_hits, _ = region_weights(root, blocks, kept)
    if not total_hits:
        return [], [], []
    chain = [el for el, hits in hits_under.items() if hits >= cover * total_hits]
    if not chain:
        return [], [], []
    depth = {el: len(_ancestors(el)) for el in chain}
    lowest = max(chain, key=depth.get)
    # the kept container: the lowest element of the chain, or its nearest ancestor, that names a class
    container = lowest
    for node in [lowest, *_ancestors(lowest)][:max_levels + 1]:
        if (node.get("class") or "").strip():
            container = node
            break
    else:
        return [], [], []
    ups = _ancestors(container)
    if len(ups) <= max_levels:
        return [], [], []
    scope = ups[max_levels - 1]
    wanted = set(_runs(kept))
    kept_words = len(_WORD.findall(kept))
    chunks: list[list[str]] = []
    after: list[bool] = []
    order = {el: i for i, el in enumerate(scope.iter())}
    for other in scope.iter(container.tag):
        if other is container or not _same_kind(other, container):
            continue
        if container in _ancestors(other) or other in _ancestors(container):
            continue
        if len(_ancestors(other)) != len(ups):
            continue
        inside = set(other.iter())
        lines = [text for el, text in blocks if el in inside]
        runs = [run for line in lines for run in _runs(line)]
        words = sum(len(_WORD.findall(line)) for line in lines)
        if words < max(min_words, min_share * kept_words) or not runs:
            continue
        if sum(run in wanted for run in runs) > max_kept_share * len(runs):
            continue
        chunks.append(lines)
        after.append(order[other] > order[container])
    inside = set(container.iter())
    return [text for el, text in blocks if el in inside], chunks, after


def split_body_text(tree: HtmlElement, kept: str, **options) -> str:
    """``kept`` (a pass's cleaned body, one paragraph a line) with the prose of its container's
    sibling chunks (``sibling_chunks``) put before or after the lines found in the kept container."""
    own, chunks, after = sibling_chunks(tree, kept, **options)
    if not chunks:
        return kept
    lines = kept.split("\n")
    own_runs = {run for line in own for run in _runs(line)}
    in_container = [i for i, line in enumerate(lines) if any(run in own_runs for run in _runs(line))]
    first = in_container[0] if in_container else 0
    last = in_container[-1] if in_container else len(lines) - 1
    cleaned = [[line for line in clean_body("\n".join(chunk)).split("\n") if line] for chunk in chunks]
    before_lines = [line for chunk, later in zip(cleaned, after) if not later for line in chunk]
    after_lines = [line for chunk, later in zip(cleaned, after) if later for line in chunk]
    return "\n".join([*lines[:first], *before_lines, *lines[first:last + 1], *after_lines, *lines[last + 1:]])
