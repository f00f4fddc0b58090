"""Saving a session's draft cheaply and off the UI thread (issue 21, item 1).

Three parts:

* :func:`freeze` turns the draft into nested tuples of immutable values in one pass (about 10 ms for
  1,000 projects): a consistent snapshot the UI thread hands over before it changes the draft again,
  and the conversation's undo points (a deep copy cost 0.2–0.7 s per answer on such drafts).
* :class:`ChunkDumper` writes the TOML file as chunks: the head (year, framework, department, notes),
  one chunk per project, the resume marker. The file is exactly ``drafts.dumps`` (tomli_w writes an
  array of tables as the concatenation of its elements). A chunk is dumped and verified (parsed and
  read back) only when its project changed: an answer re-dumps one project, not a thousand.
* :class:`Saver` writes snapshots through ``drafts_io.save_bytes`` (atomic, backup, modes, conflicts),
  inline or on its own thread; requests made while a save runs collapse into the newest.
"""

import functools
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from . import drafts_io
from .errors import DraftConflict, DraftError
from .model import Draft

# --- snapshots ---------------------------------------------------------------------------------

_LIST = list  # marker of a frozen list: (list, item, item, …)


def freeze(obj: Any) -> Any:
    """An immutable, hashable copy of a model object: (type, field names, values) for a model record,
    (list, items…) for a list, the value itself for str / int / Decimal / None."""
    d = getattr(obj, "__dict__", None)
    if d is not None:
        values = tuple(d.values())
        try:
            hash(values)  # every field immutable (the common case for a row): no need to look inside
        except TypeError:
            values = tuple(_freeze_value(v) for v in values)
        return (type(obj), tuple(d), values)
    return _freeze_value(obj)


def _freeze_value(v: Any) -> Any:
    t = type(v)
    if t is list:
        return (_LIST, *[freeze(x) for x in v])
    if t is dict:
        return (dict, tuple((k, freeze(x)) for k, x in v.items()))
    if getattr(v, "__dict__", None) is not None:
        return freeze(v)
    return v


def thaw(frozen: Any) -> Any:
    """The model object a :func:`freeze` result stands for (new objects, sharing only immutable values)."""
    if type(frozen) is not tuple or not frozen or not isinstance(frozen[0], type):
        return frozen
    kind: Any = frozen[0]
    if kind is _LIST:
        return [thaw(x) for x in frozen[1:]]
    if kind is dict:
        return {k: thaw(x) for k, x in frozen[1]}
    obj = kind.__new__(kind)
    obj.__dict__.update(zip(frozen[1], (thaw(v) for v in frozen[2]), strict=True))
    return obj


def _fields(frozen: Any) -> dict[str, Any]:
    return dict(zip(frozen[1], frozen[2], strict=True))


class Freezer:
    """:func:`freeze` for a session's draft, re-freezing only the projects that may have changed.

    ``touched``: indexes of the projects an answer may have changed (the project it was given at and
    the one it led to); every other project whose object is the one frozen last time is taken from
    then, as the very same tuple, which also lets the dumper find its chunk by identity. A project
    object never seen before (added, or brought back by an undo) is frozen in full. ``touched=None``
    freezes everything (after changes made outside the conversation, e.g. ``fill --set``).
    """

    def __init__(self) -> None:
        self._projects: dict[int, tuple[Any, Any]] = {}

    def freeze(self, draft: Draft, touched: set[int] | None = None) -> Any:
        cache: dict[int, tuple[Any, Any]] = {}
        frozen_projects = []
        old = self._projects
        for i, p in enumerate(draft.projects):
            entry = old.get(id(p))
            if entry is None or entry[0] is not p:
                entry = (p, freeze(p))
            elif touched is None or i in touched:
                fp = freeze(p)
                if fp != entry[1]:  # unchanged: keep the old tuple, so its chunk is found by identity
                    entry = (p, fp)
            cache[id(p)] = entry
            frozen_projects.append(entry[1])
        self._projects = cache
        d = draft.__dict__
        values = tuple((_LIST, *frozen_projects) if k == "projects" else _freeze_value(v) for k, v in d.items())
        return (type(draft), tuple(d), values)

    def thaw(self, frozen: Any) -> Draft:
        """The draft of an undo point, reusing the live project objects that did not change since."""
        live = {id(fp): p for p, fp in self._projects.values()}
        fields = _fields(frozen)
        projects = []
        for fp in fields["projects"][1:]:
            p = live.get(id(fp))
            if p is None or self._projects.get(id(p), (None, None))[1] is not fp:
                p = thaw(fp)
                self._projects[id(p)] = (p, fp)
            projects.append(p)
        head = dict(fields)
        head["projects"] = (_LIST,)
        draft = thaw((frozen[0], tuple(head), tuple(head.values())))
        draft.projects = projects
        return draft


