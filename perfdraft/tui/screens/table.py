"""The current project's table (or the department text), scrollable, in terminal cells."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from ... import table_text
from ...conversation import Conversation
from ..widgets.key_bar import KeyBar
from ..widgets.page_view import PageView


class TableScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f3,q", "dismiss", "关闭", id="close")]

    def __init__(self, conversation: Conversation) -> None:
        super().__init__()
        self.conv = conversation

    def compose(self) -> ComposeResult:
        width = max(40, self.app.size.width - 4)  # padding 1 each side, scrollbar 1, one to spare
        conv = self.conv
        ascii_ops = getattr(self.app, "ascii_ops", False)
        if conv.current_project() is not None:
            i = conv.pos.project
            lines = table_text.project_lines(conv.draft.projects[i], i, width, ascii_ops=ascii_ops)
        else:
            lines = table_text.department_lines(conv.draft, width)
            if conv.pos.step.startswith("project.") and conv.draft.projects:
                # asked for a new project's name: the projects so far follow (F3 showed the department alone)
                for i, project in enumerate(conv.draft.projects):
                    lines += ["", *table_text.project_lines(project, i, width, ascii_ops=ascii_ops)]
        with PageView(id="table-view"):
            yield Static(Text("\n".join(lines), no_wrap=True, overflow="crop"), markup=False)
        yield KeyBar()
