"""What a step is: the record every state of the conversation declares (step_table.py explains the table)."""

# Annotations are evaluated (no ``from __future__ import annotations``): typing.NamedTuple compiles
# every string annotation on its own, a millisecond of start-up for this class's 25 fields.
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, NamedTuple

from .prompts import Choice, Message, Position

if TYPE_CHECKING:
    from .checks import Finding
    from .step_context import StepContext as Ctx
else:
    Ctx = Any  # steps see only the StepContext's public attributes

Answer = tuple[Position, list["Finding"]]


class Step(NamedTuple):
    """One question of the conversation: when it is asked, what it shows and how it applies."""

    id: str
    # The checker's path of what the step edits: a template ({p} project, {i} index, {r} row, {f} field)
    # or a function of the position.
    path: str | Callable[[Ctx, Position], str]
    read: Callable[[Ctx, Position], str]  # the current value, to edit in place
    apply: Callable[[Ctx, Position, str], None] = lambda c, pos, t: None
    default: Callable[[Ctx, Position], str] = lambda c, pos: ""
    choices: Callable[[Ctx, Position], list[Choice]] = lambda c, pos: []
    live: Callable[[Ctx, Position, str], list["Finding"]] = lambda c, pos, t: []
    required: bool = False
    multiline: bool = False
    # An empty line answers the default ("default") or keeps the current value ("keep").
    empty: str = "keep"
    # What the step says and shows; None = the words of steps.STEP_TEXTS.
    question: Callable[[Ctx, Position], str] | None = None
    title: Callable[[Ctx, Position], str] | None = None
    prefill: Callable[[Ctx, Position], str] | None = None  # None = read
    suggestion: Callable[[Ctx, Position], str] = lambda c, pos: ""  # text to edit (Tab), never taken by Enter
    group_help: Callable[[Ctx, Position], str] = lambda c, pos: ""
    # Where things lead; None = the generic field behaviour (apply, then the next step in order).
    answer: Callable[[Ctx, Position, str], Answer] | None = None
    next: Callable[[Ctx, Position], Position] | None = None
    skip: Callable[[Ctx, Position], Position] | None = None
    resume: Callable[[Ctx, Position], Position] = lambda c, pos: pos
    # Passed over on arrival when true (a cloned draft: filled, valid, not to confirm).
    settled: Callable[[Ctx, Position], bool] | None = None
    # Redirect on arrival, always (no 文号 in the name: nothing to ask); None = stay.
    arrive: Callable[[Ctx, Position], Position | None] = lambda c, pos: None
    # What arriving shows (a review's table and findings).
    shows: Callable[[Ctx, Position], list[Message]] = lambda c, pos: []
    # After a /jump, an answer here returns where the user came from.
    returns: bool = True
    # A label for the checker's field path this step edits (fields.py key), for /jump by label.
    field: str = ""
