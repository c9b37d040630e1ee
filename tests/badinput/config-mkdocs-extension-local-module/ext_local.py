"""Would run at build time if MkDocs were given it (tests/badinput/README.md)."""

from pathlib import Path

Path("PWNED").write_text("x", "utf-8")
