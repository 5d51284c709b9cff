"""How many independent sources stand behind a story.

Ten copies of one wire story are one source, and so are two rewrites that both rest on one
interview with the Financial Times. Two steps, each recorded as a reason the user can read:
1. syndication: articles whose texts are near-copies (shingle Jaccard) form one group;
2. attribution: groups whose primary cited origin is the same collapse into that origin.
What is left is the count.

With the story's facts, a later article in another language that tells an earlier one's facts, nearly
all of them and in their order, crediting no one, counts with it (``translations``). When both open
on one speaker's attributed sentence ("..., повідомили Повітряні сили." / "..., the Air Force said.")
the reason says they both relay that statement, not that one translates the other; they still count
as one source, as two rewrites of one interview do: each tells nearly nothing the other does not
(``relayed_statement``; review 24a, F9).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Mapping, Sequence

from storydiff.analyze.origins import canonical_origin, closing_credit, initials, is_outlet_of, known_origin
from storydiff.compare.labels import article_labels
from storydiff.compare.translation import language_key, romanised, sounds
from storydiff.extract.metadata import outlet_from_url
from storydiff.lexicon.names import alike
from storydiff.lexicon.outlets import SUFFIX_LABELS, own_outlet
from storydiff.records import Article, Fact, Origin, SourceGroup
from storydiff.settings import IndependenceSettings
from storydiff.unionfind import UnionFind

# attribution kinds that make an origin the source of the story (not "according to police")
STRONG_KINDS = {"citing", "told", "interview", "reported", "wire", "credit", "according_to", "source"}


def primary_origin(article: Article, settings: IndependenceSettings | None = None) -> str | None:
    """The origin the article rests on: cited in its lead (its first sentence, or the first
    ``lead_share`` of the text when that is longer), cited repeatedly, or named on its source line
    ("Źródło: PAP" closing a reprint: the article says where it came from). None if it cites no one."""
    settings = settings or IndependenceSettings()
    # a short rewrite names its source at the end of its first sentence ("..., передає Reuters."):
    # in a 420-character text that is past the first 30% of its characters
    # (at most _LEDE_MAX_CHARS: a text without sentence ends is one "sentence", and a passing
    # mention at its end is no lead; a review's finding)
    lede_end = _first_sentence_end(article)
    lead_end = max(1, int(len(article.text) * settings.lead_share), min(lede_end, _LEDE_MAX_CHARS))
    # a lede that credits no one, its speaker's words given to an outlet in the next sentence, quoted
    # ("The Kremlin has denied ... . \"There have been no ...,\" Peskov told the Russian newspaper
    # Izvestia."): the lede is that interview's (QA pass 27c, 3: the BBC's relay counted as its own)
    backed_end = 0 if any(o.kind in STRONG_KINDS and 0 <= o.start < lede_end for o in article.origins) \
        else _quote_after_lede_end(article, lede_end)
    stats: dict[str, list[int]] = {}
    credit = closing_credit(article.text) if article.origins else None
    for o in article.origins:
        if o.kind not in STRONG_KINDS:
            continue
        # a source line names the article's origin wherever it stands, and so does the credit that
        # closes the text ("— Укрінформ", "За інформацією Укрінформу."; QA pass 21b, 04: a rewrite so
        # credited counted as a second source); "Про це повідомляє X" closing the opening paragraph
        # names its lede's: all read as in the lead
        at = o.start if o.start >= 0 else len(article.text)
        closes = credit is not None and credit[0] <= at < credit[1] and o.name in credit[2]
        backs_the_lede = o.kind in _SPOKEN_TO and lede_end <= at < backed_end
        stats.setdefault(o.name, []).append(0 if o.kind == "source" or closes or backs_the_lede
                                            or _refers_to_the_lede(article.text, at) else at)
    best: tuple[int, int, int] | None = None
    # between equals, the first named: a credit names its main agency first ("dpa/AFP/lh" is a dpa
    # report with AFP's material; QA pass 21a, 03), and ``origins`` are in text order
    for order, positions in enumerate(stats.values()):
        first = min(positions)
        if len(positions) < settings.primary_min_mentions and first > lead_end:
            continue
        key = (-len(positions), first, order)
        if best is None or key < best:
            best = key
    return list(stats)[best[2]] if best else None


# "This is reported by X" after the news it names: "Про це повідомляє Польське агентство преси.", "Об
# этом сообщает ТАСС.", "O tym poinformowała PAP.", "Darüber berichtet die dpa." (QA pass 18: Ukrinform's
# third sentence of a short report named its origin past the first 30% of the text, and it counted
# as own reporting)
_REFERS_BACK = re.compile(r"(?<!\w)(?:Про\s+це|Об\s+этом|O\s+tym|Darüber|Das|Dies|This\s+was|This\s+is)\s+$", re.I)


# or the sentence holding it opens so, its speaker named before the citation: "Об этом заявил
# пресс-секретарь президента РФ Дмитрий Песков в интервью газете «Известия»." (QA pass 27c, 3: TASS's
# second sentence named the interview its lede came from, and TASS counted as a source of its own)
_SENTENCE_REFERS_BACK = re.compile(r"(?:Про\s+це|Об\s+этом|O\s+tym|Darüber|This\s+was)\s+(?:[^\s.!?…]+\s+){0,10}$")
_SENTENCE_START = re.compile(r"(?:^|[.!?…]\s+|\n)(?=[^.!?…\n]*$)")


def _refers_to_the_lede(text: str, at: int) -> bool:
    """Whether a citation at ``at`` opens with words that refer back to the news before it, or
    stands in a sentence that opens with them, in the opening paragraph (at most ``_LEDE_MAX_CHARS``)."""
    paragraph_end = text.find("\n")
    if at >= min(_LEDE_MAX_CHARS, paragraph_end if paragraph_end >= 0 else len(text)):
        return False
    if _REFERS_BACK.search(text, max(0, at - 20), at) is not None:
        return True
    sentence = _SENTENCE_START.search(text, 0, at)
    return sentence is not None and _SENTENCE_REFERS_BACK.fullmatch(text, sentence.end(), at) is not None


_LEDE_MIN_WORDS = 8  # a headline line or a dateline ("Харків, 14 березня 2025 року.") is no lede
_LEDE_MAX_CHARS = 600  # the longest news lede is ~60 words


def _first_sentence_end(article: Article) -> int:
    """Where the article's first full sentence (its lede) ends: headline and dateline lines skipped."""
    spans = article.sentences
    if not spans:
        from storydiff.analyze.sentences import sentence_spans

        spans = sentence_spans(article.text[:3000])
    text = article.text
    for a, b in spans[:4]:
        if len(text[a:b].split()) >= _LEDE_MIN_WORDS and not _headline_line(text, a, b):
            return b
    return 0


