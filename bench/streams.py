"""Synthetic article streams with ground truth, built from the ECB+ dev articles.

A *story* is one ECB+ event under one variant k: variant 0 is the original text; variant k>0
renames every capitalised word and number consistently (a different event of the same kind:
another quake, other people, other figures) and swaps a quarter of the other word types, so
variants share topic words but not who/where/how many. Every article of a story gets a
*reprint family*: copies with a new headline, trimmed or added paragraphs, boilerplate,
OCR-like noise or a wire dateline. ECB+'s own copies of one report (several outlets carrying
one wire text) are left out first (distinct_sources), so that two families never share a text.
Stories start at random times across the stream and their
articles follow within two days; the stream is written in publication order to JSONL under /tmp.

    python bench/streams.py --size 10000 [--seed 0] [--out /tmp/storydiff-stream-v2-10000.jsonl]

Each line: {"id", "title", "text", "published", "story", "family", "original"}.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

ECB = Path(__file__).resolve().parents[2] / "shared" / "data" / "stories" / "ecbplus-dev.jsonl"
ARTICLES_PER_DAY = 5_000  # the window (7 days) then holds ~35k articles whatever the stream size
START = datetime(2024, 1, 1, tzinfo=timezone.utc)
SOURCE_MAX_CONTAINMENT = 0.3  # distinct_sources()

_CAP = re.compile(r"\b[A-Z][a-z]{2,}\b")
_NUM = re.compile(r"\b\d+\b")
_WORD = re.compile(r"\b[a-z]{4,}\b")
_KEEP_CAPS = {"The", "This", "That", "They", "There", "When", "After", "But", "And", "His", "Her", "She"}
_SYL = ["ka", "lo", "mi", "ra", "ten", "vo", "su", "der", "an", "bel", "cor", "is", "ul", "mar", "zen", "po"]
BOILERPLATE = [
    "Subscribe to our newsletter for the latest headlines.",
    "Copyright 2024 The Daily Courier. All rights reserved.",
    "Follow us on Twitter and Facebook for updates.",
    "This article was updated with additional reporting.",
    "Advertisement",
]
DATELINES = ["NEW YORK (AP) -", "LONDON (Reuters) -", "PARIS (AFP) -", "WASHINGTON (AP) -"]


def _h(*parts: object) -> int:
    return int.from_bytes(hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=8).digest(), "big")


def _name(k: int, word: str) -> str:
    h = _h(k, word)
    return "".join(_SYL[(h >> (4 * i)) % len(_SYL)] for i in range(3)).capitalize()


def make_variant(text: str, k: int, vocab: list[str]) -> str:
    """Variant k of a text: another event of the same kind (k = 0 is the text itself)."""
    if k == 0:
        return text
    text = _CAP.sub(lambda m: m.group() if m.group() in _KEEP_CAPS else _name(k, m.group()), text)
    text = _NUM.sub(lambda m: str(_h(k, m.group()) % 2000), text)
    return _WORD.sub(
        lambda m: vocab[_h(k, "w", m.group()) % len(vocab)] if _h(k, m.group()) % 4 == 0 else m.group(), text
    )


def ocr_noise(text: str, rng: random.Random, rate: float) -> str:
    subs = {"l": "1", "o": "0", "e": "c", "i": "l", "m": "rn", "s": "5"}
    out = []
    for ch in text:
        if ch in subs and rng.random() < rate:
            out.append(subs[ch])
        else:
            out.append(ch)
    return "".join(out)


def make_reprint(title: str, text: str, rng: random.Random) -> tuple[str, str]:
    """A syndicated copy: each edit applied with some probability, as outlets do."""
    paras = [p for p in text.split("\n") if p.strip()]
    if rng.random() < 0.5 and len(paras) > 3:  # trimmed at the end (keep at least 70%)
        paras = paras[: max(3, int(len(paras) * rng.uniform(0.7, 1.0)))]
    if rng.random() < 0.3:  # a paragraph added (an editor's note)
        paras.insert(
            rng.randrange(len(paras) + 1), "Editor's note: this report includes material from wire services."
        )
    if rng.random() < 0.5:
        paras += rng.sample(BOILERPLATE, 2)
    if rng.random() < 0.4 and paras:
        paras[0] = f"{rng.choice(DATELINES)} {paras[0]}"
    body = "\n".join(paras)
    if rng.random() < 0.3:
        body = ocr_noise(body, rng, 0.01)
    new_title = rng.choice(
        [f"UPDATE: {title}", title.upper(), f"{title} - report", " ".join(title.split()[:6])]
    )
    return new_title, body


def load_ecb(path: Path = ECB) -> list[dict]:
    return [json.loads(line) for line in path.open(encoding="utf-8")]


def _shingles(text: str) -> set[int]:
    from storydiff.match.features import tokenize
    from storydiff.match.fingerprint import shingle_hashes

    return set(shingle_hashes([t.lower() for t in tokenize(text)]).tolist())


def distinct_sources(rows: list[dict], max_containment: float = SOURCE_MAX_CONTAINMENT) -> list[dict]:
    """ECB+ docs minus those that copy an earlier doc of their event (exact shingle sets).

    ECB+ holds wire copies of one report under several outlets' names; as separate families
    they would be reprints the ground truth calls distinct (a correct detection counted as a
    false positive). Kept: a doc whose shingle containment in every kept doc of its event is
    below ``max_containment`` (0.3: well under any copy's, reprint P/R is measured far above).
    """
    kept: list[dict] = []
    seen: dict[str, list[set[int]]] = {}
    for r in rows:
        sh = _shingles(r["text"])
        prior = seen.setdefault(r["event_cluster"], [])
        if sh and any(len(sh & o) / min(len(sh), len(o)) >= max_containment for o in prior if o):
            continue
        prior.append(sh)
        kept.append(r)
    return kept


def generate(size: int, seed: int = 0, path: Path = ECB) -> Iterator[dict]:
    """Yield ``size`` articles in publication order (ground truth in story/family/original)."""
    rows = distinct_sources(load_ecb(path))
    by_event: dict[str, list[dict]] = {}
    for r in rows:
        by_event.setdefault(r["event_cluster"], []).append(r)
    vocab = sorted({w for r in rows for w in _WORD.findall(r["text"])})
    rng = random.Random(seed)
    days = max(1.0, size / ARTICLES_PER_DAY)
    events = sorted(by_event)
    pending: list[tuple[float, int, dict]] = []
    n = k = 0
    while n < size:  # plan stories until the stream is full
        for ev in events:
            if n >= size:
                break
            story = f"{ev}#{k}"
            t0 = rng.uniform(0, days * 86400)
            for r in by_event[ev]:
                if n >= size:
                    break
                title = make_variant(r["title"] or "", k, vocab)
                text = make_variant(r["text"], k, vocab)
                fam = f"{r['doc_id']}#{k}"
                t = t0 + rng.uniform(0, 36 * 3600)
                copies = [(title, text, True)]
                for _ in range(min(rng.choice([0, 1, 1, 2, 3, 5]), size - n - 1)):
                    copies.append((*make_reprint(title, text, rng), False))
                for j, (ti, tx, orig) in enumerate(copies):
                    tj = t + (0 if orig else rng.uniform(600, 12 * 3600))
                    pending.append(
                        (
                            tj,
                            n,
                            {
                                "id": f"{fam}/{j}",
                                "title": ti,
                                "text": tx,
                                "story": story,
                                "family": fam,
                                "original": orig,
                            },
                        )
                    )
                    n += 1
        k += 1
    pending.sort(key=lambda x: (x[0], x[1]))
    for t, _, d in pending:
        d["published"] = (START + timedelta(seconds=t)).isoformat()
        yield d


def default_path(size: int, seed: int = 0) -> Path:
    # v2: ECB+'s own copies left out (distinct_sources); v1 files under the old name differ.
    return Path(f"/tmp/storydiff-stream-v2-{size}" + (f"-seed{seed}" if seed else "") + ".jsonl")


def write(size: int, out: Path, seed: int = 0) -> Path:
    with out.open("w", encoding="utf-8") as f:
        for d in generate(size, seed):
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()
    out = args.out or default_path(args.size, args.seed)
    write(args.size, out, args.seed)
    print(f"wrote {args.size} articles to {out}")



# -- a stream with other languages -------------------------------------------------------------
WMT = ECB.parents[1] / "crosslingual" / "wmt-dev" / "docs.jsonl"
SEMEVAL = ECB.parent / "semeval2022-pairs.jsonl"
TGCONTEST = ECB.parent / "tgcontest-pairs"
_CAP_ANY = re.compile(r"\b[^\W\d_][^\W\d_]{2,}\b")
_SYL_CYR = ["ка", "ло", "ми", "ра", "тен", "во", "су", "дер", "ан", "бел", "кор", "ис", "ул", "мар", "зен", "по"]


def _name_any(k: int, word: str) -> str:
    syl = _SYL_CYR if "\u0400" <= word[0] <= "\u04ff" else _SYL
    h = _h(k, word)
    return "".join(syl[(h >> (4 * i)) % len(syl)] for i in range(3)).capitalize()


def variant_any(text: str, k: int) -> str:
    """Variant k of a text in any script: capitalised words and figures renamed (k = 0: itself)."""
    if k == 0:
        return text
    text = _CAP_ANY.sub(lambda m: _name_any(k, m.group()) if m.group()[0].isupper() else m.group(), text)
    return _NUM.sub(lambda m: str(_h(k, m.group()) % 2000), text)


def other_language_pool() -> list[tuple[str, str]]:
    """(title, text) of news in languages other than English: SemEval's non-English texts and
    tgcontest's Russian ones (wmt-dev's translations are added with their English documents)."""
    import csv
    import sys

    pool: list[tuple[str, str]] = []
    seen: set[str] = set()
    if SEMEVAL.exists():
        for line in SEMEVAL.open(encoding="utf-8"):
            r = json.loads(line)
            for lang, text in ((r["lang1"], r["text1"]), (r["lang2"], r["text2"])):
                if lang != "en" and text and text not in seen:
                    seen.add(text)
                    pool.append(("", text))
    if TGCONTEST.exists():
        csv.field_size_limit(sys.maxsize)
        for f in sorted(TGCONTEST.glob("ru_*.tsv")):
            for r in csv.DictReader(f.open(encoding="utf-8"), delimiter="\t"):
                for side in ("first", "second"):
                    text = r.get(f"INPUT:{side}_text") or ""
                    if text and text not in seen:
                        seen.add(text)
                        pool.append((r.get(f"INPUT:{side}_title") or "", text))
    return pool


def generate_mixed(size: int, share: float = 0.3, seed: int = 0) -> Iterator[dict]:
    """``size`` articles, ``share`` of them in other languages, in publication order: the English
    stream above for the rest, wmt-dev's documents with their Russian and Ukrainian translations
    (each an English story: the translations follow within a day), and renamed variants of the
    other-language pool, each a story of its own."""
    rng = random.Random(seed)
    n_other = int(size * share)
    english = list(generate(size - n_other, seed))
    t_end = (datetime.fromisoformat(english[-1]["published"]) - START).total_seconds()
    rows: list[tuple[float, dict]] = [((datetime.fromisoformat(d["published"]) - START).total_seconds(), d)
                                      for d in english]
    other = 0
    if WMT.exists():
        docs: dict[str, list[dict]] = {}
        for line in WMT.open(encoding="utf-8"):
            r = json.loads(line)
            docs.setdefault(r["doc_id"], []).append(r)
        for doc_id, versions in docs.items():
            t0 = rng.uniform(0, t_end)
            for r in versions:
                if r["lang"] != "en":
                    if other >= n_other:
                        continue
                    other += 1
                t = t0 + (0 if r["lang"] == "en" else rng.uniform(600, 86400))
                rows.append((t, {"id": f"{doc_id}/{r['lang']}", "title": "", "text": r["text"],
                                 "story": doc_id, "family": f"{doc_id}/{r['lang']}", "original": True}))
    pool = other_language_pool()
    k = 0
    while other < n_other and pool:
        for i, (title, text) in enumerate(pool):
            if other >= n_other:
                break
            sid = f"other{i}#{k}"
            rows.append((rng.uniform(0, t_end), {"id": sid, "title": variant_any(title, k), "text": variant_any(text, k),
                                                 "story": sid, "family": sid, "original": True}))
            other += 1
        k += 1
    rows.sort(key=lambda x: x[0])
    for t, d in rows:
        d["published"] = (START + timedelta(seconds=t)).isoformat()
        yield d


def mixed_path(size: int, share: float = 0.3, seed: int = 0) -> Path:
    return Path(f"/tmp/storydiff-mixed{int(share * 100)}-{size}" + (f"-seed{seed}" if seed else "") + ".jsonl")


def write_mixed(size: int, out: Path, share: float = 0.3, seed: int = 0) -> Path:
    with out.open("w", encoding="utf-8") as f:
        for d in generate_mixed(size, share, seed):
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    return out


if __name__ == "__main__":
    main()
