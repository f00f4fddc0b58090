"""The step table under the profiles: which steps a draft gets, the new fields (issue 14) typed,
saved, checked and cloned, and the newcomer's findings of issue 18 (resume, clone, /all, /jump)."""

import os
import subprocess
import sys
from decimal import Decimal

import pytest

from perfdraft import drafts, slash_commands, symbols
from perfdraft.clone import clone_draft
from perfdraft.conversation import Conversation
from perfdraft.engine import STEPS
from perfdraft.model import Indicator
from perfdraft.prompts import Message
from perfdraft.step_context import StepContext
from perfdraft.step_table import project_order
from perfdraft.steps import COMMANDS, STEP_TEXTS, Command

from .conftest import ROOT, SEED_FIXED

DEPT = ["某县社保局", "317002", "2021"]
DEPT_REST = ["完成参保 1000 人", "", "保障措施"]


def feed(conv, *texts):
    for t in texts:
        r = conv.answer(t)
        assert r.ok, (conv.prompt().title, t, [m.text for m in r.messages])
    return conv


def new_conv(tmp_path=None, profile_number="1"):
    path = tmp_path / "d.toml" if tmp_path else None
    d = drafts.new_draft(2021)
    if path:
        drafts.save(d, path)
    return feed(Conversation(d, path), *DEPT, profile_number, *DEPT_REST)


def walk(conv, answer_for, stop):
    """Answer each prompt by ``answer_for(prompt)`` until ``stop(prompt)``; returns the steps seen."""
    seen = []
    for _ in range(300):
        p = conv.prompt()
        if stop(p):
            return seen
        seen.append((p.step, p.title))
        feed(conv, answer_for(p))
    raise AssertionError("did not stop")


# --- the profile decides the steps ------------------------------------------------------------------


def test_every_step_has_words_and_every_command_a_handler():
    for sid in STEPS:
        assert sid in STEP_TEXTS and STEP_TEXTS[sid].label, sid
    assert {c.name for c in COMMANDS} == set(slash_commands.HANDLERS)


@pytest.mark.parametrize("profile,has_plan,has_purpose", [
    ("hebei-2020", True, True), ("central-2021", False, False), ("local-2015", False, False),
    ("sichuan-grid", False, False)])
def test_project_steps_follow_the_profile(profile, has_plan, has_purpose):
    d = drafts.new_draft(2021)
    d.profile = profile
    order = project_order(StepContext(d), 0)
    assert ("project.spending_plan" in order) == has_plan
    assert ("project.purpose" in order) == has_purpose
    assert order[:2] == ["project.name", "project.template"] and order[-1] == "project.review"
    assert order.index("project.goal") < order.index("indicators")


