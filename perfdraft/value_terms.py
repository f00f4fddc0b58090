"""The words a 指标值 may be: graded scales, states, vague words and the budget as a target (values.py's
vocabulary, re-exported there; checks and importers read them as ``values.TERM_SCALE`` etc.)."""

from __future__ import annotations

from ._lazy import LazyPattern  # the checker's and importers' words: compiled on first use, not at start-up

SCALES: dict[str, tuple[str, ...]] = {
    "优良中差": ("优", "良", "中", "低", "差", "优秀", "良好", "较差", "优良"),
    "好较好一般差": ("好", "较好", "一般", "很好"),
    "达成": ("达成", "部分达成", "未达成"),
    "是否": ("是", "否"),
    "合格": ("合格", "不合格", "基本合格"),
    "达到预期": ("达到预期", "基本达到预期", "未达到预期", "达到预期目标", "基本达到预期目标"),
    "有无": ("有", "无"),
    "符合": ("符合", "基本符合", "不符合"),
    "达标": ("达标", "基本达标", "不达标"),
    # how long an effect lasts: the 可持续影响 row's own answer (长期), read as it is meant
    "期限": ("长期", "中长期", "中期", "短期", "长效", "长效运行", "全年", "常年", "全年运行"),
    # no growth at all (化学农药使用量 零增长): checked against last year's figure, read as it is meant
    "增减": ("零增长", "负增长"),
    # how much harm a 社会成本 / 生态环境成本 or negative-impact row allows: the row's own yes-or-no answer
    "影响程度": ("无影响", "无明显影响", "无不良影响", "无负面影响", "无重大影响", "基本无影响", "影响较小", "影响轻微",
                "影响很小", "影响不大"),
}
TERM_SCALE = {term: scale for scale, terms in SCALES.items() for term in terms}
# What a 指标值 may be, said where a word was written instead.
WORD_VALUE_FORMS = "写成数值（如 ≥90%、≤3个工作日）、日期（如 2024年12月底前）或定性等级（优/良/中/差、是/否、达成）并说明标准"
# A cost row's target written as the budget itself (成本控制率 不超预算): a value many provinces print,
# read as such (it was refused as 此处应为数值) and warned of as unquantified (PD108). Kept out of SCALES
# so that no graded value (优：≥90%；…) takes them for a band name.
BUDGET_SCALE = "预算控制"
BUDGET_TERMS = frozenset({"不超预算", "不超过预算", "不超出预算", "控制在预算内", "控制在预算范围内", "在预算范围内"})

# A state: accepted, but the row must define what it means (PD214).
STATE_TERMS = frozenset(
    """基本建立 建立 建成 基本建成 完善 基本完善 健全 基本健全 建立健全 基本建立健全 健全完善 建立完善 稳定 保持稳定 规范 正常 正常运行 按时 及时 足额 全覆盖
    应保尽保 应发尽发 应收尽收 零事故 无事故 全部完成 按期完成""".split()
)
# Vague wording that cannot be scored (PD108); an improvement with no baseline and no amount is vague too.
VAGUE_TERMS = frozenset(
    """有效 正面支撑 有力保障 持续保障 持续改善 巩固提高 参照政府采购成本控制 控制在目标范围内 积极 较大 明显 显著
    良好效果 有效提升 有效保障 提升 提高 改善 促进 加强 推动
    有所提升 有所提高 明显提升 明显提高 显著提升 显著提高 逐步提高 稳步提高 明显改善 有所改善 得到改善 持续提升
    显著改善 效果明显 效果良好 影响程度明显""".split()
)

# A trend with no amount (不断提高, 逐步完善, 得到有效控制): tables print hundreds of them, built
# from a few adverbs and a few verbs. Vague like the words above (PD108), not an unreadable value.
TREND_ADVERBS = "不断|逐步|逐年|持续|稳步|进一步|明显|显著|有效|有所|大幅|较大|全面|切实|基本|稳定|同步"
TREND_VERBS = ("提高|提升|改善|增强|增加|增长|减少|降低|下降|减轻|缩小|完善|健全|建立|巩固|稳定|推进|加强|优化|控制|"
                "保障|发挥|扩大|加快|好转|遏制|缓解|规范|落实|深化|丰富|加深")
TREND_VALUE = LazyPattern(rf"^(?:得到|实现|保持|持续)?(?:{TREND_ADVERBS}){{1,2}}(?:{TREND_VERBS})$|^(?:得到|实现)(?:{TREND_VERBS})$")
# ... and one against last year with no amount (较上年有所提高, 比去年同期明显改善): a base but nothing to score
# (a figure makes it a Change: 较上年提高2个百分点)
TREND_ON_BASE = LazyPattern(rf"^(?:较|比|同比)(?:上年|上一年|去年|上年度)?(?:同期)?(?:{TREND_ADVERBS}){{1,2}}(?:{TREND_VERBS})$")

# A comparison with a named reference a reviewer can look up (低于全省平均水平, 不高于1年期LPR, 不超过上年):
# checkable as it stands, like a grade with its standard.
BENCHMARK_SCALE = "对标"
BENCHMARK_VALUE = LazyPattern(r"^(?:低于|高于|不低于|不高于|优于|好于|不超过|不少于|持平于?|与)"
                             r".{0,10}(?:平均水平|平均值|水平|标准|上年|去年|上年度|同期|LPR|基准|批复概算|概算|"
                             r"合同价|合同金额|控制价|票价|价格|指导价)(?:持平|相当)?$"
                             # 控制在批复概算以内: a named figure, not 控制在合理水平 (vague)
                             r"|^控制在.{0,8}(?:批复概算|概算|合同价|合同金额|控制价|上年|去年|同期)(?:以内|内|范围内)?$")
