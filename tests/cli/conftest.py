"""Fixtures the command tests share with the import tests: a seeded database, the corpus files."""

from tests.importing.conftest import files, seeded_db  # noqa: F401 (fixtures, found by name)
