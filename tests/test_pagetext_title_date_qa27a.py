"""Pasted French and English pages (QA pass 27a, 06): the line "Publié le vendredi 4 décembre 2026 à
09h15" became the headline and its "09h15" was not read as a time (a bare day sorts first in a
story); a menu copied as one line ("Home  World  EU  Business  Opinion  Sign in") was taken for the
title over the real headline."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item, metadata
from storydiff.extract.pagetext import find_title
from storydiff.records import RawItem

BODY_FR = [
    "Bruxelles, 2 mars (AFP) - Les ministres de l'Agriculture des Vingt-Sept se sont accordés lundi soir sur "
    "une réforme des aides aux jeunes exploitants, après douze heures de discussions.",
    "La réforme doit encore être approuvée par le Parlement européen, qui se prononcera au printemps selon "
    "plusieurs diplomates interrogés à la sortie de la réunion.",
    "« C'est un bon compromis pour nos campagnes », a déclaré la ministre irlandaise à la presse.",
]
BODY_EN = [
    "Agriculture ministers from the 27 member states agreed late on Monday on a reform of aid to young "
    "farmers after twelve hours of talks in Brussels, diplomats said.",
    "The reform still needs the approval of the European Parliament, which is expected to vote in the "
    "spring, according to several officials who attended the meeting.",
    "\"It is a good compromise for the countryside,\" the Irish minister told reporters after the talks.",
]


def _french_page(date_line: str) -> str:
    return "\n".join(["Le Quotidien des Flandres", "Accueil  Belgique  Europe  Économie  Se connecter",
                      "Agriculture : les Vingt-Sept s'accordent sur les aides aux jeunes exploitants",
                      date_line, "Par Sophie Martin", *BODY_FR, "© Le Quotidien des Flandres 2026"])


@pytest.mark.parametrize("line, expected", [
    ("Publié le lundi 2 mars 2026 à 21h40", True),
    ("Publié le 2 mars 2026 à 9h05", True),
    ("Mis à jour le mardi 3 mars 2026 à 08h00", True),
    ("Le conseil s'est réuni le 2 mars 2026 à Bruxelles", False),
])
def test_french_date_line(line, expected):
    assert metadata.is_date_line(line) is expected


@pytest.mark.parametrize("date_line, expected", [
    ("Publié le lundi 2 mars 2026 à 21h40", "2026-03-02T21:40:00"),
    ("Publié le 2 mars 2026 à 9h05", "2026-03-02T09:05:00"),
    ("Publié le lundi 2 mars 2026", "2026-03-02"),
])
def test_french_page_gets_its_headline_and_time(date_line, expected):
    article = extract_item(RawItem(source="quotidien.txt", kind="text", content=_french_page(date_line)))
    assert article.title == "Agriculture : les Vingt-Sept s'accordent sur les aides aux jeunes exploitants"
    assert article.published == expected


def test_english_menu_line_is_no_title():
    page = "\n".join(["Continental Desk", "Home  World  EU  Business  Opinion  Sign in",
                      "EU ministers agree reform of aid to young farmers after twelve hours of talks",
                      "By Anna Berg", "2 March 2026, 21:40", *BODY_EN])
    article = extract_item(RawItem(source="desk.txt", kind="text", content=page))
    assert article.title == "EU ministers agree reform of aid to young farmers after twelve hours of talks"


@pytest.mark.parametrize("line, expected", [
    ("Home  World  EU  Business  Opinion  Sign in", True),
    ("Accueil\tBelgique\tEurope\tÉconomie", True),
    ("News | Sport | Weather | Sign in", True),
    # a headline, even with a doubled blank inside, is one phrase
    ("EU ministers agree  reform of aid to young farmers", False),
    ("Ukraine : l'UE débloque 90 milliards d'euros", False),
])
def test_menu_line(line, expected):
    assert metadata.is_menu_line(line) is expected


def test_menu_line_is_not_taken_over_the_headline():
    lines = ["Home  World  EU  Business  Opinion  Sign in",
             "EU ministers agree on reform of aid to young farmers after twelve hours of talks in Brussels",
             "By Anna Berg", *BODY_EN]
    kept = [False, False, False, True, True, True]
    assert find_title(lines, kept) == lines[1]
