"""Problems as data: every kind has a stable code, a severity, Thai and English titles,
a message template and a fix hint (frictionless style). Library code collects problems;
only the CLI turns them into output and exit codes."""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass

from generator.base.kinds import ERROR, KINDS, MARK, NONE, REFUSE, WARNING, Kind, build_effect
from generator.base.say import THAI, Say, lang
from generator.base.visible import visible

__all__ = ["ERROR", "MARK", "NONE", "REFUSE", "WARNING", "BuildRefused", "EngineError",
           "InputError", "Kind", "Problem", "Say", "get_kind", "kinds", "path_th", "problem",
           "sort_key"]


@dataclass(frozen=True)
class Problem:
    """One problem found in the input, with where it is and how to fix it."""

    code: str
    severity: str
    message: str
    fix: str
    file: str | None = None
    line: int | None = None
    path: str | None = None
    year: int | None = None
    item: str | None = None
    component: str | None = None
    value: str | None = None
    message_th: str = ""
    fix_th: str = ""
    column: int | None = None  # 1-based, as an editor's status bar counts
    # (the line the problem is on with its hidden characters made visible, the index in it
    # of `column`); never set for a file outside the project
    excerpt: tuple[str, int] | None = None
    corrected: str | None = None  # the line as it should read (hidden characters shown)

    @property
    def where(self) -> str:
        """`file:line:column (yaml.path)`, as developers' tools write a position."""
        out = self.file or ""
        if self.line:
            out += f":{self.line}"
            if self.column:
                out += f":{self.column}"
        if self.path:
            out += f" ({self.path})" if out else self.path
        return out

    @property
    def where_th(self) -> str:
        """The position as an officer counts it: `content/2568/oit/o5.md `date` ของ
        หลักฐานรายการที่ 2 (บรรทัด 14 คอลัมน์ 5)`."""
        parts = [self.file or ""]
        if self.path:
            parts.append(path_th(self.path) if _ANY_PATH.fullmatch(self.path)
                         else f"`{visible(self.path)}`")
        if self.line:
            at = f"บรรทัด {self.line}" + (f" คอลัมน์ {self.column}" if self.column else "")
            parts.append(f"({at})")
        return " ".join(p for p in parts if p)

    def where_in(self, language: str | None = None) -> str:
        return self.where_th if (language or lang()) == THAI else self.where

    def text(self, language: str | None = None) -> tuple[str, str]:
        """(message, fix) in `language` (default: the language messages are shown in)."""
        if (language or lang()) == THAI:
            return self.message_th or self.message, self.fix_th or self.fix
        return self.message, self.fix

    @property
    def build(self) -> str:
        """What this problem does to `prongsai build`: REFUSE, MARK or NONE (kinds.py)."""
        return build_effect(self.code, self.severity, self.file)

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
            "build": self.build,
            "year": self.year,
            "item": self.item,
            "component": self.component,
            "file": self.file,
            "line": self.line,
            "path": self.path,
            "value": self.value,
            "message": self.message,
            "fix": self.fix,
            "message_th": self.message_th,
            "fix_th": self.fix_th,
            "column": self.column,
        }


def kinds() -> list[Kind]:
    """Every problem kind, in declaration order."""
    return list(KINDS.values())


def get_kind(code: str) -> Kind:
    return KINDS[code]


