"""The bad-input corpus (tests/badinput/, format in its README.md): every case runs through
the real CLI in-process (`check`, then `build`), must exit with its expected code, print no
traceback, report exactly its expected problems (code, file, line, YAML path, item,
component), leave content/ untouched and, when a site is built, put no unescaped markup in
it. A sample also runs as a subprocess, as an officer runs it."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner

from generator.commands.cli import cli

from .badinput.corpus import (
    PROBLEM_KEYS,
    case_names,
    load_case,
    make_project,
    problem_row,
    run_check,
)
from .conftest import page_html
from .htmlaudit import site_problems
from .speed import shared_template_cache  # noqa: F401  (fixture)
from .thai_text import english_words

CASES = case_names()
TEMPLATE_FIELD = re.compile(r"\{[a-z_]+\}")


def tree_hash(root: Path) -> str:
    """Names, symlink targets and bytes of everything under `root`."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        h.update(path.relative_to(root).as_posix().encode("utf-8", "surrogateescape") + b"\0")
        if path.is_symlink():
            h.update(b"link:" + str(path.readlink()).encode())
        elif path.is_file():
            h.update(path.read_bytes())
    return h.hexdigest()


def test_corpus_is_large_and_varied() -> None:
    assert len(CASES) >= 50
    failing = [n for n in CASES if load_case(n).exit != 0]
    assert len(failing) >= 50
    # every outcome of a build is exercised: built, built with problems, refused, unreadable
    assert {load_case(n).build for n in CASES} == {0, 1, 2, 4}
    areas = {n.split("-", 1)[0] for n in CASES}
    assert {"config", "item", "measures", "page"} <= areas


@pytest.mark.parametrize("name", CASES)
def test_case(name: str, tmp_path: Path) -> None:
    case = load_case(name)
    if any("fifo" in step for step in case.setup) and not hasattr(os, "mkfifo"):
        pytest.skip("named pipes are POSIX only")
    root = make_project(case, tmp_path)
    content_before = tree_hash(root / "content")

    out = run_check(root, case.args)
    assert out.exception is None, out.exception
    assert "Traceback" not in out.output
    rows = sorted((problem_row(p) for p in out.problems), key=lambda r: [str(x) for x in r])
    want = sorted(case.problems, key=lambda r: [str(x) for x in r])
    assert [dict(zip(PROBLEM_KEYS, r, strict=True)) for r in rows] == \
        [dict(zip(PROBLEM_KEYS, r, strict=True)) for r in want]
    assert out.exit == case.exit, out.output
    for p in out.problems:
        # the officer reads the code, where it is (as they count it), what is wrong and the
        # fix, in Thai: no English word but codes, file names, keys and commands
        assert f"[{p.code}]" in out.output
        if p.where_th:
            assert p.where_th in out.output
        assert p.message and p.fix and p.message_th and p.fix_th
        assert not TEMPLATE_FIELD.search(p.message + p.fix + p.message_th + p.fix_th), p
        assert english_words(p.message_th + " " + p.fix_th) == [], p
        assert p.file is not None
        if p.excerpt is not None:  # the line is shown (its column marked when known)
            assert f"| {p.excerpt[0]}" in out.output
    for row, text in case.thai:
        said = [" ".join((p.message_th, p.fix_th, p.where_th)) for p in out.problems
                if problem_row(p) == row]
        assert said and any(text in s for s in said), (row, text, said)
    for text in case.absent:
        assert text not in out.output

    site = tmp_path / "site"
    out = ["--out", str(site)]
    if case.site == "project":  # the project's own site/, perhaps a link to elsewhere
        site, out = root / "site", []
    result = CliRunner().invoke(cli, ["build", "--project", str(root), *out, "--quiet"])
    assert not isinstance(result.exception, Exception) or \
        isinstance(result.exception, SystemExit), result.exception
    assert "Traceback" not in result.output
    assert result.exit_code == case.build, result.output
    for text in case.absent:
        assert text not in result.output
    if case.build in (0, 4):  # built (4: with entries marked "needs attention")
        assert site_problems(site, "/ita/") == []
        for check in case.html:
            _html_check(site, check)
    elif case.site != "project":
        assert not site.exists()
    if any(s.get("symlink", {}).get("link") == "site" for s in case.setup):
        assert (root / "site").is_symlink()  # the link stays; the folder it names is replaced
    # a build leaves nothing behind: no staging or old-site folder, here or next to the
    # folder the site really is (site may be a link)
    for folder in {tmp_path, root, site.resolve().parent}:
        assert [p.name for p in folder.iterdir() if re.match(r"\..*\.(build|old|md)-", p.name)
                ] == [], folder
    assert tree_hash(root / "content") == content_before


def _html_check(site: Path, check: dict) -> None:  # type: ignore[type-arg]
    if "file" in check:  # a published file
        assert (site / check["file"]).is_file(), check
        return
    if "absent" in check:  # a file not published
        assert not (site / check["absent"]).exists(), check
        return
    page = BeautifulSoup(page_html(site / check["page"]), "html.parser")
    found = page.select(check["select"])
    if "count" in check:
        assert len(found) == check["count"], (check, found)
        return
    assert found, check
    el = found[0]
    if "attr" in check:
        assert el.get(check["attr"]) == check["equals"], (check, el)
    elif "text" in check:
        assert " ".join(el.get_text(" ").split()) == check["text"], (check, el)
    elif "contains" in check:
        assert check["contains"] in " ".join(el.get_text(" ").split()), (check, el)


SUBPROCESS_SAMPLE = ["config-yaml-syntax", "config-cp874", "item-date-ce", "item-file-dotdot",
                     "page-title-html", "measures-status-typo"]


@pytest.mark.parametrize("name", SUBPROCESS_SAMPLE)
def test_case_as_a_subprocess(name: str, tmp_path: Path) -> None:
    """As an officer runs it: exit code, the message on the terminal, no traceback."""
    case = load_case(name)
    root = make_project(case, tmp_path)
    for args, code in ((["check"], case.exit), (["build", "--quiet"], case.build)):
        r = subprocess.run([sys.executable, "-m", "generator", *args, "--project", str(root)],
                           capture_output=True, text=True, timeout=120)
        assert r.returncode == code, r.stdout + r.stderr
        assert "Traceback" not in r.stdout + r.stderr
        for row in case.problems:
            assert f"[{row[0]}]" in r.stdout + r.stderr
            assert row[1] in r.stdout + r.stderr
            if row[2]:  # the line as officers count it, in Thai
                assert f"(บรรทัด {row[2]}" in r.stdout + r.stderr
    assert (root / "site").exists() == (case.build in (0, 4))


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    """Tracebacks are for developers, with --debug only."""
    root = make_project(load_case("config-yaml-syntax"), tmp_path)
    r = subprocess.run([sys.executable, "-m", "generator", "check", "--debug", "--project",
                        str(root)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "Traceback" in r.stderr


def test_example_site_has_no_unsafe_markup(example_site: Path) -> None:
    """The example council, built once for the session: the same audit as every case."""
    assert site_problems(example_site, "/ita/") == []
    assert len(list(example_site.rglob("*.html"))) > 30
