"""clean_body: the lines of an extracted body a reader skips, and the ones that only look like them."""

from __future__ import annotations

import pytest

from storydiff.extract.html import extract_html
from storydiff.extract.line_cleanup import clean_body

PROSE = ("Home prices rose again this year in most of the regions the survey covers, and economists "
         "expect the rise to slow only when mortgage rates come down from their current levels.")


def test_a_date_stamp_line_is_dropped():
    body = clean_body(f"Posted 12/03/2024 10:15\n{PROSE}\n12/03/2024 10:15")
    assert body == PROSE


def test_a_short_sentence_with_a_clock_time_is_no_stamp():
    # QA pass 23b, 01: an outlet's update note and an alert's hours were dropped as date stamps
    sentences = ["UPD 03:40. Кількість загиблих зросла до чотирьох.",
                 "Повітряна тривога в Одесі тривала з 01:12 до 03:05.",
                 "Вибухи пролунали о 04:12", "Комендантська година — з 00:00 до 05:00",
                 "Update 03:40: the death toll rose to four.", "The curfew runs from 23:00 to 05:00 in Odesa.",
                 "Воздушная тревога длилась с 01:12 до 03:05.", "Die Ausgangssperre gilt von 23:00 bis 05:00 Uhr.",
                 "Alarm trwał od 01:12 do 03:05."]
    for line in sentences:
        assert clean_body(f"{line}\n{PROSE}").splitlines() == [line, PROSE], line


def test_stamps_in_the_languages_read_are_still_dropped():
    stamps = ["07.12.2026, 03:40", "Сьогодні, 03:40", "Оновлено о 02:15.", "П'ятниця, 5 грудня 2026, 09:40",
              "Опубліковано: сьогодні, 09:30", "niedziela, 6 grudnia 2026 (14:41)", "Stand: 07.12.2026 10:15 Uhr",
              "Monday, January 22, 2018 at 10:13 a.m.", "By Jane Doe | Updated 10:15 a.m. EST",
              "Jane Doe, 07.12.2026 10:15", "вчера, 22:15 по местному времени",
              # a forum's post stamps: a user name is one word, often lower case
              "longshot · 03/03/2026 20:53", "answered Feb 4, 2014 at 13:07", "<span>Andy</span> Sun, 10/23/2016 - 10:29"]
    for line in stamps:
        assert clean_body(f"{PROSE}\n{line}") == PROSE, line


def test_counters_and_relative_times_are_dropped_in_every_language():
    # QA pass 23b, 02: a counter line inside the article changed on every poll, and each change was
    # stored as a revision ("figure 322 -> 6428")
    widgets = ["Переглядів: 541 · Оновлено 18 хвилин тому", "Переглядів: 541", "Оновлено 18 хвилин тому",
               "Просмотров: 1 234", "Обновлено 5 минут назад", "1,234 views", "Views: 5,312", "12 коментарів",
               "Коментарі (3)", "2 години тому", "годину тому", "Aktualisiert vor 5 Minuten", "123 Aufrufe",
               "Wyświetlenia: 1 234", "Zaktualizowano 5 minut temu", "12 comments · 3 shares", "👁 541 views",
               "1,2 тис. переглядів", "an hour ago"]
    for line in widgets:
        assert clean_body(f"{PROSE}\n{line}\n{PROSE}") == f"{PROSE}\n{PROSE}", line


def test_a_sentence_that_counts_views_or_minutes_is_kept():
    story = ["Відео набрало 2 млн переглядів за добу.", "The blast came 20 minutes ago, officials said.",
             "Тривога триває вже 40 хвилин.", "Просмотров у ролика больше миллиона", "20 minutes",
             "Comments from residents were mixed.", "Minister resigned 2 days ago"]
    for line in story:
        assert clean_body(f"{line}\n{PROSE}").splitlines() == [line, PROSE], line


def test_a_counter_inside_the_article_is_no_body_text():
    paragraphs = "".join(f"<p>{PROSE} Paragraph {n} adds more detail on the figures.</p>" for n in range(4))
    page = ("<html><head><title>Нічна атака</title></head><body><article><h1>Нічна атака</h1>"
            f"<p>Переглядів: 541 · Оновлено 18 хвилин тому</p>{paragraphs}</article></body></html>")
    again = page.replace("541", "6428").replace("18 хвилин", "3 хвилини")
    first, second = extract_html(page).text, extract_html(again).text
    assert "Переглядів" not in first and PROSE in first
    assert first == second  # nothing the outlet wrote changed: no revision to store


def test_a_table_row_with_a_date_is_data_not_a_stamp():
    rows = "| Month | Change |\n| 1/1/2013 | +13.1% |\n| 2/1/2013 | +12.9% |"
    body = clean_body(f"{PROSE}\n{rows}")
    assert body.splitlines() == [PROSE, "| Month | Change |", "| 1/1/2013 | +13.1% |", "| 2/1/2013 | +12.9% |"]


