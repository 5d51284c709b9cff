"""German online copy closes with its agency credit and the editor's initials, no label: "dpa/AFP/lh",
"mes/dpa/Reuters", "AFP/dpa", "(dpa)", "(dpa/AFP)" closing the last paragraph (QA pass 21a, 03: none was
read, the credit line stayed in the body, and every rewrite of a dpa report counted as own reporting)."""

from __future__ import annotations

import json

import pytest

from storydiff.analyze.origins import find_origins
from storydiff.compare.independence import independent_sources, primary_origin
from storydiff.extract import extract_item
from storydiff.extract.line_rules import SOURCE_LINE
from storydiff.records import Article, RawItem

DPA, AFP, REUTERS = "Deutsche Presse-Agentur", "Agence France-Presse", "Reuters"

# two rewrites of one agency report, each in its own words
FIRST = ("Bei einem russischen Drohnenangriff auf die Hafenstadt Cherson sind in der Nacht mindestens vier Menschen "
         "ums Leben gekommen, teilte die Militärverwaltung mit.\n"
         "Nach Angaben der Behörden wurden zwölf weitere Menschen verletzt, darunter zwei Kinder.\n"
         "Die Reparatur der beschädigten Wasserleitung soll nach Angaben der Stadt drei Tage dauern.{credit}")
SECOND = ("Russland hat Cherson in der Nacht erneut mit Drohnen angegriffen: Vier Menschen starben, zwölf wurden "
          "verletzt, unter ihnen zwei Kinder, wie die örtliche Militärverwaltung am Morgen mitteilte.\n"
          "Die Stadt rechnet mit drei Tagen, bis die getroffene Wasserleitung wieder funktioniert.{credit}")


@pytest.mark.parametrize("line, names", [
    ("dpa/AFP/lh", [DPA, AFP]),
    ("mes/dpa/Reuters", [DPA, REUTERS]),
    ("AFP/dpa", [AFP, DPA]),
    ("(dpa)", [DPA]),
    ("(dpa/AFP)", [DPA, AFP]),
    ("AP / dpa / jok", ["Associated Press", DPA]),
])
def test_a_closing_agency_credit_names_the_articles_origins_first_agency_first(line, names):
    assert SOURCE_LINE.fullmatch(line)
    text = FIRST.format(credit="\n" + line)
    assert [o.name for o in find_origins(text, outlet="tagesschau.de")] == names
    rewrite = Article(id="r", source="r", text=text, outlet="tagesschau.de", origins=find_origins(text))
    assert primary_origin(rewrite) == names[0]


@pytest.mark.parametrize("line", [
    "lh/mes",  # an editor's initials alone: no agency
    "dpa",  # a word alone
    "Foto: dpa/Michael Kappeler",  # a photo's credit
    "Fot. PAP/Wojtek Jargiło",
    "km/h",
    "Er sagte (dpa) dies.",
])
def test_other_lines_are_no_agency_credit(line):
    assert not SOURCE_LINE.fullmatch(line)


def test_a_bracketed_credit_closing_the_last_paragraph_is_read():
    text = FIRST.format(credit=" (dpa/AFP)")
    assert [o.name for o in find_origins(text)][:2] == [DPA, AFP]


def test_two_rewrites_crediting_dpa_first_are_one_source():
    # tagesschau's "dpa/AFP/lh" and Spiegel's "mes/dpa/Reuters": both rest on dpa
    a = FIRST.format(credit="\ndpa/AFP/lh")
    b = SECOND.format(credit="\nmes/dpa/Reuters")
    arts = [Article(id=i, source=i, text=t, outlet=o, origins=find_origins(t, outlet=o))
            for i, t, o in (("a", a, "tagesschau.de"), ("b", b, "DER SPIEGEL"))]
    n, groups = independent_sources(arts)
    assert n == 1 and groups[0].origin == DPA


def test_without_a_credit_the_rewrites_stay_two_sources():
    arts = [Article(id=i, source=i, text=t.format(credit=""), outlet=o, origins=find_origins(t.format(credit=""), outlet=o))
            for i, t, o in (("a", FIRST, "tagesschau.de"), ("b", SECOND, "DER SPIEGEL"))]
    assert independent_sources(arts)[0] == 2


@pytest.mark.parametrize("kind, content", [
    ("html", "<html><head><title>Vier Tote in Cherson</title></head><body><article><h1>Vier Tote in Cherson</h1>"
             + "".join(f"<p>{p}</p>" for p in FIRST.format(credit="").split("\n"))
             + '<p class="credit">dpa/AFP/lh</p></article></body></html>'),
    ("text", FIRST.format(credit="\ndpa/AFP/lh")),
])
def test_the_credit_line_is_kept_apart_from_the_body_and_is_no_byline(kind, content):
    article = extract_item(RawItem(source=f"credit.{kind}", kind=kind, content=content,
                                   meta={"outlet": "tagesschau.de", "title": "Vier Tote in Cherson"}))
    assert "dpa/AFP/lh" not in article.text
    assert article.text.rstrip().endswith("drei Tage dauern.")
    assert article.credit_lines == ["dpa/AFP/lh"]
    assert not any("dpa" in a.lower() or a == "lh" for a in article.authors)
    assert [o.name for o in find_origins(article.text, outlet=article.outlet, credit_lines=article.credit_lines)] == [DPA, AFP]


def test_an_export_of_two_credited_rewrites_is_one_source(tmp_path):
    from storydiff.pipeline import compare_paths

    rows = [{"id": "a", "outlet": "tagesschau.de", "title": "Vier Tote bei Drohnenangriff auf Cherson",
             "published": "2026-12-06T10:00:00+01:00", "text": FIRST.format(credit="\ndpa/AFP/lh")},
            {"id": "b", "outlet": "DER SPIEGEL", "title": "Russland greift Cherson mit Drohnen an",
             "published": "2026-12-06T11:00:00+01:00", "text": SECOND.format(credit="\nmes/dpa/Reuters")}]
    path = tmp_path / "pair.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    result = compare_paths([path], parse_singles=False, entities=False)
    for article in result.articles:
        assert DPA in article.cited_origins and "/" not in article.text.splitlines()[-1]
    (story,) = result.stories
    assert story.independent_sources == 1
