"""What a front-end is shown and what it gets back: prompts, choices, messages, replies, positions.

The conversation engine produces these; the Textual app and the line mode only display them.
"""

from __future__ import annotations

from dataclasses import field
from typing import TYPE_CHECKING, NamedTuple

from .record import Record

if TYPE_CHECKING:
    from .checks import Finding


class Choice(NamedTuple):
    """One entry of a prompt's pick list."""

    label: str  # what the list shows
    value: str  # what choosing it answers
    detail: str = ""  # unit / sector / typical value beside it


class Prompt(NamedTuple):
    """The question a front-end shows, with its help, default, current value and choices."""

    step: str
    title: str  # "项目 1/8 · 预算数"
    question: str
    help: str
    default: str  # what Enter on an empty line answers ("" when nothing)
    prefill: str  # the current value, to edit in place
    choices: tuple[Choice, ...]
    path: str  # the model field, e.g. projects[0].budget.total
    multiline: bool = False
    # A sentence to edit rather than accept (a goal pattern with □ blanks): shown, inserted by Tab,
    # never what Enter answers.
    suggestion: str = ""


class Message(NamedTuple):
    """One line of the transcript, with the role that decides how it is shown."""

    role: str  # assistant | user | remark | error | table | notice
    text: str


class Reply(Record):
    """What the engine answers to an input: accepted or not, messages and findings."""

    ok: bool
    messages: list[Message]
    findings: list[Finding] = field(default_factory=list)
    quit: bool = False


class Position(Record, frozen=True):
    """Where the conversation is: the step and the project, group and row it is on."""

    step: str
    project: int = 0
    index: int = 0  # sub-goal n / indicator group / row being edited
    row: int = 0  # candidate within the group
    field: str = ""  # an indicator row's column (value | description | weight …); a candidate's name in a resume marker


class Rejected(Exception):
    """An answer that cannot be applied; the message says why and how to fix it."""

    def __init__(self, message: str, findings: list[Finding] | None = None):
        super().__init__(message)
        self.findings = findings or []
