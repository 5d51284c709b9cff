"""Metadata that page text carries without markup: outlet, dateline, date, bylines, language.

Newsrooms sign their copy in a handful of fixed shapes: "Kyiv • UNN" under the headline,
"WASHINGTON (AP) —" before the first paragraph, "By Jane Doe | May 2, 2013 1:32 PM" between the
headline and the body, "Copyright © 2024 Euromaidanpress.com" in the footer. These functions read
those shapes; none of them needs a model. The date and byline are looked for only around the
body's edges (``kept`` from clean_page_text): a date inside the story is the event's, and dates
in menus and teaser lists belong to other articles.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import UTC, datetime
from urllib.parse import urlsplit

from storydiff.dates import naive_zone
from storydiff.extract.zone_words import ZONE_WORDS, zone_in_words

# "Kyiv • UNN", "Kyiv | UNN", "Київ • УНН", "LONDON — Reuters" on a line of its own near the top
# (letters of any script; _capitalised() checks the capitals, which re cannot)
_PLACE_OUTLET_LINE = re.compile(r"^\s*([^\W\d_][\w'’.\- ]{1,40}?)\s*[•|·]\s*([^\W\d_][\w&.\- ]{1,40}?)\s*$")
# "WASHINGTON (AP) —", "KYIV, Ukraine (Reuters) -", "LONDON, March 3 (Reuters) -", "PARIS —", and the
# day before the month of the other languages: "КИЇВ, 5 грудня —", "MADRID, 5 Dic. (EUROPA PRESS) -"
# Letters of any script (MÜNCHEN, КИЇВ); dateline() checks the capitals, which re cannot. Two places
# filed from at once, dpa's "Kiew/Moskau (dpa) -", "Brüssel/Kiew (dpa) -" (QA pass 24a, 12), are one.
_WIRE_DATELINE = re.compile(
    r"^\s*([^\W\d_](?:[^\W\d_]|[ .'’\-]|/(?=[^\W\d_])){1,40}?(?:,\s*[^\W\d_](?:[^\W\d_]|[.'’ ]){1,30}?)?"
    r"(?P<date>,\s*(?:\w{3,9}\.? \d{1,2}|\d{1,2}\.?\s+[^\W\d_]{3,12}\.?))?)\s*"
    r"(?:\((?P<agency>[A-Za-z .\-]{2,30})\)\s*)?[—–-]{1,2}\s+\S"
)


# The Russian and Ukrainian agencies' own dateline, the agency between slashes after the date:
# "МОСКВА, 6 декабря. /ТАСС/. Вооруженные силы...", "МОСКВА, 6 декабря. /ИНТЕРФАКС/ - Российские
# ...", "КИЇВ, 6 грудня. /Укрінформ/." (QA 19b: split off as a sentence of its own, it was a "fact"
# every TASS copy shared). The match ends where the text begins (or at the end of a dateline alone).
# TASS's English service writes the month first, with the year and time on its own pages: "MOSCOW,
# December 6. /TASS/.", "MOSCOW, December 6, 2026, 10:15. /TASS/." (QA pass 22a, 09: neither read)
_SLASHED_DATELINE = re.compile(
    r"^\s*([^\W\d_](?:[^\W\d_]|[ .'’\-]){1,40}?(?P<date>,\s*(?:\d{1,2}\.?\s+[^\W\d_]{3,12}\.?"
    r"|[^\W\d_]{3,12}\.?\s+\d{1,2}(?:,\s*\d{4})?(?:,\s*\d{1,2}:\d\d)?\.?))?)\s*"
    r"/(?P<agency>[^\W\d_][\w .\-]{1,30}?)/\s*(?:[.:]|[—–-]{1,2})?\s*(?=\S|$)"
)

# The Lithuanian agencies' and outlets' dateline, the month (genitive) before the day and its "d."
# (diena), the agency in brackets, no dash: "Vilnius, gruodžio 5 d. Vilniaus oro uostas...",
# "Vilnius, gruodžio 4 d. (BNS). Seimas..." (QA pass 24b: not read, the shared dateline words
# grouped two LRT reports of different days). Read as the slashed form: the match ends where the text begins.
_LT_MONTHS = "sausio vasario kovo balandžio gegužės birželio liepos rugpjūčio rugsėjo spalio lapkričio gruodžio"
_LT_DATELINE = re.compile(
    rf"^\s*([^\W\d_](?:[^\W\d_]|[ .'’\-]){{1,40}}?(?P<date>,\s*(?:\d{{4}}\s*m\.\s*)?(?:{'|'.join(_LT_MONTHS.split())})"
    r"\s+\d{1,2}\s*d\.)(?!\s*[,;:]))(?:\s*\((?P<agency>[^\W\d_][\w .\-]{1,30}?)\)\.?)?\s*(?:[—–-]{1,2}\s*)?(?=\S|$)"
)

# The place and day as a sentence of their own, as Ukrainian, Russian, Polish and German outlets open
# the body: "Харків, 2 грудня. Кількість загиблих...", "Харьков, 2 декабря.", "Charków, 2 grudnia.",
# "Charkiw, 2. Dezember.", "Kharkiv, December 2." (QA pass 25a, 09: not read, and its date was taken
# for the event's day, joining a correction of Tuesday's attack to Thursday's evacuation). Only a
# month's name (MONTH_NAME, below) makes the date: "Харків, 5 поранених." is no dateline. Read as
# the slashed form: the match ends where the text begins; what follows opens a new sentence.
_SENTENCE_DATELINE = re.compile(
    r"^\s*([^\W\d_](?:[^\W\d_]|[ '’\-]){1,40}?(?:,\s*[^\W\d_](?:[^\W\d_]|[ '’\-]){1,30}?)?"
    r"(?P<date>,\s*(?:\d{1,2}\.?\s+(?P<month>[^\W\d_]{3,12})|(?P<month_first>[^\W\d_]{3,12})\.?\s+\d{1,2})"
    r"(?:,?\s+(?:19|20)\d\d(?:\s+(?:року|р|года|г|roku|r)(?![^\W\d_]))?)?))"
    r"(?:\s*\((?P<agency>[^\W\d_][\w .\-]{1,30}?)\))?\s*\.(?:\s+|$)(?=[^\W_«\"„“]|$)"
)


def dateline_match(line: str) -> re.Match[str] | None:
    """A wire dateline: a capitalised place with an agency tag, in capitals, or with a date
    ("Frankfurt am Main, 5. Dezember –"); a lede opening on a city's name is none of those."""
    slashed = _SLASHED_DATELINE.match(line)
    if slashed is not None and slashed.group(1)[0].isupper() and slashed.group("agency")[0].isupper():
        return slashed
    lithuanian = _LT_DATELINE.match(line)
    if lithuanian is not None and lithuanian.group(1)[0].isupper():
        return lithuanian
    sentence = _SENTENCE_DATELINE.match(line)
    if sentence is not None and _sentence_dateline(sentence):
        return sentence
    m = _WIRE_DATELINE.match(line)
    if m is None or m.group(1).split()[0].strip(",").lower() in _NOT_PLACES or not all(
            place[:1].isupper() for place in m.group(1).split(",")[0].split("/")):  # each of "Kiew/Moskau"
        return None
    return m if m.group("agency") or m.group("date") or m.group(1).split(",")[0].isupper() else None


def _sentence_dateline(m: re.Match[str]) -> bool:
    """Whether a "Place, 2 грудня." match is a dateline: each place's words capitalised but for a
    short link ("Frankfurt am Main", "Ostrów nad Odrą"), no weekday or day word among them
    ("Вівторок, 2 грудня.", "Сьогодні, 2 грудня.", "Or fastest delivery Tuesday, March 17."), its
    month a month's name, and the sentence after it opening with a capital (or none after it)."""
    month = m.group("month") or m.group("month_first")
    words = m.group(1)[: m.start("date") - m.start(1)].replace(",", " ").split()
    rest = m.string[m.end():]
    return (re.fullmatch(_MONTH, month, re.IGNORECASE) is not None
            and all(w[0].isupper() or len(w) <= _PLACE_LINK_CHARS for w in words) and words[0][0].isupper()
            and not any(w.lower() in _NOT_PLACES for w in words)
            and not rest[:1].islower())


_PLACE_LINK_CHARS = 3  # the longest lower-case word inside a place's name: "am", "nad", "de"


# what opens a lede like a dateline but is no place: "Monday, March 3 —", "Updated, 5. Dezember –"
_NOT_PLACES = frozenset({
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "updated", "published",
    "posted", "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag",
    "sonntag", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "lunes", "martes",
    "miércoles", "jueves", "viernes", "sábado", "domingo", "poniedziałek", "wtorek", "środa", "czwartek",
    "piątek", "sobota", "niedziela", "понеділок", "вівторок", "середа", "четвер", "п'ятниця", "субота",
    "неділя", "понедельник", "вторник", "среда", "четверг", "пятница", "суббота", "воскресенье",
    # a day named relative to today: "Сьогодні, 2 грудня." dates a sentence, it files no report
    "today", "yesterday", "heute", "gestern", "dziś", "dzisiaj", "wczoraj", "сьогодні", "вчора", "учора",
    "сегодня", "вчера",
})
# the holder in Latin or Cyrillic letters: "© ТАСС 2026. Все права защищены.", "© 1991-2026 Интерфакс",
# "© АО «Коммерсантъ»" (QA 19b: a Cyrillic holder was never read). Not every script: other
# languages' "All rights reserved" ("© جميع الحقوق محفوظة") would be read as the holder.
# (an elided article inside the name: "© Courrier de l'Europe", "L’Écho de Bruxelles"; QA pass 27a, 07: cut
# at the apostrophe, "Courrier de l"); not a possessive's ("Dupont's")
_COPYRIGHT = re.compile(r"(?:copyright|©|\(c\))\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*"
                        r"([A-Za-zÀ-ɏ\u0400-\u04ff«\"](?:[\w.\- «»\"]|['’](?=\w)(?!s\b)){1,60})", re.I)
# a company's legal form before its name ("АО «Коммерсантъ»", "ТОВ «...»"): the name is in the quotes
_LEGAL_FORM = re.compile(r"^(?:АО|ООО|ОАО|ПАО|ЗАО|ТОВ|ПрАТ|ПАТ|АТ|ФГУП|АНО)\s+(?=[«\"])")
# "All rights reserved" in the languages storydiff reads: where the holder's name ends
_RIGHTS_RESERVED = (r"\ball rights\b|\bвсе права\b|\bусі права\b|\bвсі права\b|\bwszelkie prawa\b|"
                    r"\balle rechte\b|\btous droits\b|\btodos los derechos\b")
