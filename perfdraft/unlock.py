"""``perfdraft unlock FILE``: break a draft's lock once the user confirms its session is gone.

The lock of a session on another host cannot be judged from here, and a crashed session's lock on a
shared disk stays until someone says it is dead. A holder still running on this host is refused."""

from __future__ import annotations

import argparse
import sys

from . import locks
from .errors import EXIT_OK, UsageError


def cmd_unlock(args: argparse.Namespace) -> int:
    from pathlib import Path

    target = Path(args.file)
    if target.is_dir():
        raise UsageError(f"{args.file}：是一个目录，应为草稿文件（如 2021-社保局.toml）")
    lp = locks.lock_path(args.file)
    if not lp.exists() and not lp.is_symlink() and not target.exists():
        raise UsageError(f"{args.file}：文件不存在，也没有它的锁（请检查文件名）")
    if not lp.exists() and not lp.is_symlink():
        print(f"{args.file} 没有被锁住，无需解除")
        return EXIT_OK
    holder = locks.read_holder(args.file)
    who = locks.describe_holder(holder) if holder else "（锁文件损坏或无法读取，持有者不明）"
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError(f"{args.file}：锁由 {who} 持有；确认对方会话已结束后，加 --yes 解除")
        print(f"{args.file} 的锁由 {who} 持有。")
        print("解除后若对方仍在编辑，两边的修改会互相覆盖。")
        try:
            answer = input("确认对方会话已经结束，解除锁吗？(y/N) ")
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes", "是"):
            print("未解除")
            return EXIT_OK
    path, _ = locks.break_lock(args.file)
    print(f"已解除 {args.file} 的锁（删除了 {path.name}，原持有者：{who}）")
    return EXIT_OK
