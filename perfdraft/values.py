"""The 指标值 grammar: ``parse(text) -> Value | ParseError`` and ``format(value) -> str``.

``parse`` never raises. ``format`` writes the canonical string (``≥125000人``), and
``parse(format(v)) == v`` for every value ``parse`` can return. The checks, the catalogue,
the CSV split (计算符号 | 指标值 | 计量单位) and the importers all use this one grammar.
"""

from __future__ import annotations

import re
from dataclasses import field
from decimal import Decimal
from functools import lru_cache

from .model import format_number
from .numbers import FULL_WIDTH, read_decimal
from .record import Record
from .units import _UNIT_CHARS_RE, _alternative_units, _is_base_unit
from .units import canonical_unit as canonical_unit
from .units import unit_known as unit_known
from .value_forms import plain_form
from .value_terms import (
    AFTER_EVENT,
    BENCHMARK_SCALE,
    BENCHMARK_VALUE,
    GRADE_SCALE,
    GRADE_VALUE,
    RATIO_SCALE,
    RATIO_VALUE,
    SAME_DAY,
    STANDARD_VALUE,
    TREND_ON_BASE,
    TREND_VALUE,
    ZERO_EVENT,
    ZERO_EVENT_SCALE,
)
from .value_terms import BASE_UNITS as BASE_UNITS

# The words a 指标值 may be (scales, states, vague words, the budget as a target), kept in value_terms.py
# and read by the checks and importers as values.TERM_SCALE etc.
from .value_terms import BUDGET_SCALE as BUDGET_SCALE
from .value_terms import BUDGET_TERMS as BUDGET_TERMS
from .value_terms import PERCENT_UNITS as PERCENT_UNITS
from .value_terms import STATE_TERMS as STATE_TERMS
from .value_terms import TERM_SCALE as TERM_SCALE
from .value_terms import UNIT_PREFIXES as UNIT_PREFIXES
from .value_terms import VAGUE_TERMS as VAGUE_TERMS
from .value_terms import WORD_VALUE_FORMS as WORD_VALUE_FORMS

# The value types (value_types.py), read by the checks, exports and conversation as values.Quantity etc.
from .value_types import Change as Change
from .value_types import Deadline as Deadline
from .value_types import Either as Either
from .value_types import Graded as Graded
from .value_types import ParseError as ParseError
from .value_types import Qualitative as Qualitative
from .value_types import Quantity as Quantity
from .value_types import Range as Range
from .value_types import Schedule as Schedule
from .value_types import Value as Value

# --- parsing helpers -------------------------------------------------------------------------

_FULLWIDTH = FULL_WIDTH | str.maketrans("％－～", "%-~")
_RISING_VERBS = ("提高", "提升", "增长", "增加", "上升", "增幅")
_FALLING_VERBS = ("减少", "下降", "降低", "压减", "压缩", "减幅")
_NUMBER_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+")
_YEAR_PLACEHOLDER = "{year}"

# --- operators ---------------------------------------------------------------------------

OPERATORS = ("≥", "≤", "=", ">", "<")

# Symbol forms, longest first so that ">=" wins over ">".
_OP_SYMBOLS = [
    (">=", "≥"), ("＞＝", "≥"), (">＝", "≥"), ("＞=", "≥"), ("≥", "≥"), ("≧", "≥"), ("⩾", "≥"),
    ("<=", "≤"), ("＜＝", "≤"), ("<＝", "≤"), ("＜=", "≤"), ("≤", "≤"), ("≦", "≤"), ("⩽", "≤"),
    ("==", "="), ("＝", "="), ("=", "="), ("＞", ">"), (">", ">"), ("＜", "<"), ("<", "<"),
]
# Wording before the number.
_OP_WORDS_BEFORE = [
    ("大于等于", "≥"), ("大于或等于", "≥"), ("不低于", "≥"), ("不少于", "≥"), ("不小于", "≥"), ("至少", "≥"),
    ("达到", "≥"), ("小于等于", "≤"), ("小于或等于", "≤"), ("不高于", "≤"), ("不超过", "≤"),
    ("不大于", "≤"), ("不多于", "≤"), ("控制在", "≤"), ("最多", "≤"), ("等于", "="),
    ("大于", ">"), ("高于", ">"), ("超过", ">"), ("多于", ">"),
    ("小于", "<"), ("低于", "<"), ("不足", "<"), ("不满", "<"), ("少于", "<"),
]
# Wording after the number and unit (以上/以下/以内 include the number).
_OP_WORDS_AFTER = [("及以上", "≥"), ("以上", "≥"), ("及以下", "≤"), ("以下", "≤"), ("以内", "≤"), ("之内", "≤")]