def test_central_profile_header_in_table_order_and_mid_block(tmp_path):
    conv = new_conv(tmp_path, "2")
    assert conv.draft.profile == "central-2021"
    feed(conv, "某专项资金", "0")
    seen = walk(conv, lambda p: {"project.code": "X-1", "project.category": "部门项目", "project.nature": "3",
                                 "project.period_start": "2021", "project.period_end": "2023",
                                 "project.total_amount": "480万", "project.budget.total": "160万",
                                 "project.basis_text": "冀政〔2014〕93号",
                                 "project.goal": "为 105000 名参保人员发放补贴，参保率 95%"}.get(p.step, ""),
                lambda p: p.step == "indicator.add")
    steps = [s for s, _ in seen]
    assert steps == ["project.code", "project.authority", "project.unit", "project.category", "project.nature",
                     "project.period_start", "project.period_end", "project.total_amount", "project.budget.total",
                     "project.budget.fiscal", "project.budget.other", "project.basis_text", "project.goal"]
    p = conv.draft.projects[0]
    assert (p.authority, p.unit, p.nature, p.period_start, p.period_end) == ("某县社保局", "某县社保局", "阶段性", "2021", "2023")
    assert p.total_amount == Decimal("4800000.00") and p.basis_text == "冀政〔2014〕93号"
    # No template: rows are added by name, column by column in the table's order (描述, 指标值, 单位, 权重, 评分标准).
    feed(conv, "参保缴费人数")
    cols = walk(conv, lambda p: {"绩效指标描述": "实际缴费人数", "指标值": "≥105000人", "权重": "60",
                                 "评分标准": "完成得满分，每少 1% 扣 1 分"}[p.title.rsplit(" · ", 1)[1]],
                lambda p: p.step != "indicator.cell")
    assert [t.rsplit(" · ", 1)[1] for _, t in cols] == ["绩效指标描述", "指标值", "权重", "评分标准"]  # 单位 read off the value
    row = p.indicators[0]
    assert (row.value, row.symbol, row.unit, row.weight) == ("≥105000人", "≥", "人", Decimal(60))
    assert row.scoring.startswith("完成得满分")
    feed(conv, "参保率", "参保人数÷应参保人数", "≥95%")
    weight = conv.prompt()
    assert "已分配 60/100" in weight.question and weight.default == "40" and "平均分给" in weight.question
    feed(conv, "", "")
    assert p.indicators[1].weight == 40 and p.indicators[1].unit == "%"
    while conv.prompt().step == "indicator.add":
        feed(conv, "")
    # The 中期 block: the overall goal, then 总体 rows, with the 年度 rows copied as a start.
    assert conv.prompt().step == "project.overall_goal"
    feed(conv, "三年累计为 32 万人次发放补贴")
    assert conv.prompt().step == "overall.rows" and "/copy" in conv.prompt().question
    r = conv.answer("/copy")
    assert r.ok and "2 条年度指标" in r.messages[1].text
    assert conv.prompt().prefill == "≥105000人"
    feed(conv, "≥320000人", "")
    overall = [i for i in p.indicators if i.scope == "overall"]
    assert [i.value for i in overall] == ["≥320000人", "≥95%"] and overall[0].symbol == "≥"
    feed(conv, "效益｜社会效益指标｜政策知晓率｜≥90%".replace("效益｜", "", 1))
    assert p.indicators[-1].scope == "overall" and p.indicators[-1].level2 == "社会效益指标"
    r = conv.answer("")
    assert conv.prompt().step == "project.review" and "权重合计 100/100" in [m.text for m in r.messages]
    # Saved and loaded back: every new field kept.
    back = drafts.load(tmp_path / "d.toml").projects[0]
    assert back.period_end == "2023" and back.overall_goal == p.overall_goal and back.basis_text == p.basis_text
    assert [(i.scope, i.symbol, i.unit, i.weight, i.scoring) for i in back.indicators] == \
        [(i.scope, i.symbol, i.unit, i.weight, i.scoring) for i in p.indicators]
    # Checked: nothing about the fields the conversation filled.
    from perfdraft import checks

    found = checks.check_project(back, "central-2021", "projects[0]", 2021)
    assert not [f for f in found if f.severity == "error" and any(
        k in f.path for k in ("weight", "symbol", "unit", "period", "total_amount"))], found
    # Cloned: carried over, values moved to last_year, marked to confirm.
    new = clone_draft(drafts.load(tmp_path / "d.toml"))
    q = new.projects[0]
    assert q.overall_goal == p.overall_goal and q.period_start == "2021" and q.total_amount == p.total_amount
    assert "overall_goal" in q.confirm and "indicators[0].weight" in q.confirm
    assert q.indicators[0].last_year == "≥105000人" and q.indicators[0].weight == 60


def test_local_profile_asks_no_description_or_basis(tmp_path):
    conv = new_conv(tmp_path, "3")
    assert conv.draft.profile == "local-2015"
    feed(conv, "某项目", "0")
    walk(conv, lambda p: {"project.budget.total": "100", "project.goal": "为 100 人发放补贴"}.get(p.step, ""),
         lambda p: p.step == "indicator.add")
    feed(conv, "发放人数")
    assert conv.prompt().title.endswith("指标值")
    feed(conv, "≥100人")
    assert conv.prompt().step == "indicator.add"
    row = conv.draft.projects[0].indicators[0]
    assert row.description is None and row.basis is None and row.symbol is None  # no such columns


