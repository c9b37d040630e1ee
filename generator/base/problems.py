"""Problems as data: every kind has a stable code, a severity, Thai and English titles,
a message template and a fix hint (frictionless style). Library code collects problems;
only the CLI turns them into output and exit codes."""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from generator.base.kinds import ERROR, KINDS, WARNING, Kind

__all__ = ["ERROR", "WARNING", "BuildRefused", "EngineError", "InputError", "Kind", "Problem",
           "get_kind", "kinds", "problem", "sort_key"]


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

    @property
    def where(self) -> str:
        """`file:line (yaml.path)` for messages."""
        out = self.file or ""
        if self.line:
            out += f":{self.line}"
        if self.path:
            out += f" ({self.path})" if out else self.path
        return out

    def as_dict(self) -> dict[str, object]:
        return {
            "code": self.code,
            "severity": self.severity,
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
            component: str | None = None, value: object = None, fix: str | None = None,
            **params: object) -> Problem:
    """Make a problem of kind `code`; `params` fill the message and fix templates."""
    k = get_kind(code)
    if CHECK_DECLARED:
        _check_declared(code)
    shown = _show(value)
    fields = _SafeDict(item=item or "", component=component or "", value=shown or "",
                       year=year or "", **{k2: _show(v) for k2, v in params.items()})
    message, message_th = k.template.format_map(fields), k.template_th.format_map(fields)
    if not item:  # "{item} link …" / "ข้อ {item} ลิงก์ …" said of no item
        message_th = message_th.removeprefix("ข้อ ")
    return Problem(
        code=code,
        severity=k.severity,
        message=message.strip(),
        fix=(fix or k.fix).format_map(fields),
        message_th=message_th.strip(),
        fix_th=(k.fix_th if fix is None else fix).format_map(fields),
        file=file,
        line=line,
        path=path,
        year=year,
        item=item,
        component=component,
        value=shown,
    )


def _show(value: object) -> str | None:
    if value is None:
        return None
    text = str(value)
    if len(text) > 120:
        text = text[:117] + "..."
    return text


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
    """The input has problems that must be fixed before publishing."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__(f"{len(problems)} problem(s) must be fixed before building")


class EngineError(Exception):
    """MkDocs failed; the message says why."""
