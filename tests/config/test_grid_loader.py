"""Broken grids, one per rejection of the grid format: each error with its exact line and key."""

from __future__ import annotations

import hashlib
import textwrap

import pytest

from portfolio.grid.loader import check_columns, load_grid, parse_grid
from portfolio.grid.model import Band, Category
from portfolio.problems import ConfigError
from tests.config.kit import edit_lines
from tests.config.kit import issues_of as kit_issues_of

# A small valid grid. The number after each line is its line number: the cases below
# replace or remove lines by number, and expect errors at the lines they name.
GRID = textwrap.dedent("""\
    name: {en: Test grid, fr: Grille de test}          #  1
    version: 1                                         #  2
    missing: zero                                      #  3
    axes:                                              #  4
      attractiveness:                                  #  5
        label: Attractiveness                          #  6
        criteria:                                      #  7
          - id: potential                              #  8
            label: Potential                           #  9
            column: potential                          # 10
            weight: 60                                 # 11
            bands:                                     # 12
              - {from: 0, points: 1}                   # 13
              - {from: 100000, points: 2}              # 14
      qrc:                                             # 15
        label: QRC                                     # 16
        criteria:                                      # 17
          - id: contact_level                          # 18
            label: {en: Contact level, fr: Niveau}     # 19
            column: contact_level                      # 20
            weight: 40                                 # 21
            categories:                                # 22
              - {value: manager, points: 1}            # 23
              - {value: director, points: 2}           # 24
    matrix:                                            # 25
      cuts: {attractiveness: [50], qrc: [50]}          # 26
      segments:                                        # 27
        - {id: develop, cell: {attractiveness: 1, qrc: 0}, label: Develop, color: "#d95f02"}   # 28
        - {id: partners, cell: {attractiveness: 1, qrc: 1}, label: Partners}                   # 29
        - {id: maintain, cell: {attractiveness: 0, qrc: 1}, label: Maintain}                   # 30
        - {id: minimal, cell: {attractiveness: 0, qrc: 0}, label: Minimal}                     # 31
    """)


def edited(edits: dict[int, str | None]) -> str:
    return edit_lines(GRID, edits)


def issues_of(text: str) -> list[str]:
    return kit_issues_of(parse_grid, text, "grid.yaml")


def test_the_base_grid_is_valid():
    grid = parse_grid(GRID, "grid.yaml")
    assert grid.source == "grid.yaml"
    assert grid.fingerprint == hashlib.sha256(GRID.encode("utf-8")).hexdigest()
    assert grid.missing == "zero"
    potential, contact = grid.criteria
    assert potential.bands == (Band(0, 1), Band(100000, 2)) and potential.weight == 60
    assert contact.categories == (Category("manager", 1), Category("director", 2))
    assert contact.label.get("fr") == "Niveau" and contact.label.get("en") == "Contact level"
    assert grid.cuts == {"attractiveness": (50,), "qrc": (50,)}
    assert [(s.id, s.cell["attractiveness"], s.cell["qrc"]) for s in grid.segments] == [
        ("develop", 1, 0), ("partners", 1, 1), ("maintain", 0, 1), ("minimal", 0, 0)]
    assert grid.segment("develop").color == "#d95f02" and grid.segment("minimal").color is None
    assert grid.lines["axes.qrc.criteria[0].column"] == 20


def test_missing_defaults_to_zero_and_number_surprises_are_handled():
    grid = parse_grid(edited({3: None, 14: "          - {from: 1e5, points: 2}", 11: "        weight: 060"}),
                      "grid.yaml")
    assert grid.missing == "zero"
    assert grid.criteria[0].bands[1].start == 100000  # type: ignore[index]
    assert grid.criteria[0].weight == 60


