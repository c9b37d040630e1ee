"""The editor's forms, generated from the input formats' declarations.

Decap CMS's `/admin/config.yml` is generated from generator/load/schema.py (every key, its
Thai label and help, whether it is required, its type) and the project's data (the catalogue
of each fiscal year present, the scoring rules of each year), never written by hand; the same
fields give refusals their Thai field names ("หลักฐาน รายการที่ 2 › วันที่ในเอกสาร"). Where a
form needs the project's data (component options, upload folders, the year's tools) a key's
field is given here instead (`from_schema(..., overrides)`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.load.assessment import rules_for
from generator.load.catalogue import PERIOD_RULES_TH, Catalogue, Item
from generator.load.config import CONFIG_NAME
from generator.load.project import Project
from generator.load.schema import (
    CONFIG,
    COUNCIL,
    COUNCIL_TYPES,
    EVIDENCE,
    EXECUTIVE,
    FINDING,
    ITEM,
    LINK,
    MAP,
    MEASURE,
    MEASURES,
    PAGE,
    PROGRESS,
    QUESTION,
    RESULTS,
    ROUNDS_SCHEMA,
    YEAR_OPTIONS,
    Schema,
)
from generator.load.schema import Field as SchemaField

# where the forms' uploads go, relative to the project folder; values stored in the files
# are relative to content/ (`files/2568/o19-….pdf`), as the loaders read them
MEDIA_ROOT = "content/files"
PAGE_SLUG = "page-{{year}}{{month}}{{day}}-{{hour}}{{minute}}{{second}}"


@dataclass(frozen=True)
class Field:
    """One form field: a key of the file, its Thai label and Decap widget."""

    name: str
    label: str
    widget: str = "string"
    required: bool = False
    hint: str = ""
    fields: tuple[Field, ...] = ()  # an object's keys, or a list's item keys
    options: tuple[tuple[str, str], ...] = ()  # select: (stored value, Thai label)
    multiple: bool = False
    item: Field | None = None  # a list of single values (`phones: [..]`)
    extra: dict[str, Any] = field(default_factory=dict)  # other widget options

    def decap(self) -> dict[str, Any]:
        out: dict[str, Any] = {"name": self.name, "label": self.label, "widget": self.widget,
                               "required": self.required}
        if self.hint:
            out["hint"] = self.hint
        if self.fields:
            out["fields"] = [f.decap() for f in self.fields]
        if self.item is not None:
            out["field"] = self.item.decap()
        if self.options:
            out["options"] = [{"label": label, "value": value} for value, label in self.options]
        if self.multiple:
            out["multiple"] = True
        out.update(self.extra)
        return out

    def child(self, key: str) -> Field | None:
        return next((f for f in self.fields if f.name == key), None)


def text(name: str, label: str, hint: str = "", required: bool = False,
         long: bool = False) -> Field:
    return Field(name, label, "text" if long else "string", required, hint)


def date_field(name: str, label: str, hint: str = "") -> Field:
    """A date picked from a calendar or typed; stored as the loader reads it (Buddhist era,
    `2568-04-03`; typed forms such as `๓ เมษายน ๒๕๖๘` are kept as typed)."""
    return Field(name, label, "thaidate", False,
                 hint or "พ.ศ. เลือกจากปฏิทิน หรือพิมพ์ เช่น 2568-04-03 หรือ 3 เมษายน 2568")


def upload(name: str, label: str, folder: str, hint: str = "", image: bool = False) -> Field:
    """A document or photo uploaded into content/<folder>/ (the stored value is relative to
    content/)."""
    return Field(name, label, "image" if image else "file", False, hint, extra={
        "media_folder": f"/{MEDIA_ROOT}/{folder}".rstrip("/"),
        "public_folder": f"files/{folder}".rstrip("/"),
        "choose_url": False})


def strings(name: str, label: str, one: str, hint: str = "") -> Field:
    return Field(name, label, "list", False, hint, item=text(name, one, required=True))


def body_field() -> Field:
    return Field("body", "คำอธิบายเพิ่มเติม (Markdown)", "markdown", False,
                 "ข้อความที่แสดงในหน้าของข้อนี้ใต้หัวข้อ \"คำอธิบายเพิ่มเติม\"",
                 extra={"modes": ["raw"], "buttons": [], "editor_components": []})


# --- from the declarations of generator/load/schema.py ------------------------------------

def from_schema(schema: Schema, overrides: dict[str, Field | None] | None = None
                ) -> tuple[Field, ...]:
    """The form fields of a declared format, in its order: label, hint, required and widget
    from each key's declaration; `overrides` replaces a key's field (or drops it: None)
    where the form needs the project's data (component options, upload folders)."""
    overrides = overrides or {}
    out = []
    for decl in schema:
        if decl.key in overrides:
            given = overrides[decl.key]
            if given is not None:
                out.append(given)
            continue
        out.append(_widget(decl))
    return tuple(out)


