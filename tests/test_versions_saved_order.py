"""QA pass 26c, 2: a page saved again after its update, as "page-v2.html" then "page-v10.html".
Where no time orders the saves (no modified tag, no printed update stamp, one publication time),
the numbers in the files' names do, not the order a shell's glob gives them (page-v10 first): the
edit was shown reversed, "figure п'ятеро → троє (killed)"."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from storydiff.records import Article
from storydiff.serve.cli import app
from storydiff.versions.batch import newest_versions

runner = CliRunner()

URL = "https://www.ukrinform.ua/rubric-regions/4051234-odesa.html"
LEAD = ("ОДЕСА, 5 грудня /Укрінформ/ – Унаслідок нічної атаки російських ударних дронів на Одесу загинули {dead} "
        "людей, ще {hurt} поранені, серед них двоє дітей.")
REST = ("Про це повідомив начальник Одеської обласної військової адміністрації Олег Кіпер у Телеграмі.\n"
        "За його словами, сили протиповітряної оборони знищили 28 з 35 дронів, які ворог запустив по області вночі.\n"
        "Внаслідок влучань пошкоджено зерновий термінал, два житлові будинки та склад.\n"
        "На місцях працюють рятувальники ДСНС.")


def _version(source: str, dead: str, hurt: str) -> Article:
    return Article(id="ukr", source=source, url=URL, outlet="Укрінформ", title=f"Атака на Одесу: загинули {dead} людей",
                   published="2026-12-05T09:10:00+02:00", text=LEAD.format(dead=dead, hurt=hurt) + "\n" + REST)


def test_saves_numbered_alike_are_ordered_by_their_numbers_not_as_given():
    later, earlier = _version("/saves/page-v10.html", "п'ятеро", "14"), _version("/saves/page-v2.html", "троє", "11")
    versions = {"ukr": [later, earlier]}  # as a shell's glob gives them: page-v10 first
    newest, edits = newest_versions([later], versions)
    assert newest[0].source == "/saves/page-v10.html"
    assert edits["ukr"][0].summary()[1] == "figure троє → п'ятеро (killed)"


def test_a_time_still_orders_before_the_file_names():
    later = _version("page-v1.html", "п'ятеро", "14")
    later.modified = "2026-12-05T14:35:00+02:00"
    earlier = _version("page-v2.html", "троє", "11")
    newest, _ = newest_versions([later], {"ukr": [later, earlier]})
    assert newest[0].source == "page-v1.html"


def test_only_files_named_alike_but_for_their_numbers_are_ordered_by_them():
    from storydiff.versions.rules import numbered_saves

    def saves(*sources: str):
        return numbered_saves([_version(s, "троє", "11") for s in sources])

    assert saves("a/page-v10.html", "b/page-v2.html") == [(10,), (2,)]
    assert saves("odesa-1500.txt", "odesa-0910.html") == [(1500,), (910,)]
    assert saves("page-v10.html", "story-v2.html") is None  # other names: the order given
    assert saves("new.html", "old.html") is None
    assert saves("rows.jsonl#L10 (id ukr)", "rows.jsonl#L2 (id ukr)") is None  # records of an export
    assert saves("page-v2.html", "page-v02.html") is None  # one number: nothing to order by


PAGE = """<html lang="uk"><head><meta charset="utf-8"><title>Атака на Одесу: загинули {dead} людей</title>
<meta property="og:site_name" content="Укрінформ">
<meta property="article:published_time" content="2026-12-05T09:10:00+02:00">
<link rel="canonical" href="{url}"></head><body><article><h1>Атака на Одесу: загинули {dead} людей</h1>
<p>{lead}</p>{rest}</article></body></html>"""


def test_compare_of_saves_given_out_of_order_shows_the_update(tmp_path: Path):
    for name, dead, hurt in (("page-v10.html", "п'ятеро", "14"), ("page-v2.html", "троє", "11")):
        rest = "".join(f"<p>{p}</p>" for p in REST.split("\n"))
        (tmp_path / name).write_text(PAGE.format(dead=dead, url=URL, lead=LEAD.format(dead=dead, hurt=hurt), rest=rest),
                                     encoding="utf-8")
    out = runner.invoke(app, ["compare", str(tmp_path / "page-v10.html"), str(tmp_path / "page-v2.html"),
                              "--workers", "0"])
    assert out.exit_code == 0, out.stderr
    said = " ".join(out.stdout.split())
    assert "figure троє → п'ятеро (killed)" in said and "п'ятеро → троє" not in said
