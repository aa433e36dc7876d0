"""The safe YAML reader: positions, refused constructs, and how plain scalars are read."""

from __future__ import annotations

import textwrap

import pytest

from portfolio.problems import ConfigError
from portfolio.yaml_source import (MAX_BYTES, Checker, ListNode, MapNode, Node, nearest_line,
                                   parse_yaml, read_config_text)


def issues_of(text: str) -> list[str]:
    checker = Checker("t.yaml")
    checker.parse(textwrap.dedent(text))
    return [str(issue) for issue in checker.issues]


def field(text: str, key: str = "x") -> tuple[Checker, Node]:
    checker = Checker("t.yaml")
    root = checker.parse(text)
    assert isinstance(root, MapNode) and not checker.issues
    node = root.get(key)
    assert node is not None
    return checker, node


def test_values_know_their_line_and_path():
    root = parse_yaml(textwrap.dedent("""\
        axes:
          qrc:
            criteria:
              - id: a
              - id: b
                weight: 3
        """), "t.yaml")
    assert isinstance(root, MapNode)
    criteria = root.entries["axes"].entries["qrc"].entries["criteria"]  # type: ignore[attr-defined]
    assert isinstance(criteria, ListNode)
    weight = criteria.items[1].entries["weight"]  # type: ignore[attr-defined]
    assert (weight.line, weight.path, weight.text) == (6, "axes.qrc.criteria[1].weight", "3")
    assert (criteria.items[1].line, criteria.items[1].path) == (5, "axes.qrc.criteria[1]")


@pytest.mark.parametrize("raw, expected", [
    ("1e5", 100000.0),        # PyYAML (YAML 1.1) would give the text "1e5"
    ("010", 10.0),            # PyYAML would give 8
    ("1_000", 1000.0),
    ("0.10", 0.1),
    (".5", 0.5),
    ("-2", -2.0),
    ("+3.5E-1", 0.35),
])
def test_numbers_are_read_from_their_text(raw, expected):
    checker, node = field(f"x: {raw}\n")
    assert checker.number(node) == expected
    assert not checker.issues


@pytest.mark.parametrize("raw, message", [
    ('"50"', 'expected a number (got the text "50"; remove the quotes)'),
    ("yes", "expected a number (got a boolean, yes)"),
    ("", "expected a number (got nothing)"),
    ("0x10", "expected a number (got 0x10)"),
    ("0o10", "expected a number (got 0o10)"),
    ("1:30", "expected a number (got 1:30)"),     # YAML 1.1 base 60 would give 90
    (".inf", "expected a number (got .inf)"),
    ("1e999", "expected a number (got 1e999, too large)"),
    ("0,5", "expected a number (got 0,5); use a dot for decimals"),
    ("[1]", "expected a number (got a list)"),
])
def test_what_is_not_a_number(raw, message):
    checker, node = field(f"x: {raw}\n")
    assert checker.number(node) is None
    assert [str(i) for i in checker.issues] == [f"t.yaml:1: x: {message}"]


def test_number_bounds_are_said_in_the_message():
    checker, node = field("x: 1\n")
    assert checker.number(node, at_least=0, below=1) is None
    assert checker.number(node, above=1) is None
    assert checker.number(node, at_least=0, at_most=1) == 1
    assert [i.message for i in checker.issues] == ["expected a number ≥ 0 and < 1 (got 1)",
                                                   "expected a number > 1 (got 1)"]


def test_integers_are_decimal_and_whole():
    checker, node = field("x: 010\n")
    assert checker.integer(node) == 10
    checker, node = field("x: 1.5\n")
    assert checker.integer(node) is None
    assert checker.issues[0].message == "expected a whole number (got 1.5)"


@pytest.mark.parametrize("raw", ["no", "No", "NO", "yes", "on", "off", "true", "False"])
def test_plain_booleans_are_refused_where_text_is_expected(raw):
    checker, node = field(f"x: {raw}\n")
    assert checker.text(node) is None
    assert checker.issues[0].message == f'expected text (got a boolean; quote it as "{raw}")'


@pytest.mark.parametrize("raw, expected", [('"no"', "no"), ("'on'", "on"), ("!!str yes", "yes"),
                                           ("010", "010"), ("1.50", "1.50"), ("n", "n")])
def test_text_is_taken_as_written(raw, expected):
    checker, node = field(f"x: {raw}\n")
    assert checker.text(node) == expected
    assert not checker.issues


def test_local_text_and_ids():
    checker = Checker("t.yaml")
    root = checker.parse('a: {en: Yes, fr: Oui}\nb: {en: "Yes", fr: Oui, english: x}\nc: Potential\n')
    assert isinstance(root, MapNode)
    assert checker.local_text(root.get("a")) is None
    assert checker.local_text(root.get("b")) is None
    assert checker.identifier(root.get("c")) is None
    assert [str(i) for i in checker.issues] == [
        't.yaml:1: a.en: expected text (got a boolean; quote it as "Yes")',
        "t.yaml:2: b.english: expected a language code such as en or fr (got `english`)",
        't.yaml:3: c: expected an id of lowercase letters, digits and _, starting with a letter '
        '(got "Potential")',
    ]


