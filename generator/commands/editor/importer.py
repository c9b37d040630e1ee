"""The editor's import of monthly procurement summaries (แบบ สขร.1): `prongsai import
procurement` (generator.commands.import_procurement) as an upload, at `POST
/api/prongsai/import` with `{name, content (base64), year, replace, confirm, plan}`.

- The upload passes the editor's upload checks (base64, size: generator.commands.editor.api)
  and is typed by its content, not its name: an .xlsx is a ZIP holding a workbook's `xl/`
  parts, a .csv is text, a .json parses.
- Without `confirm` it is a dry run: the file is read from a temporary copy outside the
  project, and the answer says month by month what would be written (new, unchanged, or
  existing with differences, shown), lists the rows' problems, and gives a `plan` (a digest
  of what would be written). Nothing is written.
- With `confirm` and that `plan` (anything else changed meanwhile: refused, check again), the
  workbook is stored under content/files/<fy>/ (content/files/imports/ without a year) under
  a safe name no other file has, and the month files are written; a month that exists and
  differs only with `replace`, its old file kept in procurement/.replaced/ as `--replace`
  keeps it. Then, as after a save, the project is checked (a new problem that stops the build
  puts everything back), the change is committed in a git folder, and the preview and the
  checklist are rebuilt.
- A file that cannot be read with certainty (damaged, password, no สขร.1 header, a
  Christian-era date, …) is refused with each problem's sheet, row and column, in Thai.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import tempfile
import zipfile
from datetime import datetime
from pathlib import Path, PurePosixPath
from typing import Any

from generator.base.problems import ERROR, InputError, Problem
from generator.check.procurement import procurement_item
from generator.commands.editor.api import (
    BAD_CHARS,
    Refused,
    Workspace,
    decode_upload,
    safe_rel,
)
from generator.commands.editor.forms import MEDIA_ROOT
from generator.commands.editor.store import create_new
from generator.commands.import_procurement import (
    BACKUP_DIR,
    EXISTS,
    NEW,
    REPLACED,
    UNCHANGED,
    ImportReport,
    MonthChange,
    plan_import,
    write_import,
)
from generator.load.files import looks_active, sniff
from generator.load.project import Project
from generator.load.spreadsheet import OLE

IMPORT_TYPES = {".xlsx": "Excel (.xlsx)", ".xlsm": "Excel (.xlsm)", ".csv": "CSV",
                ".json": "JSON"}
IMPORTS_FOLDER = "imports"  # under content/files/, for a file of several fiscal years
MAX_LISTED = 200  # problems listed, and lines of a month's differences shown
FIX_TYPE = ("เปิดแบบ สขร.1 ใน Excel แล้วบันทึกเป็น \"เวิร์กบุ๊ก Excel (.xlsx)\" หรือ \"CSV UTF-8\" "
            "แล้วเลือกไฟล์นั้น")

PLANNED = {NEW: "ใหม่ (จะสร้างไฟล์)", UNCHANGED: "มีอยู่แล้ว ข้อมูลเหมือนกัน (ไม่ต้องเขียน)",
           EXISTS: "มีอยู่แล้ว ข้อมูลต่างกัน",
           REPLACED: "มีอยู่แล้ว ข้อมูลต่างกัน — จะแทนที่ (เก็บฉบับเดิมไว้)"}
DONE = {NEW: "บันทึกแล้ว (ไฟล์ใหม่)", UNCHANGED: "ไม่เปลี่ยนแปลง",
        EXISTS: "มีอยู่แล้ว ไม่ได้เขียนทับ", REPLACED: "แทนที่แล้ว"}


# --- what the upload is -----------------------------------------------------------------

def check_import_type(name: str, data: bytes) -> None:
    """The bytes must be the kind of file the name says: Refused (415) otherwise."""
    ext = os.path.splitext(name)[1].lower()
    if ext not in IMPORT_TYPES:
        raise Refused(415, f"นำเข้า `{name}` ไม่ได้: รับเฉพาะแบบ สขร.1 ที่เป็น Excel (.xlsx), "
                           "CSV (.csv) หรือ JSON (.json) ที่บันทึกจากบริการ cgdcontract — "
                           + FIX_TYPE)
    kind = IMPORT_TYPES[ext]
    if ext in (".xlsx", ".xlsm"):
        parts = _zip_parts(data)
        if data.startswith(OLE) or (data.startswith(b"PK\x03\x04") and not parts):
            return  # password-protected, a renamed .xls, or damaged: the reader says which
        if any(n.startswith("xl/") for n in parts) and "[Content_Types].xml" in parts:
            return
        actual = _looks_like(data) or "ข้อมูลที่ไม่ใช่เวิร์กบุ๊ก Excel"
    elif ext == ".csv":
        actual = _looks_like(data)
        utf16 = data.startswith((b"\xff\xfe", b"\xfe\xff"))
        if actual == "" and not looks_active(data[:512]) and (utf16 or b"\0" not in data[:8192]):
            return
        actual = actual or ("หน้าเว็บหรือ XML" if looks_active(data[:512]) else "ข้อมูลไบนารี")
    else:
        try:
            json.loads(data.decode("utf-8-sig"))
            return
        except (UnicodeDecodeError, ValueError):
            actual = _looks_like(data) or "ข้อความที่ไม่ใช่ JSON"
    raise Refused(415, f"นำเข้า `{name}` ไม่ได้: ชื่อไฟล์บอกว่าเป็น {kind} แต่เนื้อไฟล์เป็น "
                       f"{actual} (อาจเป็นไฟล์อื่นที่เปลี่ยนชื่อ) — {FIX_TYPE}")


def _zip_parts(data: bytes) -> set[str]:
    if not data.startswith(b"PK\x03\x04"):
        return set()
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return set(z.namelist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return set()


def _looks_like(data: bytes) -> str:
    """What the bytes are, for messages ("" when nothing is recognised)."""
    parts = _zip_parts(data)
    if parts:
        for prefix, kind in (("word/", "Word (docx)"), ("ppt/", "PowerPoint (pptx)"),
                             ("xl/", "Excel (xlsx)")):
            if any(n.startswith(prefix) for n in parts):
                return kind
        return "ZIP"
    if data.startswith(b"PK\x03\x04"):
        return "ZIP ที่เสียหาย"
    found = sniff(data[:16])
    return "" if found == "unknown data" else found


# --- the request -------------------------------------------------------------------------

def import_upload(ws: Workspace, body: object) -> dict[str, Any]:
    """Check (dry run) or import an uploaded สขร.1 file; Refused with a Thai message."""
    if not isinstance(body, dict):
        raise Refused(422, "คำขอไม่ถูกต้อง: ต้องเป็น object")
    raw_name = body.get("name")
    if not isinstance(raw_name, str) or not raw_name.strip() or len(raw_name) > 255:
        raise Refused(422, "คำขอไม่ถูกต้อง: ไม่มีชื่อไฟล์")
    name = _local_name(raw_name)
    data = decode_upload(name, body)
    check_import_type(name, data)
    replace, confirm = body.get("replace") is True, body.get("confirm") is True
    with ws.lock:
        project = ws.state.project
        if project is None:
            raise Refused(409, "ยังนำเข้าไม่ได้: อ่านข้อมูลของหน่วยงานไม่ได้ แก้ปัญหาที่แสดงในรายการ"
                               "ตรวจก่อน", [ws.describe(p, None) for p in ws.state.unreadable])
        year = _year(project, body.get("year"))
        item = procurement_item(project.years[year].catalogue) if year else None
        folder = f"{MEDIA_ROOT}/{year or IMPORTS_FOLDER}"
        # the same workbook uploaded again (under any name): its months name the stored copy
        stored = _stored_copy(ws.root, folder, data)
        there = stored is not None
        if stored is None:
            stored, there = ws.upload_place(f"{folder}/{name}", data, item.id if item else "")
        with tempfile.TemporaryDirectory(prefix="prongsai-import-") as tmp:
            copy = Path(tmp) / name
            copy.write_bytes(data)
            try:
                report = plan_import(ws.root, copy, year, replace, source_as=stored)
            except InputError as exc:
                raise Refused(422, f"นำเข้า `{name}` ไม่ได้ ยังไม่ได้บันทึกอะไร: แก้ไฟล์ตามรายการ"
                                   "ด้านล่าง บันทึกใน Excel แล้วเลือกไฟล์อีกครั้ง",
                              [describe(p) for p in exc.problems]) from exc
        outside = [c.month for c in report.changes if c.month.fiscal_year not in project.years]
        if outside:  # written, they would be published nowhere
            years = ", ".join(str(y) for y in project.year_list)
            raise Refused(422, "ยังไม่ได้บันทึกอะไร: " + ", ".join(
                f"{m.title} อยู่ในปีงบประมาณ {m.fiscal_year}" for m in outside) +
                f" ซึ่งเว็บไซต์นี้ไม่มี (มี {years}) — ตรวจปีในไฟล์ (ปี พ.ศ.) หรือเพิ่มปีงบประมาณนั้น"
                "ก่อนด้วยคำสั่ง prongsai new-year แล้วนำเข้าอีกครั้ง")
        plan = _plan(ws.root, report, stored)
        if not confirm:
            return answer(report, stored, there, plan, year, item.id if item else None)
        if body.get("plan") != plan:
            raise Refused(409, "ยังไม่ได้บันทึก: ไฟล์ที่เลือกหรือข้อมูลในโฟลเดอร์เปลี่ยนไปหลังจาก"
                               "ตรวจไฟล์ (อีกหน้าต่างหนึ่งหรือโปรแกรมอื่น) กด \"ตรวจไฟล์\" อีกครั้ง "
                               "ดูผลแล้วจึงยืนยัน")
        if report.refused:
            months = ", ".join(c.month.title for c in report.changes if c.state == EXISTS)
            raise Refused(409, f"ยังไม่ได้บันทึก: เดือน {months} มีข้อมูลอยู่แล้วและต่างจากไฟล์นี้ — "
                               "ดูความแตกต่าง หากต้องการแทนที่ ให้เลือก \"แทนที่เดือนที่มีข้อมูล"
                               "อยู่แล้ว\" (ฉบับเดิมเก็บไว้) แล้วยืนยันอีกครั้ง")
        if all(c.state == UNCHANGED for c in report.changes):
            return answer(report, stored, there, plan, year, item.id if item else None)
        done = _write(ws, report, data, stored, there)
        return answer(done, stored, True, plan, year, item.id if item else None)


def _local_name(name: str) -> str:
    """The file's own name (no folders), safe to create in a temporary folder: it is how
    messages name the file the officer chose."""
    base = PurePosixPath(name.replace("\\", "/")).name
    base = BAD_CHARS.sub("_", base).strip(" .")
    stem, ext = os.path.splitext(base)
    return (stem or "upload")[:100] + ext.lower()


def _stored_copy(root: Path, folder: str, data: bytes) -> str | None:
    """The file in `folder` that holds exactly these bytes, if one does."""
    where = safe_rel(root, folder)[1]
    if not where.is_dir():
        return None
    digest = hashlib.sha256(data).hexdigest()
    for p in sorted(where.iterdir()):
        if p.is_file() and not p.is_symlink() and p.stat().st_size == len(data) and \
                hashlib.sha256(p.read_bytes()).hexdigest() == digest:
            return f"{folder}/{p.name}"
    return None


def _year(project: Project, value: object) -> int | None:
    if value in (None, "", 0):
        return None
    text = str(value).strip()
    if not text.isdigit() or int(text) not in project.years:
        years = ", ".join(str(y) for y in project.year_list)
        raise Refused(422, f"ไม่มีปีงบประมาณ {value} ในโฟลเดอร์ content/ (มี {years}): "
                           "เลือกปีงบประมาณจากรายการ")
    return int(text)


def _plan(root: Path, report: ImportReport, stored: str) -> str:
    """A digest of what the import writes and of what it replaces."""
    parts: list[Any] = [stored]
    for c in report.changes:
        path = root / c.month.file
        old = hashlib.sha256(path.read_bytes()).hexdigest() if path.is_file() else ""
        parts.append([c.month.file, c.text, old])
    return hashlib.sha256(json.dumps(parts, ensure_ascii=False).encode()).hexdigest()


def _write(ws: Workspace, report: ImportReport, data: bytes, stored: str,
           there: bool) -> ImportReport:
    """Store the workbook, write the months, check as a save does; undo all on a refusal."""
    changed = [c for c in report.changes if c.state != UNCHANGED]
    rels = [c.month.file for c in changed]
    # a git folder: the version each replaced month had is committed first, as a save does
    # (elsewhere procurement/.replaced/ keeps it: a second copy in history/ would add nothing)
    if ws.history.git:
        ws.history.keep([c.month.file for c in changed if c.state == REPLACED], datetime.now())
    folders = {(ws.root / r).parent for r in rels}
    folders |= {p / BACKUP_DIR for p in folders}
    existed = {p for p in folders if p.exists()}
    workbook = safe_rel(ws.root, stored, write=True)[1]
    if not there and not create_new(workbook, data):
        raise Refused(409, f"ยังไม่ได้บันทึก: มีไฟล์ชื่อ {stored} เกิดขึ้นระหว่างนำเข้า "
                           "กด \"ตรวจไฟล์\" อีกครั้ง")
    try:
        done = write_import(ws.root, report)
        state = ws.check_save(rels)
    except BaseException:
        _undo(ws.root, changed)
        for folder in sorted(folders - existed, key=lambda p: -len(p.parts)):
            if folder.is_dir() and not any(folder.iterdir()):
                folder.rmdir()
        if not there:
            workbook.unlink(missing_ok=True)
        raise
    ws.history.record(rels + [c.backup for c in changed if c.backup] + [stored],
                      f"prongsai edit: นำเข้า สขร.1 จาก {stored}: " + ", ".join(rels))
    ws.state = state
    ws.on_change(state)
    return done


def _undo(root: Path, changed: list[MonthChange]) -> None:
    """Put back what an import wrote (a written file that differs from the plan stays)."""
    for c in changed:
        target = root / c.month.file
        ours = target.is_file() and target.read_text("utf-8", errors="replace") == c.text
        backup = root / c.backup if c.backup else None
        if c.state == REPLACED and backup is not None and backup.is_file() and (
                ours or not target.exists()):
            os.replace(backup, target)
        elif c.state == NEW and ours:
            target.unlink()


# --- the answer --------------------------------------------------------------------------

def describe(p: Problem) -> dict[str, Any]:
    """A problem of the file being imported, located as the officer sees the workbook (its
    name, sheet, row and column), in Thai."""
    where = [w for w in (p.file, f"บรรทัด {p.line}" if p.line else "", p.path) if w]
    return {"code": p.code, "severity": p.severity, "file": p.file, "line": p.line,
            "path": p.path, "item": p.item, "where_th": " · ".join(where) or "ทั้งไฟล์",
            "message_th": p.message_th or p.message, "fix_th": p.fix_th or p.fix}


def _diff(diff: str) -> str:
    lines = diff.splitlines()
    if len(lines) <= MAX_LISTED:
        return diff
    return "\n".join(lines[:MAX_LISTED] + [f"… และอีก {len(lines) - MAX_LISTED:,} บรรทัด"])


def answer(report: ImportReport, stored: str, there: bool, plan: str, year: int | None,
           item: str | None) -> dict[str, Any]:
    """The dry run's or the import's result, for the editor's import panel."""
    words = DONE if report.written else PLANNED
    months = []
    for c in report.changes:
        m = c.month
        state = words[c.state]
        if report.written and c.backup:
            state += f" ฉบับเดิมเก็บไว้ที่ {c.backup}"
        months.append({
            "key": m.key, "title": m.title, "file": m.file, "state": c.state, "state_th": state,
            "rows": len(m.rows), "no_procurement": m.no_procurement,
            "budget": f"{m.total('budget'):,.2f}", "agreed": f"{m.total('agreed_price'):,.2f}",
            "diff": _diff(c.diff), "changes": _changes(c.diff), "backup": c.backup})
    counts = {s: sum(1 for c in report.changes if c.state == s) for s in PLANNED}
    problems = [describe(p) for p in report.problems]
    errors = sum(1 for p in report.problems if p.severity == ERROR)
    if report.written:
        written = counts[NEW] + counts[REPLACED]
        message = (f"นำเข้าแล้ว: บันทึก {written} เดือน (ใหม่ {counts[NEW]}, แทนที่ "
                   f"{counts[REPLACED]}) ไฟล์ต้นฉบับเก็บไว้ที่ {stored} "
                   "ผลตรวจและตัวอย่างหน้าเว็บปรับแล้ว")
    elif counts[NEW] + counts[EXISTS] + counts[REPLACED] == 0:
        message = "ไม่มีอะไรเปลี่ยนแปลง: ทุกเดือนในไฟล์นี้มีข้อมูลเดียวกันอยู่แล้ว"
    else:
        message = (f"ตรวจแล้ว ยังไม่ได้บันทึก: ไฟล์นี้มีข้อมูล {len(report.changes)} เดือน "
                   f"(ใหม่ {counts[NEW]}, เหมือนเดิม {counts[UNCHANGED]}, "
                   f"มีอยู่แล้วแต่ต่างกัน {counts[EXISTS] + counts[REPLACED]})")
    if errors and not report.written:
        message += (f" — พบปัญหาที่ต้องแก้ {errors} รายการ: บันทึกได้ แต่เดือนที่มีปัญหายังไม่นับเป็น"
                    "รายงานของเดือนนั้นจนกว่าจะแก้ (แก้ในไฟล์ Excel แล้วนำเข้าใหม่)")
    return {
        "source": report.source, "stored": stored, "stored_exists": there, "year": year,
        "item": item, "plan": plan, "written": report.written, "message": message,
        "months": months, "exists": counts[EXISTS] + counts[REPLACED],
        "to_write": counts[NEW] + counts[REPLACED],
        "problems": problems[:MAX_LISTED], "problem_count": len(problems), "errors": errors,
        "warnings": [describe(p) for p in report.warnings][:MAX_LISTED],
        "skipped": report.skipped,
    }


def _changes(diff: str) -> str:
    """`+3 −2 บรรทัด` from a unified diff ('' when there is none)."""
    if not diff:
        return ""
    body = [x for x in diff.splitlines()[2:] if not x.startswith("@@")]
    plus = sum(1 for x in body if x.startswith("+"))
    minus = sum(1 for x in body if x.startswith("-"))
    return f"+{plus} −{minus} บรรทัด"


__all__ = ["IMPORT_TYPES", "answer", "check_import_type", "describe", "import_upload"]
