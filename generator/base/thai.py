"""Thai text: digits, Buddhist Era dates, fiscal years and periods typed by officers."""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from generator.base.say import Say

BE_OFFSET = 543
THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙"
_TO_ARABIC = str.maketrans(THAI_DIGITS, "0123456789")
_TO_THAI = str.maketrans("0123456789", THAI_DIGITS)

MONTHS_LONG = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                "ต.ค.", "พ.ย.", "ธ.ค."]


def to_arabic(text: str) -> str:
    """Replace Thai digits with Arabic ones."""
    return text.translate(_TO_ARABIC)


def to_thai_digits(text: str) -> str:
    return text.translate(_TO_THAI)


def parse_number(text: object) -> float:
    """Parse a number typed with Arabic or Thai digits (``๙๗.๑๘``, ``97,18`` is refused)."""
    if isinstance(text, bool):
        raise ValueError(f"expected a number, got {text!r}")
    if isinstance(text, (int, float)):
        return float(text)
    s = to_arabic(str(text)).strip()
    if re.fullmatch(r"[+-]?\d{1,3}(,\d{3})+(\.\d+)?", s):  # thousands separators: 1,234.50
        s = s.replace(",", "")
    if not re.fullmatch(r"[+-]?\d+(\.\d+)?", s):
        raise ValueError(f"expected a number such as 97.18 or ๙๗.๑๘, got {text!r}")
    return float(s)


def parse_int(text: object) -> int:
    s = to_arabic(str(text)).strip()
    if not re.fullmatch(r"[+-]?\d+", s):
        raise ValueError(f"expected a whole number, got {text!r}")
    return int(s)


# --- fiscal years -------------------------------------------------------------------------

def fiscal_year_start(fy: int) -> date:
    """First day of Buddhist-Era fiscal year `fy` (1 October of the previous year)."""
    return date(fy - BE_OFFSET - 1, 10, 1)


def fiscal_year_end(fy: int) -> date:
    return date(fy - BE_OFFSET, 9, 30)


def fiscal_year_of(d: date) -> int:
    return d.year + BE_OFFSET + (1 if d.month >= 10 else 0)


# --- dates --------------------------------------------------------------------------------

# the problem codes a DateError carries
DATE_CODES = ("date-era", "date-invalid", "period-invalid")


class DateError(ValueError):
    """A date that cannot be understood; `code` is the problem code, `reason` what is wrong
    and `fix` what to write, in Thai and English."""

    def __init__(self, code: str, reason: Say, fix: Say):
        super().__init__(reason.en)
        self.code = code
        self.reason = reason
        self.fix = fix

    @property
    def hint(self) -> str:
        return self.fix.en


def _month_number(word: str) -> int | None:
    w = re.sub(r"\.{2,}", ".", word.strip().replace(" ", ""))  # "ธ.ค.." as typed
    for i, (long, short) in enumerate(zip(MONTHS_LONG, MONTHS_SHORT, strict=True)):
        if w in (long, short, short.replace(".", ""), short.rstrip(".")):
            return i + 1
    return None


_MONTH_WORD = r"[ก-๙\.]+"


def _year_be(text: str, original: str) -> int:
    y = int(text)
    if len(text) == 2:  # "ต.ค. 67": Thai documents abbreviate BE years to two digits
        return 2500 + y
    if 1900 <= y <= 2200:
        raise DateError("date-era",
                        Say(f"ปี {y} เป็นปี ค.ศ.", f"{original!r} has a Christian-era year {y}"),
                        Say(f"เขียนปี พ.ศ.: {y} → {y + BE_OFFSET}",
                            f"write Buddhist-era years: {y} → {y + BE_OFFSET}"))
    if not 2400 <= y <= 2700:
        raise DateError("date-invalid",
                        Say(f"ปี {y} ไม่น่าจะถูกต้อง", f"{original!r} has an unlikely year {y}"),
                        Say("เขียนปี พ.ศ. เช่น 2568", "write the Buddhist-era year, e.g. 2568"))
    return y


# Weekday names as printed before a date ("วันพฤหัสบดีที่ 9 ธันวาคม 2567"), in the order of
# date.weekday() (Monday first); "พฤหัส" is the everyday short form of พฤหัสบดี.
WEEKDAYS = ["จันทร์", "อังคาร", "พุธ", "พฤหัสบดี", "ศุกร์", "เสาร์", "อาทิตย์"]
_WEEKDAY_WORD = "|".join(sorted(WEEKDAYS + ["พฤหัส"], key=len, reverse=True))
# What documents print before the day: "วันที่ 7", "วันพฤหัสบดีที่ 9", "ณ วันที่ 1",
# "ประกาศ ณ วันที่ 1", "ลงวันที่ 1", "เมื่อวันที่ 1", "วันจันทร์ 9".
_DATE_PREFIX = re.compile(
    rf"^(?:ประกาศ\s*)?(?:ณ\s*|ลง\s*|เมื่อ\s*)?วัน\s*(?P<weekday>{_WEEKDAY_WORD})?\s*(?:ที่)?\s*")
