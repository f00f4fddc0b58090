"""What a 指标值 is once read: the value types of the grammar (values.py parses text into them; the
checks, exports and conversation read them as ``values.Quantity`` etc.)."""

from __future__ import annotations

from decimal import Decimal

from .record import Record
from .value_terms import TERM_SCALE


class Quantity(Record, frozen=True):
    """An operator, a number and a unit: ``≥125000人``. ``op`` is None for a bare number."""

    op: str | None
    number: Decimal
    unit: str = ""

    kind = "quantity"


class Range(Record, frozen=True):
    low: Decimal
    high: Decimal
    unit: str = ""

    kind = "range"


class Change(Record, frozen=True):
    """A change against a base year: ``较上年提高≥5%``, ``较2023年减少≥2个百分点``."""

    base: str  # "上年" or "2023年"
    verb: str  # 提高 / 减少 …
    op: str | None
    amount: Decimal
    unit: str = ""

    kind = "change"


class Deadline(Record, frozen=True):
    """``2020年12月底前``, ``2021年11月30日前``, ``2023年底``, ``12月底前`` (year omitted)."""

    year: int | None
    month: int | None
    day: int | None
    before: bool

    kind = "deadline"


class Schedule(Record, frozen=True):
    """A recurrence: ``每月10日前``, ``每季度``. (A time limit such as ``≤24小时`` is a Quantity.)"""

    period: str
    detail: str

    kind = "schedule"


class Qualitative(Record, frozen=True):
    """A graded term (优, 是, 达到预期 …), a state (基本建立) or vague wording (有效)."""

    term: str
    scale: str | None  # the scale the term belongs to; None for a state or vague wording
    vague: bool = False

    kind = "qualitative"


class Either(Record, frozen=True):
    """Two values joined by 或: ``不低于80%或较2023年提高≥5个百分点``."""

    first: Value
    second: Value

    kind = "either"


class Graded(Record, frozen=True):
    """A graded value with its standard: ``优：≥90%；良：≥80%；中：≥60%；差：<60%`` (分级分档).

    The one accepted form of a qualitative target: each grade says what it takes to earn it.
    """

    bands: tuple[tuple[str, Value], ...]

    kind = "graded"

    @property
    def scale(self) -> str | None:
        return TERM_SCALE.get(self.bands[0][0])


Value = Quantity | Range | Change | Deadline | Schedule | Qualitative | Either | Graded


class ParseError(Record, frozen=True):
    """Why a text is not a 指标值, and where (0-based character position)."""

    message: str
    position: int
    text: str
    reason: str = "syntax"  # syntax | word (no number at all) | empty | placeholder | no-number | unit
    suggestion: str | None = None

    kind = "error"
