"""The answer line. A paste with tabs or line breaks (an Excel row, a paragraph) is answered whole:
Textual's Input would keep only its first line."""

from __future__ import annotations

from textual import events
from textual.message import Message
from textual.widgets import Input


class AnswerInput(Input):
    # A blinking cursor is the only thing that moves on an idle screen: it costs redraws over SSH.
    def on_mount(self) -> None:
        self.cursor_blink = False

    class BlockPasted(Message):
        def __init__(self, text: str) -> None:
            super().__init__()
            self.text = text

    def _on_paste(self, event: events.Paste) -> None:
        # Textual runs the base class's _on_paste after this one unless the default is prevented:
        # single-line pastes go there untouched.
        text = event.text
        if "\t" in text or "\n" in text.strip("\r\n"):
            event.stop()
            event.prevent_default()
            self.post_message(self.BlockPasted(text.strip("\r\n")))
