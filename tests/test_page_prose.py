"""The page's prose outside its chrome (extract/page_prose.py) and the rescue extract_html makes of it
on pages that are no article, where trafilatura's pass keeps one block of what the page is made of."""

from __future__ import annotations

import dataclasses

import storydiff.extract.html as html_module
from storydiff.extract.html import extract_html, parse_html
from storydiff.extract.page_prose import page_prose

COURSES = [
    ("Harbour engineering", "Quay walls, tides and the loads a pier carries."),
    ("Coastal ecology", "Salt marshes, dunes and the birds that nest in them."),
    ("Ship design", "Hulls, stability and the rules a new ferry must meet."),
    ("Port logistics", "Cranes, containers and the timetables of a busy port."),
    ("Marine law", "Who owns the seabed and who pays for a wreck."),
    ("Navigation", "Charts, lights and the radio calls of a harbour master."),
    ("Fisheries", "Quotas, nets and the boats of a small fishing town."),
    ("Offshore wind", "Turbines at sea and the cables that bring power ashore."),
    ("Lifeboat crews", "Training, rescues and the volunteers who answer the call."),
    ("Harbour history", "Old piers, lighthouses and the trade that built a town."),
]
INTRO = ("Every course runs for one term and ends with a week of practical work in the harbour itself, "
         "with our own boats.")


def _listing(head: str = "") -> str:
    """A course catalogue: an intro and ten items that are links from end to end (trafilatura's
    passes drop such link-dense blocks), inside the usual chrome."""
    items = "".join(f'<li><a href="/courses/{i}"><span class="name">{name}</span> <span class="blurb">{blurb}</span>'
                    f"</a></li>" for i, (name, blurb) in enumerate(COURSES))
    return f"""<html><head><title>Courses at the Harbour School</title>{head}</head><body>
<header><a href="/">Harbour School</a><nav><ul><li><a href="/a">About us</a></li><li><a href="/c">Courses</a></li>
<li><a href="/n">News</a></li></ul></nav></header>
<div class="cookie-banner">We use cookies to improve your visit. Accept all cookies or manage them here.</div>
<main><h1>Our courses</h1><p>{INTRO}</p><ul class="course-list">{items}</ul></main>
<aside><h2>Latest news</h2><p>The school won a prize for its new training boat last spring.</p></aside>
<footer><p>Harbour School, 1 Quay Street. All rights reserved.</p></footer></body></html>"""


def test_page_prose_leaves_the_chrome_out_and_keeps_each_item_on_a_line():
    tree = parse_html(_listing())
    lines = page_prose(tree).split("\n")
    assert INTRO in lines
    for name, blurb in COURSES:
        assert f"{name} {blurb}" in lines
    text = "\n".join(lines)
    for chrome in ("About us", "cookies", "Latest news", "training boat", "All rights reserved", "Harbour School,"):
        assert chrome not in text
    # read-only: the tree the other stages read (dates, bylines) keeps its chrome
    assert "We use cookies" in tree.text_content()


def test_page_prose_reads_main_only_when_it_holds_the_page():
    filler = " ".join(["The school's story, told at length on every page of the site."] * 20)
    page = (f"<html><body><div><p>{filler}</p></div><main><p>Only a short note here.</p></main>"
            "<nav>Home</nav></body></html>")
    text = page_prose(parse_html(page))
    assert "Only a short note here." in text and "told at length" in text  # <main> too small to be the page
    page = f"<html><body><div class='menu'>Home Courses News</div><main><p>{filler}</p></main></body></html>"
    text = page_prose(parse_html(page))
    assert "told at length" in text and "Courses" not in text


def test_page_prose_skips_hidden_and_named_chrome_but_not_words_that_contain_a_name():
    page = ("<html><body><div class='navy-theme'><p>Kept: the navy theme is no navigation.</p></div>"
            "<div id='share-bar'>Share on every network</div><div hidden>Hidden offer</div>"
            "<div aria-hidden='true'>Screen-reader-hidden</div><div role='navigation'>Role nav</div>"
            "<table><tr><td>cell one</td><td>cell two</td></tr></table></body></html>")
    text = page_prose(parse_html(page))
    assert "Kept: the navy theme is no navigation." in text
    assert "cell one cell two" in text
    for dropped in ("Share on", "Hidden offer", "Screen-reader", "Role nav"):
        assert dropped not in text


def test_page_prose_reads_deeply_nested_text():
    # 200 levels (lxml's parser keeps up to about 250), walked without recursion
    page = "<html><body>" + "<div><span>x</span>" * 200 + "<p>Deep down.</p>" + "</div>" * 200 + "</body></html>"
    text = page_prose(parse_html(page))
    assert text.endswith("Deep down.") and text.count("x") == 200


def test_a_listing_whose_pass_keeps_one_block_gets_its_items_back():
    text = extract_html(_listing()).text
    for name, blurb in COURSES:
        assert f"{name} {blurb}" in text
    assert "cookies" not in text and "All rights reserved" not in text


def test_no_rescue_when_off_or_on_a_declared_article(monkeypatch):
    monkeypatch.setattr(html_module, "SETTINGS",
                        dataclasses.replace(html_module.SETTINGS, prose_rescue_below_share=0.0,
                                            region_rescue_below_share=0.0))
    assert "Quay walls" not in extract_html(_listing()).text
    monkeypatch.undo()
    # an article's precise pass is never swapped for the page's prose: an article's items are teasers
    declared = extract_html(_listing('<meta property="og:type" content="article">')).text
    assert "Quay walls" not in declared


def test_items_written_without_spaces_between_their_elements_are_still_rescued():
    # "<div>Quay</div><div>Walls</div>" is one word to text_content() and two to the page's prose: the
    # shortcut that spares most pages the walk must count the words of every text node apart
    words = ["Quay", "Pier", "Tide", "Dune", "Hull", "Crane", "Chart", "Light", "Net", "Buoy"]
    items = "".join(f'<div class="item"><a href="/c/{i}"><div>{a}</div><div>{b}</div><div>{c}</div></a></div>'
                    for i, (a, b, c) in enumerate(zip(words * 6, (words[3:] + words[:3]) * 6, (words[7:] + words[:7]) * 6)))
    page = (f"<html><head><title>Catalogue</title></head><body><main><p>{INTRO}</p>"
            f'<div class="items">{items}</div></main></body></html>')
    text = extract_html(page).text
    assert "Quay" in text.split() and "Buoy" in text.split()
