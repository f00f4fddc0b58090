"""Every source as a stream of cells: :class:`Line` objects in reading order.

A line is one table row where the source has rows (``rowed``: pipes, tabs, space-separated rows, xlsx,
docx and ruled PDF tables), or one cell where it has only line order (one cell per line ending in
``|``, cells between blank lines, glued text split by the grammar). Nothing here decides what a cell
means; :mod:`.kinds` classifies and :mod:`.shape` assembles.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..cells import width
from ..value_terms import TREND_ADVERBS, TREND_VERBS
from ..values import BASE_UNITS, BUDGET_TERMS, STATE_TERMS, TERM_SCALE, VAGUE_TERMS
from . import kinds
from .path_rows import path_rows


@dataclass
class Line:
    cells: list[str | None]
    where: str
    rowed: bool = False
    glued: bool = False  # cells split out of glued text by the grammar: the split is reported
    unsure: bool = False  # a cell of the row read blank that may not be (an uncalculated formula)
    para: bool = False  # a document's paragraph outside its tables (docx, web pages)
    spaced: bool = False  # cells cut at spaces (a PDF viewer's copy): a wrapped cell's end may follow
    level: bool = False  # a level row by its place (an outline number), whatever the columns say

    def texts(self) -> list[str]:
        return [c for c in self.cells if c]


# --- text clean-up ----------------------------------------------------------------------------------------

_PINYIN = re.compile(r"\((?=[a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹ])[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹ]{1,7}\)")
# Characters that only traditional text has (a sample is enough to tell a page converted to 繁體).
_TRADITIONAL = set("與為會個們這來時說對從後過還麼點現發開關門問間處實當體氣經歷過數據項標準績級產壹貳參幣萬億區縣鄉鎮"
                   "價認證鑒設計劃資務應報總額")


_LEADER = re.compile(r"(?<=[^\s…·.．・])\s*(?:…{3,}|[·.．・]{6,})\s*(?=[^\s…·.．・])")  # a document's leader dots

# A document-sharing site shows a .doc as numbered chunks of glued text ('1、…', '2、…'), cut anywhere,
# even inside a word or between a name and its value. Long lines, numbered on from 1, no separators,
# each cut mid-sentence (a list of goals '1、…。' '2、…。' ends its items), a table's words inside.
_CHUNK = re.compile(r"^(\d{1,2})、(?=\S)")
_CHUNK_MIN = 150


def join_page_chunks(text: str) -> tuple[str, bool]:
    """The chunks joined back into the first one's line; their own lines are left blank so every later
    line keeps its number."""
    lines = text.split("\n")
    joined = False
    i = 0
    while i < len(lines):
        m = _CHUNK.match(lines[i])
        k = i + 1
        if m and m.group(1) == "1":
            while k < len(lines) and (n := _CHUNK.match(lines[k])) and int(n.group(1)) == k - i + 1 \
                    and _glued_chunk(lines[k - 1]) and "|" not in lines[k]:
                k += 1
        whole = "".join(_CHUNK.sub("", x, count=1) for x in lines[i:k])
        if k > i + 1 and _glued_grid(whole):
            lines[i:k] = [whole] + [""] * (k - i - 1)
            joined = True
        i = k
    return "\n".join(lines), joined


def _glued_chunk(line: str) -> bool:
    t = line.strip()
    return len(t) >= _CHUNK_MIN and "|" not in t and "｜" not in t and len(re.findall(r"\s", t)) < len(t) // 50 \
        and not re.search(r"[。；;！!？?]$", t)


def clean_text(text: str) -> tuple[str, list[str]]:
    """Remove pinyin glosses ('價(jià)') and convert traditional characters, join a document site's
    numbered chunks; the repairs made."""
    repairs = []
    text, joined = join_page_chunks(text)
    if joined:
        repairs.append("文库网站把文档切成了编号的几段（1、2、…），已按原文接回")
    new = _PINYIN.sub("", text)
    if new != text:
        repairs.append("已去除文字中夹带的拼音注音（如“價(jià)”）")
        text = new
    if sum(1 for ch in text if ch in _TRADITIONAL) >= 8:
        try:
            from hanziconv import HanziConv  # type: ignore[import-untyped]
        except ImportError:  # pragma: no cover - a declared dependency
            return text, repairs
        text = HanziConv.toSimplified(text)
        repairs.append("原文为繁体字，已转换为简体字")
    return text, repairs


# --- text layouts ----------------------------------------------------------------------------------------------

_RULE = re.compile(r":?-{3,}:?")
_RULE_LINE = re.compile(r"[+=:\-]*(?:-{3,}|={3,})[-=+: ]*")
_BULLET = re.compile(r"^([^\w\s（(【\[《“\"'#>|｜+*≥≤<>=-]{1,2})[ \t\u3000]*")
_LIST_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、．]|[（(]\d{1,2}[)）])\s*(?P<name>[^：:；;]{2,40}?)\s*[：:]\s*(?P<value>[^：:]{1,40})$")
_PROSE_LEVELS = re.compile(r"^[\u4e00-\u9fff]{2,8}(?:指标|效益)(?:——|—|[:：]\s*[\u4e00-\u9fff]{2,8}(?:指标|效益)?方面|[:：][^；;]*[，,][^；;]*[；;])")
_SECTION = re.compile(r"^[一二三四五六七八九十]{1,2}、[^，,；;：:]{2,60}$")
_SPACED_OUT = re.compile(r"[\u4e00-\u9fff](?:[ \u3000]+[\u4e00-\u9fff]){3,}")
_MARKDOWN_BLOCK = re.compile(r"^(?:#{1,6}|>|[-*+])[ \t\u3000]+(?=\S)")
_PIPE_END = re.compile(r"\s*[|｜][|｜\s]*$")


def _pipe_cells(line: str) -> list[str]:
    parts = re.split(r"[|｜]", line)
    return [p.strip(" \u3000\t") for p in parts if p.strip(" \u3000\t")]


_EMPHASIS = re.compile(r"\*\*(.+?)\*\*|__(.+?)__")
_BR = re.compile(r"<br\s*/?>", re.I)


def _table_row_cells(line: str) -> list[str | None]:
    """A markdown row '| a | | **c** |': its cells in place, an empty one as None (a blank 指标值
    dropped shifted the row), emphasis marks off, a <br> as the line break it stands for."""
    parts = re.split(r"[|｜]", line.strip())
    if not parts[0].strip():
        parts = parts[1:]
    if parts and not parts[-1].strip():
        parts = parts[:-1]
    cells: list[str | None] = []
    for p in parts:
        text = _BR.sub("\n", _EMPHASIS.sub(lambda m: m.group(1) or m.group(2), p)).strip(" \u3000\t")
        cells.append(text or None)
    return cells


def _space_cells(line: str) -> list[str]:
    return [p for p in re.split(r"[ \u3000\t]+", line.strip(" \u3000\t")) if p]


_NUMBERED_PAIR = re.compile(r"^指标\s*\d{1,2}\s*[：:]\s*(?P<name>[^；;：:]*?)\s*[；;，,]\s*(?:年度)?(?:指标值|目标值)\s*[：:]"
                            r"\s*(?P<value>[^；;]*?)\s*[；;。]?$")
_CHAT_LINE = re.compile(r"^\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?[ \t\u3000]+\S"
                        # WeChat's own export: the sender first, then the time
                        r"|^[^\s，,。：:]{1,24}[ \t\u3000]+\d{4}[-/.]\d{1,2}[-/.]\d{1,2}[ \t\u3000]+\d{1,2}:\d{2}(?::\d{2})?$"
                        r"|^\[(?:文件|图片|语音|视频|表情|链接|动画表情)\]|撤回了一条消息$|^「[^」]{0,80}」$")
_LIST_LABEL = re.compile(r"\d{1,2}[.、．)）]|[（(]\d{1,2}[)）]|[●○◆◇■□▪▫•·Ø➢►▶★☆✓✔➤❖\uf06c\uf0d8\uf0b7]")
_OPERATOR = re.compile(r"[≥≤＞＜><=＝≧≦]|>=|<=")


_DATE_HEAD = re.compile(r"\d{4}\s*年(?:\d{1,2}\s*月?)?$")
_DATE_TAIL = re.compile(r"\d{1,2}\s*(?:月|日|号)")


def _operators_joined(cells: list[str]) -> list[str]:
    """A cell that is only an operator, before a number: one value ('≥ 90%' cut at its space); a date cut
    at a space ('2024年12 31日前', its 月 lost): one value, kept as written."""
    out: list[str] = []
    for c in cells:
        if out and _OPERATOR.fullmatch(out[-1]) and c[:1].isdigit():
            out[-1] += c
        elif out and _DATE_HEAD.search(out[-1]) and _DATE_TAIL.match(c):
            out[-1] += " " + c
        else:
            out.append(c)
    return out


def text_lines(text: str) -> list[Line]:
    """The cells of a text capture, whatever its layout (see the module docstring)."""
    from .cards import uncard

    raw = uncard(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")
    # One cell per line closed by '|' (a few '|'-only lines are empty cells or separators).
    closers = sum(1 for ln in raw if re.search(r"[^|｜\s][ \t]*[|｜][ \t]*$", ln) and len(_pipe_cells(ln)) == 1)
    pipe_rows = sum(1 for ln in raw if len(_pipe_cells(ln)) >= 2)
    listed = sum(1 for ln in raw if (m := _LIST_ITEM.match(ln.strip())) and kinds.value_like(m.group("value"))) >= 3
    cell_mode = closers >= 8 and closers > pipe_rows
    out: list[Line] = []
    acc: list[str] = []
    acc_start = 0
    started = False
    pair_header: list[str] | None = None  # the columns of '一级指标：…；指标名称：…；指标值：…；' rows
    spaced: tuple[Line, list[int], list[int]] | None = None  # the last space-separated row, its cells' columns (by width, by characters)
    in_grid = False
    after_pipes = False  # the last row was a markdown table's ('| … |')
    tab_grid = False  # a tab-separated header without a 序号 column was read
    level_col: int | None = None  # where the grid's 一级 column starts, in a space-aligned capture
    gap = False  # a blank line came before this one
    for n, line in enumerate(raw, 1):
        line = line.lstrip("\f\v")  # a page break before a page's first line (pdftotext)
        if len(line) < 160 and ("…" in line or "··" in line or "...." in line or "．．" in line):
            line = _LEADER.sub("\t", line)  # '①病树清除率…………≥100%': a document's leader dots part name and value
        where = f"第 {n} 行"
        stripped = line.strip(" \u3000\t\f\v")
        after_gap, gap = gap, not stripped
        if stripped.startswith("[TRUNCATED") or (kinds.furniture(stripped) and "|" not in stripped and "｜" not in stripped):
            continue
        if _RULE_LINE.fullmatch(stripped) and stripped.count("-") + stripped.count("=") >= 6:
            continue  # a text table's ruling (pandoc's '---------- ------', '+----+----+', '======'), not a '---' cell
        if _SPACED_OUT.fullmatch(stripped):
            # characters set apart: a letter-spaced title or level is one text; anything else is a watermark
            # or a stamp across the page ('乐 都 区 财 政 局 公 开 专 用' had become rows inside the grid)
            letters = re.sub(r"[ \u3000]+", "", stripped)
            if kinds.level_of(letters) or kinds.table_title(letters) or kinds.header_kind(letters):
                out.append(Line([letters], where))
            continue
        bullet = _BULLET.match(stripped)
        if bullet and bullet.end() < len(stripped) and all(
                unicodedata.category(ch) == "So" or ch in "•·" for ch in bullet.group(1)):
            stripped = stripped[bullet.end():]  # an article's ◆ ▶ 📌 before a heading or a fact
        if _CHAT_LINE.match(stripped):
            # a chat export's message header ('2024-03-05 10:42:10　王敏（县财政局）'), a file or picture
            # sent, a quoted reply: talk around the table, which ends the rows above it
            out.append(Line([stripped], where, para=True))
            continue
        if after_pipes and stripped and "|" not in stripped and "｜" not in stripped:
            # the line after a markdown table: the table has ended (a chat answer's 说明 list followed)
            if not _RULE.fullmatch(stripped):  # a '---' rule below it changes nothing
                after_pipes = False
                out.append(Line([stripped], where, para=True))
            continue
        paths = path_rows(stripped) if not cell_mode else None
        if paths:
            # '1．履职效能／重点工作履行情况／办理不动产登记业务：≥1.5万件（8分）', '产出指标-数量指标-培训人数：≥500人次':
            # the levels, name, value and score of a row written as a path
            columns, rows = paths
            if pair_header != columns:
                out.append(Line(["\x00header:" + ",".join(columns)], where))
                pair_header = columns
            # the score before the value: a blank value then ends the row instead of taking the score
            out.extend(Line(list(row), where, rowed=True) for row in rows)
            continue
        item = _LIST_ITEM.match(stripped)
        if item and kinds.value_like(item.group("value")) and not cell_mode:
            # '1. 提升改造乡村旅游重点村：≥6个': a list of indicators, one per numbered line
            out.append(Line([item.group("name").strip(), item.group("value").strip()], where, rowed=True))
            continue
        block = _MARKDOWN_BLOCK.match(stripped)
        if block and not cell_mode and "|" not in stripped and "｜" not in stripped:
            # a wiki page's heading, quote or list item: one paragraph, its marks and emphasis off ('## 二、…'
            # was read as the cells '##' and '二、…', a row under the grid above; '- **项目编码**：…' a label unread)
            out.append(Line([_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), stripped[block.end():])], where, para=True))
            continue
        if cell_mode and len(_pipe_cells(stripped)) >= 2:
            if acc:
                out.append(Line(["\n".join(acc)], f"第 {acc_start} 行"))
                acc, acc_start = [], 0
            out.append(Line(list[str | None](_pipe_cells(stripped)), where, rowed=True))
            continue
        if cell_mode and (started or re.search(r"[|｜]\s*$", line)):
            started = True
            if re.search(r"[|｜]\s*$", line) or not stripped:
                if stripped and not re.fullmatch(r"[|｜\s]+", stripped):
                    acc.append(_PIPE_END.sub("", stripped))
                if acc:
                    out.append(Line(["\n".join(acc)], f"第 {acc_start or n} 行"))
                elif stripped:
                    out.append(Line([None], where))  # an empty cell
                acc, acc_start = [], 0
                continue
            if not acc:
                acc_start = n
            acc.append(stripped)
            continue
        if not stripped:
            if line and not line.strip("\t\u3000\xa0 ") and (" " in line or "\xa0" in line):
                out.append(Line([None], where))  # a cell holding a single space: an empty cell
            continue
        if stripped.replace("\xa0", "").strip() == "":
            out.append(Line([None], where))
            continue
        numbered = _NUMBERED_PAIR.match(stripped)
        if numbered:
            # a 申报书's '指标1：新种椰子面积；指标值：≥3000亩；' under its level headings (an empty
            # template line '指标3：；指标值：；' is no row)
            name, value = numbered.group("name").strip(), numbered.group("value").strip()
            if name or value:
                out.append(Line([name or None, value or None], where, rowed=True))
            continue
        pairs = label_pairs(stripped)
        if pairs is not None:
            kinds_, values_ = pairs
            if kinds_ is None:
                out.append(Line(list[str | None](values_), where, rowed=True))
            else:
                if kinds_ != pair_header:
                    out.append(Line(["\x00header:" + ",".join(kinds_)], where))
                    pair_header = kinds_
                out.append(Line(list[str | None](values_), where, rowed=True))
            continue
        pcells = _pipe_cells(stripped)
        if pcells and all(_RULE.fullmatch(c) for c in pcells):
            continue  # a markdown table's '| --- | --- |' line
        if ("|" in stripped or "｜" in stripped) and (len(pcells) >= 2 or re.search(r"[|｜]\s*$", stripped)):
            if pcells:
                framed = stripped[:1] in "|｜" and stripped[-1:] in "|｜"
                out.append(Line(_table_row_cells(stripped) if framed else list(pcells), where, rowed=True))
                after_pipes = framed
            continue
        if "\t" in stripped:
            cells = [c.strip() or None for c in stripped.split("\t")]
            heads = [kinds.header_kind(c) for c in cells if c]
            if sum(1 for h in heads if h) >= 3:
                tab_grid = "seq" not in heads  # a header row: list labels below are no 序号 column
            elif tab_grid and any(c and _LIST_LABEL.fullmatch(c) for c in cells):
                # a Word table's cells formatted as lists: '1.' and '●' arrive as cells of their own
                cells = [c for c in cells if not (c and _LIST_LABEL.fullmatch(c))]
            out.append(Line(cells, where, rowed=True))
            continue
        if len(stripped) >= 60 and not re.search(r"[ \u3000\t]", stripped) and _glued_grid(stripped):
            out.extend(glued_lines(stripped, where))
            continue
        scells = _space_cells(stripped)
        if any(len(c) >= 60 and _glued_grid(c) for c in scells):
            for c in scells:
                if len(c) >= 60 and _glued_grid(c):
                    out.extend(glued_lines(c, where))
                else:
                    out.append(Line([c], where))
            continue
        if len(scells) > 40:  # a whole table flattened onto one line: its rows are lost
            if _glued_grid(stripped):
                out.extend(Line([c], where) for c in scells)
                continue
        placed = _pieces(line)
        if sum(1 for _, x in placed if kinds.header_kind(x)) >= 3:
            in_grid = True  # the grid's header: rows below may wrap
            level_col = placed[0][0] if kinds.header_kind(placed[0][1]) == "l1" else None
        elif (in_grid and spaced is not None and level_col is not None and placed
              and abs(placed[0][0] - level_col) <= 1 and placed[0][0] < spaced[1][0] - 1 and kinds.level_bit(placed[0][1])):
            # a merged 一级 printed in pieces beside the middle of its block ('产出' / '指标'): the 二级
            # says which 一级 a row is under; what follows the piece is a row or the row above's wrap
            if len(placed) == 1:
                continue
            line = line.replace(placed[0][1], " " * width(placed[0][1]), 1)
            stripped = line.strip(" \u3000\t\f\v")
            scells, placed = _space_cells(stripped), placed[1:]
        # a PDF row's cells wrapped onto the next line, each in its own column: columns counted by display
        # width, or by characters as pdftotext -layout counts them (a CJK character one column)
        wrapped = next(((pieces, starts) for pieces, starts in ((placed, spaced[1]), (_char_pieces(line), spaced[2]))
                        if _wraps(pieces, starts)), None) if in_grid and spaced is not None else None
        if wrapped is not None and spaced is not None and not kinds.signoff(stripped):
            row, (pieces, starts) = spaced[0], wrapped
            at = [starts.index(next(x for x in starts if abs(x - col) <= 1)) for col, _ in pieces]
            if not any(_level_ended(row.cells[k], text) for k, (_, text) in zip(at, pieces, strict=True)):
                for k, (_, text) in zip(at, pieces, strict=True):
                    row.cells[k] = f"{row.cells[k] or ''}{text}"
                continue
        if len(scells) >= 2 and len(stripped) > 6:  # '≧ %' is one cell
            joined = _operators_joined(scells)
            if len(joined) != len(scells):  # '≥ 90%', '2024年12 31日前': one value cut at a space
                scells, placed = joined, []
            out.append(Line(list(scells), where, rowed=True, spaced=True))
            # columns only where the cells are padded to them (runs of spaces), not one space apart
            spaced = (out[-1], [c for c, _ in placed], [c for c, _ in _char_pieces(line)]) \
                if len(placed) == len(scells) and "  " in stripped else None
        else:
            # in a document whose indicators are a numbered list, a plain line is prose around it
            # (an article's closing sentence and footer became rows of the list's grid), unless it
            # names a level
            # so is a numbered section heading ('二、2023年农作物…项目' between two projects' tables)
            # and so is a short line after a blank line below a space-aligned grid (a mail's signature
            # under the table: '张伟' had become the end of the last row's name)
            out.append(Line([stripped], where, para=(listed or bool(_SECTION.match(stripped)) or (
                after_gap and in_grid and spaced is not None and not kinds.value_like(stripped)))
                and kinds.level_of(stripped) is None))
            spaced = None
    if acc:
        out.append(Line(["\n".join(acc)], f"第 {acc_start} 行"))
    return out


# A form's export: 'label：value；' pairs on one line (一级指标：产出指标；…；指标值：≥2.3万亩； or
# 主管部门：…；实施单位：…；). A list item's number and a group's own label ('资金情况：年度资金总额：…')
# are dropped.
_PAIR_SPLIT = re.compile(r"[；;]")
_PAIR = re.compile(r"^\s*(?:[一二三四五六七八九十]{1,2}[、.．]|\d{1,2}[、.．])?([^：:]{1,12})[：:](.*)$", re.S)
_GRID_ORDER = ("l1", "l2", "name", "desc", "sign", "value", "unit")
_ITEM_LABEL = re.compile(r"^\s*(?:明细|指标明细|第)\s*\d{1,3}\s*(?:条|项)?\s*[：:](?=[^；;]*[：:])")


def label_pairs(line: str) -> tuple[list[str] | None, list[str]] | None:
    """(column kinds in a fixed order, the values in that order) for a row of grid pairs; (None, the
    pairs as 'label：value' cells) for a row of header facts; None for any other line."""
    from .facts import fact_label

    if line.count("：") + line.count(":") < 2 or not _PAIR_SPLIT.search(line):
        return None
    line = _ITEM_LABEL.sub("", line, count=1)  # an approval form's '明细3：' before the row's own pairs
    pieces = [x for x in (p.strip() for p in _PAIR_SPLIT.split(line)) if x]
    pairs = [_PAIR.match(x) for x in pieces]
    if not pieces or not all(pairs):
        return None
    grid = {kinds.header_kind(m.group(1)) or "": m.group(2).strip() for m in pairs if m is not None}
    if len(grid) == len(pieces) and "" not in grid and {"name", "value"} <= set(grid) and len(grid) >= 3:
        cols = sorted(grid, key=lambda k: _GRID_ORDER.index(k) if k in _GRID_ORDER else len(_GRID_ORDER))
        return cols, [grid[k] for k in cols]
    cells = []
    for m, piece in zip(pairs, pieces, strict=True):
        assert m is not None
        text = f"{m.group(1)}：{m.group(2)}"
        if fact_label(text) is None:
            inner = _PAIR.match(m.group(2))  # '资金情况：年度资金总额：6210.00万元'
            if inner is None or fact_label(f"{inner.group(1)}：{inner.group(2)}") is None:
                if fact_label(piece) is None:
                    return None
                text = piece
            else:
                text = f"{inner.group(1)}：{inner.group(2)}"
        cells.append(text)
    return None, cells


def _pieces(line: str) -> list[tuple[int, str]]:
    """The space-separated cells of a line, each with the display column it starts at."""
    return [(width(line[:m.start()]), m.group(0)) for m in re.finditer(r"[^ \u3000\t]+", line)]


def _char_pieces(line: str) -> list[tuple[int, str]]:
    """The space-separated cells of a line, each with the character index it starts at."""
    return [(m.start(), m.group(0)) for m in re.finditer(r"[^ \u3000\t]+", line)]


def _wraps(placed: list[tuple[int, str]], starts: list[int]) -> bool:
    """Inside the grid: short pieces, none a value, each starting where a cell of the row above starts:
    that row's cells wrapped (养护工程里程 under 县道预防性养护及修复, 标 under 可持续影响指)."""
    return bool(placed) and len(starts) >= 2 and all(
        len(text) <= 10 and not kinds.value_like(text) and kinds.header_kind(text) is None
        and kinds.level_of(text) is None and any(abs(x - col) <= 1 for x in starts) for col, text in placed)


