"""Opening a user's file for reading without waiting on it: a FIFO no one writes to blocked open() for ever
(``check DIR`` with a FIFO named *.toml never returned). Below drafts_io and locks, which both read so."""

from __future__ import annotations

import os
from typing import BinaryIO


def open_read(path: str | os.PathLike[str]) -> BinaryIO:
    """A file opened for reading: opened non-blocking, then read as usual; a FIFO with no writer reads as
    empty."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    try:
        os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def read_head(path: str | os.PathLike[str], size: int = 65536) -> bytes | None:
    """The first ``size`` bytes of a file, read as open_read opens it; None when it cannot be read."""
    try:
        with open_read(path) as fh:
            return fh.read(size)
    except OSError:
        return None
