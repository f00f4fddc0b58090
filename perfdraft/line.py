"""The line mode: the same conversation, one question per line, for dumb terminals and slow links.

Interactive (a terminal on stdin): prompt-toolkit with live validation, a threaded completer over
the step's suggestions, a bottom toolbar and history in the XDG data dir. Piped (no terminal): one
answer per line from stdin, the conversation printed as plain text; a rejected answer stops with
its reason and line number (exit 1) after saving what was accepted before it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO, cast

from . import gc_pause, locations
from .answers import editable_line
from .cells import visible
from .conversation import Conversation
from .prompts import Message, Prompt
from .session import Session, pending_notice

EXIT_OK, EXIT_REJECTED, EXIT_SAVE_FAILED = 0, 1, 2


def _fitted(prefix: str, text: str, width: int | None) -> str:
    """``prefix`` + ``text``, wrapped to a terminal's ``width`` by text_fit: the terminal's own wrap split
    values (``≥1250`` / ``00人``) and began lines with ``；``. Continuation lines start under the text.
    ``width`` None (a pipe): as is, one line per line for the program reading it."""
    if width is None or ("\n" not in text and (len(prefix) + len(text)) * 2 <= width):
        return prefix + text  # surely fits: measured by nothing (the first paint loads no width table)
    from .text_fit import hanging

    return "\n".join(hanging(prefix, text, max(width, 20 + len(prefix))))


def _print_messages(messages: list[Message], out: TextIO, width: int | None = None) -> None:
    for m in messages:
        if m.role == "user":
            continue
        prefix = {"error": "✗ ", "notice": "· ", "remark": "  "}.get(m.role, "")
        # Tables are laid out for 76 cells already; wrapping them again would break their columns.
        out.write((prefix + m.text if m.role == "table" else _fitted(prefix, _said(out, m.text), width)) + "\n")


def _print_prompt(p: Prompt, out: TextIO, width: int | None = None) -> None:
    out.write(f"\n[{p.title}]\n{_fitted('', _said(out, p.question), width)}\n")
    for n, c in enumerate(p.choices, 1):
        detail = f"（{_said(out, c.detail)}）" if c.detail else ""
        out.write(_fitted(f"  {n}. ", f"{c.label}{detail}", width) + "\n")
    if p.prefill:
        out.write(_fitted("  ", f"当前：{p.prefill}（回车保留）", width) + "\n")
        if p.default and p.default != p.prefill and not p.choices:
            out.write(_fitted("  ", f"建议：{p.default}", width) + "\n")  # typed, it replaces the current value
    elif p.default:
        out.write(_fitted("  ", f"回车 = {p.default}", width) + "\n")


def _columns() -> int:
    """The terminal's width less one: text reaching the last column makes some terminals wrap twice."""
    import shutil

    return shutil.get_terminal_size((80, 24)).columns - 1


def decode_line(line: str) -> str:
    r"""A piped answer is one line; a literal \n inside it stands for a line break (资金用途 paragraphs)."""
    return line.rstrip("\r\n").replace("\\n", "\n")


class _Visible:
    """The output with control characters shown (cells.visible): a draft's text is printed as it is;
    on a terminal without Tab filling (``dumb``), the words that offer Tab say what to type instead."""

    def __init__(self, out: TextIO, dumb: bool = False):
        self.out = out
        self.dumb = dumb

    def write(self, text: str) -> int:
        return self.out.write(visible(text))

    def flush(self) -> None:
        self.out.flush()


def _said(out: TextIO, text: str) -> str:
    """``text`` as this terminal can follow it: without Tab filling, the words that offer Tab say what
    to type instead (replaced before the text is wrapped, which may break a phrase)."""
    if getattr(out, "dumb", False) and "Tab" in text:
        from .project_steps import TAB_WORDS

        for tab, typed in TAB_WORDS.items():
            text = text.replace(tab, typed)
    return text


