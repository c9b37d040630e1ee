"""The `prongsai` command. It only parses options, calls the library and turns problems into
exit codes: 0 fine, 1 problems in the content, 2 input that cannot be read or bad usage.
Tracebacks are shown only with --debug."""

from __future__ import annotations

import functools
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from generator import __version__
from generator.base.problems import BuildRefused, EngineError, InputError

EXIT_OK, EXIT_PROBLEMS, EXIT_INPUT = 0, 1, 2


def _echo_err(text: str) -> None:
    click.echo(text, err=True)


def guarded(fn: Callable[..., int]) -> Callable[..., None]:
    """Run a command; map library exceptions to messages and exit codes."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> None:
        from generator.render.reports import problems_text

        debug = kwargs.get("debug", False)
        try:
            code = fn(*args, **kwargs)
        except InputError as exc:
            _echo_err(problems_text(exc.problems))
            _echo_err("อ่านข้อมูลไม่ได้ — แก้ตามข้อความข้างบนแล้วลองใหม่ (input cannot be read)")
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT
        except BuildRefused as exc:
            _echo_err(problems_text(exc.problems))
            _echo_err(f"ยังไม่สร้างเว็บไซต์: พบปัญหา {len(exc.problems)} รายการที่ต้องแก้ก่อน; "
                      "เว็บไซต์เดิมไม่ถูกเปลี่ยนแปลง (build refused; the previous site is "
                      "unchanged)")
            code = EXIT_PROBLEMS
        except EngineError as exc:
            _echo_err(f"สร้างเว็บไซต์ไม่สำเร็จ (build failed): {exc}")
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT
        except KeyboardInterrupt:
            code = 130
        except OSError as exc:  # a disk full, a folder without write permission …
            where = f" {exc.filename}" if exc.filename else ""
            _echo_err(f"อ่านหรือเขียนไฟล์ไม่ได้ (cannot read or write){where}: "
                      f"{exc.strerror or exc}; เว็บไซต์เดิมไม่ถูกเปลี่ยนแปลง "
                      "(the previous site is unchanged)")
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT
        except click.ClickException:
            raise
        except Exception as exc:  # the CLI edge: never show a traceback without --debug
            if debug:
                raise
            _echo_err(f"เกิดข้อผิดพลาดภายในโปรแกรม (internal error): {type(exc).__name__}: "
                      f"{exc}\nรันอีกครั้งด้วย --debug เพื่อดูรายละเอียด และแจ้งผู้พัฒนา")
            code = 3
        sys.exit(code)

    return wrapper


project_option = click.option(
    "--project", "-p", "root", type=click.Path(file_okay=False, path_type=Path), default=".",
    show_default=True, help="Folder with site_config.yml and content/.")
catalogue_option = click.option(
    "--catalogue", type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Use this catalogue file instead of the one shipped for the year.")
debug_option = click.option("--debug", is_flag=True, help="Show Python tracebacks.")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prongsai")
def cli() -> None:
    """Prongsai (โปร่งใส): build a Thai council's ITA/OIT transparency website."""


@cli.command()
@project_option
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: site/ in the project).")
@click.option("--markdown-out", type=click.Path(file_okay=False, path_type=Path),
              help="Also write the generated Markdown and mkdocs.yml here "
                   "(build them with plain `mkdocs build`).")