def test_unknown_key_suggests_the_closest_and_is_not_also_missing():
    checker = Checker("t.yaml")
    root = checker.parse("id: a\nwieght: 3\n")
    checker.mapping(root, required=("id", "weight", "label"))
    assert [str(i) for i in checker.issues] == [
        "t.yaml:2: wieght: unknown key `wieght`; did you mean `weight`? (expected one of: id, weight, label)",
        "t.yaml:1: label: required key `label` is missing; add it",
    ]


def test_color_left_unquoted_is_a_comment():
    checker, node = field("x: #d95f02\n")
    assert checker.color(node) is None
    assert "# starts a comment" in checker.issues[0].message


# -- refused constructs, each reported with its line and key ------------------------------------

def test_python_tags_are_refused_without_running_anything():
    assert issues_of("""\
        a: 1
        b: !!python/object/apply:os.system ["echo hacked"]
        """) == ["t.yaml:2: b: tag !!python/object/apply:os.system builds a Python object, "
                 "which a configuration file may not do: remove it"]


def test_non_standard_and_unused_tags_are_refused():
    assert issues_of("""\
        a: !secret x
        b: !!binary aGVsbG8=
        c: !!str kept
        """) == ["t.yaml:1: a: tag !secret is not a standard YAML tag: remove it",
                 "t.yaml:2: b: tag !!binary is not used in this file (only text, numbers, lists and "
                 "mappings): remove it"]


def test_anchors_and_aliases_are_refused():
    assert issues_of("""\
        a: &base {x: 1}
        b: *base
        """) == ["t.yaml:1: a: anchors (&base) are not allowed: write the value out where it is used",
                 "t.yaml:2: b: aliases (*base) are not allowed: write the value out in full where it is used"]


def test_a_billion_laughs_is_refused_at_its_first_alias():
    issues = issues_of("""\
        a: &a ["lol", "lol"]
        b: &b [*a, *a]
        c: [*b, *b]
        """)
    assert issues[0] == "t.yaml:1: a: anchors (&a) are not allowed: write the value out where it is used"
    assert len(issues) == 2 + 4  # two anchors, four aliases; nothing expanded


def test_duplicate_keys_name_the_first_one():
    assert issues_of("""\
        weight: 1
        label: x
        weight: 2
        """) == ["t.yaml:3: weight: duplicate key `weight` (first at line 1): keep only one"]


def test_syntax_error_gives_its_line():
    issues = issues_of("""\
        a: 1
        b: c: d
        """)
    assert issues == ['t.yaml:2: (file): not valid YAML: a text holding ": " is read as a key and its value; '
                      'put the text in quotes, e.g. label: "Potential: high"']


def test_tabs_get_a_hint():
    assert issues_of("a:\n\tb: 1\n") == [
        "t.yaml:2: (file): not valid YAML: this line is indented with a tab; indent with spaces"]


@pytest.mark.parametrize("text", ["", "# nothing but a comment\n"])
def test_empty_file(text):
    assert issues_of(text) == ["t.yaml:1: (top level): expected a mapping of keys (got an empty file)"]


def test_two_documents_are_refused():
    assert issues_of("a: 1\n---\nb: 2\n")[0].startswith("t.yaml:2: (file): not valid YAML")


def test_too_large_a_text_is_refused_before_parsing():
    text = "a: 1\n" + "#" * MAX_BYTES + "\n"
    assert issues_of(text) == [f"t.yaml:?: (file): expected a file of at most 256 KB (got "
                               f"{(MAX_BYTES + 6) / 1024:.0f} KB); a configuration file this large is not "
                               "one a person wrote"]


def test_too_large_a_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "big.yaml"
    path.write_text("a: 1\n" + "# padding\n" * 30_000, encoding="utf-8")  # 300,005 bytes
    with pytest.raises(ConfigError) as caught:
        read_config_text(path)
    assert str(caught.value).startswith("big.yaml:?: (file): expected a file of at most 256 KB (got 293 KB)")


def test_non_utf8_file_names_its_line(tmp_path):
    path = tmp_path / "latin.yaml"
    path.write_bytes("a: 1\nb: é\n".encode("latin-1"))
    with pytest.raises(ConfigError) as caught:
        read_config_text(path)
    assert str(caught.value) == ("latin.yaml:2: (file): expected UTF-8 text (got byte 0xe9); "
                                 "save the file as UTF-8")


def test_parse_yaml_raises_every_issue_together():
    with pytest.raises(ConfigError) as caught:
        parse_yaml("a: &x 1\nb: *x\na: 2\n", "t.yaml")
    assert [i.line for i in caught.value.issues] == [1, 2, 3]


def test_nearest_line_falls_back_to_the_parent():
    lines = {"": 1, "axes": 3, "axes.qrc": 4, "axes.qrc.criteria[0]": 7}
    assert nearest_line(lines, "axes.qrc.criteria[0].weight") == 7
    assert nearest_line(lines, "axes.qrc.label") == 4
    assert nearest_line(lines, "matrix") == 1
