"""Material files that no page loads are not published (engine.unused_theme_files): what
the site needs is all there, and nothing a configured search language needs is left out."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from material.plugins.search.plugin import SearchPlugin

from generator.engine.mkdocs import unused_theme_files


def search_plugin(lang: list[str]) -> SearchPlugin:
    plugin = SearchPlugin()
    plugin.config = SimpleNamespace(lang=lang)  # what on_config leaves there
    return plugin


def config(langs: list[str] | None, palette: Any = None) -> Any:
    plugins = {"material/search": search_plugin(langs)} if langs is not None else {}
    return SimpleNamespace(plugins=plugins, theme={"palette": palette} if palette else {})


MATERIAL = ["assets/javascripts/bundle.a5f9d56c.min.js",
            "assets/javascripts/bundle.a5f9d56c.min.js.map",
            "assets/javascripts/workers/search.a7633da7.min.js",
            "assets/javascripts/workers/search.a7633da7.min.js.map",
            "assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/wordcut.js",
            "assets/javascripts/lunr/min/lunr.th.min.js",
            "assets/javascripts/lunr/min/lunr.ja.min.js",
            "assets/javascripts/lunr/min/lunr.de.min.js",
            "assets/javascripts/lunr/min/lunr.multi.min.js",
            "assets/javascripts/lunr/min/lunr.stemmer.support.min.js",
            "assets/stylesheets/main.57a0d79d.min.css",
            "assets/stylesheets/main.57a0d79d.min.css.map",
            "assets/stylesheets/palette.fb2fffe2.min.css", "assets/images/favicon.png",
            "2568/oit/o1.md", "files/report.js.map"]


def kept(cfg: Any) -> list[str]:
    unused = unused_theme_files(cfg)
    return [f.rsplit("/", 1)[-1] for f in MATERIAL if not unused(f)]


@pytest.mark.parametrize("langs", [["en"], None])
def test_english_search_loads_no_lunr_language(langs: list[str] | None) -> None:
    assert kept(config(langs)) == ["bundle.a5f9d56c.min.js", "search.a7633da7.min.js",
                                   "main.57a0d79d.min.css", "favicon.png", "o1.md",
                                   "report.js.map"]


def test_other_search_languages_keep_what_the_worker_loads() -> None:
    names = kept(config(["en", "th"]))
    assert {"wordcut.js", "lunr.th.min.js", "lunr.multi.min.js",
            "lunr.stemmer.support.min.js"} <= set(names)
    assert not {"tinyseg.js", "lunr.ja.min.js", "lunr.de.min.js"} & set(names)
    names = kept(config(["ja"]))
    assert {"tinyseg.js", "lunr.ja.min.js", "lunr.stemmer.support.min.js"} <= set(names)
    assert "lunr.multi.min.js" not in names


def test_palette_only_with_a_palette() -> None:
    assert "palette.fb2fffe2.min.css" not in kept(config(["en"]))
    assert "palette.fb2fffe2.min.css" in kept(config(["en"], palette={"primary": "teal"}))


def test_what_pages_load_is_published(example_site: Path) -> None:
    """Every stylesheet, script and worker the pages and scripts name is in the site, and
    no source map or lunr language file is."""
    assets = {p.relative_to(example_site).as_posix()
              for p in (example_site / "assets").rglob("*") if p.is_file()}
    assert not [a for a in assets if a.endswith(".map") or "/lunr/" in a]
    named: set[str] = set()
    for page in ["index.html", "2568/oit/o13/index.html", "404.html"]:
        html = (example_site / page).read_text("utf-8")
        named |= {re.sub(r"^(\.\./)+", "", m) for m in
                  re.findall(r'(?:href|src)="((?:\.\./)*assets/[^"?#]+)', html)}
    worker = (example_site / "assets/javascripts/workers/prongsai-search.js").read_text()
    named |= {f"assets/javascripts/workers/{m}" for m in re.findall(r'importScripts\("([^"]+)"',
                                                                     worker)}
    assert named and named <= assets, named - assets
