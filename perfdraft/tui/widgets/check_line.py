"""The live check of what is being typed: symbol and word (not colour alone), reason and fix.

At most two lines (the question above must stay in view): more findings are counted, not shown.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import Static

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
        from ...rules import SEVERITY_LABELS, SEVERITY_SYMBOLS  # with the first finding, not at start-up

        lines = Text()
        for i, f in enumerate(findings[:MAX_SHOWN]):
            if i:
                lines.append("\n")
            style = "bold red" if f.severity == "error" else ("yellow" if f.severity == "warning" else "")
            lines.append(f"{SEVERITY_SYMBOLS[f.severity]} {SEVERITY_LABELS[f.severity]} {f.code}：", style=style)
            lines.append(f.message)
            if f.suggestion:
                lines.append(f" → {f.suggestion}")
        if len(findings) > MAX_SHOWN:
            lines.append(f"（另 {len(findings) - MAX_SHOWN} 条，F1 帮助 / F5 检查）", style="italic")
        if ascii_ops:
            lines = Text(lines.plain.replace("≥", ">=").replace("≤", "<="))
        self.update(lines)
        self.set_class(any(f.severity == "error" for f in findings), "has-error")
        self.set_class(not any(f.severity == "error" for f in findings), "has-warning")

    def clear(self) -> None:
        self.update("")
        self.set_class(False, "has-error", "has-warning")
