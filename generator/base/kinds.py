"""Every kind of problem, declared once: its stable code, severity, what an error of it does
to a build (refuse, mark the entry, nothing), and its title, message and fix in Thai (what
officers read) and English.

Codes are stable: tools and reviewers rely on them. The README's table of codes is generated
from these declarations (`python -m generator.commands.readme`), and each check module
declares, in its `RAISES`, the kinds it may report (tests/test_architecture.py holds both to
what the code raises and to what the tests exercise). Messages use `{value}`, `{item}`,
`{component}`, `{year}` and named params; the Thai and English texts of a kind use the same
ones.
"""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"

# What an error of a kind does to `prongsai build` (README "When the build refuses"):
REFUSE = "refuse"  # the site would be unsafe: the build stops and the old site stays
MARK = "mark"  # input not understood in one entry or file: the rest is published, the entry
# or item is marked as needing attention, and the build exits 4 ("built with problems");
# in site_config.yml (the site's identity) an input-group error of such a kind refuses
NONE = "none"  # a finding of the check (incomplete, outside the year …): the site is built
EFFECTS = (REFUSE, MARK, NONE)
# the file that says what the site is; a problem there that leaves it unreadable refuses
CONFIG_FILE = "site_config.yml"


@dataclass(frozen=True)
class Kind:
    """One kind of problem, documented in the README under its code."""

    code: str
    severity: str
    title_th: str
    title_en: str
    template: str  # the message in English
    fix: str
    group: str = "content"  # "input": the file could not be read as data at all
    template_th: str = ""  # the message in Thai
    fix_th: str = ""
    blocks: str = NONE  # what an error of this kind does to `prongsai build` (EFFECTS)


KINDS: dict[str, Kind] = {}


def declare(code: str, severity: str, group: str, *, blocks: str,
            th: tuple[str, str, str], en: tuple[str, str, str]) -> Kind:
    """Declare kind `code`: `th` and `en` are (title, message, fix); `blocks` is REFUSE,
    MARK or NONE (what an error of the kind does to a build)."""
    if code in KINDS:
        raise ValueError(f"problem code {code!r} declared twice")
    if not isinstance(blocks, str) or blocks not in EFFECTS:
        raise ValueError(f"problem code {code!r}: blocks must be REFUSE, MARK or NONE (README "
                         f"\"When the build refuses\"), got {blocks!r}")
    if blocks != NONE and severity != ERROR:
        raise ValueError(f"problem code {code!r}: only errors can refuse or mark a build")
    k = Kind(code, severity, th[0], en[0], en[1], en[2], group, th[1], th[2], blocks)
    KINDS[code] = k
    return k


def build_effect(code: str, severity: str, file: str | None) -> str:
    """What a problem does to `prongsai build`: REFUSE, MARK or NONE. A warning never stops
    or marks anything; a MARK kind that left site_config.yml unreadable or ambiguous (an
    input-group error there: syntax, duplicate key, wrong type, unknown key …) refuses,
    since every page depends on that file."""
    kind = KINDS[code]
    if severity != ERROR:
        return NONE
    if kind.blocks == MARK and kind.group == "input" and file == CONFIG_FILE:
        return REFUSE
    return kind.blocks


# --- reading files (group "input") --------------------------------------------------------
declare("file-unreadable", ERROR, "input", blocks=MARK,
    th=(
        "อ่านไฟล์ไม่ได้",
        "อ่านไฟล์ไม่ได้: {value}",
        "ตรวจว่ามีไฟล์อยู่จริงและมีสิทธิ์เปิดอ่านไฟล์นี้",
    ),
    en=(
        "File cannot be read",
        "cannot read the file: {value}",
        "check that the file exists and you may read it",
    ),
)
declare("file-too-large", ERROR, "input", blocks=MARK,
    th=(
        "ไฟล์ข้อมูลใหญ่เกินไป",
        "ไฟล์มีขนาด {size} ไบต์ แต่ไฟล์ข้อมูลและ Markdown ต้องไม่เกิน {limit} ไบต์",
        "เอกสารขนาดใหญ่ให้บันทึกเป็น PDF ไว้ในโฟลเดอร์ content/ แล้วอ้างเป็นหลักฐาน (`file:`)",
    ),
    en=(
        "Data file too large",
        "the file is {size} bytes; data and Markdown files are limited to {limit} bytes",
        "put large documents in a PDF under content/ and link it as evidence",
    ),
)
declare("encoding", ERROR, "input", blocks=MARK,
    th=(
        "ไฟล์ไม่ได้บันทึกเป็น UTF-8",
        "ไฟล์ไม่ได้บันทึกเป็นข้อความ UTF-8 (พบ{found}) {guess}",
        "เปิดไฟล์ด้วย Notepad เลือกเมนู ไฟล์ → บันทึกเป็น แล้วเลือกการเข้ารหัส UTF-8",
    ),
    en=(
        "File is not UTF-8",
        "the file is not UTF-8 text ({found}); {guess}",
        "open it in a text editor and save it as UTF-8 (in Notepad: Save As → Encoding: UTF-8)",
    ),
)
declare("encoding-utf16", WARNING, "input", blocks=NONE,
    th=(
        "ไฟล์บันทึกเป็น UTF-16",
        "ไฟล์บันทึกเป็น {form} โปรแกรมอ่านได้ แต่โปรแกรมอื่นอาจอ่านไม่ได้",
        "เปิดไฟล์ด้วย Notepad เลือกเมนู ไฟล์ → บันทึกเป็น แล้วเลือกการเข้ารหัส UTF-8",
    ),
    en=(
        "File is UTF-16",
        "the file is saved as {form}; it was read, but other tools may not read it",
        "save it as UTF-8",
    ),
)
declare("yaml-syntax", ERROR, "input", blocks=MARK,
    th=(
        "รูปแบบ YAML ผิด",
        "อ่านข้อมูลบรรทัดนี้ไม่ได้: {reason}",
        "ตรวจการย่อหน้า (ข้อมูลระดับเดียวกันต้องเว้นวรรคเท่ากัน) การเว้นวรรคหลัง `:` "
        "(`ชื่อข้อมูล: ค่า`) และเครื่องหมายคำพูดในบรรทัดนี้",
    ),
    en=(
        "YAML syntax error",
        "the YAML cannot be read: {reason}",
        "check the indentation, the space after each `key:` and the quotes on this line",
    ),
)
declare("yaml-tab", ERROR, "input", blocks=MARK,
    th=(
        "ใช้แท็บย่อหน้า",
        "บรรทัดนี้ย่อหน้าด้วยแท็บ ซึ่ง YAML ไม่รับ",
        "ย่อหน้าด้วยการเว้นวรรคเท่านั้น (ระดับละ 2 ช่อง)",
    ),
    en=(
        "Tab in YAML indentation",
        "this line is indented with a tab, which YAML does not allow",
        "indent with spaces only (2 spaces per level); YAML does not allow tabs",
    ),
)
declare("yaml-duplicate-key", ERROR, "input", blocks=MARK,
    th=(
        "คีย์ซ้ำใน YAML",
        "ชื่อข้อมูล `{value}` ซ้ำกัน (ครั้งแรกที่บรรทัด {first}) ค่าที่สองจึงไม่ถูกใช้",
        "เหลือ `{value}:` ไว้เพียงครั้งเดียว แล้วรวมค่าของทั้งสองแห่งไว้ด้วยกัน{hint}",
    ),
    en=(
        "Duplicate YAML key",
        "the key `{value}` appears twice (first at line {first}); the second one was not used",
        "keep one `{value}:` and merge what the two said{hint}",
    ),
)
declare("yaml-unsupported", ERROR, "input", blocks=MARK,
    th=(
        "ใช้รูปแบบ YAML ที่ไม่รองรับ",
        "ไฟล์นี้ไม่รองรับ {value}",
        "เขียนค่าออกมาให้ครบทุกค่า",
    ),
    en=(
        "Unsupported YAML feature",
        "{value} is not supported in these files",
        "write the values out in full",
    ),
)
declare("front-matter-unclosed", ERROR, "input", blocks=MARK,
    th=(
        "ส่วนหัว YAML ไม่มีบรรทัดปิด",
        "ไฟล์ขึ้นต้นด้วย `---` แต่ไม่มีบรรทัด `---` ปิดส่วนหัว YAML",
        "เพิ่มบรรทัดที่มีเพียง `---` ต่อจากบรรทัด YAML บรรทัดสุดท้าย",
    ),
    en=(
        "Front matter not closed",
        "the file starts with `---` but the front matter has no closing `---` line",
        "add a line with only `---` after the last YAML line",
    ),
)
declare("field-missing", ERROR, "input", blocks=MARK,
    th=(
        "ขาดข้อมูลที่ต้องมี",
        "ไม่มี {field} (ต้องเป็น{expected})",
        "เพิ่ม {field} เป็น{expected}",
    ),
    en=(
        "Required field missing",
        "`{field}` is missing; expected {expected}",
        "add `{field}` with {expected}",
    ),
)
declare("field-type", ERROR, "input", blocks=MARK,
    th=(
        "ชนิดข้อมูลไม่ถูกต้อง",
        "{field} เป็น `{value}` แต่ต้องเป็น{expected}",
        "แก้ {field} ให้เป็น{expected}",
    ),
    en=(
        "Wrong type of value",
        "`{field}` is `{value}`; expected {expected}",
        "write `{field}` as {expected}",
    ),
)
declare("field-value", ERROR, "input", blocks=MARK,
    th=(
        "ค่าไม่ถูกต้อง",
        "{field} เป็น `{value}` แต่ต้องเป็น{expected}{hint}",
        "แก้ {field} ให้เป็น{expected}",
    ),
    en=(
        "Invalid value",
        "`{field}` is `{value}`; expected {expected}{hint}",
        "write `{field}` as {expected}",
    ),
)
declare("field-unknown", ERROR, "input", blocks=MARK,
    th=(
        "ชื่อข้อมูลที่ไม่รู้จัก",
        "ไม่รู้จักชื่อข้อมูล `{value}`{hint} ค่านี้จะไม่ถูกใช้",
        "เปลี่ยนชื่อเป็นชื่อใดชื่อหนึ่งต่อไปนี้: {allowed}",
    ),
    en=(
        "Unknown field",
        "unknown field `{value}`{hint}; the value would be ignored",
        "rename it to one of: {allowed}",
    ),
)
declare("catalogue-invalid", ERROR, "input", blocks=REFUSE,
    th=(
        "ไฟล์เกณฑ์ไม่ถูกต้อง",
        "ไฟล์เกณฑ์ไม่ถูกต้อง: {reason}",
        "แก้ไขไฟล์เกณฑ์",
    ),
    en=(
        "Invalid catalogue",
        "the catalogue is invalid: {reason}",
        "fix the catalogue file",
    ),
)
declare("catalogue-label", ERROR, "input", blocks=REFUSE,
    th=(
        "ชื่อสั้นขององค์ประกอบใช้ไม่ได้",
        "`label:` ขององค์ประกอบ `{component}` {reason}",
        "เขียน `label:` เป็นชื่อสั้นภาษาไทยไม่เกิน {limit} ตัวอักษร ย่อจาก `title:` ขององค์ประกอบนั้น "
        "และไม่ซ้ำกับองค์ประกอบอื่นของข้อเดียวกัน (หรือลบบรรทัด `label:` ออก ระบบจะย่อจาก `title:` ให้)",
    ),
    en=(
        "Unusable component label",
        "the `label:` of component `{component}` {reason}",
        "write `label:` as a short Thai name of at most {limit} characters, shortened from the "
        "component's `title:` and unique within the item (or delete the `label:` line: it is "
        "then shortened from `title:`)",
    ),
)
declare("catalogue-missing", ERROR, "input", blocks=REFUSE,
    th=(
        "ไม่มีเกณฑ์ของปีงบประมาณนี้",
        "ไม่มีเกณฑ์ OIT ของปีงบประมาณ {year} (มีเฉพาะ: {available})",
        "ใช้ปีที่มีเกณฑ์ หรือระบุไฟล์เกณฑ์ด้วย `--catalogue <ไฟล์>`",
    ),
    en=(
        "No catalogue for the year",
        "there is no OIT catalogue for fiscal year {year}; available: {available}",
        "use one of the available years, or pass a catalogue file with --catalogue",
    ),
)
declare("config-missing", ERROR, "input", blocks=REFUSE,
    th=(
        "ไม่พบ site_config.yml",
        "ไม่พบ site_config.yml ใน {value}",
        "เรียกคำสั่ง `prongsai` ในโฟลเดอร์ที่มี site_config.yml และ content/ หรือระบุ `--project <โฟลเดอร์>`",
    ),
    en=(
        "site_config.yml not found",
        "no site_config.yml in {value}",
        "run prongsai in the folder that holds site_config.yml and content/, or pass --project "
        "DIR",
    ),
)
declare("year-folder-invalid", ERROR, "input", blocks=MARK,
    th=(
        "ชื่อโฟลเดอร์ปีไม่ถูกต้อง",
        "`{value}` ดูเหมือนโฟลเดอร์ปี แต่ไม่ใช่ปีงบประมาณ พ.ศ.",
        "ตั้งชื่อโฟลเดอร์ปีเป็นปีงบประมาณ พ.ศ. เช่น content/2568/",
    ),
    en=(
        "Invalid year folder",
        "`{value}` looks like a year folder but is not a Buddhist-era fiscal year",
        "name year folders by fiscal year, e.g. content/2568/",
    ),
)
declare("date-invalid", ERROR, "content", blocks=MARK,
    th=(
        "วันที่ไม่ถูกต้อง",
        "อ่านวันที่ `{value}` ไม่ได้: {reason}",
        "{hint} (ใช้ปี พ.ศ. พิมพ์เลขไทยได้)",
    ),
    en=(
        "Invalid date",
        "the date `{value}` cannot be read: {reason}",
        "{hint}",
    ),
)
declare("date-era", ERROR, "content", blocks=MARK,
    th=(
        "ปีเป็น ค.ศ. ไม่ใช่ พ.ศ.",
        "วันที่ `{value}` ใช้ปี ค.ศ.",
        "{hint} (ปี พ.ศ. = ปี ค.ศ. + 543)",
    ),
    en=(
        "Christian-era year",
        "the date `{value}` uses a Christian-era year",
        "{hint}",
    ),
)
declare("period-invalid", ERROR, "content", blocks=MARK,
    th=(
        "ช่วงเวลาไม่ถูกต้อง",
        "อ่านช่วงเวลา `{value}` ไม่ได้: {reason}",
        "{hint} (ปีงบประมาณ พ.ศ. หรือ ปี-เดือน)",
    ),
    en=(
        "Invalid period",
        "the period `{value}` cannot be read: {reason}",
        "{hint}",
    ),
)

