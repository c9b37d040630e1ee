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

import bisect
import functools
import html
import os
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
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

# The patterns below are linear in the text: every repeated part stops at `<`, `>`, a
# bracket or a line end, so a failed match from one start never rescans text that a match
# from a later start scans again (unclosed `[x](` or `<a ` runs once took minutes).
# a code span on one line, not after a backslash (a span across lines is not protected: a
# line inside it that starts with a tag would be a raw HTML block to Python-Markdown); runs
# of more than 8 backticks are left as text, so that few distinct runs can fail on a line
_CODE_SPAN = re.compile(r"(?<![\\`])(`{1,8})(?!`)[^\n]+?(?<!`)\1(?!`)")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)|<!\[CDATA\[.*?(?:\]\]>|\Z)|<![A-Za-z][^<>]*>|"
                      r"<\?.*?(?:\?>|\Z)", re.S)
# a tag, up to the next `<` or `>` (a `<` in an attribute value, or a value with `>` in
# it, leaves the `<` unmatched: it is then shown as text)
_TAG = re.compile(r"</?([A-Za-z][A-Za-z0-9:-]*)\b((?:[^<>\"']|\"[^<>\"]*\"|'[^<>']*')*)/?>")
_INLINE_LINK = re.compile(
    r"(!?\[(?:[^\[\]]|\[[^\[\]]*\])*\])\(\s*<?([^)\s<>\[\]]*)>?((?:\s+[\"'(][^)\[\]]*)?)\)")
_REF_DEF = re.compile(r"^( {0,3}\[[^\]\n]+\]:\s*)<?(\S+?)>?(\s.*)?$", re.M)
_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.-]{1,31}:[^<>\s]*)>")
_EMAIL_AUTOLINK = re.compile(
    r"<[^<>\s@\"'`:/]+@[^<>\s@\"'`:/.]+(?:\.[^<>\s@\"'`:/.]+)+>")
# what may still start with `<` after sanitising: an allowed tag without attributes
_KEEP_LT = re.compile(r"</?(?:" + "|".join(ALLOWED_TAGS) + r")[ \t]{0,8}/?>", re.I)
# Python-Markdown's attr_list: `{: #id .class key="value" }` after a heading, link or block
_ATTR_VALUE = r"(?:\"[^\"\n{}]*\"|'[^'\n{}]*'|[^\s{}]+)"
_ATTR_LIST = re.compile(r"\{:?[ \t]*((?:[#.][\w-]+|[\w-]+=" + _ATTR_VALUE + r")"
                        r"(?:[ \t]+(?:[#.][\w-]+|[\w-]+=" + _ATTR_VALUE + r"))*)"
                        r"[ \t]*\}")
_PLACEHOLDER = re.compile(r"\x00(\d+)\n*\x00")
# a `[` that may open a link; what follows `](` when no link above was recognised
_TAG_START = re.compile(r"<[A-Za-z/!?]")
_LINK_OPEN = re.compile(r"(?<!\\)((?:\\\\)*)\]\(")

# Python-Markdown is not linear in its input: its inline step rebuilds a paragraph's text
# after every match (time ~ marks x paragraph length), its block step re-slices a block at
# every heading or list item and moves a list of all blocks at each one (~ blocks squared),
# and it nests by recursion. Text beyond these limits is published as plain text instead
# (one raw HTML block, which it passes through in linear time), with the warning
# `markdown-plain` at the line concerned (README "Safety").
MAX_NESTING = 20  # lists, quotes and boxes inside each other
MAX_MARKS = 500  # characters that may start inline markup, in one paragraph
MAX_SPLITS = 50  # headings, rules, quotes and link definitions inside one paragraph
MAX_PARAGRAPHS = 2_000  # paragraphs, list items and table rows in one text
MAX_FINDINGS = 50  # removals reported one by one in one text; the rest are counted
_MARKS = re.compile(r"[\\`*_\[<&]|  \n")
_NEST = re.compile(r"([ \t]*)(?:>|[*+-](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)|"
                   r"(?:!!!|\?\?\?\+?)(?=[ \t]))")
_NEST_LINE = re.compile(r"^[ \t]*(?:[>*+-]|\d|!!!|\?\?\?)", re.M)
_BLANK = re.compile(r"\n[ \t]*\n")


_MAY_MARK_UP = re.compile(r"[<\[{&]")


