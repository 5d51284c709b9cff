from pathlib import Path

import pytest

from storydiff.analyze.quotes import find_quotes, quote_spans
from storydiff.records import Quote

FIXTURES = Path(__file__).parent / "fixtures" / "quotes"
SEEDS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "seeds"


def _by_start(quotes: list[Quote], words: str) -> Quote:
    hits = [q for q in quotes if q.text.startswith(words)]
    assert hits, f"no quote starting {words!r} in {[q.text[:30] for q in quotes]}"
    return hits[0]


# -- spans (no parse) ---------------------------------------------------------------------


def test_offsets_are_the_inner_text():
    text = 'He said "we will win this race, no doubt," and left.'
    [q] = find_quotes(text, with_speakers=False)
    assert text[q.start : q.end] == q.text == "we will win this race, no doubt"


def test_curly_single_and_straight_single_quotes():
    text = "She said ‘the vote is over now’ and then 'we go home to rest'."
    texts = [q.text for q in find_quotes(text, with_speakers=False)]
    assert texts == ["the vote is over now", "we go home to rest"]


def test_apostrophes_are_not_marks():
    text = "“Russia’s army isn’t ready, the Ukrainians’ is,” he said."
    [q] = find_quotes(text, with_speakers=False)
    assert q.text == "Russia’s army isn’t ready, the Ukrainians’ is"


def test_nested_single_inside_double_is_one_quote():
    text = (FIXTURES / "nested.txt").read_text()
    qs = find_quotes(text, with_speakers=False)
    q = _by_start(qs, "People keep asking")
    assert q.text.endswith("not yet, not for a while,’")


def test_unclosed_straight_opener_inside_straight_quote_is_one_quote():
    text = (FIXTURES / "nested.txt").read_text()
    qs = find_quotes(text, with_speakers=False)
    q = _by_start(qs, "I can't imagine")
    assert q.text.endswith("So these fears are unfounded")
    assert not any(x.text.startswith("This is the end") for x in qs)


def test_split_by_attribution_gives_two_quotes():
    text = '"We cannot open the crossings now," Virtanen said. "It is a question of security."'
    texts = [q.text for q in find_quotes(text, with_speakers=False)]
    assert texts == ["We cannot open the crossings now", "It is a question of security."]


def test_quote_running_over_paragraphs_is_split_per_paragraph():
    text = (FIXTURES / "minister.txt").read_text()
    qs = find_quotes(text, with_speakers=False)
    first = _by_start(qs, "The first paragraph")
    second = _by_start(qs, "and the second paragraph")
    assert "\n" not in first.text and first.text.endswith("does not close")
    assert second.text.endswith("at last")


def test_titles_and_scare_quotes_are_left_out():
    text = (FIXTURES / "minister.txt").read_text()
    texts = [q.text for q in find_quotes(text, with_speakers=False)]
    assert "security theatre" not in texts and "Iron Curtain" not in texts
    assert "This is a tokenised quote from the ECB corpus style," in texts or any(
        t.startswith("This is a tokenised quote") for t in texts
    )


def test_partial_quote_inside_sentence():
    text = "She contended that Russia’s “propaganda is all about being at war with NATO.”"
    [q] = find_quotes(text, with_speakers=False)
    assert q.text == "propaganda is all about being at war with NATO."


@pytest.mark.parametrize("bad", ["", "   \n\n", "\x00\x01\x02 binary \xff", '"' * 1000, "“" * 50 + "”"])
def test_bad_input_does_not_crash(bad):
    assert isinstance(find_quotes(bad, with_speakers=False), list)


def test_non_text_is_a_value_error():
    with pytest.raises(ValueError):
        find_quotes(b"bytes")  # type: ignore[arg-type]


def test_huge_text_is_fast_without_speakers():
    text = 'Alpha said "one two three four." ' * 20000
    assert len(quote_spans(text)) == 20000


# -- speakers (needs the spaCy model) -----------------------------------------------------


@pytest.fixture(scope="module")
def minister_quotes():
    return find_quotes((FIXTURES / "minister.txt").read_text())


def test_surname_after_quote_gets_full_name(minister_quotes):
    q = _by_start(minister_quotes, "We cannot open")
    assert q.speaker == "Anna Virtanen" and q.cue == "told"


