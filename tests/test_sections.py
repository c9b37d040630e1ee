"""generator/engine/sections.py gives exactly the sections of Material's search parser: on every
page of real builds (the whole site byte for byte, with Material's parser never called),
and on generated HTML, where it either agrees or hands the page back (None)."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from material.plugins.search import plugin as material_search

from generator.commands.build import build
from generator.engine import mkdocs as engine
from generator.engine.sections import split_sections

from .conftest import MINI, REPO, TODAY


def material(html: str) -> list[Any]:
    parser = material_search.Parser()
    parser.feed(html)
    parser.close()
    return list(parser.data)


def ours(html: str) -> list[Any] | None:
    return split_sections(html, material_search.Element, material_search.Section)


def dump(sections: list[Any]) -> list[tuple[Any, ...]]:
    return [(s.el.tag, dict(s.el.attrs), s.depth, s.id, list(s.title), list(s.text),
             s.is_excluded()) for s in sections]


def same_as_material(html: str) -> bool:
    """True when ours agreed, False when it handed the page back; fails on a difference.
    Where Material's parser raises, ours must hand the page back (so that it raises)."""
    try:
        theirs = material(html)
    except ValueError:
        assert ours(html) is None
        return False
    mine = ours(html)
    if mine is None:
        return False
    assert dump(mine) == dump(theirs), html
    return True


def tree_digest(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("project", [REPO, MINI], ids=["example", "mini"])
def test_sites_are_the_same_as_with_materials_parser(project: Path, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    fed: list[str] = []
    feed = material_search.Parser.feed

    def counting_feed(self: Any, data: str) -> None:
        fed.append(data)
        feed(self, data)

    monkeypatch.setattr(material_search.Parser, "feed", counting_feed)
    build(project, tmp_path / "fast", today=TODAY, cache=False)
    assert fed == []  # every page was read by sections.py
    monkeypatch.setattr(engine, "split_sections", lambda *args: None)
    built = build(project, tmp_path / "material", today=TODAY, cache=False)
    assert len(fed) == built.pages  # every page, this time by Material's parser
    fast, slow = tree_digest(tmp_path / "fast"), tree_digest(tmp_path / "material")
    assert "search/search_index.json" in fast
    assert fast == slow


def test_fast_path_covers_what_markdown_and_our_pages_write() -> None:
    html = """<h1 id="t">ข้อ 1 <a class="headerlink" href="#t">¶</a></h1>
<p>ข้อความ &amp; <code>x &lt; y</code> <strong>เน้น</strong><br />
ต่อ</p>
<!-- a comment -->
<h2 id="s">ส่วน <code>o13</code></h2>
<ul>
<li>one</li>
<li></li>
</ul>
<pre><code>line 1
  line 2
</code></pre>
<div data-search-exclude><p>hidden</p></div>
<svg viewBox="0 0 4 4" role="img"><title id="c-t">กราฟ</title><path d="M0 0h4"/></svg>
<table><tr><td>A</td><td class="x" colspan=2>B</td></tr></table>
<IMG SRC='a.png' alt=""><P>upper</P>"""
    assert same_as_material(html)
    assert [s.id for s in ours(html) or []] == [None, "s"]


@pytest.mark.parametrize("html", [
    "<script>var a = '<p>';</script><p>x</p>",  # script content is text to HTMLParser
    "<p>a < b</p>",  # a "<" that starts no tag
    "<!DOCTYPE html><p>x</p>",
    "<p title=a=b>x</p>",
    "<my-element>x</my-element>",
    "<p>fish &",  # a trailing "&" waits for close()
    "<title>a <b>b</b></title>",  # title content differs between Python versions
    "<p>x</p",
])
def test_hands_back_what_it_does_not_read(html: str) -> None:
    assert ours(html) is None
    material(html)  # and Material's parser, which gets it instead, reads it


TAGS = ["p", "div", "span", "a", "h1", "h2", "h3", "code", "pre", "li", "ul", "ol", "sub",
        "table", "td", "br", "img", "hr", "svg", "path", "title", "object", "script", "P",
        "H2", "em"]
ATTR_NAMES = ["id", "class", "data-search-exclude", "href", "ID", "title"]
ATTR_VALUES = ["headerlink", "linenodiv", "x", "a b", "ก&amp;ข", "", "1"]


@st.composite
def attribute(draw: st.DrawFn) -> str:
    name = draw(st.sampled_from(ATTR_NAMES))
    value = draw(st.sampled_from(ATTR_VALUES))
    form = draw(st.sampled_from(['{n}="{v}"', "{n}='{v}'", "{n}={v}", "{n}", "{n} = \"{v}\""]))
    if form == "{n}={v}" and (not value or " " in value):
        form = '{n}="{v}"'
    return form.format(n=name, v=value)


TEXT = st.sampled_from(["ข้อความ", "word", " ", "\n", "\n\n  ", "&amp;", "&lt;b&gt;", "a&b;",
                        "ก ข", "\t", "x\ny", "&#3585;", ">", "ไทย "])


@st.composite
def fragment(draw: st.DrawFn, depth: int = 0) -> str:
    parts = []
    for _ in range(draw(st.integers(0, 4))):
        kind = draw(st.sampled_from(["text", "element", "element", "comment", "stray"]))
        if kind == "text" or depth > 3:
            parts.append(draw(TEXT))
        elif kind == "comment":
            parts.append("<!-- c -->")
        elif kind == "stray":
            parts.append(draw(st.sampled_from(["</p>", "</li>", "</h2>", "<br/>", "<p/>",
                                               "</div>"])))
        else:
            tag = draw(st.sampled_from(TAGS))
            attrs = "".join(" " + draw(attribute()) for _ in range(draw(st.integers(0, 2))))
            inner = draw(fragment(depth + 1))
            close = draw(st.sampled_from(["</{t}>", "</{t}>", "", "</{t} >"]))
            parts.append(f"<{tag}{attrs}>{inner}{close.format(t=tag)}")
    return "".join(parts)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(fragment())
def test_same_sections_as_material_on_generated_html(html: str) -> None:
    same_as_material(html)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="<>/!-=\"' &;abph1\n", max_size=40))
def test_same_sections_as_material_on_arbitrary_markup(html: str) -> None:
    same_as_material(html)


def test_generated_html_is_mostly_read_by_the_fast_path() -> None:
    """So that the property tests above test the fast path, not only the hand-back."""
    read: list[bool] = []

    @settings(max_examples=200, deadline=None, database=None,
              suppress_health_check=[HealthCheck.too_slow])
    @given(fragment())
    def sample(html: str) -> None:
        read.append(ours(html) is not None)

    sample()
    assert sum(read) > len(read) / 2, (sum(read), len(read))
