"""The audit of the built site, run as MkDocs writes each page: no event handlers, no
script/data URLs, no script other than the theme's own (generator.base.markup.audit_html),
and every script a page loads a file of the site. A site that fails is never published."""

from __future__ import annotations

import hashlib
import importlib.util
import posixpath
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from generator.base import cachefile
from generator.base import markup as safety
from generator.base.markup import audit_html, theme_script_prefixes
from generator.base.problems import EngineError
from generator.engine.headers import PageSources


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
                 cache: Path | None = None, sources: PageSources | None = None) -> None:
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
        self.sources = sources  # what the pages load, for the site's security policy

    def page(self, rel: str, text: str) -> None:
        self.seen.add(rel)
        if self.sources is not None:
            self.sources.page(text)
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
