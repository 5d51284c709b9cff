"""The self-contained HTML report. Jinja2 with autoescape on: every string that came from an
article (titles, quotes, outlet names, URLs) is escaped; nothing is marked safe."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from storydiff.records import Article, Failure, Story
from storydiff.serve.view import build_view

# Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): one in an outlet's name
# would mirror everything printed after it on the page. Escaping leaves them in; this drops them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])


def without_bidi_controls(value: object) -> object:
    """Every value a template prints, with bidi controls removed from strings (Jinja finalize)."""
    return value.translate(_BIDI_CONTROLS) if isinstance(value, str) else value


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs: a ``javascript:`` URL in a feed must not be clickable."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


def template_env() -> Environment:
    """The templates' environment for the report and the web app: autoescape on, bidi controls
    dropped from every printed value, only http(s) URLs as links."""
    env = Environment(
        loader=PackageLoader("storydiff.serve", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=without_bidi_controls,
    )
    env.filters["safe_url"] = safe_url
    return env


_env = template_env()


def render_html(
    stories: Sequence[Story], articles: Sequence[Article], failures: Sequence[Failure] = (), title: str = "storydiff report"
) -> str:
    views = [build_view(s, articles) for s in stories]
    return _env.get_template("report.html").render(title=title, views=views, articles=articles, failures=failures)
