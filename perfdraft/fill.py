"""``perfdraft fill``: answers without asking — from an answers file, ``--set path=value`` and ``--defaults``.

An answers file is TOML with ``answers = ["…", …]`` (replayed through the conversation, exactly
as typed answers) and/or ``[set]`` with ``"path" = value`` pairs (the same as ``--set``).
Paths are the checker's paths: ``department.name``, ``year``, ``projects[0].budget.other``,
``projects[1].indicators[2].value``. An unknown path names the nearest real one.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from . import fields, frameworks, numbers, profiles
from .answers import basis_from_text, parse_money, parse_plan, unreadable
from .conversation import Conversation
from .drafts_io import TooLarge, read_capped
from .errors import EXIT_FINDINGS, EXIT_OK, os_reason, toml_reason
from .model import Basis, Budget, Draft, Indicator, Project, SpendingPlan, SubGoal
from .prompts import Rejected
from .safe_open import open_read

# The settable fields are the registry's (fields.py), read when a path is set so that a field
# declared there is settable at once; a path may name one by its Chinese label too
# (projects[0].项目类别, projects[0].indicators[2].权重, department.部门编码).


def _settable(owner: str) -> tuple[str, ...]:
    attrs = tuple(f.attr for f in fields.scalars(owner))
    return (*attrs, "template") if owner == "project" else attrs


def _attr(owner: str, segment: str) -> str:
    """A path segment as the model attribute: itself, or the attribute its Chinese label names."""
    f = fields.find(segment, owner) if not segment.isascii() else None
    return f.attr if f is not None else segment


def _set_scalar(obj: Any, owner: str, attr: str, text: str) -> None:
    """Read ``text`` the way the registry says (money, number, choice …); 计算符号 and 指标值 stay in step."""
    f = next((f for f in fields.scalars(owner) if f.attr == attr), None)
    if f is None:
        setattr(obj, attr, text or None)
        return
    try:
        f.set(obj, fields.parse(f, text))
    except fields.FieldValueError as exc:
        raise ValueError(str(exc)) from None
    if owner == "indicator" and attr in ("value", "symbol"):
        from . import symbols

        if attr == "value":
            symbols.after_value_change(obj, obj.symbol is not None, False)
        else:
            symbols.after_symbol_change(obj)


class FillError(Exception):
    pass


class _UnknownPath(Exception):
    pass


def known_paths(draft: Draft) -> list[str]:
    """Every settable path of this draft (and the next new project), for 'did you mean'."""
    dept, proj, ind = _settable("department"), _settable("project"), (*_settable("indicator"), "basis")
    out = ["year", "framework", "profile"] + [f"department.{f}" for f in dept]
    out += [f"department.budget.{k}" for k in ("total", "fiscal", "other")]
    out += [f"department.sub_goals[{i}].text" for i in range(len(draft.department.sub_goals) + 1)]
    for i in range(len(draft.projects) + 1):
        out += [f"projects[{i}].{f}" for f in proj]
        out += [f"projects[{i}].budget.{k}" for k in ("total", "fiscal", "other")]
        out += [f"projects[{i}].spending_plan"] + [f"projects[{i}].spending_plan.{k}" for k in ("mar", "jun", "oct", "dec")]
        rows = len(draft.projects[i].indicators) if i < len(draft.projects) else 0
        for j in range(rows + 1):
            out += [f"projects[{i}].indicators[{j}].{f}" for f in ind]
    return out


def _decimal(text: str, path: str) -> Decimal:
    number = numbers.read_decimal(text)
    if number is None:  # nan and inf too (issue 19, item 6)
        raise FillError(f"{path}：“{text}”不是有限的数字")
    problem = numbers.check_number(number)  # 1e9999999 (issue 19, item 11)
    if problem:
        raise FillError(f"{path}：“{text}”{problem}")
    return number


def set_path(draft: Draft, path: str, value: Any) -> None:
    """Set one field by path; raises FillError naming the nearest real path when the path is unknown."""
    text = value if isinstance(value, str) else str(value)
    refused = unreadable(text)  # what the assistant refuses as typed is refused here too
    if refused:
        raise FillError(f"{path}：{refused}")
    m = re.fullmatch(r"projects\[(\d+)\]\.(.+)", path)
    try:
        if path == "year":
            from .drafts import check_year

            if not re.fullmatch(r"\s*-?\d{1,6}\s*", text):
                raise FillError(f"year：“{text}”不是年份，应为四位数字，如 2026")
            problem = check_year(int(text))
            if problem:
                raise FillError(f"year：{problem}")
            draft.year = int(text)
            return
        if path == "framework":
            if text not in frameworks.FRAMEWORKS:
                raise FillError(f"framework 只能是 {'、'.join(frameworks.FRAMEWORKS)}")
            draft.framework = text
            return
        if path in ("profile", fields.FIELDS["draft.profile"].label):
            if text not in profiles.PROFILES:  # a profile declared in profiles.py is settable at once
                raise FillError(f"profile 只能是 {'、'.join(profiles.PROFILES)}（perfdraft profiles 列出全部）")
            draft.profile, draft.framework = text, profiles.PROFILES[text].framework
            return
        dm = re.fullmatch(r"department\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", path)
        if dm and _attr("department", dm.group(1)) in _settable("department") and not dm.group(2) and not dm.group(3):
            _set_scalar(draft.department, "department", _attr("department", dm.group(1)), text)
            return
        if dm and dm.group(1) == "budget" and dm.group(3) in ("total", "fiscal", "other"):
            draft.department.budget = draft.department.budget or Budget()
            setattr(draft.department.budget, dm.group(3), parse_money(text))
            return
        if dm and dm.group(1) == "sub_goals" and dm.group(2) is not None and dm.group(3) == "text":
            i = int(dm.group(2))
            goals = draft.department.sub_goals
            if i == len(goals):
                goals.append(SubGoal())
            if i < len(goals):  # further on is no sub-goal: named like any unknown path below
                goals[i].text = text or None
                return
        if m:
            i, rest = int(m.group(1)), m.group(2)
            if i == len(draft.projects):
                draft.projects.append(Project())
            if i < len(draft.projects):
                _set_project(draft.projects[i], rest, text, path)
                return
    except _UnknownPath:
        raise FillError(_unknown(draft, path)) from None
    except (Rejected, ValueError) as exc:
        raise FillError(f"{path}：{exc}") from None
    raise FillError(_unknown(draft, path))


def _unknown(draft: Draft, path: str) -> str:
    if not path.strip():
        return "--set 的等号前没有字段：应写成 字段=值，如 --set department.name=某县社保局 或 --set projects[0].budget.total=1600000"
    m = re.match(r"projects\[(\d+)\]", path)
    if m and int(m.group(1)) > len(draft.projects):  # the next new project's slot is no fix for a typo'd index
        n = len(draft.projects)
        have = f"草稿有 {n} 个项目（projects[0]–projects[{n - 1}]）" if n else "草稿还没有项目"
        return f"没有字段 {path}：{have}，新增项目写 projects[{n}]"
    if re.search(r"\[-\d+\]", path):  # projects[-1] had been offered projects[1]
        return f"没有字段 {path}：序号从 0 数起，不能为负（第一个项目是 projects[0]）"
    n = len(draft.projects)
    inside = [p for p in known_paths(draft) if p.startswith((path + ".", path + "[")) and not p.startswith(f"projects[{n}]")]
    if inside:  # a table named, not one of its fields (projects had been offered projects[7].unit)
        example = next((p for p in inside if p.endswith((".name", ".value"))), inside[0])
        return f"{path} 是一组字段，不是一个字段：请写到其中的字段，如 --set {example}=…"
    root = re.match(r"[A-Za-z_]*", path).group(0)  # type: ignore[union-attr]
    # the same kind of place only (department.… is no typo of projects[7].…), and not the new project's slot
    known = [p for p in known_paths(draft) if not p.startswith(f"projects[{n}]")]
    roots = {re.match(r"[A-Za-z_]*", p).group(0) for p in known}  # type: ignore[union-attr]
    paths = [p for p in known if p.startswith(root)] if root in roots else known
    near = difflib.get_close_matches(path, paths, n=1, cutoff=0.5)
    return f"没有字段 {path}" + (f"；是否指 {near[0]}？" if near else "")


def _set_project(p: Project, rest: str, text: str, path: str) -> None:
    rest = re.sub(r"(?<=\.)([^.\[\]]+)$|^([^.\[\]]+)$", lambda m: _attr(
        "indicator" if rest.startswith("indicators[") else "project", m.group(0)), rest)
    if rest in _settable("project"):
        _set_scalar(p, "project", rest, text)
        return
    bm = re.fullmatch(r"budget\.(total|fiscal|other)", rest)
    if bm:
        setattr(p.budget, bm.group(1), parse_money(text) if text.strip() else None)
        return
    if rest == "spending_plan":
        p.spending_plan = parse_plan(text) if text.strip() else None
        return
    pm = re.fullmatch(r"spending_plan\.(mar|jun|oct|dec)", rest)
    if pm:
        p.spending_plan = p.spending_plan or SpendingPlan()
        setattr(p.spending_plan, pm.group(1), _decimal(text, path) if text.strip() else None)
        return
    im = re.fullmatch(r"indicators\[(\d+)\]\.(\w+)", rest)
    if im:
        j, attr = int(im.group(1)), im.group(2)
        if j == len(p.indicators):
            p.indicators.append(Indicator())
        if j < len(p.indicators):
            ind = p.indicators[j]
            if attr in _settable("indicator"):
                _set_scalar(ind, "indicator", attr, text)
                return
            if attr == "basis":
                ind.basis = basis_from_text(text) if text.strip() else None
                return
    raise _UnknownPath(path)


def apply_defaults(conv: Conversation) -> list[str]:
    """Accept every suggestion that needs no typing; stop at the first question that does."""
    done: list[str] = []
    for _ in range(5000):
        if conv.finished:
            break
        p = conv.prompt()
        if not (p.default or p.prefill) and p.step not in ("project.review", "draft.review", "indicator.add", "dept.sub_goals"):
            break
        if p.step == "project.name" and not p.prefill:
            break
        reply = conv.answer("")
        if not reply.ok:
            break
        done.append(p.title)
    return done


_MAX_ANSWERS_BYTES = 8 * 1024 * 1024


def _read_answers(ap: Path) -> dict[str, Any]:
    from .errors import UsageError

    try:
        with open_read(ap) as fh:
            raw = read_capped(fh, _MAX_ANSWERS_BYTES)  # a page or two; a device or a pipe is not read to its end
    except TooLarge:
        raise UsageError(f"{ap}：答案文件超过 8 MiB，不像是答案文件；请给出 TOML 格式的答案文件") from None
    except FileNotFoundError:
        raise UsageError(f"{ap}：答案文件不存在") from None
    except OSError as exc:
        raise UsageError(f"{ap}：无法读取（{os_reason(exc, writing=False)}）") from None
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        # A GBK answers file gave UnicodeDecodeError and a stale lock (issue 19, item 7).
        raise UsageError(f"{ap}：答案文件不是 UTF-8 编码；请另存为 UTF-8（如 iconv -f GB18030 -t UTF-8）") from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{ap}：TOML 格式错误（{'，'.join(x for x in toml_reason(exc)[::-1] if x)}）") from None
    except RecursionError:
        raise UsageError(f"{ap}：数组或表嵌套过深") from None


def _scalar(key: str, value: Any, where: str) -> str:
    """A [set] value as text: text and numbers only (a table became the text "{'category': 1}")."""
    from .errors import UsageError

    if isinstance(value, bool) or not isinstance(value, (str, int, float, Decimal)):
        raise UsageError(f"{where}：{key} 的值应为文本或数字，不能是表、数组、日期或布尔值")
    text = value if isinstance(value, str) else str(value)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise UsageError(f"{where}：{key} 的值不是 UTF-8 文本（终端或脚本的编码可能是 GBK），未填写") from None
    return text


def cmd_fill(args: argparse.Namespace) -> int:
    from .commands.drafting import create_if_missing
    from .errors import UsageError
    from .session import Session

    path = Path(args.file)
    sets: list[tuple[str, Any]] = []
    replay: list[str] = []
    if args.answers:
        ap = Path(args.answers)
        data = _read_answers(ap)
        answers = data.get("answers", [])
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise UsageError(f"{ap}：answers 应为文本列表")
        replay = answers
        table = data.get("set", {})
        if not isinstance(table, dict):
            raise UsageError(f"{ap}：[set] 应为表")
        other = [k for k in data if k not in ("answers", "set")]
        if other:  # a draft or field paths given as answers were ignored: 回答 0 个, exit 0
            raise UsageError(f"{ap}：答案文件只认 answers = [...]（依次回答的文本）和 [set]（路径 = 值），"
                             f"不认识 {'、'.join(other[:5])}；草稿本身请用 perfdraft edit 打开，单个字段用 --set 路径=值")
        sets += [(k, _scalar(k, v, str(ap))) for k, v in table.items()]
    for item in args.set:
        if "=" not in item:
            raise UsageError(f"--set {item}：应写成 路径=值，如 projects[0].budget.other=0")
        key, _, value = item.partition("=")
        sets.append((key.strip(), _scalar(key.strip(), value, "--set")))
    create_if_missing(path, args.year)
    session = Session.open(path, remember=False)
    for text in (m.text for m in session.conv.messages if m.role == "notice"):
        print(f"perfdraft: 注意：{text}", file=sys.stderr)
    try:
        conv = session.conv
        for n, text in enumerate(replay, 1):
            reply = conv.answer(text)
            if not reply.ok:
                reason = next((m.text for m in reply.messages if m.role == "error"), "未被接受")
                msg = session.save()
                saved = "之前的回答已保存" if msg.role != "error" else f"之前的回答也未能保存：{msg.text}"
                raise UsageError(f"{args.answers}：第 {n} 个回答“{text}”未被接受：{reason}（{saved}）")
        for key, value in sets:
            try:
                set_path(conv.draft, key, value)
            except FillError as exc:
                raise UsageError(str(exc)) from None
        filled = apply_defaults(conv) if args.defaults else []
        # --set changes any project: the whole draft is snapshotted, not just the conversation's place.
        msg = session.save(full=True)
        if msg.role == "error":
            raise UsageError(conv.last_saved_error or msg.text)
        remarks = _set_findings(conv.draft, [key for key, _ in sets])
    finally:
        session.close()
    print(f"已填写 {path}：回答 {len(replay)} 个，--set {len(sets)} 项" + (f"，接受默认建议 {len(filled)} 处" if args.defaults else ""))
    for line in remarks.lines:
        print(f"perfdraft: {line}", file=sys.stderr)
    return EXIT_FINDINGS if remarks.errors else EXIT_OK


class _Remarks(NamedTuple):
    lines: list[str]
    errors: int


def _set_findings(draft: Draft, keys: list[str]) -> _Remarks:
    """What the checker says about the places ``--set`` wrote: a value set there is written as given (as
    a typed answer is kept with its error flagged) and checked like one, not left for a later ``check``.
    A row's key covers the row (a value can make its name's unit wrong)."""
    if not keys:
        return _Remarks([], 0)
    from . import checks
    from .places import finding_text

    covered = tuple(m.group(0) if (m := re.match(r"projects\[\d+\]\.indicators\[\d+\]", k)) else k for k in keys)
    # … and a finding on the whole a part was set in (spending_plan.jun: PD309 names the spending_plan)
    found = [f for f in checks.check_draft(draft) if f.severity in ("error", "warning") and (
        f.path.startswith(covered) or "." in f.path and any(k.startswith(f.path + ".") for k in covered))]
    return _Remarks([f"检查：{finding_text(f, draft)}" for f in found], sum(f.severity == "error" for f in found))


__all__ = ["set_path", "known_paths", "apply_defaults", "cmd_fill", "FillError", "Basis", "Budget"]
