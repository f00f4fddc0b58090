"""Word 97–2003 documents (.doc, and WPS 文字's .wps, which is the same format): paragraphs and tables.

Last year's tables often sit in .doc files that an office saved years ago, on a server with no Word or
LibreOffice to convert them. The format is read here from its specification ([MS-DOC]) because no
maintained Python library reads a .doc's tables; olefile opens the compound file. What is read:

- the text, through the piece table (the CLX), both 8-bit and UTF-16 pieces; fields show their result;
- which paragraph marks are in a table, end a cell or end a row: the paragraph properties (PAPX FKPs)
  carry sprmPFInTable / sprmPFTtp, and the row-end paragraph carries the row's cell boundaries and
  merges (sprmTDefTable, sprmTVertMerge), from which spans and vertical merges are rebuilt on one grid.

Nothing else (styles, fonts, pictures, headers) is read.
"""

from __future__ import annotations

import bisect
import struct
from dataclasses import dataclass, field
from pathlib import Path

from .assembler import Assembler
from .doc_feed import HORIZONTAL_CONTINUES, VERTICAL_CONTINUES, DocumentFeed, grid_records
from .report import ImportFailed, Report, damage

_CELL_MARK, _PARA_MARK = "\x07", "\r"
# Characters Word stores in the text stream that are not text (picture, drawing, footnote and comment
# anchors), and those that read as a line break or a hyphen.
_DROPPED = dict.fromkeys(map(ord, "\x01\x02\x03\x04\x05\x08\x1f"), None)
_AS_TEXT = {ord("\x0b"): "\n", ord("\x0c"): "\n", ord("\x0e"): "\n", ord("\x1e"): "-", ord("\xa0"): " "}
_SPRM_IN_TABLE, _SPRM_TTP, _SPRM_ITAP, _SPRM_INNER_TTP = 0x2416, 0x2417, 0x6649, 0x244C
_SPRM_DEF_TABLE, _SPRM_VERT_MERGE = 0xD608, 0xD62B


class _Bad(Exception):
    """The streams do not hold what the format says they hold."""


@dataclass
class _Para:
    """What a paragraph mark's properties say of its place in a table."""

    in_table: bool = False
    row_end: bool = False
    depth: int = 1
    bounds: list[int] = field(default_factory=list)  # the row's cell boundaries (twips), cells + 1
    merges: dict[int, int] = field(default_factory=dict)  # cell → 1 continues the cell above, 3 starts a merge


def ole_streams(path: Path) -> set[str]:
    """The top-level stream names of a compound file, lower-cased (empty when it cannot be opened): what
    it is (WordDocument, Workbook, EncryptedPackage) whatever its file name says."""
    import olefile

    try:
        with olefile.OleFileIO(str(path)) as ole:
            return {entry[0].lower() for entry in ole.listdir(streams=True, storages=False) if entry}
    except Exception:  # noqa: BLE001 - olefile raises many kinds on a damaged file: it is then no Word file
        return set()


