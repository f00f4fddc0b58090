"""How real tables write a 指标值 that the grammar (values.py) writes another way: Chinese numerals and
percent words (三所, 百分之百, 九成以上), a unit symbol (㎡), an inclusive mark (≥90%（含）), a word after a
rate (100%完成), 当年 before a date, 内 after a time limit, 同比 without its base. Each is rewritten to the
form the grammar reads; the checker reads the rewrite and hints at it (PD114), never refuses the row.

Only a value the grammar cannot read is rewritten, so no value that reads as written changes meaning.
"""

from __future__ import annotations

from ._lazy import LazyPattern

_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_SCALES = {"十": 10, "百": 100, "千": 1000}
_NUMERAL = "零〇一二两三四五六七八九十百千"


def chinese_number(text: str) -> int | None:
    """一 … 九千九百九十九 (十二, 二十, 一百零五, 两千); None for anything else."""
    if not text or any(ch not in _NUMERAL for ch in text):
        return None
    if not any(ch in _SCALES for ch in text):  # 二〇二五: digit by digit
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        else:
            total += (1 if digit is None else digit) * _SCALES[ch]
            digit = None
    return total + (digit or 0)


# 三所, 两次, 十二个, 一百零五人: a count in Chinese numerals before its unit (never 一级, 三类: grades)
_COUNT = LazyPattern(rf"^(?P<op>[≥≤=<>]?)(?P<n>[{_NUMERAL}]{{1,6}})(?P<unit>[^\d{_NUMERAL}级类星档等]{{1,4}})$")
_PERCENT_WORDS = LazyPattern(rf"^百分之(?P<n>[{_NUMERAL}]{{1,4}}|\d+(?:\.\d+)?)(?P<tail>以上|以下|以内)?$")
_TENTHS = LazyPattern(r"^(?P<n>[一二三四五六七八九]|\d)成(?P<half>半)?(?P<tail>以上|以下|以内)?$")
_INCLUSIVE = LazyPattern(r"^(?P<v>.+?)[（(]\s*含\s*[）)]$")
_RATE_DONE = LazyPattern(r"^(?P<v>[≥≤=]?\d+(?:\.\d+)?%)(?:完成|达成|实现|到位)$")
_THIS_YEAR = LazyPattern(r"^(?:当年|本年|本年度|年内)(?P<v>\d{1,2}月.*)$")
_WITHIN = LazyPattern(r"^(?P<v>[≥≤=]?\d+(?:\.\d+)?(?:个工作日|工作日|个月|小时|分钟|天|日|周|年))内$")
_YOY = LazyPattern(r"^同比(?P<v>(?:提高|提升|增长|增加|上升|下降|降低|减少).+)$")
# 提升0.5个等级以上: a change written without its base, which is where things stand (上年)
_BARE_CHANGE = LazyPattern(r"^(?P<v>(?:提高|提升|增长|增加|上升|下降|降低|减少)\d.*)$")
# 优良率≥90% under 单元工程质量: the rate's name before its value
_NAMED_RATE = LazyPattern(r"^[\u4e00-\u9fff]{1,6}率(?P<v>[≥≤=＞＜<>].+|不低于.+|达到.+)$")
# 稳定在2.8万亩以上, 保持在95%以上: a level to keep, read as its figure
_KEEP_AT = LazyPattern(r"^(?:稳定在|保持在|维持在|稳定|保持)(?P<v>[≥≤=]?\d.*)$")
# 不低于Ⅲ类, 达到Ⅱ级: a grade as a floor is the grade 及以上 (水质 Ⅲ类及以上: Ⅲ or better)
_GRADE_FLOOR = LazyPattern(r"^(?:不低于|不差于|达到|优于或等于)(?P<v>(?:[ⅠⅡⅢⅣⅤⅥ]{1,3}|[一二三四五六]|[1-6]|A{1,5})(?:类|级|星级|等级))$")
_SYMBOL_UNITS = {"㎡": "平方米", "㎞": "公里", "㎏": "千克", "㎥": "立方米", "㎝": "厘米", "㎜": "毫米"}


def plain_form(text: str) -> str | None:
    """The text rewritten to the form the grammar reads, or None when no rewrite applies."""
    out = text
    for symbol, unit in _SYMBOL_UNITS.items():
        out = out.replace(symbol, unit)
    m = _INCLUSIVE.match(out)
    if m:
        out = m.group("v")
    m = _PERCENT_WORDS.match(out)
    if m:
        n = m.group("n")
        number = chinese_number(n) if not n[0].isdigit() else n
        out = f"{number}%{m.group('tail') or ''}" if number is not None else out
    m = _TENTHS.match(out)
    if m:
        n = m.group("n")
        tenths = (chinese_number(n) if not n.isdigit() else int(n)) or 0
        out = f"{tenths * 10 + (5 if m.group('half') else 0)}%{m.group('tail') or ''}"
    m = _COUNT.match(out)
    if m:
        number = chinese_number(m.group("n"))
        if number:
            out = f"{m.group('op')}{number}{m.group('unit')}"
    for pattern, template in ((_GRADE_FLOOR, "{v}及以上"), (_KEEP_AT, "{v}"), (_NAMED_RATE, "{v}"), (_RATE_DONE, "{v}"), (_THIS_YEAR, "{v}"), (_WITHIN, "{v}以内"),
                              (_YOY, "较上年{v}"), (_BARE_CHANGE, "较上年{v}")):
        m = pattern.match(out)
        if m:
            out = template.format(v=m.group("v"))
    return out if out != text else None
