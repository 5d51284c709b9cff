"""Names in Latin letters: one romanisation of Cyrillic, and the keys under which two spellings of
one surname meet. Used where names from different scripts are compared (``compare.translation``'s
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


# spellings of one sound across the Latin alphabets and the romanisation above, read alike
_SOUNDS = (("tsch", "ch"), ("sch", "sh"), ("sz", "sh"), ("cz", "ch"), ("ck", "k"), ("tz", "ts"), ("ph", "f"),
           ("kh", "h"), ("x", "ks"), ("w", "v"), ("j", "i"), ("y", "i"), ("ie", "i"))


def sounds(name: str) -> str:
    for spelled, sound in _SOUNDS:
        name = name.replace(spelled, sound)
    return name


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
