"""argparse in Chinese: ``-h`` help, section titles, usage and error messages.

argparse writes ``usage:``, ``options:``, ``show this help message and exit`` and its errors in
English. Its parsers and sub-parsers are made from this class (``add_subparsers`` uses the parent's
class), so one class covers every command. Error messages are translated by a table of argparse's
own message patterns; an unknown one is shown as argparse wrote it rather than lost.
"""

from __future__ import annotations

import argparse
import re
import sys
from typing import Any, NoReturn

# argparse's messages (Python 3.11–3.13) → Chinese. Data, one row per message.
MESSAGES: tuple[tuple[str, str], ...] = (
    (r"^the following arguments are required: (.*)$", r"缺少参数：\1"),
    (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
    (r"^argument (.+?): invalid choice: (.+?) \(choose from (.*)\)$", r"参数 \1：无效的选择 \2（可选：\3）"),
    (r"^argument (.+?): invalid (\w+) value: (.*)$", r"参数 \1：\3 不是有效的 \2 值"),
    (r"^argument (.+?): expected one argument$", r"参数 \1 后面需要一个值"),
    (r"^argument (.+?): expected at most one argument$", r"参数 \1 后面最多一个值"),
    (r"^argument (.+?): expected at least one argument$", r"参数 \1 后面至少需要一个值"),
    (r"^argument (.+?): expected (\d+) arguments?$", r"参数 \1 后面需要 \2 个值"),
    (r"^argument (.+?): not allowed with argument (.*)$", r"参数 \1 不能与 \2 同时使用"),
    (r"^argument (.+?): ignored explicit argument (.*)$", r"参数 \1 不接受值 \2"),
    (r"^ambiguous option: (.+?) could match (.*)$", r"选项 \1 不明确，可能是：\2"),
    (r"^one of the arguments (.*) is required$", r"以下参数必须给出一个：\1"),
    # a type function's own Chinese message (positive_count below)
    (r"^argument (.+?): ([^a-zA-Z].*)$", r"参数 \1：\2"),
)


TYPE_NAMES = {"int": "整数", "float": "数字", "positive_count": "正整数"}


def positive_count(text: str) -> int:
    """An argparse type for a count that must be at least 1 (``--limit 0`` showed one result anyway)."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"“{text}”不是正整数（如 8）") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"“{text}”应为正整数（至少 1，如 8）")
    return value


def translate(message: str) -> str:
    for pattern, replacement in MESSAGES:
        if re.match(pattern, message):
            out = re.sub(pattern, replacement, message)
            return re.sub(r"有效的 (\w+) 值", lambda m: f"有效的{TYPE_NAMES.get(m.group(1), m.group(1))}", out)
    return message


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


class ChineseArgumentParser(argparse.ArgumentParser):
    def __init__(self, *args: Any, add_help: bool = True, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False  # our own -h below, with a Chinese help text
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        if add_help:
            self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS, help="显示本帮助并退出")

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}：错误：{translate(message)}（perfdraft {'-h' if ' ' not in self.prog else self.prog.split(' ', 1)[1] + ' -h'} 查看用法）\n")
