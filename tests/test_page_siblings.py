"""Pages of one outlet found from their text alone (extract/page_siblings.py) and used in batches."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from storydiff.extract.page_siblings import sibling_pages, template_similarity
from storydiff.records import RawItem

FIXTURES = Path(__file__).parent / "fixtures" / "extract"
PAGE_A = (FIXTURES / "page_a.txt").read_text(encoding="utf-8")
PAGE_B = (FIXTURES / "page_b.txt").read_text(encoding="utf-8")

OTHER_SITE = """Harbor Wire
News | Business | Opinion
Log in
Ferry service resumes after storm
The ferry between the two islands resumed on Sunday after three days of cancellations and delays.
Operators said the first crossing left at seven in the morning and was fully booked within an hour.
Advertisement
Harbor Wire is published by Harbor Media Group. Contact the newsroom.
"""


def _reprint(page: str) -> str:
    """The same article under another outlet's template."""
    body = [line for line in page.splitlines() if len(line.split()) >= 10]
    return "\n".join(["Meridian Daily", "Front page", "World news", *body, "Meridian Daily, all rights reserved"])


def test_pages_sharing_a_template_are_siblings_and_another_site_is_not():
    links = sibling_pages([PAGE_A, PAGE_B, OTHER_SITE])
    assert links == [[1], [0], []]


def test_a_copy_or_a_reprint_of_the_same_article_is_not_a_template_sibling():
    # The same page twice (pasted twice, or its URL fetched twice) shares every line: as a
    # "sibling" it would mark the article itself as template.
    assert sibling_pages([PAGE_A, PAGE_A]) == [[], []]
    jaccard, same_article = template_similarity([PAGE_A, _reprint(PAGE_A)])
    assert same_article[0, 1] > 0.9 and jaccard[0, 1] < 0.1


def test_known_outlets_link_pages_whose_templates_differ():
    assert sibling_pages([PAGE_A, OTHER_SITE], outlets=["x.example", "x.example"]) == [[1], [0]]
    assert sibling_pages([PAGE_A, OTHER_SITE], outlets=[None, None]) == [[], []]
    assert sibling_pages([]) == [] and sibling_pages([PAGE_A]) == [[]]


def test_junk_texts_are_nobody_s_siblings():
    assert sibling_pages(["", "\n\n", "x", PAGE_A]) == [[], [], [], []]


def test_a_batch_of_page_text_without_urls_learns_its_outlet_s_template():
    from storydiff.extract import extract_items

    items = [RawItem(source=f"page{i}.txt", kind="text", content=text)
             for i, text in enumerate([PAGE_A, PAGE_B, OTHER_SITE], 1)]
    a, b, c = list(extract_items(items))
    # Page B alone keeps "Bakery closes after forty years" (a teaser under "Most popular" reads like
    # a headline); beside page A, whose template shares it, it is template.
    assert "Bakery closes" not in b.text and "Valley Courier" not in b.text
    assert b.text.startswith("The weekly farmers market will move")
    assert "Ferry" not in a.text + b.text and c.text.startswith("The ferry between the two islands")


def test_few_pages_and_many_pages_count_shared_lines_alike(monkeypatch):
    """A few pages are counted by set intersections (no SciPy import), a batch by sparse products:
    both give the same shared counts for the same pages."""
    from storydiff.extract import page_siblings

    menu = "Home\nWorld\nSport\nNewsletter sign-up\n"
    texts = [
        menu + "The council voted on Tuesday to close the old bridge to heavy traffic for a year.\n",
        menu + "Rescuers searched the collapsed school through the night after the quake hit.\n",
        "Other site\nContact us\nThe council voted on Tuesday to close the old bridge to heavy traffic for a year.\n",
        "",
    ]
    few = page_siblings.template_similarity(texts)
    monkeypatch.setattr(page_siblings, "_FEW_PAGES", 0)
    many = page_siblings.template_similarity(texts)
    for a, b in zip(few, many):
        assert np.allclose(a, b)
    assert few[0][0, 1] > 0.5 and few[0][0, 2] == 0  # the menu is shared by pages 0 and 1 only
    assert few[1][0, 2] == 1.0  # page 2 carries page 0's one sentence
