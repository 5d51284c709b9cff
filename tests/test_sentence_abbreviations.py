"""German, Polish, Ukrainian and Russian abbreviations and ordinal days do not end a sentence
(QA pass 16: "Straty oszacowano na ok." / "3 mld zł." were two facts, "am 12." lost its month)."""

from __future__ import annotations

import pytest

from storydiff.analyze.sentences import sentences
from storydiff.compare.claims import claim_spans
from storydiff.compare.revisions import _sentence_with

WHOLE = [
    "Die Brücke war zuletzt am 12. November 2025 geprüft worden.",
    "Der Prozess beginnt den 18. Dezember in Köln.",
    "Der Schaden wird auf ca. 4 Mrd. Złoty geschätzt.",
    "Die Stadt zahlt 3 Mio. Euro bzw. 12 Tsd. Euro pro Haus.",
    "Betroffen sind z.B. Haus Nr. 7 und u.a. die St. Marien Kirche.",
    "Dr. Anna Weber und Prof. Jan Nowak waren im 19. Jahrhundert geboren.",
    "Straty oszacowano na ok. 3 mld zł.",
    "Do wypadku doszło ok. godz. 7.45 na ul. Mostowej.",
    "Deficyt ma wynieść 3,2 proc. PKB, a wydatki 4,7 proc. PKB.",
    "Ewakuowano 100 tys. Mieszkańców i 2,5 mln. Złotych przekazano na pomoc.",
    "Pacjentów przewieziono do Szpitala im. Jana Pawła II, a prof. Nowak ich zbadał.",
    "Rodziny ofiar otrzymają po 100 tys. zł 12. listopada.",
    "Збитки оцінили у 3 млн. Гривень, тобто 80 тис. Доларів, за ст. 115 КК.",
    "Міст збудували у 1974 р. За словами мешканців, на вул. Хрещатик не було руху.",
    "Ущерб оценили в 2 млн. Рублей, или 25 тыс. Долларов.",
]


@pytest.mark.parametrize("text", WHOLE)
def test_abbreviations_and_ordinal_days_keep_the_sentence_whole(text):
    assert sentences(text) == [text]
    assert claim_spans(text) == [(0, len(text))]


@pytest.mark.parametrize("text, expected", [
    # a sentence still ends after a number, or "OK", when no month follows
    ("Die Zahl der Toten stieg auf 12. Danach kam die Polizei.", 2),
    ("It is OK. They left at noon.", 2),
    ("The toll rose to 12. Mark Smith, 12. Main Street, said so.", 3),  # a month's name, not a word starting as one
    ("Zginęło 12 osób, rannych 12. Jan Kowalski przeżył.", 2),
    ("Die Brücke stürzte ein. Am 12. November war sie geprüft worden.", 2),
    ("Straty wyniosły ok. 3 mld zł. Prokuratura wszczęła śledztwo.", 2),
    ("Ущерб оценили в 2 млн рублей. Полиция начала расследование.", 2),
])
def test_sentences_still_end_where_they_end(text, expected):
    assert len(sentences(text)) == expected


def test_a_revisions_changed_figure_is_shown_in_its_whole_sentence():
    text = "Der Schaden wird auf ca. 4 Mrd. Złoty geschätzt. Die Polizei ermittelt."
    assert _sentence_with(text, "4 Mrd", "de") == "Der Schaden wird auf ca. 4 Mrd. Złoty geschätzt."