def _widget(d: SchemaField) -> Field:
    hint = d.help_th
    if d.type in ("text", "link", "email", "period", "year", "number", "markdown"):
        return Field(d.key, d.label_th, "text" if d.long else "string", d.required, hint)
    if d.type == "date":
        return date_field(d.key, d.label_th)
    if d.type == "texts":
        return strings(d.key, d.label_th, d.label_th, hint)
    if d.type == "flag":
        return Field(d.key, d.label_th, "boolean", False, hint,
                     extra={"default": bool(d.default)})
    if d.type == "choice":
        names = d.allowed_th or d.allowed
        return Field(d.key, d.label_th, "select", d.required, hint,
                     options=tuple(zip(d.allowed, names, strict=True)))
    if d.type == "path":
        return upload(d.key, d.label_th, "", hint)
    if d.type == "mapping" and d.schema is not None:
        return Field(d.key, d.label_th, "object", d.required, hint,
                     fields=from_schema(d.schema), extra={"collapsed": True})
    if d.type == "list" and d.schema is not None:
        return Field(d.key, d.label_th, "list", d.required, hint, fields=from_schema(d.schema),
                     extra={"collapsed": True})
    raise ValueError(f"{d.key}: a {d.type} field needs an override in the editor's form")


# --- an OIT item: content/<fy>/oit/<item>.md -----------------------------------------------

def evidence_fields(fy: int, item: Item) -> tuple[Field, ...]:
    d = EVIDENCE
    return from_schema(d, {
        "file": upload("file", d["file"].label_th, str(fy),
                       hint="อัปโหลดไฟล์ หรือใส่ลิงก์ด้านล่างอย่างใดอย่างหนึ่ง; ชื่อไฟล์ตั้งให้อัตโนมัติ"),
        "components": Field("components", d["components"].label_th, "select", True,
                            "เลือกได้หลายข้อ",
                            # the Thai name an officer knows, and the code written to the file
                            options=tuple((c.id, f"{c.name} ({c.id})") for c in item.claimable),
                            multiple=True) if item.claimable else
        # every component of the item is decided automatically: evidence names them `all`
        Field("components", "องค์ประกอบ", "hidden", False, extra={"default": "all"}),
    })


def item_fields(fy: int, item: Item) -> tuple[Field, ...]:
    rule = PERIOD_RULES_TH.get(item.period, "")
    hint = item.requirement + (f"\n\nช่วงเวลา: {rule}" if item.period != "none" else "")
    if not item.needs_evidence and item.claimable:  # o2, o3: site_config.yml or a link
        hint += ("\n\nข้อมูลนี้แสดงจากข้อมูลหน่วยงานและผู้บริหาร หรือใส่ลิงก์หน้าเว็บไซต์ของหน่วยงานที่แสดง"
                 "ข้อมูลนี้เป็นหลักฐานก็ได้")
    evidence = Field("evidence", ITEM["evidence"].label_th, "list", False, hint,
                     fields=evidence_fields(fy, item),
                     extra={"label_singular": "หลักฐาน", "summary": "{{fields.title}}",
                            "collapsed": True}) if item.needs_evidence or item.claimable else None
    unit = ITEM["unit"]
    return from_schema(ITEM, {
        "unit": Field("unit", unit.label_th, "string", False,
                      f"ว่างไว้ = {item.unit}" if item.unit else unit.help_th),
        "evidence": evidence,
    }) + (body_field(),)


def item_file(project: Project, fy: int, item: Item) -> str:
    """The item's file: the one the loader found (`O5.md`, `o05.md` …), else `o<n>.md`."""
    yc = project.years.get(fy)
    if yc is not None and item.id in yc.items:
        return yc.items[item.id].file
    return f"content/{fy}/oit/{item.id}.md"


