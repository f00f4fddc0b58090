"""Exit codes and the errors every part of perfdraft may raise.

Exit codes: 0 fine, 1 the draft has errors (or a run stopped on a rejected answer), 2 bad input.
Core modules raise these; only the entry point (``cli.main``) turns them into a message on stderr
and an exit code. Kept free of heavy imports so that any module can use it at no start-up cost.
"""

from __future__ import annotations

import sys
from typing import Any

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2
EXIT_INTERRUPTED = 130


class UsageError(Exception):
    """Bad input from the command line: one line for the user, exit 2."""


class DraftError(Exception):
    """A draft could not be read or written. ``str(err)`` is the one-line message for the user."""


class DraftLocked(DraftError):
    """Another session holds the draft's lock; ``holder`` is what its lock file says."""

    def __init__(self, message: str, holder: dict[str, Any]):
        super().__init__(message)
        self.holder = holder


class DraftConflict(DraftError):
    """The draft on disk changed under an open session; ``kept`` is where the session's version went."""

    def __init__(self, message: str, kept: Any = None):
        super().__init__(message)
        self.kept = kept


def output_link_refusal(path: object) -> str:
    """Why an output path that is a symbolic link is not written (export: any link; a new draft: a link
    to nothing, through which a file appeared elsewhere; migrate: a link to its own input, which it
    rewrote while saying 另存为). A link to an existing draft is written through with --force."""
    return f"{path}：是符号链接，为安全起见不写入（请给出实际文件路径）"


def err(message: str) -> None:
    print(f"perfdraft: {message}", file=sys.stderr)


# --- library and system English in words (no internals in messages) ------------------------------------

_ERRNO_WORDS = {
    "ENOSPC": "磁盘已满或超出配额", "EDQUOT": "磁盘已满或超出配额", "EROFS": "文件系统只读",
    "EACCES": "没有权限", "EPERM": "没有权限", "EISDIR": "目标是一个目录", "ENOTDIR": "路径中有一段不是目录",
    "ENAMETOOLONG": "文件名过长", "ENOENT": "文件或目录不存在", "EIO": "磁盘读写错误",
    "EMFILE": "同时打开的文件过多", "ENFILE": "同时打开的文件过多", "ENOEXEC": "不是可以运行的程序",
    "ELOOP": "符号链接绕成了圈", "EBUSY": "文件正被占用", "ETXTBSY": "文件正被占用", "EXDEV": "不能跨磁盘移动",
    "EEXIST": "文件已存在", "EINVAL": "参数不合法", "ENXIO": "设备不存在", "ENODEV": "设备不存在",
    "EADDRINUSE": "端口已被占用", "EADDRNOTAVAIL": "本机没有这个地址",
}


def os_reason(exc: OSError, writing: bool = True) -> str:
    """An OSError in words for the user: the C library's English never reaches a message."""
    import errno

    name = errno.errorcode.get(exc.errno or 0, "")
    if name in ("EACCES", "EPERM") or isinstance(exc, PermissionError):
        return "没有写入权限" if writing else "没有读取权限"
    return _ERRNO_WORDS.get(name) or (f"系统错误 {name}" if name else "系统错误")


# tomli's messages (its _parser.py) → words; the line and column are kept
_TOML_WORDS = (
    ("Invalid value", "值的写法不对（文本要加引号，如 \"文字\"）"), ("Unclosed array", "数组缺少右方括号 ]"),
    ("Unclosed inline table", "行内表缺少右花括号 }"), ("Unterminated string", "文本缺少结尾的引号"),
    ("Expected '=' after a key", "键后面应有 ="), ("Expected ']' at the end of a table", "表头缺少 ]"),
    ("Expected ']]' at the end of an array", "表数组的表头缺少 ]]"),
    ("Expected newline or end of document", "一行只能写一个键值"), ("Cannot overwrite a value", "同一个键写了两次"),
    ("Cannot declare", "同一个表写了两次"), ("Cannot mutate immutable namespace", "改写了已写定的表"),
    ("Cannot redefine namespace", "同一个表写了两次"), ("Duplicate inline table key", "行内表里同一个键写了两次"),
    ("Illegal character", "含有不允许的控制字符"), ("Found invalid character", "含有不允许的字符"),
    ("Escaped character is not a Unicode scalar value", "转义字符（\\u…）不是合法的字符"),
    ("Unescaped '\\' in a string", "文本中的 \\ 要写成 \\\\"), ("Invalid date or datetime", "日期写法不对"),
    ("Invalid hex value", "\\u 转义后的十六进制数不对"), ("Invalid initial character for a key", "键的第一个字符不合法"),
    ("Invalid statement", "这一行不是 键 = 值"), ("An object other than list found", "这个键已是别的类型，不能当表数组"),
    ("There is no nest behind this key", "这个键不是表"),
)


def toml_reason(exc: ValueError) -> tuple[str, str | None]:
    """(what is wrong, '第 L 行第 C 列' or None) for a TOML parse error, in words."""
    import re

    msg = str(exc)
    m = re.search(r"\(at line (\d+), column (\d+)\)", msg)
    where = f"第 {m.group(1)} 行第 {m.group(2)} 列" if m else ("文件末尾" if "end of document" in msg else None)
    what = next((words for english, words in _TOML_WORDS if msg.startswith(english)), "写法不合 TOML 格式")
    return what, where
