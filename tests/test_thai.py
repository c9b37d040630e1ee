from datetime import date

import pytest

from generator.base.thai import (
    DateError,
    Period,
    fiscal_period,
    format_date,
    format_period,
    parse_date,
    parse_number,
    parse_period,
    to_thai_digits,
)


@pytest.mark.parametrize("text", ["2568-10-21", "21/10/2568", "21 ตุลาคม 2568", "๒๑ ตุลาคม ๒๕๖๘",
                                  "21 ต.ค. 2568", "๒๑ ต.ค. ๖๘", "21 ต.ค. พ.ศ. 2568", "21ต.ค.68"])
def test_parse_date_forms(text: str) -> None:
    assert parse_date(text) == date(2025, 10, 21)


def test_christian_era_is_refused_with_the_fix() -> None:
    with pytest.raises(DateError) as exc:
        parse_date("2025-10-21")
    assert exc.value.code == "date-era"
    assert "2025 → 2568" in exc.value.hint


@pytest.mark.parametrize("text", ["2568-02-30", "31/04/2568", "hello", "2568-13-01"])
def test_impossible_dates(text: str) -> None:
    with pytest.raises(DateError) as exc:
        parse_date(text)
    assert exc.value.code == "date-invalid"


def test_format_date_styles() -> None:
    d = date(2025, 10, 21)
    assert format_date(d, "long") == "21 ตุลาคม 2568"
    assert format_date(d, "short") == "21 ต.ค. 2568"
    assert format_date(d, "long", thai_digits=True) == "๒๑ ตุลาคม ๒๕๖๘"


def test_fiscal_year_bounds() -> None:
    assert fiscal_period(2568) == Period(date(2024, 10, 1), date(2025, 9, 30))


@pytest.mark.parametrize("text,start,end", [
    ("2566-2570", date(2022, 10, 1), date(2027, 9, 30)),
    ("2568", date(2024, 10, 1), date(2025, 9, 30)),
    ("2567-10", date(2024, 10, 1), date(2024, 10, 31)),
    ("ต.ค. 2567 - มี.ค. 2568", date(2024, 10, 1), date(2025, 3, 31)),
    ("2567-10 ถึง 2568-03", date(2024, 10, 1), date(2025, 3, 31)),
    ("๒๕๖๗-๑๐..๒๕๖๘-๐๓", date(2024, 10, 1), date(2025, 3, 31)),
])
def test_parse_period(text: str, start: date, end: date) -> None:
    assert parse_period(text) == Period(start, end)


def test_period_formats_and_months() -> None:
    assert format_period(parse_period("2566-2570")) == "ปีงบประมาณ 2566–2570"
    assert format_period(parse_period("2567-10 ถึง 2568-03")) == "ต.ค. 2567 – มี.ค. 2568"
    assert len(parse_period("2568").months()) == 12


def test_period_errors() -> None:
    with pytest.raises(DateError) as exc:
        parse_period("2570-2566")
    assert exc.value.code == "period-invalid"
    with pytest.raises(DateError) as exc:
        parse_period("2024-2025")
    assert exc.value.code == "date-era"


def test_numbers() -> None:
    assert parse_number("๙๗.๑๘") == 97.18
    assert parse_number("1,234.50") == 1234.5
    with pytest.raises(ValueError):
        parse_number("97,18")
    assert to_thai_digits("2568") == "๒๕๖๘"
