"""The Textual front-end driven by the Pilot: keys pressed, pastes posted (Pilot cannot type CJK or ≥)."""

import asyncio

import pytest
from textual import events

from perfdraft import drafts
from perfdraft.conversation import open_session
from perfdraft.tui.app import PerfdraftApp
from perfdraft.tui.widgets.answer_input import AnswerInput
from perfdraft.tui.widgets.check_line import CheckLine

from .conftest import SEED, SEED_FIXED
from .seed_answers import answers


def _app(path):
    conv, lock = open_session(path)
    return PerfdraftApp(conv, lock), conv


def _screen_text(app) -> str:
    from textual.widgets import Static

    return "\n".join(str(w.render()) for w in app.screen.query(Static))


async def _answer(pilot, kind: str, text: str) -> None:
    inp = pilot.app.screen.query_one(AnswerInput)
    inp.value = ""
    if kind == "enter":
        await pilot.press("enter")
    elif kind == "type" and text.isascii():
        await pilot.press(*[{"/": "slash", ".": "full_stop", "-": "minus"}.get(ch, ch) for ch in text], "enter")
    else:
        inp.post_message(events.Paste(text))
        await pilot.pause()
        if "\t" not in text and "\n" not in text:
            await pilot.press("enter")
    await pilot.pause()


def pilot_drafts_seed_project_1(path):
    """A new draft at ``path``, drafted to seed project 1 with the Pilot and closed with F10."""
    drafts.save(drafts.new_draft(2020), path)
    fixed = drafts.load(SEED_FIXED)

    async def run():
        app, conv = _app(path)
        async with app.run_test(size=(80, 24)) as pilot:
            for kind, text in answers(conv, fixed):
                await _answer(pilot, kind, text)
            assert conv.finished
            await pilot.press("f10")

    asyncio.run(run())


def test_pilot_drafts_seed_project_1_from_empty(tmp_path):
    path = tmp_path / "new.toml"
    pilot_drafts_seed_project_1(path)
    fixed = drafts.load(SEED_FIXED)
    saved = drafts.load(path)
    got, want = saved.projects[0], fixed.projects[0]
    assert len(got.indicators) == 17
    assert [drafts._indicator_dict(i) for i in got.indicators] == [drafts._indicator_dict(i) for i in want.indicators]
    for attr in ("code", "name", "purpose", "goal", "budget", "spending_plan"):
        assert getattr(got, attr) == getattr(want, attr), attr
    assert saved.department.name == fixed.department.name
    assert [g.text for g in saved.department.sub_goals] == [g.text for g in fixed.department.sub_goals]


def _seed_copy(tmp_path):
    p = tmp_path / "seed.toml"
    p.write_bytes(SEED.read_bytes())
    return p


def test_live_check_shows_reason_and_fix(tmp_path):
    async def run():
        app, conv = _app(_seed_copy(tmp_path))
        async with app.run_test(size=(80, 24)) as pilot:
            assert conv.answer("/jump projects[0].indicators[6].value").ok
            app.screen.ask()
            inp = app.screen.query_one(AnswerInput)
            inp.value = ""
            inp.post_message(events.Paste("100100%"))
            await pilot.pause()
            text = str(app.screen.query_one(CheckLine).render())
            assert "✗ 错误 PD104" in text and "是否应为 =100%" in text
            await pilot.press("enter")
            await pilot.pause()
            # Rejected: the value stays in the line for editing, the reason is in the transcript.
            assert inp.value == "100100%"
            assert "超过 100%" in _screen_text(app)
            await pilot.press("left", "backspace", "backspace", "backspace")
            await pilot.pause()
            assert inp.value == "100%"
            await pilot.press("enter")
            await pilot.pause()
            assert conv.draft.projects[0].indicators[6].value == "100%"

    asyncio.run(run())


def test_function_keys_open_views(tmp_path):
    async def run():
        app, conv = _app(_seed_copy(tmp_path))
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f1")
            assert type(app.screen).__name__ == "HelpScreen"
            assert "好的例子" in _screen_text(app)
            await pilot.press("escape")
            await pilot.press("f3")
            assert type(app.screen).__name__ == "TableScreen"
            assert "一级指标" in _screen_text(app)
            await pilot.press("escape")
            await pilot.press("f4")
            assert type(app.screen).__name__ == "ProjectsScreen"
            await pilot.press("down", "down", "enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "DraftingScreen"
            assert conv.pos.project == 2 and conv.pos.step == "project.name"
            await pilot.press("f8")  # back returns where the jump came from
            await pilot.pause()
            assert conv.pos.project == 0

    asyncio.run(run())


def test_unknown_command_lists_commands(tmp_path):
    async def run():
        app, conv = _app(_seed_copy(tmp_path))
        async with app.run_test(size=(80, 24)) as pilot:
            await _answer(pilot, "type", "/frobnicate")
            assert "没有命令 /frobnicate" in _screen_text(app) and "/undo" in _screen_text(app)

    asyncio.run(run())


def test_tab_takes_suggestion_and_arrows_move(tmp_path):
    p = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2020), p)

    async def run():
        app, conv = _app(p)
        async with app.run_test(size=(80, 24)) as pilot:
            conv.answer("测试局")
            conv.answer("")
            conv.answer("2020")
            app.screen.ask()
            inp = app.screen.query_one(AnswerInput)
            await pilot.press("down", "tab")
            assert inp.value == "2"  # the second framework
            await pilot.press("enter")
            await pilot.pause()
            assert conv.draft.framework == "central-2021"

    asyncio.run(run())


def test_second_session_is_refused(tmp_path):
    p = _seed_copy(tmp_path)
    conv, lock = open_session(p)
    try:
        with pytest.raises(drafts.DraftLocked, match="正被"):
            # Pretend another process: a lock held by a live foreign pid.
            import json
            import os

            data = json.loads(drafts.lock_path(p).read_text())
            data["pid"] = os.getppid()
            drafts.lock_path(p).write_text(json.dumps(data))
            open_session(p)
    finally:
        drafts.lock_path(p).unlink()


def test_hang_up_saves_and_releases(tmp_path):
    p = _seed_copy(tmp_path)

    async def run():
        app, conv = _app(p)
        async with app.run_test(size=(80, 24)) as pilot:
            conv.autosave = False  # so that only the hang-up can write
            conv.answer("新名称项目")
            app.close_session()  # what the SIGHUP handler does before exiting
            await pilot.pause()

    asyncio.run(run())
    assert drafts.load(p).projects[0].name == "新名称项目"
    assert not drafts.lock_path(p).exists()


def test_start_screen_clones_last_years_draft(tmp_path):
    last = tmp_path / "2020.toml"
    last.write_bytes(SEED_FIXED.read_bytes())

    async def run():
        app = PerfdraftApp()
        async with app.run_test(size=(80, 24)) as pilot:
            assert type(app.screen).__name__ == "StartScreen"
            await pilot.press("down", "enter")  # 新建草稿… → 克隆去年的草稿…
            await pilot.pause()
            from textual.widgets import Input

            app.screen.query_one("#start-input", Input).post_message(events.Paste(str(last)))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "DraftingScreen"
            assert app.conv.only_unsettled and app.conv.draft.year == 2021
            await pilot.press("f11")  # confirm all of project 1
            await pilot.pause()
            assert app.conv.draft.projects[0].confirm == []
            await pilot.press("f10")
        app.close_session()

    asyncio.run(run())
    clone = tmp_path / "2020-2021.toml"
    assert clone.exists() and drafts.load(clone).year == 2021
