"""The self-contained HTML report. Jinja2 with autoescape on: every string that came from an
article (titles, quotes, outlet names, URLs) is escaped; nothing from an article is marked safe.
The report shows each story through the web app's own template (``_story.html``) and stylesheet."""

from __future__ import annotations

import re
from collections.abc import Sequence
from importlib import resources
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup

from storydiff.records import Article, Failure, Story
from storydiff.serve import format as fmt
from storydiff.serve.view import build_view

# Bidirectional overrides and isolates (U+202A-U+202E, U+2066-U+2069): one in an outlet's name
# would mirror everything printed after it on the page. Escaping leaves them in; this drops them.
_BIDI_CONTROLS = dict.fromkeys([*range(0x202A, 0x202F), *range(0x2066, 0x206A)])
# Looked for before translating: finalize sees each macro's whole output again (a story page's
# sections, nested), and str.translate with a dict looks up every character in Python's dict
# (0.4 s of 1.2 s for eight pages of 50-70 articles); a page with none is returned as it came
_HAS_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]").search


def without_bidi_controls(value: object) -> object:
    """Every value a template prints, with bidi controls removed from strings (Jinja finalize)."""
    if isinstance(value, str) and _HAS_BIDI_CONTROL(value):
        return value.translate(_BIDI_CONTROLS)
    return value


def safe_url(url: str | None) -> str | None:
    """Only http(s) links become hrefs: a ``javascript:`` URL in a feed must not be clickable."""
    if url and url.lower().startswith(("http://", "https://")):
        return url
    return None


# A language tag as BCP 47 writes one ("uk", "pt-BR", "zh-Hant"): anything else an export's
# "language" field carries is left out rather than printed into the attribute.
_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


def lang_attr(language: str | None) -> Markup:
    """` lang="uk"` for an element holding an article's own words, so a browser, a screen reader
    and a translator read a Ukrainian quote on an English page as Ukrainian; nothing when the
    language is unknown or no language tag."""
    if isinstance(language, str) and _LANGUAGE_TAG.fullmatch(language):
        return Markup(' lang="%s"') % language
    return Markup("")


def article_href(article_id: str) -> str:
    """The link to an article's page. Ids come from users' exports: one with a "." or ".." path
    segment would be resolved away by the browser, so such an id goes in the query string."""
    if any(part in (".", "..") for part in article_id.split("/")):
        return "/article?id=" + quote(article_id, safe="")
    return "/articles/" + quote(article_id, safe="/")


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
    env.filters["article_href"] = article_href
    env.filters["lang_attr"] = lang_attr
    env.filters["when"] = fmt.when
    env.filters["revision_times"] = fmt.revision_times
    env.filters["edits_heading"] = fmt.edits_heading
    env.filters["plural"] = fmt.plural
    env.filters["snippet"] = fmt.snippet
    env.globals["FIDELITY_MEANING"] = fmt.FIDELITY_MEANING
    env.globals["FIRST_REPORTED"] = fmt.FIRST_REPORTED
    env.globals["FIRST_REPORTED_MEANING"] = fmt.FIRST_REPORTED_MEANING
    return env


_env = template_env()


def render_html(
    stories: Sequence[Story],
    articles: Sequence[Article],
    failures: Sequence[Failure] = (),
    title: str = "storydiff report",
    edits: dict[str, list] | None = None,
) -> str:
    views = [build_view(s, articles, edits) for s in stories]
    return _env.get_template("report.html").render(
        title=title, views=views, articles=articles, failures=failures, css=report_css(), favicon=favicon_data_url()
    )


def favicon_data_url() -> str:
    """The web app's icon as a data: URL, for the one-file report."""
    svg = (resources.files("storydiff.serve") / "static" / "favicon.svg").read_text(encoding="utf-8")
    return "data:image/svg+xml," + quote(svg.strip(), safe="")


def report_css() -> Markup:
    """The web app's stylesheet, inlined: the report is one file that looks like the story page.
    Our own file, not article text, so it is marked safe; a "</style" in it would end the block."""
    css = (resources.files("storydiff.serve") / "static" / "web.css").read_text(encoding="utf-8")
    if "</" in css:
        raise ValueError("web.css must not contain '</': inlined in <style>, it would end the block")
    return Markup(css)