def test_a_table_of_dates_in_an_article_survives_extraction():
    paragraphs = "".join(f"<p>{PROSE} Paragraph {n} adds more detail on the figures.</p>" for n in range(6))
    table = ("<table><tr><th>Month</th><th>Change</th></tr><tr><td>1/1/2013</td><td>+13.1%</td></tr>"
             "<tr><td>2/1/2013</td><td>+12.9%</td></tr></table>")
    page = (f"<html><head><title>Home prices</title></head><body><article><h1>Home prices</h1>{paragraphs}"
            f"{table}<p>{PROSE}</p></article></body></html>")
    text = extract_html(page).text
    assert "1/1/2013" in text and "2/1/2013" in text


def _kind_by_search_alone(line: str) -> str | None:
    """boilerplate_kind without its cue check: the patterns searched on every line."""
    from storydiff.extract import line_rules

    if line_rules._BLOB.search(line):
        return "blob"
    if len(line.split()) > line_rules.MAX_RULE_WORDS * 3:
        return None
    match = line_rules.BOILERPLATE.search(line)
    if not match or (match.lastgroup == "credit" and len(line.split()) > 30):
        return None
    return match.lastgroup


def test_the_cue_check_keeps_every_rule():
    from storydiff.extract.line_rules import boilerplate_kind

    # one line per alternative of each pattern, in other cases, and with the letters re.I takes for
    # ASCII ones ('İ', 'ı', 'ſ', the Kelvin sign) where str.lower() does not
    lines = [
        "Copyright 2024 Herald", "ALL RIGHTS RESERVED.", "© Herald Media", "Our privacy and cookie notice",
        "See our cookie policy", "Terms of Use", "Reprints allowed", "without written permission",
        "with an active hyperlink", "Using our materials, please credit us",
        "Become a Patron today", "Support our journalism", "Donate now", "Buy us a cup of coffee",
        "Join our community", "You could close this page", "on Patreon",
        "Please turn off your AdBlocker", "Disable your ad blocker", "Whitelist us",
        "Suggest a correction", "press Ctrl+Enter", "highlight the text and press", "Report an error",
        "Photo credit: Jane Doe", "Images by AFP", "PICTURE: Reuters", "Video from the scene",
        "Screenshot from YouTube", "Illustration by Ann", "Graphics: Tom", "Photograph by Ann", "(Photo: AP)",
        "Courtesy of the museum", "Getty Images", "Shutterstock", "AP Photo/Ann Doe", "Ann Doe / Reuters",
        "File photo of the bridge",
        "Read also: the budget", "See also the map", "Related stories", "Most read", "Sign up for our newsletter",
        "Subscribe to the Herald", "Follow us on X", "Share this article", "A special discount for readers",
        "This report is supported by the Knight Foundation",
        # the other languages' notices and the labels that read as prose (review 17)
        "Всі права захищені", "Все права защищены", "Alle Rechte vorbehalten", "Wszelkie prawa zastrzeżone",
        "Tous droits réservés", "При використанні матеріалів посилання обов'язкове",
        "При использовании материалов ссылка обязательна", "Підтримайте нас на Patreon", "Поддержите нас",
        "Unterstützen Sie uns", "Wesprzyj nas", "Soutenez-nous", "Also read this", "More news",
        "Читайте також: Одеса", "Читати також", "Дивіться також", "Див. також", "По темі", "Більше новин",
        "Читайте также", "Смотрите также", "По теме", "Больше новостей", "Lesen Sie auch", "Mehr zum Thema",
        "Auch interessant", "Czytaj więcej", "Zobacz też", "À lire aussi",
        "Підписуйтесь на наш канал", "Стежте за нами", "Подписывайтесь на канал", "Подпишитесь на рассылку",
        "Следите за нами", "Abonnieren Sie den Newsletter", "Folgen Sie uns", "Subskrybuj", "Obserwuj nas",
        "Усі новини в нашому Telegram", "Все новости в нашем телеграм", "Advertisement", "Реклама", "Anzeige",
        "Werbung", "Reklama", "Publicité", "Scroll down to continue reading", "Новини партнерів",
        "Новости партнеров", "Матеріали партнерів", "Материалы партнеров", "Tags: drones", "Теги", "Мітки",
        "Метки", "Schlagwörter", "Tagi", "Теми: війна", "Темы: война", "Themen: Krieg", "Tematy: wojna",
        "Джерело: ОВА", "Источник: ТАСС", "Quelle: dpa", "Źródło: PAP", "Дата публікації 5 грудня",
        "Дата обновления 5 декабря", "Datum der Veröffentlichung: 5. Dezember 2026", "Data publikacji 5 grudnia",
        "Date de publication 5 décembre", "This story was originally published on X", "First appeared in Y",
        "Вперше опубліковано на Z", "Статья впервые опубликована на Z", "Der Artikel erschien zuerst bei X",
        "Ursprünglich erschienen bei X", "Pierwotnie opublikowano w X", "Publié initialement sur X",
        "Initialement publié sur X",
        "Переглядів: 541 · Оновлено 18 хвилин тому", "Просмотров: 1 234", "1,234 views", "Aufrufe: 12",
        "Wyświetlenia: 12", "12 odsłon", "12 comments", "Комментарии (12)", "12 Kommentare", "12 komentarzy",
        "12 shares", "12 поширень", "5 репостов", "Udostępnienia: 3", "12 likes", "12 вподобань", "7 лайков",
        "Polubienia: 3", "1,234 reads", "300 прочитань", "Обновлено 5 минут назад", "5 minutes ago",
        "vor 5 Minuten", "5 minut temu", "Оновлено щойно", "только что", "just now", "gerade eben", "przed chwilą",
        "Details", "More details:", "Context", "Background", "In brief", "Briefly", "Key points",
        "DETAİLS", "Detaıls", "ſhare this", "Read alſo the rest", "BACKGROUND", "\u212aey points",
        "Всі права захищені".replace("т", "\u1c85"), "Матеріали партнерів".replace("т", "\u1c84"),
        PROSE, "The mayor said the bridge would reopen in June.", "", "x" * 301,
    ]
    kinds = [boilerplate_kind(line) for line in lines]
    assert kinds == [_kind_by_search_alone(line) for line in lines]
    assert all(kinds[:-4]) and kinds[-4:] == [None, None, None, "blob"]


def test_the_other_languages_rules_leave_a_storys_lines():
    from storydiff.extract.line_rules import boilerplate_kind

    story = [
        "Реклама алкоголю на телебаченні заборонена з 2026 року",  # the word, not an ad slot's label
        "Мер повідомив про це у своєму Telegram-каналі",  # the mayor's channel, not "ours"
        "Опубліковано 12 нових указів президента",
        "The report, first published in The Lancet, found the drug cut deaths by a third",
        "Originally published on Live Science.",  # a sentence: aeb's gold keeps it as body
        "Source: Bureau of Labor Statistics",  # a chart's source: wcxb's gold keeps it as body
        "Tag Management",
        "More on this topic in the follow-up post",
        "Themen der Verhandlungen waren Waffenlieferungen",
    ]
    assert [boilerplate_kind(line) for line in story] == [None] * len(story)


def test_the_fold_covers_every_letter_re_i_takes_for_a_cues_letter():
    import re

    from storydiff.extract.line_rules import _CUES, _FOLD

    # ASCII ones and the Cyrillic, Polish, German and French letters of the other languages' cues
    letters = {c for cue in _CUES for c in cue if c.isalpha()} | set("abcdefghijklmnopqrstuvwxyz")
    cue_letter = re.compile("[" + "".join(sorted(letters)) + "]", re.I)
    for code in range(0x110000):
        char = chr(code)
        if cue_letter.fullmatch(char):
            folded = char.translate(_FOLD).lower()
            assert len(folded) == 1 and re.fullmatch(re.escape(folded), char, re.I), (hex(code), folded)


def test_a_leading_headline_is_dropped_when_the_title_names_the_site_too():
    headline = "Home prices rise again in most regions"
    body = clean_body(f"{headline}\n{PROSE}", title="Harbour Wire | News, sport and weather", headlines=[headline])
    assert body == PROSE
    # only as one of the first lines: further down, the same words are the article's own
    later = "\n".join([PROSE, PROSE, PROSE, headline])
    assert clean_body(later, headlines=[headline]).splitlines()[-1] == headline


def _headline_page(head: str) -> str:
    paragraphs = "".join(f"<p>{PROSE} Paragraph {n} adds more detail on the figures.</p>" for n in range(6))
    return (f"<html><head><title>Harbour Wire | News, sport and weather</title>{head}</head><body><article>"
            f"<h1>Home prices rise again in most regions</h1>{paragraphs}</article></body></html>")


def test_an_articles_h1_is_no_body_line():
    # trafilatura's precise pass keeps an <h1> inside the <article> as the body's first line, and the
    # page's title (og:title) words the headline another way
    article = extract_html(_headline_page('<meta property="og:type" content="article">'
                                          '<meta property="og:title" content="Prices up in most regions, survey says">')).text
    assert article.splitlines()[0].startswith("Home prices rose again")
    assert "Home prices rise again in most regions" not in article


@pytest.mark.parametrize("stamp", [
    "Останнє оновлення: 07.12.2026, 14:05",
    "Последнее обновление: 07.12.2026, 14:05",
    "Оновлено 07.12.2026 о 14:05, автор: Олена Коваль",
    "Опубликовано: 07.12.2026 14:05 | Источник: пресс-служба",
    "Опубліковано 07.12.2026 о 14:05 у рубриці Новини",
    "Last updated on 07/12/2026 at 14:05 by Reuters staff",
    "Submitted by webmaster on 07/12/2026 - 14:05",
])
def test_a_stamp_with_its_noun_signer_or_section_is_still_a_stamp(stamp):
    # review 23b, F7: the narrowed rule kept these as body text (a re-stamped page a "revision")
    body = clean_body("The council met on Monday to discuss the budget.\n" + stamp + "\nThe vote is due next week.")
    assert stamp not in body.split("\n") and "The vote is due next week." in body
