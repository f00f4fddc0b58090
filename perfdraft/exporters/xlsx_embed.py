"""What an xlsx export stores and reads back: valid sheet names, how a string is stored, the draft
embedded in the ``_perfdraft`` sheet and the fingerprint of the visible cells. Split from ``xlsx``
(the writer) so that the importers read the embedded draft without it.

Written by ``xlsx._marker_sheet``: key/value rows (format, version, fingerprint, note), the TOML in
``draft`` rows of ``CHUNK`` characters, then their count. docs/export-formats.md has the spec.
"""

from __future__ import annotations

import hashlib
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

from ..drafts import MAX_DRAFT_BYTES
from ..sheet_refs import column_letters
from . import MARKER_FORMAT
from .safety import Embedded, unchanged, xml_safe

MARKER_SHEET = "_perfdraft"
# Version 2: key/value rows with the chunk count last (version 1 had it in row 4); both read back.
SHEET_VERSION = 2
CHUNK = 8000  # characters per cell of the embedded draft (Excel's limit is 32,767 UTF-16 units)
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\\x00-\x1f]")


def sheet_name(wanted: str, taken: set[str]) -> str:
    """A valid, unique sheet name: ≤31 characters, none of []:*?/\\, not History, deduped with (2)…"""
    name = _INVALID_SHEET_CHARS.sub("_", xml_safe(wanted)).strip().strip("'") or "项目"
    if name.lower() == "history":
        name += "_"
    base = _utf16_cut(name, 31).rstrip("'") or "项目"
    candidate, n = base, 1
    while candidate.lower() in taken:
        n += 1
        suffix = f"({n})"
        candidate = _utf16_cut(base, 31 - len(suffix)).rstrip("'") + suffix
    taken.add(candidate.lower())
    return candidate


def _utf16_cut(text: str, units: int) -> str:
    """``text`` cut to ``units`` UTF-16 code units: Excel counts a character beyond the BMP as two."""
    out, used = [], 0
    for ch in text:
        used += 2 if ord(ch) > 0xFFFF else 1
        if used > units:
            break
        out.append(ch)
    return "".join(out)


_OOXML_ESCAPE = re.compile(r"(_x[0-9a-fA-F]{4}_)")
_OOXML_CONTROL = re.compile(r"([\x00-\x08\x0b-\x1f])")


def stored_text(text: str) -> str:
    """A string as the file stores it and openpyxl reads it back: xlsxwriter writes ``\r`` as
    ``_x000D_`` and protects a literal ``_x0041_`` as ``_x005F_x0041_`` (the OOXML escape, which
    Excel undoes and openpyxl does not). The fingerprint hashes what a reader will see."""
    if "_x" in text:
        text = _OOXML_ESCAPE.sub(r"_x005F\1", text)
    return _OOXML_CONTROL.sub(lambda m: f"_x{ord(m.group(1)):04X}_", text)


def _toml_without_ooxml_escapes(text: str) -> str:
    """The draft's TOML with every ``_xHHHH_`` written ``_\u0078HHHH_``: the same string to TOML
    (such text only occurs inside strings, which all take escapes), but nothing any xlsx reader
    could unescape differently."""
    return _OOXML_ESCAPE.sub(lambda m: "_\\u0078" + m.group(1)[2:], text)


def _norm_number(f: float) -> str:
    return "n:" + format(Decimal(repr(f)).normalize(), "f")


def _norm(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int | float | Decimal):
        d = value if isinstance(value, Decimal) else Decimal(repr(value))
        return "n:" + format(d.normalize(), "f")
    return "s:" + str(value)


_FINGERPRINT_CELLS = 4_000_000


def fingerprint(wb: Any) -> str:
    """sha256 over the values of the visible sheets (titles, coordinates, normalised values).

    Reads rows as values only, so it works on a read-only (streaming) openpyxl workbook too."""
    h = hashlib.sha256()
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            continue
        if (ws.max_row or 0) * (ws.max_column or 0) > _FINGERPRINT_CELLS:
            # no export is this large: a cell typed far away (XFD1048576) means the sheet was edited, and
            # a read-only sheet's rows would be padded out to it (hours)
            return "edited:" + ws.title
        h.update(b"\x1e" + ws.title.encode("utf-8"))
        for r, row in enumerate(ws.iter_rows(values_only=True), start=1):
            for c, value in enumerate(row):
                if value is not None and value != "":
                    h.update(f"\x1f{column_letters(c)}{r}\x1d{_norm(value)}".encode())
    return h.hexdigest()


def read_embedded(source: str | Path | Any) -> Embedded | None:
    """The embedded draft of a perfdraft xlsx export, or None for any other workbook.

    ``intact`` is False when the visible cells differ from those exported (someone edited the
    tables): the importer should then read the tables and may use the text only as a reference.
    Accepts a path or an openpyxl workbook, normal or read-only.
    """
    if isinstance(source, str | Path):
        from openpyxl import load_workbook  # type: ignore[import-untyped]

        source = load_workbook(source, read_only=True)
    wb = source
    if MARKER_SHEET not in wb.sheetnames:
        return None
    ws = wb[MARKER_SHEET]
    # A damaged or forged sheet must not make us read a million rows (issue 9): no draft
    # (MAX_DRAFT_BYTES) needs more chunks than this.
    limit = min(8 + MAX_DRAFT_BYTES // CHUNK, ws.max_row or 0)
    meta: dict[Any, Any] = {}
    chunks: list[str] = []
    for row in ws.iter_rows(min_row=1, max_row=limit, max_col=2, values_only=True):
        key = row[0] if row else None
        value = row[1] if len(row) > 1 else None
        if key == "draft":
            chunks.append(str(value or ""))
        elif key is not None:
            meta.setdefault(key, value)
    if meta.get("format") != MARKER_FORMAT:
        return None
    try:
        version, n = int(meta.get("version") or 0), int(meta.get("chunks") or 0)
    except (TypeError, ValueError):
        return None
    if version > SHEET_VERSION or n != len(chunks):  # a newer format, or rows lost
        return None
    text = "".join(chunks)
    digest = meta.get("text-digest")
    return Embedded(text, fingerprint(wb) == meta.get("fingerprint") and unchanged(text, None if digest is None else str(digest)))