def _level_ended(cell: str | None, piece: str) -> bool:
    """A whole level name ('效益指标') does not wrap into what is under it: a piece there that makes no
    level with it is a line of its own (a value alone under its row, the sign-off's name below the grid)."""
    return bool(cell) and kinds.level_of(cell or "") is not None and kinds.level_of((cell or "") + piece) is None


def _glued_grid(text: str) -> bool:
    t = kinds.squash(text)
    # a sentence naming its levels ('产出指标——数量指标：…，…；质量指标方面，…') is prose (prose.py)
    return bool(re.search(r"(产出|效益|满意度|數量|数量|质量|質量)(指标|目标|指標|目標)", t)) and not _PROSE_LEVELS.match(t)


# --- glued text ----------------------------------------------------------------------------------------------------

_UNITS = sorted(kinds.EXTRA_UNITS | {u for u in BASE_UNITS
                                     if not u.isascii()} | {"%", "‰", "元/人*月", "人/次"}, key=len, reverse=True)
_UNIT_ALT = "|".join(re.escape(u) for u in _UNITS)
_DATE = r"\d{4}年(?:\d{1,2}月(?:\d{1,2}日)?)?(?:底|末)?(?:前|之前|完成|全年)?"
_QTY = (rf"(?:[≥≤><=≧≦＞＜＝]|>=|<=)?\d+(?:\.\d+)?(?!\d*年\d)(?:[万亿千百]?(?:{_UNIT_ALT})(?:[/／·*](?:{_UNIT_ALT}))*"
        rf"(?:[(（](?:{_UNIT_ALT})[)）])?)?")  # 万头(只): a unit with its alternative in brackets