# (case, edits, expected issues "LINE: key.path: message") — one case per rejection.
CASES = [
    # YAML itself
    ("syntax error", {11: "        weight: 60: 70"},
     ["11: (file): not valid YAML: a text holding \": \" is read as a key and its value; put the text in "
      'quotes, e.g. label: "Potential: high"']),
    ("python tag", {11: "        weight: !!python/object/apply:os.system [ls]"},
     ["11: axes.attractiveness.criteria[potential].weight: tag !!python/object/apply:os.system builds a "
      "Python object, which a configuration file may not do: remove it"]),
    ("non-standard tag", {9: "        label: !secret Potential"},
     ["9: axes.attractiveness.criteria[potential].label: tag !secret is not a standard YAML tag: remove it"]),
    ("anchor and alias", {11: "        weight: &w 60", 21: "        weight: *w"},
     ["11: axes.attractiveness.criteria[potential].weight: anchors (&w) are not allowed: write the value out "
      "where it is used",
      "21: axes.qrc.criteria[contact_level].weight: aliases (*w) are not allowed: write the value out in full "
      "where it is used"]),
    ("duplicate key", {11: "        weight: 60\n        weight: 70"},
     ["12: axes.attractiveness.criteria[potential].weight: duplicate key `weight` (first at line 11): "
      "keep only one"]),
    # keys and types
    ("typo in a key", {11: "        wieght: 60"},
     ["11: axes.attractiveness.criteria[potential].wieght: unknown key `wieght`; did you mean `weight`? "
      "(expected one of: id, label, column, weight, bands, categories)"]),
    ("unknown top-level key", {3: "mising: zero"},
     ["3: mising: unknown key `mising`; did you mean `missing`? (expected one of: name, version, "
      "axes, matrix, missing)"]),
    ("missing key", {10: None},
     ["8: axes.attractiveness.criteria[potential].column: required key `column` is missing; add it"]),
    ("missing axis", {15: "  qrx:"},
     ["15: axes.qrx: unknown key `qrx`; did you mean `qrc`? (expected one of: attractiveness, qrc)"]),
    ("boolean label", {9: "        label: no"},
     ['9: axes.attractiveness.criteria[potential].label: expected text or {en: …, fr: …} (got a boolean; '
      'quote it as "no")']),
    ("boolean in a language", {19: "        label: {en: Contact level, fr: Non}",
                               16: "    label: {en: On, fr: QRC}"},
     ['16: axes.qrc.label.en: expected text (got a boolean; quote it as "On")']),
    ("boolean category value", {23: "          - {value: off, points: 1}"},
     ['23: axes.qrc.criteria[contact_level].categories[0].value: expected a category value (got a boolean; '
      'quote it as "off")']),
    ("quoted number", {11: '        weight: "60"'},
     ['11: axes.attractiveness.criteria[potential].weight: expected a number > 0 (got the text "60"; '
      'remove the quotes)']),
    ("text for a number", {13: "          - {from: zero, points: 1}"},
     ["13: axes.attractiveness.criteria[potential].bands[0].from: expected a number (got zero)"]),
    ("list for a mapping", {26: "  cuts: [50, 50]"},
     ["26: matrix.cuts: expected a mapping of cuts per axis, e.g. {attractiveness: [50], qrc: [50]} "
      "(got a list)"]),
    ("version other than 1", {2: "version: 2"},
     ["2: version: expected version 1, the only one this program reads (got 2)"]),
    ("unknown missing policy", {3: "missing: skip"},
     ['3: missing: expected one of zero, ignore (got "skip")']),
    ("id not fit for a column name", {8: "      - id: Potential"},
     ['8: axes.attractiveness.criteria[0] (Potential).id: expected a criterion id of lowercase letters, digits '
      'and _, starting with a letter (got "Potential")']),
    ("colour not #rrggbb", {29: '    - {id: partners, cell: {attractiveness: 1, qrc: 1}, label: P, color: red}'},
     ['29: matrix.segments[partners].color: expected a colour "#rrggbb" (got "red")']),
    ("colour unquoted, so a comment", {29: "    - id: partners\n      cell: {attractiveness: 1, qrc: 1}\n"
                                           "      label: Partners\n      color: #0072b2"},
     ['32: matrix.segments[partners].color: expected a colour "#rrggbb" (got nothing: in YAML # starts a '
      'comment, so quote it, e.g. "#d95f02")']),
    # meaning
    ("weight zero", {11: "        weight: 0"},
     ["11: axes.attractiveness.criteria[potential].weight: expected a number > 0 (got 0)"]),
    ("weight negative", {21: "        weight: -40"},
     ["21: axes.qrc.criteria[contact_level].weight: expected a number > 0 (got -40)"]),
    ("negative points", {13: "          - {from: 0, points: -1}"},
     ["13: axes.attractiveness.criteria[potential].bands[0].points: expected a number ≥ 0 (got -1)"]),
    ("all points zero", {23: "          - {value: manager, points: 0}", 24: "          - {value: director, points: 0}"},
     ["22: axes.qrc.criteria[contact_level].categories: expected at least one level with points > 0 (got 0 points "
      "everywhere); the best level's points are the criterion's maximum"]),
    ("bands not strictly ascending", {14: "          - {from: 0, points: 2}"},
     ["14: axes.attractiveness.criteria[potential].bands[1].from: expected bands by `from` in strictly "
      "ascending order (got 0 after 0)"]),
    ("bands descending", {13: "          - {from: 200000, points: 1}"},
     ["14: axes.attractiveness.criteria[potential].bands[1].from: expected bands by `from` in strictly "
      "ascending order (got 100000 after 200000)"]),
    ("both bands and categories", {24: "          - {value: director, points: 2}\n        bands: [{from: 0, points: 1}]"},
     ["25: axes.qrc.criteria[contact_level].bands: expected bands (numeric column) or categories (text column) "
      "(got both); "
      "keep exactly one"]),
    ("neither bands nor categories", {22: None, 23: None, 24: None},
     ["18: axes.qrc.criteria[contact_level]: expected bands (numeric column) or categories (text column) (got neither); "
      "keep exactly one"]),
    ("empty bands", {12: "        bands: []", 13: None, 14: None},
     ["12: axes.attractiveness.criteria[potential].bands: expected a list of bands (got an empty list)"]),
    ("duplicate category after case folding", {24: '          - {value: " Manager ", points: 2}'},
     ['24: axes.qrc.criteria[contact_level].categories[1].value: expected unique category values after trimming and '
      'case folding (got "manager" again, first at line 23)']),
    ("duplicate criterion id across axes", {18: "      - id: potential"},
     ['18: axes.qrc.criteria[0] (potential).id: expected unique criterion ids across both axes, since each criterion '
      'gives the output column pts_<id> (got "potential" again, first at line 8)']),
    ("duplicate segment id", {29: "    - {id: develop, cell: {attractiveness: 1, qrc: 1}, label: Partners}"},
     ['29: matrix.segments[1] (develop).id: expected unique segment ids (got "develop" again, first at line 28)']),
    ("axis with no criterion", {17: "    criteria: []", 18: None, 19: None, 20: None, 21: None, 22: None,
                                23: None, 24: None},
     ["17: axes.qrc.criteria: expected a list of criteria (an axis needs at least one) (got an empty list)"]),
    ("cut outside 0–100", {26: "  cuts: {attractiveness: [50], qrc: [150]}"},
     ["26: matrix.cuts.qrc[0]: expected a number between 0 and 100 (got 150)"]),
    ("cut below 0", {26: "  cuts: {attractiveness: [-5], qrc: [50]}"},
     ["26: matrix.cuts.attractiveness[0]: expected a number between 0 and 100 (got -5)"]),
    ("cuts not strictly ascending", {26: "  cuts: {attractiveness: [50], qrc: [60, 40]}"},
     ["26: matrix.cuts.qrc[1]: expected cuts in strictly ascending order (got 40 after 60)",
      # with two cuts, qrc has three bands, and the third has no segment
      "27: matrix.segments: expected a segment for every cell (got none for cell "
      "{attractiveness: 0, qrc: 2}); add one",
      "27: matrix.segments: expected a segment for every cell (got none for cell "
      "{attractiveness: 1, qrc: 2}); add one"]),
    ("cell outside the grid", {29: "    - {id: partners, cell: {attractiveness: 1, qrc: 2}, label: Partners}"},
     ["27: matrix.segments: expected a segment for every cell (got none for cell "
      "{attractiveness: 1, qrc: 1}); add one",
      "29: matrix.segments[partners].cell.qrc: expected a band index from 0 to 1, since cuts [50] make 2 bands "
      "on qrc (got 2)"]),
    ("cell index not whole", {29: "    - {id: partners, cell: {attractiveness: 1, qrc: 0.5}, label: Partners}"},
     ["29: matrix.segments[partners].cell.qrc: expected a whole number ≥ 0 (got 0.5)"]),
    ("cell with two segments", {29: "    - {id: partners, cell: {attractiveness: 1, qrc: 0}, label: Partners}"},
     ["27: matrix.segments: expected a segment for every cell (got none for cell "
      "{attractiveness: 1, qrc: 1}); add one",
      "29: matrix.segments[partners].cell: expected one segment per cell (got cell {attractiveness: 1, qrc: 0} "
      "again, first at line 28); change one of the cells"]),
    ("cell with no segment", {31: None},
     ["27: matrix.segments: expected a segment for every cell (got none for cell "
      "{attractiveness: 0, qrc: 0}); add one"]),
    ("cell missing an axis", {31: "    - {id: minimal, cell: {attractiveness: 0}, label: Minimal}"},
     ["31: matrix.segments[minimal].cell.qrc: required key `qrc` is missing; add it"]),
]


