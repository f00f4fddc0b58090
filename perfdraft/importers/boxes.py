"""Tables drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as print previews and some systems' text
exports draw them, or with ASCII (+----+----+ | … | +====+, a grid table as pandoc and many tools print
it): each row's cells may wrap over several lines inside its box.

The box is read as the pipe table it is: border lines go, and the lines between two borders are one
row whose cells are joined column by column (``│农产品开展监督抽检…│`` under ``│按照“四个最严”要求…│``).
"""

from __future__ import annotations

import re

_BORDER = re.compile(r"^\s*[┌├└╔╠╚┏┣┗╒╞╘╓╟╙][─━═┬┼┴╤╪╧╥╫╨╦╬╩┳╋┻\s]*[┐┤┘╗╣╝┓┫┛╕╡╛╖╢╜]\s*$")
_ASCII_BORDER = re.compile(r"^\s*\+(?:[-=:]+\+)+\s*$")
_BAR = re.compile(r"[│┃║]")
_ASCII_BAR = re.compile(r"\|")


def unbox(text: str) -> tuple[str, bool]:
    """``text`` with its box-drawn tables as pipe rows, one line per row; whether there were any.
    Line numbers are kept (a row's other lines and the borders become blank lines)."""
    ascii_grid = "+-" in text and "|" in text and any(_ASCII_BORDER.match(x) for x in text.split("\n"))
    if "│" not in text and "┃" not in text and "║" not in text and not ascii_grid:
        return text, False
    lines = text.split("\n")
    out = list(lines)
    block: list[int] = []  # the lines of the row being read
    bars = ("│", "┃", "║", "|") if ascii_grid else ("│", "┃", "║")

    def close(joined: bool = True) -> None:
        if not block:
            return
        if not joined:  # '| a | b |' lines no +---+ border closes: a pipe table's rows, left as they are
            block.clear()
            return
        cols: list[list[str]] = []
        for n in block:
            bar = _ASCII_BAR if lines[n].strip().startswith("|") else _BAR
            cells = bar.split(lines[n].strip())[1:-1] if lines[n].strip().startswith(bars) else []
            for i, cell in enumerate(cells):
                while len(cols) <= i:
                    cols.append([])
                if cell.strip():
                    cols[i].append(cell.strip())
        out[block[0]] = "| " + " | ".join("".join(parts) for parts in cols) + " |"
        for n in block[1:]:
            out[n] = ""
        block.clear()

    found = False
    for n, line in enumerate(lines):
        if _BORDER.match(line) or (ascii_grid and _ASCII_BORDER.match(line)):
            close()
            out[n] = ""
            found = True
        elif line.strip().startswith(bars) and line.rstrip().endswith(bars):
            block.append(n)
        else:
            # an ASCII row is a row only when a +---+ border closes it (a pipe table has none)
            close(joined=not (block and lines[block[0]].strip().startswith("|")))
    close()
    return ("\n".join(out), True) if found else (text, False)
