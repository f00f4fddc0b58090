"""Repairs and remarks: field codes, glued unit codes, variant value glyphs, old level names;
after assembly, the year, the remarks on the draft and the framework guess."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from .. import frameworks, names
from ..line_breaks import join_lines
from ..model import (
    Draft,
    Indicator,
)
from . import kinds
from .report import Report

if TYPE_CHECKING:
    from .assembler import Assembler

# --- repairs ---------------------------------------------------------------------------------------------

# Word field codes that leak into copied text: TC entries of a table of contents and their friends.
_TOC_CODE = re.compile(
    r"\s*\bTC\s+(?:\"[^\"]*\"|.*?)\s*\\f\s*\"?[A-Za-z]\"?\s*\\l\s*\"?\d+\"?\s*"
    r"|\s*\bPAGEREF\s+_Toc\d+(?:\s*\\[a-z])*\s*"
    r"|\s*\bTOC\s+(?:\\[a-z]\s*(?:\"[^\"]*\")?\s*)+"
)


def strip_field_codes(text: str) -> tuple[str, bool]:
    if "TC" not in text and "TOC" not in text and "PAGEREF" not in text:
        return text, False  # (the pattern's leading \s* made a cell of thousands of line breaks quadratic)
    new = _TOC_CODE.sub("", text)
    if new == text:
        return text, False
    return new.rstrip(), True


# "317002顺平县社会保险事业管理局": the unit code glued to the unit's name.
_UNIT_SUFFIX = (r"(?:委员会|办公室|管理局|管理处|管理所|服务中心|事务中心|中心|局|委|办|院|所|站|馆|会|处|部|队|厅|"
                r"室|校|学|园|公司|政府|街道|乡|镇|社|团|组|司)")
# A unit's name: Chinese, with the digits, Latin letters, · and spaces real names hold (某县第1中学, A市B区教育局,
# 卫生健康局·医保中心), ending in a unit's word and perhaps its other name in brackets (办公室（县外事办）).
_NAME_BODY = r"[\u4e00-\u9fffA-Za-z][\u4e00-\u9fffA-Za-z0-9（）()·・ ]{1,40}?" + _UNIT_SUFFIX + r"(?:[（(][^（）()]{1,20}[)）])?"
_UNIT_CODE = re.compile(r"^(\d{3,12})\s*(" + _NAME_BODY + r")$")


_UNIT_NAME = re.compile(r"^" + _NAME_BODY + r"$")


def split_unit_code(text: str) -> tuple[str | None, str] | None:
    m = _UNIT_CODE.match(text.strip())
    if not m:
        return None
    return m.group(1), m.group(2)


_GLYPHS = {"≧": "≥", "≦": "≤", "⩾": "≥", "⩽": "≤", "＞＝": "≥", "＜＝": "≤", ">=": "≥", "<=": "≤",
           "＞": ">", "＜": "<", "＝": "=", "％": "%"}


def value_remarks(value: str) -> list[tuple[str, str]]:
    """(key, remark) for the variant forms in a 指标值; the value itself is never changed."""
    out = []
    for glyph, std in _GLYPHS.items():
        if glyph in value:
            out.append((f"glyph:{glyph}", f"指标值含异体符号“{glyph}”（标准写法 {std}），按原文保留，由检查提示"))
    if re.search(r"[０-９]", value):
        out.append(("fullwidth", "指标值含全角数字，按原文保留，由检查提示"))
    if "百分比" in value:
        out.append(("percent-word", "指标值以“百分比”作单位（标准写法 %），按原文保留，由检查提示"))
    if re.search(r"\d[,，]\d{3}", value):
        out.append(("thousands", "指标值含千分位分隔符，按原文保留，由检查提示"))
    return out


@lru_cache(maxsize=16384)
def fold(text: str) -> str:
    """The matching form of a label: NFKC (full-width → ASCII), no white space, no trailing colon."""
    t = unicodedata.normalize("NFKC", text)
    t = re.sub(r"\s+", "", t)
    return t.rstrip(":")


def _strip_level_suffix(text: str) -> str:
    t = fold(text)
    changed = True
    while changed and t:
        changed = False
        for suffix in ("指标", "目标", "值"):
            if t.endswith(suffix) and len(t) > len(suffix):
                t, changed = t[: -len(suffix)], True
    return t


def level_remarks(level1: str | None, level2: str | None) -> list[tuple[str, str]]:
    """(key, remark) for old, local or unknown level names; the labels themselves stay as written."""
    out = []
    if level1:
        key = frameworks.level1_key(level1)
        if key is None:
            out.append((f"l1?:{level1}", f"一级指标“{level1}”不是已知的指标层级名称，按原文保留，由检查提示"))
        elif key == "投入":
            out.append((f"l1:{level1}", f"一级指标“{level1}”是旧表的投入指标：投入-时效按产出-时效、"
                                        f"投入-成本按产出-成本（central-2021 为成本-经济成本）理解，草稿保留原文"))
        elif key != _strip_level_suffix(level1):
            out.append((f"l1:{level1}", f"一级指标“{level1}”按“{frameworks.LEVEL1_LABELS.get(key, key)}”理解，草稿保留原文"))
    if level2:
        key = frameworks.level2_key(level2)
        if key is None:
            out.append((f"l2?:{level2}", f"二级指标“{level2}”不是已知的指标层级名称，按原文保留，由检查提示"))
        elif key != _strip_level_suffix(level2):
            out.append((f"l2:{level2}", f"二级指标“{level2}”按“{frameworks.LEVEL2_LABELS.get(key, key)}”理解，草稿保留原文"))
    return out


# --- after assembly: inference and remarks ----------------------------------------------------------------


def infer_year(asm: Assembler) -> int | None:
    counts = asm.title_years or asm.years
    if not counts:
        return None
    best = max(counts.values())
    return max(y for y, n in counts.items() if n == best)


def remark_draft(draft: Draft, report: Report, *, split_doc_number: bool) -> None:
    """Report old level names and variant value forms; split 文号 out of names when asked."""
    for pi, p in enumerate(draft.projects):
        if p.name:
            new, doc = names.split_doc_number(p.name)
            if doc:
                if split_doc_number and p.doc_number is None:
                    report.note(f"doc:{pi}", f"项目名称“{p.name}”中的文号已移入 doc_number：名称“{new}”，文号 {doc}")
                    p.name, p.doc_number = new, doc
                elif not split_doc_number:
                    # said for both front-ends of an import: the command's flag and the assistant's question
                    report.note("doc-hint", "项目名称含文号，按原文保留（要把文号拆到文号栏：命令行导入加 --split-doc-number，"
                                            "助手里 /jump 项目名称 改名称、/jump 文号 填文号）", f"projects[{pi}].name")
        for ii, ind in enumerate(p.indicators):
            path = f"projects[{pi}].indicators[{ii}]"
            for key, text in level_remarks(ind.level1, ind.level2):
                report.note(key, text, path)
            if ind.value:
                for key, text in value_remarks(ind.value):
                    report.note(key, text, f"{path}.value “{ind.value}”")


# OCR's letters for digits: O for 0, l or I for 1, next to a digit or an operator; 、 between digit groups
# for the thousands comma (≥12、000人).
_OCR_LETTER = re.compile(r"(?<=[\d≥≤=<>.])[OoIl]|[OoIl](?=\d)")
_OCR_GROUP = re.compile(r"(?<=\d)、(?=\d{3}(?!\d))")


def fix_ocr_digits(draft: Draft, report: Report) -> None:
    """A value a scan's text recognition misread (≥l20个, 2O23年10月31日前, ≥12、000人) whose digits then
    read as a value: the digits put right, said, and kept to confirm. A value that reads as it is stays."""
    from ..values import ParseError, parse

    for pi, p in enumerate(draft.projects):
        for ii, ind in enumerate(p.indicators):
            value = ind.value or ""
            if not value or not (_OCR_LETTER.search(value) or "、" in value) or not isinstance(parse(value), ParseError):
                continue
            fixed = _OCR_GROUP.sub(",", _OCR_LETTER.sub(lambda m: "0" if m.group(0) in "Oo" else "1", value))
            if fixed != value and not isinstance(parse(fixed), ParseError):
                ind.value = fixed
                p.confirm.append(f"indicators[{ii}].value")
                report.note("ocr-digits", "指标值中疑为识别错误的字母（O→0、l→1）或顿号已改正，请核对",
                            f"projects[{pi}].indicators[{ii}].value “{value}” → “{fixed}”")


# An indicator's explanation glued to its name when a table's cells ran together ('大楼安检巡察次数反映大楼
# 保卫巡检情况'): 指标解释 open on 反映 and close on what is reflected. The name must end like a measure
# (…率, …次数, …时间) so that a name that merely contains the word (群众反映问题解决情况) stays whole.
_GLUED_EXPLANATION = re.compile(r"^(.{2,}?(?:率|数|量|度|额|积|间|限|性|次|值|比|例|期|费|本))"
                                r"((?:主要|用于|能够|可)?反映.{2,}?(?:情况|程度|水平|效果|成效|状况|能力|质量|进度|比例))$")


def split_glued_explanations(draft: Draft, report: Report) -> None:
    """Move a 反映… explanation glued to a 三级 name into the row's blank 指标描述, and say so."""
    for pi, p in enumerate(draft.projects):
        for ii, ind in enumerate(p.indicators):
            if ind.description or not ind.name:
                continue
            m = _GLUED_EXPLANATION.match(ind.name.strip())
            if m:
                ind.name, ind.description = m.group(1), m.group(2)
                report.note("glued-explanation", "指标名称后粘连的“反映…”说明已移到绩效指标描述，请核对",
                            f"projects[{pi}].indicators[{ii}]")