@dataclass(frozen=True)
class Finding:
    kind: str  # "html" | "link" | "plain" (published as plain text: `value` says why)
    value: str
    line: int
    count: int = 0  # "plain": how many (levels, marks, paragraphs) were found


def sanitize_markdown(text: str, first_line: int = 1) -> tuple[str, list[Finding]]:
    """Return Markdown safe to render, and what was removed (with line numbers)."""
    out, findings = _sanitize_markdown(text, first_line)
    return out, list(findings)


class _Lines:
    """Line numbers of positions in one text, from one index of its line breaks (counting
    the breaks before each position would make many findings quadratic)."""

    def __init__(self, src: str, first_line: int) -> None:
        self.src, self.first = src, first_line
        self.breaks: list[int] | None = None

    def __call__(self, pos: int) -> int:
        if self.breaks is None:
            self.breaks = [m.start() for m in re.finditer("\n", self.src)]
        return self.first + bisect.bisect_left(self.breaks, pos)


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

    def removed(kind: str, m: re.Match[str], line_of: _Lines, value: str | None = None) -> str:
        findings.append(Finding(kind, _short(value or m.group(0)), line_of(m.start())))
        return "\n" * m.group(0).count("\n")

    work = CONTROL.sub("", text)
    # Code spans render escaped, so they are kept as typed. Fenced blocks are not: the site's
    # Markdown has no fenced-code extension, so a "fence" is ordinary text.
    work = _CODE_SPAN.sub(protect, work)

    def autolink(m: re.Match[str], line_of: _Lines) -> str:
        if _scheme_ok(m.group(1)):
            return protect(m)
        findings.append(Finding("link", _short(m.group(1)), line_of(m.start())))
        return html.escape(m.group(1))

    lines = _Lines(work, first_line)
    work = _AUTOLINK.sub(lambda m: autolink(m, lines), work)
    work = _EMAIL_AUTOLINK.sub(protect, work)

    # dangerous elements go with their content
    for element in DROP_WITH_CONTENT:
        if f"<{element}" not in work.lower():
            continue
        pattern = re.compile(rf"<{element}\b.*?(?:</{element}\s*>|\Z)", re.I | re.S)
        lines = _Lines(work, first_line)
        work = pattern.sub(lambda m, n=lines: removed("html", m, n), work)  # type: ignore[misc]
    lines = _Lines(work, first_line)
    work = _COMMENT.sub(lambda m: removed("html", m, lines), work)

    def tag(m: re.Match[str], line_of: _Lines) -> str:
        name = m.group(1).lower()
        attrs = m.group(2).strip().rstrip("/").strip()
        if name in ALLOWED_TAGS and not attrs:
            return m.group(0)
        return removed("html", m, line_of)

    lines = _Lines(work, first_line)
    work = _TAG.sub(lambda m: tag(m, lines), work)

    lines = _Lines(work, first_line)
    work = _ATTR_LIST.sub(lambda m: removed("html", m, lines), work)
    # no other attribute list either: every `{` that a `}` follows on its line is escaped
    work = _escape_braces(work)

    def inline(m: re.Match[str], line_of: _Lines) -> str:
        if _scheme_ok(m.group(2)):
            # marked (\x01) as a link: its `](` is not escaped below
            return m.group(1) + "\x01" + m.group(0)[len(m.group(1)):]
        findings.append(Finding("link", _short(m.group(2)), line_of(m.start())))
        label = m.group(1)[2:-1] if m.group(1).startswith("!") else m.group(1)[1:-1]
        return label + "\n" * m.group(0).count("\n")

    lines = _Lines(work, first_line)
    work = _INLINE_LINK.sub(lambda m: inline(m, lines), work)

    def ref(m: re.Match[str], line_of: _Lines) -> str:
        if _scheme_ok(m.group(2)):
            return m.group(0)
        findings.append(Finding("link", _short(m.group(2)), line_of(m.start())))
        return m.group(1) + "#"

    lines = _Lines(work, first_line)
    work = _REF_DEF.sub(lambda m: ref(m, lines), work)
    # Python-Markdown looks for the end of every `[` and, after `](`, for the `)`: from each
    # one to the end of the paragraph when there is none. A `(` after `]` that opens no link
    # recognised above, and a `[` without its `]` (or nested deeper than two), are escaped,
    # which shows them as typed.
    work = _LINK_OPEN.sub(lambda m: m.group(1) + "]\\(", work).replace("\x01", "")
    work = _escape_brackets(work)

    # any other `<` (an unclosed or malformed tag the passes above could not parse) is text
    stray = [0]  # how many look like a tag (the first few hundred are reported one by one)

    def lt(m: re.Match[str], src: str, line_of: _Lines) -> str:
        if _KEEP_LT.match(src, m.start()):
            return "<"
        if _TAG_START.match(src, m.start()):
            stray[0] += 1
            if stray[0] <= 4 * MAX_FINDINGS:
                end = src.find(">", m.start(), m.start() + 60)
                snippet = src[m.start():end + 1 if end != -1 else m.start() + 40]
                findings.append(Finding("html", _short(snippet), line_of(m.start())))
        return "&lt;"

    current, lines = work, _Lines(work, first_line)
    work = re.sub("<", lambda m: lt(m, current, lines), work)
    unreported = {"html": max(0, stray[0] - 4 * MAX_FINDINGS)}
    out = _PLACEHOLDER.sub(lambda m: protected[int(m.group(1))], work)

    too_complex = _too_complex(out, first_line)
    if too_complex is not None:
        findings.append(too_complex)
        return plain_text_markdown(text), _reported(findings, unreported)
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
    return out, _reported(findings, unreported)


