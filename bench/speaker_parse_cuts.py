"""Ways to parse less for the quotes' speakers, measured against the parse `compare` makes (§11,
round 24; issue 20): how much of the parse each leaves out, its CPU, and what it does to speakers.

    python bench/speaker_parse_cuts.py              # PolNeAR dev (84 texts), AEB, and the judge rows
    python bench/speaker_parse_cuts.py --sets polnear
    STORYDIFF_CACHE_DIR=$(mktemp -d) python bench/speaker_parse_cuts.py --sets judge

The judge rows: AEB's grouping with and without the pair judgement, the one thing that runs e5
in an English batch (with an empty cache e5's CPU is counted; they run before the AEB rows, whose
grouping would otherwise have put e5's vectors in the cache).

Rows (each against "the parse": every quoted text parsed up to ``speaker_parse_end``, as now):
- no parse: the English attribution rules (``find_quotes(parse=False)``, a one-article story's);
- rules, else the parse: a text whose quotes the rules all give a speaker is not parsed;
- per quote: the rules' speaker where they name one, the parse's otherwise (every text parsed);
- windows ±K: only the paragraphs of the quotes and K paragraphs either side are parsed, the
  others blanked to spaces (offsets kept; spaCy reads a run of spaces as one token);
- windows ±1 + names: also the paragraphs that name in full (two capitalised words or more) a
  person whose surname the windows use.

AEB: the English articles with quotes among the members of stories of 2+ articles, as `compare`
groups AEB's 181 pages (the texts its parse reads; no gold speakers: "same" only). PolNeAR dev:
end-to-end F1 (bench/polnear.py's scoring). CPU: the parse and the speaker rules, one process,
after a first pass of the parse over every text; "x": over the parse's row.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from polnear import Counts, load, score_text

from storydiff.analyze.nlp import SPEAKER_COMPONENTS, parse
from storydiff.analyze.quotes import find_quotes, quote_spans
from storydiff.analyze.speakers import TITLE_WORDS, attribute, other_language_speaker, speaker_parse_end
from storydiff.analyze.speakers_multilingual import _runs
from storydiff.records import Quote

AEB = Path(__file__).resolve().parents[2] / "shared" / "data" / "extraction" / "aeb" / "html"


def aeb_articles() -> list:
    from storydiff.pipeline import extract_paths
    from storydiff.records import Article

    return [a for a in extract_paths([str(p) for p in sorted(AEB.glob("*.html.gz"))]) if isinstance(a, Article)]


def aeb_texts(articles: list) -> list[str]:
    """The English texts with quotes that `compare` parses on AEB (members of stories of 2+)."""
    from storydiff.pipeline import group_articles

    return [a.text for members in group_articles(articles).values() if len(members) > 1 for a in members
            if a.language in (None, "en") and quote_spans(a.text)]


def judge_rows(articles: list) -> None:
    """AEB's grouping with and without the same-story pair judgement of reports a day apart (the
    only e5 an English batch runs: match.clusterer._pair_judge_rejects), CPU of the grouping."""
    from dataclasses import replace

    from storydiff.match.clusterer import cluster
    from storydiff.pipeline import in_publication_order, to_match_doc
    from storydiff.settings import MatchSettings

    print("| AEB grouping | stories | of 2+ articles | articles in stories of 2+ | CPU s |")
    print("|---|---:|---:|---:|---:|")
    for label, settings in (("as now (pair judgement, e5)", MatchSettings()),
                            ("no pair judgement", replace(MatchSettings(), pair_judge_next_day=False))):
        cpu = time.process_time()
        docs = [to_match_doc(a) for a in in_publication_order(articles, len(articles))]
        members: dict[str, int] = {}
        for _, sid in cluster(docs, settings):
            members[sid] = members.get(sid, 0) + 1
        cpu = time.process_time() - cpu
        multi = [n for n in members.values() if n > 1]
        print(f"| {label} | {len(members)} | {len(multi)} | {sum(multi)} | {cpu:.2f} |", flush=True)
    print()


def _paragraphs(text: str, end: int) -> list[tuple[int, int]]:
    out, pos = [], 0
    for line in text.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        if a >= end:
            break
        if line.strip():
            out.append((a, min(b, end)))
    return out


def windowed(text: str, spans, k: int, names: bool) -> tuple[str, int]:
    """text up to speaker_parse_end with the paragraphs no quote is within k of blanked (with
    ``names``: kept where they name in full a person the kept ones name by surname)."""
    end = speaker_parse_end(text, spans)
    paras = _paragraphs(text, end)
    keep = {j for s in spans for i, (a, b) in enumerate(paras) if s.open_mark <= b and s.close_mark > a
            for j in range(max(0, i - k), min(len(paras), i + k + 1))}
    if names:
        named = {w.lower() for i in keep for _, run in _runs(text[slice(*paras[i])]) for w in run}
        keep |= {i for i, (a, b) in enumerate(paras) if i not in keep and any(
            len(ws := [w for w in run if w.lower() not in TITLE_WORDS]) >= 2 and ws[-1].lower() in named
            for _, run in _runs(text[a:b]))}
    chars = list(text[:end])
    for i, (a, b) in enumerate(paras):
        if i not in keep:
            chars[a:b] = " " * (b - a)
    return "".join(chars), sum(b - a for i, (a, b) in enumerate(paras) if i in keep)


def with_doc(text: str, spans, parsed: str) -> list[Quote]:
    """find_quotes' English path on a parse of ``parsed`` (``text`` with paragraphs blanked)."""
    quotes = [Quote(text=text[s.start : s.end], start=s.start, end=s.end) for s in spans]
    attribute(text, spans, quotes, doc=next(parse([parsed], SPEAKER_COMPONENTS)))
    for span, quote in zip(spans, quotes):
        if quote.speaker is None and span.closed:
            quote.speaker = other_language_speaker(text, span.close_mark)
    return quotes


