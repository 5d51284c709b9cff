"""QA pass 24a, 09: Deutsche Welle signs its news with the editors' initials and the agencies in
brackets ("lh/jj (dpa, Reuters)", "ab/se (dpa, afp, rtr)"); German and Russian copy names RIA
Novosti and Mediazona its own way; "das (unabhängige) Portal X" cites X. Each was no origin, so a
DW report built on Reuters' counted as an independent source beside it."""

from __future__ import annotations

import pytest

from storydiff.analyze.origins import find_origins
from storydiff.extract.line_rules import SOURCE_LINE

BODY = "Bei dem Angriff auf das Kraftwerk wurden zwei Mitarbeiter verletzt, teilte die Gebietsverwaltung mit."


@pytest.mark.parametrize("credit, names", [
    ("lh/jj (dpa, Reuters)", ["Deutsche Presse-Agentur", "Reuters"]),
    ("ab/se (dpa, afp, rtr)", ["Deutsche Presse-Agentur", "Agence France-Presse", "Reuters"]),
    ("pj/se (Mediazona, afp)", ["Mediazona", "Agence France-Presse"]),
])
def test_deutsche_welles_credit_line_names_its_agencies(credit, names):
    assert SOURCE_LINE.fullmatch(credit)
    assert [o.name for o in find_origins(f"{BODY}\n{credit}", outlet="Deutsche Welle")] == names


@pytest.mark.parametrize("line", ["ab/cd (Ein Satz ohne Agentur)", "und/oder (siehe oben)", "Er/sie (dpa) kam",
                                  # an agency's letters inside a word (review 24b L3)
                                  "ab/se (Snap)", "lh/jj (Kap Hoorn)"])
def test_initials_before_brackets_without_an_agency_are_no_credit(line):
    assert not SOURCE_LINE.fullmatch(line)


@pytest.mark.parametrize("text, name", [
    ("Das meldete die staatliche Nachrichtenagentur Ria Nowosti am Sonntag.", "RIA Novosti"),
    ("Laut RIA Nowosti wurden 150 Soldaten übergeben.", "RIA Novosti"),
    ("Das berichtete das unabhängige Portal Meduza.", "Meduza"),
    ("Das berichtete das Portal Meduza.", "Meduza"),
    ("Er muss zahlen, wie das unabhängige Portal Mediazona berichtete.", "Mediazona"),
    ("Об этом сообщает «Медиазона».", "Mediazona"),
    ("По данным «Медиазоны», суд назначил штраф.", "Mediazona"),
])
def test_german_and_russian_names_of_the_persona_s_sources(text, name):
    assert [o.name for o in find_origins(text)] == [name]


def test_rtr_is_read_in_a_credit_only_never_in_running_text():
    assert find_origins("Die rtr-Meldung kam am Abend, sagte der Sprecher.") == []