# a sign with no holder after it, its site's name before it: "Suspilne Broadcasting © 2026. All rights
# reserved." (QA pass 26c, 11: read as no outlet)
_SIGN_ALONE = re.compile(r"©\s*(?:\d{4}(?:\s*[-–]\s*\d{4})?)?(?=[\s.,]*(?:$|[|•·]|" + _RIGHTS_RESERVED + "))", re.I)
_YEARS = re.compile(r"^\s*\d{4}(?:\s*[-–]\s*\d{4})?[\s,.\-–]|\s\d{4}(?:\s*[-–]\s*\d{4})?\s*$")
_DOMAIN = re.compile(r"\b((?:[a-z0-9\-]+\.)+(?:com|org|net|info|ua|uk|eu|de|fr|ru|news|media|co|io|us))\b", re.I)
_SKIP_WORDS = {"all", "rights", "reserved", "by", "the", "copyright"}


def _place_outlet(line: str) -> re.Match[str] | None:
    """A "Place • Outlet" line, both names capitalised."""
    m = _PLACE_OUTLET_LINE.match(line)
    return m if m and m.group(1)[0].isupper() and m.group(2)[0].isupper() else None


def outlet_from_url(url: str | None) -> str | None:
    """The site's host without ``www.``: the most reliable outlet name when a URL exists."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname or ""
    except ValueError:
        return None
    host = host.lower()
    for prefix in ("www.", "m.", "amp.", "mobile."):
        if host.startswith(prefix):
            host = host[len(prefix):]
    return host or None


def _spaced_name(domain: str, text: str) -> str | None:
    """'euromaidanpress.com' → 'Euromaidan Press' if the text spells the name with spaces."""
    stem = domain.lower().split(".")[0]
    if len(stem) < 3:
        return None
    # runs of capitalised words whose letters equal the domain stem; the spaced spelling
    # ("Euromaidan Press") beats the domain's own ("Euromaidanpress")
    best: str | None = None
    for m in re.finditer(r"\b([A-Z][\w'’]*(?:\s+[A-Z][\w'’]*){0,3})", text):
        words = m.group(1).split()
        for i in range(len(words)):
            for j in range(i + 1, len(words) + 1):
                cand = " ".join(words[i:j])
                if re.sub(r"[^a-z0-9]", "", cand.lower()) == stem and (
                    best is None or cand.count(" ") > best.count(" ")
                ):
                    best = cand
    return best


def outlet_from_text(text: str) -> str | None:
    """Outlet signed in the page text: a 'Place • Outlet' line near the top, else a copyright
    line's domain (spelled as the text spells the name when it does), else None."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for ln in lines[:6]:
        m = _place_outlet(ln)
        if m:
            return m.group(2).strip()
    carrier = _agency_copy_carrier(lines)
    if carrier:
        return carrier
    masthead = known_masthead(lines)
    if masthead:
        return masthead
    # (reading the last copyright line first, the footer before a credit in the body, was measured and
    # not kept: bench/outlet_pagetext.py names the site aeb 68 -> 67, wcxb-dev 539 -> 543, fundus 58 -> 57)
    for ln in lines[:15] + lines[-25:]:
        m = _COPYRIGHT.search(ln)
        if not m:
            alone = _SIGN_ALONE.search(ln)
            site = _site_before_sign(ln, alone, text) if alone else None
            if site:
                return site
            continue
        if _is_credit(ln, m):
            continue
        site = _site_before_sign(ln, m, text)
        if site:
            return site
        dm = _DOMAIN.search(m.group(1))
        if dm:
            return _spaced_name(dm.group(1), text) or dm.group(1).lower()
        head = re.split(rf"\.(?:\s|$)|[|,;]|{_RIGHTS_RESERVED}", m.group(1), flags=re.I)[0]
        name = " ".join(w for w in head.split() if w.lower() not in _SKIP_WORDS)
        name = _YEARS.sub(" ", f" {name} ").strip(" .,-–—")  # "© ТАСС 2026", "© Copyright 2025 Arc"
        name = _LEGAL_FORM.sub("", name).strip("«»\" ")
        if 2 <= len(name) <= 40:
            return name
    return _masthead(lines)


# a picture's credit, not the page's holder: "Фото: © РИА Новости / Рамиль Ситдиков", "Photo: © AP",
# "© ТАСС / Сергей Бобылев" (agency / photographer), "© Фото: Getty Images" (review 19: the agency,
# or the word "Фото", was read as the page's outlet)
_CREDIT_WORD = r"(?:photos?|foto|fot\.|фото|світлина|image|bild|зображення|иллюстрация|ілюстрація)"
_CREDIT_BEFORE = re.compile(rf"(?<![^\W\d_]){_CREDIT_WORD}\s*+:?\s*+$", re.I)
_CREDIT_HOLDER = re.compile(rf"^\s*{_CREDIT_WORD}(?![^\W\d_])", re.I)
# a person after the slash: two capitalised words ending the credit ("/ Рамиль Ситдиков"), not a
# company's second name ("CBC/Radio-Canada", "ARD-aktuell / tagesschau.de", "GmbH/Srl Impressum |")
_UPPER, _LOWER = r"[A-ZÀ-ÞА-ЯЁІЇЄҐ]", r"[a-zß-ÿа-яёіїєґ'’\-]"
_PHOTOGRAPHER_AFTER = re.compile(rf"(?:\s++/\s*+|/\s++){_UPPER}{_LOWER}+\s+{_UPPER}{_LOWER}+\s*(?:$|[/|,.;)])")


def _is_credit(line: str, copyright: re.Match[str]) -> bool:
    """Whether the copyright sign on ``line`` credits a picture (its agency or photographer)."""
    return bool(_CREDIT_BEFORE.search(line[:copyright.start()]) or _CREDIT_HOLDER.match(copyright.group(1))
                or _PHOTOGRAPHER_AFTER.match(line, copyright.end()))


# "Onet.pl © 2026 Ringier Axel Springer Polska", "Wccftech © 2019 NewAge ADS, LLC", "Nettavisen. ©
# Mediehuset Nettavisen AS": the site's own name before the sign, its owner after it. The name: one
# to three capitalised words (or a domain) opening the line or after a separator, none of them a
# footer link's ("Privacy Notice © 2026 Store Growers"); "Eine Webseite der FUNKE Mediengruppe ©",
# "Site design / logo ©" and "IPSO Regulated Copyright ©" name no site.
_SITE_DOMAIN = re.compile(r"^[^\W_][\w\-]*(?:\.[\w\-]+)*\.[a-z]{2,6}$", re.I)
_FOOTER_WORDS = frozenset([
    "privacy", "policy", "terms", "notice", "cookie", "cookies", "contact", "sitemap", "impressum", "imprint",
    "accessibility", "legal", "conditions", "disclaimer", "advertise", "jobs", "help", "faq", "subscribe",
    "datenschutz", "agb", "kontakt", "regulamin", "polityka", "prywatności", "reklama", "about", "home", "menu",
    "all", "rights", "reserved", "copyright", "copyrights", "opphavsrett", "urheberrecht"])


def _site_before_sign(line: str, copyright: re.Match[str], text: str) -> str | None:
    """The site named right before a copyright sign on its line, or None."""
    if not copyright.group().lstrip().startswith(("©", "(")):
        return None  # "Copyright 2025 ..." has its name after the word
    segment = re.split(r"[|•·]", line[:copyright.start()])[-1].strip(" \t.,:;-–—™®")
    words = segment.split()
    if len(segment) < 2 or not 1 <= len(words) <= 3:
        return None
    if len(words) == 1 and _SITE_DOMAIN.match(segment):
        return _spaced_name(segment, text) or segment.lower()
    if any(not w[0].isupper() or w.lower().strip("™®") in _FOOTER_WORDS for w in words):
        return None
    return " ".join(w.strip("™®") for w in words)


# "ЛІГА.net", "Лента.ру" (a Cyrillic domain ending: ру, рф, укр)
# any country's domain and two-part ones ("wp.pl", "orf.at", "pravda.com.ua": review 21b, 5)
_MASTHEAD_DOMAIN = re.compile(r"^[^\W_][\w\-]*(?:\.[\w\-]+)?\.(?:[a-z]{2}|com|org|net|info|news|media|online|ру|рф|укр)$",
                              re.I)


def _known_outlet(name: str) -> bool:
    """Whether ``name`` is, as written, an outlet or agency storydiff knows by name ("Meduza", "УНН",
    "Українська правда", "Интерфакс": analyze.origins' names, which the citation finder reads)."""
    from storydiff.lexicon.outlets import known_outlet

    return known_outlet(name) is not None


# "By Associated Press", "By Reuters", "By AFP": an agency credited as the story's author, the way a
# newspaper's site runs the agency's copy (the agency's own pages name its reporters)
_AGENCY_BYLINE = re.compile(r"^\s*(?:by|from|von|od|від|от)\s+(?:the\s+)?(.{2,40}?)\s*$", re.I)
_AGENCY_BYLINE_REACH = 12  # lines from the page's top where the byline of a carried story stands


def _agency_copy_carrier(lines: list[str]) -> str | None:
    """The site carrying an agency's copy: a page signed "By Associated Press" near its top, the
    agency's copyright at its foot, and its own logo line first ("U.S. News & World Report",
    then its menu). The agency's copyright names the text's owner, not the page's outlet: read as
    the outlet, a carrier's copy became a revision of the agency's own article (QA pass 22a, 02)."""
    from storydiff.lexicon.outlets import WIRE_AGENCIES, known_outlet

    for ln in lines[1:_AGENCY_BYLINE_REACH]:
        m = _AGENCY_BYLINE.match(ln)
        agency = known_outlet(m.group(1)) if m else None
        if agency in WIRE_AGENCIES:
            logo = _logo_line(lines)
            if logo and known_outlet(_without_news_word(logo)) != agency:
                return logo
            return None
    return None


_LOGO_MAX_WORDS = 6
_MENU_MAX_WORDS = 3
_MENU_LINES = 2  # menu items right under a logo line
_LOGO_REPEAT_REACH = 60  # lines below a first line where its repeat makes it a page's title
_COPYRIGHT_SIGN = re.compile(r"©|\(c\)|copyright", re.I)
# a first line that is a menu's or the browser's, not a site's name
_NOT_LOGO = re.compile(r"^(?:skip\b|menu|home|main menu|navigation|search|sign in|log in|subscribe|startseite"
                       r"|strona główna|головна|главная|новини|новости|news|nachrichten|wiadomości"
                       # a skip link in the site's language (review 22c, r1: "Przejdź do treści" was the outlet)
                       r"|przejdź do|zum inhalt|direkt zum|перейти до|перейти к|aller au contenu|ir al contenido"
                       r"|saltar al|vai al contenuto)\b", re.I)


# A site's menu copied as one line: its items apart by two or more blanks, a tab or a bar ("Home  World
# EU  Business  Opinion  Sign in", "Accueil  Belgique  Europe  Économie  Se connecter"). A headline is
# one phrase: it was taken for the headline, or for a title over the real one (QA pass 27a, 06).
_MENU_ITEM_GAP = re.compile(r"[ \t]*(?:\t|[|•·])[ \t]*|[ \t]{2,}")
_MENU_MIN_ITEMS = 3


