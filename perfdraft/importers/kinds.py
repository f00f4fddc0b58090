"""What a cell is, whatever the layout: a level name, a grid-header label, a value, a unit, a weight,
a sign-off or stamp line, a template placeholder, page furniture, or plain text.

Everything here is data (word lists and small patterns) plus predicates over one cell; the shape
assembler (:mod:`.shape`) decides from these kinds and the order of the cells where each one goes.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import fields, frameworks, numbers, values
from ..value_terms import NOT_APPLICABLE
from .registry import shape_headers

# --- level names ---------------------------------------------------------------------------------------

# Level words the frameworks (frameworks.py) do not list the way tables use them. Value: canonical
# (一级, 二级); 二级 None for a 一级 word. Everything else is read from the frameworks' own names and
# aliases (see _derived_levels), so a new framework alias is recognised on import as it is declared.
_LOCAL_LEVELS: dict[str, tuple[str | None, str | None]] = {
    # a 满意度 block written once: the word is its 一级 and its only 二级
    "社会公众或服务对象满意度": ("满意度", "服务对象满意度"), "服务对象满意度": ("满意度", "服务对象满意度"),
    "社会公众满意度": ("满意度", "服务对象满意度"), "服务对象或受益者满意度": ("满意度", "服务对象满意度"),
    "受益对象满意度": ("满意度", "服务对象满意度"),
    "成本": ("成本", "成本"),  # a 二级 in local-2015, a 一级 in central-2021: its position decides
    "可持续性发展影响": ("效益", "可持续影响"), "可持续发展影响": ("效益", "可持续影响"),
    # the scoring blocks of self-evaluation tables (no framework's tree): their rows stay together
    "项目决策": ("决策", None), "决策": ("决策", None), "项目管理": ("管理", None), "过程管理": ("管理", None),
}


def _derived_levels() -> dict[str, tuple[str | None, str | None]]:
    """Every framework's 一级/二级 names and the shared aliases → canonical (一级, 二级)."""
    out: dict[str, tuple[str | None, str | None]] = {}
    plain = [f for f in frameworks.FRAMEWORKS.values() if not f.level1_aliases]  # own-named trees: below
    for fw in plain:
        for k1, k2s in fw.levels.items():
            out.setdefault(k1, (k1, None))
            for k2 in k2s:
                out.setdefault(k2, (k1, k2))
    for word, k1 in frameworks.LEVEL1_ALIASES.items():
        out.setdefault(word, (k1, None))
    for word, k2 in frameworks.LEVEL2_ALIASES.items():
        owner = next((k for f in plain for k, v in f.levels.items() if k2 in v), None)
        out.setdefault(word, (owner, k2))
    return out


LEVEL_WORDS: dict[str, tuple[str | None, str | None]] = {**_derived_levels(), **_LOCAL_LEVELS}
# Words that name a 一级 only when written with 指标/目标 (a bare 效益 is a 二级 word in some tables).
_BARE_OK = {"经济效益", "社会效益", "生态效益", "环境效益", "可持续影响", "服务对象满意度", "项目产出", "项目效益",
            "项目决策", "项目管理", "社会公众或服务对象满意度", "经济成本", "社会成本", "生态环境成本"}
# (?<![\d.]): tried once per run of digits, not at each (a 20,000-digit cell took 15 s here)
_SCORE_TAIL = re.compile(r"[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$|(?<![\d.])\d+(?:\.\d+)?\s*分$")
_LEVEL_SUFFIX = ("指标", "目标")


@lru_cache(maxsize=1)
def level_forms() -> tuple[str, ...]:
    """Every level word as a grid prints it: with 指标 and without (the 部门整体 一级 too)."""
    words: set[str] = set()
    for word in (*LEVEL_WORDS, *frameworks.DEPARTMENT_LEVEL1):
        words.update((word, word + "指标"))
    return tuple(words)


@lru_cache(maxsize=4096)
def level_bit(text: str) -> bool:
    """A piece of a merged level cell that a PDF's text printed in lines of two or three characters
    beside the middle of its block ('产出' / '指标', '满意' / '度指' / '标'): part of a level word, no
    level word itself."""
    t = squash(text)
    return 0 < len(t) <= 4 and level_of(t) is None and any(t in w and t != w for w in level_forms())


