"""``perfdraft migrate FILE --to central-2021|local-2015``: move rows between the two frameworks.

* A row moves only when its canonical levels (``frameworks.canonical_levels``) land elsewhere in the
  target framework (``frameworks.map_levels``): 产出-成本 ⇄ 成本-经济成本. Only such rows are
  relabelled, with the standard labels (``LEVEL1_LABELS`` / ``LEVEL2_LABELS``); every other row keeps
  its labels exactly as written. Row order is never changed.
* A row with no home in the target (社会成本, 生态环境成本 → local-2015) is kept as it is and flagged:
  a note in the project's ``notes`` (the draft's for department rows) says so, and the row is
  returned in the list of flagged rows. Nothing is dropped.
* **Exact round trip.** Migrating there and back restores the original draft. Standard labels need
  no memory (the reverse relabel gives them back). A moved row whose original labels were not the
  standard ones (``投入指标 / 成本指标``, ``产出 / 成本``, a blank 一级 …) gets a "迁移记录" note holding
  the original labels; migrating back restores them from the note and removes it. The flag notes of
  rows with no home are removed when migrating again. Both kinds of note end in a machine-readable
  ``⟦pd-migrate…⟧`` tag; deleting a note only loses the exact restoration of that row's labels.
"""

from __future__ import annotations

import argparse
import copy
import json
import re
from dataclasses import dataclass
from pathlib import Path

from . import drafts, frameworks, profiles
from .model import Draft, Indicator

_MEMO = re.compile(r"⟦pd-migrate:(\{.*\})⟧$")
_FLAG = re.compile(r"⟦pd-migrate-flag:(\{.*\})⟧$")


@dataclass(frozen=True)
class Flagged:
    """A row with no home in the target framework, kept where it was."""

    path: str
    indicator: Indicator

    def __str__(self) -> str:
        i = self.indicator
        return f"{self.path}「{i.name or '（无名称）'}」（{i.level1 or '—'} / {i.level2 or '—'}）"


def _rows(draft: Draft) -> list[tuple[str, str, Indicator, list[str]]]:
    """(path in the report, path in the notes, indicator, notes list it belongs with)."""
    out = []
    d = draft.department
    for i, ind in enumerate(d.indicators):
        out.append((f"department.indicators[{i}]", f"department.indicators[{i}]", ind, draft.notes))
    for g, goal in enumerate(d.sub_goals):
        for i, ind in enumerate(goal.indicators):
            path = f"department.sub_goals[{g}].indicators[{i}]"
            out.append((path, path, ind, draft.notes))
    for p, project in enumerate(draft.projects):
        for i, ind in enumerate(project.indicators):
            out.append((f"projects[{p}].indicators[{i}]", f"indicators[{i}]", ind, project.notes))
    return out


def _memos(notes: list[str]) -> dict[str, tuple[int, dict]]:
    out = {}
    for k, note in enumerate(notes):
        m = _MEMO.search(note)
        if not m:
            continue
        try:
            data = json.loads(m.group(1))
        except ValueError:
            continue
        if isinstance(data, dict) and isinstance(data.get("path"), str):
            out[data["path"]] = (k, data)
    return out


def _matches(memo: dict, ind: Indicator, target: str) -> bool:
    """Whether a memo written when leaving ``target`` still describes this row."""
    return memo.get("from") == target and memo.get("as") == [ind.level1, ind.level2] and memo.get("name") == ind.name


def _label(labels: dict[str, str], key: str | None) -> str | None:
    return labels.get(key, key) if key is not None else None


