"""Speech verbs as news writes them, per language: one table for every rule that reads who said
something or when it was said (speakers, a said-on date, a fact's attribution tail).

Past tense masculine and feminine, plural and present, the forms reports use; French, Spanish and
Italian compound forms ("a déclaré", "ha dicho") are one entry each.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence

SPEECH_VERBS = {
    "uk": ("сказав сказала сказали заявив заявила заявили зазначив зазначила зазначили наголосив наголосила "
           "додав додала додали повідомив повідомила повідомили підкреслив підкреслила пояснив пояснила "
           "розповів розповіла відповів відповіла написав написала зауважив зауважила запевнив запевнила "
           "попередив попередила визнав визнала уточнив уточнила нагадав нагадала закликав закликала "
           "каже кажуть говорить зазначає наголошує заявляє пише додає пояснює вважає підкреслює "
           # "назвав це «...»": the words a person called something by are theirs (QA pass 25b, 12)
           "назвав назвала назвали"),
    "ru": ("сказал сказала сказали заявил заявила заявили отметил отметила отметили подчеркнул подчеркнула "
           "добавил добавила добавили сообщил сообщила сообщили пояснил пояснила рассказал рассказала "
           "ответил ответила написал написала уточнил уточнила заверил заверила предупредил предупредила "
           "признал признала напомнил напомнила призвал призвала говорит говорят заявляет отмечает "
           "подчеркивает считает пишет добавляет назвал назвала назвали"),
    "de": ("sagte sagt sagten erklärte erklärt erklärten betonte betont fügte ergänzte meinte warnte kündigte "
           "teilte schrieb berichtete versicherte räumte forderte kritisierte unterstrich widersprach entgegnete "
           "antwortete erwiderte so"),
    "pl": ("powiedział powiedziała powiedzieli dodał dodała podkreślił podkreśliła zaznaczył zaznaczyła "
           "przekazał przekazała poinformował poinformowała zapowiedział zapowiedziała ostrzegł ostrzegła "
           "stwierdził stwierdziła wyjaśnił wyjaśniła oświadczył oświadczyła napisał napisała zapewnił "
           "zapewniła przyznał przyznała odpowiedział odpowiedziała odparł odparła zauważył zauważyła ocenił oceniła "
           "przekonywał przekonywała mówił mówiła mówi uważa twierdzi podkreśla zaznacza dodaje "
           # reportage's dialogue dashes take the present and the narrative past ("– ... – skarży się
           # Wołodymyr, kierowca z Łucka"): QA pass 22b, 08 found 4 of 24 such verbs read
           "zapewnia tłumaczy wyjaśnia przyznaje ocenia opowiada relacjonuje skarży żali apeluje ostrzega "
           "zapowiada zauważa przekonuje informuje odpowiada pyta dopytuje wspomina komentuje stwierdza "
           "oświadcza przypomina prosi podsumowuje powtarza "
           "tłumaczył tłumaczyła relacjonował relacjonowała opowiadał opowiadała skarżył skarżyła żalił "
           "żaliła apelował apelowała wspominał wspominała komentował komentowała przypomniał przypomniała "
           "pytał pytała zapytał zapytała prosił prosiła podsumował podsumowała powtarzał powtarzała "
           "mówili dodali podkreślili przekazali poinformowali "
           "alarmuje alarmował alarmowała denerwuje denerwował denerwowała irytuje irytował irytowała "
           "martwi martwił martwiła dziwi dziwił dziwiła"),
    "fr": ("a déclaré a dit a affirmé a ajouté a expliqué a souligné a indiqué a annoncé a précisé a assuré "
           "a estimé a poursuivi a insisté a averti a reconnu a-t-il a-t-elle déclare explique affirme "
           "souligne indique estime ajoute assure poursuit insiste "
           # a warning, a hammered or a thrown line is said too: "», a prévenu le ministre hongrois ...,
           # Péter Szijjártó", "», a martelé Viktor Orbán", "», a lancé X" had no speaker (QA pass 27a, 1)
           "a prévenu a martelé a lancé a rappelé a répondu a tranché prévient martèle rappelle"),
    "es": ("dijo afirmó declaró señaló añadió explicó aseguró subrayó indicó anunció advirtió destacó apuntó "
           "reconoció insistió manifestó informó ha dicho ha afirmado ha señalado ha asegurado ha explicado "
           "ha declarado ha añadido explica asegura afirma señala añade"),
    "it": "ha detto ha dichiarato ha affermato ha aggiunto ha spiegato ha sottolineato",
    # Lithuanian (QA pass 24b, 07: „…“, – sakė ministrė Kristina Brazauskienė had no speaker): the past
    # tense (one form for a man and a woman) and the present; not "mano" (thinks; also "my") nor "kalba"
    # (speaks; also "language")
    "lt": ("sakė teigė pranešė pabrėžė pažymėjo patvirtino pareiškė aiškino paaiškino kalbėjo rašė parašė "
           "pridūrė tikino tvirtino akcentavo informavo atsakė perspėjo įspėjo pripažino priminė ragino klausė "
           "komentavo svarstė kritikavo apgailestavo "
           "sako teigia pabrėžia pažymi tvirtina aiškina rašo priduria tikina ragina"),
    # Romanian (QA pass 26a: "..., a declarat Volkov" had no speaker): the compound past with "a"
    # (one person; "au": several), with "mai" (said also: "a mai spus"), and the present
    "ro": ("a declarat a spus a afirmat a subliniat a precizat a menționat a menţionat a adăugat a explicat "
           "a anunțat a anunţat a scris a avertizat a reamintit a recunoscut a insistat a apreciat a comunicat "
           "a transmis a răspuns a notat a punctat a accentuat a susținut a susţinut a dat asigurări "
           "a mai spus a mai declarat a mai adăugat a mai precizat a mai menționat a mai menţionat a mai subliniat "
           "au declarat au spus au afirmat au precizat au anunțat au anunţat au transmis au comunicat "
           "declară spune afirmă subliniază precizează menționează menţionează adaugă explică consideră "
           "susține susţine"),
}
# English: the verbs of a said-on date and an attribution ("officials said", "she told Reuters");
# the English speakers read lemmas from the parse instead (speakers.SPEECH_LEMMAS)
ENGLISH = "said says told announced reported stated added confirmed wrote posted tweeted"
# English speakers read without a parse (a one-article story that ``compare`` leaves unparsed):
# the verbs a person says a quote with, as the rules of the other languages read theirs
ENGLISH_SPEAKER_VERBS = (
    ENGLISH + " say tell tells added adds warned warns argued argues explained explains noted notes insisted "
    "insists stressed stresses asked asks replied replies recalled recalls admitted admits claimed claims "
    "declared declares continued continues urged urges wrote writes posted posts tweeted tweets charged "
    "acknowledged conceded predicted suggested observed quipped joked countered responded remarked cautioned "
    "vowed promised pledged complained lamented boasted contended maintained emphasized emphasised fumed")


# Of those, the verbs that only say or report something: a date after them is when it was said
# ("заявив 4 березня"). A verb that announces, warns or calls for something takes the event's
# date ("kündigte die Wahl für den 4. März an", "закликав евакуюватися до 4 березня": a review).
REPORTING = {
    "en": ENGLISH,
    "uk": ("сказав сказала сказали заявив заявила заявили зазначив зазначила зазначили наголосив наголосила "
           "додав додала додали повідомив повідомила повідомили підкреслив підкреслила пояснив пояснила "
           "розповів розповіла уточнив уточнила"),
    "ru": ("сказал сказала сказали заявил заявила заявили отметил отметила отметили подчеркнул подчеркнула "
           "добавил добавила добавили сообщил сообщила сообщили пояснил пояснила рассказал рассказала "
           "уточнил уточнила"),
    "de": "sagte sagten erklärte erklärten betonte teilte berichtete",
    "pl": ("powiedział powiedziała powiedzieli dodał dodała podkreślił podkreśliła poinformował poinformowała "
           "przekazał przekazała oświadczył oświadczyła"),
    "fr": "a déclaré a dit a affirmé a ajouté a indiqué a précisé a expliqué",
    "es": "dijo afirmó declaró señaló añadió informó explicó",
    "it": "ha detto ha dichiarato ha affermato ha aggiunto",
    "lt": "sakė teigė pranešė pabrėžė pažymėjo pareiškė pridūrė informavo paaiškino",
    "ro": ("a declarat a spus a afirmat a precizat a menționat a menţionat a adăugat a explicat a comunicat "
           "a subliniat au declarat au spus au comunicat"),
}


def verb_forms(lang: str) -> list[str]:
    """The forms of one language's speech verbs ("en" included), longest entries intact."""
    text = ENGLISH if lang == "en" else SPEECH_VERBS[lang]
    return _forms(lang, text)


