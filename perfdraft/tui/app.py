"""The Textual application: a thin front-end over the conversation engine."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import Any, cast

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message as Message_
from textual.screen import Screen

from .. import drafts, gc_pause
from ..conversation import Conversation
from ..errors import UsageError
from ..prompts import Message
from ..saver import SaveResult
from ..session import Session
from ..steps import COMMANDS


class PerfdraftApp(App[int]):
    CSS_PATH = "app.tcss"
    TITLE = "perfdraft"
    # Textual adds its own ctrl+p only when no binding runs the palette: F2 here, so ctrl+p is listed too.
    BINDINGS = [Binding("f2,ctrl+p", "command_palette", "命令", id="palette", tooltip="命令面板（也可 Ctrl+P）")]

    class FirstScreenReady(Message_):
        """The first screen has mounted and focused its input: the keys typed before it go there now."""

    class Saved(Message_):
        """A background save finished (posted from the saver's thread; post_message is thread-safe)."""

        def __init__(self, result: SaveResult) -> None:
            super().__init__()
            self.result = result

    def __init__(self, conversation: Conversation | None = None, lock: Any = None, *,
                 session: Session | None = None, ascii_ops: bool = False, catalogue_dir: str | None = None,
                 findings_first: bool = False) -> None:
        super().__init__()
        self.findings_first = findings_first
        self.session = session
        self.conv = session.conv if session is not None else conversation
        self.lock = lock  # the old (conversation, lock) pair: tests and callers of open_session
        self.ascii_ops = ascii_ops
        self.catalogue_dir = catalogue_dir
        self.first_frame_shown = False  # Textual's Ready: the first frame has been written
        # Keys typed before the first screen has mounted (None once delivered): see on_event.
        self._held_keys: list[events.Key] | None = []
        if session is not None:
            session.saver.on_done = self._saved_elsewhere

    def _saved_elsewhere(self, result: SaveResult) -> None:
        self.post_message(self.Saved(result))

    def on_perfdraft_app_saved(self, message: PerfdraftApp.Saved) -> None:
        from .screens.drafting import DraftingScreen
        from .widgets.transcript import Transcript

        # the drafting screen under the findings list or a help page too: its status line said 未保存
        # for seconds after the save, until the next answer
        screen = next((s for s in reversed(self.screen_stack) if isinstance(s, DraftingScreen)), None)
        if screen is None or self.session is None:
            return
        try:
            failed = self.session.saver.unreported_failure()
            if failed is not None:
                screen.query_one(Transcript).add(Message("error", f"保存失败：{failed.error}（内容仍在内存中）"))
            screen.refresh_status()
        except Exception:  # noqa: BLE001 - the screen is being torn down
            pass

    def on_ready(self) -> None:
        # The whole-draft check waits for this: the first frame is the question, not the checker (issue 21).
        self.first_frame_shown = True
        from .screens.drafting import DraftingScreen

        self.call_after_refresh(gc_pause.resume)  # start-up is over once that frame is out
        screen = self.screen
        if isinstance(screen, DraftingScreen):
            # Ready comes once the start-up batch is over; the frame laid out within it is written by
            # the next screen update, and callbacks after a refresh run after that update's write.
            screen.refresh()
            screen.call_after_refresh(screen.after_first_frame)

    def get_default_screen(self) -> Screen:
        # The first screen is the app's base screen, not pushed over an empty default one: composing
        # and switching from a blank screen cost the first frame about 60 ms of CPU (issue 21). Its
        # Mount (the question, the focus) comes after Textual's Ready: input reaches the screen through
        # its message queue, behind that Mount, and on_ready and on_mount work in either order.
        if self.conv is not None:
            from .screens.drafting import DraftingScreen

            pending = self.session.pending_answer if self.session is not None else None
            return DraftingScreen(self.conv, pending, findings_first=self.findings_first)
        from .screens.start import StartScreen

        return StartScreen()

    def on_mount(self) -> None:
        self._install_hangup_handlers()

    def on_delivery_failed(self, event: events.DeliveryFailed) -> None:
        # An export sent to the browser (perfdraft serve) did not arrive: the file itself is intact.
        self.notify(f"下载失败（{event.exception}）；文件仍在服务器上，可以再导出一次", severity="error", timeout=8)

    # --- type-ahead ------------------------------------------------------------------------------

    async def on_event(self, event: events.Event) -> None:
        # Keys typed while perfdraft starts (over a slow link people type ahead) would reach the first
        # screen before its Mount has focused the answer line, and the bare screen drops them. Held
        # here until the screen says it is ready (first_screen_ready), then delivered in order.
        if self._held_keys is not None and isinstance(event, events.Key) and not event.is_forwarded:
            self._held_keys.append(event)
            return
        await super().on_event(event)

    def first_screen_ready(self) -> None:
        """Called by the first screen's Mount once its input has the focus."""
        if self._held_keys is not None:
            # A message, not a call: keys still queued behind this Mount are held until it arrives.
            self.post_message(self.FirstScreenReady())

    async def on_perfdraft_app_first_screen_ready(self, _message: PerfdraftApp.FirstScreenReady) -> None:
        held, self._held_keys = self._held_keys or [], None
        for key in held:
            await super().on_event(key)

    # --- never lose work on a dropped link -------------------------------------------------------

    def _install_hangup_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for sig in (signal.SIGHUP, signal.SIGTERM):
                loop.add_signal_handler(sig, self.hang_up)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread (tests) or no signals on this platform

    def hang_up(self) -> None:
        """SIGHUP/SIGTERM: save what was accepted, drop the lock, leave. The terminal may be gone.

        A line typed but not confirmed is kept as a pending answer and offered at the next start."""
        self.close_session(pending=self._typed_line())
        # If the dead terminal makes shutdown hang, do not linger holding nothing.
        threading.Timer(3.0, os._exit, (0,)).start()
        self.exit(0)

    def _typed_line(self) -> str | None:
        from .screens.drafting import DraftingScreen

        try:
            screen = self.screen
            if not isinstance(screen, DraftingScreen) or self.conv is None:
                return None
            return screen.typed_line()
        except Exception:  # noqa: BLE001 - no screen any more: nothing typed to keep
            return None

    quit_pending: str | None = None  # the line typed but not confirmed when F10 quit: kept for the next start

    close_error: str | None = None  # the last save's failure when the session closed: said after the screen

    def close_session(self, pending: str | None = None) -> None:
        if self.session is not None:
            msg = self.session.close(pending)
            if msg is not None and msg.role == "error":
                self.close_error = msg.text
            return
        if self.conv is not None and self.conv.path is not None and self.conv.dirty:
            self.conv.save()
        if self.lock is not None:
            self.lock.release()
            self.lock = None

    # --- opening drafts from the start screen ----------------------------------------------------

    def open_draft(self, path: Path, create: bool = False, notices: list[str] | None = None) -> None:
        try:
            if create and not path.exists():
                drafts.save(drafts.new_draft(), path)
            elif create:  # 新建 with the name of a draft that exists: opened, never overwritten, and said so
                notices = [f"{path.name} 已存在，已打开它（没有覆盖）；要新建请换一个文件名", *(notices or [])]
            session = Session.open(path, catalogue_dir=self.catalogue_dir, background=True)
        except drafts.DraftError as exc:
            self.notify(str(exc), severity="error", timeout=10)
            return
        self.close_session()
        self.session, self.conv, self.lock = session, session.conv, None
        session.conv.messages.extend(Message("notice", text) for text in notices or [])
        session.saver.on_done = self._saved_elsewhere
        from .screens.drafting import DraftingScreen

        self.push_screen(DraftingScreen(session.conv, session.pending_answer))

    def clone_and_open(self, last: Path, hint, year: int | None = None) -> None:
        try:
            from ..clone import clone_with_report, load_last_year, summary

            old = load_last_year(last)
            year = year if year is not None else (old.year or 0) + 1
            new, changes, stale = clone_with_report(old, year)
            target = last.with_name(f"{last.stem}-{year}.toml")
            if target.exists():
                hint.update(f"{target} 已存在，未覆盖；可直接从“打开最近”或 perfdraft edit 打开")
                return
            drafts.save(new, target)
        except (drafts.DraftError, ImportError) as exc:
            hint.update(f"无法克隆：{exc}")
            return
        # what was carried and what is left to confirm, as the command line says it
        self.open_draft(target, notices=summary(old, new, changes, stale, last.name, target.name))

    def import_and_open(self, source: Path, hint) -> None:
        """Last year's table read into a draft beside it (``表.xlsx`` → ``表.toml``, never over a file),
        then opened: what the import made, changed, left to confirm or could not place is said first."""
        from ..importers import import_files
        from ..importers.report import summary_lines, unplaced_heading

        target = source.with_suffix(".toml")
        if source.suffix.lower() == ".toml":
            hint.update(f"{source} 是草稿文件：请从“打开最近”打开，或选“克隆去年的草稿”")
            return
        if not source.is_file():
            hint.update(f"{source}：文件不存在（或不是文件），请检查路径")
            return
        if target.exists():
            hint.update(f"{target} 已存在，未覆盖；可从“打开最近”打开它，或用 perfdraft import 指定别的文件名")
            return
        try:
            result = import_files([source])
            drafts.save(result.draft, target)
        except (drafts.DraftError, UsageError, OSError) as exc:  # NothingPlaced and ImportFailed included
            hint.update(f"无法导入：{exc}")
            return
        notices = summary_lines(result.draft, target.name, 1) + result.repairs
        if result.unplaced:
            notices += [unplaced_heading(len(result.unplaced))] + [f"  {u}" for u in result.unplaced[:20]]
            if len(result.unplaced) > 20:
                notices.append(f"  … 其余 {len(result.unplaced) - 20} 处见草稿的 notes")
        self.open_draft(target, notices=notices)

    # --- command palette: the engine's commands ---------------------------------------------------

    async def action_quit(self) -> None:
        """Ctrl+Q (Textual's own quit key, which its Ctrl+C notice names) quits as F10 does: the line typed
        but not confirmed is kept for the next start, not dropped."""
        from .screens.drafting import DraftingScreen

        if isinstance(self.screen, DraftingScreen):
            self.screen.action_quit_app()
            return
        self.quit_pending = self.quit_pending or self._typed_line_below()
        self.exit(0)

    def action_help_quit(self) -> None:
        # Ctrl+C: Textual's notice is in English and names only Ctrl+Q
        self.notify("按 F10（或 Ctrl+Q）保存并退出；未确认的输入会保留到下次打开", timeout=6)

    def _typed_line_below(self) -> str | None:
        """The answer line of a drafting screen under a dialog (F5's list, the table)."""
        from .screens.drafting import DraftingScreen

        for screen in reversed(self.screen_stack):
            if isinstance(screen, DraftingScreen):
                return screen.typed_line()
        return None

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
            for fmt in ("xlsx", "docx", "pdf", "csv", "md"):
                yield SystemCommand(f"导出 {fmt}", f"把草稿导出为 {fmt}", lambda f=fmt: screen.submit(f"/export {f}"))
            yield SystemCommand("检查结果", "逐条列出问题，回车跳到该处", lambda: screen.open_findings("draft", 0))
        else:
            yield SystemCommand("退出", "保存并退出", lambda: self.exit(0))


def run_app(path: Path, *, mouse: bool = True, catalogue_dir: str | None = None, ascii_ops: bool = False,
            findings_first: bool = False) -> int:
    # Saves run on the saver's thread: an Enter never waits for the disk (issue 21, item 1).
    session = Session.open(path, catalogue_dir=catalogue_dir, background=True)
    app = PerfdraftApp(session=session, ascii_ops=ascii_ops, catalogue_dir=catalogue_dir, findings_first=findings_first)
    try:
        result = app.run(mouse=mouse)
    finally:
        app.close_session(pending=app.quit_pending)
        _say_close_error(app)
    return result or 0


def run_start(*, mouse: bool = True) -> int:
    app = PerfdraftApp()
    try:
        result = app.run(mouse=mouse)
    finally:
        app.close_session(pending=app.quit_pending)
        _say_close_error(app)
    return result or 0


def _say_close_error(app: PerfdraftApp) -> None:
    if app.close_error:  # the screen is gone: the one place left to say where the unsaved work went
        print(f"perfdraft: {app.close_error}", file=sys.stderr)
    elif app.session is not None and (said := app.session.farewell()):
        print(said)
        if kept := app.session.kept_words(app.quit_pending):
            print(kept)


__all__ = ["PerfdraftApp", "run_app", "run_start", "Message"]
