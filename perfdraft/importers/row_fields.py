"""One row of the shape assembler, its cells gathered by column kind, as an :class:`Indicator`.

The model's fields take what they have room for; every other column is kept, labelled, in the row's
note (中期指标值, 实际完成值, 得分 … where the model has no slot), so nothing read is dropped."""

from __future__ import annotations

import re

from ..model import Indicator
from . import kinds, registry
from .facts import read_number
from .labels import join_value, parse_basis

# Columns without a model field in every build: kept in the note under their printed label.
_NOTE_COLUMNS = (("mid_value", "中期指标值"), ("actual", "实际完成值"), ("score", "得分"),
                 ("scoring", "评分标准"), ("reason", "偏差原因"), ("adjusted", "调整指标值"), ("original", "原指标值"))

# a number (or a band of two: 4500—5000 | 株/亩), or the template's ** blank
_BARE_NUMBER = re.compile(r"[≥≤><=≧≦]?\s*(?:-?\d[\d,.]*(?:\s*[-—–~～至]\s*\d[\d,.]*)?|\*+|[xX]+)")


def indicator_of(f: dict[str, str], name: str | None, level1: str | None, level2: str | None) -> Indicator:
    if f.get("mid_value") and (f.get("mid_sign") or f.get("mid_unit")):  # the 中期 group's own sign and unit
        f = {**f, "mid_value": join_value(f.get("mid_sign"), f["mid_value"], f.get("mid_unit"))[0] or f["mid_value"]}
    value = f.get("value")
    if f.get("original") and (value is None or kinds.squash(value) in kinds.UNCHANGED):
        value = f["original"]  # 调整后指标值 不变 (or blank): the 原指标值 stands
    # an operator is the value's sign in whichever column the province prints it (上海: 指标方向 ≥ / ≤)
    sign = f.get("sign") or next((f[k] for k in ("nature", "direction") if kinds.is_sign(f.get(k) or "")), None)
    unit = f.get("unit")
    notes_unit = None
    if unit and value and not _BARE_NUMBER.fullmatch(kinds.squash(value)):
        notes_unit = f"计量单位：{unit}"  # the value carries its own unit or is a word: keep both as written
        unit = None
    if sign or unit:
        value, _ = join_value(sign, value, unit)
    weight = read_number(f["weight"]) if f.get("weight") else None
    model_fields = Indicator.__dataclass_fields__
    score = read_number(f["score"]) if f.get("score") else None
    kept = {"actual": "actual" in model_fields, "scoring": "scoring" in model_fields,
            "score": score is not None and "score" in model_fields}
    notes = [f["note"]] if f.get("note") else []
    notes.extend(f"{label}：{f[key]}" for key, label in _NOTE_COLUMNS if f.get(key) and not kept.get(key))
    if notes_unit:
        notes.append(notes_unit)
    ind = Indicator(level1=level1, level2=level2, name=name, value=value,
                    description=f.get("desc"), basis=parse_basis(f.get("basis")), weight=weight,
                    note="；".join(notes) or None)
    extra: dict[str, object] = {"actual": f.get("actual"), "scoring": f.get("scoring"), "score": score,
                                "unit": f.get("unit"),
                                "nature": f.get("nature") if kinds.is_nature(f.get("nature") or "") else None}
    for key, item in extra.items():
        if item is not None and key in model_fields:
            setattr(ind, key, item)
    for key, item in f.items():  # a column the registry declares and this reader has no slot for
        if key.startswith("field:") and registry.store(ind, key, item) is not None:
            fdef = registry.field_of(key)
            ind.note = "；".join(x for x in (ind.note, f"{fdef.label if fdef else key}：{item}") if x)
    return ind
