"""The checker against a reviewer's key: hand-typed real tables from ../shared/corpus/ (issue 16).

Each tests/fixtures/corpus-drafts/<stem>.toml is a table typed into a draft with its defects kept;
<stem>.key.toml lists what a reviewer sends back (path, kind, severity) and the rows a reviewer passes.
A defect is caught when an error or warning lands on its row or field (a project-level defect: on that
field). A clean row is alarmed when any error or warning lands on it. Hints count as neither.

    python benchmarks/bench_check_key.py              # the development drafts
    python benchmarks/bench_check_key.py --heldout    # also the held-out drafts (keys written first, never tuned on)
    python benchmarks/bench_check_key.py --probe      # also the probe drafts (tests/fixtures/probe-drafts:
                                                      # synthetic tables, keys by reviewers who never saw the checker)
    python benchmarks/bench_check_key.py -v           # list what was missed and which clean rows were alarmed
    python benchmarks/bench_check_key.py --imported   # import each probe file, check it: findings importing adds
"""

from __future__ import annotations

import re
import sys
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from perfdraft import checks, drafts

KEYS = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "corpus-drafts"
PROBE_KEYS = KEYS.parent / "probe-drafts"
ALARM = ("error", "warning")
_ROW = re.compile(r"^(.*?indicators\[\d+\])")
_CONTAINER = re.compile(r"\[\d+\](\.[^.\[]+)?$")  # projects[0].indicators[3].basis -> projects[0].indicators


@dataclass
class Score:
    errors: int = 0
    errors_caught: int = 0
    defects: int = 0
    defects_caught: int = 0
    clean: int = 0
    clean_alarmed: int = 0
    missed: list[str] = field(default_factory=list)
    alarmed: list[str] = field(default_factory=list)
    # errors and warnings outside the rows that no keyed defect accounts for (shown with -v only:
    # the key lists clean rows, not clean header fields)
    unkeyed: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        for name in ("errors", "errors_caught", "defects", "defects_caught", "clean", "clean_alarmed"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.missed += other.missed
        self.alarmed += other.alarmed
        self.unkeyed += other.unkeyed

    @property
    def error_recall(self) -> float:
        return self.errors_caught / self.errors if self.errors else 1.0

    @property
    def defect_recall(self) -> float:
        return self.defects_caught / self.defects if self.defects else 1.0

    @property
    def clean_alarm_share(self) -> float:
        return self.clean_alarmed / self.clean if self.clean else 0.0


def _anchor(path: str) -> str:
    m = _ROW.match(path)
    return m.group(1) if m else path


def _covers(place: str, anchor: str) -> bool:
    return place == anchor or place.startswith(anchor + ".")


def score_one(key_path: Path) -> Score:
    key = tomllib.loads(key_path.read_text(encoding="utf-8"))
    draft = drafts.load(key_path.with_name(key_path.name.replace(".key.toml", ".toml")))
    found = [f for f in checks.check_draft(draft) if f.severity in ALARM]
    # A finding on one place alarms that place; one cause listed at several places ("12 行缺 …") is a
    # project-level finding: it catches a defect at any of its places but alarms no single row.
    places = [(p, f.code) for f in found for p in (f.path, *getattr(f, "places", ()))]
    places += [(_CONTAINER.sub("", f.path), f.code) for f in found if len(getattr(f, "places", ())) > 1]
    row_places = [(f.path, f.code) for f in found if len(getattr(f, "places", ())) <= 1]
    s = Score()
    stem = key_path.name.removesuffix(".key.toml")[:5]
    for d in key.get("defects", []):
        anchor = _anchor(d["path"])
        hit = any(_covers(p, anchor) for p, _ in places)
        s.defects += 1
        s.defects_caught += hit
        if d["severity"] == "error":
            s.errors += 1
            s.errors_caught += hit
        if not hit:
            s.missed.append(f"{stem} {d['severity'][0]} {d['kind']:<22} {d['path']}")
    for row in key.get("clean", []):
        s.clean += 1
        hits = sorted({code for p, code in row_places if _covers(p, row)})
        if hits:
            s.clean_alarmed += 1
            s.alarmed.append(f"{stem} {row} {' '.join(hits)}")
    anchors = [_anchor(d["path"]) for d in key.get("defects", [])]
    for f in found:
        if _ROW.match(f.path) or len(getattr(f, "places", ())) > 1:
            continue
        if not any(_covers(f.path, a) or _covers(a, f.path) for a in anchors):
            s.unkeyed.append(f"{stem} {f.code} {f.path} {f.message}")
    return s


def score(heldout: bool, directory: Path = KEYS) -> Score:
    total = Score()
    for key_path in sorted(directory.glob("*.key.toml")):
        key = tomllib.loads(key_path.read_text(encoding="utf-8"))
        if bool(key.get("heldout")) == heldout:
            total.add(score_one(key_path))
    return total


def report(name: str, s: Score, verbose: bool) -> None:
    print(f"{name}: errors caught {s.errors_caught}/{s.errors} = {s.error_recall:.0%} (target ≥85%); "
          f"all defects {s.defects_caught}/{s.defects} = {s.defect_recall:.0%} (≥70%); "
          f"clean rows alarmed {s.clean_alarmed}/{s.clean} = {s.clean_alarm_share:.0%} (≤10%)")
    if verbose:
        for line in s.missed:
            print("  missed ", line)
        for line in s.alarmed:
            print("  alarmed", line)
        for line in s.unkeyed:
            print("  other  ", line)


def imported_extra(verbose: bool = False) -> Counter[str]:
    """Import each probe file that has a typed draft, check both, and count the row findings (errors and
    warnings) the imported draft has beyond the typed one, by code: what importing adds to a user's
    first check (a 部门整体 table read as a project drew PD201 on every row)."""
    import tempfile

    sys.path.insert(0, str(KEYS.parents[2]))
    from perfdraft.importers import ImportFailed, import_file
    from tests.corpus_scoring import PROBE, PROBE_FILES, source_file

    def row_codes(d: drafts.Draft) -> Counter[str]:
        return Counter(f.code for f in checks.check_draft(d) if f.severity in ALARM and "indicators[" in f.path)

    total: Counter[str] = Counter()
    with tempfile.TemporaryDirectory() as tmp:
        for key_path in sorted(PROBE_KEYS.glob("*.key.toml")):
            stem = key_path.name.removesuffix(".key.toml")
            found = [p for p in (*PROBE_FILES.glob(stem + ".*"), *PROBE.glob(stem + ".txt")) if p.suffix != ".toml"]
            if not found:
                continue
            typed = drafts.load(key_path.with_name(stem + ".toml"))
            try:
                imported = import_file(source_file(found[0].name, Path(tmp), PROBE)).draft
            except ImportFailed as exc:
                print(f"  {stem}: import failed: {exc}")
                continue
            extra = row_codes(imported) - row_codes(typed)
            total.update(extra)
            if verbose and extra:
                print(f"  {stem[:40]:40} {dict(extra)}")
    return total


if __name__ == "__main__":
    if "--imported" in sys.argv:
        extra = imported_extra("-v" in sys.argv)
        print(f"imported probe files: {sum(extra.values())} row findings beyond the typed drafts' {dict(extra)}")
        sys.exit(0)
    verbose = "-v" in sys.argv
    report("development drafts", score(heldout=False), verbose)
    if "--heldout" in sys.argv:
        report("held-out drafts", score(heldout=True), verbose)
    if "--probe" in sys.argv:
        report("probe drafts", score(heldout=True, directory=PROBE_KEYS), verbose)
