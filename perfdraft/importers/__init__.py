"""Importers: last year's tables (xlsx, docx, text) → a perfdraft draft.

``import_files(paths)`` returns an :class:`~.common.ImportResult`: the draft, the repairs made or
noticed (one line each, never silent) and every piece of text that could not be placed (also kept in
the draft's ``notes``). A file that cannot be read at all raises :class:`~.common.ImportFailed`
(a ``DraftError``) with one Chinese line naming the file and what was expected.

Repairs: Word TOC field codes are stripped; a unit code glued to the unit name is split; with
``split_doc_number=True`` (``--split-doc-number``) a 文号 inside a project name moves to
``doc_number`` (【】 → 〔〕). Old and local level names and variant value forms (≧, ＞＝, 百分比,
thousands separators) are reported but kept as written: the checker judges them.
"""

from __future__ import annotations

import os
from pathlib import Path

from ..model import Draft
from .repairs import guess_framework, infer_year, remark_draft
from .report import ImportFailed, ImportResult, Report, Unplaced

__all__ = ["ImportFailed", "ImportResult", "Unplaced", "import_file", "import_files", "sniff"]

_REFUSED = {
    ".xls": "旧版 Excel（.xls）文件，请在 Excel 或 WPS 中另存为 .xlsx 后再导入",
    ".et": "WPS 表格（.et）文件，请另存为 .xlsx 后再导入",
    ".doc": "旧版 Word（.doc）文件，请在 Word 或 WPS 中另存为 .docx 后再导入",
    ".wps": "WPS 文字（.wps）文件，请另存为 .docx 后再导入",
    ".pdf": "PDF 文件，无法可靠读取表格；请用原始的 Word/Excel 文件，或把表格复制为文本后导入",
    ".ods": "OpenDocument 表格，请另存为 .xlsx 后再导入",
    ".odt": "OpenDocument 文档，请另存为 .docx 后再导入",
}
_TEXT_SUFFIXES = {".txt", ".text", ".md", ".tsv", ".csv", ".tab", ""}


