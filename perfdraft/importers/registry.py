"""The field registry (perfdraft/fields.py) as the importers read it: which header labels name which
column of the indicator grid, and how a column the assemblers do not place themselves is stored.

Both assemblers keep only the wording the registry does not list (their local tables, OCR-damaged and
regional labels); every label and alias declared in the registry is added here, so a field declared
there is imported as it is declared. Tables are built per registry (tests swap ``fields.FIELDS``).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache
from typing import Any

from .. import fields

# Registry fields the shape assembler handles itself, by its own column kinds; any other indicator
# field is the kind "field:<key>" and stored through the registry (see :func:`store`).
SHAPE_KINDS = {
    "indicator.level1": "l1", "indicator.level2": "l2", "indicator.name": "name", "indicator.description": "desc",
    "indicator.value": "value", "indicator.symbol": "sign", "indicator.unit": "unit", "indicator.basis": "basis",
    "indicator.direction": "direction", "indicator.nature": "nature", "indicator.weight": "weight",
    "indicator.scoring": "scoring", "indicator.value_note": "note", "indicator.actual": "actual",
    "indicator.score": "score", "indicator.note": "note",
}
# ... and the label assembler, by its own field names.
LABEL_KINDS = {"indicator.symbol": "sign", "indicator.nature": "sign", "indicator.value_note": "note"}
# Registry aliases that name something else in a printed table: '绩效指标' heads the whole grid
# (a merged lead cell), it is no column of names.
NOT_A_COLUMN = {"绩效指标"}


def _squash(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def _usable(f: fields.Field, label: str) -> bool:
    """Short aliases ('方向', '依据') are plain words in many cells; only a field's own label counts short."""
    return label not in NOT_A_COLUMN and (len(_squash(label)) >= 3 or label == f.label)


@lru_cache(maxsize=4)
def _grid(registry: fields.RegistryKey, shape: bool) -> dict[str, str]:
    out: dict[str, str] = {}
    for f in fields.FIELDS.values():
        if f.owner != "indicator":
            continue
        if shape:
            kind = SHAPE_KINDS.get(f.key, f"field:{f.key}")
        else:
            kind = LABEL_KINDS.get(f.key, f.attr)
        for label in f.labels:
            if _usable(f, label):
                out.setdefault(_squash(label), kind)
    return out


def shape_headers() -> dict[str, str]:
    """Header label (squashed) → the shape assembler's column kind, from the registry."""
    return _grid(fields.registry_key(), True)


def label_headers() -> dict[str, str]:
    """Header label (squashed) → the label assembler's grid field, from the registry."""
    return _grid(fields.registry_key(), False)


def field_of(kind: str) -> fields.Field | None:
    """The registry field of a generic kind ('field:project.category', or an indicator attribute)."""
    key = kind[6:] if kind.startswith("field:") else f"indicator.{kind}"
    return fields.FIELDS.get(key)


def store(obj: Any, kind: str, text: str) -> str | None:
    """Put a cell of a column the assembler does not place itself on ``obj`` through the registry.
    None when stored; else the reason it was not (the caller keeps the text in the row's note)."""
    f = field_of(kind)
    if f is None or f.kind == "special" or "." in f.attr:
        return f"{kind}"
    try:
        value = fields.parse(f, text)
    except fields.FieldValueError as exc:
        return str(exc)
    if f.get(obj) is None:
        f.set(obj, value)
    return None
