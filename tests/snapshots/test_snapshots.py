"""Snapshots of the main screens at 80×24 (pytest-textual-snapshot): a layout regression fails here.

The SVGs under ``__snapshots__/`` were reviewed by eye (their text: question pinned above the line,
every key in the key bar, findings naming their rows). After an intended change of layout, run
``pytest tests/snapshots --snapshot-update`` and look at the new SVGs before committing them.
"""

from __future__ import annotations

import pytest

pytest.importorskip("pytest_textual_snapshot")

from textual import events  # noqa: E402

from perfdraft import drafts  # noqa: E402
from perfdraft.conversation import open_session  # noqa: E402
from perfdraft.tui.app import PerfdraftApp  # noqa: E402

from ..conftest import SEED  # noqa: E402
from ..test_tui import _goal_draft  # noqa: E402

pytestmark = pytest.mark.slow


@pytest.fixture
def seed_app(tmp_path):
    path = tmp_path / "seed.toml"
    path.write_bytes(SEED.read_bytes())
    apps: list[PerfdraftApp] = []

    def make(**kwargs) -> PerfdraftApp:
        conv, lock = open_session(path)
        app = PerfdraftApp(conv, lock, **kwargs)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.close_session()


def _paste(text: str):
    async def run(pilot) -> None:
        from perfdraft.tui.widgets.answer_input import AnswerInput

        inp = pilot.app.screen.query_one(AnswerInput)
        inp.value = ""
        inp.post_message(events.Paste(text))
        await pilot.pause()

    return run


def _jump(target: str, then=None):
    async def run(pilot) -> None:
        # The drafting screen is the app's default screen: its Mount comes after Textual's Ready, when
        # run_before starts. A key waits behind it in the screen's queue; a direct call must wait too.
        await pilot.pause()
        pilot.app.screen.submit(f"/jump {target}")
        await pilot.pause()
        if then is not None:
            await then(pilot)

    return run


def test_drafting_first_question(snap_compare, seed_app):
    assert snap_compare(seed_app(), terminal_size=(80, 24))


def test_bad_value_with_its_check(snap_compare, seed_app):
    assert snap_compare(seed_app(), terminal_size=(80, 24),
                        run_before=_jump("projects[0].indicators[6].value", _paste("100100%")))


def test_goal_with_its_suggestion(snap_compare, tmp_path):
    conv, lock = open_session(_goal_draft(tmp_path))
    app = PerfdraftApp(conv, lock)
    try:
        assert snap_compare(app, terminal_size=(80, 24))
    finally:
        app.close_session()


def test_findings_view_of_the_demo(snap_compare, seed_app):
    assert snap_compare(seed_app(findings_first=True), terminal_size=(80, 24), press=["_", "_"])


def test_table_view(snap_compare, seed_app):
    assert snap_compare(seed_app(), terminal_size=(80, 24), press=["f3"])


def test_help_view(snap_compare, seed_app):
    assert snap_compare(seed_app(), terminal_size=(80, 24), press=["f1"])


def test_projects_view(snap_compare, seed_app):
    assert snap_compare(seed_app(), terminal_size=(80, 24), press=["f4"])


def test_start_screen(snap_compare):
    assert snap_compare(PerfdraftApp(), terminal_size=(80, 24))


def test_new_draft_first_question(snap_compare, tmp_path):
    path = tmp_path / "new.toml"
    drafts.save(drafts.new_draft(2021), path)
    conv, lock = open_session(path)
    app = PerfdraftApp(conv, lock)
    try:
        assert snap_compare(app, terminal_size=(80, 24))
    finally:
        app.close_session()


def test_goal_pattern_taken_into_the_line(snap_compare, tmp_path):
    """Enter under the goal's pattern: the sentence in the line, its first □ selected, the □ left named."""
    conv, lock = open_session(_goal_draft(tmp_path))
    app = PerfdraftApp(conv, lock)
    try:
        assert snap_compare(app, terminal_size=(80, 24), press=["enter"])
    finally:
        app.close_session()
