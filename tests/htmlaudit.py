"""An independent look at built HTML (BeautifulSoup, not generator.base.markup): markup that no
input may put on a page. Used by the bad-input, property and safety tests."""

from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from bs4 import BeautifulSoup

# Material 9.x's own inline scripts (pinned in pyproject.toml): anything else is injected
MATERIAL_INLINE = ("__md_scope=new URL(", "var target=document.getElementById(location.hash",
                   'var palette=__md_get("__palette")', 'var tabs=__md_get("__tabs")')
SCRIPT_DIRS = ("assets/javascripts/", "assets/prongsai/")
URL_ATTRS = ("href", "src", "action", "formaction", "poster", "data", "background", "cite",
             "xlink:href", "srcset", "ping")
ACTIVE = ("iframe", "object", "embed", "applet", "form", "base", "frame", "frameset")


def bad_url(value: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()
    m = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return bool(m) and m.group(1) not in ("http", "https", "mailto", "tel")


def page_problems(page: Path, site: Path, base_path: str = "/") -> list[str]:
    """What is wrong with one built page."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    rel = page.relative_to(site).as_posix()
    out = []
    for el in soup.find_all(True):
        for name, value in el.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                out.append(f"{rel}: <{el.name} {name}>")
            if name.lower() in URL_ATTRS and any(bad_url(v) for v in values):
                out.append(f"{rel}: <{el.name} {name}={values}>")
    for script in soup.find_all("script"):
        src = script.get("src")
        if src:
            target = _site_path(rel, src, base_path)
            if target is None or not target.startswith(SCRIPT_DIRS) or \
                    not (site / target).is_file():
                out.append(f"{rel}: <script src={src}>")
        elif script.get("type") == "application/json" and script.get("id") == "__config":
            continue
        elif not script.get_text().strip().startswith(MATERIAL_INLINE):
            out.append(f"{rel}: <script>{script.get_text()[:60]}")
    for el in soup.select(", ".join(f"article {t}" for t in (*ACTIVE, "script", "style"))):
        out.append(f"{rel}: <{el.name}> inside the page content")
    return out


def _site_path(page_rel: str, src: str, base_path: str) -> str | None:
    if urlsplit(src).scheme or src.startswith("//"):
        return None
    if src.startswith("/"):
        if not src.startswith(base_path):
            return None
        return unquote(src[len(base_path):])
    joined = urljoin("https://h/" + page_rel, src)
    return unquote(urlsplit(joined).path.lstrip("/"))


def site_problems(site: Path, base_path: str = "/") -> list[str]:
    """Every page of a built site."""
    out = []
    for page in sorted(site.rglob("*.html")):
        out += page_problems(page, site, base_path)
    return out
