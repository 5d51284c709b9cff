"""German, Polish, Ukrainian and Russian abbreviations and ordinal days do not end a sentence
(QA pass 16: "Straty oszacowano na ok." / "3 mld zł." were two facts, "am 12." lost its month);
a scale or unit word ("proc.", "tys.", "грн.", "Mio.") still ends one before a capital that is no
currency or unit (review of round 16: "wyniosła 5 proc. Bank centralny …" was one sentence)."""

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
    "Ewakuowano 100 tys. mieszkańców i 2,5 mln. Złotych przekazano na pomoc.",
    "Pacjentów przewieziono do Szpitala im. Jana Pawła II, a prof. Nowak ich zbadał.",
    "Rodziny ofiar otrzymają po 100 tys. zł 12. listopada.",
    "Збитки оцінили у 3 млн. Гривень, тобто 80 тис. Доларів, за ст. 115 КК.",
    "Міст збудували у 1974 р. на вул. Хрещатик, де не було руху.",
    "Ущерб оценили в 2 млн. Рублей, или 25 тыс. Долларов.",
    # (b) a scale or unit word's period goes on before a figure, a currency or a unit
    "Deficyt wyniósł 5 proc. PKB w 2024 r. i 4 proc. PKB w 2025 r.",
    "Die Stadt zahlt 4 Mio. Euro und 2 Mrd. US-Dollar.",
    "Rund 3 Mio. Menschen sind betroffen, 2 Mrd. Kubikmeter Wasser und 5 Tsd. Häuser.",
    "Збитки сягнули 80 тис. Гривень.",
    "Штраф становить 1700 грн. 50 коп. за кожен день.",
    "Ремонт коштував 3 млрд. Рублів, за словами мера.",
    "Przetarg wygrała firma za 8 tys. PLN brutto.",
    "W Polsce mieszka ok. 1 mln. Ukraińców i 300 tys. Białorusinów.",
    "Die Feier beginnt am Montag, 12. Mai um 10 Uhr.",
    "Der Vertrag lief vom 12. bis 14. Mai 2025.",
    "Das Spiel endete am 12. Mai 2025 mit einem Sieg.",
    "The road closes at 5 p.m. Monday and reopens at 6 a.m. ET on Tuesday.",
    "Rait was returned to Mt. Cook Village, where he was pronounced dead.",
    "Williams, 32, was arrested around 1:30 a.m. Feb. 1 on state Route 94 on suspicion of drunken driving.",
    "The polls close at 8 p.m. November 5 in every state.",
    "The climbers left Aoraki/Mt. Cook National Park and Mts. Tasman and Dampier behind.",
    "Uczniowie szkoły im. Marii Konopnickiej pojechali na wycieczkę.",
    "Trafił do Liceum Ogólnokształcącego im. Bolesława Prusa w Warszawie.",
    "Студенти університету ім. Шевченка вийшли на акцію.",
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
    # review of round 16: a scale or unit word, "ok." or a pronoun ends a sentence before a capital
    ("Inflacja w październiku wyniosła 5 proc. Bank centralny nie zmienił stóp.", 2),
    ("Średnia pensja to 8 tys. Większość pracowników zarabia mniej.", 2),
    ("Straty sięgnęły 3 mln. Prokuratura wszczęła śledztwo.", 2),
    ("Budżet to 2 mld. Rząd go przyjął.", 2),
    ("Spotkanie trwało do godz. Potem wszyscy wyszli.", 2),
    ("Rząd przyjął ustawę w 2020 r. Policja zatrzymała 3 osoby.", 2),
    ("Порушника оштрафували на 1700 грн. Поліція відкрила провадження.", 2),
    ("Снігу випало до 20 см. Синоптики прогнозують похолодання.", 2),
    ("Будинок збудували у XIX ст. Тепер тут музей.", 2),
    ("Збитки оцінили у 80 тис. Поліція відкрила провадження.", 2),
    ("Міст збудували у 1974 р. За словами мешканців, руху не було.", 2),
    ("Билет стоит 500 руб. Продажи начнутся в понедельник.", 2),
    ("Ущерб оценили в 3 млрд. Следствие продолжается.", 2),
    ("Потери составили 2 млн. Компания это отрицает.", 2),
    ("Дом построили в 1905 г. Сейчас здесь музей.", 2),
    ("Волонтёры помогают им. Они ждут эвакуации.", 2),
    ("Pomagamy im. Oni czekają na ewakuację.", 2),
    ("Der Schaden liegt bei rund 4 Mio. Die Polizei ermittelt.", 2),
    ("Die Kosten stiegen auf 3 Mrd. Der Bund zahlt.", 2),
    ("Betroffen sind 12 Tsd. Im Norden ist es ruhig.", 2),
    ("Everything will be ok. She said that twice.", 2),
    ("The road was closed at 5 p.m. Police said it would reopen on Monday.", 2),
    # an ordinal day only after a word that comes before a date, or before its month and year
    ("Das Spiel endete mit Platz 12. Mai war der beste Monat.", 2),
    ("The number of attacks rose to 12. August was the worst month of the year.", 2),
    # a capital past À-Þ starts a sentence: Polish Ł Ś Ż Ź Ć, Czech Č Š Ř, Greek, Cyrillic
    ("Policja zatrzymała 3 osoby, m.in. kierowcę. Śledztwo trwa.", 2),
    ("Wypadek był groźny. Łódź ogłosiła żałobę. Żołnierze pomagali. Źródła milczą. Ćwiczenia odwołano.", 5),
    ("Most se zřítil. Čeští hasiči zasahují. Škoda je velká. Řeka stoupá.", 4),
    ("Η γέφυρα κατέρρευσε. Ωστόσο κανείς δεν τραυματίστηκε.", 2),
    ("Міст упав. Ґрунт просів. Їхати не можна. Євген це бачив.", 4),
])
def test_sentences_still_end_where_they_end(text, expected):
    assert len(sentences(text)) == expected


def test_a_revisions_changed_figure_is_shown_in_its_whole_sentence():
    text = "Der Schaden wird auf ca. 4 Mrd. Złoty geschätzt. Die Polizei ermittelt."
    assert _sentence_with(text, "4 Mrd", "de") == "Der Schaden wird auf ca. 4 Mrd. Złoty geschätzt."


@pytest.mark.parametrize(("text", "n"), [
    ("Polling stations closed at 8 p.m. December turnout was the lowest in years.", 2),
    ("The curfew ends at 5 a.m. August brings longer nights.", 2),
    ("The launch is set for 7 p.m. MT. Tickets are sold out.", 2),
    ("He was arrested around 1:30 a.m. Feb. 1 on state Route 94.", 1),
    ("They climbed Mt. Everest in May.", 1),
])
def test_a_month_after_a_clock_goes_on_only_with_its_day(text, n):
    """Review 22d, r3: any month after "a.m."/"p.m." and "MT." after a clock glued two sentences."""
    assert len(sentences(text)) == n
