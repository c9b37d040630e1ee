"""Page weight and search index size of the example council (issue 17's budget).

`python -m bench` builds the repository's example council (content/, site_config.yml; the
pages the budget was set on) into the benchmark's temp folder with `prongsai build`, then:

- **page weight**: what an item page really loads at phone size (360 px) in Chromium: its
  HTML, stylesheets, scripts and fonts, uncompressed and gzipped (as tests/test_weight.py
  measures it): 2568's monthly procurement item (o12, seed 000 l.111, the heaviest item
  page without a printed document), the typical item page (the median by HTML size) and
  the heaviest one of all (o27/o28, which carry the council's printed document and have a
  budget of their own). Budget 400 KiB a page, 460 KiB for a page with a document. Without
  Playwright or Debian's chromium only the pages' HTML is weighed (`"measured": "html"`).
- **search index**: `search/search_index.json` in bytes and gzipped, and its growth over
  the example's index before issue 17 (main e53a090: 410,060 bytes); target ≤ 1.15.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from bench.preview import free_port
from bench.procs import REPO, prongsai, run

KIB = 1024
PAGE_BUDGET = 400 * KIB
DOCUMENT_BUDGET = 460 * KIB
INDEX_BEFORE = 410_060  # the example's index at main e53a090, before issue 17
INDEX_GROWTH = 0.15
PROCUREMENT_ITEM = "2568/oit/o12/"  # 2568's list of procurement and its progress (seed 000)
PAGE_KINDS = {"document", "stylesheet", "script", "font"}


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


def _gz(data: bytes) -> int:
    return len(gzip.compress(data, 9, mtime=0))


def _browser_weights(site: Path, paths: list[str]) -> dict[str, dict[str, Any]] | None:
    """Bytes each page loads in Chromium at 360 px, by kind; None without a browser."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    from bench.editor import CHROMIUM

    if not Path(CHROMIUM).exists():
        return None
    handler = functools.partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{httpd.server_address[1]}/"
    out: dict[str, dict[str, Any]] = {}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=[
                "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking"])
            try:
                for path in paths:
                    context = browser.new_context(viewport={"width": 360, "height": 740})
                    seen: list[tuple[str, str]] = []

                    def record(request: Any, seen: list[tuple[str, str]] = seen) -> None:
                        seen.append((request.resource_type, request.url))

                    context.on("request", record)
                    page = context.new_page()
                    page.goto(base + path, wait_until="networkidle")
                    page.wait_for_timeout(300)
                    context.close()
                    out[path] = _tally(site, base, seen)
            finally:
                browser.close()
    finally:
        httpd.shutdown()
        httpd.server_close()
    return out


def _tally(site: Path, base: str, seen: list[tuple[str, str]]) -> dict[str, Any]:
    row = {"page_bytes": 0, "page_gzip_bytes": 0, "font_bytes": 0, "search_bytes": 0,
           "search_gzip_bytes": 0, "other_bytes": 0}
    for kind, url in dict.fromkeys(seen):  # each resource once
        rel = urlsplit(url).path[len(urlsplit(base).path):]
        f = site / rel / "index.html" if rel == "" or rel.endswith("/") else site / rel
        if not f.is_file():
            continue
        data = f.read_bytes()
        if "/search/" in url or "/workers/" in url:
            row["search_bytes"] += len(data)
            row["search_gzip_bytes"] += _gz(data)
        elif kind in PAGE_KINDS:
            row["page_bytes"] += len(data)
            row["page_gzip_bytes"] += _gz(data)
            if kind == "font":
                row["font_bytes"] += len(data)
        else:
            row["other_bytes"] += len(data)
    return row


def bench_weight(work: Path) -> dict[str, Any]:
    """Build the example council and weigh its item pages and search index."""
    site = work / "example-site"
    run(prongsai("build", "--project", str(REPO), "--out", str(site), "--quiet"),
        ok=(0, 1))  # the example has problems on purpose (exit 1: built with problems)
    items = sorted((p for p in (site / "2568" / "oit").glob("o*/index.html")),
                   key=lambda p: (p.stat().st_size, p.parent.name))
    documents = {p for p in items if 'class="pg-document' in p.read_text("utf-8")}
    plain = [p for p in items if p not in documents]
    chosen = {"procurement": PROCUREMENT_ITEM,
              "median": f"2568/oit/{plain[len(plain) // 2].parent.name}/",
              "heaviest_without_document": f"2568/oit/{plain[-1].parent.name}/",
              "heaviest": f"2568/oit/{items[-1].parent.name}/"}
    paths = sorted(set(chosen.values()))
    weights = _browser_weights(site, paths)
    pages: dict[str, Any] = {}
    for path in paths:
        html = (site / path / "index.html").read_bytes()
        has_document = (site / path / "index.html") in documents
        row: dict[str, Any] = {"html_bytes": len(html), "html_gzip_bytes": _gz(html),
                               "budget_bytes": DOCUMENT_BUDGET if has_document
                               else PAGE_BUDGET}
        if weights is not None:
            row.update(weights[path])
            row["within_budget"] = row["page_bytes"] <= row["budget_bytes"]
        pages[path] = row
    index = (site / "search" / "search_index.json").read_bytes()
    return {
        "measured": "chromium" if weights is not None else "html",
        "pages": pages,
        "which": chosen,
        "search_index_bytes": len(index),
        "search_index_gzip_bytes": _gz(index),
        "search_index_growth": round(len(index) / INDEX_BEFORE, 4),
        "search_index_target": round(1 + INDEX_GROWTH, 2),
    }


def summary(w: dict[str, Any]) -> str:
    def kib(n: int) -> str:
        return f"{n / KIB:.1f} KiB"

    parts = []
    for name, path in w["which"].items():
        row = w["pages"][path]
        size = (f"{kib(row['page_bytes'])} ({kib(row['page_gzip_bytes'])} gzip; HTML "
                f"{kib(row['html_bytes'])})" if "page_bytes" in row
                else f"HTML {kib(row['html_bytes'])}")
        parts.append(f"{name} {path} {size} of {kib(row['budget_bytes'])}")
    return (f"example council page weight ({w['measured']}): " + "; ".join(parts)
            + f". Search index {kib(w['search_index_bytes'])} "
            f"({kib(w['search_index_gzip_bytes'])} gzip), ×{w['search_index_growth']} of "
            f"the index before issue 17 (target ≤ ×{w['search_index_target']})")
