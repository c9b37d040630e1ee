"""Escaping and sanitising: nothing an officer types may put script on a government page.

Policy (README "Safety"):

- Data from YAML is plain text. Templates escape it for its context (Jinja autoescape for
  HTML and attributes, `md_escape` for Markdown, `safe_href`/`file_href` for URLs); text
  that MkDocs itself puts into pages unescaped (site name, navigation titles) goes through
  `mkdocs_text`. An HTML tag in a text field is refused when loading (`text-html`, which
refuses the build: README "When the build refuses").
- Officers' Markdown stays Markdown. Raw HTML in it is sanitised by an allow-list: a few
  formatting tags without attributes are kept; every other tag is removed (with its
  content for script/style/iframe …), any other `<` is escaped, attribute lists
  (`{: onclick=…}`) are not applied, and links must be https, http, mailto, tel, in-page
  anchors or relative paths. The result is then rendered with Python-Markdown and audited;
  should anything unsafe survive, the text is published as plain text instead.
- The built site is audited before it replaces the old one (`audit_html`): no event
  handler attributes, no script/data/file URLs, no script other than the theme's own.
  Both audits read the HTML as a browser does (WHATWG parsing, selectolax's Lexbor).
"""

from __future__ import annotations

import functools
import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urlsplit

if TYPE_CHECKING:
    from selectolax.lexbor import LexborNode

ALLOWED_TAGS = ("b", "i", "em", "strong", "u", "s", "sub", "sup", "br", "mark", "small",
                "abbr", "kbd", "del", "ins")
DROP_WITH_CONTENT = ("script", "style", "iframe", "object", "embed", "template", "noscript",
                     "textarea", "select", "svg", "math", "frameset", "frame", "applet",
                     "noembed", "noframes", "xmp", "plaintext", "title")
SAFE_SCHEMES = ("http", "https", "mailto", "tel")
# Markdown extensions officers' text is rendered with (as in engine.effective_config)
MARKDOWN_EXTENSIONS = ["tables", "attr_list", "md_in_html", "admonition", "pymdownx.details",
                       "toc"]

