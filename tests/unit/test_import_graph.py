"""The repository's own import graph (services.tooling.import_graph, also run by `make lint`): no import circle, and
no product code that imports bench/ or tests/."""
import pathlib

from services.tooling import import_graph

ROOT = pathlib.Path(__file__).resolve().parents[2]


def test_product_code_imports_neither_bench_nor_tests():
    assert import_graph.forbidden(import_graph.imports(import_graph.modules(ROOT))) == []


def test_no_module_is_in_an_import_circle():
    assert import_graph.circles(import_graph.imports(import_graph.modules(ROOT))) == []
