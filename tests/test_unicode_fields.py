"""No input crashes (issue 19): every text field of every file an officer edits, given
hypothesis-generated Unicode — lone surrogates (as YAML escapes, the only way a UTF-8 file
carries one), control characters, noncharacters, astral characters, bidi and zero-width
marks — either builds a site that passes the safety audit or is refused with problems
that each name a file (and a line where the file has lines); never a traceback, never an
exit code other than 0, 1 or 2. The Markdown texts get the same characters raw (a lone
surrogate there makes the file invalid UTF-8: a located encoding error)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
import yaml
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.commands.cli import cli

from .badinput.corpus import BASE, run_check
from .htmlaudit import site_problems

# (file, YAML path) of every text field; a path ending in a list index is one element
FIELDS: list[tuple[str, tuple[Any, ...]]] = [
    *[("site_config.yml", ("council", k)) for k in (
        "name_th", "name_en", "short_th", "type", "subdistrict", "district", "province",
        "address", "fax", "email", "website", "logo")],
    ("site_config.yml", ("council", "phones", 0)),
    ("site_config.yml", ("council", "map", "lat")),
    ("site_config.yml", ("council", "map", "url")),
    *[("site_config.yml", ("executives", 0, k)) for k in (
        "name", "position", "photo", "phone", "email", "contact")],
    ("site_config.yml", ("current_year",)),
    ("site_config.yml", ("eit_survey_url",)),
    ("site_config.yml", ("years", 2568, "eit_survey_url")),
    *[("site_config.yml", ("site", k)) for k in ("url", "date_format", "as_of", "search")],
    *[("content/2568/oit/o1.md", ("evidence", 0, k)) for k in (
        "title", "date", "file", "note")],
    ("content/2568/oit/o1.md", ("evidence", 0, "components", 0)),
    ("content/2568/oit/o1.md", ("unit",)),
    ("content/2568/oit/o1.md", ("note",)),
    ("content/2568/oit/o1.md", ("updated",)),
    ("content/2568/oit/o1.md", ("not_applicable",)),
    *[("content/2568/oit/o5.md", ("evidence", 0, k)) for k in ("period", "url")],
    ("content/pages/about.md", ("title",)),
    ("content/pages/about.md", ("order",)),
    *[("content/2568/measures.yml", ("measures", 0, k)) for k in (
        "title", "analysis", "period", "follow_up")],
    ("content/2568/measures.yml", ("measures", 0, "steps", 0)),
    ("content/2568/measures.yml", ("weaknesses", 0, "text")),
]
BODIES = ["content/2568/oit/o1.md", "content/pages/about.md"]  # Markdown below the YAML

# every code point: surrogates (Cs), controls (Cc), unassigned, private use …
any_char = st.characters(codec=None, exclude_categories=())
nasty = st.sampled_from(["\ud800", "\udfff", "\ud83d\ude00", "\x00", "\x1b[31m", "\u202e",
                         "\u200b", "\ufeff", "\ufffe", "\U0010ffff", "\x85", "\u2028", "\r",
                         "\t", "\\", '"', "<script>", "{{", "%", "- ", "#", "---", "&#0;"])
value = st.lists(st.one_of(any_char, nasty), max_size=12).map("".join)


def _set(doc: Any, path: tuple[Any, ...], text: str) -> None:
    for key in path[:-1]:
        doc = doc[key]
    doc[path[-1]] = text


def _write_yaml(path: Path, data: Any, front_matter: bool) -> None:
    """Write `data` as JSON (which is YAML) with every non-ASCII character escaped (\\ud800
    for a lone surrogate), which YAML reads back as those code points."""
    text = json.dumps(data, ensure_ascii=True, indent=2, default=str) + "\n"
    if front_matter:
        old = path.read_text("utf-8")
        body = old.split("---\n", 2)[2] if old.startswith("---\n") else old
        text = f"---\n{text}---\n{body}"
    path.write_text(text, "utf-8")


def _load(path: Path, front_matter: bool) -> Any:
    text = path.read_text("utf-8")
    return yaml.safe_load(text.split("---\n", 2)[1] if front_matter else text) or {}


@pytest.fixture()
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASE, root)
    return root


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.tuples(st.sampled_from(FIELDS), value), min_size=1, max_size=3),
       st.lists(st.tuples(st.sampled_from(BODIES), value), max_size=1))
def test_any_text_in_any_field(tmp_path_factory: pytest.TempPathFactory,
                               fields: list[tuple[tuple[str, tuple[Any, ...]], str]],
                               bodies: list[tuple[str, str]]) -> None:
    root = tmp_path_factory.mktemp("unicode") / "project"
    shutil.copytree(BASE, root)
    by_file: dict[str, Any] = {}
    for (rel, path), text in fields:
        fm = rel.endswith(".md")
        data = by_file.setdefault(rel, _load(root / rel, fm))
        _set(data, path, text)
    for rel, data in by_file.items():
        _write_yaml(root / rel, data, rel.endswith(".md"))
    for rel, text in bodies:
        path = root / rel
        head = path.read_text("utf-8").split("---\n", 2)
        path.write_bytes(("---\n".join(head[:2]) + "---\n" + text).encode(
            "utf-8", "surrogatepass"))

    out = run_check(root, ("check", "--all-years"))
    assert out.exception is None, out.exception
    assert out.exit in (0, 1, 2) and "Traceback" not in out.output
    for p in out.problems:
        assert p.file, p
        assert p.message and p.fix and p.message_th and p.fix_th
    site = root.parent / "site"
    result = CliRunner().invoke(cli, ["build", "--project", str(root), "--out", str(site),
                                      "--quiet"])
    # 4: built with the entries it could not use marked (README "When the build refuses")
    assert result.exit_code in (0, 1, 2, 4), (result.exit_code, result.output, result.exception)
    assert "Traceback" not in result.output
    if result.exit_code in (0, 4):
        from generator.load.config import load_config

        base = urlsplit(load_config(root)[0].site.url).path or "/"  # the 404 page's links
        assert site_problems(site, base) == []
        for page in site.rglob("*.html"):  # every page is valid UTF-8 text
            page.read_text("utf-8")
    else:
        assert not site.exists()
