"""Live preview: build into a temporary folder, serve it, rebuild on every saved edit."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from generator.build import BuildRefused, build
from generator.content import load_project
from generator.engine import EngineError, theme_dir
from generator.output import problems_text
from generator.problems import InputError


def serve(root: Path, host: str, port: int, *, catalogue: Path | None = None,
          echo: Callable[[str], None] = print) -> None:
    from mkdocs.livereload import LiveReloadServer

    root = root.resolve()
    tmp = Path(tempfile.mkdtemp(prefix="prongsai-serve-"))
    out = tmp / "site"

    def rebuild() -> None:
        try:
            result = build(root, out, catalogue=catalogue)
        except (InputError, BuildRefused) as exc:
            echo(problems_text(exc.problems))
            echo("ตัวอย่างยังแสดงเว็บไซต์ครั้งก่อน — แก้ตามข้อความข้างบนแล้วบันทึกไฟล์อีกครั้ง "
                 "(the preview keeps the last good build)")
            return
        except EngineError as exc:
            echo(f"สร้างเว็บไซต์ไม่สำเร็จ (build failed): {exc}")
            return
        echo(f"สร้างใหม่แล้ว (rebuilt) ใน {result.seconds:.1f} วินาที")

    project = load_project(root, catalogue)  # fail early, with exit code 2, on unreadable input
    rebuild()
    if not out.exists():
        shutil.rmtree(tmp, ignore_errors=True)
        raise BuildRefused([])
    mount = urlsplit(project.config.site.url).path or "/"
    server = LiveReloadServer(builder=rebuild, host=host, port=port, root=str(out),
                              mount_path=mount)
    for path in (root / "content", root / "site_config.yml", theme_dir()):
        if path.exists():
            server.watch(str(path))
    echo(f"เปิดดูตัวอย่างที่ (preview at) {server.url} — กด Ctrl+C เพื่อหยุด")
    try:
        server.serve()
    except KeyboardInterrupt:
        pass
    finally:
        server.shutdown()
        shutil.rmtree(tmp, ignore_errors=True)
