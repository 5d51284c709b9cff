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