# Values with no number that still end a glued row: the budget as a cost target (成本控制率不超预算).
_TERM = "|".join(re.escape(t) for t in sorted(BUDGET_TERMS, key=len, reverse=True))
# a template's placeholder left in the value (≥**次, ≤**%): a value too, so that the row ends there
_PLACEHOLDER_VALUE = rf"(?:[≥≤><=≧≦＞＜＝]|>=|<=)?\*{{2,}}(?:{_UNIT_ALT})?"
_TOKEN = re.compile(rf"(?P<date>{_DATE})|(?P<qty>{_QTY})|(?P<term>{_TERM})|(?P<ph>{_PLACEHOLDER_VALUE})")
_END_WORDS = re.compile(r"(?:得分合计|合计|总分|评价结论|注[:：]|(?:项目|单位|财务)负责人[:：]|填表人|二、|\(二\)|"
                        r"相关推荐|相关阅读|相关链接|上一篇|下一篇)")  # a page's links after the table
# A word value glued to its name just before the next level word ('…教学能力显著提升可持续影响指标'):
# the values' vocabulary (two characters or more) and its trends (逐步健全, 不断提高 …).
_WORD_VALUES = sorted({t for t in (*VAGUE_TERMS, *STATE_TERMS, *TERM_SCALE) if len(t) >= 2} | {"无"}, key=len, reverse=True)
# a word value ending a row or a clause (cells here, prose.py's sentences)
WORD_VALUE = rf"{'|'.join(map(re.escape, _WORD_VALUES))}|(?:{TREND_ADVERBS}){{1,2}}(?:{TREND_VERBS})"
_WORD_VALUE_END = re.compile(rf"^(?P<name>.{{4,}}?)(?P<value>{WORD_VALUE})$")
# A trend value between two names before the next row's figure (…诊疗能力明显提升乡镇卫生院诊疗人次增长率≥5%):
# only a four-character trend (明显提升), with a name of four or more on each side
_TREND_VALUE_MID = re.compile(rf"^(?P<name>.{{4,}}?)(?P<value>(?:{TREND_ADVERBS})(?:{TREND_VERBS}))(?=.{{4,}}$)")


