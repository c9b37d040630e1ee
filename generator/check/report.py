"""What a check finds: the status of every item and component of a fiscal year, the
evidence that meets each one, and the problems."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from generator.base.problems import ERROR, Problem
from generator.load.catalogue import Catalogue, Component, Item
from generator.load.project import Evidence, ItemContent, Project, YearContent

Where = dict[str, Any]  # where a problem is: file, line, path, year, item, component
COMPLETE, INCOMPLETE, MISSING, NA = "complete", "incomplete", "missing", "na"
DUE = "due"  # nothing missing is demanded yet: what it asks for is not due by the as-of date
STATUSES = (COMPLETE, INCOMPLETE, MISSING, DUE, NA)
STATUS_TH = {COMPLETE: "ครบถ้วน", INCOMPLETE: "ยังไม่ครบ", MISSING: "ยังไม่มีข้อมูล",
             DUE: "ยังไม่ถึงกำหนด", NA: "ไม่เกี่ยวข้อง"}
STATUS_ICON = {COMPLETE: "✔", INCOMPLETE: "◐", MISSING: "✘", DUE: "◷", NA: "–"}


@dataclass(frozen=True)
class ComponentStatus:
    """Whether one component is met, and by which evidence."""

    component: Component
    met: bool
    evidence: tuple[Evidence, ...] = ()
    detail: str = ""  # for automatic components: what was found
    due: date | None = None  # not demanded yet: from this day on (when unmet)


@dataclass(frozen=True)
class ItemStatus:
    item: Item
    content: ItemContent | None
    status: str
    components: tuple[ComponentStatus, ...]
    problems: tuple[Problem, ...]
    usable: tuple[Evidence, ...] = ()  # evidence that counts (valid file/link, right period)
    # indexes of the evidence whose file or link may be published as a link (it exists and
    # the public can open it); nothing else is linked
    linkable: frozenset[int] = frozenset()
    # errors that a build publishes around, marking the item "needs attention" (kinds that
    # mark: README "When the build refuses"), and the errors of each evidence entry by index
    attention: tuple[Problem, ...] = ()
    entry_errors: dict[int, tuple[Problem, ...]] = field(default_factory=dict, compare=False)

    @functools.cached_property
    def usable_indices(self) -> frozenset[int]:
        """`Evidence.index` of the usable evidence: a set, so that a template asking of
        each entry whether it is usable stays linear (`ev in usable` compared every field of
        every entry: 25 million comparisons for 5,000 entries)."""
        return frozenset(ev.index for ev in self.usable)

    @property
    def met_count(self) -> int:
        return sum(1 for c in self.components if c.met)

    @property
    def demanded(self) -> tuple[ComponentStatus, ...]:
        """The components demanded by the as-of date (met ones, and unmet ones that are due)."""
        return tuple(c for c in self.components if c.met or c.due is None)

    @property
    def completion(self) -> float | None:
        """Per cent of the demanded components met (None when not applicable)."""
        if self.status == NA:
            return None
        n = len(self.demanded)
        return 100.0 * self.met_count / n if n else 100.0

    @property
    def score(self) -> float | None:
        """Estimated item score (catalogue rule `component_share`): the completion; none
        while nothing it asks for is due."""
        return None if self.status == DUE else self.completion


@dataclass(frozen=True)
class YearReport:
    year: int
    catalogue: Catalogue
    items: tuple[ItemStatus, ...]
    problems: tuple[Problem, ...]
    as_of: date

    def item(self, item_id: str) -> ItemStatus:
        return next(i for i in self.items if i.item.id == item_id)

    @property
    def counts(self) -> dict[str, int]:
        out = {s: 0 for s in STATUSES}
        for i in self.items:
            out[i.status] += 1
        return out

    @property
    def components_total(self) -> int:
        return sum(len(i.demanded) for i in self.items if i.status != NA)

    @property
    def components_met(self) -> int:
        return sum(i.met_count for i in self.items if i.status != NA)

    @property
    def completion(self) -> float:
        total = self.components_total
        return 100.0 * self.components_met / total if total else 100.0

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


@dataclass
class Context:
    project: Project
    year: YearContent
    as_of: date
    problems: list[Problem] = field(default_factory=list)


_ENTRY = re.compile(r"evidence\[(\d+)\](?:$|[.\[])")


def entry_index(path: str | None) -> int | None:
    """The evidence entry a problem's YAML path is in: `evidence[2].date` -> 2."""
    m = _ENTRY.match(path or "")
    return int(m.group(1)) if m else None


def at_key(where: Where, ev: Evidence, key: str) -> Where:
    """`where` narrowed to one key of the evidence entry: its YAML path and its line."""
    return {**where, "path": f"evidence[{ev.index}].{key}", "line": ev.line_of(key)}
