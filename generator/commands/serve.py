"""Live preview: build into a temporary folder, serve it, rebuild on every saved edit.

An officer previews after every edit, so a rebuild must take about a second. The first build
(and any edit that changes the navigation, the configuration, the theme or the evidence
files) is a full `publish()` of the prepared site, which also keeps its generated Markdown.
After that an edit is rebuilt incrementally: load, check and render everything again
(cheap), write only the pages whose Markdown changed, and let MkDocs rebuild only those
("dirty" build); the search index entries of those pages replace their old ones. MkDocs'
dirty builds leave the navigation of the other pages stale, which is why anything that can
change the navigation (an item, page or year added or removed, a title, site_config.yml)
takes the full path. Input problems that stop a build leave the last good preview in place,
as in `build`; an entry the build would publish marked is previewed marked, and its
problems are printed. The rebuilt pages are not audited again (`build.SiteAudit`): a preview is
never published, and every `prongsai build` audits the whole site."""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.base.problems import BuildRefused, EngineError, InputError, Problem, get_kind
from generator.base.say import say
from generator.commands.build import (
    Prepared,
    attention_problems,
    prepare,
    problem_key,
    publish,
)
from generator.engine.mkdocs import theme_dir, theme_layers
from generator.engine.preview import live_server, read_index, rebuild_pages
from generator.load.files import SOURCE_SUFFIXES
from generator.load.project import Project, load_project
from generator.render.banner import banner_html, shown_in_preview
from generator.render.pages import Rendered, bytecode_cache
from generator.render.reports import problems_text

# How often the watcher looks for saved files (MkDocs' default is 0.5 s).
POLL_SECONDS = 0.2


@dataclass(frozen=True)
class _Built:
    """What the last good build was made from: an edit that changes any of these but the
    pages needs a full build."""

    config: Any
    nav: Any
    epoch: str
    theme: tuple[tuple[str, int, int], ...]
    files: tuple[tuple[str, int, int], ...]
    pages: dict[str, str]
    data: dict[str, bytes]
    index: list[dict[str, Any]] | None  # search index entries, in site order


@dataclass(frozen=True)
class Rebuilt:
    seconds: float
    pages: int  # pages rebuilt
    full: bool
    problems: tuple[Problem, ...] = ()  # what the check found in the content built
    attention: tuple[Problem, ...] = ()  # entries previewed marked "needs attention"


@dataclass
class Banner:
    """What the preview's pages show at their top: the problems of the last save."""

    problems: tuple[Problem, ...] = ()
    refused: bool = False  # the last save could not be built: the pages are older
    failure: str = ""  # the engine's own error
    mount: str = "/"

    def html(self) -> str:
        return banner_html(self.problems, self.refused, self.mount, self.failure)


