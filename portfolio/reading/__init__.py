"""Reading client files (CSV, Excel) into typed rows, with every problem reported."""

from portfolio.reading.options import Detected, ReadOptions, ReadResult
from portfolio.reading.reader import read_client_file

__all__ = ["Detected", "ReadOptions", "ReadResult", "read_client_file"]