def test_symbol_follows_value_and_value_follows_symbol():
    assert symbols.symbol_of("≥95%") == "≥" and symbols.symbol_of("不超过3个工作日") == "≤"
    assert symbols.symbol_of("优") == "定性" and symbols.symbol_of("90%-95%") == "区间"
    assert symbols.value_with_symbol("≥95%", "≤") == "≤95%"
    assert symbols.value_with_symbol("100%", "=") == "=100%"
    ind = Indicator(value="≥95%")
    symbols.after_value_change(ind, True, True)
    assert (ind.symbol, ind.unit) == ("≥", "%")
    ind.symbol = "="
    symbols.after_symbol_change(ind)
    assert ind.value == "=95%"


def test_jump_to_symbol_changes_the_value_and_back(tmp_path):
    d = drafts.load(SEED_FIXED)
    d.profile = "central-2021"
    conv = Conversation(d, None)
    feed(conv, "/jump projects[0].indicators[0].value", "≥110000人")
    ind = d.projects[0].indicators[0]
    assert ind.symbol == "≥"
    feed(conv, "/jump 第 1 条 计算符号", "=")
    assert ind.value == "=110000人" and ind.symbol == "="
    assert not conv.answer("/jump 第 1 条 计算符号").ok or not conv.answer("约等于").ok


# --- slash commands are a table --------------------------------------------------------------------


def test_adding_a_slash_command_is_one_declaration():
    slash_commands.register(Command("count", ("计数",), "本项目有几条指标"),
                            lambda conv, arg: [Message("notice", f"{len(conv.draft.projects[0].indicators)} 条")])
    try:
        conv = Conversation(drafts.load(SEED_FIXED), None)
        assert conv.answer("/count").messages[-1].text == f"{len(conv.draft.projects[0].indicators)} 条"
        assert conv.answer("/计数").ok
        assert "/count" in conv.answer("/commands").messages[-1].text
    finally:
        slash_commands.unregister("count")
    assert not Conversation(drafts.load(SEED_FIXED), None).answer("/count").ok


# --- issue 18: resume is where the user stopped ---------------------------------------------------------


def run_line(path, lines):
    return subprocess.run([sys.executable, "-m", "perfdraft", "line", str(path), "--year", "2021"],
                          input="\n".join(lines) + "\n", capture_output=True, text=True, cwd=ROOT, timeout=120,
                          env=dict(os.environ))


@pytest.mark.slow
def test_piped_run_ending_on_skip_resumes_after_it(tmp_path):
    path = tmp_path / "d.toml"
    r = run_line(path, ["某县社保局", "/skip"])
    assert r.returncode == 0, r.stderr
    assert "停在：部门 · 预算年度" in r.stdout
    r2 = run_line(path, ["2021"])
    assert "[部门 · 预算年度]" in r2.stdout.split("> 2021")[0]
    assert "[部门 · 部门编码]" not in r2.stdout


@pytest.mark.slow
def test_piped_run_ending_after_a_suggested_value_resumes_at_the_next_row(tmp_path):
    path = tmp_path / "d.toml"
    lines = ["某县社保局", "317002", "2021", "1", "完成参保 1000 人", "", "措施", "城乡居民基本养老保险缴费补贴资金", "1",
             "X-1", "160万", "", "", "用途", "", "为 105000 名参保人员发放补贴，参保率 95%", ""]
    r = run_line(path, lines)
    assert r.returncode == 0, r.stderr
    stopped = r.stdout.rsplit("停在：", 1)[1].split("。", 1)[0]
    assert stopped.endswith("2/3")
    r2 = run_line(path, ["/help"])
    assert f"[{stopped}]" in r2.stdout.split("> /help")[0]
    d = drafts.load(path)
    assert len(d.projects[0].indicators) == 1


def test_resume_marker_is_where_the_user_stopped(tmp_path):
    conv = new_conv(tmp_path)
    feed(conv, "城乡居民基本养老保险缴费补贴资金", "1", "X-1", "160万", "", "", "用途", "",
         "为 105000 名参保人员发放补贴，参保率 95%", "", "/del")
    here = conv.prompt().title
    again = Conversation(drafts.load(tmp_path / "d.toml"), tmp_path / "d.toml")
    assert again.prompt().title == here  # the declined row stays declined: the resume finds the row by name
    feed(conv, "新增一条" if conv.prompt().step == "indicator.add" else "")
    again = Conversation(drafts.load(tmp_path / "d.toml"), tmp_path / "d.toml")
    assert again.prompt().title == conv.prompt().title


