"""The cyclic garbage collector, paused while an interactive front-end starts.

Start-up makes a few hundred thousand objects that live as long as the process: modules, classes,
Textual's widgets, styles and CSS rules. The collector scans them again and again while they are being
made: about 55 ms of CPU before perfdraft's first screen, one full collection alone 25 ms, where a bare
Textual app spends 20 ms. Paused from the command's start until its first screen is painted; then
``gc.freeze()`` moves everything made so far out of all later collections (so no full scan of them
while the user types either) and collection resumes.

Core: no UI. The TUI and the line mode call ``resume`` once they have painted; the command that paused
also resumes on its way out (``paused``), whatever happened in between.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

_paused_here = False  # only what this module disabled is re-enabled: a caller's own gc.disable() stands


def pause() -> None:
    global _paused_here
    if gc.isenabled():
        gc.disable()
        _paused_here = True


def resume() -> None:
    """Freeze what start-up made and collect again. Idempotent; a no-op unless ``pause`` disabled it."""
    global _paused_here
    if _paused_here:
        _paused_here = False
        gc.freeze()
        gc.enable()


@contextmanager
def paused() -> Iterator[None]:
    pause()
    try:
        yield
    finally:
        resume()
