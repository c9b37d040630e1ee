"""The layout rule of docs/architecture.md: generator/ is a pipeline of stage packages, and a
module imports only from its own stage or a lower one (base < load < check < render < engine
< commands); no import loops, also not inside one stage."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
STAGES = ["base", "load", "check", "render", "engine", "commands"]
# top-level modules of the package that belong to no stage, and the rank they import at
TOP = {"__init__": -1, "__main__": len(STAGES)}


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(PACKAGE).with_suffix("")
        out[".".join(("generator",) + rel.parts).removesuffix(".__init__")] = path
    return out


def _imports(path: Path, name: str) -> set[str]:
    """generator modules that `path` imports, at module level or inside functions."""
    found = set()
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names if a.name.startswith("generator")}
        elif isinstance(node, ast.ImportFrom):
            if node.level:  # relative import
                base = package.rsplit(".", node.level - 1)[0] if node.level > 1 else package
                mod = f"{base}.{node.module}" if node.module else base
            else:
                mod = node.module or ""
            if mod.startswith("generator"):
                found.add(mod)
                found |= {f"{mod}.{a.name}" for a in node.names}  # `from pkg import module`
    return found


def _rank(module: str) -> int:
    parts = module.split(".")
    if len(parts) < 2:
        return -1
    if parts[1] in STAGES:
        return STAGES.index(parts[1])
    return TOP.get(parts[1], -1)


GRAPH = {name: {m for m in _imports(path, name) if m in _modules()} - {name}
         for name, path in _modules().items()}


def test_every_module_is_in_a_stage() -> None:
    loose = [m for m in GRAPH if len(m.split(".")) == 2 and m.split(".")[1] not in TOP
             and m.split(".")[1] not in STAGES]
    assert loose == [], "modules outside the stage packages: " + ", ".join(loose)


@pytest.mark.parametrize("module", sorted(GRAPH))
def test_no_module_imports_a_higher_stage(module: str) -> None:
    higher = sorted(m for m in GRAPH[module] if _rank(m) > _rank(module))
    assert higher == [], f"{module} (stage {_rank(module)}) imports a higher stage: {higher}"


def test_no_import_loops() -> None:
    """Depth-first search for a cycle among generator's modules."""
    WHITE, GREY, BLACK = 0, 1, 2
    colour = dict.fromkeys(GRAPH, WHITE)
    loops: list[list[str]] = []

    def visit(node: str, trail: list[str]) -> None:
        colour[node] = GREY
        for nxt in sorted(GRAPH[node]):
            if colour[nxt] == GREY:
                loops.append(trail[trail.index(nxt):] + [node, nxt] if nxt in trail
                             else [node, nxt])
            elif colour[nxt] == WHITE:
                visit(nxt, trail + [node])
        colour[node] = BLACK

    for node in sorted(GRAPH):
        if colour[node] == WHITE:
            visit(node, [])
    assert loops == [], "import loops: " + "; ".join(" -> ".join(c) for c in loops)


def test_the_rule_catches_what_it_should(tmp_path: Path) -> None:
    """The checker itself: a lower stage importing a higher one is seen, at any depth."""
    src = tmp_path / "m.py"
    src.write_text("def f():\n    from generator.commands.build import build\n", "utf-8")
    assert "generator.commands.build" in _imports(src, "generator.load.m")
    assert _rank("generator.commands.build") > _rank("generator.load.m")


# --- problem kinds: declared once, declared by the module that reports them, tested ---------

def _reported(path: Path) -> tuple[set[str], bool]:
    """Kinds a module reports by literal code, and whether it also reports computed ones."""
    literal, computed = set(), False
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if isinstance(node, ast.Call) and node.args:
            f = node.func
            name = f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")
            if name in ("problem", "report"):
                arg = node.args[0]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    literal.add(arg.value)
                else:
                    computed = True
    return literal, computed


def _raises(name: str) -> tuple[str, ...] | None:
    import importlib

    return getattr(importlib.import_module(name), "RAISES", None)


PASS_THROUGH = {"generator.base.problems", "generator.load.fields"}


@pytest.mark.parametrize("module", sorted(set(GRAPH) - PASS_THROUGH))
def test_a_module_declares_every_kind_it_reports(module: str) -> None:
    literal, computed = _reported(_modules()[module])
    declared = _raises(module)
    if not literal and not computed:
        return
    assert declared is not None, f"{module} reports problems but has no RAISES"
    assert literal <= set(declared), f"undeclared: {sorted(literal - set(declared))}"


def test_every_declared_kind_is_raised_somewhere_and_exists() -> None:
    from generator.base.kinds import KINDS

    declared = set()
    for module in GRAPH:
        declared |= set(_raises(module) or ())
    assert declared - set(KINDS) == set(), "RAISES names kinds that are not declared"
    assert set(KINDS) - declared == set(), "kinds no module declares it raises"


def test_every_kind_is_exercised_by_a_test() -> None:
    """A kind that no test names (a bad-input case, an assertion on its code) is untested."""
    from generator.base.kinds import KINDS

    tests = Path(__file__).resolve().parent
    text = "".join(p.read_text("utf-8", errors="ignore") for p in tests.rglob("*")
                   if p.is_file() and p.suffix in (".py", ".yml", ".md", ".txt", ".json")
                   and "golden" not in p.parts and p.name != "test_architecture.py")
    assert [c for c in KINDS if f"{c}" not in text] == []


def test_an_undeclared_kind_fails_at_run_time() -> None:
    """The run-time half: with PRONGSAI_CHECK_DECLARED (set for the whole suite), reporting
    a kind the reporting module does not declare raises."""
    from generator.base import problems

    assert problems.CHECK_DECLARED
    namespace = {"__name__": "generator.check.fake", "RAISES": ("file-missing",),
                 "problem": problems.problem}
    exec("def ok():\n    return problem('file-missing')\n"
         "def bad():\n    return problem('file-empty')\n", namespace)
    assert namespace["ok"]().code == "file-missing"  # type: ignore[operator]
    with pytest.raises(problems.UndeclaredKind, match="file-empty"):
        namespace["bad"]()  # type: ignore[operator]
