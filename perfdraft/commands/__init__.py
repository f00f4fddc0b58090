"""Every subcommand of ``perfdraft`` declared once: name, handler, help texts and arguments.

A new command is one ``Cmd`` row here plus its handler function. Handlers are named as
``"module:function"`` under ``perfdraft`` and imported only when the command runs, so
``perfdraft --help`` loads no UI, export or import library.
"""

import argparse
import importlib
from collections.abc import Callable
from typing import Any, NamedTuple

from .. import __version__
from ..argparse_zh import positive_count
from ..errors import EXIT_OK


class ProfileIds:
    """profiles.PROFILES' ids (after ``first``), read only when argparse checks a choice: building the
    parser imports nothing (the arguments name a metavar, so argparse never lists them then), and a
    profile declared in profiles.py is accepted with no second list."""

    def __init__(self, *first: str) -> None:
        self.first = first

    def _ids(self) -> list[str]:
        from .. import profiles

        return [*self.first, *profiles.PROFILES]

    def __contains__(self, value: object) -> bool:
        return value in self._ids()

    def __iter__(self) -> Any:
        return iter(self._ids())


PROFILE_IDS = ProfileIds()
EXPORT_FORMATS = ("xlsx", "docx", "pdf", "csv", "md")  # export --to; also what -o's suffix is checked against


class A:
    """One argparse argument: its flags and keyword arguments."""

    __slots__ = ("flags", "kwargs")

    def __init__(self, flags: tuple[str, ...], **kwargs: Any):
        self.flags = flags
        self.kwargs = kwargs


class Cmd(NamedTuple):
    """A command of the CLI: its name, help, arguments and the handler that runs it."""

    name: str
    handler: str | None  # "module:function" under perfdraft; None for a group that only has sub-commands
    help: str = ""
    description: str | None = None
    args: tuple[A, ...] = ()
    sub: tuple["Cmd", ...] = ()


