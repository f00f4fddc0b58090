"""The line mode: piped answers, prompt-toolkit headless, and a real pseudo-terminal (pexpect)."""

import os
import re
import subprocess
import sys
import time

import pytest

from perfdraft import drafts
from perfdraft.conversation import open_session

from .conftest import ROOT, SEED_FIXED
from .seed_answers import flat_answers, walk_to_added_rows


def _lines() -> list[str]:
    return [a.replace("\n", "\\n") for a in flat_answers()]


def run_line(path, stdin_text, env=None):
    e = dict(os.environ, **(env or {}))
    return subprocess.run([sys.executable, "-m", "perfdraft", "line", str(path), "--year", "2020"], input=stdin_text,
                          capture_output=True, text=True, env=e, cwd=ROOT, timeout=120)


def _tui_file(tmp_path):
    from .test_tui import pilot_drafts_seed_project_1

    path = tmp_path / "tui.toml"
    pilot_drafts_seed_project_1(path)
    return path


@pytest.mark.slow
def test_piped_answers_give_the_same_toml_as_the_tui(tmp_path):
    line_path = tmp_path / "line.toml"
    r = run_line(line_path, "\n".join(_lines()) + "\n")
    assert r.returncode == 0, r.stderr
    assert "[全稿检查]" in r.stdout and "Traceback" not in r.stderr
    tui_path = _tui_file(tmp_path)
    assert line_path.read_text("utf-8") == tui_path.read_text("utf-8")


@pytest.mark.slow
def test_piped_rejection_stops_with_line_number_and_keeps_earlier_answers(tmp_path):
    path = tmp_path / "d.toml"
    lines = ["某县社保局", "317002", "2020", "1", "完成 1000 人", "", "措施", "项目甲", "0", "C-1", "一百万", "100"]
    r = run_line(path, "\n".join(lines) + "\n")
    assert r.returncode == 1
    assert "第 11 行" in r.stderr and "不是金额" in r.stderr
    d = drafts.load(path)
    assert d.projects[0].code == "C-1" and d.projects[0].budget.total is None
    # Run again: resumes at the budget question.
    r2 = run_line(path, "100\n")
    assert r2.returncode == 0
    assert drafts.load(path).projects[0].budget.total == 100


def test_prompt_toolkit_headless(tmp_path):
    import threading
    import time

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from perfdraft.line import run_interactive
    from perfdraft.model import Draft

    path = tmp_path / "d.toml"
    drafts.save(Draft(), path)  # no year: no pre-filled answers to edit around
    conv, lock = open_session(path)
    try:
        with create_pipe_input() as inp:
            def feed():
                # One answer at a time, as typed: text read ahead by one prompt is not handed to the next.
                for chunk in ["某县社保局\r", "317002\r", "2021\r", "\r", "\x04"]:
                    time.sleep(0.3)
                    inp.send_text(chunk)

            threading.Thread(target=feed, daemon=True).start()
            with create_app_session(input=inp, output=DummyOutput()):
                assert run_interactive(conv) == 0
    finally:
        lock.release()
    d = drafts.load(path)
    assert (d.department.name, d.department.code, d.year, d.framework) == ("某县社保局", "317002", 2021, "local-2015")


def test_validator_blocks_bad_value_until_fixed(tmp_path):
    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.document import Document
    from prompt_toolkit.validation import ValidationError

    from perfdraft.line import _session

    conv, lock = open_session(_copy_seed(tmp_path))
    try:
        conv.answer("/jump projects[0].indicators[6].value")
        with create_app_session():
            session = _session(conv)
        with pytest.raises(ValidationError) as info:
            session.validator.validate(Document("100100%"))
        assert "PD104" in info.value.message and "=100%" in info.value.message
        session.validator.validate(Document("=100%"))
        completions = list(session.completer.get_completions(Document("/un"), None))
        assert [c.text for c in completions] == ["/undo"]
    finally:
        lock.release()


def _copy_seed(tmp_path):
    from .conftest import SEED

    p = tmp_path / "seed.toml"
    p.write_bytes(SEED.read_bytes())
    return p


