"""Draft files: TOML ⇄ model, atomic saves with a backup, and a lock against a second writer.

The file format is documented in docs/draft-format.md. Every error is a :class:`DraftError`
with one Chinese line saying what is wrong and where; nothing here prints or exits.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import re
import socket
import time
import tomllib
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import fields, frameworks, profiles
from .model import (
    SCHEMA,
    SCHEMA_VERSION,
    Basis,
    Budget,
    Department,
    Draft,
    Indicator,
    Project,
    SpendingPlan,
    SubGoal,
)

# Refuse absurd files before parsing them: a draft is a few hundred KiB at most.
MAX_DRAFT_BYTES = 32 * 1024 * 1024
MAX_PROJECTS = 20_000


class DraftError(Exception):
    """A draft could not be read or written. ``str(err)`` is the one-line message for the user."""


class DraftLocked(DraftError):
    def __init__(self, message: str, holder: dict[str, Any]):
        super().__init__(message)
        self.holder = holder


# --- dict -> model ---------------------------------------------------------------------------


class _Reader:
    def __init__(self, source: str):
        self.source = source

    def fail(self, path: str, message: str) -> DraftError:
        return DraftError(f"{self.source}：{path} {message}")

    def table(self, data: Any, path: str) -> dict[str, Any]:
        if not isinstance(data, dict):
            raise self.fail(path, f"应为表（table），实际为{_type_name(data)}")
        return data

    def text(self, data: dict[str, Any], key: str, path: str) -> str | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, (int, Decimal)) and not isinstance(value, bool):
            return str(value)  # a code typed as a number (317002) is still a code
        if not isinstance(value, str):
            raise self.fail(f"{path}.{key}", f"应为文本，实际为{_type_name(value)}")
        return value

    def number(self, data: dict[str, Any], key: str, path: str) -> Decimal | None:
        if key not in data:
            return None
        value = data[key]
        number = None
        if isinstance(value, bool) or not isinstance(value, (int, Decimal)):
            if isinstance(value, str):
                try:
                    number = Decimal(value.replace(",", ""))
                except Exception:  # noqa: BLE001
                    pass
            if number is None:
                raise self.fail(f"{path}.{key}", f"应为数字，实际为{_type_name(value)} “{value}”")
        else:
            number = Decimal(value) if isinstance(value, int) else value
        # TOML allows nan and inf (and "NaN" reads as a Decimal): every check and export then raised
        # decimal.InvalidOperation with a traceback (issue 9). A budget or weight is a finite number.
        if not number.is_finite():
            raise self.fail(f"{path}.{key}", f"应为有限的数字，实际为 “{value}”")
        return number

    def text_list(self, data: dict[str, Any], key: str, path: str) -> list[str]:
        value = data.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(f"{path}.{key}", "应为文本列表")
        return list(value)

    def table_list(self, data: dict[str, Any], key: str, path: str) -> list[dict[str, Any]]:
        value = data.get(key, [])
        if not isinstance(value, list):
            raise self.fail(f"{path}.{key}", f"应为表数组（[[{key}]]），实际为{_type_name(value)}")
        return [self.table(item, f"{path}.{key}[{i}]") for i, item in enumerate(value)]

    def indicator(self, data: dict[str, Any], path: str) -> Indicator:
        basis = None
        if "basis" in data:
            raw = data["basis"]
            if isinstance(raw, str):  # a bare string is read as the note
                basis = Basis(None, raw)
            else:
                b = self.table(raw, f"{path}.basis")
                basis = Basis(self.text(b, "category", f"{path}.basis"), self.text(b, "note", f"{path}.basis"))
        ind = Indicator(basis=basis)
        self.scalars(ind, "indicator", data, path)
        return ind

    def scalars(self, target: Any, owner: str, data: dict[str, Any], path: str) -> None:
        """Every scalar field the registry declares for this owner (fields.py: one entry per field)."""
        for f in fields.scalars(owner):
            key = f.toml_key
            if f.kind in ("money", "number"):
                value: Any = self.number(data, key, path)
            elif f.kind == "int":
                value = self.integer(data, key, path)
            else:
                value = self.text(data, key, path)
            setattr(target, f.attr, value)

    def integer(self, data: dict[str, Any], key: str, path: str) -> int | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{path}.{key}", f"应为整数，实际为{_type_name(value)}")
        return value

    def budget(self, data: dict[str, Any], path: str) -> Budget:
        b = self.table(data, path)
        return Budget(self.number(b, "total", path), self.number(b, "fiscal", path), self.number(b, "other", path))

    def project(self, data: dict[str, Any], path: str) -> Project:
        plan = None
        if "spending_plan" in data:
            p = self.table(data["spending_plan"], f"{path}.spending_plan")
            plan = SpendingPlan(*(self.number(p, k, f"{path}.spending_plan") for k in ("mar", "jun", "oct", "dec")))
        project = Project(
            budget=self.budget(data["budget"], f"{path}.budget") if "budget" in data else Budget(),
            spending_plan=plan,
            indicators=[self.indicator(t, f"{path}.indicators[{i}]")
                        for i, t in enumerate(self.table_list(data, "indicators", path))],
            notes=self.text_list(data, "notes", path),
            confirm=self.text_list(data, "confirm", path),
        )
        self.scalars(project, "project", data, path)
        project.template = self.text(data, "template", path)
        return project

    def draft(self, data: dict[str, Any]) -> Draft:
        schema = data.get("schema")
        if schema is None:
            raise DraftError(f"{self.source}：缺少 schema 键，不是 perfdraft 草稿（应有 schema = \"{SCHEMA}\"）")
        m = re.fullmatch(r"perfdraft/(\d+)", str(schema))
        if not m:
            raise DraftError(f"{self.source}：schema = “{schema}” 不是 perfdraft 草稿格式（应为 \"{SCHEMA}\"）")
        if int(m.group(1)) > SCHEMA_VERSION:
            raise DraftError(f"{self.source}：此草稿由更新版本的 perfdraft 写成（{schema}），"
                             f"本版本只能读取 {SCHEMA}，请升级 perfdraft")
        year = data.get("year")
        if year is not None and (isinstance(year, bool) or not isinstance(year, int)):
            raise self.fail("year", f"应为整数年份，实际为{_type_name(year)}")
        framework = data.get("framework", "local-2015")
        if framework not in frameworks.FRAMEWORKS:
            raise self.fail("framework", f"“{framework}” 不是已知框架（{'、'.join(frameworks.FRAMEWORKS)}）")
        profile = data.get("profile")
        if profile is not None and profile not in profiles.PROFILES:
            raise self.fail("profile", f"“{profile}” 不是已知的表格样式（{'、'.join(profiles.PROFILES)}；"
                                       "perfdraft profiles 列出全部）")
        dep = self.table(data.get("department", {}), "department")
        projects = self.table_list(data, "projects", "")
        if len(projects) > MAX_PROJECTS:
            raise DraftError(f"{self.source}：项目数 {len(projects)} 超过上限 {MAX_PROJECTS}，请拆分为多个草稿")
        return Draft(
            schema=SCHEMA,
            year=year,
            framework=framework,
            profile=profile,
            department=Department(
                code=self.text(dep, "code", "department"),
                name=self.text(dep, "name", "department"),
                overall_goal=self.text(dep, "overall_goal", "department"),
                safeguards=self.text(dep, "safeguards", "department"),
                sub_goals=[
                    SubGoal(
                        text=self.text(g, "text", f"department.sub_goals[{i}]"),
                        indicators=[self.indicator(t, f"department.sub_goals[{i}].indicators[{j}]")
                                    for j, t in enumerate(self.table_list(g, "indicators", f"department.sub_goals[{i}]"))],
                        projects=self.text_list(g, "projects", f"department.sub_goals[{i}]"),
                    )
                    for i, g in enumerate(self.table_list(dep, "sub_goals", "department"))
                ],
                budget=self.budget(dep["budget"], "department.budget") if "budget" in dep else None,
                indicators=[self.indicator(t, f"department.indicators[{i}]")
                            for i, t in enumerate(self.table_list(dep, "indicators", "department"))],
            ),
            projects=[self.project(p, f"projects[{i}]") for i, p in enumerate(projects)],
            notes=self.text_list(data, "notes", ""),
            resume=self.resume(data.get("resume")),
        )

    def resume(self, data: Any) -> dict[str, str | int] | None:
        if not isinstance(data, dict):
            return None  # a damaged resume marker only costs the user the position, never the draft
        out: dict[str, str | int] = {}
        if isinstance(data.get("step"), str):
            out["step"] = data["step"]
        for key in ("project", "index"):
            if isinstance(data.get(key), int) and not isinstance(data.get(key), bool):
                out[key] = data[key]
        return out or None


def _type_name(value: Any) -> str:
    return {str: "文本", int: "整数", Decimal: "数字", bool: "布尔值", list: "数组", dict: "表"}.get(
        type(value), type(value).__name__
    )


# --- model -> dict ---------------------------------------------------------------------------


def _put(out: dict[str, Any], key: str, value: Any) -> None:
    if value is not None and value != [] and value != {}:
        out[key] = value


def _indicator_dict(ind: Indicator) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("level1", "level2", "name", "description", "value"):
        _put(out, key, getattr(ind, key))
    if ind.basis is not None:
        b: dict[str, Any] = {}
        _put(b, "category", ind.basis.category)
        _put(b, "note", ind.basis.note)
        out["basis"] = b
    for f in fields.scalars("indicator"):
        if f.attr not in ("level1", "level2", "name", "description", "value"):
            _put(out, f.toml_key, getattr(ind, f.attr))
    return out


def _budget_dict(b: Budget) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key in ("total", "fiscal", "other"):
        _put(out, key, getattr(b, key))
    return out


def to_dict(draft: Draft) -> dict[str, Any]:
    out: dict[str, Any] = {"schema": SCHEMA}
    _put(out, "year", draft.year)
    out["framework"] = draft.framework
    _put(out, "profile", draft.profile)
    dep: dict[str, Any] = {}
    d = draft.department
    for key in ("code", "name", "overall_goal", "safeguards"):
        _put(dep, key, getattr(d, key))
    if d.budget is not None:
        dep["budget"] = _budget_dict(d.budget)
    _put(dep, "indicators", [_indicator_dict(i) for i in d.indicators])
    goals = []
    for g in d.sub_goals:
        gd: dict[str, Any] = {}
        _put(gd, "text", g.text)
        _put(gd, "indicators", [_indicator_dict(i) for i in g.indicators])
        _put(gd, "projects", list(g.projects))
        goals.append(gd)
    _put(dep, "sub_goals", goals)
    out["department"] = dep
    _put(out, "notes", list(draft.notes))
    projects = []
    for p in draft.projects:
        pd: dict[str, Any] = {}
        for key in ("code", "name", "doc_number", "template", "purpose", "goal"):
            _put(pd, key, getattr(p, key))
        for f in fields.scalars("project"):
            if f.attr not in ("code", "name", "doc_number", "purpose", "goal"):
                _put(pd, f.toml_key, getattr(p, f.attr))
        budget = _budget_dict(p.budget)
        if budget:
            pd["budget"] = budget
        if p.spending_plan is not None and not p.spending_plan.is_blank():
            plan: dict[str, Any] = {}
            for key in ("mar", "jun", "oct", "dec"):
                _put(plan, key, getattr(p.spending_plan, key))
            pd["spending_plan"] = plan
        _put(pd, "notes", list(p.notes))
        _put(pd, "confirm", list(p.confirm))
        _put(pd, "indicators", [_indicator_dict(i) for i in p.indicators])
        projects.append(pd)
    _put(out, "projects", projects)
    if draft.resume:
        out["resume"] = dict(draft.resume)
    return out


def dumps(draft: Draft) -> str:
    import tomli_w  # only saving needs it

    return tomli_w.dumps(to_dict(draft), multiline_strings=True)


def loads(text: str, source: str = "草稿") -> Draft:
    try:
        data = tomllib.loads(text, parse_float=Decimal)
    except tomllib.TOMLDecodeError as exc:
        raise DraftError(f"{source}：{_toml_error(exc)}") from None
    return _Reader(source).draft(data)


def _toml_error(exc: tomllib.TOMLDecodeError) -> str:
    msg = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
    if m:
        what = msg[: m.start()].strip()
        return f"第 {m.group(1)} 行第 {m.group(2)} 列 TOML 格式错误（{what}），文件未作改动"
    return f"TOML 格式错误（{msg}），文件未作改动"


def load(path: str | os.PathLike[str]) -> Draft:
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_DRAFT_BYTES:
            raise DraftError(f"{p}：文件有 {size // (1024 * 1024)} MiB，超过草稿上限 "
                             f"{MAX_DRAFT_BYTES // (1024 * 1024)} MiB，不像是 perfdraft 草稿")
        raw = p.read_bytes()
    except FileNotFoundError:
        raise DraftError(f"{p}：文件不存在") from None
    except IsADirectoryError:
        raise DraftError(f"{p}：这是一个目录，不是草稿文件") from None
    except PermissionError:
        raise DraftError(f"{p}：没有读取权限") from None
    except OSError as exc:
        raise DraftError(f"{p}：无法读取（{exc.strerror}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise DraftError(f"{p}：第 {line} 行不是 UTF-8 文本，不是 perfdraft 草稿") from None
    return loads(text, str(p))


# --- writing ---------------------------------------------------------------------------------


def backup_path(path: Path) -> Path:
    return path.with_name(path.name + ".bak")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


def create_temp(tmp: Path) -> int:
    """Create the temp file ``tmp`` afresh and open it for writing.

    Never through what is already there: with O_TRUNC a symlink planted at the (predictable) temp
    name made a save or an export write into the file it pointed to, anywhere, and then leave the
    output a symlink to it (issue 9). O_EXCL never follows a symlink; what is there (a killed save's
    leftover, or planted) is unlinked, which removes a symlink itself, not its target.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        return os.open(tmp, flags, 0o644)
    except FileExistsError:
        tmp.unlink()
        return os.open(tmp, flags, 0o644)


