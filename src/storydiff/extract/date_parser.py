"""dateparser held to the languages a page's dates can be written in.

Asked without a language list, dateparser tries each of its ~200 locales in turn on a string
that the first ones cannot read ("Published 12 March 2021": a label before the date), and the
first such string in a process compiles every locale's patterns: ~9 s of CPU, paid again in each
worker process, and most of what `storydiff ingest` spent on AEB's 181 pages (BENCHMARKS §11).
A date on a page is written in the page's own language or in English; where the language is
not known, in one of the languages storydiff is built for. With that list the same string costs
~0.3 s the first time and microseconds after.

htmldate's extensive date search hands its last strings to a dateparser of its own
(``htmldate.extractors.get_external_parser``, every locale); ``page_languages`` installs the
held parser in its place for the page being read, with htmldate's own settings.
"""

from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from datetime import datetime
from functools import lru_cache

# The languages storydiff is built for (README): a date of a page whose language is unknown is
# read in these. Each language a string is tried in costs ~0.05 s of pattern compilation once
# per process.
DEFAULT_LANGUAGES = ("en", "uk", "ru", "de", "pl", "fr", "es")

# htmldate's settings for its external parser (htmldate.extractors.get_external_parser, 1.9+)
_HTMLDATE_SETTINGS = {
    "NORMALIZE": True,
    "PARSERS": ["custom-formats", "absolute-time"],
    "PREFER_DATES_FROM": "past",
    "PREFER_LOCALE_DATE_ORDER": True,
    "RETURN_AS_TIMEZONE_AWARE": False,
    "STRICT_PARSING": True,
}

# the language of the page being read (None: not known); resolved only when htmldate asks
_page_language: contextvars.ContextVar[str | None] = contextvars.ContextVar("storydiff_page_language", default=None)


@lru_cache(maxsize=1)
def _known_languages() -> frozenset[str]:
    from dateparser.data.languages_info import language_order  # a list: no locale is loaded

    return frozenset(language_order)


def languages_for(language: str | None) -> tuple[str, ...]:
    """The languages to read a date in: ``language`` (an ISO 639-1 code or a tag such as
    "en-GB") and English when dateparser knows it, else DEFAULT_LANGUAGES."""
    code = (language or "").split("-")[0].split("_")[0].strip().lower()
    if code and code in _known_languages():
        return (code,) if code == "en" else (code, "en")
    return DEFAULT_LANGUAGES


def parse(text: str, language: str | None = None, settings: dict | None = None) -> datetime | None:
    """``dateparser.parse`` in the languages ``languages_for(language)`` names."""
    import dateparser

    return dateparser.parse(text, languages=list(languages_for(language)), settings=settings)


@lru_cache(maxsize=32)
def _htmldate_parser(languages: tuple[str, ...]):
    from dateparser import DateDataParser

    return DateDataParser(languages=list(languages), settings=dict(_HTMLDATE_SETTINGS))


def _held_external_parser():
    return _htmldate_parser(languages_for(_page_language.get()))


def _install() -> None:
    try:
        from htmldate import extractors
    except ImportError:
        return
    if callable(getattr(extractors, "get_external_parser", None)):
        # htmldate looks the function up by name at each call: its module attribute is the hook
        extractors.get_external_parser = _held_external_parser


_last_language: list[str | None] = [None]  # the language of the page read before this one


def _forget_other_languages_dates(language: str | None) -> None:
    """htmldate keeps what each date string parsed to (``try_date_expr``, an lru_cache keyed by
    the string alone): a string one page's languages could not read would stay unread on a page in
    another language, and the result would depend on the order of the pages."""
    if language == _last_language[0]:
        return
    _last_language[0] = language
    try:
        from htmldate import extractors
    except ImportError:
        return
    clear = getattr(getattr(extractors, "try_date_expr", None), "cache_clear", None)
    if callable(clear):
        clear()


@contextlib.contextmanager
def page_languages(language: str | None) -> Iterator[None]:
    """Within the block, htmldate's dateparser reads dates in ``languages_for(language)``."""
    _forget_other_languages_dates(language)
    token = _page_language.set(language)
    try:
        yield
    finally:
        _page_language.reset(token)


def warm_up() -> None:
    """Build what a process's first page without a date tag builds (dateparser's time-zone
    patterns and its English locale, htmldate's month names of every locale: ~0.3 s of CPU), for
    worker processes forked after it to share: each would otherwise build its own."""
    _htmldate_parser(languages_for("en")).get_date_data("Published 3 March 2024")
    try:
        from htmldate import extractors
    except ImportError:
        return
    month_words = getattr(extractors, "month_words", None)  # htmldate 1.10+: every locale's months
    if callable(month_words):
        month_words()


_install()
