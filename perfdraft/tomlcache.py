"""Parsed TOML, cached by content so the catalogue loads in milliseconds instead of ~110 ms.

tomllib is pure Python; the built-in catalogue (1 MB of TOML) takes most of its load time there, and
every session on a shared server pays it. The parse result is stored with ``marshal`` under the
user cache directory, named by a digest of the file's bytes, so an edited file simply misses the
cache. An entry is read only if it is the user's own file that nobody else can write, and it carries
a digest of its key and payload together: a damaged entry, or one renamed to another key, is ignored
and rewritten, never trusted. Any cache failure falls back to parsing; a read-only home only costs
the speed. ``memo`` keeps other derived data (the catalogue's pinyin lists) the same way.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tomllib
from collections.abc import Callable
from pathlib import Path
from typing import Any

_MAGIC = b"PDTC2\n"  # bump when the entry layout changes
_DIGEST = 16
# Edited organisation catalogues and perfdraft upgrades leave entries nobody reads again: past this
# many, the oldest are removed when a new one is written (an entry still in use is simply remade).
MAX_ENTRIES = 200


def _digest(data: bytes) -> bytes:
    return hashlib.blake2b(data, digest_size=_DIGEST).digest()


def cache_dir() -> Path:
    from . import locations

    return locations.cache_dir() / "toml"


def loads(text: str) -> dict[str, Any]:
    """``tomllib.loads(text)``, served from the cache when the same text was parsed before."""
    key = _digest(text.encode("utf-8")).hex()
    try:
        entry = cache_dir() / f"{key}.marshal"
        data = _read(entry, key)
    except OSError:
        return tomllib.loads(text)
    if isinstance(data, dict):
        return data
    data = tomllib.loads(text)  # errors propagate: the caller reports them with file and line
    _write(entry, key, data)
    return data


def memo(kind: str, source: str, compute: Callable[[], Any]) -> Any:
    """``compute()``, cached under a digest of ``kind`` and ``source`` (the text it is derived from)."""
    key = _digest(f"{kind}\n{source}".encode()).hex()
    try:
        entry = cache_dir() / f"{key}.marshal"
        data = _read(entry, key)
    except OSError:
        return compute()
    if data is not None:
        return data
    data = compute()
    _write(entry, key, data)
    return data


def _seal(key: str, body: bytes) -> bytes:
    # The key is inside the digest: an entry renamed to another key's name fails it.
    return _digest(key.encode("ascii") + b"\0" + body)


def _read(entry: Path, key: str) -> Any:
    try:
        fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    with os.fdopen(fd, "rb") as fh:
        # marshal must never read bytes someone else could have written (a cache directory under a
        # shared XDG_CACHE_HOME): only our own file, writable by nobody else.
        if not _ours(os.fstat(fh.fileno())):
            return None
        blob = fh.read()
    head, body = blob[: len(_MAGIC) + _DIGEST], blob[len(_MAGIC) + _DIGEST:]
    if head != _MAGIC + _seal(key, body):
        return None
    try:
        return marshal.loads(body)
    except (EOFError, ValueError, TypeError):
        return None


def _ours(st: os.stat_result) -> bool:
    if not hasattr(os, "getuid"):  # Windows: the profile directory is the user's own
        return True
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _write(entry: Path, key: str, data: Any) -> None:
    try:
        body = marshal.dumps(data)
    except ValueError:  # dates and times are not marshallable; such a file is just not cached
        return
    from .drafts import create_temp

    tmp = entry.with_name(f".{entry.name}.tmp-{os.getpid()}")
    try:
        entry.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        # A fresh file, never through a symlink planted at its name (see drafts.create_temp). No
        # fsync: a torn entry fails its digest and is remade, and 50 sessions starting on a cold cache
        # would otherwise queue on a thousand fsyncs.
        with os.fdopen(create_temp(tmp), "wb") as fh:
            fh.write(_MAGIC + _seal(key, body) + body)
        os.chmod(tmp, 0o600)  # whatever the umask: _read trusts no file others can write
        os.replace(tmp, entry)  # concurrent sessions write the same bytes; last one wins
    except OSError:
        try:
            tmp.unlink()
        except OSError:
            pass
        return
    try:
        _prune(entry.parent)
    except OSError:
        pass


def _prune(directory: Path) -> None:
    entries = list(directory.glob("*.marshal"))
    if len(entries) <= MAX_ENTRIES:
        return
    for old in sorted(entries, key=_mtime)[: len(entries) - MAX_ENTRIES // 2]:
        try:
            old.unlink()
        except OSError:
            pass


def _mtime(path: Path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return float("inf")
