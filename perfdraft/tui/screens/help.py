"""F1: what the current field is, with a good and a bad example, and the commands."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Static

from ...steps import COMMANDS
from ..widgets.key_bar import KeyBar
from ..widgets.page_view import PageView


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,f1,q", "dismiss", "关闭", id="close")]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text, self.text = title, text

    def compose(self) -> ComposeResult:
        body = Text(f"【{self.title_text}】\n", style="bold")
        body.append(self.text + "\n\n命令（在回答栏输入）：\n")
        for c in COMMANDS:
            body.append(f"  /{c.name}（{'、'.join(c.aliases)}）  {c.help}\n")
        from .drafting import DraftingScreen

        keys = [f"{b.key.replace(',', '/').upper()} {b.description}" for b in DraftingScreen.BINDINGS
                if isinstance(b, Binding) and b.description and b.key.startswith("f")]
        body.append("\n按键：" + "  ".join(keys) + "  F2 命令面板\n↑/↓ 选择建议，Tab 把建议填入回答栏再修改，回车确认。")
        with PageView(id="help-view"):
            yield Static(body, markup=False)
        yield KeyBar()
