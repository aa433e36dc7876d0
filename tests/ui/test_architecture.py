"""The boundaries of the design: only portfolio/ui imports streamlit; pages hold no SQL or logic."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from portfolio.ui.shared.pages import MENU, PAGES, page
from tests.ui.conftest import ROOT

PACKAGE = ROOT / "portfolio"
UI = PACKAGE / "ui"
PAGE_FILES = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]


def _imported_modules(path: Path) -> set[str]:
    modules = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            modules.add(node.module)
    return modules


def test_only_the_ui_package_imports_streamlit():
    offenders = [str(path.relative_to(ROOT)) for path in sorted(PACKAGE.rglob("*.py"))
                 if UI not in path.parents
                 and any(m == "streamlit" or m.startswith("streamlit.")
                         for m in _imported_modules(path))]
    assert offenders == []


def test_the_import_check_would_see_streamlit():
    assert "streamlit" in _imported_modules(UI / "shared" / "frame.py")


PAGE_FOLDERS = sorted(p.name for p in UI.iterdir() if p.is_dir() and p.name not in ("shared",
                                                                                    "__pycache__"))


def test_each_page_has_its_folder():
    # Every page's own parts sit in one folder named after its id (Import is `importing`:
    # `import` cannot name a package).
    ids = {"import" if name == "importing" else name for name in PAGE_FOLDERS}
    assert ids == {entry.id for entry in PAGES}


@pytest.mark.parametrize("folder", [*PAGE_FOLDERS, "shared"])
def test_no_page_folder_imports_another_pages_folder(folder):
    offenders = []
    for path in sorted((UI / folder).glob("*.py")):
        for module in _imported_modules(path):
            parts = module.split(".")
            if parts[:2] == ["portfolio", "ui"] and len(parts) > 2 and parts[2] in PAGE_FOLDERS \
                    and parts[2] != folder:
                offenders.append(f"{path.relative_to(ROOT)} imports {module}")
    assert offenders == []


def test_the_folder_check_would_see_a_page_importing_another():
    text = "from portfolio.ui.structure.view import chart\n"
    tree = ast.parse(text)
    assert any(isinstance(n, ast.ImportFrom) and n.module.split(".")[2] in PAGE_FOLDERS
               for n in ast.walk(tree))


@pytest.mark.parametrize("path", PAGE_FILES, ids=lambda p: p.name)
def test_pages_hold_no_sql_and_no_computation(path):
    text = path.read_text(encoding="utf-8")
    for forbidden in ("execute(", "SELECT ", "duckdb", "groupby", ".sql"):
        assert forbidden not in text, f"{path.name} contains {forbidden!r}"


def _first_call(path: str) -> str:
    tree = ast.parse((ROOT / path).read_text(encoding="utf-8"))
    statements = [node for node in tree.body
                  if not isinstance(node, (ast.Import, ast.ImportFrom))
                  and not (isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant))]
    first = statements[0]
    assert isinstance(first, ast.Assign) and isinstance(first.value, ast.Call)
    return ast.unparse(first.value)


@pytest.mark.parametrize("entry", MENU, ids=lambda entry: entry.id)
def test_each_page_starts_with_the_frame_of_its_own_id(entry):
    assert _first_call(entry.path) == f"frame({entry.id!r})"


def test_the_pages_outside_the_menu_are_only_the_participants_one():
    # It shows no data and must open for people outside the access file: its own light
    # frame, which never opens the store.
    assert [entry.id for entry in PAGES if not entry.in_menu] == ["join"]
    assert _first_call(page("join").path) == "join_frame()"
    assert "portfolio.store" not in " ".join(_imported_modules(UI / "join" / "view.py"))


def test_the_page_table_and_the_pages_folder_agree():
    listed = sorted(entry.path for entry in PAGES if entry.path.startswith("pages/"))
    on_disk = sorted(f"pages/{path.name}" for path in (ROOT / "pages").glob("*.py"))
    assert listed == on_disk
    assert PAGES[0].path == "app.py"
    assert len({entry.id for entry in PAGES}) == len(PAGES)
