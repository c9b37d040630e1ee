"""Reports for people (terminal text, Thai labels, English codes) and machines (JSON, CSV)."""

from __future__ import annotations

import csv
import io
import json
import shutil
from collections.abc import Iterable

from generator.checks import STATUS_ICON, STATUS_TH, YearReport
from generator.problems import Problem
from generator.render import report_dict
from generator.score import estimate
from generator.thai import format_date

SEVERITY_TH = {"error": "ต้องแก้", "warning": "ควรแก้"}


def _width() -> int:
    return max(80, min(shutil.get_terminal_size((100, 20)).columns, 160))


def problems_text(problems: Iterable[Problem]) -> str:
    """One block per problem: where, code, message, fix."""
    lines = []
    for p in problems:
        head = f"{SEVERITY_TH[p.severity]} [{p.code}]"
        if p.item:
            head += f" {p.item}" + (f"/{p.component}" if p.component else "")
        lines.append(head + (f"  {p.where}" if p.where else ""))
        lines.append(f"    {p.message}")
        lines.append(f"    วิธีแก้ (fix): {p.fix}")
    return "\n".join(lines)


def check_text(report: YearReport, strict: bool = False) -> str:
    est = estimate(report)
    cat = report.catalogue
    out = [f"ตรวจความครบถ้วน OIT ปีงบประมาณ {report.year} "
           f"(เกณฑ์ {cat.fiscal_year}{', ชั่วคราว' if cat.status == 'provisional' else ''}; "
           f"{len(cat.items)} ข้อ; ตรวจ ณ {format_date(report.as_of, 'short')})", ""]
    out.append(f"{'ข้อ':<5} {'สถานะ':<16} {'องค์ประกอบ':>10}  {'คะแนน*':>7}  ข้อมูล")
    width = _width()
    for st in report.items:
        status = f"{STATUS_ICON[st.status]} {STATUS_TH[st.status]}"
        comps = "–" if st.status == "na" else f"{st.met_count}/{len(st.components)}"
        score = "–" if st.score is None else f"{st.score:.0f}"
        line = f"{st.item.id:<5} {status:<16} {comps:>10}  {score:>7}  {st.item.title}"
        out.append(_cut(line, width))
        for c in st.components:
            if not c.met and st.status != "na":
                out.append(_cut(f"{'':<5}   ✘ {c.component.id}: {c.component.title}", width))
    counts = report.counts
    out += ["", f"ครบถ้วน {counts['complete']} · ยังไม่ครบ {counts['incomplete']} · "
                f"ยังไม่มีข้อมูล {counts['missing']} · ไม่เกี่ยวข้อง {counts['na']} ข้อ; "
                f"องค์ประกอบ {report.components_met}/{report.components_total} "
                f"({report.completion:.1f}%)"]
    inds = " · ".join(f"ตัวชี้วัด {k}: {_f(v)}" for k, v in est.indicators.items())
    out.append(f"* คะแนน OIT โดยประมาณ (estimate, not the official score): {_f(est.tool)}"
               f" ({inds})")
    if est.fixes:
        out += ["", "แก้ข้อใดก่อน (best next fixes, estimated OIT gain):"]
        for f in est.fixes[:10]:
            out.append(_cut(f"  +{f.gain:5.2f}  {f.item} {f.title} "
                            f"[{', '.join(f.components)}]", width))
    errors = [p for p in report.problems if p.severity == "error" or strict]
    warnings = [p for p in report.problems if p not in errors]
    if report.problems:
        out += ["", f"ปัญหา {len(errors)} รายการ, ข้อสังเกต {len(warnings)} รายการ:", "",
                problems_text(report.problems)]
    else:
        out += ["", "ไม่พบปัญหา (no problems)"]
    return "\n".join(out) + "\n"


def _f(v: float | None) -> str:
    return "–" if v is None else f"{v:.2f}"


def _cut(line: str, width: int) -> str:
    return line if len(line) <= width else line[: width - 1] + "…"


def check_json(reports: list[YearReport]) -> str:
    data = [report_dict(r, estimate(r)) for r in reports]
    doc = data[0] if len(data) == 1 else {"format": "prongsai-checklist-multi/1", "years": data}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


CSV_PROBLEM_COLUMNS = ["severity", "code", "year", "item", "component", "file", "line", "path",
                       "value", "message", "fix"]


def check_csv(reports: list[YearReport]) -> str:
    """One row per problem (the item × component matrix is in checklist.csv on the site)."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_PROBLEM_COLUMNS)
    for r in reports:
        for p in r.problems:
            d = p.as_dict()
            w.writerow(["" if d[c] is None else d[c] for c in CSV_PROBLEM_COLUMNS])
    return buf.getvalue()