# "พ.ศ.", "พ.ศ", "พ. ศ.", "พ.ศ.." (a doubled full stop, as typed): the era is Buddhist anyway
_BE_MARK = re.compile(r"พ\s*\.\s*ศ\s*\.*")
_CE_MARK = re.compile(r"ค\s*\.\s*ศ\s*\.*")
# an ISO 8601 date-time as web systems export it (WordPress: "2023-12-19T09:53:48")
_ISO_DATETIME = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?"
    r"(Z|[+-]\d{2}(?::?\d{2})?)?")
THAILAND = timezone(timedelta(hours=7))


def _clean_date_text(original: str) -> tuple[str, bool]:
    """The date text without what documents print around it: weekday and "วันที่"
    prefixes, the era mark, doubled or trailing punctuation. Returns (text, CE marked)."""
    s = re.sub(r"\s+", " ", to_arabic(original)).strip()
    s = _DATE_PREFIX.sub("", s, count=1)
    ce = bool(_CE_MARK.search(s))
    s = _CE_MARK.sub(" ", _BE_MARK.sub(" ", s))
    s = re.sub(r"\s+", " ", s).strip().rstrip(".,;: ").strip()
    return s, ce


def printed_weekday(value: object) -> int | None:
    """The weekday a date is printed with ("วันพฤหัสบดีที่ 9 ธันวาคม 2567": 3, Thursday;
    Monday is 0 as in date.weekday()), or None when none is printed."""
    s = re.sub(r"\s+", " ", to_arabic(str(value))).strip()
    m = _DATE_PREFIX.match(s)
    if not m or not m.group("weekday"):
        return None
    word = m.group("weekday")
    return WEEKDAYS.index("พฤหัสบดี" if word == "พฤหัส" else word)


def _iso_datetime(m: re.Match[str], original: str) -> date:
    """An exported date-time: ISO 8601 counts years in the Christian era, so a CE year is
    converted (2023-12-19T09:53:48 is 19 ธันวาคม 2566) rather than refused; a Buddhist-era
    year typed in the same form is read as such. With a time zone, the date is the one in
    Thailand (UTC+7)."""
    y = int(m.group(1))
    if 1900 <= y <= 2200:
        ce = y
    else:
        ce = _year_be(m.group(1), original) - BE_OFFSET
    try:
        when = datetime(ce, int(m.group(2)), int(m.group(3)), int(m.group(4)), int(m.group(5)),
                        int(m.group(6) or 0))
    except ValueError as exc:
        raise DateError("date-invalid",
                        Say(f"ไม่มีวันเวลานี้จริง ({original})",
                            f"{original!r} is not a real date ({exc})"),
                        Say("ตรวจวัน เดือน และเวลา", "check the day, month and time")) from exc
    zone = m.group(7)
    if zone:
        if zone == "Z":
            offset = timedelta(0)
        else:
            digits = zone[1:].replace(":", "")
            offset = timedelta(hours=int(digits[:2]), minutes=int(digits[2:4] or 0))
            offset = -offset if zone[0] == "-" else offset
        when = when.replace(tzinfo=timezone(offset)).astimezone(THAILAND)
    return when.date()


