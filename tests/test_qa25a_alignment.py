"""QA pass 25a (Kharkiv class exercise, en/uk/ru): a weak cross-language pair that took a sentence
from its counterpart (03), a version vouched for by a sentence of its own language (03), a later
statement joined to the first as its translation (06), same-fact's meaning checks (07) and a
Ukrainian headline's "вбили трьох людей" (08)."""

import json

import numpy as np

from storydiff.compare import same_fact
from storydiff.compare.claims import Claim, quantities_in
from storydiff.compare.facts import _scores_against_the_head, align_facts, mapped_across_languages
from storydiff.compare.quotes import align_quotes
from storydiff.records import Article, Quote


def _cuts() -> tuple[float, float]:
    c = same_fact.calibration()[same_fact.MULTILINGUAL_JUDGE]
    return c["possibly"], c["same"]


def test_a_weak_pair_does_not_take_a_sentence_from_its_counterpart():
    possibly, same = _cuts()
    # claims 0, 1 of one article, 2, 3 of the other: 1-2 is each one's best (as the English "12
    # Shahed drones" and the Russian toll sentence were), 0-2 and 1-3 are the pairs of sentences
    article = np.array(["en", "en", "ru", "ru"])
    judge = np.zeros((4, 4), dtype=np.float32)
    for (i, j), v in {(0, 2): possibly * 1.05, (1, 2): possibly * 1.4, (1, 3): possibly * 1.02}.items():
        judge[i, j] = judge[j, i] = v
    mapped = mapped_across_languages(judge, article, 0.2, 0.25)
    assert mapped[1, 2] < 0.25  # no longer "same": its two sentences have partners of their own
    assert mapped[0, 2] >= 0.25 and mapped[1, 3] >= 0.25
    # alone, the best pair is still the same fact
    judge[0, 2] = judge[2, 0] = judge[1, 3] = judge[3, 1] = 0.0
    assert mapped_across_languages(judge, article, 0.2, 0.25)[1, 2] >= 0.25
    assert same > possibly


def _claim(aid: str, text: str) -> Claim:
    return Claim(aid, 0, 0, len(text), text, frozenset(), (), ())


def test_a_version_is_vouched_for_by_a_sentence_in_its_own_language():
    claims = [_claim("wire", "Of the 12 drones, nine were shot down."),
              _claim("kurier", "По данным ОВА, город атаковали 12 «Шахедов», девять из них сбиты."),
              _claim("pravda", "По данным ОВА, город атаковали 12 «Шахедов», девять из них сбиты."),
              _claim("daily", "Nine of 12 drones were downed.")]
    sim = np.zeros((4, 4), dtype=np.float32)
    for (i, j), v in {(0, 1): 0.39, (0, 2): 0.14, (1, 2): 0.999, (0, 3): 0.8, (2, 3): 0.05, (3, 1): 0.1}.items():
        sim[i, j] = sim[j, i] = v
    languages = ["en", "ru", "ru", "en"]
    scores, via = _scores_against_the_head([0, 1, 2, 3], claims, sim, languages)
    # the Russian copy: its match to the Russian sentence, no higher than that one's to the head
    assert scores[2] == np.float32(0.39)
    # ... and the report says through which sentence it was read (QA pass 27c, 8)
    assert via == {(claims[2].article_id, claims[2].index): claims[1].article_id}
    # unless the quotes' alignment calls its quote and the head's two statements
    apart = np.zeros((4, 4), dtype=bool)
    apart[2, 0] = apart[0, 2] = True
    assert _scores_against_the_head([0, 1, 2, 3], claims, sim, languages, apart)[0][2] == np.float32(0.14)
    # a sentence in the head's own language is read against the head alone (QA pass 22a, 03)
    sim[0, 3] = sim[3, 0] = 0.14
    assert _scores_against_the_head([0, 1, 2, 3], claims, sim, languages)[0][3] == np.float32(0.14)


class _SameVector:
    """Every text one vector: every pair of quotes in two languages reads as a translation."""

    def __call__(self, texts):
        return np.ones((len(texts), 4), dtype=np.float32) / 2


def _quote(text: str) -> list[Quote]:
    return [Quote(text=text, start=0, end=len(text), speaker="Синєгубов")]


