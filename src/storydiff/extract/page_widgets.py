"""A page's counters and relative-time widgets: lines that change on every visit and say nothing.

"Переглядів: 541 · Оновлено 18 хвилин тому", "Просмотров: 1 234", "1,234 views", "12 коментарів",
"Aktualisiert vor 5 Minuten", "5 minut temu": a view, comment, share or like counter, or a time
counted back from the visit, alone on its line or several joined by a mark. Many CMSs print them
inside the article; kept as body text, each poll of a watched page stored a new "revision" whose
only change was the counter (QA pass 23b, 02). ``line_rules`` names them the kind ``counter``, so
every reading path (HTML bodies, page text, a text field) drops them.

A sentence that counts views or minutes ("Відео набрало 2 млн переглядів", "The blast came 20
minutes ago, officials said") is not a widget: the whole line must be widgets.
"""

from __future__ import annotations

# a count as pages print it: "541", "1 234", "1,234", "5.3K", "1,2 тис."
_COUNT = r"\d+(?:[ \u00a0\u202f.,]\d+)*(?:[ \u00a0]?(?:k|m|тис\.?|тыс\.?|млн|tys\.?|tsd\.?)(?![^\W\d_]))?"
# what is counted: views, comments, shares, likes, reads (en, uk, ru, de, pl)
_COUNTED = (
    r"views?|переглядів|перегляд(?:и|у)?|просмотр(?:ов|ы|а)?|aufrufe?|ansichten|wyświetle(?:ń|nia|nie)|odsłon[ya]?"
    r"|comments?|коментар(?:ів|і|я)?|комментари(?:ев|и|я|й)|kommentare?|komentarz(?:y|e|ów)?"
    r"|shares?|поширен(?:ь|ня)|репост(?:ів|ов|и|а)?|udostępnie(?:ń|nia)"
    r"|likes?|вподобан(?:ь|ня)|лайк(?:ів|ов|и|а)?|polubie(?:ń|nia)"
    r"|reads|прочитан(?:ь|ня)|прочтени(?:й|я)"
)
# the units a time is counted back in
_UNIT = (
    r"sec(?:ond)?s?|min(?:ute)?s?|hours?|hrs?|days?|weeks?|months?|years?"
    r"|секунд[иуы]?|хвилин[иу]?|годин[иу]?|дн(?:і|ів|я|ей)|день|тижн(?:і|ів)|тиждень|місяц(?:ь|і|ів)|рок(?:и|ів)|рік"
    r"|минут[уы]?|час(?:а|ов)?|недел(?:ю|и|ь)|месяц(?:а|ев)?|лет|года?"
    r"|sekunden?|minuten?|stunden?|tag(?:en)?|wochen?|monat(?:en)?|jahr(?:en)?"
    r"|sekund[ya]?|minut[ya]?|godzin[ya]?|godzinę|dni|dzień|tygodni(?:e)?|tydzień|miesiąc(?:e|y)?|lat[a]?|rok"
)
# a label before the time: "Оновлено 18 хвилин тому", "Updated 5 minutes ago", "Aktualisiert vor 5 Minuten"
_LABEL = (r"(?:updated|published|posted|edited|оновлено|опубліковано|змінено|додано|обновлено|опубликовано|изменено"
          r"|добавлено|aktualisiert|veröffentlicht|zaktualizowano|aktualizacja|opublikowano|edytowano)[ \t]*+:?[ \t]*+")
_AGO = (rf"(?:(?:{_COUNT}|an?|one|одну|одна|один|одно|einer?|einem|jedną)[ \t]++)?(?:{_UNIT})[ \t]++(?:тому|назад|ago|temu)"
        rf"|vor[ \t]++(?:{_COUNT}|einer?|einem)[ \t]++(?:{_UNIT})"
        r"|щойно|только что|just now|gerade eben|przed chwilą")
_WIDGET = (rf"(?:(?:{_COUNTED})[ \t]*+[:：]?[ \t]*+\(?{_COUNT}\)?|{_COUNT}[ \t]++(?:{_COUNTED})"
           rf"|(?:{_LABEL})?(?:{_AGO}))")
# a Telegram post's footer as a copy or an export keeps it: the eye and its views, then the post's time
# and its edit mark ("👁 18.1K  10:32", "👁 25K 15:10 edited"; QA pass 27b, 09: kept in the post's text,
# the count a figure of the story); no word says what is counted
_POST_FOOTER = (rf"[ \t]*+(?:👁\ufe0f?|👀)[ \t]*+{_COUNT}(?:[ \t]++[0-2]?\d:[0-5]\d)?"
                r"(?:[ \t]++(?:edited|змінено|изменено|bearbeitet|edytowano))?[ \t]*+")
# the whole line: widgets, joined by a mark or blanks, an icon's character around them ("👁 541")
COUNTER_LINE = (rf"^(?:[^\w\n]*+(?:{_WIDGET})(?:[ \t]*+[·•|/,—–-]?[ \t]*+(?:{_WIDGET})){{0,4}}[^\w\n]*"
                rf"|{_POST_FOOTER})$")
