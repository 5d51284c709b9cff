"""Names in Latin letters: one romanisation of Cyrillic, and the keys under which two spellings of
one surname meet, and the Russian spellings of a Ukrainian name. Used where names from different scripts are compared (``compare.translation``'s
``same_person``) and where a user's typed name is matched (the search's speaker filter,
``store.speaker_filter``); here so that the store needs nothing of ``compare``."""

from __future__ import annotations

import re
import unicodedata

_CYRILLIC_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ё": "e", "ж": "zh",
    "з": "z", "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
    "щ": "shch", "ь": "", "ъ": "", "ы": "y", "э": "e", "ю": "iu", "я": "ia", "'": "", "’": "", "ʼ": "",
}
# letters that Unicode does not decompose into a base letter and a mark
_LATIN_EXTRA = str.maketrans({"ł": "l", "ø": "o", "ı": "i", "ß": "ss", "đ": "d", "æ": "ae", "œ": "oe"})


def romanised(name: str) -> str:
    """A name in Latin letters without marks, lowercased: "Каллас" -> "kallas", "Sánchez" -> "sanchez".
    The Ukrainian reading of г (h) and и (y); close enough to meet the Latin spelling by fuzzy ratio."""
    low = unicodedata.normalize("NFKD", name.lower().translate(_LATIN_EXTRA))
    # Cyrillic й and ї decompose too (и, і + a mark): their marks go with the others
    return "".join(_CYRILLIC_LATIN.get(ch, ch) for ch in low if not unicodedata.combining(ch))


# Romanian names in Cyrillic (Moldovan outlets' Russian, Ukrainian outlets): "Кожокару" is Cojocaru,
# "Гуцу" Guțu, "Чебан" Ceban, "Попшой" Popșoi, "Штефан" Ștefan (QA pass 26a: "speaker differs").
# Romanian writes ч before e/i as c (Ce = Че), elsewhere ci (Cio = Чо); дж before e/i as g (Ge = Дже);
# к and г before e/i as ch, gh (Chiriac = Кирьяк, Gheorghe = Георге); ж as j, ц as ț, ш as ș, щ as șt,
# ы as â, э as ă; я is ea or ia (Câmpeanu = Кымпяну): the key writes both "ia"
_ROMANIAN_FRONT = "еиэяюё"
_ROMANIAN_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "io", "ж": "j", "з": "z", "и": "i", "й": "i",
    "к": "c", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
    "х": "h", "ц": "t", "ч": "ci", "ш": "s", "щ": "st", "ь": "", "ъ": "", "ы": "a", "э": "a", "ю": "iu", "я": "ia",
    "і": "i", "ї": "i", "є": "ie", "ґ": "g",
}


def romanian_key(name: str) -> str:
    """A name as Romanian spells it, without marks, lowercased, from either script: a Cyrillic
    spelling letter by letter as above ("Кожокару" -> "cojocaru", "Чебан" -> "ceban"), a Latin one
    romanised ("Guțu" -> "gutu"); "ea" read as "ia" in both."""
    low = unicodedata.normalize("NFC", name.lower())
    if not any("\u0400" <= ch <= "\u04ff" for ch in low):
        return romanised(low).replace("ea", "ia")

    def front(at: int) -> bool:  # a vowel that makes c, g "ch", "gh" before it
        return at < len(low) and low[at] in _ROMANIAN_FRONT

    out, i = [], 0
    while i < len(low):
        ch = low[i]
        if low.startswith("дж", i):
            out.append("g" if front(i + 2) else "gi")
            i += 2
            continue
        if ch in "кг" and front(i + 1):
            out.append(_ROMANIAN_LETTERS[ch] + "h")
        elif ch == "ч" and front(i + 1):
            out.append("c")
        else:
            out.append(_ROMANIAN_LETTERS.get(ch, ch))
        i += 1
    return romanised("".join(out)).replace("ea", "ia")


