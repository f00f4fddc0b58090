"""Draft files: TOML ⇄ model, atomic saves with a backup, and a lock against a second writer.

The file format is documented in docs/draft-format.md. Every error is a :class:`DraftError`
with one Chinese line saying what is wrong and where; nothing here prints or exits.
"""

from __future__ import annotations

import dataclasses
import os
import re
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

from . import drafts_io, fields, frameworks, numbers, profiles
from .drafts_io import (  # noqa: F401 - re-exported: importers, exporters and tests use them from here
    DiskState,
    atomic_write,
    backup_path,
    cleanup_temp_files,
    create_temp,
    write_temp,
)
from .errors import DraftConflict, DraftError, DraftLocked, os_reason, toml_reason  # noqa: F401 - re-exported
from .locks import (  # noqa: F401 - re-exported
    Lock,
    acquire_lock,
    break_lock,
    describe_holder,
    draft_target,
    lock_path,
)
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
from .numbers import MAX_MAGNITUDE, MIN_MAGNITUDE, check_number  # noqa: F401 - re-exported

try:  # tomli's compiled build: the stdlib parser's API (Decimal floats kept) at about 3× the speed (issue 21)
    import tomli as _toml
except ImportError:  # pragma: no cover - tomli is a dependency; the stdlib copy still reads every draft
    import tomllib as _toml  # type: ignore[no-redef]

# Refuse absurd files before parsing them. A 10,000-project × 17-row draft is about 60 MiB (issue 21).
MAX_DRAFT_BYTES = 128 * 1024 * 1024
MAX_PROJECTS = 20_000


# --- dict -> model ---------------------------------------------------------------------------


class _Reader:
    def __init__(self, source: str):
        self.source = source
        self._plans: dict[str, _Plan] = {}  # per owner, for this read (the registry may change between reads)

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
                number = numbers.read_decimal(value)  # "NaN" and "inf" are None there
            if number is None:
                raise self.fail(f"{path}.{key}", f"应为有限的数字，实际为{_type_name(value)}{_shown(value)}")
        else:
            number = Decimal(value) if isinstance(value, int) else value
        # TOML allows nan and inf (and "NaN" reads as a Decimal): every check and export then raised
        # decimal.InvalidOperation with a traceback (issue 9). A budget or weight is a finite number of
        # sensible size (1e9999999 made checks and exports hang or overflow: issue 19, item 11).
        problem = check_number(number)
        if problem:
            raise self.fail(f"{path}.{key}", f"{problem}，实际为{_shown(value)}")
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
        plan = self._plan("indicator", Indicator)
        if plan.blank is None:
            ind = Indicator(basis=basis)
            ind.__dict__.update(self._scalar_values(plan, plan.nones, data, path))
            return ind
        # Rows are most of a draft: made without running __init__ (its 20 defaults are in plan.blank)
        ind = Indicator.__new__(Indicator)
        if data.keys() <= plan.plain_keys and all(type(v) is str or k == "basis" for k, v in data.items()):
            # every key a text field stored under its own name (or the basis, set below): one C update
            values = plan.blank | data
            values["basis"] = basis
            ind.__dict__ = values
            return ind
        values = self._scalar_values(plan, plan.blank, data, path)
        values["basis"] = basis
        ind.__dict__ = values
        return ind

    def scalars(self, target: Any, owner: str, data: dict[str, Any], path: str) -> None:
        """Every scalar field the registry declares for this owner (fields.py: one entry per field)."""
        # model records (model.py) keep their fields in the instance dict: one update, not a setattr per field
        plan = self._plan(owner, None)
        target.__dict__.update(self._scalar_values(plan, plan.nones, data, path))

    def _scalar_values(self, plan: _Plan, start: dict[str, Any], data: dict[str, Any], path: str) -> dict[str, Any]:
        """``start`` with the owner's scalar attributes from one table (None where its key is absent).
        The table's own keys are walked (a row holds a few of the registry's 20), not the registry's."""
        values = dict(start)
        by_key = plan.by_key
        for key, value in data.items():
            entry = by_key.get(key)
            if entry is None:
                continue  # not a scalar of this owner (basis, indicators …), or unknown (drafts_unknown)
            attr, kind = entry
            if kind == "text" and type(value) is str:  # the common case, without a method call per cell
                values[attr] = value
            else:
                values[attr] = (self.number(data, key, path) if kind == "number"
                                else self.integer(data, key, path) if kind == "int" else self.text(data, key, path))
        return values

    def _plan(self, owner: str, cls: type | None) -> _Plan:
        plan = self._plans.get(owner)
        if plan is None:
            plan = self._plans[owner] = _Plan(_scalar_plan(owner), cls)
        return plan

    def integer(self, data: dict[str, Any], key: str, path: str) -> int | None:
        if key not in data:
            return None
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(f"{path}.{key}", f"应为整数，实际为{_type_name(value)}{_shown(value)}{_unquote_hint(key, value)}")
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
            declined=self.text_list(data, "declined", path),
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
            raise self.fail("year", f"应为整数年份，实际为{_type_name(year)}{_shown(year)}{_unquote_hint('year', year)}")
        if year is not None and check_year(year):
            raise self.fail("year", f"{check_year(year)}")
        framework = data.get("framework", "local-2015")
        if not isinstance(framework, str) or framework not in frameworks.FRAMEWORKS:
            raise self.fail("framework", f"“{framework}” 不是已知框架（{'、'.join(frameworks.FRAMEWORKS)}）")
        profile = data.get("profile")
        if profile is not None and (not isinstance(profile, str) or profile not in profiles.PROFILES):
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
        for key in ("step", "pending"):  # pending: a line typed but not confirmed when the link dropped
            if isinstance(data.get(key), str):
                out[key] = data[key]
        for key in ("project", "index", "row"):
            if isinstance(data.get(key), int) and not isinstance(data.get(key), bool):
                out[key] = data[key]
        if isinstance(data.get("field"), str):  # a row's column, or the name of the row being asked
            out["field"] = data["field"]
        return out or None