# --- issue 18: clone -------------------------------------------------------------------------------------


def _cloned(tmp_path):
    path = tmp_path / "new.toml"
    last = drafts.load(SEED_FIXED)
    last.projects[0].indicators[6].value = "2020年10月底前"  # a deadline of last year's
    drafts.save(clone_draft(last), path)
    return Conversation(drafts.load(path), path, only_unsettled=True), path


def test_clone_fiscal_enter_means_the_new_budget(tmp_path):
    conv, _ = _cloned(tmp_path)
    while conv.prompt().step != "project.budget.total":
        feed(conv, "")
    feed(conv, "200万")
    p = conv.prompt()
    assert p.step == "project.budget.fiscal" and "与预算数相同" in p.question
    assert p.default == "2000000.00" and p.prefill == ""  # not last year's figure
    feed(conv, "")
    b = conv.draft.projects[0].budget
    assert b.fiscal == Decimal("2000000.00")
    feed(conv, "")
    assert b.other == 0


def test_all_moves_last_years_deadlines_and_says_so(tmp_path):
    conv, _ = _cloned(tmp_path)
    r = conv.answer("/all")
    assert r.ok
    text = " ".join(m.text for m in r.messages)
    assert "2020年10月底前 → 2021年10月底前" in text
    assert conv.draft.projects[0].indicators[6].value == "2021年10月底前"


def test_clone_value_step_offers_last_years_deadline_in_this_year(tmp_path):
    conv, _ = _cloned(tmp_path)
    feed(conv, "/jump 项目 1")
    while not (conv.prompt().step == "indicator.value" and "10月底前" in conv.prompt().default):
        feed(conv, "")
    p = conv.prompt()
    assert p.default == p.prefill == "2021年10月底前" and "原为 2020年10月底前" in p.question
    feed(conv, p.prefill)
    assert conv.draft.projects[0].indicators[6].value == "2021年10月底前"


@pytest.mark.slow
def test_clone_with_changed_budget_ends_without_errors_of_our_own_advice(tmp_path):
    """Enter on every suggestion after changing the budget: no error the tool's own defaults caused."""
    from perfdraft import checks

    conv, _ = _cloned(tmp_path)
    refused = []
    for _ in range(400):
        p = conv.prompt()
        if p.step == "project.budget.total":
            feed(conv, "200万")
        elif p.step == "project.review":
            break
        else:
            r = conv.answer("")
            if not r.ok:  # what Enter kept would be wrong now: the tool says so, the user follows it
                refused.append((p.step, r.messages[1].text))
                feed(conv, p.prefill.replace("160万", "200万").replace("1600000", "2000000"))
    # the purpose and the goal both still name 160万元: each is refused until it says the new budget
    assert [s for s, _ in refused] == ["project.purpose", "project.goal"] and all("不一致" in t for _, t in refused)
    project = conv.draft.projects[0]
    found = checks.check_project(project, conv.draft.framework, "projects[0]", conv.draft.year)
    assert not [f for f in found if f.severity == "error"], found


# --- issue 18: /jump --------------------------------------------------------------------------------------


def test_jump_forms_from_the_readme(tmp_path):
    conv = Conversation(drafts.load(SEED_FIXED), None)
    feed(conv, "/jump 项目 1")
    feed(conv, "/jump 第 5 条")
    p = conv.prompt()
    assert p.step == "indicator.edit" and p.path == "projects[0].indicators[4].value"
    feed(conv, "/back", "/jump 第 5 条 描述")
    assert conv.prompt().path == "projects[0].indicators[4].description"
    feed(conv, "/jump 依据")  # the current row's basis
    assert conv.prompt().path == "projects[0].indicators[4].basis"
    feed(conv, "/jump 第 5 条指标")
    assert conv.prompt().path == "projects[0].indicators[4].value"
    feed(conv, "/jump 项目 2 第 3 条 权重")
    assert conv.prompt().path == "projects[1].indicators[2].weight"
    # From the whole-draft review (no project at hand): the project last worked on.
    conv = Conversation(drafts.load(SEED_FIXED), None)
    feed(conv, "/jump 全稿", "/jump 第 5 条")
    assert conv.prompt().path == "projects[0].indicators[4].value"
    # A row's column with no row at hand: said what to write.
    conv = Conversation(drafts.load(SEED_FIXED), None)
    feed(conv, "/jump 部门名称")
    r = conv.answer("/jump 描述")
    assert not r.ok and "/jump 第 N 条 描述" in r.messages[-1].text