# 目标：≥90%；完成：92.3% — a self-evaluation's target and result in one cell (either order).
_TARGET_RESULT = re.compile(r"^\s*(?:目标|年度指标值|目标值)\s*[:：]\s*(?P<t>[^；;，,]+?)\s*[；;，,]\s*"
                            r"(?:完成|实际完成值?|完成值)\s*[:：]\s*(?P<r>.+?)\s*$")
_RESULT_TARGET = re.compile(r"^\s*(?:完成|实际完成值?|完成值)\s*[:：]\s*(?P<r>[^；;，,]+?)\s*[；;，,]\s*"
                            r"(?:目标|年度指标值|目标值)\s*[:：]\s*(?P<t>.+?)\s*$")


def split_target_and_result(draft: Draft, report: Report) -> None:
    """A value cell holding the target and the result (目标：…；完成：…): the target is the 指标值, the
    result the 实际完成值; and a 一级 carrying its score (产出指标（50分）) is the level."""
    for pi, p in enumerate(draft.projects):
        for ii, ind in enumerate(p.indicators):
            for attr in ("level1", "level2"):
                level = getattr(ind, attr)
                if level and kinds._SCORE_TAIL.search(level) and len(level) > 4:
                    setattr(ind, attr, kinds._SCORE_TAIL.sub("", level).strip() or level)
            m = _TARGET_RESULT.match(ind.value or "") or _RESULT_TARGET.match(ind.value or "")
            if m:
                ind.value = m.group("t")
                if ind.actual is None:
                    ind.actual = m.group("r")
                report.note("target-result", "指标值一栏同时写了目标和完成值，已分开：目标为指标值，完成值为实际完成值",
                            f"projects[{pi}].indicators[{ii}]")


