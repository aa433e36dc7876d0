"""Entry point of `python -m portfolio`."""

import sys

from portfolio.cli import main

sys.exit(main())
