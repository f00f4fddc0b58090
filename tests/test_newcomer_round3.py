"""A newcomer at 80×24, round 3 (a helper who never read the code): what was typed and not confirmed, the
demo's exit, the live check on the year, and tabs pasted where no row is asked."""

import asyncio
import os
import sys

import pytest
from textual import events

from perfdraft import drafts
from perfdraft.locations import demo_copy
from perfdraft.session import Session
from perfdraft.tui.app import PerfdraftApp, _say_close_error
from perfdraft.tui.widgets.answer_input import AnswerInput

from .test_line import ROOT
from .test_tui import _seed_copy


def _drafting(path):
    session = Session.open(path, remember=False)
    return session, PerfdraftApp(session=session), session.conv


def test_ctrl_q_keeps_the_typed_line_as_f10_does_and_ctrl_c_says_how_to_quit_in_chinese(tmp_path, capsys):
    path = _seed_copy(tmp_path)
    session, app, conv = _drafting(path)

    async def run():
        async with app.run_test(size=(80, 24)) as pilot:
            assert conv.answer("/jump 第 2 条").ok
            app.screen.ask()
            await pilot.pause()
            app.screen.query_one(AnswerInput).value = "≥25公里"
            app.action_help_quit()  # what Ctrl+C runs where no input takes it as copy
            await pilot.pause()
            said = [n.message for n in app._notifications]
            assert any("F10" in m and "Ctrl+Q" in m for m in said), said
            await pilot.press("ctrl+q")
            await pilot.pause()
        app.close_session(pending=app.quit_pending)
        _say_close_error(app)

    asyncio.run(run())
    assert "“≥25公里”已保留" in capsys.readouterr().out
    reopened = Session.open(path, remember=False)
    assert reopened.pending_answer == "≥25公里"
    reopened.close()


def test_a_restored_line_cleared_before_quitting_does_not_come_back(tmp_path):
    path = _seed_copy(tmp_path)
    first = Session.open(path, remember=False)
    first.close(pending="105万")
    again = Session.open(path, remember=False)
    assert again.pending_answer == "105万"
    again.close(pending=None)  # the line emptied, then F10: nothing typed
    third = Session.open(path, remember=False)
    assert third.pending_answer is None
    third.close()


def test_the_demos_farewell_says_its_copy_is_deleted_not_how_to_go_on(capsys):
    session, app, _ = _drafting(demo_copy())
    app.quit_pending = "110000"
    session.close(pending="110000")
    _say_close_error(app)
    out = capsys.readouterr().out
    assert "删除" in out and "继续" not in out and "已保留" not in out


def test_the_live_check_reads_a_date_against_the_drafts_year(tmp_path):
    path = _seed_copy(tmp_path)
    session = Session.open(path, remember=False)
    conv = session.conv
    try:
        ind = conv.draft.projects[0].indicators[0]
        found = {f.code for f in conv.ctx.value_findings(ind, f"{conv.draft.year - 1}年12月底前")}
        assert "PD225" in found  # it showed ✓ 本栏通过检查 while /check said PD225
        assert "PD225" not in {f.code for f in conv.ctx.value_findings(ind, f"{conv.draft.year}年12月底前")}
    finally:
        session.close()


@pytest.mark.parametrize(("where", "pasted", "line"), [
    ("/jump 第 2 条", "=100%\t", "=100%"),  # one Excel cell copied with its tab: the value, not yet answered
    ("/jump 绩效目标", "加强资金监管\t严格按合同进度支付", "加强资金监管 严格按合同进度支付"),  # free text: a space
])
def test_a_pasted_tab_where_no_row_is_asked_stays_in_the_line_for_enter(tmp_path, where, pasted, line):
    path = _seed_copy(tmp_path)
    session, app, conv = _drafting(path)

    async def run():
        async with app.run_test(size=(80, 24)) as pilot:
            assert conv.answer(where).ok
            app.screen.ask()
            await pilot.pause()
            before = conv.pos
            inp = app.screen.query_one(AnswerInput)
            inp.value = ""
            inp.post_message(events.Paste(pasted))
            await pilot.pause()
            assert conv.pos == before  # nothing answered
            assert inp.value == line

    try:
        asyncio.run(run())
    finally:
        session.close()


