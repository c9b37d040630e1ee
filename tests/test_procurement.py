"""`prongsai import procurement` on real workbooks (openpyxl), CSV and cgdcontract JSON, the
checks on the rows, and the o13 page's monthly tables in a real build."""

from __future__ import annotations

import csv
import hashlib
import io
import json
from datetime import date, datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from click.testing import CliRunner
from openpyxl import Workbook

from generator.base.problems import InputError
from generator.check.year import check_year
from generator.commands.cli import cli
from generator.commands.import_procurement import (
    EXISTS,
    NEW,
    REPLACED,
    UNCHANGED,
    import_procurement,
)
from generator.load.project import load_project

from .conftest import REPO, TODAY, example_council, page_html
from .workbooks import (
    AUGUST,
    EXAMPLE,
    SEPTEMBER,
    Entry,
    entry_row,
    title_rows,
    total_row,
    two_row_header,
    workbook,
)


@pytest.fixture()
def council(tmp_path: Path) -> Path:
    """A writable copy of the example council without its imported months."""
    return example_council(tmp_path, months=False)


def digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        h.update(p.relative_to(folder).as_posix().encode())
        if p.is_file():
            h.update(p.read_bytes())
    return h.hexdigest()


def save(wb: Workbook, path: Path) -> Path:
    wb.save(path)
    return path


def codes(exc: pytest.ExceptionInfo[InputError]) -> list[str]:
    return [p.code for p in exc.value.problems]


# --- the example council ------------------------------------------------------------------

def test_example_months_are_the_import_of_the_shipped_workbook(tmp_path: Path) -> None:
    root = example_council(tmp_path)
    before = digest(root / "content")
    report = import_procurement(root, root / "content/files/2568/o13-skr1-2568-08-09.xlsx",
                                2568)
    assert [(c.month.key, c.state) for c in report.changes] == [
        ("2568-08", UNCHANGED), ("2568-09", UNCHANGED)]
    assert report.problems == () and digest(root / "content") == before
    assert EXAMPLE.is_file()


def test_example_check_counts_the_imported_months() -> None:
    # 2568's monthly item is o12 (seed 000 l.111; docs/catalogue-format.md), found from the
    # catalogue's `period: monthly` component
    report = check_year(load_project(REPO), 2568, TODAY)
    o12 = report.item("o12")
    assert o12.status == "complete"
    tables = [e.url for c in o12.components for e in c.evidence if e.url.startswith("#m-")]
    assert sorted(set(tables)) == ["#m-2568-08", "#m-2568-09"]
    assert not [p for p in report.problems if p.code.startswith("procurement-")]


def test_o13_page_tables(example_site: Path) -> None:
    page = BeautifulSoup(page_html(example_site / "2568/oit/o12/index.html"),
                         "html.parser")
    months = page.select("details.pg-month")
    assert [m["id"] for m in months] == ["m-2568-08", "m-2568-09"]
    assert all(not m.has_attr("open") for m in months)  # collapsed: usable on a phone
    august = months[0]
    table = august.select_one("table.pg-skr1")
    assert table.has_attr("data-search-exclude")
    assert table.caption.get_text(" ", strip=True).startswith(
        "สรุปผลการดำเนินการจัดซื้อจัดจ้างในรอบเดือนสิงหาคม 2568")
    heads = [th.get_text(" ", strip=True) for th in table.select("thead th")]
    assert heads == ["ที่", "งานที่ซื้อหรือจ้าง", "วงเงินที่ซื้อหรือจ้าง (บาท)", "ราคากลาง (บาท)",
                     "วิธีซื้อหรือจ้าง", "รายชื่อผู้เสนอราคาและราคาที่เสนอ",
                     "ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง",
                     "เหตุผลที่คัดเลือกโดยสรุป", "เลขที่และวันที่ของสัญญาหรือข้อตกลง"]
    assert all(th["scope"] == "col" for th in table.select("thead th"))
    rows = table.select("tbody tr")
    assert len(rows) == len(AUGUST)
    assert rows[5].th.get_text(" ", strip=True).startswith("จ้างก่อสร้างรางระบายน้ำ คสล.")
    cells = [td.get_text(" ", strip=True) for td in rows[5].select("td")]
    assert cells[1:3] == ["1,450,000.00", "1,438,000.00"]
    assert cells[4].count("บาท") == 3  # three bidders
    assert cells[5] == "หจก.แม่จันการโยธา ราคา 1,295,000.00 บาท"
    assert cells[7] == "สัญญาจ้างเลขที่ 7/2568 ลงวันที่ 27 สิงหาคม 2568"
    foot = [c.get_text(" ", strip=True) for c in table.select("tfoot th, tfoot td")]
    assert foot[:3] == ["รวม 6 รายการ", "1,770,880.50", "1,758,280.50"]
    assert "1,614,480.50" in foot
    # CSV per month (UTF-8 with BOM for Excel) and for the year
    link = august.select_one("a[download]")["href"]
    assert link.endswith("2568/procurement/skr1-2568-08.csv")
    data = (example_site / "2568/procurement/skr1-2568-08.csv").read_bytes()
    assert data.startswith("\ufeff".encode())
    rows_csv = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows_csv[0][:3] == ["เดือน", "ที่", "งานที่ซื้อหรือจ้าง"] and len(rows_csv) == 7
    assert rows_csv[6][3] == "1450000.00" and rows_csv[6][11] == "2568-08-27"
    year = (example_site / "2568/procurement/skr1-2568.csv").read_text("utf-8-sig")
    assert len(year.strip().splitlines()) == 1 + len(AUGUST) + len(SEPTEMBER)
    # the uploaded PDFs of the other months keep working beside the tables: listed once
    # each, in the period grid with the imported months (issue 17)
    assert len(page.select("table.pg-grid a[href$='.pdf']")) == 10
    assert [a["href"] for a in page.select("table.pg-grid a[href^='#m-']")] == [
        "#m-2568-08", "#m-2568-09"]


