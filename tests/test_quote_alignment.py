"""Quote fidelity, word diff and cross-outlet alignment (storydiff.compare.quotes)."""

import json
from pathlib import Path

import pytest

from storydiff.compare.quotes import align_quotes, quote_fidelity, word_diff
from storydiff.records import Quote
from storydiff.settings import CompareSettings

PAIRS = Path(__file__).parent / "data" / "quote_pairs.jsonl"
# measured with bench/quote_fidelity.py: 64/66 in-sample, 63/66 leave-one-out; the floor sits below the
# leave-one-out figure so a change that only fits this set better cannot hide a regression
ACCURACY_FLOOR = 0.92

# Kallas quotes as the two seed outlets printed them (Euromaidan Press, then UNN's rewrite)
EUROMAIDAN = [
    "there are countries who are training soldiers on the ground already",
    "not unthinkable",
    (
        "I can’t possibly imagine that if somebody is hurt there, then those who have sent their people will say "
        "‘it’s article five. Let’s… bomb Russia.’ It is not how it works. It’s not automatic. So these fears are "
        "not well-founded"
    ),
    "you know the country is in war and you go to a risk zone. So you take the risk.",
    (
        "propaganda is all about being in a war with NATO, so they don’t need an excuse. Whatever we do on our "
        "side… If they want to attack, they will attack."
    ),
    (
        "Some are saying: ‘Ukrainians should not lose’. The others say: ‘We have to work for Ukraine and "
        "victory.’ And this is not the same thing"
    ),
]
UNN = [
    "there are countries that are already training soldiers locally",
    (
        "I can't imagine that if someone gets hurt there, those who sent their people will say: \"This is "
        "Article 5. Let's... bomb Russia. It doesn't happen like that. It doesn't happen automatically. So these "
        "fears are not grounded"
    ),
    (
        "if you send your people to help Ukrainians ... you know that the country is at war, and you are going "
        "into a risk zone. Therefore, you are taking a risk."
    ),
    "It's an open public discussion, but I think we shouldn't rule anything out now",
    (
        "Russia's propaganda is that it is at war with NATO, so they don't need a reason. Whatever we do on our "
        "part... If they want to attack, they will attack"
    ),
    "We can only have the goal of victory, but Ukraine will determine what kind of victory it is",
]


def qs(texts, speaker=None):
    return [Quote(t, 0, len(t), speaker) for t in texts]


def test_labelled_pairs_accuracy_stays_above_floor():
    pairs = [json.loads(line) for line in PAIRS.read_text().splitlines() if line.strip()]
    assert len(pairs) >= 60
    hits = sum((quote_fidelity(p["a"], p["b"])[0] or "different") == p["label"] for p in pairs)
    assert hits / len(pairs) >= ACCURACY_FLOOR


@pytest.mark.parametrize(
    ("a", "b", "label"),
    [
        ("“We will not back down,” he said.", '"we will not BACK down" he said', "verbatim"),
        (
            "We will rebuild the bridge, the school and the clinic by spring.",
            "We will rebuild the bridge … by spring.",
            "edited",
        ),
        (
            "The strike will continue until management returns to the table.",
            "The strike will go on until management returns to the table.",
            "edited",
        ),
        (
            "The dam is safe and residents downstream should not panic.",
            "Residents living downstream should not panic, the dam is safe.",
            "reworded",
        ),
        ("The council has failed this city.", "The council will vote on the budget next Tuesday.", None),
        (
            "We're going to win this state.",
            "We are going to win this state.",
            "edited",
        ),  # contraction: not verbatim
    ],
)
def test_quote_fidelity_labels(a, b, label):
    got, score = quote_fidelity(a, b)
    assert got == label
    assert 0.0 <= score <= 1.0 and (score == 1.0) == (label == "verbatim")


@pytest.mark.parametrize(
    ("a", "b"), [("", "x y z"), ("...", "— —"), ("not unthinkable", "it is not unthinkable")]
)
def test_empty_or_too_short_quotes_never_match(a, b):
    assert quote_fidelity(a, b)[0] is None


def test_quote_fidelity_bad_input():
    assert quote_fidelity(None, "a b c") == (None, 0.0)  # type: ignore[arg-type]
    assert quote_fidelity("\x00\xff" * 10, "a b c")[0] is None
    huge = "word " * 1_000_000
    assert quote_fidelity(huge, huge)[0] == "verbatim"


def test_word_diff_ops():
    d = word_diff(
        "there are countries who are training soldiers", "there are countries that are training troops"
    )
    assert d == [
        ("=", "there are countries"),
        ("-", "who"),
        ("+", "that"),
        ("=", "are training"),
        ("-", "soldiers"),
        ("+", "troops"),
    ]
    # the words shown in an "=" run are the version's own (review 24a, F2)
    assert word_diff("Same, words!", "same words") == [("=", "same words")]
    assert word_diff("same words", "Same, words!") == [("=", "Same, words!")]
    assert word_diff("", "") == [] and word_diff("a", None) == []  # type: ignore[arg-type]


