"""Bringing a user's client file into the store: read, validate, then one transaction."""

from portfolio.importing.service import (DONE, READING, STORING, VALIDATING, ImportOutcome,
                                         PreparedFile, Progress, default_name, import_file,
                                         prepare_file, upload_limit_bytes)

__all__ = ["DONE", "READING", "STORING", "VALIDATING", "ImportOutcome", "PreparedFile",
           "Progress", "default_name", "import_file", "prepare_file", "upload_limit_bytes"]
