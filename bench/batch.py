"""A province's batch: many councils built by a pool of long-lived worker processes.

Each worker imports Prongsai once and builds council after council in-process, as a
hosting vendor's script would; the parent measures throughput and each worker reports its
own peak memory.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import statistics
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.procs import child_env


def _init_worker() -> None:
    os.environ.update({k: v for k, v in child_env().items()
                       if k in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")})


def _cpu() -> float:
    ru = resource.getrusage(resource.RUSAGE_SELF)
    return ru.ru_utime + ru.ru_stime


def build_one(root: str, out: str) -> tuple[float, float, float]:
    """Build one council; return (seconds, CPU seconds, this worker's peak RSS in MB)."""
    from generator.commands.build import build

    started, cpu = time.perf_counter(), _cpu()
    build(Path(root), Path(out))
    seconds = time.perf_counter() - started
    return seconds, _cpu() - cpu, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def machine_busy() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot (/proc/stat)."""
    try:
        fields = Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]
    except OSError:
        return 0.0, 0.0
    ticks = [int(x) for x in fields]
    hz = os.sysconf("SC_CLK_TCK")
    idle = ticks[3] + (ticks[4] if len(ticks) > 4 else 0)
    return (sum(ticks[:8]) - idle) / hz, sum(ticks[:8]) / hz


def warm_up() -> float:
    """Import everything a build imports, so pool start-up is not counted per council."""
    import mkdocs.commands.build  # noqa: F401

    import generator.commands.build  # noqa: F401

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_batch(councils: list[Path], out_dir: Path, workers: int) -> dict[str, float]:
    """Build every council with `workers` processes; return the batch figures."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                             initializer=_init_worker) as pool:
        list(pool.map(_noop_warm, range(workers)))
        busy0, _ = machine_busy()
        started = time.perf_counter()
        results = list(pool.map(build_one, [str(c) for c in councils],
                                [str(out_dir / f"{c.name}-w{workers}") for c in councils]))
        seconds = time.perf_counter() - started
        busy1, _ = machine_busy()
    ours = sum(r[1] for r in results)
    return {
        "workers": workers,
        "councils": len(councils),
        "seconds": round(seconds, 3),
        "councils_per_minute": round(len(councils) / seconds * 60, 2),
        "median_build_s": round(statistics.median(r[0] for r in results), 3),
        # CPU time per council: flat from 1 to 2 workers = the builds themselves scale
        "cpu_s_per_council": round(ours / len(councils), 3),
        # cores busy during the batch: ours, and everything else on the machine
        "cores_used_by_batch": round(ours / seconds, 2),
        "cores_used_by_others": round(max(0.0, (busy1 - busy0) - ours) / seconds, 2),
        "peak_mb_per_worker": round(max(r[2] for r in results), 1),
    }


def _noop_warm(_: int) -> float:
    time.sleep(0.2)  # make sure every worker, not just the first, takes one
    return warm_up()


def _spin(_: int) -> float:
    """A fixed pure-Python workload (dict and str churn, like a build's); its CPU seconds."""
    cpu = _cpu()
    d: dict[int, str] = {}
    for i in range(2_000_000):
        d[i % 50_000] = str(i)
    return _cpu() - cpu


def machine_scaling(workers: int = 2, rounds: int = 3) -> dict[str, float]:
    """How well this machine runs `workers` CPU-bound processes at once: the same scaling
    figure as the batch, for a workload with no I/O and nothing shared. The batch cannot
    scale better than this."""
    ctx = multiprocessing.get_context("spawn")
    out = {}
    for n in (1, workers):
        with ProcessPoolExecutor(max_workers=n, mp_context=ctx) as pool:
            list(pool.map(_spin, range(n)))  # start-up
            started = time.perf_counter()
            list(pool.map(_spin, range(n * rounds)))
            out[n] = n * rounds / (time.perf_counter() - started)
    return {"scaling": round(out[workers] / (workers * out[1]), 3)}
