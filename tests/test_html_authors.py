"""Bylines of HTML pages: who the markup says signed the page, on both extraction paths."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from trafilatura import metadata as tm

from storydiff.extract.html import extract_html, page_info, parse_html
from storydiff.extract.html_authors import byline_from_dom
from storydiff.extract.metadata import byline_names, split_authors

ARTICLE = (Path(__file__).parent / "fixtures" / "extract" / "article.html").read_text(encoding="utf-8")
NO_AUTHOR_TAG = ARTICLE.replace('<meta name="author" content="Maria Jensen">\n', "")


def _with_jsonld(page: str, authors: list[dict]) -> str:
    ld = json.dumps({"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Harbour bridge reopens",
                     "author": authors})
    return page.replace("</head>", f'<script type="application/ld+json">{ld}</script>\n</head>')


@pytest.mark.parametrize("fast", [False, True])
def test_a_desk_and_an_agency_are_bylines(fast):
    # split_authors dropped both (not people); the page declares them as its authors
    page = _with_jsonld(NO_AUTHOR_TAG, [{"@type": "Person", "name": "Maria Jensen"},
                                        {"@type": "Person", "name": "Lifestyle Desk"}, {"name": "AP"}])
    assert extract_html(page, fast=fast).authors == ["Maria Jensen", "Lifestyle Desk", "AP"]


@pytest.mark.parametrize("fast", [False, True])
def test_names_in_scripts_without_capitals_are_kept(fast):
    page = _with_jsonld(NO_AUTHOR_TAG, [{"@type": "Person", "name": "牛镛"}, {"@type": "Person", "name": "岳弘彬"}])
    assert extract_html(page, fast=fast).authors == ["牛镛", "岳弘彬"]


def test_fast_path_reads_the_byline_element():
    # no author tag: the fast path read tags only and found nobody; the byline element names her
    assert extract_html(NO_AUTHOR_TAG, fast=True).authors == ["Maria Jensen"]
    assert extract_html(NO_AUTHOR_TAG).authors == ["Maria Jensen"]


def test_a_forum_user_name_is_a_byline():
    page = NO_AUTHOR_TAG.replace('<p class="byline">By Maria Jensen</p>', '<span class="username">jldugger</span>')
    assert [a.lower() for a in extract_html(page).authors] == ["jldugger"]  # trafilatura capitalises it


def test_byline_names_drops_what_names_nobody():
    assert byline_names("Dylan Bailey; MS; RD; Ph.D.") == ["Dylan Bailey"]  # post-nominals cut off by commas
    assert byline_names("Author Isaiah Shelton") == ["Isaiah Shelton"]
    assert byline_names("This post was written by Danielle Padula") == ["Danielle Padula"]
    assert byline_names("Jordana Cepelewicz December") == ["Jordana Cepelewicz"]  # a date glued to the name
    assert byline_names("Theresa May") == ["Theresa May"]  # a month that is a surname stays
    assert byline_names("Name") == byline_names("Undefined") == byline_names("Sign In") == []
    assert byline_names("newsroom@example.com; https://example.com/staff") == []
    assert byline_names("Jane Doe; jane doe; AP") == ["Jane Doe", "AP"]
    assert byline_names("About authentication; Authorization") == byline_names("Reset-Author") == []
    assert byline_names("The Pennsylvania State University ©") == ["The Pennsylvania State University"]
    assert byline_names(None) == byline_names("") == []


def test_a_label_that_is_also_a_name_is_cut_only_before_a_full_name():
    # "Par" (French "by") is also Pär written without its accent; "Von" begins German surnames
    assert byline_names("Par Lagerkvist") == ["Par Lagerkvist"]
    assert byline_names("Von Müller") == ["Von Müller"]
    assert byline_names("Par Jean Dupont") == ["Jean Dupont"]
    assert byline_names("Von Max Müller; Por María López") == ["Max Müller", "María López"]
    assert byline_names("Par: Lagerkvist") == ["Lagerkvist"]  # a colon makes it a label
    assert byline_names("By Jones") == ["Jones"]  # an English label is never a name
    assert byline_names("via scvalex") == ["scvalex"]  # a forum's "submitted via" label
    assert byline_names("Capital Von Jemima Kelly") == ["Capital Von Jemima Kelly"]  # a label begins the field


def test_a_stamp_after_the_name_is_cut():
    assert byline_names("Cazzy Magennis Last Updated August 1") == ["Cazzy Magennis"]
    assert byline_names("CM Craig McCarthy Last updated") == ["CM Craig McCarthy"]
    assert byline_names("Supermove February 8") == ["Supermove"]
    assert byline_names("Updated March") == byline_names("Updated") == byline_names("On December 9") == []
    assert byline_names("Theresa May; Ellen March") == ["Theresa May", "Ellen March"]  # no day: surnames


def test_labels_of_the_other_languages_are_cut():
    # QA pass 23b, 06: trafilatura hands "Автор: Олена Коваль" over as "Автор Олена Коваль"
    assert byline_names("Автор Олена Коваль") == ["Олена Коваль"]
    assert byline_names("Автор: Елена Коваль") == ["Елена Коваль"]
    assert byline_names("Автор матеріалу Олена Коваль") == ["Олена Коваль"]
    assert byline_names("Текст Олена Коваль") == ["Олена Коваль"]
    assert byline_names("Автори Олена Коваль; Ігор Бондар") == ["Олена Коваль", "Ігор Бондар"]
    assert byline_names("Autorka Anna Nowak") == byline_names("Tekst: Anna Nowak") == ["Anna Nowak"]
    assert byline_names("Автор — Олена Коваль") == ["Олена Коваль"]
    assert byline_names("Олена Коваль") == ["Олена Коваль"]


@pytest.mark.parametrize("fast", [False, True])
@pytest.mark.parametrize("byline, names", [
    ("Автор: Олена Коваль", ["Олена Коваль"]), ("Автор — Олена Коваль", ["Олена Коваль"]),
    ("Автор матеріалу: Олена Коваль", ["Олена Коваль"]), ("Текст: Олена Коваль", ["Олена Коваль"]),
    ("Автори: Олена Коваль, Ігор Бондар", ["Олена Коваль", "Ігор Бондар"]), ("Автор: Елена Коваль", ["Елена Коваль"]),
    ("Autor: Jan Kowalski", ["Jan Kowalski"]), ("Tekst – Jan Kowalski", ["Jan Kowalski"]),
])
def test_a_byline_element_with_a_label_names_its_people(byline, names, fast):
    page = NO_AUTHOR_TAG.replace('<p class="byline">By Maria Jensen</p>', f'<p class="byline">{byline}</p>')
    assert extract_html(page, fast=fast).authors == names


def test_page_text_bylines_still_keep_people_only():
    # free text is not a declared author field: there an organisation is usually not a byline
    assert split_authors("By Jane Doe; Reuters Staff, John Smith and Associated Press") == ["Jane Doe", "John Smith"]


BYLINE_PAGES = [
    ARTICLE,
    NO_AUTHOR_TAG,
    # the byline's date and a comment's author are pruned, as trafilatura prunes them
    NO_AUTHOR_TAG.replace('<p class="byline">By Maria Jensen</p>',
                          '<div class="comments"><span class="author">Troll 42</span></div>'
                          '<p class="byline">By <time>May 4, 2023</time>Maria Jensen<figure>x</figure>, staff</p>'),
    NO_AUTHOR_TAG.replace('<p class="byline">By Maria Jensen</p>', '<address>Ole Berg</address>'),
    NO_AUTHOR_TAG.replace('<p class="byline">By Maria Jensen</p>', '<div id="article-author">Kari <b>Nord</b></div>'),
    NO_AUTHOR_TAG.replace('<p class="byline">By Maria Jensen</p>', ""),
]


@pytest.mark.parametrize("page", BYLINE_PAGES)
def test_byline_from_dom_finds_what_trafilatura_finds(page):
    tree = parse_html(page)
    assert byline_from_dom(tree) == tm.extract_author(parse_html(page))


def test_page_info_reads_trafilaturas_author():
    for page in BYLINE_PAGES:
        assert page_info(parse_html(page), None).author == tm.extract_metadata(page).author


def test_a_photo_credit_is_no_author_and_a_polish_text_and_photos_label_is_cut_whole():
    # review 23b, F2: half a label was kept ("фото Олена Коваль", "i zdjęcia Jan Kowalski")
    from storydiff.extract.metadata import byline_names

    assert byline_names("Автор фото: Олена Коваль") == []
    assert byline_names("Олена Коваль; Автор фото Іван Петренко") == ["Олена Коваль"]
    assert byline_names("Tekst i zdjęcia: Jan Kowalski") == ["Jan Kowalski"]
    assert byline_names("Fotis Papadopoulos") == ["Fotis Papadopoulos"]
