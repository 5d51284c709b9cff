"""The days a report's event happened on, read from its lede: the date veto of the clusterer.

Two events of the same people in one city a few days apart (a missile strike on 20 November, a
drone attack on the 24th, the same governor quoted) share names, figures and most words: nothing
in the lexical or multilingual score keeps them apart. What does is the day each lede says its
event happened on: "early on Friday", "on Tuesday evening", "Уночі 20 листопада". A report states
it in its first sentences; the next day's update of one story mentions the day before or the
day after, a report of the next event a day several days away.

The dates and weekdays are read by the fact comparison's readers (``compare.claims.dates_in`` and
``weekdays_in``: English month names, day + month in the languages ``lexicon.numbers`` reads,
weekdays in English, Ukrainian, Russian, German, Polish, French, Spanish and Romanian; a dateline's date is left out, and so is the
day a statement was made on when the sentence names another; a lede whose only day is a
statement's, "the death toll rose to eleven, the governor said on Wednesday", says its event was
on that day or in the week before it: a statement is on or after its event's day), from the
first sentence only (a
reminder of the earlier event further down is no date of this one; a headline line at the top
is read with it; a dateline standing as a sentence of its own, "Харків, 2 грудня.", is no first
sentence, and its day counts only where the lede after it names none: QA pass 25a, 01), and
resolved into calendar days with the report's publication date, on the calendar of its own time zone (a Kyiv paper at 01:00 on Tuesday, +02:00, is Tuesday's, not
Monday's as in UTC): a month and day takes the year that puts it within half a year of
publication; a weekday is the nearest such day from five days before publication to the day
after ("on Tuesday" in Monday's paper is tomorrow, in Sunday's five days ago), and in a sentence
of what is to come ("will", "next", "are to meet", "відбудеться", "состоится", "soll") the week
after's too, and so for a weekday two or more days back in a sentence with no past verb (a
preview in the present tense: "Am Mittwoch beraten die Außenminister" in Monday's paper). A date followed by another year, and a weekday in a sentence that names
an earlier year, give no day (a past event, or a page's old timestamp; a later year is a plan's:
"the 2027 budget"); a weekday after "next" is the coming one only, nor a date or weekday
after "Updated", "Posted", "Оновлено" (the page's own stamp). An article without a
publication date has none (a weekday or a year means nothing without one). A night named by no
day ("overnight", "вночі", "ночью", "in der Nacht", "w nocy") is the night into the report's day:
its wire dateline's date where it has one ("KYIV, Dec 6 (Reuters) -"), else its publication day,
from which its weekdays are read too (QA pass 24a, 02).

Days are ``date.toordinal()`` values; an article's are a few (first, last) intervals: "overnight
into Friday" is Thursday to Friday, "3-5 March" three days.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta, timezone

LEDE_CHARS = 600  # of the text, for the sentence split: a lede's first sentence is never longer
MAX_SPAN_DAYS = 3  # a date range wider than this ("in October", "by November") says no day
# a lede whose only day is a statement's: its event is on that day or up to a week before
SAID_BACK_DAYS = 7
# A sentence that speaks of what is to come ("will strike from Thursday", "next Thursday",
# "наступного четверга"): its weekday may be the next such day as well as the last one.
_FUTURE = re.compile(r"\b(?:will|shall|next|due|plans?|scheduled|set\s+to|(?:is|are)\s+(?:expected\s+|scheduled\s+|due\s+)?to"
                     r"|upcoming|буде|будуть|наступн\w*|відбудеться|відбудуться|запланован\w*|будет|будут|следующ\w*"
                     r"|состоится|состоятся|пройд[её]т|запланирован\w*|wird|werden|soll|sollen|nächste\w*|geplant"
                     r"|będzie|będą|odbędzie|odbędą|przyszł\w*|zaplanowan\w*"
                     # Romanian: "va avea loc", "urmează să", "săptămâna viitoare" ("vor" alone is German "vor")
                     r"|va\s+avea\s+loc|vor\s+avea\s+loc|urmează|viito(?:are|r|rul)|programat\w*|planificat\w*)\b"
                     r"|['’]ll\b", re.IGNORECASE)
# A verb in a past form (not a reporting verb's: "said" dates the statement, not the event): a
# sentence with none may be a preview in the present tense ("Am Mittwoch beraten die
# Außenminister", "negotiators meet in Istanbul on Wednesday"), its weekday the coming one as well
# as the last one. Ukrainian and Russian past forms end in -в/-л, -ла, -ло, -ли, Polish ones in
# -ł, -ła, -li (nouns such as "села" or "сили" read as past too: that keeps the one reading, as
# before).
_PAST = re.compile(r"\b(?i:was|were|had|has|have|did|met|hit|struck|took|came|went|began|fell|rose|won|lost"
                   r"|left|made|held|gave|saw|shot|broke|ran|fought|sank|stood|led|sent|got|found|became|ended"
                   r"|tore|fled|stole|froze|flew|drove|threw|caught|bought|sold|paid|kept|felt|built|spent|stuck|swept"
                   r"|blew|grew|knew|drew|chose|wrote|hid|ate|sought|brought|thought|withdrew|fed|bled|lay|slew|wounded"
                   r"|\w{2,}ed|hat|haben|hatte|hatten|ist|sind|war|waren|wurde|wurden|worden)\b"
                   r"|\bge[a-zäöüß]{3,}(?:t|en)\b|\b\w+(?:[аиія]в(?:ся)?|л[аои](?:ся|сь)?|[аеиоуяі]л(?:ся)?)\b"
                   r"|\b\w+(?:ł|ła|ło|li|ły)\b")
# Romanian's compound past ("au protestat", "a aprobat", "s-au adunat", "a murit"): in Romanian
# text only, as "a" + "-at" is English ("a threat") and "au" + "-ut" French ("au début")
_PAST_RO = re.compile(r"\b(?:a|au|s-a|s-au)\s+(?:[^\W\d_]+-)?[^\W\d_]{2,}(?:at|it|ut|ât|s)\b", re.IGNORECASE)


def _past(sentence: str, language: str | None) -> bool:
    """Whether ``sentence`` has a verb in a past form (``_PAST``; ``_PAST_RO`` in Romanian)."""
    return bool(_PAST.search(sentence) or (language == "ro" and _PAST_RO.search(sentence)))
# a word that makes a weekday the coming one ("next Thursday", "this coming Friday", "наступного
# четверга", "в следующий четверг", "am nächsten / kommenden Donnerstag", "w przyszły czwartek")
_NEXT_BEFORE = re.compile(r"\b(?:next|coming|наступн\w*|следующ\w*|nächste\w*|kommende\w*|przyszł\w*)\s+$",
                          re.IGNORECASE)
_CLOSED = re.compile(r"[.!?…:;\"”»’')]\s*$")
_HALF_YEAR = 183
# a page's own stamp before a date ("Updated: December 9, 2024", "Posted on Nov 24"): when the page
# was written or changed, not when its event happened (an update days later names its own day)
_STAMP_BEFORE = re.compile(r"\b(?:updated|posted|published|modified|aktualisiert|veröffentlicht|оновлено|опубліковано"
                           r"|обновлено|опубликовано)\b[^.!?\n]{0,25}$", re.IGNORECASE)
_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?![\d.,]\d)")
# a year closing a date: "June 10, 2027", "10 June 2027", "10.06.2027", "10 червня 2027"
_DATED_YEAR = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?,?\s+(?:[^\W\d_]{3,}\.?,?\s+)?|\b\d{1,2}[./]\d{1,2}[./])"
                         r"((?:19|20)\d\d)\b")
_YEAR_AFTER = re.compile(r"\s*[,.]?\s*((?:19|20)\d\d)(?!\d)")
_YEAR_WRITTEN = re.compile(r"\.((?:19|20)\d\d)$")
# A night's attack told with an adjective, as English tells it with "an overnight attack": "нічної
# атаки", "нічного обстрілу", "ночной атаки", "nocnego ataku", "nächtlichen Drohnenangriff", "a
# night-time strike" (QA pass 26c, 01: "ОДЕСА, 5 грудня /Укрінформ/ – Унаслідок нічної атаки ..."
# named no day, and the attacks of 2 and 5 December on Odesa were one story). Only before a word of
# an attack, a blast or a fire, up to two words on ("нічної масованої атаки"): a night shift, train
# or curfew ("нічна зміна", "nächtliche Ausgangssperre") says nothing of when an event happened.
_NIGHT_EVENT_NOUN = (r"(?:атак|удар|обстріл|наліт|нальот|бомбардуван|вибух|пожеж"  # uk
                     r"|обстрел|нал[её]т|бомбардировк|взрыв|пожар"  # ru (атак, удар above)
                     r"|atak|nalot|ostrza[łl]|uderze|bombardowa|wybuch|eksplozj|poża)[^\W\d_]*"  # pl
                     r"|[^\W\d_]*(?:angriff|beschuss|attacke|explosion|bombardement|bombardierung)[^\W\d_]*"  # de
                     r"|(?:attack|strike|raid|bombing|bombardment|explosion|blast)s?|shelling")  # en: nouns only
# The words between are adjectives of the attack: in the inflected languages they end as the night's
# adjective does ("нічної масованої атаки", "nächtlichen russischen Angriff", "nocnego zmasowanego
# ataku"), in English they are no preposition or article ("night-time Russian drone strike"): "нічні
# поїзди після вибуху", "nächtliche Ausgangssperre nach Angriffen", "the night before the strike" are
# trains, a curfew and a night before, no attack at night (review of 7383b0d).
_NIGHT_ENGLISH_GAP = r"(?!(?:of|before|after|following|since|until|ahead|the|a|an|and|or|to|in|on|at|by|for)\b)"
_NIGHT_ADJECTIVE = (r"(?:(?:нічн|ночн|nocn|nächtlich)[^\W\d_]*?(?P<night_ending>[^\W\d_])"
                    rf"(?:\s+[^\W\d_]*(?P=night_ending)){{0,2}}?\s+(?:{_NIGHT_EVENT_NOUN})"
                    rf"|(?:night-?time|night)(?:\s+{_NIGHT_ENGLISH_GAP}[^\W\d_]+){{0,2}}?\s+(?:{_NIGHT_EVENT_NOUN}))")
# A night named by no day: "overnight", "вночі", "ночью", "in der Nacht", "w nocy" in a report of
# day D is the night into D (QA pass 24a, 02: "KYIV, Dec 6 (Reuters) - Russia struck ... overnight"
# read as no night, the strikes of two consecutive nights joined). Only in a sentence with a past
# verb and none of what is to come ("snow will fall overnight", "сегодня ночью ожидается снегопад"
# are no night of an event); a night with its day ("в ніч на 6 грудня", "in der Nacht zum
# Sonntag", "overnight into Friday") is read by the date readers.
_BARE_NIGHT = re.compile(r"(?<![^\W\d_])(?:overnight|(?:last|during\s+the|in\s+the)\s+night"
                         r"|у?вночі|уночі|(?:цієї|минулої|минувшої)\s+ночі"
                         r"|ночью"
                         r"|in\s+der\s+(?:vergangenen\s+|letzten\s+)?Nacht(?!\s+(?:zum|zu|auf)\b)"
                         r"|(?:heute|letzte|vergangene)\s+Nacht|nachts|w\s+nocy(?!\s+z\s)|(?:ostatniej|minionej|tej|zeszłej)\s+nocy|nocą"
                         # Romanian: "noaptea trecută", "azi-noapte", "în timpul nopții" ("în noaptea
                         # de 5 spre 6 decembrie", with its day, is read by the date readers)
                         r"|noaptea\s+trecută|azi-noapte|astă-noapte|(?:în\s+)?timpul\s+nop[țţ]ii|(?:în\s+)?cursul\s+nop[țţ]ii"
                         rf"|{_NIGHT_ADJECTIVE})"
                         r"(?![^\W\d_])", re.IGNORECASE)
# a dateline's date more than this many days from the publication day is no day of this report
# (an old dateline kept on a page republished later)
_DATELINE_SLACK_DAYS = 1


def _day(year: int, month_day: int) -> int:
    """The ordinal of month * 100 + day in ``year``; a day 0 (the night into the 1st) or past
    the month's end runs into the neighbouring month."""
    month, day = divmod(month_day, 100)
    return date(year, month, 1).toordinal() + day - 1


