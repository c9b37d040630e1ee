"""The HTML audits of generator.base.markup (`audit_fragment`, `audit_html`) on the WHATWG parser
(selectolax's Lexbor): for every rule an unsafe fragment or page that must be reported and a
safe one that must not, the tricks by which a browser parses differently from a naive
parser, and every page of the built example council, which must pass."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from generator.base.markup import (
    ACTIVE_IN_CONTENT,
    audit_fragment,
    audit_html,
    render_markdown,
    theme_script_prefixes,
)
from generator.engine.mkdocs import theme_layers

from .conftest import REPO

THEME_JS = "/ita/assets/app.js"
PREFIXES = ("__md_scope=new URL(",)


def page(content: str = "<p>x</p>", head: str = "", after: str = "") -> str:
    """A page shaped like Material's: theme markup around the content's <article>."""
    return ("<!doctype html><html lang=th><head><meta charset=utf-8><title>t</title>"
            f'<link rel=stylesheet href="/ita/a.css">{head}</head><body><header><nav>'
            '<a href="/ita/">home</a></nav></header><main><article class="md-content__inner">'
            f"{content}</article></main><footer>{after}</footer></body></html>")


def audit(content: str = "<p>x</p>", head: str = "", after: str = "") -> list[tuple[str, str]]:
    return audit_html(page(content, head, after), PREFIXES, {THEME_JS})


# --- fragments: HTML rendered from officers' Markdown ---------------------------------------

@pytest.mark.parametrize("fragment", [
    "<p>x</p>",
    '<p class="a" id="b" style="text-align: center;" title="t" align="left">x</p>',
    '<ol start="3"><li>a</li></ol>',
    '<details open><summary>s</summary><p>x</p></details>',
    '<p><a href="https://example.org/a?b=1&amp;c=2" title="t">x</a> <a href="#top">t</a> '
    '<a href="mailto:a@b.co">m</a> <a href="tel:+6621234567">t</a> <a href="../x/">r</a></p>',
    '<p><img alt="a" src="img/a.png"></p>',
    "<p><b>b</b><i>i</i><mark>m</mark><kbd>k</kbd><sub>1</sub><br/>x</p>",
    "<table><thead><tr><th>a</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>",
    "<!-- a comment --><p>x</p>",
    "<!-- <script>alert(1)</script> <img src=x onerror=alert(1)> --><p>x</p>",
    "<!DOCTYPE html><p>x</p>",
])
def test_safe_fragment(fragment: str) -> None:
    assert audit_fragment(fragment) == []


def test_markdown_officers_write_audits_clean() -> None:
    text = ("# หัวข้อ\n\nข้อความ **หนา** *เอียง* <mark>เน้น</mark> [ลิงก์](https://x.go.th/a b)"
            " <https://x.go.th> [ใน](#หัวข้อ) ![รูป](a.png \"t\")\n\n| a | b |\n|:-:|--:|\n"
            "| 1 | 2 |\n\n!!! note \"หมายเหตุ\"\n    ข้อความ\n\n??? info \"เพิ่ม\"\n    ซ่อน\n\n"
            "1. หนึ่ง\n2. สอง\n\n> อ้าง\n\n    code\n\n---\n")
    assert audit_fragment(render_markdown(text)) == []


@pytest.mark.parametrize(("fragment", "expected"), [
    # event handlers, whatever the case or quoting
    ("<p onclick=alert(1)>x</p>", [("attr", "<p onclick=…>")]),
    ("<P ONCLICK='alert(1)'>x</P>", [("attr", "<p onclick=…>")]),
    ('<img/src="x"/onerror="alert(1)">', [("attr", "<img onerror=…>")]),
    # unsafe URLs, as the browser decodes them
    ('<a href="javascript:alert(1)">x</a>', [("url", "<a href=javascript:alert(1)>")]),
    ('<a href="jav&#x61;script:alert(1)">x</a>', [("url", "<a href=javascript:alert(1)>")]),
    ('<a href="&#106;avascript&colon;alert(1)">x</a>', [("url", "<a href=javascript:alert(1)>")]),
    ('<a href="jav\tascript:alert(1)">x</a>', [("url", "<a href=jav\tascript:alert(1)>")]),
    ('<a href="java&#x0A;script:x">x</a>', [("url", "<a href=java\nscript:x>")]),
    ('<a href=" \x01javascript:x">x</a>', [("url", "<a href= \x01javascript:x>")]),
    ("<A HREF=JAVASCRIPT:alert(1)>x</A>", [("url", "<a href=JAVASCRIPT:alert(1)>")]),
    ('<img src="data:image/svg+xml,x">', [("url", "<img src=data:image/svg+xml,x>")]),
    ('<a href="file:///etc/passwd">x</a>', [("url", "<a href=file:///etc/passwd>")]),
    # the allow-lists
    ("<iframe src=https://x></iframe>", [("tag", "<iframe>")]),
    ("<x-widget>x</x-widget>", [("tag", "<x-widget>")]),
    ('<p data-x="1">x</p>', [("attr", "<p data-x=…>")]),
    ('<a href="https://x" ping="https://x">x</a>', [("attr", "<a ping=…>")]),
    ('<a href="https://ok" target="_blank">x</a>', [("attr", "<a target=…>")]),
    # a wrapper the parser would add carries the fragment's own attributes
    ("<body onload=alert(1)><p>x</p>", [("attr", "<body onload=…>"), ("tag", "<body>")]),
    ("<p>x</p><html lang=th>", [("attr", "<html lang=…>"), ("tag", "<html>")]),
    ("<frameset onload=alert(1)>", [("attr", "<frameset onload=…>"), ("tag", "<frameset>")]),
])
def test_unsafe_fragment(fragment: str, expected: list[tuple[str, str]]) -> None:
    assert audit_fragment(fragment) == expected


@pytest.mark.parametrize("start", [
    '<meta http-equiv="refresh" content="0;url=https://x">', '<link rel="stylesheet" href="x">',
    "<style>p{}</style>", '<base href="https://evil.example/">', "<title>t</title>",
    "<script>alert(1)</script>", "<noscript>x</noscript>", "<template>x</template>",
])
def test_fragment_start_the_parser_puts_in_head(start: str) -> None:
    """An HTML5 parser moves these into <head> when they start a document: still audited."""
    tag = re.match(r"<(\w+)", start)
    assert tag is not None
    assert ("tag", f"<{tag.group(1)}>") in audit_fragment(start + "<p>x</p>")
    assert ("tag", f"<{tag.group(1)}>") in audit_fragment("<p>x</p>" + start)


@pytest.mark.parametrize(("fragment", "expected"), [
    ('<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
     ("url", "<a xlink:href=javascript:alert(1)>")),
    ('<svg><a XLINK:HREF="javascript:alert(1)">x</a></svg>',
     ("url", "<a xlink:href=javascript:alert(1)>")),
    ('<svg><a href="javascript:alert(1)">x</a></svg>', ("url", "<a href=javascript:alert(1)>")),
    ('<svg><a><animate attributeName="href" values="https://a;javascript:alert(1)"/></a></svg>',
     ("url", "<animate values=https://a;javascript:alert(1)>")),
    ('<svg><set attributeName="xlink:href" to="javascript:alert(1)"/></svg>',
     ("url", "<set to=javascript:alert(1)>")),
    ('<svg><set attributeName="onclick" to="alert(1)"/></svg>', ("attr", "<set attributename=…>")),
    ("<svg><script>alert(1)</script></svg>", ("tag", "<script>")),
    ('<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
     ("url", "<mi xlink:href=javascript:alert(1)>")),
    # an <img> in SVG or MathML breaks out into HTML
    ("<svg><p><img src=x onerror=alert(1)></p></svg>", ("attr", "<img onerror=…>")),
    ("<template><img src=x onerror=alert(1)></template>", ("attr", "<img onerror=…>")),
    ("<template><template><a href=javascript:x>x</a></template></template>",
     ("url", "<a href=javascript:x>")),
    # `<!-->` is a whole (empty) comment to a browser
    ("<!--><img src=x onerror=alert(1)>-->", ("attr", "<img onerror=…>")),
    ("<!---><img src=x onerror=alert(1)>-->", ("attr", "<img onerror=…>")),
    # a browser running script reads <noscript> as text: the <img> is outside the attribute
    ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
     ("attr", "<img onerror=…>")),
    # … and one that does not reads it as markup
    ("<noscript><img src=x onerror=alert(1)></noscript>", ("attr", "<img onerror=…>")),
    ('<iframe srcdoc="<script>alert(1)</script>"></iframe>', ("attr", "<iframe srcdoc=…>")),
])
def test_fragment_markup_a_browser_sees(fragment: str, expected: tuple[str, str]) -> None:
    assert expected in audit_fragment(fragment)


def test_duplicate_attribute_the_browser_keeps_the_first() -> None:
    assert audit_fragment('<a href="javascript:x" href="https://ok">x</a>') == [
        ("url", "<a href=javascript:x>")]
    # the browser drops the second: there is no such link on the page
    assert audit_fragment('<a href="https://ok" href="javascript:x">x</a>') == []


# --- pages ----------------------------------------------------------------------------------

def test_safe_page() -> None:
    assert audit(
        '<h1 id="a">x</h1><p><a href="https://x">x</a> <img src="a.png" '
        'srcset="a.png 1x, https://x/b.png 2x"></p><svg viewBox="0 0 1 1" role="img">'
        '<title>t</title><a href="#a"><rect width="1" height="1"/></a></svg>',
        head=f'<script src="{THEME_JS}"></script><script>__md_scope=new URL("/ita/")</script>'
             '<style>p{}</style><meta name="x" content="y"><link rel="icon" href="/ita/i.png">',
        after='<form action="/ita/search/"><input name="q"></form>'
              '<script id="__config" type="application/json">{"a": 1}</script>'
              f'<script src="{THEME_JS}"></script>') == []


@pytest.mark.parametrize(("where", "markup", "expected"), [
    ("head", "<base href=javascript:x>", ("url", "<base href=javascript:x>")),
    ("after", '<a href="data:text/html,x">x</a>', ("url", "<a href=data:text/html,x>")),
    ("after", '<img srcset="a.png 1x, javascript:x 2x">',
     ("url", "<img srcset=a.png 1x, javascript:x 2x>")),
    ("after", '<link rel="preload" as="image" imagesrcset="vbscript:x 1x">',
     ("url", "<link imagesrcset=vbscript:x 1x>")),
    ("after", '<button formaction="javascript:x">b</button>',
     ("url", "<button formaction=javascript:x>")),
    ("after", "<div onmouseover=alert(1)>x</div>", ("attr", "<div onmouseover=…>")),
    ("content", "<p ONCLICK=alert(1)>x</p>", ("attr", "<p onclick=…>")),
    ("after", '<iframe srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
     ("attr", "<iframe srcdoc=…>")),
])
def test_unsafe_attribute_anywhere(where: str, markup: str, expected: tuple[str, str]) -> None:
    assert audit(**{where: markup}) == [expected]


def test_body_handler() -> None:
    assert audit_html(page().replace("<body>", "<body onload=alert(1)>")) == [
        ("attr", "<body onload=…>")]


def test_external_scripts() -> None:
    assert audit(head=f"<script src={THEME_JS}></script>") == []
    assert audit(head='<script src="https://evil.example/x.js"></script>') == [
        ("tag", "<script src=https://evil.example/x.js>")]
    assert audit(after='<script src="/ita/assets/other.js"></script>') == [
        ("tag", "<script src=/ita/assets/other.js>")]
    # an SVG script loads its href
    assert audit(after='<svg><script href="https://evil.example/x.js"></script></svg>') == [
        ("tag", "<script src=https://evil.example/x.js>")]
    # src is there but empty: not the theme's either
    assert audit(after="<script src>alert(1)</script>") == [("tag", "<script>")]


def test_inline_scripts() -> None:
    assert audit(head='<script>__md_scope=new URL("/ita/")</script>') == []
    assert audit(after='<script type="application/json">{"x": "</p>"}</script>') == []
    assert audit(after="<script>alert(1)</script>") == [("tag", "<script>alert(1)")]
    assert audit(after="<SCRIPT>alert(1)</SCRIPT>") == [("tag", "<script>alert(1)")]
    assert audit(after="<svg><script>alert(1)</script></svg>") == [("tag", "<script>alert(1)")]
    assert audit(after="<script type=module>import('x')</script>") == [
        ("tag", "<script>import('x')")]
    # the browser keeps the first of two type attributes: this one runs
    assert audit(after='<script type="text/javascript" type="application/json">alert(1)'
                       "</script>") == [("tag", "<script>alert(1)")]


def test_script_end_tag_inside_a_js_string() -> None:
    """`</script>` ends the script wherever it is: what follows is a second script."""
    found = audit(head='<script>__md_scope=new URL("</script><script>alert(1)//")</script>')
    assert found == [("tag", "<script>alert(1)//\")")]


def test_script_in_the_content() -> None:
    assert audit("<script>__md_scope=new URL('/')</script>") == [("tag", "<script>")]
    assert audit(f'<script src="{THEME_JS}"></script>') == [
        ("tag", f"<script src={THEME_JS}>")]
    assert audit("<svg><script>x</script></svg>") == [("tag", "<script>")]
    assert audit("<template><script>x</script></template>") == [
        ("tag", "<template> in the page content"), ("tag", "<script>")]


@pytest.mark.parametrize("tag", sorted(ACTIVE_IN_CONTENT - {"script", "template", "frame",
                                                           "frameset"}))
def test_active_elements_in_the_content(tag: str) -> None:
    markup = (f"<{tag}>" if tag in ("meta", "link", "base") else
              "<table><tr><td><form></form></td></tr></table>" if tag == "form" else
              f"<{tag}></{tag}>")
    assert ("tag", f"<{tag}> in the page content") in audit(f"<p>x</p>{markup}")
    assert ("tag", f"<{tag.upper()}>".lower() + " in the page content") in audit(
        f"<p>x</p>{markup.upper()}")


def test_frames_inside_a_body_are_dropped() -> None:
    """A browser ignores <frame> and <frameset> once the body has begun: no element, so
    nothing to report (a fragment made only of a frameset is refused, see above)."""
    assert audit("<p>x</p><frameset onload=alert(1)><frame src=javascript:x></frameset>") == []


def test_active_elements_outside_the_content() -> None:
    """The theme's own <style>, <meta>, <link>, search <form> … are not page content."""
    assert audit(head='<meta name="a" content="b"><style>p{}</style>',
                 after='<form action="/ita/s/"></form><iframe src="/ita/x.html"></iframe>') == []


