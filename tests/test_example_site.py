"""The example council built with MkDocs: every item page exists and reads right."""

from pathlib import Path
from urllib.parse import urljoin

from bs4 import BeautifulSoup

from generator.load.catalogue import load_year


def soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text("utf-8"), "html.parser")


def text(el) -> str:  # type: ignore[no-untyped-def]
    return " ".join(el.get_text(" ").split())


def test_every_item_page_has_title_and_checklist(example_site: Path) -> None:
    cat = load_year(2568)
    for item in cat.items:
        page = example_site / "2568" / "oit" / item.id / "index.html"
        assert page.exists(), item.id
        s = soup(page)
        assert text(s.select_one("h1")) == f"{item.id} {item.title}"
        comps = s.select("ol.pg-components > li")
        assert [c["id"] for c in comps] == [f"c-{c.id}" for c in item.components], item.id
        for li in comps:
            state = text(li.select_one(".pg-met"))
            assert state in ("✔ มีแล้ว", "✘ ยังไม่มี")
        assert s.select_one("html")["lang"] == "th"


def test_index_links_every_item_grouped_by_sub_indicator(example_site: Path) -> None:
    cat = load_year(2568)
    s = soup(example_site / "2568" / "oit" / "index.html")
    hrefs = [urljoin("https://h/2568/oit/", a["href"]) for a in s.select("td.pg-id a")]
    assert hrefs == [f"https://h/2568/oit/{i.id}/" for i in cat.items]
    headings = [text(h) for h in s.select("h3")]
    assert headings[0].startswith("9.1") and headings[-1].startswith("10.2")


def test_deliberate_gaps_show_on_the_index(example_site: Path) -> None:
    s = soup(example_site / "2568" / "oit" / "index.html")
    status = {text(r.select_one("td.pg-id")): text(r.select_one(".pg-status"))
              for r in s.select("table.pg-oit tbody tr")}
    incomplete = sorted((k for k, v in status.items() if v != "✔ ครบถ้วน"),
                        key=lambda x: int(x[1:]))
    assert incomplete == ["o13", "o14", "o19", "o20"]


def test_o2_and_o3_come_from_site_config(example_site: Path) -> None:
    o2 = soup(example_site / "2568" / "oit" / "o2" / "index.html")
    people = o2.select("figure.pg-person")
    assert len(people) == 5
    for fig in people:
        img = fig.select_one("img")
        assert img["alt"].startswith("รูปถ่าย ")
        assert (example_site / "2568" / "oit" / "o2" / img["src"]).resolve().exists()
    o3 = soup(example_site / "2568" / "oit" / "o3" / "index.html")
    contact = text(o3.select_one("dl.pg-contact"))
    for part in ("ที่อยู่", "โทรศัพท์", "โทรสาร", "อีเมล", "แผนที่"):
        assert part in contact
    assert o3.select_one("dl.pg-contact a[href^='https://www.openstreetmap.org/']")


def test_evidence_links_resolve(example_site: Path) -> None:
    for page in (example_site / "2568" / "oit").glob("o*/index.html"):
        for a in soup(page).select(".pg-evidence a[href]"):
            href = a["href"]
            if href.startswith(("http", "#", "mailto:", "tel:")):
                continue
            target = (page.parent / href).resolve()
            assert target.exists(), (page, href)


def test_years_are_reachable_from_every_year(example_site: Path) -> None:
    for fy in ("2568", "2569"):
        s = soup(example_site / fy / "oit" / "index.html")
        tabs = [text(a) for a in s.select(".md-tabs__link")]
        assert "ปีงบประมาณ 2568" in tabs and "ปีงบประมาณ 2569" in tabs


def test_buddhist_era_dates(example_site: Path) -> None:
    s = soup(example_site / "2568" / "oit" / "o21" / "index.html")
    facts = text(s.select_one("dl.pg-facts"))
    assert "2567" in facts or "2568" in facts
    assert "2024" not in facts and "2025" not in facts


def test_host_files(example_site: Path) -> None:
    assert (example_site / "404.html").exists()
    sitemap = (example_site / "sitemap.xml").read_text("utf-8")
    assert "https://www.nongsaisaat.example/ita/2568/oit/o5/" in sitemap
    s = soup(example_site / "404.html")
    css = [link["href"] for link in s.select("link[rel=stylesheet]")]
    assert all(h.startswith("/ita/") for h in css), css  # absolute under the sub-path
