"""Page text (no HTML): which pages lose their body, why, and two guards measured against it (round 21).

``STORYDIFF_BENCH_CACHE=DIR nice -n 10 python bench/pagetext_lost.py [--corpora wcxb fundus]``
(about 10 min for the three corpora on the busy 2-core box once ``line_loco``'s features are
cached; ``bench/extraction.py --only pagetext`` takes 45+ min). Data:
``../shared/data/extraction/{aeb,wcxb-dev,fundus-tests}-lines/``. Every row is a page alone, the
shipped line model (fitted on aeb alone) and clean_page_text's steps after it (``line_loco.finish``
then ``drop_near_repeats``); the flags are checked against ``clean_page_text`` itself on a sample.
A page is *lost* when its body recall is under 0.5.

1. Line P / R / F1 and lost pages per corpus (wcxb by its two halves by site, its articles; fundus
   by language) beside C4's line rules and keep-every-line.
2. The lost pages by cause: where the body went (the stage: the decoder's flags already lost it,
   or a rule after it did; for the decoder, whether its span covers the body, lies inside the body
   but too short, or lies on other lines) and the body's shape (mostly sentence lines or mostly
   short lines: list items, table cells, labels).
3. Two guards for the largest class (the span inside the body, too short), designed reading
   wcxb's development half only; their settings chosen on it (fewest lost pages, line F1 not
   below the shipped flags'), and again on it plus aeb (F1 not below on either); wcxb's held-out
   half and fundus scored with the choice:
   - ``grow``: the decoder's span is grown over lines scoring at least ``t`` at most ``gap`` lines
     apart, on pages keeping under ``share`` of their lines and under ``chars`` of their text,
     when the growth adds at least ``ratio`` times what was kept;
   - ``table``: a block of short lines whose shapes (a number, a few words, a longer line) repeat
     with a period of 2-8 for at least ``rows`` periods, each period holding a number (a table
     written one cell a line), is kept when it lies at most ``near`` lines from a kept line.
Round 23: the flags are clean_page_text's own (``exact_flags``: ``pagetext.kept_from_scores`` on the
cached line scores, the recall floor and every step after the model included; ``--round21`` gives
round 21's approximation), table 1 has wcxb's articles and other page types apart, table 2 counts
the lost bodies that the gold splits into 3+ blocks.
Nothing from the pages is stored in the repository.
"""

from __future__ import annotations

import argparse
import re
from collections import Counter, defaultdict

import numpy as np
from extraction_corpora import CORPORA, code_hash, site_half
from extraction_pagetext import line_scores
from line_loco import OUT, _cached_shipped, _n_shape, finish, load_data
from pagetext_floor import line_probs

from storydiff.extract import pagetext
from storydiff.extract.line_features import boundary_features
from storydiff.extract.line_model import load_models
from storydiff.extract.metadata import is_date_line
from storydiff.settings import ExtractSettings

WITHIN = ExtractSettings().page_repeat_within
GROW_STEPS = [(0.001, 5), (0.003, 2), (0.003, 5), (0.01, 2), (0.01, 5), (0.03, 2)]
GROW_SHARES = (0.03, 0.05, 0.08, 0.1, 0.15, 1.0)
GROW_CHARS = (0.1, 0.15, 0.2, 0.3, 1.0)
GROW_RATIOS = (0.0, 0.3, 1.0)
TABLE_GRID = [(near, rows) for near in (1, 3, 6) for rows in (3, 4, 6)]
_NUMBER_CELL = re.compile(r"^[\s$€£¥%+\-–.,:/()#~0-9]*[0-9][\s$€£¥%+\-–.,:/()#~0-9a-zA-Z]{0,6}$")