@lru_cache(maxsize=8192)
def squash(text: str) -> str:
    """NFKC, no white space, no ★ markers: the form cells are matched in."""
    t = unicodedata.normalize("NFKC", text)
    return re.sub(r"[\s★☆]+", "", t)


_HEADING_MARK = re.compile(r"^(?:[一二三四五六七八九十]{1,2}[、.．]|[（(][一二三四五六七八九十]{1,2}[)）]|\d{1,2}[、.．](?!\d)|[（(]\d{1,2}[)）])")


@lru_cache(maxsize=4096)
def level_of(text: str) -> tuple[str | None, str | None, str] | None:
    """(一级 key, 二级 key, the word as written) when the whole cell is one level name, else None.

    '产 出 指 标 (50分)', '经济效益 指标', '成本指標', '社会公众或服务对象满意度指标', '产出目标' all count.
    """
    if len(text) > 80:
        return None  # a level name is short; a long cell is read no further
    t = _SCORE_TAIL.sub("", squash(text)).rstrip(":：")
    t = _HEADING_MARK.sub("", t, count=1)  # '二、效益指标': a numbered section heading over its block
    if not t or len(t) > 20:
        return None
    base = _strip_level_suffix(t)
    suffixed = base != t
    if base.endswith("值") and base[:-1] in LEVEL_WORDS:  # 产出值
        base = base[:-1]
        suffixed = True
    hit = LEVEL_WORDS.get(base)
    if hit is None and suffixed and not frameworks.is_department_level1(base):
        hit = slip_level(base)  # 社会效应 is also a 部门整体 一级: read as a slip only under 效益 (grid_levels)
    if hit is None or not (suffixed or base in _BARE_OK):
        return None
    return hit[0], hit[1], t


@lru_cache(maxsize=4096)
def slip_level(word: str) -> tuple[str | None, str | None] | None:
    """The level a word names with one character mistyped ('社会效应' for 社会效益,
    frameworks.one_slip): read as that level so the row does not shift; the word is kept as written
    and the checker calls it (PD201 with the word it meant)."""
    known = frameworks.one_slip(_strip_level_suffix(word), LEVEL_WORDS)
    if known is None:
        return None
    return LEVEL_WORDS[known]


def _strip_level_suffix(word: str) -> str:
    """The word without one 指标/目标 ending (never the whole word)."""
    for suffix in _LEVEL_SUFFIX:
        if word.endswith(suffix) and len(word) > len(suffix):
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=1)
def _framework_words() -> dict[str, dict[str, tuple[str | None, str | None]]]:
    """For each framework with level names of its own (frameworks.py ``level1_aliases``): word →
    (一级 key, 二级 key) in that framework. 发改: 产出 is a 二级 under 实施效果 there."""
    out: dict[str, dict[str, tuple[str | None, str | None]]] = {}
    for fw in frameworks.FRAMEWORKS.values():
        if not fw.level1_aliases:
            continue
        words: dict[str, tuple[str | None, str | None]] = {}
        for k1, k2s in fw.levels.items():
            words.update({k2: (k1, k2) for k2 in k2s})
        for word, k2 in fw.level2_aliases.items():
            words[word] = (next((k for k, v in fw.levels.items() if k2 in v), None), k2)
        words.update({k1: (k1, None) for k1 in fw.levels})
        for word, k1 in fw.level1_aliases.items():
            words[word] = (k1, None)
        out[fw.id] = words
    return out


@lru_cache(maxsize=4096)
def framework_level(text: str, framework: str) -> tuple[str | None, str | None, str] | None:
    """(一级 key, 二级 key, the word as written) when the cell is a level name of ``framework``'s own
    tree; bare words count from three characters on ('计划管理', not '资金')."""
    words = _framework_words().get(framework)
    if not words or len(text) > 80:
        return None
    t = _SCORE_TAIL.sub("", squash(text)).rstrip(":：")
    base = _strip_level_suffix(t)
    hit = words.get(base)
    if hit is None or (base == t and len(base) < 3):
        return None
    return hit[0], hit[1], t


@lru_cache(maxsize=4096)
def own_framework(text: str) -> str | None:
    """The framework whose own 一级 this cell names ('实施效果', '过程管理指标' → ndrc-investment)."""
    for fid in _framework_words():
        lv = framework_level(text, fid)
        if lv is not None and lv[1] is None:
            return fid
    return None


