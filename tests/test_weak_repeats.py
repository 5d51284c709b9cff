"""Repeats the line model scores low are dropped from page text (round 27, extract/weak_repeats.py)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from storydiff.extract import pagetext
from storydiff.extract.weak_repeats import drop_weak_repeats

PARAGRAPH = "Die Stadt hat am Montag beschlossen, den Hafen bis zum Sommer für den Verkehr zu sperren, sagte der Sprecher."
# A widget ("most read": a label and two teasers) printed after the first and the second paragraph.
WIDGET = ["Am beliebtesten", "Diese Sandalen sehen wir im Sommer überall", "Von Anna Muster"]
PAGE = [PARAGRAPH, *WIDGET, PARAGRAPH.replace("Montag", "Dienstag"), *WIDGET, PARAGRAPH.replace("Montag", "Freitag"),
        "mehr", "Ein anderer Artikel über den Hafen", "mehr"]


def test_a_widget_printed_twice_and_a_label_printed_again_are_dropped_where_the_model_scores_them_low():
    scores = [0.9, 0.3, 0.4, 0.2, 0.9, 0.2, 0.3, 0.1, 0.9, 0.4, 0.5, 0.3]
    kept = drop_weak_repeats(PAGE, [True] * len(PAGE), scores, words=8, block=2, below=0.6)
    assert kept == [True, False, False, False, True, False, False, False, True, False, True, False]


def test_a_repeat_the_model_believes_stays_and_a_low_line_printed_once_stays():
    # A list body repeats its labels; the model scores them as body: they stay.
    scores = [0.9, 0.7, 0.8, 0.9, 0.9, 0.7, 0.8, 0.9, 0.9, 0.4, 0.5, 0.3]
    kept = drop_weak_repeats(PAGE, [True] * len(PAGE), scores, words=8, block=2, below=0.6)
    assert kept[:9] == [True] * 9
    # "Ein anderer Artikel ..." scores 0.5 but the page prints it once: not this rule's to drop.
    assert kept[10] and not kept[9] and not kept[11]


def test_each_half_turns_off_alone():
    scores = [0.1] * len(PAGE)
    every = [True] * len(PAGE)
    assert drop_weak_repeats(PAGE, every, scores, words=0, block=0, below=0.6) == every
    blocks_only = drop_weak_repeats(PAGE, every, scores, words=0, block=2, below=0.6)
    assert blocks_only[9] and blocks_only[11]  # "mehr" twice, but no run of two lines repeats
    assert not any(blocks_only[i] for i in (1, 2, 3, 5, 6, 7))
    # A long repeated line is no label: only the block half drops it.
    words_only = drop_weak_repeats(PAGE, every, scores, words=2, block=0, below=0.6)
    assert not words_only[1] and not words_only[5] and words_only[2] and words_only[6]
    assert not words_only[9] and not words_only[11]


def test_a_line_not_kept_stays_dropped_and_lines_past_the_scores_are_left_alone():
    scores = [0.1] * 4  # a page cut at MAX_LINES: the lines past the scored ones are not read
    kept = [False, True, True, True] + [True] * (len(PAGE) - 4)
    out = drop_weak_repeats(PAGE, kept, scores, words=8, block=2, below=0.6)
    assert out[0] is False and out[4:] == kept[4:]


def test_clean_page_text_drops_them_as_its_last_step_and_the_setting_turns_it_off(monkeypatch):
    from storydiff.extract.line_model import load_models

    models = load_models()
    if models is None:
        pytest.skip("no line model weights")
    prob = np.array([0.9, 0.3, 0.4, 0.2, 0.9, 0.2, 0.3, 0.1, 0.9, 0.4, 0.5, 0.3])
    flat = np.full(len(prob), 0.01)
    monkeypatch.setattr(pagetext, "_line_scores", lambda lines, siblings, m: (prob, flat, flat))
    models = dict(models, _meta=dict(models["_meta"], boundary_decoder={
        "weight": 0.0, "span_cost": 0.05, "inside_threshold": 0.05, "outside_threshold": 0.95}))
    text = "\n".join(PAGE)
    base = replace(pagetext.SETTINGS, weak_repeat_words=8, weak_repeat_block=2, weak_repeat_below=0.6,
                   page_repeat_within=0)
    on = pagetext.clean_page_text(text, models=models, settings=base)
    off = pagetext.clean_page_text(text, models=models, settings=replace(base, weak_repeat_below=0.0))
    assert all(off.kept[i] for i in (1, 5, 9))  # the decoder's span keeps the widget without the step
    assert not any(on.kept[i] for i in (1, 2, 3, 5, 6, 7, 9, 11))
    assert on.kept[0] and on.kept[4] and on.kept[8]
    assert "Am beliebtesten" not in on.text and on.text.count("Die Stadt hat") == 3


def test_the_prose_gate_leaves_a_list_body_alone_and_still_cleans_an_article():
    # A list body: its items' labels repeat and the model scores them low, but the page's kept text
    # is no article's prose: with the gate on, nothing is dropped.
    listing = ["Pros", "Light and warm", "Cons", "Expensive", "Pros", "Cheap", "Cons", "Heavy", "Pros", "Packs small",
               "Cons", "Cold under 5 degrees"]
    scores = [0.2] * len(listing)
    every = [True] * len(listing)
    assert drop_weak_repeats(listing, every, scores, words=8, block=2, below=0.6, prose_share=0.0) != every
    assert drop_weak_repeats(listing, every, scores, words=8, block=2, below=0.6, prose_share=0.85) == every
    # The widget page is mostly paragraphs: the gate lets the step through (at 0.6, not at 0.95).
    widget_scores = [0.9, 0.3, 0.4, 0.2, 0.9, 0.2, 0.3, 0.1, 0.9, 0.4, 0.5, 0.3]
    page = [True] * len(PAGE)
    assert drop_weak_repeats(PAGE, page, widget_scores, words=8, block=2, below=0.6, prose_share=0.6)[1] is False
    assert drop_weak_repeats(PAGE, page, widget_scores, words=8, block=2, below=0.6, prose_share=0.95) == page