# --- the file in chunks --------------------------------------------------------------------------


def _toml(data: dict[str, Any]) -> str:
    import tomli_w

    return tomli_w.dumps(data, multiline_strings=True)


@functools.cache
def _chunk_writer() -> tuple[Any, Any, Any] | None:
    """tomli_w's own table writer, or None where its private names or their signature differ from 1.2's
    (a newer tomli-w): then every save dumps the whole file, slower on a large draft but never wrong."""
    try:
        from tomli_w._writer import Context, gen_table_chunks, is_suitable_inline_table

        ctx = Context(True, 4)
        probe = {"name": "x" * 120, "indicators": [{"name": "y" * 120}]}  # too long to be inlined
        chunk = "".join(gen_table_chunks(probe, ctx, name="projects", inside_aot=True))
        if is_suitable_inline_table(probe, ctx) or _toml({"projects": [probe, probe]}) != chunk + "\n" + chunk:
            return None
    except Exception:  # noqa: BLE001 - any change in a private API means: do not use it
        return None
    # The class, not that instance: a Context caches each inline table's text by id() of its dict, and
    # one Context kept for the process served a freed dict's text for a new dict at the same address
    # (a row's basis written as another table's). tomli_w.dumps makes one per call; so does each chunk.
    return Context, gen_table_chunks, is_suitable_inline_table


def _whole_file(frozen: Any, source: str) -> str:
    """The whole draft dumped at once, and read back before anything is written."""
    from . import drafts

    text = drafts.dumps(thaw(frozen))
    drafts.loads(text, source)
    return text


def _project_chunk(pd: dict[str, Any], writer: tuple[Any, Any, Any]) -> tuple[str, bool]:
    """One project as an element of the ``[[projects]]`` array, exactly as tomli_w writes it inside the
    whole file, and whether tomli_w would rather inline it (then only the whole file decides the form)."""
    context, gen_table_chunks, is_suitable_inline_table = writer
    ctx = context(True, 4)  # a fresh one per chunk (see _chunk_writer): its cache lives as long as pd does
    inline = _short(pd, [0]) and is_suitable_inline_table(pd, ctx)
    return "".join(gen_table_chunks(pd, ctx, name="projects", inside_aot=True)), inline


def _short(value: Any, used: list[int], limit: int = 100) -> bool:
    """Could tomli_w write this inline (one line of at most 100 characters)? False as soon as it cannot,
    without rendering it: rendering a project with 17 rows inline only to learn that doubled a dump."""
    if isinstance(value, dict):
        items: Any = value.items()
    elif isinstance(value, list):
        items = ((None, v) for v in value)
    else:
        text = str(value)
        used[0] += len(text) + 4
        return "\n" not in text and used[0] <= limit
    for key, v in items:
        used[0] += len(key) + 3 if key else 2
        if used[0] > limit or not _short(v, used, limit):
            return False
    return True


