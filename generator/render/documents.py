"""o27 and o28 as the documents a council signs and files: a memo (บันทึกข้อความ) with its
header, sections, signing chain and approval, followed by the attached report (o27: the
analysis of last year's results and the measures; o28: the progress of every measure per
round, the indicators 1–8 table, the OIT per-item table and the year-on-year summary).

This module decides what the documents say; the templates (theme/pages/doc_*.md.j2) only
lay it out, once, for the screen and for A4 print. Texts carry Arabic digits; the templates
pass every text through the `digits` filter, so `thai_digits: true` turns every number of
the document, typed or generated, into Thai digits.

Where the wording comes from (docs/documents.md): the memo form and its sections follow
seeds 002 (เรื่องเดิม, ข้อเท็จจริง, ระเบียบ กฎหมายที่เกี่ยวข้อง, ข้อเสนอเพื่อพิจารณา, the
approval "อนุมัติ / ให้ดำเนินการ") and 004 (the report period, the year-on-year summary);
the measures table follows seeds 001, 003 and 004; the o28 tables follow seed 002.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from generator.base.thai import MONTHS_LONG, format_date
from generator.check.report import (
    COMPLETE,
    DUE,
    INCOMPLETE,
    MISSING,
    NA,
    ItemStatus,
    YearReport,
)
from generator.load.assessment import Assessment, Question, Rules, rules_for
from generator.load.config import Council, Executive, SiteConfig
from generator.load.documents import (
    Approval,
    DocumentDefaults,
    IndicatorPlan,
    Memo,
    Signature,
    Thresholds,
)
from generator.load.measures import (
    ROUND_TH,
    ROUNDS,
    Finding,
    Measure,
    Measures,
    Progress,
    round_end,
    rounds_due,
)

GROUP_TH = {"urgent": "ต้องแก้ไขโดยเร่งด่วน", "improve": "ต้องพัฒนาให้ดีขึ้น",
            "strength": "จุดแข็ง"}
CLOSING = "จึงเรียนมาเพื่อโปรดพิจารณา"  # seeds 002, 004
ATTACHED = "(รายละเอียดตามเอกสารแนบท้ายบันทึกข้อความนี้)"  # seed 002


def laws(fy: int) -> tuple[str, ...]:
    """ระเบียบ กฎหมายที่เกี่ยวข้อง, as seed 002 (section ๓) cites them for o28; the manual is
    the one of the year the document serves."""
    return (
        "รัฐธรรมนูญแห่งราชอาณาจักรไทย พ.ศ. 2560 มาตรา 41 (1), มาตรา 59 และมาตรา 253",
        "พระราชบัญญัติการบริหารงานและการให้บริการภาครัฐผ่านระบบดิจิทัล พ.ศ. 2562 มาตรา 17",
        "พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. 2540 มาตรา 7 และมาตรา 9",
        "คู่มือการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ "
        f"(Integrity and Transparency Assessment) ประจำปีงบประมาณ พ.ศ. {fy}",
    )


# --- what the templates receive -----------------------------------------------------------

def year_change(now: float | None, before: float | None) -> float | None:
    """now minus before to two decimals, or None when either figure is missing (the `change` of
    every row and summary the documents print)."""
    if now is None or before is None:
        return None
    return round(now - before, 2)


@dataclass(frozen=True)
class Header:
    """The memo's header lines (ส่วนราชการ, ที่, วันที่, เรื่อง, เรียน); "" or None is printed
    as a dotted line to fill in by hand."""

    unit: str
    number: str
    date: date | None
    subject: str
    to: str


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[str, ...]
    items: tuple[str, ...] = ()  # numbered sub-items (๓.๑, ๓.๒ …)


@dataclass(frozen=True)
class SignBlock:
    """A signature: under the memo (`sign`), an opinion block (`opinion`) or the approval."""

    kind: str
    heading: str
    text: str  # the opinion or the approval wording; "" → dotted lines
    name: str  # "" → a dotted line
    position: str
    date: date | None


@dataclass(frozen=True)
class MemoView:
    header: Header
    sections: tuple[Section, ...]
    closing: str
    signers: tuple[SignBlock, ...]
    opinions: tuple[SignBlock, ...]
    approval: SignBlock | None
    acknowledgements: tuple[str, ...]


@dataclass(frozen=True)
class IndicatorRow:
    id: str
    title: str
    score: float | None
    previous: float | None
    group: str = ""  # urgent | improve | strength | "" (no score; o28's summary: not grouped)

    @property
    def change(self) -> float | None:
        return year_change(self.score, self.previous)


@dataclass(frozen=True)
class Family:
    """IIT, EIT or OIT with its indicators."""

    title: str
    rows: tuple[IndicatorRow, ...]


@dataclass(frozen=True)
class Results:
    """One year's published results as the documents quote them."""

    year: int
    overall: float | None
    label: str
    previous_year: int
    previous_overall: float | None
    previous_label: str

    @property
    def change(self) -> float | None:
        return year_change(self.overall, self.previous_overall)