def _header_split(text: str) -> tuple[str, list[str] | None, str]:
    """(before, header kinds, after) for a glued header found in ``text``."""
    for m in re.finditer(r"一级指标|指标名称", text):
        pos = m.start()
        end = pos
        t = text
        while end < len(t):
            for word in kinds.header_words():
                if t.startswith(word, end):
                    end += len(word)
                    tail = re.match(r"\([^()]{0,3}\)", t[end:])  # '指标值(A)', OCR '指标值(八)'
                    if tail and word + tail.group(0) not in kinds.header_table():
                        end += len(tail.group(0))
                    break
            else:
                break
        found = kinds.glued_header(t[pos:end])
        if found:
            return text[:pos], found, text[end:]
    return text, None, ""


def glued_lines(text: str, where: str) -> list[Line]:
    """A table that lost every separator, cut back into cells by level words, header words and the
    value grammar (only where the grammar is sure: see :func:`split_glued`)."""
    t = unicodedata.normalize("NFKC", text)
    before, header, after = _header_split(t)
    out: list[Line] = []
    if header is None:
        first = _next_level(t, 0)
        head, body = (t[:first], t[first:]) if first else ("", t)
        lead = [Line([head], where, glued=True)] if head else []
        return lead + [Line([x], where, glued=True) for x in split_glued(body)]
    out.append(Line([before], where, glued=True))
    out.append(Line([f"{'|'.join(header)}"], where, glued=True))
    out[-1].cells = ["\x00header:" + ",".join(header)]
    end = _END_WORDS.search(after)
    body, tail = (after[: end.start()], after[end.start():]) if end else (after, "")
    out.extend(Line([c], where, glued=True) for c in split_glued(body))
    if tail:
        out.append(Line([tail], where, glued=True))
    return out


