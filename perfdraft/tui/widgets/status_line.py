"""One line: the step, saved or not, error and warning counts, the file.

The counts are handed in by the screen from the same findings that ``/check`` and the findings view
list, so the three never disagree.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

from ...text_fit import truncate


class StatusLine(Static):
    def show(self, step: str, saved: bool, counts: tuple[int, int, int], scope: str, file_name: str,
             demo: bool = False) -> None:
        errors, warnings, _ = counts
        width = self.size.width or self.app.size.width
        # a demo copy is saved where it goes with the process: "已保存" there had read as kept
        state = "示例·退出即删" if demo else "已保存" if saved else "未保存"
        tail = f" │ {state} │ {scope} ✗错误 {errors} !警告 {warnings}"
        # the step gives way first: the counts were cut to “本项目 ✗错误 3 !警告” at 80 columns
        step = truncate(step, max(8, width - cell_len(tail) - 2))
        text = Text()
        text.append(f" {step} │ {state} │ {scope} ")
        text.append(f"✗错误 {errors} ", style="bold red" if errors else "")
        text.append(f"!警告 {warnings}", style="yellow" if warnings else "")
        room = (self.size.width or self.app.size.width) - cell_len(text.plain) - 3
        if room >= 6:  # the file name is the first thing to give way at 80 columns
            text.append(f" │ {truncate(file_name, room)}")
        self.update(text)