@lru_cache(maxsize=8192)
def glued_levels(text: str) -> tuple[list[str], str]:
    """Level words at the start of a glued cell: '产出指标数量指标送戏下乡' → (['产出指标', '数量指标'], '送戏下乡')."""
    t = squash(text)
    found: list[str] = []
    if t[:1].isdigit():  # '6.时效指标须填写…': an instruction's numbered sentence, not a glued row
        return found, t
    while t and len(found) < 2:
        for n in range(min(len(t), 20), 1, -1):
            head = t[:n]
            # the suffix test first: it is cheap and rules out almost every prefix of a long cell
            if head.endswith(_LEVEL_SUFFIX) and level_of(head):
                found.append(head)
                # '产出指标-数量指标-培训人数' (a WPS cell joining the levels): the mark between them goes too
                t = _LEVEL_JOINT.sub("", _SCORE_TAIL_START.sub("", t[n:]))
                break
        else:
            break
    if found and t:
        t = _as_written(text, len(squash(text)) - len(t)) or t
    return found, t


def _as_written(text: str, taken: int) -> str:
    """``text`` after the characters whose squashed form is ``taken`` long, as written (其中：… keeps its
    full-width colon), without white space as squash has it."""
    done = 0
    for i, ch in enumerate(text):
        done += len(squash(ch))
        if done >= taken:
            return re.sub(r"[\s★☆]+", "", text[i + 1:])
    return ""


_SCORE_TAIL_START = re.compile(r"^[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]")
_LEVEL_JOINT = re.compile(r"^\s*(?:[-—－–/／>＞→|｜\\、·]|--|->)\s*")


@lru_cache(maxsize=8192)
def level_part(text: str) -> bool:
    """A level name broken across lines: '社会公众或服务' … '对象满意度指标', '经济效益' … '指标'."""
    t = squash(text)
    if t in ("指标", "标", "指"):
        return True
    if len(t) < 3:
        return False
    # a whole word without 指标 is not a part: '群众满意度' is a row's name
    return t not in LEVEL_WORDS and t in _LONG_LEVEL_PARTS and level_of(t) is None


_LONG_LEVELS = tuple(w + "指标" for w in LEVEL_WORDS if len(w) >= 4)
# Every start and every end of those names: one set look-up per cell instead of a scan of all of them
# (a fifth of the time on a sheet of random text, where the cache above never hits).
_LONG_LEVEL_PARTS = frozenset(w[:k] for w in _LONG_LEVELS for k in range(1, len(w) + 1)) | \
    frozenset(w[k:] for w in _LONG_LEVELS for k in range(len(w)))


# --- grid header labels -----------------------------------------------------------------------------------