def _in_year_near(month_day: int, published: date) -> int:
    """The year that puts a month and day within half a year of ``published``."""
    day = _day(published.year, month_day)
    at = published.toordinal()
    if day > at + _HALF_YEAR:
        return _day(published.year - 1, month_day) - day
    if day < at - _HALF_YEAR:
        return _day(published.year + 1, month_day) - day
    return 0


def event_days(text: str, language: str | None, published: float | str | datetime | None) -> tuple[tuple[int, int], ...]:
    """The (first, last) day ordinals the first sentence of ``text`` says its event happened on
    (a day a statement was made on only when the sentence names no other, and then as the last of
    the SAID_BACK_DAYS + 1 days up to it: a follow-up's "the governor said on Wednesday" is on or
    after its event's day); () when it names none or ``published`` is unknown. ``published``: a datetime or ISO string, read on the calendar of its own offset (a
    Kyiv paper at 01:00 on Tuesday, +02:00, is Tuesday's; naive = UTC), or seconds since the
    epoch (UTC)."""
    if published is None or not text:
        return ()
    from storydiff.analyze.sentences import sentence_spans

    day = publication_day(published)
    if day is None:
        return ()
    pub = date.fromordinal(day)
    head = text[:LEDE_CHARS]
    spans = sentence_spans(head)
    if not spans:
        return ()
    # a headline line at the top of the text (no closing stop) is read with the sentence after it
    headline = len(spans) > 1 and not _CLOSED.search(head[spans[0][0] : spans[0][1]])
    first = 1 if headline else 0
    sentence = _lede_sentence(head, spans, first)
    filed = head[spans[0][0] : spans[first][1]]  # the first sentence as written, dateline and all
    if headline:
        sentence = f"{head[spans[0][0] : spans[0][1]]}\n{sentence}"
    # the day the report is of: its dateline's ("KYIV, Dec 6 (Reuters) -") where it has one near
    # publication (a wire copy stamped after midnight UTC is still the dateline's day's), else
    # the publication day; weekdays and a bare night are read from it
    dated = _dateline_day(head[spans[first][0] :], language, pub)
    pub = dated or pub
    out = _read(sentence, language, pub, said_on=False)
    if not out and filed != sentence:
        # a lede naming no day of its own is of its dateline's ("Дорнів, 9 березня. Увечері ...
        # завдали удару": this evening); one that names its day is of that day (QA pass 25a, 01)
        out = _read(filed, language, pub, said_on=False)
    # (a sentence that names a day names its night with it: "overnight on 10 November")
    if not out and _BARE_NIGHT.search(sentence) and _past(sentence, language) and not _FUTURE.search(sentence):
        from storydiff.match.lede_keys import tells_an_update

        if not tells_an_update(sentence):
            # "struck ... overnight" in a report of day D: the night into D. Not in an update's
            # lede ("rescuers pulled two survivors out overnight"): its night is when the update
            # came, not when its event happened (the lede vetoes' rule, lede_keys.tells_an_update)
            out.add((pub.toordinal() - 1, pub.toordinal()))
    if not out and dated is not None and filed != sentence and not _more_than_dateline(head[spans[first][0] : spans[first][1]]):
        # a dateline of its own in capitals dates the lede too: the date readers leave a
        # dateline's date out ("МОСКВА, 4 декабря." read none, where "Москва, 4 декабря." read the
        # 4th above), and a reaction filed on the 4th, naming no day, was the proposal's of the
        # 1st (QA pass 27a, 03). After the bare night: "Уночі" is the night into that day.
        out = {(dated.toordinal(), dated.toordinal())}
    if not out:
        # only the day a statement was made on: the event was on it or before it, within a week
        # (a follow-up's "the toll rose to eleven, the governor said on Wednesday" is Monday's
        # strike's; a club's "signed Brandt, the club said on Saturday" no injury of the Tuesday after)
        out = {(hi - SAID_BACK_DAYS, hi) for _, hi in _read(sentence, language, pub, said_on=True)}
    return tuple(sorted(out))