class _SafeDict(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


# Set by the test suite: every problem is checked against the `RAISES` of the module that
# reports it (docs/architecture.md); Reader's helpers report on behalf of their caller.
CHECK_DECLARED = bool(os.environ.get("PRONGSAI_CHECK_DECLARED"))
PASS_THROUGH = ("generator.base.problems", "generator.load.fields")


class UndeclaredKind(AssertionError):
    """A module reported a kind of problem that its `RAISES` does not declare."""


def _check_declared(code: str) -> None:
    frame = sys._getframe(2)
    while frame is not None:
        name = frame.f_globals.get("__name__", "")
        if name not in PASS_THROUGH:
            if not name.startswith("generator."):
                return  # a test or another program making a problem directly
            declared = frame.f_globals.get("RAISES")
            if declared is None:
                raise UndeclaredKind(f"{name} reports `{code}` but declares no RAISES")
            if code not in declared:
                raise UndeclaredKind(f"{name} reports `{code}`, not in its RAISES")
            return
        frame = frame.f_back  # type: ignore[assignment]


def problem(code: str, *, file: str | None = None, line: int | None = None,
            path: str | None = None, year: int | None = None, item: str | None = None,
            component: str | None = None, value: object = None, fix: str | Say | None = None,
            column: int | str | None = None, excerpt: tuple[str, int] | None = None,
            corrected: str | None = None, **params: object) -> Problem:
    """Make a problem of kind `code`; `params` fill the message and fix templates.

    A param may be a `Say` (its Thai text fills the Thai message, its English text the
    English one); `field` names a YAML path, which the Thai message says as an officer
    counts (`date` ของหลักฐานรายการที่ 2); every value is shown with its invisible
    characters made visible."""
    k = get_kind(code)
    if CHECK_DECLARED:
        _check_declared(code)
    if isinstance(column, str):  # a spreadsheet's column named in the message, not a position
        params["column"] = column
        column = None
    shown = _show(value.en if isinstance(value, Say) else value)
    en = _SafeDict(item=item or "", component=component or "", value=shown or "",
                   year=year or "", column=column or "")
    th = _SafeDict(en)
    if isinstance(value, Say):
        th["value"] = _show(value.th) or ""
    for name, v in params.items():  # lists of allowed codes can be long: keep them whole
        if isinstance(v, Say):
            en[name], th[name] = _show(v.en, 400) or "", _show(v.th, 400) or ""
        elif name == "field" and isinstance(v, str) and _YAML_PATH.fullmatch(v):
            en[name], th[name] = _show(v) or "", path_th(_show(v) or "")
        else:
            en[name] = th[name] = _show(v, 400) or ""
    message, message_th = k.template.format_map(en), k.template_th.format_map(th)
    if not item:  # "{item} link …" / "ข้อ {item} ลิงก์ …" said of no item
        message_th = message_th.removeprefix("ข้อ ")
    fix_en, fix_th = ((fix.en, fix.th) if isinstance(fix, Say) else
                      (fix or k.fix, k.fix_th if fix is None else fix))
    return Problem(
        code=code,
        severity=k.severity,
        message=message.strip(),
        fix=fix_en.format_map(en),
        message_th=message_th.strip(),
        fix_th=fix_th.format_map(th),
        file=file,
        line=line,
        path=path,
        year=year,
        item=item,
        component=component,
        value=shown,
        column=column,
        excerpt=excerpt,
        corrected=corrected,
    )


def _show(value: object, limit: int = 120) -> str | None:
    """A value as a message quotes it: invisible characters shown, at most `limit` long."""
    if value is None:
        return None
    text = str(value)
    if len(text) > limit:
        text = text[:limit - 3] + "..."
    return visible(text)


# --- positions as officers count them --------------------------------------------------------

LIST_TH = {  # a list's entries, 1-based, in officers' words
    "evidence": "หลักฐานรายการที่ {n}",
    "executives": "ผู้บริหารคนที่ {n}",
    "measures": "มาตรการที่ {n}",
    "components": "องค์ประกอบรายการที่ {n}",
    "phones": "หมายเลขโทรศัพท์รายการที่ {n}",
    "questions": "คำถามรายการที่ {n}",
    "steps": "ขั้นตอนที่ {n}",
    "items": "ข้อที่ {n} ในรายการ `items`",
    "weaknesses": "จุดอ่อนรายการที่ {n}",
    "improvements": "ประเด็นที่ต้องพัฒนารายการที่ {n}",
}
_YAML_PATH = re.compile(r"[A-Za-z_][A-Za-z0-9_\-]*(?:\.[A-Za-z0-9_\-]+|\[\d+\])*")
# a YAML path whose keys may be typed in Thai (not one holding brackets or control characters)
_ANY_PATH = re.compile(r"[^.\[\]\s\x00-\x1f\x7f-\x9f]+(?:\.[^.\[\]\s\x00-\x1f\x7f-\x9f]+|\[\d+\])*")
_PATH_PART = re.compile(r"\[(\d+)\]|([^.\[\]]+)")


def path_th(path: str) -> str:
    """A YAML path said as an officer counts: `evidence[1].date` → "`date` ของ
    หลักฐานรายการที่ 2"; `council.email` → "`council.email`"; lists count from 1."""
    if not path or "[" not in path:
        return f"`{path}`" if path else path
    levels: list[str] = []  # outermost first
    keys: list[str] = []
    for index, key in _PATH_PART.findall(path):
        if key:
            keys.append(key)
            continue
        n = int(index) + 1
        owner = keys.pop() if keys else ""
        if keys:
            levels.append(f"ใน `{'.'.join(keys)}`")
        phrase = LIST_TH.get(owner)
        levels.append(phrase.format(n=n) if phrase else f"รายการที่ {n} ของ `{owner}`")
        keys = []
    if keys:
        levels.append(f"`{'.'.join(keys)}`")
    inner_first = levels[::-1]
    out = inner_first[0]
    for w in inner_first[1:]:
        out += f" {w}" if w.startswith("ใน ") else f" ของ{w}"
    return out


class InputError(Exception):
    """The input cannot be read at all (exit code 2): carries the problems that say why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.where}: {p.message}" for p in problems))


def sort_key(p: Problem) -> tuple[object, ...]:
    """Stable order: year, item number, file, line, code."""
    num = 10**6
    if p.item and p.item[1:].isdigit():
        num = int(p.item[1:])
    # the message breaks the remaining ties: problems are collected in sets, whose order
    # varies with PYTHONHASHSEED, and two builds must list them in the same order
    return (p.year or 0, num, p.item or "", p.file or "", p.line or 0, p.path or "", p.code,
            p.component or "", p.value or "", p.message)


class BuildRefused(Exception):
    """The input has problems that must be fixed before publishing: the site would be unsafe
    or its identity unreadable, or (`--strict`) any entry is not understood."""

    def __init__(self, problems: list[Problem], strict: bool = False):
        self.problems = problems
        self.strict = strict
        super().__init__(f"{len(problems)} problem(s) must be fixed before building")


class EngineError(Exception):
    """MkDocs failed; the message says why."""
