"""A newcomer at 80×24, round 5 (a helper who never read the code): what it found, one test each."""

from __future__ import annotations

from decimal import Decimal

from perfdraft.tui.widgets.answer_input import AnswerInput

from .conftest import conv_on, run_in_app
from .test_checks_rules import codes, row
from .test_tui import _seed_copy


def test_backspace_on_a_refused_answer_deletes_its_last_character_not_the_whole_line(tmp_path):
    # A2: one Backspace (for a trailing slip) emptied the selected line, and the next Enter took the suggestion.
    path = _seed_copy(tmp_path)

    async def body(pilot, app, conv):
        assert conv.answer("/jump 财政资金").ok
        app.screen.ask()
        await pilot.pause()
        inp = app.screen.query_one(AnswerInput)
        app.screen.submit("80万元多")
        await pilot.pause()
        assert inp.value == "80万元多"  # refused, put back whole and selected
        await pilot.press("backspace")
        assert inp.value == "80万元"
        await pilot.press("enter")
        await pilot.pause()
        assert conv.draft.projects[0].budget.fiscal == Decimal("800000")
        assert conv.answer("/jump 第 2 条 指标值").ok
        app.screen.ask()
        await pilot.pause()
        assert inp.value == "≥105000人" and inp.selection == (0, len(inp.value))  # selected: typing replaces
        await pilot.press("left", "backspace")  # ← edits from the end: one character left of it
        assert inp.value == "≥10500人"

    run_in_app(path, body)


def test_yes_after_a_refusal_takes_the_fix_it_proposed_not_the_word(tmp_path):
    # A3: on a dumb terminal (no Tab) "是" answered 是否应为 =100%？ and was stored as a rate's value.
    with conv_on(_seed_copy(tmp_path)) as conv:
        assert conv.answer("/jump 第 7 条 指标值").ok
        refused = conv.answer("100100%")
        assert not refused.ok and "回答“是”即采用 =100%" in [m.text for m in refused.messages]
        assert conv.answer("是").ok and conv.draft.projects[0].indicators[6].value == "=100%"
        assert conv.answer("/jump 第 7 条 指标值").ok
        assert not conv.answer("100100%").ok and conv.answer("≥95%").ok  # anything else is the answer itself
        assert conv.draft.projects[0].indicators[6].value == "≥95%"


def test_yes_or_no_as_a_rates_value_is_found():
    assert "PD205" in codes(row(name="水费收缴率", value="是"))
    assert "PD205" not in codes(row(name="是否按期完成率", value="是"))


def test_an_export_that_cannot_load_its_module_says_which_and_what_to_do(tmp_path, monkeypatch):
    # A1: "导出功能不可用（缺少导出模块）" after perfdraft was updated under a running session
    import sys

    with conv_on(_seed_copy(tmp_path)) as conv:
        monkeypatch.setitem(sys.modules, "perfdraft.exporters", None)  # import raises ImportError
        said = " ".join(m.text for m in conv.answer("/export xlsx").messages)
        assert "无法载入 perfdraft.exporters" in said and "重新打开" in said and "草稿不受影响" in said


def test_a_level_answered_by_its_number_in_the_list_is_that_level(tmp_path):
    # B3: "1" at the numbered 二级 list was stored as the 二级 "1" (then PD201)
    with conv_on(_seed_copy(tmp_path)) as conv:
        assert conv.answer("/jump 第 3 条 二级指标").ok
        assert [c.label for c in conv.prompt().choices][:2] == ["数量指标", "质量指标"]
        assert conv.answer("１").ok and conv.draft.projects[0].indicators[2].level2 == "数量指标"


def test_a_full_width_choice_number_at_the_basis_is_the_choice():
    from perfdraft.answers import basis_from_text

    # B4: ２、《…》 was 其他标准：２、《…》
    assert basis_from_text("２、《农村供水工程运行管理办法》") == basis_from_text("2、《农村供水工程运行管理办法》")
    assert basis_from_text("２、《农村供水工程运行管理办法》").category == "行业标准"


