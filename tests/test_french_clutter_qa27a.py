"""French page clutter (QA pass 27a, 09): the share buttons "Partager  Tweeter  Envoyer par e-mail"
were kept as body text (the English "Share this article" is dropped), and an HTML body's first line
"Par Claire Dumont, avec AFP" became a fact of the story while `authors` stayed empty."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.metadata import leading_byline
from storydiff.records import RawItem

PARAS = [
    "Bruxelles (AFP) - Les ministres de l'Agriculture des Vingt-Sept se sont accordés lundi soir sur une "
    "réforme des aides aux jeunes exploitants, après douze heures de discussions dans la capitale belge.",
    "La réforme doit encore être approuvée par le Parlement européen, qui se prononcera au printemps selon "
    "plusieurs diplomates interrogés à la sortie de la réunion des ministres.",
    "« C'est un bon compromis pour nos campagnes », a déclaré la ministre irlandaise à la presse, en "
    "saluant le travail de la présidence.",
]


@pytest.mark.parametrize("line", ["Partager  Tweeter  Envoyer par e-mail", "Partager sur Facebook · Partager sur X",
                                  "Partagez cet article", "Partager"])
def test_french_share_buttons_are_clutter(line):
    assert boilerplate_kind(line) == "promo"


@pytest.mark.parametrize("line", ["Partager les risques avec la Belgique est la seule voie, a-t-il dit.",
                                  "Partager le fardeau de la dette commune"])
def test_a_sentence_about_sharing_is_not(line):
    assert boilerplate_kind(line) is None


def test_pasted_page_drops_the_share_line():
    page = "\n".join(["Agriculture : accord sur les aides aux jeunes exploitants", "Par Sophie Martin", *PARAS,
                      "Partager  Tweeter  Envoyer par e-mail"])
    article = extract_item(RawItem(source="p.txt", kind="text", content=page))
    assert "Tweeter" not in article.text and "a déclaré la ministre irlandaise" in article.text


@pytest.mark.parametrize("line, names", [
    ("Par Sophie Martin, avec AFP", ["Sophie Martin"]),
    ("Par Sophie Martin, avec l'AFP", ["Sophie Martin"]),
    ("Von Anna Ott, mit dpa", ["Anna Ott"]),
    ("By Reuters", []),  # an agency: no person, the line is left where it is
])
def test_leading_byline(line, names):
    text, people = leading_byline("\n".join([line, *PARAS]))
    assert people == names
    assert (line in text) is (not names)


def test_html_body_byline_is_the_author_not_a_paragraph():
    html = ("<html lang='fr'><head><meta charset='utf-8'><title>Accord sur les aides agricoles</title>"
            "<meta property='og:site_name' content='La Voix des Marais'></head><body><article>"
            "<h1>Accord sur les aides aux jeunes exploitants</h1>"
            "<p class='signature'>Par Sophie Martin, avec AFP</p>"
            + "".join(f"<p>{p}</p>" for p in PARAS) + "</article></body></html>")
    article = extract_item(RawItem(source="voix.html", kind="html", content=html,
                                   url="https://voix-marais.example/2026/03/02/aides"))
    assert article.authors == ["Sophie Martin"]
    assert "Par Sophie Martin" not in article.text
