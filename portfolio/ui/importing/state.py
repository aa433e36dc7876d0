"""The Import page's session values: the uploaded file, reading choices, the import asked for."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from portfolio.reading import ReadOptions

_UPLOAD = "pp.import.upload"
_OPTIONS = "pp.import.options"
_REQUEST = "pp.import.request"
_UPLOADER_ROUND = "pp.import.uploader_round"


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


def upload() -> Upload | None:
    return st.session_state.get(_UPLOAD)


def set_upload(value: Upload | None) -> None:
    st.session_state[_UPLOAD] = value
    st.session_state[_OPTIONS] = ReadOptions()  # a new file is read from scratch


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
