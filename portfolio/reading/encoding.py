"""Detect the text encoding of a CSV file and hand DuckDB a UTF-8 file to read.

UTF-8 files (with or without BOM) are read in place; a Windows-1252 file is
transcoded to UTF-8 in chunks (DuckDB's own decoders know Latin-1, which turns
`œ`, `€` and `’` into control characters, but not Windows-1252).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from portfolio.problems import Problem, detail
from portfolio.reading.issues import file_problem
from portfolio.reading.options import ENCODINGS

CHUNK_BYTES = 1024 * 1024  # small chunks: freed memory is reused rather than kept
_BOM = codecs.BOM_UTF8
# What a byte that does not decode is told, by the encoding the file was read with
# (each sentence names the other encoding as the way out).
_NOT_TEXT = {"utf-8": "problems_file.byte_not_utf8", "utf-8-sig": "problems_file.byte_not_utf8",
             "cp1252": "problems_file.byte_not_windows_1252"}


@dataclass(frozen=True)
class TextFile:
    """A UTF-8 version of the file, ready for DuckDB."""

    path: Path
    encoding: str  # the file's own encoding, as detected or chosen
    newline: bytes  # b"\n" (also for CRLF files) or b"\r" (old Mac files)
    has_blank_lines: bool  # an empty line somewhere before the last record
    lines: int  # physical lines: an upper bound on the records


class _LineWatch:
    """Follows UTF-8 bytes chunk by chunk: which newline, and any blank line."""

    def __init__(self) -> None:
        self.newline = b""
        self.blank = False
        self._maybe = False  # a blank line seen, but only newlines after it so far
        self._tail = b""
        self.lines = 1
        self._pairs: tuple[bytes, ...] = ()

    def feed(self, chunk: bytes) -> None:
        self.lines += chunk.count(self.newline or b"\n")
        if self.blank:
            return
        if not self.newline and (b"\n" in chunk or b"\r" in chunk):
            self.newline = b"\n" if b"\n" in chunk else b"\r"
            self.lines += chunk.count(b"\r") if self.newline == b"\r" else 0
            # An empty line is two newlines in a row, written the file's way.
            self._pairs = ((b"\r\r",) if self.newline == b"\r" else
                           (b"\n\r\n",) if b"\r\n" in chunk else (b"\n\n",))
            if not self._tail and chunk.removeprefix(_BOM).startswith((b"\n", b"\r")):
                self._maybe = True
        # Blank lines at the very end come after the last record and are harmless:
        # a blank line counts only when some content follows it.
        if self._maybe and chunk.strip(b"\r\n"):
            self.blank = True
            return
        window = self._tail + chunk
        for pair in self._pairs:
            at = window.find(pair)
            if at >= 0:
                if window[at:].strip(b"\r\n"):
                    self.blank = True
                    return
                self._maybe = True
        self._tail = window[-2:]

    def finish(self) -> tuple[bytes, bool, int]:
        return self.newline or b"\n", self.blank, self.lines


def prepare_text(path: Path, encoding: str | None, workdir: Path) -> tuple[TextFile | None, Problem | None]:
    """Detect (or check) the encoding and give a UTF-8 file, or the problem found."""
    if encoding is not None and encoding not in ENCODINGS:
        return None, file_problem(
            "bad_option", detail("problems_file.unknown_encoding", encoding=repr(encoding),
                                 choices=", ".join(ENCODINGS)),
            value=encoding)
    if encoding is None:
        with open(path, "rb") as handle:
            has_bom = handle.read(len(_BOM)) == _BOM
        encoding = "utf-8-sig" if has_bom else "utf-8"
        error, watch = _check_utf8(path, encoding)
        if error is not None and not has_bom:
            encoding = "cp1252"
    elif encoding in ("utf-8", "utf-8-sig"):
        error, watch = _check_utf8(path, encoding)
    if encoding in ("utf-8", "utf-8-sig"):
        if error is not None:
            return None, _decode_problem(path, encoding, error)
        return TextFile(path, encoding, *watch.finish()), None
    target = workdir / "utf8.csv"
    error, watch = _transcode(path, target)
    if error is not None:
        return None, _decode_problem(path, encoding, error)
    return TextFile(target, encoding, *watch.finish()), None


def _check_utf8(path: Path, encoding: str) -> tuple[int | None, _LineWatch]:
    """Byte offset of the first byte that is not UTF-8 (or None), and the line facts."""
    decoder = codecs.getincrementaldecoder(encoding)()
    watch = _LineWatch()
    offset = 0
    with open(path, "rb") as handle:
        while True:
            chunk = handle.read(CHUNK_BYTES)
            pending = len(decoder.getstate()[0])
            try:
                decoder.decode(chunk, final=not chunk)
            except UnicodeDecodeError as error:
                return max(0, offset - pending + error.start), watch
            if not chunk:
                return None, watch
            watch.feed(chunk)
            offset += len(chunk)


def _transcode(source: Path, target: Path) -> tuple[int | None, _LineWatch]:
    """Write `source` (Windows-1252) as UTF-8; the offset of an undecodable byte, or None."""
    watch = _LineWatch()
    offset = 0
    with open(source, "rb") as src, open(target, "wb") as dst:
        while chunk := src.read(CHUNK_BYTES):
            try:
                data = chunk.decode("cp1252").encode("utf-8")
            except UnicodeDecodeError as error:
                return offset + error.start, watch
            watch.feed(data)
            dst.write(data)
            offset += len(chunk)
    return None, watch


def _decode_problem(path: Path, encoding: str, offset: int) -> Problem:
    with open(path, "rb") as handle:
        before = handle.read(offset + 1)
    line = before.count(b"\n") + 1
    byte = f"0x{before[-1:].hex()}"
    return file_problem("bad_encoding", detail(_NOT_TEXT[encoding], line=line, byte=byte),
                        value=byte)
