"""The build pipeline: load → check → render Markdown → MkDocs → audit → replace site/.

A failed build leaves the previous site untouched: everything is built in a staging folder
next to the output, audited (no script or unsafe link that the theme did not put there),
and swapped in by renaming only when all of that has succeeded. Nothing is written into
content/. Two builds of the same input produce the same bytes: the build date comes from
SOURCE_DATE_EPOCH, else from the newest date in the content.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from pathlib import Path

import jinja2

from generator.base import cachefile
from generator.base.atomic import real_target, remove_stale, swap_in
from generator.base.problems import (
    MARK,
    REFUSE,
    BuildRefused,
    EngineError,
    InputError,
    Problem,
    problem,
    sort_key,
)
from generator.base.say import Say
from generator.check.archive import ArchiveReport, check_archive
from generator.check.report import YearReport
from generator.check.year import check_year, today_for_build
from generator.engine.audit import SiteAudit
from generator.engine.headers import PageSources, server_headers, write_server_headers
from generator.engine.mkdocs import (
    THEME_CSS,
    Sources,
    effective_config,
    export_markdown,
    material_templates,
    mkdocs_build,
    safe_mkdocs_config,
    source_date_epoch,
    template_dirs,
    template_error,
    theme_assets,
    theme_layers,
    write_config,
)
from generator.load.project import Project, load_project
from generator.render.pages import Rendered, bytecode_cache, render_site

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("field-value",)


@dataclass(frozen=True)
class BuildResult:
    out: Path
    pages: int
    files: int
    seconds: float
    problems: tuple[Problem, ...]
    reports: dict[int, YearReport]
    engine_warnings: tuple[str, ...]
    notes: tuple[str, ...] = ()  # for the operator, e.g. a folder that could not be deleted
    archives: dict[int, ArchiveReport] = field(default_factory=dict)
    # errors in entries or files that were published marked "needs attention" (exit 4)
    attention: tuple[Problem, ...] = ()


def content_epoch(project: Project) -> int:
    """A stable build timestamp derived from the content: the newest date it mentions."""
    dates = [project.config.site.as_of] if project.config.site.as_of else []
    for yc in project.years.values():
        for ic in yc.items.values():
            if ic.last_update:
                dates.append(ic.last_update)
    for ay in project.archives.values():
        dates += [ic.last_update for ic in ay.items if ic.last_update]
    newest = max((d for d in dates if d), default=date(2000, 1, 1))
    return int(datetime(newest.year, newest.month, newest.day, tzinfo=timezone.utc).timestamp())


def blocking_problems(problems: list[Problem], strict: bool = False) -> list[Problem]:
    """Problems that stop a build (README "When the build refuses"): the site would be
    unsafe, or site_config.yml is unreadable (REFUSE); with `strict`, also every entry or
    file that was not understood (MARK), as `mkdocs build --strict` stops at a warning."""
    stop = (REFUSE, MARK) if strict else (REFUSE,)
    return [p for p in problems if p.build in stop]


def attention_problems(problems: list[Problem] | tuple[Problem, ...]) -> list[Problem]:
    """Errors in one entry or file that a build publishes around, marking what they touch
    ("built with problems", exit 4)."""
    return [p for p in problems if p.build == MARK]


def problem_key(p: Problem) -> tuple[object, ...]:
    """A problem without its line (lines move when a file is edited): what tells the
    problems a save brought in from those that were there before."""
    return (p.code, p.file, p.path, p.value, p.item, p.component)


def all_problems(project: Project, reports: dict[int, YearReport],
                 archives: dict[int, ArchiveReport] | None = None) -> list[Problem]:
    found = set(project.problems)
    for r in reports.values():
        found |= set(r.problems)
    for a in (archives or {}).values():
        found |= set(a.problems)
    return sorted(found, key=sort_key)


def check_output_dir(root: Path, out: Path, option: str = "--out") -> None:
    """Never write into content/ or the project itself, nor over something that is not a
    site built before."""
    content = (root / "content").resolve()
    o = out.resolve()
    if o == content or o.is_relative_to(content) or content.is_relative_to(o) or o == root:
        raise InputError([problem("field-value", field=option, value=str(out), hint="",
                                  expected=Say("โฟลเดอร์นอก content/ เช่น site/",
                                               "a folder outside content/, e.g. site/"))])
    if o.exists() and (not o.is_dir() or (any(o.iterdir()) and not (o / "index.html").exists()
                                          and not (o / "404.html").exists())):
        raise InputError([problem("field-value", field=option, value=str(out), hint="",
                                  expected=Say("โฟลเดอร์ว่าง หรือเว็บไซต์ที่สร้างไว้ก่อน (โฟลเดอร์นี้"
                                               "ไม่มี index.html จึงไม่ถูกแทนที่)",
                                               "an empty folder or a site built before (it has "
                                               "no index.html, so it is not replaced)"))])


def check_markdown_dir(root: Path, out: Path, dest: Path) -> None:
    """`--markdown-out` is replaced whole: only an empty folder or an earlier export."""
    content = (root / "content").resolve()
    d = dest.resolve()
    if (d == content or d.is_relative_to(content) or content.is_relative_to(d) or d == root
            or d == out.resolve() or d.is_relative_to(out.resolve())):
        raise InputError([problem("field-value", field="--markdown-out", value=str(dest),
                                  hint="", expected=Say(
                                      "โฟลเดอร์นอก content/ และนอกเว็บไซต์ เช่น build-markdown/",
                                      "a folder outside content/ and the site, e.g. "
                                      "build-markdown/"))])
    if d.exists() and (not d.is_dir() or (any(d.iterdir()) and not (
            (d / "mkdocs.yml").is_file() and (d / "docs").is_dir()))):
        raise InputError([problem("field-value", field="--markdown-out", value=str(dest),
                                  hint="", expected=Say(
                                      "โฟลเดอร์ว่าง หรือโฟลเดอร์ที่ส่งออกไว้ก่อน (โฟลเดอร์นี้ไม่มี "
                                      "mkdocs.yml และ docs/ จึงไม่ถูกแทนที่)",
                                      "an empty folder or an earlier export (it has no "
                                      "mkdocs.yml and docs/, so it is not replaced)"))])













@dataclass(frozen=True)
class Prepared:
    """Everything a build publishes, before MkDocs runs: the project as read, its check
    reports, every problem, the generated Markdown tree and the build timestamp."""

    root: Path
    project: Project
    reports: dict[int, YearReport]
    problems: tuple[Problem, ...]
    rendered: Rendered
    epoch: str
    cache: bool = True
    archives: dict[int, ArchiveReport] = field(default_factory=dict)

    def cache_file(self, name: str) -> Path | None:
        """A build cache of this project (see cachefile), or None when caches are off."""
        return self.root / cachefile.FOLDER / name if self.cache else None


def prepare(root: Path, *, catalogue: Path | None = None, today: date | None = None,
            cache: bool = True, strict: bool = False) -> Prepared:
    """Load → check → render. Raises BuildRefused when the input must be fixed first (with
    `strict`, also when any entry or file was not understood). `cache`: use and update the
    build caches (compiled templates, search words)."""
    root = root.resolve()
    today = today or today_for_build()
    project = load_project(root, catalogue)
    reports = {fy: check_year(project, fy, today) for fy in project.year_list}
    archives = {fy: check_archive(project, fy) for fy in sorted(project.archives)}
    problems = all_problems(project, reports, archives)
    blocking = blocking_problems(problems, strict)
    if blocking:
        raise BuildRefused(blocking, strict=strict and not blocking_problems(problems))
    rendered = render_site(project, reports, template_dirs(root), today, cache=cache,
                           archives=archives)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        epoch = str(content_epoch(project))
    return Prepared(root, project, reports, tuple(problems), rendered, epoch, cache, archives)


def build(root: Path, out: Path | None = None, *, catalogue: Path | None = None,
          markdown_out: Path | None = None, today: date | None = None,
          cache: bool = True, strict: bool = False) -> BuildResult:
    """Build the site of the project at `root` into `out` (default: root/site). `strict`:
    refuse, like any unsafe input, input that would otherwise be published marked."""
    started = time.perf_counter()
    root = root.resolve()
    option = "--out" if out is not None else "site/ (a link to a folder)" if \
        (root / "site").is_symlink() else "site/"
    out = (out or root / "site").absolute()
    check_output_dir(root, out, option)
    if markdown_out is not None:
        markdown_out = markdown_out.absolute()
        check_markdown_dir(root, out, markdown_out)
    return publish(prepare(root, catalogue=catalogue, today=today, cache=cache, strict=strict),
                   out, markdown_out, started)


def publish(prep: Prepared, out: Path, markdown_out: Path | None = None,
            started: float | None = None) -> BuildResult:
    """Stage the Markdown tree, run MkDocs, audit the result and swap it in for `out`."""
    started = time.perf_counter() if started is None else started
    project, rendered = prep.project, prep.rendered
    # `site` may be a link to the web server's folder: that folder is replaced (staged next
    # to it, so that the swap is two renames on one disk) and the link stays
    target = real_target(out)
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(target)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.build-{os.getpid()}-",
                                    dir=target.parent))
    try:
        with source_date_epoch(prep.epoch):
            # the documents load_project found and checked (unsafe ones refused `prepare`)
            files = len(project.files)
            sources = Sources(rendered.pages, rendered.files,
                              {**theme_assets(), **project.files})
            layers = theme_layers(prep.root)
            docs = staging / "docs"  # empty: MkDocs gets the tree in memory (sources)
            docs.mkdir()
            conf = safe_mkdocs_config(effective_config(
                project.config, rendered.nav, docs, staging / "site", layers[0], THEME_CSS))
            write_config(conf, staging / "mkdocs.yml")
            loaded = PageSources()  # what the pages load: for the site's security policy
            audit = SiteAudit([material_templates(), *layers], conf,
                              prep.cache_file("audited.json"), loaded)
            built = time.time() - 1.0  # file times use a coarse clock
            try:
                warnings = mkdocs_build(
                    staging / "mkdocs.yml", sources=sources, layers=layers,
                    page_hook=audit.page, words_cache=prep.cache_file("search-words.json"),
                    bytecode_cache=bytecode_cache() if prep.cache else None)
            except jinja2.TemplateError as exc:
                raise EngineError(template_error(exc, layers)) from exc
            audit.finish(staging / "site")
            if project.config.site.headers:
                write_server_headers(staging / "site", server_headers(loaded))
        if markdown_out is not None:
            export_markdown(sources, conf, layers, markdown_out, built)
        left = swap_in(staging / "site", target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    notes = () if left is None else (
        f"ลบเว็บไซต์ฉบับเดิมที่ {left} ไม่ได้ (ไม่มีสิทธิ์) กรุณาลบเอง (the previous site could "
        f"not be deleted: remove {left} by hand)",)
    return BuildResult(out=out, pages=len(rendered.pages), files=files,
                       seconds=time.perf_counter() - started, problems=prep.problems,
                       reports=prep.reports, engine_warnings=tuple(warnings), notes=notes,
                       archives=prep.archives,
                       attention=tuple(attention_problems(prep.problems)))


