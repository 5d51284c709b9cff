"""QA pass 27b, 7: a revision that adds the first death ("одна людина загинула" where only the
injured were counted) says so as a figure change, and the API names what a figure counts as the
CLI does ("injured", not the stem "injur"). Real SQLite file, `ingest`, `show`, the API."""

from __future__ import annotations

import json

from fastapi.testclient import TestClient
from typer.testing import CliRunner

from storydiff.compare.revisions import diff_revisions
from storydiff.records import Article
from storydiff.serve.api import create_app
from storydiff.serve.cli import app

runner = CliRunner()
URL = "https://gorod-dp.example/news/ataka"
TAIL = ("За його словами, уламки дрона влучили у дев'ятиповерховий житловий будинок на Шевченківському районі, "
        "пошкоджено щонайменше 40 квартир.")


def _lead(toll: str) -> str:
    return (f"Уночі 4 грудня російські війська атакували Дніпро ударними безпілотниками. Внаслідок атаки {toll}, "
            "повідомив начальник Дніпропетровської ОВА Сергій Лисак.")


def _page(title: str, toll: str, modified: str) -> bytes:
    return (f"<html lang='uk'><head><meta charset='utf-8'><title>{title}</title><link rel='canonical' href='{URL}'>"
            "<meta property='og:site_name' content='Дніпро Вечірній'>"
            "<meta property='article:published_time' content='2026-12-04T06:10:00+02:00'>"
            f"<meta property='article:modified_time' content='{modified}'></head><body><article><h1>{title}</h1>"
            f"<p>{_lead(toll)}</p><p>{TAIL}</p></article></body></html>").encode()


def test_a_first_death_is_a_figure_change_and_counts_read_alike():
    before = Article(id="a", source="s", title="Кількість поранених у Дніпрі зросла до семи", language="uk",
                     text=_lead("кількість поранених зросла до семи") + "\n" + TAIL)
    after = Article(id="a", source="s", title="Атака на Дніпро: одна людина загинула, дев'ятеро поранених",
                    language="uk", text=_lead("одна людина загинула, ще дев'ятеро дістали поранення") + "\n" + TAIL)
    d = diff_revisions(before, after)
    summary = d.summary()
    assert "figure none → одна (killed)" in summary, summary
    assert "figure семи → дев'ятеро (injured)" in summary, summary
    assert {f["counts"] for f in d.to_dict()["figures_changed"]} == {"killed", "injured"}
    # a death counted before and still counted is no first count
    again = diff_revisions(after, Article(id="a", source="s", title=after.title, language="uk",
                                          text=_lead("одна людина загинула, ще десятеро дістали поранення") + "\n" + TAIL))
    assert [(f["before"], f["after"], f["counts"]) for f in again.figures_changed] == [("дев'ятеро", "десятеро", "injured")]


def test_show_and_the_api_say_the_first_death(tmp_path):
    db = str(tmp_path / "t.db")
    (tmp_path / "v1.html").write_bytes(_page("Кількість поранених у Дніпрі зросла до семи",
                                             "кількість поранених зросла до семи", "2026-12-04T10:40:00+02:00"))
    (tmp_path / "v2.html").write_bytes(_page("Атака на Дніпро: одна людина загинула, дев'ятеро поранених",
                                             "одна людина загинула, ще дев'ятеро дістали поранення",
                                             "2026-12-04T15:20:00+02:00"))
    runner.invoke(app, ["ingest", str(tmp_path / "v1.html"), "--db", db, "--workers", "0"])
    said = runner.invoke(app, ["ingest", str(tmp_path / "v2.html"), "--db", db, "--workers", "0"]).stderr
    assert "1 new revision" in said, said
    (story,) = [json.loads(x) for x in runner.invoke(app, ["stories", "--db", db, "--json"]).stdout.splitlines()]
    shown = " ".join(runner.invoke(app, ["show", story["id"], "--db", db], env={"COLUMNS": "200"}).stdout.split())
    assert "figure none → одна (killed)" in shown, shown
    (aid,) = [a["id"] for a in json.loads(runner.invoke(app, ["show", story["id"], "--db", db, "--json"]).stdout)["articles"]]
    with TestClient(create_app(db)) as client:
        changes = client.get(f"/api/articles/{aid}/revisions").json()["revisions"][1]["changes"]
        assert {(f["before"], f["counts"]) for f in changes["figures_changed"]} >= {(None, "killed"), ("семи", "injured")}
        assert "figure none → одна (killed)" in changes["summary"]
        page = " ".join(client.get(f"/stories/{story['id']}").text.split())
        assert "<del>none</del> → <ins>одна</ins> (killed)" in page


def test_a_denied_death_is_no_first_death():
    # "No one was killed, ..., and two people remain in hospital": the two are no toll of the dead;
    # said as "figure none → two (killed)", a reader would be told two died
    lead = "A Russian missile hit Dnipro overnight. Seven people were injured, the governor said."
    before = Article(id="a", source="s", title="Seven injured in Dnipro", language="en", text=lead)
    after = Article(id="a", source="s", title="Seven injured in Dnipro", language="en",
                    text=lead + "\nNo one was killed, he added, and two people remain in hospital.")
    assert not [f for f in diff_revisions(before, after).figures_changed if f["counts"] == "killed"]
    ukr_before = Article(id="b", source="s", title="Атака на Дніпро", language="uk", text=_lead("семеро поранених"))
    ukr_after = Article(id="b", source="s", title="Атака на Дніпро", language="uk",
                        text=_lead("семеро поранених") + "\nНіхто не загинув, двоє людей залишаються в лікарні.")
    assert not [f for f in diff_revisions(ukr_before, ukr_after).figures_changed if f["counts"] == "killed"]


def test_an_earlier_events_toll_added_as_background_is_no_first_death():
    # an update's background: "the deadliest since April, when 46 people were killed" is no toll of
    # this attack
    lead = "A Russian missile hit Dnipro overnight. Seven people were injured, the governor said."
    more = "\n".join(["Rescuers worked through the night to clear the rubble of the nine-storey building.",
                      "The regional administration opened a shelter for the residents of 40 flats."])
    before = Article(id="a", source="s", title="Seven injured in Dnipro", language="en", text=f"{lead}\n{more}")
    after = Article(id="a", source="s", title="Seven injured in Dnipro", language="en",
                    text=f"{lead}\n{more}\nIt was the heaviest attack on the city since April, when 46 people were killed.")
    assert not [f for f in diff_revisions(before, after).figures_changed if f["counts"] == "killed"]