def test_a_description_of_wuguan_is_found_as_it_is_typed(tmp_path):
    # B5: 无关 at 绩效指标描述 showed ✓ 本栏通过检查 while the list said PD212
    with conv_on(_seed_copy(tmp_path)) as conv:
        assert conv.answer("/jump 第 3 条 绩效指标描述").ok
        assert [f.code for f in conv.check("无关")] == ["PD212"]
        assert conv.check("月末在册参保人数，按系统数据统计") == []


def test_a_jump_beyond_the_draft_says_what_there_is(tmp_path):
    # B11 (and hostile round 6, B11): the refusal listed 项目 N and 第 N 条 as forms it knew
    with conv_on(_seed_copy(tmp_path)) as conv:
        said = {a: conv.answer(a).messages[-1].text for a in ("/jump 项目 99", "/jump 第 99 条", "/jump 项目 2 第 40 条")}
        assert said["/jump 项目 99"] == "没有项目 99：草稿中有 8 个项目（项目 1–8）"
        assert said["/jump 第 99 条"].startswith("项目 1 没有第 99 条指标：共 ")
        assert said["/jump 项目 2 第 40 条"].startswith("项目 2 没有第 40 条指标")
        conv.draft.projects[0].indicators.clear()
        assert "项目 1 还没有指标" in conv.answer("/jump 第 1 条").messages[-1].text


def test_a_refused_command_is_replaced_by_the_next_one_typed_not_appended_to(tmp_path):
    # B12: "/jump 第 1 条/del/export xlsx"

    async def body(pilot, app, conv):
        inp = app.screen.query_one(AnswerInput)
        inp.value = "/jump 第 99 条"
        await pilot.press("enter")
        await pilot.pause()
        assert inp.value == "/jump 第 99 条"
        await pilot.press("slash", "h", "e", "l", "p")
        assert inp.value == "/help"

    run_in_app(_seed_copy(tmp_path), body)


def test_tab_takes_the_checks_proposal_over_the_lists_entry_and_walks_the_blanks_of_a_sentence(tmp_path):
    # B2: "是否应为 =18000人？（Tab 采用）" and Tab put the list's 人; B1: Tab after filling one □ put the
    # template back over what was typed
    from perfdraft.prompts import Choice
    from perfdraft.tui.widgets.suggestions import Suggestions

    async def body(pilot, app, conv):
        assert conv.answer("/jump 第 3 条 指标值").ok
        app.screen.ask()
        await pilot.pause()
        app.screen.query_one(Suggestions).set_choices((Choice("人", "人", "建议值"),))
        inp = app.screen.query_one(AnswerInput)
        inp.value = "18000"
        await pilot.press("tab")
        assert inp.value == "18000人"  # the row's unit, as Enter would store it
        inp.value = "为3名对象发放补贴，覆盖□个乡镇、□个村"
        inp.cursor_position = 1
        await pilot.press("tab")
        assert inp.value.startswith("为3名") and inp.selection == (12, 13)
        await pilot.press("tab")
        assert inp.selection == (17, 18)

    run_in_app(_seed_copy(tmp_path), body)


def test_a_row_weight_over_100_is_found_on_its_row():
    # B17: an import read 20 and 100 as 权重 20100; only the total was said
    from perfdraft import checks

    from .test_checks_rules import draft, project

    r = row(name="项目(工程)验收合格率", value="=100%")
    r.weight = Decimal(20100)
    found = [f for f in checks.check_draft(draft([project([r])])) if f.code == "PD324"]
    assert any(f.path == "projects[0].indicators[0].weight" and "超过 100" in f.message for f in found)


def test_a_clones_value_the_check_refuses_is_not_offered_by_enter(tmp_path):
    # B15: 指标值？（回车用建议值 人） then PD101; it is last year's value, and not one Enter may take
    from perfdraft import clone, drafts

    from .conftest import SEED

    path = tmp_path / "2021.toml"
    drafts.save(clone.clone_draft(drafts.load(SEED), 2021), path)
    with conv_on(path) as conv:
        seen = []
        for _ in range(80):
            p = conv.prompt()
            if p.step == "indicator.value":
                ind = conv.ctx.candidates(conv.pos.project, conv.pos.index)[conv.pos.row].proposal
                seen.append((ind.value, p.default, [(c.value, c.detail) for c in p.choices]))
                if ind.value == "人":
                    break
            if not conv.answer("").ok and not conv.answer("/del").ok:
                break
        bare = [s for s in seen if s[0] == "人"]
        assert bare and bare[0][1] == "" and bare[0][2] == []
        assert any(detail == "上年值" for _, _, choices in seen for _, detail in choices)


