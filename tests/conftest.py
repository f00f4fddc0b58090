from __future__ import annotations

import contextlib
import os
from collections.abc import Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
SEED = FIXTURES / "seed-shunping-2020.toml"
SEED_FIXED = FIXTURES / "seed-shunping-2020-fixed.toml"
SEED_TEXT = FIXTURES / "shunping-2020-social-insurance.txt"  # a copy of ../shared/seed: a clone alone passes


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path_factory, monkeypatch):
    """Keep config, history and recent lists out of the user's home during tests."""
    base = tmp_path_factory.mktemp("xdg")
    monkeypatch.setenv("PERFDRAFT_CONFIG_DIR", str(base / "config"))
    monkeypatch.setenv("PERFDRAFT_DATA_DIR", str(base / "data"))
    monkeypatch.setenv("PERFDRAFT_CACHE_DIR", str(base / "cache"))
    monkeypatch.setenv("TEXTUAL_ANIMATIONS", "none")
    os.environ.pop("SSH_CONNECTION", None)


@pytest.fixture
def seed_draft():
    from perfdraft import drafts

    return drafts.load(SEED)


def imported_text(tmp_path: Path, name: str, text: str):
    """``text`` saved as ``name`` and imported: the draft (the import tests' small tables)."""
    from perfdraft.importers import import_file

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return import_file(path).draft


@contextlib.contextmanager
def conv_on(path: Path) -> Iterator[Any]:
    """The conversation of a session opened on ``path`` (not remembered), closed after the block."""
    from perfdraft.session import Session

    session = Session.open(path, remember=False)
    try:
        yield session.conv
    finally:
        session.close()


def run_in_app(path: Path, body: Callable[[Any, Any, Any], Awaitable[None]]) -> None:
    """``body(pilot, app, conv)`` run in the full screen at 80×24 on a session opened on ``path``, closed after."""
    import asyncio

    from perfdraft.session import Session
    from perfdraft.tui.app import PerfdraftApp

    session = Session.open(path, remember=False)
    app = PerfdraftApp(session=session)

    async def run() -> None:
        async with app.run_test(size=(80, 24)) as pilot:
            await body(pilot, app, session.conv)

    try:
        asyncio.run(run())
    finally:
        session.close()
