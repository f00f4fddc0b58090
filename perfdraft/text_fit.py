"""Fitting text into terminal cells: cut with …, and wrap without splitting a number.

Core (no UI library): the TUI's widgets, the line mode, the table text and the findings use it.

A line break may fall between two CJK characters or at a space, never inside a run such as
``≥125000人``'s ``≥125000`` or ``30元/人·年``'s ``30``: a value split over two lines reads as two values.
"""

from __future__ import annotations

import re

from ._lazy import LazyPattern
from .cells import graphemes
from .cells import width as cell_len  # the one cell-width function

# Atoms that must stay on one line: a value (operator, number, unit: ≥125000人, =30元/人·年, 100%),
# an ASCII word or code (317-1002-JXN), a run of spaces; anything else is one character.
_UNIT = r"(?:[万亿千百]?(?:元|人次|人天|人|个月|个|次|户|件|项|所|家|台|套|名|亩|天|年|月|工作日|日|周岁|周|小时|分钟|岁|平方公里|公里|平方米|立方米|册|本|场|期|批|辆|张|份|篇|座|间|床|吨|米))"
# Compiled on first wrap (~4 ms): the line mode's first paint cuts text but never wraps it.
_ATOM = LazyPattern(rf"[≥≤><=~＞＜]*[0-9][0-9.,:]*(?:[-_][0-9A-Za-z]+)*(?:%|‰|{_UNIT}(?:[/·]{_UNIT})*)?"
                    r"|[≥≤><=~＞＜]+(?=\s*[0-9])"  # an operator is kept with the number after it (below)
                    r"|[A-Za-z][0-9A-Za-z._\-/]*|\s+|.", re.S)


def truncate(text: str, width: int) -> str:
    """The first line of ``text`` in at most ``width`` cells, … marking a cut."""
    first, _, rest = text.partition("\n")
    # No character takes more than two cells: a short text fits unmeasured (the line mode's first
    # paint then never loads the width table).
    if not rest and (len(first) * 2 <= width or cell_len(first) <= width):
        return first
    out, used = "", 0
    for g, w in graphemes(first):  # never inside a cluster (a ZWJ emoji, an accent)
        if used + w > width - 1:
            break
        out += g
        used += w
    return out + "…"


def atoms(text: str) -> list[str]:
    return _ATOM.findall(text)


CLOSING = set("，。、；：？！）》」』”’,.;:?!)]%")  # never at the start of a line (kinsoku)
OPENING = set("（《「『“‘([")  # never at the end of one


def wrap(text: str, width: int) -> list[str]:
    """Wrap ``text`` to ``width`` cells at atom boundaries; explicit line breaks are kept.

    An atom wider than ``width`` on its own is the only thing ever split (by character); closing
    punctuation is not left at the start of a line (the character before it moves down with it)."""
    width = max(1, width)
    lines: list[str] = []
    for para in (text or "").split("\n"):
        line: list[str] = []
        used = 0
        for atom in atoms(para):
            w = cell_len(atom)
            if atom.isspace():
                if used + w <= width:  # else dropped: the next atom makes the break
                    line.append(atom)
                    used += w
                continue
            if used + w > width and line:
                carry: list[str] = []
                head = atom
                while line and line[-1].isspace():
                    line.pop()  # spaces at a break are dropped
                while head in CLOSING and len(line) > 1 and len(carry) < 3:
                    carry.insert(0, line.pop())  # "号）、" moves down together
                    head = carry[0]
                while len(line) > 1 and line[-1].isspace():
                    line.pop()
                while len(line) > 1 and line[-1] in OPENING and len(carry) < 4:
                    carry.insert(0, line.pop())  # "（" goes down with what it opens
                    while len(line) > 1 and line[-1].isspace():
                        line.pop()
                if sum(cell_len(a) for a in carry) + w > width:
                    line += carry  # moving them would not fit either: leave them
                    carry = []
                lines.append("".join(line).rstrip())
                line, used = carry, sum(cell_len(a) for a in carry)
            while used + w > width:  # a single atom too wide for the line: no better place to cut
                if line:
                    lines.append("".join(line).rstrip())
                    line, used = [], 0
                    continue
                cut, cw = "", 0
                for ch in atom:
                    if cw + cell_len(ch) > width:
                        break
                    cut, cw = cut + ch, cw + cell_len(ch)
                lines.append(cut)
                atom = atom[len(cut):]
                w = cell_len(atom)
            line.append(atom)
            used += w
        lines.append("".join(line).rstrip())
    return lines or [""]


def hanging(prefix: str, text: str, width: int) -> list[str]:
    """``prefix`` + ``text`` wrapped to ``width`` cells, the lines after the first indented under the text."""
    indent = " " * cell_len(prefix)
    return [(prefix if i == 0 else indent) + line for i, line in enumerate(wrap(text, width - len(indent)))]


def widest_atom(text: str) -> int:
    return max((cell_len(a) for a in atoms(text or "") if not a.isspace()), default=0)


# Paragraphs of a question that are general advice, dropped first when the panel is short of lines
_HINTS = ("□ 处要填", "权重（", "权重已分配", "原为 ")


def fit_lines(question: str, width: int, budget: int) -> list[str]:
    """The question wrapped into at most ``budget`` lines. Its last paragraph is what is asked, so it
    is kept whole where it can be; the paragraphs before it (a long 口径, a row name) give way first:
    the longest loses a line (its cut marked …) until all fit; one-line heads are dropped last."""
    paragraphs = question.split("\n")
    last = wrap(paragraphs[-1], width)
    heads = [wrap(para, width) for para in paragraphs[:-1]]
    while heads and sum(map(len, heads)) + len(last) > budget:
        # a general hint gives way first, before what comes with the row is cut (its 依据, taken by Enter,
        # had been dropped at 80×24)
        hint = next((i for i, head in enumerate(heads) if head and head[0].startswith(_HINTS)), None)
        longest = max(range(len(heads)), key=lambda i: len(heads[i]))
        if hint is not None:
            heads.pop(hint)
        elif len(heads[longest]) > 1:
            kept = heads[longest][:-1]
            kept[-1] = truncate(kept[-1] + "……", width)
            heads[longest] = kept
        else:
            heads.pop(len(heads) // 2 if len(heads) > 1 else 0)  # the first (the title) stays longest
    lines = [ln for head in heads for ln in head] + last
    return lines[-budget:] if budget > 0 else lines
