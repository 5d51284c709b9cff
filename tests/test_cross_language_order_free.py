"""Grouping across languages that does not hang on arrival order or on what else is stored
(round 21; QA passes 20a and 20b).

Invented reports of a drone attack on the port of a fictional city, Ostropil, in Ukrainian and
Russian, and of unrelated news in Polish and English. The mechanism tests give the clusterer a
cross-language scorer that reads the key cover alone (a steep logistic around 0.5), so that what
is asserted is how the cover is counted, not where e5 happens to put two ledes."""

from __future__ import annotations

import pytest

from storydiff.match import MatchDoc, OnlineClusterer
from storydiff.match import multilingual as ml
from storydiff.match.clusterer import prepare
from storydiff.match.scorer import LinearScorer
from storydiff.settings import MatchSettings

# a steep logistic of the key cover alone: p 0.5 at a cover of 0.5, 0.12 at 0.4, 0.88 at 0.6
_COVER_ONLY = LinearScorer(ml.FEATURES, (0.0, 0.5, 0.0), (1.0, 1.0, 1.0), (0.0, 20.0, 0.0), 0.0)

_UK_FIRST = MatchDoc(
    "uk-first",
    "Острополь: уночі на п'ятницю дрони атакували порт, загинули 11 людей, ще 27 поранені, пошкоджено 14 "
    "складів, повідомив Мельничук; рятувальники працювали на місці до ранку, а мешканців просили не повертатися "
    "до порту до обіду.",
    language="uk",
)
# A rewrite of the first report: the same names and toll, and figures of its own that the Russian
# report does not carry (QA pass 20b: a second Ukrainian report made the story harder to join).
_UK_REWRITE = MatchDoc(
    "uk-rewrite",
    "Острополь: уночі на п'ятницю дрони атакували порт, загинули 11 людей, ще 27 поранені, повідомив "
    "Мельничук; на місці працювали 62 пожежники та 19 машин, вогонь охопив 2400 квадратних метрів, згоріли 160 "
    "тонн зерна, 58 родин тимчасово переселили, а 75 волонтерів роздавали воду; рятувальники працювали на місці "
    "до ранку, а мешканців просили не повертатися до порту до обіду.",
    language="uk",
)
_RU = MatchDoc(
    "ru",
    "Острополь: в ночь на пятницу беспилотники атаковали порт, погибли 11 человек, еще 27 ранены, повреждены "
    "14 складов, сообщил Мельничук; без света остались 4300 семей, сгорели 35 грузовиков и 120 контейнеров, "
    "эвакуированы 90 жителей.",
    language="ru",
)
_RU_BRIEF = MatchDoc(
    "ru-brief", "Острополь: беспилотники атаковали порт, погибли 11 человек, 27 ранены, 4300 семей без света, сообщил "
    "Мельничук.", language="ru",
)
_UNRELATED_PL = MatchDoc(
    "pl-unrelated",
    "Sejmik województwa przyjął budżet na przyszły rok. Radni z Torunia i Bydgoszczy spierali się o "
    "finansowanie tramwajów, a marszałek Wiśniewski zapowiedział nowe połączenia kolejowe.",
    language="pl",
)


def _keys(doc: MatchDoc) -> set[str]:
    return set(prepare(doc).xkeys)


def _cover_of(c: OnlineClusterer, doc: MatchDoc) -> list[float]:
    """The key covers of ``doc`` against the one-report stories ``c`` holds in other languages."""
    d = c._new_doc(prepare(doc))
    return [features[1] for features, _ in c.cross_candidates(d, gate=False)]


def test_the_fixture_keys_say_what_the_tests_need():
    first, rewrite, ru = _keys(_UK_FIRST), _keys(_UK_REWRITE), _keys(_RU)
    assert first <= ru  # the Russian report carries every key of the first Ukrainian one ...
    assert len(rewrite - ru) >= 6  # ... and few of the rewrite's
    assert not _keys(_UNRELATED_PL) & ru


def test_a_second_report_in_the_storys_language_does_not_keep_the_translation_out():
    # One report: the Russian report covers all of its keys and joins.
    c = OnlineClusterer(cross_scorer=_COVER_ONLY)
    first = c.add(_UK_FIRST)
    assert c.add(_RU) == first and c.last_cross
    # Two: the rewrite joins the first in Ukrainian, and its figures make the story the larger
    # side. Counted over all stories, each key of the Russian report that the story lacks weighed
    # 1.69 times one it holds (one story live), and its cover of the story fell to 0.45 (p 0.29);
    # over the stories besides the candidate every key weighs the same here: 5 of 9 (0.56, p 0.75).
    c = OnlineClusterer(cross_scorer=_COVER_ONLY)
    first = c.add(_UK_FIRST)
    assert c.add(_UK_REWRITE) == first
    assert c.add(_RU) == first and c.last_cross