# --- units ---------------------------------------------------------------------------------

# The unit vocabulary lives in value_terms.py with the rest of the words a value may hold, what makes a
# unit known in units.py.

# Leftovers of a template (PD102).
_PLACEHOLDER_RE = re.compile(r"^[\s≥≤=<>＞＜]*(\*+|＊+|_+|-|—|－|x+|X+|/|／|…+|\.\.\.|指标\d*[:：]?)[\s%]*$")

# A template's to-fill marks anywhere in a name or a value: ≥**%, (必填), 20xx, □ (the catalogue's
# fill-in box), a leftover "指标1:" numbering. An error in a value: export --strict refuses it.
PLACEHOLDER_IN_TEXT = re.compile(r"\*\*|＊＊|□|■|[（(]\s*必填\s*[）)]|20[xX]{2}|[xX]{2,}|^\s*指标\s*\d+\s*[:：.、]?|^[…\.]{2,}$|^_{2,}$")


def placeholder_in(text: str | None) -> str | None:
    """The first template placeholder inside a name or value, or None."""
    return _placeholder_in(text) if text else None


@lru_cache(maxsize=1 << 16)  # asked of a row's name and value by several rules; rows repeat across projects
def _placeholder_in(text: str) -> str | None:
    m = PLACEHOLDER_IN_TEXT.search(text)
    return m.group(0).strip() if m else None


def _fold(text: str) -> str:
    return text.translate(_FULLWIDTH)


def _by_first_char(forms: list[tuple[str, str]]) -> dict[str, tuple[tuple[str, str], ...]]:
    """The forms grouped by their first character, each group in the list's order (longest first)."""
    out: dict[str, list[tuple[str, str]]] = {}
    for form, op in forms:
        out.setdefault(form[0], []).append((form, op))
    return {ch: tuple(group) for ch, group in out.items()}


# Symbols before words, as the lists read; a look-up by the first character instead of 45 startswith
# calls on every cell an importer tries as a value (a third of the time on a sheet of random text).
_OP_PREFIXES = _by_first_char(_OP_SYMBOLS + _OP_WORDS_BEFORE)


def _read_op_prefix(text: str, pos: int) -> tuple[str | None, int]:
    for form, op in _OP_PREFIXES.get(text[pos:pos + 1], ()):
        if text.startswith(form, pos):
            return op, pos + len(form)
    return None, pos


# A 指标值 never needs more digits; a number of millions of digits made the checks' arithmetic raise
# decimal.Overflow with a traceback (issue 9: a 10 MB value in a draft).
MAX_DIGITS = 30


def _read_number(text: str, pos: int) -> tuple[Decimal | None, int]:
    m = _NUMBER_RE.match(text, pos)
    if not m:
        return None, pos
    return read_decimal(m.group(0)), m.end()  # None past read_decimal's 64 characters: too many digits


def _split_trailing_op(rest: str) -> tuple[str, str | None]:
    for form, op in _OP_WORDS_AFTER:
        if rest.endswith(form):
            return rest[: -len(form)], op
    return rest, None