# --- the catalogue against the content ----------------------------------------------------
declare("item-file-missing", ERROR, "content", blocks=NONE,
    th=(
        "ไม่มีไฟล์ของข้อ",
        "ข้อ {item} ยังไม่มีไฟล์ของปีงบประมาณ {year}",
        "สร้างไฟล์ {expected_file} (คัดลอกจากปีก่อน หรือใช้คำสั่ง `prongsai new-year`)",
    ),
    en=(
        "Item file missing",
        "{item} has no file for fiscal year {year}",
        "create {expected_file} (copy it from another year or run `prongsai new-year`)",
    ),
)
declare("item-unknown", ERROR, "content", blocks=MARK,
    th=(
        "ข้อที่ไม่มีในเกณฑ์",
        "`{value}` ไม่ใช่ข้อในเกณฑ์ปี {year}{hint}",
        "เปลี่ยนชื่อไฟล์เป็นเลขข้อตามเกณฑ์ (o1 … {last}) หรือย้ายไฟล์ออกจากโฟลเดอร์ oit/",
    ),
    en=(
        "Unknown item",
        "`{value}` is not an item of the {year} catalogue{hint}",
        "rename the file to an item id of the catalogue (o1 … {last}) or move it out of oit/",
    ),
)
declare("item-file-name", ERROR, "content", blocks=MARK,
    th=(
        "ชื่อไฟล์ไม่ใช่เลขข้อ",
        "ไฟล์ `{value}` ไม่ได้ตั้งชื่อด้วยเลขข้อ ปีงบประมาณ {year} ไม่มีเกณฑ์ในโปรแกรม "
        "จึงเผยแพร่เฉพาะไฟล์ที่ตั้งชื่อด้วยเลขข้อ",
        "เปลี่ยนชื่อไฟล์เป็นเลขข้อที่หน่วยงานใช้ในปีนั้น (เช่น `o1.md`) หรือย้ายไฟล์ออกจากโฟลเดอร์ oit/",
    ),
    en=(
        "File name is not an item number",
        "`{value}` is not named by an item number; fiscal year {year} has no catalogue, so "
        "only files named by item number are published",
        "rename the file to the item number the council used that year (e.g. `o1.md`), or "
        "move it out of oit/",
    ),
)
declare("item-duplicate", ERROR, "content", blocks=MARK,
    th=(
        "ข้อซ้ำ",
        "ข้อ {item} มีสองไฟล์: {value}",
        "เหลือไฟล์เดียวต่อข้อ แล้วรวมเนื้อหาไว้ด้วยกัน",
    ),
    en=(
        "Item defined twice",
        "{item} is defined by two files: {value}",
        "keep one file per item and merge them",
    ),
)
declare("component-unmet", ERROR, "content", blocks=NONE,
    th=(
        "องค์ประกอบยังไม่มีหลักฐาน",
        "ข้อ {item} องค์ประกอบ “{title}” (`{component}`) ยังไม่มีหลักฐาน",
        "เพิ่มหลักฐานที่มี `components: [{component}]` ในไฟล์ {expected_file}",
    ),
    en=(
        "Component without evidence",
        "{item} component `{component}` ({title}) has no evidence",
        "add evidence with `components: [{component}]` to {expected_file}",
    ),
)
declare("item-no-evidence", ERROR, "content", blocks=NONE,
    th=(
        "ข้อไม่มีหลักฐานเลย",
        "ข้อ {item} ยังไม่มีรายการหลักฐาน",
        "เพิ่มรายการ `evidence:` ในไฟล์ {expected_file}",
    ),
    en=(
        "Item without evidence",
        "{item} lists no evidence",
        "add an `evidence:` list to {expected_file}",
    ),
)
declare("component-unknown", ERROR, "content", blocks=MARK,
    th=(
        "องค์ประกอบที่ไม่มีในข้อนี้",
        "ข้อ {item} ไม่มีองค์ประกอบ `{value}`{hint}",
        "ใช้รหัสองค์ประกอบในวงเล็บต่อไปนี้เท่านั้น: {allowed}",
    ),
    en=(
        "Unknown component",
        "{item} has no component `{value}`{hint}",
        "use one of: {allowed}",
    ),
)
declare("evidence-duplicate", WARNING, "content", blocks=NONE,
    th=(
        "หลักฐานซ้ำ",
        "ข้อ {item} มีหลักฐานเดียวกันสองรายการ: {value} (รายการแรกคือหลักฐานรายการที่ {first_n} "
        "บรรทัด {first_line})",
        "เหลือไว้รายการเดียว และระบุทุกองค์ประกอบที่เอกสารนั้นตอบไว้ใน `components:` "
        "ของรายการนั้น",
    ),
    en=(
        "Duplicated evidence",
        "{item} lists the same evidence twice: {value} (first as evidence[{first}], line "
        "{first_line})",
        "keep one of the two entries and list every component it meets in its `components:`",
    ),
)
declare("evidence-no-source", ERROR, "content", blocks=MARK,
    th=(
        "หลักฐานไม่มีลิงก์หรือไฟล์",
        "หลักฐาน “{value}” ไม่มีทั้ง `url` และ `file`",
        "เพิ่ม `url: https://…` หรือ `file: <ที่อยู่ไฟล์ใน content/>`",
    ),
    en=(
        "Evidence without link or file",
        "evidence “{value}” has neither `url` nor `file`",
        "add `url: https://…` or `file: <path under content/>`",
    ),
)
declare("evidence-no-components", ERROR, "content", blocks=MARK,
    th=(
        "หลักฐานไม่ระบุองค์ประกอบ",
        "หลักฐาน “{value}” ไม่ได้ระบุว่าตอบองค์ประกอบใด",
        "เพิ่ม `components: [..]` โดยใช้รหัสในวงเล็บต่อไปนี้: {allowed}",
    ),
    en=(
        "Evidence names no component",
        "evidence “{value}” does not say which components it meets",
        "add `components: [..]` with ids from: {allowed}",
    ),
)
declare("evidence-date-missing", ERROR, "content", blocks=MARK,
    th=(
        "หลักฐานไม่มีวันที่",
        "ข้อ {item} ต้อง{rule_th} แต่หลักฐาน “{value}” ไม่มี `date` หรือ `period`",
        "เพิ่ม `date:` ตามวันที่ในเอกสาร (เช่น `date: 2568-01-15`) หรือ `period:` "
        "ตามช่วงเวลาที่เอกสารครอบคลุม (เช่น `period: 2567-10 ถึง 2568-03`)",
    ),
    en=(
        "Evidence without date",
        "{item} requires {rule}, but evidence “{value}” has no `date` or `period`",
        "add `date:` with the date on the document (e.g. `date: 2568-01-15`) or `period:` with "
        "what it covers (e.g. `period: 2567-10 ถึง 2568-03`)",
    ),
)
declare("evidence-out-of-year", ERROR, "content", blocks=NONE,
    th=(
        "หลักฐานไม่อยู่ในปีงบประมาณ",
        "ข้อ {item} หลักฐาน “{title}” ลงวันที่ {value} ซึ่งอยู่นอกปีงบประมาณ {read} ({span})",
        "อ้างเอกสารของปีงบประมาณ {read} หรือแก้วันที่ให้ถูกต้อง",
    ),
    en=(
        "Evidence outside the fiscal year",
        "{item} evidence “{title}” is dated {value}, outside fiscal year {read} ({span})",
        "link the document of fiscal year {read}, or correct the date",
    ),
)
declare("evidence-after-as-of", WARNING, "content", blocks=NONE,
    th=(
        "เอกสารลงวันที่หลังวันที่ตรวจ",
        "ข้อ {item} หลักฐาน “{title}” ลงวันที่ {value} ซึ่งหลังวันที่ตรวจ ({as_of}) "
        "เอกสารนี้ยังไม่มีในวันนั้น",
        "ตรวจวันที่ในเอกสาร หรือเลื่อน `site.as_of` ใน site_config.yml ให้ถึงวันที่เอกสารออก",
    ),
    en=(
        "Document dated after the as-of date",
        "{item} evidence “{title}” is dated {value}, after the as-of date ({as_of}): it did "
        "not exist then",
        "check the date on the document, or move `site.as_of` in site_config.yml to a date "
        "after it was issued",
    ),
)
declare("period-not-covering", ERROR, "content", blocks=NONE,
    th=(
        "แผนไม่ครอบคลุมปีงบประมาณ",
        "ข้อ {item} ต้องเป็นแผนที่มีผลบังคับใช้ตลอดปีงบประมาณ {read} แต่ “{title}” {found_th}",
        "อ้างแผนที่มีผลในปี {read} (เช่น แผนปี 2566–2570) และระบุปีที่แผนครอบคลุมใน `period:` "
        "(เช่น `period: 2566-2570`)",
    ),
    en=(
        "Plan does not cover the year",
        "{item} needs a plan in force during fiscal year {read}; “{title}” {found}",
        "link the plan in force during {read} (e.g. a 2566–2570 plan) and write the years it "
        "covers in `period:` (e.g. `period: 2566-2570`)",
    ),
)
declare("period-first-half", ERROR, "content", blocks=NONE,
    th=(
        "ข้อมูลไม่ครอบคลุม 6 เดือนแรก",
        "ข้อ {item} ต้องมีข้อมูล 6 เดือนแรกของปีงบประมาณ {read} ยังขาด: {value}",
        "เพิ่มข้อมูลสถิติช่วง {span} และระบุเดือนที่ครอบคลุมใน `period:` (เช่น `period: "
        "{example}`)",
    ),
    en=(
        "First half not covered",
        "{item} needs data for the first 6 months of fiscal year {read}; missing: {value}",
        "add the statistics for {span} with the months they cover in `period:` (e.g. `period: "
        "{example}`)",
    ),
)
declare("period-both-halves", ERROR, "content", blocks=NONE,
    th=(
        "ข้อมูลไม่ครบทั้งสองรอบ 6 เดือน",
        "ข้อ {item} ต้องมีข้อมูลครบทั้งสองรอบ 6 เดือนของปีงบประมาณ {read} ยังขาด: {value}",
        "เพิ่มหลักฐานของเดือนที่ขาด และระบุเดือนที่ครอบคลุมใน `period:` (เช่น `period: "
        "{example}`)",
    ),
    en=(
        "Both halves not covered",
        "{item} needs both 6-month rounds of fiscal year {read}; missing: {value}",
        "add evidence for the missing months with the months it covers in `period:` (e.g. "
        "`period: {example}`)",
    ),
)
declare("period-months-missing", ERROR, "content", blocks=NONE,
    th=(
        "รายงานรายเดือนไม่ครบ",
        "ข้อ {item} ต้องมีรายงานทุกเดือนจนถึง {as_of} ยังขาด: {value}",
        "เพิ่มหลักฐานเดือนละหนึ่งรายการ โดยระบุเดือนใน `period:` (เช่น `period: {example}` ปี "
        "พ.ศ.-เดือน)",
    ),
    en=(
        "Monthly reports missing",
        "{item} needs a report for every month up to {as_of}; missing: {value}",
        "add one evidence per missing month, with its month in `period:` (e.g. `period: "
        "{example}`, Buddhist-era year-month)",
    ),
)
declare("na-without-reason", ERROR, "content", blocks=MARK,
    th=(
        "ระบุว่าไม่เกี่ยวข้องแต่ไม่ให้เหตุผล",
        "ข้อ {item} ระบุว่าไม่เกี่ยวข้อง แต่ไม่ได้ให้เหตุผล",
        "เขียน `not_applicable: <เหตุผล เช่น หน่วยงานไม่มีภารกิจด้านนี้>`",
    ),
    en=(
        "Not applicable without a reason",
        "{item} is marked not applicable without a reason",
        "write `not_applicable: <the reason, e.g. no such service in this council>`",
    ),
)
declare("executive-incomplete", ERROR, "content", blocks=NONE,
    th=(
        "ข้อมูลผู้บริหารไม่ครบ",
        "ผู้บริหาร “{value}” ไม่มี{field_th}",
        "เพิ่ม {keys} ให้ผู้บริหารคนนี้ใน site_config.yml หรือเพิ่มลิงก์หน้าเว็บของหน่วยงานที่แสดงข้อมูลนี้"
        "เป็นหลักฐานใน {expected_file} (`components: [{component}]`)",
    ),
    en=(
        "Executive data incomplete",
        "executive “{value}” has no {field}",
        "add {keys} to this executive in site_config.yml, or link the council's web page that "
        "shows it as evidence in {expected_file} (`components: [{component}]`)",
    ),
)
declare("executives-management-missing", ERROR, "content", blocks=NONE,
    th=(
        "ไม่มีผู้ดำรงตำแหน่งการบริหาร",
        "ข้อ {item} ต้องแสดงทั้งผู้บริหารสูงสุดและผู้ดำรงตำแหน่งการบริหารของหน่วยงาน แต่ใน "
        "site_config.yml มีเพียง {value}",
        "เพิ่มผู้ดำรงตำแหน่งการบริหาร (เช่น รองนายก ปลัด หัวหน้าส่วนราชการ) ใน `executives:` "
        "ต่อจากผู้บริหารสูงสุด พร้อมชื่อ ตำแหน่ง รูปถ่าย และช่องทางการติดต่อ",
    ),
    en=(
        "No holders of management positions",
        "{item} must show the top executive and the holders of management positions, but "
        "site_config.yml lists only {value}",
        "add the holders of management positions (deputy mayor, chief administrator, heads of "
        "divisions) under `executives:` after the top executive, each with name, position, "
        "photo and contact",
    ),
)
declare("executives-missing", ERROR, "content", blocks=NONE,
    th=(
        "ไม่มีข้อมูลผู้บริหาร",
        "site_config.yml ไม่มีรายชื่อผู้บริหาร",
        "เพิ่มรายการ `executives:` ใน site_config.yml หรือเพิ่มลิงก์หน้าเว็บผู้บริหารของหน่วยงาน"
        "เป็นหลักฐานใน {expected_file} (`components: all`)",
    ),
    en=(
        "No executives",
        "site_config.yml lists no executives",
        "add an `executives:` list to site_config.yml, or link the council's executives page "
        "as evidence in {expected_file} (`components: all`)",
    ),
)
declare("contact-incomplete", ERROR, "content", blocks=NONE,
    th=(
        "ข้อมูลการติดต่อไม่ครบ",
        "ยังไม่ได้ระบุ{field}ของหน่วยงาน (`{key}`)",
        "เพิ่ม `{example}` ใต้ `council:` ใน site_config.yml หรือเพิ่มลิงก์หน้าติดต่อของหน่วยงาน"
        "เป็นหลักฐานใน {expected_file} (`components: [{component}]`)",
    ),
    en=(
        "Contact data incomplete",
        "the council's {key} ({field}) is not set",
        "add `{example}` under `council:` in site_config.yml, or link the council's contact "
        "page as evidence in {expected_file} (`components: [{component}]`)",
    ),
)
declare("eit-survey-missing", ERROR, "content", blocks=NONE,
    th=(
        "ไม่มีลิงก์แบบสำรวจ EIT",
        "ยังไม่ได้ระบุลิงก์แบบวัด EIT (`eit_survey_url`) ของปีงบประมาณ {year} ข้อ o28 ต้องแสดง "
        "QR โค้ดของแบบวัด EIT",
        "เพิ่ม `eit_survey_url: https://…` ใน site_config.yml (รายปีใต้ `years:` "
        "หรือที่ระดับบนสุด)",
    ),
    en=(
        "EIT survey URL missing",
        "eit_survey_url is not set for fiscal year {year}; o28 requires the EIT QR code",
        "add `eit_survey_url: https://…` (per year under `years:` or at top level) in "
        "site_config.yml",
    ),
)
declare("measures-unreported", ERROR, "content", blocks=NONE,
    th=(
        "ยังไม่รายงานผลมาตรการ",
        "มาตรการ “{value}” ยังไม่มีรายงานความก้าวหน้าหรือผลการดำเนินการในรอบที่ถึงกำหนดแล้ว "
        "(ล่าสุด `{round}`; `6m` คือรอบ 6 เดือน ต.ค.–มี.ค., `12m` คือรอบ 12 เดือน)",
        "เพิ่ม `{round}:` พร้อม `status:` `date:` `output:` และ `outcome:` ใต้ `progress:` "
        "ของมาตรการนี้",
    ),
    en=(
        "Measure not reported",
        "measure “{value}” has no progress or results report for any round that is due "
        "(latest `{round}`; 6m: Oct–Mar, 12m: the whole year)",
        "add `{round}:` with `status:`, `date:`, `output:` and `outcome:` under this measure's "
        "`progress:`",
    ),
)