def test_nested_articles() -> None:
    inner = "<article><p>a</p></article><iframe src=https://x></iframe>"
    assert audit(inner) == [("tag", "<iframe> in the page content")]
    assert audit("<article><article><style>p{}</style></article></article>") == [
        ("tag", "<style> in the page content")]
    # a self-closing slash does not close an article: what follows is inside it
    assert audit_html("<body><article/><p>x</p><iframe></iframe></body>") == [
        ("tag", "<iframe> in the page content")]


def test_template_and_noscript_outside_the_content() -> None:
    assert audit(after="<template><img src=x onerror=alert(1)></template>") == [
        ("attr", "<img onerror=…>")]
    assert audit(after="<template><script>alert(1)</script></template>") == [
        ("tag", "<script>alert(1)")]
    assert audit(after="<noscript><img src=x onerror=alert(1)></noscript>") == [
        ("attr", "<img onerror=…>")]
    assert audit("<noscript><iframe src=https://x></iframe></noscript>") == [
        ("tag", "<iframe> in the page content")]


def test_text_a_browser_does_not_parse_is_text() -> None:
    """Comments, <textarea> and <title> hold text, not markup: nothing to report (the
    fragment audit refuses <textarea> and <title> themselves)."""
    assert audit("<!-- <script>alert(1)</script> --><p>x</p>") == []
    assert audit(after="<textarea><script>alert(1)</script></textarea>") == []
    assert audit_fragment("<textarea><img src=x onerror=alert(1)></textarea>") == [
        ("tag", "<textarea>")]
    assert audit("<!--><script>alert(1)</script>-->") == [("tag", "<script>")]


