"""Local mode or sign-in: whether an identity provider is configured, and who the visitor is."""

from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

from portfolio.access.loader import access_path, load_access
from portfolio.access.model import Access, Person
from portfolio.access.rules import admit
from portfolio.problems import ConfigError, ConfigIssue
from portfolio.settings import PROJECT_ROOT

SECRETS = PROJECT_ROOT / ".streamlit" / "secrets.toml"


def sign_in_configured(secrets: Path = SECRETS) -> bool:
    """Whether Streamlit's `[auth]` is set in the secrets file (then every visitor signs in).

    A secrets file that is not valid TOML counts as configured: failing closed keeps the
    data behind a sign-in that cannot work, rather than opening it to everyone.
    """
    if not secrets.is_file():
        return False
    try:
        return bool(tomllib.loads(secrets.read_text(encoding="utf-8")).get("auth"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return True


def visitor(email: str | None, *, sign_in: bool, path: Path | None = None) -> Person:
    """The person a run acts for: the local user in local mode; in sign-in mode the signed-in
    e-mail looked up in the access file, read again on every call so that removing a person
    takes effect at their next click.

    Raises PermissionRefused for an e-mail with no access (without an access file, nobody
    has any), and ConfigError when the access file is broken.
    """
    if not sign_in:
        return Person.local_user()
    path = path or access_path()
    return admit(_current_access(path) if path.is_file() else Access(()), email)


def _current_access(path: Path) -> Access:
    """The access file as it is now, parsed again only when it changed (it is asked for on
    every run of every visitor: reading 500 people takes about 0.1 s)."""
    status = path.stat()
    return _parsed(str(path), status.st_mtime_ns, status.st_size)


@lru_cache(maxsize=4)
def _parsed(path: str, mtime_ns: int, size: int) -> Access:
    return load_access(path)


def access_file_issues(path: Path | None = None) -> list[ConfigIssue]:
    """In local mode the access file is only checked: its issues, none when absent or valid."""
    path = path or access_path()
    if not path.is_file():
        return []
    try:
        load_access(path)
    except ConfigError as error:
        return error.issues
    return []