def _fingerprint(dirs: list[Path], skip: set[str] | None = None
                 ) -> tuple[tuple[str, int, int], ...]:
    """(path, size, mtime) of every file under `dirs`, except names ending in `skip`."""
    out = []
    for d in dirs:
        if not d.is_dir():
            continue
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames.sort()
            for name in sorted(filenames):
                if skip and os.path.splitext(name)[1].lower() in skip:
                    continue
                path = os.path.join(dirpath, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                out.append((path, st.st_size, st.st_mtime_ns))
    return tuple(out)




class Preview:
    """The preview's build state: a full build first, then incremental rebuilds."""

    def __init__(self, root: Path, work: Path, catalogue: Path | None = None):
        self.root = root.resolve()
        self.out = work / "site"
        self.markdown = work / "markdown"  # docs/ + mkdocs.yml of the last full build
        self.catalogue = catalogue
        self.last: _Built | None = None
        # the entries the last build showed marked "needs attention" (None before the first)
        self.marked: frozenset[tuple[object, ...]] | None = None

    def _theme(self) -> tuple[tuple[str, int, int], ...]:
        return _fingerprint([theme_dir(), self.root / "theme"])

    def _files(self) -> tuple[tuple[str, int, int], ...]:
        return _fingerprint([self.root / "content"], skip=SOURCE_SUFFIXES)

    def _read_index(self) -> list[dict[str, Any]] | None:
        return read_index(self.out)

    def rebuild(self, prep: Prepared | None = None) -> Rebuilt:
        """Bring the preview up to date; raises like `build()` (the old preview stays).
        `prep`: the project as just loaded, checked and rendered (by the editor, which
        checks a save that way before it keeps it), instead of preparing it again."""
        started = time.perf_counter()
        theme, files = self._theme(), self._files()
        if prep is None:
            prep = prepare(self.root, catalogue=self.catalogue)
        marks = attention_problems(prep.problems)
        if self.marked is not None:
            # a save that leaves a file unreadable (a YAML mistake: the "input" group) would
            # preview the page without that file's content: the last good page stays, with
            # the banner; a bad entry in a file that reads is previewed marked, as built
            new = [p for p in marks if problem_key(p) not in self.marked
                   and get_kind(p.code).group == "input"]
            if new:
                raise BuildRefused(new, strict=True)
        done = self._rebuild(prep, started, theme, files)
        self.marked = frozenset(problem_key(p) for p in marks)
        return done

    def _rebuild(self, prep: Prepared, started: float, theme: tuple[tuple[str, int, int], ...],
                 files: tuple[tuple[str, int, int], ...]) -> Rebuilt:
        project, rendered = prep.project, prep.rendered
        last = self.last
        if (last is None or last.config != project.config or last.nav != rendered.nav
                or last.epoch != prep.epoch or last.theme != theme or last.files != files
                or set(last.pages) != set(rendered.pages)
                or set(last.data) != set(rendered.files)):
            self.last = None
            result = publish(prep, self.out, self.markdown, started)
            self.last = _Built(project.config, rendered.nav, prep.epoch, theme, files,
                               dict(rendered.pages), dict(rendered.files), self._read_index())
            return Rebuilt(time.perf_counter() - started, result.pages, True, prep.problems,
                           tuple(attention_problems(prep.problems)))
        done = self._incremental(started, last, project, rendered)
        return Rebuilt(done.seconds, done.pages, done.full, prep.problems,
                       tuple(attention_problems(prep.problems)))

    def _incremental(self, started: float, last: _Built, project: Project,
                     rendered: Rendered) -> Rebuilt:
        docs = self.markdown / "docs"
        changed = [rel for rel, text in sorted(rendered.pages.items())
                   if last.pages.get(rel) != text]
        changed_data = [rel for rel, data in sorted(rendered.files.items())
                        if last.data.get(rel) != data]
        if changed or changed_data:
            self.last = None  # a failure below leaves a half-updated preview: rebuild fully
            for rel in changed:
                (docs / rel).write_text(rendered.pages[rel], "utf-8")
            for rel in changed_data:
                (docs / rel).write_bytes(rendered.files[rel])
            index = rebuild_pages(self.markdown / "mkdocs.yml", self.out, changed, last.epoch,
                                  theme_layers(self.root), last.index, bytecode_cache())
            self.last = _Built(last.config, last.nav, last.epoch, last.theme, last.files,
                               dict(rendered.pages), dict(rendered.files), index)
        return Rebuilt(time.perf_counter() - started, len(changed), False)


def serve(root: Path, host: str, port: int, *, catalogue: Path | None = None,
          echo: Callable[[str], None] = print) -> None:
    root = root.resolve()
    project = load_project(root, catalogue)  # fail early, with exit code 2, on unreadable input
    tmp = Path(tempfile.mkdtemp(prefix="prongsai-serve-"))
    preview = Preview(root, tmp, catalogue)
    banner = Banner(mount=urlsplit(project.config.site.url).path or "/")

    def rebuild() -> None:
        try:
            done = preview.rebuild()
        except (InputError, BuildRefused) as exc:
            banner.problems, banner.refused, banner.failure = tuple(exc.problems), True, ""
            echo(problems_text(exc.problems))
            echo(say("หน้าตัวอย่างยังแสดงเว็บไซต์ครั้งก่อน แก้ตามข้อความข้างบน (หรือในแถบด้านบนของ"
                     "หน้าตัวอย่าง) แล้วบันทึกไฟล์อีกครั้ง",
                     "the preview keeps the last good build: fix what is said above (or in "
                     "the bar at the top of the preview) and save again"))
            return
        except EngineError as exc:
            banner.problems, banner.refused, banner.failure = (), True, str(exc)
            echo(say(f"สร้างเว็บไซต์ไม่สำเร็จ: {exc}", f"build failed: {exc}"))
            return
        banner.problems, banner.refused, banner.failure = done.problems, False, ""
        what = say("ทั้งเว็บไซต์", "the whole site") if done.full else say(
            f"{done.pages} หน้า", f"{done.pages} page(s)")
        shown = sum(1 for p in done.problems if shown_in_preview(p))
        echo(say(f"สร้างใหม่แล้ว {what} ใน {done.seconds:.1f} วินาที",
                 f"rebuilt {what} in {done.seconds:.1f} s") +
             (say(f" (มีปัญหาที่แสดงในหน้าตัวอย่าง {shown} รายการ)",
                  f" ({shown} problem(s) shown in the preview)") if shown else ""))

    rebuild()
    if not preview.out.exists():
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildRefused([])
    server = live_server(rebuild, host, port, preview.out, banner.mount,
                         (root / "content", root / "site_config.yml", theme_dir(), root / "theme"),
                         POLL_SECONDS, banner=banner.html)
    echo(say(f"เปิดดูตัวอย่างที่ {server.url} · กด Ctrl+C เพื่อหยุด",
             f"preview at {server.url} · press Ctrl+C to stop"))
    # `kill` (SIGTERM) stops the preview as cleanly as Ctrl+C: no temporary folder left
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt
