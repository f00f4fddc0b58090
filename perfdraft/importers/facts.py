"""Header facts of a table: the labels (项目名称, 年度资金总额 …) and how amounts are read."""

from __future__ import annotations

import re
from decimal import Decimal

from . import kinds
from .labels import parse_money

# Header-fact labels → field (squashed, without a trailing colon or bracketed unit).
FACT_LABELS: dict[str, str] = {
    "项目名称": "name", "专项名称": "name", "项目(专项)名称": "name", "专项(项目)名称": "name",
    "项目支出名称": "name", "申报项目名称": "name", "项目名": "name",
    "项目编码": "code", "项目代码": "code", "项目编号": "code",
    "主管部门": "authority", "主管部门及代码": "authority", "主管部门及编码": "authority", "项目主管部门": "authority",
    "主管部门及其编码": "authority", "区级主管部门": "authority", "市级主管部门": "authority",
    "实施单位": "unit", "项目实施单位": "unit", "具体实施单位": "unit", "预算单位": "unit", "申报单位": "unit",
    "部门(单位)名称": "unit", "部门名称": "unit", "部门": "unit", "单位信息": "unit", "预算部门": "unit",
    "年度资金总额": "total", "当年资金总额": "total", "资金总额": "total", "项目金额": "total", "年度金额": "total",
    "年度本级预算金额": "total", "本年度申请市财政预算资金": "total", "预算数": "total", "年度预算数": "total",
    "年度金额(提前下达)": "total", "项目总金额": "total", "年度预算金额": "total", "预算金额": "total",
    "本年度预计投入": "total", "全年预算数": "total", "年初预算数": "total",
    "财政拨款": "fiscal", "其中:财政拨款": "fiscal", "其中:本年财政拨款": "fiscal", "其中:当年财政拨款": "fiscal",
    "本年财政拨款": "fiscal", "当年财政拨款": "fiscal", "其中:当年市级财政资金": "fiscal", "财政资金": "fiscal",
    "一、预算资金": "fiscal", "公共财政拨款": "fiscal", "其中:财政拨款数": "fiscal", "其中:当年财政拨款数": "fiscal",
    "其他资金": "other", "4.其他资金": "other", "当年其他资金": "other",
    "年度目标": "goal", "年度绩效目标": "goal", "本年度绩效目标": "goal", "绩效目标": "goal", "项目年度目标": "goal",
    "年度总体目标": "goal", "年度绩效目标(文字)": "goal", "年度绩效总目标": "goal", "整体目标": "goal",
    "年度总体绩效目标": "goal", "整体绩效目标": "goal",
    "中期目标": "overall_goal", "实施期绩效目标": "overall_goal", "项目总体目标": "overall_goal",
    "长期目标": "overall_goal", "中长期绩效目标": "overall_goal",
    # the last line of a cost breakdown (成本构成 | 金额 …) or of a row of money columns (中央 | 省 | 合计)
    "合计": "total",
}
_MONEY = ("total", "fiscal", "other")
_LONG_LABELS = sorted((k for k in FACT_LABELS if len(k) >= 4), key=len, reverse=True)
# Labels too short to cut glued text at, except right before an amount ('…结算372.88合计814…').
_SHORT_MONEY = re.compile(r"合计(?=[:：]?\d)")
_LABEL_SPLIT = re.compile(r"^([^:：]{1,16})[:：]\s*(.+)$", re.S)


def _decimal(text: str) -> Decimal | None:
    amount, _ = parse_money(kinds.squash(text).rstrip("分%"))
    return amount


def _fact_label(text: str) -> tuple[str, str | None, bool] | None:
    """(field, inline value, 万元 named) for a header-fact label cell."""
    t = kinds.squash(text).lstrip("*")
    wan = "万元" in t
    base = re.sub(r"[(（](?:万元|元|单位[:：]?万元)[)）]", "", t).rstrip(":：")
    if base in FACT_LABELS:
        return FACT_LABELS[base], None, wan
    for lab in _LONG_LABELS:  # '资金总额222.45': a label glued to its amount
        if base.startswith(lab) and FACT_LABELS[lab] in _MONEY and re.fullmatch(r"\d[\d,.]*(?:万元|万|元)?", base[len(lab):]):
            return FACT_LABELS[lab], base[len(lab):], wan
    m = _LABEL_SPLIT.match(text.strip())
    if m:
        key = re.sub(r"[(（](?:万元|元)[)）]", "", kinds.squash(m.group(1)).lstrip("*"))
        if key in FACT_LABELS:
            return FACT_LABELS[key], m.group(2).strip(), wan or "万元" in m.group(1)
    return None


def _money(text: str) -> tuple[Decimal | None, bool]:
    """An amount and whether it says 万; '854万854万' and '1,600.00' read right."""
    t = kinds.squash(text).rstrip("。")
    n = len(t)
    if n >= 4 and n % 2 == 0 and t[: n // 2] == t[n // 2:]:
        t = t[: n // 2]
    wan = "万" in t
    t = t.replace("万元", "").replace("万", "").replace("元", "")
    amount, _ = parse_money(t)
    return amount, wan


# --- glued amounts ------------------------------------------------------------------------------------------

_AMOUNT = re.compile(r"(?:0|[1-9]\d*)(?:\.\d{1,2})?")
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
    lead = re.match(r"\d+(?:\.\d+)?", run)
    return lead.group(0) if lead else None
