"""bench/facts.py --error-classes: each held-out error of the fact alignment lands in the class
that describes it (the counts in BENCHMARKS.md §6 come from these rules)."""

import importlib.util
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench" / "facts.py"
spec = importlib.util.spec_from_file_location("bench_facts", BENCH)
bench = importlib.util.module_from_spec(spec)
sys.modules["bench_facts"] = bench  # its dataclasses look their module up
spec.loader.exec_module(bench)

LINES = {
    "a": ["Three villages have been evacuated near the border.",
          "The evacuation of the villages began at dawn on Sunday.",
          "Firefighters fought the blaze for ten hours. Two planes dropped water on it.",
          "Strong winds are hampering the effort.",
          "It burned."],
    "b": ["Residents of three villages near the border were told to leave.",
          "Firefighters fought the blaze through the night with two aircraft.",
          "Hot, windy weather is making the job harder.",
          "It burned."],
}


def story():
    lines = {d: list(enumerate(t)) for d, t in LINES.items()}
    gold = [[("a", 0), ("a", 1), ("b", 0)], [("a", 2), ("b", 1)], [("a", 3), ("b", 2)], [("a", 4), ("b", 3)]]
    s = bench.Story("toy", "written", ["a", "b"], lines, gold)
    bench.prepare(s, bench.FactSettings(), with_judge=False, with_vectors=False)
    return s


def test_each_error_lands_in_its_class():
    s = story()
    sim = bench.probabilities(s, bench.LEXICAL_FEATURES, bench.WEIGHTS[bench.LEXICAL_FEATURES])
    # a prediction with one error of each kind: the lede pair matched and its restatement ("a", 1)
    # left alone; the two-sentence unit ("a", 2) holds two claims, one matched; the paraphrase
    # pair about the weather both alone; the 2-word lines start no claim
    claims_of = {}
    for k, u in enumerate(s.units):
        claims_of.setdefault(u, []).append(k)
    assert len(claims_of[("a", 2)]) == 2 and ("a", 4) not in claims_of
    facts = [([("a", 0), ("b", 0)], "same", []), ([("a", 1)], "only", []),
             ([("a", 2), ("b", 1)], "same", []), ([("a", 2)], "only", []),
             ([("a", 3)], "only", []), ([("b", 2)], "only", []),
             ([("a", 4)], "only", []), ([("b", 3)], "only", [])]
    only, missed, over_cut, lines = bench.error_classes([(s, sim, facts, 0.25)])
    assert only == {"restatement": 1, "two claims": 1, "paraphrase pair": 2, "no claim": 2}
    # missed: ("a", 1)-("b", 0) alone; weather alone; the 2-word pair without claims
    assert missed == {"alone": 2, "no claim": 1}
    # the pairs lost in the grouping are those scored at the cut or above; a cut of 0 counts them all
    assert over_cut["no claim"] == 0 and bench.error_classes([(s, sim, facts, 0.0)])[2]["alone"] == 2
    assert any("Hot, windy weather" in line for line in lines)


def test_a_gold_fact_split_in_two_shared_facts_is_a_split_restatement():
    s = story()
    sim = bench.probabilities(s, bench.LEXICAL_FEATURES, bench.WEIGHTS[bench.LEXICAL_FEATURES])
    facts = [([("a", 0), ("b", 0)], "same", []), ([("a", 1), ("b", 2)], "same", []),
             ([("a", 2), ("b", 1)], "same", []), ([("a", 3)], "only", []), ([("a", 4), ("b", 3)], "same", [])]
    only, missed, _, _ = bench.error_classes([(s, sim, facts, 0.25)])
    # ("a", 1) is in a shared fact, but not ("b", 0)'s: the gold fact holds two units of "a"
    assert missed["split restatement"] == 1
    assert only == {"partner taken": 1}  # ("a", 3)'s partner ("b", 2) sits in another shared fact


def test_ecb_tokenisation_is_undone_where_no_page_would_have_it():
    # round 22: "$2. 6 million" and "4: 30 a. m." were each read as two claims and two figures
    line = "Four men stole $2. 6 million at 4: 30 a. m. in a 36 - year - old Paris store ’ s window, Lohan 's lawyer said."
    assert bench.detok(line) == "Four men stole $2.6 million at 4:30 a.m. in a 36-year-old Paris store’s window, Lohan's lawyer said."
    # an ECB+ quote's marks as before, and a dash that is two hyphens stays as it was written
    assert bench.detok("``It was 0. 07 percent - - just under,'' he said.") == '"It was 0.07 percent - - just under," he said.'
    # page text (the seed and written stories) is left as it is
    assert bench.detok("Version 2. 6 - beta", spaced=False) == "Version 2. 6 - beta"


def test_each_false_only_is_put_down_to_the_step_that_missed_it():
    # round 23: segmentation (never a candidate), the scorer (under the cut) or the grouping (a partner
    # over the cut given to another fact); the cut decides between the last two
    s = story()
    sim = bench.probabilities(s, bench.LEXICAL_FEATURES, bench.WEIGHTS[bench.LEXICAL_FEATURES])
    facts = [([("a", 0), ("b", 0)], "same", []), ([("a", 1)], "only", []),
             ([("a", 2), ("b", 1)], "same", []), ([("a", 2)], "only", []),
             ([("a", 3)], "only", []), ([("b", 2)], "only", []),
             ([("a", 4)], "only", []), ([("b", 3)], "only", [])]
    causes, under = bench.false_only_causes([(s, sim, facts, 0.25)])
    # "a" 2 holds two claims and "a" 4 / "b" 3 none: three never considered
    assert causes["never considered"] == 3
    # the weather pair shares no content word: under any cut above its score
    weather = bench._best(sim, {u: [k for k, v in enumerate(s.units) if v == u] for u in s.units},
                          ("a", 3), ("b", 2))
    assert weather < 0.25 and causes["under the cut"] + causes["taken by another match"] == 3
    assert sum(under.values()) == causes["under the cut"]
    # at a cut of 0 every scored pair is over it: what is missed then is the grouping's
    everything_over = bench.false_only_causes([(s, sim, facts, 0.0)])[0]
    assert everything_over["under the cut"] == 0 and everything_over["taken by another match"] == 3
