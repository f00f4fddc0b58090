"""Text tables: the seed's one-cell-per-line layout and the usual ways a table is pasted as text.

Layouts read (each has a hand-written fixture under ``tests/fixtures/import/``):

* **one cell per line** (the seed, copied from Word): each cell on its own line indented by one tab,
  a blank line between table rows, free paragraphs (headings, department text) not indented. A cell
  of several paragraphs continues on the following unindented lines.
* **one row per line**, cells separated by tabs, by ``|`` (Markdown tables too) or by runs of two or
  more spaces (a space-aligned row with blank leading cells is placed by its column positions).
* grids with 一级/二级 only on the first row of their block (filled down) or on every row.
* the **numbered prose** form: ``一、产出指标`` / ``（一）数量指标`` / ``指标1：名称（≥值单位）``, and the
  bracketed ``【产出指标-数量指标】指标1：名称（值）`` form.
* **glued** rows whose cells lost their separators (``产出指标数量指标送戏下乡场次≥197场``): the level
  names and the value grammar split them, and the split is reported for review.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable
from pathlib import Path

from ..cells import width as cell_width
from . import kinds
from .assembler import Assembler
from .boxes import unbox
from .halves import split_halves
from .jsondoc import json_as_table
from .labels import grid_header
from .report import ImportFailed, Record, Report

MAX_TEXT_BYTES = 5 * 1024 * 1024


# '# source: https://…', '# layout: …': a capture's or a tool's header lines, not a Markdown heading
# ('# 2024年项目支出绩效目标表'), which has no ASCII key before a colon.
_COMMENT = re.compile(r"#{1,6}[ \t]*[A-Za-z][\w-]{0,20}[ \t]*:")


def blank_comments(text: str) -> tuple[str, int]:
    """The text with its comment lines (see _COMMENT) blanked, line numbers kept; how many."""
    if "#" not in text:
        return text, 0
    lines = text.split("\n")
    n = 0
    for i, line in enumerate(lines):
        if line.lstrip().startswith("#") and _COMMENT.match(line.lstrip()):
            lines[i] = ""
            n += 1
    return ("\n".join(lines), n) if n else (text, 0)


# An e-mail reply's quoted original: '> 项目名称\t…', a bare '>' for an empty line, '>> ' for a quote's quote
# (only the marks and the one space after each: the tabs after them are a pasted row's empty cells)
_QUOTED = re.compile(r"^ *(?:>(?=[ \t>]|$) ?)+", re.M)


def unquote(text: str) -> tuple[str, int]:
    """The text with e-mail quote marks taken off its lines, when enough lines carry them to be a quoted
    message (a table pasted into a reply) and not a value written as '>90%'; how many lines."""
    if ">" not in text:
        return text, 0
    quoted = len(_QUOTED.findall(text))
    lines = sum(1 for line in text.split("\n") if line.strip())
    if quoted < 5 or quoted < lines * 0.3:
        return text, 0
    return _QUOTED.sub("", text), quoted


# A Markdown list of labelled facts ('- **项目编码**：317-…', as perfdraft's own Markdown and chat answers
# write a project's header): the label and its value, the list mark and emphasis off
_MD_FACT = re.compile(r"^[ \t]*[-*+][ \t]+\*\*([^*\n]{1,30}?)\*\*[ \t]*([:：])", re.M)


_MD_BREAK = re.compile(r"<br\s*/?>", re.I)


def markdown_facts(text: str) -> tuple[str, int]:
    """Each listed fact as 'label：value'; its <br> (a paragraph break inside the value) a line break."""
    if "**" not in text:
        return text, 0
    def fact(m: re.Match[str]) -> str:
        return m.group(1) + m.group(2)
    lines, n = [], 0
    for line in text.split("\n"):
        line, k = _MD_FACT.subn(fact, line)
        n += k
        lines.append(_MD_BREAK.sub("\n", line) if k else line)
    return "\n".join(lines), n


# A level label a viewer's copy broke over lines, one cell a line ('满意度指' / '标', '服务对象' / '满意度指' /
# '标'): the pieces of a label ending in 指标 and read as none alone. (A name broken so is left: 服务对象 /
# 满意度 may be a 三级.)
_SHORT_PIECE = re.compile(r"[\u4e00-\u9fff]{1,8}")


def level_pieces_joined(text: str) -> tuple[str, int]:
    if "\n标" not in text and "\n指标" not in text and "\n响指标" not in text and "\n度指标" not in text:
        return text, 0
    lines = text.split("\n")
    out: list[str] = []
    joined = i = 0
    while i < len(lines):
        run = _label_run(lines, i)
        if run:
            out.append("".join(x.strip() for x in lines[i:i + run]))
            joined += 1
            i += run
            continue
        out.append(lines[i])
        i += 1
    return "\n".join(out), joined


def _label_run(lines: list[str], i: int) -> int:
    """How many lines from ``i`` make one level label ending in 指标 (0: none)."""
    pieces = [x.strip() for x in lines[i:i + 3]]
    if not pieces or not _SHORT_PIECE.fullmatch(pieces[0]) or kinds.level_of(pieces[0]) is not None:
        return 0
    for run in (2, 3):
        if len(pieces) < run or not all(_SHORT_PIECE.fullmatch(x) for x in pieces[:run]):
            return 0
        whole = "".join(pieces[:run])
        if whole.endswith("指标") and len(pieces[run - 1]) <= 3 and kinds.level_of(whole) is not None:
            return run
    return 0


def word_cell_breaks(text: str) -> tuple[str, int]:
    """A Word table copied as tabs: a cell holding a paragraph break spills its second paragraph onto a
    line of its own, between two rows ('…健康管理的人数占' / '年内已管理高血压患者人数的比例'). Such a line,
    no row, label or value itself, goes back to the end of the row above (it had become a row)."""
    if "\t" not in text:
        return text, 0
    lines = text.split("\n")
    out: list[str] = []
    joined = 0
    for i, line in enumerate(lines):
        bare = line.strip().rstrip("\r")
        prev = out[-1].rstrip("\r") if out else ""
        nxt = lines[i + 1] if i + 1 < len(lines) else ""
        if (bare and "\t" not in line and prev.count("\t") >= 3 and nxt.count("\t") >= 2 and len(bare) <= 60
                and _spilled_into(prev.rsplit("\t", 1)[-1], bare)):
            out[-1] = prev + bare
            joined += 1
            continue
        out.append(line)
    return "\n".join(out), joined


def _spilled_into(cell: str, line: str) -> bool:
    """``line`` reads as the rest of ``cell``: the cell a sentence left open (no value, no closing stop),
    the line no level, label or value of its own."""
    cell = cell.strip()
    return (len(cell) >= 6 and not kinds.value_like(cell) and not cell.endswith(("。", "；", ";"))
            and kinds.level_of(line) is None and kinds.header_kind(line) is None and not kinds.value_like(line)
            and "：" not in line and ":" not in line)


# A bilingual table's other script (藏文, 维吾尔文/哈萨克文, 蒙古文, 朝鲜文, 彝文) beside the Chinese: labels
# the Chinese repeats, never a value. Runs of its letters and its own marks (the tsheg ་ and shad །).
_SCRIPTS = (r"\u0F00-\u0FFF\u0600-\u06FF\u0750-\u077F\uFB50-\uFDFF\uFE70-\uFEFF\u1800-\u18AF"
            r"\uAC00-\uD7AF\u1100-\u11FF\uA000-\uA4CF")
_MINORITY = re.compile(rf"[{_SCRIPTS}]+(?:[ \u00a0]+[{_SCRIPTS}]+)*")


def minority_script_off(text: str) -> tuple[str, int]:
    """The text without the runs of another script a bilingual table prints beside the Chinese; how many."""
    if text.isascii():
        return text, 0
    runs = _MINORITY.findall(text)
    return (_MINORITY.sub("", text), len(runs)) if runs else (text, 0)


# Excel's copy of a cell holding a line break: the cell quoted, the break inside ('1\t"村级组织运转经费补助
# （含村干部基本报酬）"\t…'); the row is one line again, the quotes off
_QUOTED_CELL = re.compile(r'(?:(?<=\t)|(?<=^))"((?:[^"\t]|"")*\n(?:[^"\t]|"")*)"(?=\t|$)', re.M)


def tsv_cells_joined(text: str) -> tuple[str, int]:
    """Tab-separated text with its quoted multi-line cells back on their rows; how many."""
    if '"' not in text or "\t" not in text:
        return text, 0

    def one(m: re.Match[str]) -> str:
        inner = m.group(1).replace('""', '"')
        return re.sub(r"\s*\n\s*", lambda b: "" if _cjk_around(inner, b) else " ", inner)

    joined, n = _QUOTED_CELL.subn(one, text)
    return joined, n


def _cjk_around(text: str, m: re.Match[str]) -> bool:
    before, after = text[m.start() - 1:m.start()], text[m.end():m.end() + 1]
    return not (before.isascii() and after.isascii())


# The clean-up of a text file, in order, and what each says when it changed something ({n}: how much).
_STEPS: tuple[tuple[Callable[[str], tuple[str, int]], str, str], ...] = (
    (blank_comments, "comment", "{n} 行“# 键: 值”注释（如 # source:）不是表格内容，未导入"),
    (json_as_table, "json", "文本中是系统的 JSON 数据，已按字段读出 {n} 个指标（标记删除的不算），请核对"),
    (unquote, "quoted", "{n} 行是邮件回复中引用的原文（行首 >），已去掉引用符号读取"),
    (word_cell_breaks, "cell-breaks", "{n} 个单元格内换行后的文字（复制 Word 表格时另起一行）已接回所在单元格"),
    (level_pieces_joined, "level-pieces", "{n} 个折成几行的层级名称（如 满意度指 / 标）已接回"),
    (markdown_facts, "md-facts", "{n} 行 Markdown 列表中的“**栏目**：内容”已按栏目读取"),
    (tsv_cells_joined, "tsv-quoted", "{n} 个带换行的单元格（复制时加了引号）已接回所在行"),
    (minority_script_off, "script", "{n} 处藏文、维吾尔文、蒙古文等对照文字已略过，只读取汉字部分"),
    (split_halves, "halves", "指标表左右两半并排印刷，已先读左半、再读右半"),
    (unbox, "boxes", "方框线画的表格已按格子读取（格内换行已接回）"),
)


def prepared(path: Path, report: Report) -> str:
    """A text file as the readers take it, each step said once: decoded; comment lines blanked; a JSON
    document as a table; e-mail quote marks off; quoted multi-line cells back on their rows; another
    script beside the Chinese left out; two halves side by side one after the other; box-drawn and
    ASCII grid tables as pipe rows."""
    size = path.stat().st_size
    if size > MAX_TEXT_BYTES:
        raise ImportFailed(f"{path}：文件有 {size / 1024 / 1024:.1f} MiB，超过文本导入上限 "
                           f"{MAX_TEXT_BYTES // 1024 // 1024} MiB，不像是绩效目标表（应为一个单位的几张表）")
    text = decode(path.read_bytes(), str(path))
    for step, key, said in _STEPS:
        text, n = step(text)
        if n:
            report.note(key, said.format(n=n))
    return text


def decode(raw: bytes, source: str) -> str:
    """The file's text; a clear ImportFailed for empty files and binary data."""
    if not raw.strip(b" \t\r\n\x00\xef\xbb\xbf"):
        raise ImportFailed(f"{source}：文件是空的，应为绩效目标表（xlsx、docx，或复制出的文本）")
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if raw.startswith(bom):
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                raise ImportFailed(f"{source}：文件开头标明是 {enc} 文本，但内容无法按此编码读取") from None
            return _check_text(text, source)
    if b"\x00" in raw:
        utf16 = utf16_without_bom(raw)
        if utf16 is not None:  # Notepad's "Unicode" without its mark: a table, not binary data
            return _check_text(utf16, source)
        raise ImportFailed(f"{source}：不是文本文件（含二进制数据），应为 xlsx、docx 或 UTF-8/GBK 文本的绩效目标表")
    for enc in ("utf-8", "gb18030"):
        try:
            return _check_text(raw.decode(enc), source)
        except UnicodeDecodeError:
            continue
    raise ImportFailed(f"{source}：不是可识别的文本（既不是 UTF-8 也不是 GBK），应为 xlsx、docx 或文本的绩效目标表")


