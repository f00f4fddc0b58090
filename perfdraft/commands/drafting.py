"""Commands that open a draft for drafting: new, demo, edit, line, and the start screen."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import gc_pause
from ..errors import EXIT_OK, UsageError, output_link_refusal
from ..locations import demo_copy


def cmd_new(args: argparse.Namespace) -> int:
    from .. import drafts

    path = Path(args.file)
    if path.is_symlink() and not path.exists():
        raise UsageError(output_link_refusal(path))
    _check_draft_name(path)
    if path.exists():
        raise UsageError(f"{path}：文件已存在，未覆盖（换一个文件名，或用 perfdraft edit 打开它）")
    from .. import profiles

    draft = drafts.new_draft(args.year)
    draft.framework = args.framework
    if args.profile:
        draft.profile = args.profile
        draft.framework = profiles.PROFILES[args.profile].framework
    drafts.save(draft, path)
    print(f"已新建空白草稿 {path}（{draft.year} 年度，{draft.profile or draft.framework}）")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    if args.width is not None and args.width <= 0:  # before the copy is made (it was made, then refused)
        raise UsageError(f"--width {args.width}：宽度应为正整数（字符格数，如 --width 120）")
    path = demo_copy()
    if args.print or not interactive():
        from .inspect import cmd_check, cmd_show  # not on the way to the first screen

        print(f"示例草稿已复制到 {path}（临时副本，程序结束时删除）")
        ns = argparse.Namespace(file=str(path), width=args.width, project=None, ascii=False)
        cmd_show(ns)
        print()
        return cmd_check(argparse.Namespace(files=[str(path)], format="text"))
    args.findings_first = True  # the demo opens on its findings: the defects are the point
    return open_editor(path, args)


def interactive() -> bool:
    return served() or (sys.stdin.isatty() and sys.stdout.isatty())


def served() -> bool:
    """Run by textual-serve: the screen is a browser talking through pipes, so no terminal, yet full screen."""
    return os.environ.get("TEXTUAL_DRIVER", "").endswith(":WebDriver")


def _dumb_terminal() -> bool:
    return not served() and os.environ.get("TERM", "") in ("dumb", "")


def open_editor(path: Path, args: argparse.Namespace) -> int:
    """Open a draft in the TUI, or in the line mode on a dumb terminal / with --line."""
    line = getattr(args, "line", False) or _dumb_terminal() or not interactive()
    with gc_pause.paused():  # until the first screen is painted (gc_pause.py)
        if line:
            from ..line import run_line

            return run_line(path, catalogue_dir=getattr(args, "catalogue", None))
        from ..tui.app import run_app

        return run_app(path, mouse=mouse_default(args), catalogue_dir=getattr(args, "catalogue", None),
                       ascii_ops=getattr(args, "ascii", False), findings_first=getattr(args, "findings_first", False))


def mouse_default(args: argparse.Namespace) -> bool:
    if getattr(args, "mouse", None) is not None:
        return bool(args.mouse)
    # Over SSH every mouse move is bytes on the wire, and a dropped link leaves the local terminal
    # printing mouse reports: keep the mouse off there unless asked.
    return not any(os.environ.get(v) for v in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))


# Tables, not drafts: given to edit or line, they were parsed as TOML (第 1 行第 2 列 TOML 格式错误), or a
# new draft was made under the table's name
_TABLE_SUFFIXES = frozenset({".csv", ".tsv", ".txt", ".xlsx", ".xls", ".et", ".ods", ".docx", ".doc", ".wps", ".odt",
                             ".pdf", ".html", ".htm", ".mht", ".rtf", ".md"})


def _looks_like_draft(path: Path) -> bool:
    """A draft saved under a table's name (x.txt) is still opened: its head names the schema."""
    if not path.is_file():  # (a FIFO would block the open)
        return False
    try:
        with open(path, "rb") as fh:
            return b"perfdraft/" in fh.read(4096)
    except OSError:
        return False


