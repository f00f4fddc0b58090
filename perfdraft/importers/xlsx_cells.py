"""The cells of an xlsx workbook read straight from its XML with lxml's iterparse: shared strings,
number formats (0.95 shown as 95%, date serials as dates), visible and hidden sheets, merged ranges,
and formula cells whose result was never calculated (no cached value: a file written by a program,
not saved by Excel). openpyxl's read-only mode builds an object per cell and per rich-text run; this
reads what the importer needs and nothing else. :func:`sources.xlsx_records` falls back to openpyxl
for a workbook this reader does not understand.
"""

from __future__ import annotations

import posixpath
import re
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from ..sheet_refs import column_number

_M = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
_R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_REL = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CELL = re.compile(r"^([A-Z]{1,3})(\d+)$")
# A formula with no cell, no sheet and no function in it, and a percentage or words ('100%', '52元/亩'): a
# target typed as '=100%' (Excel and WPS take a leading = for a formula), not a calculation. '=800+56' is
# one, and its cached result is the value.
_TYPED_TARGET = re.compile(r"^\s*\d[^A-Za-z()!$:,\"']*(?:%|[\u4e00-\u9fff])[^A-Za-z()!$:,\"']*$")


class Unsupported(Exception):
    """Something this reader does not handle (strict OOXML, a missing part): openpyxl reads it."""


class TooLarge(Exception):
    """A sheet past the caps, found while streaming (before its rows are all built)."""

    def __init__(self, sheet: str, what: str):
        super().__init__(what)
        self.sheet, self.what = sheet, what


# Set by the caller (sources.py holds the import caps): rows, columns, cells of one sheet.
LIMITS = (20_000, 200, 300_000)


@dataclass
class Sheet:
    name: str
    visible: bool
    rows: list[list[Any]] = field(default_factory=list)  # cell_text()'s arguments: (value, number format)
    ranges: list[tuple[tuple[int, int], tuple[int, int]]] = field(default_factory=list)
    uncalculated: list[tuple[int, int]] = field(default_factory=list)  # formula cells without a value
    hidden_rows: list[int] = field(default_factory=list)  # row numbers (1-based) hidden in Excel, not read
    dims: tuple[int, int] = (0, 0)


def _parser() -> Any:
    from lxml import etree  # type: ignore[import-untyped]

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)


def _xml(zf: zipfile.ZipFile, name: str) -> Any:
    from lxml import etree

    try:
        return etree.fromstring(zf.read(name), _parser())
    except KeyError:
        return None


def _part(zf: zipfile.ZipFile, name: str) -> str:
    """The zip member a relationship names: part names compare without case (OPC), and budget systems
    write 'worksheets/Sheet1.xml' for the member 'xl/worksheets/sheet1.xml'."""
    if name in zf.NameToInfo:
        return name
    lower = {n.lower(): n for n in zf.namelist()}
    return lower.get(name.lower(), name)


def _target(base: str, target: str) -> str:
    return target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(base, target))


_ESCAPE = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape(text: str) -> str:
    """A string as Excel shows it: OOXML writes characters XML cannot hold as ``_xHHHH_`` (a carriage return
    pasted from Word is ``_x000D_``; ``_x005F_`` escapes a literal underscore). Line ends become one break."""
    if "_x" not in text:
        return text
    return _ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), text).replace("\r\n", "\n").replace("\r", "\n")


def _shared(zf: zipfile.ZipFile, name: str = "xl/sharedStrings.xml") -> list[str]:
    from lxml import etree

    try:
        stream = zf.open(_part(zf, name))
    except KeyError:
        return []
    out = []
    with stream:
        for _, si in etree.iterparse(stream, events=("end",), tag=_M + "si", resolve_entities=False, no_network=True):
            # the text runs, without phonetic guides (w:rPh), as Excel shows the cell
            out.append(unescape("".join(t.text or "" for t in si.iter(_M + "t") if t.getparent().tag != _M + "rPh")))
            si.clear()
    return out


def _formats(zf: zipfile.ZipFile) -> list[str | None]:
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    root = _xml(zf, "xl/styles.xml")
    if root is None:
        return []
    custom = {int(n.get("numFmtId")): n.get("formatCode") for n in root.iter(_M + "numFmt")}
    xfs = root.find(_M + "cellXfs")
    out: list[str | None] = []
    for xf in (xfs if xfs is not None else []):
        nid = int(xf.get("numFmtId") or 0)
        out.append(custom.get(nid) or BUILTIN_FORMATS.get(nid))
    return out


