"""Stage 4, engine: the only package that knows MkDocs and mkdocs-material — the effective
mkdocs.yml, the build, Thai search words and sections, theme files (docs/engine.md)."""