# --- site_config.yml ------------------------------------------------------------------------

def council_fields() -> tuple[Field, ...]:
    m = MAP
    council = Field("council", CONFIG["council"].label_th, "object", True,
                    CONFIG["council"].help_th, fields=from_schema(COUNCIL, {
                        "type": Field("type", COUNCIL["type"].label_th, "select", False,
                                      options=tuple((t, t) for t in COUNCIL_TYPES)),
                        "map": Field("map", COUNCIL["map"].label_th, "object", False,
                                     COUNCIL["map"].help_th, fields=from_schema(m, {
                                         "lat": Field("lat", m["lat"].label_th, "number", False,
                                                      extra={"value_type": "float",
                                                             "min": -90, "max": 90}),
                                         "lon": Field("lon", m["lon"].label_th, "number", False,
                                                      extra={"value_type": "float",
                                                             "min": -180, "max": 180}),
                                     })),
                        "logo": upload("logo", COUNCIL["logo"].label_th, "", image=True),
                    }))
    return (council,)


def executive_fields() -> tuple[Field, ...]:
    e = EXECUTIVE
    return (Field("executives", CONFIG["executives"].label_th, "list", False,
                  "ทุกคนต้องมีชื่อ-นามสกุล ตำแหน่ง รูปถ่าย และช่องทางการติดต่อ (o2)",
                  fields=from_schema(e, {
                      "name": Field("name", e["name"].label_th, "string", True, e["name"].help_th),
                      "position": Field("position", e["position"].label_th, "string", True,
                                        e["position"].help_th),
                      "photo": upload("photo", e["photo"].label_th, "executives", image=True),
                  }), extra={"label_singular": "ผู้บริหาร", "summary": "{{fields.name}}"}),)


def years_fields(years: Iterable[int]) -> tuple[Field, ...]:
    ys = sorted(set(years), reverse=True)
    return (
        Field("current_year", CONFIG["current_year"].label_th, "select", True,
              CONFIG["current_year"].help_th, options=tuple((str(y), str(y)) for y in ys)),
        _widget(CONFIG["eit_survey_url"]),
        Field("years", "ลิงก์แบบสำรวจ EIT รายปี", "object", False, fields=tuple(
            Field(str(y), f"ปีงบประมาณ {y}", "object", False,
                  fields=from_schema(YEAR_OPTIONS, {"catalogue": None})) for y in ys)),
    )


# --- content/<fy>/measures.yml and assessment.yml ------------------------------------------

def link_fields(fy: int) -> tuple[Field, ...]:
    return from_schema(LINK, {"file": upload("file", LINK["file"].label_th, str(fy))})


def measures_fields(fy: int) -> tuple[Field, ...]:
    progress = from_schema(PROGRESS, {
        "evidence": Field("evidence", PROGRESS["evidence"].label_th, "list", False,
                          fields=link_fields(fy), extra={"summary": "{{fields.title}}"})})
    rounds = tuple(Field(d.key, f"ความก้าวหน้า{d.label_th}", "object", False, d.help_th,
                         fields=progress, extra={"collapsed": True}) for d in ROUNDS_SCHEMA)
    findings = {"summary": "{{fields.text}}"}
    return from_schema(MEASURES, {
        "based_on": Field("based_on", MEASURES["based_on"].label_th, "string", False,
                          f"ว่างไว้ = {fy - 1}"),
        "weaknesses": Field("weaknesses", MEASURES["weaknesses"].label_th, "list", False,
                            fields=from_schema(FINDING), extra=findings),
        "improvements": Field("improvements", MEASURES["improvements"].label_th, "list",
                              False, fields=from_schema(FINDING), extra=findings),
        "measures": Field("measures", "มาตรการ (o27) และความก้าวหน้า (o28)", "list", False,
                          fields=from_schema(MEASURE, {
                              "progress": Field("progress", MEASURE["progress"].label_th,
                                                "object", False, fields=rounds)}),
                          extra={"label_singular": "มาตรการ",
                                 "summary": "{{fields.id}} {{fields.title}}",
                                 "collapsed": True}),
    })


