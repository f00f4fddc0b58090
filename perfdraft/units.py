"""Units: which a value may carry (``unit_known``: PD110 warns of the rest), and their canonical form
(``元/人/月`` → ``元/人·月``). The vocabulary itself is in value_terms.py."""

from __future__ import annotations

import re
from functools import lru_cache

from ._lazy import LazyPattern
from .value_terms import _ATOMIC_SLASH_UNITS, BASE_UNITS, UNIT_PREFIXES


def _is_base_unit(part: str) -> bool:
    if part in BASE_UNITS:
        return True
    for prefix in UNIT_PREFIXES:
        if part.startswith(prefix) and _is_base_unit(part[len(prefix):]):
            return True
    # a unit counted per occasion (亩次: an area worked once per pass), as 人次 and 车次 are
    return len(part) >= 2 and part.endswith("次") and part[:-1] in BASE_UNITS


def canonical_unit(unit: str) -> str:
    """``元/人/月`` → ``元/人·月``; spaces dropped. Unknown units are returned as written."""
    unit = unit.replace(" ", "").replace("／", "/").replace("•", "·").replace("・", "·")
    if unit in _ATOMIC_SLASH_UNITS or "/" not in unit:
        return unit
    head, _, rest = unit.partition("/")
    tail = rest.replace("/", "·")
    return f"{head}/{tail}"


_ALT_UNIT = LazyPattern(r"^([^（()）]{1,4})[（(]([^（()）]{1,4})[)）]$")


def _alternative_units(unit: str) -> bool:
    """台（套）: counted in one unit or the other, as equipment lists print it (元/台（套） per either)."""
    head, sep, rest = unit.partition("/")
    if sep and not _is_base_unit(head):
        return False
    m = _ALT_UNIT.match(rest if sep else unit)
    return m is not None and all(_is_base_unit(u) or sep and u in _PER_WORDS for u in m.groups())


@lru_cache(maxsize=4096)  # asked of every value a check reads; a draft has a few dozen units
def unit_known(unit: str) -> bool:
    if not unit:
        return True
    if _alternative_units(unit):
        return True
    if unit in BASE_UNITS or _is_base_unit(unit) or unit in _ATOMIC_SLASH_UNITS:
        return True
    head, sep, rest = unit.partition("/")
    if not sep:
        return False
    # per anything a table counts by (元/团队, 元/亩次): the amount's own unit is what must be known
    return _is_base_unit(head) and all(_is_base_unit(p) or p in _PER_WORDS or _PER_THING.fullmatch(p) is not None
                                       for p in rest.split("·"))


_PER_WORDS = frozenset("人 生 户 亩 件 次 台 月 年 天 日 公里 平方米 立方米 吨 人次 村 所 个 床 套 名 学时 课时 场".split())
_PER_THING = LazyPattern(r"[\u4e00-\u9fff]{1,2}")
_UNIT_CHARS_RE = re.compile(r"^[\u4e00-\u9fff%‰A-Za-zμ³²/·•・℃°]{1,10}$")  # ℃ and °C: a heating standard
