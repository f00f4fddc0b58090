"""One line: project n/N, the step, saved or not, error and warning counts."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.widgets import Static


class StatusLine(Static):
    def show(self, status: dict[str, Any], file_name: str) -> None:
        saved = "已保存" if status["saved"] else "未保存"
        text = Text()
        step = status["step"]
        if not status["project"]:
            step = f"{step}（共 {status['projects']} 个项目）"
        text.append(f" {step} │ {saved} │ ")
        text.append(f"✗错误 {status['errors']} ", style="bold red" if status["errors"] else "")
        text.append(f"!警告 {status['warnings']}", style="yellow" if status["warnings"] else "")
        text.append(f" │ {file_name}")
        self.update(text)
