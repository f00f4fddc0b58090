"""The one measure of text width in terminal cells, for the renderer, the exporters and the importers.

Built on ``rich.cells``: Textual draws the TUI with it, so a table measured here lines up on the TUI's
screen, and it knows grapheme clusters (a ZWJ emoji family is one 2-cell glyph, a combining accent
adds nothing, zero-width spaces and control characters take no cell). CJK ideographs and full-width
forms take 2 cells.

East-Asian "ambiguous" characters (≥ ≤ ① “ ” … ×) are one cell in most terminals, but CJK fonts in
Word and Excel draw them full width: the exporters ask for ``ambiguous=2``.

rich is imported on first use, not at import: ``perfdraft check``/``show`` and the line mode would
otherwise pay for it at start-up whether or not they measure anything.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from unicodedata import east_asian_width

_cell_len: Callable[[str], int] | None = None


def _measure(text: str) -> int:
    global _cell_len
    if _cell_len is None:
        from rich.cells import cell_len

        _cell_len = cell_len
    return _cell_len(text)


def width(text: str, *, ambiguous: int = 1) -> int:
    """Cells ``text`` takes on one line; ``ambiguous=2`` counts East-Asian ambiguous characters as 2."""
    if text.isascii() and text.isprintable():
        return len(text)  # the common case, without a call into rich
    n = _measure(text)
    if ambiguous == 2:
        n += sum(1 for ch in text if east_asian_width(ch) == "A" and _measure(ch) == 1)
    return n


def graphemes(text: str) -> Iterator[tuple[str, int]]:
    """``text`` as (grapheme cluster, cells) pairs: what wrapping and truncating must keep whole."""
    if text.isascii() and text.isprintable():
        yield from ((ch, 1) for ch in text)
        return
    from rich.cells import split_graphemes

    spans, _ = split_graphemes(text)
    for start, end, cells in spans:
        yield text[start:end], cells
