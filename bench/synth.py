"""Synthetic councils for the benchmark, generated reproducibly from a seed.

A council gets what a real one writes: site_config.yml with executives and photos, one
item file per OIT item per fiscal year with 2–15 pieces of evidence (monthly reports: 12),
Thai titles and bodies, dates typed in the formats officers use (ISO, Thai month names,
Thai digits, dd/mm/yyyy), periods that satisfy each item's period rule, measures.yml
(o27/o28) and assessment results, a few free pages, and small valid PDF/PNG files.

Most components are met; about one item in eight is left incomplete, as in real councils.
Years without a shipped catalogue get a copy of the 2568 catalogue in the council's
`catalogues/` folder (named in site_config.yml `years.<fy>.catalogue`).

Nothing here writes outside the destination folder.
"""

from __future__ import annotations

import random
import re
import struct
import zlib
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from generator.load.catalogue import Item, catalogue_path, load_catalogue

BE = 543
TH_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
MONTHS = ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
          "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"]
MONTHS_SHORT = ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
                "ต.ค.", "พ.ย.", "ธ.ค."]

PLACES = ["หนองบัว", "ดอนแก้ว", "บ้านใหม่", "ท่าช้าง", "ห้วยทราย", "โนนสูง", "นาคำ", "ป่าแดง",
          "สันทราย", "บางกระดี่", "คลองขุด", "เขาดิน", "หัวฝาย", "วังหิน", "โพธิ์ทอง", "แม่ข้าวต้ม",
          "ทุ่งกว้าง", "หนองแวง", "ศรีสุข", "บ่อทอง"]
DISTRICTS = ["เมือง", "แม่จัน", "พาน", "บ้านโป่ง", "สูงเนิน", "วารินชำราบ", "กันทรลักษ์",
             "ศรีราชา", "หางดง", "ลำลูกกา"]
PROVINCES = ["เชียงราย", "เชียงใหม่", "ราชบุรี", "นครราชสีมา", "อุบลราชธานี", "ศรีสะเกษ",
             "ชลบุรี", "ปทุมธานี", "ขอนแก่น", "สงขลา"]
FIRST = ["สมชาย", "สมหญิง", "ประเสริฐ", "วิไลวรรณ", "ธนพล", "กาญจนา", "สุริยา", "พรทิพย์",
         "วีระพงษ์", "อรุณี", "ชัยวัฒน์", "นงลักษณ์"]
LAST = ["ใจดี", "ศรีสุข", "ทองคำ", "แก้วมณี", "บุญมา", "สายสุวรรณ", "พรหมวงศ์", "คำแสน",
        "อินทร์แก้ว", "ปัญญาวงศ์"]
UNITS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "กองการศึกษา ศาสนาและวัฒนธรรม",
         "กองสาธารณสุขและสิ่งแวดล้อม", "สำนักปลัด (งานนโยบายและแผน)"]
DOC_WORDS = ["ประกาศ", "รายงาน", "คำสั่ง", "บันทึกข้อความ", "สรุปผล", "แผนปฏิบัติการ",
             "คู่มือ", "แบบฟอร์ม", "หนังสือแจ้งเวียน", "รายงานการประชุม"]