_SENTENCE_END = ".!?…»\"”“'’:;"
_SPOKEN_TO = {"told", "interview"}  # words given to an outlet
_OPENING_QUOTES = "\"“«„"


def _quote_after_lede_end(article: Article, lede_end: int) -> int:
    """Where the sentence after the lede (ending at ``lede_end``) ends when it opens on a quotation
    (the speaker's own words: "\"There have been no ...,\" Peskov told ..."; a sentence of the
    outlet's own, "Ранее Песков в интервью ... говорил о другом", is background), within a
    paragraph after the lede's; 0 when there is none."""
    if not lede_end:
        return 0
    spans = article.sentences
    if not spans:
        from storydiff.analyze.sentences import sentence_spans

        spans = sentence_spans(article.text[:3000])
    b = next((b for a, b in spans if a >= lede_end), 0)
    gap = article.text[lede_end:b]
    opens_quoted = gap.lstrip()[:1] in _OPENING_QUOTES
    return b if opens_quoted and gap.count("\n\n") <= 1 and len(gap) <= _LEDE_MAX_CHARS else 0


def _headline_line(text: str, a: int, b: int) -> bool:
    """Whether ``text[a:b]`` is a line of its own without a sentence's closing mark: a headline
    kept at the top of a row's text ("Минобороны сообщило об ударе по пункту дислокации ВСУ в
    Харькове" above its lede: a nine-word headline was taken for the lede, and the lede's "сообщает
    ТАСС" counted as a passing mention; QA pass 19b)."""
    body = text[a:b].rstrip()
    return (bool(body) and body[-1] not in _SENTENCE_END and (a == 0 or text[a - 1] == "\n")
            and (b >= len(text) or text[b:b + 1] == "\n" or text[b:].lstrip(" \t")[:1] == "\n"))


