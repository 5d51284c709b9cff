"""One outlet's reports are one source: its editions in several languages and scripts, a flash and
its update; an agency's own article and the articles citing it are one source (QA pass 19b: 11, 9, 3)."""

from storydiff.analyze.origins import find_origins
from storydiff.compare.independence import independent_sources, one_outlet, primary_origin, same_outlet_name
from storydiff.records import Article

BODY_UK = (" За словами голови ОВА, ракети влучили у житловий будинок та підприємство в Київському районі."
           " Міський голова повідомив, що пошкоджено понад 30 будинків, рятувальники розбирають завали.")
BODY_RU = (" По словам главы ОВА, ракеты попали в жилой дом и предприятие в Киевском районе."
           " Городской голова сообщил, что повреждены более 30 домов, спасатели разбирают завалы.")
BODY_EN = (" According to the head of the regional administration, the missiles hit a residential building and"
           " an enterprise. The mayor said more than 30 houses were damaged and rescuers were clearing rubble.")


def _article(aid, outlet, text, url=None, lang=None):
    """An article analysed as the pipeline does it: its origins read from its text, its outlet's own
    name never one of them."""
    return Article(id=aid, source=aid, text=text, outlet=outlet, url=url, language=lang,
                   origins=find_origins(text, outlet=outlet))


def test_one_outlets_editions_in_three_languages_are_one_source():
    # QA 19b, 11: "УНН", "УНН", "UNN" counted as three sources, each "own reporting"
    uk = _article("uk", "УНН", "Троє людей загинули внаслідок ракетної атаки на Харків, передає УНН." + BODY_UK,
                  "https://unn.ua/news/kharkiv", "uk")
    ru = _article("ru", "УНН", "Три человека погибли в результате ракетной атаки на Харьков, передает УНН." + BODY_RU,
                  "https://unn.ua/ru/news/kharkiv", "ru")
    en = _article("en", "UNN", "Three people were killed in a missile attack on Kharkiv, UNN reports." + BODY_EN,
                  "https://unn.ua/en/news/kharkiv", "en")
    other = _article("other", "Суспільне", "Унаслідок удару по Харкову загинули троє людей, 21 поранений. "
                     "Ракети влучили в багатоповерхівку, пошкоджено школу і тролейбусне депо.",
                     "https://suspilne.media/kharkiv", "uk")
    n, groups = independent_sources([uk, ru, en, other])
    assert n == 2
    unn = next(g for g in groups if "uk" in g.article_ids)
    assert set(unn.article_ids) == {"uk", "ru", "en"} and unn.origin is None
    assert unn.reason.startswith("one outlet (УНН)") and "own reporting" in unn.reason
    # without the URLs the names alone tell it ("УНН" is "UNN" in the outlets' table)
    for a in (uk, ru, en):
        a.url = None
    assert independent_sources([uk, ru, en, other])[0] == 2


def test_a_flash_and_its_update_at_a_new_url_are_one_source():
    # QA 19b, 9: an agency's flash and its longer update (og:site_name "Интерфакс" on both)
    flash = _article("flash", "Интерфакс", "Несколько взрывов прогремели в Белгороде в воскресенье вечером, "
                     "сообщил губернатор области. Сообщение дополняется.", "https://www.interfax.ru/russia/1001")
    update = _article("update", "Интерфакс", "Два человека пострадали в результате атаки беспилотников на "
                      "Белгород в воскресенье вечером, сообщил губернатор области. Повреждены остекление трех "
                      "домов и пять автомобилей.", "https://www.interfax.ru/russia/1002")
    other = _article("other", "РИА Новости", "Два мирных жителя пострадали при атаке на Белгород, их "
                     "госпитализировали с осколочными ранениями. На месте работают оперативные службы.",
                     "https://ria.ru/20261206/belgorod.html")
    n, groups = independent_sources([flash, update, other])
    assert n == 2
    assert {"flash", "update"} in [set(g.article_ids) for g in groups]


def test_one_site_without_outlet_names_is_one_outlet_but_a_platform_is_not():
    a = Article("a", "a", "x", url="https://www.example-news.test/a/1")
    b = Article("b", "b", "y", url="https://example-news.test/b/2")
    assert one_outlet(a, b)
    # two Telegram channels, or two outlets that extraction named by the platform's host
    c = Article("c", "c", "x", url="https://t.me/channel_one/100", outlet="t.me")
    d = Article("d", "d", "y", url="https://t.me/channel_two/200", outlet="t.me")
    assert not one_outlet(c, d)


