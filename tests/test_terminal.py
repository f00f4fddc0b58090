"""perfdraft over a real terminal: tmux at 80×24, keys sent, the screen read back with capture-pane."""

import os
import shutil
import subprocess
import sys
import time
import uuid

import pytest

from perfdraft.render import cell_len

from .conftest import ROOT

pytestmark = [pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed (.ci/run installs it)"),
              pytest.mark.slow]  # a real terminal each: seconds per test


class Tmux:
    def __init__(self, command: str, env: dict[str, str]):
        self.name = f"pd-{uuid.uuid4().hex[:8]}"
        exports = " ".join(f"{k}={v}" for k, v in env.items())
        # One tmux server per session (-L): closing one test's server cannot race the next test.
        self.tmux = ["tmux", "-L", self.name]
        subprocess.run([*self.tmux, "new-session", "-d", "-s", self.name, "-x", "80", "-y", "24",
                        f"cd {ROOT} && env {exports} {command}; sleep 5"], check=True)

    def keys(self, *keys: str, literal: bool = False) -> None:
        subprocess.run([*self.tmux, "send-keys", "-t", self.name, *(["-l"] if literal else []), *keys], check=True)

    def screen(self) -> str:
        return subprocess.run([*self.tmux, "capture-pane", "-p", "-t", self.name], capture_output=True, text=True).stdout

    def wait_for(self, needle: str, timeout: float = 20) -> str:
        end = time.time() + timeout
        while time.time() < end:
            text = self.screen()
            if needle in text:
                return text
            time.sleep(0.2)
        raise AssertionError(f"“{needle}” never appeared:\n{self.screen()}")

    def close(self) -> None:
        subprocess.run([*self.tmux, "kill-server"], capture_output=True)


@pytest.fixture
def env(tmp_path):
    return {"TERM": "xterm-256color", "PERFDRAFT_CONFIG_DIR": str(tmp_path / "c"), "PERFDRAFT_DATA_DIR": str(tmp_path / "d"),
            "PERFDRAFT_CACHE_DIR": str(tmp_path / "k"), "TEXTUAL_ANIMATIONS": "none", "LANG": "C.UTF-8"}


def test_demo_at_80x24_shows_cjk_aligned_and_the_reason_for_a_bad_value(env):
    t = Tmux(f"{sys.executable} -m perfdraft demo", env)
    try:
        t.wait_for("回车跳到该处")  # the demo opens on its findings
        t.keys("Escape")
        t.wait_for("项目名称是什么")
        time.sleep(0.5)
        lines = t.screen().splitlines()
        assert all(cell_len(line) <= 80 for line in lines), [cell_len(x) for x in lines]
        # The answer box holds CJK text and its right border still sits in the last column.
        boxed = [ln for ln in lines if "城乡居民基本养老保险资金" in ln and ln.rstrip().endswith("▎")]
        assert boxed and cell_len(boxed[0].rstrip()) == 80
        for _ in range(9):  # name, template, code, budget ×3, purpose, plan, goal: accept as they are
            t.keys("Enter")
            time.sleep(0.4)
        t.wait_for("数量指标")
        t.keys("C-u")  # clear the answer line (the Input's own binding)
        t.keys("100100%", literal=True)
        screen = t.wait_for("PD104")
        assert "超过 100%" in screen and "是否应为" in screen
        t.keys("Enter")
        screen = t.wait_for("比率 100100% 超过 100%")
        t.keys("F10")
        time.sleep(1)
    finally:
        t.close()


def test_ascii_display_option(env):
    t = Tmux(f"{sys.executable} -m perfdraft demo --ascii", env)
    try:
        t.wait_for("回车跳到该处")
        t.keys("Escape")
        t.wait_for("项目名称是什么")
        t.keys("F3")
        screen = t.wait_for("一级指标")
        grid = "\n".join(ln for ln in screen.splitlines() if ln.lstrip().startswith("|"))
        assert ">=" in grid and "≥" not in grid
    finally:
        t.close()


