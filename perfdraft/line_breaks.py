"""A text's line breaks taken out as a reader joins wrapped lines: none between Chinese characters, a
space between words. Shared by the importers (a cell's breaks) and the answers (a pasted paragraph at a
one-line question)."""

from __future__ import annotations

import re

_BREAK = re.compile(r"\s*\n\s*")
_CJK_PUNCT = frozenset("（）《》、，。：；")


def is_cjk(ch: str) -> bool:
    return bool(ch) and ("\u4e00" <= ch <= "\u9fff" or ch in _CJK_PUNCT)


def join_lines(text: str) -> str:
    """``text`` on one line: '农村饮水\\n安全' → '农村饮水安全', 'Wi-Fi\\ncoverage' → 'Wi-Fi coverage'."""
    t = text.strip()
    if "\n" not in t:
        return t
    return _BREAK.sub(lambda m: "" if is_cjk(t[m.start() - 1:m.start()]) or is_cjk(t[m.end():m.end() + 1])
                      else " ", t)