def run_piped(conv: Conversation, stdin: TextIO, out: TextIO) -> int:
    out = cast(TextIO, _Visible(out))
    _print_messages(conv.messages, out)
    conv.messages.clear()
    _print_messages(conv.take_arrivals(), out)
    number = 0
    while not conv.finished:
        p = conv.prompt()
        _print_prompt(p, out)
        # Ask, flush, then read (issue 9): a program answering through pipes must see the question
        # it is answering. Reading first and printing the question afterwards, into a block-buffered
        # pipe, showed a driver nothing until perfdraft exited, and a killed session lost the
        # transcript of answers that had in fact been saved.
        out.flush()
        raw = stdin.readline()
        if not raw:
            break
        number += 1
        text = decode_line(raw)
        out.write(f"> {text}\n")
        reply = conv.answer(text)
        _print_messages(reply.messages, out)
        if not reply.ok:
            reason = next((m.text for m in reply.messages if m.role == "error"), "回答未被接受")
            if conv.path is not None and conv.dirty:
                conv.save()
            # Say "saved" only when it is (a full disk ended with 之前的回答已保存 all the same: issue 19).
            saved = "之前的回答已保存" if not conv.dirty and not conv.last_saved_error else \
                f"之前的回答未能保存：{conv.last_saved_error or '未知原因'}"
            sys.stderr.write(f"perfdraft: 第 {number} 行“{visible(text)}”未被接受：{reason}（{saved}）\n")
            return EXIT_REJECTED
        if reply.quit:
            break
    if conv.path is not None and (conv.dirty or conv.last_saved_error):
        msg = conv.save()
        _print_messages([msg], out)
        if msg.role == "error":
            sys.stderr.write(f"perfdraft: {msg.text}\n")
            return EXIT_SAVE_FAILED
    if not conv.finished:
        p = conv.prompt()
        out.write(f"\n（输入结束，停在：{p.title}。再次运行时从这里继续。）\n")
    return EXIT_OK


# --- interactive ---------------------------------------------------------------------------------


def _session(conv: Conversation, dumb: bool = False):
    """The prompt-toolkit session. ``dumb``: a terminal that shows only what is typed (TERM=dumb).

    There a validator's refusal cannot be shown (it lives in the toolbar, which is not drawn) and
    the refused text stays in the buffer, invisible, in front of whatever is typed next: every
    answer then went to the engine, which prints the reason and asks again on a fresh line.
    """
    from prompt_toolkit import PromptSession
    from prompt_toolkit.completion import Completer, Completion, ThreadedCompleter
    from prompt_toolkit.history import FileHistory, History, InMemoryHistory
    from prompt_toolkit.validation import ValidationError, Validator

    from .steps import COMMANDS

    class StepCompleter(Completer):
        def get_completions(self, document, complete_event):
            text = document.text_before_cursor
            if text.startswith("/"):
                for c in COMMANDS:
                    if f"/{c.name}".startswith(text):
                        yield Completion(f"/{c.name}", start_position=-len(text), display_meta=c.help)
                return
            for n, c in enumerate(conv.prompt().choices, 1):
                if not text or c.value.startswith(text) or text in c.label:
                    yield Completion(c.value, start_position=-len(text), display=f"{n}. {c.label}", display_meta=c.detail)

    class LiveValidator(Validator):
        def validate(self, document):
            try:
                found = conv.check(document.text)
            except Exception:  # noqa: BLE001 - live checking must never stop the prompt; Enter reports it
                return
            errors = [f for f in found if f.severity == "error"]
            if errors:
                from .places import finding_text

                raise ValidationError(cursor_position=len(document.text), message=finding_text(errors[0]))

    counted: dict[tuple, tuple[int, int, int]] = {}

    def counts() -> tuple[int, int, int]:
        """The counts /check reports here (this project, or the whole draft outside one), as in the TUI;
        kept until an answer is accepted: the toolbar is drawn on every keystroke."""
        from . import checks

        key = (id(conv.draft), len(conv.undo_stack), conv.dirty, conv.pos.project, conv.current_project() is None)
        if key not in counted:
            counted.clear()
            counted[key] = checks.counts(conv.findings("project"))
        return counted[key]

    def toolbar():
        e, w, _ = counts()
        scope = "本项目" if conv.current_project() is not None else "全稿"
        saved = "已保存" if not conv.dirty else "未保存"
        from prompt_toolkit.application import get_app

        from .cells import width as cell_len
        from .places import short

        # The step title gives way first, so the counts and the way out always fit the width.
        tail = f" │ {saved} │ {scope} ✗错误 {e} !警告 {w} │ Ctrl-D 保存退出"
        room = get_app().output.get_size().columns - cell_len(tail) - 2
        return f" {short(conv.prompt().title, max(8, room))}{tail}"

    history: History
    try:
        hist_path = locations.history_file()
        hist_path.parent.mkdir(parents=True, exist_ok=True)
        history = FileHistory(str(hist_path))
    except OSError:
        history = InMemoryHistory()
    return PromptSession(
        history=history,
        completer=None if dumb else ThreadedCompleter(StepCompleter()),
        validator=None if dumb else LiveValidator(),
        # prompt-toolkit 3.0.5x defaults both to True while its docs say otherwise: be explicit.
        validate_while_typing=not dumb,
        complete_while_typing=not dumb,
        bottom_toolbar=None if dumb else toolbar,
        key_bindings=_current_value_keys(conv, dumb),
    )


