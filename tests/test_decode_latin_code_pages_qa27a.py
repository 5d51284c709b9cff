"""A Windows-1252 French text, undeclared, was read as Windows-1250 ("ŕ 19h02", "étrangčres") without a
word (QA pass 27a, 08): the detector's guess is now checked against the letters each Latin code page
reads, the way a UTF-8 file's legacy lines are (``legacy_line``)."""

from __future__ import annotations

import pytest

from storydiff.ingest.decode import _decode, decode_bytes

FRENCH = ("Publié le jeudi 5 mars 2026 à 18h40\n"
          "Les ministres des Affaires étrangères se sont réunis jeudi à Bruxelles, où la présidence "
          "française a présenté un compromis sur la pêche et les règles d'hygiène des cantines.\n"
          "« Nous avons reçu des garanties », a déclaré la ministre, qui s'est félicitée d'un accord "
          "très attendu par les pêcheurs bretons et les élèves des écoles.\n")
CZECH = ("Ministři zahraničí se ve čtvrtek sešli v Bruselu, kde české předsednictví představilo kompromis "
         "o rybolovu. Řekl to mluvčí úřadu, který odmítl další podrobnosti až do příštího týdne.\n")
POLISH = ("Ministrowie spraw zagranicznych spotkali się w czwartek w Brukseli, gdzie prezydencja przedstawiła "
          "kompromis w sprawie połowów. Rzecznik odmówił podania szczegółów aż do przyszłego tygodnia.\n")
RUSSIAN = ("Министры иностранных дел стран Евросоюза встретились в четверг в Брюсселе, где председательство "
           "представило компромисс по рыболовству и правилам гигиены в школьных столовых.\n")


SHORT_FRENCH = [
    "Publié le jeudi 5 mars 2026 à 18h40\nLes ministres des Affaires étrangères se sont réunis jeudi à Bruxelles.",
    "Mis à jour le 5 mars à 18h40. Les élèves étrangers à Paris",
    "Accueil  Monde  Économie\nLes ministres étrangers ont décidé à Bruxelles de reporter les règles.",
]


@pytest.mark.parametrize("french", [FRENCH, *SHORT_FRENCH])
def test_french_cp1252_is_read_as_cp1252(french):
    # (the detector takes the short ones for cp1250: "à" is "ŕ" there, "è" "č")
    text, bad, encoding = _decode(french.encode("cp1252"), None)
    assert bad == 0 and text == french
    assert "ŕ" not in decode_bytes(french.encode("cp1252"))


@pytest.mark.parametrize("text, encoding", [
    (CZECH, "cp1250"),
    (POLISH, "cp1250"),
    (RUSSIAN, "cp1251"),
    (RUSSIAN, "koi8_r"),
])
def test_other_legacy_texts_read_as_before(text, encoding):
    assert decode_bytes(text.encode(encoding)) == text
