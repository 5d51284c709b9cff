"""What the speakers' spaCy parse costs, component by component, on AEB's quoted articles: the
parse is most of `compare`'s analysis and of a first view of a story nobody viewed (§11).

    python bench/parse_cost.py            # AEB's 181 pages: every article with a quote, parsed
                                          # as far as its speakers are read (speaker_parse_end)
    python3.12 ...                        # the same under another interpreter: spaCy's wheels
                                          # are built with Cython's profiling hooks before 3.12

Each component runs over all texts in one nlp.pipe pass (batch 32, one process, OMP_NUM_THREADS
as set); CPU seconds of the second of two passes (the first fills caches). The digest covers
every token's tag, POS, morphology, head, dependency and entity: equal digests, equal parses.
"""

from __future__ import annotations

import hashlib
import json
import platform
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
AEB = HERE.parents[1] / "shared" / "data" / "extraction" / "aeb" / "html"


def quoted_texts() -> list[str]:
    from storydiff.analyze.quotes import quote_spans
    from storydiff.analyze.speakers import speaker_parse_end
    from storydiff.pipeline import extract_paths
    from storydiff.records import Article

    texts = []
    for a in extract_paths([str(p) for p in sorted(AEB.glob("*.html.gz"))]):
        if isinstance(a, Article) and a.text and (spans := quote_spans(a.text)):
            texts.append(a.text[: speaker_parse_end(a.text, spans)])
    return texts


def main() -> None:
    import spacy

    from storydiff.analyze.nlp import SPEAKER_COMPONENTS, _fast_attribute_ruler, get_nlp

    if not AEB.is_dir():
        raise SystemExit(f"no AEB pages at {AEB}")
    texts = quoted_texts()
    nlp = get_nlp()
    for _ in range(2):  # the second pass is reported
        cost: dict[str, float] = {}
        t = time.process_time()
        docs = [nlp.make_doc(x) for x in texts]
        cost["tokenizer"] = time.process_time() - t
        for name, proc in nlp.pipeline:
            if name not in SPEAKER_COMPONENTS:
                continue
            t = time.process_time()
            if name == "attribute_ruler" and _fast_attribute_ruler(proc) is not None:
                docs = [_fast_attribute_ruler(proc)(d) for d in docs]
            else:
                docs = list(proc.pipe(docs, batch_size=32))
            cost[name] = time.process_time() - t
    digest = hashlib.sha256(json.dumps([[(t.tag_, t.pos_, str(t.morph), t.head.i, t.dep_, t.ent_iob_, t.ent_type_)
                                         for t in d] for d in docs]).encode()).hexdigest()[:16]
    print(f"Python {platform.python_version()}, spaCy {spacy.__version__}, {len(texts)} quoted AEB texts, "
          f"{sum(map(len, docs)):,} tokens")
    print(f"{'component':16s} {'CPU s':>7s}")
    for name, s in cost.items():
        print(f"{name:16s} {s:7.2f}")
    print(f"{'total':16s} {sum(cost.values()):7.2f}")
    print(f"annotations digest {digest}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
