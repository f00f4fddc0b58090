"""The collector is paused while an interactive front-end starts and resumes once it has painted."""

import asyncio
import gc
import io

import pytest

from perfdraft import gc_pause, line
from perfdraft.conversation import open_session

from .conftest import SEED


@pytest.fixture(autouse=True)
def _collector_restored():
    was = gc.isenabled()
    yield
    gc_pause.resume()
    gc.unfreeze()  # what a test froze goes back to the collector
    (gc.enable if was else gc.disable)()


def test_paused_disables_and_resumes_with_the_start_up_objects_frozen():
    frozen = gc.get_freeze_count()
    with gc_pause.paused():
        assert not gc.isenabled()
        made = [[] for _ in range(1000)]  # tracked containers made during start-up
    assert gc.isenabled()
    assert gc.get_freeze_count() >= frozen + len(made)


def test_resume_is_idempotent_and_leaves_a_callers_own_disable_alone():
    gc.disable()
    with gc_pause.paused():
        assert not gc.isenabled()
    assert not gc.isenabled()  # the caller disabled it: not ours to enable
    gc.enable()
    gc_pause.pause()
    gc_pause.resume()
    gc_pause.resume()
    assert gc.isenabled()


def test_the_tui_resumes_collecting_after_its_first_frame(tmp_path):
    import shutil

    from perfdraft.tui.app import PerfdraftApp

    p = tmp_path / "d.toml"
    shutil.copy(SEED, p)
    conv, lock = open_session(p)

    async def run():
        app = PerfdraftApp(conv, lock)
        gc_pause.pause()  # as `perfdraft edit` does before it imports the TUI
        async with app.run_test(size=(80, 24)) as pilot:
            for _ in range(50):
                if gc.isenabled():
                    break
                await pilot.pause()
            assert app.first_frame_shown and gc.isenabled()
            await pilot.press("f10")

    asyncio.run(run())


def test_a_piped_line_session_collects_from_its_start(tmp_path, monkeypatch):
    import shutil

    p = tmp_path / "d.toml"
    shutil.copy(SEED, p)
    seen: list[bool] = []
    monkeypatch.setattr(line, "run_piped", lambda conv, stdin, out: seen.append(gc.isenabled()) or 0)
    with gc_pause.paused():
        assert line.run_line(p, stdin=io.StringIO("")) == 0
    assert seen == [True]


def test_the_line_mode_resumes_collecting_once_its_first_question_is_painted(tmp_path):
    import threading
    import time

    from prompt_toolkit.application import create_app_session
    from prompt_toolkit.input import create_pipe_input
    from prompt_toolkit.output import DummyOutput

    from perfdraft import drafts
    from perfdraft.model import Draft

    path = tmp_path / "d.toml"
    drafts.save(Draft(), path)
    conv, lock = open_session(path)
    seen: list[bool] = []
    try:
        with create_pipe_input() as inp:
            def feed():
                for _ in range(50):  # while the first question waits for an answer
                    time.sleep(0.1)
                    if gc.isenabled():
                        break
                seen.append(gc.isenabled())
                inp.send_text("\x04")

            with gc_pause.paused():
                threading.Thread(target=feed, daemon=True).start()
                with create_app_session(input=inp, output=DummyOutput()):
                    assert line.run_interactive(conv) == 0
    finally:
        lock.release()
    assert seen == [True]
