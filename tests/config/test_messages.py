"""One family of messages: every kind says itself in French and in English, the English for
the command line; the store's refusals keep the English they always had."""

from __future__ import annotations

import re

import pytest

from portfolio.i18n import catalogue
from portfolio.problems import (MAX_SHOWN_ISSUES, ConfigError, ConfigIssue, Count, InputError, Problem, Refusal,
                                capped, detail)
from portfolio.store.datasets import (ColumnTypeConflict, DatasetNameTaken, DatasetNotFound, InvalidDatasetName,
                                      PeriodExists)

PROBLEM = Problem.of(detail("problems_import.name_empty"), code="bad_name")
ISSUE = ConfigIssue.of("grid.yaml", 11, "axes.qrc.criteria[contacts].weight",
                       detail("config.expected_got", what=detail("config.what_number", bounds=" > 0"), got="0"))
# (refusal, its English word for word as the store said it before it spoke French, its base class)
STORE_REFUSALS = [
    (DatasetNameTaken("Sud"), "A dataset named 'Sud' already exists: choose another name.", ValueError),
    (InvalidDatasetName(""), "A dataset needs a name: type one.", ValueError),
    (InvalidDatasetName("x" * 130), "A dataset name has at most 120 characters; this one has 130. Choose a shorter name (on the command line: --dataset NAME).", ValueError),
    (DatasetNotFound(7), "There is no dataset number 7.", LookupError),
    (PeriodExists(["2024-Q1"]), "The dataset already holds the period(s) '2024-Q1': a period is never "
     "overwritten. Choose another period, or delete the dataset first.", ValueError),
    (PeriodExists(["2024-Q1", "2024-Q2"]), "The dataset already holds the period(s) '2024-Q1', '2024-Q2': a "
     "period is never overwritten. Choose another period, or delete the dataset first.", ValueError),
    (ColumnTypeConflict("zone", "DOUBLE", "abc"), "Column 'zone' holds double values in this dataset, but "
     "the file has 'abc': fix the file or import it as a new dataset.", ValueError),
]
KINDS = [PROBLEM, ISSUE, ConfigError([ISSUE]), InputError([PROBLEM]), *(case[0] for case in STORE_REFUSALS)]


def _catalogue_keys() -> set[str]:
    return set(catalogue("en"))


@pytest.mark.parametrize("told", KINDS, ids=lambda told: type(told).__name__)
def test_every_kind_is_said_in_both_languages(told):
    english, french = told.text("en"), told.text("fr")
    assert english and french and english != french
    for text in (english, french):
        assert not re.search(r"\{\w*\}", text), text  # every value filled in
        assert not set(re.findall(r"\b(?:problems|config)\w*\.\w+", text)) & _catalogue_keys(), text


@pytest.mark.parametrize("refusal, english, base", STORE_REFUSALS, ids=lambda x: getattr(x, "__name__", None))
def test_each_store_refusal_keeps_its_english_and_its_base_class(refusal, english, base):
    assert str(refusal) == refusal.message == refusal.text("en") == english
    assert isinstance(refusal, base) and isinstance(refusal, Refusal)


def test_a_store_refusal_in_french():
    assert DatasetNameTaken("Sud").text("fr") == "Un jeu de données nommé 'Sud' existe déjà : choisissez un autre nom."
    assert PeriodExists(["a", "b"]).text("fr").startswith("Le jeu de données contient déjà les périodes 'a', 'b' :")


def test_the_english_of_each_kind_is_its_command_line_text():
    assert str(PROBLEM) == "error: A dataset needs a name: type one." and PROBLEM.message == PROBLEM.reason
    assert str(ISSUE) == "grid.yaml:11: axes.qrc.criteria[contacts].weight: expected a number > 0 (got 0)"
    assert ISSUE.describe("fr") == ("grid.yaml:11: axes.qrc.criteria[contacts].weight: "
                                    "attendu : un nombre > 0 (reçu : 0)")
    assert str(ConfigError([ISSUE, ISSUE])) == f"{ISSUE}\n{ISSUE}"
    assert str(InputError([PROBLEM])) == "error: A dataset needs a name: type one."
    assert InputError([PROBLEM]).text("fr") == "Un jeu de données doit avoir un nom : saisissez-en un."


def test_counts_are_grouped_as_each_language_writes_them():
    assert Count(17656).text("en") == "17,656"
    assert Count(17656).text("fr") == "17\u202f656"
    assert Count(12).text("fr") == "12"


def test_past_fifty_issues_the_rest_are_counted():
    issues = [ConfigIssue.of("g.yaml", line, f"k{line}", detail("config.missing_key", name="x"))
              for line in range(1, 201)]
    shown = ConfigError(issues).issues
    assert MAX_SHOWN_ISSUES == 50 and len(shown) == 51
    assert shown[:50] == issues[:50]
    assert str(shown[50]) == ("g.yaml:51: (file): … and 150 more, not shown: fix the ones above first, "
                              "they often explain the rest")
    assert shown[50].describe("fr") == ("g.yaml:51: (file): … et 150 autres, non affichés : corrigez d'abord "
                                        "ceux du dessus, ils expliquent souvent le reste")
    # Fifty-one are all shown (a count could only replace one), and capping twice changes nothing.
    assert capped(issues[:51]) == issues[:51]
    assert capped(shown) == shown
