"""QA pass 18 (a Warsaw fact-checking desk): quotes across pl/de/ru/uk/en reports of one event."""

from storydiff.compare.quotes import align_quotes, speaker_conflict
from storydiff.compare.translation import same_person
from storydiff.records import Quote

STATEMENT = "Poland will not be intimidated by anyone and will answer every violation of its airspace"


def test_one_name_written_without_diacritics_or_hyphen_is_one_speaker():
    # Reuters wrote the minister's name in ASCII and without the hyphen (finding 12)
    arts = {
        "pap": [Quote(STATEMENT, 0, 1, "Władysław Kosiniak-Kamysz")],
        "spiegel": [Quote(STATEMENT, 0, 1, "Władysław Kosiniak-Kamysz")],
        "reuters": [Quote(STATEMENT, 0, 1, "Wladyslaw Kosiniak Kamysz")],
    }
    (group,) = align_quotes(arts, order=["pap", "spiegel", "reuters"])
    assert group.speaker == "Władysław Kosiniak-Kamysz"
    assert speaker_conflict(group, str) is None
    assert same_person("Wladyslaw Kosiniak Kamysz", "Władysław Kosiniak-Kamysz")
    assert same_person("Владислав Косиняк-Камыш", "Vladislav Kosiniak Kamysh")


def test_a_double_surname_is_not_the_same_person_as_another_with_one_of_its_parts():
    arts = {
        "pap": [Quote(STATEMENT, 0, 1, "Władysław Kosiniak-Kamysz")],
        "other": [Quote(STATEMENT, 0, 1, "Piotr Kamysz")],
        "third": [Quote(STATEMENT, 0, 1, "Anna Kosiniak Nowak")],
    }
    (group,) = align_quotes(arts, order=["pap", "other", "third"])
    found = speaker_conflict(group, str)
    assert found is not None and "Piotr Kamysz" in found and "Anna Kosiniak Nowak" in found
    assert not same_person("Piotr Kamysz", "Władysław Kosiniak-Kamysz")
    assert not same_person("Anna Kosiniak Nowak", "Władysław Kosiniak-Kamysz")


def test_a_region_named_after_its_city_is_no_new_name_in_a_translation():
    # SPIEGEL rendered PAP's "na Lubelszczyznę" as "in die Region Lublin" (finding 12): no name changed
    from storydiff.compare.meaning import meaning_changes
    from storydiff.compare.quote_names import new_names

    pl = "Podpisaliśmy umowę z polskim konsorcjum. Pierwsze baterie trafią na Lubelszczyznę już w marcu"
    de = ("Wir haben einen Vertrag mit einem polnischen Konsortium unterzeichnet. Die ersten Batterien kommen "
          "bereits im März in die Region Lublin")
    assert new_names(pl, de, "pl", "de") == []
    assert "names" not in meaning_changes(pl, de, "pl", "de")
    assert new_names("Baterie trafią do województwa lubelskiego.", "The batteries will go to the Lublin region.",
                     "pl", "en") == []
    assert new_names("Ворог обстріляв Донеччину.", "The enemy shelled the Donetsk region.", "uk", "en") == []
    # another region is still another name
    assert new_names(pl, de.replace("Lublin", "Krakau"), "pl", "de")
    assert new_names("Ворог обстріляв Донеччину.", "The enemy shelled the Kharkiv region.", "uk", "en") == ["Kharkiv"]


# finding 3: RIA turned the minister's words around; PAP's, Ukrinform's and DW's keep their sense
PAP = "Zestrzeliliśmy dwa drony. Nikt nie zginął, a sytuacja jest pod kontrolą"
RIA = "Мы не смогли сбить ни одного дрона. Ситуация вышла из-под контроля"
UKR = "Ми збили два дрони. Ніхто не загинув, ситуація під контролем"


def test_a_reversed_translation_is_flagged_across_languages():
    from storydiff.compare.meaning import meaning_changes

    # "could not shoot down a single drone" against "we shot down two": a negation on one side of
    # the first sentence (the second sentence's "nobody died" is cut, which evened the count), and
    # "not a single drone" is a count of none against two
    assert meaning_changes(PAP, RIA, "pl", "ru") == ["negation", "numbers"]
    assert meaning_changes(PAP, UKR, "pl", "uk") == []


def test_a_count_of_none_is_a_figure_across_languages():
    from storydiff.compare.translation import translated_changes

    assert translated_changes("Zestrzeliliśmy dwa drony.", "Мы не сбили ни одного дрона.", "pl", "ru") == ["numbers"]
    assert translated_changes("Nie zestrzeliliśmy żadnego drona.", "We shot down two drones.", "pl", "en") == ["numbers"]
    assert translated_changes("Wir haben keinen einzigen Soldaten verloren.", "Ми втратили двох солдатів.",
                              "de", "uk") == ["numbers"]
    # none against none, and "none" of a thing the other gives no figure of, are no change
    assert translated_changes("Nie straciliśmy ani jednego żołnierza.", "We did not lose a single soldier.",
                              "pl", "en") == []
    assert translated_changes("We have no plans to raise taxes.", "Wir planen keine Steuererhöhungen.", "en", "de") == []
    assert translated_changes("Zestrzeliliśmy dwa drony. Nikt nie zginął.", "Мы сбили два дрона. Никто не погиб.",
                              "pl", "ru") == []


def test_a_negation_is_compared_sentence_by_sentence_across_languages():
    from storydiff.compare.meaning import meaning_changes

    # two negations, one added in each sentence's place: a whole-text count calls it even
    assert meaning_changes("Nie boimy się. Armia się wycofa.", "Wir haben Angst. Die Armee wird sich nicht zurückziehen.",
                           "pl", "de") == ["negation"]
    assert meaning_changes("Nie boimy się. Armia się nie wycofa.", "Wir haben keine Angst. Die Armee wird sich "
                           "nicht zurückziehen.", "pl", "de") == []
    # sentences that do not pair one to one are compared whole
    assert meaning_changes("Nie boimy się, armia się wycofa.", "Wir haben keine Angst. Die Armee wird sich zurückziehen.",
                           "pl", "de") == []