# a code span on one line, not after a backslash (a span across lines is not protected: a
# line inside it that starts with a tag would be a raw HTML block to Python-Markdown)
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)[^\n]+?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![A-Za-z][^>]*>|"
                      r"<\?.*?(?:\?>|\Z)", re.S)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)\b((?:[^>\"']|\"[^\"]*\"|'[^']*')*)/?>", re.S)
_INLINE_LINK = re.compile(
    r"(!?\[(?:[^\[\]]|\[[^\]]*\])*\])\(\s*<?([^)\s>]*)>?((?:\s+[\"'(][^)]*)?)\)")
_REF_DEF = re.compile(r"^( {0,3}\[[^\]]+\]:\s*)<?(\S+?)>?(\s.*)?$", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_EMAIL_AUTOLINK = re.compile(r"<[^<>\s@\"'`:/]+@[^<>\s@\"'`:/]+\.[^<>\s@\"'`:/]+>")
# what may still start with `<` after sanitising: an allowed tag without attributes
_KEEP_LT = re.compile(r"</?(?:" + "|".join(ALLOWED_TAGS) + r")\s*/?>", re.I)
# Python-Markdown's attr_list: `{: #id .class key="value" }` after a heading, link or block
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:[#.][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+))"
                        r"(?:[ \t]+(?:[#.][\w-]+|[\w-]+=(?:\"[^\"\n]*\"|'[^'\n]*'|[^\s}]+)))*)"
                        r"[ \t]*\}")
_PLACEHOLDER = re.compile(r"\x00(\d+)\n*\x00")


_MAY_MARK_UP = re.compile(r"[<\[{&]")


@dataclass(frozen=True)
class Finding:
    kind: str  # "html" | "link"
    value: str
    line: int


def sanitize_markdown(text: str, first_line: int = 1) -> tuple[str, list[Finding]]:
    """Return Markdown safe to render, and what was removed (with line numbers)."""
    out, findings = _sanitize_markdown(text, first_line)
    return out, list(findings)


@functools.lru_cache(maxsize=4096)
def _sanitize_markdown(text: str, first_line: int) -> tuple[str, tuple[Finding, ...]]:
    """sanitize_markdown, cached: the check and the page rendering sanitise the same bodies
    (it renders each with Markdown), and the preview rebuilds them after every edit."""
    findings: list[Finding] = []
    protected: list[str] = []

    def protect(m: re.Match[str]) -> str:
        protected.append(m.group(0))
        # keep the line count so that findings after a code block have the right line
        return f"\x00{len(protected) - 1}" + "\n" * m.group(0).count("\n") + "\x00"

    def line_of(pos: int, src: str) -> int:
        return first_line + src.count("\n", 0, pos)

    def removed(kind: str, m: re.Match[str], src: str, value: str | None = None) -> str:
        findings.append(Finding(kind, _short(value or m.group(0)), line_of(m.start(), src)))
        return "\n" * m.group(0).count("\n")

    work = CONTROL.sub("", text)
    # Code spans render escaped, so they are kept as typed. Fenced blocks are not: the site's
    # Markdown has no fenced-code extension, so a "fence" is ordinary text.
    work = _CODE_SPAN.sub(protect, work)

    def autolink(m: re.Match[str], src: str) -> str:
        if _scheme_ok(m.group(1)):
            return protect(m)
        findings.append(Finding("link", _short(m.group(1)), line_of(m.start(), src)))
        return html.escape(m.group(1))

    current = work
    work = _AUTOLINK.sub(lambda m: autolink(m, current), work)
    work = _EMAIL_AUTOLINK.sub(protect, work)

    # dangerous elements go with their content
    for element in DROP_WITH_CONTENT:
        pattern = re.compile(rf"<{element}\b.*?(?:</{element}\s*>|\Z)", re.I | re.S)
        work = pattern.sub(lambda m, w=work: removed("html", m, w), work)  # type: ignore[misc]
    current = work
    work = _COMMENT.sub(lambda m: removed("html", m, current), work)

    def tag(m: re.Match[str], src: str) -> str:
        name = m.group(1).lower()
        attrs = m.group(2).strip().rstrip("/").strip()
        if name in ALLOWED_TAGS and not attrs:
            return m.group(0)
        return removed("html", m, src)

    current = work
    work = _TAG.sub(lambda m: tag(m, current), work)

    current = work
    work = _ATTR_LIST.sub(lambda m: removed("html", m, current), work)
    # no other attribute list either: every `{` escaped (an odd number of backslashes)
    work = re.sub(r"(?<!\\)((?:\\\\)*)\{", r"\1\\{", work)

    def inline(m: re.Match[str], src: str) -> str:
        if _scheme_ok(m.group(2)):
            return m.group(0)
        findings.append(Finding("link", _short(m.group(2)), line_of(m.start(), src)))
        label = m.group(1)[2:-1] if m.group(1).startswith("!") else m.group(1)[1:-1]
        return label + "\n" * m.group(0).count("\n")

    current = work
    work = _INLINE_LINK.sub(lambda m: inline(m, current), work)

    def ref(m: re.Match[str], src: str) -> str:
        if _scheme_ok(m.group(2)):
            return m.group(0)
        findings.append(Finding("link", _short(m.group(2)), line_of(m.start(), src)))
        return m.group(1) + "#"

    current = work
    work = _REF_DEF.sub(lambda m: ref(m, current), work)

    # any other `<` (an unclosed or malformed tag the passes above could not parse) is text
    def lt(m: re.Match[str], src: str) -> str:
        keep = _KEEP_LT.match(src, m.start())
        if keep:
            return "<"
        if re.match(r"<[A-Za-z/!?]", src[m.start():m.start() + 2]):
            end = src.find(">", m.start())
            snippet = src[m.start():end + 1 if end != -1 else m.start() + 40]
            findings.append(Finding("html", _short(snippet), line_of(m.start(), src)))
        return "&lt;"

    current = work
    work = re.sub("<", lambda m: lt(m, current), work)
    out = _PLACEHOLDER.sub(lambda m: protected[int(m.group(1))], work)

    # belt and braces: render it as MkDocs will and audit the HTML; should anything unsafe
    # have slipped through, publish the text as plain text. With these extensions Markdown
    # makes a URL or a free attribute only from `<` (HTML, autolinks), `[` (links, images,
    # references), `{` (attribute lists) or `&` (character references); text with none of
    # them, most officers' text, only gets fixed tags and needs no second look (nor the
    # Markdown import, for `prongsai check`).
    unsafe = audit_fragment(render_markdown(out)) if _MAY_MARK_UP.search(out) else []
    if unsafe:
        findings.extend(Finding("link" if kind == "url" else "html", _short(value), first_line)
                        for kind, value in unsafe)
        out = plain_text_markdown(text)
    return out, tuple(sorted(set(findings), key=lambda f: (f.line, f.kind, f.value)))


def render_markdown(text: str) -> str:
    """HTML of officers' Markdown as MkDocs renders it (same extensions)."""
    md = _markdown()
    try:
        return str(md.convert(text))
    finally:
        md.reset()


@functools.lru_cache(maxsize=1)
def _markdown() -> Any:
    import markdown

    return markdown.Markdown(extensions=MARKDOWN_EXTENSIONS)


def plain_text_markdown(text: str) -> str:
    """Markdown that shows `text` literally, paragraph by paragraph."""
    paragraphs = re.split(r"\n[ \t]*\n", CONTROL.sub("", text))
    return "\n\n".join(md_escape(p) for p in paragraphs if p.strip()) + "\n"


def _scheme_ok(url: str) -> bool:
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(url))
    try:
        scheme = urlsplit(cleaned).scheme.lower()
    except ValueError:
        return False
    if scheme == "":
        return not cleaned.startswith(("//", "\\\\", "/\\", "\\/"))
    return scheme in SAFE_SCHEMES


def _short(s: str) -> str:
    s = " ".join(s.split())
    return s if len(s) <= 60 else s[:57] + "..."


# control characters never belong in text; Python-Markdown uses \x02 and \x03 as its own
# placeholder markers, so text carrying them could pull stashed HTML into another place
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x9f]")


def md_escape(text: str) -> str:
    """Escape text for a Markdown inline context (headings, table cells, link text)."""
    s = html.escape(" ".join(CONTROL.sub("", str(text)).split()), quote=True)
    # exactly Python-Markdown's escapable characters (+ `|` of the tables extension): a
    # backslash before any other character would be shown
    s = re.sub(r"([\\`*_{}\[\]()#+\-.!|>])", r"\\\1", s)
    # `???` at the start of a line opens a collapsible block (pymdownx.details), and `?`
    # has no backslash escape
    return "&#63;" + s[1:] if s.startswith("?") else s


def mkdocs_text(text: str) -> str:
    """Text MkDocs and Material put into pages without escaping (site name, navigation and
    page titles, copyright), some of it inside attributes: `<`, `>` and quotes become
    character references. (`&` stays: an entity in plain text cannot make markup.)"""
    return (" ".join(CONTROL.sub("", str(text)).split()).replace("<", "&lt;")
            .replace(">", "&gt;")
            .replace('"', "&quot;").replace("'", "&#39;"))


def safe_href(url: str) -> str:
    """An href for an external link that passed the URL checks; anything else becomes '#'."""
    if not _scheme_ok(url) or urlsplit(url).scheme.lower() not in SAFE_SCHEMES:
        return "#"
    return url


def file_href(rel_path: str) -> str:
    """Percent-encode a content file path (spaces, Thai) for use in an href."""
    return "/".join(quote(part) for part in rel_path.split("/"))



# --- auditing HTML --------------------------------------------------------------------------

URL_ATTRS = {"href", "src", "action", "formaction", "poster", "data", "background", "cite",
             "xlink:href", "ping", "longdesc", "lowsrc", "dynsrc", "manifest", "codebase",
             "srcset", "imagesrcset"}
# what Python-Markdown makes of officers' text with MARKDOWN_EXTENSIONS
FRAGMENT_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "img", "em",
                 "strong", "code", "pre", "blockquote", "hr", "br", "table", "thead", "tbody",
                 "tr", "th", "td", "div", "details", "summary", "span", "dl", "dt", "dd",
                 *ALLOWED_TAGS}