# Header label → column kind: the wording real tables print beyond the field registry's labels (which
# registry.shape_headers adds: a field declared there is a column here). Local words win.
HEADER_KINDS: dict[str, str] = {
    "一级指标": "l1", "一级": "l1", "级指标": "l1", "指标类型": "l1", "评价内容": "l1",
    "二级指标": "l2", "二级": "l2", "绩效内容": "l2",
    "三级指标": "name", "三级": "name", "三级指标名称": "name", "指标名称": "name", "指标内容": "name",
    "三级指标内容": "name", "绩效指标名称": "name", "具体指标": "name", "指标名称(三级指标)": "name",
    "指标解释": "desc", "指标描述": "desc", "绩效指标描述": "desc", "指标说明": "desc", "绩效标准": "basis",
    "指标说明及公式": "desc", "指标定义": "desc",
    "指标值": "value", "年度指标值": "value", "目标值": "value", "年度指标值/实际完成值": "value", "目标值/完成值": "value", "指标目标值": "value", "预期目标值": "value",
    "年度目标值": "value", "绩效目标值": "value", "指标值及单位": "value", "年初指标值": "value",
    "当年度指标值": "value", "预期达到目标": "value", "当年预期实现值": "value", "预期2022年实现值": "value",
    "年初目标值": "value", "指标值(A)": "value", "年初设定目标值": "value",
    "实施周期指标值": "mid_value", "中期指标值": "mid_value", "实施期指标值": "mid_value", "中期目标值": "mid_value",
    "实施期目标值": "mid_value", "实施周期目标值": "mid_value",
    "调整指标值": "adjusted",
    # a 绩效目标调整申请表: the adjusted value is the target, the original kept beside it (不变: the original)
    "调整后指标值": "value", "调整后目标值": "value", "原指标值": "original", "调整前指标值": "original",
    "原目标值": "original", "实际完成值": "actual", "全年实际值": "actual", "全年完成值": "actual",
    "实际完成指标值": "actual", "完成值": "actual", "全年实际值(B)": "actual", "年成值全完值": "actual",
    "全年实际完成值": "actual", "2021年实际实现值": "actual",
    "计算符号": "sign", "运算符号": "sign", "符号": "sign", "运算符": "sign", "数值": "value", "指标方向": "direction", "指标方向性": "direction",
    "指标性质": "nature", "指标值类型": "nature", "指标属性": "nature",
    "计量单位": "unit", "度量单位": "unit",
    "分值": "weight", "权重": "weight", "指标权重": "weight", "权重(%)": "weight", "指标权重(分)": "weight",
    "考值参分": "weight", "项目权重": "weight",
    "得分": "score", "指标得分": "score", "自评分": "score", "指标得分(分)": "score", "复核分": "score",
    "得分系数": "ratio", "得分系数(%)": "ratio", "累计完成率": "ratio",
    "指标值确定依据": "basis", "指标标准或依据": "basis", "确定依据": "basis", "评(扣)分标准": "scoring",
    "评分标准": "scoring", "评价标准": "scoring",
    "指标值说明": "note", "备注": "note", "说明": "note", "是否核心指标": "core",
    "未完成原因及拟采取的改进措施": "reason", "偏差原因分析及改进措施": "reason", "未完成原因": "reason",
    "未完成原因分析及改进措施": "reason", "偏差原因": "reason",
    "序号": "seq", "编号": "seq",
    "单位": "unit",
    # a flat grid of several projects: one column names the project, one its budget (rowed headers only)
    "项目名称": "project", "项目": "project", "预算项目": "project", "预算数": "budget_col",
    "预算金额": "budget_col", "年度预算数": "budget_col", "资金总额": "budget_col", "单位名称": "unit_col",
    "预算单位": "unit_col",
}
GRID_ONLY = {"project", "budget_col", "unit_col"}  # kinds that name a column only inside a header row


@lru_cache(maxsize=4)
def _headers(registry: fields.RegistryKey) -> tuple[dict[str, str], list[str]]:
    table = {**shape_headers(), **HEADER_KINDS}
    return table, sorted(table, key=len, reverse=True)


@lru_cache(maxsize=4)
def _header_starts(registry: fields.RegistryKey) -> frozenset[str]:
    return frozenset(w[:1] for w in _headers(registry)[1])


def header_table() -> dict[str, str]:
    """Every header label the shape assembler knows (registry and local) → its column kind."""
    return _headers(fields.registry_key())[0]


def header_words() -> list[str]:
    """The same labels, longest first (for cutting glued headers)."""
    return _headers(fields.registry_key())[1]

# Lead-in cells of a grid that carry no column ('绩效指标', '绩 效 指 标', '年度绩效指标').
_GRID_LEAD = re.compile(r"^(?:本年度|年度|专项年度|项目年度)?绩?效?(?:指标|项目指标表|目标完成情况)?$|^绩效指标.{0,8}$")


# A cell repeating the one above (a Word table's '〃', 同上); the draft's level fields also take the
# quote marks a text export turns it into (repairs.fill_dittos)
DITTO_MARKS = frozenset({"〃", "″", "同上", "々"})
# An adjusted value (调整后指标值) that keeps the original: the 原指标值 is the target
UNCHANGED = frozenset({"不变", "无变化", "未调整", "维持不变", "不调整", "同原值", "同上"})
# 2025年 | 2026年 | 2027年 heading a rolling plan's value columns (the first year's is the target)
YEAR_COLUMN = re.compile(r"20\d\d年度?(?:指标值|目标值)?")


def unknown_column(c: str, cells: list[str | None]) -> bool:
    """A short label in a header row whose other cells are mostly known column labels (完成目标可能性
    among 一级指标 … 偏差原因分析): a column perfdraft has no field for (a header fact, 年度绩效目标 in a
    flat export, is one it has)."""
    from .facts import fact_label  # facts reads this module's words

    t = squash(c)
    known = sum(1 for x in cells if x and header_kind(x))
    return 2 <= len(t) <= 12 and not value_like(c) and known >= 4 and known >= sum(1 for x in cells if x) - 2 \
        and not fact_label(c)


