"""``python -m tests.reliability.gatedsave GATE_DIR LOCK ARGS…`` = ``perfdraft ARGS…`` that stops in a save
while it holds its lock, until the test lets it go.

The first ``os.fsync`` made while ``LOCK`` names this process (so the lock is taken and whole, and a save is
under way) creates ``GATE_DIR/holding`` and waits for ``GATE_DIR/go`` (at most 120 s); every later fsync
runs at full speed. A test can then start a second writer at a moment it *knows* the first one holds the
draft, instead of racing a slowed save (tests/reliability/slowsave.py). The patch is applied here, in
the process, before perfdraft runs: no hook in perfdraft.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

_real_fsync = os.fsync
_gate: Path | None = None
_lock: Path | None = None


def _holds_lock() -> bool:
    assert _lock is not None
    try:
        return json.loads(_lock.read_text("utf-8")).get("pid") == os.getpid()
    except (OSError, ValueError, AttributeError):
        return False


def _gated_fsync(fd: int) -> None:
    global _gate
    _real_fsync(fd)
    if _gate is not None and _holds_lock():
        gate, _gate = _gate, None
        (gate / "holding").write_text(str(os.getpid()))
        deadline = time.monotonic() + 120
        while not (gate / "go").exists() and time.monotonic() < deadline:
            time.sleep(0.02)


def main(argv: list[str]) -> int:
    global _gate, _lock
    _gate, _lock, argv = Path(argv[0]), Path(argv[1]), argv[2:]
    os.fsync = _gated_fsync
    from perfdraft.cli import main as perfdraft_main

    return perfdraft_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
