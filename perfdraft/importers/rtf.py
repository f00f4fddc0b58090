"""RTF documents (Word and WPS "另存为 RTF", and the "导出Word" of report systems that write RTF): paragraphs
and tables.

Written here because no maintained Python library reads RTF tables (striprtf and the like give text
only, which loses the cells). The reader follows the RTF 1.9 specification as far as a table needs:
groups and destinations (font tables, styles, pictures, field instructions and other ``\\*`` groups
are skipped; a field shows its result), text in the document's code page (``\\ansicpg936``) or as
``\\uN`` with its fallback skipped, and the table words: ``\\trowd`` … ``\\cellxN`` define a row (with
``\\clvmgf`` / ``\\clvmrg`` and ``\\clmgf`` / ``\\clmrg`` merges), ``\\intbl`` paragraphs are in it,
``\\cell`` ends a cell and ``\\row`` the row. Rows go on one grid of their boundaries, as Word 97's do.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field
from pathlib import Path

from .assembler import Assembler
from .doc_feed import HORIZONTAL_CONTINUES, VERTICAL_CONTINUES, DocumentFeed, grid_records
from .report import ImportFailed, Report

MAX_BYTES = 64 * 1024 * 1024
_TOKEN = re.compile(rb"\\([a-zA-Z]{1,32})(-?\d{1,10})? ?|\\'([0-9a-fA-F]{2})|\\([^a-zA-Z])|([{}])|([^\\{}\r\n]+)|[\r\n]+")
# Destinations whose text is not the document's (RTF 1.9: the header groups, pictures, objects, notes).
_SKIPPED = frozenset(b"fonttbl colortbl stylesheet info pict object header headerl headerr headerf footer footerl "
                     b"footerr footerf footnote annotation atnid atnauthor fldinst xe tc listtable listoverridetable "
                     b"rsidtbl generator themedata colorschememapping datastore latentstyles nonshppict "
                     b"bkmkstart bkmkend revtbl pgdsctbl".split())
_CHARS = {b"par": "\n", b"sect": "\n", b"page": "\n", b"line": "\v", b"tab": "\t", b"emdash": "—", b"endash": "–",
          b"lquote": "‘", b"rquote": "’", b"ldblquote": "“", b"rdblquote": "”", b"bullet": "•", b"emspace": " ",
          b"enspace": " ", b"qmspace": " "}
_SYMBOLS = {b"~": " ", b"_": "-", b"-": "", b"\\": "\\", b"{": "{", b"}": "}"}


@dataclass
class _Group:
    skip: bool = False
    uc: int = 1


@dataclass
class _State:
    """The table being read: the current row's definition and cells, the rows so far."""

    bounds: list[int] = field(default_factory=lambda: [0])
    merges: dict[int, int] = field(default_factory=dict)
    pending: int = 0  # the merge flag of the cell whose \cellx comes next
    cells: list[str] = field(default_factory=list)
    rows: list[tuple[list[str], list[int], dict[int, int]]] = field(default_factory=list)
    in_table: bool = False
    nested: int = 0


def looks_like_rtf(head: bytes) -> bool:
    return head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"{\\rtf")


def read(path: Path, report: Report, *, split_doc_number: bool = False) -> Assembler:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise ImportFailed(f"{report.source}：RTF 文件超过 {MAX_BYTES // 2**20} MB，不像是绩效目标表")
        data = path.read_bytes()
    except OSError as exc:
        raise ImportFailed(f"{report.source}：无法读取（{exc.strerror or exc}）") from None
    feed = DocumentFeed(path, report, split_doc_number)
    _Reader(data, feed, report).run()
    return feed.finish()