# A line break Word or a PDF put inside a short cell (产出\n指标, 安全生产执法\n检查企业数量): no break
# in what was typed; between Chinese characters nothing stands for it, elsewhere a space.
_SHORT_FIELDS = ("level1", "level2", "name", "value")


# A 三级 cell of two paragraphs: the name, then its explanation under a label of its own
# (a reader that joins a cell's paragraphs leaves no break: the longer labels are known without one)
_LABELLED_EXPLANATION = re.compile(r"\n\s*(?:指标解释|指标说明|指标释义|解释|说明|计算公式|计算方法|统计口径|口径)\s*[:：]"
                                   r"|(?<=\S)(?:指标解释|指标说明|指标释义|计算公式)\s*[:：]"
                                   r"|^\s*(?:指标解释|指标说明|指标释义)\s*[:：]")


def explained(cell: str) -> bool:
    """A cell carrying its own 指标解释 paragraph: a 三级 name, whatever words it starts with."""
    return _LABELLED_EXPLANATION.search(cell) is not None


def split_labelled_explanations(draft: Draft, report: Report) -> None:
    """'资助学生人数\n指标解释：按在校生…': the paragraph under its label is the row's 指标描述 (it was joined
    into the name), where the row has none."""
    for pi, p in enumerate(draft.projects):
        for ii, ind in enumerate(p.indicators):
            m = _LABELLED_EXPLANATION.search(ind.name or "")
            if m is None or ind.description:
                continue
            ind.name, ind.description = (ind.name or "")[:m.start()].strip() or None, (ind.name or "")[m.end():].strip() or None
            report.note("labelled-explanation", "三级指标单元格中另起一段的“指标解释：…”已移到绩效指标描述，请核对",
                        f"projects[{pi}].indicators[{ii}]")
            if ind.name is None:  # the cell held only the explanation: the name is the user's to give
                p.confirm.append(f"indicators[{ii}].value")


