"""When the build refuses (README): the site would be unsafe, or site_config.yml is
unreadable or ambiguous; an entry or file it cannot understand is published marked and the
build exits 4; `--strict` refuses that too. One declaration per kind (base/kinds.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from generator.base.kinds import KINDS, MARK, NONE, REFUSE, build_effect
from generator.base.problems import problem
from generator.commands.build import attention_problems, blocking_problems
from generator.commands.cli import cli
from generator.load.config import CONFIG_NAME

# what makes the published site unsafe, or leaves nothing to build from
UNSAFE = ("file-outside-content", "file-type-unsafe", "url-scheme", "markdown-link-scheme",
          "text-html")
UNREADABLE_SITE = ("catalogue-invalid", "catalogue-missing", "config-missing")
# what an entry or one file can get wrong without touching the rest
IN_ONE_ENTRY = ("date-invalid", "date-era", "period-invalid", "component-unknown",
                "file-missing", "file-empty", "url-malformed", "url-local", "yaml-syntax",
                "yaml-duplicate-key", "field-unknown", "item-unknown", "item-duplicate",
                "evidence-no-source", "evidence-no-components", "evidence-date-missing")


def test_the_config_file_name_is_the_loaders() -> None:
    from generator.base.kinds import CONFIG_FILE

    assert CONFIG_FILE == CONFIG_NAME


@pytest.mark.parametrize("code", UNSAFE + UNREADABLE_SITE)
def test_unsafe_or_unreadable_site_refuses(code: str) -> None:
    assert KINDS[code].blocks == REFUSE
    assert build_effect(code, "error", "content/2568/oit/o5.md") == REFUSE


@pytest.mark.parametrize("code", IN_ONE_ENTRY)
def test_a_problem_in_one_entry_marks_it(code: str) -> None:
    assert build_effect(code, "error", "content/2568/oit/o5.md") == MARK


@pytest.mark.parametrize("code", ["yaml-syntax", "yaml-duplicate-key", "field-unknown",
                                  "field-type", "field-value", "encoding"])
def test_the_same_kind_in_site_config_refuses(code: str) -> None:
    """site_config.yml says what the site is: unreadable or ambiguous there, nothing builds."""
    assert build_effect(code, "error", CONFIG_NAME) == REFUSE


def test_completeness_and_warnings_never_stop_or_mark() -> None:
    for code in ("component-unmet", "item-file-missing", "evidence-out-of-year",
                 "contact-incomplete", "executives-missing", "period-months-missing"):
        assert KINDS[code].blocks == NONE
    # a file missing for an executive's photo (site_config.yml) marks, it does not refuse
    assert build_effect("file-missing", "error", CONFIG_NAME) == MARK
    for k in KINDS.values():
        if k.severity == "warning":
            assert build_effect(k.code, "warning", CONFIG_NAME) == NONE


def test_strict_turns_marks_into_refusals() -> None:
    marked = problem("date-invalid", file="content/2568/oit/o5.md", value="x", reason="",
                     hint="")
    unsafe = problem("url-scheme", file="content/2568/oit/o5.md", value="javascript:x",
                     scheme="javascript")
    unmet = problem("component-unmet", file="content/2568/oit/o5.md", title="", component="c",
                    expected_file="")
    found = [marked, unsafe, unmet]
    assert blocking_problems(found) == [unsafe]
    assert blocking_problems(found, strict=True) == [marked, unsafe]
    assert attention_problems(found) == [marked]
    assert marked.as_dict()["build"] == "mark" and unmet.as_dict()["build"] == "none"


def test_strict_build_of_a_clean_project(mini_project: Path) -> None:
    r = CliRunner().invoke(cli, ["build", "--project", str(mini_project), "--strict", "-q"])
    assert r.exit_code == 0, r.output
    assert (mini_project / "site" / "index.html").is_file()