def extra_column(c: str, cells: list[str | None], headers: list[str]) -> str | None:
    """The kind of a header cell no label names, after ``headers``: a rolling plan's year (the first
    year's column is the target, later ones projections) or an unknown column ('other')."""
    if YEAR_COLUMN.fullmatch(squash(c)):
        # ('绩效指标值' over the year columns, met before the header row, is no value column of its own)
        after_name = headers[headers.index("name") + 1:] if "name" in headers else headers
        return "other" if "value" in after_name else "value"
    return "other" if len(cells) > 1 and unknown_column(c, cells) else None


def header_kind(text: str) -> str | None:
    return _header_kind(text, fields.registry_key())


@lru_cache(maxsize=8192)
def _header_kind(text: str, registry: fields.RegistryKey) -> str | None:
    table = header_table()
    t = squash(text).lstrip("*")
    t = re.sub(r"\((?:jí|biāo|zhǔn|píng|kòu)\)", "", t)
    if t in table:
        return table[t]
    t2 = re.sub(r"[（(][^()（）]*[)）]$", "", t)
    if t2 in table:
        return table[t2]
    if t.endswith(("分析", "情况")) and t[:-2] in table:  # 偏差原因分析, 指标完成情况
        return table[t[:-2]]
    if len(t) <= 14 and re.search(r"(实现值|完成值|实际值)$", t):
        return "actual" if re.search(r"实际|完成|全年", t) else "value"
    if t.endswith("指") and t + "标" in table:  # '一级指' over '标': a PDF cell wrapped in the header
        return table[t + "标"]
    if 3 <= len(t) <= 8 and not any(ch.isdigit() for ch in t):
        meant = frameworks.one_slip(t, (k for k in table if 3 <= len(k) <= 8), shortest=3)
        if meant:  # OCR's and pinyin input's '指标植' for 指标值
            return table[meant]
    return None


@lru_cache(maxsize=8192)
def grid_lead(text: str) -> bool:
    t = squash(text)
    return bool(t) and len(t) <= 12 and bool(_GRID_LEAD.match(t)) and t not in ("", "效")


def glued_header(text: str) -> list[str] | None:
    """A header whose labels lost their separators: '一级指标二级指标三级指标指标值完成值权重得分'."""
    t = squash(text)
    for lead in ("绩效目标完成情况", "绩效指标", "绩效目标"):
        if t.startswith(lead) and t[len(lead):].startswith("一级"):
            t = t[len(lead):]
    pos, kinds = 0, []
    table = header_table()
    starts = _header_starts(fields.registry_key())
    while pos < len(t):
        if t[pos] not in starts:  # no label starts here: skip the scan of every label (most cells)
            return None
        for word in header_words():
            if t.startswith(word, pos):
                kinds.append(table[word])
                pos += len(word)
                break
        else:
            return None
    if "name" not in kinds and "l2" not in kinds:
        return None
    return kinds if len(kinds) >= 3 else None


# --- sign-off, furniture, placeholders ------------------------------------------------------------------------

_SIGNOFF = re.compile(
    r"(?:意见|盖章|公章|签字|签章|审签|印章)|^(?:填表人|填报人|联系电话|联系人|填报日期|(?:办公)?电话|手机|传真|邮箱|联系方式|(?:部门|单位|项目|财务|分管|单位主要|主要)?负责人|"
    r"审核人|制表人|经办人|填报单位)[:：]|^(?:注[:：]|说明[:：]|(?:主办|承办|协办)(?:单位)?[:：]|技术支持[:：]|"
    # (a word alone, not the start of a name: 总分馆图书流转量, 存在问题整改率 are rows)
    r"(?:评价结论|存在问题|改进措施|其他需说明的问题|合计|总分|得分合计|填报说明|填表说明|上一篇|下一篇|相关推荐|相关阅读|"
    r"相关链接|相关文章|版权所有|网站标识码|关闭窗口|打印本页)(?![\u4e00-\u9fff]))|"
    r"ICP备|公网安备|\.(?:xlsx?|docx?|wps|et|pdf)$|"  # page links and a web page's footer after the table
    # a document's signature under the last table (大塘埠镇人民政府 / 2021年3月5日); 项目二： opening the next project
    r"^[\u4e00-\u9fff]{2,24}(?:人民政府|人民政府办公室|委员会)$|^项目[一二三四五六七八九十\d]{1,3}[:：]")
