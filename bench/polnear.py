"""PolNeAR loader and the direct-quote scorer described in shared/data/README.md.

Gold: for each attribution event, the runs inside quotation marks within each fragment of its
``Content`` span widened by one character (so the marks at its edges count), trimmed of spaces,
commas and full stops; a run still open at the fragment's end (or at a line break: a quote
running over paragraphs is reopened in the next one) goes to that end; runs of at least 3 words
are kept, each with the event's ``Source`` text as speaker. Texts with several annotators use
the first annotator's file (sorted by name).

Match: one normalised text contains the other and their lengths differ by less than 20%.
End to end: a match also needs the speaker to share a capitalised name token with the gold
``Source`` whenever that source names someone; pronoun or descriptive sources need the span only.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

DATA = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "quotes" / "polnear" / "data"
MIN_WORDS = 3
_WORD = re.compile(r"\w+")
_TRIM = " \t\r\n,."
# capitalised words that name nobody
_NOT_NAMES = frozenset(
    [
        "the",
        "a",
        "an",
        "he",
        "she",
        "it",
        "they",
        "his",
        "her",
        "its",
        "their",
        "i",
        "we",
        "you",
        "this",
        "that",
        "these",
        "those",
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "sen",
        "sen.",
        "rep",
        "rep.",
        "gov",
        "gov.",
        "president",
        "senator",
        "governor",
        "secretary",
        "former",
        "according",
        "one",
        "some",
        "many",
        "most",
        "several",
        "both",
        "all",
        "another",
        "other",
        "who",
        "what",
        "which",
    ]
)


@dataclass
class GoldQuote:
    text: str
    start: int
    end: int
    source: str | None


def _runs(text: str, a: int, b: int) -> list[tuple[int, int]]:
    """Outer runs between double quotation marks in text[a:b], typed by role and nesting."""
    out: list[tuple[int, int]] = []
    depth, start = 0, -1
    i = a
    while i < b:
        c, two = text[i], text[i : i + 2]
        role, n = None, 1
        if two == "``":
            role, n = "open", 2
        elif two == "''":
            role, n = "close", 2
        elif c == "“":
            role = "open"
        elif c == "”":
            role = "close"
        elif c == '"':
            prev = text[i - 1] if i > a else " "
            role = "open" if (prev.isspace() or prev in "([—–-:") and depth == 0 else "close"
            if depth == 0 and prev not in " \t\n([—–-:" and i > a:
                role = "close"  # a straight mark glued to a word with nothing open: stray
        if role == "open":
            if depth == 0:
                start = i + n
            depth += 1
        elif role == "close" and depth > 0:
            depth -= 1
            if depth == 0:
                out.append((start, i))
        i += n
    if depth > 0:
        out.append((start, b))
    return out


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a] in _TRIM:
        a += 1
    while b > a and text[b - 1] in _TRIM:
        b -= 1
    return a, b


def parse_ann(ann: str) -> list[tuple[list[tuple[int, int]], str | None]]:
    """(content fragments, source text) per event of a brat file."""
    spans: dict[str, tuple[str, list[tuple[int, int]], str]] = {}
    events: list[dict[str, str]] = []
    for line in ann.splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 3:
            label, _, offs = parts[1].partition(" ")
            frags = [tuple(int(x) for x in f.split()) for f in offs.split(";")]
            spans[parts[0]] = (label, frags, parts[2])
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(x.split(":", 1) for x in parts[1].split() if ":" in x))
    out = []
    for ev in events:
        content = spans.get(ev.get("Content", ""))
        if not content:
            continue
        source = spans.get(ev.get("Source", ""))
        out.append((content[1], source[2] if source else None))
    return out


def gold_quotes(text: str, ann: str) -> list[GoldQuote]:
    out: list[GoldQuote] = []
    for frags, source in parse_ann(ann):
        for fa, fb in frags:
            a, b = max(0, fa - 1), min(len(text), fb + 1)
            for la, lb in _lines(text, a, b):
                for ra, rb in _runs(text, la, lb):
                    s, e = _trim(text, ra, rb)
                    if len(_WORD.findall(text[s:e])) >= MIN_WORDS:
                        out.append(GoldQuote(text[s:e], s, e, source))
    return out


def _lines(text: str, a: int, b: int):
    pos = a
    while pos < b:
        nl = text.find("\n", pos, b)
        end = b if nl < 0 else nl
        yield pos, end
        pos = end + 1


def load(split: str = "dev", limit: int | None = None) -> list[tuple[str, str, list[GoldQuote]]]:
    """(name, text, gold quotes) per text of a split; [] when the data is absent."""
    tdir, adir = DATA / split / "text", DATA / split / "attributions"
    if not tdir.is_dir():
        return []
    anns: dict[str, Path] = {}
    for p in sorted(adir.glob("*.ann")):
        anns.setdefault(p.stem.rsplit("_", 1)[0], p)
    out = []
    for p in sorted(tdir.glob("*.txt"))[: limit or None]:
        text = p.read_text(encoding="utf-8")
        ann = anns.get(p.stem)
        out.append((p.stem, text, gold_quotes(text, ann.read_text(encoding="utf-8")) if ann else []))
    return out


# -- scoring ------------------------------------------------------------------------------


def _norm(s: str) -> str:
    s = s.lower().translate(str.maketrans("“”‘’`", "\"\"'''"))
    return " ".join(s.split()).strip(" \"',.")


def names_someone(source: str | None) -> set[str]:
    if not source:
        return set()
    toks = re.findall(r"[\w.'’-]+", source)
    return {
        t.lower().strip(".'’")
        for t in toks
        if t[:1].isupper() and t.lower() not in _NOT_NAMES and t.lower().strip(".'’s") not in _NOT_NAMES
    }


def _span_match(p: str, g: str) -> bool:
    if not p or not g:
        return False
    if p not in g and g not in p:
        return False
    return abs(len(p) - len(g)) < 0.2 * max(len(p), len(g))


def _speaker_ok(pred: str | None, source: str | None) -> bool:
    gold = names_someone(source)
    if not gold:
        return True
    if not pred:
        return False
    toks = {t.lower().strip(".'’") for t in re.findall(r"[\w.'’-]+", pred)}
    return bool(toks & gold)


@dataclass
class Counts:
    tp: int = 0
    n_pred: int = 0
    n_gold: int = 0

    def prf(self) -> tuple[float, float, float]:
        p = self.tp / self.n_pred if self.n_pred else 0.0
        r = self.tp / self.n_gold if self.n_gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_text(preds: list[tuple[str, str | None]], gold: list[GoldQuote], span: Counts, e2e: Counts) -> None:
    """Add one text's counts. preds: (quote text, speaker); short ones are ignored."""
    preds = [(_norm(t), s) for t, s in preds if len(_WORD.findall(t)) >= MIN_WORDS]
    golds = [(_norm(g.text), g.source) for g in gold]
    for counts, need_speaker in ((span, False), (e2e, True)):
        counts.n_pred += len(preds)
        counts.n_gold += len(golds)
        used: set[int] = set()
        for pt, ps in preds:
            for j, (gt, gs) in enumerate(golds):
                if j in used or not _span_match(pt, gt):
                    continue
                if need_speaker and not _speaker_ok(ps, gs):
                    continue
                used.add(j)
                counts.tp += 1
                break