def syndication_groups(
    articles: Sequence[Article], settings: IndependenceSettings | None = None, translated: dict[int, int] | None = None
) -> list[list[int]]:
    """Indices of articles grouped by near-copy text (single-link), and each translation
    (``translations``) with its original."""
    from storydiff.match.fingerprint import jaccard, text_signature

    settings = settings or IndependenceSettings()
    uf = UnionFind(range(len(articles)))
    for j, i in (translated or {}).items():
        uf.union(i, j)
    signatures: dict[int, object] = {}

    def signature_of(k: int):
        # each text's MinHash once, not once per pair (``near_duplicate_score``'s estimate, the
        # same numbers: a story of 40 articles computed 1,560 signatures for its 780 pairs)
        if k not in signatures:
            text = articles[k].text
            signatures[k] = text_signature(text) if isinstance(text, str) else None
        return signatures[k]

    for i in range(len(articles)):
        for j in range(i + 1, len(articles)):
            if uf.find(i) == uf.find(j):
                continue
            a, b = signature_of(i), signature_of(j)
            score = jaccard(a, b) if a is not None and b is not None else 0.0
            if score >= settings.syndication_jaccard:
                uf.union(i, j)
    return list(uf.groups().values())


def translations(
    articles: Sequence[Article], facts: Sequence[Fact], settings: IndependenceSettings | None = None
) -> dict[int, int]:
    """Later articles that translate an earlier one without crediting it: index -> the earlier
    one's index. A translation shares nearly all of its facts with its original and the original
    nearly all of its own with it, in the same order (``IndependenceSettings.translation_*``);
    two outlets reporting one event on their own pick and order facts each their own way."""
    settings = settings or IndependenceSettings()
    label = article_labels(articles).__getitem__
    own: dict[str, list[Fact]] = {a.id: [] for a in articles}
    for f in facts:
        for article_id in set(f.article_ids):
            if article_id in own:
                own[article_id].append(f)
    out: dict[int, int] = {}
    for j, later in enumerate(articles):
        if not later.language or primary_origin(later, settings) is not None:
            continue  # a credited translation already counts with its origin
        # of the earlier articles it may translate, the one it shares the most facts with: a
        # short rewrite of the original shares fewer (QA pass 27b, 4)
        best, best_shared = None, 0
        for i in range(j):
            earlier = articles[i]
            if not earlier.language or language_key(earlier.language) == language_key(later.language):
                continue
            if primary_origin(earlier, settings) is not None or i in out:
                # a translation carries its original's credit ("пише «Українська правда»"); and a
                # report beside a translation of its own language's original is that original's
                # rewrite, not the translation's translation (a second QA pass)
                continue
            shared = [f for f in own[earlier.id] if later.id in f.article_ids]
            if (len(shared) < settings.translation_min_facts
                    or any(_disputed_between(f, label(earlier.id), label(later.id)) for f in shared)):
                # figures or dates that differ are two reports' own details, not a translator's
                # (a second QA pass: a rewrite with other ages and counts "translated" its source)
                continue
            told = len(_told_unattributed(shared, earlier, later))
            if told < settings.translation_min_unattributed_share * len(shared) and relayed_statement(
                    earlier, later, facts) is None:
                # two outlets relaying one official statement tell its facts, in its order, each
                # on its own: what they share beyond the statement is too little to say one
                # translated the other (QA pass 26a, 1: UP and Reuters both told Moldova's defence
                # ministry's statement, and "Reuters translates UP" was claimed)
                continue
            earlier_share, later_share = len(shared) / len(own[earlier.id]), len(shared) / len(own[later.id])
            if later_share < settings.translation_min_share or earlier_share < min(
                    settings.translation_min_share, settings.translation_abridged_share):
                continue
            if _out_of_order(shared, earlier, later) <= 1 and len(shared) > best_shared:
                best, best_shared = i, len(shared)
        if best is not None:
            out[j] = best
    return out


