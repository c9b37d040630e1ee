"""Reports for people (terminal text: Thai labels and messages, English codes) and machines
(JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import unicodedata
from collections.abc import Iterable
from typing import Any

from generator.base.problems import ERROR, Problem, get_kind
from generator.base.say import THAI, lang, say
from generator.base.thai import format_date
from generator.check.archive import ArchiveReport
from generator.check.report import NA, STATUS_ICON, STATUS_TH, YearReport
from generator.check.score import Estimate, estimate
from generator.load.catalogue import PERIOD_RULES_TH, Catalogue, Component

SEVERITY_TH = {"error": "ต้องแก้", "warning": "ควรแก้"}
SEVERITY_EN = {"error": "error", "warning": "warning"}
SEVERITY_ICON = {"error": "✘", "warning": "⚠"}


# --- terminal text ------------------------------------------------------------------------

def width_of(text: str) -> int:
    """Columns `text` takes in a terminal: Thai vowel and tone marks above or below a
    consonant take none, East Asian wide characters two."""
    cols = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        cols += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return cols


def pad(text: str, cols: int, right: bool = False) -> str:
    """`text` padded with spaces to `cols` terminal columns (str.ljust counts marks)."""
    fill = " " * max(0, cols - width_of(text))
    return fill + text if right else text + fill


def cut(text: str, cols: int) -> str:
    """`text` shortened to `cols` terminal columns, never splitting a mark from its letter."""
    if width_of(text) <= cols:
        return text
    out, used = "", 0
    for ch in text:
        w = width_of(ch)
        if used + w > cols - 1:
            break
        out += ch
        used += w
    while out and width_of(out[-1]) == 0:  # a dangling mark belongs to the cut letter
        out = out[:-1]
    return out + "…"


def _width() -> int:
    return max(80, min(shutil.get_terminal_size((100, 20)).columns, 160))


def problems_text(problems: Iterable[Problem], width: int | None = None,
                  language: str | None = None) -> str:
    """One block per problem: severity, item/component, where (as officers count it in
    Thai), code; the message, the line it is on with a caret under the column and the line
    corrected, and the fix — in Thai unless English is asked for."""
    language = language or lang()
    thai = language == THAI
    lines = []
    for p in problems:
        severity = (SEVERITY_TH if thai else SEVERITY_EN)[p.severity]
        head = f"{SEVERITY_ICON[p.severity]} {severity}"
        if p.item:
            head += f"  {p.item}" + (f"/{p.component}" if p.component else "")
        where = p.where_in(language)
        if where:
            head += f"  {where}"
        message, fix = p.text(language)
        lines.append(f"{head}  [{p.code}]")
        lines.append(f"    {message}")
        lines += excerpt_lines(p, language, "    ")
        lines.append(f"    {'วิธีแก้' if thai else 'fix'}: {fix}")
        if p.corrected is not None:
            label = "แก้เป็น" if thai else "fixed"
            lines.append(f"    {pad(label, _label_width(p, thai))} | {p.corrected}")
    return "\n".join(lines)


def _label_width(p: Problem, thai: bool) -> int:
    labels = [("แก้เป็น" if thai else "fixed")]
    if p.line:
        labels.append(f"{'บรรทัด' if thai else 'line'} {p.line}")
    return max(width_of(x) for x in labels)


def excerpt_lines(p: Problem, language: str, indent: str = "") -> list[str]:
    """The line a problem is on and a caret under its column (terminal columns: Thai
    marks above or below a letter take none)."""
    if p.excerpt is None or p.line is None:
        return []
    thai = language == THAI
    text, at = p.excerpt
    label = f"{'บรรทัด' if thai else 'line'} {p.line}"
    w = _label_width(p, thai)
    out = [f"{indent}{pad(label, w)} | {text}"]
    if p.column:
        out.append(f"{indent}{' ' * w} | {' ' * width_of(text[:at])}^")
    return out


COLUMNS = (("ข้อ", 5, False), ("สถานะ", 15, False), ("องค์ประกอบ", 10, True),
           ("คะแนน*", 7, True))
COLUMNS_EN = ("item", "status", "components", "score*")
STATUS_EN = {"complete": "complete", "incomplete": "incomplete", "missing": "missing",
             "na": "n/a"}


def _row(cells: Iterable[str], width: int, rest: str = "") -> str:
    parts = [pad(c, w, right) for c, (_, w, right) in zip(cells, COLUMNS, strict=True)]
    return cut("  ".join(parts) + "  " + rest, width).rstrip()


def check_text(report: YearReport, strict: bool = False, width: int | None = None) -> str:
    """The check of one year for people: every item grouped by sub-indicator, the open
    components, the estimate, the best next fixes and every problem."""
    width = width or _width()
    est = estimate(report)
    cat = report.catalogue
    thai = lang() == THAI
    provisional = say(" (ชั่วคราว)", " (provisional)") if cat.status == "provisional" else ""
    out = [say(f"ตรวจความครบถ้วน OIT ปีงบประมาณ {report.year} · เกณฑ์ปี {cat.fiscal_year}"
               f"{provisional} {len(cat.items)} ข้อ · นับถึง {format_date(report.as_of, 'short')}",
               f"OIT completeness, fiscal year {report.year} · catalogue {cat.fiscal_year}"
               f"{provisional}, {len(cat.items)} items · as of {report.as_of.isoformat()}"),
           ""]
    out.append(_row([c[0] for c in COLUMNS] if thai else list(COLUMNS_EN), width,
                    say("ชื่อข้อ", "title")))
    by_item: dict[str, list[Problem]] = {}
    for p in report.problems:
        if p.item:
            by_item.setdefault(p.item, []).append(p)
    for sub in cat.sub_indicators:
        items = [st for st in report.items if st.item.sub_indicator == sub.id]
        if not items:
            continue
        out.append(cut(f"{sub.id} {sub.title} · " + say("คะแนนโดยประมาณ* ", "estimate* ") +
                       _f(est.sub_indicators.get(sub.id)), width))
        for st in items:
            status = f"{STATUS_ICON[st.status]} " + (STATUS_TH if thai else STATUS_EN)[st.status]
            comps = "–" if st.status == NA else f"{st.met_count}/{len(st.components)}"
            score = "–" if st.score is None else f"{st.score:.0f}"
            title = st.item.title
            if st.content and st.content.title and st.content.title != title:
                title += f" (หน่วยงานใช้ชื่อ: {st.content.title})"
            out.append(_row([st.item.id, status, comps, score], width, title))
            if st.status == NA:
                continue
            for c in st.components:
                if not c.met and c.due is not None:
                    out.append(cut(f"{'':7}◷ {_named(c.component)}: ยังไม่ถึงกำหนด "
                                   f"({c.detail or 'ถึงกำหนด'})", width))
                elif not c.met:
                    out.append(cut(f"{'':7}✘ {_named(c.component)}{_also(c.component)}",
                                   width))
            codes = sorted({p.code for p in by_item.get(st.item.id, [])})
            if codes:
                out.append(cut(f"{'':7}" + say("ปัญหา: ", "problems: ") + ", ".join(codes),
                               width))
            if st.attention:
                codes = sorted({p.code for p in st.attention})
                out.append(cut(f"{'':7}" + say("⚠ ต้องแก้ไข: เว็บไซต์แสดงข้อนี้ว่าต้องแก้ไข ",
                                               "⚠ needs attention: the site marks this item ") +
                               f"({', '.join(codes)})", width))
    counts = report.counts
    out += ["", say(f"ครบถ้วน {counts['complete']} · ยังไม่ครบ {counts['incomplete']} · "
                    f"ยังไม่มีข้อมูล {counts['missing']} · ยังไม่ถึงกำหนด {counts['due']} · "
                    f"ไม่เกี่ยวข้อง {counts['na']} ข้อ",
                    f"complete {counts['complete']} · incomplete {counts['incomplete']} · "
                    f"missing {counts['missing']} · not yet due {counts['due']} · "
                    f"not applicable {counts['na']}"),
            say(f"องค์ประกอบครบ {report.components_met}/{report.components_total} "
                f"({report.completion:.1f}%)",
                f"components met {report.components_met}/{report.components_total} "
                f"({report.completion:.1f}%)")]
    out += _estimate_lines(est, width, cat)
    errors = [p for p in report.problems if p.severity == ERROR or strict]
    warnings = [p for p in report.problems if not (p.severity == ERROR or strict)]
    if report.problems:
        strict_note = say(" (`--strict`: ข้อสังเกตนับเป็นปัญหา)",
                          " (--strict: warnings count as problems)") if strict and any(
            p.severity != ERROR for p in report.problems) else ""
        out += ["", say(f"ปัญหาที่ต้องแก้ {len(errors)} รายการ · ข้อสังเกตที่ควรแก้ "
                        f"{len(warnings)} รายการ{strict_note}",
                        f"{len(errors)} problem(s) to fix · {len(warnings)} warning(s)"
                        f"{strict_note}"), "",
                problems_text(report.problems)]
    else:
        out += ["", say("ไม่พบปัญหา", "no problems")]
    return "\n".join(out) + "\n"


def item_text(report: YearReport, item_id: str, strict: bool = False,
              width: int | None = None) -> str:
    """One item for an officer about to enter its evidence (`check --item o19`): its
    requirement and period rule, every component with the code to write in `components:`
    and its Thai name, what meets it so far, an evidence entry to copy, and its problems."""
    width = width or _width()
    thai = lang() == THAI
    st = report.item(item_id)
    it = st.item
    fy = report.year
    file = st.content.file if st.content else f"content/{fy}/oit/{it.id}.md"
    status = STATUS_TH[st.status] if thai else st.status
    out = [say(f"ข้อ {it.id} {it.title}", f"item {it.id} {it.title}"),
           say(f"ปีงบประมาณ {fy} (เกณฑ์ปี {report.catalogue.fiscal_year}) · ไฟล์ {file} · "
               f"สถานะ: {status} · องค์ประกอบครบ {st.met_count}/{len(st.components)}",
               f"fiscal year {fy} (catalogue {report.catalogue.fiscal_year}) · file {file} · "
               f"status: {status} · components met {st.met_count}/{len(st.components)}")]
    if it.requirement:
        out.append(say("ข้อกำหนด: ", "requirement: ") + " ".join(it.requirement.split()))
    out.append(say("ช่วงเวลา: ", "period rule: ") + PERIOD_RULES_TH[it.period] +
               ("" if thai else f" ({it.period})"))
    out += ["", say("องค์ประกอบ (รหัสที่ใช้ใน `components:` และชื่อ):",
                    "components (the code to write in `components:`, and its name):")]
    code_w = max((width_of(c.component.id) for c in st.components), default=4)
    for c in st.components:
        mark = "✔" if c.met else "✘"
        line = f"  {mark} {pad(c.component.id, code_w)}  {c.component.name}{_also(c.component)}"
        if c.component.auto:
            line += say("  (ตรวจให้อัตโนมัติ ไม่ต้องระบุ)", "  (decided automatically)")
        elif c.evidence:
            line += say("  ← หลักฐานรายการที่ ", "  ← evidence #") + ", ".join(
                str(e.index + 1) for e in c.evidence)
        out.append(cut(line, width))
    claim = [c.component.id for c in st.components if c.component.auto is None]
    names = ", ".join(c.component.name for c in st.components if c.component.auto is None)
    if claim:
        out += ["", say(f"ตัวอย่างหลักฐาน (คัดลอกไปวางใต้ `evidence:` ในไฟล์ {file} "
                        "แล้วแก้ให้ตรงกับเอกสาร):",
                        f"an evidence entry to copy under `evidence:` in {file}, then edit:"),
                "  - title: " + say("ชื่อเอกสารตามที่เผยแพร่", "the document's title"),
                f"    date: {fy}-01-15",
                f"    file: files/{fy}/{it.id}-….pdf      # "
                + say("หรือ url: https://…", "or url: https://…"),
                f"    components: [{', '.join(claim)}]"
                f"  # {names}"]
    if st.problems:
        errors = [p for p in st.problems if p.severity == ERROR or strict]
        out += ["", say(f"ปัญหาของข้อนี้ {len(errors)} รายการ · ข้อสังเกต "
                        f"{len(st.problems) - len(errors)} รายการ",
                        f"{len(errors)} problem(s), {len(st.problems) - len(errors)} "
                        "warning(s) for this item"), "",
                problems_text(st.problems)]
    else:
        out += ["", say("ข้อนี้ไม่พบปัญหา", "no problems for this item")]
    return "\n".join(out) + "\n"


def archive_text(report: ArchiveReport, strict: bool = False, width: int | None = None
                 ) -> str:
    """An archive year for people: its items as the council titled them, which need
    attention, and every problem (no completeness: there is no catalogue)."""
    width = width or _width()
    out = [f"ปีงบประมาณ {report.year}: คลังเอกสาร (ไม่มีเกณฑ์ OIT ของปีนี้ จึงไม่ตรวจความครบถ้วน) · "
           f"{len(report.items) + len(report.unreadable)} ข้อ", ""]
    for ai in report.items:
        c = ai.content
        mark = "⚠" if ai.attention else "•"
        out.append(cut(f"{mark} {pad(ai.item_id, 5)} {c.title or '(ไม่ได้ระบุชื่อ)'} · "
                       f"หลักฐาน {len(c.evidence)} รายการ", width))
    for item_id in report.unreadable:
        out.append(cut(f"⚠ {pad(item_id, 5)} (อ่านไฟล์ไม่ได้)", width))
    errors = [p for p in report.problems if p.severity == ERROR or strict]
    if report.problems:
        out += ["", f"ปัญหาที่ต้องแก้ {len(errors)} รายการ · ข้อสังเกตที่ควรแก้ "
                    f"{len(report.problems) - len(errors)} รายการ", "",
                problems_text(report.problems)]
    else:
        out += ["", "ไม่พบปัญหา (no problems)"]
    return "\n".join(out) + "\n"


def archive_dict(report: ArchiveReport) -> dict[str, Any]:
    """An archive year as data (docs/content-format.md "Earlier years")."""
    return {
        "format": "prongsai-archive/1",
        "fiscal_year": report.year,
        "items": [{"id": ai.item_id, "title": ai.content.title or None, "file": ai.content.file,
                   "evidence": len(ai.content.evidence), "attention": bool(ai.attention)}
                  for ai in report.items],
        "unreadable": list(report.unreadable),
        "problems": [p.as_dict() for p in report.problems],
    }


def _named(comp: Component) -> str:
    """A component as officers meet it in a message: its Thai name, and beside it the code
    they write in `components:` — แผนผังโครงสร้าง (`chart`)."""
    return f"{comp.name} (`{comp.id}`)"


def _also(comp: Component) -> str:
    """The component's full title after its name, unless the name is the title."""
    return "" if comp.name == comp.title else f": {comp.title}"


