"""``python -m tests.reliability.slowsave [--fast N] ARGS…`` = ``perfdraft ARGS…`` with a slow ``os.fsync``.

Every save makes two fsync calls (the draft's temp file, then its directory once the backup link and
the rename are made); slowing each down by 15 ms stretches a save from about a millisecond to about
30 ms, so a kill at a
random moment lands *inside* a save most of the time. No environment variable and no hook in perfdraft:
the patch is applied here, in the process, before perfdraft runs. ``--fast N`` leaves the first N
fsync calls at full speed, so that a session gets quickly to the answer around which it will be killed.
``--marker PATH``: the file exists while a slowed fsync is under way, and stays if the process dies
there (any signal): the harness counts such a kill as one inside a save, also when SIGTERM/SIGHUP let
the save clean its temp file up on the way out.
"""

from __future__ import annotations

import os
import sys
import time

FSYNC_DELAY = 0.015
_real_fsync = os.fsync
_fast_left = 0
_marker: str | None = None


def _slow_fsync(fd: int) -> None:
    global _fast_left
    if _fast_left > 0:
        _fast_left -= 1
    else:
        if _marker:
            open(_marker, "w").close()
        time.sleep(FSYNC_DELAY)
        _real_fsync(fd)
        if _marker:
            os.unlink(_marker)  # not in a finally: a kill in the sleep leaves the marker
        return
    _real_fsync(fd)


def main(argv: list[str]) -> int:
    global _fast_left, _marker
    if argv[:1] == ["--fast"]:
        _fast_left, argv = int(argv[1]), argv[2:]
    if argv[:1] == ["--marker"]:
        _marker, argv = argv[1], argv[2:]
    os.fsync = _slow_fsync
    from perfdraft.cli import main as perfdraft_main

    return perfdraft_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