def _facts_told(earlier: Article, later: Article, facts: Sequence[Fact]) -> tuple[int, int]:
    """How many of ``earlier``'s facts ``later`` tells too, and how many ``earlier`` has."""
    own = [f for f in facts if earlier.id in f.article_ids]
    return sum(1 for f in own if later.id in f.article_ids), len(own)


def _disputed_between(fact: Fact, label_a: str, label_b: str) -> bool:
    """Whether the fact's conflict lines set the two outlets (by their labels) on two sides
    ("numbers differ: 3 километрах (РИА Новости) vs 5 кілометрів (Українська правда, Reuters)"
    disputes no figure between Українська правда and Reuters): a third article's other figure says
    nothing of whether one of the two translated the other (QA pass 26a, 1: adding RIA's report
    turned "Reuters translates UP" into two sources). A line that names neither is read as a
    dispute between them: its sides cannot be told."""
    for line in fact.conflicts:
        sides = line.split(": ", 1)[-1].split(" vs ")
        where = [[k for k, side in enumerate(sides) if re.search(rf"[(,] ?{re.escape(label)}[,)]", side)]
                 for label in (label_a, label_b)]
        if len(sides) < 2 or not (where[0] or where[1]):
            return True
        if where[0] and where[1] and set(where[0]) != set(where[1]):
            return True
    return False


def _told_unattributed(shared: Sequence[Fact], earlier: Article, later: Article) -> list[Fact]:
    """The shared facts neither article attributes to a speaker (``compare.attributed``): a
    statement's facts are told alike by everyone who relays it, and only the rest shows one
    outlet's telling taken from another's."""
    from storydiff.compare.attributed import statement_source

    return [f for f in shared
            if not any(statement_source(f.variants.get(a.id, ""), a.language) for a in (earlier, later))]


def relayed_statement(earlier: Article, later: Article, facts: Sequence[Fact]) -> str | None:
    """The speaker both articles attribute their shared facts to, as the English one (or else the
    earlier) names it: each opens the shared facts with a sentence attributed to that speaker (the
    lede says whose statement the report is: "..., повідомили Повітряні сили." / "..., the Air Force
    said."), and no shared fact of either names another (``compare.attributed``). Two relays of one
    statement tell its facts in its order; neither translates the other (review 24a, F9)."""
    from storydiff.compare.attributed import same_source, statement_source

    shared = [f for f in facts if earlier.id in f.article_ids and later.id in f.article_ids]
    said: dict[str, list[str | None]] = {}
    for a in (earlier, later):
        in_order = sorted(shared, key=lambda f: _position(f, a))
        said[a.id] = [statement_source(f.variants.get(a.id, ""), a.language) for f in in_order]
        if not said[a.id] or not said[a.id][0]:
            return None  # its first shared fact is its own telling
    first = said[earlier.id][0]
    if not all(same_source(first, earlier.language, who, a.language)
               for a in (earlier, later) for who in said[a.id] if who):
        return None
    english = next((a for a in (earlier, later) if language_key(a.language) == "en"), earlier)
    return said[english.id][0]


def _position(f: Fact, a: Article) -> int:
    at = a.text.find(f.variants.get(a.id, "\0"))
    return at if at >= 0 else len(a.text)


def _statement_of(name: str) -> str:
    """"the Air Force's statement"; "the statement of Повітряні сили" (no possessive in another script)."""
    return f"{name}'s statement" if re.fullmatch(r"[\x00-\x7f\u00c0-\u024f'’]+", name) else f"the statement of {name}"


