"""Stage 3, render: turn the project and its reports into Markdown pages, charts and the
published reports (checklist CSV/JSON, terminal text). Knows nothing of MkDocs."""
