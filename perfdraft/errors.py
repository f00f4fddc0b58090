"""Exit codes and the errors every part of perfdraft may raise.

Exit codes: 0 fine, 1 the draft has errors (or a run stopped on a rejected answer), 2 bad input.
Core modules raise these; only the entry point (``cli.main``) turns them into a message on stderr
and an exit code. Kept free of heavy imports so that any module can use it at no start-up cost.
"""

from __future__ import annotations

import sys
from typing import Any

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad input from the command line: one line for the user, exit 2."""


class DraftError(Exception):
    """A draft could not be read or written. ``str(err)`` is the one-line message for the user."""


class DraftLocked(DraftError):
    """Another session holds the draft's lock; ``holder`` is what its lock file says."""

    def __init__(self, message: str, holder: dict[str, Any]):
        super().__init__(message)
        self.holder = holder


class DraftConflict(DraftError):
    """The draft on disk changed under an open session; ``kept`` is where the session's version went."""

    def __init__(self, message: str, kept: Any = None):
        super().__init__(message)
        self.kept = kept


def err(message: str) -> None:
    print(f"perfdraft: {message}", file=sys.stderr)
