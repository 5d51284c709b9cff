"""Shared helpers of the attack suite (issue 22): the CLI in-process and the slow-test opt-in.
(Not a conftest.py: tests/conftest.py is imported by its module name, conftest, and a second
one would take its place.)"""

from __future__ import annotations

import os

import pytest
from typer.testing import CliRunner

from storydiff.serve.cli import app

runner = CliRunner()

# Cases over ~20 s run only when asked for (STORYDIFF_SLOW_TESTS=1); bench/torture.py runs them all.
RUN_SLOW = os.environ.get("STORYDIFF_SLOW_TESTS") == "1"
slow_only = pytest.mark.skipif(not RUN_SLOW, reason="over 20 s: set STORYDIFF_SLOW_TESTS=1 (bench/torture.py runs it)")


def cli(*args: str, **kw):
    """``storydiff ARGS`` in this process; never raises, so a crash shows as a traceback in the
    result (result.exception) as a user would see one."""
    return runner.invoke(app, [str(a) for a in args], **kw)


def no_traceback(result) -> bool:
    return result.exception is None or isinstance(result.exception, SystemExit)
