"""``perfdraft import FILE… -o DRAFT.toml``.

Exit codes: 0 everything placed; 1 the draft was written but some text could not be placed (listed
on stderr and kept in the draft's ``notes``); 2 bad input (unreadable file, no table, output exists
without ``--force``). Repairs and remarks go to stderr, one line each; the summary goes to stdout.

``--split-doc-number`` (off by default) moves a 文号 found in a project name into ``doc_number``;
without it names stay exactly as printed (the seed's fixture keeps them so) and a hint is printed.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from .. import drafts
from ..drafts_io import TooLarge, read_capped, refuse_foreign_backup
from ..errors import EXIT_FINDINGS, EXIT_OK, UsageError, os_reason, output_link_refusal
from ..locks import draft_target, is_special_file
from ..safe_open import open_read
from . import ImportFailed, NothingPlaced, import_files
from .report import summary_lines, unplaced_heading

STDIN = "-"
# A pipe is read whole before its kind is known; the largest file any reader takes (a PDF) bounds it.
MAX_PIPED_BYTES = 30 * 1024 * 1024


def _say(message: str) -> None:
    print(f"perfdraft: {message}", file=sys.stderr)


def cmd_import(args: argparse.Namespace) -> int:
    out = Path(args.output)
    force = bool(getattr(args, "force", False))
    with _spooled(list(args.files)) as (inputs, shown):
        return _import(args, out, force, inputs, shown)


def _import(args: argparse.Namespace, out: Path, force: bool, inputs: list[Path], shown: dict[str, str]) -> int:
    def named(text: str) -> str:  # a spooled pipe's temp file is named as the user wrote it
        for temp, name in shown.items():
            text = text.replace(temp, name)
        return text

    for i, f in enumerate(inputs):
        twice = next((g for g in inputs[:i] if f.exists() and g.exists() and os.path.samefile(f, g)), None)
        if twice is not None:  # it gave twice the projects, without a word (PD409 found them later)
            raise UsageError(f"{named(str(twice))} 与 {named(str(f))} 是同一个文件，只需给一次")
        if f.exists() and out.exists() and os.path.samefile(f, out):
            raise UsageError(f"{out}：输出文件与输入文件相同，未导入（请换一个输出文件名）")
        if f.suffix.lower() == ".toml" and _is_draft(f):
            name = named(str(f))
            raise UsageError(f"{name}：这是 perfdraft 草稿，不用导入：用 perfdraft edit {name} 打开，"
                             f"或 perfdraft clone {name} -o 今年.toml 生成下一年的草稿")
    if out.is_symlink() and not out.exists():
        raise UsageError(output_link_refusal(out))
    if str(out.absolute()).startswith(("/dev/", "/proc/")) or str(out.resolve()).startswith(("/dev/", "/proc/")):
        # -o /dev/stdout with a redirect replaced the file stdout went to (a log appended to)
        raise UsageError(f"{out}：是设备或进程的特殊文件，草稿要写成一个普通文件（如 2021-社保局.toml）；"
                         "要看导入结果，用 perfdraft show 草稿.toml")
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
            _say(named(str(exc)))
            print("没有导入任何指标行，未写入草稿。")
            return EXIT_FINDINGS
        except ImportFailed as exc:
            if not shown:
                raise
            raise ImportFailed(named(str(exc))) from None
        for line in result.repairs:
            _say(named(line))
        if shown:
            result.draft.notes[:] = [named(n) for n in result.draft.notes]
        _write(result.draft, out)
    finally:
        lock.release()
    print("\n".join(summary_lines(result.draft, str(out), len(inputs))))
    if result.unplaced:
        _say(unplaced_heading(len(result.unplaced)))
        for item in result.unplaced:
            _say(f"  {named(str(item))}")
        return EXIT_FINDINGS
    return EXIT_OK


def _is_draft(path: Path) -> bool:
    """A perfdraft draft given to import (it has nothing to import: open or clone it)."""
    try:
        drafts.load(path)
    except Exception:  # noqa: BLE001 - anything that does not load as a draft is for the importers to judge
        return False
    return True


@contextlib.contextmanager
def _spooled(files: list[str]) -> Iterator[tuple[list[Path], dict[str, str]]]:
    """The inputs as files the readers can reopen, and the names to show for spooled ones.

    ``-`` (standard input: text pasted or piped in) and pipes such as a shell's ``<(…)`` are read
    once into a private temp directory: the readers look at a file's head and then open it again,
    which a pipe cannot do (the second read found it empty)."""
    piped = [f for f in files if f == STDIN or is_special_file(f)]
    if not piped:
        yield [Path(f) for f in files], {}
        return
    with tempfile.TemporaryDirectory(prefix="perfdraft-import-") as tmp:
        paths: list[Path] = []
        shown: dict[str, str] = {}
        for n, f in enumerate(files):
            if f not in piped:
                paths.append(Path(f))
                continue
            name = "标准输入" if f == STDIN else f
            data = _read_pipe(f, name)
            # The suffix keeps what sniffing cannot tell apart (a .xls is named so); a pipe has none.
            temp = Path(tmp) / f"{n}{Path(f).suffix if f != STDIN else ''}"
            temp.write_bytes(data)
            paths.append(temp)
            shown[str(temp)] = name
        yield paths, shown


def _read_pipe(f: str, name: str) -> bytes:
    if f == STDIN and sys.stdin.isatty():
        raise UsageError("-：标准输入是终端，没有可导入的内容；请用管道传入，如 pbpaste | perfdraft import - -o 草稿.toml")
    try:
        if f == STDIN:
            return read_capped(sys.stdin.buffer, MAX_PIPED_BYTES)
        with open_read(f) as fh:
            return read_capped(fh, MAX_PIPED_BYTES)
    except TooLarge:
        raise ImportFailed(f"{name}：内容超过 {MAX_PIPED_BYTES // (1024 * 1024)} MiB，不像是一张绩效目标表，未导入") from None
    except OSError as exc:
        raise ImportFailed(f"{name}：无法读取（{os_reason(exc, writing=False)}）") from None


def _write(draft: drafts.Draft, out: Path) -> None:
    """Write the draft atomically; an existing file (``--force``) is kept as ``.bak`` first."""
    text = drafts.dumps(draft)
    drafts.loads(text, str(out))  # never write what we could not read back
    out = draft_target(out)  # --force over a symlinked draft writes its target; the link stays
    if out.exists():
        refuse_foreign_backup(out)  # (a file of the user's named like the backup was replaced)
        drafts.atomic_write(drafts.backup_path(out), out.read_bytes())
    drafts.atomic_write(out, text.encode("utf-8"))