def _out_of_order(shared: Sequence[Fact], earlier: Article, later: Article) -> int:
    """How many shared facts the later article tells out of the earlier one's order (the facts
    less the longest run in order of both)."""
    def where(f: Fact, a: Article) -> int:
        return a.text.find(f.variants.get(a.id, "\0"))

    pairs = sorted((where(f, earlier), where(f, later)) for f in shared)
    positions = [b for a, b in pairs if a >= 0 and b >= 0]
    tails: list[int] = []  # longest increasing run, patience sorting
    for p in positions:
        k = bisect_left(tails, p)
        tails[k:k + 1] = [p]
    return len(shared) - len(tails)


def independent_sources(
    articles: Sequence[Article], settings: IndependenceSettings | None = None, facts: Sequence[Fact] | None = None
) -> tuple[int, list[SourceGroup]]:
    """The count, and the groups with the reasoning behind it. With the story's ``facts``, an
    uncredited translation of another article counts with it, as a copy does."""
    settings = settings or IndependenceSettings()
    _label = article_labels(articles).__getitem__  # an outlet's second article is "Loop Post #2"
    by_origin: dict[str, list[SourceGroup]] = {}
    uncited: list[tuple[list[Article], str, SourceGroup]] = []  # (members, "X copies Y's text; ", group)
    translated = translations(articles, facts, settings) if facts else {}
    primary_of = {a.id: primary_origin(a, settings) for a in articles}
    chain_of = _origin_chains(articles, primary_of)
    for idx in syndication_groups(articles, settings, translated):
        members = [articles[i] for i in idx]
        # an origin that is a member of the story stands for what that member rests on: Yahoo's copy
        # credits Reuters, whose own report relays RIA Novosti (QA pass 27c, 2: the copy and its
        # original were "several origins", a source of their own)
        primaries = {chain_of[p][-1] for a in members if (p := primary_of[a.id])}
        if len(primaries) == 1:
            # the copied text is the cited outlet's own, whatever the clocks say: a carrier's
            # "3:20 a.m." read without its zone came before AP's 08:15 GMT, and "Associated Press
            # copies U.S. News's text" stood beside "U.S. News cites Associated Press" (QA pass 22a, 02);
            # or the member a copy credits, where the origin is further up its chain
            named = [next(iter(primaries)), *(primary_of[a.id] for a in members if primary_of[a.id])]
            own = next((k for name in named for k, a in enumerate(members) if names_outlet(name, a)), 0)
            idx = [idx[own], *idx[:own], *idx[own + 1:]]
            members = [articles[i] for i in idx]
        copies, relays = "", 0
        if len(members) > 1:
            copiers = [_label(articles[i].id) for i in idx[1:] if i not in translated]
            verb = "copies" if len(copiers) == 1 else "copy"
            copies = f"{', '.join(copiers)} {verb} {_label(members[0].id)}'s text; " if copiers else ""
            for i in idx[1:]:
                if i in translated:
                    earlier, later = articles[translated[i]], articles[i]
                    relayed = relayed_statement(earlier, later, facts or ())
                    if relayed:
                        relays += 1
                        copies += f"{_label(earlier.id)} and {_label(later.id)} both relay {_statement_of(relayed)}; "
                    else:  # what was measured, not who did what: no credit, the same facts in one order
                        langs = f"({language_key(earlier.language)} → {language_key(later.language)})"
                        told, of = _facts_told(earlier, later, facts or ())
                        if told < settings.translation_min_share * of:  # an abridged translation
                            copies += (f"{_label(later.id)}'s text tells {told} of {_label(earlier.id)}'s {of} "
                                       f"facts, in its order {langs}; ")
                        else:
                            copies += f"{_label(later.id)}'s text matches {_label(earlier.id)}'s fact for fact {langs}; "
        if len(primaries) == 1:
            origin = primaries.pop()
            # one origin under two names ("OPA" in a dateline tag, "Ostrania Press Agency" spelled
            # out in a translation) is one source: the name first met stands for both
            # (by the names' table or initials only: "Pravda" and "Ukrainska Pravda" are two outlets)
            origin = next((o for o in by_origin if same_outlet_name(origin, o, settings)), origin)
            # only the members that name the origin themselves cite it: a copy that put "сообщают
            # СМИ" where its source wrote "сообщает Financial Times" copies the text, and says so,
            # but credits no one (QA pass 17)
            cited = _who_cites(members, primary_of, _label, origin, chain_of)
            why = f"{copies}{cited}" if cited else copies.rstrip("; ")
            if any(names_outlet(origin, a) for a in members):  # the agency's own copy: it cites no one
                why = f"{why}; {origin}'s own report" if why else f"{origin}'s own report"
            g = SourceGroup([a.id for a in members], origin, why)
            by_origin.setdefault(origin, []).append(g)
        else:
            # "own reporting": no origin is named because the outlet is the source, not "unsourced"
            # relays of one statement name their source: they are no one's "own reporting"
            relayed_only = relays and relays == len(members) - 1
            why = copies + ("" if relayed_only else "own reporting (cites no single origin)" if not primaries
                            else f"{_who_cites(members, primary_of, _label)}: several origins")
            uncited.append((members, copies, SourceGroup([a.id for a in members], None, why.strip("; "))))
    uncited = _one_outlets_reports(uncited, _label, settings)
    # The origin's own report (Harbor Wire's story, which cites no one: it is the source) joins
    # the outlets that cite it, or a wire story and its rewrites would count as two sources.
    independent: list[SourceGroup] = []
    for members, copies, g in uncited:
        origin = next((o for o in by_origin if any(names_outlet(o, a) for a in members)), None)
        if origin is None:
            independent.append(g)
        else:
            by_origin[origin].insert(0, SourceGroup(g.article_ids, origin, f"{copies}{origin}'s own report"))
    out: list[SourceGroup] = []
    for origin, groups in by_origin.items():
        ids = [i for g in groups for i in g.article_ids]
        # the origin's own reports, met in several groups, are said once
        reasons = "; ".join(dict.fromkeys(part for g in groups for part in g.reason.split("; ")))
        out.append(SourceGroup(ids, origin, f"{reasons}: one source ({origin})"))
    out.extend(independent)
    return len(out), out