def _lede_sentence(head: str, spans: list[tuple[int, int]], first: int) -> str:
    """The sentence at ``spans[first]`` without its dateline; the next one where the dateline is a
    sentence of its own ("Харків, 2 грудня. Кількість загиблих ... у вівторок зросла"): a dateline
    dates the filing, not the event (QA pass 25a, 01: a correction's "2 грудня" read as its
    attack's day, Tuesday's attack and Thursday's evacuation one story)."""
    from storydiff.extract.metadata import without_dateline

    a, b = spans[first]
    lede = without_dateline(head[a:b]).strip()
    if not lede and first + 1 < len(spans):
        a, b = spans[first + 1]
        lede = head[a:b]
    return lede


def _more_than_dateline(sentence: str) -> bool:
    """Whether ``sentence`` is more than its dateline ("МОСКВА, 4 декабря." is not): a lede
    whose dateline opens it ("KYIV, Dec 6 (Reuters) - Russia struck ...") dates the filing."""
    from storydiff.extract.metadata import without_dateline

    return bool(without_dateline(sentence).strip())


def _dateline_day(text: str, language: str | None, pub: date) -> date | None:
    """The date of the wire dateline ``text`` opens with ("KYIV, Dec 6 (Reuters) -", "МОСКВА, 6
    декабря. /ТАСС/.") where it is within _DATELINE_SLACK_DAYS of ``pub``; None without one (a
    dateline with no date, or one the date readers cannot read: "6 ноя")."""
    from storydiff.compare.claims import dates_in
    from storydiff.extract.metadata import dateline_match

    m = dateline_match(text[:120])
    written = m.group("date") if m is not None else None
    if not written:
        return None
    for q in dates_in(written.lstrip(" ,"), language, said_on=True):
        if q.low != q.high or not (101 <= q.low <= 1231):
            continue
        try:
            day = _day(pub.year, q.low) + _in_year_near(q.low, pub)
        except ValueError:
            continue
        if abs(day - pub.toordinal()) <= _DATELINE_SLACK_DAYS:
            return date.fromordinal(day)
    return None


