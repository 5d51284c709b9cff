"""The content region of what trafilatura's pass kept (extract/page_region.py) and the rescue
extract_html makes of it on pages that are no article: the pass keeps a service page's or a
listing's prose paragraphs and drops its items (short, linked lines), which sit beside them."""

from __future__ import annotations

import dataclasses

import storydiff.extract.html as html_module
from storydiff.extract.html import extract_html, parse_html
from storydiff.extract.page_region import (
    content_region,
    page_blocks,
    prose_blocks,
    region_text,
    visible_chars,
)

INTRO = [
    "Our harbour workshop repairs wooden boats of every size, from small dinghies to the old sailing "
    "barges that still carry visitors along the coast in the summer months.",
    "Each repair starts with a survey of the hull, the keel and the rigging, written up in plain words "
    "so that an owner knows what the work will cost before the first plank is lifted.",
    "We keep traditional methods alive: steamed oak frames, larch planking and caulking with cotton and "
    "pitch, as the boatbuilders of this town have done for two hundred years.",
]
SERVICES = [
    ("Hull survey", "a written report on the planks and frames"),
    ("Keel repair", "new timber bolted to the old keel"),
    ("Mast making", "spruce masts shaped by hand in the shed"),
    ("Sail loft", "new sails cut and sewn for classic boats"),
    ("Engine fitting", "small diesel engines for working boats"),
    ("Winter storage", "dry sheds for boats during the cold months"),
    ("Varnishing", "brightwork stripped and varnished in spring"),
    ("Rigging", "standing and running rigging renewed in hemp"),
    ("Deliveries", "a skipper to sail your boat to its new home"),
    ("Lessons", "evening classes for owners who repair their own"),
]
# a column of linked notices beside the content, with no class name that says it is a sidebar
NOTICES = ["The harbour road closes closes for resurfacing in March", "Parking on the quay for residents only",
           "The ferry timetable changes for the winter", "The lifeboat open day moves to June"]


def _service_page(wrapper: str = "div", declared: bool = False) -> str:
    items = "".join(f'<li><a href="/services/{i}"><b>{name}</b> {blurb}</a></li>'
                    for i, (name, blurb) in enumerate(SERVICES))
    intro = "".join(f"<p>{p}</p>" for p in INTRO)
    notices = "".join(f'<li><a href="/notices/{i}">{n}</a></li>' for i, n in enumerate(NOTICES))
    head = '<meta property="og:type" content="article">' if declared else ""
    return f"""<html><head><title>Harbour Boatworks</title>{head}</head><body><{wrapper} id="page">
<header><a href="/">Harbour Boatworks</a><nav><a href="/a">About</a> <a href="/s">Services</a></nav></header>
<div class="row"><div class="col-main"><h2>What we do</h2>{intro}<ul class="services">{items}</ul></div>
<div class="col-right"><h3>Harbour notices</h3><ul>{notices}</ul></div></div>
<footer><p>Harbour Boatworks, 3 Quay Street. All rights reserved.</p></footer></{wrapper}></body></html>"""


def test_the_region_is_the_lowest_block_that_holds_the_kept_text_and_a_share_of_the_page():
    tree = parse_html(_service_page())
    root, blocks = page_blocks(tree, 0.5)
    region = content_region(root, blocks, "\n".join(INTRO), cover=0.7, min_share=0.2)
    assert region is not None and region.get("class") == "col-main"
    text = region_text(tree, "\n".join(INTRO), cover=0.7, min_share=0.2, wrapper_share=0.5)
    for name, blurb in SERVICES:
        assert f"{name} {blurb}" in text.split("\n")
    assert "harbour road closes" not in text and "All rights reserved" not in text
    # one paragraph's block alone holds too little of the page: the region grows to its items' block
    one = content_region(root, blocks, INTRO[0], cover=0.7, min_share=0.2)
    assert one is region
    # with no share of the page asked for, the region is the kept paragraph itself
    assert content_region(root, blocks, INTRO[0], cover=0.7, min_share=0.0).tag == "p"


def test_text_that_is_not_in_the_page_has_no_region():
    tree = parse_html(_service_page())
    root, blocks = page_blocks(tree, 0.5)
    assert content_region(root, blocks, "words that appear nowhere on this page at all", cover=0.7,
                          min_share=0.2) is None
    assert region_text(tree, "", cover=0.7, min_share=0.2, wrapper_share=0.5) == ""


def test_chrome_that_wraps_most_of_the_page_is_read_but_navigation_never_is():
    # an ASP.NET page wraps everything in one <form>; chrome by its tag, a wrapper by its size
    tree = parse_html(_service_page(wrapper="form"))
    body = tree.find(".//body")
    assert prose_blocks(body) == []
    texts = [t for _, t in prose_blocks(body, visible_chars(body), 0.5)]
    assert INTRO[0] in texts and "About Services" not in " ".join(texts)  # the <nav> inside stays out
    menu = "".join(f"<li><a href='/{i}'>Department number {i} of the store</a></li>" for i in range(60))
    page = f"<html><body><nav><ul>{menu}</ul></nav><p>A short product note.</p></body></html>"
    tree = parse_html(page)
    body = tree.find(".//body")
    assert [t for _, t in prose_blocks(body, visible_chars(body), 0.5)] == ["A short product note."]


def test_a_service_page_whose_pass_keeps_its_paragraphs_gets_its_items_back():
    text = extract_html(_service_page()).text
    for paragraph in INTRO:
        assert paragraph in text
    for name, blurb in SERVICES:
        assert f"{name} {blurb}" in text
    assert "harbour road closes" not in text and "All rights reserved" not in text and "About" not in text


def test_no_region_rescue_when_off_or_on_a_declared_article(monkeypatch):
    monkeypatch.setattr(html_module, "SETTINGS",
                        dataclasses.replace(html_module.SETTINGS, region_rescue_below_share=0.0))
    off = extract_html(_service_page()).text
    assert INTRO[0] in off and "Mast making" not in off
    monkeypatch.undo()
    declared = extract_html(_service_page(declared=True)).text
    assert INTRO[0] in declared and "Mast making" not in declared
