"""The `prongsai` command. It only parses options, calls the library and turns problems into
exit codes: 0 fine, 1 problems in the content (a refused build), 2 input that cannot be read
or bad usage, 3 an internal error, 4 a site built with problems (entries it could not
understand were published marked "needs attention"). Tracebacks are shown only with --debug.

Every message is Thai unless English is asked for (`--lang en` or PRONGSAI_LANG=en), and
nothing taken from a file reaches the terminal with its control characters (an ESC sequence
in a key would recolour or rewrite the officer's terminal): everything printed goes through
`echo`."""

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
from generator.base.say import LANGS, Say, say, set_lang
from generator.base.visible import terminal_safe

EXIT_OK, EXIT_PROBLEMS, EXIT_INPUT = 0, 1, 2
EXIT_BUILT_WITH_PROBLEMS = 4  # README "When the build refuses"


def echo(text: str, err: bool = False, nl: bool = True) -> None:
    """Print `text` with its control characters shown, never obeyed."""
    click.echo(terminal_safe(text), err=err, nl=nl)


def _echo_err(text: str) -> None:
    echo(text, err=True)


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
            _echo_err(say("อ่านข้อมูลไม่ได้ แก้ตามข้อความข้างบนแล้วลองใหม่",
                          "the input cannot be read: fix what is said above and try again"))
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT
        except BuildRefused as exc:
            _echo_err(problems_text(exc.problems))
            strict_th = ("--strict: ข้อมูลที่อ่านไม่ได้ทุกรายการต้องแก้ก่อนเผยแพร่ "
                         if exc.strict else "")
            strict_en = ("--strict: without it the site would be built with these entries "
                         "marked; " if exc.strict else "")
            _echo_err(say(f"ยังไม่สร้างเว็บไซต์: พบปัญหา {len(exc.problems)} รายการที่ต้องแก้ก่อน "
                          f"{strict_th}เว็บไซต์เดิมไม่ถูกเปลี่ยนแปลง",
                          f"build refused: {len(exc.problems)} problem(s) must be fixed first; "
                          f"{strict_en}the previous site is unchanged"))
            code = EXIT_PROBLEMS
        except EngineError as exc:
            _echo_err(say(f"สร้างเว็บไซต์ไม่สำเร็จ: {exc}", f"build failed: {exc}"))
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT
        except KeyboardInterrupt:
            code = 130
        except OSError as exc:  # a disk full, a folder without write permission …
            where = f" {exc.filename}" if exc.filename else ""
            _echo_err(say(f"อ่านหรือเขียนไฟล์ไม่ได้{where}: {exc.strerror or exc} "
                          "เว็บไซต์เดิมไม่ถูกเปลี่ยนแปลง",
                          f"cannot read or write{where}: {exc.strerror or exc}; the previous "
                          "site is unchanged"))
            if debug:
                traceback.print_exc()
            code = EXIT_INPUT
        except click.ClickException:
            raise
        except Exception as exc:  # the CLI edge: never show a traceback without --debug
            if debug:
                raise
            _echo_err(say(f"เกิดข้อผิดพลาดภายในโปรแกรม: {type(exc).__name__}: {exc}\n"
                          "รันคำสั่งเดิมอีกครั้งโดยเพิ่ม `--debug` เพื่อดูรายละเอียด แล้วแจ้งผู้พัฒนา",
                          f"internal error: {type(exc).__name__}: {exc}\n"
                          "run again with --debug for the details and report it"))
            code = 3
        sys.exit(code)

    return wrapper


class UsageProblem(click.UsageError):
    """Bad usage, said in both languages (shown in the chosen one)."""

    def __init__(self, message: Say, ctx: click.Context | None = None):
        super().__init__(message.en, ctx or click.get_current_context(silent=True))
        self.said = message