@pytest.mark.slow
@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_pexpect_drafts_seed_project_1(tmp_path, term):
    pexpect = pytest.importorskip("pexpect")
    path = tmp_path / "p.toml"
    env = dict(os.environ, TERM=term, PROMPT_TOOLKIT_NO_CPR="1", LINES="24", COLUMNS="80")
    child = pexpect.spawn(sys.executable, ["-m", "perfdraft", "line", str(path), "--year", "2020"], env=env, cwd=str(ROOT),
                          encoding="utf-8", timeout=30, dimensions=(24, 80))
    try:
        for n, text in enumerate(_lines(), 1):
            child.expect(rf"(?<![0-9]){n}>")
            child.sendcontrol("u")  # clear the pre-filled current value, as a user replacing it would
            # A Tab would open the completer in an interactive prompt: paste rows with | instead.
            child.sendline(text.replace("\t", " | "))
        child.expect(pexpect.EOF)  # the last answer finishes the draft; the program saves and ends
    finally:
        child.close(force=True)
    got = drafts.load(path).projects[0]
    want = drafts.load(SEED_FIXED).projects[0]
    assert [i.value for i in got.indicators] == [i.value for i in want.indicators]
    assert [i.name for i in got.indicators] == [i.name for i in want.indicators]
    assert got.budget == want.budget


def _spawn_line(path, term):
    pexpect = pytest.importorskip("pexpect")
    env = dict(os.environ, TERM=term, PROMPT_TOOLKIT_NO_CPR="1", LINES="24", COLUMNS="80")
    return pexpect, pexpect.spawn(sys.executable, ["-m", "perfdraft", "line", str(path)], env=env, cwd=str(ROOT),
                                  encoding="utf-8", timeout=30, dimensions=(24, 80))


