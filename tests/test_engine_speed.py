"""The engine's steps over every page, made fast, give what the plain versions gave.

engine.linebreak.mark_words reads a page in one split and keeps the open elements as
depths (for speed, issue 17's pass over every page); here it is held to the plain reading
it replaced, token by token with a stack of open elements, on generated HTML that mixes
what pages hold (Thai text, addresses, flex boxes, void and self-closed tags, opaque
elements in any case, comments, quotes in attributes, stray end tags, unclosed tags).

The search index's cut of nouns (การ/ความ + a word) asks the word cache whether the rest is
a word, so that a rebuild whose text is all cached loads no dictionary."""

from __future__ import annotations

import re
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.engine import search
from generator.engine.linebreak import _CLASS, _VOID, FLEX_WITH_TEXT, mark_text, mark_words
from generator.engine.search import ZWSP, Words, segment_thai, thai_words

_OPAQUE = r"head|script|style|pre|textarea|svg|title|template"
_TOKEN = re.compile(
    rf"<({_OPAQUE})\b(?:[^>\"']|\"[^\"]*\"|'[^']*')*>.*?</\1\s*>"
    r"|<!--.*?-->"
    r"|<(?:[^>\"']|\"[^\"]*\"|'[^']*')*>",
    re.S | re.I)
_TAG_NAME = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)")


def reference(html: str, cut: Callable[[str], str]) -> str:
    """The reading mark_words replaced (main 9910d7e), kept as the definition."""
    out = []
    pos = 0
    flex: list[bool] = []

    def text(part: str) -> None:
        marked = mark_text(part, cut)
        if marked != part and flex and flex[-1] and part.strip():
            marked = f"<span>{marked}</span>"
        out.append(marked)

    for m in _TOKEN.finditer(html):
        if m.start() > pos:
            text(html[pos:m.start()])
        tag = m.group(0)
        out.append(tag)
        pos = m.end()
        name = _TAG_NAME.match(tag)
        if name is None or m.group(1):
            continue
        closing, element = name.group(1), name.group(2).lower()
        if closing:
            if flex:
                flex.pop()
        elif element not in _VOID and not tag.endswith("/>"):
            cls = _CLASS.search(tag)
            names = (cls.group(1) or cls.group(2) or cls.group(3) or "") if cls else ""
            flex.append(bool(names and FLEX_WITH_TEXT.search(names)))
    if pos < len(html):
        text(html[pos:])
    return "".join(out)


def cut(run: str) -> str:
    return ZWSP.join(thai_words(run))


PIECES = [
    "ข้อมูลผู้บริหาร", "ก", "ปีงบประมาณ 2568", " ", "\n", "  ", "text", "a/b", "saraban@x.example",
    "www.example.org", "https://e.x/a?b=1", "&amp;", "<", ">", "'", '"', "/", "=",
    "<p>", "</p>", "<P>", "</P >", "<div class=\"md-tabs__link\">", "<a class='md-nav__link x'>",
    "<span CLASS=md-header__topic>", "<span class=\"x\" data-x=\"class=md-tabs__link\">",
    "<li class=\"tabbed-labels\">", "<br>", "<BR/>", "<img src=x>", "<wbr>", "<hr/>",
    "<div/>", "<source>", "<sourcex>", "<col-x>", "<ſource>", "<ſcript>x</script>",
    "<script>ข้อมูล</script>", "<SCRIPT type=x>ข้อมูล</Script >", "<pre>ข้อมูล</pre>",
    "<style>", "</style>", "<title>ข้อมูล", "<svg><text>ตัวชี้วัด</text></svg>",
    "<head-x>", "</head-x>", "<header>", "<!-- ข้อมูล -->", "<!--", "-->", "<!DOCTYPE html>",
    "<? x ?>", "< b>", "</>", "</ x>", "<1>", "<a title=\"ข้อมูล>x\">", "<a title='x", "\">",
    "</div>", "</span>", "</a>", "<tEmPlAtE>ก่อน</template>", "<textarea>ข้อมูล</textarea>",
    "<b\u212a>", "<claſſ>", "<a claſſ=md-nav__link>", "<baſe>", "<lin\u212a>", "<BASE>", "<br-x>",
]


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_mark_words_is_the_plain_reading(pieces: list[str]) -> None:
    html = "".join(pieces)
    assert mark_words(html, cut) == reference(html, cut)
    memo: dict[str, str] = {}
    assert mark_words(html, cut, memo) == mark_words(html, cut, memo) == reference(html, cut)


def test_mark_words_on_a_built_page(example_site) -> None:  # type: ignore[no-untyped-def]
    """A page as MkDocs wrote it: the marks taken out and put back give the same page."""
    page = (example_site / "2568" / "oit" / "o12" / "index.html").read_text("utf-8")
    plain = re.sub(r"</?nobr>|<wbr>", "", page)
    assert mark_words(plain, cut) == reference(plain, cut)


def test_a_cached_rebuild_cuts_the_index_without_the_dictionary(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    text = ("<p>แผนปฏิบัติการป้องกันการทุจริต ความโปร่งใส</p><h2>การเปิดเผยข้อมูล</h2>"
            "การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ")
    plain = segment_thai(text)  # no cache: newmm and the dictionary
    assert search.JOINER in plain
    first = Words()
    assert segment_thai(text, first) == plain
    cached = Words(dict(first.used))  # what the cache file holds after that build

    def no_dictionary(run: str) -> tuple[str, ...]:
        raise AssertionError(f"segmented again: {run}")

    monkeypatch.setattr(search, "_tokenize", no_dictionary)
    search._index_word.cache_clear()  # what this process cut for `plain`
    assert segment_thai(text, cached) == plain
    assert cached.used == first.used  # and the cache written back is the same
