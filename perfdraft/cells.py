"""The one measure of text width in terminal cells, for the renderer, the exporters and the importers.

Built on ``rich.cells``: Textual draws the TUI with it, so a table measured here lines up on the TUI's
screen, and it knows grapheme clusters (a ZWJ emoji family is one 2-cell glyph, a combining accent
adds nothing, zero-width spaces and control characters take no cell). CJK ideographs and full-width
forms take 2 cells.

East-Asian "ambiguous" characters (≥ ≤ ① “ ” … ×) are one cell in most terminals, but CJK fonts in
Word and Excel draw them full width: the exporters ask for ``ambiguous=2``.

Speed: the exporters measure every cell of thousands of tables. Basic-plane text without a ZWJ or
an emoji variation selector is counted with two regular expressions built once from rich's own width
table (wide and zero-width code points), so the count runs in C and agrees with rich by construction
(a property test checks it); other text (emoji, CJK extension B) goes through ``rich.cells.cell_len``. rich is imported on first use,
not at import: ``perfdraft check``/``show`` and the line mode would otherwise pay for it at start-up.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from unicodedata import east_asian_width

# ZWJ and VS16 (widths that depend on the neighbours) and anything above the basic plane: rich's way.
_SLOW = re.compile("[\u200d\ufe0f\U00010000-\U0010ffff]")
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


def width(text: str, *, ambiguous: int = 1) -> int:
    """Cells ``text`` takes on one line; ``ambiguous=2`` counts East-Asian ambiguous characters as 2."""
    if text.isascii() and text.isprintable():
        return len(text)  # the common case, without a call into rich
    global _rich_first
    if _rich_first > 0 or _SLOW.search(text):
        # Compiling the two classes costs ~25 ms of CPU: a start-up that measures a few short strings
        # before its first paint asks rich instead (the same answer: the classes are rich's table).
        _rich_first -= 1
        from rich.cells import cell_len

        n = cell_len(text)
    else:
        n = _fast_width(text)
    if ambiguous == 2:
        n += _ambiguous_narrow(text)
    return n


_rich_first = 200  # non-ASCII measurements left before the classes are worth compiling


def _fast_width(text: str) -> int:
    """Cells of basic-plane ``text`` without ZWJ / VS16, counted by the two classes (in C)."""
    wide, zero = _classes()
    return len(text) + _count(wide, text) - _count(zero, text)


def graphemes(text: str) -> Iterator[tuple[str, int]]:
    """``text`` as (grapheme cluster, cells) pairs: what wrapping and truncating must keep whole."""
    if text.isascii() and text.isprintable():
        yield from ((ch, 1) for ch in text)
        return
    from rich.cells import split_graphemes

    spans, _ = split_graphemes(text)
    for start, end, cells in spans:
        yield text[start:end], cells


def _count(pattern: re.Pattern[str], text: str) -> int:
    return len(text) - len(pattern.sub("", text))


def _char_class(ranges: list[tuple[int, int]]) -> re.Pattern[str]:
    """A character class of the basic-plane part of ``ranges``: re compiles such a class to a bitmap
    (one step per character); a single code point above U+FFFF would make it a list of ranges."""
    bmp = [(a, min(b, 0xFFFF)) for a, b in ranges if a <= 0xFFFF]
    if not bmp:
        return re.compile("(?!)")
    # "+": a run of CJK is one match to remove, not one per character.
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in bmp) + "]+")


@lru_cache(maxsize=1)
def _classes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Wide and zero-width code points as rich measures them (its table, plus the C0/C1 controls it
    counts as zero)."""
    from rich._unicode_data import load

    table = load("auto").widths
    wide = [(a, b) for a, b, w in table if w == 2]
    zero = [(a, b) for a, b, w in table if w == 0] + [(0x01, 0x1F), (0x7F, 0x9F)]
    return _char_class(wide), _char_class(sorted(zero))


@lru_cache(maxsize=1)
def _ambiguous_class() -> re.Pattern[str]:
    """Basic-plane ambiguous characters that rich draws one cell wide (those a CJK font widens)."""
    from rich.cells import get_character_cell_size

    ranges: list[tuple[int, int]] = []
    for cp in range(0xA1, 0x10000):
        ch = chr(cp)
        if east_asian_width(ch) == "A" and get_character_cell_size(ch) == 1:
            if ranges and ranges[-1][1] == cp - 1:
                ranges[-1] = (ranges[-1][0], cp)
            else:
                ranges.append((cp, cp))
    return _char_class(ranges)


def _ambiguous_narrow(text: str) -> int:
    n = _count(_ambiguous_class(), text)
    if _ASTRAL.search(text):  # the supplementary planes' few ambiguous ones (private use, enclosed)
        from rich.cells import get_character_cell_size

        n += sum(1 for ch in _ASTRAL.findall(text) if east_asian_width(ch) == "A" and get_character_cell_size(ch) == 1)
    return n


_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")  # and the bidi overrides (U+202E turns a line round)


def visible(text: str) -> str:
    """``text`` with control characters shown in caret notation (ESC as ^[, BEL as ^G): a draft from
    elsewhere holding a terminal's escape codes must not retitle or clear the user's terminal."""
    if not _CONTROLS.search(text):
        return text
    return _CONTROLS.sub(lambda m: "^" + chr((ord(m.group(0)) + 64) % 128) if ord(m.group(0)) < 128
                         else f"<U+{ord(m.group(0)):04X}>", text)
