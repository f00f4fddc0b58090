"""One editing session on one draft, the same for the TUI, the line mode and ``fill``.

``Session.open`` takes the draft's lock, removes temp files of killed saves, loads the draft (noting
what a save would drop: unknown keys, comments), makes the :class:`Conversation`, records the draft in
the recent list and gives the conversation its saver. ``close`` (also on hang-up) writes what is not
on disk yet, keeps a typed but unconfirmed line as a pending answer, and releases the lock. Nothing
here prints: messages go to the conversation, errors are ``DraftError``.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from . import drafts, drafts_io, locations
from .conversation import Conversation
from .errors import DraftError
from .locks import Lock, acquire_lock
from .prompts import Message
from .saver import Freezer, Saver, SaveResult


class Session:
    def __init__(self, path: Path, conv: Conversation, lock: Lock, saver: Saver):
        self.path = path
        self.conv = conv
        self.lock: Lock | None = lock
        self.saver = saver
        self.closed = False
        self._close_lock = threading.Lock()
        self.background: list[threading.Thread] = []

    @classmethod
    def open(cls, path: str | Path, *, catalogue_dir: str | None = None,
             catalogue_loader: Callable[[], Any] | None = None, background: bool = False,
             on_saved: Callable[[SaveResult], None] | None = None, remember: bool = True,
             **conv_kwargs: Any) -> Session:
        """Raises DraftError / DraftLocked with the user's message; nothing is left locked then."""
        path = Path(path)
        drafts_io.refuse_read_only(path)
        lock = acquire_lock(path)
        try:
            drafts.cleanup_temp_files(path)
            draft, state, dropped = drafts.read(path)
            if catalogue_loader is None and catalogue_dir is not None:
                catalogue_loader = catalogue_from(catalogue_dir)
            pending = draft.resume.pop("pending", None) if draft.resume else None
            # A cloned draft carries fields "to confirm": ask only those, and what is new or invalid.
            conv_kwargs.setdefault("only_unsettled", any(p.confirm for p in draft.projects))
            conv = Conversation(draft, path, catalogue_loader=catalogue_loader, **conv_kwargs)
            saver = Saver(path, state, background=background, on_done=on_saved)
            saver.conv = conv
            freezer = Freezer()
            saver.warm(freezer.freeze(draft))
            conv.store = _Store(saver, freezer)
            if lock.notice:
                conv.messages.append(Message("notice", lock.notice))
            conv.messages.extend(Message("notice", text) for text in dropped)
            session = cls(path, conv, lock, saver)
            session.pending_answer = pending if isinstance(pending, str) else None
            if session.pending_answer:
                conv.messages.append(Message("notice", pending_notice(session.pending_answer)))
            if remember:
                locations.remember(path)
        except BaseException:
            # a SIGTERM while the draft was being set up (a large one takes a second) had left the lock
            lock.release()
            raise
        return session

    pending_answer: str | None = None

    # --- the catalogue ---------------------------------------------------------------------------

    def preload_catalogue(self) -> threading.Thread:
        """Load the catalogue on a thread while the first answers are typed."""
        return self.in_background(self.conv.catalogue, "catalogue")

    def in_background(self, target: Callable[[], Any], name: str) -> threading.Thread:
        """Run ``target`` on a daemon thread that :meth:`join_background` waits for before the process ends."""
        t = threading.Thread(target=target, name=name, daemon=True)
        self.background.append(t)
        t.start()
        return t

    def join_background(self, timeout: float = 5.0) -> None:
        """Wait (bounded) for the background threads: a daemon thread still inside a C extension (the
        compiled TOML parser, rapidfuzz) when the interpreter finalizes can crash the process. A piped
        session on an empty input ended while the catalogue was loading and exited with SIGSEGV."""
        deadline = time.monotonic() + timeout
        for t in self.background:
            t.join(max(0.0, deadline - time.monotonic()))

    # --- saving ----------------------------------------------------------------------------------

    def save(self, full: bool = True) -> Message:
        """Save now and wait. ``full``: the draft may have been changed outside the conversation."""
        assert isinstance(self.conv.store, _Store)
        return self.conv.store.save(self.conv, full)

    def wait_saved(self, timeout: float | None = None) -> SaveResult | None:
        return self.saver.flush(timeout)

    # --- closing ---------------------------------------------------------------------------------

    def close(self, pending: str | None = None) -> Message | None:
        """Write what is not on disk yet and release the lock; idempotent, safe from a signal handler.

        ``pending``: a line typed but not confirmed (the link dropped): kept in the draft's resume
        marker and offered at the next start, never applied as an answer."""
        with self._close_lock:
            if self.closed:
                return None
            self.closed = True
            msg = None
            try:
                conv = self.conv
                # After any save this session asked for, the last one freezes everything: a change the
                # incremental snapshots missed would be written here at the latest.
                # a line offered at the start (pending_answer) and cleared since is no longer kept on disk
                dropped = bool(self.pending_answer) and pending != self.pending_answer
                if conv.path is not None and (conv.dirty or pending or self.saver.requested or dropped):
                    store = conv.store
                    assert isinstance(store, _Store)
                    frozen = store.snapshot(conv, full=True)  # the last save re-reads everything
                    if pending and pending.strip():
                        conv.draft.resume = {**conv._resume_marker(), "pending": pending}
                        frozen = store.freezer.freeze(conv.draft, set())
                    self.saver.request(frozen)
                    result = self.saver.flush(30)
                    msg = _message(result, conv)
                    if result is not None and not result.ok:
                        # the last chance: the process ends, and with it the copy in memory
                        msg = Message("error", f"保存失败：{result.error}；{_rescue(conv)}")
                self.saver.close(30)
            finally:
                if self.lock is not None:
                    self.lock.release()
                    self.lock = None
            return msg

    def farewell(self, command: str = "edit") -> str | None:
        """What a front-end says once its screen is gone and the session closed: the draft is saved,
        where the user stopped, and the command that goes on from there (the TUI ended in silence)."""
        conv = self.conv
        if conv.path is None or conv.dirty or conv.last_saved_error:
            return None  # unsaved: the close's error says where the answers went
        import shlex

        from .locations import is_demo_copy

        if is_demo_copy(conv.path):
            # the demo's directory goes with this process: no "saved, go on with …" that cannot be kept
            return ("示例草稿是临时副本，退出后连同所做的修改一起删除。"
                    "起草自己的项目：perfdraft new 文件名.toml，或运行 perfdraft 打开开始界面")
        where = "已全部填完" if conv.finished else f"停在：{conv.prompt().title}"
        # the command on a line of its own: a terminal's wrap had cut the file name in two
        return f"草稿已保存：{conv.path}（{where}）。\n继续：perfdraft {command} {shlex.quote(str(conv.path))}"

    def kept_words(self, line: str | None) -> str | None:
        """What a front-end says after its farewell of a line typed, not confirmed and kept for the next
        start; nothing for a demo copy, which goes with the process."""
        from .locations import is_demo_copy

        path = self.conv.path
        return kept_notice(line) if line and path is not None and not is_demo_copy(path) else None

    def __enter__(self) -> Session:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def kept_notice(text: str) -> str:
    """What a front-end says after quitting with a line typed but not confirmed."""
    return f"输入行中未确认的“{text[:40]}”已保留，下次打开时放回输入行"


