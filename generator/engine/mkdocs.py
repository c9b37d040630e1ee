"""The only module that knows MkDocs: the effective configuration and the build call.

Prongsai does its own work (loading, checking, rendering Markdown) in plain Python and
hands MkDocs a standard `mkdocs.yml` plus a docs folder, so that moving to another engine
that reads `mkdocs.yml` (e.g. Zensical) is a change to this module only. The theme
overrides contain no Python calls.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
import yaml

from generator.base.atomic import real_target, swap_in
from generator.base.markup import mkdocs_text
from generator.base.problems import EngineError
from generator.engine.linebreak import mark_words
from generator.engine.search import SEPARATOR, SYNONYMS, Words, segment_index
from generator.engine.sections import split_sections
from generator.engine.tables import label_cells
from generator.load.config import SiteConfig

# mkdocs-material prints an end-of-life banner on every build (see README, "For web admins").
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

PACKAGE_DIR = Path(__file__).parent.parent
ASSETS_PREFIX = "assets/prongsai"
RESERVED = {"docs_dir", "site_dir", "nav", "use_directory_urls", "site_url"}
LIST_KEYS = ("extra_css", "extra_javascript", "markdown_extensions", "plugins")


def theme_dir() -> Path:
    """The packaged theme (wheel), else the repository's top-level theme/."""
    packaged = PACKAGE_DIR / "_theme"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "theme"


def template_dirs(project_root: Path) -> list[Path]:
    """Search path for page templates: the council's theme/pages, then ours."""
    return _council_first(project_root, "pages")


def theme_layers(project_root: Path) -> list[Path]:
    """The template override folders, first match wins: the council's theme/overrides (if
    any), then ours. MkDocs reads them in place, so compiled templates keep stable file
    names (see `bytecode_cache`) and nothing is copied for a build."""
    return _council_first(project_root, "overrides")


def _council_first(project_root: Path, folder: str) -> list[Path]:
    ours = theme_dir() / folder
    theirs = project_root / "theme" / folder
    if theirs.is_dir() and theirs.resolve() != ours.resolve():
        return [theirs, ours]
    return [ours]


def theme_assets() -> dict[str, Path]:
    """Our stylesheets, script and fonts, by their path in the site."""
    base = theme_dir() / "assets"
    return {f"{ASSETS_PREFIX}/{p.relative_to(base).as_posix()}": p
            for p in sorted(base.rglob("*")) if p.is_file() and not p.name.startswith(".")}


THEME_CSS = [f"{ASSETS_PREFIX}/fonts/fonts.css", f"{ASSETS_PREFIX}/prongsai.css",
             f"{ASSETS_PREFIX}/documents.css"]


@dataclass(frozen=True)
class Sources:
    """What MkDocs builds, by path under docs/, handed over in memory instead of a docs
    folder written for it: Markdown pages, generated files, and files on disk (evidence,
    our theme assets) that MkDocs copies into the site."""

    pages: Mapping[str, str]
    data: Mapping[str, bytes]
    files: Mapping[str, Path]

    def write(self, docs: Path, mtime: float | None = None) -> None:
        """The same tree as a docs folder (`--markdown-out`, the preview). `mtime`: the
        time given to the written pages and files, e.g. from before the site was built, so
        that a dirty MkDocs build of the folder sees the site as up to date."""
        written = []
        generated: dict[str, bytes] = {rel: text.encode() for rel, text in self.pages.items()}
        generated.update(self.data)
        for rel, content in sorted(generated.items()):
            path = docs / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(content)
            written.append(path)
        if mtime is not None:
            for path in written:
                os.utime(path, (mtime, mtime))
        for rel, src in sorted(self.files.items()):  # linked: keep their own times
            path = docs / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            try:
                os.link(src, path)
            except OSError:
                shutil.copyfile(src, path)


def docs_order(rel: str) -> tuple[tuple[int, Any], ...]:
    """MkDocs' own order for files found in docs_dir (a walk with sorted folders, files
    before subfolders, `index`/`README` first), so that pages handed over in memory come
    out in the same order (navigation, sitemap, search index) as from a docs folder."""
    *dirs, name = rel.split("/")
    return (*((1, d) for d in dirs), (0, (os.path.splitext(name)[0] not in ("index", "README"),
                                          name)))