def _usage_text(exc: click.ClickException) -> str:
    """Click's own errors (mistyped options, missing values) in the chosen language."""
    if isinstance(exc, UsageProblem):
        return str(exc.said)
    if isinstance(exc, click.NoSuchOption):
        close = f" หมายถึง `{exc.possibilities[0]}` หรือไม่" if exc.possibilities else ""
        close_en = f" Did you mean `{exc.possibilities[0]}`?" if exc.possibilities else ""
        return say(f"ไม่รู้จักตัวเลือก `{exc.option_name}`{close}",
                   f"no such option `{exc.option_name}`.{close_en}")
    if isinstance(exc, click.MissingParameter):
        name = exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else "?"
        return say(f"ยังไม่ได้ระบุ {name}", f"missing {name}")
    if isinstance(exc, click.BadParameter):
        name = (exc.param_hint if isinstance(exc.param_hint, str) else
                exc.param.get_error_hint(exc.ctx) if exc.param and exc.ctx else "")
        return say(f"ค่าของ {name} ไม่ถูกต้อง: {exc.message}",
                   f"invalid value for {name}: {exc.message}")
    if isinstance(exc, click.BadOptionUsage):
        return say(f"ใช้ตัวเลือก `{exc.option_name}` ไม่ถูกต้อง: {exc.message}",
                   f"bad use of `{exc.option_name}`: {exc.message}")
    if isinstance(exc, click.UsageError) and exc.message.startswith("No such command"):
        name = exc.message.split("'")[1] if "'" in exc.message else exc.message
        return say(f"ไม่มีคำสั่ง `{name}` (คำสั่งที่มี: `build`, `check`, `serve`, `new-year`)",
                   f"no such command `{name}` (commands: build, check, serve, new-year)")
    if isinstance(exc, click.UsageError) and exc.message.startswith("Got unexpected extra"):
        return say(f"มีข้อความเกินมาในคำสั่ง: {exc.message.split(':', 1)[-1].strip()}",
                   exc.message)
    return exc.format_message()


class Prongsai(click.Group):
    """The `prongsai` group: usage errors in the officer's language, with a pointer to
    `--help`, and the same exit code (2) as click's."""

    def main(self, args: Any = None, prog_name: str | None = None,
             complete_var: str | None = None, standalone_mode: bool = True,
             windows_expand_args: bool = True, **extra: Any) -> Any:
        set_lang(None)  # each run starts from PRONGSAI_LANG; `--lang` may change it
        run: Any = super().main  # click's overloads do not cover standalone_mode=False
        if not standalone_mode:
            return run(args, prog_name, complete_var, standalone_mode=False,
                       windows_expand_args=windows_expand_args, **extra)
        try:
            rv = run(args, prog_name, complete_var, standalone_mode=False,
                     windows_expand_args=windows_expand_args, **extra)
        except click.ClickException as exc:
            ctx = getattr(exc, "ctx", None)
            command = ctx.command_path if ctx is not None else (prog_name or "prongsai")
            _echo_err(say(f"ใช้คำสั่งไม่ถูกต้อง: {_usage_text(exc)}\n"
                          f"ดูวิธีใช้ด้วย `{command} --help`",
                          f"usage error: {_usage_text(exc)}\nsee `{command} --help`"))
            sys.exit(exc.exit_code)
        except click.exceptions.Abort:
            _echo_err(say("ยกเลิกแล้ว", "aborted"))
            sys.exit(1)
        sys.exit(rv if isinstance(rv, int) else 0)


def _set_lang(ctx: click.Context, param: click.Parameter, value: str | None) -> None:
    if value is not None:
        set_lang(value)


lang_option = click.option(
    "--lang", type=click.Choice(LANGS), default=None, is_eager=True, expose_value=False,
    callback=_set_lang,
    help="Language of messages: th (default) or en; or set PRONGSAI_LANG=en.")
project_option = click.option(
    "--project", "-p", "root", type=click.Path(file_okay=False, path_type=Path), default=".",
    show_default=True, help="Folder with site_config.yml and content/.")
catalogue_option = click.option(
    "--catalogue", type=click.Path(dir_okay=False, exists=True, path_type=Path),
    help="Use this catalogue file instead of the one shipped for the year.")
debug_option = click.option("--debug", is_flag=True, help="Show Python tracebacks.")


@click.group(cls=Prongsai, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="prongsai")
@lang_option
def cli() -> None:
    """Prongsai (โปร่งใส): build a Thai council's ITA/OIT transparency website.

    Messages are in Thai; add --lang en (or set PRONGSAI_LANG=en) for English."""


@cli.command()
@project_option
@click.option("--out", "-o", type=click.Path(file_okay=False, path_type=Path),
              help="Output folder (default: site/ in the project).")