def read(path: Path, report: Report, *, split_doc_number: bool = False) -> Assembler:
    import olefile

    source = report.source
    try:
        with olefile.OleFileIO(str(path)) as ole:
            if not ole.exists("WordDocument"):
                raise ImportFailed(f"{source}：是 Office 复合文档，但其中没有 Word 正文，请在 Word 或 WPS 中另存为 .docx 后再导入")
            word = ole.openstream("WordDocument").read()
            flags = _u16(word, 0x0A)
            if _u16(word, 0) != 0xA5EC:
                raise _Bad("文件头标识不对")
            if flags & 0x0100:
                raise ImportFailed(f"{source}：文件设有打开密码（已加密），请在 Word/WPS 中去掉密码另存后再导入")
            if _u16(word, 2) < 0xC1:  # Word 6 / 95 have another layout of the same streams
                raise ImportFailed(f"{source}：是 Word 95 或更早版本的文档，请在 Word 或 WPS 中另存为 .docx 后再导入")
            table_name = "1Table" if flags & 0x0200 else "0Table"
            if not ole.exists(table_name):
                raise _Bad(f"缺少 {table_name} 流")
            table = ole.openstream(table_name).read()
    except ImportFailed:
        raise
    except (OSError, ValueError, struct.error, _Bad) as exc:
        raise ImportFailed(f"{source}：Word 文档无法读取（{_why(exc)}），文件可能已损坏，请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
    try:
        text, fcs = _main_text(word, table)
        marks = _paragraph_marks(word, table)
    except (struct.error, IndexError, _Bad) as exc:
        raise ImportFailed(f"{source}：Word 文档无法读取（{_why(exc)}），文件可能已损坏，请用 Word 或 WPS 打开后另存为 .docx 再导入") from None
    feed = DocumentFeed(path, report, split_doc_number)
    _feed(text, fcs, marks, feed, report)
    return feed.finish()


def _why(exc: BaseException) -> str:
    return str(exc) if isinstance(exc, _Bad) else damage(exc)  # ours are in words; a library's are not


def _u16(b: bytes, at: int) -> int:
    return int(struct.unpack_from("<H", b, at)[0])


def _u32(b: bytes, at: int) -> int:
    return int(struct.unpack_from("<I", b, at)[0])


def _fc_lcb(word: bytes, index: int) -> tuple[int, int]:
    """Entry ``index`` of the FIB's FibRgFcLcb97: (offset in the table stream, byte count)."""
    if _u16(word, 152) <= index:
        raise _Bad("文件信息块太短")
    at = 154 + index * 8
    return _u32(word, at), _u32(word, at + 4)


def _main_text(word: bytes, table: bytes) -> tuple[str, list[int]]:
    """The main document's text and, for each character, its offset in the WordDocument stream."""
    ccp_text = _u32(word, 76)
    fc_clx, lcb_clx = _fc_lcb(word, 33)
    clx = table[fc_clx: fc_clx + lcb_clx]
    at = 0
    while at < len(clx) and clx[at] == 0x01:  # Prc: formatting kept for the pieces; not needed for text
        at += 3 + _u16(clx, at + 1)
    if at >= len(clx) or clx[at] != 0x02:
        raise _Bad("找不到文字片段表")
    lcb = _u32(clx, at + 1)
    plc = clx[at + 5: at + 5 + lcb]
    n = (len(plc) - 4) // 12
    if n <= 0:
        raise _Bad("文字片段表为空")
    cps = struct.unpack_from(f"<{n + 1}I", plc, 0)
    parts: list[str] = []
    fcs: list[int] = []
    for i in range(n):
        start, end = cps[i], min(cps[i + 1], ccp_text)
        if start >= end:
            continue
        fc = _u32(plc, 4 * (n + 1) + 8 * i + 2)
        count = end - start
        if fc & 0x40000000:  # 8-bit piece (FcCompressed): one byte a character, cp1252
            at_b = (fc & 0x3FFFFFFF) // 2
            chunk = word[at_b: at_b + count]
            parts.append(chunk.decode("cp1252", errors="replace"))
            fcs.extend(range(at_b, at_b + len(chunk)))
        else:
            chunk = word[fc: fc + 2 * count]
            parts.append(chunk.decode("utf-16-le", errors="replace"))
            fcs.extend(range(fc, fc + len(chunk), 2))
    text = "".join(parts)
    if len(text) != len(fcs):
        raise _Bad("文字片段与正文长度不符")
    return text, fcs


def _paragraph_marks(word: bytes, table: bytes) -> tuple[list[int], list[_Para]]:
    """Paragraph properties by stream offset: (run starts, their properties), sorted for bisect."""
    fc_plc, lcb_plc = _fc_lcb(word, 13)
    plc = table[fc_plc: fc_plc + lcb_plc]
    n = (len(plc) - 4) // 8
    starts: list[int] = []
    props: list[_Para] = []
    for i in range(max(n, 0)):
        page = _u32(plc, 4 * (n + 1) + 4 * i) & 0x3FFFFF
        fkp = word[page * 512: page * 512 + 512]
        if len(fkp) < 512:
            raise _Bad("段落属性页超出文件")
        runs = fkp[511]
        for k in range(runs):
            starts.append(_u32(fkp, 4 * k))
            offset = fkp[4 * (runs + 1) + 13 * k] * 2
            props.append(_papx(fkp, offset) if offset else _Para())
    order = sorted(range(len(starts)), key=starts.__getitem__)
    return [starts[i] for i in order], [props[i] for i in order]


def _papx(fkp: bytes, at: int) -> _Para:
    cb = fkp[at]
    size = 2 * cb - 1 if cb else 2 * fkp[at + 1]
    body = fkp[at + 1: at + 1 + size] if cb else fkp[at + 2: at + 2 + size]
    return _sprms(body[2:])  # the style index first


def _sprms(grpprl: bytes) -> _Para:
    para = _Para()
    at = 0
    while at + 2 <= len(grpprl):
        sprm = _u16(grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra in (0, 1):
            size = 1
        elif spra in (2, 4, 5):
            size = 2
        elif spra == 3:
            size = 4
        elif spra == 7:
            size = 3
        elif sprm == _SPRM_DEF_TABLE:  # its size is two bytes, counting one of them
            size = _u16(grpprl, at) + 1
        else:
            if at >= len(grpprl):
                break
            size = grpprl[at] + 1
        operand = grpprl[at: at + size]
        at += size
        if sprm == _SPRM_IN_TABLE:
            para.in_table = operand[:1] == b"\x01"
        elif sprm in (_SPRM_TTP, _SPRM_INNER_TTP) and operand[:1] == b"\x01":
            para.row_end = True
            para.in_table = True
        elif sprm == _SPRM_ITAP and len(operand) == 4:
            para.depth = _u32(operand, 0)
        elif sprm == _SPRM_DEF_TABLE:
            _def_table(operand[2:], para)
        elif sprm == _SPRM_VERT_MERGE and len(operand) >= 3:
            para.merges[operand[1]] = operand[2]
    return para


def _def_table(op: bytes, para: _Para) -> None:
    """sprmTDefTable: the number of cells, their boundaries, then 20 bytes a cell (merge flags first)."""
    if not op:
        return
    cells = op[0]
    if len(op) < 1 + 2 * (cells + 1):
        return
    para.bounds = list(struct.unpack_from(f"<{cells + 1}h", op, 1))
    at = 1 + 2 * (cells + 1)
    for i in range(cells):
        if at + 2 > len(op):
            break
        flags = _u16(op, at)
        if flags & 0x0020 and i not in para.merges:  # fVertMerge; fVertRestart starts the merge
            para.merges[i] = 3 if flags & 0x0040 else VERTICAL_CONTINUES
        if flags & 0x0002:  # fMerged: old Word's horizontal merge into the cell on the left
            para.merges.setdefault(i, HORIZONTAL_CONTINUES)
        at += 20


def _feed(text: str, fcs: list[int], marks: tuple[list[int], list[_Para]], feed: DocumentFeed, report: Report) -> None:
    starts, props = marks

    def props_at(i: int) -> _Para:
        k = bisect.bisect_right(starts, fcs[i]) - 1
        return props[k] if k >= 0 else _Para()

    rows: list[tuple[list[str], _Para]] = []
    cell: list[str] = []  # the current cell's paragraphs
    cells: list[str] = []
    line: list[str] = []
    fields: list[bool] = []  # per open field: whether its result is showing (after the separator)

    def flush_table() -> None:
        if rows:
            number = feed.next_table()
            feed.table(grid_records([(texts, para.bounds, para.merges) for texts, para in rows], number, report))
            rows.clear()

    for i, ch in enumerate(text):
        if ch == "\x13":
            fields.append(False)
            continue
        if ch == "\x14":
            if fields:
                fields[-1] = True
            continue
        if ch == "\x15":
            if fields:
                fields.pop()
            continue
        if fields and not fields[-1] and ch not in (_PARA_MARK, _CELL_MARK):
            continue  # a field's code (PAGE, HYPERLINK "…"): the result after it is what shows
        if ch not in (_PARA_MARK, _CELL_MARK):
            line.append(ch)
            continue
        para = props_at(i)
        paragraph = "".join(line).translate(_DROPPED).translate(_AS_TEXT)
        line.clear()
        if not para.in_table:
            flush_table()
            feed.paragraph(paragraph)
            continue
        if para.depth > 1:  # a table inside a cell: its text joins the outer cell's
            if paragraph.strip():
                cell.append(paragraph.strip())
            report.note("nested", "表格中嵌套的表格按文字读取，请核对")
            continue
        if ch == _PARA_MARK:
            cell.append(paragraph)
        elif para.row_end:
            rows.append((list(cells), para))
            cells.clear()
            cell.clear()
        else:
            cell.append(paragraph)
            cells.append("\n".join(cell).strip("\n"))
            cell.clear()
    tail = "".join(line).translate(_DROPPED).translate(_AS_TEXT)
    flush_table()
    if tail.strip():
        feed.paragraph(tail)