def _scalar_plan(owner: str) -> tuple[tuple[str, str, str], ...]:
    # derived once per owner, not for every row; rebuilt when the registry's cached tuple changes
    # (a test declaring a field): an identity check, as hashing 19 Field tuples per row costs more
    scalars = fields.scalars(owner)
    cached = _PLANS.get(owner)
    if cached is None or cached[0] is not scalars:
        plan = tuple((f.attr, f.toml_key, "number" if f.kind in ("money", "number") else "int" if f.kind == "int" else "text")
                     for f in scalars)
        cached = _PLANS[owner] = (scalars, plan)
    return cached[1]


_PLANS: dict[str, tuple[tuple[Any, ...], tuple[tuple[str, str, str], ...]]] = {}


class _Plan:
    """How one read fills an owner's scalar fields: the registry's keys, and the instance dict to start
    from (every scalar None, the class's other defaults) when the class can be made without __init__."""

    def __init__(self, plan: tuple[tuple[str, str, str], ...], cls: type | None) -> None:
        self.by_key = {key: (attr, kind) for attr, key, kind in plan}
        # text fields whose TOML key is their attribute's name, and basis (read apart): a row holding
        # only these is its instance dict as it stands
        self.plain_keys = frozenset(key for attr, key, kind in plan if kind == "text" and attr == key) | {"basis"}
        self.nones: dict[str, Any] = {attr: None for attr, _, _ in plan}
        self.blank: dict[str, Any] | None = None
        fields_ = dataclasses.fields(cls) if cls is not None else ()
        # A factory or a required field: the class is made by __init__.
        if fields_ and all(f.default is not dataclasses.MISSING for f in fields_):
            self.blank = {f.name: f.default for f in fields_} | self.nones


def _type_name(value: Any) -> str:
    # Never a Python type name in a message (issue 19, item 15: “实际为date”).
    import datetime as _dt

    names: list[tuple[type, str]] = [(bool, "布尔值"), (str, "文本"), (int, "整数"), (Decimal, "数字"), (float, "数字"),
                                     (list, "数组"), (dict, "表"), (_dt.datetime, "日期时间"), (_dt.date, "日期"),
                                     (_dt.time, "时间")]
    for kind, name in names:
        if isinstance(value, kind):
            return name
    return "其他类型"


