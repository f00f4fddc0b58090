"""Word tables the rules rely on: data, not branches in the code."""

from __future__ import annotations

import re

from ..numbers import MONEY_FACTORS
from ..values import PERCENT_UNITS

# (name pattern, accepted units, suggested unit) — first match wins, so specific before general.
# Patterns about what is measured look at the end of the name (…人数, …面积, …金额): "公用经费保障学校数"
# counts schools and "补助资金结算周期" is a period, whatever money word they contain.
PER_HEAD_UNITS = frozenset({"元/人·年", "元/人·月", "元/人", "元/人·次", "元/生·年", "元/户·年", "元/户", "元/亩"})
UNIT_BY_NAME: list[tuple[re.Pattern[str], frozenset[str], str]] = [
    (re.compile(r"满意度|知晓率"), frozenset({"%"}), "%"),
    (re.compile(r"月人均|人均.*月|每月"), frozenset({"元/人·月", "万元/人·月"}), "元/人·月"),
    (re.compile(r"(人均|平均|水平|标准).*(补贴|补助|缴费|代缴|养老保险费)|(补贴|补助|缴费|代缴).*(人均|平均|水平|标准)"),
     PER_HEAD_UNITS, "元/人·年"),
    (re.compile(r"((?<![功频汇])率|比例|占比)(（|\(|$)"), PERCENT_UNITS | {"个百分点"}, "%"),  # 功率 is power
    (re.compile(r"人次"), frozenset({"人次", "万人次"}), "人次"),
    (re.compile(r"(?:场次|场数)$"), frozenset({"场次", "场", "次", "期", "期次", "万场次"}), "场次"),
    (re.compile(r"户数"), frozenset({"户", "万户", "户次"}), "户"),
    (re.compile(r"批次(?!.*(?:费用|经费|成本|资金|金额))"), frozenset({"批次", "批", "次", "万批次"}), "批次"),
    (re.compile(r"次数$"), frozenset({"次", "场次", "批次", "期", "场"}), "次"),
    (re.compile(r"人数|人员数"), frozenset({"人", "万人", "名"}), "人"),
    (re.compile(r"面积$"), frozenset({"亩", "万亩", "公顷", "平方米", "万平方米", "平方公里", "亩次", "万亩次"}), "亩"),
    (re.compile(r"(金额|资金|经费|费用|总额|投入)$"), frozenset({"元", "万元", "亿元"}), "元"),
    (re.compile(r"(里程|长度)$"), frozenset({"公里", "千米", "米", "延米", "km", "万公里", "车公里", "万车公里"}), "公里"),
]
# A standard per thing other than a person (每场, 每吨, 单个网点, 户均): plain 元 already says it all.
PER_UNIT_NAME = re.compile(r"每|单个|单位|人均|户均|生均|村均|亩均|件均|场均|次均|床均|校均")
# A subsidy paid per head at a policy minimum (人均…补助标准 ≥99元: 不低于 the national standard).
SUBSIDY_FLOOR_NAME = re.compile(r"(?:人均|户均|生均|每人|每户|每生).*(?:补助|补贴|资助|救助|经费).*标准")
RATE_NAME = re.compile(r"((?<![功频汇])率|比例|占比)(（|\(|$)")
# A quantity with no unit by nature (灌溉水有效利用系数 ≥0.65, 空气质量综合指数 ≤4.5): a bare number is right.
UNITLESS_NAME = re.compile(r"(系数|指数|比值|倍数|弹性)(（|\(|$)")
GROWTH_NAME = re.compile(r"增长|增幅|提高|变动|下降|降低|减少|提升|稳定率|保持率|同比|比上年|较上年")
SATISFACTION_NAME = re.compile(r"满意度|知晓率")
SURVEY_WORDS = re.compile(r"调查|问卷|抽样|测评|访谈|回访|电话|样本")
NEGATIVE_NAME = re.compile(r"逾期|受害率|成灾率|失业率|超支率|结余率|投诉率|事故率|发生率|差错率|故障率|返贫率|辍学率|死亡率|"
                           r"不合格率|违规率|流失率|空置率|误报率|漏报率|复发率|损耗率|变动率|"
                           r"(?<![纠改])[错漏误][评检诊判发报审登录]率")  # 错评漏评率, 漏检率, 误诊率 (纠错率 is not)