def parse_date(value: object) -> date:
    """Parse a Buddhist-Era date as officers type it, or as documents print it; return it as
    a ``date`` (Christian era).

    Accepted: ``2568-10-21``, ``21/10/2568``, ``21 ตุลาคม 2568``, ``๒๑ ต.ค. ๒๕๖๘``,
    ``21 ต.ค. 68``; with what documents print around a date: ``วันพฤหัสบดีที่ 9 ธันวาคม
    2567``, ``วันที่ 7 สิงหาคม 2566``, ``ณ วันที่ 1 ตุลาคม พ.ศ. 2567``, ``9 ธ.ค. พ.ศ..2567``;
    and exported date-times ``2023-12-19T09:53:48`` (Christian era by definition, so
    converted). A weekday that contradicts the date is not an error here: see
    ``printed_weekday``.
    """
    original = str(value).strip()
    s, ce_marked = _clean_date_text(original)
    m = _ISO_DATETIME.fullmatch(s)
    if m:
        return _iso_datetime(m, original)
    m = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", s)
    if m:
        y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{2}|\d{4})", s)
        if m:
            d, mo, y = int(m.group(1)), int(m.group(2)), m.group(3)
        else:
            m = re.fullmatch(rf"(\d{{1,2}}) ?({_MONTH_WORD}) ?(\d{{2}}|\d{{4}})", s)
            if not m or _month_number(m.group(2)) is None:
                raise DateError("date-invalid", _unreadable_date(original), Say(
                    "เขียนวันที่แบบ 2568-10-21 หรือ 21 ตุลาคม 2568",
                    "write it as 2568-10-21 or 21 ตุลาคม 2568"))
            d, mo, y = int(m.group(1)), _month_number(m.group(2)) or 0, m.group(3)
    if ce_marked and len(y) == 4 and 1900 <= int(y) <= 2200:
        be = int(y) + BE_OFFSET  # "ค.ศ. 2023" says in print that the year is Christian era
    else:
        be = _year_be(y, original)
    try:
        return date(be - BE_OFFSET, mo, d)
    except ValueError as exc:
        raise DateError("date-invalid",
                        Say(f"ไม่มีวันที่ {d} เดือน {mo} ในปี {be}",
                            f"{original!r} is not a real date ({exc})"),
                        Say("ตรวจวันที่และเดือน", "check the day and month")) from exc


def _unreadable_date(original: str) -> Say:
    """Why a date cannot be read, naming curly quotes and Word's odd characters."""
    if any(q in original for q in "“”‘’\"'"):
        return Say("มีเครื่องหมายคำพูดปนอยู่ในวันที่ (วันที่ไม่ต้องมีเครื่องหมายคำพูด)",
                   f"cannot read the date {original!r}: it holds quotes (a date needs none)")
    return Say("รูปแบบวันที่ไม่ตรงกับแบบที่อ่านได้", f"cannot read the date {original!r}")


def format_date(d: date, style: str = "long", thai_digits: bool = False) -> str:
    """``21 ตุลาคม 2568`` (long) or ``21 ต.ค. 2568`` (short), optionally in Thai digits."""
    names = MONTHS_LONG if style == "long" else MONTHS_SHORT
    text = f"{d.day} {names[d.month - 1]} {d.year + BE_OFFSET}"
    return to_thai_digits(text) if thai_digits else text


def format_month(year: int, month: int, thai_digits: bool = False) -> str:
    text = f"{MONTHS_SHORT[month - 1]} {year + BE_OFFSET}"
    return to_thai_digits(text) if thai_digits else text


# --- periods ------------------------------------------------------------------------------

@dataclass(frozen=True, order=True)
class Period:
    """An inclusive span of days that a document covers."""

    start: date
    end: date

    def contains(self, other: Period) -> bool:
        return self.start <= other.start and other.end <= self.end

    def overlaps(self, other: Period) -> bool:
        return self.start <= other.end and other.start <= self.end

    def months(self) -> list[tuple[int, int]]:
        """Every (year, month) whose whole month lies inside the period."""
        out = []
        y, m = self.start.year, self.start.month
        while (y, m) <= (self.end.year, self.end.month):
            first = date(y, m, 1)
            last = date(y, m, calendar.monthrange(y, m)[1])
            if self.start <= first and last <= self.end:
                out.append((y, m))
            y, m = (y + 1, 1) if m == 12 else (y, m + 1)
        return out


def fiscal_period(fy: int) -> Period:
    return Period(fiscal_year_start(fy), fiscal_year_end(fy))


def _parse_period_point(text: str, original: str, end: bool) -> Period:
    """One side of a period: a fiscal year (``2568``), a month (``2567-10``, ``ต.ค. 2567``)
    or a day."""
    s = text.strip()
    m = re.fullmatch(r"\d{4}", s)
    if m:
        return fiscal_period(_year_be(s, original))
    m = re.fullmatch(r"(\d{4})-(\d{1,2})", s)
    month_year: tuple[int, str] | None = None
    if m:
        month_year = (int(m.group(2)), m.group(1))
    else:
        m = re.fullmatch(rf"({_MONTH_WORD}) ?(\d{{2}}|\d{{4}})", s)
        if m and _month_number(m.group(1)):
            month_year = (_month_number(m.group(1)) or 0, m.group(2))
    if month_year:
        mo, y = month_year
        if not 1 <= mo <= 12:
            raise DateError("period-invalid",
                            Say(f"ไม่มีเดือนที่ {mo}", f"{original!r}: month {mo} does not exist"),
                            Say("เดือนมีเลข 1–12 เช่น 2567-10 คือ ตุลาคม 2567",
                                "months are 1–12, e.g. 2567-10 for ตุลาคม 2567"))
        ce = _year_be(y, original) - BE_OFFSET
        return Period(date(ce, mo, 1), date(ce, mo, calendar.monthrange(ce, mo)[1]))
    d = parse_date(s)
    return Period(d, d)


