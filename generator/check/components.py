"""Automatic components: those decided from site_config.yml and measures.yml rather than
from evidence the officer lists (contacts, executives, the EIT survey, o28's measures)."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from generator.base.problems import Problem, problem
from generator.base.say import Say
from generator.base.thai import format_date
from generator.check.links import check_file, check_url
from generator.check.periods import auto_period
from generator.check.report import ComponentStatus, Context, Where
from generator.load.catalogue import Component, Item
from generator.load.config import Council
from generator.load.measures import ROUND_TH, Measures, round_due, rounds_due
from generator.load.project import Evidence, ItemContent

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("contact-incomplete", "eit-survey-missing", "executive-incomplete",
          "executives-management-missing", "executives-missing", "file-type-mismatch",
          "measures-missing", "measures-unreported")


def auto_component(ctx: Context, item: Item, comp: Component, content: ItemContent | None,
                   usable: list[Evidence], probs: list[Problem], expected_file: str = ""
                   ) -> ComponentStatus:
    auto = comp.auto or ""
    cfg = ctx.project.config
    fy = ctx.year.year
    expected_file = expected_file or f"content/{fy}/oit/{item.id}.md"
    if auto == "period":
        return auto_period(ctx, item, comp, content, usable, probs)
    if auto == "executives_management":
        return _management(ctx, item, comp, probs)
    if auto.startswith("executives_"):
        return _executives(ctx, item, comp, auto.removeprefix("executives_"), probs,
                           expected_file)
    if auto in ("address", "phone", "fax", "email", "map"):
        c = cfg.council
        value = {"address": c.address, "phone": ", ".join(c.phones), "fax": c.fax,
                 "email": c.email, "map": c.map.link if c.map else ""}[auto]
        if not value:
            key = {"phone": "phones"}.get(auto, auto)
            probs.append(problem("contact-incomplete", file="site_config.yml",
                                 path=f"council.{key}", year=fy, item=item.id,
                                 component=comp.id, field=comp.title, key=key,
                                 example=contact_example(key, c),
                                 expected_file=expected_file))
        return ComponentStatus(comp, bool(value), (), value)
    if auto == "eit_survey":
        url = cfg.eit_url(fy)
        where: Where = dict(file="site_config.yml", path="eit_survey_url", year=fy, item=item.id,
                     component=comp.id)
        if not url:
            probs.append(problem("eit-survey-missing", **where))
            return ComponentStatus(comp, False, (), "")
        if fy in cfg.years and cfg.years[fy].eit_survey_url:
            where["path"] = f"years.{fy}.eit_survey_url"
        ok = check_url(url, where, probs)
        return ComponentStatus(comp, ok, (), url)
    if auto == "measures_reported":
        return _measures(ctx, item, comp, probs)
    raise AssertionError(f"unknown auto rule {auto}")  # catalogue validation prevents this


def contact_example(key: str, council: Council) -> str:
    """What to add under `council:` for a missing contact, from the council's own data
    (its subdistrict, district, province, website) or neutral placeholders: never another
    council's values, which an officer might paste as they are (tests/test_hints.py)."""
    if key == "address":
        place = " ".join([
            f"ตำบล{council.subdistrict}" if council.subdistrict else "ตำบล…",
            f"อำเภอ{council.district}" if council.district else "อำเภอ…",
            f"จังหวัด{council.province}" if council.province else "จังหวัด…"])
        return f"address: <เลขที่> หมู่ <…> {place} <รหัสไปรษณีย์>"
    if key == "email":
        host = (urlsplit(council.website).hostname or "") if council.website else ""
        host = host.removeprefix("www.")
        return f"email: <ชื่อ>@{host}" if host else "email: <อีเมลของหน่วยงาน>"
    return {"phones": "phones: [<หมายเลขโทรศัพท์ เช่น 0-XXXX-XXXX>]",
            "fax": "fax: <หมายเลขโทรสาร เช่น 0-XXXX-XXXX>",
            "map": "map: {lat: <ละติจูด>, lon: <ลองจิจูด>}"}[key]


EXECUTIVE_FIELDS = {  # field: (Thai name, what to add)
    "name": ("ชื่อ-นามสกุล", "`name: นาย… …`"),
    "position": ("ตำแหน่ง", "`position: นายก…`"),
    "photo": ("รูปถ่าย", "`photo: files/executives/….jpg`"),
    "contact": ("ช่องทางการติดต่อ", Say("`phone: …` หรือ `email: …`", "`phone: …` or `email: …`")),
}
IMAGE_TYPES = {".png", ".jpg", ".jpeg", ".gif", ".webp"}


