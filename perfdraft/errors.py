"""Exit codes and the one error type every command raises for bad input.

Exit codes: 0 fine, 1 the draft has errors (or a run stopped on a rejected answer), 2 bad input.
"""

from __future__ import annotations

import sys

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad input from the command line: one line for the user, exit 2."""


def err(message: str) -> None:
    print(f"perfdraft: {message}", file=sys.stderr)
