"""Outlet names with an elided article, from pasted page text (QA pass 27a, 07): "© Courrier de
l'Europe 2026" was read "Courrier de l" (with ’ too), "Le Journal d'Ici" "Le Journal d"; a page whose
first line "L'Écho de Bruxelles" stands over its menu copied as one line, and which signs nothing
else, was credited to the agency of its dateline ("AFP")."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.metadata import outlet_from_text
from storydiff.records import RawItem

BODY = [
    "Bruxelles, 2 mars (AFP) - Les ministres de l'Agriculture des Vingt-Sept se sont accordés lundi soir sur "
    "une réforme des aides aux jeunes exploitants, après douze heures de discussions.",
    "La réforme doit encore être approuvée par le Parlement européen, qui se prononcera au printemps selon "
    "plusieurs diplomates interrogés à la sortie de la réunion.",
]


def _page(first: str, foot: str | None) -> str:
    lines = [first, "Accueil  Monde  Europe  Économie  S'abonner",
             "Agriculture : les Vingt-Sept s'accordent sur les aides aux jeunes exploitants",
             "Par Sophie Martin", *BODY]
    return "\n".join(lines + ([foot] if foot else []))


@pytest.mark.parametrize("name", ["Courrier de l'Europe", "Courrier de l’Europe", "Le Journal d'Ici",
                                  "L'Écho de Bruxelles", "L’Écho de Bruxelles"])
def test_copyright_holder_keeps_its_apostrophe(name):
    assert outlet_from_text(_page(name, f"© {name} 2026")) == name


@pytest.mark.parametrize("foot", ["© 2026 Agence Dupont's", "© 2026 Agence Dupont’s"])
def test_a_possessive_is_no_part_of_the_name(foot):
    assert outlet_from_text("\n".join(["Les dernières nouvelles", *BODY, foot])) == "Agence Dupont"


def test_logo_over_a_one_line_menu_is_the_outlet_not_the_dateline_agency():
    article = extract_item(RawItem(source="echo.txt", kind="text", content=_page("L'Écho de Bruxelles", None)))
    assert article.outlet == "L'Écho de Bruxelles"
