"""trafilatura's precise pass with the headings its balanced pass keeps.

Besides its stricter pruning, trafilatura's precise pass (``favor_precision``) runs a link-density
test over the article's headings (``prune_unwanted_sections``: ``delete_by_link_density(tree,
"head", favor_precision=True)``) that its balanced pass never runs: a heading whose words are
mostly a link is deleted. In an article a linked heading is usually the subject of the section
under it (a listicle's product, a tool, a trail, a place: "Satechi 72W USB-C Power Delivery Car
Charger", "NordLayer"), so the section's text stays and its name goes. Read on aeb and wcxb-dev
(fundus-tests held out; BENCHMARKS §1, round 18): without that test the precise pass gains on both
(aeb 0.9729 -> 0.9735, wcxb 0.8334 -> 0.8340, precision up on both), but on fundus, scored once at
the end, it changes 2 pages and moves nothing (0.95513 -> 0.95510: a news site's linked teaser
headline inside the body comes in with a real subheading), so ``ExtractSettings.
precise_keeps_linked_headings`` is off by default. Every other step of the pass is unchanged.

Only storydiff's own precise pass reads it (``html._body_pass``, when the setting is on): anyone
else calling trafilatura in the same process gets trafilatura's pass as it ships.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar

from trafilatura import main_extractor

_KEEP_LINKED_HEADINGS: ContextVar[bool] = ContextVar("keep_linked_headings", default=False)
_original: Callable | None = None


def install() -> None:
    """Wrap trafilatura's ``delete_by_link_density`` once: inside ``linked_headings_kept`` its
    heading test is skipped, everywhere else it runs as trafilatura wrote it."""
    global _original
    if _original is not None:
        return
    _original = original = main_extractor.delete_by_link_density

    def delete_by_link_density(subtree, tagname, backtracking=False, favor_precision=False):
        if tagname == "head" and _KEEP_LINKED_HEADINGS.get():
            return subtree
        return original(subtree, tagname, backtracking=backtracking, favor_precision=favor_precision)

    main_extractor.delete_by_link_density = delete_by_link_density


def uninstall() -> None:
    """trafilatura's own function back (tests)."""
    global _original
    if _original is not None:
        main_extractor.delete_by_link_density = _original
        _original = None


@contextmanager
def linked_headings_kept(keep: bool = True) -> Iterator[None]:
    """Within the block, trafilatura's precise pass keeps headings that are mostly a link."""
    token = _KEEP_LINKED_HEADINGS.set(keep)
    try:
        yield
    finally:
        _KEEP_LINKED_HEADINGS.reset(token)
