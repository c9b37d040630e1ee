"""Problems as data: every kind has a stable code, a severity, Thai and English titles,
a message template and a fix hint (frictionless style). Library code collects problems;
only the CLI turns them into output and exit codes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Kind:
    """One kind of problem, documented in the README under its code."""

    code: str
    severity: str
    title_th: str
    title_en: str
    template: str
    fix: str
    group: str = "content"
    template_th: str = ""  # the message in Thai (generator/kinds_th.py)
    fix_th: str = ""


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


_KINDS: dict[str, Kind] = {}
_THAI: dict[str, tuple[str, str]] = {}


def kind(code: str, severity: str, title_th: str, title_en: str, template: str, fix: str,
         group: str = "content") -> Kind:
    k = Kind(code, severity, title_th, title_en, template, fix, group)
    if code in _KINDS:
        raise ValueError(f"problem code {code!r} defined twice")
    _KINDS[code] = k
    return k


def thai(code: str, template: str, fix: str) -> None:
    """Register the Thai message and fix of kind `code` (generator/kinds_th.py)."""
    if code in _THAI:
        raise ValueError(f"Thai text of {code!r} defined twice")
    _THAI[code] = (template, fix)


def kinds() -> list[Kind]:
    """Every problem kind, in definition order, with its Thai texts."""
    return [get_kind(code) for code in _registered()]


def get_kind(code: str) -> Kind:
    k = _registered()[code]
    th = _THAI.get(code)
    return replace(k, template_th=th[0], fix_th=th[1]) if th else k


def _registered() -> dict[str, Kind]:
    import generator.kinds  # noqa: F401  (registers the kinds)
    import generator.kinds_th  # noqa: F401  (and their Thai texts)

    return _KINDS


class _SafeDict(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def problem(code: str, *, file: str | None = None, line: int | None = None,
            path: str | None = None, year: int | None = None, item: str | None = None,
            component: str | None = None, value: object = None, fix: str | None = None,
            **params: object) -> Problem:
    """Make a problem of kind `code`; `params` fill the message and fix templates."""
    k = get_kind(code)
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


@dataclass
class Problems:
    """A collector that library stages append to."""

    items: list[Problem] = field(default_factory=list)

    def add(self, p: Problem) -> None:
        self.items.append(p)

    def extend(self, ps: Iterable[Problem]) -> None:
        self.items.extend(ps)

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self.items)

    def __len__(self) -> int:
        return len(self.items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.items if p.severity == ERROR]


class InputError(Exception):
    """The input cannot be read at all (exit code 2): carries the problems that say why."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("; ".join(f"{p.where}: {p.message}" for p in problems))


def with_context(p: Problem, **kw: object) -> Problem:
    return replace(p, **kw)  # type: ignore[arg-type]


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
