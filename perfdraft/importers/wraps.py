"""Lines of a text capture put back into the rows they were, before the assemblers read them:

* a PDF viewer's rows whose cells wrapped onto the next line (below);
* a long last cell cut mid-sentence (a 偏差原因) whose rest stands alone on the next line;
* a label and its value merged across a row, which a copy repeats in every column;
* the level rows of an outline-numbered table (``1.1 数量指标 24``: the 二级 with its weights'
  subtotal, read as the level alone);
* a header block copied column by column: the budget's labels, then their amounts.

A viewer's copy puts one space between columns, so the wrapped pieces do not line up under their
columns (cells.py joins those that do). What the pieces are tells where they go: ``标`` under a row
that starts ``产出指 数量指`` finishes its level cells (``产出指标``, ``数量指标``), a level cell may take
three lines (``可持续`` / ``影响指`` / ``标``), and what is left ends the row's value when the value
still reads as one (``2024年4月30日`` + ``前``) or else its name (``…作业覆`` + ``盖率``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .. import numbers
from . import kinds
from .cells import Line
from .column_dump import rows_from_columns, rows_from_pages
from .facts import fact_label
from .page_heads import drop_running_heads

_TAIL_ALONE = 3  # a piece longer than this on a line of its own is a row, not a wrapped end
_TAIL_WITH_LEVELS = 10
_VALUE_TAIL_STARTS = frozenset("前后内以底止左右")
_NAME_ENDS = frozenset({"数", "量", "率", "度", "额"})  # how names end (人数, 数量, 覆盖率, 满意度, 金额), no unit


@lru_cache(maxsize=8192)
def _open_level(text: str) -> bool:
    """A level or header cell cut short: the start of a level word that is not one yet ('产出指',
    '可持续'), or a header label short of its 标 ('一级指')."""
    t = kinds.squash(text)
    if t.endswith("指") and kinds.header_kind(t + "标"):
        return True
    return len(t) >= 2 and kinds.level_of(t) is None and any(w.startswith(t) and w != t for w in kinds.level_forms())


def _pieces(line: Line) -> list[str]:
    return [p for c in line.cells if c for p in c.split()]


def _join(prev: Line, pieces: list[str], in_grid: bool) -> bool:
    """Put ``pieces`` into ``prev``'s cells when they are its wrapped ends; False (nothing changed)
    when they are not all."""
    cells = [c or "" for c in prev.cells]
    # (a level short of its 指标, '社会效益' over '指标', is open too)
    open_at = [i for i, c in enumerate(cells) if c and (_open_level(c) or not c.endswith("标") and kinds.level_of(c)
                                                         and kinds.level_of(c + "指标"))]
    tails: list[str] = []
    for piece in pieces:
        at = next((i for i in open_at if _open_level(cells[i] + piece) or kinds.level_of(cells[i] + piece)
                   or kinds.header_kind(cells[i] + piece)), None)
        if at is None:
            tails.append(piece)
            continue
        cells[at] += piece
        if not _open_level(cells[at]):
            open_at.remove(at)
    limit = _TAIL_WITH_LEVELS if len(tails) < len(pieces) else _TAIL_ALONE
    if len(tails) == 2 and _ends_value(cells, tails[1]):
        limit = _TAIL_WITH_LEVELS  # '完成时间 前': the name's tail beside the value's, which vouches for the line
    if len(tails) > 2 or any(len(t) > limit or kinds.value_like(t) or kinds.level_of(t) for t in tails):
        return False
    if tails and not in_grid:
        return False
    for tail in tails:
        values = [i for i, c in enumerate(cells) if c and kinds.value_like(c)]
        if not values:
            return False
        v = values[-1]
        # the value's own end: a unit after a bare number ('≥60' / '次'), a deadline's 前 or 以内;
        # anything else ends the name ('…任务完成' / '率' under '100%')
        first = values[0]  # the name stands before the row's first value (a 自评表's target, then its actual)
        # ('≥60' / '次' is the value's unit; '≥1800' / '数' ends the name: a name's last word, no unit)
        if kinds.value_like(cells[v] + tail) and (cells[v][-1:].isdigit() and tail not in _NAME_ENDS
                                                  or tail[0] in _VALUE_TAIL_STARTS):
            cells[v] += tail
        elif first > 0 and cells[first - 1]:
            cells[first - 1] += tail
        else:
            return False
    prev.cells = [c or None for c in cells]
    return True


def _lead_level_tail(prev: Line, line: Line) -> None:
    """'质量指 造林成活率 ≥85%' over '标 林业有害生物成灾率 ≤3.5‰': the next row starts with the end of the
    level cell above it ('标'), then its own cells. The end goes up; the row stays a row."""
    if len(line.texts()) < 3:
        return
    # (a level cell of the row above already whole, 满意度指标 before 服务对象满意, takes no end)
    tops = [k for k, c in enumerate(prev.cells) if c and not (kinds.level_of(c) and c.endswith("标"))]
    firsts = [k for k, c in enumerate(line.cells) if c]
    # '产出指 数量指 完成营造林面积' over '标 标 天然林资源管护面积': each leading end finishes the next cell above
    for top, first in zip(tops, firsts, strict=False):
        piece, head = line.cells[first] or "", prev.cells[top] or ""
        if not (len(piece) <= 3 and kinds.level_of(head + piece) and kinds.level_of(head + piece) != kinds.level_of(head)
                and not kinds.level_of(piece)):
            return
        prev.cells = [*prev.cells[:top], head + piece, *prev.cells[top + 1:]]
        line.cells = [*line.cells[:first], None, *line.cells[first + 1:]]


def _level_beside_tail(prev: Line, pieces: list[str]) -> bool:
    """'每个助餐点年度运营补助标 ≤3万元/个' over '成本指标 准': a 二级 cell centred on a two-line row is printed
    on its second line, beside the name's wrapped end. The end finishes the name above (before its value)."""
    if len(pieces) != 2 or kinds.level_of(pieces[0]) is None or len(pieces[1]) > 2 or kinds.level_of(pieces[1]) \
            or kinds.value_like(pieces[1]):
        return False
    cells = [c or "" for c in prev.cells]
    first = next((k for k, c in enumerate(cells) if c and kinds.value_like(c)), None)
    if first is None or first == 0 or not cells[first - 1] or kinds.level_of(cells[first - 1]):
        return False
    prev.cells = [*prev.cells[:first - 1], cells[first - 1] + pieces[1], *prev.cells[first:]]
    return True


