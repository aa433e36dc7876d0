"""What the program tells the user went wrong: one family of messages, each a catalogue key and values.

Every member says itself in the user's language with `text(lang)` and in English with
`str()` (or `.message` / `.reason`), the command line's words:

- `Detail`: one sentence of the catalogue and the values it names;
- `Problem`, `Report`: what is wrong with a client file, collected and reported together;
- `ConfigIssue`: one error of a grid or norms file, `FILE:LINE: key: message`;
- `Refusal`: an exception that tells the user why nothing was done (`InputError`,
  `ConfigError`, and the store's refusals such as `DatasetNameTaken`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable, Sequence

from portfolio.i18n import DEFAULT_LANGUAGE, t

MAX_SHOWN_ISSUES = 50  # past this, a file is mostly not what it should be: the rest is counted


@dataclass(frozen=True)
class Count:
    """A whole number in a sentence, its thousands grouped as the language writes them
    (17,656 in English, 17 656 in French)."""

    value: int

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        from portfolio.numbers import number

        return number(self.value, lang)

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Detail:
    """What a message says, as a catalogue key and the values it names, so that the
    interface can say it in the user's language (`str()` is the English)."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        # A value may itself be a Detail (a phrase of the sentence) or a Count: said in the same language.
        return t(self.key, lang, **{name: value.text(lang) if isinstance(value, (Detail, Count)) else value
                                    for name, value in self.args})

    def __str__(self) -> str:
        return self.text()


def detail(key: str, **args: object) -> Detail:
    """A `Detail` for catalogue key `key` (`<area>.<name>`), formatted with `args`."""
    return Detail(key, tuple(sorted(args.items())))


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a client file.

    `row` is the row number as the user sees it in the file (1 = first line of the
    file, so the header is usually row 1 and the first client row 2); None when the
    problem is about the whole file or a whole column.
    `code` is a stable identifier (for tests and translation); `reason` is the
    English sentence shown on the command line, saying what is wrong and what to do;
    `detail` is the same sentence as a catalogue key, for the interface.
    """

    row: int | None
    column: str | None
    value: str | None
    reason: str
    code: str
    blocking: bool = True
    detail: Detail | None = None

    @classmethod
    def of(cls, detail: Detail, *, code: str, row: int | None = None, column: str | None = None,
           value: str | None = None, blocking: bool = True) -> Problem:
        """A problem whose reason is `detail`, in English."""
        return cls(row=row, column=column, value=value, reason=detail.text(), code=code,
                   blocking=blocking, detail=detail)

    @property
    def message(self) -> str:
        """The reason, in English (the family's name for it)."""
        return self.reason

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The reason in `lang` (in English when it has no catalogue key)."""
        return self.detail.text(lang) if self.detail is not None else self.reason

    def describe(self) -> str:
        where = []
        if self.row is not None:
            where.append(f"row {self.row}")
        if self.column:
            where.append(f"column {self.column!r}")
        if self.value is not None:
            where.append(f"value {self.value!r}")
        prefix = ", ".join(where)
        kind = "error" if self.blocking else "warning"
        return f"{kind}: {prefix + ': ' if prefix else ''}{self.reason}"

    def __str__(self) -> str:
        return self.describe()


@dataclass
class Report:
    """All problems of one reading, blocking ones and warnings."""

    problems: list[Problem] = field(default_factory=list)

    def add(self, problem: Problem) -> None:
        self.problems.append(problem)

    def extend(self, problems: Iterable[Problem]) -> None:
        self.problems.extend(problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.blocking]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if not p.blocking]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ConfigIssue:
    """One error in a YAML configuration file (grid, norms), pointing at file, line and key.

    `message` is the English text of the public format (`FILE:LINE: key: message`), for
    the command line and the tests; `detail`, when set, is the same message as a
    catalogue key, for the interface.
    """

    file: str
    line: int | None
    key: str
    message: str
    detail: Detail | None = field(default=None, compare=False)

    @classmethod
    def of(cls, file: str, line: int | None, key: str, detail: Detail) -> ConfigIssue:
        """An issue whose message is `detail`, in English."""
        return cls(file, line, key, detail.text(), detail)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """The message in `lang` (in English when it has no catalogue key)."""
        return self.detail.text(lang) if self.detail is not None else self.message

    def describe(self, lang: str = DEFAULT_LANGUAGE) -> str:
        """`FILE:LINE: key: message`, the message in `lang`."""
        line = self.line if self.line is not None else "?"
        return f"{self.file}:{line}: {self.key}: {self.text(lang)}"

    def __str__(self) -> str:
        return self.describe()


def capped(issues: Sequence[ConfigIssue], limit: int = MAX_SHOWN_ISSUES) -> list[ConfigIssue]:
    """The first `limit` issues and one more saying how many are left out, at the line of the
    first left out (thousands of lines would bury the few that explain the rest). A list
    longer by one only is kept whole: the count would take the line of the issue it hides."""
    if len(issues) <= limit + 1:
        return list(issues)
    first_hidden = issues[limit]
    return [*issues[:limit], ConfigIssue.of(first_hidden.file, first_hidden.line, "(file)",
                                            detail("config.more_issues", count=Count(len(issues) - limit)))]


class Refusal(Exception):
    """The program did nothing with the user's input, and says why: `str()` (and `.message`)
    in English for the command line, `text(lang)` in the user's language.

    A refusal of one sentence is built from its `Detail`; the refusals carrying several
    problems or issues (`InputError`, `ConfigError`) say each of them, one a line.
    """

    def __init__(self, detail: Detail):
        self.detail: Detail | None = detail
        super().__init__(detail.text())

    @property
    def message(self) -> str:
        return str(self)

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        assert self.detail is not None, "a refusal of several lines says them in text()"
        return self.detail.text(lang)


class InputError(Refusal):
    """User input that cannot be used; carries every problem found, for reporting."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        self.detail = None
        Exception.__init__(self, "\n".join(p.describe() for p in problems) or "invalid input")

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return "\n".join(p.text(lang) for p in self.problems)


class ConfigError(Refusal):
    """A configuration file that cannot be used; carries every issue found (past
    MAX_SHOWN_ISSUES, the first ones and the count of the others)."""

    def __init__(self, issues: Sequence[ConfigIssue]):
        self.issues = capped(issues)
        self.detail = None
        Exception.__init__(self, "\n".join(str(i) for i in self.issues))

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        return "\n".join(issue.describe(lang) for issue in self.issues)