def effective_config(cfg: SiteConfig, nav: list[Any], docs_dir: Path, site_dir: Path,
                     custom_dir: Path, css: list[str]) -> dict[str, Any]:
    """The standard mkdocs.yml that Prongsai builds with."""
    council = cfg.council
    conf: dict[str, Any] = {
        "site_name": f"{council.short_th} — ข้อมูลเปิดเผยต่อสาธารณะ (ITA)",
        "site_description": f"การเปิดเผยข้อมูลสาธารณะ (OIT) ของ{council.name_th}",
        "docs_dir": str(docs_dir),
        "site_dir": str(site_dir),
        "use_directory_urls": True,
        "theme": {
            "name": "material",
            "language": "th",
            "custom_dir": str(custom_dir),
            "font": False,  # no Google Fonts: Sarabun is shipped in assets
            "features": ["navigation.tabs", "navigation.sections", "navigation.prune",
                         "navigation.top", "navigation.indexes", "search.highlight",
                         "toc.follow"],
            # no `palette`: indigo is Material's default, and a palette adds a 12 KB stylesheet
            "icon": {"logo": "material/scale-balance"},
        },
        "extra_css": css,
        "extra_javascript": [f"{ASSETS_PREFIX}/prongsai.js"],
        "markdown_extensions": [
            "tables", "attr_list", "md_in_html", "admonition", "pymdownx.details",
            {"toc": {"permalink": False}},
        ],
        # lang en: no lunr language scripts to load (Thai is segmented by generator/engine/search.py
        # and the prongsai-search.js worker); the separator also splits at U+200B.
        "plugins": [{"search": {"lang": "en", "separator": SEPARATOR}}]
        if cfg.site.search else [],
        "nav": nav,
        # the current fiscal year, for the search worker's ranking (written into the index)
        "extra": {"generator": False, "prongsai": {"current_year": cfg.current_year,
                                                   "synonyms": SYNONYMS}},
        "copyright": f"© {council.name_th}",
        "validation": {"nav": {"omitted_files": "ignore"},
                       "links": {"unrecognized_links": "ignore"}},
    }
    if cfg.site.url:
        conf["site_url"] = cfg.site.url
    merge_admin(conf, cfg.mkdocs)
    return conf


def merge_admin(conf: dict[str, Any], extra: dict[str, Any]) -> None:
    """A web admin's `mkdocs:` settings: lists are appended, `theme` and `extra` merged,
    other keys set; keys Prongsai controls are refused."""
    for key, value in extra.items():
        if key in RESERVED:
            raise EngineError(f"site_config.yml mkdocs.{key} is set by Prongsai and cannot be "
                              f"overridden (remove it)")
        if key in LIST_KEYS:
            conf.setdefault(key, [])
            conf[key] = list(conf[key]) + list(value if isinstance(value, list) else [value])
        elif key in ("theme", "extra") and isinstance(value, dict):
            merged = dict(conf.get(key, {}))
            for k, v in value.items():
                if key == "theme" and k in ("name", "custom_dir"):
                    raise EngineError(f"site_config.yml mkdocs.theme.{k} is set by Prongsai; "
                                      "put template overrides in theme/overrides/ instead")
                if isinstance(v, list) and isinstance(merged.get(k), list):
                    merged[k] = merged[k] + [x for x in v if x not in merged[k]]
                else:
                    merged[k] = v
            conf[key] = merged
        else:
            conf[key] = value


def write_config(conf: dict[str, Any], path: Path) -> None:
    path.write_text(yaml.safe_dump(conf, allow_unicode=True, sort_keys=False), "utf-8")


class _Capture(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record.getMessage())


_VERBATIM = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2>)", re.S | re.I)


_RUN = re.compile(r"[ \t]{2,}")
# white space other than space, tab and newline (str.isspace), for compact_html's fast path
_OTHER_SPACE = tuple(chr(c) for c in (*range(0x0B, 0x0E), *range(0x1C, 0x20), 0x85, 0xA0,
                                      0x1680, *range(0x2000, 0x200B), 0x2028, 0x2029, 0x202F,
                                      0x205F, 0x3000))


def compact_html(text: str) -> str:
    """Collapse the indentation Material's templates leave in every page (a fifth of an
    item page) outside <pre>, <textarea>, <script> and <style>; a run of white space
    renders as one space anyway. Exactly: white space around a line break becomes one line
    break (`[ \\t]*\\n\\s*` → `\\n`), then a run of spaces and tabs one space
    (tests/test_properties.py holds it to that definition)."""
    parts = _VERBATIM.split(text)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3  # split() yields text, whole verbatim element, its tag name
        if kind == 0:
            part = _squeeze(part)
        if kind != 2:
            out.append(part)
    return "".join(out)


def _squeeze(part: str) -> str:
    if "\n" in part:
        lines = part.split("\n")
        middle: list[str]
        if not any(c in part for c in _OTHER_SPACE):  # str.strip() strips just " \t"
            middle = list(filter(None, map(str.strip, lines[1:-1])))
        else:
            middle = [s for s in (x.lstrip().rstrip(" \t") for x in lines[1:-1]) if s]
        part = "\n".join([lines[0].rstrip(" \t"), *middle, lines[-1].lstrip()])
    return _RUN.sub(" ", part) if "  " in part or "\t" in part else part


