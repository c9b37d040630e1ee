"""A web admin's MkDocs settings (`mkdocs:` in site_config.yml) may not make a build run code
or read files from outside the project: what would is refused, at its line, by `check` as
by `build` (`mkdocs-setting-refused`; the allowed settings: docs/site-config.md).

- `hooks` run Python files; `INHERIT` reads another configuration file.
- `plugins` and `markdown_extensions` are Python modules that MkDocs imports by name: only
  the ones below, which come with MkDocs, Python-Markdown, Material and PyMdown Extensions
  and read no file of their own, may be named (a name such as `hack` would import a
  `hack.py` from the working folder). `pymdownx.snippets` and `pymdownx.b64` are left out:
  they read the files that a page names, wherever they are.
- `theme.name` and `theme.custom_dir` are Prongsai's (overrides go in theme/overrides/),
  as are `docs_dir`, `site_dir`, `nav`, `use_directory_urls` and `site_url`.
"""

from __future__ import annotations

from typing import Any

from generator.load.fields import Reader
from generator.load.yamlio import YamlPath

# the problem kinds this module reports (docs/architecture.md)
RAISES = ("mkdocs-setting-refused",)

PRONGSAIS = {"docs_dir", "site_dir", "nav", "use_directory_urls", "site_url"}
PLUGINS = {"search", "tags", "material/search", "material/tags"}
_MARKDOWN = {"abbr", "admonition", "attr_list", "codehilite", "def_list", "extra",
             "fenced_code", "footnotes", "legacy_attrs", "legacy_em", "md_in_html", "meta",
             "nl2br", "sane_lists", "smarty", "tables", "toc", "wikilinks"}
_PYMDOWNX = {"arithmatex", "betterem", "blocks.admonition", "blocks.caption",
             "blocks.definition", "blocks.details", "blocks.tab", "caret", "critic", "details",
             "emoji", "escapeall", "fancylists", "highlight", "inlinehilite", "keys",
             "magiclink", "mark", "progressbar", "saneheaders", "smartsymbols", "striphtml",
             "superfences", "tabbed", "tasklist", "tilde"}
MARKDOWN_EXTENSIONS = (_MARKDOWN | {f"markdown.extensions.{x}" for x in _MARKDOWN} |
                       {f"pymdownx.{x}" for x in _PYMDOWNX})

WHY = {  # (English, Thai)
    "hooks": ("hooks run Python files during the build",
              "`hooks` จะรันไฟล์โปรแกรมภาษาไพทอนขณะสร้างเว็บไซต์"),
    "INHERIT": ("INHERIT reads another configuration file",
                "`INHERIT` จะอ่านไฟล์ตั้งค่าอื่นเข้ามา"),
    "prongsai": ("Prongsai sets it", "โปรแกรมสร้างเว็บไซต์กำหนดค่านี้เอง"),
    "theme": ("Prongsai sets the theme; template overrides go in theme/overrides/",
              "โปรแกรมสร้างเว็บไซต์กำหนดธีมเอง แม่แบบที่ปรับแต่งให้ใส่ในโฟลเดอร์ theme/overrides/"),
    "plugin": ("a plugin is Python code run by the build; allowed: " + ", ".join(sorted(PLUGINS)),
               "ปลั๊กอินคือโค้ดภาษาไพทอนที่รันขณะสร้างเว็บไซต์ ใช้ได้เฉพาะ " +
               ", ".join(f"`{p}`" for p in sorted(PLUGINS))),
    "extension": ("a Markdown extension is Python code run by the build; this one is not on "
                  "the list in docs/site-config.md",
                  "ส่วนขยาย Markdown คือโค้ดภาษาไพทอนที่รันขณะสร้างเว็บไซต์ "
                  "และส่วนขยายนี้ไม่อยู่ในรายการของ docs/site-config.md"),
}


def check_mkdocs_settings(r: Reader, path: YamlPath) -> dict[str, Any]:
    """The `mkdocs:` mapping at `path`, without the settings that are refused (each one
    reported)."""
    settings = dict(r.mapping(path))
    for key in list(settings):
        why = ("hooks" if key == "hooks" else "INHERIT" if key == "INHERIT" else
               "prongsai" if key in PRONGSAIS else None)
        if why is not None:
            _refuse(r, path + (key,), f"mkdocs.{key}", why)
            del settings[key]
    theme = settings.get("theme")
    if isinstance(theme, dict):
        for key in ("name", "custom_dir"):
            if key in theme:
                _refuse(r, path + ("theme", key), f"mkdocs.theme.{key}", "theme")
        settings["theme"] = {k: v for k, v in theme.items() if k not in ("name", "custom_dir")}
    for key, allowed, why in (("plugins", PLUGINS, "plugin"),
                              ("markdown_extensions", MARKDOWN_EXTENSIONS, "extension")):
        if key in settings:
            settings[key] = _named(r, path + (key,), settings[key], allowed, why)
    return settings


def _named(r: Reader, path: YamlPath, value: Any, allowed: set[str], why: str) -> Any:
    """A list of module names (`- name` or `- name: {options}`), or a mapping of names to
    options: those not in `allowed` reported and left out."""
    if isinstance(value, dict):
        for name in [n for n in value if str(n) not in allowed]:
            _refuse(r, path + (name,), f"{path[-1]}: {name}", why)
        return {n: v for n, v in value.items() if str(n) in allowed}
    items = value if isinstance(value, list) else [value]
    kept = []
    for i, entry in enumerate(items):
        name = next(iter(entry), "") if isinstance(entry, dict) and len(entry) == 1 else entry
        if isinstance(name, str) and name in allowed:
            kept.append(entry)
        else:
            where = path + (i,) if isinstance(value, list) else path
            _refuse(r, where, f"{path[-1]}: {name}", why)
    return kept


def _refuse(r: Reader, path: YamlPath, shown: str, why: str) -> None:
    en, th = WHY[why]
    r.report("mkdocs-setting-refused", path, value=shown, found=en, found_th=th)