def test_confirm_all_on_a_new_project_is_refused_not_a_project_without_rows(tmp_path):
    # B10: F11 on a brand-new project skipped its goal and every row the template offered
    from perfdraft import drafts

    path = tmp_path / "new.toml"
    drafts.save(drafts.new_draft(2026), path)
    with conv_on(path) as conv:
        assert conv.answer("/jump 项目 1").ok and conv.answer("农村饮水安全巩固提升").ok
        asked = conv.prompt().step
        reply = conv.answer("/all")
        assert not reply.ok and "项目 1 没有沿用待确认的内容" in reply.messages[-1].text
        assert conv.prompt().step == asked


def test_a_goal_setting_a_rate_row_another_figure_is_found():
    # B6: the goal said 农村自来水普及率达到95%, the row ≥92%, and the check list said 没有发现问题
    from perfdraft import checks

    from .test_checks_rules import draft, project

    rows = [row("效益指标", "社会效益指标", "农村自来水普及率", "≥92%"),
            row("满意度指标", "服务对象满意度指标", "受益群众满意度", "≥90%"),
            row("产出指标", "质量指标", "乳腺癌早诊率", "≥70%")]
    goal = "农村自来水普及率达到95%，宫颈癌、乳腺癌早诊率分别达到90%和70%以上，受益群众满意度达到90%以上。"
    found = [f for f in checks.check_draft(draft([project(rows, goal=goal)])) if f.code == "PD303"]
    assert [f.path for f in found] == ["projects[0].indicators[0].value"]
    assert "农村自来水普及率达到95%" in found[0].message


def test_a_row_moved_to_another_group_prints_in_that_group(tmp_path):
    # B8: a row changed to 数量指标 stayed after the 质量 rows, and the xlsx/docx showed 数量指标 twice
    from openpyxl import load_workbook

    from perfdraft import drafts
    from perfdraft.exporters import export_draft

    from .conftest import SEED_FIXED

    draft = drafts.load(SEED_FIXED)
    draft.projects = draft.projects[:1]
    rows = draft.projects[0].indicators
    moved = next(i for i in rows if i.level2 == "质量指标")
    moved.level2 = "数量指标"
    export_draft(draft, "xlsx", tmp_path / "t.xlsx")
    ws = load_workbook(tmp_path / "t.xlsx").worksheets[1]
    seconds = [r[1] for r in ws.iter_rows(values_only=True) if r[1] in ("数量指标", "质量指标", "时效指标", "成本指标")]
    assert seconds.count("数量指标") == 1, seconds
    names = [r[2] for r in ws.iter_rows(values_only=True)]
    last_count = max(k for k, i in enumerate(rows) if i.level2 == "数量指标" and i is not moved)
    assert names.index(moved.name) == names.index(rows[last_count].name) + 1


def test_an_answer_undone_after_a_jump_returns_where_the_jump_was_to_return(tmp_path):
    # B9: /undo after /jump 预算数 → 90万 walked on through 财政资金, 其他资金, 资金用途 … every later question
    from .conftest import SEED_FIXED

    path = tmp_path / "d.toml"
    path.write_bytes(SEED_FIXED.read_bytes())
    with conv_on(path) as conv:
        assert conv.answer("/jump 项目检查").ok and conv.answer("/jump 预算数").ok
        assert conv.answer("900000").ok
        after = conv.prompt().step
        assert conv.answer("/undo").ok and conv.prompt().step == "project.budget.total"
        assert conv.answer("").ok and conv.prompt().step == after != "project.budget.fiscal"


def test_a_bare_number_typed_over_a_unit_alone_takes_that_unit():
    # B16: 3 at ≥□处 became ≥3处, while 18000 at a clone's 人 was refused for its missing unit
    from perfdraft.value_hints import typed_value

    assert typed_value("人", "18000") == "18000人" and typed_value("人次", "６０") == "60人次"
    assert typed_value("≥□处", "3") == "≥3处" and typed_value("有效", "5") == "5"