def _parse_quantity(text: str, start: int) -> Quantity | ParseError:
    pos = start
    op, pos = _read_op_prefix(text, pos)
    again, past = _read_op_prefix(text, pos) if op else (None, pos)
    if again:  # ≥≥95%: a 计算符号 column's sign and the value's own, or a key pressed twice
        how = "写了两次" if again == op else f"与“{again}”相连"
        return ParseError(f"运算符“{op}”{how}，只保留一个", pos, text, "syntax",
                          f"{op}{text[past:]}" if again == op else None)
    number, after = _read_number(text, pos)
    if number is None and after > pos:
        return ParseError("数值位数过多，请核对", pos, text)
    if number is not None and len(number.as_tuple().digits) > MAX_DIGITS:
        return ParseError(f"数值有 {len(number.as_tuple().digits)} 位，位数过多，请核对", pos, text)
    if number is None:
        tail = text[pos:]
        if tail and (_is_base_unit(tail) or unit_known(canonical_unit(tail))):
            return ParseError(f"“{text}”只有计量单位，缺少数值", pos, text, "no-number",
                              f"请在单位前填写数值，例如 ≥100{tail}")
        if len(text) >= 3 and set(text) <= _GRADE_CHARS:
            # 优良中低差 / 高中低 in the value cell: the table's grades, copied where the target goes
            return ParseError(f"“{text}”列出了各个等级，没有写要达到哪一级", start, text, "word",
                              "写要达到的等级（如 优、高），并在描述中说明各等级的标准")
        if not any(ch.isdigit() for ch in text):
            # a word where a target goes (好转, 达到国家二级标准): say what a 指标值 may be, not "a number here"
            return ParseError(f"“{text}”不是数值、日期或定性等级", start, text, "word", WORD_VALUE_FORMS)
        return _words_before_number(text, pos)
    rest, trailing = _split_trailing_op(text[after:])
    if trailing:
        if op and op != trailing:
            return ParseError("运算符前后矛盾", start, text)
        if _split_trailing_op(rest)[1]:  # "95%以上以上", "12以内及以上": the unit would end in 以上 (issue 9)
            return ParseError("“以上/以下/以内”重复", after + len(rest), text, "syntax",
                              f"{op or trailing}{format_number(number)}{canonical_unit(_split_trailing_op(rest)[0])}")
        op = op or trailing
    if rest.endswith("左右"):
        return ParseError(_not_measurable("左右"), after + len(rest) - 2, text,
                          "syntax", f"≥{format_number(number)}{canonical_unit(rest[:-2])}")
    unit = canonical_unit(rest)
    if unit and not _UNIT_CHARS_RE.match(unit) and not _alternative_units(unit):
        said = _unit_then_words(rest)
        if said is not None:  # 372万元将用于学校运转支出: a value with its explanation run on
            shown = f"{format_number(number)}{said}"
            a_year = canonical_unit(said) == "年" and 2000 <= number <= 2100  # 2021年全面开放: a date, not =2021年
            return ParseError(f"“{shown}”后面跟了说明文字：说明写在指标描述里，指标值只写运算符、数值和单位",
                              after + len(said), text, "unit", None if a_year else f"{op or '='}{shown}")
        return ParseError(f"无法识别的计量单位“{rest}”", after, text, "unit")
    return Quantity(op, number, unit)


_ABOUT = ("大约", "约为", "约", "预计", "力争")


def _not_measurable(word: str) -> str:
    """约 before the number, 左右 after it: an approximate target cannot be scored."""
    return f"“{word}”无法考核，请改用明确的运算符，例如 ≥ 或 ≤"
_GRADE_CHARS = frozenset("优良中低差高好")


def _words_before_number(text: str, pos: int) -> ParseError:
    """当年在校学生数4953, 约1200人: words where the operator goes; what to write instead, where it can tell."""
    digit = next(i for i in range(pos, len(text)) if text[i].isdigit())
    words = text[pos:digit].strip()
    if not re.search(r"[\u4e00-\u9fff]", words):
        return ParseError("此处应为数值", pos, text)  # ≥≥95%, #95: a slip of the keys, not words
    after = _parse_quantity(text, digit)
    # shown as the value to write only when it reads whole (15%征收 does not: no suggestion)
    number = (f"{format_number(after.number)}{after.unit}"
              if isinstance(after, Quantity) and (not after.unit or unit_known(after.unit)) else None)
    if words in _ABOUT:
        return ParseError(_not_measurable(words), pos, text, "syntax",
                          f"≥{number}" if number else None)
    return ParseError(f"数值前有文字“{words}”：指标值只写运算符、数值和单位（文字写在指标名称或描述里）", pos, text,
                      "syntax", f"={number}" if number and isinstance(after, Quantity) and after.op is None else None)


def _unit_then_words(rest: str) -> str | None:
    """The known unit a run-on unit text starts with (万元 of 万元将用于…), when words follow it."""
    for k in range(min(len(rest) - 2, 8), 0, -1):
        if unit_known(canonical_unit(rest[:k])):
            return rest[:k]
    return None


_RANGE_SEPS = ("-", "~", "至", "—", "到", "－", "～")


def _parse_range(text: str) -> Range | ParseError | None:
    m = re.match(r"^(\d+(?:\.\d+)?)([^\d\-~至—到－～]*)(?:-|~|至|—|到|－|～)(\d+(?:\.\d+)?)([^\d]*)$", text)
    if not m:
        return None
    low, unit1, high, unit2 = read_decimal(m.group(1)), canonical_unit(m.group(2)), read_decimal(m.group(3)), canonical_unit(m.group(4))
    if low is None or high is None or max(len(low.as_tuple().digits), len(high.as_tuple().digits)) > MAX_DIGITS:
        return ParseError("数值位数过多，请核对", 0, text)
    if unit1 and unit2 and unit1 != unit2:
        return ParseError(f"区间两端单位不一致（{unit1}、{unit2}）", m.start(4), text, "syntax")
    unit = unit2 or unit1
    if unit and not _UNIT_CHARS_RE.match(unit):
        return ParseError(f"无法识别的计量单位“{unit}”", m.start(4), text, "unit")
    return Range(low, high, unit)


_CHANGE_RE = re.compile(r"^(?:较|比|同比)?(上年|上一年|去年|上年度|\d{4}年)(?:度)?(?:同期)?(" + "|".join(_RISING_VERBS + _FALLING_VERBS) + r")(.*)$")


def _parse_change(text: str) -> Change | ParseError | None:
    m = _CHANGE_RE.match(text)
    if not m or not (text.startswith(("较", "比", "同比"))):
        return None
    base = m.group(1)
    base = "上年" if base in ("上一年", "去年", "上年度") else base
    rest = m.group(3)
    q = _parse_quantity(text, m.start(3)) if rest else ParseError("缺少变化幅度", len(text), text)
    if isinstance(q, ParseError):
        return q
    return Change(base, m.group(2), q.op, q.number, q.unit)


_DEADLINE_RE = re.compile(
    r"^(?:(\d{4})年)?(?:(\d{1,2})月)?(?:(\d{1,2})日|(底|末|年底|年末))?(前|之前|以前)?$"
)


# What a deadline cell often adds after the date: "12月底到位", "2025年年底前完成". The date is the target.
_DEADLINE_VERBS = re.compile(r"(?<=[底末日月前])(?:一次性|全部|足额|按时|按期)?"
                             r"(?:完成|到位|发放|拨付|完工|办结|结束|支付|兑现|实施完毕){1,2}$")


_NUMERIC_DATE = re.compile(r"^(20\d\d)[-/.](\d{1,2})[-/.](\d{1,2})(前|之前|以前)?$")


def _days_in(year: int | None, month: int) -> int:
    """Days of the month; February of an unnamed year may have 29."""
    import calendar

    return calendar.monthrange(year if year is not None else 2024, month)[1]


def _parse_deadline(text: str) -> Deadline | ParseError | None:
    text = _DEADLINE_VERBS.sub("", text)
    m = _DEADLINE_RE.match(text)
    if not m or not text or not any(m.groups()[:2]):
        return None
    year = int(m.group(1)) if m.group(1) else None
    month = int(m.group(2)) if m.group(2) else None
    day = int(m.group(3)) if m.group(3) else None
    end = m.group(4)
    if year is not None and month is None and end not in ("底", "末", "年底", "年末"):
        return None  # "2020年" alone is a year, not a deadline
    if month is None and year is None:
        return None
    if month is not None and not 1 <= month <= 12:
        return ParseError(f"月份 {month} 不存在", text.find("月") - len(str(month)), text)
    if day is not None and not 1 <= day <= 31:
        return ParseError(f"日期 {day} 不存在", text.find("日") - len(str(day)), text)
    if day is not None and month is not None and day > _days_in(year, month):
        # 2月30日, 4月31日, 2021年2月29日: a day the month does not have
        return ParseError(f"{month}月没有{day}日（{'该月' if year is None else f'{year}年{month}月'}只有 {_days_in(year, month)} 天）",
                          text.find("日") - len(str(day)), text, "syntax")
    if month is not None and day is None and end is None and year is None and not m.group(5):
        return None  # "12月" alone: a count of months is a Quantity ("2021年7月" and "9月前" are dates)
    if month is None:
        month = 12  # 年底 = 12月底
    return Deadline(year, month, day, bool(m.group(5)))


_FLOOR_SCALES = frozenset({"优良中差", "好较好一般差", "合格"})
_SCHEDULE_RE = re.compile(r"^每(月|季度|季|年|周|半年|旬|日|天)(.*)$")


def _parse_qualitative(text: str) -> Qualitative | None:
    if text in TERM_SCALE:
        return Qualitative(text, TERM_SCALE[text])
    if text in STATE_TERMS:
        return Qualitative(text, None)
    if text in BUDGET_TERMS:
        return Qualitative(text, BUDGET_SCALE)
    if len(text) <= 6 and text[:1] in "当次即实立随" and SAME_DAY.match(text):
        return Qualitative(text, "期限")  # 当日清运: a time limit the row's 时效 reads as written
    if text in VAGUE_TERMS or (len(text) <= 8 and TREND_VALUE.match(text)) or (
            len(text) <= 12 and text[:1] in "较比同" and TREND_ON_BASE.match(text)):
        return Qualitative(text, None, vague=True)
    if BENCHMARK_VALUE.match(text):
        return Qualitative(text, BENCHMARK_SCALE)
    if text[-1:] in "）)" and ("《" in text or _STANDARD_CODE.search(text)):
        cited = _CITED_STANDARD.match(text)
        if cited:  # 达到合格等级（按《…技术要求》检测）: the grade, with the standard it is measured by
            head = _parse_qualitative(cited.group(1))
            if head is not None and not head.vague:
                return Qualitative(text, head.scale)
    # each pattern only where its first characters allow it: this runs for every value a check reads
    lead = text[:1]
    if len(text) <= 30 and lead in "不未无杜没零确保坚全" and ZERO_EVENT.match(text):
        return Qualitative(text, ZERO_EVENT_SCALE)
    if len(text) <= 30 and lead in "符达满" and STANDARD_VALUE.match(text):
        return Qualitative(text, "符合")
    if len(text) <= 14 and text[-1:] in "类级等星上下" and GRADE_VALUE.match(text):
        return Qualitative(text, GRADE_SCALE)
    if text.endswith("以上") and TERM_SCALE.get(text.removesuffix("以上").removesuffix("及")) in _FLOOR_SCALES:
        return Qualitative(text, GRADE_SCALE)  # 良好及以上 (绩效评价等级): a grade as a floor, like Ⅲ类及以上
    if len(text) <= 24 and any(c in text for c in ":：∶/±") and RATIO_VALUE.match(text):
        return Qualitative(text, RATIO_SCALE)
    return None


_STANDARD_CODE = re.compile(r"[A-Z]{2}")  # a standard's code in the brackets (GB 50198—2011), as a book title is
# A value with the standard it is measured by in brackets after it.
_CITED_STANDARD = re.compile(r"^(.{2,24}?)[（(](?:按照?|依据|根据|参照|执行)?(?:《[^》]{2,40}》|(?:GB|DB|JTG|JGJ|CJJ|HJ|SL|WS|YY|NY|LY)"
                             r"(?:/T)?\s?\d[\d.]*(?:[—\-–]\d{4})?)[^（()）]{0,16}[)）]$")  # …（按GB 50198—2011…评定）
_BAND_SPLIT = re.compile(r"[;；/，,、]")
_BAND_RE = re.compile(r"^(" + "|".join(sorted((t for t in TERM_SCALE if len(t) <= 4), key=len, reverse=True)) + r")[:：]?(.+)$")


def _parse_graded(text: str) -> Graded | None:
    """``优100%/良90%/中85%/差<85%`` or ``优：≥90%；良：≥80%``: two or more grades of one scale, each with a value."""
    parts = [p for p in _BAND_SPLIT.split(text) if p]
    if len(parts) < 2:
        return None
    bands: list[tuple[str, Value]] = []
    for part in parts:
        m = _BAND_RE.match(part)
        if not m:
            return None
        q = _parse_quantity(m.group(2), 0)
        band: Value
        if isinstance(q, ParseError):
            rng = _parse_range(m.group(2))
            if not isinstance(rng, Range):
                return None
            band = rng
        else:
            band = q
        bands.append((m.group(1), band))
    if len({TERM_SCALE[t] for t, _ in bands}) != 1 or len({t for t, _ in bands}) != len(bands):
        return None
    return Graded(tuple(bands))