# spellings of one sound across the Latin alphabets and the romanisation above, read alike
_SOUNDS = (("tsch", "ch"), ("sch", "sh"), ("sz", "sh"), ("cz", "ch"), ("ck", "k"), ("tz", "ts"), ("ph", "f"),
           ("kh", "h"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"), ("ie", "i"))


def sounds(name: str) -> str:
    for spelled, sound in _SOUNDS:
        name = name.replace(spelled, sound)
    return name


# English and French spellings as Ukrainian and Russian write them, by sound (Blair / Блер, Joly /
# Жолі, Trudeau / Трюдо, Moore / Мур, Carney / Карні, Johnson / Джонсон): the letters of a Latin name
# that a Cyrillic spelling hears as one sound, in order (eau before au)
_HEARD = ((r"eau", "o"), (r"au", "o"), (r"ai", "e"), (r"(?:ey|ie|y)$", "i"), (r"ee|ea(?![aeiou]|$)", "i"), (r"oo|ou", "u"),
          (r"oi", "ua"), (r"ck", "k"), (r"c(?=[eiy])", "s"), (r"c(?!h)", "k"), (r"qu", "kv"), (r"th", "t"),
          (r"ph", "f"), (r"x", "ks"), (r"w", "v"), (r"j", "zh"), (r"(?<=[aeiou])h", ""),
          (r"(?<=[^aeiou])e$", ""), (r"y", "i"))


def _heard_alike(low: str) -> str:
    """What both scripts' spellings by ear leave out: a soft sign's i after a consonant (Трюдо's
    triudo, Pierre's pie), a doubled letter (Анніта / Anita)."""
    low = re.sub(r"(?<=[^aeiou])i(?=[aeou])", "", low)
    return re.sub(r"(\w)\1", r"\1", low)


def heard_latin(surname: str) -> str:
    """A Latin surname as an English or French reader says it, in the letters of ``romanised``:
    "Blair" -> "bler", "Joly" -> "zholi", "Trudeau" -> "trudo". For comparing with ``heard_cyrillic``
    of a Cyrillic spelling only (within the Latin script it folds apart names: Paul / Pol)."""
    low = romanised(surname)
    for spelled, sound in _HEARD:
        low = re.sub(spelled, sound, low)
    return _heard_alike(low)


def heard_cyrillic(surname: str) -> str:
    """A Cyrillic surname romanised as ``heard_latin`` reads a Latin one: дж is the ж of an English
    j (Джонсон / Johnson), a soft vowel after a consonant its plain vowel (Трюдо / Trudeau)."""
    return _heard_alike(romanised(surname).replace("dzh", "zh").replace("y", "i"))


# the case endings of a Cyrillic name by ear, romanised as ``heard_cyrillic`` writes them
# (Джонсон-а, Блер-ові, Трюдо-м, Джуліан-ом); not any letters: Клерк is no Clair, Карлос no Carl
_HEARD_ENDINGS = frozenset({"a", "u", "iu", "e", "i", "om", "em", "im", "m", "ovi", "evi", "oi", "oiu", "ei"})


def alike_by_ear(latin: str, cyrillic: str) -> bool:
    """Whether a Cyrillic surname spells a Latin one by ear (``heard_latin``): the same sounds, or
    them with a case ending ("Джонсона" / "Johnson"). Not a close ratio: Жолі is no Jolin, Сен no
    Spain, Пітер no Pierre (bench/same_person_pairs.py)."""
    hl, hc = heard_latin(latin), heard_cyrillic(cyrillic)
    return hl == hc or (len(hl) >= 4 and hc.startswith(hl) and hc[len(hl):] in _HEARD_ENDINGS)


def cyrillic_romanisation_key(surname: str) -> str:
    """A Latin surname folded only where one language's outlets romanise one Cyrillic letter
    their own ways: a final -y, -yy, -yi, -iy, -yj or -i (AP's "Zelenskyy", Reuters'
    "Zelenskiy"), kh / h (Terekhov / Terehov), ie / e for є (Syniehubov / Synehubov), ia / ya /
    ja for я (Podoliak / Podolyak). Within one language ``romanisation_key``'s wider folds (y
    before a vowel, sz / s, z / s) join two surnames: Bryant / Brant, Kos / Kosz, Meyer / Meer
    (review 24c, L1)."""
    low = romanised(surname).replace("kh", "h").replace("ie", "e")
    low = re.sub("[ijy]a", "ya", low)
    return sounds(re.sub("(?:yy|yi|iy|yj|ij|ii|y|i)$", "i", low))


def latin_key(low: str) -> str:
    """A romanised surname (``romanised``) folded where languages' romanisations of one Cyrillic
    name differ: a y, i or j before a vowel (Sergeyev / Sergeev), sz / s / z / zh (Załużny /
    Zaluzhnyi), w / v, a final -yi / -iy / -y. Too wide within one language (Kos / Kosz): for
    spellings in two scripts or two languages' styles."""
    low = sounds(re.sub("[ijy](?=[aeou])", "", low))
    return re.sub("i+$", "i", re.sub("[zs]h?", "s", low))


# Ukrainian and Russian write one name with the letters each alphabet has for its sounds
# (Синєгубов / Синегубов, Умєров / Умеров, Сибіга / Сибига, Шмигаль / Шмыгаль, Корольов / Королёв,
# Соловйов / Соловьёв). Only across the two languages: within one, Лисенко / Лісенко or Рыбин / Рибин
# are two surnames. So the Ukrainian spelling is read as the Russian spellings it can have, letter by
# letter, and the Russian one must be one of them (no common fold that loses a letter: Гуль / Гул,
# Йосипенко / Есипенко stay apart).
_UK_AS_RU = {"и": ("и", "ы"), "і": ("и",), "ї": ("и", "йи"), "є": ("е",), "е": ("е", "э"), "ґ": ("г",),
             "'": ("ь", "ъ")}
# uk ьо (always after a consonant) and a consonant's йо are ru ё or ьё (Корольов / Королёв,
# Соловйов / Соловьёв); a name-initial or post-vowel йо is йо in both (Йосипенко, Майоров)
_UK_SOFT_O = {"ьо": ("е", "ье", "ьо"), "йо": ("ье", "йо")}
_UK_VOWELS = frozenset("аеєиіїоуюяь'")
# uk ь before a consonant, which ru often leaves out (Зеленський / Зеленский, Кравецький / Кравецкий);
# a word-final ь is ь in both (Гуль), but after ц, where ru has none (Лубінець / Лубинец, Швець / Швец)
_UK_SOFT_SIGN = ("ь", "")
# a feminine surname of adjective form ends in -ая in ru (Зеленська / Зеленская, Вітрицька / Витрицкая)
_UK_ADJECTIVE_FEMININE = ("ська", "цька", "зька")
MAX_NAME_CHARS = 60  # longer "surnames" are extraction debris: compared exactly


def name_spelling(name: str) -> str:
    """A Cyrillic name as one language writes it either way: lower case, one apostrophe, and ё as е
    (Russian leaves the dots out at will: Королёв / Королев are one spelling)."""
    low = unicodedata.normalize("NFC", name.lower())
    return re.sub("[’ʼ`]", "'", low).replace("ё", "е")


def uk_ru_spellings(uk_name: str) -> re.Pattern[str]:
    """The Russian spellings of a Ukrainian name, as a pattern to fullmatch against
    ``name_spelling`` of the Russian one: "Шмигаль" -> "ш(и|ы)галь"."""
    low = name_spelling(uk_name)
    parts, i = [], 0
    while i < len(low):
        pair = low[i:i + 2]
        if pair in _UK_SOFT_O and (pair == "ьо" or (i > 0 and low[i - 1] not in _UK_VOWELS)):
            options, i = _UK_SOFT_O[pair], i + 2
        elif pair[0] == "ь" and (len(pair) == 2 and pair[1] not in _UK_VOWELS or low[i - 1:] == "ць"):
            options, i = _UK_SOFT_SIGN, i + 1
        elif i == len(low) - 1 and low.endswith(_UK_ADJECTIVE_FEMININE):
            options, i = ("а", "ая"), i + 1
        else:
            options, i = _UK_AS_RU.get(low[i], (low[i],)), i + 1
        # the options of a letter start with letters of their own (or are empty before a
        # consonant): matching never backtracks beyond one letter
        parts.append("(?:" + "|".join(map(re.escape, options)) + ")")
    return re.compile("".join(parts))
