"""The current project's table (or the department text), scrollable, in terminal cells."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from ... import render
from ...conversation import Conversation
from ..widgets.key_bar import KeyBar


class TableScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f3,q", "dismiss", "关闭", id="close")]

    def __init__(self, conversation: Conversation) -> None:
        super().__init__()
        self.conv = conversation

    def compose(self) -> ComposeResult:
        width = max(60, self.app.size.width - 4)
        conv = self.conv
        if conv.current_project() is not None:
            i = conv.pos.project
            lines = render.project_table(conv.draft.projects[i], i, width, ascii_ops=self.app.ascii_ops)
        else:
            lines = render.department_text(conv.draft, width)
        with VerticalScroll(id="table-view"):
            yield Static(Text("\n".join(lines)), markup=False)
        yield KeyBar()