def test_start_screen_without_arguments(env):
    t = Tmux(f"{sys.executable} -m perfdraft", env)
    try:
        screen = t.wait_for("新建草稿")
        assert "克隆去年的草稿" in screen and "示例草稿" in screen
        t.keys("F10")
    finally:
        t.close()


def test_keys_typed_while_it_starts_are_kept(env, tmp_path):
    """Type-ahead over a slow link: a name, Enter and the next answer typed before the first screen is
    up all land, in order (the keys reach the terminal before Python has even started)."""
    draft = tmp_path / "d.toml"
    shutil.copy(ROOT / "perfdraft" / "data" / "demo.toml", draft)
    t = Tmux(f"{sys.executable} -m perfdraft edit {draft}", env)
    try:
        t.keys("新名称", literal=True)
        t.keys("Enter")
        t.keys("X1", literal=True)
        t.wait_for("指标模板")  # the name was answered (the terminal's own echo shows the keys before)
        time.sleep(0.5)
        assert any(ln.startswith("▊  X1 ") for ln in t.screen().splitlines())  # in the next question's line
        t.keys("F10")
        time.sleep(1)
    finally:
        t.close()
    from perfdraft import drafts

    assert drafts.load(draft).projects[0].name == "新名称"


def test_dumb_terminal_gets_line_mode(env, tmp_path):
    draft = tmp_path / "x.toml"
    e = dict(env, TERM="dumb")
    t = Tmux(f"{sys.executable} -m perfdraft edit {draft}", e)
    try:
        screen = t.wait_for("部门")
        assert "▊" not in screen  # no full-screen widgets
    finally:
        t.close()
    assert os.path.exists(draft)


# --- issue 18: a newcomer drafting a real project at 80×24, reading only the screen ---------------

KEYS = ("F1 帮助", "F2 命令", "F3 表格", "F4 项目", "F5 检查", "F6 保存", "F7 撤销", "F8 返回", "F9 跳过", "F10 退出",
        "F11 全部确认")

# ../shared/corpus/22 (湘潭 雾炮车降尘抑尘服务 2023), its cells as benchmarks/fixtures holds them.
XIANGTAN_ROWS = {
    "数量指标": ["雾炮车降尘抑尘服务配备车辆数\t\t=10辆\t计划标准", "雾炮车风炮射程\t\t≥80米\t计划标准"],
    "质量指标": ["服务周期内空气质量\t\t良好\t计划标准"],
    "时效指标": ["服务周期\t\t2024年1月底前\t计划标准"],
    "成本指标": ["控制在预算成本内\t\t≤250万元\t计划标准"],
    "社会效益指标": ["服务周期内,市民对空气质量改善的满意程度\t\t≥85%\t计划标准"],
    "服务对象满意度指标": ["市民满意度\t\t≥90%\t计划标准"],
}


def _stable_screen(t: Tmux, timeout: float = 10) -> str:
    """The screen once two captures 0.25 s apart agree (the app has finished redrawing)."""
    end = time.time() + timeout
    last = t.screen()
    while time.time() < end:
        time.sleep(0.25)
        now = t.screen()
        if now == last:
            return now
        last = now
    return last


def _pinned_title(screen: str) -> str | None:
    """The question panel's 【title】 (the status line's step, repeated above the answer line)."""
    import re

    for line in screen.splitlines()[1:]:
        m = re.match(r"^\s*【([^】]+)】", line)
        if m:
            return m.group(1)
    return None


def _paste(t: Tmux, text: str) -> None:
    subprocess.run([*t.tmux, "load-buffer", "-b", "pd", "-"], input=text.encode("utf-8"), check=True)
    subprocess.run([*t.tmux, "send-keys", "-t", t.name, "C-u", ";", "paste-buffer", "-p", "-r", "-d", "-b", "pd",
                    "-t", t.name], check=True)


