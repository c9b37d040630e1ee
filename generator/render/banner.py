"""The preview's problem banner: what `prongsai serve` shows at the top of every page while
the content has mistakes, so that an officer who saves a file and looks at the browser sees
what is wrong, where (file, line as they count it, the line itself) and how to fix it,
with a link to the item's page — without reading the terminal.

It is HTML for the preview only (never part of a built site): the live server puts it into
each page it serves (generator/engine/preview.py), and every save rebuilds it; when nothing
is left to fix, there is none. Every text from the content is escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from generator.base.problems import ERROR, NONE, Problem, get_kind
from generator.base.say import THAI, lang, say

BANNER_ID = "prongsai-preview-problems"
MAX_SHOWN = 20

_STYLE = {
    "box": "font:16px/1.5 Sarabun,'TH Sarabun New',sans-serif;margin:0;padding:.6rem 1rem;"
           "border-bottom:3px solid {edge};background:{bg};color:#1f1f1f;max-height:60vh;"
           "overflow:auto;position:relative;z-index:10",
    "summary": "font-weight:700;cursor:pointer;font-size:1.05rem",
    "item": "margin:.5rem 0 .7rem;padding-left:.2rem",
    "where": "font-weight:600",
    "code": "font-family:var(--md-code-font-family,monospace);font-size:.85em;color:#555",
    "pre": "margin:.3rem 0;padding:.3rem .5rem;background:#fff;border:1px solid #ccc;"
           "white-space:pre-wrap;font-size:14px;line-height:1.4;overflow:auto;font-family:"
           "var(--md-code-font-family,ui-monospace,'DejaVu Sans Mono',monospace,Sarabun)",
    "link": "color:#0b57a4;text-decoration:underline",
    "mark": "background:#ffd54f;color:#000;outline:1px solid #b3261e",
    "note": "font-size:.85rem;color:#444;margin:.3rem 0 0",
}


def shown_in_preview(p: Problem) -> bool:
    """Mistakes in what the officer typed: anything that stops the build, anything the
    input could not be read for, and anything on a line of a file. What is merely not yet
    done (a component without evidence, months not reported) is left to `prongsai check`."""
    kind = get_kind(p.code)
    return p.build != NONE or kind.group == "input" or p.line is not None


def banner_html(problems: Iterable[Problem], refused: bool, mount: str = "/",
                failure: str = "") -> str:
    """The banner for these problems ("" when there is nothing to show). `refused`: the
    last save could not be built, so the page under the banner is the last good build;
    `failure`: the engine's own error, when it failed without problems to list."""
    shown = [p for p in problems if shown_in_preview(p)]
    if not shown and not failure:
        return ""
    errors = sum(1 for p in shown if p.severity == ERROR)
    blocking = refused or bool(failure)
    edge, bg = ("#b3261e", "#fdecea") if errors or blocking else ("#8a5a00", "#fff4e0")
    if blocking:
        head = say(f"ยังแสดงเว็บไซต์ครั้งก่อน: การบันทึกล่าสุดมีปัญหา {len(shown)} รายการที่ต้องแก้ก่อน"
                   "จึงจะสร้างหน้าใหม่ได้",
                   f"showing the last good build: the last save has {len(shown)} problem(s) "
                   "to fix before the pages can be rebuilt")
    elif errors:
        head = say(f"เนื้อหามีปัญหาที่ต้องแก้ {errors} รายการ และข้อสังเกต {len(shown) - errors} "
                   "รายการ (หน้านี้สร้างใหม่แล้ว)",
                   f"the content has {errors} problem(s) and {len(shown) - errors} warning(s) "
                   "(this page is up to date)")
    else:
        head = say(f"เนื้อหามีข้อสังเกตที่ควรแก้ {len(shown)} รายการ (หน้านี้สร้างใหม่แล้ว)",
                   f"the content has {len(shown)} warning(s) (this page is up to date)")
    parts = [f'<div id="{BANNER_ID}" lang="{lang()}" role="region" '
             f'aria-label="{escape(say("ปัญหาในเนื้อหา", "content problems"))}" '
             f'style="{_STYLE["box"].format(edge=edge, bg=bg)}">',
             f'<details open><summary style="{_STYLE["summary"]}">'
             f'{"✘" if errors or blocking else "⚠"} {escape(head)}</summary>']
    if failure:
        parts.append(f'<p>{escape(say("สร้างเว็บไซต์ไม่สำเร็จ: ", "the build failed: "))}'
                     f'{escape(failure)}</p>')
    parts.append('<ol style="margin:.3rem 0;padding-left:1.6rem">')
    for p in shown[:MAX_SHOWN]:
        parts.append(_entry(p, mount))
    parts.append("</ol>")
    if len(shown) > MAX_SHOWN:
        parts.append(f'<p style="{_STYLE["note"]}">' + escape(say(
            f"และอีก {len(shown) - MAX_SHOWN} รายการ ดูทั้งหมดด้วยคำสั่ง `prongsai check`",
            f"and {len(shown) - MAX_SHOWN} more: see `prongsai check`")) + "</p>")
    parts.append(f'<p style="{_STYLE["note"]}">' + escape(say(
        "แถบนี้แสดงเฉพาะในหน้าตัวอย่าง (`prongsai serve`) ไม่อยู่ในเว็บไซต์ที่เผยแพร่ "
        "เมื่อแก้และบันทึกไฟล์ หน้านี้จะโหลดใหม่เอง และแถบจะหายไปเมื่อแก้ครบแล้ว",
        "this bar is shown only in the preview (`prongsai serve`), never in the published "
        "site; the page reloads when a file is saved, and the bar goes when all is fixed"))
        + "</p></details></div>")
    return "".join(parts)


