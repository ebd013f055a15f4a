"""What a process imports: the document and drawing libraries only when a document is made,
and nothing of the bot for ``--version`` and ``--help`` (issue 14)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.fresh_process import loaded_in_fresh_process

ROOT = Path(__file__).resolve().parents[1]
HEAVY = ("matplotlib", "openpyxl", "fpdf", "docx", "numpy", "PIL", "qrcode")


def loaded_after(code: str) -> list[str]:
    """The modules of ``HEAVY`` (and the bot's) a fresh interpreter holds after ``code``."""
    return loaded_in_fresh_process(code, [*HEAVY, "telegram", "bot.app"])


def test_version_and_help_import_neither_the_bot_nor_telegram() -> None:
    for option in ("--version", "--help"):
        code = (
            "import contextlib, io, runpy\n"
            f"sys.argv = ['bot', {option!r}]\n"
            "with contextlib.suppress(SystemExit), contextlib.redirect_stdout(io.StringIO()):\n"
            "    runpy.run_module('bot', run_name='__main__')"
        )
        assert loaded_after(code) == [], option


def test_the_application_starts_without_document_or_drawing_libraries() -> None:
    assert loaded_after("import bot.app") == ["telegram", "bot.app"]


def test_a_poster_brings_in_the_drawing_libraries_when_asked_for() -> None:
    loaded = loaded_after("import qr\nqr.render_poster_pdf")
    assert "fpdf" in loaded
    assert "matplotlib" not in loaded


# --- what imports what ------------------------------------------------------------------

FIRST_PARTY = ("bot", "core", "storage", "qr", "documents", "texts")
# Calls that import a module named by a string.
IMPORTING_CALLS = {"import_module", "__import__", "run_module"}


def module_name(path: Path) -> str:
    """The dotted name ``path`` (under ``ROOT``) is imported by."""
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_names(path: Path, module: str | None = None) -> list[tuple[int, str]]:
    """Every module name the file at ``path`` imports, with its line: ``import`` and
    ``from … import`` statements anywhere (inside functions and ``if TYPE_CHECKING:``
    too; relative ones made absolute), and strings handed to ``importlib.import_module``,
    ``__import__`` or ``runpy.run_module``. ``module`` is the file's own dotted name
    (for relative imports; by default, from its path). ``from a import b`` gives ``a.b``: whether
    that is a module or a name in ``a`` is for the caller to tell."""
    module = module_name(path) if module is None else module
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    names: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            names += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                above = package[: len(package) - (node.level - 1)]
                base = ".".join([*above, base] if base else above)
            names += [
                (node.lineno, f"{base}.{alias.name}" if base else alias.name)
                for alias in node.names
            ]
        elif isinstance(node, ast.Call):
            function = node.func
            called = function.attr if isinstance(function, ast.Attribute) else None
            called = function.id if isinstance(function, ast.Name) else called
            first = node.args[0] if node.args else None
            if (
                called in IMPORTING_CALLS
                and isinstance(first, ast.Constant)
                and isinstance(first.value, str)
            ):
                names.append((node.lineno, first.value))
    return names


def outside_tests() -> list[Path]:
    """Every Python file of the project that is not under ``tests/`` (nor a virtualenv, a
    build or a hidden directory)."""
    found = []
    for path in sorted(ROOT.rglob("*.py")):
        top = path.relative_to(ROOT).parts[0]
        if top == "tests" or top.startswith(".") or top in ("build", "dist", "venv"):
            continue
        if any(part.startswith(".") or part.endswith(".egg-info") for part in path.parts):
            continue
        found.append(path)
    return found


def test_nothing_outside_tests_imports_tests() -> None:
    files = outside_tests()
    assert any(path.parts[-2:] == ("bench", "__main__.py") for path in files)
    offending = [
        f"{path.relative_to(ROOT)}:{line}: {name}"
        for path in files
        for line, name in imported_names(path)
        if name == "tests" or name.startswith("tests.")
    ]
    assert offending == [], "code outside tests/ imports tests/:\n" + "\n".join(offending)


def test_the_import_check_sees_every_way_of_importing(tmp_path: Path) -> None:
    written = tmp_path / "probe.py"
    written.write_text(
        "import tests.botapi\n"
        "from tests import support\n"
        "from .sibling import name\n"
        "if TYPE_CHECKING:\n"
        "    from tests.support import Person\n"
        "def later():\n"
        "    from tests.botapi.server import BotAPIServer\n"
        "    importlib.import_module('tests.e2e')\n"
        "    runpy.run_module('tests.bench', run_name='__main__')\n",
        encoding="utf-8",
    )
    names = {name for _, name in imported_names(written, "bench.probe")}
    assert names == {
        "tests.botapi",
        "tests.support",
        "bench.sibling.name",
        "tests.support.Person",
        "tests.botapi.server.BotAPIServer",
        "tests.e2e",
        "tests.bench",
    }


def import_graph() -> dict[str, set[str]]:
    """Which first-party module imports which (each import counted, wherever it stands)."""
    files = {module_name(path): path for top in FIRST_PARTY for path in (ROOT / top).rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in files}
    for name, path in files.items():
        for _, imported in imported_names(path):
            # The module itself, or the package it is a name of.
            while imported and imported not in files:
                imported = imported.rpartition(".")[0]
            if imported and imported != name:
                graph[name].add(imported)
    return graph


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan's algorithm)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(graph[node]):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1:
                found.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def test_no_import_circles_among_first_party_modules() -> None:
    graph = import_graph()
    assert "bot.ptb.context" in graph
    found = circles(graph)
    described = [
        ", ".join(group)
        + "\n    "
        + "\n    ".join(
            f"{source} -> {target}"
            for source in group
            for target in sorted(graph[source])
            if target in group
        )
        for group in found
    ]
    assert found == [], "import circles:\n" + "\n".join(described)


def test_the_circle_check_finds_a_circle() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}, "e": set()}
    assert circles(graph) == [["a", "b", "c"]]
