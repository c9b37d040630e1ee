"""Escaping and sanitising: nothing an officer types may put script on a government page.

Policy (README "Safety"): data from YAML is always escaped for its context by the
templates. Officers' Markdown stays Markdown; raw HTML in it is sanitised by an
allow-list: a few formatting tags without attributes are kept, every other tag is removed
(with its content for script/style/iframe/object/embed/template/noscript) and reported as a
warning. Links must be https, http, mailto, tel, in-page anchors or relative paths.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

ALLOWED_TAGS = ("b", "i", "em", "strong", "u", "s", "sub", "sup", "br", "mark", "small",
                "abbr", "kbd", "del", "ins")
DROP_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "template", "noscript",
                     "textarea", "select", "svg", "math", "frameset", "frame", "applet")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")

_FENCE = re.compile(r"^( {0,3})(`{3,}|~{3,})[^\n]*\n.*?(?:^\1?\2[ \t]*$|\Z)", re.M | re.S)
_CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>", re.S)
_INLINE_LINK = re.compile(r"(!?\[(?:[^\[\]]|\[[^\]]*\])*\])\(\s*<?([^)\s>]*)>?((?:\s+[\"'(][^)]*)?)\)")
_REF_DEF = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)<?(\S+?)>?(\s.*)?$", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")


@dataclass(frozen=True)
class Finding:
    kind: str  # "html" | "link"
    value: str
    line: int


def sanitize_markdown(text: str, first_line: int = 1) -> tuple[str, list[Finding]]:
    """Return Markdown safe to render, and what was removed (with line numbers)."""
    findings: list[Finding] = []
    protected: list[str] = []

    def protect(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        return f"\x00{len(protected) - 1}\x00"

    def line_of(pos: int, src: str) -> int:
        return first_line + src.count("\n", 0, pos)

    src = text.replace("\x00", "")
    work = _FENCE.sub(protect, src)
    work = _CODE_SPAN.sub(protect, work)

    # remove dangerous elements with their content first
    for tag in DROP_WITH_CONTENT:
        pattern = re.compile(rf"<{tag}\b.*?(?:</{tag}\s*>|\Z)", re.I | re.S)
        for m in pattern.finditer(work):
            findings.append(Finding("html", _short(m.group(0)), line_of(m.start(), work)))
        work = pattern.sub("", work)
    for m in _COMMENT.finditer(work):
        findings.append(Finding("html", _short(m.group(0)), line_of(m.start(), work)))
    work = _COMMENT.sub("", work)

    def tag(m: re.Match[str]) -> str:
        name = m.group(1).lower()
        attrs = m.group(2).strip().rstrip("/").strip()
        if name in ALLOWED_TAGS and not attrs:
            return m.group(0)
        findings.append(Finding("html", _short(m.group(0)), line_of(m.start(), work)))
        return ""

    work = _TAG.sub(tag, work)

    def autolink(m: re.Match[str]) -> str:
        if _scheme_ok(m.group(1)):
            return m.group(0)
        findings.append(Finding("link", m.group(1), line_of(m.start(), work)))
        return html.escape(m.group(1))

    work = _AUTOLINK.sub(autolink, work)

    def inline(m: re.Match[str]) -> str:
        if _scheme_ok(m.group(2)):
            return m.group(0)
        findings.append(Finding("link", m.group(2), line_of(m.start(), work)))
        return m.group(1)[1:-1] if not m.group(1).startswith("!") else m.group(1)[2:-1]

    work = _INLINE_LINK.sub(inline, work)

    def ref(m: re.Match[str]) -> str:
        if _scheme_ok(m.group(2)):
            return m.group(0)
        findings.append(Finding("link", m.group(2), line_of(m.start(), work)))
        return m.group(1) + "#"

    work = _REF_DEF.sub(ref, work)
    out = re.sub("\x00(\\d+)\x00", lambda m: protected[int(m.group(1))], work)
    return out, findings


def _scheme_ok(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20]", "", html.unescape(url))
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    return scheme == "" and not cleaned.startswith("//") or scheme in SAFE_SCHEMES


def _short(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= 60 else s[:57] + "..."


def md_escape(text: str) -> str:
    """Escape text for a Markdown inline context (headings, table cells, link text)."""
    s = html.escape(" ".join(str(text).split()), quote=True)
    return re.sub(r"([\\`*_{}\[\]()#+\-.!|~>])", r"\\\1", s)


def safe_href(url: str) -> str:
    """An href for an external link that passed the URL checks; anything else becomes '#'."""
    if not _scheme_ok(url) or urlsplit(url).scheme.lower() not in SAFE_SCHEMES:
        return "#"
    return url


def file_href(rel_path: str) -> str:
    """Percent-encode a content file path (spaces, Thai) for use in an href."""
    return "/".join(quote(part) for part in rel_path.split("/"))