class _Reader:
    def __init__(self, data: bytes, feed: DocumentFeed, report: Report) -> None:
        self.data = data
        self.feed = feed
        self.report = report
        m = re.search(rb"\\ansicpg(\d{3,5})", data[:4096])
        self.codec = _codec(f"cp{int(m.group(1))}" if m else "cp1252")
        self.text: list[str] = []  # the current paragraph
        self.raw = bytearray()  # \'hh bytes not yet decoded (a GBK character is two of them)
        self.cell: list[str] = []  # the current cell's paragraphs
        self.table = _State()
        self.skip_fallback = 0

    def run(self) -> None:
        stack = [_Group()]
        star = False
        for m in _TOKEN.finditer(self.data):
            word, number, hexbyte, symbol, brace, plain = m.groups()
            group = stack[-1]
            if brace == b"{":
                stack.append(_Group(group.skip, group.uc))
                star = False
                continue
            if brace == b"}":
                if len(stack) > 1:
                    stack.pop()
                self.skip_fallback = 0
                continue
            if symbol == b"*":
                star = True
                continue
            if word is not None:
                if star or word in _SKIPPED:
                    group.skip = True
                star = False
                if group.skip:
                    continue
                self._word(word, int(number) if number else None, group)
                continue
            star = False
            if group.skip:
                continue
            if hexbyte is not None:
                if self.skip_fallback:
                    self.skip_fallback -= 1
                else:
                    self.raw.append(int(hexbyte, 16))
            elif symbol is not None:
                self._put(_SYMBOLS.get(symbol, ""))
            elif plain is not None:
                if self.skip_fallback:
                    cut = min(self.skip_fallback, len(plain))
                    self.skip_fallback -= cut
                    plain = plain[cut:]
                if plain:
                    self.raw.extend(plain)
        self._paragraph_end()
        self._end_table()

    def _flush(self) -> None:
        if self.raw:
            self.text.append(self.codec(bytes(self.raw)))
            self.raw.clear()

    def _put(self, text: str) -> None:
        self._flush()
        self.text.append(text)

    def _word(self, word: bytes, number: int | None, group: _Group) -> None:
        t = self.table
        if word == b"u" and number is not None:
            self._put(chr(number % 65536) if number % 65536 < 0xD800 or number % 65536 >= 0xE000 else "")
            self.skip_fallback = group.uc
        elif word == b"uc" and number is not None:
            group.uc = max(0, number)
        elif word in (b"par", b"sect", b"page"):
            self._paragraph_end()
        elif word in _CHARS:
            self._put(_CHARS[word])
        elif word == b"pard":
            t.in_table = False
            t.nested = 0
        elif word == b"intbl":
            t.in_table = True
        elif word == b"itap" and number is not None:
            t.nested = number
        elif word == b"trowd":
            t.bounds, t.merges, t.pending = [0], {}, 0
        elif word == b"trleft" and number is not None:
            t.bounds = [number]
        elif word in (b"clvmrg", b"clmrg"):
            t.pending = VERTICAL_CONTINUES if word == b"clvmrg" else HORIZONTAL_CONTINUES
        elif word == b"cellx" and number is not None:
            if t.pending:
                t.merges[len(t.bounds) - 1] = t.pending
            t.bounds.append(number)
            t.pending = 0
        elif word in (b"nestcell", b"nestrow"):
            self._put(" " if word == b"nestcell" else "\n")
            self.report.note("nested", "表格中嵌套的表格按文字读取，请核对")
        elif word == b"cell":
            self._cell_end()
        elif word == b"row":
            self._cell_leftover()
            t.rows.append((list(t.cells), list(t.bounds), dict(t.merges)))
            t.cells.clear()

    def _take_text(self) -> str:
        self._flush()
        text = "".join(self.text).replace("\v", "\n")
        self.text.clear()
        return text

    def _paragraph_end(self) -> None:
        text = self._take_text()
        if self.table.in_table:
            self.cell.append(text)
            return
        self._end_table()
        self.feed.paragraph(text)

    def _cell_end(self) -> None:
        self.cell.append(self._take_text())
        self.table.cells.append("\n".join(self.cell).strip("\n"))
        self.cell.clear()
        self.table.in_table = True

    def _cell_leftover(self) -> None:
        if self.text or self.raw or self.cell:
            self._cell_end()

    def _end_table(self) -> None:
        t = self.table
        if t.rows:
            number = self.feed.next_table()
            self.feed.table(grid_records(t.rows, number, self.report))
            t.rows.clear()


def _codec(name: str):  # type: ignore[no-untyped-def]
    try:
        codecs.lookup(name)
    except LookupError:
        name = "cp1252"
    if name == "cp936":
        name = "gb18030"  # GBK's superset: characters a GB2312/GBK codec lacks still read
    return lambda raw: raw.decode(name, errors="replace")
