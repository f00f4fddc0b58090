"""``python -m tests.reliability.peakrss OUT ARGS…`` = ``perfdraft ARGS…``, then the process's peak RSS
(KiB) is written to the file OUT.

Why not ``wait4``'s ``ru_maxrss``: at exec the kernel carries over the peak of the address space the
child started in, i.e. of the (possibly big) parent that spawned it, so a test runner holding 200 MiB
would see every child as 200 MiB. ``VmHWM`` in /proc/self/status belongs to this process's own
address space, from exec on.
"""

from __future__ import annotations

import atexit
import sys
from pathlib import Path


def peak_kib() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            return next(int(line.split()[1]) for line in fh if line.startswith("VmHWM:"))
    except (OSError, StopIteration, ValueError):
        import resource

        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    out, argv = Path(argv[0]), argv[1:]
    atexit.register(lambda: out.write_text(str(peak_kib())))
    from perfdraft.cli import main as perfdraft_main

    return perfdraft_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
