"""The answer line. A paste of sheet rows (tabs over lines) or of paragraphs at a question of free text is
answered whole; lines pasted at a one-line question go into the line as one line, for Enter. Textual's
Input would keep only the first line."""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input
from textual.widgets.input import Selection

from ...line_breaks import join_lines


class AnswerInput(Input):
    # Enter typed ahead, before Textual has the terminal in raw mode, reaches it as a line feed (the
    # tty's CR→LF mapping), which Textual reads as Ctrl-J; readline also takes Ctrl-J for Enter.
    BINDINGS = [Binding("ctrl+j", "submit", "回答", show=False)]

    def __init__(self, *args, **kwargs) -> None:
        # Answers are checked by the engine, not by Textual validators: without this, Input still
        # re-styles itself as -valid on the first value (a style pass in the first frame).
        kwargs.setdefault("validate_on", ())
        super().__init__(*args, **kwargs)
        self._edit_from_end = False

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
        text = event.text.replace("\r\n", "\n").replace("\r", "\n")  # terminals paste CR line ends
        one_line = "\n" not in text.strip("\n")
        if "\t" in text and one_line and self._kept_in_line(text.strip("\n")):
            event.stop()
            event.prevent_default()
            return
        if "\t" not in text and not one_line and not self._free_text():
            # Lines pasted at a one-line question (a name copied over two lines): into the line as one
            # line, for Enter to confirm. Answered at once, the user's Enter after the paste answered the
            # next question. At a question of free text the paragraphs are the answer, taken whole.
            event.stop()
            event.prevent_default()
            self.insert_text_at_cursor(join_lines(text))
            return
        if "\t" in text or not one_line:
            event.stop()
            event.prevent_default()
            submit = getattr(self.screen, "submit", None)
            if submit is not None:
                submit(text.strip("\r\n"))  # at once, like Enter below
            else:
                self.post_message(self.BlockPasted(text.strip("\r\n")))

    def _free_text(self) -> bool:
        prompt = getattr(getattr(self.screen, "conv", None), "prompt", None)
        return prompt is not None and prompt().multiline

    def _kept_in_line(self, text: str) -> bool:
        """A pasted line with tabs that is no row to fill: put in the line to be confirmed with Enter (a
        submitted paste had stored a paragraph's tab). One Excel cell copied with its tab ('=100%\t'), or
        any line pasted at a question of free text, where a tab is a space."""
        cell = text.strip("\t ")
        free_text = self._free_text()
        if "\t" in cell and not free_text:
            return False  # an Excel row: answered whole, as before
        self.insert_text_at_cursor(" ".join(part for part in cell.split("\t") if part.strip()) if free_text else cell)
        return True

    # Keys that arrive together (typed ahead, coalesced by a slow SSH link, sent by a script) must act
    # in the order typed. Textual runs a bound key's action (Enter, Backspace, Ctrl-U …) only once the
    # event has bubbled back to the App, i.e. after the printable keys behind it were inserted: "abd⌫c"
    # gave "abd", "Ctrl-U abc" an empty line, "AAA⏎BBB⏎" answered "AAABBB" twice (issue 9). So this
    # line runs its own bindings here, in arrival order, and Enter answers at once, so that the keys
    # typed after it already go to the next question.

    def select_for_edit(self) -> None:
        """The whole line selected, as a value put back to fix or reached by /jump: typing replaces it
        (a fix typed after a refused 100100% made 100100%=100%), while ← → End Home and Backspace edit it
        from its end. Backspace had emptied the line, and the next Enter took the suggestion (a newcomer
        meant to delete a trailing 。: 财政资金 became the suggested 865000)."""
        self.selection = Selection(0, len(self.value))
        self._edit_from_end = bool(self.value)

    _EDIT_KEYS = frozenset({"backspace", "left", "right", "end", "home"})

    def _edit_key(self, key: str) -> bool:
        """A key of the edit set on a line still selected whole by select_for_edit: handled here."""
        whole = self._edit_from_end and self.selection == Selection(0, len(self.value))
        self._edit_from_end = False
        if not whole or key not in self._EDIT_KEYS:
            return False
        end = len(self.value)
        if key == "backspace":
            self.value = self.value[:-1]
            self.cursor_position = end - 1
        else:
            self.cursor_position = {"left": end - 1, "home": 0}.get(key, end)
        return True

    async def _on_key(self, event: events.Key) -> None:
        if self._edit_key(event.key):
            event.stop()
            event.prevent_default()
            return
        if not event.is_printable:
            for binding in self._bindings.key_to_bindings.get(event.key, ()):
                if await self.app.run_action(binding.action, self):
                    event.stop()
                    event.prevent_default()
                    return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        submit = getattr(self.screen, "submit_line", None) or getattr(self.screen, "submit", None)
        if submit is None:
            await super().action_submit()
        else:
            submit(self.value)