def publication_day(published: float | str | datetime | None) -> int | None:
    """The ordinal of the calendar day ``published`` falls on, on the calendar of its own offset
    (a Kyiv paper at 01:00 on Tuesday, +02:00, is Tuesday's; naive = UTC; seconds since the epoch:
    UTC); None when absent or unreadable."""
    if published is None:
        return None
    try:
        if isinstance(published, (int, float)):
            return datetime.fromtimestamp(published, timezone.utc).date().toordinal()
        from storydiff.dates import parse_iso_utc

        when = parse_iso_utc(published)
        # the local date: parse_iso_utc keeps an aware value's offset
        return None if when is None else when.date().toordinal()
    except (OverflowError, OSError, ValueError):
        return None


def _read(sentence: str, language: str | None, pub: date, said_on: bool) -> set[tuple[int, int]]:
    """The (first, last) days ``sentence`` names, resolved against ``pub``; ``said_on``: the days
    statements were made on too (never in the future: no next week's reading)."""
    from storydiff.compare.claims import dates_in, weekdays_in  # the readers of the fact comparison

    out: list[tuple[int, int]] = []
    for q in dates_in(sentence, language, said_on=said_on):
        if not (101 <= q.low <= q.high <= 1231 and 1 <= q.low // 100 <= 12) or q.high - q.low > MAX_SPAN_DAYS:
            continue
        try:
            shift = _in_year_near(q.high, pub)
            first, last = _day(pub.year, q.low) + shift, _day(pub.year, q.high) + shift
        except ValueError:  # "31 February"
            continue
        at = sentence.find(q.written)
        if at >= 0 and _STAMP_BEFORE.search(sentence[max(0, at - 40) : at]):
            continue
        year = _YEAR_AFTER.match(sentence, at + len(q.written)) if at >= 0 else None
        year = year or _YEAR_WRITTEN.search(q.written)  # "12.11.1974": the year is the date's own
        if year and int(year.group(1)) != date.fromordinal(last).year:
            continue  # "on March 14, 2013" in a report of 2024: a past event, not this report's
        out.append((first, last))
    # a weekday is this week's only in a sentence of no earlier year ("Monday, March 11, 2013" is
    # not); a later year is what is planned ("presented the 2027 budget on Tuesday", "a contract
    # until 2028"), not an old page's (round 22: a budget's weekday was read as no day)
    # ... and a later year written in a full date ("on Thursday, June 10, 2027") is that date's
    # weekday, not this week's (review 22d, r4)
    other_year = (any(int(y) < pub.year for y in _YEAR.findall(sentence))
                  or any(int(m.group(1)) > pub.year for m in _DATED_YEAR.finditer(sentence)))
    weekdays = () if other_year else weekdays_in(sentence, said_on=said_on)
    # what is to come ("will", "are to meet", "відбудеться"), or a sentence with no past verb (a
    # preview in the present tense): a weekday more than a day back may be the coming one too
    future = bool(weekdays) and not said_on and bool(_FUTURE.search(sentence))
    maybe_coming = bool(weekdays) and not said_on and (future or not _past(sentence, language))
    tomorrow = pub.toordinal() + 1
    for q in weekdays:
        at = sentence.find(q.written)
        if at >= 0 and _STAMP_BEFORE.search(sentence[max(0, at - 40) : at]):
            continue
        # the nearest such day from five days before publication to the day after
        day = tomorrow - (pub.isoweekday() + 1 - int(q.value)) % 7
        lo, hi = day + int(q.low - q.value), day + int(q.high - q.value)
        if at >= 0 and day < tomorrow and _NEXT_BEFORE.search(sentence[max(0, at - 25) : at]):
            # "for next Thursday", "наступного четверга", "am kommenden Donnerstag": the coming one
            # only (a strike called for next Thursday is no event of last Thursday's)
            out.append((lo + 7, hi + 7))
            continue
        out.append((lo, hi))
        if future or (maybe_coming and day < tomorrow - 2):
            out.append((lo + 7, hi + 7))
    return set(out)


def _aware(published: float | str | datetime | None) -> datetime | None:
    """``published`` as an aware datetime on its own offset (seconds since the epoch: UTC)."""
    if published is None:
        return None
    try:
        if isinstance(published, (int, float)):
            return datetime.fromtimestamp(published, timezone.utc)
        from storydiff.dates import parse_iso_utc

        return parse_iso_utc(published)
    except (OverflowError, OSError, ValueError):
        return None


def event_start(days: tuple[tuple[int, int], ...], published: float | str | datetime | None,
                hour: int = 0) -> float | None:
    """When the earliest day a lede names (``days``, event_days') began, in seconds since the
    epoch, on the calendar of the publication's own offset; at ``hour`` of it where that day is
    a single one and the lede names a later part of it ("on Monday afternoon": the clusterer's
    _start_hour). None when the lede names no day, or only days after its publication (a
    preview: what it tells is to come, and an earlier report may have told it as well)."""
    pub = _aware(published)
    if not days or pub is None:
        return None
    first, last = min(days)
    if first > pub.date().toordinal():
        return None
    at = hour if first == last else 0
    try:
        return datetime.combine(date.fromordinal(first), time(at), tzinfo=pub.tzinfo).timestamp()
    except (OverflowError, OSError, ValueError):
        return None


def latest_publication(published: float | str | datetime | None) -> float | None:
    """The latest instant ``published`` may stand for, in seconds since the epoch: the end of
    its day where it gives no time of day (a bare date, or midnight exactly, which exports write
    for a date without its time); None when absent or unreadable."""
    pub = _aware(published)
    if pub is None:
        return None
    try:
        if not isinstance(published, (int, float)) and pub.timetz().replace(tzinfo=None) == time(0):  # a bare date too
            return (datetime.combine(pub.date(), time(0), tzinfo=pub.tzinfo) + timedelta(days=1)).timestamp()
        return pub.timestamp()
    except (OverflowError, OSError, ValueError):
        return None


def publication_offset(published: float | str | datetime | None) -> int | None:
    """The UTC offset, in seconds, of the calendar ``published`` is written on (0 for seconds
    since the epoch and for a time without an offset, which is read as UTC); None when absent or
    unreadable. The out-before veto reads a lede's "on Monday afternoon" on it (event_start)."""
    pub = _aware(published)
    if pub is None:
        return None
    off = pub.utcoffset()
    return int(off.total_seconds()) if off is not None else 0


def out_before(out_by: float | None, previews: bool, began: float | None, hour: int = 0, days: bool = False,
               first_out: float | None = None, day_start: float | None = None) -> bool:
    """Whether reports last published at ``out_by`` (latest_publication) were all out before
    the event another side's lede names began (``began``, event_start, at ``hour`` of its day):
    they cannot have told it. Two reports of one happening cannot be told before it happened:
    the dockers' walkout reported at 08:10 and 10:40 and the port's lawsuit filed "on Monday
    afternoon". Only on the event's own day (``hour`` > 0 and the last report out after that
    day began), unless ``days``: reports all out the day before (the budget reported on Tuesday
    and the rating cut "on Wednesday, a day after") may still be followed by an update that
    names only its own day ("Zaporizhzhia held a day of mourning on Saturday for the nine
    killed"), which the date veto's day of slack is for (MatchSettings.out_before_days, off). Not where the earlier
    side's own lede names only days after its publication (``previews``: it told what was to
    come, the strike called "for next Thursday"), nor where either instant is unknown. A lede
    whose weekday reads both ways ("will run a deficit ... under the budget laid before lawmakers
    on Tuesday": last Tuesday or the next) is no preview: one reading has happened. An update that
    names the story's day ("killed by Friday's earthquake ... said on Saturday") began on it, so
    it is never after its story; one that names its own day alone ("rescuers on Saturday pulled
    two more people out") is, and is kept apart with it.

    The hour form (no ``days``) asks that the side's first report (``first_out``; else ``out_by``)
    was out on the other lede's day, after that day began (``day_start``; else ``began`` less
    ``hour`` hours): a story whose reports began the day before is one told over days, and its
    next afternoon's report (rescuers pulling two survivors from the ruins "on Saturday
    afternoon", the toll of Friday's earthquake risen to 17) is left to the date veto's day of
    slack, as a next day's is (review 23b, F5: a story that had a morning update turned away the
    afternoon's, one without it did not)."""
    if out_by is None or began is None or previews or out_by >= began:
        return False
    if days:
        return True
    if hour <= 0:
        return False
    start = began - hour * 3600 if day_start is None else day_start
    return (out_by if first_out is None else first_out) >= start


def days_apart(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...]) -> int:
    """The fewest days between a day of ``a`` and one of ``b`` (0 when they share one); -1 when
    either names none."""
    if not a or not b:
        return -1
    return min(max(0, b_lo - a_hi, a_lo - b_hi) for a_lo, a_hi in a for b_lo, b_hi in b)


