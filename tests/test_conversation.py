"""The engine below both front-ends: steps, commands, undo, jump, resume."""

from decimal import Decimal

import pytest

from perfdraft import drafts
from perfdraft.answers import parse_money, parse_plan, split_row
from perfdraft.conversation import Conversation
from perfdraft.model import Draft
from perfdraft.steps import COMMANDS, STEP_TEXTS

from .conftest import SEED, SEED_FIXED
from .seed_answers import DEPT_ANSWERS, answers, flat_answers, walk_to_added_rows


def new_conv(tmp_path=None, year=2020):
    path = tmp_path / "d.toml" if tmp_path else None
    d = drafts.new_draft(year)
    if path:
        drafts.save(d, path)
    return Conversation(d, path)


def feed(conv, *texts):
    for t in texts:
        r = conv.answer(t)
        assert r.ok, (t, [m.text for m in r.messages])
    return conv


DEPT = list(DEPT_ANSWERS)


def test_department_steps_in_order(tmp_path):
    conv = new_conv(tmp_path)
    seen = []
    for a in DEPT:
        seen.append(conv.prompt().step)
        feed(conv, a)
    assert seen == ["dept.name", "dept.code", "draft.year", "draft.framework", "dept.overall_goal", "dept.sub_goals",
                    "dept.sub_goals", "dept.safeguards"]
    d = conv.draft.department
    assert (d.name, d.code, conv.draft.year, d.sub_goals[0].text) == ("某县社保局", "317002", 2021, "分项一")
    assert conv.prompt().step == "project.name"


def test_every_step_has_text_and_help():
    for sid, t in STEP_TEXTS.items():
        assert t.label and t.prompt and t.help, sid


def test_project_flow_with_template_budget_and_plan(tmp_path):
    conv = feed(new_conv(tmp_path), *DEPT)
    feed(conv, "冀财社【2019】74号城乡居民基本养老保险资金")
    p = conv.prompt()
    assert p.step == "project.template" and p.choices and p.choices[0].value == "si-urban-rural-pension"
    feed(conv, "1")
    feed(conv, "317-1002-JZN-81EK")
    assert conv.prompt().step == "project.doc_number"
    feed(conv, "")
    proj = conv.draft.projects[0]
    assert proj.doc_number == "冀财社〔2019〕74号" and proj.name == "城乡居民基本养老保险资金"
    feed(conv, "5751万")
    assert proj.budget.total == Decimal("57510000.00")
    assert conv.prompt().default == "57510000.00"
    feed(conv, "", "")
    assert proj.budget.other == Decimal("0.00")
    feed(conv, "用途", "25 50 75 100")
    assert proj.spending_plan.dec == 100
    goal = conv.prompt()
    # The pattern still has □ to fill: shown as a sentence to edit (Tab), never what Enter answers.
    assert goal.step == "project.goal" and "5751" in goal.suggestion and goal.default == ""
    assert goal.suggestion in goal.question and [c.value for c in goal.choices] == [goal.suggestion]  # Tab takes it
    r = conv.answer("")
    assert not r.ok and [m.role for m in r.messages] == ["user", "error"] and "Tab" in r.messages[1].text
    assert not conv.draft.projects[0].goal
    r = conv.answer(goal.suggestion)  # accepted as it is, blanks and all: refused, said once
    assert not r.ok and sum(m.role in ("error", "remark") for m in r.messages) == 1
    feed(conv, "为 57000 人按月发放基础养老金，发放及时率 100%")
    assert conv.prompt().step == "indicator.value"


def test_money_and_plan_parsing():
    assert parse_money("1,600,000") == Decimal("1600000")
    assert parse_money("160万") == Decimal("1600000.00")
    assert parse_money("１６０万元") == Decimal("1600000.00")
    with pytest.raises(Exception, match="不是金额"):
        parse_money("一百万")
    assert parse_plan("均匀").cells() == [25, 50, 75, 100]
    with pytest.raises(Exception, match="4 个数"):
        parse_plan("25 50")
    with pytest.raises(Exception, match="超出"):
        parse_plan("25 50 75 120")


