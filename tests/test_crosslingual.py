"""One story across languages (match/multilingual.py), language detection (storydiff.language),
and the same-story judgement (match/same_story.py, `storydiff same-story`).

tests/data/crosslingual_reports.jsonl holds invented reports (fictional places and people): a dam
breach told by two English outlets, a Ukrainian and a Russian one, and a council vote the same day
told in English and Ukrainian."""

from __future__ import annotations

import importlib.util
import json
import random
from dataclasses import replace
from pathlib import Path

import pytest
from test_store import db_url, store  # noqa: F401 - the SQLite/PostgreSQL store fixture
from typer.testing import CliRunner

from storydiff.language import detect
from storydiff.match import OnlineClusterer
from storydiff.match import multilingual as ml
from storydiff.pipeline import compare_paths, ingest_stream, match_doc_from_row
from storydiff.serve.cli import app

DATA = Path(__file__).parent / "data"
REPORTS = DATA / "crosslingual_reports.jsonl"
runner = CliRunner()


def rows(path: Path = REPORTS) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def groups_of(assigned: dict[str, str]) -> set[frozenset[str]]:
    by_story: dict[str, set[str]] = {}
    for doc_id, sid in assigned.items():
        by_story.setdefault(sid, set()).add(doc_id)
    return {frozenset(g) for g in by_story.values()}


GOLD = {frozenset({"dam-en-1", "dam-en-2", "dam-uk", "dam-ru"}), frozenset({"vote-en", "vote-uk"})}


# -- keys that survive translation -----------------------------------------------------------
@pytest.mark.parametrize(
    "latin, other",
    [("Johnson", "Джонсон"), ("Kallas", "Каллас"), ("Ukraine", "Україна"), ("Zelensky", "Зеленський"),
     ("Washington", "Вашингтон"), ("Biden", "Байден"), ("Raab", "Рааб"), ("Putin", "Путина")],
)
def test_a_name_has_one_skeleton_in_latin_and_cyrillic(latin, other):
    assert ml.name_skeleton(latin) == ml.name_skeleton(other) is not None


def test_different_names_keep_different_skeletons():
    assert ml.name_skeleton("Johnson") != ml.name_skeleton("Jackson")
    assert ml.name_skeleton("Kallas") != ml.name_skeleton("Коллинз")


@pytest.mark.parametrize("raw, value", [("1,2", "1.2"), ("1.2", "1.2"), ("1,200", "1200"), ("1 200", "1200"),
                                        ("1.200", "1200"), ("2019", "2019"), ("7", None)])
def test_figures_are_written_one_way_whatever_the_language(raw, value):
    assert ml.normalize_number(raw) == value


def test_a_translation_shares_its_names_and_figures():
    en, uk, vote = (next(r for r in rows() if r["id"] == i) for i in ("dam-en-1", "dam-uk", "vote-uk"))

    def keys(r):
        from storydiff.match.features import extract_terms

        return set(ml.cross_keys(r["text"], r["title"], extract_terms(r["text"]).entities.items()))

    shared = keys(en) & keys(uk)
    assert {"#1200", "#2019", "#14", "@" + ml.name_skeleton("Pell"), "@" + ml.name_skeleton("Kessa")} <= shared
    assert len(keys(en) & keys(vote)) < len(shared) / 2


ODESA_EN = ("ODESA, Ukraine (Reuters) — A Russian drone attack on the port of Odesa overnight killed seven people and "
            "injured 21, regional governor Oleh Kiper said on Friday.\n\"The enemy deliberately targeted civilian "
            "infrastructure and a grain terminal,\" Kiper wrote on Telegram.\nThe air force said it had shot down 43 "
            "of the 58 drones launched overnight.\nA warehouse holding 2,500 tonnes of wheat was destroyed, port "
            "operator Olimpex said.\nThe Kremlin did not comment on the attack.")
ODESA_DE = ("Bei einem russischen Drohnenangriff auf den Hafen von Odessa sind in der Nacht sieben Menschen getötet "
            "und 21 verletzt worden, teilte Gouverneur Oleh Kiper am Freitag mit. Die Luftwaffe schoss nach eigenen "
            "Angaben 43 von 58 Drohnen ab.")


