"""The benchmark (issue 7): `python -m bench` from the repository root. See bench/README.md.

Everything is generated into a temporary folder (never into content/) and removed at the
end; results go to bench/results/<time>[-label].json and a table is printed.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bench import procs
from bench.procs import REPO, Run, loadavg, mkdocs, prongsai, run
from bench.synth import SIZES, make_council
from generator.base.cachefile import FOLDER as CACHE_FOLDER

RESULTS = REPO / "bench" / "results"
SEARCH_QUALITY = RESULTS / "search_quality.json"
TARGETS = {"overhead_ratio": 1.15, "edit_to_preview_s": 1.0, "editor_first_load_s": 3.0,
           "check_per_council_year_s": 0.3,
           "batch_scaling": 0.9, "pathological_ratio": 2.0,
           "page_bytes": 400 * 1024}  # an item page without a printed document (issue 17)


def median(xs: list[float]) -> float:
    return round(statistics.median(xs), 3)


def say(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def git_state() -> dict[str, Any]:
    def git(*args: str) -> str:
        r = subprocess.run(["git", *args], cwd=REPO, capture_output=True, text=True)
        return r.stdout.strip()
    return {"commit": git("rev-parse", "HEAD"),
            "dirty_files": len(git("status", "--porcelain").splitlines())}


# --- the measurements ----------------------------------------------------------------------

def bench_build(project: Path, work: Path, runs: int) -> dict[str, Any]:
    """`prongsai build` vs plain `mkdocs build` of its exported Markdown, in rounds; each
    round also times a council's first build (its project cache deleted) and `prongsai
    build --no-cache` (no search-word, audit or compiled-template cache, as plain MkDocs
    has none). The ratios are medians of the rounds' own ratios (each build against the
    mkdocs run of its round, under the same load of a shared machine); the ratio of the
    medians is kept too."""
    out, md = work / "site", work / "markdown"
    run(prongsai("build", "--project", str(project), "--out", str(out), "--markdown-out",
                 str(md), "--quiet"))  # also the warm-up of prongsai
    conf = md / "mkdocs.yml"
    run(mkdocs("build", "--quiet", "-f", str(conf)))  # warm-up
    def ours_warm() -> Run:
        return run(prongsai("build", "--project", str(project), "--out", str(out), "--quiet"))

    def plain() -> Run:
        return run(mkdocs("build", "--quiet", "-f", str(conf)))

    def no_cache() -> Run:
        return run(prongsai("build", "--project", str(project), "--out", str(out), "--quiet",
                            "--no-cache"))

    def first() -> Run:
        shutil.rmtree(project / CACHE_FOLDER, ignore_errors=True)  # a council's first build
        return ours_warm()

    kinds = [("ours", ours_warm), ("mkdocs", plain), ("cold", no_cache), ("new", first)]
    timed: dict[str, list[Run]] = {name: [] for name, _ in kinds}
    for i in range(runs):
        # each round starts one place further along, so that over the rounds every kind of
        # build runs in every position (a machine that slows down during a round, or a
        # build that pays for the previous one's disk writes, favours none of them)
        for name, fn in kinds[i % len(kinds):] + kinds[:i % len(kinds)]:
            timed[name].append(fn())
    ours, theirs, cold, new = (timed[k] for k in ("ours", "mkdocs", "cold", "new"))
    pages = sum(1 for _ in out.rglob("index.html"))
    index = out / "search" / "search_index.json"
    heaviest = max(out.rglob("index.html"), key=lambda f: (f.stat().st_size, str(f)))
    o, t = median([r.seconds for r in ours]), median([r.seconds for r in theirs])
    c = median([r.seconds for r in cold])
    n = median([r.seconds for r in new])

    def paired(a: list[Run], b: list[Run], cpu: bool = False) -> float:
        return round(median([(x.cpu_s / y.cpu_s) if cpu else (x.seconds / y.seconds)
                             for x, y in zip(a, b, strict=True)]), 3)

    return {
        "html_pages": pages,
        "search_index_bytes": index.stat().st_size if index.exists() else None,
        "heaviest_page": heaviest.parent.relative_to(out).as_posix() + "/",
        "heaviest_page_html_bytes": heaviest.stat().st_size,
        "prongsai_s": [round(r.seconds, 3) for r in ours],
        "mkdocs_s": [round(r.seconds, 3) for r in theirs],
        "prongsai_no_cache_s": [round(r.seconds, 3) for r in cold],
        "prongsai_new_project_s": [round(r.seconds, 3) for r in new],
        "prongsai_median_s": o,
        "mkdocs_median_s": t,
        "prongsai_no_cache_median_s": c,
        "prongsai_new_project_median_s": n,
        "overhead_ratio": paired(ours, theirs),
        "overhead_ratio_no_cache": paired(cold, theirs),
        "overhead_ratio_new_project": paired(new, theirs),
        "ratio_of_medians": round(o / t, 3),
        "ratio_of_medians_no_cache": round(c / t, 3),
        "ratio_of_medians_new_project": round(n / t, 3),
        # CPU seconds of the process (user + system): what the build itself costs
        "overhead_ratio_cpu": paired(ours, theirs, cpu=True),
        "overhead_ratio_cpu_no_cache": paired(cold, theirs, cpu=True),
        "overhead_ratio_cpu_new_project": paired(new, theirs, cpu=True),
        "prongsai_peak_mb": round(max(r.peak_mb for r in ours), 1),
        "mkdocs_peak_mb": round(max(r.peak_mb for r in theirs), 1),
    }


def bench_check(project: Path, years: int, runs: int) -> dict[str, Any]:
    """`prongsai check --all-years` (exit 1 is expected: synthetic councils have gaps) and
    `prongsai check` of the current year."""
    every = [run(prongsai("check", "--project", str(project), "--all-years"), ok=(0, 1))
             for _ in range(runs)]
    current = [run(prongsai("check", "--project", str(project)), ok=(0, 1))
               for _ in range(runs)]
    m = median([r.seconds for r in every])
    return {
        "all_years_s": [round(r.seconds, 3) for r in every],
        "all_years_median_s": m,
        "per_council_year_s": round(m / years, 3),
        "current_year_median_s": median([r.seconds for r in current]),
        "peak_mb": round(max(r.peak_mb for r in every + current), 1),
    }


def bench_preview(project: Path, fy: int, edits: int) -> dict[str, Any]:
    from bench.preview import measure

    return measure(project, fy, "o5", edits)


def bench_editor(project: Path, fy: int, edits: int) -> dict[str, Any]:
    from bench.editor import measure

    return measure(project, fy, "o5", edits)


def bench_batch(work: Path, councils: int, seed: int, workers: list[int],
                rounds: int = 4) -> dict[str, Any]:
    """The councils in `rounds` parts; each part built by a pool of each size in turn (1
    worker, 2 workers, …), so that every pool size meets the same neighbours on a shared
    machine; the figures add the parts up."""
    from bench.batch import machine_scaling, run_batch

    roots = []
    for i in range(councils):
        root = work / f"c{i:03d}"
        make_council(root, SIZES["1y"], seed + 1000 + i)
        roots.append(root)
    out: dict[str, Any] = {"councils": councils, "fiscal_years_each": 1, "rounds": rounds,
                           "by_workers": {}}
    parts: dict[int, list[dict[str, float]]] = {w: [] for w in workers}
    size = -(-len(roots) // max(1, rounds))
    for start in range(0, len(roots), size):
        chunk = roots[start:start + size]
        for w in workers:
            for root in chunk:  # every pass builds each council for the first time
                shutil.rmtree(root / ".cache", ignore_errors=True)
            sites = work / f"sites-{w}"
            sites.mkdir()
            parts[w].append(run_batch(chunk, sites, w))
            shutil.rmtree(sites, ignore_errors=True)
    for w, runs in parts.items():
        n = sum(r["councils"] for r in runs)
        seconds = sum(r["seconds"] for r in runs)
        cpu = sum(r["cpu_s_per_council"] * r["councils"] for r in runs)
        others = sum(r["cores_used_by_others"] * r["seconds"] for r in runs)
        out["by_workers"][str(w)] = {
            "workers": w, "councils": n, "seconds": round(seconds, 3),
            "councils_per_minute": round(n / seconds * 60, 2),
            "median_build_s": round(median([r["median_build_s"] for r in runs]), 3),
            "cpu_s_per_council": round(cpu / n, 3),
            "cores_used_by_batch": round(cpu / seconds, 2),
            "cores_used_by_others": round(others / seconds, 2),
            "peak_mb_per_worker": max(r["peak_mb_per_worker"] for r in runs),
            "loadavg": loadavg(),
        }
    by = out["by_workers"]
    if "1" in by and "2" in by:
        out["scaling"] = round(by["2"]["councils_per_minute"]
                               / (2 * by["1"]["councils_per_minute"]), 3)
        # what the scaling would be with two free cores: throughput per CPU second kept
        out["scaling_cpu"] = round(by["1"]["cpu_s_per_council"]
                                   / by["2"]["cpu_s_per_council"], 3)
        out["machine_scaling"] = machine_scaling(2)["scaling"]
    return out


def bench_profile(project: Path, work: Path) -> dict[str, Any]:
    dest = work / "profile.json"
    run([sys.executable, "-m", "bench.profile", str(project), str(dest)])
    return dict(json.loads(dest.read_text("utf-8")))


def search_quality(run_it: bool) -> dict[str, Any] | None:
    """recall@5 and MRR from tests/test_search_quality.py (written to
    bench/results/search_quality.json); run it (headless Chromium) when asked or missing."""
    if run_it or not SEARCH_QUALITY.exists():
        if shutil.which("chromium") or Path("/usr/bin/chromium").exists():
            say("search quality: pytest tests/test_search_quality.py")
            subprocess.run([sys.executable, "-m", "pytest", "-q", "-x",
                            "tests/test_search_quality.py"], cwd=REPO, capture_output=True,
                           timeout=300)
    if not SEARCH_QUALITY.exists():
        return None
    data = json.loads(SEARCH_QUALITY.read_text("utf-8"))
    return {"recall_at_5": data.get("recall_at_5"), "mrr": data.get("mrr"),
            "queries": len(data.get("rows", [])),
            "measured": datetime.fromtimestamp(SEARCH_QUALITY.stat().st_mtime,
                                               timezone.utc).isoformat(timespec="seconds"),
            "source": "tests/test_search_quality.py -> bench/results/search_quality.json"}


# --- report --------------------------------------------------------------------------------

def table(res: dict[str, Any]) -> str:
    rows = [f"{'size':<6}{'prongsai s':>11}{'mkdocs s':>10}{'ratio':>7}{'cpu':>7}{'new':>7}"
            f"{'no-cache':>10}"
            f"{'edit→preview s':>16}{'check s/yr':>12}{'peak MB (build/mkdocs/serve)':>30}"]
    for size in res["sizes"]:
        b = res["build"].get(size, {})
        p = res["edit_to_preview"].get(size, {})
        c = res["check"].get(size, {})
        peaks = (b.get("prongsai_peak_mb"), b.get("mkdocs_peak_mb"), p.get("peak_mb"))
        rows.append(
            f"{size:<6}{b.get('prongsai_median_s', '–'):>11}{b.get('mkdocs_median_s', '–'):>10}"
            f"{b.get('overhead_ratio', '–'):>7}{b.get('overhead_ratio_cpu', '–'):>7}"
            f"{b.get('overhead_ratio_new_project', '–'):>7}"
            f"{b.get('overhead_ratio_no_cache', '–'):>10}"
            f"{str(p.get('median_s', '–')):>16}"
            f"{c.get('per_council_year_s', '–'):>12}"
            f"{'/'.join(str(x) for x in peaks):>30}")
    for key, where in (("batch", "disk"), ("batch_tmpfs", "memory")):
        batch = res.get(key) or {}
        for w, r in batch.get("by_workers", {}).items():
            rows.append(f"batch ({where}) {batch['councils']} × 1-year councils, {w} "
                        f"worker(s): {r['seconds']} s, {r['councils_per_minute']} councils/min, "
                        f"{r['cpu_s_per_council']} CPU s/council, peak "
                        f"{r['peak_mb_per_worker']} MB/worker; cores used: batch "
                        f"{r['cores_used_by_batch']}, others {r['cores_used_by_others']}")
        if "scaling" in batch:
            rows.append(f"batch ({where}) scaling 1→2 workers: {batch['scaling']} of linear "
                        f"(wall clock); {batch['scaling_cpu']} (CPU time per council); this "
                        f"machine's own ceiling (a CPU-bound loop): {batch['machine_scaling']}")
    for size, ed in res.get("editor", {}).items():
        rows.append(f"editor ({size}): save → checklist and preview median {ed['median_s']} s; "
                    f"first load {ed['first_load_browser_s']} s in chromium, "
                    f"{ed['first_load_http_s']} s over HTTP")
    patho = res.get("pathological")
    if patho:
        cases = "; ".join(f"{name} {c['median_s']} s ×{c['ratio']} (CPU ×{c['ratio_cpu']}, "
                          f"exit {c['exit']})" for name, c in patho["cases"].items())
        rows.append(f"pathological inputs (4× the issue's sizes; 1-year council, clean "
                    f"{patho['clean_median_s']} s, {patho['clean_median_cpu_s']} CPU s): "
                    f"{cases}")
    prof = res.get("profile")
    if prof:
        parts = ", ".join(f"{k} {v:.2f}" for k, v in prof["stages_s"].items())
        rows.append(f"profile ({res['profile_size']}, {prof['wall_s']} s): {parts}")
    weight = res.get("weight")
    if weight:
        from bench.weight import summary

        rows.append(summary(weight))
    sq = res.get("search_quality")
    if sq:
        rows.append(f"search: recall@5 {sq['recall_at_5']}, MRR {sq['mrr']} "
                    f"({sq['queries']} queries, measured {sq['measured']})")
    rows.append(f"load average {res['loadavg_start']} → {res['loadavg_end']}; "
                f"{res['elapsed_s']} s in all")
    return "\n".join(rows)


def targets(res: dict[str, Any]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    ratios = [b["overhead_ratio"] for b in res["build"].values()]
    if ratios:
        out["overhead_ratio"] = {"target": TARGETS["overhead_ratio"], "worst": max(ratios),
                                 "met": max(ratios) <= TARGETS["overhead_ratio"]}
        for kind in ("new_project", "no_cache"):
            other = [b[f"overhead_ratio_{kind}"] for b in res["build"].values()
                     if f"overhead_ratio_{kind}" in b]
            if other:
                out[f"overhead_ratio_{kind}"] = {
                    "target": TARGETS["overhead_ratio"], "worst": max(other),
                    "met": max(other) <= TARGETS["overhead_ratio"]}
    p3 = res["edit_to_preview"].get("3y", {}).get("median_s")
    if p3 is not None:
        out["edit_to_preview_3y"] = {"target": TARGETS["edit_to_preview_s"], "value": p3,
                                     "met": p3 <= TARGETS["edit_to_preview_s"]}
    ed = res.get("editor", {}).get("3y", {})
    if ed.get("median_s") is not None:
        out["editor_save_3y"] = {"target": TARGETS["edit_to_preview_s"], "value": ed["median_s"],
                                 "met": ed["median_s"] <= TARGETS["edit_to_preview_s"]}
    load = ed.get("first_load_browser_s") or ed.get("first_load_http_s")
    if load is not None:
        out["editor_first_load_3y"] = {"target": TARGETS["editor_first_load_s"], "value": load,
                                       "met": load <= TARGETS["editor_first_load_s"],
                                       "in_browser": ed.get("first_load_browser_s") is not None}
    checks = [c["per_council_year_s"] for c in res["check"].values()]
    if checks:
        out["check_per_council_year"] = {"target": TARGETS["check_per_council_year_s"],
                                         "worst": max(checks),
                                         "met": max(checks) <= TARGETS["check_per_council_year_s"]}
    imp = res.get("import_procurement")
    if imp:
        out["import_procurement"] = {"target": f"≤ {imp['target_s']} s, ≤ {imp['target_mb']} MB",
                                     "value": f"{imp['median_s']} s, {imp['peak_mb']} MB",
                                     "met": imp["met"]}
    weight = res.get("weight")
    if weight:
        pages = weight["pages"]
        plain = [r for r in pages.values() if r["budget_bytes"] == TARGETS["page_bytes"]]
        if all("page_bytes" in r for r in pages.values()):
            worst = max(plain, key=lambda r: r["page_bytes"])
            out["item_page_weight"] = {
                "target": TARGETS["page_bytes"], "worst": worst["page_bytes"],
                "met": all(r["within_budget"] for r in pages.values())}
        out["search_index_growth"] = {
            "target": weight["search_index_target"], "value": weight["search_index_growth"],
            "met": weight["search_index_growth"] <= weight["search_index_target"]}
    patho = res.get("pathological")
    if patho:
        # judged on the CPU seconds of the builds: on a shared machine the wall clock of
        # one build measures its neighbours as much (both are in the JSON and the table)
        out["pathological_ratio"] = {
            "target": TARGETS["pathological_ratio"], "worst": patho["worst_ratio_cpu"],
            "worst_wall_clock": patho["worst_ratio"],
            "met": patho["worst_ratio_cpu"] <= TARGETS["pathological_ratio"]}
    for key, name in (("batch", "batch_scaling"), ("batch_tmpfs", "batch_scaling_in_memory")):
        scaling = (res.get(key) or {}).get("scaling")
        if scaling is not None:
            out[name] = {"target": TARGETS["batch_scaling"], "value": scaling,
                         "met": scaling >= TARGETS["batch_scaling"],
                         "machine_ceiling": res[key].get("machine_scaling")}
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--label", default="", help="added to the results file name")
    ap.add_argument("--seed", type=int, default=2568)
    ap.add_argument("--sizes", default="1y,3y,6y", help="comma-separated: 1y, 3y, 6y")
    ap.add_argument("--runs", type=int, default=8, help="timed runs per build/check figure")
    ap.add_argument("--edits", type=int, default=6, help="edits per preview measurement")
    ap.add_argument("--batch", type=int, default=100, help="councils in the batch (0: skip)")
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--batch-tmpfs", choices=["auto", "skip"], default="auto",
                    help="also run the batch in memory (/dev/shm), without the disk's "
                         "file-system costs")
    ap.add_argument("--no-profile", action="store_true")
    ap.add_argument("--pathological-runs", type=int, default=3,
                    help="timed builds of each pathological input (0: skip that row)")
    ap.add_argument("--search-quality", choices=["auto", "run", "skip"], default="auto",
                    help="auto: use bench/results/search_quality.json, run the test if missing")
    ap.add_argument("--procurement-rows", type=int, default=5000,
                    help="entries in the สขร.1 workbook `prongsai import procurement` reads "
                         "(0: skip)")
    ap.add_argument("--weight", choices=["auto", "skip"], default="auto",
                    help="page weight of the example council's item pages (Chromium when "
                         "present) and its search index size")
    ap.add_argument("--results", type=Path, default=RESULTS)
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    args = ap.parse_args(argv)

    sizes = [s for s in args.sizes.split(",") if s]
    started = time.perf_counter()
    res: dict[str, Any] = {
        "format": "prongsai-bench/1",
        "label": args.label,
        "started": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "git": git_state(),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "loadavg_start": loadavg(),
        "settings": {"seed": args.seed, "runs": args.runs, "edits": args.edits,
                     "batch": args.batch, "workers": args.workers, "sizes": sizes},
        "sizes": sizes, "councils": {}, "build": {}, "edit_to_preview": {}, "check": {},
        "editor": {},
        "batch": None, "batch_tmpfs": None, "profile": None, "pathological": None,
        "weight": None,
    }
    work = Path(tempfile.mkdtemp(prefix="prongsai-bench-"))
    procs.PYCACHE = work / "pycache"
    res["settings"]["bytecode"] = "cached in a temp folder (PYTHONPYCACHEPREFIX)"
    try:
        for size in sizes:
            years = SIZES[size]
            project = work / size / "council"
            say(f"[{size}] generating a {len(years)}-year council")
            res["councils"][size] = make_council(project, years, args.seed)
            say(f"[{size}] build vs mkdocs ×{args.runs}")
            res["build"][size] = bench_build(project, work / size, args.runs)
            say(f"[{size}] check ×{args.runs}")
            res["check"][size] = bench_check(project, len(years), args.runs)
            if args.edits:
                say(f"[{size}] edit-to-preview ×{args.edits}")
                res["edit_to_preview"][size] = bench_preview(project, max(years), args.edits)
                say(f"[{size}] editor: save-to-checklist-and-preview ×{args.edits}, first load")
                res["editor"][size] = bench_editor(project, max(years), args.edits)
        if args.pathological_runs:
            from bench.pathological import bench_pathological

            say(f"pathological inputs ×{args.pathological_runs}")
            council = work / "pathological" / "council"
            make_council(council, SIZES["1y"], args.seed)
            res["pathological"] = bench_pathological(council, work / "pathological",
                                                     args.pathological_runs)
        if not args.no_profile and sizes:
            largest = max(sizes, key=lambda s: len(SIZES[s]))
            say(f"[{largest}] profile")
            res["profile_size"] = largest
            res["profile"] = bench_profile(work / largest / "council", work)
        if args.batch:
            workers = [int(w) for w in args.workers.split(",") if w]
            say(f"batch of {args.batch} councils, workers {workers}")
            res["batch"] = bench_batch(work / "batch", args.batch, args.seed, workers)
            shm = Path("/dev/shm")
            if args.batch_tmpfs == "auto" and shm.is_dir() and os.access(shm, os.W_OK):
                say(f"batch of {args.batch} councils in memory (/dev/shm), workers {workers}")
                mem = Path(tempfile.mkdtemp(prefix="prongsai-bench-", dir=shm))
                try:
                    res["batch_tmpfs"] = bench_batch(mem, args.batch, args.seed, workers)
                finally:
                    shutil.rmtree(mem, ignore_errors=True)
        if args.procurement_rows:
            from bench.procurement import bench_import

            say(f"import procurement: a {args.procurement_rows}-row สขร.1 workbook ×3")
            res["import_procurement"] = bench_import(work / "procurement",
                                                     args.procurement_rows, 3)
        if args.weight == "auto":
            from bench.weight import bench_weight

            say("page weight and search index of the example council")
            res["weight"] = bench_weight(work)
        if args.search_quality != "skip":
            res["search_quality"] = search_quality(args.search_quality == "run")
    finally:
        if args.keep:
            say(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    res["loadavg_end"] = loadavg()
    res["elapsed_s"] = round(time.perf_counter() - started, 1)
    res["targets"] = targets(res)
    args.results.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    dest = args.results / f"{stamp}{'-' + args.label if args.label else ''}.json"
    dest.write_text(json.dumps(res, ensure_ascii=False, indent=2) + "\n", "utf-8")
    print(table(res))
    for name, t in res["targets"].items():
        print(f"target {name}: {'met' if t['met'] else 'NOT met'} "
              f"({t.get('value', t.get('worst'))} vs {t['target']})")
    print(f"results: {dest}")
    return 0