SENTENCES = [
    "หน่วยงานได้ดำเนินการเผยแพร่ข้อมูลนี้บนเว็บไซต์หลักเพื่อให้ประชาชนตรวจสอบได้",
    "งานบริหารทั่วไปเป็นผู้รวบรวมเอกสารและปรับปรุงข้อมูลทุกครั้งที่มีการเปลี่ยนแปลง",
    "เอกสารฉบับนี้ผ่านการพิจารณาของผู้บริหารและลงนามโดยนายกองค์การบริหารส่วนตำบลแล้ว",
    "ประชาชนสามารถขอสำเนาเอกสารได้ที่ศูนย์ข้อมูลข่าวสารในวันและเวลาราชการ",
    "การจัดซื้อจัดจ้างทุกรายการดำเนินการตามพระราชบัญญัติการจัดซื้อจัดจ้างและการบริหารพัสดุภาครัฐ",
    "ผลการดำเนินงานรอบหกเดือนแรกเป็นไปตามเป้าหมายที่กำหนดไว้ในแผนปฏิบัติการประจำปี",
    "คณะกรรมการติดตามและประเมินผลได้ประชุมพิจารณาและให้ข้อเสนอแนะเพื่อปรับปรุงการทำงาน",
    "ผู้รับบริการสามารถร้องเรียนการทุจริตได้ทางโทรศัพท์ อีเมล หรือแบบฟอร์มออนไลน์",
    "บุคลากรทุกคนได้รับการอบรมเรื่องประมวลจริยธรรมและการป้องกันผลประโยชน์ทับซ้อน",
    "งบประมาณรายจ่ายประจำปีได้รับความเห็นชอบจากสภาองค์การบริหารส่วนตำบลตามระเบียบ",
    "ข้อมูลสถิติรวบรวมจากทะเบียนคุมการให้บริการของทุกกองและสรุปเป็นรายไตรมาส",
    "หน่วยงานประกาศเจตนารมณ์ไม่รับของขวัญและของกำนัลทุกชนิดจากการปฏิบัติหน้าที่",
    "การประเมินความเสี่ยงการทุจริตครอบคลุมกระบวนงานการอนุญาตก่อสร้างและการจัดเก็บภาษี",
    "แผนพัฒนาท้องถิ่นเป็นกรอบในการจัดทำงบประมาณและโครงการพัฒนาในแต่ละปี",
    "ประชาคมหมู่บ้านได้มีส่วนร่วมในการเสนอโครงการและติดตามผลการดำเนินงาน",
    "ศูนย์รับเรื่องร้องเรียนดำเนินการแล้วเสร็จภายในระยะเวลาที่กำหนดทุกเรื่อง",
]


@dataclass(frozen=True)
class CouncilSpec:
    years: tuple[int, ...]
    seed: int

    @property
    def current(self) -> int:
        return max(self.years)


SIZES = {  # name -> fiscal years
    "1y": (2568,),
    "3y": (2566, 2567, 2568),
    "6y": (2564, 2565, 2566, 2567, 2568, 2569),
}


# --- small valid binary files ----------------------------------------------------------------

def tiny_pdf(text: str, pad: int = 0) -> bytes:
    """A one-page PDF with a correct xref table (ASCII text; `pad` bytes of comment)."""
    safe = re.sub(r"[^A-Za-z0-9 ._-]", "", text)[:80] or "document"
    stream = f"BT /F1 14 Tf 72 770 Td ({safe}) Tj ET\n".encode()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"endstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    if pad:
        out += b"%" + b"x" * pad + b"\n"
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, xref)
    return bytes(out)


def tiny_png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A solid-colour RGB PNG."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))
    row = b"\x00" + bytes(rgb) * width
    raw = zlib.compress(row * height, 9)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2,
                                                              0, 0, 0))
            + chunk(b"IDAT", raw) + chunk(b"IEND", b""))


# --- dates as officers type them ---------------------------------------------------------------

def fy_start(fy: int) -> date:
    return date(fy - BE - 1, 10, 1)


def fy_end(fy: int) -> date:
    return date(fy - BE, 9, 30)


def typed_date(rng: random.Random, d: date) -> str:
    y = d.year + BE
    style = rng.randrange(5)
    if style == 0:
        return f"{y}-{d.month:02d}-{d.day:02d}"
    if style == 1:
        return f"{d.day} {MONTHS[d.month - 1]} {y}"
    if style == 2:
        return f"{d.day} {MONTHS_SHORT[d.month - 1]} {y}"
    if style == 3:
        return f"{d.day} {MONTHS[d.month - 1]} {y}".translate(TH_DIGITS)
    return f"{d.day:02d}/{d.month:02d}/{y}"


def month_after(year: int, month: int, days: int) -> date:
    """A date `days` into the month after (year, month) (Christian era)."""
    y, m = (year + 1, 1) if month == 12 else (year, month + 1)
    return date(y, m, 1) + timedelta(days=days)


def rand_date(rng: random.Random, lo: date, hi: date) -> date:
    return lo + timedelta(days=rng.randrange((hi - lo).days + 1))