def nights(days: tuple[tuple[int, int], ...]) -> frozenset[int]:
    """The nights among ``days``, each by the day it ran into: the readers write "в ніч на
    неділю", "в ночь на 6 декабря", "overnight into Monday", "in der Nacht zum Sonntag", "early on
    Friday" and "Thursday night" as two days, the evening's and the morning's (a two-day range,
    "3-4 March", reads as one too)."""
    return frozenset(hi for lo, hi in days if hi - lo == 1)


def other_days(days: tuple[tuple[int, int], ...]) -> tuple[tuple[int, int], ...]:
    """The days among ``days`` that are no night (``nights``): a single day, or a span of three to
    MAX_SPAN_DAYS + 1. Not the week up to a statement's day (event_days' SAID_BACK_DAYS, a lede
    naming no day of its event): it names no day, so a next-day update that says only "officials
    said on Monday" does not name the day the next night's attack ran into and bridge the two
    nights (QA pass 24a, 02)."""
    return tuple((lo, hi) for lo, hi in days if hi - lo != 1 and hi - lo <= MAX_SPAN_DAYS)


def nights_apart(a: frozenset[int], b: frozenset[int], a_other: tuple[tuple[int, int], ...] = (),
                 b_other: tuple[tuple[int, int], ...] = ()) -> bool:
    """Whether two sides each name nights and share none: a night is when its event happened, not
    when someone spoke of it, so the date veto's day of slack (a statement or an update the next
    day) does not apply. The missile strike "in the night to Sunday" and the drone attack "in the
    night to Monday" on one city, the same governor quoted, are two events (QA pass 19b: one
    story, their death tolls read as a conflict). ``a_other`` / ``b_other``: each side's days that
    are no night (``other_days``). A side naming the day the other's night ran into names that
    event's own day, and follows it: the rescue "overnight into Monday" at "the building hit on
    Sunday" and the strike "in the night to Sunday" (review 19b, 5). Sunday's statement on the
    night to Sunday names no day of the night to Monday, so those two stay apart."""
    def names_a_night_of(other: tuple[tuple[int, int], ...], night_days: frozenset[int]) -> bool:
        return any(lo <= n <= hi for lo, hi in other for n in night_days)

    return (bool(a) and bool(b) and a.isdisjoint(b)
            and not names_a_night_of(a_other, b) and not names_a_night_of(b_other, a))


def merged_days(a: tuple[tuple[int, int], ...], b: tuple[tuple[int, int], ...], keep: int = 32) -> tuple[tuple[int, int], ...]:
    """The union of two sets of day intervals (a story's days as its members join), touching
    intervals joined into one (a story told day after day is one span), at most ``keep`` of
    them (the latest)."""
    if not b:
        return a
    if not a:
        return b
    out: list[list[int]] = []
    for lo, hi in sorted(set(a) | set(b)):
        if out and lo <= out[-1][1] + 1:
            out[-1][1] = max(out[-1][1], hi)
        else:
            out.append([lo, hi])
    return tuple((lo, hi) for lo, hi in out[-keep:])
