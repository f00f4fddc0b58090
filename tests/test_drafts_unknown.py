"""The unknown-key warning read without building the whole draft's dict (issue 21) names exactly what
the full comparison against ``to_dict`` names, on real drafts and on drafts with keys sprinkled in."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from perfdraft import drafts, drafts_unknown

FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = sorted((FIXTURES / "corpus-drafts").glob("*.toml")) + sorted(FIXTURES.glob("seed-*.toml"))
SOURCES = [p for p in SOURCES if not p.name.endswith(".key.toml")]


def _old(data: dict[str, Any], draft: drafts.Draft) -> list[str]:
    out: list[str] = []
    drafts_unknown._unknown_keys(data, drafts.to_dict(draft), "", out)  # the full walk, as before
    return out


def _new(data: dict[str, Any], draft: drafts.Draft) -> list[str]:
    return drafts_unknown.unknown_keys(data, draft)


def _tables(data: Any, found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    if isinstance(data, dict):
        found.append(data)
        for v in data.values():
            _tables(v, found)
    elif isinstance(data, list):
        for v in data:
            _tables(v, found)
    return found


def test_sources_found() -> None:
    assert len(SOURCES) > 20


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.stem)
def test_same_as_full_dict_on_real_drafts(path: Path) -> None:
    data = drafts.parse_toml(path.read_text(encoding="utf-8"), str(path))
    draft = drafts._Reader(str(path)).draft(data)
    assert _new(data, draft) == _old(data, draft)


# keys a draft knows somewhere (so a key known at one level lands at another), unknown ones, "resume"
KEYS = ["zz_extra", "resume", "budget", "spending_plan", "notes", "basis", "total", "mar", "category",
        "name", "value", "indicators", "template", "备注"]
VALUES = st.one_of(st.just(""), st.just("x"), st.just(1), st.just([]), st.just({}), st.just({"a": "b"}),
                   st.just({"total": 1}), st.just({"mar": 5}), st.just({"note": "n"}), st.just(["a"]))


@pytest.mark.slow
@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=st.sampled_from(SOURCES), edits=st.lists(
    st.tuples(st.integers(0, 10_000), st.sampled_from(KEYS), VALUES), min_size=1, max_size=6))
def test_same_as_full_dict_with_keys_added(source: Path, edits: list[tuple[int, str, Any]]) -> None:
    data = drafts.parse_toml(source.read_text(encoding="utf-8"), str(source))
    for where, key, value in edits:
        tables = _tables(data, [])
        table = tables[where % len(tables)]
        table[key] = copy.deepcopy(value)  # st.just shares one object: never a table inside itself
    try:
        draft = drafts._Reader(str(source)).draft(data)
    except drafts.DraftError:
        return  # a table the reader refuses never reaches the warning
    assert _new(data, draft) == _old(data, draft)


def test_many_unknown_keys_counted_the_same() -> None:
    data = drafts.parse_toml((FIXTURES / "seed-shunping-2020-fixed.toml").read_text(encoding="utf-8"), "seed")
    for i, p in enumerate(data["projects"]):
        for j, t in enumerate(p.get("indicators", [])):
            t[f"k{j}"] = i
        p["budget"] = {"zz": 1}
    draft = drafts._Reader("seed").draft(data)
    new = _new(data, draft)
    assert new == _old(data, draft)
    assert len(new) > 20


PLAIN_VALUES = ["", "x", 1, [], {}, {"a": "b"}, {"total": 1}, {"mar": 5}, {"note": "n"}, ["a"], [{"zz": 1}]]


@pytest.mark.slow
@pytest.mark.parametrize("where", ["project", "indicator", "budget", "spending_plan", "basis"])
def test_same_as_full_dict_for_each_key_on_a_project(where: str) -> None:
    text = (FIXTURES / "seed-shunping-2020-fixed.toml").read_text(encoding="utf-8")
    for key in KEYS:
        for value in PLAIN_VALUES:
            data = drafts.parse_toml(text, "seed")
            project = data["projects"][0]
            table = {"project": project, "indicator": project["indicators"][0]}.get(where)
            if table is None:
                table = project.setdefault(where, {}) if where != "basis" else project["indicators"][0].setdefault("basis", {})
            table[key] = copy.deepcopy(value)
            try:
                draft = drafts._Reader("seed").draft(data)
            except drafts.DraftError:
                continue
            assert _new(data, draft) == _old(data, draft), (where, key, value)
