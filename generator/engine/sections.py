"""A faster stand-in for the HTML parser of Material's search plugin (one page's content
into the sections of the search index), with exactly its result.

Material's `material.plugins.search.plugin.Parser` is an `html.parser.HTMLParser`: every
tag, attribute and text run of every page goes through Python-level tokenising and its
handlers, which also compare tags through `Element.__eq__` in set intersections. That is
the largest single step of MkDocs' work on a Prongsai site (0.23 s of a 2 s build of a
3-year council) and plain `mkdocs build` does the same, so it is pure cost to us.

`split_sections` reads the page with one regular expression over the markup MkDocs and
Python-Markdown write (start and end tags with ordinary attributes, comments, text), and
runs the same handler logic as Material's parser on tag names instead of `Element`s.
Whatever falls outside that subset (`<script>`/`<style>` content, `<!DOCTYPE>`, `<?...>`,
CDATA, a `<` that starts no tag, odd attribute syntax, a trailing `&`, a closing tag that
Material's handler cannot match), it does not guess: it returns None and the caller uses
Material's own parser for that page. tests/test_sections.py holds the two to the same
sections on every page of real builds and on generated HTML.

The handler logic mirrored from Material 9 (plugins/search/plugin.py, `Parser`):
- `Element`s compare and hash by tag name only, so the skip set and `el in context` are
  sets and counts of tag names here;
- void elements are never pushed; a self-closing tag is a start then an end tag;
- a heading with an `id` starts a section (after an `hx` preface when the first heading
  is not an `h1`); a section's `id` is set unless it is the first section;
- `data-search-exclude`, and `class="linenodiv"`, skip an element (and, by tag name, its
  like until one of them closes);
- only `p code pre li ol ul sub sup` are kept as markup, an element with nothing but white
  space inside is dropped again;
- text collapses newlines (outside `<pre>`), is HTML-escaped again, and the permalink
  anchor (`a.headerlink`) is left out of titles.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape
from operator import itemgetter
from typing import Any

SKIP = frozenset({"object", "script", "style"})
KEEP = frozenset({"p", "code", "pre", "li", "ol", "ul", "sub", "sup"})
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                  "meta", "param", "source", "track", "wbr"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# elements whose content HTMLParser reads as text (which ones depends on the Python version)
RAW_TEXT = frozenset({"script", "style", "xmp", "iframe", "noembed", "noframes",
                      "noscript", "plaintext"})
# the same as text in newer Pythons only; read here when they hold plain text (an SVG title)
PLAIN_TEXT = frozenset({"title", "textarea"})

_NAME = r"[a-zA-Z][a-zA-Z0-9]*"
_WS = r"[ \t\n\r\f]"  # ASCII only: HTMLParser's tag names run on through other spaces
_ATTR = rf"""[a-zA-Z_:][-a-zA-Z0-9_:.]*(?:{_WS}*={_WS}*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?"""
# one token: a start tag, an end tag, a comment, or a run of text without "<"
_TOKEN = re.compile(
    rf"(<({_NAME})((?:{_WS}+{_ATTR})*){_WS}*(/?)>"  # 1 whole; 2 name, 3 attributes, 4 "/"
    rf"|</({_NAME}){_WS}*>"  # 5 end tag
    r"|<!--(?!-?>)(?:[^-]|-(?!-))*-->"  # comment without "--" inside
    r"|([^<]+))"  # 6 text
)
_ATTRS = re.compile(
    rf"""([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:{_WS}*={_WS}*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?""")
Token = tuple[str, str, str, str, str, str]
_WHOLE = itemgetter(0)


def _attrs(text: str) -> dict[str, str | None]:
    """Attributes as HTMLParser reports them: names lowercased, quotes removed, character
    references resolved, None for a bare name, the last of duplicates (`dict(attrs)`)."""
    out: dict[str, str | None] = {}
    for name, value in _ATTRS.findall(text):
        if not value:  # a bare name (an empty unquoted value does not match)
            out[name.lower()] = None
            continue
        if value[0] in "\"'":
            value = value[1:-1]
        out[name.lower()] = unescape(value) if "&" in value else value
    return out


def _plain(tokens: list[Token], i: int, tag: str) -> bool:
    """Whether the element opened by tokens[i] holds only text without "&" and is closed
    by the next tag: then every Python's HTMLParser reads it alike."""
    if tokens[i][3]:
        return False
    j = i + 1
    if j < len(tokens) and tokens[j][5]:
        if "&" in tokens[j][5]:
            return False
        j += 1
    return j < len(tokens) and tokens[j][4].lower() == tag


def split_sections(html: str, element: Callable[..., Any],
                   section: Callable[..., Any]) -> list[Any] | None:
    """The sections Material's search `Parser` makes of `html`, built with its own
    `element(tag, attrs)` and `section(el, depth)` classes; None when `html` is outside
    the subset read here (the caller then runs Material's parser)."""
    tokens: list[Token] = _TOKEN.findall(html)
    # the tokens found one after another cover the page: no "<" that is none of the above
    if sum(map(len, map(_WHOLE, tokens))) != len(html):
        return None
    if tokens and "&" in tokens[-1][5][-34:]:
        return None  # HTMLParser holds back a trailing "&..." until close(): not mirrored

    context: list[str] = []  # open element tag names
    headerlink: list[bool] = []  # per open element: an <a class="headerlink">
    open_count: dict[str, int] = {}  # tag -> open elements with it
    skip: set[str] = set(SKIP)  # Material's skip set, by tag (as Element compares)
    data: list[Any] = []
    current: Any = None
    links_open = 0

    for i, (_, name, attr_text, slash, end_name, text) in enumerate(tokens):
        if text:  # handle_data
            if not skip.isdisjoint(open_count):
                continue
            if "&" in text:
                text = unescape(text)
            if "pre" not in open_count:
                text = text.replace("\n", " ") if not text.isspace() else " "
            if current is None:
                current = section(element("hx"))
                data.append(current)
            if current.el.tag in open_count:
                if not links_open:
                    current.title.append(escape(text, quote=False))
            elif text.isspace():
                body = current.text
                if not body or not body[-1].isspace() or "pre" in open_count:
                    body.append(text)
            else:
                current.text.append(escape(text, quote=False))
            continue

        if name:  # handle_starttag
            tag = name.lower()
            if tag in RAW_TEXT or (tag in PLAIN_TEXT and not _plain(tokens, i, tag)):
                return None
            if tag in VOID:
                continue  # neither pushed nor closed, "/>" or not: no effect on sections
            attrs = _attrs(attr_text) if attr_text else {}
            context.append(tag)
            open_count[tag] = open_count.get(tag, 0) + 1
            link = tag == "a" and attrs.get("class") == "headerlink"
            headerlink.append(link)
            if link:
                links_open += 1
            if tag in HEADINGS and "id" in attrs:
                depth = len(context)
                if tag != "h1" and not data:
                    current = section(element("hx"), depth)
                    data.append(current)
                current = section(element(tag, attrs), depth)
                if data:
                    current.id = attrs["id"]
                data.append(current)
            if current is None:
                current = section(element("hx"))
                data.append(current)
            if "data-search-exclude" in attrs or attrs.get("class") == "linenodiv":
                skip.add(tag)
            elif tag in KEEP and skip.isdisjoint(open_count):
                target = current.title if current.el.tag in open_count else current.text
                target.append(f"<{tag}>")
            if not slash:
                continue
        elif end_name:
            tag = end_name.lower()
        else:
            continue  # a comment

        # handle_endtag ("<path/>" is a start and an end tag)
        if not context or context[-1] != tag:
            continue
        if current.depth > len(context):
            for earlier in reversed(data):
                if earlier.depth <= len(context):
                    current.depth = float("inf")
                    current = earlier
                    break
        context.pop()
        if headerlink.pop():
            links_open -= 1
        if open_count[tag] == 1:
            del open_count[tag]
        else:
            open_count[tag] -= 1
        if tag in skip:
            if tag not in SKIP:
                skip.discard(tag)
            continue
        if tag in KEEP and skip.isdisjoint(open_count):
            target = current.title if current.el.tag in open_count else current.text
            opening = f"<{tag}>"
            if opening not in target:
                return None  # Material's parser raises here; let it
            index = target.index(opening)
            if any(not x.isspace() for x in target[index + 1:]):
                target.append(f"</{tag}>")
            else:
                del target[index:]
    return data
