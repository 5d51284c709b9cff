"""What the README promises a newcomer, checked against the project: the install commands and the
extras they name, and what each command prints."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from storydiff.serve.cli import app

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
UNN = str(ROOT / "src" / "storydiff" / "examples" / "unn-kallas-ft.txt")


def extras() -> dict[str, list[str]]:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]


def test_the_all_extra_holds_every_optional_tier():
    tiers = extras()
    (requirement,) = tiers["all"]
    named = re.fullmatch(r"storydiff\[(.+)\]", requirement).group(1)
    assert set(named.split(",")) == set(tiers) - {"all"}  # a new extra must join it


def test_readme_test_command_is_the_one_ci_runs_and_uses_all():
    command = 'pip install -e ".[all]" && python -m pytest'
    assert f"```\n{command}\n```" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert ci.rstrip().splitlines()[-1] == command
    # the README says what .[all] holds, and every tier it names exists
    line = next(p for p in README.split("\n\n") if "`.[all]` installs every optional tier" in p)
    assert set(re.findall(r"`(\w+)`", line)) == set(extras()) - {"all"}


def test_extract_prints_a_table_and_with_json_json_lines_as_the_readme_says():
    row = next(line for line in README.splitlines() if line.startswith("| `storydiff extract"))
    assert "a table of them (a block of lines each below 100 columns), or with `--json` each article with its text" in row
    assert "as JSON Lines" in row
    runner = CliRunner()
    table = runner.invoke(app, ["extract", UNN], env={"COLUMNS": "120"})
    assert table.exit_code == 0 and "┃ source" in table.stdout and not table.stdout.lstrip().startswith("{")
    blocks = runner.invoke(app, ["extract", UNN], env={"COLUMNS": "80"})
    assert blocks.stdout.startswith(UNN[:40]) and "┃" not in blocks.stdout
    lines = runner.invoke(app, ["extract", "--json", UNN]).stdout.splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["text"]


def test_the_search_examples_find_what_the_readme_says_on_the_bundled_examples(tmp_path):
    """Each `storydiff search ...` the README shows, run on the examples as ingested (no `show`
    yet, as a newcomer would): it finds something, and with --speaker, quotes by that speaker."""
    import shlex

    from storydiff.romanisation import romanised

    paragraph = next(p for p in README.split("\n\n") if p.startswith("**Search.**"))
    commands = [shlex.split(c) for c in re.findall(r"`(storydiff search [^`]+)`", paragraph)]
    assert len(commands) >= 2
    runner = CliRunner()
    db = str(tmp_path / "news.db")
    assert runner.invoke(app, ["ingest", str(ROOT / "src" / "storydiff" / "examples"), "--db", db]).exit_code == 0
    for command in commands:
        found = runner.invoke(app, [*command[1:], "--db", db, "--json"])
        assert found.exit_code == 0, (command, found.output)
        hits = json.loads(found.stdout)
        assert hits["stories"] and (hits["articles"] or hits["quotes"]), command
        if "--speaker" in command:
            speaker = command[command.index("--speaker") + 1]
            # named once a comparison has named it; until then its paragraph names the speaker; in
            # either script (the Ukrainian report's "Ільзе Варнік" is Varnik: round 25)
            assert hits["quotes"] and all(q["speaker"] is None or speaker.lower() in romanised(q["speaker"])
                                          for q in hits["quotes"])


def test_the_readme_says_what_the_test_command_skips_without_postgresql_and_how_to_start_it():
    store_tests = (ROOT / "tests" / "test_store.py").read_text(encoding="utf-8")
    variable = re.search(r'os\.environ\.get\("(\w+)"\)', store_tests).group(1)
    assert f"`{variable}=postgresql+psycopg://...`" in README and "`bash .ci/postgres.sh`" in README
    assert (ROOT / ".ci" / "postgres.sh").exists()
