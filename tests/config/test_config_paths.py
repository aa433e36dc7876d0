"""Errors that name what the user wrote: criteria and segments by their id, the line of the key
that is wrong, YAML syntax explained in words (both languages), deep nesting and floods refused."""

from __future__ import annotations

import textwrap

import pytest

from portfolio.grid.loader import check_columns, parse_grid
from portfolio.norms import parse_norms
from portfolio.problems import ConfigError
from tests.config import test_norms_loader as norms
from tests.config.kit import edit_lines
from tests.config.kit import issues_of as kit_issues_of

# Written in block style, as most people write a grid: a criterion's keys each on their own line.
GRID = textwrap.dedent("""\
    name: Test                                   #  1
    version: 1                                   #  2
    axes:                                        #  3
      attractiveness:                            #  4
        label: Attractiveness                    #  5
        criteria:                                #  6
          - id: potential                        #  7
            label: Potential                     #  8
            column: potential                    #  9
            weight: 1                            # 10
            bands:                               # 11
              - {from: 0, points: 0}             # 12
              - {from: 10, points: 1}            # 13
      qrc:                                       # 14
        label: QRC                               # 15
        criteria:                                # 16
          - id: sow                              # 17
            label: Share of wallet               # 18
            column: sow                          # 19
            weight: 1                            # 20
            categories: [{value: high, points: 1}]   # 21
          - id: contacts                         # 22
            label: Contacts                      # 23
            column: contacts                     # 24
            weight: 2                            # 25
            bands:                               # 26
              - from: 0                          # 27
                points: 0                        # 28
              - from: 5                          # 29
                points: 1                        # 30
              - from: 8                          # 31
                points: 2                        # 32
    matrix:                                      # 33
      cuts: {attractiveness: [50], qrc: [50]}    # 34
      segments:                                  # 35
        - {id: minimal, cell: {attractiveness: 0, qrc: 0}, label: Minimal}    # 36
        - {id: maintain, cell: {attractiveness: 0, qrc: 1}, label: Maintain}  # 37
        - {id: develop, cell: {attractiveness: 1, qrc: 0}, label: Develop}    # 38
        - {id: partners, cell: {attractiveness: 1, qrc: 1}, label: Partners}  # 39
    """)


def issues_of(edits: dict[int, str | None]) -> list[str]:
    return kit_issues_of(parse_grid, edit_lines(GRID, edits), "grid.yaml")


def french_of(edits: dict[int, str | None]) -> list[str]:
    with pytest.raises(ConfigError) as caught:
        parse_grid(edit_lines(GRID, edits), "grid.yaml")
    return [issue.describe("fr") for issue in caught.value.issues]


def test_the_block_grid_is_valid():
    assert [c.id for c in parse_grid(GRID, "grid.yaml").criteria] == ["potential", "sow", "contacts"]


CASES = [
    ("a band of a criterion", {31: "          - from: 3"},
     ["31: axes.qrc.criteria[contacts].bands[2].from: expected bands by `from` in strictly ascending "
      "order (got 3 after 5)"]),
    ("a key of the second band, on its own line", {30: "            points: -1"},
     ["30: axes.qrc.criteria[contacts].bands[1].points: expected a number ≥ 0 (got -1)"]),
    ("a typo in a criterion's key", {25: "        wieght: 2"},
     ["25: axes.qrc.criteria[contacts].wieght: unknown key `wieght`; did you mean `weight`? "
      "(expected one of: id, label, column, weight, bands, categories)"]),
    ("an id that is not one: the index, and the id as written", {22: "      - id: Contacts", 25: "        weight: 0"},
     ['22: axes.qrc.criteria[1] (Contacts).id: expected a criterion id of lowercase letters, digits and _, '
      'starting with a letter (got "Contacts")',
      "25: axes.qrc.criteria[1] (Contacts).weight: expected a number > 0 (got 0)"]),
    ("a missing id: the index alone", {22: "      - name: contacts"},
     ["22: axes.qrc.criteria[1].name: unknown key `name` (expected one of: id, label, column, weight, "
      "bands, categories)",
      "22: axes.qrc.criteria[1].id: required key `id` is missing; add it"]),
    ("one id twice: both by index, the id beside", {22: "      - id: sow", 25: "        weight: 0"},
     ['22: axes.qrc.criteria[1] (sow).id: expected unique criterion ids across both axes, since each '
      'criterion gives the output column pts_<id> (got "sow" again, first at line 17)',
      "25: axes.qrc.criteria[1] (sow).weight: expected a number > 0 (got 0)"]),
    ("bands and categories: at the one written second",
     {25: "        weight: 2\n        categories: [{value: high, points: 1}]"},
     ["27: axes.qrc.criteria[contacts].bands: expected bands (numeric column) or categories (text "
      "column) (got both); keep exactly one"]),
    ("a segment by its id", {37: "    - {id: maintain, cell: {attractiveness: 0, qrc: 1}, label: M, color: red}"},
     ['37: matrix.segments[maintain].color: expected a colour "#rrggbb" (got "red")']),
    ("a comma that ended a text inside { }", {21: "        categories: [{value: Key account, big, points: 1}]"},
     ["21: axes.qrc.criteria[sow].categories[0].big: unknown key `big`: inside { }, a comma ends a text, "
      "so the text before it stopped there; if `big` is part of it, put the whole text in quotes "
      "(expected one of: value, points, rule)"]),
    ("a comma inside a text of several languages", {18: "        label: {en: Share, of wallet, fr: Part}"},
     ["18: axes.qrc.criteria[sow].label.of wallet: expected a language code such as en or fr (got `of wallet`): "
      "inside { }, a comma ends a text; if `of wallet` is part of the text before it, put that text in quotes"]),
]


