"""Keys of a draft file that perfdraft does not read (split from drafts.py): what the first save drops.

The reference is the model's own dict (``drafts.to_dict``): a key of the file missing there is unknown.
Building that dict for every project was most of the warning's cost on a large draft (issue 21), so a
project's dict is built only when its table holds a key a plain project cannot.
"""

from __future__ import annotations

from typing import Any

from .drafts import _scalar_plan, project_dict, to_dict
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
