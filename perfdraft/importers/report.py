"""Errors, the import report and the records every reader produces."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..drafts import DraftError
from ..model import (
    Draft,
)

# --- errors and the report -------------------------------------------------------------------------


class ImportFailed(DraftError):
    """A file could not be imported at all. ``str(err)`` is one Chinese line naming the file."""


def damage(exc: BaseException) -> str:
    """What a reader's exception says about the file, in words (no Python or libxml2 English)."""
    text = str(exc).lower()
    name = type(exc).__name__
    if "amplification" in text or "entity" in text and "loop" in text:
        return "含有层层展开的实体引用（可能是恶意构造的文件）"
    if name == "XMLSyntaxError" or "xml" in name.lower():
        return "文件中的 XML 内容已损坏"
    if name in ("BadZipFile", "BadZipfile") or "zip" in text or "magic number" in text:
        return "压缩包已损坏"
    if name == "error" and "zlib" in type(exc).__module__ or "decompress" in text:
        return "压缩数据已损坏"
    if isinstance(exc, KeyError):
        return "缺少必需的部件"
    if isinstance(exc, EOFError) or "truncated" in text or "unexpected end" in text:
        return "文件不完整（可能没有下载或复制完）"
    if isinstance(exc, OSError):
        from ..errors import os_reason

        return os_reason(exc, writing=False)
    return "内容不合文件格式的规范"


class NothingPlaced(ImportFailed):
    """The file was read but no indicator row was found: nothing is written, exit 1."""


@dataclass(frozen=True)
class Unplaced:
    """A piece of text the importer read but could not place in the draft."""

    file: str
    where: str
    text: str

    def __str__(self) -> str:
        return f"{self.file} {self.where}：{self.text}"


# Every cell is classified by both assemblers: about 0.03 ms of CPU in a real table, up to 0.15 ms in
# random text under a table header, so the cells of one file bound an import's time: 60,000 is about
# 2 s for a real flat table (a 330-project department) and 9 s at worst. A department's workbook of
# 200 project sheets has about 20,000. sources.py checks one sheet's size against it before reading.
MAX_FILE_CELLS = 60_000
# ... and their characters, a merged cell's copies counted in each row it covers: one 200,000-character
# cell merged down 4,900 rows is a billion characters to read (minutes), in a 7 KB file. A real
# department's tables hold about a million.
MAX_FILE_CHARS = 5_000_000


class Report:
    """Repairs and remarks of one import, grouped so that 34 identical repairs make one line."""

    def __init__(self, source: str):
        self.source = source
        self.cells = 0
        self.chars = 0
        self._order: list[str] = []
        self._text: dict[str, str] = {}
        self._where: dict[str, list[str]] = {}
        self.unplaced: list[Unplaced] = []

    def note(self, key: str, text: str, where: str | None = None) -> None:
        if key not in self._text:
            self._order.append(key)
            self._text[key] = text
            self._where[key] = []
        if where and where not in self._where[key]:  # one page line's chrome cells are one place
            self._where[key].append(where)

    def noted(self, prefix: str) -> bool:
        """A remark under this key (or key prefix) was made."""
        return any(key.startswith(prefix) for key in self._order)

    def carry(self, other: Report, prefixes: tuple[str, ...]) -> None:
        """Take ``other``'s remarks whose key starts with one of ``prefixes`` (what the file reader said,
        kept when another assembler's reading of the same cells wins)."""
        for key in other._order:
            if key.startswith(prefixes):
                self.note(key, other._text[key])
                self._where[key].extend(w for w in other._where[key] if w not in self._where[key])

    def take_cells(self, n: int, where: str) -> None:
        """Count ``n`` more cells read from the file; refuse the file once it passes the whole-file cap,
        however its cells are spread over sheets, tables and paragraphs."""
        self.cells += n
        if self.cells > MAX_FILE_CELLS:
            raise ImportFailed(f"{self.source}：读到{where}时已超过 {MAX_FILE_CELLS:,} 个单元格（整个文件的导入上限；"
                               "一个单位全部项目的绩效目标表通常只有几千到两万个单元格），不像是绩效目标表，未导入；"
                               "如确需导入，请把表格分存为几个较小的文件，一起导入（perfdraft import 甲.xlsx 乙.xlsx -o 草稿.toml）")

    def take_chars(self, n: int, where: str) -> None:
        self.chars += n
        if self.chars > MAX_FILE_CHARS:
            raise ImportFailed(f"{self.source}：读到{where}时文字已超过 {MAX_FILE_CHARS:,} 个字（合并单元格在它跨过的每一行都算一次），"
                               "不像是绩效目标表，未导入；请检查是否有特别长的合并单元格")

    def aside(self, where: str) -> None:
        """Text around the table that is no part of it (kinds.page_chrome): said once, with where, not
        listed as unplaced nor kept in the draft's notes."""
        self.note("chrome", "网页栏目、发布信息、页脚和表格标题不是表格内容，未导入", where)

    def lost(self, where: str, text: str) -> Unplaced:
        item = Unplaced(self.source, where, text)
        self.unplaced.append(item)
        return item

    def lines(self) -> list[str]:
        out = []
        for key in self._order:
            where = self._where[key]
            if not where:
                out.append(f"{self.source}：{self._text[key]}")
                continue
            shown = "、".join(where[:6]) + ("等" if len(where) > 6 else "")
            count = f"{len(where)} 处：" if len(where) > 1 else ""
            out.append(f"{self.source}：{self._text[key]}（{count}{shown}）")
        return out


