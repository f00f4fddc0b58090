"""Indicator rows shown as cards, one ``label：value`` per line (a phone page's view of the table, or a
form's printout):

    【指标1】
    一级指标：产出指标
    二级指标：数量指标
    三级指标：在校学生人数
    指标值：≥2860
    计量单位：人

Each card becomes one line of ``label：value；`` pairs, which the text reader reads as a grid row
(cells.label_pairs). Line numbers are kept: the card's other lines become blank.
"""

from __future__ import annotations

import re

from .. import values
from . import kinds

_PAIR = re.compile(r"^\s*([^：:\s]{2,12})\s*[：:]\s*(.*?)\s*$")
_GRID_KINDS = frozenset({"l1", "l2", "name", "value", "unit", "sign", "desc"})
_MIN_FIELDS = 3  # a card names at least its levels or its name and value


def _field(line: str) -> bool:
    """One field alone on its line (a line of several 'label：value；' pairs is a row already)."""
    m = _PAIR.match(line)
    return m is not None and not re.search(r"[；;：:]", m.group(2)) and kinds.header_kind(m.group(1)) in _GRID_KINDS


_PAIR_KINDS = _GRID_KINDS | {"actual", "reason", "note", "weight", "score"}


def _label_alone(line: str) -> str | None:
    """A grid field's label alone on its line, its value on the next (an OA approval's detail page:
    一级指标 / 产出指标 / 三级指标 / 运行补贴覆盖户数 / 年度指标值/1—7月完成值 / ≥16800户/16520户), as the label
    the pair is written with; None for any other line."""
    t = line.strip()
    if not t or len(t) > 16 or re.search(r"[：:；;]", t):
        return None
    first = re.split(r"[/／]", t)[0]  # 年度指标值/1—7月完成值: the target's label first, then the actual's
    for label in (first, re.sub(r"及.*$", "", first)):  # 偏差原因及纠偏措施
        if kinds.header_kind(label) in _PAIR_KINDS:
            return label
    return None


def _target_and_actual(value: str) -> tuple[str, str] | None:
    """'≥16800户/16520户' under 年度指标值/1—7月完成值: cut at the slash that joins the two (not one inside a
    unit: ≤1500元/户/1500元/户, ≤42微克/立方米/—), where both halves read alike."""
    best = None
    for m in re.finditer(r"[/／]", value):
        left, right = value[:m.start()].strip(), value[m.end():].strip()
        if not left or not right:
            continue
        a, b = values.parse(left), values.parse(right)
        if isinstance(a, values.Quantity) and isinstance(b, values.Quantity) and a.unit == b.unit:
            return left, right
        if right in ("—", "-", "－", "无") or not re.search(r"\d", left + right):
            best = best or (left, right)  # ≤42微克/立方米/—: no result yet; 明显改善/阶段性改善: two terms
    return best


def _label_pairs(lines: list[str], out: list[str]) -> None:
    """Cards whose labels and values stand on lines of their own, joined as ``uncard`` joins the others."""
    n = 0
    while n < len(lines):
        pairs: list[str] = []
        k = n
        while k + 1 < len(lines) and (label := _label_alone(lines[k])) is not None and lines[k + 1].strip() \
                and _label_alone(lines[k + 1]) is None:
            value = lines[k + 1].strip()
            joined = _target_and_actual(value) if re.search(r"[/／]", lines[k].strip()) else None
            if joined is not None and kinds.header_kind(label) == "value":
                pairs.append(f"{label}：{joined[0]}")
                if joined[1] not in ("—", "-", "－", "/"):
                    pairs.append(f"实际完成值：{joined[1]}")
            else:
                pairs.append(f"{label}：{value}")
            k += 2
        if len(pairs) >= _MIN_FIELDS and any(p.startswith("三级指标") or kinds.header_kind(p.split("：")[0]) == "name"
                                              for p in pairs):
            out[n] = "；".join(pairs) + "；"
            for j in range(n + 1, k):
                out[j] = ""
            n = k
        else:
            n += 1


def uncard(text: str) -> str:
    """``text`` with each card of grid fields on one line (see the module docstring)."""
    lines = text.split("\n")
    out = list(lines)
    if sum(1 for line in lines if _label_alone(line)) >= _MIN_FIELDS * 2:
        _label_pairs(lines, out)
        lines = list(out)
    if text.count("：") + text.count(":") < _MIN_FIELDS * 2:
        return "\n".join(out)
    n = 0
    while n < len(lines):
        if not _field(lines[n]):
            n += 1
            continue
        end = n
        while end < len(lines) and _field(lines[end]):
            end += 1
        if end - n >= _MIN_FIELDS:
            out[n] = "；".join(lines[k].strip() for k in range(n, end)) + "；"
            for k in range(n + 1, end):
                out[k] = ""
        n = end
    return "\n".join(out)
