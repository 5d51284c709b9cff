"""analyze: fill an Article's sentences, entities, direct quotes (with speakers) and cited origins.

The lexical part (sentences, origins) is rule-based and fast. Entities and speakers need the
spaCy parse, which costs ~0.1 s per article, so ``analyze_articles`` parses in one
``nlp.pipe`` batch and only when ``deep`` is asked for (compare and show do; ingest's
matching path does not). Articles in uk, ru, de, pl, fr, es or it are not parsed: the English
parser reads neither their names nor their attributions, and rules find their speakers.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from storydiff.analyze.sentences import sentence_spans
from storydiff.records import Article, Entity

__all__ = ["analyze_article", "analyze_articles", "sentence_spans"]

ENTITY_LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT", "FAC", "LAW", "PRODUCT", "WORK_OF_ART"}
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


def _fill(article: Article, doc) -> Article:
    from storydiff.analyze.origins import find_origins

    article.sentences = sentence_spans(article.text)
    article.origins = find_origins(article.text, outlet=article.outlet)
    if doc is _NO_PARSE:  # another language: quotes and speakers by that language's rules
        from storydiff.analyze.quotes import find_quotes

        article.quotes = find_quotes(article.text, language=article.language)
    elif doc is not None:
        from storydiff.analyze.quotes import find_quotes

        article.entities = _entities(doc)
        full = len(doc.text) == len(article.text)
        article.quotes = find_quotes(article.text, doc=doc if full else None, language=article.language)
    return article


# The English parse reads neither the names nor the attributions of the languages the speaker
# rules cover (analyze.speakers_multilingual): their articles are not parsed (entities stay empty).
_NO_PARSE = object()


def _parsed_in_english(article: Article) -> bool:
    from storydiff.analyze.speakers_multilingual import language_rules

    return language_rules(article.language) is None


def analyze_article(article: Article, *, deep: bool = True) -> Article:
    """Analyze one article in place and return it."""
    return next(analyze_articles([article], deep=deep))


def analyze_articles(articles: Iterable[Article], *, deep: bool = True, batch_size: int = 32) -> Iterator[Article]:
    """Analyze a stream of articles, parsing them with spaCy in batches when ``deep``."""
    if not deep:
        for a in articles:
            yield _fill(a, None)
        return
    from storydiff.analyze.nlp import get_nlp

    nlp = get_nlp()
    batch: list[Article] = []

    def flush():
        english = [a for a in batch if _parsed_in_english(a)]
        docs = iter(nlp.pipe([a.text[:MAX_PARSE_CHARS] for a in english], batch_size=batch_size))
        for a in batch:
            yield _fill(a, next(docs) if _parsed_in_english(a) else _NO_PARSE)
        batch.clear()

    for a in articles:
        batch.append(a)
        if len(batch) >= batch_size:
            yield from flush()
    if batch:
        yield from flush()
