"""German page text as a desk pastes it (QA pass 21a): dpa's quote paragraph „…“, sagte X. „…“ is
body (04); a logo line written as the site's domain in lower case names the outlet (05); German
bylines ("Von A und B", "Eine Analyse von ...", "..., ARD-Studio Kiew") name the people and are
not the article's first line (10)."""

from __future__ import annotations

import pytest

from storydiff.extract import extract_item
from storydiff.extract.metadata import byline_names, outlet_from_text
from storydiff.records import RawItem

NAV = ["Zum Inhalt springen", "Startseite", "Inland", "Ausland", "Wirtschaft", "Wetter", "Sport"]
BODY = [
    "Bei einem russischen Drohnenangriff auf die Hafenstadt Cherson sind in der Nacht mindestens vier "
    "Menschen getötet worden, wie die Gebietsverwaltung am Morgen mitteilte.",
    "Nach Angaben der Luftwaffe setzte Russland 40 Drohnen ein, 31 davon seien abgefangen worden.",
    "Getroffen wurden ein Wohnhaus und ein Umspannwerk, mehrere Tausend Haushalte waren ohne Strom.",
    "„Der Feind greift wieder gezielt die Energieversorgung der Stadt an“, sagte Gouverneur Prokudin. "
    "„Die Reparaturen werden mindestens zwei Tage dauern.“",
    "„Wir brauchen mehr Flugabwehr für den Süden des Landes, und zwar noch vor dem Winter.“",
    "Die Bundesregierung kündigte weitere Hilfe für die Reparatur der Stromnetze im Süden der Ukraine an.",
]


def page(*, first: str = "zdfheute.de", byline: str | None = None) -> str:
    head = [first, *NAV, "Drohnenangriff auf Cherson: Mindestens vier Tote", "Stand: 05.12.2026 09:40 Uhr"]
    if byline:
        head.append(byline)
    return "\n".join([*head, *("\n" + p for p in BODY), "", "Mehr zum Thema", "Impressum · Datenschutz · © 2026"])


def extracted(text: str, name: str = "cherson.txt"):
    return extract_item(RawItem(source=name, kind="text", content=text))


def test_a_paragraph_that_opens_and_closes_with_german_quotes_is_kept():
    a = extracted(page())
    kept = a.text.splitlines()
    assert any(line.startswith("„Der Feind greift") for line in kept), a.text
    assert "„Wir brauchen mehr Flugabwehr für den Süden des Landes, und zwar noch vor dem Winter.“" in kept
    assert kept[0].startswith("Bei einem russischen") and "Mehr zum Thema" not in a.text


def test_a_lower_case_domain_logo_names_the_outlet():
    assert outlet_from_text(page()) == "zdfheute.de"
    assert outlet_from_text(page(first="n-tv.de")) == "n-tv.de"
    assert extracted(page()).outlet == "zdfheute.de"
    # a section name in lower case names nothing
    assert outlet_from_text(page(first="startseite")) is None


@pytest.mark.parametrize(("line", "people"), [
    ("Von Anna Müller, ARD-Studio Kiew", ["Anna Müller"]),
    ("Von Anna Müller und Jan Schmidt", ["Anna Müller", "Jan Schmidt"]),
    ("Von Anna Müller (Kiew) und Jan Schmidt (Moskau)", ["Anna Müller", "Jan Schmidt"]),
    ("Eine Analyse von Anna Müller, ARD-Studio Moskau", ["Anna Müller"]),
    ("Ein Kommentar von Jan Schmidt", ["Jan Schmidt"]),
    ("Von Anna Müller, z.Zt. Odessa", ["Anna Müller"]),
])
def test_german_bylines_name_their_people_and_are_no_body_line(line, people):
    a = extracted(page(byline=line))
    assert a.authors == people, line
    assert line not in a.text and a.text.splitlines()[0].startswith("Bei einem russischen"), a.text


def test_a_correspondents_studio_in_markup_is_no_author():
    assert byline_names("Anna Müller; ARD-Studio Kiew") == ["Anna Müller"]
    assert byline_names("ZDF-Studio Moskau") == ["ZDF-Studio Moskau"]  # alone: who signed the page
    assert byline_names("Jane Doe; TOI Lifestyle Desk") == ["Jane Doe", "TOI Lifestyle Desk"]


def test_a_sentence_that_opens_like_a_byline_stays_in_the_body():
    # review 21b, 2: "By ..." and "Von <Name> – ..." sentences are prose, wherever they stand
    sentences = ["By the time rescuers reached the building on Tuesday night, three people had died.",
                 "Von Wladimir Putin – so berichten es Diplomaten – war an diesem Tag nichts zu hören."]
    for first in sentences:
        text = page().replace(BODY[0], first + "\n\n" + BODY[0])
        assert first in extracted(text).text.splitlines(), first


@pytest.mark.parametrize("domain", ["wp.pl", "orf.at", "nzz.ch", "pravda.com.ua"])
def test_a_lower_case_domain_of_any_country_names_the_outlet(domain):
    assert outlet_from_text(page(first=domain)) == domain