def is_menu_line(line: str) -> bool:
    """A line of three or more menu items, each one to three words opening on a capital."""
    items = [item for item in _MENU_ITEM_GAP.split(line.strip()) if item]
    return len(items) >= _MENU_MIN_ITEMS and all(
        1 <= len(item.split()) <= _MENU_MAX_WORDS and item[0].isupper() and item[-1] not in ".!?:;," for item in items)


def _logo_line(lines: list[str]) -> str | None:
    """The page's first line when it reads as a site's logo over its menu: a short capitalised name
    (at most six words, no sentence end) followed by at least two menu items of one to three words
    ("The Kyiv Independent" / "News Feed" / "Ukraine War", "RT" / "Russia & FSU" / "World News",
    "Волинські Новини" / "Головна" / "Новини Луцька")."""
    if len(lines) < 1 + _MENU_LINES:
        return None
    first = lines[0].strip()
    words = first.split()
    if not (1 <= len(words) <= _LOGO_MAX_WORDS and len(first) <= 40 and first[0].isupper()) or first[-1] in ".!?:;,":
        return None
    if _NOT_LOGO.match(first) or _TITLE_SEPARATOR.search(first) or ": " in first or first[-1] in "?？":
        return None  # a document's <title> first ("Sudo - ArchWiki", wcxb's pages), not a logo
    if lines[1].strip().lower().startswith("skip to"):
        return None  # the <title> above the page's own first line, its skip link
    if any(line.strip().startswith(first) and not _COPYRIGHT_SIGN.search(line) for line in lines[1:_LOGO_REPEAT_REACH]):
        return None  # its headline printed again below it ("Backup Strategy"): a title, not a logo (a
        # footer's "Волинські Новини © 2026" confirms a logo)
    if is_menu_line(lines[1]):
        return first  # the menu on one line under it ("L'Écho de Bruxelles" / "Accueil  Monde  Europe")
    menu = lines[1 : 1 + _MENU_LINES]
    if all(1 <= len(m.split()) <= _MENU_MAX_WORDS and m.strip()[-1] not in ".!?:;," and m.strip()[0].isupper()
           for m in menu):
        return first
    return None


def _without_news_word(name: str) -> str:
    """"AP NEWS" -> "AP": an agency's site names itself after the agency."""
    return re.sub(r"\s+(?:news|новини|новости|wiadomości|nachrichten)$", "", name.strip(), flags=re.I)


# a skip link above a page's logo line ("Перейти до основного вмісту", "Skip to main content")
_SKIP_LINK = re.compile(r"^(?:skip\b|przejdź do|zum inhalt|direkt zum|перейти до|перейти к|aller au contenu"
                        r"|ir al contenido|saltar al|vai al contenuto)", re.I)


def _without_skip_link(lines: list[str]) -> list[str]:
    """The page's lines from its first that is no skip link: the logo line is under it."""
    return lines[1:] if lines and _SKIP_LINK.match(lines[0].strip()) else lines


def known_masthead(lines: list[str]) -> str | None:
    """The outlet the page's first line (under a skip link) names as one the outlets' table knows:
    its name ("Українська правда"), with "The" ("The Kyiv Independent"), an agency's site ("AP
    NEWS" is the Associated Press), or a known outlet's edition or service ("Суспільне Одеса",
    "BBC Україна", "Суспільне Новини"). The page's own sign at its top: it comes before a footer's
    copyright, which may name the owner's company ("© 2026 Суспільне Мовлення" under "Суспільне
    Новини": QA pass 26c, 11, the pasted page and its HTML were two outlets)."""
    lines = _without_skip_link(lines)
    if not lines:
        return None
    first = lines[0].strip()
    words = first.split()
    if not (1 <= len(words) <= 4 and len(first) <= 40 and first[0].isupper()) or first[-1] in ".!?:;,":
        return None
    if _known_outlet(first):
        return first
    if first.lower().startswith("the ") and _known_outlet(first[4:]):
        return first  # "The Kyiv Independent" (the table knows "Kyiv Independent")
    if len(words) == 2 and _known_outlet(words[0]) and words[1].lower() in ("news", "новини", "новости"):
        from storydiff.lexicon.outlets import WIRE_AGENCIES, known_outlet

        agency = known_outlet(words[0])
        if agency in WIRE_AGENCIES:
            return agency  # an agency's site after its name: "AP NEWS" is the Associated Press
        return first  # a broadcaster's news service: "Суспільне Новини", "Suspilne News"
    if len(words) == 2 and _known_outlet(words[0]) and words[1][0].isupper():
        return first  # a regional edition: "Суспільне Одеса", "BBC Україна"
    return None


def _masthead(lines: list[str]) -> str | None:
    """The outlet's name as the page's first line, where nothing else signs the page: a short
    line that reads as a site's name ("ЛІГА.net"), or one the page repeats in a later sentence
    ("The Kyiv Independent" ... "The Kyiv Independent is funded by our readers") — a section
    name ("Новини", "Politics") is neither."""
    if not lines:
        return None
    first = lines[0].strip()
    words = first.split()
    if _MASTHEAD_DOMAIN.match(first) and len(first) <= 40:
        return first  # a site's logo as its domain, lower case too ("tagesschau.de", "n-tv.de": QA pass 21a, 05)
    if not (1 <= len(words) <= 4 and len(first) <= 40 and first[0].isupper()) or first[-1] in ".!?:;,":
        return _logo_line(lines)
    if known := known_masthead(lines):
        return known
    if len(words) >= 2:
        # in the page's foot, in a sentence ("... is funded by our readers"): a headline is
        # repeated at the top of its body, a masthead at the foot of the page
        foot = "\n".join(lines[max(10, len(lines) - 25):])
        if re.search(rf"(?<!\w){re.escape(first)}\s+[^\W\d_]+\s+[^\W\d_]+", foot):
            return first
    return _logo_line(lines)


def dateline(text: str) -> str | None:
    """The place the story was filed from: 'Kyiv' in 'Kyiv • UNN', 'WASHINGTON' in 'WASHINGTON (AP) —'."""
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for ln in lines[:6]:
        m = _place_outlet(ln)
        if m:
            return m.group(1).strip()
    for ln in lines[:4]:
        m = dateline_match(ln)
        if m:
            place = m.group(1).split(",")[0].strip()
            if len(place) >= 3:
                return place
    return None


# the agency signing a Russian or Ukrainian dated dateline after its dash, as a sentence of its
# own: "ХАРЬКОВ, 5 декабря – РИА Вести. В ночь...", "МОСКВА, 5 дек — ТАСС." (a new sentence follows)
_AGENCY_SIGN_OFF = re.compile(r"((?:[^\W\d_][\w\-]*\s+){0,2}[^\W\d_][\w\-]*)\.(?=\s+[^\W\d_«\"„“]|\s*$)")
_CYRILLIC_LETTER = re.compile("[\u0400-\u04ff]")


def _sign_off_end(dateline: re.Match[str], rest: str) -> int:
    """Where an agency's sign-off after a dated dateline ends in ``rest`` (0: there is none).

    A sign-off is the Russian and Ukrainian agencies' form, so in Cyrillic ("РИА Вести.",
    "Укрінформ.", "ТАСС."), or in any letters after a Cyrillic place ("КИШИНЕВ, 1 дек - Sputnik.":
    QA pass 26a, 12, a fact "Sputnik." only in Sputnik), or a lone acronym ("AFP."); the new
    sentence after it opens with a capital. Not a headline in title case ("KYIV — Russia Attacks
    Kharkiv."), nor an abbreviated title ("Gen. Mark Milley", "Ген. прокурор", "Проф. Иванов")."""
    if not dateline.group("date"):
        return 0
    m = _AGENCY_SIGN_OFF.match(rest)
    if m is None:
        return 0
    words = m.group(1).split()
    if not all(w[0].isupper() for w in words):
        return 0
    if _CYRILLIC_LETTER.search(m.group(1)) or _CYRILLIC_LETTER.search(dateline.group(1)):
        single = words[0] if len(words) == 1 else None
        if single is not None and not (single.isupper() or len(single) >= 5):
            return 0  # "Ген.", "Проф.": a title cut short, not an agency
        following = rest[m.end():].lstrip()
        if following[:1].islower():
            return 0
        return m.end()
    return m.end() if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 else 0


def without_dateline(sentence: str) -> str:
    """A story's first sentence without its dateline ("PORT VEYRA, Caldonia (Harbor Wire) — A
    crowded ferry..." -> "A crowded ferry..."; "МОСКВА, 5 дек — ТАСС. Второй..." -> "Второй..."):
    where it was filed, and who filed it, is not what it says."""
    m = dateline_match(sentence)
    if m and m.re in (_SLASHED_DATELINE, _LT_DATELINE, _SENTENCE_DATELINE):
        return sentence[m.end():]
    if m:
        rest = sentence[m.end() - 1 :]
        end = _sign_off_end(m, rest)
        return rest[end:].lstrip() if end else rest
    return sentence


def text_without_dateline(text: str, lines: int = 4) -> str:
    """``text`` with the dateline opening one of its first ``lines`` non-empty lines taken off (as
    ``without_dateline`` takes it off a sentence), the rest as it was: where and when a report was
    filed, and by whom, says nothing of what happened. Read as words, "КИШИНЕВ, 3 декабря. /ТАСС/."
    gave a protest and a drone report two days apart a shared name and a shared "3" (a distance's
    in the other), and "CHISINAU, Dec 6 (Reuters) -" every brief of one wire's day (QA pass 26a)."""
    pos, seen = 0, 0
    while seen < lines and pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end == -1 else end
        line = text[pos:end]
        if line.strip():
            rest = without_dateline(line)
            if rest != line:
                return f"{text[:pos]}{rest}{text[end:]}"
            seen += 1
        pos = end + 1
    return text


# A credit or sign-off: who reported, wrote or edited the piece ("Reporting by Alan Charlish; Editing
# by Andrew Heavens", "(Reporting by X in Warsaw; Additional reporting by Y)", "Writing by", "Compiled
# by"; de "Mitarbeit: X"; pl "Opracowanie: X", "Oprac. X"). It names the newsroom's people, not
# anything that happened: one outlet's sign-off listed as a fact only it reports (QA pass 18), and the
# desk's names that every brief of its day carries joined unrelated briefs into one story (QA pass 26a, 02).
# A role "by" names, repeated; a sentence going on after the names ("Reporting by The Times
# revealed that ...") has lower-case words and is a claim.
_SIGN_OFF_ROLE = re.compile(
    r"(?:\badditional\s+)?\b(?:reporting|writing|editing|compiled|compiling|edited|written|reported)\s+by\b"
    r"|(?<!\w)(?:mitarbeit|opracowanie|oprac\.|opracował[ao]?|opracowali)(?:\s*:|(?=\s))", re.IGNORECASE)
# words that join names in a credit ("X in New York and Y", "X i Y", "van der", "our Kyiv bureau")
_SIGN_OFF_JOINERS = frozenset([
    "and", "in", "from", "with", "for", "at", "und", "i", "oraz", "a", "de", "da", "di", "du", "van", "von", "der",
    "den", "la", "le", "al", "bin", "ter", "our", "staff", "bureau", "team", "newsroom", "reporters"])