class ChunkDumper:
    """``drafts.dumps`` with each project's chunk kept (and verified once) while it does not change."""

    def __init__(self) -> None:
        self._head: tuple[Any, str] | None = None
        self._trusted: list[Any] = []
        self._by_id: dict[int, tuple[Any, tuple[str, bool]]] = {}
        self.trusted: set[int] = set()  # ids of frozen projects read from the file: dumped, not re-verified

    def trust(self, frozen: Any) -> None:
        """Projects just read from the file hold only what tomllib and the reader accepted: their chunks
        need no read-back on the first save (which would double its cost on a large draft)."""
        self._trusted = [fp for fp in _fields(frozen)["projects"][1:]]  # kept alive: ids stay theirs
        self.trusted = {id(fp) for fp in self._trusted}

    def dumps_verified(self, draft: Draft, source: str) -> str:
        return self.dumps_frozen(freeze(draft), source)

    def dumps_frozen(self, frozen: Any, source: str) -> str:
        from . import drafts

        reader = drafts._Reader(source)
        writer = _chunk_writer()
        if writer is None:  # a tomli-w whose private writer changed: the whole file, verified
            return _whole_file(frozen, source)
        fields = _fields(frozen)
        chunks: list[tuple[str, bool]] = []
        by_id: dict[int, tuple[Any, tuple[str, bool]]] = {}
        for i, fp in enumerate(fields["projects"][1:]):
            # Found by identity: an unchanged project is the very tuple frozen before (Freezer), and
            # hashing a thousand nested tuples for a dict lookup cost more than the answer itself.
            hit = self._by_id.get(id(fp))
            if hit is not None and hit[0] is fp:
                chunk = hit[1]
            else:
                pd = drafts.project_dict(thaw(fp))
                chunk = _project_chunk(pd, writer)
                if id(fp) not in self.trusted:
                    parsed = drafts.parse_toml(chunk[0], source)  # never write what we could not read back
                    back = reader.project(reader.table_list(parsed, "projects", "")[0], f"projects[{i}]")
                    if drafts.project_dict(back) != pd:  # read back as something else: the whole file
                        return _whole_file(frozen, source)
            by_id[id(fp)] = (fp, chunk)
            chunks.append(chunk)
        self._by_id = by_id  # only what this draft still has: memory stays one copy of the file
        if not chunks or all(inline for _, inline in chunks):
            # tomli_w writes an array of small tables inline at the top: the whole file, at once.
            return _whole_file(frozen, source)
        head_key = tuple((k, v) for k, v in fields.items() if k not in ("projects", "resume"))
        if self._head is None or self._head[0] != head_key:
            head_fields = {**fields, "projects": (_LIST,), "resume": None}
            head = thaw((frozen[0], tuple(head_fields), tuple(head_fields.values())))
            text = _toml(drafts.head_dict(head))
            reader.draft(drafts.parse_toml(text, source))
            self._head = (head_key, text)
        parts = [self._head[1], *(text for text, _ in chunks)]
        resume = fields.get("resume")
        if resume:
            parts.append(_toml({"resume": dict(thaw(resume))}))
        return "\n".join(parts)


# --- the saver -------------------------------------------------------------------------------------


class SaveResult(NamedTuple):
    """How a save ended: written or not, and the message for the status line."""

    ok: bool
    error: str | None = None
    kept: Path | None = None  # where the session's version went when the draft changed on disk
    seconds: float = 0.0