def test_live_checks(tmp_path):
    conv = feed(new_conv(tmp_path), *DEPT, "测试项目", "0", "X-1", "1000")
    assert conv.prompt().step == "project.budget.fiscal"
    assert conv.check("2000")[0].code == "PD306"
    feed(conv, "800")
    assert "其他资金应为 200" in conv.check("100")[0].suggestion
    assert not conv.answer("100").ok  # 1000 ≠ 800 + 100: rejected, stays
    assert conv.prompt().step == "project.budget.other"
    feed(conv, "200", "用途")
    assert [f.code for f in conv.check("50 40 75 100")] == ["PD309"]


def test_indicator_accept_edit_delete_add_paste(tmp_path):
    conv = feed(new_conv(tmp_path), *DEPT, "城乡居民基本养老保险缴费补贴资金", "1", "X", "160万", "", "", "用途", "",
                "为 105000 名参保人员发放补贴，参保率 95%")
    first = conv.prompt()
    assert first.step == "indicator.value" and first.default
    feed(conv, "")  # accept the suggested value
    rows = conv.draft.projects[0].indicators
    assert rows and rows[0].value == first.default and rows[0].basis is not None
    # A bad value is rejected with its reason, and nothing is added.
    r = conv.answer("100100%")
    assert not r.ok and "PD" in " ".join(f.code for f in r.findings) and len(rows) == 1
    feed(conv, "≥106000人")
    assert rows[1].value == "≥106000人"
    feed(conv, "/del")
    while conv.prompt().step == "indicator.value":
        feed(conv, "/del")
    assert conv.prompt().step == "indicator.add"
    feed(conv, "代缴人数\t政府代缴的困难群体人数\t≥3000人\t1 冀人社发〔2018〕3号")
    assert rows[-1].name == "代缴人数" and rows[-1].basis.category == "计划标准"
    feed(conv, "新增一条", "口径说明", "≥10人", "3 上年实际")
    assert rows[-1].basis.category == "历史标准" and rows[-1].level2 == "数量指标"


def test_split_row_forms():
    assert split_row("a\tb\tc") == ["a", "b", "c"]
    assert split_row("| a | b | c |") == ["a", "b", "c"]
    assert split_row("≥95%") is None


def test_back_undo_skip_jump_and_return(tmp_path):
    conv = feed(new_conv(tmp_path), *DEPT[:3])
    assert conv.prompt().step == "draft.framework"
    assert conv.answer("/back").ok and conv.prompt().step == "draft.year"
    assert conv.answer("/undo").ok
    assert conv.draft.year == 2020  # the 2021 answer is undone
    assert not conv.answer("/skip").ok or conv.prompt().step != "draft.year"  # year is required
    conv = feed(new_conv(tmp_path), *DEPT, "项目甲", "0", "C1", "100", "", "", "用途")
    here = conv.prompt().step
    assert conv.answer("/jump 预算数").ok and conv.prompt().step == "project.budget.total"
    feed(conv, "200")
    assert conv.prompt().step == here  # straight back to where the user was
    assert conv.draft.projects[0].budget.total == 200
    assert conv.answer("/skip").ok and conv.prompt().step == "project.goal"


def test_commands_all_answer(tmp_path):
    conv = Conversation(drafts.load(SEED), tmp_path / "s.toml")
    for c in COMMANDS:
        if c.name in ("quit",):
            continue
        r = conv.answer(f"/{c.name}")
        assert r.messages, c.name
    help_text = conv.answer("/help").messages[-1].text
    assert "好的例子" in help_text or "【" in help_text
    assert "一级指标" in conv.answer("/table 1").messages[-1].text
    assert "个错误" in conv.answer("/check all").messages[1].text
    r = conv.answer("/nope")
    assert not r.ok and "/back" in r.messages[0].text
    r = conv.answer("/jump 不存在的地方")
    assert not r.ok