def test_second_half_of_split_quote_gets_same_speaker(minister_quotes):
    assert _by_start(minister_quotes, "It is a question").speaker == "Anna Virtanen"


def test_description_resolves_to_introduced_person(minister_quotes):
    assert _by_start(minister_quotes, "Nobody wants").speaker == "Anna Virtanen"


def test_pronoun_and_cross_sentence(minister_quotes):
    assert _by_start(minister_quotes, "the government has").speaker == "Anna Virtanen"
    assert _by_start(minister_quotes, "Our lawyers").speaker == "Anna Virtanen"


def test_inverted_cue_and_title_dropped(minister_quotes):
    q = _by_start(minister_quotes, "This is a tokenised")
    assert q.speaker == "Mikko Laine"


def test_nested_fixture_speakers():
    qs = find_quotes((FIXTURES / "nested.txt").read_text())
    assert _by_start(qs, "I can't imagine").speaker == "Jonas Berg"
    assert _by_start(qs, "People keep asking").speaker == "Jonas Berg"


def test_passed_doc_is_used():
    from storydiff.analyze.nlp import get_nlp

    text = '"We will hold the line on prices," said Governor Ruth Adler.'
    qs = find_quotes(text, doc=get_nlp()(text))
    assert [q.speaker for q in qs] == ["Ruth Adler"]


@pytest.mark.parametrize("name", ["000_695573be11d77573.txt", "001_becadfee6e2dbfe8.txt"])
def test_seed_kallas_quotes(name):
    path = SEEDS / name
    if not path.exists():
        pytest.skip("seed data absent")
    text = path.read_text()
    qs = find_quotes(text)
    assert len(qs) >= 5
    assert all(q.speaker == "Kaja Kallas" for q in qs), [(q.speaker, q.text[:30]) for q in qs]
    if name.startswith("001"):
        q = _by_start(qs, "I can't imagine")
        assert q.text.endswith("So these fears are not grounded")


def test_dash_signature_and_speaker_label():
    text = (
        "Readers wrote in after the debate.\n"
        "“He never answered a single question about the budget.”― Maria Lopez\n"
        'Rep. Tom Baker (R-Ohio):"I have not heard anyone cite that figure before."\n'
    )
    qs = find_quotes(text)
    assert _by_start(qs, "He never answered").speaker == "Maria Lopez"
    assert _by_start(qs, "I have not heard").speaker == "Tom Baker"


def test_apposition_between_quote_and_cue():
    text = (
        "Retired Gen. Michael Flynn spoke on Thursday. Lawrence Cummings also spoke.\n"
        "“There is a severe disconnect here,” Flynn, a top surrogate, said on television."
    )
    assert find_quotes(text)[0].speaker == "Michael Flynn"


@pytest.mark.parametrize(
    ("text", "quote"),
    [
        ("„Wir haben so etwas seit 2013 nicht mehr erlebt“, sagte Jürgen Dupper. Die Altstadt ist überflutet.",
         "Wir haben so etwas seit 2013 nicht mehr erlebt"),
        ("»Wir sind vorbereitet«, sagte Bürgermeisterin Anna Roth am Montag.", "Wir sind vorbereitet"),
        ("« Nous sommes prêts », a déclaré la maire Anne Roux.", "Nous sommes prêts"),
    ],
)
def test_german_and_french_quotation_marks_pair_as_those_languages_write_them(text, quote):
    assert [q.text for q in find_quotes(text)] == [quote]


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("„Wir haben so etwas nicht erlebt“, sagte Oberbürgermeister Jürgen Dupper am Montag.", "Jürgen Dupper"),
        ("»Wir sind vorbereitet«, sagte Bürgermeisterin Anna Roth.", "Anna Roth"),
        ("« Nous sommes prêts », a déclaré la maire Anne Roux.", "Anne Roux"),
        ("«Ми готові до зими», — сказав Кличко.", "Кличко"),
        ("“Estamos listos para todo”, dijo el alcalde Juan Pérez.", "Juan Pérez"),
    ],
)
def test_speakers_named_after_the_quote_in_other_languages(text, speaker):
    (quote,) = find_quotes(text)
    assert quote.speaker == speaker
