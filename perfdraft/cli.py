"""The single entry point: ``perfdraft`` and ``python -m perfdraft``.

Only argparse and the standard library are imported at start; each command imports what it
needs when it runs, so ``perfdraft --help`` stays fast and loads no UI library. The commands
themselves are declared in ``perfdraft.commands``; no other module imports this one.
"""

from __future__ import annotations

import sys

from .commands import build_parser
from .errors import EXIT_BAD_INPUT, EXIT_FINDINGS, EXIT_OK, UsageError, err

__all__ = ["EXIT_BAD_INPUT", "EXIT_FINDINGS", "EXIT_OK", "UsageError", "build_parser", "main"]


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
    args = parser.parse_args(argv)
    if args.command is None:
        if args.line:
            parser.error("--line 需要配合 edit、demo 或 line FILE 使用")
        from .commands.drafting import cmd_start

        return cmd_start(args)
    from .drafts import DraftError

    try:
        return int(args.func(args))
    except (DraftError, UsageError) as exc:
        err(str(exc))
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        err("已中断")
        return 130
    except BrokenPipeError:
        return EXIT_OK
    except OSError as exc:  # what the system refused (a name too long, …): one line, no traceback
        from .drafts_io import os_error_message

        err(os_error_message(exc))
        return EXIT_BAD_INPUT


if __name__ == "__main__":
    sys.exit(main())