def _current_value_keys(conv: Conversation, dumb: bool = False):
    """Tab on an empty line puts the current value (or the sentence to complete) there to edit (the line
    starts empty: a pre-filled line took typing as an addition, ``≥95%`` + ``100100%`` = ``≥95%100100%``);
    not on a dumb terminal, which cannot show what it put there. Tab inside an answer is a tab on a dumb terminal
    (a pasted row's cells arrive so), elsewhere it takes the check's proposal."""
    from prompt_toolkit.filters import Condition
    from prompt_toolkit.key_binding import KeyBindings

    keys = KeyBindings()

    @Condition
    def empty_with_value() -> bool:
        from prompt_toolkit.application import get_app

        p = conv.prompt()
        return not get_app().current_buffer.text and bool(p.prefill or p.suggestion)

    @keys.add("tab", filter=empty_with_value & ~Condition(lambda: dumb))
    def _(event) -> None:
        p = conv.prompt()  # the current value, else the sentence to complete (the goal's pattern with □)
        event.current_buffer.insert_text((p.prefill or p.suggestion).replace("\n", "\\n"))

    @Condition
    def in_an_answer() -> bool:
        from prompt_toolkit.application import get_app

        text = get_app().current_buffer.text
        return bool(text) and not text.lstrip().startswith(("/", "／"))

    @Condition
    def nothing_typed() -> bool:
        from prompt_toolkit.application import get_app

        return not get_app().current_buffer.text.strip()

    @keys.add("f1", filter=nothing_typed)
    def _(event) -> None:
        # as in the TUI: the help of the question asked (on an empty line: nothing typed is replaced)
        event.current_buffer.text = "/help"
        event.current_buffer.validate_and_handle()

    @keys.add("c-d", filter=nothing_typed & Condition(lambda: dumb))
    def _(event) -> None:
        # prompt-toolkit's own Ctrl-D asks for the focus a dumb terminal's prompt never has: the key
        # that ends the session did nothing there
        event.app.exit(exception=EOFError, style="class:exiting")

    @keys.add("tab", filter=in_an_answer & Condition(lambda: dumb))
    def _(event) -> None:
        # a row pasted from Excel where the terminal has no bracketed paste (TERM=dumb): its tabs arrive
        # as Tab keys, which completed nothing and were lost (the row's cells ran together into a name)
        event.current_buffer.insert_text("\t")

    @keys.add("tab", filter=in_an_answer & ~Condition(lambda: dumb))
    def _(event) -> None:
        # a terminal that brackets its pastes: a Tab is a key pressed, and takes the check's proposal as the
        # full screen's does (it put a literal ^I into the answer)
        buffer = event.current_buffer
        fix = next((f.fix for f in conv.check(buffer.text)[:1] if f.fix and f.fix != buffer.text), None)
        if fix is not None:
            buffer.text = fix
            buffer.cursor_position = len(fix)

    return keys


def _placeholder(p: Prompt):
    """What an empty line stands for, greyed: Enter keeps the current value or takes the suggestion."""
    from prompt_toolkit.formatted_text import FormattedText

    if p.prefill:
        return FormattedText([("#888888", f"{_one_line(p.prefill)}（回车保留，Tab 取出修改）")])
    if p.default:
        return FormattedText([("#888888", f"{_one_line(p.default)}（回车采用）")])
    return _placeholder_none()


def _placeholder_none():
    """No placeholder: empty, not None, for prompt-toolkit keeps the last one given when None is (the
    previous question's value stood grey under questions it did not belong to, and under the quit question)."""
    from prompt_toolkit.formatted_text import FormattedText

    return FormattedText([])


def _one_line(text: str, cells: int = 40) -> str:
    from .places import short

    return short(text.replace("\n", " "), cells)


def _over_ssh() -> bool:
    return any(os.environ.get(v) for v in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))