def reporting_forms(lang: str) -> list[str]:
    """The forms of one language's verbs that only say or report (``REPORTING``)."""
    return _forms(lang, REPORTING[lang])


def _forms(lang: str, text: str) -> list[str]:
    if lang in ("fr", "es", "it"):  # multi-word forms: "a déclaré", "ha dicho"
        return [w for w in re.findall(r"(?:a|ha)\s+\S+|a-t-(?:il|elle)|\S+", text) if w]
    if lang == "ro":  # "a declarat", "a mai spus", "au declarat", "a dat asigurări"
        return [w for w in re.findall(r"(?:a|au)\s+(?:mai\s+|dat\s+)?\S+|\S+", text) if w]
    return text.split()


def alternation(words: Sequence[str]) -> str:
    """A regex alternation of the words, longest first, a space matching any run of spaces."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True))


# German "so" attributes only right after a quote ("„...“, so Müller"); anywhere else it is "so"
NOT_ALONE = frozenset({"so"})


def verbs_pattern(langs: Iterable[str], leave_out: frozenset[str] = NOT_ALONE,
                  forms: Callable[[str], list[str]] = verb_forms) -> str:
    """One alternation of every form of the languages' speech verbs (``forms``: ``verb_forms``,
    or ``reporting_forms`` for those that only say or report), less the ones that are common
    words outside an attribution."""
    return alternation(sorted({w for lang in langs for w in forms(lang)} - leave_out))


ALL_LANGUAGES = ("en", *SPEECH_VERBS)