def _origin_chains(articles: Sequence[Article], primary_of: Mapping[str, str | None]) -> dict[str, list[str]]:
    """Each cited origin -> the origins it leads to through the story's own members: "Reuters" ->
    ["Reuters", "RIA Novosti"] when every article of Reuters in the story rests on RIA Novosti.
    The chain stops at an origin with no article in the story, one of whose articles cite no one
    or several origins between them (its own reporting may be what was cited), and before a loop."""
    chains: dict[str, list[str]] = {}
    for start in dict.fromkeys(p for p in primary_of.values() if p):
        chain = [start]
        while True:
            own = [a for a in articles if names_outlet(chain[-1], a)]
            leads = {primary_of[a.id] for a in own}
            step = leads.pop() if len(leads) == 1 else None
            if not own or step is None or step in chain:
                break
            chain.append(step)
        chains[start] = chain
    return chains


def _one_outlets_reports(uncited: list[tuple[list[Article], str, SourceGroup]], label: Callable[[str], str],
                         settings: IndependenceSettings) -> list[tuple[list[Article], str, SourceGroup]]:
    """Groups that cite no single origin joined when they are one outlet's: a wire flash and its
    update at a new URL, an outlet's Ukrainian, Russian and English editions of one report ("УНН",
    "УНН", "UNN") are that outlet's reporting, one source, not one each (QA pass 19b)."""
    uf = UnionFind(range(len(uncited)))
    for i in range(len(uncited)):
        for j in range(i + 1, len(uncited)):
            if uf.find(i) != uf.find(j) and any(one_outlet(a, b, settings) for a in uncited[i][0] for b in uncited[j][0]):
                uf.union(i, j)
    out = []
    for idx in uf.groups().values():
        if len(idx) == 1:
            out.append(uncited[idx[0]])
            continue
        members = [a for k in idx for a in uncited[k][0]]
        copies = "".join(uncited[k][1] for k in idx)
        reasons = "; ".join(dict.fromkeys(part for k in idx for part in uncited[k][2].reason.split("; ")))
        why = f"one outlet ({label(members[0].id)}), {reasons}"  # shown after the members' labels
        out.append((members, copies, SourceGroup([a.id for a in members], None, why)))
    return out


