"""The audit log cannot be edited through the product: only INSERT and SELECT statements name it."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PRODUCT = sorted([ROOT / "app.py", *(ROOT / "pages").glob("*.py"), *(ROOT / "portfolio").rglob("*.py")])
ALLOWED = re.compile(r"\s*(INSERT INTO audit_log VALUES|SELECT\b|CREATE TABLE IF NOT EXISTS audit_log\b)",
                     re.IGNORECASE)
EDITING = re.compile(r"\b(UPDATE|DELETE|DROP|ALTER|TRUNCATE|REPLACE)\b", re.IGNORECASE)


def texts_naming_the_log(path: Path) -> list[str]:
    """Every string of a module (f-strings' literal parts included) that names the table."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return [node.value for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and "audit_log" in node.value.lower()]


def test_only_the_audit_module_names_the_table():
    naming = [path.relative_to(ROOT).as_posix() for path in PRODUCT if texts_naming_the_log(path)]
    assert naming == ["portfolio/store/audit.py"]


def test_every_statement_on_the_log_is_an_insert_or_a_select():
    statements = texts_naming_the_log(ROOT / "portfolio" / "store" / "audit.py")
    assert len(statements) >= 3  # the CREATE, the INSERT and the SELECTs
    for statement in statements:
        assert ALLOWED.match(statement), statement
        assert not EDITING.search(statement), statement


def test_the_audit_module_offers_no_way_to_change_an_entry():
    tree = ast.parse((ROOT / "portfolio" / "store" / "audit.py").read_text(encoding="utf-8"))
    functions = sorted(node.name for node in tree.body if isinstance(node, ast.FunctionDef))
    assert functions == ["audit_entries", "record"]
