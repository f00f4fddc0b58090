"""The conversation so far: questions, answers and the assistant's remarks, newest at the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...prompts import Message

ROLE_PREFIX = {"assistant": "助手", "user": "你", "remark": "", "error": "✗", "notice": "·", "table": ""}
MAX_ITEMS = 400  # older entries are dropped from the screen (the draft keeps everything)


class Transcript(VerticalScroll):
    can_focus = False

    def add(self, message: Message) -> None:
        prefix = ROLE_PREFIX.get(message.role, "")
        if message.role == "assistant":
            text = Text(f"{prefix}：", style="bold") + Text(message.text)
        elif message.role == "user":
            text = Text(f"{prefix}：{message.text}")
        elif message.role == "error":
            text = Text(f"{prefix} {message.text}")
        else:
            text = Text(f"{prefix} {message.text}" if prefix else message.text)
        self.mount(Static(text, classes=f"msg {message.role}", markup=False))
        extra = len(self.children) - MAX_ITEMS
        if extra > 0:
            for child in list(self.children)[:extra]:
                child.remove()
        self.scroll_end(animate=False)

    def add_all(self, messages: list[Message]) -> None:
        for m in messages:
            self.add(m)
