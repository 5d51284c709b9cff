"""page_chrome: captions signed with their credit and unrendered template markup in page text."""

from __future__ import annotations

import pytest

from storydiff.extract.page_chrome import chrome_kind
from storydiff.extract.pagetext import clean_page_text
from storydiff.settings import ExtractSettings


@pytest.mark.parametrize("line", [
    "Der Parteipräsident bei seiner Rede in Küssnacht am Rigi. Foto: Alexander Daleiden",
    "House of Commons being prepared for the State Opening (Picture: PA)",
    "Smoke billows after an artillery shell landed in the main town. Photo by Punit Paranjpe",
    "Chef Holland-Moritz berät sich mit einem Kontrolleur. Bildrechte: MDR/David Straub",
    "Samsung hat Probleme vor Gericht. (Bild: Tobias Költzsch/Golem.de)",
    "Legende: Drusenführer Laith al-Balaous vor einem Porträt seines Vaters.",
])
def test_captions_with_their_credit(line):
    assert chrome_kind(line) == "caption"


@pytest.mark.parametrize("line", [
    "{| existing_displayName |} - {| existing_provider |}",
    "{* #signInForm *} {* signInEmailAddress *} Passwort vergessen?",
])
def test_template_markup(line):
    assert chrome_kind(line) == "template"


@pytest.mark.parametrize("line", [
    "The minister said the photo: a fake, and the agency agreed it had been edited before it ran.",
    "Die Polizei zeigte ein Foto des Verdächtigen und bat die Bevölkerung um Hinweise.",
    "Prices rose by 3.2% in March (source: Eurostat), the highest rate in a year.",
    "A set {1, 2} is not a template, nor is a brace in prose { like this }.",
    "{% if person %} < h1 > Hello {{ person }}! </ h1 > {% endif %}",  # a documentation page's example
    "",
    "Foto: " + "sehr " * 60 + "lange Zeile",  # a paragraph, not a caption
])
def test_prose_is_no_chrome(line):
    assert chrome_kind(line) is None


def test_clean_page_text_drops_a_signed_caption_between_paragraphs():
    paragraphs = [
        "The regional council approved the new bus routes on Monday after a three-hour debate.",
        "Residents of the northern districts had asked for a direct line to the hospital for years.",
        "The first buses on the new routes will run from the beginning of next month, officials said.",
        "Fares stay the same, and the council will review the timetable after six months of service.",
    ]
    caption = "A bus at the central station on Monday. Foto: Jan Novak"
    text = "\n".join(["Home", "News", "Council approves new bus routes", *paragraphs[:2], caption, *paragraphs[2:],
                      "Contact us"])
    assert caption not in clean_page_text(text).text
    assert "three-hour debate" in clean_page_text(text).text
    kept_without = clean_page_text(text, settings=ExtractSettings(page_chrome_rules=False)).text
    assert caption in kept_without  # the line model alone keeps it: the rule is what drops it
