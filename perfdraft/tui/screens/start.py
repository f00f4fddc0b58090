"""The start screen: recent drafts, new draft, clone last year's draft, import last year's table, demo."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from ... import locations
from ..widgets.key_bar import KeyBar

if TYPE_CHECKING:
    from ..app import PerfdraftApp


class StartScreen(Screen):
    # Parsed when this screen first opens, not at every start (issue 21).
    DEFAULT_CSS = """
    #start-title {
        text-style: bold;
        padding: 1 2;
    }
    #start-list {
        height: auto;
        max-height: 14;
        margin: 0 2;
    }
    #start-hint {
        padding: 0 2;
    }
    """

    BINDINGS = [Binding("f10,ctrl+q", "app.quit", "退出", id="quit"), Binding("escape", "cancel", "取消", id="cancel")]

    @property
    def _app(self) -> PerfdraftApp:
        return cast("PerfdraftApp", self.app)

    def compose(self) -> ComposeResult:
        yield Static("perfdraft · 绩效目标起草助手", id="start-title")
        self.recent = [p for p in locations.recent() if p.exists()]
        options = [Option(f"打开最近：{p.name}  （{p.parent}）", id=f"recent:{i}") for i, p in enumerate(self.recent)]
        options += [Option("新建草稿…", id="new"), Option("克隆去年的草稿…", id="clone"),
                    Option("导入去年的表格（xlsx、xls、docx、doc、PDF、网页、文本）…", id="import"),
                    Option("打开示例草稿（顺平县社保局 2020，临时副本）", id="demo"), Option("退出", id="quit")]
        yield OptionList(*options, id="start-list")
        yield Static("", id="start-hint")
        yield PathInput(id="start-input")
        yield KeyBar()

    def on_mount(self) -> None:
        self.mode: str | None = None
        self.query_one("#start-input").display = False
        self.query_one(OptionList).focus()
        first_screen_ready = getattr(self.app, "first_screen_ready", None)
        if first_screen_ready is not None:
            first_screen_ready()  # the keys typed ahead go to the list now

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        oid = event.option.id or ""
        if oid.startswith("recent:"):
            self._app.open_draft(self.recent[int(oid.split(":")[1])])
        elif oid == "demo":
            from ...locations import demo_copy

            self._app.open_draft(demo_copy())
        elif oid == "quit":
            self.app.exit(0)
        else:
            self.mode = oid
            hint = {"new": "新草稿的文件名（如 2026-社保局.toml），回车确认：",
                    "clone": "去年的草稿文件路径，回车后在同一目录生成今年的草稿：",
                    "import": "去年的表格文件路径，回车后在同一目录生成同名的 .toml 草稿并打开："}[oid]
            self.question = hint
            self.query_one("#start-hint", Static).update(hint)
            inp = self.query_one("#start-input", Input)
            inp.display = True
            inp.value = ""
            inp.focus()

    @on(Input.Submitted, "#start-input")
    def _path_given(self, event: Input.Submitted) -> None:
        typed = event.value.strip()
        if len(typed) >= 2 and typed[0] == typed[-1] and typed[0] in "'\"":
            typed = typed[1:-1]  # a path dropped into the terminal from a file manager comes quoted
        path = Path(typed).expanduser()
        hint = _UnderQuestion(self.query_one("#start-hint", Static), getattr(self, "question", ""))
        if self.mode == "clone-year":
            self._clone_year(typed, hint)
            return
        if not event.value.strip():
            hint.update("请输入文件名")
            return
        if self.mode == "new":
            if not path.suffix and not path.exists():
                path = path.with_name(path.name + ".toml")  # 2025农村道路养护 made a file with no extension
            if path.exists():
                self.query_one("#start-hint", Static).update(f"{path} 已存在：将直接打开它")
            self._app.open_draft(path, create=True)
        elif self.mode == "clone":
            self._ask_clone_year(path, hint)
        elif self.mode == "import":
            self._app.import_and_open(path, hint)

    def _ask_clone_year(self, path: Path, hint: _UnderQuestion) -> None:
        """Last year's draft read, then its new year asked, last year's + 1 by default (a 2020 draft
        cloned in 2026 became 2021 without a question)."""
        from ...clone import load_last_year
        from ...drafts import DraftError

        try:
            old = load_last_year(path)
        except DraftError as exc:
            hint.update(f"无法克隆：{exc}")
            return
        self.clone_source, self.clone_default = path, (old.year or 0) + 1
        self.mode = "clone-year"
        self.question = f"新草稿的预算年度（{old.year} 年的草稿；回车 = {self.clone_default}）："
        self.query_one("#start-hint", Static).update(self.question)
        self.query_one("#start-input", Input).value = ""

    def _clone_year(self, typed: str, hint: _UnderQuestion) -> None:
        from ...drafts import check_year
        from ...numbers import FULL_WIDTH

        text = typed.translate(FULL_WIDTH).strip().removesuffix("年度").removesuffix("年")
        if text and not text.isdigit():
            hint.update(f"“{typed}”不是年份，请输入四位年份，如 {self.clone_default}")
            return
        year = int(text) if text else self.clone_default
        problem = check_year(year)
        if problem:
            hint.update(problem)
            return
        self._app.clone_and_open(self.clone_source, hint, year)

    def action_cancel(self) -> None:
        self.query_one("#start-input").display = False
        self.query_one("#start-hint", Static).update("")
        self.query_one(OptionList).focus()


class _UnderQuestion:
    """A refusal said under the question it answers: the question and its example stay on screen (an
    empty Enter or a wrong path replaced them with the error alone)."""

    def __init__(self, hint: Static, question: str) -> None:
        self.hint, self.question = hint, question

    def update(self, text: str) -> None:
        self.hint.update(f"{self.question}\n✗ {text}" if self.question else text)


class PathInput(Input):
    """The file question's line: Tab completes the path as a shell does (it moved the focus to the menu,
    and what was typed next went nowhere)."""

    BINDINGS = [Binding("tab", "complete", "补全路径", show=False)]

    def action_complete(self) -> None:
        typed = self.value
        base = Path(typed).expanduser()
        folder, stem = (base, "") if typed.endswith(("/", "\\")) else (base.parent, base.name)
        try:
            names = sorted(e.name + ("/" if e.is_dir() else "") for e in folder.iterdir() if e.name.startswith(stem)
                           and not e.name.startswith("."))
        except OSError:
            names = []
        if not names:
            self.app.bell()
            return
        common = os.path.commonprefix(names)
        if len(common) > len(stem):
            head = typed[: len(typed) - len(stem)] if stem else typed
            self.value = head + common
            self.cursor_position = len(self.value)
        elif len(names) > 1:
            self.app.notify("可选：" + "  ".join(names[:12]) + (" …" if len(names) > 12 else ""), timeout=6)
