"""Stage 5, commands: what `prongsai` runs — build (load → check → render → engine →
publish), serve, check, new-year, and the README's generated problem table."""