def _after_first_paint(session, conv: Conversation, in_background: Callable[[Callable[[], None], str], Any]) -> None:
    """Once the first question is on screen, load the checker (then show the toolbar's counts), record
    the draft as recent and read the catalogue, on a thread. Done before, they share the interpreter
    with start-up and delay the first paint by their own time."""
    checked = threading.Event()
    counts = session.bottom_toolbar

    def toolbar():
        if checked.is_set():
            return counts() if callable(counts) else counts
        return f" {conv.prompt().title} │ 检查中… │ /help 帮助  Ctrl-D 保存退出"

    if counts is not None:
        session.bottom_toolbar = toolbar
    path = conv.path

    def work() -> None:
        try:
            import perfdraft.checks  # noqa: F401 - the import is the slow part of the first count
        finally:
            checked.set()
            session.app.invalidate()
        if path is not None:
            locations.remember(path)
        conv.catalogue()

    started = threading.Event()

    def launch() -> None:
        if not started.is_set():
            started.set()
            gc_pause.resume()  # the first paint is out (gc_pause.py)
            in_background(work, "after-first-paint")

    def start(app) -> None:
        # The toolbar is drawn once the terminal has told its height (the cursor-position reply):
        # start after that render, not the first one, or the import competes with painting it. A
        # terminal that never replies gets the thread a moment after the first render all the same.
        if not app.renderer.height_is_known:
            if not started.is_set() and not getattr(start, "timer", None):
                start.timer = threading.Timer(0.3, launch)  # type: ignore[attr-defined]
                start.timer.daemon = True  # type: ignore[attr-defined]
                start.timer.start()  # type: ignore[attr-defined]
            return
        session.app.after_render -= start
        launch()

    session.app.after_render += start


def run_interactive(conv: Conversation, pending: str | None = None, typed: list | None = None,
                    in_background: Callable[[Callable[[], None], str], Any] | None = None,
                    kept: list[str] | None = None) -> int:
    """``typed``: gets the prompt session, so that a hang-up can keep the line being typed;
    ``in_background``: starts the after-first-paint thread (Session.in_background, joined at the end);
    ``kept``: gets the line typed but not confirmed when Ctrl+C quit (kept as the TUI's F10 keeps it)."""
    if _over_ssh():
        # Cursor-position replies arrive late over slow links and print as ^[[35;1R garbage.
        os.environ.setdefault("PROMPT_TOOLKIT_NO_CPR", "1")
    from prompt_toolkit.utils import is_dumb_terminal

    dumb = is_dumb_terminal()
    session = _session(conv, dumb)
    _after_first_paint(session, conv, in_background or _daemon)
    if typed is not None:
        typed.append(session)
    out = cast(TextIO, _Visible(sys.stdout, dumb))
    if dumb and pending:
        # the line cannot be pre-filled here: the start's "已放回输入行" would promise what is not there
        promised = pending_notice(pending)
        conv.messages[:] = [Message(m.role, pending_notice(pending, in_line=False)) if m.text == promised else m
                            for m in conv.messages]
    _print_messages(conv.messages, out, _columns())
    conv.messages.clear()
    _print_messages(conv.take_arrivals(), out, _columns())
    number = 0
    while not conv.finished:
        p = conv.prompt()
        _print_prompt(p, out, _columns())
        number += 1
        try:
            # The running number lets the user (and scripts) tell one prompt from the next. The line
            # starts empty on every terminal (but for a line being typed when the last session hung
            # up): the current value is printed above it (and greyed in it where the terminal can),
            # Enter keeps it, Tab takes it out to edit.
            default = pending if pending and not dumb else ""
            pending = None
            text = session.prompt(f"{number}> ", default=default, placeholder=None if dumb else _placeholder(p))
        except KeyboardInterrupt:
            line = _typed_line([session], conv)  # before the quit question empties the buffer
            try:
                # no default text in the line: on a dumb terminal it is invisible and a typed y made yy
                yes = session.prompt("保存并退出吗？(y/n，回车 = y) ", validator=None, default="", completer=None,
                                     validate_while_typing=False, placeholder=_placeholder_none())
            except (KeyboardInterrupt, EOFError):
                yes = "y"
            if yes.strip().lower() in ("y", "yes", "是", ""):
                if line and kept is not None:
                    kept.append(line)
                break
            pending = line if not dumb else None  # not quitting: the line as it was
            if line and dumb:  # this terminal cannot show a line put back: said, not dropped without a word
                out.write(f"  （刚才输入的“{_one_line(line)}”还没有回答；请重新输入）\n")
            continue
        except EOFError:
            break
        reply = conv.answer(decode_line(text))
        _print_messages(reply.messages, out, _columns())
        if not reply.ok and not any(m.role == "error" for m in reply.messages):
            out.write("✗ 回答未被接受\n")  # never silent: the next prompt starts on an empty line
        if not reply.ok and not text.strip() and p.suggestion:
            if not dumb:  # Enter under a sentence to complete: it is put in the next line to edit, as in the TUI
                pending = p.suggestion  # (a dumb terminal said to type it whole: _Visible's words)
        # (an empty Enter refused: its reason is enough; a refused command is no answer not saved)
        elif not reply.ok and text.strip() and not text.lstrip().startswith(("/", "／")):
            row = decode_line(text)
            # a pasted row back in the next line to be fixed, as the TUI keeps it (it was lost); a typed value
            # is retyped, as before: a line holding it would take the fix typed after it (100100%=100%)
            again = editable_line(row) if not dumb and "\t" in row else None
            if again:
                pending = again
                out.write(f"  （“{_one_line(text)}”未保存；已放回输入行，改好后回车）\n")
            else:
                out.write(f"  （“{_one_line(text)}”未保存；请重新输入）\n")
        if reply.quit:
            return EXIT_OK
    if conv.path is not None and conv.dirty:
        _print_messages([conv.save()], out, _columns())
    return EXIT_OK