def _estimate_lines(est: Estimate, width: int, cat: Catalogue | None = None) -> list[str]:
    inds = " · ".join(say(f"ตัวชี้วัดที่ {k}: ", f"indicator {k}: ") + _f(v)
                      for k, v in est.indicators.items())
    out = [say(f"คะแนน OIT โดยประมาณ* {_f(est.tool)} ({inds})",
               f"estimated OIT score* {_f(est.tool)} ({inds})"),
           say("* ค่าประมาณจากสัดส่วนองค์ประกอบที่มีหลักฐาน ไม่ใช่คะแนนทางการ",
               "* an estimate from the share of components with evidence, not an official "
               "score")]
    if est.fixes:
        out += ["", say("แก้ข้อใดก่อน (คะแนน OIT โดยประมาณที่เพิ่มขึ้น → คะแนนหลังแก้):",
                        "what to fix first (estimated OIT gain → score after the fix):")]
        for f in est.fixes[:10]:
            gain = pad(f"+{f.gain:.2f}", 6, right=True)
            item = cat.item(f.item) if cat else None
            comps = [_named(c) if (c := item.component(cid) if item else None) else cid
                     for cid in f.components]
            out.append(cut(f"  {gain} → {f.oit_after:.2f}  {f.item} {f.title} "
                           f"[{', '.join(comps)}]", width))
    return out


