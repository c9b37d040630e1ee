"""Thai presentation: Buddhist-era dates, the Thai-digits option, Thai line breaking in
tables (never inside a word), and the corrected Thai interface strings."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, build_into

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
        text = visible_text(page.read_text("utf-8"))
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
        soup = BeautifulSoup((thai_digit_site / rel).read_text("utf-8"), "html.parser")
        for el in soup.select(GENERATED):
            for a in el.select("a[href^='http']"):
                a.decompose()
            text = el.get_text(" ")
            assert not re.search(r"[0-9]", text), (rel, text.strip()[:120])
            checked += 1
    assert checked > 100
    item = (thai_digit_site / "2568/oit/o12/index.html").read_text("utf-8")
    assert "ปีงบประมาณ</dt><dd>๒๕๖๘</dd>" in item.replace("\n", "")


def test_thai_interface_strings(example_site: Path) -> None:
    """Material's Thai translation errors are overridden (partials/languages/th.html)."""
    html = (example_site / "2568/oit/o12/index.html").read_text("utf-8")
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
    assert t["search.result.placeholder"] == "พิมพ์เพื่อเริ่มค้นหา"
    missing = BeautifulSoup((example_site / "404.html").read_text("utf-8"), "html.parser")
    assert missing.select_one("article h1").get_text(strip=True) == "ไม่พบหน้าที่ต้องการ (404)"
    for page in example_site.rglob("*.html"):
        text = page.read_text("utf-8")
        assert "ใย" not in re.sub(r"<[^>]+>", " ", text).split(), page  # upstream typo


LINE_BREAKS = """(sel) => {
  const seg = new Intl.Segmenter('th', {granularity: 'word'});
  const bad = []; let breaks = 0;
  for (const cell of document.querySelectorAll(sel)) {
    const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent;
      if (!/[\\u0e01-\\u0e4f]/.test(text)) continue;
      const bounds = new Set([0, text.length]);
      for (const s of seg.segment(text)) bounds.add(s.index);
      const range = document.createRange();
      let lastTop = null;
      for (let i = 0; i < text.length; i++) {
        if (/\\s/.test(text[i])) { lastTop = null; continue; }
        range.setStart(node, i); range.setEnd(node, i + 1);
        const rect = range.getClientRects()[0];
        if (!rect) continue;
        if (lastTop !== null && rect.top > lastTop + 4) {
          breaks++;
          if (!bounds.has(i))
            bad.push(text.slice(Math.max(0, i - 8), i) + '|' + text.slice(i, i + 8));
        }
        lastTop = rect.top;
      }
    }
  }
  return {breaks, bad};
}"""


@pytest.mark.browser
@pytest.mark.parametrize("path,selector", [
    ("2568/oit/", "table.pg-oit td"),
    ("2568/oit/o12/", "table.pg-evidence td"),
    ("2568/checklist/", "table.pg-table td"),
])
def test_tables_break_thai_lines_between_words(browser, example_server, path: str,
                                               selector: str) -> None:  # type: ignore
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.goto(example_server.url + path, wait_until="networkidle")
    page.evaluate("document.fonts.ready")
    result = page.evaluate(LINE_BREAKS, selector)
    page.close()
    assert result["breaks"] > 5, result  # the test saw wrapped Thai lines
    assert result["bad"] == [], result
