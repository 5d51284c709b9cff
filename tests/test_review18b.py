"""Review 18b: claim spans on a paragraph of quotes that never close, and counts of none across
languages beside a "nobody" / "none" in the other text."""

import subprocess
import sys

from storydiff.compare.claims import claim_spans


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