def _parse_one(text: str) -> Value | ParseError:
    if not text:
        return ParseError("指标值为空", 0, text, "empty")
    if _PLACEHOLDER_RE.match(text):
        return ParseError(f"“{text}”是未填写的占位符", 0, text, "placeholder", "请填写实际目标值，例如 ≥95%")
    mark = placeholder_in(text)
    if mark:
        return ParseError(f"指标值中留有模板占位符“{mark}”，请换成实际数值", max(text.find(mark), 0), text, "placeholder")
    qual = _parse_qualitative(text)
    if qual is not None:
        return qual
    sched = _SCHEDULE_RE.match(text)
    if sched:
        return Schedule(sched.group(1), sched.group(2))
    after = AFTER_EVENT.match(text)
    if after:  # 收到上级资金后30日内: a time limit counted from an event, ≤30日
        return _parse_quantity(f"≤{after.group(2)}", 0)
    numeric = _NUMERIC_DATE.match(text)
    if numeric:  # 2025-10-31: a date in figures, which the tables write 2025年10月31日
        y, mo, d, by = int(numeric.group(1)), int(numeric.group(2)), int(numeric.group(3)), numeric.group(4)
        if not 1 <= mo <= 12 or not 1 <= d <= _days_in(y, mo):
            return ParseError(f"日期“{text}”不存在", 0, text, "syntax")
        fixed = f"{y}年{mo}月{d}日" + ("前" if by else "")
        return ParseError(f"日期写成了“{text}”，表中日期写作 {fixed}", 0, text, "syntax", fixed)
    deadline = _parse_deadline(text)
    if deadline is None and text[:1] in ("≤", "<", "＜") and len(text) > 1:
        # ≤2025年10月31日: an operator column (指标性质 ≤) before a date means no later than it
        by = _parse_deadline(text[1:].lstrip())
        if isinstance(by, Deadline):
            by = Deadline(by.year, by.month, by.day, True)
        deadline = by
    if deadline is not None:
        return deadline
    change = _parse_change(text)
    if change is not None:
        return change
    rng = _parse_range(text)
    if rng is not None:
        return rng
    graded = _parse_graded(text) if _BAND_SPLIT.search(text) else None
    if graded is not None:
        return graded
    return _parse_quantity(text, 0)


# Large enough for a whole draft: the checks parse each value in several passes, and a draft of more
# distinct values than the cache holds missed on every call (50,000 rows: 86 s; issue 19, item 14).
@lru_cache(maxsize=1 << 17)
def parse(text: str) -> Value | ParseError:
    """Parse a 指标值. Never raises; returns a ParseError with a position instead."""
    try:
        result = _parse_text(text)
        if isinstance(result, ParseError):
            return result
        # The promise parse(format(v)) == v, held by construction. Fuzzing found texts read as a
        # value whose canonical form reads back as another ("02023年底": the quantity 2023 of a unit
        # 年底, written out as the deadline 2023年底); such a text is ambiguous (issue 9).
        canonical = format(result)
        if canonical != text and _parse_text(canonical) != result:
            return ParseError(f"“{text}”的写法有歧义，无法识别为指标值", 0, text)
        return result
    except Exception as exc:  # noqa: BLE001 - the grammar must never raise on user text
        return ParseError(f"无法解析：{exc}", 0, str(text))


def _folded(raw: str) -> str:
    """The text as the grammar reads it: folded, no white space, no closing full stop ("95%以上。")."""
    return re.sub(r"\s+", "", _fold(raw).strip()).rstrip("。；;，,")


def _parse_text(raw: str) -> Value | ParseError:
    folded = _folded(raw)
    if "或" in folded and not _BAND_RE.match(folded):
        left, _, right = folded.partition("或")
        a, b = _parse_one(left), _parse_one(right)
        if isinstance(a, ParseError):
            return _relocate(a, raw, 0)
        if isinstance(b, ParseError):
            return _relocate(b, raw, len(left) + 1)
        return Either(a, b)
    result = _parse_one(folded)
    if isinstance(result, ParseError) or isinstance(result, Quantity) and not unit_known(result.unit):
        plain = plain_form(folded)  # 九成以上, 三所, 100%完成: written another way (value_forms.py)
        again = _parse_one(plain) if plain is not None else result
        if not isinstance(again, ParseError) and not (isinstance(again, Quantity) and not unit_known(again.unit)):
            if len(_READ_PLAIN) > _PLAIN_MAX:
                _READ_PLAIN.clear()
            _READ_PLAIN.add(raw)
            return again
    if isinstance(result, ParseError):
        remark = _REMARK.match(folded)
        if remark:  # ≥30次,覆盖全县10个乡镇 / ≥95%,以上: the value, then words about it (no second value)
            head, tail = _parse_one(remark.group(1)), _parse_one(remark.group(2))
            if not isinstance(head, ParseError) and isinstance(tail, ParseError) and tail.reason in ("word", "syntax"):
                return head
        return _relocate(result, raw, 0)
    return result