def utf16_without_bom(raw: bytes) -> str | None:
    """UTF-16 text with no byte-order mark: the zero bytes of its ASCII characters (line ends, digits,
    %) fall on one side (the other side's few are characters such as 一, U+4E00). The decoding that
    reads as text, or None."""
    if len(raw) % 2:
        return None
    even, odd = raw[0::2].count(0), raw[1::2].count(0)
    for enc, zeros, other in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if zeros >= 2 and other * 4 <= zeros:
            try:
                text = raw.decode(enc)
            except UnicodeDecodeError:
                continue
            if not _CONTROL.search(text.replace("\x00", "")) and "\x00" not in text:
                return text
    return None


# Unicode categories Cc (but tab, newlines, form feed), Co and Cs: one regex pass instead of a
# unicodedata call per character (1.2 s on a 5 MiB file).
_CONTROL = re.compile("[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ud800-\udfff\ue000-\uf8ff"
                      "\U000f0000-\U000ffffd\U00100000-\U0010fffd]")


def _check_text(text: str, source: str) -> str:
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) // 200):
        raise ImportFailed(f"{source}：不是文本文件（含大量控制字符），应为 xlsx、docx 或文本的绩效目标表")
    return text


def _width(text: str) -> int:
    return cell_width(text)


_SPACE_RUN = re.compile(r"(?: {2,}|\u3000[ \u3000]*| \u3000[ \u3000]*)")
_MD_RULE = re.compile(r"^\s*[|｜]?\s*:?-{3,}:?\s*([|｜]\s*:?-{3,}:?\s*)*[|｜]?\s*$")