@pytest.mark.parametrize("edits, expected", [case[1:] for case in CASES], ids=[case[0] for case in CASES])
def test_errors_name_the_criterion_and_the_line_of_its_key(edits, expected):
    assert issues_of(edits) == [f"grid.yaml:{issue}" for issue in expected]


def test_a_column_the_data_lacks_names_the_criterion_by_id():
    grid = parse_grid(GRID, "grid.yaml")
    assert [str(issue) for issue in check_columns(grid, {"potential": "number", "sow": "text"})] == [
        "grid.yaml:24: axes.qrc.criteria[contacts].column: expected a column `contacts` in the data for "
        "criterion `contacts` (got none); add the column to the data or change the grid"]


def test_norms_point_at_the_norm_out_of_its_bounds():
    text = norms.edited({20: "    develop:\n      min: 4\n      norm: 14\n      max: 12"})
    assert kit_issues_of(parse_norms, text, "norms.yaml") == [
        "norms.yaml:22: visits.segments.develop.norm: expected min ≤ norm ≤ max (got min 4, norm 14, max 12)"]


# -- YAML syntax, said in words ----------------------------------------------------------------

SYNTAX = [
    ("a colon in a text", {23: "        label: Contacts: main"},
     'grid.yaml:23: (file): not valid YAML: a text holding ": " is read as a key and its value; put the '
     'text in quotes, e.g. label: "Potential: high"',
     'grid.yaml:23: (file): YAML invalide : un texte contenant ": " est lu comme une clé suivie de sa '
     'valeur ; mettez le texte entre guillemets, par exemple label: "Potentiel : élevé"'),
    ("a colon in a text inside { }", {21: "        categories: [{value: top: key, points: 1}]"},
     'grid.yaml:21: (file): not valid YAML: a text holding ": " is read as a key and its value; put the '
     'text in quotes, e.g. label: "Potential: high"',
     'grid.yaml:21: (file): YAML invalide : un texte contenant ": " est lu comme une clé suivie de sa '
     'valeur ; mettez le texte entre guillemets, par exemple label: "Potentiel : élevé"'),
    ("a text starting with @", {23: "        label: @contacts"},
     'grid.yaml:23: (file): not valid YAML: a text starting with @ means something else in YAML; put the '
     'text in quotes, e.g. label: "@…"',
     'grid.yaml:23: (file): YAML invalide : un texte commençant par @ a un autre sens en YAML ; mettez le '
     'texte entre guillemets, par exemple label: "@…"'),
    ("a text starting with %", {5: "    label: % of turnover"},
     'grid.yaml:5: (file): not valid YAML: a text starting with % means something else in YAML; put the '
     'text in quotes, e.g. label: "%…"',
     'grid.yaml:5: (file): YAML invalide : un texte commençant par % a un autre sens en YAML ; mettez le '
     'texte entre guillemets, par exemple label: "%…"'),
    ("a text going on after its brackets", {23: "        label: [Key] contacts"},
     "grid.yaml:23: (file): not valid YAML: a text starting with [ ends where it closes, and this one goes "
     "on after; put the whole text in quotes, e.g. label: \"[Top] clients\" or label: 'He said \"yes\"'",
     "grid.yaml:23: (file): YAML invalide : un texte commençant par [ s'arrête là où il se ferme, et "
     "celui-ci continue après ; mettez tout le texte entre guillemets, par exemple label: \"[Top] clients\" "
     "ou label: 'Il a dit \"oui\"'"),
    ("a quote inside quotes", {23: "        label: 'Buyer's contacts'"},
     "grid.yaml:23: (file): not valid YAML: a text starting with ' ends where it closes, and this one goes "
     "on after; put the whole text in quotes, e.g. label: \"[Top] clients\" or label: 'He said \"yes\"'",
     "grid.yaml:23: (file): YAML invalide : un texte commençant par ' s'arrête là où il se ferme, et "
     "celui-ci continue après ; mettez tout le texte entre guillemets, par exemple label: \"[Top] clients\" "
     "ou label: 'Il a dit \"oui\"'"),
    ("a bracket never closed: at the line that opened it", {34: "  cuts: {attractiveness: [50], qrc: [50]"},
     'grid.yaml:34: (file): not valid YAML: the { opened on this line is not closed; close it, and put in '
     'quotes any text holding ",", ":", "[", "]", "{" or "}"',
     'grid.yaml:34: (file): YAML invalide : le { ouvert sur cette ligne n\'est pas fermé ; fermez-le, et '
     'mettez entre guillemets tout texte contenant ",", ":", "[", "]", "{" ou "}"'),
    ("a key out of line", {24: "         column: contacts"},
     "grid.yaml:24: (file): not valid YAML: this line is not indented like the keys it belongs with; "
     "line it up with them, using spaces",
     "grid.yaml:24: (file): YAML invalide : cette ligne n'est pas indentée comme les clés dont elle fait "
     "partie ; alignez-la sur elles, avec des espaces"),
    ("a tab", {24: "\t    column: contacts"},
     "grid.yaml:24: (file): not valid YAML: this line is indented with a tab; indent with spaces",
     "grid.yaml:24: (file): YAML invalide : cette ligne est indentée avec une tabulation ; indentez avec "
     "des espaces"),
]


