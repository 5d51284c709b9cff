"""Review 24a: an edit's summary says what the outlet changed, not more. F3: another person's quote
put in the place of the first's is no "quote altered" (the first person's words changed); F6: a
toll raised while the sentence was reordered is named by what it counts."""

from __future__ import annotations

import pytest

from storydiff.compare.revisions import diff_revisions
from storydiff.records import Article

LEAD = "Russia struck the Kyivskyi district of Kharkiv with guided aerial bombs on Monday afternoon, local authorities said."
TAIL = "Emergency services were working at the scene, and several residential buildings were damaged."


def _kharkiv(quote_line: str) -> Article:
    return Article(id="kh-1", source="kh.html", outlet="Kharkiv News", language="en", title="Russia strikes Kharkiv",
                   text=f"{LEAD}\n{quote_line}\n{TAIL}")


def test_another_persons_quote_in_the_same_paragraph_is_no_quote_altered():
    before = _kharkiv("\u201cWe have no information about casualties yet, rescuers are working at the scene,\u201d "
                      "Mayor Ihor Terekhov said on Telegram on Monday evening.")
    after = _kharkiv("\u201cTwo people were killed and five injured, among them a child,\u201d Governor Oleh Syniehubov "
                     "said on Telegram on Monday evening.")
    d = diff_revisions(before, after)
    assert d.quotes_altered == []
    assert len(d.quotes_removed) == 1 and len(d.quotes_added) == 1
    assert "quote altered" not in " ".join(d.summary())


def test_the_same_persons_quote_edited_in_place_stays_one_quote_altered():
    before = _kharkiv("\u201cWe have no information about casualties yet,\u201d Mayor Ihor Terekhov said on Telegram.")
    after = _kharkiv("\u201cTwo people were killed, rescuers are still working,\u201d Mayor Ihor Terekhov said on Telegram.")
    d = diff_revisions(before, after)
    assert len(d.quotes_altered) == 1 and d.quotes_removed == [] and d.quotes_added == []


@pytest.mark.parametrize("language, before, after, change", [
    ("uk", "Внаслідок удару загинули троє людей, ще 12 поранені, повідомив Олег Синєгубов.",
     "Внаслідок удару 12 людей поранені, ще четверо загинули, повідомив Олег Синєгубов.", ("троє", "четверо")),
    ("en", "Three people were killed and 12 injured in the strike, the governor said.",
     "Twelve people were injured and four killed in the strike, the governor said.", ("Three", "four")),
    ("pl", "W wyniku ataku zginęły trzy osoby, a 12 zostało rannych.",
     "W wyniku ataku 12 osób zostało rannych, a cztery zginęły.", ("trzy", "cztery")),
    ("de", "Bei dem Angriff wurden drei Menschen getötet und zwölf verletzt.",
     "Bei dem Angriff wurden zwölf Menschen verletzt und vier getötet.", ("drei", "vier")),
])
def test_a_toll_raised_in_a_reordered_sentence_is_named_by_what_it_counts(language, before, after, change):
    d = diff_revisions(Article(id="x", source="x", text=before, title="T", language=language),
                       Article(id="x", source="x", text=after, title="T", language=language))
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [change]
    assert f"figure {change[0]} → {change[1]} (killed)" in d.summary()


def test_a_death_added_beside_the_figures_is_not_paired_with_another_count():
    # review 24b L1: three figures after two: the added death is no change of the first toll
    d = diff_revisions(Article(id="x", source="x", language="en", title="T",
                               text="Three people were killed and 12 injured in the strike on Kharkiv, the governor said."),
                       Article(id="x", source="x", language="en", title="T",
                               text="Three people were killed and 12 injured in the strike on Kharkiv, the governor said, "
                                    "and two of the wounded later died in hospital."))
    assert not any(s.startswith("figure Three") for s in d.summary())
