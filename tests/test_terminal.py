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

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux not installed (.ci/run installs it)")


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
