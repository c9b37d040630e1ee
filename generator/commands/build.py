"""The build pipeline: load → check → render Markdown → MkDocs → audit → replace site/.

A failed build leaves the previous site untouched: everything is built in a staging folder
next to the output, audited (no script or unsafe link that the theme did not put there),
and swapped in by renaming only when all of that has succeeded. Nothing is written into
content/. Two builds of the same input produce the same bytes: the build date comes from
SOURCE_DATE_EPOCH, else from the newest date in the content.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import posixpath
import re
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import jinja2

from generator.base import cachefile
from generator.base import markup as safety
from generator.base.markup import (
    audit_html,
    mkdocs_text,
    theme_script_prefixes,
)
from generator.base.problems import (
    BuildRefused,
    EngineError,
    InputError,
    Problem,
    get_kind,
    problem,
    sort_key,
)
from generator.check.report import YearReport
from generator.check.year import check_year, today_for_build
from generator.engine.mkdocs import (
    THEME_CSS,
    Sources,
    effective_config,
    mkdocs_build,
    template_dirs,
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
    """Problems that stop a build: the input was not understood, so publishing would drop
    or misstate data, or would publish something unsafe (`Kind.blocks`)."""
    return [p for p in problems if p.severity == "error" and get_kind(p.code).blocks]


def all_problems(project: Project, reports: dict[int, YearReport]) -> list[Problem]:
    found = set(project.problems)
    for r in reports.values():
        found |= set(r.problems)
    return sorted(found, key=sort_key)


def check_output_dir(root: Path, out: Path, option: str = "--out") -> None:
    """Never write into content/ or the project itself, nor over something that is not a
    site built before."""
    content = (root / "content").resolve()
    o = out.resolve()
    if o == content or o.is_relative_to(content) or content.is_relative_to(o) or o == root:
        raise InputError([problem("field-value", field=option, value=str(out), hint="",
                                  expected="a folder outside content/, e.g. site/")])
    if o.exists() and (not o.is_dir() or (any(o.iterdir()) and not (o / "index.html").exists()
                                          and not (o / "404.html").exists())):
        raise InputError([problem("field-value", field=option, value=str(out), hint="",
                                  expected="an empty folder or a site built before (it has no "
                                           "index.html, so it is not replaced)")])


def check_markdown_dir(root: Path, out: Path, dest: Path) -> None:
    """`--markdown-out` is replaced whole: only an empty folder or an earlier export."""
    content = (root / "content").resolve()
    d = dest.resolve()
    if (d == content or d.is_relative_to(content) or content.is_relative_to(d) or d == root
            or d == out.resolve() or d.is_relative_to(out.resolve())):
        raise InputError([problem("field-value", field="--markdown-out", value=str(dest),
                                  hint="", expected="a folder outside content/ and the site, "
                                  "e.g. build-markdown/")])
    if d.exists() and (not d.is_dir() or (any(d.iterdir()) and not (
            (d / "mkdocs.yml").is_file() and (d / "docs").is_dir()))):
        raise InputError([problem("field-value", field="--markdown-out", value=str(dest),
                                  hint="", expected="an empty folder or an earlier export (it "
                                  "has no mkdocs.yml and docs/, so it is not replaced)")])


def swap_in(new: Path, out: Path) -> None:
    """Replace `out` by `new` with renames, so readers never see a half-written site."""
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
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


def remove_stale(out: Path) -> None:
    """Staging and old-site folders left by a build that was killed (its process is gone)."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(?:build|old|md)-(\d+)(?:-.*)?")
    if not out.parent.is_dir():
        return
    for d in out.parent.iterdir():
        m = pattern.fullmatch(d.name)
        if m and d.is_dir() and not d.is_symlink() and not _alive(int(m.group(1))):
            shutil.rmtree(d, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True


def export_markdown(sources: Sources, conf: dict[str, Any], layers: list[Path],
                    dest: Path, built: float | None = None) -> None:
    """Write the generated docs tree, the theme overrides and a portable mkdocs.yml for
    plain `mkdocs build`; the folder is replaced whole, like the site. `built`: when the
    site was built from it (the pages get that time, see Sources.write)."""
    dest.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{dest.name}.md-{os.getpid()}-", dir=dest.parent))
    try:
        sources.write(tmp / "docs", built)
        for layer in reversed(layers):  # ours first, the council's over it
            shutil.copytree(layer, tmp / "overrides", dirs_exist_ok=True)
        conf = dict(conf, docs_dir="docs", site_dir="site",
                    theme=dict(conf["theme"], custom_dir="overrides"))
        write_config(conf, tmp / "mkdocs.yml")
        swap_in(tmp, dest)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def safe_mkdocs_config(conf: dict[str, Any]) -> dict[str, Any]:
    """MkDocs and Material put the site name, description, copyright and navigation titles
    into pages without escaping (some inside attributes): escape the ones made from data."""
    out = dict(conf)
    for key in ("site_name", "site_description", "copyright"):
        if isinstance(out.get(key), str):
            out[key] = mkdocs_text(out[key])
    out["nav"] = _safe_nav(out.get("nav") or [])
    return out


def _safe_nav(nav: Any) -> Any:
    if isinstance(nav, list):
        return [_safe_nav(x) for x in nav]
    if isinstance(nav, dict):
        return {mkdocs_text(k): _safe_nav(v) for k, v in nav.items()}
    return nav


class UnsafeOutput(EngineError):
    """The built pages contain markup that no input should be able to produce."""


class SiteAudit:
    """Refuse a built site with event handlers, script/data URLs, or a script other than
    the theme's own (see safety.audit_html). Pages are audited as MkDocs writes them
    (`page`); `finish` audits any other HTML file of the site and checks that every
    script a page loads is a file of the site.

    `cache`: the digests of the pages that passed the last time, under a key made of the
    audit's own code (safety.py, selectolax) and the theme's inline scripts. The audit of
    a page is a function of its bytes and that key alone, so a page byte for byte the same
    as one that passed passes again without being parsed; a rebuild parses only the pages
    that changed. Written back only when the whole site passes."""

    def __init__(self, template_dirs: list[Path], conf: dict[str, Any],
                 cache: Path | None = None) -> None:
        self.prefixes = theme_script_prefixes(template_dirs)
        self.extra_js = {x if isinstance(x, str) else x.get("path", "")
                         for x in conf.get("extra_javascript", []) or []}
        self.base = urlsplit(conf.get("site_url") or "").path or "/"
        self.found: list[str] = []
        self.seen: set[str] = set()
        self.scripts: list[tuple[str, str]] = []  # (page, src) to check once written
        self.cache = cache
        self.key = audit_key(self.prefixes) if cache is not None else ""
        known = cachefile.read(cache, self.key)
        self.known = set(known) if isinstance(known, list) else set()
        self.passed: set[str] = set()

    def page(self, rel: str, text: str) -> None:
        self.seen.add(rel)
        srcs = set(re.findall(r"<script[^>]*\ssrc=\"([^\"]*)\"", text))
        self.scripts += [(rel, src) for src in sorted(srcs) if src not in self.extra_js]
        digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"),
                                 digest_size=16).hexdigest()
        if digest in self.known:
            self.passed.add(digest)
            return
        findings = audit_html(text, self.prefixes, srcs)
        for kind, excerpt in findings:
            self.found.append(f"{rel}: {excerpt} ({kind})")
        if not findings:
            self.passed.add(digest)

    def finish(self, site: Path) -> None:
        for page in sorted(site.rglob("*.html")):
            rel = page.relative_to(site).as_posix()
            if rel not in self.seen:
                self.page(rel, page.read_text("utf-8", errors="replace"))
        local: dict[tuple[str, str], bool] = {}  # by (folder, src): a few dozen, not pages
        for rel, src in self.scripts:
            key = (posixpath.dirname(rel), src)
            if key not in local:
                local[key] = _local_file(site, site / rel, src, self.base)
            if not local[key]:
                self.found.append(f"{rel}: <script src={src}> (tag)")
        if self.found:
            found = self.found
            shown = "; ".join(found[:5]) + (f"; … {len(found) - 5} more" if len(found) > 5
                                            else "")
            raise UnsafeOutput(
                f"the built site would contain unsafe markup, so it was not published: "
                f"{shown}. The input was checked, so this comes from a template (theme/ or "
                "the council's theme/overrides/): please report it")
        if self.passed != self.known:
            cachefile.write(self.cache, self.key, sorted(self.passed))