# --- evidence files and links -------------------------------------------------------------
declare("file-missing", ERROR, "content", blocks=MARK,
    th=(
        "ไม่พบไฟล์หลักฐาน",
        "ข้อ {item} ไม่พบไฟล์หลักฐาน `{value}`{hint}",
        "วางไฟล์ไว้ในโฟลเดอร์ content/ และเขียนที่อยู่ไฟล์โดยเริ่มจากใน content/ (เช่น `files/…`)",
    ),
    en=(
        "Evidence file not found",
        "{item} evidence file `{value}` does not exist{hint}",
        "put the file under content/ and give its path relative to content/",
    ),
)
declare("file-empty", ERROR, "content", blocks=MARK,
    th=(
        "ไฟล์หลักฐานว่างเปล่า",
        "ข้อ {item} ไฟล์หลักฐาน `{value}` ว่างเปล่า (0 ไบต์)",
        "แทนที่ด้วยไฟล์เอกสารจริง",
    ),
    en=(
        "Evidence file empty",
        "{item} evidence file `{value}` is empty (0 bytes)",
        "replace it with the real document",
    ),
)
declare("file-outside-content", ERROR, "content", blocks=REFUSE,
    th=(
        "ไฟล์หลักฐานอยู่นอก content/",
        "ข้อ {item} ไฟล์หลักฐาน `{value}` อยู่นอกโฟลเดอร์ content/",
        "คัดลอกเอกสารมาไว้ใน content/ และเขียนที่อยู่ไฟล์โดยเริ่มจากใน content/ (ห้ามใช้ `..` "
        "หรือขึ้นต้นด้วย /)",
    ),
    en=(
        "File outside content/",
        "{item} evidence file `{value}` is outside content/",
        "copy the document into content/ and use a path relative to content/ (no `..`, no /…)",
    ),
)
declare("file-type-mismatch", ERROR, "content", blocks=MARK,
    th=(
        "ชนิดไฟล์ไม่ตรงกับนามสกุล",
        "ข้อ {item} ไฟล์หลักฐาน `{value}` ไม่ใช่ไฟล์ {expected} (ดูเหมือน {found})",
        "ส่งออกเอกสารใหม่เป็น {expected} หรือแก้นามสกุลของชื่อไฟล์ให้ตรงกับชนิดไฟล์",
    ),
    en=(
        "File type does not match extension",
        "{item} evidence file `{value}` is not a {expected} file (it looks like {found})",
        "export the document again as {expected}, or fix the file name's extension",
    ),
)
declare("file-type-unsupported", ERROR, "content", blocks=REFUSE,
    th=(
        "ชนิดไฟล์ที่ไม่เผยแพร่",
        "ข้อ {item} ไฟล์ `{value}` เป็นไฟล์ `{ext}` ซึ่งเว็บไซต์ไม่เผยแพร่ (เผยแพร่ได้เฉพาะ {allowed})",
        "บันทึกเอกสารเป็น PDF (รูปภาพเป็น PNG หรือ JPEG) หรือย้ายไฟล์ออกจากโฟลเดอร์ content/",
    ),
    en=(
        "File type not published",
        "{item} file `{value}` is a `{ext}` file, which the site does not publish (only "
        "{allowed})",
        "save the document as PDF (an image as PNG or JPEG), or move the file out of content/",
    ),
)
declare("url-malformed", ERROR, "content", blocks=MARK,
    th=(
        "ลิงก์ไม่ถูกต้อง",
        "ข้อ {item} ลิงก์ `{value}` ไม่ใช่ที่อยู่เว็บที่ถูกต้อง: {why}",
        "คัดลอกที่อยู่เต็มจากช่องที่อยู่ของเบราว์เซอร์ (ขึ้นต้นด้วย https://)",
    ),
    en=(
        "Malformed URL",
        "{item} link `{value}` is not a valid web address: {why}",
        "copy the full address from the browser, starting with https://",
    ),
)
declare("url-scheme", ERROR, "content", blocks=REFUSE,
    th=(
        "ลิงก์ชนิดที่ไม่อนุญาต",
        "ข้อ {item} ลิงก์ `{value}` เป็นชนิด `{scheme}:` แต่หลักฐานต้องเป็นหน้าเว็บ (https:// "
        "หรือ http://)",
        "ลิงก์ไปยังหน้าเว็บ (https://…) หรือวางเอกสารไว้ใน content/",
    ),
    en=(
        "URL scheme not allowed",
        "{item} link `{value}` uses `{scheme}:`; evidence must be a web page (https:// or "
        "http://)",
        "link a web page (https://…) or put the document under content/",
    ),
)
declare("url-local", ERROR, "content", blocks=MARK,
    th=(
        "ลิงก์ชี้ไปเครื่องภายใน",
        "ข้อ {item} ลิงก์ `{value}` ชี้ไปยัง {why} ผู้ประเมินและประชาชนเปิดไม่ได้",
        "อัปโหลดเอกสารขึ้นเว็บไซต์สาธารณะของหน่วยงาน หรือวางไว้ใน content/",
    ),
    en=(
        "Link to a local machine",
        "{item} link `{value}` points to {why}; assessors and citizens cannot open it",
        "upload the document to the public website or put it under content/",
    ),
)
declare("url-login", WARNING, "content", blocks=NONE,
    th=(
        "ลิงก์อาจต้องเข้าสู่ระบบ",
        "ข้อ {item} ลิงก์ `{value}` น่าจะเป็นลิงก์ส่วนตัวของ {service} ที่ต้องเข้าสู่ระบบก่อน",
        "ตั้งค่าแชร์เป็นสาธารณะ (ทุกคนที่มีลิงก์) หรือวางเอกสารไว้ใน content/",
    ),
    en=(
        "Link may need a login",
        "{item} link `{value}` looks like a private {service} link that needs a login",
        "share it publicly (anyone with the link) or put the document under content/",
    ),
)
declare("file-type-unsafe", ERROR, "content", blocks=REFUSE,
    th=(
        "ชนิดไฟล์ที่ไม่ปลอดภัย",
        "ข้อ {item} ไฟล์หลักฐาน `{value}` เป็นไฟล์ `{ext}` ซึ่งอาจรันสคริปต์บนเว็บไซต์ได้",
        "เผยแพร่เอกสารเป็น PDF (รูปภาพเป็น PNG หรือ JPEG)",
    ),
    en=(
        "Unsafe file type",
        "{item} evidence file `{value}` is a `{ext}` file, which could run script on the site",
        "publish the document as PDF (or an image as PNG/JPEG)",
    ),
)
declare("measures-missing", ERROR, "content", blocks=NONE,
    th=(
        "ไม่มีข้อมูลมาตรการ (o27)",
        "ข้อ {item} ของปีงบประมาณ {year} รายงานผลตามมาตรการของปีงบประมาณ {read} แต่ไม่มีไฟล์มาตรการของปีนั้น",
        "สร้างไฟล์ content/{read}/measures.yml (ดู docs/content-format.md)",
    ),
    en=(
        "No measures data",
        "{item} of fiscal year {year} reports on the measures of fiscal year {read}, which has no "
        "measures file",
        "create content/{read}/measures.yml (see docs/content-format.md)",
    ),
)
declare("url-shared", WARNING, "content", blocks=NONE,
    th=(
        "ลิงก์เดียวกันใช้หลายข้อ",
        "ลิงก์เดียวกัน `{value}` ใช้เป็นหลักฐานของหลายข้อต่างตัวชี้วัดย่อย: {items}",
        "ลิงก์ไปยังเอกสารเฉพาะของแต่ละข้อ ไม่ใช่หน้าเว็บรวม",
    ),
    en=(
        "Same link for unrelated items",
        "the same link `{value}` is evidence for items of different sub-indicators: {items}",
        "link the specific document for each item, not a general page",
    ),
)
declare("markdown-html", WARNING, "content", blocks=NONE,
    th=(
        "มี HTML ในข้อความ",
        "นำ HTML `{value}` ออกจากข้อความแล้ว (คงไว้เฉพาะแท็กที่ปลอดภัย: {allowed})",
        "เขียนด้วย Markdown แทน (เช่น **ตัวหนา**, [ลิงก์](https://…), ตารางด้วย |)",
    ),
    en=(
        "Raw HTML in Markdown",
        "raw HTML `{value}` was removed from the text (only safe tags are kept: {allowed})",
        "write it in Markdown instead (e.g. **bold**, [link](https://…), tables with |)",
    ),
)
declare("markdown-link-scheme", ERROR, "content", blocks=REFUSE,
    th=(
        "ลิงก์ในข้อความชนิดที่ไม่อนุญาต",
        "ข้อความมีลิงก์ไปยัง `{value}` ซึ่งเผยแพร่ไม่ได้ (ได้เฉพาะ https, http, mailto, tel "
        "และไฟล์)",
        "ลบลิงก์นั้น หรือลิงก์ไปยังหน้าเว็บ",
    ),
    en=(
        "Unsafe link in text",
        "the text links to `{value}`; only https, http, mailto, tel and files are published",
        "remove the link or link a web page",
    ),
)
declare("page-invalid", ERROR, "content", blocks=MARK,
    th=(
        "หน้าเนื้อหาไม่ถูกต้อง",
        "หน้าเนื้อหาไม่ถูกต้อง: {reason}",
        "แก้ดังนี้: {hint}",
    ),
    en=(
        "Invalid page",
        "{reason}",
        "{hint}",
    ),
)

