"""The main screen: status, transcript, the question (pinned), suggestions, live check, answer line, keys.

At 80×24 everything below the transcript has a capped height, so the question is always on screen
however long the check or the suggestions are; the transcript takes what is left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets.input import Selection

from ...answers import editable_line
from ...conversation import Conversation
from ...prompts import Message, Position, Prompt
from ..widgets.answer_input import AnswerInput
from ..widgets.answer_preview import AnswerPreview
from ..widgets.check_line import CheckLine
from ..widgets.key_bar import KeyBar
from ..widgets.question import QuestionPanel, default_line
from ..widgets.status_line import StatusLine
from ..widgets.suggestions import Suggestions
from ..widgets.transcript import Transcript

if TYPE_CHECKING:
    from pathlib import Path

PLACEHOLDER = "输入回答，回车确认；/help 查看命令"
DEFAULT_PLACEHOLDER = "回车 = 采用上面的建议；Tab 填入后修改"


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
        Binding("f9,ctrl+n", "skip", "跳过", id="skip", tooltip="跳过这一步"),
        Binding("f10", "quit_app", "退出", id="quit", tooltip="保存并退出"),
        Binding("f11,ctrl+r", "confirm_all", "全部确认", id="confirm_all", tooltip="沿用上年内容，确认本项目全部字段"),
        Binding("up", "choice(-1)", "上一项", show=False),
        Binding("down", "choice(1)", "下一项", show=False),
        Binding("tab", "take_choice", "填入建议", show=False, priority=True),
        # the history above the question, from the keyboard (a long import report scrolled out of sight)
        Binding("pageup", "read_back(-1)", "向上翻", show=False),
        Binding("pagedown", "read_back(1)", "向下翻", show=False),
    ]

    def __init__(self, conversation: Conversation, pending: str | None = None, *, findings_first: bool = False) -> None:
        super().__init__()
        self.conv = conversation
        self.pending = pending  # a line typed but not confirmed when the last session hung up
        self.findings_first = findings_first
        self._in_transcript: Prompt | None = None  # the question last written into the transcript
        self._reopen_findings: tuple[str, int] | None = None  # after a jump from the findings view
        # a line typed but not confirmed where the findings view was opened: given back on returning there
        self._parked: tuple[Position, str] | None = None
        self._tabbed: tuple[str, str] | None = None  # (the line before Tab replaced it, what Tab put there)
        self._first_check_due = False  # the first question's check waits until the first frame is out

    def action_read_back(self, direction: int) -> None:
        transcript = self.query_one(Transcript)
        if direction < 0:
            transcript.scroll_page_up(animate=False)
            transcript.following = False  # a new entry no longer pulls the view down while reading back
        else:
            transcript.scroll_page_down(animate=False)
            # the scroll lands after this refresh: following again once back at the newest entry
            self.call_after_refresh(lambda: setattr(transcript, "following", transcript.scroll_y >= transcript.max_scroll_y))

    def compose(self) -> ComposeResult:
        yield StatusLine(id="status")
        yield Transcript(id="transcript")
        yield QuestionPanel(id="question")
        yield Suggestions(id="suggestions")
        yield CheckLine(id="check")
        yield AnswerPreview(id="preview")
        yield AnswerInput(id="answer", placeholder=PLACEHOLDER)
        yield KeyBar()

    def on_mount(self) -> None:
        transcript = self.query_one(Transcript)
        for m in self.conv.messages:
            transcript.add(m)
        self.conv.messages.clear()  # shown; the transcript keeps them from now on
        transcript.add_all(self.conv.take_arrivals())
        self.ask(first=True)
        inp = self.query_one(AnswerInput)
        inp.focus()
        # The preview marks the cursor: follow it when it moves without the text changing (←, Home).
        self.watch(inp, "selection", lambda _: self._preview(inp.value), init=False)
        if self.findings_first and getattr(self.app, "first_frame_shown", True):
            self.call_after_refresh(self.open_findings, "draft", 0)
        # else after_first_frame opens it: the first frame is the question, the findings follow it
        # The catalogue takes a few hundred ms to read: load it on a worker thread once the first screen
        # is up (a user needs seconds to reach the template question; if faster, the engine loads it).
        self.set_timer(1.5, self._preload_catalogue)
        first_screen_ready = getattr(self.app, "first_screen_ready", None)
        if first_screen_ready is not None:
            first_screen_ready()  # the keys typed ahead go to the answer line now

    def _preload_catalogue(self) -> None:
        self.run_worker(self.conv.catalogue, thread=True, exit_on_error=False, group="catalogue")

    # --- the loop: ask, check while typing, answer ------------------------------------------------

    def ask(self, first: bool = False) -> None:
        p = self.conv.prompt()
        self.query_one(QuestionPanel).ask(p)
        inp = self.query_one(AnswerInput)
        restored, self.pending = self.pending, None
        parked = self._parked
        if restored is None and parked is not None and parked[0] == self.conv.pos:
            restored, self._parked = parked[1], None
            self.app.notify(f"已放回你在这里输入但还没确认的“{restored[:30]}”", timeout=5)
        inp.value = restored or p.prefill
        self._tabbed = None
        if restored:
            inp.cursor_position = len(inp.value)  # what they were typing: carry on where they were
        else:
            # The current value is selected: typing replaces it (as in any form), ← or End edits it,
            # Enter keeps it. Typed after a pre-filled value, "100100%" became "≥95%100100%" (issue 18).
            inp.select_for_edit()
        # Textual draws a placeholder with CJK wider than the line as blanks (issue 18): the suggestion
        # itself is shown by the question panel, the placeholder only says how to take it.
        inp.placeholder = DEFAULT_PLACEHOLDER if default_line(p) else PLACEHOLDER
        self.query_one(Suggestions).set_choices(p.choices)
        self.query_one(CheckLine).clear()
        self.query_one(AnswerPreview).display = False
        if first:
            # Checking needs the checker loaded and the whole draft checked: not before the first frame
            # is written (Textual runs call_after_refresh callbacks before it while starting up).
            self.query_one(StatusLine).update(f" {p.title}")
            if getattr(self.app, "first_frame_shown", True):
                self.call_after_refresh(self._after_ask, p.prefill)
            else:
                self._first_check_due = True
        else:
            self._after_ask(p.prefill)

    def after_first_frame(self) -> None:
        if self._first_check_due:
            self._first_check_due = False
            # What is in the line now: a test or a quick user may have moved on since the first question.
            self._after_ask(self.query_one(AnswerInput).value)
            if self.findings_first:
                self.open_findings("draft", 0)

    def _after_ask(self, prefill: str) -> None:
        if prefill:
            self.live_check(prefill)
        self.refresh_status()

    def _hand_over(self, exported: Path) -> None:
        """In a browser (``perfdraft serve``) an exported file is on the server, out of the user's reach:
        send it to the browser as a download. In a terminal it is already beside the draft."""
        if self.app.is_web:
            self.app.deliver_binary(exported, save_filename=exported.name)
            self.query_one(Transcript).add(Message("notice", f"已发送到浏览器下载：{exported.name}"))

    def findings(self) -> tuple[str, list]:
        """What ``/check`` lists here: this project's findings, or the whole draft's outside a project."""
        from .findings import scope_findings, scope_label

        return scope_label(self.conv, "project"), scope_findings(self.conv, "project")

    def refresh_status(self) -> None:
        from ... import checks
        from ...locations import is_demo_copy

        name = self.conv.path.name if self.conv.path else "（未保存）"
        scope, found = self.findings()
        demo = self.conv.path is not None and is_demo_copy(self.conv.path)
        self.query_one(StatusLine).show(self.conv.prompt().title, not self.conv.dirty, checks.counts(found), scope, name,
                                        demo=demo)

    def live_check(self, text: str) -> None:
        check = self.query_one(CheckLine)
        if text.strip() and not text.lstrip().startswith(("/", "／")):
            check.show(self.conv.check(text), getattr(self.app, "ascii_ops", False))
        else:
            check.clear()  # a command is no answer to pass a check (✓ 本栏通过检查 stood under a refused /jump)
        self._preview(text)

    def _preview(self, text: str) -> None:
        inp = self.query_one(AnswerInput)
        self.query_one(AnswerPreview).show_text(text, inp.cursor_position, max(10, inp.content_region.width - 1))

    @on(AnswerInput.Changed)
    def _changed(self, event: AnswerInput.Changed) -> None:
        self.live_check(event.value)
        self.query_one(QuestionPanel).set_typed(event.value)

    @on(AnswerInput.Submitted)
    def _submitted(self, event: AnswerInput.Submitted) -> None:
        self.submit_line(event.value)

    def submit_line(self, value: str) -> None:
        """Enter in the answer line."""
        suggestions = self.query_one(Suggestions)
        chosen = suggestions.current() if suggestions.moved else None
        if chosen is not None and value in ("", self.conv.prompt().prefill):
            # ↑/↓ then Enter on an untouched line: the highlighted choice, not the pre-filled value
            # (a newcomer highlighted item 6 of the 表格样式 and Enter took the 1 in the line)
            self.submit(chosen.value)
            return
        self.submit(value)

    @on(AnswerInput.BlockPasted)
    def _block(self, event: AnswerInput.BlockPasted) -> None:
        self.submit(event.text)

    def submit(self, text: str) -> None:
        scope = _check_scope(text)
        if scope is not None:
            # /check typed here opens the findings list (each finding with its place, Enter to go there)
            # rather than printing the engine's plain list into the transcript.
            self.query_one(AnswerInput).value = ""
            self.open_findings(scope, 0)
            return
        before = self.conv.prompt()
        if not text.strip() and before.suggestion and not before.default and not before.prefill:
            # Enter under a sentence to complete (the goal's pattern with □): it goes into the line,
            # its first □ selected so that typing replaces it; the live check names the □ left.
            self._take_suggestion(before.suggestion)
            return
        transcript = self.query_one(Transcript)
        if self._in_transcript != before:
            # The question goes into the history once it is answered; until then it is pinned below.
            transcript.add(Message("assistant", before.question))
            self._in_transcript = before
        exports_before = len(self.conv.export_log)
        reply = self.conv.answer(text)
        if reply.quit:
            transcript.add_all(reply.messages)
            self.app.exit(0)
            return
        if not reply.ok:
            # The reason once in the history; the findings in the check line, not a third time.
            transcript.add_all([m for m in reply.messages if m.role != "remark" or not reply.findings])
            inp = self.query_one(AnswerInput)
            if not text.startswith("/"):
                # Keep what was typed in the line so it can be fixed, not retyped; an empty Enter that
                # took a suggestion which is refused (a template with □) puts the suggestion there.
                kept = text if text.strip() else before.default
                line = editable_line(kept)  # a pasted row comes back with its cells apart by | (it was lost)
                inp.value = line if line is not None else kept.split("\n")[0]
                # selected, as a value reached by /jump is: typing the fix replaces it (it was appended
                # to: 100100%=100%), ← or End edits it
                inp.select_for_edit()
            elif inp.value.strip() == text.strip():
                inp.select_for_edit()  # a refused command: the next one typed replaces it, not appended to it
            if reply.findings:
                self.query_one(CheckLine).show(reply.findings, getattr(self.app, "ascii_ops", False))
            self.refresh_status()
            return
        transcript.add_all(reply.messages)
        for path in self.conv.export_log[exports_before:]:
            self._hand_over(path)
        # Asked again even when a command left the question as it was (/export, /save, /help): the
        # command stayed in the line, and the answer typed next was appended to it.
        self.ask()
        self._maybe_reopen_findings(text)

    def _maybe_reopen_findings(self, text: str) -> None:
        """After a jump from the findings view: once answered (the engine has returned), show it again."""
        if self._reopen_findings is None or self.conv.return_to is not None:
            return
        if text.startswith("/jump"):
            return
        scope, index = self._reopen_findings
        self._reopen_findings = None
        self.open_findings(scope, index)

    def open_findings(self, scope: str = "project", index: int = 0) -> None:
        from .findings import FindingsResult, FindingsScreen

        typed = self.typed_line()
        if typed is not None and self._parked is None:
            self._parked = (self.conv.pos, typed)

        def chosen(result: FindingsResult | None) -> None:
            if result is None:
                if self._reopen_findings is None:
                    self._parked = None  # closed without a detour: the line is still there, as typed
                return
            # a detour from where the list was opened: fixed, the conversation comes back here (not to
            # where an earlier /jump had started)
            self.conv.return_to = None
            if self._jump(result.path):
                self._reopen_findings = (result.scope, result.index)
            else:
                # No question asks for this place (a total, a whole list): say so, stay on the list.
                self.app.notify("这一处没有对应的问题可以跳转；请用 F3 表格查看，或 /jump 到相关字段", timeout=6)
                self.open_findings(result.scope, result.index)

        self.app.push_screen(FindingsScreen(self.conv, scope, index), chosen)

    def _jump(self, path: str) -> bool:
        before = self.conv.prompt()
        reply = self.conv.answer(f"/jump {path}")
        # The user chose a finding, they did not type this command: it is not shown as theirs, nor its
        # refusal, which names the internal path (the caller says there is no question for it)
        if reply.ok:
            self.query_one(Transcript).add_all([m for m in reply.messages if m.role != "user"])
        if reply.ok and self.conv.prompt() != before:
            self.ask()
        else:
            self.refresh_status()
        return reply.ok

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
        self.open_findings("project", 0)

    def action_save(self) -> None:
        self._command("/save")

    def action_undo(self) -> None:
        self._command("/undo")

    def action_back(self) -> None:
        self._command("/back")

    def action_skip(self) -> None:
        self._command("/skip")

    def action_quit_app(self) -> None:
        # what is typed but not confirmed is kept, put back in the line at the next start (F10 dropped it)
        self.app.quit_pending = self.typed_line()  # type: ignore[attr-defined]
        self._command("/quit")

    def typed_line(self) -> str | None:
        """The answer line when it holds something typed, not the question's pre-filled value."""
        text = self.query_one(AnswerInput).value
        return text if text.strip() and text != self.conv.prompt().prefill else None

    def action_confirm_all(self) -> None:
        self._command("/all")

    def action_choice(self, delta: int) -> None:
        self.query_one(Suggestions).move(delta)

    def _take_suggestion(self, text: str) -> None:
        inp = self.query_one(AnswerInput)
        inp.value = text
        at = text.find("□")
        inp.selection = Selection(at, at + 1) if at >= 0 else Selection.cursor(len(text))

    def action_take_choice(self) -> None:
        suggestions = self.query_one(Suggestions)
        choice = suggestions.current()
        inp = self.query_one(AnswerInput)
        p = self.conv.prompt()
        # the live check's proposed fix (≥9595% → ≥95%), as its line says: a demo's ten slips were retyped
        proposal = next((f.fix for f in self.conv.check(inp.value)[:1] if f.fix and f.fix != inp.value), None) \
            if inp.value.strip() else None
        typed = inp.value != p.prefill and not suggestions.moved
        # for a typed line the check line's proposal, which its （Tab 采用） names, comes before the list's highlighted
        # entry (Tab had put the suggestion 人 for 18000, not =18000人); an untouched line takes the suggestion
        offered = (proposal if typed else None) or (choice.value if choice is not None else (
            p.default if p.default and inp.value in ("", p.prefill) else None)) or proposal
        tabbed, self._tabbed = self._tabbed, None
        if tabbed is not None and inp.value == tabbed[1] and (offered in (None, tabbed[1]) or not suggestions.moved):
            self._take_suggestion(tabbed[0])  # Tab again: what the line held (a clone's goal) comes back
            return
        if "□" in inp.value:
            # a sentence being filled: Tab goes to its next □ (it put the template back over what was typed)
            at = inp.value.find("□", inp.selection.end)
            at = at if at >= 0 else inp.value.find("□")
            inp.selection = Selection(at, at + 1)
            return
        if offered is None:
            return
        before = inp.value
        self._take_suggestion(offered)  # its first □ selected: typing fills it
        if before.strip() and before != offered:
            self._tabbed = (before, offered)
            self.app.notify("再按 Tab 换回原来的内容", timeout=4)


def _check_scope(text: str) -> str | None:
    """"project" / "draft" when ``text`` is /check (any alias, 全部 for the whole draft), else None."""
    from ...steps import COMMAND_BY_WORD

    words = text.strip().lstrip("/／").split(maxsplit=1)
    if not text.strip().startswith(("/", "／")) or not words or COMMAND_BY_WORD.get(words[0]) != "check":
        return None
    return "draft" if len(words) > 1 and words[1].strip() in ("all", "全部", "全稿") else "project"
