"""One writer per draft: ``FILE.lock`` holds who edits it (user, host, pid, start time).

A lock whose process is gone (same host; pid dead, reused or a zombie) is taken over with a notice;
a lock from another host, or one this user cannot read, is never guessed about: the message names
the holder and how to break the lock (``perfdraft unlock FILE``) once the other session is known gone.
"""

from __future__ import annotations

import contextlib
import getpass
import os
import socket
import stat
import time
from pathlib import Path
from typing import Any

from .errors import DraftError, DraftLocked, os_reason
from .record import Record


def draft_target(path: str | os.PathLike[str]) -> Path:
    """The file a draft path stands for: a symlinked draft is its target (issue 19, item 4).

    Saving through the link's name replaced the link with a regular file and never updated the
    target, and the lock was keyed on the link's name, so two writers could hold one file."""
    p = Path(path)
    if p.is_symlink():
        target = Path(os.path.realpath(p))
        # /dev/fd/N (a shell's <(…)) links to "pipe:[N]", which is no path: the link itself reads it.
        if target.exists() or not p.exists():
            return target
    return p


def is_special_file(path: str | os.PathLike[str]) -> bool:
    """A pipe, device or socket (what a shell's ``<(…)`` or ``/dev/stdin`` is); False for a missing path,
    whose caller's own message says so."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def refuse_special_file(path: str | os.PathLike[str]) -> None:
    """A pipe, device or socket cannot hold a draft: a save replaces the file by renaming over it
    (as root, over /dev/null itself) and reading a pipe with no writer waits for ever."""
    if is_special_file(path):
        raise DraftError(f"{path}：不是普通文件（管道、设备或套接字），草稿不能在这里编辑或保存；"
                         "请先把内容存成 .toml 文件再打开")


NAME_MAX = 255  # bytes in one path component (Linux, macOS)


def fit_name(name: str, room: int) -> str:
    """``name`` if it takes at most ``room`` bytes, else cut at a character and tagged with a digest
    of the whole name (so two long names never share a lock, backup or temp file).

    A draft or export may be named up to 255 bytes (people name them after the department, 85
    Chinese characters); the names perfdraft puts beside it (``.lock``, ``.bak``, ``.NAME.tmp-PID``,
    ``.冲突-…``) went over and every save failed with "File name too long" (issue 19, item 11)."""
    if len(os.fsencode(name)) <= room:
        return name
    import hashlib

    tag = "~" + hashlib.sha256(os.fsencode(name)).hexdigest()[:10]
    while name and len(os.fsencode(name)) > room - len(tag):
        name = name[:-1]
    return name + tag


def beside(path: Path, suffix: str, prefix: str = "", reserve: int = 0) -> Path:
    """``prefix + NAME + suffix`` in ``path``'s directory, NAME cut to fit (``reserve``: bytes a caller
    appends later)."""
    room = NAME_MAX - reserve - len(os.fsencode(prefix + suffix))
    return path.with_name(prefix + fit_name(path.name, room) + suffix)


def lock_path(path: Path) -> Path:
    return beside(draft_target(path), ".lock")


class Lock(Record):
    """A draft's lock held by this process, and what was said when it was taken."""

    path: Path
    notice: str | None = None  # set when a stale lock was taken over

    def release(self) -> None:
        with contextlib.suppress(OSError):
            holder = _read_lock(self.path)
            if holder is None or (holder is not _UNREADABLE and holder.get("pid") == os.getpid()):
                self.path.unlink()


# A lock file that exists but cannot be read (another user's, mode 0600): held, by someone unknown.
_UNREADABLE: dict[str, Any] = {"user": "?", "host": "?", "pid": "?"}


def _read_lock(path: Path) -> dict[str, Any] | None:
    try:
        import json  # only when a lock is there to read

        from .safe_open import open_read

        with open_read(path) as fh:  # (a FIFO named DRAFT.lock blocked)
            data = json.loads(fh.read(65536).decode("utf-8"))
    except PermissionError:
        # Before, this counted as a torn file and a live session's lock was taken over after 2 s.
        return _UNREADABLE
    except (OSError, ValueError):
        return None
    # Only what acquire_lock writes counts as a holder; anything else (a JSON list, a pid that is not
    # a positive integer) is as torn as an empty file. Before, it raised AttributeError/ValueError.
    pid = data.get("pid") if isinstance(data, dict) else None
    if not isinstance(pid, int) or isinstance(pid, bool) or not 0 < pid < 2**31:
        return None  # (a pid of 2^63 made os.kill raise OverflowError)
    since = data.get("since")
    if isinstance(since, bool) or not isinstance(since, (int, float)) or not 0 < since < 1e11:
        # NaN, Infinity, 1e30: no time a clock gives (localtime raised); judged by the pid alone
        data = {k: v for k, v in data.items() if k != "since"}
    return data