@click.option("--markdown-out", type=click.Path(file_okay=False, path_type=Path),
              help="Also write the generated Markdown and mkdocs.yml here "
                   "(build them with plain `mkdocs build`).")
@catalogue_option
@click.option("--strict", is_flag=True,
              help="Refuse to build (exit 1, the old site kept) when any entry or file cannot "
                   "be understood, instead of publishing it marked (exit 4); for CI, like "
                   "`mkdocs build --strict`.")
@click.option("--no-cache", "no_cache", is_flag=True,
              help="Neither use nor update the build caches (.cache/prongsai/ in the project, "
                   "compiled templates in the temp folder); the site is the same either way.")
@click.option("--quiet", "-q", is_flag=True, help="Print only problems.")
@lang_option
@debug_option
@guarded
def build(root: Path, out: Path | None, markdown_out: Path | None, catalogue: Path | None,
          strict: bool, no_cache: bool, quiet: bool, debug: bool) -> int:
    """Build the website into site/ (replaced only when the build succeeds). Exit codes: 0
    built, 4 built with problems (entries marked "needs attention"), 1 refused, 2 input
    that cannot be read."""
    from generator.commands.build import build as run_build
    from generator.render.reports import problems_text

    result = run_build(root, out, catalogue=catalogue, markdown_out=markdown_out,
                       cache=not no_cache, strict=strict)
    for note in result.notes:
        _echo_err(note)
    if not quiet:
        for fy, report in sorted(result.reports.items(), reverse=True):
            c = report.counts
            echo(say(f"ปีงบประมาณ {fy}: ครบถ้วน {c['complete']}/{len(report.items)} ข้อ "
                     f"องค์ประกอบ {report.completion:.1f}% ปัญหา {len(report.errors)} รายการ",
                     f"fiscal year {fy}: {c['complete']}/{len(report.items)} items complete, "
                     f"components {report.completion:.1f}%, {len(report.errors)} problem(s)"))
        for fy, ar in sorted(result.archives.items(), reverse=True):
            echo(say(f"ปีงบประมาณ {fy}: คลังเอกสาร {len(ar.items) + len(ar.unreadable)} ข้อ "
                     "(ไม่มีเกณฑ์ของปีนี้ จึงไม่ตรวจความครบถ้วน)",
                     f"fiscal year {fy}: archive of {len(ar.items) + len(ar.unreadable)} "
                     "item(s) (no catalogue for the year: not checked for completeness)"))
        for w in result.engine_warnings:
            echo(say(f"คำเตือนจาก MkDocs: {w}", f"MkDocs: {w}"))
        echo(say(f"สร้างเว็บไซต์แล้วที่ {result.out} — {result.pages} หน้า "
                 f"ไฟล์หลักฐาน {result.files} ไฟล์ ใช้เวลา {result.seconds:.1f} วินาที",
                 f"built {result.out}: {result.pages} pages, {result.files} evidence files, "
                 f"{result.seconds:.1f} s"))
        if any(r.errors for r in result.reports.values()):
            echo(say("ดูรายการที่ยังไม่ครบด้วยคำสั่ง `prongsai check`",
                     "see what is still missing with `prongsai check`"))
    elif result.problems:
        echo(problems_text(p for p in result.problems if p.severity == "error"))
    if result.attention:
        if not quiet:
            echo(problems_text(result.attention))
        echo(say(f"เผยแพร่แล้ว แต่มี {len(result.attention)} รายการที่อ่านไม่ได้หรือใช้ไม่ได้: "
                 "หน้าเว็บแสดงรายการเหล่านั้นว่า \"ต้องแก้ไข\" และไม่ลิงก์ไปยังสิ่งที่ไม่มี "
                 "แก้ตามข้อความข้างบนแล้วสร้างใหม่ (built with problems)",
                 f"built with problems: {len(result.attention)} entry(ies) could not be read or "
                 "used; the pages mark them as needing attention and link nothing missing"))
        return EXIT_BUILT_WITH_PROBLEMS
    return EXIT_OK


@cli.command()
@project_option
@click.option("--year", "-y", type=int, help="Fiscal year to check (default: current_year).")
@click.option("--all-years", is_flag=True, help="Check every year in content/.")
@click.option("--item", "-i", "item",
              help="Show one item (e.g. o19): its components with their codes and Thai "
                   "names, the evidence that meets each, an evidence entry to copy, and its "
                   "problems.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "csv"]), default="text",
              show_default=True, help="Report format.")