_REMARK = re.compile(r"^([^,，;；]+)[,，;；]([^,，;；]{1,30})$")


# The texts read only through value_forms (noted as they are parsed: the check asks of every row, and
# rewriting each again cost more than the parse).
_READ_PLAIN: set[str] = set()
_PLAIN_MAX = 1 << 17


def plain_reading(text: str) -> str | None:
    """The grammar's own form of a value that reads only as written another way (九成以上 → ≥90%,
    三所 → 3所, 当年12月底前 → 12月底前), or None."""
    value = parse(text)  # its first parse notes a plain reading (a huge draft may have cleared the note: no hint)
    return None if isinstance(value, ParseError) or text not in _READ_PLAIN else format(value)


def trailing_remark(text: str) -> tuple[str, str] | None:
    """(the value, the words after it) where a value is followed by words about it (≥30次,覆盖全县10个乡镇)."""
    folded = _folded(text)
    m = _REMARK.match(folded)
    if m is None or not isinstance(_parse_one(folded), ParseError):
        return None
    return (m.group(1), m.group(2)) if not isinstance(parse(text), ParseError) else None


def _relocate(error: ParseError, raw: str, offset: int) -> ParseError:
    """Positions were computed on the folded text; whitespace removal may shift them a little."""
    pos = min(max(error.position + offset, 0), len(raw))
    return ParseError(error.message, pos, raw, error.reason, error.suggestion)


# --- formatting ----------------------------------------------------------------------------


def format(value: Value) -> str:  # noqa: A001 - the grammar's public name
    """The canonical string of a value."""
    if isinstance(value, Quantity):
        return f"{value.op or ''}{format_number(value.number)}{value.unit}"
    if isinstance(value, Range):
        sep = "-"
        return f"{format_number(value.low)}{value.unit}{sep}{format_number(value.high)}{value.unit}"
    if isinstance(value, Change):
        return f"较{value.base}{value.verb}{value.op or ''}{format_number(value.amount)}{value.unit}"
    if isinstance(value, Deadline):
        year = f"{value.year}年" if value.year is not None else ""
        if value.day is not None:
            body = f"{value.month}月{value.day}日"
        else:
            body = f"{value.month}月底"
        return f"{year}{body}{'前' if value.before else ''}"
    if isinstance(value, Schedule):
        return f"每{value.period}{value.detail}"
    if isinstance(value, Qualitative):
        return value.term
    if isinstance(value, Either):
        return f"{format(value.first)}或{format(value.second)}"
    if isinstance(value, Graded):
        return "；".join(f"{term}：{format(v)}" for term, v in value.bands)
    raise TypeError(f"not a value: {value!r}")


# --- helpers used by checks, exports and the catalogue ----------------------------------------


class Split(Record, frozen=True):
    """The 一体化 split of a value: 计算符号 | 指标值 | 计量单位."""

    sign: str
    number: str
    unit: str
    whole: bool = field(default=False)  # True when the grammar could not split it


def split(text: str | None) -> Split:
    if not text:
        return Split("", "", "")
    value = parse(text)
    if isinstance(value, Quantity):
        return Split(value.op or "=", format_number(value.number), value.unit)
    if isinstance(value, Qualitative):
        return Split("定性", value.term, "")
    if isinstance(value, Deadline | Schedule):
        return Split("定性", format(value), "")
    if isinstance(value, Range):
        return Split("区间", f"{format_number(value.low)}-{format_number(value.high)}", value.unit)
    return Split("", text, "", whole=True)


def substitute_year(text: str, year: int | None) -> str:
    return text.replace(_YEAR_PLACEHOLDER, str(year if year is not None else 2025))


def leading_number_text(text: str) -> tuple[str, int] | None:
    """The digits of the first number in the raw text, as typed (for 095 / 3030 style checks)."""
    folded = _fold(text)
    m = re.search(r"\d[\d,]*(?:\.\d+)?", folded)
    if not m:
        return None
    return m.group(0), m.start()
