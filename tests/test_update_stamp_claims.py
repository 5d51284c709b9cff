"""An outlet's edit stamp standing alone ("Оновлено о 02:15.") is no fact of the story: it was
listed as one, and "shared" with another outlet's view counter (QA pass 23b, 10). A sentence with
more in it than the stamp stays a claim."""

import pytest

from storydiff.compare.claims import article_claims
from storydiff.settings import FactSettings

MIN = FactSettings().min_claim_words


@pytest.mark.parametrize("stamp, language", [
    ("Оновлено о 02:15.", "uk"),
    ("Обновлено в 03:40.", "ru"),
    ("UPD 03:40.", "uk"),
    ("Updated at 2:15 a.m. (Kyiv time).", "en"),
    ("Aktualisiert um 02:15 Uhr.", "de"),
    ("Aktualizacja: 7.12.2026, 02:15.", "pl"),
])
def test_a_stamp_alone_is_no_claim_and_the_report_after_it_is(stamp, language):
    report = {"uk": "У лікарні помер ще один поранений, кількість загиблих зросла до трьох.",
              "ru": "В больнице скончался еще один раненый, число погибших выросло до трех.",
              "en": "A wounded man died in hospital, bringing the death toll to three.",
              "de": "Ein Verletzter starb im Krankenhaus, die Zahl der Toten stieg auf drei.",
              "pl": "W szpitalu zmarł jeden z rannych, liczba ofiar wzrosła do trzech."}[language]
    claims = article_claims("a", f"{stamp} {report}", MIN, language)
    assert [c.text for c in claims] == [report]


@pytest.mark.parametrize("sentence", [
    "Оновлено дані про загиблих: їх уже троє.",
    "Updated figures show 40 people were killed.",
    "Update on the strike at 02:15 in Odesa port.",
])
def test_a_sentence_that_reports_an_update_stays(sentence):
    assert [c.text for c in article_claims("a", sentence, MIN, "en")] == [sentence]


def test_a_long_run_of_marks_after_a_stamp_word_is_read_in_linear_time():
    # review 23b, F6: the first stamp regex backtracked cubically on "UPD , , , ... words" (1,000
    # pairs: 91 s); a generous child-process timeout against a pathological regex
    import subprocess
    import sys

    child = ("from storydiff.compare.claims import article_claims\n"
             "text = 'UPD ' + ', ' * 5000 + 'Russian forces fired ten missiles at Kyiv overnight, the air force said.'\n"
             "print(len(article_claims('a1', text, 5, 'en')))\n")
    done = subprocess.run([sys.executable, "-c", child], timeout=60, capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == "1"