def test_a_later_statement_is_no_translation_of_the_first():
    first_en = "Three people were killed and 17 were injured, among them two children"
    first_uk = "Троє людей загинули, 17 поранені, серед них двоє дітей"
    later_uk = "На жаль, у лікарні помер ще один поранений. Загалом загинули четверо людей, 21 людина поранена"
    quotes = {"wire": _quote(first_en), "visnyk": _quote(first_uk), "update": _quote(later_uk)}
    languages = {"wire": "en", "visnyk": "uk", "update": "uk"}
    aligned = align_quotes(quotes, order=list(quotes), languages=languages, embed=_SameVector())
    by_text = {v.text: (len(a.versions), v.fidelity) for a in aligned for v in a.versions}
    assert by_text[later_uk] == (1, "only_here")
    assert by_text[first_uk] == (2, "translated")
    # with no version in its own language to say otherwise, the vectors still decide
    quotes.pop("visnyk")
    aligned = align_quotes(quotes, order=list(quotes), languages=languages, embed=_SameVector())
    assert [len(a.versions) for a in aligned] == [2]
    # and a second Ukrainian outlet giving the first statement's words joins it
    quotes = {"wire": _quote(first_en), "visnyk": _quote(first_uk),
              "copy": _quote("Троє людей загинули, 17 поранені, серед них двоє дітей")}
    aligned = align_quotes(quotes, order=list(quotes), languages={**languages, "copy": "uk"}, embed=_SameVector())
    assert [len(a.versions) for a in aligned] == [3]


PAIRS = [("There is no military facility near these houses, Terekhov said.",
          "There is a military facility near these houses, Terekhov said.", "en"),
         ("Поруч із цими будинками немає військових об'єктів, сказав Терехов.",
          "Поруч із цими будинками є військові об'єкти, сказав Терехов.", "uk"),
         ("Рядом с этими домами нет военных объектов, сказал Терехов.",
          "Рядом с этими домами есть военные объекты, сказал Терехов.", "ru")]


def test_same_fact_reads_a_negation_as_the_reports_do():
    from storydiff.compare.fact_conflicts import negation_flips

    for a, b, lang in PAIRS:
        assert negation_flips(a, b)
        assert same_fact.negation_differs(a, b, lang, lang)
    # a negation in a clause of its own is no denial of the other's words
    assert not same_fact.negation_differs("Three people were killed, and no children were hurt.",
                                          "Three people were killed.", "en", "en")


def test_same_fact_flags_days_that_differ():
    assert same_fact.when_differs("Russian drones struck Kharkiv on Tuesday, killing three people.",
                                  "Russian drones struck Kharkiv on Thursday, killing three people.", "en", "en")
    assert not same_fact.when_differs("Russian drones struck Kharkiv on Tuesday.",
                                      "On Tuesday Russian drones hit Kharkiv.", "en", "en")


def test_the_same_fact_rows_and_the_readme_name_every_key(tmp_path):
    from pathlib import Path

    from typer.testing import CliRunner

    from storydiff.serve.cli import app

    rows = tmp_path / "pairs.jsonl"
    rows.write_text("\n".join(json.dumps({"id": k, "a": a, "b": b}) for k, (a, b, _) in enumerate(PAIRS)) + "\n"
                    + json.dumps({"id": "days", "a": "Russian drones struck Kharkiv on Tuesday, killing three people.",
                                  "b": "Russian drones struck Kharkiv on Thursday, killing three people."}) + "\n",
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["same-fact", str(rows)])
    assert result.exit_code == 0, result.output
    out = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [r["negation_differs"] for r in out] == [True, True, True, False]
    assert [r["same"] for r in out[:3]] == [False, False, False]
    assert out[3]["dates_differ"] is True and not any(r["dates_differ"] for r in out[:3])
    readme = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")
    (row,) = [line for line in readme.splitlines() if line.startswith("| `storydiff same-fact")]
    for key in {k for r in out for k in r}:
        assert f'"{key}"' in row, key


def test_a_ukrainian_headline_that_says_killed_counts_the_dead():
    got = [(q.value, q.unit) for q in quantities_in("Російські дрони вбили трьох людей у Харкові, 17 поранені", "uk")]
    assert got == [(3, "dead"), (17, "injur")]
    body = "Уночі російські дрони атакували Київський район Харкова.\nНа місці працюють рятувальники."
    arts = [Article(id=a, source=a, outlet=a, title=t, language="uk", text=body) for a, t in
            (("a", "Російські дрони вбили трьох людей у Харкові, 17 поранені"),
             ("b", "Російські дрони вбили чотирьох людей у Харкові, 21 поранений"))]
    lines = [line for f in align_facts(arts) for line in f.conflicts if "headline" in line]
    assert any("(killed)" in line and "трьох" in line and "чотирьох" in line for line in lines), lines
    assert not any("(injured)" in line and "трьох" in line for line in lines), lines