FRAGMENT_ATTRS = {"href", "src", "alt", "title", "id", "class", "align", "style", "open",
                  "start"}
ACTIVE_IN_CONTENT = {"script", "iframe", "object", "embed", "applet", "form", "base", "frame",
                     "frameset", "meta", "link", "style", "template", "portal"}


def url_unsafe(value: str) -> bool:
    """A URL attribute value that a browser would run or that leaves the web: javascript:,
    vbscript:, data:, file: … (after the decoding and whitespace-stripping browsers do)."""
    cleaned = re.sub(r"[\x00-\x20\x7f]", "", html.unescape(value)).lower()
    m = re.match(r"([a-z][a-z0-9+.-]*):", cleaned)
    return m is not None and m.group(1) not in SAFE_SCHEMES


class _Auditor:
    """Walks the tree a browser builds from the HTML (WHATWG parsing, by Lexbor): every
    element, attribute names and values as the browser sees them (entities decoded, names
    lower-cased, the first of duplicate attributes), `<template>` content, and what a browser
    without script makes of `<noscript>` content."""

    def __init__(self, fragment: bool, script_ok: Iterable[str] = (),
                 script_src_ok: Iterable[str] = ()) -> None:
        self.fragment = fragment
        self.script_ok = tuple(script_ok)
        self.script_src_ok = set(script_src_ok)
        self.findings: list[tuple[str, str]] = []

    def document(self, source: str, in_article: bool = False, scripting: bool = True) -> None:
        """Parse `source` as a page, as a browser running script does, and audit it all.
        html/head/body the parser supplies are skipped unless the source gave them
        attributes (`<body onload=…>` in a fragment sets the page's own body's attributes);
        a fragment's <meta>, <style>, <script> … at the start end up in head, which is
        audited like body."""
        from selectolax.lexbor import LexborHTMLParser  # only where HTML is audited

        tree = LexborHTMLParser(source, scripting=scripting)
        wrappers = {n.mem_id for n in (tree.root, tree.head, tree.body) if n is not None}
        if tree.root is not None:
            self._subtree(tree.root, in_article, scripting, wrappers)

    def _subtree(self, root: LexborNode, in_article: bool, scripting: bool,
                 wrappers: set[int]) -> None:
        for node in root.traverse():
            if not node.is_element_node:
                continue
            tag = (node.tag or "").lower()
            attrs = node.attributes
            if attrs:
                self._attributes(tag, attrs)
            elif tag in _WRAPPERS and node.mem_id in wrappers:
                continue
            if self.fragment:
                if tag not in FRAGMENT_TAGS:
                    self.findings.append(("tag", f"<{tag}>"))
            elif tag == "script":
                self._script(node, attrs, in_article or _in_article(node))
            elif tag in ACTIVE_IN_CONTENT and (in_article or _in_article(node)):
                self.findings.append(("tag", f"<{tag}> in the page content"))
            if tag == "template":  # inert content, until a script clones it
                for content in node.template_fragments():
                    self._subtree(content, in_article or _in_article(node), scripting,
                                  wrappers)
            elif tag == "noscript" and scripting:
                # text to a browser running script, markup to one that does not
                self.document(node.text(), in_article or _in_article(node), scripting=False)

    def _attributes(self, tag: str, attrs: dict[str, str | None]) -> None:
        for name, value in attrs.items():
            name, kind = _attr_kind(name)
            if kind == _EVENT or (kind == _ANIMATED_NAME and
                                  _local(value or "").startswith("on")):
                self.findings.append(("attr", f"<{tag} {name}=…>"))
            elif value and kind != _OTHER and _urls_unsafe(kind, value, attrs):
                self.findings.append(("url", f"<{tag} {name}={value[:40]}>"))
            elif self.fragment and name not in FRAGMENT_ATTRS:
                self.findings.append(("attr", f"<{tag} {name}=…>"))

    def _script(self, node: LexborNode, attrs: dict[str, str | None], in_article: bool) -> None:
        # an SVG script loads its href
        srcs = [v or "" for n, v in attrs.items() if n.lower() in ("src", "href", "xlink:href")]
        if in_article or any(s not in self.script_src_ok for s in srcs):
            self.findings.append(("tag", f"<script src={srcs[0]}>" if srcs and srcs[0]
                                  else "<script>"))
        elif "src" not in attrs:
            body = node.text().strip()
            if not (attrs.get("type") == "application/json" or
                    any(body.startswith(p) for p in self.script_ok)):
                self.findings.append(("tag", f"<script>{body[:40]}"))


