"""The department's projects; Enter jumps to one."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ... import checks
from ...conversation import Conversation
from ..widgets.key_bar import KeyBar


class ProjectsScreen(ModalScreen[int | None]):
    # Parsed when this screen first opens, not at every start (issue 21).
    DEFAULT_CSS = """
    .title {
        padding: 0 1;
        text-style: bold;
    }
    #project-list {
        height: 1fr;
    }
    """

    BINDINGS = [Binding("escape,f4", "dismiss_none", "关闭", id="close")]

    def __init__(self, conversation: Conversation) -> None:
        super().__init__()
        self.conv = conversation

    def compose(self) -> ComposeResult:
        d = self.conv.draft
        yield Static(f"{d.department.name or '未命名部门'} · {len(d.projects)} 个项目（回车跳转，Esc 关闭）", classes="title")
        options = []
        for i, p in enumerate(d.projects):
            e, w, _ = checks.counts(checks.check_project(p, d.framework, f"projects[{i}]", d.year, profile=d.profile))
            options.append(Option(f"{i + 1}. {p.title}  ✗{e} !{w}  {len(p.indicators)} 条指标"))
        options.append(Option(f"{len(d.projects) + 1}. （新增项目）"))
        yield OptionList(*options, id="project-list")
        yield KeyBar()

    def on_mount(self) -> None:
        self.query_one(OptionList).focus()

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option_index)

    def action_dismiss_none(self) -> None:
        self.dismiss(None)