def test_jump_to_finding_path(tmp_path):
    conv = Conversation(drafts.load(SEED), tmp_path / "s.toml")
    assert conv.answer("/jump projects[1].indicators[5].value").ok
    p = conv.prompt()
    assert p.step == "indicator.edit" and p.prefill == "≥30元"
    feed(conv, "≥459100元")
    assert conv.draft.projects[1].indicators[5].value == "≥459100元"


def test_autosave_and_resume_after_crash(tmp_path):
    path = tmp_path / "d.toml"
    conv = new_conv(tmp_path)
    feed(conv, *DEPT, "项目甲", "0", "C1")
    # The process dies here: nothing but the autosaved file remains.
    reopened = Conversation(drafts.load(path), path)
    assert reopened.prompt().step == "project.budget.total"
    assert reopened.draft.projects[0].code == "C1"


def test_only_unsettled_skips_confirmed_fields(tmp_path):
    d = drafts.load(SEED_FIXED)
    d.projects[0].confirm = ["goal"]
    d.resume = None
    conv = Conversation(d, None, only_unsettled=True)
    # Everything before it is filled and valid: the first question is the goal marked "to confirm".
    assert conv.prompt().step == "project.goal"
    feed(conv, "")
    assert "goal" not in d.projects[0].confirm
    d.projects[1].confirm = ["indicators[2].value", "purpose"]
    while conv.pos.project == 0:
        feed(conv, "")
    assert conv.pos.project == 1 and conv.prompt().step == "project.purpose"
    assert conv.answer("/all").ok and conv.prompt().step == "project.review"
    assert d.projects[1].confirm == []


def test_seed_answers_replay_to_fixture():
    lines = flat_answers()
    assert len(lines) < 80
    fixed = drafts.load(SEED_FIXED)
    conv = Conversation(drafts.new_draft(2020), None)
    for _kind, text in answers(conv, fixed):
        assert conv.answer(text).ok
    got = conv.draft.projects[0]
    assert [drafts._indicator_dict(i) for i in got.indicators] == [drafts._indicator_dict(i) for i in fixed.projects[0].indicators]


def test_export_command_without_path():
    conv = Conversation(Draft(year=2020), None)
    r = conv.answer("/export xlsx")
    assert not r.ok and "文件名" in r.messages[-1].text
    assert not conv.answer("/export pdf").ok


def test_export_command_writes_beside_the_draft(tmp_path):
    path = tmp_path / "seed.toml"
    path.write_bytes(SEED.read_bytes())
    conv = Conversation(drafts.load(path), path)
    for fmt in ("xlsx", "md"):
        r = conv.answer(f"/export {fmt}")
        assert r.ok, [m.text for m in r.messages]
        assert (tmp_path / f"seed.{fmt}").exists()
    assert "错误" in r.messages[-1].text  # the seed has errors: the export says so


@pytest.mark.parametrize("marker", [
    {"step": "indicator.value", "project": 0, "index": 4},  # a group with no rows
    {"step": "indicator.value", "project": 7, "index": 99},
    {"step": "project.review", "project": 42},
    {"step": "no.such.step"},
])
def test_resume_marker_never_breaks_the_session(tmp_path, marker):
    d = drafts.load(SEED)
    d.resume = marker
    conv = Conversation(d, None)
    p = conv.prompt()
    assert p.question
    assert conv.answer("").messages is not None


def test_undo_after_deleting_rows_keeps_a_valid_position(tmp_path):
    conv = Conversation(drafts.load(SEED), None)
    conv.answer("/jump projects[0].indicators[0].value")
    conv.answer("/del")
    conv.answer("/undo")
    conv.answer("/undo")
    assert conv.prompt().question


