"""Commands that read drafts and print: check, rules, show, locate, profiles."""

from __future__ import annotations

import argparse
import json
import os
import shutil
from pathlib import Path

from ..cells import visible
from ..errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, UsageError, err


def expand_paths(paths: list[str]) -> list[Path]:
    """Files as given; a directory stands for the *.toml drafts inside it (recursively)."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            # not inside hidden folders (.git, .local/share/perfdraft/rescued): those are not the user's drafts
            # regular files only: a FIFO named *.toml blocked the whole run. A dangling link is kept so the
            # loader names it (skipped, the user's moved draft went unchecked without a word).
            found = sorted(x for x in p.rglob("*.toml")
                           if not any(part.startswith(".") for part in x.relative_to(p).parts)
                           and (x.is_file() or (x.is_symlink() and not x.exists())))
            if not found:
                if not os.access(p, os.R_OK | os.X_OK):
                    raise UsageError(f"{p}：目录没有读取权限，无法列出其中的草稿")
                raise UsageError(f"{p}：目录中没有 .toml 草稿")
            out.extend(found)
        else:
            out.append(p)
    return out


def cmd_check(args: argparse.Namespace) -> int:
    from .. import checks, drafts
    from ..progress import Progress

    files = expand_paths(args.files)
    results = []
    bad: list[str] = []
    progress = Progress(len(files), "检查", enabled=len(files) > 1 and args.format == "text")
    unknown: list[str] = []
    for path in files:
        try:
            draft, keys = drafts.load_noting_unknown(path)
        except drafts.DraftError as exc:
            bad.append(str(exc))
            progress.step()
            continue
        if keys:
            unknown.append(_unknown_note(path, keys))
        results.append((path, draft, checks.check_draft(draft)))
        progress.step()
    progress.close()
    for note in unknown:
        err(note)
    code = EXIT_BAD_INPUT if bad else (
        EXIT_FINDINGS if any(f.severity == "error" for _, _, fs in results for f in fs) else EXIT_OK)
    try:
        _print_check(args, results, bad)
    except BrokenPipeError:
        # `check d.toml | head`: the reader stopped early; the verdict is still the draft's (it had become 0)
        _quiet_stdout()
    for message in bad:
        err(message)
    return code


def _unknown_note(path: Path, keys: list[str]) -> str:
    """Keys the checker does not read, each with the key it most likely meant."""
    from ..drafts_unknown import meant_key

    shown = []
    for key in keys[:5]:
        meant = meant_key(key)
        shown.append(f"{key}（是否指 {meant}？）" if meant and meant != key.rsplit(".", 1)[-1] else key)
    more = f" 等 {len(keys)} 处" if len(keys) > 5 else ""
    return (f"注意：{path} 中有 perfdraft 不认识的键：{'、'.join(shown)}{more}；其中的内容不会被检查、显示或导出，"
            "请改成正确的键名")


def _quiet_stdout() -> None:
    """After a broken pipe, stdout's buffered rest goes nowhere instead of raising again at exit."""
    import sys

    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)


def _print_check(args: argparse.Namespace, results: list, bad: list[str]) -> None:
    """The report: each draft's findings and counts (a summary table for several), or JSON."""
    from .. import checks, render

    if args.format == "json":
        payload: dict[str, object] = {"findings": [dict(file=str(p), **f.as_dict()) for p, _, fs in results for f in fs]}
        if bad:
            payload["errors"] = bad
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    else:
        for path, draft, fs in results:
            if fs:
                print(visible("\n".join(render.report(draft, fs, str(path)))))
            e, w, h = checks.counts(fs)
            print(f"{path}：{e} 个错误，{w} 个警告，{h} 条提示")
        if len(results) > 1:
            print(_summary_table(results))


def _summary_table(results) -> str:
    from .. import checks, render

    rows = []
    for path, draft, fs in results:
        e, w, h = checks.counts(fs)
        rows.append([str(path), str(len(draft.projects)), str(e), str(w), str(h)])
    widths = [max(20, max(render.cell_len(r[0]) for r in rows)), 6, 6, 6, 6]
    lines = render.grid(["草稿", "项目数", "错误", "警告", "提示"], rows, widths)
    return "\n".join(["汇总："] + lines)


def cmd_rules(args: argparse.Namespace) -> int:
    from ..rules import RULES, SEVERITY_LABELS

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
    from .. import drafts, render

    if args.width is not None and args.width <= 0:
        raise UsageError(f"--width {args.width}：宽度应为正整数（字符格数，如 --width 120）")
    draft = drafts.load(args.file)
    if args.project is not None and not 1 <= args.project <= len(draft.projects):
        have = f"第 1–{len(draft.projects)} 个" if draft.projects else "还没有项目"
        raise UsageError(f"{args.file}：没有第 {args.project} 个项目（草稿中{have}；--project 从 1 数起）")
    width = args.width or shutil.get_terminal_size((100, 24)).columns
    # --width 100000000 hung building padded lines (issue 19, item 14): a table is drawn 40–1000 wide.
    width = max(40, min(width, 1000))
    lines = render.department_text(draft, width)
    for i, p in enumerate(draft.projects):
        if args.project is not None and i != args.project - 1:
            continue
        lines.append("")
        lines += render.project_table(p, i, width, ascii_ops=args.ascii)
    print(visible("\n".join(lines)))
    return EXIT_OK


def cmd_locate(args: argparse.Namespace) -> int:
    from .. import locations

    for label, path in locations.all_locations().items():
        print(f"{label}: {path}")
    return EXIT_OK


def cmd_profiles(args: argparse.Namespace) -> int:
    from .. import fields, frameworks, profiles

    if args.id and args.id not in profiles.PROFILES:
        raise UsageError(f"没有表格样式 {args.id}；运行 perfdraft profiles 查看全部")
    chosen = [profiles.PROFILES[args.id]] if args.id else list(profiles.PROFILES.values())
    for p in chosen:
        print(f"{p.id}  {p.title}")
        if not args.id:
            continue
        print(f"  指标框架：{frameworks.get(p.framework).title}")
        print(f"  指标栏目：{' | '.join(fields.FIELDS[k].label for k in p.columns)}")
        print(f"  表头栏目：{' | '.join(fields.FIELDS[k].label for k in p.header)}")
        if p.signoff:
            print(f"  签章栏：{' | '.join(p.signoff)}")
        print(f"  说明：{p.summary}")
    return EXIT_OK