# --- assessment results (issue: results, o27, o28) ----------------------------------------
declare("assessment-no-rules", WARNING, "content", blocks=NONE,
    th=(
        "ไม่มีเกณฑ์คะแนนของปีนี้",
        "ไม่มีเกณฑ์คะแนน ITA ของปีงบประมาณ {year} จึงตรวจคะแนนรวมและระดับผลที่กรอกไม่ได้",
        "เพิ่มไฟล์ generator/scoring/{year}.yml (น้ำหนักและเกณฑ์ระดับผลของปีนั้น)",
    ),
    en=(
        "No scoring rules for the year",
        "there are no ITA scoring rules for fiscal year {year}, so the entered total and label "
        "cannot be checked",
        "add generator/scoring/{year}.yml (weights and bands of that year)",
    ),
)
declare("assessment-unknown-tool", WARNING, "content", blocks=NONE,
    th=(
        "ชื่อเครื่องมือไม่ตรงกับเกณฑ์",
        "เครื่องมือ `{value}` ไม่ใช่เครื่องมือของปีนั้น ({allowed})",
        "ใช้ชื่อเครื่องมือของปีนั้น: {allowed}",
    ),
    en=(
        "Unknown tool",
        "tool `{value}` is not one of the year's tools ({allowed})",
        "use the tool names of that year: {allowed}",
    ),
)
declare("assessment-overall-mismatch", WARNING, "content", blocks=NONE,
    th=(
        "คะแนนรวมไม่ตรงกับที่คำนวณ",
        "คะแนนรวมที่กรอก {value} ไม่ตรงกับที่คำนวณตามเกณฑ์ของปี: {computed} = {formula}",
        "ตรวจคะแนนรายเครื่องมือและคะแนนรวมกับผลที่ประกาศ",
    ),
    en=(
        "Total disagrees with the rules",
        "the entered total {value} differs from the total the year's rules compute: {computed} "
        "= {formula}",
        "check the tool scores and the total against the published results",
    ),
)
declare("assessment-label-mismatch", WARNING, "content", blocks=NONE,
    th=(
        "ระดับผลการประเมินไม่ตรงกับเกณฑ์",
        "ระดับผลที่กรอก `{value}` ไม่ตรงกับ `{computed}` ซึ่งเกณฑ์ของปีให้สำหรับคะแนนรวม "
        "{overall} และคะแนนรายเครื่องมือ {tools}",
        "ตรวจระดับผลกับผลที่ประกาศ (บางเกณฑ์กำหนดให้ทุกเครื่องมือต้องถึงเกณฑ์ด้วย)",
    ),
    en=(
        "Label disagrees with the rules",
        "the entered label `{value}` differs from `{computed}`, which the year's bands give for "
        "a total of {overall} with tools {tools}",
        "check the label against the published results (bands may require every tool to reach "
        "the threshold)",
    ),
)