from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_WORDS = ["", "/back", "/skip", "/undo", "/del", "/all", "/check", "/table", "/help", "/jump 预算数", "/jump 项目 2",
          "/jump 第 3 条", "/jump projects[0].indicators[2].value", "100100%", "≥95%", "1", "0", "160万", "25 50 75 100",
          "名称\t描述\t≥5人\t1", "无关", "人", "/nope", "2021", "项目甲"]


@pytest.mark.slow
@settings(max_examples=int(__import__("os").environ.get("PD_FUZZ", "60")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.one_of(st.sampled_from(_WORDS), st.text(max_size=12)), max_size=40), st.booleans())
def test_any_answer_sequence_gets_an_answer(answers_, seeded):
    conv = Conversation(drafts.load(SEED) if seeded else drafts.new_draft(2020), None)
    for text in answers_:
        reply = conv.answer(text)
        assert reply.messages
        assert not any("无法处理这个回答" in m.text for m in reply.messages), text  # the engine's safety net
        assert conv.prompt().question


def test_done_with_errors_left_says_so_and_done_without_errors_does_not(tmp_path):
    """A newcomer pressing Enter through every question reached 「草稿已完成并保存」 over a draft with no
    project: arriving at the end now names the errors left; a clean end says nothing more."""
    conv = feed(new_conv(tmp_path), *DEPT)
    texts: list[str] = []
    for _ in range(20):
        if conv.prompt().step == "draft.done":
            break
        texts += [m.text for m in conv.answer("").messages]
    assert conv.prompt().step == "draft.done"
    assert "草稿已完成" not in conv.prompt().question and "已保存" in conv.prompt().question
    assert any("全稿还有 1 个错误" in t and "/jump" in t for t in texts), texts
    # Nothing is asked at the end: typed text is refused in words, never dropped without one.
    r = conv.answer("雾炮车降尘抑尘服务")
    assert not r.ok and "“雾炮车降尘抑尘服务”没有记入草稿" in r.messages[-1].text and "/jump 项目 1" in r.messages[-1].text
    assert conv.answer("/jump 项目 1").ok and conv.prompt().step == "project.name"
    conv.answer("/jump 项目 1")
    while conv.prompt().step != "draft.done":
        conv.answer("")
    # the end says 再按回车保存并退出: an empty Enter there is /quit (it was refused as an error)
    assert "再按回车" in conv.prompt().question
    r = conv.answer("")
    assert r.ok and r.quit

    from perfdraft.review_steps import _done_shows

    clean = Conversation(drafts.load(SEED_FIXED), None)  # warnings only (the fixture is the corrected seed)
    assert _done_shows(clean, clean.pos) == []


def test_an_amount_typed_into_the_code_is_refused_while_typing_and_on_enter(tmp_path):
    """The 项目编码 question comes just before 预算数: "250万" typed there was kept as the code."""
    conv = new_conv(tmp_path, 2021)
    r = conv.answer("某县社保局")
    assert r.ok
    r = conv.answer("2021年")  # 单位编码
    assert not r.ok and "单位编码“2021年”像是年份或日期" in r.messages[-1].text and conv.prompt().step == "dept.code"
    feed(conv, "317002", "2021", "1", "完成参保 1000 人", "分项一", "", "保障措施", "城乡居民基本养老保险", "0")
    assert conv.prompt().step == "project.code"
    live = conv.check("250万")
    assert [f.code for f in live] == ["PD326"], live
    r = conv.answer("250万")
    assert not r.ok and "像是金额" in r.messages[-1].text and conv.draft.projects[0].code is None
    assert conv.check("317-1002-JXN-FRS7") == []
    assert conv.answer("317-1002-JXN-FRS7").ok and conv.draft.projects[0].code == "317-1002-JXN-FRS7"


