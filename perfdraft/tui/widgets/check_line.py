"""The live check of what is being typed: symbol and word (not colour alone), reason and fix.

At most two lines (the question above must stay in view): more findings are counted, not shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

from ...cells import width as cell_len
from ...text_fit import truncate

if TYPE_CHECKING:
    from ...checks import Finding

MAX_SHOWN = 2


class CheckLine(Static):
    def show(self, findings: list[Finding], ascii_ops: bool = False) -> None:
        if not findings:
            # Only what is typed here passed: the draft's own count is in the status line.
            self.update(Text("✓ 本栏通过检查", style="green"))
            self.set_class(False, "has-error", "has-warning")
            return
        from ...places import finding_words  # with the first finding, not at start-up

        lines = Text()
        # One finding may take both lines; with more, one line each, cut with …, and the rest counted.
        width = max(20, (self.size.width or self.app.size.width) - 2)
        shown = findings[:MAX_SHOWN]
        more = len(findings) - len(shown)
        for i, f in enumerate(shown):
            if i:
                lines.append("\n")
            style = "bold red" if f.severity == "error" else ("yellow" if f.severity == "warning" else "")
            words = finding_words(f)  # the text being typed: no place (it is the question's)
            head, body = words.head + "：", words.body
            tail = f"（另 {more} 条）" if more and i == len(shown) - 1 else ""
            if i == 0 and f.fix is not None:
                tail = "（Tab 采用）" + tail  # the screen's Tab puts the fix in the line
            if len(shown) > 1:
                body = truncate(body, width - cell_len(head) - cell_len(tail))
            lines.append(head, style=style)
            lines.append(body)
            lines.append(tail, style="italic")
        if ascii_ops:
            lines = Text(lines.plain.replace("≥", ">=").replace("≤", "<="))
        self.update(lines)
        self.set_class(any(f.severity == "error" for f in findings), "has-error")
        self.set_class(not any(f.severity == "error" for f in findings), "has-warning")

    def clear(self) -> None:
        self.update("")
        self.set_class(False, "has-error", "has-warning")
