"""SQL expressions (DuckDB) that read cell text as numbers and dates, per the contract.

Every function takes and returns SQL text built only from identifiers the reader
generated and constants of this module; cell values never enter the SQL string.
"""

from __future__ import annotations

# Removed before a number is read: spaces used as thousands separators (including
# the no-break ones Excel writes in French), currency signs and the percent sign.
# U+2212 (minus sign) is first so that translate() turns it into "-".
_STRIP_FROM = "\u2212 \u00a0\u202f\u2009\t€$£%"
_STRIP_TO = "-"
_TRIM = " \t\r\n\u00a0\u202f"

# Day first (French) unless the year comes first (ISO); with or without a time.
_DATE_FORMATS = (
    "%Y-%m-%d", "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d %H:%M",
    "%d/%m/%Y", "%d/%m/%Y %H:%M", "%d/%m/%Y %H:%M:%S", "%d.%m.%Y", "%d-%m-%Y",
)
_SHORT_YEAR_FORMATS = ("%d/%m/%y", "%d.%m.%y", "%d-%m-%y")
_EXCEL_EPOCH = "DATE '1899-12-30'"  # day 0 of Excel's serial dates (1900 system)
_YEARS = (1900, 2200)  # outside this, a "date" is a typing slip


def _quote(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def _list(items: tuple[str, ...]) -> str:
    return "[" + ", ".join(_quote(i) for i in items) + "]"


def trimmed(expr: str) -> str:
    """The cell text without surrounding blanks; NULL when nothing is left."""
    return f"nullif(trim({expr}, {_quote(_TRIM)}), '')"


def compact(text: str) -> str:
    """Cell text (already trimmed) without thousands spaces, currency and %."""
    return f"translate({text}, {_quote(_STRIP_FROM)}, {_quote(_STRIP_TO)})"


def number(clean: str, decimal: str) -> str:
    """DOUBLE read from compacted text with `decimal` as the decimal mark; NULL if not a number.

    The other mark is a thousands separator when it groups digits by three
    (1.234,56 or 1,234.56); a single other mark that cannot group thousands
    (0.5, 12,25) is read as the decimal mark, since it cannot mean anything else.
    """
    other = "." if decimal == "," else ","
    d, o = _quote(decimal), _quote(other)
    grouped = f"[+-]?[1-9][0-9]{{0,2}}(\\{other}[0-9]{{3}})+(\\{decimal}[0-9]*)?"
    lone = f"[+-]?[0-9]*\\{other}[0-9]+"
    value = f"""CASE
        WHEN contains({clean}, '_') THEN NULL
        WHEN NOT contains({clean}, {o}) THEN TRY_CAST(replace({clean}, {d}, '.') AS DOUBLE)
        WHEN regexp_full_match({clean}, {_quote(grouped)})
            THEN TRY_CAST(replace(replace({clean}, {o}, ''), {d}, '.') AS DOUBLE)
        WHEN regexp_full_match({clean}, {_quote(lone)})
            THEN TRY_CAST(replace({clean}, {o}, '.') AS DOUBLE)
    END"""
    # TRY_CAST accepts 'nan' and 'inf': not numbers a user means.
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
    """DATE read from trimmed text: ISO, or day first (31/03/2026, 31/03/26)."""
    short = f"regexp_full_match({text}, '[0-9]{{1,2}}[/.-][0-9]{{1,2}}[/.-][0-9]{{2}}')"
    value = (f"CAST(CASE WHEN {short} THEN try_strptime({text}, {_list(_SHORT_YEAR_FORMATS)}) "
             f"ELSE try_strptime({text}, {_list(_DATE_FORMATS)}) END AS DATE)")
    return sane_date(value)


def serial_date(number_expr: str) -> str:
    """DATE from an Excel serial day number (days since 1899-12-30)."""
    value = (f"(CASE WHEN {number_expr} BETWEEN 1 AND 2958465 "
             f"THEN {_EXCEL_EPOCH} + CAST(floor({number_expr}) AS INTEGER) END)")
    return sane_date(value)


def sane_date(date_expr: str) -> str:
    low, high = _YEARS
    return f"(CASE WHEN year({date_expr}) BETWEEN {low} AND {high} THEN {date_expr} END)"


def number_text(number_expr: str) -> str:
    """A number cell shown as text: 1234 rather than 1234.0."""
    return (f"(CASE WHEN {number_expr} = trunc({number_expr}) AND abs({number_expr}) < 1e15 "
            f"THEN CAST(CAST({number_expr} AS BIGINT) AS VARCHAR) "
            f"ELSE CAST({number_expr} AS VARCHAR) END)")


def date_text(date_expr: str) -> str:
    return f"strftime({date_expr}, '%Y-%m-%d')"
