"""``perfdraft completion bash|zsh``: a completion script generated from the argparse table.

shtab reads the parser itself, so a new command or option completes without editing a script.
Draft arguments complete as file names.
"""

from __future__ import annotations

import argparse

from .errors import EXIT_OK


def script(shell: str) -> str:
    import shtab

    from .commands import build_parser

    parser = build_parser()
    for action in _file_arguments(parser):
        action.complete = shtab.FILE  # type: ignore[attr-defined]
    _listed_choices(parser)
    return str(shtab.complete(parser, shell=shell))


def _file_arguments(parser: argparse.ArgumentParser):
    """Positional arguments and -o/--output, --catalogue, --dir, --answers: all name files or directories."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                yield from _file_arguments(sub)
        elif action.choices is None and (not action.option_strings and action.dest not in ("code", "id", "query")
                                         or {"-o", "--catalogue", "--dir", "--answers"} & set(action.option_strings)):
            yield action


def _listed_choices(parser: argparse.ArgumentParser) -> None:
    """Lazy choices (commands.ProfileIds, read only when argparse checks a value) become plain lists on
    this throwaway parser: older shtab indexes choices (1.7 does ``choices[0]``), and the script should
    offer the ids anyway."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in action.choices.values():
                _listed_choices(sub)
        elif action.choices is not None and not isinstance(action.choices, (list, tuple, dict, str)):
            action.choices = list(action.choices)


def cmd_completion(args: argparse.Namespace) -> int:
    print(script(args.shell))
    return EXIT_OK