# --- o27/o28 as the council's signed documents (issue 14) --------------------------------
declare("measure-field-missing", ERROR, "content", blocks=NONE,
    th=(
        "มาตรการไม่ครบ",
        "มาตรการที่ {number} “{value}” ไม่ได้ระบุ{field_th} ({field}) เอกสาร o27 และ o28 "
        "ต้องแสดงขั้นตอน ระยะเวลา และผู้รับผิดชอบของทุกมาตรการ",
        "เพิ่ม {field} ใต้มาตรการนี้ เช่น `{example}`",
    ),
    en=(
        "Measure incomplete",
        "measure {number} “{value}” has no `{field}`; the o27 and o28 documents print every "
        "measure with its steps, period and responsible unit",
        "add `{field}:` to this measure, e.g. `{example}`",
    ))
declare("progress-date-missing", WARNING, "content", blocks=NONE,
    th=(
        "รายงานผลไม่มีวันที่",
        "มาตรการที่ {number} “{value}” รายงานผลรอบ `{round}` ไม่มีวันที่ "
        "เอกสาร o28 จึงพิมพ์โดยไม่มีวันที่รายงาน",
        "เพิ่ม `date:` วันที่รายงานผลรอบนี้ เช่น `date: {example}`",
    ),
    en=(
        "Progress report without a date",
        "measure {number} “{value}”: the `{round}` progress report has no date, so the o28 "
        "document prints it undated",
        "add `date:` (the day of the report, e.g. `date: {example}`) under this round",
    ))
declare("signature-incomplete", WARNING, "content", blocks=NONE,
    th=(
        "ผู้ลงนามไม่ครบ",
        "ผู้ลงนามลำดับที่ {number} ({value}) ในบันทึกข้อความ {document} ไม่ได้ระบุ{field_th} "
        "({field}) เอกสารจะพิมพ์เส้นประไว้ให้เขียนด้วยลายมือ",
        "เพิ่ม {field} ในผู้ลงนามนี้ เช่น `{example}`",
    ),
    en=(
        "Signature block incomplete",
        "signature block {number} ({value}) of the {document} memo has no `{field}`; the "
        "document prints a dotted line to fill in by hand",
        "add `{field}:` to this signature block, e.g. `{example}`",
    ))

# --- typing accidents and unsafe text (issue 6: impossible to break with a typo) ----------
declare("control-character", ERROR, "input", blocks=MARK,
    th=(
        "มีอักขระควบคุมที่มองไม่เห็น",
        "คอลัมน์ {column} มีอักขระควบคุมที่มองไม่เห็น {value} ซึ่ง YAML ไม่รับ "
        "(มักติดมากับข้อความที่คัดลอกจาก Word หรือ Excel)",
        "ลบอักขระนั้น: พิมพ์ข้อความตรงนั้นใหม่ หรือวางแบบข้อความธรรมดา (ไม่มีรูปแบบ)",
    ),
    en=(
        "Invisible control character",
        "column {column} holds the invisible control character {value}, which YAML does not "
        "allow (it usually comes with text pasted from Word or Excel)",
        "delete the character: retype the text around that position, or paste it as plain text",
    ),
)
declare("text-html", ERROR, "input", blocks=REFUSE,
    th=(
        "มีแท็ก HTML ในข้อมูลที่เป็นข้อความ",
        "{field} มีแท็ก HTML `{value}` ช่องข้อความจะเผยแพร่เป็นข้อความธรรมดา",
        "ลบแท็กออก (เขียนข้อความธรรมดา การจัดรูปแบบให้เขียนใน Markdown ใต้เส้น `---` เส้นที่สอง)",
    ),
    en=(
        "HTML tag in a text field",
        "`{field}` contains the HTML tag `{value}`; text fields are published as plain text",
        "remove the tag (write plain text; formatting belongs in the Markdown below the second "
        "`---` line)",
    ),
)


# --- what a careless or hostile file can still do (issue 19) ------------------------------
declare("markdown-plain", WARNING, "content", blocks=NONE,
    th=(
        "ข้อความเผยแพร่เป็นข้อความธรรมดา",
        "ข้อความ Markdown นี้จะเผยแพร่เป็นข้อความธรรมดา ไม่จัดรูปแบบ เพราะ{found_th}",
        "ลดการซ้อนของรายการหรือข้อความอ้างอิง คั่นย่อหน้าด้วยบรรทัดว่าง "
        "หรือเผยแพร่เอกสารยาวเป็น PDF",
    ),
    en=(
        "Text published as plain text",
        "this Markdown text is published as plain text, without formatting: {found}",
        "nest lists and quotes less, separate paragraphs with blank lines, or publish a long "
        "document as PDF",
    ),
)
declare("text-too-long", ERROR, "input", blocks=REFUSE,
    th=(
        "ข้อความยาวเกินไป",
        "{field} ยาว {value} ตัวอักษร ได้ไม่เกิน {limit} ตัวอักษร",
        "ย่อข้อความให้สั้นลง (คำอธิบายยาวให้เขียนใน Markdown ใต้เส้น `---` เส้นที่สอง "
        "หรือในเอกสาร PDF)",
    ),
    en=(
        "Text too long",
        "`{field}` is {value} characters long; at most {limit} are allowed",
        "shorten it (long explanations belong in the Markdown below the second `---` line, "
        "or in a PDF)",
    ),
)
declare("text-unencodable", ERROR, "input", blocks=REFUSE,
    th=(
        "อักขระที่บันทึกไม่ได้",
        "{field} มีอักขระ {value} ซึ่งไม่ใช่อักขระยูนิโคดที่ถูกต้อง "
        "จึงบันทึกลงหน้าเว็บไม่ได้",
        "ลบอักขระนั้นหรือพิมพ์ใหม่ (แทนรหัสเช่น \\ud83d ให้พิมพ์ตัวอักษรจริง) "
        "ถ้าเป็นชื่อไฟล์หรือโฟลเดอร์ ให้ตั้งชื่อใหม่",
    ),
    en=(
        "Character that cannot be written",
        "`{field}` holds {value}, which is not a valid Unicode character and cannot be "
        "written to a web page",
        "delete or retype the character (type the character itself instead of an escape such "
        "as \\ud83d); for a file or folder name, rename it",
    ),
)
declare("evidence-too-many", ERROR, "content", blocks=REFUSE,
    th=(
        "หลักฐานมากเกินไป",
        "ข้อ {item} มีหลักฐาน {value} รายการ ได้ไม่เกิน {limit} รายการต่อข้อ",
        "รวมเอกสารที่เกี่ยวข้องเป็นไฟล์เดียว (เช่น PDF หนึ่งไฟล์ต่อเดือน) "
        "แล้วแสดงรายละเอียดไว้ในเอกสารนั้น",
    ),
    en=(
        "Too many evidence entries",
        "{item} has {value} evidence entries; at most {limit} per item",
        "combine related documents into one file (e.g. one PDF per month) and list the "
        "details inside it",
    ),
)
declare("mkdocs-setting-refused", ERROR, "input", blocks=REFUSE,
    th=(
        "การตั้งค่า MkDocs ที่ไม่อนุญาต",
        "การตั้งค่า `{value}` ใต้ `mkdocs:` ใช้ไม่ได้: {found_th}",
        "ลบการตั้งค่านั้นออกจาก site_config.yml (สิ่งที่ตั้งค่าได้: docs/site-config.md)",
    ),
    en=(
        "MkDocs setting not allowed",
        "the setting `{value}` under `mkdocs:` is not allowed: {found}",
        "remove it from site_config.yml (what may be set: docs/site-config.md)",
    ),
)
declare("path-outside-project", ERROR, "input", blocks=REFUSE,
    th=(
        "ไฟล์อยู่นอกโฟลเดอร์ของหน่วยงาน",
        "{field} ชี้ไปที่ `{value}` ซึ่งอยู่นอกโฟลเดอร์ของหน่วยงาน",
        "คัดลอกไฟล์มาไว้ในโฟลเดอร์ของหน่วยงาน (โฟลเดอร์ที่มี site_config.yml) "
        "แล้วเขียนที่อยู่ไฟล์โดยเริ่มจากโฟลเดอร์นั้น (ห้ามใช้ `..` หรือขึ้นต้นด้วย /)",
    ),
    en=(
        "File outside the project",
        "`{field}` names `{value}`, which is outside the council's folder",
        "copy the file into the council's folder (the one with site_config.yml) and give its "
        "path from there (no `..`, no /…)",
    ),
)
declare("output-path-reserved", ERROR, "content", blocks=REFUSE,
    th=(
        "ไฟล์ไปทับไฟล์ของเว็บไซต์",
        "`{value}` จะเผยแพร่ที่ `{target}` ซึ่งเป็นที่ของ{found_th}",
        "เปลี่ยนชื่อไฟล์หรือย้ายไปไว้ที่อื่น เช่น ในโฟลเดอร์ content/files/",
    ),
    en=(
        "File takes a reserved place",
        "`{value}` would be published at `{target}`, the place of {found}",
        "rename the file or move it elsewhere, e.g. under content/files/",
    ),
)
declare("year-folder-duplicate", ERROR, "input", blocks=REFUSE,
    th=(
        "โฟลเดอร์ปีซ้ำกัน",
        "`{value}` และ `{other}` เป็นโฟลเดอร์ของปีงบประมาณ {year} เดียวกัน",
        "เหลือไว้โฟลเดอร์เดียวคือ content/{year}/: ย้ายไฟล์ของอีกโฟลเดอร์มารวมแล้วลบโฟลเดอร์นั้น",
    ),
    en=(
        "Two folders for one year",
        "`{value}` and `{other}` are both folders of fiscal year {year}",
        "keep one folder, content/{year}/: move the files of the other into it and delete it",
    ),
)
declare("year-folder-unread", ERROR, "input", blocks=NONE,
    th=(
        "โฟลเดอร์ที่ดูเหมือนปีแต่ไม่ถูกอ่าน",
        "`{value}` ดูเหมือนโฟลเดอร์ของปีงบประมาณ {guess} แต่โปรแกรมไม่อ่านโฟลเดอร์นี้ "
        "(อ่านเฉพาะโฟลเดอร์ที่ชื่อเป็นเลขปีล้วน เช่น content/2568/)",
        "ถ้าเป็นข้อมูลของปี {guess} ให้เปลี่ยนชื่อโฟลเดอร์เป็น content/{guess}/ "
        "ถ้าเป็นสำเนาสำรอง ให้ย้ายออกไปไว้นอก content/ (เอกสารในโฟลเดอร์นี้ถูกเผยแพร่ด้วย)",
    ),
    en=(
        "Year-like folder not read",
        "`{value}` looks like the folder of fiscal year {guess}, but it is not read (only "
        "folders named by the year alone are, e.g. content/2568/)",
        "if it holds {guess}'s content, rename it content/{guess}/; if it is a backup copy, "
        "move it out of content/ (its documents are published too)",
    ),
)
declare("item-file-extension", ERROR, "content", blocks=NONE,
    th=(
        "ไฟล์ของข้อมีนามสกุลผิด",
        "`{value}` ดูเหมือนไฟล์ของข้อ {item} แต่ชื่อไม่ได้ลงท้ายด้วย .md จึงไม่ถูกอ่าน",
        "เปลี่ยนชื่อไฟล์เป็น {expected_name} (ไฟล์ข้อความธรรมดา ไม่ใช่เอกสาร Word)",
    ),
    en=(
        "Item file with a wrong extension",
        "`{value}` looks like the file of {item}, but its name does not end in .md, so it is "
        "not read",
        "rename it to {expected_name} (a plain-text file, not a Word document)",
    ),
)