# --- shapes that import ---------------------------------------------------------------------

def test_thai_digits_two_row_header_and_totals(council: Path, tmp_path: Path) -> None:
    entries = [Entry("จัดซื้อน้ำดื่ม", "๑๒,๕๐๐.๐๐ บาท", "๑๒,๕๐๐", "เฉพาะเจาะจง",
                     "ร้านน้ำใส / ๑๒,๐๐๐ บาท", "ร้านน้ำใส", "๑๒,๐๐๐.-", "ราคาต่ำสุด",
                     "ใบสั่งซื้อ ๓/๒๕๖๘", "๓ ก.ค. ๖๘", "68079000001"),
               Entry("จ้างตัดหญ้า", 8000, 8000, "เฉพาะเจาะจง", "นายดำ / 8,000 บาท", "นายดำ",
                     8000, "ราคาเหมาะสม", "ใบสั่งจ้าง 9/2568", datetime(2025, 7, 10))]
    src = save(workbook(("ก.ค.", "กรกฎาคม ๒๕๖๘", entries), thai_digits=True),
               tmp_path / "july.xlsx")
    report = import_procurement(council, src, 2568)
    assert [c.state for c in report.changes] == [NEW] and report.problems == ()
    rows = report.changes[0].month.rows
    assert (rows[0].budget.value, rows[0].agreed_price.value) == (12500.0, 12000.0)
    assert rows[0].contract_date == date(2025, 7, 3) and rows[1].contract_date == date(2025, 7, 10)
    assert (rows[0].sheet, rows[0].row) == ("ก.ค.", 8)
    assert (council / "content/2568/procurement/2568-07.yml").is_file()


