"""Replacing a folder or a file so that nobody ever sees it half-written: the new version is
written beside the old one and renamed into place (the site, the Markdown export, and every
file a command writes into content/)."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path


def swap_in(new: Path, out: Path) -> None:
    """Replace `out` by `new` with renames, so readers never see a half-written site."""
    if out.exists():
        old = out.with_name(f".{out.name}.old-{os.getpid()}")
        shutil.rmtree(old, ignore_errors=True)
        out.rename(old)
        try:
            new.rename(out)
        except OSError:
            old.rename(out)
            raise
        shutil.rmtree(old, ignore_errors=True)
    else:
        out.parent.mkdir(parents=True, exist_ok=True)
        new.rename(out)


def remove_stale(out: Path) -> None:
    """Staging and old-site folders left by a build that was killed (its process is gone)."""
    pattern = re.compile(rf"\.{re.escape(out.name)}\.(?:build|old|md)-(\d+)(?:-.*)?")
    if not out.parent.is_dir():
        return
    for d in out.parent.iterdir():
        m = pattern.fullmatch(d.name)
        if m and d.is_dir() and not d.is_symlink() and not _alive(int(m.group(1))):
            shutil.rmtree(d, ignore_errors=True)


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True
    return True
