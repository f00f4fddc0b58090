"""The conversation so far: questions, answers and the assistant's remarks, newest at the bottom."""

from __future__ import annotations

from rich.text import Text
from textual.containers import VerticalScroll
from textual.widgets import Static

from ...prompts import Message
from ...text_fit import wrap

ROLE_PREFIX = {"assistant": "助手", "user": "你", "remark": "", "error": "✗", "notice": "·", "table": ""}
MAX_ITEMS = 400  # older entries are dropped from the screen (the draft keeps everything)


class Entry(Static):
    """One message, wrapped by text_fit at the width it is given: Rich wraps only at spaces, so a CJK
    run after a space moved whole to the next line and left the line before it half empty."""

    def __init__(self, text: str, width: int, bold: int = 0, **kwargs) -> None:
        self.plain, self.bold, self.width = text, bold, width
        super().__init__(self._fitted(width), markup=False, **kwargs)

    def _fitted(self, width: int) -> Text:
        text = Text("\n".join(wrap(self.plain, width)), no_wrap=True, overflow="fold")
        if self.bold:
            text.stylize("bold", 0, self.bold)
        return text

    def on_resize(self) -> None:
        width = self.content_region.width
        if width and width != self.width:  # only a change of width re-wraps (a height change would loop)
            self.width = width
            self.update(self._fitted(width))


class Transcript(VerticalScroll):
    can_focus = False

    following = True  # showing the newest entry (False while the user reads back with the mouse wheel)

    def on_resize(self) -> None:
        # The boxes below grew (a two-line check, the answer preview) and shrank the transcript: keep the
        # newest entry in view, as the last answer was hidden under them until the next one came.
        if self.following:
            self.scroll_end(animate=False, immediate=True)

    def on_mouse_scroll_up(self) -> None:
        self.following = False

    def on_mouse_scroll_down(self) -> None:
        self.following = self.scroll_y >= self.max_scroll_y

    def add(self, message: Message) -> None:
        prefix = ROLE_PREFIX.get(message.role, "")
        if message.role in ("assistant", "user"):
            text = f"{prefix}：{message.text}"
        else:
            text = f"{prefix} {message.text}" if prefix else message.text
        # The width the entry will have: the transcript's, less its padding and scrollbar.
        width = max(20, (self.content_region.width or self.app.size.width - 2) - 1)
        self.mount(Entry(text, width, len(prefix) + 1 if message.role == "assistant" else 0, classes=f"msg {message.role}"))
        extra = len(self.children) - MAX_ITEMS
        if extra > 0:
            for child in list(self.children)[:extra]:
                child.remove()
        self.following = True
        self.scroll_end(animate=False)

    def add_all(self, messages: list[Message]) -> None:
        for m in messages:
            self.add(m)
