"""A document's running head, printed again at the top of every page ('兴宁市民政局2024年部门预算' above each
page of its tables): met again after the document's first lines, it is no row, level or name."""

from __future__ import annotations

from . import kinds
from .cells import Line
from .facts import fact_label

_TOP = 3  # the document's first lines: where its running head is printed first


def _text(line: Line) -> str | None:
    texts = line.texts()
    return kinds.squash(texts[0]) if len(texts) == 1 else None


def drop_running_heads(lines: list[Line]) -> list[Line]:
    """``lines`` without the later copies of a head line the document opened with."""
    top = [t for line in lines[:_TOP] if (t := _text(line))]
    heads = {t for t in top if len(t) >= 6 and not kinds.table_title(t) and fact_label(t) is None
             and kinds.header_kind(t) is None and kinds.level_of(t) is None and not kinds.value_like(t)}
    if not heads:
        return lines
    out = lines[:_TOP]
    out.extend(line for line in lines[_TOP:] if _text(line) not in heads)
    return out
