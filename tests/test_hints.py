"""Fix hints never carry the example council's data (issue 20): an officer pastes what a hint
suggests, so a hint is built from the council's own data or from neutral placeholders. The
example council's values (site_config.yml at the repository root) are searched for in every
kind's texts and in every problem reported on councils that lack what the hints are about."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from generator.base.problems import Problem, kinds
from generator.check.archive import check_archive
from generator.check.year import check_year
from generator.load.project import load_project

from .badinput.corpus import case_names, load_case, make_project
from .conftest import FIXTURES, REPO, TODAY

# what site_config.yml says of the example council that could be pasted as another's
COUNCIL_KEYS = ("council", "executives", "eit_survey_url", "years", "site")
# the council type, display options and words any council uses are no one's data
GENERIC = {"อบต.", "long", "short", "คนที่", "Administrative", "Organization", "Subdistrict",
           "itas.nacc.go.th"}


def _leaves(value: Any, key: str = "") -> list[str]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in _leaves(v, str(k))]
    if isinstance(value, list):
        return [x for v in value for x in _leaves(v, key)]
    if isinstance(value, bool) or value is None or key in ("type", "current_year", "as_of"):
        return []
    return [str(value)]


def example_data() -> set[str]:
    """Every value the example council gives, and the distinctive parts of the longer ones
    (a phone number without its extension, the place names in its address)."""
    cfg = yaml.safe_load((REPO / "site_config.yml").read_text("utf-8"))
    values = [v for k in COUNCIL_KEYS if k in cfg for v in _leaves(cfg[k])]
    needles = set()
    for v in values:
        if v in GENERIC or len(v) < 4:
            continue
        needles.add(v)
        needles.update(t for t in re.split(r"[\s,()]+", v) if len(t) >= 5 and not t.isdigit()
                       or re.fullmatch(r"\d{5}", t))
        needles.update(re.findall(r"\d-\d{4}-\d{4}|\d+\.\d{3,}", v))
        host = re.match(r"https?://(?:www\.)?([^/]+)", v)
        if host:
            needles.add(host.group(1))
    return needles - GENERIC


NEEDLES = example_data()


def test_the_example_data_is_what_a_hint_must_not_carry() -> None:
    # the values a hint once suggested (issue 20), and others of the same council
    assert {"0-5366-2142", "20.1432", "99.8561", "0-5366-2140", "57110",
            "nongsaisaat.example", "อำเภอแม่จัน"} <= NEEDLES


def leaked(texts: dict[str, str]) -> list[str]:
    return [f"{where}: {needle!r}" for where, text in texts.items() for needle in NEEDLES
            if needle in text]


@pytest.mark.parametrize("kind", kinds(), ids=lambda k: k.code)
def test_no_kind_text_carries_example_data(kind: Any) -> None:
    assert leaked({"fix": kind.fix, "fix_th": kind.fix_th, "message": kind.template,
                   "message_th": kind.template_th}) == []


def problems_of(root: Path) -> list[Problem]:
    project = load_project(root)
    found = list(project.problems)
    for fy in project.year_list:
        found += check_year(project, fy, TODAY).problems
    for fy in project.archives:
        found += check_archive(project, fy).problems
    return found


def _councils(tmp: Path) -> list[Path]:
    """Councils that lack what hints are about: contacts, executives, a map, the site's
    address, item files, dates; each in another province than the example's."""
    out = []
    real = tmp / "real"
    shutil.copytree(FIXTURES / "real-council", real)
    (real / "content/2568/oit/o2.md").unlink()  # no link: the executives and contact hints
    (real / "content/2568/oit/o3.md").unlink()
    out.append(real)
    bare = tmp / "bare"
    shutil.copytree(FIXTURES / "real-council", bare)
    cfg = bare / "site_config.yml"
    text = cfg.read_text("utf-8")
    for key in ("subdistrict", "district", "province", "address", "phones", "website"):
        text = re.sub(rf"^  {key}:.*\n", "", text, flags=re.M)
    cfg.write_text(text + "executives:\n  - name: นายหนึ่ง\n", "utf-8")
    (bare / "content/2568/oit/o2.md").unlink()
    (bare / "content/2568/oit/o3.md").unlink()
    out.append(bare)
    mini = tmp / "mini"
    shutil.copytree(FIXTURES / "mini", mini)
    out.append(mini)
    return out


def test_no_reported_problem_carries_example_data(tmp_path: Path) -> None:
    found: list[Problem] = []
    for root in _councils(tmp_path):
        found += problems_of(root)
    codes = {p.code for p in found}
    # the hints this test is about were produced
    assert {"contact-incomplete", "executives-missing", "executive-incomplete",
            "site-url-missing", "item-file-missing"} <= codes
    bad = [f"{p.code} {p.file}" + "; ".join(leaked({"fix": p.fix, "fix_th": p.fix_th,
                                                     "message": p.message,
                                                     "message_th": p.message_th}))
           for p in found if leaked({"fix": p.fix, "fix_th": p.fix_th, "message": p.message,
                                     "message_th": p.message_th})]
    assert bad == []
    # what the hints suggest instead: the council's own place names, or placeholders
    fax = next(p for p in found if p.code == "contact-incomplete" and p.component == "fax")
    assert "0-XXXX-XXXX" in fax.fix_th
    address = [p for p in found if p.code == "contact-incomplete" and p.component == "address"]
    assert address and "ตำบล…" in address[0].fix_th


def test_hints_use_the_councils_own_data(tmp_path: Path) -> None:
    root = _councils(tmp_path)[0]
    cfg = root / "site_config.yml"
    cfg.write_text(re.sub(r"^  address:.*\n", "", cfg.read_text("utf-8"), flags=re.M), "utf-8")
    found = problems_of(root)
    address = next(p for p in found if p.code == "contact-incomplete" and
                   p.component == "address")
    assert "ตำบลบ้านจริงใจ อำเภอเมืองตัวอย่าง จังหวัดอำนาจเจริญ" in address.fix_th
    email = next(p for p in found if p.code == "contact-incomplete" and p.component == "email")
    assert "@banjingjai.example" in email.fix_th


def test_no_bad_input_case_reports_example_data(tmp_path: Path) -> None:
    """Every problem of the bad-input corpus (its councils are not the example either)."""
    from generator.base.problems import InputError

    bad = []
    for name in case_names():
        root = make_project(load_case(name), tmp_path / name)
        try:
            found = problems_of(root)
        except InputError as exc:
            found = exc.problems
        bad += [f"{name}: {p.code}: {x}" for p in found for x in leaked(
            {"fix": p.fix, "fix_th": p.fix_th, "message": p.message, "message_th": p.message_th})]
    assert bad == []
