"""Line patterns that are boilerplate on any news site, whatever the classifier says.

Reprint and copyright notices, donation and subscription appeals, ad-blocker notices,
correction prompts, photo credits and captions; and the page's labels and links that read as
prose (a "Read more" link, "Tags ...", "Дата публікації ...", "Більше новин читайте в нашому
Telegram-каналі", "Advertisement - scroll to continue reading"), in the languages storydiff
reads (en, uk, ru, de, pl, fr). Each pattern names the kind of line it removes; they are
checked against the three labelled line sets by ``bench/line_rules.py`` (they must not cost
body recall). Page text, HTML bodies (``line_cleanup``) and a text field's lines
(``record_text``) all read them here: one list.
"""

from __future__ import annotations

import re

from storydiff.extract.page_widgets import COUNTER_LINE

_PATTERNS = {
    "legal": r"copyright|all rights reserved|©|\bprivacy (and|&) cookie|cookie polic|terms of (use|service)"
    r"|reprint|written permission|active hyperlink|materials?,? please"
    # the same notices in the other languages: "Всі права захищені", "Все права защищены", "Alle Rechte
    # vorbehalten", "Wszelkie prawa zastrzeżone", "Tous droits réservés"; "при використанні матеріалів
    # посилання обов'язкове" (a link is required when the materials are used)
    r"|права захищені|права защищены|rechte vorbehalten|prawa zastrzeżone|droits réservés"
    r"|(використанні|використання|цитуванні|использовании|цитировании) (матеріалів|материалов)",
    # a donation appeal is a button or a line addressed to the reader ("Donate", "Make a donation",
    # "Please donate", "Your donation helps us"); a news sentence about donations is none ("the
    # first truck of public aid donations reached the city", "He donated to Goldwater's campaign":
    # QA pass 18, dropped from export rows; wcxb-dev-lines' body lines matched 34 -> 7)
    "appeal": r"become a (patron|member|subscriber)|support (us|our (journalism|work|reporting))"
    # (a word [\w'’] and what separates words [^\w'’] never share a character: with "-" or "&" in
    # both, 70 hyphens in a line took minutes to reject; a review's finding)
    r"|^[^\w'’]*([\w'’]+[^\w'’]+){0,5}donat\w*([^\w'’]+[\w'’]+){0,6}\s*$"
    r"|\b(please|you can|you could|consider|make a|making a|your|help us|amount to)[^\w'’]+([\w'’]+[^\w'’]+){0,4}donat"
    # "by" or "with a" and a donation is the reader's only as the line's opening or the readers'
    # own ("By donating, you ...", "kept alive by reader donations"): a report says who gave ("paid
    # for by public donations from more than 14,000 Poles", "driven by small-dollar donations",
    # "with a donation box": QA pass 26b)
    r"|^[^\w'’]*by donating\b|\bby (our )?readers?['’]? donations"
    r"|\bdonat\w*\W+(\w+\W+){0,2}(to (us|our|the (site|project|channel))|today|now|here|via)\b"
    r"|\bdonations? (page|link|button|form)\b|\bdonations? from (our )?readers|\b(rely|depend)s? on (\w+ )?donations|support .{0,40}\bdonat"
    r"|cup of coffee|join our community|you could close this page|\bpatreon\b"
    r"|підтримайте (нас|наш|редакцію)|поддержите (нас|наш|редакцию)|unterstützen sie (uns|unseren)"
    r"|wesprzyj (nas|nasz)|soutenez(-| )nous"
    # a call to join the outlet's readers, and its support keeping it independent, in the reader's
    # words (QA pass 26c, 13: "Ставайте частиною спільноти УП. Ваша підтримка допомагає нам
    # залишатися незалежними." was kept as article text); not a thank-you for support in a quote
    # ("ваша підтримка допомагає нам вистояти"): the outlet's independence or journalism is named
    r"|\b(become|ставайте|станьте|werden sie|dołącz(cie)?|rejoignez)\b[^.!?]{0,20}"
    r"\b(part of|частиною|частью|teil|do)\b[^.!?]{0,20}"
    r"\b(community|спільноти|сообщества|community|gemeinschaft|społeczności|communauté)"
    r"|\b(rejoignez|join) (notre|our) (communauté|community)"
    r"|\b(your|ваша|ihre|deine|twoje|wasze|votre) (support|підтримка|поддержка|unterstützung|wsparcie|soutien)\W+"
    r"(helps|keeps|allows|enables|makes|допомагає|дозволяє|робить|помогает|позволяет|делает|hilft|ermöglicht"
    r"|sichert|pomaga|pozwala|umożliwia|nous (aide|permet)|aide|permet)\b"
    r"[^.!?]{0,60}\b(independen|indépendan|незалежн|независим|unabhängig|niezależn"
    r"|journalism|журналістик|журналистик|journalismus|dziennikarstw|journalisme)"
    r"|\b(us|нам|uns|nam|nous)\W+(\w+\W+){0,2}(stay|remain|залишатися|лишатися|оставаться|pozostać|rester)\W+"
    r"(independent|незалежними|независимыми|niezależn|indépendants?)\b"
    r"|\b(uns|us)\W+(\w+\W+){0,2}unabhängig (zu )?bleiben",
    "adblock": r"ad ?blocker|disabl\w+ (your )?ad|whitelist (us|our site)",
    "correction": r"suggest a correction|ctrl ?\+ ?enter|highlight the text and press|report an? (error|typo)",
    "credit": r"^\s*(photo|image|picture|video|screenshot|illustration|graphic)s?\s*(credit|by|:|from)"
    r"|\bscreenshot from\b|\bphoto(graph)?(\s+credit)?\s*(by|:)|\(photo\b|\bcourtesy of\b|getty images"
    r"|shutterstock|\bap photo\b|/ reuters\b|\bfile photo\b",
    # a link to other articles or a call to follow the outlet, as the line's start: "Read more: ...",
    # "Читайте також ...", "Lesen Sie auch", "Czytaj też", "Більше новин читайте в нашому
    # Telegram-каналі", "Підписуйтесь на наш канал"
    "promo": r"^\s*(read (also|more|next)|see also|also read|related( articles?| stories)?"
    r"|most (read|popular)|sign up for|subscribe to|follow us|share (this|on)|more news"
    r"|читайте (також|ще|більше)|читати також|дивіться також|див\. також|по темі|більше новин"
    r"|читайте (также|еще|ещё)|смотрите также|по теме|больше новостей"
    r"|lesen sie (auch|mehr)|mehr zum thema|auch interessant|czytaj (też|także|również|więcej)"
    r"|zobacz (też|także|również)|(à )?lire aussi"
    r"|підписуйтесь|підписуйтеся|стежте за нами|подписывайтесь|подпишитесь|следите за нами"
    r"|abonnieren sie|folgen sie uns|subskrybuj|obserwuj nas"
    # Lithuanian (QA pass 24b: 15min's "Skaitykite daugiau: ..." was kept and split its story)
    r"|skaitykite (daugiau|taip pat|ir)|taip pat skaitykite|susiję straipsniai|susijusios naujienos"
    r"|daugiau naujienų|sekite mus|prenumeruokite)\b.{0,80}$|special discount"
    # share buttons and the comments' counter, each a line of its own ("Dalintis" opens prose too:
    # "Dalintis patirtimi ..."; review 24c L4)
    r"|^\W*(komentarai|dalintis|dalinkitės)\W*(\d+\W*)?$"
    # French share buttons: "Partager  Tweeter  Envoyer par e-mail", "Partager sur Facebook · Partager
    # sur X" (QA pass 27a, 09: kept as body text where the English "Share this article" was dropped)
    r"|^\W*partag(er|ez)(\s+(sur|cet article|l['’]article|par)\b|\s{2,}|\s*[·|•/]|\s*$)[^.!?]{0,80}$"
    r"|\b(в|у|на) (нашому|нашем|нашій|нашей) (telegram|телеграм|viber|вайбер|facebook|фейсбук|instagram|youtube"
    r"|tiktok|каналі|канале|сторінці|странице)",
    # an ad slot's label: "Advertisement", "Реклама" alone, "Advertisement - scroll to continue
    # reading"; a block of partners' links ("Новости партнеров")
    "advert": r"^\W*(advertisement|реклама|anzeige|werbung|reklama|publicité)\W*$"
    r"|scroll (down )?to continue( reading)?\W*$"
    r"|новини партнерів|новости партнеров|матеріали партнерів|материалы партнеров",
    # a field of the page, label and a short value: "Tags war in Ukraine drones", "Теги: ...",
    # "Джерело: ОВА", "Дата публікації 5 грудня 2026 о 09:40". Not English "Source:" or "Author:": wcxb's
    # gold keeps a chart's "Source: Bureau of Labor Statistics" and a book list's "Author: ..." as body
    "field": r"^\W*(tags|теги|мітки|метки|schlagwörter|tagi)\b(\s*:)?[^.!?]{0,120}$"
    # an editorial desk's credit alone: "(opr. red.)", "oprac. red.", "(red.)" (QA pass 22b, 09)
    r"|^\W*((opr|oprac)\.\s*)?(red\.|redakcja)\W*$|^\W*(opr|oprac)\.\s*(red|redakcja|wł|własne)\W*$"
    r"|^\W*(теми|темы|themen|tematy|джерело|джерела|источник|источники|quelle|źródło)\s*:[^.!?]{0,80}$"
    r"|^\W*(дата (публікації|публикации|оновлення|обновления)"
    r"|datum der veröffentlichung|data (publikacji|aktualizacji)|date de publication)\b.{0,60}$",
    # a republished piece's note, as a line of its own: "This article was originally published on
    # The Conversation", "First published on November 19, 2019 / 8:16 AM", "Впервые опубликовано на
    # ...". Not one that ends as a sentence: aeb's and wcxb's gold keep "Originally published on Live
    # Science." and "... was originally published in April 2020 and was updated ..." as body
    "republished": r"(\b(article|story|piece|post|column) (was |is )?(originally|first) (published|appeared)"
    r"|^\W*(originally|first) (published|appeared) (on|in|at|by)\b"
    r"|^\W*(вперше|впервые) (опубліковано|опублікована|опубликовано|опубликована)"
    r"|(стаття|статтю|матеріал|статья|материал) (вперше|впервые) (опублікован|опубликован)"
    r"|erschien zuerst|ursprünglich (veröffentlicht|erschienen)|pierwotnie (opublikowan|ukazał)"
    r"|publié initialement|initialement publié)[^.!?]{0,80}$",
    "supported_by": r"is supported by the\b.{0,80}foundation",
    # a cookie-consent banner, which a browser's copy puts wherever the site draws it (between the menu
    # and the headline: QA pass 22b, 04): the site says it uses cookies, or that using it is consent
    # ("Ми використовуємо файли cookie, щоб ...", "Ta strona używa plików cookies.", "Продовжуючи
    # користуватися сайтом, ви погоджуєтеся з цим", "We use cookies to improve your experience")
    "consent": r"\b(we|this (web)?site|the (web)?site|our (web)?site) uses? cookies\b|\bwe use cookies\b"
    r"|(використовуємо|використовує|использует|используем|используют) (файли |файлы )?(cookie|кукі|куки)"
    r"|(używa|używamy|wykorzystuje|wykorzystujemy|stosuje|stosujemy) (plików |pliki |plik(i|ów) )?cookie"
    r"|(verwendet|verwenden|nutzt|nutzen|setzt|setzen) (diese (web)?seite |wir )?cookies"
    r"|(nous )?utilis(e|ons) des cookies|(користуватися|користуючись) сайтом,? ви погоджу"
    r"|(пользоваться|пользуясь) сайтом,? вы соглаша|(korzystając|korzystanie) ze? (strony|serwisu)[^.]{0,40}zgod",
    # a markets widget's notice: "All quotes delayed a minimum of 15 minutes", "Kurse mindestens 15
    # Minuten verzögert", "Notowania opóźnione o 15 minut": opening its sentence on the quotes, then
    # both a delay and a count of minutes (a story's "prices delayed the recovery" names no minutes)
    "market_data": r"(^|[.!?]\s)\W*(all |alle |wszystkie )?(quotes|market data|kurse|notierungen|notowania"
    r"|kursy|котирування|котировки)\b"
    r"(?=[^.!?]{0,80}\b(delayed|verzögert|opóźnion|із затримк|з затримк|с задержк))"
    r"(?=[^.!?]{0,80}\b\d+\s*(minutes?|mins?|minuten|minut|хвилин|минут))",
    # the outlet's own blurb in its footer: "Reuters, the news and media division of Thomson Reuters,
    # is the world's largest multimedia news provider", "Our Standards: The Thomson Reuters Trust
    # Principles", "The Associated Press is an independent global news organization ..."
    "outlet_about": r"news and media division of|multimedia news provider|^\W*our standards\s*:"
    r"|^\W*the (thomson reuters )?trust principles\W*$|is an independent global news organi[sz]ation",
    # a section label alone on its line ("Details", "Context" between a news agency's lead and
    # its body): it names a part of the page and says nothing of the story. A closed list of
    # labels, not every short line: a real subheading ("The aftermath") is the article's own
    "section_label": r"^\W*(details|more details|context|background|in brief|briefly|key points)\W*$",
    # a view, comment or share counter, a "18 хвилин тому" widget (QA pass 23b, 02: page_widgets)
    "counter": COUNTER_LINE,
}
# An agency credit's parts: the agencies German, Austrian, Swiss and international copy credits by their
# short names, and an editor's lower-case initials ("lh", "mes"); at least one agency, "/" between
# the parts, or one or more in brackets
_CREDIT_AGENCY = (r"(?i:dpa|afp|ap|reuters|rtr|kna|epd|dts|sid|apa|sda|ddp|dapd|efe|ansa|pap|ukrinform|bloomberg"
                  r"|tass|interfax|xinhua|kyodo|belga|anp)(?!\w)")
