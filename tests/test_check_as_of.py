"""`prongsai check --as-of DATE` on the example council: the as-of date only decides how much
of each period has passed (issue 13), so three dates give three different, expected results."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import REPO


def check(as_of: str) -> dict:  # type: ignore[type-arg]
    r = subprocess.run([sys.executable, "-m", "generator", "check", "--as-of", as_of,
                        "--format", "json", "-p", str(REPO)], capture_output=True, text=True,
                       timeout=300)
    assert r.returncode in (0, 1), r.stderr
    doc = json.loads(r.stdout)
    assert isinstance(doc, dict)
    return doc


def rows(doc: dict) -> list[tuple[str, str, str]]:  # type: ignore[type-arg]
    return sorted((p["severity"], p["item"] or "", p["code"]) for p in doc["problems"])


# the example's deliberate gaps that hold at any of the three dates
ALWAYS = [("error", "o13", "component-unmet"), ("error", "o14", "period-not-covering"),
          ("error", "o19", "period-both-halves"), ("error", "o20", "evidence-out-of-year")]


def test_as_of_2568_03_31_first_half_not_due_and_later_documents_warned() -> None:
    """31 Mar 2568: the first half (o11) has just ended and is due 60 days later; the
    documents dated after 31 Mar are warned about (evidence-after-as-of)."""
    doc = check("2568-03-31")
    status = {i["id"]: i["status"] for i in doc["items"]}
    assert status["o11"] == "due"
    errors = [r for r in rows(doc) if r[0] == "error"]
    assert errors == ALWAYS
    after = sorted({r[1] for r in rows(doc) if r[2] == "evidence-after-as-of"})
    assert after == ["o11", "o12", "o4", "o6"]
    assert doc["summary"]["items"]["due"] == 1


def test_as_of_2568_06_30_first_half_demanded_and_met() -> None:
    doc = check("2568-06-30")
    status = {i["id"]: i["status"] for i in doc["items"]}
    assert status["o11"] == "complete" and status["o12"] == "complete"  # Oct-Jun published
    assert [r for r in rows(doc) if r[0] == "error"] == ALWAYS
    assert sorted({r[1] for r in rows(doc) if r[2] == "evidence-after-as-of"}) == [
        "o11", "o12", "o4"]


def test_as_of_2568_10_31_the_whole_year_is_demanded() -> None:
    """31 Oct 2568: every month of 2568 has passed and is there (o12: Oct-Jul as PDFs, Aug-Sep
    as imported tables); nothing dated after that day."""
    doc = check("2568-10-31")
    status = {i["id"]: i["status"] for i in doc["items"]}
    assert status["o11"] == status["o12"] == "complete"
    errors = [r for r in rows(doc) if r[0] == "error"]
    assert errors == ALWAYS
    assert not [r for r in rows(doc) if r[0] == "warning"]
    assert doc["summary"]["items"]["due"] == 0


def test_the_three_dates_differ() -> None:
    results = [json.dumps(rows(check(d))) for d in ("2568-03-31", "2568-06-30", "2568-10-31")]
    assert len(set(results)) == 3


def test_bad_as_of_is_refused_with_the_fix() -> None:
    r = subprocess.run([sys.executable, "-m", "generator", "check", "--as-of", "31/02/2568",
                        "-p", str(REPO)], capture_output=True, text=True, timeout=300)
    assert r.returncode == 2 and "--as-of" in r.stderr and "2568-03-31" in r.stderr


@pytest.mark.parametrize("as_of,expected", [("2568-10-31", "due"), ("2568-12-15", "missing")])
def test_2569_reports_of_2568_are_due_after_the_grace(as_of: str, expected: str) -> None:
    """2569's annual reports read 2568 (catalogue `reads: previous`); a year-end report is
    dated weeks after 30 Sep (seed 002 l.11, seed 004 l.8), so it is due after the grace."""
    r = subprocess.run([sys.executable, "-m", "generator", "check", "--as-of", as_of, "--year",
                        "2569", "--format", "json", "-p", str(REPO)], capture_output=True,
                       text=True, timeout=300)
    doc = json.loads(r.stdout)
    assert {i["id"]: i["status"] for i in doc["items"]}["o7"] == expected
