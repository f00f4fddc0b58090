"""``perfdraft import FILE… -o DRAFT.toml``.

Exit codes: 0 everything placed; 1 the draft was written but some text could not be placed (listed
on stderr and kept in the draft's ``notes``); 2 bad input (unreadable file, no table, output exists
without ``--force``). Repairs and remarks go to stderr, one line each; the summary goes to stdout.

``--split-doc-number`` (off by default) moves a 文号 found in a project name into ``doc_number``;
without it names stay exactly as printed (the seed's fixture keeps them so) and a hint is printed.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .. import drafts
from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError
from . import NothingPlaced, import_files


def _say(message: str) -> None:
    print(f"perfdraft: {message}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    out = Path(args.output)
    force = bool(getattr(args, "force", False))
    inputs = [Path(f) for f in args.files]
    for f in inputs:
        if f.exists() and out.exists() and os.path.samefile(f, out):
            raise UsageError(f"{out}：输出文件与输入文件相同，未导入（请换一个输出文件名）")
    if out.is_dir():
        raise UsageError(f"{out}：是一个目录，应为要生成的草稿文件名（如 2021-社保局.toml）")
    if out.exists() and not force:
        raise UsageError(f"{out}：文件已存在，未覆盖（加 --force 覆盖，原文件保留为 {out.name}.bak）")
    directory = out.parent if str(out.parent) else Path(".")
    if not directory.is_dir():
        raise UsageError(f"{out}：目录 {directory} 不存在")
    # --force replaces a draft that may be open in the assistant: take its lock like every other writer,
    # so the import is refused naming who holds it (exit 2) instead of both writing (issue 9).
    lock = drafts.acquire_lock(out)
    try:
        try:
            result = import_files(inputs, year=getattr(args, "year", None),
                                  split_doc_number=bool(getattr(args, "split_doc_number", False)))
        except NothingPlaced as exc:
            _say(str(exc))
            print("没有导入任何指标行，未写入草稿。")
            return EXIT_FINDINGS
        for line in result.repairs:
            _say(line)
        _write(result.draft, out)
    finally:
        lock.release()
    draft = result.draft
    rows = sum(len(p.indicators) for p in draft.projects)
    print(f"已导入 {len(inputs)} 个文件 → {out}：{len(draft.projects)} 个项目，{rows} 个指标，"
          f"预算年度 {draft.year if draft.year is not None else '未定'}，框架 {draft.framework}")
    for p in draft.projects:
        money = f"{p.budget.total:,f} 元" if p.budget.total is not None else "未读到"
        print(f"  {p.title}：{len(p.indicators)} 个指标，预算 {money}")
    unsure = sum(len(p.confirm) for p in draft.projects)
    if unsure:
        print(f"  有 {unsure} 处读得不确定，已记入各项目的待确认列表，打开草稿时会先逐项确认")
    if result.unplaced:
        _say(f"有 {len(result.unplaced)} 处内容未能归位，已原样放入草稿的 notes，请手工移到合适位置：")
        for item in result.unplaced:
            _say(f"  {item}")
        return EXIT_FINDINGS
    return EXIT_OK


def _write(draft: drafts.Draft, out: Path) -> None:
    """Write the draft atomically; an existing file (``--force``) is kept as ``.bak`` first."""
    text = drafts.dumps(draft)
    drafts.loads(text, str(out))  # never write what we could not read back
    if out.exists():
        drafts.atomic_write(drafts.backup_path(out), out.read_bytes())
    drafts.atomic_write(out, text.encode("utf-8"))