def test_several_months_in_one_sheet_and_a_month_without_procurement(council: Path,
                                                                    tmp_path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.title = "สขร.1 ปี 2568"
    ws.cell(1, 1, "แบบ สขร.1 องค์การบริหารส่วนตำบลหนองใสสะอาด")
    r = two_row_header(ws, 3)
    for month, entries in (("เดือนสิงหาคม 2568", AUGUST[:2]),
                           ("เดือนกันยายน 2568", SEPTEMBER[:1])):
        ws.cell(r, 1, month)
        r += 1
        first = r
        for n, e in enumerate(entries, 1):
            entry_row(ws, r, n, e)
            r += 1
        total_row(ws, r, first, r - 1)
        r += 2  # and a blank row
    ws.cell(r, 1, "เดือนตุลาคม 2568")
    ws.cell(r + 1, 2, "ไม่มีการจัดซื้อจัดจ้าง")
    src = save(wb, tmp_path / "year.xlsx")
    report = import_procurement(council, src)  # no --year: each month to its own year
    assert [(c.month.file, len(c.month.rows), c.month.no_procurement) for c in
            report.changes] == [("content/2568/procurement/2568-08.yml", 2, False),
                                ("content/2568/procurement/2568-09.yml", 1, False),
                                ("content/2569/procurement/2568-10.yml", 0, True)]
    assert report.warnings == ()  # the total rows agree with the rows
    with pytest.raises(InputError) as exc:
        import_procurement(council, src, 2568, replace=True)
    assert codes(exc) == ["procurement-out-of-year"]


def test_csv_single_header_combined_columns(council: Path, tmp_path: Path) -> None:
    src = tmp_path / "skr1.csv"
    src.write_text(
        "สรุปผลการดำเนินการจัดซื้อจัดจ้าง ประจำเดือน ส.ค. 68\n"
        "ลำดับ,งานที่ซื้อหรือจ้าง,วงเงินที่จะซื้อหรือจ้าง,ราคากลาง,วิธีซื้อหรือจ้าง,"
        "รายชื่อผู้เสนอราคาและราคาที่เสนอ,ผู้ได้รับการคัดเลือกและราคาที่ตกลงซื้อหรือจ้าง,"
        "เหตุผลที่คัดเลือกโดยสรุป,เลขที่และวันที่ของสัญญาหรือข้อตกลงในการซื้อหรือจ้าง\n"
        "1,จัดซื้อวัสดุงานบ้านงานครัว,\"5,000\",\"5,000\",เฉพาะเจาะจง,ร้านแม่จันพาณิชย์ 4900 บาท,"
        "\"ร้านแม่จันพาณิชย์ ราคา 4,900.00 บาท\",ราคาต่ำสุด,ใบสั่งซื้อเลขที่ 120/2568 ลว. 12 ส.ค. 68\n"
        ",,,,,,,,\n", "utf-8-sig")
    report = import_procurement(council, src, 2568)
    row = report.changes[0].month.rows[0]
    assert (row.winner, row.agreed_price.value) == ("ร้านแม่จันพาณิชย์", 4900.0)
    assert (row.contract, row.contract_date) == ("ใบสั่งซื้อเลขที่ 120/2568", date(2025, 8, 12))
    assert report.changes[0].month.key == "2568-08" and report.problems == ()


def test_merged_cells_in_data_rows(council: Path, tmp_path: Path) -> None:
    """A method merged down over entries applies to each; a work cell merged over rows
    makes them one entry, its bidders listed one per row."""
    wb = workbook(("ส.ค.", "สิงหาคม 2568", AUGUST[:3]))
    ws = wb["ส.ค."]
    ws.merge_cells("E8:E10")  # วิธีซื้อหรือจ้าง for the three entries
    src = save(wb, tmp_path / "merged.xlsx")
    rows = import_procurement(council, src, 2568).changes[0].month.rows
    assert [r.method for r in rows] == ["เฉพาะเจาะจง"] * 3

    wb = Workbook()
    ws = wb.active
    ws.title = "ส.ค."
    assert two_row_header(ws, title_rows(ws, "สิงหาคม 2568", "อบต.หนองใสสะอาด")) == 8
    e = AUGUST[5]
    entry_row(ws, 8, 1, e)
    ws.cell(8, 6, "หจก.แม่จันการโยธา / 1,295,000.00 บาท")
    ws.cell(9, 6, "บริษัท เชียงรายวิศวกรรม จำกัด / 1,330,000.00 บาท")
    ws.cell(10, 6, "หจก.ดอยตุงก่อสร้าง / 1,352,000.00 บาท")
    for col in (1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12):
        ws.merge_cells(start_row=8, start_column=col, end_row=10, end_column=col)
    src = save(wb, tmp_path / "grouped.xlsx")
    rows = import_procurement(council, src, 2568, replace=True).changes[0].month.rows
    assert len(rows) == 1 and len(rows[0].bidders) == 3
    assert rows[0].budget.value == 1450000.0


def test_cgdcontract_json(council: Path, tmp_path: Path) -> None:
    """Shaped like the service's documented fields (govspending.data.go.th/api/documentation;
    data.go.th dataset cgd-contract: REST/JSON, `result` list of projects with `contract`)."""
    sample = {"result": [
        {"project_id": "68089188452", "project_name": "จ้างก่อสร้างถนน คสล. หมู่ที่ 7",
         "project_type_name": "จ้างก่อสร้าง", "dept_code": "6570112",
         "dept_name": "องค์การบริหารส่วนตำบลหนองใสสะอาด",
         "purchase_method_name": "ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)",
         "announce_date": "2 ก.ค. 68", "transaction_date": "20 ส.ค. 68",
         "project_money": 980000, "price_build": 975000, "sum_price_agree": 901000,
         "project_status": "จัดทำสัญญา/PO แล้ว",
         "contract": [{"winner_tin": "0573555000123", "winner": "หจก.แม่จันการโยธา",
                       "contract_no": "8/2568", "contract_date": "21 ส.ค. 68",
                       "contract_finish_date": "19 ต.ค. 68", "price_agree": 901000,
                       "status": "ระหว่างดำเนินการ"}]},
        {"project_id": "68099000002", "project_name": "จัดซื้อครุภัณฑ์สำนักงาน",
         "purchase_method_name": "เฉพาะเจาะจง", "transaction_date": "3 ก.ย. 68",
         "project_money": 12000, "price_build": 12000, "contract": []},
    ]}
    src = tmp_path / "cgdcontract.json"
    src.write_text(json.dumps(sample, ensure_ascii=False), "utf-8")
    report = import_procurement(council, src, 2568)
    assert report.skipped == 1  # announced, no contract yet
    row = report.changes[0].month.rows[0]
    assert (row.egp, row.winner, row.agreed_price.value, row.contract_date) == (
        "68089188452", "หจก.แม่จันการโยธา", 901000.0, date(2025, 8, 21))
    # the service has no bidder list and no reason: the officer completes them
    assert {(p.code, p.path) for p in report.problems} == {
        ("procurement-required", "result[0], “รายชื่อผู้เสนอราคาและราคาที่เสนอ”"),
        ("procurement-required", "result[0], “เหตุผลที่คัดเลือกโดยสรุป”")}
    result = check_year(load_project(council), 2568, TODAY)
    found = [(p.code, p.file, p.path) for p in result.problems if p.code == "procurement-required"]
    assert found == [
        ("procurement-required", "content/2568/procurement/2568-08.yml", "rows[0].bidders"),
        ("procurement-required", "content/2568/procurement/2568-08.yml", "rows[0].reason")]
    assert all(p.item == "o12" for p in result.problems if p.code.startswith("procurement"))


# --- bad input: a clear Thai error, nothing written -----------------------------------------

def _formula_without_value(path: Path) -> None:
    wb = workbook(("ส.ค.", "สิงหาคม 2568", AUGUST[:2]))
    ws = wb["ส.ค."]
    ws.cell(10, 2, "รวม")
    ws.cell(10, 3, "=SUM(C8:C9)")  # openpyxl saves no computed value
    wb.save(path)


def _ce_date(path: Path) -> None:
    e = AUGUST[0]
    wb = workbook(("ส.ค.", "สิงหาคม 2568", [Entry(*[getattr(e, f) for f in (
        "work", "budget", "reference", "method", "bidders", "winner", "agreed", "reason",
        "contract")], "04/08/2025")]))
    wb.save(path)


def _text_amount(path: Path) -> None:
    e = AUGUST[0]
    wb = workbook(("ส.ค.", "สิงหาคม 2568", [Entry(e.work, "หนึ่งหมื่นบาท", e.reference, e.method,
                                                e.bidders, e.winner, e.agreed, e.reason,
                                                e.contract, e.date)]))
    wb.save(path)


def _merged_amount(path: Path) -> None:
    wb = workbook(("ส.ค.", "สิงหาคม 2568", AUGUST[:3]))
    wb["ส.ค."].merge_cells("C8:C9")
    wb.save(path)


def _no_header(path: Path) -> None:
    wb = Workbook()
    ws = wb.active
    ws.append(["รายการ", "จำนวน"])
    ws.append(["กระดาษ", 5])
    wb.save(path)


def _too_many_rows(path: Path) -> None:
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("ส.ค.")
    ws.append(["ที่", "งานที่ซื้อหรือจ้าง", "วงเงิน", "ราคากลาง", "วิธีซื้อหรือจ้าง"])
    for i in range(50_000):
        ws.append([i + 1, f"จัดซื้อวัสดุ {i}", 100, 100, "เฉพาะเจาะจง"])
    wb.save(path)


def _encrypted(path: Path) -> None:
    # an OLE container holding an EncryptedPackage stream, as Excel saves a password
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 +
                     "EncryptionInfo".encode("utf-16-le") + b"\0" * 64 +
                     "EncryptedPackage".encode("utf-16-le") + b"\0" * 1024)