_SIGN_OFF_EDGES = "()[]*-–—•·. \t"


def credit_line(unit: str) -> bool:
    """Whether ``unit`` is nothing but a credit line: it opens on a role and every role is
    followed by names (capitalised words and joiners; after a Polish or German label also
    initials, as in "oprac. mp")."""
    body = unit.strip(_SIGN_OFF_EDGES)
    if not _SIGN_OFF_ROLE.match(body):  # no role at the start (nearly every sentence): no credit, nothing to scan
        return False
    roles = list(_SIGN_OFF_ROLE.finditer(body))
    if not roles or roles[0].start() != 0:
        return False
    for role, nxt in zip(roles, [*roles[1:], None]):
        names = body[role.end():nxt.start() if nxt else len(body)]
        words = re.findall(r"[^\W\d_][\w'’.-]*", names)
        if not words or len(words) > 16 or re.search(r"[!?]|\.\s+\w{4,}", names.rstrip(" .)]")):
            return False
        initials = not role.group().lower().endswith("by")
        if not all(w[0].isupper() or w.lower() in _SIGN_OFF_JOINERS or (initials and len(w.rstrip(".")) <= 3)
                   for w in words):
            return False
    return True


def without_credit_lines(text: str) -> str:
    """``text`` without its lines that are credits alone ("Reporting by Desk Staff; editing by Night
    Editor 0."): who reported and edited a report is not what it says."""
    lines = text.split("\n")
    kept = [line for line in lines if not credit_line(line)]
    return text if len(kept) == len(lines) else "\n".join(kept)


def dateline_agency(text: str) -> str | None:
    """The agency signing the body's dateline: "ТАСС" in "МОСКВА, 6 декабря. /ТАСС/.", "Reuters" in
    "KYIV, March 3 (Reuters) -", "РИА Новости" in "МОСКВА, 6 дек — РИА Новости."; None without one."""
    for line in [ln for ln in text.splitlines() if ln.strip()][:4]:
        m = dateline_match(line)
        if m is None:
            continue
        if m.group("agency"):
            return m.group("agency").strip()
        if m.re is _SENTENCE_DATELINE:
            return None  # "Харків, 2 грудня." names no agency after it
        rest = line[m.end() - 1:]
        end = _sign_off_end(m, rest)
        return rest[:end].strip().rstrip(".") or None if end else None
    return None


def language(text: str) -> str | None:
    """ISO 639-1 code of the text's language (storydiff.language: fastText's lid.176 model)."""
    if not isinstance(text, str) or len(text.strip()) < 20:
        return None
    from storydiff.language import detect

    return detect(text)


_ORG_WORDS = re.compile(
    r"\b(news|staff|press|agency|agencies|reuters|associated|afp|editor(s|ial)?|desk|team|"
    r"media|online|newsroom|correspondents?|reporters?|bureau|wire|service|times|post|daily|"
    r"magazine|journal|tribune|herald|guardian|contributors?|inc|ltd|llc|group|tv|radio|"
    r"channel|network|foundation|institute|university|getty|images|photos?|studio|büro|redaktion)\b|"
    r"\.(com|org|net|co)\b|@|https?:|/",
    re.I,
)


# "By Jane Doe", "Written by ...", "Author: ..." opening a line, or "... 7:45 am PST by Jane Doe"
# inside a short one; "Editing by" names editors and "Photo by" photographers: neither is matched.
_BYLINE = re.compile(r"^\s*(?:by|written by|words by|posted by|reporting by|story by|author:?)\s+(.{3,160})$", re.I)
# Bylines in the other languages storydiff reads: a label with its colon or dash ("Автор: Олена
# Коваль", "Autor: Jan Kowalski", "Text: Anna Ott"), or "Von"/"Par"/"Por" before a name of two or
# three capitalised words and nothing else ("Par ailleurs, ..." and "Von der Leyen sagte" are prose)
# one signed name: two or three capitalised words, a place in brackets after it ("Anna Müller (Kiew)")
_NAME = (r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]{0,40}(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]{0,40}){1,2}"
         r"(?:[ \t]*\([A-ZÀ-ÖØ-ÞĀ-ſ][^()\n]{0,40}\))?")
# A byline's label in the languages storydiff reads, before its colon or dash ("Автор:", "Автор
# матеріалу —", "Текст:", "Autorka:", "Tekst:"); page text's bylines and a page's author field (which
# trafilatura hands over as "Автор Олена Коваль": QA pass 23b, 06) cut the same ones
_LABEL_WORDS = (
    r"(?i:автор(?:и|ы|ка)?(?:[ \t]+(?:матеріалу|материала|статті|статьи|тексту|публікації|публикации))?"
    r"|текст(?:[ \t]+(?:і|и|та)[ \t]+фото)?|autor(?:in|ka|zy|en)?|tekst(?:[ \t]+i[ \t]+zdjęcia)?|text|auteur|autore|autora"
    # who compiled a piece from several sources: "Opracowanie: Jan Nowak", "Opracowała: ...",
    # "Підготувала: ...", "Подготовил: ..." (QA pass 20a, 06)
    r"|opracowanie|opracował[a]?|підготува(?:в|ла)|подготови(?:л|ла))"
)
_BYLINE_OTHER = re.compile(
    r"^\s*(?:" + _LABEL_WORDS + r"\s*[:—–-]\s*(.{3,160})"
    # case-sensitive names, one word each, blanks only between: no word can be cut two ways (with
    # re.I and "\s*" a 1,200-letter line took a minute: a review's finding)
    # ("oprac." before a name; "Opracowanie" only with its colon: "Opracowanie Głównego Urzędu
    # Statystycznego" names an institution's report, review 20, 5)
    # German opinion and analysis labels before "von": "Eine Analyse von ...", "Ein Kommentar von ..."
    r"|(?:(?i:eine?)[ \t]+(?i:analyse|kommentar|bericht|reportage|einschätzung|gastbeitrag|glosse|essay)[ \t]+)?"
    r"(?i:von|par|por|oprac\.)\s+(" + _NAME + r"(?:[ \t]+(?:und|and|et|oraz|i|e)[ \t]+" + _NAME + r")?)"
    # a place after the name: "Von Philipp Fritz, Warschau" (QA pass 18: taken for the headline),
    # a studio or a stay ("Von Anna Müller, ARD-Studio Kiew", "..., z.Zt. Odessa": QA pass 21a, 10)
    r"(?:\s*,\s*(?:z\.\s?Zt\.\s*)?[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]{0,40}(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]{0,40}){0,2})?"
    # the agency the piece was written with: "Par Claire Dumont, avec AFP", "Von Anna Ott, mit dpa" (QA
    # pass 27a, 03 and 09: the line was a fact of the story and nobody its author, and its name led the
    # report and kept one summit apart)
    r"(?:\s*,?[ \t]+(?:avec|mit|con)[ \t]+(?:l['’]|der[ \t]+|den[ \t]+)?(?:(?i:afp|dpa|ap|apa|sda|efe|ansa|belga|agences?)(?![\w'’])"
    r"|[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’./-]{0,40}(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’./-]{0,40}){0,2}))?"
    r"(?:\s*[|•·/—–-].*)?\s*)$"
)


def _byline(line: str) -> str | None:
    """The names after a byline's label ("By ...", "Автор: ..."), or None."""
    if len(line) > 200:  # a byline is a line, not a paragraph
        return None
    m = _BYLINE.match(line)
    if m:
        return m.group(1)
    m = _BYLINE_OTHER.match(line)
    if m is None:
        return None
    return m.group(1) or m.group(2)


_LEADING_BYLINE_REACH = 2  # the body's first lines where its byline may stand


def leading_byline(text: str) -> tuple[str, list[str]]:
    """``text`` (a body, paragraphs joined by "\\n") without a byline among its first lines ("Par
    Claire Dumont, avec AFP" as an HTML body's first <p>), and the people it names; ``text`` and []
    when none names a person ("By Reuters" stays: it names an agency, not an author)."""
    lines = text.split("\n")
    for i, line in enumerate(lines[:_LEADING_BYLINE_REACH]):
        raw = _byline(line.strip())
        people = split_authors(raw) if raw else []
        if people:
            return "\n".join(lines[:i] + lines[i + 1:]), people
    return text, []


def is_byline(line: str) -> bool:
    """Whether ``line`` is a byline ("By Jane Doe", "Von Philipp Fritz, Warschau", "Autor: ...",
    "Anna Nowak · 2026-12-06")."""
    return _byline(line) is not None or _dated_name(line)


# the Guardian's byline, no label: the reporter and where they file from ("Shaun Walker in Kyiv",
# "Luke Harding and Pjotr Sauer in Lviv"); a title-case headline has the same shape ("Zelensky
# Visits Troops in Bakhmut"), so it is a byline only next to the page's date line (``placed_byline``)
_PLACED_NAME = re.compile(rf"^\s*({_NAME}(?:[ \t]+(?:and|&)[ \t]+{_NAME})?)[ \t]+in[ \t]+"
                          r"[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]{1,40}(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][\w'’.-]{1,40}){0,2}\s*$")

# "Name, Outlet": a name and the site it writes for after a comma, as LRT, 15min and Delfi print
# their byline between the headline and the date ("Eglė Kazlauskienė, LRT.lt", "Jonas Petraitis,
# 15min.lt"; QA pass 24b, 03: not read). Read only next to a date line, as "Name in Place" is: a
# headline can end on a comma and a word; the outlet is a site's domain or an outlet storydiff knows
_NAME_COMMA_OUTLET = re.compile(rf"^\s*({_NAME}(?:[ \t]+(?:and|ir|i|&)[ \t]+{_NAME})?)[ \t]*,[ \t]*"
                                r"(?P<outlet>[\w-]+(?:\.[\w-]+)*\.[a-z]{2,6}|[^\W\d_][\w .-]{1,30}?)\s*$")


# a byline block of two lines, the name, then the role (the BBC's "Paul Kirby" / "Europe digital editor")
_ROLE_LINE = re.compile(r"^\s*(?:[\w'’&,-]+[ \t]+){0,4}(?:editor|correspondent|reporter|writer|journalist|analyst"
                        r"|columnist|producer|redaktor|redaktorka|dziennikarz|dziennikarka|кореспондент|кореспондентка"
                        r"|корреспондент|журналіст|журналістка|журналист|журналистка|korrespondent(?:in)?)s?\s*$", re.I)
_LATIN_NAME = re.compile(r"^\s*[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-ÿā-ſ'’-]+(?:[ \t]+[A-ZÀ-ÖØ-ÞĀ-ſ][a-zß-ÿā-ſ'’-]+){1,2}\s*$")


