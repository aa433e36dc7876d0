"""The Import page's session values: the uploaded file, reading choices, the import asked for."""

from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from portfolio.building.choices import Choices
from portfolio.problems import Problem
from portfolio.reading import ReadOptions, ReadResult

_UPLOAD = "pp.import.upload"
_OPTIONS = "pp.import.options"
_REQUEST = "pp.import.request"
_UPLOADER_ROUND = "pp.import.uploader_round"
_READINGS = "pp.import.readings"
_CANCELLED = "pp.import.reading_cancelled"
_SHARED = "pp.import.shared"
_DEAL_FILES = "pp.import.deal_files"
_BUILT = "pp.import.built"
_BUILD_REQUEST = "pp.import.build_request"
# Readings kept per session: the current choice of options and the ones just before, so
# that going back to a choice does not read a large file again.
KEPT_READINGS = 3


@dataclass(frozen=True)
class Upload:
    """The file being imported: where its copy is, and what the user called it."""

    path: str
    name: str
    size: int
    file_id: str


@dataclass(frozen=True)
class ImportRequest:
    """What the user asked for when pressing Import."""

    dataset_name: str | None
    dataset_id: int | None
    period: str | None
    currency: str | None = None  # a new dataset's


def upload() -> Upload | None:
    return st.session_state.get(_UPLOAD)


def set_upload(value: Upload | None) -> None:
    st.session_state[_UPLOAD] = value
    st.session_state[_OPTIONS] = ReadOptions()  # a new file is read from scratch
    st.session_state[_READINGS] = {}
    st.session_state[_CANCELLED] = False
    st.session_state[_SHARED] = None  # a new file's shared accounts are chosen anew


def shared_mode() -> str | None:
    """How the user chose to resolve the file's shared accounts (None: not chosen)."""
    return st.session_state.get(_SHARED)


def set_shared_mode(mode: str | None) -> None:
    st.session_state[_SHARED] = mode


@dataclass(frozen=True)
class Built:
    """A build from sales lines: the client file written (or the problems that stopped
    it), its choices and its warnings, each with the file it is about."""

    upload: Upload | None
    choices: Choices | None
    warnings: list[tuple[str, Problem]] = field(default_factory=list)
    problems: list[tuple[str, Problem]] = field(default_factory=list)


def deal_file(role: str) -> Upload | None:
    """The kept copy of the lines, accounts or families file (`role`)."""
    return st.session_state.get(_DEAL_FILES, {}).get(role)


def set_deal_file(role: str, value: Upload | None) -> None:
    st.session_state[_DEAL_FILES] = {**st.session_state.get(_DEAL_FILES, {}), role: value}
    forget_built()


def forget_deal_files(discard) -> None:
    """After an import: the deals path starts again from no file (`discard` removes a copy)."""
    for kept in st.session_state.get(_DEAL_FILES, {}).values():
        if kept is not None:
            discard(kept.path)
    st.session_state[_DEAL_FILES] = {}
    st.session_state[_BUILT] = None


def built() -> Built | None:
    return st.session_state.get(_BUILT)


def set_built(value: Built | None) -> None:
    st.session_state[_BUILT] = value
    set_upload(value.upload if value is not None else None)


def forget_built() -> None:
    """A choice or a file changed: the client file built before is not theirs any more."""
    if st.session_state.get(_BUILT) is not None:
        set_built(None)


def build_requested() -> bool:
    return bool(st.session_state.get(_BUILD_REQUEST, False))


def set_build_requested(value: bool) -> None:
    st.session_state[_BUILD_REQUEST] = value


def kept_reading(key: tuple) -> ReadResult | None:
    """A reading this session already made with these options (a session's own: the
    readings end with it, and no one else's upload is ever among them)."""
    return st.session_state.get(_READINGS, {}).get(key)


def keep_reading(key: tuple, result: ReadResult) -> None:
    readings = dict(st.session_state.get(_READINGS, {}))
    readings.pop(key, None)
    readings[key] = result
    while len(readings) > KEPT_READINGS:  # the oldest goes; its staging folder with it
        readings.pop(next(iter(readings)))
    st.session_state[_READINGS] = readings


def reading_cancelled() -> bool:
    return bool(st.session_state.get(_CANCELLED, False))


def set_reading_cancelled(value: bool) -> None:
    st.session_state[_CANCELLED] = value


def read_options() -> ReadOptions:
    return st.session_state.get(_OPTIONS, ReadOptions())


def set_read_options(options: ReadOptions) -> None:
    st.session_state[_OPTIONS] = options


def import_request() -> ImportRequest | None:
    return st.session_state.get(_REQUEST)


def set_import_request(request: ImportRequest | None) -> None:
    st.session_state[_REQUEST] = request


def uploader_round() -> int:
    """Bumped after an import: a file uploader with a new key starts empty."""
    return st.session_state.get(_UPLOADER_ROUND, 0)


def next_uploader_round() -> None:
    st.session_state[_UPLOADER_ROUND] = uploader_round() + 1
