"""The single entry point: ``perfdraft`` and ``python -m perfdraft``.

Only argparse and the standard library are imported at start; each command imports what it
needs when it runs, so ``perfdraft --help`` stays fast and loads no UI library.
Exit codes: 0 fine, 1 the draft has errors (or a run stopped on a rejected answer), 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

EXIT_OK, EXIT_FINDINGS, EXIT_BAD_INPUT = 0, 1, 2


class UsageError(Exception):
    """Bad input from the command line: one line for the user, exit 2."""


def _err(message: str) -> None:
    print(f"perfdraft: {message}", file=sys.stderr)


# --- commands -----------------------------------------------------------------------------------


def _expand(paths: list[str]) -> list[Path]:
    """Files as given; a directory stands for the *.toml drafts inside it (recursively)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(x for x in p.rglob("*.toml") if not x.name.startswith("."))
            if not found:
                raise UsageError(f"{p}：目录中没有 .toml 草稿")
            out.extend(found)
        else:
            out.append(p)
    return out


def cmd_check(args: argparse.Namespace) -> int:
    from . import checks, drafts, render
    from .progress import Progress

    files = _expand(args.files)
    results = []
    bad: list[str] = []
    progress = Progress(len(files), "检查", enabled=len(files) > 1 and args.format == "text")
    for path in files:
        try:
            draft = drafts.load(path)
        except drafts.DraftError as exc:
            bad.append(str(exc))
            progress.step()
            continue
        results.append((path, draft, checks.check_draft(draft)))
        progress.step()
    progress.close()
    if args.format == "json":
        payload = {"findings": [dict(file=str(p), **f.as_dict()) for p, _, fs in results for f in fs]}
        if bad:
            payload["errors"] = bad
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        for path, draft, fs in results:
            if fs:
                print("\n".join(render.report(draft, fs, str(path))))
            e, w, h = checks.counts(fs)
            print(f"{path}：{e} 个错误，{w} 个警告，{h} 条提示")
        if len(results) > 1:
            print(_summary_table(results))
    for message in bad:
        _err(message)
    if bad:
        return EXIT_BAD_INPUT
    return EXIT_FINDINGS if any(f.severity == "error" for _, _, fs in results for f in fs) else EXIT_OK


def _summary_table(results) -> str:
    from . import checks, render

    rows = []
    for path, draft, fs in results:
        e, w, h = checks.counts(fs)
        rows.append([str(path), str(len(draft.projects)), str(e), str(w), str(h)])
    widths = [max(20, max(render.cell_len(r[0]) for r in rows)), 6, 6, 6, 6]
    lines = render.grid(["草稿", "项目数", "错误", "警告", "提示"], rows, widths)
    return "\n".join(["汇总："] + lines)


def cmd_rules(args: argparse.Namespace) -> int:
    from .rules import RULES, SEVERITY_LABELS

    if args.code:
        code = args.code.upper()
        if code not in RULES:
            raise UsageError(f"没有规则 {args.code}；运行 perfdraft rules 查看全部规则")
        r = RULES[code]
        print(f"{r.code}（{SEVERITY_LABELS[r.severity]}，范围：{_SCOPES[r.scope]}）")
        print(f"含义：{r.title}")
        print(f"原因：{r.why}")
        if r.example:
            print(f"例子：{r.example}")
        if r.fix:
            print(f"改为：{r.fix}")
        return EXIT_OK
    for r in RULES.values():
        print(f"{r.code}  {SEVERITY_LABELS[r.severity]}  {_SCOPES[r.scope]:4}  {r.title}")
    return EXIT_OK


_SCOPES = {"value": "指标值", "indicator": "指标", "project": "项目", "department": "部门"}


def cmd_show(args: argparse.Namespace) -> int:
    from . import drafts, render

    draft = drafts.load(args.file)
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    lines = render.department_text(draft, width)
    for i, p in enumerate(draft.projects):
        if args.project is not None and i != args.project - 1:
            continue
        lines.append("")
        lines += render.project_table(p, i, width, ascii_ops=args.ascii)
    print("\n".join(lines))
    return EXIT_OK


