"""The whole of a long answer while it is edited: the one-line input shows only a window of it.

Shown only when the text is wider than the input; wrapped at word and value boundaries, the line
with the cursor kept in view, and the cursor marked.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from ...text_fit import wrap

MAX_LINES = 3


class AnswerPreview(Static):
    def show_text(self, value: str, cursor: int, input_width: int) -> None:
        if cell_len(value) <= input_width and "\n" not in value:
            self.display = False
            return
        width = max(20, (self.size.width or self.app.size.width) - 2)
        marked = value[:cursor] + "\x00" + value[cursor:]  # where the cursor is, through the wrap
        lines = wrap(marked, width)  # the marker takes no cell
        at = next((i for i, ln in enumerate(lines) if "\x00" in ln), len(lines) - 1)
        start = max(0, min(at - MAX_LINES + 1, len(lines) - MAX_LINES)) if at >= MAX_LINES else 0
        text = Text(style="dim")
        shown = lines[start:start + MAX_LINES]
        for i, line in enumerate(shown):
            if i:
                text.append("\n")
            head, sep, tail = line.partition("\x00")
            text.append(head)
            if sep:
                text.append(tail[:1] or " ", style="reverse")
                text.append(tail[1:])
        more = len(lines) - (start + len(shown))
        if start or more:
            text.append(f"  （全文 {len(lines)} 行，第 {start + 1}–{start + len(shown)} 行）", style="italic")
        self.update(text)
        self.display = True
