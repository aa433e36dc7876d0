"""Read the access file from YAML: shape first (keys, types), then meaning, every error at once."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from portfolio.access.model import ALL_CLIENTS, Access, Person, Role, Scope, fold_email
from portfolio.problems import detail
from portfolio.settings import load_settings
from portfolio.yaml_source import (Checker, MapNode, Node, Phrase, ScalarNode, child_path, describe,
                                   expected, read_config_text, read_document)

VERSION = 1
ACCESS_FILE = "access.yaml"
ROLES = tuple(role.value for role in Role)
# The key each role needs beyond email and role, and the role that key belongs to.
_ROLE_KEY = {Role.REP: "salespeople", Role.DIRECTOR: "scope"}
_KEY_OWNER = {key: role for role, key in _ROLE_KEY.items()}
_ALL = "all"
# Enough to catch a name or a typo written where the e-mail goes; the provider checks the rest.
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
# What YAML would read as a number: `column: 2024` is not the name "2024" until quoted.
_NUMERIC = re.compile(r"[-+]?(?=[\d.]*\d)[\d_]*\.?[\d_]*(?:[eE][-+]?\d+)?")
_TRUE, _FALSE = {"true", "True", "TRUE"}, {"false", "False", "FALSE"}


def access_path() -> Path:
    """Where the access file is: `access.yaml` in the configuration folder (PORTFOLIO_CONFIG)."""
    return load_settings().config_dir / ACCESS_FILE


def load_access(path: str | Path) -> Access:
    """The access file at `path`; raises ConfigError naming every problem (file, line, key)."""
    path = Path(path)
    return parse_access(read_config_text(path), path.name)


def parse_access(text: str, source: str = "<access>") -> Access:
    """The access file in a YAML text; `source` is the file name shown in messages."""
    access, checker = read_document(text, source, _read_access)
    return replace(access, source=source, lines=checker.lines)


def _read_access(ch: Checker, root: Node) -> Access | None:
    top = ch.mapping(root, required=("version", "people"), what=detail("access.what_access"))
    if top is None:
        return None
    start = ch.mark()
    ch.version(top.get("version"), VERSION)
    people: list[Person] = []
    first_line: dict[str, int] = {}
    for item in ch.items(top.get("people"), detail("access.what_people"), allow_empty=True) or ():
        email, person = _read_person(ch, item)
        # Checked even when the rest of the entry is wrong: every error at once.
        if email is not None and email in first_line:
            ch.error(child_path(item.path, "email"),
                     detail("access.email_twice", email=email, first=first_line[email]))
            continue
        if email is not None:
            first_line[email] = ch.lines[child_path(item.path, "email")]
        if person is not None:
            people.append(person)
    return Access(tuple(people)) if ch.clean_since(start) else None


def _read_person(ch: Checker, node: Node) -> tuple[str | None, Person | None]:
    """The entry's folded e-mail (when readable) and the person (when the whole entry is)."""
    entry = ch.mapping(node, required=("email", "role"), optional=("salespeople", "scope", "active"),
                       what=detail("access.what_person"))
    if entry is None:
        return None, None
    start = ch.mark()
    email = _read_email(ch, entry.get("email"))
    role_text = ch.choice(entry.get("role"), ROLES)
    role = Role(role_text) if role_text is not None else None
    active = _read_bool(ch, entry.get("active")) if "active" in entry else True
    salespeople: tuple[str, ...] = ()
    scope: Scope | None = None
    if role is not None:
        _check_role_keys(ch, entry, role)
        if role is Role.REP and "salespeople" in entry:
            salespeople = _read_salespeople(ch, entry.get("salespeople")) or ()
        if role is Role.DIRECTOR and "scope" in entry:
            scope = _read_scope(ch, entry.get("scope"))
    if not ch.clean_since(start) or email is None or role is None or active is None:
        return email, None
    return email, Person(email, role, salespeople, scope, active)


def _check_role_keys(ch: Checker, entry: MapNode, role: Role) -> None:
    """The role's own key is there; another role's key is not (it would be ignored)."""
    needed = _ROLE_KEY.get(role)
    if needed is not None and needed not in entry:
        ch.error(child_path(entry.path, needed), detail(f"access.{role.value}_without_{needed}"))
    for key, owner in _KEY_OWNER.items():
        if owner is not role and key in entry:
            ch.error(entry.get(key), detail("access.key_not_for_role", name=key, owner=owner.value,
                                            role=role.value))


def _read_email(ch: Checker, node: Node | None) -> str | None:
    what = detail("access.what_email")
    email = ch.text(node, what)
    if email is None:
        return None
    if not _EMAIL.fullmatch(email.strip()):
        ch.error(node, expected(what, detail("config.got_quoted", text=email)))
        return None
    return fold_email(email)


def _read_bool(ch: Checker, node: Node | None) -> bool | None:
    """`true` or `false` (YAML 1.1's `yes`, `on`… are refused: they read as text to a person)."""
    if isinstance(node, ScalarNode) and node.kind in ("plain", "bool"):
        if node.text in _TRUE:
            return True
        if node.text in _FALSE:
            return False
    if node is not None:
        ch.error(node, expected(detail("access.what_active"), describe(node)))
    return None


def _read_salespeople(ch: Checker, node: Node | None) -> tuple[str, ...] | None:
    return _texts(ch, node, detail("access.what_salespeople"), detail("access.what_salesperson"))


def _read_scope(ch: Checker, node: Node | None) -> Scope | None:
    what = detail("access.what_scope")
    if isinstance(node, ScalarNode):
        text = ch.text(node, what)
        if text is not None and text.strip() != _ALL:
            ch.error(node, expected(what, describe(node)))
            return None
        return ALL_CLIENTS if text is not None else None
    scope = ch.mapping(node, required=("column", "values"), what=what)
    if scope is None:
        return None
    column = _read_column(ch, scope.get("column"))
    values = _texts(ch, scope.get("values"), detail("access.what_scope_values"),
                    detail("access.what_scope_value"))
    return Scope(column, values) if column is not None and values is not None else None


def _read_column(ch: Checker, node: Node | None) -> str | None:
    """A column name; a bare number is refused (YAML reads it as a number, not a name)."""
    what = detail("access.what_scope_column")
    if isinstance(node, ScalarNode) and (node.kind == "number" or (
            node.kind == "plain" and _NUMERIC.fullmatch(node.text.strip()))):
        ch.error(node, detail("access.column_number", what=what, text=node.text))
        return None
    column = ch.text(node, what)
    return column.strip() if column is not None else None


def _texts(ch: Checker, node: Node | None, what_list: Phrase, what_item: Phrase) -> tuple[str, ...] | None:
    """A non-empty list of texts, each trimmed."""
    items = ch.items(node, what_list)
    if items is None:
        return None
    start = ch.mark()
    texts = [ch.text(item, what_item) for item in items]
    return tuple(text.strip() for text in texts if text is not None) if ch.clean_since(start) else None