COMMANDS: tuple[Cmd, ...] = (
    Cmd('check', 'commands.inspect:cmd_check', help='检查草稿，按项目列出问题', description='检查一个或多个草稿（或目录下的全部 .toml 草稿）。有错误时退出码为 1，否则为 0。',
        args=(
            A(('files',), nargs='+', metavar='FILE_OR_DIR', help='草稿文件或目录'),
            A(('--format',), choices=['text', 'json'], default='text', help='输出格式：text（默认，可读报告）或 json'),
        ),
    ),
    Cmd('rules', 'commands.inspect:cmd_rules', help='列出全部检查规则，或解释一条规则', description='不带参数列出全部规则；perfdraft rules PD106 解释这条规则的含义、原因、例子和改法。',
        args=(
            A(('code',), nargs='?', help='规则编号，如 PD106'),
        ),
    ),
    Cmd('show', 'commands.inspect:cmd_show', help='在终端显示草稿的表格', description='按标准表格显示部门整体目标和各项目绩效目标表，中日韩文字按双倍宽度对齐。',
        args=(
            A(('file',), help='草稿文件'),
            A(('--project',), type=int, help='只显示第 N 个项目（从 1 开始）'),
            A(('--width',), type=int, help='表格宽度（字符格数），默认为终端宽度'),
            A(('--ascii',), action='store_true', help='表格中把 ≥ ≤ 显示为 >= <=（中文终端把它们画成双宽时用）'),
        ),
    ),
    Cmd('new', 'commands.drafting:cmd_new', help='新建空白草稿（不覆盖已有文件）', description='新建一个有效的空白草稿文件。',
        args=(
            A(('file',), help='新草稿的文件名，如 2026-社保局.toml'),
            A(('--year',), type=int, help='预算年度，默认为明年'),
            A(('--framework',), choices=['local-2015', 'central-2021'], default='local-2015', help='指标框架'),
            A(('--profile',), choices=PROFILE_IDS, metavar='ID', help='表格样式（perfdraft profiles 列出全部；默认随指标框架）'),
        ),
    ),
    Cmd('demo', 'commands.drafting:cmd_demo', help='在临时目录打开示例草稿（顺平县社保局 2020），随意试用', description='把示例草稿复制到临时目录并打开；不会写入安装目录。',
        args=(
            A(('--print',), action='store_true', help='不打开界面，只显示表格和检查结果'),
            A(('--width',), type=int, help='--print 时的表格宽度'),
            A(('--line',), action='store_true', help='用行模式打开'),
            A(('--mouse',), action=argparse.BooleanOptionalAction, default=None, help='启用/关闭鼠标（SSH 下默认关闭）'),
            A(('--ascii',), action='store_true', help='表格中把 ≥ ≤ 显示为 >= <='),
            A(('--catalogue',), help='本单位指标库目录（合并到内置指标库）'),
        ),
    ),
    Cmd('edit', 'commands.drafting:cmd_edit', help='打开草稿（不存在时新建）', description='在全屏界面中打开草稿；TERM=dumb 或 --line 时用行模式。',
        args=(
            A(('file',), help='草稿文件'),
            A(('--year',), type=int, help='新建时的预算年度'),
            A(('--line',), action='store_true', help='用行模式打开'),
            A(('--mouse',), action=argparse.BooleanOptionalAction, default=None, help='启用/关闭鼠标（SSH 下默认关闭）'),
            A(('--ascii',), action='store_true', help='表格中把 ≥ ≤ 显示为 >= <='),
            A(('--catalogue',), help='本单位指标库目录'),
        ),
    ),
    Cmd('line', 'commands.drafting:cmd_line', help='行模式：逐行问答起草（哑终端、慢速连接、管道输入）', description='逐行问答起草草稿。标准输入不是终端时，每行读取一个回答。',
        args=(
            A(('file',), help='草稿文件（不存在时新建）'),
            A(('--year',), type=int, help='新建时的预算年度'),
            A(('--catalogue',), help='本单位指标库目录'),
        ),
    ),
    Cmd('locate', 'commands.inspect:cmd_locate', help='显示配置、历史、最近草稿和缓存的存放位置',
    ),
    Cmd('catalogue', None, help='指标库：搜索、查看模板、检查数据', description='内置指标库及本单位指标库。',
        sub=(
            Cmd('search', 'catalogue_cli:cmd_search', help='按项目名称（或拼音）搜索模板',
                args=(
                    A(('query',), help='项目名称、关键词或拼音（如 cxjmyl、yanglao）'),
                    A(('--limit',), type=positive_count, default=8, help='最多显示几条（默认 8）'),
                    A(('--format',), choices=['text', 'json'], default='text'),
                    A(('--catalogue',), help='本单位指标库目录'),
                ),
            ),
            Cmd('show', 'catalogue_cli:cmd_show', help='显示一个模板及其指标',
                args=(
                    A(('id',), help='模板编号，如 si-urban-rural-pension'),
                    A(('--catalogue',), help='本单位指标库目录'),
                ),
            ),
            Cmd('lint', 'catalogue_cli:cmd_lint', help='检查指标库数据（格式、编号、层级、单位、典型值、覆盖）',
                args=(
                    A(('dir',), nargs='?', help='要检查的目录（默认内置指标库）'),
                ),
            ),
        ),
    ),
    Cmd('export', 'exporters.command:cmd_export', help='导出为标准表格：xlsx、docx、pdf、csv、md', description='把草稿导出为财政部门要求的格式。',
        args=(
            A(('files',), nargs='+', metavar='FILE_OR_DIR', help='草稿文件或目录'),
            A(('--to',), required=True, choices=EXPORT_FORMATS,
              help='导出格式（pdf 由 LibreOffice 打印 docx 生成）'),
            A(('-o', '--output',), help='输出文件（单个草稿）或目录（多个草稿）'),
            A(('--force',), action='store_true', help='覆盖已存在的输出文件'),
            A(('--strict',), action='store_true', help='草稿有错误时拒绝导出'),
            A(('--layout',), choices=ProfileIds('standard', 'hubei'), default=None, metavar='LAYOUT',
              help='standard/hubei：预算系统导入列（csv、xlsx）；表格样式编号：按该样式的表格导出（默认草稿自己的样式）'),
            A(('--format',), choices=['text', 'json'], default='text', help='汇总输出格式'),
        ),
    ),
    Cmd('import', 'importers.command:cmd_import', help='从去年的 xlsx、xls、ods、docx、doc、odt、rtf、PDF、网页或文本表格导入草稿', description='读取去年的绩效目标表，生成草稿。',
        args=(
            A(('files',), nargs='+', help='去年的表格：xlsx、xls（含 Excel 2003 XML）、ods、docx、doc（含 WPS 的 .wps）、odt、rtf、pdf、网页（html、mht）、csv 或文本文件；- 为标准输入（粘贴或管道传入的文本）'),
            A(('-o', '--output',), required=True, help='生成的草稿文件'),
            A(('--year',), type=int, help='预算年度（默认从文件推断）'),
            A(('--force',), action='store_true', help='覆盖已存在的草稿'),
            A(('--split-doc-number',), action='store_true', help='把项目名称中的文号移到文号栏（【】改为〔〕）'),
        ),
    ),
    Cmd('clone', 'clone:cmd_clone', help='以去年的草稿为底稿新建今年的草稿',
        args=(
            A(('file',), help='去年的草稿'),
            A(('-o', '--output',), required=True, help='今年的草稿文件'),
            A(('--year',), type=int, help='新年度（默认为去年 + 1）'),
        ),
    ),
    Cmd('migrate', 'migrate:cmd_migrate', help='在 local-2015 与 central-2021 指标框架之间迁移',
        args=(
            A(('file',), help='草稿文件（就地修改，保留备份）'),
            A(('--to',), required=True, choices=['local-2015', 'central-2021'], help='目标框架'),
            A(('-o', '--output',), help='另存为（默认覆盖原文件并保留 .bak）'),
            A(('--force',), action='store_true', help='-o 指向已存在的文件时覆盖它（保留 .bak）'),
        ),
    ),
    Cmd('unlock', 'unlock:cmd_unlock', help='解除草稿的锁（确认编辑它的会话已经结束后）',
        description='草稿被另一台主机上的会话、或已不存在的会话锁住时，确认对方已结束后解除锁。',
        args=(
            A(('file',), help='草稿文件'),
            A(('--yes',), action='store_true', help='不询问，直接解除（脚本中使用）'),
        ),
    ),
    Cmd('fill', 'fill:cmd_fill', help='不经问答，按答案文件或 --set 填写草稿',
        args=(
            A(('file',), help='草稿文件（不存在时新建）'),
            A(('--answers',), help='答案文件（TOML）'),
            A(('--set',), action='append', default=[], metavar='PATH=VALUE', help='如 projects[0].budget.other=0，可重复'),
            A(('--defaults',), action='store_true', help='接受所有无需输入的建议'),
            A(('--year',), type=int, help='新建时的预算年度'),
        ),
    ),
    Cmd('serve', 'serve:cmd_serve', help='在浏览器中使用（textual-serve 网页版，默认只允许本机访问）',
        description='在浏览器中打开同一个起草界面。每个浏览器会话在 --dir 下有自己的目录和草稿。'
                    '没有登录认证：默认只监听 127.0.0.1；要给局域网使用，请放在本单位的反向代理后面。',
        args=(
            A(('--host',), default='127.0.0.1', help='监听地址（默认 127.0.0.1，仅本机）'),
            A(('--port',), type=int, default=8000, help='端口（默认 8000）'),
            A(('--dir',), help='草稿根目录（默认在数据目录下的 web/，见 perfdraft locate）'),
            A(('--demo',), action='store_true', help='每个会话打开示例草稿的临时副本，而不是新草稿'),
            A(('--public-url',), help='浏览器实际访问的地址（在反向代理后面时用），如 https://example.org/perfdraft'),
            A(('--catalogue',), help='本单位指标库目录'),
        ),
    ),
    Cmd('completion', 'completion:cmd_completion', help='输出 shell 补全脚本（bash、zsh）',
        description='输出 shell 补全脚本。bash：perfdraft completion bash > ~/.local/share/bash-completion/completions/perfdraft；'
                    'zsh：perfdraft completion zsh > ~/.zfunc/_perfdraft（并在 ~/.zshrc 中把 ~/.zfunc 加入 fpath）。',
        args=(
            A(('shell',), choices=['bash', 'zsh'], help='shell 类型'),
        ),
    ),
    Cmd('profiles', 'commands.inspect:cmd_profiles', help='列出表格样式（各省各类表格的栏目和指标框架）',
        description='不带参数列出全部表格样式；perfdraft profiles hebei-2020 显示一种样式的栏目、框架和签章栏。',
        args=(
            A(('id',), nargs='?', help='表格样式编号，如 central-2021'),
        ),
    ),
)


