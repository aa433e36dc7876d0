"""Safe YAML for configuration files: plain values that know their line and key path."""

from __future__ import annotations

import difflib
import hashlib
import math
import re
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Collection, Literal, TypeVar

import yaml
from yaml.events import AliasEvent, ScalarEvent, SequenceStartEvent

from portfolio.problems import ConfigError, ConfigIssue, Detail, detail
from portfolio.yaml_syntax import MAX_DEPTH, TooDeep, syntax_issue

T = TypeVar("T")
# A part of a message: a catalogue phrase, or text shown as written (a value from the file).
Phrase = Detail | str
MAX_BYTES = 256 * 1024
FILE_KEY = "(file)"  # key shown for problems about the whole file (size, encoding, syntax)
TOP_KEY = "(top level)"  # key shown for problems about the document's root value

# How a scalar may be read. Plain (unquoted, untagged) scalars are left uninterpreted
# until a field says what it expects, so YAML 1.1's implicit typing never applies.
ScalarKind = Literal["plain", "text", "number", "bool", "null", "rejected"]

_YAML = "tag:yaml.org,2002:"
_SCALAR_TAGS = {"!": "text", _YAML + "str": "text", _YAML + "int": "number",
                _YAML + "float": "number", _YAML + "bool": "bool", _YAML + "null": "null"}
_COLLECTION_TAGS = {"!", _YAML + "map", _YAML + "seq"}
# The spellings PyYAML (YAML 1.1) turns into booleans and None.
_BOOLEANS = {w for b in ("yes", "no", "true", "false", "on", "off") for w in (b, b.title(), b.upper())}
_NULLS = {"", "~", "null", "Null", "NULL"}
# Decimal only, leading zeros ignored (`010` is ten, as in YAML 1.2 and spreadsheets);
# `_` may group digits. Hex, octal, base-60 (`1:30`) and `.inf`/`.nan` are not numbers here.
_NUMBER = re.compile(r"[-+]?(?:\d+(?:_\d+)*(?:\.(?:\d+(?:_\d+)*)?)?|\.\d+(?:_\d+)*)(?:[eE][-+]?\d+)?")
_INTEGER = re.compile(r"[-+]?\d+(?:_\d+)*")
_IDENTIFIER = re.compile(r"[a-z][a-z0-9_]*")
_LANGUAGE = re.compile(r"[a-z]{2,3}")
_COLOR = re.compile(r"#[0-9a-fA-F]{6}")


@dataclass(frozen=True)
class Node:
    """A value of the document, with the line where it starts (1-based) and its key path."""

    line: int
    path: str


@dataclass(frozen=True)
class ScalarNode(Node):
    text: str  # the scalar as written, quotes and escapes resolved
    kind: ScalarKind


@dataclass(frozen=True)
class MapNode(Node):
    entries: dict[str, Node]  # in file order; a duplicate key keeps its first value
    flow: bool = False  # written `{a: 1, b: 2}`, where a comma ends a value

    def get(self, key: str) -> Node | None:
        return self.entries.get(key)

    def __contains__(self, key: object) -> bool:
        return key in self.entries


@dataclass(frozen=True)
class ListNode(Node):
    items: tuple[Node, ...]


def child_path(parent: str, key: str | int) -> str:
    """`axes` + `qrc` → `axes.qrc`; `axes.qrc.criteria` + 1 → `axes.qrc.criteria[1]`."""
    if isinstance(key, int):
        return f"{parent}[{key}]"
    return f"{parent}.{key}" if parent else key


def nearest_line(lines: dict[str, int] | None, path: str) -> int | None:
    """The line of `path`, or of its closest ancestor that the file has (for a missing key)."""
    lines = lines or {}
    while True:
        if path in lines:
            return lines[path]
        cut = max(path.rfind("."), path.rfind("["))
        if cut < 0:
            return lines.get("")
        path = path[:cut]


def closest(word: str, known: Collection[str]) -> str | None:
    """The known word a typo most likely meant (`wieght` → `weight`), if any is close."""
    found = difflib.get_close_matches(word, list(known), n=1, cutoff=0.6)
    return found[0] if found else None


