"""SQL expressions (DuckDB) that read cell text as numbers and dates, per the contract.

Every function takes and returns SQL text built only from identifiers the reader
generated and constants of this module; cell values never enter the SQL string.
Arguments are expected to be plain column references: DuckDB evaluates a repeated
sub-expression as many times as it is written, so callers compute each step in its
own query layer.
"""

from __future__ import annotations

_SPACES = r"\s\x{00A0}\x{202F}\x{2009}"
# Removed before a number is read: spaces (Excel writes no-break ones as French
# thousands separators), currency signs and the percent sign.
_NOT_IN_NUMBERS = f"[{_SPACES}€$£%]"
_EDGES = f"^[{_SPACES}]+|[{_SPACES}]+$"
_EDGE_BLANKS = (" ", "\t", "\r", "\n", "\u00a0", "\u202f", "\u2009")

# The common forms are tried alone (a failed format costs much more than a success);
# the rest as a list. Day first, as French users write dates.
_SHORT_DATES = ("%d/%m/%y", "%d.%m.%y", "%d-%m-%y", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y",
                "%Y-%m-%d")
_OTHER_DATES = ("%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
                "%Y-%m-%dT%H:%M:%S.%f", "%Y-%m-%d %H:%M:%S.%f",
                "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d.%m.%Y", "%d-%m-%Y")
_EXCEL_EPOCH = "DATE '1899-12-30'"  # day 0 of Excel's serial dates (1900 system)
_LAST_SERIAL = 2958465  # 9999-12-31
_YEARS = (1900, 2200)  # outside this, a "date" is a typing slip


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(_quote(i) for i in items) + "]"


def trimmed(column: str) -> str:
    """The cell text without surrounding blanks (no-break spaces too); NULL if nothing left.

    Most cells have no blank at either end: a look at the first and last characters
    finds the few that do (seven times cheaper than a test per blank and end), and
    only those go through the (much slower) regular expression.
    """
    # contains(), not IN: DuckDB plans an IN list as a join, one per column and end.
    # An empty cell "contains" too; its regular expression leaves it empty all the same.
    edges = " OR ".join(f"contains({_quote(''.join(_EDGE_BLANKS))}, {column}[{end}])"
                        for end in (1, -1))
    return (f"nullif(CASE WHEN {edges} THEN regexp_replace({column}, {_quote(_EDGES)}, '', 'g') "
            f"ELSE {column} END, '')")


def plain_number(column: str, decimal: str) -> str:
    """DOUBLE when the raw cell is a number DuckDB's cast reads as `number` would read
    it, NULL otherwise (then `compact` and `number` decide).

    Most cells of a number column are plain numbers: the cast alone reads them, about
    six times cheaper than compacting the text with a regular expression first. The
    cast ignores the blanks at either end that `compact` removes; it refuses commas,
    currency signs, % and inner spaces. It is not trusted with `_` (it reads 1_000
    as 1000, which `number` refuses) nor, when the decimal mark is a comma, with a
    point (1.234 is then a thousand and more, as `number` reads it).
    """
    guard = f"NOT contains({column}, '_')"
    if decimal == ",":
        guard += f" AND NOT contains({column}, '.')"
    return f"(CASE WHEN {guard} THEN TRY_CAST({column} AS DOUBLE) END)"


def compact(column: str) -> str:
    """The cell text without any space, currency sign or %; NULL if nothing is left."""
    return f"nullif(regexp_replace({column}, {_quote(_NOT_IN_NUMBERS)}, '', 'g'), '')"


def number(clean: str, decimal: str) -> str:
    """DOUBLE read from compacted text with `decimal` as the decimal mark; NULL if not a number.

    The other mark is a thousands separator when it groups digits by three
    (1.234,56 or 1,234.56); a single other mark that cannot group thousands
    (0.5, 12,25) is read as the decimal mark, since it cannot mean anything else.
    Infinite and NaN values (which TRY_CAST accepts) are left for `finite`.
    """
    other = "." if decimal == "," else ","
    d, o = _quote(decimal), _quote(other)
    grouped = f"[+-]?[1-9][0-9]{{0,2}}(\\{other}[0-9]{{3}})+(\\{decimal}[0-9]*)?"
    lone = f"[+-]?[0-9]*\\{other}[0-9]+"
    return f"""(CASE
        WHEN contains({clean}, '_') THEN NULL
        WHEN NOT contains({clean}, {o}) THEN TRY_CAST(replace({clean}, {d}, '.') AS DOUBLE)
        WHEN regexp_full_match({clean}, {_quote(grouped)})
            THEN TRY_CAST(replace(replace({clean}, {o}, ''), {d}, '.') AS DOUBLE)
        WHEN regexp_full_match({clean}, {_quote(lone)})
            THEN TRY_CAST(replace({clean}, {o}, '.') AS DOUBLE)
    END)"""


def finite(value: str) -> str:
    """The number, or NULL for NaN and infinities (a cell saying 'nan' is not a number)."""
    return f"(CASE WHEN isfinite({value}) THEN {value} END)"


def decimal_evidence(clean: str, decimal: str) -> str:
    """1 when the compacted text can only be a number with `decimal` as decimal mark."""
    other = "." if decimal == "," else ","
    patterns = (
        f"[+-]?[0-9]*\\{decimal}([0-9]{{1,2}}|[0-9]{{4,}})",  # 12,5 or 0,1234: not thousands
        f"[+-]?0\\{decimal}[0-9]+",  # 0,125
        f"[+-]?[0-9]{{1,3}}(\\{other}[0-9]{{3}})+\\{decimal}[0-9]*",  # 1.234,5
    )
    test = " OR ".join(f"regexp_full_match({clean}, {_quote(p)})" for p in patterns)
    return f"CAST(coalesce({test}, false) AS INTEGER)"


def text_date(text: str) -> str:
    """DATE read from trimmed text: ISO 2026-03-31, or day first 31/03/2026, 31/03/26."""
    return f"""CAST(CASE
        WHEN length({text}) = 10 AND substr({text}, 5, 1) = '-' THEN try_strptime({text}, '%Y-%m-%d')
        WHEN length({text}) = 10 AND substr({text}, 3, 1) = '/' THEN try_strptime({text}, '%d/%m/%Y')
        WHEN length({text}) <= 8 THEN try_strptime({text}, {_list(_SHORT_DATES)})
        ELSE try_strptime({text}, {_list(_OTHER_DATES)})
    END AS DATE)"""


def serial_date(number_column: str) -> str:
    """DATE from an Excel serial day number (days since 1899-12-30)."""
    return (f"(CASE WHEN {number_column} BETWEEN 1 AND {_LAST_SERIAL} "
            f"THEN {_EXCEL_EPOCH} + CAST(floor({number_column}) AS INTEGER) END)")


def sane_date(date: str) -> str:
    """The date, or NULL when its year is implausible (31/03/0026 is a typing slip)."""
    low, high = _YEARS
    return f"(CASE WHEN year({date}) BETWEEN {low} AND {high} THEN {date} END)"


def number_text(number_column: str) -> str:
    """A number cell shown as text: 1234 rather than 1234.0."""
    return (f"(CASE WHEN {number_column} = trunc({number_column}) AND abs({number_column}) < 1e15 "
            f"THEN CAST(CAST({number_column} AS BIGINT) AS VARCHAR) "
            f"ELSE CAST({number_column} AS VARCHAR) END)")


def date_text(date_column: str) -> str:
    return f"strftime({date_column}, '%Y-%m-%d')"