@click.option("--strict", is_flag=True, help="Treat warnings as errors.")
@click.option("--as-of", "as_of", metavar="DATE",
              help="Check as of this date (Buddhist era, e.g. 2568-03-31): what is due by then "
                   "(default: site.as_of, else today).")
@catalogue_option
@lang_option
@debug_option
@guarded
def check(root: Path, year: int | None, all_years: bool, item: str | None, fmt: str,
          strict: bool, as_of: str | None, catalogue: Path | None, debug: bool) -> int:
    """Check the content against the catalogue: every component, period and link. A year
    without a catalogue (an archive) is checked for its files, links and dates only."""
    from dataclasses import replace

    from generator.base.thai import DateError, parse_date
    from generator.check.archive import check_archive
    from generator.check.year import check_year, today_for_build
    from generator.load.catalogue import item_id_of
    from generator.load.project import load_project
    from generator.render.reports import (
        archive_text,
        check_csv,
        check_json,
        check_text,
        item_text,
    )

    project = load_project(root, catalogue)
    if as_of is not None:
        try:
            day = parse_date(as_of)
        except DateError as exc:
            raise click.BadParameter(f"{as_of!r}: {exc} (e.g. --as-of 2568-03-31)",
                                     param_hint="--as-of") from exc
        cfg = project.config
        project = replace(project, config=replace(cfg, site=replace(cfg.site, as_of=day)))
    fy = year or project.config.current_year
    if all_years:
        years = project.year_list
        archived = sorted(project.archives, reverse=True)
    else:
        if fy not in project.years and fy not in project.archives:
            have = ", ".join(map(str, sorted({*project.years, *project.archives},
                                             reverse=True)))
            raise UsageProblem(Say(
                f"ไม่มีปีงบประมาณ {fy} ในโฟลเดอร์ content/ (มี: {have or 'ไม่มี'}) "
                f"สร้างปีใหม่ด้วย `prongsai new-year {fy}`",
                f"no fiscal year {fy} in content/ (have: {have or 'none'}); start it with "
                f"`prongsai new-year {fy}`"))
        years = [fy] if fy in project.years else []
        archived = [fy] if fy in project.archives else []
    today = today_for_build()
    reports = [check_year(project, y, today) for y in years]
    archives = [check_archive(project, y) for y in archived]
    if item is not None and reports:
        wanted = item_id_of(item)
        cat = reports[0].catalogue
        if wanted is None or cat.item(wanted) is None:
            ids = [it.id for it in cat.items]
            raise UsageProblem(Say(
                f"ไม่มีข้อ `{item}` ในเกณฑ์ปี {cat.fiscal_year} (มี {ids[0]} ถึง {ids[-1]})",
                f"no item `{item}` in the {cat.fiscal_year} catalogue ({ids[0]} … {ids[-1]})"))
        reports = reports[:1]
        echo(item_text(reports[0], wanted, strict), nl=False)
        st = reports[0].item(wanted)
        bad = any(p.severity == "error" or strict for p in st.problems)
        return EXIT_PROBLEMS if bad else EXIT_OK
    if fmt == "json":
        echo(check_json(reports, archives), nl=False)
    elif fmt == "csv":
        echo(check_csv(reports, archives), nl=False)
    else:
        texts = [(r.year, check_text(r, strict)) for r in reports]
        texts += [(a.year, archive_text(a, strict)) for a in archives]
        echo("\n".join(t for _, t in sorted(texts, key=lambda x: -x[0])), nl=False)
    found = [p for r in reports for p in r.problems] + [p for a in archives for p in a.problems]
    bad = any(p.severity == "error" or strict for p in found)
    return EXIT_PROBLEMS if bad else EXIT_OK