@pytest.mark.slow
def test_dumb_terminal_prints_the_refusal_and_never_keeps_the_refused_text(tmp_path):
    """Issue 18: on TERM=dumb a refused value stayed invisibly in the buffer; the next answers were
    appended to it (``100100%≥95%``, ``100100%/quit``)."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, "dumb")
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendline("/jump projects[0].indicators[6].value")
        child.expect(r"(?<![0-9])2>")
        child.sendline("100100%")
        child.expect("超过 100%")  # the reason is printed …
        child.expect("未保存")  # … and that nothing was saved
        child.expect(r"(?<![0-9])3>")
        child.sendline("≥95%")
        child.expect(r"(?<![0-9])4>")
        child.sendline("/jump projects[0].budget.total")
        child.expect(r"(?<![0-9])5>")
        child.sendline("abc")
        child.expect("不是金额")
        child.expect("“abc”未保存")
        child.expect(r"(?<![0-9])6>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    values = [i.value or "" for p in drafts.load(path).projects for i in p.indicators]
    assert drafts.load(path).projects[0].indicators[6].value == "≥95%"
    assert not any("/quit" in v or "%≥" in v or "%1" in v for v in values), values


@pytest.mark.slow
def test_xterm_line_is_not_prefilled_so_typing_replaces_the_value(tmp_path):
    """Issue 18: with --line on xterm the pre-filled value was appended to (``≥95%100100%``).
    The line starts empty: typing replaces, Enter keeps, Tab takes the current value out to edit."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, "xterm")
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendline("/jump projects[0].indicators[0].value")
        child.expect(r"(?<![0-9])2>")
        child.sendline("≥120000人")  # typed over a row whose value was ≥125000人
        child.expect(r"(?<![0-9])3>")
        child.sendline("/jump projects[0].indicators[1].value")
        child.expect(r"(?<![0-9])4>")
        child.send("\t")  # the current value into the line …
        child.send("\x08\x08")  # … edited: ≥105000人 → ≥1050000 … minus the unit and one digit
        child.sendline("人")
        child.expect(r"(?<![0-9])5>")
        child.sendline("/jump projects[0].indicators[5].value")
        child.expect(r"(?<![0-9])6>")
        child.sendline("")  # Enter keeps
        child.expect(r"(?<![0-9])7>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    rows = drafts.load(path).projects[0].indicators
    assert rows[0].value == "≥120000人"
    assert rows[1].value == "≥10500人"
    assert rows[5].value == "1600000元"


def test_toolbar_counts_are_the_checks_counts(tmp_path):
    import re

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.output import DummyOutput

    from perfdraft.line import _session

    conv, lock = open_session(_copy_seed(tmp_path))
    try:
        with create_app_session(output=DummyOutput()):
            session = _session(conv)
            for target in ("department.overall_goal", "projects[1].indicators[9].value"):
                conv.answer(f"/jump {target}")
                bar = session.bottom_toolbar()
                head = next(m.text for m in conv.answer("/check").messages if m.text.startswith("检查"))
                e, w = re.search(r"(\d+) 个错误，(\d+) 个警告", head).groups()
                assert f"✗错误 {e} !警告 {w}" in bar, (target, bar, head)
    finally:
        lock.release()


@pytest.mark.slow
@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_line_check_names_each_finding_project_and_row_in_words(tmp_path, term):
    """Issue 18: /check in the line mode says where each finding is, as the TUI's findings view does."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, term)
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendline("/jump projects[0].indicators[6].value")
        child.expect(r"(?<![0-9])2>")
        child.sendline("/check")
        child.expect(r"检查本项目：\d+ 个错误")
        child.expect(r"(?<![0-9])3>")
        # Findings are wrapped to the terminal (a break drops its space): read them without white space.
        said = re.sub(r"\s", "", child.before)
        assert re.search(r"✗错误PD104项目1·第7条「[^」]+」·指标值：比率100100%超过100%", said), said
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)


def _clone(tmp_path):
    from .conftest import SEED_FIXED

    out = tmp_path / "2021.toml"
    r = subprocess.run([sys.executable, "-m", "perfdraft", "clone", str(SEED_FIXED), "-o", str(out)], capture_output=True,
                       text=True, cwd=ROOT, timeout=120)
    assert r.returncode == 0, r.stderr
    return out


@pytest.mark.slow
def test_clone_in_the_line_mode_budget_projects_and_last_years_deadlines(tmp_path):
    """Issue 18, clone: 财政资金 follows this year's 预算数 (not last year's figure); /jump 项目 N goes
    there (in a clone it went straight back to where it started); /all says which deadlines it moved."""
    path = _clone(tmp_path)
    r = run_line(path, "1700000\n\n/jump 项目 4\n/all\n")
    assert r.returncode == 0, r.stderr
    assert "回车 = 1700000" in r.stdout
    assert "跳到：项目 4/8" in r.stdout
    assert "已改为 2021 年，请核对：第 3 条「" in r.stdout and "2020年6月底前 → 2021年6月底前" in r.stdout
    d = drafts.load(path)
    assert d.projects[0].budget.total == d.projects[0].budget.fiscal == 1700000
    assert d.projects[3].indicators[2].value == "2021年6月底前"


@pytest.mark.slow
def test_piped_input_ending_in_skip_resumes_where_it_said(tmp_path):
    """Issue 18: the stop message named 预算年度 and the next run started at 部门编码."""
    path = tmp_path / "d.toml"
    r = run_line(path, "某县社保局\n/skip\n")
    stop = r.stdout.strip().splitlines()[-1]
    assert stop.startswith("（输入结束，停在：") and "部门 · 预算年度" in stop, stop
    r2 = run_line(path, "")
    first = next(ln for ln in r2.stdout.splitlines() if ln.startswith("["))
    assert first == "[部门 · 预算年度]", r2.stdout


@pytest.mark.slow
def test_xterm_enter_under_the_goal_pattern_puts_it_in_the_line(tmp_path):
    """As in the TUI: Enter on an empty line under the goal's pattern puts the pattern in the next line
    to complete (it is never saved with its □); the completed sentence is accepted."""
    from .test_tui import _goal_draft

    path = _goal_draft(tmp_path)
    pexpect, child = _spawn_line(path, "xterm")
    sentence = "2021年为12000名城乡居民参保缴费人员落实县级缴费补贴，参保率达到95%。"
    try:
        child.expect("建议句式")
        child.expect(r"(?<![0-9])1>")
        child.sendline("")
        child.expect("还没有写绩效目标")
        child.expect(r"(?<![0-9])2> 2021年为□名")  # the pattern, in the line to edit
        child.sendcontrol("u")
        child.sendline(sentence)
        child.expect(r"(?<![0-9])3>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert drafts.load(path).projects[0].goal == sentence


@pytest.mark.slow
def test_dumb_enter_under_the_goal_pattern_says_how_to_answer_without_tab(tmp_path):
    from .test_tui import _goal_draft

    path = _goal_draft(tmp_path)
    pexpect, child = _spawn_line(path, "dumb")
    try:
        # a newcomer's walk: told to press Tab, they learnt only after trying that this terminal cannot
        child.expect("建议句式（照此写出完整的一句，把 □ 换成实际数字）")
        child.expect(r"(?<![0-9])1>")
        assert "Tab" not in child.before
        child.sendline("")
        child.expect("还没有写绩效目标。照上面的建议句式写出完整的一句")
        child.expect(r"(?<![0-9])2>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert not drafts.load(path).projects[0].goal


@pytest.mark.slow
def test_piped_input_ending_after_a_suggested_value_resumes_at_the_next_row(tmp_path):
    """Issue 18: accepting a suggested indicator value and then ending the input went back a row."""
    from .test_tui import _goal_draft

    path = _goal_draft(tmp_path)

    def run(text):
        return subprocess.run([sys.executable, "-m", "perfdraft", "line", str(path)], input=text, capture_output=True,
                              text=True, cwd=ROOT, timeout=120)

    r = run("为1000名城乡居民发放补贴，参保率达到95%。\n1200\n")
    stop = r.stdout.strip().splitlines()[-1]
    assert "停在：" in stop, r.stdout
    where = stop.split("停在：")[1].split("。")[0]
    r2 = run("")
    first = next(ln for ln in r2.stdout.splitlines() if ln.startswith("["))
    assert first == f"[{where}]", (where, r2.stdout[:400])
    assert "1/3" not in where  # moved past the row answered


@pytest.mark.slow
def test_check_lists_every_finding_the_review_only_the_first(tmp_path):
    """Issue 18: the review's list was cut (……另有 38 条) with no way to read the rest in the session."""
    import re

    path = _copy_seed(tmp_path)
    r = subprocess.run([sys.executable, "-m", "perfdraft", "line", str(path)], input="/jump 检查\n/check\n/quit\n",
                       capture_output=True, text=True, cwd=ROOT, timeout=120)
    review, _, listed = r.stdout.partition("> /check")
    assert re.search(r"……另有 \d+ 条：输入 /check 列出全部", review), review[-500:]
    e, w, h = map(int, re.search(r"检查全稿：(\d+) 个错误，(\d+) 个警告，(\d+) 条提示", listed).groups())
    rows = [ln for ln in listed.splitlines() if ln.startswith(("  ✗ 错误 ", "  ! 警告 ", "  i 提示 "))]
    assert len(rows) == e + w + h and "另有" not in listed