class _VisibleFilesLoader(jinja2.FileSystemLoader):
    """The theme's template loader, listing no hidden file or folder. MkDocs lists every
    theme file to copy the static ones, and its filter drops hidden ones (`.*`, `*/.*`):
    walking Material's 14,000 icons in `.icons/` and filtering them took 0.08 s a build.
    MkDocs uses the listing for nothing else; templates load as before."""

    def list_templates(self) -> list[str]:
        found = set()
        for searchpath in self.searchpath:
            for dirpath, dirnames, filenames in os.walk(searchpath,
                                                        followlinks=self.followlinks):
                dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                rel = os.path.relpath(dirpath, searchpath)
                for name in filenames:
                    if not name.startswith("."):
                        path = name if rel == "." else os.path.join(rel, name)
                        found.add(path.replace(os.sep, "/"))
        return sorted(found)


# (path of the page in the site, its final HTML): called for every HTML page MkDocs writes
PageHook = Callable[[str, str], None]


def _plugin(sources: Sources | None, layers: Sequence[Path], hook: PageHook | None,
            cache: Any, words: Words | None = None) -> Any:
    """Prongsai's in-process steps inside a MkDocs build (nothing of it is in mkdocs.yml:
    a plain `mkdocs build` of an export builds the same pages without them)."""
    from mkdocs.plugins import BasePlugin
    from mkdocs.structure.files import File, Files

    marked: dict[str, str] = {}  # text runs marked for line breaking, shared by the pages

    class ProngsaiSteps(BasePlugin):  # type: ignore[type-arg,no-untyped-call]
        def on_config(self, config: Any) -> Any:
            # the override layers in place of the single custom_dir
            if layers and config.theme.custom_dir:
                config.theme.dirs[0:1] = [str(p) for p in layers]
            theme, get_env = config.theme, config.theme.get_env

            def env_listing_visible_files() -> Any:
                env = get_env()
                loader = env.loader
                if type(loader) is jinja2.FileSystemLoader:
                    env.loader = _VisibleFilesLoader(loader.searchpath, loader.encoding,
                                                     loader.followlinks)
                return env

            theme.get_env = env_listing_visible_files
            _fast_search_sections(config)
            return config

        def on_files(self, files: Any, config: Any) -> Any:
            unused = unused_theme_files(config)
            if sources is None:
                return Files([f for f in files if not unused(f.src_uri)])
            ours = [File.generated(config, rel, content=text)
                    for rel, text in sources.pages.items()]
            ours += [File.generated(config, rel, content=data)
                     for rel, data in sources.data.items()]
            ours += [File.generated(config, rel, abs_src_path=str(path))
                     for rel, path in sources.files.items()]
            ours.sort(key=lambda f: docs_order(f.src_uri))
            names = {f.src_uri for f in ours}
            # theme files never replace docs files (as in MkDocs' own add_files_from_theme)
            return Files(ours + [f for f in files
                                 if f.src_uri not in names and not unused(f.src_uri)])

        def on_env(self, env: Any, config: Any, files: Any) -> Any:
            if cache is not None:
                env.bytecode_cache = cache
            return env

        def on_post_page(self, output: str, page: Any, config: Any) -> str:
            output = label_cells(compact_html(output))
            if words is not None:  # after Material indexed the page: the index is as before
                output = mark_words(output, words, marked)
            if hook is not None:
                hook(page.file.dest_uri, output)
            return output

        def on_post_template(self, output_content: str, template_name: str,
                             config: Any) -> str:
            if template_name.endswith(".html"):
                output_content = compact_html(output_content)
                if words is not None:
                    output_content = mark_words(output_content, words, marked)
                if hook is not None:
                    hook(template_name, output_content)
            return output_content

    return ProngsaiSteps()


LUNR = "assets/javascripts/lunr/"


