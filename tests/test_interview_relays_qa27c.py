"""An interview relayed by every outlet is one source, the paper that ran it (QA pass 27c, 3:
Peskov's interview with Izvestia, relayed by eight outlets, counted as seven sources: Izvestia was
no known outlet, TASS named it in its second sentence, and "приводят «Коммерсантъ» слова",
"в интервью «Коммерсанту»", "told the pro-Kremlin Kommersant newspaper" were not read)."""

import pytest

from storydiff.analyze.origins import find_origins
from storydiff.compare.independence import independent_sources, primary_origin
from storydiff.records import Article


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        ("Kremlin spokesman Dmitry Peskov told Izvestia in an interview published on Sunday.", "Izvestia"),
        ("Peskov told the Izvestia newspaper in an interview published on Sunday.", "Izvestia"),
        ("Peskov told the Russian newspaper Izvestia.", "Izvestia"),
        ("Lavrov told the pro-Kremlin Izvestia newspaper on Dec. 7.", "Izvestia"),
        ("Lavrov told the pro-Kremlin Kommersant newspaper on Dec. 7.", "Kommersant"),
        ("Peskov told the state-run Izvestiya daily.", "Izvestia"),
        ("Пресс-секретарь Дмитрий Песков в интервью «Известиям» рассказал о переговорах.", "Izvestia"),
        ("Пресс-секретарь Кремля Дмитрий Песков в интервью «Коммерсанту» заявил, что сроков нет.", "Kommersant"),
        ("Об этом заявил Песков в интервью газете «Известия».", "Izvestia"),
        ("«Мы не исключаем контактов», — приводят «Известия» слова Пескова.", "Izvestia"),
        ("«Мы не исключаем контактов», — приводят «Коммерсантъ» слова Пескова.", "Kommersant"),
        ("«Ми не виключаємо контактів», — наводить «Коммерсант» слова Пєскова.", "Kommersant"),
        ("Пєсков в інтерв'ю російському виданню «Известия» заявив, що сроків немає.", "Izvestia"),
        ("Об этом сообщили «Ведомости» со ссылкой на источники.", "Vedomosti"),
        ("Об этом пишет «Новая газета Европа» со ссылкой на источник.", "Novaya Gazeta Europe"),
        ("Об этом пишет «Новая газета».", "Novaya Gazeta"),
        ("Про це пише hromadske.", "Hromadske"),
        ("Про це пише NV.", "NV"),
        ("Про це пише «НВ».", "NV"),
    ],
)
def test_the_papers_and_the_forms_relays_cite_them_by(text, origin):
    assert origin in [o.name for o in find_origins(text)], text


@pytest.mark.parametrize(
    "text",
    [
        "He told lawmakers Reuters had the story wrong.",  # no epithet: a told object, then a name
        "«Мы не исключаем контактов», — приводят слова Пескова.",  # no outlet named
        "За даними Громадського руху «Чесно», депутат не задекларував майно.",  # a movement, not hromadske
        "Henderson, NV reported 1,000 new cases on Monday.",  # in English, NV is Nevada
    ],
)
def test_the_new_forms_take_no_false_origin(text):
    assert find_origins(text) == [], text


IZVESTIA = ("Пресс-секретарь президента России Дмитрий Песков в интервью «Известиям» рассказал о перспективах "
            "переговоров с Вашингтоном.\n\n«Мы не исключаем контактов с американской стороной до конца года, но "
            "конкретных сроков пока нет», — сказал Песков.\n\nПо его словам, Москва готова к обмену пленными по "
            "формуле 150 на 150.")
TASS = ("МОСКВА, 7 декабря. /ТАСС/. Россия не исключает контактов с американской стороной до конца года, однако "
        "конкретных сроков пока нет. Об этом заявил пресс-секретарь президента РФ Дмитрий Песков в интервью газете "
        "«Известия».\n\n\"Мы не исключаем контактов с американской стороной до конца года, но конкретных сроков "
        "пока нет\", - сказал Песков.\n\nПо его словам, Москва готова к обмену пленными по формуле 150 на 150. "
        "Песков также опроверг сообщения о секретных переговорах в Абу-Даби, о которых писали западные газеты.")