def handler(spec: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        module, func = spec.split(":")
        return int(getattr(importlib.import_module(f"perfdraft.{module}"), func)(args))

    return run


def _add(sub: Any, cmd: Cmd) -> None:
    p = sub.add_parser(cmd.name, help=cmd.help, description=cmd.description or cmd.help)
    for a in cmd.args:
        p.add_argument(*a.flags, **a.kwargs)
    if cmd.sub:
        inner = p.add_subparsers(dest=f"{cmd.name}_command", metavar="子命令")
        for c in cmd.sub:
            _add(inner, c)
    if cmd.handler:
        p.set_defaults(func=handler(cmd.handler))
    else:
        p.set_defaults(func=lambda a: (p.print_help(), EXIT_OK)[1])


def _chosen(argv: list[str] | None) -> str | None:
    """The command named in ``argv`` (its first word that is not an option), if it is one of ours."""
    for word in argv or ():
        if word in ("-h", "--help", "--version"):
            return None
        if not word.startswith("-"):
            return word if any(c.name == word for c in COMMANDS) else None
    return None


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The whole parser; given the command line, only the sub-parser of the command it names (start-up:
    building all of them cost more than opening the draft)."""
    from ..argparse_zh import ChineseArgumentParser  # usage, -h and errors in Chinese (issue 18)

    parser = ChineseArgumentParser(
        prog="perfdraft",
        description="perfdraft：项目支出绩效目标表与部门整体绩效目标的起草助手。不带参数运行时打开开始界面。",
        epilog="先试试：perfdraft demo（在临时目录里打开示例草稿，随意修改）",
    )
    parser.add_argument("--line", action="store_true", help="使用行模式（哑终端、慢速连接）")
    parser.add_argument("--version", action="version", version=f"perfdraft {__version__}", help="显示版本号并退出")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    chosen = _chosen(argv)
    for cmd in COMMANDS:
        if chosen is None or cmd.name == chosen:
            _add(sub, cmd)
    return parser