_OUTLET_NAME_WORD = re.compile(r"[^\W_]+")  # a word of an outlet's name, any script ("Лента", "ру")


def one_outlet(a: Article, b: Article, settings: IndependenceSettings | None = None) -> bool:
    """Whether two articles are one outlet's: one name in any script or language ("УНН" / "UNN",
    "Интерфакс" / "Interfax", "Лента.ру" / "Lenta.ru"), or one site. Two outlets each on a site
    of its own name are two, whatever their names share ("DW" at dw.com, "Die Welt" at welt.de;
    round 19's review); one host is one outlet's only when it names the articles' outlets, or,
    where they name none, when it is no platform (``IndependenceSettings.platform_hosts``) that
    serves many outlets' pages."""
    settings = settings or IndependenceSettings()
    host_a, host_b = outlet_from_url(a.url), outlet_from_url(b.url)
    name_a, name_b = _named_outlet(a, host_a), _named_outlet(b, host_b)
    site_a, site_b = (_site(h) if h else None for h in (host_a, host_b))
    if (site_a and site_b and site_a != site_b and name_a and name_b and _site_of(host_a, name_a)
            and _site_of(host_b, name_b) and not _one_known_outlet(name_a, name_b)):
        return False  # the aliases' table still knows one outlet's two sites ("BBC": bbc.com, bbc.co.uk)
    if name_a and name_b and same_outlet_name(name_a, name_b, settings):
        return True
    if not site_a or site_a != site_b or _platform(host_a, settings) or _platform(host_b, settings):
        return False
    if name_a or name_b:
        return all(n is None or _site_of(host_a, n) for n in (name_a, name_b))
    # with no names, one host ("alice.blogspot.com" and "bob.blogspot.com" are two)
    return host_a == host_b


def _one_known_outlet(x: str, y: str) -> bool:
    if known_origin(x) and canonical_origin(x).casefold() == canonical_origin(y).casefold():
        return True
    known = own_outlet(x)  # a service of one ("BBC News Україна" at bbc.com, "BBC" at bbc.co.uk)
    return bool(known) and known == own_outlet(y)


def _named_outlet(article: Article, host: str | None) -> str | None:
    """The article's outlet's name, None when it has none but its URL's host (extraction's last
    resort, ``extract._outlet``)."""
    name = article.outlet if isinstance(article.outlet, str) else None
    if not name or not name.strip() or (host and name.strip().lower() in (host, "www." + host)):
        return None
    return name


def _platform(host: str, settings: IndependenceSettings) -> bool:
    return any(host == p or host.endswith("." + p) for p in settings.platform_hosts)


def _site(host: str) -> str:
    """The domain a site registered: "pravda.com.ua" of "www.pravda.com.ua", "yahoo.co.jp" of
    "news.yahoo.co.jp", "wp.pl" of "wiadomosci.wp.pl"."""
    labels = host.split(".")
    keep = 3 if len(labels) >= 3 and labels[-2] in SUFFIX_LABELS else 2
    return ".".join(labels[-keep:])


def _site_of(host: str, name: str) -> bool:
    """Whether ``host`` is the site of the outlet ``name``: its registered label is the name's
    initials or its letters ("dw.com": "DW", "Deutsche Welle"; "unn.ua": "УНН"), begins them, two
    letters or more ("rbc.ua": "RBC-Ukraine"; "t.me" is no "TASS"), or, four letters or more, stands in them ("welt.de": "Die Welt";
    "pravda.com.ua": "Українська правда") or they begin it ("sputniknews.com": "Sputnik"), compared by sound across scripts ("interfax.ru":
    "Интерфакс")."""
    label = re.sub(r"[^a-z0-9]", "", _site(host).split(".")[0])
    if not label:
        return False
    for spelling in dict.fromkeys((name, canonical_origin(name))):
        if label == initials(spelling):
            return True
        words = _OUTLET_NAME_WORD.findall(spelling.casefold())
        for letters, site in (("".join(words), label), ("".join(sounds(romanised(w)) for w in words), sounds(label))):
            if len(site) >= 2 and (letters.startswith(site) or (len(site) >= 4 and site in letters)
                                   or (len(letters) >= 4 and site.startswith(letters))):
                return True
    return False


