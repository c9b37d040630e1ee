"""Characters an officer cannot see, made visible in messages, and text made safe to print.

Text pasted from Word, Excel, LINE or a PDF brings characters that look like nothing or like
a space: a no-break space (U+00A0), zero-width spaces and joiners, a byte-order mark in the
middle of a file, bidirectional controls that reorder what a terminal shows, and control
characters such as ESC that a terminal obeys. A message that quotes such a line must show
where they are — `⟨NBSP⟩` — and a terminal must never receive a raw control sequence taken
from a file (`terminal_safe`).
"""

from __future__ import annotations

import re
import unicodedata

from generator.base.say import Say

# Characters that are invisible or look like an ordinary space, with a short mark and a name
# an officer can act on.
NAMED: dict[str, tuple[str, Say]] = {
    "\t": ("TAB", Say("แท็บ", "tab")),
    "\u00a0": ("NBSP", Say("เว้นวรรคแบบไม่ตัดบรรทัด ซึ่งมักติดมาจาก Word",
                           "no-break space, usually pasted from Word")),
    "\u00ad": ("SHY", Say("ยัติภังค์ที่มองไม่เห็น", "soft hyphen")),
    "\u180e": ("MVS", Say("ช่องว่างที่มองไม่เห็น", "Mongolian vowel separator")),
    "\u200b": ("ZWSP", Say("ช่องว่างความกว้างศูนย์ที่มองไม่เห็น",
                           "zero-width space")),
    "\u200c": ("ZWNJ", Say("อักขระความกว้างศูนย์ที่มองไม่เห็น",
                           "zero-width non-joiner")),
    "\u200d": ("ZWJ", Say("อักขระความกว้างศูนย์ที่มองไม่เห็น",
                          "zero-width joiner")),
    "\u200e": ("LRM", Say("เครื่องหมายทิศทางข้อความที่มองไม่เห็น", "left-to-right mark")),
    "\u200f": ("RLM", Say("เครื่องหมายทิศทางข้อความที่มองไม่เห็น", "right-to-left mark")),
    "\u2028": ("LS", Say("ตัวขึ้นบรรทัดพิเศษที่มองไม่เห็น", "line separator")),
    "\u2029": ("PS", Say("ตัวขึ้นย่อหน้าพิเศษที่มองไม่เห็น", "paragraph separator")),
    "\u202f": ("NNBSP", Say("เว้นวรรคแคบแบบไม่ตัดบรรทัด",
                            "narrow no-break space")),
    "\u2060": ("WJ", Say("อักขระเชื่อมคำที่มองไม่เห็น", "word joiner")),
    "\u3000": ("IDSP", Say("เว้นวรรคแบบเต็มช่อง", "ideographic space")),
    "\ufeff": ("BOM", Say("เครื่องหมายลำดับไบต์ (BOM) ที่มองไม่เห็น (มักเกิดจากการนำไฟล์สองไฟล์มาต่อกัน)",
                          "byte-order mark, usually from joining two files")),
}
# bidirectional controls: they reorder what is shown ("Trojan source")
for _ch, _mark in (("\u202a", "LRE"), ("\u202b", "RLE"), ("\u202c", "PDF"), ("\u202d", "LRO"),
                   ("\u202e", "RLO"), ("\u2066", "LRI"), ("\u2067", "RLI"), ("\u2068", "FSI"),
                   ("\u2069", "PDI"), ("\u061c", "ALM")):
    NAMED[_ch] = (_mark, Say("ตัวควบคุมทิศทางข้อความที่มองไม่เห็น (ทำให้ข้อความแสดงสลับลำดับ)",
                             "bidirectional control (reorders the text shown)"))
for _ch in "\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u205f":
    NAMED[_ch] = ("SP", Say("เว้นวรรคชนิดพิเศษ (ไม่ใช่เว้นวรรคธรรมดา)", "special space"))
del _ch, _mark

CONTROL_NAMES = {"\x1b": "ESC", "\x00": "NUL", "\x7f": "DEL", "\x0b": "VT", "\x0c": "FF",
                 "\x08": "BS", "\x07": "BEL", "\r": "CR"}

# what `visible` marks: the named characters, every control character but the newline,
# every other invisible format character (Unicode category Cf) and lone surrogates
_CF = "".join(chr(c) for c in range(0x80, 0x10000)
              if unicodedata.category(chr(c)) == "Cf" and chr(c) not in NAMED)
_HIDDEN = re.compile("[" + "".join(re.escape(c) for c in NAMED) + re.escape(_CF) +
                     r"\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\U000110bd\U000110cd"
                     r"\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
                     r"\U000e0001\U000e0020-\U000e007f]")
# the same, without ASCII (tabs and control characters YAML reports itself)
HIDDEN_NON_ASCII = re.compile("[" + "".join(re.escape(c) for c in NAMED if c != "\t") +
                              re.escape(_CF) + r"\x80-\x9f\ud800-\udfff\U000110bd\U000110cd"
                              r"\U00013430-\U0001343f\U0001bca0-\U0001bca3"
                              r"\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f]")


def mark(ch: str) -> str:
    """`⟨NBSP⟩`, `⟨ZWSP⟩`, `⟨ESC⟩`, `⟨U+E0041⟩`: one hidden character shown."""
    if ch in NAMED:
        return f"⟨{NAMED[ch][0]}⟩"
    if ch in CONTROL_NAMES:
        return f"⟨{CONTROL_NAMES[ch]}⟩"
    return f"⟨U+{ord(ch):04X}⟩"


def is_hidden(ch: str) -> bool:
    return bool(_HIDDEN.match(ch))


def visible(text: str, keep_tab: bool = False) -> str:
    """`text` with every invisible, space-like or control character shown as `⟨MARK⟩`
    (newlines kept; tabs too with `keep_tab`)."""
    return _HIDDEN.sub(lambda m: m.group() if keep_tab and m.group() == "\t" else
                       mark(m.group()), text)


def hidden_in(text: str) -> list[tuple[int, str]]:
    """(0-based index, character) of each hidden character in `text` (tabs included)."""
    return [(m.start(), m.group()) for m in _HIDDEN.finditer(text)]


def describe(chars: str | list[str]) -> Say:
    """`⟨NBSP⟩ = เว้นวรรคแบบไม่ตัดบรรทัด …`: what each distinct hidden character is."""
    seen: list[str] = []
    for c in chars:
        if c not in seen:
            seen.append(c)
    th, en = [], []
    for c in seen:
        name = NAMED.get(c, (None, Say("อักขระควบคุมที่มองไม่เห็น", "invisible control "
                                                                   "character")))[1]
        th.append(f"{mark(c)} คือ{name.th}")
        en.append(f"{mark(c)} is a {name.en}")
    return Say(", ".join(th), ", ".join(en))


def renders_empty(text: str) -> bool:
    """Nothing a reader would see: only spaces and invisible characters."""
    return not _HIDDEN.sub("", text).strip()


_TERMINAL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u061c"
                       r"\u200e\u200f\ud800-\udfff]")


def terminal_safe(text: str) -> str:
    """`text` safe to print: control characters (ESC sequences, carriage returns …),
    bidirectional controls and lone surrogates shown as marks; newlines and tabs kept."""
    return _TERMINAL.sub(lambda m: mark(m.group()), text)