def split_glued(text: str) -> list[str]:
    """Cells of a glued run: level words, values and the text between them."""
    cells: list[str] = []
    pos = 0
    t = text
    while pos < len(t):
        # a bounded window: level words are short (the whole rest, squashed at every step, was quadratic)
        window = t[pos:pos + 64]
        words, rest = kinds.glued_levels(window)
        if words:
            cells.extend(words)
            pos += len(window) - len(rest)
            continue
        m = _TOKEN.search(t, pos)
        # text up to the next level word or value
        lvl = _next_level(t, pos)
        if m is None and lvl is None:
            cells.append(t[pos:])
            break
        stop = min(x for x in (m.start() if m else None, lvl) if x is not None)
        if stop > pos:
            # only a whole row between two level words: name and value, nothing else to mistake
            # (or after the row before it, ended by its value)
            word = _WORD_VALUE_END.match(t[pos:stop]) if stop == lvl and cells and (
                kinds.level_of(cells[-1]) or kinds.value_like(cells[-1])) else None
            mid = _TREND_VALUE_MID.match(t[pos:stop]) if word is None and stop != lvl and cells and (
                kinds.level_of(cells[-1]) or kinds.value_like(cells[-1])) else None
            if mid:
                cells.extend([mid.group("name"), mid.group("value")])
                pos += mid.end()
                continue
            cells.extend([word.group("name"), word.group("value")] if word else _halves(t[pos:stop]))
            pos = stop
            continue
        assert m is not None
        end = m.end()
        ahead = _next_level(t, m.start() + 1)
        if ahead is not None and ahead < end and re.search(r"\d", t[m.start():ahead]):
            end = ahead  # '13生态效益指标': the unit 生 is the level word's first character
        cells.append(t[m.start():end])
        pos = end
    return [c for c in (c.strip(" ,，;；") for c in cells) if c]


