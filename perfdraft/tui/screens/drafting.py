"""The main screen: transcript, live check, suggestions, answer line, status and footer."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Footer

from ...conversation import Conversation
from ...prompts import Message
from ..widgets.answer_input import AnswerInput
from ..widgets.check_line import CheckLine
from ..widgets.status_line import StatusLine
from ..widgets.suggestions import Suggestions
from ..widgets.transcript import Transcript


class DraftingScreen(Screen):
    # Every Ctrl chord has an F-key twin: terminals and SSH clients eat some Ctrl keys. The chords
    # avoid the ones the answer Input already uses (ctrl+a/e/k/u/w/x/c/v/d) and flow control (s/q).
    BINDINGS = [
        Binding("f1", "help", "帮助", id="help", tooltip="解释当前要填的内容"),
        Binding("f3,ctrl+t", "table", "表格", id="table", tooltip="当前项目的表格"),
        Binding("f4,ctrl+l", "projects", "项目", id="projects", tooltip="项目列表，选中跳转"),
        Binding("f5,ctrl+g", "check", "检查", id="check", tooltip="检查当前项目"),
        Binding("f6,ctrl+o", "save", "保存", id="save", tooltip="立即保存"),
        Binding("f7,ctrl+y", "undo", "撤销", id="undo", tooltip="撤销上一个回答"),
        Binding("f8,ctrl+b", "back", "返回", id="back", tooltip="回到上一步"),
        Binding("f9,ctrl+n", "skip", "跳过", id="skip", tooltip="跳过这一步", show=False),
        Binding("f10", "quit_app", "退出", id="quit", tooltip="保存并退出"),
        Binding("f11,ctrl+r", "confirm_all", "全部确认", id="confirm_all", tooltip="沿用上年内容，确认本项目全部字段", show=False),
        Binding("up", "choice(-1)", "上一项", show=False),
        Binding("down", "choice(1)", "下一项", show=False),
        Binding("tab", "take_choice", "填入建议", show=False, priority=True),
    ]

    def __init__(self, conversation: Conversation, pending: str | None = None) -> None:
        super().__init__()
        self.conv = conversation
        self.pending = pending  # a line typed but not confirmed when the last session hung up

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield Transcript(id="transcript")
        yield Suggestions(id="suggestions")
        yield CheckLine(id="check")
        yield AnswerInput(id="answer", placeholder="输入回答，回车确认；/help 查看命令")
        yield Footer()

    def on_mount(self) -> None:
        transcript = self.query_one(Transcript)
        for m in self.conv.messages:
            transcript.add(m)
        self.conv.messages.clear()  # shown; the transcript keeps them from now on
        transcript.add_all(self.conv.take_arrivals())
        self.ask(first=True)
        self.query_one(AnswerInput).focus()
        # The catalogue takes a few hundred ms to read: load it on a worker thread once the first screen
        # is up (a user needs seconds to reach the template question; if faster, the engine loads it).
        self.set_timer(1.5, self._preload_catalogue)

    def _preload_catalogue(self) -> None:
        self.run_worker(self.conv.catalogue, thread=True, exit_on_error=False, group="catalogue")

    # --- the loop: ask, check while typing, answer ------------------------------------------------

    def ask(self, first: bool = False) -> None:
        p = self.conv.prompt()
        self.query_one(Transcript).add(Message("assistant", p.question))
        inp = self.query_one(AnswerInput)
        inp.value, self.pending = (self.pending or p.prefill), None
        inp.cursor_position = len(inp.value)
        inp.placeholder = f"回车 = {p.default}" if p.default else "输入回答，回车确认；/help 查看命令"
        self.query_one(Suggestions).set_choices(p.choices)
        self.query_one(CheckLine).clear()
        if first:
            # Checking needs the checker loaded: do it right after the first screen is painted.
            self.query_one(StatusLine).update(f" {p.title}")
            self.call_after_refresh(self._after_ask, p.prefill)
        else:
            self._after_ask(p.prefill)

    def _after_ask(self, prefill: str) -> None:
        if prefill:
            self.live_check(prefill)
        self.refresh_status()

    def refresh_status(self) -> None:
        name = self.conv.path.name if self.conv.path else "（未保存）"
        self.query_one(StatusLine).show(self.conv.status(), name)

    def live_check(self, text: str) -> None:
        self.query_one(CheckLine).show(self.conv.check(text), self.app.ascii_ops) if text.strip() else self.query_one(CheckLine).clear()

    @on(AnswerInput.Changed)
    def _changed(self, event: AnswerInput.Changed) -> None:
        self.live_check(event.value)

    @on(AnswerInput.Submitted)
    def _submitted(self, event: AnswerInput.Submitted) -> None:
        self.submit(event.value)

    @on(AnswerInput.BlockPasted)
    def _block(self, event: AnswerInput.BlockPasted) -> None:
        self.submit(event.text)

    def submit(self, text: str) -> None:
        before = self.conv.prompt()
        reply = self.conv.answer(text)
        transcript = self.query_one(Transcript)
        transcript.add_all(reply.messages)
        if reply.quit:
            self.app.exit(0)
            return
        if not reply.ok:
            # Keep what was typed in the line so it can be fixed, not retyped.
            inp = self.query_one(AnswerInput)
            if not text.startswith("/"):
                inp.value = text.split("\n")[0] if "\t" not in text else inp.value
                inp.cursor_position = len(inp.value)
            self.query_one(CheckLine).show(reply.findings, self.app.ascii_ops) if reply.findings else None
            self.refresh_status()
            return
        after = self.conv.prompt()
        if after != before or not text.startswith("/"):
            self.ask()
        else:
            self.refresh_status()

    # --- actions -------------------------------------------------------------------------------

    def _command(self, command: str) -> None:
        self.submit(command)

    def action_help(self) -> None:
        from .help import HelpScreen

        p = self.conv.prompt()
        self.app.push_screen(HelpScreen(p.title, p.help))

    def action_table(self) -> None:
        from .table import TableScreen

        self.app.push_screen(TableScreen(self.conv))

    def action_projects(self) -> None:
        from .projects import ProjectsScreen

        def chosen(index: int | None) -> None:
            if index is not None:
                self._command(f"/jump 项目 {index + 1}")

        self.app.push_screen(ProjectsScreen(self.conv), chosen)

    def action_check(self) -> None:
        self._command("/check")

    def action_save(self) -> None:
        self._command("/save")

    def action_undo(self) -> None:
        self._command("/undo")

    def action_back(self) -> None:
        self._command("/back")

    def action_skip(self) -> None:
        self._command("/skip")

    def action_quit_app(self) -> None:
        self._command("/quit")

    def action_confirm_all(self) -> None:
        self._command("/all")

    def action_choice(self, delta: int) -> None:
        self.query_one(Suggestions).move(delta)

    def action_take_choice(self) -> None:
        choice = self.query_one(Suggestions).current()
        inp = self.query_one(AnswerInput)
        if choice is None:
            default = self.conv.prompt().default
            if default and not inp.value:
                inp.value = default
                inp.cursor_position = len(default)
            return
        inp.value = choice.value
        inp.cursor_position = len(choice.value)
