"""Safety shared by the exporters: formula injection, XML-illegal characters, file names, output files.

* **Formula injection.** A cell whose text starts with ``=``, ``+``, ``-``, ``@``, a tab or a carriage
  return could be run as a formula by a spreadsheet. In xlsx such text is stored as a string cell
  (``t="inlineStr"``) with the *quote prefix* style, so the text is exact and Excel keeps it text even
  when the cell is edited. In csv, where no type can be stored, the cell gets a leading ``'`` (OWASP's
  advice); the values of the 计算符号 column (``=``, ``≥`` …) are a fixed vocabulary and stay bare.
* **Characters XML cannot hold** (C0 controls other than tab/LF/CR, U+FFFE, U+FFFF) are dropped from
  visible cells; the embedded draft (see ``draft_text``) keeps them as TOML escapes, so nothing is lost.
* **Output files** are written atomically (a temp file in the same directory, then ``os.replace``);
  an existing file is replaced only when asked; a symlink is never followed or replaced.
"""

from __future__ import annotations

import contextlib
import os
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from ..drafts import DraftError, atomic_write, cleanup_temp_files, dumps, write_temp
from ..drafts_io import note_written, os_error_message
from ..errors import os_reason, output_link_refusal
from ..model import Draft

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")
# 计算符号 values the exporters write themselves; a lone sign cannot carry a formula.
SIGN_VOCABULARY = frozenset({"≥", "≤", "=", ">", "<", "定性", "区间", "定量（其他）", "不适用"})

_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def is_formula_like(text: str) -> bool:
    return text.startswith(FORMULA_PREFIXES)


def xml_safe(text: str) -> str:
    """Drop the few characters an XML file cannot hold (the draft keeps them; see module doc)."""
    return _XML_ILLEGAL.sub("", text)


def csv_cell(text: str | None, *, sign_column: bool = False) -> str:
    """A csv cell: blank for None; a leading ' when a spreadsheet could read the text as a formula."""
    if text is None:
        return ""
    if sign_column and text in SIGN_VOCABULARY:
        return text
    return "'" + text if is_formula_like(text) else text


@dataclass
class Embedded:
    """The draft text embedded in an export (xlsx or docx), and whether the visible tables still match it."""

    text: str
    intact: bool


def text_digest(text: str) -> str:
    """The embedded text's own hash, written beside it: an edit to the text alone (the visible tables
    untouched) is told from the export as written (a changed budget was read back as the export's)."""
    import hashlib

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def unchanged(text: str, digest: str | None) -> bool:
    """The text as exported; an export written before the digest was (None) is judged by its tables alone."""
    return digest is None or text_digest(text) == digest


def draft_pieces(draft: Draft) -> Iterator[str]:
    """The draft as TOML, one piece per project (the department and header first).

    Joined, the pieces read back (``drafts.loads``) as the same draft as ``drafts.dumps`` writes: each
    project is an ``[[projects]]`` table of its own, which TOML appends in order. Dumping the whole
    draft at once held its dict, tomli_w's pieces and the text together: 10,000 projects took 400 MiB
    more than the draft itself (issue 21). Escaped as ``draft_text`` is.
    """
    import tomli_w

    from ..drafts import to_dict

    try:  # tomli_w's table writer, to write each project as an [[projects]] table (never inline)
        from tomli_w._writer import Context, gen_table_chunks
    except ImportError:  # pragma: no cover - a tomli_w without it: the whole text at once
        yield draft_text(draft)
        return
    yield _xml_escapes(tomli_w.dumps(to_dict(replace(draft, projects=[])), multiline_strings=True))
    for project in draft.projects:
        table = to_dict(Draft(projects=[project]))["projects"][0]
        # A Context per project (as drafts.dumps: multi-line strings, indent 4): tomli_w caches inline tables
        # by id(), and the last project's freed dicts gave their ids to this one's, so an indicator could be
        # written as an earlier one (an embedded `{ weight = 0.0 }` read back as `{}`).
        ctx = Context(True, 4)
        yield "\n" + _xml_escapes("".join(gen_table_chunks(table, ctx, name="projects", inside_aot=True)))


def _xml_escapes(text: str) -> str:
    return text.replace("\ufffe", "\\uFFFE").replace("\uffff", "\\uFFFF")


def draft_text(draft: Draft) -> str:
    """The draft as TOML (``drafts.dumps``), made safe to embed in XML.

    ``tomli_w`` already escapes control characters; U+FFFE/U+FFFF can only occur inside string values,
    where the TOML escape ``\\uFFFE`` means the same character.
    """
    return dumps(draft).replace("\ufffe", "\\uFFFE").replace("\uffff", "\\uFFFF")


# --- file names ----------------------------------------------------------------------------------

_BAD_NAME_CHARS = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]')
_RESERVED_WINDOWS = frozenset(
    ["CON", "PRN", "AUX", "NUL"] + [f"COM{i}" for i in range(1, 10)] + [f"LPT{i}" for i in range(1, 10)]
)


def safe_filename(name: str, default: str = "导出", max_bytes: int = 200) -> str:
    """A single path component safe on Linux and Windows: no separators, no dot-only names."""
    text = unicodedata.normalize("NFC", name or "")
    text = _BAD_NAME_CHARS.sub("_", text).strip(" .")
    if not text or set(text) <= {"_"}:
        text = default
    if text.split(".")[0].upper() in _RESERVED_WINDOWS:
        text = "_" + text
    while len(text.encode("utf-8")) > max_bytes:
        text = text[:-1]
    return text


