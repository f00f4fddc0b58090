"""``perfdraft export FILE… --to xlsx|docx|csv|md [-o PATH]``.

Order of work, so that bad input leaves nothing behind: load every draft, plan and check every
output path, and only then render and write (each file atomically). Exit codes: 0 exported; 1 some
draft refused under ``--strict``; 2 bad input (cli.main turns UsageError/DraftError into 2).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path

from ..checks import Finding, check_draft
from ..commands import EXPORT_FORMATS
from ..commands.inspect import expand_paths as _expand
from ..drafts import load
from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError
from ..model import Draft
from ..progress import Progress
from ..rules import ERROR
from . import render
from .csv_export import IMPORT_LAYOUTS
from .pdf import PdfError, find_office, office_missing_message
from .safety import check_target, rendering, write_output

MAX_LISTED = 5  # codes/paths listed in the one-line error notice


@dataclass
class Job:
    source: Path
    output: Path  # as shown to the user
    target: Path  # where we write: the real directory + the file name
    draft: Draft | None = None
    errors: list[Finding] = field(default_factory=list)
    warnings: list[Finding] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    status: str = "pending"


def _target(path: Path) -> Path:
    """The path we write: the directory resolved (symlinked directories are fine), the name as given."""
    parent = path.parent if str(path.parent) else Path(".")
    return parent.resolve() / path.name


def plan_outputs(files: list[Path], output: str | None, fmt: str) -> list[Job]:
    suffix = f".{fmt}"
    jobs: list[Job] = []
    if output is not None:
        out = Path(output)
        is_dir = out.is_dir()
        if len(files) > 1:
            if not out.exists():
                raise UsageError(f"{out}：目录不存在（导出多个草稿时 -o 应为已存在的目录）")
            if not is_dir:
                raise UsageError(f"{out}：不是目录（导出多个草稿时 -o 应为目录）")
            jobs = [Job(f, out / (f.stem + suffix), out.resolve() / (f.stem + suffix)) for f in files]
        elif is_dir:
            f = files[0]
            jobs = [Job(f, out / (f.stem + suffix), out.resolve() / (f.stem + suffix))]
        else:
            _check_suffix(out, fmt)
            jobs = [Job(files[0], out, _target(out))]
    else:
        jobs = [Job(f, f.with_name(f.stem + suffix), _target(f.with_name(f.stem + suffix))) for f in files]
    seen: dict[Path, Path] = {}
    for job in jobs:
        if job.target in seen:
            raise UsageError(f"{seen[job.target]} 与 {job.source} 会导出到同一文件 {job.output}，请分开导出")
        seen[job.target] = job.source
        if _same_file(job.source, job.target):
            raise UsageError(f"{job.output}：输出文件就是草稿本身，未覆盖（请用 -o 指定其他文件名）")
    return jobs


# A file named for an office format opens in that program and shows as broken (a docx named out.xlsx);
# other names (out.txt for md, no suffix) are written with a note below. Drafts (.toml) have their own guard.
_OFFICE_SUFFIXES = frozenset({".xlsx", ".xls", ".et", ".ods", ".docx", ".doc", ".wps", ".odt", ".pdf"})


def _check_suffix(out: Path, fmt: str) -> None:
    suffix = out.suffix.lower()
    if suffix in _OFFICE_SUFFIXES and suffix != f".{fmt}":
        other = f"，或用 --to {suffix[1:]}" if suffix[1:] in EXPORT_FORMATS else ""
        raise UsageError(f"-o {out}：扩展名 {out.suffix} 与 --to {fmt} 不符，打开时会被当作别的格式；"
                         f"改为 -o {out.with_suffix('.' + fmt)}{other}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return False


def _listing(findings: list[Finding], draft: Draft | None) -> str:
    """The first findings as code and place in words (``PD104 项目 1 · 第 7 条「…」· 指标值``)."""
    from ..places import place_text

    shown = "、".join(f"{f.code} {place_text(draft, f.path) if draft is not None else f.path}"
                     for f in findings[:MAX_LISTED])
    more = f" 等 {len(findings)} 处" if len(findings) > MAX_LISTED else ""
    return shown + more


def cmd_export(args: argparse.Namespace) -> int:
    fmt = args.to
    files = _expand(args.files)
    if not files:
        raise UsageError("没有要导出的草稿")
    jobs = plan_outputs(files, args.output, fmt)
    for job in jobs:  # every draft loads before anything is written
        job.draft = load(job.source)
    for job in jobs:
        problem = check_target(job.target, force=args.force)
        if problem:
            raise UsageError(problem.replace(str(job.target), str(job.output), 1))
    notes: list[str] = []
    layout = args.layout
    if layout in IMPORT_LAYOUTS and fmt not in ("csv", "xlsx"):
        notes.append(f"--layout {layout} 是预算系统导入列，只对 csv 和 xlsx 有效，已按草稿的表格样式导出")
        layout = None
    elif layout is not None and layout not in IMPORT_LAYOUTS and fmt == "md":
        notes.append(f"--layout {layout} 对 md 无效，已忽略")
        layout = None
    if fmt == "pdf" and find_office() is None:  # before anything is written
        raise UsageError(office_missing_message())
    if args.output and len(jobs) == 1 and jobs[0].output.suffix.lower() != f".{fmt}":
        notes.append(f"{jobs[0].output}：扩展名不是 .{fmt}，仍按 {fmt} 格式写入")

    text_mode = args.format == "text"
    total = sum(max(1, len(job.draft.projects)) for job in jobs if job.draft)
    progress = Progress(total, f"导出 {fmt}", enabled=text_mode and (len(jobs) > 1 or total >= 50))
    refused = 0
    try:
        for job in jobs:
            draft = job.draft
            assert draft is not None
            findings = check_draft(draft)
            job.errors = [f for f in findings if f.severity == ERROR]
            job.warnings = [f for f in findings if f.severity == "warning"]
            if args.strict and job.errors:
                job.status = "refused"
                refused += 1
                progress.step(max(1, len(draft.projects)))
                continue
            until = progress.done + max(1, len(draft.projects))
            try:
                with rendering(fmt, job.output):  # a full disk under the temp files: one line, exit 2
                    rendered = render(draft, fmt, layout, step=progress.step)  # xlsx/docx/pdf step per project
            except PdfError as exc:
                raise UsageError(f"{job.source}：{exc}") from None
            write_output(job.target, rendered.data, force=args.force)
            job.messages = rendered.messages
            job.status = "exported"
            progress.step(max(0, until - progress.done))
    finally:
        progress.close()

    many = len(jobs) > 1
    for note in notes:
        print(f"perfdraft: {note}", file=sys.stderr)
    for job in jobs:
        # each note once, with the file it is about and how often it held (a note per row ran to pages)
        counted: dict[str, int] = {}
        for message in job.messages:
            counted[message] = counted.get(message, 0) + 1
        for message, n in counted.items():
            print(f"perfdraft: {job.output}：{message}{f'（{n} 处）' if n > 1 else ''}", file=sys.stderr)
        if not text_mode:
            continue
        if job.status == "refused":
            print(f"perfdraft: {job.source}：草稿有 {len(job.errors)} 个错误（{_listing(job.errors, job.draft)}），"
                  "--strict 下未导出", file=sys.stderr)
        elif job.errors:
            print(f"perfdraft: {job.source}：草稿有 {len(job.errors)} 个错误（{_listing(job.errors, job.draft)}），仍已导出；"
                  f"运行 perfdraft check {job.source} 查看详情，加 --strict 可拒绝导出", file=sys.stderr)

    if text_mode:
        for job in jobs:
            if job.status == "exported":
                assert job.draft is not None
                print(f"已导出 {job.output}（{len(job.draft.projects)} 个项目；"
                      f"{len(job.errors)} 个错误，{len(job.warnings)} 个警告）")
        exported = sum(1 for j in jobs if j.status == "exported")
        with_errors = sum(1 for j in jobs if j.errors)
        if many or refused:
            summary = f"共导出 {exported} 个文件"
            if with_errors:
                summary += f"；{with_errors} 个草稿有错误"
            if refused:
                summary += f"；{refused} 个因 --strict 未导出"
            print(summary)
    else:
        payload = {"exports": [
            {"file": str(j.source), "output": str(j.output) if j.status == "exported" else None,
             "status": j.status,
             "errors": [f.as_dict() for f in j.errors], "warnings": [f.as_dict() for f in j.warnings],
             "messages": j.messages}
            for j in jobs]}
        print(json.dumps(payload, ensure_ascii=False, indent=1))
    return EXIT_FINDINGS if refused else EXIT_OK