# --- content ------------------------------------------------------------------------------------

# Composed sentences (subject + action + object + time + remark): 6,000 combinations, so the
# bodies of different items and councils differ as officers' own words do.
SUBJECTS = ["สำนักปลัด", "กองคลัง", "กองช่าง", "คณะทำงาน", "เจ้าหน้าที่ผู้รับผิดชอบ",
            "นายกองค์การบริหารส่วนตำบล", "ปลัดองค์การบริหารส่วนตำบล", "คณะกรรมการชุมชน",
            "ศูนย์ข้อมูลข่าวสาร", "งานนโยบายและแผน"]
ACTIONS = ["ได้จัดทำ", "ได้ทบทวน", "ได้เผยแพร่", "ได้รวบรวม", "ได้ตรวจสอบ", "ได้ปรับปรุง"]
OBJECTS = ["ทะเบียนทรัพย์สิน", "รายงานการเงินประจำไตรมาส", "ข้อมูลโครงการก่อสร้างถนน",
           "ประกาศรับสมัครพนักงานจ้าง", "สถิติผู้มาใช้บริการ", "คู่มือการยื่นคำร้อง",
           "แผนการจัดเก็บรายได้", "ผลการประชุมประชาคมหมู่บ้าน", "รายชื่อผู้ได้รับเบี้ยยังชีพ",
           "บันทึกการตรวจรับงานจ้าง"]
TIMES = ["ในไตรมาสแรก", "ทุกเดือน", "ภายในสิบห้าวันหลังสิ้นเดือน", "ก่อนสิ้นปีงบประมาณ",
         "ตามกำหนดเวลา", "เมื่อมีการเปลี่ยนแปลง", "ในการประชุมประจำเดือน", "หลังได้รับอนุมัติ",
         "ตามคำแนะนำของผู้ตรวจประเมิน", "อย่างสม่ำเสมอ"]
REMARKS = ["เพื่อให้ประชาชนตรวจสอบได้", "และรายงานให้ผู้บริหารทราบ", "โดยไม่มีข้อร้องเรียน",
           "ตามระเบียบกระทรวงมหาดไทย", "พร้อมแนบเอกสารหลักฐาน", "และแจ้งเวียนทุกกอง",
           "เพื่อใช้ประกอบการตัดสินใจ", "ผ่านเว็บไซต์และบอร์ดประชาสัมพันธ์", "ตามมติที่ประชุม",
           "โดยมีผู้เข้าร่วมจากทุกหมู่บ้าน"]


def sentence(rng: random.Random) -> str:
    if rng.random() < 0.3:
        return rng.choice(SENTENCES)
    return (f"{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}"
            f"{rng.choice(TIMES)}{rng.choice(REMARKS)}")


def thai_body(rng: random.Random, paragraphs: int) -> str:
    paras = []
    for _ in range(paragraphs):
        paras.append(" ".join(sentence(rng) for _ in range(rng.randint(2, 4))))
    if rng.random() < 0.25:
        rows = "\n".join(f"| {rng.choice(DOC_WORDS)}{rng.choice(SENTENCES)[:24]} | "
                         f"{rng.randint(1, 900)} | {rng.randint(1, 900)} |" for _ in range(4))
        paras.append("| รายการ | รอบ 6 เดือนแรก | รอบ 6 เดือนหลัง |\n|---|---:|---:|\n" + rows)
    return "\n\n".join(paras) + "\n"


def yaml_str(s: str) -> str:
    """A YAML scalar that never needs escaping (our strings have no quotes)."""
    return f'"{s}"' if re.search(r"[:#\[\]{},&*!|>'\"%@`]", s) else s


class _Writer:
    def __init__(self, root: Path, rng: random.Random):
        self.root = root
        self.rng = rng
        self.files = 0

    def write(self, rel: str, data: str | bytes) -> None:
        path = self.root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, "utf-8")
        else:
            path.write_bytes(data)

    def pdf(self, rel: str) -> str:
        self.write("content/" + rel, tiny_pdf(rel, pad=self.rng.randrange(200, 4000)))
        self.files += 1
        return rel