def test_an_imported_project_table_opens_on_its_project_not_the_empty_department(tmp_path):
    # B18: after an import the walk opened on 部门 · 总体目标, and the imported project was never in sight
    from perfdraft import drafts
    from perfdraft.importers import import_file

    src = tmp_path / "t.txt"
    src.write_text("项目名称\t道路养护\n年度资金总额\t120万元\n一级指标\t二级指标\t三级指标\t指标值\n"
                   "产出指标\t数量指标\t养护里程\t≥20公里\n", encoding="utf-8")
    result = import_file(src)
    drafts.save(result.draft, tmp_path / "t.toml")
    with conv_on(tmp_path / "t.toml") as conv:
        assert conv.prompt().step.startswith(("project.", "indicator"))


def test_an_amount_ended_with_a_full_stop_is_the_amount():
    # C12: 80万元。 was refused as 不是金额
    from perfdraft.answers import parse_money

    assert parse_money("80万元。") == Decimal("800000") and parse_money("160万，") == Decimal("1600000")


def test_a_command_in_the_line_gets_no_check_mark_and_a_refused_one_no_not_saved(tmp_path):
    # C6: ✓ 本栏通过检查 stood under a refused /jump; C10: （“/back”未保存；请重新输入） in the line mode
    from perfdraft.tui.widgets.check_line import CheckLine

    from .test_line import run_line

    async def body(pilot, app, conv):
        inp = app.screen.query_one(AnswerInput)
        inp.value = "/jump 第 99 条"
        await pilot.pause()
        assert "本栏通过检查" not in str(app.screen.query_one(CheckLine).render())

    run_in_app(_seed_copy(tmp_path), body)
    said = run_line(tmp_path / "new.toml", "/back\n/quit\n")
    assert "已经是第一步了" in said.stdout + said.stderr and "未保存" not in said.stdout


def test_the_echo_says_the_value_stored_where_it_differs_from_what_was_typed(tmp_path):
    # C4: 你：3200 had stood for ≥3200人, the operator and unit unseen
    with conv_on(_seed_copy(tmp_path)) as conv:
        assert conv.answer("/jump 第 2 条 指标值").ok
        assert conv.answer("120000").messages[0].text == "120000（记为 ≥120000人）"
        assert conv.answer("/jump 第 2 条 指标值").ok
        assert conv.answer("≥120000人").messages[0].text == "≥120000人"


def test_an_imported_budget_is_written_to_the_fen(tmp_path):
    # C9: 200000.0 after an import, 865000.00 elsewhere
    from .conftest import imported_text

    draft = imported_text(tmp_path, "t.txt", "项目名称\t道路养护\n年度资金总额\t20万元\n一级指标\t二级指标\t三级指标\t指标值\n"
                                              "产出指标\t数量指标\t养护里程\t≥20公里\n")
    assert str(draft.projects[0].budget.total) == "200000.00"


def test_a_blank_department_goal_skips_the_department_part_as_its_question_says(tmp_path):
    # C13: a clerk with one project was asked 总体目标, 分项目标 and 保障措施, not knowing they could be left
    from perfdraft import drafts

    drafts.save(drafts.new_draft(2026), tmp_path / "n.toml")
    with conv_on(tmp_path / "n.toml") as conv:
        while conv.prompt().step != "dept.overall_goal":
            assert conv.answer("某镇人民政府" if conv.prompt().step == "dept.name" else "").ok
        assert "直接回车跳过部门部分" in conv.prompt().question
        assert conv.answer("").ok and conv.prompt().step == "project.name"


def test_a_level_outside_the_framework_is_named_by_the_table_style_chosen():
    # C3: PD201 named 地方通用 to a clerk who had chosen 河北 2020
    from perfdraft import checks

    from .test_checks_rules import draft, project

    d = draft([project([row("产出指标", "1", "培训人数", "≥100人")])])
    d.profile = "hebei-2020"
    assert any("表样“河北 2020”所用的地方通用" in f.message for f in checks.check_draft(d) if f.code == "PD201")