def test_the_key_cover_does_not_move_with_an_unrelated_stored_story():
    # the rewrite stored (10 keys), a Russian brief placed: 4 of its 5 keys shared. Counted over all
    # stories, its own key weighed 1.69 shared ones with one story live and 1.49 with two.
    alone = OnlineClusterer(cross_scorer=_COVER_ONLY)
    alone.add(_UK_REWRITE)
    beside = OnlineClusterer(cross_scorer=_COVER_ONLY)
    beside.add(_UNRELATED_PL)  # another language, no key in common
    beside.add(_UK_REWRITE)
    (cover_alone,), (cover_beside,) = _cover_of(alone, _RU_BRIEF), _cover_of(beside, _RU_BRIEF)
    assert cover_alone == pytest.approx(0.8) and cover_beside == pytest.approx(0.8)


def test_a_key_the_candidate_shares_weighs_what_a_key_no_story_holds():
    index = ml.CrossIndex(max_postings=8)
    index.add(1, ["@a", "@b"], first=True, lang="uk")
    # over the stories besides the candidate, its own keys are as rare as keys nobody holds
    assert index.idf_besides("@a", True) == index.idf_besides("@zzz", False)
    index.add(2, ["@a"], first=True, lang="pl")
    assert index.idf_besides("@a", True) < index.idf_besides("@b", True)  # another story holds @a


def test_postings_are_kept_by_language_and_move_with_the_story():
    index = ml.CrossIndex(max_postings=8)
    index.add(1, ["@a", "#12"], first=True, lang=None)
    assert index.candidates(["@a", "#12"], besides="en") == {}  # a story of no known language: none
    index.relabel(1, ["@a", "#12"], None, "uk")
    assert set(index.candidates(["@a", "#12"], besides="en")) == {1}
    assert index.candidates(["@a", "#12"], besides="uk") == {}  # the lexical path's
    index.remove(1, ["@a", "#12"], "uk")
    assert index.postings == {} and index.stories == 0


_EN = MatchDoc("en", "11 cranes, 12 barges, 13 trucks, 14 sheds and 15 boats were lost in the port fire.", language="en")
_UK = MatchDoc("uk", "14 складів, 15 човнів, 16 вагонів, 17 бочок і 18 катерів згоріли на пристані.", language="uk")
_RU_ALL = MatchDoc(
    "ru-all", "11 кранов, 12 барж, 13 грузовиков, 14 складов, 15 лодок, 16 вагонов, 17 цистерн и 18 катеров сгорели в порту.",
    language="ru",
)


def test_an_article_placed_across_languages_bridges_every_story_it_would_join():
    settings = MatchSettings(content_gate_min_words=0)  # the fixture's texts are briefs
    c = OnlineClusterer(settings, cross_scorer=_COVER_ONLY)
    en, uk = c.add(_EN), c.add(_UK)
    assert en != uk  # two figures of five in common: cover 0.4, p 0.12
    ru = c.add(_RU_ALL)  # every figure of both: it joins the one, and bridges the other
    assert c.last_cross
    assert c.resolve(en) == c.resolve(uk) == c.resolve(ru)


def test_polish_and_german_spellings_of_ukrainian_names_share_a_skeleton():
    for forms in (("Kosyzkyj", "Kozytskyi", "Козицький"), ("Sadowyj", "Sadovyi", "Садовий"),
                  ("Andrij", "Andrii", "Андрій")):
        assert len({ml.name_skeleton(f) for f in forms}) == 1, forms


def test_german_counted_things_are_nouns_not_names():
    text = ("Russland setzte rund 60 Drohnen und fünf Raketen ein. Mehr als 40.000 Haushalte waren ohne Strom, "
            "zwei Menschen starben, sagte Bürgermeister Andrij Sadowyj in Lwiw.")
    nouns = ml.common_nouns(text, "de")
    assert {"drohnen", "raketen", "haushalte", "menschen"} <= nouns
    assert not {"lwiw", "sadowyj", "andrij", "russland"} & nouns
