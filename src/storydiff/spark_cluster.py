"""A throwaway Spark standalone cluster on loopback: one master and N workers, started from the
pyspark wheel's own ``spark-class`` (no Spark download, no Hadoop), for the tests and benchmarks
that run the Spark job as it runs on a real cluster (``--master spark://HOST:PORT``), and for
trying the job on one machine before a cluster one already has.

    with standalone_cluster(workers=2) as master:      # "spark://127.0.0.1:PORT"
        subprocess.run(["storydiff", "spark", "news/", "--out", "out", "--master", master])

    python -m storydiff.spark_cluster --workers 2      # prints the master URL, Ctrl-C stops it

Every process listens on 127.0.0.1 only, on free ports, with its logs and work folders in a
temporary directory; the context manager stops them all (process groups), also on errors.
Executors run this interpreter (``PYSPARK_PYTHON``), so storydiff is importable on them: on a
real cluster, storydiff and its dependencies must be installed on every executor instead.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


class ClusterError(RuntimeError):
    """The cluster did not come up (no Java, no pyspark, a process died, or a timeout)."""


def spark_home() -> Path:
    try:
        import pyspark
    except ImportError as e:  # pragma: no cover - the caller checks first
        raise ClusterError("pyspark is not installed: pip install 'storydiff[spark]'") from e
    return Path(pyspark.__file__).resolve().parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _cluster_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        SPARK_HOME=str(home),
        SPARK_LOCAL_IP="127.0.0.1",
        SPARK_LOCAL_HOSTNAME="127.0.0.1",
        PYSPARK_PYTHON=sys.executable,
        PYSPARK_DRIVER_PYTHON=sys.executable,
        # the daemons do not read a conf/ folder the wheel lacks; keep their own logs quiet
        SPARK_NO_DAEMONIZE="1",
    )
    return env


def _master_status(ui_port: int) -> dict | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{ui_port}/json/", timeout=2) as r:
            return json.loads(r.read().decode("utf-8"))
    except (OSError, ValueError):
        return None


def _stop(procs: list[subprocess.Popen]) -> None:
    for p in procs:
        if p.poll() is None:
            try:
                os.killpg(p.pid, signal.SIGTERM)
            except ProcessLookupError:
                pass
    deadline = time.monotonic() + 15
    for p in procs:
        try:
            p.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            p.wait()


@contextmanager
def standalone_cluster(
    workers: int = 2,
    cores_per_worker: int = 1,
    worker_memory: str = "1g",
    timeout_s: float = 180.0,
) -> Iterator[str]:
    """Start a master and ``workers`` workers on 127.0.0.1; yield the master URL once every
    worker has registered; stop them all on exit."""
    if not (shutil.which("java") or os.environ.get("JAVA_HOME")):
        raise ClusterError("java is not available (Spark needs Java 17)")
    home = spark_home()
    spark_class = home / "bin" / "spark-class"
    env = _cluster_env(home)
    port, ui_port = free_port(), free_port()
    master_url = f"spark://127.0.0.1:{port}"
    tmp = Path(tempfile.mkdtemp(prefix="storydiff-spark-cluster-"))
    procs: list[subprocess.Popen] = []

    def start(name: str, args: list[str]) -> None:
        log = open(tmp / f"{name}.log", "wb")  # noqa: SIM115 - closed with the process below
        procs.append(
            subprocess.Popen(
                [str(spark_class), *args],
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: stopped with everything it forks
            )
        )
        log.close()

    try:
        start(
            "master",
            ["org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", str(port),
             "--webui-port", str(ui_port)],
        )
        for i in range(workers):
            work = tmp / f"worker-{i}"
            work.mkdir()
            start(
                f"worker-{i}",
                ["org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores",
                 str(cores_per_worker), "--memory", worker_memory, "--webui-port", str(free_port()),
                 "--work-dir", str(work), master_url],
            )
        deadline = time.monotonic() + timeout_s
        while True:
            dead = [p for p in procs if p.poll() is not None]
            if dead:
                logs = "\n".join((tmp / f).read_text(errors="replace")[-2000:] for f in sorted(os.listdir(tmp)) if f.endswith(".log"))
                raise ClusterError(f"a Spark process exited with status {dead[0].returncode}:\n{logs}")
            status = _master_status(ui_port)
            if status and status.get("aliveworkers", 0) >= workers:
                break
            if time.monotonic() > deadline:
                raise ClusterError(f"{workers} worker(s) did not register with {master_url} in {timeout_s:.0f} s")
            time.sleep(0.5)
        yield master_url
    finally:
        _stop(procs)
        shutil.rmtree(tmp, ignore_errors=True)


def main(argv: list[str] | None = None) -> int:  # pragma: no cover - an interactive helper
    import argparse

    ap = argparse.ArgumentParser(
        prog="python -m storydiff.spark_cluster",
        description="Start a Spark standalone cluster on 127.0.0.1 (master + workers from the pyspark "
        "wheel) and print its URL; Ctrl-C stops it.",
    )
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--cores", type=int, default=1, help="cores per worker")
    ap.add_argument("--memory", default="1g", help="memory per worker")
    args = ap.parse_args(argv)
    try:
        with standalone_cluster(args.workers, args.cores, args.memory) as url:
            print(url, flush=True)
            print(f"storydiff spark INPUT... --out DIR --master {url}", file=sys.stderr)
            signal.signal(signal.SIGTERM, signal.default_int_handler)  # SIGTERM stops it as Ctrl-C does
            while True:
                time.sleep(3600)
    except ClusterError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
