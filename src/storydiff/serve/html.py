"""The self-contained HTML report. Jinja2 with autoescape on: every string that came from an
article (titles, quotes, outlet names, URLs) is escaped; nothing is marked safe."""

from __future__ import annotations

from collections.abc import Sequence

from jinja2 import Environment, PackageLoader, select_autoescape

from storydiff.records import Article, Failure, Story
from storydiff.serve.view import build_view

_env = Environment(
    loader=PackageLoader("storydiff.serve", "templates"),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs: a ``javascript:`` URL in a feed must not be clickable."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


_env.filters["safe_url"] = safe_url


def render_html(
    stories: Sequence[Story], articles: Sequence[Article], failures: Sequence[Failure] = (), title: str = "storydiff report"
) -> str:
    views = [build_view(s, articles) for s in stories]
    return _env.get_template("report.html").render(title=title, views=views, articles=articles, failures=failures)