def test_part_of_a_label_names_the_field_before_an_alias_of_another():
    # '/jump 预算' in a project went to 部门名称 (whose alias 预算单位 holds 预算), not to the 预算数
    conv = Conversation(drafts.load(SEED_FIXED), None)
    feed(conv, "/jump 项目 2", "/jump 预算")
    assert conv.prompt().step == "project.budget.total" and conv.pos.project == 1
    feed(conv, "/jump 用途")
    assert conv.prompt().step == "project.purpose"


def test_every_field_label_is_a_jump_target():
    from perfdraft import fields, profiles

    d = drafts.load(SEED_FIXED)
    d.profile = "central-2021"
    for f in fields.FIELDS.values():
        if f.kind == "special" and f.owner != "draft" or f.key in ("indicator.scope", "project.template"):
            continue
        if f.owner == "project" and not profiles.get("central-2021").has(f.key) and f.key not in (
                "project.purpose", "project.spending_plan", "project.doc_number"):
            continue
        conv = Conversation(d, None)
        feed(conv, "/jump 项目 1", "/jump 第 2 条" if f.owner == "indicator" else "/help")
        r = conv.answer(f"/jump {f.label}")
        assert r.ok, (f.key, [m.text for m in r.messages])
        p = conv.prompt()
        assert p.path.endswith(f.attr) or p.step == "draft.framework", (f.key, p.path)


# --- the new fields through the line mode and the catalogue's suggestions ----------------------------------


@pytest.mark.slow
def test_new_fields_typed_in_the_piped_line_mode_are_saved(tmp_path):
    path = tmp_path / "c.toml"
    lines = ["某县社保局", "317002", "2021", "2", "完成参保 1000 人", "", "措施",
             "某专项资金", "0", "X-1", "", "", "部门项目", "3", "2021", "2023", "480万", "160万", "", "",
             "冀政〔2014〕93号", "为 105000 名参保人员发放补贴，参保率 95%",
             "人均补贴标准", "补贴总额÷人数", "=30元/人·年", "100", "完成得满分",
             *[""] * 11, "三年累计为 32 万人次发放补贴", "/copy", "", "", "", "", ""]
    r = run_line(path, lines)
    assert r.returncode == 0, r.stderr
    assert "已分配 0/100" in r.stdout and "[项目 1/1 · 中期指标]" in r.stdout
    d = drafts.load(path)
    p = d.projects[0]
    assert d.profile == "central-2021"
    assert (p.category, p.nature, p.period_start, p.period_end) == ("部门项目", "阶段性", "2021", "2023")
    assert p.total_amount == Decimal("4800000.00") and p.basis_text and p.overall_goal
    annual, overall = p.indicators
    assert (annual.value, annual.symbol, annual.unit, annual.weight, annual.scoring) == (
        "=30元/人·年", "=", "元/人·年", Decimal(100), "完成得满分")
    assert overall.scope == "overall" and overall.value == annual.value and overall.weight is None


def test_catalogue_weight_and_scoring_are_offered_as_suggestions():
    import copy

    from perfdraft import catalogue

    cat = copy.deepcopy(catalogue.default())
    t = cat.templates["si-urban-rural-pension"]
    for ci in t.indicators:
        ci.weight, ci.scoring = 7, f"{ci.name}完成得满分"  # what the catalogue's rows carry (issue on the catalogue)
    d = drafts.new_draft(2021)
    conv = feed(Conversation(d, None, catalogue_loader=lambda: cat), *DEPT, "2", *DEPT_REST,
                "城乡居民基本养老保险缴费补贴资金", "1", "X-1", "", "", "", "", "", "", "", "160万", "", "", "",
                "为 105000 名参保人员发放补贴，参保率 95%")
    assert conv.prompt().step == "indicator.value"
    feed(conv, "")
    w = conv.prompt()
    assert w.title.endswith("权重") and w.default == "7" and "指标库中这条指标的权重" in w.question
    feed(conv, "")
    s = conv.prompt()
    assert s.title.endswith("评分标准") and s.default.endswith("完成得满分")
    feed(conv, "")
    row = d.projects[0].indicators[0]
    assert row.weight == 7 and row.scoring == s.default
    assert "已分配 7/100" in conv.prompt().question


