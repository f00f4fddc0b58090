"""What a rule needs to know about the table it checks: its profile (columns, header), framework, year.

Rules about a column or a header field fire only where the profile has it; level rules use the
profile's framework and its aliases. Callers that know only a framework id (the conversation's live
checks) get the profile drafts of that framework had before profiles existed.
"""

from __future__ import annotations

from functools import lru_cache

from .. import frameworks, profiles
from ..model import Draft
from ..record import Record


class Context(Record, frozen=True):
    profile: profiles.Profile
    framework: frameworks.Framework
    year: int | None = None

    def has(self, key: str) -> bool:
        return _has(self.profile.id, key)


@lru_cache(maxsize=1024)
def _has(profile_id: str, key: str) -> bool:
    return profiles.get(profile_id).has(key)


@lru_cache(maxsize=64)
def _context(framework_id: str, profile_id: str | None, year: int | None) -> Context:
    if profile_id in profiles.PROFILES:
        profile = profiles.PROFILES[profile_id]
    else:
        profile = profiles.get(profiles.BY_FRAMEWORK.get(framework_id))
    # An explicit non-default framework wins over the profile's (a central-2021 draft on a local layout).
    fw_id = framework_id if framework_id not in ("local-2015", profile.framework) else profile.framework
    return Context(profile, frameworks.get(fw_id), year)


def context(framework_id: str = "local-2015", profile: str | None = None, year: int | None = None) -> Context:
    return _context(framework_id or "local-2015", profile, year)


def for_draft(draft: Draft) -> Context:
    return _context(draft.framework or "local-2015", draft.profile, draft.year)


@lru_cache(maxsize=4096)
def _levels(framework_id: str, level1: str | None, level2: str | None) -> tuple[str | None, str | None]:
    return frameworks.canonical_levels(level1, level2, frameworks.get(framework_id))


def levels(ctx: Context, level1: str | None, level2: str | None) -> tuple[str | None, str | None]:
    """Canonical (一级, 二级) in the table's framework; cached, as the same few labels recur on every row."""
    return _levels(ctx.framework.id, level1, level2)
