"""The outlets and agencies storydiff knows by name, in the spellings and cases news in en, uk, ru,
de and pl give them ("Reuters" / "Рейтер" / "Reutera", "УНН" / "Українських Національних Новин"),
and which of them are wire agencies whose copy others republish.

Origins (``analyze.origins``: who an article says its news came from), a page's masthead and
credit lines (``extract.metadata``) and a lede's outlet words (``match.lede_keys``) read it.
"""

from __future__ import annotations

import re

# canonical name -> aliases (matched case-sensitively in text, case-insensitively by canonical_origin)
OUTLET_ALIASES: dict[str, tuple[str, ...]] = {
    "Associated Press": ("Associated Press", "AP", "Ассошиэйтед Пресс", "Асошіейтед Прес"),
    # Polish declines the agency as "Reuter": "według agencji Reutera" (QA pass 18)
    "Reuters": ("Reuters", "Thomson Reuters", "Рейтер", "Рейтерс", "Reutersa", "Reutersowi", "Reutera", "Reuterowi",
                "Reuterem"),
    "Agence France-Presse": ("Agence France-Presse", "Agence France Presse", "AFP", "Франс Пресс", "Франс Прес",
                             "Франс-Пресс", "Франс-Прес"),
    "United Press International": ("United Press International", "UPI"),
    "Deutsche Presse-Agentur": ("Deutsche Presse-Agentur", "Deutschen Presse-Agentur", "German Press Agency", "dpa",
                                "DPA"),
    "Bloomberg": ("Bloomberg News", "Bloomberg", "Bloomberga", "Блумберг"),
    "Xinhua": ("Xinhua News Agency", "Xinhua"),
    "Kyodo": ("Kyodo News", "Kyodo"),
    "Yonhap": ("Yonhap News Agency", "Yonhap"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
    # its full name in each case (pl), in English, German, Ukrainian and Russian (QA pass 18: "повідомляє
    # Польське агентство преси", "the Polish Press Agency (PAP) reported" named no origin)
    "Polska Agencja Prasowa": ("Polska Agencja Prasowa", "Polskiej Agencji Prasowej", "Polską Agencję Prasową",
                               "Polską Agencją Prasową", "Polish Press Agency", "Polnische Presseagentur",
                               "Polnischen Presseagentur", "Польське агентство преси", "Польського агентства преси",
                               "Польському агентству преси", "Польським агентством преси", "Польському агентстві преси",
                               "Польское агентство печати", "Польского агентства печати", "Польскому агентству печати",
                               "Польским агентством печати", "Польском агентстве печати", "PAP", "ПАП"),
    "Europa Press": ("Europa Press", "EUROPA PRESS"),
    # Cyrillic names with the case forms the cues below take ("за даними Укрінформу")
    # and the Ukrainian and Russian names of the Russian and Ukrainian agencies ("російське агентство
    # РІА Новини", "ТАРС", "Интерфакс-Украина", "Укринформ"; QA pass 19b)
    "Interfax": ("Interfax", "Інтерфакс", "Интерфакс"),
    # Kyiv's Interfax-Ukraine is an agency of its own, not Moscow's Interfax: an own report of each is
    # two sources
    "Interfax-Ukraine": ("Interfax-Ukraine", "Інтерфакс-Україна", "Інтерфакс-України", "Інтерфаксу-Україна",
                         "Интерфакс-Украина", "Интерфакс-Украины", "Интерфакса-Украина"),
    "TASS": ("TASS", "Tass", "ТАСС", "ТАРС"),
    # (German copy writes "RIA Nowosti" / "Ria Nowosti", QA pass 24a, 09)
    # "RIA" alone only with its kind after it ("Russia's RIA state news agency"; QA pass 27c, 7): "RIA
    # Melitopol", "РИА ФАН" are other newsrooms
    "RIA Novosti": ("RIA Novosti", "Ria Novosti", "RIA Nowosti", "Ria Nowosti", "РИА Новости", "РІА Новини", "РІА Новин",
                    "RIA news agency", "RIA state news agency", "RIA state-run news agency"),
    "Ukrinform": ("Ukrinform", "Укрінформ", "Укрінформу", "Укринформ", "Укринформа"),
    # (and their full names, in the cases a credit takes: "Джерело: Українські Національні Новини",
    # "за інформацією Українських Національних Новин"; QA pass 21b, 04)
    "UNN": ("UNN", "Ukrainian National News", "УНН", "Українські Національні Новини", "Українських Національних Новин",
            "Украинские Национальные Новости", "Украинских Национальных Новостей"),
    "UNIAN": ("UNIAN", "УНІАН", "УНИАН"),
    # the Baltic wires (QA pass 24b, 06: "told BNS", "Vilnius, gruodžio 3 d. (ELTA).")
    "Baltic News Service": ("Baltic News Service", "BNS"),
    "ELTA": ("ELTA",),
    "LETA": ("LETA",),
    # the Moldovan agencies (QA pass 26a: "..., transmite IPN", "Moldpres informează")
    "IPN": ("IPN", "ИПН"),
    "Moldpres": ("Moldpres", "MOLDPRES", "Молдпрес"),
    "Infotag": ("Infotag", "INFOTAG", "Инфотаг"),
    "RBC": ("RBC", "РБК"),
    "Euromaidan Press": ("Euromaidan Press",),
    "Kyiv Independent": ("Kyiv Independent",),
    "Kyiv Post": ("Kyiv Post",),
    "Ukrainska Pravda": ("Ukrainska Pravda", "Українська правда", "Української правди", "Украинская правда",
                         "Украинской правды", "Укрправда", "Укрправди", "Укрправды"),
    "Forbes Ukraine": ("Forbes Ukraine", "Forbes Україна"),
    "Forbes": ("Forbes",),
    # the Cyrillic spellings Ukrainian and Russian newsrooms write ("пишет «Файненшл таймс»"),
    # with their other capitalisations added below
    "Financial Times": ("Financial Times", "FT", "Файненшл таймс", "Файнэншл таймс"),
    "The New York Times": ("New York Times", "NYT", "Нью-Йорк таймс"),
    "The Washington Post": ("Washington Post", "Вашингтон пост"),
    "The Wall Street Journal": ("Wall Street Journal", "WSJ", "Уолл-стрит джорнэл", "Уолл-стрит джорнал",
                                "Волл-стріт джорнел", "Волл-стріт джорнал"),
    "The Guardian": ("Guardian", "Гардіан", "Ґардіан", "Гардиан"),
    "The Economist": ("Economist",),
    "The Telegraph": ("Daily Telegraph", "Telegraph"),
    "The Times": ("Times of London",),
    "BBC": ("BBC News", "BBC", "Бі-Бі-Сі", "Би-би-си"),
    "CNN": ("CNN", "Сі-Ен-Ен", "Си-эн-эн"),
    "Fox News": ("Fox News",),
    "NBC News": ("NBC News", "NBC"),
    "ABC News": ("ABC News", "ABC"),
    "CBS News": ("CBS News", "CBS"),
    "MSNBC": ("MSNBC",),
    "NPR": ("National Public Radio", "NPR"),
    "Politico": ("Politico", "POLITICO", "Політико", "Политико"),
    "Axios": ("Axios",),
    "The Hill": ("The Hill",),
    "Breitbart": ("Breitbart News", "Breitbart"),
    "USA Today": ("USA Today", "USA TODAY"),
    "HuffPost": ("Huffington Post", "HuffPost"),
    "Al Jazeera": ("Al Jazeera", "Аль-Джазіра", "Аль-Джазира"),
    "Der Spiegel": ("Der Spiegel", "Spiegel", "SPIEGEL", "Шпігель", "Шпигель"),
    "Le Monde": ("Le Monde",),
    "Le Figaro": ("Le Figaro",),
    "franceinfo": ("franceinfo",),
    "El País": ("El País", "El Pais"),
    "Rzeczpospolita": ("Rzeczpospolita", "Rzeczpospolitej", "Rzeczpospolitą"),
    "Gazeta Wyborcza": ("Gazeta Wyborcza", "Gazety Wyborczej", "Gazecie Wyborczej", "Gazetą Wyborczą"),
    "TVN24": ("TVN24",),
    # Polish broadcasters and portals, with the case forms "według informacji"/"donosi" take
    "RMF FM": ("RMF FM", "RMF", "RMF24", "RMF24.pl"),  # RMF24: the radio's news site
    "Onet": ("Onet.pl", "Onet", "Onetu"),
    "Wirtualna Polska": ("Wirtualna Polska", "Wirtualnej Polski", "WP.pl"),
    "Interia": ("Interia", "Interii"),
    "Polsat News": ("Polsat News",),
    "TVP Info": ("TVP Info",),
    "Frankfurter Allgemeine Zeitung": ("Frankfurter Allgemeine Zeitung", "Frankfurter Allgemeinen Zeitung",
                                       "Frankfurter Allgemeine", "FAZ"),
    "Süddeutsche Zeitung": ("Süddeutsche Zeitung", "Süddeutschen Zeitung"),
    "ARD": ("ARD",),
    "ZDF": ("ZDF",),
    "Suspilne": ("Suspilne", "Суспільне", "Суспільного"),
    "RBC-Ukraine": ("RBC-Ukraine", "РБК-Україна", "РБК-Украина"),
    # the Russian papers in the cases a citation takes them ("в интервью «Известиям»", "в интервью
    # «Коммерсанту»", "сообщили «Ведомости»"), and their Ukrainian spellings (QA pass 27c, 3: an
    # interview with Izvestia relayed by eight outlets counted as seven sources, Izvestia unknown)
    "Kommersant": ("Kommersant", "Коммерсантъ", "Коммерсант", "Коммерсанта", "Коммерсанту", "Коммерсантом",
                   "Коммерсанте", "Комерсант", "Комерсанта", "Комерсанту"),
    "Izvestia": ("Izvestia", "Izvestiya", "Известия", "Известий", "Известиям", "Известиями", "Известиях",
                 "Ізвєстія", "Ізвєстій", "Ізвєстіям"),
    "Vedomosti": ("Vedomosti", "Ведомости", "Ведомостей", "Ведомостям", "Ведомостями", "Ведомостях"),
    # Novaya Gazeta Europe is the paper's staff in exile since 2022, a newsroom of its own
    "Novaya Gazeta Europe": ("Novaya Gazeta Europe", "Новая газета Европа", "Новой газеты Европа",
                             "Новой газете Европа", "Новую газету Европа", "Нова газета Європа"),
    "Novaya Gazeta": ("Novaya Gazeta", "Новая газета", "Новой газеты", "Новой газете", "Новую газету",
                      "Новой газетой", "Нова газета"),
    # (not "Громадського", "Громадському": "за даними Громадського руху «Чесно»" names a movement)
    "Hromadske": ("Hromadske", "hromadske", "Громадське"),
    # (its Latin "NV" is read only after a Cyrillic cue, ``analyze.origins``: in English it is Nevada)
    "NV": ("НВ",),
    "RT": ("RT", "Russia Today"),
    "Sputnik": ("Sputnik",),
    "Meduza": ("Meduza", "Медуза"),
    # the source of most Russian court-case reports, in the cases "сообщает «Медиазона»", "по данным
    # «Медиазоны»" take (QA pass 24a, 09)
    "Mediazona": ("Mediazona", "MediaZona", "Медиазона", "Медиазоны", "Медиазоне", "Медиазону", "Медіазона",
                  "Медіазони", "Медіазоні"),
    "Bild": ("Bild", "Більд", "Бильд"),
    "Sky News": ("Sky News",),
    "Deutsche Welle": ("Deutsche Welle", "DW", "Дойче Велле"),
    "Radio Free Europe/Radio Liberty": ("Radio Free Europe/Radio Liberty", "Radio Liberty", "RFE/RL"),
    "Daily Caller": ("Daily Caller",),
    "Daily Beast": ("Daily Beast",),
    "BuzzFeed News": ("BuzzFeed News", "BuzzFeed"),
    "Vox": ("Vox",),
    "TheBlaze": ("TheBlaze", "The Blaze"),
    "Newsmax": ("Newsmax",),
    "Mediaite": ("Mediaite",),
    "Gawker": ("Gawker",),
    "The Gateway Pundit": ("Gateway Pundit",),
    "Washington Examiner": ("Washington Examiner",),
    "Washington Free Beacon": ("Washington Free Beacon", "Free Beacon"),
    # pollsters: "a Reuters/Ipsos poll", "the latest Rasmussen Reports poll"
    "Gallup": ("Gallup",),
    "Pew Research Center": ("Pew Research Center", "Pew"),
    "Quinnipiac University": ("Quinnipiac University", "Quinnipiac"),
    "Ipsos": ("Ipsos",),
    "YouGov": ("YouGov",),
    "Morning Consult": ("Morning Consult",),
    "Rasmussen Reports": ("Rasmussen Reports", "Rasmussen"),
}
# the agencies whose copy other outlets republish: what wire_services() reports
WIRE_AGENCIES = frozenset(
    {
        "Associated Press",
        "Reuters",
        "Agence France-Presse",
        "United Press International",
        "Deutsche Presse-Agentur",
        "Bloomberg",
        "Xinhua",
        "Kyodo",
        "Yonhap",
        "ANSA",
        "EFE",
        "Polska Agencja Prasowa",
        "Europa Press",
        "Interfax",
        "Interfax-Ukraine",
        "TASS",
        "RIA Novosti",
        "UNIAN",
        "Ukrinform",
        "UNN",
        "Baltic News Service",
        "ELTA",
        "LETA",
    }
)


def _cyrillic_capitalisations(name: str) -> tuple[str, ...]:
    """A Cyrillic name of several words as newsrooms capitalise it: Russian style writes the words
    after the first in lower case («Нью-Йорк таймс»), Ukrainian and others each word («Нью-Йорк Таймс»)."""
    words = name.split(" ")
    if len(words) < 2 or not all(re.fullmatch(r"[\u0400-\u04ff'’ʼ-]+", w) for w in words):
        return (name,)
    lower = " ".join([words[0]] + [w.lower() for w in words[1:]])
    title = " ".join([words[0]] + ["-".join(p[:1].upper() + p[1:] for p in w.split("-")) for w in words[1:]])
    return tuple(dict.fromkeys((name, lower, title)))


OUTLET_ALIASES = {canon: tuple(v for n in names for v in _cyrillic_capitalisations(n)) for canon, names in OUTLET_ALIASES.items()}

CANONICAL_OUTLET: dict[str, str] = {}
for _canon, _names in OUTLET_ALIASES.items():
    CANONICAL_OUTLET[_canon.lower()] = _canon
    for _n in _names:
        CANONICAL_OUTLET[_n.lower()] = _canon
CANONICAL_OUTLET["the ft"] = "Financial Times"
CANONICAL_OUTLET["the times"] = "The Times"
CANONICAL_OUTLET["associated press writer"] = "Associated Press"
CANONICAL_OUTLET["rtr"] = "Reuters"  # Deutsche Welle's credit line: "ab/se (dpa, afp, rtr)"; never read in running text


def known_outlet(name: str) -> str | None:
    """The canonical name of an outlet or agency storydiff knows, when ``name`` is one as written
    (any case: "Meduza", "УНН", "интерфакс"); None for any other name. Unlike ``canonical_origin``
    (``analyze.origins``) it does not tidy the name or guess: extract's masthead rule asks whether a line
    is an outlet."""
    return CANONICAL_OUTLET.get(name.lower()) if isinstance(name, str) else None


# the words a site's name adds to its outlet's ("Suspilne News", "Суспільне Новини", "Meduza Live"):
# a page's own name so spelled is still its outlet's (QA pass 26c, 12)
_SITE_WORDS = frozenset({"news", "новини", "новости", "media", "медіа", "медиа", "online", "онлайн", "live",
                         "nachrichten", "wiadomości", "aktuell"})
# the words a known outlet's language or country service adds ("BBC News Україна", "DW Русский",
# "Reuters Canada"): one newsroom's services are one source, not two (round 26, left alone). Not
# where the whole name is another known outlet ("RBC-Ukraine", "Interfax-Ukraine", "Forbes Ukraine")
# Language names and a few national editions only: "Europe" or "International" may be a newsroom of
# its own ("Novaya Gazeta Europe")
_SERVICE_WORDS = frozenset({"україна", "украина", "ukraine", "ukrainian", "українською", "russian", "русский",
                            "русская", "canada", "uk", "deutschland", "polska", "english"})
_SITE_NAME_SPLIT = re.compile(r"[\s|·•:–—]+")


# known outlets' own sites, by domain (a subdomain is its site's: "en.interfax.com.ua", "news.sky.com").
# A domain's first label alone is no outlet's name: guardian.ng is Nigeria's Guardian and abc.net.au
# Australia's ABC, not The Guardian or ABC News; ria.ru, pravda.com.ua or kyivindependent.com named
# no outlet, and their pages cited themselves as origins (round 26, left alone)
OUTLET_DOMAINS: dict[str, str] = {
    "abcnews.go.com": "ABC News", "ansa.it": "ANSA", "tagesschau.de": "ARD", "ard.de": "ARD",
    "afp.com": "Agence France-Presse", "aljazeera.com": "Al Jazeera", "aljazeera.net": "Al Jazeera",
    "apnews.com": "Associated Press", "ap.org": "Associated Press", "axios.com": "Axios", "bbc.com": "BBC",
    "bbc.co.uk": "BBC", "bild.de": "Bild", "bloomberg.com": "Bloomberg", "cbsnews.com": "CBS News",
    "cnn.com": "CNN", "spiegel.de": "Der Spiegel", "dpa.com": "Deutsche Presse-Agentur", "dw.com": "Deutsche Welle",
    "efe.com": "EFE", "elta.lt": "ELTA", "elpais.com": "El País", "euromaidanpress.com": "Euromaidan Press",
    "europapress.es": "Europa Press", "ft.com": "Financial Times", "forbes.com": "Forbes",
    "forbes.ua": "Forbes Ukraine", "foxnews.com": "Fox News", "faz.net": "Frankfurter Allgemeine Zeitung",
    "wyborcza.pl": "Gazeta Wyborcza", "huffpost.com": "HuffPost", "infotag.md": "Infotag",
    "interfax.ru": "Interfax", "interfax.com": "Interfax", "interfax.com.ua": "Interfax-Ukraine",
    "interia.pl": "Interia", "kommersant.ru": "Kommersant", "kyivindependent.com": "Kyiv Independent",
    "kyivpost.com": "Kyiv Post", "kyodonews.net": "Kyodo", "leta.lv": "LETA", "lefigaro.fr": "Le Figaro",
    "lemonde.fr": "Le Monde", "zona.media": "Mediazona", "meduza.io": "Meduza", "moldpres.md": "Moldpres",
    "nbcnews.com": "NBC News", "npr.org": "NPR", "onet.pl": "Onet", "politico.com": "Politico",
    "politico.eu": "Politico", "polsatnews.pl": "Polsat News", "pap.pl": "Polska Agencja Prasowa",
    "rbc.ru": "RBC", "rbc.ua": "RBC-Ukraine", "ria.ru": "RIA Novosti", "rmf24.pl": "RMF FM",
    "rferl.org": "Radio Free Europe/Radio Liberty", "reuters.com": "Reuters", "rp.pl": "Rzeczpospolita",
    "news.sky.com": "Sky News", "suspilne.media": "Suspilne", "sueddeutsche.de": "Süddeutsche Zeitung",
    "tass.ru": "TASS", "tass.com": "TASS", "tvn24.pl": "TVN24", "tvp.info": "TVP Info",
    "economist.com": "The Economist", "theguardian.com": "The Guardian", "thehill.com": "The Hill",
    "nytimes.com": "The New York Times", "telegraph.co.uk": "The Telegraph", "thetimes.co.uk": "The Times",
    "thetimes.com": "The Times", "wsj.com": "The Wall Street Journal", "washingtonpost.com": "The Washington Post",
    "unian.ua": "UNIAN", "unian.net": "UNIAN", "unian.info": "UNIAN", "unn.ua": "UNN", "unn.com.ua": "UNN",
    "usatoday.com": "USA Today", "pravda.com.ua": "Ukrainska Pravda", "ukrinform.ua": "Ukrinform",
    "ukrinform.net": "Ukrinform", "upi.com": "United Press International", "vox.com": "Vox",
    "wp.pl": "Wirtualna Polska", "xinhuanet.com": "Xinhua", "news.cn": "Xinhua", "yna.co.kr": "Yonhap",
    "zdf.de": "ZDF", "francetvinfo.fr": "franceinfo",
}
# second-level labels under a country code that are part of the suffix: "reuters.co.uk", "pravda.com.ua"
SUFFIX_LABELS = frozenset({"com", "co", "org", "net", "gov", "edu", "ac", "or", "ne", "go", "in"})
_HOST = re.compile(r"(?:https?://)?(?P<host>(?:[\w-]+\.)+[a-z]{2,})(?::\d+)?(?:/\S*)?", re.IGNORECASE)


def _outlet_of_domain(name: str) -> str | None:
    """The known outlet whose site ``name`` (a domain or a URL) is, by the longest of its domains the
    host ends with; else by its first label when that is the outlet's whole name squashed
    ("reuters.co.uk", "meduza.io": never "guardian" for "The Guardian"); None for another site."""
    m = _HOST.fullmatch(name)
    if not m:
        return None
    labels = m.group("host").lower().split(".")
    for i in range(len(labels) - 1):
        if (found := OUTLET_DOMAINS.get(".".join(labels[i:]))) is not None:
            return found
    # the label the site registered, before its suffix: "bbc.evil.com" is evil.com's, not the BBC's
    # (review 27)
    label = labels[-3] if len(labels) >= 3 and labels[-2] in SUFFIX_LABELS else labels[-2]
    found = known_outlet(label)
    # a label that is also the start of another known outlet's name may be that edition's site
    if not found or _has_edition(found) or re.sub(r"\W", "", found.lower()) != label.replace("-", ""):
        return None
    return found


def own_outlet(name: str) -> str | None:
    """The known outlet a page's own name (its site name, masthead or domain) names, in any of its
    spellings: the name itself ("Суспільне"), with a site's word after it ("Suspilne News",
    "Суспільне Новини"), or its domain ("suspilne.media", "www.ukrinform.net"); None for another
    name. Only for the page's own outlet: another outlet's "Meduza Live" or "bild.de" cited in a
    text is read by ``analyze.origins.canonical_origin``."""
    if not isinstance(name, str) or not name.strip():
        return None
    found = known_outlet(name.strip())
    if found:
        return found
    if _HOST.fullmatch(name.strip()):
        return _outlet_of_domain(name.strip())
    words = [w for w in _SITE_NAME_SPLIT.split(name.strip()) if w]
    service = False
    while len(words) > 1 and words[-1].lower() in _SITE_WORDS | _SERVICE_WORDS:
        if words[-1].lower() in _SERVICE_WORDS:
            if edition := known_outlet(f"{' '.join(words[:-1])}-{words[-1]}"):
                return edition  # "РБК Україна" is RBC-Ukraine's name without its hyphen
            service = True
        words.pop()
    found = known_outlet(" ".join(words))
    # "RBC Ukraine", "Interfax Украина": an outlet of its own under another's name and a country's,
    # not the first one's language service (Moscow's RBC and Kyiv's RBC-Ukraine are two sources)
    return None if found and service and _has_edition(found) else found


def _has_edition(outlet: str) -> bool:
    """Whether another known outlet's name is ``outlet``'s and more ("Interfax" -> "Interfax-Ukraine")."""
    return any(other != outlet and re.match(re.escape(outlet) + r"[\s-]", other) for other in OUTLET_ALIASES)
