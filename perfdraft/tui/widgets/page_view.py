"""A page that fills the screen and scrolls: the help and the table views."""

from __future__ import annotations

from textual.containers import VerticalScroll


class PageView(VerticalScroll):
    # Parsed when a screen with a page first opens, not at every start (issue 21).
    DEFAULT_CSS = """
    PageView {
        width: 100%;
        height: 1fr;
        background: $surface;
        padding: 0 1;
        scrollbar-size-vertical: 1;
    }
    """
