"""Tables drawn with box characters (┌─┬─┐ │ ├─┼─┤ └─┴─┘), as print previews and some systems' text
exports draw them: each row's cells may wrap over several lines inside its box.

The box is read as the pipe table it is: border lines go, and the lines between two borders are one
row whose cells are joined column by column (``│农产品开展监督抽检…│`` under ``│按照“四个最严”要求…│``).
"""

from __future__ import annotations

import re

_BORDER = re.compile(r"^\s*[┌├└╔╠╚┏┣┗╒╞╘╓╟╙][─━═┬┼┴╤╪╧╥╫╨╦╬╩┳╋┻\s]*[┐┤┘╗╣╝┓┫┛╕╡╛╖╢╜]\s*$")
_BAR = re.compile(r"[│┃║]")


def unbox(text: str) -> tuple[str, bool]:
    """``text`` with its box-drawn tables as pipe rows, one line per row; whether there were any.
    Line numbers are kept (a row's other lines and the borders become blank lines)."""
    if "│" not in text and "┃" not in text and "║" not in text:
        return text, False
    lines = text.split("\n")
    out = list(lines)
    block: list[int] = []  # the lines of the row being read

    def close() -> None:
        if not block:
            return
        cols: list[list[str]] = []
        for n in block:
            cells = _BAR.split(lines[n].strip())[1:-1] if lines[n].strip().startswith(("│", "┃", "║")) else []
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
        if _BORDER.match(line):
            close()
            out[n] = ""
            found = True
        elif line.strip().startswith(("│", "┃", "║")) and line.rstrip().endswith(("│", "┃", "║")):
            block.append(n)
        else:
            close()
    close()
    return ("\n".join(out), True) if found else (text, False)
