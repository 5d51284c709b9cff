"""analyze: fill an Article's sentences, entities, direct quotes (with speakers) and cited origins.

The lexical part (sentences, origins) is rule-based and fast. Entities and speakers need the
spaCy parse, which costs ~0.1 s per article, so ``analyze_articles`` parses in batches, only when
``deep`` is asked for (compare and show do; ingest's matching path does not), and only what is
read: the articles that have quotes, and the NER alone for entities. Articles in uk, ru, de, pl,
fr, es or it are not parsed: the English parser reads neither their names nor their
attributions, and rules find their speakers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storydiff.analyze.sentences import sentence_spans
from storydiff.records import Article, Entity, Quote

__all__ = ["analyze_article", "analyze_articles", "analyzer_id", "quotes_without_parse", "sentence_spans", "warm_up"]

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}
# Bumped when the quote or speaker rules change what a stored parse says, so that stored parses
# are read again (2: names read up to the paragraph after the last quote only; 3: ru/uk words that
# open an attribution are no names, first names leave the genitive; 4: "Он добавил" is the speaker just named;
# 5: session 16's dialogue-dash and colon quotes, gender agreement, anonymous attributions, German roles;
# 6: QA pass 18's places, platforms and broadcasters after a preposition, "er" as the sentence's subject,
# a quote attributed in another language; 7: QA pass 27a's French "a-t-il/elle", verbs and a name's
# particles, "von der Leyen").
# tests/test_multilingual.py keeps a fingerprint of what the rules give under each value.
SPEAKER_RULES = 7
MAX_PARSE_CHARS = 100_000  # beyond this spaCy's memory grows fast; long documents are parsed in part


def _entities(doc) -> list[Entity]:
    seen: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ENTITY_LABELS:
            continue
        name = " ".join(ent.text.split()).strip(" .,'’\"")
        if name.lower().startswith("the "):
            name = name[4:]
        if len(name) < 2:
            continue
        seen.setdefault((name, ent.label_), Entity(name, ent.label_))
    return list(seen.values())


def _lexical(article: Article) -> Article:
    from storydiff.analyze.origins import find_origins

    article.sentences = sentence_spans(article.text)
    article.origins = find_origins(article.text, outlet=article.outlet, credit_lines=article.credit_lines)
    return article


def warm_up() -> None:
    """Compile what the lexical pass reads (the origin rules' patterns, the sentence rules' month
    names), for worker processes forked after it to share: each would otherwise compile its own
    at its first article (~0.15 s of CPU)."""
    from storydiff.analyze import origins  # noqa: F401 (its rules compile at import)
    from storydiff.analyze.sentences import _ordinal_noun

    _ordinal_noun()


def analyze_article(article: Article, *, deep: bool = True, entities: bool = True) -> Article:
    """Analyze one article in place and return it."""
    return next(analyze_articles([article], deep=deep, entities=entities))


def analyze_articles(
    articles: Iterable[Article], *, deep: bool = True, entities: bool = True, batch_size: int = 32,
    lexical: bool = True,
) -> Iterator[Article]:
    """Analyze a stream of articles: sentences and cited origins always; when ``deep``, direct
    quotes with their speakers and (with ``entities``) named entities, parsed with spaCy in
    batches. Only what is asked for is parsed: an article without quotes needs no parse for its
    speakers, and entities need only the NER. ``lexical`` False (with ``deep``): quotes and
    entities only, sentences and origins left as they are (a caller that has them, or that
    keeps only the parse)."""
    if not deep:
        for a in articles:
            yield _lexical(a)
        return
    batch: list[Article] = []
    for a in articles:
        batch.append(a)
        if len(batch) >= batch_size:
            yield from _deep(batch, entities, batch_size, lexical)
            batch = []
    if batch:
        yield from _deep(batch, entities, batch_size, lexical)


def quotes_without_parse(article: Article) -> list[Quote]:
    """The article's quotes as far as no parse goes: with their speakers by the rules of its
    language (uk, ru, de, pl, fr, es, it), and in English by the English rules (a one-article
    story of ``compare`` showed its quotes by an "unknown speaker")."""
    from storydiff.analyze.quotes import find_quotes

    return find_quotes(article.text, language=article.language, parse=False)


def _parsed_in_english(article: Article) -> bool:
    from storydiff.analyze.speakers_multilingual import language_rules

    return language_rules(article.language) is None


def _deep(batch: list[Article], entities: bool, batch_size: int, lexical: bool = True) -> list[Article]:
    from storydiff.analyze.nlp import ENTITY_COMPONENTS, SPEAKER_COMPONENTS, parse
    from storydiff.analyze.quotes import find_quotes, quote_spans
    from storydiff.analyze.speakers import speaker_parse_end

    english = [_parsed_in_english(a) for a in batch]
    spans = [quote_spans(a.text) for a in batch]
    # an article with quotes gets the parse its speakers need (its entities come with it); one
    # without gets the NER alone when entities are asked for, else nothing. Without entities, a
    # quoted text is parsed only as far as its speakers are read (speaker_parse_end). A text past
    # MAX_PARSE_CHARS is parsed in part here (entities); find_quotes parses what it lacks.
    parse_end = [
        MAX_PARSE_CHARS if entities else min(MAX_PARSE_CHARS, speaker_parse_end(a.text, sp))
        for a, sp in zip(batch, spans)
    ]
    docs: dict[int, object] = {}
    # (another language's articles get no parse: its rules find their speakers, entities stay empty)
    for wanted, components in (
        ([i for i, sp in enumerate(spans) if sp and english[i]], SPEAKER_COMPONENTS),
        ([i for i, sp in enumerate(spans) if not sp and entities and english[i]], ENTITY_COMPONENTS),
    ):
        docs.update(zip(wanted, parse([batch[i].text[: parse_end[i]] for i in wanted], components, batch_size)))
    for i, a in enumerate(batch):
        if lexical:
            _lexical(a)
        doc = docs.get(i)
        a.entities = _entities(doc) if entities and doc is not None else []
        a.quotes = find_quotes(a.text, doc=doc, language=a.language, spans=spans[i]) if spans[i] else []
    return batch


def analyzer_id() -> str:
    """What a stored parse was made by (``store.codec.analysis_key``): storydiff's version (its
    quote and speaker rules, and SPEAKER_RULES between releases) and the spaCy model's. A change of
    either parses again."""
    from importlib.metadata import PackageNotFoundError, version

    from storydiff import __version__
    from storydiff.analyze.nlp import MODEL

    try:
        model = version(MODEL)
    except PackageNotFoundError:
        model = "?"
    return f"storydiff {__version__} speakers {SPEAKER_RULES}; {MODEL} {model}"