# --- o13 procurement summaries (แบบ สขร.1) imported from workbooks, CSV, cgdcontract JSON ---
# (issue 18). Reading a source file: any of the `input` kinds refuses the whole import.
declare('procurement-source-format', ERROR, 'input', blocks=MARK,
    th=(
        'นำเข้าไฟล์ชนิดนี้ไม่ได้',
        'นำเข้า `{value}` ไม่ได้: {reason}',
        'บันทึกไฟล์ใหม่ในรูปแบบที่นำเข้าได้ (.xlsx, .csv หรือ .json ของ cgdcontract): {hint}',
    ),
    en=(
        'File type cannot be imported',
        '`{value}` cannot be imported: {reason}',
        '{hint}',
    ))
declare('procurement-source-encrypted', ERROR, 'input', blocks=MARK,
    th=(
        'ไฟล์ Excel มีรหัสผ่าน',
        'ไฟล์ `{value}` ตั้งรหัสผ่านไว้ จึงอ่านข้อมูลไม่ได้',
        'เปิดไฟล์ใน Excel แล้วเอารหัสผ่านออก (ไฟล์ → ข้อมูล → ป้องกันเวิร์กบุ๊ก → '
        'เข้ารหัสด้วยรหัสผ่าน ลบรหัสให้ว่าง) บันทึกเป็น .xlsx แล้วนำเข้าไฟล์นั้น',
    ),
    en=(
        'Workbook is password-protected',
        'the workbook `{value}` is encrypted with a password, so it cannot be read',
        'open it in Excel, remove the password (File → Info → Protect Workbook → Encrypt with '
        'Password, leave it empty), save it as .xlsx and import that copy',
    ))
declare('procurement-source-corrupt', ERROR, 'input', blocks=MARK,
    th=(
        'ไฟล์ Excel เสียหรือไม่ใช่ไฟล์ Excel',
        '`{value}` ไม่ใช่ไฟล์ Excel (.xlsx) ที่อ่านได้: {reason}',
        'เปิดไฟล์ใน Excel แล้วบันทึกใหม่เป็น "เวิร์กบุ๊ก Excel (.xlsx)" หรือส่งออกชีตเป็น CSV '
        'UTF-8',
    ),
    en=(
        'Workbook is damaged',
        '`{value}` is not a readable .xlsx workbook: {reason}',
        'open it in Excel and save it again as Excel Workbook (.xlsx), or export the sheet as '
        'CSV UTF-8',
    ))
declare('procurement-no-header', ERROR, 'input', blocks=MARK,
    th=(
        'ไม่พบหัวตาราง สขร.1',
        '{value}: ไม่พบแถวหัวตารางของแบบ สขร.1 ใน {rows} แถวแรก (พบเพียง: {found})',
        'ใส่แถวหัวตารางที่มีชื่อคอลัมน์ของแบบ สขร.1 ({columns})',
    ),
    en=(
        'No สขร.1 header',
        '{value}: no header row of the สขร.1 columns was found in the first {rows} rows '
        '(recognised: {found})',
        'give the table a header row with the สขร.1 column names ({columns})',
    ))
declare('procurement-sheet-skipped', WARNING, 'input', blocks=NONE,
    th=(
        'ข้ามชีตที่ไม่มีหัวตาราง',
        'ชีต `{value}` ไม่มีแถวหัวตาราง สขร.1 จึงไม่ได้นำเข้า',
        'หากชีตนี้มีรายการจัดซื้อจัดจ้าง ให้ใส่แถวหัวตาราง สขร.1 หากไม่มี ไม่ต้องทำอะไร',
    ),
    en=(
        'Sheet skipped',
        'sheet `{value}` has no สขร.1 header row and was not imported',
        'if the sheet holds procurement rows, give it the สขร.1 header row; otherwise ignore this',
    ))
declare('procurement-too-many-rows', ERROR, 'input', blocks=MARK,
    th=(
        'ตารางมีจำนวนแถวมากเกินไป',
        '{value} มีมากกว่า {limit} แถว ซึ่งมากเกินกว่ารายการจัดซื้อจัดจ้างของหน่วยงาน',
        'นำเข้าทีละปีงบประมาณ (หรือทีละไม่กี่เดือน) และลบแถวที่ไม่ใช่รายการจัดซื้อจัดจ้างออก',
    ),
    en=(
        'Too many rows',
        "{value} has more than {limit} rows; a council's procurement summaries are far fewer",
        'import one fiscal year (or a few months) at a time, and delete rows that are not '
        'procurement entries',
    ))
declare('procurement-formula', ERROR, 'input', blocks=MARK,
    th=(
        'สูตรที่ยังไม่มีผลลัพธ์',
        'เซลล์นี้มีสูตร `{value}` แต่ไม่ได้บันทึกผลลัพธ์ของสูตรไว้',
        'เปิดไฟล์ใน Excel หรือ LibreOffice Calc แล้วกดบันทึกอีกครั้ง '
        '(โปรแกรมจะบันทึกผลของสูตร) แล้วนำเข้าใหม่',
    ),
    en=(
        'Formula without a value',
        'the cell holds the formula `{value}` but no computed value was saved with it',
        'open the file in Excel or LibreOffice Calc and save it again (this stores the '
        'results of the formulas), then import it',
    ))
declare('procurement-merged', ERROR, 'input', blocks=MARK,
    th=(
        'ผสานเซลล์ตัวเลขข้ามหลายรายการ',
        '{column} ผสานเซลล์เป็นช่องเดียวข้ามแถว {value} ซึ่งเป็นคนละรายการกัน '
        'จำนวนเงินใช้ร่วมกันไม่ได้',
        'ยกเลิกการผสานเซลล์แล้วใส่จำนวนเงินของแต่ละรายการ (หากแถวเหล่านั้นเป็นรายการเดียวกัน '
        'ให้ผสานเซลล์ "งานที่ซื้อหรือจ้าง" ด้วย)',
    ),
    en=(
        'Number merged across entries',
        '{column} is one merged cell across rows {value}, which are separate procurement '
        'entries; a price cannot be shared',
        "unmerge the cells and write each entry's own amount (or merge the งานที่ซื้อหรือจ้าง "
        'cells too if the rows are one entry)',
    ))
declare('procurement-no-month', ERROR, 'input', blocks=MARK,
    th=(
        'ไม่ทราบว่ารายการเป็นของเดือนใด',
        'ไม่ทราบว่ารายการนี้เป็นของเดือนใด: ไม่มีเดือนในหัวเรื่องหรือชื่อชีต '
        'ไม่มีแถวระบุเดือนอยู่ก่อน และไม่มีวันที่ของสัญญา',
        'เพิ่มแถวหัวเรื่อง เช่น `ประจำเดือน สิงหาคม 2568` เหนือหัวตาราง หรือกรอกวันที่ของสัญญา',
    ),
    en=(
        'Month unknown',
        "cannot tell which month this entry belongs to: no month in the sheet's title or "
        'name, no month row above it, and no contract date',
        'add a title row such as `ประจำเดือน สิงหาคม 2568` above the header, or fill the '
        'contract date',
    ))
declare('procurement-json', ERROR, 'input', blocks=MARK,
    th=(
        'ไฟล์ JSON ไม่ใช่ข้อมูล cgdcontract',
        '`{value}` ไม่ใช่ข้อมูลที่บันทึกจากบริการ cgdcontract: {reason}',
        'บันทึกผลลัพธ์ทั้งหมดของบริการ (`{{"result": [...]}}`) เป็นไฟล์ .json หรือนำเข้าไฟล์ '
        'Excel แบบ สขร.1 แทน',
    ),
    en=(
        'Not cgdcontract JSON',
        '`{value}` is not a saved response of the cgdcontract service: {reason}',
        'save the whole response of the service (`{{"result": [...]}}`) as a .json file, or '
        'import the สขร.1 workbook instead',
    ))
declare('procurement-month-exists', ERROR, 'content', blocks=NONE,
    th=(
        'มีข้อมูลเดือนนี้อยู่แล้ว',
        'มีไฟล์ {value} อยู่แล้ว และข้อมูลที่นำเข้าต่างจากเดิม ({changes})',
        'ตรวจความแตกต่างที่แสดง หากต้องการแทนที่ ให้นำเข้าอีกครั้งพร้อม --replace '
        '(ไฟล์เดิมจะเก็บไว้ที่ {backup})',
    ),
    en=(
        'Month already imported',
        '{value} already exists and the import differs from it ({changes})',
        'check the differences shown; to replace the month run the import again with '
        '--replace (the old file is kept in {backup})',
    ))
declare('procurement-total-mismatch', WARNING, 'content', blocks=NONE,
    th=(
        'ยอดรวมในไฟล์ไม่ตรงกับผลรวมรายการ',
        '{value}: แถวรวมในไฟล์ระบุ{column} {found} แต่ผลรวมของรายการได้ {computed}',
        'ตรวจสูตรของแถวรวม และจำนวนเงินของรายการที่อยู่เหนือแถวนั้น',
    ),
    en=(
        'Total row disagrees',
        "{value}: the sheet's total row says {column} {found}, but its rows add up to {computed}",
        "check the total row's formula and the amounts of the rows above it",
    ))
declare('procurement-file-name', ERROR, 'input', blocks=MARK,
    th=(
        'ชื่อไฟล์ข้อมูลจัดซื้อจัดจ้างไม่ถูกต้อง',
        'ชื่อไฟล์ `{value}` ไม่ใช่ชื่อเดือน',
        'ตั้งชื่อไฟล์เป็นปี พ.ศ.-เดือน เช่น 2568-08.yml สำหรับเดือนสิงหาคม 2568',
    ),
    en=(
        'Procurement file name',
        '`{value}` is not named by its month',
        'name the file by its Buddhist-era year and month, e.g. 2568-08.yml for สิงหาคม 2568',
    ))