def unused_theme_files(config: Any) -> Callable[[str], bool]:
    """Which of Material's files no page of this site loads, so that they are not
    published (2.2 MB of a 5 MB one-year site, a third of its files): source maps (`.map`,
    read only by a browser's developer tools), the lunr language scripts that Material's
    search worker does not load for the search languages configured (none for `en`, the
    language Prongsai sets), and the palette stylesheet when no palette is set. A web
    admin's `mkdocs:` settings that need them (other search languages, a palette) keep
    them."""
    search = _material_search(config)
    langs = [str(x) for x in search.config.lang or []] if search is not None else []
    loaded: set[str] = set()  # as the worker's setup does (search.*.min.js, "Ie")
    for lang in langs:
        if lang == "ja":
            loaded.add("tinyseg.js")
        elif lang in ("hi", "th"):
            loaded.add("wordcut.js")
        if lang != "en":
            loaded.add(f"min/lunr.{lang}.min.js")
    if len(langs) > 1:
        loaded.add("min/lunr.multi.min.js")
    if loaded:
        loaded.add("min/lunr.stemmer.support.min.js")
    palette = bool(config.theme.get("palette"))

    def unused(src_uri: str) -> bool:
        if not src_uri.startswith("assets/"):
            return False
        if src_uri.endswith(".map"):
            return True
        if src_uri.startswith(LUNR):
            return src_uri[len(LUNR):] not in loaded
        return not palette and src_uri.startswith("assets/stylesheets/palette.")

    return unused


def _material_search(config: Any) -> Any:
    """Material's search plugin of this build, if the site has search."""
    from material.plugins.search.plugin import SearchPlugin

    return next((p for p in config.plugins.values() if isinstance(p, SearchPlugin)), None)


def _fast_search_sections(config: Any) -> None:
    """Let Material's search plugin (already configured: ours runs after it) split pages
    into sections with generator/engine/sections.py instead of its HTMLParser: the same index,
    3.5 times faster. A page outside what that reads is still split by Material's parser,
    and a Material whose index is not the class this was written for is left alone."""
    from material.plugins.search.plugin import Element, SearchIndex, Section

    search = _material_search(config)
    if search is None or type(getattr(search, "search_index", None)) is not SearchIndex:
        return

    class FastSections(SearchIndex):  # type: ignore[misc]
        def add_entry_from_context(self, page: Any) -> None:  # Material's, but the parser
            search = page.meta.get("search") or {}
            if search.get("exclude"):
                return
            sections = split_sections(page.content, Element, Section)
            if sections is None:
                super().add_entry_from_context(page)
                return
            for section in sections:
                if not section.is_excluded():
                    self.create_entry_for_section(section, page.toc, page.url, page)

    search.search_index.__class__ = FastSections


def mkdocs_build(config_file: Path, *, sources: Sources | None = None,
                 layers: Sequence[Path] = (), page_hook: PageHook | None = None,
                 dirty: bool = False, site_dir: Path | None = None,
                 words_cache: Path | None = None, bytecode_cache: Any = None) -> list[str]:
    """Run a MkDocs build of `config_file`, then segment the Thai search index (our own
    step, see generator/engine/search.py); return MkDocs' warnings.

    `sources`: the docs tree in memory (else MkDocs reads docs_dir). `layers`: template
    override folders that replace the config's custom_dir. `page_hook` sees every HTML
    page as written (after white space is compacted and Thai words are marked for line
    breaking, generator/engine/linebreak.py). `words_cache`: the Thai word cache file of the
    search index and the line breaking; `bytecode_cache`: a Jinja bytecode cache for the theme.

    `dirty` (live preview only): MkDocs rebuilds only the pages whose Markdown is newer
    than their HTML in `site_dir`; the search index then holds only those pages (the
    caller merges it) and the navigation of the other pages is not updated."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException

    capture = _Capture()
    logger = logging.getLogger("mkdocs")
    logger.addHandler(capture)
    old_level, old_propagate = logger.level, logger.propagate
    logger.setLevel(logging.WARNING)
    logger.propagate = False
    try:
        extra = {"site_dir": str(site_dir)} if site_dir is not None else {}
        cfg = load_config(config_file=str(config_file), **extra)
        words = Words.load(words_cache)
        cfg.plugins["prongsai"] = _plugin(sources, layers, page_hook, bytecode_cache, words)
        build(cfg, dirty=dirty)
        ours = cfg["extra"].get("prongsai") if isinstance(cfg["extra"], Mapping) else None
        segment_index(Path(cfg["site_dir"]), words=words,
                      meta=ours if isinstance(ours, dict) else None)
        words.save(words_cache)
    except MkDocsException as exc:
        raise EngineError(f"MkDocs failed: {exc}") from exc
    finally:
        logger.removeHandler(capture)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
    if dirty:  # MkDocs warns on every dirty build about what the caller handles
        return [r for r in capture.records if "'dirty' build" not in r]
    return capture.records


def export_markdown(sources: Sources, conf: dict[str, Any], layers: list[Path],
                    dest: Path, built: float | None = None) -> None:
    """Write the generated docs tree, the theme overrides and a portable mkdocs.yml for
    plain `mkdocs build`; the folder is replaced whole, like the site. `built`: when the
    site was built from it (the pages get that time, see Sources.write)."""
    dest = real_target(dest)
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


def material_templates() -> Path:
    import material

    return Path(material.__file__).parent / "templates"