def assessment_fields(fy: int) -> tuple[Field, ...]:
    rules = rules_for(fy)
    score = "คะแนน 0–100 (เลขไทยได้ เช่น ๙๗.๑๘)"
    tools = tuple(text(t.id, f"{t.id} {t.title}", hint=score) for t in rules.tools) \
        if rules else ()
    indicators = tuple(text(i, f"ตัวชี้วัดที่ {i} {title}") for i, title in
                       rules.indicators.items()) if rules else ()
    r = RESULTS
    return from_schema(r, {
        "tools": Field("tools", r["tools"].label_th, "object", False, fields=tools),
        "indicators": Field("indicators", r["indicators"].label_th, "object", False,
                            fields=indicators),
        "questions": Field("questions", r["questions"].label_th, "list", False,
                           fields=from_schema(QUESTION),
                           extra={"summary": "{{fields.id}} {{fields.score}}",
                                  "collapsed": True}),
    })


def page_fields() -> tuple[Field, ...]:
    return from_schema(PAGE, {
        "order": Field("order", PAGE["order"].label_th, "number", False, PAGE["order"].help_th,
                       extra={"value_type": "int"})}) + (
        Field("body", "เนื้อหา (Markdown)", "markdown", False,
              extra={"modes": ["raw"], "buttons": [], "editor_components": []}),)


# --- the forms of a project -------------------------------------------------------------------

@dataclass(frozen=True)
class Form:
    """One form: a file (or a folder of pages) and its fields."""

    collection: str
    name: str
    label: str
    file: str  # path from the project folder; for pages: the folder
    fields: tuple[Field, ...]
    kind: str  # item | config | measures | assessment | pages
    year: int | None = None
    item: str | None = None


def year_folders(project: Project) -> list[int]:
    """Every fiscal year with a folder in content/, and the current year."""
    years = set(project.years) | set(project.assessments)
    content = project.content_dir
    for d in content.iterdir() if content.is_dir() else ():
        if d.is_dir() and re.fullmatch(r"\d{4}", d.name) and 2400 <= int(d.name) <= 2700:
            years.add(int(d.name))
    if project.config.current_year:
        years.add(project.config.current_year)
    return sorted(years, reverse=True)


def project_forms(project: Project) -> list[Form]:
    """Every form of the editor, in menu order."""
    forms: list[Form] = []
    for fy in project.year_list:
        cat: Catalogue = project.years[fy].catalogue
        for item in cat.items:
            forms.append(Form(f"oit-{fy}", item.id, f"{item.id} {item.title}",
                              item_file(project, fy, item), item_fields(fy, item), "item",
                              fy, item.id))
    forms += [
        Form("settings", "contact", "หน่วยงานและข้อมูลการติดต่อ (o3)", CONFIG_NAME,
             council_fields(), "config"),
        Form("settings", "executives", "ข้อมูลผู้บริหาร (o2)", CONFIG_NAME,
             executive_fields(), "config"),
        Form("settings", "years", "ปีงบประมาณและแบบสำรวจ EIT", CONFIG_NAME,
             years_fields(year_folders(project)), "config"),
    ]
    for fy in project.year_list:
        forms.append(Form("measures", f"measures-{fy}", f"ปีงบประมาณ {fy}",
                          f"content/{fy}/measures.yml", measures_fields(fy), "measures", fy))
    for fy in year_folders(project):
        forms.append(Form("assessment", f"assessment-{fy}", f"ปีงบประมาณ {fy}",
                          f"content/{fy}/assessment.yml", assessment_fields(fy), "assessment",
                          fy))
    forms.append(Form("pages", "pages", "หน้าอื่น ๆ", "content/pages", page_fields(), "pages"))
    return forms


COLLECTION_LABELS = {
    "settings": ("ข้อมูลหน่วยงานและผู้บริหาร", "site_config.yml: ข้อ o2 และ o3 ตรวจจากที่นี่"),
    "measures": ("มาตรการ o27 และความก้าวหน้า o28", "content/<ปี>/measures.yml"),
    "assessment": ("ผลการประเมิน ITA", "content/<ปี>/assessment.yml: คะแนนที่ ป.ป.ช. ประกาศ"),
}


