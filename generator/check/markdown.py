"""Officers' Markdown: raw HTML and unsafe links in item bodies and free pages, and text
published as plain text because Python-Markdown could not render it in linear time."""

from __future__ import annotations

from generator.base.markup import (
    ALLOWED_TAGS,
    MAX_MARKS,
    MAX_NESTING,
    MAX_PARAGRAPHS,
    MAX_SPLITS,
    Finding,
    sanitize_markdown,
)
from generator.base.problems import Problem, problem
from generator.load.project import Project

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("markdown-html", "markdown-link-scheme", "markdown-plain")

# why a text is published as plain text (generator.base.markup MAX_*): English, Thai
PLAIN = {
    "nesting": ("lists, quotes or boxes nested {n} levels deep on this line (at most {limit})",
                "รายการ ข้อความอ้างอิง หรือกล่องข้อความซ้อนกัน {n} ชั้นที่บรรทัดนี้ "
                "(ได้ไม่เกิน {limit} ชั้น)", MAX_NESTING),
    "marks": ("the paragraph has {n} formatting characters (`*` `_` `[` `<` `&` "
              "`\\` `` ` `` or line breaks; at most {limit})",
              "ย่อหน้าจากบรรทัดนี้มีอักขระจัดรูปแบบ (`*` `_` `[` `<` `&` `\\` `` ` `` "
              "หรือการขึ้นบรรทัด) {n} ตัว (ได้ไม่เกิน {limit})", MAX_MARKS),
    "paragraphs": ("the text has {n} paragraphs, list items and table rows by this line (at "
                   "most {limit})",
                   "ข้อความมีย่อหน้า รายการ และแถวตารางรวม {n} ส่วนถึงบรรทัดนี้ "
                   "(ได้ไม่เกิน {limit} ส่วน)", MAX_PARAGRAPHS),
    "splits": ("the paragraph from this line has {n} headings, rules or quotes without a "
               "blank line between them (at most {limit})",
               "ย่อหน้าจากบรรทัดนี้มีหัวข้อ เส้นคั่น หรือข้อความอ้างอิง {n} แห่งโดยไม่มีบรรทัดว่างคั่น "
               "(ได้ไม่เกิน {limit})", MAX_SPLITS),
}


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
            out.append(_problem(f, file, year, item))
    return out


def _problem(f: Finding, file: str, year: int | None, item: str | None) -> Problem:
    if f.kind == "plain":
        en, th, limit = PLAIN[f.value]
        return problem("markdown-plain", file=file, line=f.line, year=year, item=item,
                       value=f"{f.value} {f.count:,}",
                       found=en.format(n=f"{f.count:,}", limit=f"{limit:,}"),
                       found_th=th.format(n=f"{f.count:,}", limit=f"{limit:,}"))
    code = "markdown-html" if f.kind == "html" else "markdown-link-scheme"
    return problem(code, file=file, line=f.line, year=year, item=item, value=f.value,
                   allowed=", ".join(f"`<{t}>`" for t in ALLOWED_TAGS))
