"""Broken norms, one per rejection: each error with its exact line and key; norms against a grid."""

from __future__ import annotations

import textwrap

import pytest

from portfolio.grid.loader import parse_grid
from portfolio.norms import check_norms_against_grid, load_norms, parse_norms
from portfolio.norms.model import Capacity, Response, Scope, Target, VisitNorm
from portfolio.problems import ConfigError
from tests.config.kit import edit_lines
from tests.config.kit import issues_of as kit_issues_of
from tests.config.test_grid_loader import GRID

# Valid norms for the test grid's segments; the number after each line is its line number.
NORMS = textwrap.dedent("""\
    version: 1                                                         #  1
    structure:                                                         #  2
      tolerance: 0.05                                                  #  3
      targets:                                                         #  4
        partners: {clients: 0.2, revenue: 0.45}                        #  5
        develop: {clients: 0.3, revenue: 0.3}                          #  6
        maintain: {clients: 0.3, revenue: 0.2}                         #  7
        minimal: {clients: 0.2, revenue: 0.05}                         #  8
      overrides:                                                       #  9
        - scope: {column: region, value: Nord}                         # 10
          targets:                                                     # 11
            partners: {clients: 0.4}                                   # 12
            develop: {clients: 0.1}                                    # 13
            maintain: {clients: 0.1}                                   # 14
            minimal: {clients: 0.4}                                    # 15
    visits:                                                            # 16
      capacity: {visits_per_day: 4, field_days: 180}                   # 17
      segments:                                                        # 18
        partners: {min: 6, norm: 10, max: 16}                          # 19
        develop: {min: 4, norm: 8, max: 12}                            # 20
        maintain: {min: 1, norm: 3, max: 4}                            # 21
        minimal: {min: 0, norm: 1, max: 1}                             # 22
    response:                                                          # 23
      partners: {none: 0.55, half: 0.85, current: 1, more_50: 1.06, saturation: 1.10}   # 24
      develop: {none: 0.6, half: 0.85, current: 1, more_50: 1.15, saturation: 1.3}      # 25
      maintain: {none: 0.7, half: 0.92, current: 1, more_50: 1.03, saturation: 1.05}    # 26
      minimal: {none: 0.85, half: 0.95, current: 1, more_50: 1.02, saturation: 1.04}    # 27
    """)


def edited(edits: dict[int, str | None]) -> str:
    return edit_lines(NORMS, edits)


def issues_of(text: str) -> list[str]:
    return kit_issues_of(parse_norms, text, "norms.yaml")


def test_the_base_norms_are_valid():
    norms = parse_norms(NORMS, "norms.yaml")
    assert norms.source == "norms.yaml"
    assert norms.structure.tolerance == 0.05
    assert norms.structure.targets["partners"] == Target(0.2, 0.45)
    (nord,) = norms.overrides
    assert nord.scope == Scope("region", "Nord") and nord.tolerance == 0.05  # the default's
    assert nord.targets["minimal"] == Target(0.4, None)
    assert norms.capacity == Capacity(4, 180) and norms.capacity.visits_per_year == 720
    assert norms.visits["maintain"] == VisitNorm(1, 3, 4)
    assert norms.response["develop"] == Response(0.6, 0.85, 1, 1.15, 1.3)
    assert norms.response["develop"].levels() == (0.6, 0.85, 1, 1.15, 1.3)


def test_structure_for_picks_the_matching_override():
    norms = parse_norms(NORMS, "norms.yaml")
    assert norms.structure_for({"region": " NORD "}).targets["partners"].clients == 0.4
    assert norms.structure_for({"region": "Sud"}) is norms.structure
    assert norms.structure_for({"team": "Nord"}) is norms.structure


def test_response_is_optional_and_override_tolerance_can_be_set():
    norms = parse_norms(edited({23: None, 24: None, 25: None, 26: None, 27: None,
                                10: "    - scope: {column: region, value: Nord}\n      tolerance: 0.1"}),
                        "norms.yaml")
    assert norms.response == {}
    assert norms.overrides[0].tolerance == 0.1


