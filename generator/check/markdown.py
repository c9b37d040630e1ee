"""Officers' Markdown: raw HTML and unsafe links in item bodies and free pages."""

from __future__ import annotations

from generator.base.markup import ALLOWED_TAGS, sanitize_markdown
from generator.base.problems import Problem, problem
from generator.load.project import Project

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("markdown-html", "markdown-link-scheme")


def markdown_problems(project: Project, fy: int) -> list[Problem]:
    """Raw HTML and unsafe links in officers' Markdown (the year's items and free pages)."""
    out = []
    yc = project.years[fy]
    bodies: list[tuple[str, str, int, int | None, str | None]] = [
        (ic.file, ic.body, ic.body_line, fy, ic.item_id) for ic in yc.items.values()]
    bodies += [(p.file, p.body, p.body_line, None, None) for p in project.pages]
    for file, body, line, year, item in bodies:
        _, findings = sanitize_markdown(body, line)
        for f in findings:
            code = "markdown-html" if f.kind == "html" else "markdown-link-scheme"
            out.append(problem(code, file=file, line=f.line, year=year, item=item, value=f.value,
                               allowed=", ".join(f"`<{t}>`" for t in ALLOWED_TAGS)))
    return out