def test_fill_set_reaches_the_new_fields_by_chinese_label():
    from perfdraft.fill import FillError, set_path

    d = drafts.load(SEED_FIXED)
    d.profile = "central-2021"
    set_path(d, "projects[0].项目类别", "部门项目")
    set_path(d, "projects[0].项目总额", "480万")
    set_path(d, "projects[0].中期目标", "三年累计 32 万人次")
    set_path(d, "projects[0].indicators[0].权重", "10")
    set_path(d, "projects[0].indicators[0].指标值", "≥110000人")
    set_path(d, "projects[0].indicators[0].计算符号", "=")
    set_path(d, "department.部门编码", "317003")
    p, ind = d.projects[0], d.projects[0].indicators[0]
    assert (p.category, p.total_amount, p.overall_goal) == ("部门项目", Decimal("4800000.00"), "三年累计 32 万人次")
    assert (ind.weight, ind.value, ind.symbol) == (Decimal(10), "=110000人", "=")
    assert d.department.code == "317003"
    with pytest.raises(FillError, match="项目性质只能是"):
        set_path(d, "projects[0].项目性质", "长期")


@pytest.mark.slow
def test_piped_clone_with_a_changed_budget(tmp_path):
    """As the newcomer did: clone, then answer through the line mode with Enter on each suggestion."""
    src, new = tmp_path / "last.toml", tmp_path / "new.toml"
    src.write_bytes(SEED_FIXED.read_bytes())
    r = subprocess.run([sys.executable, "-m", "perfdraft", "clone", str(src), "-o", str(new)], cwd=ROOT,
                       capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    r = run_line(new, ["200万", "", "", ""])
    assert "（回车 = 与预算数相同）" in r.stdout and "回车 = 2000000.00" in r.stdout
    b = drafts.load(new).projects[0].budget
    assert (b.total, b.fiscal, b.other) == (Decimal("2000000.00"), Decimal("2000000.00"), Decimal("0.00"))
    # Enter on last year's 资金用途 naming 160 万 is refused with the reason, not saved as this year's.
    assert r.returncode == 1 and "资金用途中的金额" in r.stderr
    purpose = drafts.load(new).projects[0].purpose
    r = run_line(new, [purpose.replace("160万", "200万").replace("\n", "\\n")])
    assert r.returncode == 0, r.stderr
    assert r.stdout.split("> ")[0].rsplit("[", 1)[-1].startswith("项目 1/8 · 资金用途]")  # resumed where refused
    assert "200万" in drafts.load(new).projects[0].purpose


def test_cloned_weights_are_asked_with_the_running_total():
    from perfdraft.model import Budget, Draft, Project

    rows = [Indicator("产出指标", "数量指标", "参保人数", value="≥105000人", symbol="≥", unit="人", weight=Decimal(60)),
            Indicator("产出指标", "质量指标", "参保率", value="≥95%", symbol="≥", unit="%", weight=Decimal(40),
                      scoring="完成得满分")]
    last = Draft(year=2021, framework="central-2021", profile="central-2021",
                 projects=[Project(name="项目甲", goal="为 105000 人发放补贴", indicators=rows,
                                   budget=Budget(Decimal(100), Decimal(100), Decimal(0)))])
    last.department.name = "某局"
    conv = Conversation(clone_draft(last), None, only_unsettled=True)
    while conv.prompt().step != "indicator.value":
        feed(conv, "")
    feed(conv, "≥106000人")
    w = conv.prompt()
    assert w.title.endswith("权重") and w.prefill == "60" and "已分配 40/100" in w.question
    feed(conv, "55")
    assert conv.prompt().step == "indicator.value"  # the next row: a blank 评分标准 left blank last year is not asked
    feed(conv, "")
    assert "已分配 55/100" in conv.prompt().question
    feed(conv, "45")  # its 评分标准 was kept as it was
    assert conv.prompt().step != "indicator.more"
    assert [r.weight for r in conv.draft.projects[0].indicators] == [55, 45]
    assert not [c for c in conv.draft.projects[0].confirm if c.startswith("indicators")]


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["", "/back", "/skip", "/undo", "/del", "/all", "/copy", "/jump 权重", "/jump 第 2 条 描述", "/jump 描述",
          "/jump 计算符号", "/jump 中期目标", "/jump 项目 1", "≥95%", "=", "≤", "60", "120", "3", "2021", "2023",
          "480万", "数量指标｜累计人数｜≥10人", "名称\t描述\t≥5人", "项目甲", "部门项目"]


@pytest.mark.slow
@settings(max_examples=int(os.environ.get("PD_FUZZ", "40")), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=8)), max_size=40), st.sampled_from(
    ["new", "seed", "clone"]))
