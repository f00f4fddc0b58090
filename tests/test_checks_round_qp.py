"""Round qp: eight ordinary tables keyed by a reviewer who never saw the checker (4/4 errors, 16/19 defects,
3/103 clean rows alarmed when first measured): a heating standard in ℃, a qualitative value whose
description says when it is met."""

from perfdraft import values

from .test_checks_rules import codes, row


def test_a_room_temperature_in_degrees_is_a_value_with_a_unit():
    assert isinstance(values.parse("≥18℃"), values.Quantity) and isinstance(values.parse("≥18°C"), values.Quantity)
    assert not {"PD101", "PD110"} & codes(row(name="供暖期居民室内温度", value="≥18℃"))


def test_a_qualitative_value_defined_by_its_description_is_not_vague():
    defined = "全年集中供水工程正常运行、无连续停水超过24小时的情形即为有效保障，否则为未保障"
    assert "PD108" not in codes(row("效益指标", "可持续影响指标", "供水工程长期稳定运行", "有效保障", description=defined))
    assert "PD108" in codes(row("效益指标", "可持续影响指标", "供水工程长期稳定运行", "有效保障",
                                description="反映工程运行情况"))
