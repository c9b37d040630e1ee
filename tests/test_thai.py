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
    # as councils print them (issue 20)
    ("ประจำปีงบประมาณ พ.ศ. 2568", date(2024, 10, 1), date(2025, 9, 30)),
    ("ประจำปีงบประมาณ 2568", date(2024, 10, 1), date(2025, 9, 30)),
    ("ประจำปี พ.ศ. 2567", date(2023, 10, 1), date(2024, 9, 30)),
    ("ปีงบประมาณ พ.ศ. ๒๕๖๘", date(2024, 10, 1), date(2025, 9, 30)),
    ("พ.ศ..2568", date(2024, 10, 1), date(2025, 9, 30)),
    ("ประจำปี พ.ศ..2568", date(2024, 10, 1), date(2025, 9, 30)),
    ("(พ.ศ. 2566 - 2570)", date(2022, 10, 1), date(2027, 9, 30)),
    ("ปีงบประมาณ 2566-2570", date(2022, 10, 1), date(2027, 9, 30)),
    ("ประจำเดือนตุลาคม 2567", date(2024, 10, 1), date(2024, 10, 31)),
    ("ตั้งแต่เดือนตุลาคม 2567 ถึงเดือนมีนาคม 2568", date(2024, 10, 1), date(2025, 3, 31)),
    ("ตุลาคม ๒๕๖๗ ถึงเดือนกันยายน ๒๕๖๘", date(2024, 10, 1), date(2025, 9, 30)),
    ("วันที่ 1 ต.ค. 2567 - วันที่ 31 มี.ค. 2568", date(2024, 10, 1), date(2025, 3, 31)),
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


# --- dates and periods as councils print them (issue 20) ----------------------------------

@pytest.mark.parametrize("text,expected", [
    # weekday and "วันที่" prefixes
    ("วันพฤหัสบดีที่ 9 ธันวาคม 2567", date(2024, 12, 9)),
    ("วันที่ 7 สิงหาคม 2566", date(2023, 8, 7)),
    ("วันจันทร์ที่ ๙ ธ.ค. ๖๗", date(2024, 12, 9)),
    ("วันพฤหัสที่ 12 ธ.ค. 2567", date(2024, 12, 12)),
    ("วันศุกร์ 13 ธันวาคม 2567", date(2024, 12, 13)),
    ("ณ วันที่ 1 ตุลาคม พ.ศ. 2567", date(2024, 10, 1)),
    ("ประกาศ ณ วันที่ 25 ตุลาคม 2567", date(2024, 10, 25)),
    ("ลงวันที่ 3 มี.ค. 68", date(2025, 3, 3)),
    ("เมื่อวันที่ 15 พฤศจิกายน 2567", date(2024, 11, 15)),
    # doubled and trailing punctuation
    ("9 ธ.ค. พ.ศ..2567", date(2024, 12, 9)),
    ("9 ธ.ค.. 2567", date(2024, 12, 9)),
    ("9 ธันวาคม 2567.", date(2024, 12, 9)),
    ("9 ธันวาคม พ. ศ. 2567", date(2024, 12, 9)),
    # exported date-times: ISO 8601 counts years in the Christian era, converted
    ("2023-12-19T09:53:48", date(2023, 12, 19)),
    ("2023-12-19 09:53", date(2023, 12, 19)),
    ("2023-12-19T09:53:48.123+07:00", date(2023, 12, 19)),
    ("2023-12-19T20:53:48Z", date(2023, 12, 20)),  # 03:53 on the 20th in Thailand
    ("2566-12-19T09:53:48", date(2023, 12, 19)),  # a Buddhist-era year typed the same way
    # a Christian-era year the document itself marks as such
    ("19 ธันวาคม ค.ศ. 2023", date(2023, 12, 19)),
])
def test_dates_as_printed(text: str, expected: date) -> None:
    assert parse_date(text) == expected


def test_christian_era_without_a_time_is_still_refused() -> None:
    """Only a date-time (machine output) is converted; a date an officer typed with 2023 is
    probably a slip, refused with the fix as before."""
    with pytest.raises(DateError) as exc:
        parse_date("2023-12-19")
    assert exc.value.code == "date-era" and "2023 → 2566" in exc.value.hint
    with pytest.raises(DateError) as exc:
        parse_date("2023-13-19T09:53:48")
    assert exc.value.code == "date-invalid"


@pytest.mark.parametrize("text,weekday", [
    ("วันพฤหัสบดีที่ 9 ธันวาคม 2567", 3), ("วันพฤหัสที่ 9 ธันวาคม 2567", 3),
    ("วันจันทร์ที่ 9 ธันวาคม 2567", 0), ("วันอาทิตย์ 8 ธ.ค. 67", 6),
    ("วันที่ 9 ธันวาคม 2567", None), ("9 ธันวาคม 2567", None), ("2567-12-09", None),
])
def test_printed_weekday(text: str, weekday: int | None) -> None:
    from generator.base.thai import printed_weekday

    assert printed_weekday(text) == weekday


def test_weekday_that_contradicts_the_date_is_a_warning(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """9 Dec 2024 was a Monday: "วันพฤหัสบดีที่ 9 ธันวาคม 2567" is read as the 9th (the date
    is what documents are filed by) with the warning date-weekday naming both days."""
    from generator.base.problems import WARNING
    from generator.load.fields import Reader
    from generator.load.yamlio import load_yaml_text

    doc = load_yaml_text("a: วันพฤหัสบดีที่ 9 ธันวาคม 2567\nb: วันจันทร์ที่ 9 ธันวาคม 2567\n",
                         "x.yml")
    found: list = []  # type: ignore[type-arg]
    r = Reader(doc, found)
    assert r.when(("a",), parse_date) == date(2024, 12, 9)
    assert r.when(("b",), parse_date) == date(2024, 12, 9)
    [p] = found
    assert (p.code, p.severity, p.line, p.path) == ("date-weekday", WARNING, 1, "a")
    assert "วันพฤหัสบดี" in p.message_th and "วันจันทร์" in p.message_th
    assert "Thursday" in p.message and "Monday" in p.message
    assert "วันจันทร์" in p.fix_th
