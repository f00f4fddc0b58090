"""Characters a reader cannot see in a name or a code: line breaks and tabs, a terminal's control codes,
zero-width and direction marks. A hand-edited or received draft carries them (a paste split a project's
name over lines; a web page's U+200B); matching, sorting and the budget system's upload then differ from
what the reader sees."""

from __future__ import annotations

import re

from ..line_breaks import join_lines

# C0/C1 controls (tab and line feed included here), zero-width and joiners, direction marks and overrides,
# the byte-order mark, the line and paragraph separators
_HIDDEN = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\u2028\u2029\ufeff]")
# a terminal's whole escape sequences (colour, clear screen, window title), not only their ESC
_ESCAPES = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-_]")
_KIND = {"\n": "换行", "\r": "回车符", "\t": "制表符"}


def hidden_in(text: str | None) -> tuple[str, str] | None:
    """(what was found, in words; the text without it) or None."""
    if not text:
        return None
    m = _HIDDEN.search(text)
    if m is None:
        return None
    ch = m.group(0)
    kind = _KIND.get(ch) or (f"控制字符 U+{ord(ch):04X}" if ord(ch) < 0xA0 else f"看不见的字符 U+{ord(ch):04X}")
    lines = _ESCAPES.sub("", text).replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    cleaned = _HIDDEN.sub("", join_lines(lines.replace("\t", " ")))
    return kind, re.sub(r" {2,}", " ", cleaned).strip()
