"""The "pathological inputs" row (issue 19): the inputs that took super-linear time or made
a huge site, at 4× the sizes the issue reported, each added to a copy of the 1-year
synthetic council and built with `prongsai build` (a fresh process, as an officer runs it),
against the clean council's build. Target: each at most 2× the clean build.

What each one is (the issue's size → the size built here):

- `unclosed_links`: unclosed `[x](` in an item's text, 40 KB → 160 KB (70–108 s before);
- `open_a_tags`: `<a ` without `>`, 90 KB → 360 KB (100 s before);
- `evidence_entries`: 10,000 evidence entries (1.2 MB) → 40,000, as 10,000 in each of 4
  items (52–79 s for one item before; the quadratic `ev not in st.usable`);
- `short_name`: a 300,000-character short name (a 403 MB site) → 1,200,000 characters;
- `deep_nesting`: a list nested 600 levels (RecursionError) → 2,400 levels, on one line;
- `open_brackets`: 50,000 `[` (Python-Markdown looked for each one's end) → 200,000.

Inputs beyond the documented limits are refused (exit 1 or 2) or published as plain text
(README "Safety"); the row records each build's exit code with its time.
"""

from __future__ import annotations

import shutil
import statistics
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.procs import prongsai, run

TARGET = 2.0


def _append_body(project: Path, item: str, text: str) -> None:
    path = next(project.glob(f"content/*/oit/{item}.md"))
    path.write_text(path.read_text("utf-8") + "\n\n" + text + "\n", "utf-8")


def _evidence(project: Path) -> None:
    entry = ("  - title: เอกสารประกอบลำดับที่ {n}\n    date: 1 ตุลาคม 2567\n"
             "    url: https://www.example.go.th/doc/{n}\n    components: [plan]\n")
    for item in ("o5", "o6", "o7", "o8"):
        path = next(project.glob(f"content/*/oit/{item}.md"))
        body = "".join(entry.replace("{n}", str(i)) for i in range(10_000))
        path.write_text(f"---\nevidence:\n{body}---\nข้อความ\n", "utf-8")


def _short_name(project: Path) -> None:
    path = project / "site_config.yml"
    lines = path.read_text("utf-8").splitlines(keepends=True)
    out = [("  short_th: " + "อบต." * 300_000 + "\n") if line.startswith("  short_th:")
           else line for line in lines]
    path.write_text("".join(out), "utf-8")


CASES: dict[str, Callable[[Path], None]] = {
    "unclosed_links": lambda p: _append_body(p, "o5", "[x](" * 40_000),
    "open_a_tags": lambda p: _append_body(p, "o5", "<a " * 120_000),
    "evidence_entries": _evidence,
    "short_name": _short_name,
    "deep_nesting": lambda p: _append_body(p, "o5", "- " * 2_400 + "x"),
    "open_brackets": lambda p: _append_body(p, "o5", "[" * 200_000),
}


def _build(project: Path, out: Path) -> tuple[float, float, int]:
    """(wall seconds, the process's CPU seconds, exit code) of one build."""
    r = run(prongsai("build", "--project", str(project), "--out", str(out), "--quiet"),
            ok=(0, 1, 2))
    return round(r.seconds, 3), round(r.cpu_s, 3), r.code


def bench_pathological(council: Path, work: Path, runs: int) -> dict[str, Any]:
    """Each case on a copy of `council` (a 1-year synthetic council), built `runs` times
    after a warm-up; the clean copy is built in the same way, alternating with the cases."""
    clean = work / "clean"
    shutil.copytree(council, clean)
    projects = {"clean": clean}
    for name, make in CASES.items():
        projects[name] = work / name
        shutil.copytree(council, projects[name])
        make(projects[name])
    for name, project in projects.items():  # warm-up (and the caches a rebuild has)
        _build(project, work / f"site-{name}")
    wall: dict[str, list[float]] = {name: [] for name in projects}
    cpu: dict[str, list[float]] = {name: [] for name in projects}
    codes: dict[str, int] = {}
    for _ in range(runs):  # round by round, so that every case meets the same load
        for name, project in projects.items():
            w, c, codes[name] = _build(project, work / f"site-{name}")
            wall[name].append(w)
            cpu[name].append(c)
    clean_s, clean_cpu = statistics.median(wall["clean"]), statistics.median(cpu["clean"])
    out: dict[str, Any] = {"clean_s": wall["clean"], "clean_median_s": round(clean_s, 3),
                           "clean_cpu_s": cpu["clean"],
                           "clean_median_cpu_s": round(clean_cpu, 3),
                           "target_ratio": TARGET, "cases": {}}
    for name in CASES:
        m, mc = statistics.median(wall[name]), statistics.median(cpu[name])
        out["cases"][name] = {"seconds": wall[name], "median_s": round(m, 3),
                              "cpu_s": cpu[name], "median_cpu_s": round(mc, 3),
                              "exit": codes[name], "ratio": round(m / clean_s, 3),
                              "ratio_cpu": round(mc / clean_cpu, 3),
                              "input_bytes": _input_size(projects[name], clean)}
    out["worst_ratio"] = max(c["ratio"] for c in out["cases"].values())
    out["worst_ratio_cpu"] = max(c["ratio_cpu"] for c in out["cases"].values())
    return out


def _input_size(project: Path, clean: Path) -> int:
    """How many bytes of input the case added to the clean council."""
    def size(p: Path) -> int:
        return sum(f.stat().st_size for f in p.rglob("*") if f.is_file()
                   and ".cache" not in f.parts)
    return size(project) - size(clean)
