"""The findings view: every finding with the place it points at in words, scrollable, never cut.

Enter on a finding closes the view with its path; the drafting screen jumps there, and once that
question is answered the conversation returns where it was and this view opens again at the same
finding. F5 switches between this project and the whole draft.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ... import checks, places
from ...conversation import Conversation
from ...text_fit import wrap
from ..widgets.key_bar import KeyBar

SEVERITY_STYLE = {"error": "bold red", "warning": "yellow", "hint": ""}
ORDER = {"error": 0, "warning": 1, "hint": 2}


@dataclass(frozen=True)
class FindingsResult:
    path: str  # where to jump
    scope: str  # "project" | "draft": the list to reopen
    index: int  # the finding chosen, to reopen at


def scope_findings(conv: Conversation, scope: str) -> list[checks.Finding]:
    """The findings ``/check`` lists for ``scope`` ("project": this project, or the draft outside one)."""
    return conv.findings("project" if scope == "project" else "draft")


def scope_label(conv: Conversation, scope: str) -> str:
    return "本项目" if scope == "project" and conv.current_project() is not None else "全稿"


def finding_label(conv: Conversation, f: checks.Finding, width: int = 74) -> Text:
    """Two parts: where (bold), then what and how to fix, indented under it and wrapped at ``width``."""
    words = places.finding_words(f, conv.draft)
    text = Text()
    text.append(words.head + " ", style=SEVERITY_STYLE[f.severity])
    text.append(words.where, style="bold")
    for line in wrap(words.body, max(20, width - 3)):
        text.append(f"\n   {line}")
    return text


class FindingsScreen(ModalScreen[FindingsResult | None]):
    # Parsed when this screen first opens, not at every start (issue 21).
    DEFAULT_CSS = """
    .title {
        padding: 0 1;
        text-style: bold;
    }
    #findings-list {
        height: 1fr;
    }
    """

    BINDINGS = [
        Binding("escape", "close", "关闭", id="close"),
        Binding("f5", "toggle_scope", "本项目/全稿", id="scope"),
        Binding("enter", "go", "跳到该处", show=False),
    ]

    def __init__(self, conversation: Conversation, scope: str = "project", index: int = 0) -> None:
        super().__init__()
        self.conv = conversation
        self.scope = scope if conversation.current_project() is not None else "draft"
        self.start_index = index
        self.found: list[checks.Finding] = []

    def compose(self) -> ComposeResult:
        yield Static("", id="findings-title", classes="title", markup=False)
        yield OptionList(id="findings-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self._fill(self.start_index)
        self.query_one(OptionList).focus()

    def _fill(self, index: int = 0) -> None:
        # Errors first, then warnings, then hints; within each, in the order of the draft.
        self.found = sorted(scope_findings(self.conv, self.scope), key=lambda f: ORDER.get(f.severity, 3))
        e, w, h = checks.counts(self.found)
        where = scope_label(self.conv, self.scope)
        title = f"检查{where}：✗错误 {e}  !警告 {w}  i提示 {h} · 回车跳到该处，改完回到这里"
        self.query_one("#findings-title", Static).update(title)
        ol = self.query_one(OptionList)
        ol.clear_options()
        if not self.found:
            ol.add_option(Option(Text("✓ 没有发现问题"), disabled=True))
            return
        width = self.app.size.width - 6  # the list's border, padding and scrollbar
        ol.add_options([Option(finding_label(self.conv, f, width)) for f in self.found])
        ol.highlighted = min(index, len(self.found) - 1)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._choose(event.option_index)

    def action_go(self) -> None:
        ol = self.query_one(OptionList)
        if ol.highlighted is not None:
            self._choose(ol.highlighted)

    def _choose(self, index: int) -> None:
        if 0 <= index < len(self.found):
            self.dismiss(FindingsResult(self.found[index].path, self.scope, index))

    def action_toggle_scope(self) -> None:
        if self.conv.current_project() is None:
            return
        self.scope = "draft" if self.scope == "project" else "project"
        self._fill(0)

    def action_close(self) -> None:
        self.dismiss(None)