# What should not happen (事故, 投诉, 违规 …): the one kind of indicator whose value may be a bare 无
EVENT_NAME = re.compile(r"事故|事件|疫情|火灾|案件|伤亡|投诉|舆情|返贫|灾害|灾情|违纪|违法|违规|差错|失误|泄露|泄密|死亡|"
                        r"暴发|流行|上访|信访|纠纷|欠薪|拖欠|挪用|截留|隐患|问题|不良|负面|污染|破坏|超支|浪费|损失|损毁|丢失|"
                        r"风险|安全|扣分|处罚|通报|整改|水土流失|对.{0,8}(?:生态|环境).{0,8}影响$")  # 对生态环境的影响：无: no harm
# (对地区经济发展的影响：无 is the classic filler of a 效益 the project does not have: PD115)
FORMULA_WORDS = re.compile(r"÷|/|／|×|\*|除以|之比|比值|占.*比|计算|公式|=")
# a percentage is a target only where it ends the name (参保率95%以上): 全国1%人口抽样调查 is a survey's name
TARGET_IN_NAME = re.compile(r"不低于|不少于|不高于|不超过|≥|≤|＞＝|＜＝|"
                            r"\d+(\.\d+)?\s*[%％](?=\s*(?:及?以上|及?以下|左右)?\s*(?:$|[，,；;。（(）)]))")
PLACEHOLDER_DESCRIPTIONS = frozenset({"无关", "无", "/", "／", "-", "—", "－", "**", "*", "略", "同上", "见上", "不适用", "xx"})
# Units of an amount in a 指标值 (bare 万 is 万人 as often as 万元); their factors are numbers.py's.
MONEY_UNITS = {u: MONEY_FACTORS[u] for u in ("元", "万元", "亿元")}
# What a project uses up (融雪剂使用量 ≤3000吨, 耗电量): a cap on it is meant, though counted under 数量.
CONSUMPTION_NAME = re.compile(r"(?:使用|消耗|耗用|用|耗电|耗水|耗油|排放)量$|能耗$")
MONEY_NAME = re.compile(r"资金|金额|拨入|到位|预算|投入|经费")
PER_HEAD_NAME = re.compile(r"[人户生村亩校所场次]均|平均|水平|标准|每|单价|单位成本")  # 每个书屋补充更新资金: per unit
TIME_UNITS = frozenset({"小时", "天", "日", "个工作日", "工作日", "月", "个月", "年", "分钟", "周", "秒"})
# (name pattern, canonical 二级 keys it belongs to, where to put it)
MISFILED: list[tuple[re.Pattern[str], frozenset[str], str]] = [
    # 达标率 is also an outcome (水质达标率 is an ecological benefit): only 合格/故障/合规 rates are 质量 by name.
    # 评价性抽检合格率 measures the market, not the work: an outcome, filed under 效益 on purpose.
    (re.compile(r"^(?!.*(时限|时间|及时|评价性)).*(合格率|故障率|合规率)"), frozenset({"质量"}), "质量指标"),
    # (培训后就业率 is how well the training was done: a 质量 row of the training tables)
    (re.compile(r"治愈率|(?<!培训后)就业率"), frozenset({"经济效益", "社会效益", "生态效益", "可持续影响"}), "效益指标"),
    # a count of what the project does (培训人次, 举办…期次) is an output, not a benefit
    (re.compile(r"(?:培训|举办|开展|组织).{0,10}(?:人次|期次|场次|次数|期数|场数)$"),
     frozenset({"数量", "质量", "时效", "成本", "经济成本"}), "产出数量指标"),
    # an income or an output value is what money brings in: 经济效益 (护林员人均年增收 was filed under 社会效益)
    # (带动…增收: what the project drives in others' lives, commonly a social benefit)
    (re.compile(r"^(?!带动).*(?:(?<!户数)增收(?:金额|额|幅度)?$|可支配收入$|(?<!户)收入(?:水平)?$|产值$|利润$|销售额$)"),
     frozenset({"经济效益", "可持续影响", "数量", "成本", "经济成本"}), "经济效益指标"),
]
NOT_BENEFIT = re.compile(r"执行率|结余率|调整次数|足额保障率|预算执行|支出进度|资金到位率|经费到位率|拨付率|"
                         r"(?:资金|补贴|补助|经费).{0,2}(?:兑付|发放|到位)(?:率|及时率)")  # paying out the money is no benefit
