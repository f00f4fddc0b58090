"""Issue 13's test of the house: a profile, a field and a slash command are one declaration each.

Each test declares its new thing here (monkeypatched into the registry, so nothing outside this file
changes) and shows the rest of the program picks it up: the profile is listed, offered and accepted;
the field is asked where a profile has it, reachable by ``/jump`` and ``fill --set``, exported and
imported; the slash command is offered in every help and dispatched by its words.
"""

from __future__ import annotations

import argparse
import csv
import io

import pytest

from perfdraft import drafts, fields, profiles, slash_commands
from perfdraft.cli import main
from perfdraft.commands.inspect import cmd_profiles
from perfdraft.conversation import Conversation
from perfdraft.exporters import render
from perfdraft.fill import known_paths, set_path
from perfdraft.importers import import_file
from perfdraft.model import Indicator
from perfdraft.prompts import Message
from perfdraft.step_table import profile_order
from perfdraft.steps import COMMANDS, Command

from .conftest import SEED_FIXED

# --- the three declarations ----------------------------------------------------------------------------

EVIDENCE = fields.Field("indicator.evidence", "indicator", "evidence", "佐证材料", ("证明材料",))
WITH_EVIDENCE = dict(id="with-evidence", title="带佐证材料的表（测试）", framework="local-2015",
                     columns=("indicator.level1", "indicator.level2", "indicator.name", "indicator.value",
                              "indicator.evidence"),
                     header=("project.name", "project.budget.total", "project.goal"),
                     markers=("佐证材料",), summary="测试用：每条指标附佐证材料。")


@pytest.fixture
def evidence(monkeypatch):
    """A new field: its registry entry (and the attribute the model keeps it in)."""
    monkeypatch.setattr(Indicator, "evidence", None, raising=False)
    monkeypatch.setattr(fields, "FIELDS", {**fields.FIELDS, EVIDENCE.key: EVIDENCE})
    return EVIDENCE


@pytest.fixture
def profile(monkeypatch, evidence):
    """A new profile: one row, whose table has the new field as a column."""
    p = profiles._p(**WITH_EVIDENCE)
    monkeypatch.setitem(profiles.PROFILES, p.id, p)
    return p


@pytest.fixture
def count_command():
    """A new slash command: its words and its handler, in one call."""
    slash_commands.register(Command("count", ("计数",), "本项目有几条指标"),
                            lambda conv, arg: [Message("notice", f"本项目有 {len(conv.draft.projects[0].indicators)} 条指标")])
    yield
    slash_commands.unregister("count")


def _seed(profile_id: str):
    draft = drafts.load(SEED_FIXED)
    draft.profile = profile_id
    return draft


def _feed(conv: Conversation, *texts: str) -> None:
    for t in texts:
        r = conv.answer(t)
        assert r.ok, (conv.prompt().title, t, [m.text for m in r.messages])


# --- a profile -----------------------------------------------------------------------------------------


def test_a_new_profile_is_listed_and_accepted(profile, capsys, tmp_path):
    assert cmd_profiles(argparse.Namespace(id=None)) == 0
    assert f"{profile.id}  {profile.title}" in capsys.readouterr().out
    assert cmd_profiles(argparse.Namespace(id=profile.id)) == 0
    assert "指标栏目：一级指标 | 二级指标 | 三级指标 | 指标值 | 佐证材料" in capsys.readouterr().out
    # perfdraft new --profile accepts it (the parser reads the ids from profiles.py)
    path = tmp_path / "new.toml"
    assert main(["new", str(path), "--profile", profile.id]) == 0
    assert drafts.load(path).profile == profile.id
    other = tmp_path / "other.toml"
    assert main(["new", str(other)]) == 0 and main(["fill", str(other), "--set", f"profile={profile.id}"]) == 0
    assert drafts.load(other).profile == profile.id
    # a table whose headers name its marker is read as this profile
    assert profiles.detect_from_headers(["一级指标", "三级指标", "指标值", "佐证材料"]) == profile.id


def test_a_new_profile_is_offered_by_the_conversation(profile):
    conv = Conversation(drafts.new_draft(2021), None)
    _feed(conv, "某县社保局", "317002", "2021")
    p = conv.prompt()
    number = str(profile_order().index(profile.id) + 1)
    assert (profile.title, number) in [(c.label, c.value) for c in p.choices]
    _feed(conv, number)
    assert conv.draft.profile == profile.id and conv.draft.framework == profile.framework


# --- a field -------------------------------------------------------------------------------------------


ANSWERS = {"dept.name": "某县社保局", "dept.code": "317002", "draft.year": "2021", "dept.overall_goal": "完成参保 1000 人",
           "dept.safeguards": "保障措施", "project.name": "社保经办", "project.budget.total": "1600000",
           "project.goal": "完成参保 1000 人", "project.purpose": "用于社保经办", "project.template": ""}


def _first_candidate(profile_number: str) -> Conversation:
    """A new draft answered up to the catalogue's first candidate row (other questions skipped)."""
    conv = Conversation(drafts.new_draft(2021), None)
    for _ in range(40):
        p = conv.prompt()
        if p.step == "indicator.value":
            return conv
        _feed(conv, profile_number if p.step == "draft.framework" else ANSWERS.get(p.step, "/skip"))
    raise AssertionError("no candidate row reached")


