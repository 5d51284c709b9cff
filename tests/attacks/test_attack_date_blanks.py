"""Review 19, finding 6: a date line followed by a long run of blanks. The clock's "\\s*,?\\s*" before a
zone named in words backtracked quadratically ("May 2, 2019 10:30" + 4,000 spaces: 7.5 s; a page
whose date line is followed by 8,000 tabs: 44 s to extract), and ``zone_in_words``'s leading
"\\s*[,(]?\\s*" was cubic (800 spaces: 56 s). Each shape runs in a child process with a generous
timeout: linear code does all of them in well under a second."""

from __future__ import annotations

import subprocess
import sys

_SHAPES = r"""
from storydiff.extract import extract_item
from storydiff.extract.metadata import _FULL_DATE
from storydiff.records import RawItem
from storydiff.extract.zone_words import zone_in_words

for tail in (" " * 6000 + "x", "\t" * 6000 + "x", " , " + " " * 6000 + "x"):
    for date in ("May 2, 2019 10:30", "May 2, 2019", "2 мая 2019 в 10:30"):
        _FULL_DATE.search(date + tail)
zone_in_words(" " * 3000 + "x")
zone_in_words("14:30" + " " * 3000 + "x")
zone_in_words("(" + " " * 3000 + "x")
body = "The council met on Tuesday to discuss the budget and the new school buildings in the district.\n" * 5
page = "Council approves budget\n\nMay 2, 2019 10:30" + "\t" * 8000 + "x\n\n" + body
assert extract_item(RawItem("page.txt", "text", page)).text
print("done")
"""


def test_blank_runs_after_a_date_are_read_in_linear_time():
    done = subprocess.run([sys.executable, "-c", _SHAPES], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "done"
