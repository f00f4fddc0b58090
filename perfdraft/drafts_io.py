"""Writing draft files so that nothing of the user's is lost: atomic replace, backup, modes, conflicts.

* The new text goes to a temp file beside the draft (created afresh, never through a planted link),
  is fsynced and renamed over the draft; the directory is fsynced once after both renames.
* The previous version becomes ``FILE.bak`` by a hard link (no copy, no second fsync: its data is
  already on disk); where links are not allowed, by an atomic copy.
* The draft keeps its mode, group and (for root) owner; a read-only draft is refused, not replaced.
* A symlinked draft is written at its target (``locks.draft_target``).
* A session passes the :class:`DiskState` it read or wrote last: if the file changed since (another
  program edited it), the session's version is written beside it and the draft is left alone.
"""

import contextlib
import errno
import os
import stat
import time
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO, NamedTuple

from .errors import DraftConflict, DraftError, os_reason
from .locks import NAME_MAX, beside, draft_target, fit_name
from .safe_open import open_read, read_head


class DiskState(NamedTuple):
    """What a session knows of the draft on disk: the digest of its bytes and the stat when read/written."""

    digest: str | None
    key: tuple[int, ...] | None = None


def stat_key(st: os.stat_result) -> tuple[int, ...]:
    # ctime cannot be set by another program (utime sets only atime/mtime): any write changes it.
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns)


def digest(data: bytes) -> str:
    """A digest of the file's bytes, kept in memory only, to notice an edit made by another program."""
    try:  # the C module hashlib wraps: importing hashlib itself costs 10 ms of every start-up (issue 21)
        from _blake2 import blake2b
    except ImportError:  # pragma: no cover - every CPython has it; other interpreters get hashlib's
        from hashlib import blake2b
    return blake2b(data, digest_size=32).hexdigest()


def backup_path(path: Path) -> Path:
    return beside(path, ".bak")


def os_error_message(exc: OSError) -> str:
    """One line for an OSError nothing nearer the cause turned into words (cli.main's last resort)."""
    # no file named: what failed is the output the command prints to (show > /dev/full: 磁盘已满 on 文件操作)
    where = os.fsdecode(exc.filename) if exc.filename is not None else "输出（标准输出或重定向的文件）"
    if len(where) > 80:
        where = where[:40] + "…" + where[-30:]
    if exc.errno == errno.ENAMETOOLONG:
        return f"{where}：文件名过长（一个文件名最多 255 字节，约 85 个汉字），请换一个短些的文件名"
    return f"{where}：{os_reason(exc)}，操作未完成"


def create_temp(tmp: Path, mode: int = 0o644) -> int:
    """Create the temp file ``tmp`` afresh and open it for writing.

    Never through what is already there: with O_TRUNC a symlink planted at the (predictable) temp
    name made a save or an export write into the file it pointed to, anywhere, and then leave the
    output a symlink to it (issue 9). O_EXCL never follows a symlink; what is there (a killed save's
    leftover, or planted) is unlinked, which removes a symlink itself, not its target.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(tmp, flags, mode)
    except FileExistsError:
        tmp.unlink()
        return os.open(tmp, flags, mode)


# Files this process has put in place whole, for a command stopped by a signal: "未完成" alone made a
# user redo an import whose draft had landed (hostile round 5).
WRITTEN: list[Path] = []


def note_written(path: Path) -> None:
    WRITTEN.append(path)


_TEMP_TAIL = len(".tmp-") + 7  # a pid has at most 7 digits (pid_max ≤ 4194304)


def temp_stem(path: Path) -> str:
    """``.NAME``, the start of ``path``'s temp file names (``.NAME.tmp-PID``); a long NAME is cut to
    fit (``locks.fit_name``): ``.`` and ``.tmp-PID`` add 13 bytes to a name that was within the limit."""
    return beside(path, "", prefix=".", reserve=_TEMP_TAIL).name


def _temp_name(path: Path) -> Path:
    directory = path.parent if str(path.parent) else Path(".")
    return directory / f"{temp_stem(path)}.tmp-{os.getpid()}"


def _match_owner_and_mode(fd: int, like: os.stat_result | None) -> None:
    """Give the new file the old one's group, owner (when allowed) and mode (issue 19, item 3)."""
    if like is None:
        return
    if like.st_uid != os.geteuid() or like.st_gid != os.getegid():
        with contextlib.suppress(OSError):  # only root may give a file away; a group we are in is fine
            os.fchown(fd, like.st_uid if os.geteuid() == 0 else -1, like.st_gid)
    with contextlib.suppress(OSError):
        os.fchmod(fd, stat.S_IMODE(like.st_mode))


