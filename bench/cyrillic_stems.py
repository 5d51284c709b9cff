"""How well a Russian or Ukrainian word typed into search finds its other case forms, and how
often it finds another word written alike (store.search_index.cyrillic_case_forms).

    python bench/cyrillic_stems.py [-v]      # instant

GROUPS: the forms of one word (a line; news words, names, adjectives). Recall: of every ordered
pair of forms of one word, the share whose first, typed, finds the second. APART: pairs of
different words that share letters (удар/ударник, остров/острый, Иванов/Иван); "cross-group
finds": a form of one word found by a form of another. The list was written for this by hand,
not taken from any corpus; the rules were shaped with it in view, so it shows what they do, it is no
held-out score.
"""

from __future__ import annotations

import sys

from storydiff.store.search_index import Term, readings

GROUPS = [
    # ru nouns
    "удар удара удару ударом ударе удары ударов ударам ударами ударах",
    "ударник ударника ударнику ударником ударники ударников",
    "журналист журналиста журналисту журналистом журналисте журналисты журналистов журналистам журналистами журналистах",
    "корреспондент корреспондента корреспонденты корреспондентов корреспондентами",
    "объект объекта объекту объектом объекте объекты объектов объектам объектами объектах",
    "склад склада складу складом складе склады складов складам складами складах",
    "порт порта порту портом порте порты портов",
    "остров острова острову островом острове островов островами",
    "ракета ракеты ракете ракету ракетой ракет ракетам ракетами ракетах",
    "страна страны стране страну страной стран странам странами странах",
    "санкция санкции санкцию санкцией санкций санкциям санкциями санкциях",
    "заявление заявления заявлению заявлением заявлении заявлений заявлениям заявлениями",
    "новость новости новостью новостей новостям новостями новостях",
    "область области областью областей областям областях",
    "беспилотник беспилотника беспилотнику беспилотником беспилотники беспилотников беспилотниками",
    "человек человека человеку человеком человеке",
    "семья семьи семье семью семьёй семей семьям семьями",
    # ru adjectives
    "военный военного военному военным военном военная военной военную военные военных военными",
    "российский российского российскому российским российская российской российские российских российскими",
    "острый острого острому острым острая острой острые острых",
    # ru names
    "Москва Москвы Москве Москву Москвой",
    "Одесса Одессы Одессе Одессу Одессой",
    "Латвия Латвии Латвию Латвией",
    "Песков Пескова Пескову Песковым Пескове",
    "Иванов Иванова Иванову Ивановым",
    "Иван Ивана Ивану Иваном",
    "Захарова Захаровой Захарову",
    "Зеленский Зеленского Зеленскому Зеленским",
    # uk
    "удар удару ударом ударі удари ударів ударам ударами ударах",
    "журналіст журналіста журналісту журналістом журналісти журналістів журналістам журналістами",
    "обстріл обстрілу обстрілом обстрілі обстріли обстрілів обстрілами",
    "ракета ракети ракеті ракету ракетою ракет ракетами",
    "область області областю областей областям",
    "Харків Харкова Харкову Харкові Харковом",
    "Одеса Одеси Одесі Одесу Одесою",
    "військовий військового військовому військовим військова військової військові військових",
    "рік року році роки років",
    "роковий рокового роковим",
]
# different words written alike: a query for one must not find the other
APART = [("удар", "ударник"), ("удары", "ударник"), ("ударов", "ударный"), ("остров", "острый"), ("острова", "острых"),
         ("Иванов", "Ивана"), ("Иван", "Иванова"), ("семья", "семь"), ("порт", "портрет"), ("порты", "портной"),
         ("склад", "складной"), ("рік", "роковим"), ("років", "роковим"), ("Крим", "кримінальне"), ("пост", "постраждалих"),
         ("новость", "новые"), ("страна", "странный"), ("страны", "странных"), ("война", "воин"), ("войны", "воинов"),
         ("мир", "мира"), ("мира", "мирный"), ("речь", "река"), ("суда", "судак"), ("рада", "радар"), ("военных", "воин")]


def finds(query: str, word: str) -> bool:
    forms = {t.lower() for t, _ in readings(Term(query))}
    return word.lower() in forms


def main() -> None:
    pairs = hits = 0
    missed = []
    for g in GROUPS:
        words = g.split()
        for q in words:
            for w in words:
                if q == w:
                    continue
                pairs += 1
                if finds(q, w):
                    hits += 1
                else:
                    missed.append((q, w))
    collide = [(a, b) for a, b in APART if finds(a, b) or finds(b, a)]
    # collisions across groups: a query finds a word of another group
    across = [(q, w) for i, g in enumerate(GROUPS) for q in g.split() for j, h in enumerate(GROUPS)
              if g.split()[0] != h.split()[0] for w in h.split() if w.lower() != q.lower() and w not in g.split() and finds(q, w)]
    print(f"recall within groups: {hits}/{pairs} = {hits / pairs:.3f}")
    print(f"listed pairs that collide: {len(collide)}/{len(APART)} {collide}")
    print(f"cross-group finds: {len(across)} {sorted(set(across))[:30]}")
    if "-v" in sys.argv:
        print("missed (sample):", missed[:60])


if __name__ == "__main__":
    main()
