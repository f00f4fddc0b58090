"""Keys that arrive together must act in the order typed (found by the tmux crash harness, which sends
"Ctrl-U text Enter" in one burst, as a fast typist over a slow SSH link does).

Regression: Textual ran the answer line's bound keys (Enter, Backspace, Ctrl-U) only after the printable
keys behind them: "aaa⏎bbb⏎" answered "aaabbb" twice, "abd⌫c" gave "abd", "Ctrl-U abc" an empty line.
"""

from __future__ import annotations

import asyncio
import os

import pytest
from textual import events

from perfdraft import drafts
from perfdraft.conversation import open_session
from perfdraft.tui.app import PerfdraftApp

from . import harness
from .harness import TmuxTui, have_tmux, session_env

BURST = [("a", "a"), ("a", "a"), ("a", "a"), ("enter", "\r"),
         ("b", "b"), ("b", "b"), ("x", "x"), ("backspace", "\x7f"), ("b", "b"), ("enter", "\r"),
         ("ctrl+u", "\x15"), ("2", "2"), ("0", "0"), ("2", "2"), ("1", "1"), ("enter", "\r")]


def test_a_burst_of_keys_answers_in_order_in_process(tmp_path):
    path = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2020), path)

    async def run():
        conv, lock = open_session(path)
        app = PerfdraftApp(conv, lock)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for key, char in BURST:  # all queued before the app handles the first: one read from the terminal
                app.post_message(events.Key(key, char))
            await pilot.pause()
            await pilot.pause()
            await pilot.press("f10")

    asyncio.run(run())
    d = drafts.load(path)
    assert (d.department.name, d.department.code, d.year) == ("aaa", "bbb", 2021)


@pytest.mark.slow
@pytest.mark.skipif(not have_tmux(), reason="tmux not installed (.ci/run installs it): needs a terminal")
def test_a_burst_of_keys_answers_in_order_in_a_terminal(tmp_path):
    path = tmp_path / "d.toml"
    tui = TmuxTui(path, session_env(tmp_path), tmp_path, f"pdrel-k-{os.getpid()}")
    try:
        assert harness._poll(lambda: "部门名称" in tui.screen(), 30), tui.screen()
        t = tui.name
        tui.keys("send-keys", "-t", t, "-l", "顺平县社保局", ";", "send-keys", "-t", t, "Enter", ";",
                 "send-keys", "-t", t, "-l", "317x", ";", "send-keys", "-t", t, "BSpace", ";",
                 "send-keys", "-t", t, "-l", "002", ";", "send-keys", "-t", t, "Enter", ";",
                 "send-keys", "-t", t, "C-u", ";", "send-keys", "-t", t, "-l", "2021", ";", "send-keys", "-t", t, "Enter")
        # the step after the year: 表格样式 (profiles), 指标框架 before them
        assert harness._poll(lambda: any(w in harness.status_title(tui.screen()) for w in ("表格样式", "指标框架")),
                             15), tui.screen()
        tui.keys("send-keys", "-t", t, "F10")
        assert harness._poll(lambda: tui.dead()[0], 15)
    finally:
        tui.kill_server()
    d = drafts.load(path)
    assert (d.department.name, d.department.code, d.year) == ("顺平县社保局", "317002", 2021)