def written_text(node: Node | None) -> str | None:
    """A scalar as the file writes it, when it writes something (to name an item by it)."""
    if isinstance(node, ScalarNode) and node.kind in ("plain", "text") and node.text.strip():
        return node.text.strip()
    return None


def describe(node: Node) -> Phrase:
    """What a node holds, for the `(got …)` part of a message (a number or a plain word
    is shown as written, in no language)."""
    if isinstance(node, MapNode):
        return detail("config.got_mapping" if node.entries else "config.got_empty_mapping")
    if isinstance(node, ListNode):
        return detail("config.got_list" if node.items else "config.got_empty_list")
    assert isinstance(node, ScalarNode)
    if node.kind == "null" or (node.kind == "plain" and node.text in _NULLS):
        return detail("config.got_nothing")
    if node.kind == "bool" or (node.kind == "plain" and node.text in _BOOLEANS):
        return detail("config.got_a_boolean", text=node.text)
    if node.kind == "text":
        return detail("config.got_the_text", text=node.text)
    return node.text


def expected(what: Phrase, got: Phrase) -> Detail:
    """`expected <what> (got <got>)`, the shape of most messages of the public format."""
    return detail("config.expected_got", what=what, got=got)


def fmt(x: float) -> str:
    """A number as a person writes it: 50 rather than 50.0."""
    return str(int(x)) if float(x).is_integer() and abs(x) < 1e15 else f"{x:g}"


class _Composer(yaml.SafeLoader):
    """SafeLoader's parser and composer, noting tags, anchors and aliases instead of obeying them."""

    depth = 0

    def compose_node(self, parent, index):  # noqa: ANN001, ANN201 - PyYAML's signature
        # PyYAML composes recursively: past MAX_DEPTH levels, refuse the file at the line
        # reached rather than let Python's recursion limit end the reading.
        self.depth += 1
        try:
            if self.depth > MAX_DEPTH:
                raise TooDeep(self.peek_event().start_mark)
            return self._compose_node()
        finally:
            self.depth -= 1

    def _compose_node(self):  # noqa: ANN202
        if self.check_event(AliasEvent):
            event = self.get_event()
            node = yaml.ScalarNode(_YAML + "null", "", event.start_mark, event.end_mark)
            node.problem = detail("config.alias", anchor=event.anchor)
            return node
        event = self.peek_event()
        if self.check_event(ScalarEvent):
            node = self.compose_scalar_node(None)
        elif self.check_event(SequenceStartEvent):
            node = self.compose_sequence_node(None)
        else:
            node = self.compose_mapping_node(None)
        node.explicit_tag = event.tag  # None unless the file wrote a tag
        node.anchor_name = event.anchor
        return node


def _short_tag(tag: str) -> str:
    return "!!" + tag[len(_YAML):] if tag.startswith(_YAML) else tag


def _tag_problem(tag: str) -> Detail:
    shown = _short_tag(tag)
    if shown.startswith("!!python"):
        return detail("config.tag_python", tag=shown)
    if tag.startswith(_YAML):
        return detail("config.tag_unused", tag=shown)
    return detail("config.tag_unknown", tag=shown)