@pytest.mark.slow
def test_a_dumb_terminal_says_the_unconfirmed_line_is_to_be_typed_again(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    path = _seed_copy(tmp_path)
    Session.open(path, remember=False).close(pending="12")
    env = dict(os.environ, TERM="dumb", PROMPT_TOOLKIT_NO_CPR="1", LINES="24", COLUMNS="80")
    child = pexpect.spawn(sys.executable, ["-m", "perfdraft", "line", str(path)], env=env, cwd=str(ROOT),
                          encoding="utf-8", timeout=30, dimensions=(24, 80))
    try:
        child.expect(r"要\s*用\s*它\s*请\s*重\s*新\s*输\s*入")  # not 已放回输入行: the line is empty on this terminal
        child.expect(r"(?<![0-9])1>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert drafts.load(path).resume.get("pending") is None  # said and not kept: it is not offered again


def test_a_weight_answered_in_points_is_read_and_a_wrong_one_said_plainly():
    from perfdraft import fields

    weight = fields.FIELDS["indicator.weight"]
    assert fields.parse(weight, "5分") == 5
    with pytest.raises(fields.FieldValueError, match="应为数字（如 10"):
        fields.parse(weight, "五分")  # not "有限的数字", which meant nothing to a clerk


def test_the_other_funds_question_says_what_enter_gives(tmp_path):
    session = Session.open(_seed_copy(tmp_path), remember=False)
    conv = session.conv
    try:
        for answer in ("/jump 预算数", "125万", "/jump 财政资金", "105万", "/jump 其他资金"):
            assert conv.answer(answer).ok, answer
        q = conv.prompt().question  # Enter on 其他资金 now gives 125万 − 105万
        assert "200000" in q and "没有就回车填 0" not in q  # the two had contradicted each other
    finally:
        session.close()


def test_new_draft_with_the_name_of_one_that_exists_opens_it_and_says_so(tmp_path, monkeypatch):
    path = _seed_copy(tmp_path)
    before = path.read_bytes()
    app = PerfdraftApp()

    async def run():
        async with app.run_test(size=(80, 24)) as pilot:
            app.open_draft(path, create=True)
            await pilot.pause()
            assert any("已存在，已打开它" in m.text for m in app.session.conv.messages) or \
                "已存在，已打开它" in "\n".join(str(w.render()) for w in app.screen.query("Static"))

    try:
        asyncio.run(run())
    finally:
        app.close_session()
    assert path.read_bytes() == before


def test_the_template_question_shows_the_chosen_template_by_its_number_not_its_id(tmp_path):
    session = Session.open(_seed_copy(tmp_path), remember=False)
    conv = session.conv
    try:
        assert conv.answer("/jump 指标模板").ok and conv.answer("1").ok
        chosen = conv.draft.projects[0].template
        assert chosen
        assert conv.answer("/jump 指标模板").ok
        shown = conv.prompt().prefill
        assert shown == "1" and chosen not in shown  # the id (si-urban-rural-pension) was in the line
        assert conv.answer(shown).ok and conv.draft.projects[0].template == chosen  # kept as it was
    finally:
        session.close()


@pytest.mark.slow
def test_the_line_modes_ctrl_c_quit_keeps_the_typed_line_and_says_so(tmp_path):
    pexpect = pytest.importorskip("pexpect")
    path = _seed_copy(tmp_path)
    env = dict(os.environ, TERM="xterm", PROMPT_TOOLKIT_NO_CPR="1", LINES="24", COLUMNS="80")
    child = pexpect.spawn(sys.executable, ["-m", "perfdraft", "line", str(path)], env=env, cwd=str(ROOT),
                          encoding="utf-8", timeout=30, dimensions=(24, 80))
    try:
        child.expect(r"(?<![0-9])1>")
        child.send("15")
        child.sendcontrol("c")
        child.expect("保存并退出吗")
        child.send("\r")
        child.expect(r"已\s*保\s*留")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    reopened = Session.open(path, remember=False)
    assert reopened.pending_answer is not None and reopened.pending_answer.endswith("15")
    reopened.close()


def test_tab_takes_the_live_checks_proposed_fix_and_tab_again_gives_the_line_back(tmp_path):
    path = _seed_copy(tmp_path)
    session, app, conv = _drafting(path)

    async def run():
        async with app.run_test(size=(80, 24)) as pilot:
            assert conv.answer("/jump projects[0].indicators[6].value").ok
            app.screen.ask()
            await pilot.pause()
            inp = app.screen.query_one(AnswerInput)
            inp.value = "≥9595%"
            await pilot.pause()
            from perfdraft.tui.widgets.check_line import CheckLine

            assert "Tab 采用" in str(app.screen.query_one(CheckLine).render())
            await pilot.press("tab")
            await pilot.pause()
            assert inp.value == "≥95%"  # the demo's slips had to be retyped one by one
            await pilot.press("tab")
            await pilot.pause()
            assert inp.value == "≥9595%"

    try:
        asyncio.run(run())
    finally:
        session.close()


def test_a_column_question_says_what_enter_does_where_a_suggestion_or_a_value_is_there(tmp_path, monkeypatch):
    from perfdraft import indicator_steps
    from perfdraft.model import Indicator

    session = Session.open(_seed_copy(tmp_path), remember=False)
    try:
        ctx = session.conv.ctx
        row = Indicator(name="参保率", value="≥95%")
        assert "（回车留空）" in indicator_steps._cell_question(ctx, 0, row, "scoring")
        monkeypatch.setattr(indicator_steps, "cell_default", lambda *a: "按核定标准执行得满分")
        asked = indicator_steps._cell_question(ctx, 0, row, "scoring")
        assert "回车留空" not in asked and "回车采用建议" in asked  # it had said 留空 above 回车 = the suggestion
        row.scoring = "完成得满分"
        assert "回车保留当前内容" in indicator_steps._cell_question(ctx, 0, row, "scoring")
    finally:
        session.close()


def test_a_short_question_panel_drops_general_hints_before_what_comes_with_the_row():
    from perfdraft.indicator_steps import FILL_HINT
    from perfdraft.text_fit import fit_lines

    question = "\n".join(["“县道日常养护资金标准”", "口径（随本条采用）：县道每公里每年的日常养护资金",
                          "指标值确定依据（随本条采用，可用 /jump 修改）：计划标准：县道每公里每年不低于10000元",
                          FILL_HINT, "权重已分配 60/100", "指标值？（回车用建议值 =□元/公里·年；/del 不要这条）"])
    lines = "".join(fit_lines(question, 76, 5))
    assert "不低于10000元" in lines and "指标值？" in lines  # the 依据 Enter takes stays on screen
    assert "□ 处要填" not in lines and "权重已分配" not in lines


def test_a_line_mode_question_with_nothing_to_offer_clears_the_grey_placeholder():
    # prompt-toolkit keeps the last placeholder when given None: the previous question's value stood grey
    from perfdraft.line import _placeholder
    from perfdraft.prompts import Prompt

    bare = Prompt("project.purpose", "项目 1/1 · 资金用途", "这笔钱用来做什么？", "", "", "", (), "projects[0].purpose")
    shown = _placeholder(bare)
    assert shown is not None and list(shown) == []
    offered = _placeholder(bare._replace(default="0"))
    assert "回车采用" in "".join(text for _, text in offered)