def _level_beside_lone_tail(name: Line, value: Line, pieces: list[str]) -> bool:
    """'水质检测覆盖集中供水工程' / '100%' / '产出指标  比例': a three-line row (name, value, name's end) with a
    merged 一级 printed beside its last line. The end finishes the name; the level heads the row."""
    if len(pieces) != 2 or kinds.level_of(pieces[0]) is None or len(pieces[1]) > 3 or kinds.level_of(pieces[1]) \
            or kinds.value_like(pieces[1]) or name.spaced or value.spaced:
        return False
    names, values = name.texts(), value.texts()
    if len(names) != 1 or len(values) != 1 or not kinds.value_like(values[0]) or kinds.value_like(names[0]) \
            or kinds.level_of(names[0]) or kinds.header_kind(names[0]):
        return False
    name.cells = [names[0] + pieces[1]]
    return True


def _ends_value(cells: list[str], tail: str) -> bool:
    """``tail`` finishes the row's last value as a deadline's or a limit's end does ('2024年6月30日' + '前')."""
    values = [c for c in cells if c and kinds.value_like(c)]
    return bool(values) and tail[:1] in _VALUE_TAIL_STARTS and kinds.value_like(values[-1] + tail)


def _unrepeated(line: Line) -> None:
    """'项目名称 | X | 项目名称 | X | 项目名称 | X': a label and its value merged across the row, which a
    copy repeats in every column they spanned, are one label and one value."""
    cells = line.cells
    out: list[str | None] = []
    i = 0
    while i < len(cells):
        label, value = cells[i], cells[i + 1] if i + 1 < len(cells) else None
        out.append(label)
        if label and value and fact_label(label) is not None and kinds.squash(label) != kinds.squash(value):
            out.append(value)
            i += 2
            while i + 1 < len(cells) and cells[i] == label and cells[i + 1] == value:
                i += 2
            continue
        i += 1
    line.cells = out