_WRAPPERS = ("html", "head", "body")
# what an attribute is to the audit, by its local name (after any prefix such as xlink:)
_OTHER, _EVENT, _URL, _URL_LIST, _ANIMATED_NAME, _ANIMATED_VALUE = range(6)


@functools.cache
def _attr_kind(name: str) -> tuple[str, int]:
    """The attribute's lower-case name and its kind (cached: a site uses few names)."""
    name = name.lower()
    local = _local(name)
    if local.startswith("on") or local == "srcdoc":  # script, or a document that may run it
        return name, _EVENT
    if local in URL_ATTRS:
        return name, _URL_LIST if local.endswith("srcset") else _URL
    if local == "attributename":  # SVG <animate>/<set>: which attribute they set …
        return name, _ANIMATED_NAME
    if local in ("to", "from", "by", "values"):  # … and to what
        return name, _ANIMATED_VALUE
    return name, _OTHER


def _local(name: str) -> str:
    return name.lower().rpartition(":")[2]


def _urls_unsafe(kind: int, value: str, attrs: dict[str, str | None]) -> bool:
    if kind == _URL:
        urls = [value]
    elif kind == _URL_LIST:  # srcset: "url 1x, url 2x"
        urls = value.split(",")
    elif kind == _ANIMATED_VALUE and _local(attrs.get("attributeName") or
                                            attrs.get("attributename") or "") in URL_ATTRS:
        urls = value.split(";")  # values="a;b;c"
    else:
        return False
    # without ':' (or '&' that could decode to one) a URL has no scheme
    return any((":" in u or "&" in u) and url_unsafe(u.strip()) for u in urls)