def _f(v: float | None) -> str:
    return "–" if v is None else f"{v:.2f}"


# --- machine-readable ---------------------------------------------------------------------

def report_dict(report: YearReport, est: Estimate) -> dict[str, Any]:
    """The check report as data; format documented in schemas/checklist.schema.json."""
    return {
        "format": "prongsai-checklist/1",
        "fiscal_year": report.year,
        "catalogue": {"fiscal_year": report.catalogue.fiscal_year,
                      "status": report.catalogue.status, "items": len(report.catalogue.items)},
        "as_of": report.as_of.isoformat(),
        "summary": {
            "items": report.counts,
            "components_met": report.components_met,
            "components_total": report.components_total,
            "completion_percent": round(report.completion, 2),
            "errors": len(report.errors),
            "warnings": len(report.problems) - len(report.errors),
        },
        "estimate": est.as_dict(),
        "items": [
            {
                "id": st.item.id,
                "title": st.item.title,
                "council_title": (st.content.title or None) if st.content else None,
                "sub_indicator": st.item.sub_indicator,
                "status": st.status,
                "attention": bool(st.attention),
                "unit": st.content.unit if st.content else st.item.unit,
                "file": st.content.file if st.content else None,
                "estimated_score": None if st.score is None else round(st.score, 2),
                "components": [
                    {"id": c.component.id, "title": c.component.title,
                     "label": c.component.name, "met": c.met,
                     "auto": c.component.auto,
                     "evidence": [e.index for e in c.evidence if e.index >= 0],
                     # imported monthly procurement tables (content/<fy>/procurement/)
                     **({"tables": [e.url.removeprefix("#m-") for e in c.evidence
                                    if e.index < 0]} if any(e.index < 0 for e in c.evidence)
                        else {}),
                     **({"due": c.due.isoformat()} if c.due and not c.met else {}),
                     **({"uncertain": True} if c.component.uncertain else {})}
                    for c in st.components
                ],
            }
            for st in report.items
        ],
        "problems": [p.as_dict() for p in report.problems],
    }