def read_holder(path: str | os.PathLike[str]) -> dict[str, Any] | None:
    """What the draft's lock file says (None: no lock, or a torn one)."""
    holder = _read_lock(lock_path(Path(path)))
    return None if holder is _UNREADABLE else holder


def _age(path: Path) -> float | None:
    try:
        return time.time() - path.stat().st_mtime
    except OSError:
        return None  # gone meanwhile: released by its holder


def _remove_dead_lock(lp: Path, seen: dict[str, Any] | None) -> None:
    """Remove the dead session's lock file ``lp``, but only if it still holds what we saw (``seen``).

    Several sessions can find the same dead lock at once. Unlinking it blindly let a slower one delete
    the lock the faster one had just created, and both went on editing the draft (issue 9). So the
    check-and-remove runs under a guard file created with O_EXCL: one session at a time, and only
    the lock it judged dead is removed. A guard left by a session killed right there expires in 10 s.
    """
    guard = lp.with_name(lp.name + ".takeover")
    try:
        os.close(os.open(guard, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        age = _age(guard)
        if age is not None and age > 10:
            with contextlib.suppress(OSError):
                guard.unlink()
        time.sleep(0.05)
        return
    except OSError as exc:
        raise DraftError(f"{lp}：无法接管锁文件（{os_reason(exc)}）") from None
    try:
        now = _read_lock(lp)
        if now == seen and (seen is not None or (_age(lp) or 0) >= 2):
            with contextlib.suppress(FileNotFoundError):
                lp.unlink()
    finally:
        with contextlib.suppress(OSError):
            guard.unlink()


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _proc_stat(pid: int) -> tuple[str, float] | None:
    """(state, start time in epoch seconds) of a process, from /proc on Linux; None elsewhere."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        with open("/proc/stat", encoding="ascii") as fh:
            btime = next(int(line.split()[1]) for line in fh if line.startswith("btime "))
        return fields[0], btime + int(fields[19]) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def _alive_since(pid: int, since: Any) -> bool:
    """Is the process that wrote a lock (or a temp file) at ``since`` still running?

    A pid is only a number: pids wrap around (32768 by default) and start low again after a reboot or
    in a new container, so a dead session's pid soon belongs to some other program. A live process
    with that pid which started after ``since`` is such a program and holds nothing; a zombie holds
    nothing either. Before, either kept the draft locked until that process ended (issue 9).
    """
    if not _pid_alive(pid):
        return False
    stat = _proc_stat(pid)
    if stat is None:
        return True  # no /proc: the pid is all we know
    state, started = stat
    if state in ("Z", "X"):
        return False
    if isinstance(since, bool) or not isinstance(since, (int, float)) or since <= 0:
        return True  # no usable time in the lock: judged by its pid alone
    return started <= since + 1.0


def describe_holder(holder: dict[str, Any]) -> str:
    since = holder.get("since")
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(since)) if isinstance(since, (int, float)) else "未知时间"
    return f"{holder.get('user', '?')}@{holder.get('host', '?')}（进程 {holder.get('pid', '?')}，自 {when} 起）"


def _unlock_hint(path: Any) -> str:
    return f"确认对方会话已结束后，可运行 perfdraft unlock {path} 解除"


def acquire_lock(path: str | os.PathLike[str]) -> Lock:
    """Take the draft's lock or raise DraftLocked naming who holds it. Stale locks are taken over."""
    refuse_special_file(path)
    lp = lock_path(Path(path))
    me = {"user": _user(), "host": socket.gethostname(), "pid": os.getpid(), "since": time.time()}
    notice = None
    if lp.is_dir() or (lp.exists() and not lp.is_file() and not lp.is_symlink()):
        raise DraftError(f"{path}：锁文件的位置 {lp} 被一个目录（或特殊文件）占用，请移走它后再打开")
    for _ in range(30):  # more than 3: sessions racing for one dead lock wait on each other's guard
        try:
            fd = os.open(lp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
        except FileExistsError:
            holder = _read_lock(lp)
            if holder is _UNREADABLE:
                raise DraftLocked(f"{path}：正被其他用户编辑（锁文件 {lp.name} 无法读取），请稍后再试；"
                                  f"{_unlock_hint(path)}", {}) from None
            if holder is None:
                # An empty or torn lock file: its writer died while writing it.
                age = _age(lp)
                if age is None:
                    continue  # released meanwhile: try again
                if age < 2:
                    time.sleep(0.2)
                    continue
                notice = f"发现损坏的锁文件 {lp.name}，已接管"
            elif holder.get("pid") == os.getpid() and holder.get("host") == me["host"]:
                return Lock(lp)
            elif holder.get("host") == me["host"] and not _alive_since(holder["pid"], holder.get("since")):
                notice = f"上次编辑（{describe_holder(holder)}）未正常退出，已接管其锁"
            elif holder.get("host") != me["host"]:
                raise DraftLocked(f"{path}：正被另一台主机上的 {describe_holder(holder)} 编辑，本机无法判断它是否"
                                  f"还在运行；{_unlock_hint(path)}", holder) from None
            else:
                raise DraftLocked(f"{path}：正被 {describe_holder(holder)} 编辑，请稍后再试或请对方先退出",
                                  holder) from None
            _remove_dead_lock(lp, holder)
            continue
        except OSError as exc:
            raise DraftError(f"{path}：无法建立锁文件 {lp.name}（{os_reason(exc)}），未打开") from None
        try:
            # No fsync: a lock that a crash left empty or torn is read as its writer's death and taken
            # over (above), so durability buys nothing, and the fsync cost up to 150 ms of every start.
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(_json_object(me))
                fh.flush()
        except OSError as exc:
            # A full disk left a 0-byte lock behind (issue 19, item 10): remove what we created.
            with contextlib.suppress(OSError):
                lp.unlink()
            raise DraftError(f"{path}：无法写入锁文件 {lp.name}（{os_reason(exc)}），未打开") from None
        except BaseException:  # a SIGTERM while it was written: no lock without its session
            with contextlib.suppress(OSError):
                lp.unlink()
            raise
        return Lock(lp, notice)
    raise DraftError(f"{path}：无法取得锁文件 {lp.name}")


def _json_object(values: dict[str, Any]) -> str:
    """A flat dict of text and numbers as JSON, with json's own C string encoder: importing the json
    package cost every start-up about 3 ms, for one small object."""
    try:
        from _json import encode_basestring_ascii as quote
    except ImportError:  # an interpreter without the accelerator
        import json

        return json.dumps(values)
    return "{" + ", ".join(f"{quote(k)}: {quote(v) if isinstance(v, str) else repr(v)}"
                           for k, v in values.items()) + "}"


def break_lock(path: str | os.PathLike[str]) -> tuple[Path, dict[str, Any] | None]:
    """Remove the draft's lock file, whoever holds it; returns (lock file, what it said).

    Only for ``perfdraft unlock`` after the user confirmed the other session is gone. A holder on this
    host that is still running is refused: it would go on writing."""
    lp = lock_path(Path(path))
    if not lp.exists() and not lp.is_symlink():
        raise DraftError(f"{path}：没有锁文件，无需解除")
    if lp.is_dir():
        raise DraftError(f"{lp}：是一个目录，不是锁文件；请确认后手工删除")
    holder = _read_lock(lp)
    if holder is not None and holder is not _UNREADABLE and holder.get("host") == socket.gethostname() \
            and holder.get("pid") != os.getpid() and _alive_since(holder["pid"], holder.get("since")):
        raise DraftLocked(f"{path}：持有者 {describe_holder(holder)} 仍在本机运行，未解除；请先退出那个会话", holder)
    try:
        lp.unlink()
    except FileNotFoundError:
        pass
    except OSError as exc:
        raise DraftError(f"{lp}：无法删除（{os_reason(exc)}）") from None
    return lp, (None if holder is _UNREADABLE else holder)


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in some containers
        return str(os.getuid())
