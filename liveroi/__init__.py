"""liveroi: self-broadcast ROI and ad-spend tuning for live-commerce brands (Kuaishou first, Douyin too).

The core (database, importer, metrics, advisor, sample data, CLI) never imports Streamlit, so the CLI,
tests and benchmarks run without it; the Streamlit app is ``dashboard.py`` with ``pages/``.
"""

import os

# pyarrow (pandas' string columns) allocates through mimalloc, which reserves address space 1 GiB at a
# time: a 2,000-row import reached 2.09 GB of virtual memory for 0.23 GB resident, and a process under
# an address-space limit (``ulimit -v``, some containers) died with "Failed to allocate block of 8192
# bytes". Reserving 64 MiB at a time keeps the same allocator and brings that import to 1.1 GB. Set
# before pyarrow loads (the CLI imports this package first); a value the user set wins.
os.environ.setdefault("MIMALLOC_ARENA_RESERVE", "64MiB")

__version__ = "0.1.0"