def same_outlet_name(x: str, y: str, settings: IndependenceSettings | None = None) -> bool:
    """Whether two outlet names name one outlet: the same known outlet in the aliases' table
    (``origins.canonical_origin``: "УНН" and "UNN", "Українська правда" and "Украинская правда"),
    one written by its initials where neither is a known outlet ("OPA", "Ostrania Press Agency";
    "DW" is Deutsche Welle, not Die Welt), or, in two scripts, the same two or more words spelled
    alike (``lexicon.names.alike``, their sounds romanised: "Новая газета" / "Novaya Gazeta"; one
    word alone is often a common noun several outlets are named: "Газета" / "Gazeta", "Фокус" /
    "Focus")."""
    settings = settings or IndependenceSettings()
    if not isinstance(x, str) or not isinstance(y, str) or _platform(x.strip().lower(), settings):
        return False
    cx, cy = canonical_origin(x).casefold(), canonical_origin(y).casefold()
    if not cx or not cy:
        return False
    if cx == cy:
        return True
    # one known outlet under a site's or a service's name: "Suspilne News" / "Суспільне", "BBC News
    # Україна" / "BBC", "Reuters Canada" / "Reuters"
    known_x = own_outlet(x)
    if known_x and known_x == own_outlet(y):
        return True
    # one written by its initials ("OPA", "Ostrania Press Agency"); not by its last word, as a citation
    # may name it ("the Courier"): "Pravda" and "Ukrainska Pravda" are two outlets. A known outlet's
    # short names are in the table: "WP" is not The Washington Post's
    for short, full in ((x.strip(), y), (y.strip(), x)):
        if (2 <= len(short) <= 6 and short.isupper() and " " in full.strip() and short.lower() == initials(full)
                and not known_origin(short) and not known_origin(full)):
            return True
    wx, wy = _OUTLET_NAME_WORD.findall(cx), _OUTLET_NAME_WORD.findall(cy)
    cyrillic_x, cyrillic_y = (any("\u0400" <= ch <= "\u04ff" for ch in c) for c in (cx, cy))
    return (cyrillic_x != cyrillic_y and len(wx) == len(wy) >= 2
            and all(alike(p, q) for p, q in zip(wx, wy)))


def names_outlet(origin: str, article: Article) -> bool:
    """Whether the cited ``origin`` is ``article``'s own outlet, its name in any script."""
    return bool(article.outlet) and (is_outlet_of(origin, article.outlet) or same_outlet_name(origin, article.outlet))


def _who_cites(members: Sequence[Article], primary_of: Mapping[str, str | None], label: Callable[[str], str],
               origin: str | None = None, chain_of: Mapping[str, list[str]] | None = None) -> str:
    """"A and B cite Reuters; C cites Bild": each member with the origin it rests on itself (the
    group's ``origin``, when given, under that one name; "Reuters, which cites RIA Novosti" when
    it is reached through another member, ``chain_of``), the origin's own outlet left out."""
    by_origin: dict[str, list[str]] = {}
    for a in members:
        own = primary_of.get(a.id)
        if own is None or (origin is not None and names_outlet(origin, a)):
            continue
        chain = (chain_of or {}).get(own, [own])
        name = origin if origin is None or len(chain) == 1 else ", which cites ".join([*chain[:-1], origin])
        by_origin.setdefault(name or own, []).append(label(a.id))
    return "; ".join(f"{' and '.join(who)} {'cite' if len(who) > 1 else 'cites'} {name}" for name, who in by_origin.items())


def story_origins(articles: Sequence[Article]) -> list[str]:
    """Every origin cited in the story, most cited (by number of articles) first."""
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    for k, a in enumerate(articles):
        for name in {o.name for o in a.origins}:
            counts[name] = counts.get(name, 0) + 1
            first.setdefault(name, k)
    return sorted(counts, key=lambda n: (-counts[n], first[n], n))


__all__ = ["independent_sources", "primary_origin", "story_origins", "syndication_groups", "Origin"]
