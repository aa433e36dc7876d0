"""A YAML syntax error said in words: the usual cause of what the parser tripped on, and its line."""

from __future__ import annotations

import yaml

from portfolio.problems import ConfigIssue, Detail, detail

# Deeper than any grid or norms file (a band's rule in one language is 7 levels), shallow
# enough that composing stays far from Python's recursion limit.
MAX_DEPTH = 32
# What YAML reads as the start of something else when a text begins with it unquoted.
_SPECIAL_STARTS = "@`%&*!|>?{}[],#'\""


class TooDeep(yaml.YAMLError):
    """Values nested past MAX_DEPTH levels, at `problem_mark` (where the level too many starts)."""

    def __init__(self, mark: yaml.Mark):
        super().__init__("values nested too deeply")
        self.problem_mark = mark


def syntax_issue(source: str, text: str, error: yaml.YAMLError, key: str) -> ConfigIssue:
    """The issue for a file PyYAML could not read, at the line it names, under `key`."""
    mark = getattr(error, "problem_mark", None)
    if mark is None:  # reader errors (forbidden characters) carry a position instead of a mark
        position = getattr(error, "position", 0) or 0
        line = text.count("\n", 0, position) + 1
        return ConfigIssue.of(source, line, key, detail("config.not_yaml", problem=str(error).splitlines()[0]))
    line, message = _explained(error, text, mark)
    return ConfigIssue.of(source, line, key, message)


def _explained(error: yaml.YAMLError, text: str, mark: yaml.Mark) -> tuple[int, Detail]:
    """The line to show and the usual cause of what the parser reports (its own words when none fits)."""
    line = mark.line + 1
    if isinstance(error, TooDeep):
        return line, detail("config.too_deep", limit=MAX_DEPTH)
    problem = getattr(error, "problem", None) or "syntax error"
    context = getattr(error, "context", None) or ""
    opened = getattr(error, "context_mark", None)
    start = _value_start(text, mark)
    if "'\\t'" in problem:
        return line, detail("config.yaml_tab")
    if problem.startswith("mapping values are not allowed"):
        # `label: Potential: high`: a second `: ` on the line. A lone one is a key out of place.
        before = _line_of(text, mark)[:mark.column]
        return line, detail("config.yaml_colon" if ": " in before else "config.yaml_indent")
    if problem.endswith("but got ':'"):  # `{value: Top: key, points: 1}`
        return line, detail("config.yaml_colon")
    if start in _SPECIAL_STARTS and (
            "cannot start any token" in problem or problem.startswith("mapping keys are not allowed")
            or context in ("while scanning an anchor", "while scanning an alias",
                           "while scanning a block scalar")):
        return line, detail("config.yaml_special_start", char=start)
    if context.startswith("while parsing a flow") and opened is not None:
        if opened.line != mark.line:  # the bracket runs on past its line: never closed
            return opened.line + 1, detail("config.yaml_unclosed", bracket=_char_at(text, opened))
        return line, detail("config.yaml_flow_text")
    if "expected <block end>" in problem and "'<scalar>'" in problem and start in "'\"[{":
        # `label: "Top" clients`, `label: [Top] clients`: the text went on after what closed it.
        return line, detail("config.yaml_text_after_closing", char=start)
    if "expected <block end>" in problem:
        return line, detail("config.yaml_indent")
    if context and opened is not None and opened.line != mark.line:
        problem = f"{context} at line {opened.line + 1}, {problem}"
    elif context:
        problem = f"{context}, {problem}"
    # PyYAML's own words stay as they are: they name what it tripped on.
    return line, detail("config.not_yaml", problem=problem)


def _line_of(text: str, mark: yaml.Mark) -> str:
    lines = text.splitlines()
    return lines[mark.line] if mark.line < len(lines) else ""


def _char_at(text: str, mark: yaml.Mark) -> str:
    line = _line_of(text, mark)
    return line[mark.column] if mark.column < len(line) else ""


def _value_start(text: str, mark: yaml.Mark) -> str:
    """The first character of the value on the mark's line: after `key: ` or `- `."""
    line = _line_of(text, mark).strip()
    _, colon, rest = line.partition(": ")
    value = rest.strip() if colon else line.lstrip("- ").strip()
    return value[:1]
