"""Property-based tests (hypothesis) of the loaders and renderers: arbitrary text in any field
never crashes with a traceback (only InputError, which the CLI prints) and never comes out
as markup. Example counts are modest so that the suite stays fast."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.base.markup import (
    CONTROL,
    md_escape,
    mkdocs_text,
    render_markdown,
    sanitize_markdown,
)
from generator.base.problems import InputError
from generator.check.year import check_year
from generator.engine.mkdocs import effective_config, template_dirs
from generator.load.project import load_project
from generator.load.yamlio import load_markdown_file, load_yaml_text
from generator.render.pages import render_site

from .conftest import MINI, TODAY
from .htmlaudit import bad_url

# pieces that break parsers, escape contexts or try to inject markup
NASTY = ["<script>alert(1)</script>", "<script>", "</script>", "<img src=x onerror=alert(1)>",
         "<img src=x onerror=alert(1)", "javascript:alert(1)", "JaVaScRiPt:", "data:text/html,",
         "[x](javascript:alert(1))", "[x](", "](", ")", "![i](data:image/svg+xml,x)",
         "{: onclick=\"alert(1)\" }", "{#id}", "|", "||", "\n", "\n\n", "\r\n", "\t", "    ",
         "*", "**", "_", "`", "```", "~~~", "<", ">", "&", "&lt;", "&#x3C;", "&#106;", "\"",
         "'", "<!--", "-->", "\\", "#", "# ", "- ", "1. ", "> ", "!!! note", "???", "---",
         "<a href=\"javascript:alert(1)\">", "<svg onload=alert(1)>", "<iframe src=x>",
         "<b>", "</b>", "<b class=x>", "<https://example.org>", "<javascript:alert(1)>",
         "<a@b.co>", "[r]: javascript:alert(1)", "[t][r]", "<div markdown=\"1\">", "</div>",
         "ก", "๑๒", "ข้อ", " ", "\u00a0", "\u200b", "\u2028", "\x0b", "%", "{{", "}}", "{%",
         "::", ":", "=", "\"><script>alert(1)</script>", "' onmouseover='alert(1)"]
nasty_text = st.lists(st.sampled_from(NASTY) | st.text(max_size=4), max_size=10).map("".join)
any_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
text = st.one_of(nasty_text, any_text)

MARKUP_TAGS = {"p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "a", "em", "strong",
               "code", "pre", "blockquote", "hr", "br", "table", "thead", "tbody", "tr", "th",
               "td", "div", "details", "summary", "span", "b", "i", "u", "s", "sub", "sup",
               "mark", "small", "abbr", "kbd", "del", "ins", "dl", "dt", "dd"}
FAST = settings(max_examples=60, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])
SLOW = settings(max_examples=25, deadline=None,
                suppress_health_check=[HealthCheck.function_scoped_fixture,
                                       HealthCheck.too_slow])


def injected(fragment_html: str, allowed_tags: set[str]) -> list[str]:
    """Elements, event handlers and URLs in HTML that no text may produce."""
    soup = BeautifulSoup(fragment_html, "html.parser")
    out = []
    for el in soup.find_all(True):
        if el.name not in allowed_tags:
            out.append(f"<{el.name}>")
        for name, value in el.attrs.items():
            values = value if isinstance(value, list) else [value]
            if name.lower().startswith("on"):
                out.append(f"<{el.name} {name}>")
            if name.lower() in ("href", "src", "action", "formaction", "xlink:href") and \
                    any(bad_url(v) for v in values):
                out.append(f"<{el.name} {name}={values}>")
    return out


# --- loaders ---------------------------------------------------------------------------------

@FAST
@given(st.one_of(text, st.text(max_size=200)))
def test_yaml_loader_never_crashes(source: str) -> None:
    try:
        doc = load_yaml_text(source, "x.yml")
    except InputError as exc:
        assert exc.problems and all(p.file == "x.yml" for p in exc.problems)
        return
    for p in doc.problems:
        assert p.file == "x.yml" and p.line is not None


@FAST
@given(st.binary(max_size=300))
def test_any_bytes_as_an_item_file(tmp_path: Path, raw: bytes) -> None:
    path = tmp_path / "o1.md"
    path.write_bytes(b"---\n" + raw)
    try:
        md = load_markdown_file(path, "content/2568/oit/o1.md")
    except InputError as exc:
        assert all(p.file == "content/2568/oit/o1.md" for p in exc.problems)
        return
    assert isinstance(md.body, str)


# --- Markdown: officers' text and escaped data -----------------------------------------------

@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(NASTY) | st.text(max_size=6), max_size=25).map("".join))
def test_officers_markdown_never_renders_markup(body: str) -> None:
    safe, findings = sanitize_markdown(body, 5)
    assert injected(render_markdown(safe), MARKUP_TAGS | {"img"}) == []
    assert all(f.line >= 5 for f in findings)


@settings(max_examples=200, deadline=None)
@given(text)
def test_md_escape_shows_text_as_typed(value: str) -> None:
    rendered = render_markdown(md_escape(value))
    soup = BeautifulSoup(rendered, "html.parser")
    assert injected(rendered, {"p"}) == []
    assert " ".join(soup.get_text().split()) == " ".join(CONTROL.sub("", value).split())


@settings(max_examples=200, deadline=None)
@given(text)
def test_mkdocs_text_has_no_markup_characters(value: str) -> None:
    out = mkdocs_text(value)
    assert not set(out) & set("<>\"'")
    if "&" not in value:  # `&` is left as typed: an entity in text cannot make markup
        assert " ".join(BeautifulSoup(out, "html.parser").get_text().split()) == \
            " ".join(CONTROL.sub("", value).split())


# --- a whole project: load → check → render → Markdown to HTML --------------------------------

@pytest.fixture(scope="module")
def project_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("props") / "mini"
    shutil.copytree(MINI, dest)
    return dest


def _markdown_converter(root: Path) -> markdown.Markdown:
    """Python-Markdown with the extensions of the effective mkdocs.yml."""
    project = load_project(root)
    conf = effective_config(project.config, [], root, root, root, [])
    names, configs = [], {}
    for ext in conf["markdown_extensions"]:
        if isinstance(ext, dict):
            [(name, cfg)] = ext.items()
            names.append(name)
            configs[name] = cfg or {}
        else:
            names.append(ext)
    return markdown.Markdown(extensions=names, extension_configs=configs)


evidence = st.fixed_dictionaries(
    {"title": text,
     "components": st.one_of(st.lists(st.sampled_from(["plan", "x", "fiscal_year"]),
                                      max_size=2), text)},
    optional={"url": st.one_of(text, st.sampled_from(["https://example.org/a?b=1&c=<d>",
                                                     "javascript:alert(1)", "data:,x",
                                                     "https://x.org/\"onmouseover=1"])),
              "file": st.one_of(text, st.just("files/plan.pdf")),
              "date": st.one_of(text, st.just("2598-10-01"), st.just("๑ ต.ค. ๒๕๙๘")),
              "period": st.one_of(text, st.just("2597-2601")),
              "note": text})
front_matter = st.fixed_dictionaries(
    {"evidence": st.lists(evidence, min_size=1, max_size=3)},
    optional={"unit": text, "note": text, "updated": text})


@SLOW
@given(front_matter, text)
def test_arbitrary_item_never_crashes_nor_injects_markup(project_dir: Path,
                                                         meta: dict[str, Any],
                                                         body: str) -> None:
    o7 = project_dir / "content" / "2599" / "oit" / "o7.md"
    o7.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body,
                  "utf-8")
    try:
        project = load_project(project_dir)
    except InputError:
        return  # reported with file and line, as the YAML-loader test checks
    reports = {fy: check_year(project, fy, TODAY) for fy in project.year_list}
    rendered = render_site(project, reports, template_dirs(project_dir), date(2055, 12, 15))
    md = _markdown_converter(project_dir)
    page = md.reset().convert(rendered.pages["2599/oit/o7.md"])
    allowed = MARKUP_TAGS | {"img", "figure", "figcaption", "dl", "section", "nav", "svg",
                             "path", "rect", "g", "title", "desc", "caption", "colgroup",
                             "col", "meter", "progress", "time"}
    assert injected(page, allowed) == []
    soup = BeautifulSoup(page, "html.parser")
    for el in soup.find_all(["svg", "img"]):  # only the templates' own
        assert not el.find_parent(class_="pg-evidence"), el
    shown = " ".join(soup.get_text(" ").split())
    item = project.year(2599).items.get("o7")
    if item is None:  # unreadable (e.g. a NUL byte): reported, with the file
        assert any(p.file == "content/2599/oit/o7.md" for p in project.problems)
    else:
        for ev in item.evidence:
            assert " ".join(ev.title.split()) in shown
    for page_path, source in rendered.pages.items():
        assert injected(md.reset().convert(source), allowed) == [], page_path


@settings(max_examples=4, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.one_of(nasty_text, st.sampled_from(["\"><script>alert(1)</script>",
                                              "x\" onmouseover=\"alert(1)", "a & b < c"])),
       nasty_text)
def test_names_and_titles_in_mkdocs_templates(tmp_path_factory: pytest.TempPathFactory,
                                              name: str, page_title: str) -> None:
    """The council name and page titles reach Material's own templates (header, nav,
    <title>, attributes): a real MkDocs build, audited."""
    from generator.base.problems import BuildRefused
    from generator.commands.build import build

    from .htmlaudit import site_problems

    root = tmp_path_factory.mktemp("names") / "mini"
    shutil.copytree(MINI, root)
    cfg = yaml.safe_load((root / "site_config.yml").read_text("utf-8"))
    cfg["council"]["short_th"] = name or "x"
    (root / "site_config.yml").write_text(yaml.safe_dump(cfg, allow_unicode=True), "utf-8")
    (root / "content" / "pages").mkdir()
    (root / "content" / "pages" / "about.md").write_text(
        "---\n" + yaml.safe_dump({"title": page_title or "x"}, allow_unicode=True) +
        "---\nข้อความ\n", "utf-8")
    try:
        result = build(root, root.parent / "site", today=TODAY)
    except (BuildRefused, InputError) as exc:  # e.g. an HTML tag in a title: text-html
        assert exc.problems
        return
    assert site_problems(result.out, "/ita/") == []


def _render_all(root: Path) -> list[str]:
    """Load, check and render a project; every page converted to HTML (InputError passes)."""
    project = load_project(root)
    reports = {fy: check_year(project, fy, TODAY) for fy in project.year_list}
    rendered = render_site(project, reports, template_dirs(root), date(2055, 12, 15))
    md = _markdown_converter(root)
    return [md.reset().convert(source) for source in rendered.pages.values()]


PAGE_TAGS = MARKUP_TAGS | {"img", "figure", "figcaption", "section", "nav", "svg", "path",
                           "rect", "g", "title", "desc", "caption", "colgroup", "col",
                           "meter", "progress", "time"}


@SLOW
@given(st.fixed_dictionaries({
    "name_th": text, "short_th": text, "address": text, "fax": text, "email": text,
    "website": text, "phones": st.lists(text, max_size=2)}),
    st.fixed_dictionaries({
        "name": text, "position": text, "phone": text, "email": text, "contact": text,
        "photo": st.one_of(text, st.just("files/person.png"))}))
def test_arbitrary_council_and_executive(project_dir: Path, council: dict[str, Any],
                                         executive: dict[str, Any]) -> None:
    source = yaml.safe_load((MINI / "site_config.yml").read_text("utf-8"))
    source["council"].update(council)
    source["executives"][0].update(executive)
    (project_dir / "site_config.yml").write_text(yaml.safe_dump(source, allow_unicode=True),
                                                 "utf-8")
    shutil.copyfile(MINI / "content/2599/oit/o7.md", project_dir / "content/2599/oit/o7.md")
    try:
        pages = _render_all(project_dir)
    except InputError as exc:
        assert all(p.file for p in exc.problems)
        return
    for page in pages:
        assert injected(page, PAGE_TAGS) == []


@pytest.fixture(scope="module")
def measures_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from .badinput.corpus import BASE

    dest = tmp_path_factory.mktemp("props") / "base"
    shutil.copytree(BASE, dest)
    catalogue = dest / "catalogue.yml"
    catalogue.write_text(catalogue.read_text("utf-8").replace(
        "    title: รายงานผลการดำเนินการตามมาตรการ\n",
        "    title: รายงานผลการดำเนินการตามมาตรการ\n    document: progress\n"), "utf-8")
    return dest


progress = st.fixed_dictionaries({
    "status": st.one_of(text, st.just("done")), "output": text, "outcome": text,
    "evidence": st.lists(st.fixed_dictionaries({"title": text}, optional={
        "url": st.one_of(text, st.just("javascript:alert(1)")), "file": text}), max_size=2)},
    optional={"date": st.one_of(text, st.just("2568-03-31"))})
measure = st.fixed_dictionaries({
    "title": text, "analysis": text, "refs": st.lists(text, max_size=2), "period": text,
    "steps": st.lists(text, min_size=1, max_size=2), "units": st.lists(text, max_size=2),
    "follow_up": text, "progress": st.fixed_dictionaries({"6m": progress},
                                                         optional={"12m": progress})},
    optional={"id": text})


@SLOW
@given(st.fixed_dictionaries({"measures": st.lists(measure, min_size=1, max_size=2)},
                             optional={"weaknesses": st.lists(st.fixed_dictionaries(
                                 {"text": text}, optional={"refs": st.lists(text, max_size=2)}),
                                 max_size=2), "based_on": text}))
def test_arbitrary_measures(measures_dir: Path, data: dict[str, Any]) -> None:
    (measures_dir / "content/2568/measures.yml").write_text(
        yaml.safe_dump(data, allow_unicode=True), "utf-8")
    try:
        pages = _render_all(measures_dir)
    except InputError as exc:
        assert all(p.file for p in exc.problems)
        return
    for page in pages:
        assert injected(page, PAGE_TAGS) == []


def _compact_reference(text: str) -> str:
    """engine.compact_html's definition, as plain regular expressions."""
    import re

    parts = re.split(r"(<(pre|textarea|script|style)\b.*?</\2>)", text, flags=re.S | re.I)
    out = []
    for i, part in enumerate(parts):
        if i % 3 == 0:
            part = re.sub(r"[ \t]*\n\s*", "\n", part)
            part = re.sub(r"[ \t]{2,}", " ", part)
        if i % 3 != 2:
            out.append(part)
    return "".join(out)