@dataclass(frozen=True)
class AnalysisView:
    """o27: the memo and the attached analysis and measures."""

    item: str
    year: int
    based_on: int
    memo: MemoView
    title: tuple[str, ...]
    council: str
    results: Results | None
    families: tuple[Family, ...]
    groups: dict[str, tuple[IndicatorRow, ...]]
    thresholds: Thresholds
    weaknesses: tuple[Finding, ...]
    improvements: tuple[Finding, ...]
    questions: tuple[Question, ...]
    measures: tuple[Measure, ...]
    show_limits: bool
    adopted: str  # how the measures were adopted (the meeting), as a sentence
    follow_up: str
    working_group: WorkingGroupView | None


@dataclass(frozen=True)
class WorkingGroupView:
    title: str
    order: str
    date: date | None
    members: tuple[tuple[str, str, str], ...]  # name, position, role
    duties: tuple[str, ...]
    signer: SignBlock | None


@dataclass(frozen=True)
class RoundCell:
    round: str
    progress: Progress | None
    due: bool


@dataclass(frozen=True)
class MeasureProgress:
    number: int
    measure: Measure
    rounds: tuple[RoundCell, ...]


@dataclass(frozen=True)
class PlanRow:
    """o28's row for an IIT/EIT indicator: typed (`indicators:`) or gathered from the measures
    that cite the indicator."""

    id: str
    title: str
    approach: tuple[str, ...]
    units: tuple[str, ...]
    period: str
    status: str
    progress: tuple[str, ...]
    from_measures: bool


@dataclass(frozen=True)
class OitRow:
    id: str
    title: str
    components: tuple[tuple[str, bool], ...]
    unit: str
    status: str  # done | in_progress | not_started | na
    note: str


@dataclass(frozen=True)
class OitGroup:
    id: str
    title: str
    rows: tuple[OitRow, ...]


@dataclass(frozen=True)
class ProgressView:
    """o28: the memo and the attached progress report."""

    item: str
    year: int
    memo: MemoView
    title: tuple[str, ...]
    council: str
    round: str
    period: str
    intro: str
    measures: tuple[MeasureProgress, ...]
    rounds: tuple[str, ...]
    counts: dict[str, int]
    plans: tuple[PlanRow, ...]
    oit: tuple[OitGroup, ...]
    as_of: date
    summary: Results | None
    summary_rows: tuple[IndicatorRow, ...]
    summary_note: str


# --- building them ------------------------------------------------------------------------

def thai_date(d: date | None) -> str:
    return format_date(d, "long") if d else ""


def change_text(change: float | None, unit: str = "คะแนน") -> str:
    """Seed 004's wording of a year-on-year change."""
    if change is None:
        return "–"
    if abs(change) < 0.005:
        return "ไม่มีการเปลี่ยนแปลง"
    return f"{'เพิ่มขึ้น' if change > 0 else 'ลดลง'} {abs(change):.2f} {unit}"


def council_line(c: Council) -> str:
    """The council with its district and province, as the memo header names it (seed 004)."""
    out = c.name_th
    if c.district:
        out += f" อำเภอ{c.district}"
    if c.province:
        out += f" จังหวัด{c.province}"
    return out


def place_line(c: Council) -> str:
    """อำเภอ… จังหวัด… (the second line under the council in a document title)."""
    return " ".join(x for x in (f"อำเภอ{c.district}" if c.district else "",
                                f"จังหวัด{c.province}" if c.province else "") if x)


def meeting_name(title: str) -> str:
    """`meeting.title` as typed, with "การประชุม" in front unless it is there already."""
    return title if title.startswith(("การประชุม", "ประชุม")) else f"การประชุม{title}"


def _executive(executives: tuple[Executive, ...], prefix: str) -> Executive | None:
    return next((e for e in executives if e.position.startswith(prefix)), None)