def migrate_draft(draft: Draft, target: str) -> tuple[Draft, list[Flagged]]:
    """The draft in framework ``target`` and the rows that have no home there (kept, with a note)."""
    if target not in frameworks.FRAMEWORKS:
        raise drafts.DraftError(f"“{target}” 不是已知框架（local-2015 或 central-2021）")
    new = copy.deepcopy(draft)
    source = new.framework
    if source == target:
        return new, []
    src_fw = frameworks.get(source)
    # flags of an earlier migration are stale now; they are re-made below when still true
    was_flagged: set[tuple[int, str]] = set()
    for notes in [new.notes] + [p.notes for p in new.projects]:
        for n in notes:
            m = _FLAG.search(n)
            if m:
                try:
                    was_flagged.add((id(notes), json.loads(m.group(1)).get("path")))
                except (ValueError, AttributeError):
                    pass
        notes[:] = [n for n in notes if not _FLAG.search(n)]
    memos = {id(notes): _memos(notes) for notes in [new.notes] + [p.notes for p in new.projects]}
    used: dict[int, set[int]] = {}
    added: list[tuple[list[str], str]] = []
    flagged: list[Flagged] = []
    dst_fw = frameworks.get(target)
    for path, rel, ind, notes in _rows(new):
        memo = memos[id(notes)].get(rel)
        if memo is not None and memo[1].get("stay") and _matches(memo[1], ind, target):
            used.setdefault(id(notes), set()).add(memo[0])
            continue  # a row that did not move on the way here does not move on the way back
        k1, k2 = frameworks.canonical_levels(ind.level1, ind.level2, src_fw)
        dest = frameworks.map_levels(k1, k2, source, target) if k1 and k2 else (k1, k2)
        if dest == (k1, k2):
            # A 一级 left blank is inferred per framework: (—, 经济成本) stays in local-2015 but would
            # move when coming back from central-2021. Pin such rows so that the round trip is exact.
            b1, b2 = frameworks.canonical_levels(ind.level1, ind.level2, dst_fw)
            back = frameworks.map_levels(b1, b2, target, source) if b1 and b2 else (b1, b2)
            # a row flagged on the way here (no home there) goes back to its home without a pin
            if back != (b1, b2) and (id(notes), rel) not in was_flagged:
                tag = json.dumps({"path": rel, "from": source, "stay": True, "as": [ind.level1, ind.level2],
                                  "name": ind.name}, ensure_ascii=False)
                added.append((notes, f"迁移记录：{rel}「{ind.name or '（无名称）'}」的层级“{ind.level1 or ''} / "
                                     f"{ind.level2 or ''}”在 {source} 中未移动，迁回时保持不变 ⟦pd-migrate:{tag}⟧"))
            continue
        if dest is None:
            flagged.append(Flagged(path, ind))
            tag = json.dumps({"path": rel, "to": target}, ensure_ascii=False)
            added.append((notes, f"迁移提示：{rel}「{ind.name or '（无名称）'}」的层级“{ind.level1 or ''} / "
                                 f"{ind.level2 or ''}”在 {target} 中没有对应位置，已原样保留，请改放或删除 "
                                 f"⟦pd-migrate-flag:{tag}⟧"))
            continue
        new_l1 = _label(frameworks.LEVEL1_LABELS, dest[0])
        new_l2 = _label(frameworks.LEVEL2_LABELS, dest[1])
        if memo is not None and not memo[1].get("stay") and _matches(memo[1], ind, target):
            new_l1, new_l2 = memo[1].get("level1"), memo[1].get("level2")  # as the user wrote them
            used.setdefault(id(notes), set()).add(memo[0])
        standard = (_label(frameworks.LEVEL1_LABELS, k1), _label(frameworks.LEVEL2_LABELS, k2))
        if (ind.level1, ind.level2) != standard:
            tag = json.dumps({"path": rel, "from": source, "level1": ind.level1, "level2": ind.level2,
                              "as": [new_l1, new_l2], "name": ind.name}, ensure_ascii=False)
            added.append((notes, f"迁移记录：{rel}「{ind.name or '（无名称）'}」在 {source} 中的原层级为"
                                 f"“{ind.level1 or ''} / {ind.level2 or ''}”，迁回 {source} 时自动恢复 "
                                 f"⟦pd-migrate:{tag}⟧"))
        ind.level1, ind.level2 = new_l1, new_l2
    for notes in [new.notes] + [p.notes for p in new.projects]:
        drop = used.get(id(notes), set())
        if drop:
            notes[:] = [n for k, n in enumerate(notes) if k not in drop]
    for notes, text in added:
        notes.append(text)
    new.framework = target
    # The table profile follows the framework (a hebei-2020 draft moved to central-2021 is laid out as
    # central-2021); a draft without a profile keeps deriving it from the framework. Rows keep every
    # column (计算符号, 权重, 评分标准, 中期 scope …) as it is: only their levels move.
    if new.profile is not None and profiles.get(new.profile).framework != target:
        new.profile = profiles.BY_FRAMEWORK.get(target, new.profile)
    return new, flagged


def cmd_migrate(args: argparse.Namespace) -> int:
    import sys

    from .errors import EXIT_FINDINGS, EXIT_OK, UsageError, output_link_refusal

    src = Path(args.file)
    out = Path(args.output) if getattr(args, "output", None) else src
    in_place = out == src or (out.exists() and src.exists() and out.samefile(src))
    if out != src and out.is_symlink() and (not out.exists() or (src.exists() and out.samefile(src))):
        raise UsageError(output_link_refusal(out))
    if out.is_dir():
        raise UsageError(f"{out}：是一个目录，应为迁移后草稿的文件名")
    if not in_place and (out.exists() or out.is_symlink()) and not getattr(args, "force", False):
        # -o over an existing draft replaced it (only .bak survived) where clone and import refuse (issue 19).
        raise UsageError(f"{out}：文件已存在，未覆盖（加 --force 覆盖，原文件保留为 {out.name}.bak）")
    draft, state, dropped = drafts.read(src, None if in_place else out)
    if draft.framework == args.to:
        if in_place:
            print(f"{src} 已是 {args.to} 框架，无需迁移，文件未改动")
            return EXIT_OK
        # -o NEW was asked for: a script's next step reads NEW (it was never written)
        for text in dropped:
            print(f"perfdraft: 注意：{text}", file=sys.stderr)
        lock = drafts.acquire_lock(out)
        try:
            drafts.save(draft, out)
        finally:
            lock.release()
        print(f"{src} 已是 {args.to} 框架，无需迁移；已原样另存为 {out}")
        return EXIT_OK
    for text in dropped:
        print(f"perfdraft: 注意：{text}", file=sys.stderr)
    new, flagged = migrate_draft(draft, args.to)
    moved = sum(1 for (_, _, a, _), (_, _, b, _) in zip(_rows(draft), _rows(new), strict=True)
                if (a.level1, a.level2) != (b.level1, b.level2))
    lock = drafts.acquire_lock(out)
    try:
        if in_place:
            drafts.save(new, out, known_digest=state.digest)  # never over a change made since it was read
        else:
            drafts.save(new, out)
    finally:
        lock.release()
    where = f"，另存为 {out}" if out != src else "（原文件保留为 .bak）"
    print(f"已把 {src} 从 {draft.framework} 迁移到 {args.to}{where}：移动 {moved} 行"
          f"（产出-成本 ⇄ 成本-经济成本），其余行层级不变")
    if flagged:
        print(f"有 {len(flagged)} 行在 {args.to} 中没有对应位置，已原样保留并在 notes 中注明，请改放或删除：")
        for f in flagged:
            print(f"  {f}")
        return EXIT_FINDINGS
    return EXIT_OK