def _answer_from_screen(t: Tmux, title: str, state: dict) -> None:
    """What a newcomer types, decided from the title on screen only."""
    label = title.split(" · ")[-1]
    if label == "部门名称":
        t.keys("C-u")
        t.keys("湘潭市环境卫生管理处", literal=True)
    elif label == "项目名称" and not state.get("named"):
        state["named"] = True
        t.keys("C-u")
        t.keys("雾炮车降尘抑尘服务", literal=True)
    elif label == "指标模板":
        t.keys("C-u", "0")  # no template: the rows come from last year's table
    elif label == "预算数":
        t.keys("C-u", "2500000")
    elif label == "绩效目标":
        _paste(t, "通过采购雾炮车降尘抑尘服务,服务周期2023.07-2024.01,全市空气质量达到优良")
        time.sleep(0.3)
    elif label == "添加指标":
        group = title.split(" · ")[-2].split("·")[-1]
        for row in state["rows"].pop(group, []):
            _paste(t, row)  # a row with tabs is answered whole
            time.sleep(0.6)
        t.keys("C-u")
    t.keys("Enter")


@pytest.mark.slow
def test_newcomer_drafts_a_corpus_project_at_80x24_reading_only_the_screen(env, tmp_path):
    """Issue 18's measure: a script that reads only the screen drafts ../shared/corpus/22 from empty.
    At every step the question is on screen (its title and its words), the footer's keys all fit,
    every finding names its place in words, and the values pasted row by row are kept whole."""
    draft = tmp_path / "xiangtan.toml"
    t = Tmux(f"{sys.executable} -m perfdraft edit {draft} --year 2023", env)
    rows = {group: list(pasted) for group, pasted in XIANGTAN_ROWS.items()}
    state: dict = {"rows": rows}
    seen: list[str] = []
    try:
        t.wait_for("部门名称")
        for _ in range(80):
            screen = _stable_screen(t)
            lines = screen.splitlines()
            assert all(cell_len(ln) <= 80 for ln in lines)
            title = _pinned_title(screen)
            status = lines[0].split(" │ ")[0].strip()
            # The question is on screen at every step, and it is the step the status line names.
            assert title is not None, screen
            # (the status line cuts a long step with … so that its counts always show)
            assert title == status or status.endswith("…") and title.startswith(status[:-1]), (title, status, screen)
            assert _pinned_question(screen), screen  # its words, not only its title
            bar = "\n".join(lines[-2:])
            assert all(k in bar for k in KEYS), bar
            seen.append(title)
            if title.endswith("全稿检查"):
                break
            if title.endswith("项目检查") and "table" not in state:
                state["table"] = _table_lines(t)
            _answer_from_screen(t, title, state)
            _changed_from(t, screen)  # the answer has been taken before the next screen is read
        else:
            raise AssertionError(f"never reached the end: {seen}")
        assert not rows, rows  # every group's rows were pasted
        # The project's table (F3 at its review) shows each value whole in its cell: ≥80米, not ≥80 / 米.
        for value in ("=10辆", "≥80米", "≤250万元", "2024年1月底前"):
            assert any(f"| {value} " in ln for ln in state["table"]), (value, state["table"])
        # The findings view: every finding names its place in words; the list scrolls to its end.
        t.keys("F5")
        screen = t.wait_for("回车跳到该处")
        findings = 0
        for _ in range(6):
            screen = _stable_screen(t)
            for line in screen.splitlines():
                body = line.strip("▊▎ ")
                if body[:4] in ("✗ 错误", "! 警告", "i 提示"):
                    findings += 1
                    place = body.split(" ", 3)[3]
                    assert place.startswith(("项目 1", "部门", "全稿")) and "[" not in place, line
            t.keys("PageDown")
        assert findings
        t.keys("Escape")
        t.keys("F10")
        time.sleep(1)
    finally:
        t.close()
    d = drafts_load(draft)
    values = sorted(i.value for i in d.projects[0].indicators)
    assert values == sorted(["=10辆", "≥80米", "良好", "2024年1月底前", "≤250万元", "≥85%", "≥90%"]), values
    # A row pasted while a column of the row before was asked is the next row, not that column's text.
    assert not any("\t" in (i.description or "") for i in d.projects[0].indicators)