def signing(cfg: SiteConfig, memo: Memo | None
            ) -> tuple[tuple[Signature, ...], Approval | None, tuple[str, ...]]:
    """The document's signers, approval and acknowledgements: the memo's own, else the
    council's (`documents:` in site_config.yml), else the ปลัด proposing to the นายก as
    listed under `executives:`."""
    d: DocumentDefaults = cfg.documents
    sigs = memo.signatures if memo and memo.signatures is not None else d.signatures
    approval = memo.approval if memo and memo.approval is not None else d.approval
    acks = memo.acknowledgements if memo and memo.acknowledgements is not None else \
        d.acknowledgements
    if sigs is None:
        palad = _executive(cfg.executives, "ปลัด")
        sigs = (Signature(palad.name, palad.position),) if palad else ()
    if approval is None:
        head = _executive(cfg.executives, "นายก") or (cfg.executives[0] if cfg.executives
                                                       else None)
        approval = Approval(head.name, head.position) if head else None
    return sigs, approval, acks


def memo_view(cfg: SiteConfig, memo: Memo | None, unit: str, subject: str,
              sections: tuple[Section, ...]) -> MemoView:
    d = cfg.documents
    sigs, approval, acks = signing(cfg, memo)
    memo = memo or Memo()
    number = memo.number
    if d.ref and "/" not in number:
        number = f"{d.ref}/{number}"
    approval_block = None
    if approval is not None:
        approval_block = SignBlock("approval", approval.heading or (
            f"ความเห็นของ{approval.position}" if approval.position else "ความเห็นของผู้บริหาร"),
            approval.wording, approval.name, approval.position, approval.date)
    blocks = [SignBlock("opinion" if s.is_opinion else "sign",
                        s.heading or (f"ความเห็นของ{s.position}" if s.is_opinion else ""),
                        s.opinion, s.name, s.position, s.date) for s in sigs]
    to = memo.to or d.to or (approval.position if approval else "")
    header = Header(f"{unit} {council_line(cfg.council)}".strip(),
                    number, memo.date, memo.subject or subject, to)
    return MemoView(header, sections, CLOSING,
                    tuple(b for b in blocks if b.kind == "sign"),
                    tuple(b for b in blocks if b.kind == "opinion"), approval_block, acks)


def _family(tool_ids: list[str]) -> str:
    return re.sub(r"\d+$", "", tool_ids[0]) if tool_ids else ""


def _family_title(rules: Rules, family: str) -> str:
    tool = next(t for t in rules.tools if re.sub(r"\d+$", "", t.id) == family)
    return re.sub(r"\s*ส่วนที่\s*\S+", "", tool.title)


def indicator_families(rules: Rules | None, now: Assessment, before: Assessment | None,
                       thresholds: Thresholds) -> tuple[Family, ...]:
    """Every indicator of the year with its score, last year's and its group, by tool."""
    titles = rules.indicators if rules else {i: "" for i in sorted(now.indicators, key=int)}
    order: list[str] = []
    rows: dict[str, list[IndicatorRow]] = {}
    for iid, title in titles.items():
        fam = _family([t.id for t in rules.tool_of(iid)]) if rules else ""
        if fam not in rows:
            order.append(fam)
            rows[fam] = []
        score = now.indicators.get(iid)
        rows[fam].append(IndicatorRow(iid, title, score,
                                      before.indicators.get(iid) if before else None,
                                      thresholds.group(score)))
    return tuple(Family(_family_title(rules, f) if rules and f else "", tuple(rows[f]))
                 for f in order)


def results_of(assessments: dict[int, Assessment], year: int) -> Results | None:
    a = assessments.get(year)
    if a is None:
        return None
    b = assessments.get(year - 1)
    return Results(year, a.overall, a.label, year - 1, b.overall if b else None,
                   b.label if b else "")


def _results_sentence(council: str, r: Results) -> str:
    text = (f"{council}มีผลการประเมินในภาพรวม {r.overall:.2f} คะแนน อยู่ในระดับ “{r.label}”"
            if r.overall is not None else f"{council}ยังไม่มีคะแนนภาพรวม")
    if r.change is not None and r.previous_overall is not None:
        text += (f" {change_text(r.change)} จากปีงบประมาณ พ.ศ. {r.previous_year} "
                 f"({r.previous_overall:.2f} คะแนน)")
    return text


