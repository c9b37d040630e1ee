"""Edit-to-preview: start the real `prongsai serve`, save an item file, and poll the page
until the new text is served."""

from __future__ import annotations

import os
import re
import signal
import socket
import statistics
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

from bench.procs import child_env, prongsai


def free_port() -> int:
    """A free port on 127.0.0.1: the first free one of `BENCH_PORTS` (e.g. `8750-8799`,
    for a machine whose users share out port ranges), else one the system picks."""
    low, _, high = os.environ.get("BENCH_PORTS", "").partition("-")
    candidates = range(int(low), int(high or low) + 1) if low.isdigit() else range(0, 1)
    for port in candidates:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return int(s.getsockname()[1])
    raise OSError(f"no free port in BENCH_PORTS={os.environ['BENCH_PORTS']}")


def fetch(url: str, timeout: float = 60) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=timeout) as r:  # noqa: S310 (loopback)
            return str(r.read().decode("utf-8", "replace"))
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


LINE_BREAKS = re.compile(r"</?nobr>|<wbr>")  # Thai line-break markup: no text of its own


def wait_for(url: str, needle: str, deadline: float, interval: float = 0.01) -> float | None:
    """Poll until the page's text contains `needle` (the Thai line-break markup around its
    words aside, generator/engine/linebreak.py); return the time it did (perf_counter)."""
    while time.perf_counter() < deadline:
        page = fetch(url)
        if page is not None and needle in LINE_BREAKS.sub("", page):
            return time.perf_counter()
        time.sleep(interval)
    return None


def edit_body(path: Path, marker: str) -> None:
    """Officer adds a sentence to the item's free text."""
    text = path.read_text("utf-8")
    path.write_text(text.rstrip("\n") + f"\n\nเพิ่มเติม {marker}\n", "utf-8")


def edit_evidence(path: Path, marker: str) -> None:
    """Officer corrects the title of the first piece of evidence (front matter)."""
    text = path.read_text("utf-8")
    new, n = re.subn(r"(?m)^(  - title: )(.*)$", lambda m: f"{m.group(1)}{m.group(2)} {marker}",
                     text, count=1)
    if not n:
        raise ValueError(f"{path} has no evidence to edit")
    path.write_text(new, "utf-8")


EDITS = [("body", edit_body), ("evidence", edit_evidence)]


def measure(project: Path, fy: int, item: str, edits: int, mount: str = "/ita/",
            start_timeout: float = 300, edit_timeout: float = 60) -> dict[str, Any]:
    """Serve `project`, then make `edits` edits to content/<fy>/oit/<item>.md alternately in
    its body and its evidence; return the seconds from each save to the updated page."""
    port = free_port()
    log = project.parent / f"{project.name}-serve.log"
    url = f"http://127.0.0.1:{port}{mount}{fy}/oit/{item}/"
    target = project / "content" / str(fy) / "oit" / f"{item}.md"
    with open(log, "wb") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(prongsai("serve", "--project", str(project), "--addr",
                                         f"127.0.0.1:{port}"),
                                env=child_env(), stdout=out, stderr=subprocess.STDOUT)
        results: list[dict[str, Any]] = []
        usage = None
        try:
            ready = wait_for(url, "</html>", started + start_timeout, interval=0.1)
            if ready is None:
                raise RuntimeError(f"serve did not come up; see {log}")
            first = ready - started
            time.sleep(1.0)  # let the file watcher take its first snapshot
            for i in range(edits):
                kind, edit = EDITS[i % len(EDITS)]
                marker = f"bench{os.getpid()}x{i}"
                edit(target, marker)
                saved = time.perf_counter()
                seen = wait_for(url, marker, saved + edit_timeout)
                results.append({"kind": kind,
                                "seconds": None if seen is None else round(seen - saved, 3)})
                time.sleep(0.5)
        finally:
            proc.send_signal(signal.SIGINT)
            try:
                _, status, usage = _wait4(proc.pid, 20)
            except TimeoutError:
                proc.kill()
                _, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = os.waitstatus_to_exitcode(status)
    times = sorted(r["seconds"] for r in results if r["seconds"] is not None)
    return {
        "page": f"{fy}/oit/{item}/",
        "first_build_s": round(first, 3),
        "edits": results,
        "median_s": round(statistics.median(times), 3) if times else None,
        "max_s": max(times) if times else None,
        "failed": sum(1 for r in results if r["seconds"] is None),
        "peak_mb": round(usage.ru_maxrss / 1024, 1) if usage else None,
    }


def _wait4(pid: int, timeout: float) -> tuple[int, int, Any]:
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        got = os.wait4(pid, os.WNOHANG)
        if got[0]:
            return got
        time.sleep(0.05)
    raise TimeoutError