def test_long_lines_are_wrapped_to_the_terminal_without_splitting_a_value(tmp_path):
    """The terminal's own wrap cut `317002` over two lines and began one with `；`: messages and
    questions are wrapped by text_fit to the terminal's width, continuation lines under the text.
    (On xterm a refused answer stays in the line with its reason in prompt-toolkit's toolbar.)"""
    term = "dumb"
    pexpect = pytest.importorskip("pexpect")
    from perfdraft.cells import width as cell_len
    from perfdraft.text_fit import CLOSING

    env = dict(os.environ, TERM=term, PROMPT_TOOLKIT_NO_CPR="1", LINES="24", COLUMNS="50",
               PERFDRAFT_DATA_DIR=str(tmp_path / "data"))
    child = pexpect.spawn(sys.executable, ["-m", "perfdraft", "line", str(tmp_path / "n.toml")], env=env, cwd=str(ROOT),
                          encoding="utf-8", timeout=30, dimensions=(24, 50))
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendline("某县社保局")
        child.expect(r"(?<![0-9])2>")
        child.sendline("2021年")
        child.expect(r"(?<![0-9])3>")
        said = child.before
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    lines = [re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", ln) for ln in said.split("\r\n")]
    refusal = [ln for ln in lines if "像是年份" in ln or ln.startswith("  ") and "317002" in ln]
    assert len(refusal) >= 2 and any("317002" in ln for ln in refusal), lines
    assert all(cell_len(ln) <= 49 for ln in lines), [ln for ln in lines if cell_len(ln) > 49]
    assert not any(ln.strip()[:1] in CLOSING for ln in lines if ln.strip()), lines


def test_a_piped_session_waits_for_its_catalogue_thread_before_returning(tmp_path, monkeypatch):
    """A piped session on an empty input ended while the catalogue was still loading on a daemon
    thread; finalizing the interpreter under it killed the next session of the crash suite with
    SIGSEGV (exit -11). The session's background threads are joined (bounded) before it returns."""
    import io
    import threading
    import time

    from perfdraft import drafts
    from perfdraft.conversation import Conversation
    from perfdraft.line import run_line

    monkeypatch.setenv("PERFDRAFT_DATA_DIR", str(tmp_path / "data"))
    path = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2021), path)
    finished = threading.Event()

    def slow_catalogue(self):
        time.sleep(0.5)
        finished.set()

    monkeypatch.setattr(Conversation, "catalogue", slow_catalogue)
    assert run_line(path, stdin=io.StringIO(""), out=io.StringIO()) == 0
    assert finished.is_set()
    assert not [t for t in threading.enumerate() if t.name == "catalogue"]


