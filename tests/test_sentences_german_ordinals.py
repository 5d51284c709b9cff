"""German ordinals ("der 71. Austausch", "zum 4. Mal") do not end a sentence (QA pass 24a, 08).

German writes an ordinal as a figure and a period, and every noun with a capital, so "number,
period, capital" is no sentence end after an article, a possessive or a preposition fused with an
article; a word that opens German sentences after it ("… waren es 71. Die Behörden …") still ends one.
"""

from __future__ import annotations

import pytest

from storydiff.analyze.sentences import sentences


@pytest.mark.parametrize(
    "text",
    [
        "Es war bereits der 71. Austausch seit Beginn der russischen Invasion im Februar 2022.",
        "Die EU hat das 22. Sanktionspaket gegen Russland beschlossen.",
        "Das Kraftwerk wurde zum 4. Mal seit Herbstbeginn angegriffen.",
        "Der Prozess begann vor dem 2. Westlichen Militärbezirksgericht in Rostow.",
        "Jarrad Branthwaite erzielte in der 27. Minute die Führung für Everton.",
        "Beim 50. Berlin-Marathon überrascht die zweite Reihe mit cleverer Taktik.",
        "Sie feierte ihren 100. Geburtstag in Kiew.",
        "Zunächst brannte ein Technikraum im 1. Obergeschoss des Fabrikgebäudes.",
    ],
)
def test_ordinal_before_a_noun_goes_on(text):
    follow = "Das teilte Kiew am Freitag mit."
    assert sentences(f"{text} {follow}") == [text, follow]


@pytest.mark.parametrize(
    "text",
    [
        "Insgesamt waren es 71. Die Behörden bestätigten die Zahl.",
        "Er belegte den 3. Das war sein bestes Ergebnis.",
        "Die Zahl der Toten stieg auf 12. Rettungskräfte suchen weiter.",
        "He was ranked No. 3 and told the 3. Police were called.",
    ],
)
def test_figure_at_a_sentence_end_still_ends_it(text):
    assert len(sentences(text)) == 2


def test_dates_unchanged():
    text = "Der Prozess begann am 3. November vor dem 2. Westlichen Militärbezirksgericht. Es tritt am 15. Januar in Kraft."
    assert sentences(text) == ["Der Prozess begann am 3. November vor dem 2. Westlichen Militärbezirksgericht.",
                               "Es tritt am 15. Januar in Kraft."]