PERIOD_FIX = Say("เขียนช่วงเวลาแบบ 2566-2570, 2568, 2567-10 หรือ 2567-10 ถึง 2568-03",
                 "write e.g. 2566-2570, 2568, 2567-10, or 2567-10 ถึง 2568-03")


def _unreadable_period(original: str) -> Say:
    if any(q in original for q in "“”‘’\"'"):
        return Say("มีเครื่องหมายคำพูดปนอยู่ในช่วงเวลา (ช่วงเวลาไม่ต้องมีเครื่องหมายคำพูด)",
                   f"cannot read the period {original!r}: it holds quotes (a period needs none)")
    return Say("รูปแบบช่วงเวลาไม่ตรงกับแบบที่อ่านได้", f"cannot read the period {original!r}")


# Words documents print around a period: "ประจำปีงบประมาณ พ.ศ. 2568", "ประจำปี 2567",
# "ประจำเดือนตุลาคม 2567", "ตั้งแต่เดือนตุลาคม 2567 ถึงเดือนกันยายน 2568", "(พ.ศ. 2566 - 2570)".
_PERIOD_WORDS = re.compile(r"ประจำ|ปีงบประมาณ|งบประมาณ|ปี(?=\s*\d)|ตั้งแต่|ระหว่าง|เดือน|[()]")


def parse_period(value: object) -> Period:
    """Parse what a document covers: ``2566-2570`` (fiscal years), ``2568``,
    ``2567-10`` (a month), ``ต.ค. 2567 - มี.ค. 2568``, ``2567-10 ถึง 2568-03``; with the
    words documents print around them: ``ประจำปีงบประมาณ พ.ศ. 2568``, ``ประจำปี พ.ศ..2567``,
    ``(พ.ศ. 2566 - 2570)``, ``ตั้งแต่เดือนตุลาคม 2567 ถึงเดือนมีนาคม 2568``."""
    original = str(value).strip()
    s = _PERIOD_WORDS.sub(" ", _BE_MARK.sub(" ", to_arabic(original)))
    s = re.sub(r"\s+", " ", s).strip().rstrip(".,;: ").strip()
    m = re.fullmatch(r"(\d{4}) ?[-–] ?(\d{4})", s)
    if m:
        parts = [m.group(1), m.group(2)]
    else:
        parts = [p for p in re.split(r" ?(?:–|—|\.\.| - | ถึง |ถึง) ?", s) if p]
    if not 1 <= len(parts) <= 2:
        raise DateError("period-invalid", _unreadable_period(original), PERIOD_FIX)
    try:
        first = _parse_period_point(parts[0], original, end=False)
        last = _parse_period_point(parts[-1], original, end=True)
    except DateError as exc:
        if exc.code == "date-invalid":
            raise DateError("period-invalid", _unreadable_period(original), PERIOD_FIX) from exc
        raise
    if last.end < first.start:
        raise DateError("period-invalid",
                        Say("ช่วงเวลาสิ้นสุดก่อนเริ่มต้น",
                            f"the period {original!r} ends before it starts"),
                        Say("เขียนวันที่ที่เริ่มก่อน แล้วจึงวันที่สิ้นสุด",
                            "put the earlier date first"))
    return Period(first.start, last.end)


def format_period(p: Period, thai_digits: bool = False) -> str:
    """Short Thai text for a period: a fiscal-year span, a month span or days."""
    fs, fe = fiscal_year_of(p.start), fiscal_year_of(p.end)
    if p.start == fiscal_year_start(fs) and p.end == fiscal_year_end(fe):
        text = f"ปีงบประมาณ {fs}" if fs == fe else f"ปีงบประมาณ {fs}–{fe}"
    elif p.start.day == 1 and p.end.day == calendar.monthrange(p.end.year, p.end.month)[1]:
        a = format_month(p.start.year, p.start.month)
        b = format_month(p.end.year, p.end.month)
        text = a if a == b else f"{a} – {b}"
    else:
        a, b = format_date(p.start, "short"), format_date(p.end, "short")
        text = a if a == b else f"{a} – {b}"
    return to_thai_digits(text) if thai_digits else text
