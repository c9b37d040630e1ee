"""Build caches: small JSON files in the project's `.cache/prongsai/` (Material's plugins
keep theirs in `.cache/` too). Each records the key it was made under (what decides its
content: the versions of the code that made it), so a stale, unreadable or foreign cache is
simply not used; writes are atomic and never fail a build (a read-only project builds
without its cache). Deleting the folder only makes the next build slower."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import Any

FOLDER = Path(".cache") / "prongsai"


def read(path: Path | None, key: str) -> Any:
    """The cached value at `path` made under `key`, else None."""
    if path is None:
        return None
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("key") != key:
        return None
    return data.get("value")


def write(path: Path | None, key: str, value: Any) -> None:
    if path is None:
        return
    text = json.dumps({"key": key, "value": value}, ensure_ascii=False,
                      separators=(",", ":"), sort_keys=True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(text)
            os.replace(tmp, path)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass
