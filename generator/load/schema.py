"""Every input format, declared once: for each key its type, whether it is required, its
default, its allowed values, and its Thai label and help (with English help for developers).

The loaders read keys through these declarations (`Reader.known_keys` reports keys a format
does not have; `Reader.field` reads a value by its declared type), the reference tables in
docs/ are generated from them (`python -m generator.commands.readme`), and the officer
editor builds its forms from them. A key is added to a format here, and only here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

# The value types a key can have; the loader reads each with the matching Reader method.
TYPES = {
    "text": "ข้อความบรรทัดเดียว / one line of text",
    "texts": "รายการข้อความ / a list of texts (or one text)",
    "flag": "true หรือ false",
    "choice": "ค่าใดค่าหนึ่งที่กำหนด / one of the allowed values",
    "date": "วันที่ (พ.ศ.) / a Buddhist-era date: 2568-10-21, 21/10/2568, 21 ตุลาคม 2568",
    "period": "ช่วงเวลา / a period: 2568, 2566-2570, 2567-10, ต.ค. 2567 - มี.ค. 2568",
    "year": "ปีงบประมาณ พ.ศ. / a Buddhist-era fiscal year such as 2568",
    "number": "ตัวเลข / a number (Thai digits are fine)",
    "link": "ที่อยู่เว็บ https:// / a public web address",
    "path": "ไฟล์ใต้ content/ / a path relative to content/",
    "email": "อีเมล / one e-mail address",
    "components": "รหัสองค์ประกอบของข้อ / component ids of the item (a list), or `all`",
    "mapping": "กลุ่มข้อมูล `ชื่อ: ค่า` / a mapping of `key: value` lines",
    "list": "รายการ (บรรทัดขึ้นต้นด้วย `- `) / a list (lines starting with `- `)",
    "markdown": "ข้อความ Markdown / Markdown text",
}


@dataclass(frozen=True)
class Field:
    """One key of an input format."""

    key: str
    type: str
    label_th: str
    help_th: str
    help_en: str
    required: bool = False
    default: Any = None
    allowed: tuple[str, ...] = ()
    example: str = ""  # shown in "is missing; expected …" messages
    schema: Schema | None = None  # for a mapping, or a list of mappings: its own keys
    long: bool = False  # a paragraph rather than a line (forms give it a text box)
    allowed_th: tuple[str, ...] = ()  # the Thai name of each allowed value, for forms
    limit: int | None = None  # a text's most characters (longer: text-too-long, cut there)

    def __post_init__(self) -> None:
        if self.type not in TYPES:
            raise ValueError(f"field {self.key!r}: unknown type {self.type!r}")
        if self.type == "choice" and not self.allowed:
            raise ValueError(f"field {self.key!r}: a choice needs its allowed values")


@dataclass(frozen=True)
class Schema:
    """One input format (a file, or a mapping inside one)."""

    name: str
    where: str  # where officers write it
    title_th: str
    fields: tuple[Field, ...]
    open_keys: bool = False  # keys are data (e.g. fiscal years): not checked

    def __iter__(self) -> Iterator[Field]:
        return iter(self.fields)

    def __getitem__(self, key: str) -> Field:
        for f in self.fields:
            if f.key == key:
                return f
        raise KeyError(key)

    def keys(self) -> list[str]:
        return [f.key for f in self.fields]


# characters in a name shown on every page (the council's, a page title): a text pasted
# there by mistake would make every page that much bigger (other text appears once or
# twice; the YAML around it is limited, see yamlio.MAX_YAML_CHARS)
MAX_NAME = 200


def _f(key: str, type_: str, label_th: str, help_th: str, help_en: str, **kw: Any) -> Field:
    return Field(key, type_, label_th, help_th, help_en, **kw)


# --- content/<fy>/oit/<item>.md ----------------------------------------------------------

EVIDENCE = Schema("evidence", "content/<fy>/oit/<item>.md → evidence:", "หลักฐานแต่ละรายการ", (
    _f("title", "text", "ชื่อเอกสาร (ตามที่เผยแพร่)",
       "ชื่อภาษาไทยของเอกสาร เช่น สถิติเรื่องร้องเรียน รอบ 6 เดือนหลัง",
       "the document's title as published", required=True, example="the document's title"),
    _f("date", "date", "วันที่ในเอกสาร",
       "วันที่ลงในเอกสาร เช่น 21 ตุลาคม 2568 หรือ 2568-10-21 หรือตามที่พิมพ์ในเอกสาร เช่น "
       "วันพฤหัสบดีที่ 12 ธันวาคม 2567, ณ วันที่ 1 ตุลาคม พ.ศ. 2567",
       "date on the document: `2568-10-21`, `21/10/2568`, `21 ตุลาคม 2568`, `๒๑ ต.ค. ๒๕๖๘`; "
       "as documents print it: `วันพฤหัสบดีที่ 12 ธันวาคม 2567`, `วันที่ 7 สิงหาคม 2566`, "
       "`ณ วันที่ 1 ตุลาคม พ.ศ. 2567`, `9 ธ.ค. พ.ศ..2567`; as web systems export it: "
       "`2023-12-19T09:53:48`"),
    _f("period", "period", "ช่วงเวลาที่เอกสารครอบคลุม",
       "ช่วงเวลาที่เอกสารครอบคลุม เช่น 2566-2570 (แผนหลายปี) 2568 (ปีงบประมาณ) 2567-10 (เดือน)",
       "what it covers: `2566-2570` (fiscal years), `2568`, `2567-10` (a month), "
       "`ต.ค. 2567 - มี.ค. 2568`, `2567-10 ถึง 2568-03`; as printed: `ประจำปีงบประมาณ พ.ศ. "
       "2568`, `ประจำปี พ.ศ..2567`, `(พ.ศ. 2566 - 2570)`, `ประจำเดือนตุลาคม 2567`, "
       "`ตั้งแต่เดือนตุลาคม 2567 ถึงเดือนมีนาคม 2568`"),
    _f("url", "link", "หรือ ลิงก์ไปยังหน้าเว็บ (https://…)",
       "ที่อยู่เว็บที่ประชาชนเปิดได้ (https://) ไม่ใช่ไดรฟ์ส่วนตัวหรือหน้าที่ต้องล็อกอิน",
       "https/http address of a public page (no file://, no intranet, no login); a path on "
       "the council's website (`/wp-content/uploads/…`, `index.php?…`) is read on "
       "`council.website` with the warning `url-relative` (without it: `url-malformed`)"),
    _f("file", "path", "ไฟล์เอกสาร (PDF, Word, Excel หรือรูปภาพ)",
       "ไฟล์ที่เผยแพร่พร้อมเว็บไซต์ เขียนตำแหน่งนับจากโฟลเดอร์ content/ เช่น files/2568/o1.pdf",
       "path relative to `content/` of a file shipped with the site"),
    _f("components", "components", "องค์ประกอบที่เอกสารนี้ตอบ",
       "รหัสองค์ประกอบของข้อที่เอกสารนี้ตอบ (ดูด้วย `prongsai check --item` หรือหน้ารายการตรวจ) หรือ all",
       "component ids of the item that this evidence meets (list), or `all` (every component "
       "it can meet); `components: []` names none and is reported like a missing key "
       "(`evidence-no-components`); in an archive year (no catalogue) optional, shown as "
       "typed"),
    _f("note", "text", "หมายเหตุ", "หมายเหตุสั้น ๆ ที่แสดงคู่กับหลักฐาน",
       "a short remark shown with the evidence"),
))

ITEM = Schema("item", "content/<fy>/oit/<item>.md (ส่วนหัว / front matter)", "ไฟล์ของแต่ละข้อ", (
    _f("title", "text", "ชื่อข้อที่หน่วยงานใช้",
       "ชื่อข้อตามที่หน่วยงานเผยแพร่ ถ้าต่างจากชื่อในเกณฑ์ (แสดงคู่กัน) ในปีที่เป็นคลังเอกสารใช้เป็นชื่อข้อ",
       "the council's own title of the item, when it differs from the catalogue's (shown "
       "beside it; in an archive year, the item's title)"),
    _f("unit", "text", "หน่วยงานที่รับผิดชอบ", "สำนัก/กองที่รับผิดชอบข้อนี้ (ไม่ใส่: ใช้ตามเกณฑ์)",
       "responsible unit(s), free text"),
    _f("updated", "date", "ทบทวนหน้านี้ล่าสุดเมื่อ", "วันที่ตรวจทานหน้านี้ล่าสุด (ไม่ใส่: ใช้วันที่ของหลักฐานล่าสุด)",
       "date this page was last reviewed (optional; default: newest evidence date)"),
    _f("evidence", "list", "หลักฐาน",
       "รายการเอกสารหรือหน้าเว็บ แต่ละรายการมี title, components และ url หรือ file",
       "list of documents; each needs `title`, `components`, and `url` or `file`",
       schema=EVIDENCE),
    _f("not_applicable", "text", "ข้อนี้ไม่เกี่ยวข้องกับหน่วยงาน: เหตุผล",
       "ใช้แทนหลักฐาน: เหตุผลที่ข้อนี้ไม่เกี่ยวข้องกับหน่วยงาน (เขียนเหตุผล ไม่ใช่ ใช่/yes)",
       "instead of evidence: the reason the item does not apply to this council", long=True),
    _f("note", "text", "หมายเหตุใต้ชื่อข้อ", "หมายเหตุสั้น ๆ ใต้ชื่อข้อ",
       "a short note shown under the item title"),
))

PAGE = Schema("page", "content/pages/<name>.md (ส่วนหัว / front matter)", "หน้าอื่น ๆ", (
    _f("title", "text", "ชื่อหน้า", "ชื่อหน้าในเมนู (ไม่ใส่: ใช้หัวข้อแรกของหน้า)",
       "the page's title in the navigation (default: its first heading)"),
    _f("order", "number", "ลำดับ", "ลำดับในเมนู (น้อยอยู่ก่อน)",
       "position in the navigation (lower first)"),
))

# --- site_config.yml ----------------------------------------------------------------------

COUNCIL_TYPES = ("อบต.", "เทศบาลตำบล", "เทศบาลเมือง", "เทศบาลนคร", "อบจ.", "เมืองพัทยา",
                 "กรุงเทพมหานคร")

MAP = Schema("map", "site_config.yml → council.map", "แผนที่ที่ตั้งสำนักงาน", (
    _f("lat", "number", "ละติจูด", "ละติจูดของสำนักงาน เช่น 17.9125", "latitude, e.g. 17.9125",
       required=True, example="a latitude such as 17.9125"),
    _f("lon", "number", "ลองจิจูด", "ลองจิจูดของสำนักงาน เช่น 99.8433", "longitude, e.g. 99.8433",
       required=True, example="a longitude such as 99.8433"),
    _f("url", "link", "หรือ ลิงก์แผนที่ของบริการอื่น", "ลิงก์แผนที่ออนไลน์ (ไม่ใส่: สร้างจากพิกัด)",
       "a link to an online map (default: made from the coordinates)"),
))

COUNCIL = Schema("council", "site_config.yml → council", "ข้อมูลหน่วยงาน", (
    _f("name_th", "text", "ชื่อหน่วยงาน (ภาษาไทย)", "ชื่อเต็มภาษาไทย", "the council's Thai name",
       required=True, example="the council's Thai name", limit=MAX_NAME),
    _f("name_en", "text", "ชื่อหน่วยงาน (ภาษาอังกฤษ)", "ชื่อภาษาอังกฤษ (ถ้ามี)", "English name (optional)",
       limit=MAX_NAME),
    _f("short_th", "text", "ชื่อย่อ", "ชื่อย่อที่แสดงบนหัวเว็บ เช่น อบต.หนองใส (ไม่ใส่: ใช้ชื่อเต็ม)",
       "short name shown in the header (default: the Thai name)", limit=MAX_NAME),
    _f("type", "choice", "ประเภทหน่วยงาน", "ประเภทขององค์กรปกครองส่วนท้องถิ่น", "the kind of council",
       allowed=COUNCIL_TYPES, default="อบต."),
    _f("subdistrict", "text", "ตำบล", "ตำบลที่ตั้ง", "subdistrict"),
    _f("district", "text", "อำเภอ", "อำเภอที่ตั้ง", "district"),
    _f("province", "text", "จังหวัด", "จังหวัดที่ตั้ง", "province"),
    _f("address", "text", "ที่อยู่หน่วยงาน (o3)", "ที่อยู่สำนักงาน (ข้อ o3)", "office address (o3)",
       long=True),
    _f("phones", "texts", "หมายเลขโทรศัพท์ (o3)", "หมายเลขโทรศัพท์ (ข้อ o3) ใส่ได้หลายหมายเลข",
       "telephone numbers (o3)"),
    _f("fax", "text", "หมายเลขโทรสาร (o3)", "หมายเลขโทรสาร (ข้อ o3)", "fax number (o3)"),
    _f("email", "email", "ไปรษณีย์อิเล็กทรอนิกส์ (o3)",
       "อีเมลของหน่วยงาน เช่น saraban@example.go.th", "the council's e-mail (o3)"),
    _f("map", "mapping", "แผนที่ตั้งหน่วยงาน (o3)",
       "ละติจูดและลองจิจูดจากแผนที่ เช่น 15.12 และ 101.25", "office location (o3)", schema=MAP),
    _f("website", "link", "เว็บไซต์หลักของหน่วยงาน", "เว็บไซต์หลักของหน่วยงาน",
       "the council's main website"),
    _f("logo", "path", "ตราสัญลักษณ์", "ไฟล์ตราสัญลักษณ์ใต้ content/ เช่น files/logo.png",
       "logo file under content/"),
))

EXECUTIVE = Schema("executive", "site_config.yml → executives", "ผู้บริหารแต่ละคน (ข้อ o2)", (
    _f("name", "text", "ชื่อ-นามสกุล", "ชื่อ-นามสกุลของผู้บริหาร", "full name"),
    _f("position", "text", "ตำแหน่ง", "ตำแหน่ง เช่น นายกองค์การบริหารส่วนตำบล…", "position"),
    _f("photo", "path", "รูปถ่าย", "ไฟล์รูปถ่าย (PNG หรือ JPEG) ใต้ content/ เช่น files/executives/a.jpg",
       "photo file (PNG or JPEG) under content/"),
    _f("phone", "text", "โทรศัพท์", "หมายเลขติดต่อ", "telephone"),
    _f("email", "email", "อีเมล", "อีเมลติดต่อ", "e-mail"),
    _f("contact", "text", "ช่องทางติดต่ออื่น", "ช่องทางติดต่ออื่น เช่น LINE", "another contact channel"),
))

YEAR_OPTIONS = Schema("year", "site_config.yml → years → <fy>", "ค่าเฉพาะของแต่ละปีงบประมาณ", (
    _f("eit_survey_url", "link", "ลิงก์แบบสำรวจ EIT", "ลิงก์แบบสำรวจ EIT ของปีนั้น (ข้อ o28)",
       "that year's EIT survey link (o28)"),
    _f("catalogue", "path", "ไฟล์เกณฑ์", "ไฟล์เกณฑ์ OIT ของหน่วยงานเอง (สำหรับผู้ดูแลระบบ)",
       "a council's own OIT catalogue file (for web admins)"),
), open_keys=False)

SITE = Schema("site", "site_config.yml → site", "การตั้งค่าเว็บไซต์", (
    _f("url", "link", "ที่อยู่เว็บไซต์", "ที่อยู่เต็มของเว็บไซต์นี้ เช่น https://www.example.go.th/ita/ "
       "(ใช้ทำรายการ URL สำหรับ ITAS)", "the full public address (for the ITAS URL list)"),
    _f("date_format", "choice", "รูปแบบวันที่", "long: 21 ตุลาคม 2568 · short: 21 ต.ค. 2568",
       "how dates are shown", allowed=("long", "short"), default="long"),
    _f("thai_digits", "flag", "เลขไทย", "แสดงตัวเลขเป็นเลขไทย", "show numbers in Thai digits",
       default=False),
    _f("checklist_public", "flag", "เผยแพร่รายการตรวจ", "แสดงหน้ารายการตรวจความครบถ้วนต่อสาธารณะ",
       "publish the completeness checklist", default=True),
    _f("as_of", "date", "ตรวจถึงวันที่", "วันที่ที่ใช้ตรวจ: สิ่งที่ยังไม่ถึงกำหนดในวันนั้นแสดงว่ายังไม่ถึงกำหนด "
       "(ไม่ใส่: วันนี้)", "the date checks count to: what is not due by then is shown as due "
       "(default: today)"),
    _f("search", "flag", "ค้นหา", "เปิดการค้นหาในเว็บไซต์", "site search", default=True),
    _f("headers", "flag", "ไฟล์ความปลอดภัยของเว็บ",
       "เขียนไฟล์ _headers และ .htaccess ที่สั่งให้เบราว์เซอร์ไม่เดาชนิดไฟล์ และเรียกใช้ได้เฉพาะ"
       "สคริปต์ของเว็บไซต์เอง (ปิดเฉพาะเมื่อเครื่องแม่ข่ายไม่ยอมรับไฟล์ .htaccess: "
       "docs/hosting.md)",
       "write _headers and .htaccess (nosniff, a Content-Security-Policy allowing only the "
       "site's own scripts); turn off only where the server refuses .htaccess "
       "(docs/hosting.md)", default=True),
))

YEARS = Schema("years", "site_config.yml → years", "ค่าแยกตามปีงบประมาณ", (), open_keys=True)

# --- the o27/o28 memos (บันทึกข้อความ): docs/documents.md ----------------------------------

APPROVAL_WORDING = "อนุมัติ / ให้ดำเนินการ"  # seed 002, the นายก's approval

ANALYSIS = Schema("analysis", "site_config.yml → analysis",
                  "เกณฑ์จัดกลุ่มคะแนนรายตัวชี้วัด (ข้อ o27)", (
    _f("urgent_below", "number", "ต่ำกว่านี้: ต้องแก้ไขโดยเร่งด่วน",
       "ตัวชี้วัดที่ได้คะแนนต่ำกว่านี้เป็นประเด็นที่ต้องแก้ไขโดยเร่งด่วน",
       "an indicator scoring below this is urgent (seed 004: 85.78 urgent)", default=90.0),
    _f("strength_from", "number", "ตั้งแต่นี้ขึ้นไป: จุดแข็ง",
       "ตัวชี้วัดที่ได้ตั้งแต่คะแนนนี้เป็นจุดแข็ง ระหว่างสองเกณฑ์เป็นประเด็นที่ต้องพัฒนา",
       "an indicator scoring this or more is a strength; between the two, to improve "
       "(seed 004: only 100 kept; seed 001: above 90)", default=100.0),
))

SIGNATURE = Schema("signature", "site_config.yml → documents → signatures "
                   "(measures.yml → documents → analysis | progress → signatures)",
                   "ผู้ลงนามแต่ละคน ตามลำดับ", (
    _f("name", "text", "ชื่อ-นามสกุล", "ชื่อผู้ลงนาม (ไม่ใส่: พิมพ์เส้นประให้เขียนด้วยลายมือ และแจ้งเตือน)",
       "the signer's name (missing: a dotted line, and a warning)"),
    _f("position", "text", "ตำแหน่ง", "ตำแหน่งใต้ชื่อ", "the position printed under the name"),
    _f("heading", "text", "หัวข้อความเห็น", "เช่น ความเห็นของปลัดองค์การบริหารส่วนตำบล… "
       "(ใส่หัวข้อหรือความเห็น: เป็นช่องความเห็น ไม่ใส่: ลงนามท้ายบันทึก)",
       "an opinion block's heading (with a heading or an opinion the block is an opinion; "
       "without, the signer signs under the memo)"),
    _f("opinion", "text", "ความเห็น", "ความเห็นที่พิมพ์ไว้ (ช่องความเห็นที่ไม่ใส่: เส้นประให้เขียน)",
       "the opinion as typed (an opinion block without one gets dotted lines)", long=True),
    _f("date", "date", "วันที่ลงนาม", "วันที่ลงนาม (ไม่ใส่: เว้นไว้ให้เขียน)",
       "date of the signature (default: left to write by hand)"),
))

APPROVAL = Schema("approval", "site_config.yml → documents → approval "
                  "(measures.yml → documents → analysis | progress → approval)",
                  "ผู้อนุมัติ (ช่องสุดท้าย)", (
    _f("name", "text", "ชื่อ-นามสกุล", "ชื่อผู้อนุมัติ เช่น นายก", "the approver's name"),
    _f("position", "text", "ตำแหน่ง", "ตำแหน่งผู้อนุมัติ", "the approver's position"),
    _f("heading", "text", "หัวข้อ", "ไม่ใส่: ความเห็นของ + ตำแหน่ง", "default: ความเห็นของ + position"),
    _f("wording", "text", "ข้อความอนุมัติ", "ข้อความในช่องอนุมัติ", "the approval wording",
       default=APPROVAL_WORDING),
    _f("date", "date", "วันที่อนุมัติ", "วันที่อนุมัติ (ไม่ใส่: เว้นไว้ให้เขียน)",
       "date of the approval (default: left to write by hand)"),
))

DOCUMENTS = Schema("documents", "site_config.yml → documents",
                   "บันทึกข้อความของข้อ o27 และ o28 (ใช้ทุกปี)", (
    _f("unit", "text", "ส่วนราชการ", "สำนัก/กองที่ออกบันทึกข้อความ (ไม่ใส่: ผู้รับผิดชอบข้อ o27/o28)",
       "the division that writes the memos (default: the item's unit)"),
    _f("ref", "text", "อักษรและเลขประจำหน่วยงาน", "ส่วนหน้าของเลขที่หนังสือ เช่น ชร 73501",
       "the book-number prefix, e.g. ชร 73501 (ที่ ชร 73501/…)"),
    _f("to", "text", "เรียน", "ผู้รับบันทึก (ไม่ใส่: ตำแหน่งผู้อนุมัติ)",
       "addressee (default: the approver's position)"),
    _f("signatures", "list", "ผู้ลงนาม", "ผู้ลงนามตามลำดับ (ไม่ใส่: ปลัดจาก executives)",
       "the signing chain, in order (default: the ปลัด of `executives`)", schema=SIGNATURE),
    _f("approval", "mapping", "ผู้อนุมัติ", "ช่องอนุมัติท้ายบันทึก (ไม่ใส่: นายกจาก executives)",
       "the approval block (default: the นายก of `executives`)", schema=APPROVAL),
    _f("acknowledgements", "texts", "ผู้รับทราบ", "ตำแหน่งที่ลงชื่อรับทราบ (seed 003)",
       "positions that sign as having read it (seed 003)"),
))

CONFIG = Schema("site_config", "site_config.yml", "การตั้งค่าหน่วยงานและเว็บไซต์", (
    _f("council", "mapping", "หน่วยงาน", "ชื่อ ที่อยู่ และช่องทางติดต่อของหน่วยงาน",
       "the council: names, address, contacts", required=True, schema=COUNCIL),
    _f("executives", "list", "ผู้บริหาร", "ผู้บริหารแต่ละคน (ข้อ o2)", "the executives (o2)",
       schema=EXECUTIVE),
    _f("current_year", "year", "ปีงบประมาณปัจจุบัน", "ปีงบประมาณที่หน้าแรกแสดง เช่น 2568",
       "the fiscal year the home page shows", required=True),
    _f("eit_survey_url", "link", "ลิงก์แบบสำรวจ EIT", "ลิงก์แบบสำรวจ EIT (ข้อ o28)",
       "the EIT survey link (o28)"),
    _f("years", "mapping", "ค่าแยกตามปี", "ค่าเฉพาะของแต่ละปีงบประมาณ", "per fiscal year options",
       schema=YEARS),
    _f("site", "mapping", "เว็บไซต์", "การตั้งค่าเว็บไซต์", "site options", schema=SITE),
    _f("analysis", "mapping", "เกณฑ์การวิเคราะห์", "เกณฑ์จัดกลุ่มคะแนนรายตัวชี้วัดในข้อ o27",
       "the thresholds that group indicators in o27", schema=ANALYSIS),
    _f("documents", "mapping", "บันทึกข้อความ", "ส่วนราชการ เลขที่หนังสือ ผู้ลงนาม และผู้อนุมัติ "
       "ของบันทึกข้อความข้อ o27 และ o28", "the o27/o28 memos' division, book number, signers "
       "and approval", schema=DOCUMENTS),
    _f("mkdocs", "mapping", "MkDocs", "การตั้งค่าเพิ่มเติมของ MkDocs (สำหรับผู้ดูแลระบบ)",
       "extra MkDocs settings (for web admins; see README)"),
))

# --- content/<fy>/measures.yml (o27, o28) -------------------------------------------------

MEASURE_STATUSES = ("not_started", "in_progress", "done")

LINK = Schema("link", "measures.yml → measures → progress → <round> → evidence",
              "หลักฐานความก้าวหน้า", (
    _f("title", "text", "ชื่อเอกสาร", "ชื่อเอกสาร", "title", required=True),
    _f("url", "text", "ลิงก์", "ลิงก์", "link"),
    _f("file", "text", "ไฟล์", "ไฟล์ใต้ content/", "file under content/"),
))

PROGRESS = Schema("progress", "measures.yml → measures → progress → 6m | 12m",
                  "ผลการดำเนินงานแต่ละรอบ (ข้อ o28)", (
    _f("status", "choice", "สถานะ", "not_started ยังไม่ได้ดำเนินการ · in_progress อยู่ระหว่างดำเนินการ · "
       "done ดำเนินการแล้ว", "status", allowed=MEASURE_STATUSES, required=True,
       allowed_th=("ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว")),
    _f("date", "date", "วันที่รายงาน", "วันที่รายงานผลรอบนี้", "date of the report"),
    _f("output", "text", "ผลผลิต", "สิ่งที่ดำเนินการแล้ว", "what was done", long=True),
    _f("outcome", "text", "ผลลัพธ์", "ผลที่เกิดขึ้น", "the outcome", long=True),
    _f("evidence", "list", "หลักฐาน", "เอกสารหรือลิงก์ประกอบ", "documents or links", schema=LINK),
))

ROUNDS_SCHEMA = Schema("rounds", "measures.yml → measures → progress", "รอบการรายงาน", (
    _f("6m", "mapping", "รอบ 6 เดือน", "ผลรอบ 6 เดือน (ต.ค.–มี.ค.)", "6-month round", schema=PROGRESS),
    _f("12m", "mapping", "รอบ 12 เดือน", "ผลรอบ 12 เดือน (ทั้งปี)", "12-month round", schema=PROGRESS),
))

FINDING = Schema("finding", "measures.yml → weaknesses | improvements", "ประเด็นจากผลการประเมิน", (
    _f("text", "text", "ประเด็น", "ข้อความของประเด็น", "the finding", required=True, long=True),
    _f("refs", "texts", "อ้างอิง", "ตัวชี้วัด/ข้อคำถาม/ข้อ เช่น 4, 9.4, i3, e5, o14",
       "indicators, questions or items: 4, 9.4, i3, e5, o14"),
))

MEASURE = Schema("measure", "measures.yml → measures", "มาตรการแต่ละมาตรการ (ข้อ o27)", (
    _f("id", "text", "รหัส", "รหัสมาตรการ (ไม่ใส่: m1, m2, …)", "measure id (default m1, m2, …)"),
    _f("title", "text", "มาตรการ/โครงการ/กิจกรรม", "ชื่อมาตรการ", "the measure's name", required=True,
       example="the measure's name"),
    _f("analysis", "text", "ผลการวิเคราะห์", "ประเด็นจากผลการประเมินที่มาตรการนี้แก้",
       "what it answers", long=True),
    _f("refs", "texts", "ตัวชี้วัดที่เกี่ยวข้อง", "ตัวชี้วัด/ข้อคำถาม/ข้อ", "linked indicators or items"),
    _f("steps", "texts", "ขั้นตอน/วิธีการปฏิบัติ", "ขั้นตอนการดำเนินการ", "the steps", required=True),
    _f("period", "text", "ระยะเวลา", "ระยะเวลาดำเนินการ เช่น ต.ค. 2567 - ก.ย. 2568", "the period",
       required=True),
    _f("units", "texts", "ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "responsible units", required=True),
    _f("follow_up", "text", "การติดตามผล", "วิธีติดตามผล", "how it is followed up"),
    _f("limits", "text", "ข้อจำกัดของหน่วยงาน", "ข้อจำกัดในการดำเนินมาตรการ (seed 001)",
       "the council's limits in carrying it out (seed 001)", long=True),
    _f("progress", "mapping", "ผลการดำเนินงาน", "รอบ 6m และ 12m (ข้อ o28)",
       "progress per round (o28)", schema=ROUNDS_SCHEMA),
))

MEMO_FIELDS = (
    _f("number", "text", "ที่ (เลขที่หนังสือ)", "เลขที่ เช่น 1732 (ต่อท้ายอักษรและเลขประจำหน่วยงาน) "
       "หรือเต็ม ชร 73501/1732 (ไม่ใส่: เส้นประ)", "the book number, e.g. 1732 (after "
       "`documents.ref`) or whole (default: a dotted line)"),
    _f("date", "date", "วันที่", "วันที่ของบันทึกข้อความ", "the memo's date"),
    _f("subject", "text", "เรื่อง", "ไม่ใส่: ชื่อเรื่องตามแบบของเอกสาร", "default: the usual subject"),
    _f("to", "text", "เรียน", "ไม่ใส่: ตาม site_config.yml", "default: site_config.yml's"),
    _f("unit", "text", "ส่วนราชการ", "ไม่ใส่: ตาม site_config.yml", "default: site_config.yml's"),
    _f("background", "texts", "๑. เรื่องเดิม", "ย่อหน้าที่ใช้แทนข้อความที่สร้างให้",
       "paragraphs replacing the generated ones", long=True),
    _f("facts", "texts", "๒. ข้อเท็จจริง", "ย่อหน้าที่ใช้แทนข้อความที่สร้างให้",
       "paragraphs replacing the generated ones", long=True),
    _f("laws", "texts", "๓. ระเบียบ กฎหมายที่เกี่ยวข้อง", "รายการที่ใช้แทนรายการที่สร้างให้",
       "items replacing the generated ones", long=True),
    _f("proposal", "texts", "๔. ข้อเสนอเพื่อพิจารณา", "ข้อเสนอย่อยที่ใช้แทนรายการที่สร้างให้",
       "sub-items replacing the generated ones", long=True),
    _f("signatures", "list", "ผู้ลงนาม", "ใช้แทนผู้ลงนามใน site_config.yml สำหรับบันทึกนี้",
       "replaces site_config.yml's signing chain for this memo", schema=SIGNATURE),
    _f("approval", "mapping", "ผู้อนุมัติ", "ใช้แทนผู้อนุมัติใน site_config.yml สำหรับบันทึกนี้",
       "replaces site_config.yml's approval for this memo", schema=APPROVAL),
    _f("acknowledgements", "texts", "ผู้รับทราบ", "ตำแหน่งที่ลงชื่อรับทราบ",
       "positions that sign as having read it"),
)

MEMO = Schema("memo", "measures.yml → documents → analysis", "บันทึกข้อความข้อ o27 ของปีนี้",
              MEMO_FIELDS)

PROGRESS_MEMO = Schema("progress_memo", "measures.yml → documents → progress",
                       "บันทึกข้อความข้อ o28 ของปีนี้", MEMO_FIELDS[:2] + (
    _f("round", "choice", "รอบรายงาน", "6m รอบ 6 เดือน · 12m รอบ 12 เดือน (ไม่ใส่: รอบล่าสุดที่ครบกำหนด)",
       "the round reported (default: the latest that has ended)", allowed=("6m", "12m"),
       allowed_th=("รอบ 6 เดือน", "รอบ 12 เดือน")),
) + MEMO_FIELDS[2:])

MEMOS = Schema("memos", "measures.yml → documents", "บันทึกข้อความของปีนี้", (
    _f("analysis", "mapping", "ข้อ o27", "บันทึกข้อความการวิเคราะห์และมาตรการ",
       "the analysis and measures memo (o27)", schema=MEMO),
    _f("progress", "mapping", "ข้อ o28", "บันทึกข้อความรายงานผลการดำเนินการ",
       "the progress report memo (o28)", schema=PROGRESS_MEMO),
))

MEETING = Schema("meeting", "measures.yml → meeting", "การประชุมที่กำหนดมาตรการ", (
    _f("title", "text", "การประชุม", "ชื่อการประชุม เช่น การประชุมผู้บริหารและพนักงาน ครั้งที่ 4/2567",
       "the meeting", required=True,
       example="the meeting, e.g. การประชุมผู้บริหารและพนักงาน ครั้งที่ 4/2567"),
    _f("date", "date", "วันที่ประชุม", "วันที่ประชุม", "the day of the meeting"),
    _f("place", "text", "สถานที่", "สถานที่ประชุม", "where"),
    _f("participants", "text", "ผู้เข้าประชุม", "เช่น ผู้บริหาร หัวหน้าส่วนราชการ และพนักงาน",
       "who took part"),
))

MEMBER = Schema("member", "measures.yml → working_group → members", "คณะทำงานแต่ละคน", (
    _f("name", "text", "ชื่อ-นามสกุล", "ชื่อ-นามสกุล", "name", required=True,
       example="the member's name"),
    _f("position", "text", "ตำแหน่ง", "ตำแหน่งในหน่วยงาน", "position in the council"),
    _f("role", "text", "หน้าที่ในคณะทำงาน", "เช่น ประธาน คณะทำงานและเลขานุการ", "role in the group"),
))

WORKING_GROUP = Schema("working_group", "measures.yml → working_group",
                       "คำสั่งแต่งตั้งคณะทำงาน ITA (seed 003)", (
    _f("order", "text", "คำสั่งที่", "เลขที่คำสั่ง เช่น 245/2567", "the order's number"),
    _f("date", "date", "สั่ง ณ วันที่", "วันที่ของคำสั่ง", "the order's date"),
    _f("title", "text", "เรื่อง", "ไม่ใส่: แต่งตั้งคณะทำงาน… ประจำปีงบประมาณ", "default: the usual title"),
    _f("members", "list", "คณะทำงาน", "รายชื่อคณะทำงาน", "the members", schema=MEMBER),
    _f("duties", "texts", "อำนาจและหน้าที่", "หน้าที่ของคณะทำงาน", "the group's duties", long=True),
))

INDICATOR_PLAN = Schema("indicator_plan", "measures.yml → indicators → <ตัวชี้วัด 1–8>",
                        "แนวทางและความก้าวหน้ารายตัวชี้วัด (ข้อ o28)", (
    _f("approach", "texts", "แนวทางในการยกระดับ", "แนวทางในการยกระดับการประเมินของตัวชี้วัดนี้",
       "how the council raises this indicator", long=True),
    _f("units", "texts", "ผู้รับผิดชอบ", "หน่วยงานที่รับผิดชอบ", "responsible units"),
    _f("period", "text", "ระยะเวลา", "เช่น ต.ค. 2567 - ก.ย. 2568", "the period"),
    _f("status", "choice", "สถานะ", "not_started · in_progress · done", "status",
       allowed=MEASURE_STATUSES,
       allowed_th=("ยังไม่ได้ดำเนินการ", "อยู่ระหว่างดำเนินการ", "ดำเนินการแล้ว")),
    _f("progress", "texts", "ความก้าวหน้า", "สิ่งที่ดำเนินการแล้ว", "what was done", long=True),
))

INDICATOR_PLANS = Schema("indicator_plans", "measures.yml → indicators",
                         "ตัวชี้วัด IIT/EIT ในรายงานข้อ o28 (ไม่ใส่: รวบรวมจากมาตรการที่อ้างถึง)", (),
                         open_keys=True)

MEASURES = Schema("measures", "content/<fy>/measures.yml", "มาตรการ (o27) และผลการดำเนินงาน (o28)", (
    _f("based_on", "year", "ผลการประเมินปี", "ปีของผลการประเมินที่วิเคราะห์ (ไม่ใส่: ปีก่อนหน้า)",
       "the assessment year analysed (default: the year before)"),
    _f("weaknesses", "list", "จุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน", "ประเด็นที่ต้องแก้ไขเร่งด่วน",
       "weaknesses to fix urgently", schema=FINDING),
    _f("improvements", "list", "ประเด็นที่ต้องพัฒนา", "ประเด็นที่ควรพัฒนาให้ดีขึ้น", "points to improve",
       schema=FINDING),
    _f("measures", "list", "มาตรการ", "มาตรการ/โครงการ/กิจกรรม", "the measures", schema=MEASURE),
    _f("meeting", "mapping", "การประชุมที่กำหนดมาตรการ", "การประชุมที่พิจารณากำหนดมาตรการ (seed 002)",
       "the meeting that adopted the measures (seed 002)", schema=MEETING),
    _f("working_group", "mapping", "คณะทำงาน ITA", "คำสั่งแต่งตั้งคณะทำงาน (seed 003)",
       "the ITA working group's order (seed 003)", schema=WORKING_GROUP),
    _f("indicators", "mapping", "ตัวชี้วัดที่ 1–8 (ข้อ o28)", "แนวทางและความก้าวหน้ารายตัวชี้วัด",
       "o28's rows for indicators 1–8", schema=INDICATOR_PLANS),
    _f("documents", "mapping", "บันทึกข้อความ", "เลขที่ วันที่ และข้อความของบันทึกข้อความปีนี้",
       "this year's memos: number, date, texts", schema=MEMOS),
))

# --- content/<fy>/assessment.yml ----------------------------------------------------------

QUESTION = Schema("question", "assessment.yml → questions", "ข้อคำถาม", (
    _f("id", "text", "รหัสข้อ", "เช่น i1, e5, o14", "question id: i1, e5, o14", required=True),
    _f("score", "number", "คะแนน", "คะแนน 0–100", "score 0–100"),
    _f("text", "text", "ข้อคำถาม", "ข้อความของข้อคำถาม", "the question", long=True),
    _f("recommendation", "text", "ข้อเสนอแนะ", "ข้อเสนอแนะ", "recommendation", long=True),
))

RESULTS = Schema("assessment", "content/<fy>/assessment.yml", "ผลการประเมิน ITA ที่ประกาศ", (
    _f("overall", "number", "คะแนนรวม", "คะแนนรวมตามที่ประกาศ เช่น 97.18", "the overall score"),
    _f("label", "text", "ระดับผล", "ระดับตามที่ประกาศ เช่น ผ่านดีเยี่ยม", "the published level"),
    _f("rank", "text", "ลำดับ", "ลำดับ (ถ้ามี)", "rank (optional)"),
    _f("tools", "mapping", "คะแนนรายเครื่องมือ", "เช่น IIT: 99.51", "scores per tool"),
    _f("indicators", "mapping", "คะแนนรายตัวชี้วัด", "เช่น \"1\": 99.51", "scores per indicator"),
    _f("questions", "list", "ข้อคำถาม", "คะแนนรายข้อคำถาม", "scores per question", schema=QUESTION),
    _f("note", "text", "หมายเหตุ", "หมายเหตุ", "note", long=True),
))

# --- shipped data (generator/catalogues/, generator/scoring/): for web admins ---------------

COMPONENT = Schema("component", "generator/catalogues/<fy>.yml → items → components",
                   "องค์ประกอบ", (
    _f("id", "text", "รหัส", "รหัสองค์ประกอบ (a-z 0-9 _)", "component id", required=True),
    _f("title", "text", "ข้อความ", "ข้อความองค์ประกอบตามเกณฑ์", "the component as printed",
       required=True),
    _f("label", "text", "ชื่อสั้น", "ชื่อสั้นภาษาไทยที่ผู้อ่านเห็นแทนรหัส ย่อจาก `title:` ขององค์ประกอบนั้น "
       "ไม่เกิน 40 ตัวอักษร ไม่ซ้ำกับองค์ประกอบอื่นของข้อเดียวกัน (ไม่ใส่: ย่อจาก `title:` ให้เอง)",
       "a short Thai name readers see instead of the id, shortened from the component's title; "
       "at most 40 characters, unique within the item (default: shortened from the title)"),
    _f("auto", "text", "ตรวจอัตโนมัติ", "ตรวจจากข้อมูลอื่นแทนหลักฐาน", "decided from other data"),
    _f("period", "text", "กฎช่วงเวลาเฉพาะ", "กฎช่วงเวลาขององค์ประกอบนี้ (ไม่ใส่: ตามข้อ) เช่น none "
       "สำหรับประมวลจริยธรรมใน o16", "this component's own period rule (default: the item's)"),
    _f("reads", "text", "ปีที่อ่านเฉพาะ", "assessed หรือ previous (ไม่ใส่: ตามข้อ)",
       "this component's own year read (default: the item's)"),
    _f("uncertain", "flag", "ยังไม่ยืนยัน", "องค์ประกอบที่อนุมานจากชื่อข้อ ยังไม่พบข้อความเกณฑ์",
       "inferred from the item's title; no source prints it", default=False),
))

CATALOGUE_ITEM = Schema("catalogue_item", "generator/catalogues/<fy>.yml → items", "ข้อ OIT", (
    _f("id", "text", "ข้อ", "เช่น o1", "item id", required=True),
    _f("sub_indicator", "text", "ตัวชี้วัดย่อย", "เช่น 9.1", "sub-indicator", required=True),
    _f("title", "text", "ชื่อข้อ", "ชื่อข้อตามเกณฑ์", "title as printed", required=True),
    _f("unit", "text", "ผู้รับผิดชอบ", "หน่วยงานที่มักรับผิดชอบ", "usual responsible unit"),
    _f("period", "text", "กฎช่วงเวลา", "กฎช่วงเวลา (docs/catalogue-format.md)", "period rule"),
    _f("reads", "choice", "ปีที่อ่าน", "assessed: ปีที่ประเมิน · previous: ปีที่สิ้นสุดแล้วก่อนปีที่ประเมิน "
       "(รายงานประจำปี)", "the fiscal year the period rule reads: the assessed or the last "
       "completed one", allowed=("assessed", "previous"), default="assessed"),
    _f("requirement", "text", "รายละเอียดข้อมูล", "ข้อความเกณฑ์", "the requirement as printed"),
    _f("components", "list", "องค์ประกอบ", "องค์ประกอบด้านข้อมูล", "the components",
       schema=COMPONENT),
    _f("document", "text", "เอกสารที่สร้าง", "analysis หรือ progress", "generated document"),
))

CATALOGUE = Schema("catalogue", "generator/catalogues/<fy>.yml", "เกณฑ์ OIT ของปีงบประมาณ", (
    _f("format", "number", "รุ่นรูปแบบ", "1", "format version", required=True),
    _f("fiscal_year", "year", "ปีงบประมาณ", "ปีงบประมาณ", "fiscal year", required=True),
    _f("status", "text", "สถานะ", "official หรือ provisional", "status"),
    _f("title", "text", "ชื่อเกณฑ์", "ชื่อเกณฑ์", "title"),
    _f("source", "text", "แหล่งที่มา", "แหล่งที่มาของข้อความ", "source of the text"),
    _f("note", "text", "หมายเหตุ", "หมายเหตุ", "note"),
    _f("scoring", "mapping", "วิธีคิดคะแนน", "วิธีคิดคะแนนโดยประมาณ", "estimate rules"),
    _f("previous", "mapping", "ข้อของปีก่อน", "ข้อเดิมของปีก่อน (สำหรับ new-year)",
       "last year's items (for new-year)"),
    _f("grace_days", "number", "ระยะผ่อนผันหลังสิ้นรอบ", "จำนวนวันหลังสิ้นปีหรือสิ้นรอบ 6 เดือนที่เอกสาร"
       "สรุปผลลงวันที่ได้ (ค่าเริ่มต้น 60)", "days after a year or half-year ends within which "
       "its year-end documents are dated", default=60),
    _f("indicators", "list", "ตัวชี้วัด", "ตัวชี้วัด", "indicators"),
    _f("sub_indicators", "list", "ตัวชี้วัดย่อย", "ตัวชี้วัดย่อย", "sub-indicators"),
    _f("items", "list", "ข้อ", "ข้อ OIT", "items", schema=CATALOGUE_ITEM),
))

# the formats officers write, in the order the docs present them
# --- content/<fy>/procurement/<month>.yml (o13's สขร.1 tables; docs/procurement.md) ----------

PROCUREMENT_ROW = Schema("procurement_row", "content/<fy>/procurement/<month>.yml → rows",
                         "รายการจัดซื้อจัดจ้าง (แบบ สขร.1)", (
    _f("number", "text", "ที่", "ลำดับที่ในแบบ สขร.1", "the entry's number"),
    _f("work", "text", "งานที่ซื้อหรือจ้าง", "งานที่ซื้อหรือจ้าง", "what was bought or hired"),
    _f("budget", "number", "วงเงินที่ซื้อหรือจ้าง (บาท)", "วงเงิน", "budget (baht)"),
    _f("reference_price", "number", "ราคากลาง (บาท)", "ราคากลาง", "reference price (baht)"),
    _f("method", "text", "วิธีซื้อหรือจ้าง", "วิธีซื้อหรือจ้าง", "procurement method"),
    _f("bidders", "texts", "รายชื่อผู้เสนอราคาและราคาที่เสนอ", "หนึ่งรายต่อบรรทัด",
       "bidders and their prices, one per line"),
    _f("winner", "text", "ผู้ได้รับการคัดเลือก", "ผู้ได้รับการคัดเลือก", "the chosen supplier"),
    _f("agreed_price", "number", "ราคาที่ตกลงซื้อหรือจ้าง (บาท)", "ราคาที่ตกลง",
       "agreed price (baht)"),
    _f("reason", "text", "เหตุผลที่คัดเลือกโดยสรุป", "เหตุผลโดยสรุป", "reason for the choice"),
    _f("contract", "text", "เลขที่ของสัญญาหรือข้อตกลง", "เลขที่สัญญา/ใบสั่ง",
       "contract or order number"),
    _f("contract_date", "date", "วันที่ของสัญญาหรือข้อตกลง", "วันที่ (พ.ศ.)", "contract date"),
    _f("egp", "text", "เลขที่โครงการ (e-GP)", "เลขที่โครงการในระบบ e-GP", "e-GP project number"),
    _f("note", "text", "หมายเหตุ", "หมายเหตุ เช่น เหตุที่ราคาสูงกว่าวงเงิน", "note"),
    _f("sheet", "text", "ชีต", "ชีตที่นำเข้า", "the workbook sheet it was imported from"),
    _f("row", "number", "แถว", "แถวที่นำเข้า", "the workbook row it was imported from"),
))
PROCUREMENT_MONTH = Schema("procurement_month", "content/<fy>/procurement/<month>.yml",
                           "สรุปผลการจัดซื้อจัดจ้างประจำเดือน (o13)", (
    _f("month", "text", "เดือน", "ปี พ.ศ.-เดือน เช่น 2568-08", "the month, e.g. 2568-08"),
    _f("no_procurement", "flag", "ไม่มีการจัดซื้อจัดจ้าง", "true เมื่อเดือนนั้นไม่มีการจัดซื้อจัดจ้าง",
       "true when nothing was bought or hired that month"),
    _f("source", "text", "ไฟล์ต้นฉบับ", "ไฟล์ที่นำเข้า", "the file it was imported from"),
    _f("note", "text", "หมายเหตุ", "หมายเหตุของเดือน", "a note on the month"),
    _f("rows", "list", "รายการ", "รายการจัดซื้อจัดจ้าง", "the entries", schema=PROCUREMENT_ROW),
))

OFFICER_SCHEMAS = (ITEM, EVIDENCE, PAGE, CONFIG, COUNCIL, MAP, EXECUTIVE, YEAR_OPTIONS, SITE,
                   RESULTS, QUESTION, MEASURES, FINDING, MEASURE, ROUNDS_SCHEMA, PROGRESS, LINK,
                   PROCUREMENT_MONTH, PROCUREMENT_ROW,
                   ANALYSIS, DOCUMENTS, SIGNATURE, APPROVAL, MEMOS, MEMO, PROGRESS_MEMO, MEETING,
                   WORKING_GROUP, MEMBER, INDICATOR_PLANS, INDICATOR_PLAN)

INDICATOR = Schema("indicator", "generator/catalogues/<fy>.yml → indicators", "ตัวชี้วัด", (
    _f("id", "text", "รหัส", "เช่น 9", "indicator id", required=True),
    _f("title", "text", "ชื่อ", "ชื่อตัวชี้วัด", "title", required=True),
))

SUB_INDICATOR = Schema("sub_indicator", "generator/catalogues/<fy>.yml → sub_indicators",
                       "ตัวชี้วัดย่อย", (
    _f("id", "text", "รหัส", "เช่น 9.1", "sub-indicator id", required=True),
    _f("indicator", "text", "ตัวชี้วัด", "รหัสตัวชี้วัด", "its indicator", required=True),
    _f("title", "text", "ชื่อ", "ชื่อตัวชี้วัดย่อย", "title", required=True),
))

TOOL = Schema("tool", "generator/scoring/<fy>.yml → tools", "เครื่องมือประเมิน", (
    _f("id", "text", "รหัส", "เช่น IIT, EIT1, OIT", "tool id", required=True),
    _f("title", "text", "ชื่อ", "ชื่อเครื่องมือ", "title"),
    _f("weight", "number", "น้ำหนัก", "น้ำหนักร้อยละ", "weight in per cent", required=True),
    _f("indicators", "texts", "ตัวชี้วัด", "ตัวชี้วัดของเครื่องมือ", "its indicators"),
    _f("group", "text", "กลุ่ม", "ส่วนของเครื่องมือเดียวกัน เช่น EIT1 และ EIT2 เป็นกลุ่ม EIT",
       "parts of one split tool sharing its indicators (EIT1, EIT2: EIT)"),
))

BAND = Schema("band", "generator/scoring/<fy>.yml → bands", "ระดับผลการประเมิน", (
    _f("label", "text", "ระดับ", "ชื่อระดับ เช่น ผ่านดีเยี่ยม", "the level's label", required=True),
    _f("min", "number", "คะแนนรวมขั้นต่ำ", "คะแนนรวมขั้นต่ำ", "minimum total", required=True),
    _f("every_tool_min", "number", "ทุกเครื่องมือไม่ต่ำกว่า", "คะแนนขั้นต่ำของทุกเครื่องมือ",
       "minimum of every tool"),
    _f("uncertain", "flag", "ยังไม่ยืนยัน", "ชื่อระดับที่ยังไม่พบแหล่งข้อมูลสาธารณะยืนยัน",
       "a label no public source confirms", default=False),
))

SCORING = Schema("scoring", "generator/scoring/<fy>.yml", "น้ำหนักและระดับผลของปี", (
    _f("format", "number", "รุ่นรูปแบบ", "1", "format version"),
    _f("fiscal_year", "year", "ปีงบประมาณ", "ปีงบประมาณ", "fiscal year"),
    _f("source", "text", "แหล่งที่มา", "แหล่งที่มา", "source"),
    _f("reproducible", "flag", "คำนวณซ้ำได้", "false: คะแนนรวมที่ประกาศคำนวณซ้ำจากตัวชี้วัดไม่ได้",
       "false: the published totals cannot be recomputed", default=True),
    _f("tools", "list", "เครื่องมือ", "เครื่องมือและน้ำหนัก", "tools and weights", schema=TOOL),
    _f("indicators", "mapping", "ตัวชี้วัด", "ชื่อตัวชี้วัด", "indicator titles"),
    _f("bands", "list", "ระดับผล", "ระดับผลการประเมิน", "levels", schema=BAND),
))

# how a catalogue estimates scores (docs/catalogue-format.md): one rule per level
ESTIMATE_RULES = {
    "item": ("component_share",),
    "sub_indicator": ("item_mean",),
    "indicator": ("item_mean", "sub_indicator_mean"),
    "tool": ("indicator_mean", "item_mean"),
}
ESTIMATE = Schema("estimate", "generator/catalogues/<fy>.yml → scoring", "วิธีคิดคะแนนโดยประมาณ",
                  tuple(_f(level, "choice", level, "วิธีคิดคะแนนระดับนี้", f"the {level} rule",
                           allowed=rules, default=rules[0])
                        for level, rules in ESTIMATE_RULES.items()))

# the formats of the data Prongsai ships (for web admins who add a catalogue or a year's rules)
SHIPPED_SCHEMAS = (CATALOGUE, INDICATOR, SUB_INDICATOR, CATALOGUE_ITEM, COMPONENT, ESTIMATE,
                   SCORING, TOOL, BAND)
