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
import time
from pathlib import Path
from typing import Any

import yaml

from generator.config import SiteConfig
from generator.search import SEPARATOR, segment_index

# mkdocs-material prints an end-of-life banner on every build (see README, "For web admins").
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

PACKAGE_DIR = Path(__file__).parent
ASSETS_PREFIX = "assets/prongsai"
RESERVED = {"docs_dir", "site_dir", "nav", "use_directory_urls", "site_url"}
LIST_KEYS = ("extra_css", "extra_javascript", "markdown_extensions", "plugins")


class EngineError(Exception):
    """MkDocs failed; the message says why."""


def theme_dir() -> Path:
    """The packaged theme (wheel), else the repository's top-level theme/."""
    packaged = PACKAGE_DIR / "_theme"
    return packaged if packaged.is_dir() else PACKAGE_DIR.parent / "theme"


def template_dirs(project_root: Path) -> list[Path]:
    """Search path for page templates: the council's theme/pages, then ours."""
    ours = theme_dir() / "pages"
    theirs = project_root / "theme" / "pages"
    if theirs.is_dir() and theirs.resolve() != ours.resolve():
        return [theirs, ours]
    return [ours]


def prepare_theme(staging: Path, project_root: Path) -> tuple[Path, list[str]]:
    """Copy theme overrides and assets into the staging area; return (custom_dir, css)."""
    custom = staging / "overrides"
    shutil.copytree(theme_dir() / "overrides", custom)
    theirs = project_root / "theme" / "overrides"
    if theirs.is_dir() and theirs.resolve() != (theme_dir() / "overrides").resolve():
        shutil.copytree(theirs, custom, dirs_exist_ok=True)
    shutil.copytree(theme_dir() / "assets", staging / "docs" / ASSETS_PREFIX)
    css = [f"{ASSETS_PREFIX}/fonts/fonts.css", f"{ASSETS_PREFIX}/prongsai.css",
           f"{ASSETS_PREFIX}/documents.css"]
    return custom, css


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
        # lang en: no lunr language scripts to load (Thai is segmented by generator/search.py
        # and the prongsai-search.js worker); the separator also splits at U+200B.
        "plugins": [{"search": {"lang": "en", "separator": SEPARATOR}}]
        if cfg.site.search else [],
        "nav": nav,
        "extra": {"generator": False},
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


def compact_html(site_dir: Path, since: float | None = None) -> int:
    """Collapse the indentation Material's templates leave in every page (a fifth of an
    item page) outside <pre>, <textarea>, <script> and <style>; a run of white space
    renders as one space anyway. Returns the bytes saved. `since`: only pages written
    since then (a preview rebuild)."""
    saved = 0
    for page in site_dir.rglob("*.html"):
        if since is not None and page.stat().st_mtime < since:
            continue
        text = page.read_text("utf-8")
        parts = _VERBATIM.split(text)
        out = []
        for i, part in enumerate(parts):
            kind = i % 3  # split() yields text, whole verbatim element, its tag name
            if kind == 0:
                part = re.sub(r"[ \t]*\n\s*", "\n", part)
                part = re.sub(r"[ \t]{2,}", " ", part)
            if kind != 2:
                out.append(part)
        new = "".join(out)
        if new != text:
            saved += len(text.encode()) - len(new.encode())
            page.write_text(new, "utf-8")
    return saved


def mkdocs_build(config_file: Path, *, dirty: bool = False,
                 site_dir: Path | None = None) -> list[str]:
    """Run a MkDocs build of `config_file`, then segment the Thai search index (our own
    step, see generator/search.py); return MkDocs' warnings.

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
        started = time.time() - 1.0  # file times use a coarse clock
        build(cfg, dirty=dirty)
        segment_index(Path(cfg["site_dir"]))
        compact_html(Path(cfg["site_dir"]), since=started if dirty else None)
    except MkDocsException as exc:
        raise EngineError(f"MkDocs failed: {exc}") from exc
    finally:
        logger.removeHandler(capture)
        logger.setLevel(old_level)
        logger.propagate = old_propagate
    if dirty:  # MkDocs warns on every dirty build about what the caller handles
        return [r for r in capture.records if "'dirty' build" not in r]
    return capture.records
