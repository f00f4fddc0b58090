"""The key bar: every shown key of the screen, packed into as many rows as the width needs.

Textual's Footer keeps one row and cuts what does not fit (at 80 columns F9 跳过 and F11 全部确认
were never seen). Here items are ``F1 帮助`` packed greedily, a new row when the next would not
fit; a click on an item presses its key.
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.widget import Widget

GAP = 1  # cells between items


def key_label(binding: Binding) -> str:
    """``f9,ctrl+n`` → ``F9``: the first key, the F-key twin users are told about."""
    first = binding.key.split(",")[0].strip()
    if first.startswith("f") and first[1:].isdigit():
        return first.upper()
    return KEY_NAMES.get(first, first.replace("ctrl+", "Ctrl+"))


KEY_NAMES = {"escape": "Esc", "enter": "Enter", "tab": "Tab", "up": "↑", "down": "↓"}


def pack(items: list[tuple[str, str]], width: int) -> list[list[tuple[str, str]]]:
    """Greedy rows of (key, description) items, each row at most ``width`` cells."""
    rows: list[list[tuple[str, str]]] = [[]]
    used = 0
    for key, desc in items:
        w = cell_len(f"{key} {desc}")
        if rows[-1] and used + GAP + w > width:
            rows.append([])
            used = 0
        used += (GAP if rows[-1] else 0) + w
        rows[-1].append((key, desc))
    return rows


class KeyBar(Widget, can_focus=False):
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        background: $footer-background;
        color: $footer-foreground;
        padding: 0 0;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._hits: list[tuple[int, int, int, str]] = []  # (row, x0, x1, key) for clicks
        # Textual recomputes the active bindings at every call (the focus chain's, Input's thirty among
        # them) and layout and render both ask: kept until the screen says its bindings changed.
        self._items: list[tuple[str, str, str]] | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, screen) -> None:
        self._items = None
        self.refresh(layout=True)

    def items(self) -> list[tuple[str, str, str]]:
        """(label, description, key) of each binding to show, in declaration order, once per action."""
        if self._items is None:
            self._items = self._active_items()
        return self._items

    def _active_items(self) -> list[tuple[str, str, str]]:
        seen: set[str] = set()
        out = []
        bindings = [b for (_, b, _, _) in self.screen.active_bindings.values()]
        # Screen bindings first (the drafting keys in F-key order), then the app's (F2 命令).
        for binding in sorted(bindings, key=_fkey_order):
            if not binding.show or not binding.description or binding.action in seen:
                continue
            seen.add(binding.action)
            out.append((key_label(binding), binding.description, binding.key.split(",")[0].strip()))
        return out

    def _rows(self, width: int) -> list[list[tuple[str, str]]]:
        items = self.items()
        return pack([(k, d) for k, d, _ in items], max(10, width))

    def get_content_height(self, container, viewport, width: int) -> int:
        return len(self._rows(width))

    def render(self) -> Text:
        items = self.items()
        keys = {(k, d): key for k, d, key in items}
        rows = pack([(k, d) for k, d, _ in items], max(10, self.size.width))
        text = Text(no_wrap=True, overflow="crop")
        self._hits = []
        for r, row in enumerate(rows):
            if r:
                text.append("\n")
            x = 0
            for i, (k, d) in enumerate(row):
                if i:
                    text.append(" " * GAP)
                    x += GAP
                text.append(k, style="bold reverse")
                text.append(f" {d}")
                w = cell_len(f"{k} {d}")
                self._hits.append((r, x, x + w, keys[(k, d)]))
                x += w
        return text

    def on_click(self, event: events.Click) -> None:
        for row, x0, x1, key in self._hits:
            if event.y == row and x0 <= event.x < x1:
                self.app.simulate_key(key)
                return


def _fkey_order(binding: Binding) -> tuple[int, int]:
    """Esc first (the way out), then F-keys in order, then the rest as declared."""
    first = binding.key.split(",")[0].strip()
    if first == "escape":
        return (0, 0)
    if first.startswith("f") and first[1:].isdigit():
        return (1, int(first[1:]))
    return (2, 0)