def test_a_german_reports_nouns_are_no_names_and_it_joins_its_english_story():
    # German capitalises every noun: Hafen, Nacht, Luftwaffe and Freitag were most of the report's
    # keys, its English original shared too few of them, and the translation opened a story of its
    # own (QA pass)
    from storydiff.match.features import extract_terms

    nouns = ml.common_nouns(ODESA_DE, "de")
    assert {"hafen", "nacht", "luftwaffe", "freitag", "drohnenangriff"} <= nouns and "odessa" not in nouns
    assert ml.common_nouns(ODESA_DE, "en") == frozenset()
    # a preposition between the article and a name is no adjective: the names stay (review)
    names = "Die von Russland besetzte Stadt. Der mit Selenskyj vereinbarte Plan. Die gegen Syrien gerichtete Aktion."
    assert not {"russland", "selenskyj", "syrien"} & ml.common_nouns(names, "de")
    keys = set(ml.cross_keys(ODESA_DE, None, extract_terms(ODESA_DE).entities.items(), "de"))
    assert {"@" + ml.name_skeleton("Odessa"), "@" + ml.name_skeleton("Kiper"), "#43"} <= keys
    assert "@" + ml.name_skeleton("Hafen") not in keys
    c = OnlineClusterer()
    en = c.add(match_doc_from_row({"text": ODESA_EN, "published": "2025-03-14T06:30:00Z"}, "en"))
    de = c.add(match_doc_from_row({"text": ODESA_DE, "title": "Drohnenangriff auf Odessa: sieben Tote",
                                   "published": "2025-03-14T09:00:00Z"}, "de"))
    assert c.resolve(en) == c.resolve(de)


# -- language ------------------------------------------------------------------------------
@pytest.mark.parametrize("text, language", [
    ("Частина дамби Кесса обвалилася рано в понеділок, затопивши три села нижче за течією.", "uk"),
    ("Около 1200 жителей эвакуированы в понедельник после того, как часть дамбы обрушилась.", "ru"),
    ("About 1,200 residents were evacuated on Monday after part of the Kessa dam collapsed.", "en"),
    ("Rund 1200 Bewohner wurden am Montag in Sicherheit gebracht, nachdem der Damm brach.", "de"),
    ("Około 1200 mieszkańców ewakuowano w poniedziałek po tym, jak część tamy się zawaliła.", "pl"),
])
def test_language_is_detected_from_a_sentence(text, language):
    assert detect(text) == language


def test_language_of_nothing_is_none():
    assert detect("") is None and detect("ok") is None and detect(None) is None  # type: ignore[arg-type]


# -- grouping across languages -------------------------------------------------------------
@pytest.mark.parametrize("seed", range(4))
def test_reports_in_ukrainian_and_russian_join_their_english_story_in_any_order(seed):
    seq = random.Random(seed).sample(rows(), 6)
    c = OnlineClusterer()
    assigned = {r["id"]: c.add(match_doc_from_row(r, r["id"])) for r in seq}
    assert groups_of({i: c.resolve(s) for i, s in assigned.items()}) == GOLD
    assert c.embedded > 0  # the multilingual model read the ledes it needed


def test_a_same_language_stream_never_calls_the_multilingual_model():
    c = OnlineClusterer()
    for r in rows():
        if r["language_gold"] == "en":
            c.add(match_doc_from_row(r, r["id"]))
    assert c.embedded == 0


def test_the_shipped_cross_scorer_and_the_settings_name_the_same_gate_and_threshold():
    from storydiff.settings import MatchSettings

    meta = json.loads(ml.WEIGHTS.read_text())["meta"]
    st = MatchSettings()
    assert (meta["threshold"], meta["min_cover"]) == (st.cross_threshold, st.cross_min_cover)


WMT = Path(__file__).resolve().parents[2] / "shared" / "data" / "crosslingual" / "wmt-dev" / "docs.jsonl"


