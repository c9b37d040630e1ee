"""What counts as an English word in a Thai message (tests/test_thai_messages.py and the
bad-input corpus): anything in Latin letters that is not a code, a file name, a key, a
command, a value quoted from the officer's file, or one of the names officers know in Latin
letters (PDF, Excel, UTF-8 …)."""

from __future__ import annotations

import re

from generator.base.kinds import KINDS

# names officers read in Latin letters in Thai text: file formats, programs, the
# assessment's own acronyms, web schemes
KNOWN = {
    "UTF-8", "UTF-16", "YAML", "PDF", "PNG", "JPEG", "GIF", "WebP", "HTML", "Markdown", "CSV",
    "ZIP", "Word", "Excel", "PowerPoint", "OpenDocument", "Notepad", "Windows", "Windows-874",
    "TIS-620", "BOM", "FIFO", "OIT", "ITA", "EIT", "IIT", "QR", "https", "http", "mailto",
    "tel", "Ctrl", "MkDocs", "Facebook", "Google", "Drive", "Gmail", "OneDrive", "Outlook",
    "NUL", "E-Service", "e-GP", "socket", "docx", "xlsx", "pptx", "doc", "xls", "ppt", "odt",
    "ods", "URL", "LibreOffice", "Calc", "JSON", "cgdcontract",
    # the published file types (generator/load/files.py PUBLISHED_NAMES)
    "TIFF", "BMP", "RTF", "Zip", "RAR", "TXT",
}
_SPANS = [
    re.compile(r"`[^`]*`"),            # keys, values, commands, lines in backticks
    re.compile(r"“[^”]*”"),            # the officer's titles in quotes
    re.compile(r"«[^»]*»"),
    re.compile(r"⟨[^⟩]*⟩"),            # hidden characters shown
    re.compile(r"https?://\S+"),       # links
    re.compile(r"\S*[/\\]\S*"),        # paths
    re.compile(r"\S+\.(?:md|yml|yaml|pdf|png|jpe?g|gif|webp|docx?|xlsx?|pptx?|od[ts]|zip|"
               r"csv|txt|html?|svg|js|py|exe|json)\b", re.I),
    re.compile(r"(?<!\S)\.[a-z]{2,5}\b"),  # file extensions (.xlsx)
    re.compile(r"--[a-z][a-z-]*"),     # command-line options
    re.compile(r"\bo\d+\b"),           # item ids
    re.compile(r"0x[0-9a-f]+", re.I),  # bytes
    re.compile(r"\bU\+[0-9A-F]{4,6}\b"),
]
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9'_+-]*")


def english_words(text: str, also_allowed: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The Latin-letter words of `text` that are none of the allowed kinds."""
    for span in _SPANS:
        text = span.sub(" ", text)
    return [w for w in _WORD.findall(text)
            if w not in KNOWN and w not in KINDS and w not in also_allowed
            and w.rstrip("-") not in KNOWN]