@pytest.mark.parametrize("edits, english, french", [case[1:] for case in SYNTAX], ids=[case[0] for case in SYNTAX])
def test_a_syntax_error_says_its_usual_cause_in_both_languages(edits, english, french):
    assert issues_of(edits) == [english]
    assert french_of(edits) == [french]


# -- nesting and floods --------------------------------------------------------------------------

def test_deep_brackets_are_refused_at_their_line():
    text = "name: Test\nversion: [" + "[" * 999 + "]" * 1000 + "\n"
    assert kit_issues_of(parse_grid, text, "deep.yaml") == [
        "deep.yaml:2: (file): expected at most 32 levels of values inside values (got more from this "
        "line on); a configuration file is never nested this deep"]


def test_deep_indentation_is_refused_at_the_line_past_the_limit():
    # Line n holds key k<n>, in the mapping n levels deep; its key is one level deeper still, so
    # the key of line 32 is the 33rd level.
    text = "".join(f"{'  ' * n}k{n + 1}:\n" for n in range(100))
    [issue] = kit_issues_of(parse_norms, text, "deep.yaml")
    assert issue.startswith("deep.yaml:32: (file): expected at most 32 levels")


def test_a_flood_of_unknown_keys_shows_fifty_and_counts_the_rest():
    keys = 20_000  # about 200 KB: under the size limit, far past what anyone reads
    text = GRID + "".join(f"k{i:05d}: 1\n" for i in range(keys))
    issues = kit_issues_of(parse_grid, text, "flood.yaml")
    assert len(issues) == 51
    assert issues[0].startswith("flood.yaml:40: k00000: unknown key `k00000`")
    assert issues[49].startswith("flood.yaml:89: k00049: unknown key")
    assert issues[50] == ("flood.yaml:90: (file): … and 19,950 more, not shown: fix the ones above first, "
                          "they often explain the rest")
