"""``python -m liveroi``: the command-line interface (see liveroi.cli)."""

import sys

from liveroi.cli import main

sys.exit(main())