def cmd_new(args: argparse.Namespace) -> int:
    from . import drafts

    path = Path(args.file)
    if path.exists():
        raise UsageError(f"{path}：文件已存在，未覆盖（换一个文件名，或用 perfdraft edit 打开它）")
    draft = drafts.new_draft(args.year)
    draft.framework = args.framework
    drafts.save(draft, path)
    print(f"已新建空白草稿 {path}（{draft.year} 年度，{draft.framework}）")
    return EXIT_OK


def demo_copy() -> Path:
    """A fresh copy of the seed draft in a temporary directory: never inside the installed package."""
    from importlib import resources

    target_dir = Path(tempfile.mkdtemp(prefix="perfdraft-demo-"))
    target = target_dir / "顺平县社保局-2020-示例.toml"
    target.write_bytes(resources.files("perfdraft.data").joinpath("demo.toml").read_bytes())
    return target


def cmd_demo(args: argparse.Namespace) -> int:
    path = demo_copy()
    if args.print or not _interactive():
        print(f"示例草稿已复制到 {path}（可随意修改）")
        ns = argparse.Namespace(file=str(path), width=args.width, project=None, ascii=False)
        cmd_show(ns)
        print()
        return cmd_check(argparse.Namespace(files=[str(path)], format="text"))
    args.findings_first = True  # the demo opens on its findings: the defects are the point
    return _open_editor(path, args)


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _open_editor(path: Path, args: argparse.Namespace) -> int:
    """Open a draft in the TUI, or in the line mode on a dumb terminal / with --line."""
    line = getattr(args, "line", False) or os.environ.get("TERM", "") in ("dumb", "") or not _interactive()
    if line:
        from .line import run_line

        return run_line(path, catalogue_dir=getattr(args, "catalogue", None))
    from .tui.app import run_app

    return run_app(path, mouse=_mouse_default(args), catalogue_dir=getattr(args, "catalogue", None),
                   ascii_ops=getattr(args, "ascii", False), findings_first=getattr(args, "findings_first", False))


def _mouse_default(args: argparse.Namespace) -> bool:
    if getattr(args, "mouse", None) is not None:
        return bool(args.mouse)
    # Over SSH every mouse move is bytes on the wire, and a dropped link leaves the local terminal
    # printing mouse reports: keep the mouse off there unless asked.
    return not any(os.environ.get(v) for v in ("SSH_CONNECTION", "SSH_CLIENT", "SSH_TTY"))


def create_if_missing(path: Path, year: int | None) -> bool:
    """A new, empty draft at ``path`` when there is no file there (True); an existing file is left alone."""
    from . import drafts

    if path.exists():
        return False
    if not path.parent.is_dir():
        raise UsageError(f"{path}：目录 {path.parent} 不存在")
    drafts.save(drafts.new_draft(year), path)
    return True


def cmd_edit(args: argparse.Namespace) -> int:
    from . import drafts

    path = Path(args.file)
    if create_if_missing(path, args.year):
        print(f"已新建草稿 {path}")
    else:
        drafts.load(path)  # fail here, before any screen opens, with line and column
    return _open_editor(path, args)


def cmd_start(args: argparse.Namespace) -> int:
    if not _interactive() or os.environ.get("TERM", "") in ("dumb", ""):
        build_parser().print_help()
        return EXIT_OK
    from .tui.app import run_start

    return run_start(mouse=_mouse_default(args))


def cmd_locate(args: argparse.Namespace) -> int:
    from . import locations

    for label, path in locations.all_locations().items():
        print(f"{label}: {path}")
    return EXIT_OK


def cmd_line(args: argparse.Namespace) -> int:
    from . import drafts

    path = Path(args.file)
    if not create_if_missing(path, args.year):
        drafts.load(path)
    from .line import run_line

    return run_line(path, catalogue_dir=args.catalogue)


def _delegate(module: str, func: str) -> Callable[[argparse.Namespace], int]:
    def run(args: argparse.Namespace) -> int:
        import importlib

        return getattr(importlib.import_module(f"perfdraft.{module}"), func)(args)

    return run


