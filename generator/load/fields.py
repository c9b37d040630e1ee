"""Typed access to parsed YAML that reports every problem with file, line and YAML path."""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, TypeVar
from urllib.parse import urljoin

from generator.base.links import relative_path
from generator.base.markup import CONTROL
from generator.base.problems import Problem, problem
from generator.base.say import Say
from generator.base.thai import (
    WEEKDAYS,
    DateError,
    format_date,
    parse_date,
    parse_int,
    parse_number,
    parse_period,
    printed_weekday,
)
from generator.base.visible import renders_empty
from generator.load.schema import TYPES, Schema
from generator.load.yamlio import Doc, YamlPath, show_path

T = TypeVar("T")
WEEKDAYS_EN = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# what the Reader expects, in both languages
A_MAPPING = Say("ข้อมูลแบบ `ชื่อข้อมูล: ค่า` ทีละบรรทัด", "a mapping of `key: value` lines")
A_LIST = Say("รายการ (แต่ละรายการขึ้นต้นบรรทัดด้วย `- `)", "a list (lines starting with `- `)")
A_TEXT = Say("ข้อความ", "a text value")
ONE_TEXT = Say("ข้อความเดียว (ไม่ใช่รายการหรือข้อมูลซ้อน)", "a single text value")
TRUE_FALSE = Say("`true` หรือ `false`", "true or false")
CURLY = "“”‘’„‟«»"
EMPTY_FILE = Say("(ไฟล์ว่าง)", "(an empty file)")
FISCAL_YEAR_EXAMPLE = Say("ปีงบประมาณ พ.ศ. เช่น 2567", "a fiscal year such as 2567")
A_NUMBER = Say("ตัวเลขจำนวนเต็ม", "a whole number")


