"""The Textual application: a thin front-end over the conversation engine."""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import cast

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from .. import drafts, locations
from ..conversation import Conversation, open_session
from ..prompts import Message
from ..steps import COMMANDS


class PerfdraftApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "perfdraft"
    BINDINGS = [Binding("f2", "command_palette", "命令", id="palette", tooltip="命令面板（也可 Ctrl+P）")]

    def __init__(self, conversation: Conversation | None = None, lock: drafts.Lock | None = None, *,
                 ascii_ops: bool = False, catalogue_dir: str | None = None, findings_first: bool = False) -> None:
        super().__init__()
        self.findings_first = findings_first
        self.conv = conversation
        self.lock = lock
        self.ascii_ops = ascii_ops
        self.catalogue_dir = catalogue_dir

    def on_mount(self) -> None:
        self._install_hangup_handlers()
        if self.conv is not None:
            from .screens.drafting import DraftingScreen

            self.push_screen(DraftingScreen(self.conv, findings_first=self.findings_first))
        else:
            from .screens.start import StartScreen

            self.push_screen(StartScreen())

    # --- never lose work on a dropped link -------------------------------------------------------

    def _install_hangup_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.hang_up)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests) or no signals on this platform

    def hang_up(self) -> None:
        """SIGHUP/SIGTERM: save what was accepted, drop the lock, leave. The terminal may be gone."""
        self.close_session()
        # If the dead terminal makes shutdown hang, do not linger holding nothing.
        threading.Timer(3.0, os._exit, (0,)).start()
        self.exit(0)

    def close_session(self) -> None:
        if self.conv is not None and self.conv.path is not None and self.conv.dirty:
            self.conv.save()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- opening drafts from the start screen ----------------------------------------------------

    def open_draft(self, path: Path, create: bool = False) -> None:
        try:
            if create and not path.exists():
                drafts.save(drafts.new_draft(), path)
            conv, lock = open_session(path, catalogue_loader=_catalogue_loader(self.catalogue_dir))
        except drafts.DraftError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.close_session()
        self.conv, self.lock = conv, lock
        locations.remember(path)
        from .screens.drafting import DraftingScreen

        self.push_screen(DraftingScreen(conv))

    def clone_and_open(self, last: Path, hint) -> None:
        try:
            from ..clone import clone_draft

            old = drafts.load(last)
            year = (old.year or 0) + 1
            new = clone_draft(old, year)
            target = last.with_name(f"{last.stem}-{year}.toml")
            if target.exists():
                hint.update(f"{target} 已存在，未覆盖；可直接从“打开最近”或 perfdraft edit 打开")
                return
            drafts.save(new, target)
        except (drafts.DraftError, ImportError) as exc:
            hint.update(f"无法克隆：{exc}")
            return
        self.open_draft(target)

    # --- command palette: the engine's commands ---------------------------------------------------

    def action_command_palette(self) -> None:
        # Textual's own palette says "Search for commands…": the same palette, in Chinese.
        from textual.command import CommandPalette

        if self.use_command_palette and not CommandPalette.is_open(cast("App[object]", self)):
            self.push_screen(CommandPalette(id="--command-palette", placeholder="搜索命令…（输入 /undo、导出 等）"))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        # Textual's system commands (Theme, Quit, Keys, Screenshot) are English: offer ours only.
        from .screens.drafting import DraftingScreen

        if isinstance(screen, DraftingScreen):
            for c in COMMANDS:
                yield SystemCommand(f"/{c.name} {c.aliases[0] if c.aliases else ''}", c.help,
                                    lambda name=c.name: screen.submit(f"/{name}"))
            for fmt in ("xlsx", "docx", "csv", "md"):
                yield SystemCommand(f"导出 {fmt}", f"把草稿导出为 {fmt}", lambda f=fmt: screen.submit(f"/export {f}"))
            yield SystemCommand("检查结果", "逐条列出问题，回车跳到该处", lambda: screen.open_findings("draft", 0))
        else:
            yield SystemCommand("退出", "保存并退出", lambda: self.exit(0))


def _catalogue_loader(catalogue_dir: str | None):
    def load():
        from .. import catalogue

        return catalogue.default([catalogue_dir] if catalogue_dir else None)

    return load


def run_app(path: Path, *, mouse: bool = True, catalogue_dir: str | None = None, ascii_ops: bool = False,
            findings_first: bool = False) -> int:
    conv, lock = open_session(path, catalogue_loader=_catalogue_loader(catalogue_dir))
    locations.remember(path)
    app = PerfdraftApp(conv, lock, ascii_ops=ascii_ops, catalogue_dir=catalogue_dir, findings_first=findings_first)
    try:
        result = app.run(mouse=mouse)
    finally:
        app.close_session()
    return result or 0


def run_start(*, mouse: bool = True) -> int:
    app = PerfdraftApp()
    try:
        result = app.run(mouse=mouse)
    finally:
        app.close_session()
    return result or 0


__all__ = ["PerfdraftApp", "run_app", "run_start", "Message"]
