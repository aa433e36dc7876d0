"""Where Portfolio Pilot writes in the temporary folder: the names its clean-up and fault messages know."""

from __future__ import annotations

import tempfile
from pathlib import Path

# As `portfolio.reading.staging.Staging` names the folder of each reading (a test checks).
READING_PREFIX = "portfolio-read-"
UPLOAD_FOLDER = Path(tempfile.gettempdir()) / "portfolio-uploads"
UPLOAD_PREFIX = "upload-"  # each upload's copy in UPLOAD_FOLDER