def item_unit(report: YearReport, item_id: str) -> str:
    st = next((s for s in report.items if s.item.id == item_id), None)
    if st is None:
        return ""
    return st.content.unit if st.content and st.content.unit else st.item.unit


def writer(cfg: SiteConfig, memo: Memo | None, report: YearReport, item_id: str) -> str:
    """The division that writes the memo (ส่วนราชการ): the memo's, the council's, else the
    unit responsible for the item."""
    return (memo.unit if memo and memo.unit else "") or cfg.documents.unit or \
        item_unit(report, item_id) or "หน่วยงาน"


def _website(c: Council) -> str:
    return f"เว็บไซต์ {c.website}" if c.website else f"เว็บไซต์ของ{c.short_th}"


def _meeting_sentence(m: Measures, council: str) -> str:
    mt = m.meeting
    if mt is None:
        return (f"{council}ได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
                f"ประจำปีงบประมาณ พ.ศ. {m.year} จากผลการวิเคราะห์ข้างต้น ดังนี้")
    text = f"จาก{meeting_name(mt.title)}"
    if mt.date:
        text += f" เมื่อวันที่ {thai_date(mt.date)}"
    if mt.place:
        text += f" ณ {mt.place}"
    who = mt.participants or "ผู้บริหารและเจ้าหน้าที่"
    return (f"{text} {who}ได้ร่วมกันพิจารณาเพื่อกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
            f"ภายในหน่วยงานของ{council} ประจำปีงบประมาณ พ.ศ. {m.year} ดังนี้")


def analysis_view(cfg: SiteConfig, measures: Measures, assessments: dict[int, Assessment],
                  report: YearReport, item_id: str) -> AnalysisView:
    fy, based = measures.year, measures.based_on
    council = cfg.council.name_th
    thresholds = cfg.analysis
    now, before = assessments.get(based), assessments.get(based - 1)
    rules = rules_for(based)
    families = indicator_families(rules, now, before, thresholds) if now else ()
    groups = {g: tuple(r for f in families for r in f.rows if r.group == g)
              for g in ("urgent", "improve", "strength")}
    results = results_of(assessments, based)
    memo = measures.documents.get("analysis")
    unit = writer(cfg, memo, report, item_id)
    n = len(measures.measures)
    facts = []
    if results is not None:
        facts.append(f"สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {based} "
                     + _results_sentence(council, results))
    else:
        facts.append(f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {based} ของ{council}"
                     "ยังไม่ได้บันทึกไว้ในระบบ การวิเคราะห์จึงอาศัยข้อมูลที่หน่วยงานระบุ")
    counted = "" if not families else (
        f" พบประเด็นที่ต้องแก้ไขโดยเร่งด่วน {len(groups['urgent'])} ตัวชี้วัด ประเด็นที่ต้อง"
        f"พัฒนาให้ดีขึ้น {len(groups['improve'])} ตัวชี้วัด และจุดแข็ง "
        f"{len(groups['strength'])} ตัวชี้วัด")
    meeting = ""
    if measures.meeting is not None:
        mt = measures.meeting
        meeting = f" และนำเสนอใน{meeting_name(mt.title)}" + (
            f" เมื่อวันที่ {thai_date(mt.date)}" if mt.date else "")
    facts.append(f"{unit} ได้วิเคราะห์ผลการประเมินรายตัวชี้วัด{counted}{meeting} "
                 f"เพื่อกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
                 f"ประจำปีงบประมาณ พ.ศ. {fy} จำนวน {n} มาตรการ {ATTACHED}")
    default_sections = (
        Section("เรื่องเดิม", (
            f"ตามที่{council}ได้เข้ารับการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน"
            "ภาครัฐ (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. "
            f"{based} และตามเกณฑ์การประเมินข้อ {item_id} หน่วยงานต้องวิเคราะห์ผลการประเมิน "
            "ระบุประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน ประเด็นที่ต้องพัฒนา"
            "ให้ดีขึ้น และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
            f"ประจำปีงบประมาณ พ.ศ. {fy} นั้น",)),
        Section("ข้อเท็จจริง", tuple(facts)),
        Section("ระเบียบ กฎหมายที่เกี่ยวข้อง", (), laws(fy)),
        Section("ข้อเสนอเพื่อพิจารณา", (
            f"เพื่อให้การส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy} "
            "เป็นไปด้วยความเรียบร้อย เห็นสมควรนำเรียนผู้บริหารพิจารณาดำเนินการ ดังนี้",), (
            f"อนุมัติมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy} "
            "ตามเอกสารแนบ",
            "แจ้งทุกสำนัก/กองทราบและถือปฏิบัติ และรายงานผลการดำเนินการรอบ 6 เดือนและรอบ 12 เดือน",
            "เผยแพร่การวิเคราะห์ผลการประเมินและมาตรการผ่าน" + _website(cfg.council))),
    )
    subject = ("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน"
               f"ภาครัฐ ประจำปีงบประมาณ พ.ศ. {based} และมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
               f"ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy}")
    approver = signing(cfg, memo)[1]
    wg = measures.working_group
    return AnalysisView(
        item=item_id, year=fy, based_on=based,
        memo=memo_view(cfg, memo, unit, subject, _overridden(default_sections, memo)),
        title=("รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"
               "ในการดำเนินงานของหน่วยงานภาครัฐ",
               f"ประจำปีงบประมาณ พ.ศ. {based}",
               "และมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
               f"ประจำปีงบประมาณ พ.ศ. {fy}", council, place_line(cfg.council)),
        council=council, results=results, families=families, groups=groups,
        thresholds=thresholds, weaknesses=measures.weaknesses,
        improvements=measures.improvements,
        questions=tuple(sorted((q for q in now.questions if q.score is not None),
                               key=lambda q: (q.score or 0.0, q.id))) if now else (),
        measures=measures.measures, show_limits=any(m.limits for m in measures.measures),
        adopted=_meeting_sentence(measures, council),
        follow_up=(f"ให้ผู้รับผิดชอบแต่ละมาตรการรายงานผลการดำเนินการรอบ 6 เดือน (ตุลาคม {fy - 1} "
                   f"ถึงมีนาคม {fy}) และรอบ 12 เดือน (ตุลาคม {fy - 1} ถึงกันยายน {fy}) ต่อ"
                   f"{approver.position if approver and approver.position else 'ผู้บริหาร'} "
                   f"และเผยแพร่ผ่าน{_website(cfg.council)} (ข้อ o28)"),
        working_group=None if wg is None else WorkingGroupView(
            wg.title or ("แต่งตั้งคณะทำงานเพื่อขับเคลื่อนการประเมินคุณธรรมและความโปร่งใส"
                         f"ในการดำเนินงานของ{council} ประจำปีงบประมาณ พ.ศ. {fy}"),
            wg.order, wg.date, tuple((m.name, m.position, m.role) for m in wg.members),
            wg.duties, None if approver is None else SignBlock(
                "sign", "", "", approver.name, approver.position, None)))


