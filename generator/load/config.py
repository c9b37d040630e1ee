"""`site_config.yml`: the council, its executives, the years and the site options."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from generator.base.links import url_problem
from generator.base.problems import InputError, Problem, problem
from generator.base.say import Say
from generator.base.thai import parse_int
from generator.load.documents import DocumentDefaults, Thresholds, read_defaults, read_thresholds
from generator.load.fields import EMPTY_FILE, Reader
from generator.load.mkdocs_settings import check_mkdocs_settings
from generator.load.schema import CONFIG, COUNCIL, EXECUTIVE, MAP, SITE, YEAR_OPTIONS
from generator.load.yamlio import load_yaml_file

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("config-missing", "curly-quotes", "date-era", "date-invalid", "date-weekday",
           "field-missing", "field-type", "field-unknown", "field-value", "path-outside-project",
           "signature-incomplete", "site-url-missing", "text-html", "text-invisible",
           "text-too-long", "url-local", "url-login", "url-malformed", "url-scheme")

CONFIG_NAME = "site_config.yml"


@dataclass(frozen=True)
class MapLocation:
    lat: float
    lon: float
    url: str

    @property
    def link(self) -> str:
        """A map link that opens in any map app (OpenStreetMap; no script, no API key)."""
        if self.url:
            return self.url
        return (f"https://www.openstreetmap.org/?mlat={self.lat:.6f}&mlon={self.lon:.6f}"
                f"#map=17/{self.lat:.6f}/{self.lon:.6f}")


@dataclass(frozen=True)
class Council:
    """The local government that publishes the site."""

    name_th: str
    name_en: str
    short_th: str
    type: str
    subdistrict: str
    district: str
    province: str
    address: str
    phones: tuple[str, ...]
    fax: str
    email: str
    map: MapLocation | None
    website: str
    logo: str


@dataclass(frozen=True)
class Executive:
    """One executive shown on o2 (name, position, photo, contact)."""

    name: str
    position: str
    photo: str
    phone: str
    email: str
    contact: str
    line: int | None = None

    @property
    def has_contact(self) -> bool:
        return bool(self.phone or self.email or self.contact)


@dataclass(frozen=True)
class YearOptions:
    eit_survey_url: str
    catalogue: str


@dataclass(frozen=True)
class SiteOptions:
    """How the site is built; every option is documented in docs/site-config.md."""

    url: str
    date_format: str
    thai_digits: bool
    checklist_public: bool
    as_of: date | None
    search: bool
    headers: bool = True  # write _headers and .htaccess (engine/headers.py)


@dataclass(frozen=True)
class SiteConfig:
    council: Council
    executives: tuple[Executive, ...]
    current_year: int
    eit_survey_url: str
    years: dict[int, YearOptions]
    site: SiteOptions
    mkdocs: dict[str, Any] = field(default_factory=dict)
    file: str = CONFIG_NAME
    analysis: Thresholds = field(default_factory=Thresholds)  # o27: urgent / improve / strength
    documents: DocumentDefaults = field(default_factory=DocumentDefaults)  # o27/o28 memos

    def eit_url(self, fy: int) -> str:
        opts = self.years.get(fy)
        return (opts.eit_survey_url if opts and opts.eit_survey_url else self.eit_survey_url)


def load_config(root: Path) -> tuple[SiteConfig, list[Problem]]:
    """Read site_config.yml; unreadable or structurally broken input raises InputError."""
    path = root / CONFIG_NAME
    if not path.exists():
        raise InputError([problem("config-missing", value=str(root))])
    doc = load_yaml_file(path, CONFIG_NAME)
    problems: list[Problem] = list(doc.problems)
    r = Reader(doc, problems)
    if not isinstance(doc.data, dict):
        found = EMPTY_FILE if doc.data is None else str(doc.data)[:40]
        raise InputError([problem("field-type", file=CONFIG_NAME, line=1, field="site_config.yml",
                                  value=found, expected=Say(
                                      "ข้อมูลแบบ `ชื่อข้อมูล: ค่า` ทีละบรรทัด (เริ่มจาก "
                                      "site_config.yml ของหน่วยงานตัวอย่าง)",
                                      "a YAML mapping of `key: value` lines (start from the "
                                      "example council's site_config.yml)"))])
    r.known_keys((), CONFIG)

    c = ("council",)
    r.mapping(c, required=True)
    r.known_keys(c, COUNCIL)
    m = c + ("map",)
    location = None
    if r.has(m):
        r.mapping(m)
        r.known_keys(m, MAP)
        lat = r.field(MAP, "lat", m)
        lon = r.field(MAP, "lon", m)
        if lat is not None and not -90 <= lat <= 90:
            r.report("field-value", m + ("lat",), value=lat, field="lat", hint="",
                     expected=Say("ละติจูดระหว่าง -90 ถึง 90", "a latitude between -90 and 90"))
            lat = None
        if lon is not None and not -180 <= lon <= 180:
            r.report("field-value", m + ("lon",), value=lon, field="lon", hint="",
                     expected=Say("ลองจิจูดระหว่าง -180 ถึง 180",
                                  "a longitude between -180 and 180"))
            lon = None
        if lat is not None and lon is not None:
            location = MapLocation(lat, lon, _link(r, m + ("url",)))
    name_th = r.field(COUNCIL, "name_th", c) or ""
    council = Council(
        name_th=name_th,
        name_en=r.field(COUNCIL, "name_en", c) or "",
        short_th=r.field(COUNCIL, "short_th", c) or name_th,
        type=r.field(COUNCIL, "type", c),
        subdistrict=r.field(COUNCIL, "subdistrict", c) or "",
        district=r.field(COUNCIL, "district", c) or "",
        province=r.field(COUNCIL, "province", c) or "",
        address=r.field(COUNCIL, "address", c) or "",
        phones=r.field(COUNCIL, "phones", c),
        fax=r.field(COUNCIL, "fax", c) or "",
        email=_email(r, c + ("email",)),
        map=location,
        website=_link(r, c + ("website",)),
        logo=r.field(COUNCIL, "logo", c) or "",
    )

    executives = []
    for i, _ in enumerate(r.seq(("executives",))):
        p = ("executives", i)
        r.mapping(p)
        r.known_keys(p, EXECUTIVE)
        executives.append(Executive(
            name=r.field(EXECUTIVE, "name", p) or "",
            position=r.field(EXECUTIVE, "position", p) or "",
            photo=r.field(EXECUTIVE, "photo", p) or "", phone=r.field(EXECUTIVE, "phone", p) or "",
            email=_email(r, p + ("email",)), contact=r.field(EXECUTIVE, "contact", p) or "",
            line=doc.line(*p)))

    expected_year = Say("ปีงบประมาณ พ.ศ. เช่น 2568", "a Buddhist-era fiscal year such as 2568")
    typed = r.at(("current_year",))
    if isinstance(typed, str) and typed.strip().isdigit() and 1900 <= int(typed) <= 2200:
        expected_year += f" ({typed.strip()} → {int(typed) + 543})"
    current = r.convert(("current_year",), _year, expected_year, required=True) or 0

    years: dict[int, YearOptions] = {}
    for key in r.mapping(("years",)):
        yp = ("years", key)
        fy = None
        try:
            fy = _year(key)
        except ValueError:
            r.report("field-value", yp, value=key, field="years", hint="",
                     expected=Say("ปีงบประมาณ พ.ศ. เช่น `2568:`",
                                  "Buddhist-era fiscal years such as 2568 as keys"))
            continue
        r.mapping(yp)
        r.known_keys(yp, YEAR_OPTIONS)
        catalogue = r.field(YEAR_OPTIONS, "catalogue", yp) or ""
        if catalogue and not inside(root, catalogue):
            r.report("path-outside-project", yp + ("catalogue",), value=catalogue,
                     field=f"years.{key}.catalogue")
            catalogue = ""
        years[fy] = YearOptions(r.field(YEAR_OPTIONS, "eit_survey_url", yp) or "", catalogue)

    s = ("site",)
    r.mapping(s)
    r.known_keys(s, SITE)
    url = r.field(SITE, "url", s) or ""
    if url and not url.startswith(("http://", "https://")):
        r.report("field-value", s + ("url",), value=url, field="site.url", hint="",
                 expected=Say("ที่อยู่เว็บไซต์เต็ม เช่น https://www.example.go.th/ita/",
                              "the full public address, e.g. https://www.example.go.th/ita/"))
        url = ""
    elif not url:
        # the ITAS list (itas-urls.csv) needs each item's full address; only a warning:
        # the site itself works anywhere without it
        r.report("site-url-missing", s + ("url",) if r.has(s) else (), example=(
            f"{current or 'ปีงบประมาณ'}/oit/o1/"), hint=(
            f" (e.g. `{council.website.rstrip('/')}/ita/` if the site is published under "
            "the council's website)" if council.website else ""), hint_th=(
            f" (เช่น `{council.website.rstrip('/')}/ita/` ถ้าเผยแพร่ไว้ใต้เว็บไซต์หลักของหน่วยงาน)"
            if council.website else ""))
    as_of = r.field(SITE, "as_of", s)
    site = SiteOptions(
        url=url,
        date_format=r.field(SITE, "date_format", s),
        thai_digits=r.field(SITE, "thai_digits", s),
        checklist_public=r.field(SITE, "checklist_public", s),
        as_of=as_of,
        search=r.field(SITE, "search", s),
        headers=r.field(SITE, "headers", s),
    )
    mkdocs = check_mkdocs_settings(r, ("mkdocs",))
    cfg = SiteConfig(council=council, executives=tuple(executives), current_year=current,
                     eit_survey_url=r.field(CONFIG, "eit_survey_url") or "", years=years,
                     site=site, mkdocs=mkdocs, analysis=read_thresholds(r, ("analysis",)),
                     documents=read_defaults(r, ("documents",)))
    return cfg, problems


def _link(r: Reader, path: tuple[str | int, ...]) -> str:
    """A public web address shown as a link; anything unsafe or private is reported and
    dropped (the same rules as evidence links)."""

    url = r.text(path, exact=True) or ""
    found = url_problem(url) if url else None
    if found is None:
        return url
    code, params = found
    r.report(code, path, url, None, **params)
    return url if code == "url-login" else ""


EMAIL = re.compile(r"[^@\s<>\"',;:]+@[^@\s<>\"',;:]+\.[^@\s<>\"',;:]+")


def _email(r: Reader, path: tuple[str | int, ...]) -> str:
    email = r.text(path, exact=True) or ""
    if email and not EMAIL.fullmatch(email):
        r.report("field-value", path, value=email, field=path[-1], hint="",
                 expected=Say("อีเมลหนึ่งที่อยู่ เช่น saraban@example.go.th",
                              "one e-mail address such as saraban@example.go.th"))
        return ""
    return email


def inside(root: Path, name: str) -> bool:
    """Does the path `name`, as typed in site_config.yml, lead to a place inside the project
    folder `root` (not absolute, no `..`, no symlink out)?"""
    if name.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", name) or \
            ".." in re.split(r"[/\\]", name):
        return False
    try:
        return (root / name).resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError, ValueError):  # a link loop, a NUL …
        return False


def _year(value: object) -> int:
    fy = parse_int(value)
    if not 2400 <= fy <= 2700:
        raise ValueError(f"{fy} is not a Buddhist-era year")
    return fy
