"""Helpers shared by the benchmarks: timing child processes and their peak memory."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
KG = str(BIN / "kg")
PYTHON = sys.executable

# Runs a command as a child and prints its wall time, peak RSS (KiB) and CPU seconds (its own
# and its children's, e.g. ingest's workers) as JSON: the figures belong to that one command,
# not to every child this benchmark ever waited for.
_PROBE = (
    "import json, resource, subprocess, sys, time\n"
    "t = time.perf_counter()\n"
    "p = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
    "wall = time.perf_counter() - t\n"
    "use = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "rss, cpu = use.ru_maxrss, use.ru_utime + use.ru_stime\n"
    "print(json.dumps({'wall': wall, 'rss_kib': rss, 'cpu': cpu, 'rc': p.returncode,"
    " 'err': p.stderr.decode()[-300:]}))\n"
)


def measure(cmd: list[str], env: dict[str, str] | None = None) -> dict[str, float]:
    """Wall seconds, peak RSS (of its largest process) and CPU seconds of one cold run."""
    out = subprocess.run([PYTHON, "-c", _PROBE, *cmd], capture_output=True, text=True,
                         env={**os.environ, **(env or {})}, check=True)
    result: dict[str, float] = json.loads(out.stdout)
    if result["rc"] != 0:
        raise SystemExit(f"benchmark command failed: {' '.join(cmd)}\n{result['err']}")
    return result


def medians(cmd: list[str], runs: int, env: dict[str, str] | None = None) -> tuple[float, float]:
    """Median wall time (s) and the largest peak RSS (MiB) over ``runs`` cold runs."""
    results = [measure(cmd, env) for _ in range(runs)]
    return (statistics.median(r["wall"] for r in results),
            max(r["rss_kib"] for r in results) / 1024)


def byte_compile() -> None:
    """Write the bytecode of kg's own modules, as installing a wheel does, and say so.

    Why: ``make setup`` installs kg editable, and with ``PYTHONDONTWRITEBYTECODE`` set (as
    on the shared machine) Python never caches the bytecode of kg/ and cli/, so every cold
    process would compile them from source again (about 0.1 s of a cold query), a cost no
    installed copy pays. The files go to the git-ignored ``__pycache__`` folders.
    """
    import compileall

    for folder in ("kg", "cli"):
        compileall.compile_dir(str(ROOT / folder), quiet=1)
    note = " (PYTHONDONTWRITEBYTECODE is set)" if os.environ.get("PYTHONDONTWRITEBYTECODE") else ""
    print(f"bytecode of kg/ and cli/ written, as an installed copy has it{note}")


def timed(label: str, cmd: list[str]) -> float:
    """Run a setup command once, print and return its wall time."""
    t = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - t
    print(f"{label}: {wall:.1f} s")
    return wall
