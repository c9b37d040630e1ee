"""Files and links given as evidence: each must open for the public (rules: README
"Evidence files and links")."""

from __future__ import annotations

import difflib
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from generator.base.links import url_problem
from generator.base.problems import Problem, problem
from generator.base.say import Say
from generator.check.report import ItemStatus, Where
from generator.load.catalogue import Item
from generator.load.files import (
    MAGIC,
    PUBLISHED,
    PUBLISHED_NAMES,
    UNSAFE,
    resolve_content_file,
    sniff,
)
from generator.load.project import Evidence, ItemContent, YearContent
from generator.load.yamlio import file_kind

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("file-empty", "file-missing", "file-not-regular", "file-outside-content",
          "file-type-mismatch",
          "file-type-unsafe", "file-type-unsupported", "url-local", "url-login", "url-malformed",
          "url-scheme", "url-shared")


def check_file(content_dir: Path, rel: str, where: Where,
                probs: list[Problem]) -> bool:
    path, why = resolve_content_file(content_dir, rel)
    if path is None:
        probs.append(problem("file-outside-content", value=rel, **where))
        return False
    ext = path.suffix.lower()
    if ext in UNSAFE:
        probs.append(problem("file-type-unsafe", value=rel, ext=ext, **where))
        return False
    if ext not in PUBLISHED and path.is_file():  # only these types are published
        probs.append(problem("file-type-unsupported", value=rel,
                             ext=ext or Say("(ไม่มีนามสกุล)", "(no extension)"),
                             allowed=PUBLISHED_NAMES, **where))
        return False
    if not path.is_file():
        if path.exists() and not path.is_dir():  # a FIFO, a device …: not a document
            probs.append(problem("file-not-regular", value=rel,
                                 what=file_kind(path.stat().st_mode), **where))
            return False
        near = Say("", "")
        if rel.startswith("content/") and (content_dir / rel.removeprefix("content/")).is_file():
            inside = rel.removeprefix("content/")
            near = Say(f" (ที่อยู่ไฟล์เริ่มจากใน content/: เขียนเป็น `{inside}`)",
                       f" (paths start inside content/: write `{inside}`)")
        elif path.is_dir():
            near = Say(" (นี่คือโฟลเดอร์: ระบุชื่อไฟล์เอกสารที่อยู่ในโฟลเดอร์นั้น)",
                       " (this is a folder; name the document inside it)")
        elif path.parent.is_dir():
            close = difflib.get_close_matches(path.name, [p.name for p in path.parent.iterdir()
                                                          if p.name != path.name],
                                              n=1, cutoff=0.6)
            if close:
                guess = (Path(rel).parent / close[0]).as_posix()
                near = Say(f" (หมายถึง `{guess}` หรือไม่)", f" (did you mean `{guess}`?)")
        probs.append(problem("file-missing", value=rel, hint=near, **where))
        return False
    size = path.stat().st_size
    if size == 0:
        probs.append(problem("file-empty", value=rel, **where))
        return False
    if ext in MAGIC:
        with path.open("rb") as fh:
            head = fh.read(16)
        name, sigs = MAGIC[ext]
        if not head.startswith(sigs):
            found = sniff(head)
            probs.append(problem("file-type-mismatch", value=rel, expected=name,
                                 found=Say("ข้อมูลชนิดที่ไม่รู้จัก", found)
                                 if found == "unknown data" else found, **where))
            return False
    return True


def check_url(url: str, where: Where, probs: list[Problem]) -> bool:
    found = url_problem(url)
    if found is None:
        return True
    code, params = found
    probs.append(problem(code, value=url, **{**where, **params}))
    return code == "url-login"  # a login link is a warning: it still counts


def _same_page(url: str) -> str:
    """Links that open the same page: scheme and host case, a trailing `/` and the
    `#fragment` do not matter."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path.rstrip("/"),
                       parts.query, ""))


def shared_urls(yc: YearContent, statuses: list[ItemStatus]) -> list[Problem]:
    """The same link as evidence for items of different sub-indicators."""
    by_url: dict[str, list[tuple[Item, ItemContent, Evidence]]] = defaultdict(list)
    for st in statuses:
        if st.content is None:
            continue
        for ev in st.content.evidence:
            if ev.url:
                by_url[_same_page(ev.url)].append((st.item, st.content, ev))
    out = []
    for _page, uses in sorted(by_url.items()):
        subs = {it.sub_indicator for it, _, _ in uses}
        if len(subs) > 1:
            items = sorted({it.id for it, _, _ in uses}, key=lambda x: int(x[1:]))
            for it, content, ev in uses:
                out.append(problem("url-shared", value=ev.url, items=", ".join(items),
                                   file=content.file, line=ev.line,
                                   path=f"evidence[{ev.index}].url", year=yc.year,
                                   item=it.id))
    return out
