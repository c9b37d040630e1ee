"""`prongsai import procurement` of a large สขร.1 workbook (issue 18): a fiscal year of
5,000 entries, one sheet per month in the layout of tests/workbooks.py (title rows, a header
over two merged rows, a row of column numbers, a total row, signature lines), imported into
a copy of the example council by the real command, timed with its peak memory."""

from __future__ import annotations

import shutil
import statistics
from pathlib import Path
from typing import Any

from openpyxl import Workbook

from bench.procs import REPO, prongsai, run
from generator.base.thai import MONTHS_LONG, MONTHS_SHORT
from tests.workbooks import AUGUST, SEPTEMBER, Entry, month_sheet

TARGET_S, TARGET_MB = 5.0, 300.0
MONTHS = [(2024, m) for m in (10, 11, 12)] + [(2025, m) for m in range(1, 10)]


def make_workbook(path: Path, rows: int) -> None:
    """`rows` entries spread over the 12 months of fiscal 2568."""
    wb = Workbook()
    wb.remove(wb.active)
    pattern = AUGUST + SEPTEMBER
    per = [rows // 12 + (1 if i < rows % 12 else 0) for i in range(12)]
    n = 0
    for (year, month), count in zip(MONTHS, per, strict=True):
        be = year + 543
        entries = []
        for _ in range(count):
            e = pattern[n % len(pattern)]
            day = 1 + n % 28
            entries.append(Entry(f"{e.work} ({n + 1})", e.budget, e.reference, e.method,
                                 e.bidders, e.winner, e.agreed, e.reason,
                                 f"{e.contract.split('/')[0]}-{n + 1}/{be}",
                                 f"{day} {MONTHS_SHORT[month - 1]} {be}", f"{be % 100}{n:09d}"))
            n += 1
        month_sheet(wb, f"{MONTHS_SHORT[month - 1]}{be % 100}", f"{MONTHS_LONG[month - 1]} {be}",
                    entries)
    wb.save(path)


def bench_import(work: Path, rows: int, runs: int) -> dict[str, Any]:
    work.mkdir(parents=True, exist_ok=True)
    book = work / f"skr1-{rows}.xlsx"
    make_workbook(book, rows)
    times, peaks = [], []
    for _ in range(runs):
        project = work / "council"
        shutil.rmtree(project, ignore_errors=True)
        shutil.copytree(REPO / "content", project / "content")
        shutil.copy(REPO / "site_config.yml", project)
        shutil.rmtree(project / "content" / "2568" / "procurement", ignore_errors=True)
        r = run(prongsai("import", "procurement", str(book), "--project", str(project),
                         "--year", "2568"))
        times.append(r.seconds)
        peaks.append(r.peak_mb)
    median = round(statistics.median(times), 3)
    return {"rows": rows, "workbook_bytes": book.stat().st_size,
            "seconds": [round(t, 3) for t in times], "median_s": median,
            "peak_mb": round(max(peaks), 1), "target_s": TARGET_S, "target_mb": TARGET_MB,
            "met": median <= TARGET_S and max(peaks) <= TARGET_MB}
