"""A page's text saved again after the outlet edited it, with no URL to say which article it is
(QA pass 19b: TASS's update, 41 → 45 drones, saved over tass_ru.txt, was a second TASS article
"contradicting" the first): over the same file it is a new revision at ingest; from another file
of the same outlet and publication time, one article edited in ``compare`` and at ingest. Two
different articles (another day's bulletin over the same file, two reports of one outlet at one
time) and a live blog's page and its posts stay apart. On SQLite and, when STORYDIFF_TEST_PG_URL
is set, PostgreSQL."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from typer.testing import CliRunner

from storydiff.records import Article
from storydiff.serve.cli import app
from storydiff.store import open_store

sys.path.insert(0, str(Path(__file__).parent))
import test_store
from test_revisions_order import LIVE_POSTS

db_url = test_store.db_url  # SQLite, and PostgreSQL when set

runner = CliRunner()


def page_text(drones: int, *, day: int = 6, time: str = "14:05", footer: str = "© 2026 ukrinform.ua. Усі права захищені.",
              extra: str = "") -> str:
    """Ukrinform's page as a reader copies it (menu, cookie notice, footer), no URL."""
    return "\n".join([
        "Головна", "Новини", "Політика", "Економіка",
        "Ми використовуємо файли cookie. Продовжуючи користуватися сайтом, ви погоджуєтеся з цим. Прийняти",
        f"Сили ППО збили {drones} дронів над Дніпропетровщиною",
        f"{day} грудня 2026, {time}",
        f"КИЇВ, {day} грудня — Укрінформ. Сили протиповітряної оборони вночі збили {drones} ударних безпілотників над "
        "Дніпропетровською та Полтавською областями, повідомили в Повітряних силах ЗСУ.",
        "\"Усі цілі були знищені до підльоту до міст\", - сказав речник Повітряних сил Юрій Ігнат.",
        "За його словами, уламки пошкодили два приватні будинки в Новомосковському районі, постраждалих немає.",
        "Місцева влада оцінює збитки, роботи з розбору завалів тривають до вечора.",
        *([extra] if extra else []),
        "Читайте також", "Підписуйтеся на наш Telegram-канал", footer, "",
    ])


OTHER_STORY = "\n".join([
    "Головна", "Новини", "Суспільство",
    "Укрзалізниця призначила додатковий поїзд до Львова",
    "6 грудня 2026, 14:05",
    "КИЇВ, 6 грудня — Укрінформ. Укрзалізниця призначила на свята додатковий нічний поїзд з Києва до Львова, "
    "квитки вже у продажу.",
    "Поїзд курсуватиме щодня з 20 грудня до 10 січня, повідомили в пресслужбі компанії.",
    "У компанії радять купувати квитки заздалегідь через застосунок.",
    "Читайте також", "© 2026 ukrinform.ua. Усі права захищені.", "",
])


def _ingest(db: str, path: Path) -> str:
    result = runner.invoke(app, ["ingest", str(path), "--db", db, "--workers", "0"])
    assert result.exit_code == 0, result.output
    return " ".join(result.stderr.split())


def test_a_page_saved_again_over_its_file_after_an_edit_is_a_revision(db_url, tmp_path):
    folder = tmp_path / "saved"
    folder.mkdir()
    page = folder / "ukrinform.txt"
    page.write_text(page_text(41))
    (folder / "other.txt").write_text(OTHER_STORY)
    assert "stored 2 new article(s)" in _ingest(db_url, folder)
    page.write_text(page_text(45))  # the outlet's update, copied over the same file
    said = _ingest(db_url, folder)
    assert "stored 0 new article(s)" in said and "1 new revision" in said, said
    with open_store(db_url) as s:
        (drones,) = [a for a in s.articles() if "дрон" in (a.title or "")]
        assert len(s.articles()) == 2
        # the old version stays, as the earlier revision: nothing lost
        assert [("збили 45" in r.article.text) for r in s.revisions(drones.id)] == [False, True]
        story = s.story_of(drones.id)
    shown = " ".join(runner.invoke(app, ["show", story, "--db", db_url]).stdout.split())
    assert "figure 41 → 45" in shown and "numbers differ" not in shown and "#2" not in shown
    # an unchanged folder read again stores nothing; nor does the old version saved back over it
    assert "stored 0 new article(s); 2 already stored" in _ingest(db_url, folder)
    page.write_text(page_text(41))
    said = _ingest(db_url, folder)
    assert "stored 0 new" in said and "revision" not in said, said
    with open_store(db_url) as s:
        assert len(s.articles()) == 2 and "збили 45" in s.get_article(drones.id).text


