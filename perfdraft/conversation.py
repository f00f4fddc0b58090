"""The conversation a front-end drives: ``Conversation`` (engine.py) and opening a draft for it.

The engine keeps navigation, undo and autosave (engine.py); every state is a step
(step_table.py, indicator_steps.py, review_steps.py); slash commands are a table
(slash_commands.py); what front-ends get back is in prompts.py.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .engine import STEPS, Conversation
from .places import finding_text

__all__ = ["STEPS", "Conversation", "finding_text", "open_session"]


def open_session(path: Path, **kwargs: Any) -> tuple[Conversation, Any]:
    """Load a draft, take its lock, clean temp files of killed saves; returns (conversation, closer).

    Kept for callers of the old pair; new code uses ``session.Session``. ``closer.release()`` writes
    what is not saved yet and releases the lock. Raises DraftError / DraftLocked with the user's message.
    """
    from .session import open_session as _open

    return _open(path, **kwargs)
