"""Body lines of a page's visible text (no HTML): drop menus, notices, captions and headlines.

A two-stage boosted-tree line classifier (``line_model`` + ``line_features``, trained by
``line_train`` with cross-validation by domain) scores each line and ``span_decode`` turns the
scores into one article span with a lenient threshold inside it and a strict one outside
(``boundary_decode``: the span also weighs two small models of the body's first and last line);
lines repeated across ``siblings`` (other pages of the same outlet) count as template; ``line_rules`` removes notices
that are boilerplate anywhere. Without the weights file, C4's line rules decide. Then
``keep_prose_runs`` keeps the article's sentences the model dropped (no silent loss).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from storydiff.extract.line_features import (
    best_run,
    boundary_features,
    c4_keep,
    context_features,
    line_features,
    normalise_line,
)
from storydiff.extract.line_model import load_models
from storydiff.extract.line_rules import boilerplate_kind
from storydiff.extract.metadata import is_byline, is_date_line, is_menu_line, placed_byline
from storydiff.extract.page_chrome import chrome_kind
from storydiff.extract.weak_repeats import drop_weak_repeats
from storydiff.settings import ExtractSettings

SETTINGS = ExtractSettings()

MAX_LINES = 50_000  # a "page" longer than this is data, not a page; lines past it are dropped
MAX_LINE_CHARS = 20_000
MAX_TITLE_CHARS = 500


@dataclass
class PageText:
    text: str  # kept body lines joined by "\n"
    title: str | None  # the headline if recognisable
    kept: list[bool]  # one flag per line of the input's text.splitlines()


def clean_page_text(text: str, siblings: Sequence[str] = (), *, models: dict | None = None,
                    settings: ExtractSettings | None = None) -> PageText:
    """Keep the article's body lines of ``text``; ``siblings`` are same-outlet pages of the batch.

    ``models`` replaces the shipped weights (the benchmark passes fold models trained without
    this page's domain), ``settings`` the shipped ``ExtractSettings`` (the benchmark's folds).
    """
    if not isinstance(text, str) or not text.strip():
        return PageText(text="", title=None, kept=[False] * len(text.splitlines()) if isinstance(text, str) else [])
    lines = text.splitlines()
    scored = lines[:MAX_LINES]
    sibling_lines = [s.splitlines()[:MAX_LINES] for s in siblings if isinstance(s, str)]
    models = models or load_models()
    settings = settings or SETTINGS
    scores = _line_scores(scored, sibling_lines, models) if models is not None else None
    template = {normalise_line(line[:MAX_LINE_CHARS]) for page in sibling_lines for line in page}
    kept, title = kept_from_scores(lines, scored, scores, template, models, settings)
    if not any(kept):
        kept = _sentence_lines(lines, title)
        title = title or find_title(lines, kept)
    body = "\n".join(line.strip() for line, k in zip(lines, kept) if k)
    return PageText(text=body, title=title, kept=kept)


def kept_from_scores(lines: list[str], scored: list[str], scores: tuple | None, template: set[str],
                     models: dict | None, settings: ExtractSettings = SETTINGS) -> tuple[list[bool], str | None]:
    """clean_page_text's decisions from the line model's ``scores`` of ``scored`` (``_line_scores``;
    None without a model): the decoder, the steps after it, the recall floor and the repeats the
    model scores low (``weak_repeats``). (kept flags for
    every line of ``lines``, the headline.) The benchmarks call it with cached scores."""
    flags = body_flags(scored, [], models, scores=scores)
    kept, title = _after_model(lines, scored, flags, template, settings)
    if settings.recall_floor > 0 and sentence_share(lines, kept) < settings.recall_floor:
        broad = broad_body_flags(scored, scores, models, settings)
        if broad is not None and any(b and not f for b, f in zip(broad, flags)):
            kept, title = _after_model(lines, scored, [f or b for f, b in zip(flags, broad)], template, settings)
    if scores is not None and settings.weak_repeat_below > 0:
        kept = drop_weak_repeats(lines, kept, scores[0], words=settings.weak_repeat_words,
                                 block=settings.weak_repeat_block, below=settings.weak_repeat_below,
                                 prose_share=settings.weak_repeat_prose_share)
    return kept, title


def _after_model(lines: list[str], scored: list[str], flags: list[bool], template: set[str],
                 settings: ExtractSettings) -> tuple[list[bool], str | None]:
    """clean_page_text's steps after the line model: prose runs, the headline, chrome, bylines,
    near repeats. (kept flags for every line of ``lines``, the headline)"""
    kept = keep_prose_runs(scored, flags, template, settings)
    kept = keep_short_sentences_between(scored, kept, template)
    kept += [False] * (len(lines) - len(scored))
    title = find_title(lines, kept)
    if title is not None:
        norm_title = normalise_line(title)
        kept = [k and normalise_line(line) != norm_title for k, line in zip(kept, lines)]
    if settings.page_chrome_rules:  # last, so that the benchmark can apply it to the flags without it
        kept = [k and chrome_kind(line[:MAX_LINE_CHARS]) is None for k, line in zip(kept, lines)]
    kept = _without_bylines(lines, kept)
    kept = _without_teaser_blocks(lines, kept)
    kept = _without_orphan_labels(lines, kept)
    kept = drop_near_repeats(lines, kept, settings.page_repeat_within)
    return kept, title


# A sentence's end in any script (CJK 。！？ and its closing brackets too) and the CJK characters
# that stand for words where a script has no spaces: the recall floor measures the page's
# sentence text in every language (fundus has Japanese, Chinese, Korean pages).
_SENTENCE_END_ANY = re.compile(r"[.!?…。！？][\"'”’»“‘«)\]」』]*\s*$")
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
CJK_SENTENCE_CHARS = 20  # a CJK line this long with a sentence end counts as a sentence (8+ words elsewhere)


def _sentence_any_script(line: str) -> bool:
    s = line.strip()[:MAX_LINE_CHARS]
    return bool(_SENTENCE_END_ANY.search(s)) and (len(s.split()) >= 8 or len(_CJK.findall(s)) >= CJK_SENTENCE_CHARS)


def _sentence_lines(lines: Sequence[str], title: str | None) -> list[bool]:
    """Every line of the page that reads as a sentence of prose (a sentence's end, more than
    ``SHORT_SENTENCE_WORDS`` words or a CJK sentence's length) and as none of the page's furniture:
    what is kept when the line model keeps nothing. A short report the model scores low (two
    seven-word lines, one ending "сообщает ТАСС.") was "no article text left", an item lost,
    where its sentences are the article (QA pass 25a)."""
    def prose(line: str) -> bool:
        s = line.strip()[:MAX_LINE_CHARS]
        return (bool(_SENTENCE_END_ANY.search(s)) and s != title
                and (len(s.split()) > SHORT_SENTENCE_WORDS or len(_CJK.findall(s)) >= CJK_SENTENCE_CHARS)
                and boilerplate_kind(s) is None and chrome_kind(s) is None and not is_date_line(s) and not is_byline(s))

    return [prose(line) for line in lines]


def sentence_share(lines: Sequence[str], kept: Sequence[bool]) -> float:
    """The share of the page's sentence text (characters of sentence lines, any script) that
    ``kept`` holds; 1.0 on a page without sentence lines."""
    total = held = 0
    for line, k in zip(lines, kept):
        if _sentence_any_script(line):
            n = min(len(line.strip()), MAX_LINE_CHARS)
            total += n
            held += n if k else 0
    return held / total if total else 1.0


def broad_body_flags(lines: list[str], scores: tuple | None, models: dict | None,
                     settings: ExtractSettings = SETTINGS) -> list[bool] | None:
    """The recall floor's broader rule (round 22): the decoder's span placed again with the lower
    cost ``recall_floor_span_cost`` and every line in it scoring over ``recall_floor_inside``
    (the line rules' notices still dropped). None without the line model's boundary decoder.
    clean_page_text adds these lines when what it kept holds under ``recall_floor`` of the page's
    sentence text: a body of short lines (a list, a forum thread, a product's specs) scores under
    the span's cost, so the span closes after the page's few sentences and the body is lost."""
    if (models is None or scores is None or scores[1] is None or "boundary_decoder" not in models["_meta"]
            or not lines):
        return None
    prob, p_start, p_end = scores
    flags = broad_span_flags(prob, p_start, p_end, models["_meta"]["boundary_decoder"],
                             settings.recall_floor_span_cost, settings.recall_floor_inside)
    return [bool(f) and bool(line.strip()) and boilerplate_kind(line) is None for f, line in zip(flags, lines)]


def broad_span_flags(prob: np.ndarray, p_start: np.ndarray, p_end: np.ndarray, decoder: dict, span_cost: float,
                     inside: float) -> np.ndarray:
    """The lines of ``boundary_span`` placed with ``span_cost`` instead of the decoder's that score over ``inside``."""
    s, e = boundary_span(prob, p_start, p_end, dict(decoder, span_cost=span_cost))
    idx = np.arange(len(prob))
    return (idx >= s) & (idx <= e) & (prob > inside)


BYLINE_REACH = 2  # kept lines at the body's top and foot where a byline is looked for


def _without_bylines(lines: list[str], kept: list[bool]) -> list[bool]:
    """``kept`` without a byline the line model kept at the body's top or foot ("Von Anna Müller und
    Jan Schmidt", "Eine Analyse von ...", "Opracowanie: ..."): the page's metadata, not its first
    sentence (QA pass 21a, 10). A line that ends like a sentence stays ("By the time rescuers
    arrived, ...", "Von Wladimir Putin – so berichten es Diplomaten – ...": review 21b, 2)."""
    at = [i for i, k in enumerate(kept) if k]
    edges = set(at[:BYLINE_REACH] + at[-BYLINE_REACH:])
    out = list(kept)
    for i in edges:
        line = lines[i].strip()[:MAX_LINE_CHARS]
        if not _PROSE_END.search(line) and is_byline(line):
            out[i] = False
    return out


TEASER_BLOCK_LINES = 4  # linked headlines under a "Czytaj także:" / "Read also:" label
TEASER_MAX_WORDS = 20


def _without_teaser_blocks(lines: list[str], kept: list[bool]) -> list[bool]:
    """``kept`` without the linked headlines listed under a related-links label alone on its line
    ("Czytaj także:", "Читайте також:", "Read more:"): the rules drop the label, the
    model kept the headlines under it as the article's lines (QA pass 22b, 07: "Tusk po naradzie w
    BBN: ..." became a fact two outlets shared). A headline has no sentence's end; the block ends at
    the first line that has one, or after four lines."""
    out = list(kept)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    counts = Counter(normalise_line(lines[i][:MAX_LINE_CHARS]) for i in filled)
    for n, i in enumerate(filled):
        label = lines[i].strip()[:MAX_LINE_CHARS]
        if len(label.split()) > 4 or boilerplate_kind(label) != "promo":
            continue
        # a label the page prints again and again without its colon ("Read more") closes each item of
        # a list, and the next item's headline under it is the page's (wcxb: a news-list page lost its body)
        if not label.endswith(":") and counts[normalise_line(label)] > 1:
            continue
        for j in filled[n + 1 : n + 1 + TEASER_BLOCK_LINES]:
            line = lines[j].strip()[:MAX_LINE_CHARS]
            if _PROSE_END.search(line) or len(line.split()) > TEASER_MAX_WORDS:
                break
            out[j] = False
    return out


def _without_orphan_labels(lines: list[str], kept: list[bool]) -> list[bool]:
    """``kept`` without a kept line ending in a colon whose following block was dropped, or which
    ends the page: the label of a widget ("Note from the author:", "You can share this story on social
    media:"; QA pass 22a, 14), not a news line introducing a quote or a list the article keeps."""
    out = list(kept)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for n, i in enumerate(filled):
        if kept[i] and lines[i].rstrip().endswith(":") and (n + 1 == len(filled) or not kept[filled[n + 1]]):
            out[i] = False
    return out


REPEAT_PROSE_CHARS = 80  # a line this long is prose, dropped only after a kept copy of it


def drop_near_repeats(lines: list[str], kept: list[bool], within: int) -> list[bool]:
    """``kept`` without the lines whose normalised text already stood at most ``within`` lines
    above them: a label the page prints again between paragraphs ("Advertisement", "Article
    content") or a widget printed twice is not the article's; the first copy is left to the model
    (a headline printed as <title> and <h1> is handled by find_title). A repeat further away is
    kept: list bodies (a review's "Pros" / "Cons" per product) repeat their labels every few
    items, and round 16 measured that dropping every repeat costs wcxb's lists
    (bench/line_repeats.py)."""
    if within <= 0:
        return list(kept)
    # A copy the model dropped counts for a short line (a label printed again), not for prose: a
    # teaser the model dropped right above the body's first paragraph must not take that paragraph
    # with it (review 20b, 6)
    last_at: dict[str, int] = {}
    last_kept: dict[str, int] = {}
    out = list(kept)
    for i, line in enumerate(lines):
        norm = normalise_line(line[:MAX_LINE_CHARS])
        if not norm:
            continue
        if kept[i]:
            above = last_kept if len(norm) >= REPEAT_PROSE_CHARS else last_at
            if i - above.get(norm, -within - 1) <= within:
                out[i] = False
            last_kept[norm] = i
        last_at[norm] = i
    return out


def body_flags(lines: list[str], siblings: list[list[str]], models: dict | None,
               scores: tuple | None = None) -> list[bool]:
    """The line model's body flags (C4's rules without a model); ``scores``: ``_line_scores``'s,
    computed once by the caller (then ``siblings`` are not read)."""
    if models is None:
        flags = [c4_keep(line) for line in lines]
    else:
        p2, p_start, p_end = scores if scores is not None else _line_scores(lines, siblings, models)
        meta = models["_meta"]
        if p_start is not None:
            # Models of the body's first and last line place the span (bench/extraction.py, nested
            # CV: +0.009 line F1 with siblings, +0.015 single page over span_decode alone).
            flags = list(boundary_decode(p2, p_start, p_end, meta["boundary_decoder"]))
        else:
            flags = list(span_decode(p2, meta))
        if _is_clean_text(lines):
            # Already-extracted text (a feed's body, a rewrite): the classifier learned on full
            # pages and distrusts a page's last lines; here every sentence line is body.
            flags = [f or _sentence_line(line) for f, line in zip(flags, lines)]
    return [bool(f) and bool(line.strip()) and boilerplate_kind(line) is None for f, line in zip(flags, lines)]


def _line_scores(lines: list[str], siblings: list[list[str]], models: dict) -> tuple[np.ndarray, ...]:
    """(the line model's body scores, first-line and last-line probabilities or None, None)."""
    # Features read a line's first MAX_LINE_CHARS: no paragraph of aeb-lines is a tenth of
    # that, and a multi-megabyte "line" (a blob pasted into a page) costs seconds of regex.
    X = line_features([line[:MAX_LINE_CHARS] for line in lines],
                      [[line[:MAX_LINE_CHARS] for line in page] for page in siblings])
    return scores_of_features(X, models, alone=not siblings)


def scores_of_features(X: np.ndarray, models: dict, *, alone: bool = True) -> tuple[np.ndarray, ...]:
    """``_line_scores`` from the lines' features (the benchmarks' cached ones too); ``alone``: the
    page was read without sibling pages."""
    p2 = _two_stage(models, "", X)
    if alone and "single_stage1" in models:
        # A page alone: the sibling-trained pair leans on sibling_rep, which is empty here;
        # averaging it with the pair trained without siblings scores 0.850 out of fold
        # instead of 0.844 (either pair alone: 0.854 / 0.844, but the single pair alone
        # drops the Euromaidan seed's last paragraphs).
        p2 = (p2 + _two_stage(models, "single_", X)) / 2
    if "end" in models and "boundary_decoder" in models["_meta"]:
        if not len(p2):
            return p2, p2, p2
        B = boundary_features(p2, X)
        return p2, models["start"].proba(B), models["end"].proba(B)
    return p2, None, None


def keep_prose_runs(lines: list[str], kept: list[bool], template: set[str] = frozenset(),
                    settings: ExtractSettings = SETTINGS, mask: tuple[np.ndarray, np.ndarray] | None = None) -> list[bool]:
    """No silent loss: a page whose article is dropped makes a diff say "only the other outlet
    reported this". Sentence lines (``prose_mask``, not in ``template``) at most
    ``prose_run_gap`` other lines apart form a run; a run of which the model kept at least
    ``prose_run_keep`` of the sentence lines is kept whole, and when what is kept holds less than
    ``prose_fallback_below`` of the page's sentence text, its largest run is kept too. These three
    numbers were chosen on one corpus the line model never saw and scored on another
    (bench/extraction.py --only pagetext). ``mask``: ``prose_mask(lines, template)``, precomputed."""
    prose, chars = mask if mask is not None else prose_mask(lines, template)
    if not prose.any():
        return list(kept)
    flags = np.array(kept, dtype=bool)
    at = np.flatnonzero(prose)
    breaks = np.flatnonzero(np.diff(at) > settings.prose_run_gap + 1)
    runs = list(zip(at[np.concatenate([[0], breaks + 1])], at[np.concatenate([breaks, [len(at) - 1]])]))
    for a, b in runs:
        run = prose[a : b + 1]
        if flags[a : b + 1][run].mean() >= settings.prose_run_keep:
            flags[a : b + 1] |= run
    if (chars * flags).sum() < settings.prose_fallback_below * chars.sum():
        a, b = max(runs, key=lambda r: chars[r[0] : r[1] + 1].sum())
        flags[a : b + 1] |= prose[a : b + 1]
    return flags.tolist()


SHORT_SENTENCE_WORDS = 4  # "About 300,000 homes lost power, officials said." has 7


def keep_short_sentences_between(lines: list[str], kept: list[bool], template: set[str] = frozenset()) -> list[bool]:
    """``kept`` with a short sentence the model dropped kept where the kept paragraphs on both sides
    of it are sentences of the article: a wire's one-line paragraph ("About 300,000 homes lost power,
    officials said." between two quotes: QA pass 22a, 10, dropped without a word). ``keep_prose_runs``
    counts only lines of eight words or more; a notice, a template line or a label is not kept."""
    out = list(kept)
    filled = [i for i, line in enumerate(lines) if line.strip()]
    for n in range(1, len(filled) - 1):
        i, before, after = filled[n], filled[n - 1], filled[n + 1]
        if kept[i] or not (kept[before] and kept[after]):
            continue
        line = lines[i].strip()[:MAX_LINE_CHARS]
        sentence = (len(line.split()) >= SHORT_SENTENCE_WORDS and (line[:1].isupper() or line[:1] in "\"“«„'‘")
                    and _PROSE_END.search(line) is not None)
        if (sentence and boilerplate_kind(line) is None and normalise_line(line) not in template
                and _prose_line(lines[before]) and _prose_line(lines[after])):
            out[i] = True
    return out


def prose_mask(lines: list[str], template: set[str] = frozenset()) -> tuple[np.ndarray, np.ndarray]:
    """(which lines are an article's sentences and not template, their lengths in characters)."""
    prose = np.array([_prose_line(line) and normalise_line(line[:MAX_LINE_CHARS]) not in template for line in lines],
                     dtype=bool)
    return prose, np.array([min(len(line.strip()), MAX_LINE_CHARS) for line in lines]) * prose


# A sentence's end, its closing quotation marks in every language's style: German „…“ and ‚…‘
# close with “ and ‘, Danish and Swiss »…« with « (QA pass 21a, 04: dpa's standard paragraph
# „…“, sagte Kiper. „…“ was no prose line, and the page's quotes were dropped). The line model's
# own feature (``line_features._SENTENCE_END``) stays as it was trained.
_PROSE_END = re.compile(r"[.!?…][\"'”’»“‘«)\]]*\s*$")


def _prose_line(line: str) -> bool:
    """A sentence of an article: ends like one, eight words or more (60 characters in scripts
    without spaces), and no notice ``line_rules`` knows."""
    stripped = line.strip()[:MAX_LINE_CHARS]
    return (bool(_PROSE_END.search(stripped)) and (len(stripped.split()) >= 8 or len(stripped) >= 60)
            and boilerplate_kind(stripped) is None)


def _two_stage(models: dict, prefix: str, X: np.ndarray) -> np.ndarray:
    p1 = models[prefix + "stage1"].proba(X)
    return models[prefix + "stage2"].proba(np.hstack([X, context_features(p1)]))


def span_decode(prob: np.ndarray, meta: dict) -> np.ndarray:
    """Body flags from line probabilities: the article is one contiguous run of lines.

    The run is the max-sum span of ``prob - span_cost``; inside it a line needs only
    ``inside_threshold`` (a list item or subheading between paragraphs), outside it
    ``outside_threshold`` (a stray line elsewhere must look like body on its own). Weights files
    without these keys fall back to one threshold everywhere.
    """
    if "span_cost" not in meta or len(prob) == 0:
        return prob > meta["threshold"]
    start, end = best_run(prob - meta["span_cost"])
    return _keep_in_span(prob, start, end, meta)


def _keep_in_span(prob: np.ndarray, start: int, end: int, decoder: dict) -> np.ndarray:
    """Lenient threshold inside the article's run of lines, strict outside it."""
    idx = np.arange(len(prob))
    inside = (idx >= start) & (idx <= end)
    return np.where(inside, prob > decoder["inside_threshold"], prob > decoder["outside_threshold"])


def boundary_decode(prob: np.ndarray, p_start: np.ndarray, p_end: np.ndarray, decoder: dict) -> np.ndarray:
    """Body flags from line scores and first/last-body-line probabilities: the span of
    ``boundary_span``, then ``inside_threshold`` / ``outside_threshold`` as in ``span_decode``."""
    if len(prob) == 0:
        return np.zeros(0, dtype=bool)
    return _keep_in_span(prob, *boundary_span(prob, p_start, p_end, decoder), decoder)


def boundary_span(prob: np.ndarray, p_start: np.ndarray, p_end: np.ndarray, decoder: dict) -> tuple[int, int]:
    """The article's first and last line (s, e): they maximise
    ``weight * (log p_start[s] + log p_end[e]) + sum(prob[s..e] - span_cost)`` (a non-empty page)."""
    n = len(prob)
    w = decoder["weight"]
    log_start = w * np.log(np.clip(p_start, 1e-6, 1.0))
    log_end = w * np.log(np.clip(p_end, 1e-6, 1.0))
    cs = np.concatenate([[0.0], np.cumsum(prob - decoder["span_cost"])])
    open_score = log_start - cs[:-1]  # the best start s <= e maximises this
    running = np.maximum.accumulate(open_score)
    idx = np.arange(n)
    best_start = np.maximum.accumulate(np.where(open_score >= running, idx, 0))
    end = int(np.argmax(running + log_end + cs[1:]))
    return int(best_start[end]), end


def find_title(lines: list[str], kept: list[bool]) -> str | None:
    """The headline: a not-kept heading-like line repeated near the top (a page's <title> line
    and its <h1>), else the first line of an otherwise clean text (a headline over its body)."""
    # A date line is never the headline, even first on the page or just above the body.
    non_empty = [(i, line.strip()) for i, line in enumerate(lines) if line.strip() and not is_date_line(line)]
    if not non_empty:
        return None
    # A headline is a few hundred characters at most: longer lines are neither read nor counted.
    top = [(i, line) for i, line in non_empty[: max(40, len(non_empty) // 2)] if len(line) <= MAX_TITLE_CHARS]
    counts = Counter(normalise_line(line) for _, line in top)
    first_norm = normalise_line(non_empty[0][1][:MAX_TITLE_CHARS])
    for i, line in top:
        norm = normalise_line(line)
        words = len(norm.split())
        if not 3 <= words <= 30 or line.endswith((".", "!")):
            continue
        # Repeated (<title> and <h1>: even when the classifier kept it, a headline-shaped line
        # printed twice near the top is the headline), or the page's first line starts with it.
        if counts[norm] > 1 or (not kept[i] and i != non_empty[0][0] and first_norm.startswith(norm)):
            return line
    # A headline just above the first body line (only a byline, a date, a standfirst or the short lines
    # of a byline block may sit between them: "Share", "Paul Kirby", "Europe digital editor").
    first_body = next((k for k, (i, _) in enumerate(non_empty) if kept[i]), None)
    if first_body is not None:
        headline = _headline_above(lines, non_empty, first_body)
        if headline is not None:
            return headline
    first_index, first = non_empty[0]
    words = len(first.split())
    rest = [kept[i] for i, _ in non_empty[1:]]
    if 3 <= words <= 30 and not first.endswith(".") and rest and sum(rest) / len(rest) >= 0.5:
        return first
    return None


HEADLINE_REACH = 3  # lines above the body searched for its headline, short lines of a byline block aside
BYLINE_BLOCK_WORDS = 3  # "Share", "Paul Kirby", "Europe digital editor": not counted in the reach
BYLINE_BLOCK_LINES = 3


STANDFIRST_MIN_WORDS = 12  # a standfirst under a headline says the story in a sentence
HEADLINE_MIN_WORDS = 6  # a tagline under a logo is shorter ("Ukrainian National News Agency")


def _headline_above(lines: list[str], non_empty: list[tuple[int, str]], first_body: int) -> str | None:
    """The headline-like line nearest above the body's first line. A byline's "Name in Place" line is
    skipped ("Shaun Walker in Kyiv"), and so are up to three short lines of a byline block (the BBC's
    "Share" / "Paul Kirby" / "Europe digital editor": the title was lost, QA pass 22a, 09). When the line
    above the one found is headline-like and shorter, the one found is the standfirst under it."""
    reach, short = HEADLINE_REACH, BYLINE_BLOCK_LINES
    k = first_body - 1
    while k >= 0 and reach > 0:
        i, line = non_empty[k]
        if placed_byline(lines, i) is None and _headline_like(line):
            above = non_empty[k - 1][1] if k > 0 else ""
            # a standfirst is long; a headline under the site's tagline ("Ukrinform" / "Ukrainian
            # National News Agency" / headline) is no standfirst under a shorter title (review 22c, r2)
            if above and _headline_like(above) and HEADLINE_MIN_WORDS <= len(above.split()) < len(line.split()) \
                    and len(line.split()) >= STANDFIRST_MIN_WORDS and not line.rstrip().endswith("?"):
                return above
            return line
        if short > 0 and len(line.split()) <= BYLINE_BLOCK_WORDS:
            short -= 1
        else:
            reach -= 1
        k -= 1
    return None


def _headline_like(line: str) -> bool:
    words = line.split()
    capitalised = sum(w[:1].isupper() for w in words)
    return (
        4 <= len(words) <= 25
        and not line.endswith((".", "!", ":", "|"))
        and capitalised >= 1
        and boilerplate_kind(line) is None
        and not line.lower().startswith(("by ", "updated", "published", "posted"))
        and not is_byline(line)  # "Von Philipp Fritz, Warschau" (QA pass 18)
        and not is_menu_line(line)  # "Home  World  EU  Business  Opinion  Sign in" (QA pass 27a, 06)
    )


def _sentence_line(line: str) -> bool:
    return len(line.split()) >= 8 and line.rstrip().endswith((".", "!", "?", '"', "”", "’", "'", ")"))


def _is_clean_text(lines: list[str]) -> bool:
    non_empty = [line for line in lines if line.strip()]
    return bool(non_empty) and sum(map(_sentence_line, non_empty)) >= 0.6 * len(non_empty)