MEDUZA = ("Пресс-секретарь Кремля Дмитрий Песков в интервью «Известиям» заявил, что Москва не исключает контактов "
          "с США до конца года.\n\n«Мы не исключаем контактов с американской стороной», — приводят «Известия» "
          "слова Пескова.\n\nРанее о встрече российских и американских представителей в ОАЭ писала The Wall "
          "Street Journal со ссылкой на источники.")
UP = ("Речник Кремля Дмитро Пєсков в інтерв'ю російському виданню «Известия» заявив, що Москва не виключає "
      "контактів з американською стороною до кінця року.\n\n«Ми не виключаємо контактів з американською стороною "
      "до кінця року», – сказав Пєсков.")
RT = ("Moscow does not rule out contacts with Washington before the end of the year, Kremlin spokesman Dmitry "
      "Peskov told Izvestia in an interview published on Sunday.\n\n\"We do not rule out contacts with the American "
      "side before the end of the year,\" Peskov said.")
KI = ("The Kremlin does not rule out contacts with the U.S. before the end of the year, Russian Foreign Minister "
      "Sergei Lavrov told the pro-Kremlin Izvestia newspaper on Dec. 7.\n\nRussia has repeatedly used talk of "
      "negotiations to stall while continuing its attacks on Ukrainian cities, Ukrainian officials have said.")


def _article(aid, outlet, text, lang):
    return Article(id=aid, source=aid, text=text, outlet=outlet, language=lang,
                   origins=find_origins(text, outlet=outlet))


def test_an_interview_relayed_by_every_outlet_is_one_source():
    story = [_article("izv", "Известия", IZVESTIA, "ru"), _article("tass", "ТАСС", TASS, "ru"),
             _article("meduza", "Медуза", MEDUZA, "ru"), _article("up", "Українська правда", UP, "uk"),
             _article("rt", "RT", RT, "en"), _article("ki", "Kyiv Independent", KI, "en")]
    n, groups = independent_sources(story)
    assert n == 1, groups
    assert groups[0].origin == "Izvestia" and "Izvestia's own report" in groups[0].reason


def test_a_relay_naming_the_interview_in_its_second_sentence_rests_on_it():
    assert primary_origin(_article("tass", "ТАСС", TASS, "ru")) == "Izvestia"
    # a sentence that does not refer back to the lede names the paper in passing
    passing = TASS.replace("Об этом заявил пресс-секретарь президента РФ Дмитрий Песков в интервью газете "
                           "«Известия».", "Ранее пресс-секретарь Дмитрий Песков в интервью газете «Известия» "
                           "говорил о другом.")
    assert primary_origin(_article("tass", "ТАСС", passing, "ru")) is None


BBC = ("The Kremlin has denied that Russian and American officials held secret talks in Abu Dhabi, calling reports "
       "of such a meeting untrue.\n\n\"There have been no secret negotiations in Abu Dhabi, and there are none,\" "
       "Kremlin spokesman Dmitry Peskov told the Russian newspaper Izvestia.\n\nThe Wall Street Journal reported last "
       "week, citing people familiar with the matter, that envoys from both countries met in the United Arab "
       "Emirates in November.\n\nMr Peskov said Moscow was ready to exchange 150 prisoners for 150, and did not rule "
       "out contacts with Washington before the end of the year.")


def test_an_uncredited_lede_backed_by_words_told_to_an_outlet_rests_on_that_outlet():
    assert primary_origin(_article("bbc", "BBC", BBC, "en")) == "Izvestia"
    # the words given to the paper further down, past a sentence of the outlet's own, are a passing mention
    later = BBC.replace("untrue.\n\n", "untrue. Washington has not commented on the reports so far.\n\n")
    assert primary_origin(_article("bbc", "BBC", later, "en")) is None
    # a lede that credits someone itself keeps its credit
    credited = BBC.replace("calling reports of such a meeting untrue.", "The Wall Street Journal reported.")
    assert primary_origin(_article("bbc", "BBC", credited, "en")) == "The Wall Street Journal"