def _xls(path: Path) -> None:
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 504 +
                     "Workbook".encode("utf-16-le") + b"\0" * 2048)


def _corrupt(path: Path) -> None:
    path.write_bytes(b"PK\x03\x04" + b"not really a workbook" * 50)


@pytest.mark.parametrize(("name", "make", "code", "where"), [
    ("formula.xlsx", _formula_without_value, "procurement-formula", "ชีต ส.ค. เซลล์ C10"),
    ("ce-date.xlsx", _ce_date, "date-era", "ชีต ส.ค. แถว 8, คอลัมน์ K “วันที่ของสัญญาหรือข้อตกลง”"),
    ("text.xlsx", _text_amount, "procurement-number",
     "ชีต ส.ค. แถว 8, คอลัมน์ C “วงเงินที่ซื้อหรือจ้าง”"),
    ("merged.xlsx", _merged_amount, "procurement-merged",
     "ชีต ส.ค. แถว 8, คอลัมน์ C “วงเงินที่ซื้อหรือจ้าง”"),
    ("plain.xlsx", _no_header, "procurement-no-header", "ชีต Sheet"),
    ("big.xlsx", _too_many_rows, "procurement-too-many-rows", "ชีต ส.ค."),
    ("locked.xlsx", _encrypted, "procurement-source-encrypted", None),
    ("old.xls", _xls, "procurement-source-format", None),
    ("broken.xlsx", _corrupt, "procurement-source-corrupt", None),
])
def test_bad_input_is_refused_with_a_located_thai_error(council: Path, tmp_path: Path, name: str,
                                                        make, code: str,  # type: ignore[no-untyped-def]
                                                        where: str | None) -> None:
    src = tmp_path / name
    make(src)
    before = digest(council / "content")
    result = CliRunner().invoke(cli, ["import", "procurement", str(src), "-p", str(council)])
    assert result.exit_code == 2, result.output
    assert f"[{code}]" in result.output and "Traceback" not in result.output
    assert "วิธีแก้:" in result.output
    with pytest.raises(InputError) as exc:
        import_procurement(council, src, 2568)
    assert code in codes(exc)
    p = next(p for p in exc.value.problems if p.code == code)
    assert p.message_th and p.fix_th and p.file == name
    if where:
        assert p.path == where
    assert digest(council / "content") == before  # nothing half-written