CASES = [
    # YAML itself
    ("syntax error", {3: "  tolerance: 0.05: 1"},
     ["3: (file): not valid YAML: a text holding \": \" is read as a key and its value; put the text in "
      'quotes, e.g. label: "Potential: high"']),
    ("python tag", {3: "  tolerance: !!python/name:os.system"},
     ["3: structure.tolerance: tag !!python/name:os.system builds a Python object, which a "
      "configuration file may not do: remove it"]),
    ("anchor and alias", {19: "    partners: &p {min: 6, norm: 10, max: 16}", 20: "    develop: *p"},
     ["19: visits.segments.partners: anchors (&p) are not allowed: write the value out where it is used",
      "20: visits.segments.develop: aliases (*p) are not allowed: write the value out in full where it "
      "is used"]),
    ("duplicate key", {8: "    minimal: {clients: 0.2, revenue: 0.05}\n    minimal: {clients: 0.2}"},
     ["9: structure.targets.minimal: duplicate key `minimal` (first at line 8): keep only one"]),
    ("boolean scope value", {10: "    - scope: {column: region, value: no}"},
     ['10: structure.overrides[0].scope.value: expected a value of that column (got a boolean; '
      'quote it as "no")']),
    ("typo in a key", {17: "  capacity: {visits_per_day: 4, feild_days: 180}"},
     ["17: visits.capacity.feild_days: unknown key `feild_days`; did you mean `field_days`? "
      "(expected one of: visits_per_day, field_days)"]),
    ("typo in a section", {16: "visit:"},
     ["16: visit: unknown key `visit`; did you mean `visits`? (expected one of: version, structure, "
      "visits, response)"]),
    ("missing key", {3: None},
     ["2: structure.tolerance: required key `tolerance` is missing; add it"]),
    ("missing section", {23: None, 24: None, 25: None, 26: None, 27: None, 16: None, 17: None, 18: None,
                         19: None, 20: None, 21: None, 22: None},
     ["1: visits: required key `visits` is missing; add it"]),
    ("segment id not an id", {7: "    Maintain: {clients: 0.3, revenue: 0.2}"},
     ['7: structure.targets.Maintain: expected as key an id of lowercase letters, digits and _, '
      'starting with a letter (got "Maintain")']),
    ("version other than 1", {1: "version: 2"},
     ["1: version: expected version 1, the only one this program reads (got 2)"]),
    # meaning
    ("share above 1", {12: "        partners: {clients: 1.4}"},
     ["12: structure.overrides[0].targets.partners.clients: expected a number between 0 and 1 (got 1.4)"]),
    ("client shares not adding up to 1", {5: "    partners: {clients: 0.25, revenue: 0.45}"},
     ["4: structure.targets: expected client shares adding up to 1 (got 1.05); adjust the targets"]),
    ("revenue shares not adding up to 1", {8: "    minimal: {clients: 0.2, revenue: 0.15}"},
     ["4: structure.targets: expected revenue shares adding up to 1 (got 1.1); adjust the targets"]),
    ("revenue share given for some segments only", {8: "    minimal: {clients: 0.2}"},
     ["4: structure.targets: expected a revenue share for every segment or for none (got none for minimal)"]),
    ("override shares not adding up to 1", {15: "        minimal: {clients: 0.3}"},
     ["11: structure.overrides[0].targets: expected client shares adding up to 1 (got 0.9); adjust the targets"]),
    ("tolerance of 1", {3: "  tolerance: 1"},
     ["3: structure.tolerance: expected a number ≥ 0 and < 1 (got 1)"]),
    ("negative tolerance", {3: "  tolerance: -0.05"},
     ["3: structure.tolerance: expected a number ≥ 0 and < 1 (got -0.05)"]),
    ("two overrides for one scope", {15: "        minimal: {clients: 0.4}\n"
                                         "    - scope: {column: region, value: ' nord'}\n"
                                         "      targets: {partners: {clients: 1}}"},
     ['16: structure.overrides[1].scope: expected one override per scope (got region = " nord" again, '
      'first at line 10); merge them']),
    ("norm above max", {20: "    develop: {min: 4, norm: 14, max: 12}"},
     ["20: visits.segments.develop.norm: expected min ≤ norm ≤ max (got min 4, norm 14, max 12)"]),
    ("min above norm", {22: "    minimal: {min: 2, norm: 1, max: 1}"},
     ["22: visits.segments.minimal.norm: expected min ≤ norm ≤ max (got min 2, norm 1, max 1)"]),
    ("negative visits", {22: "    minimal: {min: -1, norm: 1, max: 1}"},
     ["22: visits.segments.minimal.min: expected a number ≥ 0 (got -1)"]),
    ("capacity zero", {17: "  capacity: {visits_per_day: 0, field_days: 180}"},
     ["17: visits.capacity.visits_per_day: expected a number > 0 (got 0)"]),
    ("more field days than a year", {17: "  capacity: {visits_per_day: 4, field_days: 400}"},
     ["17: visits.capacity.field_days: expected a number > 0 and ≤ 366 (got 400)"]),
    ("current not 1", {25: "  develop: {none: 0.6, half: 0.85, current: 1.2, more_50: 1.25, saturation: 1.3}"},
     ["25: response.develop.current: expected 1, since judgements are multiples of today's revenue (got 1.2)"]),
    ("judgements decreasing", {24: "  partners: {none: 0.9, half: 0.85, current: 1, more_50: 1.06, saturation: 1.0}"},
     ["24: response.partners.half: expected half ≥ none: more visits do not bring less revenue "
      "(got 0.85 < 0.9)",
      "24: response.partners.saturation: expected saturation ≥ more_50: more visits do not bring less "
      "revenue (got 1 < 1.06)"]),
    ("negative judgement", {27: "  minimal: {none: -0.1, half: 0.95, current: 1, more_50: 1.02, saturation: 1.04}"},
     ["27: response.minimal.none: expected a number ≥ 0 (got -0.1)"]),
    ("judgement missing", {27: "  minimal: {none: 0.85, half: 0.95, current: 1, more_50: 1.02}"},
     ["27: response.minimal.saturation: required key `saturation` is missing; add it"]),
]


