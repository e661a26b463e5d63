"""Checks the import graph of the project's Python code without importing any of it: no import circle between
modules, and no product code (services/, gateway/, proto/) that imports the benchmarks or the tests.

Every `import` counts, at any depth (inside a function, under `if TYPE_CHECKING:`); `from package import module`
is an import of that module, `from module import name` one of the module. A module's imports of code outside the
tree read (the standard library, installed packages) are left out.

Usage: python -m services.tooling.import_graph [ROOT]   (exit 1 with one paragraph a problem)
"""
import ast
import pathlib
import sys
from collections.abc import Iterator
from dataclasses import dataclass

PACKAGES = ("services", "gateway", "proto", "bench", "tests")
PRODUCT = ("services", "gateway", "proto")
NOT_FOR_PRODUCT = ("bench", "tests")


@dataclass(frozen=True)
class Import:
    importer: str
    imported: str
    line: int

    def __str__(self) -> str:
        return f"{self.importer}:{self.line} imports {self.imported}"


def modules(root: pathlib.Path, packages: tuple[str, ...] = PACKAGES) -> dict[str, pathlib.Path]:
    """Every module below the packages, by its dotted name (a package by its __init__.py)."""
    found = {}
    for package in packages:
        for path in sorted((root / package).rglob("*.py")):
            parts = path.relative_to(root).with_suffix("").parts
            found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


def imported_names(name: str, path: pathlib.Path) -> Iterator[tuple[str, int]]:
    """The dotted names a module's imports ask for, with their lines: `a.b` for `import a.b`, `a.b.c` for
    `from a.b import c` (c may be a module or a name in a.b), relative imports resolved."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_bytes(), str(path))):
        if isinstance(node, ast.Import):
            yield from ((alias.name, node.lineno) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[:len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            yield from ((base if alias.name == "*" else f"{base}.{alias.name}", node.lineno) for alias in node.names)


def imports(known: dict[str, pathlib.Path]) -> list[Import]:
    """Every import of a module of the tree, once per importer, imported module and line; a name that is no
    module of the tree counts as an import of the nearest enclosing module that is (`a.b.f` of `a.b`)."""
    found = set()
    for name, path in known.items():
        for asked, line in imported_names(name, path):
            target = asked
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(Import(name, target, line))
    return sorted(found, key=lambda i: (i.importer, i.line, i.imported))


def circles(edges: list[Import]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan's algorithm, iterative), each sorted."""
    graph: dict[str, list[str]] = {}
    for edge in edges:
        graph.setdefault(edge.importer, []).append(edge.imported)
        graph.setdefault(edge.imported, [])
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []
    for start in sorted(graph):
        if start in index:
            continue
        work = [(start, iter(graph[start]))]
        index[start] = low[start] = len(index)
        stack.append(start)
        on_stack.add(start)
        while work:
            node, children = work[-1]
            child = next(children, None)
            if child is None:
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    component = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        component.append(member)
                        if member == node:
                            break
                    if len(component) > 1:
                        found.append(sorted(component))
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(graph[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return sorted(found)


def in_package(module: str, packages: tuple[str, ...]) -> bool:
    return module.split(".")[0] in packages


def forbidden(edges: list[Import]) -> list[Import]:
    """The imports of bench/ or tests/ from product code."""
    return [edge for edge in edges if in_package(edge.importer, PRODUCT) and in_package(edge.imported, NOT_FOR_PRODUCT)]


def problems(root: pathlib.Path) -> list[str]:
    """One paragraph per problem: each import circle with the imports that close it, each import of bench/ or
    tests/ from product code."""
    edges = imports(modules(root))
    found = []
    for component in circles(edges):
        members = set(component)
        inside = [str(edge) for edge in edges if edge.importer in members and edge.imported in members]
        found.append(f"import circle among {len(component)} modules: {', '.join(component)}\n  " + "\n  ".join(inside))
    return found + [f"product code imports {edge.imported.split('.')[0]}/: {edge}" for edge in forbidden(edges)]


def main() -> None:
    root = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else pathlib.Path(__file__).resolve().parents[2]
    found = problems(root)
    for problem in found:
        print(problem)
    if found:
        sys.exit(1)
    print(f"import graph of {', '.join(PACKAGES)}: no circle, product code imports neither bench/ nor tests/")


if __name__ == "__main__":
    main()
