"""Start the real `prongsai edit` on a free loopback port for a test, and stop it."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class Editor:
    def __init__(self, root: Path, port: int, proc: subprocess.Popen[bytes], log: Path):
        self.root = root
        self.port = port
        self.proc = proc
        self.log = log
        self.url = f"http://127.0.0.1:{port}"

    def call(self, action: str, params: dict[str, Any],
             headers: dict[str, str] | None = None) -> tuple[int, Any]:
        """POST /api/v1 as the editor's own page does (Origin: this server)."""
        return self.post("/api/v1", {"action": action, "params": params}, headers)

    def post(self, path: str, data: dict[str, Any], headers: dict[str, str] | None = None,
             timeout: float = 60) -> tuple[int, Any]:
        """POST JSON to `path` as the editor's own page does (Origin: this server); the
        answer's JSON, or its text when it is not JSON."""
        hdrs = {"Content-Type": "application/json", "Origin": self.url}
        hdrs.update(headers or {})
        req = urllib.request.Request(self.url + path, method="POST", headers=hdrs,
                                     data=json.dumps(data).encode())
        try:
            with urllib.request.urlopen(req, timeout=timeout) as r:  # noqa: S310 (loopback)
                return r.status, json.loads(r.read())
        except urllib.error.HTTPError as e:
            body = e.read()
            try:
                return e.code, json.loads(body)
            except json.JSONDecodeError:
                return e.code, body.decode("utf-8", "replace")

    def post_oversize(self, path: str) -> tuple[int, bytes]:
        """A POST from the editor's page that announces a 10**9-byte body and sends none:
        the answer comes before any of it is read."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            conn.putrequest("POST", path, skip_host=True)
            conn.putheader("Host", f"127.0.0.1:{self.port}")
            conn.putheader("Origin", self.url)
            conn.putheader("Content-Type", "application/json")
            conn.putheader("Content-Length", str(10**9))
            conn.endheaders()
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, bytes]:
        req = urllib.request.Request(self.url + path, headers=headers or {})
        try:
            with urllib.request.urlopen(req, timeout=60) as r:  # noqa: S310 (loopback)
                return r.status, r.read()
        except urllib.error.HTTPError as e:
            return e.code, e.read()


@contextmanager
def running_editor(root: Path, timeout: float = 120) -> Iterator[Editor]:
    port = free_port()
    log = root.parent / f"{root.name}-edit.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "generator", "edit", "--project", str(root), "--addr",
             f"127.0.0.1:{port}", "--no-browser"], stdout=out, stderr=subprocess.STDOUT,
            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    editor = Editor(root, port, proc, log)
    try:
        deadline = time.monotonic() + timeout
        while True:
            if proc.poll() is not None:
                raise AssertionError("prongsai edit stopped:\n" + log.read_text("utf-8"))
            try:
                if editor.get("/admin/")[0] == 200:
                    break
            except (urllib.error.URLError, ConnectionError):
                pass
            if time.monotonic() > deadline:
                raise AssertionError("prongsai edit did not start:\n" + log.read_text("utf-8"))
            time.sleep(0.2)
        yield editor
    finally:
        proc.send_signal(signal.SIGTERM)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
