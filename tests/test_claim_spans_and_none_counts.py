"""Review 18b: claim spans on a paragraph of quotes that never close, and counts of none across
languages beside a "nobody" / "none" in the other text."""

import subprocess
import sys

from storydiff.compare.claims import claim_spans
from storydiff.compare.translation import none_counts, translated_changes


def test_claim_spans_of_a_megabyte_of_unclosed_quotes_finish():
    # rescanning the merged span per sentence took over 20 s on this paragraph
    script = (
        "from storydiff.compare.claims import claim_spans\n"
        "for mark in ('\\u201e', '\\u201c'):\n"
        "    text = mark + 'Satz eins ist hier. '\n"
        "    text = text * 50_000\n"
        "    spans = claim_spans(text)\n"
        "    assert spans == [(0, len(text) - 1)], spans[:3]\n"
    )
    subprocess.run([sys.executable, "-c", script], check=True, timeout=30)


def test_claim_spans_carry_an_open_quote_across_sentences():
    text = "„Wir bleiben. Wir kämpfen“, sagte er. Dann ging er. „Niemals. \"Nie. Er lachte."
    spans = [text[a:b] for a, b in claim_spans(text)]
    assert spans == ["„Wir bleiben. Wir kämpfen“, sagte er.", "Dann ging er.", "„Niemals. \"Nie. Er lachte."]


def test_a_count_of_none_is_no_figure_against_a_nobody_in_the_other_text():
    ru = "Ни одного человека не пострадало, задержаны 3 человека."
    en = "Nobody was hurt; 3 people were detained."
    assert translated_changes(en, ru, "en", "ru") == []
    assert translated_changes(ru, en, "ru", "en") == []
    pl = "Żadna osoba nie zginęła, rannych zostało 5 osób."
    en = "Five people were injured and none were killed."
    assert translated_changes(en, pl, "en", "pl") == []
    assert translated_changes(pl, en, "pl", "en") == []
    # against a text that denies nothing, none of them is still a figure changed
    assert translated_changes("Three people were hurt.", "Ни одного человека не пострадало.", "en", "ru") == ["numbers"]


def test_no_before_a_possessive_counts_nothing():
    assert none_counts("There is no people's militia in the town; 200 people fled.", "en") == ()
    assert [q.value for q in none_counts("There were no people in the town.", "en")] == [0]
    assert none_counts("No fewer than 12 people died in the fire.", "en") == ()