class Checker:
    """Collects every issue of one configuration file, and reads its values field by field.

    Each reading method takes the node of a field (None when the key is absent, already
    reported) and returns the value, or None after recording what was wrong. A node that
    was rejected while parsing (a tag, an alias) is skipped silently: it is reported once.
    """

    def __init__(self, source: str):
        self.source = source
        self.issues: list[ConfigIssue] = []
        self.lines: dict[str, int] = {}  # key path → line, for every value of the file
        self._ids: list[tuple[str, str, str | None, bool]] = []  # (group, item path, id as written, valid)

    # -- issues ---------------------------------------------------------------------

    def error(self, where: Node | str, message: Detail) -> None:
        """Record an issue at a node, or at a key path (its line, or its parent's)."""
        if isinstance(where, Node):
            path, line = where.path, where.line
        else:
            path, line = where, nearest_line(self.lines, where)
        self.issues.append(ConfigIssue.of(self.source, line, path or TOP_KEY, message))

    def mark(self) -> int:
        """A bookmark: `clean_since(mark)` says whether nothing was reported after it."""
        return len(self.issues)

    def clean_since(self, mark: int) -> bool:
        return len(self.issues) == mark

    def name_item(self, group: str, path: str, written: str | None, valid: bool) -> None:
        """Let messages name the list item at `path` by its id: `criteria[contacts]` rather
        than `criteria[1]`. `written` is its id as the file writes it (None when absent),
        `valid` whether it reads as an id; ids must be unique within `group`."""
        self._ids.append((group, path, written, valid))

    def shown_path(self, path: str, names: dict[str, str] | None = None) -> str:
        """`path` as messages show it, each named item by its id (see `name_item`)."""
        names = self._item_names() if names is None else names
        for cut in range(len(path), 0, -1):
            if (cut == len(path) or path[cut] in ".[") and path[:cut] in names:
                return names[path[:cut]] + path[cut:]
        return path

    def _item_names(self) -> dict[str, str]:
        """Item path → shown path: `criteria[contacts]` for an id valid and unique in its group,
        `criteria[1] (Contacts)` for an id that is itself wrong, `criteria[1]` without one."""
        uses = Counter((group, written) for group, _, written, valid in self._ids if valid)
        names = {}
        for group, path, written, valid in self._ids:
            if valid and uses[group, written] == 1:
                names[path] = path[:path.rfind("[")] + f"[{written}]"
            elif written:
                names[path] = f"{path} ({written})"
        return names

    def final_issues(self) -> list[ConfigIssue]:
        """Every issue, in the order of the file's lines, its items named by their ids."""
        ordered = sorted(self.issues, key=lambda issue: issue.line or 0)
        if not self._ids:
            return ordered
        names = self._item_names()
        return [replace(issue, key=self.shown_path(issue.key, names)) for issue in ordered]

    def raise_if_any(self) -> None:
        """Raise ConfigError with every issue (see `final_issues`)."""
        if self.issues:
            raise ConfigError(self.final_issues())

    # -- parsing --------------------------------------------------------------------

    def parse(self, text: str) -> Node | None:
        """The document's tree, or None when it cannot be read at all (issues recorded)."""
        size = len(text.encode("utf-8"))
        if size > MAX_BYTES:
            self.issues.append(_too_large(self.source, size))
            return None
        loader = None
        try:
            loader = _Composer(text)
            root = loader.get_single_node()
        except yaml.YAMLError as error:
            self.issues.append(syntax_issue(self.source, text, error, FILE_KEY))
            return None
        finally:
            if loader is not None:
                loader.dispose()
        if root is None:
            self.issues.append(ConfigIssue.of(self.source, 1, TOP_KEY, detail("config.empty_file")))
            return None
        return self._build(root, "", root.start_mark.line + 1)

    def _build(self, y: yaml.Node, path: str, line: int) -> Node:
        problem = getattr(y, "problem", None)
        tag = getattr(y, "explicit_tag", None)
        anchor = getattr(y, "anchor_name", None)
        self.lines[path] = line
        if problem is None and anchor is not None:
            self.error(path, detail("config.anchor", anchor=anchor))
        if problem is None and tag is not None:
            allowed = _SCALAR_TAGS if isinstance(y, yaml.ScalarNode) else _COLLECTION_TAGS
            if tag not in allowed:
                problem = _tag_problem(tag)
        if problem is not None:
            self.error(path, problem)
            return ScalarNode(line, path, "", "rejected")
        if isinstance(y, yaml.ScalarNode):
            if tag is not None:
                kind = _SCALAR_TAGS[tag]
            else:
                kind = "plain" if y.style is None else "text"
            return ScalarNode(line, path, y.value, kind)
        if isinstance(y, yaml.SequenceNode):
            return ListNode(line, path, tuple(
                self._build(item, child_path(path, i), item.start_mark.line + 1)
                for i, item in enumerate(y.value)))
        return self._build_mapping(y, path, line)

    def _build_mapping(self, y: yaml.MappingNode, path: str, line: int) -> MapNode:
        entries: dict[str, Node] = {}
        first_line: dict[str, int] = {}
        for key_node, value_node in y.value:
            key_line = key_node.start_mark.line + 1
            key_ok = (isinstance(key_node, yaml.ScalarNode)
                      and getattr(key_node, "problem", None) is None
                      and getattr(key_node, "anchor_name", None) is None
                      and getattr(key_node, "explicit_tag", None) in (None, "!", _YAML + "str"))
            if not key_ok:
                self.issues.append(ConfigIssue.of(self.source, key_line, path or TOP_KEY,
                                                  detail("config.key_not_plain")))
                continue
            key = key_node.value  # keys are names, read as written: `no:` is the key "no"
            key_path = child_path(path, key)
            if key in entries:
                self.issues.append(ConfigIssue.of(
                    self.source, key_line, key_path,
                    detail("config.duplicate_key", name=key, first=first_line[key])))
                continue
            first_line[key] = key_line
            entries[key] = self._build(value_node, key_path, key_line)
        return MapNode(line, path, entries, flow=bool(y.flow_style))

    # -- reading fields -------------------------------------------------------------

    def mapping(self, node: Node | None, required: Collection[str] = (),
                optional: Collection[str] = (), what: Phrase = detail("config.what_mapping")
                ) -> MapNode | None:
        """A mapping whose keys are among `required` + `optional`, with every required one."""
        if node is None or _rejected(node):
            return None
        if not isinstance(node, MapNode):
            self.error(node, expected(what, describe(node)))
            return None
        known = [*required, *optional]
        missing = [key for key in required if key not in node.entries]
        for key, child in node.entries.items():
            if key not in known:
                meant = closest(key, known)
                name = ("config.unknown_key_meant" if meant else
                        "config.unknown_key_comma" if _comma_made(node, child) else "config.unknown_key")
                self.error(child, detail(name, name=key, meant=meant, known=", ".join(known)))
                if meant in missing:  # one typo, one issue: `wieght` is not also "weight missing"
                    missing.remove(meant)
        for key in missing:
            self.issues.append(ConfigIssue.of(self.source, node.line, child_path(node.path, key),
                                              detail("config.missing_key", name=key)))
        return node

    def by_id(self, node: Node | None, what: Phrase) -> dict[str, Node] | None:
        """A non-empty mapping keyed by ids (segment ids…): the entries whose key is a valid id."""
        if node is None or _rejected(node):
            return None
        if not isinstance(node, MapNode) or not node.entries:
            self.error(node, expected(what, describe(node)))
            return None
        for key, child in node.entries.items():
            if not _IDENTIFIER.fullmatch(key):
                self.error(child, detail("config.key_not_an_id", name=key))
        return {key: child for key, child in node.entries.items() if _IDENTIFIER.fullmatch(key)}

    def items(self, node: Node | None, what: Phrase, allow_empty: bool = False) -> tuple[Node, ...] | None:
        """The items of a list, non-empty unless allowed; `what` names it, e.g. "a list of bands"."""
        if node is None or _rejected(node):
            return None
        if not isinstance(node, ListNode) or not (node.items or allow_empty):
            self.error(node, expected(what, describe(node)))
            return None
        return node.items

    def text(self, node: Node | None, what: Phrase = detail("config.what_text")) -> str | None:
        """A non-empty text. A plain `no`, `on`, `true`… is refused: YAML 1.1 reads it as a boolean."""
        if node is None or _rejected(node):
            return None
        if isinstance(node, ScalarNode):
            if node.kind == "text" and node.text.strip():
                return node.text
            if node.kind == "plain" and node.text not in _NULLS | _BOOLEANS:
                return node.text
            if node.kind in ("bool", "plain") and node.text in _BOOLEANS:
                self.error(node, detail("config.boolean_to_quote", what=what, text=node.text))
                return None
            if node.kind == "text":
                self.error(node, expected(what, detail("config.got_empty_text")))
                return None
        self.error(node, expected(what, describe(node)))
        return None

    def local_text(self, node: Node | None) -> str | dict[str, str] | None:
        """A text, or a mapping of language code to text (`{en: …, fr: …}`)."""
        if node is None or _rejected(node):
            return None
        if isinstance(node, ScalarNode):
            return self.text(node, detail("config.what_local_text"))
        if not isinstance(node, MapNode) or not node.entries:
            self.error(node, expected(detail("config.what_local_text"), describe(node)))
            return None
        start = self.mark()
        texts: dict[str, str] = {}
        for lang, child in node.entries.items():
            if not _LANGUAGE.fullmatch(lang):
                self.error(child, detail("config.language_code_comma" if _comma_made(node, child)
                                         else "config.language_code", code=lang))
                continue
            value = self.text(child)
            if value is not None:
                texts[lang] = value
        return texts if self.clean_since(start) else None

    def version(self, node: Node | None, supported: int) -> int | None:
        """The format's `version`: a whole number, which must be the one this program reads."""
        version = self.integer(node)
        if version is not None and version != supported:
            self.error(node, detail("config_grid.version", expected=supported, got=version))
            return None
        return version

    def identifier(self, node: Node | None, what: Phrase = detail("config.what_an_id")) -> str | None:
        """An id: lowercase letters, digits and `_`, starting with a letter (it names columns)."""
        return self._text_matching(node, what, _IDENTIFIER, detail("config.what_id_rule", what=what))

    def choice(self, node: Node | None, options: Collection[str]) -> str | None:
        listed = ", ".join(options)
        value = self.text(node, detail("config.what_one_of", options=listed))
        if value is not None and value not in options:
            hint = closest(value, options)
            self.error(node, detail("config.not_an_option_meant" if hint else "config.not_an_option",
                                    options=listed, value=value, meant=hint))
            return None
        return value

    def color(self, node: Node | None) -> str | None:
        """A colour "#rrggbb"."""
        if isinstance(node, ScalarNode) and node.kind == "plain" and node.text in _NULLS:
            # `color: #d95f02` unquoted is a comment, so the value is empty.
            self.error(node, detail("config.color_comment"))
            return None
        colour = detail("config.what_color")
        return self._text_matching(node, colour, _COLOR, colour)

    def _text_matching(self, node: Node | None, what: Phrase, pattern: re.Pattern[str],
                       rule: Phrase) -> str | None:
        """A text that `pattern` matches; `rule` is `what` with the rule spelt out."""
        value = self.text(node, what)
        if value is not None and not pattern.fullmatch(value):
            self.error(node, expected(rule, detail("config.got_quoted", text=value)))
            return None
        return value

    def number(self, node: Node | None, *, above: float | None = None, at_least: float | None = None,
               at_most: float | None = None, below: float | None = None) -> float | None:
        """A finite decimal number within the bounds given (`1e5` and `1_000` are numbers)."""
        what = detail("config.what_number", bounds=_bounds(above, at_least, at_most, below))
        raw = self._numeric_text(node, what)
        if raw is None:
            return None
        if not _NUMBER.fullmatch(raw):
            comma = re.fullmatch(r"[-+]?\d+,\d+", raw)
            self.error(node, detail("config.decimal_comma", what=what, raw=raw) if comma
                       else expected(what, raw))
            return None
        value = float(raw.replace("_", ""))
        if not math.isfinite(value):
            self.error(node, detail("config.number_too_large", what=what, raw=raw))
            return None
        return value if self._in_bounds(node, value, raw, what, above, at_least, at_most, below) else None

    def integer(self, node: Node | None, *, at_least: float | None = None) -> int | None:
        """A whole decimal number (`010` is ten)."""
        what = detail("config.what_whole_number", bounds=_bounds(None, at_least, None, None))
        raw = self._numeric_text(node, what)
        if raw is None:
            return None
        if not _INTEGER.fullmatch(raw):
            self.error(node, expected(what, raw))
            return None
        value = int(raw.replace("_", ""))
        return value if self._in_bounds(node, value, raw, what, None, at_least, None, None) else None

    def _numeric_text(self, node: Node | None, what: Phrase) -> str | None:
        if node is None or _rejected(node):
            return None
        if isinstance(node, ScalarNode):
            if node.kind == "number" or (node.kind == "plain" and node.text not in _NULLS | _BOOLEANS):
                return node.text.strip()
            if node.kind == "text":
                self.error(node, detail("config.quoted_number", what=what, text=node.text))
                return None
        self.error(node, expected(what, describe(node)))
        return None

    def _in_bounds(self, node: Node | None, value: float, raw: str, what: Phrase, above: float | None,
                   at_least: float | None, at_most: float | None, below: float | None) -> bool:
        ok = ((above is None or value > above) and (at_least is None or value >= at_least)
              and (at_most is None or value <= at_most) and (below is None or value < below))
        if not ok:
            self.error(node, expected(what, raw))
        return ok


