"""The checker: rules (rules.py) applied to a value, an indicator, a project or a whole draft.

Every finding carries a zero-based path (``projects[1].indicators[5].value``) so a front-end can
jump to it. ``check_value`` runs on every keystroke: it only parses (cached) and compares.
One module per rule family: value (PD1xx), indicator (PD2xx), project (PD3xx), draft (PD4xx);
the word lists the rules rely on are tables in ``words``.
"""

from __future__ import annotations

from .draft import check_department, check_draft, counts
from .finding import Finding
from .indicator import check_indicator
from .project import check_project, tiny_budget
from .value import check_value

__all__ = ["Finding", "check_department", "check_draft", "check_indicator", "check_project", "check_value", "counts",
           "tiny_budget"]
