"""A finding: one rule firing at one place, or one cause listed at several places."""

from __future__ import annotations

from ..record import Record
from ..rules import RULES


class Finding(Record, frozen=True):
    code: str
    severity: str
    path: str  # where a front-end jumps: the first place when there are several
    message: str
    suggestion: str | None = None
    # One cause at several places ("12 行缺指标值确定依据"): every place, ``path`` first. Empty for one place.
    places: tuple[str, ...] = ()
    # The replacement the checker proposes for the field at ``path``, when it is sure of one; applying it
    # makes this finding go away (tests/test_checks_fixes.py holds the checker to that).
    fix: str | None = None

    def as_dict(self) -> dict[str, object]:
        out: dict[str, object] = {"code": self.code, "severity": self.severity, "path": self.path,
                                  "message": self.message, "suggestion": self.suggestion}
        if self.places:
            out["places"] = list(self.places)
        if self.fix is not None:
            out["fix"] = self.fix
        return out


def _f(code: str, path: str, message: str, suggestion: str | None = None, *,
       places: tuple[str, ...] = (), fix: str | None = None) -> Finding:
    return Finding(code, RULES[code].severity, path, message, suggestion, places, fix)


def one_cause(code: str, places: list[str], message: str, suggestion: str | None = None) -> Finding:
    """One finding for one cause at several places: the count in the message, the first place as path."""
    return _f(code, places[0], message, suggestion, places=tuple(places) if len(places) > 1 else ())