SPACES = [" ", "  ", "\t", "\n", "\n\n", " \n ", "\r\n", "\x0b", "\x0c", "\u00a0", "\u3000",
          "\u2028", "\u200b", "\x1c", "\x85"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from([*SPACES, "a", "ก", "<p>", "</p>", "<pre>", "</pre>",
                                 "<script>", "</script>", "<STYLE>", "</style>", "x  y"]),
                max_size=40))
def test_compact_html_is_its_definition(pieces: list[str]) -> None:
    from generator.engine.mkdocs import compact_html

    text = "".join(pieces)
    assert compact_html(text) == _compact_reference(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=30) |
       st.sampled_from(["𐀀", "\U0010ffff x", "\x85", "\u2028", "\ufeff", "---", "a: b"]))
def test_front_matter_title_reads_back_exactly(title: str) -> None:
    """page.md.j2 writes a free page's title into front matter with `yaml_str`: MkDocs'
    front-matter reader gets exactly that title back (a title beyond U+FFFF once broke the
    front matter, and MkDocs published it as page text)."""
    from mkdocs.utils.meta import get_data

    from generator.render.pages import yaml_str

    body, meta = get_data(f"---\ntitle: {yaml_str(title)}\n---\n\ntext\n")
    assert meta == {"title": title} and body.strip() == "text"


