"""An article body cut into chunks of one container kind (extract/split_body.py): trafilatura's
passes read the first chunk and drop the rest, the worst loss for a diff tool (aeb's Wired pages
kept a third of their body). With ``split_body_max_levels`` set (off by default: it did not hold on
the corpora it never saw, BENCHMARKS §1 round 24) the chunks beside the kept one are read; an
author box of the same kind and the next article of an endless scroll are not."""

from __future__ import annotations

import dataclasses

import storydiff.extract.html as html_module
from storydiff.extract.html import extract_html, parse_html
from storydiff.extract.split_body import sibling_chunks, split_body_text

FIRST = [
    "The council voted on Tuesday evening to close the old swimming baths on Harbour Street after a survey "
    "found that the roof over the main pool could no longer carry the weight of the winter snow.",
    "Engineers told the meeting that repairs would cost more than four million pounds, twice the sum the "
    "council had set aside for all of its leisure buildings over the next five years.",
    "Residents who had swum there since childhood filled the public gallery and several of them asked the "
    "councillors to look for a charity or a trust that might take the building over instead.",
]
SECOND = [
    "The leader of the council said that no offer had come forward in the two years since the baths were "
    "first put on the list of buildings at risk, and that the pool would shut at the end of March.",
    "Swimming clubs that train in the baths will move to the new leisure centre on the ring road, where "
    "the council has promised them early morning lanes on four days of every week.",
    "A petition to keep the baths open has gathered eleven thousand names, and its organisers said they "
    "would ask the secretary of state to list the Victorian building before the roof comes down.",
]
NEXT_STORY = [
    "A second bridge over the estuary will open to traffic in the spring, two years later than planned, "
    "after the contractor found soft clay under the piers on the southern bank of the river.",
    "Drivers have waited up to an hour at the old crossing at peak times this winter, and the haulage firms "
    "at the port say the delays have cost them several hundred thousand pounds in lost trips.",
]
BIO = ("Jane Harper covers the town hall and local politics for the Harbour Gazette and has written about "
       "the baths for ten years; write to her with your tips and stories about the leisure services.")


def _chunk(paragraphs: list[str], css: str = "article-body chunk") -> str:
    return f'<div class="grid"><div class="{css}">' + "".join(f"<p>{p}</p>" for p in paragraphs) + "</div></div>"


def _page(next_story: bool = True, bio: bool = True) -> str:
    rail = '<div class="rail"><p>Advertisement</p><p>Sign up for our morning briefing</p></div>'
    later = ""
    if next_story:
        # the next article of an endless scroll: the same container kind at the same depth, in
        # another <article>
        later = f'<article><h2>Second estuary bridge delayed</h2><div class="story">{_chunk(NEXT_STORY)}</div></article>'
    author = f'<div class="article-body chunk"><p>{BIO}</p></div>' if bio else ""
    return f"""<html><head><title>Council votes to close Harbour Street baths</title>
<meta property="og:type" content="article"></head><body>
<header><nav><a href="/">Harbour Gazette</a> <a href="/news">News</a></nav></header>
<main><article><h1>Council votes to close Harbour Street baths</h1>
<div class="story">{_chunk(FIRST)}{rail}{_chunk(SECOND)}</div>{author}</article>{later}</main>
<footer><p>Harbour Gazette. All rights reserved.</p></footer></body></html>"""


def _settings(monkeypatch, **changes) -> None:
    monkeypatch.setattr(html_module, "SETTINGS", dataclasses.replace(html_module.SETTINGS, **changes))


def test_the_pass_alone_keeps_the_first_chunk_only():
    # what the rule is for: without it (the default), the article's second half goes missing
    text = extract_html(_page()).text
    assert FIRST[0][:60] in text
    assert not any(p[:60] in text for p in SECOND)


def test_the_chunks_beside_the_kept_one_are_read_in_page_order(monkeypatch):
    _settings(monkeypatch, split_body_max_levels=2)
    text = extract_html(_page()).text
    for paragraph in FIRST + SECOND:
        assert paragraph[:60] in text
    assert text.index(FIRST[-1][:60]) < text.index(SECOND[0][:60])


def test_the_next_article_and_a_short_box_of_the_same_kind_are_left_out(monkeypatch):
    _settings(monkeypatch, split_body_max_levels=2)
    text = extract_html(_page()).text
    assert not any(p[:60] in text for p in NEXT_STORY)
    assert BIO[:60] not in text
    # what keeps the next article out is the chunks' nearest common ancestor, four levels up
    tree = parse_html(_page())
    assert NEXT_STORY[0][:60] in split_body_text(tree, "\n".join(FIRST), max_levels=4)


def test_a_chunk_before_the_kept_one_goes_before_it():
    tree = parse_html(_page(next_story=False, bio=False))
    kept = "\n".join(SECOND)
    own, chunks, after = sibling_chunks(tree, kept)
    assert [line[:40] for line in own] == [p[:40] for p in SECOND]
    assert after == [False]
    assert split_body_text(tree, kept).split("\n") == FIRST + SECOND


def test_a_body_in_one_container_is_left_as_it_is():
    tree = parse_html(_page(next_story=False, bio=False).replace(_chunk(SECOND), ""))
    kept = "\n".join(FIRST)
    assert split_body_text(tree, kept) == kept