def scores_and_spans(corpus: str, data: dict) -> tuple[list[np.ndarray], list[tuple[int, int]]]:
    """The shipped model's line scores (page alone) and boundary_decode's span, per page (cached)."""
    key = code_hash("extract/line_weights.json", "extract/line_features.py", "extract/line_sections.py",
                    "extract/pagetext.py")
    path = OUT / f"p2span-{corpus}-{key}.npz"
    if path.exists():
        saved = np.load(path, allow_pickle=True)
        return list(saved["p2"]), [tuple(s) for s in saved["spans"]]
    models = load_models()
    decoder = models["_meta"]["boundary_decoder"]
    probs, spans = [], []
    for x in data["X"][corpus]:
        base = x[:, : -_n_shape()]
        p2 = (pagetext._two_stage(models, "", base) + pagetext._two_stage(models, "single_", base)) / 2
        probs.append(p2)
        if len(p2) == 0:
            spans.append((0, -1))
            continue
        B = boundary_features(p2, base)
        spans.append(pagetext.boundary_span(p2, models["start"].proba(B), models["end"].proba(B), decoder))
    np.savez_compressed(path, p2=np.array(probs, dtype=object), spans=np.array(spans))
    return probs, spans


def grown(p2: np.ndarray, start: int, end: int, t: float, gap: int) -> np.ndarray:
    """Lines outside the span scoring at least ``t``, reached from it in steps of at most ``gap``
    lines below ``t``."""
    ok = p2 >= t
    n = len(p2)
    e = end
    while True:
        nxt = next((k for k in range(e + 1, min(n, e + gap + 2)) if ok[k]), None)
        if nxt is None:
            break
        e = nxt
    s = start
    while True:
        prv = next((k for k in range(s - 1, max(-1, s - gap - 2), -1) if ok[k]), None)
        if prv is None:
            break
        s = prv
    idx = np.arange(n)
    return ok & (((idx >= s) & (idx < start)) | ((idx > end) & (idx <= e)))


def _shape(line: str) -> str:
    s = line.strip()
    if not s:
        return "E"
    if _NUMBER_CELL.match(s) and not is_date_line(s):
        return "N"
    words = len(s.split())
    return "A" if words <= 3 else ("B" if words <= 10 else "C")


def table_blocks(lines: list[str], rows: int, max_period: int = 8) -> np.ndarray:
    """Lines in blocks whose shapes repeat with a period of 2..max_period for ``rows`` periods, each
    period holding a number cell and two shapes at least."""
    sig = [_shape(line) for line in lines]
    n = len(sig)
    out = np.zeros(n, dtype=bool)
    j = 0
    while j < n:
        best = None
        for p in range(2, max_period + 1):
            period = sig[j : j + p]
            if len(period) < p or "N" not in period or "E" in period or len(set(period)) < 2:
                continue
            k = j
            while k + p <= n and sig[k : k + p] == period:
                k += p
            if (k - j) // p >= rows and (best is None or k - j > best[1] - best[0]):
                best = (j, k)
        if best:
            out[best[0] : best[1]] = True
            j = best[1]
        else:
            j += 1
    return out


def near_kept(kept: np.ndarray, blocks: np.ndarray, near: int) -> np.ndarray:
    """The blocks that start or end at most ``near`` lines from a kept line."""
    out = np.zeros(len(kept), dtype=bool)
    at = np.flatnonzero(kept)
    if not len(at):
        return out
    edges = np.flatnonzero(np.diff(np.concatenate([[0], blocks.astype(int), [0]])))
    for a, b in zip(edges[::2], edges[1::2]):
        if np.min(np.abs(np.concatenate([at - a, at - (b - 1)]))) <= near:
            out[a:b] = True
    return out


def _cell(s: dict) -> str:
    return f"{s['P']:.3f} / {s['R']:.3f} / **{s['F1']:.4f}** ({s['lost']:.3f}, {s['lost pages']})"


def _parts(data: dict, corpora: list[str]) -> dict[str, tuple[str, list[int]]]:
    parts = {}
    for c in corpora:
        pages = data["pages"][c]
        if c == "wcxb":
            for half in ("dev", "held-out"):
                parts[f"wcxb {half}"] = (c, [i for i, p in enumerate(pages) if site_half(p["group"]) == half])
        parts[c] = (c, list(range(len(pages))))
    return parts