def _check_draft_name(path: Path) -> None:
    """A name a draft may be made under, or a refusal naming what is wrong with it."""
    if str(path) == "-":
        raise UsageError("“-” 在这里不表示标准输入或输出：请给出草稿的文件名，如 2026-社保局.toml")
    if path.suffix.lower() in _TABLE_SUFFIXES and not _looks_like_draft(path):
        what = "是表格或文档，不是草稿" if path.exists() else f"扩展名 {path.suffix} 是表格或文档的，草稿应以 .toml 结尾"
        raise UsageError(f"{path}：{what}；去年的表格请导入：perfdraft import {path.name} -o {path.stem}.toml")
    if path.is_dir():
        raise UsageError(f"{path}：是一个目录，请给出草稿的文件名，如 {path / '2026-社保局.toml'}")
    if path.exists() and not path.is_file():
        raise UsageError(f"{path}：不是普通文件（设备或管道），草稿要写成一个普通文件")
    if path.parent.exists() and not path.parent.is_dir():
        raise UsageError(f"{path}：{path.parent} 是文件，不是目录")
    if not path.parent.is_dir():
        raise UsageError(f"{path}：目录 {path.parent} 不存在")


def create_if_missing(path: Path, year: int | None) -> bool:
    """A new, empty draft at ``path`` when there is no file there (True); an existing file is left alone."""
    from .. import drafts

    _check_draft_name(path)
    if path.exists():
        return False
    drafts.save(drafts.new_draft(year), path)
    return True


def cmd_edit(args: argparse.Namespace) -> int:
    path = Path(args.file)
    if create_if_missing(path, args.year):
        print(f"已新建草稿 {path}")
    # A bad draft fails in Session.open, before any screen opens, with line and column: reading it
    # here first as well cost a second parse on the way to the first screen (issue 21).
    return open_editor(path, args)


def cmd_start(args: argparse.Namespace) -> int:
    if not interactive():
        from . import build_parser

        build_parser().print_help()
        return EXIT_OK
    if _dumb_terminal() or getattr(args, "line", False):
        return _line_start(args)
    with gc_pause.paused():
        from ..tui.app import run_start

        return run_start(mouse=mouse_default(args))


def cmd_line(args: argparse.Namespace) -> int:
    path = Path(args.file)
    create_if_missing(path, args.year)  # a bad draft fails in Session.open, before the first question
    with gc_pause.paused():
        from ..line import run_line

        return run_line(path, catalogue_dir=args.catalogue)


def _line_start(args: argparse.Namespace) -> int:
    """The start screen in words, for a dumb terminal or --line: recent drafts, new, the demo. A dumb
    terminal had been shown the usage text, and `perfdraft --line` was refused."""
    from ..locations import recent

    known = [p for p in recent() if p.is_file()][:9]
    print("perfdraft 绩效目标起草（行模式）")
    for n, p in enumerate(known, 1):
        print(f"  {n}. 打开 {p}")
    print("  n. 新建草稿    d. 试用示例    q. 退出")
    args.line = True
    while True:
        try:
            choice = input("请选择（编号或字母）：").strip().lower()
        except EOFError:
            print()
            return EXIT_OK
        if choice in ("q", "退出"):
            return EXIT_OK
        if choice.isdigit() and 1 <= int(choice) <= len(known):
            return open_editor(known[int(choice) - 1], args)
        if choice in ("d", "示例"):
            return open_editor(demo_copy(), args)
        if choice in ("n", "新建"):
            try:
                name = input("新草稿的文件名（如 2026-社保局.toml）：").strip()
            except EOFError:  # the input ended: nothing made, as at the choice above
                print()
                return EXIT_OK
            if not name:
                continue
            path = Path(name if Path(name).suffix else name + ".toml")
            if create_if_missing(path, None):
                print(f"已新建草稿 {path}")
            return open_editor(path, args)
        print("请输入列出的编号，或 n（新建）、d（示例）、q（退出）")
