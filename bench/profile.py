"""Where a build's time goes, by our pipeline stage.

Run as `python -m bench.profile PROJECT OUT.json` (a fresh process, so imports and one-time
set-up such as the Thai dictionary count as they do for `prongsai build`). Two passes:

1. wall clock: each stage function is wrapped with a timer (no profiler overhead);
2. cProfile: the same build under the profiler; the 15 functions with the most own time.

Stages: load (read + parse content), checks, render (Markdown from templates), staging
(theme assets listed, mkdocs.yml written), MkDocs' own work (of
which: its search plugin), segmentation (Thai word segmentation of the search index),
compact html, table labels, thai line breaks (<nobr>/<wbr> by newmm) and audit html (our
steps on each page; they run inside the MkDocs build, as
it writes the pages, and are not counted in MkDocs' own time), swap (atomic replace). A
stage the code no longer has is left out; its time shows under "other".
"""

from __future__ import annotations

import cProfile
import io
import json
import pstats
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

# (module, attribute, stage): patched where the caller looks the name up
STAGES = [
    ("generator.commands.build", "load_project", "load"),
    ("generator.commands.build", "check_year", "checks"),
    ("generator.commands.build", "render_site", "render"),
    ("generator.commands.build", "theme_assets", "staging"),
    ("generator.commands.build", "effective_config", "staging"),
    ("generator.commands.build", "write_config", "staging"),
    ("generator.engine.mkdocs", "segment_index", "segmentation"),
    ("generator.engine.mkdocs", "compact_html", "compact html"),
    ("generator.engine.mkdocs", "label_cells", "table labels"),
    ("generator.engine.mkdocs", "mark_words", "thai line breaks"),
    ("generator.engine.audit", "SiteAudit.page", "audit html"),
    ("generator.engine.audit", "SiteAudit.finish", "audit html"),
    ("mkdocs.commands.build", "build", "mkdocs"),
    ("mkdocs.config", "load_config", "mkdocs"),
    ("generator.commands.build", "swap_in", "swap"),
]
SEARCH_PLUGIN = ("material.plugins.search.plugin", "SearchPlugin")
NESTED = "(ours inside mkdocs)"  # our per-page steps, taken out of MkDocs' own time


def _wrap(fn: Callable[..., Any], stage: str, acc: dict[str, float],
          active: set[str]) -> Callable[..., Any]:
    def timed(*args: Any, **kwargs: Any) -> Any:
        if stage in active:  # nested call of the same stage (e.g. load_config in build)
            return fn(*args, **kwargs)
        active.add(stage)
        started = time.perf_counter()
        try:
            return fn(*args, **kwargs)
        finally:
            took = time.perf_counter() - started
            acc[stage] = acc.get(stage, 0.0) + took
            if "mkdocs" in active and stage not in ("mkdocs", "mkdocs search plugin"):
                acc[NESTED] = acc.get(NESTED, 0.0) + took
            active.discard(stage)
    return timed


def instrument() -> dict[str, float]:
    import importlib

    acc: dict[str, float] = {}
    active: set[str] = set()
    for mod_name, attr, stage in STAGES:
        try:
            mod = importlib.import_module(mod_name)
        except ImportError:
            continue
        owner_name, _, name = attr.rpartition(".")
        owner = getattr(mod, owner_name) if owner_name else mod
        if hasattr(owner, name):
            setattr(owner, name, _wrap(getattr(owner, name), stage, acc, active))
    try:
        mod = importlib.import_module(SEARCH_PLUGIN[0])
        cls = getattr(mod, SEARCH_PLUGIN[1])
        for event in ("on_page_context", "on_post_build"):
            setattr(cls, event, _wrap(getattr(cls, event), "mkdocs search plugin", acc,
                                      active))
    except (ImportError, AttributeError):
        pass
    return acc


def profile_build(project: Path) -> dict[str, Any]:
    t0 = time.perf_counter()
    import generator.commands.build as gb

    acc = instrument()
    imports = time.perf_counter() - t0
    tmp = Path(tempfile.mkdtemp(prefix="prongsai-bench-profile-"))
    try:
        started = time.perf_counter()
        gb.build(project, tmp / "site")
        wall = time.perf_counter() - started
        nested = acc.pop(NESTED, 0.0)
        if "mkdocs" in acc:
            acc["mkdocs"] -= nested
        stages = {"imports": imports, **acc}
        known = sum(v for k, v in acc.items() if k != "mkdocs search plugin")
        stages["other"] = max(0.0, wall - known)

        prof = cProfile.Profile()
        prof.enable()
        gb.build(project, tmp / "site")
        prof.disable()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    buf = io.StringIO()
    st = pstats.Stats(prof, stream=buf)
    rows = []
    for (file, line, func), (_cc, nc, tt, ct, _callers) in st.stats.items():  # type: ignore
        rows.append((tt, ct, nc, f"{_short(file)}:{line}({func})"))
    rows.sort(reverse=True)
    total = wall + imports
    return {
        "wall_s": round(wall, 3),
        "stages_s": {k: round(v, 3) for k, v in stages.items()},
        "stages_share": {k: round(v / total, 3) for k, v in stages.items()},
        "note": "first build in a fresh process; 'mkdocs search plugin' is part of 'mkdocs'; "
                "the second (profiled) build reuses the process, so one-time set-up is "
                "missing from top_functions",
        "top_functions": [{"own_s": round(tt, 3), "cumulative_s": round(ct, 3), "calls": nc,
                           "function": name} for tt, ct, nc, name in rows[:15]],
    }


def _short(file: str) -> str:
    for marker in ("site-packages/", "/generator/", "/lib/python"):
        if marker in file:
            return file.split(marker, 1)[1] if marker != "/generator/" else \
                "generator/" + file.split(marker, 1)[1]
    return file


def main() -> None:
    project, out = Path(sys.argv[1]), Path(sys.argv[2])
    out.write_text(json.dumps(profile_build(project), indent=2), "utf-8")


if __name__ == "__main__":
    main()