@pytest.mark.skipif(not WMT.exists(), reason="no ../shared/data")
def test_long_features_translated_into_russian_join_their_english_story():
    # Their Russian keys share 0.25-0.26 of their weight with the English story, under round 13's
    # gate (0.29): an interview ("Оливером Спенсером" beside "Spencer": no shared key) and a
    # report from North Korea whose Russian names ("Кэсон", "Северной") the English spells otherwise.
    docs = [json.loads(line) for line in WMT.open(encoding="utf-8")]
    english = [r for r in docs if r["year"] == 2021 and r["lang"] == "en"]
    c = OnlineClusterer()
    story_of = {r["doc_id"]: c.add(ml_doc(r)) for r in english}
    for doc_id in ("wmt21.guardian.306625", "wmt21.guardian.306602"):
        ru = next(r for r in docs if r["doc_id"] == doc_id and r["lang"] == "ru")
        assert c.resolve(c.add(ml_doc(ru))) == c.resolve(story_of[doc_id])


def ml_doc(r: dict):
    from storydiff.match import MatchDoc

    return MatchDoc(f"{r['doc_id']}/{r['lang']}", r["text"])


def test_without_the_cross_language_path_translations_stay_apart():
    from storydiff.settings import MatchSettings

    c = OnlineClusterer(MatchSettings(cross_language=False))
    assigned = {r["id"]: c.add(match_doc_from_row(r, r["id"])) for r in rows()}
    assert groups_of({i: c.resolve(s) for i, s in assigned.items()}) != GOLD  # the test above shows a change