def _reported(findings: list[Finding], unreported: dict[str, int]) -> tuple[Finding, ...]:
    """The findings in line order, each once; past MAX_FINDINGS of a kind, the rest (and
    `unreported` ones, not even collected) are counted in the last one shown: a text of
    100,000 stray tags is not 100,000 warnings."""
    out: list[Finding] = []
    kept: dict[str, int] = {}
    total: dict[str, int] = dict(unreported)
    for f in sorted(set(findings), key=lambda f: (f.line, f.kind, f.value)):
        total[f.kind] = total.get(f.kind, 0) + 1
        if kept.get(f.kind, 0) < MAX_FINDINGS:
            kept[f.kind] = kept.get(f.kind, 0) + 1
            out.append(f)
    for kind, n in sorted(total.items()):
        if kept.get(kind) and n > kept[kind]:
            i = max(j for j, f in enumerate(out) if f.kind == kind)
            out[i] = replace(out[i], value=f"{out[i].value} … (+{n - kept[kind]})")
    return tuple(out)


_BRACES = re.compile(r"(?<!\\)((?:\\\\)*)\{")


def _escape_braces(text: str) -> str:
    """Escape each `{` that a `}` follows on its line: an attribute list is `{…}` on one
    line, so a `{` without one needs no escape (fewer escapes: each one costs
    Python-Markdown a rebuild of the paragraph)."""
    if "{" not in text:
        return text
    out = []
    for line in text.split("\n"):
        end = line.rfind("}")
        if end > 0 and "{" in line[:end]:
            line = _BRACES.sub(r"\1\\{", line[:end]) + line[end:]
        out.append(line)
    return "\n".join(out)


_BRACKET = re.compile(r"\\.|[\[\]]|\n[ \t]*\n", re.S)


def _escape_brackets(text: str) -> str:
    """Escape each `[` whose `]` is not in its paragraph, and each nested deeper than two
    (brackets typed as text then show as typed, and Python-Markdown's search for the end of
    a link text stays within the brackets)."""
    if "[" not in text:
        return text
    escape: list[int] = []
    stack: list[int] = []
    for m in _BRACKET.finditer(text):
        c = m.group(0)
        if c == "[":
            stack.append(m.start())
        elif c == "]":
            if stack:
                start = stack.pop()
                if len(stack) >= 2:  # this pair was nested deeper than two
                    escape.append(start)
        elif c[0] == "\n":  # a blank line ends the paragraph
            escape += stack
            stack = []
    escape += stack
    if not escape:
        return text
    escape.sort()
    parts, last = [], 0
    for pos in escape:
        parts += [text[last:pos], "\\"]
        last = pos
    parts.append(text[last:])
    return "".join(parts)


_SPLITS = re.compile(r"^ {0,3}(?:#|>|\[[^\]\n]*\]:|(?:[-_*] {0,2}){3,}$)", re.M)
_ITEM = re.compile(r"^ {0,3}(?:\d+\.|[*+-]) +", re.M)
_PIECES = re.compile(r"^[ \t]*(?:\d+\.|[*+-])[ \t]|^[^\n]*\|", re.M)  # list items, table rows


