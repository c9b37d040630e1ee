"""Years published as archives: a year folder whose catalogue Prongsai does not ship (README
"Earlier years"). There is no catalogue to check completeness against, so only what makes a
page wrong or unsafe is checked: every evidence entry has a file or link, the file exists
and is safe, the link opens for the public. Dates were read by the loader."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.base.problems import ERROR, MARK, Problem, problem, sort_key
from generator.check.links import check_file, check_url
from generator.check.report import Where, entry_index
from generator.load.project import ItemContent, Project

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("evidence-no-source",)


@dataclass(frozen=True)
class ArchiveItem:
    """One item of an archive year as the council wrote it, with what its page may link."""

    content: ItemContent
    linkable: frozenset[int] = frozenset()  # evidence indexes whose file or link opens
    attention: tuple[Problem, ...] = ()  # errors that mark the item (README "When the build
    # refuses")
    entry_errors: dict[int, tuple[Problem, ...]] = field(default_factory=dict, compare=False)

    @property
    def item_id(self) -> str:
        return self.content.item_id


@dataclass(frozen=True)
class ArchiveReport:
    """An archive year: its items by number and every problem found in it."""

    year: int
    items: tuple[ArchiveItem, ...]
    unreadable: tuple[str, ...]  # item files that exist but could not be read
    problems: tuple[Problem, ...]

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def check_archive(project: Project, fy: int) -> ArchiveReport:
    """Check the files and links of an archive year (no completeness: no catalogue)."""
    ay = project.archives[fy]
    found: list[Problem] = [p for p in project.problems if p.year == fy]
    checked: list[tuple[ItemContent, set[int]]] = []
    for content in ay.items:
        linkable: set[int] = set()
        for ev in content.evidence:
            where: Where = dict(file=content.file, line=ev.line, path=f"evidence[{ev.index}]",
                                year=fy, item=content.item_id)
            if not ev.url and not ev.file:
                found.append(problem("evidence-no-source", value=ev.title, **where))
                continue
            ok = True
            if ev.file:
                ok = check_file(project.content_dir, ev.file,
                                {**where, "path": f"{where['path']}.file",
                                 "line": ev.line_of("file")}, found) and ok
            if ev.url:
                ok = check_url(ev.url, {**where, "path": f"{where['path']}.url",
                                        "line": ev.line_of("url")}, found) and ok
            if ok:
                linkable.add(ev.index)
        checked.append((content, linkable))
    problems = sorted(set(found), key=sort_key)
    items = []
    for content, linkable in checked:
        mine = [p for p in problems if p.item == content.item_id and p.severity == ERROR]
        entries: dict[int, list[Problem]] = {}
        for p in mine:
            index = entry_index(p.path)
            if index is not None:
                entries.setdefault(index, []).append(p)
        items.append(ArchiveItem(content, frozenset(linkable),
                                 tuple(p for p in mine if p.build == MARK),
                                 {i: tuple(ps) for i, ps in entries.items()}))
    return ArchiveReport(year=fy, items=tuple(items), unreadable=ay.unreadable,
                         problems=tuple(problems))
