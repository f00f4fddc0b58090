"""The catalogue inside a drafting session: nothing unconfirmed is printed as the user's, □ rows
are flagged until filled, figures derived from the user's own answers say how, weak matches are
never taken by Enter."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from perfdraft import checks, drafts
from perfdraft.conversation import Conversation
from perfdraft.values import Qualitative, Quantity, parse

from .conftest import ROOT

DEPT = ["某县农业农村局", "", "2025", "1", "全年培训高素质农民，带动农民增收", "", "落实培训计划"]


def start(tmp_path, name: str) -> Conversation:
    path = tmp_path / "d.toml"
    drafts.save(drafts.new_draft(2025), path)
    conv = Conversation(drafts.load(path), path)
    for a in DEPT + [name]:
        assert conv.answer(a).ok, (a, conv.prompt().question)
    return conv


def enter_until(conv: Conversation, step: str, limit: int = 80) -> None:
    for _ in range(limit):
        if conv.prompt().step == step or conv.finished:
            return
        r = conv.answer("全年培训高素质农民，带动农民增收" if conv.prompt().step == "project.goal" else "")
        assert r.ok, (conv.prompt().step, [m.text for m in r.messages])
    raise AssertionError(f"never reached {step}")


@pytest.mark.slow
def test_accepting_every_default_prints_no_invented_figure(tmp_path):
    conv = start(tmp_path, "2025年农民实用技术培训经费")
    assert conv.prompt().step == "project.template"
    conv.answer("")  # Enter: a good fit is taken
    assert conv.draft.projects[0].template == "agr-farmer-training"
    enter_until(conv, "project.budget.total")
    conv.answer("300000")
    enter_until(conv, "project.goal")
    assert not conv.answer("").ok  # the goal's □ blanks are the user's to fill (PD301)
    enter_until(conv, "draft.done", 200)
    rows = conv.draft.projects[0].indicators
    assert len(rows) >= 8
    for ind in rows:
        v = parse(ind.value or "")
        sized = isinstance(v, Quantity) and v.unit not in ("%", "‰", "个百分点", "小时", "天", "个工作日") and v.number != 0
        assert not sized, (ind.name, ind.value)  # any count or money the user did not type is still □
        assert "示例" not in (ind.value or "") + (ind.basis.note if ind.basis and ind.basis.note else "")
        assert isinstance(v, Qualitative | Quantity) or "□" in (ind.value or "") or "年" in (ind.value or ""), ind.value
    placeholders = [f for f in checks.check_draft(conv.draft) if f.code == "PD102"]
    assert placeholders and all(f.severity == "error" for f in placeholders)
    out = tmp_path / "d.md"
    strict = subprocess.run([sys.executable, "-m", "perfdraft", "export", str(tmp_path / "d.toml"), "--to", "md", "-o", str(out),
                             "--strict"], capture_output=True, text=True, cwd=ROOT)
    assert strict.returncode != 0 and not out.exists(), strict.stdout + strict.stderr
    loose = subprocess.run([sys.executable, "-m", "perfdraft", "export", str(tmp_path / "d.toml"), "--to", "md", "-o", str(out)],
                           capture_output=True, text=True, cwd=ROOT)
    text = out.read_text("utf-8")
    assert loose.returncode == 0 and "□" in text and "示例" not in text


def test_a_typed_number_fills_the_placeholder_and_a_figure_is_derived_from_the_users_answers(tmp_path):
    conv = start(tmp_path, "高素质农民培育项目")
    conv.answer("1")
    enter_until(conv, "project.budget.total")
    conv.answer("300000")
    enter_until(conv, "indicator.value")
    p = conv.prompt()
    assert "□" in p.default and "直接输入数字" in p.question
    # checked while typing as it will be stored (≥300人): not as a bare number with no unit (PD103)
    assert conv.check("300") == []
    conv.answer("300")
    assert conv.draft.projects[0].indicators[0].value == "≥300人"
    for _ in range(30):
        p = conv.prompt()
        if p.step == "indicator.value" and "元/人" in (p.choices[-1].value if p.choices else ""):
            break
        conv.answer("5" if "□" in p.default else "")
    assert p.default == "=1000元/人", p.default  # 300000元 ÷ 300人
    assert p.choices[0].detail.startswith("推算") and "300000" in p.choices[0].detail and "300人" in p.choices[0].detail


def test_enter_never_takes_a_weak_match(tmp_path):
    conv = start(tmp_path, "人才引进奖励资金")
    p = conv.prompt()
    assert p.step == "project.template" and p.default == "0" and "弱匹配" in p.question
    notes = [c.detail for c in p.choices]
    assert any("弱匹配" in n for n in notes) and any(n.startswith("共性") for n in notes)
    conv.answer("")
    assert conv.draft.projects[0].template is None
    # A 共性 template is a whole start: picking it offers its rows.
    (tmp_path / "b").mkdir()
    conv2 = start(tmp_path / "b", "招商引资工作经费")
    first = conv2.prompt().choices[0]
    assert first.value == "common-03" and first.detail.startswith("共性")  # 工作经费: 运转保障类 first
    common = 1
    conv2.answer(str(common))
    assert conv2.draft.projects[0].template == "common-03"
    enter_until(conv2, "project.budget.total")
    conv2.answer("50000")
    enter_until(conv2, "indicator.value")
    assert "保障" in conv2.prompt().question


def test_the_goal_pattern_keeps_blanks_for_what_only_the_user_knows(tmp_path):
    conv = start(tmp_path, "高素质农民培育")
    conv.answer("1")
    enter_until(conv, "project.budget.total")
    conv.answer("300000")
    enter_until(conv, "project.goal")
    goal = conv.prompt().suggestion  # a sentence with □ is offered to edit (issue 18), never the default
    assert "□" in goal and goal.startswith("2025年") and not re.search(r"\d{3,}人", goal)


def test_a_number_typed_after_a_jump_fills_the_placeholder_too(tmp_path):
    """From the findings list (a /jump) to a row still holding ≤□元/亩, the number typed was checked and
    stored as a bare number (PD103, "=1500元?"), not put in the □ as on the first pass."""
    conv = start(tmp_path, "高素质农民培育项目")
    conv.answer("1")
    enter_until(conv, "project.budget.total")
    conv.answer("300000")
    enter_until(conv, "draft.done", 200)
    rows = conv.draft.projects[0].indicators
    k = next(i for i, ind in enumerate(rows) if "□" in (ind.value or ""))
    pattern = rows[k].value or ""
    assert conv.answer(f"/jump projects[0].indicators[{k}].value").ok
    p = conv.prompt()
    assert p.step == "indicator.edit" and "直接输入数字" in p.question
    assert not [f for f in conv.check("5") if f.severity == "error"]
    assert conv.answer("5").ok
    assert conv.draft.projects[0].indicators[k].value == pattern.replace("□", "5", 1)


def _first_catalogue_value(conv: Conversation):
    conv.answer("1")
    enter_until(conv, "project.budget.total")
    conv.answer("300000")
    for _ in range(40):
        p = conv.prompt()
        if p.step == "indicator.value":
            return p
        conv.answer("全年培训高素质农民，带动农民增收" if p.step == "project.goal" else "")
    raise AssertionError("no catalogue row offered")


def test_a_catalogue_rows_basis_is_shown_before_enter_takes_it_or_not_kept(tmp_path):
    # a newcomer's walk: 依据 (历史标准：…) was filled from the catalogue without ever being shown
    conv = start(tmp_path, "高素质农民培育项目")  # DEPT picks profile 1 (河北 2020: 描述 and 依据 columns)
    assert conv.draft.profile == "hebei-2020"
    p = _first_catalogue_value(conv)
    k = len(conv.draft.projects[0].indicators)
    conv.answer(p.default.replace("□", "5") if "□" in p.default else "")
    basis = conv.draft.projects[0].indicators[k].basis
    assert basis is not None and f"依据（随本条采用，可用 /jump 修改）：{basis.display()}" in p.question, p.question
    assert "口径（随本条采用）：" in p.question  # the catalogue's 口径 comes with the row too, and says so
    # what is asked is the last paragraph, so an 80-column panel that cuts the notes keeps it (a newcomer at
    # 80×24 saw 口径, 依据 and the □ hint, and not the question)
    from perfdraft.text_fit import fit_lines

    assert p.question.split("\n")[-1].startswith("指标值？")
    assert fit_lines(p.question, 78, 4)[-1].startswith("指标值？") or "指标值？" in "".join(fit_lines(p.question, 78, 4))
    other = tmp_path / "o"
    other.mkdir()
    conv = start(other, "高素质农民培育项目")
    conv.draft.profile = "local-2015"  # a table with no 依据 column
    p = _first_catalogue_value(conv)
    k = len(conv.draft.projects[0].indicators)
    conv.answer(p.default.replace("□", "5") if "□" in p.default else "")
    assert conv.draft.projects[0].indicators[k].basis is None and "依据：" not in p.question


def test_a_rows_levels_are_checked_as_typed_offered_and_a_pasted_wrong_pair_refused(tmp_path):
    """A newcomer pasted 产出指标 / 满意度指标: taken silently; its 二级 field then showed ✓ and offered nothing."""
    import shutil

    from perfdraft import drafts
    from perfdraft.conversation import Conversation

    from .conftest import SEED_FIXED

    path = tmp_path / "s.toml"
    shutil.copy(SEED_FIXED, path)
    conv = Conversation(drafts.load(path), path)
    assert conv.answer("/jump projects[0].indicators[6].level2").ok
    assert [ch.value for ch in conv.prompt().choices] == ["数量指标", "质量指标", "时效指标", "成本指标"]
    live = conv.check("满意度指标")
    assert [f.code for f in live] == ["PD201"] and "产出指标下的二级可选" in (live[0].suggestion or "")
    assert conv.check("时效指标") == []
    reply = conv.answer("满意度指标")  # said, not refused: fixing both levels passes through one
    assert reply.ok and "PD201" in [f.code for f in reply.findings]


def test_a_catalogue_rows_formula_is_shown_before_enter_takes_it(tmp_path):
    # a newcomer's export held a 计算公式 the questions had never shown (the formula came with the row)
    conv = start(tmp_path, "基本公共卫生服务项目")
    conv.answer("1")
    enter_until(conv, "project.budget.total")
    conv.answer("3000000")
    for _ in range(80):
        p = conv.prompt()
        if p.step == "indicator.value" and "居民电子健康档案覆盖率" in p.question:
            break
        conv.answer("全年提供基本公共卫生服务" if p.step == "project.goal" else
                    (p.default.replace("□", "5") if "□" in p.default else ""))
    else:
        raise AssertionError("the row with a formula was not offered")
    assert "计算公式（随本条采用，可用 /jump 修改）：建立规范化电子健康档案的常住居民人数÷辖区常住人口数×100%" in p.question
    assert p.question.split("\n")[-1].startswith("指标值？")


@pytest.mark.parametrize("command", ["/del", "/skip"])
def test_a_template_row_said_no_to_is_never_offered_again_not_even_after_a_reload(tmp_path, command):
    # the line mode's newcomer: rows dropped with /del or /skip came back when the draft was reopened, and
    # Enter put them in (one with a derived figure, one with its □), the weights then over 100
    conv = start(tmp_path, "高素质农民培育项目")
    p = _first_catalogue_value(conv)
    group, row = conv.pos.index, conv.pos.row
    names = [c.proposal.name for c in conv.ctx.candidates(conv.pos.project, group)]
    dropped, following = names[row], names[row + 1] if row + 1 < len(names) else None
    assert conv.answer(command).ok
    assert dropped in conv.draft.projects[0].declined
    if following is not None:  # the next row is asked, none skipped over
        assert conv.prompt().step == "indicator.value" and following in conv.prompt().question
    conv.save()
    again = Conversation(drafts.load(conv.path), conv.path)
    offered = [c.proposal.name for g in range(len(again.ctx.groups())) for c in again.ctx.candidates(0, g)]
    assert dropped not in offered and p.step == "indicator.value"