def _in_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if (parent.tag or "").lower() == "article":
            return True
        parent = parent.parent
    return False


def audit_fragment(fragment_html: str) -> list[tuple[str, str]]:
    """What is unsafe in HTML rendered from officers' Markdown: (kind, excerpt) pairs."""
    auditor = _Auditor(fragment=True)
    auditor.document(fragment_html)
    return auditor.findings


def audit_html(page_html: str, script_prefixes: Iterable[str] = (),
               script_srcs: Iterable[str] = ()) -> list[tuple[str, str]]:
    """What is unsafe in a built page: event-handler attributes, script/data/file URLs,
    active elements inside the page content, and scripts other than the theme's own
    (inline ones starting with one of `script_prefixes`, external ones in `script_srcs`)."""
    auditor = _Auditor(fragment=False, script_ok=script_prefixes, script_src_ok=script_srcs)
    auditor.document(page_html)
    return auditor.findings


def theme_script_prefixes(template_dirs: Iterable[Path]) -> set[str]:
    """The literal start of every inline `<script>` in the theme's templates (up to the
    first Jinja expression): the only inline scripts a built page may contain."""
    out: set[str] = set()
    for path in _templates(template_dirs):
        text = path.read_text("utf-8", errors="replace")
        for m in re.finditer(r"<script\b([^>]*)>(.*?)</script>", text, re.S | re.I):
            if "src=" in m.group(1):
                continue
            body = m.group(2).strip()
            literal = re.split(r"\{\{|\{%|\{#", body, maxsplit=1)[0].strip()
            if len(literal) >= 8:
                out.add(literal)
    return out


def _templates(template_dirs: Iterable[Path]) -> list[Path]:
    """Every *.html file under the folders, except in hidden folders (Material's 14,000
    icons live in `.icons/`; walking them took longer than reading every template). A
    template a council keeps in a hidden folder is not read, so its inline scripts are
    refused: the safe side."""
    found = []
    for d in template_dirs:
        for dirpath, dirnames, filenames in os.walk(d):
            dirnames[:] = [x for x in dirnames if not x.startswith(".")]
            found += [Path(dirpath) / f for f in filenames if f.endswith(".html")]
    return sorted(found)