def test_any_answer_sequence_under_the_central_profile(answers_, start):
    if start == "new":
        d = drafts.new_draft(2021)
        d.profile, d.framework = "central-2021", "central-2021"
    else:
        d = drafts.load(SEED_FIXED)
        d.profile = "central-2021"
        d = clone_draft(d) if start == "clone" else d
    conv = Conversation(d, None, only_unsettled=start == "clone")
    for text in answers_:
        reply = conv.answer(text)
        assert reply.messages and not any("无法处理这个回答" in m.text for m in reply.messages), text
        p = conv.prompt()
        assert p.question and p.title
    if start == "new":  # weights typed in the conversation never add up past 100
        for p in conv.draft.projects:
            assert sum((i.weight or 0) for i in p.indicators if i.scope != "overall") <= 100


@pytest.mark.parametrize("number,profile,answers,expect", [
    ("7", "sichuan-grid", {"指标性质": "1", "指标值": "≤3个工作日", "权重": "100", "指标方向": ""},
     {"nature": "定量", "value": "≤3个工作日", "unit": "个工作日", "weight": Decimal(100), "direction": "反向"}),
    ("8", "self-evaluation", {"指标值": "≥95%", "实际完成值": "96%", "权重": "100", "得分": "98", "备注": "超额完成"},
     {"value": "≥95%", "actual": "96%", "weight": Decimal(100), "score": Decimal(98), "note": "超额完成"}),
])
def test_row_columns_of_other_profiles_typed_saved_and_cloned(tmp_path, number, profile, answers, expect):
    conv = new_conv(tmp_path, number)
    assert conv.draft.profile == profile
    feed(conv, "某项目", "0")
    walk(conv, lambda p: {"project.budget.total": "100", "project.goal": "为 100 人办理业务"}.get(p.step, ""),
         lambda p: p.step == "indicator.add")
    feed(conv, "办理时限")
    asked = walk(conv, lambda p: answers[p.title.rsplit(" · ", 1)[1]], lambda p: p.step != "indicator.cell")
    assert [t.rsplit(" · ", 1)[1] for _, t in asked] == list(answers)  # the table's order, 单位 read off the value
    back = drafts.load(tmp_path / "d.toml").projects[0].indicators[0]
    assert {k: getattr(back, k) for k in expect} == expect
    cloned = clone_draft(drafts.load(tmp_path / "d.toml")).projects[0].indicators[0]
    assert cloned.last_year == expect["value"] and cloned.actual is None and cloned.score is None
    assert cloned.weight == expect["weight"] and cloned.nature == back.nature


def test_columns_no_profile_asks_for_are_reached_by_jump(tmp_path):
    conv = Conversation(drafts.load(SEED_FIXED), None)
    feed(conv, "/jump 项目 1", "/jump 第 2 条 指标值说明", "来源：2020 年统计年报", "/jump 第 2 条 前年值", "≥100000人")
    ind = conv.draft.projects[0].indicators[1]
    assert (ind.value_note, ind.prev_year) == ("来源：2020 年统计年报", "≥100000人")


