"""The build pipeline: load → check → render Markdown → MkDocs → replace site/ atomically.

A failed build leaves the previous site untouched: everything is built in a staging folder
next to the output and swapped in by renaming only when MkDocs has finished.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path

from generator.checks import UNSAFE, YearReport, check_year, resolve_content_file
from generator.content import Project, load_project
from generator.engine import (
    effective_config,
    mkdocs_build,
    prepare_theme,
    template_dirs,
    write_config,
)
from generator.problems import InputError, Problem, get_kind, problem, sort_key
from generator.render import Rendered, render_site

# Problems that stop a build: the input was not understood, so publishing would drop or
# misstate data, or would publish something unsafe.
BLOCKING = {"date-invalid", "date-era", "period-invalid", "item-unknown", "item-duplicate",
            "component-unknown", "url-scheme", "file-outside-content", "file-type-unsafe",
            "markdown-link-scheme", "page-invalid"}
SKIP_SUFFIXES = {".md", ".yml", ".yaml"}


class BuildRefused(Exception):
    """The input has problems that must be fixed before publishing."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) must be fixed before building")


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    files: int
    seconds: float
    problems: tuple[Problem, ...]
    reports: dict[int, YearReport]
    engine_warnings: tuple[str, ...]


def today_for_build() -> date:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=timezone.utc).date()
    return date.today()


def content_epoch(project: Project) -> int:
    """A stable build timestamp derived from the content: the newest date it mentions."""
    dates = [project.config.site.as_of] if project.config.site.as_of else []
    for yc in project.years.values():
        for ic in yc.items.values():
            if ic.last_update:
                dates.append(ic.last_update)
    newest = max((d for d in dates if d), default=date(2000, 1, 1))
    return int(datetime(newest.year, newest.month, newest.day, tzinfo=timezone.utc).timestamp())


def blocking_problems(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error" and
            (get_kind(p.code).group == "input" or p.code in BLOCKING)]


def all_problems(project: Project, reports: dict[int, YearReport]) -> list[Problem]:
    found = set(project.problems)
    for r in reports.values():
        found |= set(r.problems)
    return sorted(found, key=sort_key)


def check_output_dir(root: Path, out: Path) -> None:
    """Never write into content/ or over something that is not a built site."""
    content = (root / "content").resolve()
    o = out.resolve()
    if o == content or o.is_relative_to(content) or content.is_relative_to(o) or o == root:
        raise InputError([problem("field-value", field="--out", value=str(out), hint="",
                                  expected="a folder outside content/, e.g. site/")])
    if o.exists() and (not o.is_dir() or (any(o.iterdir()) and not (o / "index.html").exists()
                                          and not (o / "404.html").exists())):
        raise InputError([problem("field-value", field="--out", value=str(out), hint="",
                                  expected="an empty folder or a site built before (it has no "
                                           "index.html, so it is not replaced)")])


def copy_content_files(project: Project, docs: Path, problems: list[Problem]) -> int:
    """Publish every document under content/ (not the Markdown/YAML sources)."""
    content = project.content_dir
    count = 0
    for dirpath, dirnames, filenames in os.walk(content):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            src = Path(dirpath) / name
            rel = src.relative_to(content).as_posix()
            if name.startswith(".") or src.suffix.lower() in SKIP_SUFFIXES:
                continue
            path, why = resolve_content_file(content, rel)
            if path is None or src.suffix.lower() in UNSAFE:
                problems.append(problem(
                    "file-outside-content" if path is None else "file-type-unsafe",
                    file=f"content/{rel}", value=rel, ext=src.suffix.lower()))
                continue
            dest = docs / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src.resolve(), dest)
            except OSError:
                shutil.copyfile(src, dest)
            count += 1
    return count


def write_docs(rendered: Rendered, docs: Path) -> None:
    for rel, text in sorted(rendered.pages.items()):
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
    for rel, data in sorted(rendered.files.items()):
        path = docs / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def swap_in(new: Path, out: Path) -> None:
    """Replace `out` by `new` with renames, so readers never see a half-written site."""
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        out.rename(old)
        try:
            new.rename(out)
        except OSError:
            old.rename(out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        new.rename(out)


def export_markdown(staging: Path, dest: Path) -> None:
    """Write the generated docs tree and a portable mkdocs.yml for plain `mkdocs build`."""
    import yaml

    if dest.exists():
        shutil.rmtree(dest)
    shutil.copytree(staging / "docs", dest / "docs")
    shutil.copytree(staging / "overrides", dest / "overrides")
    conf = yaml.safe_load((staging / "mkdocs.yml").read_text("utf-8"))
    conf["docs_dir"] = "docs"
    conf["site_dir"] = "site"
    conf["theme"]["custom_dir"] = "overrides"
    (dest / "mkdocs.yml").write_text(
        yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), "utf-8")


def build(root: Path, out: Path | None = None, *, catalogue: Path | None = None,
          markdown_out: Path | None = None, today: date | None = None) -> BuildResult:
    """Build the site of the project at `root` into `out` (default: root/site)."""
    started = time.perf_counter()
    root = root.resolve()
    out = (out or root / "site").absolute()
    check_output_dir(root, out)
    today = today or today_for_build()
    project = load_project(root, catalogue)
    reports = {fy: check_year(project, fy, today) for fy in project.year_list}
    problems = all_problems(project, reports)
    blocking = blocking_problems(problems)
    if blocking:
        raise BuildRefused(blocking)
    rendered = render_site(project, reports, template_dirs(root), today)

    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-", dir=out.parent))
    epoch_set = "SOURCE_DATE_EPOCH" not in os.environ
    if epoch_set:
        os.environ["SOURCE_DATE_EPOCH"] = str(content_epoch(project))
    try:
        docs = staging / "docs"
        docs.mkdir()
        custom_dir, css = prepare_theme(staging, root)
        write_docs(rendered, docs)
        copy_problems: list[Problem] = []
        files = copy_content_files(project, docs, copy_problems)
        if blocking_problems(copy_problems):
            raise BuildRefused(blocking_problems(copy_problems))
        conf = effective_config(project.config, rendered.nav, docs, staging / "site",
                                custom_dir, css)
        write_config(conf, staging / "mkdocs.yml")
        warnings = mkdocs_build(staging / "mkdocs.yml")
        if markdown_out is not None:
            export_markdown(staging, markdown_out.absolute())
        swap_in(staging / "site", out)
    finally:
        if epoch_set:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(out=out, pages=len(rendered.pages), files=files,
                       seconds=time.perf_counter() - started, problems=tuple(problems),
                       reports=reports, engine_warnings=tuple(warnings))
