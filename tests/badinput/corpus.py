"""The bad-input corpus: load a case, make its project, run it (format: README.md here).

Used by tests/test_badinput.py; run `python -m tests.badinput.corpus CASE…` to print what a
case (or a new, not yet described one) actually reports, as expected.yml would list it.
"""

from __future__ import annotations

import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
BASE = HERE / "_base"
CASE_FILE = "expected.yml"
CASE_KEYS = {"about", "setup", "args", "exit", "build", "problems", "html", "absent", "site"}
PROBLEM_KEYS = ("code", "file", "line", "column", "path", "item", "component")
ENCODINGS = {"cp874", "tis-620", "utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "latin-1"}


@dataclass(frozen=True)
class Case:
    name: str
    dir: Path
    about: str
    setup: tuple[dict[str, Any], ...]
    args: tuple[str, ...]
    exit: int
    build: int
    problems: tuple[tuple[Any, ...], ...]
    html: tuple[dict[str, Any], ...] = field(default_factory=tuple)
    site: str = ""  # "project": build into the project's own site/ (no --out)
    # (problem row, text its Thai message, fix or position must contain)
    thai: tuple[tuple[tuple[Any, ...], str], ...] = field(default_factory=tuple)
    absent: tuple[str, ...] = ()  # text that must never be printed (YAML escapes allowed)


def case_names() -> list[str]:
    return sorted(d.name for d in HERE.iterdir()
                  if d.is_dir() and not d.name.startswith(("_", ".")) and
                  (d / CASE_FILE).exists())


def load_case(name: str) -> Case:
    d = HERE / name
    spec = yaml.safe_load((d / CASE_FILE).read_text("utf-8")) or {}
    unknown = set(spec) - CASE_KEYS
    if unknown:
        raise ValueError(f"{name}/{CASE_FILE}: unknown keys {sorted(unknown)}")
    for key in ("about", "exit", "problems"):
        if key not in spec:
            raise ValueError(f"{name}/{CASE_FILE}: `{key}` is required")
    problems = []
    thai = []
    for p in spec["problems"]:
        p = dict(p)
        th = p.pop("th", None)
        extra = set(p) - set(PROBLEM_KEYS)
        if extra or "code" not in p:
            raise ValueError(f"{name}/{CASE_FILE}: a problem needs `code` and may have "
                             f"{PROBLEM_KEYS[1:]} and `th`; got {sorted(p)}")
        problems.append(problem_row(p))
        for text in ([th] if isinstance(th, str) else th or []):
            thai.append((problem_row(p), text))
    return Case(
        name=name, dir=d, about=spec["about"], setup=tuple(spec.get("setup") or ()),
        args=tuple(spec.get("args") or ("check", "--all-years")), exit=spec["exit"],
        build=spec.get("build", spec["exit"]), problems=tuple(sorted(problems, key=_order)),
        html=tuple(spec.get("html") or ()), thai=tuple(thai),
        absent=tuple(spec.get("absent") or ()), site=spec.get("site", ""))


def problem_row(p: Any) -> tuple[Any, ...]:
    """(code, file, line, column, path, item, component) of a Problem or of a mapping."""
    get = p.get if isinstance(p, dict) else lambda k: getattr(p, k)
    return tuple(get(k) for k in PROBLEM_KEYS)


def _order(row: tuple[Any, ...]) -> tuple[str, ...]:
    return tuple("" if v is None else f"{v:>8}" if isinstance(v, int) else str(v) for v in row)


def make_project(case: Case, tmp: Path) -> Path:
    """Copy the base project to tmp/project, lay the case's files over it, run its setup."""
    root = tmp / "project"
    shutil.copytree(BASE, root, symlinks=True)
    for src in sorted(case.dir.rglob("*")):
        rel = src.relative_to(case.dir)
        if src.is_dir() or rel.as_posix() == CASE_FILE:
            continue
        dest = root / rel
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
    for step in case.setup:
        _setup(root, step)
    return root


def _inside(root: Path, rel: str, may_leave: bool = False) -> Path:
    path = (root / rel).resolve()
    limit = root.parent if may_leave else root
    if not path.is_relative_to(limit.resolve()):
        raise ValueError(f"setup path {rel!r} leaves the test folder")
    return root / rel


def _setup(root: Path, step: dict[str, Any]) -> None:
    [(action, arg)] = step.items()
    if action == "remove":
        path = _inside(root, arg)
        shutil.rmtree(path) if path.is_dir() else path.unlink()
    elif action == "encode":  # re-save a UTF-8 file in another encoding
        path = _inside(root, arg["file"])
        if arg["encoding"] not in ENCODINGS:
            raise ValueError(f"unknown encoding {arg['encoding']!r}")
        path.write_bytes(path.read_text("utf-8").encode(arg["encoding"]))
    elif action == "crlf":
        path = _inside(root, arg)
        path.write_bytes(path.read_bytes().replace(b"\r\n", b"\n").replace(b"\n", b"\r\n"))
    elif action == "write":  # text (YAML escapes such as "\v" allowed), repeated
        path = _inside(root, arg["file"], may_leave=True)
        path.parent.mkdir(parents=True, exist_ok=True)
        n, piece = int(arg.get("repeat", 1)), arg["text"]
        middle = "".join(piece.replace("{n}", str(i + 1)) for i in range(n)) \
            if "{n}" in piece else piece * n  # {n}: the repetition's number, from 1
        text = arg.get("before", "") + middle + arg.get("after", "")
        path.write_bytes(text.encode("utf-8"))
    elif action == "symlink":
        link = _inside(root, arg["link"])
        link.parent.mkdir(parents=True, exist_ok=True)
        os.symlink(arg["to"], link)
    elif action == "mkdir":
        _inside(root, arg).mkdir(parents=True, exist_ok=True)
    elif action == "truncate":  # cut the last `bytes` bytes (a file cut short)
        path = _inside(root, arg["file"])
        path.write_bytes(path.read_bytes()[:-int(arg["bytes"])])
    elif action == "cut-byte":  # drop the last byte of a text's first occurrence (UTF-8)
        path = _inside(root, arg["file"])
        raw, cut = path.read_bytes(), arg["in"].encode("utf-8")
        at = raw.index(cut) + len(cut) - 1
        path.write_bytes(raw[:at] + raw[at + 1:])
    elif action == "fifo":  # a named pipe where a file is expected (POSIX only)
        path = _inside(root, arg)
        path.parent.mkdir(parents=True, exist_ok=True)
        if path.exists():
            path.unlink()
        os.mkfifo(path)  # type: ignore[attr-defined,unused-ignore]
    else:
        raise ValueError(f"unknown setup action {action!r}")


@dataclass
class Outcome:
    exit: int
    output: str
    problems: list[Any]
    exception: BaseException | None


def run_check(root: Path, args: tuple[str, ...]) -> Outcome:
    """The real CLI in-process (exit code and text), plus the problems as data."""
    from click.testing import CliRunner

    from generator.base.problems import InputError, sort_key
    from generator.check.year import check_year
    from generator.commands.cli import cli
    from generator.load.project import load_project

    runner = CliRunner()
    result = runner.invoke(cli, [*args, "--project", str(root)])
    try:
        project = load_project(root)
    except InputError as exc:
        problems = list(exc.problems)
    else:
        from generator.check.year import today_for_build

        found = set()
        for fy in project.year_list:
            found |= set(check_year(project, fy, today_for_build()).problems)
        problems = sorted(found, key=sort_key)
    exc = result.exception if not isinstance(result.exception, SystemExit) else None
    return Outcome(result.exit_code, result.output, problems, exc)


def main(argv: list[str]) -> int:
    import tempfile

    verbose = "-v" in argv
    argv = [a for a in argv if a != "-v"]
    for name in argv or case_names():
        case = load_case(name)
        with tempfile.TemporaryDirectory() as tmp:
            root = make_project(case, Path(tmp))
            out = run_check(root, case.args)
        print(f"# {name}: exit {out.exit}")
        rows = [dict(zip(PROBLEM_KEYS, problem_row(p), strict=True)) for p in out.problems]
        rows = [{k: v for k, v in r.items() if v is not None} for r in rows]
        print(yaml.safe_dump({"problems": rows}, allow_unicode=True, sort_keys=False,
                             default_flow_style=None, width=200))
        if out.exception:
            print(f"EXCEPTION {out.exception!r}")
        if verbose or "Traceback" in out.output:
            print(out.output)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