def join_cell_breaks(draft: Draft) -> None:
    """The short fields of every row, and each project's name, without the cell's line breaks."""
    def joined(text: str | None) -> str | None:
        return join_lines(text) if text and "\n" in text else text
    for p in draft.projects:
        p.name = joined(p.name)
        for ind in p.indicators:
            for attr in _SHORT_FIELDS:
                setattr(ind, attr, joined(getattr(ind, attr)))
    for ind in draft.department.indicators:
        for attr in _SHORT_FIELDS:
            setattr(ind, attr, joined(getattr(ind, attr)))


# '〃' (U+3003), '″', '"' or 同上 in a level cell: the label above, as a Word table writes a repeat
_DITTO = kinds.DITTO_MARKS | {"\"", "”", "同 上"}


def fill_dittos(draft: Draft, report: Report) -> None:
    """Level cells holding a ditto mark take the label of the row above; a row with its 二级 and no 一级
    takes the 一级 above when that 二级 is one of its."""
    filled = 0
    for rows in [p.indicators for p in draft.projects] + [draft.department.indicators]:
        above: Indicator | None = None
        for ind in rows:
            for attr in ("level1", "level2"):
                if (getattr(ind, attr) or "").strip() in _DITTO:
                    setattr(ind, attr, getattr(above, attr) if above is not None else None)
                    filled += 1
            # a table pasted in two parts, the second's first row without its 一级 (成本指标 after the
            # header repeated): the 一级 above, where the 二级 is one of its own
            if not ind.level1 and ind.level2 and above is not None and above.level1:
                lv2, lv1 = kinds.level_of(ind.level2), kinds.level_of(above.level1)
                # (成本 reads as its own 一级 key, the central-2021 way; under 产出 it is the local one's 二级)
                if lv2 is not None and lv1 is not None and lv2[1] is not None and (
                        lv2[0] == lv1[0] or (lv2[1] == "成本" and lv1[0] == "产出")):
                    ind.level1 = above.level1
            above = ind
    if filled:
        report.note("ditto", ditto_note(filled))


def ditto_note(n: int) -> str:
    return f"层级栏中的“〃”（同上）已按上一行填写（{n} 处）"


def implied_levels(rows: list[Indicator]) -> list[tuple[str | None, str | None]]:
    """(一级, 二级) of each row with a blank 一级 read from the row above, as the printed table implies:
    a 满意度 二级 after the 效益 rows with no 满意度 一级 of its own is the 2013 framework's."""
    out: list[tuple[str | None, str | None]] = []
    above: str | None = None
    for i in rows:
        above = i.level1 or above
        out.append((above, i.level2))
    return out


def guess_framework(draft: Draft, report: Report, headers: list[str] | None = None) -> None:
    """The framework (and the profile, where the shape reader did not already find one) from the rows'
    level names: 成本 as a 一级 is the central-2021 tree."""
    from ..profiles import PROFILES, detect, detect_from_headers, for_draft

    rows = [i for p in draft.projects for i in p.indicators] + list(draft.department.indicators)
    if draft.profile is None:
        found = detect(headers or [], implied_levels(rows))
        if found is not None and found != for_draft(draft).id:  # the default is not written (old drafts stay as they were)
            draft.profile, draft.framework = found, PROFILES[found].framework
            report.note("profile", f"表格样式识别为 {PROFILES[found].title}（{found}）")
    if draft.framework != "ndrc-investment" and any(frameworks.level1_key(i.level1) == "成本" for i in rows):
        draft.framework = "central-2021"
        if draft.profile in (None, "local-2015", "hebei-2020"):
            draft.profile = "central-2021"
        report.note("framework", "有一级指标“成本”，草稿按 central-2021 框架（成本为一级指标）建立")
    elif draft.framework == "central-2021" and any(
            frameworks.level1_key(l1) == "产出" and frameworks.level2_key(l2) == "成本" for l1, l2 in implied_levels(rows)):
        # the columns of the 一体化 table (计算符号, 计量单位 …) with 成本 filed under 产出: the rows are the
        # 2015 tree, and checking them against 2021 would call every cost row misfiled
        draft.framework = "local-2015"
        draft.profile = detect_from_headers(headers or [], "local-2015") or "local-2015"
        report.note("framework", f"成本指标列在产出指标之下，草稿按 local-2015 框架（产出含成本）检查，"
                                 f"表格样式改为 {PROFILES[draft.profile].title}（{draft.profile}）")


