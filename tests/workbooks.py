"""Real สขร.1 workbooks, built with openpyxl in the shapes councils keep them: a title row,
a header over two merged rows with a row of column numbers under it, numbered rows, a total
row and signature lines; one sheet per month or several months in one sheet.

`python -m tests.workbooks` writes the example council's workbook
(content/files/2568/o13-skr1-2568-08-09.xlsx), whose import is the example's o13 data for
August and September 2568.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.worksheet.worksheet import Worksheet

from generator.base.thai import to_thai_digits

REPO = Path(__file__).resolve().parent.parent
EXAMPLE = REPO / "content" / "files" / "2568" / "o13-skr1-2568-08-09.xlsx"


@dataclass(frozen=True)
class Entry:
    work: str
    budget: Any
    reference: Any
    method: str
    bidders: str
    winner: str
    agreed: Any
    reason: str
    contract: str
    date: Any  # text or a datetime
    egp: str = ""


WRAP = Alignment(wrap_text=True, vertical="top")


def title_rows(ws: Worksheet, month: str, council: str, row: int = 1) -> int:
    """The form's title rows; returns the next row."""
    ws.cell(row, 1, "แบบ สขร.1")
    ws.cell(row + 1, 1, f"สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือน {month}")
    ws.cell(row + 2, 1, council)
    for r in range(row + 1, row + 3):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=12)
        ws.cell(r, 1).alignment = Alignment(horizontal="center")
        ws.cell(r, 1).font = Font(bold=True)
    return row + 4


def two_row_header(ws: Worksheet, row: int, numbering: bool = True) -> int:
    """Header over two rows (single columns merged down, the winner and contract columns
    split into two under a merged title), then a row of column numbers; returns the
    first data row."""
    singles = {1: "ที่", 2: "งานที่ซื้อหรือจ้าง", 3: "วงเงินที่ซื้อหรือจ้าง\n(บาท)",
               4: "ราคากลาง\n(บาท)", 5: "วิธีซื้อหรือจ้าง",
               6: "รายชื่อผู้เสนอราคาและราคาที่เสนอ", 9: "เหตุผลที่คัดเลือกโดยสรุป",
               12: "เลขที่โครงการ\n(e-GP)"}
    for col, text in singles.items():
        ws.cell(row, col, text).alignment = WRAP
        ws.merge_cells(start_row=row, start_column=col, end_row=row + 1, end_column=col)
    ws.cell(row, 7, "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง")
    ws.merge_cells(start_row=row, start_column=7, end_row=row, end_column=8)
    ws.cell(row + 1, 7, "ชื่อผู้ได้รับการคัดเลือก")
    ws.cell(row + 1, 8, "ราคาที่ตกลง (บาท)")
    ws.cell(row, 10, "เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง")
    ws.merge_cells(start_row=row, start_column=10, end_row=row, end_column=11)
    ws.cell(row + 1, 10, "เลขที่")
    ws.cell(row + 1, 11, "วันที่")
    nxt = row + 2
    if numbering:
        for col in range(1, 13):
            ws.cell(nxt, col, f"({to_thai_digits(str(col))})")
        nxt += 1
    return nxt


def entry_row(ws: Worksheet, row: int, n: int, e: Entry, thai_digits: bool = False) -> None:
    def t(value: Any) -> Any:
        return to_thai_digits(value) if thai_digits and isinstance(value, str) else value

    values = [t(str(n)) if thai_digits else n, e.work, t(e.budget), t(e.reference), e.method,
              t(e.bidders), e.winner, t(e.agreed), e.reason, t(e.contract), t(e.date), e.egp]
    for col, value in enumerate(values, start=1):
        cell = ws.cell(row, col, value)
        cell.alignment = WRAP
        if isinstance(value, (int, float)) and col in (3, 4, 8):
            cell.number_format = "#,##0.00"
        if isinstance(value, datetime):
            cell.number_format = "d mmm yyyy"


