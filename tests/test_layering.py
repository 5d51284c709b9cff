"""The pipeline's layers, read from the source: a stage imports the stages before it
(fetch -> ingest -> extract -> analyze -> match -> compare -> store -> serve), the shared modules
(``records``, ``settings``, ``dates``, ``lexicon``, ...), and nothing after it; ``lexicon`` (names,
given names, figures and outlets as languages write them) imports no stage; no stage imports the CLI or the web app.

The few edges that still point backwards are listed with why; a new one fails here, so it is
either a module in the right place or a line added to this list with its reason."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "storydiff"
STAGES = ("fetch", "ingest", "extract", "analyze", "match", "compare", "store", "serve")

# (importing stage, imported module): why it may point backwards
ALLOWED_BACKWARD = {
    # a listing (feed, sitemap) is read with ingest's own feed and URL readers, and a fetched page's
    # meta and size check are extract's: one reader of each, not a copy in fetch
    ("fetch", "storydiff.ingest.formats"): "listings read as ingest reads an export's feed",
    ("fetch", "storydiff.ingest.decode"): "bytes decoded as ingest decodes them",
    ("fetch", "storydiff.ingest.sanitize"): "feed text cleaned as ingest cleans it",
    ("fetch", "storydiff.extract.html"): "a page's meta and size check",
    ("ingest", "storydiff.extract.language"): "an undated export's rows ordered by their language",
    # the fact comparison's date readers, so that an event's day is read as a fact's day
    ("match", "storydiff.compare.claims"): "an event's day read as the facts read dates",
}


def _imported_modules(path: Path, package: str | None = None) -> set[str]:
    """Every storydiff module a file imports, at its top or inside a function, relative imports
    read from ``package`` (the file's own under src/)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    if package is None:
        package = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                module = ".".join([*base, node.module] if node.module else base)
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{a.name}" for a in node.names)  # "from storydiff import cli"
    return {m for m in found if m.startswith("storydiff.")}


def _stage_of(module: str) -> str | None:
    part = module.split(".")[1]
    return part if part in STAGES else None


def _edges(package: str) -> set[tuple[str, str, str]]:
    """(file, imported module, its stage) for each storydiff import of a package's files."""
    out = set()
    for path in sorted((PACKAGE / package).rglob("*.py")):
        for module in _imported_modules(path):
            out.add((str(path.relative_to(PACKAGE)), module, _stage_of(module) or ""))
    return out


@pytest.mark.parametrize("stage", STAGES)
def test_a_stage_imports_no_later_stage(stage):
    later = set(STAGES[STAGES.index(stage) + 1:])
    wrong = sorted(f"{file} imports {module}" for file, module, other in _edges(stage)
                   if other in later and (stage, ".".join(module.split(".")[:3])) not in ALLOWED_BACKWARD)
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("stage", STAGES)
def test_no_stage_imports_the_cli(stage):
    wrong = sorted(f"{file} imports {module}" for file, module, _ in _edges(stage)
                   if module.split(".")[1] in ("cli", "__main__"))
    assert not wrong, "\n".join(wrong)


def test_the_lexicon_imports_no_stage():
    wrong = sorted(f"{file} imports {module}" for file, module, other in _edges("lexicon") if other)
    assert not wrong, "\n".join(wrong)


def test_every_allowed_backward_edge_is_still_used():
    """An allowance nobody needs any more is removed, so the list says what the code does."""
    used = {(stage, ".".join(module.split(".")[:3])) for stage in STAGES for _, module, _ in _edges(stage)}
    assert set(ALLOWED_BACKWARD) <= used, sorted(set(ALLOWED_BACKWARD) - used)


def test_the_reader_sees_relative_and_function_level_imports(tmp_path):
    """The check itself: an import inside a function and a relative one are both read."""
    assert "storydiff.lexicon.numbers" in _imported_modules(PACKAGE / "analyze" / "sentences.py")
    fake = tmp_path / "x.py"
    fake.write_text("from ..records import Article\n\ndef f():\n    from storydiff.serve import app\n")
    found = _imported_modules(fake, package="storydiff.match")
    assert {"storydiff.serve", "storydiff.serve.app", "storydiff.records.Article"} <= found


def test_the_names_table_builder_writes_where_the_lexicon_reads():
    """bench/build_names_table.py rebuilds the table lexicon/names.py loads (it moved with it)."""
    import importlib.util

    from storydiff.lexicon import names

    builder = PACKAGE.parents[1] / "bench" / "build_names_table.py"
    spec = importlib.util.spec_from_file_location("build_names_table", builder)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.OUT.resolve() == names.TABLE.resolve()
