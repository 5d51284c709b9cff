"""The terminal report (Rich). Article text is printed as Text objects, never as markup,
so a headline containing "[bold red]" or an escape sequence is shown, not obeyed."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import contextmanager

from rich.console import Console, Group
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from storydiff.records import Article, Failure, Story
from storydiff.serve import format as fmt
from storydiff.serve.tty import safe
from storydiff.serve.view import StoryView, build_view

FIDELITY_STYLE = {"verbatim": "green", "edited": "yellow", "reworded": "magenta", "translated": "cyan", "only_here": "dim"}


def _clean(s: str | None) -> str:
    """Untrusted text through the terminal boundary (serve.tty): shown, never obeyed."""
    return safe(s)


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


# Below this width the wide tables give a title or a quote a column too thin to read (seven lines
# for one headline at 80): each article and each quote becomes a block of lines instead. A pipe or
# a file is 80 columns unless COLUMNS says otherwise, so a log gets this layout too.
NARROW_WIDTH = 100
# The articles' table holds six columns, three of them never cut (outlet, time, count): below this
# width it left the title 8-15 columns, one word a line (the demo at 110), so articles are blocks
ARTICLES_TABLE_WIDTH = 120


def _bullets(items: Sequence[Text], bullet: str = "•") -> Table:
    """A list whose items wrap under their own text, not under the bullet."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True)
    grid.add_column(ratio=1, overflow="fold")
    for item in items:
        grid.add_row(Text(f" {bullet}"), item)
    return grid


def _heading(text: str) -> Text:
    return Text("\n" + text, style="bold")


def _disagreements(view: StoryView) -> list:
    found = view.disagreements
    if not found:
        return []
    items = []
    for d in found:
        t = Text(f"⚠ {_clean(d.summary)}", style="bold red")
        for outlet, wording in d.variants.items():
            t.append(f"\n{_clean(outlet)}: ", style="bold")
            t.append(_clean(wording))
        items.append(t)
    return [_heading("Where the reports disagree:"), _bullets(items, "-")]


def _articles_table(view: StoryView, first_here: dict[str, int]) -> Table:
    arts = Table(show_header=True, header_style="bold", expand=True, title="Articles (first report first)")
    # the title gets the room the others leave, at least 24 columns: with "cites" and "dateline" at
    # their natural width a 110-column terminal gave it 8, one word a line (the demo's first table)
    arts.add_column("outlet", overflow="fold", max_width=24)
    arts.add_column("title", ratio=3, min_width=24)
    arts.add_column("published", no_wrap=True)  # "2024-03-11 08:40 UTC": never cut
    arts.add_column("dateline", overflow="fold", max_width=14)
    arts.add_column("cites", ratio=1, overflow="fold", min_width=10, max_width=24)
    arts.add_column(fmt.FIRST_REPORTED, justify="right", max_width=10)
    for a in view.articles:
        arts.add_row(
            Text(_clean(view.label[a.id])),
            Text(_clean(a.title or "")) + (Text(f" ({a.text_from} only)", style="yellow") if a.text_from else Text("")),
            Text(_clean(fmt.when(a.published))),
            Text(_clean(a.dateline or fmt.NO_VALUE)),
            Text(_clean(", ".join(a.cited_origins)) or fmt.NO_VALUE),
            Text(str(first_here.get(a.id, fmt.NO_VALUE))),
        )
    return arts