@pytest.mark.parametrize("edits, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_rejection_names_its_line_and_key(edits, expected):
    assert issues_of(edited(edits)) == [f"norms.yaml:{issue}" for issue in expected]


def test_three_distinct_errors_are_reported_together():
    text = edited({3: "  tolerance: 5 %", 20: "    develop: {min: 4, norm: 14, max: 12}",
                   26: "  maintain: {none: 0.7, half: 0.92, current: 1, more_50: 1.03, saturation: 1.05, max: 2}"})
    assert issues_of(text) == [
        "norms.yaml:3: structure.tolerance: expected a number ≥ 0 and < 1 (got 5 %)",
        "norms.yaml:20: visits.segments.develop.norm: expected min ≤ norm ≤ max (got min 4, norm 14, max 12)",
        "norms.yaml:26: response.maintain.max: unknown key `max` (expected one of: none, half, current, "
        "more_50, saturation)",
    ]


def test_oversized_norms_file(tmp_path):
    path = tmp_path / "norms.yaml"
    path.write_text(NORMS + "# padding\n" * 27_000, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_norms(path)
    assert [(i.file, i.line, i.key) for i in caught.value.issues] == [("norms.yaml", None, "(file)")]


# -- against a grid ------------------------------------------------------------------------------

def test_norms_fit_the_test_grid():
    assert check_norms_against_grid(parse_norms(NORMS, "norms.yaml"), parse_grid(GRID, "grid.yaml")) == []


def test_unknown_and_missing_segments_are_named():
    norms = parse_norms(edited({
        14: "        maintain: {clients: 0.1}\n        extra: {clients: 0}",
        20: "    develp: {min: 4, norm: 8, max: 12}",
        27: None,
    }), "norms.yaml")
    issues = check_norms_against_grid(norms, parse_grid(GRID, "grid.yaml"))
    assert [str(issue) for issue in issues] == [
        "norms.yaml:15: structure.overrides[0].targets.extra: expected a segment of grid grid.yaml "
        "(develop, partners, maintain, minimal) (got `extra`)",
        "norms.yaml:21: visits.segments.develp: expected a segment of grid grid.yaml "
        "(develop, partners, maintain, minimal) (got `develp`; did you mean `develop`?)",
        "norms.yaml:19: visits.segments: expected an entry for every segment of grid grid.yaml "
        "(got none for `develop`); add it",
        "norms.yaml:24: response: expected an entry for every segment of grid grid.yaml "
        "(got none for `minimal`); add it",
    ]
