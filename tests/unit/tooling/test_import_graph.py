"""The import graph check on small trees written for the test: circles (through `from package import module`,
relative imports and imports inside functions) and product code importing bench/ are found, a clean tree passes."""
import sys

import pytest

from services.tooling import import_graph


def tree(root, files: dict[str, str]):
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def run(root, monkeypatch, capsys) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["import_graph", str(root)])
    try:
        import_graph.main()
    except SystemExit as exit_:
        return exit_.code, capsys.readouterr().out
    return 0, capsys.readouterr().out


CLEAN = {
    "services/__init__.py": "",
    "services/shop/__init__.py": "",
    "services/shop/prices.py": "import json\nRATE = 2\n",
    "services/shop/orders.py": "from services.shop import prices\nfrom .prices import RATE\n",
    "bench/__init__.py": "",
    "bench/orders_rate.py": "from services.shop.orders import prices\n",
    "tests/__init__.py": "",
    "tests/test_orders.py": "import bench.orders_rate\nfrom services.shop import orders\n",
}


def test_a_clean_tree_passes(tmp_path, monkeypatch, capsys):
    code, out = run(tree(tmp_path, CLEAN), monkeypatch, capsys)
    assert code == 0
    assert "no circle" in out


def test_an_import_of_a_module_is_told_from_an_import_of_a_name(tmp_path):
    edges = import_graph.imports(import_graph.modules(tree(tmp_path, CLEAN)))
    assert {(e.importer, e.imported) for e in edges} == {
        ("services.shop.orders", "services.shop.prices"),
        ("bench.orders_rate", "services.shop.orders"),
        ("tests.test_orders", "bench.orders_rate"),
        ("tests.test_orders", "services.shop.orders")}


def test_a_circle_is_found_with_the_imports_that_close_it(tmp_path, monkeypatch, capsys):
    root = tree(tmp_path, {**CLEAN,
                           "services/shop/prices.py": "def rate():\n    from . import discounts\n    return discounts\n",
                           "services/shop/discounts.py": "from services.shop import orders\n"})
    code, out = run(root, monkeypatch, capsys)
    assert code == 1
    assert out.splitlines() == [
        "import circle among 3 modules: services.shop.discounts, services.shop.orders, services.shop.prices",
        "  services.shop.discounts:1 imports services.shop.orders",
        "  services.shop.orders:1 imports services.shop.prices",
        "  services.shop.orders:2 imports services.shop.prices",
        "  services.shop.prices:2 imports services.shop.discounts"]


def test_two_modules_importing_each_other_are_a_circle_a_module_importing_itself_is_none(tmp_path):
    root = tree(tmp_path, {"gateway/__init__.py": "from gateway import pages\n",
                           "gateway/pages.py": "import gateway\nfrom gateway.pages import x\n"})
    assert import_graph.circles(import_graph.imports(import_graph.modules(root))) == [["gateway", "gateway.pages"]]


@pytest.mark.parametrize("line", ["import bench.orders_rate", "from bench import orders_rate",
                                  "from tests.test_orders import x", "import tests"])
def test_product_code_importing_bench_or_tests_is_found(tmp_path, monkeypatch, capsys, line):
    root = tree(tmp_path, {**CLEAN, "services/shop/seed.py": f"def seed():\n    {line}\n"})
    code, out = run(root, monkeypatch, capsys)
    assert code == 1
    [problem] = out.splitlines()
    assert problem.startswith(f"product code imports {line.split()[1].split('.')[0]}/: services.shop.seed:2 imports ")
