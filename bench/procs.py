"""Running and timing child processes: wall time and the child's own peak memory."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SOURCE_DATE_EPOCH = "1730332800"  # 2024-10-31: builds are deterministic and comparable


# Where measured commands cache Python bytecode (set by bench.run to a temp folder).
PYCACHE: Path | None = None


def child_env(extra: dict[str, str] | None = None) -> dict[str, str]:
    """The environment every measured command runs in: this checkout's `generator` first on
    the path, a fixed build date, no MkDocs 2 banner, and bytecode cached as in an
    installed Prongsai (pip compiles it; PYTHONDONTWRITEBYTECODE, if set, would make every
    run compile our modules again while MkDocs' come precompiled)."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO), *filter(None, [env.get("PYTHONPATH")])])
    env["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    env["NO_MKDOCS_2_WARNING"] = "1"
    if PYCACHE is not None:
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    env.update(extra or {})
    return env


def prongsai(*args: str) -> list[str]:
    return [sys.executable, "-m", "generator", *args]


def mkdocs(*args: str) -> list[str]:
    return [sys.executable, "-m", "mkdocs", *args]


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mb: float  # the child's maximum resident set size
    code: int
    output: str
    cpu_s: float = 0.0  # the child's own user + system CPU time


class CommandFailed(RuntimeError):
    pass


def run(cmd: list[str], *, cwd: Path | None = None, ok: tuple[int, ...] = (0,),
        timeout: float = 600) -> Run:
    """Run `cmd`, wait for it with wait4() to get its own rusage; output goes to a file so a
    full pipe never slows the child down."""
    log = Path(os.environ.get("TMPDIR", "/tmp")) / f"prongsai-bench-{os.getpid()}.log"
    with open(log, "w+b") as out:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, env=child_env(), stdout=out,
                                stderr=subprocess.STDOUT)
        deadline = started + timeout
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.perf_counter() > deadline:
                proc.kill()
                os.wait4(proc.pid, 0)
                raise CommandFailed(f"timed out after {timeout:.0f} s: {' '.join(cmd)}")
            time.sleep(0.002)
        seconds = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    log.unlink(missing_ok=True)
    if proc.returncode not in ok:
        raise CommandFailed(f"exit {proc.returncode}: {' '.join(cmd)}\n{text[-3000:]}")
    return Run(seconds, usage.ru_maxrss / 1024, proc.returncode, text,
               usage.ru_utime + usage.ru_stime)


def loadavg() -> list[float]:
    return [round(x, 2) for x in os.getloadavg()]
