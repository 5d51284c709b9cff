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
    from storydiff.compare.names import new_names

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