def sniff(path: Path) -> str:
    """'xlsx', 'docx' or 'text'; ImportFailed for files of other kinds."""
    source = str(path)
    if not path.exists():
        raise ImportFailed(f"{source}：文件不存在")
    if path.is_dir():
        raise ImportFailed(f"{source}：这是一个目录，应为 xlsx、docx 或文本文件")
    try:
        with open(path, "rb") as fh:
            head = fh.read(8)
    except PermissionError:
        raise ImportFailed(f"{source}：没有读取权限") from None
    except OSError as exc:
        raise ImportFailed(f"{source}：无法读取（{exc.strerror}）") from None
    suffix = path.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        if suffix in (".xlsx", ".docx", ".xlsm"):
            raise ImportFailed(f"{source}：文件设有打开密码（已加密），请在 Excel/Word 中去掉密码另存后再导入")
        raise ImportFailed(f"{source}：是旧版 Office（.xls/.doc）格式，请另存为 .xlsx 或 .docx 后再导入")
    if head.startswith(b"%PDF"):
        raise ImportFailed(f"{source}：是 {_REFUSED['.pdf']}")
    if suffix in _REFUSED:
        raise ImportFailed(f"{source}：是{_REFUSED[suffix]}")
    if head.startswith(b"PK"):
        if suffix in (".xlsx", ".xlsm"):
            return "xlsx"
        if suffix == ".docx":
            return "docx"
        import zipfile

        try:
            with zipfile.ZipFile(path) as zf:
                members = set(zf.namelist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise ImportFailed(f"{source}：压缩包已损坏，应为 xlsx 或 docx 文件") from None
        if "xl/workbook.xml" in members:
            return "xlsx"
        if "word/document.xml" in members:
            return "docx"
        raise ImportFailed(f"{source}：是压缩包，但不是 xlsx 或 docx 文件")
    if suffix in (".xlsx", ".xlsm", ".docx"):
        kind = "Excel（xlsx）" if suffix != ".docx" else "Word（docx）"
        raise ImportFailed(f"{source}：不是有效的 {kind} 文件（文件头不对，可能已损坏或只是改了扩展名）")
    if suffix not in _TEXT_SUFFIXES and any(b < 9 or 13 < b < 32 for b in head if b != 27):
        raise ImportFailed(f"{source}：无法识别的文件类型（{suffix}），应为 .xlsx、.docx 或文本（.txt）")
    return "text"


def import_file(path: str | os.PathLike[str], *, split_doc_number: bool = False) -> ImportResult:
    return import_files([path], split_doc_number=split_doc_number)


def import_files(paths: list[str | os.PathLike[str]] | list[str], *, year: int | None = None,
                 split_doc_number: bool = False) -> ImportResult:
    """Import one or more files into one draft (department from the first file that has one)."""
    from . import docx as docx_reader
    from . import text as text_reader
    from . import xlsx as xlsx_reader

    merged: Draft | None = None
    repairs: list[str] = []
    unplaced: list[Unplaced] = []
    inferred: int | None = None
    for raw in paths:
        path = Path(raw)
        kind = sniff(path)
        report = Report(str(path))
        if kind == "xlsx":
            book = xlsx_reader.load(path)
            own = xlsx_reader.embedded(book, path, report)
            asm = None if own is not None else xlsx_reader.read(path, report, split_doc_number=split_doc_number,
                                                                  workbook=book)
        elif kind == "docx":
            document = docx_reader.load(path)
            own = docx_reader.embedded(document, path, report)
            asm = None if own is not None else docx_reader.read(path, report, split_doc_number=split_doc_number,
                                                                  document=document)
        else:
            own = None
            asm = text_reader.read(path, report, split_doc_number=split_doc_number)
        if own is not None:
            repairs.append(f"{path}：读取了 perfdraft 导出时嵌入的草稿，与导出时的草稿完全一致")
            repairs.extend(report.lines())
            merged = _merge(merged, own, repairs, unplaced, str(path))
            continue
        assert asm is not None
        draft = asm.finish()
        if not asm.found_anything:
            what = {"xlsx": "工作表", "docx": "文档", "text": "文本"}[kind]
            raise ImportFailed(f"{path}：{what}中没有找到绩效目标表（应有 项目名称、预算数 或 一级指标/二级指标/三级指标 表头）")
        if inferred is None:
            inferred = infer_year(asm)
        remark_draft(draft, report, split_doc_number=split_doc_number)
        guess_framework(draft, report)
        repairs.extend(report.lines())
        unplaced.extend(report.unplaced)
        merged = _merge(merged, draft, repairs, unplaced, str(path))
    assert merged is not None
    if year is not None:
        merged.year = year
    elif merged.year is None and inferred is not None:
        merged.year = inferred
        repairs.append(f"预算年度按文中年份推断为 {inferred}，如不对请用 --year 指定")
    elif merged.year is None:
        repairs.append("文中没有年份，草稿未设预算年度；请用 --year 指定")
    return ImportResult(merged, repairs, unplaced)


def _merge(into: Draft | None, draft: Draft, repairs: list[str], unplaced: list[Unplaced], source: str) -> Draft:
    """Add a second file's draft to the first: projects appended, department fields kept from the
    first file; a differing department field is listed as unplaced and kept in the draft's notes."""
    if into is None:
        return draft
    d, e = into.department, draft.department

    def conflict(what: str, text: str) -> None:
        unplaced.append(Unplaced(source, what, text))
        into.notes.append(f"导入时未能归位（{source} {what}，与前面的文件不同）：{text}")

    for key, label in (("code", "单位编码"), ("name", "单位名称"), ("overall_goal", "总体绩效目标"),
                       ("safeguards", "工作保障措施")):
        mine, theirs = getattr(d, key), getattr(e, key)
        if mine is None:
            setattr(d, key, theirs)
        elif theirs is not None and theirs != mine:
            conflict(label, theirs)
    if d.budget is None:
        d.budget = e.budget
    elif e.budget is not None and e.budget != d.budget:
        conflict("部门预算", f"合计 {e.budget.total}，财政拨款 {e.budget.fiscal}，其他资金 {e.budget.other}")
    if [g.text for g in e.sub_goals] != [g.text for g in d.sub_goals]:
        if d.sub_goals and e.sub_goals:
            repairs.append(f"{source}：分项绩效目标与前面的文件不同，已接在后面，请合并")
        d.sub_goals.extend(e.sub_goals)
    d.indicators.extend(e.indicators)
    into.projects.extend(draft.projects)
    into.notes.extend(draft.notes)
    if into.year is None:
        into.year = draft.year
    if draft.framework == "central-2021":
        into.framework = draft.framework
    return into
