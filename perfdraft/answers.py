"""Reading typed answers: amounts of money, spending plans, pasted table rows, 指标值确定依据.

Each parser raises ``Rejected`` with a plain-Chinese reason and an example of what would be read.
"""

from __future__ import annotations

import re
from decimal import Decimal

from . import numbers
from ._lazy import LazyPattern
from .model import BASIS_CATEGORIES, Basis, SpendingPlan, format_number
from .numbers import FULL_WIDTH
from .prompts import Rejected


def parse_money(text: str) -> Decimal:
    """A typed amount in 元 (numbers.py reads it, as everywhere); a negative amount is no budget. A sentence's
    stop after it (80万元。, as a clerk ends what they write) is no part of it."""
    text = text.strip().rstrip("。．.，,；;")
    money = numbers.read_money(text)
    if money is None and numbers.too_large(text):
        raise Rejected(f"“{text}”金额太大（超过 10^15 元），请检查是否多打了数字")
    if money is not None and money[0] < 0:  # said as what it is: -1 is a number ("不是金额" puzzled)
        raise Rejected(f"“{text}”是负数；金额不能为负，请写 0 或正数（元），如 1600000 或 160万")
    if money is None:
        raise Rejected(f"“{text}”不是金额；请写数字（元），如 1600000 或 160万")
    if money[0] != money[0].quantize(Decimal("0.01")):
        # 0.0000000000001 was taken, then no save could write it (and 0.0000000000001万 was kept as 0.00)
        raise Rejected(f"“{text}”比 1 分（0.01 元）还细；金额最多写到分，如 1600000 或 1600000.50")
    return money[0]


def parse_plan(text: str) -> SpendingPlan:
    if text.strip() in ("均匀", "平均"):
        return SpendingPlan(Decimal(25), Decimal(50), Decimal(75), Decimal(100))
    parts = [p for p in re.split(r"[\s,，、/;；%％]+", text.translate(FULL_WIDTH).strip()) if p]
    if len(parts) != 4:
        raise Rejected(f"需要 4 个数（3月底、6月底、10月底、12月底），收到 {len(parts)} 个；例如 25 50 75 100")
    # Plain digits only: Decimal also reads nan, inf and sNaN, which then raised on comparison with a
    # traceback in the TUI and a stuck line mode (issue 19, item 6).
    if not all(re.fullmatch(r"\d{1,3}(?:\.\d{1,4})?", p) for p in parts):
        raise Rejected("支出计划只能填 0–100 的数字，例如 25 50 75 100")
    cells = [n for n in map(numbers.read_decimal, parts) if n is not None]  # all four: the pattern admits numbers only
    bad = [c for c in cells if not 0 <= c <= 100]
    if bad:
        raise Rejected(f"{format_number(bad[0])} 超出 0–100；支出计划是累计百分比")
    return SpendingPlan(*cells)


def plan_text(plan: SpendingPlan | None) -> str:
    if plan is None or plan.is_blank():
        return ""
    return " ".join("" if c is None else format_number(c.normalize() if c == c.to_integral() else c) for c in plan.cells())


def split_row(text: str) -> list[str] | None:
    """A pasted row: tab- or pipe-separated cells (an Excel row arrives tab-separated).

    Cells: 三级, 描述, 指标值[, 依据[, 公式]] — or a whole table row 一级, 二级, 三级, 描述, 指标值, 依据[, 公式]."""
    if "\t" in text:
        cells = [c.strip() for c in text.split("\t")]
    elif "|" in text or "｜" in text:
        cells = [c.strip() for c in re.split(r"[|｜]", text.strip().strip("|｜"))]
    else:
        return None
    while cells and not cells[-1]:
        cells.pop()
    return cells if len(cells) >= 2 else None


def editable_line(text: str) -> str | None:
    """A refused answer as it goes back into a one-line input to be fixed: a pasted row's tabs as `` | ``
    (split_row reads both), so the row is edited, not pasted or typed again; None for several lines."""
    text = text.strip("\r\n")
    if "\n" in text:
        return None
    return " | ".join(c.strip() for c in text.split("\t")) if "\t" in text else text


def basis_from_text(text: str) -> Basis:
    text = text.strip()
    if text and text[0] in "１２３４":  # a full-width choice number (２、《…》) is the choice, as 2 is
        text = str("１２３４".index(text[0]) + 1) + text[1:]
    m = re.match(r"^([1-4])\s*[、.．:：]?\s*(.*)$", text)
    if m:
        return Basis(BASIS_CATEGORIES[int(m.group(1)) - 1], m.group(2).strip() or None)
    for cat in BASIS_CATEGORIES:
        if text.startswith(cat):
            rest = text[len(cat):].lstrip("：:，, ")
            return Basis(cat, rest or None)
    return Basis(suggest_basis_category(text), text or None)


_BASIS_HINTS = [
    (LazyPattern(r"〔\d{4}〕|\[\d{4}\]|【\d{4}】|规划|计划|预算|文件|方案|号"), "计划标准"),
    (LazyPattern(r"GB|国家标准|行业标准|规范|标准化"), "行业标准"),
    (LazyPattern(r"上年|近三年|历年|往年|实际执行"), "历史标准"),
]


def suggest_basis_category(note: str) -> str:
    for pattern, cat in _BASIS_HINTS:
        if pattern.search(note):
            return cat
    return "其他标准"


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def unreadable(text: str) -> str | None:
    """Why an answer cannot be taken as typed: U+FFFD (bytes the terminal sent in another encoding,
    decoded as replacement characters) or control characters (Esc sequences, NUL); None when fine."""
    if "\ufffd" in text:
        return ("回答中有无法识别的字符（显示为 �）：终端或输入法的编码可能不是 UTF-8；"
                "请把终端设为 UTF-8（如 export LANG=zh_CN.UTF-8）后重新输入，草稿未改动")
    m = _CONTROL.search(text)
    if m:
        return (f"回答中有控制字符（U+{ord(m.group(0)):04X}，如 Esc、响铃）：可能是粘贴时带进来的；"
                "请去掉后重新输入，草稿未改动")
    return None
