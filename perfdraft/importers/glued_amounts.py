"""Amounts printed with nothing between them (split from facts.py): '64.864.8' (年初 and 全年 预算数 the
same), '200197.5198.2' (金额 | 执行数 | …), read as the one total a reader takes from them."""

from __future__ import annotations

import re
from decimal import Decimal

_AMOUNT = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
THOUSANDS = re.compile(r"(?<=\d)[,，](?=\d{3}(?!\d))")
_RUN = re.compile(r"\d+(?:\.\d+)*")


def _splits(run: str, parts: int = 4) -> list[list[str]]:
    """Every way to read a run of glued digits as at most ``parts`` amounts of at most two decimals."""
    if not run:
        return [[]]
    out: list[list[str]] = []
    for end in range(1, min(len(run), 16) + 1):
        head = run[:end]
        if run[end:end + 1] == "." or not _AMOUNT.fullmatch(head):
            continue
        if parts > 1:
            out.extend([head, *tail] for tail in _splits(run[end:], parts - 1))
        elif end == len(run):
            out.append([head])
    return out


def _item_amounts(text: str) -> list[Decimal]:
    """Amounts standing in glued text before a 合计 (not years, dates or percentages), the last 12."""
    out = []
    for m in _RUN.finditer(text):
        if re.match(r"\s*[年月日%％]", text[m.end():]) or not _AMOUNT.fullmatch(m.group(0)):
            continue
        out.append(Decimal(m.group(0)))
    return out[-12:]


def glued_total(run: str, before: str) -> str | None:
    """The first amount of a glued run of amounts ('合计814662.98794.55': 金额 then two years' 执行数).

    A repeated amount ('64.864.8') is sure. Where the digits split several ways, the reading whose
    first amount is the sum of two or more amounts glued before it decides (a 合计 is the sum of its
    items: 191 + 99 + 524 = 814); otherwise the leading number is taken as written."""
    m = re.match(r"(\d+(?:\.\d+)?)\1", run)
    if m:
        return m.group(1)
    m = _RUN.match(run)
    if not m:
        return None
    firsts = list(dict.fromkeys(o[0] for o in _splits(m.group(0))))
    if len(firsts) > 1 and "." in m.group(0):  # digits only ('2280') are one number more often than not
        items = _item_amounts(before)
        sums = {sum((items[k] for k in range(len(items)) if mask >> k & 1), Decimal(0))
                for mask in range(1, 1 << len(items)) if mask & (mask - 1)}
        matched = [f for f in firsts if Decimal(f) in sums]
        if len(matched) == 1:
            return matched[0]
    two = _two_decimals(m.group(0))
    if two:
        return two[0]  # '2316.802296.8020.00': amounts of two decimals each split only one way
    lead = re.match(r"\d+(?:\.\d+)?", run)
    return lead.group(0) if lead else None


def _two_decimals(run: str) -> list[str] | None:
    """Two or more amounts of exactly two decimals glued together, each read whole; None otherwise."""
    pieces = re.findall(r"\d+?\.\d{2}", run)
    if len(pieces) < 2 or "".join(pieces) != run or not all(_AMOUNT.fullmatch(x) for x in pieces):
        return None
    return pieces
