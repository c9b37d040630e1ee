"""The benchmark's synthetic councils and one tiny run of the benchmark (no timings are
asserted: targets are measured by `python -m bench`, not by tests)."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from datetime import date
from pathlib import Path

from bench.synth import SIZES, make_council, tiny_pdf, tiny_png

REPO = Path(__file__).resolve().parent.parent


def tree_digest(root: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(root.rglob("*")):
        if p.is_file():
            h.update(p.relative_to(root).as_posix().encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def test_council_is_reproducible_from_its_seed(tmp_path: Path) -> None:
    a = make_council(tmp_path / "a", SIZES["3y"], 7)
    b = make_council(tmp_path / "b", SIZES["3y"], 7)
    make_council(tmp_path / "c", SIZES["3y"], 8)
    assert a == b
    assert tree_digest(tmp_path / "a") == tree_digest(tmp_path / "b")
    assert tree_digest(tmp_path / "a") != tree_digest(tmp_path / "c")
    assert a["years"] == 3 and a["item_files"] == 84
    assert 2 * 84 <= a["evidence"] <= 15 * 84
    assert a["evidence_files"] >= 150


def test_council_loads_and_checks_without_input_problems(tmp_path: Path) -> None:
    from generator.check.year import check_year
    from generator.commands.build import all_problems, blocking_problems
    from generator.load.project import load_project

    make_council(tmp_path / "c", SIZES["6y"], 1)
    project = load_project(tmp_path / "c")
    assert project.year_list == [2569, 2568, 2567, 2566, 2565, 2564]
    reports = {fy: check_year(project, fy, date(2026, 11, 21)) for fy in project.year_list}
    assert blocking_problems(all_problems(project, reports)) == []
    codes = {p.code for r in reports.values() for p in r.problems}
    # realistic gaps (unmet components), nothing that means the generator wrote bad input
    assert codes <= {"component-unmet", "period-both-halves", "period-months-missing",
                     "period-first-half", "item-no-evidence"}, codes
    complete = sum(r.counts["complete"] for r in reports.values())
    assert complete >= 0.8 * 6 * 28


def test_tiny_files_are_valid() -> None:
    pdf = tiny_pdf("files/2568/o1-01.pdf", pad=100)
    assert pdf.startswith(b"%PDF-1.4") and pdf.rstrip().endswith(b"%%EOF")
    xref = int(pdf.rsplit(b"startxref\n", 1)[1].split(b"\n")[0])
    assert pdf[xref:].startswith(b"xref")
    for n in range(1, 6):  # every object offset in the table points at its object
        off = int(pdf[xref:].split(b"\n")[2 + n][:10])
        assert pdf[off:].startswith(b"%d 0 obj" % n)
    assert tiny_png(2, 3, (1, 2, 3)).startswith(b"\x89PNG\r\n\x1a\n")


def test_one_tiny_benchmark_run(tmp_path: Path) -> None:
    """One small run of every part of `python -m bench`; no timing is judged, but every
    figure must be what its parts say: the page count is that of a real build of the same
    council, each ratio the quotient of its medians, each rate its count over its time, the
    profile's stages add up to the profiled build."""
    import statistics

    from generator.commands.build import build

    r = subprocess.run(
        [sys.executable, "-m", "bench", "--sizes", "1y", "--runs", "1", "--edits", "2",
         "--batch", "2", "--workers", "1,2", "--search-quality", "skip",
         "--pathological-runs", "1",
         "--procurement-rows", "300",
         "--results", str(tmp_path), "--label", "test"],
        cwd=REPO, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    [path] = tmp_path.glob("*-test.json")
    res = json.loads(path.read_text("utf-8"))
    assert res["format"] == "prongsai-bench/1"
    imp = res["import_procurement"]
    assert imp["rows"] == 300 and len(imp["seconds"]) == 3 and 0 < imp["peak_mb"] < 1000

    council = make_council(tmp_path / "same", SIZES["1y"], res["settings"]["seed"])
    assert res["councils"]["1y"] == council
    built = build(tmp_path / "same", tmp_path / "same-site")
    b = res["build"]["1y"]
    assert b["html_pages"] == built.pages

    def near(a: float, b: float, tol: float = 0.002) -> bool:
        return abs(a - b) <= tol * max(1.0, abs(b))

    assert near(b["prongsai_median_s"], statistics.median(b["prongsai_s"]), 0.001)
    assert near(b["mkdocs_median_s"], statistics.median(b["mkdocs_s"]), 0.001)
    assert b["prongsai_median_s"] > 0 and b["mkdocs_median_s"] > 0
    assert near(b["ratio_of_medians"], b["prongsai_median_s"] / b["mkdocs_median_s"])
    assert near(b["ratio_of_medians_no_cache"],
                b["prongsai_no_cache_median_s"] / b["mkdocs_median_s"])
    assert len(b["prongsai_no_cache_s"]) == 1 and b["overhead_ratio_cpu"] > 0
    assert 0 < b["prongsai_peak_mb"] < 1000

    c = res["check"]["1y"]
    assert near(c["per_council_year_s"], c["all_years_median_s"] / council["years"])
    p = res["edit_to_preview"]["1y"]
    assert p["failed"] == 0 and [e["kind"] for e in p["edits"]] == ["body", "evidence"]
    # figures are rounded to the millisecond
    assert near(p["median_s"], statistics.median(e["seconds"] for e in p["edits"]), 0.001)
    assert near(p["max_s"], max(e["seconds"] for e in p["edits"]), 0.001)

    by = res["batch"]["by_workers"]
    assert set(by) == {"1", "2"}
    for w in by.values():
        assert w["councils"] == 2
        assert near(w["councils_per_minute"], 60 * w["councils"] / w["seconds"], 0.01)
    assert near(res["batch"]["scaling"],
                by["2"]["councils_per_minute"] / by["1"]["councils_per_minute"] / 2, 0.01)

    prof = res["profile"]
    stages = prof["stages_s"]
    assert {"imports", "load", "checks", "render", "mkdocs", "other"} <= set(stages)
    assert all(v >= 0 for v in stages.values())
    # the build's stages (not the imports before it; the search plugin is inside mkdocs)
    # add up to its wall time, "other" being the rest
    known = sum(v for k, v in stages.items() if k not in ("imports", "mkdocs search plugin"))
    assert abs(known - prof["wall_s"]) <= 0.01 or (stages["other"] == 0
                                                   and known >= prof["wall_s"])
    total = prof["wall_s"] + stages["imports"]
    assert all(near(prof["stages_share"][k], v / total, 0.02) for k, v in stages.items())
    assert "overhead_ratio" in res["targets"] and "ratio" in r.stdout
    # the pathological inputs: built (as plain text), or refused at once with a located
    # problem (evidence over the YAML limit: 1; the 1.2-million-character name: 2)
    cases = res["pathological"]["cases"]
    assert {name: c["exit"] for name, c in cases.items()} == {
        "unclosed_links": 0, "open_a_tags": 0, "evidence_entries": 1, "short_name": 2,
        "deep_nesting": 0, "open_brackets": 0}
    assert all(c["ratio"] > 0 and c["ratio_cpu"] > 0 for c in cases.values())
    assert cases["open_a_tags"]["input_bytes"] == 360_003
    assert "pathological_ratio" in res["targets"] and "pathological inputs" in r.stdout