# --- an existing month: a diff and a refusal, unless --replace --------------------------------

def test_existing_month_is_not_overwritten_without_replace(council: Path, tmp_path: Path) -> None:
    first = save(workbook(("ส.ค.", "สิงหาคม 2568", AUGUST[:2])), tmp_path / "a.xlsx")
    second = save(workbook(("ส.ค.", "สิงหาคม 2568", AUGUST[:3])), tmp_path / "b.xlsx")
    import_procurement(council, first, 2568)
    target = council / "content/2568/procurement/2568-08.yml"
    old = target.read_bytes()
    result = CliRunner().invoke(cli, ["import", "procurement", str(second), "-p", str(council)])
    assert result.exit_code == 1
    assert "[procurement-month-exists]" in result.output
    assert "+  work: จัดซื้ออาหารเสริม (นม)" in result.output  # the diff is shown
    assert target.read_bytes() == old
    report = import_procurement(council, second, 2568, replace=True)
    assert [c.state for c in report.changes] == [REPLACED]
    assert (council / report.changes[0].backup).read_bytes() == old
    assert report.changes[0].backup == "content/2568/procurement/.replaced/2568-08.1.yml"
    assert len(load_project(council).years[2568].procurement.months[0].rows) == 3  # type: ignore
    assert import_procurement(council, second, 2568).changes[0].state == UNCHANGED
    assert EXISTS != NEW


# --- the checks on the rows -------------------------------------------------------------------

