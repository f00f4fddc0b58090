"""Every fix the checker proposes is accepted by the checker (issue 16: the advice is not circular).

Each finding that carries a ``fix`` is applied to its field on a copy of the draft; checking again,
that finding is gone, no value rule (PD1xx) fires on the field, and no new error lands on it.
"""

import copy
import re
from pathlib import Path

import pytest

from perfdraft import checks, drafts

from .conftest import SEED

CORPUS = Path(__file__).parent / "fixtures" / "corpus-drafts"
DRAFTS = [SEED, *sorted(p for p in CORPUS.glob("*.toml") if not p.name.endswith(".key.toml"))]
_PATH = re.compile(r"^(?:projects\[(\d+)\]|department)\.(?:sub_goals\[(\d+)\]\.)?indicators\[(\d+)\]\.(value|name)$")


def _row(draft, path):
    m = _PATH.match(path)
    if not m:
        return None, None
    project, sub_goal, index, attr = m.groups()
    if project is not None:
        rows = draft.projects[int(project)].indicators
    elif sub_goal is not None:
        rows = draft.department.sub_goals[int(sub_goal)].indicators
    else:
        rows = draft.department.indicators
    return rows[int(index)], attr


def _fixes():
    for path in DRAFTS:
        draft = drafts.load(path)
        for f in checks.check_draft(draft):
            if f.fix is not None:
                yield pytest.param(path, f, id=f"{path.stem[:20]}:{f.code}@{f.path}")


@pytest.mark.parametrize("path, finding", list(_fixes()))
def test_fix_is_accepted(path, finding):
    draft = copy.deepcopy(drafts.load(path))
    ind, attr = _row(draft, finding.path)
    assert ind is not None, f"a fix on a field the test cannot apply: {finding.path}"
    before = {(f.code, f.path) for f in checks.check_draft(draft) if f.severity == "error"}
    setattr(ind, attr, finding.fix)
    after = [f for f in checks.check_draft(draft) if f.path == finding.path]
    assert finding.code not in {f.code for f in after}, (finding.fix, after)
    assert not [f for f in after if f.code.startswith("PD1")], (finding.fix, after)
    new_errors = [f for f in after if f.severity == "error" and (f.code, f.path) not in before]
    assert not new_errors, (finding.fix, new_errors)


def test_there_are_fixes_to_check():
    assert len(list(_fixes())) >= 20
