"""`python -m build_tools`: see cli.py."""

import sys

from .cli import main

sys.exit(main())
