"""A fact one outlet splits over two sentences, an outlet silent on a toll the others count, and the
match score shown beside each outlet's sentence (QA pass 19b, 08, 13 and 09)."""

import numpy as np
import pytest

from storydiff.compare.claims import article_claims
from storydiff.compare.facts import align_facts, group_claims
from storydiff.records import Article
from storydiff.settings import FactSettings


def _art(aid: str, lang: str, *paragraphs: str) -> Article:
    return Article(id=aid, source=aid, outlet=aid, language=lang, text="\n".join(paragraphs))


def _harbor(split: str) -> list[Article]:
    return [
        _art("wire", "en",
             "A missile strike on the port of Varnel on Saturday morning killed five people and wounded 18, "
             "regional governor Ilya Marsh said.",
             "Two grain ships flagged in Panama were damaged in the harbour, the port authority said.",
             "The city declared two days of mourning."),
        _art("daily", "en",
             "A missile strike on the port of Varnel on Saturday morning killed six people and wounded 18, "
             "governor Ilya Marsh said.",
             "Two grain ships flagged in Panama were damaged in the harbour.",
             "Rescue teams worked through the night."),
        _art("state", "en",
             "The defence ministry said its forces struck port facilities in Varnel used to ship weapons.",
             split,
             "Air defences shot down 73 drones overnight, the ministry added."),
    ]


def _fact_of(facts, words: str):
    return next(f for f in facts if any(words in v for v in f.variants.values()))


def test_a_count_in_the_next_sentence_of_a_matched_one_is_part_of_the_fact():
    facts = align_facts(_harbor("On Saturday morning governor Ilya Marsh said that a missile strike on the port "
                                "of Varnel killed two people. Officials also reported 12 wounded."))
    toll = _fact_of(facts, "killed two people")
    assert "state" in toll.article_ids and "12 wounded" in toll.variants["state"]
    assert any("injured" in line and "12" in line and "18" in line for line in toll.conflicts), toll.conflicts
    assert not any(f.article_ids == ["state"] and "12 wounded" in f.text for f in facts)


def test_a_count_in_another_paragraph_is_not_taken_in():
    facts = align_facts(_harbor("On Saturday morning governor Ilya Marsh said that a missile strike on the port "
                                "of Varnel killed two people.\nOfficials also reported 12 wounded."))
    toll = _fact_of(facts, "killed two people")
    assert "12 wounded" not in toll.variants["state"]
    assert not any("injured" in line for line in toll.conflicts), toll.conflicts


def test_an_outlet_that_counts_no_dead_anywhere_is_not_evidence_of_the_toll():
    arts = _harbor("")
    arts[2] = _art("state", "ru",
                   "В субботу утром ракетный удар поразил объекты порта Варнел, которые использовались для "
                   "доставки оружия, заявил губернатор Илья Марш.",
                   "Силы ПВО ночью сбили беспилотники, добавили в министерстве.")
    facts = align_facts(arts)
    toll = _fact_of(facts, "killed five people")
    assert "state" not in toll.article_ids and toll.match == "same"
    state = _fact_of(facts, "доставки оружия")
    assert state.article_ids == ["state"] and state.match == "possibly"
    assert any(v["article_id"] != "state" and "killed" in v["text"] for v in state.versions)


def test_in_one_language_the_words_decide_and_a_sentence_without_the_toll_stays():
    arts = _harbor("")
    arts[2].text = ("On Saturday morning a missile strike hit the port of Varnel, governor Ilya Marsh said.\n"
                    "Air defences shot down drones overnight, the ministry added.")
    toll = _fact_of(align_facts(arts), "killed five people")
    assert "state" in toll.article_ids


def test_each_outlets_score_is_its_match_to_the_sentence_shown():
    # three outlets chained a-b (0.9) and b-c (0.8); c's match to a, the sentence shown, is 0.1
    texts = {"a": "The bridge over the Tisa river collapsed on Monday.",
             "b": "A bridge collapsed over the Tisa on Monday night.",
             "c": "The Tisa bridge fell into the river overnight."}
    claims = [article_claims(aid, t, 3)[0] for aid, t in texts.items()]
    sim = np.array([[0, 0.9, 0.1], [0.9, 0, 0.8], [0.1, 0.8, 0]], dtype=np.float32)
    groups = group_claims(claims, sim, 0.3, list(texts), FactSettings())
    assert len(groups) == 1 and groups[0].match == "same"
    assert groups[0].scores == pytest.approx([0.9, 0.9, 0.1])


def test_a_sentence_that_repeats_its_outlets_count_of_children_in_a_shared_toll_is_not_only_there():
    # across languages restatements by words are vouched for only in the sentence's own language
    arts = _harbor("Officials also reported 12 wounded.")
    arts[1].text = arts[1].text.replace("wounded 18,", "wounded 18, among them three children,")
    arts[2].text = arts[2].text.replace("wounded 18,", "wounded 18, including three children,")
    arts[0] = _art("wire", "uk",
                   "Ракетний удар по порту Варнела в суботу вранці забрав життя п'ятьох людей, ще 18 дістали "
                   "поранення, серед них троє дітей, повідомив голова області Ілля Марш.",
                   "У гавані пошкоджено два зерновози під прапором Панами.",
                   "Серед поранених – троє дітей.")
    facts = align_facts(arts)
    toll = _fact_of(facts, "забрав життя")
    assert toll.match == "same" and len(toll.article_ids) > 1
    assert not any(f.match == "only" and "Серед поранених" in f.text for f in facts)
    # a count of something else stays its outlet's own
    arts[0].text += "\nМер повідомив, що три пороми скасовано до понеділка."
    assert any(f.match == "only" and "пороми" in f.text for f in align_facts(arts))
