"""Suggestions for the current step, chosen with ↑/↓ and Tab (or by typing their number)."""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...prompts import Choice
from ...text_fit import truncate


class Suggestions(OptionList):
    can_focus = False
    moved = False  # the user moved the highlight (↑/↓) since these choices came: Enter takes it

    def set_choices(self, choices: tuple[Choice, ...]) -> None:
        self.clear_options()
        self.choices = choices
        self.moved = False
        # One line per suggestion, cut with … at the width: a long one (a goal's template sentence)
        # would otherwise fill the list and push the others out. Tab puts it whole in the line.
        width = max(20, (self.size.width or self.app.size.width) - 4)
        for n, c in enumerate(choices, 1):
            head = f"{n}. {c.label}".replace("\n", " ")
            detail = f"  {c.detail}" if c.detail else ""
            if cell_len(head + detail) > width:
                if cell_len(detail) > width // 2:
                    detail = truncate(detail, width // 2)
                head = truncate(head, width - cell_len(detail))
            label = Text(head)
            label.append(detail, style="dim")
            self.add_option(Option(label))
        # Four lines by default; a longer list (the eight table profiles) takes what a tall enough
        # screen leaves after the question, check, answer and keys, so no choice hides below the fold.
        self.styles.max_height = max(4, min(len(choices), self.app.size.height - 16))
        self.display = bool(choices)
        if choices:
            self.highlighted = 0

    def current(self) -> Choice | None:
        choices = getattr(self, "choices", ())
        if self.highlighted is None or not choices:
            return None
        return choices[self.highlighted]

    def move(self, delta: int) -> None:
        choices = getattr(self, "choices", ())
        if not choices:
            return
        self.highlighted = ((self.highlighted or 0) + delta) % len(choices)
        self.moved = True