def _unquote_hint(key: str, value: Any) -> str:
    """How to write a number typed in quotes (year = "2020"): the fix, not only what is wrong."""
    if isinstance(value, str) and value.strip().isdigit():
        return f"；去掉引号，写成 {key} = {value.strip()}"
    return ""


def _shown(value: Any) -> str:
    """A value quoted in a message: text and numbers as written, never a Python repr of a list or table."""
    if isinstance(value, (str, int, Decimal)) and not isinstance(value, bool):
        text = str(value)
        return f" “{text[:40]}…”" if len(text) > 40 else f" “{text}”"
    return ""


YEAR_RANGE = (1900, 2200)


def check_year(year: int) -> str | None:
    lo, hi = YEAR_RANGE
    if not lo <= year <= hi:
        return f"年份 {year} 不合理（应在 {lo}–{hi} 之间）"
    return None


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


def head_dict(draft: Draft) -> dict[str, Any]:
    """Everything of the draft but its projects and resume marker (the first chunk of the file)."""
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
    return out


def project_dict(p: Project) -> dict[str, Any]:
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
    _put(pd, "declined", list(p.declined))
    _put(pd, "indicators", [_indicator_dict(i) for i in p.indicators])
    return pd


def to_dict(draft: Draft, project: Callable[[Project], Any] = project_dict) -> dict[str, Any]:
    """The draft as the TOML file's tree; ``project`` builds each project's entry (drafts_unknown passes
    a lazy one)."""
    out = head_dict(draft)
    _put(out, "projects", [project(p) for p in draft.projects])
    if draft.resume:
        out["resume"] = dict(draft.resume)
    return out


def dumps(draft: Draft) -> str:
    import tomli_w  # only saving needs it

    return tomli_w.dumps(to_dict(draft), multiline_strings=True)


def parse_toml(text: str, source: str) -> dict[str, Any]:
    try:
        return _toml.loads(text, parse_float=Decimal)
    except _toml.TOMLDecodeError as exc:
        raise DraftError(f"{source}：{_toml_error(exc)}") from None
    except RecursionError:
        # x = [[[[…]]]] a few thousand deep: every command died with RecursionError (issue 19, item 11).
        raise DraftError(f"{source}：数组或表嵌套过深，不是 perfdraft 草稿，文件未作改动") from None


def loads(text: str, source: str = "草稿") -> Draft:
    return _Reader(source).draft(parse_toml(text, source))


def _toml_error(exc: ValueError) -> str:
    what, where = toml_reason(exc)
    return f"{where + ' ' if where else ''}TOML 格式错误（{what}），文件未作改动"


def _read_raw(p: Path) -> tuple[bytes, DiskState]:
    try:
        size = p.stat().st_size
        if size > MAX_DRAFT_BYTES:
            raise DraftError(f"{p}：文件有 {size // (1024 * 1024)} MiB，超过草稿上限 "
                             f"{MAX_DRAFT_BYTES // (1024 * 1024)} MiB，不像是 perfdraft 草稿")
        return drafts_io.read_state(p, MAX_DRAFT_BYTES)
    except drafts_io.TooLarge:
        raise DraftError(f"{p}：内容超过草稿上限 {MAX_DRAFT_BYTES // (1024 * 1024)} MiB（设备或管道？），"
                         "不像是 perfdraft 草稿；请给出草稿文件（.toml）") from None
    except FileNotFoundError:
        if p.is_symlink():  # a link whose file was moved or deleted: "not found" hid that the link is there
            raise DraftError(f"{p}：是指向 {os.readlink(p)} 的链接，链接指向的文件不存在；"
                             "请改正或删除这个链接") from None
        raise DraftError(f"{p}：文件不存在") from None
    except IsADirectoryError:
        raise DraftError(f"{p}：这是一个目录，不是草稿文件") from None
    except PermissionError:
        raise DraftError(f"{p}：没有读取权限") from None
    except OSError as exc:
        raise DraftError(f"{p}：无法读取（{os_reason(exc)}）") from None