# (a Polish editor signs with one letter too: "PAP/ż", TVN24's credit of a PAP text; QA pass 22b, 09)
_CREDIT_PART = rf"(?:{_CREDIT_AGENCY}|(?-i:[a-zäöüß]{{2,4}})|(?-i:[a-ząćęłńóśźż]{{1,4}}))(?!\w)"
_CREDIT_SLASH = r"[ \t]*/[ \t]*"
_AGENCY_CREDIT = (
    rf"(?:(?:{_CREDIT_PART}{_CREDIT_SLASH}){{1,4}}{_CREDIT_AGENCY}(?:{_CREDIT_SLASH}{_CREDIT_PART}){{0,4}}"
    rf"|{_CREDIT_AGENCY}(?:{_CREDIT_SLASH}{_CREDIT_PART}){{1,4}}"
    rf"|(?<=\()[ \t]*{_CREDIT_AGENCY}(?:{_CREDIT_SLASH}{_CREDIT_PART}){{0,4}}[ \t]*\))"
)
# A line naming where the article's news came from, a label and names: "Źródło: PAP", "Autor: PAP",
# "Quelle: dpa", "Quelle: ntv.de, dpa/AFP", "Джерело: Укрінформ", "Source: Reuters". The page drops
# most such lines as a field or a short line, but their names are the article's origin (QA pass 18:
# a reprint signed "Źródło: PAP" counted as own reporting): extraction keeps the ones it drops apart
# (``Article.credit_lines``), out of the body, and ``analyze.origins`` reads them. A photo's credit
# ("Fot. PAP/Wojtek Jargiło") is none.
# (after the compiler or the author the same line signs with: "oprac. Ewa Marczak, źródło: PAP", "Autor:
# Marta Jabłońska / Źródło: TVN24, PAP"; QA pass 22b, 09: neither was read)
_SIGNED_BY = r"(?:(?:oprac\.|opr\.|opracowanie:|autor(?:ka)?:|автор:|von)[ \t]*+[^,/\n:]{2,60}?[ \t]*[,/][ \t]*+)?"
SOURCE_LINE = re.compile(
    r"^[^\w\n]*+" + _SIGNED_BY + r"(?:(?:źródł[oa]|autor(?:zy|in|en)?|quellen?|джерел[оа]|першоджерел[оа]|источник(?:и)?|первоисточник"
    r"|автор|sources?|author)[ \t]*+(?::|[–—-](?=[ \t]))"
    # the reprint credit of Russian and Ukrainian regional media, a rewrite's last line: "По материалам
    # ТАСС", "За матеріалами Укрінформу", "На основе материалов РИА Новости" (QA pass 20b, 06)
    # (names alone after it, no comma: "По информации ТАСС, погибших нет." is a sentence citing TASS),
    # and "за інформацією Укрінформу" closing a rewrite, which page text drops as a short line (QA pass 21b, 04)
    r"|(?:по материалам|на основе материалов|за матеріалами|на основі матеріалів|за інформацією|за даними"
    r"|по информации|по данным)(?=[ \t]++[^,;\n]{1,60}$)"
    # the agency credit German online copy closes with, no label: agencies and the editor's initials
    # joined by "/" ("dpa/AFP/lh", "mes/dpa/Reuters", "AFP/dpa"), or an agency in brackets ("(dpa)",
    # "(dpa/AFP)"); page text kept it as the body's last line and no origin was read (QA pass 21a, 03)
    rf"|(?={_AGENCY_CREDIT}[ \t.]*+$)"
    # Deutsche Welle's: the editors' initials, then the agencies in brackets, comma-separated ("lh/jj
    # (dpa, Reuters)", "ab/se (dpa, afp, rtr)", "pj/se (Mediazona, afp)"; QA pass 24a, 09)
    rf"|(?-i:[a-z]{{2,4}})(?:/(?-i:[a-z]{{2,4}})){{1,3}}(?=[ \t]+\([^()\n]{{0,60}}(?<![\w-]){_CREDIT_AGENCY}[^()\n]{{0,60}}\)[ \t.]*+$))"
    # possessive blanks: a line of thousands of spaces is read in one pass (review 20, 7)
    r"[ \t]*+(?P<names>[^\n:!?]{1,80}?)[ \t.]*+$",
    re.I | re.M,
)
MAX_CREDIT_LINES = 5  # source lines kept apart (an article signs its source once or twice)
# How far from the article's body a source line may stand and still be the article's: an article
# signs its source right after its last paragraph ("... na platformie X." / "Źródło: PAP") or right
# under its headline and byline. A page's related-article teasers below the article carry their own
# source lines ("Czytaj także" / a teaser's title / "Źródło: Reuters", review 18): none of them is
# the article's, and they stand further off or behind a promo line.
CREDIT_LINE_REACH = 2  # non-blank lines


