"""Thai presentation: Buddhist-era dates, the Thai-digits option and the corrected Thai
interface strings."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, build_into, page_html

CE_YEAR = re.compile(r"(?<![\d/])(19\d\d|20\d\d)(?![\d/])")


def visible_text(html: str) -> str:
    soup = BeautifulSoup(html, "html.parser")
    article = soup.select_one("article")
    assert article is not None
    for tag in article.select("code, script, style, a[href^='http']"):
        tag.decompose()
    return article.get_text(" ")


def test_dates_are_buddhist_era(example_site: Path) -> None:
    """No Christian-era year in what the site shows (hrefs and file names aside)."""
    pages = [p for p in example_site.rglob("index.html")]
    assert len(pages) > 60
    for page in pages:
        text = visible_text(page_html(page))
        assert "ค.ศ." not in text, page
        years = [y for y in CE_YEAR.findall(text)]
        assert years == [], (page.relative_to(example_site), years[:5])


@pytest.fixture(scope="module")
def thai_digit_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example council with `site.thai_digits: true`."""
    root = tmp_path_factory.mktemp("thaidigits")
    shutil.copytree(REPO / "content", root / "content")
    cfg = (REPO / "site_config.yml").read_text("utf-8")
    assert "thai_digits: false" in cfg
    (root / "site_config.yml").write_text(cfg.replace("thai_digits: false", "thai_digits: true"),
                                          "utf-8")
    return build_into(root, root / "site").out


GENERATED = (".pg-facts dd, .pg-when, .pg-summary, .pg-counts, p.pg-lead, "
             "table.pg-oit td:not(.pg-id), table.pg-evidence td:first-child, "
             "table.pg-evidence td:nth-child(3)")


def test_thai_digits_option_reaches_every_generated_number(thai_digit_site: Path) -> None:
    checked = 0
    for rel in ("index.html", "2568/index.html", "2568/oit/index.html",
                "2568/oit/o12/index.html", "2568/oit/o11/index.html", "2569/oit/index.html"):
        soup = BeautifulSoup(page_html(thai_digit_site / rel), "html.parser")
        for el in soup.select(GENERATED):
            for a in el.select("a[href^='http']"):
                a.decompose()
            text = el.get_text(" ")
            assert not re.search(r"[0-9]", text), (rel, text.strip()[:120])
            checked += 1
    assert checked > 100
    item = page_html(thai_digit_site / "2568/oit/o12/index.html")
    assert "ปีงบประมาณ</dt> <dd>๒๕๖๘</dd>" in item.replace("\n", "")


def test_thai_interface_strings(example_site: Path) -> None:
    """Material's Thai translation errors are overridden (partials/languages/th.html)."""
    html = page_html(example_site / "2568/oit/o12/index.html")
    soup = BeautifulSoup(html, "html.parser")
    assert soup.select_one("a.md-skip").get_text(strip=True) == "ข้ามไปยังเนื้อหาหลัก"
    assert soup.select_one("input.md-search__input")["placeholder"] == "ค้นหา"
    assert soup.select_one(".md-search")["aria-label"] == "ค้นหา"
    assert soup.select_one("nav.md-nav--primary")["aria-label"] == "เมนูนำทาง"
    assert soup.select_one(".md-top").get_text(strip=True) == "กลับไปด้านบนสุด"
    config = json.loads(soup.select_one("#__config").string)
    t = config["translations"]
    assert t["search.result.none"] == "ไม่พบรายการที่ตรงกัน"
    assert t["search.result.other"] == "พบ # รายการที่ตรงกัน"
    assert t["search.result.placeholder"].startswith("พิมพ์เพื่อเริ่มค้นหา (พิมพ์ “ปี”")
    missing = BeautifulSoup(page_html(example_site / "404.html"), "html.parser")
    assert missing.select_one("article h1").get_text(strip=True) == "ไม่พบหน้าที่ต้องการ (404)"
    for page in example_site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "ใย" not in re.sub(r"<[^>]+>", " ", text).split(), page  # upstream typo


# Thai line breaking is measured against newmm, the search's cut, in
# tests/test_browser_reader.py (a comparison with the browser's Intl.Segmenter asked ICU
# whether ICU agrees with itself, issue 17).