def _overridden(sections: tuple[Section, ...], memo: Memo | None) -> tuple[Section, ...]:
    """The default sections with what the council typed in their place (`background`,
    `facts`: paragraphs; `laws`, `proposal`: the numbered items)."""
    if memo is None:
        return sections
    background, facts, law, proposal = sections
    return (Section(background.title, memo.background or background.paragraphs),
            Section(facts.title, memo.facts or facts.paragraphs),
            Section(law.title, (), memo.laws or law.items),
            Section(proposal.title, proposal.paragraphs, memo.proposal or proposal.items))


def report_round(fy: int, memo: Memo | None, as_of: date) -> str:
    if memo and memo.round:
        return memo.round
    due = rounds_due(fy, as_of)
    return due[-1] if due else ROUNDS[0]


def report_period(fy: int, rnd: str) -> str:
    """Seed 004: "(เดือนตุลาคม ๒๕๖๗ ถึงเดือนกันยายน ๒๕๖๘)"."""
    return f"ตุลาคม {fy - 1} ถึง{MONTHS_LONG[round_end(fy, rnd).month - 1]} {fy}"


def plan_rows(measures: Measures, rules: Rules | None, rnd: str) -> tuple[PlanRow, ...]:
    """Indicators 1–8 (the perception surveys): typed plans first, else the measures that
    cite the indicator."""
    titles = rules.indicators if rules else {}
    survey = [i for i in titles if rules and any(not t.id.startswith("OIT")
                                                for t in rules.tool_of(i))]
    out = []
    for iid in survey or [str(i) for i in range(1, 9)]:
        plan: IndicatorPlan | None = measures.indicators.get(iid)
        if plan is not None:
            out.append(PlanRow(iid, titles.get(iid, ""), plan.approach, plan.units, plan.period,
                               plan.status, plan.progress, False))
            continue
        cited = [m for m in measures.measures if iid in m.refs]
        statuses = [m.progress[rnd].status for m in cited if rnd in m.progress]
        status = "" if not cited else (
            "not_started" if len(statuses) < len(cited) or "not_started" in statuses else
            "in_progress" if "in_progress" in statuses else "done")
        out.append(PlanRow(
            iid, titles.get(iid, ""), tuple(m.title for m in cited),
            tuple(dict.fromkeys(u for m in cited for u in m.units)),
            " / ".join(dict.fromkeys(m.period for m in cited if m.period)), status,
            tuple(m.progress[rnd].output for m in cited
                  if rnd in m.progress and m.progress[rnd].output), True))
    return tuple(out)