def article_source_lines(lines: list[str], body: list[bool]) -> list[int]:
    """The indexes of the source lines (``SOURCE_LINE``) among ``lines`` that belong to the article
    whose body lines ``body`` marks: at most ``CREDIT_LINE_REACH`` non-blank lines after its last
    body line with no boilerplate line (a promo, a related-articles label, a legal notice) between,
    or at most that many before its first body line. Blank lines do not count."""
    filled = [i for i, line in enumerate(lines) if line.strip()]
    at_body = [n for n, i in enumerate(filled) if body[i]]
    if not at_body:
        return []
    first, last = at_body[0], at_body[-1]
    found = []
    for n in range(last + 1, min(last + CREDIT_LINE_REACH, len(filled) - 1) + 1):
        line = lines[filled[n]].strip()
        if SOURCE_LINE.fullmatch(line):
            found.append(filled[n])
        elif boilerplate_kind(line) in LABEL_KINDS:
            break  # the page's own lines begin: what follows is the page's, not the article's
    found[:0] = [filled[n] for n in range(max(first - CREDIT_LINE_REACH, 0), first)
                 if SOURCE_LINE.fullmatch(lines[filled[n]].strip())]
    return found
# Kinds whose match is a label, a link or a notice of the page by a fixed phrase: a line of them
# is the page's clutter even when it reads as prose ("Більше новин читайте в нашому
# Telegram-каналі"), and a text field drops it without a word (``record_text``). The other kinds'
# words can be a story's own ("support us", "donate", "photo by", "report an error"): a
# sentence of a text field dropped by them is said.
LABEL_KINDS = frozenset({"legal", "promo", "advert", "field", "republished", "section_label", "market_data",
                         "outlet_about", "consent", "counter"})
