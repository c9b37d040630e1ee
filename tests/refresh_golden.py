"""Refresh the golden copy of the example council's generated Markdown.

Run `python -m tests.refresh_golden` after an intended change to templates or rendering,
review the diff of tests/golden/, and commit it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from generator.check.year import check_year
from generator.engine.mkdocs import template_dirs
from generator.load.project import load_project
from generator.render.pages import render_site

REPO = Path(__file__).resolve().parent.parent
GOLDEN = Path(__file__).resolve().parent / "golden"


def generate() -> dict[str, bytes]:
    """The generated docs tree of the example council, as bytes by path."""
    from tests.conftest import TODAY

    project = load_project(REPO)
    reports = {fy: check_year(project, fy, TODAY) for fy in project.year_list}
    rendered = render_site(project, reports, template_dirs(REPO), TODAY)
    out = {path: text.encode("utf-8") for path, text in rendered.pages.items()}
    out.update(rendered.files)
    return out


def main() -> None:
    if GOLDEN.exists():
        shutil.rmtree(GOLDEN)
    for path, data in sorted(generate().items()):
        dest = GOLDEN / path
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    print(f"wrote {len(list(GOLDEN.rglob('*')))} entries to {GOLDEN}")


if __name__ == "__main__":
    main()
