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
import tomllib
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from .answers import basis_from_text, parse_money, parse_plan
from .conversation import Conversation, open_session
from .model import Basis, Budget, Draft, Indicator, Project, SpendingPlan, SubGoal
from .prompts import Rejected

PROJECT_FIELDS = ("code", "name", "doc_number", "template", "purpose", "goal")
INDICATOR_FIELDS = ("level1", "level2", "name", "description", "value", "formula", "direction", "last_year", "note", "scope")
DEPARTMENT_FIELDS = ("code", "name", "overall_goal", "safeguards")


class FillError(Exception):
    pass


class _UnknownPath(Exception):
    pass


def known_paths(draft: Draft) -> list[str]:
    """Every settable path of this draft (and the next new project), for 'did you mean'."""
    out = ["year", "framework"] + [f"department.{f}" for f in DEPARTMENT_FIELDS]
    out += [f"department.budget.{k}" for k in ("total", "fiscal", "other")]
    out += [f"department.sub_goals[{i}].text" for i in range(len(draft.department.sub_goals) + 1)]
    for i in range(len(draft.projects) + 1):
        out += [f"projects[{i}].{f}" for f in PROJECT_FIELDS]
        out += [f"projects[{i}].budget.{k}" for k in ("total", "fiscal", "other")]
        out += [f"projects[{i}].spending_plan"] + [f"projects[{i}].spending_plan.{k}" for k in ("mar", "jun", "oct", "dec")]
        rows = len(draft.projects[i].indicators) if i < len(draft.projects) else 0
        for j in range(rows + 1):
            out += [f"projects[{i}].indicators[{j}].{f}" for f in (*INDICATOR_FIELDS, "basis", "weight")]
    return out


def _decimal(text: str, path: str) -> Decimal:
    try:
        return Decimal(str(text).replace(",", ""))
    except InvalidOperation:
        raise FillError(f"{path}：“{text}”不是数字") from None


def set_path(draft: Draft, path: str, value: Any) -> None:
    """Set one field by path; raises FillError naming the nearest real path when the path is unknown."""
    text = value if isinstance(value, str) else str(value)
    m = re.fullmatch(r"projects\[(\d+)\]\.(.+)", path)
    try:
        if path == "year":
            draft.year = int(text)
            return
        if path == "framework":
            if text not in ("local-2015", "central-2021"):
                raise FillError("framework 只能是 local-2015 或 central-2021")
            draft.framework = text
            return
        dm = re.fullmatch(r"department\.(\w+)(?:\[(\d+)\])?(?:\.(\w+))?", path)
        if dm and dm.group(1) in DEPARTMENT_FIELDS and not dm.group(2) and not dm.group(3):
            setattr(draft.department, dm.group(1), text or None)
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
    near = difflib.get_close_matches(path, known_paths(draft), n=1, cutoff=0.5)
    return f"没有字段 {path}" + (f"；是否指 {near[0]}？" if near else "")


def _set_project(p: Project, rest: str, text: str, path: str) -> None:
    if rest in PROJECT_FIELDS:
        setattr(p, rest, text or None)
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
            if attr in INDICATOR_FIELDS:
                setattr(ind, attr, text or None)
                return
            if attr == "basis":
                ind.basis = basis_from_text(text) if text.strip() else None
                return
            if attr == "weight":
                ind.weight = _decimal(text, path) if text.strip() else None
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


def cmd_fill(args: argparse.Namespace) -> int:
    from .commands.drafting import create_if_missing
    from .errors import UsageError

    path = Path(args.file)
    create_if_missing(path, args.year)
    sets: list[tuple[str, Any]] = []
    replay: list[str] = []
    if args.answers:
        ap = Path(args.answers)
        try:
            data = tomllib.loads(ap.read_text("utf-8"))
        except FileNotFoundError:
            raise UsageError(f"{ap}：答案文件不存在") from None
        except tomllib.TOMLDecodeError as exc:
            raise UsageError(f"{ap}：TOML 格式错误（{exc}）") from None
        answers = data.get("answers", [])
        if not isinstance(answers, list) or not all(isinstance(a, str) for a in answers):
            raise UsageError(f"{ap}：answers 应为文本列表")
        replay = answers
        table = data.get("set", {})
        if not isinstance(table, dict):
            raise UsageError(f"{ap}：[set] 应为表")
        sets += list(table.items())
    for item in args.set:
        if "=" not in item:
            raise UsageError(f"--set {item}：应写成 路径=值，如 projects[0].budget.other=0")
        key, _, value = item.partition("=")
        sets.append((key.strip(), value))
    conv, lock = open_session(path)
    try:
        for n, text in enumerate(replay, 1):
            reply = conv.answer(text)
            if not reply.ok:
                reason = next((m.text for m in reply.messages if m.role == "error"), "未被接受")
                conv.save()
                raise UsageError(f"{args.answers}：第 {n} 个回答“{text}”未被接受：{reason}（之前的回答已保存）")
        for key, value in sets:
            try:
                set_path(conv.draft, key, value)
            except FillError as exc:
                raise UsageError(str(exc)) from None
        filled = apply_defaults(conv) if args.defaults else []
        msg = conv.save()
        if msg.role == "error":
            raise UsageError(msg.text)
    finally:
        lock.release()
    print(f"已填写 {path}：回答 {len(replay)} 个，--set {len(sets)} 项" + (f"，接受默认建议 {len(filled)} 处" if args.defaults else ""))
    return 0


__all__ = ["set_path", "known_paths", "apply_defaults", "cmd_fill", "FillError", "Basis", "Budget"]