def _score(data: dict, part: tuple[str, list[int]], flags: dict[str, list]) -> dict:
    c, idx = part
    return line_scores([data["pages"][c][i] for i in idx], [flags[c][i] for i in idx])


def check_against_clean_page_text(data: dict, shipped: dict[str, list], per_corpus: int = 8) -> None:
    same = total = 0
    for c, flags in shipped.items():
        for i in range(0, len(data["pages"][c]), max(1, len(data["pages"][c]) // per_corpus))[:per_corpus]:
            lines = data["pages"][c][i]["lines"]
            got = pagetext.clean_page_text("\n".join(lines)).kept
            same += list(got[: len(lines)]) == list(flags[i])
            total += 1
    print(f"\nflags equal to clean_page_text's on {same} of {total} pages checked", flush=True)


def table_1(data: dict, corpora: list[str], rows: dict[str, dict[str, list]]) -> None:
    parts = _parts(data, corpora)
    print("\nPage alone: line P / R / F1 (share, count of pages with body recall < 0.5)\n")
    print("| method | " + " | ".join(parts) + " |")
    print("|---|" + "---:|" * len(parts))
    for name, flags in rows.items():
        print(f"| {name} | " + " | ".join(_cell(_score(data, part, flags)) for part in parts.values()) + " |")
    for c, label in (("wcxb", "page type"), ("fundus", "language")):
        if c not in corpora:
            continue
        pages = data["pages"][c]
        kinds = defaultdict(list)
        for i, p in enumerate(pages):
            kinds[p["kind"]].append(i)
        if c == "wcxb":
            kinds["all but articles"] = [i for i, p in enumerate(pages) if p["kind"] != "article"]
        if c == "fundus":
            small = sorted(k for k, v in kinds.items() if len(v) < 5)
            kinds = {k: v for k, v in kinds.items() if len(v) >= 5}
            kinds["other (" + ", ".join(small) + ")"] = [i for i, p in enumerate(pages) if p["kind"] in small]
            kinds["all but English"] = [i for i, p in enumerate(pages) if p["kind"] != "en"]
        print(f"\n{c} by {label}: line P / R / F1 (lost share, pages)\n")
        print("| " + label + " | pages | " + " | ".join(rows) + " |")
        print("|---|---:|" + "---:|" * len(rows))
        for kind, idx in sorted(kinds.items(), key=lambda kv: -len(kv[1])):
            cells = [_cell(_score(data, (c, idx), flags)) for flags in rows.values()]
            print(f"| {kind} | {len(idx)} | " + " | ".join(cells) + " |")


def classify(data: dict, corpus: str, final: list, probs: list, spans: list) -> list[dict]:
    """One row per lost page: its stage, its span class, its body's shape."""
    decoder = load_models()["_meta"]["boundary_decoder"]
    out = []
    for i, page in enumerate(data["pages"][corpus]):
        y = np.asarray(page["labels"]) == 1
        kept = np.asarray(final[i], dtype=bool)
        if not y.any() or (kept & y).sum() >= 0.5 * y.sum():
            continue
        p2, (s, e) = probs[i], spans[i]
        raw = pagetext._keep_in_span(p2, s, e, decoder) if e >= s else np.zeros(len(y), dtype=bool)
        idx = np.arange(len(y))
        inside = (idx >= s) & (idx <= e)
        if (raw & y).sum() >= 0.5 * y.sum():
            where = "a rule after the decoder"
        elif inside[y].mean() >= 0.5:
            where = "span covers the body, its lines under the inside threshold"
        elif inside.any() and y[inside].mean() >= 0.5:
            where = "span inside the body, too short"
        else:
            where = "span on other lines"
        prose, _ = pagetext.prose_mask(page["lines"])
        shape = "body mostly sentence lines" if prose[y].mean() >= 0.5 else "body mostly short lines"
        out.append({"corpus": corpus, "kind": page["kind"], "half": site_half(page["group"]) if corpus == "wcxb" else "",
                    "where": where, "shape": shape, "blocks": body_blocks(page["lines"], y)})
    return out


def body_blocks(lines: list[str], y: np.ndarray, gap: int = 3) -> int:
    """How many blocks the gold body makes: runs of body lines split by ``gap`` or more non-empty
    lines that are not body (a forum's post headers, a listing's prices, a teaser between)."""
    blocks, since = 0, gap
    for line, body in zip(lines, y):
        if not line.strip():
            continue
        if body:
            blocks += since >= gap
            since = 0
        else:
            since += 1
    return blocks


def table_2(lost: list[dict]) -> None:
    print("\nLost pages by cause (shipped flags, page alone)\n")
    print("| corpus | where the body went | body mostly short lines | body mostly sentence lines | body in 3+ blocks "
          "| all | by page type / language |")
    print("|---|---|---:|---:|---:|---:|---|")
    groups = defaultdict(list)
    for row in lost:
        groups[row["corpus"], row["where"]].append(row)
    for (c, where), rows in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        shapes = Counter(r["shape"] for r in rows)
        kinds = Counter(r["kind"] for r in rows)
        halves = Counter(r["half"] for r in rows if r["half"])
        extra = (f"; dev {halves['dev']}, held-out {halves['held-out']}" if halves else "")
        print(f"| {c} | {where} | {shapes['body mostly short lines']} | {shapes['body mostly sentence lines']} | "
              f"{sum(r['blocks'] >= 3 for r in rows)} | {len(rows)} | " + ", ".join(f"{k} {v}" for k, v in kinds.most_common()) + extra + " |")


def table_3(data: dict, corpora: list[str], shipped: dict, probs: dict, spans: dict) -> None:
    if "wcxb" not in corpora:
        print("\n(the guards are designed on wcxb's development half: run with wcxb among --corpora)")
        return
    parts = _parts(data, corpora)
    decoder = load_models()["_meta"]["boundary_decoder"]
    flags_grown: dict[tuple, dict[str, list]] = {}
    stats = {}
    for c in corpora:
        for i, page in enumerate(data["pages"][c]):
            lines = page["lines"]
            kept = np.asarray(shipped[c][i], dtype=bool)
            chars = np.array([len(line.strip()) for line in lines])
            stats[c, i] = (kept.sum() / max((chars > 0).sum(), 1), (chars * kept).sum() / max(chars.sum(), 1))
    for step in GROW_STEPS:
        flags_grown[step] = {}
        for c in corpora:
            out = []
            for i, page in enumerate(data["pages"][c]):
                lines, p2, (s, e) = page["lines"], probs[c][i], spans[c][i]
                if e < s:
                    out.append(shipped[c][i])
                    continue
                raw = pagetext._keep_in_span(p2, s, e, decoder) | grown(p2, s, e, *step)
                out.append(pagetext.drop_near_repeats(lines, finish(lines, raw), WITHIN))
            flags_grown[step][c] = out

    added = {(step, c, i): (sum(flags_grown[step][c][i]) - sum(shipped[c][i]), max(sum(shipped[c][i]), 1))
             for step in GROW_STEPS for c in corpora for i in range(len(data["pages"][c]))}

    def grow_flags(step, share, chars, ratio) -> dict[str, list]:
        out = {}
        for c in corpora:
            out[c] = []
            for i in range(len(data["pages"][c])):
                more, kept = added[step, c, i]
                fires = stats[c, i][0] < share and stats[c, i][1] < chars and more >= ratio * kept
                out[c].append(flags_grown[step][c][i] if fires else shipped[c][i])
        return out

    def table_flags(near, rows) -> dict[str, list]:
        out = {}
        for c in corpora:
            out[c] = []
            for i, page in enumerate(data["pages"][c]):
                kept = np.asarray(shipped[c][i], dtype=bool)
                out[c].append((kept | near_kept(kept, table_blocks(page["lines"], rows), near)).tolist())
        return out

    base = {name: _score(data, part, shipped) for name, part in parts.items()}

    def choose(candidates, make, on: list[str]):
        best = None
        for setting in candidates:
            flags = make(*setting)
            got = {name: _score(data, parts[name], flags) for name in on}
            if any(got[n]["F1"] < base[n]["F1"] - 1e-9 or got[n]["lost pages"] > base[n]["lost pages"] for n in on):
                continue
            rank = (got[on[0]]["lost pages"], -got[on[0]]["F1"])
            if best is None or rank < best[0]:
                best = (rank, setting, flags)
        return best

    grow_grid = [(step, share, chars, ratio) for step in GROW_STEPS for share in GROW_SHARES for chars in GROW_CHARS
                 for ratio in GROW_RATIOS]
    print("\nGuards for the largest class, chosen on wcxb dev (fewest lost pages, F1 not below the shipped "
          "flags' on each training part); line P / R / F1 (lost share, pages)\n")
    print("| guard (chosen on) | setting | " + " | ".join(parts) + " |")
    print("|---|---|" + "---:|" * len(parts))
    print("| shipped flags | | " + " | ".join(_cell(base[n]) for n in parts) + " |")
    for label, grid, make in (("grow", grow_grid, grow_flags), ("table", TABLE_GRID, table_flags)):
        for on in (["wcxb dev"], ["wcxb dev", "aeb"] if "aeb" in corpora else None):
            if on is None:
                continue
            best = choose(grid, make, on)
            if best is None:
                print(f"| {label} ({' + '.join(on)}) | none keeps F1 | " + " | ".join("" for _ in parts) + " |")
                continue
            _, setting, flags = best
            print(f"| {label} ({' + '.join(on)}) | {setting} | "
                  + " | ".join(_cell(_score(data, part, flags)) for part in parts.values()) + " |", flush=True)


def exact_flags(data: dict, corpora: list[str]) -> tuple[dict[str, list], dict[str, list]]:
    """clean_page_text's flags for each page alone (round 23): ``pagetext.kept_from_scores`` on the
    cached line scores, i.e. every step clean_page_text takes after the model, the recall floor
    included (``line_loco.finish`` leaves out the bylines, teaser blocks, orphan labels and the
    floor). About a minute for the three corpora once the scores are cached. (flags, scores)"""
    models = load_models()
    flags, scores = {}, {}
    for c in corpora:
        scores[c] = line_probs(c, data)
        flags[c] = [pagetext.kept_from_scores(p["lines"], p["lines"], sc, set(), models)[0]
                    for p, sc in zip(data["pages"][c], scores[c])]
    return flags, scores


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--corpora", nargs="*", default=list(CORPORA))
    parser.add_argument("--no-guards", action="store_true", help="tables 1 and 2 only")
    parser.add_argument("--round21", action="store_true",
                        help="round 21's flags (line_loco.finish, no recall floor) instead of clean_page_text's")
    args = parser.parse_args()
    data = load_data()
    corpora = [c for c in CORPORA if c in args.corpora]
    if args.round21:
        shipped = {c: [pagetext.drop_near_repeats(p["lines"], f, WITHIN) for p, f in
                       zip(data["pages"][c], _cached_shipped(c, data))] for c in corpora}
    else:
        shipped, _ = exact_flags(data, corpora)
    check_against_clean_page_text(data, shipped)
    rows = {"shipped": shipped,
            "C4 line rules": {c: [[pagetext.c4_keep(line) for line in p["lines"]] for p in data["pages"][c]]
                              for c in corpora},
            "keep every line": {c: [[True] * len(p["lines"]) for p in data["pages"][c]] for c in corpora}}
    table_1(data, corpora, rows)
    probs, spans = {}, {}
    lost = []
    decoder = load_models()["_meta"]["boundary_decoder"]
    for c in corpora:
        if args.round21:
            probs[c], spans[c] = scores_and_spans(c, data)
        else:
            scored = line_probs(c, data)
            probs[c] = [sc[0] for sc in scored]
            spans[c] = [pagetext.boundary_span(*sc, decoder) if len(sc[0]) else (0, -1) for sc in scored]
        lost += classify(data, c, shipped[c], probs[c], spans[c])
    table_2(lost)
    if not args.no_guards:
        table_3(data, corpora, shipped, probs, spans)


if __name__ == "__main__":
    main()