def _too_complex(text: str, first_line: int) -> Finding | None:
    """A reason to publish `text` as plain text: more nesting, marks in one paragraph, or
    paragraphs than Python-Markdown handles in linear time (MAX_* above), as a finding at
    the line where the limit is passed; None when the text is within them."""
    for m in _NEST_LINE.finditer(text):
        end = text.find("\n", m.start())
        depth = _nesting(text[m.start():end if end != -1 else len(text)])
        if depth > MAX_NESTING:
            return Finding("plain", "nesting", first_line + text.count("\n", 0, m.start()),
                           depth)
    line, blocks = first_line, 0
    for block in _BLANK.split(text):
        splits = len(_SPLITS.findall(block))
        blocks += 1 + splits + len(_PIECES.findall(block))
        if splits > MAX_SPLITS:
            return Finding("plain", "splits", line, splits)
        if blocks > MAX_PARAGRAPHS:
            return Finding("plain", "paragraphs", line, blocks)
        for unit, offset in _units(block):
            marks = len(_MARKS.findall(unit))
            if marks > MAX_MARKS:
                return Finding("plain", "marks", line + block.count("\n", 0, offset), marks)
        line += block.count("\n") + 2  # and the two breaks of the blank line
    return None


def _units(block: str) -> list[tuple[str, int]]:
    """The parts of a block whose text Python-Markdown's inline step handles as one: the
    whole block, or each top-level item of a list (item and nested content together)."""
    if not _ITEM.match(block):
        return [(block, 0)]
    starts = [m.start() for m in _ITEM.finditer(block)]
    return [(block[a:b], a) for a, b in zip(starts, [*starts[1:], len(block)], strict=True)]


def _nesting(line: str) -> int:
    """How deep a line nests lists, quotes and boxes: its markers (`>`, `-`, `1.`, `!!!` …)
    plus a level per 4 columns of indentation around them; 0 for a line without one."""
    depth = cols = pos = 0
    while (m := _NEST.match(line, pos)) is not None:
        space = m.group(1)  # one space after a marker belongs to it
        cols += len(space) + 3 * space.count("\t") - (1 if depth and space else 0)
        depth += 1
        pos = m.end()
    return depth + cols // 4 if depth else 0


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
    """Markdown that shows `text` literally: one raw HTML block that Python-Markdown passes
    through whole, in linear time (the theme's `white-space: pre-line` keeps its line
    breaks and blank lines)."""
    shown = html.escape(CONTROL.sub("", text).strip(), quote=False)
    return f'<div class="pg-plain">{shown}</div>\n' if shown else "\n"


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
        # names bound once: this loop meets every element of every page
        fragment, findings, attributes = self.fragment, self.findings, self._attributes
        for node in root.traverse():
            if not node.is_element_node:
                continue
            tag = (node.tag or "").lower()
            attrs = node.attributes
            if attrs:
                attributes(tag, attrs)
            elif tag in _WRAPPERS and node.mem_id in wrappers:
                continue
            if fragment:
                if tag not in FRAGMENT_TAGS:
                    findings.append(("tag", f"<{tag}>"))
            elif tag in ACTIVE_IN_CONTENT:  # script is one of them, checked on its own
                if tag == "script":
                    self._script(node, attrs, in_article or _in_article(node))
                elif in_article or _in_article(node):
                    findings.append(("tag", f"<{tag}> in the page content"))
            if tag not in _NESTED:
                continue
            if tag == "template":  # inert content, until a script clones it
                for content in node.template_fragments():
                    self._subtree(content, in_article or _in_article(node), scripting,
                                  wrappers)
            elif scripting:  # noscript: text to a browser running script, markup to one
                self.document(node.text(), in_article or _in_article(node), scripting=False)

    def _attributes(self, tag: str, attrs: dict[str, str | None]) -> None:
        fragment = self.fragment
        for name, value in attrs.items():
            name, kind = _attr_kind(name)
            if kind == _OTHER and not fragment:  # class, id, …: nothing below applies
                continue
            if kind == _EVENT or (kind == _ANIMATED_NAME and
                                  _local(value or "").startswith("on")):
                self.findings.append(("attr", f"<{tag} {name}=…>"))
            elif value and kind != _OTHER and _urls_unsafe(kind, value, attrs):
                self.findings.append(("url", f"<{tag} {name}={value[:40]}>"))
            elif fragment and name not in FRAGMENT_ATTRS:
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
_NESTED = frozenset({"template", "noscript"})  # elements holding a document of their own
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
