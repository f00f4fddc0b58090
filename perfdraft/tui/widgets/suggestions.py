"""Suggestions for the current step, chosen with ↑/↓ and Tab (or by typing their number)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from ...prompts import Choice


class Suggestions(OptionList):
    can_focus = False

    def set_choices(self, choices: tuple[Choice, ...]) -> None:
        self.clear_options()
        self.choices = choices
        for n, c in enumerate(choices, 1):
            label = Text(f"{n}. {c.label}")
            if c.detail:
                label.append(f"  {c.detail}", style="dim")
            self.add_option(Option(label))
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