# (and a budget system's level codes: '01 产出指标', '0101 数量指标' above '010101 …' rows)
_OUTLINE = re.compile(r"^\d{1,2}(?:\.\d{1,2})?\.?$|^\d{2}(?:\d{2})?$")


def _outline_level(line: Line) -> None:
    """'1 产出指标 50' / '1.1 数量指标 24': an outline number, a level word and at most a subtotal."""
    cells = [c for c in line.cells if c]
    if 2 <= len(cells) <= 3 and _OUTLINE.match(cells[0]) and kinds.level_of(cells[1]) is not None and (
            len(cells) == 2 or kinds.is_weight(cells[2])):
        line.cells = [cells[1]]
        line.rowed, line.level = False, True


_SENTENCE_END = ("。", "！", "？", "!", "?", "；", ";")


def _continues(prev: Line, text: str) -> bool:
    """A long text cell at the end of a row (a 偏差原因, a 说明) cut mid-sentence, whose rest is the
    next line, alone: joined into it ('…需要，增加' / '2次综合应急演练。')."""
    last = next((c for c in reversed(prev.cells) if c), "")
    return (len(last) >= 8 and not last.endswith(_SENTENCE_END) and not kinds.value_like(last)
            and (not kinds.value_like(text) or text.endswith(_SENTENCE_END))  # '2次综合应急演练。'
            and kinds.level_of(text) is None and len(text) >= 4)


_MONEY_FACTS = frozenset({"total", "fiscal", "other"})


def _money_label(line: Line) -> bool:
    texts = line.texts()
    return len(texts) == 1 and not line.rowed and (fact_label(texts[0]) or ("",))[0] in _MONEY_FACTS


def _amount(line: Line) -> bool:
    texts = line.texts()
    return len(texts) == 1 and numbers.read_decimal(texts[0]) is not None


def _pair_column_runs(lines: list[Line]) -> list[Line]:
    """A header block copied column by column out of a PDF: the budget's labels in a run
    (年度资金总额 / 其中：财政拨款 / 其他资金), and a few lines on as many amounts in a run. Each
    label takes its amount, in order, as one row."""
    out = list(lines)
    i = 0
    while i < len(out):
        k = i
        while k < len(out) and _money_label(out[k]):
            k += 1
        run = k - i
        if run < 2:
            i += 1
            continue
        for start in range(k, min(k + 4, len(out))):
            if all(start + j < len(out) and _amount(out[start + j]) for j in range(run)):
                for j in range(run):
                    label, amount = out[i + j], out[start + j]
                    out[i + j] = Line([label.texts()[0], amount.texts()[0]], label.where, rowed=True)
                    out[start + j] = Line([None], amount.where)
                break
        i = k
    return out


def _name_line(line: Line) -> str | None:
    """The one text of a line that may be an indicator's name (no value, level, head, label or sign-off)."""
    texts = line.texts()
    if len(texts) != 1 or line.rowed or line.para:
        return None
    t = texts[0]
    if len(t) > 40 or kinds.value_like(t) or kinds.level_of(t) or kinds.header_kind(t) or fact_label(t) \
            or kinds.signoff(t) or kinds.table_title(t):
        return None
    return t