def decap_config(project: Project, api_url: str, locale: str = "th") -> dict[str, Any]:
    """The Decap CMS configuration of this project (served as /admin/config.yml)."""
    forms = project_forms(project)
    collections: list[dict[str, Any]] = []
    by_collection: dict[str, list[Form]] = {}
    for f in forms:
        by_collection.setdefault(f.collection, []).append(f)
    for name, group in by_collection.items():
        first = group[0]
        if first.kind == "pages":
            collections.append({
                "name": "pages", "label": "หน้าอื่น ๆ", "label_singular": "หน้า",
                "description": "content/pages/: หน้าเกี่ยวกับหน่วยงาน ข่าว ฯลฯ "
                               "(ชื่อไฟล์ของหน้าใหม่ตั้งให้อัตโนมัติ)",
                "folder": first.file, "extension": "md", "format": "frontmatter",
                "create": True, "delete": True, "slug": PAGE_SLUG,
                "identifier_field": "title", "summary": "{{title}}",
                "fields": [f.decap() for f in first.fields]})
            continue
        if first.kind == "item":
            cat = project.years[first.year or 0].catalogue
            label = f"OIT ปีงบประมาณ {first.year}"
            description = cat.title
        else:
            label, description = COLLECTION_LABELS[name]
        collections.append({
            "name": name, "label": label, "description": description, "delete": False,
            "editor": {"preview": True},
            "files": [{"name": f.name, "label": f.label, "file": f.file,
                       "format": "frontmatter" if f.file.endswith(".md") else "yml",
                       "fields": [x.decap() for x in f.fields]} for f in group]})
    return {
        "backend": {"name": "proxy", "proxy_url": api_url, "branch": "main"},
        "local_backend": {"url": api_url, "allowed_hosts": ["127.0.0.1", "localhost"]},
        "locale": locale,
        "media_folder": MEDIA_ROOT,
        "public_folder": "files",
        "publish_mode": "simple",
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "site_url": "/",
        "show_preview_links": False,
        "search": False,
        "collections": collections,
    }


def form_of(project: Project, rel: str) -> Form | None:
    """The form that edits `rel` (the first one, for site_config.yml)."""
    for f in project_forms(project):
        if f.file == rel or (f.kind == "pages" and rel.startswith(f.file + "/")):
            return f
    return None


def fields_of(project: Project, rel: str) -> tuple[Field, ...]:
    """Every field that may appear in `rel` (site_config.yml: all three forms')."""
    out: list[Field] = []
    for f in project_forms(project):
        if f.file == rel or (f.kind == "pages" and rel.startswith(f.file + "/")):
            out.extend(f.fields)
    return tuple(out)


_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def thai_path(fields: tuple[Field, ...], path: str) -> str:
    """`evidence[1].date` → `หลักฐาน รายการที่ 2 › วันที่ในเอกสาร`: a problem's YAML path in
    the words of the form (parts without a form field stay as written)."""
    parts: list[str] = []
    scope: tuple[Field, ...] = fields
    current: Field | None = None
    for m in _STEP.finditer(path or ""):
        key, index = m.group(1), m.group(2)
        if index is not None:
            parts.append(f"รายการที่ {int(index) + 1}")
            if current is not None and current.item is not None:
                scope = (current.item,)
            continue
        current = next((f for f in scope if f.name == key), None)
        if current is None:
            parts.append(key)
            scope = ()
        else:
            parts.append(current.label)
            scope = current.fields
    return " › ".join(parts).replace(" › รายการที่", " รายการที่")


def media_folders(forms: Iterable[Form]) -> list[str]:
    """Every upload folder of the forms (relative to the project folder)."""
    found: set[str] = {MEDIA_ROOT}

    def walk(fs: Iterable[Field]) -> None:
        for f in fs:
            if "media_folder" in f.extra:
                found.add(str(f.extra["media_folder"]).strip("/"))
            walk(f.fields)
            if f.item is not None:
                walk((f.item,))

    for form in forms:
        walk(form.fields)
    return sorted(found)


def preview_path(form: Form, rel: str) -> str:
    """The docs path of the page that shows `rel` (see generator.serve.page_url)."""
    if form.kind == "item":
        return f"{form.year}/oit/{form.item}.md"
    if form.kind == "assessment":
        return f"{form.year}/assessment.md"
    if form.kind == "measures":
        return f"{form.year}/oit/index.md"
    if form.kind == "pages":
        return f"{Path(rel).stem}.md"
    return "index.md"