def _evidence_plan(rng: random.Random, item: Item, fy: int) -> list[dict[str, str]]:
    """Evidence entries (title, date, period) meeting the item's period rule for the year the
    rule reads (catalogue `reads:`: an annual report of the year before, dated in the weeks
    after that year ended, as councils do: seed 002 l.11, seed 004 l.8)."""
    ry = item.read_year(fy)
    start, end = fy_start(ry), fy_end(ry)
    year_end_report = ry != fy
    title = item.title
    year_words = f"ประจำปีงบประมาณ พ.ศ. {ry}"
    plan: list[dict[str, str]] = []
    if item.period == "monthly":
        d = start
        for _ in range(12):
            ym = f"{d.year + BE}-{d.month:02d}"
            plan.append({"title": f"{title} ประจำเดือน{MONTHS[d.month - 1]} {d.year + BE}",
                         "date": typed_date(rng, month_after(d.year, d.month,
                                                             rng.randrange(3, 12))),
                         "period": ym})
            d = month_after(d.year, d.month, 0)
        extra = rng.randint(0, 2)
    elif item.period == "both_halves":
        plan.append({"title": f"{title} รอบ 6 เดือนแรก {year_words}",
                     "date": typed_date(rng, date(ry - BE, 4, rng.randint(1, 20))),
                     "period": f"{ry - 1}-10 ถึง {ry}-03"})
        plan.append({"title": f"{title} รอบ 6 เดือนหลัง {year_words}",
                     "date": typed_date(rng, date(ry - BE, 9, rng.randint(20, 30))),
                     "period": f"เม.ย. {ry} - ก.ย. {ry}"})
        extra = rng.randint(0, 4)
    elif item.period == "first_half":
        plan.append({"title": f"{title} รอบ 6 เดือนแรก {year_words}",
                     "date": typed_date(rng, date(ry - BE, 4, rng.randint(1, 25))),
                     "period": f"ต.ค. {ry - 1} - มี.ค. {ry}"})
        extra = rng.randint(1, 6)
    elif item.period == "covers_year":
        lo = ry - rng.randint(0, 3)
        plan.append({"title": f"{title} (พ.ศ. {lo}–{lo + 4})",
                     "date": typed_date(rng, rand_date(rng, fy_start(lo) - timedelta(200),
                                                       fy_start(lo) - timedelta(10))),
                     "period": f"{lo}-{lo + 4}"})
        extra = rng.randint(1, 6)
    else:  # none, in_year
        extra = rng.randint(2, 15) if rng.random() < 0.2 else rng.randint(2, 7)
    for _ in range(extra):
        when = (end + timedelta(days=rng.randint(5, 25)) if year_end_report
                else rand_date(rng, start, end))
        plan.append({"title": f"{rng.choice(DOC_WORDS)}{title} {year_words}",
                     "date": typed_date(rng, when)})
    return plan


def item_file(w: _Writer, item: Item, fy: int, slug: str) -> str:
    rng = w.rng
    claim = [c.id for c in item.claimable]
    lines = ["---", f"unit: {rng.choice(UNITS)}"]
    if not claim:
        lines.append("evidence: []")
    else:
        lines.append("evidence:")
        plan = _evidence_plan(rng, item, fy)
        complete = rng.random() >= 0.125
        claimable = claim if complete or len(claim) == 1 else claim[:-1]
        if not complete and len(claim) == 1 and len(plan) > 1:
            plan = plan[:-1]  # drop a report: the period rule is then unmet
        for i, ev in enumerate(plan):
            comps = rng.sample(claimable, rng.randint(1, len(claimable)))
            if i == 0:
                comps = list(claimable)  # the main document meets everything it can
            lines.append(f"  - title: {yaml_str(ev['title'])}")
            lines.append(f"    date: {ev['date']}")
            if "period" in ev:
                lines.append(f"    period: {ev['period']}")
            if rng.random() < 0.7:
                lines.append(f"    file: {w.pdf(f'files/{fy}/{item.id}-{i + 1:02d}.pdf')}")
            else:
                lines.append(f"    url: https://www.{slug}.example/{fy}/{item.id}/{i + 1}")
            lines.append(f"    components: [{', '.join(sorted(comps, key=claim.index))}]")
            if rng.random() < 0.15:
                lines.append(f"    note: {sentence(rng)}")
    lines.append("---")
    return "\n".join(lines) + "\n" + thai_body(rng, rng.randint(1, 3))