def test_seed_quotes_align_and_unshared_stay_alone():
    groups = align_quotes({"em": qs(EUROMAIDAN, "Kaja Kallas"), "unn": qs(UNN)}, order=["em", "unn"])
    shared = {g.versions[0].text: g.versions[1].text for g in groups if len(g.versions) == 2}
    assert shared == {
        EUROMAIDAN[0]: UNN[0],
        EUROMAIDAN[2]: UNN[1],
        EUROMAIDAN[3]: UNN[2],
        EUROMAIDAN[4]: UNN[4],
    }
    alone = [g.versions[0].text for g in groups if len(g.versions) == 1]
    assert sorted(alone) == sorted([EUROMAIDAN[1], EUROMAIDAN[5], UNN[3], UNN[5]])
    for g in groups:
        if len(g.versions) == 1:
            assert g.versions[0].fidelity == "only_here"
        else:
            assert g.versions[0].article_id == "em" and g.versions[1].article_id == "unn"
            assert g.versions[1].fidelity in ("edited", "reworded") and g.versions[1].diff
            assert g.speaker == "Kaja Kallas"  # the only non-None speaker of the group


def test_order_sets_the_reference_and_partial_quotes_match():
    long = "The river rose three metres overnight and swept away the lower village, the mayor said"
    part = "swept away the lower village"
    groups = align_quotes({"a": qs([part]), "b": qs([long])}, order=["b", "a"])
    assert len(groups) == 1
    ref, other = groups[0].versions
    assert (ref.article_id, ref.fidelity, other.fidelity) == ("b", "verbatim", "edited")


def test_one_version_per_article_and_most_common_speaker():
    q = "We will not raise taxes on working families this year"
    arts = {
        "a": [Quote(q, 0, 1, "Smith")],
        "b": [Quote(q, 0, 1, "Jones"), Quote(q + " or next", 0, 1, "Jones")],
        "c": [Quote(q, 0, 1, None)],
        "d": [Quote(q, 0, 1, "Jones")],
    }
    groups = align_quotes(arts)
    big = max(groups, key=lambda g: len(g.versions))
    ids = [v.article_id for v in big.versions]
    assert len(ids) == len(set(ids)) == 4
    assert big.speaker == "Jones"
    assert [v.fidelity for v in big.versions] == ["verbatim", "verbatim", "verbatim", "verbatim"]
    assert sum(len(g.versions) for g in groups) == 5  # b's second quote is kept, in its own group


def test_each_outlets_speaker_is_kept_and_a_different_one_is_flagged():
    from storydiff.compare.quotes import speaker_conflict

    q = "The sea was far too rough for that boat to be out"
    arts = {
        "wire": [Quote(q, 0, 1, "Anton Brel")],
        "copy": [Quote(q, 0, 1, "Brel")],  # the surname alone is the same person
        "post": [Quote(q, 0, 1, "Karin Velt")],
        "radio": [Quote(q, 0, 1, None)],  # unnamed: disagrees with no one
        "tv": [Quote(q, 0, 1, "Caldonian")],  # a title's leftover ("the Caldonian commander"): no name
    }
    (group,) = align_quotes(arts, order=["wire", "copy", "post", "radio", "tv"])
    assert [v.speaker for v in group.versions] == ["Anton Brel", "Brel", "Karin Velt", None, "Caldonian"]
    outlets = {"wire": "Harbor Wire", "copy": "Meridian Daily", "post": "Veyra Post", "radio": "Valley Radio",
               "tv": "TV"}
    assert speaker_conflict(group, outlets.__getitem__) == (
        "speaker differs: Anton Brel (Harbor Wire) vs Karin Velt (Veyra Post)")
    del arts["post"]
    assert speaker_conflict(align_quotes(arts)[0], outlets.__getitem__) is None


def test_align_quotes_tolerates_junk():
    assert align_quotes({}) == []
    assert align_quotes({"a": [], "b": None}) == []  # type: ignore[dict-item]
    groups = align_quotes({"a": [Quote("", 0, 0), "not a quote", Quote("real words are here", 0, 1)]})  # type: ignore[list-item]
    assert [g.versions[0].text for g in groups] == ["real words are here"]


def test_thresholds_come_from_settings():
    strict = CompareSettings(edited_min_kept=1.01, reworded_min_same=1.01)
    assert (
        quote_fidelity(
            "The strike will continue until Friday.", "The strike will go on until Friday.", strict
        )[0]
        is None
    )


@pytest.mark.parametrize("reference, version, changes", [
    ("We will not raise taxes to pay for the rebuilding", "We will raise taxes to pay for the rebuilding", ["negation"]),
    ("We will raise taxes to pay for the rebuilding", "We will never raise taxes to pay for the rebuilding", ["negation"]),
    ("We have found 41 people alive under the mud so far", "We have found 14 people alive under the mud so far", ["numbers"]),
    # a trim changes no meaning, even when the clause it cuts holds a "not" or a figure
    ("We will not raise taxes, and we will never cut the 12 pensions we pay", "We will not raise taxes", []),
    ("We cannot possibly imagine it", "We can't possibly imagine it", []),
])
def test_an_edit_that_changes_the_meaning_is_named_beside_its_label(reference, version, changes):
    from storydiff.compare.quotes import meaning_changes

    assert meaning_changes(reference, version) == changes
    (group,) = align_quotes({"a": [Quote(reference, 0, 1, "Elin Strand")], "b": [Quote(version, 0, 1, "Elin Strand")]})
    assert group.versions[1].changes == changes and group.versions[0].changes == []