@catalogue_option
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Neither use nor update the build caches (.cache/prongsai/ in the project, "
                   "compiled templates in the temp folder); the site is the same either way.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
@debug_option
@guarded
def build(root: Path, out: Path | None, markdown_out: Path | None, catalogue: Path | None,
          no_cache: bool, quiet: bool, debug: bool) -> int:
    """Build the website into site/ (replaced only when the build succeeds)."""
    from generator.commands.build import build as run_build
    from generator.render.reports import problems_text

    result = run_build(root, out, catalogue=catalogue, markdown_out=markdown_out,
                       cache=not no_cache)
    for note in result.notes:
        _echo_err(note)
    if not quiet:
        for fy, report in sorted(result.reports.items(), reverse=True):
            c = report.counts
            click.echo(f"ปีงบประมาณ {fy}: ครบถ้วน {c['complete']}/{len(report.items)} ข้อ, "
                       f"องค์ประกอบ {report.completion:.1f}%, ปัญหา {len(report.errors)} รายการ")
        for w in result.engine_warnings:
            click.echo(f"MkDocs: {w}")
        click.echo(f"สร้างเว็บไซต์แล้ว (built): {result.out} — {result.pages} หน้า, "
                   f"{result.files} ไฟล์หลักฐาน, {result.seconds:.1f} วินาที")
        if any(r.errors for r in result.reports.values()):
            click.echo("ดูรายการที่ยังไม่ครบด้วย `prongsai check` (see `prongsai check`)")
    elif result.problems:
        click.echo(problems_text(p for p in result.problems if p.severity == "error"))
    return EXIT_OK


@cli.command()
@project_option
@click.option("--year", "-y", type=int, help="Fiscal year to check (default: current_year).")
@click.option("--all-years", is_flag=True, help="Check every year in content/.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True, help="Report format.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@catalogue_option
@debug_option
@guarded
def check(root: Path, year: int | None, all_years: bool, fmt: str, strict: bool,
          catalogue: Path | None, debug: bool) -> int:
    """Check the content against the catalogue: every component, period and link."""
    from generator.check.year import check_year, today_for_build
    from generator.load.project import load_project
    from generator.render.reports import check_csv, check_json, check_text

    project = load_project(root, catalogue)
    fy = year or project.config.current_year
    if all_years:
        years = project.year_list
    else:
        if fy not in project.years:
            raise click.UsageError(f"no fiscal year {fy} in content/ (have: "
                                   f"{', '.join(map(str, project.year_list)) or 'none'})")
        years = [fy]
    today = today_for_build()
    reports = [check_year(project, y, today) for y in years]
    if fmt == "json":
        click.echo(check_json(reports), nl=False)
    elif fmt == "csv":
        click.echo(check_csv(reports), nl=False)
    else:
        click.echo("\n".join(check_text(r, strict) for r in reports), nl=False)
    bad = any(p.severity == "error" or strict for r in reports for p in r.problems)
    return EXIT_PROBLEMS if bad else EXIT_OK


@cli.command()
@project_option
@click.option("--addr", "-a", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on.")
@catalogue_option
@debug_option
@guarded
def serve(root: Path, addr: str, catalogue: Path | None, debug: bool) -> int:
    """Preview the site; it rebuilds when content/ or site_config.yml change."""
    from generator.commands.serve import serve as run_serve

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    host, _, port = addr.rpartition(":")
    if not port.isdigit():
        raise click.BadParameter(f"expected HOST:PORT, got {addr!r}", param_hint="--addr")
    run_serve(root, host or "127.0.0.1", int(port), catalogue=catalogue, echo=click.echo)
    return EXIT_OK


@cli.command("new-year")
@click.argument("fy")
@project_option
@catalogue_option
@click.option("--mapping", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="YAML file `new item: last year's item(s)`, e.g. `o6: o5`, for a "
                   "renumbered catalogue without a `previous:` mapping.")
@click.option("--from", "previous", type=int,
              help="Fiscal year to carry evidence from (default: FY - 1).")
@click.option("--dry-run", is_flag=True, help="Report what would be done; write nothing.")
@debug_option
@guarded
def new_year(fy: str, root: Path, catalogue: Path | None, mapping: Path | None,
             previous: int | None, dry_run: bool, debug: bool) -> int:
    """Start fiscal year FY: create content/FY/oit/<item>.md for every item of its catalogue,
    carrying last year's evidence that still counts. Existing files are never changed."""
    from generator.base.thai import to_arabic
    from generator.commands.newyear import new_year as run_new_year
    from generator.commands.newyear import report_text

    text = to_arabic(fy.strip())
    if not text.isdigit() or not 2400 <= int(text) <= 2700:
        hint = (f" ({text} → {int(text) + 543})" if text.isdigit() and 1900 <= int(text) <= 2200
                else "")
        raise click.BadParameter(f"expected a Buddhist-era fiscal year such as 2569, got "
                                 f"{fy!r}{hint}", param_hint="FY")
    report = run_new_year(root, int(text), catalogue=catalogue, mapping=mapping,
                          previous=previous, dry_run=dry_run)
    click.echo(report_text(report), nl=False)
    return EXIT_OK


def main() -> None:
    try:
        cli(prog_name="prongsai")
    except click.exceptions.Exit as exc:  # pragma: no cover
        sys.exit(exc.exit_code)