BOILERPLATE = re.compile("|".join(f"(?P<{name}>{rx})" for name, rx in _PATTERNS.items()), re.I)
# Words one of which every match of the patterns above holds (lower case; each alternative's
# literal run): a line holding none of them is no boilerplate, without the search, which tries
# every alternative at every position (75 us a line, most of line cleanup's time). Checked
# against the patterns by tests/test_line_cleanup.py; extend it with them.
_CUES = (
    "copyright", "all rights reserved", "©", "privacy", "cookie polic", "terms of ", "reprint", "written permission",
    "active hyperlink", "material",
    "права захищені", "права защищены", "rechte vorbehalten", "prawa zastrzeżone", "droits réservés",
    "матеріалів", "материалов",
    "become a ", "support ", "donat", "cup of coffee", "join our community", "you could close this page", "patreon",
    "підтримайте ", "поддержите ", "unterstützen sie ", "wesprzyj ", "soutenez",
    "community", "спільнот", "сообществ", "gemeinschaft", "społeczności", "communauté", "підтримка", "поддержка",
    "unterstützung", "wsparcie", "soutien", "independent", "indépendant", "незалежн", "независим", "niezależn",
    "unabhängig",
    "blocker", "disabl", "whitelist",
    "suggest a correction", "ctrl", "highlight the text and press", "report a",
    "photo", "image", "picture", "video", "screenshot", "illustration", "graphic", "courtesy of", "getty images",
    "shutterstock", "reuters",
    "read ", "see also", "related", "most ", "sign up for", "subscribe to", "follow us", "share ", "special discount",
    "more news", "partag", "читайте ", "читати також", "дивіться також", "див. також", "по темі", "більше новин",
    "смотрите также", "по теме", "больше новостей", "lesen sie ", "mehr zum thema", "auch interessant", "czytaj ",
    "zobacz ", "lire aussi", "підписуйтес", "стежте за нами", "подписывайтесь",
    "подпишитесь", "следите за нами",
    "abonnieren sie", "folgen sie uns", "subskrybuj", "obserwuj nas",
    "skaitykite", "susiję straipsniai", "susijusios naujienos", "daugiau naujienų", "sekite mus", "prenumeruokite",
    "dalint", "dalink", "komentarai", "нашому ", "нашем ", "нашій ", "нашей ",
    "advertisement", "реклама", "anzeige", "werbung", "reklama", "publicité", "scroll ",
    "партнер",
    "tag", "теги", "red.", "redakcja", "opr.", "oprac.", "мітки", "метки", "schlagwörter", "теми", "темы", "themen", "tematy", "джерел", "источник",
    "quelle", "źródło", "дата ", "datum der", "data publikacji", "data aktualizacji", "date de publication",
    "originally ", "first ", "вперше ", "впервые ", "erschien zuerst", "ursprünglich ", "pierwotnie ",
    "initialement",
    "is supported by the", "cookie", "кукі", "куки", "погоджу", "соглаша", "zgod",
    "delayed", "verzögert", "opóźnion", "затримк", "задержк",
    "news and media division of", "multimedia news provider", "our standards", "trust principles",
    "independent global news organi",
    "details", "context", "background", "in brief", "briefly", "key points",
    "view", "перегляд", "просмотр", "aufruf", "ansicht", "wyświetl", "odsłon", "comment", "комент", "коммент",
    "kommentar", "komentarz", "share", "поширен", "репост", "udostępn", "like", "вподоб", "лайк", "polubie",
    "reads", "прочит", "прочт", "тому", "назад", "ago", "temu", "vor", "щойно", "только что", "just now", "gerade eben",
    "przed chwilą", "👁", "👀",
)
# Case-insensitive matching takes these for ASCII letters that str.lower() does not make them
# (and 'İ'.lower() is two characters): folded first, so that a cue is found wherever re.I finds it.
# The same for the old Cyrillic letter forms re.I takes for "в", "д", "о", "с", "т", "ъ".
_FOLD = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "\u1c80": "в", "\u1c81": "д", "\u1c82": "о", "\u1c83": "с",
                       "\u1c84": "т", "\u1c85": "т", "\u1c86": "ъ"})


