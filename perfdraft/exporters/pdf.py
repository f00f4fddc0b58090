"""PDF export: the docx export printed to PDF by LibreOffice headless (the file the office prints).

LibreOffice is not a Python package; when it is not installed the export stops before anything
is written, with the install hint (``office_missing_message``). Each conversion runs with a private
user profile (no clash with an office the user has open, no first-start dialogs) in a temporary
directory that is removed afterwards.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from ..errors import os_reason
from ..model import Draft
from . import Rendered

CANDIDATES = ("soffice", "libreoffice")
TIMEOUT_S = 600  # a 1,000-project document takes about a minute on two cores
INSTALL_HINT = ("请安装 LibreOffice 后重试（Debian/Ubuntu：sudo apt-get install libreoffice-writer-nogui "
                "fonts-noto-cjk；Windows/macOS：从 https://www.libreoffice.org 下载），"
                "或导出 docx（--to docx）后用 Word“另存为 PDF”")


class PdfError(Exception):
    """The PDF could not be made; the message is one Chinese line."""


def find_office() -> str | None:
    """The LibreOffice command (``PERFDRAFT_SOFFICE`` first, then soffice / libreoffice on PATH)."""
    configured = os.environ.get("PERFDRAFT_SOFFICE")
    if configured:
        return shutil.which(configured)
    for name in CANDIDATES:
        found = shutil.which(name)
        if found:
            return found
    return None


def office_missing_message() -> str:
    return f"导出 PDF 需要 LibreOffice，但没有找到 soffice 或 libreoffice 命令；{INSTALL_HINT}"


def convert(source: Path, office: str, workdir: Path) -> bytes:
    """Print ``source`` (docx or xlsx) to PDF with LibreOffice headless; the PDF's bytes."""
    profile = workdir / "profile"
    outdir = workdir / "out"
    outdir.mkdir()
    scratch = workdir / "tmp"
    scratch.mkdir()
    try:
        # its own session, so that an interrupted export takes LibreOffice's helpers with it (they had gone
        # on running and wrote their profile into the temp directory after it was removed)
        proc = subprocess.Popen(
            [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
             "--convert-to", "pdf", "--outdir", str(outdir), str(source)],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, stdin=subprocess.DEVNULL, start_new_session=True,
            env={**os.environ, "TMPDIR": str(scratch)})  # its own temp files in ours, removed with it
    except OSError as exc:
        raise PdfError(f"无法运行 LibreOffice（{office}：{os_reason(exc, writing=False)}）；{INSTALL_HINT}") from None
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        _stop(proc)
        raise PdfError(f"LibreOffice 转换 PDF 超过 {TIMEOUT_S} 秒未完成，已放弃；可先导出 docx 再转换") from None
    except BaseException:  # Ctrl+C, SIGTERM turned into an exit: no LibreOffice left behind
        _stop(proc)
        raise
    pdf = outdir / (source.stem + ".pdf")
    if proc.returncode != 0 or not pdf.is_file() or pdf.stat().st_size == 0:
        detail = (err or out or "").strip().lower()
        # LibreOffice's own English is not repeated: what it means, where it is known
        why = next((words for english, words in _OFFICE_SAYS if english in detail), "转换失败" if detail else "")
        raise PdfError(f"LibreOffice 没有生成 PDF{f'（{why}）' if why else ''}；可先导出 docx 再用 Word 另存为 PDF")
    return pdf.read_bytes()


def _stop(proc: subprocess.Popen[str]) -> None:
    """LibreOffice and every process it started, ended."""
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    proc.wait()


_OFFICE_SAYS = (("source file could not be loaded", "它打不开要转换的文件"), ("no export filter", "它缺少 PDF 导出组件"),
                ("user installation could not be completed", "它的用户配置目录无法写入"),
                ("javaldx", "它的 Java 组件出错"))


def render_pdf(draft: Draft, step: Callable[[], None] | None = None, *, embed: Draft | None = None,
               office: str | None = None) -> Rendered:
    """The docx export of ``draft`` printed to PDF. Raises PdfError when LibreOffice is missing or fails."""
    from .docx import render_docx

    office = office or find_office()
    if office is None:
        raise PdfError(office_missing_message())
    document = render_docx(draft, step, embed=embed)
    with tempfile.TemporaryDirectory(prefix="perfdraft-pdf-") as tmp:
        work = Path(tmp)
        source = work / "export.docx"
        source.write_bytes(document.data)
        data = convert(source, office, work)
    return Rendered(data, document.messages)