def test_checks_on_hand_edited_months(council: Path) -> None:
    folder = council / "content/2568/procurement"
    folder.mkdir()
    (folder / "2568-08.yml").write_text("""month: 2568-08
rows:
  - work: จ้างซ่อมถนน
    budget: 10000
    reference_price: 10000
    method: เฉพาะเจาะจง
    bidders: [หจก.ก / 12,000 บาท]
    winner: หจก.ก
    agreed_price: 12000
    reason: ราคาต่ำสุด
    contract: ใบสั่งจ้าง 1/2568
    contract_date: 2568-09-02
    egp: "68080000001"
  - work: จัดซื้อวัสดุ
    budget: ห้าพัน
    reference_price: 5000
    method: เฉพาะเจาะจง
    bidders: [ร้าน ข]
    winner: ร้าน ข
    agreed_price: 5000
    reason: ราคาต่ำสุด
    contract: ใบสั่งซื้อ 2/2568
    contract_date: 2568-08-03
    egp: "68080000001"
""", "utf-8")
    (folder / "2568-10.yml").write_text("month: 2568-10\nno_procurement: true\n", "utf-8")
    (folder / "2568-07.yml").write_text("month: 2568-07\nrows: []\n", "utf-8")
    report = check_year(load_project(council), 2568, TODAY)
    found = sorted((p.code, p.file.rsplit("/", 1)[-1], p.line, p.path, p.severity)
                   for p in report.problems if p.code.startswith("procurement"))
    assert found == [
        ("procurement-date-outside-month", "2568-08.yml", 12, "rows[0].contract_date", "warning"),
        ("procurement-duplicate", "2568-08.yml", 24, "rows[1].egp", "warning"),
        ("procurement-no-rows", "2568-07.yml", 1, "rows", "error"),
        ("procurement-number", "2568-08.yml", 15, "rows[1].budget", "error"),
        ("procurement-out-of-year", "2568-10.yml", 1, "month", "error"),
        ("procurement-over-budget", "2568-08.yml", 9, "rows[0].agreed_price", "warning"),
    ]
    number = next(p for p in report.problems if p.code == "procurement-number")
    assert number.message_th == ("สิงหาคม 2568 รายการที่ 2 (จัดซื้อวัสดุ): “วงเงินที่ซื้อหรือจ้าง”"
                                 "เป็น `ห้าพัน` ไม่ใช่จำนวนเงิน (บาท)")
    # a month with an error does not count: August and July stay missing
    o12 = report.item("o12")  # 2568's monthly item
    assert "#m-2568-08" not in {e.url for e in o12.usable}
    assert o12.status == "incomplete"


def test_warnings_and_refusals_of_the_reading(council: Path, tmp_path: Path) -> None:
    wb = workbook(("ส.ค.", "สิงหาคม 2568", AUGUST[:2]))
    wb["ส.ค."].cell(10, 3, 999.0)  # the total row's วงเงิน: not the sum of the rows
    wb.create_sheet("หมายเหตุ").cell(1, 1, "ข้อมูลจากระบบ e-GP")
    report = import_procurement(council, save(wb, tmp_path / "w.xlsx"), 2568)
    assert sorted(p.code for p in report.warnings) == ["procurement-sheet-skipped",
                                                       "procurement-total-mismatch"]
    wb = Workbook()
    ws = wb.active
    r = two_row_header(ws, 1)  # no title, no month in the sheet's name, no contract date
    entry_row(ws, r, 1, Entry(*(["จัดซื้อวัสดุ", 100, 100] + ["x"] * 3 + [100, "x", "x", ""])))
    with pytest.raises(InputError) as exc:
        import_procurement(council, save(wb, tmp_path / "m.xlsx"), 2568)
    assert codes(exc) == ["procurement-no-month"]
    (tmp_path / "bad.json").write_text('{"result": 5}', "utf-8")
    with pytest.raises(InputError) as exc:
        import_procurement(council, tmp_path / "bad.json", 2568)
    assert codes(exc) == ["procurement-json"]


def test_data_files_that_cannot_be_read_as_months(council: Path) -> None:
    folder = council / "content/2568/procurement"
    folder.mkdir()
    (folder / "สิงหาคม.yml").write_text("month: 2568-08\nno_procurement: true\n", "utf-8")
    (folder / "2568-09.yml").write_text("month: 2568-08\nno_procurement: true\n", "utf-8")
    (folder / "2568-07.yml").write_text("month: 2568-07\nno_procurement: true\nrows:\n"
                                        "  - work: x\n", "utf-8")
    report = check_year(load_project(council), 2568, TODAY)
    found = sorted((p.code, p.file.rsplit("/", 1)[-1]) for p in report.problems
                   if p.code in ("procurement-file-name", "procurement-month-mismatch",
                                 "procurement-none-with-rows"))
    assert found == [("procurement-file-name", "สิงหาคม.yml"),
                     ("procurement-month-mismatch", "2568-09.yml"),
                     ("procurement-none-with-rows", "2568-07.yml")]