def options() -> dict[str, object]:
    """Option name -> function(text, spans) -> (quotes, characters parsed)."""

    def full(t, sp):
        return find_quotes(t, language="en", spans=sp), speaker_parse_end(t, sp)

    def rules(t, sp):
        return find_quotes(t, language="en", spans=sp, parse=False), 0

    def rules_else_parse(t, sp):
        r = find_quotes(t, language="en", spans=sp, parse=False)
        return (r, 0) if all(q.speaker for q in r) else full(t, sp)

    def per_quote(t, sp):
        r, (p, n) = find_quotes(t, language="en", spans=sp, parse=False), full(t, sp)
        for a, b in zip(r, p):
            a.speaker = a.speaker or b.speaker
        return r, n

    def window(k, names=False):
        def run(t, sp):
            parsed, kept = windowed(t, sp, k, names)
            return with_doc(t, sp, parsed), kept
        return run

    return {"the parse (as now)": full, "no parse (English rules)": rules, "rules, else the parse": rules_else_parse,
            "per quote: rules, else the parse": per_quote, "windows ±1": window(1), "windows ±2": window(2),
            "windows ±1 + names": window(1, names=True)}


def rows(name: str, items: list[tuple[str, list | None]]) -> None:
    items = [(t, g, quote_spans(t)) for t, g in items]
    runs = options()
    for text, _, spans in items:  # a first pass fills spaCy's caches (vocabulary, lemmas) for every row
        if spans:
            runs["the parse (as now)"](text, spans)
    full_chars = sum(speaker_parse_end(t, sp) for t, _, sp in items if sp)
    scored = any(g is not None for _, g, _ in items)
    reference: dict[int, list] = {}
    base_cpu = None
    for label, run in runs.items():
        e2e, chars, same, n, cpu = (Counts(), Counts()), 0, 0, 0, time.process_time()
        for i, (text, gold, spans) in enumerate(items):
            quotes, parsed = run(text, spans) if spans else ([], 0)
            chars += parsed
            if gold is not None:
                score_text([(q.text, q.speaker) for q in quotes], gold, *e2e)
            reference.setdefault(i, [q.speaker for q in quotes])  # the first row's: the parse's
            same += sum(a == q.speaker for a, q in zip(reference[i], quotes))
            n += len(quotes)
        cpu = time.process_time() - cpu
        base_cpu = base_cpu or cpu
        f1 = f"{e2e[1].prf()[2]:.3f}" if scored else "-"
        print(f"| {name} | {label} | {100 * chars / full_chars:.0f}% | {cpu:.2f} | {cpu / base_cpu:.2f}x | {f1} | "
              f"{same}/{n} |", flush=True)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", nargs="*", default=["polnear", "aeb", "judge"], choices=["polnear", "aeb", "judge"],
                    help="judge: AEB's grouping with and without the pair judgement")
    args = ap.parse_args()
    articles = None
    if {"aeb", "judge"} & set(args.sets):
        if AEB.is_dir():
            articles = aeb_articles()
        else:
            print(f"AEB pages not found under {AEB}", file=sys.stderr)
    if articles is not None and "judge" in args.sets:  # first: e5's vectors, once made, are read back from the cache
        judge_rows(articles)
    print("| set | option | characters parsed | CPU s | x the parse | e2e F1 | speakers as the parse's |")
    print("|---|---|---:|---:|---:|---:|---:|")
    if "polnear" in args.sets:
        data = load("dev", None)
        if data:
            rows("PolNeAR dev", [(text, gold) for _, text, gold in data])
        else:
            print("PolNeAR data not found under shared/data/quotes/polnear", file=sys.stderr)
    if articles is not None and "aeb" in args.sets:
        rows("AEB (stories of 2+)", [(t, None) for t in aeb_texts(articles)])


if __name__ == "__main__":
    main()