def oit_groups(report: YearReport) -> tuple[OitGroup, ...]:
    """Seed 002's "ประเด็นการประเมิน OIT": every item with its components, unit and
    progress, by sub-indicator, from the completeness check (nothing typed twice)."""
    groups = []
    for sub in report.catalogue.sub_indicators:
        rows = tuple(_oit_row(st) for st in report.items if st.item.sub_indicator == sub.id)
        if rows:
            groups.append(OitGroup(sub.id, sub.title, rows))
    return tuple(groups)


def _oit_row(st: ItemStatus) -> OitRow:
    comps = tuple((c.component.title, c.met) for c in st.components)
    unit = st.content.unit if st.content and st.content.unit else st.item.unit
    met = sum(1 for _, ok in comps if ok)
    if st.status == NA:
        reason = (st.content.not_applicable if st.content else "") or ""
        return OitRow(st.item.id, st.item.title, comps, unit, "na", reason)
    if st.status == COMPLETE:
        note = f"เปิดเผยข้อมูลครบทุกองค์ประกอบ ({met}/{len(comps)})"
        return OitRow(st.item.id, st.item.title, comps, unit, "done", note)
    if st.status == INCOMPLETE and met:
        missing = "; ".join(t for t, ok in comps if not ok)
        return OitRow(st.item.id, st.item.title, comps, unit, "in_progress",
                      f"ครบ {met} จาก {len(comps)} องค์ประกอบ ยังขาด: {missing}")
    if st.status == DUE:  # nothing it asks for is due by the as-of date (check/years.py)
        return OitRow(st.item.id, st.item.title, comps, unit, "not_started",
                      "ยังไม่ถึงกำหนด")
    assert st.status in (INCOMPLETE, MISSING)
    return OitRow(st.item.id, st.item.title, comps, unit, "not_started",
                  "ยังไม่มีหลักฐานที่ใช้ได้")