MEASURES = ["เผยแพร่ข้อมูล", "ป้องกันการรับสินบน", "พัฒนาบุคลากร", "ประชาสัมพันธ์ช่องทางร้องเรียน"]


def measures_yml(w: _Writer, fy: int, slug: str) -> str:
    rng = w.rng
    report = w.pdf(f"files/{fy}/measures-report-{fy}.pdf")
    out = [f"based_on: {fy - 1}", "weaknesses:"]
    for ref in rng.sample(["9.3", "9.4", "o13", "o14", "o19", "o22"], 2):
        out += [f"  - text: {sentence(rng)}", f'    refs: ["{ref}"]']
    out += ["improvements:", f"  - text: {sentence(rng)}", '    refs: ["7"]',
            "measures:"]
    for m in range(1, rng.randint(3, 6)):
        out += [
            f"  - id: m{m}",
            f"    title: มาตรการ{rng.choice(MEASURES)}ที่ {m}",
            f"    analysis: {sentence(rng)}",
            f'    refs: ["{rng.choice(["9", "10.1", "4"])}"]',
            "    steps:",
            f"      - {sentence(rng)}",
            f"      - {sentence(rng)}",
            f"    period: พ.ย. {fy - 1} - ก.ย. {fy}",
            f"    units: [{rng.choice(UNITS[:3])}]",
            "    follow_up: รายงานปลัดทุกไตรมาส",
            "    progress:",
            "      6m:",
            "        status: done",
            f"        date: {fy}-04-22",
            f"        output: {sentence(rng)}",
            f"        outcome: {sentence(rng)}",
            "        evidence:",
            "          - title: รายงานความก้าวหน้ารอบ 6 เดือน",
            f"            url: https://www.{slug}.example/integrity/{fy}-h1-m{m}",
            "      12m:",
            "        status: done",
            f"        date: {fy}-09-29",
            f"        output: {sentence(rng)}",
            f"        outcome: {sentence(rng)}",
            "        evidence:",
            f"          - title: รายงานผลการดำเนินการ ประจำปี {fy}",
            f"            file: {report}",
        ]
    return "\n".join(out) + "\n"


def assessment_yml(rng: random.Random, fy: int) -> str:
    out = [f"rank: ลำดับที่ {rng.randint(100, 5000):,} ของ อบต. ทั่วประเทศ", "indicators:"]
    out += [f'  "{i}": {rng.uniform(78, 100):.2f}' for i in range(1, 11)]
    out += ["questions:"]
    for q in rng.sample(["i3", "i21", "e5", "e12", "o13", "o14"], 3):
        out += [f"  - id: {q}", f"    score: {rng.uniform(50, 95):.2f}",
                f"    text: {sentence(rng)}",
                f"    recommendation: {sentence(rng)}"]
    return "\n".join(out) + "\n"


