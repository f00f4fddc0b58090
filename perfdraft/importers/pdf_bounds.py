"""Bounds on reading a PDF, which draws before it can be measured: a page's drawing commands unpacked only
up to a limit before pdfminer reads them, and the whole reading held to a CPU budget (forms that draw forms,
one large page shared by sixty: a few KB of file, minutes and gigabytes)."""

from __future__ import annotations

import contextlib
import signal
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .report import ImportFailed

MAX_PDF_PAGE_CONTENT = 2 * 1024 * 1024  # a table's page draws in tens or hundreds of KiB
MAX_PDF_CPU_SECONDS = 30  # a table's PDF reads in a second or two


class TooSlow(BaseException):  # (not Exception: a library's "except Exception" would swallow it)
    """The CPU budget of a PDF's reading ran out."""


MAX_PDF_CONTENT = 16 * 1024 * 1024  # all pages: a 26-page 部门预算公开 document draws a few MiB


def content_bounded(page: Any, n: int, path: Path, before: int = 0) -> int:
    """A page whose drawing commands, unpacked, pass the limit is refused before pdfminer reads them: a
    21 KB file unpacked into 2,000,000 text commands took minutes and gigabytes. Flate streams are unpacked
    here only up to the limit. Returns ``before`` (the pages so far) plus this page's, held to the file's limit."""
    from pdfminer.pdftypes import resolve1

    contents = getattr(getattr(page, "page_obj", None), "contents", None) or []
    total = 0
    for ref in contents:
        stream = resolve1(ref)
        if not hasattr(stream, "get_filters"):
            continue
        filters = [getattr(f, "name", f) for f, _ in stream.get_filters()]
        if filters in (["FlateDecode"], ["Fl"]):
            total += len(zlib.decompressobj().decompress(stream.get_rawdata() or b"", MAX_PDF_PAGE_CONTENT + 1))
        elif not filters:
            total += len(stream.get_rawdata() or b"")
        if total > MAX_PDF_PAGE_CONTENT:
            raise ImportFailed(f"{path}：PDF 第 {n} 页的内容解压后超过 {MAX_PDF_PAGE_CONTENT // (1024 * 1024)} MiB，"
                               "不像是绩效目标表（可能是压缩炸弹），未导入")
    if before + total > MAX_PDF_CONTENT:  # sixty pages sharing one large drawing each draw it
        raise ImportFailed(f"{path}：PDF 到第 {n} 页的内容解压后已超过 {MAX_PDF_CONTENT // (1024 * 1024)} MiB，"
                           "不像是绩效目标表，未导入")
    return before + total


@contextlib.contextmanager
def cpu_bounded(path: Path) -> Iterator[None]:
    """The reading inside, held to MAX_PDF_CPU_SECONDS of CPU (the main thread only: a timer signal)."""
    timed = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    previous: Any = None
    if timed:
        def too_slow(signum: int, frame: Any) -> None:
            raise TooSlow()

        previous = signal.signal(signal.SIGPROF, too_slow)
        signal.setitimer(signal.ITIMER_PROF, MAX_PDF_CPU_SECONDS)
    try:
        yield
    except TooSlow:
        raise ImportFailed(f"{path}：PDF 的内容过于复杂（读取超过 {MAX_PDF_CPU_SECONDS} 秒处理器时间），不像是一张绩效目标表，"
                           "未导入；请用原始的 Word/Excel 文件导入") from None
    finally:
        if timed:
            signal.setitimer(signal.ITIMER_PROF, 0)
            signal.signal(signal.SIGPROF, previous)