def checklist_json(report: YearReport, est: Estimate) -> bytes:
    return (json.dumps(report_dict(report, est), ensure_ascii=False, indent=2,
                       sort_keys=False) + "\n").encode()


# Thai headers and Thai names for people opening it in a spreadsheet; the last two columns
# keep the component id and problem codes for tools (checklist.json has everything as data)
CSV_COLUMNS = ["ปีงบประมาณ", "ข้อ", "ชื่อข้อ", "ตัวชี้วัดย่อย", "สถานะของข้อ", "องค์ประกอบ",
               "รายละเอียดองค์ประกอบ", "มีหลักฐานแล้ว", "ปัญหา", "รหัสองค์ประกอบ", "รหัสปัญหา"]
MET_TH = {True: "มี", False: "ยังไม่มี"}


def checklist_csv(report: YearReport) -> bytes:
    """One row per item × component (UTF-8 with BOM so Excel shows Thai)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for st in report.items:
        for c in st.components:
            codes = sorted({p.code for p in report.problems
                            if p.item == st.item.id and p.component in (c.component.id, None)})
            w.writerow([report.year, st.item.id, _cell(st.item.title), st.item.sub_indicator,
                        STATUS_TH[st.status], _cell(c.component.name),
                        _cell(c.component.title), "–" if st.status == NA else MET_TH[c.met],
                        "; ".join(get_kind(code).title_th for code in codes),
                        c.component.id, " ".join(codes)])
    return ("\ufeff" + buf.getvalue()).encode()


def _cell(text: str) -> str:
    """Text as a spreadsheet shows it, never as a formula (`=…`, `+…`, `-…`, `@…`)."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text



def check_json(reports: list[YearReport], archives: list[ArchiveReport] | None = None) -> str:
    """One year: the document of schemas/checklist.schema.json (an archive year's:
    `archive_dict`); several: a list of them, newest year first."""
    years = [(r.year, report_dict(r, estimate(r))) for r in reports]
    years += [(a.year, archive_dict(a)) for a in archives or []]
    data = [d for _, d in (sorted(years, key=lambda x: -x[0]) if archives else years)]
    doc = data[0] if len(data) == 1 else {"format": "prongsai-checklist-multi/1", "years": data}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


CSV_PROBLEM_COLUMNS = ["severity", "code", "year", "item", "component", "file", "line", "path",
                       "value", "message", "fix", "message_th", "fix_th", "build"]


def check_csv(reports: list[YearReport], archives: list[ArchiveReport] | None = None) -> str:
    """One row per problem (the item × component matrix is in checklist.csv on the site)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_PROBLEM_COLUMNS)
    found = [p for r in reports for p in r.problems]
    found += [p for a in archives or [] for p in a.problems]
    for p in found:
        d = p.as_dict()
        w.writerow(["" if d[c] is None else d[c] for c in CSV_PROBLEM_COLUMNS])
    return buf.getvalue()