def test_excerpt_shapes() -> None:
    long = "javascript:" + "a" * 60
    assert audit(after=f'<a href="{long}">x</a>') == [("url", f"<a href={long[:40]}>")]
    body = "alert('" + "b" * 60 + "')"
    assert audit(after=f"<script>\n  {body}\n</script>") == [("tag", f"<script>{body[:40]}")]


# --- the example council --------------------------------------------------------------------

def _local_scripts(site: Path, page_path: Path, text: str) -> set[str]:
    """The page's script srcs that name a file of the site (site URL path /ita/)."""
    out = set()
    for src in re.findall(r"<script[^>]*\ssrc=\"([^\"]*)\"", text):
        path = src.split("?")[0]
        if re.match(r"[A-Za-z][A-Za-z0-9+.-]*:|//", path):
            continue
        file = site / path[len("/ita/"):] if path.startswith("/ita/") else page_path.parent / path
        if file.resolve().is_file() and file.resolve().is_relative_to(site.resolve()):
            out.add(src)
    return out


def test_every_page_of_the_example_council_passes(example_build: Any) -> None:
    import material

    site: Path = example_build.out
    prefixes = theme_script_prefixes([Path(material.__file__).parent / "templates",
                                      *theme_layers(REPO)])
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    found, scripts = [], 0
    for path in pages:
        text = path.read_text("utf-8")
        srcs = _local_scripts(site, path, text)
        scripts += len(srcs)
        found += [(path.relative_to(site).as_posix(), f)
                  for f in audit_html(text, prefixes, srcs)]
    assert found == []
    assert scripts > 0

    # not vacuous: the same page with something unsafe in its content, or a foreign script
    text = (site / "index.html").read_text("utf-8")
    srcs = _local_scripts(site, site / "index.html", text)
    assert "<article" in text and srcs
    injected = re.sub(r"(<article[^>]*>)", r"\1<iframe src=https://x></iframe>", text, count=1)
    assert audit_html(injected, prefixes, srcs) == [("tag", "<iframe> in the page content")]
    injected = text.replace("</body>", "<script>alert(1)</script></body>")
    assert audit_html(injected, prefixes, srcs) == [("tag", "<script>alert(1)")]
    assert audit_html(text, prefixes, set()) != []
