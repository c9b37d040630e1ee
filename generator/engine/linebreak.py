"""Thai line breaking by the search's dictionary (our own step on every page MkDocs writes).

Browsers break Thai lines with their own dictionary (ICU's), which cuts many words that
officers and readers see as one: "เรื่องร้อง|เรียน", "ผู้รับผิด|ชอบ", "ประพฤติมิ|ชอบ". The
search index cuts Thai with newmm (`generator.engine.search.thai_words`). Here the same cut
decides where a line may wrap: every Thai run of a page's text becomes

    <nobr>เรื่อง<wbr>ร้องเรียน<wbr>การ<wbr>ทุจริต</nobr>

`<nobr>` keeps the browser's dictionary from breaking inside the run, and `<wbr>` gives
back a break opportunity at each newmm word boundary: the HTML standard's rendering rules
(`nobr { white-space: nowrap }`, `nobr wbr { white-space: normal }`) make that hold in
every browser, with or without the theme's stylesheet. Neither element is a character:
copied text, the browser's find-in-page, screen readers and the search index (built by
MkDocs from the page content before this step) see the text unchanged — no U+200B to paste.
`<nobr>` is obsolete in HTML (a validator warns) but defined by the standard for exactly
this; a `<span>` with a class would cost 9 bytes more a run.

Addresses a reader copies (e-mail, web addresses) get a `<wbr>` after "@" and "/" and before
"." and "?", so a narrow column wraps them between their parts ("saraban@|nongsaisaat.
|example") instead of letter by letter.

Text is left alone inside `<head>`, `<script>`, `<style>`, `<pre>`, `<textarea>`, `<svg>`
and comments; tags and attributes are never touched. The words come from the same cache as
the search index's (`search.Words`), so a rebuild cuts only new text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from itertools import chain

from generator.engine.search import THAI_RUN, ZWSP

# text inside these is not laid out as running text, or must stay byte for byte
_OPAQUE = r"head|script|style|pre|textarea|svg|title|template"
# e-mail addresses and web addresses written out in the text
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://[^\s<>\"']+|www\.[^\s<>\"']+")
_ADDRESS_BREAK = re.compile(r"(?<=[@/])(?=[^/])|(?<=[^.])(?=[.?&][^.\s])")


def _address(m: re.Match[str]) -> str:
    return _ADDRESS_BREAK.sub("<wbr>", m.group(0))


def mark_text(text: str, cut: Callable[[str], str]) -> str:
    """One text run of a page (HTML-escaped, no tags): Thai runs as `<nobr>` with `<wbr>`
    between newmm words, addresses with `<wbr>` between their parts. `cut(run)` gives the
    run's words joined by U+200B (`search.Words`)."""
    if "@" in text or "/" in text or "www." in text:
        text = _ADDRESS.sub(_address, text)

    def run(m: re.Match[str]) -> str:
        words = cut(m.group(0))
        return "<nobr>" + words.replace(ZWSP, "<wbr>") + "</nobr>"

    return THAI_RUN.sub(lambda m: run(m) if len(m.group(0)) > 1 else m.group(0), text)


# Elements laid out as flex boxes (Material's, ours) that hold text directly: there every
# element child is a flex item of its own, so a <nobr> would split the text into items (and
# lose the space beside it: "ปีงบประมาณ2568" in the tabs). Their text is wrapped whole in a
# <span> first. tests/test_browser_reader.py finds any <nobr> that is a flex item.
FLEX_WITH_TEXT = re.compile(
    r"\b(md-tabs__link|md-nav__link|md-path__link|md-footer__link|md-header__topic"
    r"|md-header__option|md-source__fact|md-pagination|md-profile|tabbed-labels)\b")
_VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                   "param", "source", "track", "wbr"})
_CLASS = re.compile(r"""\bclass\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))""", re.I)

# The page split into text and tokens in one call: a token is a whole opaque element (its
# name in any case, up to the first end tag of that name), a comment, or any other tag (its
# attribute values in quotes may hold ">"). Each token is one group, with empty groups after
# it that say its kind: an end tag; a start tag of a void element; (the name of) an opaque
# element, or a comment or a tag without an element name (<!DOCTYPE>); any other start
# tag. Element names are ASCII letters, digits and "-" (void ones ASCII case folded).
# `_ATTRS` reads a tag's attributes in one way only, so a tag without its ">" costs no more
# than one pass to the end; opaque content is read a "<" at a time. tests/test_engine_speed.py
# holds this to the plain token-by-token reading it replaced.
_ATTRS = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""
_SPLIT = re.compile(
    rf"(<(?:/[a-zA-Z](){_ATTRS}>"
    rf"|(?ai:{'|'.join(sorted(_VOID))})(?![a-zA-Z0-9-])(){_ATTRS}>"
    rf"|((?i:{_OPAQUE}))\b{_ATTRS}>[^<]*(?:<(?!/(?i:\4)\s*>)[^<]*)*</(?i:\4)\s*>"
    rf"|!--.*?-->|(?![a-zA-Z/]){_ATTRS}>|/(?![a-zA-Z]){_ATTRS}>"
    rf"|[a-zA-Z](){_ATTRS}>))",
    re.S)
_STRIDE = 6  # text; token; and its kind: end tag, void tag, opaque name, start tag
# what mark_text may change: a Thai run of two letters or more, or an address's mark
_MAY_MARK = re.compile(r"[\u0e01-\u0e5b]{2}|[@/]|www\.")


def mark_words(html: str, cut: Callable[[str], str],
               memo: dict[str, str] | None = None) -> str:
    """The page with every Thai run of its text marked (see the module doc).

    `memo`: the marked text of text runs seen before (pages repeat their navigation and
    labels), kept by the caller for pages marked with the same `cut`; a text run's
    marking depends on the run alone, so reusing it changes no byte.

    The open elements are kept as a depth and the depths of the flex boxes among them (a
    text run is in a flex box when the innermost open element is one): every end tag
    closes the innermost open element, whatever its name; void elements and start tags
    closed with "/>" open none."""
    memo = {} if memo is None else memo
    parts = _SPLIT.split(html)
    depth = 0
    flex: list[int] = []  # depths of the open flex boxes, innermost last
    may_mark = _MAY_MARK.search
    last = len(parts) - 1
    for i in range(0, len(parts), _STRIDE):
        part = parts[i]
        if part:
            marked = memo.get(part)
            if marked is None:
                marked = memo[part] = mark_text(part, cut) if may_mark(part) else part
            if marked != part:
                if flex and flex[-1] == depth and part.strip():
                    marked = f"<span>{marked}</span>"
                parts[i] = marked
        if i == last:
            break
        if parts[i + 2] is not None:  # an end tag
            if depth:
                if flex and flex[-1] == depth:
                    flex.pop()
                depth -= 1
            continue
        if parts[i + 5] is None:  # void, opaque
            continue
        tag = parts[i + 1]
        if tag.endswith("/>"):  # closed by itself
            continue
        depth += 1
        if "md-" in tag or "tabbed-labels" in tag:  # in every name FLEX_WITH_TEXT finds
            cls = _CLASS.search(tag)
            names = (cls.group(1) or cls.group(2) or cls.group(3) or "") if cls else ""
            if names and FLEX_WITH_TEXT.search(names):
                flex.append(depth)
    texts, tokens = parts[0::_STRIDE], parts[1::_STRIDE]
    return "".join(chain.from_iterable(zip(texts[:-1], tokens, strict=True))) + texts[-1]
