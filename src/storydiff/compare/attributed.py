"""Who a fact's sentence says it comes from: "..., the Air Force said.", "..., повідомили Повітряні
сили.", "Як повідомили в Генштабі, ...", "According to the Defence Ministry, ...", "..., teilte die
Luftwaffe mit.", "..., poinformowały Siły Powietrzne.". Independence reads it to tell two relays of
one statement from a translation of one article by another (review 24a, F9): the daily Air Force
report every Ukrainian outlet runs, in the statement's own order, is no uncredited translation.

``statement_source(sentence, lang)`` -> the named speaker or institution (as written), or None
when the sentence names none ("officials said", "сообщили СМИ" name no one). ``same_source`` says
whether two such names, in any two languages, name one speaker: the same words, one person's name
in two scripts (``translation.same_person``), or one organisation of the names' table
(``names.table_names``: "Повітряні сили" / "the Air Force" / "Luftwaffe").
"""

from __future__ import annotations

import re

from storydiff.analyze.origins import known_origin
from storydiff.analyze.speech_verbs import ALL_LANGUAGES, alternation, reporting_forms, verbs_pattern
from storydiff.compare.translation import language_key, same_person
from storydiff.lexicon.names import table_names

# the plural and feminine forms an institution takes that the speakers' table lacks (it lists a
# person's): "повідомили Повітряні сили" is there, "poinformowały Siły Powietrzne" and "сообщили в
# Минобороны" need their plural, "teilte ... mit" its particle
_MORE_VERBS = [
    "poinformowały", "przekazały", "podały", "podał", "podała", "podali", "powiadomiły", "powiadomił",
    "powiadomiła", "повідомляють", "повідомляє", "информирует", "сообщает", "сообщают", "сообщило",
    "повідомило", "mitteilte", "meldete", "meldeten",
]
_VERB = rf"(?i:{verbs_pattern(ALL_LANGUAGES, forms=reporting_forms)}|{alternation(_MORE_VERBS)})"
_EN_VERB = r"(?:said|says|reported|reports|announced|stated|confirmed|added|wrote|posted|told\s+\w+)"
_CAP = r"[A-ZА-ЯІЇЄҐ][\w'’ʼ.-]*"
# a name of up to six words; after its first, lower-case words too ("Повітряні сили", "Siły
# Powietrzne", "the Ministry of Defence")
_NAME = rf"(?:{_CAP}['’]s\s+)?{_CAP}(?:\s+(?:{_CAP}|[a-zа-яіїєґąćęłńóśźż][\w'’ʼ-]*)){{0,5}}?"
# a speaker's role before the name, no preposition among its words ("regional governor Oleh
# Syniehubov said", "повідомив голова ОВА Олег Синєгубов", "teilte die ukrainische Luftwaffe mit";
# "police in Kharkiv said" names Kharkiv no speaker)
_PREPOSITIONS = r"(?:in|of|for|at|from|on|to|by|with|в|у|во|на|з|із|с|из|от|від|w|we|z|ze|na|od|im|am|aus|von|bei|mit)"
_ROLE = rf"(?:(?!{_PREPOSITIONS}\s)[a-zа-яіїєґąćęłńóśźżäöüß][\w'’ʼ-]*\s+){{0,4}}"
_WHEN = r"(?:\s+(?:on|in|late|early|this|last)\s+[\w.]+(?:\s+\w+)?)?"
_IN = r"(?:(?:в|у|во|w|we|im|in\s+der|bei)\s+)?"
_PATTERNS = (
    # "..., the Air Force said (on Sunday)." / "..., according to the Air Force."
    re.compile(rf"[,—–]\s*(?:according\s+to\s+(?:the\s+)?(?P<a>{_NAME})|(?:the\s+)?{_ROLE}(?P<b>{_NAME})\s+{_EN_VERB}){_WHEN}\s*[.!]?\s*$"),
    # "..., повідомили Повітряні сили." / "..., сообщили в Минобороны." / "..., teilte die Luftwaffe mit."
    re.compile(rf"[,—–-]\s*{_VERB}\s+{_IN}(?:(?:the|die|der|das)\s+)?{_ROLE}(?P<c>{_NAME})(?:\s+mit)?\s*[.!]?\s*$"),
    # "According to the Air Force, ..." / "The Air Force said ..."
    re.compile(rf"^\s*(?:According\s+to\s+(?:the\s+)?(?P<d>{_NAME}),|(?:The\s+)?(?P<e>{_NAME})\s+{_EN_VERB}\b)"),
    # "Як повідомили в Генштабі, ..." / "Как сообщили в Минобороны, ..." / "Jak poinformowały Siły Powietrzne, ..." /
    # "Wie die Luftwaffe mitteilte, ..."
    re.compile(rf"^\s*(?:Як|Как|Jak|Wie)\s+(?:{_VERB}\s+{_IN}(?P<f>{_NAME})|(?:die|der|das)?\s*{_ROLE}(?P<g>{_NAME})\s+{_VERB})\s*,"),
)
# words that name no one in particular: "officials said", "сообщили СМИ", "the report said"
_NO_ONE = frozenset({
    "officials", "sources", "media", "reports", "report", "authorities", "police", "he", "she", "they", "it",
    "we", "journalists", "witnesses", "residents", "сми", "джерела", "источники", "посадовці", "чиновники",
    "він", "вона", "вони", "он", "она", "они", "źródła", "sie", "er", "es", "ihm",
})
_LEADING = re.compile(r"^(?:the|die|der|das)\s+", re.I)


