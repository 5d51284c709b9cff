"""The terminal report (Rich). Article text is printed as Text objects, never as markup,
so a headline containing "[bold red]" or an escape sequence is shown, not obeyed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storydiff.records import Article, Failure, Story
from storydiff.serve.html import without_bidi_controls
from storydiff.serve.view import StoryView, build_view

FIDELITY_STYLE = {"verbatim": "green", "edited": "yellow", "reworded": "magenta", "only_here": "dim"}


def _clean(s: str | None) -> str:
    """Drop control characters (terminal escape sequences, bidi overrides) from untrusted text."""
    if not s:
        return ""
    s = without_bidi_controls(s)
    return "".join(ch for ch in s if ch in "\n\t" or ord(ch) >= 32 and not 0x7F <= ord(ch) < 0xA0)


def diff_text(diff: Sequence[Sequence[str]], marks: bool = False) -> Text:
    """A word diff: cut words red and struck through, added words green; with ``marks`` (no
    colour: a pipe, a file, NO_COLOR) in git's word-diff notation, [-cut-] {+added+}."""
    t = Text()
    for op, words in diff:
        if op == "=":
            t.append(_clean(words) + " ")
        elif op == "-":
            t.append(f"[-{_clean(words)}-] " if marks else _clean(words) + " ", style="red strike")
        else:
            t.append(f"{{+{_clean(words)}+}} " if marks else _clean(words) + " ", style="green underline")
    return t


def render_story(view: StoryView, marks: bool = False) -> Group:
    s = view.story
    parts = []
    head = Text()
    head.append(_clean(view.headline), style="bold")
    n = len(view.articles)
    head.append(f"\nstory {s.id} · {n} article{'s' * (n != 1)} · ")
    head.append(f"{s.independent_sources} independent source{'s' if s.independent_sources != 1 else ''}", style="bold cyan")
    if s.origins:
        head.append(" · origins cited: " + _clean(", ".join(s.origins)))
    parts.append(head)

    arts = Table(show_header=True, header_style="bold", expand=True, title="Articles (first report first)")
    for col in ("outlet", "title", "published", "dateline", "cites"):
        arts.add_column(col)
    for a in view.articles:
        arts.add_row(
            Text(_clean(view.label[a.id])),
            Text(_clean(a.title or "")),
            Text(a.published or "—"),
            Text(_clean(a.dateline or "—")),
            Text(_clean(", ".join(a.cited_origins)) or "—"),
        )
    parts.append(arts)

    why = Text("Independent sources:\n", style="bold")
    for g in s.source_groups:
        who = ", ".join(view.label.get(i, i) for i in g.article_ids)
        why.append(f" • {_clean(who)}: {_clean(g.reason)}\n")
    parts.append(why)

    if view.shared_quotes:
        qt = Table(title="Quotes carried by several outlets", expand=True, show_lines=True)
        qt.add_column("speaker", overflow="fold", min_width=11, max_width=18)  # a name's words whole, mostly
        qt.add_column("outlet", overflow="fold", min_width=11, max_width=18)  # folded, never cut to "Eurom…"
        qt.add_column("fidelity", no_wrap=True, min_width=12)  # "first report", "reworded": never cut
        legend = "[-cut-] {+changed/added+}" if marks else "red: cut, green: changed/added"
        qt.add_column(f"wording ({legend} vs the first report)", ratio=5)
        for row in view.shared_quotes:
            for k, v in enumerate(row.versions):
                body = Text(_clean(v["text"])) if k == 0 or not v["diff"] else diff_text(v["diff"], marks)
                qt.add_row(
                    Text(_clean(row.speaker)) if k == 0 else Text(""),
                    Text(_clean(v["outlet"])),
                    Text(v["fidelity"] if k else "first report", style="" if k == 0 else FIDELITY_STYLE.get(v["fidelity"], ""))
                    + Text("".join(f"\n⚠ {c}" for c in v["changes"]), style="bold red"),
                    body,
                )
        parts.append(qt)
        for row in view.shared_quotes:
            if row.speaker_conflict:  # the same words in different mouths: a fact-checker's first question
                parts.append(Text(f"⚠ “{_clean(row.reference)[:80]}”: {_clean(row.speaker_conflict)}", style="yellow"))
    if view.single_quotes:
        t = Text("Quotes only one outlet carries:\n", style="bold")
        for outlet, qs in view.single_quotes.items():
            for speaker, text in qs:
                t.append(f" • [{_clean(outlet)}] {_clean(speaker)}: ", style="dim")
                t.append(f"“{_clean(text)}”\n")
        parts.append(t)

    if view.shared_facts:
        t = Text(
            f"Facts reported by several outlets ({len(view.shared_facts)}, matched by {view.fact_matcher}):\n",
            style="bold",
        )
        for f in view.shared_facts:
            t.append(f" • {_clean(f['text'])}")
            also = f"; in other words: {', '.join(f['reworded_by'])}" if f["reworded_by"] else ""
            t.append(f"  [{_clean(', '.join(f['outlets']) + also)}]", style="dim")
            for c in f["conflicts"]:
                t.append(f"  ⚠ {_clean(c)}", style="bold red")
            t.append("\n")
        parts.append(t)
    for outlet, facts in view.unique_facts.items():
        head = "Facts (one report so far)" if len(view.articles) == 1 else f"Only in {_clean(outlet)}"
        t = Text(f"{head} ({len(facts)}):\n", style="bold")
        for f in facts:
            t.append(f" • {_clean(f)}\n")
        parts.append(t)
    return Group(*parts)


def print_report(
    console: Console, stories: Sequence[Story], articles: Sequence[Article], failures: Sequence[Failure] = ()
) -> None:
    n_a, n_s = len(articles), len(stories)
    console.print(Text(f"{n_a} article{'s' * (n_a != 1)} → {n_s} stor{'y' if n_s == 1 else 'ies'}", style="bold"))
    for s in stories:
        marks = console.color_system is None  # no colour to show the diff: mark it in the text
        console.print(Panel(render_story(build_view(s, articles), marks), expand=True))
    for f in failures:
        console.print(Text(f"error: {_clean(f.source)}: {_clean(f.reason)}", style="red"))