def site_config(w: _Writer, spec: CouncilSpec, place: str, district: str, province: str,
                slug: str, catalogues: dict[int, str]) -> str:
    rng = w.rng
    execs = []
    positions = [f"นายกองค์การบริหารส่วนตำบล{place}", f"รองนายกองค์การบริหารส่วนตำบล{place}",
                 f"เลขานุการนายกองค์การบริหารส่วนตำบล{place}", f"ปลัดองค์การบริหารส่วนตำบล{place}"]
    for i, pos in enumerate(positions):
        photo = f"files/executives/p{i + 1}.png"
        w.write("content/" + photo, tiny_png(24, 30, (rng.randrange(256), 120, 160)))
        execs += [f"  - name: นาย{rng.choice(FIRST)} {rng.choice(LAST)}", f"    position: {pos}",
                  f"    photo: {photo}", f"    phone: 0-4400-{rng.randint(1000, 9999)}"]
    w.write("content/files/logo.png", tiny_png(64, 64, (30, 60, 120)))
    years = []
    for fy in spec.years:
        years.append(f"  {fy}:")
        years.append(f"    eit_survey_url: https://itas.nacc.go.th/go/eit/{slug}{fy}")
        if fy in catalogues:
            years.append(f"    catalogue: {catalogues[fy]}")
    return "\n".join([
        "council:",
        f"  name_th: องค์การบริหารส่วนตำบล{place}",
        f"  name_en: {slug.title()} Subdistrict Administrative Organization",
        f"  short_th: อบต.{place}",
        "  type: อบต.",
        f"  subdistrict: {place}",
        f"  district: {district}",
        f"  province: {province}",
        f"  address: {rng.randint(1, 199)} หมู่ {rng.randint(1, 12)} ตำบล{place} อำเภอ{district} "
        f"จังหวัด{province} {rng.randint(10000, 96000)}",
        f"  phones: [0-4400-{rng.randint(1000, 9999)}]",
        f"  fax: 0-4400-{rng.randint(1000, 9999)}",
        f"  email: saraban@{slug}.example",
        f"  map: {{lat: {rng.uniform(6, 20):.4f}, lon: {rng.uniform(98, 105):.4f}}}",
        f"  website: https://www.{slug}.example/",
        "  logo: files/logo.png",
        "executives:", *execs,
        f"current_year: {spec.current}",
        f"eit_survey_url: https://itas.nacc.go.th/go/eit/{slug}",
        "years:", *years,
        "site:",
        f"  url: https://www.{slug}.example/ita/",
        "  date_format: long",
        "  thai_digits: false",
        "  checklist_public: true",
        f"  as_of: {spec.current}-10-31",
        "  search: true",
    ]) + "\n"


def make_council(dest: Path, years: tuple[int, ...], seed: int) -> dict[str, int]:
    """Write a synthetic council into `dest` (created; must not exist or be empty).

    Returns counts: years, item files, evidence entries, evidence files."""
    spec = CouncilSpec(tuple(sorted(years)), seed)
    rng = random.Random(seed)
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise FileExistsError(f"{dest} is not empty")
    w = _Writer(dest, rng)
    place = f"{rng.choice(PLACES)}{rng.choice(['', 'เหนือ', 'ใต้', 'พัฒนา', 'ใหม่'])}"
    slug = f"council{seed}"
    base_text = catalogue_path(2568).read_text("utf-8")
    catalogues: dict[int, str] = {}
    items = 0
    evidence = 0
    for fy in spec.years:
        if not catalogue_path(fy).exists():
            rel = f"catalogues/{fy}.yml"
            text = re.sub(r"(?m)^fiscal_year: \d+", f"fiscal_year: {fy}", base_text)
            w.write(rel, text.replace("พ.ศ. 2568", f"พ.ศ. {fy}"))
            catalogues[fy] = rel
        cat = load_catalogue(dest / catalogues[fy] if fy in catalogues else catalogue_path(fy))
        for item in cat.items:
            text = item_file(w, item, fy, slug)
            evidence += text.count("\n  - title:")
            w.write(f"content/{fy}/oit/{item.id}.md", text)
            items += 1
        w.write(f"content/{fy}/measures.yml", measures_yml(w, fy, slug))
        if fy == spec.years[0]:
            # o28 reads the year before's measures (catalogue `reads: previous`)
            w.write(f"content/{fy - 1}/measures.yml", measures_yml(w, fy - 1, slug))
        if fy <= 2568:
            w.write(f"content/{fy}/assessment.yml", assessment_yml(rng, fy))
    w.write("site_config.yml",
            site_config(w, spec, place, rng.choice(DISTRICTS), rng.choice(PROVINCES), slug,
                        catalogues))
    w.write("content/pages/about.md", "---\ntitle: เกี่ยวกับหน่วยงาน\norder: 1\n---\n"
            + thai_body(rng, 4))
    w.write("content/pages/news.md", "---\ntitle: ข่าวประชาสัมพันธ์\norder: 2\n---\n"
            + thai_body(rng, 3))
    return {"years": len(spec.years), "item_files": items, "evidence": evidence,
            "evidence_files": w.files}