def read(path: Any, skip: str, count: Callable[[int, str], None] = lambda n, where: None) -> list[Sheet]:
    """Every sheet but ``skip`` in workbook order (hidden ones with no rows read). ``count`` is told the
    cells of each row as it is read, so that a whole-file cap stops the reading itself."""
    from openpyxl.styles.numbers import is_date_format
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, CALENDAR_WINDOWS_1900, from_excel

    with zipfile.ZipFile(path) as zf:
        book = _xml(zf, "xl/workbook.xml")
        rels = _xml(zf, "xl/_rels/workbook.xml.rels")
        if book is None or rels is None or book.tag != _M + "workbook":
            raise Unsupported("workbook")
        pr = book.find(_M + "workbookPr")
        epoch = CALENDAR_MAC_1904 if pr is not None and pr.get("date1904") in ("1", "true") else CALENDAR_WINDOWS_1900
        targets = {r.get("Id"): r.get("Target") for r in rels.iter(_REL)}
        strings = next((r.get("Target") for r in rels.iter(_REL) if (r.get("Type") or "").endswith("/sharedStrings")
                        and r.get("Target")), None)
        shared = _shared(zf, _target("xl", strings)) if strings else _shared(zf)
        formats = _formats(zf)
        dates = [bool(f) and is_date_format(f) for f in formats]
        out = []
        for s in book.iter(_M + "sheet"):
            name = s.get("name") or ""
            if name == skip:
                continue
            sheet = Sheet(name, (s.get("state") or "visible") == "visible")
            out.append(sheet)
            if not sheet.visible:
                continue
            target = targets.get(s.get(_R))
            if not target:
                raise Unsupported(f"sheet {name}")
            with zf.open(_part(zf, _target("xl", target))) as stream:
                _sheet(stream, sheet, shared, formats, dates, lambda v: from_excel(v, epoch), count)
    return out


def _sheet(stream: Any, sheet: Sheet, shared: list[str], formats: list[str | None], dates: list[bool],
           to_date: Any, count: Callable[[int, str], None]) -> None:
    from lxml import etree

    rows: dict[int, list[Any]] = {}
    width = cells = 0
    for _, el in etree.iterparse(stream, events=("end",), tag=(_M + "row", _M + "mergeCell", _M + "dimension"),
                                 resolve_entities=False, no_network=True):
        if el.tag == _M + "dimension":
            m = re.match(r"^[A-Z]{1,3}\d+:([A-Z]{1,3})(\d+)$", el.get("ref") or "")
            if m:
                sheet.dims = (int(m.group(2)), column_number(m.group(1)))
            continue
        if el.tag == _M + "mergeCell":
            a, _, b = (el.get("ref") or "").replace("$", "").partition(":")
            ma, mb = _CELL.match(a), _CELL.match(b or a)
            if ma and mb:
                sheet.ranges.append(((int(ma.group(2)) - 1, column_number(ma.group(1)) - 1),
                                     (int(mb.group(2)) - 1, column_number(mb.group(1)) - 1)))
            continue
        r = int(el.get("r") or (max(rows) + 1 if rows else 1))
        if el.get("hidden") in ("1", "true"):
            # a row hidden in Excel (a template's leftover, a helper row) is not in the printed table
            if r > LIMITS[0]:
                raise TooLarge(sheet.name, f"超过 {LIMITS[0]} 行")
            sheet.hidden_rows.append(r)
            rows.setdefault(r, [])
            el.clear(keep_tail=True)
            continue
        row: list[Any] = []
        for c in el:
            if c.tag != _M + "c":
                continue
            ref = _CELL.match(c.get("r") or "")
            col = column_number(ref.group(1)) if ref else len(row) + 1
            while len(row) < col - 1:
                row.append((None, None))
            t = c.get("t") or "n"
            s = int(c.get("s") or 0)
            fmt = formats[s] if s < len(formats) else None
            v = c.find(_M + "v")
            text = v.text if v is not None else None
            if t == "inlineStr":
                node = c.find(_M + "is")
                value: Any = unescape("".join(x.text or "" for x in node.iter(_M + "t"))) if node is not None else None
            elif (formula := c.find(_M + "f")) is not None and _TYPED_TARGET.match(formula.text or ""):
                # '=100%' typed as a target is taken by Excel and WPS for a formula (cached 1): the text
                # the user typed is the value
                value = "=" + (formula.text or "")
            elif text is None:
                value = None
                if c.find(_M + "f") is not None:
                    sheet.uncalculated.append((r - 1, col - 1))
            elif t == "s":
                value = shared[int(text)]
            elif t == "b":
                value = text.strip() in ("1", "true")
            elif t in ("str", "e"):
                value = text
            else:
                value = float(text) if any(ch in text for ch in ".eE") else int(text)
                if s < len(dates) and dates[s]:
                    value = to_date(value)
            row.append((value, fmt))
        rows[r] = row
        width = max(width, len(row))
        cells += len(row)
        count(len(row), f"工作表“{sheet.name}”第 {r} 行")
        if r > LIMITS[0] or width > LIMITS[1] or cells > LIMITS[2]:
            raise TooLarge(sheet.name, f"超过 {LIMITS[0]} 行、{LIMITS[1]} 列或 {LIMITS[2]} 个单元格")
        el.clear(keep_tail=True)
        parent = el.getparent()
        while el.getprevious() is not None:
            del parent[0]
    height = max(rows) if rows else 0
    width = max(width, sheet.dims[1]) if rows else 0
    sheet.rows = [(rows.get(n) or []) + [(None, None)] * (width - len(rows.get(n) or [])) for n in range(1, height + 1)]
