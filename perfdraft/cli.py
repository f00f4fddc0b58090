"""The single entry point: ``perfdraft`` and ``python -m perfdraft``.

Only argparse and the standard library are imported at start; each command imports what it
needs when it runs, so ``perfdraft --help`` stays fast and loads no UI library. The commands
themselves are declared in ``perfdraft.commands``; no other module imports this one.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys
from typing import TextIO

from .commands import build_parser
from .errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, UsageError, err

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "build_parser", "main"]


def _tolerant_streams() -> None:
    """A closed stdin reads as empty (``<&-`` gave AttributeError tracebacks), and a terminal that is not
    UTF-8 (GBK, C, ASCII) shows what it cannot encode as ? instead of raising UnicodeEncodeError, at times
    after a file had been written."""
    if sys.stdin is None:
        sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115 - for the whole process
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if stream is not None and encoding not in ("utf8", "utf_8") and hasattr(stream, "reconfigure"):
            try:
                stream.reconfigure(errors="replace")
            except (ValueError, OSError):
                pass


# Commands that drive the terminal themselves (their escape codes must pass): the others print plain text.
_SCREENS = frozenset({"edit", "line", "demo", "serve", "completion"})


class _Shown(io.TextIOBase):
    """A text stream whose writes reach the terminal without control characters (an imported cell holding
    ESC ]0;… retitled the terminal through a message that quoted it)."""

    def __init__(self, raw: TextIO) -> None:
        self.raw = raw

    def write(self, text: str) -> int:
        from .cells import visible  # ESC as ^[, U+202E as <U+202E>: a table's cell never drives the terminal

        self.raw.write(visible(text))
        return len(text)

    def flush(self) -> None:
        self.raw.flush()

    def isatty(self) -> bool:
        return self.raw.isatty()

    def fileno(self) -> int:
        return self.raw.fileno()

    @property
    def encoding(self) -> str:  # type: ignore[override]
        return str(getattr(self.raw, "encoding", "utf-8"))


def _shown_streams() -> None:
    if sys.stdout is not None and not isinstance(sys.stdout, _Shown):
        sys.stdout = _Shown(sys.stdout)
    if sys.stderr is not None and not isinstance(sys.stderr, _Shown):
        sys.stderr = _Shown(sys.stderr)


class _Stopped(BaseException):
    """SIGTERM / SIGHUP in a one-shot command, unwound like Ctrl+C: the ``finally`` blocks release the
    draft's lock and remove temp files (a killed import left a lock the next session had to take over).
    The screens save and release on these signals themselves."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum


def _stop_on_signals() -> None:
    import signal

    def stop(signum: int, _frame: object) -> None:
        raise _Stopped(signum)

    for name in ("SIGTERM", "SIGHUP"):
        sig = getattr(signal, name, None)
        if sig is not None:
            try:
                signal.signal(sig, stop)
            except (ValueError, OSError):  # not the main thread (tests calling main), or not allowed here
                pass


# Arguments that name files or directories: an empty one is an unset variable, never "here" (check ""
# checked every draft of the current directory, migrate -o "" rewrote its input in place)
_PATH_ARGS = {"file": "文件参数", "files": "文件参数", "output": "-o/--output", "catalogue": "--catalogue",
              "answers": "--answers", "dir": "--dir"}


def _empty_path(args: object) -> str | None:
    for dest, shown in _PATH_ARGS.items():
        value = getattr(args, dest, None)
        values = value if isinstance(value, list) else [value]
        if any(isinstance(v, str) and not v.strip() for v in values):
            return shown
    return None


def _missing_directory(args: object) -> str | None:
    """A path written as a directory (``-o newdir/``) that is none: it had become a file named newdir."""
    for dest in _PATH_ARGS:
        value = getattr(args, dest, None)
        for v in value if isinstance(value, list) else [value]:
            if isinstance(v, str) and v.endswith(("/", os.sep)) and v.strip("/") and not os.path.isdir(v):
                return v
    return None


def main(argv: list[str] | None = None) -> int:
    _tolerant_streams()
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    empty = _empty_path(args)
    if empty is not None:
        example = '-o "$OUT"' if empty.startswith("-") else '"$FILE"'
        space = " " if empty[-1].isascii() else ""
        err(f"{empty}{space}是空字符串（常见于未设置的变量，如 {example}）；请给出文件名或目录")
        return EXIT_BAD_INPUT
    slashed = _missing_directory(args)
    if slashed is not None:
        err(f"{slashed}：以 / 结尾表示目录，但没有这个目录；要写成文件请去掉末尾的 /，要写进目录请先建好它")
        return EXIT_BAD_INPUT
    catalogue = getattr(args, "catalogue", None)
    if catalogue and not os.path.isdir(catalogue):  # a wrong directory was used as none, without a word
        err(f"--catalogue {catalogue}：目录不存在（应为放本单位指标库 .toml 文件的目录）")
        return EXIT_BAD_INPUT
    if args.command is None:
        from .commands.drafting import cmd_start

        return cmd_start(args)
    from .drafts import DraftError

    if args.command not in _SCREENS:
        _shown_streams()
        _stop_on_signals()
    try:
        return int(args.func(args))
    except (DraftError, UsageError) as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        err("已中断")
        return 130
    except _Stopped as exc:
        from .drafts_io import WRITTEN

        landed = "、".join(dict.fromkeys(str(p) for p in WRITTEN))
        with contextlib.suppress(OSError):  # the terminal of a hung-up session is gone
            err(f"已被终止：{landed} 已完整写入，其余未完成" if landed else
                "已被终止，命令未完成（文件只会整份写入，不会留下写了一半的文件）")
        return 128 + exc.signum
    except BrokenPipeError:
        return EXIT_OK
    except UnicodeError:  # a file name the system's encoding cannot hold (LC_ALL=C with PYTHONUTF8=0)
        err("文件名或内容中有当前系统编码（LANG / LC_ALL）无法表示的字符，未完成；请设置 LANG=C.UTF-8 或 zh_CN.UTF-8 后重试")
        return EXIT_BAD_INPUT
    except OSError as exc:  # what the system refused (a name too long, …): one line, no traceback
        from .drafts_io import os_error_message

        err(os_error_message(exc))
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
