"""Detect the text encoding of a CSV file and hand DuckDB a clean UTF-8 file to read.

UTF-8 files (with or without BOM) are read in place; a Windows-1252 file is
transcoded to UTF-8 in chunks (DuckDB's own decoders know Latin-1, which turns
`œ`, `€` and `’` into control characters, but not Windows-1252).

Files pasted together from two exports are not one encoding: a line that is valid
UTF-8 (accents included) is read as UTF-8, the others as Windows-1252, and the user
is told; mojibake such as `SociÃ©tÃ©` is never stored. A byte-order mark past the
file's start (the second export's) is removed with a warning, so that ids compare
as they read; a NUL byte, which no text export holds, refuses the file with its line.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from portfolio.problems import Problem, detail
from portfolio.reading import cancel
from portfolio.reading.issues import file_problem, row_problems
from portfolio.reading.options import ENCODINGS

CHUNK_BYTES = 1024 * 1024  # small chunks: freed memory is reused rather than kept
_BOM = codecs.BOM_UTF8
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
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
    notes: tuple[Problem, ...] = ()  # what was cleaned on the way (warnings)


class _LineWatch:
    """Follows UTF-8 bytes chunk by chunk: which newline, and any blank line."""

    def __init__(self) -> None:
        self.newline = b""
        self.blank = False
        self._maybe = False  # a blank line seen, but only newlines after it so far
        self._tail = b""
        self.lines = 1
        self._pairs: tuple[bytes, ...] = ()
        self.invisibles = _Invisibles()

    def feed(self, chunk: bytes) -> None:
        self.invisibles.feed(chunk)
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
        self.invisibles.finish()
        return self.newline or b"\n", self.blank, self.lines


@dataclass
class _Invisibles:
    """NUL bytes and byte-order marks past the file's start, by physical line, followed
    chunk by chunk over the UTF-8 bytes."""

    nul_line: int | None = None
    bom_lines: list[int] = field(default_factory=list)  # the first MAX_ROWS_PER_KIND
    bom_count: int = 0
    _offset: int = 0
    _lines: int = 0  # newlines before the current chunk
    _tail: bytes = b""  # the previous chunk's last two bytes: a mark may straddle chunks
    lone_cr: bool = False  # a CR not followed by LF (old Mac line end)
    lf: bool = False  # an LF (Windows or Unix line end)

    @property
    def mixed_line_ends(self) -> bool:
        """Lines ended in two ways (pasted from a Mac and a PC): DuckDB cannot read that."""
        return self.lone_cr and self.lf

    def feed(self, chunk: bytes) -> None:
        if not chunk:
            return
        self._line_ends(chunk)
        newline = _line_end(chunk)
        if self.nul_line is None and (at := chunk.find(b"\0")) >= 0:
            self.nul_line = self._lines + chunk.count(newline, 0, at) + 1
        window = self._tail + chunk
        before = self._lines - self._tail.count(newline)
        at = window.find(_BOM)
        while at >= 0:
            if self._offset - len(self._tail) + at > 0:  # the file's own first mark is fine
                self.bom_count += 1
                if len(self.bom_lines) < 200:
                    self.bom_lines.append(before + window.count(newline, 0, at) + 1)
            at = window.find(_BOM, at + len(_BOM))
        self._lines += chunk.count(newline)
        self._offset += len(chunk)
        self._tail = chunk[-2:]

    def _line_ends(self, chunk: bytes) -> None:
        self.lf = self.lf or b"\n" in chunk
        if self.lone_cr:
            return
        window = (b"\r" if self._tail.endswith(b"\r") else b"") + chunk
        if window.endswith(b"\r"):  # judged with the next chunk's first byte, or at the end
            window = window[:-1]
        self.lone_cr = b"\r" in window and b"\r" in window.replace(b"\r\n", b"")

    def finish(self) -> None:
        """The end of the file: a CR left waiting ends the last line on its own."""
        self.lone_cr = self.lone_cr or self._tail.endswith(b"\r")

    def refusal(self) -> Problem | None:
        if self.nul_line is None:
            return None
        return file_problem("bad_encoding", detail("problems_file.nul_byte", line=self.nul_line),
                            value="0x00")

    def notes(self) -> list[Problem]:
        if not self.bom_count:
            return []
        return row_problems(self.bom_lines, None, "inner_bom", detail("problems_file.inner_bom"),
                            blocking=False, total=self.bom_count)


@dataclass
class _Mixture:
    """Which encodings the lines of a file turned out to be written in."""

    first_utf8: int | None = None  # first line with accents read as UTF-8
    first_cp1252: int | None = None  # first line read as Windows-1252

    def saw(self, encoding: str, line: int) -> None:
        if encoding == "utf-8" and self.first_utf8 is None:
            self.first_utf8 = line
        if encoding == "cp1252" and self.first_cp1252 is None:
            self.first_cp1252 = line

    def notes(self) -> list[Problem]:
        if self.first_utf8 is None or self.first_cp1252 is None:
            return []
        return [file_problem("mixed_encoding", detail(
            "problems_file.mixed_encoding", utf8_line=self.first_utf8,
            cp1252_line=self.first_cp1252), blocking=False)]


def prepare_text(path: Path, encoding: str | None, workdir: Path) -> tuple[TextFile | None, Problem | None]:
    """Detect (or check) the encoding and give a UTF-8 file, or the problem found."""
    if encoding is not None and encoding not in ENCODINGS:
        return None, file_problem(
            "bad_option", detail("problems_file.unknown_encoding", encoding=repr(encoding),
                                 choices=", ".join(ENCODINGS)),
            value=encoding)
    detected = encoding is None
    if encoding is None:
        with open(path, "rb") as handle:
            has_bom = handle.read(len(_BOM)) == _BOM
        encoding = "utf-8-sig" if has_bom else "utf-8"
        error, watch = _check_utf8(path, encoding)
        # A mark says UTF-8, but a second export pasted after the first may not be:
        # each line is then read in its own encoding.
        if error is not None:
            encoding = "cp1252"
    elif encoding in ("utf-8", "utf-8-sig"):
        error, watch = _check_utf8(path, encoding)
    target = workdir / "utf8.csv"
    if encoding in ("utf-8", "utf-8-sig"):
        if error is not None:
            return None, _decode_problem(path, encoding, error)
        return _clean(path, encoding, watch, [], workdir)
    # A Windows-1252 file that was detected may hold UTF-8 lines too; one the user named
    # is read as they said (they may know better, and can see the result in the preview).
    error, watch, mixture = _transcode(path, target, lines_may_mix=detected)
    if error is not None:
        return None, _decode_problem(path, encoding, error)
    return _clean(target, encoding, watch, mixture.notes(), workdir)


def _clean(path: Path, encoding: str, watch: _LineWatch, notes: list[Problem], workdir: Path
           ) -> tuple[TextFile | None, Problem | None]:
    """The UTF-8 text as DuckDB can read it: refused for a NUL byte; copied without inner
    byte-order marks and with one kind of line end when it has either."""
    facts = watch.finish()
    invisibles = watch.invisibles
    if invisibles.refusal() is not None:
        return None, invisibles.refusal()
    notes = notes + invisibles.notes()
    if invisibles.bom_count or invisibles.mixed_line_ends:
        cleaned = workdir / "clean.csv"
        watch = _cleaned_copy(path, cleaned)
        if path.parent == workdir:
            path.unlink()  # our own transcoded copy, superseded
        path, facts = cleaned, watch.finish()
    return TextFile(path, encoding, *facts, notes=tuple(notes)), None


def _check_utf8(path: Path, encoding: str) -> tuple[int | None, _LineWatch]:
    """Byte offset of the first byte that is not UTF-8 (or None), and the line facts."""
    decoder = codecs.getincrementaldecoder(encoding)()
    watch = _LineWatch()
    offset = 0
    with open(path, "rb") as handle:
        while True:
            cancel.check()
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


def _cleaned_copy(source: Path, target: Path) -> _LineWatch:
    """Copy UTF-8 text without its byte-order marks past the start and with every line
    end (CRLF, CR or LF) written LF; the line facts of the copy."""
    watch = _LineWatch()
    with open(source, "rb") as src, open(target, "wb") as dst:
        head = src.read(len(_BOM))
        carry = b""
        if head == _BOM:  # the file's own mark stays where DuckDB expects it
            dst.write(head)
        else:
            carry = head
        while chunk := src.read(CHUNK_BYTES):
            cancel.check()
            data = carry + chunk
            # Keep back what the next chunk completes: part of a mark, or a CR before its LF.
            keep = (2 if data.endswith(_BOM[:2]) else
                    1 if data.endswith((_BOM[:1], b"\r")) else 0)
            data, carry = data[:len(data) - keep], data[len(data) - keep:]
            _write_clean(data.replace(_BOM, b""), dst, watch)
        _write_clean(carry, dst, watch)
    return watch


def _write_clean(data: bytes, dst, watch: _LineWatch) -> None:
    data = data.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    watch.feed(data)
    dst.write(data)


def _transcode(source: Path, target: Path, lines_may_mix: bool
               ) -> tuple[int | None, _LineWatch, _Mixture]:
    """Write `source` (Windows-1252, or lines of it and of UTF-8) as UTF-8 without inner
    byte-order marks; the offset of an undecodable byte, or None."""
    watch = _LineWatch()
    mixture = _Mixture()
    offset = 0  # of the next whole lines' first byte in the source
    line = 1  # physical line of that byte
    pending: list[bytes] = []  # the start of a line not yet ended
    with open(source, "rb") as src, open(target, "wb") as dst:
        while True:
            cancel.check()
            chunk = src.read(CHUNK_BYTES)
            if chunk:
                # Only the new chunk is searched: a very long line costs linear time.
                cut = max(chunk.rfind(b"\n"), chunk.rfind(b"\r")) + 1
                if cut == 0:
                    pending.append(chunk)
                    continue
                data = b"".join(pending) + chunk[:cut]
                pending = [chunk[cut:]]
            else:
                data = b"".join(pending)
            try:
                text = _decoded(data, line, mixture) if lines_may_mix else data.decode("cp1252")
            except UnicodeDecodeError as error:
                return offset + error.start, watch, mixture
            encoded = text.encode("utf-8")
            watch.feed(encoded)
            dst.write(encoded.replace(_BOM, b"") if watch.invisibles.bom_count else encoded)
            offset += len(data)
            line += _newlines(data)
            if not chunk:
                return None, watch, mixture


def _decoded(data: bytes, line: int, mixture: _Mixture) -> str:
    """Whole lines of bytes as text: UTF-8 where a line is UTF-8, else Windows-1252."""
    high = _HIGH_BYTE.search(data)
    if high is None:
        return data.decode("ascii")
    try:
        text = data.decode("utf-8")
        mixture.saw("utf-8", line + _newlines(data[:high.start()]))
        return text
    except UnicodeDecodeError:
        pass
    # Windows-1252 text almost never holds a well-formed UTF-8 sequence (an accented
    # capital followed by a symbol, such as `Ã©`). Decoded with surrogateescape, each such
    # sequence becomes one character and every other byte one: as many characters as
    # bytes means none, so the chunk is Windows-1252 throughout (one decoding pass, where
    # a pattern search was five times slower); only a chunk with both is split by line.
    if len(data.decode("utf-8", "surrogateescape")) == len(data):
        mixture.saw("cp1252", line + _newlines(data[:high.start()]))
        return data.decode("cp1252")
    texts = []
    done = 0
    for number, raw in enumerate(data.splitlines(keepends=True), start=line):
        try:
            texts.append(raw.decode("utf-8"))
            if _HIGH_BYTE.search(raw):
                mixture.saw("utf-8", number)
        except UnicodeDecodeError:
            try:
                texts.append(raw.decode("cp1252"))
            except UnicodeDecodeError as error:  # where in `data`, for the caller's offset
                raise UnicodeDecodeError("cp1252", data, done + error.start, done + error.end,
                                         error.reason) from None
            mixture.saw("cp1252", number)
        done += len(raw)
    return "".join(texts)


def _line_end(data: bytes) -> bytes:
    """The byte that ends `data`'s lines: LF (for CRLF too), or CR where there is no LF."""
    return b"\n" if b"\n" in data or b"\r" not in data else b"\r"


def _newlines(data: bytes) -> int:
    return data.count(_line_end(data))


def _decode_problem(path: Path, encoding: str, offset: int) -> Problem:
    with open(path, "rb") as handle:
        before = handle.read(offset + 1)
    line = before.count(b"\n") + 1
    byte = f"0x{before[-1:].hex()}"
    return file_problem("bad_encoding", detail(_NOT_TEXT[encoding], line=line, byte=byte),
                        value=byte)