def test_the_goal_being_typed_shows_every_finding_on_the_goal(tmp_path):
    """The goal's live check named only PD301/PD302: a goal in the past tense (PD323) or last year's
    goal kept (PD316) was learnt of only at /check."""
    conv = new_conv(tmp_path, 2021)
    feed(conv, "某县社保局", "317002", "2021", "1", "完成参保 1000 人", "分项一", "", "保障措施", "城乡居民基本养老保险", "0",
         "317-1002-JXN-FRS7")
    while conv.prompt().step != "project.goal":
        assert conv.answer("").ok or conv.answer("1").ok
    codes = lambda text: sorted(f.code for f in conv.check(text))  # noqa: E731
    assert codes("为 1000 名参保人发放补贴，发放及时率达到 95%") == []
    assert codes("已发放补贴 1000 人，发放及时率 95%") == ["PD323"]
    assert codes("2020年为 1000 名参保人发放补贴") == ["PD316"]
    assert codes("2021年为 1000 名参保人发放补贴") == []
    assert codes("做好养老保险工作") == ["PD302"]
    assert all(f.path.endswith(".goal") for f in conv.check("2019年已完成全部任务"))


def test_the_department_goal_being_typed_shows_a_past_tense_goal(tmp_path):
    conv = new_conv(tmp_path, 2021)
    feed(conv, "某县社保局", "317002", "2021", "1")
    assert conv.prompt().step == "dept.overall_goal"
    assert [f.code for f in conv.check("完成参保 1000 人，发放及时率 95%")] == []
    assert [f.code for f in conv.check("已完成参保 1000 人")] == ["PD323"]
    assert [f.code for f in conv.check("做好社保工作")] == ["PD406"]


def test_an_amount_or_a_code_typed_into_a_name_is_refused_while_typing_and_on_enter(tmp_path):
    """主管部门 comes after 项目编码 and before 预算数: "120万" typed there was kept as the department."""
    conv = new_conv(tmp_path, 2021)
    assert [f.code for f in conv.check("317002")] == ["PD411"]
    r = conv.answer("317002")  # the code typed for the name
    assert not r.ok and "像是编码" in r.messages[-1].text and conv.draft.department.name is None
    feed(conv, "某县社保局", "317002", "2021", "3", "完成参保 1000 人", "", "保障措施")
    assert conv.prompt().step == "project.name"
    assert [f.code for f in conv.check("120万")] == ["PD327"]
    r = conv.answer("120万")
    assert not r.ok and "像是金额" in r.messages[-1].text
    assert conv.draft.projects == [] and conv.prompt().step == "project.name"  # no project added by it
    feed(conv, "城乡居民基本养老保险", "0", "")
    while conv.prompt().step != "project.authority":
        assert conv.answer("").ok, conv.prompt().step
    assert [f.code for f in conv.check("120万")] == ["PD327"]
    r = conv.answer("120万")
    assert not r.ok and conv.draft.projects[0].authority is None and conv.prompt().step == "project.authority"
    assert conv.check("某县人力资源和社会保障局") == []
    assert conv.answer("某县人力资源和社会保障局").ok


def test_the_transcript_says_what_an_empty_enter_answered(tmp_path):
    """“你：（回车）” said nothing of the value Enter kept: it names it (and the choice it stands for)."""
    conv = new_conv(tmp_path, 2021)
    said = lambda r: [m.text for m in r.messages if m.role == "user"]  # noqa: E731
    feed(conv, "某县社保局", "317002")
    assert said(conv.answer("")) == ["（回车）2021"]  # the year kept
    feed(conv, "3", "完成参保 1000 人", "", "保障措施", "城乡居民基本养老保险")
    assert conv.prompt().step == "project.template"
    first = conv.prompt().choices[0].label
    assert said(conv.answer("")) == [f"（回车）1. {first}"]
    while conv.prompt().step != "project.budget.total":
        conv.answer("")
    r = conv.answer("")  # refused: nothing to keep
    assert not r.ok and said(r) == ["（回车）"]


