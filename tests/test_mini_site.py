"""A real MkDocs build of a 3-item catalogue: nothing assumes 28 items or o1–o28."""

from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from .conftest import build_into, page_html


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(page_html(path), "html.parser")


def text(el) -> str:  # type: ignore[no-untyped-def]
    return " ".join(el.get_text(" ").split())


def resolve(page_url: str, href: str) -> str:
    return urljoin("https://host/" + page_url, href)[len("https://host/"):]


def test_three_item_site(mini_project: Path, tmp_path: Path) -> None:
    result = build_into(mini_project, tmp_path / "site")
    site = result.out
    for item in ("o3", "o7", "o12"):
        assert (site / "2599" / "oit" / item / "index.html").exists()
    assert not (site / "2599" / "oit" / "o1").exists()
    index = soup(site / "2599" / "oit" / "index.html")
    links = [resolve("2599/oit/", a["href"]) for a in index.select("table.pg-oit th.pg-id a")]
    assert links == ["2599/oit/o3/", "2599/oit/o7/", "2599/oit/o12/"]
    statuses = [text(s) for s in index.select("table.pg-oit .pg-status")]
    assert statuses == ["✔ ครบถ้วน"] * 3
    assert index.select_one(".admonition.warning")  # provisional catalogue is announced
    page = soup(site / "2599" / "oit" / "o7" / "index.html")
    assert page.select_one("h1").get_text(strip=True) == "o7 แผนทดสอบ"
    comps = page.select("ol.pg-components > li")
    assert [c["id"] for c in comps] == ["c-plan", "c-fiscal_year"]
    assert all("pg-component--met" in c["class"] for c in comps)
    link = page.select_one("#c-plan .pg-component__evidence a")
    assert link["href"] == "../../../files/plan.pdf"
    assert (site / "files" / "plan.pdf").exists()
    assert page.select_one("html")["lang"] == "th"
    # sub-path hosting: sitemap and 404 use the configured site URL
    assert "https://example.org/ita/2599/oit/o7/" in (site / "sitemap.xml").read_text()
    assert (site / "404.html").exists()
    assert (site / "2599" / "itas-urls.csv").read_text("utf-8-sig").splitlines()[1] == \
        "o3,ข้อมูลผู้บริหาร,https://example.org/ita/2599/oit/o3/"


def test_monthly_rule_counts_months_to_as_of(mini_project: Path, tmp_path: Path) -> None:
    cfg = mini_project / "site_config.yml"
    cfg.write_text(cfg.read_text("utf-8").replace("as_of: 2598-12-15", "as_of: 2599-01-15"),
                   "utf-8")
    result = build_into(mini_project, tmp_path / "site")
    report = result.reports[2599]
    assert report.item("o12").status == "incomplete"
    rows = [(p.code, p.item, p.component, p.value) for p in report.problems]
    assert rows == [("period-months-missing", "o12", "monthly", "ธ.ค. 2598")]


def test_missing_item_file(mini_project: Path, tmp_path: Path) -> None:
    (mini_project / "content" / "2599" / "oit" / "o7.md").unlink()
    result = build_into(mini_project, tmp_path / "site")
    report = result.reports[2599]
    assert report.item("o7").status == "missing"
    assert [(p.code, p.item, p.file) for p in report.problems] == [
        ("item-file-missing", "o7", "content/2599/oit/o7.md")]
    index = soup(result.out / "2599" / "oit" / "index.html")
    row = index.select("table.pg-oit tbody tr")[1]
    assert text(row.select_one(".pg-status")) == "✘ ยังไม่มีข้อมูล"
