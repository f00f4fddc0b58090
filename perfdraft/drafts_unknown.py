"""What the first save of a draft file drops (split from drafts.py): keys perfdraft does not read and
comments, said before the save, with the file as it was kept beside it (``FILE.orig``).

The reference is the model's own dict (``drafts.to_dict``): a key of the file missing there is unknown.
Building that dict for every project was most of the warning's cost on a large draft (issue 21), so a
project's dict is built only when its table holds a key a plain project cannot.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from . import drafts_io
from .drafts import DraftError, _scalar_plan, project_dict, to_dict
from .errors import os_reason
from .model import Draft, Project


def unknown_keys(data: dict[str, Any], draft: Draft) -> list[str]:
    """Paths of the file's unknown, non-blank keys, as the full walk against ``to_dict`` finds them."""
    out: list[str] = []
    _unknown_keys(data, known_tree(draft), "", out)
    return out


def known_tree(draft: Draft) -> dict[str, Any]:
    """``to_dict(draft)`` with each project left as a thunk, built by _unknown_keys only when needed."""
    return to_dict(draft, _LazyProject)


class _LazyProject:
    __slots__ = ("project",)

    def __init__(self, project: Project):
        self.project = project


def _plain_keys(owner: str) -> frozenset[str]:
    # a scalar field is in the model's dict whenever its key is in the file: the reader never yields None for it
    plan = _scalar_plan(owner)
    cached = _PLAIN.get(owner)
    if cached is None or cached[0] is not plan:
        cached = _PLAIN[owner] = (plan, frozenset(key for attr, key, _ in plan if attr == key))
    return cached[1]


_PLAIN: dict[str, tuple[object, frozenset[str]]] = {}


_PLAN_KEYS = frozenset(("mar", "jun", "oct", "dec"))
_BUDGET_KEYS = frozenset(("total", "fiscal", "other"))
_BASIS_KEYS = frozenset(("category", "note"))


def _plain_project(data: Any) -> bool:
    """True only when _unknown_keys would find nothing in this project's table (checked by
    tests/test_drafts_unknown.py against the model's dict on many drafts)."""
    if not isinstance(data, dict):
        return False
    scalar = _plain_keys("project") | {"template"}
    ind_keys = _plain_keys("indicator")
    for key, value in data.items():
        if key in scalar or key in ("notes", "confirm", "declined"):
            continue
        if key == "budget":
            ok = isinstance(value, dict) and value.keys() <= _BUDGET_KEYS
        elif key == "spending_plan":
            ok = isinstance(value, dict) and value.keys() <= _PLAN_KEYS
        elif key == "indicators":
            ok = isinstance(value, list) and all(_plain_indicator(t, ind_keys) for t in value)
        else:
            ok = False
        if not ok:
            return False
    return True


def _plain_indicator(data: Any, keys: frozenset[str]) -> bool:
    if not isinstance(data, dict):
        return False
    for key, value in data.items():
        if key in keys:
            continue
        if key != "basis" or not (isinstance(value, str) or (isinstance(value, dict) and value.keys() <= _BASIS_KEYS)):
            return False
    return True


def _unknown_keys(data: Any, known: Any, path: str, out: list[str]) -> None:
    if len(out) > 20:
        return
    if isinstance(known, _LazyProject):
        if _plain_project(data):
            return
        known = project_dict(known.project)
    if isinstance(data, dict) and isinstance(known, dict):
        for key, value in data.items():
            where = f"{path}.{key}" if path else str(key)
            if key in known:
                _unknown_keys(value, known[key], where, out)
            elif key != "resume" and not _blank(value):
                out.append(where)
    elif isinstance(data, list) and isinstance(known, list) and len(data) == len(known):
        for i, (a, b) in enumerate(zip(data, known, strict=True)):
            _unknown_keys(a, b, f"{path}[{i}]", out)


def _blank(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_blank(v) for v in value.values())
    return value is None or (isinstance(value, (str, list)) and not value)


# --- what the first save drops, and the original kept beside it (split from drafts.py) ---


def keep_original(target: Path, raw: bytes) -> str:
    """The file as it was, kept where no save overwrites it (``FILE.orig``; ``.bak`` is the previous
    save's, so a second save lost the comments the first warned about): what to tell the user."""
    for n in range(1, 10):
        orig = drafts_io.beside(target, ".orig" if n == 1 else f".orig{n}")
        try:
            if os.path.lexists(orig):
                # a directory, a link (even one to nothing) or another file there is left as it is
                if not orig.is_symlink() and orig.is_file() and orig.read_bytes() == raw:
                    return f"原文件已另存为 {orig.name}"
                continue
            tmp = drafts_io.write_temp(orig, raw)
            os.replace(tmp, orig)
        except OSError as exc:
            return f"无法另存原文件（{os_reason(exc)}），请先自行复制一份 {target.name} 再修改"
        return f"原文件已另存为 {orig.name}"
    return f"{target.name} 旁已有 9 份另存的原文件，未再另存；请先自行复制一份再修改"


def dropped_on_save(text: str, data: dict[str, Any], draft: Draft, name: str) -> list[str]:
    """What the first save would drop without a word before (issue 19, item 5): unknown keys, comments."""
    out = []
    try:
        unknown = unknown_keys(data, draft)
    except RecursionError:  # an unknown key's tables nested hundreds deep: the walk gave a traceback
        raise DraftError(f"{name}：数组或表嵌套过深，不是 perfdraft 草稿，文件未作改动") from None
    if unknown:
        more = f" 等 {len(unknown)} 处" if len(unknown) > 3 else ""
        out.append(f"{name} 中有 perfdraft 不认识的键（{'、'.join(unknown[:3])}{more}），保存时不会保留")
    comments = comment_lines(text) if "#" in text else []
    if comments:
        where = "、".join(str(n) for n in comments[:3]) + (f" 行等 {len(comments)} 处" if len(comments) > 3 else " 行")
        out.append(f"{name} 中有注释（第 {where}），保存时不会保留")
    return out


# One pass of the regex engine instead of a Python loop over every character (the scan was most of
# opening a commented draft): strings are skipped whole, so a "#" inside one is no comment. Multi-line
# strings first (as TOML reads them); a basic string's backslash escapes the next character.
_TOKEN = re.compile(r'"""(?:\\[\s\S]|[^\\])*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:\\.|[^"\\\n])*"?|\'[^\'\n]*\'?|#[^\n]*')


def comment_lines(text: str) -> list[int]:
    """Line numbers holding a TOML comment (a ``#`` outside any string)."""
    lines: list[int] = []
    pos, line = 0, 1
    for m in _TOKEN.finditer(text):
        if text.startswith("#", m.start()):
            line += text.count("\n", pos, m.start())
            pos = m.start()
            if not lines or lines[-1] != line:
                lines.append(line)
    return lines


def meant_key(path: str) -> str | None:
    """The key a misspelt one most likely meant (``vaule`` → value), from the field registry's keys."""
    import difflib

    from . import fields

    last = re.sub(r"\[\d+\]$", "", path.rsplit(".", 1)[-1])
    known = {f.toml_key.rsplit(".", 1)[-1] for f in fields.FIELDS.values()} | _TABLE_KEYS
    found = difflib.get_close_matches(last, sorted(known), n=1, cutoff=0.6)
    return found[0] if found else None


# the keys that hold tables rather than a registry field
_TABLE_KEYS = frozenset({"projects", "indicators", "department", "budget", "basis", "spending_plan", "sub_goals",
                         "notes", "confirm", "declined", "schema", "year", "framework", "profile"})