def _link_tree(base: Path) -> Path:
    """content/ with files, folders, links inside and out, a link loop and a dangling link."""
    root = base / "content"
    (root / "a" / "b").mkdir(parents=True)
    (root / "a" / "b" / "f.pdf").write_bytes(b"%PDF")
    (root / "g.pdf").write_bytes(b"%PDF")
    (base / "outside").mkdir()
    (base / "outside" / "x.pdf").write_bytes(b"%PDF")
    (root / "in").symlink_to(root / "a")
    (root / "rel").symlink_to("a/b")
    (root / "out").symlink_to(base / "outside")
    (root / "loop").symlink_to(root / "loop")
    (root / "dangling").symlink_to(base / "nowhere")
    (root / "a" / "up").symlink_to("..")
    return root


@pytest.fixture(scope="module")
def link_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _link_tree(tmp_path_factory.mktemp("links"))


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "f.pdf", "g.pdf", "in", "rel", "out", "loop",
                                 "dangling", "up", "x.pdf", "missing", "."]),
                min_size=1, max_size=5))
def test_content_paths_resolve_as_realpath(link_tree: Path, names: list[str]) -> None:
    """files._real_under (lstat below content/ only) agrees with os.path.realpath."""
    import os

    from generator.load.files import _real_under

    root = os.path.realpath(link_tree)
    parts = Path(*names).parts
    assert _real_under(root, parts) == os.path.realpath(os.path.join(root, *parts))