def write_temp(path: Path, data: bytes) -> Path:
    """Write ``data`` to a fresh temp file beside ``path`` and fsync it; returns the temp file's path.

    Raises OSError (with the temp file removed): the caller says what that means for its file."""
    directory = path.parent if str(path.parent) else Path(".")
    tmp = directory / f".{path.name}.tmp-{os.getpid()}"
    fd = create_temp(tmp)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return tmp


def atomic_write(path: Path, data: bytes) -> None:
    """Write via a temp file in the same directory, fsync, rename; the old file stays whole until then."""
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise DraftError(f"{path}：目录 {directory} 不存在")
    try:
        tmp = write_temp(path, data)
    except PermissionError:
        raise DraftError(f"{path}：目录 {directory} 不可写，未保存") from None
    except OSError as exc:
        raise DraftError(f"{path}：无法写入（{exc.strerror}），未保存") from None
    try:
        os.replace(tmp, path)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise DraftError(f"{path}：写入失败（{exc.strerror}），原文件未改动") from None
    with contextlib.suppress(OSError):  # make the rename itself durable
        dfd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(dfd)
        finally:
            os.close(dfd)


def save(draft: Draft, path: str | os.PathLike[str], *, known_digest: str | None = None) -> str:
    """Save atomically, keeping the previous version as ``FILE.bak``. Returns the new content digest.

    An existing file that does not parse is never overwritten (it may be the user's only copy);
    ``known_digest`` skips that re-check when the file on disk is the one we wrote last.
    """
    p = Path(path)
    text = dumps(draft)
    data = text.encode("utf-8")
    loads(text, str(p))  # never write what we could not read back
    if p.exists():
        old = p.read_bytes()
        if known_digest != _digest(old):
            try:
                tomllib.loads(old.decode("utf-8-sig"))
            except (tomllib.TOMLDecodeError, UnicodeDecodeError):
                raise DraftError(f"{p}：现有文件无法解析，为免丢失内容未覆盖；请先修复或改存为其他文件名") from None
        if old != data:
            atomic_write(backup_path(p), old)
    atomic_write(p, data)
    return _digest(data)


