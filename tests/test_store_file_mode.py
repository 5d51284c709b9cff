"""A new SQLite database is its owner's alone (review 25a): it holds the watched sources' URLs,
credentials in them included, and the umask's usual 0644 let every local user read them."""

from __future__ import annotations

import os
import stat
import sys

import pytest

from storydiff.store import open_store

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")


def test_a_new_database_file_is_readable_by_its_owner_alone(tmp_path):
    old = os.umask(0o022)
    try:
        store = open_store(str(tmp_path / "news.db"))
        store.close()
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "news.db").stat().st_mode) == 0o600


def test_an_existing_database_keeps_the_mode_its_owner_gave_it(tmp_path):
    path = tmp_path / "shared.db"
    open_store(str(path)).close()
    path.chmod(0o640)
    open_store(str(path)).close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