declare('procurement-month-mismatch', ERROR, 'input', blocks=MARK,
    th=(
        'เดือนในไฟล์ไม่ตรงกับชื่อไฟล์',
        '`month: {value}` ไม่ตรงกับชื่อไฟล์ {expected}',
        'แก้ `month:` หรือชื่อไฟล์ให้เป็นเดือนเดียวกัน',
    ),
    en=(
        'Month and file name differ',
        '`month: {value}` differs from the file name {expected}',
        'make `month:` and the file name the same month',
    ))
declare('procurement-no-rows', ERROR, 'content', blocks=NONE,
    th=(
        'เดือนที่ไม่มีรายการ',
        '{month} ไม่มีรายการ และไม่ได้ระบุว่าไม่มีการจัดซื้อจัดจ้าง',
        'เพิ่มรายการของเดือนใต้ `rows:` หรือเขียน `no_procurement: true` '
        'หากเดือนนั้นไม่มีการจัดซื้อจัดจ้าง',
    ),
    en=(
        'Month without entries',
        '{month} lists no entries and does not say there was no procurement',
        "add the month's entries under `rows:`, or write `no_procurement: true` if the "
        'council bought and hired nothing that month',
    ))
declare('procurement-none-with-rows', ERROR, 'content', blocks=NONE,
    th=(
        'ระบุว่าไม่มีการจัดซื้อแต่มีรายการ',
        '{month} ระบุ `no_procurement: true` (ไม่มีการจัดซื้อจัดจ้าง) แต่มีรายการ {value} รายการ',
        'ลบ `no_procurement:` หรือลบรายการ ตามที่ถูกต้อง',
    ),
    en=(
        'No procurement, yet entries',
        '{month} says `no_procurement: true` but lists {value} entries',
        'remove `no_procurement:` or the entries, whichever is wrong',
    ))
declare('procurement-out-of-year', ERROR, 'content', blocks=NONE,
    th=(
        'เดือนอยู่นอกปีงบประมาณ',
        '{month} ไม่อยู่ในปีงบประมาณ {year} ({span})',
        'ย้ายไฟล์ของเดือนนั้นไปไว้ที่ content/{expected}/procurement/ หรือนำเข้าโดยไม่ระบุ --year',
    ),
    en=(
        'Month outside the fiscal year',
        '{month} is not in fiscal year {year} ({span})',
        "move the month's file to content/{expected}/procurement/, or import it without --year",
    ))
declare('procurement-required', ERROR, 'content', blocks=NONE,
    th=(
        'ข้อมูล สขร.1 ไม่ครบ',
        '{month} รายการที่ {n} ({work}) ไม่มี{column}{source}',
        'กรอก{column}ในไฟล์ต้นฉบับแล้วนำเข้าใหม่ด้วย --replace หรือเขียน `{key}:` '
        'ของรายการนี้ในไฟล์ {data_file}',
    ),
    en=(
        'สขร.1 column empty',
        '{month} entry {n} ({work}) has no {column}{source}',
        'fill {column} in the workbook and import it again with --replace, or write `{key}:` '
        'of this entry in {data_file}',
    ))
declare('procurement-number', ERROR, 'content', blocks=NONE,
    th=(
        'จำนวนเงินไม่เป็นตัวเลข',
        '{month} รายการที่ {n} ({work}): {column}เป็น `{value}` ไม่ใช่จำนวนเงิน (บาท){source}',
        'เขียนจำนวนเงินเป็นตัวเลข เช่น 24500 หรือ 24,500.00 (มีคำว่า บาท ต่อท้ายได้)',
    ),
    en=(
        'Amount is not a number',
        '{month} entry {n} ({work}): {column} is `{value}`, not an amount in baht{source}',
        'write the amount as a number, e.g. 24500 or 24,500.00 (บาท may follow)',
    ))
declare('procurement-over-budget', WARNING, 'content', blocks=NONE,
    th=(
        'ราคาที่ตกลงสูงกว่าวงเงิน',
        '{month} รายการที่ {n} ({work}): ราคาที่ตกลง {value} บาท สูงกว่าวงเงิน {budget} บาท '
        'และไม่มีหมายเหตุชี้แจง{source}',
        'ตรวจจำนวนเงินทั้งสอง หากราคาที่ตกลงถูกต้อง ให้ชี้แจงเหตุผลในหมายเหตุ (`note:`)',
    ),
    en=(
        'Agreed price above budget',
        '{month} entry {n} ({work}): the agreed price {value} is above the budget {budget} '
        'and no note says why{source}',
        'check both amounts; if the agreed price is right, say why in `note:` (หมายเหตุ)',
    ))
declare('procurement-date-outside-month', WARNING, 'content', blocks=NONE,
    th=(
        'วันที่สัญญาไม่อยู่ในเดือนที่รายงาน',
        '{month} รายการที่ {n} ({work}): สัญญาลงวันที่ {value} ไม่อยู่ในเดือนที่รายงาน{source}',
        'รายงานรายการนี้ในเดือนของสัญญา หรือแก้วันที่ให้ถูกต้อง',
    ),
    en=(
        'Contract date outside the month',
        '{month} entry {n} ({work}): the contract is dated {value}, outside the month '
        'reported{source}',
        'report the entry in the month of its contract, or correct the date',
    ))
declare('procurement-duplicate', WARNING, 'content', blocks=NONE,
    th=(
        'เลขที่โครงการ e-GP ซ้ำ',
        'เลขที่โครงการ e-GP {value} ซ้ำกัน: {month} รายการที่ {n} และ {first}{source}',
        'ลบรายการที่ซ้ำ หากเป็นคนละสัญญาของโครงการเดียวกัน ให้ระบุในหมายเหตุ (`note:`) '
        'ของทั้งสองรายการ',
    ),
    en=(
        'e-GP project number repeated',
        'e-GP project {value} is listed twice: {month} entry {n} and {first}{source}',
        'remove the repeated entry; if they are separate contracts of one project, say so in '
        '`note:` (หมายเหตุ) of both',
    ))