def _executives(ctx: Context, item: Item, comp: Component, field_name: str,
                probs: list[Problem], expected_file: str) -> ComponentStatus:
    """o2: every executive in site_config.yml has a name, position, photo and contact."""
    cfg = ctx.project.config
    fy = ctx.year.year
    if not cfg.executives:
        # one problem for the item, on its first executives component
        # (not the management component, which says it has no one to show)
        first = next(c for c in item.components if (c.auto or "").startswith("executives_")
                     and c.auto != "executives_management")
        if comp.id == first.id:
            probs.append(problem("executives-missing", file="site_config.yml", year=fy,
                                 item=item.id, component=comp.id, path="executives",
                                 expected_file=expected_file))
        return ComponentStatus(comp, False, (), "ไม่มีรายชื่อผู้บริหาร")
    lacking = []
    field_th, keys = EXECUTIVE_FIELDS[field_name]
    for i, ex in enumerate(cfg.executives):
        who = ex.name or f"executives[{i}]"
        if field_name == "photo" and ex.photo:
            where: Where = dict(file="site_config.yml", line=ex.line, path=f"executives[{i}].photo",
                         year=fy, item=item.id, component=comp.id)
            has = check_file(ctx.project.content_dir, ex.photo, where, probs)
            ext = Path(ex.photo).suffix.lower()
            if has and ext not in IMAGE_TYPES:
                probs.append(problem("file-type-mismatch", value=ex.photo,
                                     expected=Say("รูปภาพ PNG หรือ JPEG", "PNG or JPEG image"),
                                     found=ext or Say("(ไม่มีนามสกุล)", "(no extension)"),
                                     **where))
                has = False
        else:
            has = ex.has_contact if field_name == "contact" else bool(getattr(ex, field_name))
            if not has:
                key = "phone" if field_name == "contact" else field_name
                probs.append(problem(
                    "executive-incomplete", file="site_config.yml", line=ex.line,
                    path=f"executives[{i}].{key}", year=fy, item=item.id, component=comp.id,
                    value=who, field=field_name, field_th=field_th, keys=keys,
                    expected_file=expected_file))
        if not has:
            lacking.append(who)
    detail = f"ผู้บริหาร {len(cfg.executives)} คน" + (
        f" (ขาด: {', '.join(lacking)})" if lacking else "")
    return ComponentStatus(comp, not lacking, (), detail)


def _management(ctx: Context, item: Item, comp: Component,
                probs: list[Problem]) -> ComponentStatus:
    """o2 (seed 002 l.143): the top executive *and* the holders of management positions:
    site_config.yml lists the top executive first and at least one more executive."""
    cfg = ctx.project.config
    fy = ctx.year.year
    ex = cfg.executives
    if not ex:
        return ComponentStatus(comp, False, (), "ไม่มีรายชื่อผู้บริหาร")  # executives-missing says so
    top = ex[0].position or ex[0].name
    if len(ex) < 2:
        probs.append(problem("executives-management-missing", file="site_config.yml",
                             path="executives", line=ex[0].line, year=fy, item=item.id,
                             component=comp.id, value=top))
        return ComponentStatus(comp, False, (), f"ผู้บริหารสูงสุด: {top}")
    others = ", ".join(e.position or e.name for e in ex[1:])
    return ComponentStatus(comp, True, (), f"ผู้บริหารสูงสุด: {top}; ผู้ดำรงตำแหน่งการบริหาร: {others}")


def _measures(ctx: Context, item: Item, comp: Component, probs: list[Problem]) -> ComponentStatus:
    """o28: every measure of the year the item reads reported, and every link in the
    progress reports usable (the same file and link rules as evidence)."""
    status = _measures_status(ctx, item, comp, probs)
    m = ctx.project.measures.get(item.read_year(ctx.year.year))
    ok = status.met
    if m is None:
        return status
    for i, meas in enumerate(m.measures):
        for rnd, prog in meas.progress.items():
            for j, link in enumerate(prog.evidence):
                at = f"measures[{i}].progress.{rnd}.evidence[{j}]"
                where: Where = dict(file=m.file, line=meas.line, year=ctx.year.year,
                                    item=item.id, component=comp.id)
                if link.file:
                    ok = check_file(ctx.project.content_dir, link.file,
                                     {**where, "path": f"{at}.file"}, probs) and ok
                if link.url:
                    ok = check_url(link.url, {**where, "path": f"{at}.url"}, probs) and ok
    return ComponentStatus(comp, ok, status.evidence, status.detail, status.due)


def _measures_status(ctx: Context, item: Item, comp: Component,
                     probs: list[Problem]) -> ComponentStatus:
    """o28 `measures_reported`: "ความก้าวหน้าหรือผลการดำเนินการ" (seed 002 l.202), progress
    OR results: every measure of the year the item reads (catalogue `reads:`; 2568's o28 is
    the report of 2567, seed 000 l.133) has a report for at least one round that is due; no
    round due yet is shown as due."""
    fy = ctx.year.year
    read = item.read_year(fy)
    m: Measures | None = ctx.project.measures.get(read)
    if m is not None and not m.measures and any(p.severity == "error" for p in m.problems):
        return ComponentStatus(comp, False, (), "")  # the file's own problems say why
    due = rounds_due(read, ctx.as_of, item.grace_days)
    if not due:
        first = round_due(read, "6m", item.grace_days)
        return ComponentStatus(comp, False, (), f"มาตรการปีงบประมาณ {read}: ถึงกำหนดรายงาน "
                               f"{format_date(first)}", due=first)
    if m is None or not m.measures:
        probs.append(problem("measures-missing", year=fy, item=item.id, component=comp.id,
                             file=f"content/{read}/measures.yml", read=read))
        return ComponentStatus(comp, False, (), "")
    missing = 0
    for idx, meas in enumerate(m.measures):
        if not any(rnd in meas.progress for rnd in due):
            missing += 1
            probs.append(problem("measures-unreported", year=fy, item=item.id,
                                 component=comp.id, file=m.file, line=meas.line,
                                 path=f"measures[{idx}].progress",
                                 value=f"{meas.id} {meas.title}", round=due[-1]))
    detail = f"มาตรการปีงบประมาณ {read} จำนวน {len(m.measures)} มาตรการ; รอบที่ถึงกำหนด: " + (
        ", ".join(ROUND_TH[x] for x in due))
    return ComponentStatus(comp, missing == 0, (), detail)