def _name_over_role(lines: Sequence[str], i: int) -> str | None:
    """A name alone on line ``i`` with its role on the next line ("Paul Kirby" / "Europe digital
    editor"; QA pass 22a, 09), or None."""
    if not (_LATIN_NAME.match(lines[i]) or _BARE_NAME.fullmatch(lines[i].strip())):
        return None
    after = next((line for line in lines[i + 1:i + 3] if line.strip()), "")
    return lines[i].strip() if _ROLE_LINE.match(after) else None


# a wire's version slug before its headline: "UPDATE 2-", "CORRECTED-UPDATE 1-", "EXCLUSIVE-", "WRAPUP 3-"
# (QA pass 22a, 09: kept in titles, story headlines and search)
_WIRE_SLUG = re.compile(r"^(?:(?:UPDATE|CORRECTED|CORRECTION|REFILE|RPT|EXCLUSIVE|WRAPUP|INSIGHT|ANALYSIS|FACTBOX"
                        r"|EXPLAINER|BREAKINGVIEWS|BRIEF|BUZZ|PREVIEW|TIMELINE|URGENT)(?:[ \t]+\d{1,2})?[ \t]*-(?=\S))+")


def without_wire_slug(title: str | None) -> str | None:
    """``title`` without a wire's version slug ("UPDATE 2-Russian drone ..." -> "Russian drone ...")."""
    if not title:
        return title
    rest = _WIRE_SLUG.sub("", title, count=1)
    return rest if len(rest.split()) >= 2 else title


def placed_byline(lines: Sequence[str], i: int) -> str | None:
    """The names of a "Name in Place" byline on line ``i`` printed next to a date line (the line
    before or after it, blank lines aside), or None (QA pass 22a, 09: the Guardian's byline was
    its page's headline)."""
    m = _PLACED_NAME.match(lines[i]) if len(lines[i]) <= 120 else None
    if m is None and len(lines[i]) <= 120:
        m = _NAME_COMMA_OUTLET.match(lines[i])
        if m is not None and "." not in m.group("outlet") and not _known_outlet(m.group("outlet").strip()):
            m = None
    if m is None:
        return None
    before = next((line for line in reversed(lines[max(0, i - 3):i]) if line.strip()), "")
    after = next((line for line in lines[i + 1:i + 4] if line.strip()), "")
    return m.group(1) if is_date_line(before) or is_date_line(after) else None


def _dated_name(line: str) -> bool:
    """Whether ``line`` is a name (two to four capitalised words) and a date set apart by a mark, a
    page's byline without a label ("Anna Nowak · 2026-12-06", "Jane Doe | May 2, 2013"): no
    headline (QA pass 20a, 13: a pasted page's title was "Anna Nowak · 2026-12-06")."""
    if len(line) > 120:
        return False
    m = _FULL_DATE.search(line)
    if m is None:
        return False
    rest = line[: m.start()] + " " + line[m.end():]
    if not re.search(r"[·|•—–/,]", rest):
        return False
    words = _DATE_LINE_FILLER.sub(" ", rest).split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() and not w.isupper() for w in words)


_INLINE_BYLINE = re.compile(r"(?:^|[\s|•·,])(?<!editing )(?<!photo )(?<!image )(?<!photos )(?<!images )by:?\s+(.{3,120})$", re.I)
_BYLINE_TAIL = re.compile(r"\s(?:[|•·/]|[-–—]\s|on\b|updated\b|published\b|posted\b)", re.I)
# What follows a name on a byline: a handle, a role ("Staff Writer", "AP Auto Writer").
_BYLINE_EXTRAS = re.compile(
    r"@\w+|\b(?:senior |chief |staff |contributing |special |ap |auto |political |science |business |sports |tech |health |opinion )*"
    r"(?:writer|correspondent|reporter|editor|contributor|columnist)\b",
    re.I,
)
_SEPARATED_BY = re.compile(r"[|•·—–-]\s*by\b", re.I)
_HANDLE = re.compile(r"(?<!\S)@\w{2,30}\b")
# "FOXBusiness", "CNNMoney": a brand, not a surname (McDonald, DeShawn have one inner capital).
_CAMEL_BRAND = re.compile(r"^[A-Z][A-Za-z]*[A-Z]{2,}[a-z]")


# What stands between two names: punctuation, "and" in the languages storydiff reads (lowercase
# only: "I." is an initial; no Spanish "y", which joins a double surname: "Ortega y Gasset"). "Автори:
# Марія Петренко та Олег Сидоренко" was one five-word "name", dropped (QA pass 19a).
# (Lithuanian "ir": "Eglė Kazlauskienė ir Jonas Petraitis")
_AUTHORS_APART = re.compile(r";|,|&|\||\band\b|(?<!\S)(?:та|і|й|и|und|oraz|i|et|ir)(?!\S)")


def split_authors(raw: str | None) -> list[str]:
    """People named in an author string (trafilatura's, or a page's byline); organisations,
    roles, handles and brands are dropped."""
    if not raw:
        return []
    people: list[str] = []
    for part in _AUTHORS_APART.split(re.sub(r"\([^()]*\)", " ", raw)):  # "Anna Müller (Kiew)"
        part = _BYLINE_EXTRAS.sub(" ", part)
        name = re.sub(r"^(by|written by|von|par|por)\s+", "", part.strip(), flags=re.I).strip(" .-")
        name = " ".join(w for w in name.split() if not _CAMEL_BRAND.search(w))  # "Jane Doe FOXBusiness"
        words = name.split()
        if (not 2 <= len(words) <= 4 or _ORG_WORDS.search(name) or any(c.isdigit() for c in name)
                or words[0].lower() == "the"):
            continue
        if not all(w[:1].isupper() for w in words if w.lower() not in {"de", "van", "von", "da", "la"}):
            continue
        if name not in people:
            people.append(name)
    return people


# A page's markup (author meta tags, JSON-LD, its byline element) says who signed it: a person, an
# agency ("AP", "dpa"), a desk ("TOI Lifestyle Desk"), a forum user ("jldugger"). byline_names keeps
# them as the page gives them and drops only what names nobody: a label or a placeholder left in
# the field, a degree or a job title cut off a name by its comma ("Jane Doe, PhD, RD"), a date
# glued to a name, interface text.
_BYLINE_LABEL = re.compile(
    r"^(?:(?:this (?:post|article|story|review) (?:was|is) )?(?:(?:written|posted|reported|published|words|story) )?by"
    r"|authors?|author(?:ed)? by|via|por|" + _LABEL_WORDS + r")\b(?:\s*[:—–]\s*|\s+-\s+|\s+)(?=\S)"
    # labels that also begin names ("Pär Lagerkvist" written "Par Lagerkvist", "Von Trotha"): cut
    # before a colon or a name of two words or more ("Par Jean Dupont"), not before one word
    r"|^(?:von|par)(?::\s*(?=\S)|\s+(?=\S+\s+\S))",
    re.I,
)
# what a byline element runs into after the name: an "Updated"/"Published" stamp, or a date
# ("Cazzy Magennis Last Updated August 1", "Supermove February 8"); a month followed by a day is
# a date even where the month alone could be a surname (Theresa May)
_BYLINE_STAMP = re.compile(
    r"(?:^|\s+)(?:(?:last\s+)?(?:updated|published|modified)\b.*"
    r"|(?:on\s+)?(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?"
    r"|nov(?:ember)?|dec(?:ember)?)\.?\s+\d{1,2}(?:st|nd|rd|th)?\b.*)$",
    re.I,
)
_PLACEHOLDERS = frozenset({
    "name", "author", "authors", "by", "written by", "posted by", "the author", "undefined", "null", "none", "nan",
    "unknown", "anonymous", "author name", "your name", "sign in", "log in", "login", "sign up", "subscribe",
    "follow", "share", "menu", "search", "home", "read more", "more",
})
# degrees, certifications and offices that follow a name after a comma (post-nominals)
_POST_NOMINALS = frozenset({
    "phd", "ph d", "md", "ms", "ma", "mba", "msc", "bsc", "ba", "bs", "rd", "rn", "np", "pa", "jd", "esq", "cpa",
    "cfa", "cfp", "mph", "dds", "dvm", "do", "lcsw", "jr", "sr", "ii", "iii", "iv", "ceo", "cto", "cfo", "coo",
    "dr", "prof", "mbe", "obe", "frcp", "facp",
})
# what an author field holds when trafilatura's byline search matched "author" in a heading, a
# menu or a form ("Authorization", "§ Authoring Applications"): no name has these letters
_AUTHOR_WORD = re.compile(r"auth(?:or|ent)", re.I)
# the months that are nobody's surname (Theresa May, Ellen March, Pete June are people)
_TRAILING_MONTH = re.compile(r"\s+(?:jan(?:uary)?|feb(?:ruary)?|apr(?:il)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|"
                             r"dec(?:ember)?)\.?$", re.I)


# a correspondent's station or stay after the name on a German byline: "ARD-Studio Kiew",
# "ZDF-Studio Moskau", "Hauptstadtstudio", "z.Zt. Odessa" (QA pass 21a, 10)
_STATION = re.compile(r"(?:[A-ZÄÖÜ]{2,}[-‑])?(?:Hauptstadt)?[Ss]tudio\b|z\.\s?Zt\.")


# where a credit line's byline ends and its source begins: "oprac. Ewa Marczak, źródło: PAP"
_SOURCE_AFTER_NAME = re.compile(r"\s*[,/|]\s*(?i:źródł[oa]|source|quelle|джерело|источник)\s*:.*$")


def credit_line_authors(lines: Sequence[str]) -> list[str]:
    """People signing an article's credit lines ("Autor: Piotr Nowak", "oprac. Ewa Marczak, źródło:
    PAP", "Autor: Marta Jabłońska / Źródło: TVN24, PAP"; QA pass 22b, 09: a body's closing byline was
    cut from the text and its author was never read)."""
    for line in lines:
        raw = _byline(_SOURCE_AFTER_NAME.sub("", line))
        people = split_authors(raw) if raw else []
        if people:
            return people
    return []


# a label and a dash before the names: trafilatura's author cleanup keeps what stands before a dash
# ("Автор — Олена Коваль" was "Автор", the name lost; QA pass 23b, 06)
_DASHED_LABEL = re.compile(r"^\s*(?:by|authors?|" + _LABEL_WORDS + r")[ \t]*[—–-][ \t]*(?=\S)", re.I)


def without_dashed_label(byline: str) -> str:
    """``byline`` without a label set off by a dash before its names ("Автор — Олена Коваль" ->
    "Олена Коваль")."""
    return _DASHED_LABEL.sub("", byline, count=1)


# A photo credit in the author field: its name is the photographer's, no author of the text
# ("Автор фото Олена Коваль", "Фото: ...", "Zdjęcia: ...", "Photo: ..."; review 23b, F2: the
# label's half was kept, "фото Олена Коваль" an author)
_PHOTO_CREDIT = re.compile(r"(?i:(?:автор(?:ка)?[ \t]+)?фото|zdjęci[ae]|fot\.|photos?|foto)(?:[ \t]*[:—–-][ \t]*|[ \t]+)\S")