# --- parser ---------------------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="perfdraft",
        description="perfdraft：项目支出绩效目标表与部门整体绩效目标的起草助手。不带参数运行时打开开始界面。",
        epilog="先试试：perfdraft demo（在临时目录里打开示例草稿，随意修改）",
    )
    parser.add_argument("--line", action="store_true", help="使用行模式（哑终端、慢速连接）")
    sub = parser.add_subparsers(dest="command", metavar="命令")

    p = sub.add_parser("check", help="检查草稿，按项目列出问题", description="检查一个或多个草稿（或目录下的全部 .toml 草稿）。"
                       "有错误时退出码为 1，否则为 0。")
    p.add_argument("files", nargs="+", metavar="FILE_OR_DIR", help="草稿文件或目录")
    p.add_argument("--format", choices=["text", "json"], default="text", help="输出格式：text（默认，可读报告）或 json")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("rules", help="列出全部检查规则，或解释一条规则", description="不带参数列出全部规则；"
                       "perfdraft rules PD106 解释这条规则的含义、原因、例子和改法。")
    p.add_argument("code", nargs="?", help="规则编号，如 PD106")
    p.set_defaults(func=cmd_rules)

    p = sub.add_parser("show", help="在终端显示草稿的表格", description="按标准表格显示部门整体目标和各项目绩效目标表，中日韩文字按双倍宽度对齐。")
    p.add_argument("file", help="草稿文件")
    p.add_argument("--project", type=int, help="只显示第 N 个项目（从 1 开始）")
    p.add_argument("--width", type=int, help="表格宽度（字符格数），默认为终端宽度")
    p.add_argument("--ascii", action="store_true", help="表格中把 ≥ ≤ 显示为 >= <=（中文终端把它们画成双宽时用）")
    p.set_defaults(func=cmd_show)

    p = sub.add_parser("new", help="新建空白草稿（不覆盖已有文件）", description="新建一个有效的空白草稿文件。")
    p.add_argument("file", help="新草稿的文件名，如 2026-社保局.toml")
    p.add_argument("--year", type=int, help="预算年度，默认为明年")
    p.add_argument("--framework", choices=["local-2015", "central-2021"], default="local-2015", help="指标框架")
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("demo", help="在临时目录打开示例草稿（顺平县社保局 2020），随意试用",
                       description="把示例草稿复制到临时目录并打开；不会写入安装目录。")
    p.add_argument("--print", action="store_true", help="不打开界面，只显示表格和检查结果")
    p.add_argument("--width", type=int, help="--print 时的表格宽度")
    p.add_argument("--line", action="store_true", help="用行模式打开")
    p.add_argument("--mouse", action=argparse.BooleanOptionalAction, default=None, help="启用/关闭鼠标（SSH 下默认关闭）")
    p.add_argument("--ascii", action="store_true", help="表格中把 ≥ ≤ 显示为 >= <=")
    p.add_argument("--catalogue", help="本单位指标库目录（合并到内置指标库）")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("edit", help="打开草稿（不存在时新建）", description="在全屏界面中打开草稿；TERM=dumb 或 --line 时用行模式。")
    p.add_argument("file", help="草稿文件")
    p.add_argument("--year", type=int, help="新建时的预算年度")
    p.add_argument("--line", action="store_true", help="用行模式打开")
    p.add_argument("--mouse", action=argparse.BooleanOptionalAction, default=None, help="启用/关闭鼠标（SSH 下默认关闭）")
    p.add_argument("--ascii", action="store_true", help="表格中把 ≥ ≤ 显示为 >= <=")
    p.add_argument("--catalogue", help="本单位指标库目录")
    p.set_defaults(func=cmd_edit)

    p = sub.add_parser("line", help="行模式：逐行问答起草（哑终端、慢速连接、管道输入）",
                       description="逐行问答起草草稿。标准输入不是终端时，每行读取一个回答。")
    p.add_argument("file", help="草稿文件（不存在时新建）")
    p.add_argument("--year", type=int, help="新建时的预算年度")
    p.add_argument("--catalogue", help="本单位指标库目录")
    p.set_defaults(func=cmd_line)

    p = sub.add_parser("locate", help="显示配置、历史、最近草稿和缓存的存放位置")
    p.set_defaults(func=cmd_locate)

    p = sub.add_parser("catalogue", help="指标库：搜索、查看模板、检查数据", description="内置指标库及本单位指标库。")
    csub = p.add_subparsers(dest="catalogue_command", metavar="子命令")
    c = csub.add_parser("search", help="按项目名称（或拼音）搜索模板")
    c.add_argument("query", help="项目名称、关键词或拼音（如 cxjmyl、yanglao）")
    c.add_argument("--limit", type=int, default=8, help="最多显示几条（默认 8）")
    c.add_argument("--format", choices=["text", "json"], default="text")
    c.add_argument("--catalogue", help="本单位指标库目录")
    c.set_defaults(func=_delegate("catalogue_cli", "cmd_search"))
    c = csub.add_parser("show", help="显示一个模板及其指标")
    c.add_argument("id", help="模板编号，如 si-urban-rural-pension")
    c.add_argument("--catalogue", help="本单位指标库目录")
    c.set_defaults(func=_delegate("catalogue_cli", "cmd_show"))
    c = csub.add_parser("lint", help="检查指标库数据（格式、编号、层级、单位、典型值、覆盖）")
    c.add_argument("dir", nargs="?", help="要检查的目录（默认内置指标库）")
    c.set_defaults(func=_delegate("catalogue_cli", "cmd_lint"))
    p.set_defaults(func=lambda a: (p.print_help(), EXIT_OK)[1])

    p = sub.add_parser("export", help="导出为标准表格：xlsx、docx、csv、md", description="把草稿导出为财政部门要求的格式。")
    p.add_argument("files", nargs="+", metavar="FILE_OR_DIR", help="草稿文件或目录")
    p.add_argument("--to", required=True, choices=["xlsx", "docx", "csv", "md"], help="导出格式")
    p.add_argument("-o", "--output", help="输出文件（单个草稿）或目录（多个草稿）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的输出文件")
    p.add_argument("--strict", action="store_true", help="草稿有错误时拒绝导出")
    p.add_argument("--layout", choices=["standard", "hubei"], default="standard", help="csv 列布局（hubei：湖北扩展列）")
    p.add_argument("--format", choices=["text", "json"], default="text", help="汇总输出格式")
    p.set_defaults(func=_delegate("exporters.command", "cmd_export"))

    p = sub.add_parser("import", help="从去年的 xlsx、docx 或文本表格导入草稿", description="读取去年的绩效目标表，生成草稿。")
    p.add_argument("files", nargs="+", help="xlsx、docx、txt 文件")
    p.add_argument("-o", "--output", required=True, help="生成的草稿文件")
    p.add_argument("--year", type=int, help="预算年度（默认从文件推断）")
    p.add_argument("--force", action="store_true", help="覆盖已存在的草稿")
    p.add_argument("--split-doc-number", action="store_true", help="把项目名称中的文号移到文号栏（【】改为〔〕）")
    p.set_defaults(func=_delegate("importers.command", "cmd_import"))

    p = sub.add_parser("clone", help="以去年的草稿为底稿新建今年的草稿")
    p.add_argument("file", help="去年的草稿")
    p.add_argument("-o", "--output", required=True, help="今年的草稿文件")
    p.add_argument("--year", type=int, help="新年度（默认为去年 + 1）")
    p.set_defaults(func=_delegate("clone", "cmd_clone"))

    p = sub.add_parser("migrate", help="在 local-2015 与 central-2021 指标框架之间迁移")
    p.add_argument("file", help="草稿文件（就地修改，保留备份）")
    p.add_argument("--to", required=True, choices=["local-2015", "central-2021"], help="目标框架")
    p.add_argument("-o", "--output", help="另存为（默认覆盖原文件并保留 .bak）")
    p.set_defaults(func=_delegate("migrate", "cmd_migrate"))

    p = sub.add_parser("fill", help="不经问答，按答案文件或 --set 填写草稿")
    p.add_argument("file", help="草稿文件（不存在时新建）")
    p.add_argument("--answers", help="答案文件（TOML）")
    p.add_argument("--set", action="append", default=[], metavar="PATH=VALUE", help="如 projects[0].budget.other=0，可重复")
    p.add_argument("--defaults", action="store_true", help="接受所有无需输入的建议")
    p.add_argument("--year", type=int, help="新建时的预算年度")
    p.set_defaults(func=_delegate("fill", "cmd_fill"))
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        if args.line:
            parser.error("--line 需要配合 edit、demo 或 line FILE 使用")
        return cmd_start(args)
    from .drafts import DraftError

    try:
        return args.func(args)
    except (DraftError, UsageError) as exc:
        _err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        _err("已中断")
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