def test_a_new_field_is_asked_where_the_profile_has_it(profile):
    conv = _first_candidate(str(profile_order().index(profile.id) + 1))
    _feed(conv, "≥1000人")  # the candidate's value: its remaining columns are asked next
    p = conv.prompt()
    assert p.step == "indicator.more" and p.title.endswith("佐证材料") and "佐证材料" in p.question
    _feed(conv, "业务台账")
    assert conv.draft.projects[0].indicators[0].evidence == "业务台账"


def test_a_new_field_is_not_asked_where_the_profile_lacks_it(evidence):
    conv = _first_candidate("1")
    _feed(conv, "≥1000人")
    assert "佐证材料" not in conv.prompt().title


def test_a_new_field_is_reached_by_jump_and_fill_set(profile, tmp_path):
    draft = _seed(profile.id)
    conv = Conversation(draft, None)
    _feed(conv, "/jump 第 2 条 佐证材料")
    assert conv.prompt().title.endswith("佐证材料")
    _feed(conv, "考勤表")
    _feed(conv, "/jump 第 3 条 证明材料", "签到表")  # by its other label too
    assert [i.evidence for i in draft.projects[0].indicators[1:3]] == ["考勤表", "签到表"]

    assert "projects[0].indicators[0].evidence" in known_paths(draft)
    set_path(draft, "projects[0].indicators[0].佐证材料", "花名册")
    assert draft.projects[0].indicators[0].evidence == "花名册"

    path = tmp_path / "d.toml"
    drafts.save(draft, path)
    assert main(["fill", str(path), "--set", "projects[1].indicators[0].evidence=会议纪要"]) == 0
    back = drafts.load(path)
    assert back.projects[1].indicators[0].evidence == "会议纪要"
    assert back.projects[0].indicators[0].evidence == "花名册"


def test_a_new_field_is_exported_and_imported(profile, tmp_path):
    draft = _seed(profile.id)
    draft.projects[0].indicators[0].evidence = "考勤表"
    data = render(draft, "csv", profile.id).data
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert "佐证材料" in rows[0] and rows[1][rows[0].index("佐证材料")] == "考勤表"
    (tmp_path / "out.csv").write_bytes(data)  # a visible table, no embedded draft: read by its header labels
    assert import_file(tmp_path / "out.csv").draft.projects[0].indicators[0].evidence == "考勤表"
    for fmt in ("xlsx", "docx"):
        path = tmp_path / f"out.{fmt}"
        path.write_bytes(render(draft, fmt).data)
        back = import_file(path).draft
        assert back.profile == profile.id
        assert [i.evidence for i in back.projects[0].indicators] == [i.evidence for i in draft.projects[0].indicators]


def test_the_printed_table_has_the_new_column(profile):
    import docx

    draft = _seed(profile.id)
    draft.projects[0].indicators[0].evidence = "考勤表"
    doc = docx.Document(io.BytesIO(render(draft, "docx").data))
    grids = [[c.text for c in t._cells] for t in doc.tables]
    first = next(g for g in grids if "佐证材料" in g)  # project 1's indicator table (the department's come first)
    assert first[:5] == ["一级指标", "二级指标", "三级指标", "指标值", "佐证材料"] and "考勤表" in first


# --- a slash command -----------------------------------------------------------------------------------


def test_a_new_slash_command_is_offered_and_dispatched(count_command):
    conv = Conversation(drafts.load(SEED_FIXED), None)
    n = len(conv.draft.projects[0].indicators)
    assert conv.answer("/count").messages[-1].text == f"本项目有 {n} 条指标"
    assert conv.answer("/计数").messages[-1].text == f"本项目有 {n} 条指标"
    assert "/count  本项目有几条指标" in conv.answer("/commands").messages[-1].text
    assert "/count（计数）" in conv.answer("/help").messages[-1].text
    assert any(c.name == "count" for c in COMMANDS)  # what the line mode completes and the TUI lists


def test_the_front_ends_list_the_same_command_table(count_command):
    """F1 help and the command palette (TUI) iterate steps.COMMANDS itself, which register() extends in place."""
    from perfdraft.tui import app
    from perfdraft.tui.screens import help

    assert help.COMMANDS is COMMANDS and app.COMMANDS is COMMANDS
    assert COMMANDS[-1].name == "count"


def test_an_unregistered_command_is_gone():
    conv = Conversation(drafts.load(SEED_FIXED), None)
    assert not conv.answer("/count").ok
    assert not any(c.name == "count" for c in COMMANDS)


def test_caches_built_from_the_registry_follow_it_and_never_serve_a_freed_one(monkeypatch):
    """The importers' label tables were keyed on id(FIELDS) alone: a field declared into the same
    registry was not seen, and a registry freed after a test could lend its id to the next one."""
    from perfdraft.importers import labels

    before = fields.registry_key()
    assert "证明材料" not in labels.grid_headers()
    monkeypatch.setitem(fields.FIELDS, EVIDENCE.key, EVIDENCE)  # declared into the same registry
    assert fields.registry_key() != before and "证明材料" in labels.grid_headers()
    monkeypatch.undo()
    keys = set()
    for _ in range(50):  # swapped registries, each dropped at once: none may share a key
        monkeypatch.setattr(fields, "FIELDS", dict(fields.FIELDS))
        keys.add(fields.registry_key())
        monkeypatch.undo()
    assert len(keys) == 50
