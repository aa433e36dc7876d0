"""The import and datasets pages' session values: the uploaded file, reading choices, requests."""

from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from portfolio.reading import ReadOptions

_UPLOAD = "pp.import.upload"
_OPTIONS = "pp.import.options"
_REQUEST = "pp.import.request"
_NOTICE = "pp.import.notice"
_UPLOADER_ROUND = "pp.import.uploader_round"
_CONFIRM_DELETE = "pp.datasets.confirm_delete"
_DATASETS_NOTICE = "pp.datasets.notice"


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


@dataclass(frozen=True)
class Notice:
    """A message to show once, on the next drawing of the page: (kind, text)."""

    kind: str  # "success" | "error" | "info"
    text: str


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


def pop_notice(page: str) -> Notice | None:
    """The notice left for `page` ("import" or "datasets"), removed once read."""
    return st.session_state.pop(_NOTICE if page == "import" else _DATASETS_NOTICE, None)


def set_notice(page: str, notice: Notice) -> None:
    st.session_state[_NOTICE if page == "import" else _DATASETS_NOTICE] = notice


def delete_pending() -> int | None:
    """The dataset whose deletion waits for the user's confirmation."""
    return st.session_state.get(_CONFIRM_DELETE)


def set_delete_pending(dataset_id: int | None) -> None:
    st.session_state[_CONFIRM_DELETE] = dataset_id
