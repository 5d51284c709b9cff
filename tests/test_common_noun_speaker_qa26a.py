"""A word the text capitalises only where a sentence begins is a common noun, no speaker: in a
Romanian report (read by the English parse) "Presa rusă de stat a scris despre "zeci de mii" de
protestatari." gave the quoted phrase to a speaker "Presa" ("the press"; QA pass 26a)."""

from storydiff.analyze.quotes import _capitalised_as_a_sentence_start, find_quotes

AGORA = ('Aproximativ 4.000 de oameni s-au adunat joi în fața clădirii Guvernului de la Chișinău.\n'
         'Presa rusă de stat a scris despre "zeci de mii" de protestatari.\n')


def test_a_capitalised_common_noun_gets_no_quote():
    (quote,) = find_quotes(AGORA, language="ro")
    assert quote.text == "zeci de mii" and quote.speaker is None


def test_a_name_is_capitalised_wherever_it_stands():
    assert _capitalised_as_a_sentence_start("Presa a scris ceva.\nPresa a tăcut apoi.", "Presa")
    assert not _capitalised_as_a_sentence_start("Ceban a spus ceva. Apoi Ceban a plecat.", "Ceban")
    assert not _capitalised_as_a_sentence_start("Vasile Ceban a spus ceva.", "Vasile Ceban")