@pytest.mark.parametrize("edits, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_each_rejection_names_its_line_and_key(edits, expected):
    assert issues_of(edited(edits)) == [f"grid.yaml:{issue}" for issue in expected]


def test_three_distinct_errors_are_reported_together():
    text = edited({9: "        label: yes", 11: "        wieght: 60", 26: "  cuts: {attractiveness: [50], qrc: [101]}"})
    assert issues_of(text) == [
        'grid.yaml:9: axes.attractiveness.criteria[potential].label: expected text or {en: …, fr: …} '
        '(got a boolean; quote it as "yes")',
        "grid.yaml:11: axes.attractiveness.criteria[potential].wieght: unknown key `wieght`; did you mean "
        "`weight`? (expected one of: id, label, column, weight, bands, categories)",
        "grid.yaml:26: matrix.cuts.qrc[0]: expected a number between 0 and 100 (got 101)",
    ]


def test_shape_and_meaning_errors_are_reported_together():
    text = edited({2: "version: one", 14: "          - {from: 0, points: 2}", 31: None})
    assert [issue.split(": ")[0] for issue in issues_of(text)] == [
        "grid.yaml:2", "grid.yaml:14", "grid.yaml:27"]


def test_grid_that_is_not_a_mapping():
    assert issues_of("- a\n- b\n") == [
        "grid.yaml:1: (top level): expected a grid: a mapping with name, version, axes and matrix (got a list)"]


def test_oversized_grid_file(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text(GRID + "# padding\n" * 27_000, encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_grid(path)
    (issue,) = caught.value.issues
    assert (issue.file, issue.line, issue.key) == ("big.yaml", None, "(file)")
    assert "at most 256 KB" in issue.message


def test_load_grid_names_the_file(tmp_path):
    path = tmp_path / "mine.yaml"
    path.write_text(edited({11: "        weight: 0"}), encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_grid(path)
    assert str(caught.value) == "mine.yaml:11: axes.attractiveness.criteria[potential].weight: expected a number > 0 (got 0)"


# -- columns of the data -------------------------------------------------------------------------

def test_check_columns_accepts_matching_data():
    grid = parse_grid(GRID, "grid.yaml")
    assert check_columns(grid, {"potential": "number", "contact_level": "text", "extra": "text"}) == []


def test_check_columns_names_criterion_column_and_line():
    grid = parse_grid(GRID, "grid.yaml")
    issues = check_columns(grid, {"potential": "text", "contact_levels": "text"})
    assert [str(issue) for issue in issues] == [
        "grid.yaml:10: axes.attractiveness.criteria[potential].column: expected a numeric column for criterion "
        "`potential`, which has bands (got text in column `potential`); use categories or a numeric column",
        "grid.yaml:20: axes.qrc.criteria[contact_level].column: expected a column `contact_level` in the data for "
        "criterion `contact_level` (got none; did you mean `contact_levels`?); add the column to the data "
        "or change the grid",
    ]


def test_check_columns_refuses_unknown_kinds():
    with pytest.raises(ValueError):
        check_columns(parse_grid(GRID, "grid.yaml"), {"potential": "float"})
