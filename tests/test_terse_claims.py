"""A sentence one or two words short of a claim still states a fact where a language without
articles says it tersely (QA pass 26b, 5: "Ніхто не постраждав." was no claim, so nothing of the
Ukrainian report could meet the wire's "Nobody was hurt in the attack"); slogans, labels and
calls to subscribe stay out."""

import pytest

from storydiff.compare.claims import article_claims
from storydiff.settings import FactSettings

MIN = FactSettings().min_claim_words


@pytest.mark.parametrize("text, language", [
    ("Ніхто не постраждав.", "uk"),
    ("Никто не пострадал.", "ru"),
    ("Nikt nie ucierpiał.", "pl"),
    ("Niemand wurde verletzt.", "de"),
    ("Nobody was hurt.", "en"),
    ("Обійшлося без жертв.", "uk"),
    ("Жертв немає.", "uk"),  # two words: nobody harmed is a fact
    ("Sikorski odwiedził Kijów.", "pl"),  # a name the names table knows, with a verb
])
def test_a_terse_fact_is_a_claim(text, language):
    assert [c.text for c in article_claims("a", text, MIN, language)] == [text]


@pytest.mark.parametrize("text, language", [
    ("Слава Україні!", "uk"),
    ("Слава героям України!", "uk"),  # three words, a name, but a slogan
    ("Read more.", "en"),
    ("Підписуйтесь на Telegram.", "uk"),
    ("Фото: Олена Коваль.", "uk"),
    ("Ніхто не знає.", "uk"),  # "nobody" without harm
    ("Ситуація під контролем.", "uk"),
    ("Загинуло 2.", "uk"),  # a count two words short stays out
])
def test_short_sentences_that_state_nothing_stay_out(text, language):
    assert article_claims("a", text, MIN, language) == []
