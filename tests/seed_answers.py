"""One answer list that drafts seed project 1 (as in the corrected fixture) from an empty draft.

The TUI test, the line-mode tests and the keystroke benchmark all replay it, so the front-ends
can be compared file to file. Indicator rows the catalogue template offers are declined with
/del and the fixture's rows are pasted as tab-separated lines (what copying from Excel gives).
"""

from __future__ import annotations

from perfdraft import drafts, frameworks

from .conftest import SEED_FIXED


def basis_text(ind) -> str:
    if ind.basis is None:
        return ""
    return f"{ind.basis.category}：{ind.basis.note}" if ind.basis.note else (ind.basis.category or "")


def row_line(ind) -> str:
    return "\t".join([ind.name or "", ind.description or "", ind.value or "", basis_text(ind), ind.formula or ""])


def seed_project1_script():
    """[(kind, text)]: kind is 'type' (typed then Enter), 'paste' (pasted block) or 'enter'."""
    fixed = drafts.load(SEED_FIXED)
    d, p = fixed.department, fixed.projects[0]
    script: list[tuple[str, str]] = [
        ("type", d.name), ("type", d.code), ("type", "2020"), ("enter", ""),
        ("paste", d.overall_goal),
        *[("paste", g.text) for g in d.sub_goals], ("enter", ""),
        ("paste", d.safeguards),
        ("type", p.name), ("enter", ""),  # template: the first suggestion
        ("type", p.code), ("type", "1600000.00"), ("enter", ""), ("enter", ""),
        ("paste", p.purpose), ("enter", ""), ("paste", p.goal),
    ]
    return script, fixed


def indicator_answers(conv, fixed_project):
    """Answers for the indicator steps, computed against the live conversation state."""
    fw = frameworks.get("local-2015")
    groups = [(l1, l2) for l1, l2s in fw.levels.items() for l2 in l2s]
    rows_by_group: dict[int, list] = {}
    for ind in fixed_project.indicators:
        pair = frameworks.canonical_levels(ind.level1, ind.level2, fw)
        rows_by_group.setdefault(groups.index(pair), []).append(ind)
    return rows_by_group


def answers(conv, fixed):
    """Yield (kind, text) one at a time; the caller applies each (through a front-end) before the next,
    because the indicator answers depend on what the engine offers at that moment."""
    script, _ = seed_project1_script()
    yield from script
    rows = indicator_answers(conv, fixed.projects[0])
    pasted: set[int] = set()
    for _ in range(200):
        step = conv.prompt().step
        gi = conv.pos.index
        if step == "indicator.value":
            yield ("type", "/del")
        elif step == "indicator.add":
            if gi in rows and gi not in pasted:
                pasted.add(gi)
                for ind in rows[gi]:
                    yield ("paste", row_line(ind))
            else:
                yield ("enter", "")
        elif step in ("project.review", "project.name"):
            yield ("enter", "")  # past the review; then no more projects
        elif step == "draft.review":
            yield ("enter", "")
            return
        else:
            raise AssertionError(f"unexpected step {step}")
    raise AssertionError("script did not finish")


def flat_answers() -> list[str]:
    """The same answers as lines, computed by replaying against an engine (for the line mode)."""
    from perfdraft.conversation import Conversation

    fixed = drafts.load(SEED_FIXED)
    conv = Conversation(drafts.new_draft(2020), None)
    lines: list[str] = []

    def answer(kind, text):
        lines.append(text)
        r = conv.answer(text)
        assert r.ok, (text, [m.text for m in r.messages])

    for kind, text in answers(conv, fixed):
        answer(kind, text)
    return lines


# A new draft walked to project 1's first catalogue row (城乡居民养老 template), for tests that start there.
DEPT_ANSWERS = ("某县社保局", "317002", "2021", "1", "完成参保 1000 人", "分项一", "", "保障措施")
PROJECT_ANSWERS = ("城乡居民基本养老保险缴费补贴资金", "1", "X", "160万", "", "", "用途", "",
                   "为 105000 名参保人员发放补贴，参保率 95%")


def walk_to_first_indicator(conv) -> None:
    """Answer the department part and project 1's header: the next question is its first indicator's value."""
    for text in (*DEPT_ANSWERS, *PROJECT_ANSWERS):
        assert conv.answer(text).ok, text
    assert conv.prompt().step == "indicator.value"


def walk_to_added_rows(conv) -> None:
    """As walk_to_first_indicator, then every catalogue row of the first group declined: rows are added now."""
    walk_to_first_indicator(conv)
    while conv.prompt().step == "indicator.value":
        assert conv.answer("/del").ok
    assert conv.prompt().step == "indicator.add"
