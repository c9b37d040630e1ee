"""`prongsai edit`: from a save in the editor to the updated checklist and preview, and the
editor's first load.

The real `prongsai edit` runs on 127.0.0.1. A save is the request Decap CMS sends
(`persistEntry` with the file as the form serialises it), here the title of the first piece
of evidence of `content/<newest year>/oit/o5.md` changed; the time runs from sending it until
both the checklist (`/api/prongsai/checklist`) and the item's preview page show the new
title (the save answers once its preview is rebuilt, so this is the save plus two reads).
The first load: with Playwright and Debian's chromium present (the test extras), a fresh
browser opens /admin/ and the time runs until Decap shows the year's collection in Thai;
without them, the time to fetch what that page loads (page, scripts, styles, config, the
first protocol calls) over HTTP, which leaves out the browser's own work."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import statistics
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Any

from bench.preview import fetch, free_port, wait_for
from bench.procs import child_env, prongsai

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def _post(base: str, action: str, params: dict[str, Any]) -> tuple[int, Any]:
    req = urllib.request.Request(
        base + "/api/v1", method="POST", data=json.dumps({"action": action,
                                                          "params": params}).encode(),
        headers={"Content-Type": "application/json", "Origin": base})
    try:
        with urllib.request.urlopen(req, timeout=120) as r:  # noqa: S310 (loopback)
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def first_load_browser(base: str, label: str) -> float | None:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    if not Path(CHROMIUM).exists():
        return None
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run",
            "--disable-background-networking"])
        try:
            page = b.new_page(viewport={"width": 1366, "height": 900})
            started = time.perf_counter()
            page.goto(base + "/admin/")
            page.get_by_text(label).first.wait_for(timeout=60_000)
            return time.perf_counter() - started
        finally:
            b.close()


def first_load_http(base: str) -> float:
    started = time.perf_counter()
    page = fetch(base + "/admin/") or ""
    for src in re.findall(r'(?:src|href)="([^"]+)"', page):
        if not src.startswith("data:"):
            fetch(base + "/admin/" + src)
    fetch(base + "/admin/config.yml")
    _post(base, "info", {})
    return time.perf_counter() - started


def measure(project: Path, fy: int, item: str, edits: int, start_timeout: float = 300
            ) -> dict[str, Any]:
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    rel = f"content/{fy}/oit/{item}.md"
    log = project.parent / f"{project.name}-edit.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(prongsai("edit", "--project", str(project), "--addr",
                                         f"127.0.0.1:{port}", "--no-browser"),
                                env=child_env(), stdout=out, stderr=subprocess.STDOUT)
        try:
            if wait_for(base + "/admin/", "decap", time.perf_counter() + start_timeout,
                        interval=0.1) is None:
                raise RuntimeError(f"prongsai edit did not start: see {log}")
            label = f"OIT ปีงบประมาณ {fy}"
            browser = first_load_browser(base, label)
            http = first_load_http(base)
            seconds: list[float] = []
            for n in range(edits):
                _, entry = _post(base, "getEntry", {"path": rel})
                raw = entry["data"]
                marker = f"แก้ไขครั้งที่{n}x{os.getpid()}"
                new, count = re.subn(r"(?m)^(  - title: )(.*)$",
                                     lambda m, mk=marker: f"{m.group(1)}{m.group(2)} {mk}",
                                     raw, count=1)
                if not count:
                    raise RuntimeError(f"{rel} has no evidence to edit")
                started = time.perf_counter()
                status, out_json = _post(base, "persistEntry", {
                    "dataFiles": [{"path": rel, "raw": new}], "assets": [],
                    "prongsai_base": {rel: entry["file"]["id"]}})
                if status != 200:
                    raise RuntimeError(f"save refused: {out_json}")
                checklist = json.loads(fetch(
                    f"{base}/api/prongsai/checklist?path={rel}") or "{}")
                done = wait_for(base + checklist["preview"], marker,
                                started + 60)
                if done is None:
                    raise RuntimeError("the preview did not show the save")
                seconds.append(done - started)
        finally:
            proc.send_signal(signal.SIGTERM)
            try:
                proc.wait(timeout=60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
    return {
        "save_to_checklist_and_preview_s": [round(s, 3) for s in seconds],
        "median_s": round(statistics.median(seconds), 3) if seconds else None,
        "first_load_browser_s": None if browser is None else round(browser, 3),
        "first_load_http_s": round(http, 3),
    }
