"""Collect the frame query's streamed batches: text stays in Arrow, the rest goes to numpy.

Converting a finished Arrow table to numpy would hold every number twice (Arrow and
numpy) at the peak. Here each batch's numbers are copied into arrays allocated once
(sized from an upper bound on the row count), its text into Arrow arrays of our own,
and the batch is dropped, so DuckDB reuses its memory for the next one.

A text column that repeats its values (the rep, the region, a rating) is kept
dictionary-encoded, and becomes a pandas categorical: each row then costs a small
code instead of its own copy of the text. In a 1M-row export this took about 40 MiB
off the import's peak (bench/bench_import.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

# A text column is encoded when its first batch has at most this share of distinct values.
REPEATED_SHARE = 0.5


@dataclass
class Output:
    """The query's columns: `texts` as Arrow (zero-copy into pandas), the rest numpy."""

    count: int = 0
    texts: dict[str, pa.ChunkedArray] = field(default_factory=dict)
    arrays: dict[str, np.ndarray] = field(default_factory=dict)

    def series(self, name: str) -> pd.Series:
        """A column as pandas: text as pyarrow-backed `str` (categorical when encoded),
        numbers as numpy."""
        if name in self.texts:
            column = self.texts.pop(name)
            if pa.types.is_dictionary(column.type):
                # Batches were encoded one by one: one dictionary for all of them first.
                column = column.unify_dictionaries()
            table = pa.table({name: column})
            return table.to_pandas(split_blocks=True, self_destruct=True)[name]
        return pd.Series(self.arrays.pop(name), copy=False)

    def pop(self, name: str) -> np.ndarray:
        return self.arrays.pop(name)

    def __contains__(self, name: str) -> bool:
        return name in self.texts or name in self.arrays


def _numpy_type(arrow_type: pa.DataType) -> np.dtype:
    if pa.types.is_timestamp(arrow_type):
        return np.dtype("datetime64[us]")
    if pa.types.is_boolean(arrow_type):
        return np.dtype(bool)
    if pa.types.is_integer(arrow_type):
        return np.dtype(arrow_type.to_pandas_dtype())
    return np.dtype("float64")  # DOUBLE, and NULL-only columns


def collect(reader: pa.RecordBatchReader, capacity: int) -> Output:
    """Read every batch; `capacity` is an upper bound on the rows (it grows if wrong)."""
    schema = reader.schema
    out = Output()
    chunks: dict[str, list[pa.Array]] = {}
    encoded: dict[str, bool] = {}  # per text column, decided on its first batch
    for name, kind in zip(schema.names, schema.types):
        if pa.types.is_string(kind) or pa.types.is_large_string(kind):
            chunks[name] = []
        else:
            out.arrays[name] = np.empty(capacity, dtype=_numpy_type(kind))
    for batch in reader:
        end = out.count + batch.num_rows
        if end > capacity:
            capacity = max(end, 2 * capacity)
            for name, array in out.arrays.items():
                out.arrays[name] = np.resize(array, capacity)
        for name, column in zip(batch.schema.names, batch.columns):
            if name in chunks:
                if name not in encoded:
                    encoded[name] = _repeats(column)
                # Either way a copy into pyarrow's memory: an imported batch frees its
                # buffers only when none of its columns is referenced any more.
                chunks[name].append(column.dictionary_encode() if encoded[name]
                                    else pa.concat_arrays([column]))
            else:
                out.arrays[name][out.count:end] = _to_numpy(column, out.arrays[name].dtype)
        out.count = end
    for name, array in out.arrays.items():
        out.arrays[name] = array[: out.count]
    out.texts = {name: pa.chunked_array(parts, type=_text_type(schema.field(name).type,
                                                                encoded.get(name, False)))
                 for name, parts in chunks.items()}
    return out


def _repeats(column: pa.Array) -> bool:
    """Whether a column's values repeat enough to be worth a dictionary."""
    filled = len(column) - column.null_count
    return filled > 0 and pc.count_distinct(column).as_py() <= REPEATED_SHARE * filled


def _text_type(value_type: pa.DataType, encoded: bool) -> pa.DataType:
    return pa.dictionary(pa.int32(), value_type) if encoded else value_type


def has_newline(cells: pa.ChunkedArray) -> np.ndarray:
    """Per row, whether its text spans lines (False for empty cells); plain or encoded text."""
    found = []
    for chunk in cells.chunks:
        if pa.types.is_dictionary(chunk.type):
            # Test each distinct value once, then spread the answer to the rows.
            in_values = pc.match_substring(chunk.dictionary, "\n")
            found.append(pc.fill_null(pc.take(in_values, chunk.indices), False))
        else:
            found.append(pc.fill_null(pc.match_substring(chunk, "\n"), False))
    if not found:
        return np.zeros(0, dtype=bool)
    return np.concatenate([f.to_numpy(zero_copy_only=False) for f in found]).astype(bool)


def _to_numpy(column: pa.Array, dtype: np.dtype) -> np.ndarray:
    """One batch of a column as numpy; NULL becomes NaN / NaT (False for flags)."""
    if column.null_count and dtype == np.dtype(bool):
        column = column.fill_null(False)
    values = column.to_numpy(zero_copy_only=False)
    if dtype.kind == "f" and values.dtype != dtype:
        values = values.astype(dtype)
    return values