def _changed_from(t: Tmux, before: str, timeout: float = 5) -> None:
    end = time.time() + timeout
    while time.time() < end and t.screen() == before:
        time.sleep(0.1)


def _table_lines(t: Tmux) -> list[str]:
    """F3's table, paged through to its end, then closed."""
    t.keys("F3")
    t.wait_for("| 条 |")  # the table screen's header (the transcript's table has none such)
    lines: list[str] = []
    for _ in range(4):
        lines += _stable_screen(t).splitlines()
        t.keys("PageDown")
    t.keys("Escape")
    t.wait_for("【")
    return lines


def _pinned_question(screen: str) -> str:
    """The words of the pinned question after its 【title】 (its first line)."""
    import re

    for line in screen.splitlines()[1:]:
        m = re.match(r"^\s*【[^】]+】(.*)$", line)
        if m:
            return m.group(1).strip()
    return ""


def drafts_load(path):
    from perfdraft import drafts

    return drafts.load(path)


@pytest.mark.slow
def test_goal_suggestion_is_on_screen_and_enter_takes_it_to_complete(env, tmp_path):
    """The goal's pattern is on screen (never ``回车 =`` and blanks); Enter puts it in the line with its
    first □ selected, typing replaces it, and the completed sentence is accepted; the palette is Chinese."""
    from perfdraft import drafts

    from .test_tui import _goal_draft

    goal = _goal_draft(tmp_path)
    t = Tmux(f"{sys.executable} -m perfdraft edit {goal}", env)
    try:
        t.wait_for("本项目的绩效目标是什么")
        screen = _stable_screen(t)
        assert "2021年为□名" in screen, screen
        assert not any(ln.strip("▊▎ ").rstrip() == "回车 =" for ln in screen.splitlines()), screen
        t.keys("Enter")
        screen = t.wait_for("▊  2021年为□名")  # the pattern is in the answer line …
        t.keys("12000", literal=True)  # … and typing replaces its first □
        screen = t.wait_for("▊  2021年为12000名")
        assert "句式中还有 □" in screen, screen  # the live check names the □ still left
        assert screen.count("句式中还有 □ 没有换成实际数字") == 1, screen
        sentence = "2021年为12000名城乡居民参保缴费人员落实县级缴费补贴，参保率达到95%。"
        t.keys("C-u", "C-k")  # the whole line away (left of the cursor, then right of it)
        t.keys(sentence, literal=True)
        t.keys("Enter")
        t.wait_for("【项目 1/1 · 产出指标")  # accepted: the indicators come next
        t.keys("F2")
        screen = t.wait_for("搜索命令")
        assert "Search for commands" not in screen
        t.keys("Escape")
        t.keys("F10")
        time.sleep(1)
    finally:
        t.close()
    assert drafts.load(goal).projects[0].goal == sentence


@pytest.mark.slow
def test_table_keeps_every_value_whole_at_80_columns(env):
    from perfdraft import drafts

    t = Tmux(f"{sys.executable} -m perfdraft demo", env)
    try:
        t.wait_for("回车跳到该处")
        t.keys("Escape")
        t.wait_for("项目名称是什么")
        t.keys("F3")
        t.wait_for("绩效指标描述")
        seen: list[str] = []
        for _ in range(6):  # page through the table, each page once drawn
            seen += _stable_screen(t).splitlines()
            t.keys("PageDown")
        assert all(cell_len(ln) <= 80 for ln in seen)
        from .conftest import SEED

        for ind in drafts.load(SEED).projects[0].indicators:
            if ind.value:
                assert any(f"| {ind.value} " in ln for ln in seen), ind.value  # whole, in its cell
        t.keys("Escape")
        t.keys("F10")
    finally:
        t.close()
