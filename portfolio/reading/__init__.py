"""Reading client files (CSV, Excel) into typed rows, with every problem reported."""

import pyarrow as pa

from portfolio.reading.options import Detected, ReadOptions, ReadResult
from portfolio.reading.reader import read_client_file

# Reading a large file allocates and frees most of its Arrow buffers batch by batch.
# Arrow's default allocator (mimalloc) keeps freed pages for reuse, so a 1M-row import
# held about 25 MB more at its peak than with the system allocator, which hands them
# back (measured with bench/bench_import.py). The setting is process-wide: it is made
# here, where the large Arrow allocations are.
pa.set_memory_pool(pa.system_memory_pool())

__all__ = ["Detected", "ReadOptions", "ReadResult", "read_client_file"]