def department_table(draft: Draft, report: Report) -> None:
    """A 部门整体支出绩效目标表 read as a project ('部门整体', or rows under 履职效能 / 管理效率) is the
    department's own table: its rows, goal and budget go to the department, where the checker reads them
    against the department's tree. Only one, and only while the department has no rows of its own."""
    if draft.department.indicators:
        return
    # the table's title, left in the notes: a nameless table under it is the department's
    titled = any("整体支出绩效目标表" in n or "整体绩效目标表" in n for n in draft.notes)
    for p in draft.projects:
        own = [frameworks.is_department_level1(fold(i.level1 or "")) for i in p.indicators]
        own_tree = own and sum(own) * 2 > len(own)
        nameless = p.name is None and p.code is None
        if not p.indicators or not ((p.name or "").startswith("部门整体") or own_tree and p.code is None
                                    or titled and nameless):
            continue
        d = draft.department
        d.indicators = p.indicators
        d.overall_goal = d.overall_goal or p.goal or p.overall_goal
        if d.budget is None and p.budget.total is not None:
            d.budget = p.budget
        draft.notes.extend(p.notes)
        draft.projects = [q for q in draft.projects if q is not p]
        report.note("department", f"部门整体支出绩效目标表的 {len(d.indicators)} 个指标已读入部门整体（department），不作为项目")
        return


_CODE_IN_NAME = re.compile(r"^(?P<name>.{2,60}?)\s*[（(](?:部门|单位|预算单位)?(?:编码|代码)\s*[：:]\s*(?P<code>[\w-]{2,20})[)）]$")


def code_out_of_name(draft: Draft, report: Report) -> None:
    """部门名称：某局（部门编码：412001）: the code in brackets is the department's code."""
    d = draft.department
    m = _CODE_IN_NAME.match(d.name or "")
    if m and not d.code:
        d.name, d.code = m.group("name"), m.group("code")
        report.note("name-code", f"部门名称后括号中的编码 {d.code} 已填入部门编码")


def settle_profile(draft: Draft, report: Report) -> None:
    """A table whose layout no profile matched: the profile its columns allow. A draft without one is
    read as 河北 2020, which asks and checks 描述 and 依据 a table without those columns never had."""
    if draft.profile is not None:
        return
    from ..profiles import PROFILES

    rows = [i for p in draft.projects for i in p.indicators] + list(draft.department.indicators)
    explained = any(i.description or i.basis for i in rows)
    profile = "hebei-2020" if explained else {"central-2021": "central-2021"}.get(draft.framework or "", "local-2015")
    if profile in PROFILES:
        draft.profile = profile
        report.note("profile", f"表格样式按读到的栏目定为 {PROFILES[profile].title}（{profile}），可在草稿中修改")


# The mark a capture puts where an excerpt stops (a search store's, a doc site's "…… 全文未完"):
# the row it cut is not a row of the table.
# (blanks within the line only: \s from every line start ran across all the blank lines after it, in
# time growing with their square)
CUT_MARK = re.compile(r"^[ \t\u3000]*\[TRUNCATED\b|^[ \t\u3000]*[…\.]{2,}[ \t\u3000]*(?:全文未完|未完待续|余下全文|展开全文|阅读全文)", re.M)


def drop_cut_row(draft: Draft, report: Report) -> None:
    """The last row of an excerpt that stops inside it (a name cut short, no value): left out and said,
    not kept as a row with an empty 指标值 the checker then refuses."""
    inds = draft.department.indicators if draft.department.indicators and not draft.projects else \
        (draft.projects[-1].indicators if draft.projects else [])
    if inds and not (inds[-1].value or "").strip() and inds[-1].name:
        cut = inds.pop()
        report.note("cut-row", f"摘录在表格中间截断，最后一行“{cut.name}”不完整，未导入")
