"""``python -m tests.reliability.fulldisk [--after N] ARGS…`` = ``perfdraft ARGS…`` on a "full disk".

After the first N writes to files (``os.write`` and buffered file writes both end in ``os.write``),
every write fails with ENOSPC, as on a full file system. No tmpfs and no root needed: the patch is
applied in the process, before perfdraft runs. Writes to stdout/stderr (fds 0–2) still work.
"""

from __future__ import annotations

import errno
import io
import os
import sys

_real_write = os.write
_left = 0


def _full_write(fd: int, data) -> int:  # type: ignore[no-untyped-def]
    global _left
    if fd > 2:
        if _left <= 0:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        _left -= 1
    return _real_write(fd, data)


class _FullFileIO(io.FileIO):
    def write(self, data):  # type: ignore[no-untyped-def]
        return _full_write(self.fileno(), data)


def patch(after: int) -> None:
    global _left
    _left = after
    os.write = _full_write
    real_open = io.open

    def full_open(file, mode="r", buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None):
        if isinstance(file, int) and file <= 2 or not any(c in mode for c in "wax+"):
            return real_open(file, mode, buffering, encoding, errors, newline, closefd, opener)
        raw = _FullFileIO(file, mode.replace("b", "").replace("t", ""), closefd=closefd, opener=opener)
        if buffering == 0:
            return raw
        buffered = io.BufferedWriter(raw) if "+" not in mode else io.BufferedRandom(raw)
        if "b" in mode:
            return buffered
        return io.TextIOWrapper(buffered, encoding=encoding or "utf-8", errors=errors, newline=newline)

    io.open = full_open  # type: ignore[assignment]
    import builtins

    builtins.open = full_open  # type: ignore[assignment]
    os.fdopen = lambda fd, mode="r", *a, **k: full_open(fd, mode, *a, **k)  # type: ignore[assignment]


def main(argv: list[str]) -> int:
    after = 0
    if argv[:1] == ["--after"]:
        after, argv = int(argv[1]), argv[2:]
    patch(after)
    from perfdraft.cli import main as perfdraft_main

    return perfdraft_main(argv)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
