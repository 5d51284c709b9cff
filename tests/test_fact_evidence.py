"""Facts show their evidence: each outlet's own sentence, and how sure the match is
(same / possibly / only), in the view, the terminal, the HTML report and JSON."""

import io
import json

from rich.console import Console

from storydiff.records import Article, Fact, Story
from storydiff.serve.html import render_html
from storydiff.serve.terminal import render_story
from storydiff.serve.view import build_view

A = Article(id="a", source="a", outlet="Alder Gazette", text="x", title="Ferry fire")
B = Article(id="b", source="b", outlet="Northshore Daily", text="y")


def _story() -> Story:
    shared = Fact(text="No one was killed, the coast guard said.", article_ids=["a", "b"],
                  variants={"a": "No one was killed, the coast guard said.", "b": "No deaths were reported."},
                  first_article_id="a", match="same",
                  versions=[{"article_id": "a", "text": "No one was killed, the coast guard said.", "score": 0.91},
                            {"article_id": "b", "text": "No deaths were reported.", "score": 0.91}])
    possibly = Fact(text="The ferry was towed into harbour by two tugboats.", article_ids=["a"],
                    variants={"a": "The ferry was towed into harbour by two tugboats."}, first_article_id="a",
                    match="possibly",
                    versions=[{"article_id": "a", "text": "The ferry was towed into harbour by two tugboats.", "score": 1.0},
                              {"article_id": "b", "text": "Passengers were taken ashore by <b>fishing</b> boats.", "score": 0.31}])
    only = Fact(text="It was the second engine fire this year.", article_ids=["b"],
                variants={"b": "It was the second engine fire this year."}, first_article_id="b")
    return Story(id="s1", article_ids=["a", "b"], facts=[shared, possibly, only], fact_tier="cross-encoder")


def test_a_fact_stored_before_tiers_gets_its_match_from_its_outlets():
    assert Fact(text="t", article_ids=["a", "b"]).match == "same"
    assert Fact(text="t", article_ids=["a"]).match == "only"


def test_view_keeps_possibly_apart_from_only_and_shows_each_outlets_sentence():
    v = build_view(_story(), [A, B])
    (shared,) = v.shared_facts
    assert [x["outlet"] for x in shared["versions"]] == ["Northshore Daily"]  # the shown sentence is a's
    assert shared["versions"][0]["text"] == "No deaths were reported."
    (poss,) = v.possible_facts
    assert poss["outlet"] == "Alder Gazette" and poss["candidates"][0]["outlet"] == "Northshore Daily"
    # "only in X" is only what no other outlet may have: the possibly fact is not listed there
    assert v.unique_facts == {"Northshore Daily": ["It was the second engine fire this year."]}
    assert v.fact_matcher == "the same-fact judge"


def test_terminal_shows_the_evidence_and_the_unsure_match():
    out = io.StringIO()
    Console(file=out, width=200, color_system=None).print(render_story(build_view(_story(), [A, B])))
    text = out.getvalue()
    assert "Northshore Daily (match 0.91): No deaths were reported." in text
    assert "Possibly the same fact (1" in text and "? Northshore Daily (match 0.31)" in text
    assert "Only in Northshore Daily (1)" in text and "Only in Alder Gazette" not in text


def test_html_report_shows_the_evidence_escaped():
    html = render_html([_story()], [A, B])
    assert "No deaths were reported." in html and "Possibly the same fact" in html
    assert "&lt;b&gt;fishing&lt;/b&gt;" in html and "<b>fishing</b>" not in html


def test_json_carries_versions_and_match():
    d = json.loads(json.dumps(_story().to_dict()))
    assert [f["match"] for f in d["facts"]] == ["same", "possibly", "only"]
    assert d["facts"][0]["versions"][1] == {"article_id": "b", "text": "No deaths were reported.", "score": 0.91}


def test_web_story_page_shows_the_evidence_escaped():
    import pytest

    pytest.importorskip("fastapi")
    from storydiff.serve.api import _render

    page = _render("web_story.html", title="t", v=build_view(_story(), [A, B])).body.decode()
    assert "No deaths were reported." in page and "Possibly the same fact" in page
    assert "&lt;b&gt;fishing&lt;/b&gt;" in page
    assert page.index("Possibly the same fact") < page.index("Facts only one outlet reports")
