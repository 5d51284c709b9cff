"""The official bodies whose statements the news of the war relays, by the names and cases en, ru
and uk newsrooms give them ("Минобороны РФ", "the Russian Defence Ministry", "Генштабу ЗСУ"), each
with its country: a bare "Минобороны" or "the ministry" is either side's, and is no name here.

``analyze.origins`` reads them after a cue ("сообщает Минобороны РФ", "За даними Генштабу ЗСУ",
"the Russian Defence Ministry said") as origins of kind "official": what a statement's relays tell,
not whose reporting an article rests on (QA pass 27c, 7).
"""

from __future__ import annotations

# canonical name -> aliases (matched case-sensitively in text)
OFFICIAL_BODIES: dict[str, tuple[str, ...]] = {
    "Russian Defence Ministry": (
        "Минобороны РФ", "Минобороны России", "Министерство обороны РФ", "Министерство обороны России",
        "Министерства обороны РФ", "Министерства обороны России", "Министерстве обороны РФ",
        "Министерстве обороны России", "Міноборони РФ", "Міноборони Росії", "Міністерство оборони Росії",
        "Міністерства оборони Росії", "Russian Defence Ministry", "Russian Defense Ministry",
        "Russia's Defence Ministry", "Russia's Defense Ministry", "Russian Ministry of Defence",
        "Russian Ministry of Defense",
    ),
    "Ukrainian Defence Ministry": (
        "Міноборони України", "Міністерство оборони України", "Міністерства оборони України",
        "Міністерстві оборони України", "Минобороны Украины", "Ukraine's Defence Ministry",
        "Ukraine's Defense Ministry", "Ukrainian Defence Ministry", "Ukrainian Defense Ministry",
    ),
    "Ukrainian General Staff": (
        "Генштаб ЗСУ", "Генштабу ЗСУ", "Генштабі ЗСУ", "Генштабом ЗСУ", "Генеральний штаб ЗСУ",
        "Генерального штабу ЗСУ", "Генеральному штабі ЗСУ", "Генштаб ВСУ", "Генштаба ВСУ", "Генштабе ВСУ",
        "Генштаб Збройних сил України", "Генштабу Збройних сил України", "Ukraine's General Staff",
        "Ukrainian General Staff", "General Staff of Ukraine's Armed Forces",
        "General Staff of the Armed Forces of Ukraine",
    ),
}

CANONICAL_OFFICIAL: dict[str, str] = {alias: canon for canon, names in OFFICIAL_BODIES.items() for alias in names}