def test_a_catalogue_that_fails_to_load_is_said_once_and_drafting_goes_on():
    def broken():
        raise OSError("磁盘错误")

    conv = feed(Conversation(drafts.new_draft(2021), None, catalogue_loader=broken), *DEPT, "1", *DEPT_REST)
    r = conv.answer("某项目")
    assert r.ok and conv.prompt().step == "project.template"
    said = [m.text for m in r.messages + conv.answer("0").messages if "指标库无法载入" in m.text]
    assert len(said) == 1 and "磁盘错误" in said[0]
    assert conv.prompt().step == "project.code"
    # Preloaded by a front-end instead: said in the messages it shows first.
    early = Conversation(drafts.new_draft(2021), None, catalogue_loader=broken)
    assert early.catalogue() is None and [m.text for m in early.messages if "指标库无法载入" in m.text]


def test_a_bare_slash_is_not_an_answer_and_a_crashing_step_changes_nothing(monkeypatch):
    conv = new_conv()
    r = conv.answer("/")
    assert not r.ok and "命令的开头" in r.messages[0].text and conv.prompt().step == "project.name"
    step = STEPS["project.name"]

    def boom(c, pos, text):
        c.draft.projects.append(None)  # half-applied, then a bug
        raise RuntimeError("bug")

    monkeypatch.setitem(STEPS, "project.name", step._replace(answer=boom))
    r = conv.answer("项目甲")
    assert not r.ok and "草稿未改动" in r.messages[-1].text
    assert conv.draft.projects == [] and conv.prompt().step == "project.name"


@pytest.mark.slow
def test_piped_enter_on_a_goal_with_blanks_is_explained_once(tmp_path):
    path = tmp_path / "g.toml"
    lines = ["某县社保局", "317002", "2021", "1", "完成参保 1000 人", "", "措施", "城乡居民基本养老保险缴费补贴资金", "1",
             "X-1", "160万", "", "", "用途", "", ""]
    r = run_line(path, lines)
    goal_part = r.stdout.split("[项目 1/1 · 绩效目标]", 1)[1]
    assert "建议句式" in goal_part and "□" in goal_part  # the sentence is shown, not blanks after 回车 =
    assert "回车 = " not in goal_part
    assert goal_part.count("✗") == 1 and "PD301" not in goal_part
    assert r.returncode == 1 and drafts.load(path).projects[0].goal is None


def test_copy_is_refused_where_the_table_has_no_mid_term_block(tmp_path):
    """The hostile test: /copy on a single-year table added 17 duplicate 中期 rows (34 saved)."""
    d = drafts.load(SEED_FIXED)
    d.profile = "local-2015"
    for p in d.projects:
        p.period_start = p.period_end = None
    path = tmp_path / "d.toml"
    drafts.save(d, path)
    conv = Conversation(drafts.load(path), path)
    rows = len(conv.draft.projects[0].indicators)
    r = conv.answer("/copy")
    assert not r.ok and "/copy 不适用" in r.messages[-1].text
    assert len(conv.draft.projects[0].indicators) == rows


def test_the_department_budget_a_finding_asks_for_can_be_reached_and_answered(tmp_path):
    """A newcomer's walk: PD407 (部门预算总额未填写) pointed at a question the assistant never asks; the
    findings list said there was nowhere to jump, and /jump 部门预算 was not understood."""
    conv = Conversation(drafts.load(SEED_FIXED), None)
    assert any(f.code == "PD407" and f.path == "department.budget" for f in conv.findings("draft"))
    before = conv.prompt().step
    for target in ("部门预算", "department.budget"):
        assert conv.answer(f"/jump {target}").ok and conv.prompt().step == "dept.budget", target
        assert "各项目合计" in conv.prompt().question
        assert conv.answer("").ok and conv.prompt().step == before  # Enter leaves it blank and goes back
    conv.answer("/jump 部门预算")
    r = conv.answer("12000万")
    assert r.ok and conv.draft.department.budget.total == Decimal("120000000")
    assert conv.prompt().step == before  # back where the jump came from
    assert not any(f.code == "PD407" for f in conv.findings("draft"))
    assert conv.answer("/jump 部门预算").ok and not conv.answer("abc").ok  # not money: refused
