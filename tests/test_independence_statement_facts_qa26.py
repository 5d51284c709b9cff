"""A translation claim needs more than one official statement both outlets relay (QA pass 26a, 1):
Українська правда and Reuters each told Moldova's defence ministry's statement about drone debris,
and "Reuters's text matches Українська правда's fact for fact" said one translated the other; a
third outlet's other figure for one shared fact must not decide whether the two are one source."""

from storydiff.compare.independence import independent_sources
from storydiff.records import Article, Fact

UK = ["Уламки дрона виявили у п'ятницю біля села Ларга, за 5 кілометрів від кордону з Україною.",
      "\"На місці працюють сапери\", - заявила речниця міноборони Анна Морару.",
      "Молдова розслідує інцидент, повідомило міністерство оборони.",
      "Сапери знешкодили уламки до вечора, заявила Анна Морару.",
      "Це вже шостий такий випадок з початку року."]
EN = ["Drone debris was found on Friday near the village of Larga, 5 km from the border, Moldova's defence ministry said.",
      "\"Sappers are working at the site,\" ministry spokeswoman Ana Moraru said.",
      "Moldova is investigating the incident, Moldova's defence ministry said.",
      "Sappers cleared the debris by evening, Ana Moraru said.",
      "It was the sixth such incident this year."]
# the same five facts told by each outlet on its own: no speaker named
UK_OWN = ["Уламки дрона виявили у п'ятницю біля села Ларга.", "На місці працюють сапери.",
          "Молдова розслідує інцидент.", "Сапери знешкодили уламки до вечора.", UK[4]]
EN_OWN = ["Drone debris was found on Friday near the village of Larga.", "Sappers are working at the site.",
          "Moldova is investigating the incident.", "Sappers cleared the debris by evening.", EN[4]]


def _story(uk, en, conflict=None):
    up = Article("up", "test", " ".join(uk), outlet="Українська правда", language="uk", published="2026-12-05T10:05:00Z")
    rt = Article("rt", "test", " ".join(en), outlet="Reuters", language="en", published="2026-12-05T10:30:00Z")
    ria = Article("ria", "test", "Обломки беспилотника нашли у села Ларга в 3 километрах от границы.", outlet="РИА Новости",
                  language="ru", published="2026-12-05T11:45:00Z")
    facts = [Fact(e, ["up", "rt"], {"up": u, "rt": e}) for u, e in zip(uk, en)]
    if conflict:
        facts[0].article_ids.append("ria")
        facts[0].variants["ria"] = ria.text
        facts[0].conflicts = [conflict]
    return [up, rt, ria], facts


def _groups(articles, facts):
    return {frozenset(g.article_ids): g.reason for g in independent_sources(articles, facts=facts)[1]}


def test_two_relays_of_one_ministrys_statement_are_two_sources():
    articles, facts = _story(UK, EN)
    groups = _groups(articles, facts)
    assert frozenset({"up"}) in groups and frozenset({"rt"}) in groups
    assert not any("fact for fact" in why for why in groups.values())


def test_the_same_facts_told_without_a_speaker_still_match_fact_for_fact():
    articles, facts = _story(UK_OWN, EN_OWN)
    groups = _groups(articles, facts)
    assert groups[frozenset({"up", "rt"})].startswith("Reuters's text matches Українська правда's fact for fact (uk → en)")


def test_a_third_outlets_other_figure_does_not_part_the_pair():
    line = "numbers differ: 3 километрах (РИА Новости) vs 5 кілометрів (Українська правда, Reuters)"
    groups = _groups(*_story(UK_OWN, EN_OWN, conflict=line))
    assert frozenset({"up", "rt"}) in groups


def test_a_figure_the_pair_disputes_parts_it():
    line = "numbers differ: 3 километрах (РИА Новости, Reuters) vs 5 кілометрів (Українська правда)"
    groups = _groups(*_story(UK_OWN, EN_OWN, conflict=line))
    assert frozenset({"up"}) in groups and frozenset({"rt"}) in groups
