"""One contract, checked for every text-taking stage function (as scikit-learn checks every
estimator): on empty, whitespace, binary-looking, hostile, huge and mis-encoded text each one
returns its documented type or raises ValueError with a message; nothing else escapes, and a
function that returns offsets returns offsets that lie inside the text."""

from __future__ import annotations

import pytest

from storydiff.analyze.origins import find_origins, wire_services
from storydiff.analyze.quotes import find_quotes
from storydiff.analyze.sentences import sentence_spans
from storydiff.compare.claims import claim_spans
from storydiff.compare.quotes import quote_fidelity, word_diff
from storydiff.extract.html import extract_html
from storydiff.extract.metadata import dateline, language, outlet_from_text
from storydiff.extract.pagetext import clean_page_text
from storydiff.match import MatchDoc, near_duplicate_score, similarity

HOSTILE = {
    "empty": "",
    "spaces": " \n\t \n",
    "binaryish": "\x00\x01\x02\ufffd\ufffd" * 200,
    "script": '<script>alert("x")</script> "quoted <b>words</b> here," he said. ' * 20,
    "unbalanced_quotes": '"' * 500 + "“" * 300 + "’" * 300,
    "mojibake": "Ð\u009fÑ\u0080Ð¸Ð²Ñ\u0096Ñ\u0082 Ã©tÃ© â€œquoteâ€\u009d " * 100,
    "long_line": "word " * 200_000,
    "surrogate": "bad \udcff surrogate \"quoted text goes here,\" she said.",
}

SPAN_FUNCTIONS = {
    "sentence_spans": sentence_spans,
    "claim_spans": claim_spans,
}

TEXT_FUNCTIONS = {
    "find_origins": lambda t: find_origins(t, outlet="Gazette"),
    "wire_services": wire_services,
    "find_quotes_no_speakers": lambda t: find_quotes(t, with_speakers=False),
    "outlet_from_text": outlet_from_text,
    "dateline": dateline,
    "language": language,
    "clean_page_text": lambda t: clean_page_text(t, siblings=[t]),
    "extract_html": extract_html,
    "near_duplicate_score": lambda t: near_duplicate_score(t, t[::-1]),
    "similarity": lambda t: similarity(MatchDoc("a", t), MatchDoc("b", t + " extra")),
    "quote_fidelity": lambda t: quote_fidelity(t, t.upper()),
    "word_diff": lambda t: word_diff(t, t[: len(t) // 2]),
}


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("name", sorted(TEXT_FUNCTIONS))
def test_text_functions_return_or_raise_valueerror(name, case):
    fn, text = TEXT_FUNCTIONS[name], HOSTILE[case]
    try:
        fn(text)
    except ValueError as e:
        assert str(e), f"{name} raised ValueError without a reason on {case}"


@pytest.mark.parametrize("case", sorted(HOSTILE))
@pytest.mark.parametrize("name", sorted(SPAN_FUNCTIONS))
def test_span_functions_return_ordered_spans_inside_the_text(name, case):
    text = HOSTILE[case]
    spans = SPAN_FUNCTIONS[name](text)
    last = 0
    for a, b in spans:
        assert last <= a < b <= len(text)
        last = b


@pytest.mark.parametrize("case", ["script", "unbalanced_quotes", "surrogate", "mojibake"])
def test_quote_offsets_point_at_the_quote_text(case):
    text = HOSTILE[case]
    for q in find_quotes(text, with_speakers=False):
        assert text[q.start:q.end] == q.text