def byline_names(raw: str | None) -> list[str]:
    """Who signed a page, from its markup's author string (trafilatura's "Jane Doe; AP"): people,
    agencies, desks and user names as written; labels, placeholders, post-nominals and glued dates
    dropped. Page text's bylines need split_authors, which keeps people only: there a name is
    read from free text, here the page declared it."""
    if not raw:
        return []
    names: list[str] = []
    for part in raw.split(";"):
        name = " ".join(part.replace("©", " ").split()).strip(" .,:|-–—")
        name = _BYLINE_STAMP.sub("", _BYLINE_LABEL.sub("", name))
        if _AUTHOR_WORD.search(name):  # "Authorization", "Reset-Author": an element named for the word
            continue
        if _PHOTO_CREDIT.match(name):  # "Автор фото: Олена Коваль" took the photo, not the article
            continue
        if names and _STATION.match(name):  # "Anna Müller; ARD-Studio Kiew": where she writes from
            continue
        if len(name.split()) >= 2:  # "Jane Doe December": a date cut off after the name
            name = _TRAILING_MONTH.sub("", name)
        key = name.lower().replace(".", " ").replace("  ", " ").strip()
        if (len(name) < 2 or key in _PLACEHOLDERS or (names and " ".join(key.split()) in _POST_NOMINALS)
                or "@" in name or "://" in name or not any(c.isalpha() for c in name)):
            continue
        if all(name.lower() != n.lower() for n in names):
            names.append(name)
    return names


# " | ", " - ", " — ", " : ", " / ", "»": what joins a headline to a site's name or a section in a <title>
# (a colon without a space before it is the headline's own: "Ukraine: talks resume")
# » only between spaces: a title's closing guillemet ("... метро «Либідська»") is no separator
_TITLE_SEPARATOR = re.compile(r"\s+[|\-–—:/·•»«]\s+|\s*[|·•]\s*")


def _words(text: str | None) -> str:
    return " ".join(re.findall(r"\w+", (text or "").lower()))