@cli.command()
@project_option
@click.option("--addr", "-a", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on.")
@catalogue_option
@lang_option
@debug_option
@guarded
def serve(root: Path, addr: str, catalogue: Path | None, debug: bool) -> int:
    """Preview the site; it rebuilds when content/ or site_config.yml change, and shows
    the content's problems on every page until they are fixed."""
    from generator.commands.serve import serve as run_serve

    logging.basicConfig(level=logging.INFO, format="%(message)s")
    if not debug:  # MkDocs' own progress lines are English; ours say the same in Thai
        logging.getLogger("mkdocs").setLevel(logging.WARNING)
    host, _, port = addr.rpartition(":")
    if not port.isdigit():
        raise UsageProblem(Say(f"`--addr` ต้องเป็น เครื่อง:พอร์ต เช่น 127.0.0.1:8000 "
                               f"แต่ได้ `{addr}`",
                               f"--addr: expected HOST:PORT, got {addr!r}"))
    run_serve(root, host or "127.0.0.1", int(port), catalogue=catalogue, echo=echo)
    return EXIT_OK


@cli.command()
@project_option
@click.option("--addr", "-a", default="127.0.0.1:8000", show_default=True,
              help="Address to serve on (127.0.0.1 or localhost only; port 0: any free port).")
@click.option("--no-browser", is_flag=True, help="Do not open the editor in a browser.")
@catalogue_option
@debug_option
@guarded
def edit(root: Path, addr: str, no_browser: bool, catalogue: Path | None, debug: bool) -> int:
    """Edit in forms (Decap CMS at /admin/) with the checklist beside them and the live
    preview; every save is checked like a build and keeps the previous version."""
    from generator.commands.editor.server import edit as run_edit
    from generator.commands.editor.server import loopback

    logging.basicConfig(level=logging.WARNING, format="%(message)s")
    host, _, port = addr.rpartition(":")
    host = host or "127.0.0.1"
    if not port.isdigit():
        raise click.BadParameter(f"expected HOST:PORT, got {addr!r}", param_hint="--addr")
    if not loopback(host):
        raise click.BadParameter(
            f"the editor serves this computer only (127.0.0.1 or localhost), got {host!r}: "
            "it can change the council's files", param_hint="--addr")
    run_edit(root, host, int(port), catalogue=catalogue, open_browser=not no_browser,
             echo=click.echo)
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
@lang_option
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
        raise UsageProblem(Say(f"ปีงบประมาณต้องเป็นปี พ.ศ. เช่น 2569 แต่ได้ `{fy}`{hint}",
                               f"FY: expected a Buddhist-era fiscal year such as 2569, got "
                               f"{fy!r}{hint}"))
    report = run_new_year(root, int(text), catalogue=catalogue, mapping=mapping,
                          previous=previous, dry_run=dry_run)
    echo(report_text(report), nl=False)
    return EXIT_OK


@cli.group("import")
def import_group() -> None:
    """Bring data that officers keep elsewhere into content/."""


@import_group.command("procurement")
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@project_option
@click.option("--year", "-y", "year", help="Fiscal year the months belong to (Buddhist era); "
              "a month outside it is refused. Default: each month's own fiscal year.")
@click.option("--replace", is_flag=True, help="Replace months that already have a data file "
              "(the old file is kept in procurement/.replaced/).")
@click.option("--dry-run", is_flag=True, help="Read and check the file; write nothing.")
@debug_option
@guarded
def import_procurement(file: Path, root: Path, year: str | None, replace: bool, dry_run: bool,
                       debug: bool) -> int:
    """Import monthly procurement summaries (แบบ สขร.1: .xlsx or .csv, or a saved cgdcontract
    JSON response) into content/<fy>/procurement/<year>-<month>.yml, for item o13."""
    from generator.commands.import_procurement import import_procurement as run_import
    from generator.commands.import_procurement import report_text

    fy = _fiscal_year(year, "--year") if year is not None else None
    report = run_import(root, file, fy, replace=replace, dry_run=dry_run)
    click.echo(report_text(report, dry_run), nl=False)
    return EXIT_PROBLEMS if report.refused or report.errors else EXIT_OK


def _fiscal_year(value: str, hint: str) -> int:
    from generator.base.thai import to_arabic

    text = to_arabic(value.strip())
    if not text.isdigit() or not 2400 <= int(text) <= 2700:
        era = (f" ({text} → {int(text) + 543})" if text.isdigit() and 1900 <= int(text) <= 2200
               else "")
        raise click.BadParameter(f"expected a Buddhist-era fiscal year such as 2569, got "
                                 f"{value!r}{era}", param_hint=hint)
    return int(text)


def main() -> None:
    cli(prog_name="prongsai")