_TABLE_TITLE = re.compile(r"(?:项目支出|部门整体支出|整体支出|区域|项目)绩效(?:目标|自评|目标申报|目标批复)表"
                          r"(?:[(（]\s*(?:20\d\d\s*年度?|[一二三四五六七八九十\d]{1,3})\s*[)）])?$")  # （2024年度）, （二）
_FURNITURE = re.compile(
    r"^(?:打印时间|打印日期|导出时间|制表时间)[:：]|^[—\-–\s]*(?:已经到底了|已经到底啦|没有更多了|加载更多|点击加载更多|END|THE END)[—\-–\s]*$|^(?:往期推荐|往期回顾|推荐阅读|相关阅读|阅读原文|长按识别二维码.*|扫码关注.*|阅读\s*\d+|分享(?:\s+(?:收藏|点赞|在看|推荐))+)$|^(?:编辑|责编|责任编辑|审核|校对|排版|图片|供稿)[:：]\s*\S{1,12}$|^\[TRUNCATED|^!\[\]\(\)$|^(?:【[^】]{1,8}】\s*)+$|^[—\-–]\s*\d+\s*[—\-–]$|^第\s*\d+\s*页|^[|｜\s]+$|^(?:附件|附表)\s*\d*[-\d]*\s*[:：]?$"
    # a web system's buttons, copied with the screen ('编辑 删除' after every row, the 操作 column's head)
    r"|^(?:(?:编辑|删除|修改|查看|详情|操作|取消|确定|重置|新增下级|添加下级|新增同级)\s*)+$")
_PLACEHOLDER = re.compile(r"^(?:…+|\.{3,}|指标\s*\d*\s*[:：]?|[-—－/／]|\*+|x+|X+)$")


@lru_cache(maxsize=8192)
def signoff(text: str) -> bool:
    t = squash(text)
    return len(t) <= 60 and bool(_SIGNOFF.search(t))


def table_title(text: str) -> bool:
    """A table's title ('…项目支出绩效目标表'): the next table, or the running title of a PDF page."""
    t = squash(text)
    return len(t) <= 60 and bool(_TABLE_TITLE.search(t))


@lru_cache(maxsize=8192)
def furniture(text: str) -> bool:
    return bool(_FURNITURE.match(text.strip()))


# What a web page or a document prints around a table and nobody fills in: the site's breadcrumb and
# footer, the article's date, source and hit count, links to the next article, the sentence that
# publishes the table, and a project table's bare title (a 部门整体 title says what the table is: the
# importer reads it from the notes). Judged on squashed text (NFKC: '：' is ':').
_PAGE_CHROME = re.compile(
    r"^(?:上一篇|下一篇|上一条|下一条|当前位置|您.{0,4}位置|欢迎访问)|ICP备|公网安备|网站标识码|版权所有|"
    r"Copyright|©|^(?:主办|承办|协办)(?:单位)?:|^技术支持:|我要纠错|分享到|扫一扫|返回顶部|【字体|【打印|【关闭|"
    r"^(?:发布时间|发布日期|发文日期|成文日期|信息来源|文章来源|来源|浏览次数|阅读次数|访问次数|点击(?:数|次数|量)|索引号|"
    r"信息分类|内容分类|主题分类|体裁分类|发布机构|生成日期|来源单位|生效时间|废止时间|有效性|主题词|公开方式|公开范围|"
    r"公开时限|责任编辑|作者|更新时间|字体):|"
    r"^(?:根据|按照|依据).{0,90}(?:如下|附后)[:。]?$|现将.{0,90}公开如下[:。]?$")
# sign-off labels left blank ('单位(盖章):', '项目负责人(签字):  填报日期:'): nothing to keep
_BLANK_SIGNOFF = re.compile(r"(?:[\w()（）]{1,12}[:：])+")
_BARE_LABELS = frozenset({"绩效指标", "绩效目标", "指标", "年度绩效指标"})  # a stacked label cell ('绩效<br>指标')


@lru_cache(maxsize=8192)
def page_chrome(text: str) -> bool:
    """Text around a table that is no part of it (see _PAGE_CHROME): told once, not kept as unplaced."""
    t = squash(text)
    if len(t) > 120:
        return False
    return bool(_PAGE_CHROME.search(t)) or t in _BARE_LABELS or (table_title(t) and len(t) <= 24 and "整体" not in t) or \
        bool(re.fullmatch(r"[(（]?20\d\d年度?[)）]?|[(（]?(?:(?:金额)?单位:)?万?元[)）]?", t)) or (signoff(t) and bool(_BLANK_SIGNOFF.fullmatch(t)))


