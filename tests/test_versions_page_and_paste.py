"""QA pass 26c, 4: a page saved with its canonical URL at 09:10 and a browser paste of the same page
after its 14:35 update (no URL) were two articles of Ukrinform, "numbers differ (killed)": a paste
beside a page is asked the same as two pastes (the same outlet, one publication time to the minute,
headlines naming the same thing, most of both texts), in ``compare`` and at ingest. On SQLite and,
when STORYDIFF_TEST_PG_URL is set, PostgreSQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

runner = CliRunner()

URL = "https://www.ukrinform.ua/rubric-regions/4051234-rosia-atakuvala-odesu-dronami.html"
REST = ["Про це повідомив начальник Одеської обласної військової адміністрації Олег Кіпер у Телеграмі.",
        "За його словами, сили протиповітряної оборони знищили 28 з 35 дронів, які ворог запустив по області вночі.",
        "Внаслідок влучань пошкоджено зерновий термінал, два житлові будинки та склад. На місцях працюють рятувальники.",
        "У місті оголошено 6 грудня днем жалоби."]


def lead(dead: str, hurt: str) -> str:
    return (f"ОДЕСА, 5 грудня /Укрінформ/ – Унаслідок нічної атаки російських ударних дронів на Одесу загинули {dead} "
            f"людей, ще {hurt} поранені, серед них двоє дітей.")


def headline(dead: str) -> str:
    return f"Росія атакувала Одесу дронами: загинули {dead} людей"


PAGE = (f'<html lang="uk"><head><meta charset="utf-8"><title>{headline("троє")} | Укрінформ</title>'
        '<meta property="og:site_name" content="Укрінформ">'
        '<meta property="article:published_time" content="2026-12-05T09:10:00+02:00">'
        f'<link rel="canonical" href="{URL}"></head><body><article><h1>{headline("троє")}</h1>'
        f'<p>{lead("троє", "11")}</p>' + "".join(f"<p>{p}</p>" for p in REST) + "</article></body></html>")
PASTE = "\n".join(["Укрінформ", "Головна", "Війна", "Регіони", headline("п'ятеро"), "5 грудня 2026, 09:10",
                   "Оновлено: 5 грудня 2026, 14:35", lead("п'ятеро", "14"),
                   "Згодом під завалами житлового будинку знайшли тіла ще двох людей.", *REST,
                   "© 2026 Укрінформ", ""])


@pytest.fixture
def saved(tmp_path, monkeypatch) -> tuple[Path, Path]:
    monkeypatch.setenv("STORYDIFF_ASSUME_TZ", "Europe/Kyiv")  # the paste's "09:10" is Kyiv's, as the tag's
    page, paste = tmp_path / "odesa-0910.html", tmp_path / "odesa-1500.txt"
    page.write_text(PAGE, encoding="utf-8")
    paste.write_text(PASTE, encoding="utf-8")
    return page, paste


@pytest.mark.parametrize("page_first", [True, False])
def test_compare_of_a_page_and_a_paste_of_its_update_is_one_article_edited(saved, page_first):
    page, paste = saved
    inputs = [page, paste] if page_first else [paste, page]
    d = json.loads(runner.invoke(app, ["compare", *map(str, inputs), "--workers", "0", "--json"]).stdout)
    (article,) = d["articles"]
    assert "п'ятеро" in article["title"] and article["url"] == URL  # the update, at the page's address
    (diffs,) = d["edits"].values()
    assert ("троє", "п'ятеро") in [(f["before"], f["after"]) for f in diffs[0]["figures_changed"]]
    assert not [c for s in d["stories"] for c in s.get("number_conflicts", [])]


@pytest.mark.parametrize("page_first", [True, False])
def test_ingest_of_a_page_and_a_paste_of_its_update_is_one_article_revised(db_url, saved, page_first):
    page, paste = saved
    for path in ([page, paste] if page_first else [paste, page]):
        out = runner.invoke(app, ["ingest", str(path), "--db", db_url, "--workers", "0"])
        assert out.exit_code == 0, out.output
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "п'ятеро" in s.get_article(article.id).text
        assert [("п'ятеро" in r.article.text) for r in s.revisions(article.id)] == [False, True]
        if page_first:  # the paste of the update keeps the page's address (read after it: below, as before)
            assert s.get_article(article.id).url == URL and s.article_by_url(URL).id == article.id
