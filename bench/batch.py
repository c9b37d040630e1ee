"""A province's batch: many councils built by a pool of long-lived worker processes.

Each worker imports Prongsai once and builds council after council in-process, as a
hosting vendor's script would; the parent measures throughput and each worker reports its
own peak memory.
"""

from __future__ import annotations

import multiprocessing
import os
import resource
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from bench.procs import child_env


def _init_worker() -> None:
    os.environ.update({k: v for k, v in child_env().items()
                       if k in ("SOURCE_DATE_EPOCH", "NO_MKDOCS_2_WARNING")})


def build_one(root: str, out: str) -> tuple[float, float]:
    """Build one council; return (seconds, this worker's peak RSS in MB so far)."""
    from generator.build import build

    started = time.perf_counter()
    build(Path(root), Path(out))
    seconds = time.perf_counter() - started
    return seconds, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def warm_up() -> float:
    """Import everything a build imports, so pool start-up is not counted per council."""
    import mkdocs.commands.build  # noqa: F401

    import generator.build  # noqa: F401

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_batch(councils: list[Path], out_dir: Path, workers: int) -> dict[str, float]:
    """Build every council with `workers` processes; return the batch figures."""
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=workers, mp_context=ctx,
                             initializer=_init_worker) as pool:
        list(pool.map(_noop_warm, range(workers)))
        started = time.perf_counter()
        results = list(pool.map(build_one, [str(c) for c in councils],
                                [str(out_dir / f"{c.name}-w{workers}") for c in councils]))
        seconds = time.perf_counter() - started
    per = sorted(r[0] for r in results)
    return {
        "workers": workers,
        "councils": len(councils),
        "seconds": round(seconds, 3),
        "councils_per_minute": round(len(councils) / seconds * 60, 2),
        "median_build_s": round(per[len(per) // 2], 3),
        "peak_mb_per_worker": round(max(r[1] for r in results), 1),
    }


def _noop_warm(_: int) -> float:
    time.sleep(0.2)  # make sure every worker, not just the first, takes one
    return warm_up()
