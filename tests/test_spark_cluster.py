"""The Spark job on a real standalone cluster: a master and two workers started on loopback by the
test (``spark-class ...Master`` / ``...Worker`` from the pyspark wheel), the job submitted by the
CLI with ``--master spark://127.0.0.1:PORT``, its output the same as local mode's."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_spark import EXAMPLES, _generated_jsonl

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("pyspark") is None or not shutil.which("java"),
    reason="pyspark and java are needed",
)


def _run_job(inputs: list[str], out: Path, master: str, parts: int) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "storydiff", "spark", *inputs, "--out", str(out), "--master", master,
         "--time-partitions", str(parts)],
        capture_output=True, text=True, timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _rows(folder: Path) -> list[dict]:
    rows = [json.loads(line) for f in sorted(folder.glob("part-*")) for line in f.read_text("utf-8").splitlines()]
    return sorted(rows, key=lambda r: json.dumps(r, sort_keys=True))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    tmp = tmp_path_factory.mktemp("cluster-in")
    _generated_jsonl(tmp / "generated.jsonl")
    (tmp / "broken.jsonl").write_text('{"id": "x", "text": \n', encoding="utf-8")
    return sorted(str(p) for p in EXAMPLES.iterdir() if p.is_file()) + [
        str(tmp / "generated.jsonl"), str(tmp / "broken.jsonl")]


def test_cluster_output_equals_local_mode(inputs, tmp_path):
    from storydiff.spark_cluster import standalone_cluster

    local = _run_job(inputs, tmp_path / "local", "local[2]", 3)
    with standalone_cluster(workers=2, cores_per_worker=1) as master:
        assert master.startswith("spark://127.0.0.1:")
        on_cluster = _run_job(inputs, tmp_path / "cluster", master, 3)
    assert on_cluster == local
    assert local["articles"] >= 15 and local["time_ranges"] == 3 and local["failures"] == 1
    for part in ("articles", "stories", "failures"):
        assert _rows(tmp_path / "cluster" / part) == _rows(tmp_path / "local" / part), part
    stories = _rows(tmp_path / "cluster" / "stories")
    assert any(len(s["article_ids"]) == 5 for s in stories)  # the 16-day bridge story, stitched across ranges


def test_cluster_stops_its_processes():
    from storydiff.spark_cluster import standalone_cluster

    with standalone_cluster(workers=1) as master:
        port = int(master.rsplit(":", 1)[1])
        import socket

        with socket.create_connection(("127.0.0.1", port), timeout=5):
            pass  # the master listens while the cluster is up
    import socket

    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=2).close()


def test_cluster_reads_relative_paths_and_the_drivers_zone(tmp_path, monkeypatch):
    """On the cluster (started without the variable), a relative input was "no such file" and
    zone-less times ignored the driver's zone, 2 hours off, one without any offset (QA 18 #13, #14)."""
    from storydiff.dates import ASSUME_TZ_ENV
    from storydiff.spark_cluster import standalone_cluster

    rows = [{"id": "z1", "title": "Metro station closed", "outlet": "Kyiv Daily", "published": "05.12.2026 10:00",
             "text": "The Lybidska metro station in Kyiv was closed for repairs on Saturday, the city said."},
            {"id": "z2", "title": "Lybidska closed", "outlet": "Misto", "published": "2026-12-05 11:30",
             "text": "Kyiv closed the Lybidska metro station for repairs on Saturday, officials said."}]
    (tmp_path / "rows.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    monkeypatch.delenv(ASSUME_TZ_ENV, raising=False)
    with standalone_cluster(workers=1) as master:
        proc = subprocess.run(  # the driver's variable (--assume-tz sets the same)
            [sys.executable, "-m", "storydiff", "spark", "rows.jsonl", "--out", "out", "--master", master],
            capture_output=True, text=True, timeout=900, cwd=tmp_path, env={**os.environ, ASSUME_TZ_ENV: "Europe/Kyiv"},
        )
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert json.loads(proc.stdout.strip().splitlines()[-1])["failures"] == 0
    published = {r["id"]: r["published"] for r in _rows(tmp_path / "out" / "articles")}
    assert published == {"z1": "2026-12-05T10:00:00+02:00", "z2": "2026-12-05T11:30:00+02:00"}
