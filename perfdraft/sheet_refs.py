"""Spreadsheet column letters ↔ numbers (A = 1, Z = 26, AA = 27): cell names in messages, merged
ranges and dimensions read from sheet XML, the fingerprint of an exported workbook."""

from __future__ import annotations


def column_letters(index: int) -> str:
    """The letters of the column at 0-based ``index`` (0 → A)."""
    out = ""
    n = index + 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def column_number(letters: str | bytes) -> int:
    """The 1-based number of upper-case column ``letters`` (str, or bytes straight from the XML)."""
    n = 0
    for ch in letters.encode("ascii") if isinstance(letters, str) else letters:
        n = n * 26 + ch - 64
    return n
