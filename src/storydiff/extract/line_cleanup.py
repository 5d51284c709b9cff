"""Line cleanup of an extracted article body: what trafilatura keeps but a reader skips.

Captions, photo credits, "Read more" links, newsletter and share prompts, and the headline
repeated as the first line. Each rule is one pattern over a whole line, so a body sentence
that merely mentions a newsletter survives.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.metadata import MONTH_NAME
from storydiff.extract.zone_words import zone_in_words

_BOILERPLATE_LINE = re.compile(
    r"^\s*(?:"
    r"(?:read|see|watch|listen)\s+(?:more|also|next)\b.{0,120}"
    r"|related(?:\s+(?:articles?|stories|coverage|content))?\s*:?.{0,120}"
    r"|(?:photo|image|picture|video|graphic)s?\s*(?:credit)?\s*:.{0,160}"
    r"|(?:sign up|subscribe)\b.{0,160}"
    r"|advertisement|sponsored(?: content)?|share (?:this|on).{0,60}"
    r"|(?:copyright|©|\(c\)).{0,160}"
    r"|click here\b.{0,160}"
    r"|tags?|topics?|comments?|\d+\s+comments?|leave a (comment|reply)|tell us what you think.{0,20}"
    r"|(tags?|topics?|filed under|categor(y|ies))\s*:.{0,200}"
    r"|\[\w+\s[^\]]*=[^\]]*\].{0,200}"  # an unrendered CMS shortcode: [button link="..."]
    r"|(updated|published|posted|publicado|publié|actualizado|aktualisiert)\b.{0,60}"
    r"|get .{0,60} delivered .{0,80}"
    r")\s*$",
    re.I,
)


# A line that is only a date or time stamp ("segunda-feira, 22 de janeiro de 2018 às 0:13"): a date
# or a clock with at most a few words around it ...
# (an ISO date too: a short page's "2026-12-04" under its headline; QA pass 27b, 08)
_DATE_LINE = re.compile(
    r"^\W*(\w+\W+){0,6}?(\b\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}\b|\b\d{1,2}:\d\d\b|\b(?:19|20)\d\d-[01]\d-[0-3]\d\b)"
    r"(\W+\w+){0,6}\W*$"
)
# ... none of which says anything. A stamp's words are labels, weekdays, months, relative days and a
# name signing it; a sentence has two words of text beside them (four letters or more), one of them
# lower case, running text's: "UPD 03:40. Кількість загиблих зросла до чотирьох.", "Повітряна тривога
# в Одесі тривала з 01:12 до 03:05", "The curfew runs from 23:00 to 05:00", "Вибухи пролунали о 04:12"
# were dropped as stamps (QA pass 23b, 01: an outlet's update note and an alert's hours, lost). A
# forum user's name is one word, often lower case ("longshot · 03/03/2026 20:53").
_STAMP_WORD = re.compile(
    rf"{MONTH_NAME}"
    # months the date reader does not parse, and the nominative of uk/ru/pl (a page's "грудень 2026")
    r"|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
    r"|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
    r"|januari|februari|maart|april|mei|augustus|september|december"
    r"|січень|лютий|березень|квітень|травень|червень|липень|серпень|вересень|жовтень|листопад|грудень"
    r"|январь|февраль|март|апрель|май|июнь|июль|август|сентябрь|октябрь|ноябрь|декабрь"
    r"|styczeń|luty|marzec|kwiecień|czerwiec|lipiec|sierpień|wrzesień|październik|grudzień"
    # weekdays (lower case where the language writes them so; a weekday's accusative, "у середу")
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    r"|понеділ(?:ок|ка)|вівтор(?:ок|ка)|серед[аиу]|четвер(?:га)?|п['’ʼ]ятниц[яюі]|субот[аиу]|неді(?:ля|лю|лі)"
    r"|понедельник|вторник|сред[аыу]|четверг|пятниц[аыу]|суббот[аыу]|воскресень[ея]"
    r"|poniedziałek|wtorek|środ[ay]|czwartek|piątek|sobot[ay]|niedziel[ay]"
    r"|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lunes|martes|miércoles|jueves|viernes|sábado|domingo"
    r"|segunda|terça|quarta|quinta|sexta|feira|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
    r"|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
    # labels and relative days: "Опубліковано: сьогодні, 09:30", "last updated", "2 години тому" (not
    # "година": "Комендантська година — з 00:00 до 05:00" is the curfew's)
    r"|published|posted|updated?|last|modified|edited|added|date|time|local"
    r"|опубліковано|оновлено|опубликовано|обновлено|додано|добавлено|змінено|изменено|дата|время"
    r"|сьогодні|учора|вчора|сегодня|вчера|today|yesterday|heute|gestern|dzisiaj|wczoraj|тому|назад|temu"
    r"|hours?|minutes?|mins?|годин[иу]?|хвилин[иу]?|час(?:а|ов)|минут[аыу]?|godzin[aey]?|minut[ay]?"
    r"|stand|aktualisiert|veröffentlicht|opublikowano|aktualizacja|zaktualizowano|publikacji|aktualizacji|data"
    r"|godz|czytania|lesedauer|publié|modifié|publicado|actualizado|atualizado|pubblicato|aggiornato"
    r"|às|alle|ore|heures?|horas?|uur|gepubliceerd|bijgewerkt"
    # a local time in words ("по местному времени", "за місцевим часом", "Ortszeit"; Kyiv's and
    # Moscow's by ``zone_in_words``)
    r"|местному|времени|місцевим|місцевого|часом|часу|ortszeit|lokalnego|czasu"
    # a forum's or a Q&A site's stamp on a post ("answered Feb 4, 2014 at 13:07", "23.07.2025 · 6 min
    # read", "Last active December 20, 2025 13:58"; read on wcxb's development half)
    r"|answered|asked|commented|replied|wrote|active|joined|read"
    r"|elapsed|remaining|duration"  # a media player's clock
    # an edit's or a post's stamp with its noun, who signed it and where it was filed ("Останнє
    # оновлення: 07.12.2026, 14:05", "Last updated ... by Reuters staff", "Submitted by webmaster
    # on ...", "... у рубриці Новини", "Источник: пресс-служба": review 23b, F7)
    r"|останнє|последнее|оновлення|обновление|обновления|оновлено|update|submitted|staff|webmaster|editor"
    r"|рубриці|рубрике|розділі|разделе|источник|джерело|автор|редакция|редакція|пресс|прес|служба|служби",
    re.I,
)
_TAG = re.compile(r"</?[A-Za-z][^<>]{0,200}>")  # markup left in the text ("<span>Andy</span> Sun, 10/23/2016 - 10:29")
# a word of letters, four or more (not a user name with digits or "_", "guitar_00", "dusty32309")
_WORD = re.compile(r"(?<![\w'’ʼ])[^\W\d_](?:[^\W\d_]|['’ʼ](?=[^\W\d_])){3,}(?![\w'’ʼ])")


def _is_stamp(line: str) -> bool:
    """Whether ``line`` (which ``_DATE_LINE`` matched) holds no word of running text beside its date."""
    words = [w for w in _WORD.findall(zone_in_words(_TAG.sub(" ", line))[0])
             if not _STAMP_WORD.fullmatch(w) and not any(c.isupper() for c in w[1:])]  # "lllamaDrama": a handle
    return len(words) < 2 or not any(w[:1].islower() for w in words)


# A news agency's editors' initials signing off a report ("mws/ mk/", "kw/ ep/", PAP's): lower-case
# groups of a few letters, each closed by "/". Dropped near the body's end only, whatever path read
# the page (a watched page and a pasted copy of it differed by it, QA pass 20a, 13).
_EDITOR_INITIALS = re.compile(r"(?:[^\W\d_]{1,4}\s?/\s*){1,5}")
_INITIALS_REACH = 3  # among the last this-many lines


# Notices in an extracted body are short; longer lines are paragraphs and skip the notice rules
# (also the costliest regex per line: skipping them keeps fast mode at trafilatura's speed).
_RULE_MAX_CHARS = 300


def clean_body(text: str, title: str | None = None, headlines: Iterable[str] = ()) -> str:
    """Drop boilerplate lines and a leading repeat of the headline (``title``, or one of the
    page's ``headlines``: its <h1>s, as an article's headline differs from a title that names the
    site); paragraphs joined by "\\n"."""
    lines = [line.strip() for line in text.splitlines()]
    lines = [line for line in lines if line]
    repeats = {_norm(name) for name in (title or "", *headlines)} - {""}
    kept = []
    for index, line in enumerate(lines):
        if index < 3 and repeats and _norm(line) in repeats:
            continue
        if dropping_rule(line):
            continue
        kept.append(line)
    return "\n".join(kept)


def dropping_rule(line: str) -> str | None:
    """Which of clean_body's rules drops ``line`` (stripped, one line), or None: a ``line_rules`` kind
    (``"rules:<kind>"``), ``"boilerplate"`` (this module's English notices) or ``"date stamp"``."""
    if len(line) < _RULE_MAX_CHARS:
        kind = boilerplate_kind(line)
        if kind:
            return f"rules:{kind}"
    if _BOILERPLATE_LINE.match(line):
        return "boilerplate"
    # a table row with a date in a cell ("| 1/1/2013 | +13.1% |", trafilatura's rendering of a
    # table) is data the article shows, not a date stamp
    if _DATE_LINE.match(line) and "@" not in line and not line.startswith("|") and _is_stamp(line):
        return "date stamp"
    return None


def drop_editor_initials(text: str) -> str:
    """``text`` (an extracted body, paragraphs joined by "\\n") without a line of a news agency's
    editors' initials among its last lines ("mws/ mk/"): every reading path drops it, so that a
    page stored from its HTML and a pasted copy of it are the same text."""
    lines = text.split("\n")
    tail = len(lines) - _INITIALS_REACH
    return "\n".join(line for i, line in enumerate(lines)
                     if i < tail or not (line.strip().islower() and _EDITOR_INITIALS.fullmatch(line.strip())))


# A "read also" teaser flattened into a paragraph's end by a vendor's export or an HTML body ("...
# працюють рятувальники ДСНС. Читайте також: Вибухи у Харкові 4 грудня: загинули двоє людей"): another
# article's headline, whose figures became a fact of the story (QA pass 21b, 09). Its cue after a
# sentence's end, with a colon or a dash, running to the paragraph's end in a headline's length.
# (On a line of its own, line_rules' "promo" kind drops it.) Only cues that open teasers: "Read
# more:" and "See also:" open an article's own sentences too (review 21c #5).
_INLINE_TEASER = re.compile(
    r"(?<=[.!?…»\"”)])[ \t]+(?i:читайте\s+(?:також|ще|більше|также|еще|ещё)|читати\s+також|дивіться\s+також"
    r"|смотрите\s+также|read\s+(?:also|next)|also\s+read|czytaj\s+(?:też|także|również|więcej)"
    r"|zobacz\s+(?:też|także|również)|lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|lire\s+aussi)"
    r"[ \t]*[:–—-][ \t]*+(?P<teaser>[^\n]{1,200})$",
    re.M,
)
_TEASER_MAX_WORDS = 25
# A headline opens with a capital, a digit or a quote, and does not end in a full stop or a closing
# quote (a sentence of the article does: "Read more: it asks every teacher...", «...Читайте також:
# пам'ятку МОН, її розіслали всім школам»)
_HEADLINE_START = re.compile(r"[\d«„\"“'‘]|[^\W\d_]")
_QUOTE_PAIRS = (("«", "»"), ("“", "”"), ("„", "“"))


def _is_teaser(m: re.Match[str]) -> bool:
    """Whether a cue and what follows it to the paragraph's end are a teaser: a headline's length
    and shape, and not inside a quotation opened before the cue (an official's own "read also")."""
    teaser = m.group("teaser").rstrip()
    if len(teaser.split()) > _TEASER_MAX_WORDS or teaser.endswith((".", "»", "”", '"')):
        return False
    first = _HEADLINE_START.match(teaser)
    if first is None or (first.group().isalpha() and not first.group().isupper()):
        return False
    before = m.string[m.string.rfind("\n", 0, m.start()) + 1:m.start()]
    if before.count('"') % 2:
        return False
    return not any(before.count(o) > before.count(c) for o, c in _QUOTE_PAIRS if o != c)


# A tag cut by the export at the end of a text ("... — написав Терехов. <p class="rea"): markup
# debris, never the article's words (QA pass 21b, 09). Only an HTML tag's name (or the start of one,
# cut short), after a blank or a sentence's end: "a<b" is a comparison (review 21c #5).
_CUT_TAG = re.compile(r"(?:(?<=[.!?…»\"”)>])|\s++|\A)<(?P<name>/?[A-Za-z][A-Za-z0-9]*)(?P<attrs>[ \t/][^<>\n]*)?\Z")
_TAG_NAMES = frozenset((
    "a", "abbr", "article", "aside", "b", "blockquote", "br", "caption", "cite", "code", "dd", "del", "details",
    "div", "dl", "dt", "em", "figcaption", "figure", "font", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "i", "iframe", "img", "ins", "li", "main", "mark", "nav", "noscript", "ol", "p", "picture",
    "pre", "q", "s", "script", "section", "small", "source", "span", "strong", "style", "sub", "summary", "sup",
    "table", "tbody", "td", "tfoot", "th", "thead", "time", "tr", "u", "ul", "video",
))


def _cut_tag(text: str) -> str:
    """``text`` without a tag cut short at its end (``_CUT_TAG``) whose name is an HTML tag's."""
    m = _CUT_TAG.search(text)
    if m is None:
        return text
    name = m.group("name").lstrip("/").lower()
    if name in _TAG_NAMES or (m.group("attrs") is None and any(t.startswith(name) for t in _TAG_NAMES)):
        return text[:m.start()].rstrip()
    return text


def drop_inline_clutter(text: str) -> str:
    """``text`` (an extracted body, paragraphs joined by "\\n") without a "read also" teaser at a
    paragraph's end and without a tag cut short at its very end: every reading path drops them."""
    if "<" in text[-300:]:
        text = _cut_tag(text.rstrip())
    return _INLINE_TEASER.sub(lambda m: "" if _is_teaser(m) else m.group(0), text)


def _norm(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))
