"""QA pass 25a, 11: a JSON-LD article naming no "@context" still gives its author (trafilatura
reads only blocks that name schema.org: the page's author was [])."""

from __future__ import annotations

from storydiff.extract import extract_item
from storydiff.records import RawItem

_ARTICLE_JSON = ('{"@type":"NewsArticle","headline":"Kharkiv drone strike","datePublished":"2026-12-01T15:20:00+02:00",'
                 '"author":{"@type":"Person","name":"James Holloway"}}')
_PARAGRAPHS = "".join(
    f"<p>{s}</p>" for s in (
        "Three people died and 17 were wounded when Russian Shahed drones hit apartment blocks in Kharkiv's "
        "Kyivskyi district in the early hours of Tuesday, according to the SWS news agency.",
        "Regional governor Oleh Syniehubov said two children were among the wounded, and that rescuers worked all night.",
        "Of the 12 drones Russia sent towards the city, nine were downed, officials said in a statement on Tuesday."))


def _html_authors(json_ld: str) -> list[str]:
    page = (f'<html><head><script type="application/ld+json">{json_ld}</script></head><body>'
            f"<article><h1>Kharkiv drone strike</h1>{_PARAGRAPHS}</article></body></html>")
    return extract_item(RawItem(source="a6.html", kind="html", content=page)).authors


def test_a_json_ld_author_without_context_is_read():
    assert _html_authors(_ARTICLE_JSON) == ["James Holloway"]


def test_a_json_ld_author_with_context_is_read_once():
    with_context = _ARTICLE_JSON.replace("{", '{"@context":"https://schema.org",', 1)
    assert _html_authors(with_context) == ["James Holloway"]


def test_json_ld_without_context_or_article_type_gives_no_author():
    assert _html_authors('{"@type":"WebSite","name":"Eastern Europe Monitor","author":"James Holloway"}') == []