GOAL_REQUEST = re.compile(r"申请|列入.{0,12}预算")
# An output with its count: any counting or measuring unit (time and money alone are not outputs).
OUTPUT_NUMBER = re.compile(r"\d[\d,\.]*\s*(?:万|千)?(?:人次|人|户|个|名|场|次|件|台|套|亩|公顷|公里|所|座|%|％|项|家|处|米|平方米|"
                           r"平米|株|棵|吨|篇|期|批|辆|间|栋|村|门|种|册|本|份|条|课时|学时|班|床|宗|例|只|头|羽|批次|人日)")
COUNT_IN_TEXT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(人次|人|名|户|公顷|万亩|亩|公里|场次|场|所|艘|个|件|期次|期|座|家|辆|台|套|处|站|村|条|"
                           r"株|棵|吨|头|盏|起|路)"
                           # 10个工作日 / 3个月 / 2个百分点: a time or a change, no count
                           r"(?![/／·]|(?<=个)(?:工作日|自然日|日|月|小时|百分点|季度|星期|年))")
# A count's unit in a sentence and in an indicator value (800名 青年 = ≥800人)
COUNT_UNIT_SAME = {"名": "人"}
AMOUNT_IN_TEXT = re.compile(r"(\d[\d,]*(?:\.\d+)?)\s*(亿元|万元|元)(?![/／])")
GAP_EXPLAINED = re.compile(r"县级配套|县级部分|县级.{0,4}(承担|负担)|差额|分担|仅为|仅含|其余|上级资金|中央和省")
# Units that add up: the same count in two projects may be counted twice (PD403). Rates and
# per-head standards legitimately repeat.
ADDITIVE_UNITS = frozenset({"人", "人次", "户", "户次", "元", "万元", "亿元", "亩", "万亩", "公顷", "公里", "个", "次", "场", "件", "台", "套", "台套", "项"})
LUMPY_WORDS = re.compile(r"征地|工程|施工|建设|购置|采购|一次性|招标")
YEAR_IN_TEXT = re.compile(r"(20\d\d)\s*年")

# --- added for issue 16 -------------------------------------------------------------------------
# Money units a 经费/资金 name also accepts: a per-head standard (元/生·年) is money too.
MONEY_UNIT_HEADS = ("元/", "万元/")
COST_UNITS_BY_NAME = re.compile(r"费|成本|金额|资金|经费|单价|标准")
# A name that is a rate, a share or a degree may carry %; any other name measured in % is suspect.
PERCENT_NAME = re.compile(r"率|比例|比重|占比|百分比|份额|幅|强度|(?<![年季])度|覆盖|增长|增幅|提高|提升|降低|下降|减少|比上年|较上年|同比"
                          r"|增效|增产|节本|节约|水平|效果$|%|％")  # 防治效果 ≥85%: plant protection's efficacy
# A project that is the payment itself: its budget is heads × the standard (PD311 both ways).
SUBSIDY_PROJECT = re.compile(r"补助|补贴|资助|救助|津贴|抚恤|生活费|奖励|奖补|慰问|优待")
YES_NO_NAME = re.compile(r"^是否|有无|是不是")
UNIT_IN_NAME = re.compile(r"[（(](人次|人|户|个|名|次|场|件|台|套|项|家|所|座|处|篇|单|亩|万亩|公顷|公里|米|平方米|万平方米|"
                          r"立方米|万立方米|元|万元|亿元|天|年|月|%|％|‰|批次|期|吨)[）)]\s*$")