def _comma_made(mapping: MapNode, child: Node) -> bool:
    """Whether a key of `{…}` was written alone, as when a comma ended the text before it:
    `{value: Key account, top, points: 1}` makes `top` a key with no value."""
    return mapping.flow and isinstance(child, ScalarNode) and child.kind == "plain" and not child.text


def _rejected(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.kind == "rejected"


def _bounds(above: float | None, at_least: float | None, at_most: float | None,
            below: float | None) -> Phrase:
    """` > 0`, ` between 0 and 1`, ` ≥ 0 and < 1`…: the bounds as a message says them."""
    if at_least is not None and at_most is not None and above is None and below is None:
        return detail("config.bounds_between", low=fmt(at_least), high=fmt(at_most))
    parts = [f"{sign} {fmt(bound)}" for sign, bound in
             ((">", above), ("≥", at_least), ("≤", at_most), ("<", below)) if bound is not None]
    if not parts:
        return ""
    phrase: Phrase = " " + parts[0]
    for part in parts[1:]:  # the signs read the same in every language, "and" does not
        phrase = detail("config.bounds_and", first=phrase, second=part)
    return phrase


def _too_large(source: str, size: int) -> ConfigIssue:
    return ConfigIssue.of(source, None, FILE_KEY, detail("config.file_too_large", limit=MAX_BYTES // 1024,
                                                         size=f"{size / 1024:.0f}"))


def read_document(text: str, source: str, read: Callable[[Checker, Node], T | None]) -> tuple[T, Checker]:
    """Parse `text` and build a value from its tree with `read` (which reports through the
    checker); raise ConfigError with every issue of both, else return the value and checker."""
    checker = Checker(source)
    root = checker.parse(text)
    value = read(checker, root) if root is not None else None
    checker.raise_if_any()
    assert value is not None, "a reader returned nothing without reporting why"
    return value, checker


def fingerprint(text: str) -> str:
    """The sha256 hex digest of a configuration text, telling its versions apart."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def parse_yaml(text: str, source: str) -> Node:
    """The tree of a YAML text, read safely; raises ConfigError listing every YAML-level issue."""
    checker = Checker(source)
    root = checker.parse(text)
    checker.raise_if_any()
    assert root is not None
    return root


def read_config_text(path: str | Path) -> str:
    """A configuration file's text, refusing one over MAX_BYTES (before reading it) or not UTF-8."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise ConfigError([_too_large(path.name, size)])
    return config_text(path.read_bytes(), path.name)


def config_text(data: bytes, source: str) -> str:
    """The text of a configuration file's bytes (an upload, say), refusing more than
    MAX_BYTES or bytes that are not UTF-8; `source` is the file name shown in messages."""
    if len(data) > MAX_BYTES:
        raise ConfigError([_too_large(source, len(data))])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ConfigError([ConfigIssue.of(
            source, line, FILE_KEY,
            detail("config.not_utf8", byte=f"0x{data[error.start]:02x}"))]) from None