@pytest.mark.slow
@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_ctrl_c_then_y_saves_and_quits(tmp_path, term):
    """A newcomer's walk: on TERM=dumb the quit question's invisible default 'y' made a typed y into
    'yy', refused, and the session went on however often y was typed."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, term)
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendintr()
        child.expect("保存并退出吗")
        child.sendline("y")
        child.expect(pexpect.EOF, timeout=20)
    finally:
        child.close(force=True)
    drafts.load(path)  # saved whole


@pytest.mark.slow
def test_a_pasted_rows_tabs_are_kept_on_a_dumb_terminal(tmp_path):
    """A newcomer's walk: an Excel row pasted on TERM=dumb (no bracketed paste) lost its tabs: each
    arrived as a Tab key, which did nothing, and the cells ran together into one name."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, "dumb")
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendline("/jump projects[0].indicators[6].value")
        child.expect(r"(?<![0-9])2>")
        child.send("参保率")
        child.send("\t")
        child.sendline("=100%")
        child.expect(r"(?<![0-9])3>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    row = drafts.load(path).projects[0].indicators[6]
    assert "\t" in (row.name or "") + (row.value or ""), (row.name, row.value)  # the cells stay apart


@pytest.mark.slow
def test_tab_in_an_answer_on_xterm_takes_the_checks_proposal_not_a_literal_tab(tmp_path):
    """Newcomer round 5: in the xterm line mode Tab put ^I into a typed answer."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, "xterm")
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendline("/jump projects[0].indicators[6].value")
        child.expect(r"(?<![0-9])2>")
        child.send("100100%")
        child.send("\t")
        child.sendline("")
        child.expect(r"(?<![0-9])3>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert drafts.load(path).projects[0].indicators[6].value == "=100%"


@pytest.mark.slow
def test_f1_shows_the_help_of_the_question_as_in_the_tui(tmp_path):
    """A newcomer's walk: F1 did nothing in the line mode."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, "xterm")
    try:
        child.expect(r"(?<![0-9])1>")
        child.send("\x1bOP")  # F1 as xterm sends it
        child.expect("与预算系统中的项目名称一致")  # the 项目名称 question's help
        child.expect(r"(?<![0-9])2>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)


@pytest.mark.slow
@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_ending_with_ctrl_d_says_where_the_draft_is_and_how_to_go_on(tmp_path, term):
    """Ctrl-D ended the session without a word: was the answer kept, and how does one go on?"""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, term)
    try:
        child.expect(r"(?<![0-9])1>")
        child.sendcontrol("u")
        child.sendline("新名称")
        child.expect(r"(?<![0-9])2>")
        time.sleep(0.5)  # a Ctrl-D typed before the prompt reads keys goes to the terminal's line discipline
        child.send("\x04")  # Ctrl-D (on TERM=dumb it did nothing)
        child.expect("草稿已保存：")
        child.expect("继续：perfdraft line ")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert drafts.load(path).projects[0].name == "新名称"


@pytest.mark.slow
def test_a_refused_pasted_row_comes_back_in_the_next_line_on_xterm(tmp_path):
    """A newcomer's pasted row (≥9595%) was refused and had to be pasted or typed again; it comes back
    in the next line, its cells apart by |, to be fixed where it is wrong."""
    from perfdraft.conversation import Conversation

    path = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2020), path)
    conv = Conversation(drafts.load(path), path)
    walk_to_added_rows(conv)
    conv.save()  # resumes here
    pexpect, child = _spawn_line(path, "xterm")
    try:
        child.expect(r"(?<![0-9])1>")
        child.send("\x1b[200~代缴参保率\t政府代缴人数÷应代缴人数×100%\t≥9595%\t1 冀人社发〔2018〕3号\x1b[201~")
        child.send("\r")
        child.expect("已放回输入行")
        child.expect(r"(?<![0-9])2>")
        child.expect(r"代缴参保率 \| 政府代缴人数÷应代缴人数×100% \| ≥9595% \| 1 冀人社发〔2018〕3号")
        child.send("\x1b[D" * len("% | 1 冀人社发〔2018〕3号") + "\x7f\x7f")  # ≥95|95%: the doubled 95 off
        child.send("\r")
        child.expect(r"(?<![0-9])3>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    added = [r for r in drafts.load(path).projects[0].indicators if r.name == "代缴参保率"]
    assert added and added[0].value == "≥95%" and added[0].basis.category == "计划标准"


def test_a_read_only_draft_is_refused_before_any_question_and_nothing_is_written_beside_it(tmp_path):
    path = tmp_path / "d.toml"
    path.write_text("# 注释会在保存时丢失\n" + SEED_FIXED.read_text("utf-8"), "utf-8")
    path.chmod(0o444)
    before = sorted(p.name for p in tmp_path.iterdir())
    r = run_line(path, "\n\n\n")
    assert r.returncode == 2, r.stdout + r.stderr
    assert "只读" in r.stderr and "chmod u+w d.toml" in r.stderr and "Traceback" not in r.stderr
    assert "项目名称" not in r.stdout  # no question was asked
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no .orig, no lock left
    with pytest.raises(drafts.DraftError, match="只读"):
        open_session(path)  # the TUI opens drafts through the same session


@pytest.mark.slow
@pytest.mark.parametrize("term", ["dumb", "xterm"])
def test_ctrl_c_then_going_on_keeps_or_names_the_typed_line(tmp_path, term):
    """Hostile round 6, C12: typed text, Ctrl-C, then n (go on): the text was gone without a word."""
    path = _copy_seed(tmp_path)
    pexpect, child = _spawn_line(path, term)
    try:
        child.expect(r"(?<![0-9])1>")  # 项目 1 · 项目名称
        child.send("某县社保项目甲")
        child.sendcontrol("c")
        child.expect("保存并退出吗")
        child.sendline("n")
        if term == "dumb":
            child.expect("刚才输入的“某县社保项目甲”还没有回答")
        child.expect(r"(?<![0-9])\d+>")
        child.sendline("" if term == "xterm" else "某县社保项目甲")  # xterm: the line is back, Enter answers it
        child.expect(r"(?<![0-9])\d+>")
        child.sendline("/quit")
        child.expect(pexpect.EOF)
    finally:
        child.close(force=True)
    assert drafts.load(path).projects[0].name == "某县社保项目甲"