def write_temp(path: Path, data: bytes, like: os.stat_result | None = None) -> Path:
    """Write ``data`` to a fresh temp file beside ``path`` and fsync it; returns the temp file's path.

    ``like``: the stat of the file it will replace, whose mode and group it takes.
    Raises OSError (with the temp file removed): the caller says what that means for its file."""
    tmp = _temp_name(path)
    fd = create_temp(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            _match_owner_and_mode(fh.fileno(), like)
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def fsync_dir(directory: Path) -> None:
    with contextlib.suppress(OSError):  # make the renames themselves durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def _directory(path: Path) -> Path:
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise DraftError(f"{path}：目录 {directory} 不存在")
    return directory


def _replace_with(path: Path, data: bytes, like: os.stat_result | None) -> None:
    directory = _directory(path)
    try:
        tmp = write_temp(path, data, like)
    except PermissionError:
        raise DraftError(f"{path}：目录 {directory} 不可写，未保存") from None
    except OSError as exc:
        raise DraftError(f"{path}：无法写入（{os_reason(exc)}），未保存，原文件未改动") from None
    _move_into_place(tmp, path, lambda why_: f"{path}：写入失败（{why_}），原文件未改动")
    note_written(path)


def _move_into_place(tmp: Path, target: Path, failure: Callable[[str], str]) -> None:
    """Rename ``tmp`` over ``target``; on failure the temp file goes and ``failure(reason)`` is raised."""
    try:
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DraftError(failure(os_reason(exc))) from None


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temp file in the same directory, fsync, rename; the old file stays whole until then.

    An existing file keeps its mode and group. A symlink at ``path`` is replaced, not followed (exports
    must never write through a link planted in the output directory; drafts resolve theirs first)."""
    like = _stat_regular(path) if not path.is_symlink() else None
    _replace_with(path, data, like)
    fsync_dir(_directory(path))


def _stat_regular(path: Path) -> os.stat_result | None:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise DraftError(f"{path}：无法读取文件状态（{os_reason(exc)}）") from None
    if stat.S_ISDIR(st.st_mode):
        raise DraftError(f"{path}：这是一个目录，不是草稿文件；请换一个文件名")
    if not stat.S_ISREG(st.st_mode):
        raise DraftError(f"{path}：不是普通文件，未写入")
    return st


def _make_backup(path: Path, like: os.stat_result, old: bytes | None) -> None:
    """``FILE.bak`` := the current file. A hard link costs no copy and no fsync (issue 21); a copy
    (with the same mode) where links are refused (some file systems, protected_hardlinks)."""
    bak = backup_path(path)
    with contextlib.suppress(OSError):
        b = os.lstat(bak)
        if (b.st_dev, b.st_ino) == (like.st_dev, like.st_ino):
            return  # the backup already is this file (a save that failed after linking it)
    refuse_foreign_backup(path)
    tmp = _temp_name(bak)
    try:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        os.link(path, tmp, follow_symlinks=False)
    except OSError:
        if old is None:
            try:
                old = path.read_bytes()
            except OSError as exc:
                raise DraftError(f"{path}：无法读取原文件以备份（{os_reason(exc)}），未保存") from None
        try:
            tmp = write_temp(bak, old, like)
        except OSError as exc:
            raise DraftError(f"{path}：无法写入备份 {bak.name}（{os_reason(exc)}），未保存，原文件未改动") from None
    _move_into_place(tmp, bak, lambda why_: f"{path}：无法写入备份 {bak.name}（{why_}），未保存，原文件未改动")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()  # rename between two links of one file does nothing and leaves the source


_DRAFT_MARKS = (b"schema", b"[[projects", b"[department", b"year", b"[resume", b"perfdraft")


def refuse_foreign_backup(path: Path) -> None:
    """``path``'s ``.bak`` is a file of the user's, not a version of a draft: never replaced (DraftError)."""
    bak = backup_path(path)
    with contextlib.suppress(OSError):
        b = os.lstat(bak)
        if stat.S_ISREG(b.st_mode) and b.st_size and _foreign(bak):
            raise DraftError(f"{path}：旁边的 {bak.name} 不是草稿的备份（是另一个文件），为免覆盖它未保存；"
                             f"请把 {bak.name} 改名或移走后再保存")


def _foreign(bak: Path) -> bool:
    """A FILE.bak that is no version of a draft (a user's own file of that name: saves replaced it)."""
    head = read_head(bak)
    return head is not None and not any(mark in head for mark in _DRAFT_MARKS)


def conflict_path(path: Path) -> Path:
    stamp = time.strftime("%Y%m%d-%H%M%S")
    suffix = path.suffix or ".toml"
    # a long name is cut so that the conflict file can be written (issue 19); room for "-N" too
    stem = fit_name(path.stem, NAME_MAX - len(os.fsencode(f".冲突-{stamp}-9999{suffix}")))
    base = path.with_name(f"{stem}.冲突-{stamp}{suffix}")
    n = 1
    while base.exists() or base.is_symlink():
        n += 1
        base = path.with_name(f"{stem}.冲突-{stamp}-{n}{suffix}")
    return base


def write_new(path: Path, data: bytes) -> DiskState:
    """Write a file that must not exist yet (O_EXCL, so nothing is ever overwritten)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o644)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            path.unlink()
        raise
    return DiskState(digest(data), stat_key(os.stat(path)))


def _keep_aside(path: Path, data: bytes, message: str) -> DraftConflict:
    side = conflict_path(path)
    try:
        write_new(side, data)
    except OSError as exc:
        return DraftConflict(f"{message}；本会话的内容也无法另存（{os_reason(exc)}），仍在内存中", None)
    return DraftConflict(f"{message}；本会话的内容已另存为 {side.name}，请比较两者后合并", side)


def save_bytes(path: str | os.PathLike[str], data: bytes, expected: DiskState | None = None,
               check_old: bool = True) -> DiskState:
    """Replace the draft at ``path`` with ``data`` (previous version kept as ``.bak``); returns the new state.

    ``expected``: what the caller read or wrote last. When the file on disk is not that any more,
    nothing is overwritten: ``data`` goes to a ``.冲突-…`` file beside it and DraftConflict says so
    (issue 19, item 2). Without ``expected`` (one-shot commands), an existing file that does not parse
    is never overwritten (``check_old``): it may be the user's only copy.
    """
    p = draft_target(path)
    directory = _directory(p)
    new_digest = digest(data)
    like = _stat_regular(p)
    old: bytes | None = None
    if like is not None:
        if read_only(p, like):
            raise DraftError(f"{p}：文件是只读的（权限 {stat.S_IMODE(like.st_mode):04o}），未保存；"
                             f"确要修改请先 chmod u+w {p.name}，或另存为其他文件名")
        if expected is not None and expected.key != stat_key(like):
            old = _read(p)
            if digest(old) != expected.digest:
                raise _keep_aside(p, data, f"{p}：文件在打开之后被其他程序修改过，为免覆盖那些修改，未保存到原文件")
        elif expected is None and check_old:
            old = _read(p)
            _refuse_unparseable(p, old)
        same = (expected is not None and expected.digest == new_digest) or (old is not None and old == data)
        if same:
            return DiskState(new_digest, stat_key(like))
        _make_backup(p, like, old)
    _replace_with(p, data, like)
    fsync_dir(directory)
    try:
        key = stat_key(os.stat(p))
    except OSError:
        key = None
    return DiskState(new_digest, key)


def read_only(p: Path, like: os.stat_result) -> bool:
    return not os.access(p, os.W_OK) or not like.st_mode & 0o222


def refuse_read_only(path: str | os.PathLike[str]) -> None:
    """Before a session asks anything: every answer to a draft it cannot save would only be rescued
    elsewhere at the end (and the comment-keeping copy would be written beside it for nothing)."""
    p = draft_target(Path(path))
    like = _stat_regular(p)
    if like is not None and not os.access(p, os.R_OK):
        # unreadable as well: chmod u+w, a copy and show would all fail (the read says so in its words)
        raise DraftError(f"{p}：没有读取权限（权限 {stat.S_IMODE(like.st_mode):04o}），无法打开；"
                         f"请让文件的所有者给你读写权限（如 chmod u+rw {p.name}）")
    if like is not None and read_only(p, like):
        raise DraftError(f"{p}：文件是只读的（权限 {stat.S_IMODE(like.st_mode):04o}），不能在其中作答；"
                         f"确要修改请先 chmod u+w {p.name}，或复制一份（cp {p.name} 副本.toml）再编辑副本；"
                         f"只看内容请用 perfdraft show {p.name}")


def _read(p: Path) -> bytes:
    try:
        return p.read_bytes()
    except OSError as exc:
        raise DraftError(f"{p}：无法读取现有文件（{os_reason(exc)}），未保存") from None


def _refuse_unparseable(p: Path, old: bytes) -> None:
    import tomllib

    try:
        tomllib.loads(old.decode("utf-8-sig"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError, RecursionError):
        raise DraftError(f"{p}：现有文件无法解析，为免丢失内容未覆盖；请先修复或改存为其他文件名") from None


def read_state(path: str | os.PathLike[str], limit: int | None = None) -> tuple[bytes, DiskState]:
    """The draft's bytes and the state a later :func:`save_bytes` compares against (OSError passes).
    At most ``limit`` bytes are read: a device or a pipe has no size to check first (/dev/zero filled
    the memory); one byte more says the limit was passed, and :class:`TooLarge` is raised."""
    p = draft_target(path)
    with open_read(p) as fh:
        st = os.fstat(fh.fileno())
        raw = fh.read() if limit is None else read_capped(fh, limit)
    return raw, DiskState(digest(raw), stat_key(st))


class TooLarge(Exception):
    """A file read with a limit went past it."""

    def __init__(self, limit: int):
        super().__init__(limit)
        self.limit = limit


def read_capped(fh: BinaryIO, limit: int) -> bytes:
    """At most ``limit`` bytes of ``fh``, one more to tell it went past (then :class:`TooLarge`): a device
    or a pipe has no size to check first."""
    data = fh.read(limit + 1)
    if len(data) > limit:
        raise TooLarge(limit)
    return data


def cleanup_temp_files(path: str | os.PathLike[str], follow: bool = True) -> list[Path]:
    """Remove temp files left by a save that was killed (their pid is gone). Returns what was removed.

    ``follow``: a symlinked draft's temp files are beside its target (exports pass False)."""
    from .locks import _alive_since

    p = draft_target(path) if follow else Path(path)
    removed = []
    # The backup is written the same way (.NAME.bak.tmp-PID): a kill during that half of a save left
    # its temp file behind for good, since only .NAME.tmp-* was looked for (issue 9).
    # A prefix test, not a glob: a draft named "[1].toml" must not match another file's temp files, and
    # fnmatch over a big directory (a crowded Downloads or /tmp) cost tens of ms of every start.
    starts = (temp_stem(p) + ".tmp-", temp_stem(backup_path(p)) + ".tmp-")
    directory = p.parent if str(p.parent) else Path(".")
    try:
        with os.scandir(directory) as entries:
            temps = [directory / e.name for e in entries if e.name.startswith(starts)]
    except OSError:
        temps = []
    for tmp in temps:
        try:
            pid = int(tmp.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        try:
            written = tmp.lstat().st_mtime
        except OSError:
            continue
        if pid != os.getpid() and not _alive_since(pid, written):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed
