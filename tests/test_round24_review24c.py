"""Review 24c's findings in the lead's and r24-lt's code: a photo caption is no dateline credit (L3),
a Lithuanian paragraph opening "Dalintis" is no share button (L4), a toll raised beside a count
added before it is still named (M1), Lithuanian "pasak/anot" name the speaker in the nominative (M3)."""

from __future__ import annotations

from storydiff.analyze.origins import find_origins
from storydiff.analyze.quotes import find_quotes
from storydiff.compare.revisions import diff_revisions
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.records import Article


def test_a_photo_caption_with_an_agency_in_brackets_is_no_wire_copy():
    assert find_origins("Zelensky, Trump at the White House (AP). The two leaders met on Friday.") == []
    assert [o.name for o in find_origins("Vilnius, gruodžio 3 d. (ELTA). Gaisras užgesintas.")] == ["ELTA"]


def test_a_paragraph_opening_with_dalintis_is_prose_and_the_button_alone_is_furniture():
    assert boilerplate_kind("Dalintis žvalgybos informacija su sąjungininkais būtina, sakė ministras.") is None
    assert boilerplate_kind("Dalintis") is not None and boilerplate_kind("Komentarai (12)") is not None


def test_a_toll_raised_beside_an_added_count_is_named():
    d = diff_revisions(
        Article(id="x", source="x", language="en", title="T",
                text="Five people were killed in the Russian strike on Kharkiv on Monday, the governor said."),
        Article(id="x", source="x", language="en", title="T",
                text="Twelve people were injured and seven were killed in the Russian strike on Kharkiv on Monday, "
                     "the governor said."))
    # the injured first counted in the update are a figure change from none too (round 27, QA pass 27b, 7)
    assert [(f["before"], f["after"]) for f in d.figures_changed] == [("Five", "seven"), (None, "Twelve")]


def test_lithuanian_according_to_names_the_speaker_in_the_nominative():
    words = "mes niekada nepasiduosime šiam spaudimui"
    said = [q.speaker for q in find_quotes(f"Anot ministrės Kristinos Brazauskienės, „{words}“.", language="lt")]
    mayor = [q.speaker for q in find_quotes(f"Pasak Vilniaus mero Valdo Benkunsko, „{words}“.", language="lt")]
    assert said == ["Kristina Brazauskienė"] and mayor == ["Valdas Benkunskas"]
