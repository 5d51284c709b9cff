"""Issue 22, case 5: gzip bombs were not bounded: a 1.9 MB .jsonl.gz holding one 2 GB line peaked
at 4.9 GB, a 204 KB .jsonl.gz of blank lines burned 68 s of CPU, .rss.gz and .csv.gz bombs peaked
at 2.3 and 1.4 GB. Now a file growing past 100 times its compressed size (after 64 MB) fails by
name; each case runs in a child process whose peak memory is checked."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import attack_inputs as inputs
import pytest

BOMBS = {
    "one-line.jsonl.gz": inputs.bomb_jsonl_one_line,
    "blank-lines.jsonl.gz": inputs.bomb_jsonl_blank_lines,
    "bomb.rss.gz": inputs.bomb_rss,
    "bomb.csv.gz": inputs.bomb_csv,
}
PEAK_LIMIT_MB = 500  # the reader itself stays near 70 MB; an unbounded one needs gigabytes

# The peak is the process's own (VmHWM, reset by exec): ru_maxrss keeps the high-water mark of the
# process it was forked from, here the whole test run.
_READ = """
import json, re, resource, sys
from storydiff.ingest import read_inputs
results = [[type(r).__name__, r.source, getattr(r, "reason", "")] for r in read_inputs(sys.argv[1:])]
try:
    peak_mb = int(re.search(r"VmHWM:\\s+(\\d+)", open("/proc/self/status").read()).group(1)) / 1024
except OSError:
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"results": results, "peak_mb": peak_mb}))
"""


def read_in_child(*paths: Path, memory_cap_mb: int = 3000) -> dict:
    """read_inputs in a child process, its address space capped so a failing reader cannot take
    the test machine's memory with it (it fails with MemoryError instead)."""
    limit = f"import resource; resource.setrlimit(resource.RLIMIT_AS, ({memory_cap_mb << 20}, {memory_cap_mb << 20}))\n"
    done = subprocess.run([sys.executable, "-c", limit + _READ, *map(str, paths)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


@pytest.mark.parametrize("name", sorted(BOMBS))
def test_a_bomb_fails_by_name_in_bounded_memory_and_the_batch_goes_on(tmp_path, name):
    bomb = BOMBS[name](tmp_path / name)
    good = inputs.write_jsonl(tmp_path / "good.jsonl", [inputs.good_row(1)])
    out = read_in_child(bomb, good)
    kinds = [(k, Path(src).name) for k, src, _ in out["results"]]
    assert ("Failure", name) in kinds and ("RawItem", "good.jsonl#L1 (id row1)") in kinds
    reason = next(r for k, src, r in out["results"] if Path(src).name == name)
    assert "decompression bomb" in reason
    assert out["peak_mb"] < PEAK_LIMIT_MB