def audit_key(prefixes: set[str]) -> str:
    """What decides an audit besides the page: our audit code, the parser's version (read
    without importing it) and the theme's inline scripts."""
    h = hashlib.sha256(Path(safety.__file__).read_bytes())
    spec = importlib.util.find_spec("selectolax")
    if spec is not None and spec.origin:
        h.update(Path(spec.origin).read_bytes())
    for prefix in sorted(prefixes):
        h.update(b"\0" + prefix.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _local_file(site: Path, page: Path, src: str, base: str) -> bool:
    """Does `src` (relative, or absolute under the site's URL path) name a file of the site?"""
    if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|//", src):
        return False
    src = unquote(src.split("?")[0].split("#")[0])
    if src.startswith("/"):
        if not src.startswith(base.rstrip("/") + "/"):
            return False
        path = (site / src[len(base.rstrip("/")) + 1:]).resolve()
    else:
        path = (page.parent / src).resolve()
    return path.is_file() and path.is_relative_to(site.resolve())


@contextmanager
def source_date_epoch(epoch: str) -> Iterator[None]:
    """Set SOURCE_DATE_EPOCH (read by MkDocs for dates and gzip headers) for the build."""
    old = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = epoch
    try:
        yield
    finally:
        if old is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = old


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

    def cache_file(self, name: str) -> Path | None:
        """A build cache of this project (see cachefile), or None when caches are off."""
        return self.root / cachefile.FOLDER / name if self.cache else None


def prepare(root: Path, *, catalogue: Path | None = None, today: date | None = None,
            cache: bool = True) -> Prepared:
    """Load → check → render. Raises BuildRefused when the input must be fixed first.
    `cache`: use and update the build caches (compiled templates, search words)."""
    root = root.resolve()
    today = today or today_for_build()
    project = load_project(root, catalogue)
    reports = {fy: check_year(project, fy, today) for fy in project.year_list}
    problems = all_problems(project, reports)
    blocking = blocking_problems(problems)
    if blocking:
        raise BuildRefused(blocking)
    rendered = render_site(project, reports, template_dirs(root), today, cache=cache)
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if not epoch.isdigit():
        epoch = str(content_epoch(project))
    return Prepared(root, project, reports, tuple(problems), rendered, epoch, cache)


def build(root: Path, out: Path | None = None, *, catalogue: Path | None = None,
          markdown_out: Path | None = None, today: date | None = None,
          cache: bool = True) -> BuildResult:
    """Build the site of the project at `root` into `out` (default: root/site)."""
    started = time.perf_counter()
    root = root.resolve()
    out = (out or root / "site").absolute()
    check_output_dir(root, out)
    if markdown_out is not None:
        markdown_out = markdown_out.absolute()
        check_markdown_dir(root, out, markdown_out)
    return publish(prepare(root, catalogue=catalogue, today=today, cache=cache), out,
                   markdown_out, started)


def publish(prep: Prepared, out: Path, markdown_out: Path | None = None,
            started: float | None = None) -> BuildResult:
    """Stage the Markdown tree, run MkDocs, audit the result and swap it in for `out`."""
    started = time.perf_counter() if started is None else started
    project, rendered = prep.project, prep.rendered
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale(out)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.build-{os.getpid()}-",
                                    dir=out.parent))
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
            audit = SiteAudit([_material_templates(), *layers], conf,
                              prep.cache_file("audited.json"))
            built = time.time() - 1.0  # file times use a coarse clock
            try:
                warnings = mkdocs_build(
                    staging / "mkdocs.yml", sources=sources, layers=layers,
                    page_hook=audit.page, words_cache=prep.cache_file("search-words.json"),
                    bytecode_cache=bytecode_cache() if prep.cache else None)
            except jinja2.TemplateError as exc:
                raise EngineError(template_error(exc, layers)) from exc
            audit.finish(staging / "site")
        if markdown_out is not None:
            export_markdown(sources, conf, layers, markdown_out, built)
        swap_in(staging / "site", out)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return BuildResult(out=out, pages=len(rendered.pages), files=files,
                       seconds=time.perf_counter() - started, problems=prep.problems,
                       reports=prep.reports, engine_warnings=tuple(warnings))


def template_error(exc: jinja2.TemplateError, layers: list[Path]) -> str:
    """`theme/overrides/main.html:3: message` for a template that failed in MkDocs."""
    where = ""
    name = getattr(exc, "filename", None)
    line = getattr(exc, "lineno", None)
    if not name:  # a runtime error: the innermost template frame of the traceback
        tb = exc.__traceback__
        while tb is not None:
            if tb.tb_frame.f_code.co_filename.endswith(".html"):
                name, line = tb.tb_frame.f_code.co_filename, tb.tb_lineno
            tb = tb.tb_next
    if name:
        path = Path(name)
        council = layers[0] if len(layers) > 1 else None
        shown = (f"theme/overrides/{path.relative_to(council).as_posix()}"
                 if council is not None and path.is_relative_to(council) else path.name)
        where = f"{shown}:{line}: " if line else f"{shown}: "
    return (f"a theme template failed: {where}{type(exc).__name__}: {exc.message or exc}; "
            "fix or remove the council's template override")


def _material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"