def run_line(path: Path, catalogue_dir: str | None = None, stdin: TextIO | None = None, out: TextIO | None = None) -> int:
    stdin = stdin or sys.stdin
    piped = not stdin.isatty()
    # Saves are written before the next question is asked (background=False): in the line mode an
    # answer shown as accepted is on disk, which is what a script driving it through a pipe relies on.
    # An interactive session records the draft as recent and loads the catalogue once the first
    # question is painted (_after_first_paint), not before: that would delay the first paint.
    session = Session.open(Path(path), catalogue_dir=catalogue_dir, remember=piped)
    conv = session.conv
    if piped:
        gc_pause.resume()  # no screen to paint: a long scripted session collects as usual
        # Load the catalogue while the first answers are read, so the project name's suggestions do
        # not stall (about 150 ms alone, over half a second with many sessions on one server).
        session.preload_catalogue()

    prompts: list = []
    kept: list[str] = []
    hung_up: list[int] = []

    def hang_up(signum, frame):  # the link dropped: unwind through finally, which saves
        hung_up.append(signum)
        raise SystemExit(128 + signum)

    for sig in (signal.SIGHUP, signal.SIGTERM):
        signal.signal(sig, hang_up)
    try:
        if not stdin.isatty():
            return run_piped(conv, _tolerant(stdin), out or sys.stdout)
        if (said := demo_banner(conv)) is not None:
            print(said)
        return run_interactive(conv, session.pending_answer, prompts, session.in_background, kept)
    finally:
        msg = session.close(pending=_typed_line(prompts, conv) if hung_up else (kept[0] if kept else None))
        if msg is not None and msg.role == "error":
            print(f"perfdraft: {msg.text}", file=sys.stderr)  # where the unsaved work went
        elif stdin.isatty() and not hung_up and (said := session.farewell("line")):
            print(said)  # a piped run says where it stopped itself; a dropped link has no one to tell
            if words := session.kept_words(kept[0] if kept else None):
                print(words)
        session.join_background()


def demo_banner(conv: Conversation) -> str | None:
    """What the demo is, said before its first question (the full screen opens on its findings)."""
    if conv.path is None or not locations.is_demo_copy(conv.path):
        return None
    from . import checks

    e, w, _ = checks.counts(checks.check_draft(conv.draft))
    return (f"这是示例草稿（临时副本，退出后连同修改和导出一起删除）：共 {e} 个错误、{w} 个警告。"
            "输入 /check 按项目列出，/jump 跳到要改的地方，或直接回车逐项过一遍。")


def _daemon(target: Callable[[], None], name: str) -> threading.Thread:
    t = threading.Thread(target=target, name=name, daemon=True)
    t.start()
    return t


def _typed_line(prompts: list, conv: Conversation) -> str | None:
    """The line being typed when the link dropped (kept as a pending answer, never applied)."""
    try:
        text = prompts[0].default_buffer.text if prompts else ""
        return text if text.strip() and text != conv.prompt().prefill else None
    except Exception:  # noqa: BLE001 - nothing typed to keep
        return None


def _tolerant(stream: TextIO) -> TextIO:
    """stdin that never raises on bytes that are not UTF-8 (a GBK answers file piped in: issue 19, item 7).

    A bad byte becomes U+FFFD, which the answer's own checks then show to the user; before, the
    session died with UnicodeDecodeError and left its lock behind."""
    reconfigure = getattr(stream, "reconfigure", None)
    if reconfigure is not None:
        try:
            reconfigure(errors="replace")
        except (ValueError, OSError):
            pass
    return stream
