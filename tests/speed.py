"""Test-only speed-up: MkDocs compiles every theme template again on each build; the tests
that build dozens of small sites share compiled templates (keyed by file name and source
checksum, so a changed template is compiled again). Output is unaffected."""

from __future__ import annotations

from collections.abc import Iterator

import jinja2
import pytest


class _MemoryBytecodeCache(jinja2.BytecodeCache):
    def __init__(self) -> None:
        self.store: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.store:
            bucket.bytecode_from_string(self.store[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.store[bucket.key] = bucket.bytecode_to_string()


CACHE = _MemoryBytecodeCache()


@pytest.fixture(scope="module", autouse=True)
def shared_template_cache() -> Iterator[None]:
    from mkdocs.theme import Theme

    original = Theme.get_env

    def get_env(self: Theme) -> jinja2.Environment:
        env = original(self)
        env.bytecode_cache = CACHE
        return env

    Theme.get_env = get_env  # type: ignore[method-assign]
    try:
        yield
    finally:
        Theme.get_env = original  # type: ignore[method-assign]