@dataclass
class ImportResult:
    draft: Draft
    repairs: list[str] = field(default_factory=list)
    unplaced: list[Unplaced] = field(default_factory=list)


def summary_lines(draft: Draft, target: str, files: int) -> list[str]:
    """What an import made, as the CLI prints it and the assistant says it: projects, rows, budgets,
    the year, and how many places are left to confirm."""
    rows = sum(len(p.indicators) for p in draft.projects)
    lines = [f"已导入 {files} 个文件 → {target}：{len(draft.projects)} 个项目，{rows} 个指标，"
             f"预算年度 {draft.year if draft.year is not None else '未定'}，框架 {draft.framework}"]
    for p in draft.projects:
        money = f"{p.budget.total:,f} 元" if p.budget.total is not None else "未读到"
        lines.append(f"  {p.title}：{len(p.indicators)} 个指标，预算 {money}")
    unsure = sum(len(p.confirm) for p in draft.projects)
    if unsure:
        lines.append(f"  有 {unsure} 处读得不确定，已记入各项目的待确认列表，打开草稿时会先逐项确认")
    return lines


def unplaced_heading(count: int) -> str:
    return f"有 {count} 处内容未能归位，已原样放入草稿的备注（notes），请核对后移到合适位置或删除："


# --- records ------------------------------------------------------------------------------------------


@dataclass
class Record:
    """One table row, or one free paragraph (``para``), as read from a file.

    ``cells`` are the visible cells (a merged cell only in its top-left position); ``filled`` has
    vertically merged cells filled down (xlsx/docx), used for the indicator grid. ``locs`` names
    each cell (``Sheet1!B7``); ``gap`` is True when a blank line came before a paragraph.
    """

    cells: list[str | None]
    where: str
    locs: list[str] | None = None
    filled: list[str | None] | None = None
    para: bool = False
    gap: bool = False
    spans: list[int] | None = None  # columns each cell spans (xlsx merges); a wide lone cell is a paragraph
    unsure: list[int] | None = None  # cells read blank that may not be (a formula never calculated)

    def loc(self, i: int) -> str:
        if self.locs and i < len(self.locs):
            return self.locs[i]
        return self.where

    def first_loc(self) -> str:
        for i, c in enumerate(self.cells):
            if c:
                return self.loc(i)
        return self.where


def clean_cell(text: object) -> str | None:
    """A cell's text without surrounding white space; blank → None."""
    if text is None:
        return None
    s = str(text).replace("\r\n", "\n").replace("\r", "\n")
    s = s.strip(" \t\n\u3000\u00a0\ufeff")
    return s or None

