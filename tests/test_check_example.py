"""`prongsai check` on the example council: every item listed, only the five deliberate gaps
flagged, the JSON valid against its schema, and any one missing item file named."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator, FormatChecker

from generator.check.report import YearReport
from generator.check.year import check_year
from generator.load.catalogue import load_year
from generator.load.project import load_project
from generator.render.reports import check_json

from .conftest import REPO, TODAY

SCHEMA = json.loads((REPO / "schemas" / "checklist.schema.json").read_text("utf-8"))
VALIDATOR = Draft202012Validator(SCHEMA, format_checker=FormatChecker())
ITEMS_2568 = [it.id for it in load_year(2568).items]
# the example's deliberate gaps (README, commit 7f9b959) and the error each one gives; 2568's
# monthly item o12 (seed 000 l.111) has no gap: the Aug-Sep months are imported tables (#18)
GAPS = {
    "o13": ("component-unmet", "problems"),  # no evidence of problems/suggestions
    "o14": ("period-not-covering", None),  # HR plan 2564-2567
    "o19": ("period-both-halves", "both_halves"),  # first half only
    "o20": ("evidence-out-of-year", None),  # a public hearing of fiscal 2567
}


def schema_errors(doc: object) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}"
            for e in VALIDATOR.iter_errors(doc)]


@pytest.fixture(scope="module")
def example_report() -> YearReport:
    return check_year(load_project(REPO), 2568, TODAY)


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)


def test_json_lists_every_item_and_flags_only_the_deliberate_gaps(
        example_report: YearReport) -> None:
    doc = json.loads(check_json([example_report]))
    assert schema_errors(doc) == []
    assert doc["fiscal_year"] == 2568 and doc["catalogue"]["items"] == 28
    assert [i["id"] for i in doc["items"]] == ITEMS_2568
    flagged = {i["id"]: i["status"] for i in doc["items"] if i["status"] != "complete"}
    assert flagged == {item: "incomplete" for item in GAPS}
    assert [(p["item"], p["code"], p["component"]) for p in doc["problems"]] == [
        (item, code, comp) for item, (code, comp) in GAPS.items()]
    assert all(p["severity"] == "error" for p in doc["problems"])
    assert doc["summary"] == {
        "items": {"complete": 24, "incomplete": 4, "missing": 0, "due": 0, "na": 0},
        "components_met": 98, "components_total": 105, "completion_percent": 93.33,
        "errors": 4, "warnings": 0}
    # each gap's problem names its file, where in it, and the value that is wrong
    by_item = {p["item"]: p for p in doc["problems"]}
    assert by_item["o14"]["file"] == "content/2568/oit/o14.md"
    assert (by_item["o14"]["line"], by_item["o14"]["path"]) == (6, "evidence[0].period")
    assert by_item["o14"]["value"] == "ปีงบประมาณ 2564–2567"
    assert by_item["o20"]["value"] == "15 สิงหาคม 2567"
    assert by_item["o19"]["value"] == "เม.ย. 2567 – ก.ย. 2567"  # 2568 reads 2567


def test_published_checklist_json_is_the_same_report(example_site: Path,
                                                      example_report: YearReport) -> None:
    published = json.loads((example_site / "2568" / "checklist.json").read_text("utf-8"))
    assert schema_errors(published) == []
    assert published == json.loads(check_json([example_report]))
    provisional = json.loads((example_site / "2569" / "checklist.json").read_text("utf-8"))
    assert schema_errors(provisional) == []
    assert provisional["catalogue"]["status"] == "provisional"


def test_all_years_json_validates_year_by_year() -> None:
    project = load_project(REPO)
    reports = [check_year(project, fy, TODAY) for fy in project.year_list]
    doc = json.loads(check_json(reports))
    assert doc["format"] == "prongsai-checklist-multi/1"
    assert [y["fiscal_year"] for y in doc["years"]] == project.year_list
    for year in doc["years"]:
        assert schema_errors(year) == []


def test_schema_refuses_what_it_should() -> None:
    doc = json.loads(check_json([check_year(load_project(REPO), 2568, TODAY)]))
    doc["items"][0]["status"] = "done"
    doc["problems"][0]["severity"] = "fatal"
    del doc["estimate"]["note"]
    doc["surprise"] = 1
    assert len(schema_errors(doc)) == 4


# --- any one item file missing ------------------------------------------------------------

@pytest.fixture(scope="module")
def example_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example council copied once; each case moves one item file away and back."""
    root = tmp_path_factory.mktemp("example") / "council"
    root.mkdir()
    shutil.copy2(REPO / "site_config.yml", root / "site_config.yml")
    shutil.copytree(REPO / "content", root / "content")
    return root


@pytest.fixture()
def without(example_copy: Path) -> Iterator[Callable[[str], Path]]:
    """Move item files away for one test; they come back afterwards."""
    moved: list[tuple[Path, Path]] = []

    def remove(item: str) -> Path:
        path = example_copy / "content" / "2568" / "oit" / f"{item}.md"
        aside = example_copy / f"{item}.md.aside"
        path.rename(aside)
        moved.append((aside, path))
        return path

    yield remove
    for aside, path in moved:
        aside.rename(path)


@pytest.fixture(scope="module")
def baseline(example_copy: Path) -> set[tuple[str | None, str]]:
    report = check_year(load_project(example_copy), 2568, TODAY)
    return {(p.item, p.code) for p in report.problems}


@pytest.mark.parametrize("item", ITEMS_2568)
def test_removing_any_item_file_names_that_item(
        item: str, example_copy: Path, without: Callable[[str], Path],
        baseline: set[tuple[str | None, str]]) -> None:
    without(item)
    report = check_year(load_project(example_copy), 2568, TODAY)
    errors = report.errors
    assert ("item-file-missing", item, f"content/2568/oit/{item}.md") in [
        (p.code, p.item, p.file) for p in errors]
    assert report.item(item).status == "missing"
    # nothing else changes: the other items' problems are the example's own gaps
    others = {(p.item, p.code) for p in report.problems if p.item != item}
    assert others == {(i, c) for i, c in baseline if i != item}


@pytest.mark.parametrize("item", ["o2", "o27"])
def test_check_cli_exits_1_and_names_the_removed_item(
        item: str, example_copy: Path, without: Callable[[str], Path]) -> None:
    without(item)
    r = subprocess.run([sys.executable, "-m", "generator", "check", "-p", str(example_copy),
                        "--format", "json"], capture_output=True, text=True, timeout=120,
                       cwd=REPO)
    assert r.returncode == 1, r.stderr
    doc = json.loads(r.stdout)
    assert schema_errors(doc) == []
    missing = [p for p in doc["problems"] if p["code"] == "item-file-missing"]
    assert [(p["item"], p["file"]) for p in missing] == [(item, f"content/2568/oit/{item}.md")]
    assert next(i for i in doc["items"] if i["id"] == item)["status"] == "missing"
