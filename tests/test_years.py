"""Which fiscal year each rule reads, when it is due, and the grace for year-end documents.

Evidence: docs/catalogue-format.md, "Which fiscal year a rule reads: the evidence".
"""

from __future__ import annotations

from datetime import date

from generator.base.thai import Period, fiscal_period, parse_date
from generator.check.years import YearRule, belongs, covered_keys, due_stretches, stretches

REPORT_OF_LAST_YEAR = YearRule("in_year", "previous")
IN_YEAR = YearRule("in_year")


def test_annual_report_of_2567_is_what_2568_reads() -> None:
    """seed 000 l.105: o7 "รายงานผลการดำเนินงานประจำปี พ.ศ.๒๕๖๗" scored in the 2568 assessment."""
    assert REPORT_OF_LAST_YEAR.year_read(2568) == 2567
    assert belongs(REPORT_OF_LAST_YEAR, 2568, fiscal_period(2567), None)
    assert not belongs(REPORT_OF_LAST_YEAR, 2568, fiscal_period(2568), None)


def test_year_end_report_dated_in_october_belongs_to_the_year_it_reports() -> None:
    """seed 002 l.11 (o28 report of 2568 dated ๒๑ ตุลาคม ๒๕๖๘) and seed 004 l.8 (๖ ตุลาคม ๒๕๖๘)
    count as reports of 2568 for the 2569 assessment without a `period:`."""
    for text in ("๒๑ ตุลาคม ๒๕๖๘", "๖ ตุลาคม ๒๕๖๘"):
        assert belongs(REPORT_OF_LAST_YEAR, 2569, None, parse_date(text))
    # past the grace it is a document of the next year
    assert not belongs(REPORT_OF_LAST_YEAR, 2569, None, date(2026, 1, 15))
    # and a report dated in the first weeks of 2568 is 2567's, not 2568's
    assert not belongs(REPORT_OF_LAST_YEAR, 2570, None, parse_date("๒๑ ตุลาคม ๒๕๖๘"))
    assert belongs(REPORT_OF_LAST_YEAR, 2569, None, date(2025, 9, 29))  # before the year ends


def test_no_grace_for_documents_of_the_assessed_year() -> None:
    """o4 news "ที่เกิดขึ้นในปี พ.ศ. ๒๕๖๘" (seed 002 l.145): news of October 2568 is 2569's."""
    assert belongs(IN_YEAR, 2568, None, date(2025, 9, 30))
    assert not belongs(IN_YEAR, 2568, None, date(2025, 10, 5))


def test_a_report_cannot_be_demanded_before_its_year_ends() -> None:
    """as_of only decides how much of a period can have passed."""
    due, not_yet = due_stretches(REPORT_OF_LAST_YEAR, 2569, date(2025, 10, 20))
    assert due == [] and [s.key for s in not_yet] == ["year"]
    due, not_yet = due_stretches(REPORT_OF_LAST_YEAR, 2569, date(2025, 12, 1))
    assert [s.key for s in due] == ["year"] and not_yet == []


def test_halves_are_due_after_their_end_and_grace() -> None:
    """o11 (seed 002 l.158) first 6 months; o19, o22 (l.178, l.187) both halves."""
    first = YearRule("first_half")
    assert [s.key for s in due_stretches(first, 2568, date(2025, 3, 31))[1]] == ["h1"]
    assert [s.key for s in due_stretches(first, 2568, date(2025, 6, 30))[0]] == ["h1"]
    both_last = YearRule("both_halves", "previous")
    assert [s.key for s in due_stretches(both_last, 2568, date(2025, 3, 31))[0]] == ["h1", "h2"]
    assert [s.span for s in stretches(both_last, 2568)] == [
        Period(date(2023, 10, 1), date(2024, 3, 31)), Period(date(2024, 4, 1),
                                                             date(2024, 9, 30))]


def test_months_are_due_once_ended() -> None:
    monthly = YearRule("monthly")
    due, not_yet = due_stretches(monthly, 2568, date(2025, 6, 30))
    assert [s.key for s in due][-1] == "2025-06" and len(due) == 9
    assert [s.key for s in not_yet] == ["2025-07", "2025-08", "2025-09"]


def test_covered_keys_reads_months_of_periods() -> None:
    both = YearRule("both_halves")
    h1 = Period(date(2024, 10, 1), date(2025, 3, 31))
    assert covered_keys(both, 2568, [h1]) == {"h1"}


def test_plan_must_cover_the_assessed_year() -> None:
    """o5, o14, o25 "ครอบคลุมปี" (seed 002 l.149, l.167, l.196)."""
    plan = YearRule("covers_year")
    assert belongs(plan, 2568, Period(date(2022, 10, 1), date(2027, 9, 30)), None)
    assert not belongs(plan, 2568, Period(date(2020, 10, 1), date(2024, 9, 30)), None)
