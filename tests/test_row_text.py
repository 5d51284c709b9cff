"""`cluster` and `same-story` read a row's text as extraction reads a text field (round 25).

Written fixtures: six Lithuanian reports of one warehouse fire in Kaunas, from three outlets,
each row's text pasted with its page's furniture (share and comment counters, a byline label, a
clock line, "Skaitykite daugiau: ..." teasers of other stories) before the body. `compare`
drops the furniture and finds one story; `cluster` read the rows raw, led by another story's
teaser, and split them (a QA pass saw 1 story against 4).
"""

from __future__ import annotations

import json

from typer.testing import CliRunner

from storydiff.extract import field_text
from storydiff.pipeline import extract_paths, group_articles, match_doc_from_row
from storydiff.records import Article
from storydiff.serve.cli import app

_FURNITURE = {
    "15min": ["Dalintis", "Komentarai (4)",
              "Skaitykite daugiau: Seimas priėmė biudžetą, opozicija žada kreiptis į Konstitucinį Teismą",
              "Skaitykite daugiau: Vilniaus oro uoste atšaukta 12 skrydžių dėl rūko", "Sekite mus Facebook"],
    "delfi": ["Dalintis", "Skaitykite taip pat: Krepšinio rinktinė nugalėjo latvius Rygoje 84:79", "Komentarai 17",
              "Prenumeruokite naujienlaiškį"],
    "lrt": ["Skaitykite daugiau: Klaipėdos uoste streikuoja 300 dokininkų", "Dalintis",
            "Daugiau naujienų: Šiaulių meras atsistatydino po skandalo dėl viešųjų pirkimų"],
}
_DEPARTMENT = "Priešgaisrinės apsaugos ir gelbėjimo departamentas"
_REPORTS = [
    ("15min", "Kaune degė sandėlis, evakuoti 40 žmonių",
     "Šeštadienio rytą Kauno Vilijampolės seniūnijoje, Raudondvario plente, kilo gaisras prekybos sandėlyje. "
     f"Ugniagesiai gelbėtojai iš sandėlio evakavo 40 darbuotojų, nukentėjusių nėra, pranešė {_DEPARTMENT}."),
    ("15min", "Gaisras Kauno sandėlyje užgesintas po penkių valandų",
     f"Kauno Raudondvario plente degęs prekybos sandėlis užgesintas po penkių valandų, pranešė {_DEPARTMENT}. "
     "Iš pastato buvo evakuoti 40 darbuotojų, ugnis išdegino apie 2000 kvadratinių metrų."),
    ("delfi", "Vilijampolėje liepsnojo sandėlis",
     "Kaune, Vilijampolėje, Raudondvario plente šeštadienį užsidegė prekybos sandėlis, iš jo evakuoti 40 darbuotojų. "
     f"Gaisrą gesino 12 ugniagesių ekipažų, pranešė {_DEPARTMENT}."),
    ("delfi", "Kauno sandėlio gaisras: išdegė 2000 kvadratinių metrų",
     "Šeštadienį Kauno Raudondvario plente kilęs gaisras prekybos sandėlyje išdegino apie 2000 kvadratinių metrų, "
     f"pranešė {_DEPARTMENT}. Evakuoti 40 darbuotojų, nukentėjusių nėra."),
    ("lrt", "Kaune dega prekybos sandėlis",
     f"Kauno Vilijampolėje, Raudondvario plente, šeštadienį dega prekybos sandėlis, pranešė {_DEPARTMENT}. "
     "Iš sandėlio evakuoti 40 darbuotojų, gaisrą gesina 12 ekipažų."),
    ("lrt", "Ugniagesiai užgesino gaisrą Kauno sandėlyje",
     f"Ugniagesiai užgesino gaisrą Kauno Raudondvario plente esančiame prekybos sandėlyje, pranešė {_DEPARTMENT}. "
     "Ugnis išdegino apie 2000 kvadratinių metrų, 40 darbuotojų buvo evakuoti."),
]


def _fire_rows() -> list[dict]:
    rows = []
    for i, (outlet, title, body) in enumerate(_REPORTS):
        furniture = _FURNITURE[outlet]
        lines = [furniture[(i // 2) % len(furniture)], f"Autorius: {outlet}.lt", f"2026-12-05 10:{10 + 7 * i:02d}",
                 *furniture, body]
        rows.append({"id": f"lt-{i}", "title": title, "outlet": outlet,
                     "published": f"2026-12-05T{9 + i:02d}:{10 + i:02d}:00+02:00", "text": "\n".join(lines)})
    return rows


def _write(path, rows: list[dict]) -> None:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")


def _groups(pairs) -> set[frozenset[str]]:
    stories: dict[str, set[str]] = {}
    for doc_id, story in pairs:
        stories.setdefault(story, set()).add(doc_id)
    return {frozenset(s) for s in stories.values()}


def test_cluster_groups_page_text_rows_as_compare_does(tmp_path):
    path = tmp_path / "fire.jsonl"
    _write(path, _fire_rows())
    articles = [a for a in extract_paths([path]) if isinstance(a, Article)]
    compared = {frozenset(a.id for a in members) for members in group_articles(articles).values()}
    assert compared == {frozenset(f"lt-{i}" for i in range(6))}  # compare: one story
    for workers in ("0", "1"):
        result = CliRunner().invoke(app, ["cluster", str(path), "--workers", workers])
        assert result.exit_code == 0, result.output
        rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
        assert _groups((r["id"], r["story_id"]) for r in rows) == compared


def test_a_rows_page_furniture_is_dropped_and_its_sentences_kept():
    row = _fire_rows()[0]
    text = match_doc_from_row(row).text
    # teasers, share and comment counters gone; the byline label and the clock line are no clutter
    # by rule (compare's line model drops them: left to it, for the firehose's speed)
    assert text == f"Autorius: 15min.lt\n2026-12-05 10:10\n{_REPORTS[0][2]}"
    english = "Share this\nRead more: Mayor quits over tender scandal\nFire at a Kaunas warehouse forced 40 workers out on Saturday, officials said."
    assert field_text(english) == "Fire at a Kaunas warehouse forced 40 workers out on Saturday, officials said."
    ukrainian = "Читайте також: Вибухи у Харкові\nПожежу на складі в Каунасі загасили за п'ять годин, повідомили рятувальники."
    assert field_text(ukrainian) == "Пожежу на складі в Каунасі загасили за п'ять годин, повідомили рятувальники."


def test_a_clean_rows_text_is_read_as_given():
    # nothing for the rules to drop: the text is the row's to the byte
    text = ("Fire broke out at a warehouse in Kaunas on Saturday morning, the fire service said.\n\n"
            "  Forty workers were led out and no one was hurt.\nThe blaze was put out after five hours.")
    assert match_doc_from_row({"id": 1, "text": text, "title": "Kaunas warehouse fire"}).text == text
    signed = "Read more about the fire service.\nKaunas, 5 December\n" + text  # a sentence; a dateline
    assert field_text(signed) == signed
    brief = "Kaunas warehouse fire"  # a text of one short line, no sentence: kept, not refused
    assert match_doc_from_row({"id": 2, "text": brief}).text == brief