def test_cluster_command_joins_a_ukrainian_report_to_its_english_story(tmp_path):
    path = tmp_path / "rows.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows()), encoding="utf-8")
    result = runner.invoke(app, ["cluster", str(path), "--workers", "0"], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert groups_of({r["id"]: r["story_id"] for r in out}) == GOLD


def _export(tmp_path: Path) -> Path:
    path = tmp_path / "export.jsonl"
    keep = ("id", "title", "text", "published", "outlet")
    path.write_text("".join(json.dumps({k: r[k] for k in keep}, ensure_ascii=False) + "\n" for r in rows()),
                    encoding="utf-8")
    return path


def test_compare_groups_across_languages_and_reports_each_language(tmp_path):
    result = compare_paths([str(_export(tmp_path))])
    assert {a.id: a.language for a in result.articles} == {r["id"]: r["language_gold"] for r in rows()}
    assert {frozenset(s.article_ids) for s in result.stories} == GOLD


def test_ingest_groups_across_languages_in_sqlite_and_postgresql(store, tmp_path):  # noqa: F811
    from storydiff.ingest import read_inputs

    ingest_stream(store, read_inputs([str(_export(tmp_path))]))
    stored = store.articles_with_stories(since=None, until=None)
    assert groups_of({a.id: sid for a, sid in stored}) == GOLD
    assert {a.id: a.language for a, _ in stored}["dam-uk"] == "uk"


def test_a_later_ingest_joins_a_translation_to_the_story_stored_before(store, tmp_path):  # noqa: F811
    from storydiff.ingest import read_inputs

    export = _export(tmp_path)
    lines = export.read_text(encoding="utf-8").splitlines()
    first, second = tmp_path / "en.jsonl", tmp_path / "uk.jsonl"
    first.write_text("\n".join(line for line in lines if '"dam-en' in line) + "\n", encoding="utf-8")
    second.write_text("\n".join(line for line in lines if '"dam-uk' in line) + "\n", encoding="utf-8")
    ingest_stream(store, read_inputs([str(first)]))
    ingest_stream(store, read_inputs([str(second)]))  # a new run: the English story comes from the store
    stored = {a.id: sid for a, sid in store.articles_with_stories(since=None, until=None)}
    assert stored["dam-uk"] == stored["dam-en-1"] == stored["dam-en-2"]


def test_serve_groups_a_ukrainian_upload_with_the_english_story(tmp_path):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from storydiff.serve.api import create_app

    items = {r["id"]: {k: r[k] for k in ("id", "title", "text", "published", "outlet")} for r in rows()}
    auth = {"Authorization": "Bearer t0ken"}
    with TestClient(create_app(str(tmp_path / "news.db"), token="t0ken")) as client:
        assert client.post("/api/articles", json=[items["dam-en-1"], items["vote-en"]], headers=auth).status_code == 200
        assert client.post("/api/articles", json=items["dam-uk"], headers=auth).json()["stored"] == 1
        story = {i: client.get(f"/api/articles/{i}").json()["story_id"] for i in ("dam-en-1", "dam-uk", "vote-en")}
    assert story["dam-uk"] == story["dam-en-1"] != story["vote-en"]


def test_the_spark_job_groups_across_languages(tmp_path):
    import test_spark

    if importlib.util.find_spec("pyspark") is None or not test_spark._java_available():
        pytest.skip("pyspark or java is not available")
    from storydiff.spark_job import run_job

    spark = next(test_spark.spark.__wrapped__())  # the module's session builder, local[2]
    try:
        counts = run_job(spark, [str(_export(tmp_path))], str(tmp_path / "out"), time_partitions=2)
        groups = test_spark._spark_groups(tmp_path / "out")
    finally:
        spark.stop()
    assert counts["articles"] == 6 and groups == GOLD


# -- related events ----------------------------------------------------------------------------
_PREP = ("Diplomats of Veyra and Ostland spent weeks in secret talks preparing a meeting of President Anton Brel "
         "and Chancellor Ilse Marrow at a hunting lodge near Lorn, officials said.")
_PREP_2 = ("For weeks Veyran and Ostlandic diplomats met secretly at a lodge near Lorn, preparing talks between "
           "Anton Brel and Ilse Marrow, according to officials.")
_ANNOUNCED = ("President Anton Brel announced on Friday in Lorn that he will meet Chancellor Ilse Marrow in "
              "Harrowgate on April 2 to sign a shipping accord.")


def _fake_embed(texts):
    import numpy as np

    return np.ones((len(texts), 4)) / 2.0  # every text alike: only the lexical features differ


def test_content_shared_sets_the_shared_names_aside():
    from storydiff.match import MatchDoc
    from storydiff.match import same_story as ss

    docs = {k: MatchDoc(k, t, language="en") for k, t in (("prep", _PREP), ("prep2", _PREP_2), ("ann", _ANNOUNCED))}
    x = ss.pair_features([(docs["prep"], docs["prep2"]), (docs["prep"], docs["ann"])], embed=_fake_embed)
    col = ss.FEATURES.index("content_shared")
    names = ss.FEATURES.index("names_shared")
    # the announcement shares the preparation's names about as much as a second report of it...
    assert x[1, names] >= 0.5
    # ...and far fewer of the words that say what happened
    assert x[0, col] > 0.3 > x[1, col] and x[0, col] > 2 * x[1, col]
    # across languages the lexical channels say nothing
    uk = MatchDoc("uk", "Президент Антон Брель оголосив, що зустрінеться з Ільзе Марров.", language="uk")
    assert ss.pair_features([(docs["ann"], uk)], embed=_fake_embed)[0, col] == 0.0


def test_time_factor_is_the_clusterers_decay_and_needs_both_dates():
    from datetime import datetime, timedelta, timezone

    from storydiff.match import MatchDoc
    from storydiff.match import same_story as ss
    from storydiff.settings import MatchSettings

    t0 = datetime(2025, 3, 3, 8, tzinfo=timezone.utc)
    a = MatchDoc("a", _PREP, published=t0)
    s = MatchSettings()
    assert ss.time_factor(a, MatchDoc("b", _PREP_2, published=t0 + timedelta(hours=2))) > 0.99
    four_days = ss.time_factor(a, MatchDoc("c", _ANNOUNCED, published=t0 + timedelta(days=4)))
    assert four_days == pytest.approx(1 - s.time_decay * 4 / s.window_days)
    at_window = ss.time_factor(a, MatchDoc("w", _ANNOUNCED, published=t0 + timedelta(days=s.window_days)))
    assert at_window == pytest.approx(1 - s.time_decay)
    # past the clusterer's window: never compared there, so never "same" here (QA pass 24a, 05)
    assert ss.time_factor(a, MatchDoc("d", _ANNOUNCED, published=t0 + timedelta(days=40))) == 0.0
    assert ss.time_factor(a, MatchDoc("d", _ANNOUNCED, published=t0 - timedelta(days=s.window_days + 1))) == 0.0
    assert ss.time_factor(a, MatchDoc("e", _ANNOUNCED)) == 1.0  # undated: no penalty


_SUMMIT = [  # two reports of a summit's secret preparation, then its announcement four days later
    ("prep-1", "2025-03-03T08:00:00+00:00", "Officials quietly prepared Brel-Marrow meeting for weeks",
     "Diplomats from Veyra and Ostland have spent weeks in secret talks preparing a meeting between President Anton "
     "Brel and Chancellor Ilse Marrow, three officials told Harbor Wire. The talks were held at a hunting lodge outside "
     "Lorn and kept from both cabinets. Negotiators drafted a text on border crossings and river shipping, one official "
     "said. No date has been agreed, and the foreign ministry in Lorn declined to comment on what it called speculation."),
    ("prep-2", "2025-03-04T10:30:00+00:00", "Secret talks at a Lorn hunting lodge paved way for Brel and Marrow",
     "For weeks, a handful of Veyran and Ostlandic diplomats met in secret at a lodge near Lorn to lay the ground for "
     "talks between President Anton Brel and Chancellor Ilse Marrow, according to officials familiar with the process. "
     "The teams worked on a draft about river shipping and border crossings. Even ministers were not told, the "
     "officials said. The Veyran foreign ministry would not confirm the talks."),
    ("announced", "2025-03-07T12:00:00+00:00", "Brel says he will meet Marrow in Harrowgate on April 2",
     "President Anton Brel announced on Friday that he will meet Chancellor Ilse Marrow in Harrowgate on April 2, the "
     "first visit by a Veyran leader to Ostland in eleven years. Speaking at a news conference in Lorn, Brel said the two "
     "leaders would sign an agreement on river shipping. Marrow's office confirmed the date within the hour. Opposition "
     "leaders in Lorn criticised the plan as rushed and demanded a vote in parliament before any signing."),
]


def test_content_gate_keeps_the_next_event_of_the_same_people_apart():
    from storydiff.match import MatchDoc
    from storydiff.settings import MatchSettings

    def place(settings):
        # the content gate alone: the story span bound (round 23) keeps the announcement, days
        # after the preparation's reports, apart by itself
        c = OnlineClusterer(replace(settings, event_story_span_days=-1))
        sids = {i: c.add(MatchDoc(i, text, title, published=t, language="en")) for i, t, title, text in _SUMMIT}
        return {i: c.resolve(s) for i, s in sids.items()}

    off = place(MatchSettings(min_content_cosine=0.0))
    assert off["prep-1"] == off["prep-2"] == off["announced"]  # the names carry it: one story
    # these reports are short (~30 content words): the shipped gate leaves them to the score
    assert place(MatchSettings()) == off
    on = place(MatchSettings(min_content_cosine=0.08, content_gate_min_words=0))
    assert on["prep-1"] == on["prep-2"] != on["announced"]
    # the announcement comes days after the preparation's reports: with content_gate_days_apart
    # (round 19, off by default) the gate judges it whatever its length
    assert place(MatchSettings(content_gate_days_apart=1)) == on
    # and with the shipped defaults the bound keeps them apart whatever the gate
    c = OnlineClusterer(MatchSettings())
    sids = {i: c.resolve(c.add(MatchDoc(i, text, title, published=t, language="en"))) for i, t, title, text in _SUMMIT}
    assert sids["prep-1"] == sids["prep-2"] != sids["announced"]


# -- the same-story command ----------------------------------------------------------------------
def test_same_story_command_answers_each_pair_and_names_bad_rows(tmp_path):
    r = {x["id"]: {k: x[k] for k in ("title", "text", "published", "outlet")} for x in rows()}
    lines = [
        json.dumps({"id": "p1", "a": r["dam-en-1"], "b": r["dam-uk"]}, ensure_ascii=False),
        json.dumps({"id": 2, "a": r["dam-ru"], "b": r["vote-uk"]}, ensure_ascii=False),
        '{"id": "p3", "a": {"text": "x"}}',
        "not json",
        json.dumps({"id": "p4", "a": r["vote-en"], "b": r["vote-uk"]}, ensure_ascii=False),
    ]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["same-story", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["p1", 2, "p4"]
    assert [o["same"] for o in out[:2]] == [True, False]
    assert all(0.0 <= o["score"] <= 1.0 and set(o) == {"id", "same", "score"} for o in out)
    # the vote's translation scores above a report of the dam against the vote (its `same` sits
    # near the threshold: the score is fitted on SemEval, which has few translations)
    assert out[0]["score"] > out[1]["score"] and out[2]["score"] > out[1]["score"]
    assert f"{path}#L3: bad row: 'b'" in result.stderr and f"{path}#L4: bad row" in result.stderr
    strict = runner.invoke(app, ["same-story", str(path), "--strict"], catch_exceptions=False)
    assert strict.exit_code == 1
    piped = runner.invoke(app, ["same-story", "-"], input=lines[0] + "\n", catch_exceptions=False)
    assert piped.exit_code == 0 and json.loads(piped.stdout)["same"] is True


def _exchange_report(n: int, day: str, month: str) -> dict:
    # an agency's fixed template for every exchange of prisoners (fictional agency and countries)
    return {"title": f"Вельдия вернула из плена {n} военнослужащих",
            "text": f"ЛОРН — Агентство Вестник. Вельдийская сторона вернула с подконтрольной Остландии территории {n} "
                    f"вельдийских военнослужащих, сообщили в министерстве обороны. «В результате переговорного "
                    f"процесса с подконтрольной Остландии территории возвращены {n} военнослужащих. В обмен переданы "
                    f"{n} военнопленных», — говорится в сообщении ведомства. Военнослужащие будут доставлены в Лорн "
                    f"для лечения и реабилитации в медицинских учреждениях министерства обороны.",
            "published": f"2026-{month}-{day}T13:20:00+03:00", "language": "ru", "outlet": "Вестник"}


def test_same_story_keeps_template_reports_a_month_apart_apart(tmp_path):
    # QA pass 24a, 05: one agency's template reports of two exchanges a month apart (84 for 84,
    # then 150 for 150) were "same", 0.8: the time factor floored at 0.8 for any gap
    nov, dec = _exchange_report(84, "06", "11"), _exchange_report(150, "06", "12")
    undated = [{k: v for k, v in r.items() if k != "published"} for r in (nov, dec)]
    path = tmp_path / "pairs.jsonl"
    path.write_text("\n".join(json.dumps({"id": i, "a": a, "b": b}, ensure_ascii=False)
                              for i, (a, b) in enumerate([(nov, dec), undated])) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["same-story", str(path)], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    month_apart, no_dates = [json.loads(line) for line in result.stdout.splitlines()]
    # the template alone reads as one story (what the dates must overrule)...
    assert no_dates["same"] is True
    # ...a month apart it is not
    assert month_apart["same"] is False and month_apart["score"] == 0.0


def test_same_story_command_refuses_a_missing_file_and_an_empty_one(tmp_path):
    missing = runner.invoke(app, ["same-story", str(tmp_path / "none.jsonl")], catch_exceptions=False)
    assert missing.exit_code == 1 and "no such file" in missing.stderr
    empty = tmp_path / "empty.jsonl"
    empty.write_text("", encoding="utf-8")
    result = runner.invoke(app, ["same-story", str(empty)], catch_exceptions=False)
    assert result.exit_code == 1 and "no pairs to judge" in result.stderr


def test_a_lede_leaves_the_dateline_out():
    # a second QA pass (round 14): "KHARKIV, June 10 (Harbor Wire) -" took a fifth of what e5 reads
    # and kept a Ukrainian translation out of its story
    from storydiff.match.multilingual import lede

    got = lede("KHARKIV, June 10 (Harbor Wire) - Three people were killed when a glide bomb hit Kharkiv.", "Strike")
    assert got.startswith("Strike Three people were killed") and "KHARKIV" not in got