def test_outlet_names_across_scripts_and_outlets_that_are_not_one():
    assert same_outlet_name("Интерфакс", "Interfax")
    assert same_outlet_name("Українська правда", "Украинская правда")  # the aliases' table
    assert same_outlet_name("Медиазона", "Mediazona")  # not in the table: the words' sounds
    assert same_outlet_name("Лента.ру", "Lenta.ru")
    assert not same_outlet_name("RBC", "RBC-Ukraine")
    assert not same_outlet_name("Интерфакс", "Інтерфакс-Україна")  # Moscow's agency, Kyiv's
    assert not same_outlet_name("Новая газета", "Новая газета Европа")
    assert not same_outlet_name("Kyiv Post", "Kyiv Independent")
    assert not same_outlet_name("Strana", "Stranger")  # one script: an ending is no second spelling
    assert not same_outlet_name("Медуза", "Meduza Europe")
    assert same_outlet_name("OPA", "Ostrania Press Agency")  # written by its initials
    # a citation may name an outlet by its last word ("the Courier"); two outlets' names may not
    assert not same_outlet_name("Pravda", "Ukrainska Pravda")
    assert not same_outlet_name("Komsomolskaya Pravda", "Ukrainska Pravda")


def test_two_outlets_own_reporting_stays_two_sources():
    a = _article("a", "Kyiv Independent", "Russian missiles hit Kharkiv overnight, killing three people." + BODY_EN)
    b = _article("b", "Kyiv Post", "A Russian strike on Kharkiv killed three and wounded 21 on Sunday night. "
                 "Officials said rescuers were still at work and a school had been damaged.")
    assert independent_sources([a, b])[0] == 2


def test_an_agencys_own_article_and_those_citing_it_are_one_source():
    # QA 19b, 3 (the count): TASS's article and two outlets citing TASS are one source, Interfax another
    tass = _article("tass", "ТАСС", "Вооруженные силы России в ночь на воскресенье нанесли удар по объектам "
                    "военной инфраструктуры в Харькове. Об этом сообщили в Министерстве обороны.")
    lenta = _article("lenta", "Лента.ру", "Вооруженные силы России в ночь на воскресенье нанесли удар по "
                     "пункту дислокации ВСУ в Харькове, сообщает ТАСС со ссылкой на Минобороны.")
    rt = _article("rt", "RT", "Russian forces carried out a precision strike on military infrastructure in "
                  "Kharkiv, the Defense Ministry said on Sunday, according to TASS.")
    interfax = _article("interfax", "Интерфакс", "Российские войска нанесли удар высокоточным оружием по "
                        "объектам военной инфраструктуры в Харькове, сообщили в Минобороны РФ.")
    n, groups = independent_sources([tass, lenta, rt, interfax])
    assert n == 2
    group = next(g for g in groups if g.origin == "TASS")
    assert set(group.article_ids) == {"tass", "lenta", "rt"} and "TASS's own report" in group.reason
    # no outlet given, the agency's dateline mark names it: the copy is TASS's, one source with the rest
    marked = _article("marked", None, "МОСКВА, 6 декабря. /ТАСС/. Вооруженные силы России в ночь на "
                      "воскресенье нанесли удар по объектам военной инфраструктуры в Харькове.")
    n, groups = independent_sources([marked, lenta, rt, interfax])
    assert n == 2 and {"marked", "lenta", "rt"} in [set(g.article_ids) for g in groups]


def test_a_headline_line_above_the_lede_is_no_lede():
    # a JSONL row's text opening with its nine-word headline: the lede's "сообщает ТАСС", past the
    # first 30% of the text, was read as a passing mention and the rewrite counted as own reporting
    text = ("Минобороны сообщило об ударе по пункту дислокации ВСУ в Харькове\n"
            "Вооруженные силы России в ночь на воскресенье нанесли удар высокоточным оружием по объектам "
            "военной инфраструктуры в Харькове, сообщает ТАСС со ссылкой на Министерство обороны.\n"
            "По данным ведомства, поражены пункт временной дислокации подразделений ВСУ и склад боеприпасов.\n"
            "Также за сутки средства ПВО сбили 41 беспилотник самолетного типа над Белгородской областью.")
    assert primary_origin(_article("lenta", "Лента.ру", text)) == "TASS"
