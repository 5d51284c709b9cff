"""Who said a quote: the attribution cue near it, its subject, and that subject's full name.

Cue: a speech verb (said, told, argued, ...) or "according to" in the words right after the
closing mark ("...," Kallas said) or in the same sentence before the opening mark (Kallas told
the FT that "..."). Subject: the verb's nsubj in spaCy's dependency parse, or the name right after
an inverted verb ("said Caddell"). Name: a surname maps to the fullest name the article used
("Kallas" -> "Kaja Kallas"); a pronoun to the last person the article made a subject or speaker;
a description ("the Estonian leader") to the person the article introduced with those words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from storydiff.analyze.nlp import lemma
from storydiff.records import Quote
from storydiff.settings import QuoteSettings

SPEECH_LEMMAS = frozenset(
    [
        "say",
        "tell",
        "add",
        "argue",
        "state",
        "contend",
        "claim",
        "note",
        "explain",
        "write",
        "ask",
        "insist",
        "emphasize",
        "emphasise",
        "stress",
        "warn",
        "continue",
        "declare",
        "announce",
        "reply",
        "respond",
        "answer",
        "recall",
        "acknowledge",
        "admit",
        "suggest",
        "predict",
        "tweet",
        "post",
        "complain",
        "joke",
        "quip",
        "conclude",
        "observe",
        "remark",
        "comment",
        "testify",
        "urge",
        "charge",
        "counter",
        "concede",
        "vow",
        "promise",
        "assert",
        "maintain",
        "allege",
        "repeat",
        "recount",
        "speak",
        "shout",
        "yell",
        "scream",
        "exclaim",
        "whisper",
        "muse",
        "wonder",
        "mention",
        "confirm",
        "deny",
        "reveal",
        "disclose",
        "boast",
        "lament",
        "caution",
        "proclaim",
        "tout",
        "laugh",
        "sigh",
        "read",
        "retort",
        "interject",
        "chime",
        "offer",
        "describe",
        "call",
        "put",
        "plead",
        "point",
        "believe",
        "think",
        "agree",
        "disagree",
        "announce",
        "demand",
        "pledge",
        "recommend",
        "hint",
        "signal",
        "estimate",
        "report",
        "underline",
        "highlight",
        "summarize",
        "sum",
        "characterize",
        "praise",
        "criticize",
        "blast",
        "slam",
        "attack",
        "mock",
        "accuse",
        "defend",
        "dismiss",
        "brag",
        "rail",
        "thunder",
        "cry",
        "gush",
        "rave",
        "scoff",
        "snap",
        "fire",
        "shoot",
    ]
)
# cue words that are too weak alone (call "X" a ..., put) still count: the quote marks and the
# closeness of the verb are what make the attribution.

PRONOUNS = frozenset({"he", "she", "him", "her"})
TITLE_WORDS = frozenset(
    [
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sen",
        "sen.",
        "senator",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "governor",
        "president",
        "prime",
        "minister",
        "pm",
        "fm",
        "gen",
        "gen.",
        "general",
        "secretary",
        "vice",
        "former",
        "candidate",
        "nominee",
        "chairman",
        "speaker",
        "mayor",
        "judge",
        "rev",
        "rev.",
        "sir",
        "lord",
        "lady",
        "prof",
        "prof.",
        "professor",
        "state",
        "foreign",
        "defense",
        "defence",
        "interior",
        "deputy",
        "first",
        "lt.",
        "lt",
        "col.",
        "col",
        "sgt.",
        "capt.",
        "adm.",
        "justice",
        "chief",
        "attorney",
        "democratic",
        "republican",
        "presidential",
        "u.s.",
        "us",
        "estonian",
    ]
)
ROLE_NOUNS = frozenset(
    [
        "leader",
        "minister",
        "president",
        "pm",
        "fm",
        "premier",
        "chancellor",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "official",
        "senator",
        "governor",
        "candidate",
        "nominee",
        "chairman",
        "chairwoman",
        "chief",
        "secretary",
        "mayor",
        "ambassador",
        "diplomat",
        "adviser",
        "advisor",
        "director",
        "head",
        "ceo",
        "founder",
        "lawyer",
        "attorney",
        "professor",
        "analyst",
        "pollster",
        "host",
        "businessman",
        "businesswoman",
        "billionaire",
        "aide",
        "strategist",
        "manager",
        "representative",
        "congressman",
        "congresswoman",
        "lawmaker",
        "commander",
        "general",
        "prosecutor",
        "judge",
        "sheriff",
        "officer",
        "economist",
        "expert",
        "author",
        "researcher",
        "activist",
        "executive",
        "chair",
        "speaker",
        "mogul",
        "star",
        "actor",
        "actress",
        "singer",
        "rapper",
        "veteran",
        "mother",
        "father",
        "wife",
        "husband",
        "son",
        "daughter",
        "woman",
        "man",
        "candidate",
        "contender",
        "challenger",
        "incumbent",
        "opponent",
        "rival",
    ]
)
ABBREVIATIONS = {"pm": ("prime", "minister"), "fm": ("foreign", "minister"), "gop": ("republican",)}
ORG_LABELS = frozenset({"ORG", "GPE", "NORP", "FAC"})
_SENT_END = frozenset({".", "!", "?", ";"})


# an office or a role written before a surname, in any case and as the last part of a German
# compound or a hyphenated word ("Bundeskanzler", "Außenministerin", "Kremlsprecher", "CDU-Chef",
# "Пресс-секретарь"): a title, never a given name (review 24c, H1: "Präsident Selenskyj" was read
# as the given name "Präsident" and split from "Wolodymyr Selenskyj")
_ROLE_ENDING = re.compile(
    r"(?:kanzler|minister|sprecher|chef|präsident|president|prezydent|premier|direktor|leiter"
    r"|vorsitzende|botschafter|bürgermeister|gouverneur|general|generał|ministr|minist|rzecznik|rzeczniczk|szef"
    r"|marszałek|wojewod|burmistrz|prezes|dyrektor|komendant|ambasador|gubernator|kapitän|trainer"
    r"|президент|прем'?єр|премьер|міністр|министр|секретар|речник|речниц|спікер|спикер|губернатор|генерал"
    r"|командувач|командующ|директор|керівни|руководител|лідер|лидер|посол|прокурор|мер|глава|голова"
    r"|очільни|канцлер|представни|пан|господин|сенатор|депутат|омбудсм)"
    r"(?:in|innen|en|s|nen|a|ka|u|ie|y|ем|ом|у|а|я|ь|і|и|ка|ки|ки)?$")


def is_title_word(word: str) -> bool:
    """Whether a capitalised word before a surname is a title or role ("Präsident", "Kanzler",
    "CDU-Chef", "Президент", "Пресс-секретарь", "President", "Mr."), not a given name."""
    low = word.lower().strip(".,").replace("’", "'")
    if low in TITLE_WORDS or low in ROLE_NOUNS or f"{low}." in TITLE_WORDS:
        return True
    last = low.split("-")[-1]
    if last in TITLE_WORDS or last in ROLE_NOUNS:
        return True
    match = _ROLE_ENDING.search(last)
    # a short office ("мер", "пан", "глава") is a whole word only: "Гомер" is a name
    return bool(match) and (match.start() == 0 or len(match.group(0)) >= 6)


def _key(word: str) -> str:
    """Comparable form: "Estonia's" / "Estonian" -> "eston"."""
    w = word.lower().strip(".,'’")
    if w.endswith(("'s", "’s")):
        w = w[:-2]
    return w[:5] if len(w) > 5 else w


def _role_keys(words: list[str]) -> set[str]:
    out: set[str] = set()
    for w in words:
        lw = w.lower().strip(".,")
        for part in ABBREVIATIONS.get(lw, (lw,)):
            if part and part not in {"the", "a", "an", "of", "'s", "’s"}:
                out.add(_key(part))
    return out


@dataclass
class Person:
    start: int  # char offset of the mention
    name: str  # full name
    roles: set[str] = field(default_factory=set)


class ArticleNames:
    """The people of one article: full names by surname, mentions in order, their roles."""

    def __init__(self, doc, inside, ents=None):
        self.full: dict[str, str] = {}
        self.mentions: list[Person] = []
        self.subjects: list[Person] = []  # people the article made subjects or speakers
        ents = [e for e in (doc.ents if ents is None else ents) if e.label_ == "PERSON"]
        for e in ents:
            words = self._strip(e)
            if len(words) >= 2:
                self.full.setdefault(words[-1].lower(), " ".join(words))
        for e in ents:
            if inside(e.start_char):
                continue
            name = self.canonical(self._strip(e))
            if not name:
                continue
            sent = e.sent
            before = [t.text for t in doc[max(sent.start, e.start - 6) : e.start] if not t.is_punct]
            inner = [t.text for t in e if t.text.lower() in TITLE_WORDS]
            after: list[str] = []
            if e.end < sent.end and doc[e.end].text == ",":
                for t in doc[e.end + 1 : min(sent.end, e.end + 7)]:
                    if t.is_punct:
                        break
                    after.append(t.text)
            self.mentions.append(Person(e.start_char, name, _role_keys(before + inner + after)))

    @staticmethod
    def _strip(span) -> list[str]:
        words = [t.text for t in span if not t.is_punct and t.text not in ("'s", "’s")]
        while words and words[0].lower() in TITLE_WORDS:
            words = words[1:]
        return words

    def canonical(self, words: list[str]) -> str | None:
        words = [w for w in words if w not in ("'s", "’s")]
        while words and words[0].lower() in TITLE_WORDS:
            words = words[1:]
        if not words:
            return None
        if len(words) == 1:
            return self.full.get(words[0].lower(), words[0])
        return " ".join(words)

    def last_person(self, pos: int) -> str | None:
        """The last subject/speaker before pos, else the last person mentioned."""
        subj = [p for p in self.subjects if p.start < pos]
        if subj:
            return subj[-1].name
        men = [p for p in self.mentions if p.start < pos]
        return men[-1].name if men else None

    def by_description(self, words: list[str], pos: int) -> str | None:
        """The person the article introduced with these role words ("the Estonian leader")."""
        keys = _role_keys(words) - {_key("leader")}
        best, best_score = None, 0
        for p in self.mentions:
            score = len(keys & p.roles)
            if score > best_score or (score == best_score and score and p.start < pos):
                best, best_score = p.name, score
        return best


def _cue_text(tok) -> str:
    if lemma(tok) == "accord":
        return "according to"
    parts = [tok.text] + [c.text for c in tok.children if c.dep_ == "prt"]
    return " ".join(parts)


def _is_cue(tok) -> bool:
    if lemma(tok) == "accord" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
        return True
    return tok.pos_ in ("VERB", "AUX") and lemma(tok).lower() in SPEECH_LEMMAS


def _same_para(a, b) -> bool:
    """The parser ignores line breaks; a subject across a paragraph break is a misparse."""
    lo, hi = sorted((a.idx, b.idx))
    return "\n" not in _doc_text(a.doc)[lo:hi]


def _doc_text(doc) -> str:
    """``doc.text``, joined once per doc (spaCy joins every token's text on each read)."""
    text = doc.user_data.get("storydiff_text")
    if text is None:
        text = doc.user_data["storydiff_text"] = doc.text
    return text


def _subject(verb):
    """The token naming who did the verb, following conj/xcomp to a subject-bearing head."""
    if lemma(verb) == "accord":
        for c in verb.children:
            if c.lower_ == "to":
                for g in c.children:
                    if g.dep_ == "pobj":
                        return g
        nxt = verb.doc[verb.i + 2 : verb.i + 3]
        return nxt[0] if len(nxt) else None
    v = verb
    for _ in range(4):
        subj = [c for c in v.children if c.dep_ in ("nsubj", "nsubjpass") and _same_para(c, v)]
        if subj:
            s = min(subj, key=lambda c: abs(c.i - v.i))
            # "an official, who spoke on condition of anonymity": the one the clause describes
            return v.head if s.lower_ in ("who", "which", "that") and v.dep_ == "relcl" else s
        if v.dep_ in ("conj", "xcomp", "advcl") and v.head is not v:
            v = v.head
            continue
        break
    # inverted: said Caddell / said the spokesman
    for c in verb.rights:
        if c.dep_ in ("dobj", "attr", "npadvmod", "dep", "appos") and c.pos_ in ("PROPN", "NOUN"):
            return c
    return None


def speaker_parse_end(text: str, spans) -> int:
    """How much of ``text`` the speakers of its quotes (``spans``) are read from: up to the end of
    the paragraph after the one where the last quote closes ("..." on one line, "she said." on the
    next). What follows names no speaker of a quote before it, and the parse, most of the cost of
    the speakers, need not read it (on AEB's quoted articles ~40% of their text)."""
    if not spans:
        return 0
    end = text.find("\n", max(s.close_mark for s in spans))
    while end >= 0:  # past blank lines ("\r", spaces) to the end of the next line with words
        nxt = text.find("\n", end + 1)
        line = text[end + 1 : len(text) if nxt < 0 else nxt]
        end = nxt
        if line.strip():
            break
    return len(text) if end < 0 else end


class _Resolver:
    def __init__(self, text, doc, spans, settings):
        self.text = text
        self.doc = doc
        self.settings = settings
        self.ranges = [(s.open_mark, s.close_mark) for s in spans]
        # doc.ents builds every Span anew on each read: read once (it was most of the speaker time).
        # Only the names up to speaker_parse_end count, whether the doc holds the whole text (an
        # analysis with entities) or only that far (one without): the same speakers either way.
        end = speaker_parse_end(text, spans)
        self.ents = with_name_particles(doc, [e for e in doc.ents if e.end_char <= end])
        self.persons = [e for e in self.ents if e.label_ == "PERSON"]
        self.names = ArticleNames(doc, self.inside, self.ents)
        for sent in doc.sents:
            root = sent.root
            if self.inside(root.idx):
                continue
            for c in root.children:
                if c.dep_ == "nsubj" and not self.inside(c.idx):
                    name = self._person_of(c, allow_pronoun=False)
                    if name:
                        self.names.subjects.append(Person(c.idx, name))

    def inside(self, pos: int) -> bool:
        return any(a <= pos < b for a, b in self.ranges)

    def _person_of(self, tok, allow_pronoun=True) -> str | None:
        if tok.lower_ in PRONOUNS:
            return self.names.last_person(tok.idx) if allow_pronoun else None
        if tok.pos_ == "PRON":
            return None
        sub = list(tok.subtree)
        lo, hi = sub[0].i, sub[-1].i + 1
        persons = [e for e in self.persons if e.start < hi and e.end > lo]
        own = [e for e in persons if e.start <= tok.i < e.end]
        appos = [
            e for e in persons if any(c.dep_ == "appos" and e.start <= c.i < e.end for c in tok.children)
        ]
        for group in (own, appos):
            if group:
                return self.names.canonical(ArticleNames._strip(group[0]))
        if tok.pos_ == "PROPN":
            chain = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"] + [tok]
            ent = [e for e in self.ents if e.start <= tok.i < e.end]
            if ent and ent[0].label_ in ORG_LABELS:
                return self._org_or_person(ent[0])
            return self.names.canonical([t.text for t in chain])
        if lemma(tok).lower() in ROLE_NOUNS:
            # "the Lublin provincial governor, Tomasz Wieczorek": the name in apposition, however
            # the tagger labelled it (an ORG here), not the place in the role (QA pass 22b, 06)
            for c in tok.children:
                if c.dep_ == "appos" and c.pos_ == "PROPN" and not self.inside(c.idx):
                    chain = [t for t in c.lefts if t.dep_ in ("compound", "flat") and t.pos_ == "PROPN"] + [c]
                    if len(chain) >= 2:
                        return self.names.canonical([t.text for t in chain])
        # "a senior military official": an indefinite description brings someone in, it never
        # points back to a person named before (QA pass 22a, 08: Yermak, "head of Ukraine's
        # presidential office", took the anonymous Ukrainian official's quote)
        indefinite = _indefinite(tok)
        if (lemma(tok).lower() in ROLE_NOUNS or tok.lower_ in ABBREVIATIONS) and not indefinite:
            words = [t.text for t in sub if not self.inside(t.idx)]
            found = self.names.by_description(words, tok.idx)
            if found:
                return found
        if persons:
            return self.names.canonical(ArticleNames._strip(persons[0]))
        orgs = [e for e in self.ents if e.label_ in ORG_LABELS and e.start < hi and e.end > lo]
        if lemma(tok).lower() in ROLE_NOUNS:
            # "a senior Ukrainian military official": a person described by where they serve,
            # not the country speaking; and an indefinite one is no organisation of its clause
            # ("A Chinese official responded by saying Japan should ...": not Japan; review 22b, R7)
            orgs = [] if indefinite else [e for e in orgs if not all(t.dep_ == "amod" for t in e)]
        if orgs and tok.pos_ != "PRON":
            return self._org_or_person(orgs[0])
        return None

    def _org_or_person(self, ent) -> str:
        """An organisation's name, unless it is one word the article gave a person as a surname:
        the parser reads '"...," Kiper said.' as an ORG after "Governor Oleh Kiper", and the
        speaker must be that person's full name to meet another outlet's speaker."""
        words = [t.text for t in ent if not t.is_punct and t.text not in ("'s", "’s")]
        if len(words) == 1 and words[0].lower() in self.names.full:
            return self.names.full[words[0].lower()]
        if len(words) == 1:
            # "regional governor Oleh Kiper" tagged an ORG as well: a name after a role word
            for other in self.ents:
                toks = [t for t in other if not t.is_punct]
                if (2 <= len(toks) <= 3 and toks[-1].text == words[0] and all(t.pos_ == "PROPN" for t in toks)
                        and other.start > 0 and _is_role_word(self.doc[other.start - 1])):
                    return " ".join(t.text for t in toks)
        return _org(ent)

    # token by token from an index: slicing the doc (doc[i:]) built a Span of the rest of the
    # text for each quote, most of the windows' time
    def window_after(self, sp, next_open: int, para_end: int):
        toks = []
        doc = self.doc
        for i in range(self._index(sp.close_mark), len(doc)):
            t = doc[i]
            if t.idx >= min(next_open, para_end):
                break
            if t.text in _SENT_END:
                break
            toks.append(t)
        return toks

    def window_before(self, sp, prev_close: int, para_start: int):
        toks = []
        doc = self.doc
        for i in range(self._index(sp.open_mark) - 1, -1, -1):
            t = doc[i]
            if t.idx < max(prev_close, para_start):
                break
            if t.text in _SENT_END:
                break
            toks.append(t)
        return list(reversed(toks))

    def _index(self, pos):
        # first token starting at or after pos
        doc = self.doc
        lo, hi = 0, len(doc)
        while lo < hi:
            mid = (lo + hi) // 2
            if doc[mid].idx < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


# The lowercase words inside a family name ("Ursula von der Leyen", "Luiz Inácio Lula da Silva",
# "Rafael van der Vaart"): the small English model ends the person at them ("Ursula von" PERSON,
# "Leyen" GPE), and a quote of one of the most quoted EU officials was "Leyen"'s or "Ursula von
# der"'s by outlet (QA pass 22a, 08).
NAME_PARTICLES = frozenset({"von", "van", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du",
                            "la", "le", "ter", "ten", "zu", "bin", "ibn"})


def with_name_particles(doc, ents):
    """``ents`` with each person's name carried over its particles to the capitalised word that
    ends it; what that word was tagged (the family name as a place) is dropped."""
    out, taken_to = [], -1
    for e in ents:
        if e.start < taken_to:
            continue  # the family name a person before it took up
        if e.label_ == "PERSON":
            j = e.end
            while j < len(doc) and doc[j].text in NAME_PARTICLES:
                j += 1
            if ((j > e.end or doc[e.end - 1].text in NAME_PARTICLES) and j < len(doc) and doc[j].is_alpha
                    and doc[j].text[:1].isupper()):
                from spacy.tokens import Span

                e = Span(doc, e.start, j + 1, label="PERSON")
                taken_to = j + 1
        out.append(e)
    return out


# who speaks for an institution, said as the institution: "the air force said", "the ministry said"
_SPEAKING_BODIES = frozenset({"force", "forces", "ministry", "army", "military", "police", "government", "office",
                              "agency", "service", "command", "administration", "authorities", "authority",
                              "department", "council", "committee", "prosecutor", "prosecutors", "spokesman",
                              "spokeswoman", "spokesperson"})


def _describes_someone(tok) -> bool:
    """Whether a cue's subject describes who spoke without naming them: a role ("a senior military
    official"), an indefinite person, an institution speaking ("the air force"). A document or a
    medium ("a statement calling ...", "footage of X asking") is no speaker of its own: the name
    near it is looked for as before (review 22b, R5)."""
    if tok.pos_ != "NOUN":
        return False
    word = lemma(tok).lower()
    return word in ROLE_NOUNS or word in _SPEAKING_BODIES or (_indefinite(tok) and word in TITLE_WORDS)


def _indefinite(tok) -> bool:
    """Whether a noun comes with "a"/"an": someone brought in, never someone named before."""
    return any(c.dep_ == "det" and c.lower_ in ("a", "an") for c in tok.children)


def _is_role_word(tok) -> bool:
    """A lowercase title or role before a name: "governor", "port director", "minister"."""
    return tok.text.islower() and (tok.lower_ in TITLE_WORDS or lemma(tok).lower() in ROLE_NOUNS)


def _org(ent) -> str:
    words = [t.text for t in ent]
    if words and words[0].lower() == "the":
        words = words[1:]
    return " ".join(words)


def _para_bounds(text: str, pos: int) -> tuple[int, int]:
    a = text.rfind("\n", 0, pos) + 1
    b = text.find("\n", pos)
    return a, (len(text) if b < 0 else b)


def attribute(
    text: str, spans, quotes: list[Quote], *, doc=None, settings: QuoteSettings | None = None
) -> None:
    """Fill speaker and cue of quotes (parallel to spans) in place."""
    settings = settings or QuoteSettings()
    if doc is None:
        from storydiff.analyze.nlp import get_nlp

        doc = get_nlp()(text)
    r = _Resolver(text, doc, spans, settings)
    prev_speaker: str | None = None
    prev_para = -10
    paras = [0]
    for i, ch in enumerate(text):
        if ch == "\n" and i + 1 < len(text) and text[i + 1 : i + 2].strip():
            paras.append(i + 1)

    def para_index(pos):
        lo, hi = 0, len(paras)
        while lo < hi:
            mid = (lo + hi) // 2
            if paras[mid] <= pos:
                lo = mid + 1
            else:
                hi = mid
        return lo - 1

    for k, (sp, q) in enumerate(zip(spans, quotes)):
        pa, pb = _para_bounds(text, sp.open_mark)
        next_open = spans[k + 1].open_mark if k + 1 < len(spans) else len(text)
        prev_close = spans[k - 1].close_mark if k > 0 else 0
        after = r.window_after(sp, next_open, pb) if sp.closed else []
        if _opens_new_clause(after):
            after = []  # '"...," while Governor Oleh Kiper replied: "..."' names the next quote's speaker
        before = r.window_before(sp, prev_close, pa)
        ends_open = text[sp.end : sp.close_mark].strip()[:1] in (",", "?", "!", "") or (
            text[sp.close_mark : sp.close_mark + 1] == ","
        )
        near_after = _outside_parens(after)[: settings.max_cue_distance_after]
        after_cues = [t for t in near_after if _is_cue(t)]
        if not after_cues and ends_open:
            # '"Go back to Univision," Trump barked': right after a quote, any verb is the cue
            after_cues = [t for t in near_after[:4] if t.pos_ == "VERB"][:1]
        before_cues = [t for t in reversed(before) if _is_cue(t)]  # nearest first
        cues = after_cues + before_cues if ends_open else before_cues + after_cues
        speaker, cue = None, None
        if ends_open and after_cues:
            # "...," Flynn, a top Trump surrogate, said: the person between the quote and the
            # cue is the speaker, whatever the parser made of the apposition
            speaker = _first_name(r, [t for t in near_after if t.i < after_cues[0].i])
            cue = after_cues[0] if speaker else None
        # a cue whose subject is a description that names no one ("a senior military official,
        # who spoke on condition of anonymity, told Reuters"; "the air force said in a statement
        # on Telegram"): the speaker is unnamed, not the nearest name ("Telegram") nor the last
        # speaker (an anonymous official's words were Yermak's: QA pass 22a, 08)
        unnamed = False
        for c in cues if speaker is None else ():
            subj = _subject(c)
            if subj is not None and not r.inside(subj.idx):
                speaker = r._person_of(subj)
                unnamed = not speaker and _describes_someone(subj)
            if unnamed:
                break  # the speaker is the one described, not a later verb's subject
            if speaker:
                cue = c
                break
        if unnamed and speaker is None:
            cue = cues[0]
        elif speaker is None and cues:
            cue = cues[0]
            # the parse missed the subject: the name next to the cue ("..., Flynn, a ..., said")
            window = near_after if cue in after_cues else before
            speaker = _nearest_name(r, window, cue)
        if speaker is None and _DASH_AFTER.match(text, sp.close_mark):
            speaker = _nearest_name(r, after[:6], None)  # "...” ― Krystal Correa"
        if speaker is None and not cues:
            speaker = _intro_subject(r, sp, before, prev_close, pa)
        if (
            speaker is None
            and not unnamed
            and prev_speaker
            and (para_index(sp.open_mark) - prev_para <= settings.max_inherit_paragraphs)
        ):
            speaker = prev_speaker  # a run of quotes by one speaker
        q.speaker = speaker
        q.cue = _cue_text(cue) if cue is not None else None
        if speaker:
            r.names.subjects.append(Person(sp.open_mark, speaker))
            r.names.subjects.sort(key=lambda p: p.start)  # last_person() reads them in order
            prev_speaker = speaker
        prev_para = para_index(sp.open_mark)


# a conjunction right after a quote starts a clause of its own, with its own subject
_CLAUSE_CONJUNCTIONS = frozenset({"while", "whereas", "but", "although", "though", "and", "yet"})


def _opens_new_clause(after) -> bool:
    """The words after a quote start with a conjunction and then not a speech verb ('"...," while
    X replied', not '"...," and added')."""
    words = [t for t in after if not t.is_punct]
    return bool(words) and words[0].lower_ in _CLAUSE_CONJUNCTIONS and not (len(words) > 1 and _is_cue(words[1]))


_DASH_AFTER = re.compile(r"\s*[—―–-]")

# The English parser reads no other language's attribution. After a quote, the verbs of the
# other languages a desk reads (de, fr, es, it, uk, ru), then the speaker's name: what
# follows the verb up to the first word that is not capitalised ("sagte Oberbürgermeister
# Jürgen Dupper am Montag", "— сказав Кличко", "a déclaré la maire Anne Roux").
_OTHER_VERB_AFTER = re.compile(
    r"\s*[,.]?\s*[—―–-]?\s*(?:sagte|sagt|erklärte|betonte|a\s+(?:déclaré|dit|affirmé|ajouté)|"
    r"dijo|afirmó|declaró|señaló|ha\s+detto|ha\s+dichiarato|сказав|сказала|заявив|заявила|зазначив|"
    r"зазначила|наголосив|наголосила|сказал|сказала|заявил|заявила|отметил|отметила)\s+"
    r"(?:(?:der|die|den|dem|le|la|l['’]|el|il|lo)\s+)?(?P<rest>[^\n]{1,80})"
)
_ARTICLE_WORDS = {"der", "die", "den", "dem", "le", "la", "el", "il", "lo", "les"}


def other_language_speaker(text: str, close_mark: int) -> str | None:
    """The speaker named after a quote in another language's words, or None."""
    m = _OTHER_VERB_AFTER.match(text, close_mark + 1)
    if not m:
        return None
    run: list[str] = []
    for word in m.group("rest").split():
        bare = word.strip(".,;:!?»«“”\"'()")
        if word.lower() in _ARTICLE_WORDS or not bare:
            if run:
                break
            continue
        if not bare[0].isupper():
            if run:
                break
            continue  # "la maire", "le ministre": a lowercase title before the name
        run.append(bare)
        if bare != word.rstrip("»«“”\"'") or len(run) == 4:  # a name ends at punctuation
            break
    # German capitalises the title too ("Bürgermeisterin Anna Roth"): a name is its last two words
    return " ".join(run[-2:]) if run else None


def _first_name(r: _Resolver, window) -> str | None:
    """The first person named in window: a name, a pronoun; a role noun first means no name."""
    for t in window:
        if t.ent_type_ == "PERSON" or t.lower_ in PRONOUNS or t.pos_ == "PROPN":
            h = t  # "Fox News host Sean Hannity": climb the compound chain to its head
            while h.dep_ in ("compound", "flat") and h.head.i > h.i and h.head in window:
                h = h.head
            h = _modified_person(h, window) or h
            name = r._person_of(h)
            if name:
                return name
        if t.pos_ == "NOUN" and lemma(t).lower() in ROLE_NOUNS:
            return None  # "the chief executive of X, Y, said": leave it to the parse
    return None


def _modified_person(tok, window):
    """The person a place or body before a role describes ("EU foreign policy chief Kaja Kallas",
    "Ukraine's foreign minister Andrii Sybiha": the parse makes "EU" an nmod and "Ukraine" a poss
    of the role, and the speaker was "EU", "Ukraine": QA pass 27a, 3), or None where the chain of
    heads ends on no person ("EU officials said", "Russia's foreign ministry said" stay as read)."""
    h = tok
    while h.dep_ in ("compound", "flat", "nmod", "poss") and h.head.i > h.i and h.head in window:
        h = h.head
    if h is tok:
        return None
    if h.ent_type_ != "PERSON":  # "minister" with "Andrii Sybiha" in apposition
        h = next((c for c in h.children if c.dep_ == "appos" and c.ent_type_ == "PERSON" and c in window), h)
    return h if h.ent_type_ == "PERSON" else None


def _outside_parens(tokens):
    """Tokens not inside (...): "Rep. Gwen Moore (D-Wis.) said" keeps the cue near."""
    out, depth = [], 0
    for t in tokens:
        if t.text == "(":
            depth += 1
        elif t.text == ")":
            depth = max(0, depth - 1)
        elif depth == 0:
            out.append(t)
    return out


def _nearest_name(r: _Resolver, window, cue) -> str | None:
    """The person named in window closest to cue (or first, without a cue)."""
    toks = [
        t
        for t in window
        if t.ent_type_ == "PERSON"
        or t.lower_ in PRONOUNS
        or (t.pos_ == "PROPN" and t.dep_ not in ("compound", "flat"))
    ]
    if cue is not None:
        toks.sort(key=lambda t: abs(t.i - cue.i))
    for t in toks:
        name = r._person_of(t)
        if name:
            return name
    return None


def _intro_subject(r: _Resolver, sp, before, prev_close, pa) -> str | None:
    """No cue: the subject of the sentence leading into the quote ("Obama ... message: "..."),
    or of the previous sentence when it ends with a colon ("Caddell continued:")."""
    # by characters: the tokenizer glues marks to words ('Ohio):"I')
    colon = r.text[: sp.open_mark].rstrip().endswith(":")
    toks = before
    if not toks:
        if not colon:
            return None
        toks = r.window_before(sp, prev_close, 0)  # the colon ends the previous paragraph
        if not toks:
            return None
    if colon and not any(t.pos_ in ("VERB", "AUX") and t.idx < sp.open_mark - 1 for t in toks):
        return _first_name(r, toks)  # a speaker label: 'Rep. Trey Gowdy (R-S.C.): "..."'
    roots = [t for t in toks if t.dep_ == "ROOT" or (t.head not in toks)]
    for root in roots:
        for c in root.children:
            if c.dep_ in ("nsubj", "nsubjpass") and c in toks:
                name = r._person_of(c)
                if name:
                    return name
    return None
