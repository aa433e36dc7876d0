"""Writing result tables to CSV, XLSX or Parquet, with no live spreadsheet formulas."""

from __future__ import annotations

import io
from pathlib import Path
from typing import IO, TYPE_CHECKING

from portfolio.numbers import style

if TYPE_CHECKING:  # pandas is loaded by the functions that write a frame, not here:
    import pandas as pd  # a table written by DuckDB (portfolio.table_copy) needs none

# A text cell starting with one of these is run as a formula by spreadsheet programs
# (CSV and XLSX alike): a client name such as "=HYPERLINK(...)" must stay text.
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMATS = {".csv": "csv", ".xlsx": "xlsx", ".parquet": "parquet"}


class UnknownFormat(ValueError):
    """The output file's extension names no format we write."""


def neutralise_text(value: object) -> object:
    """Prefix a formula-like text with an apostrophe; numbers and other values pass as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text columns (and column names) cannot start a formula."""
    import pandas as pd

    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if pd.api.types.is_string_dtype(series) or series.dtype == object:
            text = series.astype("string")
            risky = text.str.startswith(FORMULA_TRIGGERS).fillna(False)
            if bool(risky.any()):
                out[column] = text.where(~risky, "'" + text)
    out.columns = [neutralise_text(str(c)) for c in out.columns]
    return out


def output_format(path: str | Path) -> str:
    suffix = Path(path).suffix.lower()
    if suffix not in FORMATS:
        raise UnknownFormat(
            f"cannot write {str(path)!r}: use a file ending in .csv, .xlsx or .parquet")
    return FORMATS[suffix]


def write_table(frame: pd.DataFrame, path: str | Path, *, sheet_name: str = "clients") -> None:
    """Write `frame` in the format named by the extension of `path`."""
    fmt = output_format(path)
    if fmt == "parquet":
        frame.to_parquet(path, index=False)
        return
    safe = neutralised(frame)
    if fmt == "csv":
        safe.to_csv(path, index=False)
    else:
        safe.to_excel(path, index=False, sheet_name=sheet_name, engine="openpyxl")


def csv_dialect(lang: str) -> tuple[str, str]:
    """Separator and decimal mark of a CSV that Excel opens in columns for a reader of
    `lang`: French Excel splits on ";" and reads "12,5" as a number (a "," file lands
    in one column there)."""
    return style(lang).csv


def csv_bytes(frame: pd.DataFrame, lang: str = "en") -> bytes:
    """CSV for a download button, in `lang`'s dialect: UTF-8 with BOM so that Excel reads
    the accents."""
    separator, decimal = csv_dialect(lang)
    return neutralised(frame).to_csv(index=False, sep=separator, decimal=decimal).encode("utf-8-sig")


def xlsx_bytes(frame: pd.DataFrame, sheet_name: str = "clients") -> bytes:
    buffer = io.BytesIO()
    neutralised(frame).to_excel(buffer, index=False, sheet_name=sheet_name, engine="openpyxl")
    return buffer.getvalue()


def write_csv_stream(frame: pd.DataFrame, stream: IO[str]) -> None:
    neutralised(frame).to_csv(stream, index=False)