def statement_source(sentence: str, lang: str | None = None) -> str | None:
    """The speaker or institution ``sentence`` attributes itself to, as written (a leading article
    dropped), or None."""
    if not isinstance(sentence, str):
        return None
    text = sentence.strip()
    for rx in _PATTERNS:
        m = rx.search(text)
        if m is None:
            continue
        name = next((g for g in m.groups() if g), None)
        if not name:
            continue
        name = name.strip(" ,.")
        bare = _LEADING.sub("", name).strip()
        # (an outlet is a cited origin, ``analyze.origins``' to read: "пише Reuters")
        if bare and bare.split()[0].lower() not in _NO_ONE and bare[:1].isupper() and not known_origin(bare):
            # English keeps its article, to be written back as it was: "the Air Force's statement"
            return f"the {bare}" if re.search(rf"\bthe\s+{re.escape(bare)}", text) else bare
    return None


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[^\W_]+", name.casefold()) if w not in ("the", "die", "der", "das")]


def same_source(a: str, lang_a: str | None, b: str, lang_b: str | None) -> bool:
    """Whether two statement sources (``statement_source``) name one speaker, in any two languages."""
    wa, wb = _words(a), _words(b)
    if not wa or not wb:
        return False
    if language_key(lang_a) == language_key(lang_b) and (wa == wb or set(wa) <= set(wb) or set(wb) <= set(wa)):
        return True
    na, nb = table_names(a, language_key(lang_a)), table_names(b, language_key(lang_b))
    # an institution by the table's organisations it names ("Ukraine's Air Force" is the Air Force)
    # and by its country where both give one (Russia's Defence Ministry is not Ukraine's)
    oa, ob = ({k for k in n if k.startswith("org:")} for n in (na, nb))
    if oa or ob:
        ca, cb = ({k for k in n if k.startswith("country:")} for n in (na, nb))
        return oa == ob and not (ca and cb and ca != cb)
    if na or nb:
        return na == nb
    # a person or a body named by its own name, every word capitalised: its last word alike in any
    # script ("Олег Синєгубов" / "Oleh Syniehubov", "Укренерго" / "Ukrenergo")
    named = all(all(w[:1].isupper() for w in n.split()) for n in (a, b))
    return named and same_person(a, b, lang_a, lang_b)


__all__ = ["same_source", "statement_source"]
