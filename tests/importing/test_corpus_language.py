"""Every problem the corpus raises can be said in French: the import page's report
shows each detail in the user's language, not in the English of the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from portfolio.importing import import_file
from portfolio.importing.report import report_table
from portfolio.problems import Problem
from portfolio.reading import ReadOptions
from portfolio.store.opening import open_store
from tests.corpus import files as corpus
from tests.importing import both_stores
from tests.importing.test_corpus_imported import OPTIONS
from tests.importing.test_corpus_refused import ATTEMPTS, EXPECTED, _refused

seeded_db = both_stores.seeded_db  # every test of this module on a DuckDB file and on PostgreSQL


def _not_said_in_french(problems: list[Problem]) -> list[str]:
    """The English reasons that have no French text."""
    return [p.reason for p in problems if p.detail is None or p.text("fr") == p.reason]


@pytest.mark.parametrize("case", sorted(EXPECTED))
def test_every_problem_of_a_bad_file_is_said_in_french(case, seeded_db, files):
    problems = _refused(seeded_db, corpus.BAD[case](files), EXPECTED[case])
    assert _not_said_in_french(problems) == []


@pytest.mark.parametrize("case", sorted(ATTEMPTS))
def test_every_problem_of_a_wrong_option_or_destination_is_said_in_french(case, seeded_db, files):
    build, refusal = ATTEMPTS[case]
    assert _not_said_in_french(_refused(seeded_db, build(files), refusal)) == []


@pytest.mark.parametrize("case", sorted(corpus.AWKWARD))
def test_every_warning_of_an_awkward_file_is_said_in_french(case, seeded_db, files):
    store = open_store(seeded_db)
    try:
        outcome = import_file(store, corpus.AWKWARD[case](files),
                              options=OPTIONS.get(case, ReadOptions()), period="2026-Q2")
    finally:
        store.close()
    assert _not_said_in_french(list(outcome.warnings)) == []


def test_the_french_report_shows_the_french_detail(seeded_db, files: Path):
    problems = _refused(seeded_db, corpus.duplicate_id_conflicting(files),
                        EXPECTED["duplicate_id_conflicting"])
    [problem] = [p for p in problems if p.code == "duplicate_id"]
    assert problem.text("fr") in report_table(problems, "fr")["Détail"].tolist()
    assert problem.text("fr") != problem.reason
    assert problem.reason in report_table(problems, "en")["Detail"].tolist()
