"""A long run whose stderr is a log file says how far it is (QA pass 26b, 12: a 5-minute ingest
of an archive printed nothing until its end; Rich draws its bar only on a terminal)."""

from __future__ import annotations

import json
import re

from typer.testing import CliRunner

from storydiff.serve.cli import app

runner = CliRunner()


def test_a_run_logged_to_a_file_prints_progress_lines(tmp_path, monkeypatch):
    rows = tmp_path / "rows.jsonl"
    rows.write_text("".join(json.dumps({"id": f"r{i}", "title": f"Report {i}", "outlet": "Harbor Wire",
                                        "text": f"The harbour office said {i} ships were waiting to enter the port "
                                                "on Monday morning, more than a week ago."}) + "\n"
                            for i in range(5)), encoding="utf-8")
    monkeypatch.setenv("STORYDIFF_PROGRESS_SECONDS", "0.000001")
    result = runner.invoke(app, ["ingest", str(rows), "--db", str(tmp_path / "a.db"), "--workers", "0"])
    assert result.exit_code == 0, result.stderr
    lines = [x for x in result.stderr.splitlines() if x.startswith("ingesting: ")]
    assert lines and re.fullmatch(r"ingesting: \d+ done in \d+ s, [\d.]+/s", lines[-1]), lines


def test_no_progress_lines_when_turned_off(tmp_path, monkeypatch):
    rows = tmp_path / "rows.jsonl"
    rows.write_text(json.dumps({"id": "r1", "title": "Report", "outlet": "Harbor Wire",
                                "text": "The harbour office said nine ships were waiting on Monday."}) + "\n",
                    encoding="utf-8")
    monkeypatch.setenv("STORYDIFF_PROGRESS_SECONDS", "0")
    result = runner.invoke(app, ["ingest", str(rows), "--db", str(tmp_path / "a.db"), "--workers", "0"])
    assert result.exit_code == 0 and "ingesting:" not in result.stderr