# --- mistakes officers make, said in their terms (issue 15; issue 19 item 8) ---------------
declare("yaml-space-missing", ERROR, "input", blocks=MARK,
    th=(
        "ไม่ได้เว้นวรรคหลังเครื่องหมาย",
        "ไม่ได้เว้นวรรคหลังเครื่องหมาย `{mark}` {effect}",
        "เว้นวรรคหนึ่งช่องหลัง `{mark}`",
    ),
    en=(
        "No space after a colon or dash",
        "there is no space after `{mark}`, {effect}",
        "put one space after `{mark}`",
    ),
)
declare("yaml-colon-missing", ERROR, "input", blocks=MARK,
    th=(
        "ไม่มีเครื่องหมาย `:` หลังชื่อข้อมูล",
        "บรรทัดนี้ไม่มีเครื่องหมาย `:` คั่นระหว่างชื่อข้อมูลกับค่า",
        "เขียนเป็น `ชื่อข้อมูล: ค่า` (มี `:` แล้วเว้นวรรคหนึ่งช่อง)",
    ),
    en=(
        "Colon missing after a key",
        "this line has no `:` between the key and its value",
        "write it as `key: value` (a colon, then one space)",
    ),
)
declare("yaml-indent", ERROR, "input", blocks=MARK,
    th=(
        "ย่อหน้าไม่ตรงกัน",
        "บรรทัดนี้ย่อหน้า {found} ช่อง ไม่ตรงกับ `{sibling}` (บรรทัด {sibling_line}) "
        "ซึ่งเป็นข้อมูลระดับเดียวกันและย่อหน้า {expected} ช่อง",
        "ย่อหน้าบรรทัดนี้ {expected} ช่องให้ตรงกับ `{sibling}` "
        "(ข้อมูลระดับเดียวกันต้องเว้นวรรคหน้าบรรทัดเท่ากันพอดี)",
    ),
    en=(
        "Uneven indentation",
        "this line is indented {found} spaces, unlike `{sibling}` (line {sibling_line}) of "
        "the same level, indented {expected}",
        "indent this line {expected} spaces, as `{sibling}` (lines of one level must be "
        "indented exactly alike)",
    ),
)
declare("yaml-tab-value", ERROR, "input", blocks=MARK,
    th=(
        "มีแท็บในข้อมูล",
        "มีแท็บ{where} ซึ่ง YAML ไม่รับในค่าที่ไม่ได้อยู่ในเครื่องหมายคำพูด",
        "แทนแท็บด้วยการเว้นวรรค",
    ),
    en=(
        "Tab inside a value",
        "there is a tab {where}; YAML does not allow tabs in unquoted values",
        "replace the tab with a space",
    ),
)
declare("yaml-invisible", ERROR, "input", blocks=MARK,
    th=(
        "มีอักขระที่มองไม่เห็น",
        "มีอักขระที่มองไม่เห็น {marks} ในย่อหน้า ชื่อข้อมูล หรือหลังเครื่องหมาย `:` "
        "โปรแกรมจึงอ่านโครงสร้างของข้อมูลผิด ({names})",
        "ลบอักขระนั้นแล้วพิมพ์ใหม่ด้วยแป้นเว้นวรรค",
    ),
    en=(
        "Invisible character",
        "the invisible character(s) {marks} in the indentation, a key or after `:` change "
        "how the data is read ({names})",
        "delete the character and retype it with the space bar",
    ),
)
declare("yaml-quote", ERROR, "input", blocks=MARK,
    th=(
        "เครื่องหมายคำพูดไม่ถูกต้อง",
        "เครื่องหมายคำพูดในบรรทัดนี้ไม่ถูกต้อง: {reason}",
        "ปิดเครื่องหมายคำพูดในบรรทัดเดียวกับที่เปิด",
    ),
    en=(
        "Quote problem",
        "{reason}",
        "close the quote on the line where it opens",
    ),
)
declare("yaml-bracket", ERROR, "input", blocks=MARK,
    th=(
        "วงเล็บไม่ได้ปิด",
        "เปิดวงเล็บ `{open}` แต่ไม่ได้ปิดด้วย `{close}` ในบรรทัดเดียวกัน",
        "เพิ่ม `{close}` ท้ายรายการ",
    ),
    en=(
        "Bracket not closed",
        "the bracket `{open}` opened here is not closed with `{close}` on the same line",
        "add `{close}` after the last entry",
    ),
)
declare("yaml-colon-in-text", ERROR, "input", blocks=MARK,
    th=(
        "ข้อความมี `: ` อยู่ข้างใน",
        "ค่าของ `{key}` คือ `{value}` ซึ่งมี `: ` (ทวิภาคตามด้วยเว้นวรรค) อยู่ข้างใน "
        "โปรแกรมจึงอ่านเป็นชื่อข้อมูลซ้อนกัน",
        "ครอบข้อความทั้งหมดด้วยเครื่องหมายคำพูดตรง \" \"",
    ),
    en=(
        "Text holds `: `",
        "the value of `{key}`, `{value}`, holds `: ` (colon and space), which YAML reads as "
        "another key",
        "put the whole text in straight quotes \" \"",
    ),
)
declare("yaml-list-dash", ERROR, "input", blocks=MARK,
    th=(
        "รายการไม่ได้ขึ้นต้นด้วย `- `",
        "บรรทัดนี้อยู่ในรายการ{list} แต่ไม่ได้ขึ้นต้นด้วย `- ` เหมือนรายการอื่น",
        "ขึ้นต้นแต่ละรายการด้วย `- `",
    ),
    en=(
        "List entry without `- `",
        "this line is in the list{list} but does not start with `- ` like the other entries",
        "start each entry with `- `",
    ),
)
declare("front-matter-missing", ERROR, "input", blocks=MARK,
    th=(
        "ไม่มีบรรทัด `---` เปิดส่วนข้อมูล",
        "ไฟล์ไม่ได้ขึ้นต้นด้วยบรรทัด `---` ข้อมูล `{value}` จึงถูกอ่านเป็นข้อความของหน้า "
        "ไม่ใช่ข้อมูล",
        "เพิ่มบรรทัดที่มีเพียง `---` เป็นบรรทัดแรกของไฟล์ และอีกบรรทัดหนึ่งต่อจากข้อมูล"
        "บรรทัดสุดท้าย",
    ),
    en=(
        "Front matter not opened",
        "the file does not start with a `---` line, so `{value}` was read as the page's "
        "text, not as data",
        "add a line with only `---` as the file's first line, and another after the last "
        "data line",
    ),
)
declare("front-matter-extra", ERROR, "input", blocks=MARK,
    th=(
        "มีบรรทัด `---` เกิน",
        "บรรทัด `---` นี้ปิดส่วนข้อมูลก่อนเวลา ข้อมูล `{value}` ที่บรรทัด {data_line} "
        "จึงถูกอ่านเป็นข้อความของหน้า ไม่ใช่ข้อมูล",
        "ลบบรรทัด `---` นี้ (ส่วนข้อมูลมีบรรทัด `---` เพียงสองบรรทัด: บรรทัดแรกของไฟล์ "
        "และบรรทัดปิดต่อจากข้อมูลบรรทัดสุดท้าย)",
    ),
    en=(
        "Extra `---` line",
        "this `---` line closes the front matter early, so `{value}` on line {data_line} was "
        "read as the page's text, not as data",
        "delete this `---` line (the front matter has exactly two: the file's first line and "
        "one after the last data line)",
    ),
)
declare("encoding-damaged", ERROR, "input", blocks=MARK,
    th=(
        "ไฟล์มีอักขระเสียหาย",
        "ไฟล์บันทึกเป็น UTF-8 ถูกต้อง แต่มีอักขระเสียหาย {count} ตำแหน่ง (ไบต์ของอักขระขาดหายไป "
        "มักเกิดจากการตัดข้อความหรือคัดลอกมาไม่ครบ) ตำแหน่งแรกแสดงเป็น �",
        "พิมพ์ตัวอักษรตรงตำแหน่งนั้นใหม่ แล้วบันทึกเป็น UTF-8 ตามเดิม (อย่าเปลี่ยนการเข้ารหัสของไฟล์)",
    ),
    en=(
        "Damaged character",
        "the file is UTF-8 but {count} character(s) are damaged (bytes missing, usually from "
        "cut or truncated text); the first is shown as �",
        "retype the text at that position and keep saving as UTF-8 (do not change the "
        "file's encoding)",
    ),
)
declare("file-outside-project", ERROR, "input", blocks=REFUSE,
    th=(
        "ไฟล์อยู่นอกโฟลเดอร์โครงการ",
        "`{value}` เป็นลิงก์ไปยังไฟล์นอกโฟลเดอร์โครงการ จึงไม่อ่านและไม่แสดงเนื้อหาของไฟล์นั้น",
        "คัดลอกไฟล์จริงมาไว้ในโฟลเดอร์โครงการแทนลิงก์หรือทางลัด",
    ),
    en=(
        "File outside the project",
        "`{value}` is a link to a file outside the project folder; it is neither read nor shown",
        "copy the real file into the project folder instead of linking it",
    ),
)
declare("file-not-regular", ERROR, "content", blocks=NONE,
    th=(
        "ไม่ใช่ไฟล์เอกสาร",
        "`{value}` เป็น{what} ไม่ใช่ไฟล์เอกสาร",
        "แทนที่ด้วยไฟล์เอกสารจริง",
    ),
    en=(
        "Not a regular file",
        "`{value}` is {what}, not a regular file",
        "replace it with the real document",
    ),
)
declare("text-invisible", ERROR, "input", blocks=MARK,
    th=(
        "ข้อความมองไม่เห็น",
        "{field} มีแต่อักขระที่มองไม่เห็น `{value}` จึงแสดงเป็นข้อความว่าง",
        "พิมพ์ข้อความที่ต้องการให้แสดง",
    ),
    en=(
        "Text that shows nothing",
        "{field} holds only invisible characters `{value}`, so it shows as empty text",
        "type the text to show",
    ),
)
declare("curly-quotes", WARNING, "content", blocks=NONE,
    th=(
        "เครื่องหมายคำพูดแบบโค้ง",
        "{field} ครอบค่าด้วยเครื่องหมายคำพูดแบบโค้ง `{value}` ซึ่ง YAML ไม่นับเป็นเครื่องหมาย"
        "คำพูด จึงอ่านค่าโดยตัดเครื่องหมายนั้นออก: `{read}`",
        "ลบเครื่องหมายคำพูดแบบโค้งออก (ค่านี้ไม่ต้องมีเครื่องหมายคำพูด) หรือใช้เครื่องหมายคำพูดตรง "
        "\" \"",
    ),
    en=(
        "Curly quotes",
        "{field} is wrapped in curly quotes `{value}`, which YAML does not treat as quotes; "
        "it was read without them: `{read}`",
        "remove the curly quotes (the value needs none) or use straight quotes \" \"",
    ),
)
declare("report-before-period-end", WARNING, "content", blocks=NONE,
    th=(
        "รายงานลงวันที่ก่อนสิ้นสุดช่วงที่รายงาน",
        "ข้อ {item} “{title}” ลงวันที่ {date} แต่ระบุว่ารายงานช่วง {period} ซึ่งสิ้นสุด {end} "
        "รายงานผลจัดทำได้หลังช่วงที่รายงานสิ้นสุดแล้วเท่านั้น",
        "ตรวจ `date:` (วันที่ในรายงาน) และ `period:` (ช่วงที่รายงานครอบคลุม) ให้ตรงกับเอกสาร",
    ),
    en=(
        "Report dated before its period ends",
        "{item} “{title}” is dated {date} but says it reports on {period}, which ends {end}; "
        "a report can only be written after the period it covers",
        "check `date:` (the report's date) and `period:` (what it covers) against the "
        "document",
    ),
)

# --- content as councils publish it (issue 20) --------------------------------------------
declare("date-weekday", WARNING, "content", blocks=NONE,
    th=(
        "ชื่อวันไม่ตรงกับวันที่",
        "วันที่ `{value}` พิมพ์ว่าเป็นวัน{printed_th} แต่ {shown_th} ตรงกับวัน{actual_th}",
        "ตรวจกับเอกสารต้นฉบับ: ถ้าวันที่ถูกต้อง ให้แก้เป็นวัน{actual_th} (หรือลบชื่อวันออก) "
        "ถ้าชื่อวันถูกต้อง ให้แก้วันที่",
    ),
    en=(
        "Weekday contradicts the date",
        "the date `{value}` is printed as a {printed}, but {shown} was a {actual}",
        "check the document: if the date is right, write {actual} (or drop the weekday); if "
        "the weekday is right, correct the date",
    ),
)
declare("year-archive", WARNING, "content", blocks=NONE,
    th=(
        "ปีที่ไม่มีเกณฑ์: เผยแพร่เป็นคลังเอกสาร",
        "โปรแกรมไม่มีเกณฑ์ OIT ของปีงบประมาณ {year} (มีเฉพาะ: {available}) จึงเผยแพร่ "
        "content/{year}/ เป็นคลังเอกสาร: ทุกข้อตามชื่อและลิงก์ที่หน่วยงานระบุ "
        "โดยไม่ตรวจความครบถ้วน",
        "ถ้าต้องการตรวจปีนี้ ให้เพิ่มไฟล์เกณฑ์ของปีนั้นแล้วระบุใน site_config.yml: "
        "`years: {{{year}: {{catalogue: catalogues/{year}.yml}}}}` "
        "(รูปแบบ: docs/catalogue-format.md)",
    ),
    en=(
        "Year without a catalogue: published as an archive",
        "Prongsai has no OIT catalogue for fiscal year {year} (available: {available}), so "
        "content/{year}/ is published as an archive: every item by the council's titles and "
        "links, without a completeness check",
        "to check the year, add its catalogue file and name it in site_config.yml: "
        "`years: {{{year}: {{catalogue: catalogues/{year}.yml}}}}` (format: "
        "docs/catalogue-format.md)",
    ),
)
declare("url-relative", WARNING, "content", blocks=NONE,
    th=(
        "ลิงก์ไม่มีชื่อเว็บไซต์",
        "ข้อ {item} ลิงก์ `{value}` ไม่มีชื่อเว็บไซต์ จึงอ่านเป็น {resolved} "
        "(ต่อจาก `council.website` ใน site_config.yml)",
        "ตรวจว่าเปิดได้ และเขียนที่อยู่เต็ม (คัดลอกจากช่องที่อยู่ของเบราว์เซอร์ ขึ้นต้นด้วย "
        "https://) ถ้าเอกสารอยู่ที่เว็บไซต์อื่น",
    ),
    en=(
        "Link without a web site",
        "{item} link `{value}` has no web site in it, so it is read as {resolved} (after "
        "council.website in site_config.yml)",
        "check that it opens, and write the full address (copied from the browser, starting "
        "with https://) if the document is on another web site",
    ),
)
declare("site-url-missing", WARNING, "content", blocks=NONE,
    th=(
        "ไม่ได้ระบุที่อยู่เว็บไซต์ (`site.url`)",
        "site_config.yml ไม่มี `site.url` ไฟล์ itas-urls.csv จึงมีเพียงที่อยู่แบบย่อ (เช่น "
        "`{example}`) ซึ่งกรอกในระบบ `ITAS` ไม่ได้ และไม่มีไฟล์ `sitemap.xml`",
        "เพิ่ม `site:` → `url: <ที่อยู่ที่เผยแพร่เว็บไซต์นี้ ขึ้นต้นด้วย https://>` ใน "
        "`site_config.yml`{hint_th}",
    ),
    en=(
        "Public address (site.url) not set",
        "site_config.yml has no `site.url`, so itas-urls.csv holds only paths (e.g. "
        "`{example}`) that cannot be entered in ITAS, and there is no sitemap.xml",
        "add `url: <the address this site is published at, starting with https://>` under "
        "`site:` in site_config.yml{hint}",
    ),
)