def _entry(p: Problem, mount: str) -> str:
    thai = lang() == THAI
    message, fix = p.text()
    kind = get_kind(p.code)
    severity = ("ต้องแก้" if p.severity == ERROR else "ควรแก้") if thai else p.severity
    title = kind.title_th if thai else kind.title_en
    out = [f'<li style="{_STYLE["item"]}">',
           f'<div><strong>{escape(severity)}: {escape(title)}</strong> '
           f'<span style="{_STYLE["code"]}">[{escape(p.code)}]</span></div>']
    where = p.where_in()
    if where:
        out.append(f'<div style="{_STYLE["where"]}">{escape(where)}</div>')
    out.append(f"<div>{escape(message)}</div>")
    if p.excerpt is not None and p.line is not None:
        # the column is marked on the line itself: a caret under it would not line up with
        # Thai letters in a browser's font
        text, at = p.excerpt
        label = escape(say(f"บรรทัด {p.line}", f"line {p.line}"))
        if p.column and at < len(text):
            end = text.index("⟩", at) + 1 if text.startswith("⟨", at) and "⟩" in text[at:] \
                else at + 1
            line = (f"{escape(text[:at])}<mark style=\"{_STYLE['mark']}\">"
                    f"{escape(text[at:end])}</mark>{escape(text[end:])}")
        elif p.column:
            line = f"{escape(text)}<mark style=\"{_STYLE['mark']}\">&nbsp;</mark>"
        else:
            line = escape(text)
        out.append(f'<pre style="{_STYLE["pre"]}">{label} | {line}</pre>')
    out.append(f"<div>{escape(say('วิธีแก้: ', 'fix: '))}{escape(fix)}</div>")
    if p.corrected is not None:
        out.append(f'<pre style="{_STYLE["pre"]}">{escape(say("แก้เป็น", "fixed"))} | '
                   f"{escape(p.corrected)}</pre>")
    if p.item and p.year:
        href = f"{mount.rstrip('/')}/{p.year}/oit/{p.item}/"
        out.append(f'<div><a style="{_STYLE["link"]}" href="{escape(href)}">'
                   f'{escape(say(f"ไปที่หน้าข้อ {p.item} ปี {p.year}", f"go to {p.item} of {p.year}"))}'
                   "</a></div>")
    out.append("</li>")
    return "".join(out)
