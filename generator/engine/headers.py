"""HTTP headers for the published site, for the web servers that read them from the site's
own files (README "Safety", docs/hosting.md): `_headers` (Netlify, Cloudflare Pages and
others) and `.htaccess` (Apache with mod_headers).

- `X-Content-Type-Options: nosniff`: a browser takes each file for the type the server
  names (a PDF is never read as a page, whatever bytes it holds).
- `Content-Security-Policy`: scripts only from the site itself, and inline only the exact
  scripts of the built pages (by their SHA-256, collected as the pages are written): a
  script that reached a page any other way would not run. Stylesheets and fonts from the
  site (inline styles allowed: the theme sets them), images from the site or `data:`
  (Material's icons), no plugins (`object-src 'none'`), no `<base>` elsewhere and forms
  only to the site. Origins of a web admin's scripts and stylesheets on other sites
  (`mkdocs.extra_javascript`, `extra_css`) are added.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from pathlib import Path
from urllib.parse import urlsplit

HEADERS_FILE = "_headers"
HTACCESS_FILE = ".htaccess"
# an inline script (its attributes, its text) and what is not run as a script
_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.I | re.S)
_SRC = re.compile(r"""\ssrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_TYPE = re.compile(r"""\stype\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_STYLESHEET = re.compile(r"""<link\b[^>]*\brel\s*=\s*["']?stylesheet[^>]*>""", re.I)
_HREF = re.compile(r"""\shref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)
_JS_TYPES = {"", "text/javascript", "application/javascript", "module"}


class PageSources:
    """What the built pages load: inline scripts (their exact text), and the origins of
    scripts and stylesheets from other sites. Fed every page as it is written."""

    def __init__(self) -> None:
        self.inline: set[str] = set()
        self.script_origins: set[str] = set()
        self.style_origins: set[str] = set()

    def page(self, html: str) -> None:
        for m in _SCRIPT.finditer(html):
            attrs = m.group(1)
            kind = _TYPE.search(attrs)
            if kind is not None and _first(kind).strip().lower() not in _JS_TYPES:
                continue  # data (application/json): never run
            src = _SRC.search(attrs)
            if src is None:
                self.inline.add(m.group(2))
            elif (origin := _origin(_first(src))) is not None:
                self.script_origins.add(origin)
        if "stylesheet" in html:
            for link in _STYLESHEET.finditer(html):
                href = _HREF.search(link.group(0))
                if href is not None and (origin := _origin(_first(href))) is not None:
                    self.style_origins.add(origin)


def _first(m: re.Match[str]) -> str:
    return next(g for g in m.groups() if g is not None)


def _origin(url: str) -> str | None:
    """`https://cdn.example.org` for a URL on another site, None for one of this site."""
    parts = urlsplit(url.strip())
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}".lower()
    if url.strip().startswith("//") and parts.netloc:
        return f"https://{parts.netloc}".lower()
    return None


def script_hash(text: str) -> str:
    """The CSP source expression that lets exactly this inline script run."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(sources: PageSources) -> str:
    scripts = ["'self'", *sorted(sources.script_origins),
               *sorted(script_hash(s) for s in sources.inline)]
    styles = ["'self'", "'unsafe-inline'", *sorted(sources.style_origins)]
    return "; ".join([
        "default-src 'self'",
        "script-src " + " ".join(scripts),
        "style-src " + " ".join(styles),
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "worker-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ])


def server_headers(sources: PageSources) -> dict[str, str]:
    return {
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": content_security_policy(sources),
        "Referrer-Policy": "strict-origin-when-cross-origin",
    }


def write_server_headers(site: Path, headers: dict[str, str]) -> list[str]:
    """Write `_headers` and `.htaccess` into the site folder; returns their names."""
    lines = ["# Prongsai: HTTP headers of this site (docs/hosting.md)", "/*"]
    lines += [f"  {name}: {value}" for name, value in headers.items()]
    (site / HEADERS_FILE).write_text("\n".join(lines) + "\n", "utf-8")
    apache = ["# Prongsai: HTTP headers of this site for Apache (docs/hosting.md). If the site",
              "# shows \"Internal Server Error\", the server does not allow these settings",
              "# (AllowOverride FileInfo): delete this file, or set site.headers: false.",
              "<IfModule mod_headers.c>"]
    apache += [f'  Header always set {name} "{_quoted(value)}"'
               for name, value in headers.items()]
    apache.append("</IfModule>")
    (site / HTACCESS_FILE).write_text("\n".join(apache) + "\n", "utf-8")
    return [HEADERS_FILE, HTACCESS_FILE]


def _quoted(value: str) -> str:
    return value.replace("\\", "\\\\").replace('"', '\\"')


def read_headers_file(text: str) -> list[tuple[str, dict[str, str]]]:
    """The rules of a `_headers` file: (path pattern, headers). For tests and the preview
    server, which apply them as Netlify and Cloudflare Pages do (`/*` matches every path)."""
    rules: list[tuple[str, dict[str, str]]] = []
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        if not line[:1].isspace():
            rules.append((line.strip(), {}))
        elif rules and ":" in line:
            name, _, value = line.strip().partition(":")
            rules[-1][1][name.strip()] = value.strip()
    return rules


def headers_for(rules: Iterable[tuple[str, dict[str, str]]], path: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for pattern, headers in rules:
        regex = "^" + re.escape(pattern).replace(r"\*", ".*") + "$"
        if re.match(regex, path):
            out.update(headers)
    return out