def _compact(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").lower())


# A segment naming the site may add a word to its name ("Supabase Docs", "bcbs.com", "CNN
# International"), not a headline's worth ("Apple unveils Vision Pro 2" is no site name).
_SITE_SUFFIX_CHARS = 13


def _names_site(segment: str, site_keys: Sequence[str]) -> bool:
    """Whether a title's segment is the site's name ("The Motley Fool", "Supabase Docs", "bcbs.com")."""
    seg = _compact(segment)
    return len(seg) >= 3 and any((seg.startswith(k) and len(seg) - len(k) <= _SITE_SUFFIX_CHARS)
                                 or (k.startswith(seg) and 2 * len(seg) >= len(k)) for k in site_keys)


# Longer than any headline with its site's name: left as it is (and the cuts below stay cheap).
_MAX_TITLE_CHARS = 600


def headline(title: str | None, h1s: Sequence[str] = (), site_name: str | None = None,
             url: str | None = None) -> str | None:
    """The headline in a page's title ("Bridge reopens | Coastal Gazette" -> "Bridge reopens"): the
    segments the page's <h1> repeats, else the title without a first or last segment that names the
    site (its name or its domain); the title as it is when neither is found."""
    if not title or len(title) > _MAX_TITLE_CHARS:
        return title
    seps = list(_TITLE_SEPARATOR.finditer(title))
    if not seps:
        return title
    cuts = [(title[: m.start()].strip(), title[m.end():].strip()) for m in seps]
    host = outlet_from_url(url) or ""
    site_keys = [k for k in {_compact(site_name), _compact(host.split(".")[0]), _compact(host)} if len(k) >= 3]
    # the segments' words, once; of the h1s that a segment repeats, the longest is the headline
    # (a section's name in an <h1> of its own, "Politics", is one too)
    parts = [part for cut in cuts for part in cut] + [seg.strip() for seg in _TITLE_SEPARATOR.split(title)]
    words = {part: _words(part) for part in parts}
    found = [part for h1 in h1s if (wanted := _words(h1)) and not _names_site(h1, site_keys)
             for part in words if words[part] == wanted]
    if found:
        return max(found, key=len)
    if _names_site(cuts[-1][1], site_keys) and cuts[-1][0]:
        return cuts[-1][0]
    if _names_site(cuts[0][0], site_keys) and cuts[0][1]:
        return cuts[0][1]
    return title


_MONTH = (r"(?:(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
          r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
          # written out in the languages storydiff reads (the genitive a date takes in uk, ru and pl):
          # a Ukrainian page's "14 березня 2025, 09:10" was no date at all (QA pass)
          r"|січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|листопада|грудня"
          r"|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|октября|ноября|декабря"
          r"|stycznia|lutego|marca|kwietnia|maja|czerwca|lipca|sierpnia|września|października|listopada|grudnia"
          r"|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember"
          r"|janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre"
          r"|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)")
MONTH_NAME = _MONTH  # the month names dates are read with (line_cleanup's stamp test reads them too)
_DAY = r"\d{1,2}(?:st|nd|rd|th|er)?"
_YEAR = r"(?:1[89]|20)\d\d"
# A clock time right after the date ("May 2, 2013, 1:32 PM EDT"); kept when dateparser reads it.
# the time after a date: "10:02 AM GMT+1", "14.32 Uhr", "godz. 7:50", "um 14:32" (QA pass 18: the
# offset, a German dotted time and a Polish "godz." were not read, and a Reuters page's 10:02 CET
# was stored as 10:02 UTC)
# The blanks are possessive (``\s*+``: nothing after them starts with a blank, so giving some back
# cannot help): backtracking "\s*,?\s*" over a run of blanks was quadratic (review 19: a date line
# followed by 8,000 tabs took 44 s to extract; "May 2, 2019 10:30" + 4,000 spaces 7.5 s).
# the clock may stand in brackets after the day: "niedziela, 6 grudnia 2026 (14:41)" (RMF24; QA 20a, 06)
# English pages: "Dec. 6, 2026, at 3:20 a.m." (U.S. News), "6 December 2026 • 10:30am" (the Telegraph),
# "Sun 6 Dec 2026 10.30 GMT" (the Guardian's dotted clock; QA pass 22a, 04: each was read as a bare day)
_CLOCK = (r"(?:(?:\s*+r\.)?\s*+(?:,\s*+at\b|,|\||•|·|at|-|–|—|\()?\s*+(?:(?:godz\.?|um|o|в|о|à)\s*+)?"
          # French pages write the clock with an "h": "à 09h15", "19h02" (QA pass 27a, 06: read as a bare day)
          r"(?:\d{1,2}:\s?\d\d(?::\d\d)?|\d{1,2}\.\d\d(?=\s*(?:Uhr|[ap]\.?\s?m\.?|GMT|BST|UTC|CET|CEST)\b)"
          r"|[0-2]?\d[hH][0-5]\d(?!\w))"
          r"(?:\s*+Uhr\b)?\)?"
          # "14:30 МСК", "14:30 (мск)", "по московскому времени", "Kyiv time": zone_words.zone_in_words
          rf"(?:\s*+[ap]\.?\s?m\.?)?(?:\s*+,?\s*+{ZONE_WORDS}"
          # a zone's abbreviation in capitals only ("21:17 18.11.2019 Get short URL" is no Georgian time)
          r"|(?-i:\s+[A-Z]{2,4}\b)(?:\s*[+-]\s*\d{1,2}(?::?\d\d)?(?!\d))?)?)?")
# Full dates only: a bare year is a copyright line, a day without a year ("May 2") cannot be placed.
_FULL_DATE = re.compile(
    rf"\b(?P<date>{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\.?\s+(?:of\s+|de\s+)?{_MONTH},?\s+(?:de\s+)?{_YEAR}|"
    rf"{_YEAR}-[01]\d-[0-3]\d(?:[T ][0-2]\d:[0-5]\d(?::[0-5]\d)?(?:Z|[+-]\d\d:?\d\d)?)?|"
    rf"[0-3]?\d\s*[/.]\s*[0-3]?\d\s*[/.]\s*{_YEAR})(?P<clock>{_CLOCK})",
    re.I,
)
# the labels in the languages storydiff reads: "Opublikowano", "Data publikacji", "Veröffentlicht",
# "Опубліковано"; "Aktualizacja", "Aktualisiert", "Stand" (QA pass 18: a Polish and a German page gave
# their update's date as the publication's)
_PUBLISHED_CUE = re.compile(r"(published|posted|first (published|posted)|released|date|opublikowano|data publikacji"
                            r"|veröffentlicht|erschienen|опубліковано|опубликовано|publié|publicado|pubblicato)"
                            r"\b[^\d]{0,20}$", re.I)
_UPDATED_CUE = re.compile(r"(updated|modified|edited|revised|aktualizacja|zaktualizowano|aktualisiert|stand"
                          r"|оновлено|обновлено|mis à jour|actualizado|aggiornato)\b[^\d]{0,20}$", re.I)
# A name without "By" counts only this close (in lines) to the headline or the body's first line.
_SIGNED_LINE_REACH = 2
EDGE_BEFORE = 30  # lines above the body's first line searched for its date and byline
EDGE_AFTER = 3  # lines past the body's first (and last) line, and past the headline
# How far a date's label weighs against its distance (in lines) from the headline or the body:
# "Published"/a byline, a line that is only a date, another short line, "Updated".
_RANK_COST = (0, 2, 6, 8)


# What else a date line may hold: labels, weekdays, clock times, time zones (capitals: "EDT").
_DATE_LINE_FILLER = re.compile(
    r"\b((?i:published|posted|updated|last|first|on|at|(mon|tues|wednes|thurs|fri|satur|sun)day|"
    r"opublikowano|aktualizacja|zaktualizowano|data|publikacji|godz|veröffentlicht|aktualisiert|stand|am|um|uhr|"
    r"опубліковано|оновлено|опубликовано|обновлено|ago|hours?|minutes?|mins?|lesedauer|minuten|czytania|"
    # French: "Publié le vendredi 4 décembre 2026 à 09h15", "Mis à jour le ..." (QA pass 27a, 06: the
    # line was the page's headline)
    r"publié|publiée|mis|mise|à|jour|le|(lun|mar|mercre|jeu|vendre|same)di|dimanche|"
    r"(mon|tue|wed|thu|fri|sat|sun)\.?|[ap]\.?\s?m\.?|gmt|utc)|[A-Z]{2,4})\b|\d{1,2}:\s?\d\d|[0-2]?\d[hH][0-5]\d\b"
    r"|[^\w\s]|\d+",
)


# the clock before the date, as AP prints it: "Updated 8:15 AM GMT, December 6, 2026" (QA pass 22a, 04),
# "3:21pm On Mar 09, 2023", and as Meduza does on the 24-hour clock: "21:40, 4 декабря 2026", "13:05 |
# 06.12.2026" (QA pass 24a, 06: read as a bare day, so Meduza sorted before every timed report of its day)
_CLOCK_FIRST = re.compile(
    rf"(?P<clock>\b(?:\d{{1,2}}[:.]\d\d\s*+[ap]\.?\s?m\.?|(?<![\d.:])[0-2]?\d:[0-5]\d(?![\d:]))"
    rf"(?-i:\s++[A-Z]{{2,4}}\b)?)\s*+(?:[,|•·–—-]|on\b)?\s*+"
    rf"(?P<date>{_MONTH}\s+{_DAY},?\s+{_YEAR}|{_DAY}\.?\s+{_MONTH},?\s+{_YEAR}|[0-3]?\d\.[01]?\d\.{_YEAR})\b",
    re.I,
)


def _clock_after_date(line: str) -> str:
    """``line`` with a clock printed before its date moved after it ("8:15 AM GMT, December 6, 2026"
    -> "December 6, 2026 8:15 AM GMT"), the order the date patterns read."""
    if ":" not in line and "." not in line:
        return line
    return _CLOCK_FIRST.sub(lambda m: f"{m.group('date')} {m.group('clock')}", line, count=1)


def is_date_line(line: str) -> bool:
    """A line that only dates the page ("May 2, 2013 | 5:03pm", "Published: Thu, May 2, 2013 (GMT+5)")."""
    if len(line) > 120:  # the longest date line, with weekday, clock and zone, is about 60 characters
        return False
    line = _clock_after_date(line)
    m = _FULL_DATE.search(line)
    if m is None:
        return False
    rest = _DATE_LINE_FILLER.sub(" ", line[: m.start()] + " " + line[m.end():])
    return len(rest.split()) <= 1


def _title_lines(lines: Sequence[str], title: str | None) -> list[int]:
    """Where the headline stands (a page often prints it twice: its <title> and its <h1>)."""
    if not title:
        return []
    return [i for i, line in enumerate(lines) if line.strip() == title.strip()][:2]


def _edges(kept: Sequence[bool], anchors: Sequence[int] = ()) -> list[tuple[int, int]]:
    """(line index, distance in lines) of the lines around the body's start and the headline
    (``anchors``), nearest first, then the lines after the body's end (a footer's "Published on")."""
    body = [i for i, k in enumerate(kept) if k]
    if not body:
        return []
    first, last = body[0], body[-1]
    starts = [first, *anchors]
    head = set(range(max(0, first - EDGE_BEFORE), min(len(kept), first + EDGE_AFTER)))
    for a in anchors:
        head.update(range(max(0, a - EDGE_AFTER), min(len(kept), a + EDGE_AFTER + 1)))
    near = sorted(((i, min(abs(i - a) for a in starts)) for i in head), key=lambda t: t[1])
    tail = range(last + 1, min(len(kept), last + 1 + EDGE_AFTER))
    return near + [(i, EDGE_BEFORE + EDGE_AFTER + k) for k, i in enumerate(tail)]


_DOTTED_NUMERIC = re.compile(r"\d{1,2}\.\d{1,2}\.\d{4}")


_SLASH_DATE = re.compile(r"([0-3]?\d)\s*/\s*([0-3]?\d)\s*/\s*(\d{4})")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_WEEKDAY_WORD = re.compile(r"\b(?:" + "|".join(_WEEKDAYS) + r")\b", re.I)


def _weekdays_named(lines: Sequence[str], kept: Sequence[bool]) -> set[int]:
    """The weekdays (0 = Monday) the body's first kept lines name ("said on Sunday")."""
    named: set[int] = set()
    body = [line for line, k in zip(lines, kept) if k][:5]
    for line in body:
        named.update(_WEEKDAYS.index(w.lower()) for w in _WEEKDAY_WORD.findall(line))
    return named


def _slash_day_first(date: str, weekdays: set[int]) -> bool | None:
    """Whether an English page's slash date with both readings possible ("06/12/2026") is day first:
    France 24, Euronews and most European English sites print DD/MM/YYYY, US sites MM/DD/YYYY. The
    reading whose weekday the body names ("on Sunday": 6 December 2026, not Friday 12 June) wins;
    None when the body does not tell (QA pass 22a, 05)."""
    from datetime import date as Date

    m = _SLASH_DATE.fullmatch(date.strip())
    if m is None or not weekdays:
        return None
    a, b, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if a > 12 or b > 12 or a == b:
        return None
    def fits(d: Date) -> bool:
        # published on the day the lede names or within two days after it ("on Sunday" in
        # Monday's report): a US date "12/07/2026" with a Sunday shooting is Monday 7 December,
        # not Sunday 12 July; when both readings fit, the body does not tell (review 22c, r10)
        return any((d.weekday() - w) % 7 <= 2 for w in weekdays)

    try:
        day_first, month_first = fits(Date(year, b, a)), fits(Date(year, a, b))
    except ValueError:
        return None
    return day_first if day_first != month_first else None


_ISO_TIME_IN_DATE = re.compile(r"\d[T ][0-2]\d:[0-5]\d")


def _parse_date(date: str, clock: str, language: str | None, day_first: bool | None = None) -> str | None:
    """ISO date (with the time when the clock reads), or None when dateparser cannot read it.
    ``day_first``: the order of a numeric date where the page told it (``_slash_day_first``)."""
    from storydiff.extract import date_parser

    def tidy(text: str) -> str:  # "05 / 02 / 2013", "1: 32 p. m.", "3rd" (tokenised copy)
        text = re.sub(r"\s*([/.:])\s*(?=\d)", r"\1", text.strip(" ,|-–—()•·"))
        text = re.sub(r"(?<=\d)(st|nd|rd|th)\b", "", text, flags=re.I)
        text = re.sub(r"^at\s+", "", text, flags=re.I)
        return re.sub(r"\b([ap])\.\s?m\.?", r"\1m", text, flags=re.I)

    # the Guardian's dotted clock "10.30 GMT" read as 10:30 (a German "14.32 Uhr" already was)
    clock = re.sub(r"(?<!\d)(\d{1,2})[.hH](\d\d)(?!\d)", r"\1:\2", clock)  # and a French "09h15"
    # a dotted date ("06.12.2026") is day first in English text too (UNN's English pages print it:
    # QA 19b read 12 June); only a slash date is month first in English
    if day_first is None:
        day_first = (language or "en") != "en" or _DOTTED_NUMERIC.fullmatch(tidy(date)) is not None
    settings = {"DATE_ORDER": "DMY" if day_first else "MDY", "PREFER_DAY_OF_MONTH": "first"}
    clock, worded = zone_in_words(clock)
    try:
        if clock.strip():
            parsed = date_parser.parse(f"{tidy(date)} {tidy(clock)}", language, settings)
            if parsed is not None:
                if worded is not None and parsed.tzinfo is None:
                    from storydiff.dates import zone_named

                    parsed = parsed.replace(tzinfo=zone_named(worded))
                return parsed.isoformat()
        parsed = date_parser.parse(tidy(date), language, settings)
    except Exception:  # dateparser raises many kinds on odd strings; the line has no usable date
        return None
    if parsed is None:
        return None
    # an ISO date holds its time after a "T" or, as LRT, 15min and Delfi print it, a space
    # ("2026-12-03 09:40"; QA pass 24b, 03: stored as the bare day)
    return parsed.isoformat() if _ISO_TIME_IN_DATE.search(date) else parsed.date().isoformat()


def published_from_lines(
    lines: Sequence[str],
    kept: Sequence[bool],
    *,
    title: str | None = None,
    now: datetime | None = None,
    language: str | None = None,
) -> str | None:
    """The publication date printed around the headline and the body's start (or end), as ISO
    (``line_dates``)."""
    return line_dates(lines, kept, title=title, now=now, language=language)[0]


def line_dates(
    lines: Sequence[str],
    kept: Sequence[bool],
    *,
    title: str | None = None,
    now: datetime | None = None,
    language: str | None = None,
) -> tuple[str | None, bool]:
    """The publication date printed around the headline and the body's start (or end), as ISO, and
    whether only the page's last-update stamp gave it ("Stand: 06.12.2026 14:05 Uhr", "Updated:",
    "Оновлено:" and no other date near: tagesschau prints no other line; it is then the modified
    time too, and a later version's stamp moves only that; QA pass 21a, 08).

    Each full date found there costs its distance in lines from the headline or the body plus
    what its label says (``_RANK_COST``): "Published"/"Posted" or a byline's date first, then a
    line that is only a date, then another short line, then "Updated"; the cheapest wins. An
    unlabelled date in a body line is the story's ("checked in on May 2, 2013"), and lines over
    20 words are prose: neither is read.
    """
    from storydiff.extract import normalize_date

    edges = _edges(kept, _title_lines(lines, title))
    # Three or more different bare dates around the top are a list of other articles' teasers:
    # then only a labelled date or a byline's is the page's own.
    teaser_list = len({lines[i].strip() for i, _ in edges if is_date_line(lines[i])}) >= 3
    weekdays = _weekdays_named(lines, kept) if (language or "en") == "en" else set()
    best: tuple[int, str, bool] | None = None
    for i, distance in edges:
        line = _clock_after_date(lines[i])
        words = len(line.split())
        if words > 20 or (best is not None and distance >= best[0]):
            continue
        for m in _FULL_DATE.finditer(line):
            before = line[: m.start()]
            if _PUBLISHED_CUE.search(before) or _byline(line):
                rank = 0
            elif _UPDATED_CUE.search(before):
                rank = 3
            elif teaser_list:
                continue
            elif is_date_line(line):
                rank = 1
            elif not kept[i] and words <= 16:
                rank = 2
            else:
                continue
            cost = distance + _RANK_COST[rank]
            if best is not None and cost >= best[0]:
                continue
            order = _slash_day_first(m.group("date"), weekdays) if weekdays else None
            value = normalize_date(_parse_date(m.group("date"), m.group("clock"), language, order), now=now)
            if value is not None:
                best = (cost, value, rank == 3)
    if best is None and now is not None:
        return _relative_date(lines, edges, now, language), False
    return (best[1], best[2]) if best else (None, False)


def updated_from_lines(lines: Sequence[str], kept: Sequence[bool], *, title: str | None = None,
                       now: datetime | None = None, language: str | None = None,
                       not_before: str | None = None) -> str | None:
    """The page's last-update stamp around the headline and the body ("Оновлено: 1 грудня 2026,
    18:05", "Updated:", "Обновлено:", "Aktualisiert:", "Aktualizacja:"), as ISO, where it gives the
    time of day: the page text's dateModified. As the HTML tag's, a bare day is none (it orders no
    two versions of one day's page; QA pass 25a, 10: a page printing its publication line as well
    had "no time recorded" for its update). The nearest such stamp wins; one before ``not_before``
    (the publication time, ISO) is another article's (a sidebar teaser's "Оновлено: 30 листопада";
    review 25b)."""
    from storydiff.extract import normalize_date

    for i, _ in _edges(kept, _title_lines(lines, title)):
        line = _clock_after_date(lines[i])
        if kept[i] or len(line.split()) > 20:  # a body line is the article's ("The timetable was updated on ...")
            continue
        for m in _FULL_DATE.finditer(line):
            if not m.group("clock").strip() or not _UPDATED_CUE.search(line[: m.start()]):
                continue
            value = normalize_date(_parse_date(m.group("date"), m.group("clock"), language), now=now)
            if value is not None and "T" in value and not (not_before and value[:19] < not_before[:19]):
                return value
    return None


# A date line that needs a reference day: "сьогодні, 09:30", "Вчера в 22:15", "Today, 09:30", "2 години
# тому", "15 minutes ago", and a day without its year, "7 грудня, 09:30" (with its clock: a bare
# "7 грудня" is as often an event's day). Alone on its line.
_TODAY_OR_YESTERDAY = r"сьогодні|сегодня|today|heute|dzisiaj|dziś|вчора|учора|вчера|yesterday|gestern|wczoraj"
_AGO_UNITS = (r"хвилин[иу]?|годин[иу]?|минут[ыу]?|час(?:а|ов)?|min(?:ute)?s?|hours?|hrs?|minuten|stunden?|minut[y]?"
              r"|godzin[ya]?|godzinę")
_RELATIVE_DATE_LINE = re.compile(
    rf"(?:(?:{_TODAY_OR_YESTERDAY})\s*,?\s*(?:(?:в|о|об|at|um|o|godz\.?)\s*)?\d{{1,2}}:\d\d"
    rf"|(?:vor\s+)?\d{{1,2}}\s+(?:{_AGO_UNITS})\s*(?:тому|назад|ago|temu)?"
    rf"|{_DAY}\.?\s+{_MONTH},?\s+(?:(?:в|о|at|um|o|godz\.?)\s*)?\d{{1,2}}:\d\d)",
    re.I,
)
_AGO_WORD = re.compile(r"\b(?:тому|назад|ago|temu|vor)\b", re.I)
_DURATION = re.compile(rf"(?:vor\s+)?\d{{1,2}}\s+(?:{_AGO_UNITS})\b", re.I)


def _relative_date(lines: Sequence[str], edges: Sequence[tuple[int, int]], captured: datetime,
                   language: str | None) -> str | None:
    """A relative or year-less date line near the headline or the body's start, read against the time
    the page was captured (never the time of the run: an archive read a year later is not from
    today), as ISO; None when there is none or it cannot be read."""
    from storydiff.extract import date_parser, normalize_date

    base = captured.astimezone(naive_zone() or UTC).replace(tzinfo=None)
    for i, _ in edges:
        line = _DATE_LINE_LABEL.sub("", lines[i].strip(" \t·|•-–—")).strip()
        if len(line) > 40 or not _RELATIVE_DATE_LINE.fullmatch(line):
            continue
        if _DURATION.match(line) and not _AGO_WORD.search(line):
            continue  # "2 hours" without "ago" is a duration
        try:
            parsed = date_parser.parse(line, language, {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past",
                                                        "RETURN_AS_TIMEZONE_AWARE": False})
        except Exception:  # dateparser raises many kinds on odd strings
            continue
        if parsed is not None:
            return normalize_date(parsed.replace(second=0, microsecond=0).isoformat(), now=captured)
    return None


# a label before a relative date: "Опубліковано: сьогодні, 09:30", "Updated: 2 hours ago"
_DATE_LINE_LABEL = re.compile(r"^(?:published|posted|updated|опубліковано|опубликовано|оновлено|обновлено|"
                              r"veröffentlicht|aktualisiert|opublikowano|aktualizacja)\s*:?\s*", re.I)


def _dated_or_separated(line: str) -> bool:
    """A short line where "by" signs something: after a date ("May 2, 2019 7:45 am by Jane Doe") or
    a separator ("Politics | by Jane Doe"), not in a phrase ("sign up by clicking here")."""
    return len(line.split()) <= 16 and bool(_FULL_DATE.search(line) or _SEPARATED_BY.search(line))


# A person's name alone on a line: two or three capitalised Cyrillic words ("Олена Коваленко", "Иван
# Петров"), not in capitals (a masthead, a section: "НОВОСТИ УКРАИНЫ"). Cyrillic only: on the three
# line corpora the same shape in Latin letters under a date line was "Share Tweet", "Fact Check", "Why
# It Matters", and no name.
_NAME_WORD = r"[А-ЯІЇЄҐЁ][а-яіїєґё'’ʼ]+(?:-[А-ЯІЇЄҐЁ]?[а-яіїєґё'’ʼ]+)?"
_BARE_NAME = re.compile(rf"{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}}")


# what a page prints between a bare byline and the body's first line: Ukrinform's place and its
# font-size control ("Харків", "Розмір шрифту"; QA pass 24a, 12): at most this many lines of at most
# _HEADER_LINE_WORDS words each
_HEADER_LINES_AFTER_NAME = 2
_HEADER_LINE_WORDS = 3


def _name_between_date_and_body(lines: Sequence[str], kept: Sequence[bool], i: int) -> bool:
    """Whether line ``i`` is a bare byline: a person's name alone right under the page's date line,
    before the body's first line, as Ukrainska Pravda and Novaya Gazeta Europe print it (QA 19b),
    or with a few short header lines between, as Ukrinform does."""
    line = lines[i].strip()
    before = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    if before is None or not is_date_line(lines[before]):
        return False
    after = [j for j in range(i + 1, len(lines)) if lines[j].strip()][: _HEADER_LINES_AFTER_NAME + 1]
    body = next((k for k, j in enumerate(after) if kept[j]), None)
    if body is None or any(len(lines[j].split()) > _HEADER_LINE_WORDS for j in after[:body]):
        return False
    if not _BARE_NAME.fullmatch(line):
        return False
    return not _known_outlet(line) and not _known_outlet(line.split()[0])


def _name_between_title_and_date(lines: Sequence[str], kept: Sequence[bool], i: int, titles: Sequence[int]) -> bool:
    """Whether line ``i`` is a bare byline between the headline and the date line, the body after
    that date (with a few short header lines between), as Suspilne's pages print it when pasted
    ("Ірина Бондар", "Mariia Shevchuk": QA pass 26c, 10). Cyrillic names by their shape
    (``_BARE_NAME``); Latin ones with a first word the given names' table knows, as that shape in
    Latin letters was "Share Tweet", "Fact Check" on the line corpora. No outlet, section or place:
    "Суспільне Новини", "Новини Харкова", "Kharkiv Region" are no one."""
    line = lines[i].strip()
    before = next((j for j in range(i - 1, -1, -1) if lines[j].strip()), None)
    after = [j for j in range(i + 1, len(lines)) if lines[j].strip()][: _HEADER_LINES_AFTER_NAME + 2]
    if before is None or before not in titles or not after or not is_date_line(lines[after[0]]):
        return False
    body = next((k for k, j in enumerate(after) if kept[j]), None)
    # (an update stamp is a date line too: "Оновлено: 8 грудня 2026, 13:40")
    if body is None or any(len(lines[j].split()) > _HEADER_LINE_WORDS and not is_date_line(lines[j])
                           for j in after[1:body]):
        return False
    return _bare_name(line)


def _bare_name(line: str) -> bool:
    """A line that is a person's name alone (see ``_name_between_title_and_date``)."""
    from storydiff.lexicon.given_names import is_given_name
    from storydiff.lexicon.names import names_no_person

    if not (_BARE_NAME.fullmatch(line) or (_LATIN_NAME.match(line) and is_given_name(line.split()[0]))):
        return False
    words = line.split()
    return (not _known_outlet(line) and not _known_outlet(words[0])
            and not any(w.lower() in _SECTION_WORDS or names_no_person(w, None) for w in words))


# words of a section's or a service's name in a page's header: a line with one is no byline
_SECTION_WORDS = frozenset([
    "новини", "новости", "новина", "news", "nachrichten", "wiadomości", "informacje", "region", "регіон",
    "регион", "область", "oblast", "політика", "политика", "politics", "politik", "polityka", "економіка",
    "экономика", "economy", "wirtschaft", "gospodarka", "спорт", "sport", "світ", "мир", "world", "welt",
    "świat", "суспільство", "общество", "society", "культура", "culture", "kultur", "відео", "видео",
    "video", "wideo", "подкасти", "подкасты", "podcasts", "війна", "война", "war", "krieg", "wojna"])


def authors_from_lines(lines: Sequence[str], kept: Sequence[bool], *, title: str | None = None) -> list[str]:
    """People on a byline around the headline and the body: "By Jane Doe and John Roe | Reuters"
    anywhere there, or, next to the headline or the body's first line, a name signing a date
    ("Chris Davies - Nov 19, 2019") or a handle ("Catherine Shu @catherineshu")."""
    titles = _title_lines(lines, title)
    for i, distance in _edges(kept, titles):
        line = lines[i]
        labelled = _byline(line) or placed_byline(lines, i) or (
            _name_over_role(lines, i) if distance <= EDGE_BEFORE and not kept[i] else None)
        m = None if labelled else (_INLINE_BYLINE.search(line) if _dated_or_separated(line) else None)
        if labelled or m:
            names = labelled or m.group(1)
        elif distance <= _SIGNED_LINE_REACH and not kept[i] and len(line.split()) <= 12:
            signed = _FULL_DATE.search(line) or _HANDLE.search(line)
            if signed is None and (_name_between_date_and_body(lines, kept, i)
                                   or _name_between_title_and_date(lines, kept, i, titles)):
                names = line
            elif signed is None or signed.start() == 0:
                continue
            else:
                names = line[: signed.start()]
        else:
            continue
        people = split_authors(_FULL_DATE.split(_BYLINE_TAIL.split(names)[0])[0])
        if people:
            return people
    return []


def _dateline_date(lines: Sequence[str], kept: Sequence[bool], now: datetime | None, lang: str | None) -> str | None:
    """The full date an agency's dateline on the body's first line carries, where no date line dates
    the page: "MOSCOW, December 6, 2026, 10:15. /TASS/." (QA pass 22a, 09). A dateline's day without
    its year ("MOSCOW, December 6.") cannot be placed and is not read."""
    from storydiff.extract import normalize_date

    first = next((line for line, k in zip(lines, kept) if k), None)
    m = dateline_match(first) if first else None
    date = _FULL_DATE.search(m.group("date")) if m is not None and m.group("date") else None
    if date is None:
        return None
    return normalize_date(_parse_date(date.group("date"), date.group("clock"), lang), now=now)


def page_text_metadata(
    lines: Sequence[str], kept: Sequence[bool], body: str, *, title: str | None = None, now: datetime | None = None
) -> tuple[str | None, list[str], str | None, str | None]:
    """(publication date, authors, language, modified time) of page text whose body lines are
    ``kept``; the modified time is the page's last-update stamp (``updated_from_lines``), or the
    date where only that stamp dates it (``line_dates``)."""
    lang = language(body)
    published, stamp_only = line_dates(lines, kept, title=title, now=now, language=lang)
    if published is None:
        published = _dateline_date(lines, kept, now, lang)
    modified = (published if stamp_only
                else updated_from_lines(lines, kept, title=title, now=now, language=lang, not_before=published))
    return published, authors_from_lines(lines, kept, title=title), lang, modified
