"""Bringing a user's client file into the store: read, validate, then one transaction."""

from portfolio.importing.service import (DONE, READING, STORING, VALIDATING, ImportOutcome,
                                         PreparedFile, Progress, Reader, default_name,
                                         file_problems, import_file, prepare_file, store_prepared,
                                         upload_limit_bytes)

__all__ = ["DONE", "READING", "STORING", "VALIDATING", "ImportOutcome", "PreparedFile",
           "Progress", "Reader", "default_name", "file_problems", "import_file", "prepare_file",
           "store_prepared", "upload_limit_bytes"]