def test_what_enter_took_is_said_for_any_current_value():
    from perfdraft.engine import _enter_took
    from perfdraft.prompts import Choice, Prompt

    def prompt(default, choices=()):
        return Prompt("s", "t", "q", "h", default, "", tuple(choices), "p")

    assert _enter_took(prompt("9" * 5000)).startswith("（回车）999")  # no int() of 5,000 digits
    assert _enter_took(prompt("²")) == "（回车）²"
    assert _enter_took(prompt("2", [Choice("甲", "a"), Choice("乙", "b")])) == "（回车）2. 乙"
    assert _enter_took(prompt("b", [Choice("甲", "a"), Choice("乙", "b")])) == "（回车）b. 乙"
    assert _enter_took(prompt("")) == "（回车）"


@pytest.mark.parametrize(("typed", "year"), [("2023", 2023), ("２０２３年", 2023), ("二〇二三年", 2023), ("二零二三", 2023),
                                             ("2023年度", 2023), ("23", None), ("二〇二", None), ("明年", None)])
def test_the_budget_year_as_people_write_it(tmp_path, typed, year):
    conv = new_conv(tmp_path, 2021)
    feed(conv, "某县社保局", "317002")
    assert conv.prompt().step == "draft.year"
    r = conv.answer(typed)
    assert r.ok == (year is not None) and conv.draft.year == (year or 2021)
    if year is None:
        assert "不是年份" in r.messages[-1].text


def test_the_question_that_adds_a_project_does_not_count_it_as_there(tmp_path):
    """A newcomer's walk: '项目 2/2' over the question that adds a second project, with one project."""
    conv = Conversation(drafts.new_draft(2025), None)
    feed(conv, "某县交通运输局", "", "2025", "1", "完成农村公路养护", "", "落实养护资金")
    assert conv.prompt().step == "project.name" and conv.prompt().title == "新项目（第 1 个） · 项目名称"


def test_save_with_a_name_writes_a_copy_and_never_replaces_a_file(tmp_path, monkeypatch):
    # '/save 备份' did an ordinary save and ignored the name
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "seed.toml"
    path.write_bytes(SEED.read_bytes())
    conv = Conversation(drafts.load(path), path)
    r = conv.answer("/save 备份")
    assert r.ok, [m.text for m in r.messages]
    copy = tmp_path / "备份.toml"
    assert drafts.load(copy).projects[0].name == drafts.load(path).projects[0].name
    assert conv.path == path  # the session still saves to its own file
    copy.write_text("# 用户自己的文件\n", encoding="utf-8")
    r = conv.answer("/save 备份.toml")
    assert not r.ok and "已存在" in r.messages[-1].text
    assert copy.read_text(encoding="utf-8") == "# 用户自己的文件\n"
    r = conv.answer("/save 表.xlsx")
    assert not r.ok and "/export" in r.messages[-1].text and not (tmp_path / "表.xlsx").exists()
    r = conv.answer("/save 没有的目录/a.toml")
    assert not r.ok and "目录不存在" in r.messages[-1].text


def test_a_pasted_row_whose_levels_the_framework_has_not_is_refused(tmp_path):
    conv = new_conv(tmp_path)
    walk_to_added_rows(conv)
    n = len(conv.draft.projects[0].indicators)
    r = conv.answer("产出指标\t满意度指标\t处治及时率\t规定时限内处治的比例\t≥95%\t行业标准")
    assert not r.ok and len(conv.draft.projects[0].indicators) == n
    assert "产出指标下可选 数量指标、质量指标、时效指标、成本指标" in " ".join(m.text for m in r.messages)
    feed(conv, "产出指标\t时效指标\t处治及时率\t规定时限内处治的比例\t≥95%\t行业标准")
    assert conv.draft.projects[0].indicators[-1].level2 == "时效指标" or any(
        i.name == "处治及时率" and i.level2 == "时效指标" for i in conv.draft.projects[0].indicators)
