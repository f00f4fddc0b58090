"""The question being asked, pinned above the answer line so that it never scrolls away.

Below it, one line ``回车 = …``: what Enter on an empty line answers, cut with … to the width (the
whole text goes into the line with Tab).
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from ...prompts import Prompt
from ...text_fit import fit_lines, truncate


class QuestionPanel(Static):
    def __init__(self, **kwargs) -> None:
        super().__init__("", markup=False, **kwargs)
        self.prompt: Prompt | None = None
        self.typed = False  # the answer line holds text: Enter answers that, not the suggestion

    def ask(self, prompt: Prompt) -> None:
        self.prompt = prompt
        self._render_prompt()

    def set_typed(self, line: str) -> None:
        """The answer line now holds ``line``: text other than the question's own pre-filled value turns
        ``回车 = …`` into ``建议：…`` (per keystroke: the prompt shown is compared, none is rebuilt)."""
        typed = bool(line) and (self.prompt is None or line != self.prompt.prefill)
        if typed != self.typed:
            self.typed = typed
            if self.prompt is not None:
                self._render_prompt()

    def on_resize(self) -> None:
        if self.prompt is not None:
            self._render_prompt()

    def _render_prompt(self) -> None:
        p = self.prompt
        assert p is not None
        # Wrapped here, not by Rich, so that a line never breaks inside "项目 1" or a value.
        width = max(20, (self.size.width or self.app.size.width) - 2)  # the padding takes 2 cells
        head = f"【{p.title}】"
        suggestion = default_line(p, self.typed)
        lines = fit_lines(head + p.question, width, MAX_LINES - (1 if suggestion else 0))
        text = Text()
        for i, line in enumerate(lines):
            if i:
                text.append("\n")
            if i == 0 and line.startswith(head):
                text.append(head, style="bold")
                line = line[len(head):]
            text.append(line)
        if suggestion:
            text.append("\n")
            text.append(truncate(suggestion, width), style="italic")
        self.update(text)


MAX_LINES = 5  # the panel's max-height in app.tcss


def default_line(p: Prompt, typed: bool = False) -> str:
    """``回车 = …`` when Enter on an empty line answers something the user cannot see in the line;
    ``建议：…`` when the line already holds another value (Enter keeps that one), or text typed or kept
    after a refusal (回车 = =100% was shown over a refused 100100%, and Enter sent that again)."""
    if not p.default or p.default == p.prefill:
        return ""
    choice = next((c for c in p.choices if c.value == p.default), None)
    shown = f"{p.default}. {choice.label}" if choice is not None and choice.label != p.default else p.default
    shown = shown.replace("\n", " ")
    if p.prefill:
        # The line holds the current value, so Enter answers that, not the suggestion: say so.
        return f"建议：{shown}（Tab 换成建议；回车保留当前值）"
    if typed:
        return f"建议：{shown}（Tab 换成建议；回车提交输入行里的内容）"
    return f"回车 = {shown}（Tab 填入后可修改）"