def decode(raw: bytes, source: str) -> str:
    """A draft's bytes as text; a draft in another encoding is named as such (issue 19, item 15)."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        fix = "请用文本编辑器另存为 UTF-8 编码后再打开"
        if raw[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(raw) > 1 and raw[1:2] == b"\x00" and raw[:1] != b"\x00"):
            raise DraftError(f"{source}：文件是 UTF-16 编码，perfdraft 草稿须为 UTF-8；{fix}") from None
        try:
            raw.decode("gb18030")
        except UnicodeDecodeError:
            raise DraftError(f"{source}：第 {line} 行不是 UTF-8 文本，不是 perfdraft 草稿（草稿须为 UTF-8 编码）") from None
        raise DraftError(f"{source}：文件看来是 GBK/GB18030 编码，perfdraft 草稿须为 UTF-8；{fix}"
                         f"（如 iconv -f GB18030 -t UTF-8）") from None


def load(path: str | os.PathLike[str]) -> Draft:
    """The draft alone, for reading it (check, show, export): what a save would drop is not looked for."""
    p = Path(path)
    raw, _ = _read_raw(p)
    return loads(decode(raw, str(p)), str(p))


def _parsed(p: Path) -> tuple[bytes, DiskState, str, dict[str, Any], Draft]:
    """A draft file read through: its bytes and state, its text, the parsed tables and the draft."""
    raw, state = _read_raw(p)
    text = decode(raw, str(p))
    data = parse_toml(text, str(p))
    return raw, state, text, data, _Reader(str(p)).draft(data)


def load_noting_unknown(path: str | os.PathLike[str]) -> tuple[Draft, list[str]]:
    """The draft and the paths of the file's keys perfdraft does not read (``vaule`` for value): check
    names them, since what sits under a misspelt key is never checked, shown or exported."""
    p = Path(path)
    _, _, _, data, draft = _parsed(p)
    from .drafts_unknown import unknown_keys  # noqa: I001 - imports this module

    try:
        return draft, unknown_keys(data, draft)
    except RecursionError:  # an unknown key's tables nested hundreds deep
        raise DraftError(f"{p}：数组或表嵌套过深，不是 perfdraft 草稿，文件未作改动") from None


def read(path: str | os.PathLike[str], save_to: Path | None = None) -> tuple[Draft, DiskState, list[str]]:
    """The draft, the state a session's saves compare against, and warnings about what a save drops.
    ``save_to``: another file the draft is saved as; the source then stays as it is and needs no copy."""
    p = Path(path)
    raw, state, text, data, draft = _parsed(p)
    from .drafts_unknown import dropped_on_save, keep_original  # noqa: I001 - imports this module

    dropped = dropped_on_save(text, data, draft, p.name)
    if dropped and save_to is not None:
        dropped = [f"{d.removesuffix('，保存时不会保留')}，另存的 {save_to.name} 中不会有（{p.name} 不改动）"
                   for d in dropped]
    elif dropped:
        # the backup is made at a symlinked draft's target, and a long name's is cut to fit (issue 19)
        dropped[-1] += "；" + keep_original(draft_target(p), raw)
    return draft, state, dropped


# --- writing ---------------------------------------------------------------------------------


def encode(text: str, source: Any) -> bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        # A GBK byte in --set arrives as a lone surrogate: say so instead of a traceback (issue 19, item 7).
        raise DraftError(f"{source}：内容中有无法保存的字符（输入可能不是 UTF-8 编码），未保存") from None


def save(draft: Draft, path: str | os.PathLike[str], *, known_digest: str | None = None) -> str:
    """Save atomically, keeping the previous version as ``FILE.bak``. Returns the new content digest.

    ``known_digest``: the digest of what this caller read or wrote last; when the file on disk is no
    longer that, nothing is overwritten (DraftConflict, the draft written beside it). Without it, an
    existing file that does not parse is never overwritten (it may be the user's only copy).
    A session saves through :class:`perfdraft.saver.Saver` instead (incremental, off the UI thread).
    """
    p = Path(path)
    text = dumps(draft)
    loads(text, str(p))  # never write what we could not read back
    expected = DiskState(known_digest) if known_digest else None
    return drafts_io.save_bytes(p, encode(text, p), expected).digest or ""


def new_draft(year: int | None = None) -> Draft:
    """An empty draft for ``year`` (next year when None); a year out of range (--year 0) is refused,
    not replaced by the default without a word."""
    if year is not None and (problem := check_year(year)):
        raise DraftError(f"--year {year}：{problem}")
    return Draft(year=year if year is not None else time.localtime().tm_year + 1)