def _has_cue(line: str) -> bool:
    folded = line.translate(_FOLD).lower()
    return any(cue in folded for cue in _CUES)
# A long paragraph that merely mentions a photo or a donation stays body; the rules target the
# short lines that are nothing but the notice.
MAX_RULE_WORDS = 80


# A run this long without a space is a data blob (base64 image, minified script, a URL list run
# together), never prose: the longest word of any of aeb-lines' 31,149 lines is under 300.
_BLOB = re.compile(r"\S{300}")


_QUOTE_MARK = re.compile(r"[\"“”„«»]")


def boilerplate_kind(line: str) -> str | None:
    """The kind of boilerplate ``line`` is, or None."""
    if _BLOB.search(line):
        return "blob"
    if len(line.split()) > MAX_RULE_WORDS * 3 or not _has_cue(line):
        return None
    match = BOILERPLATE.search(line)
    if not match:
        return None
    kind = match.lastgroup
    if kind == "credit" and len(line.split()) > 30:
        return None  # a paragraph quoting "AP Photo" is still a paragraph
    if kind == "consent" and (match.start() > 15 or len(line.split()) > 40 or _QUOTE_MARK.search(line)):
        # a banner opens on what it says; "The regulator found that the site uses cookies" and a
        # spokeswoman's "We use cookies only to ..." are news (review 22c, r8)
        return None
    return kind
