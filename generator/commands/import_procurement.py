"""`prongsai import procurement FILE`: a สขร.1 workbook, CSV or saved cgdcontract response
into one data file per month, `content/<fy>/procurement/<BE year>-<month>.yml`.

Nothing else in content/ is touched. A month that already has a file is not overwritten:
the import shows how it differs and refuses, unless `--replace`, which keeps the old file
in `procurement/.replaced/`. The files are written whole or not at all: every new file is
first written beside its place and only then renamed into it, so an import that fails (an
unreadable sheet, a disk error) leaves content/ as it was.
"""

from __future__ import annotations

import difflib
import os
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from generator.base.problems import ERROR, InputError, Problem, problem, sort_key
from generator.base.thai import fiscal_period, fiscal_year_of, format_date
from generator.check.procurement import Place, check_months
from generator.load.config import load_config
from generator.load.procurement import FOLDER, Month, dump_month, month_file
from generator.load.spreadsheet import numbered, read_source

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("file-unreadable", "procurement-month-exists", "procurement-out-of-year")

NEW, REPLACED, UNCHANGED, EXISTS = "new", "replaced", "unchanged", "exists"
BACKUP_DIR = ".replaced"


@dataclass(frozen=True)
class MonthChange:
    """What the import does with one month."""

    month: Month
    state: str  # new, replaced, unchanged, or exists (refused: differs, no --replace)
    diff: str = ""
    backup: str = ""  # where the replaced file is kept, relative to the project
    text: str = ""  # the data file's text


@dataclass(frozen=True)
class ImportReport:
    source: str
    changes: tuple[MonthChange, ...]
    problems: tuple[Problem, ...] = ()  # the rows' problems (as `check` will show them)
    warnings: tuple[Problem, ...] = ()  # from reading the file (skipped sheets, totals)
    written: bool = False
    skipped: int = 0  # cgdcontract projects without a contract yet
    refused: tuple[Problem, ...] = field(default_factory=tuple)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == ERROR]


def import_procurement(root: Path, source: Path, year: int | None = None,
                       replace: bool = False, dry_run: bool = False) -> ImportReport:
    """Read `source` and write its months into the project at `root`. Raises InputError
    (nothing written) when the file cannot be read with certainty."""
    report = plan_import(root, source, year, replace)
    if dry_run:
        return report
    return write_import(root, report)


def plan_import(root: Path, source: Path, year: int | None = None, replace: bool = False,
                source_as: str | None = None) -> ImportReport:
    """What importing `source` would write (nothing is written). `source_as`: the path the
    month files give as their source, when the file is read from elsewhere first (the
    editor reads an upload from a temporary copy before it stores it under content/)."""
    root = root.resolve()
    load_config(root)  # the project must be a council's folder
    if not (root / "content").is_dir():
        raise InputError([problem("file-unreadable", file="content",
                                  value="the content/ folder does not exist")])
    shown = _shown(root, source)
    imported = read_source(source, shown)
    recorded = source_as or shown
    months: list[Month] = []
    errors: list[Problem] = []
    for ym, draft in sorted(imported.months.items()):
        fy = fiscal_year_of(date(ym[0], ym[1], 1))
        rows = numbered(draft.rows)
        month = Month(ym[0], ym[1], rows, no_procurement=draft.none and not rows,
                      source=recorded, file=month_file(fy, *ym))
        if year is not None and fy != year:
            span = fiscal_period(year)
            errors.append(problem(
                "procurement-out-of-year", file=shown, year=year, month=month.title,
                span=f"{format_date(span.start, 'short')} – {format_date(span.end, 'short')}",
                expected=fy, path=f"ชีต {rows[0].sheet} แถว {rows[0].row}"
                if rows and rows[0].sheet else None))
            continue
        months.append(month)
    if errors:
        raise InputError(errors)
    found: list[Problem] = []
    for fy in sorted({m.fiscal_year for m in months}):
        found += check_months([m for m in months if m.fiscal_year == fy], fy,
                              place=Place(shown, importing=True))
    changes = [_change(root, m, replace) for m in months]
    refused = [problem("procurement-month-exists", file=c.month.file, value=c.month.file,
                       changes=_count(c.diff), backup=f"{Path(c.month.file).parent.as_posix()}/"
                       f"{BACKUP_DIR}/")
               for c in changes if c.state == EXISTS]
    return ImportReport(shown, tuple(changes), tuple(sorted(found, key=sort_key)),
                        tuple(imported.warnings), False, imported.skipped, tuple(refused))


def write_import(root: Path, report: ImportReport) -> ImportReport:
    """Write what `plan_import` found (unless it refused, or nothing changes)."""
    if report.refused or all(c.state == UNCHANGED for c in report.changes):
        return report
    _write(root.resolve(), list(report.changes))
    return ImportReport(report.source, report.changes, report.problems, report.warnings, True,
                        report.skipped)


def _shown(root: Path, source: Path) -> str:
    try:
        return source.resolve().relative_to(root).as_posix()
    except ValueError:
        return source.name


def _change(root: Path, month: Month, replace: bool) -> MonthChange:
    path = root / month.file
    text = dump_month(month)
    if not path.exists():
        return MonthChange(month, NEW, text=text)
    old = path.read_text("utf-8", errors="replace")
    if old == text:
        return MonthChange(month, UNCHANGED, text=text)
    diff = "\n".join(difflib.unified_diff(
        old.splitlines(), text.splitlines(), fromfile=f"{month.file} (ที่มีอยู่)",
        tofile=f"{month.file} (นำเข้าใหม่)", lineterm="", n=1))
    if not replace:
        return MonthChange(month, EXISTS, diff, text=text)
    return MonthChange(month, REPLACED, diff, _backup_name(root, month), text)


def _count(diff: str) -> str:
    lines = diff.splitlines()[2:]
    plus = sum(1 for x in lines if x.startswith("+"))
    minus = sum(1 for x in lines if x.startswith("-"))
    return f"+{plus} −{minus} lines"


def _backup_name(root: Path, month: Month) -> str:
    folder = (root / month.file).parent / BACKUP_DIR
    n = 1
    while (folder / f"{month.key}.{n}.yml").exists():
        n += 1
    return (folder / f"{month.key}.{n}.yml").relative_to(root).as_posix()


def _write(root: Path, changes: list[MonthChange]) -> None:
    """Every file is written to a temporary name in its folder first; only when all are
    written are they renamed into place (the replaced ones moved to .replaced/ first)."""
    staged: list[tuple[str, MonthChange]] = []
    made: list[Path] = []
    try:
        for c in changes:
            if c.state == UNCHANGED:
                continue
            target = root / c.month.file
            if not target.parent.is_dir():
                target.parent.mkdir(parents=True, exist_ok=True)
                made.append(target.parent)
            fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.",
                                       suffix=".tmp")
            staged.append((tmp, c))
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as fh:
                fh.write(c.text)
                fh.flush()
                os.fsync(fh.fileno())
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        for folder in reversed(made):
            try:
                folder.rmdir()
            except OSError:
                pass
        raise
    for tmp, c in staged:
        target = root / c.month.file
        if c.state == REPLACED:
            backup = root / c.backup
            backup.parent.mkdir(exist_ok=True)
            os.replace(target, backup)
        os.replace(tmp, target)


# --- the report for people ----------------------------------------------------------------

MARK = {NEW: "+", REPLACED: "~", UNCHANGED: "=", EXISTS: "!"}
STATE_TH = {NEW: "สร้างใหม่", REPLACED: "แทนที่ฉบับเดิม", UNCHANGED: "ไม่เปลี่ยนแปลง",
            EXISTS: "มีอยู่แล้ว ไม่ได้เขียนทับ"}


def report_text(report: ImportReport, dry_run: bool = False) -> str:
    from generator.render.reports import problems_text

    out = [f"นำเข้ารายงานผลการจัดซื้อจัดจ้าง (สขร.1) จาก {report.source}: "
           f"{len(report.changes)} เดือน"]
    for c in report.changes:
        m = c.month
        what = "ไม่มีการจัดซื้อจัดจ้าง" if m.no_procurement else (
            f"{len(m.rows):,} รายการ, วงเงินรวม {m.total('budget'):,.2f} บาท, "
            f"ราคาที่ตกลงรวม {m.total('agreed_price'):,.2f} บาท")
        line = f"  {MARK[c.state]} {m.file}  {m.title}: {what} ({STATE_TH[c.state]})"
        if c.backup:
            line += f"; ฉบับเดิมเก็บไว้ที่ {c.backup}"
        out.append(line)
    if report.skipped:
        out.append(f"  ข้ามโครงการที่ยังไม่มีสัญญา {report.skipped} โครงการ (ยังไม่ใช่ผลการจัดซื้อจัดจ้าง)")
    if report.warnings:
        out += ["", problems_text(report.warnings)]
    if report.problems:
        out += ["", f"พบปัญหาในรายการ {len(report.problems)} รายการ "
                "(`prongsai check` จะแสดงจนกว่าจะแก้):", problems_text(report.problems)]
    if report.refused:
        out += ["", problems_text(report.refused), ""]
        out += [c.diff for c in report.changes if c.state == EXISTS]
        out.append("ไม่ได้เขียนไฟล์ใดเลย (nothing was written)")
    elif dry_run:
        out.append("ทดลองเท่านั้น ไม่ได้เขียนไฟล์ (--dry-run: nothing was written)")
    elif report.written:
        out.append("บันทึกแล้ว (written); ตรวจด้วย `prongsai check` และดูหน้าเว็บด้วย "
                   "`prongsai serve`")
    else:
        out.append("ไม่มีอะไรเปลี่ยนแปลง (nothing changed)")
    return "\n".join(out) + "\n"


__all__ = ["FOLDER", "ImportReport", "MonthChange", "import_procurement", "plan_import",
           "report_text", "write_import"]