def progress_view(cfg: SiteConfig, measures: Measures, assessments: dict[int, Assessment],
                  report: YearReport, item_id: str, analysis_item: str | None) -> ProgressView:
    fy = measures.year
    council = cfg.council.name_th
    memo = measures.documents.get("progress")
    rnd = report_round(fy, memo, report.as_of)
    due = rounds_due(fy, report.as_of)
    shown = ROUNDS[:ROUNDS.index(rnd) + 1]
    rows = tuple(MeasureProgress(i + 1, m, tuple(RoundCell(r, m.progress.get(r), r in due)
                                                 for r in shown))
                 for i, m in enumerate(measures.measures))
    counts = {s: 0 for s in ("done", "in_progress", "not_started", "unreported")}
    for m in measures.measures:
        p = m.progress.get(rnd)
        counts[p.status if p else "unreported"] += 1
    unit = writer(cfg, memo, report, item_id)
    period = report_period(fy, rnd)
    o27 = measures.documents.get("analysis")
    if o27 is not None and (o27.number or o27.date):
        number = o27.number if "/" in o27.number or not cfg.documents.ref else \
            f"{cfg.documents.ref}/{o27.number}"
        subject = o27.subject or (
            "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงาน"
            f"ภาครัฐ ประจำปีงบประมาณ พ.ศ. {measures.based_on} และมาตรการส่งเสริมคุณธรรม"
            f"และความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy}")
        o27_unit = writer(cfg, o27, report, analysis_item or item_id)
        start = (f"ตามบันทึกข้อความ {o27_unit} ที่ {number}"
                 + (f" ลงวันที่ {thai_date(o27.date)}" if o27.date else "")
                 + f" เรื่อง {subject} ")
    else:
        start = "ตามที่"
    background = (f"{start}{council}ได้กำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายใน"
                  f"หน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy} จำนวน {len(measures.measures)} มาตรการ"
                  + (f" ตามข้อ {analysis_item}" if analysis_item else "")
                  + " โดยให้ผู้รับผิดชอบดำเนินการและรายงานผลรอบ 6 เดือนและรอบ 12 เดือน นั้น")
    tally = (f"ดำเนินการแล้ว {counts['done']} มาตรการ อยู่ระหว่างดำเนินการ "
             f"{counts['in_progress']} มาตรการ ยังไม่ได้ดำเนินการ {counts['not_started']} มาตรการ")
    if counts["unreported"]:
        tally += f" และยังไม่รายงานผล {counts['unreported']} มาตรการ"
    facts = [f"ในการนี้ {unit} ได้ติดตามและจัดทำรายงานผลการดำเนินการเพื่อส่งเสริม"
             f"คุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy} {ROUND_TH[rnd]} "
             f"({period}) ตามเกณฑ์การประเมินข้อ {item_id} ผลการดำเนินการ: {tally} {ATTACHED}"]
    summary = results_of(assessments, fy)
    if summary is not None:
        facts.append(f"สำนักงาน ป.ป.ช. ได้ประกาศผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {fy} "
                     + _results_sentence(council, summary))
    nxt = (f"นำผลการดำเนินการไปใช้วิเคราะห์และกำหนดมาตรการส่งเสริมคุณธรรมและความโปร่งใส"
           f"ภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. {fy + 1}") if rnd == "12m" else (
        "เร่งรัดมาตรการที่ยังไม่แล้วเสร็จให้แล้วเสร็จภายในปีงบประมาณ และรายงานผลรอบ 12 เดือน")
    default_sections = (
        Section("เรื่องเดิม", (background,)),
        Section("ข้อเท็จจริง", tuple(facts)),
        Section("ระเบียบ กฎหมายที่เกี่ยวข้อง", (), laws(fy)),
        Section("ข้อเสนอเพื่อพิจารณา", (
            f"เพื่อให้การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
            f"ประจำปีงบประมาณ พ.ศ. {fy} เป็นไปด้วยความเรียบร้อย เห็นสมควรนำเรียนผู้บริหาร"
            "พิจารณาดำเนินการ ดังนี้",), (
            "เผยแพร่รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
            f"ประจำปีงบประมาณ พ.ศ. {fy} {ROUND_TH[rnd]} ผ่าน{_website(cfg.council)}",
            nxt, "แจ้งทุกสำนัก/กองทราบโดยทั่วกัน")),
    )
    subject = ("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
               f"ประจำปีงบประมาณ พ.ศ. {fy} {ROUND_TH[rnd]}")
    rules = rules_for(fy)
    summary_rows: tuple[IndicatorRow, ...] = ()
    note = ""
    now, before = assessments.get(fy), assessments.get(fy - 1)
    if now is None:
        note = (f"ผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. {fy} ยังไม่ได้ประกาศ ณ วันที่รายงาน "
                "จึงยังสรุปผลสัมฤทธิ์เทียบกับปีก่อนไม่ได้")
        summary = None
    else:
        titles = rules.indicators if rules else {i: "" for i in sorted(now.indicators, key=int)}
        summary_rows = tuple(IndicatorRow(i, t, now.indicators.get(i),
                                       before.indicators.get(i) if before else None)
                             for i, t in titles.items())
    return ProgressView(
        item=item_id, year=fy,
        memo=memo_view(cfg, memo, unit, subject, _overridden(default_sections, memo)),
        title=("รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
               f"ประจำปีงบประมาณ พ.ศ. {fy} {ROUND_TH[rnd]}", council, place_line(cfg.council),
               f"(เดือน{period.replace('ถึง', 'ถึงเดือน')})"),
        council=council, round=rnd, period=period,
        intro=(f"{council}ได้ดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
               f"ประจำปีงบประมาณ พ.ศ. {fy} ซึ่งกำหนดจากการวิเคราะห์ผลการประเมิน ITA "
               f"ประจำปีงบประมาณ พ.ศ. {measures.based_on} และขอรายงานผลการดำเนินการ ผลลัพธ์ "
               "และผู้รับผิดชอบของแต่ละมาตรการ ดังนี้"),
        measures=rows, rounds=shown, counts=counts, plans=plan_rows(measures, rules, rnd),
        oit=oit_groups(report), as_of=report.as_of, summary=summary,
        summary_rows=summary_rows, summary_note=note)
