"""trafilatura's pruning XPaths evaluated in Python (storydiff.extract.trafilatura_paths): the same
elements, and what they cost.

1. ``--check``: every call of an installed evaluator, on every page of the sets (default and
   ``--fast`` extraction), compared with trafilatura's own XPath on the same tree: the element
   lists must be the same, in the same order (then every extraction is the same, by construction).
2. CPU seconds of ``extract_html`` over the same pages with trafilatura's XPaths and with the
   evaluators, alternated ``--rounds`` times in one process (the machine is shared: the ratio per
   round is the comparison).

    python bench/trafilatura_paths.py                      # timing: AEB and 300 random mix pages
    python bench/trafilatura_paths.py --check --sets aeb mix-all
"""

from __future__ import annotations

import argparse
import gzip
import random
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from pipeline import aeb_pages, mix_pages  # noqa: E402

from storydiff.extract import trafilatura_paths  # noqa: E402
from storydiff.extract.html import extract_html  # noqa: E402


def pages_of(name: str) -> list[Path]:
    if name == "aeb":
        return aeb_pages()
    if name == "mix-all":
        return mix_pages()
    return random.Random(1).sample(mix_pages(), 300)  # "mix": round 14's sample of the wcxb + fundus mix


def extract_all(pages: list[bytes], fast: bool = False) -> float:
    started = time.process_time()
    for page in pages:
        try:
            extract_html(page, fast=fast)
        except ValueError:
            pass
    return time.process_time() - started


def check(name: str, pages: list[bytes]) -> None:
    calls, differ = 0, []
    evaluate = trafilatura_paths.PythonPath.__call__

    def compared(self, tree, **variables):
        nonlocal calls
        ours, theirs = evaluate(self, tree, **variables), self.xpath(tree, **variables)
        calls += 1
        if ours != theirs:
            differ.append((" ".join(self.path.split())[:70], len(ours), len(theirs)))
        return ours

    trafilatura_paths.PythonPath.__call__ = compared
    try:
        extract_all(pages), extract_all(pages, fast=True)
    finally:
        trafilatura_paths.PythonPath.__call__ = evaluate
    print(f"{name}: {len(pages)} pages, {calls} calls compared, {len(differ)} differ {differ[:3]}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sets", nargs="*", default=["aeb", "mix"], choices=["aeb", "mix", "mix-all"])
    ap.add_argument("--check", action="store_true", help="compare every call with the XPath instead of timing")
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    print("installed:", ", ".join(trafilatura_paths.install()))
    for name in args.sets:
        pages = [gzip.decompress(p.read_bytes()) for p in pages_of(name)]
        if args.check:
            check(name, pages)
            continue
        extract_all(pages[:5])  # first-call work (dateparser's locales) out of the rounds
        print(f"{name} ({len(pages)} pages): extract_html CPU s, trafilatura's XPaths vs the Python evaluators")
        for _ in range(args.rounds):
            trafilatura_paths.uninstall()
            xpath = extract_all(pages)
            trafilatura_paths.install()
            python = extract_all(pages)
            print(f"  {xpath:7.2f} {python:7.2f}  ratio {python / xpath:.3f}", flush=True)


if __name__ == "__main__":
    main()