class Reader:
    """Reads values out of a Doc; every bad value becomes a Problem, never an exception."""

    def __init__(self, doc: Doc, problems: list[Problem], *, year: int | None = None,
                 item: str | None = None):
        self.doc = doc
        self.problems = problems
        self.year = year
        self.item = item

    def at(self, path: YamlPath) -> Any:
        value: Any = self.doc.data
        for k in path:
            if isinstance(k, int):
                if not isinstance(value, list) or k >= len(value):
                    return None
            elif not isinstance(value, dict):
                return None
            value = value[k] if isinstance(k, int) else value.get(k)
        return value

    def report(self, code: str, path: YamlPath, value: object = None,
               column: int | None = None, **params: Any) -> None:
        """Report a problem at `path` (its line and, unless given, its value's column; the
        line itself, shown with the column marked)."""
        line = self.doc.line(*path)
        column = column or self.doc.column(*path)
        self.problems.append(problem(
            code, file=self.doc.file, line=line, column=column, path=show_path(path) or None,
            year=self.year, item=self.item, value=value,
            excerpt=self.doc.excerpt(line, column), **params))

    def has(self, path: YamlPath) -> bool:
        parent = self.at(path[:-1])
        return isinstance(parent, dict) and path[-1] in parent and parent[path[-1]] is not None

    def mapping(self, path: YamlPath, required: bool = False) -> dict[str, Any]:
        value = self.at(path)
        if value is None:
            if required:
                self.report("field-missing", path, field=show_path(path), expected=A_MAPPING)
            return {}
        if not isinstance(value, dict):
            self.report("field-type", path, value=_short(value), field=show_path(path),
                        expected=A_MAPPING)
            return {}
        return value

    def seq(self, path: YamlPath) -> list[Any]:
        value = self.at(path)
        if value is None:
            return []
        if not isinstance(value, list):
            self.report("field-type", path, value=_short(value), field=show_path(path),
                        expected=A_LIST)
            return []
        return value

    def text(self, path: YamlPath, required: bool = False, example: str | Say = "",
             exact: bool = False, limit: int | None = None) -> str | None:
        """A single text value. Whitespace runs (newlines from `|` blocks, tabs, NBSP) become
        one space, since every text field is shown on one line; control characters are
        dropped; and an HTML tag is a problem
        (`text-html`): fields are published as plain text; text that shows nothing (only
        invisible characters) is a problem too (`text-invisible`). `exact=True` (links, file
        paths) keeps the value as typed but for the surrounding spaces and curly quotes
        around it (`curly-quotes`). A value longer than `limit` characters is
        `text-too-long` (and cut there)."""
        value = self.at(path)
        if value is None or (isinstance(value, str) and not value.strip()):
            if required:
                self.report("field-missing", path, field=show_path(path),
                            expected=example or A_TEXT)
            return None
        if isinstance(value, bool):
            # `yes`/`no` stay text, only true/false become booleans: a title of "true" is odd
            # but not lost.
            return "true" if value else "false"
        if not isinstance(value, str):
            self.report("field-type", path, value=_short(value), field=show_path(path),
                        expected=ONE_TEXT)
            return None
        if limit is not None and len(value) > limit and \
                len(value := " ".join(value.split())) > limit:
            self.report("text-too-long", path, value=f"{len(value):,}", field=show_path(path),
                        limit=f"{limit:,}")
            value = value[:limit]
        if exact:
            if CONTROL.search(value):  # a path or link cannot hold one (and NUL breaks paths)
                self.report("field-value", path, value=value.strip(), field=show_path(path),
                            hint="", expected=Say(
                                "ลิงก์หรือที่อยู่ไฟล์ที่ไม่มีอักขระควบคุมที่มองไม่เห็น (พิมพ์ใหม่)",
                                "a link or file path without invisible control characters "
                                "(retype it)"))
                return None
            return self.unquoted(path, value.strip())
        tag = HTML_TAG.search(value)
        if tag:
            self.report("text-html", path, value=_tag_at(value, tag.start()),
                        field=show_path(path))
        out = " ".join(CONTROL.sub("", value).split())
        if renders_empty(out):
            self.report("text-invisible", path, value=value, field=show_path(path))
            return None
        return out

    def unquoted(self, path: YamlPath, value: str) -> str:
        """`value` without curly quotes around it (typed in Word, where `"` becomes “ ”):
        YAML does not take them for quotes, so they would be part of a date, a link or a
        path; they are removed, with a warning."""
        if len(value) >= 2 and value[0] in CURLY and value[-1] in CURLY:
            read = value.strip(CURLY + " ")
            self.report("curly-quotes", path, value=value, field=show_path(path), read=read)
            return read
        return value

    def link(self, path: YamlPath, website: str = "") -> str:
        """A link as typed; a path on a web site (`/wp-content/…`, `index.php?…`) is read on
        the council's website (`council.website`), with the warning url-relative saying what
        it became. Without a website it is left as typed, and the link check reports it."""
        url = self.text(path, exact=True) or ""
        if url and website and relative_path(url):
            resolved = urljoin(website, url)
            self.report("url-relative", path, value=url, resolved=resolved)
            return resolved
        return url

    def texts(self, path: YamlPath) -> list[str]:
        """A list of text values; a single text value is accepted as a list of one."""
        value = self.at(path)
        if value is None:
            return []
        if isinstance(value, str):
            return [v.strip() for v in value.split(",") if v.strip()]
        out = []
        for i, _ in enumerate(self.seq(path)):
            t = self.text(path + (i,))
            if t:
                out.append(t)
        return out

    def flag(self, path: YamlPath, default: bool) -> bool:
        value = self.at(path)
        if value is None:
            return default
        if isinstance(value, bool):
            return value
        low = str(value).strip().lower()
        if low in ("yes", "on", "ใช่"):
            return True
        if low in ("no", "off", "ไม่"):
            return False
        self.report("field-type", path, value=_short(value), field=show_path(path),
                    expected=TRUE_FALSE)
        return default

    def choice(self, path: YamlPath, allowed: Iterable[str], default: str | None = None,
               required: bool = False) -> str | None:
        allowed = list(allowed)
        one_of = Say("ค่าใดค่าหนึ่งต่อไปนี้: " + ", ".join(f"`{a}`" for a in allowed),
                     f"one of {allowed}")
        value = self.text(path, required=required, example=one_of)
        if value is None:
            return default
        if value not in allowed:
            self.report("field-value", path, value=value, field=show_path(path),
                        expected=one_of, hint=did_you_mean(value, allowed))
            return default
        return value

    def convert(self, path: YamlPath, fn: Callable[[Any], T], expected: str | Say,
                required: bool = False) -> T | None:
        value = self.at(path)
        if value is None or value == "":
            if required:
                self.report("field-missing", path, field=show_path(path), expected=expected)
            return None
        try:
            return fn(value)
        except (ValueError, TypeError):
            self.report("field-value", path, value=_short(value), field=show_path(path),
                        expected=expected, hint="")
            return None

    def when(self, path: YamlPath, parse: Callable[[Any], T]) -> T | None:
        """A date or period read with `parse` (generator.base.thai); an unreadable one is
        reported with its own code (date-era, date-invalid, period-invalid) and the fix, a
        printed weekday that contradicts the date with the warning date-weekday."""
        value = self.at(path)
        if value is None or value == "":
            return None
        if isinstance(value, str):
            value = self.unquoted(path, value.strip())
        try:
            found = parse(value)
        except DateError as exc:
            self.report(exc.code, path, value=value, reason=exc.reason, hint=exc.fix)
            return None
        if isinstance(found, date):
            printed = printed_weekday(value)
            if printed is not None and printed != found.weekday():
                # "วันพฤหัสบดีที่ 9 ธันวาคม 2567": 9 Dec 2024 was a Monday; which one is wrong
                # only the document can tell, so the date is kept and the officer warned
                self.report("date-weekday", path, value=value, printed_th=WEEKDAYS[printed],
                            actual_th=WEEKDAYS[found.weekday()], shown_th=format_date(found),
                            printed=WEEKDAYS_EN[printed], actual=WEEKDAYS_EN[found.weekday()],
                            shown=found.isoformat())
        return found

    def known_keys(self, path: YamlPath, schema: Schema) -> None:
        """Report keys the format does not have (a typo would otherwise drop data silently)."""
        if schema.open_keys:
            return
        allowed = schema.keys()
        value = self.at(path)
        if not isinstance(value, dict):
            return
        for key in value:
            if key not in allowed:
                self.report("field-unknown", path + (key,), value=key,
                            column=self.doc.key_columns.get(path + (key,)),
                            allowed=", ".join(f"`{a}`" for a in allowed),
                            hint=did_you_mean(key, allowed))


    def field(self, schema: Schema, key: str, base: YamlPath = ()) -> Any:
        """The value of `key` under `base`, read as its declaration says (type, required,
        default, allowed values); a bad value is reported and the default returned."""
        f = schema[key]
        path = base + (key,)
        type_th, _, type_en = TYPES[f.type].partition(" / ")
        example = Say(f.label_th or type_th,
                      f.example or ("a text value" if f.type == "text" else type_en or type_th))
        if f.type in ("text", "markdown"):
            value: Any = self.text(path, required=f.required, example=example, limit=f.limit)
        elif f.type in ("link", "path", "email"):
            value = self.text(path, required=f.required, example=example, exact=True,
                              limit=f.limit)
        elif f.type == "texts":
            value = tuple(self.texts(path))
        elif f.type == "flag":
            return self.flag(path, bool(f.default))
        elif f.type == "choice":
            return self.choice(path, f.allowed, default=f.default, required=f.required)
        elif f.type == "date":
            value = self.when(path, parse_date)
        elif f.type == "period":
            value = self.when(path, parse_period)
        elif f.type == "number":
            value = self.convert(path, parse_number, example, required=f.required)
        elif f.type == "year":
            value = self.convert(path, parse_int, example, required=f.required)
        else:
            raise ValueError(f"{schema.name}.{key}: read {f.type} values with their own reader")
        return f.default if value is None or value == () and f.default is not None else value