def total_row(ws: Worksheet, row: int, first: int, last: int, cached: bool = True) -> None:
    """`รวม` with SUM formulas; openpyxl writes no cached values, so unless `cached` the
    totals are written as numbers (as Excel saves them after computing)."""
    ws.cell(row, 2, "รวม")
    for col in (3, 4, 8):
        if cached:
            total = sum(float(str(ws.cell(r, col).value).replace(",", ""))
                        for r in range(first, last + 1)
                        if isinstance(ws.cell(r, col).value, (int, float)))
            ws.cell(row, col, total).number_format = "#,##0.00"
        else:
            letter = "CDEFGH"[col - 3]
            ws.cell(row, col, f"=SUM({letter}{first}:{letter}{last})")


def signature(ws: Worksheet, row: int) -> None:
    ws.cell(row, 7, "(ลงชื่อ)........................................ผู้รายงาน")
    ws.cell(row + 1, 7, "(นางสาวมณีรัตน์ ใจดี)")
    ws.cell(row + 2, 7, "ตำแหน่ง เจ้าพนักงานพัสดุ")


def month_sheet(wb: Workbook, name: str, month: str, entries: list[Entry],
                council: str = "องค์การบริหารส่วนตำบลหนองใสสะอาด",
                thai_digits: bool = False) -> Worksheet:
    """One sheet per month, as the form is kept."""
    ws = wb.create_sheet(name)
    row = two_row_header(ws, title_rows(ws, month, council))
    first = row
    if not entries:
        ws.cell(row, 2, "- ไม่มีการจัดซื้อจัดจ้าง -")
        ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=11)
        row += 1
    for n, e in enumerate(entries, start=1):
        entry_row(ws, row, n, e, thai_digits)
        row += 1
    if entries:
        total_row(ws, row, first, row - 1)
        row += 1
    signature(ws, row + 1)
    ws.column_dimensions["B"].width = 40
    return ws


def workbook(*sheets: tuple[str, str, list[Entry]], thai_digits: bool = False) -> Workbook:
    wb = Workbook()
    wb.remove(wb.active)
    for name, month, entries in sheets:
        month_sheet(wb, name, month, entries, thai_digits=thai_digits)
    wb.properties.creator = "Prongsai tests"
    wb.properties.created = wb.properties.modified = datetime(2025, 10, 8)
    return wb


# --- the example council's August and September 2568 (fictional) -------------------------