def pending_notice(text: str, in_line: bool = True) -> str:
    """What the start says of a line typed but not confirmed last time; ``in_line``: it is in the input
    line again (a dumb terminal cannot show a pre-filled line: there it is to be typed again)."""
    said = f"上次退出或连接中断时输入了“{text[:60]}”但未确认，"
    return said + ("已放回输入行，确认请回车" if in_line else "此终端不能预先填入输入行，要用它请重新输入（回车不会采用它）")


class _Store:
    """What the conversation calls to save and to keep undo points (``Conversation.store``).

    Snapshots are incremental (``saver.Freezer``): an answer may change the project it was given at
    and the one it leads to; other projects are taken from the last snapshot. A save asked for from
    outside the conversation (``Session.save(full=True)``, closing) freezes everything."""

    def __init__(self, saver: Saver, freezer: Freezer):
        self.saver = saver
        self.freezer = freezer
        # Projects the conversation was at since the last snapshot: every change is made at one of
        # them (an answer or /del at its position, then a move; a /jump answer moves back elsewhere).
        self._touched: set[int] = {0}

    def snapshot(self, conv: Conversation, full: bool = False) -> Any:
        conv.draft.resume = conv._resume_marker()
        touched = None if full else self._touched | {conv.pos.project}
        self._touched = {conv.pos.project}
        return self.freezer.freeze(conv.draft, touched)

    def undo_point(self, conv: Conversation) -> Any:
        """Called before every change the conversation makes (answers, /del, /all)."""
        self._touched.add(conv.pos.project)
        return self.freezer.freeze(conv.draft, set(self._touched))

    def restore(self, frozen: Any) -> Any:
        """The draft of an undo point. The freezer first re-reads the projects changed since the last
        snapshot (autosave may be off), so no live project changed in place is taken as unchanged."""
        conv = self.saver.conv
        if conv is not None:
            self.freezer.freeze(conv.draft, set(self._touched) | {conv.pos.project})
        return self.freezer.thaw(frozen)

    def save(self, conv: Conversation, full: bool = False) -> Message:
        self.saver.request(self.snapshot(conv, full))
        result = self.saver.flush()
        self.saver.unreported_failure()  # shown here
        return _message(result, conv)

    def autosave(self, conv: Conversation) -> Message | None:
        self.saver.request(self.snapshot(conv))
        failed = self.saver.unreported_failure()
        if failed is None:
            return None
        return Message("error", f"保存失败：{failed.error}（内容仍在内存中）")


