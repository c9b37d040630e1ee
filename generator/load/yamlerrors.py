"""What went wrong in a YAML text, said in an officer's terms.

PyYAML says "mapping values are not allowed here" for a missing space after a colon, a line
indented one space too far, Thai text holding `: ` and a curly quote taken for a quote; it
says it where it noticed, often a line after the mistake. `diagnose` looks at the lines
around that position and names the mistake an officer made, on the line and column where
it is, with the corrected line as the fix. `hidden_in_structure` finds what PyYAML cannot
report at all: a no-break space, zero-width space or byte-order mark in an indentation, a
key or right after a colon, where it silently changes what the file means (a key
`⟨NBSP⟩⟨NBSP⟩date` instead of `date`).

Every diagnosis carries (line, column) 0-based in the text given; the caller adds the
offset of a front matter and turns it into a Problem.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import yaml

from generator.base.say import Say
from generator.base.visible import HIDDEN_NON_ASCII, NAMED, describe, mark

__all__ = ["Diagnosis", "diagnose", "hidden_in_structure"]


@dataclass(frozen=True)
class Diagnosis:
    """A located YAML mistake: the problem code, where, and the values of its message."""

    code: str
    row: int  # 0-based line of the text
    col: int  # 0-based column
    params: dict[str, object] = field(default_factory=dict)


# `key:` at the start of a line (after the indentation and an optional `- `)
_KEY = re.compile(r"^(?P<indent>[ ]*)(?P<dash>-[ ]+)?(?P<key>[^\s:#\"'\[\]{}|>&*!%@`,-]"
                  r"[^:#]*?)[ ]*:(?=\s|$)")
_KEY_NO_SPACE = re.compile(r"^(?P<indent>[ ]*)(?P<dash>-[ ]+)?(?P<key>[A-Za-z_][A-Za-z0-9_]*"
                           r"|[^\s:#\"'\[\]{}|>&*!%@`,\-][^\s:#\"']*?):(?P<rest>[^\s:/].*)$")
_DASH_NO_SPACE = re.compile(r"^(?P<indent>[ ]*)-(?P<rest>[^\s\-].*)$")
_CURLY = "“”‘’„‟«»"
_NO_SPACE = {
    ":": Say("โปรแกรมจึงอ่านทั้งบรรทัดเป็นข้อความเดียว ไม่ใช่ `ชื่อข้อมูล: ค่า`",
             "so the whole line was read as one text instead of `key: value`"),
    "-": Say("โปรแกรมจึงไม่นับบรรทัดนี้เป็นรายการใหม่ในรายการ",
             "so the line was not read as a new entry of the list"),
}


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _previous(lines: list[str], row: int) -> int | None:
    """The last line before `row` that holds data (not blank, not only a comment)."""
    for i in range(row - 1, -1, -1):
        s = lines[i].strip()
        if s and not s.startswith("#"):
            return i
    return None


def _quote(value: str) -> str:
    """`value` as a YAML double-quoted scalar."""
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


_YAML_LINES = re.compile("\r\n|[\r\n\x85\u2028\u2029]")


def _line(lines: list[str], row: int) -> str:
    return lines[row] if 0 <= row < len(lines) else ""


def diagnose(text: str, exc: yaml.MarkedYAMLError) -> Diagnosis:
    """The officer's mistake behind PyYAML's error `exc` in `text`."""
    lines = _YAML_LINES.split(text)  # PyYAML's rows: it also breaks at U+0085, U+2028, U+2029
    problem_mark, context_mark = exc.problem_mark, exc.context_mark
    prob, ctx = exc.problem or "", exc.context or ""
    row = problem_mark.line if problem_mark is not None else (
        context_mark.line if context_mark is not None else 0)
    col = problem_mark.column if problem_mark is not None else 0

    if "'\\t'" in prob:
        return _tab(lines, row, col)
    if ctx == "while scanning a quoted scalar" and context_mark is not None:
        r, c = context_mark.line, context_mark.column
        if "unknown escape character" in prob:
            return _backslash(lines, r, c)
        q = _line(lines, r)[c:c + 1] or '"'
        return Diagnosis("yaml-quote", r, c, dict(
            value=_line(lines, r).strip(),
            reason=Say(f"เปิดเครื่องหมายคำพูด {q} แต่ไม่ได้ปิดในบรรทัดเดียวกัน ข้อความบรรทัดต่อ ๆ ไป"
                       f"จึงถูกอ่านรวมเป็นค่าเดียว",
                       f"the quote {q} opened here is not closed on this line, so the "
                       "following lines were read into the same value"),
            corrected=lines[r].rstrip() + q))
    if ctx in ("while parsing a flow sequence", "while parsing a flow mapping") and \
            context_mark is not None:
        r, c = context_mark.line, context_mark.column
        close = "]" if "sequence" in ctx else "}"
        opener = _line(lines, r)[c:c + 1] or ("[" if close == "]" else "{")
        fixed = lines[r].rstrip()
        if opener + close not in fixed and not fixed.endswith(close):
            fixed += close
        return Diagnosis("yaml-bracket", r, c, dict(
            value=_line(lines, r).strip(), open=opener, close=close, corrected=fixed))

    unclosed = _unclosed_before(lines, row)
    if unclosed is not None and ctx not in ("while scanning a simple key",):
        r, c, ch = unclosed
        if ch in "[{":
            close = "]" if ch == "[" else "}"
            return Diagnosis("yaml-bracket", r, c, dict(
                value=lines[r].strip(), open=ch, close=close,
                corrected=lines[r].rstrip() + close))
        return Diagnosis("yaml-quote", r, c, dict(
            value=lines[r].strip(),
            reason=Say(f"เปิดเครื่องหมายคำพูด {ch} แต่ไม่ได้ปิดในบรรทัดเดียวกัน",
                       f"the quote {ch} opened here is not closed on this line"),
            corrected=lines[r].rstrip() + ch))

    if ctx == "while scanning a simple key" and context_mark is not None:
        return _no_colon(lines, context_mark.line, context_mark.column)
    if prob == "mapping values are not allowed here":
        return _mapping_values(lines, row, col)
    if prob.startswith("expected <block end>, but found"):
        return _block_end(lines, exc, row, col)
    if "unknown escape character" in prob:
        return _backslash(lines, row, col)
    return _generic(lines, exc, row, col)


def _tab(lines: list[str], row: int, col: int) -> Diagnosis:
    line = _line(lines, row)
    before = line[:col]
    if before.strip(" \t") == "":
        level = _previous_indent(lines, row)
        return Diagnosis("yaml-tab", row, col, dict(
            value=line.strip(), corrected=" " * level + line.strip(),
            fix=Say(f"ลบแท็บแล้วย่อหน้าด้วยการเว้นวรรค {level} ช่อง ให้ตรงกับบรรทัดอื่นในระดับ"
                    "เดียวกัน (YAML รับเฉพาะการเว้นวรรค)",
                    f"replace the tab with {level} spaces, as the other lines of the same "
                    "level (YAML takes spaces only)")))
    fixed = re.sub(r"[ ]*\t[ \t]*", " ", line)
    after_colon = before.rstrip(" \t").endswith((":", "-"))
    where = (Say("หลังเครื่องหมาย `:`", "after the colon") if after_colon else
             Say("กลางข้อความ (มักติดมาเมื่อคัดลอกจาก Excel)",
                 "inside the value (usually copied from Excel)"))
    return Diagnosis("yaml-tab-value", row, col, dict(value=line.strip(), where=where,
                                                      corrected=fixed))


def _previous_indent(lines: list[str], row: int) -> int:
    """The indentation of the closest line above that is indented with spaces."""
    for i in range(row - 1, -1, -1):
        s = lines[i]
        if s.strip() and not s.lstrip(" ").startswith(("\t", "#")):
            n = _indent(s)
            if n or lines[i].rstrip().endswith(":"):
                return n + 2 if s.rstrip().endswith(":") else n
    return 2


def _backslash(lines: list[str], row: int, col: int) -> Diagnosis:
    line = _line(lines, row)
    m = re.match(r'^(\s*(?:-\s+)?[^:"]*:\s*)"(.*)"\s*$', line)
    fixed = f"{m.group(1)}'{m.group(2)}'" if m and "'" not in m.group(2) else line
    return Diagnosis("yaml-quote", row, col, dict(
        value=line.strip(), corrected=fixed,
        reason=Say("ในเครื่องหมายคำพูดคู่ \" … \" เครื่องหมาย `\\` มีความหมายพิเศษ (เช่นที่อยู่ไฟล์ "
                   "แบบ Windows `files\\2568\\…`)",
                   "inside double quotes \" … \" a backslash `\\` starts an escape (as in a "
                   "Windows path `files\\2568\\…`)"),
        fix=Say("ใช้ `/` แทน `\\` ในที่อยู่ไฟล์ หรือใช้เครื่องหมายคำพูดเดี่ยว ' … ' แทน",
                "use `/` instead of `\\` in paths, or single quotes ' … '")))


def _no_colon(lines: list[str], row: int, col: int) -> Diagnosis:
    """PyYAML read a key but found no `:` after it."""
    line = _line(lines, row)
    m = _KEY_NO_SPACE.match(line)
    if m and ": " not in line:
        c = m.end("key") + 1
        return Diagnosis("yaml-space-missing", row, c, dict(
            value=line.strip(), mark=":", effect=_NO_SPACE[":"],
            corrected=line[:c] + " " + line[c:]))
    return _colon_missing(lines, row)


def _colon_missing(lines: list[str], row: int) -> Diagnosis:
    line = _line(lines, row)
    body = line.strip()
    start = _indent(line) + (2 if body.startswith("- ") else 0)
    words = body.removeprefix("- ").split(None, 1) or ["ชื่อข้อมูล"]  # (a line of only spaces)
    fixed = line[:start] + (f"{words[0]}: {words[1]}" if len(words) == 2 else f"{words[0]}:")
    return Diagnosis("yaml-colon-missing", row, start, dict(
        value=body, corrected=fixed))


def _mapping_values(lines: list[str], row: int, col: int) -> Diagnosis:
    """A `:` where PyYAML does not expect one."""
    line = _line(lines, row)
    before = line[:col]
    m = _KEY.match(line)
    if m and m.end() <= col:  # a second `: ` in `key: text: more`
        value = line[m.end():].strip()
        if value[:1] in _CURLY:
            return _curly(lines, row, m.end() + line[m.end():].index(value[0]), value)
        fixed = line[:m.end()] + " " + _quote(value)
        return Diagnosis("yaml-colon-in-text", row, col, dict(
            value=value, key=m.group("key"), corrected=fixed))
    p = _previous(lines, row)
    if p is not None:
        prev = lines[p]
        d = _DASH_NO_SPACE.match(prev)
        if d and not prev.strip().startswith("---"):
            c = d.end("indent") + 1
            return Diagnosis("yaml-space-missing", p, c, dict(
                value=prev.strip(), mark="-", effect=_NO_SPACE["-"],
                corrected=prev[:c] + " " + prev[c:]))
        k = _KEY_NO_SPACE.match(prev)
        if k and ": " not in prev and not _KEY.match(prev):
            c = k.end("key") + 1
            return Diagnosis("yaml-space-missing", p, c, dict(
                value=prev.strip(), mark=":", effect=_NO_SPACE[":"],
                corrected=prev[:c] + " " + prev[c:]))
        if ":" not in prev and not prev.strip().startswith(("- ", "-\t")) and \
                _indent(prev) == _indent(line) and not prev.rstrip().endswith(("|", ">")):
            return _colon_missing(lines, p)
        pk = _KEY.match(prev)
        if pk and _indent(line) != pk.start("key") and before.strip() and \
                not prev.rstrip().endswith(":"):
            want = pk.start("key")
            return _indent_problem(lines, row, want, p)
    if before.strip() and _KEY.match(line) is None:
        return _colon_missing(lines, row)
    return _indent_problem(lines, row, _indent(line) - 1 if _indent(line) else 0, p)


def _curly(lines: list[str], row: int, col: int, value: str) -> Diagnosis:
    line = _line(lines, row)
    inner = value.strip(_CURLY + " ")
    fixed = line[:col] + _quote(inner)
    return Diagnosis("yaml-quote", row, col, dict(
        value=value,
        reason=Say("ใช้เครื่องหมายคำพูดแบบโค้ง “ ” (จาก Word) ซึ่ง YAML ไม่นับเป็นเครื่องหมายคำพูด "
                   "เครื่องหมาย `: ` ในข้อความจึงถูกอ่านเป็นชื่อข้อมูลซ้อน",
                   "curly quotes “ ” (from Word) are not quotes in YAML, so the `: ` inside "
                   "was read as another key"),
        corrected=fixed,
        fix=Say("เปลี่ยนเป็นเครื่องหมายคำพูดตรง \" \"", "use straight quotes \" \"")))


def _indent_problem(lines: list[str], row: int, want: int, sibling_row: int | None
                    ) -> Diagnosis:
    line = _line(lines, row)
    found = _indent(line)
    sibling = _line(lines, sibling_row) if sibling_row is not None else ""
    m = _KEY.match(sibling)
    name = m.group("key") if m else sibling.strip()
    return Diagnosis("yaml-indent", row, found, dict(
        value=line.strip(), found=found, expected=want, sibling=name,
        sibling_row=sibling_row if sibling_row is not None else row,
        corrected=" " * want + line.strip()))


def _block_end(lines: list[str], exc: yaml.MarkedYAMLError, row: int, col: int
               ) -> Diagnosis:
    """PyYAML expected a mapping or list to end (the line's indentation does not fit)."""
    ctx = exc.context or ""
    cm = exc.context_mark
    line = _line(lines, row)
    found = (exc.problem or "").rsplit("found", 1)[-1].strip(" '")
    if found == "<scalar>" and cm is not None:
        # text after a closing quote: `title: "แผน" ฉบับ 2`
        q = re.match(r'^(\s*(?:-\s+)?[^:]+:\s*)(["\'])(.*)$', line)
        if q:
            value = q.group(2) + q.group(3)
            other = "'" if q.group(2) == '"' else '"'
            fixed = q.group(1) + (other + value.strip() + other if other not in value
                                  else _quote(value.strip()))
            return Diagnosis("yaml-quote", row, len(q.group(1)), dict(
                value=value.strip(), corrected=fixed,
                reason=Say("มีข้อความต่อหลังเครื่องหมายคำพูดปิด", "there is text after the "
                           "closing quote"),
                fix=Say("ครอบข้อความทั้งหมดด้วยเครื่องหมายคำพูดอีกแบบหนึ่ง",
                        "quote the whole value with the other kind of quote")))
    if cm is None:
        return _generic(lines, exc, row, col)
    top = _line(lines, cm.line)
    if ctx == "while parsing a block collection":  # a list: items start with `- `
        dash = cm.column
        key_col = dash + 2
        if col == dash and found in ("?", "<block mapping start>", "<scalar>"):
            name = _list_name(lines, cm.line)
            fixed = line[:dash] + "- " + line[dash:]
            return Diagnosis("yaml-list-dash", row, col, dict(
                value=line.strip(), list=_named(name), corrected=fixed,
                fix=Say(f"ถ้าบรรทัดนี้เริ่มรายการใหม่ ให้ขึ้นต้นด้วย `- ` แล้วย่อหน้าบรรทัดต่อ ๆ ไป"
                        f"ของรายการนี้ {key_col} ช่อง ถ้าเป็นข้อมูลของรายการข้างบน "
                        f"ให้ย่อหน้า {key_col} ช่องแทน",
                        f"if this line starts a new entry, begin it with `- ` and indent the "
                        f"entry's next lines {key_col} spaces; if it belongs to the entry above, "
                        f"indent it {key_col} spaces instead")))
        want = key_col if col > dash else dash
        return _indent_problem(lines, row, want, cm.line)
    if ctx == "while parsing a block mapping" and found == "-":
        # `- item` lines under a key whose first entry has no `- `
        first = cm.line
        fixed = top[:cm.column] + "- " + top[cm.column:]
        name = _list_name(lines, first)
        return Diagnosis("yaml-list-dash", first, cm.column, dict(
            value=top.strip(), list=_named(name), corrected=fixed,
            fix=Say("ขึ้นต้นรายการแรกด้วย `- ` เหมือนรายการอื่น แล้วย่อหน้าบรรทัดต่อ ๆ ไป"
                    "ของรายการนี้เพิ่มอีก 2 ช่อง",
                    "start the first entry with `- ` like the others, and indent its next "
                    "lines 2 more spaces")))
    return _indent_problem(lines, row, cm.column, cm.line)


def _named(name: str) -> Say:
    return Say(f" `{name}`", f" `{name}`") if name else Say("", "")


def _list_name(lines: list[str], row: int) -> str:
    """The key a list at `row` belongs to (the closest less-indented `key:` line above)."""
    level = _indent(_line(lines, row))
    for i in range(row - 1, -1, -1):
        m = _KEY.match(lines[i])
        if m and _indent(lines[i]) < level or (m and _indent(lines[i]) == level and
                                               not lines[i].lstrip().startswith("-")):
            return m.group("key")
    return ""


# PyYAML's words, in Thai, for the errors not told apart above
_REASONS_TH = {
    "could not find expected ':'": "ไม่พบเครื่องหมาย `:` หลังชื่อข้อมูล",
    "did not find expected key": "ไม่พบชื่อข้อมูลในตำแหน่งที่ควรมี (ย่อหน้าไม่ตรงกับบรรทัดข้างบน)",
    "did not find expected '-' indicator": "ไม่พบ `- ` ที่ขึ้นต้นรายการ",
    "found unexpected end of stream": "ไฟล์จบก่อนปิดเครื่องหมายคำพูดหรือวงเล็บ",
    "expected <document start>": "มีข้อมูลต่อหลังจบส่วนข้อมูล",
    "found undefined tag handle": "ใช้เครื่องหมาย `!` ขึ้นต้นค่า ซึ่งมีความหมายพิเศษ",
    "found character": "ค่าขึ้นต้นด้วยอักขระที่มีความหมายพิเศษ",
    "expected alphabetic or numeric character": "ใช้เครื่องหมาย `&` หรือ `*` ขึ้นต้นค่า "
                                                "ซึ่งมีความหมายพิเศษ",
    "expected a comment or a line break": "มีข้อความต่อท้ายในตำแหน่งที่ไม่ควรมี",
    "expected ',' or ']'": "รายการในวงเล็บ [ ] ไม่ได้คั่นด้วย `,` หรือไม่ได้ปิดวงเล็บ",
    "expected ',' or '}'": "ข้อมูลในวงเล็บ { } ไม่ได้คั่นด้วย `,` หรือไม่ได้ปิดวงเล็บ",
}


def _generic(lines: list[str], exc: yaml.MarkedYAMLError, row: int, col: int) -> Diagnosis:
    prob = exc.problem or exc.context or ""
    th = next((v for k, v in _REASONS_TH.items() if prob.startswith(k) or k in prob), "")
    special = re.search(r"found character '(.)' that cannot start any token", prob)
    if special:
        ch = special.group(1)
        th = f"ค่าที่ขึ้นต้นด้วย `{ch}` ต้องอยู่ในเครื่องหมายคำพูด"
    if exc.context and exc.context_mark is not None and exc.problem_mark is None:
        row, col = exc.context_mark.line, exc.context_mark.column
    reason_en = f"{exc.context}: {exc.problem}" if exc.context else prob
    return Diagnosis("yaml-syntax", row, col, dict(
        value=_line(lines, row).strip(),
        reason=Say(th or "รูปแบบการเขียนไม่ถูกต้อง", reason_en)))


def _unclosed_before(lines: list[str], row: int) -> tuple[int, int, str] | None:
    """The last line up to `row` whose double quotes or flow brackets do not balance — the
    usual cause of errors PyYAML reports lines later: (line, column, the opening char)."""
    found = None
    for i, raw in enumerate(lines[: row + 1]):
        body = raw.split(" #", 1)[0]
        quotes = [m.start() for m in re.finditer(r'(?<!\\)"', body)]
        if len(quotes) % 2:
            found = (i, quotes[-1], '"')
        elif not quotes:
            for o, c in ("[]", "{}"):
                if body.count(o) > body.count(c):
                    found = (i, body.rindex(o), o)
    return found


# --- invisible characters in the structure ---------------------------------------------------

_STRUCTURE_SPACE = {c for c in NAMED if c != "\t"}


def hidden_in_structure(text: str) -> list[Diagnosis]:
    """Invisible characters where they change the YAML's structure: in an indentation, in a
    key, right after a key's colon or a list's `-`. (Inside a value they are the officer's
    text and harmless: text fields are read with their spaces normalised.)"""
    if not HIDDEN_NON_ASCII.search(text):
        return []
    out = []
    for row, line in enumerate(text.split("\n")):
        if not HIDDEN_NON_ASCII.search(line):
            continue
        if line.lstrip(" ").startswith("#"):
            continue
        bad: list[int] = []
        i = 0
        while i < len(line) and (line[i] == " " or _hidden(line[i])):  # indentation
            if _hidden(line[i]):
                bad.append(i)
            i += 1
        j = i
        if line[i:i + 1] == "-" and (i + 1 >= len(line) or line[i + 1] == " " or
                                     _hidden(line[i + 1])):
            j = i + 1
            while j < len(line) and (line[j] == " " or _hidden(line[j])):
                if _hidden(line[j]):
                    bad.append(j)
                j += 1
        m = re.match(r"[^:\"'#\[\]{}]*?:(?=[\s" + "".join(_STRUCTURE_SPACE) + r"]|$)", line[j:])
        if m and line[j:j + 1] not in ("\"", "'"):
            end = j + m.end()
            bad += [k for k in range(j, end) if _hidden(line[k])]
            k = end  # right after the colon, before any space: it glues key and value
            while k < len(line) and _hidden(line[k]):
                bad.append(k)
                k += 1
        if not bad:
            continue
        chars = [line[k] for k in bad]
        fixed = "".join(" " if k in bad and line[k] in _SPACES else
                        ("" if k in bad else c) for k, c in enumerate(line))
        if m and bad and all(k >= j for k in bad) and bad[-1] >= j + m.end():
            fixed = fixed[:j + m.end()] + " " + fixed[j + m.end():].lstrip(" ")
        out.append(Diagnosis("yaml-invisible", row, bad[0], dict(
            value=line.strip(), marks=" ".join(dict.fromkeys(mark(c) for c in chars)),
            names=describe(chars), corrected=fixed.rstrip())))
    return out


_SPACES = {"\u00a0", "\u202f", "\u3000", "\u2000", "\u2001", "\u2002", "\u2003", "\u2004",
           "\u2005", "\u2006", "\u2007", "\u2008", "\u2009", "\u200a", "\u205f"}


def _hidden(ch: str) -> bool:
    return bool(HIDDEN_NON_ASCII.match(ch))