def test_another_article_saved_over_the_same_file_is_a_new_article(db_url, tmp_path):
    page = tmp_path / "ukrinform.txt"
    page.write_text(page_text(41))
    _ingest(db_url, page)
    # the next day's bulletin, the same words but the figure: another article, not an edit
    page.write_text(page_text(45, day=7, time="09:10"))
    assert "stored 1 new article(s)" in _ingest(db_url, page)
    # another story of the outlet saved over it
    page.write_text(OTHER_STORY.replace("6 грудня 2026, 14:05", "8 грудня 2026, 10:00"))
    assert "stored 1 new article(s)" in _ingest(db_url, page)
    # the same words under another outlet's name: a reprint, not an edit
    page.write_text(page_text(41, footer="© 2026 rbc.ua. Усі права захищені."))
    assert "stored 1 new article(s)" in _ingest(db_url, page)
    with open_store(db_url) as s:
        assert len(s.articles()) == 4 and all(len(s.revisions(a.id)) == 1 for a in s.articles())


def test_a_page_saved_again_under_another_file_name_is_one_article(db_url, tmp_path):
    first, second = tmp_path / "ukrinform-1405.txt", tmp_path / "ukrinform-1610.txt"
    first.write_text(page_text(41))
    second.write_text(page_text(45, extra="Оновлено о 16:10: уточнено кількість збитих дронів."))
    _ingest(db_url, first)
    assert "1 new revision" in _ingest(db_url, second)
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert [("збили 45" in r.article.text) for r in s.revisions(article.id)] == [False, True]


def test_compare_of_two_saved_page_texts_of_one_page_shows_the_edit(tmp_path):
    (tmp_path / "ukrinform.v1.txt").write_text(page_text(41))
    (tmp_path / "ukrinform.v2.txt").write_text(page_text(45))
    result = runner.invoke(app, ["compare", str(tmp_path), "--workers", "0", "--json"])
    d = json.loads(result.stdout)
    (article,) = d["articles"]
    assert article["source"].endswith("ukrinform.v2.txt") and "збили 45" in article["text"]
    (diffs,) = d["edits"].values()
    assert ("41", "45") in [(f["before"], f["after"]) for f in diffs[0]["figures_changed"]]
    assert not [c for s in d["stories"] for c in s.get("number_conflicts", [])]
    assert "versions of one article" in " ".join(result.stderr.split())


def test_compare_keeps_different_page_texts_of_one_outlet_apart(tmp_path):
    (tmp_path / "a.txt").write_text(page_text(41))
    (tmp_path / "b.txt").write_text(page_text(45, day=7, time="09:10"))  # the next day's bulletin
    (tmp_path / "c.txt").write_text(OTHER_STORY)  # another story at the same time
    (tmp_path / "d.txt").write_text(page_text(41, footer="© 2026 rbc.ua. Усі права захищені."))  # a reprint
    d = json.loads(runner.invoke(app, ["compare", str(tmp_path), "--workers", "0", "--json"]).stdout)
    assert len(d["articles"]) == 4 and not d["versions"], d["versions"]


def test_is_resaved_needs_no_url_the_same_time_and_most_of_both_texts():
    from storydiff.compare.revisions import is_resaved

    base = Article(id="a", source="x.txt", outlet="Quay Times", title="Ferry aground off Dorvik",
                   published="2025-06-01T06:00:00Z", text=" ".join(LIVE_POSTS))
    edit = Article(id="b", source="x.txt", outlet="Quay Times", title="Ferry aground off Dorvik",
                   published="2025-06-01T06:00:00Z", text=" ".join(LIVE_POSTS).replace("110", "120"))
    assert is_resaved(base, edit, same_source=True) and is_resaved(base, edit, same_source=False)
    from dataclasses import replace

    # two addresses: the URL rules decide; one page with its URL and a paste without one are asked
    # as two pastes (QA pass 26c, 4)
    assert not is_resaved(replace(base, url="https://quaytimes.test/x"), replace(edit, url="https://quaytimes.test/x"),
                          same_source=True)
    assert is_resaved(base, replace(edit, url="https://quaytimes.test/x"), same_source=True)
    assert is_resaved(replace(base, url="https://quaytimes.test/x"), edit, same_source=False)
    assert not is_resaved(base, replace(edit, published="2025-06-02T06:00:00Z"), same_source=True)
    assert not is_resaved(base, replace(edit, text=LIVE_POSTS[0]), same_source=True)  # one post of the page
    assert not is_resaved(replace(base, text=LIVE_POSTS[0]), edit, same_source=True)  # the page of a post
    assert not is_resaved(base, replace(edit, outlet="Veyra Post"), same_source=True)
    # no outlet named: over the same file it may be an edit; from another file nothing says so
    assert is_resaved(replace(base, outlet=None), replace(edit, outlet=None), same_source=True)
    assert not is_resaved(replace(base, outlet=None), replace(edit, outlet=None), same_source=False)
    # from another file, the headline must name the same thing
    assert not is_resaved(base, replace(edit, title="Bridge closed to lorries"), same_source=False)
    # an export row's or an upload's own id says which article it is
    for source in ("e.jsonl#L2 (id q2)", "api:id:q2"):
        assert not is_resaved(base, replace(edit, source=source), same_source=False)