def _digest(data: bytes) -> str:
    import hashlib  # first needed at the first save, not at start-up

    return hashlib.sha256(data).hexdigest()


# --- locking ---------------------------------------------------------------------------------


@dataclass
class Lock:
    path: Path
    notice: str | None = None  # set when a stale lock was taken over

    def release(self) -> None:
        with contextlib.suppress(FileNotFoundError):
            holder = _read_lock(self.path)
            if holder is None or holder.get("pid") == os.getpid():
                self.path.unlink()


def _read_lock(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError):
        return None
    # Only what acquire_lock writes counts as a holder; anything else (a JSON list, a pid that is not
    # a positive integer) is as torn as an empty file. Before, it raised AttributeError/ValueError.
    pid = data.get("pid") if isinstance(data, dict) else None
    if not isinstance(pid, int) or isinstance(pid, bool) or pid <= 0:
        return None
    return data


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


def acquire_lock(path: str | os.PathLike[str]) -> Lock:
    """Take the draft's lock or raise DraftLocked naming who holds it. Stale locks are taken over."""
    lp = lock_path(Path(path))
    me = {"user": _user(), "host": socket.gethostname(), "pid": os.getpid(), "since": time.time()}
    notice = None
    for _ in range(30):  # more than 3: sessions racing for one dead lock wait on each other's guard
        try:
            fd = os.open(lp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644)
        except FileExistsError:
            holder = _read_lock(lp)
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
            else:
                raise DraftLocked(f"{path}：正被 {describe_holder(holder)} 编辑，请稍后再试或请对方先退出",
                                  holder) from None
            _remove_dead_lock(lp, holder)
            continue
        except PermissionError:
            raise DraftError(f"{path}：目录不可写，无法建立锁文件") from None
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(me, fh)
            fh.flush()
            os.fsync(fh.fileno())
        return Lock(lp, notice)
    raise DraftError(f"{path}：无法取得锁文件 {lp.name}")


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no passwd entry in some containers
        return str(os.getuid())


def cleanup_temp_files(path: str | os.PathLike[str]) -> list[Path]:
    """Remove temp files left by a save that was killed (their pid is gone). Returns what was removed."""
    p = Path(path)
    removed = []
    # The backup is written the same way (.NAME.bak.tmp-PID): a kill during that half of a save left
    # its temp file behind for good, since only .NAME.tmp-* was looked for (issue 9).
    temps = [*p.parent.glob(f".{p.name}.tmp-*"), *p.parent.glob(f".{backup_path(p).name}.tmp-*")]
    for tmp in temps:
        try:
            pid = int(tmp.name.rsplit("-", 1)[1])
        except ValueError:
            continue
        try:
            written = tmp.stat().st_mtime
        except OSError:
            continue
        if pid != os.getpid() and not _alive_since(pid, written):
            with contextlib.suppress(OSError):
                tmp.unlink()
                removed.append(tmp)
    return removed


def new_draft(year: int | None = None) -> Draft:
    return Draft(year=year or time.localtime().tm_year + 1)