# No occurrence of an event (不发生区域性重大动物疫情, 无重大安全事故, 杜绝安全责任事故): a count of 0 a reviewer can
# check, as 零事故 is; read as its own yes-or-no scale.
ZERO_EVENT_SCALE = "零发生"
ZERO_EVENT = LazyPattern(
    r"^(?:零发生|无发生|不发生)$|"
    r"^(?:确保|保证|坚决|全年|全面)?(?:不发生|未发生|无|杜绝|没有|不出现|未出现|零)[^，,；;。]{0,16}?"
    r"(?:事故|事件|疫情|火灾|案件|伤亡|投诉|舆情|返贫|灾害|灾情|违纪|违法|违规|差错|失误|泄露|泄密|死亡|暴发|流行|"
    r"上访|信访|纠纷|欠薪|拖欠|挪用|截留|退回|中断)(?:发生|问题|现象|情况)?$")
# A standard met (符合国家标准, 达到设计要求, 符合国家能效2级及以上标准): checked against the named standard.
# A standard no one could look up (符合相关规定, 达到要求) is vague, not a standard met.
STANDARD_VALUE = LazyPattern(r"^(?:符合|达到|满足)(?!(?:相关|有关|上级|各项|政策|文件|规定)?(?:标准|规范|规定|要求)(?:要求)?$)"
                             r"[^，,；;。]{1,16}?(?:标准|规范|规定|要求)(?:要求)?(?:及以上|以上)?$"
                             r"|^(?:达到|不低于)(?:合格|良好|优良|优秀|[一二三四五]级|[一二三四五]等)等级(?:及以上|以上)?$")
# A grade or class by its name (Ⅲ类及以上 water, 二级及以上 road, AAA级 scenic spot, 五星级).
GRADE_SCALE = "等级"
GRADE_VALUE = LazyPattern(r"^(?:达到|不低于)?(?:国家标准|国家|国标|行业标准)?"  # 达到国家标准三等以上 (粮食质量)
                          r"(?:[ⅠⅡⅢⅣⅤⅥ]{1,3}|I{1,3}|IV|V|[一二三四五六]|[1-6]|A{1,5}|[B-E]|[甲乙丙丁]|[一二三四五1-5]星)"
                          r"(?:类|级|等|星级|级别|等级|星)(?:及以上|以上|及以下|以下)?$")  # B级及以上 (食品安全量化等级)
# A ratio or a fraction (≥1:1.5, 1/3以上) and a tolerance (±5%以内): read as written, checked by a reviewer.
RATIO_SCALE = "比值"
RATIO_VALUE = LazyPattern(r"^(?:[≥≤=＞＜<>]|不低于|不少于|不高于|不超过)?\d+(?:\.\d+)?\s*[:：∶/]\s*\d+(?:\.\d+)?"
                          r"(?:以上|以下|以内)?$|^[≥≤]?±\d+(?:\.\d+)?%?(?:以内|之内|内)?$")
# Done the same day or the next (生活垃圾清运时限：当日清运, 办结时限：当天办结): a time limit in words.
SAME_DAY = LazyPattern(r"^(?:当日|当天|次日|即时|实时|立即|随到随)(?:清运|清理|清扫|办结|办理|完成|处理|处置|发放|到账|"
                       r"拨付|解决|响应|回复|反馈|受理|上报|办)$")
# A time limit counted from an event (收到上级资金后30日内, 接到报告后2小时内).
AFTER_EVENT = LazyPattern(r"^(.{1,20}?(?:后|之日起|起))(?:\d+(?:个工作日|工作日|日|天|个月|小时|分钟|周)?[—\-–~～至到])?"
                          r"(\d+(?:个工作日|工作日|日|天|个月|小时|分钟|周))(?:内|以内|之内)$")  # (出生后72小时—7天内: by the later)

# A value saying the row does not apply (the seed's 无关): the checker asks to delete the row, the importer
# reads it as a value all the same.
NOT_APPLICABLE = frozenset({"不适用", "不涉及", "无关", "不相关", "无此项"})

# Units a value may carry; 万/亿/千/百 before any of them (万人, 千瓦).
BASE_UNITS = frozenset(
    """人 人次 户 户次 个 次 场 场次 件 台 套 台套 项 家 所 座 处 条 辆 艘 架 批 份 册 本 篇 部 期 班 组 名 只 头 羽
    株 棵 吨 千克 公斤 斤 立方米 平方米 亩 公顷 公里 千米 米 延米 元 小时 天 日 周 个月 月 年 分钟 秒 个工作日
    工作日 % ‰ 个百分点 床 张 间 栋 村 个村 宗 起 例 单 千瓦 千瓦时 兆瓦 度 万 亿 生 岁 学时 课时 人日 人月
    mg/L μg/m³ dB GB TB Mbps km 孔 眼 口 盏 根 块 段 公里/小时 所次 篇次 条次 批次 期次 支 队 场馆 个点
    点 站 台次 车次 架次 辆次 kg t 种 门 类 位 校 园 班 轮 趟 场次 单 笔 宗 户 家次 元 平米 分 级 星级 平方公里 人天 mm cm 倍 厘米 毫米
    等 等级 个等级 m² 工日 微克 毫克 纳克 剂 剂次 人·次 年一遇 头次 只次 亩次 大类 小类 枚 发 颗 粒 瓶 盒 袋 箱
    人份 片 副 对 双 台班 台件 台（件） 处次 卷 卷（件） 画幅 幅 页 盘 集 车公里 人公里 吨公里 顶 路 ℃ °C""".split()
)
UNIT_PREFIXES = ("万", "亿", "千", "百")
# ASCII units that contain "/" themselves must not be split as compounds.
_ATOMIC_SLASH_UNITS = ("mg/L", "公里/小时")
PERCENT_UNITS = frozenset({"%", "‰"})