def _message(result: SaveResult | None, conv: Conversation) -> Message:
    if result is None or result.ok:
        conv.last_saved_error = None
        return Message("notice", f"已保存 {conv.path.name if conv.path else ''}")
    conv.last_saved_error = result.error
    return Message("error", f"保存失败：{result.error}（内容仍在内存中，问题解决后会再次保存）")


def _rescue(conv: Conversation) -> str:
    """Write the session's draft where it can be written (perfdraft's data directory, else the temp
    directory) when its own file cannot be: what to tell the user."""
    import tempfile

    name = f"{conv.path.stem if conv.path else '草稿'}-未能保存-{time.strftime('%Y%m%d-%H%M%S')}.toml"
    try:
        text = drafts.dumps(conv.draft).encode("utf-8")
    except Exception:  # noqa: BLE001 - a draft that cannot be written out at all: say so, never a traceback
        return "本次会话的内容也无法写出，已丢失"
    for where in (lambda: locations.data_dir() / "rescued", lambda: Path(tempfile.gettempdir())):
        try:
            folder = where()
            folder.mkdir(parents=True, exist_ok=True)
            target = folder / name
            with open(target, "xb") as fh:  # never over an existing file
                fh.write(text)
            return f"本次会话的内容已另存为 {target}，问题解决后请把它复制回 {conv.path}"
        except OSError:
            continue
    return "本次会话的内容也无法另存（数据目录和临时目录都不可写），已丢失"


def catalogue_from(catalogue_dir: str | None) -> Callable[[], Any]:
    def load() -> Any:
        from . import catalogue

        return catalogue.default([catalogue_dir] if catalogue_dir else None)

    return load


def open_session(path: Path, **kwargs: Any) -> tuple[Conversation, Any]:
    """(conversation, closer) for callers written against the old pair: ``closer.release()`` closes."""
    session = Session.open(path, remember=False, **kwargs)
    return session.conv, _Closer(session)


class _Closer:
    def __init__(self, session: Session):
        self.session = session
        self.notice = None

    def release(self) -> None:
        self.session.close()


__all__ = ["Session", "open_session", "catalogue_from", "DraftError"]