def _next_level(t: str, pos: int) -> int | None:
    m = re.compile(r"(?:产出|效益|满意度|数量|质量|时效|成本|经济效益|社会效益|生态效益|可持续影响|服务对象满意度)"
                   r"(?:指标|目标)").search(t, pos)
    if not m:
        return None
    start = m.start()
    # a longer level word may start a little earlier ('社会效益指标', '服务对象满意度指标')
    for back in range(1, 8):
        # (a bounded piece: level words are short, and the whole rest squashed each time was quadratic)
        if start - back >= pos and kinds.glued_levels(t[start - back:start - back + 48])[0]:
            return start - back
    return start


def _halves(text: str) -> list[str]:
    """'显著提升显著提升' (a value and its copy in 实际完成值) → two cells."""
    n = len(text)
    if n >= 4 and n % 2 == 0 and text[: n // 2] == text[n // 2:]:
        return [text[: n // 2], text[n // 2:]]
    return [text]


def split_weight(cell: str, following: str | None) -> tuple[str, str] | None:
    """'102370人' before '2370人' → ('10', '2370人'): a 分值 glued in front of its value. Only when one
    split is plausible (weight ≤ 100, no leading zero) or the value equals the actual that follows."""
    m = re.match(r"^(\d{1,3})(\d.*)$", cell)
    if not m:
        return None
    options = []
    digits = re.match(r"^\d+", cell)
    assert digits is not None
    run = digits.group(0)
    for k in range(1, min(3, len(run)) + 1):
        w, rest = cell[:k], cell[k:]
        if not rest or rest[0] == "0" and not rest.startswith("0.") or int(w) > 100:
            continue
        if following and rest == following:
            return w, rest
        options.append((w, rest))
    return options[0] if len(options) == 1 else None
