"""Before/after: the build of another commit and of this checkout against plain MkDocs,
in the same interleaved rounds, so that both meet the same load of a shared machine.

    python -m bench.compare REV [--sizes 1y,3y] [--runs 6]

REV (e.g. `main`, a commit) is exported with `git archive` into a temp folder; each size's
synthetic council (bench/synth.py, the benchmark's seed) is generated once and copied for
each side (each keeps its own `.cache/prongsai/`). Every round builds, in an order that
moves one place each round: REV, this checkout, plain `mkdocs build` of this checkout's
`--markdown-out` export, and both again as a council's first build (its cache deleted).
Each command runs with its own tree as working directory, so `python -m generator` is that
tree's. Printed, and written to bench/results/<time>-compare.json: per side the medians of
each round's wall-clock and CPU ratio to MkDocs (as `python -m bench`'s overhead_ratio and
overhead_ratio_cpu), median seconds and peak memory, with the load average before and after.
"""

from __future__ import annotations

import argparse
import io
import json
import shutil
import statistics
import subprocess
import tarfile
import tempfile
from datetime import datetime
from pathlib import Path
from typing import Any

from bench import procs
from bench.procs import REPO, Run, mkdocs, prongsai, run
from bench.synth import SIZES, make_council

RESULTS = REPO / "bench" / "results"


def _loadavg() -> list[float]:
    try:
        return [float(x) for x in Path("/proc/loadavg").read_text().split()[:3]]
    except OSError:
        return []


def _in(tree: Path, cmd: list[str]) -> Run:
    old = procs.REPO
    procs.REPO = tree  # child_env puts this tree first on the path
    try:
        return run(cmd, cwd=tree, ok=(0, 1))  # 1: built, with problems to report
    finally:
        procs.REPO = old


def _size(trees: dict[str, Path], size: str, runs: int, seed: int,
          work: Path) -> dict[str, Any]:
    base = work / size / "council"
    make_council(base, SIZES[size], seed)
    projects = {side: work / size / side for side in trees}
    for project in projects.values():
        shutil.copytree(base, project)
    sites = {side: work / size / f"site-{side}" for side in trees}
    md = work / size / "markdown"
    for side, tree in trees.items():  # warm-up (fills the caches), and the export
        extra = ["--markdown-out", str(md)] if side == "after" else []
        _in(tree, prongsai("build", "--project", str(projects[side]), "--out",
                           str(sites[side]), "--quiet", *extra))
    conf = md / "mkdocs.yml"
    run(mkdocs("build", "--quiet", "-f", str(conf)))

    def ours(side: str, first: bool = False) -> Run:
        if first:
            shutil.rmtree(projects[side] / ".cache" / "prongsai", ignore_errors=True)
        return _in(trees[side], prongsai("build", "--project", str(projects[side]),
                                         "--out", str(sites[side]), "--quiet"))

    kinds = {"before": lambda: ours("before"), "after": lambda: ours("after"),
             "mkdocs": lambda: run(mkdocs("build", "--quiet", "-f", str(conf))),
             "before_first_build": lambda: ours("before", True),
             "after_first_build": lambda: ours("after", True)}
    order = list(kinds)
    timed: dict[str, list[Run]] = {k: [] for k in order}
    load = [_loadavg()]
    for i in range(runs):
        for name in order[i % len(order):] + order[:i % len(order)]:
            timed[name].append(kinds[name]())
    load.append(_loadavg())
    theirs = timed["mkdocs"]

    def med(xs: list[float]) -> float:
        return round(statistics.median(xs), 3)

    row: dict[str, Any] = {"loadavg": load, "mkdocs_s": med([r.seconds for r in theirs]),
                           "mkdocs_cpu_s": med([r.cpu_s for r in theirs])}
    for name in order:
        if name == "mkdocs":
            continue
        mine = timed[name]
        row[name] = {
            "overhead_ratio": med([a.seconds / b.seconds for a, b in
                                   zip(mine, theirs, strict=True)]),
            "overhead_ratio_cpu": med([a.cpu_s / b.cpu_s for a, b in
                                       zip(mine, theirs, strict=True)]),
            "median_s": med([r.seconds for r in mine]),
            "peak_mb": round(max(r.peak_mb for r in mine), 1)}
    return row


def compare(rev: str, sizes: list[str], runs: int, seed: int, work: Path) -> dict[str, Any]:
    before = work / "before"
    before.mkdir()
    archive = subprocess.run(["git", "-C", str(REPO), "archive", rev], check=True,
                             capture_output=True).stdout
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:  # our own repository's files
        if hasattr(tarfile, "data_filter"):
            tar.extractall(before, filter="data")
        else:
            tar.extractall(before)  # noqa: S202
    trees = {"before": before, "after": REPO}
    out: dict[str, Any] = {"rev": rev, "sizes": {}}
    for size in sizes:
        out["sizes"][size] = _size(trees, size, runs, seed, work)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.compare", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("rev", help="the commit to compare this checkout with (e.g. main)")
    ap.add_argument("--sizes", default="1y,3y")
    ap.add_argument("--runs", type=int, default=6)
    ap.add_argument("--seed", type=int, default=2568)
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="prongsai-compare-"))
    procs.PYCACHE = work / "pycache"
    try:
        res = compare(args.rev, [s for s in args.sizes.split(",") if s], args.runs,
                      args.seed, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    RESULTS.mkdir(parents=True, exist_ok=True)
    dest = RESULTS / f"{datetime.now().strftime('%Y%m%d-%H%M%S')}-compare.json"
    dest.write_text(json.dumps(res, indent=2) + "\n", "utf-8")
    for size, row in res["sizes"].items():
        for side in ("before", "after", "before_first_build", "after_first_build"):
            r = row[side]
            print(f"{size} {side:<19} ratio {r['overhead_ratio']:<6} cpu "
                  f"{r['overhead_ratio_cpu']:<6} {r['median_s']} s, peak {r['peak_mb']} MB")
        print(f"{size} mkdocs {row['mkdocs_s']} s; load average {row['loadavg']}")
    print(f"results: {dest}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