# `<` directly followed by a letter, `/`, `!` or `?` starts a tag (or a comment) in HTML, even
# without its closing `>`; a lone `<` as in "ค่า < 5" does not.
HTML_TAG = re.compile(r"<[A-Za-z/!?]")


def _tag_at(value: str, start: int) -> str:
    end = value.find(">", start)
    tag = value[start:end + 1] if end != -1 else value[start:]
    return tag if len(tag) <= 40 else tag[:39] + "…"


# keys officers type in Thai, and the key each means
THAI_KEYS = {
    "ชื่อ": "title", "ชื่อเอกสาร": "title", "หัวข้อ": "title", "เรื่อง": "title",
    "ชื่อเรื่อง": "title", "วันที่": "date", "ลงวันที่": "date", "วันที่เอกสาร": "date",
    "ช่วงเวลา": "period", "ระยะเวลา": "period", "ช่วง": "period", "ปีงบประมาณ": "period",
    "ลิงก์": "url", "ลิงค์": "url", "เว็บ": "url", "ที่อยู่เว็บ": "url", "ไฟล์": "file",
    "เอกสาร": "file", "แฟ้ม": "file", "องค์ประกอบ": "components", "หมายเหตุ": "note",
    "หน่วยงาน": "unit", "ผู้รับผิดชอบ": "unit", "หน่วยงานที่รับผิดชอบ": "unit",
    "หลักฐาน": "evidence", "ไม่เกี่ยวข้อง": "not_applicable", "ปรับปรุง": "updated",
    "วันที่ปรับปรุง": "updated", "ลำดับ": "order", "ตำแหน่ง": "position", "รูป": "photo",
    "รูปภาพ": "photo", "รูปถ่าย": "photo", "โทรศัพท์": "phone", "เบอร์โทร": "phone",
    "อีเมล": "email", "อีเมล์": "email", "ชื่อ-สกุล": "name", "ชื่อ-นามสกุล": "name",
    # values: a measure's progress status (measures.yml), as seeds 002 and 004 write it
    "ยังไม่ได้ดำเนินการ": "not_started", "ยังไม่ดำเนินการ": "not_started",
    "อยู่ระหว่างดำเนินการ": "in_progress", "กำลังดำเนินการ": "in_progress",
    "ดำเนินการแล้ว": "done", "ดำเนินการแล้วเสร็จ": "done", "เสร็จแล้ว": "done",
    "เสร็จสิ้น": "done", "แล้วเสร็จ": "done",
}


def did_you_mean(value: str, allowed: Iterable[str]) -> Say:
    """` (หมายถึง `title` หรือไม่)` for a key or value typed in Thai or with a typo."""
    allowed = list(allowed)
    thai = THAI_KEYS.get(" ".join(str(value).split()))
    if thai in allowed:
        return Say(f" (ต้องพิมพ์เป็นภาษาอังกฤษ: `{value}` คือ `{thai}`)",
                   f" (typed in English: `{value}` is `{thai}`)")
    close = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    if not close:
        folded = {a.lower(): a for a in allowed}
        close = [folded[value.lower()]] if value.lower() in folded else []
    if close:
        return Say(f" (หมายถึง `{close[0]}` หรือไม่)", f" (did you mean {close[0]!r}?)")
    return Say("", "")


def _short(value: object) -> str:
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: …" for k in list(value)[:3]) + "}"
    if isinstance(value, list):
        return f"[… {len(value)}]"
    return str(value)


