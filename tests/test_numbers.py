from decimal import Decimal

import pytest

from perfdraft import numbers


@pytest.mark.parametrize("text, expected", [
    ("1600000", (Decimal("1600000"), "元")), ("160万", (Decimal("1600000.00"), "万")),
    ("１６０万元", (Decimal("1600000.00"), "万元")), ("1,600,000.00", (Decimal("1600000.00"), "元")),
    ("1，600，000", (Decimal("1600000"), "元")), ("2.5亿", (Decimal("250000000.00"), "亿")),
    ("nan", None), ("inf", None), ("1e9999999", None), ("12345678901234567890123456789万", None),
    ("约160万", None), ("", None),
])
def test_read_money(text, expected):
    assert numbers.read_money(text) == expected


def test_bare_number_takes_the_tables_unit():
    assert numbers.read_money("854", default_unit="万元") == (Decimal("8540000.00"), "万元")


@pytest.mark.parametrize("text, expected", [("1,234.5", Decimal("1234.5")), ("０.５", Decimal("0.5")),
                                            ("sNaN", None), ("-inf", None), ("abc", None), ("9" * 80, None)])
def test_read_decimal(text, expected):
    assert numbers.read_decimal(text) == expected


def test_format_money_has_separators_and_two_decimals():
    assert numbers.format_money(Decimal("4387680")) == "4,387,680.00"
    assert numbers.format_money(Decimal("1.6E+6"), separators=False) == "1600000.00"