def _split_spaces(line: str) -> list[tuple[int, str]]:
    """Cells separated by runs of ≥2 spaces, each with its display column."""
    out = []
    pos = 0
    body = line.rstrip(" \u3000")
    lead = len(body) - len(body.lstrip(" \u3000"))
    pos = lead
    for m in _SPACE_RUN.finditer(body, lead):
        out.append((_width(body[:pos]), body[pos:m.start()]))
        pos = m.end()
    out.append((_width(body[:pos]), body[pos:]))
    return [(c, t) for c, t in out if t]


_BR = re.compile(r"<br\s*/?>", re.I)


_TREE_MARK = re.compile(r"^\s*[▼▶►▸▾▽▷▹]\s*(?=\S)")


def records(text: str) -> list[Record]:
    """The text as table rows and paragraphs."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    tab_mode = any(re.search(r"[^\t\s]\t", line) for line in lines)
    out: list[Record] = []
    row: list[str] = []
    row_lines: list[int] = []
    gap = False
    header_pos: list[int] | None = None

    def flush() -> None:
        if row:
            out.append(Record(list(row), f"第 {row_lines[0]} 行", locs=[f"第 {n} 行" for n in row_lines]))
            row.clear()
            row_lines.clear()

    for n, line in enumerate(lines, 1):
        if line.strip(" \u3000\f\v") == "" and "\t" not in line:
            flush()
            gap = True
            continue
        if not tab_mode and line.startswith("\t"):
            row.append(line[1:])
            row_lines.append(n)
            continue
        flush()
        where = f"第 {n} 行"
        if _MD_RULE.match(line):
            continue
        if tab_mode and "\t" in line:
            # a web system's tree of levels ('▼ 产出指标', '▶ 成本指标' folded): the marks are no text
            cells: list[str | None] = [_TREE_MARK.sub("", c) for c in line.split("\t")]
        elif line.count("|") + line.count("｜") >= 2 or line.strip().startswith(("|", "｜")):
            s = line.strip()
            s = s[1:] if s[:1] in "|｜" else s
            s = s[:-1] if s[-1:] in "|｜" else s
            cells = [_BR.sub("\n", c) for c in re.split(r"[|｜]", s)]  # a Markdown cell's <br> is its line break
        else:
            parts = _split_spaces(line)
            if len(parts) <= 1:
                text = re.sub(r"^#{1,6}\s+", "", line.strip(" \u3000\t"))  # a Markdown heading
                out.append(Record([text], where, para=True, gap=gap))
                gap = False
                continue
            cells = [t for _, t in parts]
            if grid_header(cells) is not None:
                header_pos = [c for c, _ in parts]
            elif header_pos is not None and len(parts) < len(header_pos):
                placed: list[str | None] = [None] * len(header_pos)
                positions = header_pos
                for col, t in parts:
                    k = min(range(len(positions)), key=lambda j, col=col: abs(positions[j] - col))  # type: ignore[misc]
                    if placed[k] is None:
                        placed[k] = t
                    else:  # two cells nearest the same column: keep both, in order
                        placed[k] = f"{placed[k]} {t}"
                cells = placed
        out.append(Record(cells, where, locs=[f"第 {n} 行第 {k + 1} 列" for k in range(len(cells))]))
        gap = False
    flush()
    return out


def looks_like_csv(text: str) -> bool:
    """Text that is a csv file shown as it is (an attachment's preview, a pasted export): rows of
    comma-separated cells with empty ones (',,', a leading or trailing comma). Prose with commas has
    none of those. LibreOffice's and a European Excel's csv separate by ';'."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    for sep in (",", ";"):
        rows = sum(1 for ln in lines if ln.count(sep) >= 2 and (sep * 2 in ln or ln.startswith(sep) or ln.rstrip().endswith(sep)))
        if rows >= 5 and rows * 3 >= len(lines):
            return True
    return False


_CSV_ERRORS = {"new-line character seen in unquoted field": "引号外有换行符",
               "line contains NUL": "含有空字符（NUL）", "field larger than field limit": "单元格过长"}


def csv_records(text: str, report: Report) -> list[Record]:
    """A csv file (one indicator per row, as a budget system or ``perfdraft export --to csv`` writes)."""
    import csv
    import io

    sample = text[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    # a cell may be as long as the file (within MAX_TEXT_BYTES); csv's own limit is 128 KiB
    csv.field_size_limit(max(csv.field_size_limit(), len(text) + 1))
    out = []
    try:
        rows = list(csv.reader(io.StringIO(text), dialect))
    except csv.Error as exc:
        raise ImportFailed(f"{report.source}：csv 格式有误，无法按行读取（{_CSV_ERRORS.get(str(exc).split(' (')[0], '格式不合法')}），"
                           "请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入") from None
    for n, row in enumerate(rows, 1):
        cells: list[str | None] = []
        for k, cell in enumerate(row):
            if cell[:1] == "'" and cell[1:2] in ("=", "+", "-", "@", "\t", "\r"):
                cell = cell[1:]  # the ' a csv export puts before formula-like text
                report.note("csv-quote", "已去掉 csv 中防公式注入的前导 '", f"第 {n} 行第 {k + 1} 列")
            cells.append(cell)
        out.append(Record(cells, f"第 {n} 行", locs=[f"第 {n} 行第 {k + 1} 列" for k in range(len(cells))]))
    return out


def read(path: Path, report: Report, *, split_doc_number: bool = False) -> Assembler:
    return read_text(prepared(path, report), path, report, split_doc_number=split_doc_number)


def read_text(text: str, path: Path, report: Report, *, split_doc_number: bool = False) -> Assembler:
    """The assembler fed with a prepared text's records (see :func:`prepared`)."""
    asm = Assembler(str(path), report, split_doc_number=split_doc_number)
    as_csv = path.suffix.lower() == ".csv" or looks_like_csv(text)
    for rec in (csv_records(text, report) if as_csv else records(text)):
        report.take_cells(len(rec.cells), rec.where)
        asm.feed(rec)
    return asm