def _value_line(line: Line) -> str | None:
    texts = line.texts()
    return texts[0] if len(texts) == 1 and not line.rowed and kinds.value_like(texts[0]) else None


_NAME_VALUE_COLUMNS = frozenset({"l1", "l2", "name", "value"})


def _pair_name_value_runs(lines: list[Line]) -> list[Line]:
    """A grid block read column by column (pdftotext's reading order): its names in a run, then as many
    values in a run. Each name takes its value, in order, as one row; a short piece among the names
    (``人次`` under ``…培训``) is a wrapped name's end where the names outnumber the values."""
    out = list(lines)
    i = 0
    heads: list[str] = []  # the last header's columns: only a grid of levels, names and values is read so
    while i < len(out):
        texts = out[i].texts()
        head = kinds.header_kind(texts[0]) if len(texts) == 1 else None
        if head is not None:
            heads = heads + [head] if i and kinds.header_kind((out[i - 1].texts() or [""])[0]) else [head]
            i += 1
            continue
        if not heads or not set(heads) <= _NAME_VALUE_COLUMNS:
            i += 1
            continue
        k = i
        while k < len(out) and _name_line(out[k]) is not None:
            k += 1
        m = k
        while m < len(out) and _value_line(out[m]) is not None:
            m += 1
        if k - i < 2 or m - k < 2 or m - k > k - i:
            i = max(k, i + 1)
            continue
        names = [_name_line(x) or "" for x in out[i:k]]
        wheres = [x.where for x in out[i:k]]
        while len(names) > m - k:
            short = [j for j in range(1, len(names)) if len(names[j]) <= _TAIL_ALONE]
            if not short:
                break
            j = short[0]
            names[j - 1] += names.pop(j)
            wheres.pop(j)
        if len(names) != m - k:
            i = m
            continue
        rows = [Line([name, _value_line(v)], where, rowed=True) for name, v, where in zip(names, out[k:m], wheres, strict=True)]
        out[i:m] = rows
        i += len(rows)
    return out


def join_wrapped(lines: list[Line]) -> list[Line]:
    """``lines`` with repeated merged label cells made one, and each wrapped line's pieces joined into
    the row above (see the module docstring):
    level and header ends anywhere under a row of two cells or more, name and value ends only below
    the grid's header."""
    out: list[Line] = []
    in_grid = False
    for line in _pair_name_value_runs(_pair_column_runs(rows_from_pages(rows_from_columns(drop_running_heads(lines))))):
        if line.rowed and len(line.cells) >= 4:
            _unrepeated(line)
        if line.rowed:
            _outline_level(line)
        prev = out[-1] if out else None
        if prev is not None and prev.spaced and line.spaced:
            _lead_level_tail(prev, line)
        pieces = _pieces(line)
        if prev is not None and prev.spaced and in_grid and _level_beside_tail(prev, pieces):
            out.insert(len(out) - 1, Line([pieces[0]], line.where))  # the level heads the row it is printed beside
            continue
        if prev is not None and in_grid and len(out) >= 2 and _level_beside_lone_tail(out[-2], prev, pieces):
            out.insert(len(out) - 2, Line([pieces[0]], line.where))
            continue
        if prev is not None and prev.spaced and pieces and len(pieces) <= 4 and not line.para and \
                sum(1 for c in prev.cells if c) >= 2 and _join(prev, pieces, in_grid):
            continue
        if prev is not None and prev.spaced and in_grid and not line.rowed and not line.para and \
                len(line.texts()) == 1 and _continues(prev, line.texts()[0]):
            k = max(i for i, c in enumerate(prev.cells) if c)
            prev.cells = [*prev.cells[:k], (prev.cells[k] or "") + line.texts()[0], *prev.cells[k + 1:]]
            continue
        if sum(1 for c in line.cells if c and kinds.header_kind(c)) >= 3:
            in_grid = True
        out.append(line)
    return out