def _article_blocks(view: StoryView, first_here: dict[str, int]) -> Table:
    """Articles as numbered blocks: outlet and time, the title on its own line, then the rest."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(no_wrap=True, justify="right")
    grid.add_column(ratio=1, overflow="fold")
    for n, a in enumerate(view.articles, start=1):
        t = Text(_clean(view.label[a.id]), style="bold")
        t.append(f" · {_clean(fmt.when(a.published)) if a.published else 'undated'}")
        t.append("\n" + _clean(a.title or "(untitled)"))
        if a.text_from:
            t.append(f" ({a.text_from} only)", style="yellow")
        details = [f"dateline {_clean(a.dateline)}" if a.dateline else ""]
        details.append(f"cites {_clean(', '.join(a.cited_origins))}" if a.cited_origins else "")
        details.append(f"{first_here.get(a.id, 0)} {fmt.FIRST_REPORTED}")
        t.append("\n" + " · ".join(d for d in details if d), style="dim")
        grid.add_row(Text(f" {n}."), t)
    return grid


def _quote_wording(k: int, v: dict, marks: bool) -> Text:
    return Text(_clean(v["text"])) if k == 0 or not v["diff"] else diff_text(v["diff"], marks)


def _quotes_table(view: StoryView, marks: bool, legend: str) -> Table:
    qt = Table(title="Quotes carried by several outlets", caption=legend, caption_justify="left", expand=True,
               show_lines=True)
    qt.add_column("speaker", overflow="fold", min_width=11, max_width=18)  # a name's words whole, mostly
    qt.add_column("outlet", overflow="fold", min_width=11, max_width=18)  # folded, never cut to "Eurom…"
    qt.add_column("fidelity", no_wrap=True, min_width=12)  # "first report", "reworded": never cut
    qt.add_column("wording (vs the first report)", ratio=5)
    for row in view.shared_quotes:
        for k, v in enumerate(row.versions):
            qt.add_row(
                Text(_clean(row.speaker)) if k == 0 else Text(""),
                Text(_clean(v["outlet"])),
                Text(v["fidelity"] if k else "first report", style="" if k == 0 else FIDELITY_STYLE.get(v["fidelity"], ""))
                + Text("".join(f"\n⚠ {c}" for c in v["changes"]), style="bold red"),
                _quote_wording(k, v, marks),
            )
    return qt


def _quote_blocks(view: StoryView, marks: bool, legend: str) -> list:
    """Each shared quote as its speaker, then per outlet a label line and the wording indented."""
    parts: list = [_heading("Quotes carried by several outlets:"), Text(legend, style="dim")]
    for row in view.shared_quotes:
        parts.append(Text("\n " + _clean(row.speaker), style="bold"))
        for k, v in enumerate(row.versions):
            label = Text(f"   {_clean(v['outlet'])}, ")
            label.append(v["fidelity"] if k else "first report", style="" if k == 0 else FIDELITY_STYLE.get(v["fidelity"], ""))
            label.append("".join(f"  ⚠ {c}" for c in v["changes"]), style="bold red")
            same = k > 0 and v["text"] == row.versions[0]["text"]
            if same:  # nothing to read twice
                label.append(" (the same text)", style="dim")
            parts.append(label)
            if not same:
                parts.append(Padding(_quote_wording(k, v, marks), (0, 0, 0, 5)))
    return parts


def render_story(view: StoryView, marks: bool = False, narrow: bool = False, narrow_articles: bool | None = None) -> Group:
    """One story's comparison; ``narrow``: blocks of lines instead of the wide tables
    (``narrow_articles``: for the articles alone; default ``narrow``)."""
    s = view.story
    parts: list = []
    head = Text()
    head.append(_clean(view.headline), style="bold")
    head.append(f"\nstory {safe(s.id, one_line=True)} · {fmt.plural(len(view.articles), 'article')} · ")
    if s.not_compared:  # a story past CompareSettings.max_story_articles
        head.append(f"{fmt.plural(s.not_compared, 'more article')} not compared (the first report of each outlet, "
                    "then the earliest) · ", style="yellow")
    head.append(fmt.plural(s.independent_sources, "independent source"), style="bold cyan")
    if s.origins:
        head.append(" · origins cited: " + _clean(", ".join(s.origins)))
    parts.append(head)
    parts += _disagreements(view)

    first_here = {t["article_id"]: t["new_facts"] for t in s.timeline}
    if narrow or narrow_articles:
        parts += [_heading("Articles (first report first):"), _article_blocks(view, first_here)]
    else:
        parts.append(_articles_table(view, first_here))
    parts.append(Text(f"{fmt.FIRST_REPORTED}: {fmt.FIRST_REPORTED_MEANING}", style="dim"))
    if view.edits:
        parts.append(render_edits(view, marks))

    parts.append(_heading("Independent sources:"))
    parts.append(_bullets([
        Text(_clean(", ".join(view.label.get(i, i) for i in g.article_ids)) + ": ", style="bold") + Text(_clean(g.reason))
        for g in s.source_groups
    ]))

    if view.shared_quotes:
        cut = "[-cut-] {+changed/added+}" if marks else "red: cut, green: changed/added"
        legend = f"wording vs the first report: {cut}; " + ", ".join(
            f"{label}: {meaning}" for label, meaning in fmt.FIDELITY_MEANING.items() if label != "only_here"
        )
        parts += _quote_blocks(view, marks, legend) if narrow else [_quotes_table(view, marks, legend)]
        for row in view.shared_quotes:
            if row.speaker_conflict:  # the same words in different mouths: a fact-checker's first question
                quote = fmt.clipped(_clean(row.reference))
                parts.append(Text(f"⚠ “{quote}”: {_clean(row.speaker_conflict)}", style="yellow"))
    if view.single_quotes:
        parts.append(_heading(f"Quotes only one outlet carries (only_here: {fmt.FIDELITY_MEANING['only_here']}):"))
        parts.append(_bullets([
            Text(f"[{_clean(outlet)}] {_clean(speaker)}: ", style="dim") + Text(f"“{_clean(text)}”")
            for outlet, qs in view.single_quotes.items()
            for speaker, text in qs
        ]))

    if view.shared_facts:
        parts.append(_heading(f"Facts reported by several outlets ({len(view.shared_facts)}, matched by {view.fact_matcher}):"))
        parts.append(_bullets([_shared_fact(f) for f in view.shared_facts]))
    if view.possible_facts:
        parts.append(_heading(f"Possibly the same fact ({len(view.possible_facts)}; not sure: compare the sentences):"))
        parts.append(_bullets([_possible_fact(f) for f in view.possible_facts]))
    for outlet, facts in view.unique_facts.items():
        head = f"Facts ({len(facts)}; one report so far)" if len(view.articles) == 1 else f"Only in {_clean(outlet)} ({len(facts)})"
        parts.append(_heading(f"{head}:"))
        parts.append(_bullets([Text(_clean(f)) for f in facts]))
    return Group(*parts)


def _shared_fact(f: dict):
    """One shared fact: its text, who carries it, any figures that differ, and the evidence: each
    outlet that worded it its own way, with its own sentence and the match score, indented under
    the fact, its lines wrapping under its own start (they fell back to the bullet's column)."""
    t = Text(_clean(f["text"]))
    also = f"; in other words: {', '.join(f['reworded_by'])}" if f["reworded_by"] else ""
    t.append(f"  [{_clean(', '.join(f['outlets']) + also)}]", style="dim")
    for c in f["conflicts"]:
        t.append(f"  ⚠ {_clean(c)}", style="bold red")
    return _with_evidence(t, [("", x) for x in f.get("versions", [])])


def _with_evidence(claim: Text, sentences: list[tuple[str, dict]]):
    """A claim and, indented under it, each other outlet's sentence: "MARK OUTLET (match 0.98): ..."."""
    if not sentences:
        return claim
    lines = []
    for mark, x in sentences:
        line = Text(f"{mark}{_clean(x['outlet'])}{_score(x)}: ", style="dim")
        line.append(_clean(x["text"]), style="italic")
        lines.append(Padding(line, (0, 0, 0, 3)))
    return Group(claim, *lines)


def render_edit(diff, marks: bool = False, indent: str = "   ") -> Text:
    """One revision's changes (compare.revisions.RevisionDiff), a line each."""
    t = Text()

    def line(label: str, body: Text | str, style: str = "") -> None:
        t.append(f"{indent}{label}: ", style="dim")
        t.append(body if isinstance(body, Text) else Text(_clean(body), style=style))
        t.append("\n")

    if diff.from_summary:
        line("note", "the page replaced the feed summary stored while it could not be read (no edit)")
    if diff.published:
        line("published time", f"the page moved it back from {fmt.when(diff.published[0])} to {fmt.when(diff.published[1])} "
                               "(the story keeps the time first read)")
    if diff.headline:
        from storydiff.compare.revisions import text_diff

        before, after = (_clean(x or "") for x in diff.headline)
        line("headline", diff_text(text_diff(before, after) or [("-", before), ("+", after)], marks))
    from storydiff.compare.revisions import figure_label

    for f in diff.figures_changed:
        line(figure_label(f), f["sentence"])
    for q in diff.quotes_removed:
        line("quote removed", diff_text([("-", f"“{q}”")], marks))
    for q in diff.quotes_added:
        line("quote added", diff_text([("+", f"“{q}”")], marks))
    for q in diff.quotes_altered:
        line("quote altered", diff_text(q["diff"], marks))
    for p in diff.paragraphs_removed:
        line("paragraph removed", diff_text([("-", p)], marks))
    for p in diff.paragraphs_added:
        line("paragraph added", diff_text([("+", p)], marks))
    for p in diff.paragraphs_edited:
        line("paragraph edited", diff_text(p["diff"], marks))
    return t


def render_edits(view: StoryView, marks: bool = False) -> Text:
    """"Edited after publication": each edited article's revisions, what changed in each."""
    t = Text(f"{fmt.edits_heading(view.edits)}:\n", style="bold yellow")
    for aid, diffs in view.edits.items():
        for d in diffs:
            t.append(f" • {_clean(view.label.get(aid, aid))}", style="bold")
            if d.taken_down:
                t.append(f": taken down by the outlet (HTTP {d.taken_down['status']}, seen {fmt.when(d.taken_down['at'])}); "
                         f"its last text, revision {d.number}, is kept\n", style="bold red")
                continue
            t.append(f", revision {d.number} ({fmt.revision_times(d)}): ")
            t.append(_clean("; ".join(d.summary()) or "no change to the text"), style="yellow")
            t.append("\n")
            t.append_text(render_edit(d, marks))
    return t


def _possible_fact(f: dict):
    """One outlet's fact beside the sentences of other outlets that may say the same."""
    t = Text(f"[{_clean(f['outlet'])}] ", style="dim") + Text(_clean(f["text"]))
    return _with_evidence(t, [("? ", x) for x in f["candidates"]])


def _score(version: dict) -> str:
    """How sure the match is, named: a bare "(0.98)" said nothing to a reader; and, for a sentence
    matched to the fact through another outlet's sentence in its own language, whose (several
    sentences then show that sentence's one number: QA pass 27c, 8)."""
    if not isinstance(version.get("score"), (int, float)):
        return ""
    via = f" via {_clean(version['via'])}" if version.get("via") else ""
    return f" (match {version['score']:.2f}{via})"


def print_report(
    console: Console,
    stories: Sequence[Story],
    articles: Sequence[Article],
    failures: Sequence[Failure] = (),
    edits: dict[str, list] | None = None,
    singles_in_full: bool = True,
) -> None:
    """The comparison of ``stories``: framed wide tables on a wide terminal, blocks of lines below
    NARROW_WIDTH; without colour (a pipe, a file) diffs are marked in the text and no line ends in
    the padding that tables and indents leave, so a log file holds just the text.

    ``singles_in_full`` False: in a report of several stories, those of one article (nothing to
    compare yet) are listed a line each after the others instead of printed whole; printed whole
    they were most of a batch's report (181 AEB pages: 108 such stories, every sentence a bullet,
    19,000 lines) and a third of `compare`'s time went to laying them out."""
    marks = console.color_system is None  # no colour to show the diff: mark it in the text
    singles: list[Story] = []
    if not singles_in_full and len(stories) > 1:
        singles = [s for s in stories if len(s.article_ids) == 1]
        stories = [s for s in stories if len(s.article_ids) != 1]
    with plain_lines(console):
        _print_report(console, stories, articles, failures, marks, edits, singles)


@contextmanager
def plain_lines(console: Console):
    """Without colour (a pipe, a file, NO_COLOR), what is printed inside comes out with no line
    ending in the spaces that tables and indents pad it with: a log file holds just the text."""
    if console.color_system is not None:
        yield
        return
    with console.capture() as captured:
        yield
    console.file.write("\n".join(line.rstrip() for line in captured.get().split("\n")))


def _print_report(console: Console, stories, articles, failures, marks: bool, edits=None, singles=()) -> None:
    total = len(stories) + len(singles)
    console.print(Text(f"{fmt.plural(len(articles), 'article')} → {fmt.plural(total, 'story', 'stories')}", style="bold"))
    narrow = console.width < NARROW_WIDTH
    for s in stories:
        story = render_story(build_view(s, articles, edits), marks, narrow, console.width < ARTICLES_TABLE_WIDTH)
        if narrow:  # no frame: its border would take 4 of the few columns, and fill a log with rules
            console.print()
            console.rule(style="bold")
            console.print(story)
        else:
            console.print(Panel(story, expand=True))
    if singles:
        console.print(_heading(f"Stories of one article ({len(singles)}; nothing to compare yet; `compare --deep` prints each in full):"))
        console.print(_singles_list(singles, articles, narrow))
    for f in failures:
        console.print(Text(f"error: {safe(f.source, one_line=True)}: {safe(f.reason, one_line=True)}", style="red"))


def _singles_list(stories: Sequence[Story], articles: Sequence[Article], narrow: bool):
    """Stories of one article, one row (or block) each: outlet, time, title, what it holds."""
    by_id = {a.id: a for a in articles}

    def holds(s: Story) -> str:
        return " · ".join(x for x in (fmt.plural(len(s.facts), "fact"), fmt.plural(len(s.quotes), "quote") if s.quotes else "",
                                      ("cites " + ", ".join(s.origins)) if s.origins else "") if x)

    if not narrow:
        t = Table(show_header=True, header_style="bold", expand=True)
        t.add_column("outlet", overflow="fold", max_width=24)
        t.add_column("published", no_wrap=True)
        t.add_column("title", ratio=3)
        t.add_column("holds", ratio=1)
        t.add_column("story", no_wrap=True)
        for s in stories:
            a = by_id.get(s.article_ids[0])
            t.add_row(Text(_clean((a.outlet if a else None) or fmt.NO_VALUE)), Text(_clean(fmt.when(a.published if a else None))),
                      Text(_clean((a.title if a else None) or "(untitled)")), Text(_clean(holds(s))), Text(safe(s.id, one_line=True)))
        return t
    blocks = []
    for s in stories:
        a = by_id.get(s.article_ids[0])
        head = Text(_clean((a.outlet if a else None) or "outlet unknown"), style="bold")
        head.append(f" · {_clean(fmt.when(a.published)) if a and a.published else 'undated'} · {safe(s.id, one_line=True)}")
        blocks += [head, Padding(Text(_clean((a.title if a else None) or "(untitled)")), (0, 0, 0, 2)),
                   Padding(Text(_clean(holds(s)), style="dim"), (0, 0, 0, 2))]
    return Group(*blocks)


# The story list's table holds an id, two 20-character times, outlets and a title: narrower than
# this, a title gets a sliver of a column, and each story is printed as a block instead.
LIST_TABLE_WIDTH = 120


def story_list(rows: Sequence, width: int):
    """``storydiff stories``: a table on a wide terminal, else one block per story (id, count and
    times on the first line, title, outlets)."""
    if width >= LIST_TABLE_WIDTH:
        t = Table(expand=True)
        t.add_column("story", no_wrap=True, min_width=17)  # the id users copy into `show`: never cut
        t.add_column("articles", justify="right")
        t.add_column("outlets", ratio=1)
        t.add_column("first published", no_wrap=True)
        t.add_column("last published", no_wrap=True)
        t.add_column("title", ratio=2)
        for r in rows:
            t.add_row(Text(safe(r.id, one_line=True)), str(r.n_articles), Text(_clean(", ".join(o for o in r.outlets if o))),
                      Text(_clean(fmt.when(r.first_published))), Text(_clean(fmt.when(r.last_published))), Text(_clean(r.title or "")))
        return t
    blocks = []
    for r in rows:
        head = Text(safe(r.id, one_line=True), style="bold")
        head.append(f"  {fmt.plural(r.n_articles, 'article')} · {_clean(fmt.span(r.first_published, r.last_published))}")
        blocks.append(head)
        blocks.append(Padding(Text(_clean(r.title or "(untitled)")), (0, 0, 0, 2)))
        outlets = _clean(", ".join(o for o in r.outlets if o))
        if outlets:
            blocks.append(Padding(Text(outlets, style="dim"), (0, 0, 0, 2)))
    return Group(*blocks)


def extracted_list(rows: Sequence[dict], width: int):
    """``storydiff extract``: each article's metadata (``Article.metadata()`` and ``chars``) as a
    table from NARROW_WIDTH up (the source folded, never cut: it names the file or row), else as a
    block each: its source, its title, then outlet, time, authors, dateline, language, length and
    citations on a line (a table at 80 columns gave a title ten lines and cut every source to
    "/tmp/newco…")."""
    if width >= NARROW_WIDTH:
        table = Table("source", "outlet", "title", "published", "chars", "cites")
        table.columns[0].overflow = "fold"
        table.columns[3].no_wrap = True  # "2024-03-11 08:40 UTC": never cut
        for r in rows:
            table.add_row(*(Text(safe(x or fmt.NO_VALUE, one_line=True)) for x in (
                r["source"], r["outlet"], r["title"], fmt.when(r["published"]), str(r["chars"]),
                ", ".join(r["cited_origins"]))))
        return table
    blocks = []
    for r in rows:
        blocks.append(Text(safe(r["source"], one_line=True), style="bold", overflow="fold"))
        blocks.append(Padding(Text(_clean(r["title"] or "(untitled)")), (0, 0, 0, 2)))
        details = [_clean(r["outlet"]) or "outlet unknown", fmt.when(r["published"]) if r["published"] else "undated"]
        details.append(f"by {_clean(', '.join(r['authors']))}" if r["authors"] else "")
        details.append(f"dateline {_clean(r['dateline'])}" if r["dateline"] else "")
        details.append(_clean(r["language"]) if r["language"] else "")
        details.append(f"{r['chars']:,} characters")
        details.append(f"cites {_clean(', '.join(r['cited_origins']))}" if r["cited_origins"] else "")
        blocks.append(Padding(Text(" · ".join(d for d in details if d), style="dim"), (0, 0, 0, 2)))
    return Group(*blocks)


def print_search(console: Console, results) -> None:
    """``storydiff search``: the stories, quotes and articles found (storydiff.search.SearchResults),
    as tables from NARROW_WIDTH up, else as a block each; times in the one format; an article's
    words without the title printed above them; a quote whose speaker no comparison has named yet
    says so."""
    narrow = console.width < NARROW_WIDTH
    unnamed = "speaker not named yet"

    def hits(s) -> str:
        found = ", ".join(x for x in (fmt.plural(s.articles, "article") if s.articles else "",
                                      fmt.plural(s.quotes, "quote") if s.quotes else "") if x)
        return f"{found} match (story: {s.size})" if s.size else found

    parts: list = []
    if results.stories:
        parts.append(Text(f"Stories ({len(results.stories)})", style="bold"))
        if narrow:
            for s in results.stories:
                head = Text(safe(s.id, one_line=True), style="bold")
                head.append(f"  {hits(s)} · " + _clean(", ".join(s.outlets)))
                parts += [head, Padding(Text(_clean(s.title or "(untitled)")), (0, 0, 0, 2))]
        else:
            t = Table(expand=True)
            t.add_column("story", no_wrap=True, min_width=17)
            t.add_column("hits", no_wrap=True)
            t.add_column("outlets", ratio=1)
            t.add_column("title", ratio=2)
            for s in results.stories:
                t.add_row(Text(safe(s.id, one_line=True)), hits(s), Text(_clean(", ".join(s.outlets))), Text(_clean(s.title or "")))
            parts.append(t)
    if results.quotes:
        parts.append(_heading(f"Quotes ({len(results.quotes)})"))
        if narrow:
            for h in results.quotes:
                head = Text(_clean(h.speaker) if h.speaker else unnamed, style="bold" if h.speaker else "dim")
                head.append(f" · {_clean(h.outlet or fmt.NO_VALUE)} · {fmt.when(h.published) if h.published else 'undated'}"
                            f" · article {safe(h.article_id, one_line=True)}", style="dim")
                parts += [head, Padding(Text(f"“{_clean(h.text)}”"), (0, 0, 0, 2))]
        else:
            t = Table(expand=True, show_lines=True)
            t.add_column("speaker", max_width=20)
            t.add_column("outlet", max_width=20)
            t.add_column("published", no_wrap=True)
            t.add_column("quote", ratio=1)
            t.add_column("article", overflow="fold", max_width=20)
            for h in results.quotes:
                t.add_row(Text(_clean(h.speaker)) if h.speaker else Text(unnamed, style="dim"), Text(_clean(h.outlet or fmt.NO_VALUE)),
                          fmt.when(h.published), Text(f"“{_clean(h.text)}”"), Text(safe(h.article_id, one_line=True)))
            parts.append(t)
    if results.articles:
        parts.append(_heading(f"Articles ({len(results.articles)})"))
        if narrow:
            for h in results.articles:
                head = Text(_clean(h.title or "(untitled)"), style="bold")
                info = Text(f"{_clean(h.outlet or fmt.NO_VALUE)} · {fmt.when(h.published) if h.published else 'undated'}"
                            f" · article {safe(h.article_id, one_line=True)}", style="dim")
                parts += [head, Padding(info, (0, 0, 0, 2)), Padding(Text(_clean(fmt.snippet(h.title, h.text))), (0, 0, 0, 2))]
        else:
            t = Table(expand=True, show_lines=True)
            t.add_column("outlet", max_width=20)
            t.add_column("published", no_wrap=True)
            t.add_column("title / words", ratio=1)
            t.add_column("article", overflow="fold", max_width=20)
            for h in results.articles:
                body = Text(_clean(h.title or ""), style="bold")
                body.append("\n" + _clean(fmt.snippet(h.title, h.text)))
                t.add_row(Text(_clean(h.outlet or fmt.NO_VALUE)), fmt.when(h.published), body, Text(safe(h.article_id, one_line=True)))
            parts.append(t)
    with plain_lines(console):
        for part in parts:
            console.print(part)
