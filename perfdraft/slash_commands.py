"""The slash commands: each word of ``steps.COMMANDS`` mapped to its handler in one table.

A handler gets the engine and the text after the command and returns the messages to show. A new
command is one declaration: ``register(Command("name", ("别名",), "帮助"), handler)``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from . import fields, indicator_steps, overall_steps, review_steps, step_table
from ._lazy import lazy_module
from .prompts import Message, Position
from .steps import COMMANDS, STEP_TEXTS, Command

if TYPE_CHECKING:
    from .engine import Conversation

checks = lazy_module("perfdraft.checks")
symbols = lazy_module("perfdraft.symbols")

Handler = Callable[["Conversation", str], list[Message]]


def _steps() -> dict[str, step_table.Step]:
    from .engine import STEPS

    return STEPS


def cmd_back(conv: Conversation, arg: str) -> list[Message]:
    if not conv.history:
        return [Message("error", "已经是第一步了")]
    conv.pos = conv.history.pop()
    conv.ctx.invalidate()
    return [Message("notice", f"回到：{conv.prompt().title}")]


def cmd_skip(conv: Conversation, arg: str) -> list[Message]:
    pos = conv.pos
    step = _steps()[pos.step]
    if step.required:
        return [Message("error", f"{STEP_TEXTS[pos.step].label}必须填写，不能跳过")]
    if pos.step == "indicator.value" and conv.return_to is None:
        cand = conv.ctx.candidates(pos.project, pos.index)[pos.row]
        if cand.existing is None:  # a template row not taken: not taken for good, and said so (it came back)
            return [Message("notice", f"已跳过：不采用模板指标“{_decline(conv, cand.proposal.name)}”"
                                      "（要用它，在“添加指标”时输入它的名称）")]
    target = step.skip(conv.ctx, pos) if step.skip else step_table.next_in_order(conv.ctx, pos)
    if conv.return_to is not None and step.returns:
        target, conv.return_to = conv.return_to, None
    if pos.step in ("draft.review", "draft.done"):
        conv.finished = True
    conv._go(target)
    return [Message("notice", "已跳过")]


def _decline(conv: Conversation, name: str | None) -> str:
    """A template row the user does not want: recorded in the draft, so that no later walk (after a reload,
    a /back) offers it again, and the next row asked."""
    pos, ctx = conv.pos, conv.ctx
    conv.push_undo()
    project = conv.draft.projects[pos.project]
    if name and name not in project.declined:
        project.declined.append(name)
    ctx.invalidate()
    # the declined row is gone from the candidates: the next one now stands where it stood
    rows = ctx.candidates(pos.project, pos.index)
    conv._go(Position("indicator.value", pos.project, pos.index, pos.row) if pos.row < len(rows)
             else Position("indicator.add", pos.project, pos.index))
    return name or ""


def cmd_del(conv: Conversation, arg: str) -> list[Message]:
    pos, ctx = conv.pos, conv.ctx
    if pos.step == "indicator.value":
        cand = ctx.candidates(pos.project, pos.index)[pos.row]
        nxt = indicator_steps.STEPS["indicator.value"].skip(ctx, pos)  # type: ignore[misc]
        if cand.existing is None:
            return [Message("notice", f"不采用“{_decline(conv, cand.proposal.name)}”")]
        conv.push_undo()
        removed = ctx.remove_row(pos.project, cand.existing)
        conv._go(nxt)
        return [Message("notice", f"已删除“{removed.name}”")]
    row = {"indicator.cell": pos.row, "indicator.more": pos.row, "indicator.edit": pos.index}.get(pos.step)
    if pos.step == "overall.rows":
        rows = overall_steps.overall_rows(ctx, pos.project)
        row = rows[pos.index] if pos.index < len(rows) else None
    if row is None:
        return [Message("error", "/del 只能在指标步骤中使用")]
    conv.push_undo()
    cands = ctx.candidates(pos.project, pos.index) if pos.step == "indicator.more" else []
    k = next((k for k, c in enumerate(cands) if c.existing == row), None)
    removed = ctx.remove_row(pos.project, row)
    if pos.step == "indicator.cell":
        nxt = Position("indicator.add", pos.project, pos.index)
    elif pos.step == "indicator.more" and k is not None:
        nxt = indicator_steps.STEPS["indicator.value"].skip(ctx, Position("indicator.value", pos.project, pos.index, k))  # type: ignore[misc]
    elif pos.step == "overall.rows":
        nxt = pos
    else:
        nxt = conv.return_to or Position("project.review", pos.project)
        conv.return_to = None
    ctx.invalidate()
    conv._go(nxt)
    return [Message("notice", f"已删除“{removed.name}”")]


def cmd_undo(conv: Conversation, arg: str) -> list[Message]:
    if not conv.undo_stack:
        return [Message("error", "没有可以撤销的回答")]
    conv.pop_undo()
    return [Message("notice", f"已撤销，回到：{conv.prompt().title}")]


def cmd_help(conv: Conversation, arg: str) -> list[Message]:
    p = conv.prompt()
    words = "、".join(f"/{c.name}（{c.aliases[0] if c.aliases else ''}）" for c in COMMANDS)
    return [Message("notice", f"【{p.title}】\n{p.help}\n命令：{words}")]


def cmd_commands(conv: Conversation, arg: str) -> list[Message]:
    return [Message("notice", "\n".join(f"/{c.name}  {c.help}" for c in COMMANDS))]


def cmd_table(conv: Conversation, arg: str) -> list[Message]:
    idx = int(arg) - 1 if arg.isdecimal() else conv.pos.project
    return review_steps.table_messages(conv.ctx, idx)


def cmd_check(conv: Conversation, arg: str) -> list[Message]:
    whole = arg in ("all", "全部", "全稿") or conv.current_project() is None
    return review_steps.check_messages(conv.ctx, "draft" if whole else "project", None if whole else conv.pos.project,
                                       limit=None)  # asked for: all of them


def cmd_save(conv: Conversation, arg: str) -> list[Message]:
    if arg.strip():
        return [save_copy(conv, arg.strip())]
    if conv.path is None:
        return [Message("error", "这份草稿没有文件名，无法保存")]
    return [conv.save()]


def save_copy(conv: Conversation, arg: str) -> Message:
    """/save FILE: a copy of the draft as it is now; the session goes on saving to its own file, and
    an existing file is never replaced (it may be another draft, or last year's)."""
    out = Path(arg).expanduser()
    if not out.suffix:
        out = out.with_name(out.name + ".toml")
    if out.suffix.lower() != ".toml":
        return Message("error", f"“{arg}”不是 .toml 文件名：/save 另存的是草稿；导出表格请用 /export xlsx|docx|pdf|csv|md")
    if out.exists() or out.is_symlink():
        return Message("error", f"{out}：文件已存在，未覆盖；请换一个文件名")
    if not out.parent.is_dir():
        return Message("error", f"{out.parent}：目录不存在，未另存")
    from . import drafts
    from .errors import DraftError

    try:
        drafts.save(conv.draft, out)
    except DraftError as exc:
        return Message("error", f"另存失败：{exc}")
    return Message("notice", f"已另存一份到 {out}；本会话仍保存到 {conv.path.name if conv.path else '原文件'}")


def cmd_export(conv: Conversation, arg: str) -> list[Message]:
    fmt = (arg or "xlsx").lower().lstrip(".")
    if fmt not in ("xlsx", "docx", "pdf", "csv", "md"):
        return [Message("error", f"不支持的格式“{arg}”；可用：xlsx、docx、pdf、csv、md")]
    if conv.path is None:
        return [Message("error", "草稿没有文件名，无法确定导出位置")]
    try:
        from .exporters import export_draft

        out = export_target(conv, fmt)
        # Only a file this session exported may be replaced: an existing X.xlsx may be the workbook
        # the draft was imported from, with sheets of its own (issue 19, item 1).
        export_draft(conv.draft, fmt, out, force=out in conv.exported)
        conv.exported.add(out)
        conv.export_log.append(out)
    except ImportError as exc:
        # a library missing, or perfdraft upgraded under a running session (its new modules do not fit
        # the old ones already loaded): say which, and that the draft is safe
        return [Message("error", f"导出功能暂不可用：无法载入 {exc.name or '导出模块'}（安装不完整，或 perfdraft "
                                 "在本会话运行时被更新）。草稿不受影响；请 F10 退出后重新打开再导出，仍不行请重新安装 perfdraft")]
    except Exception as exc:  # noqa: BLE001 - report, keep the session alive
        return [Message("error", f"导出失败：{exc}")]
    e, _, _ = checks.counts(checks.check_draft(conv.draft))
    extra = f"（注意：草稿还有 {e} 个错误）" if e else ""
    from .locations import is_demo_copy

    if is_demo_copy(conv.path):  # said now, not at the farewell after it is gone
        extra += "；这是示例的临时目录，退出后连同导出的文件一起删除，要保留请现在复制出来"
    return [Message("notice", f"已导出 {out}{extra}")]


def export_target(conv: Conversation, fmt: str) -> Path:
    """``<draft>.<fmt>``, or the first free ``<draft>-导出N.<fmt>`` when that is taken by a file this
    session did not write (or is the draft itself: a draft named r.xlsx)."""
    assert conv.path is not None
    draft = conv.path

    def taken(out: Path) -> bool:
        return out == draft or (out not in conv.exported and (out.exists() or out.is_symlink()))

    from .locks import NAME_MAX, fit_name

    out, n = draft.with_suffix(f".{fmt}"), 1
    stem = fit_name(draft.stem, NAME_MAX - len(f"-导出9999.{fmt}".encode()))  # a long name still fits (issue 19)
    while taken(out):
        out, n = draft.with_name(f"{stem}-导出{n}.{fmt}"), n + 1
    return out


def shift_old_dates(conv: Conversation, pi: int) -> list[str]:
    """Deadlines of an earlier year in this year's draft (a clone's ``2025年10月底前`` in 2026): moved
    to the budget year, each change listed. Only whole deadlines are moved, never a 文号."""
    year = conv.draft.year
    if year is None:
        return []
    changed = []
    for i, ind in enumerate(conv.draft.projects[pi].indicators):
        moved = symbols.in_year(ind.value, year)
        if moved is not None:
            changed.append(f"第 {i + 1} 条「{ind.name or ''}」{ind.value} → {moved}")
            ind.value = moved
    return changed


def cmd_all(conv: Conversation, arg: str) -> list[Message]:
    project = conv.current_project()
    if project is None:
        return [Message("error", "/all 用于项目步骤（确认一个项目沿用的全部内容）；部门部分请逐项回车确认，或先 /jump 项目 1 到项目里再用")]
    if not project.confirm and not conv.only_unsettled:
        # a new project has nothing carried over to confirm: /all had skipped its goal and every row the
        # template offered, leaving it without indicators
        return [Message("error", f"项目 {conv.pos.project + 1} 没有沿用待确认的内容：/all（F11）用于克隆或导入的项目，"
                                 "新项目请逐项回答（回车采用建议）")]
    conv.push_undo()
    moved = shift_old_dates(conv, conv.pos.project)
    project.confirm.clear()
    conv._go(Position("project.review", conv.pos.project))
    out = [Message("notice", f"项目 {conv.pos.project + 1} 的内容已全部确认")]
    if moved:
        out.append(Message("notice", f"以下 {len(moved)} 个指标值写着往年的日期，已改为 {conv.draft.year} 年，请核对："
                                      + "；".join(moved)))
    return out


def cmd_copy(conv: Conversation, arg: str) -> list[Message]:
    project = conv.current_project()
    if project is None:
        return [Message("error", "/copy 用于项目的中期指标：把年度指标复制过来作为起点")]
    if not step_table.multi_year(conv.ctx, project):
        return [Message("error", f"本项目没有中期（实施周期）指标：表格样式（{conv.ctx.profile.title}）只有年度指标，"
                                 "项目也不跨年，/copy 不适用；跨年项目请先填写项目的起止年度")]
    pi = conv.pos.project
    conv.push_undo()
    first = len(overall_steps.overall_rows(conv.ctx, pi))
    n = overall_steps.copy_annual_rows(conv.ctx, pi)
    if not n:
        conv.undo_stack.pop()
        return [Message("error", "没有可复制的年度指标（或已全部复制）")]
    conv.ctx.invalidate()
    conv._go(Position("overall.rows", pi, first))
    return [Message("notice", f"已把 {n} 条年度指标复制为中期指标；请逐条改为整个实施周期的指标值（回车保留）")]


def cmd_quit(conv: Conversation, arg: str) -> list[Message]:
    if conv.path is not None and conv.dirty:
        return [conv.save()]
    return [Message("notice", "再见")]


# --- /jump ----------------------------------------------------------------------------------------------


def _current_row(conv: Conversation) -> int | None:
    """The indicator row the user is at, if any (a /jump 描述 edits its description)."""
    pos = conv.pos
    if pos.step in ("indicator.cell", "indicator.more"):
        return pos.row
    if pos.step == "indicator.edit":
        return pos.index
    if pos.step == "indicator.value":
        cands = conv.ctx.candidates(pos.project, pos.index)
        return cands[pos.row].existing if pos.row < len(cands) else None
    if pos.step == "overall.rows":
        rows = overall_steps.overall_rows(conv.ctx, pos.project)
        return rows[pos.index] if pos.index < len(rows) else None
    return None


def _field_by_label(conv: Conversation, label: str, row_known: bool) -> fields.Field | None:
    """The field a label names, preferring what the user is at: a row's column, a project field this
    table has, then the department's (总体目标 is both a department and a project label)."""
    owners = (["indicator"] if row_known else []) + ["project", "department", "draft", "indicator"]
    in_project = conv.current_project() is not None
    for owner in owners:
        f = fields.find(label, owner)
        if f is None:
            continue
        if owner == "project" and not (in_project and conv.ctx.profile.has(f.key)):
            continue
        return f
    if len(label) >= 2:  # a part of a label (描述 → 绩效指标描述), for the row's columns first
        # the field's own name before its aliases: 预算 is the project's 预算数, not 预算单位 (部门名称)
        for named in (lambda f: (f.label,), lambda f: f.labels):
            for owner in owners:
                hits = [f for f in fields.by_owner(owner) if any(label in lab for lab in named(f))
                        and (owner != "project" or in_project)]
                if len(hits) == 1:
                    return hits[0]
    return None


def _position_of_field(conv: Conversation, f: fields.Field, pi: int, row: int | None) -> Position | None:
    steps = _steps()
    if f.owner == "indicator":
        if row is None or not 0 <= pi < len(conv.draft.projects) or not 0 <= row < len(conv.draft.projects[pi].indicators):
            return None
        return Position("indicator.edit", pi, row, field=f.attr)
    sid = next((s.id for s in steps.values() if s.field == f.key), None)
    if sid is None:
        return None
    if f.owner == "project":
        return Position(sid, pi) if pi < len(conv.draft.projects) else None
    return Position(sid)


_PROJECT_JUMP = re.compile(r"项目\s*(\d+)")  # /jump 项目 3 (F4): the project itself, not one of its fields


def jump_target(conv: Conversation, arg: str) -> Position | None:
    arg = arg.strip()
    pi = conv.pos.project
    steps = _steps()
    m = re.match(r"^projects\[(\d+)\](?:\.(.+))?$", arg)
    if m:
        pi = int(m.group(1))
        if pi >= len(conv.draft.projects):
            return None
        rest = m.group(2) or "name"
        m2 = re.match(r"^indicators\[(\d+)\](?:\.(\w+))?", rest)
        if m2:
            f = fields.FIELDS.get(f"indicator.{m2.group(2) or 'value'}")
            return _position_of_field(conv, f, pi, int(m2.group(1))) if f else None
        if rest.startswith("indicators"):
            return Position("indicators", pi)
        key = "project." + ("period_start" if rest.startswith("period") else rest.split("[")[0])
        if key not in steps:
            key = "project." + rest.split(".")[0]
        return Position(key, pi) if key in steps else None
    m = re.match(r"^department\.(\w+)", arg)
    if m and m.group(1) == "budget":
        return Position("dept.budget")
    if m:
        f = fields.FIELDS.get(f"department.{m.group(1)}")
        return _position_of_field(conv, f, pi, None) if f else None
    m = _PROJECT_JUMP.fullmatch(arg)
    if m:
        n = int(m.group(1)) - 1
        return Position("project.name", n) if 0 <= n <= len(conv.draft.projects) else None
    # (第 2 条指标 is the row; 第 2 条 指标值 / 指标名称 name a column of it)
    m = re.match(r"^(?:项目\s*(\d+)\s*[·,，、]?\s*)?第?\s*(\d+)\s*条\s*(?:指标(?![值名描解]))?\s*(?:的)?\s*(.*)$", arg)
    if m:
        if not conv.draft.projects:
            return None
        if m.group(1):
            pi = int(m.group(1)) - 1
        elif conv.current_project() is None:  # at the reviews: the project last worked on
            pi = min(pi, len(conv.draft.projects) - 1)
        f = _field_by_label(conv, m.group(3), True) if m.group(3) else fields.FIELDS["indicator.value"]
        return _position_of_field(conv, f, pi, int(m.group(2)) - 1) if f and f.owner == "indicator" else None
    words = jump_words()
    if arg in words:
        sid = words[arg]
        if sid.startswith(("project.", "indicators")) and pi >= len(conv.draft.projects):
            return None
        return Position(sid, pi) if sid.startswith(("project.", "indicators")) else Position(sid)
    row = _current_row(conv)
    f = _field_by_label(conv, arg, row is not None) if arg else None
    if f is not None:
        return _position_of_field(conv, f, pi, row)
    for word, sid in words.items():
        if arg and arg in word:
            return Position(sid, pi) if sid.startswith(("project.", "indicators")) else Position(sid)
    return None


_ROW_JUMP = re.compile(r"(?:项目\s*(\d+)\s*[·,，、]?\s*)?第?\s*(\d+)\s*条.*")


def _beyond(conv: Conversation, arg: str) -> str | None:
    """A project or row number the draft does not have, said as such: the refusal had listed 项目 N and
    第 N 条 as forms it knows (/jump 项目 99 in a draft of 8)."""
    count = len(conv.draft.projects)
    have = f"草稿中有 {count} 个项目（项目 1–{count}）" if count > 1 else ("草稿中只有项目 1" if count else "草稿中还没有项目")
    m = _PROJECT_JUMP.fullmatch(arg)
    if m:
        return f"没有项目 {m.group(1)}：{have}"
    m = _ROW_JUMP.fullmatch(arg)
    if not m:
        return None
    pi = int(m.group(1)) - 1 if m.group(1) else min(conv.pos.project, count - 1)
    if not 0 <= pi < count:
        return f"没有项目 {pi + 1}：{have}"
    rows = len(conv.draft.projects[pi].indicators)
    if rows == 0:
        return f"项目 {pi + 1} 还没有指标，没有第 {m.group(2)} 条；先添加指标（/jump 指标）"
    if not 1 <= int(m.group(2)) <= rows:
        return f"项目 {pi + 1} 没有第 {m.group(2)} 条指标：共 {rows} 条（第 1–{rows} 条）"
    return None


def jump_words() -> dict[str, str]:
    """Words a user can /jump to besides the field labels, mapped to steps."""
    steps = _steps()
    words = {STEP_TEXTS[s].label: s for s in STEP_TEXTS if s in steps and not s.startswith(("indicator.", "overall."))}
    words.update({"指标": "indicators", "检查": "draft.review", "全稿": "draft.review", "指标框架": "draft.framework",
                  "中期指标": "overall.rows"})
    return words


def cmd_jump(conv: Conversation, arg: str) -> list[Message]:
    target = jump_target(conv, arg)
    column = _field_by_label(conv, arg.strip(), True) if arg.strip() else None
    if target is None and column is not None and column.owner == "indicator":
        return [Message("error", f"“{arg}”是指标的一栏（{column.label}）：先到一条指标再跳，或写 /jump 第 N 条 {arg}")]
    beyond = _beyond(conv, arg.strip()) if target is None else None
    if beyond:
        return [Message("error", beyond)]
    if target is None:
        words = "、".join(list(jump_words())[:16])
        return [Message("error", f"不知道要跳到哪里：“{arg}”。可用：{words}、项目 N、第 N 条、第 N 条 描述、"
                                 "描述/权重 等栏目名（当前这条指标）、或检查结果中的路径")]
    # (/jump 项目 3 and F4; a project's name field reached from a finding, projects[0].name, is a detour)
    follow = target.step == "indicators" or target.step == "project.name" and bool(_PROJECT_JUMP.fullmatch(arg.strip()))
    if follow:
        # Going to a project (F4) is moving on, not a detour to return from: in a clone its settled
        # steps are passed over, and a pending return sent /jump 项目 3 straight back where it started.
        conv.return_to = None
    elif conv.return_to is None:  # a jump from a jump still returns where the user first left
        # (a fix from the whole draft's check goes back to it, as one from a project's check does)
        conv.return_to = conv.pos if conv.pos.step != "draft.done" else None
    conv.ctx.invalidate()
    conv._go(target, follow=follow)
    return [Message("notice", f"跳到：{conv.prompt().title}")]


HANDLERS: dict[str, Handler] = {
    "back": cmd_back, "skip": cmd_skip, "jump": cmd_jump, "undo": cmd_undo, "help": cmd_help, "table": cmd_table,
    "check": cmd_check, "save": cmd_save, "export": cmd_export, "del": cmd_del, "all": cmd_all,
    "commands": cmd_commands, "copy": cmd_copy, "quit": cmd_quit,
}


def register(command: Command, handler: Handler) -> None:
    """Add a slash command: its words (listed by /help and /commands, completed by the line mode)
    and what it does. Registering a name again replaces it."""
    COMMANDS[:] = [c for c in COMMANDS if c.name != command.name] + [command]
    HANDLERS[command.name] = handler


def unregister(name: str) -> None:
    COMMANDS[:] = [c for c in COMMANDS if c.name != name]
    HANDLERS.pop(name, None)
