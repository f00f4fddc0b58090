"""A finding: one rule firing at one place (or one cause at several places)."""

from __future__ import annotations

from dataclasses import dataclass

from ..rules import RULES


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    path: str
    message: str
    suggestion: str | None = None

    def as_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "severity": self.severity, "path": self.path,
                "message": self.message, "suggestion": self.suggestion}


def _f(code: str, path: str, message: str, suggestion: str | None = None) -> Finding:
    return Finding(code, RULES[code].severity, path, message, suggestion)
