"""Problems found in user input (files, grids, norms), collected and reported together."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from portfolio.i18n import DEFAULT_LANGUAGE, t


@dataclass(frozen=True)
class Detail:
    """What a problem says, as a catalogue key and the values it names, so that the
    interface can say it in the user's language (the English goes into `reason`)."""

    key: str
    args: tuple[tuple[str, object], ...] = ()

    def text(self, lang: str = DEFAULT_LANGUAGE) -> str:
        # A value may itself be a Detail (a phrase of the sentence): said in the same language.
        return t(self.key, lang, **{name: value.text(lang) if isinstance(value, Detail) else value
                                    for name, value in self.args})


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


class InputError(Exception):
    """User input that cannot be used; carries every problem found, for reporting."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(p.describe() for p in problems) or "invalid input")


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


class ConfigError(Exception):
    """A configuration file that cannot be used; carries every issue found."""

    def __init__(self, issues: list[ConfigIssue]):
        self.issues = issues
        super().__init__("\n".join(str(i) for i in issues))