SATISFACTION_ANY = re.compile(r"满意度|满意率|满意程度")
# Misfiled by meaning (PD223): (name pattern, 二级 keys where it does NOT belong, where it belongs).
MISFILED_MEANING: list[tuple[re.Pattern[str], frozenset[str], str]] = [
    (SATISFACTION_ANY, frozenset({"数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响",
                                  "经济成本", "社会成本", "生态环境成本"}), "满意度指标"),
    (re.compile(r"执行率|支出率|支付率|拨付率|预算执行"), frozenset({"数量", "经济效益", "社会效益", "生态效益", "可持续影响"}),
     "质量或时效指标（预算执行情况另行考核）"),
    # a cost the beneficiaries bear (运输成本, 就医费用) falling is what the money brings: a benefit
    (re.compile(r"^(?!.*(率|比例|节约|节省|降低|减少|下降|增幅|降幅|报销|负担|强度|"
                r"(?:运输|物流|生产|种植|养殖|就医|出行|生活|用水|用电|融资|交易|通行|时间|物业)(?:成本|费用))).*(成本|费用|单价|造价)"),
     frozenset({"经济效益", "社会效益", "生态效益", "可持续影响"}), "成本指标"),
    (re.compile(r"收入|增收|受益|带动|效益"), frozenset({"成本", "经济成本"}), "效益指标"),
    # 及时率 under 质量 is common and accepted by reviewers; under 数量 it is not.
    (re.compile(r"时效|时限|及时|完成时间|时间节点|进度"), frozenset({"数量"}), "时效指标"),
    # Paid in full, and a size or a spec (水标尺宽度 ≥50厘米), say how well, not how much.
    (re.compile(r"足额.{0,4}率|宽度|厚度|直径|粒径|高度$|深度$"), frozenset({"数量"}), "质量指标"),
]
# Count units: a 质量 row measured in them is a quantity filed under 质量 unless its name is a quality word.
COUNT_UNITS = frozenset({"个", "次", "人", "人次", "户", "场", "件", "台", "套", "项", "家", "所", "座", "处", "批", "批次",
                         "期", "篇", "本", "册", "份", "条", "辆", "株", "棵", "只", "头", "亩", "万亩", "公里", "米"})
QUALITY_WORDS = re.compile(r"率|合格|达标|质量|标准|等级|优良|星级|规范|验收|评估|评分|得分|级|损毁|破损|丢失|缺陷|事件|"
                           r"脱管|漏管|故障|差错|事故|投诉")
# Goal texts (PD302, PD406): list numbering, years and money are not measurable outputs.
GOAL_NOISE = re.compile(r"(?:目标|任务)?\s*\d{1,2}\s*[、.．:：)）]|[（(]\d{1,2}[)）]|20\d\d\s*(?:年度?|—|-)|"
                        r"\d[\d,，\.]*\s*(?:亿元|万元|元)")
PAST_TENSE = re.compile(r"已(?:完成|发放|拨付|支付|实现|建成|落实|下达)|完成了|实现了|共完成|全年共")
# Parts of a whole: "其中…" rows after the row they break down (PD322).
PART_NAME = re.compile(r"^\s*[★☆*]*\s*其中[:：]?")

# A code field holding another field's answer (the amount typed one question early): (pattern, what it is).
# Budget systems' codes are digits, letters and separators (317-1002-JXN-FRS7, 130627-2020-001); none
# ends in a money unit or a percent sign, or is a year followed by 年.
NOT_A_CODE: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^[≥≤>＞<＜=]?\s*\d[\d,，.]*\s*(万元|万|元|亿元|亿)$"), "金额"),
    (re.compile(r"^[≥≤>＞<＜=]?\s*\d[\d.]*\s*[%％]$"), "比例"),
    (re.compile(r"^20\d\d\s*年"), "年份或日期"),
]


# A name field (项目名称, 主管部门, 实施单位, 单位名称) holding another field's answer: the amount or the code
# typed one question early or late. Whole-text matches only: 2023年农村公路养护 is a name.
NOT_A_NAME: list[tuple[re.Pattern[str], str]] = [
    NOT_A_CODE[0],
    NOT_A_CODE[1],
    (re.compile(r"^20\d\d\s*(年度?)?$"), "年份"),
    (re.compile(r"^[\d\s\-]{3,}$"), "编码"),
]


def not_a_name(name: str | None) -> str | None:
    """What a name field's text looks like instead of a name, or None."""
    text = (name or "").strip()
    if not text or not (text[0].isdigit() or text[0] in "≥≤>＞<＜="):
        return None  # a name starts with a character: one test instead of four searches per field
    return next((what for pattern, what in NOT_A_NAME if pattern.search(text)), None)


def not_a_code(code: str | None) -> str | None:
    """What a 项目编码 / 单位编码 looks like instead of a code, or None."""
    text = (code or "").strip()
    for pattern, what in NOT_A_CODE:
        if pattern.search(text):
            return what
    return None