@lru_cache(maxsize=8192)
def placeholder(text: str) -> bool:
    return bool(_PLACEHOLDER.match(squash(text)))


# --- values, units, weights --------------------------------------------------------------------------------------

_NUMBER = re.compile(r"^[+-]?\d+(?:[.,]\d+)*$")
_OPS = {"=", "≥", "≤", ">", "<", ">=", "<=", "≧", "≦", "＝", "＞", "＜", "＞＝", "＜＝", "==", "区间"}
NATURES = {"定量", "定性", "定量指标", "定性指标", "正向", "反向", "正向指标", "反向指标", "中性", "↑", "↓", "↗", "↘"}
BASIS_WORDS = {"计划标准", "行业标准", "历史标准", "其他标准", "计划", "行业", "历史"}
_UNIT_TEXT = re.compile(r"^[\u4e00-\u9fff%‰a-zA-Z²³·*/／]{1,6}$")
EXTRA_UNITS = {"厘米", "毫米", "平方公里", "万平方米", "万立方米", "万亩", "万人", "万元", "亿元", "元/人", "人/天",
               "万元/人", "元/户", "人次", "批次", "个百分点", "工作日", "hm", "kg", "t", "M", "km", "m", "篇", "份",
               "种", "村", "期", "家", "门", "倍", "单", "株", "组", "头", "只", "户", "亩", "公顷",
               "等", "星", "档", "㎡", "m²", "万吨", "工日"}  # 耕地质量 ≥0.5等, 星级, 档次


@lru_cache(maxsize=8192)
def is_number(text: str) -> bool:
    return bool(_NUMBER.match(squash(text)))


@lru_cache(maxsize=8192)
def is_weight(text: str) -> bool:
    """A score or weight: a bare number up to 100, maybe with 分 or %."""
    t = squash(text).rstrip("分%")
    if not _NUMBER.match(t) or "," in t:
        return False
    number = numbers.read_decimal(t)
    return number is not None and 0 <= number <= 100


@lru_cache(maxsize=8192)
def is_sign(text: str) -> bool:
    return squash(text) in _OPS


@lru_cache(maxsize=8192)
def is_nature(text: str) -> bool:
    return squash(text) in NATURES


@lru_cache(maxsize=8192)
def is_unit(text: str) -> bool:
    t = squash(text)
    if t in EXTRA_UNITS or t in values.BASE_UNITS or t in ("%", "‰"):
        return True
    per = re.fullmatch(r"(.+?)[/／]([\u4e00-\u9fff]{1,3})", t)
    if per and per.group(2) not in LEVEL_WORDS and is_unit(per.group(1)):
        return True  # an amount per anything: 万元/团队, 元/人·天 (its own unit first)
    if ("/" in t or "(" in t) and len(t) <= 10 and not re.search(r"\d", t) and values.unit_known(values.canonical_unit(t)):
        return True  # 元/平方米·年, 台(套): the checker's own table of units
    if not _UNIT_TEXT.match(t) or len(t) > 5:
        return False
    parts = re.split(r"[/／*·]", t)
    return all(p in values.BASE_UNITS or p in EXTRA_UNITS or p[:1] in values.UNIT_PREFIXES and
               p[1:] in values.BASE_UNITS for p in parts if p)


@lru_cache(maxsize=8192)
def is_basis(text: str) -> bool:
    t = squash(text)
    return t in BASIS_WORDS or (len(t) <= 12 and t.endswith("标准") and not any(ch.isdigit() for ch in t))


@lru_cache(maxsize=8192)
def value_like(text: str) -> bool:
    """Whether a cell reads as a 指标值: the grammar parses it, or it is a number, a date or a short
    graded term (优, 是, 显著提升)."""
    t = squash(text)
    if not t or len(t) > 40:
        return False
    if not isinstance(values.parse(t), values.ParseError):
        return True
    if re.match(r"^[≥≤><=≧≦＞＜＝]|^>=|^<=", t):
        return True
    if re.search(r"\d", t) and len(t) <= 16 and not re.search(r"[\u4e00-\u9fff]{5,}", t):
        return True
    return t in values.TERM_SCALE or t in values.STATE_TERMS or t in values.BUDGET_TERMS or t in NOT_APPLICABLE