def test_export_rows_without_a_url_are_versions_only_when_they_give_no_id_of_their_own(tmp_path):
    row = {"outlet": "Quay Times", "title": "Ferry aground off Dorvik", "published": "2025-06-01T06:00:00Z",
           "text": " ".join(LIVE_POSTS)}
    update = {**row, "text": row["text"].replace("110", "120") + " Update: the bridge reopened at noon."}
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps(row) + "\n" + json.dumps(update) + "\n")
    d = json.loads(runner.invoke(app, ["compare", str(rows), "--workers", "0", "--json"]).stdout)
    (article,) = d["articles"]
    assert "120 km/h" in article["text"] and len(d["versions"][article["id"]]) == 2
    # two ids given by the export: two articles, whatever their texts share
    rows.write_text(json.dumps({**row, "id": "q1"}) + "\n" + json.dumps({**update, "id": "q2"}) + "\n")
    d = json.loads(runner.invoke(app, ["compare", str(rows), "--workers", "0", "--json"]).stdout)
    assert sorted(a["id"] for a in d["articles"]) == ["q1", "q2"] and not d["versions"]


def test_stdin_or_a_rows_place_names_no_page_and_templated_bulletins_stay_apart():
    # review 19 #1: two quakes' bulletins piped one after the other, or row 1 of two nights'
    # exports, were one article; TASS's morning and evening drone tallies saved over one file too
    from dataclasses import replace

    from storydiff.compare.revisions import is_resaved

    base = Article(id="a", source="x.txt", outlet="Quay Times", title="Ferry aground off Dorvik",
                   published="2025-06-01T06:00:00Z", text=" ".join(LIVE_POSTS))
    edit = replace(base, id="b", text=" ".join(LIVE_POSTS).replace("110", "120"))
    for source in ("<stdin>", "night.jsonl#L1", "night.json#item1", "night.csv#row1"):
        piped, again = replace(base, source=source, outlet=None), replace(edit, source=source, outlet=None)
        assert not is_resaved(piped, again, same_source=True), source  # no outlet: nothing names the page
        assert is_resaved(replace(piped, outlet="Quay Times"), replace(again, outlet="Quay Times"),
                          same_source=True), source  # the outlet and the time do, as from another file
        undated = replace(piped, outlet="Quay Times", published=None)
        assert not is_resaved(undated, replace(again, outlet="Quay Times", published=None), same_source=True)
    # over one file, a text sharing under 0.8 of the shorter one is another report (a tally's
    # template with its own figures and places), not this one edited
    half = " ".join(LIVE_POSTS[: len(LIVE_POSTS) // 2] + ["A different second half about another town entirely."] * 3)
    assert not is_resaved(base, replace(edit, text=half), same_source=True)


# -- a headline rewritten with the update (QA pass 26c, 3) ----------------------------------------

def suspilne_paste(headline: str, dead: str, hurt: str, *, stamp: str = "", extra: str = "",
                   byline: str = "Ірина Бондар", time: str = "08:15") -> str:
    """Suspilne's page as a reader copies it, no URL; ``stamp``: its printed update line."""
    return "\n".join([
        "Перейти до основного вмісту", "Суспільне Новини", "Новини", "Війна", "Регіони",
        headline, byline, f"8 грудня 2026, {time}", *([stamp] if stamp else []),
        f"ДНІПРО, 8 грудня. Вранці 8 грудня російські війська завдали ракетного удару по Дніпру. Загинули {dead} "
        f"людей, ще {hurt} дістали поранень.",
        "Про це повідомив начальник Дніпропетровської ОВА Сергій Лисак.",
        "За його словами, ракета влучила в адміністративну будівлю підприємства у Центральному районі. "
        "Пошкоджено також 12 багатоповерхівок.",
        "«Ситуація під контролем, евакуацію мешканців не оголошували», – сказав Лисак.",
        *([extra] if extra else []),
        "На місці працюють рятувальники та поліція.",
        "Поділитися", "Читайте також", "Ми використовуємо файли cookie. Прийняти", "© 2026 Суспільне Мовлення", "",
    ])


FIRST = suspilne_paste("Ракетний удар по Дніпру: загинули двоє людей, 9 поранених", "двоє", "дев'ятеро")
UPDATE = suspilne_paste("Удар по Дніпру: кількість загиблих зросла до чотирьох", "четверо", "17",
                        stamp="Оновлено: 8 грудня 2026, 13:40", extra="Під завалами рятувальники знайшли тіла ще двох людей.")


def test_compare_of_two_pastes_whose_update_rewrote_the_headline_shows_one_article_edited(tmp_path):
    (tmp_path / "page-v1.txt").write_text(FIRST)
    (tmp_path / "page-v2.txt").write_text(UPDATE)
    d = json.loads(runner.invoke(app, ["compare", str(tmp_path), "--workers", "0", "--json"]).stdout)
    (article,) = d["articles"]
    assert article["title"].startswith("Удар по Дніпру: кількість")
    (diffs,) = d["edits"].values()
    assert ("двоє", "четверо") in [(f["before"], f["after"]) for f in diffs[0]["figures_changed"]]
    assert not [c for s in d["stories"] for c in s.get("number_conflicts", [])]


def test_ingest_of_a_paste_whose_update_rewrote_the_headline_is_a_revision(db_url, tmp_path):
    (tmp_path / "dnipro-0815.txt").write_text(FIRST)
    (tmp_path / "dnipro-1340.txt").write_text(UPDATE)
    _ingest(db_url, tmp_path / "dnipro-0815.txt")
    assert "1 new revision" in _ingest(db_url, tmp_path / "dnipro-1340.txt")
    with open_store(db_url) as s:
        (article,) = s.articles()
        assert "четверо" in s.get_article(article.id).text


def test_a_rewritten_headline_needs_the_time_to_the_minute_an_update_stamp_and_the_byline():
    from dataclasses import replace

    from storydiff.compare.revisions import is_resaved

    base = Article(id="a", source="v1.txt", outlet="Суспільне", title="Ракетний удар по Дніпру: загинули двоє людей",
                   published="2026-12-08T08:15:00+02:00", authors=["Ірина Бондар"], language="uk",
                   text="\n".join(FIRST.split("\n")[8:13]))
    update = replace(base, id="b", source="v2.txt", title="Удар по Дніпру: кількість загиблих зросла до чотирьох",
                     text="\n".join(UPDATE.split("\n")[9:15]), modified="2026-12-08T13:40:00+02:00")
    assert is_resaved(base, update, same_source=False)
    # no update stamp: another headline over the same text is another article (as before)
    assert not is_resaved(base, replace(update, modified=None), same_source=False)
    assert is_resaved(replace(base, authors=[]), update, same_source=False)  # one names no byline: nothing says no
    assert not is_resaved(base, replace(update, authors=["Олег Петренко"]), same_source=False)
    # a day (or its midnight) is no time to tell an outlet's articles apart
    for day in ("2026-12-08", "2026-12-08T00:00:00+02:00"):
        assert not is_resaved(replace(base, published=day), replace(update, published=day), same_source=False)


def test_templated_results_of_one_batch_without_a_url_stay_two_articles():
    # one time, one byline, each stamped modified, 0.9 of the text shared: only the teams' names
    # differ (is_moved's guard)
    from storydiff.compare.revisions import is_resaved

    def result(home: str, away: str, score: str, scorer: str) -> Article:
        text = (f"{home} beat {away} {score} in the Ukrainian Premier League on Saturday. The match was played in front "
                "of a crowd at the home stadium and was broadcast live on national television. The win moves the home "
                "side up in the league table ahead of the winter break, the league said after the final whistle.\n"
                f"{scorer} scored the decisive goal in the second half. The next round of fixtures will be played "
                "next weekend, with kick-off times to be confirmed by the broadcaster later this week.")
        return Article(id=home, source=f"{home}.txt", outlet="Harbor Wire", title=f"{home} beat {away} {score}",
                       published="2026-11-07T18:00:00Z", authors=["Sports Desk"], language="en", text=text,
                       modified=f"2026-11-07T18:0{len(home) % 10}:00Z")  # a CMS's own stamp on each

    dynamo, shakhtar = result("Dynamo Kyiv", "Zorya", "2-1", "Vitaliy Buyalskyi"), result("Shakhtar", "Kolos", "3-0",
                                                                                        "Heorhiy Sudakov")
    assert not is_resaved(dynamo, shakhtar, same_source=False)
    assert not is_resaved(dynamo, shakhtar, same_source=True)