AUGUST = [
    Entry("จัดซื้อวัสดุสำนักงาน (กระดาษ หมึกพิมพ์) สำนักปลัด", 18500, 18500, "เฉพาะเจาะจง",
          "ร้านสมใจพาณิชย์ / 18,200.00 บาท", "ร้านสมใจพาณิชย์", 18200,
          "ราคาต่ำสุดและมีคุณสมบัติครบถ้วน", "ใบสั่งซื้อเลขที่ 112/2568", "4 ส.ค. 2568",
          "68089004512"),
    Entry("จ้างเหมาซ่อมแซมถนนลูกรัง หมู่ที่ 4 บ้านห้วยน้ำริน", 96000, 95800, "เฉพาะเจาะจง",
          "หจก.แม่จันการโยธา / 95,500.00 บาท", "หจก.แม่จันการโยธา", 95500,
          "ราคาต่ำสุดและมีคุณสมบัติครบถ้วน", "ใบสั่งจ้างเลขที่ 58/2568", "7 ส.ค. 2568",
          "68089017733"),
    Entry("จัดซื้ออาหารเสริม (นม) โรงเรียน ภาคเรียนที่ 1/2568 (สิงหาคม)", 142380.5,
          142380.5, "เฉพาะเจาะจง", "สหกรณ์โคนมเชียงราย จำกัด / 142,380.50 บาท",
          "สหกรณ์โคนมเชียงราย จำกัด", 142380.5, "เป็นผู้ผลิตที่ได้รับสิทธิตามประกาศ อ.ส.ค.",
          "สัญญาซื้อขายเลขที่ 9/2568", "1 ส.ค. 2568", "68089002108"),
    Entry("จ้างเหมาบริการรถโดยสารไม่ประจำทาง โครงการศึกษาดูงานผู้สูงอายุ", 36000, 36000,
          "เฉพาะเจาะจง", "นายสมศักดิ์ ทองดี / 36,000.00 บาท", "นายสมศักดิ์ ทองดี", 36000,
          "มีคุณสมบัติครบถ้วนและราคาไม่เกินวงเงิน", "ใบสั่งจ้างเลขที่ 61/2568",
          "15 ส.ค. 2568", "68089031190"),
    Entry("จัดซื้อวัสดุไฟฟ้าและวิทยุ (หลอดไฟส่องสว่างสาธารณะ) 40 ชุด", 28000, 27600,
          "เฉพาะเจาะจง", "ร้านเชียงรายการไฟฟ้า / 27,400.00 บาท", "ร้านเชียงรายการไฟฟ้า",
          27400, "ราคาต่ำสุดและมีคุณสมบัติครบถ้วน", "ใบสั่งซื้อเลขที่ 118/2568",
          "20 ส.ค. 2568", "68089040021"),
    Entry("จ้างก่อสร้างรางระบายน้ำ คสล. หมู่ที่ 2 ยาว 180 เมตร", 1450000, 1438000,
          "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
          "หจก.แม่จันการโยธา / 1,295,000.00 บาท\nบริษัท เชียงรายวิศวกรรม จำกัด / "
          "1,330,000.00 บาท\nหจก.ดอยตุงก่อสร้าง / 1,352,000.00 บาท",
          "หจก.แม่จันการโยธา", 1295000, "เสนอราคาต่ำสุดและคุณสมบัติถูกต้องตามเงื่อนไข",
          "สัญญาจ้างเลขที่ 7/2568", "27 ส.ค. 2568", "68069188452"),
]
SEPTEMBER = [
    Entry("จัดซื้อวัสดุเชื้อเพลิงและหล่อลื่น (น้ำมันรถบรรทุกน้ำ) เดือนกันยายน", 15000, 15000,
          "เฉพาะเจาะจง", "หจก.ปั๊มน้ำมันแม่จัน / 14,850.00 บาท", "หจก.ปั๊มน้ำมันแม่จัน",
          14850, "ราคาต่ำสุดและมีคุณสมบัติครบถ้วน", "ใบสั่งซื้อเลขที่ 126/2568",
          "2 ก.ย. 2568", "68099001877"),
    Entry("จ้างซ่อมแซมรถบรรทุกน้ำอเนกประสงค์ หมายเลขทะเบียน บต 4521 เชียงราย", 42000, 41500,
          "เฉพาะเจาะจง", "อู่ช่างเก่งการช่าง / 41,500.00 บาท", "อู่ช่างเก่งการช่าง", 41500,
          "มีคุณสมบัติครบถ้วนและราคาไม่เกินราคากลาง", "ใบสั่งจ้างเลขที่ 66/2568",
          "9 ก.ย. 2568", "68099012640"),
    Entry("จัดซื้อครุภัณฑ์คอมพิวเตอร์โน้ตบุ๊ก 2 เครื่อง กองคลัง", 48000, 48000, "เฉพาะเจาะจง",
          "ร้านไอทีซิตี้เชียงราย / 47,800.00 บาท", "ร้านไอทีซิตี้เชียงราย", 47800,
          "ราคาต่ำสุด คุณลักษณะตามเกณฑ์ราคากลางของกระทรวงดิจิทัลฯ",
          "ใบสั่งซื้อเลขที่ 131/2568", "16 ก.ย. 2568", "68099025517"),
    Entry("จ้างเหมาจัดทำป้ายประชาสัมพันธ์ภาษีที่ดินและสิ่งปลูกสร้าง ปี 2569", 4500, 4500,
          "เฉพาะเจาะจง", "ร้านศิลป์ป้ายโฆษณา / 4,500.00 บาท", "ร้านศิลป์ป้ายโฆษณา", 4500,
          "มีคุณสมบัติครบถ้วนและราคาไม่เกินวงเงิน", "ใบสั่งจ้างเลขที่ 70/2568",
          "22 ก.ย. 2568", ""),
]


def example_workbook() -> Workbook:
    return workbook(("ส.ค.68", "สิงหาคม พ.ศ. 2568", AUGUST),
                    ("ก.ย.68", "กันยายน พ.ศ. 2568", SEPTEMBER))


if __name__ == "__main__":
    EXAMPLE.parent.mkdir(parents=True, exist_ok=True)
    example_workbook().save(EXAMPLE)
    print(EXAMPLE)