class Saver:
    """Writes a session's snapshots to its draft. ``background``: on a thread of its own, so that the
    UI thread only freezes the draft (``request``); otherwise each request is written before it returns.

    ``conversation.dirty`` is cleared only when the newest snapshot is on disk; ``on_done(result)`` runs
    on the writing thread after each write (front-ends hop to their own thread from there)."""

    def __init__(self, path: Path, state: drafts_io.DiskState | None, *, background: bool = False,
                 on_done: Callable[[SaveResult], None] | None = None):
        self.path = Path(path)
        self.state = state
        self.background = background
        self.on_done = on_done
        self.conv: Any = None
        self.last: SaveResult | None = None
        self.notice: str | None = None  # set once the saves go to a conflict file instead
        self._dumper = ChunkDumper()
        self._cond = threading.Condition()
        self._io = threading.Lock()
        self._requested = 0
        self._done = 0
        self._pending: tuple[int, Any] | None = None
        self._reported = 0  # the generation whose failure was last shown to the user
        self._thread: threading.Thread | None = None
        self._closed = False

    # --- asking for a save ---------------------------------------------------------------------------

    def warm(self, frozen: Any, min_projects: int = 50) -> None:
        """The draft as just read: its chunks need no read-back; on a large draft they are dumped now,
        on a thread, while the first question is read, instead of at the first answer."""
        self._dumper.trust(frozen)
        if len(frozen[2][frozen[1].index("projects")]) <= min_projects:
            return

        def run() -> None:
            with self._io:
                try:
                    self._dumper.dumps_frozen(frozen, str(self.path))
                except Exception:  # noqa: BLE001 - the first save reports it, with its own snapshot
                    pass

        threading.Thread(target=run, name="perfdraft-saver-warm", daemon=True).start()

    def request(self, frozen: Any) -> int:
        with self._cond:
            self._requested += 1
            self._pending = (self._requested, frozen)
            if self.conv is not None:
                self.conv.dirty = True  # under the lock: a save finishing now cannot clear it
            gen = self._requested
            if self.background:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._loop, name="perfdraft-saver", daemon=True)
                    self._thread.start()
                self._cond.notify_all()
        if not self.background:
            self._run_one()
        return gen

    def flush(self, timeout: float | None = None) -> SaveResult | None:
        """Wait until every requested snapshot is written; the last result (None: nothing was asked)."""
        if not self.background:
            self._run_one()
        with self._cond:
            self._cond.wait_for(lambda: self._done >= self._requested, timeout)
            return self.last

    @property
    def requested(self) -> int:
        return self._requested

    def unreported_failure(self) -> SaveResult | None:
        """The result of a finished save that failed and was not shown yet (then marked shown)."""
        with self._cond:
            if self.last is not None and not self.last.ok and self._reported < self._done:
                self._reported = self._done
                return self.last
            return None

    def close(self, timeout: float = 30) -> SaveResult | None:
        result = self.flush(timeout)
        with self._cond:
            self._closed = True
            self._cond.notify_all()
        return result

    # --- writing -------------------------------------------------------------------------------------

    def _loop(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._pending is None:
                    return
            self._run_one()

    def _run_one(self) -> None:
        with self._io:
            with self._cond:
                if self._pending is None:
                    return
                gen, frozen = self._pending
                self._pending = None
            result = self._write(frozen)
            with self._cond:
                self._done = gen
                self.last = result
                if result.ok and self._done >= self._requested and self.conv is not None:
                    self.conv.dirty = False
                self._cond.notify_all()
        if self.on_done is not None:
            self.on_done(result)

    def _write(self, frozen: Any) -> SaveResult:
        from . import drafts

        started = time.perf_counter()
        try:
            text = self._dumper.dumps_frozen(frozen, str(self.path))
            self.state = drafts_io.save_bytes(self.path, drafts.encode(text, self.path), self.state)
        except DraftConflict as exc:
            if exc.kept is not None:
                # From now on this session saves into the file that holds its version.
                self.path = Path(exc.kept)
                self.state = drafts_io.read_state(self.path)[1]
                self.notice = f"本会话之后的保存写入 {self.path.name}（原文件已被其他程序修改，未覆盖）"
            return SaveResult(False, str(exc), exc.kept, time.perf_counter() - started)
        except DraftError as exc:
            return SaveResult(False, str(exc), None, time.perf_counter() - started)
        except Exception as exc:  # noqa: BLE001 - a save must never take the session down; say what failed
            return SaveResult(False, f"{self.path}：保存时出错（{type(exc).__name__}），内容仍在内存中", None,
                              time.perf_counter() - started)
        return SaveResult(True, None, None, time.perf_counter() - started)