# --- output files ----------------------------------------------------------------------------------


def _os_error(exc: BaseException) -> OSError | None:
    """The OSError behind ``exc``: itself, or one a library wrapped (xlsxwriter's FileCreateError
    carries it as its argument; others chain it as the cause)."""
    seen = 0
    while exc is not None and seen < 5:
        if isinstance(exc, OSError):
            return exc
        inner = next((a for a in getattr(exc, "args", ()) if isinstance(a, OSError)), None)
        exc = inner or exc.__cause__ or exc.__context__  # type: ignore[assignment]
        seen += 1
    return None


@contextlib.contextmanager
def rendering(fmt: str, output: str | os.PathLike[str]) -> Iterator[None]:
    """Turn a disk failure while an export is *rendered* into one Chinese line (a DraftError).

    xlsxwriter writes every sheet to temp files first (constant_memory): on a full disk it raised
    ``FileCreateError`` or a bare OSError with a traceback (issue 19, item 10). Nothing is at the output
    yet at this point, so the user's earlier file is untouched; the temp files go with their directory
    (``xlsx.render_xlsx``)."""
    import tempfile

    try:
        yield
    except DraftError:
        raise
    except Exception as exc:
        os_exc = _os_error(exc)
        if os_exc is None:
            raise
        reason = os_reason(os_exc)
        if "temporary directory" in str(os_exc):  # tempfile found no directory it could write in
            reason = "没有可写的临时目录，磁盘可能已满"
        try:
            where = tempfile.gettempdir()
        except OSError:
            where = os.environ.get("TMPDIR") or "/tmp"
        raise DraftError(f"{output}：生成 {fmt} 时无法写入临时文件（{reason}），未写出文件，原有文件未改动；"
                         f"请腾出磁盘空间（临时目录 {where}），或用环境变量 TMPDIR 指定有空间的目录后重试") from None


def check_target(path: Path, *, force: bool) -> str | None:
    """Why ``path`` cannot be written (one Chinese line), or None when it can."""
    directory = path.parent if str(path.parent) else Path(".")
    if os.path.islink(path):
        return output_link_refusal(path)
    if path.is_dir():
        return f"{path}：是一个目录，不是输出文件"
    if not directory.is_dir():
        return f"{path}：目录 {directory} 不存在"
    if not os.access(directory, os.W_OK | os.X_OK):
        return f"{path}：目录 {directory} 不可写"
    if path.exists() and not force:
        return f"{path}：文件已存在，未覆盖（加 --force 覆盖）"
    if force and path.suffix.lower() == ".toml" and path.is_file() and _is_draft(path):
        # an export over a draft (-o 草稿.toml --force) replaced it with no backup
        return f"{path}：是一个 perfdraft 草稿，导出不会覆盖草稿（--force 也不会）；请换一个输出文件名"
    return None


def _is_draft(path: Path) -> bool:
    from ..safe_open import read_head

    head = read_head(path)
    return head is not None and b"schema" in head and b"perfdraft/" in head


def write_output(path: Path, data: bytes, *, force: bool) -> None:
    """Write ``data`` to ``path`` atomically; nothing half-written is ever left at ``path``.

    With ``force`` the file is replaced (``drafts.atomic_write``); without it, the temp file is
    hard-linked into place, which fails if ``path`` appeared meanwhile, so no file is ever clobbered.
    """
    try:
        problem = check_target(path, force=force)
    except OSError as exc:  # a name over the limit, a directory we cannot search
        raise DraftError(os_error_message(exc)) from None
    if problem:
        raise DraftError(problem)
    cleanup_temp_files(path, follow=False)  # temp files of an export killed with -9 (issue 19, item 15)
    if force:
        atomic_write(path, data)
        return
    try:
        tmp = write_temp(path, data)  # never through a symlink planted at the temp name (issue 9)
    except OSError as exc:
        raise DraftError(f"{path}：无法写入（{os_reason(exc)}），未留下输出文件") from None
    try:
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise DraftError(f"{path}：文件已存在，未覆盖（加 --force 覆盖）") from None
        except OSError:
            # A file system without hard links: the check above is as close as we can get.
            if path.exists():
                raise DraftError(f"{path}：文件已存在，未覆盖（加 --force 覆盖）") from None
            os.replace(tmp, path)
        note_written(path)
    except OSError as exc:
        raise DraftError(f"{path}：写入失败（{os_reason(exc)}），未留下输出文件") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def drop_unfinished_zip(exc: BaseException) -> None:
    """A write that failed half way (a full disk) leaves xlsxwriter's ZipFile alive in the traceback; at
    exit its ``__del__`` would write to a file already closed and print a Python traceback under the
    user's one-line message. Let it go now, while its file is open, and keep its second failure quiet:
    the error that matters is being raised."""
    import gc
    import sys
    import traceback

    hook = sys.unraisablehook
    sys.unraisablehook = lambda _unraisable: None
    try:
        seen: set[int] = set()
        link: BaseException | None = exc
        while link is not None and id(link) not in seen:  # xlsxwriter re-raises: the zip is in the first one
            seen.add(id(link))
            traceback.clear_frames(link.__traceback__)
            link = link.__context__ or link.__cause__
        gc.collect()
    finally:
        sys.unraisablehook = hook
